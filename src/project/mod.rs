//! The pipeline as a library: discover → load → lint → compose → render → write, one
//! organisation flowing through at a time.
//!
//! * [`inputs`]: which files (and which paths were skipped or refused);
//! * [`check`]: load and lint one file ([`check::Checked`]);
//! * [`build`]: compose, render and write each organisation into the site's staging
//!   folder, with typed stage errors and one [`build::Outcome`] per organisation;
//! * [`cache`]: the content-addressed cache that makes a rebuild redo only what changed;
//! * [`report`]: the [`report::Record`] and [`report::Summary`] every caller reports with.
//!
//! `verklaar lint` and `verklaar build` are thin callers in `cli`: they parse arguments,
//! print and choose the exit code.

pub mod build;
pub mod cache;
pub mod check;
pub mod config;
pub mod inputs;
pub mod report;
