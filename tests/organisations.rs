//! The real organisations: what `verklaar lint` reports on each (human and JSON snapshots),
//! and the fictional reference, which must be clean.

use std::path::Path;

use verklaar::diagnostics::{SeverityLevel, render_human};
use verklaar::i18n::Lang;
use verklaar::lint::{self, LintOptions};
use verklaar::model::load::load_file;
use verklaar::model::time::Date;

fn options() -> LintOptions {
    let mut options = LintOptions::new(Lang::Nl);
    options.today = Date::parse("2026-01-01").expect("date");
    options
}

fn organisation_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir("organisations")
        .expect("organisations/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            format!(
                "organisations/{}",
                p.file_name().and_then(|n| n.to_str()).unwrap_or_default()
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn lint_report_of_every_organisation() {
    let files = organisation_files();
    assert!(
        files.len() >= 6,
        "expected the five real organisations and the reference: {files:?}"
    );
    for file in files {
        let loaded =
            load_file(Path::new(&file)).unwrap_or_else(|f| panic!("{file} does not load: {:?}", f.diagnostics));
        let findings = lint::check(&loaded, &options());
        let rendered: Vec<_> = findings.iter().map(|f| f.render(&loaded.file, Lang::Nl)).collect();
        let name = file
            .trim_start_matches("organisations/")
            .trim_end_matches(".yaml")
            .to_string();
        insta::assert_snapshot!(format!("{name}_human"), render_human(&rendered, false, 100));
        let json: Vec<serde_json::Value> = findings
            .iter()
            .map(|f| {
                let r = f.render(&loaded.file, Lang::Nl);
                let (line, column) = r.line_col();
                serde_json::json!({
                    "code": f.rule.code, "severity": f.severity, "line": line, "column": column,
                    "message": f.message, "suppressed": f.suppressed.is_some(),
                })
            })
            .collect();
        insta::assert_json_snapshot!(format!("{name}_json"), json);
    }
}

#[test]
fn reference_organisation_is_clean() {
    let loaded = load_file(Path::new("organisations/voorbeeld-praktijk.yaml")).expect("reference loads");
    let findings = lint::check(&loaded, &options());
    let serious: Vec<String> = findings
        .iter()
        .filter(|f| f.severity >= SeverityLevel::Warning && f.suppressed.is_none())
        .map(|f| format!("{} {}", f.rule.code, f.message))
        .collect();
    assert!(
        serious.is_empty(),
        "voorbeeld-praktijk must have no errors or warnings:\n{}",
        serious.join("\n")
    );
}

#[test]
fn every_organisation_file_names_its_source() {
    for file in organisation_files() {
        let text = std::fs::read_to_string(&file).expect("readable");
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("# yaml-language-server: $schema=../schemas/verklaar.schema.json"),
            "{file}"
        );
        let second = lines.next().unwrap_or_default();
        assert!(
            second.starts_with("# "),
            "{file}: the second line names the seed or says it is fictional"
        );
    }
}
