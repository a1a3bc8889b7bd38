use std::io::Write;

use super::ExitStatus;
use super::args::{Args, ExplainArgs};
use crate::diagnostics::load::{LOAD_CODES, load_code};
use crate::lint::{registry, rule_docs};
use crate::model::references::closest;

pub fn run(cmd: &ExplainArgs, args: &Args) -> std::io::Result<ExitStatus> {
    let l = args.lang;
    let mut out = std::io::stdout().lock();
    if let Some(rule) = registry::find(&cmd.code) {
        writeln!(out, "{} ({})", rule.name, rule.code)?;
        writeln!(out, "{}: {}", l.pick("Ernst", "Severity"), rule.severity.word(l))?;
        writeln!(out, "{}: {}\n", l.pick("Artikel", "Article"), rule.article)?;
        writeln!(
            out,
            "## {}\n{}\n",
            l.pick("Wat het controleert", "What it checks"),
            rule_docs::what(rule, l)
        )?;
        writeln!(out, "## {}\n{}\n", l.pick("Waarom", "Why"), rule_docs::why(rule, l))?;
        writeln!(
            out,
            "## {}\n{}\n",
            l.pick("Eén melding omvat", "One finding covers"),
            rule_docs::covers(rule, l)
        )?;
        writeln!(
            out,
            "## {}\n```yaml\n{}\n```\n",
            l.pick("Voorbeeld (fout)", "Example (wrong)"),
            rule.docs.bad.trim_end()
        )?;
        writeln!(
            out,
            "## {}\n```yaml\n{}\n```",
            l.pick("Voorbeeld (goed)", "Example (right)"),
            rule.docs.good.trim_end()
        )?;
        return Ok(ExitStatus::Clean);
    }
    if let Some((code, name, nl, en)) = load_code(&cmd.code) {
        writeln!(out, "{name} ({code})")?;
        writeln!(
            out,
            "{}\n",
            if code == "L027" {
                l.pick(
                    "Melding bij het zoeken naar bestanden (info): laat de controle niet falen.",
                    "Notice while finding files (info): does not fail the check.",
                )
            } else {
                l.pick(
                    "Laadfout: het bestand kan niet worden gelezen zoals het er staat.",
                    "Load error: the file cannot be read as written.",
                )
            }
        )?;
        writeln!(out, "{}", l.pick(nl, en))?;
        return Ok(ExitStatus::Clean);
    }
    let mut known: Vec<String> = registry::rules().iter().map(|r| r.code.to_string()).collect();
    known.extend(LOAD_CODES.iter().map(|(c, ..)| c.to_string()));
    let suggestion = closest(&cmd.code.to_uppercase(), &known);
    let msg = match suggestion {
        Some(s) => l.pick(
            format!(
                "verklaar: onbekende code '{}'. Bedoelde u {s}? `verklaar rules` toont alle regels.",
                cmd.code
            ),
            format!(
                "verklaar: unknown code '{}'. Did you mean {s}? `verklaar rules` lists all rules.",
                cmd.code
            ),
        ),
        None => l.pick(
            format!(
                "verklaar: onbekende code '{}'. `verklaar rules` toont alle regels.",
                cmd.code
            ),
            format!(
                "verklaar: unknown code '{}'. `verklaar rules` lists all rules.",
                cmd.code
            ),
        ),
    };
    eprintln!("{msg}");
    Ok(ExitStatus::Error)
}
