//! Escaping: how plain text becomes HTML text, and which link targets may become an `href`.
//!
//! Every string from a [`Statement`](crate::document::Statement) is plain text. Templates
//! print plain strings with `{{ … }}` (autoescaped with [`escape_html`]); blocks and inline
//! content are written by the typed writer in [`markup`](super::markup), which escapes
//! every piece of text and every attribute value with [`push_escaped`].

use std::fmt::Write as _;

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

#[cfg(test)]
mod tests {
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
    fn slugs_are_percent_encoded() {
        assert_eq!(url_segment("praktijk-lignum"), "praktijk-lignum");
        assert_eq!(url_segment("a b/\"c\"?#"), "a%20b%2F%22c%22%3F%23");
        assert_eq!(url_segment("é"), "%C3%A9");
    }
}
