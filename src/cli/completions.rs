//! `verklaar completions SHELL`: the shell's completion script, generated from the same
//! argument definitions as `--help`, so it cannot fall behind the commands.

use std::io::Write;

use clap::CommandFactory;

use super::ExitStatus;
use super::args::{Args, CompletionsArgs};

pub fn run(cmd: &CompletionsArgs) -> std::io::Result<ExitStatus> {
    // The generators complete hidden subcommands too: the internal PDF worker is left out by
    // building the command again from the visible parts.
    let full = Args::command();
    let mut command = clap::Command::new("verklaar")
        .version(env!("CARGO_PKG_VERSION"))
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    let mut script = Vec::new();
    clap_complete::generate(cmd.shell, &mut command, "verklaar", &mut script);
    std::io::stdout().lock().write_all(&script)?;
    Ok(ExitStatus::Clean)
}
