//! HTML through tera templates: per organisation a full page (`index.html`) and an
//! embeddable fragment (`fragment.html`); for the site an index of every organisation with
//! its lint status, and the shared stylesheet (`style.css`).
//!
//! Templates get the statement as data and never as template source, so no text in an
//! organisation file can change what a template does. Plain strings are autoescaped. The
//! content of every section (its blocks) is written in Rust from the typed document by
//! [`markup`], with exhaustive matches, and reaches the template as `section.html`: HTML in
//! which every piece of text is already escaped, printed with `{{ section.html | safe }}`.
//! The templates lay out the page around it: header, summary, table of contents, sections.

pub mod escape;
pub mod markup;
pub mod theme;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;
use tera::Context;

use self::escape::url_segment;
pub use self::theme::{DEFAULT_CSS, Theme, ThemeError};
use super::{EntryStatus, IndexEntry, Output, RenderContext, RenderError, Renderer, SiteContext};
use crate::document::{Block, Section, Statement};

/// File names this renderer writes.
pub const PAGE_FILE: &str = "index.html";
pub const FRAGMENT_FILE: &str = "fragment.html";
pub const STYLESHEET_FILE: &str = "style.css";

/// Element ids the default theme uses itself; section anchors may not take them.
const RESERVED_IDS: [&str; 1] = ["vk-tekst"];

/// The HTML renderer: a loaded theme.
#[derive(Debug, Clone)]
pub struct HtmlRenderer {
    theme: Theme,
}

impl HtmlRenderer {
    pub fn new(theme: Theme) -> HtmlRenderer {
        HtmlRenderer { theme }
    }

    /// The built-in theme, or `--theme DIR` over it.
    pub fn load(theme_dir: Option<&Path>) -> Result<HtmlRenderer, ThemeError> {
        Theme::from_option(theme_dir).map(HtmlRenderer::new)
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The full page and the fragment of one statement, sharing one template context.
    pub fn render_statement(&self, ctx: &RenderContext<'_>) -> Result<(String, String), RenderError> {
        let statement = with_unique_anchors(ctx.statement);
        let mut context = Context::new();
        context.insert("statement", &StatementView::new(&statement));
        context.insert("status", &ctx.status);
        context.insert("generator", ctx.generator);
        context.insert("build_date", &ctx.build_date.map(|d| d.to_string()));
        context.insert("stylesheet", &format!("../{STYLESHEET_FILE}"));
        context.insert("pdf_href", &ctx.pdf_href);
        context.insert("kind", "page");
        let page = self.render_template("page.html", &context, Some(&ctx.statement.slug))?;
        context.insert("kind", "fragment");
        let fragment = self.render_template("fragment.html", &context, Some(&ctx.statement.slug))?;
        Ok((page, fragment))
    }

    /// The full page of one statement.
    pub fn page(&self, ctx: &RenderContext<'_>) -> Result<String, RenderError> {
        self.render_statement(ctx).map(|(page, _)| page)
    }

    /// The embeddable fragment of one statement.
    pub fn fragment(&self, ctx: &RenderContext<'_>) -> Result<String, RenderError> {
        self.render_statement(ctx).map(|(_, fragment)| fragment)
    }

    /// The site index over every organisation.
    pub fn index(&self, site: &SiteContext<'_>) -> Result<String, RenderError> {
        let organisations: Vec<IndexRow<'_>> = site.entries.iter().map(IndexRow::new).collect();
        let count = |s: EntryStatus| site.entries.iter().filter(|e| e.status == s).count();
        let mut context = Context::new();
        context.insert("organisations", &organisations);
        context.insert(
            "counts",
            &Counts {
                ready: count(EntryStatus::Ready),
                draft: count(EntryStatus::Draft),
                skipped: count(EntryStatus::Skipped),
                failed: count(EntryStatus::Failed),
            },
        );
        context.insert("generator", site.generator);
        context.insert("build_date", &site.build_date.map(|d| d.to_string()));
        context.insert("stylesheet", STYLESHEET_FILE);
        context.insert("kind", "index");
        self.render_template("index.html", &context, None)
    }

    /// The stylesheet written as `style.css` at the site root.
    pub fn stylesheet(&self) -> &str {
        self.theme.css()
    }

    fn render_template(&self, name: &str, context: &Context, slug: Option<&str>) -> Result<String, RenderError> {
        let template = self.theme.template_for(name);
        let fail = |message: String| RenderError {
            template: self.theme.describe(&template),
            slug: slug.map(str::to_string),
            message,
            overrun: None,
        };
        // tera reports errors as values; a panic inside it (a bug in tera or an odd user
        // template) becomes an error too instead of ending the whole build.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.theme.tera().render(&template, context)
        }));
        match result {
            Ok(Ok(html)) => Ok(html),
            Ok(Err(e)) => Err(fail(theme::error_chain(&e))),
            Err(_) => Err(fail("the template engine panicked".into())),
        }
    }
}

impl Renderer for HtmlRenderer {
    fn name(&self) -> &'static str {
        "html"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<Output>, RenderError> {
        let (page, fragment) = self.render_statement(ctx)?;
        Ok(vec![Output::new(PAGE_FILE, page), Output::new(FRAGMENT_FILE, fragment)])
    }

    fn render_site(&self, site: &SiteContext<'_>) -> Result<Vec<Output>, RenderError> {
        Ok(vec![
            Output::new(PAGE_FILE, self.index(site)?),
            Output::new(STYLESHEET_FILE, self.stylesheet()),
        ])
    }
}

/// What templates get as `statement`: every field of the [`Statement`], with each section
/// (the summary too) carrying its blocks already written as HTML in `html`.
#[derive(Serialize)]
struct StatementView<'a> {
    lang: &'a str,
    slug: &'a str,
    title: &'a str,
    organisation: &'a str,
    address_form: &'a str,
    version_line: Option<&'a str>,
    effective_date: Option<&'a str>,
    draft: bool,
    draft_label: &'a str,
    draft_notice: Option<&'a str>,
    summary: SectionView<'a>,
    sections: Vec<SectionView<'a>>,
}

impl<'a> StatementView<'a> {
    fn new(statement: &'a Statement) -> StatementView<'a> {
        // No `..`: a new field of Statement does not compile until templates get it too.
        let Statement {
            lang,
            slug,
            title,
            organisation,
            address_form,
            version_line,
            effective_date,
            draft,
            draft_label,
            draft_notice,
            summary,
            sections,
        } = statement;
        StatementView {
            lang,
            slug,
            title,
            organisation,
            address_form,
            version_line: version_line.as_deref(),
            effective_date: effective_date.as_deref(),
            draft: *draft,
            draft_label,
            draft_notice: draft_notice.as_deref(),
            summary: SectionView::new(summary),
            sections: sections.iter().map(SectionView::new).collect(),
        }
    }
}

/// A section for templates: its fields, the blocks as data (`blocks`, for themes that want
/// to look at them) and as finished, escaped HTML (`html`).
#[derive(Serialize)]
struct SectionView<'a> {
    anchor: &'a str,
    title: &'a str,
    key: &'a str,
    blocks: &'a [Block],
    html: String,
    subsections: Vec<SectionView<'a>>,
}

impl<'a> SectionView<'a> {
    fn new(section: &'a Section) -> SectionView<'a> {
        let Section {
            anchor,
            title,
            key,
            blocks,
            subsections,
        } = section;
        SectionView {
            anchor,
            title,
            key,
            blocks,
            html: markup::blocks_to_html(blocks),
            subsections: subsections.iter().map(SectionView::new).collect(),
        }
    }
}

#[derive(Serialize)]
struct Counts {
    ready: usize,
    draft: usize,
    skipped: usize,
    failed: usize,
}

#[derive(Serialize)]
struct IndexRow<'a> {
    slug: &'a str,
    name: &'a str,
    title: &'a str,
    status: EntryStatus,
    errors: usize,
    warnings: usize,
    version_line: Option<&'a str>,
    reason: Option<&'a str>,
    href: Option<String>,
    fragment_href: Option<String>,
}

impl<'a> IndexRow<'a> {
    fn new(entry: &'a IndexEntry) -> IndexRow<'a> {
        let folder = url_segment(&entry.slug);
        let built = matches!(entry.status, EntryStatus::Ready | EntryStatus::Draft);
        IndexRow {
            slug: &entry.slug,
            name: &entry.name,
            title: &entry.title,
            status: entry.status,
            errors: entry.errors,
            warnings: entry.warnings,
            version_line: entry.version_line.as_deref(),
            reason: entry.reason.as_deref(),
            href: built.then(|| format!("{folder}/{PAGE_FILE}")),
            fragment_href: built.then(|| format!("{folder}/{FRAGMENT_FILE}")),
        }
    }
}

/// The statement with every section anchor a valid, unique element id (the builder
/// already makes them so; this keeps the HTML valid whatever it is given).
fn with_unique_anchors(statement: &Statement) -> Cow<'_, Statement> {
    let mut seen: BTreeSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    let mut ok = true;
    visit(&statement.summary, &mut |s| {
        ok &= valid_id(&s.anchor) && seen.insert(s.anchor.clone())
    });
    for section in &statement.sections {
        visit(section, &mut |s| {
            ok &= valid_id(&s.anchor) && seen.insert(s.anchor.clone())
        });
    }
    if ok {
        return Cow::Borrowed(statement);
    }
    let mut owned = statement.clone();
    let mut seen: BTreeSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    let mut fix = |s: &mut Section| {
        let base: String = s
            .anchor
            .chars()
            .map(|c| if c.is_whitespace() { '-' } else { c })
            .collect();
        let base = if base.is_empty() { "sectie".to_string() } else { base };
        let mut candidate = base.clone();
        let mut n = 1;
        while !seen.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        s.anchor = candidate;
    };
    visit_mut(&mut owned.summary, &mut fix);
    for section in &mut owned.sections {
        visit_mut(section, &mut fix);
    }
    Cow::Owned(owned)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && !id.chars().any(char::is_whitespace)
}

fn visit(section: &Section, f: &mut impl FnMut(&Section)) {
    f(section);
    for sub in &section.subsections {
        visit(sub, f);
    }
}

fn visit_mut(section: &mut Section, f: &mut impl FnMut(&mut Section)) {
    f(section);
    for sub in &mut section.subsections {
        visit_mut(sub, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind, Inline, Section};

    fn section(anchor: &str, title: &str, subsections: Vec<Section>) -> Section {
        Section {
            anchor: anchor.into(),
            title: title.into(),
            key: "custom".into(),
            blocks: vec![Block::paragraph(format!("Tekst van {title}."))],
            subsections,
        }
    }

    fn statement() -> Statement {
        // Seven levels deep, with repeated and unusable anchors.
        let mut deep = section("diep", "Niveau 7", Vec::new());
        for level in (2..7).rev() {
            deep = section("diep", &format!("Niveau {level}"), vec![deep]);
        }
        Statement {
            lang: "nl",
            slug: "test".into(),
            title: "Privacyverklaring Test".into(),
            organisation: "Test".into(),
            address_form: "u",
            version_line: None,
            effective_date: None,
            draft: false,
            draft_label: "Concept — niet publiceren".into(),
            draft_notice: None,
            summary: section("in-het-kort", "In het kort", Vec::new()),
            sections: vec![
                deep,
                section("in-het-kort", "Dubbel", Vec::new()),
                section("vk-tekst", "Gereserveerd", Vec::new()),
                section("met spatie", "Spatie", Vec::new()),
                section("", "Leeg", vec![section("", "Leeg onder", Vec::new())]),
                Section {
                    blocks: vec![Block::new(BlockKind::Paragraph {
                        content: vec![Inline::link("javascript:alert(1)", "geen link")],
                    })],
                    ..section("link", "Link", Vec::new())
                },
            ],
        }
    }

    #[test]
    fn any_depth_and_any_anchor_gives_valid_html() {
        let renderer = HtmlRenderer::load(None).expect("built-in theme");
        let page = renderer
            .page(&RenderContext::new(&statement(), Default::default()))
            .expect("renders");
        for level in 2..=6 {
            assert!(page.contains(&format!("<h{level} class=\"vk-heading\">Niveau {level}</h{level}>")));
        }
        assert!(page.contains("<h6 class=\"vk-heading\">Niveau 7</h6>"), "capped at h6");
        let ids: Vec<&str> = page
            .split(" id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert!(ids.iter().all(|id| !id.is_empty() && !id.contains(' ')), "{ids:?}");
        for id in [
            "in-het-kort-2",
            "vk-tekst-2",
            "met-spatie",
            "sectie",
            "sectie-2",
            "diep-2",
        ] {
            assert!(ids.contains(&id), "{id} in {ids:?}");
        }
        assert!(page.contains("<p>geen link</p>"));
        // Every table-of-contents link has its target.
        for target in page.split("href=\"#").skip(1).filter_map(|s| s.split('"').next()) {
            assert!(ids.contains(&target), "#{target}");
        }
    }
}
