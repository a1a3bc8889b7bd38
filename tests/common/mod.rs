//! Helpers shared by the integration tests.

/// The YAML quick-start example of the README (the first ```yaml block).
#[allow(dead_code)] // each test crate that includes this module uses only some helpers
pub fn readme_example() -> String {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let start = readme.find("```yaml\n").expect("a yaml example") + "```yaml\n".len();
    let end = start + readme[start..].find("```").expect("end of the example");
    readme[start..end].to_string()
}

/// `verklaar build ARGS` in `dir`, with a fixed build date and no colour.
#[allow(dead_code)] // each test crate that includes this module uses only some helpers
pub fn build_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_verklaar"))
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1735689600")
        .arg("build")
        .args(args)
        .output()
        .expect("the verklaar binary runs")
}
