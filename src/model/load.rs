//! Loading an organisation file: bytes → YAML tree with spans → schema check (all errors at
//! once) → ids and references → typed [`Organisation`].

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, Validator};
use serde_json::Value;

use crate::diagnostics::load::ValueRule;
use crate::diagnostics::{LoadDiagnostic, LoadIssue};
use crate::source::tree::{self, MAX_DEPTH, ParseError, TypeName};
use crate::source::{Pointer, SourceFile, SourceMap, map};

use super::lint_config::SeverityOverride;
use super::references::{self, closest};
use super::time::{Date, Duration};
use super::vocab::Severity;
use super::{Organisation, SCHEMA_VERSION, schema};

/// Files above this size are refused before parsing (10 MiB).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A successfully loaded organisation with everything needed to point into its source.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: SourceFile,
    pub org: Organisation,
    pub map: SourceMap,
}

/// A file that could not be loaded, with every error found in it.
#[derive(Debug, Clone)]
pub struct LoadFailure {
    pub file: SourceFile,
    pub diagnostics: Vec<LoadDiagnostic>,
}

/// Reads and loads one file. Reads at most [`MAX_FILE_BYTES`] + 1 bytes.
pub fn load_file(path: &Path) -> Result<Loaded, LoadFailure> {
    let bytes = read_file(path)?;
    load_bytes(path, &bytes)
}

/// Reads one file for [`load_bytes`]: refuses what is not a plain file (before opening it:
/// opening a FIFO waits for a writer that never comes) and what is larger than
/// [`MAX_FILE_BYTES`], reading at most one byte more.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadFailure> {
    let fail = |issue| LoadFailure {
        file: SourceFile::new(path, ""),
        diagnostics: vec![LoadDiagnostic::new(issue, 0..0)],
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(LoadIssue::unreadable(&e)))?;
    if !meta.is_file() {
        return Err(fail(LoadIssue::NotAFile {
            kind: crate::source::discover::kind_of(&meta.file_type()),
        }));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(LoadIssue::unreadable(&e)))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    // Room for the whole file and the one byte that tells it grew: two reads, not a dozen.
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(MAX_FILE_BYTES)).unwrap_or(0) + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(LoadIssue::unreadable(&e)))?;
    if size > MAX_FILE_BYTES || bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, &bytes, size.max(bytes.len() as u64)));
    }
    Ok(bytes)
}

/// Reads standard input for [`load_bytes`], reported as `name`: at most [`MAX_FILE_BYTES`]
/// and one byte more, as for a file.
pub fn read_stdin(name: &Path) -> Result<Vec<u8>, LoadFailure> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadFailure {
            file: SourceFile::new(name, ""),
            diagnostics: vec![LoadDiagnostic::new(LoadIssue::unreadable(&e), 0..0)],
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(name, &bytes, bytes.len() as u64));
    }
    Ok(bytes)
}

/// Loads YAML bytes as if read from `path`.
pub fn load_bytes(path: impl Into<PathBuf>, bytes: &[u8]) -> Result<Loaded, LoadFailure> {
    let path = path.into();
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(&path, bytes, bytes.len() as u64));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // Positions count from after a BOM, as for every other diagnostic.
            let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
            let lossy = String::from_utf8_lossy(&bytes[bom..]);
            let file = SourceFile::new(&path, crate::source::normalize_line_breaks(&lossy).into_owned());
            let offset = e.valid_up_to() - bom;
            let (line, column) = file.line_col(offset);
            let at = offset..offset + file.text[offset..].chars().next().map_or(0, char::len_utf8);
            return Err(LoadFailure {
                diagnostics: vec![LoadDiagnostic::new(LoadIssue::NotUtf8 { line, column }, at)],
                file,
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file = SourceFile::new(&path, crate::source::normalize_line_breaks(text).into_owned());
    match load_text(&file) {
        Ok((org, map)) => Ok(Loaded { file, org, map }),
        Err(diagnostics) => Err(LoadFailure { file, diagnostics }),
    }
}

fn too_large(path: &Path, bytes: &[u8], size: u64) -> LoadFailure {
    // Show only the start of the file: enough to recognise it.
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    let first_line = head.lines().next().unwrap_or("").to_string();
    LoadFailure {
        file: SourceFile::new(path, first_line),
        diagnostics: vec![LoadDiagnostic::new(
            LoadIssue::TooLarge {
                size,
                limit: MAX_FILE_BYTES,
            },
            0..0,
        )],
    }
}

fn load_text(file: &SourceFile) -> Result<(Organisation, SourceMap), Vec<LoadDiagnostic>> {
    let root = tree::parse(file).map_err(|e| vec![parse_error(e)])?;
    let mut diagnostics: Vec<LoadDiagnostic> = tree::duplicate_keys(&root)
        .into_iter()
        .map(|(key, first, repeat)| LoadDiagnostic::new(LoadIssue::DuplicateKey { key }, repeat).with_related(first))
        .collect();
    let (json, map) = map::to_json(&root);
    if !json.is_object() {
        diagnostics.push(LoadDiagnostic::new(LoadIssue::NotAMapping, root.span.clone()));
        return Err(diagnostics);
    }
    if let Some(version) = json.get("schema_version")
        && version.as_u64() != Some(u64::from(SCHEMA_VERSION))
        && (version.is_number() || version.as_str().is_some_and(|s| s.trim() != "1"))
    {
        let found = version.as_str().map_or_else(|| version.to_string(), str::to_string);
        let at = map.span_for(&Pointer::root().key("schema_version"));
        diagnostics.push(LoadDiagnostic::new(LoadIssue::UnsupportedSchemaVersion { found }, at));
        return Err(diagnostics);
    }
    diagnostics.extend(
        validator()
            .iter_errors(&json)
            .flat_map(|e| schema_error(&e, &json, &map)),
    );
    diagnostics.extend(references::check(&json, &map));
    diagnostics.extend(check_severity_block(&json, &map));
    diagnostics.extend(super::limits::check(&json, &map));
    if !diagnostics.is_empty() {
        diagnostics.sort_by_key(|d| (d.at.start, d.code()));
        diagnostics.dedup();
        return Err(diagnostics);
    }
    match serde_json::from_value::<Organisation>(json) {
        Ok(org) => Ok((org, map)),
        // The schema is generated from the same types, so this means the two disagree: still
        // an input the user must see, never a panic.
        Err(e) => Err(vec![LoadDiagnostic::new(
            LoadIssue::Syntax { detail: e.to_string() },
            root.span.clone(),
        )]),
    }
}

/// The schema pattern of required text: at least one character that is not white space.
pub const NOT_BLANK: &str = r"\S";

fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::options()
            .should_validate_formats(true)
            // Our own parsers decide: the validator's RFC 3339 date accepts year 0000, its
            // duration accepts P0D; a date or term that cannot be meant is refused here.
            .with_format("date", |s: &str| Date::parse(s).is_some())
            .with_format("duration", |s: &str| Duration::parse(s).is_some_and(|d| !d.is_zero()))
            .build(schema::schema())
            // The schema is generated from our own types and covered by tests; a failure here
            // is a programming error caught by `tests/schema.rs`, never input-dependent.
            .expect("generated schema compiles")
    })
}

fn parse_error(e: ParseError) -> LoadDiagnostic {
    match e {
        ParseError::Syntax { message, at } => LoadDiagnostic::new(LoadIssue::Syntax { detail: message }, at),
        ParseError::TooDeep { at } => LoadDiagnostic::new(LoadIssue::TooDeep { limit: MAX_DEPTH }, at),
        ParseError::AliasLimit { at } => LoadDiagnostic::new(LoadIssue::AliasLimit, at),
        ParseError::TooManyNodes { at } => LoadDiagnostic::new(LoadIssue::TooManyNodes, at),
        ParseError::MultipleDocuments { at } => LoadDiagnostic::new(LoadIssue::MultipleDocuments, at),
        ParseError::UnknownTag { tag, at } => LoadDiagnostic::new(LoadIssue::UnknownTag { tag }, at),
    }
}

/// The key a user would call this value by: the last named segment of the path.
fn key_name(pointer: &Pointer) -> String {
    let dotted = pointer.dotted();
    match dotted.rsplit_once('.') {
        Some((_, last)) => last.to_string(),
        None => dotted,
    }
}

fn schema_error(error: &jsonschema::ValidationError<'_>, json: &Value, map: &SourceMap) -> Vec<LoadDiagnostic> {
    let pointer = Pointer::parse(&error.instance_path().to_string());
    let schema_path = error.schema_path().to_string();
    let value_at = |p: &Pointer| json.pointer(p.as_str());
    let span: Range<usize> = map.span_for(&pointer);
    let issue = match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let object_schema = schema_path.strip_suffix("/additionalProperties").unwrap_or("");
            let allowed = schema::allowed_properties(object_schema);
            return unexpected
                .iter()
                .map(|key| {
                    let at = map.key_span(&pointer.key(key)).unwrap_or_else(|| span.clone());
                    LoadDiagnostic::new(
                        LoadIssue::UnknownKey {
                            key: key.clone(),
                            suggestion: closest(key, &allowed),
                            allowed: allowed.clone(),
                        },
                        at,
                    )
                })
                .collect();
        }
        ValidationErrorKind::Required { property } => {
            let key = property.as_str().unwrap_or_default().to_string();
            // `key:` written without a value is null, which means "left out": point at it.
            let at = map.key_span(&pointer.key(&key)).unwrap_or_else(|| {
                if pointer.as_str().is_empty() {
                    0..0
                } else {
                    map.parent_key_span(&pointer)
                }
            });
            return vec![LoadDiagnostic::new(
                LoadIssue::MissingKey {
                    key,
                    parent: pointer.dotted(),
                },
                at,
            )];
        }
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<String> = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let value = value_at(&pointer).map(display_value).unwrap_or_default();
            let meaning = super::dutch_values::meaning(&value, &allowed);
            LoadIssue::ValueNotAllowed {
                key: key_name(&pointer),
                suggestion: meaning.clone().or_else(|| closest(&value, &allowed)),
                dutch: meaning.is_some(),
                value,
                allowed,
            }
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => vec![type_name(*t)],
                TypeKind::Multiple(set) => set.iter().map(type_name).collect(),
            };
            let found = value_at(&pointer).map_or(TypeName::Null, json_type_name);
            LoadIssue::WrongType {
                key: key_name(&pointer),
                expected,
                found,
            }
        }
        ValidationErrorKind::Format { format } => {
            let value = value_at(&pointer).map(display_value).unwrap_or_default();
            match format.as_str() {
                "date" => LoadIssue::InvalidDate { value },
                "duration" if Duration::parse(&value).is_some() => LoadIssue::ZeroDuration { value },
                "duration" => LoadIssue::InvalidDuration { value },
                other => LoadIssue::InvalidValue {
                    key: key_name(&pointer),
                    value,
                    rule: ValueRule::Other(other.to_string()),
                },
            }
        }
        ValidationErrorKind::Pattern { pattern } => {
            let value = value_at(&pointer).map(display_value).unwrap_or_default();
            if pattern == NOT_BLANK {
                return vec![LoadDiagnostic::new(
                    LoadIssue::EmptyText {
                        key: key_name(&pointer),
                    },
                    span,
                )];
            }
            let rule = if pattern.contains("VK") {
                ValueRule::RuleCode
            } else if pointer.last().as_deref() == Some("id") {
                ValueRule::IdPattern
            } else {
                ValueRule::Other(pattern.clone())
            };
            LoadIssue::InvalidValue {
                key: key_name(&pointer),
                value,
                rule,
            }
        }
        other => LoadIssue::InvalidValue {
            key: key_name(&pointer),
            value: value_at(&pointer).map(display_value).unwrap_or_default(),
            rule: ValueRule::Other(other_detail(other)),
        },
    };
    vec![LoadDiagnostic::new(issue, span)]
}

fn other_detail(kind: &ValidationErrorKind) -> String {
    match kind {
        ValidationErrorKind::Minimum { limit } => format!("minimum {limit}"),
        ValidationErrorKind::Maximum { limit } => format!("maximum {limit}"),
        ValidationErrorKind::MinLength { limit } => format!("min. {limit}"),
        _ => "schema".to_string(),
    }
}

fn display_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn type_name(t: JsonType) -> TypeName {
    match t {
        JsonType::Array => TypeName::List,
        JsonType::Boolean => TypeName::Bool,
        JsonType::Integer => TypeName::Integer,
        JsonType::Null => TypeName::Null,
        JsonType::Number => TypeName::Number,
        JsonType::Object => TypeName::Mapping,
        JsonType::String => TypeName::Text,
    }
}

fn json_type_name(v: &Value) -> TypeName {
    match v {
        Value::Null => TypeName::Null,
        Value::Bool(_) => TypeName::Bool,
        Value::Number(_) => TypeName::Number,
        Value::String(_) => TypeName::Text,
        Value::Array(_) => TypeName::List,
        Value::Object(_) => TypeName::Mapping,
    }
}

/// Checks `lint.severity`: every key a rule code that exists, and every error-level rule that
/// is turned off or down justified with a reason. Runs after the schema check, so the values
/// have the right shape; anything else is left to the schema errors.
fn check_severity_block(json: &Value, map: &SourceMap) -> Vec<LoadDiagnostic> {
    let Some(entries) = json.pointer("/lint/severity").and_then(Value::as_object) else {
        return Vec::new();
    };
    let here = Pointer::root().key("lint").key("severity");
    let rules = crate::lint::registry::rules();
    let codes: Vec<String> = rules.iter().map(|r| r.code.to_string()).collect();
    let mut out = Vec::new();
    for (code, value) in entries {
        let at = map.key_span(&here.key(code)).unwrap_or_else(|| map.span_for(&here));
        let Some(rule) = rules.iter().find(|r| r.code == code) else {
            let upper = code.trim().to_ascii_uppercase();
            let suggestion = if codes.contains(&upper) {
                Some(upper)
            } else {
                closest(code, &codes)
            };
            out.push(LoadDiagnostic::new(
                LoadIssue::UnknownRule {
                    code: code.clone(),
                    suggestion,
                },
                at,
            ));
            continue;
        };
        // The findings about the `lint:` block itself are raised by the engine at their own
        // level; a setting for them would be ignored (or, for VK903, hide what it must show).
        if !crate::lint::registry::all().iter().any(|r| r.meta.code == code) {
            out.push(LoadDiagnostic::new(
                LoadIssue::NotConfigurable { code: code.clone() },
                at,
            ));
            continue;
        }
        let Ok(entry) = serde_json::from_value::<SeverityOverride>(value.clone()) else {
            continue;
        };
        if rule.severity == crate::diagnostics::SeverityLevel::Error
            && entry.level() != Severity::Error
            && entry.reason().is_none()
        {
            let level = match entry.level() {
                Severity::Off => "off",
                Severity::Warning => "warning",
                _ => "info",
            };
            out.push(LoadDiagnostic::new(
                LoadIssue::ReasonRequired {
                    code: code.clone(),
                    level: level.to_string(),
                },
                at,
            ));
        }
    }
    out
}
