//! The JSON Schema of the organisation file, generated from the model.
//!
//! It serves two masters: editors (yaml-language-server completes keys and shows the Dutch
//! help texts) and the loader, which validates every file against it to report *all*
//! structural errors at once. Subschemas are inlined so a schema location is a plain path.

use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use super::Organisation;

/// The schema as a JSON value (generated once per process).
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(generate)
}

/// The schema as the bytes of `schemas/verklaar.schema.json`.
pub fn schema_text() -> String {
    // Serialising a `Value` cannot fail: all keys are strings.
    let mut text = serde_json::to_string_pretty(schema()).unwrap_or_default();
    text.push('\n');
    text
}

fn generate() -> Value {
    let settings = SchemaSettings::draft2020_12().with(|s| {
        s.inline_subschemas = true;
    });
    let root = settings.into_generator().into_root_schema_for::<Organisation>();
    let mut value = root.to_value();
    // Optional keys are left out, never written as null (the loader drops `key: ~`), so
    // the nullable alternatives schemars adds for `Option` only blur the error messages.
    strip_null(&mut value);
    simplify_enums(&mut value);
    require_text(&mut value);
    if let Value::Object(map) = &mut value {
        map.insert(
            "$id".into(),
            Value::String("https://verklaar.nl/schemas/verklaar.schema.json".into()),
        );
    }
    value
}

fn strip_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("default") == Some(&Value::Null) {
                map.remove("default");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let single = types.remove(0);
                    map.insert("type".into(), single);
                }
            }
            let collapsed = map.get("anyOf").and_then(Value::as_array).and_then(|alts| {
                let rest: Vec<&Value> = alts
                    .iter()
                    .filter(|a| a.get("type") != Some(&Value::from("null")))
                    .collect();
                (rest.len() == 1 && alts.len() == 2).then(|| rest[0].clone())
            });
            if let Some(Value::Object(inner)) = collapsed {
                map.remove("anyOf");
                for (k, v) in inner {
                    map.entry(k).or_insert(v);
                }
            }
            map.values_mut().for_each(strip_null);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

/// Every free-text string must hold something: `title: ""` or `name: "  "` would render as an
/// empty heading or sentence, so the loader refuses them (L023). Strings with their own form
/// (an enum, a format, a pattern) are left alone; those forms exclude the empty string already.
fn require_text(value: &mut Value) {
    require_text_at(value, "");
}

/// Schema paths whose empty text a lint rule reports with more to say: an empty
/// `organisation.name` is fine next to a `legal_name` (VK001 decides).
const BLANK_LEFT_TO_LINT: &[&str] = &["/properties/organisation/properties/name"];

fn require_text_at(value: &mut Value, path: &str) {
    match value {
        Value::Object(map) => {
            let free_text = map.get("type") == Some(&Value::from("string"))
                && !["enum", "format", "pattern", "const"]
                    .iter()
                    .any(|k| map.contains_key(*k));
            if free_text && !BLANK_LEFT_TO_LINT.contains(&path) {
                map.insert("pattern".into(), Value::from(super::load::NOT_BLANK));
            }
            for (key, child) in map.iter_mut() {
                require_text_at(child, &format!("{path}/{key}"));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                require_text_at(item, &format!("{path}/{i}"));
            }
        }
        _ => {}
    }
}

/// schemars writes documented unit enums as `oneOf` of `const`s. A `oneOf` error tells a user
/// nothing, so turn them into `enum` (which reports the allowed values) and keep the help
/// texts in `markdownEnumDescriptions`, which editors show beside each value.
fn simplify_enums(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(replacement) = enum_from_one_of(map) {
                map.remove("oneOf");
                map.extend(replacement);
            }
            for child in map.values_mut() {
                simplify_enums(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(simplify_enums),
        _ => {}
    }
}

fn enum_from_one_of(map: &Map<String, Value>) -> Option<Map<String, Value>> {
    let alternatives = map.get("oneOf")?.as_array()?;
    let mut values = Vec::new();
    let mut descriptions = Vec::new();
    for alt in alternatives {
        let alt = alt.as_object()?;
        let constant = alt.get("const")?;
        values.push(constant.clone());
        descriptions.push(alt.get("description").cloned().unwrap_or(Value::String(String::new())));
    }
    let mut out = Map::new();
    out.insert("type".into(), Value::String("string".into()));
    out.insert("enum".into(), Value::Array(values));
    out.insert("markdownEnumDescriptions".into(), Value::Array(descriptions));
    Some(out)
}

/// The properties a schema object at `pointer` (a path into the schema) allows.
pub fn allowed_properties(schema_pointer: &str) -> Vec<String> {
    schema()
        .pointer(schema_pointer)
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|props| props.keys().cloned().collect())
        .unwrap_or_default()
}
