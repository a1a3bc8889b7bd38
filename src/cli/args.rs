//! What the user can type. Doc comments are the `--help` texts.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// verklaar: controleert de beschrijving van uw verwerking van persoonsgegevens op de AVG en
/// maakt er een Nederlandse privacyverklaring van.
///
/// verklaar checks a YAML description of an organisation's processing of personal data
/// against the GDPR (AVG/UAVG) and turns it into a consistent Dutch privacy statement.
#[derive(Debug, Parser)]
#[command(name = "verklaar", version, about, long_about, max_term_width = 100)]
pub struct Args {
    /// Language of messages: nl (Nederlands, default) or en (English).
    #[arg(long, global = true, value_enum, default_value_t = Lang::Nl)]
    pub lang: Lang,

    /// When to use colour in human output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// The project file to use instead of the nearest `verklaar.toml` in this folder or
    /// above it.
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Use no project file, as if there were no `verklaar.toml`.
    #[arg(long, global = true)]
    pub no_config: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check organisation files: load errors and GDPR findings, with file:line:col.
    ///
    /// Exit codes (as ruff): 0 = clean, 1 = something wrong in the files: error findings and
    /// load errors (or warnings with --deny warnings), 2 = verklaar could not do its job
    /// (wrong command line, missing or unreadable path, internal error).
    Lint(LintArgs),
    /// Lint, then write the privacy statement per organisation and an index.
    ///
    /// An organisation with error findings is marked "Concept — niet publiceren"; with
    /// --strict it is skipped and the exit code is 1. A file that does not load: exit 1;
    /// exit 2 when verklaar could not do its job.
    Build(BuildArgs),
    /// Explain a rule: what it checks, why (with the article), and example YAML.
    ///
    /// Exit 0, or 2 for an unknown code (with a suggestion).
    Explain(ExplainArgs),
    /// List all rules with code, name, severity and article.
    Rules(RulesArgs),
    /// Print the JSON Schema of the organisation file (the same bytes as
    /// schemas/verklaar.schema.json).
    Schema(SchemaArgs),
    /// Print a completion script for a shell (bash, zsh, fish, powershell, elvish).
    ///
    /// bash: `verklaar completions bash > ~/.local/share/bash-completion/completions/verklaar`;
    /// zsh: into a folder on `$fpath` as `_verklaar`; fish: `~/.config/fish/completions/verklaar.fish`.
    Completions(CompletionsArgs),
    /// Internal: compile one PDF of a user theme under a time and memory budget (started by
    /// `build`, reads its request on stdin).
    #[command(hide = true)]
    PdfWorker(PdfWorkerArgs),
}

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Files or folders to check; folders are searched for *.yaml and *.yml. `-` reads one
    /// file from standard input (name it with --stdin-filename). Default: `paths` of
    /// verklaar.toml, or `organisations`.
    pub paths: Vec<PathBuf>,

    /// The name standard input (`-`) is reported under, e.g. the file an editor is checking.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// Output format: human (readable, with snippets), json, sarif (2.1.0) or github
    /// (workflow commands for GitHub Actions annotations).
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,

    /// Treat findings of this level as errors for the exit code. Only `warnings` exists.
    #[arg(long, value_enum)]
    pub deny: Option<DenyLevel>,

    /// Exit with 0 even when there are findings, load errors included (a report, not a
    /// gate). A tool error (exit 2) stays 2.
    #[arg(long)]
    pub exit_zero: bool,

    /// Report only these rules: codes or prefixes, comma-separated (`VK5` = VK500–VK599).
    /// Load errors (L-codes) are always reported. Replaces `select` of verklaar.toml.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Do not report these rules: codes or prefixes, comma-separated. The summary says how
    /// many findings were left out. Replaces `ignore` of verklaar.toml.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// Print only the findings: no summary line.
    #[arg(short, long)]
    pub quiet: bool,

    /// Write the report to this file instead of the terminal (replaced as a whole).
    #[arg(long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    Warnings,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Files or folders to build; folders are searched for *.yaml and *.yml. Default:
    /// `paths` of verklaar.toml, or `organisations`.
    pub paths: Vec<PathBuf>,

    /// Output folder, replaced as a whole when the build succeeds. Default: `[build] out`
    /// of verklaar.toml, or `site`.
    #[arg(long)]
    pub out: Option<PathBuf>,

    /// Skip organisations with error findings and exit with 1 instead of rendering drafts.
    #[arg(long)]
    pub strict: bool,

    /// Write only HTML or only PDF.
    #[arg(long, value_enum)]
    pub only: Option<OutputKind>,

    /// A theme folder whose files override the built-in default theme.
    #[arg(long)]
    pub theme: Option<PathBuf>,

    /// Build every organisation, without the cache of the previous build (next to the
    /// output folder, `.<out>.verklaar-cache`) and without filling it.
    #[arg(long)]
    pub no_cache: bool,

    /// Print only what needs attention (load errors, drafts, skipped and failed files): no
    /// progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputKind {
    Html,
    Pdf,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A rule code such as VK101, or a load error code such as L003.
    pub code: String,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct PdfWorkerArgs {
    /// Address space limit in bytes.
    #[arg(long)]
    pub memory: u64,
    /// CPU time limit in seconds.
    #[arg(long)]
    pub seconds: u64,
}
