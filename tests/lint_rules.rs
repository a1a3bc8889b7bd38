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
        project: Default::default(),
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

/// `passes.yaml` and every `passes-*.yaml` of the rule, sorted.
fn passing_fixtures(code: &str) -> Vec<String> {
    let dir = format!("tests/fixtures/rules/{code}");
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name == "passes.yaml" || (name.starts_with("passes-") && name.ends_with(".yaml")))
                .map(|name| format!("{dir}/{name}"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
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

        // passes.yaml and every passes-<exception>.yaml: each exception the norm itself makes
        // has a fixture that must stay silent.
        for passes in passing_fixtures(code) {
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
