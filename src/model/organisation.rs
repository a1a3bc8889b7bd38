//! The root of an organisation file and the controller's identity (AVG art. 13/14 lid 1 sub a–b).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lint_config::LintConfig;
use super::processing::{DataCategory, DataSubject, GeneralRetention, Purpose, Source, StatementLegalBasis};
use super::recipients::{Recipient, Transfer};
use super::rights::{Complaints, RightsProcedure};
use super::statement::{Cookies, CustomSection, Scope, Security, StatementMeta};
use super::vocab::Sector;

/// The only `schema_version` this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// One organisation's processing of personal data: the input of `verklaar`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "verklaar: verwerking van persoonsgegevens door één organisatie",
    description = "Eén bestand per organisatie. verklaar controleert het op de AVG en maakt er een privacyverklaring van."
)]
pub struct Organisation {
    #[schemars(description = "Versie van dit bestandsformaat. Schrijf: 1")]
    pub schema_version: u32,
    #[schemars(description = "Wie is de verwerkingsverantwoordelijke? (AVG art. 13 lid 1 sub a)")]
    pub organisation: Controller,
    #[serde(default)]
    #[schemars(description = "Functionaris gegevensbescherming (FG), of waarom u geen FG heeft (AVG art. 37).")]
    pub dpo: Option<Dpo>,
    #[schemars(description = "Gegevens over de verklaring zelf: aanspreekvorm, versie, datum en wijzigingen.")]
    pub statement: StatementMeta,
    #[serde(default)]
    #[schemars(description = "Reikwijdte: website, wat elders geregeld is, grootschalige verwerking.")]
    pub scope: Option<Scope>,
    #[serde(default)]
    #[schemars(description = "Groepen mensen van wie u gegevens verwerkt (betrokkenen), elk met een `id`.")]
    pub data_subjects: Vec<DataSubject>,
    #[serde(default)]
    #[schemars(
        description = "Soorten persoonsgegevens, elk met een `id` en een `kind` (gewoon, bijzonder, strafrechtelijk, BSN)."
    )]
    pub data_categories: Vec<DataCategory>,
    #[serde(default)]
    #[schemars(
        description = "Bronnen van gegevens die u niet van de betrokkene zelf krijgt (AVG art. 14 lid 2 sub f). De bron `self` (de betrokkene zelf) bestaat altijd."
    )]
    pub sources: Vec<Source>,
    #[serde(default)]
    #[schemars(
        description = "Doeleinden: waarvoor u de gegevens gebruikt, met rechtsgrond, bewaartermijn en ontvangers per doel (AVG art. 13 lid 1 sub c)."
    )]
    pub purposes: Vec<Purpose>,
    #[serde(default)]
    #[schemars(
        description = "Alleen invullen als de verklaring rechtsgronden noemt zonder ze aan doelen te koppelen. verklaar meldt dan dat de koppeling ontbreekt (VK103)."
    )]
    pub legal_bases: Vec<StatementLegalBasis>,
    #[serde(default)]
    #[schemars(
        description = "Ontvangers van gegevens. Laat weg als de verklaring er niets over zegt; schrijf `recipients: []` als u met niemand deelt."
    )]
    pub recipients: Option<Vec<Recipient>>,
    #[serde(default)]
    #[schemars(
        description = "Doorgifte buiten de Europese Economische Ruimte (AVG art. 44–49). Schrijf `transfers: []` als er geen doorgifte is."
    )]
    pub transfers: Option<Vec<Transfer>>,
    #[serde(default)]
    #[schemars(
        description = "Bewaarbeleid dat voor de hele verklaring geldt, naast de termijnen per doel of soort gegevens."
    )]
    pub retention: Option<GeneralRetention>,
    #[serde(default)]
    #[schemars(
        description = "Hoe mensen hun rechten uitoefenen: kanaal, termijn, identificatie. De rechten zelf volgen uit de rechtsgronden."
    )]
    pub rights: Option<RightsProcedure>,
    #[serde(default)]
    #[schemars(description = "Klachten: de interne route en de Autoriteit Persoonsgegevens (AVG art. 77).")]
    pub complaints: Option<Complaints>,
    #[serde(default)]
    #[schemars(description = "Beveiligingsmaatregelen (AVG art. 32) en wat u doet bij een datalek.")]
    pub security: Option<Security>,
    #[serde(default)]
    #[schemars(
        description = "Neemt u besluiten over mensen die alleen door een computer worden genomen (AVG art. 22)? Schrijf false als de verklaring zegt dat u dat niet doet; beschrijf zulke besluiten bij het doel (`automated_decision`). Weglaten: de verklaring zegt er niets over."
    )]
    pub automated_decisions: Option<bool>,
    #[serde(default)]
    #[schemars(
        description = "Maakt u profielen van mensen (AVG art. 4 sub 4)? Schrijf false als de verklaring zegt dat u dat niet doet; beschrijf profilering bij het doel (`profiling`). Weglaten: de verklaring zegt er niets over."
    )]
    pub profiling: Option<bool>,
    #[serde(default)]
    #[schemars(description = "Cookies en vergelijkbare technieken op uw website (Telecommunicatiewet art. 11.7a).")]
    pub cookies: Option<Cookies>,
    #[serde(default)]
    #[schemars(
        description = "Eigen hoofdstukken met tekst die alleen uw organisatie heeft, elk na een standaardhoofdstuk."
    )]
    pub custom_sections: Vec<CustomSection>,
    #[serde(default)]
    #[schemars(description = "Instellingen voor `verklaar lint`: ernst per regel en onderbouwde uitzonderingen.")]
    pub lint: Option<LintConfig>,
}

/// The controller (AVG art. 4 sub 7).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    #[schemars(
        description = "De naam waaronder de organisatie bekend is (handelsnaam), bijvoorbeeld 'Praktijk Lignum'."
    )]
    pub name: String,
    #[serde(default)]
    #[schemars(
        description = "De juridische naam met rechtsvorm, zoals in het Handelsregister, bijvoorbeeld 'Stichting Livio' of 'Lijv B.V.'."
    )]
    pub legal_name: Option<String>,
    #[serde(default)]
    #[schemars(description = "KvK-nummer: 8 cijfers, tussen aanhalingstekens, bijvoorbeeld \"72806710\".")]
    pub kvk: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "IBAN-nummer(s) zoals de verklaring ze vermeldt. Staat hetzelfde nummer er op twee manieren in, noem dan beide schrijfwijzen."
    )]
    pub iban: Vec<String>,
    #[serde(default)]
    #[schemars(description = "Btw-identificatienummer, bijvoorbeeld \"NL800799938B01\".")]
    pub btw: Option<String>,
    #[serde(default)]
    #[schemars(description = "Vestigingsadres.")]
    pub address: Option<Address>,
    #[serde(default)]
    #[schemars(description = "Postadres, als dat anders is dan het vestigingsadres.")]
    pub postal_address: Option<Address>,
    #[serde(default)]
    #[schemars(description = "Andere vestigingen of locaties, als plaatsnamen of adressen.")]
    pub locations: Vec<String>,
    #[serde(default)]
    #[schemars(description = "Contactgegevens van de organisatie.")]
    pub contact: Option<Contact>,
    #[serde(default)]
    #[schemars(description = "Sector; bepaalt welke wettelijke bewaartermijnen verklaar controleert.")]
    pub sector: Option<Sector>,
    #[serde(default)]
    #[schemars(description = "Korte beschrijving van de organisatie, in gewone woorden.")]
    pub description: Option<String>,
    #[serde(default = "yes")]
    #[schemars(
        description = "Is de organisatie in de EU gevestigd? Zo niet, dan is een vertegenwoordiger in de EU nodig (AVG art. 27)."
    )]
    pub established_in_eu: bool,
    #[serde(default)]
    #[schemars(description = "Vertegenwoordiger in de EU (AVG art. 27), alleen voor organisaties buiten de EU.")]
    pub representative: Option<Person>,
    #[serde(default)]
    #[schemars(
        description = "Is de organisatie een overheidsinstantie of -orgaan (AVG art. 37 lid 1 sub a; art. 6 lid 1 tweede alinea)?"
    )]
    pub public_authority: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    #[serde(default)]
    #[schemars(description = "Straat en huisnummer, of postbus.")]
    pub street: Option<String>,
    #[serde(default)]
    #[schemars(description = "Postcode, bijvoorbeeld \"5216 EW\".")]
    pub postcode: Option<String>,
    #[schemars(description = "Plaats.")]
    pub city: String,
    #[serde(default)]
    #[schemars(description = "Land als ISO 3166-landcode (NL, BE …); standaard NL.")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    #[schemars(description = "E-mailadres, bijvoorbeeld info@voorbeeld.nl.")]
    pub email: Option<String>,
    #[serde(default)]
    #[schemars(description = "Telefoonnummer zoals u het op uw website schrijft.")]
    pub phone: Option<String>,
    #[serde(default)]
    #[schemars(description = "Website, bijvoorbeeld https://www.voorbeeld.nl.")]
    pub website: Option<String>,
    #[serde(default)]
    #[schemars(description = "Adres van een contactformulier op de website.")]
    pub web_form: Option<String>,
}

/// A natural or legal person with contact details (EU representative, DPO).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[serde(default)]
    #[schemars(description = "Naam.")]
    pub name: Option<String>,
    #[serde(default)]
    #[schemars(description = "E-mailadres.")]
    pub email: Option<String>,
    #[serde(default)]
    #[schemars(description = "Telefoonnummer.")]
    pub phone: Option<String>,
    #[serde(default)]
    #[schemars(description = "Postadres.")]
    pub address: Option<Address>,
}

/// The data protection officer (AVG art. 37–39), or why none is appointed.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dpo {
    #[schemars(
        description = "Heeft de organisatie een functionaris gegevensbescherming (FG) aangesteld? true of false."
    )]
    pub appointed: bool,
    #[serde(default)]
    #[schemars(description = "Naam van de FG (mag weg; de contactgegevens zijn verplicht).")]
    pub name: Option<String>,
    #[serde(default)]
    #[schemars(description = "E-mailadres van de FG.")]
    pub email: Option<String>,
    #[serde(default)]
    #[schemars(description = "Telefoonnummer van de FG.")]
    pub phone: Option<String>,
    #[serde(default)]
    #[schemars(description = "Postadres van de FG.")]
    pub address: Option<Address>,
    #[serde(default)]
    #[schemars(
        description = "Als `appointed: false`: waarom een FG niet verplicht is (AVG art. 37 lid 1), bijvoorbeeld 'eenmanspraktijk, geen verwerking op grote schaal (overweging 91)'."
    )]
    pub not_required_reason: Option<String>,
}
