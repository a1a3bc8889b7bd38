use super::ExitStatus;
use super::args::{Args, BuildArgs};
use super::lint::load_all;
use super::output::{self, Summary};

/// Loads and checks every organisation before anything is written; the renderers (HTML via
/// tera, PDF via typst) come in later steps, so the command stops after the checks and
/// says so instead of writing an incomplete site.
pub fn run(cmd: &BuildArgs, args: &Args) -> std::io::Result<ExitStatus> {
    let (_loaded, records, files) = match load_all(&cmd.paths, args) {
        Ok(v) => v,
        Err(status) => return Ok(status),
    };
    if !records.is_empty() {
        let text = output::format(
            &records,
            Summary::of(&records, files),
            super::LintFormat::Human,
            output::use_color(args.color),
        );
        eprint!("{text}");
        return Ok(ExitStatus::Error);
    }
    eprintln!(
        "{}",
        args.lang.pick(
            format!(
                "verklaar: {files} organisatie(s) geladen. Deze versie schrijft nog geen HTML of PDF naar '{}'; er is niets geschreven.",
                cmd.out.display()
            ),
            format!(
                "verklaar: {files} organisation(s) loaded. This version does not write HTML or PDF to '{}' yet; nothing was written.",
                cmd.out.display()
            ),
        )
    );
    Ok(ExitStatus::Error)
}
