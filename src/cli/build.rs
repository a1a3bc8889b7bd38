//! `verklaar build`: lint every organisation, turn it into a statement, render it, and
//! replace the site in one step. The work is [`crate::project`]'s; this is the caller that
//! prints and chooses the exit code.
//!
//! Files go into a hidden staging folder as each organisation is done (memory holds a few
//! organisations, not the site); only when all is done does the staging folder replace the
//! output folder (see [`crate::site::write`]). A rebuild takes unchanged organisations from
//! the cache beside the site (`--no-cache` to build everything).
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

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::ExitStatus;
use super::args::{Args, BuildArgs, OutputKind};
use super::output::{self, Record, Summary};
use crate::i18n::Lang;
use crate::lint::LintOptions;
use crate::project::build::{BuildError, Outcome, Plan, build_all, render_error_message};
use crate::project::cache::{Cache, Settings};
use crate::project::config::Project;
use crate::project::inputs::Inputs;
use crate::render::html::HtmlRenderer;
use crate::render::pdf::PdfRenderer;
use crate::render::{EntryStatus, IndexEntry, SiteContext, source_date};
use crate::site::{OutLock, Staging};

pub fn run(cmd: &BuildArgs, args: &Args, project: Option<&Project>) -> std::io::Result<ExitStatus> {
    let lang = args.lang;
    // The command line wins over the project file, the project file over the defaults.
    let out = cmd
        .out
        .clone()
        .or_else(|| project.map(|p| p.out.clone()))
        .unwrap_or_else(|| PathBuf::from("site"));
    let theme = cmd.theme.clone().or_else(|| project.and_then(|p| p.theme.clone()));
    let strict = cmd.strict || project.is_some_and(|p| p.strict);
    let mut lint = LintOptions::new(lang);
    if let Some(project) = project {
        lint.project = project.severity.clone();
    }

    // 0. The output folder's lock, before any work: a second build into the same folder
    //    stops at once instead of rendering everything and then failing.
    let lock = match OutLock::acquire(&out) {
        Ok(lock) => lock,
        Err(e) => return Ok(stop(&e.message(lang), lang)),
    };

    // 1. The theme: a broken one stops the build before any organisation is read. The
    //    HTML templates are checked even under `--only pdf`, so a theme is either usable
    //    or reported, whatever is built.
    let html = match HtmlRenderer::load(theme.as_deref()) {
        Ok(renderer) => renderer,
        Err(e) => return Ok(stop(&e.message(lang), lang)),
    };
    let pdf = match PdfRenderer::load(theme.as_deref()) {
        // A user theme's template is code: it runs in a child process with a budget.
        Ok(renderer) if !renderer.is_builtin() => match crate::render::pdf::worker::Isolation::current() {
            Some(iso) => renderer.isolated(iso),
            None => renderer,
        },
        Ok(renderer) => renderer,
        Err(e) => return Ok(stop(&e.message(lang), lang)),
    };

    // 2. The files. Skipped and refused paths are listed first: nothing in the folder is
    //    passed over in silence.
    let inputs = match Inputs::of_project(&cmd.paths, project) {
        Ok(inputs) => inputs,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            return Ok(ExitStatus::Error);
        }
    };
    let notes = inputs.note_records(lang);
    print_records(&notes, inputs.counted(), args);

    // 3. The staging folder next to the site, and the cache beside it. A folder that may
    //    not be replaced stops the build here, before any work.
    let staging = match Staging::begin(&lock) {
        Ok(staging) => staging,
        Err(e) => return Ok(stop(&e.message(lang), lang)),
    };
    let plan = Plan {
        html: (cmd.only != Some(OutputKind::Pdf)).then_some(&html),
        pdf: (cmd.only != Some(OutputKind::Html)).then_some(&pdf),
        strict,
        lint,
        build_date: source_date(),
    };
    let cache = (!cmd.no_cache)
        .then(|| {
            let settings = Settings {
                theme: theme.clone(),
                // Project severities change findings, and with them the statement's status.
                options: format!("{:?}|{strict}|{lang:?}|{:?}", cmd.only, plan.lint.project),
                dates: format!("{:?}|{}", plan.build_date, plan.lint.today),
            };
            Cache::open(lock.sibling("cache"), &settings)
        })
        .flatten();

    // 4. Every organisation: load, lint, compose, render, into the staging folder.
    let progress = Progress::start(if cmd.quiet { 0 } else { inputs.files.len() as u64 }, lang);
    let built = build_all(&plan, &inputs.files, &staging, cache.as_ref(), &|| progress.inc(1));
    progress.finish();
    let mut outcomes = match built {
        Ok(outcomes) => outcomes,
        Err(BuildError::Theme(e)) => return Ok(stop(&render_error_message(&e, lang), lang)),
        Err(BuildError::Site(e)) => return Ok(stop(&e.message(lang), lang)),
    };
    let load_errors: Vec<_> = outcomes
        .iter_mut()
        .flat_map(|o| std::mem::take(&mut o.records))
        .collect();
    print_records(&load_errors, inputs.counted(), args);
    outcomes.sort_by(|a, b| a.entry.slug.cmp(&b.entry.slug).then_with(|| a.file.cmp(&b.file)));

    // 5. The site root (index and stylesheet belong to the HTML; `--only pdf` writes the
    //    PDFs alone), then the swap.
    let entries: Vec<IndexEntry> = outcomes.iter().map(|o| o.entry.clone()).collect();
    let site_context = SiteContext::new(&entries).with_build_date(plan.build_date);
    let root = match plan
        .html
        .map(|html| crate::render::Renderer::render_site(html, &site_context))
        .transpose()
    {
        Ok(root) => root.unwrap_or_default(),
        Err(e) => return Ok(stop(&render_error_message(&e, lang), lang)),
    };
    if let Err(e) = staging.add_root(&root) {
        return Ok(stop(&e.message(lang), lang));
    }
    let existed = std::fs::symlink_metadata(&out).is_ok();
    let report = match staging.finish() {
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
    if let Some(cache) = &cache {
        cache.commit(&out);
    }
    drop(lock);
    for line in report.notes(lang) {
        eprintln!("verklaar: {line}");
    }

    // 6. Tell what happened.
    for o in &outcomes {
        if let Some(line) = status_line(o, lang) {
            eprintln!("{line}");
        }
        if let Some(reason) = &o.pdf_note {
            eprintln!(
                "{}",
                lang.pick(
                    format!(
                        "let op: {}: de PDF is getagd maar voldoet niet aan PDF/UA-1 en PDF/A-2a: {reason}",
                        o.file.display()
                    ),
                    format!(
                        "note: {}: the PDF is tagged but does not meet PDF/UA-1 and PDF/A-2a: {reason}",
                        o.file.display()
                    ),
                )
            );
        }
    }
    let cached = outcomes.iter().filter(|o| o.cached).count();
    if !cmd.quiet {
        eprintln!("{}", summary_line(&entries, cached, &out, lang));
    }
    let incomplete = entries
        .iter()
        .any(|e| matches!(e.status, EntryStatus::Skipped | EntryStatus::Failed));
    // An unreadable file (L016) means the tool could not do its job (2); anything else wrong
    // in the files is 1, as in `verklaar lint`.
    let tool_error = notes
        .iter()
        .chain(&load_errors)
        .any(|r| crate::diagnostics::load::is_tool_error_code(&r.code));
    Ok(ExitStatus::of_run(tool_error, incomplete, false))
}

/// Records (skipped paths, load errors) for a person, on stderr.
fn print_records(records: &[Record], files: usize, args: &Args) {
    if records.is_empty() {
        return;
    }
    let summary = Summary::of(records, files);
    let color = output::use_color(args.color);
    eprint!(
        "{}",
        output::format(records, summary, super::LintFormat::Human, color, args.lang)
    );
}

/// The build stops: nothing is written (the staging folder, if any, is removed when it is
/// dropped) and the previous site stays.
fn stop(message: &str, lang: Lang) -> ExitStatus {
    eprintln!("verklaar: {message}");
    eprintln!("{}", nothing_written(lang));
    ExitStatus::Error
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

fn status_line(b: &Outcome, lang: Lang) -> Option<String> {
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
            let why = b.error.as_ref().map(|(_, m)| m.as_str()).unwrap_or_default();
            Some(lang.pick(
                format!("mislukt: {file}: {why}; er is geen pagina voor gemaakt, de index meldt het"),
                format!("failed: {file}: {why}; no page was made for it, the index says so"),
            ))
        }
    }
}

fn summary_line(entries: &[IndexEntry], cached: usize, out: &Path, lang: Lang) -> String {
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
    if cached > 0 {
        line.push_str(&lang.pick(
            format!(" ({cached} ongewijzigd, uit de vorige build)"),
            format!(" ({cached} unchanged, from the previous build)"),
        ));
    }
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
