//! The lint engine: a registry of rules (one code each, with article and docs) run over a
//! loaded organisation.

pub mod registry;
pub mod rule;

pub use rule::{RuleDocs, RuleMeta};
