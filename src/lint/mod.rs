//! The lint engine: a registry of rules (one code each, with article and docs) run over a
//! loaded organisation, then severity overrides and suppressions from the `lint:` block.

pub mod context;
pub mod engine;
pub mod registry;
pub mod rule;
pub mod rule_docs;
pub mod rules;
pub mod selection;

pub use context::{Ctx, Found, Related};
pub use engine::{Finding, LintOptions, check};
pub use rule::{Rule, RuleDocs, RuleMeta};
