//! The project file `verklaar.toml`: the paths, excludes, rule selection, severities (with
//! reasons) and build settings of one repository, found by walking up from the current
//! folder as ruff finds its `ruff.toml`. The command line wins over the file; the file wins
//! over the defaults. Relative paths in it are relative to its own folder.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Rendered, SeverityLevel};
use crate::i18n::Lang;
use crate::lint::registry;
use crate::lint::selection::Selection;
use crate::model::lint_config::SeverityOverride;
use crate::model::vocab::Severity;
use crate::source::SourceFile;

/// The file name looked for in the current folder and its parents.
pub const FILE_NAME: &str = "verklaar.toml";

/// Severities set for every file of the project; a file's own `lint.severity` wins.
pub type ProjectSeverity = Arc<BTreeMap<String, SeverityOverride>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    paths: Option<Vec<PathBuf>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    lint: RawLint,
    #[serde(default)]
    build: RawBuild,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLint {
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBuild {
    #[serde(default)]
    out: Option<PathBuf>,
    #[serde(default)]
    theme: Option<PathBuf>,
    #[serde(default)]
    strict: Option<bool>,
}

/// A loaded project file, its paths made usable from the current folder.
#[derive(Debug, Clone)]
pub struct Project {
    /// The file itself, as shown in messages.
    pub file: PathBuf,
    /// Paths to check or build when the command line gives none (default: the project's
    /// `organisations`).
    pub paths: Vec<PathBuf>,
    exclude: GlobSet,
    /// Where the project file lives: the folder exclude patterns are relative to.
    root: PathBuf,
    /// `[lint] select` and `ignore`, checked; `--select` and `--ignore` replace them.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: ProjectSeverity,
    /// The output folder of `build` (default: the project's `site`).
    pub out: PathBuf,
    pub theme: Option<PathBuf>,
    pub strict: bool,
}

impl Project {
    /// The project file that applies in `start` (the current folder): `start/verklaar.toml`
    /// or the nearest one above it.
    pub fn find(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// Reads and checks the project file at `path`; `cwd` is the current folder, against
    /// which its relative paths are resolved.
    pub fn load(path: &Path, cwd: &Path) -> Result<Project, Box<ConfigError>> {
        let shown = relative_to(path, cwd);
        let text = std::fs::read_to_string(path).map_err(|e| {
            Box::new(error(
                SourceFile::new(&shown, ""),
                0..0,
                Text {
                    nl: format!("{} kan niet worden gelezen: {e}", shown.display()),
                    en: format!("cannot read {}: {e}", shown.display()),
                },
                None,
            ))
        })?;
        let file = SourceFile::new(&shown, text.as_str());
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let what = e.message().trim().to_string();
            Box::new(error(
                file.clone(),
                span,
                Text {
                    nl: format!("{FILE_NAME} klopt niet: {what}"),
                    en: format!("{FILE_NAME} is not valid: {what}"),
                },
                Some(Text {
                    nl: "Toegestaan zijn `paths`, `exclude`, `[lint]` met `select`, `ignore` en `[lint.severity]`, en `[build]` met `out`, `theme` en `strict`. Zie de README, 'Projectbestand'.".into(),
                    en: "Allowed are `paths`, `exclude`, `[lint]` with `select`, `ignore` and `[lint.severity]`, and `[build]` with `out`, `theme` and `strict`. See the README, 'Projectbestand'.".into(),
                }),
            ))
        })?;
        let folder = path.parent().unwrap_or(Path::new("."));
        let root = absolute(folder, cwd);
        let resolve = |p: &Path| relative_to(&absolute(p, &root), cwd);

        let plain = |list: &[Spanned<String>]| list.iter().map(|s| s.get_ref().clone()).collect::<Vec<_>>();
        let (select, ignore) = (plain(&raw.lint.select), plain(&raw.lint.ignore));
        if let Err((unknown, is_select)) = Selection::new(&select, &ignore) {
            let (key, list) = if is_select {
                ("select", &raw.lint.select)
            } else {
                ("ignore", &raw.lint.ignore)
            };
            let at = list
                .iter()
                .find(|item| item.get_ref().trim().eq_ignore_ascii_case(&unknown.given))
                .map_or(0..0, Spanned::span);
            return Err(Box::new(error(
                file,
                at,
                Text {
                    nl: unknown.message(&format!("lint.{key}"), Lang::Nl),
                    en: unknown.message(&format!("lint.{key}"), Lang::En),
                },
                None,
            )));
        }
        let severity = severities(&raw.lint.severity, &file)?;
        let mut exclude = GlobSetBuilder::new();
        for pattern in &raw.exclude {
            let glob = Glob::new(pattern.get_ref()).map_err(|e| {
                Box::new(error(
                    file.clone(),
                    pattern.span(),
                    Text {
                        nl: format!("`{}` is geen geldig patroon: {}", pattern.get_ref(), e.kind()),
                        en: format!("`{}` is not a valid pattern: {}", pattern.get_ref(), e.kind()),
                    },
                    Some(Text {
                        nl: "Bijvoorbeeld `organisations/archief/**` of `**/concept-*.yaml`.".into(),
                        en: "For example `organisations/archief/**` or `**/concept-*.yaml`.".into(),
                    }),
                ))
            })?;
            exclude.add(glob);
        }
        let exclude = exclude.build().map_err(|e| {
            Box::new(error(
                file.clone(),
                0..0,
                Text {
                    nl: format!("de patronen in `exclude` kloppen niet: {e}"),
                    en: format!("the patterns in `exclude` are not valid: {e}"),
                },
                None,
            ))
        })?;
        // The defaults, `organisations` and `site`, are the project's folders too, wherever
        // in the project verklaar runs.
        let paths = raw
            .paths
            .unwrap_or_else(|| vec![PathBuf::from("organisations")])
            .iter()
            .map(|p| resolve(p))
            .collect();
        let out = resolve(raw.build.out.as_deref().unwrap_or(Path::new("site")));
        let theme = raw.build.theme.as_deref().map(resolve);
        Ok(Project {
            file: shown,
            paths,
            exclude,
            root,
            select,
            ignore,
            severity: Arc::new(severity),
            out,
            theme,
            strict: raw.build.strict.unwrap_or(false),
        })
    }

    /// Whether `file` (as found, relative to `cwd` or absolute) is excluded.
    pub fn excludes(&self, file: &Path, cwd: &Path) -> bool {
        let full = absolute(file, cwd);
        full.strip_prefix(&self.root)
            .is_ok_and(|inside| self.exclude.is_match(inside))
    }
}

/// The `[lint.severity]` table, checked as a file's `lint.severity` is: every key a rule
/// that can be configured, and an error-level rule lowered only with a reason.
fn severities(
    table: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    file: &SourceFile,
) -> Result<BTreeMap<String, SeverityOverride>, Box<ConfigError>> {
    let codes: Vec<String> = registry::all().iter().map(|r| r.meta.code.to_string()).collect();
    let mut out = BTreeMap::new();
    for (key, value) in table {
        let code = key.get_ref();
        let Some(rule) = registry::all().iter().find(|r| r.meta.code == code) else {
            let upper = code.trim().to_ascii_uppercase();
            let suggestion = if codes.contains(&upper) {
                Some(upper)
            } else {
                crate::model::references::closest(code, &codes)
            };
            let hint = suggestion.map_or_else(
                || Text {
                    nl: " `verklaar rules` toont alle regels.".into(),
                    en: " `verklaar rules` lists every rule.".into(),
                },
                |s| Text {
                    nl: format!(" Bedoelde u `{s}`?"),
                    en: format!(" Did you mean `{s}`?"),
                },
            );
            return Err(Box::new(error(
                file.clone(),
                key.span(),
                Text {
                    nl: format!(
                        "`{code}` in `[lint.severity]` is geen regel die u kunt instellen.{}",
                        hint.nl
                    ),
                    en: format!("`{code}` in `[lint.severity]` is not a rule you can set.{}", hint.en),
                },
                None,
            )));
        };
        let entry = SeverityOverride::deserialize(value.get_ref().clone()).map_err(|_| {
            Box::new(error(
                file.clone(),
                value.span(),
                Text {
                    nl: format!("de waarde voor `{code}` is geen niveau."),
                    en: format!("the value for `{code}` is not a level."),
                },
                Some(Text {
                    nl: format!("Schrijf `{code} = \"warning\"` (`info`, `warning`, `error` of `off`), of met een reden: `{code} = {{ level = \"off\", reason = \"…\" }}`."),
                    en: format!("Write `{code} = \"warning\"` (`info`, `warning`, `error` or `off`), or with a reason: `{code} = {{ level = \"off\", reason = \"…\" }}`."),
                }),
            ))
        })?;
        let lowered = rule.meta.severity == SeverityLevel::Error && entry.level() != Severity::Error;
        if lowered && entry.reason().is_none_or(|r| r.trim().is_empty()) {
            let level = severity_word(entry.level());
            return Err(Box::new(error(
                file.clone(),
                key.span(),
                Text {
                    nl: format!(
                        "{code} is een verplichte controle (fout) en gaat alleen naar `{level}` met een reden."
                    ),
                    en: format!("{code} is a mandatory check (error) and can only be set to `{level}` with a reason."),
                },
                Some(Text {
                    nl: format!(
                        "Schrijf `{code} = {{ level = \"{level}\", reason = \"waarom dit voor alle bestanden terecht is\" }}`. De reden verschijnt bij elke controle in de uitvoer."
                    ),
                    en: format!(
                        "Write `{code} = {{ level = \"{level}\", reason = \"why this is right for every file\" }}`. The reason shows in the output of every check."
                    ),
                }),
            )));
        }
        out.insert(code.clone(), entry);
    }
    Ok(out)
}

fn severity_word(level: Severity) -> &'static str {
    match level {
        Severity::Off => "off",
        Severity::Warning => "warning",
        Severity::Info => "info",
        Severity::Error => "error",
    }
}

/// A message in both languages: the language is chosen when the error is printed.
#[derive(Debug)]
struct Text {
    nl: String,
    en: String,
}

impl Text {
    fn pick(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }
}

fn error(file: SourceFile, span: Range<usize>, message: Text, help: Option<Text>) -> ConfigError {
    ConfigError {
        file,
        span,
        message,
        help,
    }
}

/// A project file that cannot be used: the tool cannot do its job (exit 2).
#[derive(Debug)]
pub struct ConfigError {
    file: SourceFile,
    span: Range<usize>,
    message: Text,
    help: Option<Text>,
}

impl ConfigError {
    /// The error as a diagnostic with the project file's snippet.
    pub fn render(&self, lang: Lang) -> Rendered {
        Rendered {
            code: "config".into(),
            severity: SeverityLevel::Error,
            lang,
            message: self.message.pick(lang).to_string(),
            help: self.help.as_ref().map(|h| h.pick(lang).to_string()),
            labels: vec![(self.span.clone(), lang.pick("hier", "here").to_string())],
            related: Vec::new(),
            file: self.file.clone(),
        }
    }
}

/// `path` made absolute against `cwd`, with `.` and `..` resolved by name (symbolic links
/// are not followed: the patterns are about the names the user sees).
fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` relative to `cwd` when it lies inside it (messages then show the names users
/// type), otherwise absolute.
fn relative_to(path: &Path, cwd: &Path) -> PathBuf {
    let full = absolute(path, cwd);
    let base = absolute(cwd, cwd);
    match full.strip_prefix(&base) {
        Ok(inside) if inside.as_os_str().is_empty() => PathBuf::from("."),
        Ok(inside) => inside.to_path_buf(),
        Err(_) => full,
    }
}
