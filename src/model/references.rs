//! Ids and cross-references: every id unique within its list, every reference resolvable.
//! Runs on the JSON tree so it reports even when other parts of the file have errors.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::diagnostics::{LoadDiagnostic, LoadIssue};
use crate::source::{Pointer, SourceMap};

use super::processing::SOURCE_SELF;

/// How many existing ids the help of an unknown reference names.
const SHOWN_IDS: usize = 20;

/// Lists longer than this get no "Bedoelde u …?" suggestion (no real list is this long).
const MAX_SUGGESTION_IDS: usize = 2_000;

/// Lists whose items carry an `id`.
const ID_LISTS: &[&str] = &["data_subjects", "data_categories", "sources", "purposes", "recipients"];

/// (list holding the referring items, field in each item, list the id must exist in).
/// A field may hold one id or a list of ids.
const REFERENCES: &[(&str, &str, &str)] = &[
    ("/purposes", "data_subjects", "data_subjects"),
    ("/purposes", "data_categories", "data_categories"),
    ("/purposes", "sources", "sources"),
    ("/purposes", "recipients", "recipients"),
    ("/transfers", "recipient", "recipients"),
    ("/retention/schedule", "purpose", "purposes"),
    ("/retention/schedule", "data_category", "data_categories"),
];

pub fn check(root: &Value, map: &SourceMap) -> Vec<LoadDiagnostic> {
    let mut out = Vec::new();
    for list in ID_LISTS {
        let pointer = Pointer::root().key(list);
        // A map, not a list: a file with thousands of items must stay linear.
        let mut seen: HashMap<&str, Pointer> = HashMap::new();
        for (i, item) in items(root, &pointer) {
            let Some(id) = item.get("id").and_then(Value::as_str) else {
                continue;
            };
            let id_pointer = pointer.index(i).key("id");
            if let Some(first) = seen.get(id) {
                out.push(
                    LoadDiagnostic::new(
                        LoadIssue::DuplicateId {
                            id: id.to_string(),
                            list: list.to_string(),
                        },
                        map.span_for(&id_pointer),
                    )
                    .with_related(map.span_for(first)),
                );
            } else {
                seen.insert(id, id_pointer);
            }
        }
    }
    for (holder, field, target) in REFERENCES {
        let available = ids(root, target);
        let known: HashSet<&str> = available.iter().map(String::as_str).collect();
        // The help names a few ids; a typo is looked for only in a list of human size, so that
        // a hostile file of many unknown references into a huge list stays linear.
        let shown: Vec<String> = available.iter().take(SHOWN_IDS).cloned().collect();
        let more = available.len() - shown.len();
        let holder = Pointer::parse(holder);
        for (i, item) in items(root, &holder) {
            let field_pointer = holder.index(i).key(field);
            let refs: Vec<(Pointer, &str)> = match item.get(*field) {
                Some(Value::String(s)) => vec![(field_pointer.clone(), s.as_str())],
                Some(Value::Array(values)) => values
                    .iter()
                    .enumerate()
                    .filter_map(|(j, v)| v.as_str().map(|s| (field_pointer.index(j), s)))
                    .collect(),
                _ => Vec::new(),
            };
            for (pointer, id) in refs {
                if known.contains(id) || (*target == "sources" && id == SOURCE_SELF) {
                    continue;
                }
                out.push(LoadDiagnostic::new(
                    LoadIssue::UnknownReference {
                        id: id.to_string(),
                        list: target.to_string(),
                        suggestion: (available.len() <= MAX_SUGGESTION_IDS)
                            .then(|| closest(id, &available))
                            .flatten(),
                        available: shown.clone(),
                        more,
                    },
                    map.span_for(&pointer),
                ));
            }
        }
    }
    out
}

fn items<'a>(root: &'a Value, pointer: &Pointer) -> impl Iterator<Item = (usize, &'a Value)> {
    root.pointer(pointer.as_str())
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

fn ids(root: &Value, list: &str) -> Vec<String> {
    let mut out: Vec<String> = items(root, &Pointer::root().key(list))
        .filter_map(|(_, item)| item.get("id").and_then(Value::as_str).map(str::to_string))
        .collect();
    if list == "sources" {
        out.insert(0, SOURCE_SELF.to_string());
    }
    // Duplicates are reported on their own (L007); list each id once in help texts.
    let mut seen = std::collections::HashSet::new();
    out.retain(|id| seen.insert(id.clone()));
    out
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
pub fn closest(word: &str, candidates: &[String]) -> Option<String> {
    let lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(word.chars().count()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.clone())
}
