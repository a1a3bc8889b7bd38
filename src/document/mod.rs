//! The statement: model → one format-neutral Dutch document, built from one sentence
//! catalogue, which every renderer reads.

pub mod build;
pub mod catalogue;
pub mod coverage;
pub mod markdown;
pub mod model;
pub mod readability;

pub use build::{STANDARD_SECTIONS, build, build_statement};
pub use model::{Block, BlockKind, Definition, Inline, NoticeKind, Section, Statement, Table};
