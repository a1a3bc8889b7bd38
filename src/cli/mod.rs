//! Command line: argument definitions, dispatch, exit codes.

mod args;
mod build;
mod completions;
mod exit;
mod explain;
mod lint;
mod output;
mod rules;
mod schema;

pub use args::{Args, Command, LintFormat, RulesFormat};
pub use exit::ExitStatus;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Parses the command line, runs the command and maps the result to an exit code.
pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // `--help` and `--version` are successes; usage errors are exit 2.
            let _ = e.print();
            return if e.use_stderr() {
                ExitStatus::Error.into()
            } else {
                ExitStatus::Clean.into()
            };
        }
    };
    run(&args).into()
}

/// Runs a parsed command line.
pub fn run(args: &Args) -> ExitStatus {
    let result = match &args.command {
        Command::Lint(cmd) => lint::run(cmd, args),
        Command::Build(cmd) => build::run(cmd, args),
        Command::Explain(cmd) => explain::run(cmd, args),
        Command::Rules(cmd) => rules::run(cmd, args),
        Command::Schema(cmd) => schema::run(cmd),
        Command::Completions(cmd) => completions::run(cmd),
        Command::PdfWorker(cmd) => {
            return match crate::render::pdf::worker::run_child(cmd.memory, cmd.seconds) {
                0 => ExitStatus::Clean,
                _ => ExitStatus::Findings,
            };
        }
    };
    match result {
        Ok(status) => status,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitStatus::Clean,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "verklaar: {e}");
            ExitStatus::Error
        }
    }
}
