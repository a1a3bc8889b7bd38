//! How much text one statement may hold. Rendering, the PDF above all, grows with the text:
//! without a bound, one hostile file (a 5 MB section, 100 000 links) takes minutes and gigabytes
//! and holds up every other organisation's build. The limits lie far above any real statement
//! (the largest of the five real ones: one text of 3 144 characters, 25 137 in all, 6 links),
//! so only a file that is not a privacy statement meets them.

use serde_json::Value;

use crate::diagnostics::{LoadDiagnostic, LoadIssue};
use crate::source::{Pointer, SourceMap};

/// Characters in one text field (about eight A4 pages).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Characters in all text fields together (about eighty A4 pages).
pub const MAX_TOTAL_CHARS: usize = 200_000;
/// Web and e-mail links in all text fields together.
pub const MAX_LINKS: usize = 500;

/// A finding for each text over [`MAX_TEXT_CHARS`], and one for the file when all text together
/// is over [`MAX_TOTAL_CHARS`] or holds more than [`MAX_LINKS`] links.
pub fn check(json: &Value, map: &SourceMap) -> Vec<LoadDiagnostic> {
    let mut texts = Vec::new();
    collect(json, Pointer::root(), &mut texts);
    let mut out = Vec::new();
    let mut total = 0;
    let mut links = 0;
    for (at, text) in &texts {
        let chars = text.chars().count();
        total += chars;
        links += count_links(text);
        if chars > MAX_TEXT_CHARS {
            out.push(LoadDiagnostic::new(
                LoadIssue::TextTooLong {
                    key: at.dotted(),
                    chars,
                    limit: MAX_TEXT_CHARS,
                },
                map.span_for(at),
            ));
        }
    }
    if total > MAX_TOTAL_CHARS || links > MAX_LINKS {
        // The file as a whole is at fault: point at its first key (`schema_version`, required),
        // never at the whole text, which a report would print.
        let at = map.key_span(&Pointer::root().key("schema_version")).unwrap_or(0..0);
        out.push(LoadDiagnostic::new(
            LoadIssue::TooMuchText {
                chars: total,
                char_limit: MAX_TOTAL_CHARS,
                links,
                link_limit: MAX_LINKS,
            },
            at,
        ));
    }
    out
}

fn collect(value: &Value, at: Pointer, out: &mut Vec<(Pointer, String)>) {
    match value {
        Value::String(s) => out.push((at, s.clone())),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect(v, at.index(i), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                collect(v, at.key(k), out);
            }
        }
        _ => {}
    }
}

/// Links as the renderers make them: web addresses and e-mail links (a markdown link counts
/// once, by its target).
fn count_links(text: &str) -> usize {
    text.matches("://").count() + text.matches("mailto:").count()
}

#[cfg(test)]
mod tests {
    use super::count_links;

    #[test]
    fn links_are_counted_once_per_target() {
        assert_eq!(count_links("zie https://a.example en [b](https://b.example)"), 2);
        assert_eq!(count_links("[mail](mailto:a@b.example)"), 1);
        assert_eq!(count_links("geen link"), 0);
    }
}
