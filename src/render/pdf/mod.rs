//! PDF through an embedded typst compiler: per organisation `privacyverklaring.pdf`.
//!
//! The theme's `statement.typ` (built in, or `--theme DIR/statement.typ`) is the only typst
//! source. The statement goes in as `data.json`, which the template reads with
//! `json("data.json")`: no text from an organisation file is ever spliced into typst source,
//! so `#panic()` or `#read("/etc/passwd")` in a YAML field is printed, not run. The world it
//! compiles in ([`world::StatementWorld`]) serves nothing else: no files, no packages, no
//! system fonts, no clock.
//!
//! Output is deterministic: the PDF's document id comes from the slug, and its timestamp and
//! typst's `datetime.today()` from the effective date (else `SOURCE_DATE_EPOCH`, else
//! 1970-01-01), so the same statement gives the same bytes in every process.

pub mod worker;
pub mod world;

use std::ops::Range;
use std::path::{Path, PathBuf};

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst::syntax::{DiagSpan, DiagSpanKind, FileId, Source};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use self::world::{DATA_PATH, MAIN_PATH, StatementWorld, file_id};
use super::html::ThemeError;
use super::html::theme::{not_a_file, read_text};
use super::{GENERATOR, Output, RenderContext, RenderError, Renderer};
use crate::calendar::Date;

/// The file this renderer writes in each organisation's folder.
pub const PDF_FILE: &str = "privacyverklaring.pdf";

/// The built-in template.
pub const DEFAULT_TEMPLATE: &str = include_str!("../../../themes/default/statement.typ");

/// The name of the template file in a theme folder.
pub const TEMPLATE_FILE: &str = "statement.typ";

/// How many rounds of typst's memo cache to keep between documents. typst caches every
/// layout; in a batch the cache grows without bound (253 MB after ~110 documents), so each
/// document evicts what the last few did not reuse.
const CACHE_ROUNDS: usize = 4;

/// Which standards a PDF claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conformance {
    /// PDF/UA-1 and PDF/A-2a (tagged, fonts embedded, metadata, language).
    UaAndA2a,
    /// Tagged PDF only: the document did not pass the PDF/UA-1 or PDF/A-2a checks (for
    /// example a character that none of the embedded fonts has, or a theme that breaks
    /// the heading order). The reason is kept for the build's message.
    TaggedOnly { reason: String },
}

/// One rendered PDF.
#[derive(Debug, Clone)]
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub conformance: Conformance,
}

/// The PDF renderer: the parsed theme template.
#[derive(Debug, Clone)]
pub struct PdfRenderer {
    main: Source,
    data_id: FileId,
    /// The template's name for messages: `default/statement.typ` or the theme file's path.
    template: String,
    /// Set for a user theme in a build: each document compiles in a child process with a
    /// time and memory budget ([`worker`]).
    isolation: Option<worker::Isolation>,
}

impl PdfRenderer {
    /// The built-in template.
    pub fn builtin() -> Result<PdfRenderer, ThemeError> {
        PdfRenderer::from_source(DEFAULT_TEMPLATE.to_string(), format!("default/{TEMPLATE_FILE}"))
    }

    /// The built-in template, or `DIR/statement.typ` when `--theme DIR` has one. A theme
    /// folder without it uses the built-in template.
    pub fn load(theme_dir: Option<&Path>) -> Result<PdfRenderer, ThemeError> {
        let Some(dir) = theme_dir else {
            return PdfRenderer::builtin();
        };
        let meta = std::fs::metadata(dir).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ThemeError::NotFound(dir.to_path_buf()),
            _ => ThemeError::Unreadable {
                path: dir.to_path_buf(),
                error: e.to_string(),
            },
        })?;
        if !meta.is_dir() {
            return Err(ThemeError::NotAFolder(dir.to_path_buf()));
        }
        let path = dir.join(TEMPLATE_FILE);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_file() => {
                let text = read_text(&path)?;
                PdfRenderer::from_source(text, path.display().to_string())
            }
            Ok(_) => Err(not_a_file(&path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => PdfRenderer::builtin(),
            Err(e) => Err(ThemeError::Unreadable {
                path,
                error: e.to_string(),
            }),
        }
    }

    /// A template from text; a syntax error is an error with its line. `template` names
    /// it in messages.
    pub fn from_source(text: String, template: String) -> Result<PdfRenderer, ThemeError> {
        let bad = |message: String| ThemeError::Template {
            path: PathBuf::from(&template),
            message,
        };
        let main = Source::new(file_id(MAIN_PATH).map_err(bad)?, text);
        let data_id = file_id(DATA_PATH).map_err(bad)?;
        let (errors, _) = main.root().errors_and_warnings();
        if let Some(first) = errors.first() {
            let at = span_range(&main, first.span)
                .map(|r| line_of(&main, r.start))
                .unwrap_or_default();
            return Err(bad(format!("{at}{}", first.message)));
        }
        Ok(PdfRenderer {
            main,
            data_id,
            template,
            isolation: None,
        })
    }

    /// Whether this is the built-in template (ours, tested) rather than a user theme's.
    pub fn is_builtin(&self) -> bool {
        self.template == format!("default/{TEMPLATE_FILE}")
    }

    /// Compile every document in a child process with the budgets of `isolation`.
    pub fn isolated(mut self, isolation: worker::Isolation) -> PdfRenderer {
        self.isolation = Some(isolation);
        self
    }

    /// The template's name for messages.
    pub fn template(&self) -> &str {
        &self.template
    }

    /// The PDF of one statement.
    pub fn pdf(&self, ctx: &RenderContext<'_>) -> Result<RenderedPdf, RenderError> {
        let slug = &ctx.statement.slug;
        let data = serde_json::to_vec(ctx.statement).map_err(|e| RenderError {
            template: self.template.clone(),
            slug: Some(slug.clone()),
            message: e.to_string(),
            overrun: None,
        })?;
        let date = document_date(ctx);
        match &self.isolation {
            Some(iso) => worker::compile_isolated(iso, self, slug, data, date),
            None => self.compile_data(slug, data, date),
        }
    }

    /// The PDF of a statement given as its `data.json` bytes, in this process.
    fn compile_data(&self, slug: &str, data: Vec<u8>, date: Date) -> Result<RenderedPdf, RenderError> {
        let fail = |message: String| RenderError {
            template: self.template.clone(),
            slug: Some(slug.to_string()),
            message,
            overrun: None,
        };
        let today = Datetime::from_ymd(i32::from(date.year), date.month, date.day);
        let world = StatementWorld::new(self.main.clone(), self.data_id, data, today);

        // typst reports problems as values; a panic inside it (a bug in typst, or an odd
        // user template) becomes an error too instead of ending the whole build.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| compile(&world, slug, date)));
        typst::comemo::evict(CACHE_ROUNDS);
        match result {
            Ok(Ok(rendered)) => Ok(rendered),
            Ok(Err(diagnostics)) => Err(fail(describe(&world, &diagnostics))),
            Err(_) => Err(fail("the typst compiler panicked".into())),
        }
    }
}

impl PdfRenderer {
    /// The PDFs of many statements, in order, at most one per core at a time.
    ///
    /// Not a rayon `par_iter`: typst runs parts of every compilation on rayon itself, and a
    /// rayon worker that waits for those parts steals other organisations meanwhile. On two
    /// cores that put 56 of 60 documents in flight at once (830 MB). Plain threads that each
    /// compile one document after another keep it to one document per thread, while typst
    /// still uses the rayon pool inside each compilation.
    pub fn pdf_all(&self, contexts: &[RenderContext<'_>]) -> Vec<Result<RenderedPdf, RenderError>> {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(contexts.len())
            .max(1);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut results: Vec<(usize, Result<RenderedPdf, RenderError>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(ctx) = contexts.get(i) else { break };
                            done.push((i, self.pdf(ctx)));
                        }
                        done
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
        });
        let mut slots: Vec<Option<Result<RenderedPdf, RenderError>>> = contexts.iter().map(|_| None).collect();
        for (i, result) in results.drain(..) {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(result);
            }
        }
        // A worker that died (it cannot: `pdf` catches panics) would leave a gap.
        slots
            .into_iter()
            .zip(contexts)
            .map(|(slot, ctx)| {
                slot.unwrap_or_else(|| {
                    Err(RenderError {
                        template: self.template.clone(),
                        slug: Some(ctx.statement.slug.clone()),
                        message: "a PDF worker thread stopped".into(),
                        overrun: None,
                    })
                })
            })
            .collect()
    }
}

impl Renderer for PdfRenderer {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<Output>, RenderError> {
        Ok(vec![Output::new(PDF_FILE, self.pdf(ctx)?.bytes)])
    }
}

/// The byte range of a syntax error in the template.
fn span_range(source: &Source, span: DiagSpan) -> Option<Range<usize>> {
    match span.get() {
        DiagSpanKind::Number { num, sub_range, .. } => source.range(num, sub_range),
        DiagSpanKind::Range { range, .. } => Some(range),
        DiagSpanKind::Detached => None,
    }
}

/// The date of the document: the effective date, else `SOURCE_DATE_EPOCH`, else 1970-01-01.
fn document_date(ctx: &RenderContext<'_>) -> Date {
    ctx.statement
        .effective_date
        .as_deref()
        .and_then(Date::parse)
        .or(ctx.build_date.map(crate::render::BuildDate::date))
        .unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
}

/// Compile and export. PDF/UA-1 + PDF/A-2a when the document passes their checks; the
/// default theme always does for the statements verklaar builds. A document that does not
/// (a glyph none of the embedded fonts has, a user theme that skips a heading level) is
/// exported again as a tagged PDF without the claims, rather than not at all.
fn compile(world: &StatementWorld, slug: &str, date: Date) -> Result<RenderedPdf, Vec<SourceDiagnostic>> {
    let warned = typst::compile::<PagedDocument>(world);
    let document = warned.output.map_err(|errors| errors.to_vec())?;
    let timestamp = Datetime::from_ymd_hms(i32::from(date.year), date.month, date.day, 0, 0, 0).map(Timestamp::new_utc);
    let standards = PdfStandards::new(&[PdfStandard::Ua_1, PdfStandard::A_2a]).map_err(|e| {
        vec![SourceDiagnostic::error(
            typst::syntax::Span::detached(),
            format!("PDF standards: {}", e.message()),
        )]
    })?;
    let strict = PdfOptions {
        ident: Smart::Custom(format!("verklaar/{slug}")),
        creator: Smart::Custom(Some(GENERATOR.to_string())),
        timestamp,
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    match typst_pdf::pdf(&document, &strict) {
        Ok(bytes) => Ok(RenderedPdf {
            bytes,
            conformance: Conformance::UaAndA2a,
        }),
        Err(errors) => {
            let reason = describe(world, &errors);
            let relaxed = PdfOptions {
                standards: PdfStandards::default(),
                ..strict
            };
            let bytes = typst_pdf::pdf(&document, &relaxed).map_err(|e| e.to_vec())?;
            Ok(RenderedPdf {
                bytes,
                conformance: Conformance::TaggedOnly { reason },
            })
        }
    }
}

/// typst's errors as text: message, the template line it points at, and hints.
fn describe(world: &StatementWorld, diagnostics: &[SourceDiagnostic]) -> String {
    let main = world.main_source();
    let mut out = Vec::new();
    for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        let mut text = String::new();
        if d.span.id() == Some(main.id())
            && let Some(range) = world.range(d.span)
        {
            text.push_str(&line_of(main, range.start));
        } else if d.span.id().is_some() {
            text.push_str(&format!("{DATA_PATH}: "));
        }
        text.push_str(&d.message);
        for hint in &d.hints {
            text.push_str(&format!(" (hint: {})", hint.v));
        }
        if !out.contains(&text) {
            out.push(text);
        }
    }
    const SHOWN: usize = 5;
    match out.len() {
        0 => "typst failed without a message".into(),
        n if n > SHOWN => format!("{}; … ({} more)", out[..SHOWN].join("; "), n - SHOWN),
        _ => out.join("; "),
    }
}

/// `statement.typ:12: \`the line\`: ` for a byte offset in the template.
fn line_of(source: &Source, offset: usize) -> String {
    let lines = source.lines();
    match lines.byte_to_line(offset) {
        Some(line) => {
            let text = lines
                .line_to_range(line)
                .and_then(|r| source.text().get(r))
                .unwrap_or_default()
                .trim();
            let short: String = text.chars().take(120).collect();
            format!("{MAIN_PATH}:{}: `{short}`: ", line + 1)
        }
        None => String::new(),
    }
}
