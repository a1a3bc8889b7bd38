//! What a finding says must be usable by a lawyer: durations and dates in words, never ISO
//! notation, and no pointer to a file (the repository's own or one it lacks). Checked over
//! every fixture and every organisation, in Dutch and English.

use std::path::{Path, PathBuf};

use verklaar::i18n::Lang;
use verklaar::lint::engine::{LintOptions, check};
use verklaar::model::load::load_file;
use verklaar::model::time::Date;

/// Every `.yaml` file under `dir`, recursively, sorted.
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// Strips `code` spans: the YAML a help tells the author to write (`period: P2Y`) is ISO by
/// design; the words around it must say the same in words.
fn prose(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// What a message must not contain, with why, or `None`.
fn defect(text: &str) -> Option<String> {
    let iso_duration = regex::Regex::new(r"\bP(\d+[YMWD])+\b|\bP(\d+[YMWD])*T\d").expect("literal regex");
    let iso_date = regex::Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").expect("literal regex");
    // A path of the repository's kind: a word with a slash and a file extension, or a bare
    // file name such as RULES.md.
    let file = regex::Regex::new(r"(?i)\b[\w./-]*\w\.(md|rs|ya?ml|json|toml|txt)\b").expect("literal regex");
    if let Some(m) = iso_duration.find(text) {
        return Some(format!("ISO duration '{}'", m.as_str()));
    }
    if let Some(m) = iso_date.find(text) {
        return Some(format!("ISO date '{}'", m.as_str()));
    }
    if text.contains("RULES.md") {
        return Some("a reference to RULES.md".to_string());
    }
    if let Some(m) = file.find(text) {
        let path = m.as_str();
        // A file the reader can open in this repository is the only acceptable kind, and a
        // finding has no business pointing to repository files at all; a web address
        // ("autoriteitpersoonsgegevens.nl") does not match the extensions above.
        let exists = Path::new(path).is_file();
        return Some(format!(
            "a reference to the file '{path}'{}",
            if exists { "" } else { " (which does not exist)" }
        ));
    }
    None
}

/// Lints each file in Dutch and English; returns the number of findings checked and the defects.
fn lint_chunk(files: &[PathBuf]) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut checked = 0usize;
    for file in files {
        // Fixtures of load errors do not load; they have no findings to check.
        let Ok(loaded) = load_file(file) else { continue };
        for lang in [Lang::Nl, Lang::En] {
            let options = LintOptions {
                lang,
                today: Date::parse("2026-01-01").expect("fixed date"),
                only: None,
                project: Default::default(),
            };
            for f in check(&loaded, &options) {
                checked += 1;
                let help = f.help.as_deref().map(prose).unwrap_or_default();
                for (what, text) in [
                    ("message", f.message.as_str()),
                    ("help", help.as_str()),
                    ("article", f.rule.article),
                ] {
                    if let Some(why) = defect(text) {
                        failures.push(format!(
                            "{} {} {what} ({lang:?}) has {why}: {text}",
                            file.display(),
                            f.rule.code
                        ));
                    }
                }
            }
        }
    }
    (checked, failures)
}

#[test]
fn findings_hold_no_iso_notation_and_no_file_references() {
    let mut files = Vec::new();
    yaml_files(Path::new("tests/fixtures"), &mut files);
    yaml_files(Path::new("organisations"), &mut files);
    files.sort();
    assert!(
        files.len() > 200,
        "expected the rule fixtures and organisations, found {}",
        files.len()
    );

    // Linting is independent per file: spread the files over a few threads.
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    let chunks: Vec<&[PathBuf]> = files.chunks(files.len().div_ceil(workers)).collect();
    let results: Vec<(usize, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| scope.spawn(move || lint_chunk(chunk)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a lint thread panicked"))
            .collect()
    });
    let checked: usize = results.iter().map(|(n, _)| n).sum();
    let failures: Vec<String> = results.into_iter().flat_map(|(_, f)| f).collect();
    assert!(checked > 1000, "only {checked} findings checked");
    assert!(
        failures.is_empty(),
        "{} finding text(s) a lawyer cannot use:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_checks_catch_what_they_are_for() {
    assert!(defect("binnen P1Y na afloop").is_some());
    assert!(defect("een termijn van PT12H").is_some());
    assert!(defect("op 2025-03-01").is_some());
    assert!(defect("— (zie RULES.md §3 per term)").is_some());
    assert!(defect("zie docs/legal/catalogue.md").is_some());
    assert!(defect("binnen 1 jaar na afloop, zie autoriteitpersoonsgegevens.nl").is_none());
    assert!(
        defect("schrijf `period: P2Y`").is_some(),
        "prose() strips code spans, defect() does not"
    );
    assert!(defect(&prose("schrijf `period: P2Y` (2 jaar)")).is_none());
}
