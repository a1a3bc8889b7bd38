//! The rule texts that are not in the rules' own metadata: what one finding of a rule covers
//! (Dutch and English), and the English text of each rule's `what` and `why`. One data file,
//! so that a translation sits next to the other translations and the rule files stay about
//! checks.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::RuleMeta;
use crate::i18n::Lang;

const DATA: &str = include_str!("rule_docs.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Texts {
    nl: String,
    en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    covers: Texts,
    what: String,
    why: String,
}

fn entries() -> &'static BTreeMap<String, Entry> {
    static ENTRIES: OnceLock<BTreeMap<String, Entry>> = OnceLock::new();
    // The file is compiled in; `every_rule_has_texts_and_none_is_orphaned` parses it.
    ENTRIES.get_or_init(|| serde_saphyr::from_str(DATA).expect("rule_docs.yaml parses"))
}

/// The rule's "what it checks" in `lang`; Dutch is the rule's own text.
pub fn what(rule: &RuleMeta, lang: Lang) -> &'static str {
    match (lang, entries().get(rule.code)) {
        (Lang::En, Some(e)) => e.what.as_str(),
        _ => rule.docs.what,
    }
}

/// The rule's "why" in `lang`; Dutch is the rule's own text.
pub fn why(rule: &RuleMeta, lang: Lang) -> &'static str {
    match (lang, entries().get(rule.code)) {
        (Lang::En, Some(e)) => e.why.as_str(),
        _ => rule.docs.why,
    }
}

/// What one finding of the rule covers, in `lang` (empty for a code without an entry, which
/// a test forbids).
pub fn covers(rule: &RuleMeta, lang: Lang) -> &'static str {
    entries().get(rule.code).map_or("", |e| match lang {
        Lang::Nl => e.covers.nl.as_str(),
        Lang::En => e.covers.en.as_str(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::registry;

    #[test]
    fn every_rule_has_texts_and_none_is_orphaned() {
        let codes: Vec<&str> = registry::rules().iter().map(|r| r.code).collect();
        let missing: Vec<&&str> = codes.iter().filter(|c| !entries().contains_key(**c)).collect();
        assert!(missing.is_empty(), "rule_docs.yaml lacks {missing:?}");
        let orphans: Vec<&String> = entries().keys().filter(|k| !codes.contains(&k.as_str())).collect();
        assert!(
            orphans.is_empty(),
            "rule_docs.yaml has entries for no rule: {orphans:?}"
        );
        for (code, e) in entries() {
            for text in [&e.covers.nl, &e.covers.en, &e.what, &e.why] {
                assert!(!text.trim().is_empty(), "{code}: an empty text");
            }
        }
    }

    #[test]
    fn english_texts_are_not_the_dutch_ones() {
        for rule in registry::rules() {
            assert_ne!(what(rule, Lang::En), rule.docs.what, "{}", rule.code);
            assert_ne!(why(rule, Lang::En), rule.docs.why, "{}", rule.code);
            assert_ne!(covers(rule, Lang::En), covers(rule, Lang::Nl), "{}", rule.code);
            // A few words only Dutch prose has; legal terms in quotes or code are allowed.
            for dutch in [" het ", " de ", " een ", " niet ", " wordt ", " worden "] {
                let text = format!(" {} {} ", what(rule, Lang::En), why(rule, Lang::En));
                let outside_quotes: String = text.split('\'').step_by(2).collect::<Vec<_>>().join(" ");
                assert!(
                    !outside_quotes.contains(dutch),
                    "{}: Dutch '{dutch}' in the English text",
                    rule.code
                );
            }
        }
    }
}
