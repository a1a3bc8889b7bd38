use std::process::ExitCode;

/// The three outcomes CI scripts rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// Nothing to report (or only what the configuration allows).
    Clean,
    /// Error findings (or warnings under `--deny warnings`).
    Findings,
    /// Input could not be read or loaded, or the command line was wrong.
    Error,
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
