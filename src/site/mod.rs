//! The output folder: every file of a build collected in memory first, then written in one
//! step by [`write::write_atomically`].
//!
//! Check and load first, write last (zola's `Site::load` / `build`): the CLI loads, lints and
//! renders everything into a [`Site`]; only when that has succeeded is anything written.
//! Files are kept sorted by path, so the same build writes the same files in the same order
//! with the same bytes.

pub mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::render::Output;

pub use write::{OutLock, Staging, WriteReport, write_atomically, write_with_lock};

/// A file in every site folder that verklaar wrote. `build` replaces an existing `--out`
/// folder only when it has this file (or is empty), so a typo such as `--out src` can never
/// delete someone's work.
pub const MARKER_FILE: &str = ".verklaar-site";

/// The content of [`MARKER_FILE`].
pub const MARKER_TEXT: &str = "Deze map is gemaakt door `verklaar build`. Elke build vervangt de bestanden die \
in .verklaar-manifest.json staan en bewaart alle andere.\nThis folder was made by `verklaar build`. Every build \
replaces the files listed in .verklaar-manifest.json and keeps every other file.\n";

/// The list of files verklaar wrote into the site (JSON), written by every build next to
/// [`MARKER_FILE`]. Every file it does not list is the user's and survives the next build.
pub const MANIFEST_FILE: &str = ".verklaar-manifest.json";

/// A problem with the output: a name that cannot be a path, two files at one path, or a
/// failure while writing. Nothing of the previous site is lost in any of these cases.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("'{path}' cannot be used as a file or folder name in the site: {reason}")]
    BadPath { path: String, reason: &'static str },
    #[error("two outputs want the same path '{0}' (do two organisation files have the same name?)")]
    Duplicate(String),
    #[error("'{path}' and '{other}' cannot both exist in the site")]
    Conflict { path: String, other: String },
    #[error("'{}' cannot be replaced: give a folder with a name, such as --out site", .0.display())]
    BadOut(PathBuf),
    #[error("'{}' exists and is not a folder", .0.display())]
    OutNotAFolder(PathBuf),
    #[error("'{}' is a symbolic link; give the folder it points to", .0.display())]
    OutIsSymlink(PathBuf),
    #[error(
        "'{}' exists, is not empty and was not made by verklaar (it has no {MARKER_FILE}); \
         verklaar replaces only its own output folders. Choose another --out or empty the folder.",
        .0.display()
    )]
    NotOurs(PathBuf),
    #[error(
        "another `verklaar build` is writing '{}' right now; wait until it is done and try again",
        .0.display()
    )]
    Busy(PathBuf),
    #[error(
        "'{}' holds files verklaar did not write where this build writes its own: {}. \
         Move or rename them; verklaar does not overwrite files it did not write.",
        out.display(), paths.join(", ")
    )]
    InTheWay { out: PathBuf, paths: Vec<String> },
    #[error("cannot write '{}': {error}", path.display())]
    Io { path: PathBuf, error: std::io::Error },
}

impl SiteError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            SiteError::BadPath { path, reason } => {
                format!(
                    "'{path}' kan geen bestands- of mapnaam in de site zijn: {}",
                    dutch_reason(reason)
                )
            }
            SiteError::Duplicate(path) => format!(
                "twee uitvoerbestanden krijgen hetzelfde pad '{path}' (hebben twee organisatiebestanden dezelfde naam?)"
            ),
            SiteError::Conflict { path, other } => {
                format!("'{path}' en '{other}' kunnen niet allebei in de site staan")
            }
            SiteError::BadOut(p) => format!(
                "'{}' kan niet worden vervangen: geef een map met een naam, zoals --out site",
                p.display()
            ),
            SiteError::OutNotAFolder(p) => format!("'{}' bestaat al en is geen map", p.display()),
            SiteError::OutIsSymlink(p) => format!(
                "'{}' is een symbolische koppeling; geef de map waar die naar wijst",
                p.display()
            ),
            SiteError::NotOurs(p) => format!(
                "'{}' bestaat al, is niet leeg en is niet door verklaar gemaakt (er staat geen {MARKER_FILE} in); \
                 verklaar vervangt alleen zijn eigen uitvoermappen. Kies een andere --out of maak de map leeg.",
                p.display()
            ),
            SiteError::Busy(p) => format!(
                "er is al een andere `verklaar build` bezig met '{}'; wacht tot die klaar is en probeer het dan opnieuw",
                p.display()
            ),
            SiteError::InTheWay { out, paths } => format!(
                "in '{}' staan bestanden die verklaar niet heeft geschreven op een plek waar deze build zijn eigen \
                 bestanden schrijft: {}. Verplaats of hernoem ze; verklaar overschrijft geen bestanden die het niet \
                 zelf heeft geschreven.",
                out.display(),
                paths.join(", ")
            ),
            SiteError::Io { path, error } => {
                format!("'{}' kan niet worden geschreven: {}", path.display(), io_dutch(error))
            }
        }
    }
}

/// An OS error in Dutch: the kinds a build meets, by name; any other by its number only, as
/// the OS's own text is English.
fn io_dutch(error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let text = match error.kind() {
        K::NotFound => "de map of het bestand bestaat niet",
        K::PermissionDenied => "geen toestemming",
        K::AlreadyExists => "er staat al iets met die naam",
        K::StorageFull => "de schijf is vol",
        K::QuotaExceeded => "het schijfquotum is op",
        K::ReadOnlyFilesystem => "het bestandssysteem is alleen-lezen",
        K::NotADirectory => "een deel van het pad is geen map",
        K::IsADirectory => "het is een map",
        K::DirectoryNotEmpty => "de map is niet leeg",
        K::InvalidFilename => "de naam is te lang of ongeldig",
        K::CrossesDevices => "de map staat op een ander bestandssysteem",
        K::ResourceBusy => "het bestand of de map is in gebruik",
        K::Interrupted => "onderbroken",
        _ => "",
    };
    match (text.is_empty(), error.raw_os_error()) {
        (false, _) => text.to_string(),
        (true, Some(code)) => format!("fout {code} van het besturingssysteem"),
        (true, None) => "onbekende fout van het besturingssysteem".to_string(),
    }
}

fn dutch_reason(reason: &str) -> &'static str {
    match reason {
        REASON_EMPTY => "een deel van het pad is leeg",
        REASON_DOTS => "'.' en '..' zijn geen namen",
        REASON_HIDDEN => "namen die met een punt beginnen zijn verborgen bestanden",
        REASON_CHARS => {
            "de naam bevat een schuine streep, een besturingsteken of een ander teken dat niet in een pad kan"
        }
        _ => "ongeldige naam",
    }
}

const REASON_EMPTY: &str = "a part of the path is empty";
const REASON_DOTS: &str = "'.' and '..' are not names";
const REASON_HIDDEN: &str = "names starting with a dot are hidden files";
const REASON_CHARS: &str = "the name contains a backslash, a control character or another character a path cannot hold";

/// Every file of one build, by relative `/`-separated path, in sorted order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    files: BTreeMap<String, Vec<u8>>,
    /// The keys of `files`, for the collision checks shared with [`Staging`].
    paths: BTreeSet<String>,
}

impl Default for Site {
    fn default() -> Site {
        Site::new()
    }
}

impl Site {
    /// An empty site (only the [`MARKER_FILE`]).
    pub fn new() -> Site {
        let mut files = BTreeMap::new();
        files.insert(MARKER_FILE.to_string(), MARKER_TEXT.as_bytes().to_vec());
        let paths = files.keys().cloned().collect();
        Site { files, paths }
    }

    /// Adds a file at a relative path such as `lijv/index.html`.
    pub fn add(&mut self, path: &str, bytes: impl Into<Vec<u8>>) -> Result<(), SiteError> {
        for part in path.split('/') {
            check_name(path, part)?;
        }
        check_free(&self.paths, path)?;
        self.paths.insert(path.to_string());
        self.files.insert(path.to_string(), bytes.into());
        Ok(())
    }

    /// Adds one organisation's outputs under its folder (`<slug>/…`): all of them or, on
    /// an error, none (so a failed organisation leaves no stray file in the site).
    pub fn add_organisation(&mut self, slug: &str, outputs: Vec<Output>) -> Result<(), SiteError> {
        check_name(slug, slug)?;
        let mut added = Vec::with_capacity(outputs.len());
        for output in outputs {
            let path = format!("{slug}/{}", output.path);
            if let Err(e) = self.add(&path, output.bytes) {
                for path in added {
                    self.files.remove(&path);
                    self.paths.remove(&path);
                }
                return Err(e);
            }
            added.push(path);
        }
        Ok(())
    }

    /// Adds outputs at the site root.
    pub fn add_root(&mut self, outputs: Vec<Output>) -> Result<(), SiteError> {
        for output in outputs {
            self.add(&output.path, output.bytes)?;
        }
        Ok(())
    }

    /// The files in the order they are written.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))
    }

    /// One file's bytes.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// Number of files, the marker included.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Writes the site to `out`, replacing what was there only when everything is written.
    pub fn write(&self, out: &Path) -> Result<WriteReport, SiteError> {
        write_atomically(&self.files, out)
    }

    /// As [`Site::write`], to the folder of a lock the caller already holds.
    pub fn write_locked(&self, lock: &OutLock) -> Result<WriteReport, SiteError> {
        write_with_lock(&self.files, lock)
    }
}

/// Whether `path` may be added beside the `taken` ones: not taken, no file where it needs a
/// folder, no folder where it is a file.
pub(crate) fn check_free(taken: &BTreeSet<String>, path: &str) -> Result<(), SiteError> {
    if taken.contains(path) {
        return Err(SiteError::Duplicate(path.to_string()));
    }
    let mut prefix = String::new();
    for part in path.split('/') {
        if !prefix.is_empty() {
            if taken.contains(&prefix) {
                return Err(SiteError::Conflict {
                    path: path.to_string(),
                    other: prefix,
                });
            }
            prefix.push('/');
        }
        prefix.push_str(part);
    }
    let folder = format!("{path}/");
    if let Some(other) = taken.range(folder.clone()..).next()
        && other.starts_with(&folder)
    {
        return Err(SiteError::Conflict {
            path: path.to_string(),
            other: other.clone(),
        });
    }
    Ok(())
}

/// One path segment: a plain, visible name that means the same on every file system.
pub(crate) fn check_name(path: &str, part: &str) -> Result<(), SiteError> {
    let bad = |reason| {
        Err(SiteError::BadPath {
            path: path.to_string(),
            reason,
        })
    };
    if part.is_empty() {
        return bad(REASON_EMPTY);
    }
    if part == "." || part == ".." {
        return bad(REASON_DOTS);
    }
    if part.starts_with('.') && part != MARKER_FILE {
        return bad(REASON_HIDDEN);
    }
    if part.len() > 255
        || part
            .chars()
            .any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
    {
        return bad(REASON_CHARS);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_checked() {
        let mut site = Site::new();
        site.add("lijv/index.html", "a").expect("plain path");
        assert!(matches!(site.add("lijv/index.html", "b"), Err(SiteError::Duplicate(_))));
        assert!(matches!(site.add("lijv", "c"), Err(SiteError::Conflict { .. })));
        assert!(matches!(
            site.add("lijv/index.html/x", "c"),
            Err(SiteError::Conflict { .. })
        ));
        for bad in ["", "a//b", "../x", "./x", ".git/config", "a\\b", "a\u{0}b", "con:x"] {
            assert!(matches!(site.add(bad, "x"), Err(SiteError::BadPath { .. })), "{bad:?}");
        }
        assert!(matches!(
            site.add_organisation("..", vec![Output::new("index.html", "x")]),
            Err(SiteError::BadPath { .. })
        ));
        let order: Vec<&str> = site.files().map(|(p, _)| p).collect();
        assert_eq!(order, [MARKER_FILE, "lijv/index.html"]);
    }
}
