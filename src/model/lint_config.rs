//! The `lint:` block: per-rule severity and justified suppressions.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::time::Date;
use super::vocab::Severity;

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    #[serde(default)]
    #[schemars(description = "Ernst per regel, bijvoorbeeld `VK809: off` of `VK303: error`.")]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    #[schemars(description = "Uitzonderingen: een melding die u bewust accepteert, met reden en einddatum.")]
    pub allow: Vec<Suppression>,
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
    #[schemars(description = "Waarom deze melding terecht genegeerd wordt.")]
    pub reason: String,
    #[serde(default)]
    #[schemars(description = "Tot wanneer de uitzondering geldt (JJJJ-MM-DD); daarna meldt verklaar haar weer.")]
    pub until: Option<Date>,
}
