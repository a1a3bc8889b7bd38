//! B1 (plain Dutch) word lists and the Flesch-Douma readability score, from `b1.yaml`.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use super::patterns::PatternList;
use serde::Deserialize;

const DATA: &str = include_str!("b1.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct B1Spec {
    pub long_sentence_words: usize,
    pub flesch_douma_min: f64,
    pub flesch_min_words: usize,
    pub jargon: Vec<Jargon>,
    pub relative_welke: String,
    pub vague_qualifiers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jargon {
    pub word: String,
    pub replacement: String,
}

pub struct B1 {
    pub spec: B1Spec,
    /// One pattern per jargon entry, in table order.
    pub jargon: PatternList,
    pub relative_welke: Regex,
    pub vague: PatternList,
}

/// A word of a list as a pattern: whole words, any whitespace between its parts.
fn word_pattern(word: &str) -> String {
    let escaped = regex::escape(word).replace("\\ ", r"\s+").replace(' ', r"\s+");
    // Word boundaries only where the word starts/ends with a word character ("c.q." ends in '.').
    // ASCII boundaries keep the regex on its DFA (see `patterns::prepare`).
    let start = if word.starts_with(|c: char| c.is_alphanumeric()) {
        r"\b"
    } else {
        ""
    };
    let end = if word.ends_with(|c: char| c.is_alphanumeric()) {
        r"\b"
    } else {
        ""
    };
    format!("{start}{escaped}{end}")
}

pub fn b1() -> &'static B1 {
    static B1_DATA: OnceLock<B1> = OnceLock::new();
    B1_DATA.get_or_init(|| {
        // Embedded data, parsed in a unit test: a failure is a build defect, not user input.
        let spec: B1Spec = serde_saphyr::from_str(DATA).expect("b1.yaml parses");
        let jargon = PatternList::new(spec.jargon.iter().map(|j| word_pattern(&j.word)).collect());
        let vague = PatternList::new(spec.vague_qualifiers.iter().map(|w| word_pattern(w)).collect());
        B1 {
            jargon,
            relative_welke: RegexBuilder::new(&spec.relative_welke)
                .case_insensitive(true)
                .build()
                .expect("b1 regex"),
            vague,
            spec,
        }
    })
}

/// Splits text into sentences (byte ranges) at `.`, `!`, `?` followed by whitespace and a
/// capital, and at line breaks; abbreviations like "art. 7" and "o.a." stay inside.
pub fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let boundary = match c {
            '\n' => true,
            '.' | '!' | '?' => {
                let rest = &text[i + c.len_utf8()..];
                let next = rest.chars().next();
                let after = rest.chars().find(|c| !c.is_whitespace());
                next.is_none_or(char::is_whitespace) && after.is_none_or(|c| c.is_uppercase() || c == '•' || c == '-')
            }
            _ => false,
        };
        if boundary {
            let end = i + c.len_utf8();
            if text[start..end].trim().chars().any(char::is_alphanumeric) {
                out.push(start..end);
            }
            start = end;
        }
    }
    if text[start..].trim().chars().any(char::is_alphanumeric) {
        out.push(start..text.len());
    }
    out
}

pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Syllables of a Dutch word, approximated by vowel groups ("ij", "oe", "eeu" count once).
pub fn syllables(word: &str) -> usize {
    let mut count = 0;
    let mut in_vowel = false;
    for c in word.chars().flat_map(char::to_lowercase) {
        let vowel = matches!(
            c,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'á' | 'é' | 'ë' | 'è' | 'ï' | 'ö' | 'ü' | 'ó'
        );
        if vowel && !in_vowel {
            count += 1;
        }
        in_vowel = vowel;
    }
    count.max(1)
}

/// Flesch-Douma reading ease (Douma 1960); higher is easier. `None` for empty text.
pub fn flesch_douma(text: &str) -> Option<f64> {
    let sentence_count = sentences(text).len();
    let all: Vec<&str> = words(text).collect();
    if sentence_count == 0 || all.is_empty() {
        return None;
    }
    let syllable_count: usize = all.iter().map(|w| syllables(w)).sum();
    let w = all.len() as f64;
    Some(206.835 - 0.93 * (w / sentence_count as f64) - 77.0 * (syllable_count as f64 / w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let b = b1();
        assert_eq!(b.jargon.len(), b.spec.jargon.len());
        b.jargon.compile_all();
        b.vague.compile_all();
        assert!(b.jargon.get(0).is_match("Zulks is niet toegestaan"));
        assert!(!b.jargon.matching("gegevens c.q. documenten").is_empty());
        assert!(b.jargon.matching("wij gebruiken uw gegevens").is_empty());
        assert!(!b.vague.matching("Wij delen o.a. met").is_empty());
    }

    #[test]
    fn sentence_split_keeps_abbreviations() {
        let text = "Zie art. 7 van de wet. Daarna volgt o.a. dit. Klaar";
        assert_eq!(sentences(text).len(), 3);
    }

    #[test]
    fn readability() {
        assert_eq!(syllables("gegevens"), 3);
        assert_eq!(syllables("bijzondere"), 4);
        let easy = flesch_douma("Wij bewaren uw dossier. U kunt het inzien.").unwrap_or(0.0);
        let hard = flesch_douma("De verwerkingsverantwoordelijke draagt zorg voor de rechtmatigheid van de geautomatiseerde gegevensverwerking overeenkomstig de toepasselijke regelgeving.").unwrap_or(100.0);
        assert!(easy > hard);
    }
}
