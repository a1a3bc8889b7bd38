//! Speed of the HTML and PDF renderers (issue: 1000 organisations to HTML well under a second on
//! 2 cores). Run with `cargo bench --bench render`.
//!
//! The statements are built once, outside the timed part: this measures rendering (page and
//! fragment per organisation, in parallel with rayon, as `verklaar build` does), the site
//! index and assembling the in-memory site, not loading, linting or writing to disk.

use std::path::Path;
use std::sync::LazyLock;

use rayon::prelude::*;
use verklaar::document::Statement;
use verklaar::i18n::Lang;
use verklaar::lint::{self, LintOptions};
use verklaar::model::load::load_file;
use verklaar::render::html::HtmlRenderer;
use verklaar::render::{IndexEntry, LintStatus, RenderContext, Renderer, SiteContext};
use verklaar::site::Site;

fn main() {
    divan::main();
}

const FILES: &[&str] = &[
    "voorbeeld-praktijk",
    "lijv",
    "livio",
    "leef-coaching",
    "levgroep",
    "praktijk-lignum",
];

/// One statement per organisation file.
static STATEMENTS: LazyLock<Vec<Statement>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|name| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("organisations")
                .join(format!("{name}.yaml"));
            let loaded = load_file(&path).unwrap_or_else(|_| panic!("{name} loads"));
            let findings = lint::check(&loaded, &LintOptions::new(Lang::Nl));
            verklaar::document::build(&loaded, &findings)
        })
        .collect()
});

/// 1000 statements: the six organisations over and over, each with its own slug.
static THOUSAND: LazyLock<Vec<Statement>> = LazyLock::new(|| {
    (0..1000)
        .map(|i| {
            let mut s = STATEMENTS[i % STATEMENTS.len()].clone();
            s.slug = format!("{}-{i:04}", s.slug);
            s
        })
        .collect()
});

static RENDERER: LazyLock<HtmlRenderer> = LazyLock::new(|| HtmlRenderer::load(None).expect("built-in theme"));

/// Page and fragment of one statement.
#[divan::bench(args = FILES)]
fn page_and_fragment(bencher: divan::Bencher, name: &str) {
    let index = FILES.iter().position(|f| *f == name).unwrap_or(0);
    let statement = &STATEMENTS[index];
    let renderer = &*RENDERER;
    bencher.bench(|| {
        renderer
            .render(&RenderContext::new(divan::black_box(statement), LintStatus::default()))
            .map(|o| o.len())
    });
}

/// What `verklaar build` does after linting 1000 organisations: every page and fragment in
/// parallel, the index and the stylesheet, collected into one in-memory site.
#[divan::bench(sample_count = 20)]
fn thousand_organisations(bencher: divan::Bencher) {
    let statements = &*THOUSAND;
    let renderer = &*RENDERER;
    bencher.bench(|| {
        let rendered: Vec<_> = statements
            .par_iter()
            .map(|s| renderer.render(&RenderContext::new(s, LintStatus::default())))
            .collect();
        let mut site = Site::new();
        let mut entries = Vec::with_capacity(statements.len());
        for (statement, outputs) in statements.iter().zip(rendered) {
            let outputs = outputs.expect("renders");
            site.add_organisation(&statement.slug, outputs).expect("unique slugs");
            entries.push(IndexEntry::new(statement, LintStatus::default(), false));
        }
        let root = renderer.render_site(&SiteContext::new(&entries)).expect("index");
        site.add_root(root).expect("root files");
        site.len()
    });
}

/// The same 1000 on one thread, for comparison.
#[divan::bench(sample_count = 10)]
fn thousand_organisations_one_thread(bencher: divan::Bencher) {
    let statements = &*THOUSAND;
    let renderer = &*RENDERER;
    bencher.bench(|| {
        statements
            .iter()
            .map(|s| renderer.render(&RenderContext::new(s, LintStatus::default())))
            .collect::<Vec<_>>()
    });
}

static PDF: LazyLock<verklaar::render::pdf::PdfRenderer> =
    LazyLock::new(|| verklaar::render::pdf::PdfRenderer::builtin().expect("built-in template"));

/// The PDF of one statement (typst compile + PDF/UA-1 + PDF/A-2a export), fonts loaded once.
/// typst's memo cache is emptied before every run: a build renders each statement once, so
/// the warm (memoised) time would flatter it about tenfold.
#[divan::bench(args = FILES, sample_count = 10)]
fn pdf(bencher: divan::Bencher, name: &str) {
    let index = FILES.iter().position(|f| *f == name).unwrap_or(0);
    let statement = &STATEMENTS[index];
    let renderer = &*PDF;
    bencher.with_inputs(|| typst::comemo::evict(0)).bench_values(|()| {
        renderer
            .pdf(&RenderContext::new(divan::black_box(statement), LintStatus::default()))
            .map(|r| r.bytes.len())
    });
}

/// 50 organisations in one process, one document per core at a time as `verklaar build`
/// renders them (`pdf_all`; the build does the same in `project::build`, beside the HTML). Divide the time by 50 for the amortised per-statement cost (issue:
/// well under 100 ms per statement on 2 cores). Each organisation has its own slug, so typst
/// cannot reuse a cached document for a repeat.
#[divan::bench(sample_count = 3)]
fn pdf_fifty_organisations(bencher: divan::Bencher) {
    let fifty: Vec<Statement> = THOUSAND.iter().take(50).cloned().collect();
    let renderer = &*PDF;
    bencher.with_inputs(|| typst::comemo::evict(0)).bench_values(|()| {
        let contexts: Vec<RenderContext<'_>> = fifty
            .iter()
            .map(|s| RenderContext::new(s, LintStatus::default()))
            .collect();
        renderer.pdf_all(&contexts).into_iter().filter(Result::is_ok).count()
    });
}
