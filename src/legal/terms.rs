//! The obsolete and wrong terms table (docs/legal/rules-catalogue.md §3), loaded from `obsolete_terms.yaml`.

use std::ops::Range;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
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
    re: Regex,
    same_sentence: Option<Regex>,
    not_near: Option<Regex>,
    not_followed_by: Option<Regex>,
}

/// Characters either side searched by `not_near`.
const NEAR: usize = 120;

/// Compiles a table pattern. `\b` becomes an ASCII word boundary: Unicode boundaries force the
/// regex engine off its DFA on text with accents, and every pattern starts and ends in ASCII.
pub fn compile(pattern: &str) -> Regex {
    let ascii_boundaries = pattern.replace(r"\b", r"(?-u:\b)");
    // The table is embedded and every pattern is exercised by `tests` below.
    RegexBuilder::new(&ascii_boundaries)
        .case_insensitive(true)
        .build()
        .expect("valid pattern in obsolete_terms.yaml")
}

/// All patterns as one set: a single pass tells which terms occur in a text at all.
fn term_set() -> &'static RegexSet {
    static SET: OnceLock<RegexSet> = OnceLock::new();
    SET.get_or_init(|| {
        RegexSetBuilder::new(terms().iter().map(|t| t.re.as_str()))
            .case_insensitive(true)
            .build()
            // The same patterns compiled one by one in `terms()`.
            .expect("term patterns form a set")
    })
}

/// The table, compiled once per process.
pub fn terms() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| {
        // Embedded data, parsed in a unit test: a failure is a build defect, not user input.
        let specs: Vec<TermSpec> = serde_saphyr::from_str(DATA).expect("obsolete_terms.yaml parses");
        specs
            .into_iter()
            .map(|spec| {
                let ctx = spec.context.clone().unwrap_or_default();
                Term {
                    re: compile(&spec.pattern),
                    same_sentence: ctx.same_sentence.as_deref().map(compile),
                    not_near: ctx.not_near.as_deref().map(compile),
                    not_followed_by: ctx.not_followed_by.as_deref().map(compile),
                    spec,
                }
            })
            .collect()
    })
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
    let all = terms();
    for index in term_set().matches(text).iter() {
        let term = &all[index];
        for m in term.re.find_iter(text) {
            let range = m.range();
            if let Some(re) = &term.same_sentence {
                let sentence = sentence_around(text, &range);
                if !re.is_match(&text[sentence]) {
                    continue;
                }
            }
            if let Some(re) = &term.not_near {
                let window = floor(text, range.start.saturating_sub(NEAR))..ceil(text, range.end + NEAR);
                if re.is_match(&text[window]) {
                    continue;
                }
            }
            if let Some(re) = &term.not_followed_by
                && re.is_match(&text[range.end..])
            {
                continue;
            }
            out.push((range, term));
        }
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
