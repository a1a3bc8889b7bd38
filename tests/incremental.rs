//! The incremental build: a rebuild takes unchanged organisations from the cache beside the
//! site and redoes only what changed, and its site is byte-identical to a full build.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

mod common;

use common::build_in as build;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The files verklaar wrote under `site` (the user's own would be kept, but there are none
/// here), by relative path.
fn files(site: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(site).unwrap_or(e.path()).display().to_string();
            (rel, std::fs::read(e.path()).unwrap_or_default())
        })
        .collect()
}

fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let orgs = dir.path().join("orgs");
    std::fs::create_dir_all(&orgs).expect("orgs folder");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("organisations");
    for name in ["lijv.yaml", "livio.yaml", "voorbeeld-praktijk.yaml"] {
        std::fs::copy(repo.join(name), orgs.join(name)).expect("copy organisation");
    }
    dir
}

/// The number of organisations the summary says came from the previous build.
fn from_cache(out: &Output) -> usize {
    let err = stderr(out);
    err.split(" ongewijzigd, uit de vorige build")
        .next()
        .filter(|head| head.len() < err.len())
        .and_then(|head| head.rsplit('(').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_rebuild_redoes_only_what_changed_and_matches_a_full_build() {
    let dir = workdir();
    let first = build(dir.path(), &["orgs", "--out", "site"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(from_cache(&first), 0, "{}", stderr(&first));
    let site = dir.path().join("site");
    let written = files(&site);
    assert!(written.contains_key("lijv/privacyverklaring.pdf"));

    let again = build(dir.path(), &["orgs", "--out", "site"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(from_cache(&again), 3, "{}", stderr(&again));
    assert_eq!(files(&site), written, "an unchanged rebuild writes the same bytes");
    // The status lines still come for cached organisations.
    assert!(stderr(&again).contains("concept: orgs/lijv.yaml"), "{}", stderr(&again));

    let example = dir.path().join("orgs/voorbeeld-praktijk.yaml");
    let text = std::fs::read_to_string(&example).expect("example");
    let renamed = text.replace("Voorbeeldpraktijk De Linde", "Voorbeeldpraktijk De Eik");
    assert_ne!(renamed, text, "the example names its organisation");
    std::fs::write(&example, renamed).expect("edit");
    let changed = build(dir.path(), &["orgs", "--out", "site"]);
    assert_eq!(from_cache(&changed), 2, "{}", stderr(&changed));
    let now = files(&site);
    let page = String::from_utf8_lossy(&now["voorbeeld-praktijk/index.html"]).into_owned();
    assert!(
        page.contains("De Eik") && !page.contains("De Linde"),
        "the change is built"
    );
    assert_eq!(now["lijv/index.html"], written["lijv/index.html"]);

    let full = build(dir.path(), &["orgs", "--out", "full", "--no-cache"]);
    assert_eq!(from_cache(&full), 0);
    let mut full_files = files(&dir.path().join("full"));
    let mut incremental = now;
    // The index names the output folder nowhere; every file must match.
    full_files.remove(".verklaar-manifest.json");
    incremental.remove(".verklaar-manifest.json");
    assert_eq!(
        incremental, full_files,
        "incremental and full builds write the same site"
    );
    assert!(
        !dir.path().join(".full.verklaar-cache").exists(),
        "--no-cache leaves no cache behind"
    );
}

#[test]
fn a_site_file_changed_in_place_is_rebuilt_not_reused() {
    let dir = workdir();
    let first = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let page = dir.path().join("site/lijv/index.html");
    let original = std::fs::read(&page).expect("page");
    // Appending writes into the same inode the cache links to.
    {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().append(true).open(&page).expect("open");
        f.write_all(b"<!-- edited by hand -->").expect("append");
    }
    let again = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    assert_eq!(from_cache(&again), 2, "{}", stderr(&again));
    assert_eq!(std::fs::read(&page).expect("page"), original, "the page is made again");
}

#[test]
fn options_and_theme_are_part_of_the_key() {
    let dir = workdir();
    let theme = dir.path().join("theme");
    std::fs::create_dir_all(&theme).expect("theme");
    std::fs::write(theme.join("style.css"), "body { color: #111; }\n").expect("css");
    let args = ["orgs", "--out", "site", "--only", "html", "--theme", "theme"];
    build(dir.path(), &args);
    assert_eq!(from_cache(&build(dir.path(), &args)), 3);
    std::fs::write(theme.join("style.css"), "body { color: #222; }\n").expect("css");
    assert_eq!(from_cache(&build(dir.path(), &args)), 0, "a theme change rebuilds all");
    let strict = build(
        dir.path(),
        &[
            "orgs", "--out", "site", "--only", "html", "--theme", "theme", "--strict",
        ],
    );
    assert_eq!(from_cache(&strict), 0, "--strict is another build");
    let skipped = std::fs::read_to_string(dir.path().join("site/index.html")).expect("index");
    assert!(
        skipped.contains("Overgeslagen") || skipped.contains("overgeslagen"),
        "{skipped}"
    );
}

#[test]
fn a_failed_build_leaves_the_cache_as_it_was() {
    let dir = workdir();
    build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    let cache = dir.path().join(".site.verklaar-cache");
    let before = files(&cache);
    assert_eq!(before.keys().filter(|k| k.ends_with("entry.json")).count(), 3);
    // A page template that fails while rendering (an unknown variable), so the build stops
    // half-way, after some organisations were done.
    let theme = dir.path().join("broken");
    std::fs::create_dir_all(theme.join("templates")).expect("theme");
    std::fs::write(theme.join("templates/page.html"), "{{ no_such_variable.field }}").expect("template");
    let failed = build(
        dir.path(),
        &["orgs", "--out", "site", "--only", "html", "--theme", "broken"],
    );
    assert_eq!(failed.status.code(), Some(2), "{}", stderr(&failed));
    assert_eq!(files(&cache), before, "nothing in the cache changed");
}
