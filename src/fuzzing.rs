//! The properties the fuzz targets in `fuzz/` check, shared with the regression test that
//! replays every input a fuzzer ever kept (`tests/fuzz_regressions.rs`), so a crash found once
//! stays a test on stable Rust.
//!
//! Each function panics when a property fails; that is what a fuzzer reports.
//!
//! * [`load`]: any bytes load or fail with diagnostics that point inside the file.
//! * [`lint`] and [`render`]: structure-aware. The input is a list of edits applied to a
//!   valid organisation (the reference file), so most inputs get past the schema and reach the
//!   linter, the document builder and the renderers with hostile values in real places.
//! * [`markdown`]: any text through the markdown subset into HTML.
//! * [`pdf`]: like [`render`], through typst; slow, so run for fewer executions.

use std::sync::OnceLock;

use serde_json::Value;

use crate::document::markdown;
use crate::i18n::Lang;
use crate::lint::{self, LintOptions};
use crate::model::load::{Loaded, load_bytes};
use crate::model::time::Date;
use crate::render::html::HtmlRenderer;
use crate::render::pdf::PdfRenderer;
use crate::render::{LintStatus, RenderContext};

/// The valid organisation the structure-aware targets mutate.
const BASE: &str = include_str!("../organisations/voorbeeld-praktijk.yaml");

/// At most this many edits per input: enough to combine several hostile values.
const MAX_EDITS: usize = 8;

/// Any bytes: loading never panics, and every diagnostic points inside the text.
pub fn load(data: &[u8]) {
    if let Err(failure) = load_bytes("fuzz.yaml", data) {
        assert!(!failure.diagnostics.is_empty(), "a failed load says why");
        let len = failure.file.text.len();
        for d in &failure.diagnostics {
            let rendered = d.render(&failure.file, Lang::Nl);
            for (range, _) in &rendered.labels {
                assert!(
                    range.start <= range.end && range.end <= len,
                    "label {range:?} outside 0..{len}"
                );
            }
            let _ = rendered.line_col();
        }
    }
}

/// Any text through the markdown subset into HTML: no panic, and no raw `<` from the input.
pub fn markdown(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let blocks = markdown::to_blocks(&text);
    let html = crate::render::html::markup::blocks_to_html(&blocks);
    assert!(!html.contains("<script"), "markdown let a script element through");
    let inline = markdown::to_inline(&text);
    let _ = crate::render::html::markup::inlines_to_html(&inline);
}

/// A mutated organisation through lint in both languages: no panic, spans inside the file.
pub fn lint(data: &[u8]) {
    let Some(loaded) = mutated(data) else { return };
    for lang in [Lang::Nl, Lang::En] {
        for finding in lint::check(&loaded, &options(lang)) {
            assert!(
                finding.span.end <= loaded.file.text.len() && finding.span.start <= finding.span.end,
                "{} span {:?} outside the file",
                finding.rule.code,
                finding.span
            );
            let _ = finding.render(&loaded.file, lang);
        }
    }
}

/// A mutated organisation that loads must also build and render to HTML: nothing that gets
/// past the loader may fail in the renderer.
pub fn render(data: &[u8]) {
    let Some(loaded) = mutated(data) else { return };
    let (statement, status) = statement(&loaded);
    let renderer = html_renderer();
    if let Err(e) = renderer.render_statement(&RenderContext::new(&statement, status)) {
        panic!("HTML render failed: {e:?}");
    }
    if let Err(e) = serde_json::to_string(&statement) {
        panic!("data.json failed: {e}");
    }
}

/// As [`render`], through the PDF renderer.
pub fn pdf(data: &[u8]) {
    let Some(loaded) = mutated(data) else { return };
    let (statement, status) = statement(&loaded);
    let renderer = pdf_renderer();
    if let Err(e) = renderer.pdf(&RenderContext::new(&statement, status)) {
        panic!("PDF render failed: {e:?}");
    }
}

fn options(lang: Lang) -> LintOptions {
    let mut options = LintOptions::new(lang);
    // A fixed date keeps runs reproducible (expiry of suppressions).
    options.today = Date::parse("2026-01-01").unwrap_or(options.today);
    options
}

fn statement(loaded: &Loaded) -> (crate::document::Statement, LintStatus) {
    let findings = lint::check(loaded, &options(Lang::Nl));
    let count = |level| findings.iter().filter(|f| f.severity == level).count();
    let status = LintStatus {
        errors: count(crate::diagnostics::SeverityLevel::Error),
        warnings: count(crate::diagnostics::SeverityLevel::Warning),
    };
    (crate::document::build(loaded, &findings), status)
}

fn html_renderer() -> &'static HtmlRenderer {
    static RENDERER: OnceLock<HtmlRenderer> = OnceLock::new();
    // The built-in theme is part of the binary; the render tests prove that it loads.
    RENDERER.get_or_init(|| HtmlRenderer::load(None).expect("built-in theme"))
}

fn pdf_renderer() -> &'static PdfRenderer {
    static RENDERER: OnceLock<PdfRenderer> = OnceLock::new();
    // As above: the built-in typst theme is compiled into the binary and tested.
    RENDERER.get_or_init(|| PdfRenderer::builtin().expect("built-in PDF theme"))
}

/// The reference organisation as a JSON value (JSON is YAML 1.2, so it loads as it is).
fn base() -> &'static Value {
    static BASE_VALUE: OnceLock<Value> = OnceLock::new();
    BASE_VALUE.get_or_init(|| {
        // The reference file is valid YAML (tests/organisations.rs loads it).
        let file = crate::source::SourceFile::new("base.yaml", BASE);
        let root = crate::source::tree::parse(&file).expect("the reference file parses");
        crate::source::map::to_json(&root).0
    })
}

/// Whether the edits in `data` leave a file that loads: the regression test checks that the
/// structure-aware targets reach the linter for most inputs instead of stopping at the schema.
pub fn reaches_lint(data: &[u8]) -> bool {
    mutated(data).is_some()
}

/// Applies the edits in `data` to the reference organisation and loads the result. `None`
/// when the loader refuses it (that path is [`load`]'s to test).
fn mutated(data: &[u8]) -> Option<Loaded> {
    let mut value = base().clone();
    let mut input = Input(data);
    for _ in 0..MAX_EDITS {
        let Some(edit) = input.edit() else { break };
        apply(&mut value, edit);
    }
    let text = serde_json::to_string_pretty(&value).ok()?;
    load_bytes("fuzz.yaml", text.as_bytes()).ok()
}

/// What one edit does at the chosen place.
enum Edit {
    /// Replace a value with a string (the common case: hostile text in a real field).
    Text(usize, String),
    /// Replace a value with another kind of value.
    Scalar(usize, Value),
    /// Remove a key or list item.
    Remove(usize),
    /// Repeat a list item (duplicate ids, many purposes).
    Repeat(usize, u8),
}

/// A byte reader that turns fuzz input into edits.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn u16(&mut self) -> Option<usize> {
        Some(usize::from(self.byte()?) << 8 | usize::from(self.byte()?))
    }

    fn text(&mut self) -> String {
        let len = usize::from(self.byte().unwrap_or(0)) * 4;
        let take = len.min(self.0.len());
        let (text, rest) = self.0.split_at(take);
        self.0 = rest;
        String::from_utf8_lossy(text).into_owned()
    }

    fn edit(&mut self) -> Option<Edit> {
        let kind = self.byte()?;
        let at = self.u16()?;
        Some(match kind % 8 {
            0..=3 => Edit::Text(at, self.text()),
            4 => Edit::Scalar(
                at,
                match self.byte().unwrap_or(0) % 5 {
                    0 => Value::Null,
                    1 => Value::Bool(true),
                    2 => Value::Bool(false),
                    3 => Value::from(i64::from(self.byte().unwrap_or(0)) - 1),
                    _ => Value::Array(Vec::new()),
                },
            ),
            5 => Edit::Remove(at),
            _ => Edit::Repeat(at, self.byte().unwrap_or(1)),
        })
    }
}

fn apply(root: &mut Value, edit: Edit) {
    let mut places = Vec::new();
    collect(root, String::new(), &mut places);
    // Text goes where the file has prose (a space in the value): ids, enum values and dates
    // would only exercise the schema check, which `load` covers.
    let prose: Vec<String> = places
        .iter()
        .filter(|p| root.pointer(p).and_then(Value::as_str).is_some_and(|s| s.contains(' ')))
        .cloned()
        .collect();
    if places.is_empty() || prose.is_empty() {
        return;
    }
    let pick = |i: usize| places[i % places.len()].clone();
    match edit {
        Edit::Text(i, text) => set(root, &prose[i % prose.len()], Value::String(text)),
        Edit::Scalar(i, value) => set(root, &pick(i), value),
        Edit::Remove(i) => remove(root, &pick(i)),
        Edit::Repeat(i, times) => repeat(root, &pick(i), usize::from(times % 64)),
    }
}

/// Every JSON pointer in the value, containers and leaves.
fn collect(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                collect(v, format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect(v, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    if !here.is_empty() {
        out.push(here);
    }
}

fn set(root: &mut Value, pointer: &str, value: Value) {
    if let Some(slot) = root.pointer_mut(pointer) {
        *slot = value;
    }
}

fn split(pointer: &str) -> Option<(&str, String)> {
    let (parent, last) = pointer.rsplit_once('/')?;
    Some((parent, last.replace("~1", "/").replace("~0", "~")))
}

fn remove(root: &mut Value, pointer: &str) {
    let Some((parent, key)) = split(pointer) else { return };
    match root.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(&key);
        }
        Some(Value::Array(items)) => {
            if let Ok(i) = key.parse::<usize>()
                && i < items.len()
            {
                items.remove(i);
            }
        }
        _ => {}
    }
}

fn repeat(root: &mut Value, pointer: &str, times: usize) {
    let Some((parent, key)) = split(pointer) else { return };
    if let Some(Value::Array(items)) = root.pointer_mut(parent)
        && let Ok(i) = key.parse::<usize>()
        && let Some(item) = items.get(i).cloned()
    {
        items.extend(std::iter::repeat_n(item, times));
    }
}
