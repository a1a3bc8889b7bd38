//! The one table of rule codes. A code is never reused; a retired rule keeps its line.

use std::sync::OnceLock;

use super::rules::FAMILIES;
use super::{Rule, RuleDocs, RuleMeta};
use crate::diagnostics::SeverityLevel;
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

pub static SEVERITY_OVERRIDE: RuleMeta = RuleMeta {
    code: "VK903",
    name: "severity-override",
    severity: SeverityLevel::Info,
    article: "verklaar: lint.severity",
    docs: RuleDocs {
        what: "Toont elke regel die standaard een fout is en in `lint.severity` uit of lager staat, met de opgegeven reden.",
        why: "Een verplichte controle uitzetten is een bewuste keuze die zichtbaar moet blijven: in de terminal, in JSON, in SARIF en in de annotaties van GitHub.",
        bad: "lint:\n  severity:\n    VK509: off\n",
        good: "lint:\n  severity:\n    VK509: { level: off, reason: \"Wij nemen geen geautomatiseerde besluiten; bevestigd door de FG op 2025-03-01.\" }\n",
    },
};

/// The rules that run, in code order. Each family file lists its own rules (`RULES`);
/// a code is never reused, and a test checks codes are unique.
pub fn all() -> &'static [&'static Rule] {
    static ALL: OnceLock<Vec<&'static Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut rules: Vec<&'static Rule> = FAMILIES.iter().flat_map(|f| f.iter()).collect();
        rules.sort_by_key(|r| r.meta.code);
        rules
    })
}

/// Every code with its metadata, in code order (rules, then the `lint:` block findings).
pub fn rules() -> Vec<&'static RuleMeta> {
    all()
        .iter()
        .map(|r| &r.meta)
        .chain([&SUPPRESSION_EXPIRED, &SUPPRESSION_UNUSED, &SEVERITY_OVERRIDE])
        .collect()
}

pub fn find(code: &str) -> Option<&'static RuleMeta> {
    rules()
        .into_iter()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let metas = rules();
        for (i, m) in metas.iter().enumerate() {
            assert!(m.code.len() == 5 && m.code.starts_with("VK"), "{}", m.code);
            assert!(
                metas[..i].iter().all(|o| o.code != m.code && o.name != m.name),
                "duplicate {}",
                m.code
            );
        }
    }
}
