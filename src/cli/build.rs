//! `verklaar build`: lint every organisation, turn it into a statement, render it, and
//! write the whole site at once.
//!
//! Check and load first, write last: the theme, every file, every lint run and every page
//! are done in memory before the first byte is written, and the write itself replaces the
//! output folder in one step (see [`crate::site::write`]).
//!
//! One organisation never takes the others down: a file that does not load, or whose
//! statement cannot be rendered, is reported, gets no page, and is listed in the site index
//! as failed; every other organisation is built. Exit codes: 0 every organisation written;
//! 1 something wrong in the files (one failed, or one skipped under `--strict`), the rest
//! written; 2 verklaar could not do its job (a broken user theme, an output folder that
//! cannot be written or is in use by another build), with the previous site left as it was.
//!
//! Per organisation the build writes the HTML page and fragment and the PDF
//! (`privacyverklaring.pdf`, linked from the page); `--only html` or `--only pdf` writes one
//! kind. The site index and stylesheet come with the HTML.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::ExitStatus;
use super::args::{Args, BuildArgs, OutputKind};
use super::lint::load_all;
use super::output::{self, Record, Summary};
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
use crate::site::{OutLock, Site};

pub fn run(cmd: &BuildArgs, args: &Args) -> std::io::Result<ExitStatus> {
    let lang = args.lang;

    // 0. The output folder's lock, before any work: a second build into the same folder
    //    stops at once instead of rendering everything and then failing.
    let lock = match OutLock::acquire(&cmd.out) {
        Ok(lock) => lock,
        Err(e) => {
            eprintln!("verklaar: {}", e.message(lang));
            eprintln!("{}", nothing_written(lang));
            return Ok(ExitStatus::Error);
        }
    };

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
        // A user theme's template is code: it runs in a child process with a budget.
        Ok(renderer) if !renderer.is_builtin() => match crate::render::pdf::worker::Isolation::current() {
            Some(iso) => renderer.isolated(iso),
            None => renderer,
        },
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

    // 2. Every organisation file. One that does not load is reported here and becomes a
    //    failed entry in the index; the others go on.
    let (loaded, records, files) = match load_all(&cmd.paths, args) {
        Ok(v) => v,
        Err(status) => return Ok(status),
    };
    // Skipped files (info) are listed too: nothing in the folder is passed over in silence.
    if !records.is_empty() {
        let text = output::format(
            &records,
            Summary::of(&records, files),
            super::LintFormat::Human,
            output::use_color(args.color),
            lang,
        );
        eprint!("{text}");
    }
    let mut built = load_failures(&records, lang);

    // 3. Lint, build and render each organisation, in parallel. A panic while doing so is a
    //    bug in verklaar, but it costs that one organisation, not the site.
    let options = LintOptions::new(lang);
    let build_date = source_date();
    let pdfs = if renderers.pdf.is_some() { loaded.len() } else { 0 };
    let progress = Progress::start((loaded.len() + pdfs) as u64, lang);
    let results: Vec<Result<Built, RenderError>> = loaded
        .par_iter()
        .map(|l| {
            let built = std::panic::catch_unwind(AssertUnwindSafe(|| {
                build_one(l, &options, &renderers, cmd.strict, build_date, lang)
            }))
            .unwrap_or_else(|_| Ok(Built::failed(&l.file.path, 0, Failure::Internal, internal_error(lang))));
            progress.inc(1);
            built
        })
        .collect();
    let results = match results.into_iter().collect::<Result<Vec<Built>, RenderError>>() {
        Ok(results) => results,
        Err(e) => {
            progress.finish();
            return Ok(theme_failed(&e, lang));
        }
    };

    // 4. The PDFs, a few at a time (typst is parallel inside, see `pdf_all`); in chunks so
    //    the progress bar moves while they are made.
    if let Some(pdf) = renderers.pdf {
        let chunk = std::thread::available_parallelism().map_or(1, usize::from) * 2;
        let mut results = results;
        let wanting: Vec<usize> = (0..results.len()).filter(|&i| results[i].for_pdf.is_some()).collect();
        for indices in wanting.chunks(chunk) {
            let contexts: Vec<RenderContext<'_>> = indices
                .iter()
                .filter_map(|&i| results[i].for_pdf.as_ref())
                .map(|(statement, status)| RenderContext::new(statement, *status).with_build_date(build_date))
                .collect();
            let rendered = std::panic::catch_unwind(AssertUnwindSafe(|| pdf.pdf_all(&contexts))).unwrap_or_default();
            drop(contexts);
            let mut rendered = rendered.into_iter();
            for &i in indices {
                let b = &mut results[i];
                match rendered.next() {
                    Some(Ok(r)) => {
                        if let Conformance::TaggedOnly { reason } = r.conformance {
                            b.pdf_note = Some(reason);
                        }
                        if let Some(outputs) = b.outputs.as_mut() {
                            outputs.push(Output::new(PDF_FILE, r.bytes));
                        }
                    }
                    Some(Err(e)) if is_theme_error(&e) => {
                        progress.finish();
                        return Ok(theme_failed(&e, lang));
                    }
                    Some(Err(e)) => b.fail(Failure::Render, render_error_message(&e, lang)),
                    None => b.fail(Failure::Internal, internal_error(lang)),
                }
                b.for_pdf = None;
                progress.inc(1);
            }
        }
        built.extend(results);
    } else {
        built.extend(results);
    }
    progress.finish();
    mark_duplicate_slugs(&mut built, lang);
    built.sort_by(|a, b| a.entry.slug.cmp(&b.entry.slug).then_with(|| a.file.cmp(&b.file)));

    // 5. Assemble the site in memory. An organisation whose files cannot be placed (a name
    //    that cannot be a path) fails alone.
    let mut site = Site::new();
    for b in built.iter_mut() {
        if let Some(outputs) = b.outputs.take()
            && let Err(e) = site.add_organisation(&b.entry.slug, outputs)
        {
            b.fail(Failure::Render, e.message(lang));
        }
    }
    let entries: Vec<IndexEntry> = built.iter().map(|b| b.entry.clone()).collect();
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

    // 6. Write everything at once.
    let existed = std::fs::symlink_metadata(&cmd.out).is_ok();
    let report = match site.write_locked(&lock) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("verklaar: {}", e.message(lang));
            eprintln!(
                "{}",
                if existed {
                    lang.pick(
                        "verklaar: er is niets geschreven; de vorige site staat er nog zoals hij was.",
                        "verklaar: nothing was written; the previous site is as it was.",
                    )
                } else {
                    nothing_written(lang)
                }
            );
            return Ok(ExitStatus::Error);
        }
    };
    drop(lock);
    for line in report.notes(lang) {
        eprintln!("verklaar: {line}");
    }

    // 7. Tell what happened.
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
    let incomplete = entries
        .iter()
        .any(|e| matches!(e.status, EntryStatus::Skipped | EntryStatus::Failed));
    // An unreadable file (L016) means the tool could not do its job (2); anything else wrong
    // in the files is 1, as in `verklaar lint`.
    let tool_error = records
        .iter()
        .any(|r| crate::diagnostics::load::is_tool_error_code(&r.code));
    Ok(ExitStatus::of_run(tool_error, incomplete, false))
}

/// One failed entry per file that did not load, in the order the records name them.
fn load_failures(records: &[Record], lang: Lang) -> Vec<Built> {
    let mut errors: BTreeMap<&Path, usize> = BTreeMap::new();
    for record in records {
        let count = errors.entry(record.rendered.file.path.as_path()).or_insert(0);
        if record.severity == SeverityLevel::Error {
            *count += 1;
        }
    }
    errors
        .into_iter()
        // Info records (a skipped dotfile) are not failures.
        .filter(|(_, n)| *n > 0)
        .map(|(file, n)| {
            Built::failed(
                file,
                n,
                Failure::Load,
                lang.pick(
                    "het bestand kon niet worden ingelezen; de fouten staan hierboven en in `verklaar lint`",
                    "the file could not be loaded; the errors are above and in `verklaar lint`",
                )
                .to_string(),
            )
        })
        .collect()
}

fn internal_error(lang: Lang) -> String {
    lang.pick(
        "interne fout in verklaar bij het maken van deze verklaring (meld dit alstublieft)",
        "internal error in verklaar while making this statement (please report it)",
    )
    .to_string()
}

/// The renderers this build runs (`--only` leaves one out).
struct Renderers<'a> {
    html: Option<&'a HtmlRenderer>,
    pdf: Option<&'a PdfRenderer>,
}

/// Why an organisation has no page; the index shows this (always Dutch, as the site is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    Load,
    Render,
    Internal,
    SameFolder,
}

impl Failure {
    fn index_reason(self) -> &'static str {
        match self {
            Failure::Load => "Het bestand kon niet worden ingelezen.",
            Failure::Render => "De verklaring kon niet worden opgemaakt.",
            Failure::Internal => "Interne fout in verklaar.",
            Failure::SameFolder => "Een ander bestand krijgt dezelfde map in de site.",
        }
    }
}

/// One organisation after lint, document and render.
struct Built {
    file: PathBuf,
    entry: IndexEntry,
    /// `None` when skipped under `--strict` or failed.
    outputs: Option<Vec<Output>>,
    /// Why the PDF claims no PDF/UA-1 and PDF/A-2a, when it does not.
    pdf_note: Option<String>,
    /// The statement, kept for the PDF (rendered after the parallel pass, see
    /// [`PdfRenderer::pdf_all`]); `None` when skipped, failed or when no PDF is built.
    for_pdf: Option<(Statement, LintStatus)>,
    /// What went wrong, for stderr (in the user's language), when it failed.
    error: Option<String>,
}

impl Built {
    fn failed(file: &Path, errors: usize, why: Failure, message: String) -> Built {
        let slug = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("organisatie")
            .to_string();
        Built {
            file: file.to_path_buf(),
            entry: IndexEntry::failed(slug, errors, why.index_reason()),
            outputs: None,
            pdf_note: None,
            for_pdf: None,
            error: Some(message),
        }
    }

    /// Drops everything made so far for this organisation: it gets no page at all.
    fn fail(&mut self, why: Failure, message: String) {
        let file = self.file.clone();
        *self = Built::failed(&file, self.entry.errors, why, message);
    }
}

fn build_one(
    loaded: &Loaded,
    options: &LintOptions,
    renderers: &Renderers<'_>,
    strict: bool,
    build_date: Option<Date>,
    lang: Lang,
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
            match html.render(&ctx) {
                Ok(rendered) => outputs.extend(rendered),
                Err(e) if is_theme_error(&e) => return Err(e),
                Err(e) => {
                    return Ok(Built::failed(
                        &loaded.file.path,
                        status.errors,
                        Failure::Render,
                        render_error_message(&e, lang),
                    ));
                }
            }
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
        error: None,
    })
}

/// A template of the user's theme failed. That is the theme's fault, not one file's (text
/// from a file is data for the templates, never template source), and it would fail every
/// organisation alike: the build stops and the previous site stays. A failure of the
/// built-in theme is a bug in verklaar that some file's content brought out: that file
/// fails alone.
fn is_theme_error(e: &RenderError) -> bool {
    !e.template.starts_with(crate::render::html::theme::DEFAULT_PREFIX)
}

fn theme_failed(e: &RenderError, lang: Lang) -> ExitStatus {
    eprintln!("verklaar: {}", render_error_message(e, lang));
    eprintln!("{}", nothing_written(lang));
    ExitStatus::Error
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

/// Two files that would write the same folder both fail: neither may overwrite the other,
/// and which one "wins" must not depend on the order files happen to be found in.
fn mark_duplicate_slugs(built: &mut [Built], lang: Lang) {
    let mut by_slug: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, b) in built.iter().enumerate() {
        by_slug.entry(b.entry.slug.clone()).or_default().push(i);
    }
    for indices in by_slug.into_values().filter(|v| v.len() > 1) {
        let names: Vec<String> = indices
            .iter()
            .map(|&i| format!("'{}'", built[i].file.display()))
            .collect();
        let names = names.join(", ");
        for &i in &indices {
            let slug = built[i].entry.slug.clone();
            built[i].fail(
                Failure::SameFolder,
                lang.pick(
                    format!(
                        "{names} krijgen allebei de map '{slug}' in de site; geef een van de bestanden een andere naam"
                    ),
                    format!("{names} would all be written to the folder '{slug}'; rename one of the files"),
                ),
            );
        }
    }
}

fn render_error_message(e: &RenderError, lang: Lang) -> String {
    let cause = match e.overrun {
        Some(crate::render::Overrun::Time { seconds }) => lang
            .pick(
                format!("het sjabloon liep langer dan {seconds} seconden en is gestopt; maak het eenvoudiger (een lus die te vaak loopt?)"),
                format!("the template ran longer than {seconds} seconds and was stopped; simplify it (a loop that runs too often?)"),
            ),
        Some(crate::render::Overrun::Memory { megabytes }) => lang.pick(
            format!("het sjabloon gebruikte meer dan {megabytes} MB geheugen en is gestopt; maak het eenvoudiger (een lus die te veel maakt?)"),
            format!("the template used more than {megabytes} MB of memory and was stopped; simplify it (a loop that builds too much?)"),
        ),
        None => e.message.clone(),
    };
    let mut message = match lang {
        Lang::En => format!(
            "template '{}' failed{}: {cause}",
            e.template,
            e.slug.as_ref().map(|s| format!(" for '{s}'")).unwrap_or_default(),
        ),
        Lang::Nl => format!(
            "sjabloon '{}' gaf een fout{}: {cause}",
            e.template,
            e.slug.as_ref().map(|s| format!(" bij '{s}'")).unwrap_or_default(),
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
        EntryStatus::Failed => {
            let why = b.error.as_deref().unwrap_or_default();
            Some(lang.pick(
                format!("mislukt: {file}: {why}; er is geen pagina voor gemaakt, de index meldt het"),
                format!("failed: {file}: {why}; no page was made for it, the index says so"),
            ))
        }
    }
}

fn summary_line(entries: &[IndexEntry], out: &std::path::Path, lang: Lang) -> String {
    let n = |s: EntryStatus| entries.iter().filter(|e| e.status == s).count();
    let (ready, draft, skipped, failed) = (
        n(EntryStatus::Ready),
        n(EntryStatus::Draft),
        n(EntryStatus::Skipped),
        n(EntryStatus::Failed),
    );
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
    if failed > 0 {
        line.push_str(&lang.pick(format!(", {failed} mislukt"), format!(", {failed} failed")));
    }
    line.push('.');
    if draft + skipped + failed > 0 {
        line.push_str(lang.pick(
            " De fouten staan in `verklaar lint`.",
            " `verklaar lint` shows the errors.",
        ));
    }
    line
}

/// A progress bar that appears only when the build is still running after a second, and
/// only on a terminal (never in CI logs or pipes).
struct Progress {
    bar: ProgressBar,
    /// Dropping it tells the thread that would show the bar that the build is done.
    done: Option<mpsc::Sender<()>>,
    shower: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn start(len: u64, lang: Lang) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
        let template = lang.pick(
            "{bar:30} {pos}/{len} stappen ({elapsed})",
            "{bar:30} {pos}/{len} steps ({elapsed})",
        );
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        if !std::io::stderr().is_terminal() || len == 0 {
            return Progress {
                bar,
                done: None,
                shower: None,
            };
        }
        let (done, wait) = mpsc::channel::<()>();
        let shown = bar.clone();
        let shower = std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(Duration::from_secs(1)) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(200));
            }
        });
        Progress {
            bar,
            done: Some(done),
            shower: Some(shower),
        }
    }

    fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    fn finish(mut self) {
        drop(self.done.take());
        if let Some(shower) = self.shower.take() {
            let _ = shower.join();
        }
        self.bar.finish_and_clear();
    }
}
