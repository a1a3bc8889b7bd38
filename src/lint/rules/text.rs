//! Small text tests shared by rules (vague words, generic phrases, act names).

use std::sync::OnceLock;

use regex::Regex;

fn cached(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    // The patterns are literals in this file, covered by the rule fixtures.
    cell.get_or_init(|| Regex::new(pattern).expect("literal regex"))
}

/// Names a statute: an act ("Wet …", "…wet", known abbreviations) or an article number.
pub fn names_statute(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    cached(
        &RE,
        r"(?i)\bwet\s+[a-z]|\b[a-z]+wet\b|\bart(ikel|\.)?\s*\d|\b(wabvpz|wmo|wlz|zvw|awr|bw|uavg|avg|wgbo|wvp|ziektewet|jeugdwet)\b|\d+:\d+",
    )
    .is_match(text)
}

/// Retention wording that is no term at all (docs/legal/rules-catalogue.md §1 VK402).
pub fn generic_retention(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    cached(
        &RE,
        r"(?i)(niet\s+langer\s+(bewaard\s+)?dan\s+(nodig|noodzakelijk))|\bzo\s+lang\s+(als|als\s+dat)\s+(nodig|noodzakelijk)|\bregelmatig\b|\bonbeperkt\b|historische,?\s+statistische\s+of\s+wetenschappelijke",
    )
    .is_match(text)
}

/// A catch-all recipient ("derden", "instanties", "partners") or one introduced by "bijvoorbeeld"/"o.a.".
pub fn vague_recipient(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    static ZOALS: OnceLock<Regex> = OnceLock::new();
    // "zoals" after a concrete category ("opdrachtgevers (zoals werkgevers)") only gives examples
    // of a named category; after a catch-all ("instanties zoals UWV") the category is still vague.
    let head = cached(&ZOALS, r"(?i)[\s(,]*\bzoals\b")
        .split(text)
        .next()
        .unwrap_or(text);
    cached(
        &RE,
        r"(?i)^\s*(derden|anderen|instanties|partners|andere\s+(relevante\s+)?instanties|overige\s+partijen)\s*$|\b(bijvoorbeeld|o\.a\.|onder\s+andere|e\.d\.|en\s+dergelijke)\b|\brelevante\s+instanties\b",
    )
    .is_match(head)
}

/// The AP complaint made conditional on the internal route, or framed as mediation (VK510).
pub fn conditional_complaint(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    cached(
        &RE,
        r"(?i)\bmocht\s+dat\s+niet\s+lukken\b|\bkom(t\s+u|\s+je)\s+er\s+niet\s+uit\b|\bniet\s+tevreden\b.*\b(dan|daarna)\b|\bbemiddel|\bals\s+(u|je)\s+er\s+(samen\s+)?niet\s+uit(komt|komen)\b|\bu\s+komt\s+er\s+niet\s+uit\b|\bje\s+komt\s+er\s+niet\s+uit\b",
    )
    .is_match(text)
}

/// Keys whose string values are ids, references, enum values, dates or durations: not prose.
const NOT_TEXT_KEYS: &[&str] = &[
    "id",
    "legal_basis",
    "kind",
    "special",
    "role",
    "mechanism",
    "required",
    "address_form",
    "sector",
    "special_category_condition",
    "basis",
    "authority",
    "after",
    "right",
    "period",
    "response_time",
    "deletion_within",
    "effective_date",
    "date",
    "until",
    "rule",
    "at",
    "country",
    "postcode",
    "recipient",
    "purpose",
    "data_category",
    "schema_version",
];

/// Lists whose items are ids (`purposes[0].data_subjects[1]`) or codes.
const ID_LIST_KEYS: &[&str] = &[
    "data_subjects",
    "data_categories",
    "sources",
    "recipients",
    "countries",
    "stated",
    "iban",
];

/// Whether the string at `pointer` is prose a person wrote (not an id, enum or date).
pub fn is_free_text(pointer: &crate::source::Pointer) -> bool {
    let segments: Vec<&str> = pointer.as_str().split('/').skip(1).collect();
    let Some(last) = segments.last() else { return false };
    if segments.first() == Some(&"lint") {
        return !matches!(*last, "rule" | "at" | "until") && segments.get(1) == Some(&"allow");
    }
    if last.bytes().all(|b| b.is_ascii_digit()) {
        // An item of a list: prose unless the list holds ids.
        return segments.len() >= 2 && !ID_LIST_KEYS.contains(&segments[segments.len() - 2]);
    }
    // Cookie lifetimes are durations under `retention`.
    if *last == "retention" {
        return false;
    }
    !NOT_TEXT_KEYS.contains(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statute_names() {
        assert!(names_statute("art. 7:454 lid 3 BW"));
        assert!(names_statute(
            "Wet aanvullende bepalingen verwerking persoonsgegevens in de zorg"
        ));
        assert!(names_statute("Jeugdwet art. 7.3.8"));
        assert!(!names_statute("alleen als dat wettelijk verplicht is"));
        assert!(!names_statute("wettelijke verplichting"));
    }

    #[test]
    fn generic_retention_texts() {
        assert!(generic_retention(
            "Persoonsgegevens worden niet langer bewaard dan noodzakelijk."
        ));
        assert!(generic_retention("We verwijderen oude foto's regelmatig."));
        assert!(!generic_retention(
            "Twintig jaar na de laatste wijziging in het dossier."
        ));
    }

    #[test]
    fn vague_recipients() {
        assert!(vague_recipient("derden"));
        assert!(vague_recipient("instanties zoals UWV of gemeenten"));
        assert!(!vague_recipient("uw zorgverzekeraar"));
        assert!(vague_recipient("andere relevante instanties zoals het CIZ"));
        assert!(!vague_recipient("opdrachtgevers (zoals werkgevers)"));
        assert!(!vague_recipient("opdrachtgevers, zoals gemeenten"));
    }

    #[test]
    fn conditional_complaints() {
        assert!(conditional_complaint(
            "Mocht dat niet lukken, dan kunt u zich wenden tot de AP."
        ));
        assert!(conditional_complaint("u komt er niet uit met de Privacy Officer"));
        assert!(!conditional_complaint(
            "U kunt ook altijd een klacht indienen bij de AP."
        ));
    }
}
