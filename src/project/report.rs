//! What a run reports: one [`Record`] per problem, whatever stage found it (a load error, a
//! skipped file, a lint finding), and one [`Summary`] of a run. Every output format
//! (`cli::output`) and every caller of the pipeline works on these.

use serde::Serialize;

use crate::diagnostics::{Rendered, SeverityLevel};
use crate::lint::Finding;
use crate::render::LintStatus;
use crate::source::SourceFile;

/// One reported problem, whatever its origin (loader or lint rule).
///
/// Fields in alphabetical order: the JSON report serialises them in declaration order, and
/// its keys have always been sorted (docs/output.md).
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub article: Option<String>,
    pub code: String,
    pub column: usize,
    pub end_column: usize,
    pub end_line: usize,
    pub file: String,
    pub help: Option<String>,
    pub line: usize,
    pub message: String,
    pub name: String,
    /// Other places of the same defect (one finding per defect, not per copy).
    pub related: Vec<RelatedRecord>,
    pub severity: SeverityLevel,
    pub suppressed: bool,
    #[serde(skip)]
    pub justification: Option<String>,
    #[serde(skip)]
    pub rendered: Rendered,
}

/// One related place of a record, 1-based like the record's own position (fields sorted,
/// like [`Record`]'s).
#[derive(Debug, Clone, Serialize)]
pub struct RelatedRecord {
    pub column: usize,
    pub end_column: usize,
    pub end_line: usize,
    pub file: String,
    pub line: usize,
    /// The place's label, in the language of `--lang`.
    pub message: String,
}

impl Record {
    pub fn new(rendered: Rendered, name: &str, article: Option<String>) -> Record {
        let (line, column) = rendered.line_col();
        let (end_line, end_column) = rendered.end_line_col();
        let file = rendered.file.display_name();
        let related = rendered
            .related
            .iter()
            .map(|(range, label)| {
                let (line, column) = rendered.file.line_col(range.start);
                let (end_line, end_column) = rendered.file.line_col(range.end);
                RelatedRecord {
                    file: file.clone(),
                    line,
                    column,
                    end_line,
                    end_column,
                    message: label.clone(),
                }
            })
            .collect();
        Record {
            code: rendered.code.clone(),
            name: name.to_string(),
            severity: rendered.severity,
            message: rendered.message.clone(),
            file: rendered.file.display_name(),
            line,
            column,
            end_line,
            end_column,
            article,
            help: rendered.help.clone(),
            suppressed: false,
            related,
            justification: None,
            rendered,
        }
    }
}

/// Counts of a run (fields sorted, like [`Record`]'s).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub files: usize,
    pub infos: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(records: &[Record], files: usize) -> Summary {
        let mut s = Summary {
            files,
            ..Summary::default()
        };
        for r in records.iter().filter(|r| !r.suppressed) {
            match r.severity {
                SeverityLevel::Error => s.errors += 1,
                SeverityLevel::Warning => s.warnings += 1,
                SeverityLevel::Info => s.infos += 1,
            }
        }
        s
    }
}

impl Record {
    /// A lint finding as a record, in the language of `lang`.
    pub fn of_finding(finding: &Finding, file: &SourceFile, lang: crate::i18n::Lang) -> Record {
        let mut record = Record::new(
            finding.render(file, lang),
            finding.rule.name,
            Some(finding.rule.article.to_string()),
        );
        record.suppressed = finding.suppressed.is_some();
        record.justification = finding.suppressed.clone();
        record
    }
}

impl Summary {
    /// The counts a statement's banner and the site index show: unsuppressed errors and
    /// warnings of one organisation.
    pub fn status(&self) -> LintStatus {
        LintStatus {
            errors: self.errors,
            warnings: self.warnings,
        }
    }

    /// The counts of one organisation's findings (one file).
    pub fn of_findings(findings: &[Finding]) -> Summary {
        let mut s = Summary {
            files: 1,
            ..Summary::default()
        };
        for f in findings.iter().filter(|f| f.suppressed.is_none()) {
            match f.severity {
                SeverityLevel::Error => s.errors += 1,
                SeverityLevel::Warning => s.warnings += 1,
                SeverityLevel::Info => s.infos += 1,
            }
        }
        s
    }
}
