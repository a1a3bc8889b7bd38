use std::process::ExitCode;

/// The three outcomes CI scripts rely on, as ruff defines them: 1 for anything wrong in the
/// files checked (load errors included), 2 only when verklaar could not do its job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// Nothing to report (or only what the configuration allows).
    Clean,
    /// Error findings, load errors included (or warnings under `--deny warnings`).
    Findings,
    /// The tool could not do its job: wrong command line, a path that is missing or cannot be
    /// read, an internal error.
    Error,
}

impl ExitStatus {
    /// The status of a run over files: a tool error wins, and `--exit-zero` turns findings
    /// (never a tool error) into a clean exit.
    pub fn of_run(tool_error: bool, failing_findings: bool, exit_zero: bool) -> ExitStatus {
        if tool_error {
            ExitStatus::Error
        } else if failing_findings && !exit_zero {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(match status {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        })
    }
}
