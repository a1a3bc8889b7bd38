//! Lists of case-insensitive patterns (the obsolete terms, the B1 word lists) matched as one
//! set, each pattern compiled on its own only when the set finds it in some text.
//!
//! Compiling is most of the cost of a one-file lint: every pattern of a table compiled up
//! front, and again as a set, was three quarters of a 60 ms run. Now a run compiles each set
//! once, on first use, and of the single patterns only those its texts contain.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// A table's patterns, compiled lazily.
#[derive(Debug)]
pub struct PatternList {
    patterns: Vec<String>,
    set: OnceLock<RegexSet>,
    each: Vec<OnceLock<Regex>>,
}

impl PatternList {
    /// `patterns` must be valid: they come from tables embedded in the binary, and each
    /// table's unit test compiles every one of them (see [`PatternList::compile_all`]).
    pub fn new(patterns: Vec<String>) -> PatternList {
        let each = patterns.iter().map(|_| OnceLock::new()).collect();
        PatternList {
            patterns,
            set: OnceLock::new(),
            each,
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Indices of the patterns that match somewhere in `text`, in table order.
    pub fn matching(&self, text: &str) -> Vec<usize> {
        let set = self.set.get_or_init(|| {
            RegexSetBuilder::new(self.patterns.iter().map(|p| prepare(p)))
                .case_insensitive(true)
                .build()
                // Embedded table; `compile_all` in its tests builds the same set.
                .expect("table patterns form a set")
        });
        // Most texts hold none of a table's patterns: the plain search stops at the first
        // match and skips ahead on literals, where the search for every pattern at once
        // reads every byte of the text.
        if !set.is_match(text) {
            return Vec::new();
        }
        set.matches(text).into_iter().collect()
    }

    /// Pattern `i` on its own (for the places of its matches).
    pub fn get(&self, i: usize) -> &Regex {
        self.each[i].get_or_init(|| compile(&self.patterns[i]))
    }

    /// Every match of every pattern in `text`: (pattern index, match).
    pub fn find_all<'t>(&self, text: &'t str) -> Vec<(usize, regex::Match<'t>)> {
        self.matching(text)
            .into_iter()
            .flat_map(|i| self.get(i).find_iter(text).map(move |m| (i, m)))
            .collect()
    }

    /// Compiles the set and every pattern (for the tables' tests: a bad pattern is a build
    /// defect that must fail a test, not a run).
    pub fn compile_all(&self) {
        let _ = self.matching("");
        for i in 0..self.len() {
            let _ = self.get(i);
        }
    }
}

/// A case-insensitive table pattern, after [`prepare`].
pub fn compile(pattern: &str) -> Regex {
    // Embedded tables and literal patterns in the rules, each exercised by a test.
    RegexBuilder::new(&prepare(pattern))
        .case_insensitive(true)
        .build()
        .expect("valid table pattern")
}

/// A word character as the table patterns mean it: anything but white space and the
/// punctuation that ends a word. Unicode `\w` is some 700 ranges; under a bounded repeat
/// (`(\w+\s+){0,3}`) it made single patterns cost milliseconds to compile, while the texts
/// these patterns read (Dutch prose) have no word characters outside this class that `\w`
/// would refuse.
const WORD: &str = r#"[^\s.,;:!?()\[\]{}"]"#;

/// Rewrites a table pattern for the regex engine: `\b` becomes an ASCII word boundary
/// (Unicode boundaries force the engine off its DFA on text with accents, and every pattern
/// starts and ends its words in ASCII), and `\w` becomes [`WORD`].
pub fn prepare(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some('w') => out.push_str(WORD),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_rewrites_boundaries_and_word_characters_only() {
        assert_eq!(prepare(r"\bja\b"), r"(?-u:\b)ja(?-u:\b)");
        assert_eq!(prepare(r"a\\w\.b"), r"a\\w\.b");
        let re = compile(r"\bgeen\s+(\w+\s+){0,3}toestemming\b");
        assert!(re.is_match("Geen éénmalige toestemming"));
        assert!(re.is_match("geen aparte schriftelijke toestemming"));
        assert!(!re.is_match("geen. toestemming"));
        let class = compile(r"in\s+de\s+[\w\s-]{0,40}overeenkomst");
        assert!(class.is_match("in de behandel- en zorgovereenkomst"));
    }
}
