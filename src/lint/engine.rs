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
}

impl LintOptions {
    pub fn new(lang: Lang) -> LintOptions {
        LintOptions {
            lang,
            today: Date::today(),
            only: None,
        }
    }
}

/// A finding of one rule at one place.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    pub severity: SeverityLevel,
    pub at: Pointer,
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
    /// The justification when a `lint.allow` entry suppresses this finding.
    pub suppressed: Option<String>,
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
        let entry = config.severity.get(rule.meta.code);
        // An error-level rule turned down is never silent: the loader demanded a reason, and
        // an info finding carries it into every output format.
        if let Some(entry) = entry
            && rule.meta.severity == SeverityLevel::Error
            && entry.level() != Severity::Error
        {
            findings.push(override_finding(&ctx, &rule.meta, entry));
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
            } = found;
            findings.push(Finding {
                rule: &rule.meta,
                severity: configured.or(severity).unwrap_or(rule.meta.severity),
                span: span.unwrap_or_else(|| loaded.map.span_for(&at)),
                at,
                message,
                help,
                suppressed: None,
            });
        }
    }
    apply_suppressions(&ctx, &config.allow, options, &mut findings);
    findings.sort_by(|a, b| (a.span.start, a.rule.code).cmp(&(b.span.start, b.rule.code)));
    findings
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
fn override_finding(ctx: &Ctx, rule: &'static RuleMeta, entry: &SeverityOverride) -> Finding {
    let code = rule.code;
    let reason = entry.reason().unwrap_or_default();
    let (nl, en) = match entry.level() {
        Severity::Off => (
            format!("{code} staat uit: {reason}"),
            format!("{code} is turned off: {reason}"),
        ),
        level => {
            let level = match level {
                Severity::Warning => "warning",
                _ => "info",
            };
            (
                format!("{code} staat op {level} in plaats van error: {reason}"),
                format!("{code} is set to {level} instead of error: {reason}"),
            )
        }
    };
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
        suppressed: None,
    }
}
