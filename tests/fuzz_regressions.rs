//! Every input a fuzzer found interesting enough to keep (`fuzz/regressions/<target>/`: the
//! crashes, and a minimised corpus), replayed through the same property as the fuzz target
//! (`verklaar::fuzzing`). The fuzzers need nightly; this runs on stable in every `cargo test`.
//!
//! Also replays the organisation files and fixtures through `load`, and hand-made inputs of
//! known shapes through the structure-aware targets, so the harness itself is exercised even
//! when a regressions folder is still empty.

use std::path::{Path, PathBuf};

use verklaar::fuzzing;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".gitkeep")
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new("fuzz/regressions").join(target);
    assert!(dir.is_dir(), "{} is missing", dir.display());
    let inputs = files(&dir);
    for path in &inputs {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let result = std::panic::catch_unwind(|| check(&data));
        assert!(result.is_ok(), "{target}: {} fails again", path.display());
    }
    inputs.len()
}

#[test]
fn load_regressions() {
    replay("load", fuzzing::load);
    let mut yaml = files(Path::new("organisations"));
    yaml.extend(files(Path::new("tests/fixtures")));
    yaml.extend(files(Path::new("tests/hostile")));
    assert!(yaml.len() > 100, "the fixtures are found");
    for path in yaml {
        let data = std::fs::read(&path).unwrap_or_default();
        fuzzing::load(&data);
    }
}

#[test]
fn markdown_regressions() {
    replay("markdown", fuzzing::markdown);
    let deep = format!("{}x{}", "*".repeat(130), "*".repeat(130));
    fuzzing::markdown(deep.as_bytes());
    fuzzing::markdown(b"[a](javascript:alert(1)) <script>x</script> `code` _a_ **b**");
}

/// Edits as the structure-aware targets read them: kind, place (u16), length/4, text.
fn edit(kind: u8, at: u16, text: &[u8]) -> Vec<u8> {
    let mut out = vec![kind];
    out.extend(at.to_be_bytes());
    let len = u8::try_from(text.len().div_ceil(4)).expect("short text");
    out.push(len);
    out.extend(text);
    out.resize(out.len() + (usize::from(len) * 4 - text.len()), b' ');
    out
}

fn structured_inputs() -> Vec<Vec<u8>> {
    let mut inputs = vec![Vec::new()];
    for at in (0..600).step_by(37) {
        inputs.push(edit(0, at, b"<script>alert(1)</script> **vet** [x](javascript:y)"));
        inputs.push(edit(
            0,
            at,
            b"********************************x********************************",
        ));
        inputs.push([edit(5, at, b""), edit(6, at + 1, &[40])].concat());
        inputs.push(edit(4, at, &[3, 0]));
    }
    inputs
}

#[test]
fn lint_regressions() {
    replay("lint", fuzzing::lint);
    let inputs = structured_inputs();
    let loading = inputs.iter().filter(|i| fuzzing::reaches_lint(i)).count();
    assert!(
        loading * 3 >= inputs.len(),
        "only {loading} of {} edited files load: the generator stops at the schema",
        inputs.len()
    );
    for input in inputs {
        fuzzing::lint(&input);
    }
}

#[test]
fn render_regressions() {
    replay("render", fuzzing::render);
    for input in structured_inputs() {
        fuzzing::render(&input);
    }
}

#[test]
fn pdf_regressions() {
    replay("pdf", fuzzing::pdf);
    fuzzing::pdf(&edit(0, 100, "**a** _b_ `c` \u{202e}".as_bytes()));
}
