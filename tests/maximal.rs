//! The "maximal" family in tests/fixtures/maximal/: together the files set every property of
//! the JSON Schema (at every nesting level) and use every value of every enum, and each file
//! loads. Other tests (fidelity of the rendered statement) rely on this family being complete,
//! so this test proves the claim mechanically from the checked-in schema.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;
use verklaar::diagnostics::render_human;
use verklaar::i18n::Lang;
use verklaar::model::load::load_file;
use verklaar::source::SourceFile;
use verklaar::source::{map, tree};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let text = std::fs::read_to_string(root().join("schemas/verklaar.schema.json")).expect("schema file");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// tests/fixtures/maximal/*.yaml, sorted.
fn maximal_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/maximal"))
        .expect("tests/fixtures/maximal exists")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// The file as the JSON tree the loader validates (same YAML reader, `key: ~` dropped).
fn file_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let source = SourceFile::new(path, text.strip_prefix('\u{feff}').unwrap_or(&text));
    let node = tree::parse(&source).unwrap_or_else(|e| panic!("{}: does not parse: {e:?}", path.display()));
    map::to_json(&node).0
}

/// Follows `$ref` (local JSON pointers only) until a schema without one.
fn resolve<'a>(schema_root: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..32 {
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
            return node;
        };
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("non-local $ref {reference}"));
        node = schema_root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("unresolvable $ref {reference}"));
    }
    panic!("$ref chain too long")
}

/// The schema itself and every alternative it combines (`allOf`, `anyOf`, `oneOf`), resolved.
fn branches<'a>(schema_root: &'a Value, node: &'a Value) -> Vec<&'a Value> {
    let node = resolve(schema_root, node);
    let mut out = vec![node];
    for key in ["allOf", "anyOf", "oneOf"] {
        for alternative in node.get(key).and_then(Value::as_array).into_iter().flatten() {
            out.extend(branches(schema_root, alternative));
        }
    }
    // `if`/`then`/`else` (the two forms of a `lint.severity` entry): both outcomes are offered.
    for key in ["then", "else"] {
        if let Some(alternative) = node.get(key) {
            out.extend(branches(schema_root, alternative));
        }
    }
    out
}

/// Everything the schema offers: property paths (`purposes[].retention.period`; map values are
/// `lint.severity.*`) and enum values per path.
#[derive(Default)]
struct Offer {
    properties: BTreeSet<String>,
    enums: BTreeMap<String, BTreeSet<String>>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn enum_key(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_string)
}

fn collect_schema(schema_root: &Value, node: &Value, path: &str, offer: &mut Offer, depth: usize) {
    assert!(depth < 64, "schema nesting too deep at {path} (recursive $ref?)");
    for branch in branches(schema_root, node) {
        if let Some(values) = branch.get("enum").and_then(Value::as_array) {
            offer
                .enums
                .entry(path.to_string())
                .or_default()
                .extend(values.iter().map(enum_key));
        }
        if let Some(constant) = branch.get("const") {
            offer
                .enums
                .entry(path.to_string())
                .or_default()
                .insert(enum_key(constant));
        }
        for (key, child) in branch
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let child_path = join(path, key);
            offer.properties.insert(child_path.clone());
            collect_schema(schema_root, child, &child_path, offer, depth + 1);
        }
        if let Some(additional) = branch.get("additionalProperties").filter(|a| a.is_object()) {
            collect_schema(schema_root, additional, &join(path, "*"), offer, depth + 1);
        }
        if let Some(items) = branch.get("items").filter(|i| i.is_object()) {
            collect_schema(schema_root, items, &format!("{path}[]"), offer, depth + 1);
        }
    }
}

/// What the files use: property paths with a non-null value, and enum values per path.
#[derive(Default)]
struct Use {
    properties: BTreeSet<String>,
    enums: BTreeMap<String, BTreeSet<String>>,
    /// Keys the schema does not know (the loader refuses them; listed to explain a failure).
    unknown: Vec<String>,
}

fn collect_file(schema_root: &Value, node: &Value, value: &Value, path: &str, used: &mut Use) {
    let alternatives = branches(schema_root, node);
    if alternatives
        .iter()
        .any(|b| b.get("enum").is_some() || b.get("const").is_some())
    {
        used.enums.entry(path.to_string()).or_default().insert(enum_key(value));
    }
    match value {
        Value::Object(entries) => {
            for (key, child) in entries {
                if child.is_null() {
                    continue;
                }
                let declared = alternatives
                    .iter()
                    .find_map(|b| b.get("properties").and_then(|p| p.get(key)));
                let additional = alternatives
                    .iter()
                    .find_map(|b| b.get("additionalProperties").filter(|a| a.is_object()));
                if let Some(child_schema) = declared {
                    let child_path = join(path, key);
                    used.properties.insert(child_path.clone());
                    collect_file(schema_root, child_schema, child, &child_path, used);
                } else if let Some(child_schema) = additional {
                    collect_file(schema_root, child_schema, child, &join(path, "*"), used);
                } else {
                    used.unknown.push(join(path, key));
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = alternatives
                .iter()
                .find_map(|b| b.get("items").filter(|i| i.is_object()))
            {
                for item in items {
                    collect_file(schema_root, item_schema, item, &format!("{path}[]"), used);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_maximal_file_loads() {
    let files = maximal_files();
    assert!(files.len() >= 3, "expected at least 3 maximal files, found {files:?}");
    let mut problems = Vec::new();
    for path in &files {
        if let Err(failure) = load_file(path) {
            let rendered: Vec<_> = failure
                .diagnostics
                .iter()
                .map(|d| d.render(&failure.file, Lang::Nl))
                .collect();
            problems.push(format!(
                "{}: {} load error(s):\n{}",
                path.display(),
                failure.diagnostics.len(),
                render_human(&rendered, false, 100)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn maximal_family_covers_every_property_and_enum_value() {
    let schema_root = schema();
    let mut offer = Offer::default();
    collect_schema(&schema_root, &schema_root, "", &mut offer, 0);
    // The walk must find the schema's substance, or passing below would prove nothing.
    assert!(
        offer.properties.len() > 150,
        "only {} properties found",
        offer.properties.len()
    );
    assert!(offer.properties.contains("purposes[].retention.deletion_within"));
    assert!(offer.enums.contains_key("lint.severity.*"));

    let mut used = Use::default();
    for path in maximal_files() {
        let json = file_json(&path);
        let before = used.unknown.len();
        collect_file(&schema_root, &schema_root, &json, "", &mut used);
        for unknown in &mut used.unknown[before..] {
            *unknown = format!("{}: {unknown}", path.display());
        }
    }

    // A value that may be one item or a list of them (`mechanism: adequacy` or
    // `mechanism: [adequacy, appropriate_safeguards]`) offers the same values twice: count a
    // value used in either form.
    let listed: Vec<String> = offer
        .enums
        .keys()
        .filter(|k| k.ends_with("[]") && offer.enums.contains_key(&k[..k.len() - 2]))
        .cloned()
        .collect();
    for enums in [&mut offer.enums, &mut used.enums] {
        for key in &listed {
            if let Some(values) = enums.remove(key) {
                enums
                    .entry(key[..key.len() - 2].to_string())
                    .or_default()
                    .extend(values);
            }
        }
    }
    let missing_properties: Vec<&String> = offer.properties.difference(&used.properties).collect();
    let missing_values: Vec<String> = offer
        .enums
        .iter()
        .flat_map(|(path, values)| {
            let seen = used.enums.get(path);
            values
                .iter()
                .filter(move |v| !seen.is_some_and(|s| s.contains(*v)))
                .map(move |v| format!("{path} = {v}"))
        })
        .collect();
    let value_count: usize = offer.enums.values().map(BTreeSet::len).sum();
    println!(
        "schema: {} properties, {} enums with {} values",
        offer.properties.len(),
        offer.enums.len(),
        value_count
    );
    assert!(
        missing_properties.is_empty() && missing_values.is_empty() && used.unknown.is_empty(),
        "the maximal family is incomplete.\n\
         {} of {} properties never set:\n  {}\n\
         {} of {} enum values never used:\n  {}\n\
         keys unknown to the schema:\n  {}",
        missing_properties.len(),
        offer.properties.len(),
        missing_properties
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
        missing_values.len(),
        value_count,
        missing_values.join("\n  "),
        if used.unknown.is_empty() {
            "(none)".to_string()
        } else {
            used.unknown.join("\n  ")
        },
    );
}

/// Paths whose strings are references, codes or technical keys, not text a reader sees as
/// written: they repeat by nature (an id is named wherever it is used).
const NOT_FREE_TEXT: &[&str] = &[
    "purposes[].data_subjects[]",
    "purposes[].data_categories[]",
    "purposes[].sources[]",
    "purposes[].recipients[]",
    "transfers[].recipient",
    "transfers[].countries[]",
    "retention.schedule[].purpose",
    "retention.schedule[].data_category",
    "recipients[].country",
    "lint.allow[].at",
];

/// Every free-text string in a file with its path: strings without enum, format or pattern
/// (ids, dates and durations have one), minus references and country codes.
fn free_text(schema_root: &Value, node: &Value, value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    let alternatives = branches(schema_root, node);
    match value {
        Value::String(text) => {
            let constrained = alternatives
                .iter()
                .any(|b| b.get("enum").is_some() || b.get("format").is_some() || b.get("pattern").is_some());
            let generic = without_indices(path);
            if !constrained && !NOT_FREE_TEXT.contains(&generic.as_str()) && !generic.ends_with(".country") {
                out.push((path.to_string(), text.clone()));
            }
        }
        Value::Object(entries) => {
            for (key, child) in entries {
                if let Some(child_schema) = alternatives
                    .iter()
                    .find_map(|b| b.get("properties").and_then(|p| p.get(key)))
                {
                    free_text(schema_root, child_schema, child, &join(path, key), out);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = alternatives
                .iter()
                .find_map(|b| b.get("items").filter(|i| i.is_object()))
            {
                for (i, item) in items.iter().enumerate() {
                    free_text(schema_root, item_schema, item, &format!("{path}[{i}]"), out);
                }
            }
        }
        _ => {}
    }
}

/// `purposes[3].sources[0]` → `purposes[].sources[]`.
fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push(c);
            }
            ']' => {
                in_index = false;
                out.push(c);
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// Words that belong to the other address form (or to legal jargon no statement should use).
fn wrong_words(address_form: &str) -> &'static [&'static str] {
    match address_form {
        "u" => &["je", "jij", "jou", "jouw", "jezelf", "betrokkene", "betrokkenen"],
        _ => &["u", "uw", "uzelf", "betrokkene", "betrokkenen"],
    }
}

#[test]
fn free_text_is_unique_per_file_and_in_the_file_s_address_form() {
    let schema_root = schema();
    let mut problems = Vec::new();
    for path in maximal_files() {
        let json = file_json(&path);
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let mut texts = Vec::new();
        free_text(&schema_root, &schema_root, &json, "", &mut texts);
        let mut by_text: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (at, text) in &texts {
            by_text.entry(text.trim()).or_default().push(at);
        }
        for (text, paths) in by_text.iter().filter(|(_, paths)| paths.len() > 1) {
            problems.push(format!("{name}: {text:?} appears at {}", paths.join(", ")));
        }
        // A value inside another one would be found in the statement even if it were dropped.
        for (inner, inner_paths) in &by_text {
            for (outer, outer_paths) in by_text.iter().filter(|(outer, _)| outer != &inner) {
                if outer.contains(inner) {
                    problems.push(format!(
                        "{name}: {inner:?} ({}) occurs inside {outer:?} ({})",
                        inner_paths.join(", "),
                        outer_paths.join(", ")
                    ));
                }
            }
        }
        let form = json
            .pointer("/statement/address_form")
            .and_then(Value::as_str)
            .unwrap_or("u");
        for (at, text) in &texts {
            let lower = text.to_lowercase();
            let words: BTreeSet<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
            for wrong in wrong_words(form).iter().filter(|w| words.contains(**w)) {
                problems.push(format!("{name}: `{wrong}` in a `{form}` file at {at}: {text:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
