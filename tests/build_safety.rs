//! A build that one file cannot take down and that never loses what is in the output
//! folder: per-file isolation, deep markup, user files, killed builds, concurrent builds.
//! Each test runs the real binary in a temporary folder and checks what is on disk after.
//! The property tests at the end prove that no text makes the document or its renderers fail.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use verklaar::document::build_statement;
use verklaar::model::load::{Loaded, load_file};
use verklaar::model::statement::CustomSection;
use verklaar::model::vocab::SectionKey;
use verklaar::render::html::HtmlRenderer;
use verklaar::render::pdf::PdfRenderer;
use verklaar::render::{LintStatus, RenderContext, Renderer};

const BIN: &str = env!("CARGO_BIN_EXE_verklaar");

fn repo_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("organisations").join(name)
}

fn verklaar(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1735689600");
    cmd
}

fn build(dir: &Path, args: &[&str]) -> Output {
    verklaar(dir)
        .arg("build")
        .args(args)
        .output()
        .expect("the verklaar binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder `orgs/` holding copies of the repository's organisation files.
fn workdir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("orgs")).expect("orgs folder");
    for (name, from) in files {
        std::fs::copy(repo_file(from), dir.path().join("orgs").join(name)).expect("copy organisation");
    }
    dir
}

/// Every file and folder under `dir`, relative, with the bytes of each file.
fn snapshot(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path()).display().to_string();
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).unwrap_or_default());
            (rel, bytes)
        })
        .collect()
}

/// Names in `dir` (not recursive) that start with `prefix`.
fn names_starting(dir: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| n.starts_with(prefix))
                .collect()
        })
        .unwrap_or_default()
}

/// The 130-`*` custom section of the issue, added to a file that has none.
fn deep_file(dir: &Path, name: &str) {
    let mut text = std::fs::read_to_string(repo_file("praktijk-lignum.yaml")).expect("read lignum");
    assert!(
        !text.contains("custom_sections"),
        "the base file has no custom sections"
    );
    let deep = format!("{}x{}", "*".repeat(130), "*".repeat(130));
    text.push_str(&format!(
        "\ncustom_sections:\n  - title: Diep\n    after: identity\n    body: '{deep}'\n"
    ));
    std::fs::write(dir.join("orgs").join(name), text).expect("write deep file");
}

#[test]
fn one_bad_file_among_good_ones_builds_the_rest() {
    let dir = workdir(&[("lijv.yaml", "lijv.yaml"), ("livio.yaml", "livio.yaml")]);
    std::fs::write(dir.path().join("orgs/kapot.yaml"), "organisation: [niet gesloten\n").expect("bad file");
    let out = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let site = dir.path().join("site");
    for page in [
        "lijv/index.html",
        "lijv/fragment.html",
        "livio/index.html",
        "index.html",
        "style.css",
    ] {
        assert!(site.join(page).is_file(), "{page} is written:\n{err}");
    }
    assert!(!site.join("kapot").exists(), "the bad file gets no page");
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    let row = index
        .split("<tr")
        .find(|row| row.contains("vk-index__row--failed"))
        .expect("a failed row in the index");
    assert!(row.contains(">kapot</th>"), "named by its file: {row}");
    assert!(
        row.contains("Mislukt: niet gebouwd"),
        "status in words, not colour only: {row}"
    );
    assert!(row.contains("Het bestand kon niet worden ingelezen."), "{row}");
    assert!(!row.contains("href"), "no link to a page that does not exist: {row}");
    assert!(index.contains("1 mislukt"), "the count says it too");
    assert!(
        err.contains("L001") && err.contains("orgs/kapot.yaml"),
        "the load error is shown: {err}"
    );
    assert!(err.contains("mislukt: orgs/kapot.yaml"), "{err}");
    assert!(
        err.contains("2 privacyverklaring(en) geschreven") && err.contains("1 mislukt"),
        "{err}"
    );
    assert!(names_starting(dir.path(), ".site.verklaar-new").is_empty());
}

#[test]
fn two_files_for_one_folder_both_fail_and_the_rest_is_built() {
    let dir = workdir(&[
        ("lijv.yaml", "lijv.yaml"),
        ("lijv.yml", "livio.yaml"),
        ("livio.yaml", "livio.yaml"),
    ]);
    let out = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let site = dir.path().join("site");
    assert!(!site.join("lijv").exists(), "neither file overwrites the other");
    assert!(site.join("livio/index.html").is_file());
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert_eq!(index.matches("vk-index__row--failed").count(), 2, "{index}");
    assert!(index.contains("Een ander bestand krijgt dezelfde map in de site."));
    assert!(err.contains("krijgen allebei de map 'lijv'"), "{err}");
}

#[test]
fn deep_emphasis_builds_in_every_format() {
    let dir = workdir(&[("lijv.yaml", "lijv.yaml")]);
    deep_file(dir.path(), "diep.yaml");
    let started = Instant::now();
    let out = build(dir.path(), &["orgs", "--out", "site"]);
    let err = stderr(&out);
    eprintln!("deep build with PDF: {:?}", started.elapsed());
    // The base file has error findings (a draft), which exits 0 like any written draft.
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("recursion"), "{err}");
    let site = dir.path().join("site");
    let page = std::fs::read_to_string(site.join("diep/index.html")).expect("the deep page is written");
    assert!(
        page.contains("<em>") || page.contains("<strong>"),
        "shallow emphasis is kept"
    );
    assert!(page.matches("<em>").count() + page.matches("<strong>").count() <= 16);
    let pdf = std::fs::read(site.join("diep/privacyverklaring.pdf")).expect("the deep PDF is written");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(site.join("lijv/privacyverklaring.pdf").is_file());
}

#[test]
fn user_files_survive_a_rebuild() {
    let dir = workdir(&[("lijv.yaml", "lijv.yaml"), ("livio.yaml", "livio.yaml")]);
    let site = dir.path().join("site");
    let first = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let manifest = std::fs::read_to_string(site.join(".verklaar-manifest.json")).expect("manifest");
    assert!(manifest.contains("\"livio/index.html\""), "{manifest}");
    let user: [(&str, &str); 5] = [
        ("CNAME", "privacy.example.nl\n"),
        (".git/config", "[core]\n\tbare = false\n"),
        (".git/refs/heads/main", "0123\n"),
        ("extra.html", "<p>eigen pagina</p>\n"),
        ("lijv/notities.txt", "van de gebruiker\n"),
    ];
    for (path, text) in user {
        let path = site.join(path);
        std::fs::create_dir_all(path.parent().expect("has a folder")).expect("folder");
        std::fs::write(path, text).expect("user file");
    }
    std::fs::create_dir_all(site.join(".git/objects/pack")).expect("empty user folder");
    // The second build no longer has livio: its pages go, the user's files stay.
    std::fs::remove_file(dir.path().join("orgs/livio.yaml")).expect("remove livio");
    let second = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    let err = stderr(&second);
    assert_eq!(second.status.code(), Some(0), "{err}");
    for (path, text) in user {
        assert_eq!(
            std::fs::read_to_string(site.join(path)).ok().as_deref(),
            Some(text),
            "{path} survives"
        );
    }
    assert!(site.join(".git/objects/pack").is_dir(), "empty user folders survive");
    assert!(!site.join("livio").exists(), "verklaar's own old pages are removed");
    assert!(site.join("lijv/index.html").is_file());
    assert!(
        err.contains("bewaard (niet door verklaar geschreven): .git, CNAME, extra.html, lijv/notities.txt"),
        "{err}"
    );
    let manifest = std::fs::read_to_string(site.join(".verklaar-manifest.json")).expect("manifest");
    assert!(!manifest.contains("CNAME") && !manifest.contains("notities") && !manifest.contains("livio"));

    // A user file where the build wants to write its own: refused, named, nothing changed.
    std::fs::create_dir_all(site.join("livio")).expect("folder");
    std::fs::write(site.join("livio/index.html"), "van de gebruiker").expect("user page");
    std::fs::copy(repo_file("livio.yaml"), dir.path().join("orgs/livio.yaml")).expect("livio back");
    let before = snapshot(dir.path());
    let third = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    let err = stderr(&third);
    assert_eq!(third.status.code(), Some(2), "{err}");
    assert!(
        err.contains("livio/index.html") && err.contains("overschrijft geen bestanden"),
        "{err}"
    );
    assert!(
        err.contains("er is niets geschreven; de vorige site staat er nog"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), before, "nothing on disk changed");
}

#[test]
fn a_killed_build_leaves_the_old_site_and_the_next_build_cleans_up() {
    let dir = workdir(&[("lijv.yaml", "lijv.yaml")]);
    let site = dir.path().join("site");
    let first = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    // A large .git in the site: carrying it into the staging folder keeps the write busy long
    // enough to kill the build in the middle of it.
    for i in 0..20_000 {
        let path = site.join(format!(".git/objects/{:02x}/{i:038x}", i % 256));
        if i < 256 {
            std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
        }
        std::fs::write(path, i.to_string()).expect("object");
    }
    let mut before = snapshot(dir.path());
    let mut killed = false;
    for _attempt in 0..5 {
        let mut child = verklaar(dir.path())
            .args(["build", "orgs", "--out", "site", "--only", "html"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn build");
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if !names_starting(dir.path(), ".site.verklaar-new-").is_empty() {
                child.kill().expect("SIGKILL");
                killed = true;
                break;
            }
            if child.try_wait().expect("wait").is_some() {
                break;
            }
        }
        let _ = child.wait();
        if killed {
            break;
        }
        // The build finished before it was caught; what it wrote is the site to keep.
        before = snapshot(dir.path());
    }
    assert!(killed, "the build was killed while its staging folder existed");
    let staging = names_starting(dir.path(), ".site.verklaar-new-");
    assert_eq!(
        staging.len(),
        1,
        "the killed build left its staging folder: {staging:?}"
    );
    let mut after = snapshot(dir.path());
    after.retain(|k, _| !k.starts_with(".site.verklaar-new-"));
    assert_eq!(after, before, "the old site is intact");

    let next = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    let err = stderr(&next);
    assert_eq!(next.status.code(), Some(0), "{err}");
    assert!(
        names_starting(dir.path(), ".site.verklaar-new-").is_empty(),
        "no staging folder left"
    );
    assert!(names_starting(dir.path(), ".site.verklaar-old-").is_empty());
    assert!(err.contains("opgeruimd"), "the cleanup is reported: {err}");
    assert!(site.join("lijv/index.html").is_file());
    assert_eq!(
        std::fs::read_to_string(site.join(format!(".git/objects/00/{:038x}", 0)))
            .ok()
            .as_deref(),
        Some("0"),
        "the user's files survive the killed build and the next one"
    );
}

#[test]
fn a_build_killed_during_its_swap_gets_its_site_back() {
    // Between its two renames a build has moved the old site aside and not yet put the new
    // one in place; a SIGKILL right there leaves no `out`. The next build restores it.
    let dir = workdir(&[("lijv.yaml", "lijv.yaml")]);
    let site = dir.path().join("site");
    let first = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    std::fs::write(site.join("CNAME"), "x\n").expect("user file");
    std::fs::rename(&site, dir.path().join(".site.verklaar-old-999999999-0")).expect("move aside");
    std::fs::create_dir(dir.path().join(".site.verklaar-new-999999999-0")).expect("dead staging");
    let next = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    let err = stderr(&next);
    assert_eq!(next.status.code(), Some(0), "{err}");
    assert!(err.contains("teruggezet"), "{err}");
    assert_eq!(std::fs::read_to_string(site.join("CNAME")).ok().as_deref(), Some("x\n"));
    assert!(
        names_starting(dir.path(), ".site.verklaar-")
            .iter()
            .all(|n| n.ends_with("-lock") || n.ends_with("-cache"))
    );
}

#[test]
fn two_builds_into_one_folder_one_is_refused_in_dutch() {
    let files: Vec<(String, &str)> = (0..12)
        .map(|i| {
            (
                format!("org{i:02}.yaml"),
                ["lijv.yaml", "livio.yaml", "levgroep.yaml"][i % 3],
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, f)| (n.as_str(), *f)).collect();
    let dir = workdir(&refs);
    let lock = dir.path().join(".site.verklaar-lock");
    // With PDFs, so the first build still holds the lock when the second starts (HTML alone
    // for twelve organisations can be done before the second process is up).
    let first = verklaar(dir.path())
        .args(["build", "orgs", "--out", "site", "--no-cache"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn first build");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !lock.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    // The lock file is created and locked in two calls right after each other.
    std::thread::sleep(Duration::from_millis(100));
    let started = Instant::now();
    let second = build(dir.path(), &["orgs", "--out", "site", "--only", "html"]);
    let refused_in = started.elapsed();
    let first = first.wait_with_output().expect("first build ends");
    let err = stderr(&second);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(second.status.code(), Some(2), "the second build is refused: {err}");
    assert!(
        err.contains("er is al een andere `verklaar build` bezig met 'site'"),
        "a Dutch message: {err}"
    );
    assert!(!err.contains("vorige site staat er nog"), "{err}");
    assert!(
        !err.contains("os error") && !err.contains("Resource"),
        "no English OS error: {err}"
    );
    assert!(
        refused_in < Duration::from_secs(5),
        "refused at once, not after rendering: {refused_in:?}"
    );
    let site = dir.path().join("site");
    for (name, _) in &files {
        let slug = name.trim_end_matches(".yaml");
        assert!(site.join(slug).join("index.html").is_file(), "{slug} is written");
    }
    let manifest = std::fs::read_to_string(site.join(".verklaar-manifest.json")).expect("manifest");
    assert_eq!(manifest.matches("/index.html").count(), 12, "{manifest}");
    assert_eq!(manifest.matches("/privacyverklaring.pdf").count(), 12, "{manifest}");
    assert!(names_starting(dir.path(), ".site.verklaar-new").is_empty());
}

// ---- Property tests: no text makes the document stage or a renderer fail ----------------

fn base() -> &'static Loaded {
    static BASE: std::sync::OnceLock<Loaded> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let path = repo_file("praktijk-lignum.yaml");
        load_file(&path).unwrap_or_else(|f| panic!("{} loads: {:?}", path.display(), f.diagnostics))
    })
}

fn html() -> &'static HtmlRenderer {
    static HTML: std::sync::OnceLock<HtmlRenderer> = std::sync::OnceLock::new();
    HTML.get_or_init(|| HtmlRenderer::load(None).unwrap_or_else(|e| panic!("default theme: {e:?}")))
}

/// Markdown-ish text: the characters that open and close markup, in runs and nested.
fn markup() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("*".to_string()),
        Just("**".to_string()),
        Just("_".to_string()),
        Just("__".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("](https://a.nl)".to_string()),
        Just("](mailto:a@b.nl)".to_string()),
        Just("`".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("  ".to_string()),
        Just("\\".to_string()),
        Just("x".to_string()),
        "[a-zé ]{1,8}",
        (
            1usize..300,
            prop_oneof![Just('*'), Just('_'), Just('['), Just('`'), Just('>')]
        )
            .prop_map(|(n, c)| c.to_string().repeat(n)),
        (1usize..80).prop_map(|n| format!("{}x{}", "*".repeat(n), "*".repeat(n))),
        (1usize..60).prop_map(|n| format!("{}x{}", "[".repeat(n), "](https://a.nl)".repeat(n))),
    ];
    prop::collection::vec(atom, 0..40).prop_map(|parts| parts.concat())
}

fn statement_with(body: &str, title: &str) -> verklaar::document::Statement {
    let mut org = base().org.clone();
    org.custom_sections = vec![CustomSection {
        title: title.to_string(),
        after: SectionKey::Identity,
        body: body.to_string(),
    }];
    org.organisation.description = Some(body.to_string());
    build_statement(&org, "prop".to_string(), 0)
}

/// What typst does with `data.json`: serde_json with its default recursion limit of 128.
fn json_round_trip(statement: &verklaar::document::Statement) {
    let bytes = serde_json::to_vec(statement).expect("the statement serialises");
    let _: serde_json::Value = serde_json::from_slice(&bytes).expect("and reads back within the recursion limit");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_renders_as_html_and_json(body in markup(), title in markup()) {
        let statement = statement_with(&body, &title);
        json_round_trip(&statement);
        let ctx = RenderContext::new(&statement, LintStatus::default());
        let outputs = html().render(&ctx);
        prop_assert!(outputs.is_ok(), "HTML render failed: {:?}", outputs.err());
    }
}

proptest! {
    // typst takes a second or more per document in a debug build.
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn any_text_renders_as_pdf(body in markup()) {
        static PDF: std::sync::OnceLock<PdfRenderer> = std::sync::OnceLock::new();
        let pdf = PDF.get_or_init(|| PdfRenderer::load(None).unwrap_or_else(|e| panic!("default theme: {e:?}")));
        let statement = statement_with(&body, "Titel");
        let rendered = pdf.pdf(&RenderContext::new(&statement, LintStatus::default()));
        prop_assert!(rendered.is_ok(), "PDF render failed: {:?}", rendered.err());
    }
}

#[test]
fn the_issue_case_renders_in_every_format() {
    let deep = format!("{}x{}", "*".repeat(130), "*".repeat(130));
    let statement = statement_with(&deep, "Diep");
    json_round_trip(&statement);
    let ctx = RenderContext::new(&statement, LintStatus::default());
    assert!(html().render(&ctx).is_ok());
    let pdf = PdfRenderer::load(None).unwrap_or_else(|e| panic!("default theme: {e:?}"));
    assert!(pdf.pdf(&ctx).is_ok());
}

/// A file far beyond any statement (5 MB in one section: 217 s and 3.8 GB before the limit)
/// is refused in a second and fails alone; the other organisations are built.
#[test]
fn an_oversized_file_fails_alone_and_fast() {
    let dir = workdir(&[("lijv.yaml", "lijv.yaml")]);
    let example = std::fs::read_to_string(repo_file("voorbeeld-praktijk.yaml")).expect("example");
    let section = format!(
        "\ncustom_sections:\n  - title: Bijlage\n    after: changes\n    body: {}\n",
        "woord ".repeat(900_000)
    );
    assert!(example.contains("\ncustom_sections:\n"));
    let huge = example.replacen("\ncustom_sections:\n", &section, 1);
    std::fs::write(dir.path().join("orgs/groot.yaml"), huge).expect("write");
    let out = build(dir.path(), &["orgs", "--out", "site"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("L029") && err.contains("L030"), "{err}");
    let site = dir.path().join("site");
    assert!(site.join("lijv/index.html").is_file(), "{err}");
    assert!(site.join("lijv/privacyverklaring.pdf").is_file(), "{err}");
    assert!(!site.join("groot").exists(), "the oversized file gets no page");
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(index.contains("vk-index__row--failed"), "{index}");
}

/// A user theme's typst runs in a child process with a budget: a loop that would run for
/// minutes, or build gigabytes, is stopped with a message that says which budget and what to
/// do, nothing is written, and no worker is left running.
#[test]
fn a_user_theme_over_its_time_or_memory_budget_is_stopped() {
    let cases = [
        (
            "tijd",
            "2",
            "#let x = 0\n#for i in range(100000) { for j in range(100000) { x = x + 1 } }\n",
            "het sjabloon liep langer dan 2 seconden en is gestopt",
        ),
        (
            "geheugen",
            // Time enough that only the memory budget can stop it, on a busy machine too.
            "60",
            "#let a = ()\n#for i in range(200000000) { a.push(\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" + str(i)) }\n",
            "het sjabloon gebruikte meer dan 500 MB geheugen en is gestopt",
        ),
    ];
    for (name, seconds, body, expected) in cases {
        let dir = workdir(&[("lijv.yaml", "lijv.yaml")]);
        let theme = dir.path().join(format!("thema-{name}"));
        std::fs::create_dir_all(&theme).expect("theme folder");
        std::fs::write(
            theme.join("statement.typ"),
            format!("#let d = json(\"data.json\")\n{body}= #d.title\n"),
        )
        .expect("template");
        let started = Instant::now();
        let out = verklaar(dir.path())
            .env("VERKLAAR_THEME_SECONDS", seconds)
            .env("VERKLAAR_THEME_MEMORY_MB", "500")
            .args(["build", "orgs", "--out", "site", "--theme"])
            .arg(&theme)
            .output()
            .expect("runs");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(expected), "{name}: {err}");
        assert!(
            err.contains("thema-") && err.contains("bij 'lijv'"),
            "names theme and organisation: {err}"
        );
        assert!(!dir.path().join("site").exists(), "{name}: nothing is written");
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{name}: stopped, not run out"
        );
        assert!(names_starting(dir.path(), ".site.verklaar-new").is_empty());
    }
}
