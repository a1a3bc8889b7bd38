//! The review set: findings a Dutch privacy lawyer expects on each organisation, and findings
//! ruled false, scored against what `verklaar lint` reports.
//!
//! Every `tests/review/*.yaml` names one organisation file (`file:`), a recall baseline, and two
//! lists, `expected` and `false`, of reviewed findings. Each entry has a `code`, an `at`, an
//! optional `text` and a `why` (the legal reason, citing the article).
//!
//! **Matching key.** A finding matches an entry when
//! 1. the codes are equal,
//! 2. the entry's `at` — written like a `lint.allow` path (`purposes.behandeling.retention`,
//!    list items by `id` or by `[index]`, `""` for the whole file) and resolved against the
//!    file's source map — is the finding's pointer; a path to a key the file leaves out (silence
//!    findings such as `dpo`) is compared as written with the finding's path in the same
//!    notation, and
//! 3. when the entry has a `text`, that text occurs (case-insensitively) in the finding's source
//!    span or in its message. `text` tells apart findings of one rule on one value (two vague
//!    words in one sentence).
//!
//! The key holds no line numbers and no message wording, so it survives edits elsewhere in the
//! file and rewording of messages. Each entry matches at most one finding: a rule that reports
//! one defect twice needs a second entry, which the reviewer rules false as a repeat. Entries
//! with a `text` are matched before entries without one.
//!
//! **Scores**, separately for errors+warnings ("serious") and infos: precision = findings matched
//! to `expected` / all findings; recall = `expected` entries matched / `expected` entries. An
//! entry's class is its rule's default severity unless it gives `level: info|serious`.
//!
//! **The test fails** when a finding matches no entry (unreviewed), when a ruled-false entry's
//! `at` names no place in the file (a stale entry), when precision is below 0.95 (serious) or 0.90 (infos) for a file, or when recall is
//! below the file's `baseline`. `cargo test --test review -- --ignored --nocapture` prints the
//! figures; `REVIEW_DUMP=1` also prints every unmatched finding as an entry to paste.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use verklaar::diagnostics::SeverityLevel;
use verklaar::i18n::Lang;
use verklaar::lint::{self, Finding, LintOptions};
use verklaar::model::load::{Loaded, load_file};
use verklaar::model::time::Date;
use verklaar::source::Pointer;

const MIN_PRECISION_SERIOUS: f64 = 0.95;
const MIN_PRECISION_INFO: f64 = 0.90;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewFile {
    /// The organisation file, relative to the crate root.
    file: String,
    baseline: Baseline,
    #[serde(default)]
    expected: Vec<Entry>,
    #[serde(default, rename = "false")]
    ruled_false: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Baseline {
    recall_serious: f64,
    recall_info: f64,
    /// While a file is below the target precision: the precision it has today, as a floor
    /// that may only rise (a ratchet). Absent when the file meets the target.
    #[serde(default)]
    precision_serious: Option<f64>,
    #[serde(default)]
    precision_info: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    code: String,
    at: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    level: Option<String>,
    why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Serious,
    Info,
}

fn class_of(severity: SeverityLevel) -> Class {
    if severity >= SeverityLevel::Warning {
        Class::Serious
    } else {
        Class::Info
    }
}

fn entry_class(entry: &Entry) -> Class {
    match entry.level.as_deref() {
        Some("info") => Class::Info,
        Some(_) => Class::Serious,
        None => lint::registry::find(&entry.code).map_or(Class::Serious, |m| class_of(m.severity)),
    }
}

fn options() -> LintOptions {
    let mut options = LintOptions::new(Lang::Nl);
    // Fixed so that suppression expiry cannot change the result over time.
    options.today = Date::parse("2026-01-01").expect("a valid date literal");
    options
}

fn review_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir("tests/review")
        .expect("tests/review/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn resolve(loaded: &Loaded, at: &str) -> Option<Pointer> {
    if at.is_empty() {
        return Some(Pointer::root());
    }
    loaded.map.resolve(at)
}

/// The pointer written as a review path: list items by `id` where they have one.
fn review_path(loaded: &Loaded, at: &Pointer) -> String {
    let mut pointer = Pointer::root();
    let mut out = String::new();
    for seg in at.as_str().split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        if let Ok(i) = seg.parse::<usize>() {
            let item = pointer.index(i);
            let id_at = item.key("id");
            let id = loaded
                .map
                .strings()
                .iter()
                .find(|(p, _)| *p == id_at)
                .map(|(_, v)| v.clone());
            match id {
                Some(id)
                    if loaded
                        .map
                        .resolve(format!("{out}.{id}").trim_start_matches('.'))
                        .as_ref()
                        == Some(&item) =>
                {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&id);
                }
                _ => out.push_str(&format!("[{i}]")),
            }
            pointer = item;
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg);
            pointer = pointer.key(&seg);
        }
    }
    out
}

fn span_text<'a>(loaded: &'a Loaded, f: &Finding) -> &'a str {
    loaded.file.text.get(f.span.clone()).unwrap_or("")
}

fn text_matches(loaded: &Loaded, f: &Finding, text: &str) -> bool {
    let needle = text.to_lowercase();
    span_text(loaded, f).to_lowercase().contains(&needle) || f.message.to_lowercase().contains(&needle)
}

#[derive(Default, Clone, Copy)]
struct Counts {
    true_pos: usize,
    false_pos: usize,
    expected: usize,
    found_expected: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        let all = self.true_pos + self.false_pos;
        if all == 0 {
            1.0
        } else {
            self.true_pos as f64 / all as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.found_expected as f64 / self.expected as f64
        }
    }
}

struct Outcome {
    counts: BTreeMap<Class, Counts>,
    problems: Vec<String>,
    unreviewed: Vec<String>,
    /// Expected entries no finding matched, for the failure message.
    missed: Vec<String>,
}

fn score(review: &ReviewFile, loaded: &Loaded, findings: &[Finding]) -> Outcome {
    let mut problems = Vec::new();
    // (entry, is_expected, resolved pointer)
    let mut entries: Vec<(&Entry, bool, Pointer)> = Vec::new();
    for (list, expected) in [(&review.expected, true), (&review.ruled_false, false)] {
        for entry in list {
            // A path to a key the file leaves out (a silence finding at `dpo`) does not resolve;
            // it is then compared as written with the finding's review path.
            let pointer = resolve(loaded, &entry.at).or_else(|| {
                findings
                    .iter()
                    .find(|f| review_path(loaded, &f.at) == entry.at)
                    .map(|f| f.at.clone())
            });
            match pointer {
                Some(p) => entries.push((entry, expected, p)),
                None if expected => entries.push((entry, expected, Pointer::parse(&entry.at))),
                None => problems.push(format!(
                    "{} at `{}` (ruled false) matches no path in {}: remove the entry",
                    entry.code, entry.at, review.file
                )),
            }
            if entry.why.trim().is_empty() {
                problems.push(format!("{} at `{}` has no justification", entry.code, entry.at));
            }
        }
    }
    // Specific entries (with `text`) first, so a general entry cannot take their finding.
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| entries[i].0.text.is_none());
    let mut taken = vec![false; findings.len()];
    let mut entry_hit = vec![false; entries.len()];
    let mut counts: BTreeMap<Class, Counts> = BTreeMap::new();
    for &i in &order {
        let (entry, _, pointer) = &entries[i];
        let hit = findings.iter().enumerate().position(|(j, f)| {
            !taken[j]
                && f.rule.code == entry.code
                && f.at == *pointer
                && entry.text.as_deref().is_none_or(|t| text_matches(loaded, f, t))
        });
        if let Some(j) = hit {
            taken[j] = true;
            entry_hit[i] = true;
            let c = counts.entry(class_of(findings[j].severity)).or_default();
            if entries[i].1 {
                c.true_pos += 1;
            } else {
                c.false_pos += 1;
                if std::env::var_os("REVIEW_FALSE").is_some() {
                    eprintln!(
                        "false: {} {:?} {} at `{}`",
                        review.file, findings[j].severity, entry.code, entry.at
                    );
                }
            }
        }
    }
    // One defect, one finding: a grouped finding lists the other places of the same defect as
    // related places. An expected entry for such a place is found (recall), without counting
    // the finding twice (precision).
    for (i, (entry, expected, pointer)) in entries.iter().enumerate() {
        if *expected && !entry_hit[i] {
            entry_hit[i] = findings.iter().any(|f| {
                f.rule.code == entry.code
                    && f.related.iter().any(|r| r.at == *pointer)
                    && entry.text.as_deref().is_none_or(|t| {
                        let t = t.to_lowercase();
                        f.related.iter().any(|r| {
                            r.at == *pointer
                                && loaded
                                    .file
                                    .text
                                    .get(r.span.clone())
                                    .is_some_and(|x| x.to_lowercase().contains(&t))
                        })
                    })
            });
        }
    }
    let mut missed = Vec::new();
    for (i, (entry, expected, _)) in entries.iter().enumerate() {
        if *expected {
            let c = counts.entry(entry_class(entry)).or_default();
            c.expected += 1;
            if entry_hit[i] {
                c.found_expected += 1;
            } else {
                missed.push(format!(
                    "  missed: {} at `{}` ({})",
                    entry.code,
                    entry.at,
                    entry.why.trim()
                ));
            }
        }
    }
    let mut unreviewed = Vec::new();
    for (j, f) in findings.iter().enumerate() {
        if !taken[j] {
            let text: String = span_text(loaded, f).chars().take(60).collect();
            unreviewed.push(format!(
                "  - code: {}\n    at: \"{}\"\n    text: {:?}\n    why: \"\"  # {:?} {}",
                f.rule.code,
                review_path(loaded, &f.at),
                text,
                f.severity,
                f.message.replace('\n', " ")
            ));
        }
    }
    Outcome {
        counts,
        problems,
        unreviewed,
        missed,
    }
}

#[test]

fn review_set_precision_and_recall() {
    let files = review_files();
    let mut failures = Vec::new();
    if files.len() < 8 {
        failures.push(format!(
            "expected five real organisations and three own statements: {files:?}"
        ));
    }
    let mut total: BTreeMap<Class, Counts> = BTreeMap::new();
    println!(
        "{:<44} {:>8} {:>8} {:>8} {:>8}",
        "review file", "P(e+w)", "R(e+w)", "P(info)", "R(info)"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).expect("review file is readable");
        let review: ReviewFile = serde_saphyr::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not a valid review file: {e}", path.display()));
        let loaded = load_file(Path::new(&review.file))
            .unwrap_or_else(|f| panic!("{} does not load: {:?}", review.file, f.diagnostics));
        let findings: Vec<Finding> = lint::check(&loaded, &options())
            .into_iter()
            .filter(|f| f.suppressed.is_none())
            .collect();
        let outcome = score(&review, &loaded, &findings);
        let get = |c: Class| outcome.counts.get(&c).copied().unwrap_or_default();
        let (serious, info) = (get(Class::Serious), get(Class::Info));
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        println!(
            "{:<44} {:>8.3} {:>8.3} {:>8.3} {:>8.3}   (e+w: {} true, {} false, {}/{} expected; info: {} true, {} false, {}/{} expected; {} unreviewed)",
            name,
            serious.precision(),
            serious.recall(),
            info.precision(),
            info.recall(),
            serious.true_pos,
            serious.false_pos,
            serious.found_expected,
            serious.expected,
            info.true_pos,
            info.false_pos,
            info.found_expected,
            info.expected,
            outcome.unreviewed.len()
        );
        for (class, c) in &outcome.counts {
            let t = total.entry(*class).or_default();
            t.true_pos += c.true_pos;
            t.false_pos += c.false_pos;
            t.expected += c.expected;
            t.found_expected += c.found_expected;
        }
        failures.extend(outcome.problems.iter().map(|p| format!("{name}: {p}")));
        if !outcome.unreviewed.is_empty() {
            failures.push(format!(
                "{name}: {} finding(s) not in the review file:\n{}",
                outcome.unreviewed.len(),
                outcome.unreviewed.join("\n")
            ));
        }
        let floor = review.baseline.precision_serious.unwrap_or(MIN_PRECISION_SERIOUS);
        if serious.precision() + 1e-9 < floor {
            failures.push(format!(
                "{name}: precision (errors+warnings) {:.3} < {floor}",
                serious.precision()
            ));
        }
        let floor = review.baseline.precision_info.unwrap_or(MIN_PRECISION_INFO);
        if info.precision() + 1e-9 < floor {
            failures.push(format!("{name}: precision (infos) {:.3} < {floor}", info.precision()));
        }
        if serious.recall() + 1e-9 < review.baseline.recall_serious {
            failures.push(format!(
                "{name}: recall (errors+warnings) {:.3} < baseline {}\n{}",
                serious.recall(),
                review.baseline.recall_serious,
                outcome.missed.join("\n")
            ));
        }
        if info.recall() + 1e-9 < review.baseline.recall_info {
            failures.push(format!(
                "{name}: recall (infos) {:.3} < baseline {}",
                info.recall(),
                review.baseline.recall_info
            ));
        }
        if std::env::var_os("REVIEW_DUMP").is_some() {
            println!("{}", outcome.unreviewed.join("\n"));
        }
    }
    let get = |c: Class| total.get(&c).copied().unwrap_or_default();
    let (serious, info) = (get(Class::Serious), get(Class::Info));
    println!(
        "{:<44} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
        "all",
        serious.precision(),
        serious.recall(),
        info.precision(),
        info.recall()
    );
    assert!(failures.is_empty(), "review set:\n{}", failures.join("\n"));
}

/// The scorer itself, on a file whose one certain finding (VK102: a purpose without a legal
/// basis) is reviewed and everything else is not: it must count the match, list the rest as
/// unreviewed, and reject a ruled-false entry that names no place in the file. Runs while the
/// review set itself is ignored, so the machinery cannot rot unseen.
#[test]
fn scorer_matches_by_code_and_path_and_reports_the_rest() {
    let yaml = "schema_version: 1\norganisation:\n  name: Proef\nstatement:\n  address_form: u\npurposes:\n  - id: nieuwsbrief\n    description: Nieuwsbrieven versturen.\n";
    let loaded = verklaar::model::load::load_bytes("proef.yaml", yaml.as_bytes())
        .unwrap_or_else(|f| panic!("the test file loads: {:?}", f.diagnostics));
    let findings = lint::check(&loaded, &options());
    let review: ReviewFile = serde_saphyr::from_str(
        "file: proef.yaml\nbaseline: { recall_serious: 1.0, recall_info: 1.0 }\nexpected:\n  - { code: VK102, at: purposes.nieuwsbrief.legal_basis, why: art. 13 lid 1 sub c }\n  - { code: VK102, at: purposes.nieuwsbrief.legal_basis, why: a second copy finds nothing }\nfalse:\n  - { code: VK999, at: nergens.hier, why: stale }\n",
    )
    .expect("a valid review file");
    let outcome = score(&review, &loaded, &findings);
    let serious = outcome.counts.get(&Class::Serious).copied().unwrap_or_default();
    assert_eq!(serious.true_pos, 1, "the VK102 finding matches one entry");
    assert_eq!(
        (serious.found_expected, serious.expected),
        (1, 2),
        "one finding serves one entry"
    );
    assert!(serious.recall() < 1.0);
    assert!(
        outcome.unreviewed.iter().all(|u| !u.contains("code: VK102")),
        "VK102 is reviewed: {:?}",
        outcome.unreviewed
    );
    assert_eq!(
        outcome.unreviewed.len(),
        findings.len() - 1,
        "every other finding is unreviewed"
    );
    assert!(
        outcome.problems.iter().any(|p| p.contains("VK999")),
        "a stale ruled-false entry is a problem: {:?}",
        outcome.problems
    );
}
