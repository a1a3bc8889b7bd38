//! `verklaar build`: lint every organisation, turn it into a statement, render it, and
//! write the whole site at once.
//!
//! Check and load first, write last: the theme, every file, every lint run and every page
//! are done in memory before the first byte is written, and the write itself replaces the
//! output folder in one step (see [`crate::site::write`]). Exit codes: 0 written; 1 written
//! under `--strict` with at least one organisation skipped; 2 input, theme, render or write
//! error, with the previous site left as it was.
//!
//! Per organisation the build writes the HTML page and fragment and the PDF
//! (`privacyverklaring.pdf`, linked from the page); `--only html` or `--only pdf` writes one
//! kind. The site index and stylesheet come with the HTML.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::ExitStatus;
use super::args::{Args, BuildArgs, OutputKind};
use super::lint::load_all;
use super::output::{self, Summary};
use crate::diagnostics::SeverityLevel;
use crate::document::Statement;
use crate::i18n::Lang;
use crate::lint::{self, Finding, LintOptions};
use crate::model::load::Loaded;
use crate::model::time::Date;
use crate::render::html::HtmlRenderer;
use crate::render::pdf::{Conformance, PDF_FILE, PdfRenderer};
use crate::render::{
    EntryStatus, IndexEntry, LintStatus, Output, RenderContext, RenderError, Renderer, SiteContext, source_date,
};
use crate::site::Site;

pub fn run(cmd: &BuildArgs, args: &Args) -> std::io::Result<ExitStatus> {
    let lang = args.lang;

    // 1. The theme: a broken one stops the build before any organisation is read. The
    //    HTML templates are checked even under `--only pdf`, so a theme is either usable
    //    or reported, whatever is built.
    let html = match HtmlRenderer::load(cmd.theme.as_deref()) {
        Ok(renderer) => renderer,
        Err(e) => {
            eprintln!("verklaar: {}", e.message(lang));
            eprintln!("{}", nothing_written(lang));
            return Ok(ExitStatus::Error);
        }
    };
    let pdf = match PdfRenderer::load(cmd.theme.as_deref()) {
        Ok(renderer) => renderer,
        Err(e) => {
            eprintln!("verklaar: {}", e.message(lang));
            eprintln!("{}", nothing_written(lang));
            return Ok(ExitStatus::Error);
        }
    };
    let renderers = Renderers {
        html: (cmd.only != Some(OutputKind::Pdf)).then_some(&html),
        pdf: (cmd.only != Some(OutputKind::Html)).then_some(&pdf),
    };

    // 2. Every organisation file; one that does not load stops the build.
    let (loaded, records, files) = match load_all(&cmd.paths, args) {
        Ok(v) => v,
        Err(status) => return Ok(status),
    };
    if !records.is_empty() {
        let text = output::format(
            &records,
            Summary::of(&records, files),
            super::LintFormat::Human,
            output::use_color(args.color),
            lang,
        );
        eprint!("{text}");
        eprintln!("{}", nothing_written(lang));
        return Ok(ExitStatus::Error);
    }

    // 3. Lint, build and render each organisation, in parallel.
    let options = LintOptions::new(lang);
    let build_date = source_date();
    let progress = progress_bar(loaded.len() as u64);
    let results: Vec<Result<Built, RenderError>> = loaded
        .par_iter()
        .map(|l| {
            let built = build_one(l, &options, &renderers, cmd.strict, build_date);
            progress.inc(1);
            built
        })
        .collect();
    progress.finish_and_clear();

    // 4. Assemble the site in memory.
    let mut built = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(b) => built.push(b),
            Err(e) => {
                eprintln!("verklaar: {}", render_error_message(&e, lang));
                eprintln!("{}", nothing_written(lang));
                return Ok(ExitStatus::Error);
            }
        }
    }
    // 4b. The PDFs, a few at a time (typst is parallel inside, see `pdf_all`).
    if let Some(pdf) = renderers.pdf {
        let contexts: Vec<RenderContext<'_>> = built
            .iter()
            .filter_map(|b| b.for_pdf.as_ref())
            .map(|(statement, status)| RenderContext::new(statement, *status).with_build_date(build_date))
            .collect();
        let rendered = pdf.pdf_all(&contexts);
        drop(contexts);
        let mut rendered = rendered.into_iter();
        for b in built.iter_mut().filter(|b| b.for_pdf.is_some()) {
            match rendered.next() {
                Some(Ok(r)) => {
                    if let Conformance::TaggedOnly { reason } = r.conformance {
                        b.pdf_note = Some(reason);
                    }
                    b.outputs
                        .get_or_insert_with(Vec::new)
                        .push(Output::new(PDF_FILE, r.bytes));
                }
                Some(Err(e)) => {
                    eprintln!("verklaar: {}", render_error_message(&e, lang));
                    eprintln!("{}", nothing_written(lang));
                    return Ok(ExitStatus::Error);
                }
                None => {}
            }
            b.for_pdf = None;
        }
    }
    if let Some(message) = duplicate_slugs(&built, lang) {
        eprintln!("verklaar: {message}");
        eprintln!("{}", nothing_written(lang));
        return Ok(ExitStatus::Error);
    }
    built.sort_by(|a, b| a.entry.slug.cmp(&b.entry.slug));
    let mut site = Site::new();
    let mut entries = Vec::with_capacity(built.len());
    for b in built.iter_mut() {
        if let Some(outputs) = b.outputs.take()
            && let Err(e) = site.add_organisation(&b.entry.slug, outputs)
        {
            eprintln!("verklaar: {}: {}", b.file.display(), e.message(lang));
            eprintln!("{}", nothing_written(lang));
            return Ok(ExitStatus::Error);
        }
        entries.push(b.entry.clone());
    }
    // The index and the stylesheet belong to the HTML; `--only pdf` writes the PDFs alone.
    let site_context = SiteContext::new(&entries).with_build_date(build_date);
    let root = match renderers.html.map(|html| html.render_site(&site_context)).transpose() {
        Ok(root) => root.unwrap_or_default(),
        Err(e) => {
            eprintln!("verklaar: {}", render_error_message(&e, lang));
            eprintln!("{}", nothing_written(lang));
            return Ok(ExitStatus::Error);
        }
    };
    if let Err(e) = site.add_root(root) {
        eprintln!("verklaar: {}", e.message(lang));
        eprintln!("{}", nothing_written(lang));
        return Ok(ExitStatus::Error);
    }

    // 5. Write everything at once.
    let report = match site.write(&cmd.out) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("verklaar: {}", e.message(lang));
            eprintln!(
                "{}",
                lang.pick(
                    "verklaar: er is niets geschreven; de vorige site staat er nog zoals hij was.",
                    "verklaar: nothing was written; the previous site is as it was.",
                )
            );
            return Ok(ExitStatus::Error);
        }
    };
    if let Some(leftover) = &report.leftover {
        eprintln!(
            "{}",
            lang.pick(
                format!(
                    "verklaar: de vorige site staat nog in '{}'; verwijder die map zelf.",
                    leftover.display()
                ),
                format!(
                    "verklaar: the previous site is still in '{}'; remove that folder yourself.",
                    leftover.display()
                ),
            )
        );
    }

    // 6. Tell what happened.
    for b in &built {
        if let Some(line) = status_line(b, lang) {
            eprintln!("{line}");
        }
        if let Some(reason) = &b.pdf_note {
            eprintln!(
                "{}",
                lang.pick(
                    format!(
                        "let op: {}: de PDF is getagd maar voldoet niet aan PDF/UA-1 en PDF/A-2a: {reason}",
                        b.file.display()
                    ),
                    format!(
                        "note: {}: the PDF is tagged but does not meet PDF/UA-1 and PDF/A-2a: {reason}",
                        b.file.display()
                    ),
                )
            );
        }
    }
    eprintln!("{}", summary_line(&entries, &cmd.out, lang));
    let skipped = entries.iter().any(|e| e.status == EntryStatus::Skipped);
    Ok(if skipped {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// The renderers this build runs (`--only` leaves one out).
struct Renderers<'a> {
    html: Option<&'a HtmlRenderer>,
    pdf: Option<&'a PdfRenderer>,
}

/// One organisation after lint, document and render.
struct Built {
    file: PathBuf,
    entry: IndexEntry,
    /// `None` when skipped under `--strict`.
    outputs: Option<Vec<Output>>,
    /// Why the PDF claims no PDF/UA-1 and PDF/A-2a, when it does not.
    pdf_note: Option<String>,
    /// The statement, kept for the PDF (rendered after the parallel pass, see
    /// [`PdfRenderer::pdf_all`]); `None` when skipped or when no PDF is built.
    for_pdf: Option<(Statement, LintStatus)>,
}

fn build_one(
    loaded: &Loaded,
    options: &LintOptions,
    renderers: &Renderers<'_>,
    strict: bool,
    build_date: Option<Date>,
) -> Result<Built, RenderError> {
    let findings = lint::check(loaded, options);
    let status = lint_status(&findings);
    let statement = crate::document::build(loaded, &findings);
    let skip = strict && status.errors > 0;
    let entry = IndexEntry::new(&statement, status, skip);
    let outputs = if skip {
        None
    } else {
        let ctx = RenderContext::new(&statement, status)
            .with_build_date(build_date)
            .with_pdf_href(renderers.pdf.map(|_| PDF_FILE.to_string()));
        let mut outputs = Vec::new();
        if let Some(html) = renderers.html {
            outputs.extend(html.render(&ctx)?);
        }
        Some(outputs)
    };
    let for_pdf = (!skip && renderers.pdf.is_some()).then_some((statement, status));
    Ok(Built {
        file: loaded.file.path.clone(),
        entry,
        outputs,
        pdf_note: None,
        for_pdf,
    })
}

/// Unsuppressed errors and warnings.
pub fn lint_status(findings: &[Finding]) -> LintStatus {
    let count = |level| {
        findings
            .iter()
            .filter(|f| f.severity == level && f.suppressed.is_none())
            .count()
    };
    LintStatus {
        errors: count(SeverityLevel::Error),
        warnings: count(SeverityLevel::Warning),
    }
}

fn duplicate_slugs(built: &[Built], lang: Lang) -> Option<String> {
    let mut seen: BTreeMap<&str, &PathBuf> = BTreeMap::new();
    for b in built {
        if let Some(first) = seen.insert(&b.entry.slug, &b.file) {
            return Some(lang.pick(
                format!(
                    "'{}' en '{}' krijgen allebei de map '{}' in de site; geef een van beide bestanden een andere naam.",
                    first.display(),
                    b.file.display(),
                    b.entry.slug
                ),
                format!(
                    "'{}' and '{}' would both be written to the folder '{}'; rename one of the files.",
                    first.display(),
                    b.file.display(),
                    b.entry.slug
                ),
            ));
        }
    }
    None
}

fn render_error_message(e: &RenderError, lang: Lang) -> String {
    let mut message = match lang {
        Lang::En => e.to_string(),
        Lang::Nl => format!(
            "sjabloon '{}' gaf een fout{}: {}",
            e.template,
            e.slug.as_ref().map(|s| format!(" bij '{s}'")).unwrap_or_default(),
            e.message
        ),
    };
    // The built-in theme failing is verklaar's fault, never the organisation file's: text
    // from the file is data for the templates, not template source.
    if e.template.starts_with(crate::render::html::theme::DEFAULT_PREFIX) {
        message.push_str(lang.pick(
            " (interne fout in verklaar: meld dit alstublieft)",
            " (internal error in verklaar: please report it)",
        ));
    }
    message
}

fn nothing_written(lang: Lang) -> &'static str {
    lang.pick("verklaar: er is niets geschreven.", "verklaar: nothing was written.")
}

fn counts(entry: &IndexEntry, lang: Lang) -> String {
    lang.pick(
        format!("{} fout(en), {} waarschuwing(en)", entry.errors, entry.warnings),
        format!("{} error(s), {} warning(s)", entry.errors, entry.warnings),
    )
}

fn status_line(b: &Built, lang: Lang) -> Option<String> {
    let file = b.file.display();
    match b.entry.status {
        EntryStatus::Ready => None,
        EntryStatus::Draft => Some(lang.pick(
            format!(
                "concept: {file} ({}): gemarkeerd als 'Concept — niet publiceren'",
                counts(&b.entry, lang)
            ),
            format!(
                "draft: {file} ({}): marked 'Concept — niet publiceren'",
                counts(&b.entry, lang)
            ),
        )),
        EntryStatus::Skipped => Some(lang.pick(
            format!(
                "overgeslagen: {file} ({}): niet geschreven (--strict)",
                counts(&b.entry, lang)
            ),
            format!("skipped: {file} ({}): not written (--strict)", counts(&b.entry, lang)),
        )),
    }
}

fn summary_line(entries: &[IndexEntry], out: &std::path::Path, lang: Lang) -> String {
    let n = |s: EntryStatus| entries.iter().filter(|e| e.status == s).count();
    let (ready, draft, skipped) = (n(EntryStatus::Ready), n(EntryStatus::Draft), n(EntryStatus::Skipped));
    let written = ready + draft;
    let mut line = lang.pick(
        format!(
            "verklaar: {written} privacyverklaring(en) geschreven naar '{}': {ready} klaar om te publiceren, {draft} concept",
            out.display()
        ),
        format!(
            "verklaar: {written} privacy statement(s) written to '{}': {ready} ready to publish, {draft} draft",
            out.display()
        ),
    );
    if skipped > 0 {
        line.push_str(&lang.pick(
            format!(", {skipped} overgeslagen wegens fouten"),
            format!(", {skipped} skipped because of errors"),
        ));
    }
    line.push('.');
    if draft + skipped > 0 {
        line.push_str(lang.pick(
            " De fouten staan in `verklaar lint`.",
            " `verklaar lint` shows the errors.",
        ));
    }
    line
}

/// A progress bar on a terminal; hidden otherwise (CI logs, pipes).
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} organisaties") {
        bar.set_style(style);
    }
    bar
}
