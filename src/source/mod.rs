//! Source files and positions: everything the rest of the program needs to point at YAML.

pub mod discover;
pub mod map;
pub mod tree;

pub use map::{Pointer, SourceMap};

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use miette::{MietteError, NamedSource, SourceCode, SourceSpan, SpanContents};

/// One input file: its path as the user should see it and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown in diagnostics (relative, as given on the command line).
    pub path: PathBuf,
    /// The text. For input that is not valid UTF-8 this is a lossy copy, only for display.
    pub text: Arc<str>,
    /// Byte offsets where lines start, built on first use and shared by clones: positions are
    /// asked for once per finding, and counting from the start each time made a file with
    /// thousands of findings quadratic.
    lines: Arc<OnceLock<Arc<[usize]>>>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
            lines: Arc::default(),
        }
    }

    fn line_starts(&self) -> &Arc<[usize]> {
        self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 0-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts()
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    pub fn display_name(&self) -> String {
        self.path.display().to_string()
    }

    /// The source for miette, named by its path.
    pub fn named_source(&self) -> NamedSource<IndexedText> {
        let text = IndexedText {
            text: Arc::clone(&self.text),
            lines: Arc::clone(self.line_starts()),
        };
        NamedSource::new(self.display_name(), text).with_language("yaml")
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line = self.line_of(offset);
        let line_start = self.line_starts().get(line).copied().unwrap_or(0).min(offset);
        let column = self.text[line_start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Byte offset of a 1-based line and character column.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let mut start = 0;
        for _ in 1..line {
            match self.text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return self.text.len(),
            }
        }
        let line_text = &self.text[start..];
        let line_end = line_text.find('\n').unwrap_or(line_text.len());
        line_text[..line_end]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(start + line_end, |(i, _)| start + i)
    }

    /// A span clamped to the text, never empty when the text is not.
    pub fn span(&self, offset: usize, len: usize) -> SourceSpan {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let end = floor_char_boundary(&self.text, (offset + len).min(self.text.len()));
        SourceSpan::new(offset.into(), end - offset)
    }
}

/// The slug of an organisation file: its name without extension, the folder its statement
/// gets in the site (`organisations/lijv.yaml` → `lijv`).
pub fn slug_of(path: &std::path::Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("organisatie")
        .to_string()
}

/// Turns every lone CR (old Mac line ending) into LF. YAML reads a lone CR as a line break
/// too, so the document does not change; the byte length does not change either, so every
/// offset stays valid, and line and column counting (ours and the snippet renderer's, which
/// both break lines at LF) sees the lines the user sees. CRLF is left as it is.
pub fn normalize_line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone_cr = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone_cr) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    for (i, b) in out.iter_mut().enumerate() {
        if lone_cr(i) {
            *b = b'\n';
        }
    }
    // Replacing one ASCII byte with another keeps UTF-8 valid.
    std::borrow::Cow::Owned(
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// The text with its line index, as miette's source: miette's own `read_span` counts lines
/// from the start of the text for every snippet, which is quadratic in the number of findings.
/// This one hands miette only the lines around the span (from a line start, with the context
/// lines it asks for) and shifts the result back, so the snippet is the same.
#[derive(Debug, Clone)]
pub struct IndexedText {
    text: Arc<str>,
    lines: Arc<[usize]>,
}

impl SourceCode for IndexedText {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let offset = span.offset().min(self.text.len());
        let line = self.lines.partition_point(|&start| start <= offset).saturating_sub(1);
        let first = line.saturating_sub(context_lines_before);
        let window_start = self.lines.get(first).copied().unwrap_or(0);
        let window = &self.text.as_bytes()[window_start..];
        let shifted = SourceSpan::new((offset - window_start).into(), span.len());
        let inner = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let start = inner.span().offset() + window_start;
        Ok(Box::new(miette::MietteSpanContents::new(
            inner.data(),
            SourceSpan::new(start.into(), inner.span().len()),
            inner.line() + first,
            inner.column(),
            inner.line_count() + first,
        )))
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_cr_becomes_lf_and_crlf_stays() {
        assert_eq!(normalize_line_breaks("a\rb\r\nc\r"), "a\nb\r\nc\n");
        assert!(matches!(normalize_line_breaks("a\r\nb"), std::borrow::Cow::Borrowed(_)));
        let file = SourceFile::new("x", normalize_line_breaks("a: 1\rb: 2\rc: 3").into_owned());
        assert_eq!(file.line_col(10), (3, 1));
    }
}
