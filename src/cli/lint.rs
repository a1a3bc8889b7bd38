//! `verklaar lint`: the caller of [`crate::project`]'s load and lint stages that prints the
//! report and chooses the exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::ExitStatus;
use super::args::{Args, DenyLevel, LintArgs};
use super::output::{self, Record, Summary};
use crate::diagnostics::load::is_tool_error_code;
use crate::i18n::Lang;
use crate::lint::LintOptions;
use crate::lint::selection::Selection;
use crate::model::load::read_stdin;
use crate::project::check::Checked;
use crate::project::config::Project;
use crate::project::inputs::Inputs;

/// What one file gave: its records, whether it loaded, and how many findings the selection
/// left out.
struct FileResult {
    records: Vec<Record>,
    loaded: bool,
    hidden: usize,
}

pub fn run(cmd: &LintArgs, args: &Args, project: Option<&Project>) -> std::io::Result<ExitStatus> {
    let lang = args.lang;
    // The command line replaces the project file's lists, as in ruff.
    let pick = |given: &Vec<String>, configured: Option<&Vec<String>>| {
        if given.is_empty() {
            configured.cloned().unwrap_or_default()
        } else {
            given.clone()
        }
    };
    let select = pick(&cmd.select, project.map(|p| &p.select));
    let ignore = pick(&cmd.ignore, project.map(|p| &p.ignore));
    let selection = match Selection::new(&select, &ignore) {
        Ok(selection) => selection,
        Err((unknown, is_select)) => {
            let option = if is_select { "--select" } else { "--ignore" };
            eprintln!("verklaar: {}", unknown.message(option, lang));
            return Ok(ExitStatus::Error);
        }
    };
    let mut options = LintOptions::new(lang);
    if let Some(project) = project {
        options.project = project.severity.clone();
    }
    let stdin = cmd.paths.iter().any(|p| p.as_os_str() == "-");
    let (per_file, inputs) = if stdin {
        if cmd.paths.len() > 1 {
            eprintln!(
                "{}",
                lang.pick(
                    "verklaar: `-` (standaardinvoer) kan niet samen met andere paden.",
                    "verklaar: `-` (standard input) cannot be combined with other paths.",
                )
            );
            return Ok(ExitStatus::Error);
        }
        let name = cmd.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("<stdin>"));
        let checked = match read_stdin(&name) {
            Ok(bytes) => Checked::bytes(&name, &bytes, &options),
            Err(failure) => Checked::Failed(failure),
        };
        (vec![file_result(checked, &selection, lang)], None)
    } else {
        let inputs = match Inputs::of_project(&cmd.paths, project) {
            Ok(inputs) => inputs,
            Err(e) => {
                eprintln!("{}", e.message(lang));
                return Ok(ExitStatus::Error);
            }
        };
        // Files load, lint and render their findings in parallel, one file per task; results
        // keep the file order, so output stays stable.
        let per_file: Vec<FileResult> = inputs
            .files
            .par_iter()
            .map(|path| file_result(Checked::file(path, &options), &selection, lang))
            .collect();
        (per_file, Some(inputs))
    };
    // Load errors first, then skipped and refused paths, then the findings: the order of
    // every report since the first release.
    let mut records: Vec<Record> = Vec::new();
    let mut findings: Vec<Record> = Vec::new();
    let mut hidden = 0;
    for result in per_file {
        hidden += result.hidden;
        if result.loaded {
            findings.extend(result.records);
        } else {
            records.extend(result.records);
        }
    }
    let files = match &inputs {
        Some(inputs) => {
            records.extend(inputs.note_records(lang));
            inputs.counted()
        }
        None => 1,
    };
    records.extend(findings);
    let summary = Summary::of(&records, files);
    let to_file = cmd.output_file.is_some();
    let color = !to_file && output::use_color(args.color);
    let mut text = output::format(&records, summary, cmd.format, color, lang);
    if cmd.format == super::LintFormat::Human && !cmd.quiet {
        text.push_str(&summary_line(summary, hidden, lang));
        text.push('\n');
    }
    match &cmd.output_file {
        Some(path) => {
            if let Err(e) = write_replacing(path, text.as_bytes()) {
                eprintln!(
                    "{}",
                    lang.pick(
                        format!(
                            "verklaar: het rapport kan niet worden geschreven naar '{}': {e}",
                            path.display()
                        ),
                        format!("verklaar: cannot write the report to '{}': {e}", path.display()),
                    )
                );
                return Ok(ExitStatus::Error);
            }
        }
        // A person reads the human report on stderr; machines read the other formats on
        // stdout.
        None if cmd.format == super::LintFormat::Human => std::io::stderr().lock().write_all(text.as_bytes())?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitStatus::of_run(
        records.iter().any(|r| is_tool_error_code(&r.code)),
        summary.errors > 0 || (cmd.deny == Some(DenyLevel::Warnings) && summary.warnings > 0),
        cmd.exit_zero,
    ))
}

/// One file's records, with the findings the selection leaves out counted, not rendered.
fn file_result(mut checked: Checked, selection: &Selection, lang: Lang) -> FileResult {
    let mut hidden = 0;
    if let Checked::Linted { findings, .. } = &mut checked
        && !selection.is_all()
    {
        let before = findings.len();
        findings.retain(|f| selection.includes(f.rule.code));
        hidden = before - findings.len();
    }
    FileResult {
        loaded: matches!(checked, Checked::Linted { .. }),
        records: checked.records(lang),
        hidden,
    }
}

/// Writes `bytes` to a file next to `path` and renames it over `path`: a reader never sees
/// half a report, and a failed write leaves the old one.
fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".verklaar-{}", std::process::id()));
    let temp = dir.join(temp_name);
    let written = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

fn summary_line(s: Summary, hidden: usize, lang: Lang) -> String {
    let files = lang.pick(format!("{} bestand(en)", s.files), format!("{} file(s)", s.files));
    let mut line = if s.errors + s.warnings + s.infos == 0 {
        lang.pick(
            format!("{files} gecontroleerd: geen meldingen"),
            format!("{files} checked: no findings"),
        )
    } else {
        lang.pick(
            format!(
                "{files} gecontroleerd: {} fout(en), {} waarschuwing(en), {} info",
                s.errors, s.warnings, s.infos
            ),
            format!(
                "{files} checked: {} error(s), {} warning(s), {} info",
                s.errors, s.warnings, s.infos
            ),
        )
    };
    if hidden > 0 {
        line.push_str(&lang.pick(
            format!(" ({hidden} melding(en) niet getoond door --select/--ignore)"),
            format!(" ({hidden} finding(s) not shown because of --select/--ignore)"),
        ));
    }
    line.push('.');
    line
}
