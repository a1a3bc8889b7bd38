//! Stages 4 to 6 for `verklaar build`: compose each organisation's statement, render it,
//! and write its files into the site's staging folder, one organisation at a time per
//! thread, so memory holds a few organisations, never the site.
//!
//! One organisation never takes the others down: a file that does not load, or whose
//! statement cannot be rendered, gets a failed [`Outcome`] (no page; the index says why),
//! and the rest are built. Only a failure that would hit every organisation alike stops
//! the build ([`BuildError`]): a template of the user's theme, or a staging folder that
//! cannot be written.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::cache::Cache;
use super::check::Checked;
use super::report::Record;
use crate::i18n::Lang;
use crate::lint::LintOptions;
use crate::model::load::read_file;
use crate::render::html::HtmlRenderer;
use crate::render::pdf::{Conformance, PDF_FILE, PdfRenderer};
use crate::render::{BuildDate, IndexEntry, Output, RenderContext, RenderError};
use crate::site::{SiteError, Staging};
use crate::source::slug_of;

/// What one build does to every organisation.
pub struct Plan<'a> {
    /// `None` under `--only pdf`.
    pub html: Option<&'a HtmlRenderer>,
    /// `None` under `--only html`.
    pub pdf: Option<&'a PdfRenderer>,
    /// Organisations with errors are not written (`--strict`).
    pub strict: bool,
    pub lint: LintOptions,
    pub build_date: Option<BuildDate>,
}

/// Why an organisation has no page; the index shows this (always Dutch, as the site is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
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

/// What happened to one organisation.
#[derive(Debug)]
pub struct Outcome {
    pub file: PathBuf,
    pub entry: IndexEntry,
    /// Why the PDF claims no PDF/UA-1 and PDF/A-2a, when it does not.
    pub pdf_note: Option<String>,
    /// Why it failed, in the user's language.
    pub error: Option<(Failure, String)>,
    /// The loader's diagnostics, when the file did not load.
    pub records: Vec<Record>,
    /// Taken from the cache instead of built.
    pub cached: bool,
}

impl Outcome {
    fn failed(file: &Path, errors: usize, why: Failure, message: String) -> Outcome {
        Outcome {
            file: file.to_path_buf(),
            entry: IndexEntry::failed(slug_of(file), errors, why.index_reason()),
            pdf_note: None,
            error: Some((why, message)),
            records: Vec::new(),
            cached: false,
        }
    }
}

/// A failure that stops the whole build: nothing is written, the previous site stays.
#[derive(Debug)]
pub enum BuildError {
    /// A template of the user's theme failed (it would fail every organisation alike).
    Theme(RenderError),
    /// The staging folder could not be written.
    Site(SiteError),
}

/// Builds every file into `staging`, on as many threads as there are cores. Outcomes come
/// back in the order of `files`. `step` is called once per organisation done.
pub fn build_all(
    plan: &Plan<'_>,
    files: &[PathBuf],
    staging: &Staging<'_>,
    cache: Option<&Cache>,
    step: &(dyn Fn() + Sync),
) -> Result<Vec<Outcome>, BuildError> {
    let same_folder = shared_slugs(files, plan.lint.lang);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let stopped: Mutex<Option<BuildError>> = Mutex::new(None);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len())
        .max(1);
    // Plain threads, not a rayon `par_iter`: typst runs parts of each compilation on rayon,
    // and a rayon worker waiting for those steals other organisations meanwhile (56 of 60
    // documents in flight at once on two cores). One organisation per thread at a time.
    let mut done: Vec<(usize, Outcome)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while !stop.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(i) else { break };
                        let outcome = match same_folder.get(file) {
                            Some(message) => Ok(Outcome::failed(file, 0, Failure::SameFolder, message.clone())),
                            None => {
                                std::panic::catch_unwind(AssertUnwindSafe(|| build_one(plan, file, staging, cache)))
                                    .unwrap_or_else(|_| {
                                        Ok(Outcome::failed(
                                            file,
                                            0,
                                            Failure::Internal,
                                            internal_error(plan.lint.lang),
                                        ))
                                    })
                            }
                        };
                        match outcome {
                            Ok(outcome) => done.push((i, outcome)),
                            Err(e) => {
                                stop.store(true, Ordering::Relaxed);
                                let mut first = stopped.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                                first.get_or_insert(e);
                            }
                        }
                        step();
                    }
                    done
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    if let Some(e) = stopped.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner) {
        return Err(e);
    }
    done.sort_by_key(|(i, _)| *i);
    // A worker that died (it cannot: each organisation is caught) would leave a gap.
    let mut outcomes = Vec::with_capacity(files.len());
    let mut done = done.into_iter().peekable();
    for (i, file) in files.iter().enumerate() {
        match done.next_if(|(j, _)| *j == i) {
            Some((_, outcome)) => outcomes.push(outcome),
            None => outcomes.push(Outcome::failed(
                file,
                0,
                Failure::Internal,
                internal_error(plan.lint.lang),
            )),
        }
    }
    Ok(outcomes)
}

/// One organisation: from the cache when its input is unchanged, else load, lint, compose,
/// render and write.
fn build_one(
    plan: &Plan<'_>,
    file: &Path,
    staging: &Staging<'_>,
    cache: Option<&Cache>,
) -> Result<Outcome, BuildError> {
    let lang = plan.lint.lang;
    let bytes = match read_file(file) {
        Ok(bytes) => bytes,
        Err(failure) => return Ok(load_failed(file, Checked::Failed(failure), lang)),
    };
    let key = cache.map(|c| c.key(file, &bytes));
    if let (Some(cache), Some(key)) = (cache, &key)
        && let Some(hit) = cache.get(key)
    {
        let slug = slug_of(file);
        return match staging.link_organisation(&slug, &hit.files) {
            Ok(()) => Ok(Outcome {
                file: file.to_path_buf(),
                entry: hit.entry.entry,
                pdf_note: hit.entry.pdf_note,
                error: None,
                records: Vec::new(),
                cached: true,
            }),
            Err(e @ SiteError::Io { .. }) => Err(BuildError::Site(e)),
            Err(e) => Ok(Outcome::failed(file, 0, Failure::Render, e.message(lang))),
        };
    }
    let checked = Checked::bytes(file, &bytes, &plan.lint);
    let Checked::Linted { loaded, findings } = checked else {
        return Ok(load_failed(file, checked, lang));
    };
    let status = super::report::Summary::of_findings(&findings).status();
    let statement = crate::document::build(&loaded, &findings);
    drop((loaded, findings));
    let skip = plan.strict && status.errors > 0;
    let entry = IndexEntry::new(&statement, status, skip);
    let mut outcome = Outcome {
        file: file.to_path_buf(),
        entry,
        pdf_note: None,
        error: None,
        records: Vec::new(),
        cached: false,
    };
    let mut outputs = Vec::new();
    if !skip {
        let ctx = RenderContext::new(&statement, status)
            .with_build_date(plan.build_date)
            .with_pdf_href(plan.pdf.map(|_| PDF_FILE.to_string()));
        let failed = |e: RenderError| -> Result<Outcome, BuildError> {
            if is_theme_error(&e) {
                return Err(BuildError::Theme(e));
            }
            Ok(Outcome::failed(
                file,
                status.errors,
                Failure::Render,
                render_error_message(&e, lang),
            ))
        };
        if let Some(html) = plan.html {
            match crate::render::Renderer::render(html, &ctx) {
                Ok(rendered) => outputs.extend(rendered),
                Err(e) => return failed(e),
            }
        }
        if let Some(pdf) = plan.pdf {
            match pdf.pdf(&ctx) {
                Ok(rendered) => {
                    if let Conformance::TaggedOnly { reason } = rendered.conformance {
                        outcome.pdf_note = Some(reason);
                    }
                    outputs.push(Output::new(PDF_FILE, rendered.bytes));
                }
                Err(e) => return failed(e),
            }
        }
    }
    let slug = &outcome.entry.slug;
    match staging.add_organisation(slug, &outputs) {
        Ok(()) => {}
        Err(e @ SiteError::Io { .. }) => return Err(BuildError::Site(e)),
        Err(e) => return Ok(Outcome::failed(file, status.errors, Failure::Render, e.message(lang))),
    }
    if let (Some(cache), Some(key)) = (cache, &key) {
        let files = outputs.iter().map(|o| o.path.clone()).collect();
        cache.put(key, slug, &outcome.entry, outcome.pdf_note.as_deref(), files);
    }
    Ok(outcome)
}

fn load_failed(file: &Path, checked: Checked, lang: Lang) -> Outcome {
    let mut outcome = Outcome::failed(
        file,
        checked.summary().errors,
        Failure::Load,
        lang.pick(
            "het bestand kon niet worden ingelezen; de fouten staan hierboven en in `verklaar lint`",
            "the file could not be loaded; the errors are above and in `verklaar lint`",
        )
        .to_string(),
    );
    outcome.records = checked.records(lang);
    outcome
}

/// Two files that would write the same folder both fail: neither may overwrite the other,
/// and which one "wins" must not depend on the order files happen to be found in.
fn shared_slugs(files: &[PathBuf], lang: Lang) -> BTreeMap<PathBuf, String> {
    let mut by_slug: BTreeMap<String, Vec<&PathBuf>> = BTreeMap::new();
    for file in files {
        by_slug.entry(slug_of(file)).or_default().push(file);
    }
    let mut out = BTreeMap::new();
    for (slug, files) in by_slug.into_iter().filter(|(_, v)| v.len() > 1) {
        let names: Vec<String> = files.iter().map(|f| format!("'{}'", f.display())).collect();
        let names = names.join(", ");
        for file in files {
            out.insert(
                file.clone(),
                lang.pick(
                    format!(
                        "{names} krijgen allebei de map '{slug}' in de site; geef een van de bestanden een andere naam"
                    ),
                    format!("{names} would all be written to the folder '{slug}'; rename one of the files"),
                ),
            );
        }
    }
    out
}

fn internal_error(lang: Lang) -> String {
    lang.pick(
        "interne fout in verklaar bij het maken van deze verklaring (meld dit alstublieft)",
        "internal error in verklaar while making this statement (please report it)",
    )
    .to_string()
}

/// A template of the user's theme failed. That is the theme's fault, not one file's (text
/// from a file is data for the templates, never template source), and it would fail every
/// organisation alike: the build stops and the previous site stays. A failure of the
/// built-in theme is a bug in verklaar that some file's content brought out: that file
/// fails alone.
fn is_theme_error(e: &RenderError) -> bool {
    !e.template.starts_with(crate::render::html::theme::DEFAULT_PREFIX)
}

/// A render error in the user's language.
pub fn render_error_message(e: &RenderError, lang: Lang) -> String {
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
