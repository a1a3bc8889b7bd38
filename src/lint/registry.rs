//! The one table of rule codes. A code is never reused; a retired rule keeps its line.

use super::rules::{categories as c, identity as i, purposes as p, recipients as r, retention as t, rights as g};
use super::{Rule, RuleDocs, RuleMeta};
use crate::diagnostics::SeverityLevel;

#[rustfmt::skip]
static RULES: &[Rule] = &[
    // VK0xx — document and identity
    i::VK001, i::VK002, i::VK003, i::VK004, i::VK005, i::VK006, i::VK007, i::VK008, i::VK009, i::VK010,
    // VK1xx — purposes and legal bases
    p::VK101, p::VK102, p::VK103, p::VK105, p::VK106, p::VK107, p::VK111,
    // VK2xx — data categories
    c::VK201, c::VK203, c::VK205, c::VK206, c::VK207,
    // VK3xx — recipients and transfers
    r::VK301, r::VK302, r::VK303, r::VK305, r::VK306, r::VK307, r::VK308, r::VK310,
    // VK4xx — retention
    t::VK401, t::VK402, t::VK406, t::VK407,
    // VK5xx — rights and requests
    g::VK509, g::VK510, g::VK511, g::VK512, g::VK513, g::VK514, g::VK515,
];

/// Findings about the `lint:` block itself (not run as checks; raised by the engine).
pub static SUPPRESSION_EXPIRED: RuleMeta = RuleMeta {
    code: "VK901",
    name: "suppression-expired",
    severity: SeverityLevel::Warning,
    article: "verklaar: lint.allow",
    docs: RuleDocs {
        what: "Of een uitzondering in `lint.allow` over haar einddatum (`until`) heen is.",
        why: "Een uitzondering is een bewuste, tijdelijke keuze. Na de einddatum telt de melding weer, en deze melding herinnert u eraan.",
        bad: "lint:\n  allow:\n    - { rule: VK401, at: purposes.fotos, reason: Termijn wordt vastgesteld, until: 2024-01-01 }\n",
        good: "lint:\n  allow:\n    - { rule: VK401, at: purposes.fotos, reason: Termijn wordt vastgesteld, until: 2027-01-01 }\n",
    },
};

pub static SUPPRESSION_UNUSED: RuleMeta = RuleMeta {
    code: "VK902",
    name: "suppression-unused",
    severity: SeverityLevel::Warning,
    article: "verklaar: lint.allow",
    docs: RuleDocs {
        what: "Of een uitzondering in `lint.allow` nog een melding onderdrukt, en of haar pad (`at`) bestaat.",
        why: "Een uitzondering die niets doet, verbergt straks onbedoeld een nieuwe melding op die plek, of wijst naar een plek die niet (meer) bestaat.",
        bad: "lint:\n  allow:\n    - { rule: VK401, at: purposes.bestaat-niet, reason: … }\n",
        good: "lint:\n  allow:\n    - { rule: VK401, at: purposes.fotos, reason: … }\n",
    },
};

/// The rules that run.
pub fn all() -> &'static [Rule] {
    RULES
}

/// Every code with its metadata, in code order (rules, then the `lint:` block findings).
pub fn rules() -> Vec<&'static RuleMeta> {
    RULES
        .iter()
        .map(|r| &r.meta)
        .chain([&SUPPRESSION_EXPIRED, &SUPPRESSION_UNUSED])
        .collect()
}

pub fn find(code: &str) -> Option<&'static RuleMeta> {
    rules()
        .into_iter()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
}
