//! Runs the rules, applies the `lint:` block (severity overrides, suppressions with reason
//! and expiry) and reports problems with the block itself.

use std::ops::Range;

use super::context::{Ctx, Found};
use super::registry;
use super::rule::RuleMeta;
use crate::diagnostics::{Rendered, SeverityLevel};
use crate::i18n::Lang;
use crate::model::lint_config::SeverityOverride;
use crate::model::load::Loaded;
use crate::model::time::Date;
use crate::model::vocab::Severity;
use crate::source::{Pointer, SourceFile};

#[derive(Debug, Clone)]
pub struct LintOptions {
    pub lang: Lang,
    /// The date suppressions expire against.
    pub today: Date,
    /// Run only this rule (fixture tests).
    pub only: Option<&'static str>,
    /// Severities of the project file (`verklaar.toml`) for every file; a file's own
    /// `lint.severity` wins.
    pub project: crate::project::config::ProjectSeverity,
}

impl LintOptions {
    pub fn new(lang: Lang) -> LintOptions {
        LintOptions {
            lang,
            today: Date::today(),
            only: None,
            project: Default::default(),
        }
    }
}

/// A finding of one rule: one defect, at its first place in the source, with the other
/// places of the same defect as related places.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    pub severity: SeverityLevel,
    pub at: Pointer,
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
    /// Other places of the same defect, in source order.
    pub related: Vec<RelatedPlace>,
    /// The justification when a `lint.allow` entry suppresses this finding.
    pub suppressed: Option<String>,
    /// What findings of this rule merge on (see [`group`]).
    key: String,
    /// The label this finding's place gets when it merges into another finding.
    label: String,
}

/// Another place of a finding's defect, its span resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedPlace {
    pub at: Pointer,
    pub span: Range<usize>,
    pub label: String,
}

impl Finding {
    pub fn render(&self, file: &SourceFile, lang: Lang) -> Rendered {
        let label = format!("{} — {}", self.rule.name, self.rule.article);
        Rendered {
            code: self.rule.code.to_string(),
            severity: self.severity,
            lang,
            message: self.message.clone(),
            help: self.help.clone(),
            labels: vec![(self.span.clone(), label)],
            related: self.related.iter().map(|r| (r.span.clone(), r.label.clone())).collect(),
            file: file.clone(),
        }
    }
}

/// Lints one loaded organisation. Findings come in source order.
pub fn check(loaded: &Loaded, options: &LintOptions) -> Vec<Finding> {
    let ctx = Ctx::new(&loaded.org, &loaded.map, &loaded.file, options.lang);
    let config = loaded.org.lint.clone().unwrap_or_default();
    let mut findings = Vec::new();
    for rule in registry::all() {
        if options.only.is_some_and(|only| only != rule.meta.code) {
            continue;
        }
        let own = config.severity.get(rule.meta.code);
        let entry = own.or_else(|| options.project.get(rule.meta.code));
        // An error-level rule turned down is never silent: the loader (or the project file)
        // demanded a reason, and an info finding carries it into every output format.
        if let Some(entry) = entry
            && rule.meta.severity == SeverityLevel::Error
            && entry.level() != Severity::Error
        {
            findings.push(override_finding(&ctx, &rule.meta, entry, own.is_none()));
        }
        let configured = match entry.map(|e| e.level()) {
            Some(Severity::Off) => continue,
            Some(Severity::Error) => Some(SeverityLevel::Error),
            Some(Severity::Warning) => Some(SeverityLevel::Warning),
            Some(Severity::Info) => Some(SeverityLevel::Info),
            None => None,
        };
        for found in (rule.check)(&ctx) {
            let Found {
                at,
                span,
                severity,
                message,
                help,
                related,
                group,
                label,
            } = found;
            let span = span.unwrap_or_else(|| loaded.map.span_for(&at));
            let key = group.unwrap_or_else(|| {
                // Whitespace aside: a copy folded over other lines is still the same text.
                let quoted: Vec<&str> = loaded
                    .file
                    .text
                    .get(span.clone())
                    .unwrap_or("")
                    .split_whitespace()
                    .collect();
                format!(
                    "{message}\u{0}{}\u{0}{}",
                    help.as_deref().unwrap_or(""),
                    quoted.join(" ")
                )
            });
            let related = related
                .into_iter()
                .map(|r| RelatedPlace {
                    span: r.span.unwrap_or_else(|| loaded.map.span_for(&r.at)),
                    at: r.at,
                    label: r.label,
                })
                .collect();
            findings.push(Finding {
                rule: &rule.meta,
                severity: configured.or(severity).unwrap_or(rule.meta.severity),
                span,
                at,
                message,
                help,
                related,
                suppressed: None,
                key,
                label: label.unwrap_or_else(|| ctx.t("ook hier", "also here")),
            });
        }
    }
    // Suppression is decided per place, before grouping: an allow entry covers the places
    // inside its scope and no others, so a copy elsewhere stays reported (as its own
    // grouped finding) and VK902 still sees every place it could suppress.
    apply_suppressions(&ctx, &config.allow, options, &mut findings);
    let mut findings = group(findings);
    findings.sort_by(|a, b| (a.span.start, a.rule.code).cmp(&(b.span.start, b.rule.code)));
    findings
}

/// One defect, one finding: findings of the same rule with the same key (and the same
/// severity and suppression) merge into the first in source order; the others become its
/// related places, in source order, without repeating a span already shown.
pub fn group(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out: Vec<Finding> = Vec::new();
    let mut index: std::collections::HashMap<(&'static str, SeverityLevel, String, Option<String>), usize> =
        std::collections::HashMap::new();
    for f in findings {
        let id = (f.rule.code, f.severity, f.key.clone(), f.suppressed.clone());
        match index.get(&id) {
            Some(&i) => {
                let primary = &mut out[i];
                let places = std::iter::once(RelatedPlace {
                    at: f.at,
                    span: f.span,
                    label: f.label,
                })
                .chain(f.related);
                for place in places {
                    let shown = place.span == primary.span || primary.related.iter().any(|r| r.span == place.span);
                    if !shown {
                        primary.related.push(place);
                    }
                }
            }
            None => {
                index.insert(id, out.len());
                out.push(f);
            }
        }
    }
    for f in &mut out {
        f.related.sort_by_key(|r| (r.span.start, r.span.end));
        let primary = f.span.clone();
        f.related.retain(|r| r.span != primary);
        f.related.dedup_by(|a, b| a.span == b.span);
    }
    out
}

fn is_within(pointer: &Pointer, scope: &Pointer) -> bool {
    let (p, s) = (pointer.as_str(), scope.as_str());
    p == s || (p.starts_with(s) && p.as_bytes().get(s.len()) == Some(&b'/'))
}

fn apply_suppressions(
    ctx: &Ctx,
    allow: &[crate::model::lint_config::Suppression],
    options: &LintOptions,
    findings: &mut Vec<Finding>,
) {
    let mut extra = Vec::new();
    for (i, entry) in allow.iter().enumerate() {
        let here = Pointer::root().key("lint").key("allow").index(i);
        if options
            .only
            .is_some_and(|only| only != entry.rule && !only.starts_with("VK9"))
        {
            continue;
        }
        if let Some(until) = entry.until
            && until < options.today
        {
            let until = ctx.date(until);
            extra.push(meta_finding(
                ctx,
                &registry::SUPPRESSION_EXPIRED,
                here.key("until"),
                ctx.t(
                    format!(
                        "De uitzondering voor {} bij `{}` is verlopen op {until}.",
                        entry.rule, entry.at
                    ),
                    format!(
                        "The suppression of {} at `{}` expired on {until}.",
                        entry.rule, entry.at
                    ),
                ),
                ctx.t(
                    "Los de melding op, of verleng `until` met een nieuwe reden.",
                    "Fix the finding, or extend `until` with a new reason.",
                ),
            ));
            continue;
        }
        let scope = ctx.map.resolve(&entry.at);
        let mut used = false;
        if let Some(scope) = &scope {
            for f in findings.iter_mut() {
                if f.rule.code == entry.rule && is_within(&f.at, scope) {
                    f.suppressed = Some(entry.reason.clone());
                    used = true;
                }
            }
        }
        if !used {
            let (nl, en) = match scope {
                None => (
                    format!(
                        "Het pad `{}` bestaat niet in dit bestand; de uitzondering voor {} doet niets.",
                        entry.at, entry.rule
                    ),
                    format!(
                        "The path `{}` does not exist in this file; the suppression of {} does nothing.",
                        entry.at, entry.rule
                    ),
                ),
                Some(_) => (
                    format!(
                        "De uitzondering voor {} bij `{}` wordt niet gebruikt: daar is geen melding van {}.",
                        entry.rule, entry.at, entry.rule
                    ),
                    format!(
                        "The suppression of {} at `{}` is unused: there is no {} finding there.",
                        entry.rule, entry.at, entry.rule
                    ),
                ),
            };
            extra.push(meta_finding(
                ctx,
                &registry::SUPPRESSION_UNUSED,
                here.key("at"),
                ctx.t(nl, en),
                ctx.t(
                    "Verwijder de uitzondering, of wijs met `at` naar de plek van de melding (bijvoorbeeld `purposes.behandeling.retention`).",
                    "Remove the suppression, or point `at` at the finding (for example `purposes.treatment.retention`).",
                ),
            ));
        }
    }
    findings.extend(extra);
}

/// The VK903 finding that shows an error-level rule turned down in `lint.severity`.
/// The info finding of an error-level rule turned down, in the file (`lint.severity`) or for
/// the whole project (`verklaar.toml`, `from_project`).
fn override_finding(ctx: &Ctx, rule: &'static RuleMeta, entry: &SeverityOverride, from_project: bool) -> Finding {
    let code = rule.code;
    let reason = entry.reason().unwrap_or_default();
    let (where_nl, where_en) = if from_project {
        (" in verklaar.toml", " in verklaar.toml")
    } else {
        ("", "")
    };
    let (nl, en) = match entry.level() {
        Severity::Off => (
            format!("{code} staat uit{where_nl}: {reason}"),
            format!("{code} is turned off{where_en}: {reason}"),
        ),
        level => {
            let level = match level {
                Severity::Warning => "warning",
                _ => "info",
            };
            (
                format!("{code} staat{where_nl} op {level} in plaats van error: {reason}"),
                format!("{code} is set to {level} instead of error{where_en}: {reason}"),
            )
        }
    };
    if from_project {
        // The setting is not in this file: the finding sits at its start.
        let mut finding = meta_finding(
            ctx,
            &registry::SEVERITY_OVERRIDE,
            Pointer::root(),
            ctx.t(nl, en),
            ctx.t(
                format!("Verwijder `{code}` uit `[lint.severity]` in verklaar.toml zodra de reden vervalt."),
                format!(
                    "Remove `{code}` from `[lint.severity]` in verklaar.toml as soon as the reason no longer holds."
                ),
            ),
        );
        finding.span = 0..0;
        return finding;
    }
    let at = Pointer::root().key("lint").key("severity").key(code);
    let mut finding = meta_finding(
        ctx,
        &registry::SEVERITY_OVERRIDE,
        at.clone(),
        ctx.t(nl, en),
        ctx.t(
            format!("Verwijder de regel `{code}` uit `lint.severity` zodra de reden vervalt."),
            format!("Remove `{code}` from `lint.severity` as soon as the reason no longer holds."),
        ),
    );
    // The rule code is what the reader looks for, not the `{` of the long form.
    if let Some(key) = ctx.map.key_span(&at) {
        finding.span = key;
    }
    finding
}

fn meta_finding(ctx: &Ctx, rule: &'static RuleMeta, at: Pointer, message: String, help: String) -> Finding {
    Finding {
        rule,
        severity: rule.severity,
        span: ctx.map.span_for(&at),
        at,
        message,
        help: Some(help),
        related: Vec::new(),
        suppressed: None,
        key: String::new(),
        label: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(key: &str, start: usize, severity: SeverityLevel, suppressed: Option<&str>) -> Finding {
        Finding {
            rule: &registry::SUPPRESSION_UNUSED,
            severity,
            at: Pointer::root().key("purposes").index(start),
            span: start..start + 3,
            message: format!("message {start}"),
            help: None,
            related: Vec::new(),
            suppressed: suppressed.map(str::to_string),
            key: key.to_string(),
            label: format!("label {start}"),
        }
    }

    fn places(f: &Finding) -> Vec<(usize, String)> {
        f.related.iter().map(|r| (r.span.start, r.label.clone())).collect()
    }

    #[test]
    fn same_rule_and_key_merge_into_the_first_in_source_order() {
        let w = SeverityLevel::Warning;
        let out = group(vec![
            finding("a", 40, w, None),
            finding("b", 20, w, None),
            finding("a", 10, w, None),
            finding("a", 30, w, None),
        ]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].span.start, 10);
        assert_eq!(out[0].message, "message 10");
        assert_eq!(
            places(&out[0]),
            vec![(30, "label 30".to_string()), (40, "label 40".to_string())]
        );
        assert_eq!(out[1].span.start, 20);
        assert!(out[1].related.is_empty());
    }

    #[test]
    fn severity_and_suppression_keep_findings_apart() {
        let out = group(vec![
            finding("a", 10, SeverityLevel::Warning, None),
            finding("a", 20, SeverityLevel::Info, None),
            finding("a", 30, SeverityLevel::Warning, Some("reden")),
            finding("a", 40, SeverityLevel::Warning, Some("reden")),
            finding("a", 50, SeverityLevel::Warning, Some("andere reden")),
        ]);
        let starts: Vec<(usize, usize)> = out.iter().map(|f| (f.span.start, f.related.len())).collect();
        assert_eq!(starts, vec![(10, 0), (20, 0), (30, 1), (50, 0)]);
    }

    #[test]
    fn a_place_already_shown_is_not_repeated() {
        let w = SeverityLevel::Warning;
        let mut first = finding("a", 10, w, None);
        first.related.push(RelatedPlace {
            at: Pointer::root(),
            span: 20..23,
            label: "explicit".to_string(),
        });
        let out = group(vec![first, finding("a", 20, w, None), finding("a", 10, w, None)]);
        assert_eq!(out.len(), 1);
        assert_eq!(places(&out[0]), vec![(20, "explicit".to_string())]);
    }
}
