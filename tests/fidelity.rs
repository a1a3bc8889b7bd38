//! The statement says exactly what the file says.
//!
//! - **Nothing dropped**: every leaf value of every organisation in `organisations/`, of the
//!   `je` reference and of the maximal family in `tests/fixtures/maximal/` is shown in the HTML
//!   text and in the PDF text — its text, or its rendering (a duration or date in words, a
//!   country name) — or its path is covered by a block's model paths (enums and flags, which
//!   become sentences), or it is listed in `verklaar::document::coverage::NOT_SHOWN` with a
//!   reason. Which values are free text, durations, dates, country codes, enums or flags is
//!   read from the JSON Schema, not from a hand-kept list.
//! - **Nothing invented**: a table of files that are silent on one point, each with the
//!   assertive sentences that must not appear and the silence note that must.
//! - **One form of address**: a `u` statement holds no `je` word and the other way round.
//!
//! PDF text comes from poppler's `pdftotext`; the test fails when it is missing (`.ci/run`
//! installs poppler-utils before the tests).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use verklaar::diagnostics::SeverityLevel;
use verklaar::document::catalogue::{Catalogue, JE_WORDS, U_WORDS, words};
use verklaar::document::coverage::{NOT_SHOWN, REFERENCES, matches_exactly, matches_prefix};
use verklaar::document::markdown::to_blocks;
use verklaar::document::{Block, BlockKind, Inline, Section, Statement};
use verklaar::i18n::Lang;
use verklaar::lint::{self, LintOptions};
use verklaar::model::load::{Loaded, load_bytes, load_file};
use verklaar::model::time::{Date, Duration};
use verklaar::model::vocab::AddressForm;
use verklaar::render::RenderContext;
use verklaar::render::html::HtmlRenderer;
use verklaar::render::pdf::PdfRenderer;

fn files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["organisations", "tests/fixtures/statements", "tests/fixtures/maximal"] {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        out.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "yaml")),
        );
    }
    out.sort();
    assert!(
        out.len() >= 16,
        "the six organisations, the je reference and the nine maximal files"
    );
    out
}

fn load(path: &Path) -> Loaded {
    load_file(path).unwrap_or_else(|f| panic!("{} does not load: {:?}", path.display(), f.diagnostics))
}

fn statement(loaded: &Loaded) -> Statement {
    let mut options = LintOptions::new(Lang::Nl);
    options.today = Date::parse("2026-01-01").expect("date");
    let findings = lint::check(loaded, &options);
    verklaar::document::build(loaded, &findings)
}

/// Letters and digits only, lower case: text compared across line breaks, hyphenation,
/// markup and entities.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The visible text of an HTML fragment.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of a PDF without its running header and footer (which pdftotext puts in the
/// middle of a paragraph that crosses a page).
fn pdf_text(pdf: &[u8], s: &Statement) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).expect("write");
    // `-raw` keeps the content stream's order: a table cell's lines stay together instead of
    // being interleaved with the cell beside it.
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8", "-nopgbrk"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is missing: install poppler-utils (apt-get install poppler-utils)");
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let header = format!("{} {}", s.organisation, s.draft_label);
    text.lines()
        .filter(|l| {
            let l = l.trim();
            let footer = l.starts_with("Pagina ") && l.split_whitespace().count() == 4 && l.contains(" van ");
            !(footer || l == s.organisation || l == s.draft_label || l == header)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every model path the blocks of a statement record (silence notes, `!…`, excluded).
fn block_paths(s: &Statement) -> Vec<String> {
    fn walk(section: &Section, out: &mut Vec<String>) {
        for b in &section.blocks {
            out.extend(b.paths.iter().filter(|p| !p.starts_with('!')).cloned());
        }
        section.subsections.iter().for_each(|s| walk(s, out));
    }
    let mut out = Vec::new();
    walk(&s.summary, &mut out);
    s.sections.iter().for_each(|x| walk(x, &mut out));
    out
}

/// The schema node of a JSON pointer (the schema is inlined: properties and items).
fn schema_at<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
    let mut node = schema;
    for segment in path.split('/').skip(1) {
        node = if segment.parse::<usize>().is_ok() {
            // A value that may be one item or a list (`anyOf`: item | array of items).
            match node.get("items") {
                Some(items) => items,
                None => node
                    .get("anyOf")?
                    .as_array()?
                    .iter()
                    .find_map(|branch| branch.get("items"))?,
            }
        } else if let Some(p) = node.get("properties").and_then(|p| p.get(segment)) {
            p
        } else {
            node.get("additionalProperties").filter(|v| v.is_object())?
        };
    }
    Some(node)
}

#[derive(Debug)]
enum Leaf {
    Text(String),
    Duration(Duration),
    Date(Date),
    Country(String),
    /// An enum value or a flag: shown as a sentence, proved by block paths.
    Structured,
    /// The schema's default: nothing to show.
    Default,
}

fn classify(schema: &Value, path: &str, value: &Value) -> Leaf {
    let node = schema_at(schema, path).unwrap_or_else(|| panic!("{path} is not in the schema"));
    if node.get("default") == Some(value) {
        return Leaf::Default;
    }
    let description = node.get("description").and_then(Value::as_str).unwrap_or("");
    let parent_description = path
        .rsplit_once('/')
        .and_then(|(parent, _)| schema_at(schema, parent))
        .and_then(|n| n.get("description"))
        .and_then(Value::as_str)
        .unwrap_or("");
    match value {
        Value::Bool(_) | Value::Number(_) => Leaf::Structured,
        Value::String(_) if node.get("enum").is_some() => Leaf::Structured,
        Value::String(s) => match node.get("format").and_then(Value::as_str) {
            Some("duration") => Leaf::Duration(Duration::parse(s).unwrap_or_else(|| panic!("{path}: {s}"))),
            Some("date") => Leaf::Date(Date::parse(s).unwrap_or_else(|| panic!("{path}: {s}"))),
            _ if description.contains("ISO 3166") || parent_description.contains("ISO 3166") => {
                Leaf::Country(s.clone())
            }
            _ => Leaf::Text(s.clone()),
        },
        _ => Leaf::Structured,
    }
}

fn leaves(value: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                leaves(v, format!("{path}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{path}/{i}"), out);
            }
        }
        Value::Null => {}
        other => out.push((path, other.clone())),
    }
}

/// The plain text pieces a free-text value shows as: each paragraph and list item (markdown
/// reduced to its words), since a renderer may number list items.
fn shown_pieces(value: &str) -> Vec<String> {
    to_blocks(value)
        .iter()
        .flat_map(|b| match &b.kind {
            BlockKind::Paragraph { content } | BlockKind::Notice { content, .. } => vec![Inline::plain(content)],
            BlockKind::List { items, .. } => items.iter().map(|i| Inline::plain(i)).collect(),
            BlockKind::Definitions { items } => items.iter().map(|d| Inline::plain(&d.description)).collect(),
            BlockKind::Table(t) => t.rows.iter().flatten().map(|c| Inline::plain(c)).collect(),
        })
        .collect()
}

#[test]
fn every_value_of_every_file_is_shown() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("schemas/verklaar.schema.json").expect("schema")).expect("json");
    let html = HtmlRenderer::load(None).expect("theme");
    let pdf = PdfRenderer::builtin().expect("template");
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in files() {
        let loaded = load(&path);
        let s = statement(&loaded);
        let ctx = RenderContext::new(&s, Default::default());
        let (_, fragment) = html.render_statement(&ctx).expect("html");
        let html_text = squash(&html_text(&fragment));
        let pdf_text = squash(&pdf_text(&pdf.pdf(&ctx).expect("pdf").bytes, &s));
        let covered = block_paths(&s);
        let c = Catalogue::new(loaded.org.statement.address_form);
        let mut all = Vec::new();
        leaves(
            &serde_json::to_value(&loaded.org).expect("model"),
            String::new(),
            &mut all,
        );
        for (leaf, value) in all {
            if NOT_SHOWN.iter().any(|(p, _)| matches_prefix(p, &leaf)) {
                continue;
            }
            checked += 1;
            // A value shown as text is proved by the text; an enum value, a flag or a reference
            // becomes a sentence or a name, proved by the paths of the block that shows it.
            let by_path = covered.iter().any(|p| matches_prefix(p, &leaf));
            let expected = match classify(&schema, &leaf, &value) {
                Leaf::Default => continue,
                Leaf::Structured => None,
                Leaf::Text(_) if REFERENCES.iter().any(|p| matches_exactly(p, &leaf)) => None,
                Leaf::Text(t) => Some(shown_pieces(&t)),
                Leaf::Duration(d) => Some(vec![c.duration(&d)]),
                Leaf::Date(d) => Some(vec![c.date(d)]),
                Leaf::Country(code) => Some(vec![c.country(&code)]),
            };
            if expected.is_none() && !by_path {
                failures.push(format!(
                    "{}: {leaf} = {value} is not covered by any block's paths",
                    path.display()
                ));
            }
            for text in expected.into_iter().flatten() {
                let needle = squash(&text);
                if needle.is_empty() {
                    continue;
                }
                if !html_text.contains(&needle) {
                    failures.push(format!("{}: {leaf}: {text:?} is not in the HTML", path.display()));
                }
                if !pdf_text.contains(&needle) {
                    failures.push(format!("{}: {leaf}: {text:?} is not in the PDF", path.display()));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} values checked");
    assert!(
        failures.is_empty(),
        "{} values are not shown:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---- Nothing invented ---------------------------------------------------------------------

fn plain_text(s: &Statement) -> String {
    fn inl(out: &mut String, content: &[Inline]) {
        out.push_str(&Inline::plain(content));
        out.push('\n');
    }
    fn block(out: &mut String, b: &Block) {
        match &b.kind {
            BlockKind::Paragraph { content } | BlockKind::Notice { content, .. } => inl(out, content),
            BlockKind::List { items, .. } => items.iter().for_each(|i| inl(out, i)),
            BlockKind::Definitions { items } => items.iter().for_each(|d| {
                out.push_str(&d.term);
                out.push('\n');
                inl(out, &d.description)
            }),
            BlockKind::Table(t) => {
                out.push_str(&t.caption);
                out.push('\n');
                t.headers.iter().for_each(|h| {
                    out.push_str(h);
                    out.push('\n');
                });
                t.rows.iter().flatten().for_each(|c| inl(out, c));
            }
        }
    }
    fn sec(out: &mut String, s: &Section) {
        out.push_str(&s.title);
        out.push('\n');
        s.blocks.iter().for_each(|b| block(out, b));
        s.subsections.iter().for_each(|c| sec(out, c));
    }
    let mut out = String::new();
    sec(&mut out, &s.summary);
    s.sections.iter().for_each(|x| sec(&mut out, x));
    out
}

const BASE: &str = "schema_version: 1
organisation: { name: Testpraktijk, contact: { email: info@test.example } }
statement: { address_form: u }
data_subjects: [{ id: klanten, name: klanten }]
data_categories: [{ id: contact, name: contactgegevens }]
";

const PURPOSE_SELF: &str = "purposes:
  - { id: dienst, description: Onze dienst leveren, data_subjects: [klanten], data_categories: [contact], sources: [self], legal_basis: contract }
";

fn text_of(yaml: &str) -> String {
    let loaded =
        load_bytes("test.yaml", yaml.as_bytes()).unwrap_or_else(|f| panic!("loads: {:?}\n{yaml}", f.diagnostics));
    plain_text(&statement(&loaded))
}

const SILENT: &str = "Hierover staat nog niets in deze verklaring";

/// (what the file says, sentences that must not appear, sentences that must appear).
#[test]
fn a_silent_file_gets_no_assertive_sentence() {
    let rows: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "no automated_decisions, no profiling",
            PURPOSE_SELF,
            &["Wij nemen geen besluiten", "Wij maken geen profiel"],
            &[SILENT],
        ),
        (
            "automated_decisions: false, profiling: false",
            "automated_decisions: false\nprofiling: false\n",
            &[],
            &[
                "Wij nemen geen besluiten over u die alleen een computer neemt.",
                "Wij maken geen profiel van u.",
            ],
        ),
        (
            "no scope.website and no cookies",
            PURPOSE_SELF,
            &["niet over een website"],
            &[],
        ),
        (
            "scope.website: false",
            "scope: { website: false }\n",
            &[],
            &["Deze verklaring gaat niet over een website."],
        ),
        (
            "a processor whose agreement is unknown",
            "recipients: [{ id: ict, name: ICT-leverancier, role: processor }]\n",
            &["verwerkersovereenkomst"],
            &[],
        ),
        (
            "every processor has an agreement",
            "recipients: [{ id: ict, name: ICT-leverancier, role: processor, agreement: true }]\n",
            &[],
            &["Met elke verwerker hebben wij een verwerkersovereenkomst."],
        ),
        (
            "sources only outside the person",
            "sources: [{ id: register, name: het register }]
purposes:
  - { id: dienst, description: Onze dienst, data_subjects: [klanten], data_categories: [contact], sources: [register], legal_basis: contract }
",
            &["van u zelf", "De meeste gegevens"],
            &["Wij krijgen uw gegevens van:"],
        ),
        (
            "a purpose without a basis",
            "purposes:
  - { id: dienst, description: Onze dienst, data_subjects: [klanten], data_categories: [contact], sources: [self] }
  - { id: twee, description: Iets anders, data_subjects: [klanten], data_categories: [contact], sources: [self], legal_basis: contract }
",
            &["geldt het recht van bezwaar niet", "Geldt voor al onze doelen"],
            &["Bij 'Onze dienst' staat nog niet waarom wij de gegevens mogen gebruiken.", SILENT],
        ),
        (
            "every basis known, none of them public task or legitimate interest",
            PURPOSE_SELF,
            &[],
            &["Daarom geldt het recht van bezwaar niet (AVG art. 21)."],
        ),
        (
            "no transfers key",
            PURPOSE_SELF,
            &["niet aan landen buiten"],
            &[],
        ),
        (
            "transfers: [] with a recipient in the US",
            "recipients: [{ id: mail, name: Mailbedrijf, role: processor, country: US }]\ntransfers: []\n",
            &["niet aan landen buiten"],
            &["In de Verenigde Staten."],
        ),
        (
            "no recipients key",
            PURPOSE_SELF,
            &["aan niemand"],
            &[],
        ),
        (
            "recipients: []",
            "recipients: []\n",
            &[],
            &["Wij geven uw gegevens aan niemand."],
        ),
        (
            "no dpo key",
            PURPOSE_SELF,
            &["Wij hebben geen functionaris", "Wij hebben een functionaris"],
            &[],
        ),
        (
            "the organisation's own response time",
            "rights: { response_time: P4W }\n",
            &["binnen een maand reageren"],
            &["Wij reageren binnen 4 weken."],
        ),
        (
            "the organisation's own text about the authority",
            "complaints: { authority: autoriteit_persoonsgegevens, authority_text: 'Klagen kan ook bij de AP, via autoriteitpersoonsgegevens.nl.' }\n",
            &["U mag altijd een klacht indienen bij de Autoriteit Persoonsgegevens."],
            &["Klagen kan ook bij de AP, via autoriteitpersoonsgegevens.nl."],
        ),
        (
            "retention with a period and criteria",
            "purposes:
  - id: brief
    description: De nieuwsbrief
    data_subjects: [klanten]
    data_categories: [contact]
    sources: [self]
    legal_basis: consent
    retention: { period: P1M, start: na uw afmelding, maximum: true, criteria: Zolang u bent aangemeld. }
",
            &[],
            &["Ten hoogste 1 maand na uw afmelding. Zolang u bent aangemeld."],
        ),
    ];
    let mut failures = Vec::new();
    for (what, yaml, forbidden, required) in rows {
        let text = text_of(&format!("{BASE}{yaml}"));
        for f in *forbidden {
            if text.contains(f) {
                failures.push(format!("{what}: says {f:?}"));
            }
        }
        for r in *required {
            if !text.contains(r) {
                failures.push(format!("{what}: does not say {r:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- One form of address ------------------------------------------------------------------

#[test]
fn one_form_of_address_throughout() {
    let cases = [
        ("organisations/voorbeeld-praktijk.yaml", AddressForm::U),
        ("tests/fixtures/statements/voorbeeld-praktijk-je.yaml", AddressForm::Je),
    ];
    for (file, form) in cases {
        let loaded = load(Path::new(file));
        assert_eq!(loaded.org.statement.address_form, form, "{file}");
        let text = plain_text(&statement(&loaded));
        let other = match form {
            AddressForm::U => JE_WORDS,
            AddressForm::Je => U_WORDS,
        };
        let wrong: Vec<String> = words(&text).filter(|w| other.contains(&w.as_str())).collect();
        assert!(wrong.is_empty(), "{file}: words of the other form: {wrong:?}\n{text}");
        let own = match form {
            AddressForm::U => U_WORDS,
            AddressForm::Je => JE_WORDS,
        };
        assert!(
            words(&text).filter(|w| own.contains(&w.as_str())).count() > 50,
            "{file}"
        );
        assert!(!text.to_lowercase().contains("betrokkene"), "{file}: third person");
    }
}

#[test]
fn the_summary_is_short_and_never_cuts_a_phrase() {
    for path in files() {
        let s = statement(&load(&path));
        let summary = plain_text(&Statement {
            sections: Vec::new(),
            ..s.clone()
        });
        let count = summary.split_whitespace().count();
        assert!(count < 170, "{}: 'In het kort' has {count} words", path.display());
        assert!(
            !summary.contains('…'),
            "{}: a cut phrase in 'In het kort'",
            path.display()
        );
    }
}

// ---- B1 ---------------------------------------------------------------------------------------

/// The reference reads at B1 in both forms (`scripts/readability.sh` reports all statements).
#[test]
fn the_reference_reads_at_b1_in_both_forms() {
    use verklaar::document::readability::{measure, running_text};
    for file in [
        "organisations/voorbeeld-praktijk.yaml",
        "tests/fixtures/statements/voorbeeld-praktijk-je.yaml",
    ] {
        let r = measure(&running_text(&statement(&load(Path::new(file)))));
        assert!(
            r.flesch_douma() >= 65.0,
            "{file}: Flesch-Douma {:.1} < 65",
            r.flesch_douma()
        );
        assert!(
            r.words_per_sentence() <= 15.0,
            "{file}: {:.1} words per sentence",
            r.words_per_sentence()
        );
    }
}

// ---- Lint reports every silence -----------------------------------------------------------

/// Which rules report the file's silence behind each silence note of the statement, as an
/// error: a statement with a placeholder in a required section is never ready to publish.
/// Recommended sections (scope, security, version) get no placeholder: they are left out.
const SILENCE_RULES: &[(&str, &[&str])] = &[
    ("/dpo/email", &["VK005"]),
    ("/data_categories", &["VK201"]),
    ("/sources", &["VK113", "VK101"]),
    ("/purposes", &["VK101"]),
    ("/purposes/*/legal_basis", &["VK102", "VK103", "VK101"]),
    ("/purposes/*/provision", &["VK111", "VK101"]),
    ("/purposes/*/retention", &["VK401", "VK101"]),
    ("/recipients", &["VK301"]),
    ("/transfers", &["VK311", "VK312"]),
    ("/automated_decisions", &["VK608"]),
    ("/cookies", &["VK606", "VK610"]),
    ("/cookies/items", &["VK606", "VK610"]),
    ("/rights/channel", &["VK514"]),
];

fn silences(s: &Statement) -> Vec<String> {
    fn walk(section: &Section, out: &mut Vec<String>) {
        for b in &section.blocks {
            out.extend(b.paths.iter().filter_map(|p| p.strip_prefix('!')).map(str::to_string));
        }
        section.subsections.iter().for_each(|s| walk(s, out));
    }
    let mut out = Vec::new();
    walk(&s.summary, &mut out);
    s.sections.iter().for_each(|x| walk(x, &mut out));
    out.sort();
    out.dedup();
    out
}

/// Every "Hierover staat nog niets" in a statement is a finding in `verklaar lint`: the
/// statement and the report never disagree about what the file leaves out.
#[test]
fn lint_reports_every_silence() {
    let example = common::readme_example();
    // The README example without each top-level key in turn, and the real files.
    let mut inputs: Vec<(String, String)> = files()
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).expect("file")))
        .collect();
    for key in [
        "dpo",
        "transfers",
        "recipients",
        "rights",
        "security",
        "automated_decisions",
        "profiling",
        "purposes",
        "data_subjects",
        "data_categories",
        "scope",
        "statement",
        "complaints",
    ] {
        let mut kept = Vec::new();
        let mut skipping = false;
        for line in example.lines() {
            if line.starts_with(&format!("{key}:")) {
                skipping = true;
                continue;
            }
            if skipping && line.starts_with(' ') {
                continue;
            }
            skipping = false;
            kept.push(line);
        }
        inputs.push((format!("README example without {key}"), kept.join("\n")));
    }
    // Answers that say nothing after all: empty blocks and a `true` nothing describes.
    for (from, to) in [
        ("scope: { website: false }", "scope: {}"),
        ("scope: { website: false }", "scope: {}\ncookies: {}"),
        ("scope: { website: false }", "scope: { website: true }\ncookies: {}"),
        ("automated_decisions: false", "automated_decisions: true"),
        ("channel: { email: privacy@delinde.example }", "channel: {}"),
        ("channel: { email: privacy@delinde.example }", "written_only: true"),
        ("dpo:\n  appointed: false", "dpo:\n  appointed: true"),
    ] {
        assert!(example.contains(from), "the README example holds {from:?}");
        inputs.push((format!("README example with {to:?}"), example.replacen(from, to, 1)));
    }
    let mut failures = Vec::new();
    for (name, text) in inputs {
        let Ok(loaded) = load_bytes("x.yaml", text.as_bytes()) else {
            // Without a required key a file may not load; a changed answer must.
            assert!(!name.starts_with("README example with "), "{name} does not load");
            continue;
        };
        let mut options = LintOptions::new(Lang::Nl);
        options.today = Date::parse("2026-01-01").expect("date");
        let findings = lint::check(&loaded, &options);
        let s = verklaar::document::build(&loaded, &findings);
        for silence in silences(&s) {
            let Some((_, rules)) = SILENCE_RULES.iter().find(|(p, _)| *p == silence) else {
                failures.push(format!("{name}: silence at {silence} has no rule in SILENCE_RULES"));
                continue;
            };
            if !findings
                .iter()
                .any(|f| rules.contains(&f.rule.code) && f.severity == SeverityLevel::Error)
            {
                failures.push(format!(
                    "{name}: the statement is silent at {silence}, but lint reports none of {rules:?} as an error"
                ));
            }
            if !s.draft {
                failures.push(format!(
                    "{name}: a placeholder at {silence} in a statement marked ready"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
