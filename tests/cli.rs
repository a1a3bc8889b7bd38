//! The command line as a user and a CI script see it: help texts, usage errors, exit codes,
//! the output formats of `lint`, `explain` and `schema`.
//!
//! Every `lint` runs inside a temporary directory with relative paths, so file names in the
//! output are stable. Exit codes as ruff: 0 clean, 1 anything wrong in the files (lint
//! findings and load errors alike), 2 only when verklaar could not do its job.

mod common;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const MINIMAL: &str = "schema_version: 1\norganisation:\n  name: Praktijk X\nstatement: {}\n";

/// Two load errors: an unknown key (L003, with `name` then missing: L005) and a bad date.
const BROKEN: &str = "schema_version: 1\norganisation:\n  nmae: Praktijk X\nstatement:\n  effective_date: 2024-02-30\n";

fn verklaar() -> Command {
    let mut cmd = Command::cargo_bin("verklaar").expect("the verklaar binary is built");
    cmd.env_remove("RUST_BACKTRACE").env("NO_COLOR", "1");
    cmd
}

/// A temporary directory holding the given files.
fn workdir(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(path, text).expect("write file");
    }
    dir
}

/// `verklaar lint <args> --color never` in `dir`.
fn lint(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    verklaar()
        .current_dir(dir)
        .arg("lint")
        .args(args)
        .args(["--color", "never"])
        .assert()
}

fn stdout_json(assert: &assert_cmd::assert::Assert) -> Value {
    let out = &assert.get_output().stdout;
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", String::from_utf8_lossy(out)))
}

fn stderr_text(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// The README example with every rule that is not an error switched off: a clean run however
/// the warnings change (error rules must stay quiet on the example anyway; they cannot be
/// switched off without a reason, and a reason shows as a VK903 finding).
fn clean_file() -> String {
    let out = verklaar().args(["rules", "--format", "json"]).assert().success();
    let rules = stdout_json(&out);
    let codes: Vec<&str> = rules["rules"]
        .as_array()
        .expect("rules list")
        .iter()
        .filter(|r| r["severity"] != "error")
        .map(|r| r["code"].as_str().expect("rule code"))
        // The `lint:` block findings (VK9xx) cannot be set, and do not fire here.
        .filter(|code| !code.starts_with("VK9"))
        .collect();
    assert!(!codes.is_empty(), "`verklaar rules` lists no rules");
    let example =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("organisations/voorbeeld-praktijk.yaml"))
            .expect("the README example");
    let mut text = format!("{example}lint:\n  severity:\n");
    for code in codes {
        text.push_str(&format!("    {code}: off\n"));
    }
    text
}

// --- help and usage ----------------------------------------------------------------------------

#[test]
fn help_lists_the_commands() {
    verklaar().arg("--help").assert().success().stdout(
        predicate::str::contains("lint")
            .and(predicate::str::contains("build"))
            .and(predicate::str::contains("explain"))
            .and(predicate::str::contains("rules"))
            .and(predicate::str::contains("schema"))
            .and(predicate::str::contains("--lang")),
    );
}

#[test]
fn version_is_printed() {
    verklaar()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn lint_help_lists_the_flags() {
    verklaar().args(["lint", "--help"]).assert().success().stdout(
        predicate::str::contains("--format")
            .and(predicate::str::contains("human"))
            .and(predicate::str::contains("json"))
            .and(predicate::str::contains("sarif"))
            .and(predicate::str::contains("github"))
            .and(predicate::str::contains("--deny"))
            .and(predicate::str::contains("--lang"))
            .and(predicate::str::contains("--color"))
            .and(predicate::str::contains("Exitcodes (zoals ruff)")),
    );
    verklaar()
        .args(["--lang", "en", "lint", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes (as ruff)"));
}

#[test]
fn build_help_lists_the_flags() {
    verklaar().args(["build", "--help"]).assert().success().stdout(
        predicate::str::contains("--out")
            .and(predicate::str::contains("--strict"))
            .and(predicate::str::contains("--only"))
            .and(predicate::str::contains("--theme")),
    );
}

#[test]
fn explain_help_names_the_argument() {
    verklaar()
        .args(["explain", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("<CODE>").and(predicate::str::contains("L003")));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["lint", "--nope"],
        &["lint", "--format", "xml"],
        &["--lang", "fr", "lint"],
        &["explain"],
        &[],
    ] {
        let assert = verklaar().args(args).assert().code(2);
        let stderr = stderr_text(&assert);
        assert!(!stderr.is_empty(), "{args:?}: no message on stderr");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

// --- lint: exit codes and human output ----------------------------------------------------------

#[test]
fn lint_clean_file_exits_0() {
    let dir = workdir(&[("schoon.yaml", &clean_file())]);
    let assert = lint(dir.path(), &["schoon.yaml"]).code(0);
    let stderr = stderr_text(&assert);
    assert!(
        stderr.contains("1 bestand(en) gecontroleerd: geen meldingen."),
        "{stderr}"
    );
    let json = stdout_json(&lint(dir.path(), &["schoon.yaml", "--format", "json"]).code(0));
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(json["summary"]["errors"], 0);
}

#[test]
fn lint_exit_zero_makes_load_errors_a_report() {
    let dir = workdir(&[("kapot.yaml", BROKEN)]);
    let assert = lint(dir.path(), &["kapot.yaml", "--exit-zero"]).code(0);
    assert!(stderr_text(&assert).contains("fout[L003]"));
    // --exit-zero never hides a tool error.
    lint(dir.path(), &["bestaat-niet.yaml", "--exit-zero"]).code(2);
}

#[test]
fn lint_broken_file_exits_1_with_human_report() {
    let dir = workdir(&[("kapot.yaml", BROKEN)]);
    let assert = lint(dir.path(), &["kapot.yaml"]).code(1).stdout("");
    let stderr = stderr_text(&assert);
    assert!(!stderr.contains('\u{1b}'), "no colour with --color never");
    assert!(
        stderr.contains("fout[L003]: Onbekende sleutel `nmae`. Bedoelde u `name`?"),
        "{stderr}"
    );
    assert!(stderr.contains("[kapot.yaml:3:3]"), "{stderr}");
    assert!(stderr.contains("[kapot.yaml:5:19]"), "{stderr}");
    insta::assert_snapshot!("lint_broken_human_nl", stderr);
}

#[test]
fn lint_lang_en_switches_the_language() {
    let dir = workdir(&[("kapot.yaml", BROKEN)]);
    let assert = lint(dir.path(), &["kapot.yaml", "--lang", "en"]).code(1);
    let stderr = stderr_text(&assert);
    assert!(
        stderr.contains("error[L003]: Unknown key `nmae`. Did you mean `name`?"),
        "{stderr}"
    );
    assert!(stderr.contains("`2024-02-30` is not a valid date."), "{stderr}");
    assert!(!stderr.contains("Onbekende sleutel"), "{stderr}");
    assert!(stderr.contains("1 file(s) checked: 3 error(s)"), "{stderr}");
    let json = stdout_json(&lint(dir.path(), &["kapot.yaml", "--lang", "en", "--format", "json"]).code(1));
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["message"].as_str().expect("message"))
        .collect();
    assert!(
        messages.contains(&"Unknown key `nmae`. Did you mean `name`?"),
        "{messages:?}"
    );
}

#[test]
fn lint_missing_path_exits_2() {
    let dir = workdir(&[]);
    let assert = lint(dir.path(), &["bestaat-niet.yaml"]).code(2);
    let stderr = stderr_text(&assert);
    assert!(
        stderr.contains("'bestaat-niet.yaml' kan niet worden gelezen"),
        "{stderr}"
    );
}

#[test]
fn lint_empty_folder_exits_2() {
    let dir = workdir(&[("leeg/notities.txt", "geen yaml")]);
    let assert = lint(dir.path(), &["leeg"]).code(2);
    assert!(stderr_text(&assert).contains("geen organisatiebestanden"));
}

// --- lint: machine formats ------------------------------------------------------------------------

#[test]
fn lint_json_has_the_contract_fields() {
    let dir = workdir(&[("kapot.yaml", BROKEN)]);
    let assert = lint(dir.path(), &["kapot.yaml", "--format", "json"]).code(1);
    assert_eq!(stderr_text(&assert), "", "machine formats keep stderr empty");
    let json = stdout_json(&assert);
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics array");
    let found: Vec<(&str, u64, u64)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().expect("code"),
                d["line"].as_u64().expect("line"),
                d["column"].as_u64().expect("column"),
            )
        })
        .collect();
    assert_eq!(found, [("L005", 2, 1), ("L003", 3, 3), ("L011", 5, 19)]);
    for d in diagnostics {
        for field in [
            "code",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "article",
            "help",
            "suppressed",
        ] {
            assert!(d.get(field).is_some(), "field `{field}` missing in {d}");
        }
        assert_eq!(d["severity"], "error");
        assert_eq!(d["file"], "kapot.yaml");
        assert_eq!(d["article"], Value::Null, "load errors have no article");
        assert_eq!(d["suppressed"], false);
        assert!(d["help"].is_string(), "{d}");
        let (line, end_line) = (d["line"].as_u64(), d["end_line"].as_u64());
        assert!(end_line >= line, "{d}");
    }
    let l003 = &diagnostics[1];
    assert_eq!(l003["name"], "unknown-key");
    assert_eq!(l003["message"], "Onbekende sleutel `nmae`. Bedoelde u `name`?");
    assert_eq!(
        (l003["end_line"].as_u64(), l003["end_column"].as_u64()),
        (Some(3), Some(7))
    );
    assert_eq!(
        json["summary"],
        serde_json::json!({"errors": 3, "warnings": 0, "infos": 0, "files": 1})
    );
}

#[test]
fn lint_github_prints_workflow_commands() {
    let dir = workdir(&[("kapot.yaml", BROKEN)]);
    let assert = lint(dir.path(), &["kapot.yaml", "--format", "github"]).code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "one line per diagnostic:\n{stdout}");
    assert!(
        lines[1].starts_with("::error file=kapot.yaml,line=3,col=3,endLine=3,endColumn=7,title=L003 unknown-key::"),
        "{stdout}"
    );
    assert!(
        lines[1].contains("Onbekende sleutel `nmae`. Bedoelde u `name`?%0ASchrijf `name`."),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with("::error file=kapot.yaml,line=5,col=19,"),
        "{stdout}"
    );
    for line in lines {
        assert!(line.starts_with("::error file="), "{line}");
    }
}

#[test]
fn lint_sarif_is_version_2_1_0() {
    let dir = workdir(&[("kapot.yaml", BROKEN)]);
    let json = stdout_json(&lint(dir.path(), &["kapot.yaml", "--format", "sarif"]).code(1));
    assert_eq!(json["version"], "2.1.0");
    let run = &json["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "verklaar");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 3);
    let l003 = &results[1];
    assert_eq!(l003["ruleId"], "L003");
    assert_eq!(l003["level"], "error");
    let region = &l003["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(
        l003["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "kapot.yaml"
    );
    let rule_ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    for code in ["L003", "L005", "L011"] {
        assert!(
            rule_ids.contains(&code),
            "{code} missing from tool.driver.rules: {rule_ids:?}"
        );
    }
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex");
        let index = usize::try_from(index).expect("index");
        assert_eq!(result["ruleId"], rule_ids[index]);
    }
}

#[test]
fn lint_reports_errors_per_file() {
    let dir = workdir(&[
        ("org/a-kapot.yaml", BROKEN),
        ("org/b-leeg.yaml", ""),
        ("org/c-schoon.yml", MINIMAL),
        ("org/.verborgen/x.yaml", "kapot: ["),
        ("org/notities.txt", "geen yaml"),
    ]);
    let json = stdout_json(&lint(dir.path(), &["org", "--format", "json"]).code(1));
    let per_file: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with('L')))
        .map(|d| (d["file"].as_str().expect("file"), d["code"].as_str().expect("code")))
        .collect();
    let sep = std::path::MAIN_SEPARATOR;
    let a = format!("org{sep}a-kapot.yaml");
    let b = format!("org{sep}b-leeg.yaml");
    let hidden = format!("org{sep}.verborgen");
    assert_eq!(
        per_file,
        [
            (a.as_str(), "L005"),
            (a.as_str(), "L003"),
            (a.as_str(), "L011"),
            (b.as_str(), "L018"),
            (hidden.as_str(), "L027"),
        ],
        "a hidden folder is listed as skipped (info); non-YAML files are not organisation files; c-schoon.yml has no load errors"
    );
    assert_eq!(json["summary"]["files"], 3);

    // Files given one by one: the same, in the order given.
    let json = stdout_json(&lint(dir.path(), &["org/b-leeg.yaml", "org/a-kapot.yaml", "--format", "json"]).code(1));
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["file"].as_str().expect("file"))
        .collect();
    assert_eq!(
        files,
        [
            "org/b-leeg.yaml",
            "org/a-kapot.yaml",
            "org/a-kapot.yaml",
            "org/a-kapot.yaml"
        ]
    );
    assert_eq!(json["summary"]["files"], 2);
}

// --- explain, rules, schema -----------------------------------------------------------------------

#[test]
fn explain_load_code() {
    verklaar()
        .args(["explain", "L003"])
        .assert()
        .success()
        .stdout(predicate::str::contains("unknown-key (L003)").and(predicate::str::contains("Laadfout")));
    verklaar()
        .args(["explain", "l003", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("unknown-key (L003)").and(predicate::str::contains("Load error")));
}

#[test]
fn explain_unknown_code_exits_2() {
    verklaar()
        .args(["explain", "XX999"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("onbekende code 'XX999'"));
    verklaar()
        .args(["explain", "L0003"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Bedoelde u"));
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let expected = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/verklaar.schema.json"))
        .expect("schemas/verklaar.schema.json");
    let assert = verklaar().arg("schema").assert().success();
    let stdout = &assert.get_output().stdout;
    assert!(
        *stdout == expected,
        "`verklaar schema` differs from schemas/verklaar.schema.json; run `cargo run -- schema > schemas/verklaar.schema.json`"
    );
}

/// A recipient outside the EEA is a transfer: without `transfers`, with `transfers: []` or with
/// a transfer for someone else, lint fails the gate (VK311, exit 1) — the README example is
/// otherwise clean.
#[test]
fn an_undeclared_transfer_fails_the_gate() {
    let example = common::readme_example();
    let example = example.replace("# yaml-language-server: $schema=../schemas/verklaar.schema.json\n", "");
    let us = "recipients:\n  - { id: mail, name: Mailbedrijf, role: processor, agreement: true, country: US }\n";
    let cases = [
        (
            "zonder",
            example
                .replace("recipients: []", us.trim_end())
                .replace("transfers: []", ""),
        ),
        ("leeg", example.replace("recipients: []", us.trim_end())),
        (
            "ander",
            example.replace("recipients: []", us.trim_end()).replace(
                "transfers: []",
                "transfers:\n  - { countries: [IN], mechanism: standard_contractual_clauses }",
            ),
        ),
    ];
    for (name, text) in cases {
        let file = format!("{name}.yaml");
        let dir = workdir(&[(&file, &text)]);
        let json = stdout_json(&lint(dir.path(), &[&file, "--format", "json"]).code(1));
        let codes: Vec<&str> = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        assert!(codes.contains(&"VK311"), "{name}: {codes:?}\n{text}");
    }
}

// --- issue 11: nothing ignored silently, exit codes as ruff --------------------------------------

/// The README example with VK509 (an error rule) turned off with a reason.
fn with_override() -> String {
    format!(
        "{}    VK509: {{ level: off, reason: \"Geen geautomatiseerde besluiten; FG 2025-03-01\" }}\n",
        clean_file()
    )
}

#[test]
fn a_turned_off_error_rule_shows_in_every_format() {
    let dir = workdir(&[("uit.yaml", &with_override())]);
    let message = "VK509 staat uit: Geen geautomatiseerde besluiten; FG 2025-03-01";
    let human = stderr_text(&lint(dir.path(), &["uit.yaml"]).code(0));
    assert!(human.contains(&format!("info[VK903]: {message}")), "{human}");
    assert!(human.contains("0 fout(en), 0 waarschuwing(en), 1 info."), "{human}");

    let json = stdout_json(&lint(dir.path(), &["uit.yaml", "--format", "json"]).code(0));
    let record = &json["diagnostics"][0];
    assert_eq!(
        (&record["code"], &record["severity"], &record["message"]),
        (&Value::from("VK903"), &Value::from("info"), &Value::from(message))
    );

    let sarif = stdout_json(&lint(dir.path(), &["uit.yaml", "--format", "sarif"]).code(0));
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "VK903");
    assert_eq!(result["level"], "note");
    assert_eq!(result["message"]["text"], message);

    let github = lint(dir.path(), &["uit.yaml", "--format", "github"]).code(0);
    let out = String::from_utf8_lossy(&github.get_output().stdout).into_owned();
    assert!(out.starts_with("::notice file=uit.yaml,line="), "{out}");
    assert!(
        out.contains(&format!("title=VK903 severity-override::{message}")),
        "{out}"
    );
}

#[test]
fn a_turned_off_error_rule_without_reason_exits_1() {
    let text = format!("{}    VK509: off\n", clean_file());
    let dir = workdir(&[("uit.yaml", &text)]);
    let json = stdout_json(&lint(dir.path(), &["uit.yaml", "--format", "json"]).code(1));
    assert_eq!(json["diagnostics"][0]["code"], "L022");
    assert_eq!(json["diagnostics"][0]["name"], "reason-required");
    // The same as GitHub annotation and SARIF result: load errors are findings like any other.
    let github = lint(dir.path(), &["uit.yaml", "--format", "github"]).code(1);
    let out = String::from_utf8_lossy(&github.get_output().stdout).into_owned();
    assert!(out.starts_with("::error file=uit.yaml,line="), "{out}");
    assert!(
        out.contains("title=L022 reason-required::VK509 is een verplichte controle"),
        "{out}"
    );
    let sarif = stdout_json(&lint(dir.path(), &["uit.yaml", "--format", "sarif"]).code(1));
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "L022");
    lint(dir.path(), &["uit.yaml", "--exit-zero"]).code(0);
}

#[test]
fn unknown_severity_key_exits_1_with_suggestion() {
    let text = format!("{}    VK7O8: off\n", clean_file());
    let dir = workdir(&[("typo.yaml", &text)]);
    let stderr = stderr_text(&lint(dir.path(), &["typo.yaml"]).code(1));
    assert!(
        stderr.contains("fout[L021]: `VK7O8` in `lint.severity` is geen regel van verklaar. Bedoelde u VK708?"),
        "{stderr}"
    );
}

/// The exit-code table of the README, one row per case.
#[test]
fn exit_codes_as_ruff() {
    let dir = workdir(&[
        ("schoon.yaml", &clean_file()),
        ("kapot.yaml", BROKEN),
        ("leeg/notities.txt", "geen yaml"),
    ]);
    // 0: clean.
    lint(dir.path(), &["schoon.yaml"]).code(0);
    // 1: a load error is a finding; --exit-zero makes it a report.
    lint(dir.path(), &["kapot.yaml"]).code(1);
    lint(dir.path(), &["kapot.yaml", "--exit-zero"]).code(0);
    lint(dir.path(), &["kapot.yaml", "--format", "json", "--exit-zero"]).code(0);
    // 2: the tool could not do its job, whatever --exit-zero says.
    lint(dir.path(), &["bestaat-niet.yaml", "--exit-zero"]).code(2);
    lint(dir.path(), &["leeg", "--exit-zero"]).code(2);
    verklaar().args(["lint", "--format", "xml"]).assert().code(2);
}

#[cfg(unix)]
#[test]
fn folder_lists_what_it_skips_and_follows_links_inside_only() {
    use std::os::unix::fs::symlink;
    let dir = workdir(&[
        ("org/a.yaml", &clean_file()),
        ("org/.verborgen.yaml", BROKEN),
        ("org/sub/echt.yaml", &clean_file()),
        ("elders/buiten.yaml", BROKEN),
        ("org/.git/config.yaml", BROKEN),
    ]);
    let org = dir.path().join("org");
    symlink("a.yaml", org.join("dubbel.yaml")).expect("link");
    symlink("../elders/buiten.yaml", org.join("buiten.yaml")).expect("link");
    symlink("sub", org.join("submap")).expect("link");
    // A link inside the folder to a file the walk does not reach under its own name: followed.
    std::fs::write(org.join("sub/.stil.yaml"), clean_file()).expect("write");
    symlink("sub/.stil.yaml", org.join("zichtbaar.yaml")).expect("link");

    let json = stdout_json(&lint(dir.path(), &["org", "--format", "json"]).code(1));
    let found: Vec<(String, String, String)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("file"), s("code"), s("severity"))
        })
        .collect();
    let row = |f: &str, c: &str, s: &str| (f.to_string(), c.to_string(), s.to_string());
    assert_eq!(
        found,
        [
            row("org/.git", "L027", "info"),
            row("org/.verborgen.yaml", "L027", "info"),
            row("org/buiten.yaml", "L025", "error"),
            row("org/dubbel.yaml", "L027", "info"),
            row("org/sub/.stil.yaml", "L027", "info"),
            row("org/submap", "L027", "info"),
        ],
        "{json:#}"
    );
    // a.yaml, sub/echt.yaml and zichtbaar.yaml (the link) are checked; the refused link counts.
    assert_eq!(json["summary"]["files"], 4);
    let stderr = stderr_text(&lint(dir.path(), &["org"]).code(1));
    assert!(stderr.contains("overgeslagen: verborgen bestand"), "{stderr}");
    assert!(stderr.contains("fout[L025]: Dit is een snelkoppeling naar"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_for() {
    let dir = workdir(&[("org/a.yaml", &clean_file())]);
    let fifo = dir.path().join("org/pijp.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        panic!("mkfifo is needed for this test");
    }
    for path in ["org", "org/pijp.yaml"] {
        let assert = verklaar()
            .current_dir(dir.path())
            .args(["lint", path, "--color", "never"])
            .timeout(std::time::Duration::from_secs(10))
            .assert()
            .code(1);
        let stderr = stderr_text(&assert);
        assert!(
            stderr.contains("fout[L026]: Dit is een named pipe (FIFO), geen gewoon bestand; verklaar leest het niet."),
            "{path}: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_broken_link_is_a_tool_error_in_dutch() {
    let dir = workdir(&[("org/a.yaml", &clean_file())]);
    std::os::unix::fs::symlink("nergens.yaml", dir.path().join("org/kapot.yaml")).expect("link");
    // verklaar could not read a file it was asked to check: 2, also with --exit-zero.
    let json = stdout_json(&lint(dir.path(), &["org", "--exit-zero", "--format", "json"]).code(2));
    let record = &json["diagnostics"][0];
    assert_eq!(record["code"], "L016");
    assert_eq!(
        record["message"],
        "Het bestand kan niet worden gelezen: het bestaat niet (of een snelkoppeling wijst naar niets)."
    );
    let stderr = stderr_text(&lint(dir.path(), &["org"]).code(2));
    assert!(
        !stderr.contains("os error"),
        "no English OS text in Dutch output: {stderr}"
    );
}
