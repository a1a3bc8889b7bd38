//! The sentence catalogue (`catalogue/nl.yaml`): the only place where standard Dutch wording
//! of the statement lives. Keys are typed ([`Key`]): a sentence the code asks for and the
//! catalogue lacks is caught by `every_key_exists_in_both_forms`, and a sentence the catalogue
//! holds but no code uses by `no_unused_keys`. Look-ups take the address form, so one call
//! gives the `u` or the `je` sentence.

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
    countries: HashMap<String, String>,
}

fn data() -> &'static Data {
    static DATA_CELL: OnceLock<Data> = OnceLock::new();
    // Embedded at build time and parsed by `tests::every_key_exists_in_both_forms`: a failure
    // is a build defect, never input-dependent.
    DATA_CELL.get_or_init(|| serde_saphyr::from_str(DATA).expect("catalogue/nl.yaml parses"))
}

macro_rules! keys {
    ($($variant:ident = $name:literal,)*) => {
        /// A sentence of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($variant,)* }

        impl Key {
            /// Every key, for the completeness tests.
            pub const ALL: &'static [Key] = &[$(Key::$variant,)*];

            /// The key's name in `catalogue/nl.yaml`.
            pub fn name(self) -> &'static str {
                match self { $(Key::$variant => $name,)* }
            }

            /// The variant's name in the code (`ListAnd`), for the unused-key test.
            pub fn ident(self) -> &'static str {
                match self { $(Key::$variant => stringify!($variant),)* }
            }
        }
    };
}

keys! {
    TitleDefault = "title.default",
    DraftLabel = "draft.label",
    DraftNotice = "draft.notice",
    VersionBoth = "version.both",
    VersionOnly = "version.only",
    VersionDate = "version.date",
    VersionLabel = "version.label",
    Silent = "silent",
    NotStated = "not_stated",
    OtherPurposesNotStated = "other_purposes_not_stated",
    Law = "law",
    SilentNoContact = "silent.no_contact",
    SummaryWho = "summary.who",
    SummaryWhat = "summary.what",
    SummaryWhy = "summary.why",
    SummaryHowLong = "summary.how_long",
    SummaryRights = "summary.rights",
    SummaryContact = "summary.contact",
    SummaryMorePurposes = "summary.more_purposes",
    SummaryMoreCategories = "summary.more_categories",
    SummaryRetentionItem = "summary.retention_item",
    SummaryRetentionMore = "summary.retention_more",
    SummaryRightsSentence = "summary.rights_sentence",
    SummaryComplaint = "summary.complaint",
    IdentityIntro = "identity.intro",
    IdentityName = "identity.name",
    IdentityLegalName = "identity.legal_name",
    IdentityAddress = "identity.address",
    IdentityPostalAddress = "identity.postal_address",
    IdentityEmail = "identity.email",
    IdentityPhone = "identity.phone",
    IdentityWebsite = "identity.website",
    IdentityWebForm = "identity.web_form",
    IdentityKvk = "identity.kvk",
    IdentityBtw = "identity.btw",
    IdentityIban = "identity.iban",
    IdentityLocations = "identity.locations",
    IdentityRepresentative = "identity.representative",
    IdentityOutsideEu = "identity.outside_eu",
    IdentityPublicAuthority = "identity.public_authority",
    DpoAppointed = "dpo.appointed",
    DpoContact = "dpo.contact",
    DpoPrivacyContact = "dpo.privacy_contact",
    DpoNotAppointedPlain = "dpo.not_appointed_plain",
    DpoLargeScaleSpecial = "dpo.large_scale_special",
    DpoLargeScaleMonitoring = "dpo.large_scale_monitoring",
    ScopeIntro = "scope.intro",
    ScopeMinors = "scope.minors",
    ScopeEmployees = "scope.employees",
    ScopeWebsites = "scope.websites",
    ScopeWebsite = "scope.website",
    ScopeNoWebsite = "scope.no_website",
    ScopeServices = "scope.services",
    ScopeExcluded = "scope.excluded",
    DataIntro = "data.intro",
    DataCaption = "data.caption",
    DataColName = "data.col.name",
    DataColDescription = "data.col.description",
    DataKindSpecial = "data.kind.special",
    DataKindSpecialUnknown = "data.kind.special_unknown",
    DataKindCriminal = "data.kind.criminal",
    DataListedAsSpecial = "data.listed_as_special",
    DataSpecialHealth = "data.special.health",
    DataSpecialGenetic = "data.special.genetic",
    DataSpecialBiometric = "data.special.biometric",
    DataSpecialRacialEthnicOrigin = "data.special.racial_ethnic_origin",
    DataSpecialPoliticalOpinions = "data.special.political_opinions",
    DataSpecialReligiousBeliefs = "data.special.religious_beliefs",
    DataSpecialTradeUnion = "data.special.trade_union",
    DataSpecialSexLife = "data.special.sex_life",
    DataSpecialNote = "data.special_note",
    DataBsnNote = "data.bsn_note",
    DataCriminalNote = "data.criminal_note",
    SourcesSelfAndOthers = "sources.self_and_others",
    SourcesSelfOnly = "sources.self_only",
    SourcesOthers = "sources.others",
    SourcesPublic = "sources.public",
    PurposesIntro = "purposes.intro",
    PurposesNumbered = "purposes.numbered",
    PurposesBasisMissing = "purposes.basis_missing",
    PurposesStatementBases = "purposes.statement_bases",
    PurposeBasis = "purpose.basis",
    PurposeStatute = "purpose.statute",
    PurposeLegitimateInterest = "purpose.legitimate_interest",
    PurposeSpecial = "purpose.special",
    PurposeCriminal = "purpose.criminal",
    PurposeData = "purpose.data",
    PurposeSubjects = "purpose.subjects",
    PurposeSources = "purpose.sources",
    PurposeRecipients = "purpose.recipients",
    PurposeGuardian = "purpose.guardian",
    PurposeMarketing = "purpose.marketing",
    PurposeMarketingText = "purpose.marketing.text",
    PurposePaper = "purpose.paper",
    PurposeHow = "purpose.how",
    PurposeSourceSelf = "purpose.source.self",
    BasisConsent = "basis.consent",
    BasisContract = "basis.contract",
    BasisLegalObligation = "basis.legal_obligation",
    BasisVitalInterests = "basis.vital_interests",
    BasisPublicTask = "basis.public_task",
    BasisLegitimateInterests = "basis.legitimate_interests",
    ConditionExplicitConsent = "condition.explicit_consent",
    ConditionEmploymentSocialSecurity = "condition.employment_social_security",
    ConditionVitalInterests = "condition.vital_interests",
    ConditionNonProfitBody = "condition.non_profit_body",
    ConditionMadePublic = "condition.made_public",
    ConditionLegalClaims = "condition.legal_claims",
    ConditionSubstantialPublicInterest = "condition.substantial_public_interest",
    ConditionHealthCare = "condition.health_care",
    ConditionPublicHealth = "condition.public_health",
    ConditionArchivingResearch = "condition.archiving_research",
    ProvisionIntro = "provision.intro",
    ProvisionCaption = "provision.caption",
    ProvisionColPurpose = "provision.col.purpose",
    ProvisionColRequired = "provision.col.required",
    ProvisionStatutory = "provision.statutory",
    ProvisionContractual = "provision.contractual",
    ProvisionPrecondition = "provision.precondition",
    ProvisionVoluntary = "provision.voluntary",
    RecipientsIntro = "recipients.intro",
    RecipientsNone = "recipients.none",
    RecipientsCaption = "recipients.caption",
    RecipientsColName = "recipients.col.name",
    RecipientsColWhy = "recipients.col.why",
    RoleController = "role.controller",
    RoleJointController = "role.joint_controller",
    RoleProcessor = "role.processor",
    RolePublicAuthority = "role.public_authority",
    RoleInternal = "role.internal",
    RecipientsCountry = "recipients.country",
    RecipientsAgreementYes = "recipients.agreement.yes",
    RecipientsAgreementNo = "recipients.agreement.no",
    RecipientsProcessors = "recipients.processors",
    RecipientsArrangement = "recipients.arrangement",
    RecipientsConsentOnly = "recipients.consent_only",
    TransfersNone = "transfers.none",
    TransfersIntro = "transfers.intro",
    TransfersCaption = "transfers.caption",
    TransfersColCountries = "transfers.col.countries",
    TransfersColRecipient = "transfers.col.recipient",
    TransfersColMechanism = "transfers.col.mechanism",
    TransfersPossible = "transfers.possible",
    TransfersCopy = "transfers.copy",
    TransfersCountriesUnknown = "transfers.countries.unknown",
    TransfersMechanismUnknown = "transfers.mechanism.unknown",
    TransfersMechanismOneOf = "transfers.mechanism.one_of",
    MechanismAdequacy = "mechanism.adequacy",
    MechanismAdequacyDpf = "mechanism.adequacy_dpf",
    MechanismStandardContractualClauses = "mechanism.standard_contractual_clauses",
    MechanismBindingCorporateRules = "mechanism.binding_corporate_rules",
    MechanismAppropriateSafeguards = "mechanism.appropriate_safeguards",
    MechanismDerogation = "mechanism.derogation",
    MechanismPrivacyShield = "mechanism.privacy_shield",
    MechanismSafeHarbor = "mechanism.safe_harbor",
    RetentionIntro = "retention.intro",
    RetentionCaption = "retention.caption",
    RetentionColRecords = "retention.col.records",
    RetentionColPeriod = "retention.col.period",
    RetentionPeriod = "retention.period",
    RetentionPeriodStart = "retention.period_start",
    RetentionMaximum = "retention.maximum",
    RetentionMaximumStart = "retention.maximum_start",
    RetentionStartOnly = "retention.start_only",
    RetentionDeletion = "retention.deletion",
    RetentionUnknown = "retention.unknown",
    AdmNone = "adm.none",
    AdmProfilingNone = "adm.profiling_none",
    AdmLogic = "adm.logic",
    AdmSignificance = "adm.significance",
    AdmConsequences = "adm.consequences",
    AdmSafeguards = "adm.safeguards",
    AdmBasis = "adm.basis",
    AdmBasisContract = "adm.basis.contract",
    AdmBasisLaw = "adm.basis.law",
    AdmBasisExplicitConsent = "adm.basis.explicit_consent",
    AdmRights = "adm.rights",
    AdmProfiling = "adm.profiling",
    CookiesCaption = "cookies.caption",
    CookiesColName = "cookies.col.name",
    CookiesColWhat = "cookies.col.what",
    CookiesColRetention = "cookies.col.retention",
    CookiesColConsent = "cookies.col.consent",
    CookiesProvider = "cookies.provider",
    CookieKindFunctional = "cookie.kind.functional",
    CookieKindAnalyticsPrivacyFriendly = "cookie.kind.analytics_privacy_friendly",
    CookieKindAnalytics = "cookie.kind.analytics",
    CookieKindPreferences = "cookie.kind.preferences",
    CookieKindTracking = "cookie.kind.tracking",
    CookieKindAdvertising = "cookie.kind.advertising",
    CookiesConsentYes = "cookies.consent.yes",
    CookiesConsentNo = "cookies.consent.no",
    CookiesConsentRule = "cookies.consent_rule",
    CookiesFunctionalOnly = "cookies.functional_only",
    CookiesBeforeConsent = "cookies.before_consent",
    SecurityIntro = "security.intro",
    SecurityBreach = "security.breach",
    RightsIntro = "rights.intro",
    RightsAppliesTo = "rights.applies_to",
    RightsAppliesToAll = "rights.applies_to_all",
    RightsStatementBases = "rights.statement_bases",
    RightsUnknownBases = "rights.unknown_bases",
    RightAccessTitle = "right.access.title",
    RightAccessText = "right.access.text",
    RightAccessWgbo = "right.access.wgbo",
    RightRectificationTitle = "right.rectification.title",
    RightRectificationText = "right.rectification.text",
    RightRectificationWgbo = "right.rectification.wgbo",
    RightErasureTitle = "right.erasure.title",
    RightErasureText = "right.erasure.text",
    RightErasureLimited = "right.erasure.limited",
    RightErasureWgbo = "right.erasure.wgbo",
    RightRestrictionTitle = "right.restriction.title",
    RightRestrictionText = "right.restriction.text",
    RightPortabilityTitle = "right.portability.title",
    RightPortabilityText = "right.portability.text",
    RightObjectionTitle = "right.objection.title",
    RightObjectionText = "right.objection.text",
    RightWithdrawConsentTitle = "right.withdraw_consent.title",
    RightWithdrawConsentText = "right.withdraw_consent.text",
    RightAutomatedDecisionTitle = "right.automated_decision.title",
    RightAutomatedDecisionText = "right.automated_decision.text",
    RightComplaintTitle = "right.complaint.title",
    RightComplaintText = "right.complaint.text",
    RightsRestrictions = "rights.restrictions",
    RightNameAccess = "right.name.access",
    RightNameRectification = "right.name.rectification",
    RightNameErasure = "right.name.erasure",
    RightNameRestriction = "right.name.restriction",
    RightNamePortability = "right.name.portability",
    RightNameObjection = "right.name.objection",
    RightNameWithdrawConsent = "right.name.withdraw_consent",
    RightNameAutomatedDecision = "right.name.automated_decision",
    RightNameComplaint = "right.name.complaint",
    ObjectionGeneral = "objection.general",
    ObjectionStatementBases = "objection.statement_bases",
    ObjectionMarketing = "objection.marketing",
    ObjectionNotApplicable = "objection.not_applicable",
    RequestsIntro = "requests.intro",
    RequestsEmail = "requests.email",
    RequestsForm = "requests.form",
    RequestsPhone = "requests.phone",
    RequestsAddress = "requests.address",
    RequestsWrittenOnly = "requests.written_only",
    RequestsResponseTime = "requests.response_time",
    RequestsExtension = "requests.extension",
    RequestsTerm = "requests.term",
    RequestsOtherTerm = "requests.other_term",
    RequestsOtherTermPlain = "requests.other_term_plain",
    RequestsFree = "requests.free",
    RequestsFee = "requests.fee",
    RequestsIdentification = "requests.identification",
    ComplaintsInternalLink = "complaints.internal_link",
    ComplaintsAp = "complaints.ap",
    ComplaintsApLink = "complaints.ap_link",
    ComplaintsApSee = "complaints.ap_see",
    ChangesUrl = "changes.url",
    ChangesHistory = "changes.history",
    ChangesItem = "changes.item",
    ChangesItemVersion = "changes.item_version",
    Months = "months",
    UnitYear = "unit.year",
    UnitMonth = "unit.month",
    UnitWeek = "unit.week",
    UnitDay = "unit.day",
    UnitHour = "unit.hour",
    UnitMinute = "unit.minute",
    UnitSecond = "unit.second",
    ListAnd = "list.and",
    ListOr = "list.or",
}

/// The words that address the reader in each form. A sentence in one form may hold none of
/// the other form's words; a sentence for both forms holds none at all.
pub const U_WORDS: &[&str] = &["u", "uw", "uzelf"];
pub const JE_WORDS: &[&str] = &["je", "jij", "jou", "jouw", "jezelf", "jullie"];

/// A catalogue bound to one address form.
#[derive(Debug, Clone, Copy)]
pub struct Catalogue {
    form: AddressForm,
}

impl Catalogue {
    pub fn new(form: AddressForm) -> Catalogue {
        Catalogue { form }
    }

    pub fn form(&self) -> AddressForm {
        self.form
    }

    fn pick<'a>(&self, text: &'a Text) -> &'a str {
        match (text, self.form) {
            (Text::Plain(s), _) => s,
            (Text::Form { u, .. }, AddressForm::U) => u,
            (Text::Form { je, .. }, AddressForm::Je) => je,
            (Text::Plural { one, .. }, _) => one,
        }
    }

    /// The sentence `key` with `{name}` placeholders filled in. Every key exists (tested), so
    /// the empty fallback never reaches a statement.
    pub fn get(&self, key: Key, args: &[(&str, &str)]) -> String {
        let Some(text) = data().sentences.get(key.name()) else {
            return String::new();
        };
        let mut out = self.pick(text).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// A sentence without placeholders.
    pub fn s(&self, key: Key) -> String {
        self.get(key, &[])
    }

    /// A count with its unit word ("1 maand", "6 maanden").
    pub fn unit(&self, key: Key, n: u32) -> String {
        match data().sentences.get(key.name()) {
            Some(Text::Plural { one, many }) => format!("{n} {}", if n == 1 { one } else { many }),
            Some(other) => format!("{n} {}", self.pick(other)),
            None => n.to_string(),
        }
    }

    /// A duration in Dutch words ("1 jaar en 6 maanden"): what a person reads, never `P1Y6M`.
    pub fn duration(&self, d: &Duration) -> String {
        let mut parts = Vec::new();
        for (n, key) in [
            (d.years, Key::UnitYear),
            (d.months, Key::UnitMonth),
            (d.weeks, Key::UnitWeek),
            (d.days, Key::UnitDay),
            (d.hours, Key::UnitHour),
            (d.minutes, Key::UnitMinute),
            (d.seconds, Key::UnitSecond),
        ] {
            if n > 0 {
                parts.push(self.unit(key, n));
            }
        }
        match parts.as_slice() {
            [] => self.unit(Key::UnitDay, 0),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.s(Key::ListAnd)),
        }
    }

    /// A date in Dutch words ("1 maart 2025").
    pub fn date(&self, d: Date) -> String {
        let months = self.s(Key::Months);
        let month = months
            .split(' ')
            .nth(usize::from(d.month).saturating_sub(1))
            .unwrap_or("");
        format!("{} {month} {}", d.day, d.year)
    }

    /// Anchor and title of a standard section.
    pub fn section(&self, key: SectionKey) -> (String, String) {
        self.section_named(Catalogue::section_key(key))
    }

    /// Anchor and title of "In het kort".
    pub fn summary_section(&self) -> (String, String) {
        self.section_named("summary")
    }

    fn section_named(&self, name: &str) -> (String, String) {
        match data().sections.get(name) {
            Some(s) => (s.anchor.clone(), self.pick(&s.title).to_string()),
            None => (name.to_string(), String::new()),
        }
    }

    /// The Dutch name of an ISO 3166 country code ("US" → "de Verenigde Staten"); an unknown
    /// code is shown as written.
    pub fn country(&self, code: &str) -> String {
        let upper = code.trim().to_ascii_uppercase();
        data()
            .countries
            .get(&upper)
            .cloned()
            .unwrap_or_else(|| code.trim().to_string())
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

/// The words of a text, lower case (for the address-form checks).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Every text of the catalogue with its key and form, for tests and tools.
pub fn all_texts() -> Vec<(String, Option<AddressForm>, String)> {
    let d = data();
    let mut out = Vec::new();
    let mut push = |key: &str, text: &Text| match text {
        Text::Plain(s) => out.push((key.to_string(), None, s.clone())),
        Text::Form { u, je } => {
            out.push((key.to_string(), Some(AddressForm::U), u.clone()));
            out.push((key.to_string(), Some(AddressForm::Je), je.clone()));
        }
        Text::Plural { one, many } => {
            out.push((key.to_string(), None, one.clone()));
            out.push((key.to_string(), None, many.clone()));
        }
    };
    for (k, t) in &d.sentences {
        push(k, t);
    }
    for (k, s) in &d.sections {
        push(&format!("sections.{k}"), &s.title);
    }
    out.sort_by(|a, b| (&a.0, &a.2).cmp(&(&b.0, &b.2)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_exists_in_both_forms() {
        for key in Key::ALL {
            assert!(
                data().sentences.contains_key(key.name()),
                "{} is not in nl.yaml",
                key.name()
            );
            for form in [AddressForm::U, AddressForm::Je] {
                let c = Catalogue::new(form);
                assert!(!c.s(*key).trim().is_empty(), "{} is empty", key.name());
            }
        }
        for key in crate::document::STANDARD_SECTIONS {
            for form in [AddressForm::U, AddressForm::Je] {
                let (anchor, title) = Catalogue::new(form).section(key);
                assert!(!anchor.is_empty() && !title.is_empty(), "{key:?}");
            }
        }
        assert!(!Catalogue::new(AddressForm::U).summary_section().1.is_empty());
    }

    #[test]
    fn no_unused_keys() {
        for name in data().sentences.keys() {
            assert!(
                Key::ALL.iter().any(|k| k.name() == name),
                "nl.yaml has `{name}`, which no code uses: remove it or use it"
            );
        }
        assert_eq!(data().sections.len(), 19, "18 standard sections and the summary");
    }

    #[test]
    fn each_form_has_only_its_own_words() {
        for (key, form, text) in all_texts() {
            let forbidden: Vec<&str> = match form {
                None => U_WORDS.iter().chain(JE_WORDS).copied().collect(),
                Some(AddressForm::U) => JE_WORDS.to_vec(),
                Some(AddressForm::Je) => U_WORDS.to_vec(),
            };
            for w in words(&text) {
                assert!(!forbidden.contains(&w.as_str()), "{key} ({form:?}): `{w}` in {text:?}");
            }
        }
    }

    #[test]
    fn units_and_countries() {
        let c = Catalogue::new(AddressForm::Je);
        assert_eq!(c.unit(Key::UnitMonth, 6), "6 maanden");
        assert_eq!(c.unit(Key::UnitYear, 1), "1 jaar");
        assert_eq!(c.country("us"), "de Verenigde Staten");
        assert_eq!(c.country("XX"), "XX");
        assert_eq!(c.section(SectionKey::Sources).1, "Van wie krijgen wij jouw gegevens?");
    }
}
