//! verklaar: a GDPR compliance report and a consistent Dutch privacy statement from one YAML
//! description of an organisation's processing of personal data.
//!
//! Data flow: `source` (files, spans) → `model` (typed organisation) → `lint` (findings)
//! → `document` (Dutch statement) → `render` (HTML, PDF). The CLI in `cli` drives it.

pub mod calendar;
pub mod cli;
pub mod diagnostics;
pub mod document;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod legal;
pub mod lint;
pub mod model;
pub mod project;
pub mod render;
pub mod site;
pub mod source;
