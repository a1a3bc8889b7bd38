//! The rules, one family per file (docs/legal/rules-catalogue.md §1). Each rule declares code, name, severity,
//! article and docs next to its check, through [`rule!`].

/// Declares a rule constant: metadata, docs for `verklaar explain`, and the check function.
macro_rules! rule {
    (
        $ident:ident, $code:literal, $name:literal, $severity:ident, $article:literal,
        what: $what:literal, why: $why:literal, bad: $bad:literal, good: $good:literal,
        check: $check:path $(,)?
    ) => {
        pub const $ident: $crate::lint::Rule = $crate::lint::Rule {
            meta: $crate::lint::RuleMeta {
                code: $code,
                name: $name,
                severity: $crate::diagnostics::SeverityLevel::$severity,
                article: $article,
                docs: $crate::lint::RuleDocs {
                    what: $what,
                    why: $why,
                    bad: $bad,
                    good: $good,
                },
            },
            check: $check,
        };
    };
}

pub mod automated;
pub mod categories;
pub mod consistency;
pub mod identity;
pub mod language;
pub mod purposes;
pub mod recipients;
pub mod retention;
pub mod rights;
mod text;

pub use text::is_free_text;

use super::Rule;

/// Every family's rules; the registry sorts them by code.
pub const FAMILIES: &[&[Rule]] = &[
    identity::RULES,
    purposes::RULES,
    categories::RULES,
    recipients::RULES,
    retention::RULES,
    rights::RULES,
    automated::RULES,
    consistency::RULES,
    language::RULES,
];
