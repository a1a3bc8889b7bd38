//! Message language. Dutch is the default; `--lang en` switches every message to English.

use clap::ValueEnum;
use serde::Serialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Nederlands
    #[default]
    Nl,
    /// English
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<T>(self, nl: T, en: T) -> T {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// Joins items as "a, b of c" / "a, b or c".
    pub fn or_list(self, items: &[String]) -> String {
        join(items, self.pick("of", "or"))
    }

    /// Joins items as "a, b en c" / "a, b and c".
    pub fn and_list(self, items: &[String]) -> String {
        join(items, self.pick("en", "and"))
    }
}

fn join(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => format!("{} {last} {tail}", init.join(", ")),
    }
}
