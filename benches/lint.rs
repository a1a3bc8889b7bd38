//! Speed of the stages before rendering, per organisation: load, lint, compose, report
//! (issue: lint well under 1 ms per organisation on a release build). Run with
//! `cargo bench --bench lint` or scripts/bench.sh; scripts/bench compares whole runs with
//! the Python peers.

use std::path::{Path, PathBuf};

use verklaar::i18n::Lang;
use verklaar::lint::{self, LintOptions};
use verklaar::model::load::{Loaded, load_bytes};

fn main() {
    divan::main();
}

const FILES: &[&str] = &[
    "voorbeeld-praktijk",
    "lijv",
    "livio",
    "leef-coaching",
    "levgroep",
    "praktijk-lignum",
];

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("organisations")
        .join(format!("{name}.yaml"))
}

fn loaded(name: &str) -> Loaded {
    let bytes = std::fs::read(path(name)).expect("organisation file");
    load_bytes(path(name), &bytes).unwrap_or_else(|_| panic!("{name} loads"))
}

/// Lint only: the rules over an already loaded model.
#[divan::bench(args = FILES)]
fn lint_one(bencher: divan::Bencher, name: &str) {
    let loaded = loaded(name);
    let options = LintOptions::new(Lang::Nl);
    bencher.bench(|| lint::check(divan::black_box(&loaded), &options));
}

/// Load (parse, schema validation, references, typed model) from bytes in memory.
#[divan::bench(args = FILES)]
fn load_one(bencher: divan::Bencher, name: &str) {
    let bytes = std::fs::read(path(name)).expect("organisation file");
    bencher.bench(|| load_bytes("x.yaml", divan::black_box(&bytes)).is_ok());
}

/// Compose: the Dutch statement of a loaded and linted organisation.
#[divan::bench(args = FILES)]
fn compose_one(bencher: divan::Bencher, name: &str) {
    let loaded = loaded(name);
    let findings = lint::check(&loaded, &LintOptions::new(Lang::Nl));
    bencher.bench(|| verklaar::document::build(divan::black_box(&loaded), &findings));
}

/// Report: every finding of one organisation as a record (positions, labels, help), the
/// stage between lint and the output formats.
#[divan::bench(args = FILES)]
fn records_one(bencher: divan::Bencher, name: &str) {
    let loaded = loaded(name);
    let findings = lint::check(&loaded, &LintOptions::new(Lang::Nl));
    bencher.bench(|| {
        findings
            .iter()
            .map(|f| verklaar::project::report::Record::of_finding(f, &loaded.file, Lang::Nl))
            .collect::<Vec<_>>()
    });
}

fn codes() -> Vec<&'static str> {
    verklaar::lint::registry::all().iter().map(|r| r.meta.code).collect()
}

/// Each rule alone on the largest real statement, to find the expensive ones.
#[divan::bench(args = codes())]
fn rule_on_leef_coaching(bencher: divan::Bencher, code: &'static str) {
    rule_alone(bencher, "leef-coaching", code);
}

/// Each rule alone on the reference organisation.
#[divan::bench(args = codes())]
fn rule_on_voorbeeld(bencher: divan::Bencher, code: &'static str) {
    rule_alone(bencher, "voorbeeld-praktijk", code);
}

fn rule_alone(bencher: divan::Bencher, name: &str, code: &'static str) {
    let loaded = loaded(name);
    let mut options = LintOptions::new(Lang::Nl);
    options.only = Some(code);
    bencher.bench(|| lint::check(divan::black_box(&loaded), &options));
}

/// Purpose counts for the scaling curve: work must grow linearly with the file. 8 000 small
/// purposes are about 180 000 characters of text, just under the load limit
/// (`model::limits::MAX_TOTAL_CHARS`); a larger file is refused before lint (L030).
const SIZES: &[usize] = &[1_000, 2_000, 4_000, 8_000];

/// The reference organisation with `n` extra purposes that each lack a basis, a retention
/// period and the provision statement: three findings per purpose, the worst case for output.
fn many_purposes(n: usize) -> Vec<u8> {
    let base = std::fs::read_to_string(path("voorbeeld-praktijk")).expect("organisation file");
    let extra: String = (0..n)
        .map(|i| format!("  - {{ id: p{i}, description: Doel nummer {i} }}\n"))
        .collect();
    base.replacen("\npurposes:\n", &format!("\npurposes:\n{extra}"), 1)
        .into_bytes()
}

/// Load and lint a file of `n` small purposes.
#[divan::bench(args = SIZES, sample_count = 10)]
fn scaling_load_and_lint(bencher: divan::Bencher, n: usize) {
    let bytes = many_purposes(n);
    let options = LintOptions::new(Lang::Nl);
    bencher.bench(|| {
        let loaded = load_bytes("many.yaml", divan::black_box(&bytes)).unwrap_or_else(|_| panic!("loads"));
        lint::check(&loaded, &options).len()
    });
}

/// Load, lint and write the human report (miette snippets for every finding), as `verklaar
/// lint` does by default.
#[divan::bench(args = SIZES, sample_count = 10)]
fn scaling_human_report(bencher: divan::Bencher, n: usize) {
    let bytes = many_purposes(n);
    let options = LintOptions::new(Lang::Nl);
    bencher.bench(|| {
        let loaded = load_bytes("many.yaml", divan::black_box(&bytes)).unwrap_or_else(|_| panic!("loads"));
        let rendered: Vec<_> = lint::check(&loaded, &options)
            .iter()
            .map(|f| f.render(&loaded.file, Lang::Nl))
            .collect();
        verklaar::diagnostics::render_human(&rendered, false, 100).len()
    });
}
