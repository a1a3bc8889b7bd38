use std::io::Write;

use serde_json::json;

use super::ExitStatus;
use super::args::{Args, RulesArgs, RulesFormat};
use crate::lint::registry;

pub fn run(cmd: &RulesArgs, args: &Args) -> std::io::Result<ExitStatus> {
    let l = args.lang;
    let mut out = std::io::stdout().lock();
    let rules = registry::rules();
    match cmd.format {
        RulesFormat::Table => {
            writeln!(
                out,
                "{:<6}  {:<40}  {:<12}  {}",
                "code",
                l.pick("naam", "name"),
                l.pick("ernst", "severity"),
                l.pick("artikel", "article")
            )?;
            for r in rules {
                writeln!(
                    out,
                    "{:<6}  {:<40}  {:<12}  {}",
                    r.code,
                    r.name,
                    r.severity.word(l),
                    r.article
                )?;
            }
        }
        RulesFormat::Json => {
            let value = json!({ "version": env!("CARGO_PKG_VERSION"), "rules": rules });
            writeln!(out, "{}", serde_json::to_string_pretty(&value).unwrap_or_default())?;
        }
        RulesFormat::Markdown => out.write_all(markdown(l).as_bytes())?,
    }
    Ok(ExitStatus::Clean)
}

/// The rule reference as markdown (also written to docs/rules.md).
pub fn markdown(l: crate::i18n::Lang) -> String {
    let mut s = String::from("# verklaar — regels\n\n");
    s.push_str(&format!(
        "| code | {} | {} | {} |\n|---|---|---|---|\n",
        l.pick("naam", "name"),
        l.pick("ernst", "severity"),
        l.pick("artikel", "article")
    ));
    for r in registry::rules() {
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            r.code,
            r.name,
            r.severity.word(l),
            r.article
        ));
    }
    s
}
