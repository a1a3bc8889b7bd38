//! Machine-readable and human output over one list of records.
//! The JSON contract is documented in docs/output.md.

use std::io::IsTerminal;

use serde::Serialize;
use serde_json::json;

use super::args::{ColorChoice, LintFormat};
use crate::diagnostics::{Rendered, SeverityLevel, render_human};
use crate::i18n::Lang;
use crate::lint::{registry, rule_docs};

pub use crate::project::report::{Record, Summary};

pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Formats records. Human output goes to stderr (like rustc); the others to stdout.
pub fn format(records: &[Record], summary: Summary, format: LintFormat, color: bool, lang: Lang) -> String {
    match format {
        LintFormat::Human => {
            let rendered: Vec<&Rendered> = records.iter().filter(|r| !r.suppressed).map(|r| &r.rendered).collect();
            render_human(&rendered, color, 100)
        }
        LintFormat::Json => json_report(records, summary),
        LintFormat::Sarif => sarif_report(records, lang),
        LintFormat::Github => github_report(records),
    }
}

fn json_report(records: &[Record], summary: Summary) -> String {
    // Serialised straight from the records: building a `serde_json::Value` first doubled the
    // cost of a report with many thousands of findings.
    #[derive(Serialize)]
    struct Report<'a> {
        diagnostics: &'a [Record],
        summary: Summary,
        version: &'static str,
    }
    let report = Report {
        diagnostics: records,
        summary,
        version: env!("CARGO_PKG_VERSION"),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

fn sarif_level(s: SeverityLevel) -> &'static str {
    match s {
        SeverityLevel::Error => "error",
        SeverityLevel::Warning => "warning",
        SeverityLevel::Info => "note",
    }
}

fn sarif_report(records: &[Record], lang: Lang) -> String {
    // One `rules[]` entry per rule in the registry, then any load-error codes reported.
    let mut rule_ids: Vec<String> = Vec::new();
    let mut rules: Vec<serde_json::Value> = Vec::new();
    for meta in registry::rules() {
        rule_ids.push(meta.code.to_string());
        let (what, why) = (rule_docs::what(meta, lang), rule_docs::why(meta, lang));
        rules.push(json!({
            "id": meta.code,
            "name": meta.name,
            "shortDescription": { "text": meta.name },
            "fullDescription": { "text": what },
            "help": { "text": format!("{what}\n\n{why}\n\n{}", rule_docs::covers(meta, lang)) },
            "helpUri": format!("https://verklaar.nl/regels/{}", meta.code),
            "defaultConfiguration": { "level": sarif_level(meta.severity) },
            "properties": { "article": meta.article },
        }));
    }
    for r in records {
        if !rule_ids.contains(&r.code) {
            rule_ids.push(r.code.clone());
            rules.push(json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.name },
                "helpUri": format!("https://verklaar.nl/regels/{}", r.code),
                "defaultConfiguration": { "level": "error" },
                "properties": { "article": r.article },
            }));
        }
    }
    let results: Vec<_> = records
        .iter()
        .map(|r| {
            let uri = r.file.replace('\\', "/");
            let mut result = json!({
                "ruleId": r.code,
                "ruleIndex": rule_ids.iter().position(|c| *c == r.code),
                "level": sarif_level(r.severity),
                "message": { "text": r.message },
                "properties": { "help": r.help, "article": r.article, "name": r.name },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": r.line, "startColumn": r.column,
                            "endLine": r.end_line, "endColumn": r.end_column,
                        }
                    }
                }],
            });
            if !r.related.is_empty() {
                let related: Vec<_> = r
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        json!({
                            "id": i + 1,
                            "message": { "text": p.message },
                            "physicalLocation": {
                                "artifactLocation": { "uri": p.file.replace('\\', "/") },
                                "region": {
                                    "startLine": p.line, "startColumn": p.column,
                                    "endLine": p.end_line, "endColumn": p.end_column,
                                }
                            }
                        })
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            if r.suppressed {
                result["suppressions"] = json!([{
                    "kind": "inSource",
                    "justification": r.justification.clone().unwrap_or_default(),
                }]);
            }
            result
        })
        .collect();
    let value = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "verklaar",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://verklaar.nl",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// GitHub workflow commands; property and message escaping per the runner toolkit.
fn github_report(records: &[Record]) -> String {
    let escape_data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let escape_prop = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for r in records.iter().filter(|r| !r.suppressed) {
        let command = match r.severity {
            SeverityLevel::Error => "error",
            SeverityLevel::Warning => "warning",
            SeverityLevel::Info => "notice",
        };
        let mut message = r.message.clone();
        if let Some(help) = &r.help {
            message.push('\n');
            message.push_str(help);
        }
        // One annotation per finding: the other places go in its text.
        if let Some(lines) = related_lines(r) {
            message.push('\n');
            message.push_str(&lines);
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_prop(&r.file),
            r.line,
            r.column,
            r.end_line,
            r.end_column,
            escape_prop(&format!("{} {}", r.code, r.name)),
            escape_data(&message),
        ));
    }
    out
}

/// "Ook op regel 40, 77." for a record's related places, in the record's language.
fn related_lines(r: &Record) -> Option<String> {
    let mut lines: Vec<usize> = r.related.iter().map(|p| p.line).collect();
    lines.dedup();
    if lines.is_empty() {
        return None;
    }
    let list: Vec<String> = lines.iter().map(usize::to_string).collect();
    let lang = r.rendered.lang;
    let word = if lines.len() == 1 {
        lang.pick("Ook op regel", "Also at line")
    } else {
        lang.pick("Ook op regels", "Also at lines")
    };
    Some(format!("{word} {}.", lang.and_list(&list)))
}
