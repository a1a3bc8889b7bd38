//! Legal reference data as data: the obsolete-terms table (RULES.md §3), the Dutch retention
//! norms (RULES.md §2), the basis → rights matrix (in `model::rights`) and the B1 word lists.
//! Each table lives in one place, with its source cited, and is used by the rules and the
//! renderers alike.

pub mod b1;
pub mod retention_norms;
pub mod terms;
