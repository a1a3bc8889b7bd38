//! What every rule declares about itself. `verklaar explain` and `verklaar rules` print this,
//! so the documentation cannot drift from the code.

use serde::Serialize;

use super::context::{Ctx, Found};
use crate::diagnostics::SeverityLevel;

#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleDocs {
    /// "Wat het controleert".
    pub what: &'static str,
    /// "Waarom", with the legal reason.
    pub why: &'static str,
    /// "Voorbeeld (fout)": YAML that fires.
    pub bad: &'static str,
    /// "Voorbeeld (goed)": YAML that does not.
    pub good: &'static str,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: SeverityLevel,
    /// Article reference(s), e.g. "AVG art. 13 lid 1 sub a; art. 14 lid 1 sub a".
    pub article: &'static str,
    pub docs: RuleDocs,
}

/// A rule: its metadata and the check over one loaded organisation.
pub struct Rule {
    pub meta: RuleMeta,
    pub check: fn(&Ctx) -> Vec<Found>,
}
