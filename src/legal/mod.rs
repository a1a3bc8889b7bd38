//! Legal reference data as data: the obsolete-terms table (docs/legal/rules-catalogue.md §3), the Dutch retention
//! norms (docs/legal/rules-catalogue.md §2), the basis → rights matrix (in `model::rights`) and the B1 word lists.
//! Each table lives in one place, with its source cited, and is used by the rules and the
//! renderers alike.

pub mod b1;
pub mod patterns;
pub mod retention_norms;
pub mod terms;

/// The countries of the European Economic Area (EU-27, Iceland, Liechtenstein, Norway), with
/// "EL" (the EU's code for Greece) and "EU"/"EEA"/"EER" as written by some statements.
/// Source: EEA Agreement art. 126; TEU art. 52.
pub const EEA: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT", "LV", "LT", "LU",
    "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "EU", "EEA", "EER",
];

/// Whether an ISO 3166 code (any case) lies inside the EEA.
pub fn in_eea(code: &str) -> bool {
    EEA.contains(&code.trim().to_uppercase().as_str())
}
