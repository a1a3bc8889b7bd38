//! One defect, one finding: copies of a defect become related places of one finding, each
//! place at its own occurrence, and suppressions apply per place.

use std::path::Path;

use verklaar::i18n::Lang;
use verklaar::lint::engine::{Finding, LintOptions, check};
use verklaar::model::load::{Loaded, load_file};
use verklaar::model::time::Date;

const COPIES: &str = "tests/fixtures/grouping/copies.yaml";
const SUPPRESSED: &str = "tests/fixtures/grouping/suppressed.yaml";

fn load(path: &str) -> Loaded {
    load_file(Path::new(path)).unwrap_or_else(|_| panic!("{path} loads"))
}

fn findings(loaded: &Loaded, code: &'static str) -> Vec<Finding> {
    let options = LintOptions {
        lang: Lang::Nl,
        today: Date::parse("2026-01-01").expect("fixed date"),
        only: Some(code),
        project: Default::default(),
    };
    check(loaded, &options)
        .into_iter()
        .filter(|f| f.rule.code == code)
        .collect()
}

/// 1-based line and column of the `nth` (0-based) occurrence of `needle` in the file.
fn nth_position(loaded: &Loaded, needle: &str, nth: usize) -> (usize, usize) {
    let (offset, _) = loaded
        .file
        .text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} occurs {} times", nth + 1));
    loaded.file.line_col(offset)
}

fn position(loaded: &Loaded, span: &std::ops::Range<usize>) -> (usize, usize) {
    loaded.file.line_col(span.start)
}

#[test]
fn a_source_copied_onto_three_purposes_is_one_finding() {
    let loaded = load(COPIES);
    let found = findings(&loaded, "VK201");
    assert_eq!(
        found.len(),
        2,
        "one for the three purposes with `huisarts`, one for `school`"
    );
    let copies = &found[0];
    assert_eq!(copies.at.as_str(), "/purposes/0/sources");
    let related: Vec<(&str, &str)> = copies
        .related
        .iter()
        .map(|r| (r.at.as_str(), r.label.as_str()))
        .collect();
    assert_eq!(
        related,
        vec![
            ("/purposes/1/sources", "Overleg met uw huisarts voeren"),
            ("/purposes/2/sources", "Uw huisarts op de hoogte houden"),
        ]
    );
    assert_eq!(found[1].at.as_str(), "/purposes/3/sources");
    assert!(found[1].related.is_empty());
}

#[test]
fn every_occurrence_of_a_term_has_its_own_position() {
    let loaded = load(COPIES);
    let found = findings(&loaded, "VK810");
    assert_eq!(found.len(), 1, "four times 'alsmede' is one finding");
    let f = &found[0];
    let mut places = vec![position(&loaded, &f.span)];
    places.extend(f.related.iter().map(|r| position(&loaded, &r.span)));
    let expected: Vec<(usize, usize)> = (0..4).map(|n| nth_position(&loaded, "alsmede", n)).collect();
    assert_eq!(places, expected);
    // Twice on one line, then twice in a folded scalar over two lines: all distinct.
    assert_eq!(expected[0].0, expected[1].0);
    assert_ne!(expected[0].1, expected[1].1);
    assert_ne!(expected[2].0, expected[3].0);
    for r in &f.related {
        assert_eq!(loaded.file.text.get(r.span.clone()), Some("alsmede"));
    }
}

#[test]
fn a_suppression_covers_only_the_places_in_its_scope() {
    let loaded = load(SUPPRESSED);
    let found = findings(&loaded, "VK201");
    let summary: Vec<(&str, bool, Vec<&str>)> = found
        .iter()
        .map(|f| {
            (
                f.at.as_str(),
                f.suppressed.is_some(),
                f.related.iter().map(|r| r.at.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            // The copies outside the allowed purpose stay one reported finding.
            ("/purposes/0/sources", false, vec!["/purposes/2/sources"]),
            ("/purposes/1/sources", true, vec![]),
            ("/purposes/3/sources", true, vec![]),
        ]
    );
    // Both entries are in use: no VK902 about an unused suppression.
    let options = LintOptions {
        lang: Lang::Nl,
        today: Date::parse("2026-01-01").expect("fixed date"),
        only: None,
        project: Default::default(),
    };
    assert!(check(&loaded, &options).iter().all(|f| f.rule.code != "VK902"));
}

fn verklaar(args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("verklaar")
        .expect("the verklaar binary is built")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .args(args)
        .output()
        .expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn vk201_of(report: &serde_json::Value, path: &str) -> serde_json::Value {
    let list = report
        .pointer(path)
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default();
    list.into_iter()
        .find(|d| d["code"] == "VK201" || d["ruleId"] == "VK201")
        .expect("a VK201 finding")
}

#[test]
fn json_lists_the_related_places() {
    let report: serde_json::Value =
        serde_json::from_str(&verklaar(&["lint", COPIES, "--format", "json"])).expect("JSON");
    let f = vk201_of(&report, "/diagnostics");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(32), Some(14)));
    let related = f["related"].as_array().expect("related[]");
    let got: Vec<(u64, u64, u64, u64, &str, &str)> = related
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap_or(0),
                r["column"].as_u64().unwrap_or(0),
                r["end_line"].as_u64().unwrap_or(0),
                r["end_column"].as_u64().unwrap_or(0),
                r["file"].as_str().unwrap_or(""),
                r["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (38, 14, 38, 15, COPIES, "Overleg met uw huisarts voeren"),
            (44, 14, 44, 15, COPIES, "Uw huisarts op de hoogte houden"),
        ]
    );
    // A finding without copies has an empty list, not a missing field.
    let all = report["diagnostics"].as_array().expect("diagnostics");
    assert!(all.iter().all(|d| d["related"].is_array()));
}

#[test]
fn sarif_has_related_locations_with_ids_and_messages() {
    let report: serde_json::Value =
        serde_json::from_str(&verklaar(&["lint", COPIES, "--format", "sarif"])).expect("SARIF");
    let f = vk201_of(&report, "/runs/0/results");
    let related = f["relatedLocations"].as_array().expect("relatedLocations");
    assert_eq!(related.len(), 2);
    assert_eq!(related[0]["id"], 1);
    assert_eq!(related[1]["id"], 2);
    assert_eq!(related[0]["message"]["text"], "Overleg met uw huisarts voeren");
    assert_eq!(related[1]["physicalLocation"]["region"]["startLine"], 44);
    assert_eq!(related[1]["physicalLocation"]["artifactLocation"]["uri"], COPIES);
}

#[test]
fn github_gives_one_annotation_naming_the_other_lines() {
    let text = verklaar(&["lint", COPIES, "--format", "github"]);
    let vk201: Vec<&str> = text.lines().filter(|l| l.contains("title=VK201")).collect();
    assert_eq!(vk201.len(), 2, "{text}");
    assert!(vk201[0].contains("line=32,"), "{}", vk201[0]);
    assert!(vk201[0].ends_with("%0AOok op regels 38 en 44."), "{}", vk201[0]);
    assert!(!vk201[1].contains("Ook op regel"), "{}", vk201[1]);
}

#[test]
fn human_output_labels_near_places_and_lists_far_ones() {
    let out = assert_cmd::Command::cargo_bin("verklaar")
        .expect("the verklaar binary is built")
        .env("NO_COLOR", "1")
        .args(["lint", COPIES, "--color", "never"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stderr);
    let vk810 = text.split("info[VK810]").nth(1).expect("a VK810 finding");
    let vk810 = vk810.split("[VK").next().unwrap_or("");
    // The second occurrence on the same line is labelled in the snippet ...
    assert!(vk810.contains("╰── ook hier"), "{vk810}");
    // ... the two in the folded scalar further down are listed by line.
    assert!(vk810.contains("ook op regels 56, 58"), "{vk810}");
}
