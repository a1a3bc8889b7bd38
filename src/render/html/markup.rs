//! The typed HTML writer: blocks and inline content of a [`Statement`](crate::document::Statement)
//! become HTML here, and only here.
//!
//! Every `match` on [`BlockKind`], [`NoticeKind`] and [`Inline`] is exhaustive (no `_` arm),
//! so a new variant in the document model does not compile until this writer shows it.
//! Every piece of text goes through [`push_escaped`]; a link target becomes an `href` only
//! when [`allowed_href`] accepts it (http, https, mailto), otherwise its words are kept and
//! the target dropped.
//!
//! The output is one element per line and depends on nothing but its input, so the same
//! statement gives the same bytes.

use super::escape::{allowed_href, push_escaped};
use crate::document::{Block, BlockKind, Definition, Inline, NoticeKind, Table};

/// Deeper inline nesting than this is written as plain text (the document builder never
/// nests more than a few levels; this only bounds recursion).
pub const MAX_INLINE_DEPTH: usize = 32;

/// Blocks as HTML: paragraphs, notices, lists, definition lists and tables, each starting
/// on a new line.
pub fn blocks_to_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        push_block(&mut out, block);
    }
    out
}

/// Inline content as HTML (text, `<strong>`, `<em>`, `<a>`, `<br>`).
pub fn inlines_to_html(content: &[Inline]) -> String {
    let mut out = String::new();
    push_inlines(&mut out, content, 0);
    out
}

/// The CSS modifier of a notice (`vk-notice--important`).
pub fn notice_class(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Important => "important",
        NoticeKind::Missing => "missing",
    }
}

fn push_block(out: &mut String, block: &Block) {
    // `paths` are for the fidelity test, not for readers: they are not written.
    let Block { kind, paths: _ } = block;
    match kind {
        BlockKind::Paragraph { content } => {
            out.push_str("\n<p>");
            push_inlines(out, content, 0);
            out.push_str("</p>");
        }
        BlockKind::Notice { kind, content } => {
            out.push_str("\n<div class=\"vk-notice vk-notice--");
            out.push_str(notice_class(*kind));
            out.push_str("\" role=\"note\">\n<p>");
            push_inlines(out, content, 0);
            out.push_str("</p>\n</div>");
        }
        BlockKind::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            out.push_str("\n<");
            out.push_str(tag);
            out.push_str(" class=\"vk-list\">");
            for item in items {
                out.push_str("\n<li>");
                push_inlines(out, item, 0);
                out.push_str("</li>");
            }
            out.push_str("\n</");
            out.push_str(tag);
            out.push('>');
        }
        BlockKind::Definitions { items } => {
            out.push_str("\n<dl class=\"vk-definitions\">");
            for Definition { term, description } in items {
                out.push_str("\n<div class=\"vk-definitions__item\">\n<dt>");
                push_escaped(out, term);
                out.push_str("</dt>\n<dd>");
                push_inlines(out, description, 0);
                out.push_str("</dd>\n</div>");
            }
            out.push_str("\n</dl>");
        }
        BlockKind::Table(table) => push_table(out, table),
    }
}

/// A table with a caption, column headers (`scope="col"`) and row headers (`scope="row"`,
/// the first cell of each row). Every data cell carries its column header as `data-label`:
/// on a narrow screen the stylesheet turns each row into a card headed by its row header,
/// with every value under its label, so the page never scrolls sideways (WCAG 1.4.10).
fn push_table(out: &mut String, table: &Table) {
    let Table { caption, headers, rows } = table;
    out.push_str("\n<table class=\"vk-table\">\n<caption>");
    push_escaped(out, caption);
    out.push_str("</caption>");
    if !headers.is_empty() {
        out.push_str("\n<thead>\n<tr>");
        for header in headers {
            out.push_str("\n<th scope=\"col\">");
            push_escaped(out, header);
            out.push_str("</th>");
        }
        out.push_str("\n</tr>\n</thead>");
    }
    out.push_str("\n<tbody>");
    for row in rows {
        out.push_str("\n<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                out.push_str("\n<th scope=\"row\">");
                push_inlines(out, cell, 0);
                out.push_str("</th>");
            } else {
                match headers.get(i).filter(|h| !h.trim().is_empty()) {
                    Some(label) => {
                        out.push_str("\n<td data-label=\"");
                        push_escaped(out, label);
                        out.push_str("\">");
                    }
                    None => out.push_str("\n<td>"),
                }
                push_inlines(out, cell, 0);
                out.push_str("</td>");
            }
        }
        out.push_str("\n</tr>");
    }
    out.push_str("\n</tbody>\n</table>");
}

fn push_inlines(out: &mut String, content: &[Inline], depth: usize) {
    for inline in content {
        push_inline(out, inline, depth);
    }
}

fn push_inline(out: &mut String, inline: &Inline, depth: usize) {
    if depth >= MAX_INLINE_DEPTH {
        push_escaped(out, &Inline::plain(std::slice::from_ref(inline)));
        return;
    }
    match inline {
        Inline::Text { text } => push_escaped(out, text),
        Inline::Strong { content } => {
            out.push_str("<strong>");
            push_inlines(out, content, depth + 1);
            out.push_str("</strong>");
        }
        Inline::Emphasis { content } => {
            out.push_str("<em>");
            push_inlines(out, content, depth + 1);
            out.push_str("</em>");
        }
        Inline::Link { href, content } => {
            if allowed_href(href) {
                // A link that shows its own address needs no printed copy of it (print CSS).
                out.push_str(if same_address(&Inline::plain(content), href) {
                    "<a class=\"vk-url\" href=\""
                } else {
                    "<a href=\""
                });
                push_escaped(out, href);
                out.push_str("\">");
                push_inlines(out, content, depth + 1);
                out.push_str("</a>");
            } else {
                // Not a link we trust: keep the words, drop the target.
                push_inlines(out, content, depth + 1);
            }
        }
        Inline::LineBreak => out.push_str("<br>"),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::text(t)
    }

    #[test]
    fn inline_content_is_escaped_and_links_checked() {
        let content = vec![
            text("<script>alert(1)</script> & "),
            Inline::Strong {
                content: vec![text("vet")],
            },
            Inline::LineBreak,
            Inline::Emphasis {
                content: vec![text("schuin")],
            },
            Inline::link("https://x.nl/?a=1&b=\"2\"", "x"),
            Inline::link("javascript:alert(1)", "klik"),
            Inline::link("https://www.x.nl/", "x.nl"),
        ];
        assert_eq!(
            inlines_to_html(&content),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong>vet</strong><br><em>schuin</em>\
             <a href=\"https://x.nl/?a=1&amp;b=&quot;2&quot;\">x</a>klik<a class=\"vk-url\" href=\"https://www.x.nl/\">x.nl</a>"
        );
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let mut inline = text("kern");
        for _ in 0..100 {
            inline = Inline::Strong { content: vec![inline] };
        }
        let html = inlines_to_html(&[inline]);
        assert_eq!(html.matches("<strong>").count(), MAX_INLINE_DEPTH);
        assert!(html.contains("kern"));
    }

    #[test]
    fn table_cells_carry_their_column_header() {
        let table = Block::new(BlockKind::Table(Table {
            caption: "Bewaartermijnen <x>".into(),
            headers: vec!["Gegevens".into(), "Termijn \"lang\"".into(), " ".into()],
            rows: vec![vec![
                vec![text("Dossier")],
                vec![text("20 jaar")],
                vec![text("zonder kop")],
                vec![text("extra")],
            ]],
        }));
        assert_eq!(
            blocks_to_html(&[table]),
            "\n<table class=\"vk-table\">\n<caption>Bewaartermijnen &lt;x&gt;</caption>\
             \n<thead>\n<tr>\n<th scope=\"col\">Gegevens</th>\n<th scope=\"col\">Termijn &quot;lang&quot;</th>\
             \n<th scope=\"col\"> </th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<th scope=\"row\">Dossier</th>\
             \n<td data-label=\"Termijn &quot;lang&quot;\">20 jaar</td>\n<td>zonder kop</td>\n<td>extra</td>\
             \n</tr>\n</tbody>\n</table>"
        );
    }

    #[test]
    fn notices_lists_and_definitions() {
        let blocks = [
            Block::new(BlockKind::Notice {
                kind: NoticeKind::Missing,
                content: vec![text("ontbreekt")],
            }),
            Block::new(BlockKind::List {
                ordered: true,
                items: vec![vec![text("een")], vec![text("twee")]],
            }),
            Block::new(BlockKind::Definitions {
                items: vec![Definition {
                    term: "Rechtsgrond".into(),
                    description: vec![text("toestemming")],
                }],
            }),
        ];
        assert_eq!(
            blocks_to_html(&blocks),
            "\n<div class=\"vk-notice vk-notice--missing\" role=\"note\">\n<p>ontbreekt</p>\n</div>\
             \n<ol class=\"vk-list\">\n<li>een</li>\n<li>twee</li>\n</ol>\
             \n<dl class=\"vk-definitions\">\n<div class=\"vk-definitions__item\">\n<dt>Rechtsgrond</dt>\
             \n<dd>toestemming</dd>\n</div>\n</dl>"
        );
    }
}
