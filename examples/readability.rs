//! Readability report of the statements verklaar writes: Flesch-Douma and words per
//! sentence per organisation (see `verklaar::document::readability`).
//!
//!     scripts/readability.sh [FILE…]        (default: organisations/ and the je reference)

use std::path::Path;
use std::process::ExitCode;

use verklaar::document::build;
use verklaar::document::readability::{measure, running_text};
use verklaar::i18n::Lang;
use verklaar::lint::{self, LintOptions};
use verklaar::model::load::load_file;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: readability FILE.yaml…");
        return ExitCode::from(2);
    }
    println!("| statement | form | sentences | words | words/sentence | syllables/word | Flesch-Douma |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    let mut longest = Vec::new();
    for file in &files {
        let loaded = match load_file(Path::new(file)) {
            Ok(l) => l,
            Err(_) => {
                eprintln!("{file}: does not load (run `verklaar lint {file}`)");
                return ExitCode::from(2);
            }
        };
        let findings = lint::check(&loaded, &LintOptions::new(Lang::Nl));
        let statement = build(&loaded, &findings);
        let r = measure(&running_text(&statement));
        println!(
            "| {file} | {} | {} | {} | {:.1} | {:.2} | {:.1} |",
            statement.address_form,
            r.sentences,
            r.words,
            r.words_per_sentence(),
            r.syllables_per_word(),
            r.flesch_douma()
        );
        longest.push((file.clone(), r.longest));
    }
    println!();
    for (file, sentences) in longest {
        println!("Longest sentences in {file}:");
        for s in sentences.iter().take(3) {
            println!("- ({} words) {s}", s.split_whitespace().count());
        }
    }
    ExitCode::SUCCESS
}
