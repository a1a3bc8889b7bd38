//! What a rule sees (the model, the source map, the language) and what it returns.

use std::any::Any;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::legal::terms::{self, Term};
use crate::lint::rules::is_free_text;

use crate::i18n::Lang;
use crate::model::Organisation;
use crate::source::{Pointer, SourceFile, SourceMap};

pub struct Ctx<'a> {
    pub org: &'a Organisation,
    pub map: &'a SourceMap,
    pub file: &'a SourceFile,
    pub lang: Lang,
    /// Matches of the obsolete-terms table in every free text, computed once per run
    /// because ten rules read them.
    term_hits: OnceCell<Vec<TermHit>>,
    /// Indices into `map.strings()` of the free-text values, computed once per run.
    free_texts: OnceCell<Vec<usize>>,
    /// Other results several rules share (e.g. identifiers found in the text), by name.
    memo: RefCell<HashMap<&'static str, Rc<dyn Any>>>,
}

/// One match of the obsolete-terms table: where (value and byte range in it) and which term.
pub struct TermHit {
    pub at: Pointer,
    pub range: Range<usize>,
    pub term: &'static Term,
}

impl<'a> Ctx<'a> {
    pub fn new(org: &'a Organisation, map: &'a SourceMap, file: &'a SourceFile, lang: Lang) -> Ctx<'a> {
        Ctx {
            org,
            map,
            file,
            lang,
            term_hits: OnceCell::new(),
            free_texts: OnceCell::new(),
            memo: RefCell::new(HashMap::new()),
        }
    }

    /// Computes `f` once per lint run and shares the result between rules.
    pub fn memo<T: 'static>(&self, key: &'static str, f: impl FnOnce() -> T) -> Rc<T> {
        if let Some(hit) = self
            .memo
            .borrow()
            .get(key)
            .and_then(|v| Rc::clone(v).downcast::<T>().ok())
        {
            return hit;
        }
        let value = Rc::new(f());
        self.memo.borrow_mut().insert(key, Rc::clone(&value) as Rc<dyn Any>);
        value
    }

    /// Free-text values (not ids, enum values or dates) with their pointers.
    pub fn texts(&self) -> impl Iterator<Item = (&'a Pointer, &'a str)> + 'a {
        let strings: &'a [(Pointer, String)] = self.map.strings();
        let indices = self
            .free_texts
            .get_or_init(|| (0..strings.len()).filter(|&i| is_free_text(&strings[i].0)).collect())
            .clone();
        indices.into_iter().map(move |i| (&strings[i].0, strings[i].1.as_str()))
    }

    pub fn term_hits(&self) -> &[TermHit] {
        self.term_hits.get_or_init(|| {
            self.texts()
                .flat_map(|(at, text)| {
                    terms::find(text).into_iter().map(move |(range, term)| TermHit {
                        at: at.clone(),
                        range,
                        term,
                    })
                })
                .collect()
        })
    }
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
        if let Some(i) = source.find(needle) {
            return whole.start + i..whole.start + i + needle.len();
        }
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
