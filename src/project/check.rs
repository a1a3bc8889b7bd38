//! Stages 2 and 3, load and lint, for one file at a time.

use std::path::Path;

use rayon::prelude::*;

use super::inputs::load_record;
use super::report::{Record, Summary};
use crate::i18n::Lang;
use crate::lint::{self, Finding, LintOptions};
use crate::model::load::{LoadFailure, Loaded, load_bytes, read_file};

/// One file after load and lint.
#[derive(Debug)]
pub enum Checked {
    /// Loaded, with every finding of the rules.
    Linted {
        loaded: Box<Loaded>,
        findings: Vec<Finding>,
    },
    /// Refused by the loader (`L…` diagnostics).
    Failed(LoadFailure),
}

impl Checked {
    /// Reads, loads and lints `path`.
    pub fn file(path: &Path, options: &LintOptions) -> Checked {
        match read_file(path) {
            Ok(bytes) => Checked::bytes(path, &bytes, options),
            Err(failure) => Checked::Failed(failure),
        }
    }

    /// Loads and lints bytes read from `path`.
    pub fn bytes(path: &Path, bytes: &[u8], options: &LintOptions) -> Checked {
        match load_bytes(path, bytes) {
            Ok(loaded) => {
                let findings = lint::check(&loaded, options);
                Checked::Linted {
                    loaded: Box::new(loaded),
                    findings,
                }
            }
            Err(failure) => Checked::Failed(failure),
        }
    }

    /// The counts of this file (a load failure counts its errors).
    pub fn summary(&self) -> Summary {
        match self {
            Checked::Linted { findings, .. } => Summary::of_findings(findings),
            Checked::Failed(failure) => Summary {
                files: 1,
                errors: failure
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity() == crate::diagnostics::SeverityLevel::Error)
                    .count(),
                ..Summary::default()
            },
        }
    }

    /// Every problem as a record in `lang`. The findings of a file are rendered in parallel
    /// when there are many: each one's snippet is independent of the others.
    pub fn records(&self, lang: Lang) -> Vec<Record> {
        match self {
            Checked::Failed(failure) => failure
                .diagnostics
                .iter()
                .map(|d| load_record(d, &failure.file, lang))
                .collect(),
            Checked::Linted { loaded, findings } if findings.len() >= PARALLEL_FINDINGS => findings
                .par_iter()
                .map(|f| Record::of_finding(f, &loaded.file, lang))
                .collect(),
            Checked::Linted { loaded, findings } => findings
                .iter()
                .map(|f| Record::of_finding(f, &loaded.file, lang))
                .collect(),
        }
    }
}

/// Below this many findings, rendering them on one thread is cheaper than sharing the work.
const PARALLEL_FINDINGS: usize = 64;
