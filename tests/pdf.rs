//! The PDF renderer and `verklaar build`'s PDFs: determinism, accessibility markers
//! (tagged, language, title), the "Download als PDF" link, `--only`, user themes, and text
//! that looks like typst or markup, which goes through JSON and is printed, never run.
//!
//! Text and word boxes are read with poppler's `pdftotext`: install poppler-utils to run
//! these tests (`.ci/run` does). Without it they fail and say so; they never skip.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use verklaar::diagnostics::SeverityLevel;
use verklaar::document::{Block, BlockKind, Definition, Inline, NoticeKind, Section, Statement, Table};
use verklaar::i18n::Lang;
use verklaar::lint::{self, LintOptions};
use verklaar::model::load::{Loaded, load_bytes, load_file};
use verklaar::model::time::Date;
use verklaar::render::pdf::{Conformance, DEFAULT_TEMPLATE, PDF_FILE, PdfRenderer};
use verklaar::render::{LintStatus, RenderContext};

const REFERENCE: &str = "organisations/voorbeeld-praktijk.yaml";

/// `SOURCE_DATE_EPOCH` for the CLI runs: 2026-01-01.
const EPOCH_2026: &str = "1767225600";

fn load(path: &str) -> Loaded {
    load_file(Path::new(path)).unwrap_or_else(|f| panic!("{path} does not load: {:?}", f.diagnostics))
}

fn statement_of(loaded: &Loaded) -> (Statement, LintStatus) {
    let mut options = LintOptions::new(Lang::Nl);
    options.today = Date::parse("2026-01-01").expect("date");
    let findings = lint::check(loaded, &options);
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

fn pdf_of(loaded: &Loaded) -> (Vec<u8>, Conformance) {
    let (statement, status) = statement_of(loaded);
    let rendered = PdfRenderer::builtin()
        .expect("the built-in template parses")
        .pdf(&RenderContext::new(&statement, status))
        .unwrap_or_else(|e| panic!("renders: {e}"));
    (rendered.bytes, rendered.conformance)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `pdftotext ARGS x.pdf -` on a PDF: its output. Panics, asking for poppler-utils, when
/// `pdftotext` is not installed.
fn pdftotext(pdf: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).expect("write");
    // Poppler prints a harmless "Suspects object is wrong type" on tagged typst PDFs:
    // stderr is ignored, only the exit status counts.
    let out = match Process::new("pdftotext").args(args).arg(&path).arg("-").output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "pdftotext is not installed: install poppler-utils (apt-get install poppler-utils); \
             the PDF tests read the PDFs' text with it"
        ),
        Err(e) => panic!("pdftotext does not run: {e}"),
    };
    assert!(out.status.success(), "pdftotext failed on our PDF");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The text of a PDF through `pdftotext` (poppler-utils must be installed).
fn pdf_text(pdf: &[u8]) -> String {
    pdftotext(pdf, &["-enc", "UTF-8", "-nopgbrk"])
}

/// Text without white space and hyphens at line ends (typst's soft hyphens come out as
/// U+00AD), for searching across lines.
fn squashed(text: &str) -> String {
    text.replace("-\n", "")
        .replace("\u{ad}\n", "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

// ---- The renderer -------------------------------------------------------------------------

#[test]
fn the_reference_is_a_tagged_dutch_pdf_ua_and_pdf_a() {
    let (statement, _) = statement_of(&load(REFERENCE));
    let (pdf, conformance) = pdf_of(&load(REFERENCE));
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    assert_eq!(
        conformance,
        Conformance::UaAndA2a,
        "the reference passes PDF/UA-1 and PDF/A-2a"
    );
    for marker in [
        &b"/StructTreeRoot"[..],
        b"/MarkInfo",
        b"/Title",
        b"pdfuaid:part",
        b"pdfaid:part",
        b"/FontFile",
    ] {
        assert!(contains(&pdf, marker), "{}", String::from_utf8_lossy(marker));
    }
    assert!(
        contains(&pdf, b"/Lang(nl") || contains(&pdf, b"/Lang (nl"),
        "the document language is Dutch"
    );
    // The document title names the organisation, like the page's <title> (XMP is stored
    // uncompressed).
    let title = format!(
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{} — {}</rdf:li>",
        statement.title, statement.organisation
    );
    assert!(contains(&pdf, title.as_bytes()), "{title} in XMP");
    let text = pdf_text(&pdf);
    let flat = squashed(&text);
    // Every heading, in the order of the HTML page: title, summary, contents, sections.
    let mut at = 0;
    let mut titles = vec![
        statement.title.clone(),
        statement.summary.title.clone(),
        "Inhoud".into(),
    ];
    for section in &statement.sections {
        titles.push(section.title.clone());
        titles.extend(section.subsections.iter().map(|s| s.title.clone()));
    }
    for title in titles {
        let needle = squashed(&title);
        let found = flat[at..]
            .find(&needle)
            .unwrap_or_else(|| panic!("'{title}' after byte {at}"));
        at += found + needle.len();
    }
    assert!(text.contains("Pagina 2 van"), "page numbers");
    assert!(text.contains(&statement.organisation), "running header");
}

#[test]
fn the_same_statement_gives_the_same_bytes() {
    let loaded = load(REFERENCE);
    assert_eq!(pdf_of(&loaded).0, pdf_of(&loaded).0);
}

#[test]
fn drafts_carry_the_banner() {
    let (statement, _) = statement_of(&load("organisations/lijv.yaml"));
    assert!(statement.draft);
    let (pdf, _) = pdf_of(&load("organisations/lijv.yaml"));
    let text = pdf_text(&pdf);
    assert!(text.contains("Concept — niet publiceren"), "draft banner");
}

#[test]
fn every_organisation_renders() {
    let mut files: Vec<_> = std::fs::read_dir("organisations")
        .expect("organisations/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5);
    for file in files {
        let loaded = load(&file.to_string_lossy());
        let (pdf, conformance) = pdf_of(&loaded);
        assert!(pdf.starts_with(b"%PDF-"), "{}", file.display());
        assert_eq!(conformance, Conformance::UaAndA2a, "{}", file.display());
    }
}

// ---- Every variant of the document model ---------------------------------------------------

/// The name of a block's variant. Exhaustive, no wildcard: a new block or notice kind does
/// not compile until it is named here, added to [`BLOCK_VARIANTS`] and to
/// [`every_variant`].
fn block_variant(kind: &BlockKind) -> &'static str {
    match kind {
        BlockKind::Paragraph { .. } => "paragraph",
        BlockKind::Notice {
            kind: NoticeKind::Important,
            ..
        } => "notice important",
        BlockKind::Notice {
            kind: NoticeKind::Missing,
            ..
        } => "notice missing",
        BlockKind::List { ordered: false, .. } => "list",
        BlockKind::List { ordered: true, .. } => "ordered list",
        BlockKind::Definitions { .. } => "definitions",
        BlockKind::Table(_) => "table",
    }
}

const BLOCK_VARIANTS: &[&str] = &[
    "paragraph",
    "notice important",
    "notice missing",
    "list",
    "ordered list",
    "definitions",
    "table",
];

/// The name of an inline variant; exhaustive like [`block_variant`].
fn inline_variant(inline: &Inline) -> &'static str {
    match inline {
        Inline::Text { .. } => "text",
        Inline::Strong { .. } => "strong",
        Inline::Emphasis { .. } => "emphasis",
        Inline::Link { .. } => "link",
        Inline::LineBreak => "line_break",
    }
}

const INLINE_VARIANTS: &[&str] = &["text", "strong", "emphasis", "link", "line_break"];

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::text(s)]
}

fn section(anchor: &str, title: &str, blocks: Vec<BlockKind>, subsections: Vec<Section>) -> Section {
    Section {
        anchor: anchor.into(),
        title: title.into(),
        key: "custom".into(),
        blocks: blocks.into_iter().map(Block::new).collect(),
        subsections,
    }
}

fn statement(slug: &str, summary: Section, sections: Vec<Section>) -> Statement {
    Statement {
        lang: "nl",
        slug: slug.into(),
        title: "Privacyverklaring Merkpraktijk".into(),
        organisation: "Merkpraktijk".into(),
        address_form: "u",
        version_line: Some("Versie merkversie, geldig vanaf 1 januari 2026".into()),
        effective_date: Some("2026-01-01".into()),
        draft: true,
        draft_label: "Concept — niet publiceren".into(),
        draft_notice: Some("Merkconcept: deze verklaring is niet af.".into()),
        summary,
        sections,
    }
}

fn render(statement: &Statement) -> (Vec<u8>, Conformance) {
    let rendered = PdfRenderer::builtin()
        .expect("the built-in template parses")
        .pdf(&RenderContext::new(statement, LintStatus::default()))
        .unwrap_or_else(|e| panic!("renders: {e}"));
    // To look at the fixtures: PDF_TEST_OUT=DIR keeps a copy of each as DIR/SLUG.pdf.
    if let Some(dir) = std::env::var_os("PDF_TEST_OUT") {
        let path = Path::new(&dir).join(format!("{}.pdf", statement.slug));
        std::fs::write(&path, &rendered.bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    (rendered.bytes, rendered.conformance)
}

/// A statement with every block kind, notice kind and inline variant, and the marker word
/// each one carries (all distinct; each marker appears in exactly one place).
fn every_variant() -> (Statement, Vec<&'static str>) {
    let inlines = vec![
        Inline::text("Merktekst "),
        Inline::Strong {
            content: vec![
                Inline::text("Merkvet "),
                Inline::Emphasis {
                    content: text("Merkgenest"),
                },
            ],
        },
        Inline::text(" "),
        Inline::Emphasis {
            content: text("Merkschuin"),
        },
        Inline::text(" "),
        Inline::link("https://example.org/merklink", "Merklink"),
        Inline::text(" "),
        Inline::link("mailto:merk@example.org", "Merkmail"),
        Inline::text(" Merkvoorregel"),
        Inline::LineBreak,
        Inline::text("Merknaregel."),
    ];
    let blocks = vec![
        BlockKind::Paragraph { content: inlines },
        BlockKind::Notice {
            kind: NoticeKind::Important,
            content: text("Merkbelangrijk: bezwaar kan altijd."),
        },
        BlockKind::Notice {
            kind: NoticeKind::Missing,
            content: text("Merkontbreekt: hier staat nog niets."),
        },
        BlockKind::List {
            ordered: false,
            items: vec![text("Merkpunt een"), text("Merkpunt twee")],
        },
        BlockKind::List {
            ordered: true,
            items: vec![text("Merkstap een"), text("Merkstap twee")],
        },
        BlockKind::Definitions {
            items: vec![Definition {
                term: "Merkterm".into(),
                description: text("Merkuitleg van de term."),
            }],
        },
        BlockKind::Table(Table {
            caption: "Merkonderschrift".into(),
            headers: vec!["Merkkop".into(), "Merktweedekop".into()],
            rows: vec![
                vec![text("Merkrijkop"), text("Merkcel")],
                // A short row: the template fills it up.
                vec![text("Merkkorterij")],
            ],
        }),
    ];
    let markers = vec![
        "Merkpraktijk",
        "merkversie",
        "Merkconcept",
        "Merksamenvatting",
        "Merkkort",
        "Merkhoofdstuk",
        "Merksubhoofdstuk",
        "Merktekst",
        "Merkvet",
        "Merkgenest",
        "Merkschuin",
        "Merklink",
        "Merkmail",
        "Merkvoorregel",
        "Merknaregel",
        "Merkbelangrijk",
        "Merkontbreekt",
        "Merkpunt",
        "Merkstap",
        "Merkterm",
        "Merkuitleg",
        "Merkonderschrift",
        "Merkkop",
        "Merktweedekop",
        "Merkrijkop",
        "Merkcel",
        "Merkkorterij",
    ];
    let summary = section(
        "in-het-kort",
        "Merksamenvatting",
        vec![BlockKind::Paragraph {
            content: text("Merkkort samengevat."),
        }],
        Vec::new(),
    );
    let sub = section("merksub", "Merksubhoofdstuk", blocks, Vec::new());
    let main = section("merk", "Merkhoofdstuk", Vec::new(), vec![sub]);
    (statement("merkpraktijk", summary, vec![main]), markers)
}

fn visit_blocks<'a>(section: &'a Section, out: &mut Vec<&'a BlockKind>) {
    out.extend(section.blocks.iter().map(|b| &b.kind));
    for sub in &section.subsections {
        visit_blocks(sub, out);
    }
}

fn visit_inlines<'a>(content: &'a [Inline], out: &mut Vec<&'a Inline>) {
    for inline in content {
        out.push(inline);
        match inline {
            Inline::Strong { content } | Inline::Emphasis { content } | Inline::Link { content, .. } => {
                visit_inlines(content, out)
            }
            Inline::Text { .. } | Inline::LineBreak => {}
        }
    }
}

#[test]
fn every_block_notice_and_inline_variant_reaches_the_pdf_text() {
    let (statement, markers) = every_variant();
    // The fixture holds every variant.
    let mut blocks = Vec::new();
    visit_blocks(&statement.summary, &mut blocks);
    for s in &statement.sections {
        visit_blocks(s, &mut blocks);
    }
    let mut seen: Vec<&str> = blocks.iter().map(|b| block_variant(b)).collect();
    seen.sort_unstable();
    seen.dedup();
    let mut all = BLOCK_VARIANTS.to_vec();
    all.sort_unstable();
    assert_eq!(seen, all, "the fixture has every block and notice kind");
    let mut inlines = Vec::new();
    for block in &blocks {
        if let BlockKind::Paragraph { content } = block {
            visit_inlines(content, &mut inlines);
        }
    }
    let mut seen: Vec<&str> = inlines.iter().map(|i| inline_variant(i)).collect();
    seen.sort_unstable();
    seen.dedup();
    let mut all = INLINE_VARIANTS.to_vec();
    all.sort_unstable();
    assert_eq!(seen, all, "the fixture's paragraph has every inline variant");

    let (pdf, conformance) = render(&statement);
    assert_eq!(conformance, Conformance::UaAndA2a);
    let text = pdf_text(&pdf);
    let flat = squashed(&text);
    for marker in &markers {
        assert!(flat.contains(marker), "{marker} is missing from the PDF text:\n{text}");
    }
    // The line break breaks the line.
    let before = text.lines().position(|l| l.contains("Merkvoorregel"));
    let after = text.lines().position(|l| l.contains("Merknaregel"));
    assert!(
        matches!((before, after), (Some(b), Some(a)) if a > b),
        "a line break between Merkvoorregel and Merknaregel:\n{text}"
    );
    // Links are links.
    for uri in [&b"https://example.org/merklink"[..], b"mailto:merk@example.org"] {
        assert!(contains(&pdf, uri), "{}", String::from_utf8_lossy(uri));
    }
}

#[test]
fn an_unknown_block_or_inline_type_is_a_render_error() {
    // data.json as the renderer writes it, with one unknown type: the template must stop,
    // not drop the content. A theme that reads this JSON from a file stands in for the data.
    let (statement, _) = every_variant();
    let json = serde_json::to_string(&statement).expect("json");
    for (from, to, expected) in [
        (r#""type":"paragraph""#, r#""type":"kader""#, "kader"),
        (r#""type":"emphasis""#, r#""type":"onderstreept""#, "onderstreept"),
        (r#""kind":"missing""#, r#""kind":"terloops""#, "terloops"),
    ] {
        assert!(json.contains(from), "{from} in the data");
        let changed = json.replacen(from, to, 1);
        let template = DEFAULT_TEMPLATE.replacen(
            r#"#let data = json("data.json")"#,
            &format!("#let data = json(bytes({changed:?}))"),
            1,
        );
        assert_ne!(template, DEFAULT_TEMPLATE, "the template reads data.json");
        let renderer = PdfRenderer::from_source(template, "statement.typ".into()).expect("the changed template parses");
        let err = renderer
            .pdf(&RenderContext::new(&statement, LintStatus::default()))
            .expect_err(expected);
        assert!(err.message.contains(expected), "{expected}: {}", err.message);
    }
}

// ---- Word boxes -------------------------------------------------------------------------------

/// A word of `pdftotext -bbox`: page number (from 1), page width, the box, the word.
#[derive(Debug)]
struct WordBox {
    page: usize,
    page_width: f64,
    page_height: f64,
    x: (f64, f64),
    y: (f64, f64),
    word: String,
}

/// The value of `name="..."` in an XML tag.
fn attribute(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap_or_else(|| panic!("{name} in {tag}")) + key.len();
    let len = tag[start..].find('"').unwrap_or_else(|| panic!("{name} ends in {tag}"));
    tag[start..start + len]
        .parse()
        .unwrap_or_else(|e| panic!("{name} in {tag}: {e}"))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every word of a PDF with its box, through `pdftotext -bbox`.
fn word_boxes(pdf: &[u8]) -> Vec<WordBox> {
    let out = pdftotext(pdf, &["-bbox", "-enc", "UTF-8"]);
    let mut words = Vec::new();
    let (mut page, mut page_width, mut page_height) = (0, 0.0, 0.0);
    for line in out.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
            page_width = attribute(line, "width");
            page_height = attribute(line, "height");
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, rest) = rest.split_once('>').unwrap_or_else(|| panic!("a word tag: {line}"));
            let word = rest
                .strip_suffix("</word>")
                .unwrap_or_else(|| panic!("one word a line: {line}"));
            words.push(WordBox {
                page,
                page_width,
                page_height,
                x: (attribute(tag, "xMin"), attribute(tag, "xMax")),
                y: (attribute(tag, "yMin"), attribute(tag, "yMax")),
                word: unescape(word),
            });
        }
    }
    assert!(page > 0 && !words.is_empty(), "pdftotext -bbox found words:\n{out}");
    words
}

/// The template's left and right margin in pt, from its `#set page(margin: (x: 2.3cm, ...))`.
fn template_margin_x() -> f64 {
    let at = DEFAULT_TEMPLATE
        .find("margin: (x: ")
        .expect("the template sets margin x")
        + "margin: (x: ".len();
    let value = &DEFAULT_TEMPLATE[at..];
    let end = value.find([',', ')']).expect("the margin ends");
    let value = value[..end].trim();
    let (number, unit) = value.split_at(value.find(|c: char| c.is_alphabetic()).expect("a unit"));
    let number: f64 = number.parse().expect("a number");
    number
        * match unit {
            "pt" => 1.0,
            "mm" => 72.0 / 25.4,
            "cm" => 72.0 / 2.54,
            "in" => 72.0,
            other => panic!("unit {other}"),
        }
}

/// Words outside the text area: x outside the left and right margins, y outside the page
/// (the running header and footer live in the top and bottom margins). As in
/// ci/pdf-checks/bbox.py, a word that ends in a dash, hyphen or punctuation mark may hang
/// up to 0.2 of its box height into the right margin (typst's `overhang`), and 0.5pt is
/// allowed for rounding.
fn outside_text_area(words: &[WordBox]) -> Vec<String> {
    let margin = template_margin_x();
    let tolerance = 0.5;
    words
        .iter()
        .filter(|w| {
            let hangs = w.word.ends_with(['–', '—', '-', '\u{ad}', '.', ',', ':', ';']);
            let hang = if hangs { 0.2 * (w.y.1 - w.y.0) } else { 0.0 };
            w.x.0 < margin - tolerance
                || w.x.1 > w.page_width - margin + tolerance + hang
                || w.y.0 < -tolerance
                || w.y.1 > w.page_height + tolerance
        })
        .map(|w| {
            format!(
                "page {}: {:?} at x {:.1}–{:.1}, y {:.1}–{:.1}",
                w.page, w.word, w.x.0, w.x.1, w.y.0, w.y.1
            )
        })
        .collect()
}

/// Pairs of words whose boxes overlap by more than 1pt both ways (text over text), as in
/// ci/pdf-checks/bbox.py.
fn overlapping(words: &[WordBox]) -> Vec<String> {
    let mut pairs = Vec::new();
    for (i, a) in words.iter().enumerate() {
        for b in words[i + 1..].iter().filter(|b| b.page == a.page) {
            let dx = a.x.1.min(b.x.1) - a.x.0.max(b.x.0);
            let dy = a.y.1.min(b.y.1) - a.y.0.max(b.y.0);
            if dx > 1.0 && dy > 1.0 {
                pairs.push(format!("page {}: {:?} and {:?} overlap", a.page, a.word, b.word));
            }
        }
    }
    pairs
}

/// Long Dutch words in 4-column tables, and a long URL.
fn wide_tables() -> Statement {
    const URL: &str = "https://www.autoriteitpersoonsgegevens.nl/themas/gezondheid/medische-gegevens/bewaartermijnen-van-medische-dossiers?onderwerp=zorgverleners&pagina=2";
    let row = |a: &str, b: &str, c: &str, d: &str| vec![text(a), text(b), text(c), text(d)];
    // Words that fit side by side at body size.
    let fitting = Table {
        caption: "Ontvangers en bewaartermijnen".into(),
        headers: vec![
            "Ontvanger".into(),
            "Wettelijke grondslag".into(),
            "Bewaartermijn".into(),
            "Doorgiftemechanisme".into(),
        ],
        rows: vec![
            row(
                "Zorgverzekeraar",
                "Behandelingsovereenkomst (artikel 7:454 BW)",
                "Vijftien jaar",
                "Adequaatheidsbesluit",
            ),
            row(
                "Gegevensverwerker bedrijfsarts",
                "Arbeidsovereenkomst",
                "Tot na de re-integratie",
                "Geen doorgifte",
            ),
            vec![
                text("Toezichthouder"),
                vec![
                    Inline::text("Zie "),
                    Inline::link(URL, URL),
                    Inline::text(" voor de Geheimhoudingsverplichting"),
                ],
                text("Twintig jaar"),
                text("Modelcontractbepalingen"),
            ],
        ],
    };
    // Words too wide for four columns at body size, but not at 80%: the table's text shrinks.
    let tight = Table {
        caption: "Krappe woorden".into(),
        headers: vec![
            "Beleid".into(),
            "Verwerking".into(),
            "Verklaring".into(),
            "Overeenkomst".into(),
        ],
        rows: vec![row(
            "Gegevensbeschermingsbeleid",
            "Persoonsgegevensverwerking",
            "Geheimhoudingsverklaringen",
            "Verwerkersovereenkomsten",
        )],
    };
    // Words too wide for four columns even at 80%: the cells hyphenate, headers too.
    let extreme = Table {
        caption: "Uitzonderlijk lange woorden".into(),
        headers: vec![
            "Verwerkingsverantwoordelijkheid".into(),
            "Persoonsgegevensbeschermingswet".into(),
            "Arbeidsongeschiktheidsverzekeringen".into(),
            "Geheimhoudingsverplichtingenoverzicht".into(),
        ],
        rows: vec![row(
            "Gezondheidszorgpersoneelsadministratie",
            "Behandelingsovereenkomstenregistratie",
            "Bewaartermijnoverschrijdingsmeldingen",
            "Doorgiftebeschermingsmaatregelen",
        )],
    };
    let blocks = (0..12)
        .flat_map(|_| {
            [
                BlockKind::Table(fitting.clone()),
                BlockKind::Table(tight.clone()),
                BlockKind::Table(extreme.clone()),
            ]
        })
        .collect();
    let summary = section("in-het-kort", "In het kort", Vec::new(), Vec::new());
    statement(
        "brede-tabellen",
        summary,
        vec![section("tabellen", "Tabellen", blocks, Vec::new())],
    )
}

#[test]
fn wide_tables_and_long_urls_stay_inside_the_text_area() {
    let statement = wide_tables();
    let (pdf, conformance) = render(&statement);
    assert_eq!(conformance, Conformance::UaAndA2a);
    let words = word_boxes(&pdf);
    let outside = outside_text_area(&words);
    assert!(
        outside.is_empty(),
        "words outside the text area:\n{}",
        outside.join("\n")
    );
    let over = overlapping(&words);
    assert!(over.is_empty(), "words over words:\n{}", over.join("\n"));
    assert!(words.iter().any(|w| w.page > 1), "the tables run over pages");
    // Where the words fit, none is hyphenated: every long word of the fitting table is one
    // word box, at body size (as high as the caption's words, which are at body size).
    let caption = words.iter().find(|w| w.word == "Ontvangers").expect("the caption");
    for long in [
        "Ontvanger",
        "Bewaartermijn",
        "Doorgiftemechanisme",
        "Zorgverzekeraar",
        "Behandelingsovereenkomst",
        "Adequaatheidsbesluit",
        "Gegevensverwerker",
        "Arbeidsovereenkomst",
        "Geheimhoudingsverplichting",
        "Modelcontractbepalingen",
    ] {
        let boxes: Vec<&WordBox> = words.iter().filter(|w| w.word == long).collect();
        assert!(
            boxes.len() >= 12,
            "{long} is one word in every copy of the table ({})",
            boxes.len()
        );
        for b in boxes {
            assert!(
                (b.y.1 - b.y.0 - (caption.y.1 - caption.y.0)).abs() < 0.1,
                "{long} at the caption's size: {b:?} vs {caption:?}"
            );
        }
    }
    // Every caption is on the page of its table's header row and first row.
    let page_of_next = |from: usize, word: &str| {
        words[from..]
            .iter()
            .find(|w| w.word.starts_with(word))
            .map(|w| w.page)
            .unwrap_or_else(|| panic!("{word} after word {from}"))
    };
    let mut captions = 0;
    for (i, w) in words.iter().enumerate() {
        for (caption, header, first_cell) in [
            ("Ontvangers", "Ontvanger", "Zorgverzekeraar"),
            ("Krappe", "Beleid", "Gegevensbeschermingsbeleid"),
            // Hyphenated: the first syllables.
            ("Uitzonderlijk", "Verwerkings", "Gezondheids"),
        ] {
            if w.word == caption {
                captions += 1;
                assert_eq!(page_of_next(i, header), w.page, "{caption} with its header");
                assert_eq!(page_of_next(i, first_cell), w.page, "{caption} with its first row");
            }
        }
    }
    assert_eq!(captions, 36, "every caption is found");
    // The tight table shrinks its text instead of hyphenating: each long word is one box,
    // smaller than the caption's (at body size), but not below 80% of it.
    for long in [
        "Gegevensbeschermingsbeleid",
        "Persoonsgegevensverwerking",
        "Geheimhoudingsverklaringen",
        "Verwerkersovereenkomsten",
    ] {
        let boxes: Vec<&WordBox> = words.iter().filter(|w| w.word == long).collect();
        assert_eq!(boxes.len(), 12, "{long} is one word in every copy of the table");
        for b in boxes {
            let ratio = (b.y.1 - b.y.0) / (caption.y.1 - caption.y.0);
            assert!((0.79..0.99).contains(&ratio), "{long} is shrunk to {ratio}: {b:?}");
        }
    }
}

/// A table of 60 four-line rows after `fill` one-line paragraphs.
fn long_table(fill: usize) -> Statement {
    let rows = (1..=60)
        .map(|n| {
            vec![
                text(&format!("Rij{n}")),
                // Four lines: a paragraph that could split two and two without widows or
                // orphans, so only an unbreakable row keeps them together.
                vec![
                    Inline::text(format!("Boven{n} de regel")),
                    Inline::LineBreak,
                    Inline::text("tweede regel"),
                    Inline::LineBreak,
                    Inline::text("derde regel"),
                    Inline::LineBreak,
                    Inline::text(format!("Onder{n} de regel")),
                ],
            ]
        })
        .collect();
    let table = Table {
        caption: "Lange tabel".into(),
        headers: vec!["Rijkop".into(), "Inhoudskop".into()],
        rows,
    };
    let mut blocks: Vec<BlockKind> = (0..fill)
        .map(|n| BlockKind::Paragraph {
            content: text(&format!("Vulregel {n}.")),
        })
        .collect();
    blocks.push(BlockKind::Table(table));
    let summary = section("in-het-kort", "In het kort", Vec::new(), Vec::new());
    statement(
        "lange-tabel",
        summary,
        vec![section("tabel", "Tabel", blocks, Vec::new())],
    )
}

#[test]
fn long_tables_repeat_their_header_and_never_split_a_row() {
    let (pdf, _) = render(&long_table(1));
    let words = word_boxes(&pdf);
    let page_of = |word: &str| {
        words
            .iter()
            .find(|w| w.word == word)
            .map(|w| w.page)
            .unwrap_or_else(|| panic!("{word} in the PDF"))
    };
    let pages: std::collections::BTreeSet<usize> = (1..=60).map(|n| page_of(&format!("Rij{n}"))).collect();
    assert!(pages.len() > 1, "the table runs over pages: {pages:?}");
    for page in &pages {
        assert!(
            words.iter().any(|w| w.page == *page && w.word == "Inhoudskop"),
            "the header row on page {page}"
        );
    }
    for n in 1..=60 {
        let (top, bottom) = (page_of(&format!("Boven{n}")), page_of(&format!("Onder{n}")));
        assert_eq!(top, bottom, "row {n} is not split across pages");
        assert_eq!(top, page_of(&format!("Rij{n}")), "row {n} stays whole");
    }
    assert!(outside_text_area(&words).is_empty());
    assert!(overlapping(&words).is_empty());
}

#[test]
fn a_caption_never_stands_alone_at_the_foot_of_a_page() {
    // More and more text before the table moves its caption down page 1 and over the
    // foot: wherever it lands, the header row and the first row are on its page.
    let mut caption_pages = std::collections::BTreeSet::new();
    for fill in 20..50 {
        let (pdf, _) = render(&long_table(fill));
        let words = word_boxes(&pdf);
        let page_of = |word: &str| {
            words
                .iter()
                .find(|w| w.word == word)
                .map(|w| w.page)
                .unwrap_or_else(|| panic!("{word} in the PDF"))
        };
        let caption = page_of("Lange");
        assert_eq!(
            page_of("Rijkop"),
            caption,
            "{fill} lines before: the header row with the caption"
        );
        assert_eq!(
            page_of("Rij1"),
            caption,
            "{fill} lines before: the first row with the caption"
        );
        caption_pages.insert(caption);
    }
    assert_eq!(
        caption_pages.into_iter().collect::<Vec<_>>(),
        [1, 2],
        "the caption moved from page 1 to page 2"
    );
}

#[test]
fn odd_tables_render() {
    let table = |caption: &str, headers: &[&str], rows: Vec<Vec<Vec<Inline>>>| {
        BlockKind::Table(Table {
            caption: caption.into(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows,
        })
    };
    let blocks = vec![
        table("Zonder rijen", &["Kop", "Tweede kop"], Vec::new()),
        table("", &[], vec![vec![text("Zonderkop"), text("en zonder onderschrift")]]),
        table(
            "Eén kolom",
            &["Enige"],
            vec![vec![text("www.voorbeeldpraktijk-de-linde.nl/privacy")]],
        ),
        table(
            "Lege cellen",
            &["Een", "Twee", "Drie"],
            vec![vec![Vec::new(), Vec::new(), text("Derdecel")], Vec::new()],
        ),
    ];
    let summary = section("in-het-kort", "In het kort", Vec::new(), Vec::new());
    let statement = statement(
        "vreemde-tabellen",
        summary,
        vec![section("tabellen", "Tabellen", blocks, Vec::new())],
    );
    let (pdf, conformance) = render(&statement);
    assert_eq!(conformance, Conformance::UaAndA2a);
    let flat = squashed(&pdf_text(&pdf));
    for marker in [
        "Zonderrijen",
        "Zonderkop",
        "www.voorbeeldpraktijk-de-linde.nl/privacy",
        "Derdecel",
    ] {
        assert!(flat.contains(marker), "{marker}");
    }
    let words = word_boxes(&pdf);
    assert!(outside_text_area(&words).is_empty() && overlapping(&words).is_empty());
}

#[test]
fn the_word_box_check_finds_words_past_the_margin() {
    // The check itself: a template whose table is wider than the page fails it.
    let template = DEFAULT_TEMPLATE.replacen(
        "#for s in data.sections { section(s, 2) }",
        "#table(columns: (440pt, 300pt), [links], [Buitenmarge])\n#for s in data.sections { section(s, 2) }",
        1,
    );
    assert_ne!(template, DEFAULT_TEMPLATE);
    let renderer = PdfRenderer::from_source(template, "statement.typ".into()).expect("parses");
    let (statement, _) = every_variant();
    let rendered = renderer
        .pdf(&RenderContext::new(&statement, LintStatus::default()))
        .unwrap_or_else(|e| panic!("{e}"));
    let outside = outside_text_area(&word_boxes(&rendered.bytes));
    assert!(outside.iter().any(|w| w.contains("Buitenmarge")), "found: {outside:?}");
}

// ---- Hostile text -------------------------------------------------------------------------

/// Appended to free-text strings: typst code and markup, and markdown. The data reaches
/// typst through `json("data.json")`, so this is text, never code.
const HOSTILE: &str = concat!(
    " #panic(\"boem\") #read(\"/etc/passwd\") #include \"/etc/hostname\"",
    " $x^2$ *vet* _schuin_ `code` @label <label> ] [ \\ \\#",
    " #let x = 1 #{ 1 + 1 } #sys.inputs // commentaar /* blok */",
    " = kop ~ -- --- ''' \"\" #image(\"/etc/passwd\")",
);

/// Keys whose strings are ids, references, enum values, dates or durations: hostile text
/// there would only be a load error (the same list as tests/render.rs).
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
    "data_subjects",
    "data_categories",
    "sources",
    "recipients",
    "purposes",
];

fn poison(value: &mut Value, key: Option<&str>) -> usize {
    if key.is_some_and(|k| NOT_FREE_TEXT.contains(&k)) && !matches!(value, Value::Object(_)) {
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

/// The reference with [`HOSTILE`] appended to every free-text string, as YAML (JSON is YAML).
fn poisoned_reference() -> Vec<u8> {
    let text = std::fs::read_to_string(REFERENCE).expect("reference");
    let mut json: Value = serde_saphyr::from_str(&text).expect("the reference parses as YAML");
    let changed = poison(&mut json, None);
    assert!(changed > 100, "only {changed} strings changed");
    serde_json::to_vec_pretty(&json).expect("json")
}

#[test]
fn typst_and_markup_in_the_data_are_printed_not_run() {
    let bytes = poisoned_reference();
    let loaded = match load_bytes("verzonnen-typst.yaml", &bytes) {
        Ok(l) => l,
        Err(f) => panic!("the poisoned copy must still load: {:?}", f.diagnostics.len()),
    };
    let (statement, _) = statement_of(&loaded);
    assert!(
        statement.organisation.contains("#panic("),
        "the organisation name is poisoned"
    );
    let (pdf, _) = pdf_of(&loaded);
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    let flat = squashed(&text);
    for literal in [
        "#panic(\"boem\")",
        "#read(\"/etc/passwd\")",
        "$x^2$",
        "*vet*",
        "_schuin_",
        "`code`",
        "@label",
        "<label>",
        "#{1+1}",
        "#sys.inputs",
        "//commentaar/*blok*/",
    ] {
        assert!(flat.contains(literal), "{literal} is printed literally");
    }
    assert!(!text.contains("root:"), "no file was read");
}

// ---- `verklaar build` ---------------------------------------------------------------------

fn verklaar() -> Command {
    let mut cmd = Command::cargo_bin("verklaar").expect("the verklaar binary is built");
    cmd.env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", EPOCH_2026);
    cmd
}

fn project(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("organisations")).expect("folder");
    for file in files {
        let name = Path::new(file).file_name().expect("file name");
        std::fs::copy(file, dir.path().join("organisations").join(name)).expect("copy");
    }
    dir
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read(entry.path()).expect("read"));
        }
    }
    out
}

fn build(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    verklaar().current_dir(dir).arg("build").args(args).assert()
}

#[test]
fn build_writes_byte_identical_pdfs_linked_from_the_page() {
    let dir = project(&[REFERENCE, "organisations/lijv.yaml"]);
    build(dir.path(), &["--out", "a"]).success();
    build(dir.path(), &["--out", "b"]).success();
    let (a, b) = (tree(&dir.path().join("a")), tree(&dir.path().join("b")));
    assert_eq!(a, b, "same input, same bytes");
    for slug in ["voorbeeld-praktijk", "lijv"] {
        let pdf = &a[&format!("{slug}/{PDF_FILE}")];
        assert!(pdf.starts_with(b"%PDF-"), "{slug}");
        let (statement, _) = statement_of(&load(&format!("organisations/{slug}.yaml")));
        assert!(
            contains(
                pdf,
                format!("<dc:creator><rdf:Seq><rdf:li>{}</rdf:li>", statement.organisation).as_bytes()
            ),
            "{slug}: its own statement"
        );
        let page = String::from_utf8(a[&format!("{slug}/index.html")].clone()).expect("utf-8");
        assert!(
            page.contains(r#"<a href="privacyverklaring.pdf" type="application/pdf">Download als PDF</a>"#),
            "{slug}: the page links to its PDF"
        );
        let fragment = String::from_utf8(a[&format!("{slug}/fragment.html")].clone()).expect("utf-8");
        assert!(!fragment.contains("Download als PDF"), "{slug}: not in the fragment");
    }
}

#[test]
fn only_selects_html_or_pdf() {
    let dir = project(&[REFERENCE]);
    build(dir.path(), &["--only", "html", "--out", "html"]).success();
    let html = tree(&dir.path().join("html"));
    assert!(!html.keys().any(|k| k.ends_with(".pdf")), "{:?}", html.keys());
    let page = String::from_utf8(html["voorbeeld-praktijk/index.html"].clone()).expect("utf-8");
    assert!(!page.contains("Download als PDF"), "no link to a PDF that is not built");

    build(dir.path(), &["--only", "pdf", "--out", "pdf"]).success();
    let pdf = tree(&dir.path().join("pdf"));
    let names: Vec<&str> = pdf.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            ".verklaar-manifest.json",
            ".verklaar-site",
            "voorbeeld-praktijk/privacyverklaring.pdf"
        ]
    );

    // Both: the same PDF and the same pages as the single builds.
    build(dir.path(), &["--out", "both"]).success();
    let both = tree(&dir.path().join("both"));
    assert_eq!(
        both["voorbeeld-praktijk/privacyverklaring.pdf"],
        pdf["voorbeeld-praktijk/privacyverklaring.pdf"]
    );
    assert_eq!(both["index.html"], html["index.html"]);
}

#[test]
fn build_with_hostile_text_succeeds() {
    let dir = project(&[]);
    std::fs::write(dir.path().join("organisations/verzonnen.yaml"), poisoned_reference()).expect("write");
    build(dir.path(), &["--only", "pdf"]).success();
    let site = tree(&dir.path().join("site"));
    let pdf = &site["verzonnen/privacyverklaring.pdf"];
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(pdf);
    assert!(squashed(&text).contains("#panic(\"boem\")"));
}

#[test]
fn text_the_fonts_cannot_show_gives_a_tagged_pdf_and_a_note() {
    let dir = project(&[]);
    let text = std::fs::read_to_string(REFERENCE).expect("reference");
    let text = text.replacen(
        "name: Voorbeeldpraktijk De Linde",
        "name: \"Voorbeeldpraktijk 漢字 De Linde\"",
        1,
    );
    assert!(text.contains("漢字"), "the organisation name is replaced");
    std::fs::write(dir.path().join("organisations/voorbeeld-praktijk.yaml"), text).expect("write");
    build(dir.path(), &["--only", "pdf"])
        .success()
        .stderr(predicate::str::contains("PDF/UA-1").and(predicate::str::contains("漢")));
    let site = tree(&dir.path().join("site"));
    let pdf = &site["voorbeeld-praktijk/privacyverklaring.pdf"];
    assert!(contains(pdf, b"/StructTreeRoot"), "still tagged");
    assert!(!contains(pdf, b"pdfuaid:part"), "no PDF/UA claim");
}

// ---- Themes -------------------------------------------------------------------------------

#[test]
fn a_theme_statement_typ_replaces_the_template() {
    let theme = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        theme.path().join("statement.typ"),
        "#let data = json(\"data.json\")\n#set document(title: data.title)\n#set text(lang: \"nl\")\n= #data.title\nEigen thema voor #data.organisation.\n",
    )
    .expect("write");
    let renderer = PdfRenderer::load(Some(theme.path())).expect("theme loads");
    let (statement, status) = statement_of(&load(REFERENCE));
    let rendered = renderer
        .pdf(&RenderContext::new(&statement, status))
        .unwrap_or_else(|e| panic!("{e}"));
    let text = pdf_text(&rendered.bytes);
    assert!(text.contains("Eigen thema voor Voorbeeldpraktijk De Linde."), "{text}");
    // A theme folder without statement.typ uses the built-in template.
    let empty = tempfile::tempdir().expect("tempdir");
    let default = PdfRenderer::load(Some(empty.path())).expect("loads");
    assert_eq!(default.template(), "default/statement.typ");
}

#[test]
fn a_theme_cannot_read_files_or_packages() {
    let (statement, status) = statement_of(&load(REFERENCE));
    for (source, expected) in [
        ("#read(\"/etc/passwd\")", "statement.typ:1"),
        ("#read(\"../Cargo.toml\")", "statement.typ:1"),
        ("#import \"@preview/cetz:0.3.0\"", "packages are not available"),
        ("#image(\"logo.png\")", "statement.typ:1"),
        ("#panic(\"stop\")", "stop"),
    ] {
        let theme = tempfile::tempdir().expect("tempdir");
        std::fs::write(theme.path().join("statement.typ"), source).expect("write");
        let renderer = PdfRenderer::load(Some(theme.path())).expect("parses");
        let err = renderer.pdf(&RenderContext::new(&statement, status)).expect_err(source);
        assert!(err.message.contains(expected), "{source}: {}", err.message);
        assert_eq!(err.slug.as_deref(), Some("voorbeeld-praktijk"));
    }
}

#[test]
fn a_broken_theme_template_stops_the_build_and_names_the_file() {
    let dir = project(&[REFERENCE]);
    build(dir.path(), &[]).success();
    let before = tree(&dir.path().join("site"));
    std::fs::create_dir_all(dir.path().join("kapot")).expect("folder");
    // A syntax error: found when the theme loads.
    std::fs::write(dir.path().join("kapot/statement.typ"), "#let x = (\n").expect("write");
    build(dir.path(), &["--theme", "kapot"])
        .code(2)
        .stderr(predicate::str::contains("statement.typ").and(predicate::str::contains("niets geschreven")));
    // An error while compiling: a render error, exit 2.
    std::fs::write(dir.path().join("kapot/statement.typ"), "#panic(\"kapot\")\n").expect("write");
    build(dir.path(), &["--theme", "kapot"])
        .code(2)
        .stderr(predicate::str::contains("kapot").and(predicate::str::contains("niets geschreven")));
    assert_eq!(tree(&dir.path().join("site")), before, "the previous site is untouched");
}
