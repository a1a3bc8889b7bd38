//! Diagnostics: what went wrong, where, in the user's language, rendered through miette.

pub mod load;
pub mod render;

pub use load::{LoadDiagnostic, LoadIssue};
pub use render::{Rendered, SeverityLevel, render_human};
