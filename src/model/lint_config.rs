//! The `lint:` block: per-rule severity and justified suppressions.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::time::Date;
use super::vocab::Severity;

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    #[serde(default)]
    #[schemars(
        description = "Ernst per regel, bijvoorbeeld `VK809: off` of `VK303: error`. Een regel die standaard een fout is, zet u alleen lager of uit met een reden: `VK509: { level: off, reason: \"…\" }`."
    )]
    pub severity: BTreeMap<String, SeverityOverride>,
    #[serde(default)]
    #[schemars(description = "Uitzonderingen: een melding die u bewust accepteert, met reden en einddatum.")]
    pub allow: Vec<Suppression>,
}

/// One entry of `lint.severity`: the short form `VK708: warning`, or the long form with the
/// reason that turning off or downgrading an error-level rule requires (checked at load).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SeverityOverride {
    Level(Severity),
    Justified { level: Severity, reason: String },
}

impl SeverityOverride {
    pub fn level(&self) -> Severity {
        match self {
            SeverityOverride::Level(level) | SeverityOverride::Justified { level, .. } => *level,
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            SeverityOverride::Level(_) => None,
            SeverityOverride::Justified { reason, .. } => Some(reason),
        }
    }
}

impl JsonSchema for SeverityOverride {
    fn schema_name() -> Cow<'static, str> {
        "SeverityOverride".into()
    }

    // `if`/`then`/`else` rather than `anyOf`: the validator then reports the errors of the
    // branch that applies (an unknown level, a missing reason) instead of "matches no
    // alternative".
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let level = generator.subschema_for::<Severity>();
        json_schema!({
            "description": "`info`, `warning`, `error` of `off`; of `{ level: off, reason: \"…\" }` met de reden waarom.",
            "if": { "type": "object" },
            "then": {
                "type": "object",
                "properties": {
                    "level": level,
                    "reason": {
                        "type": "string",
                        "description": "Waarom deze regel hier lager of uit staat. Verschijnt in elke uitvoer van `verklaar lint`."
                    }
                },
                "required": ["level", "reason"],
                "additionalProperties": false
            },
            "else": level
        })
    }
}

/// A suppression of one rule at one place, with a written reason.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    #[schemars(description = "De regelcode, bijvoorbeeld VK410.", regex(pattern = r"^VK[0-9]{3}$"))]
    pub rule: String,
    #[schemars(
        description = "Waar in dit bestand, als pad met punten en id's, bijvoorbeeld `purposes.behandeling.retention`."
    )]
    pub at: String,
    #[schemars(description = "Waarom deze melding terecht genegeerd wordt.", regex(pattern = r"\S"))]
    pub reason: String,
    #[serde(default)]
    #[schemars(description = "Tot wanneer de uitzondering geldt (JJJJ-MM-DD); daarna meldt verklaar haar weer.")]
    pub until: Option<Date>,
}
