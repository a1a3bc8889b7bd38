//! A YAML document as a tree of spanned nodes, parsed by serde-saphyr.
//!
//! serde-saphyr does the YAML work (syntax, anchors, budgets against alias bombs and deep
//! nesting); we ask it for a generic tree in which every key and value is `Spanned`, so that
//! schema errors, duplicate keys and lint findings can all point at exact bytes.

use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Location, Spanned};

use super::SourceFile;

/// Nesting limit for YAML collections (the issue's "deeper than 64").
pub const MAX_DEPTH: usize = 64;
/// Events replayed through aliases; a real organisation file stays far below this.
pub const MAX_ALIAS_REPLAY: usize = 20_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    /// Byte range in the (BOM-stripped) text.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// The YAML type name a user knows, for messages.
    pub fn type_name(&self) -> TypeName {
        match self {
            Value::Null => TypeName::Null,
            Value::Bool(_) => TypeName::Bool,
            Value::Int(_) | Value::Float(_) => TypeName::Number,
            Value::Str(_) => TypeName::Text,
            Value::Seq(_) => TypeName::List,
            Value::Map(_) => TypeName::Mapping,
        }
    }

    /// A scalar as text (keys, enum values); `None` for collections.
    pub fn scalar_text(&self) -> Option<String> {
        match self {
            Value::Null => Some("~".into()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Str(s) => Some(s.clone()),
            Value::Seq(_) | Value::Map(_) => None,
        }
    }
}

/// Kinds of YAML values, as named in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeName {
    Null,
    Bool,
    Number,
    Integer,
    Text,
    List,
    Mapping,
}

/// Why parsing stopped. Parsing stops at the first of these: the text is not YAML we can
/// read any further.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseError {
    Syntax { message: String, at: Range<usize> },
    TooDeep { at: Range<usize> },
    AliasLimit { at: Range<usize> },
    TooManyNodes { at: Range<usize> },
    MultipleDocuments { at: Range<usize> },
    UnknownTag { tag: String, at: Range<usize> },
}

/// The parser's limits: depth, aliases, one document, YAML 1.2 booleans.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_ALIAS_REPLAY,
            max_replay_stack_depth: 16,
        },
        // Keep every entry: duplicates are reported by `duplicate_keys`, all of them, with
        // both places, instead of stopping at the first.
        duplicate_keys: serde_saphyr::options::DuplicateKeyPolicy::PassThrough,
        // YAML 1.2 booleans only: `off` (a severity) and `NO` (Norway) stay text.
        strict_booleans: true,
    }
}

/// Parses YAML text (without BOM) into a spanned tree. An empty document is `Null`.
pub fn parse(file: &SourceFile) -> Result<Node, ParseError> {
    if let Some((tag, at)) = unknown_tag(file) {
        return Err(ParseError::UnknownTag { tag, at });
    }
    // The deserializer recurses once per nesting level, with frames that are large in
    // unoptimised builds: a file at the depth limit overflowed a 2 MiB test thread. Parse on
    // a thread whose stack is sized for the limit, whatever thread the caller is on.
    let parsed = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("yaml-parse".into())
            .stack_size(PARSE_STACK)
            .spawn_scoped(scope, || {
                serde_saphyr::from_str_with_options::<Spanned<Raw>>(&file.text, options())
                    .map(|raw| convert(file, raw))
                    .map_err(|err| classify(file, &err))
            })
            .map(|handle| handle.join())
    });
    match parsed {
        Ok(Ok(result)) => result,
        // The thread could not start (out of memory) or panicked: say so as a syntax problem
        // rather than take the whole run down.
        Ok(Err(_)) | Err(_) => Err(ParseError::Syntax {
            message: "internal error while reading the YAML".to_string(),
            at: 0..0,
        }),
    }
}

/// Core tags the deserializer honours as written (`!!str 2025` is the text "2025").
const KNOWN_TAGS: &[&str] = &["str", "int", "float", "bool", "null", "map", "seq"];

/// The first explicit tag the deserializer would drop or reinterpret (`!!binary`, `!foo`,
/// `!!timestamp`). A pass over the parser's events: tags never reach a serde visitor, so
/// the tree cannot see them. Syntax errors are left to the real parse, which reports them
/// with its own messages.
fn unknown_tag(file: &SourceFile) -> Option<(String, Range<usize>)> {
    use serde_saphyr::granit_parser::{Event, Parser};
    // Cheap test first: a file without `!` has no tags.
    if !file.text.contains('!') {
        return None;
    }
    for item in Parser::new_from_str(&file.text) {
        let Ok((event, span)) = item else {
            return None;
        };
        let tag = match &event {
            Event::Scalar(_, _, _, tag) | Event::SequenceStart(_, _, tag) | Event::MappingStart(_, _, tag) => tag,
            _ => continue,
        };
        let Some(tag) = tag else { continue };
        let core = tag.handle() == "tag:yaml.org,2002:";
        if core && KNOWN_TAGS.contains(&tag.suffix()) {
            continue;
        }
        let written = if core {
            format!("!!{}", tag.suffix())
        } else {
            format!("{}{}", tag.original_handle(), tag.suffix())
        };
        // `!` alone is the non-specific tag: "read this as text", which changes nothing here.
        if written == "!" {
            continue;
        }
        let marker = span.tag_start.unwrap_or(span.start);
        let start = marker
            .byte_offset()
            .unwrap_or_else(|| file.offset_of(marker.line(), marker.col() + 1))
            .min(file.text.len());
        let end = (start + written.len()).min(file.text.len());
        let end = if file.text.is_char_boundary(end) { end } else { start };
        return Some((written, start..end));
    }
    None
}

/// Stack for the parse thread: ample for [`MAX_DEPTH`] levels in any build profile.
const PARSE_STACK: usize = 64 * 1024 * 1024;

/// Every repeated key in every mapping: (key text, first occurrence, repeat).
pub fn duplicate_keys(root: &Node) -> Vec<(String, Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Map(entries) => {
                for (i, (key, value)) in entries.iter().enumerate() {
                    let text = key.value.scalar_text();
                    if let Some(first) = entries[..i].iter().find(|(k, _)| k.value.scalar_text() == text) {
                        out.push((text.unwrap_or_default(), first.0.span.clone(), key.span.clone()));
                    }
                    stack.push(value);
                }
            }
            Value::Seq(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
    out.sort_by_key(|(_, _, repeat)| repeat.start);
    out
}

fn classify(file: &SourceFile, err: &serde_saphyr::Error) -> ParseError {
    use serde_saphyr::Error as E;
    let at = err.location().map(|l| range_of(file, &l)).unwrap_or(0..0);
    let inner = err.without_snippet();
    match inner {
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => ParseError::AliasLimit { at },
        E::MultipleDocuments { .. } => ParseError::MultipleDocuments { at },
        E::Budget { breach, .. } => {
            // Breach kinds by name; the enum is non-exhaustive across saphyr versions.
            let kind = format!("{breach:?}");
            if kind.starts_with("Depth") {
                ParseError::TooDeep { at }
            } else if kind.starts_with("Alias") || kind.starts_with("Anchor") || kind.contains("Anchor") {
                ParseError::AliasLimit { at }
            } else if kind.starts_with("Documents") {
                ParseError::MultipleDocuments { at }
            } else {
                ParseError::TooManyNodes { at }
            }
        }
        _ => {
            let text = inner.to_string();
            let lower = text.to_lowercase();
            if lower.contains("recursion limit") {
                ParseError::TooDeep { at }
            } else if lower.contains("limit") && (lower.contains("alias") || lower.contains("anchor")) {
                // Alias-limit errors raised while replaying come wrapped in other variants.
                ParseError::AliasLimit { at }
            } else {
                ParseError::Syntax {
                    message: strip_location(&text),
                    at,
                }
            }
        }
    }
}

/// saphyr messages carry the position ("line 3 column 7: …", "… at line 4, column 7");
/// we show it ourselves, in the user's language.
fn strip_location(text: &str) -> String {
    use std::sync::OnceLock;
    static POSITION: OnceLock<regex::Regex> = OnceLock::new();
    let position = POSITION.get_or_init(|| {
        // Literal pattern.
        regex::Regex::new(r"^(error: )?line \d+ column \d+: |\s*at line \d+,? column \d+\.?$").expect("literal regex")
    });
    let first_line = text.lines().next().unwrap_or(text);
    position
        .replace_all(first_line, "")
        .trim()
        .trim_end_matches('.')
        .to_string()
}

fn range_of(file: &SourceFile, loc: &Location) -> Range<usize> {
    let span = loc.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(off), Some(len)) if off < u64::from(u32::MAX) && len < u64::from(u32::MAX) => {
            let start = usize::try_from(off).unwrap_or(usize::MAX).min(file.text.len());
            let end = start
                .saturating_add(usize::try_from(len).unwrap_or(0))
                .min(file.text.len());
            start..end
        }
        _ => {
            let line = usize::try_from(loc.line()).unwrap_or(1).max(1);
            let column = usize::try_from(loc.column()).unwrap_or(1).max(1);
            let start = file.offset_of(line, column);
            let chars = usize::try_from(span.len()).unwrap_or(0);
            let end = file.text[start..]
                .char_indices()
                .nth(chars)
                .map_or(file.text.len(), |(i, _)| start + i);
            start..end
        }
    }
}

fn convert(file: &SourceFile, raw: Spanned<Raw>) -> Node {
    let span = range_of(file, &raw.referenced);
    let value = match raw.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(f) => Value::Float(f),
        Raw::Str(s) => Value::Str(s),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(|i| convert(file, i)).collect()),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (convert(file, k), convert(file, v)))
                .collect(),
        ),
    };
    // Collections are reported at their first byte; widen a scalar's empty span to its text.
    Node { value, span }
}

/// The serde-facing mirror of [`Value`], with saphyr spans on every child.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Raw>>()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Raw>>()? {
            let value = map.next_value::<Spanned<Raw>>()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}
