//! The rule catalogue in both languages: `explain --lang en` is English throughout (except
//! the YAML examples and the article citation), every rule says what one finding covers, and
//! SARIF describes the rules in the chosen language.

use assert_cmd::Command;
use verklaar::i18n::Lang;
use verklaar::lint::{registry, rule_docs};

fn verklaar(args: &[&str]) -> String {
    let out = Command::cargo_bin("verklaar")
        .expect("the verklaar binary is built")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

const DUTCH_HEADINGS: &[&str] = &[
    "Wat het controleert",
    "Waarom",
    "Eén melding omvat",
    "Voorbeeld",
    "Ernst",
    "Artikel:",
];

#[test]
fn explain_in_english_is_english_for_every_rule() {
    for meta in registry::rules() {
        let text = verklaar(&["explain", meta.code, "--lang", "en"]);
        for heading in DUTCH_HEADINGS {
            assert!(
                !text.contains(heading),
                "explain {} --lang en has '{heading}'",
                meta.code
            );
        }
        for part in [
            "What it checks",
            "Why",
            "One finding covers",
            rule_docs::what(meta, Lang::En),
            rule_docs::why(meta, Lang::En),
            rule_docs::covers(meta, Lang::En),
        ] {
            assert!(text.contains(part), "explain {} --lang en lacks {part}", meta.code);
        }
        assert!(!text.contains(meta.docs.what), "{}: the Dutch text", meta.code);
    }
}

#[test]
fn explain_in_dutch_says_what_one_finding_covers() {
    for meta in registry::rules() {
        let text = verklaar(&["explain", meta.code]);
        assert!(text.contains("Eén melding omvat"), "{}", meta.code);
        assert!(text.contains(rule_docs::covers(meta, Lang::Nl)), "{}", meta.code);
        assert!(text.contains(meta.docs.what), "{}", meta.code);
    }
}

#[test]
fn explain_english_snapshot() {
    insta::assert_snapshot!(verklaar(&["explain", "VK201", "--lang", "en"]));
}

#[test]
fn markdown_in_english_uses_the_english_texts() {
    let md = verklaar(&["rules", "--format", "markdown", "--lang", "en"]);
    for meta in registry::rules() {
        assert!(md.contains(rule_docs::what(meta, Lang::En)), "{}", meta.code);
        assert!(md.contains(rule_docs::covers(meta, Lang::En)), "{}", meta.code);
    }
    assert!(!md.contains("Wat het controleert"));
}

#[test]
fn sarif_describes_rules_in_the_chosen_language() {
    for (lang, pick) in [("nl", Lang::Nl), ("en", Lang::En)] {
        let sarif: serde_json::Value = serde_json::from_str(&verklaar(&[
            "lint",
            "organisations/voorbeeld-praktijk.yaml",
            "--format",
            "sarif",
            "--lang",
            lang,
        ]))
        .expect("SARIF");
        let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules[]");
        for meta in registry::rules() {
            let rule = rules.iter().find(|r| r["id"] == meta.code).expect("every rule listed");
            assert_eq!(
                rule["fullDescription"]["text"],
                rule_docs::what(meta, pick),
                "{lang} {}",
                meta.code
            );
        }
    }
}
