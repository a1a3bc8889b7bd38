//! The options that fit verklaar into editors, CI and shells: standard input, `--select` and
//! `--ignore`, `-q`, `--output-file` and shell completions.

use assert_cmd::Command;
use serde_json::Value;

const MINIMAL: &str = "schema_version: 1\norganisation:\n  name: Praktijk X\nstatement: {}\n";
const BROKEN: &str = "schema_version: 1\norganisation:\n  nmae: Praktijk X\nstatement: {}\n";

fn verklaar(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("verklaar").expect("the verklaar binary is built");
    cmd.env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(["--color", "never"]);
    cmd
}

fn folder(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("praktijk.yaml"), text).expect("write");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn codes(json: &[u8]) -> Vec<String> {
    let value: Value = serde_json::from_slice(json).expect("JSON report");
    value["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_string())
        .collect()
}

#[test]
fn standard_input_is_linted_under_the_given_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = verklaar(dir.path())
        .args(["lint", "-", "--stdin-filename", "organisations/praktijk.yaml"])
        .write_stdin(BROKEN)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("organisations/praktijk.yaml:3:3"), "{err}");
    assert!(err.contains("L003"), "{err}");

    // The same file on disk gives the same report, name for name.
    let on_disk = folder(MINIMAL);
    let from_stdin = verklaar(on_disk.path())
        .args(["lint", "-", "--stdin-filename", "praktijk.yaml", "--format", "json"])
        .write_stdin(MINIMAL)
        .output()
        .expect("runs");
    let from_file = verklaar(on_disk.path())
        .args(["lint", "praktijk.yaml", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(text(&from_stdin.stdout), text(&from_file.stdout));
    assert_eq!(from_stdin.status.code(), from_file.status.code());
}

#[test]
fn standard_input_without_a_name_and_with_other_paths() {
    let dir = folder(MINIMAL);
    let out = verklaar(dir.path())
        .args(["lint", "-"])
        .write_stdin(BROKEN)
        .output()
        .expect("runs");
    assert!(text(&out.stderr).contains("<stdin>:3:3"), "{}", text(&out.stderr));
    let out = verklaar(dir.path())
        .args(["lint", "-", "praktijk.yaml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("kan niet samen met andere paden"));
}

#[test]
fn select_and_ignore_choose_the_rules_reported() {
    let dir = folder(MINIMAL);
    let all = verklaar(dir.path())
        .args(["lint", ".", "--format", "json"])
        .output()
        .expect("runs");
    let all_codes = codes(&all.stdout);
    assert!(all_codes.iter().any(|c| c.starts_with("VK5")), "{all_codes:?}");
    assert!(all_codes.iter().any(|c| !c.starts_with("VK5")), "{all_codes:?}");

    let selected = verklaar(dir.path())
        .args(["lint", ".", "--format", "json", "--select", "vk5"])
        .output()
        .expect("runs");
    let selected_codes = codes(&selected.stdout);
    let expected: Vec<String> = all_codes.iter().filter(|c| c.starts_with("VK5")).cloned().collect();
    assert_eq!(selected_codes, expected);

    // Ignoring every rule that reported an error makes the gate pass, as in ruff: the
    // command line of the CI job says so for everyone to read.
    let all_json: Value = serde_json::from_slice(&all.stdout).expect("JSON");
    let errors: Vec<&str> = all_json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert!(!errors.is_empty());
    assert_eq!(all.status.code(), Some(1));
    let ignored = verklaar(dir.path())
        .args(["lint", ".", "--ignore", &errors.join(",")])
        .output()
        .expect("runs");
    assert_eq!(ignored.status.code(), Some(0), "{}", text(&ignored.stderr));
    let err = text(&ignored.stderr);
    assert!(err.contains("niet getoond door --select/--ignore"), "{err}");
    assert!(errors.iter().all(|code| !err.contains(&format!("[{code}]"))), "{err}");
}

#[test]
fn an_unknown_code_is_refused_with_a_suggestion() {
    let dir = folder(MINIMAL);
    let out = verklaar(dir.path())
        .args(["lint", ".", "--ignore", "VK7O8"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("`VK7O8` bij --ignore is geen regelcode"), "{err}");
    assert!(err.contains("Bedoelde u `VK708`?"), "{err}");
    let out = verklaar(dir.path())
        .args(["--lang", "en", "lint", ".", "--select", "XX1"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("`XX1` in --select is not a rule code"));
}

#[test]
fn quiet_leaves_out_the_summary() {
    let dir = folder(MINIMAL);
    let loud = verklaar(dir.path()).args(["lint", "."]).output().expect("runs");
    let quiet = verklaar(dir.path()).args(["lint", ".", "-q"]).output().expect("runs");
    assert!(text(&loud.stderr).contains("gecontroleerd:"));
    assert!(!text(&quiet.stderr).contains("gecontroleerd:"));
    assert_eq!(loud.status.code(), quiet.status.code());
    assert!(text(&quiet.stderr).contains("VK"), "findings stay");

    let build = verklaar(dir.path())
        .args(["build", ".", "-q", "--only", "html", "--out", "site"])
        .output()
        .expect("runs");
    assert!(
        !text(&build.stderr).contains("geschreven naar"),
        "{}",
        text(&build.stderr)
    );
    assert!(dir.path().join("site/index.html").is_file());
}

#[test]
fn output_file_holds_the_report_and_is_replaced_whole() {
    let dir = folder(MINIMAL);
    let report = dir.path().join("rapport.json");
    std::fs::write(&report, "oud").expect("write");
    let out = verklaar(dir.path())
        .args(["lint", ".", "--format", "json", "--output-file", "rapport.json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written = std::fs::read(&report).expect("report");
    assert!(!codes(&written).is_empty());
    let human = verklaar(dir.path())
        .args(["lint", ".", "--output-file", "rapport.txt"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("runs");
    assert!(human.stderr.is_empty(), "{}", text(&human.stderr));
    let txt = std::fs::read_to_string(dir.path().join("rapport.txt")).expect("report");
    assert!(txt.contains("gecontroleerd:") && !txt.contains('\u{1b}'), "{txt}");
    // Nothing else is left in the folder.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["praktijk.yaml", "rapport.json", "rapport.txt"]);

    let unwritable = verklaar(dir.path())
        .args(["lint", ".", "--output-file", "geen/map/rapport.txt"])
        .output()
        .expect("runs");
    assert_eq!(unwritable.status.code(), Some(2));
    assert!(text(&unwritable.stderr).contains("kan niet worden geschreven"));
}

#[test]
fn completions_generate_for_every_shell() {
    let dir = tempfile::tempdir().expect("tempdir");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = verklaar(dir.path())
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        for word in ["lint", "build", "explain", "completions", "stdin-filename", "no-cache"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
        assert!(!script.contains("pdf-worker"), "{shell}: hidden command completed");
        if shell == "bash" {
            let path = dir.path().join("verklaar.bash");
            std::fs::write(&path, &script).expect("write");
            let check = std::process::Command::new("bash")
                .arg("-n")
                .arg(&path)
                .output()
                .expect("bash runs");
            assert!(check.status.success(), "{}", text(&check.stderr));
        }
    }
    let out = verklaar(dir.path())
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

/// clap's English words that must not show in Dutch help or usage errors.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print",
    "error:",
    "found",
    "For more",
    "possible values",
    "default:",
    "tip: a",
    "required",
    "cannot be used",
    "[OPTIONS]",
    "<COMMAND>",
    "invalid value",
];

#[test]
fn help_and_usage_errors_are_dutch_and_english_with_lang_en() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |words: &[&str]| {
        let out = Command::cargo_bin("verklaar")
            .expect("built")
            .env("NO_COLOR", "1")
            .current_dir(dir.path())
            .args(words)
            .output()
            .expect("runs");
        (out.status.code(), text(&out.stdout) + &text(&out.stderr))
    };
    let helps: &[&[&str]] = &[
        &["--help"],
        &["-h"],
        &["lint", "--help"],
        &["lint", "-h"],
        &["build", "--help"],
        &["explain", "-h"],
        &["rules", "--help"],
        &["schema", "--help"],
        &["completions", "--help"],
        &["help", "lint"],
    ];
    for words in helps {
        let (status, out) = run(words);
        assert_eq!(status, Some(0), "{words:?}");
        assert!(out.contains("Gebruik: verklaar"), "{words:?}:\n{out}");
        for english in ENGLISH {
            assert!(!out.contains(english), "{words:?}: `{english}` in\n{out}");
        }
    }
    let (_, lint_help) = run(&["lint", "--help"]);
    let flat = lint_help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("--select <CODES>"), "{flat}");
    assert!(
        flat.contains("[standaard: human] [mogelijke waarden: human, json, sarif, github]"),
        "{flat}"
    );
    let errors: &[(&[&str], &str)] = &[
        (&["lint", "--formt", "json"], "onbekend argument '--formt'"),
        (
            &["lint", "--format", "jsn"],
            "ongeldige waarde 'jsn' bij '--format <FORMAAT>'",
        ),
        (&["lnt"], "onbekende opdracht 'lnt'"),
        (&["explain"], "deze verplichte argumenten ontbreken"),
        (&["lint", "--format"], "er hoort een waarde bij '--format <FORMAAT>'"),
        (
            &["--config", "a", "--no-config", "lint"],
            "kan niet samen met '--no-config'",
        ),
        (&["lint", "--exit-zero", "--exit-zero"], "mag maar één keer voorkomen"),
    ];
    for (words, expected) in errors {
        let (status, out) = run(words);
        assert_eq!(status, Some(2), "{words:?}");
        assert!(out.contains(expected), "{words:?}: no `{expected}` in\n{out}");
        for english in ENGLISH {
            assert!(!out.contains(english), "{words:?}: `{english}` in\n{out}");
        }
    }
    // English on request, wherever --lang stands.
    for words in [
        &["--lang", "en", "lint", "--help"][..],
        &["lint", "--lang=en", "--formt"],
    ] {
        let (_, out) = run(words);
        assert!(out.contains("Usage: verklaar lint"), "{words:?}:\n{out}");
    }
}
