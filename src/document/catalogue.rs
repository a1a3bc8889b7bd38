//! The sentence catalogue (`catalogue/nl.yaml`): the only place where standard Dutch wording
//! of the statement lives. Look-ups take the address form, so one call gives the `u` or the
//! `je` sentence.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::time::{Date, Duration};
use crate::model::vocab::{AddressForm, SectionKey};

const DATA: &str = include_str!("catalogue/nl.yaml");

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Text {
    Plain(String),
    Form { u: String, je: String },
    Plural { one: String, many: String },
}

#[derive(Debug, Deserialize)]
struct SectionText {
    anchor: String,
    title: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    sections: HashMap<String, SectionText>,
    sentences: HashMap<String, Text>,
}

fn data() -> &'static Data {
    static DATA_CELL: OnceLock<Data> = OnceLock::new();
    // Embedded at build time and parsed by `tests::catalogue_parses`: a failure is a build
    // defect, never input-dependent.
    DATA_CELL.get_or_init(|| serde_saphyr::from_str(DATA).expect("catalogue/nl.yaml parses"))
}

/// Marks a key the catalogue lacks; tests assert it never reaches a statement.
pub const MISSING_MARK: &str = "⟦ontbreekt in catalogus⟧";

/// A catalogue bound to one address form.
#[derive(Debug, Clone, Copy)]
pub struct Catalogue {
    form: AddressForm,
}

impl Catalogue {
    pub fn new(form: AddressForm) -> Catalogue {
        Catalogue { form }
    }

    fn pick<'a>(&self, text: &'a Text) -> &'a str {
        match (text, self.form) {
            (Text::Plain(s), _) => s,
            (Text::Form { u, .. }, AddressForm::U) => u,
            (Text::Form { je, .. }, AddressForm::Je) => je,
            (Text::Plural { one, .. }, _) => one,
        }
    }

    /// The sentence `key` with `{name}` placeholders filled in.
    pub fn get(&self, key: &str, args: &[(&str, &str)]) -> String {
        let Some(text) = data().sentences.get(key) else {
            return format!("{MISSING_MARK} {key}");
        };
        let mut out = self.pick(text).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// A sentence without placeholders.
    pub fn s(&self, key: &str) -> String {
        self.get(key, &[])
    }

    /// A unit word for a count ("1 maand", "6 maanden").
    pub fn unit(&self, key: &str, n: u32) -> String {
        match data().sentences.get(key) {
            Some(Text::Plural { one, many }) => format!("{n} {}", if n == 1 { one } else { many }),
            _ => format!("{n} {MISSING_MARK} {key}"),
        }
    }

    /// A duration in Dutch words ("1 jaar en 6 maanden"): what a person reads, never `P1Y6M`.
    pub fn duration(&self, d: &Duration) -> String {
        let mut parts = Vec::new();
        for (n, key) in [
            (d.years, "unit.year"),
            (d.months, "unit.month"),
            (d.weeks, "unit.week"),
            (d.days, "unit.day"),
            (d.hours, "unit.hour"),
            (d.minutes, "unit.minute"),
            (d.seconds, "unit.second"),
        ] {
            if n > 0 {
                parts.push(self.unit(key, n));
            }
        }
        match parts.as_slice() {
            [] => self.unit("unit.day", 0),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.s("list.and")),
        }
    }

    /// A date in Dutch words ("1 maart 2025").
    pub fn date(&self, d: Date) -> String {
        let months = self.s("months");
        let month = months
            .split(' ')
            .nth(usize::from(d.month).saturating_sub(1))
            .unwrap_or("");
        format!("{} {month} {}", d.day, d.year)
    }

    /// Anchor and title of a standard section.
    pub fn section(&self, key: &str) -> (String, String) {
        match data().sections.get(key) {
            Some(s) => (s.anchor.clone(), self.pick(&s.title).to_string()),
            None => (key.to_string(), format!("{MISSING_MARK} {key}")),
        }
    }

    /// The catalogue key of a standard section.
    pub fn section_key(key: SectionKey) -> &'static str {
        match key {
            SectionKey::Identity => "identity",
            SectionKey::Dpo => "dpo",
            SectionKey::Scope => "scope",
            SectionKey::Data => "data",
            SectionKey::Sources => "sources",
            SectionKey::Purposes => "purposes",
            SectionKey::Provision => "provision",
            SectionKey::Recipients => "recipients",
            SectionKey::Transfers => "transfers",
            SectionKey::Retention => "retention",
            SectionKey::AutomatedDecisions => "automated_decisions",
            SectionKey::Cookies => "cookies",
            SectionKey::Security => "security",
            SectionKey::Rights => "rights",
            SectionKey::Objection => "objection",
            SectionKey::Requests => "requests",
            SectionKey::Complaints => "complaints",
            SectionKey::Changes => "changes",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_parses_and_every_section_has_a_title() {
        let c = Catalogue::new(AddressForm::Je);
        for key in [
            "summary",
            "identity",
            "dpo",
            "scope",
            "data",
            "sources",
            "purposes",
            "provision",
            "recipients",
            "transfers",
            "retention",
            "automated_decisions",
            "cookies",
            "security",
            "rights",
            "objection",
            "requests",
            "complaints",
            "changes",
        ] {
            let (anchor, title) = c.section(key);
            assert!(!title.contains(MISSING_MARK) && !anchor.is_empty(), "{key}");
        }
        assert_eq!(c.section("sources").1, "Waar komen jouw gegevens vandaan?");
        assert_eq!(
            Catalogue::new(AddressForm::U).section("sources").1,
            "Waar komen uw gegevens vandaan?"
        );
        assert_eq!(c.unit("unit.month", 6), "6 maanden");
        assert!(c.get("dpo.not_appointed", &[("reason", "klein.")]).ends_with("klein."));
    }
}
