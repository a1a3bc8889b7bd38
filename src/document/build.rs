//! Model → statement. Every section of the standard order is always present, in the same
//! words (from the catalogue). Two rules keep the statement faithful to the file:
//!
//! - **Nothing invented.** A sentence that states a fact about the organisation is printed
//!   only when the model states it. Where the model is silent, the section says so once, and
//!   tells the reader whom to ask ([`Builder::silent`]); lint reports the silence.
//! - **Nothing dropped.** Every value of the file is shown, in the user's own words where the
//!   file has them; the catalogue only fills the gaps. Every block records the model paths it
//!   shows ([`Block::paths`]); `tests/fidelity.rs` proves the two rules on every organisation.

use std::collections::BTreeMap;

use super::catalogue::{Catalogue, Key};
use super::markdown::{safe_href, to_blocks, to_inline};
use super::model::{Block, BlockKind, Definition, Inline, NoticeKind, Section, Statement, Table};
use crate::diagnostics::SeverityLevel;
use crate::lint::Finding;
use crate::model::load::Loaded;
use crate::model::organisation::Address;
use crate::model::processing::SOURCE_SELF;
use crate::model::time::{Date, Duration};
use crate::model::vocab::{
    AddressForm, AutomatedDecisionBasis, CookieKind, DataKind, LegalBasis, ProvisionRequirement, RecipientRole, Right,
    SectionKey, SpecialCategory, SpecialCategoryCondition, TransferMechanism,
};
use crate::model::{Organisation, Purpose, Retention, derived_rights};

/// Builds the statement of one loaded organisation. `findings` decide the draft banner.
pub fn build(loaded: &Loaded, findings: &[Finding]) -> Statement {
    let slug = crate::source::slug_of(&loaded.file.path);
    let errors = findings
        .iter()
        .filter(|f| f.severity == SeverityLevel::Error && f.suppressed.is_none())
        .count();
    build_statement(&loaded.org, slug, errors)
}

/// Builds a statement from a model directly (`errors` = unsuppressed error findings).
pub fn build_statement(org: &Organisation, slug: String, errors: usize) -> Statement {
    let b = Builder {
        org,
        c: Catalogue::new(org.statement.address_form),
    };
    let organisation = org.organisation.name.clone();
    let title = org
        .statement
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| b.c.get(Key::TitleDefault, &[("organisation", &organisation)]));
    let mut sections = Vec::new();
    for key in STANDARD_SECTIONS {
        // A section with nothing to say is left out (only recommended sections can be empty:
        // the required ones say at least that the file is silent).
        let section = b.section(key);
        if !section.blocks.is_empty() || !section.subsections.is_empty() {
            sections.push(section);
        }
        for (i, custom) in org.custom_sections.iter().enumerate().filter(|(_, s)| s.after == key) {
            let at = format!("/custom_sections/{i}");
            sections.push(Section {
                anchor: anchor_of(&custom.title),
                title: custom.title.clone(),
                key: "custom".into(),
                blocks: from_path(to_blocks(&custom.body), &format!("{at}/body")),
                subsections: Vec::new(),
            });
        }
    }
    dedupe_anchors(&mut sections);
    Statement {
        lang: "nl",
        slug,
        title,
        organisation,
        address_form: match org.statement.address_form {
            AddressForm::U => "u",
            AddressForm::Je => "je",
        },
        version_line: b.version_line(),
        effective_date: org.statement.effective_date.map(|d| d.to_string()),
        draft: errors > 0,
        draft_label: b.c.s(Key::DraftLabel),
        draft_notice: (errors > 0).then(|| b.c.get(Key::DraftNotice, &[("errors", &errors.to_string())])),
        summary: b.summary(),
        sections,
    }
}

/// The standard sections in their fixed order.
pub const STANDARD_SECTIONS: [SectionKey; 18] = [
    SectionKey::Identity,
    SectionKey::Dpo,
    SectionKey::Scope,
    SectionKey::Data,
    SectionKey::Sources,
    SectionKey::Purposes,
    SectionKey::Provision,
    SectionKey::Recipients,
    SectionKey::Transfers,
    SectionKey::Retention,
    SectionKey::AutomatedDecisions,
    SectionKey::Cookies,
    SectionKey::Security,
    SectionKey::Rights,
    SectionKey::Objection,
    SectionKey::Requests,
    SectionKey::Complaints,
    SectionKey::Changes,
];

/// A purpose description longer than this is not used as a heading or in "In het kort":
/// it would never read as a title. Lint asks for a `label` then.
pub const SHORT_DESCRIPTION_WORDS: usize = 8;

/// A stable Dutch anchor from a title: lower case, ASCII letters and digits, hyphens.
pub fn anchor_of(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-').to_string();
    if trimmed.is_empty() { "sectie".into() } else { trimmed }
}

/// Custom sections may repeat a title or collide with a standard anchor: number repeats.
fn dedupe_anchors(sections: &mut [Section]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    seen.insert("in-het-kort".into(), 1);
    for s in sections.iter_mut() {
        let n = seen.entry(s.anchor.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            s.anchor = format!("{}-{}", s.anchor, n);
        }
    }
}

struct Builder<'a> {
    org: &'a Organisation,
    c: Catalogue,
}

fn text(s: impl Into<String>) -> Vec<Inline> {
    vec![Inline::text(s)]
}

fn def(term: String, description: Vec<Inline>) -> Definition {
    Definition { term, description }
}

/// Joins sentences (or inline runs) with a space.
fn sentences(parts: Vec<Vec<Inline>>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(Inline::text(" "));
        }
        out.extend(part);
    }
    out
}

/// A list line: a name, then the sentences about it ("patiënten. Ook kinderen …").
fn name_then(mut parts: Vec<Vec<Inline>>) -> Vec<Inline> {
    if parts.is_empty() {
        return Vec::new();
    }
    let mut line = parts.remove(0);
    if !parts.is_empty() {
        line.push(Inline::text(". "));
        line.extend(sentences(parts));
    }
    line
}

/// Free text as inline content that ends like a sentence.
fn sentence_of(value: &str) -> Vec<Inline> {
    let trimmed = value.trim();
    let mut out = to_inline(trimmed);
    if !trimmed.ends_with(['.', '!', '?', ':', ')']) && !out.is_empty() {
        out.push(Inline::text("."));
    }
    out
}

fn from_path(blocks: Vec<Block>, path: &str) -> Vec<Block> {
    blocks.into_iter().map(|b| b.from(path)).collect()
}

fn paragraph(content: Vec<Inline>) -> Block {
    Block::new(BlockKind::Paragraph { content })
}

fn definitions(items: Vec<Definition>) -> Block {
    Block::new(BlockKind::Definitions { items })
}

fn list(items: Vec<Vec<Inline>>) -> Block {
    Block::new(BlockKind::List { ordered: false, items })
}

fn link_or_text(value: &str, href: String) -> Vec<Inline> {
    if safe_href(&href) {
        vec![Inline::link(href, value)]
    } else {
        text(value)
    }
}

fn web_href(value: &str) -> String {
    let v = value.trim();
    if v.starts_with("http://") || v.starts_with("https://") {
        v.to_string()
    } else {
        format!("https://{v}")
    }
}

fn mail(value: &str) -> Vec<Inline> {
    link_or_text(value, format!("mailto:{}", value.trim()))
}

fn web(value: &str) -> Vec<Inline> {
    link_or_text(value, web_href(value))
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// "Uw behandeling" → "uw behandeling" inside a sentence; acronyms ("BSN …") stay.
fn lower_first(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    let acronym = first_word.chars().count() > 1 && first_word.chars().all(|c| !c.is_lowercase());
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if !acronym => first.to_lowercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

fn basis_key(b: LegalBasis) -> Key {
    match b {
        LegalBasis::Consent => Key::BasisConsent,
        LegalBasis::Contract => Key::BasisContract,
        LegalBasis::LegalObligation => Key::BasisLegalObligation,
        LegalBasis::VitalInterests => Key::BasisVitalInterests,
        LegalBasis::PublicTask => Key::BasisPublicTask,
        LegalBasis::LegitimateInterests => Key::BasisLegitimateInterests,
    }
}

fn condition_key(c: SpecialCategoryCondition) -> Key {
    match c {
        SpecialCategoryCondition::ExplicitConsent => Key::ConditionExplicitConsent,
        SpecialCategoryCondition::EmploymentSocialSecurity => Key::ConditionEmploymentSocialSecurity,
        SpecialCategoryCondition::VitalInterests => Key::ConditionVitalInterests,
        SpecialCategoryCondition::NonProfitBody => Key::ConditionNonProfitBody,
        SpecialCategoryCondition::MadePublic => Key::ConditionMadePublic,
        SpecialCategoryCondition::LegalClaims => Key::ConditionLegalClaims,
        SpecialCategoryCondition::SubstantialPublicInterest => Key::ConditionSubstantialPublicInterest,
        SpecialCategoryCondition::HealthCare => Key::ConditionHealthCare,
        SpecialCategoryCondition::PublicHealth => Key::ConditionPublicHealth,
        SpecialCategoryCondition::ArchivingResearch => Key::ConditionArchivingResearch,
    }
}

fn special_key(s: SpecialCategory) -> Key {
    match s {
        SpecialCategory::Health => Key::DataSpecialHealth,
        SpecialCategory::Genetic => Key::DataSpecialGenetic,
        SpecialCategory::Biometric => Key::DataSpecialBiometric,
        SpecialCategory::RacialEthnicOrigin => Key::DataSpecialRacialEthnicOrigin,
        SpecialCategory::PoliticalOpinions => Key::DataSpecialPoliticalOpinions,
        SpecialCategory::ReligiousBeliefs => Key::DataSpecialReligiousBeliefs,
        SpecialCategory::TradeUnion => Key::DataSpecialTradeUnion,
        SpecialCategory::SexLife => Key::DataSpecialSexLife,
    }
}

fn provision_key(p: ProvisionRequirement) -> Key {
    match p {
        ProvisionRequirement::Statutory => Key::ProvisionStatutory,
        ProvisionRequirement::Contractual => Key::ProvisionContractual,
        ProvisionRequirement::Precondition => Key::ProvisionPrecondition,
        ProvisionRequirement::Voluntary => Key::ProvisionVoluntary,
    }
}

fn role_key(r: RecipientRole) -> Key {
    match r {
        RecipientRole::Controller => Key::RoleController,
        RecipientRole::JointController => Key::RoleJointController,
        RecipientRole::Processor => Key::RoleProcessor,
        RecipientRole::PublicAuthority => Key::RolePublicAuthority,
        RecipientRole::Internal => Key::RoleInternal,
    }
}

fn mechanism_key(m: TransferMechanism) -> Key {
    match m {
        TransferMechanism::Adequacy => Key::MechanismAdequacy,
        TransferMechanism::AdequacyDpf => Key::MechanismAdequacyDpf,
        TransferMechanism::StandardContractualClauses => Key::MechanismStandardContractualClauses,
        TransferMechanism::BindingCorporateRules => Key::MechanismBindingCorporateRules,
        TransferMechanism::AppropriateSafeguards => Key::MechanismAppropriateSafeguards,
        TransferMechanism::Derogation => Key::MechanismDerogation,
        TransferMechanism::PrivacyShield => Key::MechanismPrivacyShield,
        TransferMechanism::SafeHarbor => Key::MechanismSafeHarbor,
    }
}

fn cookie_kind_key(k: CookieKind) -> Key {
    match k {
        CookieKind::Functional => Key::CookieKindFunctional,
        CookieKind::AnalyticsPrivacyFriendly => Key::CookieKindAnalyticsPrivacyFriendly,
        CookieKind::Analytics => Key::CookieKindAnalytics,
        CookieKind::Preferences => Key::CookieKindPreferences,
        CookieKind::Tracking => Key::CookieKindTracking,
        CookieKind::Advertising => Key::CookieKindAdvertising,
    }
}

fn adm_basis_key(b: AutomatedDecisionBasis) -> Key {
    match b {
        AutomatedDecisionBasis::Contract => Key::AdmBasisContract,
        AutomatedDecisionBasis::Law => Key::AdmBasisLaw,
        AutomatedDecisionBasis::ExplicitConsent => Key::AdmBasisExplicitConsent,
    }
}

/// (title, text, short name) of a right.
fn right_keys(r: Right) -> (Key, Key, Key) {
    match r {
        Right::Access => (Key::RightAccessTitle, Key::RightAccessText, Key::RightNameAccess),
        Right::Rectification => (
            Key::RightRectificationTitle,
            Key::RightRectificationText,
            Key::RightNameRectification,
        ),
        Right::Erasure => (Key::RightErasureTitle, Key::RightErasureText, Key::RightNameErasure),
        Right::Restriction => (
            Key::RightRestrictionTitle,
            Key::RightRestrictionText,
            Key::RightNameRestriction,
        ),
        Right::Portability => (
            Key::RightPortabilityTitle,
            Key::RightPortabilityText,
            Key::RightNamePortability,
        ),
        Right::Objection => (
            Key::RightObjectionTitle,
            Key::RightObjectionText,
            Key::RightNameObjection,
        ),
        Right::WithdrawConsent => (
            Key::RightWithdrawConsentTitle,
            Key::RightWithdrawConsentText,
            Key::RightNameWithdrawConsent,
        ),
        Right::AutomatedDecision => (
            Key::RightAutomatedDecisionTitle,
            Key::RightAutomatedDecisionText,
            Key::RightNameAutomatedDecision,
        ),
        Right::Complaint => (
            Key::RightComplaintTitle,
            Key::RightComplaintText,
            Key::RightNameComplaint,
        ),
    }
}

impl Builder<'_> {
    fn s(&self, key: Key) -> String {
        self.c.s(key)
    }

    fn t(&self, key: Key) -> Vec<Inline> {
        text(self.s(key))
    }

    fn date(&self, d: Date) -> String {
        self.c.date(d)
    }

    fn duration(&self, d: &Duration) -> String {
        self.c.duration(d)
    }

    fn join(&self, items: &[String], word: Key) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.s(word)),
        }
    }

    fn join_and(&self, items: &[String]) -> String {
        self.join(items, Key::ListAnd)
    }

    /// A catalogue sentence whose placeholder `name` is inline content (a link), not text.
    fn with_inline(&self, key: Key, name: &str, value: Vec<Inline>) -> Vec<Inline> {
        let sentence = self.c.get(key, &[(name, "\u{0}")]);
        let (before, after) = sentence.split_once('\u{0}').unwrap_or((&sentence, ""));
        let mut out = text(before);
        out.extend(value);
        out.push(Inline::text(after));
        out
    }

    /// The one note per section where the file is silent: it says so and whom to ask.
    /// `path` names what is missing, so the fidelity test can tell silence from invention.
    fn silent(&self, path: &str) -> Block {
        let content = match self.contact_line() {
            Some(contact) => self.with_inline(Key::Silent, "contact", contact),
            None => self.t(Key::SilentNoContact),
        };
        Block::new(BlockKind::Notice {
            kind: NoticeKind::Missing,
            content,
        })
        .from(format!("!{path}"))
    }

    /// How to reach the organisation: the rights channel's e-mail, else the general e-mail,
    /// the phone number or the web form.
    fn contact_line(&self) -> Option<Vec<Inline>> {
        let channel = self.org.rights.as_ref().and_then(|r| r.channel.as_ref());
        let contact = self.org.organisation.contact.as_ref();
        if let Some(e) = channel.and_then(|c| c.email.as_deref()) {
            return Some(mail(e));
        }
        if let Some(e) = contact.and_then(|c| c.email.as_deref()) {
            return Some(mail(e));
        }
        if let Some(p) = contact.and_then(|c| c.phone.as_deref()) {
            return Some(text(p));
        }
        contact.and_then(|c| c.web_form.as_deref()).map(web)
    }

    fn version_line(&self) -> Option<String> {
        let s = &self.org.statement;
        match (&s.version, s.effective_date) {
            (Some(v), Some(d)) => Some(self.c.get(Key::VersionBoth, &[("version", v), ("date", &self.date(d))])),
            (Some(v), None) => Some(self.c.get(Key::VersionOnly, &[("version", v)])),
            (None, Some(d)) => Some(self.c.get(Key::VersionDate, &[("date", &self.date(d))])),
            (None, None) => s
                .version_label
                .as_ref()
                .map(|l| self.c.get(Key::VersionLabel, &[("label", l.trim_end_matches('.'))])),
        }
    }

    fn address_text(&self, a: &Address) -> String {
        let mut parts = Vec::new();
        if let Some(street) = &a.street {
            parts.push(street.clone());
        }
        parts.push(match &a.postcode {
            Some(pc) => format!("{pc} {}", a.city),
            None => a.city.clone(),
        });
        if let Some(country) = &a.country {
            parts.push(self.c.country(country));
        }
        parts.join(", ")
    }

    /// The name of a purpose in a heading, a table or a list: its label, else its
    /// description when that is short. `None` for a long description without a label.
    fn short_name(&self, p: &Purpose) -> Option<String> {
        match &p.label {
            Some(l) if !l.trim().is_empty() => Some(l.trim().to_string()),
            _ if words(&p.description) <= SHORT_DESCRIPTION_WORDS => {
                Some(p.description.trim().trim_end_matches('.').to_string())
            }
            _ => None,
        }
    }

    /// The name of a purpose in a table row: its short name, else the whole description.
    fn row_name(&self, p: &Purpose) -> String {
        self.short_name(p)
            .unwrap_or_else(|| p.description.trim().trim_end_matches('.').to_string())
    }

    /// The name of a purpose in running text: the heading of its subsection, in quotes.
    fn reference(&self, i: usize, p: &Purpose) -> String {
        let name = self
            .short_name(p)
            .unwrap_or_else(|| self.c.get(Key::PurposesNumbered, &[("n", &(i + 1).to_string())]));
        format!("'{name}'")
    }

    /// The paths a purpose's name in a table or list shows.
    fn name_paths(p: &Purpose, i: usize) -> Vec<String> {
        let mut out = vec![format!("/purposes/{i}/description")];
        if p.label.is_some() {
            out.push(format!("/purposes/{i}/label"));
        }
        out
    }

    /// A table with its caption and column headers from the catalogue, and the model paths
    /// its cells show.
    fn table(&self, caption: Key, headers: &[Key], rows: Vec<Vec<Vec<Inline>>>, paths: Vec<String>) -> Block {
        let mut block = Block::new(BlockKind::Table(Table {
            caption: self.s(caption),
            headers: headers.iter().map(|h| self.s(*h)).collect(),
            rows,
        }));
        block.paths = paths;
        block
    }

    fn section(&self, key: SectionKey) -> Section {
        let (anchor, title) = self.c.section(key);
        let (blocks, subsections) = match key {
            SectionKey::Identity => (self.identity(), Vec::new()),
            SectionKey::Dpo => (self.dpo(), Vec::new()),
            SectionKey::Scope => (self.scope(), Vec::new()),
            SectionKey::Data => (self.data(), Vec::new()),
            SectionKey::Sources => (self.sources(), Vec::new()),
            SectionKey::Purposes => self.purposes(),
            SectionKey::Provision => (self.provision(), Vec::new()),
            SectionKey::Recipients => (self.recipients(), Vec::new()),
            SectionKey::Transfers => (self.transfers(), Vec::new()),
            SectionKey::Retention => (self.retention(), Vec::new()),
            SectionKey::AutomatedDecisions => (self.automated(), Vec::new()),
            SectionKey::Cookies => (self.cookies(), Vec::new()),
            SectionKey::Security => (self.security(), Vec::new()),
            SectionKey::Rights => (self.rights(), Vec::new()),
            SectionKey::Objection => (self.objection(), Vec::new()),
            SectionKey::Requests => (self.requests(), Vec::new()),
            SectionKey::Complaints => (self.complaints(), Vec::new()),
            SectionKey::Changes => (self.changes(), Vec::new()),
        };
        Section {
            anchor,
            title,
            key: Catalogue::section_key(key).to_string(),
            blocks,
            subsections,
        }
    }

    // ---- In het kort ------------------------------------------------------------------------

    /// The first layer (WP260): who, what, why, how long, the rights in one sentence, and
    /// whom to ask. Never a cut phrase: a purpose without a short name is counted instead.
    fn summary(&self) -> Section {
        let (anchor, title) = self.c.summary_section();
        let org = self.org;
        let mut items = Vec::new();
        let mut paths = vec!["/organisation/name".to_string()];
        let who = match &org.organisation.legal_name {
            Some(l) => {
                paths.push("/organisation/legal_name".into());
                l.clone()
            }
            None => org.organisation.name.clone(),
        };
        items.push(def(self.s(Key::SummaryWho), text(who)));

        const MAX_ITEMS: usize = 5;
        if !org.data_categories.is_empty() {
            let names: Vec<String> = org
                .data_categories
                .iter()
                .take(MAX_ITEMS)
                .map(|c| c.name.clone())
                .collect();
            let rest = org.data_categories.len() - names.len();
            items.push(def(
                self.s(Key::SummaryWhat),
                text(self.with_rest(names, rest, Key::SummaryMoreCategories)),
            ));
        }
        if !org.purposes.is_empty() {
            let short: Vec<String> = org.purposes.iter().filter_map(|p| self.short_name(p)).collect();
            let shown: Vec<String> = short.iter().take(MAX_ITEMS).map(|s| lower_first(s)).collect();
            let rest = org.purposes.len() - shown.len();
            items.push(def(
                self.s(Key::SummaryWhy),
                text(self.with_rest(shown, rest, Key::SummaryMorePurposes)),
            ));
        }
        if let Some(how_long) = self.summary_retention() {
            items.push(def(self.s(Key::SummaryHowLong), how_long));
        }
        items.push(def(self.s(Key::SummaryRights), text(self.rights_sentence())));
        if let Some(contact) = self.contact_line() {
            items.push(def(self.s(Key::SummaryContact), contact));
        }
        let mut block = definitions(items);
        block.paths = paths;
        Section {
            anchor,
            title,
            key: "summary".into(),
            blocks: vec![block],
            subsections: Vec::new(),
        }
    }

    fn with_rest(&self, shown: Vec<String>, rest: usize, more: Key) -> String {
        if rest == 0 {
            return self.join_and(&shown);
        }
        let more = self.c.unit(more, u32::try_from(rest).unwrap_or(u32::MAX));
        let mut all = shown;
        all.push(more);
        self.join_and(&all)
    }

    /// The three longest retention periods of purposes with a short name.
    fn summary_retention(&self) -> Option<Vec<Inline>> {
        let mut terms: Vec<(f64, String)> = self
            .org
            .purposes
            .iter()
            .filter_map(|p| {
                let period = p.retention.as_ref()?.period.as_ref()?;
                let name = self.short_name(p)?;
                let item = self.c.get(
                    Key::SummaryRetentionItem,
                    &[("what", &lower_first(&name)), ("period", &self.duration(period))],
                );
                Some((period.approx_days(), item))
            })
            .collect();
        if terms.is_empty() {
            return None;
        }
        terms.sort_by(|a, b| b.0.total_cmp(&a.0));
        let total_with_retention = self.org.purposes.iter().filter(|p| p.retention.is_some()).count();
        let shown: Vec<String> = terms.iter().take(3).map(|(_, s)| s.clone()).collect();
        let mut out = format!("{}.", shown.join("; "));
        if total_with_retention > shown.len() || self.retention_rows_outside_purposes() > 0 {
            out = format!("{out} {}", self.s(Key::SummaryRetentionMore));
        }
        Some(text(out))
    }

    fn retention_rows_outside_purposes(&self) -> usize {
        self.org
            .data_categories
            .iter()
            .filter(|c| c.retention.is_some())
            .count()
            + self.org.retention.as_ref().map(|r| r.schedule.len()).unwrap_or(0)
    }

    /// "U heeft deze rechten: inzien, verbeteren … U mag ook een klacht indienen bij de AP."
    fn rights_sentence(&self) -> String {
        let rights = derived_rights(self.org);
        let names: Vec<String> = rights
            .keys()
            .filter(|r| **r != Right::Complaint)
            .map(|r| lower_first(&self.s(right_keys(*r).2)))
            .collect();
        let complaint = self.s(Key::SummaryComplaint);
        if names.is_empty() {
            return complaint;
        }
        let list = self
            .c
            .get(Key::SummaryRightsSentence, &[("rights", &self.join_and(&names))]);
        format!("{list} {complaint}")
    }

    // ---- Identity, DPO, scope ------------------------------------------------------------------

    fn identity(&self) -> Vec<Block> {
        let c = &self.org.organisation;
        let mut blocks = vec![
            Block::paragraph(self.c.get(Key::IdentityIntro, &[("organisation", &c.name)])).from("/organisation/name"),
        ];
        if let Some(d) = &c.description {
            blocks.extend(from_path(to_blocks(d), "/organisation/description"));
        }
        let mut items = Vec::new();
        let mut paths = vec!["/organisation/name".to_string()];
        let mut add = |term: Key, value: Vec<Inline>, path: String| {
            items.push(def(self.s(term), value));
            paths.push(path);
        };
        add(Key::IdentityName, text(c.name.clone()), "/organisation/name".into());
        if let Some(l) = &c.legal_name {
            add(
                Key::IdentityLegalName,
                text(l.clone()),
                "/organisation/legal_name".into(),
            );
        }
        if let Some(a) = &c.address {
            add(
                Key::IdentityAddress,
                text(self.address_text(a)),
                "/organisation/address".into(),
            );
        }
        if let Some(a) = &c.postal_address {
            add(
                Key::IdentityPostalAddress,
                text(self.address_text(a)),
                "/organisation/postal_address".into(),
            );
        }
        let contact = c.contact.clone().unwrap_or_default();
        if let Some(e) = &contact.email {
            add(Key::IdentityEmail, mail(e), "/organisation/contact/email".into());
        }
        if let Some(p) = &contact.phone {
            add(
                Key::IdentityPhone,
                text(p.clone()),
                "/organisation/contact/phone".into(),
            );
        }
        if let Some(w) = &contact.website {
            add(Key::IdentityWebsite, web(w), "/organisation/contact/website".into());
        }
        if let Some(f) = &contact.web_form {
            add(Key::IdentityWebForm, web(f), "/organisation/contact/web_form".into());
        }
        if let Some(k) = &c.kvk {
            add(Key::IdentityKvk, text(k.clone()), "/organisation/kvk".into());
        }
        if let Some(b) = &c.btw {
            add(Key::IdentityBtw, text(b.clone()), "/organisation/btw".into());
        }
        if !c.iban.is_empty() {
            add(Key::IdentityIban, text(c.iban.join(", ")), "/organisation/iban".into());
        }
        if !c.locations.is_empty() {
            add(
                Key::IdentityLocations,
                text(self.join_and(&c.locations)),
                "/organisation/locations".into(),
            );
        }
        if let Some(r) = &c.representative {
            let parts: Vec<String> = [
                r.name.clone(),
                r.email.clone(),
                r.phone.clone(),
                r.address.as_ref().map(|a| self.address_text(a)),
            ]
            .into_iter()
            .flatten()
            .collect();
            add(
                Key::IdentityRepresentative,
                text(parts.join(", ")),
                "/organisation/representative".into(),
            );
        }
        blocks.push(definitions(items).with_paths(paths));
        if !c.established_in_eu {
            blocks.push(Block::paragraph(self.s(Key::IdentityOutsideEu)).from("/organisation/established_in_eu"));
        }
        if c.public_authority {
            blocks.push(Block::paragraph(self.s(Key::IdentityPublicAuthority)).from("/organisation/public_authority"));
        }
        blocks
    }

    fn dpo(&self) -> Vec<Block> {
        let scope = self.org.scope.clone().unwrap_or_default();
        let mut blocks = Vec::new();
        // Art. 13 lid 1 sub b asks for an FG only "in voorkomend geval": without `dpo` the
        // section is left out (lint: VK011, and VK006 when the file shows one is required).
        let Some(dpo) = &self.org.dpo else {
            return blocks;
        };
        let intro = if dpo.appointed {
            Key::DpoAppointed
        } else {
            Key::DpoNotAppointedPlain
        };
        blocks.push(Block::paragraph(self.s(intro)).from("/dpo/appointed"));
        let mut items = Vec::new();
        let mut paths = Vec::new();
        if let Some(n) = &dpo.name {
            items.push(def(self.s(Key::IdentityName), text(n.clone())));
            paths.push("/dpo/name".to_string());
        }
        if let Some(e) = &dpo.email {
            items.push(def(self.s(Key::IdentityEmail), mail(e)));
            paths.push("/dpo/email".to_string());
        }
        if let Some(p) = &dpo.phone {
            items.push(def(self.s(Key::IdentityPhone), text(p.clone())));
            paths.push("/dpo/phone".to_string());
        }
        if let Some(a) = &dpo.address {
            items.push(def(self.s(Key::IdentityAddress), text(self.address_text(a))));
            paths.push("/dpo/address".to_string());
        }
        if items.is_empty() && dpo.appointed {
            blocks.push(self.silent("/dpo/email"));
        } else if !items.is_empty() {
            // Without an FG, the contact the file gives is a privacy contact, not an FG.
            let lead = if dpo.appointed {
                Key::DpoContact
            } else {
                Key::DpoPrivacyContact
            };
            blocks.push(Block::paragraph(self.s(lead)));
            blocks.push(definitions(items).with_paths(paths));
        }
        if let Some(reason) = &dpo.not_required_reason {
            blocks.extend(from_path(to_blocks(reason), "/dpo/not_required_reason"));
        }
        if scope.large_scale_special_categories {
            blocks.push(
                Block::paragraph(self.s(Key::DpoLargeScaleSpecial)).from("/scope/large_scale_special_categories"),
            );
        }
        if scope.large_scale_monitoring {
            blocks.push(Block::paragraph(self.s(Key::DpoLargeScaleMonitoring)).from("/scope/large_scale_monitoring"));
        }
        blocks
    }

    fn scope(&self) -> Vec<Block> {
        let org = self.org;
        let mut blocks = Vec::new();
        // A recommended section in the rule catalogue: silence leaves it out, not a placeholder;
        // lint recommends it (VK008).
        if !org.data_subjects.is_empty() {
            let mut paths = Vec::new();
            let items = org
                .data_subjects
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let at = format!("/data_subjects/{i}");
                    paths.push(format!("{at}/name"));
                    let mut parts = vec![text(s.name.clone())];
                    if let Some(d) = &s.description {
                        parts.push(sentence_of(d));
                        paths.push(format!("{at}/description"));
                    }
                    if s.includes_minors {
                        parts.push(self.t(Key::ScopeMinors));
                        paths.push(format!("{at}/includes_minors"));
                    }
                    if s.employees {
                        parts.push(self.t(Key::ScopeEmployees));
                        paths.push(format!("{at}/employees"));
                    }
                    name_then(parts)
                })
                .collect();
            blocks.push(Block::paragraph(self.s(Key::ScopeIntro)));
            blocks.push(list(items).with_paths(paths));
        }
        let scope = org.scope.clone().unwrap_or_default();
        if !scope.websites.is_empty() {
            blocks.push(Block::paragraph(self.s(Key::ScopeWebsites)));
            let mut block = list(scope.websites.iter().map(|w| web(w)).collect()).from("/scope/websites");
            if scope.website.is_some() {
                block.paths.push("/scope/website".into());
            }
            blocks.push(block);
        } else {
            match scope.website {
                Some(true) => blocks.push(Block::paragraph(self.s(Key::ScopeWebsite)).from("/scope/website")),
                Some(false) => blocks.push(Block::paragraph(self.s(Key::ScopeNoWebsite)).from("/scope/website")),
                None => {}
            }
        }
        let mut items = Vec::new();
        let mut paths = Vec::new();
        if let Some(s) = &scope.services {
            items.push(def(self.s(Key::ScopeServices), to_inline(s)));
            paths.push("/scope/services".to_string());
        }
        if let Some(e) = &scope.excluded {
            items.push(def(self.s(Key::ScopeExcluded), to_inline(e)));
            paths.push("/scope/excluded".to_string());
        }
        if !items.is_empty() {
            blocks.push(definitions(items).with_paths(paths));
        }
        blocks
    }

    // ---- Data and sources ----------------------------------------------------------------------

    fn data(&self) -> Vec<Block> {
        let org = self.org;
        if org.data_categories.is_empty() {
            return vec![self.silent("/data_categories")];
        }
        let mut paths = Vec::new();
        let rows = org
            .data_categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let at = format!("/data_categories/{i}");
                paths.push(format!("{at}/name"));
                let mut parts = Vec::new();
                if let Some(d) = &c.description {
                    parts.push(sentence_of(d));
                    paths.push(format!("{at}/description"));
                }
                match c.kind {
                    DataKind::Regular => {}
                    DataKind::Special => {
                        paths.push(format!("{at}/kind"));
                        parts.push(match c.special {
                            Some(s) => {
                                paths.push(format!("{at}/special"));
                                text(
                                    self.c
                                        .get(Key::DataKindSpecial, &[("special", &self.s(special_key(s)))]),
                                )
                            }
                            None => self.t(Key::DataKindSpecialUnknown),
                        });
                    }
                    DataKind::Criminal => {
                        paths.push(format!("{at}/kind"));
                        parts.push(self.t(Key::DataKindCriminal));
                    }
                    DataKind::NationalId => {
                        paths.push(format!("{at}/kind"));
                        parts.push(self.t(Key::DataBsnNote));
                    }
                }
                if c.kind != DataKind::Special
                    && let Some(s) = c.special
                {
                    paths.push(format!("{at}/special"));
                    parts.push(text(
                        self.c
                            .get(Key::DataKindSpecial, &[("special", &self.s(special_key(s)))]),
                    ));
                }
                if let Some(statute) = &c.statute {
                    paths.push(format!("{at}/statute"));
                    parts.push(text(self.c.get(Key::Law, &[("law", statute.trim_end_matches('.'))])));
                }
                if c.listed_as_special {
                    paths.push(format!("{at}/listed_as_special"));
                    parts.push(self.t(Key::DataListedAsSpecial));
                }
                vec![text(c.name.clone()), sentences(parts)]
            })
            .collect();
        let table = self.table(
            Key::DataCaption,
            &[Key::DataColName, Key::DataColDescription],
            rows,
            paths,
        );
        let mut blocks = vec![Block::paragraph(self.s(Key::DataIntro)), table];
        if org.data_categories.iter().any(|c| c.kind == DataKind::Special) {
            blocks.push(Block::paragraph(self.s(Key::DataSpecialNote)));
        }
        for c in org.data_categories.iter().filter(|c| c.kind == DataKind::Criminal) {
            let mut paths = Vec::new();
            let bases: Vec<String> = org
                .purposes
                .iter()
                .enumerate()
                .filter(|(_, p)| p.data_categories.contains(&c.id))
                .filter_map(|(i, p)| {
                    paths.push(format!("/purposes/{i}/criminal_data_basis"));
                    p.criminal_data_basis.clone()
                })
                .collect();
            if !bases.is_empty() {
                let mut block = Block::paragraph(self.c.get(
                    Key::DataCriminalNote,
                    &[("name", &c.name), ("basis", &self.join_and(&bases))],
                ));
                block.paths = paths;
                blocks.push(block);
            }
        }
        blocks
    }

    fn sources(&self) -> Vec<Block> {
        let org = self.org;
        let self_used = org.purposes.iter().any(|p| p.sources.iter().any(|s| s == SOURCE_SELF));
        if org.sources.is_empty() {
            return if self_used {
                vec![Block::paragraph(self.s(Key::SourcesSelfOnly)).from("/purposes/*/sources")]
            } else {
                vec![self.silent("/sources")]
            };
        }
        let mut paths = Vec::new();
        let items = org
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let at = format!("/sources/{i}");
                paths.push(format!("{at}/name"));
                let mut parts = vec![text(s.name.clone())];
                if s.public {
                    parts.push(self.t(Key::SourcesPublic));
                    paths.push(format!("{at}/public"));
                }
                if let Some(d) = &s.description {
                    parts.push(sentence_of(d));
                    paths.push(format!("{at}/description"));
                }
                name_then(parts)
            })
            .collect();
        let intro = if self_used {
            Block::paragraph(self.s(Key::SourcesSelfAndOthers)).from("/purposes/*/sources")
        } else {
            Block::paragraph(self.s(Key::SourcesOthers))
        };
        let mut block = list(items);
        block.paths = paths;
        vec![intro, block]
    }

    // ---- Purposes ------------------------------------------------------------------------------

    fn names(&self, ids: &[String], lookup: impl Fn(&str) -> Option<String>) -> String {
        let names: Vec<String> = ids.iter().map(|id| lookup(id).unwrap_or_else(|| id.clone())).collect();
        self.join_and(&names)
    }

    fn purposes(&self) -> (Vec<Block>, Vec<Section>) {
        let org = self.org;
        let mut blocks = Vec::new();
        if org.purposes.is_empty() {
            blocks.push(self.silent("/purposes"));
        } else {
            blocks.push(Block::paragraph(self.s(Key::PurposesIntro)));
            let without: Vec<String> = org
                .purposes
                .iter()
                .enumerate()
                .filter(|(_, p)| p.legal_basis.is_none())
                .map(|(i, p)| self.reference(i, p))
                .collect();
            if !without.is_empty() {
                blocks.push(
                    Block::new(BlockKind::Notice {
                        kind: NoticeKind::Missing,
                        content: text(
                            self.c
                                .get(Key::PurposesBasisMissing, &[("purposes", &self.join_and(&without))]),
                        ),
                    })
                    .from("!/purposes/*/legal_basis"),
                );
            }
        }
        if !org.legal_bases.is_empty() {
            blocks.push(Block::paragraph(self.s(Key::PurposesStatementBases)));
            let mut paths = Vec::new();
            let items = org
                .legal_bases
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    paths.push(format!("/legal_bases/{i}/basis"));
                    let mut parts = vec![self.t(basis_key(b.basis))];
                    if let Some(note) = &b.note {
                        paths.push(format!("/legal_bases/{i}/note"));
                        parts.push(sentence_of(note));
                    }
                    sentences(parts)
                })
                .collect();
            blocks.push(list(items).with_paths(paths));
        }
        let subsections = org
            .purposes
            .iter()
            .enumerate()
            .map(|(i, p)| self.purpose(i, p))
            .collect();
        (blocks, subsections)
    }

    fn purpose(&self, i: usize, p: &Purpose) -> Section {
        let org = self.org;
        let at = format!("/purposes/{i}");
        let mut blocks = Vec::new();
        let title = match self.short_name(p) {
            Some(name) => {
                if p.label.is_some() || name != p.description.trim().trim_end_matches('.') {
                    blocks.push(paragraph(sentence_of(&p.description)).from(format!("{at}/description")));
                }
                name
            }
            None => {
                blocks.push(paragraph(sentence_of(&p.description)).from(format!("{at}/description")));
                self.c.get(Key::PurposesNumbered, &[("n", &(i + 1).to_string())])
            }
        };
        if let Some(d) = &p.details {
            blocks.extend(from_path(to_blocks(d), &format!("{at}/details")));
        }
        let mut items = Vec::new();
        let mut paths = Vec::new();
        let mut add = |term: Key, value: Vec<Inline>, path: Vec<String>| {
            items.push(def(self.s(term), value));
            paths.extend(path);
        };
        // A missing basis is said once for the section (see `purposes`), not per purpose.
        if let Some(basis) = p.legal_basis {
            add(
                Key::PurposeBasis,
                self.t(basis_key(basis)),
                vec![format!("{at}/legal_basis")],
            );
        }
        if let Some(s) = &p.statute {
            add(Key::PurposeStatute, sentence_of(s), vec![format!("{at}/statute")]);
        }
        if let Some(li) = &p.legitimate_interest {
            add(
                Key::PurposeLegitimateInterest,
                sentence_of(li),
                vec![format!("{at}/legitimate_interest")],
            );
        }
        if p.special_category_condition.is_some() || p.special_category_law.is_some() {
            let mut parts = Vec::new();
            let mut ps = Vec::new();
            if let Some(cond) = p.special_category_condition {
                parts.push(self.t(condition_key(cond)));
                ps.push(format!("{at}/special_category_condition"));
            }
            if let Some(law) = &p.special_category_law {
                parts.push(text(self.c.get(Key::Law, &[("law", law.trim_end_matches('.'))])));
                ps.push(format!("{at}/special_category_law"));
            }
            add(Key::PurposeSpecial, sentences(parts), ps);
        }
        if let Some(basis) = &p.criminal_data_basis {
            add(
                Key::PurposeCriminal,
                sentence_of(basis),
                vec![format!("{at}/criminal_data_basis")],
            );
        }
        if !p.data_categories.is_empty() {
            let names = self.names(&p.data_categories, |id| {
                org.data_categories.iter().find(|c| c.id == id).map(|c| c.name.clone())
            });
            add(Key::PurposeData, text(names), vec![format!("{at}/data_categories")]);
        }
        if !p.data_subjects.is_empty() {
            let names = self.names(&p.data_subjects, |id| {
                org.data_subjects.iter().find(|s| s.id == id).map(|s| s.name.clone())
            });
            add(Key::PurposeSubjects, text(names), vec![format!("{at}/data_subjects")]);
        }
        if !p.sources.is_empty() {
            let names = self.names(&p.sources, |id| {
                if id == SOURCE_SELF {
                    Some(self.s(Key::PurposeSourceSelf))
                } else {
                    org.sources.iter().find(|s| s.id == id).map(|s| s.name.clone())
                }
            });
            add(Key::PurposeSources, text(names), vec![format!("{at}/sources")]);
        }
        if !p.recipients.is_empty() {
            let names = self.names(&p.recipients, |id| {
                org.recipients
                    .iter()
                    .flatten()
                    .find(|r| r.id == id)
                    .map(|r| r.name.clone())
            });
            add(Key::PurposeRecipients, text(names), vec![format!("{at}/recipients")]);
        }
        if let Some(g) = &p.guardian_consent {
            add(
                Key::PurposeGuardian,
                sentence_of(g),
                vec![format!("{at}/guardian_consent")],
            );
        }
        if p.direct_marketing {
            add(
                Key::PurposeMarketing,
                self.t(Key::PurposeMarketingText),
                vec![format!("{at}/direct_marketing")],
            );
        }
        if !p.automated {
            add(
                Key::PurposeHow,
                self.t(Key::PurposePaper),
                vec![format!("{at}/automated")],
            );
        }
        blocks.push(definitions(items).with_paths(paths));
        Section {
            anchor: format!("doel-{}", p.id),
            title,
            key: "purpose".into(),
            blocks,
            subsections: Vec::new(),
        }
    }

    fn provision(&self) -> Vec<Block> {
        let org = self.org;
        if org.purposes.is_empty() {
            return vec![self.silent("/purposes")];
        }
        let mut paths = Vec::new();
        let rows: Vec<Vec<Vec<Inline>>> = org
            .purposes
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let v = p.provision.as_ref()?;
                let at = format!("/purposes/{i}/provision");
                paths.extend(Self::name_paths(p, i));
                paths.push(format!("{at}/required"));
                let mut parts = vec![self.t(provision_key(v.required))];
                if let Some(c) = &v.consequence {
                    paths.push(format!("{at}/consequence"));
                    parts.push(sentence_of(c));
                }
                Some(vec![text(self.row_name(p)), sentences(parts)])
            })
            .collect();
        if rows.is_empty() {
            return vec![self.silent("/purposes/*/provision")];
        }
        let missing = rows.len() < org.purposes.len();
        let table = self.table(
            Key::ProvisionCaption,
            &[Key::ProvisionColPurpose, Key::ProvisionColRequired],
            rows,
            paths,
        );
        let mut blocks = vec![Block::paragraph(self.s(Key::ProvisionIntro)), table];
        if missing {
            blocks.push(Block::paragraph(self.s(Key::OtherPurposesNotStated)).from("!/purposes/*/provision"));
        }
        blocks
    }

    // ---- Recipients and transfers ------------------------------------------------------------

    fn recipients(&self) -> Vec<Block> {
        let Some(recipients) = &self.org.recipients else {
            return vec![self.silent("/recipients")];
        };
        if recipients.is_empty() {
            return vec![Block::paragraph(self.s(Key::RecipientsNone)).from("/recipients")];
        }
        let processors: Vec<_> = recipients
            .iter()
            .filter(|r| r.role == Some(RecipientRole::Processor))
            .collect();
        // The general sentence holds only when the file says so for every processor.
        let all_agreed = !processors.is_empty() && processors.iter().all(|r| r.agreement == Some(true));
        let mut paths = Vec::new();
        let rows = recipients
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let at = format!("/recipients/{i}");
                paths.push(format!("{at}/name"));
                let mut parts = Vec::new();
                if let Some(role) = r.role {
                    parts.push(self.t(role_key(role)));
                    paths.push(format!("{at}/role"));
                }
                if let Some(d) = &r.description {
                    parts.push(sentence_of(d));
                    paths.push(format!("{at}/description"));
                }
                match r.agreement {
                    Some(true) if all_agreed => paths.push(format!("{at}/agreement")),
                    Some(true) => {
                        parts.push(self.t(Key::RecipientsAgreementYes));
                        paths.push(format!("{at}/agreement"));
                    }
                    Some(false) => {
                        parts.push(self.t(Key::RecipientsAgreementNo));
                        paths.push(format!("{at}/agreement"));
                    }
                    None => {}
                }
                if let Some(a) = &r.arrangement {
                    parts.push(text(
                        self.c.get(Key::RecipientsArrangement, &[("arrangement", a.trim())]),
                    ));
                    paths.push(format!("{at}/arrangement"));
                }
                if let Some(s) = &r.statute {
                    parts.push(text(self.c.get(Key::Law, &[("law", s.trim_end_matches('.'))])));
                    paths.push(format!("{at}/statute"));
                }
                if r.consent_required {
                    // The user's own words win: no second sentence where the description
                    // already says it depends on consent.
                    let said = r
                        .description
                        .as_deref()
                        .is_some_and(|d| d.to_lowercase().contains("toestemming"));
                    if !said {
                        parts.push(self.t(Key::RecipientsConsentOnly));
                    }
                    paths.push(format!("{at}/consent_required"));
                }
                if let Some(country) = &r.country {
                    parts.push(text(
                        self.c
                            .get(Key::RecipientsCountry, &[("country", &self.c.country(country))]),
                    ));
                    paths.push(format!("{at}/country"));
                }
                vec![text(r.name.clone()), sentences(parts)]
            })
            .collect();
        let table = self.table(
            Key::RecipientsCaption,
            &[Key::RecipientsColName, Key::RecipientsColWhy],
            rows,
            paths,
        );
        let mut blocks = vec![Block::paragraph(self.s(Key::RecipientsIntro)), table];
        if all_agreed {
            blocks.push(Block::paragraph(self.s(Key::RecipientsProcessors)).from("/recipients/*/agreement"));
        }
        blocks
    }

    fn transfers(&self) -> Vec<Block> {
        let recipients = self.org.recipients.as_deref().unwrap_or(&[]);
        let Some(transfers) = &self.org.transfers else {
            return vec![self.silent("/transfers")];
        };
        if transfers.is_empty() {
            // "No transfers" is said only when no recipient of the file is outside the EEA;
            // otherwise the file contradicts itself, and lint says so.
            let foreign = recipients
                .iter()
                .any(|r| r.country.as_deref().is_some_and(|c| !crate::legal::in_eea(c)));
            return if foreign {
                vec![self.silent("/transfers")]
            } else {
                vec![Block::paragraph(self.s(Key::TransfersNone)).from("/transfers")]
            };
        }
        let mut paths = Vec::new();
        let mut after = Vec::new();
        let rows = transfers
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let at = format!("/transfers/{i}");
                let mut where_parts = Vec::new();
                if t.countries.is_empty() {
                    where_parts.push(self.t(Key::TransfersCountriesUnknown));
                } else {
                    let names: Vec<String> = t.countries.iter().map(|c| self.c.country(c)).collect();
                    where_parts.push(text(self.join_and(&names)));
                    paths.push(format!("{at}/countries"));
                }
                if t.possible {
                    where_parts.push(self.t(Key::TransfersPossible));
                    paths.push(format!("{at}/possible"));
                }
                let recipient = match t.recipient.as_ref() {
                    Some(id) => {
                        paths.push(format!("{at}/recipient"));
                        recipients
                            .iter()
                            .find(|r| &r.id == id)
                            .map(|r| r.name.clone())
                            .unwrap_or_else(|| id.clone())
                    }
                    None => String::new(),
                };
                let mut how = Vec::new();
                match t.mechanism.as_slice() {
                    [] => how.push(self.t(Key::TransfersMechanismUnknown)),
                    [one] => {
                        how.push(self.t(mechanism_key(*one)));
                        paths.push(format!("{at}/mechanism"));
                    }
                    // Alternatives of which one will apply: say so before listing them.
                    several => {
                        how.push(self.t(Key::TransfersMechanismOneOf));
                        for (j, m) in several.iter().enumerate() {
                            how.push(self.t(mechanism_key(*m)));
                            paths.push(format!("{at}/mechanism/{j}"));
                        }
                    }
                }
                if let Some(copy) = &t.copy_available_at {
                    let copy = if copy.trim().starts_with("http") {
                        web(copy)
                    } else {
                        to_inline(copy)
                    };
                    how.push(self.with_inline(Key::TransfersCopy, "copy", copy));
                    paths.push(format!("{at}/copy_available_at"));
                }
                if let Some(d) = &t.description {
                    after.extend(from_path(to_blocks(d), &format!("{at}/description")));
                }
                vec![sentences(where_parts), text(recipient), sentences(how)]
            })
            .collect();
        let table = self.table(
            Key::TransfersCaption,
            &[
                Key::TransfersColCountries,
                Key::TransfersColRecipient,
                Key::TransfersColMechanism,
            ],
            rows,
            paths,
        );
        let mut blocks = vec![Block::paragraph(self.s(Key::TransfersIntro)), table];
        blocks.extend(after);
        blocks
    }

    // ---- Retention -----------------------------------------------------------------------------

    /// A retention term in words: the period with its start, the user's criteria, the law,
    /// and the grace period for deletion, each as written in the file.
    fn retention_text(&self, r: &Retention, at: &str, paths: &mut Vec<String>) -> Vec<Inline> {
        let mut parts = Vec::new();
        let start = r.start.as_deref().map(|s| s.trim().trim_end_matches('.'));
        match (&r.period, start) {
            (Some(p), Some(start)) => {
                let key = if r.maximum {
                    Key::RetentionMaximumStart
                } else {
                    Key::RetentionPeriodStart
                };
                parts.push(text(
                    self.c.get(key, &[("period", &self.duration(p)), ("start", start)]),
                ));
                paths.extend([format!("{at}/period"), format!("{at}/start")]);
            }
            (Some(p), None) => {
                let key = if r.maximum {
                    Key::RetentionMaximum
                } else {
                    Key::RetentionPeriod
                };
                parts.push(text(self.c.get(key, &[("period", &self.duration(p))])));
                paths.push(format!("{at}/period"));
            }
            (None, Some(start)) => {
                parts.push(text(self.c.get(Key::RetentionStartOnly, &[("start", start)])));
                paths.push(format!("{at}/start"));
            }
            (None, None) => {}
        }
        if r.maximum && r.period.is_some() {
            paths.push(format!("{at}/maximum"));
        }
        if let Some(c) = &r.criteria {
            parts.push(sentence_of(c));
            paths.push(format!("{at}/criteria"));
        }
        if let Some(s) = &r.statute {
            parts.push(text(self.c.get(Key::Law, &[("law", s.trim_end_matches('.'))])));
            paths.push(format!("{at}/statute"));
        }
        if let Some(d) = &r.deletion_within {
            parts.push(text(
                self.c.get(Key::RetentionDeletion, &[("period", &self.duration(d))]),
            ));
            paths.push(format!("{at}/deletion_within"));
        }
        if parts.is_empty() {
            parts.push(self.t(Key::RetentionUnknown));
        }
        sentences(parts)
    }

    fn retention(&self) -> Vec<Block> {
        let org = self.org;
        let mut rows = Vec::new();
        let mut paths = Vec::new();
        let mut without = 0;
        for (i, p) in org.purposes.iter().enumerate() {
            match &p.retention {
                Some(r) => {
                    paths.extend(Self::name_paths(p, i));
                    let cell = self.retention_text(r, &format!("/purposes/{i}/retention"), &mut paths);
                    rows.push(vec![text(self.row_name(p)), cell]);
                }
                None => without += 1,
            }
        }
        for (i, c) in org.data_categories.iter().enumerate() {
            if let Some(r) = &c.retention {
                paths.push(format!("/data_categories/{i}/name"));
                let cell = self.retention_text(r, &format!("/data_categories/{i}/retention"), &mut paths);
                rows.push(vec![text(c.name.clone()), cell]);
            }
        }
        let mut blocks = vec![Block::paragraph(self.s(Key::RetentionIntro))];
        if let Some(general) = &org.retention {
            if let Some(t) = &general.criteria {
                blocks.extend(from_path(to_blocks(t), "/retention/criteria"));
            }
            for (i, e) in general.schedule.iter().enumerate() {
                let at = format!("/retention/schedule/{i}");
                paths.push(format!("{at}/records"));
                let cell = self.retention_text(&e.retention, &format!("{at}/retention"), &mut paths);
                rows.push(vec![text(e.records.clone()), cell]);
                // The reference only ties the line to a purpose or category; the records name
                // what the reader needs.
                for (key, value) in [("purpose", &e.purpose), ("data_category", &e.data_category)] {
                    if value.is_some() {
                        paths.push(format!("{at}/{key}"));
                    }
                }
            }
        }
        let has_general = org.retention.as_ref().is_some_and(|g| g.criteria.is_some());
        if rows.is_empty() && !has_general {
            blocks.push(self.silent("/purposes/*/retention"));
        } else if !rows.is_empty() {
            let table = self.table(
                Key::RetentionCaption,
                &[Key::RetentionColRecords, Key::RetentionColPeriod],
                rows,
                paths,
            );
            blocks.push(table);
            if without > 0 && !has_general {
                blocks.push(Block::paragraph(self.s(Key::OtherPurposesNotStated)).from("!/purposes/*/retention"));
            }
        }
        if let Some(t) = org.retention.as_ref().and_then(|g| g.exceptions.as_ref()) {
            blocks.extend(from_path(to_blocks(t), "/retention/exceptions"));
        }
        blocks
    }

    // ---- Automated decisions, cookies, security ------------------------------------------------

    fn automated(&self) -> Vec<Block> {
        let org = self.org;
        let mut blocks = Vec::new();
        let with: Vec<(usize, &Purpose)> = org
            .purposes
            .iter()
            .enumerate()
            .filter(|(_, p)| p.automated_decision.is_some() || p.profiling.is_some())
            .collect();
        for (i, p) in &with {
            let at = format!("/purposes/{i}");
            let mut items = Vec::new();
            let mut paths = Self::name_paths(p, *i);
            if let Some(adm) = &p.automated_decision {
                for (key, value, field) in [
                    (Key::AdmLogic, &adm.logic, "logic"),
                    (Key::AdmSignificance, &adm.significance, "significance"),
                    (Key::AdmConsequences, &adm.consequences, "consequences"),
                    (Key::AdmSafeguards, &adm.safeguards, "safeguards"),
                ] {
                    if let Some(v) = value {
                        items.push(def(self.s(key), sentence_of(v)));
                        paths.push(format!("{at}/automated_decision/{field}"));
                    }
                }
                if let Some(b) = adm.basis {
                    items.push(def(self.s(Key::AdmBasis), self.t(adm_basis_key(b))));
                    paths.push(format!("{at}/automated_decision/basis"));
                }
            }
            if let Some(profiling) = &p.profiling {
                items.push(def(self.s(Key::AdmProfiling), sentence_of(profiling)));
                paths.push(format!("{at}/profiling"));
            }
            blocks.push(Block::new(BlockKind::Paragraph {
                content: vec![Inline::Strong {
                    content: text(self.row_name(p)),
                }],
            }));
            blocks.push(definitions(items).with_paths(paths));
            if p.automated_decision.is_some() {
                blocks.push(Block::paragraph(self.s(Key::AdmRights)));
            }
        }
        let any_adm = with.iter().any(|(_, p)| p.automated_decision.is_some());
        let any_profiling = with.iter().any(|(_, p)| p.profiling.is_some());
        // Art. 13 lid 2 sub f asks for profiling only as part of an automated decision (art. 22):
        // once the file speaks about automated decisions, silence about profiling is no gap.
        // `true` without a purpose that describes the decision leaves the reader as uninformed
        // as silence does.
        let silent = org.automated_decisions != Some(false) && !any_adm;
        for (stated, described, none, path) in [
            (org.automated_decisions, any_adm, Key::AdmNone, "/automated_decisions"),
            (org.profiling, any_profiling, Key::AdmProfilingNone, "/profiling"),
        ] {
            match (stated, described) {
                (Some(false), false) => blocks.push(Block::paragraph(self.s(none)).from(path)),
                // `false` beside a purpose that does it: the purpose's own words are shown,
                // never the "no"; lint reports the contradiction.
                (Some(_), true) => blocks.last_mut().into_iter().for_each(|b| b.paths.push(path.into())),
                (None, _) | (Some(true), false) => {}
            }
        }
        if silent {
            blocks.push(self.silent("/automated_decisions"));
        }
        blocks
    }

    fn cookies(&self) -> Vec<Block> {
        let scope = self.org.scope.clone().unwrap_or_default();
        let Some(cookies) = self.org.cookies.as_ref().filter(|c| !c.says_nothing()) else {
            return if scope.website == Some(false) && scope.websites.is_empty() {
                vec![Block::paragraph(self.s(Key::ScopeNoWebsite)).from("/scope/website")]
            } else {
                vec![self.silent("/cookies")]
            };
        };
        let mut blocks = Vec::new();
        match &cookies.consent {
            Some(t) => blocks.extend(from_path(to_blocks(t), "/cookies/consent")),
            None if cookies.items.is_empty() => {}
            None if cookies.items.iter().all(|c| c.kind.exempt_from_consent()) => {
                blocks.push(Block::paragraph(self.s(Key::CookiesFunctionalOnly)).from("/cookies/items"));
            }
            None => blocks.push(Block::paragraph(self.s(Key::CookiesConsentRule)).from("/cookies/items")),
        }
        if cookies.placed_before_consent {
            blocks.push(Block::paragraph(self.s(Key::CookiesBeforeConsent)).from("/cookies/placed_before_consent"));
        }
        if let Some(d) = &cookies.description {
            blocks.extend(from_path(to_blocks(d), "/cookies/description"));
        }
        if !cookies.items.is_empty() {
            let mut paths = Vec::new();
            let rows = cookies
                .items
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let at = format!("/cookies/items/{i}");
                    paths.extend([format!("{at}/name"), format!("{at}/kind")]);
                    let mut what = Vec::new();
                    if let Some(p) = &c.purpose {
                        what.push(sentence_of(p));
                        paths.push(format!("{at}/purpose"));
                    }
                    what.push(self.t(cookie_kind_key(c.kind)));
                    if let Some(p) = &c.provider {
                        what.push(text(
                            self.c
                                .get(Key::CookiesProvider, &[("provider", p.trim_end_matches('.'))]),
                        ));
                        paths.push(format!("{at}/provider"));
                    }
                    let retention = match &c.retention {
                        Some(d) => {
                            paths.push(format!("{at}/retention"));
                            text(self.duration(d))
                        }
                        None => self.t(Key::NotStated),
                    };
                    let consent = if c.kind.exempt_from_consent() {
                        Key::CookiesConsentNo
                    } else {
                        Key::CookiesConsentYes
                    };
                    vec![text(c.name.clone()), sentences(what), retention, self.t(consent)]
                })
                .collect();
            let table = self.table(
                Key::CookiesCaption,
                &[
                    Key::CookiesColName,
                    Key::CookiesColWhat,
                    Key::CookiesColRetention,
                    Key::CookiesColConsent,
                ],
                rows,
                paths,
            );
            blocks.push(table);
        }
        if blocks.is_empty() {
            blocks.push(self.silent("/cookies/items"));
        }
        blocks
    }

    fn security(&self) -> Vec<Block> {
        let security = self.org.security.clone().unwrap_or_default();
        let mut blocks = Vec::new();
        // Recommended, not an art. 13 element: without measures the section keeps only the
        // breach sentence; lint recommends describing them (VK009).
        if !security.measures.is_empty() {
            blocks.push(Block::paragraph(self.s(Key::SecurityIntro)));
            blocks.push(list(security.measures.iter().map(|m| to_inline(m)).collect()).from("/security/measures"));
        }
        // The organisation's own breach text replaces the standard sentence, never doubles it.
        match &security.data_breach {
            Some(b) => blocks.extend(from_path(to_blocks(b), "/security/data_breach")),
            None => blocks.push(Block::paragraph(self.s(Key::SecurityBreach))),
        }
        blocks
    }

    // ---- Rights, objection, requests, complaints, changes --------------------------------------

    fn rights(&self) -> Vec<Block> {
        let org = self.org;
        let derived = derived_rights(org);
        let mut items = Vec::new();
        for (right, grounds) in &derived {
            let (title, body, _) = right_keys(*right);
            let mut parts = vec![self.t(body)];
            if *right == Right::Erasure && grounds.limited {
                parts.push(self.t(Key::RightErasureLimited));
            }
            if grounds.wgbo {
                match right {
                    Right::Access => parts.push(self.t(Key::RightAccessWgbo)),
                    Right::Erasure => parts.push(self.t(Key::RightErasureWgbo)),
                    Right::Rectification => parts.push(self.t(Key::RightRectificationWgbo)),
                    _ => {}
                }
            }
            if *right != Right::Complaint {
                if !grounds.purposes.is_empty() && grounds.purposes.len() == org.purposes.len() {
                    parts.push(self.t(Key::RightsAppliesToAll));
                } else if !grounds.purposes.is_empty() {
                    let names: Vec<String> = grounds
                        .purposes
                        .iter()
                        .filter_map(|&i| org.purposes.get(i).map(|p| self.reference(i, p)))
                        .collect();
                    parts.push(text(
                        self.c
                            .get(Key::RightsAppliesTo, &[("purposes", &self.join_and(&names))]),
                    ));
                }
                if !grounds.statement_bases.is_empty() {
                    parts.push(self.t(Key::RightsStatementBases));
                }
            }
            for r in org
                .rights
                .iter()
                .flat_map(|r| r.restrictions.iter())
                .filter(|r| r.right == *right)
            {
                parts.push(sentence_of(&r.description));
                if let Some(g) = &r.legal_ground {
                    parts.push(text(self.c.get(Key::Law, &[("law", g.trim_end_matches('.'))])));
                }
            }
            items.push(def(self.s(title), sentences(parts)));
        }
        let mut paths: Vec<String> = org
            .purposes
            .iter()
            .enumerate()
            .filter(|(_, p)| p.legal_basis.is_some())
            .map(|(i, _)| format!("/purposes/{i}/legal_basis"))
            .collect();
        let mut blocks = vec![Block::paragraph(self.s(Key::RightsIntro))];
        // Restrictions of rights the statement does not derive still get said.
        let mut orphan = Vec::new();
        for (i, r) in org.rights.iter().flat_map(|r| r.restrictions.iter()).enumerate() {
            paths.push(format!("/rights/restrictions/{i}/right"));
            paths.push(format!("/rights/restrictions/{i}/description"));
            if r.legal_ground.is_some() {
                paths.push(format!("/rights/restrictions/{i}/legal_ground"));
            }
            if !derived.contains_key(&r.right) {
                let mut parts = vec![text(format!("{}:", self.s(right_keys(r.right).2)))];
                parts.push(sentence_of(&r.description));
                if let Some(g) = &r.legal_ground {
                    parts.push(text(self.c.get(Key::Law, &[("law", g.trim_end_matches('.'))])));
                }
                orphan.push(sentences(parts));
            }
        }
        blocks.push(definitions(items).with_paths(paths));
        if !orphan.is_empty() {
            blocks.push(Block::paragraph(self.s(Key::RightsRestrictions)));
            blocks.push(list(orphan).from("/rights/restrictions"));
        }
        let unknown = org.purposes.iter().filter(|p| p.legal_basis.is_none()).count();
        if unknown > 0 {
            blocks.push(
                Block::new(BlockKind::Notice {
                    kind: NoticeKind::Missing,
                    content: text(self.c.get(Key::RightsUnknownBases, &[("count", &unknown.to_string())])),
                })
                .from("!/purposes/*/legal_basis"),
            );
        }
        blocks
    }

    fn objection(&self) -> Vec<Block> {
        let org = self.org;
        let mut blocks = Vec::new();
        let grounded: Vec<(usize, &Purpose)> = org
            .purposes
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                matches!(
                    p.legal_basis,
                    Some(LegalBasis::PublicTask | LegalBasis::LegitimateInterests)
                )
            })
            .collect();
        if !grounded.is_empty() {
            let names: Vec<String> = grounded.iter().map(|(i, p)| self.reference(*i, p)).collect();
            let mut block = Block::new(BlockKind::Notice {
                kind: NoticeKind::Important,
                content: text(
                    self.c
                        .get(Key::ObjectionGeneral, &[("purposes", &self.join(&names, Key::ListOr))]),
                ),
            });
            block.paths = grounded
                .iter()
                .map(|(i, _)| format!("/purposes/{i}/legal_basis"))
                .collect();
            blocks.push(block);
        }
        let statement_level: Vec<usize> = org
            .legal_bases
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b.basis, LegalBasis::PublicTask | LegalBasis::LegitimateInterests))
            .map(|(i, _)| i)
            .collect();
        if !statement_level.is_empty() {
            let mut block = Block::new(BlockKind::Notice {
                kind: NoticeKind::Important,
                content: self.t(Key::ObjectionStatementBases),
            });
            block.paths = statement_level
                .iter()
                .map(|i| format!("/legal_bases/{i}/basis"))
                .collect();
            blocks.push(block);
        }
        let marketing: Vec<(usize, &Purpose)> = org
            .purposes
            .iter()
            .enumerate()
            .filter(|(_, p)| p.direct_marketing)
            .collect();
        if !marketing.is_empty() {
            let names: Vec<String> = marketing.iter().map(|(i, p)| self.reference(*i, p)).collect();
            let mut block = Block::new(BlockKind::Notice {
                kind: NoticeKind::Important,
                content: text(
                    self.c
                        .get(Key::ObjectionMarketing, &[("purposes", &self.join_and(&names))]),
                ),
            });
            block.paths = marketing
                .iter()
                .map(|(i, _)| format!("/purposes/{i}/direct_marketing"))
                .collect();
            blocks.push(block);
        }
        if blocks.is_empty() {
            // "The right does not apply" is a conclusion: drawn only when every basis is known.
            let all_known = !org.purposes.is_empty() && org.purposes.iter().all(|p| p.legal_basis.is_some());
            if all_known {
                blocks.push(Block::paragraph(self.s(Key::ObjectionNotApplicable)).from("/purposes/*/legal_basis"));
            } else {
                blocks.push(self.silent("/purposes/*/legal_basis"));
            }
        }
        blocks
    }

    fn requests(&self) -> Vec<Block> {
        let rights = self.org.rights.clone().unwrap_or_default();
        let mut blocks = Vec::new();
        match &rights.channel {
            Some(ch) => {
                let mut items = Vec::new();
                let mut paths = Vec::new();
                if let Some(e) = &ch.email {
                    items.push(def(self.s(Key::RequestsEmail), mail(e)));
                    paths.push("/rights/channel/email".to_string());
                }
                if let Some(f) = &ch.form {
                    items.push(def(self.s(Key::RequestsForm), web(f)));
                    paths.push("/rights/channel/form".to_string());
                }
                if let Some(p) = &ch.phone {
                    items.push(def(self.s(Key::RequestsPhone), text(p.clone())));
                    paths.push("/rights/channel/phone".to_string());
                }
                if let Some(a) = &ch.address {
                    items.push(def(self.s(Key::RequestsAddress), text(self.address_text(a))));
                    paths.push("/rights/channel/address".to_string());
                }
                if items.is_empty() {
                    blocks.push(self.silent("/rights/channel"));
                } else {
                    blocks.push(Block::paragraph(self.s(Key::RequestsIntro)));
                    blocks.push(definitions(items).with_paths(paths));
                }
            }
            None => blocks.push(self.silent("/rights/channel")),
        }
        if rights.written_only {
            blocks.push(Block::paragraph(self.s(Key::RequestsWrittenOnly)).from("/rights/written_only"));
        }
        match &rights.response_time {
            Some(d) => {
                let mut parts = vec![text(
                    self.c.get(Key::RequestsResponseTime, &[("period", &self.duration(d))]),
                )];
                let mut paths = vec!["/rights/response_time".to_string()];
                if rights.extension_notice {
                    parts.push(self.t(Key::RequestsExtension));
                    paths.push("/rights/extension_notice".into());
                }
                let mut block = paragraph(sentences(parts));
                block.paths = paths;
                blocks.push(block);
            }
            None => {
                let mut block = Block::paragraph(self.s(Key::RequestsTerm));
                if rights.extension_notice {
                    block.paths.push("/rights/extension_notice".into());
                }
                blocks.push(block);
            }
        }
        if !rights.other_terms.is_empty() {
            let mut paths = Vec::new();
            let items = rights
                .other_terms
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let at = format!("/rights/other_terms/{i}");
                    paths.push(format!("{at}/period"));
                    let period = self.duration(&t.period);
                    let mut parts = vec![text(match t.right {
                        Some(r) => {
                            paths.push(format!("{at}/right"));
                            self.c.get(
                                Key::RequestsOtherTerm,
                                &[("right", &self.s(right_keys(r).2)), ("period", &period)],
                            )
                        }
                        None => self.c.get(Key::RequestsOtherTermPlain, &[("period", &period)]),
                    })];
                    if let Some(d) = &t.description {
                        parts.push(sentence_of(d));
                        paths.push(format!("{at}/description"));
                    }
                    sentences(parts)
                })
                .collect();
            blocks.push(list(items).with_paths(paths));
        }
        match &rights.fee {
            Some(fee) => {
                let block = definitions(vec![def(self.s(Key::RequestsFee), sentence_of(fee))]).from("/rights/fee");
                blocks.push(block);
            }
            None => blocks.push(Block::paragraph(self.s(Key::RequestsFree))),
        }
        match &rights.identification {
            Some(i) => blocks.extend(from_path(to_blocks(i), "/rights/identification")),
            None => blocks.push(Block::paragraph(self.s(Key::RequestsIdentification))),
        }
        blocks
    }

    fn complaints(&self) -> Vec<Block> {
        let complaints = self.org.complaints.clone().unwrap_or_default();
        let mut blocks = Vec::new();
        if let Some(internal) = &complaints.internal {
            blocks.extend(from_path(to_blocks(internal), "/complaints/internal"));
        }
        if let Some(url) = complaints.internal_url.as_ref() {
            let mut content = text(format!("{} ", self.s(Key::ComplaintsInternalLink)));
            content.extend(web(url));
            blocks.push(paragraph(content).from("/complaints/internal_url"));
        }
        let mut mentions_site = false;
        match &complaints.authority_text {
            Some(t) => {
                mentions_site = t.to_lowercase().contains("autoriteitpersoonsgegevens.nl");
                blocks.extend(from_path(to_blocks(t), "/complaints/authority_text"));
            }
            None => blocks.push(Block::paragraph(self.s(Key::ComplaintsAp))),
        }
        if !mentions_site {
            let mut content = text(format!("{} ", self.s(Key::ComplaintsApSee)));
            content.push(Inline::link(
                "https://autoriteitpersoonsgegevens.nl",
                self.s(Key::ComplaintsApLink),
            ));
            content.push(Inline::text("."));
            blocks.push(paragraph(content));
        }
        if complaints.authority.is_some()
            && let Some(last) = blocks.last_mut()
        {
            last.paths.push("/complaints/authority".into());
        }
        blocks
    }

    fn changes(&self) -> Vec<Block> {
        let s = &self.org.statement;
        let mut blocks = Vec::new();
        // Recommended (VK007): no placeholder where the file gives no version.
        if let Some(v) = self.version_line() {
            let mut block = Block::paragraph(v);
            for (set, path) in [
                (s.version.is_some(), "/statement/version"),
                (s.effective_date.is_some(), "/statement/effective_date"),
                (
                    s.version.is_none() && s.effective_date.is_none(),
                    "/statement/version_label",
                ),
            ] {
                if set {
                    block.paths.push(path.into());
                }
            }
            blocks.push(block);
        }
        if let (Some(label), true) = (&s.version_label, s.version.is_some() || s.effective_date.is_some()) {
            blocks.push(
                Block::paragraph(self.c.get(Key::VersionLabel, &[("label", label.trim_end_matches('.'))]))
                    .from("/statement/version_label"),
            );
        }
        if let Some(url) = &s.url {
            let mut content = text(format!("{} ", self.s(Key::ChangesUrl)));
            content.extend(web(url));
            blocks.push(paragraph(content).from("/statement/url"));
        }
        if let Some(p) = &s.change_policy {
            blocks.extend(from_path(to_blocks(p), "/statement/change_policy"));
        }
        if !s.changes.is_empty() {
            blocks.push(Block::paragraph(self.s(Key::ChangesHistory)));
            let mut paths = Vec::new();
            let items = s
                .changes
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let at = format!("/statement/changes/{i}");
                    paths.extend([format!("{at}/date"), format!("{at}/summary")]);
                    let date = self.date(c.date);
                    text(match &c.version {
                        Some(v) => {
                            paths.push(format!("{at}/version"));
                            self.c.get(
                                Key::ChangesItemVersion,
                                &[("date", &date), ("version", v), ("summary", c.summary.trim())],
                            )
                        }
                        None => self
                            .c
                            .get(Key::ChangesItem, &[("date", &date), ("summary", c.summary.trim())]),
                    })
                })
                .collect();
            blocks.push(list(items).with_paths(paths));
        }
        blocks
    }
}
