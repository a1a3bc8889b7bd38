//! One rendered diagnostic (message, labels, help in the chosen language) as a miette
//! `Diagnostic`, and the human renderer used by the CLI and the snapshot tests.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Range;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};
use serde::Serialize;

use crate::i18n::Lang;
use crate::source::{IndexedText, SourceFile};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityLevel {
    Info,
    Warning,
    Error,
}

impl SeverityLevel {
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            SeverityLevel::Error => lang.pick("fout", "error"),
            SeverityLevel::Warning => lang.pick("waarschuwing", "warning"),
            SeverityLevel::Info => "info",
        }
    }
}

/// A diagnostic ready to show: all text already in the chosen language.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub code: String,
    pub severity: SeverityLevel,
    pub lang: Lang,
    pub message: String,
    pub help: Option<String>,
    /// Primary label first.
    pub labels: Vec<(Range<usize>, String)>,
    /// Other places of the same defect (a lint finding grouped over copies), in source order.
    pub related: Vec<(Range<usize>, String)>,
    pub file: SourceFile,
}

impl Rendered {
    /// 1-based line and column of the primary label.
    pub fn line_col(&self) -> (usize, usize) {
        self.labels.first().map_or((1, 1), |(r, _)| self.file.line_col(r.start))
    }

    /// 1-based line and column of the end of the primary label.
    pub fn end_line_col(&self) -> (usize, usize) {
        self.labels.first().map_or((1, 1), |(r, _)| self.file.line_col(r.end))
    }

    fn source(&self) -> NamedSource<IndexedText> {
        self.file.named_source()
    }

    /// Related places close enough to the primary label to share its snippet; the others
    /// are listed by line under the help (a snippet per copy would bury the finding).
    fn near_related(&self) -> (Vec<&(Range<usize>, String)>, Vec<usize>) {
        let (line, _) = self.line_col();
        let mut near = Vec::new();
        let mut far = Vec::new();
        for r in &self.related {
            let (l, _) = self.file.line_col(r.0.start);
            if l.abs_diff(line) <= NEAR_LINES {
                near.push(r);
            } else if !far.contains(&l) {
                far.push(l);
            }
        }
        (near, far)
    }

    /// "ook op regel 40, 77" for the related places outside the snippet.
    fn far_note(&self) -> Option<String> {
        let (_, far) = self.near_related();
        if far.is_empty() {
            return None;
        }
        let lines: Vec<String> = far.iter().map(usize::to_string).collect();
        let word = match (self.lang, far.len()) {
            (Lang::Nl, 1) => "ook op regel",
            (Lang::Nl, _) => "ook op regels",
            (Lang::En, 1) => "also at line",
            (Lang::En, _) => "also at lines",
        };
        Some(format!("{word} {}", lines.join(", ")))
    }
}

/// Related places within this many lines of the primary label are labelled in its snippet.
const NEAR_LINES: usize = 5;

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity.word(self.lang), self.code, self.message)
    }
}

impl std::error::Error for Rendered {}

/// Holds the named source so `source_code` can hand out a reference.
struct WithSource<'a> {
    inner: &'a Rendered,
    source: NamedSource<IndexedText>,
    /// False when a label sits on a line too long to show (miette cannot pad past 65535
    /// columns, and nobody reads such a snippet): then the position goes in the header.
    snippet: bool,
}

/// Lines longer than this are not shown as snippets.
const MAX_SNIPPET_LINE: usize = 2_000;

fn snippet_fits(d: &Rendered) -> bool {
    let text = &d.file.text;
    let (near, _) = d.near_related();
    d.labels.iter().chain(near).all(|(range, _)| {
        let start = range.start.min(text.len());
        let end = range.end.min(text.len()).max(start);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        text.is_char_boundary(start) && text.is_char_boundary(end) && line_end - line_start <= MAX_SNIPPET_LINE
    })
}

impl fmt::Debug for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.inner, f)
    }
}

impl fmt::Display for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.inner, f)?;
        if !self.snippet {
            let (line, column) = self.inner.line_col();
            write!(f, "\n  --> {}:{line}:{column}", self.inner.file.display_name())?;
        }
        Ok(())
    }
}

impl std::error::Error for WithSource<'_> {}

impl Diagnostic for WithSource<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.inner.severity {
            SeverityLevel::Error => miette::Severity::Error,
            SeverityLevel::Warning => miette::Severity::Warning,
            SeverityLevel::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        // Without a snippet no related place is labelled, so all of them are listed.
        let note = if self.snippet {
            self.inner.far_note()
        } else {
            let lines: Vec<String> = self
                .inner
                .related
                .iter()
                .map(|(r, _)| self.inner.file.line_col(r.start).0.to_string())
                .collect();
            (!lines.is_empty()).then(|| {
                format!(
                    "{} {}",
                    self.inner.lang.pick("ook op regel", "also at line"),
                    lines.join(", ")
                )
            })
        };
        let text = match (&self.inner.help, note) {
            (Some(h), Some(n)) => format!("{h}\n{n}"),
            (Some(h), None) => h.clone(),
            (None, Some(n)) => n,
            (None, None) => return None,
        };
        Some(Box::new(text) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.then_some(&self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.snippet {
            return None;
        }
        let file = &self.inner.file;
        let (near, _) = self.inner.near_related();
        Some(Box::new(self.inner.labels.iter().chain(near).enumerate().map(
            move |(i, (range, text))| {
                let span = file.span(range.start, range.len());
                if i == 0 {
                    LabeledSpan::new_primary_with_span(Some(text.clone()), span)
                } else {
                    LabeledSpan::new_with_span(Some(text.clone()), span)
                }
            },
        )))
    }
}

/// Renders diagnostics the way a person reads them: rustc-style header, the YAML snippet with
/// the value underlined and `file:line:col`, then the help. No colour when `color` is false.
///
/// Each diagnostic's text depends on nothing but itself, so many are rendered in parallel
/// (in order): printing thousands of findings was most of a large lint run, on one core.
pub fn render_human<R: Borrow<Rendered> + Sync>(diagnostics: &[R], color: bool, width: usize) -> String {
    use rayon::prelude::*;
    const CHUNK: usize = 32;
    let render = |chunk: &[R]| {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(width)
            .with_context_lines(1)
            .without_syntax_highlighting();
        let mut out = String::new();
        for d in chunk {
            let d = d.borrow();
            let wrapped = WithSource {
                inner: d,
                source: d.source(),
                snippet: snippet_fits(d),
            };
            // Writing into a String cannot fail.
            let _ = handler.render_report(&mut out, &wrapped);
        }
        out
    };
    if diagnostics.len() <= CHUNK {
        return render(diagnostics);
    }
    diagnostics
        .par_chunks(CHUNK)
        .map(render)
        .collect::<Vec<String>>()
        .concat()
}
