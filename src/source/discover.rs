//! Finding organisation files: explicit files as given, folders walked for `*.yaml`/`*.yml`.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Expands paths into organisation files, sorted within each folder for stable output.
/// Hidden files and folders (`.git`, `.cache`) are skipped; explicit files are kept as given.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| (path.clone(), e))?;
        if !meta.is_dir() {
            out.push(path.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = WalkDir::new(path)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()))
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && is_yaml(e.path()))
            .map(|e| e.into_path())
            .collect();
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}
