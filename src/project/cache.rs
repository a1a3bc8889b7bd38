//! The incremental build: a content-addressed cache beside the site
//! (`.<out>.verklaar-cache/`), so a rebuild lints and renders only the organisations whose
//! input changed and links the files of the others into the new site.
//!
//! An entry's key is a BLAKE3 hash of everything that decides its output: the file's path
//! and bytes, the theme's files, the verklaar binary (its version, and its size and time, so
//! a rebuilt binary with changed rules or templates never reuses old output), the options
//! (`--only`, `--strict`, the language) and the dates the output depends on (the build date
//! and today, against which suppressions expire). An entry is a folder named by its key
//! with the organisation's files and `entry.json` (its index entry and the size and
//! modification time of each file, so a site file edited in place, which shares its inode
//! with the cache through a hard link, is noticed and not reused).
//!
//! Failed organisations are never cached: they are redone, and their messages shown, every
//! time. After a successful build, entries it did not use are removed, so the cache holds
//! one site's worth.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::render::IndexEntry;

/// Bumped when the layout of an entry changes.
const FORMAT: &str = "verklaar-cache-1";

/// What one cached organisation holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedEntry {
    pub entry: IndexEntry,
    /// Why the PDF is tagged only, when it is.
    pub pdf_note: Option<String>,
    /// The organisation's files, relative to its folder, with what they were when cached.
    pub files: Vec<CachedFile>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedFile {
    pub path: String,
    pub len: u64,
    /// Modification time in nanoseconds since 1970.
    pub modified: u128,
}

/// A hit: the entry and where its files are.
#[derive(Debug)]
pub struct Hit {
    pub entry: CachedEntry,
    /// (path relative to the organisation's folder, file in the cache)
    pub files: Vec<(String, PathBuf)>,
}

/// The cache of one output folder, for one build.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    /// The hash of everything every key shares.
    salt: blake3::Hasher,
    used: Mutex<BTreeSet<String>>,
    pending: Mutex<Vec<Pending>>,
}

/// An organisation this build made, kept when the build succeeds.
#[derive(Debug)]
struct Pending {
    key: String,
    slug: String,
    entry: IndexEntry,
    pdf_note: Option<String>,
    files: Vec<String>,
}

/// The parts of every key that are the same for the whole build.
#[derive(Debug, Clone, Hash)]
pub struct Settings {
    /// The user's theme folder, if any (its files are hashed).
    pub theme: Option<PathBuf>,
    /// Options that change what is written, as text (`--only`, `--strict`, language).
    pub options: String,
    /// Dates the output depends on (build date, today).
    pub dates: String,
}

impl Cache {
    /// The cache at `dir` (made on the first [`Cache::commit`]). `None` when the theme
    /// cannot be read to hash it (the build then simply does all the work).
    pub fn open(dir: PathBuf, settings: &Settings) -> Option<Cache> {
        let mut salt = blake3::Hasher::new();
        field(&mut salt, FORMAT.as_bytes());
        field(&mut salt, env!("CARGO_PKG_VERSION").as_bytes());
        field(&mut salt, binary_identity().as_bytes());
        field(&mut salt, settings.options.as_bytes());
        field(&mut salt, settings.dates.as_bytes());
        match &settings.theme {
            Some(theme) => hash_folder(&mut salt, theme)?,
            None => field(&mut salt, b"built-in theme"),
        }
        Some(Cache {
            dir,
            salt,
            used: Mutex::new(BTreeSet::new()),
            pending: Mutex::new(Vec::new()),
        })
    }

    /// The key of one organisation file.
    pub fn key(&self, path: &Path, bytes: &[u8]) -> String {
        let mut hasher = self.salt.clone();
        field(&mut hasher, path.to_string_lossy().as_bytes());
        field(&mut hasher, bytes);
        let key = hasher.finalize().to_hex().to_string();
        self.used
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key.clone());
        key
    }

    /// The entry for `key`, when there is one whose files are all as they were written.
    pub fn get(&self, key: &str) -> Option<Hit> {
        let folder = self.dir.join(key);
        let bytes = std::fs::read(folder.join("entry.json")).ok()?;
        let entry: CachedEntry = serde_json::from_slice(&bytes).ok()?;
        let mut files = Vec::with_capacity(entry.files.len());
        for file in &entry.files {
            // Only names verklaar writes: an edited entry cannot point outside the cache.
            if file
                .path
                .split('/')
                .any(|part| crate::site::check_name(&file.path, part).is_err())
            {
                return None;
            }
            let path = file.path.split('/').fold(folder.join("files"), |p, part| p.join(part));
            let meta = std::fs::metadata(&path).ok()?;
            if !meta.is_file() || meta.len() != file.len || modified(&meta) != file.modified {
                return None;
            }
            files.push((file.path.clone(), path));
        }
        Some(Hit { entry, files })
    }

    /// Notes an organisation built by this build, to be kept by [`Cache::commit`] once the
    /// site is in place: a build that fails or is killed leaves the cache as it was.
    pub fn put(&self, key: &str, slug: &str, entry: &IndexEntry, pdf_note: Option<&str>, files: Vec<String>) {
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(Pending {
                key: key.to_string(),
                slug: slug.to_string(),
                entry: entry.clone(),
                pdf_note: pdf_note.map(str::to_string),
                files,
            });
    }

    /// After a successful build into `out`: keeps every organisation built (hard links to
    /// its files in `out`, so nothing is copied) and removes the entries this build did not
    /// use. Best effort: a cache that cannot be written only makes the next build slower.
    pub fn commit(&self, out: &Path) {
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let pending = std::mem::take(&mut *self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        for p in pending {
            let staged: Vec<(String, PathBuf)> = p
                .files
                .iter()
                .map(|f| {
                    let on_disk = format!("{}/{f}", p.slug)
                        .split('/')
                        .fold(out.to_path_buf(), |path, part| path.join(part));
                    (f.clone(), on_disk)
                })
                .collect();
            self.keep(&p.key, &p.entry, p.pdf_note.as_deref(), &staged);
        }
        self.prune();
    }

    fn keep(&self, key: &str, entry: &IndexEntry, pdf_note: Option<&str>, staged: &[(String, PathBuf)]) {
        let folder = self.dir.join(key);
        let partial = self.dir.join(format!("{key}.partial-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&partial);
        let mut files = Vec::with_capacity(staged.len());
        let made = (|| -> std::io::Result<()> {
            std::fs::create_dir_all(&partial)?;
            for (relative, from) in staged {
                let to = relative.split('/').fold(partial.join("files"), |p, part| p.join(part));
                if let Some(parent) = to.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                if std::fs::hard_link(from, &to).is_err() {
                    std::fs::copy(from, &to)?;
                }
                let meta = std::fs::metadata(&to)?;
                files.push(CachedFile {
                    path: relative.clone(),
                    len: meta.len(),
                    modified: modified(&meta),
                });
            }
            let cached = CachedEntry {
                entry: entry.clone(),
                pdf_note: pdf_note.map(str::to_string),
                files,
            };
            std::fs::write(
                partial.join("entry.json"),
                serde_json::to_vec(&cached).map_err(std::io::Error::other)?,
            )?;
            let _ = std::fs::remove_dir_all(&folder);
            std::fs::rename(&partial, &folder)
        })();
        if made.is_err() {
            let _ = std::fs::remove_dir_all(&partial);
        }
    }

    /// Removes every entry this build did not use.
    fn prune(&self) {
        let used = self.used.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            if name.to_str().is_some_and(|n| used.contains(n)) {
                continue;
            }
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                let _ = std::fs::remove_dir_all(&path);
            } else {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// Feeds one length-prefixed field, so no two different inputs hash alike by running into
/// each other.
fn field(hasher: &mut blake3::Hasher, bytes: &[u8]) {
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// The running binary's path, size and modification time.
fn binary_identity() -> String {
    let Ok(exe) = std::env::current_exe() else {
        return String::new();
    };
    let meta = std::fs::metadata(&exe).ok();
    format!(
        "{}|{}|{}",
        exe.display(),
        meta.as_ref().map_or(0, std::fs::Metadata::len),
        meta.as_ref().map_or(0, modified)
    )
}

/// Every file under `folder` (sorted, by relative path and content). `None` when it cannot
/// be read: then the cache is not used rather than trusted.
fn hash_folder(hasher: &mut blake3::Hasher, folder: &Path) -> Option<()> {
    for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
        let entry = entry.ok()?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(folder).unwrap_or(entry.path());
        field(hasher, relative.to_string_lossy().as_bytes());
        field(hasher, &std::fs::read(entry.path()).ok()?);
    }
    Some(())
}

fn modified(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}
