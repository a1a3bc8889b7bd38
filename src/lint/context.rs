//! What a rule sees (the model, the source map, the language) and what it returns.

use std::ops::Range;

use crate::i18n::Lang;
use crate::model::Organisation;
use crate::source::{Pointer, SourceFile, SourceMap};

pub struct Ctx<'a> {
    pub org: &'a Organisation,
    pub map: &'a SourceMap,
    pub file: &'a SourceFile,
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

    /// The source span of `needle` inside the string value at `at`: exact when the value is
    /// written on one line as in the YAML, else the whole value (folded or escaped scalars).
    pub fn span_in_value(&self, at: &Pointer, needle: &str) -> Range<usize> {
        let whole = self.map.span_for(at);
        let source = self.file.text.get(whole.clone()).unwrap_or("");
        let lower_source = source.to_lowercase();
        let lower_needle = needle.to_lowercase();
        // Lower-casing can change byte lengths (rarely, e.g. 'İ'); only trust equal lengths.
        if lower_source.len() == source.len()
            && let Some(i) = lower_source.find(&lower_needle)
        {
            return whole.start + i..whole.start + i + lower_needle.len();
        }
        whole
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
    /// A narrower span than the value at `at` (a match inside a text).
    pub span: Option<Range<usize>>,
    /// A lower default severity for this finding (e.g. a norm of medium confidence).
    pub severity: Option<crate::diagnostics::SeverityLevel>,
    pub message: String,
    pub help: Option<String>,
}

impl Found {
    pub fn new(at: Pointer, message: String, help: Option<String>) -> Found {
        Found {
            at,
            span: None,
            severity: None,
            message,
            help,
        }
    }

    pub fn with_severity(mut self, severity: crate::diagnostics::SeverityLevel) -> Found {
        self.severity = Some(severity);
        self
    }

    pub fn with_span(mut self, span: Range<usize>) -> Found {
        self.span = Some(span);
        self
    }
}
