//! One fixture per lint rule that fires and one that does not (tests/fixtures/rules/<CODE>/),
//! checked by one data-driven test, with the rendered findings snapshotted.

use std::path::Path;

use verklaar::diagnostics::{Rendered, render_human};
use verklaar::i18n::Lang;
use verklaar::lint::engine::{LintOptions, check};
use verklaar::lint::registry;
use verklaar::model::load::{Loaded, load_file};
use verklaar::model::time::Date;

/// Codes raised by the engine from the `lint:` block rather than by a rule.
const META_CODES: &[&str] = &["VK901", "VK902", "VK903"];

/// Codes whose fires.yaml is also snapshotted in English.
const ENGLISH: &[&str] = &["VK101", "VK112", "VK401", "VK509", "VK608", "VK813", "VK814"];

fn codes() -> Vec<&'static str> {
    registry::all()
        .iter()
        .map(|r| r.meta.code)
        .chain(META_CODES.iter().copied())
        .collect()
}

fn options(code: &'static str, lang: Lang) -> LintOptions {
    LintOptions {
        lang,
        today: Date::parse("2026-01-01").expect("fixed date"),
        // The `lint:` block findings are about suppressions of other rules' findings; run every
        // rule so that a suppression can be in use, and look only at the meta code.
        only: if META_CODES.contains(&code) { None } else { Some(code) },
    }
}

fn load(path: &str) -> Result<Loaded, String> {
    load_file(Path::new(path)).map_err(|failure| {
        let rendered: Vec<Rendered> = failure
            .diagnostics
            .iter()
            .map(|d| d.render(&failure.file, Lang::Nl))
            .collect();
        format!("{path} does not load:\n{}", render_human(&rendered, false, 100))
    })
}

/// The findings of `code` in the file, rendered for humans.
fn lint(loaded: &Loaded, code: &'static str, lang: Lang) -> (usize, String) {
    let findings: Vec<_> = check(loaded, &options(code, lang))
        .into_iter()
        .filter(|f| f.rule.code == code)
        .collect();
    let rendered: Vec<Rendered> = findings.iter().map(|f| f.render(&loaded.file, lang)).collect();
    (findings.len(), render_human(&rendered, false, 100))
}

#[test]
fn every_rule_has_fixtures_that_fire_and_pass() {
    let mut failures = Vec::new();
    for code in codes() {
        let fires = format!("tests/fixtures/rules/{code}/fires.yaml");
        let passes = format!("tests/fixtures/rules/{code}/passes.yaml");
        for path in [&fires, &passes] {
            if !Path::new(path).is_file() {
                failures.push(format!("{code}: missing fixture {path}"));
            }
        }
        if !Path::new(&fires).is_file() || !Path::new(&passes).is_file() {
            continue;
        }

        match load(&fires) {
            Err(e) => failures.push(format!("{code}: {e}")),
            Ok(loaded) => {
                let (count, text) = lint(&loaded, code, Lang::Nl);
                if count == 0 {
                    failures.push(format!("{code}: {fires} yields no {code} finding"));
                } else {
                    insta::assert_snapshot!(format!("{code}_fires"), text);
                }
                if ENGLISH.contains(&code) {
                    let (count, text) = lint(&loaded, code, Lang::En);
                    if count == 0 {
                        failures.push(format!("{code}: {fires} yields no {code} finding in English"));
                    } else {
                        insta::assert_snapshot!(format!("{code}_fires_en"), text);
                    }
                }
            }
        }

        match load(&passes) {
            Err(e) => failures.push(format!("{code}: {e}")),
            Ok(loaded) => {
                let (count, text) = lint(&loaded, code, Lang::Nl);
                if count != 0 {
                    failures.push(format!("{code}: {passes} yields {count} {code} finding(s):\n{text}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_rule_is_documented() {
    let mut failures = Vec::new();
    for rule in registry::rules() {
        let docs = &rule.docs;
        for (field, value) in [
            ("what", docs.what),
            ("why", docs.why),
            ("bad", docs.bad),
            ("good", docs.good),
            ("article", rule.article),
            ("name", rule.name),
        ] {
            if value.trim().is_empty() {
                failures.push(format!("{}: `{field}` is empty", rule.code));
            }
        }
        if docs.bad.trim() == docs.good.trim() {
            failures.push(format!("{}: `bad` and `good` are the same", rule.code));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Strips `code` spans: the YAML a help tells the author to write (`period: P2Y`) is ISO by
/// design; the words around it must say the same in words.
fn prose(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

#[test]
fn messages_give_durations_and_dates_in_words() {
    let iso = regex::Regex::new(r"\bP(\d+[YMWD])+\b|\bP(\d+[YMWD])*T\d|\b\d{4}-\d{2}-\d{2}\b").expect("literal regex");
    let mut files: Vec<String> = std::fs::read_dir("organisations")
        .expect("organisations/")
        .filter_map(Result::ok)
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".yaml"))
        .collect();
    for code in codes() {
        for kind in ["fires", "passes"] {
            files.push(format!("tests/fixtures/rules/{code}/{kind}.yaml"));
        }
    }
    files.sort();
    let mut failures = Vec::new();
    for file in files.iter().filter(|f| Path::new(f).is_file()) {
        let Ok(loaded) = load(file) else { continue };
        for lang in [Lang::Nl, Lang::En] {
            let options = LintOptions {
                lang,
                today: Date::parse("2026-01-01").expect("fixed date"),
                only: None,
            };
            for f in check(&loaded, &options) {
                // A message never shows ISO notation; a help only inside `code`.
                let help = f.help.as_deref().map(prose).unwrap_or_default();
                for (what, text) in [("message", f.message.as_str()), ("help", help.as_str())] {
                    if let Some(m) = iso.find(text) {
                        failures.push(format!(
                            "{file} {} {what} ({lang:?}) shows '{}': {text}",
                            f.rule.code,
                            m.as_str()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} message(s) with ISO notation:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
