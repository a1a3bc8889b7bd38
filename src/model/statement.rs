//! The statement's own metadata, scope, security, cookies and custom sections.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::time::{Date, Duration};
use super::vocab::{AddressForm, CookieKind, SectionKey};

/// Metadata of the privacy statement (title, address form, version, dates).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementMeta {
    #[serde(default)]
    #[schemars(description = "Titel van de verklaring; standaard 'Privacyverklaring'.")]
    pub title: Option<String>,
    #[serde(default)]
    #[schemars(description = "Aanspreekvorm in de hele verklaring: u of je.")]
    pub address_form: AddressForm,
    #[serde(default)]
    #[schemars(description = "Versienummer, tussen aanhalingstekens, bijvoorbeeld \"2025.1\".")]
    pub version: Option<String>,
    #[serde(default)]
    #[schemars(description = "Datum waarop deze versie ingaat (JJJJ-MM-DD).")]
    pub effective_date: Option<Date>,
    #[serde(default)]
    #[schemars(
        description = "Zoals de verklaring zelf de versie of datum noemt, als die geen exacte datum is (bijvoorbeeld 'Januari 2025')."
    )]
    pub version_label: Option<String>,
    #[serde(default)]
    #[schemars(description = "Hoe u wijzigingen bekendmaakt.")]
    pub change_policy: Option<String>,
    #[serde(default)]
    #[schemars(description = "Adres waar de actuele verklaring staat.")]
    pub url: Option<String>,
    #[serde(default)]
    #[schemars(description = "Wijzigingen per versie, nieuwste eerst.")]
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    #[schemars(description = "Datum van de wijziging (JJJJ-MM-DD).")]
    pub date: Date,
    #[serde(default)]
    #[schemars(description = "Versienummer na de wijziging.")]
    pub version: Option<String>,
    #[schemars(description = "Wat is er veranderd, in één of twee zinnen.")]
    pub summary: String,
}

/// What the statement covers (docs/legal/rules-catalogue.md §0 `scope`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    #[serde(default)]
    #[schemars(description = "Websites waarop deze verklaring ook van toepassing is.")]
    pub websites: Vec<String>,
    #[serde(default)]
    #[schemars(
        description = "Geldt de verklaring ook voor uw website(s)? true: ja, ook als `websites` geen adres noemt (dan horen er cookies en websitegegevens in). false: de verklaring zegt uitdrukkelijk dat zij niet over een website gaat. Weglaten: de verklaring zegt er niets over."
    )]
    pub website: Option<bool>,
    #[serde(default)]
    #[schemars(description = "Welke diensten of activiteiten de verklaring dekt.")]
    pub services: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Wat elders geregeld is, bijvoorbeeld 'de gegevens van medewerkers staan in een aparte verklaring'."
    )]
    pub excluded: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Verwerkt de organisatie op grote schaal bijzondere persoonsgegevens (AVG art. 37 lid 1 sub c)? Bijvoorbeeld een ziekenhuis of grote zorggroep; niet een eenmanspraktijk."
    )]
    pub large_scale_special_categories: bool,
    #[serde(default)]
    #[schemars(
        description = "Volgt de organisatie mensen op grote schaal regelmatig en stelselmatig (AVG art. 37 lid 1 sub b)?"
    )]
    pub large_scale_monitoring: bool,
}

/// Security measures (AVG art. 32) and breach handling (art. 33–34).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Security {
    #[serde(default)]
    #[schemars(description = "De belangrijkste maatregelen, elk in één zin en in gewone woorden.")]
    pub measures: Vec<String>,
    #[serde(default)]
    #[schemars(
        description = "Wat u doet bij een datalek (melding bij de AP binnen 72 uur, bericht aan betrokkenen bij hoog risico)."
    )]
    pub data_breach: Option<String>,
}

/// Cookies and similar techniques (Tw art. 11.7a).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cookies {
    #[serde(default)]
    #[schemars(
        description = "Hoe u toestemming vraagt voor cookies die dat nodig hebben, zoals de verklaring het zegt."
    )]
    pub consent: Option<String>,
    #[serde(default)]
    #[schemars(description = "Plaatst u cookies die toestemming nodig hebben al voordat iemand toestemming gaf?")]
    pub placed_before_consent: bool,
    #[serde(default)]
    #[schemars(description = "De cookies, elk met naam, partij, doel en bewaartermijn.")]
    pub items: Vec<Cookie>,
    #[serde(default)]
    #[schemars(description = "Wat de verklaring verder over cookies zegt.")]
    pub description: Option<String>,
}

impl Cookies {
    /// `cookies:` with nothing in it: the statement has nothing to show, as if the key
    /// were missing.
    pub fn says_nothing(&self) -> bool {
        self.consent.is_none() && self.description.is_none() && self.items.is_empty() && !self.placed_before_consent
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    #[schemars(description = "Naam van de cookie of groep cookies, bijvoorbeeld '_pk_id'.")]
    pub name: String,
    #[serde(default)]
    #[schemars(description = "Wie plaatst de cookie, bijvoorbeeld 'Matomo (eigen server)'.")]
    pub provider: Option<String>,
    #[schemars(
        description = "Soort: functional, analytics_privacy_friendly, analytics, preferences, tracking of advertising."
    )]
    pub kind: CookieKind,
    #[serde(default)]
    #[schemars(description = "Waarvoor de cookie dient.")]
    pub purpose: Option<String>,
    #[serde(default)]
    #[schemars(description = "Hoe lang de cookie blijft staan (ISO 8601, bijvoorbeeld P13M).")]
    pub retention: Option<Duration>,
}

/// An organisation-specific section of free text, placed after a standard section.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomSection {
    #[schemars(description = "Titel van het hoofdstuk.")]
    pub title: String,
    #[schemars(description = "Na welk standaardhoofdstuk dit hoofdstuk komt.")]
    pub after: SectionKey,
    #[schemars(description = "De tekst (beperkte markdown: nadruk, lijsten en links met http, https of mailto).")]
    pub body: String,
}
