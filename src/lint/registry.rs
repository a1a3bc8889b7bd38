//! The one table of rule codes. A code is never reused; a retired rule keeps its line.

use super::RuleMeta;

/// All rules, in code order.
pub fn rules() -> &'static [RuleMeta] {
    &[]
}

pub fn find(code: &str) -> Option<&'static RuleMeta> {
    rules().iter().find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
}
