//! Output formats and exit codes of `verklaar lint` with real findings: SARIF validated
//! against the OASIS 2.1.0 schema, suppressions in JSON and SARIF, `--deny warnings`,
//! severity overrides, `explain` for every code and the generated docs/rules.md.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn verklaar() -> Command {
    let mut cmd = Command::cargo_bin("verklaar").expect("the verklaar binary is built");
    cmd.env("NO_COLOR", "1").env("SOURCE_DATE_EPOCH", "1767225600"); // 2026-01-01
    cmd
}

fn json_of(args: &[&str]) -> (Value, i32) {
    let out = verklaar().args(args).output().expect("runs");
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (value, out.status.code().unwrap_or(-1))
}

const SUPPRESSED: &str = "tests/fixtures/rules/VK902/passes.yaml";

#[test]
fn sarif_validates_against_the_oasis_schema() {
    let text = std::fs::read_to_string("tests/vendor/sarif-schema-2.1.0.json").expect("vendored schema");
    // The OASIS file's `run.language` pattern has a stray `]` that strict regex engines
    // reject; repair it here so the vendored copy stays byte-identical to the original.
    let text = text.replace(
        r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        r"^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for args in [
        vec!["lint", "organisations", "--format", "sarif"],
        vec!["lint", SUPPRESSED, "--format", "sarif"],
        vec!["lint", "tests/hostile/duplicate_keys.yaml", "--format", "sarif"],
    ] {
        let (sarif, _) = json_of(&args);
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{args:?}: SARIF does not validate:\n{}",
            errors.join("\n")
        );
        let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules[]");
        for meta in verklaar::lint::registry::rules() {
            let entry = rules
                .iter()
                .find(|r| r["id"] == meta.code)
                .unwrap_or_else(|| panic!("no rules[] entry for {}", meta.code));
            assert_eq!(entry["name"], meta.name);
            assert_eq!(entry["properties"]["article"], meta.article);
            assert!(entry["help"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        }
    }
}

#[test]
fn suppressed_findings_are_kept_and_never_fail_the_run() {
    let (json, code) = json_of(&["lint", SUPPRESSED, "--format", "json"]);
    let suppressed: Vec<&Value> = json["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["suppressed"] == true)
        .collect();
    assert_eq!(suppressed.len(), 1, "{json:#}");
    assert_eq!(suppressed[0]["code"], "VK010");
    assert_eq!(json["summary"]["infos"], 0, "a suppressed finding is not counted");
    assert_eq!(code, 0);

    let (sarif, _) = json_of(&["lint", SUPPRESSED, "--format", "sarif"]);
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let result = results.iter().find(|r| r["ruleId"] == "VK010").expect("VK010 result");
    assert_eq!(result["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        result["suppressions"][0]["justification"],
        "Datalekprocedure wordt herschreven"
    );
}

#[test]
fn exit_codes_follow_the_findings() {
    // Errors → 1; the reference organisation → 0.
    verklaar().args(["lint", "organisations/lijv.yaml"]).assert().code(1);
    verklaar()
        .args(["lint", "organisations/voorbeeld-praktijk.yaml"])
        .assert()
        .code(0);
    // --exit-zero turns findings into a report only.
    verklaar()
        .args(["lint", "organisations/lijv.yaml", "--exit-zero"])
        .assert()
        .code(0);
    // Warnings only: 0, or 1 with --deny warnings.
    let warnings_only = "tests/fixtures/rules/VK303/fires.yaml";
    let (json, code) = json_of(&["lint", warnings_only, "--format", "json"]);
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    assert!(json["summary"]["warnings"].as_u64().unwrap_or(0) > 0);
    assert_eq!(code, 0);
    verklaar()
        .args(["lint", warnings_only, "--deny", "warnings"])
        .assert()
        .code(1);
}

#[test]
fn severity_overrides_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string("tests/fixtures/rules/VK303/fires.yaml").expect("fixture");
    let path = dir.path().join("x.yaml");
    std::fs::write(
        &path,
        format!("{text}\nlint:\n  severity: {{ VK303: error, VK010: off }}\n"),
    )
    .expect("write");
    let (json, code) = json_of(&["lint", path.to_str().expect("utf-8 path"), "--format", "json"]);
    let diags = json["diagnostics"].as_array().expect("array");
    assert!(
        diags.iter().any(|d| d["code"] == "VK303" && d["severity"] == "error"),
        "{json:#}"
    );
    assert!(!diags.iter().any(|d| d["code"] == "VK010"), "VK010 is off: {json:#}");
    assert_eq!(code, 1);
}

#[test]
fn explain_works_for_every_code() {
    for meta in verklaar::lint::registry::rules() {
        let out = verklaar().args(["explain", meta.code]).output().expect("runs");
        assert_eq!(out.status.code(), Some(0), "{}", meta.code);
        let text = String::from_utf8_lossy(&out.stdout);
        for part in [
            meta.name,
            meta.article,
            "Wat het controleert",
            "Waarom",
            "Voorbeeld (fout)",
            "Voorbeeld (goed)",
        ] {
            assert!(text.contains(part), "explain {} lacks {part}", meta.code);
        }
    }
    let out = verklaar().args(["explain", "VK4O1"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Bedoelde u VK401?"));
}

#[test]
fn rules_docs_are_current() {
    let out = verklaar()
        .args(["rules", "--format", "markdown"])
        .output()
        .expect("runs");
    let generated = String::from_utf8(out.stdout).expect("utf-8");
    let checked_in = std::fs::read_to_string(Path::new("docs/rules.md")).unwrap_or_default();
    assert!(
        generated == checked_in,
        "docs/rules.md is out of date: run `cargo run -- rules --format markdown > docs/rules.md`"
    );
    let (json, _) = json_of(&["rules", "--format", "json"]);
    assert_eq!(
        json["rules"].as_array().map(Vec::len),
        Some(verklaar::lint::registry::rules().len())
    );
    // The load errors are listed too, with their severity.
    let load = json["load_errors"].as_array().expect("load_errors");
    assert_eq!(load.len(), verklaar::diagnostics::load::LOAD_CODES.len());
    assert_eq!(load[0]["code"], "L001");
    assert!(load.iter().any(|l| l["code"] == "L027" && l["severity"] == "info"));
    assert!(
        load.iter()
            .all(|l| l["description"].as_str().is_some_and(|d| !d.is_empty()))
    );
    assert!(
        generated.contains("| L003 | unknown-key | fout |"),
        "the markdown lists L-codes"
    );
}

#[test]
fn github_format_annotates_rule_findings() {
    let out = verklaar()
        .args(["lint", "organisations/lijv.yaml", "--format", "github"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("::error file=organisations/lijv.yaml,line=") && l.contains("title=VK")),
        "{text}"
    );
    assert!(
        text.lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "))
    );
}
