//! GDPR vocabulary as enums. Variant docs map to W3C Data Privacy Vocabulary (DPV) terms
//! where one exists, so exports (`verklaar export dpv`) can translate without a lookup table.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Legal basis of AVG art. 6 lid 1 (sub a–f).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    /// Art. 6(1)(a). DPV: `dpv:Consent`.
    #[schemars(description = "Toestemming van de betrokkene (AVG art. 6 lid 1 sub a).")]
    Consent,
    /// Art. 6(1)(b). DPV: `dpv:Contract`.
    #[schemars(description = "Nodig voor het uitvoeren of sluiten van een overeenkomst (AVG art. 6 lid 1 sub b).")]
    Contract,
    /// Art. 6(1)(c). DPV: `dpv:LegalObligation`.
    #[schemars(
        description = "Nodig om een wettelijke plicht na te komen (AVG art. 6 lid 1 sub c). Noem de wet in `statute`."
    )]
    LegalObligation,
    /// Art. 6(1)(d). DPV: `dpv:VitalInterest`.
    #[schemars(description = "Nodig om iemands vitale belangen te beschermen (AVG art. 6 lid 1 sub d).")]
    VitalInterests,
    /// Art. 6(1)(e). DPV: `dpv:PublicInterest` / `dpv:OfficialAuthorityOfController`.
    #[schemars(
        description = "Nodig voor een taak van algemeen belang of openbaar gezag (AVG art. 6 lid 1 sub e). Noem de wet in `statute`."
    )]
    PublicTask,
    /// Art. 6(1)(f). DPV: `dpv:LegitimateInterest`.
    #[schemars(
        description = "Gerechtvaardigd belang (AVG art. 6 lid 1 sub f). Beschrijf het belang in `legitimate_interest`."
    )]
    LegitimateInterests,
}

impl LegalBasis {
    pub const ALL: [LegalBasis; 6] = [
        LegalBasis::Consent,
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::VitalInterests,
        LegalBasis::PublicTask,
        LegalBasis::LegitimateInterests,
    ];

    /// The letter of art. 6 lid 1 ("a" … "f").
    pub fn letter(self) -> char {
        match self {
            LegalBasis::Consent => 'a',
            LegalBasis::Contract => 'b',
            LegalBasis::LegalObligation => 'c',
            LegalBasis::VitalInterests => 'd',
            LegalBasis::PublicTask => 'e',
            LegalBasis::LegitimateInterests => 'f',
        }
    }
}

/// Exception to the ban on special categories, AVG art. 9 lid 2 (sub a–j).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCategoryCondition {
    /// Art. 9(2)(a). DPV: `dpv:ExplicitlyExpressedConsent`.
    #[schemars(description = "Uitdrukkelijke toestemming (AVG art. 9 lid 2 sub a).")]
    ExplicitConsent,
    /// Art. 9(2)(b).
    #[schemars(description = "Arbeidsrecht, sociale zekerheid en sociale bescherming (AVG art. 9 lid 2 sub b).")]
    EmploymentSocialSecurity,
    /// Art. 9(2)(c).
    #[schemars(description = "Vitale belangen als de betrokkene geen toestemming kan geven (AVG art. 9 lid 2 sub c).")]
    VitalInterests,
    /// Art. 9(2)(d).
    #[schemars(
        description = "Stichting, vereniging of andere organisatie zonder winstoogmerk, voor haar leden (AVG art. 9 lid 2 sub d)."
    )]
    NonProfitBody,
    /// Art. 9(2)(e).
    #[schemars(description = "Gegevens die de betrokkene zelf openbaar heeft gemaakt (AVG art. 9 lid 2 sub e).")]
    MadePublic,
    /// Art. 9(2)(f).
    #[schemars(description = "Rechtsvordering instellen, uitoefenen of onderbouwen (AVG art. 9 lid 2 sub f).")]
    LegalClaims,
    /// Art. 9(2)(g).
    #[schemars(description = "Zwaarwegend algemeen belang op grond van een wet (AVG art. 9 lid 2 sub g).")]
    SubstantialPublicInterest,
    /// Art. 9(2)(h): care with professional secrecy (UAVG art. 30 lid 3).
    #[schemars(
        description = "Gezondheidszorg en sociale diensten, door beroepskrachten met geheimhoudingsplicht (AVG art. 9 lid 2 sub h; UAVG art. 30 lid 3)."
    )]
    HealthCare,
    /// Art. 9(2)(i).
    #[schemars(description = "Algemeen belang op het gebied van de volksgezondheid (AVG art. 9 lid 2 sub i).")]
    PublicHealth,
    /// Art. 9(2)(j).
    #[schemars(
        description = "Archivering, wetenschappelijk of historisch onderzoek of statistiek (AVG art. 9 lid 2 sub j)."
    )]
    ArchivingResearch,
}

impl SpecialCategoryCondition {
    /// The letter of art. 9 lid 2 ("a" … "j").
    pub fn letter(self) -> char {
        match self {
            SpecialCategoryCondition::ExplicitConsent => 'a',
            SpecialCategoryCondition::EmploymentSocialSecurity => 'b',
            SpecialCategoryCondition::VitalInterests => 'c',
            SpecialCategoryCondition::NonProfitBody => 'd',
            SpecialCategoryCondition::MadePublic => 'e',
            SpecialCategoryCondition::LegalClaims => 'f',
            SpecialCategoryCondition::SubstantialPublicInterest => 'g',
            SpecialCategoryCondition::HealthCare => 'h',
            SpecialCategoryCondition::PublicHealth => 'i',
            SpecialCategoryCondition::ArchivingResearch => 'j',
        }
    }
}

/// What kind of personal data a category holds, as the law distinguishes them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DataKind {
    /// DPV: `dpv:PersonalData`.
    #[default]
    #[schemars(description = "Gewone persoonsgegevens (naam, adres, contactgegevens …).")]
    Regular,
    /// AVG art. 9. DPV: `dpv:SpecialCategoryPersonalData`. Needs `special`.
    #[schemars(description = "Bijzondere persoonsgegevens (AVG art. 9). Vul ook `special` in.")]
    Special,
    /// AVG art. 10, UAVG art. 31–33. DPV: `pd:Criminal`.
    #[schemars(description = "Strafrechtelijke gegevens (AVG art. 10; UAVG art. 31–33).")]
    Criminal,
    /// UAVG art. 46: the citizen service number (BSN). DPV: `pd:NationalIdentificationNumber`.
    #[schemars(
        description = "Burgerservicenummer (BSN) of ander wettelijk identificatienummer (UAVG art. 46). Noem de wet in `statute`."
    )]
    NationalId,
}

/// The art. 9 lid 1 special category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCategory {
    /// DPV: `pd:HealthRecord` / `pd:Health`.
    #[schemars(description = "Gezondheid.")]
    Health,
    /// DPV: `pd:Genetic`.
    #[schemars(description = "Genetische gegevens.")]
    Genetic,
    /// DPV: `pd:Biometric` (for unique identification).
    #[schemars(description = "Biometrische gegevens om iemand uniek te identificeren.")]
    Biometric,
    /// DPV: `pd:Racial` / `pd:EthnicOrigin`.
    #[schemars(description = "Ras of etnische afkomst.")]
    RacialEthnicOrigin,
    /// DPV: `pd:PoliticalOpinion`.
    #[schemars(description = "Politieke opvattingen.")]
    PoliticalOpinions,
    /// DPV: `pd:Religion` / `pd:PhilosophicalBelief`.
    #[schemars(description = "Godsdienst of levensovertuiging.")]
    ReligiousBeliefs,
    /// DPV: `pd:TradeUnionMembership`.
    #[schemars(description = "Lidmaatschap van een vakbond.")]
    TradeUnion,
    /// DPV: `pd:SexualOrientation` / `pd:SexualLife`.
    #[schemars(description = "Seksueel gedrag of seksuele gerichtheid.")]
    SexLife,
}

/// Whether the data subject must provide the data (AVG art. 13 lid 2 sub e).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionRequirement {
    /// DPV: `dpv:RequiredByLaw` (hence "statutory").
    #[schemars(description = "Wettelijk verplicht.")]
    Statutory,
    /// Needed to perform the contract.
    #[schemars(description = "Nodig voor de uitvoering van de overeenkomst.")]
    Contractual,
    /// A precondition for entering into a contract.
    #[schemars(description = "Voorwaarde om een overeenkomst te sluiten.")]
    Precondition,
    /// DPV: `dpv:OptionalConsent`-like: voluntary.
    #[schemars(description = "Vrijwillig: wie de gegevens niet geeft, merkt daar alleen het genoemde gevolg van.")]
    Voluntary,
}

/// The role a recipient plays (AVG art. 4 sub 7–10, art. 26, art. 28).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecipientRole {
    /// Independent controller. DPV: `dpv:DataController` (as `dpv:ThirdParty` recipient).
    #[schemars(description = "Zelfstandige verwerkingsverantwoordelijke (bijvoorbeeld zorgverzekeraar, huisarts).")]
    Controller,
    /// AVG art. 26. DPV: `dpv:JointDataControllers`.
    #[schemars(description = "Gezamenlijke verwerkingsverantwoordelijke (AVG art. 26). Vul `arrangement` in.")]
    JointController,
    /// AVG art. 28. DPV: `dpv:DataProcessor`.
    #[schemars(description = "Verwerker die in uw opdracht gegevens verwerkt (AVG art. 28). Vul `agreement` in.")]
    Processor,
    /// Public body receiving data under a statute. DPV: `dpv:Authority`.
    #[schemars(
        description = "Overheidsinstantie die gegevens op grond van een wet ontvangt (bijvoorbeeld Belastingdienst, UWV, gemeente)."
    )]
    PublicAuthority,
    /// Own staff: not a recipient in the sense of art. 4 sub 9, listed for access.
    #[schemars(
        description = "Eigen medewerkers of afdelingen (geen ontvanger in de zin van de AVG; alleen voor de toegang)."
    )]
    Internal,
}

/// Mechanism for a transfer outside the EEA (AVG art. 45–49).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransferMechanism {
    /// Art. 45. DPV: `dpv:AdequacyDecision`.
    #[schemars(description = "Adequaatheidsbesluit van de Europese Commissie (AVG art. 45).")]
    Adequacy,
    /// Art. 45: the EU-US Data Privacy Framework (adequacy decision of 10 July 2023).
    #[schemars(
        description = "EU-VS Data Privacy Framework (adequaatheidsbesluit van 10 juli 2023); de ontvanger moet gecertificeerd zijn."
    )]
    AdequacyDpf,
    /// Art. 46 lid 2 sub c. DPV: `dpv:StandardContractualClauses`.
    #[schemars(description = "Standaardcontractbepalingen van de Europese Commissie (AVG art. 46 lid 2 sub c).")]
    StandardContractualClauses,
    /// Art. 46 without saying which safeguard ("passende waarborgen in de zin van de AVG").
    #[schemars(description = "Passende waarborgen (AVG art. 46), zonder te zeggen welke.")]
    AppropriateSafeguards,
    /// Art. 47. DPV: `dpv:BindingCorporateRules`.
    #[schemars(description = "Bindende bedrijfsvoorschriften (AVG art. 47).")]
    BindingCorporateRules,
    /// Art. 49. DPV: `dpv:DataTransferDerogation`-like.
    #[schemars(
        description = "Afwijking voor een specifieke situatie (AVG art. 49), bijvoorbeeld uitdrukkelijke toestemming."
    )]
    Derogation,
    /// Invalidated by CJEU C-311/18 (Schrems II); accepted so the linter can say so.
    #[schemars(description = "EU-VS Privacy Shield. Let op: ongeldig sinds 16 juli 2020 (HvJ EU C-311/18).")]
    PrivacyShield,
    /// Invalidated by CJEU C-362/14 (Schrems I); accepted so the linter can say so.
    #[schemars(description = "Safe Harbor. Let op: ongeldig sinds 6 oktober 2015 (HvJ EU C-362/14).")]
    SafeHarbor,
}

/// A data-subject right (AVG art. 7 lid 3, 15–22, 77).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Right {
    /// Art. 15. DPV: `dpv:A15`.
    #[schemars(description = "Recht op inzage (AVG art. 15).")]
    Access,
    /// Art. 16. DPV: `dpv:A16`.
    #[schemars(description = "Recht op rectificatie (AVG art. 16).")]
    Rectification,
    /// Art. 17. DPV: `dpv:A17`.
    #[schemars(description = "Recht op verwijdering (AVG art. 17).")]
    Erasure,
    /// Art. 18. DPV: `dpv:A18`.
    #[schemars(description = "Recht op beperking van de verwerking (AVG art. 18).")]
    Restriction,
    /// Art. 20. DPV: `dpv:A20`.
    #[schemars(description = "Recht op overdraagbaarheid van gegevens (AVG art. 20).")]
    Portability,
    /// Art. 21. DPV: `dpv:A21`.
    #[schemars(description = "Recht van bezwaar (AVG art. 21).")]
    Objection,
    /// Art. 7 lid 3. DPV: `dpv:A7-3`.
    #[schemars(description = "Recht om toestemming in te trekken (AVG art. 7 lid 3).")]
    WithdrawConsent,
    /// Art. 22. DPV: `dpv:A22`.
    #[schemars(
        description = "Recht om niet te worden onderworpen aan een uitsluitend geautomatiseerd besluit (AVG art. 22)."
    )]
    AutomatedDecision,
    /// Art. 77. DPV: `dpv:A77`.
    #[schemars(description = "Recht om een klacht in te dienen bij de Autoriteit Persoonsgegevens (AVG art. 77).")]
    Complaint,
}

/// Sector: selects the Dutch retention norms and sector rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    #[schemars(description = "Zorg (WGBO, Wlz, Zvw): ziekenhuis, huisarts, praktijk, thuiszorg, verpleeghuis.")]
    Zorg,
    #[schemars(description = "Geestelijke gezondheidszorg.")]
    Ggz,
    #[schemars(description = "Jeugdhulp en jeugdbescherming (Jeugdwet).")]
    Jeugdzorg,
    #[schemars(description = "Welzijn en maatschappelijke ondersteuning (Wmo 2015, maatschappelijk werk).")]
    Welzijn,
    #[schemars(description = "Arbodienstverlening, re-integratie en coaching.")]
    Arbo,
    #[schemars(description = "Onderwijs.")]
    Onderwijs,
    #[schemars(description = "Overheid (gemeente, provincie, rijk, zelfstandig bestuursorgaan).")]
    Overheid,
    #[schemars(description = "Bedrijfsleven.")]
    Bedrijf,
    #[schemars(description = "Overig.")]
    Overig,
}

/// Whether the statement addresses the reader with `u` or `je`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AddressForm {
    #[default]
    #[schemars(description = "Formeel: 'u' en 'uw'.")]
    U,
    #[schemars(description = "Informeel: 'je' en 'jouw'.")]
    Je,
}

/// Cookie category (Telecommunicatiewet art. 11.7a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CookieKind {
    #[schemars(description = "Functioneel: nodig om de website te laten werken; geen toestemming nodig.")]
    Functional,
    #[schemars(
        description = "Analytisch met weinig of geen gevolgen voor de privacy (Tw art. 11.7a lid 3 sub c); geen toestemming nodig."
    )]
    AnalyticsPrivacyFriendly,
    #[schemars(description = "Analytisch, niet privacyvriendelijk ingesteld; toestemming nodig.")]
    Analytics,
    #[schemars(description = "Voorkeuren en personalisatie; toestemming nodig.")]
    Preferences,
    #[schemars(description = "Tracking: volgt surfgedrag over websites heen; toestemming nodig.")]
    Tracking,
    #[schemars(description = "Advertenties; toestemming nodig.")]
    Advertising,
}

impl CookieKind {
    /// Cookies exempt from consent under Tw art. 11.7a lid 3.
    pub fn exempt_from_consent(self) -> bool {
        matches!(self, CookieKind::Functional | CookieKind::AnalyticsPrivacyFriendly)
    }
}

/// Legal basis for an automated decision (AVG art. 22 lid 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AutomatedDecisionBasis {
    #[schemars(description = "Nodig voor een overeenkomst (AVG art. 22 lid 2 sub a).")]
    Contract,
    #[schemars(description = "Toegestaan door een wet (AVG art. 22 lid 2 sub b).")]
    Law,
    #[schemars(description = "Uitdrukkelijke toestemming (AVG art. 22 lid 2 sub c).")]
    ExplicitConsent,
}

/// Supervisory authority named for complaints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    #[schemars(description = "Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).")]
    AutoriteitPersoonsgegevens,
}

/// The standard sections of a statement, in order (docs/legal/rules-catalogue.md §5). Custom sections are
/// placed after one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    #[schemars(description = "Wie zijn wij?")]
    Identity,
    #[schemars(description = "Functionaris gegevensbescherming")]
    Dpo,
    #[schemars(description = "Over wie gaat deze privacyverklaring?")]
    Scope,
    #[schemars(description = "Welke gegevens verwerken wij?")]
    Data,
    #[schemars(description = "Waar komen uw gegevens vandaan?")]
    Sources,
    #[schemars(description = "Waarvoor gebruiken wij uw gegevens?")]
    Purposes,
    #[schemars(description = "Moet u uw gegevens aan ons geven?")]
    Provision,
    #[schemars(description = "Met wie delen wij uw gegevens?")]
    Recipients,
    #[schemars(description = "Gegevens buiten de EER")]
    Transfers,
    #[schemars(description = "Hoe lang bewaren wij uw gegevens?")]
    Retention,
    #[schemars(description = "Geautomatiseerde besluiten en profilering")]
    AutomatedDecisions,
    #[schemars(description = "Cookies")]
    Cookies,
    #[schemars(description = "Hoe beveiligen wij uw gegevens?")]
    Security,
    #[schemars(description = "Uw rechten")]
    Rights,
    #[schemars(description = "Uw recht van bezwaar")]
    Objection,
    #[schemars(description = "Hoe dient u een verzoek in?")]
    Requests,
    #[schemars(description = "Klachten")]
    Complaints,
    #[schemars(description = "Wijzigingen en versie")]
    Changes,
}

/// Lint severity, as configured in the `lint:` block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    #[schemars(description = "Ter informatie; laat de controle niet falen.")]
    Info,
    #[schemars(description = "Waarschuwing; laat de controle alleen falen met `--deny warnings`.")]
    Warning,
    #[schemars(description = "Fout; de controle faalt.")]
    Error,
    #[schemars(description = "Regel uitgeschakeld.")]
    Off,
}
