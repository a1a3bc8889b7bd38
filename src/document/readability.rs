//! Readability of a statement: Flesch-Douma (the Dutch adaptation of Flesch reading ease,
//! Douma 1960) and words per sentence, over the running text a reader reads.
//!
//! `206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)`. B1 Dutch scores about
//! 65–85. Syllables are counted as groups of vowels (`a e i o u y`, with `ij` as one vowel),
//! which is how Dutch readability tools count them; it errs by a syllable on some loan words.
//! Headings, definition terms and table headers are labels, not sentences: they are left out.
//! The first column of a table (names) is left out too.

use super::model::{BlockKind, Inline, Section, Statement};

/// The measured text of one statement.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Readability {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    /// The longest sentences, longest first (at most five).
    pub longest: Vec<String>,
}

impl Readability {
    pub fn words_per_sentence(&self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }

    pub fn syllables_per_word(&self) -> f64 {
        self.syllables as f64 / self.words.max(1) as f64
    }

    pub fn flesch_douma(&self) -> f64 {
        206.835 - 0.93 * self.words_per_sentence() - 77.0 * self.syllables_per_word()
    }
}

/// The running text of a statement: one string per paragraph, list item, definition or
/// table cell (without the row-header column).
pub fn running_text(statement: &Statement) -> Vec<String> {
    fn walk(section: &Section, out: &mut Vec<String>) {
        for block in &section.blocks {
            match &block.kind {
                BlockKind::Paragraph { content } | BlockKind::Notice { content, .. } => {
                    out.push(Inline::plain(content))
                }
                BlockKind::List { items, .. } => out.extend(items.iter().map(|i| Inline::plain(i))),
                BlockKind::Definitions { items } => out.extend(items.iter().map(|d| Inline::plain(&d.description))),
                BlockKind::Table(t) => out.extend(
                    t.rows
                        .iter()
                        .flat_map(|row| row.iter().skip(1))
                        .map(|c| Inline::plain(c)),
                ),
            }
        }
        section.subsections.iter().for_each(|s| walk(s, out));
    }
    let mut out = Vec::new();
    walk(&statement.summary, &mut out);
    statement.sections.iter().for_each(|s| walk(s, &mut out));
    out
}

/// Measures pieces of running text; each piece ends a sentence.
pub fn measure(pieces: &[String]) -> Readability {
    let mut r = Readability::default();
    let mut all: Vec<(usize, String)> = Vec::new();
    for piece in pieces {
        for sentence in sentences(piece) {
            // Addresses are read as a unit, not as words: e-mail addresses and links are left out.
            let words: Vec<&str> = sentence
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .filter(|w| !(w.contains('@') || w.contains("://") || w.starts_with("www.")))
                .collect();
            if words.is_empty() {
                continue;
            }
            r.sentences += 1;
            r.words += words.len();
            r.syllables += words.iter().map(|w| syllables(w)).sum::<usize>();
            all.push((words.len(), sentence.trim().to_string()));
        }
    }
    all.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    all.dedup_by(|a, b| a.1 == b.1);
    r.longest = all.into_iter().take(5).map(|(_, s)| s).collect();
    r
}

/// Splits text after `.`, `!`, `?` or `:` followed by white space; abbreviations ("art.",
/// "bijv.") and numbers ("7:454") stay inside their sentence.
fn sentences(text: &str) -> Vec<String> {
    const ABBREVIATIONS: &[&str] = &[
        "art", "bijv", "o.a", "i.v.m", "nr", "z.s.m", "t.a.v", "e.d", "d.w.z", "m.b.t", "sub",
    ];
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let next_is_space = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if matches!(c, '.' | '!' | '?' | ':') && next_is_space {
            let last_word = current
                .trim_end_matches(['.', '!', '?', ':'])
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                .next()
                .unwrap_or("")
                .to_lowercase();
            if c == '.' && ABBREVIATIONS.contains(&last_word.as_str()) {
                continue;
            }
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

/// Syllables of a Dutch word: groups of vowels, `ij` counting as a vowel; at least one.
pub fn syllables(word: &str) -> usize {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let is_vowel = |i: usize| -> bool {
        match lower[i] {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'à' | 'á' | 'â' | 'ä' | 'è' | 'é' | 'ê' | 'ë' | 'ì' | 'í' | 'î'
            | 'ï' | 'ò' | 'ó' | 'ô' | 'ö' | 'ù' | 'ú' | 'û' | 'ü' => true,
            'j' => i > 0 && lower[i - 1] == 'i',
            _ => false,
        }
    };
    let mut count = 0;
    let mut previous = false;
    for (i, c) in lower.iter().enumerate() {
        let vowel = is_vowel(i);
        // Diaeresis starts a new syllable ("geïnformeerd", "patiënt").
        let diaeresis = matches!(c, 'ë' | 'ï' | 'ü' | 'ö' | 'ä');
        if vowel && (!previous || diaeresis) {
            count += 1;
        }
        previous = vowel;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_syllables() {
        for (word, n) in [
            ("gegevens", 3),
            ("wij", 1),
            ("bewaren", 3),
            ("patiënten", 4),
            ("verwerkersovereenkomst", 7),
            ("huis", 1),
            ("AVG", 1),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_keep_abbreviations_and_article_numbers() {
        let s = sentences("Zie art. 7:454 BW. Dan weet u het. Klaar?");
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn a_simple_text_scores_high() {
        let r = measure(&["Wij bewaren uw gegevens. Wij delen ze niet.".to_string()]);
        assert_eq!((r.sentences, r.words), (2, 8));
        assert!(r.flesch_douma() > 70.0, "{}", r.flesch_douma());
    }
}
