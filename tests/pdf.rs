//! The PDF renderer and `verklaar build`'s PDFs: determinism, accessibility markers
//! (tagged, language, title), the "Download als PDF" link, `--only`, user themes, and text
//! that looks like typst or markup, which goes through JSON and is printed, never run.
//!
//! Text is extracted with poppler's `pdftotext` where it is installed; without it those
//! checks are skipped (the rest still runs).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use verklaar::diagnostics::SeverityLevel;
use verklaar::document::Statement;
use verklaar::i18n::Lang;
use verklaar::lint::{self, LintOptions};
use verklaar::model::load::{Loaded, load_bytes, load_file};
use verklaar::model::time::Date;
use verklaar::render::pdf::{Conformance, PDF_FILE, PdfRenderer};
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

/// The text of a PDF through `pdftotext`, or `None` where poppler is not installed.
fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).expect("write");
    // Poppler prints a harmless "Suspects object is wrong type" on tagged typst PDFs:
    // stderr is ignored, only the exit status counts.
    let out = Process::new("pdftotext")
        .args(["-enc", "UTF-8", "-nopgbrk"])
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    assert!(out.status.success(), "pdftotext failed on our PDF");
    Some(String::from_utf8(out.stdout).expect("utf-8"))
}

/// Text without white space and soft hyphens at line ends, for searching across lines.
fn squashed(text: &str) -> String {
    text.replace("-\n", "").chars().filter(|c| !c.is_whitespace()).collect()
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
    if let Some(text) = pdf_text(&pdf) {
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
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains("Concept — niet publiceren"), "draft banner");
    }
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
    if let Some(text) = pdf_text(&pdf) {
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
    assert_eq!(names, [".verklaar-site", "voorbeeld-praktijk/privacyverklaring.pdf"]);

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
    if let Some(text) = pdf_text(pdf) {
        assert!(squashed(&text).contains("#panic(\"boem\")"));
    }
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
    if let Some(text) = pdf_text(&rendered.bytes) {
        assert!(text.contains("Eigen thema voor Voorbeeldpraktijk De Linde."), "{text}");
    }
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
