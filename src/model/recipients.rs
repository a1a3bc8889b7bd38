//! Recipients and transfers outside the EEA (AVG art. 13 lid 1 sub e–f; art. 26, 28, 44–49).

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, IntoDeserializer, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::vocab::{RecipientRole, TransferMechanism};

/// A recipient or category of recipients (AVG art. 4 sub 9). DPV: `dpv:Recipient`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    #[schemars(
        description = "Korte naam om naar deze ontvanger te verwijzen, bijvoorbeeld `zorgverzekeraar`.",
        regex(pattern = r"^[a-z0-9][a-z0-9_-]*$")
    )]
    pub id: String,
    #[schemars(
        description = "Naam of categorie van de ontvanger, bijvoorbeeld 'uw zorgverzekeraar' of 'Curasoft (cliëntvolgsysteem)'."
    )]
    pub name: String,
    #[serde(default)]
    #[schemars(
        description = "Rol: controller (zelfstandig verantwoordelijk), joint_controller (gezamenlijk verantwoordelijk), processor (verwerker), public_authority (overheid) of internal (eigen medewerkers). Laat weg als de verklaring de rol niet noemt."
    )]
    pub role: Option<RecipientRole>,
    #[serde(default)]
    #[schemars(description = "Waarom en wat deze ontvanger krijgt.")]
    pub description: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Bij een verwerker: is er een verwerkersovereenkomst (AVG art. 28 lid 3)? true of false."
    )]
    pub agreement: Option<bool>,
    #[serde(default)]
    #[schemars(
        description = "Bij gezamenlijke verantwoordelijken: de hoofdlijnen van de afspraken en bij wie iemand terecht kan (AVG art. 26 lid 2)."
    )]
    pub arrangement: Option<String>,
    #[serde(default)]
    #[schemars(description = "Land waar de ontvanger de gegevens verwerkt, als ISO 3166-landcode (NL, DE, US …).")]
    pub country: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "De wet waarop de verstrekking berust, als die er is (bijvoorbeeld bij de Belastingdienst)."
    )]
    pub statute: Option<String>,
    #[serde(default)]
    #[schemars(description = "Alleen met toestemming van de betrokkene?")]
    pub consent_required: bool,
}

/// A transfer of personal data to a third country (AVG art. 44–49). DPV: `dpv:DataTransfer`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    #[serde(default)]
    #[schemars(description = "Verwijzing naar de ontvanger (`id` uit `recipients`).")]
    pub recipient: Option<String>,
    #[serde(default)]
    #[schemars(description = "Landen buiten de EER, als ISO 3166-landcodes (US, GB, IN …).")]
    pub countries: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    #[schemars(
        description = "De grond voor de doorgifte: adequacy, adequacy_dpf, standard_contractual_clauses, binding_corporate_rules, appropriate_safeguards of derogation. Noemt de verklaring meer gronden waarvan er één zal gelden ('adequaatheid of passende waarborgen'), geef dan een lijst: [adequacy, appropriate_safeguards].",
        schema_with = "mechanisms_schema"
    )]
    pub mechanism: Vec<TransferMechanism>,
    #[serde(default)]
    #[schemars(
        description = "Waar iemand een kopie van de waarborgen kan krijgen of inzien (AVG art. 13 lid 1 sub f)."
    )]
    pub copy_available_at: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Schrijft de verklaring alleen dat doorgifte kan voorkomen ('indien nodig', 'bij uitzondering')?"
    )]
    pub possible: bool,
    #[serde(default)]
    #[schemars(description = "De tekst van de verklaring over deze doorgifte.")]
    pub description: Option<String>,
}

/// `mechanism` as one value (the form files had before a transfer could name alternatives) or
/// as a list: both load, so existing files keep working.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<TransferMechanism>, D::Error> {
    struct OneOrMany;
    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<TransferMechanism>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a transfer mechanism or a list of them")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            TransferMechanism::deserialize(v.into_deserializer()).map(|m| vec![m])
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(m) = seq.next_element()? {
                out.push(m);
            }
            Ok(out)
        }
    }
    d.deserialize_any(OneOrMany)
}

/// The schema of `mechanism`: one value or a non-empty list of distinct values.
fn mechanisms_schema(generator: &mut SchemaGenerator) -> Schema {
    let one = generator.subschema_for::<TransferMechanism>();
    json_schema!({
        "anyOf": [
            one,
            { "type": "array", "items": one, "minItems": 1, "uniqueItems": true }
        ]
    })
}
