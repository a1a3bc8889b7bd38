use std::io::Write;
use std::path::PathBuf;

use super::ExitStatus;
use super::args::{Args, DenyLevel, LintArgs};
use super::output::{self, Record, Summary};
use crate::diagnostics::load::{code_and_name, is_tool_error_code};
use crate::diagnostics::{LoadDiagnostic, LoadIssue};
use crate::lint::{self, LintOptions};
use crate::model::load::{Loaded, load_file};
use crate::source::SourceFile;
use crate::source::discover::Note;
use crate::source::discover::discover;
use rayon::prelude::*;

pub fn run(cmd: &LintArgs, args: &Args) -> std::io::Result<ExitStatus> {
    let (loaded, records, files) = match load_all(&cmd.paths, args) {
        Ok(v) => v,
        Err(status) => return Ok(status),
    };
    let mut records = records;
    records.extend(lint_records(&loaded, args));
    let summary = Summary::of(&records, files);
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

/// Discovers and loads every file; load errors, refused and skipped paths become records
/// (`L…` codes) like lint findings. `Err` only when a path on the command line is missing or
/// no file is found at all (exit 2 with a message): then verklaar could not do its job.
pub fn load_all(paths: &[PathBuf], args: &Args) -> Result<(Vec<Loaded>, Vec<Record>, usize), ExitStatus> {
    let found = match discover(paths) {
        Ok(found) => found,
        Err((path, e)) => {
            let msg = args.lang.pick(
                format!("verklaar: '{}' kan niet worden gelezen: {e}", path.display()),
                format!("verklaar: cannot read '{}': {e}", path.display()),
            );
            eprintln!("{msg}");
            return Err(ExitStatus::Error);
        }
    };
    if found.files.is_empty() && found.notes.is_empty() {
        let msg = args.lang.pick(
            "verklaar: geen organisatiebestanden (*.yaml, *.yml) gevonden.",
            "verklaar: no organisation files (*.yaml, *.yml) found.",
        );
        eprintln!("{msg}");
        return Err(ExitStatus::Error);
    }
    let refused = found
        .notes
        .iter()
        .filter(|(_, note)| !matches!(note, Note::Skipped(_)))
        .count();
    let count = found.files.len() + refused;
    let mut loaded = Vec::new();
    let mut records = Vec::new();
    // Files load in parallel; results keep the file order, so output stays stable.
    let results: Vec<_> = found.files.par_iter().map(|path| load_file(path)).collect();
    for result in results {
        match result {
            Ok(l) => loaded.push(l),
            Err(failure) => records.extend(failure.diagnostics.iter().map(|d| load_record(d, &failure.file, args))),
        }
    }
    for (path, note) in found.notes {
        let file = SourceFile::new(path, "");
        let issue = match note {
            Note::Skipped(reason) => LoadIssue::Skipped { reason },
            Note::LinkOutside { target, folder } => LoadIssue::SymlinkOutside {
                target: target.display().to_string(),
                folder: folder.display().to_string(),
            },
            Note::NotAFile(kind) => LoadIssue::NotAFile { kind },
            Note::Unreadable(error) => LoadIssue::unreadable(&error),
        };
        records.push(load_record(&LoadDiagnostic::new(issue, 0..0), &file, args));
    }
    Ok((loaded, records, count))
}

fn load_record(d: &LoadDiagnostic, file: &SourceFile, args: &Args) -> Record {
    Record::new(d.render(file, args.lang), code_and_name(&d.issue).1, None)
}

/// Runs the rules over every loaded file and turns findings into records.
pub fn lint_records(loaded: &[Loaded], args: &Args) -> Vec<Record> {
    let options = LintOptions::new(args.lang);
    // Organisations lint in parallel; rayon keeps the order of the results.
    let per_file: Vec<Vec<Record>> = loaded
        .par_iter()
        .map(|l| {
            lint::check(l, &options)
                .into_iter()
                .map(|f| {
                    let mut record = Record::new(
                        f.render(&l.file, args.lang),
                        f.rule.name,
                        Some(f.rule.article.to_string()),
                    );
                    record.suppressed = f.suppressed.is_some();
                    record.justification = f.suppressed;
                    record
                })
                .collect()
        })
        .collect();
    per_file.into_iter().flatten().collect()
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
