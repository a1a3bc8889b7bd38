//! Writing a site so that a failed build never leaves a half-written folder.
//!
//! 1. Before anything is written, `out` is checked: it must not exist, be empty, or be a
//!    folder verklaar made (it holds [`MARKER_FILE`]).
//! 2. All files go into a new hidden folder next to `out` (`.site.verklaar-new-<pid>`), so
//!    it is on the same file system and a rename moves it.
//! 3. Swap: `out` is renamed to `.site.verklaar-old-<pid>`, the new folder is renamed to
//!    `out`, then the old one is deleted. If the second rename fails, the old folder is
//!    renamed back.
//!
//! Any failure in 1 or 2 removes the new folder and leaves `out` as it was. Between the two
//! renames of step 3, `out` is briefly absent, but never incomplete. Files are not synced
//! to disk one by one: this protects against failed builds, not against power loss.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{MARKER_FILE, SiteError};

/// What a successful write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteReport {
    /// Files written (the marker included).
    pub files: usize,
    /// Whether an earlier site was replaced.
    pub replaced: bool,
    /// The previous site, when it was moved aside but could not be deleted.
    pub leftover: Option<PathBuf>,
}

/// Writes `files` (relative `/`-separated paths) as the folder `out`, atomically replacing
/// an earlier site. See the module documentation for the steps.
pub fn write_atomically(files: &BTreeMap<String, Vec<u8>>, out: &Path) -> Result<WriteReport, SiteError> {
    let name = out
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| SiteError::BadOut(out.to_path_buf()))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let replaced = check_replaceable(out)?;
    std::fs::create_dir_all(&parent).map_err(|error| SiteError::Io {
        path: parent.clone(),
        error,
    })?;
    let staging = create_unique_dir(&parent, name, "new")?;
    if let Err(e) = write_files(&staging, files) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if !replaced {
        return match std::fs::rename(&staging, out) {
            Ok(()) => Ok(WriteReport {
                files: files.len(),
                replaced: false,
                leftover: None,
            }),
            Err(error) => {
                let _ = std::fs::remove_dir_all(&staging);
                Err(SiteError::Io {
                    path: out.to_path_buf(),
                    error,
                })
            }
        };
    }
    let backup = unused_name(&parent, name, "old");
    if let Err(error) = std::fs::rename(out, &backup) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(SiteError::Io {
            path: out.to_path_buf(),
            error,
        });
    }
    if let Err(error) = std::fs::rename(&staging, out) {
        // Put the previous site back where it was.
        let _ = std::fs::rename(&backup, out);
        let _ = std::fs::remove_dir_all(&staging);
        return Err(SiteError::Io {
            path: out.to_path_buf(),
            error,
        });
    }
    let leftover = std::fs::remove_dir_all(&backup).err().map(|_| backup);
    Ok(WriteReport {
        files: files.len(),
        replaced: true,
        leftover,
    })
}

/// `Ok(true)` when `out` exists and may be replaced, `Ok(false)` when it does not exist.
fn check_replaceable(out: &Path) -> Result<bool, SiteError> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => {
            return Err(SiteError::Io {
                path: out.to_path_buf(),
                error,
            });
        }
    };
    if meta.file_type().is_symlink() {
        return Err(SiteError::OutIsSymlink(out.to_path_buf()));
    }
    if !meta.is_dir() {
        return Err(SiteError::OutNotAFolder(out.to_path_buf()));
    }
    if out.join(MARKER_FILE).is_file() {
        return Ok(true);
    }
    let mut entries = std::fs::read_dir(out).map_err(|error| SiteError::Io {
        path: out.to_path_buf(),
        error,
    })?;
    if entries.next().is_some() {
        return Err(SiteError::NotOurs(out.to_path_buf()));
    }
    Ok(true)
}

fn unused_name(parent: &Path, name: &str, what: &str) -> PathBuf {
    let pid = std::process::id();
    let mut n = 0u32;
    loop {
        let candidate = parent.join(format!(".{name}.verklaar-{what}-{pid}-{n}"));
        if std::fs::symlink_metadata(&candidate).is_err() || n == u32::MAX {
            return candidate;
        }
        n += 1;
    }
}

fn create_unique_dir(parent: &Path, name: &str, what: &str) -> Result<PathBuf, SiteError> {
    let pid = std::process::id();
    let mut n = 0u32;
    loop {
        let candidate = parent.join(format!(".{name}.verklaar-{what}-{pid}-{n}"));
        match std::fs::create_dir(&candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            Err(error) => return Err(SiteError::Io { path: candidate, error }),
        }
    }
}

fn write_files(root: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<(), SiteError> {
    let mut made: Option<PathBuf> = None;
    for (relative, bytes) in files {
        let path = relative.split('/').fold(root.to_path_buf(), |p, part| p.join(part));
        if let Some(folder) = path.parent()
            && made.as_deref() != Some(folder)
        {
            std::fs::create_dir_all(folder).map_err(|error| SiteError::Io {
                path: folder.to_path_buf(),
                error,
            })?;
            made = Some(folder.to_path_buf());
        }
        std::fs::write(&path, bytes).map_err(|error| SiteError::Io { path, error })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::MARKER_TEXT;

    fn site(files: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        let mut map: BTreeMap<String, Vec<u8>> = files
            .iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect();
        map.insert(MARKER_FILE.into(), MARKER_TEXT.into());
        map
    }

    fn scratch() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "verklaar-write-test-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.path().strip_prefix(dir).unwrap_or(e.path()).display().to_string())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_then_replaces() {
        let dir = scratch();
        let out = dir.join("site");
        let first = write_atomically(&site(&[("a/index.html", "1"), ("index.html", "i")]), &out).expect("first");
        assert!(!first.replaced);
        let second = write_atomically(&site(&[("b/index.html", "2")]), &out).expect("second");
        assert!(second.replaced && second.leftover.is_none());
        assert_eq!(
            std::fs::read_to_string(out.join("b/index.html")).ok().as_deref(),
            Some("2")
        );
        assert!(!out.join("a").exists(), "the old site is gone as a whole");
        assert_eq!(
            listing(&dir),
            ["", "site", "site/.verklaar-site", "site/b", "site/b/index.html"]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_leaves_the_old_site() {
        let dir = scratch();
        let out = dir.join("site");
        write_atomically(&site(&[("a/index.html", "1")]), &out).expect("first");
        let before = listing(&dir);
        // A name longer than any file system allows fails half-way, after "a/…" is written.
        let long = "x".repeat(300);
        let broken = site(&[("a/index.html", "2"), (&format!("{long}/index.html"), "3")]);
        assert!(matches!(write_atomically(&broken, &out), Err(SiteError::Io { .. })));
        assert_eq!(listing(&dir), before, "no staging folder left, old site untouched");
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).ok().as_deref(),
            Some("1")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn refuses_folders_it_did_not_make() {
        let dir = scratch();
        let out = dir.join("src");
        std::fs::create_dir_all(&out).expect("folder");
        std::fs::write(out.join("main.rs"), "fn main() {}").expect("file");
        assert!(matches!(
            write_atomically(&site(&[("index.html", "x")]), &out),
            Err(SiteError::NotOurs(_))
        ));
        assert!(out.join("main.rs").exists());
        let file = dir.join("file");
        std::fs::write(&file, "x").expect("file");
        assert!(matches!(
            write_atomically(&site(&[]), &file),
            Err(SiteError::OutNotAFolder(_))
        ));
        assert!(matches!(
            write_atomically(&site(&[]), Path::new("..")),
            Err(SiteError::BadOut(_))
        ));
        // An empty folder may be used.
        let empty = dir.join("empty");
        std::fs::create_dir_all(&empty).expect("folder");
        assert!(write_atomically(&site(&[("index.html", "x")]), &empty).is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
