//! From the spanned tree to a JSON value plus a map of JSON Pointer → source span.
//!
//! JSON Pointers (`/purposes/0/retention`) are the one path notation inside verklaar: the
//! schema validator reports them, lint rules build them, and the suppression paths of the
//! `lint:` block (`purposes.behandeling.retention`) are resolved to them.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde_json::{Map, Number, Value as Json};

use super::tree::{Node, Value};

/// A JSON Pointer into an organisation file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

impl Pointer {
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    /// Parses pointer text as the schema validator prints it.
    pub fn parse(text: &str) -> Pointer {
        Pointer(text.to_string())
    }

    pub fn key(&self, key: &str) -> Pointer {
        let escaped = key.replace('~', "~0").replace('/', "~1");
        Pointer(format!("{}/{}", self.0, escaped))
    }

    pub fn index(&self, index: usize) -> Pointer {
        Pointer(format!("{}/{}", self.0, index))
    }

    pub fn parent(&self) -> Option<Pointer> {
        self.0.rfind('/').map(|i| Pointer(self.0[..i].to_string()))
    }

    /// The last segment, unescaped.
    pub fn last(&self) -> Option<String> {
        self.0
            .rfind('/')
            .map(|i| self.0[i + 1..].replace("~1", "/").replace("~0", "~"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path as a user writes it: `purposes[2].retention`.
    pub fn dotted(&self) -> String {
        let mut out = String::new();
        for seg in self.0.split('/').skip(1) {
            let seg = seg.replace("~1", "/").replace("~0", "~");
            if seg.bytes().all(|b| b.is_ascii_digit()) && !seg.is_empty() {
                out.push_str(&format!("[{seg}]"));
            } else {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&seg);
            }
        }
        out
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a value sits in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spans {
    /// The key of a mapping entry (absent for list items and the root).
    pub key: Option<Range<usize>>,
    pub value: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    spans: HashMap<Pointer, Spans>,
    /// (list pointer, item id) → item index, to resolve `purposes.behandeling`.
    ids: HashMap<(Pointer, String), usize>,
    /// Every string value in document order, for the text rules.
    strings: Vec<(Pointer, String)>,
}

impl SourceMap {
    pub fn get(&self, pointer: &Pointer) -> Option<&Spans> {
        self.spans.get(pointer)
    }

    /// The span to underline for a value at `pointer`: the value itself when it exists,
    /// otherwise the key of the nearest existing parent (where the missing value belongs).
    pub fn span_for(&self, pointer: &Pointer) -> Range<usize> {
        if let Some(spans) = self.spans.get(pointer) {
            return spans.value.clone();
        }
        self.parent_key_span(pointer)
    }

    /// The key of the nearest existing entry at or above `pointer` (for "missing" findings).
    pub fn parent_key_span(&self, pointer: &Pointer) -> Range<usize> {
        let mut current = Some(pointer.clone());
        while let Some(p) = current {
            if let Some(spans) = self.spans.get(&p) {
                return spans.key.clone().unwrap_or_else(|| spans.value.clone());
            }
            current = p.parent();
        }
        0..0
    }

    /// Every string value with its pointer, in document order.
    pub fn strings(&self) -> &[(Pointer, String)] {
        &self.strings
    }

    /// The key span of an entry, falling back to its value.
    pub fn key_span(&self, pointer: &Pointer) -> Option<Range<usize>> {
        self.spans
            .get(pointer)
            .map(|s| s.key.clone().unwrap_or_else(|| s.value.clone()))
    }

    /// Resolves a user path (`purposes.behandeling.retention`, `purposes[0].retention`).
    /// List items may be named by index or by `id`.
    pub fn resolve(&self, path: &str) -> Option<Pointer> {
        let mut pointer = Pointer::root();
        for raw in path.split('.') {
            let (name, indices) = split_indices(raw)?;
            if !name.is_empty() {
                let by_key = pointer.key(name);
                pointer = if self.spans.contains_key(&by_key) {
                    by_key
                } else {
                    let index = self.ids.get(&(pointer.clone(), name.to_string()))?;
                    pointer.index(*index)
                };
            }
            for i in indices {
                pointer = pointer.index(i);
            }
            if !self.spans.contains_key(&pointer) {
                return None;
            }
        }
        Some(pointer)
    }
}

fn split_indices(segment: &str) -> Option<(&str, Vec<usize>)> {
    let (name, mut rest) = match segment.find('[') {
        Some(i) => (&segment[..i], &segment[i..]),
        None => return Some((segment, Vec::new())),
    };
    let mut indices = Vec::new();
    while let Some(stripped) = rest.strip_prefix('[') {
        let end = stripped.find(']')?;
        indices.push(stripped[..end].trim().parse().ok()?);
        rest = &stripped[end + 1..];
    }
    rest.is_empty().then_some((name, indices))
}

/// Converts the tree to JSON for schema validation and typed deserialisation, recording the
/// span of every value. `key: ~` entries are dropped: in this format null means "left out".
pub fn to_json(root: &Node) -> (Json, SourceMap) {
    let mut map = SourceMap::default();
    let json = walk(root, Pointer::root(), None, &mut map);
    (json, map)
}

fn walk(node: &Node, pointer: Pointer, key: Option<Range<usize>>, map: &mut SourceMap) -> Json {
    map.spans.insert(
        pointer.clone(),
        Spans {
            key,
            value: node.span.clone(),
        },
    );
    match &node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::Number((*i).into()),
        Value::Float(f) => Number::from_f64(*f).map_or(Json::Null, Json::Number),
        Value::Str(s) => {
            map.strings.push((pointer, s.clone()));
            Json::String(s.clone())
        }
        Value::Seq(items) => Json::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    if let Value::Map(entries) = &item.value {
                        let id = entries.iter().find_map(|(k, v)| match (&k.value, &v.value) {
                            (Value::Str(k), Value::Str(id)) if k == "id" => Some(id.clone()),
                            _ => None,
                        });
                        if let Some(id) = id {
                            map.ids.entry((pointer.clone(), id)).or_insert(i);
                        }
                    }
                    walk(item, pointer.index(i), None, map)
                })
                .collect(),
        ),
        Value::Map(entries) => {
            let mut object = Map::new();
            for (k, v) in entries {
                if v.value == Value::Null {
                    // Left out of the JSON, but keep the place so messages can point at it.
                    let name = k.value.scalar_text().unwrap_or_else(|| "?".into());
                    map.spans.insert(
                        pointer.key(&name),
                        Spans {
                            key: Some(k.span.clone()),
                            value: v.span.clone(),
                        },
                    );
                    continue;
                }
                let name = k.value.scalar_text().unwrap_or_else(|| "?".into());
                let child = walk(v, pointer.key(&name), Some(k.span.clone()), map);
                object.insert(name, child);
            }
            Json::Object(object)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_and_split() {
        let p = Pointer::root().key("purposes").index(2).key("retention");
        assert_eq!(p.dotted(), "purposes[2].retention");
        assert_eq!(p.parent().map(|p| p.dotted()), Some("purposes[2]".into()));
        assert_eq!(split_indices("a[1][2]"), Some(("a", vec![1, 2])));
        assert_eq!(split_indices("a[x]"), None);
    }
}
