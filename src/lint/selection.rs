//! `--select` and `--ignore`: which rules a run reports, by code or prefix, as in ruff
//! (`VK5` is every VK5xx rule; the longer, more specific prefix wins, `--ignore` on a tie).

use super::registry;
use crate::i18n::Lang;

/// The rules a run reports. The default reports every rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    select: Vec<String>,
    ignore: Vec<String>,
}

/// A code or prefix that names no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    pub given: String,
    pub suggestion: Option<String>,
}

impl UnknownCode {
    pub fn message(&self, option: &str, lang: Lang) -> String {
        let mut text = lang.pick(
            format!(
                "`{}` bij {option} is geen regelcode of begin van een regelcode.",
                self.given
            ),
            format!("`{}` in {option} is not a rule code or the start of one.", self.given),
        );
        match &self.suggestion {
            Some(code) => {
                text.push_str(&lang.pick(format!(" Bedoelde u `{code}`?"), format!(" Did you mean `{code}`?")))
            }
            None => text.push_str(lang.pick(
                " `verklaar rules` toont alle regels.",
                " `verklaar rules` lists every rule.",
            )),
        }
        text
    }
}

impl Selection {
    /// Checks every entry against the rule codes; case and surrounding spaces do not matter.
    /// An unknown entry comes back with `true` when it was in `select`.
    pub fn new(select: &[String], ignore: &[String]) -> Result<Selection, (UnknownCode, bool)> {
        let clean = |list: &[String], is_select: bool| -> Result<Vec<String>, (UnknownCode, bool)> {
            list.iter()
                .map(|given| given.trim().to_ascii_uppercase())
                .filter(|code| !code.is_empty())
                .map(|code| {
                    if registry::all().iter().any(|r| r.meta.code.starts_with(&code)) {
                        Ok(code)
                    } else {
                        Err((unknown(&code), is_select))
                    }
                })
                .collect()
        };
        Ok(Selection {
            select: clean(select, true)?,
            ignore: clean(ignore, false)?,
        })
    }

    /// Whether findings of the rule `code` are reported.
    pub fn includes(&self, code: &str) -> bool {
        let longest = |list: &[String]| {
            list.iter()
                .filter(|p| code.starts_with(p.as_str()))
                .map(String::len)
                .max()
        };
        // No --select: every rule is selected, by the empty prefix.
        let selected = if self.select.is_empty() {
            Some(0)
        } else {
            longest(&self.select)
        };
        match (selected, longest(&self.ignore)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(s), Some(i)) => s > i,
        }
    }

    /// Whether this selection reports every rule.
    pub fn is_all(&self) -> bool {
        self.select.is_empty() && self.ignore.is_empty()
    }
}

fn unknown(code: &str) -> UnknownCode {
    let codes: Vec<String> = registry::all().iter().map(|r| r.meta.code.to_string()).collect();
    UnknownCode {
        given: code.to_string(),
        suggestion: crate::model::references::closest(code, &codes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(select: &[&str], ignore: &[&str]) -> Selection {
        let owned = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Selection::new(&owned(select), &owned(ignore)).expect("known codes")
    }

    #[test]
    fn the_more_specific_prefix_wins() {
        let s = sel(&["VK5"], &["VK509"]);
        assert!(s.includes("VK501"));
        assert!(!s.includes("VK509"));
        assert!(!s.includes("VK101"));
        let s = sel(&["vk509"], &["VK5"]);
        assert!(s.includes("VK509"));
        assert!(!s.includes("VK501"));
        let s = sel(&[], &["VK7"]);
        assert!(s.includes("VK101"));
        assert!(!s.includes("VK708"));
        assert!(sel(&[], &[]).is_all());
        // On a tie, ignore wins.
        assert!(!sel(&["VK5"], &["VK5"]).includes("VK501"));
    }

    #[test]
    fn unknown_codes_are_refused_with_a_suggestion() {
        let (e, is_select) = Selection::new(&["VK7O8".into()], &[]).expect_err("unknown");
        assert!(is_select);
        assert_eq!(e.suggestion.as_deref(), Some("VK708"));
        let (e, _) = Selection::new(&[], &["XX".into()]).expect_err("unknown");
        assert_eq!(e.given, "XX");
    }
}
