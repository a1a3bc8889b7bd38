//! The examples users copy into their own CI: the pre-commit hook, the GitHub Actions
//! workflow and the commands in the README. Each `verklaar` command in them must be one that
//! this verklaar accepts, so a copied example never fails on a renamed option.

use clap::Parser;
use serde_json::Value;
use verklaar::cli::Args;

fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Splits a shell command line on spaces, keeping quoted words whole (enough for the
/// examples, which use no escapes).
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn assert_accepted(command: &str, origin: &str) {
    let words = words(command);
    if let Err(e) = Args::try_parse_from(&words) {
        panic!("{origin}: `{command}` is not accepted by verklaar:\n{e}");
    }
}

#[test]
fn the_pre_commit_hook_runs_lint() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().expect("a list of hooks");
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(hook["id"], "verklaar-lint");
    assert_eq!(hook["language"], "rust");
    let entry = hook["entry"].as_str().expect("entry");
    // pre-commit appends the changed files' names.
    assert_accepted(
        &format!("{entry} organisations/a.yaml organisations/b.yaml"),
        "pre-commit",
    );
}

#[test]
fn the_github_workflow_uses_real_commands() {
    let workflow = yaml("docs/ci/github-actions.yml");
    let steps = workflow["jobs"]["lint-and-build"]["steps"].as_array().expect("steps");
    let commands: Vec<&str> = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .filter(|run| run.starts_with("verklaar "))
        .collect();
    assert!(commands.len() >= 3, "{commands:?}");
    for command in commands {
        assert_accepted(command, "docs/ci/github-actions.yml");
    }
    // The SARIF the workflow uploads is the file lint writes.
    let upload = steps
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.contains("upload-sarif")))
        .expect("an upload-sarif step");
    assert_eq!(upload["with"]["sarif_file"], "verklaar.sarif");
}

#[test]
fn the_readme_commands_are_accepted() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let mut in_shell = false;
    let mut checked = 0;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_shell = matches!(line.trim(), "```sh" | "```bash" | "```console");
            continue;
        }
        if !in_shell {
            continue;
        }
        let line = line.trim().trim_start_matches("$ ");
        let command = if let Some(rest) = line.strip_prefix("cargo run --release -- ") {
            format!("verklaar {rest}")
        } else if line.starts_with("verklaar ") {
            line.to_string()
        } else {
            continue;
        };
        // Shell redirections and comments are not verklaar's.
        let command = command
            .split(['>', '<', '#', '|'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        assert_accepted(&command, "README.md");
        checked += 1;
    }
    assert!(checked >= 2, "the README shows at least the two main commands");
}
