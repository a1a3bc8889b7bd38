//! Which values of an organisation file the statement deliberately does not show, and why.
//!
//! Everything else is shown: `tests/fidelity.rs` walks every leaf value of every organisation
//! and proves it is in the HTML and PDF text, or covered by a block's model paths, or listed
//! here. Paths are JSON pointers into the file; `*` stands for any array index.

/// (path pattern, reason) of every field that is not shown in the statement.
pub const NOT_SHOWN: &[(&str, &str)] = &[
    (
        "/schema_version",
        "the version of the file format, not a fact about the organisation",
    ),
    (
        "/data_subjects/*/id",
        "an internal key for references; the reader sees the name",
    ),
    (
        "/data_categories/*/id",
        "an internal key for references; the reader sees the name",
    ),
    (
        "/sources/*/id",
        "an internal key for references; the reader sees the name",
    ),
    (
        "/purposes/*/id",
        "an internal key for references (and the purpose's anchor); the reader sees the label or description",
    ),
    (
        "/recipients/*/id",
        "an internal key for references; the reader sees the name",
    ),
    (
        "/organisation/sector",
        "selects the statutory retention norms lint checks; the statement states the norms themselves",
    ),
    (
        "/statement/address_form",
        "shown by the form of address of every sentence",
    ),
    ("/custom_sections/*/after", "decides where the section stands"),
    (
        "/purposes/*/legal_basis_as_stated",
        "audit only: what an existing statement calls its basis; lint reports it, the new statement names the basis from `legal_basis`",
    ),
    (
        "/rights/stated",
        "audit only: the rights an existing statement lists; the new statement derives the rights from the bases",
    ),
    (
        "/rights/objection_stated_separately",
        "audit only: whether an existing statement sets the right to object apart; the new statement always does",
    ),
    ("/lint", "settings for `verklaar lint`, not part of the statement"),
];

/// Fields whose value is an `id` pointing elsewhere in the file: the statement shows the
/// name of what they point to, not the id.
pub const REFERENCES: &[&str] = &[
    "/purposes/*/data_subjects/*",
    "/purposes/*/data_categories/*",
    "/purposes/*/sources/*",
    "/purposes/*/recipients/*",
    "/transfers/*/recipient",
    "/retention/schedule/*/purpose",
    "/retention/schedule/*/data_category",
];

/// Whether a JSON pointer matches a pattern of [`NOT_SHOWN`], [`REFERENCES`] or a block path:
/// the pattern's segments match the first segments of the path (`*` matches any segment).
pub fn matches_prefix(pattern: &str, path: &str) -> bool {
    let mut path_segments = path.split('/');
    for p in pattern.split('/') {
        match path_segments.next() {
            Some(s) if p == "*" || p == s => {}
            _ => return false,
        }
    }
    true
}

/// Whether a pattern matches a path exactly (same number of segments).
pub fn matches_exactly(pattern: &str, path: &str) -> bool {
    pattern.split('/').count() == path.split('/').count() && matches_prefix(pattern, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert!(matches_prefix("/purposes/*/id", "/purposes/3/id"));
        assert!(matches_prefix("/lint", "/lint/allow/0/rule"));
        assert!(!matches_prefix("/purposes/*/id", "/purposes/3/label"));
        assert!(matches_prefix("/organisation/address", "/organisation/address/city"));
        assert!(!matches_prefix("/organisation/address", "/organisation/addressee"));
        assert!(matches_exactly("/transfers/*/recipient", "/transfers/0/recipient"));
        assert!(!matches_exactly("/purposes/*/sources/*", "/purposes/0/sources"));
    }
}
