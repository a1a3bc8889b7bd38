//! The HTML renderer, the default theme and `verklaar build`: snapshots of what a reader
//! gets, the structure every statement must have, escaping of hostile text, determinism,
//! atomic writes, `--strict` and theme overrides.
//!
//! Snapshots use a fixed lint date, so they change only when the statement or the theme does.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use assert_cmd::Command;
use predicates::prelude::*;
use regex::Regex;
use serde_json::Value;
use verklaar::diagnostics::SeverityLevel;
use verklaar::document::{Block, BlockKind, Definition, Inline, NoticeKind, Section, Statement, Table};
use verklaar::i18n::Lang;
use verklaar::lint::{self, LintOptions};
use verklaar::model::load::{Loaded, load_bytes, load_file};
use verklaar::model::time::Date;
use verklaar::model::vocab::AddressForm;
use verklaar::render::html::HtmlRenderer;
use verklaar::render::{IndexEntry, LintStatus, RenderContext, SiteContext};

const REFERENCE: &str = "organisations/voorbeeld-praktijk.yaml";

static LOCAL_HREF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r##"href="#([^"]*)""##).expect("regex"));
static HREF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"href="([^"]*)""#).expect("regex"));
static CLASS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"class="([^"]*)""#).expect("regex"));
static HANDLER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\son[a-z]+\s*=").expect("regex"));
/// Lint counts: the draft banner and the index's count cells.
static COUNTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?s)<div class="vk-draft".*?</div>|<td[^>]*>\d+</td>"#).expect("regex"));

fn re(lazy: &LazyLock<Regex>) -> &Regex {
    lazy
}

/// `SOURCE_DATE_EPOCH` for the CLI runs: 2026-01-01.
const EPOCH_2026: &str = "1767225600";

fn options() -> LintOptions {
    let mut options = LintOptions::new(Lang::Nl);
    options.today = Date::parse("2026-01-01").expect("date");
    options
}

fn load(path: &str) -> Loaded {
    load_file(Path::new(path)).unwrap_or_else(|f| panic!("{path} does not load: {:?}", f.diagnostics))
}

fn statement_of(loaded: &Loaded) -> (Statement, LintStatus) {
    let findings = lint::check(loaded, &options());
    let count = |level| {
        findings
            .iter()
            .filter(|f| f.severity == level && f.suppressed.is_none())
            .count()
    };
    let status = LintStatus {
        errors: count(SeverityLevel::Error),
        warnings: count(SeverityLevel::Warning),
    };
    (verklaar::document::build(loaded, &findings), status)
}

fn renderer() -> HtmlRenderer {
    HtmlRenderer::load(None).expect("the built-in theme loads")
}

/// Page and fragment of a loaded organisation with the built-in theme.
fn render(loaded: &Loaded) -> (String, String) {
    let (statement, status) = statement_of(loaded);
    renderer()
        .render_statement(&RenderContext::new(&statement, status))
        .expect("renders")
}

fn organisation_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir("organisations")
        .expect("organisations/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            format!(
                "organisations/{}",
                p.file_name().and_then(|n| n.to_str()).unwrap_or_default()
            )
        })
        .collect();
    files.sort();
    files
}

// ---- Snapshots ----------------------------------------------------------------------------

#[test]
fn voorbeeld_praktijk_u() {
    let loaded = load(REFERENCE);
    assert_eq!(loaded.org.statement.address_form, AddressForm::U);
    let (page, fragment) = render(&loaded);
    insta::assert_snapshot!("voorbeeld_praktijk_u_page", page);
    insta::assert_snapshot!("voorbeeld_praktijk_u_fragment", fragment);
}

#[test]
fn voorbeeld_praktijk_je() {
    // The je reference is written in je throughout (tests/fidelity.rs checks that no u word
    // reaches its statement); flipping `address_form` on u text would mix the forms.
    let loaded = load("tests/fixtures/statements/voorbeeld-praktijk-je.yaml");
    assert_eq!(loaded.org.statement.address_form, AddressForm::Je);
    let (page, fragment) = render(&loaded);
    insta::assert_snapshot!("voorbeeld_praktijk_je_page", page);
    insta::assert_snapshot!("voorbeeld_praktijk_je_fragment", fragment);
}

#[test]
fn site_index() {
    let statement = statement_of(&load(REFERENCE)).0;
    let mut draft = statement.clone();
    draft.slug = "concept & co".into();
    draft.organisation = "Concept & Co <B.V.>".into();
    draft.draft = true;
    let mut skipped = statement.clone();
    skipped.slug = "zonder-versie".into();
    skipped.organisation = "Zonder Versie".into();
    skipped.version_line = None;
    let entries = vec![
        IndexEntry::new(&draft, LintStatus { errors: 3, warnings: 1 }, false),
        IndexEntry::new(&statement, LintStatus::default(), false),
        IndexEntry::new(&skipped, LintStatus { errors: 2, warnings: 0 }, true),
    ];
    let html = renderer().index(&SiteContext::new(&entries)).expect("index renders");
    insta::assert_snapshot!("site_index", html);
}

// ---- Structure of every statement ---------------------------------------------------------

fn escape(text: &str) -> String {
    verklaar::render::html::escape::escape_html(text)
}

/// Summary first, then every section and its subsections depth-first, with heading levels.
fn expected_headings(statement: &Statement) -> Vec<(usize, String)> {
    fn walk(section: &Section, level: usize, out: &mut Vec<(usize, String)>) {
        out.push((level.min(6), escape(&section.title)));
        for sub in &section.subsections {
            walk(sub, level + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&statement.summary, 2, &mut out);
    out.push((2, "Inhoud".to_string()));
    for section in &statement.sections {
        walk(section, 2, &mut out);
    }
    out
}

fn headings(html: &str) -> Vec<(usize, String)> {
    let re = Regex::new(r"(?s)<h([1-6])[^>]*>(.*?)</h[1-6]>").expect("regex");
    re.captures_iter(html)
        .map(|c| (c[1].parse().unwrap_or(0), c[2].to_string()))
        .collect()
}

fn ids(html: &str) -> Vec<String> {
    let re = Regex::new(r#"\sid="([^"]*)""#).expect("regex");
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

#[test]
fn every_section_title_appears_in_order_for_every_organisation() {
    let files = organisation_files();
    assert!(files.len() >= 6, "{files:?}");
    for file in files {
        let loaded = load(&file);
        let (statement, _) = statement_of(&loaded);
        let (page, fragment) = render(&loaded);
        for (kind, html) in [("page", &page), ("fragment", &fragment)] {
            let found = headings(html);
            let (h1, rest) = found.split_first().expect("headings");
            assert_eq!(
                h1,
                &(1, escape(&statement.title)),
                "{file} {kind}: one h1, the title, first"
            );
            assert_eq!(rest, expected_headings(&statement).as_slice(), "{file} {kind}");
            // Nested: a heading is never more than one level deeper than the one before.
            for pair in found.windows(2) {
                assert!(
                    pair[1].0 <= pair[0].0 + 1,
                    "{file} {kind}: {:?} after {:?}",
                    pair[1],
                    pair[0]
                );
            }
            let ids = ids(html);
            let unique: BTreeSet<&String> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "{file} {kind}: duplicate ids {ids:?}");
            for target in re(&LOCAL_HREF).captures_iter(html) {
                assert!(
                    ids.contains(&target[1].to_string()),
                    "{file} {kind}: #{} has no target",
                    &target[1]
                );
            }
        }
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"), "{file}");
        assert_eq!(page.matches("<main").count(), 1, "{file}");
        assert!(
            page.contains(r#"<nav class="vk-toc" aria-label="Inhoudsopgave">"#),
            "{file}"
        );
        assert!(page.contains(r##"class="vk-skip-link" href="#vk-tekst""##), "{file}");
        for forbidden in [
            "<html",
            "<head>",
            "<body",
            "<main",
            "<style",
            "<script",
            "<link",
            "<header class=\"vk-page",
        ] {
            assert!(!fragment.contains(forbidden), "{file}: fragment has {forbidden}");
        }
        assert!(fragment.starts_with("<article class=\"vk-statement"), "{file}");
        // Every class belongs to the theme's own `vk-` namespace.
        for c in re(&CLASS).captures_iter(&page) {
            for name in c[1].split_whitespace() {
                assert!(name.starts_with("vk-"), "{file}: class {name}");
            }
        }
        // Tables: caption, column headers and row headers.
        assert_eq!(
            page.matches("<table").count(),
            page.matches("<caption>").count(),
            "{file}"
        );
        assert!(!page.contains("<th>"), "{file}: every th has a scope");
        assert_eq!(page.contains("vk-draft"), statement.draft, "{file}: banner iff draft");
        if statement.draft {
            assert!(page.contains(r#"<div class="vk-draft" role="note">"#), "{file}");
            assert!(page.contains("Concept — niet publiceren"), "{file}");
            assert!(page.contains(r#"<meta name="robots" content="noindex">"#), "{file}");
        }
    }
}

#[test]
fn the_reference_is_versioned_and_not_a_draft() {
    let (page, _) = render(&load(REFERENCE));
    assert!(!page.contains("vk-draft"));
    assert!(page.contains(r#"<p class="vk-version">Versie 2025.1. Deze versie geldt vanaf 1 maart 2025.</p>"#));
    assert!(page.contains(r#"id="wijzigingen""#), "a 'Wijzigingen' section");
    assert!(page.contains(r#"id="bewaartermijnen""#), "stable Dutch anchors");
}

#[test]
fn the_stylesheet_is_scoped_accessible_and_printable() {
    let css = verklaar::render::html::DEFAULT_CSS;
    let css = &Regex::new(r"(?s)/\*.*?\*/").expect("regex").replace_all(css, "");
    assert!(css.contains("@media print"));
    assert!(css.contains(":focus-visible"));
    assert!(
        !css.contains("@import") && !css.contains("url("),
        "no fonts or images from the network"
    );
    // Every rule's selectors start with a vk- class (at-rules and their contents aside).
    let selector = Regex::new(r"(?m)^\s*([^@\s{}/*][^{}]*)\{").expect("regex");
    for c in selector.captures_iter(css) {
        for part in c[1].split(',') {
            let part = part.trim();
            assert!(part.starts_with(".vk-"), "selector {part:?} is not scoped");
        }
    }
}

// ---- Every kind of content reaches the HTML -----------------------------------------------

/// A marker word for every variant of the document model. The matches have no `_` arm: a
/// new variant does not compile until this test shows that it reaches the page.
fn block_marker(kind: &BlockKind) -> &'static str {
    match kind {
        BlockKind::Paragraph { .. } => "alineamerk",
        BlockKind::Notice { kind, .. } => notice_marker(*kind),
        BlockKind::List { ordered: true, .. } => "genummerdmerk",
        BlockKind::List { ordered: false, .. } => "opsommingmerk",
        BlockKind::Definitions { .. } => "begripmerk",
        BlockKind::Table(_) => "tabelmerk",
    }
}

fn notice_marker(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Important => "belangrijkmerk",
        NoticeKind::Missing => "ontbreektmerk",
    }
}

fn inline_marker(inline: &Inline) -> &'static str {
    match inline {
        Inline::Text { .. } => "tekstmerk",
        Inline::Strong { .. } => "vetmerk",
        Inline::Emphasis { .. } => "schuinmerk",
        Inline::Link { .. } => "linkmerk",
        Inline::LineBreak => "regelmerk",
    }
}

/// One inline of every kind, each around (or next to) its own marker word.
fn every_inline(prefix: &str) -> Vec<Inline> {
    let word = |inline: &Inline| Inline::text(format!("{prefix}-{}", inline_marker(inline)));
    let wrap = |inline: Inline| match inline {
        Inline::Text { .. } => word(&inline),
        Inline::Strong { .. } => Inline::Strong {
            content: vec![word(&inline)],
        },
        Inline::Emphasis { .. } => Inline::Emphasis {
            content: vec![word(&inline)],
        },
        Inline::Link { ref href, .. } => Inline::Link {
            href: href.clone(),
            content: vec![word(&inline)],
        },
        Inline::LineBreak => Inline::LineBreak,
    };
    let mut out: Vec<Inline> = [
        Inline::text(""),
        Inline::Strong { content: Vec::new() },
        Inline::Emphasis { content: Vec::new() },
        Inline::link(format!("https://voorbeeld.nl/{prefix}"), ""),
        Inline::LineBreak,
    ]
    .into_iter()
    .map(wrap)
    .collect();
    // The line break has no text of its own: a marker after it.
    out.push(Inline::text(format!("{prefix}-{}", inline_marker(&Inline::LineBreak))));
    out
}

fn every_block() -> Vec<Block> {
    let kinds = vec![
        BlockKind::Paragraph { content: Vec::new() },
        BlockKind::Notice {
            kind: NoticeKind::Important,
            content: Vec::new(),
        },
        BlockKind::Notice {
            kind: NoticeKind::Missing,
            content: Vec::new(),
        },
        BlockKind::List {
            ordered: true,
            items: Vec::new(),
        },
        BlockKind::List {
            ordered: false,
            items: Vec::new(),
        },
        BlockKind::Definitions { items: Vec::new() },
        BlockKind::Table(Table {
            caption: String::new(),
            headers: Vec::new(),
            rows: Vec::new(),
        }),
    ];
    kinds
        .into_iter()
        .map(|kind| {
            let m = block_marker(&kind);
            let content = every_inline(m);
            let kind = match kind {
                BlockKind::Paragraph { .. } => BlockKind::Paragraph { content },
                BlockKind::Notice { kind, .. } => BlockKind::Notice { kind, content },
                BlockKind::List { ordered, .. } => BlockKind::List {
                    ordered,
                    items: vec![content, vec![Inline::text(format!("{m}-tweede"))]],
                },
                BlockKind::Definitions { .. } => BlockKind::Definitions {
                    items: vec![Definition {
                        term: format!("{m}-term"),
                        description: content,
                    }],
                },
                BlockKind::Table(_) => BlockKind::Table(Table {
                    caption: format!("{m}-bijschrift"),
                    headers: vec![format!("{m}-kolom1"), format!("{m}-kolom2"), format!("{m}-kolom3")],
                    rows: vec![vec![
                        vec![Inline::text(format!("{m}-rijkop"))],
                        content,
                        every_inline(&format!("{m}-cel3")),
                    ]],
                }),
            };
            Block::new(kind).from("/verzonnen")
        })
        .collect()
}

#[test]
fn every_block_notice_and_inline_kind_reaches_the_html() {
    let section = |anchor: &str, title: &str, blocks: Vec<Block>, subsections: Vec<Section>| Section {
        anchor: anchor.into(),
        title: title.into(),
        key: "custom".into(),
        blocks,
        subsections,
    };
    let mut summary_blocks = every_block();
    for block in &mut summary_blocks {
        if let BlockKind::Paragraph { content } = &mut block.kind {
            content.push(Inline::text(" samenvattingmerk"));
        }
    }
    let statement = Statement {
        lang: "nl",
        slug: "alles".into(),
        title: "Privacyverklaring Alles".into(),
        organisation: "Alles".into(),
        address_form: "u",
        version_line: Some("Versie 1".into()),
        effective_date: None,
        draft: true,
        draft_label: "Concept — niet publiceren".into(),
        draft_notice: Some("conceptmerk".into()),
        summary: section("in-het-kort", "In het kort", summary_blocks, Vec::new()),
        sections: vec![section(
            "bovenste",
            "Bovenste",
            every_block(),
            vec![section(
                "midden",
                "Midden",
                Vec::new(),
                vec![section("diepste", "Diepste", every_block(), Vec::new())],
            )],
        )],
    };
    let (page, fragment) = renderer()
        .render_statement(&RenderContext::new(&statement, LintStatus { errors: 1, warnings: 0 }))
        .expect("renders");
    let blocks = every_block();
    for (kind, html) in [("page", &page), ("fragment", &fragment)] {
        for block in &blocks {
            let m = block_marker(&block.kind);
            for inline in every_inline(m) {
                let marker = format!("{m}-{}", inline_marker(&inline));
                // In the summary, in a section and in a section three levels down.
                assert_eq!(html.matches(&marker).count(), 3, "{kind}: {marker}");
            }
            assert!(
                html.contains(&format!("<a href=\"https://voorbeeld.nl/{m}\">{m}-linkmerk</a>")),
                "{kind}: the link of {m} with its href"
            );
            assert!(html.contains(&format!("<strong>{m}-vetmerk</strong>")), "{kind}: {m}");
            assert!(html.contains(&format!("<em>{m}-schuinmerk</em>")), "{kind}: {m}");
            assert!(html.contains(&format!("<br>{m}-regelmerk")), "{kind}: {m}");
        }
        for marker in [
            "<div class=\"vk-notice vk-notice--important\" role=\"note\">\n<p>belangrijkmerk-tekstmerk",
            "<div class=\"vk-notice vk-notice--missing\" role=\"note\">\n<p>ontbreektmerk-tekstmerk",
            "<ol class=\"vk-list\">\n<li>genummerdmerk-tekstmerk",
            "<li>genummerdmerk-tweede</li>",
            "<ul class=\"vk-list\">\n<li>opsommingmerk-tekstmerk",
            "<li>opsommingmerk-tweede</li>",
            "<dt>begripmerk-term</dt>\n<dd>begripmerk-tekstmerk",
            "<caption>tabelmerk-bijschrift</caption>",
            "<th scope=\"col\">tabelmerk-kolom1</th>",
            "<th scope=\"row\">tabelmerk-rijkop</th>",
            "<td data-label=\"tabelmerk-kolom2\">tabelmerk-tekstmerk",
            "<td data-label=\"tabelmerk-kolom3\">tabelmerk-cel3-tekstmerk",
            "<p>alineamerk-tekstmerk",
            " samenvattingmerk</p>",
            "conceptmerk",
        ] {
            assert!(html.contains(marker), "{kind}: {marker}");
        }
        // The model paths are for the fidelity test, not for readers.
        assert!(!html.contains("/verzonnen"), "{kind}");
    }
}

// ---- Hostile text -------------------------------------------------------------------------

/// Appended to every free-text string of the reference organisation.
const HOSTILE: &str = concat!(
    " <script>alert(1)</script>",
    " \"><img src=x onerror=alert(1)>",
    " javascript:alert(1)",
    " [x](javascript:alert(1))",
    " [y](data:text/html,alert)",
    " <a href=\"data:text/html,<script>alert(1)</script>\">d</a>",
    " {{ 7*7 }} {{ 7*191 }} {% raw %} {# c #}",
    " '\" &amp; <!-- x --> ]]>"
);

/// Keys whose strings are ids, references, enum values, dates, durations or rule codes
/// (schemas/verklaar.schema.json: `pattern`, `enum` or `format`): hostile text there
/// would only be a load error.
const NOT_FREE_TEXT: &[&str] = &[
    "id",
    "schema_version",
    "address_form",
    "after",
    "authority",
    "basis",
    "date",
    "deletion_within",
    "effective_date",
    "kind",
    "legal_basis",
    "mechanism",
    "period",
    "required",
    "response_time",
    "retention",
    "right",
    "role",
    "rule",
    "sector",
    "severity",
    "special",
    "special_category_condition",
    "stated",
    "until",
    // Lists of ids (references).
    "data_subjects",
    "data_categories",
    "sources",
    "recipients",
    "purposes",
];

/// Appends [`HOSTILE`] to every free-text string; returns how many were changed.
fn poison(value: &mut Value, key: Option<&str>) -> usize {
    if key.is_some_and(|k| NOT_FREE_TEXT.contains(&k)) && !matches!(value, Value::Object(_)) {
        // A list of ids, or an enum/date value: but lists of objects (e.g. `purposes`) are
        // walked below.
        if let Value::Array(items) = value {
            return items
                .iter_mut()
                .filter(|v| v.is_object())
                .map(|v| poison(v, None))
                .sum();
        }
        return 0;
    }
    match value {
        Value::String(s) => {
            s.push_str(HOSTILE);
            1
        }
        Value::Array(items) => items.iter_mut().map(|v| poison(v, key)).sum(),
        Value::Object(map) => map.iter_mut().map(|(k, v)| poison(v, Some(k.as_str()))).sum(),
        _ => 0,
    }
}

fn tags(html: &str) -> Vec<String> {
    let re = Regex::new(r"<[^>]*>").expect("regex");
    re.find_iter(html).map(|m| m.as_str().to_string()).collect()
}

#[test]
fn hostile_text_is_always_escaped() {
    let text = std::fs::read_to_string(REFERENCE).expect("reference");
    let mut json: Value = serde_saphyr::from_str(&text).expect("the reference parses as YAML");
    let changed = poison(&mut json, None);
    assert!(changed > 100, "only {changed} strings changed");
    // JSON is YAML: load the poisoned copy through the real loader.
    let bytes = serde_json::to_vec_pretty(&json).expect("json");
    let loaded = match load_bytes("verzonnen-xss.yaml", &bytes) {
        Ok(l) => l,
        Err(f) => panic!(
            "the poisoned copy must still load: {:?}",
            f.diagnostics
                .iter()
                .map(|d| format!("{:?}", d.issue))
                .collect::<Vec<_>>()
        ),
    };
    let (statement, status) = statement_of(&loaded);
    let renderer = renderer();
    let (page, fragment) = renderer
        .render_statement(&RenderContext::new(&statement, status))
        .expect("renders");
    let entries = [IndexEntry::new(&statement, status, false)];
    let index = renderer.index(&SiteContext::new(&entries)).expect("index");

    for (name, html) in [("page", &page), ("fragment", &fragment), ("index", &index)] {
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{name}: <script");
        assert!(!lower.contains("<img"), "{name}: <img");
        assert!(!lower.contains("<!-- x"), "{name}: a comment got through");
        for tag in tags(html) {
            let t = tag.to_lowercase();
            assert!(!re(&HANDLER).is_match(&t), "{name}: handler in {tag}");
            assert!(!t.contains("javascript:"), "{name}: {tag}");
            assert!(!t.contains("data:"), "{name}: {tag}");
            assert!(!t.contains("src="), "{name}: {tag}");
        }
        for h in re(&HREF).captures_iter(html) {
            let target = &h[1];
            assert!(
                target.starts_with("https://")
                    || target.starts_with("http://")
                    || target.starts_with("mailto:")
                    || target.starts_with('#')
                    || target.ends_with(".html")
                    || target.ends_with(".css"),
                "{name}: href {target}"
            );
        }
        // Template syntax in the data is printed, never evaluated.
        assert!(html.contains("{{ 7"), "{name}: the text is shown literally");
        assert!(html.contains("{% raw %}"), "{name}");
        assert!(!html.contains("1337"), "{name}: {{{{ 7*191 }}}} was evaluated");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{name}: escaped, not dropped"
        );
        // The clean reference has no "49" at all; here the only ones may be lint counts.
        assert!(
            !re(&COUNTS).replace_all(html, "").contains("49"),
            "{name}: {{{{ 7*7 }}}} was evaluated"
        );
    }
}

// ---- `verklaar build` ---------------------------------------------------------------------

fn verklaar() -> Command {
    let mut cmd = Command::cargo_bin("verklaar").expect("the verklaar binary is built");
    cmd.env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", EPOCH_2026);
    cmd
}

/// A temporary project with copies of the given organisation files under `organisations/`.
fn project(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("organisations")).expect("folder");
    for file in files {
        let name = Path::new(file).file_name().expect("file name");
        std::fs::copy(file, dir.path().join("organisations").join(name)).expect("copy");
    }
    dir
}

/// Every file under `dir` with its bytes, by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("read_dir").filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read_dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn build(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    verklaar().current_dir(dir).arg("build").args(args).assert()
}

#[test]
fn build_writes_pages_fragments_index_and_stylesheet() {
    let dir = project(&[REFERENCE, "organisations/lijv.yaml"]);
    build(dir.path(), &[]).success();
    let site = tree(&dir.path().join("site"));
    let files: Vec<&str> = site.keys().map(String::as_str).collect();
    assert_eq!(
        files,
        [
            ".verklaar-manifest.json",
            ".verklaar-site",
            "index.html",
            "lijv/fragment.html",
            "lijv/index.html",
            "lijv/privacyverklaring.pdf",
            "style.css",
            "voorbeeld-praktijk/fragment.html",
            "voorbeeld-praktijk/index.html",
            "voorbeeld-praktijk/privacyverklaring.pdf",
        ]
    );
    let text = |p: &str| String::from_utf8(site[p].clone()).expect("utf-8");
    assert!(text("lijv/index.html").contains("Concept — niet publiceren"));
    assert!(!text("voorbeeld-praktijk/index.html").contains("vk-draft"));
    let index = text("index.html");
    assert!(index.contains(r#"<a href="lijv/index.html">LIJV</a>"#));
    assert!(index.contains(r#"<span class="vk-status vk-status--draft">Concept — niet publiceren</span>"#));
    assert!(index.contains(r#"<span class="vk-status vk-status--ready">Klaar om te publiceren</span>"#));
    assert_eq!(site["style.css"], verklaar::render::html::DEFAULT_CSS.as_bytes());
    // Nothing but the site, its lock and its cache next to the organisations.
    assert_eq!(
        names_in(dir.path()),
        [".site.verklaar-cache", ".site.verklaar-lock", "organisations", "site"]
    );
}

#[test]
fn build_is_deterministic() {
    let dir = project(&[REFERENCE, "organisations/lijv.yaml", "organisations/livio.yaml"]);
    build(dir.path(), &["--out", "a"]).success();
    build(dir.path(), &["--out", "b"]).success();
    // Twice into the same folder too (the swap path).
    build(dir.path(), &["--out", "b"]).success();
    let (a, b) = (tree(&dir.path().join("a")), tree(&dir.path().join("b")));
    assert!(a.len() >= 8);
    assert_eq!(a, b, "same input, same bytes");
    // And in the library: the same statement renders to the same bytes twice.
    let loaded = load(REFERENCE);
    assert_eq!(render(&loaded), render(&loaded));
}

#[test]
fn strict_skips_drafts_and_exits_1() {
    let dir = project(&[REFERENCE, "organisations/lijv.yaml"]);
    build(dir.path(), &["--strict"])
        .code(1)
        .stderr(predicates::str::contains("overgeslagen: organisations/lijv.yaml"));
    let site = tree(&dir.path().join("site"));
    assert!(site.contains_key("voorbeeld-praktijk/index.html"));
    assert!(!site.keys().any(|k| k.starts_with("lijv/")), "the draft is not written");
    let index = String::from_utf8(site["index.html"].clone()).expect("utf-8");
    assert!(index.contains("Overgeslagen"));
    assert!(
        !index.contains("lijv/index.html"),
        "no link to a page that does not exist"
    );
    // A clean organisation alone: exit 0 under --strict.
    let clean = project(&[REFERENCE]);
    build(clean.path(), &["--strict"]).code(0);
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let dir = project(&[REFERENCE]);
    build(dir.path(), &[]).success();
    let before = tree(&dir.path().join("site"));

    // 1. A theme template that does not parse: exit 2, the file is named.
    let theme = dir.path().join("kapot");
    std::fs::create_dir_all(theme.join("templates")).expect("folder");
    std::fs::write(
        theme.join("templates/page.html"),
        "{% extends \"default/page.html\" %}{% block title %}{% if %}{% endblock title %}",
    )
    .expect("write");
    build(dir.path(), &["--theme", "kapot"])
        .code(2)
        .stderr(predicates::str::contains("page.html").and(predicates::str::contains("niets geschreven")));

    // 2. A theme that parses but fails while rendering (an unknown variable).
    std::fs::write(
        theme.join("templates/page.html"),
        "{% extends \"default/page.html\" %}{% block footer %}{{ bestaat_niet }}{% endblock footer %}",
    )
    .expect("write");
    build(dir.path(), &["--theme", "kapot"])
        .code(2)
        .stderr(predicates::str::contains("bestaat_niet"));

    // 3. A theme folder that does not exist.
    build(dir.path(), &["--theme", "bestaat-niet"]).code(2);

    assert_eq!(tree(&dir.path().join("site")), before, "the previous site is untouched");
    assert_eq!(
        names_in(dir.path()),
        [
            ".site.verklaar-cache",
            ".site.verklaar-lock",
            "kapot",
            "organisations",
            "site"
        ],
        "no staging folders left"
    );
}

#[test]
fn build_refuses_to_replace_a_folder_it_did_not_make() {
    let dir = project(&[REFERENCE]);
    std::fs::create_dir_all(dir.path().join("docs")).expect("folder");
    std::fs::write(dir.path().join("docs/belangrijk.md"), "niet weggooien").expect("write");
    build(dir.path(), &["--out", "docs"])
        .code(2)
        .stderr(predicates::str::contains("niet door verklaar gemaakt"));
    assert_eq!(names_in(&dir.path().join("docs")), ["belangrijk.md"]);
}

#[test]
fn only_takes_html_or_pdf() {
    let dir = project(&[REFERENCE]);
    build(dir.path(), &["--only", "epub"]).code(2);
    assert_eq!(names_in(dir.path()), ["organisations"]);
    build(dir.path(), &["--only", "html"]).success();
    build(dir.path(), &["--only", "pdf"]).success();
}

// ---- Themes -------------------------------------------------------------------------------

fn theme_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path: PathBuf = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(path, text).expect("write");
    }
    dir
}

#[test]
fn a_theme_overrides_single_blocks() {
    let theme = theme_dir(&[
        (
            "templates/page.html",
            "{% extends \"default/page.html\" %}{% block footer %}<footer class=\"vk-footer\"><p>Eigen voettekst van {{ statement.organisation }}</p></footer>{% endblock footer %}",
        ),
        ("style.css", ".vk-page { color: #000000; }\n"),
    ]);
    let renderer = HtmlRenderer::load(Some(theme.path())).expect("theme loads");
    let (statement, status) = statement_of(&load(REFERENCE));
    let (page, fragment) = renderer
        .render_statement(&RenderContext::new(&statement, status))
        .expect("renders");
    assert!(page.contains("<p>Eigen voettekst van Voorbeeldpraktijk De Linde</p></footer>\n</article>"));
    assert!(!fragment.contains("Eigen voettekst"), "fragment.html is not overridden");
    assert_eq!(renderer.stylesheet(), ".vk-page { color: #000000; }\n");
    // The rest is the default page.
    let (default_page, default_fragment) = render(&load(REFERENCE));
    assert_eq!(fragment, default_fragment);
    let footer = &page[page.find("<footer").expect("footer")..page.find("</footer>").expect("end") + "</footer>".len()];
    assert_eq!(
        page.replace(footer, "\n").replace("\n\n</article>", "\n</article>"),
        default_page
    );
}

#[test]
fn a_theme_without_templates_uses_the_defaults() {
    let theme = theme_dir(&[("README.md", "leeg thema")]);
    let renderer = HtmlRenderer::load(Some(theme.path())).expect("theme loads");
    let (statement, status) = statement_of(&load(REFERENCE));
    let ctx = RenderContext::new(&statement, status);
    assert_eq!(
        renderer.render_statement(&ctx).expect("renders"),
        HtmlRenderer::load(None)
            .expect("default")
            .render_statement(&ctx)
            .expect("renders")
    );
    assert_eq!(renderer.stylesheet(), verklaar::render::html::DEFAULT_CSS);
}

#[test]
fn broken_themes_are_errors_that_name_the_file() {
    use verklaar::render::html::ThemeError;
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("templates/page.html", "{% if %}")], "page.html"),
        (
            &[("templates/index.html", "{% extends \"nergens.html\" %}")],
            "index.html",
        ),
        (&[("templates/default/page.html", "x")], "default/page.html"),
        (&[("templates/fragment.html", "{% block a %}")], "fragment.html"),
    ];
    for (files, culprit) in cases {
        let theme = theme_dir(files);
        let err = HtmlRenderer::load(Some(theme.path())).expect_err("broken theme");
        let message = err.message(Lang::Nl);
        assert!(message.contains(culprit), "{message}");
        assert!(!matches!(err, ThemeError::NotFound(_)));
    }
    let missing = HtmlRenderer::load(Some(Path::new("bestaat/niet"))).expect_err("missing folder");
    assert!(matches!(missing, ThemeError::NotFound(_)));
}

#[test]
fn a_theme_lays_out_sections_with_the_typed_html() {
    let theme = theme_dir(&[(
        "templates/page.html",
        "{% extends \"default/page.html\" %}{% block sections %}{% for section in statement.sections %}\
         <div class=\"vk-eigen\" id=\"{{ section.anchor }}\"><h2>{{ section.title }}</h2>{{ section.html | safe }}</div>\
         {% endfor %}{% endblock sections %}",
    )]);
    let renderer = HtmlRenderer::load(Some(theme.path())).expect("theme loads");
    let (statement, status) = statement_of(&load(REFERENCE));
    let (page, _) = renderer
        .render_statement(&RenderContext::new(&statement, status))
        .expect("renders");
    let (default_page, _) = render(&load(REFERENCE));
    assert!(page.contains("<div class=\"vk-eigen\" id=\"bewaartermijnen\">"));
    // The same table markup as in the default theme.
    let table = |html: &str| {
        let start = html
            .find("<caption>Bewaartermijnen</caption>")
            .expect("retention table");
        html[start..start + html[start..].find("</table>").expect("end")].to_string()
    };
    assert_eq!(table(&page), table(&default_page));
}

#[test]
fn the_removed_json_filters_say_what_to_use_instead() {
    for filter in ["blocks", "inlines"] {
        let source = format!(
            "{{% extends \"default/page.html\" %}}{{% block footer %}}{{{{ statement.summary.blocks | {filter} }}}}{{% endblock footer %}}"
        );
        let theme = theme_dir(&[("templates/page.html", &source)]);
        let renderer = HtmlRenderer::load(Some(theme.path())).expect("theme loads");
        let (statement, status) = statement_of(&load(REFERENCE));
        let err = renderer
            .render_statement(&RenderContext::new(&statement, status))
            .expect_err("the old filter fails loudly");
        assert!(err.message.contains("section.html"), "{filter}: {}", err.message);
        assert!(err.template.ends_with("page.html"), "{}", err.template);
    }
}
