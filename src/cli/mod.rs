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

use crate::project::config::Project;

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
        Command::Lint(cmd) => match project(args) {
            Ok(project) => lint::run(cmd, args, project.as_ref()),
            Err(status) => return status,
        },
        Command::Build(cmd) => match project(args) {
            Ok(project) => build::run(cmd, args, project.as_ref()),
            Err(status) => return status,
        },
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

/// The project file that applies: `--config`, or the nearest `verklaar.toml` from the
/// current folder up, or none with `--no-config`. A project file that cannot be used stops
/// the run with exit 2, as a wrong option does.
fn project(args: &Args) -> Result<Option<Project>, ExitStatus> {
    if args.no_config {
        return Ok(None);
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let path = match &args.config {
        Some(path) => path.clone(),
        None => match Project::find(&cwd) {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    Project::load(&path, &cwd).map(Some).map_err(|e| {
        let rendered = e.render(args.lang);
        let _ = write!(
            std::io::stderr(),
            "{}",
            crate::diagnostics::render::render_human(&[rendered], output::use_color(args.color), 100)
        );
        ExitStatus::Error
    })
}
