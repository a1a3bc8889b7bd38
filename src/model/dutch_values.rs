//! The Dutch words people write for the English values of the file's fixed lists, from
//! `dutch_values.yaml`: `legal_basis: toestemming` is answered with "Bedoelde u `consent`
//! (toestemming)?" rather than with the closest spelling.

use std::collections::BTreeMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("dutch_values.yaml");

/// Dutch word (normalised) → the values it may mean, in table order.
fn table() -> &'static BTreeMap<String, Vec<String>> {
    static TABLE: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Embedded data, parsed in the unit test below: a failure is a build defect.
        let by_value: Vec<(String, Vec<String>)> =
            serde_saphyr::from_str::<serde_json::Map<String, serde_json::Value>>(DATA)
                .expect("dutch_values.yaml parses")
                .into_iter()
                .map(|(value, words)| {
                    let words = words
                        .as_array()
                        .map(|a| a.iter().filter_map(|w| w.as_str().map(str::to_string)).collect())
                        .unwrap_or_default();
                    (value, words)
                })
                .collect();
        let mut table: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (value, words) in by_value {
            for word in words {
                table.entry(normalise(&word)).or_default().push(value.clone());
            }
        }
        table
    })
}

/// Lower case, with spaces, hyphens and underscores alike.
fn normalise(word: &str) -> String {
    word.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// The allowed value a Dutch `word` means, if the table knows it: the first of its values
/// that `allowed` contains.
pub fn meaning(word: &str, allowed: &[String]) -> Option<String> {
    table()
        .get(&normalise(word))?
        .iter()
        .find(|value| allowed.contains(value))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn dutch_words_find_their_value_in_the_list_at_hand() {
        let bases = allowed(&["consent", "contract", "legal_obligation", "legitimate_interests"]);
        assert_eq!(meaning("toestemming", &bases).as_deref(), Some("consent"));
        assert_eq!(
            meaning("Gerechtvaardigd belang", &bases).as_deref(),
            Some("legitimate_interests")
        );
        assert_eq!(
            meaning("gerechtvaardigd_belang", &bases).as_deref(),
            Some("legitimate_interests")
        );
        let conditions = allowed(&["explicit_consent", "health_care"]);
        assert_eq!(meaning("toestemming", &conditions).as_deref(), Some("explicit_consent"));
        assert_eq!(
            meaning("verwerker", &allowed(&["controller", "processor"])).as_deref(),
            Some("processor")
        );
        assert_eq!(meaning("jij", &allowed(&["u", "je"])).as_deref(), Some("je"));
        assert_eq!(meaning("toestemming", &allowed(&["u", "je"])), None);
        assert_eq!(meaning("iets anders", &bases), None);
    }

    #[test]
    fn every_value_in_the_table_exists_in_the_schema() {
        let text = crate::model::schema::schema_text();
        for values in table().values() {
            for value in values {
                assert!(
                    text.contains(&format!("\"{value}\"")),
                    "{value} is no value of the schema"
                );
            }
        }
    }
}
