use std::io::Write;
use std::path::PathBuf;

use super::ExitStatus;
use super::args::{Args, DenyLevel, LintArgs};
use super::output::{self, Record, Summary};
use crate::diagnostics::load::code_and_name;
use crate::lint::{self, LintOptions};
use crate::model::load::{Loaded, load_file};
use crate::source::discover::discover;
use rayon::prelude::*;

pub fn run(cmd: &LintArgs, args: &Args) -> std::io::Result<ExitStatus> {
    let (loaded, records, files) = match load_all(&cmd.paths, args) {
        Ok(v) => v,
        Err(status) => return Ok(status),
    };
    let load_failed = !records.is_empty();
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
    Ok(if load_failed {
        ExitStatus::Error
    } else if !cmd.exit_zero && (summary.errors > 0 || (cmd.deny == Some(DenyLevel::Warnings) && summary.warnings > 0))
    {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// Discovers and loads every file; load errors become records. `Err` only when no file
/// can be found at all (exit 2 with a message).
pub fn load_all(paths: &[PathBuf], args: &Args) -> Result<(Vec<Loaded>, Vec<Record>, usize), ExitStatus> {
    let files = match discover(paths) {
        Ok(files) => files,
        Err((path, e)) => {
            let msg = args.lang.pick(
                format!("verklaar: '{}' kan niet worden gelezen: {e}", path.display()),
                format!("verklaar: cannot read '{}': {e}", path.display()),
            );
            eprintln!("{msg}");
            return Err(ExitStatus::Error);
        }
    };
    if files.is_empty() {
        let msg = args.lang.pick(
            "verklaar: geen organisatiebestanden (*.yaml, *.yml) gevonden.",
            "verklaar: no organisation files (*.yaml, *.yml) found.",
        );
        eprintln!("{msg}");
        return Err(ExitStatus::Error);
    }
    let count = files.len();
    let mut loaded = Vec::new();
    let mut records = Vec::new();
    // Files load in parallel; results keep the file order, so output stays stable.
    let results: Vec<_> = files.par_iter().map(|path| load_file(path)).collect();
    for result in results {
        match result {
            Ok(l) => loaded.push(l),
            Err(failure) => records.extend(
                failure
                    .diagnostics
                    .iter()
                    .map(|d| Record::new(d.render(&failure.file, args.lang), code_and_name(&d.issue).1, None)),
            ),
        }
    }
    Ok((loaded, records, count))
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
