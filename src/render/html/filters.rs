//! Escaping and the `inlines` filter: the only places where text becomes HTML.
//!
//! Every string from a [`Statement`](crate::document::Statement) is plain text. Templates
//! print plain strings with `{{ … }}` (autoescaped with [`escape_html`]) and inline content
//! with `{{ content | inlines }}`, which writes the few inline elements the document model
//! knows and escapes every piece of text and every attribute value.

use std::collections::HashMap;
use std::fmt::Write as _;

use tera::Value;

/// Deeper inline nesting than this is written as plain text (the document builder never
/// nests more than a few levels; this only bounds recursion).
const MAX_INLINE_DEPTH: usize = 32;

/// Text deeper than this (in serialized values) is left out; only a bound on recursion.
const MAX_TEXT_DEPTH: usize = 1024;

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    push_escaped(&mut out, input);
    out
}

/// Appends `input` to `out`, escaped for element content and double-quoted attributes.
pub fn push_escaped(out: &mut String, input: &str) {
    let mut last = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&input[last..]);
}

/// Whether a link target may become an `href`: http, https and mailto only, as the document
/// builder promises. Checked again here so that no other scheme (`javascript:`, `data:`)
/// can reach an attribute whatever the builder does.
pub fn allowed_href(href: &str) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !href.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Percent-encodes one path segment (an organisation's slug) for a relative URL.
pub fn url_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Writes serialized inline content (`[{"type": "text", "text": …}, …]`) as HTML.
pub fn inlines_to_html(value: &Value) -> String {
    let mut out = String::new();
    push_inlines(&mut out, value, 0);
    out
}

fn push_inlines(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Array(items) => {
            for item in items {
                push_inline(out, item, depth);
            }
        }
        // A single inline or a plain string are accepted too, for theme authors.
        Value::Object(_) => push_inline(out, value, depth),
        Value::String(text) => push_escaped(out, text),
        _ => {}
    }
}

fn push_inline(out: &mut String, inline: &Value, depth: usize) {
    let Value::Object(map) = inline else {
        if let Value::String(text) = inline {
            push_escaped(out, text);
        }
        return;
    };
    let content = map.get("content").unwrap_or(&Value::Null);
    if depth >= MAX_INLINE_DEPTH {
        push_plain(out, inline);
        return;
    }
    match map.get("type").and_then(Value::as_str) {
        Some("text") => {
            if let Some(text) = map.get("text").and_then(Value::as_str) {
                push_escaped(out, text);
            }
        }
        Some("strong") => {
            out.push_str("<strong>");
            push_inlines(out, content, depth + 1);
            out.push_str("</strong>");
        }
        Some("emphasis") => {
            out.push_str("<em>");
            push_inlines(out, content, depth + 1);
            out.push_str("</em>");
        }
        Some("link") => match map.get("href").and_then(Value::as_str) {
            Some(href) if allowed_href(href) => {
                // A link that shows its own address needs no printed copy of it.
                let shows_address = same_address(&plain_text(content), href);
                out.push_str(if shows_address {
                    "<a class=\"vk-url\" href=\""
                } else {
                    "<a href=\""
                });
                push_escaped(out, href);
                out.push_str("\">");
                push_inlines(out, content, depth + 1);
                out.push_str("</a>");
            }
            // Not a link we trust: keep the words, drop the target.
            _ => push_inlines(out, content, depth + 1),
        },
        Some("line_break") => out.push_str("<br>"),
        _ => {}
    }
}

/// Writes serialized blocks (`[{"type": "paragraph", …}, …]`) as HTML, one element per
/// line: paragraphs, notices, lists, definition lists and tables with a caption, column
/// headers (`scope="col"`) and row headers (`scope="row"`). Done in Rust rather than in a
/// template macro because it is most of the page and tera copies macro arguments.
pub fn blocks_to_html(value: &Value) -> String {
    let mut out = String::new();
    if let Value::Array(blocks) = value {
        for block in blocks {
            push_block(&mut out, block);
        }
    }
    out
}

fn push_block(out: &mut String, block: &Value) {
    let Value::Object(map) = block else {
        return;
    };
    let empty = Vec::new();
    let list = |key: &str| map.get(key).and_then(Value::as_array).unwrap_or(&empty);
    let text = |key: &str| map.get(key).and_then(Value::as_str).unwrap_or_default();
    let content = map.get("content").unwrap_or(&Value::Null);
    match map.get("type").and_then(Value::as_str) {
        Some("paragraph") => {
            out.push_str("\n<p>");
            push_inlines(out, content, 0);
            out.push_str("</p>");
        }
        Some("notice") => {
            out.push_str("\n<div class=\"vk-notice vk-notice--");
            push_escaped(out, text("kind"));
            out.push_str("\" role=\"note\">\n<p>");
            push_inlines(out, content, 0);
            out.push_str("</p>\n</div>");
        }
        Some("list") => {
            let tag = if map.get("ordered").and_then(Value::as_bool) == Some(true) {
                "ol"
            } else {
                "ul"
            };
            out.push_str("\n<");
            out.push_str(tag);
            out.push_str(" class=\"vk-list\">");
            for item in list("items") {
                out.push_str("\n<li>");
                push_inlines(out, item, 0);
                out.push_str("</li>");
            }
            out.push_str("\n</");
            out.push_str(tag);
            out.push('>');
        }
        Some("definitions") => {
            out.push_str("\n<dl class=\"vk-definitions\">");
            for item in list("items") {
                out.push_str("\n<div class=\"vk-definitions__item\">\n<dt>");
                push_escaped(out, item.get("term").and_then(Value::as_str).unwrap_or_default());
                out.push_str("</dt>\n<dd>");
                push_inlines(out, item.get("description").unwrap_or(&Value::Null), 0);
                out.push_str("</dd>\n</div>");
            }
            out.push_str("\n</dl>");
        }
        Some("table") => {
            // A labelled, focusable scroll region: on narrow screens the table scrolls on its
            // own instead of widening the page (WCAG 1.4.10), and keyboard users can scroll it.
            out.push_str("\n<div class=\"vk-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"");
            push_escaped(out, text("caption"));
            out.push_str("\">\n<table class=\"vk-table\">\n<caption>");
            push_escaped(out, text("caption"));
            out.push_str("</caption>");
            let headers = list("headers");
            if !headers.is_empty() {
                out.push_str("\n<thead>\n<tr>");
                for header in headers {
                    out.push_str("\n<th scope=\"col\">");
                    push_escaped(out, header.as_str().unwrap_or_default());
                    out.push_str("</th>");
                }
                out.push_str("\n</tr>\n</thead>");
            }
            out.push_str("\n<tbody>");
            for row in list("rows") {
                out.push_str("\n<tr>");
                for (i, cell) in row.as_array().unwrap_or(&empty).iter().enumerate() {
                    let (open, close) = if i == 0 {
                        ("\n<th scope=\"row\">", "</th>")
                    } else {
                        ("\n<td>", "</td>")
                    };
                    out.push_str(open);
                    push_inlines(out, cell, 0);
                    out.push_str(close);
                }
                out.push_str("\n</tr>");
            }
            out.push_str("\n</tbody>\n</table>\n</div>");
        }
        _ => {}
    }
}

/// Whether the visible text of a link is its address (`https://x.nl/` shown as `x.nl`).
fn same_address(text: &str, href: &str) -> bool {
    fn bare(s: &str) -> String {
        let s = s.trim().to_ascii_lowercase();
        let s = ["https://", "http://", "mailto:"]
            .iter()
            .find_map(|p| s.strip_prefix(p))
            .unwrap_or(&s)
            .to_string();
        let s = s.strip_prefix("www.").unwrap_or(&s);
        s.trim_end_matches('/').to_string()
    }
    !text.trim().is_empty() && bare(text) == bare(href)
}

fn plain_text(value: &Value) -> String {
    let mut out = String::new();
    collect_text(&mut out, value, 0);
    out
}

fn collect_text(out: &mut String, value: &Value, depth: usize) {
    if depth > MAX_TEXT_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|i| collect_text(out, i, depth + 1)),
        Value::Object(map) => {
            if let Some(text) = map.get("text").and_then(Value::as_str) {
                out.push_str(text);
            }
            if let Some(content) = map.get("content") {
                collect_text(out, content, depth + 1);
            }
            if map.get("type").and_then(Value::as_str) == Some("line_break") {
                out.push(' ');
            }
        }
        Value::String(text) => out.push_str(text),
        _ => {}
    }
}

/// The text of an inline without any markup (beyond the depth limit).
fn push_plain(out: &mut String, inline: &Value) {
    push_escaped(out, &plain_text(inline));
}

/// The `blocks` filter: [`blocks_to_html`]. Its output is escaped HTML, so it is safe.
pub struct Blocks;

impl tera::Filter for Blocks {
    fn filter(&self, value: &Value, _args: &HashMap<String, Value>) -> tera::Result<Value> {
        Ok(Value::String(blocks_to_html(value)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// The `inlines` filter. Its output is HTML that is already escaped, so it is marked safe.
pub struct Inlines;

impl tera::Filter for Inlines {
    fn filter(&self, value: &Value, _args: &HashMap<String, Value>) -> tera::Result<Value> {
        Ok(Value::String(inlines_to_html(value)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            escape_html("geen bijzondere tekens: é ü"),
            "geen bijzondere tekens: é ü"
        );
    }

    #[test]
    fn only_http_https_mailto_become_links() {
        for ok in [
            "https://example.nl/a?b=c&d",
            "http://x.nl",
            "mailto:a@b.nl",
            "HTTPS://X.NL",
        ] {
            assert!(allowed_href(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example",
            "https://x.nl/\u{0}",
            "https://x.nl/ onmouseover=x",
            "",
        ] {
            assert!(!allowed_href(bad), "{bad}");
        }
    }

    #[test]
    fn inline_content_is_escaped_and_links_checked() {
        let value = json!([
            {"type": "text", "text": "<script>alert(1)</script> & "},
            {"type": "strong", "content": [{"type": "text", "text": "vet"}]},
            {"type": "line_break"},
            {"type": "emphasis", "content": [{"type": "text", "text": "schuin"}]},
            {"type": "link", "href": "https://x.nl/?a=1&b=\"2\"", "content": [{"type": "text", "text": "x"}]},
            {"type": "link", "href": "javascript:alert(1)", "content": [{"type": "text", "text": "klik"}]},
            {"type": "link", "href": "https://www.x.nl/", "content": [{"type": "text", "text": "x.nl"}]},
            {"type": "onbekend", "text": "weg"}
        ]);
        assert_eq!(
            inlines_to_html(&value),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong>vet</strong><br><em>schuin</em>\
             <a href=\"https://x.nl/?a=1&amp;b=&quot;2&quot;\">x</a>klik<a class=\"vk-url\" href=\"https://www.x.nl/\">x.nl</a>"
        );
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let mut value = json!({"type": "text", "text": "kern"});
        for _ in 0..100 {
            value = json!({"type": "strong", "content": [value]});
        }
        let html = inlines_to_html(&json!([value]));
        assert_eq!(html.matches("<strong>").count(), MAX_INLINE_DEPTH);
        assert!(html.contains("kern"));
    }

    #[test]
    fn slugs_are_percent_encoded() {
        assert_eq!(url_segment("praktijk-lignum"), "praktijk-lignum");
        assert_eq!(url_segment("a b/\"c\"?#"), "a%20b%2F%22c%22%3F%23");
        assert_eq!(url_segment("é"), "%C3%A9");
    }
}
