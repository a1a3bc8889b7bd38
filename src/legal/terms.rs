//! The obsolete and wrong terms table (docs/legal/rules-catalogue.md §3), loaded from `obsolete_terms.yaml`.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::patterns::{PatternList, compile};
use serde::Deserialize;

const DATA: &str = include_str!("obsolete_terms.yaml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermSpec {
    pub id: String,
    pub pattern: String,
    #[serde(default)]
    pub context: Option<ContextSpec>,
    pub replacement: String,
    pub rule: String,
    pub why: String,
    /// The provision that makes the term outdated, for rules whose article differs per term
    /// (VK804): shown in the finding.
    #[serde(default)]
    pub article: Option<String>,
    /// Terms with the same cause are one defect (the CBP's name and its old website): one
    /// finding, every use a related place. Default: the term's own id.
    #[serde(default)]
    pub cause: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextSpec {
    #[serde(default)]
    pub same_sentence: Option<String>,
    #[serde(default)]
    pub not_near: Option<String>,
    #[serde(default)]
    pub not_followed_by: Option<String>,
}

#[derive(Debug)]
pub struct Term {
    pub spec: TermSpec,
    same_sentence: Option<OnceLock<Regex>>,
    not_near: Option<OnceLock<Regex>>,
    not_followed_by: Option<OnceLock<Regex>>,
}

/// Characters either side searched by `not_near`.
const NEAR: usize = 120;

/// The table and its patterns, compiled as they are needed.
struct Table {
    terms: Vec<Term>,
    patterns: PatternList,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Embedded data, parsed in a unit test: a failure is a build defect, not user input.
        let specs: Vec<TermSpec> = serde_saphyr::from_str(DATA).expect("obsolete_terms.yaml parses");
        let patterns = PatternList::new(specs.iter().map(|s| s.pattern.clone()).collect());
        let terms = specs
            .into_iter()
            .map(|spec| {
                let ctx = spec.context.clone().unwrap_or_default();
                let lazy = |p: &Option<String>| p.as_ref().map(|_| OnceLock::new());
                Term {
                    same_sentence: lazy(&ctx.same_sentence),
                    not_near: lazy(&ctx.not_near),
                    not_followed_by: lazy(&ctx.not_followed_by),
                    spec,
                }
            })
            .collect();
        Table { terms, patterns }
    })
}

/// The table, parsed once per process.
pub fn terms() -> &'static [Term] {
    &table().terms
}

/// A context pattern of a term, compiled on first use.
fn context<'a>(cell: &'a Option<OnceLock<Regex>>, pattern: Option<&str>) -> Option<&'a Regex> {
    match (cell, pattern) {
        (Some(cell), Some(pattern)) => Some(cell.get_or_init(|| compile(pattern))),
        _ => None,
    }
}

/// The sentence around `range`: from after the previous sentence end to the next one.
pub fn sentence_around(text: &str, range: &Range<usize>) -> Range<usize> {
    let is_end = |b: u8| matches!(b, b'.' | b'!' | b'?' | b'\n');
    let bytes = text.as_bytes();
    let mut start = range.start;
    while start > 0 {
        let b = bytes[start - 1];
        // "art. 7" and "o.a." do not end a sentence: require a space and a capital after.
        if is_end(b)
            && (b == b'\n' || bytes.get(start).is_some_and(|c| c.is_ascii_whitespace()) && next_is_capital(text, start))
        {
            break;
        }
        start -= 1;
    }
    let mut end = range.end;
    while end < bytes.len() {
        let b = bytes[end];
        if is_end(b)
            && (b == b'\n'
                || bytes.get(end + 1).is_none_or(|c| c.is_ascii_whitespace()) && next_is_capital(text, end + 1))
        {
            end += 1;
            break;
        }
        end += 1;
    }
    start..end.min(text.len())
}

fn next_is_capital(text: &str, from: usize) -> bool {
    text.get(from..)
        .and_then(|rest| rest.chars().find(|c| !c.is_whitespace()))
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// Every match of the table in `text`, with its byte range, after the context filters.
pub fn find(text: &str) -> Vec<(Range<usize>, &'static Term)> {
    let mut out = Vec::new();
    let table = table();
    for (index, m) in table.patterns.find_all(text) {
        let term = &table.terms[index];
        let range = m.range();
        let ctx = term.spec.context.as_ref();
        if let Some(re) = context(&term.same_sentence, ctx.and_then(|c| c.same_sentence.as_deref())) {
            let sentence = sentence_around(text, &range);
            if !re.is_match(&text[sentence]) {
                continue;
            }
        }
        if let Some(re) = context(&term.not_near, ctx.and_then(|c| c.not_near.as_deref())) {
            let window = floor(text, range.start.saturating_sub(NEAR))..ceil(text, range.end + NEAR);
            if re.is_match(&text[window]) {
                continue;
            }
        }
        if let Some(re) = context(&term.not_followed_by, ctx.and_then(|c| c.not_followed_by.as_deref()))
            && re.is_match(&text[range.end..])
        {
            continue;
        }
        out.push((range, term));
    }
    out.sort_by_key(|(r, t)| (r.start, t.spec.rule.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        find(text).into_iter().map(|(_, t)| t.spec.id.clone()).collect()
    }

    #[test]
    fn table_loads_and_compiles() {
        assert!(terms().len() >= 26);
        table().patterns.compile_all();
        for term in terms() {
            let ctx = term.spec.context.as_ref();
            let _ = context(&term.same_sentence, ctx.and_then(|c| c.same_sentence.as_deref()));
            let _ = context(&term.not_near, ctx.and_then(|c| c.not_near.as_deref()));
            let _ = context(&term.not_followed_by, ctx.and_then(|c| c.not_followed_by.as_deref()));
        }
    }

    #[test]
    fn matches_and_context() {
        assert_eq!(ids("Wij volgen de Wet bescherming persoonsgegevens."), ["wbp"]);
        assert_eq!(ids("Zie www.cbpweb.nl voor meer."), ["cbpweb"]);
        assert!(ids("De WGBO-dossiers bewaren wij 15 jaar.").contains(&"wgbo-15-jaar".to_string()));
        assert!(ids("Camerabeelden bewaren wij 15 jaar.").is_empty());
        assert!(ids("Een datalek melden wij binnen 72 uur bij de Autoriteit Persoonsgegevens.").is_empty());
        assert_eq!(
            ids("De verwerking wordt aangemeld bij de Autoriteit Persoonsgegevens."),
            ["melding-verwerking"]
        );
        assert_eq!(ids("Wet maatschappelijke ondersteuning (WMO)"), ["wmo-without-2015"]);
        assert!(ids("Wet maatschappelijke ondersteuning 2015").is_empty());
        assert!(ids("De richtsnoeren van de WP29 (WP260) gebruiken wij.").is_empty());
        assert_eq!(
            ids("In artikel 17 tot en met 22 van de wet staat wie bijzondere persoonsgegevens mag verwerken."),
            ["wbp-article-numbers"]
        );
        assert!(ids("Conform artikel 6 van de wet.").is_empty());
        assert!(ids("Wij reageren binnen vier weken.").is_empty());
    }
}
