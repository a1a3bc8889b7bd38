//! `verklaar lint`: the caller of [`crate::project`]'s load and lint stages that prints the
//! report and chooses the exit code.

use std::io::Write;

use rayon::prelude::*;

use super::ExitStatus;
use super::args::{Args, DenyLevel, LintArgs};
use super::output::{self, Record, Summary};
use crate::diagnostics::load::is_tool_error_code;
use crate::lint::LintOptions;
use crate::project::check::Checked;
use crate::project::inputs::Inputs;

pub fn run(cmd: &LintArgs, args: &Args) -> std::io::Result<ExitStatus> {
    let inputs = match Inputs::discover(&cmd.paths) {
        Ok(inputs) => inputs,
        Err(e) => {
            eprintln!("{}", e.message(args.lang));
            return Ok(ExitStatus::Error);
        }
    };
    let options = LintOptions::new(args.lang);
    // Files load, lint and render their findings in parallel, one file per task; results
    // keep the file order, so output stays stable.
    let per_file: Vec<(Vec<Record>, bool)> = inputs
        .files
        .par_iter()
        .map(|path| {
            let checked = Checked::file(path, &options);
            let loaded = matches!(checked, Checked::Linted { .. });
            (checked.records(args.lang), loaded)
        })
        .collect();
    // Load errors first, then skipped and refused paths, then the findings: the order of
    // every report since the first release.
    let mut records: Vec<Record> = Vec::new();
    let mut findings: Vec<Record> = Vec::new();
    for (file_records, loaded) in per_file {
        if loaded {
            findings.extend(file_records);
        } else {
            records.extend(file_records);
        }
    }
    records.extend(inputs.note_records(args.lang));
    records.extend(findings);
    let summary = Summary::of(&records, inputs.counted());
    let text = output::format(&records, summary, cmd.format, output::use_color(args.color), args.lang);
    if cmd.format == super::LintFormat::Human {
        let mut err = std::io::stderr().lock();
        err.write_all(text.as_bytes())?;
        writeln!(err, "{}", summary_line(summary, args))?;
    } else {
        std::io::stdout().lock().write_all(text.as_bytes())?;
    }
    Ok(ExitStatus::of_run(
        records.iter().any(|r| is_tool_error_code(&r.code)),
        summary.errors > 0 || (cmd.deny == Some(DenyLevel::Warnings) && summary.warnings > 0),
        cmd.exit_zero,
    ))
}

fn summary_line(s: Summary, args: &Args) -> String {
    let l = args.lang;
    let files = l.pick(format!("{} bestand(en)", s.files), format!("{} file(s)", s.files));
    if s.errors + s.warnings + s.infos == 0 {
        return l.pick(
            format!("{files} gecontroleerd: geen meldingen."),
            format!("{files} checked: no findings."),
        );
    }
    l.pick(
        format!(
            "{files} gecontroleerd: {} fout(en), {} waarschuwing(en), {} info.",
            s.errors, s.warnings, s.infos
        ),
        format!(
            "{files} checked: {} error(s), {} warning(s), {} info.",
            s.errors, s.warnings, s.infos
        ),
    )
}
