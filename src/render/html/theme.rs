//! Themes: the built-in default theme (embedded in the binary) and user overrides.
//!
//! Like mdBook's theme and zola's built-in templates: the default templates are compiled in
//! under the reserved prefix `default/` (`default/page.html`, …). A user theme folder
//! (`--theme DIR`) adds `DIR/templates/**/*.html` under their own names (`page.html`) and
//! may replace the stylesheet with `DIR/style.css`. When a theme has `page.html`,
//! `fragment.html` or `index.html`, that template is rendered instead of the default one;
//! it can `{% extends "default/page.html" %}` and override single blocks. A theme folder
//! without `templates/` uses the default templates.
//!
//! Everything is read and parsed here, before anything is rendered or written. Themes are
//! trusted like code, but a broken one is an error that names the file, never a panic.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use super::escape::escape_html;
use crate::i18n::Lang;

/// Templates and stylesheet above this size are refused (1 MiB).
pub const MAX_THEME_FILE_BYTES: u64 = 1024 * 1024;

/// The name prefix of the built-in templates; user templates may not use it.
pub const DEFAULT_PREFIX: &str = "default/";

/// The built-in templates, by name.
pub const DEFAULT_TEMPLATES: [(&str, &str); 6] = [
    (
        "default/base.html",
        include_str!("../../../themes/default/templates/base.html"),
    ),
    (
        "default/macros.html",
        include_str!("../../../themes/default/templates/macros.html"),
    ),
    (
        "default/statement.html",
        include_str!("../../../themes/default/templates/statement.html"),
    ),
    (
        "default/page.html",
        include_str!("../../../themes/default/templates/page.html"),
    ),
    (
        "default/fragment.html",
        include_str!("../../../themes/default/templates/fragment.html"),
    ),
    (
        "default/index.html",
        include_str!("../../../themes/default/templates/index.html"),
    ),
];

/// The built-in stylesheet.
pub const DEFAULT_CSS: &str = include_str!("../../../themes/default/style.css");

/// A theme that could not be loaded. Every variant names the folder or file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    #[error("theme folder '{}' does not exist", .0.display())]
    NotFound(PathBuf),
    #[error("'{}' is not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("cannot read '{}': {error}", path.display())]
    Unreadable { path: PathBuf, error: String },
    #[error("'{}' is larger than {limit} bytes", path.display())]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("'{}' is not UTF-8 text", .0.display())]
    NotUtf8(PathBuf),
    #[error("'{}': names starting with 'default/' are reserved for the built-in theme", .0.display())]
    ReservedName(PathBuf),
    #[error("template error in '{}': {message}", path.display())]
    Template { path: PathBuf, message: String },
}

impl ThemeError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (ThemeError::NotFound(p), Lang::Nl) => format!("de themamap '{}' bestaat niet", p.display()),
            (ThemeError::NotAFolder(p), Lang::Nl) => format!("'{}' is geen map", p.display()),
            (ThemeError::Unreadable { path, error }, Lang::Nl) => {
                format!("'{}' kan niet worden gelezen: {error}", path.display())
            }
            (ThemeError::TooLarge { path, limit }, Lang::Nl) => {
                format!("'{}' is groter dan {limit} bytes", path.display())
            }
            (ThemeError::NotUtf8(p), Lang::Nl) => format!("'{}' is geen UTF-8-tekst", p.display()),
            (ThemeError::ReservedName(p), Lang::Nl) => format!(
                "'{}': namen die met 'default/' beginnen zijn voor het ingebouwde thema",
                p.display()
            ),
            (ThemeError::Template { path, message }, Lang::Nl) => {
                format!("fout in sjabloon '{}': {message}", path.display())
            }
        }
    }
}

/// Loaded and parsed templates plus the stylesheet.
#[derive(Debug, Clone)]
pub struct Theme {
    tera: Tera,
    css: String,
    /// Names of the user's templates (without the `default/` prefix).
    user: BTreeSet<String>,
    /// The user theme folder, for messages.
    dir: Option<PathBuf>,
}

impl Theme {
    /// The built-in theme alone.
    pub fn builtin() -> Result<Theme, ThemeError> {
        Ok(Theme {
            tera: builtin_tera()?,
            css: DEFAULT_CSS.to_string(),
            user: BTreeSet::new(),
            dir: None,
        })
    }

    /// The built-in theme with the overrides in `dir`.
    pub fn load(dir: &Path) -> Result<Theme, ThemeError> {
        let meta = std::fs::metadata(dir).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ThemeError::NotFound(dir.to_path_buf()),
            _ => ThemeError::Unreadable {
                path: dir.to_path_buf(),
                error: e.to_string(),
            },
        })?;
        if !meta.is_dir() {
            return Err(ThemeError::NotAFolder(dir.to_path_buf()));
        }
        let mut tera = builtin_tera()?;
        let templates = read_templates(&dir.join("templates"))?;
        let user: BTreeSet<String> = templates.iter().map(|t| t.name.clone()).collect();
        if !templates.is_empty() {
            let sources: Vec<(&str, &str)> = templates.iter().map(|t| (t.name.as_str(), t.source.as_str())).collect();
            if let Err(e) = tera.add_raw_templates(sources) {
                let message = error_chain(&e);
                // Name the file the error is about; tera quotes template names.
                let culprit = templates
                    .iter()
                    .find(|t| message.contains(&format!("'{}'", t.name)))
                    .or_else(|| templates.iter().find(|t| message.contains(&t.name)))
                    .map_or_else(|| dir.join("templates"), |t| t.path.clone());
                return Err(ThemeError::Template { path: culprit, message });
            }
        }
        let css_path = dir.join("style.css");
        let css = match std::fs::symlink_metadata(&css_path) {
            Ok(m) if m.is_file() => read_text(&css_path)?,
            Ok(_) => return Err(not_a_file(&css_path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => DEFAULT_CSS.to_string(),
            Err(e) => {
                return Err(ThemeError::Unreadable {
                    path: css_path,
                    error: e.to_string(),
                });
            }
        };
        Ok(Theme {
            tera,
            css,
            user,
            dir: Some(dir.to_path_buf()),
        })
    }

    /// The built-in theme, or the built-in theme with the overrides in `dir`.
    pub fn from_option(dir: Option<&Path>) -> Result<Theme, ThemeError> {
        match dir {
            Some(dir) => Theme::load(dir),
            None => Theme::builtin(),
        }
    }

    /// The stylesheet (the user's `style.css`, or the built-in one).
    pub fn css(&self) -> &str {
        &self.css
    }

    /// The user theme folder, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The template to render for `name` (`page.html`): the user's, else the default.
    pub fn template_for(&self, name: &str) -> String {
        if self.user.contains(name) {
            name.to_string()
        } else {
            format!("{DEFAULT_PREFIX}{name}")
        }
    }

    /// Where a template comes from, for error messages: the user's file, or the built-in
    /// name (`default/page.html`).
    pub fn describe(&self, template: &str) -> String {
        match &self.dir {
            Some(dir) if self.user.contains(template) => dir.join("templates").join(template).display().to_string(),
            _ => template.to_string(),
        }
    }

    pub(super) fn tera(&self) -> &Tera {
        &self.tera
    }
}

pub(crate) fn not_a_file(path: &Path) -> ThemeError {
    ThemeError::Unreadable {
        path: path.to_path_buf(),
        error: "not a regular file".into(),
    }
}

fn builtin_tera() -> Result<Tera, ThemeError> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(escape_html);
    tera.register_filter("blocks", Removed("blocks"));
    tera.register_filter("inlines", Removed("inlines"));
    tera.add_raw_templates(DEFAULT_TEMPLATES.to_vec())
        .map_err(|e| ThemeError::Template {
            path: PathBuf::from("themes/default/templates (ingebouwd)"),
            message: error_chain(&e),
        })?;
    Ok(tera)
}

/// The `blocks` and `inlines` filters of earlier versions, which wrote HTML from the
/// statement serialized as JSON. Section content is now written from the typed document
/// (`section.html`); a theme that still uses them gets an error that says so instead of a
/// page with content missing.
struct Removed(&'static str);

impl tera::Filter for Removed {
    fn filter(
        &self,
        _value: &tera::Value,
        _args: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        Err(tera::Error::msg(format!(
            "the `{}` filter no longer exists: print a section's content with `{{{{ section.html | safe }}}}`",
            self.0
        )))
    }
}

struct UserTemplate {
    name: String,
    path: PathBuf,
    source: String,
}

/// Reads `*.html` below `dir` (sorted; hidden files and symbolic links are skipped).
fn read_templates(dir: &Path) -> Result<Vec<UserTemplate>, ThemeError> {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(ThemeError::NotAFolder(dir.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(ThemeError::Unreadable {
                path: dir.to_path_buf(),
                error: e.to_string(),
            });
        }
    }
    let mut out = Vec::new();
    for entry in WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = entry.map_err(|e| ThemeError::Unreadable {
            path: e.path().unwrap_or(dir).to_path_buf(),
            error: e.to_string(),
        })?;
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let Ok(relative) = path.strip_prefix(dir) else {
            continue;
        };
        let mut parts = Vec::new();
        for part in relative.components() {
            match part.as_os_str().to_str() {
                Some(s) => parts.push(s),
                None => return Err(ThemeError::NotUtf8(path.to_path_buf())),
            }
        }
        let name = parts.join("/");
        if name.starts_with(DEFAULT_PREFIX) {
            return Err(ThemeError::ReservedName(path.to_path_buf()));
        }
        out.push(UserTemplate {
            name,
            path: path.to_path_buf(),
            source: read_text(path)?,
        });
    }
    Ok(out)
}

pub(crate) fn read_text(path: &Path) -> Result<String, ThemeError> {
    let unreadable = |e: std::io::Error| ThemeError::Unreadable {
        path: path.to_path_buf(),
        error: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_THEME_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_THEME_FILE_BYTES {
        return Err(ThemeError::TooLarge {
            path: path.to_path_buf(),
            limit: MAX_THEME_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|_| ThemeError::NotUtf8(path.to_path_buf()))
}

/// A tera error with all its causes (the parse position is in the innermost one).
pub(super) fn error_chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(text.trim());
        }
        source = cause.source();
    }
    message
}
