//! Command line: argument definitions, dispatch, exit codes.

mod args;
mod build;
mod completions;
mod exit;
mod explain;
mod help_nl;
mod lint;
mod output;
mod rules;
mod schema;

pub use args::{Args, Command, LintFormat, RulesFormat};
pub use exit::ExitStatus;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::project::config::Project;

/// Parses the command line, runs the command and maps the result to an exit code.
pub fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help_nl::lang_of(&argv);
    let parsed = help_nl::localize(Args::command(), lang)
        .try_get_matches_from(&argv)
        .and_then(|matches| Args::from_arg_matches(&matches));
    let args = match parsed {
        Ok(args) => args,
        Err(e) => {
            // `--help` and `--version` are successes on stdout; usage errors are exit 2.
            let to_stderr = e.use_stderr();
            let terminal = if to_stderr {
                std::io::stderr().is_terminal()
            } else {
                std::io::stdout().is_terminal()
            };
            let rendered = e.render();
            let text = if terminal && std::env::var_os("NO_COLOR").is_none() {
                rendered.ansi().to_string()
            } else {
                rendered.to_string()
            };
            let text = help_nl::translate_rendered(&text, lang);
            return if to_stderr {
                let _ = std::io::stderr().write_all(text.as_bytes());
                ExitStatus::Error.into()
            } else {
                let _ = std::io::stdout().write_all(text.as_bytes());
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
