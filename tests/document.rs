//! The statement document: every organisation gets every standard section, in order, with
//! no missing catalogue sentence; free text cannot smuggle in links other than http(s)/mailto.

mod common;

use std::path::Path;

use verklaar::document::catalogue::{Catalogue, Key};
use verklaar::document::{BlockKind, Inline, STANDARD_SECTIONS, Section, Statement, build};
use verklaar::i18n::Lang;
use verklaar::lint::{self, LintOptions};
use verklaar::model::load::load_file;
use verklaar::model::vocab::{AddressForm, SectionKey};

fn statements() -> Vec<Statement> {
    let mut files: Vec<_> = std::fs::read_dir("organisations")
        .expect("organisations/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let loaded = load_file(Path::new(p)).unwrap_or_else(|_| panic!("{} loads", p.display()));
            let findings = lint::check(&loaded, &LintOptions::new(Lang::Nl));
            build(&loaded, &findings)
        })
        .collect()
}

fn all_text(s: &Statement) -> String {
    fn inl(out: &mut String, content: &[Inline]) {
        out.push_str(&Inline::plain(content));
        out.push('\n');
    }
    fn sec(out: &mut String, s: &Section) {
        out.push_str(&s.title);
        out.push('\n');
        for b in &s.blocks {
            match &b.kind {
                BlockKind::Paragraph { content } | BlockKind::Notice { content, .. } => inl(out, content),
                BlockKind::List { items, .. } => items.iter().for_each(|i| inl(out, i)),
                BlockKind::Definitions { items } => items.iter().for_each(|d| {
                    out.push_str(&d.term);
                    inl(out, &d.description)
                }),
                BlockKind::Table(t) => {
                    out.push_str(&t.caption);
                    t.headers.iter().for_each(|h| out.push_str(h));
                    t.rows.iter().flatten().for_each(|c| inl(out, c));
                }
            }
        }
        s.subsections.iter().for_each(|c| sec(out, c));
    }
    let mut out = String::new();
    sec(&mut out, &s.summary);
    s.sections.iter().for_each(|x| sec(&mut out, x));
    out
}

#[test]
fn every_standard_section_in_order_for_every_organisation() {
    let statements = statements();
    assert!(statements.len() >= 6);
    for s in &statements {
        let form = if s.address_form == "je" {
            AddressForm::Je
        } else {
            AddressForm::U
        };
        let c = Catalogue::new(form);
        let titles: Vec<&str> = s
            .sections
            .iter()
            .filter(|x| x.key != "custom")
            .map(|x| x.title.as_str())
            .collect();
        // Only sections the law does not require in every statement may be left out (the FG's
        // "in voorkomend geval", and the recommended ones); the rest stay, in order.
        let optional = [
            SectionKey::Dpo,
            SectionKey::Scope,
            SectionKey::Security,
            SectionKey::Changes,
        ];
        let expected: Vec<String> = STANDARD_SECTIONS
            .iter()
            .filter(|k| !optional.contains(k) || titles.contains(&c.section(**k).1.as_str()))
            .map(|k| c.section(*k).1)
            .collect();
        assert_eq!(titles, expected, "{}", s.slug);
        let text = all_text(s);
        assert!(
            !text.contains('{') && !text.contains('}'),
            "{}: a placeholder was not filled in:\n{text}",
            s.slug
        );
    }
}

#[test]
fn drafts_follow_error_findings() {
    for s in statements() {
        assert_eq!(s.draft, s.slug != "voorbeeld-praktijk", "{}", s.slug);
        assert_eq!(s.draft_notice.is_some(), s.draft);
    }
}

#[test]
fn summary_is_short() {
    for s in statements() {
        let words = all_text(&Statement {
            sections: Vec::new(),
            ..s.clone()
        })
        .split_whitespace()
        .count();
        assert!(words <= 170, "{}: 'In het kort' has {words} words", s.slug);
    }
}

/// Every catalogue key is used by the code: the catalogue holds no sentence that can never
/// appear (`no_unused_keys` in catalogue.rs checks the other direction).
#[test]
fn every_catalogue_key_is_used_in_the_code() {
    let mut source = String::new();
    for entry in walkdir::WalkDir::new("src").into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("catalogue.rs") {
            source.push_str(&std::fs::read_to_string(path).expect("source file"));
        }
    }
    let catalogue = std::fs::read_to_string("src/document/catalogue.rs").expect("catalogue.rs");
    // catalogue.rs itself uses a few keys (units, months) outside the key table.
    let own = &catalogue[catalogue.find("impl Catalogue").unwrap_or(0)..];
    let unused: Vec<&str> = Key::ALL
        .iter()
        .map(|k| k.ident())
        .filter(|ident| {
            let pattern = format!("Key::{ident}");
            let used = |text: &str| {
                text.match_indices(&pattern)
                    .any(|(i, _)| !text[i + pattern.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
            };
            !used(&source) && !used(own)
        })
        .collect();
    assert!(unused.is_empty(), "catalogue keys no code uses: {unused:?}");
}

/// The README's quick-start example is a file a new user copies: it loads and lints clean.
#[test]
fn the_readme_example_lints_clean() {
    let example = common::readme_example();
    let loaded = verklaar::model::load::load_bytes("README.md", example.as_bytes())
        .unwrap_or_else(|f| panic!("the README example does not load: {:?}", f.diagnostics));
    let findings = lint::check(&loaded, &LintOptions::new(Lang::Nl));
    let codes: Vec<&str> = findings.iter().map(|f| f.rule.code).collect();
    assert!(codes.is_empty(), "the README example has findings: {codes:?}");
}
