//! Finding organisation files: explicit files as given, folders walked for `*.yaml`/`*.yml`.
//!
//! Nothing in a folder is passed over in silence: hidden files and folders are listed as
//! skipped, symbolic links are followed only while they stay inside the folder, and pipes or
//! devices are refused before anything opens them (opening a FIFO blocks forever).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::load::{FileKind, SkipReason};

/// The files to load, and what was found but not loaded.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub notes: Vec<(PathBuf, Note)>,
}

/// Why a path found while walking is not loaded.
#[derive(Debug)]
pub enum Note {
    /// Left out on purpose, reported for information.
    Skipped(SkipReason),
    /// A symbolic link leading out of the folder: refused.
    LinkOutside { target: PathBuf, folder: PathBuf },
    /// A pipe, device or socket: refused.
    NotAFile(FileKind),
    /// A link to nothing, or an entry that cannot be inspected.
    Unreadable(std::io::Error),
}

/// Expands paths into organisation files, sorted within each folder for stable output.
/// `Err` only when a path given on the command line does not exist or cannot be inspected.
pub fn discover(paths: &[PathBuf]) -> Result<Discovered, (PathBuf, std::io::Error)> {
    let mut out = Discovered::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| (path.clone(), e))?;
        if meta.is_dir() {
            walk(path, &mut out);
        } else if meta.is_file() {
            out.files.push(path.clone());
        } else {
            out.notes
                .push((path.clone(), Note::NotAFile(kind_of(&meta.file_type()))));
        }
    }
    Ok(out)
}

fn walk(root: &Path, out: &mut Discovered) {
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut files = Vec::new();
    let mut notes = Vec::new();
    let mut entries = WalkDir::new(root).follow_links(false).sort_by_file_name().into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                notes.push((path, Note::Unreadable(e.into())));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type();
        if is_hidden(path) {
            if file_type.is_dir() {
                entries.skip_current_dir();
                notes.push((path.to_path_buf(), Note::Skipped(SkipReason::HiddenFolder)));
            } else if is_yaml(path) {
                notes.push((path.to_path_buf(), Note::Skipped(SkipReason::Hidden)));
            }
            continue;
        }
        if file_type.is_dir() {
            continue;
        }
        if file_type.is_symlink() {
            if let Some(note) = follow(path, root, &canonical_root, &mut files) {
                notes.push((path.to_path_buf(), note));
            }
            continue;
        }
        if !is_yaml(path) {
            continue;
        }
        if file_type.is_file() {
            files.push(path.to_path_buf());
        } else {
            notes.push((path.to_path_buf(), Note::NotAFile(kind_of(&file_type))));
        }
    }
    files.sort();
    out.files.extend(files);
    out.notes.extend(notes);
}

/// Resolves a symbolic link found in `root`: a YAML file inside the folder is loaded under the
/// link's name unless the walk reaches it under its own name anyway.
fn follow(link: &Path, root: &Path, canonical_root: &Path, files: &mut Vec<PathBuf>) -> Option<Note> {
    let target = match std::fs::canonicalize(link) {
        Ok(target) => target,
        Err(e) => return is_yaml(link).then_some(Note::Unreadable(e)),
    };
    // The type of the target, before anything opens it.
    let meta = match std::fs::metadata(&target) {
        Ok(meta) => meta,
        Err(e) => return is_yaml(link).then_some(Note::Unreadable(e)),
    };
    let Ok(inside) = target.strip_prefix(canonical_root) else {
        // A link to a folder outside is refused like a file: its contents would be read from
        // elsewhere. Links to non-YAML files are none of our business.
        return (meta.is_dir() || is_yaml(link) || is_yaml(&target)).then(|| Note::LinkOutside {
            target,
            folder: root.to_path_buf(),
        });
    };
    let shown = root.join(inside);
    if meta.is_dir() {
        return Some(Note::Skipped(SkipReason::FolderLink {
            target: shown.display().to_string(),
        }));
    }
    if !is_yaml(link) {
        return None;
    }
    if !meta.is_file() {
        return Some(Note::NotAFile(kind_of(&meta.file_type())));
    }
    // `inside` is canonical, so no folder on the way is a link: the walk reaches the target
    // under its own name unless a hidden folder or name keeps it out.
    let walked_anyway = is_yaml(&target) && !inside.components().any(|c| is_hidden(Path::new(c.as_os_str())));
    if walked_anyway {
        return Some(Note::Skipped(SkipReason::DuplicateLink {
            target: shown.display().to_string(),
        }));
    }
    files.push(link.to_path_buf());
    None
}

#[cfg(unix)]
pub fn kind_of(file_type: &std::fs::FileType) -> FileKind {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        FileKind::Fifo
    } else if file_type.is_block_device() || file_type.is_char_device() {
        FileKind::Device
    } else if file_type.is_socket() {
        FileKind::Socket
    } else {
        FileKind::Other
    }
}

#[cfg(not(unix))]
pub fn kind_of(_: &std::fs::FileType) -> FileKind {
    FileKind::Other
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}
