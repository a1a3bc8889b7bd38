//! The JSON Schema and the organisation files: the checked-in schema is the generated one,
//! and every file in organisations/ points at it, loads without diagnostics and validates
//! against it with an independent validator run.

use std::path::{Path, PathBuf};

use serde_json::Value;
use verklaar::diagnostics::render_human;
use verklaar::i18n::Lang;
use verklaar::model::load::load_file;
use verklaar::model::schema::schema_text;
use verklaar::source::SourceFile;
use verklaar::source::{map, tree};

/// The first line of every organisation file, so editors find the schema.
const SCHEMA_COMMENT: &str = "# yaml-language-server: $schema=../schemas/verklaar.schema.json";

/// The organisations the project ships with; the check below waits for all of them.
const MIN_ORGANISATIONS: usize = 6;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn checked_in_schema() -> String {
    std::fs::read_to_string(root().join("schemas/verklaar.schema.json")).expect("schemas/verklaar.schema.json")
}

/// organisations/*.yaml, sorted.
fn organisation_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("organisations"))
        .expect("organisations/ exists")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn checked_in_schema_is_up_to_date() {
    let generated = schema_text();
    let checked_in = checked_in_schema();
    assert!(
        checked_in == generated,
        "schemas/verklaar.schema.json is out of date: run `cargo run -- schema > schemas/verklaar.schema.json`"
    );
}

#[test]
fn checked_in_schema_is_a_valid_draft_2020_12_schema() {
    let schema: Value = serde_json::from_str(&checked_in_schema()).expect("the schema is JSON");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the checked-in schema does not compile: {e}"));
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for key in ["schema_version", "organisation", "statement"] {
        assert!(required.contains(&key), "`{key}` is not required by the schema");
    }
}

#[test]
fn organisations_load_and_validate_against_the_schema() {
    let schema: Value = serde_json::from_str(&checked_in_schema()).expect("the schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the checked-in schema compiles");
    // The validator rejects what it must: otherwise passing below would prove nothing.
    assert!(!validator.is_valid(&serde_json::json!({"schema_version": 1, "organisation": {}})));
    assert!(!validator.is_valid(&serde_json::json!({
        "schema_version": 1, "organisation": {"name": "X"}, "statement": {"effective_date": "2024-02-30"}
    })));
    let files = organisation_files();
    let mut problems = Vec::new();
    for path in &files {
        let name = path.strip_prefix(root()).unwrap_or(path).display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                problems.push(format!("{name}: cannot be read as UTF-8 text: {e}"));
                continue;
            }
        };
        if text.lines().next() != Some(SCHEMA_COMMENT) {
            problems.push(format!("{name}: the first line must be `{SCHEMA_COMMENT}`"));
        }

        if let Err(failure) = load_file(path) {
            let rendered: Vec<_> = failure
                .diagnostics
                .iter()
                .map(|d| d.render(&failure.file, Lang::Nl))
                .collect();
            problems.push(format!(
                "{name}: {} load error(s):\n{}",
                failure.diagnostics.len(),
                render_human(&rendered, false, 100)
            ));
        }

        // Independently of the loader's own validation: the YAML as JSON against the file.
        let source = SourceFile::new(path, text.strip_prefix('\u{feff}').unwrap_or(&text));
        let node = match tree::parse(&source) {
            Ok(node) => node,
            Err(e) => {
                problems.push(format!("{name}: does not parse: {e:?}"));
                continue;
            }
        };
        let (json, _) = map::to_json(&node);
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("  {} at {}", e, e.instance_path()))
            .collect();
        if !errors.is_empty() {
            problems.push(format!("{name}: schema violations:\n{}", errors.join("\n")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    assert!(
        files.len() >= MIN_ORGANISATIONS,
        "expected at least {MIN_ORGANISATIONS} files in organisations/, found {}: {:?}",
        files.len(),
        files
            .iter()
            .map(|p| p.file_name().unwrap_or_default())
            .collect::<Vec<_>>()
    );
}
