//! What a rule sees (the model, the source map, the language) and what it returns.

use std::any::Any;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::legal::terms::{self, Term};
use crate::lint::rules::is_free_text;

use crate::document::catalogue::Catalogue;
use crate::i18n::Lang;
use crate::model::Organisation;
use crate::model::time::{Date, Duration};
use crate::model::vocab::AddressForm;
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
    /// Texts already folded by [`normalise`] for [`Ctx::occurrence_span`]: a long text with
    /// many findings was folded again for each one.
    normalised: RefCell<HashMap<Box<str>, Rc<Normalised>>>,
}

/// A text folded by [`normalise`], with the source range of each byte.
type Normalised = (String, Vec<(usize, usize)>);

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
            normalised: RefCell::new(HashMap::new()),
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

    /// [`normalise`] of `text`, once per distinct text and run.
    fn normalised(&self, text: &str) -> Rc<Normalised> {
        if let Some(hit) = self.normalised.borrow().get(text) {
            return Rc::clone(hit);
        }
        let value = Rc::new(normalise(text));
        self.normalised.borrow_mut().insert(text.into(), Rc::clone(&value));
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

    /// The source span of `text[range]`, a match inside the string value `text` at `at`:
    /// the same occurrence in the source (the second "alsmede" of a value points at the
    /// second in the YAML), also when a folded or multi-line scalar breaks the match over
    /// lines or the value differs from the source in whitespace. Falls back to the first
    /// occurrence, then to the whole value.
    pub fn occurrence_span(&self, at: &Pointer, text: &str, range: Range<usize>) -> Range<usize> {
        let whole = self.map.span_for(at);
        let (Some(needle), Some(_)) = (text.get(range.clone()), text.get(..range.start)) else {
            return whole;
        };
        let wanted = normalise(needle).0;
        if wanted.trim().is_empty() {
            return self.span_in_value(at, needle);
        }
        let folded = self.normalised(text);
        let (value, value_origin) = (&folded.0, &folded.1);
        // Where `range` starts in the normalised value: the first normalised byte that comes
        // from at or after it (normalising `before` again gave the same, at twice the cost).
        let starts_before = value_origin.partition_point(|(start, _)| *start < range.start);
        let nth = value
            .match_indices(&wanted)
            .take_while(|(i, _)| *i < starts_before)
            .count();
        let source = self.file.text.get(whole.clone()).unwrap_or("");
        let folded_source = self.normalised(source);
        let (normal, origin) = (&folded_source.0, &folded_source.1);
        let found = normal
            .match_indices(&wanted)
            .nth(nth)
            .or_else(|| normal.match_indices(&wanted).next());
        if let Some((pos, _)) = found
            && let (Some(first), Some(last)) = (origin.get(pos), origin.get(pos + wanted.len() - 1))
        {
            return whole.start + first.0..whole.start + last.1;
        }
        self.span_in_value(at, needle)
    }

    /// A duration in words for a message ("1 jaar en 6 maanden", "3 months"), never `P1Y6M`.
    pub fn duration(&self, d: &Duration) -> String {
        duration_words(self.lang, d)
    }

    /// A date in words for a message ("1 maart 2025", "1 March 2025"), never `2025-03-01`.
    pub fn date(&self, d: Date) -> String {
        date_words(self.lang, d)
    }

    /// The source span of the word at `range` of `text` (the string value at `at`): the
    /// same occurrence of the whole word in the source, so that "je" is not found inside
    /// "jeugd". Falls back to [`Ctx::occurrence_span`] when the source cannot be matched.
    pub fn word_span(&self, at: &Pointer, text: &str, range: Range<usize>) -> Range<usize> {
        let Some(word) = text.get(range.clone()) else {
            return self.map.span_for(at);
        };
        let whole = self.map.span_for(at);
        let source = self.file.text.get(whole.clone()).unwrap_or("");
        let nth = whole_words(text, word).take_while(|r| r.start < range.start).count();
        match whole_words(source, word).nth(nth) {
            Some(r) => whole.start + r.start..whole.start + r.end,
            None => self.occurrence_span(at, text, range),
        }
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

/// `text` lower-cased with every run of whitespace collapsed to one space, and per byte of
/// the result the byte range in `text` it came from: so a quote that a folded scalar breaks
/// over lines still matches, and a match maps back to the source.
pub(crate) fn normalise(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut normal = String::new();
    let mut origin: Vec<(usize, usize)> = Vec::new();
    let mut last_space = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            if !last_space {
                normal.push(' ');
                origin.push((i, end));
            } else if let Some(last) = origin.last_mut() {
                last.1 = end;
            }
            last_space = true;
            continue;
        }
        last_space = false;
        for l in c.to_lowercase() {
            let before = normal.len();
            normal.push(l);
            origin.extend(std::iter::repeat_n((i, end), normal.len() - before));
        }
    }
    (normal, origin)
}

/// Byte ranges of `word` in `text` as a whole word (no letter or digit either side),
/// ignoring case.
fn whole_words<'t>(text: &'t str, word: &str) -> impl Iterator<Item = Range<usize>> + 't {
    let lower = text.to_lowercase();
    let wanted = word.to_lowercase();
    // Lower-casing can change byte lengths (rarely, e.g. 'İ'); then match case-sensitively.
    let (hay, wanted) = if lower.len() == text.len() {
        (lower, wanted)
    } else {
        (text.to_string(), word.to_string())
    };
    let is_word = |c: char| c.is_alphanumeric();
    let mut out = Vec::new();
    if !wanted.is_empty() {
        for (i, _) in hay.match_indices(&wanted) {
            let end = i + wanted.len();
            let before = text[..i].chars().next_back().is_some_and(is_word);
            let after = text[end..].chars().next().is_some_and(is_word);
            if !before && !after {
                out.push(i..end);
            }
        }
    }
    out.into_iter()
}

/// A duration in words: Dutch from the statement's catalogue, English here.
pub fn duration_words(lang: Lang, d: &Duration) -> String {
    match lang {
        Lang::Nl => Catalogue::new(AddressForm::U).duration(d),
        Lang::En => {
            let parts: Vec<String> = [
                (d.years, "year", "years"),
                (d.months, "month", "months"),
                (d.weeks, "week", "weeks"),
                (d.days, "day", "days"),
                (d.hours, "hour", "hours"),
                (d.minutes, "minute", "minutes"),
                (d.seconds, "second", "seconds"),
            ]
            .into_iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
            .collect();
            if parts.is_empty() {
                "0 days".to_string()
            } else {
                Lang::En.and_list(&parts)
            }
        }
    }
}

/// A date in words: Dutch from the statement's catalogue ("1 maart 2025"), English here.
pub fn date_words(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Nl => Catalogue::new(AddressForm::U).date(d),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let month = MONTHS.get(usize::from(d.month).wrapping_sub(1)).unwrap_or(&"");
            format!("{} {month} {}", d.day, d.year)
        }
    }
}

/// Another place of the same defect (the same sentence copied onto another purpose, the
/// same word again in the text): shown with the finding, not as a finding of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub at: Pointer,
    /// A narrower span than the value at `at`.
    pub span: Option<Range<usize>>,
    /// A short label in the language of the run ("zelfde zin", "same sentence").
    pub label: String,
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
    /// Other places of the same defect, named by the rule itself.
    pub related: Vec<Related>,
    /// Findings of one rule with the same key become one finding (see `engine::group`).
    /// `None`: the key is the message, the help and the source text at the span, so that
    /// only the same words about the same text merge.
    pub group: Option<String>,
    /// The label this place gets when the finding merges into another one as a related place.
    pub label: Option<String>,
}

impl Found {
    pub fn new(at: Pointer, message: String, help: Option<String>) -> Found {
        Found {
            at,
            span: None,
            severity: None,
            message,
            help,
            related: Vec::new(),
            group: None,
            label: None,
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

    /// Adds another place of the same defect.
    pub fn also(mut self, at: Pointer, span: Option<Range<usize>>, label: impl Into<String>) -> Found {
        self.related.push(Related {
            at,
            span,
            label: label.into(),
        });
        self
    }

    /// Merges this finding with every other finding of the same rule and key: one cause
    /// named in messages that differ per place (e.g. the purpose's name).
    pub fn group(mut self, key: impl Into<String>) -> Found {
        self.group = Some(key.into());
        self
    }

    /// The label this place gets when it becomes a related place of a grouped finding.
    pub fn label(mut self, label: impl Into<String>) -> Found {
        self.label = Some(label.into());
        self
    }
}
