//! The processing model: everything AVG art. 13 and 14 ask of a privacy statement, as types.
//!
//! [`load`] turns YAML into an [`Organisation`] plus a [`crate::source::SourceMap`] that
//! traces every value back to file, line and column.

pub mod dutch_values;
pub mod limits;
pub mod lint_config;
pub mod load;
pub mod organisation;
pub mod processing;
pub mod recipients;
pub mod references;
pub mod rights;
pub mod schema;
pub mod statement;
pub mod time;
pub mod vocab;

pub use organisation::{Controller, Dpo, Organisation, SCHEMA_VERSION};
pub use processing::{DataCategory, DataSubject, Purpose, Retention, Source};
pub use recipients::{Recipient, Transfer};
pub use rights::{RightGrounds, derived_rights};
