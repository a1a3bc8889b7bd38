//! Free-text fields accept a small markdown subset: paragraphs, emphasis, strong, lists and
//! links. This turns it into document blocks — never into HTML — so raw HTML, images, code
//! and headings can only ever come out as plain text, and links keep only http, https and
//! mailto targets (anything else keeps its text and loses the link).

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::model::{Block, BlockKind, Inline};

/// Deepest nesting of emphasis, strong and links kept as markup; anything deeper becomes
/// plain text. Every renderer recurses over inline content (the PDF template through typst
/// function calls, capped at 80; the JSON it reads through serde_json, capped at 128 levels,
/// two per inline), so the document must never hand them more than they accept. No real
/// statement nests emphasis more than two or three deep.
pub const MAX_INLINE_DEPTH: usize = 8;

/// Whether a link target is allowed in the statement.
pub fn safe_href(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !href
            .chars()
            .any(|c| c.is_control() || c == '"' || c == '<' || c == '>' || c == '`')
}

/// Inline content being built, with a stack for nested emphasis and links.
struct InlineStack {
    frames: Vec<(Option<Frame>, Vec<Inline>)>,
}

enum Frame {
    Strong,
    Emphasis,
    Link(Option<String>),
    /// Markup nested deeper than [`MAX_INLINE_DEPTH`]: kept as its text.
    Flat,
}

impl InlineStack {
    fn new() -> InlineStack {
        InlineStack {
            frames: vec![(None, Vec::new())],
        }
    }

    fn push_text(&mut self, text: &str) {
        let top = &mut self.frames.last_mut().expect("the stack keeps its root frame").1;
        match top.last_mut() {
            Some(Inline::Text { text: t }) => t.push_str(text),
            _ => top.push(Inline::text(text)),
        }
    }

    fn push(&mut self, inline: Inline) {
        self.frames
            .last_mut()
            .expect("the stack keeps its root frame")
            .1
            .push(inline);
    }

    fn open(&mut self, frame: Frame) {
        // The root frame is not markup; once the cap is reached every deeper frame is flat,
        // so a flat frame only ever holds text and line breaks.
        let frame = if self.frames.len() > MAX_INLINE_DEPTH {
            Frame::Flat
        } else {
            frame
        };
        self.frames.push((Some(frame), Vec::new()));
    }

    fn close(&mut self) {
        if self.frames.len() < 2 {
            return;
        }
        // Length checked above: the root frame stays.
        let (frame, content) = self.frames.pop().expect("a frame above the root");
        let inline = match frame {
            Some(Frame::Strong) => Inline::Strong { content },
            Some(Frame::Emphasis) => Inline::Emphasis { content },
            Some(Frame::Link(Some(href))) => Inline::Link { href, content },
            // An unsafe link keeps its text only.
            Some(Frame::Link(None) | Frame::Flat) | None => {
                for c in content {
                    match c {
                        Inline::Text { text } => self.push_text(&text),
                        other => self.push(other),
                    }
                }
                return;
            }
        };
        self.push(inline);
    }

    /// Takes the finished content, closing anything left open.
    fn take(&mut self) -> Vec<Inline> {
        while self.frames.len() > 1 {
            self.close();
        }
        let content = std::mem::take(&mut self.frames[0].1);
        trim(content)
    }
}

fn trim(mut content: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text { text }) = content.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = content.last_mut() {
        *text = text.trim_end().to_string();
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    content
}

/// Converts free text to blocks.
pub fn to_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut inline = InlineStack::new();
    // Open lists: (ordered, finished items). Nested lists are flattened into their parent.
    let mut lists: Vec<(bool, Vec<Vec<Inline>>)> = Vec::new();
    let flush_paragraph =
        |inline: &mut InlineStack, blocks: &mut Vec<Block>, lists: &mut Vec<(bool, Vec<Vec<Inline>>)>| {
            let content = inline.take();
            if content.is_empty() {
                return;
            }
            match lists.last_mut() {
                Some((_, items)) => items.push(content),
                None => blocks.push(Block::new(BlockKind::Paragraph { content })),
            }
        };
    for event in Parser::new_ext(text, Options::empty()) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_)) => {}
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock) => {
                if lists.is_empty() {
                    flush_paragraph(&mut inline, &mut blocks, &mut lists);
                } else {
                    inline.push_text(" ");
                }
            }
            Event::Start(Tag::List(start)) => {
                flush_paragraph(&mut inline, &mut blocks, &mut lists);
                lists.push((start.is_some(), Vec::new()));
            }
            Event::End(TagEnd::List(_)) => {
                flush_paragraph(&mut inline, &mut blocks, &mut lists);
                if let Some((ordered, items)) = lists.pop() {
                    match lists.last_mut() {
                        Some((_, parent)) => parent.extend(items),
                        None if !items.is_empty() => blocks.push(Block::new(BlockKind::List { ordered, items })),
                        None => {}
                    }
                }
            }
            Event::Start(Tag::Item) => {}
            Event::End(TagEnd::Item) => flush_paragraph(&mut inline, &mut blocks, &mut lists),
            Event::Start(Tag::Strong) => inline.open(Frame::Strong),
            Event::Start(Tag::Emphasis) => inline.open(Frame::Emphasis),
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link) => inline.close(),
            Event::Start(Tag::Link {
                link_type, dest_url, ..
            }) => {
                let href = (link_type != LinkType::Email || dest_url.starts_with("mailto:"))
                    .then(|| dest_url.to_string())
                    .or_else(|| Some(format!("mailto:{dest_url}")))
                    .filter(|h| safe_href(h));
                inline.open(Frame::Link(href));
            }
            // Images keep their alt text only.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => inline.push_text(&t),
            Event::SoftBreak => inline.push_text(" "),
            Event::HardBreak => inline.push(Inline::LineBreak),
            Event::Rule => flush_paragraph(&mut inline, &mut blocks, &mut lists),
            _ => {}
        }
    }
    flush_paragraph(&mut inline, &mut blocks, &mut lists);
    blocks
}

/// Free text that must stay inline (a table cell, a definition): blocks joined by spaces.
pub fn to_inline(text: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for block in to_blocks(text) {
        let parts = match block.kind {
            BlockKind::Paragraph { content } => vec![content],
            BlockKind::List { items, .. } => items,
            _ => Vec::new(),
        };
        for part in parts {
            if !out.is_empty() {
                out.push(Inline::text(" "));
            }
            out.extend(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(blocks: &[Block]) -> String {
        blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Paragraph { content } => Inline::plain(content),
                BlockKind::List { items, .. } => items
                    .iter()
                    .map(|i| format!("- {}", Inline::plain(i)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn subset() {
        let blocks = to_blocks(
            "Wij *gebruiken* **uw** gegevens.\n\n- een\n- twee\n\n[AP](https://autoriteitpersoonsgegevens.nl)",
        );
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[1].kind, BlockKind::List { items, ordered: false } if items.len() == 2));
        assert!(
            matches!(&blocks[2].kind, BlockKind::Paragraph { content } if matches!(&content[0], Inline::Link { href, .. } if href == "https://autoriteitpersoonsgegevens.nl"))
        );
    }

    fn depth(content: &[Inline]) -> usize {
        content
            .iter()
            .map(|i| match i {
                Inline::Strong { content } | Inline::Emphasis { content } | Inline::Link { content, .. } => {
                    1 + depth(content)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_the_text() {
        let text = format!("{}x{}", "*".repeat(130), "*".repeat(130));
        let blocks = to_blocks(&text);
        let BlockKind::Paragraph { content } = &blocks[0].kind else {
            panic!("one paragraph: {blocks:?}");
        };
        assert_eq!(depth(content), MAX_INLINE_DEPTH);
        assert_eq!(Inline::plain(content), "x");
        let links = format!("{}x{}", "[".repeat(40), "](https://a.nl)".repeat(40));
        for block in to_blocks(&links) {
            if let BlockKind::Paragraph { content } = &block.kind {
                assert!(depth(content) <= MAX_INLINE_DEPTH);
            }
        }
    }

    #[test]
    fn hostile_input_becomes_text() {
        let blocks = to_blocks(
            "<script>alert(1)</script> [x](javascript:alert(1)) ![img](https://e.x/i.png) <b onclick=x>b</b>",
        );
        let text = plain(&blocks);
        assert!(
            text.contains("<script>alert(1)</script>"),
            "kept as literal text: {text}"
        );
        let has_link = |b: &Block| matches!(&b.kind, BlockKind::Paragraph { content } if content.iter().any(|i| matches!(i, Inline::Link { .. })));
        assert!(!blocks.iter().any(has_link));
        assert!(!safe_href("javascript:alert(1)") && !safe_href("data:text/html,x") && safe_href("mailto:a@b.nl"));
    }
}
