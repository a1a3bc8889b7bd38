//! The project file `verklaar.toml`: found from a subfolder, paths and excludes, rule
//! selection, severities with reasons, build settings, and clear refusals of a file that
//! cannot be used (exit 2, with file, line and column).

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const EXAMPLE: &str = include_str!("../organisations/voorbeeld-praktijk.yaml");
const MINIMAL: &str = "schema_version: 1\norganisation:\n  name: Praktijk X\nstatement: {}\n";

fn verklaar(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("verklaar").expect("the verklaar binary is built");
    cmd.env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(["--color", "never"]);
    cmd
}

/// A project: `verklaar.toml`, the example organisation, an archived file with errors and
/// an empty subfolder to run from.
fn project(config: &str) -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("organisations/archief")).expect("mkdir");
    std::fs::create_dir_all(root.join("docs")).expect("mkdir");
    std::fs::write(root.join("organisations/voorbeeld.yaml"), EXAMPLE).expect("write");
    std::fs::write(root.join("organisations/archief/oud.yaml"), MINIMAL).expect("write");
    std::fs::write(root.join("verklaar.toml"), config).expect("write");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("JSON report")
}

const CONFIG: &str = r#"paths = ["organisations"]
exclude = ["organisations/archief/**"]

[lint.severity]
VK509 = { level = "off", reason = "Geen geautomatiseerde besluiten; bevestigd door de FG." }
VK708 = "error"
"#;

#[test]
fn found_from_a_subfolder_with_its_paths_and_excludes() {
    let dir = project(CONFIG);
    let out = verklaar(&dir.path().join("docs"))
        .args(["lint", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = json(&out.stdout);
    assert_eq!(report["summary"]["files"], 1, "the archive is excluded: {report}");
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    // The rule turned off for the project is never silent: an info finding carries the reason.
    let note = diagnostics
        .iter()
        .find(|d| d["code"] == "VK903")
        .unwrap_or_else(|| panic!("VK903 info: {report}"));
    assert_eq!(note["severity"], "info");
    let message = note["message"].as_str().expect("message");
    assert!(
        message.contains("VK509 staat uit in verklaar.toml: Geen geautomatiseerde besluiten"),
        "{message}"
    );

    // A file named on the command line is checked, excluded or not.
    let named = verklaar(dir.path())
        .args(["lint", "organisations/archief/oud.yaml", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(json(&named.stdout)["summary"]["files"], 1);
    assert_eq!(named.status.code(), Some(1));

    // --no-config: the defaults (organisations/, archive included, VK509 on).
    let plain = verklaar(dir.path())
        .args(["--no-config", "lint", "--format", "json"])
        .output()
        .expect("runs");
    let report = json(&plain.stdout);
    assert_eq!(report["summary"]["files"], 2);
    assert!(
        report["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .all(|d| d["code"] != "VK903")
    );
}

#[test]
fn a_files_own_setting_wins_over_the_project() {
    let dir = project(CONFIG);
    let own = EXAMPLE.replace(
        "schema_version: 1\n",
        "schema_version: 1\nlint:\n  severity:\n    VK509: { level: warning, reason: \"Eigen keuze van dit bestand.\" }\n",
    );
    assert_ne!(own, EXAMPLE, "the example starts with schema_version");
    std::fs::write(dir.path().join("organisations/voorbeeld.yaml"), own).expect("write");
    let out = verklaar(dir.path())
        .args(["lint", "--format", "json"])
        .output()
        .expect("runs");
    let report = json(&out.stdout);
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|d| d["code"] == "VK903")
        .map(|d| d["message"].as_str().expect("message"))
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("Eigen keuze van dit bestand"), "{messages:?}");
}

#[test]
fn select_and_ignore_of_the_project_and_the_command_line() {
    let dir = project("[lint]\nignore = [\"VK\"]\n");
    let minimal = dir.path().join("organisations/archief/oud.yaml");
    let run = |extra: &[&str]| {
        let out = verklaar(dir.path())
            .args(["lint", "--format", "json"])
            .arg(&minimal)
            .args(extra)
            .output()
            .expect("runs");
        let codes: Vec<String> = json(&out.stdout)["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .map(|d| d["code"].as_str().expect("code").to_string())
            .collect();
        (out.status.code(), codes)
    };
    let (status, codes) = run(&[]);
    assert_eq!((status, codes.len()), (Some(0), 0), "{codes:?}");
    // The command line replaces the project's list.
    let (status, codes) = run(&["--ignore", "VK8"]);
    assert_eq!(status, Some(1));
    assert!(
        !codes.is_empty() && codes.iter().all(|c| !c.starts_with("VK8")),
        "{codes:?}"
    );
}

#[test]
fn build_settings_come_from_the_project() {
    let dir = project("[build]\nout = \"public\"\nstrict = true\n");
    let out = verklaar(&dir.path().join("docs"))
        .args(["build", "--only", "html", "--no-cache"])
        .output()
        .expect("runs");
    // The archived file has errors: skipped under strict, so exit 1; the example is built.
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("overgeslagen"), "{err}");
    assert!(dir.path().join("public/voorbeeld/index.html").is_file(), "{err}");
    assert!(!dir.path().join("docs/site").exists() && !dir.path().join("site").exists());
}

#[test]
fn a_project_severity_is_part_of_the_cache_key() {
    let dir = project("");
    let build = || {
        let out = verklaar(dir.path())
            .args(["build", "--only", "html"])
            .output()
            .expect("runs");
        text(&out.stderr)
    };
    build();
    assert!(build().contains("ongewijzigd"), "a rebuild takes the cache");
    std::fs::write(
        dir.path().join("verklaar.toml"),
        "[lint.severity]\nVK101 = { level = \"warning\", reason = \"Test.\" }\n",
    )
    .expect("write");
    let after = build();
    assert!(!after.contains("ongewijzigd"), "a new severity rebuilds: {after}");
}

#[test]
fn a_project_file_that_cannot_be_used_stops_with_its_place() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "[lint]\nselect = [\"VK1\"]\n[bouw]\nout = \"x\"\n",
            "verklaar.toml:3:2",
            "unknown field `bouw`",
        ),
        (
            "[lint]\nignore = [\"VK8\", \"vk7o8\"]\n",
            "verklaar.toml:2:18",
            "Bedoelde u `VK708`?",
        ),
        (
            "[lint.severity]\nVK509 = \"off\"\n",
            "verklaar.toml:2:1",
            "VK509 is een verplichte controle (fout) en gaat alleen naar `off` met een reden",
        ),
        (
            "[lint.severity]\nVK5O9 = \"warning\"\n",
            "verklaar.toml:2:1",
            "Bedoelde u `VK509`?",
        ),
        (
            "[lint.severity]\nVK708 = \"uit\"\n",
            "verklaar.toml:2:9",
            "de waarde voor `VK708` is geen niveau",
        ),
        ("exclude = [\"[\"]\n", "verklaar.toml:1:12", "geen geldig patroon"),
        (
            "paths = \"organisations\n",
            "verklaar.toml:1:",
            "verklaar.toml klopt niet",
        ),
    ];
    for (config, place, message) in cases {
        let dir = project(config);
        let out = verklaar(&dir.path().join("docs"))
            .args(["lint"])
            .output()
            .expect("runs");
        // Long messages wrap: compare without the line breaks of the frame.
        let err = text(&out.stderr).replace("\n  │ ", " ");
        assert_eq!(out.status.code(), Some(2), "{config}: {err}");
        assert!(err.contains(place), "{config}: no {place} in\n{err}");
        assert!(err.contains(message), "{config}: no {message} in\n{err}");
    }
    // --config names another file; a missing one is refused.
    let dir = project("");
    let out = verklaar(dir.path())
        .args(["--config", "elders.toml", "lint"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("elders.toml kan niet worden gelezen"));
}
