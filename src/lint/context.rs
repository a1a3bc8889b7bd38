//! What a rule sees (the model, the source map, the language) and what it returns.

use crate::i18n::Lang;
use crate::model::Organisation;
use crate::source::{Pointer, SourceMap};

pub struct Ctx<'a> {
    pub org: &'a Organisation,
    pub map: &'a SourceMap,
    pub lang: Lang,
}

impl Ctx<'_> {
    pub fn t(&self, nl: impl Into<String>, en: impl Into<String>) -> String {
        match self.lang {
            Lang::Nl => nl.into(),
            Lang::En => en.into(),
        }
    }

    /// Pointer to `purposes[i]`.
    pub fn purpose(&self, i: usize) -> Pointer {
        Pointer::root().key("purposes").index(i)
    }

    /// Display name of purpose `i` for messages.
    pub fn purpose_name(&self, i: usize) -> String {
        self.org
            .purposes
            .get(i)
            .map(|p| p.description.clone())
            .unwrap_or_default()
    }
}

/// One problem a rule found: where (a pointer; a missing value points at where it belongs),
/// the message and what to write instead.
#[derive(Debug, Clone)]
pub struct Found {
    pub at: Pointer,
    pub message: String,
    pub help: Option<String>,
}

impl Found {
    pub fn new(at: Pointer, message: String, help: Option<String>) -> Found {
        Found { at, message, help }
    }
}
