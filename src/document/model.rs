//! The statement as a format-neutral document: sections of blocks of inline text. The HTML
//! and PDF renderers read only this (and never the YAML model), so both say the same thing.
//!
//! All text here is plain text: renderers escape it. Links carry only http, https and
//! mailto targets (checked when the document is built).

use serde::Serialize;

/// A whole privacy statement for one organisation.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Always "nl": the statement is Dutch whatever `--lang` says.
    pub lang: &'static str,
    /// URL-safe name of the organisation file (`lijv`), used for output folders.
    pub slug: String,
    /// Document title, e.g. "Privacyverklaring Praktijk De Linde".
    pub title: String,
    /// The organisation's name as shown in running heads and metadata.
    pub organisation: String,
    /// "u" or "je".
    pub address_form: &'static str,
    /// Version line under the title ("Versie 2025.1, geldig vanaf 1 maart 2025"), if known.
    pub version_line: Option<String>,
    /// The effective date as ISO text (for metadata), if known.
    pub effective_date: Option<String>,
    /// True when the organisation has error findings: show "Concept — niet publiceren".
    pub draft: bool,
    /// The banner label for drafts ("Concept — niet publiceren", from the catalogue).
    pub draft_label: String,
    /// The banner explanation for drafts (from the catalogue).
    pub draft_notice: Option<String>,
    /// "In het kort": the first layer (WP260 layered notice), at most ~150 words.
    pub summary: Section,
    /// The standard sections in the order of docs/legal/rules-catalogue.md §5, with custom sections in between.
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Stable Dutch anchor (`bewaartermijnen`).
    pub anchor: String,
    pub title: String,
    /// Standard section key (`retention`), or `custom` for organisation-specific sections.
    pub key: String,
    pub blocks: Vec<Block>,
    /// Sub-sections (one per purpose in "Waarvoor gebruiken wij uw gegevens?").
    pub subsections: Vec<Section>,
}

/// A block of content and the model paths it comes from.
///
/// `paths` are JSON-pointer-like paths into the organisation file (`/purposes/0/retention`):
/// every value a block shows comes from one of them, and a block with no paths holds only
/// standard catalogue text. The fidelity test uses them to prove that every value of a file
/// is shown and that nothing is shown that the file does not state.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    #[serde(flatten)]
    pub kind: BlockKind,
    pub paths: Vec<String>,
}

/// What a block holds. Renderers match on this exhaustively: a new kind does not compile
/// until every renderer handles it.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph {
        content: Vec<Inline>,
    },
    /// A paragraph set apart (the right to object, art. 21 lid 4; a missing-information note).
    Notice {
        kind: NoticeKind,
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// Term–description pairs ("Rechtsgrond: …").
    Definitions {
        items: Vec<Definition>,
    },
    Table(Table),
}

#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// Prominent information the law wants set apart.
    Important,
    /// The statement is silent where it should not be (drafts only).
    Missing,
}

#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    pub term: String,
    pub description: Vec<Inline>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Visible caption (also the accessible name).
    pub caption: String,
    pub headers: Vec<String>,
    /// Rows of cells; the first cell of each row is a row header.
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// Inline content. Text is plain text, never markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        content: Vec<Inline>,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    /// `href` is http(s) or mailto only.
    Link {
        href: String,
        content: Vec<Inline>,
    },
    LineBreak,
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text { text: text.into() }
    }

    pub fn link(href: impl Into<String>, text: impl Into<String>) -> Inline {
        Inline::Link {
            href: href.into(),
            content: vec![Inline::text(text)],
        }
    }

    /// The plain text of inline content (for summaries, word counts and PDF bookmarks).
    pub fn plain(content: &[Inline]) -> String {
        let mut out = String::new();
        for inline in content {
            match inline {
                Inline::Text { text } => out.push_str(text),
                Inline::Strong { content } | Inline::Emphasis { content } | Inline::Link { content, .. } => {
                    out.push_str(&Inline::plain(content))
                }
                Inline::LineBreak => out.push(' '),
            }
        }
        out
    }
}

impl Block {
    /// A block of standard text (no model paths).
    pub fn new(kind: BlockKind) -> Block {
        Block {
            kind,
            paths: Vec::new(),
        }
    }

    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::new(BlockKind::Paragraph {
            content: vec![Inline::text(text)],
        })
    }

    /// Records that this block shows the values at `paths` in the organisation file.
    pub fn with_paths(mut self, paths: Vec<String>) -> Block {
        self.paths.extend(paths);
        self
    }

    /// Records that this block shows the value at `path` in the organisation file.
    pub fn from(mut self, path: impl Into<String>) -> Block {
        self.paths.push(path.into());
        self
    }
}

impl From<BlockKind> for Block {
    fn from(kind: BlockKind) -> Block {
        Block::new(kind)
    }
}
