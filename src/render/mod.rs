//! Renderers: a [`Statement`] (plus a little context) → output files.
//!
//! The contract follows mdBook's: a renderer has a name and one `render` call that gets a
//! plain [`RenderContext`] for one organisation; [`Renderer::render_site`] writes the files
//! that belong to the whole site (the index, the shared stylesheet). A renderer reads only
//! the statement and the context, never the YAML model, and never writes to disk itself:
//! it returns [`Output`]s that [`crate::site`] collects and writes in one atomic step.
//!
//! Output is deterministic: the same statement gives the same bytes. No renderer reads the
//! clock; the only date a renderer may show is [`RenderContext::build_date`], which comes
//! from `SOURCE_DATE_EPOCH` (see [`source_date`]) and is `None` otherwise.

pub mod html;
pub mod pdf;

use serde::Serialize;

use crate::calendar::Date;
use crate::document::Statement;

/// The program that made the output, for `<meta name="generator">` and PDF metadata.
pub const GENERATOR: &str = concat!("verklaar ", env!("CARGO_PKG_VERSION"));

/// Lint result of one organisation, as far as the output shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LintStatus {
    /// Unsuppressed error findings.
    pub errors: usize,
    /// Unsuppressed warnings.
    pub warnings: usize,
}

/// Everything a renderer gets for one organisation.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct RenderContext<'a> {
    /// The statement (always Dutch, see `statement.lang`).
    pub statement: &'a Statement,
    /// Lint counts behind `statement.draft`.
    pub status: LintStatus,
    /// [`GENERATOR`].
    pub generator: &'static str,
    /// A fixed build date from `SOURCE_DATE_EPOCH`, never the wall clock.
    pub build_date: Option<BuildDate>,
    /// The PDF of this statement relative to its page (`privacyverklaring.pdf`) when the
    /// build writes one; the HTML page links to it ("Download als PDF").
    pub pdf_href: Option<String>,
}

impl<'a> RenderContext<'a> {
    pub fn new(statement: &'a Statement, status: LintStatus) -> RenderContext<'a> {
        RenderContext {
            statement,
            status,
            generator: GENERATOR,
            build_date: None,
            pdf_href: None,
        }
    }

    /// Tells the HTML renderer that a PDF is written next to the page.
    pub fn with_pdf_href(mut self, href: Option<String>) -> RenderContext<'a> {
        self.pdf_href = href;
        self
    }

    pub fn with_build_date(mut self, date: Option<BuildDate>) -> RenderContext<'a> {
        self.build_date = date;
        self
    }
}

/// What happened to one organisation in a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// No error findings: ready to publish.
    Ready,
    /// Error findings: rendered with the "Concept — niet publiceren" banner.
    Draft,
    /// Error findings under `--strict`: not rendered.
    Skipped,
    /// The file could not be loaded or its statement could not be rendered: no page;
    /// [`IndexEntry::reason`] says why. The rest of the site is built.
    Failed,
}

/// One organisation in the site index.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct IndexEntry {
    pub slug: String,
    /// The organisation's name.
    pub name: String,
    /// The statement's title.
    pub title: String,
    pub status: EntryStatus,
    pub errors: usize,
    pub warnings: usize,
    pub version_line: Option<String>,
    /// Why the organisation has no page (Dutch, for the index), when it failed.
    pub reason: Option<String>,
}

impl IndexEntry {
    pub fn new(statement: &Statement, status: LintStatus, skipped: bool) -> IndexEntry {
        IndexEntry {
            slug: statement.slug.clone(),
            name: statement.organisation.clone(),
            title: statement.title.clone(),
            status: if skipped {
                EntryStatus::Skipped
            } else if statement.draft {
                EntryStatus::Draft
            } else {
                EntryStatus::Ready
            },
            errors: status.errors,
            warnings: status.warnings,
            version_line: statement.version_line.clone(),
            reason: None,
        }
    }

    /// An organisation whose file failed to load or render. Its name is not known (or not
    /// trusted), so the index shows the file's slug; `reason` is a short Dutch sentence.
    pub fn failed(slug: impl Into<String>, errors: usize, reason: impl Into<String>) -> IndexEntry {
        let slug = slug.into();
        IndexEntry {
            name: slug.clone(),
            title: String::new(),
            slug,
            status: EntryStatus::Failed,
            errors,
            warnings: 0,
            version_line: None,
            reason: Some(reason.into()),
        }
    }
}

/// Everything a renderer gets for the site as a whole.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SiteContext<'a> {
    /// Every organisation, sorted by slug, including skipped ones.
    pub entries: &'a [IndexEntry],
    pub generator: &'static str,
    pub build_date: Option<BuildDate>,
}

impl<'a> SiteContext<'a> {
    pub fn new(entries: &'a [IndexEntry]) -> SiteContext<'a> {
        SiteContext {
            entries,
            generator: GENERATOR,
            build_date: None,
        }
    }

    pub fn with_build_date(mut self, date: Option<BuildDate>) -> SiteContext<'a> {
        self.build_date = date;
        self
    }
}

/// One output file. `path` is relative and uses `/`: relative to the organisation's folder
/// (`index.html`) from [`Renderer::render`], to the site root from [`Renderer::render_site`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Output {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Output {
        Output {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// A template failed while rendering. With the built-in theme this is a bug; with a user
/// theme it is the theme's fault. Never caused by text in an organisation file: that text
/// is data for the templates, never template source.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("template '{template}' failed{}: {message}", for_slug(slug))]
pub struct RenderError {
    pub template: String,
    /// The organisation being rendered, if any.
    pub slug: Option<String>,
    /// The full cause, innermost detail last.
    pub message: String,
    /// Set when a user theme was stopped for running over its budget: the message is then
    /// said in the user's language.
    pub overrun: Option<Overrun>,
}

/// Which budget a user theme's PDF run exceeded (see `pdf::worker`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overrun {
    Time { seconds: u64 },
    Memory { megabytes: u64 },
}

fn for_slug(slug: &Option<String>) -> String {
    slug.as_ref().map(|s| format!(" for '{s}'")).unwrap_or_default()
}

/// An output format.
pub trait Renderer: Send + Sync {
    /// Short name (`html`, `pdf`), for messages.
    fn name(&self) -> &'static str;

    /// The files of one organisation, paths relative to its folder.
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<Output>, RenderError>;

    /// Files for the site root (index, shared assets). None by default.
    fn render_site(&self, _site: &SiteContext<'_>) -> Result<Vec<Output>, RenderError> {
        Ok(Vec::new())
    }
}

/// The date a build may show: from `SOURCE_DATE_EPOCH`, never the wall clock, so the same
/// input gives the same bytes. Its own type, so a renderer cannot be handed any other date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BuildDate(Date);

impl BuildDate {
    /// The date of `SOURCE_DATE_EPOCH` (seconds since 1970), if set and valid.
    pub fn from_env() -> Option<BuildDate> {
        let secs = std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse::<i64>().ok()?;
        Some(BuildDate(Date::from_days_since_epoch(secs.div_euclid(86_400))))
    }

    /// A fixed date (tests, benchmarks).
    pub fn new(date: Date) -> BuildDate {
        BuildDate(date)
    }

    pub fn date(self) -> Date {
        self.0
    }
}

impl std::fmt::Display for BuildDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for BuildDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The build date from `SOURCE_DATE_EPOCH`, if set and valid.
pub fn source_date() -> Option<BuildDate> {
    BuildDate::from_env()
}
