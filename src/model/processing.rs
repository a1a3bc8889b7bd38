//! What is processed, about whom, where it comes from, why, and for how long
//! (AVG art. 13 lid 1 sub c–d, lid 2 sub a, e–f; art. 14 lid 1 sub d, lid 2 sub f).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::time::Duration;
use super::vocab::{
    AutomatedDecisionBasis, DataKind, LegalBasis, ProvisionRequirement, SpecialCategory, SpecialCategoryCondition,
};

/// The reserved source id meaning "from the data subject".
pub const SOURCE_SELF: &str = "self";

/// A group of data subjects (AVG art. 4 sub 1). DPV: `dpv:DataSubject`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSubject {
    #[schemars(
        description = "Korte naam om naar deze groep te verwijzen, bijvoorbeeld `clienten` (kleine letters, cijfers, - en _).",
        regex(pattern = r"^[a-z0-9][a-z0-9_-]*$")
    )]
    pub id: String,
    #[schemars(description = "Naam van de groep zoals de lezer die kent, bijvoorbeeld 'cliënten en hun naasten'.")]
    pub name: String,
    #[serde(default)]
    #[schemars(description = "Toelichting.")]
    pub description: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Horen kinderen jonger dan 16 jaar bij deze groep? Dan geldt UAVG art. 5 voor toestemming."
    )]
    pub includes_minors: bool,
    #[serde(default)]
    #[schemars(description = "Zijn dit eigen medewerkers (werknemers, vrijwilligers, stagiairs)?")]
    pub employees: bool,
}

/// A category of personal data. DPV: `dpv:PersonalDataCategory`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    #[schemars(
        description = "Korte naam om naar deze soort gegevens te verwijzen, bijvoorbeeld `contact`.",
        regex(pattern = r"^[a-z0-9][a-z0-9_-]*$")
    )]
    pub id: String,
    #[schemars(description = "Naam zoals de lezer die kent, bijvoorbeeld 'contactgegevens'.")]
    pub name: String,
    #[serde(default)]
    #[schemars(description = "Wat valt eronder, bijvoorbeeld 'naam, adres, telefoonnummer en e-mailadres'.")]
    pub description: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Soort: `regular` (gewoon), `special` (bijzonder, AVG art. 9), `criminal` (strafrechtelijk, AVG art. 10) of `national_id` (BSN, UAVG art. 46)."
    )]
    pub kind: DataKind,
    #[serde(default)]
    #[schemars(description = "Bij `kind: special`: welke bijzondere categorie (AVG art. 9 lid 1).")]
    pub special: Option<SpecialCategory>,
    #[serde(default)]
    #[schemars(
        description = "Bij `kind: national_id` (BSN): de wet die het gebruik voorschrijft (UAVG art. 46), bijvoorbeeld 'art. 12 Wabvpz'."
    )]
    pub statute: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Noemt de verklaring deze gegevens onder 'bijzondere persoonsgegevens' terwijl ze dat in de AVG niet zijn (bijvoorbeeld strafrechtelijke gegevens)?"
    )]
    pub listed_as_special: bool,
    #[serde(default)]
    #[schemars(description = "Bewaartermijn voor deze soort gegevens, als die per soort geldt.")]
    pub retention: Option<Retention>,
}

/// Where data come from when not from the data subject (AVG art. 14 lid 2 sub f).
/// DPV: `dpv:DataSource`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(
        description = "Korte naam om naar deze bron te verwijzen, bijvoorbeeld `verwijzer`. `self` is gereserveerd voor de betrokkene zelf.",
        regex(pattern = r"^[a-z0-9][a-z0-9_-]*$")
    )]
    pub id: String,
    #[schemars(description = "Naam van de bron, bijvoorbeeld 'uw huisarts of een andere verwijzer'.")]
    pub name: String,
    #[serde(default)]
    #[schemars(description = "Is het een openbare bron (bijvoorbeeld het Handelsregister)? (AVG art. 14 lid 2 sub f)")]
    pub public: bool,
    #[serde(default)]
    #[schemars(description = "Toelichting.")]
    pub description: Option<String>,
}

/// A purpose of processing with everything AVG art. 13/14 ties to it. DPV: `dpv:Purpose`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    #[schemars(
        description = "Korte naam om naar dit doel te verwijzen, bijvoorbeeld `behandeling`.",
        regex(pattern = r"^[a-z0-9][a-z0-9_-]*$")
    )]
    pub id: String,
    #[schemars(description = "Het doel in gewone woorden, bijvoorbeeld 'Uw behandeling uitvoeren en declareren'.")]
    pub description: String,
    #[serde(default)]
    #[schemars(
        description = "Korte naam van het doel voor 'In het kort', in hooguit zes woorden, bijvoorbeeld 'uw behandeling'. Zonder label toont 'In het kort' de hele beschrijving."
    )]
    pub label: Option<String>,
    #[serde(default)]
    #[schemars(description = "Toelichting bij het doel (beperkte markdown: nadruk, lijsten, links).")]
    pub details: Option<String>,
    #[serde(default)]
    #[schemars(description = "Om wie gaat het? Lijst van `id`'s uit `data_subjects`.")]
    pub data_subjects: Vec<String>,
    #[serde(default)]
    #[schemars(description = "Welke gegevens? Lijst van `id`'s uit `data_categories`.")]
    pub data_categories: Vec<String>,
    #[serde(default)]
    #[schemars(
        description = "Waar komen de gegevens vandaan? `self` (de betrokkene zelf) en/of `id`'s uit `sources`."
    )]
    pub sources: Vec<String>,
    #[serde(default)]
    #[schemars(
        description = "Rechtsgrond uit AVG art. 6 lid 1: consent, contract, legal_obligation, vital_interests, public_task of legitimate_interests."
    )]
    pub legal_basis: Option<LegalBasis>,
    #[serde(default)]
    #[schemars(
        description = "Alleen om een bestaande verklaring te controleren: wat die als rechtsgrond noemt als dat geen grond uit AVG art. 6 lid 1 is (bijvoorbeeld 'het behandeldossier' of 'de algemene voorwaarden'). verklaar meldt het (VK104)."
    )]
    pub legal_basis_as_stated: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "De wet of het artikel achter de rechtsgrond, bijvoorbeeld 'art. 7:454 BW (WGBO)'. Verplicht bij legal_obligation en public_task (AVG art. 6 lid 3)."
    )]
    pub statute: Option<String>,
    #[serde(default)]
    #[schemars(description = "Bij legitimate_interests: welk belang u beschermt (AVG art. 13 lid 1 sub d).")]
    pub legitimate_interest: Option<String>,
    #[serde(default)]
    #[schemars(description = "Bij bijzondere persoonsgegevens: de uitzondering uit AVG art. 9 lid 2.")]
    pub special_category_condition: Option<SpecialCategoryCondition>,
    #[serde(default)]
    #[schemars(description = "De Nederlandse wet bij die uitzondering, bijvoorbeeld 'UAVG art. 30 lid 3'.")]
    pub special_category_law: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Bij strafrechtelijke gegevens: de grond uit UAVG art. 32 of 33, of de wet die het toestaat (AVG art. 10)."
    )]
    pub criminal_data_basis: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Gaat het om direct marketing (nieuwsbrieven, aanbiedingen)? Dan geldt een onvoorwaardelijk recht van bezwaar (AVG art. 21 lid 2)."
    )]
    pub direct_marketing: bool,
    #[serde(default)]
    #[schemars(description = "Hoe vraagt u toestemming van ouders of voogd bij kinderen onder 16 jaar (UAVG art. 5)?")]
    pub guardian_consent: Option<String>,
    #[serde(default = "yes")]
    #[schemars(
        description = "Worden de gegevens digitaal verwerkt? Schrijf false als alles alleen op papier gebeurt (dan geldt AVG art. 20 niet)."
    )]
    pub automated: bool,
    #[serde(default)]
    #[schemars(
        description = "Moet de betrokkene deze gegevens geven, en wat gebeurt er als hij dat niet doet? (AVG art. 13 lid 2 sub e)"
    )]
    pub provision: Option<Provision>,
    #[serde(default)]
    #[schemars(description = "Hoe lang u de gegevens voor dit doel bewaart (AVG art. 13 lid 2 sub a).")]
    pub retention: Option<Retention>,
    #[serde(default)]
    #[schemars(description = "Aan wie u gegevens voor dit doel verstrekt: `id`'s uit `recipients`.")]
    pub recipients: Vec<String>,
    #[serde(default)]
    #[schemars(
        description = "Neemt u voor dit doel besluiten zonder menselijke tussenkomst (AVG art. 22)? Beschrijf logica, belang en gevolgen."
    )]
    pub automated_decision: Option<AutomatedDecision>,
    #[serde(default)]
    #[schemars(
        description = "Profilering (AVG art. 4 sub 4): beschrijf wat u op basis van gedrag, locatie of eerdere keuzes aanpast."
    )]
    pub profiling: Option<String>,
}

fn yes() -> bool {
    true
}

/// Whether providing the data is required and what follows from not providing it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    #[schemars(
        description = "statutory (wettelijk verplicht), contractual (nodig voor de overeenkomst), precondition (voorwaarde om een overeenkomst te sluiten) of voluntary (vrijwillig)."
    )]
    pub required: ProvisionRequirement,
    #[serde(default)]
    #[schemars(
        description = "Wat gebeurt er als iemand de gegevens niet geeft? Bijvoorbeeld 'Zonder uw BSN kunnen wij de zorg niet declareren.'"
    )]
    pub consequence: Option<String>,
}

/// How long data are kept (AVG art. 13 lid 2 sub a): a period with its start, or the criteria.
/// DPV: `dpv:StorageDuration` + `dpv:StorageDeletion`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    #[serde(default)]
    #[schemars(description = "De termijn in ISO 8601: P20Y = 20 jaar, P7Y = 7 jaar, P4W = 4 weken.")]
    pub period: Option<Duration>,
    #[serde(default)]
    #[schemars(description = "Vanaf wanneer de termijn telt, bijvoorbeeld 'na de laatste wijziging in het dossier'.")]
    pub start: Option<String>,
    #[serde(default)]
    #[schemars(description = "De wet die de termijn voorschrijft, bijvoorbeeld 'art. 7:454 lid 3 BW'.")]
    pub statute: Option<String>,
    #[serde(default)]
    #[schemars(description = "Als er geen vaste termijn is: de criteria waarmee u de termijn bepaalt.")]
    pub criteria: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Als de verklaring na afloop van de termijn nog een periode noemt waarbinnen u de gegevens verwijdert: die periode."
    )]
    pub deletion_within: Option<Duration>,
    #[serde(default)]
    #[schemars(description = "Is de termijn een maximum ('maximaal', 'uiterlijk') in plaats van een vaste termijn?")]
    pub maximum: bool,
}

/// Retention policy stated for the whole statement, besides per-purpose terms.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeneralRetention {
    #[serde(default)]
    #[schemars(description = "Het algemene bewaarbeleid zoals de verklaring het zegt.")]
    pub criteria: Option<String>,
    #[serde(default)]
    #[schemars(description = "Uitzonderingen op het algemene beleid (bijvoorbeeld archief, statistiek).")]
    pub exceptions: Option<String>,
    #[serde(default)]
    #[schemars(description = "Termijnen per soort dossier die niet bij één doel of soort gegevens horen.")]
    pub schedule: Vec<RetentionEntry>,
}

/// One line of a retention schedule ("Fiscale gegevens: zeven jaar").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionEntry {
    #[schemars(description = "Om welke gegevens of dossiers het gaat, zoals de verklaring ze noemt.")]
    pub records: String,
    #[serde(default)]
    #[schemars(description = "Verwijzing naar een doel (`id` uit `purposes`), als de regel bij één doel hoort.")]
    pub purpose: Option<String>,
    #[serde(default)]
    #[schemars(description = "Verwijzing naar een soort gegevens (`id` uit `data_categories`).")]
    pub data_category: Option<String>,
    #[schemars(description = "De termijn en hoe die bepaald wordt.")]
    pub retention: Retention,
}

/// A legal basis named at statement level without a tie to purposes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementLegalBasis {
    #[schemars(description = "De rechtsgrond uit AVG art. 6 lid 1.")]
    pub basis: LegalBasis,
    #[serde(default)]
    #[schemars(description = "De toelichting die de verklaring bij deze grond geeft.")]
    pub note: Option<String>,
}

/// An automated individual decision (AVG art. 22; art. 13 lid 2 sub f).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecision {
    #[serde(default)]
    #[schemars(description = "De onderliggende logica, in gewone woorden.")]
    pub logic: Option<String>,
    #[serde(default)]
    #[schemars(description = "Het belang van het besluit voor de betrokkene.")]
    pub significance: Option<String>,
    #[serde(default)]
    #[schemars(description = "De verwachte gevolgen voor de betrokkene.")]
    pub consequences: Option<String>,
    #[serde(default)]
    #[schemars(description = "Grond uit AVG art. 22 lid 2: contract, law of explicit_consent.")]
    pub basis: Option<AutomatedDecisionBasis>,
    #[serde(default)]
    #[schemars(
        description = "Waarborgen: menselijke tussenkomst, standpunt geven, besluit aanvechten (AVG art. 22 lid 3)."
    )]
    pub safeguards: Option<String>,
}
