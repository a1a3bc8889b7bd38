//! Writing a site so that a failed or killed build never leaves a half-written folder, never
//! deletes a file verklaar did not write, and never races another build.
//!
//! 1. A lock: `.<out>.verklaar-lock` next to `out`, held (an OS file lock, released by the
//!    OS when the process dies, even by SIGKILL) from before the build renders anything
//!    until the write is done. A second build into the same folder stops at once.
//! 2. Holding the lock, leftovers of builds that were killed are cleaned up: their staging
//!    folders (`.<out>.verklaar-new-<pid>-<n>`) are removed, and a previous site moved aside
//!    (`.<out>.verklaar-old-<pid>-<n>`) is put back if `out` is missing, else removed. No
//!    live build can own them: it would hold the lock.
//! 3. `out` is checked: it must not exist, be empty, or be a folder verklaar made (it holds
//!    [`MARKER_FILE`]).
//! 4. All files go into a new hidden staging folder next to `out` (same file system, so a
//!    rename moves it), with [`MANIFEST_FILE`], the list of every file verklaar wrote. Every
//!    file in the old `out` that the previous manifest does not list (`CNAME`, `.git/`, an
//!    extra page) was put there by someone else and is carried into the new folder (hard
//!    linked, or copied where that fails). If such a file sits where the new build wants to
//!    write, nothing is written and the files are named.
//! 5. Swap: `out` is renamed to `.<out>.verklaar-old-<pid>-<n>`, the staging folder is
//!    renamed to `out`, then the old one is deleted. If the second rename fails, the old
//!    folder is renamed back.
//!
//! Any failure in 3 or 4 removes the staging folder and leaves `out` as it was. Between the
//! two renames of step 5, `out` is briefly absent, but never incomplete (and step 2 of the
//! next build restores it if the process dies right there). Files are not synced to disk
//! one by one: this protects against failed and killed builds, not against power loss.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::path::{Path, PathBuf};

use super::{MANIFEST_FILE, MARKER_FILE, SiteError, check_name};
use crate::i18n::Lang;

/// What a successful write did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WriteReport {
    /// Files written by verklaar (the marker and the manifest included).
    pub files: usize,
    /// Whether an earlier site was replaced.
    pub replaced: bool,
    /// The previous site, when it was moved aside but could not be deleted.
    pub leftover: Option<PathBuf>,
    /// Files and folders in `out` that verklaar did not write and carried into the new
    /// site, as top-level relative paths (`CNAME`, `.git`).
    pub kept: Vec<String>,
    /// Staging folders of killed builds that were removed.
    pub cleaned: Vec<PathBuf>,
    /// A site moved aside by a build killed during its swap, put back before this write.
    pub restored: Option<PathBuf>,
    /// The previous site had no manifest (written by an older verklaar): files it held that
    /// this build does not write were kept, as verklaar cannot tell them from the user's.
    pub legacy: bool,
}

impl WriteReport {
    /// Lines for the user about what was kept and cleaned up (nothing when nothing was).
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(restored) = &self.restored {
            notes.push(lang.pick(
                format!(
                    "een eerder afgebroken build had de vorige site in '{}' laten staan; die is eerst teruggezet",
                    restored.display()
                ),
                format!(
                    "an earlier build that was stopped had left the previous site in '{}'; it was put back first",
                    restored.display()
                ),
            ));
        }
        if !self.cleaned.is_empty() {
            let names: Vec<String> = self.cleaned.iter().map(|p| format!("'{}'", p.display())).collect();
            notes.push(lang.pick(
                format!(
                    "achtergebleven map(pen) van afgebroken builds opgeruimd: {}",
                    names.join(", ")
                ),
                format!(
                    "removed folder(s) left by builds that were stopped: {}",
                    names.join(", ")
                ),
            ));
        }
        if !self.kept.is_empty() {
            let names = self.kept.join(", ");
            notes.push(if self.legacy {
                lang.pick(
                    format!(
                        "de vorige site is gemaakt door een oudere verklaar zonder lijst van zijn bestanden; \
                         wat deze build niet schrijft is bewaard: {names}. Verwijder wat weg mag zelf."
                    ),
                    format!(
                        "the previous site was made by an older verklaar without a list of its files; \
                         what this build does not write was kept: {names}. Remove what may go yourself."
                    ),
                )
            } else {
                lang.pick(
                    format!("bewaard (niet door verklaar geschreven): {names}"),
                    format!("kept (not written by verklaar): {names}"),
                )
            });
        }
        if let Some(leftover) = &self.leftover {
            notes.push(lang.pick(
                format!(
                    "de vorige site staat nog in '{}'; verwijder die map zelf",
                    leftover.display()
                ),
                format!(
                    "the previous site is still in '{}'; remove that folder yourself",
                    leftover.display()
                ),
            ));
        }
        notes
    }
}

/// The lock on one output folder, held until dropped (or until the process ends).
#[derive(Debug)]
pub struct OutLock {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    /// Holds the OS lock; closing the file releases it.
    _file: File,
}

impl OutLock {
    /// Takes the lock on `out`, creating the folder it will be in. Fails at once (no
    /// waiting) when another build holds it.
    pub fn acquire(out: &Path) -> Result<OutLock, SiteError> {
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| SiteError::BadOut(out.to_path_buf()))?
            .to_string();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|error| SiteError::Io {
            path: parent.clone(),
            error,
        })?;
        let path = parent.join(format!(".{name}.verklaar-lock"));
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|error| SiteError::Io {
                path: path.clone(),
                error,
            })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(SiteError::Busy(out.to_path_buf())),
            Err(std::fs::TryLockError::Error(error)) => return Err(SiteError::Io { path, error }),
        }
        Ok(OutLock {
            out: out.to_path_buf(),
            parent,
            name,
            _file: file,
        })
    }

    /// A hidden folder next to the output folder that belongs to it:
    /// `.<out>.verklaar-<what>` (the build's cache).
    pub fn sibling(&self, what: &str) -> PathBuf {
        self.parent.join(format!(".{}.verklaar-{what}", self.name))
    }

    /// The folder this lock guards.
    pub fn out(&self) -> &Path {
        &self.out
    }
}

/// Writes `files` (relative `/`-separated paths) as the folder `out`, taking its lock for
/// the time of the write. See the module documentation for the steps.
pub fn write_atomically(files: &BTreeMap<String, Vec<u8>>, out: &Path) -> Result<WriteReport, SiteError> {
    let lock = OutLock::acquire(out)?;
    write_with_lock(files, &lock)
}

/// Writes `files` as the folder the lock guards. See the module documentation.
pub fn write_with_lock(files: &BTreeMap<String, Vec<u8>>, lock: &OutLock) -> Result<WriteReport, SiteError> {
    let staging = Staging::begin(lock)?;
    for (path, bytes) in files {
        staging.write_raw(path, bytes)?;
    }
    staging.finish()
}

/// A site being written: the hidden staging folder next to `out` that files go into as soon
/// as they are made (so a build holds one organisation's output in memory at a time, not
/// the whole site), then [`Staging::finish`] carries the user's files over, writes the
/// manifest and swaps. Dropped without `finish` (an error, a panic, a theme that failed
/// half-way), it removes the staging folder: `out` is never touched before the swap.
///
/// Safe to share between threads: paths are registered under a lock (so two outputs can
/// never claim one path), files are written outside it.
#[derive(Debug)]
pub struct Staging<'l> {
    lock: &'l OutLock,
    dir: PathBuf,
    report: WriteReport,
    previous: Previous,
    paths: std::sync::Mutex<BTreeSet<String>>,
    finished: bool,
}

impl<'l> Staging<'l> {
    /// Steps 2 and 3 of the module documentation, then an empty staging folder with the
    /// marker file. Fails before anything is written when `out` may not be replaced.
    pub fn begin(lock: &'l OutLock) -> Result<Staging<'l>, SiteError> {
        let out = lock.out.as_path();
        let (parent, name) = (lock.parent.as_path(), lock.name.as_str());
        let report = clean_leftovers(parent, name, out);
        let previous = check_replaceable(out)?;
        let dir = create_unique_dir(parent, name, "new")?;
        let staging = Staging {
            lock,
            dir,
            report,
            previous,
            paths: std::sync::Mutex::new(BTreeSet::new()),
            finished: false,
        };
        staging.write_raw(MARKER_FILE, super::MARKER_TEXT.as_bytes())?;
        Ok(staging)
    }

    /// The staging folder (for hard links into it).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Adds one organisation's outputs under its folder (`<slug>/…`): all of them or, when
    /// a path is refused, none. A refused path is that organisation's problem
    /// ([`SiteError::BadPath`], [`SiteError::Conflict`], [`SiteError::Duplicate`]); an
    /// [`SiteError::Io`] is the build's.
    pub fn add_organisation(&self, slug: &str, outputs: &[super::Output]) -> Result<(), SiteError> {
        let paths: Vec<String> = outputs.iter().map(|o| format!("{slug}/{}", o.path)).collect();
        self.claim(slug, &paths)?;
        for (path, output) in paths.iter().zip(outputs) {
            self.put(path, |to| write_file(to, &output.bytes))?;
        }
        Ok(())
    }

    /// As [`Staging::add_organisation`], for files that already exist on disk (a cached
    /// organisation): hard linked where the file system allows, copied otherwise.
    pub fn link_organisation(&self, slug: &str, files: &[(String, PathBuf)]) -> Result<(), SiteError> {
        let paths: Vec<String> = files.iter().map(|(p, _)| format!("{slug}/{p}")).collect();
        self.claim(slug, &paths)?;
        for (path, (_, from)) in paths.iter().zip(files) {
            self.put(path, |to| {
                if std::fs::hard_link(from, to).is_err() {
                    std::fs::copy(from, to).map_err(|error| SiteError::Io {
                        path: to.to_path_buf(),
                        error,
                    })?;
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Adds files at the site root (the index, the stylesheet).
    pub fn add_root(&self, outputs: &[super::Output]) -> Result<(), SiteError> {
        for output in outputs {
            self.claim(&output.path, std::slice::from_ref(&output.path))?;
            self.put(&output.path, |to| write_file(to, &output.bytes))?;
        }
        Ok(())
    }

    /// Registers `paths` (all or none) after checking each name and that none collides.
    fn claim(&self, what: &str, paths: &[String]) -> Result<(), SiteError> {
        check_name(what, what.split('/').next().unwrap_or(what))?;
        for path in paths {
            for part in path.split('/') {
                check_name(path, part)?;
            }
        }
        let mut taken = self.paths.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut added: Vec<&str> = Vec::with_capacity(paths.len());
        for path in paths {
            if let Err(e) = super::check_free(&taken, path) {
                for p in added {
                    taken.remove(p);
                }
                return Err(e);
            }
            taken.insert(path.clone());
            added.push(path);
        }
        drop(taken);
        // The folder of each path one level down (an organisation's), made once here.
        let mut made: Vec<&str> = Vec::new();
        for path in paths {
            if let Some((folder, _)) = path.split_once('/')
                && !made.contains(&folder)
            {
                let dir = self.dir.join(folder);
                std::fs::create_dir_all(&dir).map_err(|error| SiteError::Io { path: dir, error })?;
                made.push(folder);
            }
        }
        Ok(())
    }

    /// Writes one file at a registered path, making its folder.
    fn put(&self, relative: &str, write: impl FnOnce(&Path) -> Result<(), SiteError>) -> Result<(), SiteError> {
        let path = relative.split('/').fold(self.dir.clone(), |p, part| p.join(part));
        // Top-level files and the files of an organisation's folder (made once by `claim`)
        // need no folder made; only deeper paths do.
        if relative.matches('/').count() > 1
            && let Some(folder) = path.parent()
        {
            std::fs::create_dir_all(folder).map_err(|error| SiteError::Io {
                path: folder.to_path_buf(),
                error,
            })?;
        }
        write(&path)
    }

    /// A file at a path that is not checked (only for [`write_with_lock`], whose callers
    /// hand over finished maps); the marker and the manifest are written by the staging
    /// itself.
    fn write_raw(&self, relative: &str, bytes: &[u8]) -> Result<(), SiteError> {
        if relative == MANIFEST_FILE {
            return Ok(());
        }
        let mut taken = self.paths.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if !taken.insert(relative.to_string()) && relative == MARKER_FILE {
            return Ok(());
        }
        drop(taken);
        let path = relative.split('/').fold(self.dir.clone(), |p, part| p.join(part));
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|error| SiteError::Io {
                path: folder.to_path_buf(),
                error,
            })?;
        }
        write_file(&path, bytes)
    }

    /// Steps 4 and 5: the user's files, the manifest, the swap.
    pub fn finish(mut self) -> Result<WriteReport, SiteError> {
        let out = self.lock.out.clone();
        let (parent, name) = (self.lock.parent.clone(), self.lock.name.clone());
        let files = std::mem::take(&mut *self.paths.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        let mut report = std::mem::take(&mut self.report);
        let replaced = !matches!(self.previous, Previous::Nothing);
        let manifest_files: Vec<&str> = files.iter().map(String::as_str).collect();
        let manifest = Manifest::new(&manifest_files);
        let carry = match &self.previous {
            Previous::Nothing => Vec::new(),
            Previous::Site { owned } => {
                report.legacy = owned.is_none();
                user_entries(&out, owned.as_ref(), &files)?
            }
        };
        write_file(&self.dir.join(MANIFEST_FILE), &manifest.to_bytes())?;
        for entry in &carry {
            carry_entry(&out.join(entry), &self.dir.join(entry))?;
        }
        report.files = files.len() + 1;
        report.replaced = replaced;
        report.kept = carry
            .iter()
            .map(|p| p.replace(std::path::MAIN_SEPARATOR, "/"))
            .collect();
        if !replaced {
            std::fs::rename(&self.dir, &out).map_err(|error| SiteError::Io {
                path: out.to_path_buf(),
                error,
            })?;
            self.finished = true;
            return Ok(report);
        }
        let backup = unused_name(&parent, &name, "old");
        std::fs::rename(&out, &backup).map_err(|error| SiteError::Io {
            path: out.to_path_buf(),
            error,
        })?;
        if let Err(error) = std::fs::rename(&self.dir, &out) {
            // Put the previous site back where it was.
            let _ = std::fs::rename(&backup, &out);
            return Err(SiteError::Io {
                path: out.to_path_buf(),
                error,
            });
        }
        self.finished = true;
        report.leftover = std::fs::remove_dir_all(&backup).err().map(|_| backup);
        Ok(report)
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The list of files verklaar wrote into a site, kept in the site as [`MANIFEST_FILE`].
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Manifest {
    /// What this file is, for whoever opens it.
    about: String,
    files: Vec<String>,
}

impl Manifest {
    fn new(files: &[&str]) -> Manifest {
        Manifest {
            about: "Files written by `verklaar build`; the next build replaces these and keeps every other file."
                .to_string(),
            files: files.iter().map(|f| f.to_string()).collect(),
        }
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// The files listed in `out`'s manifest: `None` when there is none (an older verklaar).
    /// Only names verklaar could have written count, so an edited manifest can never make a
    /// build delete a hidden file such as `.git/config`. A manifest that cannot be read
    /// counts as listing nothing: then every file is kept.
    fn read(out: &Path) -> Option<BTreeSet<String>> {
        let bytes = std::fs::read(out.join(MANIFEST_FILE)).ok()?;
        let manifest: Manifest = serde_json::from_slice(&bytes).unwrap_or_else(|_| Manifest::new(&[]));
        Some(
            manifest
                .files
                .into_iter()
                .filter(|f| f.split('/').all(|part| check_name(f, part).is_ok()) && f != MARKER_FILE)
                .collect(),
        )
    }
}

/// Removes what builds that died left next to `out`. Safe because the caller holds the
/// lock: a live build of `out` would hold it.
fn clean_leftovers(parent: &Path, name: &str, out: &Path) -> WriteReport {
    let mut report = WriteReport::default();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return report;
    };
    let new_prefix = format!(".{name}.verklaar-new-");
    let old_prefix = format!(".{name}.verklaar-old-");
    let mut new = Vec::new();
    let mut old = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else { continue };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir {
            continue;
        }
        if file_name.starts_with(&new_prefix) {
            new.push(entry.path());
        } else if file_name.starts_with(&old_prefix) {
            old.push(entry.path());
        }
    }
    // A build killed between its two renames left no `out` and the previous site aside.
    if std::fs::symlink_metadata(out).is_err() {
        old.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        if let Some(latest) = old.pop()
            && latest.join(MARKER_FILE).is_file()
            && std::fs::rename(&latest, out).is_ok()
        {
            report.restored = Some(latest);
        }
    }
    for stale in new.into_iter().chain(old) {
        if std::fs::remove_dir_all(&stale).is_ok() {
            report.cleaned.push(stale);
        }
    }
    report
}

/// What is at `out` before the write.
#[derive(Debug)]
enum Previous {
    /// Nothing: the folder is new.
    Nothing,
    /// A site (or an empty folder) that may be replaced. `owned` lists the files its
    /// manifest names: `None` for a site of an older verklaar without one; an empty folder
    /// owns nothing.
    Site { owned: Option<BTreeSet<String>> },
}

fn check_replaceable(out: &Path) -> Result<Previous, SiteError> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Previous::Nothing),
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
        return Ok(Previous::Site {
            owned: Manifest::read(out),
        });
    }
    let mut entries = std::fs::read_dir(out).map_err(|error| SiteError::Io {
        path: out.to_path_buf(),
        error,
    })?;
    if entries.next().is_some() {
        return Err(SiteError::NotOurs(out.to_path_buf()));
    }
    Ok(Previous::Site {
        owned: Some(BTreeSet::new()),
    })
}

/// The entries of `out` that verklaar did not write, as relative paths (with the platform's
/// separator), each the largest such subtree: a folder verklaar never wrote into is carried
/// whole. Fails, naming them, when one is where the new site writes a file or needs a folder.
fn user_entries(
    out: &Path,
    owned: Option<&BTreeSet<String>>,
    new: &BTreeSet<String>,
) -> Result<Vec<String>, SiteError> {
    // Folders that hold a file verklaar wrote, before or now.
    let mut folders: BTreeSet<String> = BTreeSet::new();
    for path in owned.into_iter().flatten().chain(new.iter()) {
        let mut prefix = String::new();
        for part in path.split('/').rev().skip(1).collect::<Vec<_>>().into_iter().rev() {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
            folders.insert(prefix.clone());
        }
    }
    let mut kept = Vec::new();
    let mut in_the_way = Vec::new();
    let mut walker = walkdir::WalkDir::new(out).min_depth(1).sort_by_file_name().into_iter();
    while let Some(entry) = walker.next() {
        let entry = entry.map_err(|e| SiteError::Io {
            path: e.path().map_or_else(|| out.to_path_buf(), Path::to_path_buf),
            error: e.into_io_error().unwrap_or_else(|| std::io::Error::other("loop")),
        })?;
        let relative = entry.path().strip_prefix(out).unwrap_or(entry.path());
        let Some(key) = relative
            .components()
            .map(|c| c.as_os_str().to_str())
            .collect::<Option<Vec<_>>>()
            .map(|parts| parts.join("/"))
        else {
            // Not UTF-8: verklaar never writes such a name, so it is the user's.
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            kept.push(relative.to_string_lossy().into_owned());
            continue;
        };
        if key == MARKER_FILE || key == MANIFEST_FILE {
            continue;
        }
        let is_dir = entry.file_type().is_dir();
        if is_dir && folders.contains(&key) {
            continue; // verklaar's folder: look inside
        }
        if is_dir {
            walker.skip_current_dir();
        }
        let ours = owned.is_some_and(|owned| owned.contains(&key));
        if !is_dir && ours {
            continue;
        }
        let clashes = new.contains(&key)
            || new
                .range(format!("{key}/")..)
                .next()
                .is_some_and(|p| p.starts_with(&format!("{key}/")));
        if clashes {
            // A site without a manifest: a file at a path this build writes is taken to be
            // verklaar's own (it was the only writer of such folders).
            if owned.is_none() && !is_dir && new.contains(&key) {
                continue;
            }
            in_the_way.push(key);
            continue;
        }
        kept.push(relative.to_string_lossy().into_owned());
    }
    if !in_the_way.is_empty() {
        return Err(SiteError::InTheWay {
            out: out.to_path_buf(),
            paths: in_the_way,
        });
    }
    Ok(kept)
}

/// Carries one file, link or folder of the user's into the new site: hard links where the
/// file system allows (fast, no extra space), copies otherwise; links stay links.
fn carry_entry(from: &Path, to: &Path) -> Result<(), SiteError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| SiteError::Io { path, error }
    };
    if let Some(folder) = to.parent() {
        std::fs::create_dir_all(folder).map_err(io(folder))?;
    }
    let meta = std::fs::symlink_metadata(from).map_err(io(from))?;
    if meta.file_type().is_symlink() {
        let target = std::fs::read_link(from).map_err(io(from))?;
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, to).map_err(io(to))?;
        #[cfg(not(unix))]
        {
            let _ = target;
            std::fs::copy(from, to).map_err(io(to))?;
        }
        return Ok(());
    }
    if meta.is_dir() {
        std::fs::create_dir_all(to).map_err(io(to))?;
        let _ = std::fs::set_permissions(to, meta.permissions());
        for entry in std::fs::read_dir(from).map_err(io(from))? {
            let entry = entry.map_err(io(from))?;
            carry_entry(&entry.path(), &to.join(entry.file_name()))?;
        }
        return Ok(());
    }
    if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to).map_err(io(to))?;
    }
    Ok(())
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

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), SiteError> {
    std::fs::write(path, bytes).map_err(|error| SiteError::Io {
        path: path.to_path_buf(),
        error,
    })
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
            [
                "",
                ".site.verklaar-lock",
                "site",
                "site/.verklaar-manifest.json",
                "site/.verklaar-site",
                "site/b",
                "site/b/index.html"
            ]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_edited_manifest_cannot_delete_hidden_files() {
        let dir = scratch();
        let out = dir.join("site");
        write_atomically(&site(&[("a/index.html", "1")]), &out).expect("first");
        std::fs::create_dir_all(out.join(".git")).expect("folder");
        std::fs::write(out.join(".git/config"), "c").expect("user file");
        std::fs::write(
            out.join(MANIFEST_FILE),
            r#"{"about":"","files":[".git/config","a/index.html","../x"]}"#,
        )
        .expect("edited manifest");
        let report = write_atomically(&site(&[("b/index.html", "2")]), &out).expect("second");
        assert_eq!(report.kept, [".git"]);
        assert_eq!(
            std::fs::read_to_string(out.join(".git/config")).ok().as_deref(),
            Some("c")
        );
        assert!(!out.join("a").exists(), "a listed file of verklaar's goes");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_site_without_manifest_keeps_what_the_build_does_not_write() {
        let dir = scratch();
        let out = dir.join("site");
        write_atomically(&site(&[("a/index.html", "1"), ("index.html", "i")]), &out).expect("first");
        std::fs::remove_file(out.join(MANIFEST_FILE)).expect("as an older verklaar left it");
        std::fs::write(out.join("CNAME"), "c").expect("user file");
        let report = write_atomically(&site(&[("index.html", "j")]), &out).expect("second");
        assert!(report.legacy);
        assert_eq!(report.kept, ["CNAME", "a"]);
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).ok().as_deref(),
            Some("j")
        );
        assert!(out.join("a/index.html").is_file() && out.join(MANIFEST_FILE).is_file());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_held_lock_refuses_a_second_writer() {
        let dir = scratch();
        let out = dir.join("site");
        let held = OutLock::acquire(&out).expect("first lock");
        assert!(matches!(
            write_atomically(&site(&[("index.html", "x")]), &out),
            Err(SiteError::Busy(_))
        ));
        assert!(!out.exists());
        drop(held);
        assert!(write_atomically(&site(&[("index.html", "x")]), &out).is_ok());
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
