//! Helpers shared by the integration tests.

/// The YAML quick-start example of the README (the first ```yaml block).
pub fn readme_example() -> String {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let start = readme.find("```yaml\n").expect("a yaml example") + "```yaml\n".len();
    let end = start + readme[start..].find("```").expect("end of the example");
    readme[start..end].to_string()
}
