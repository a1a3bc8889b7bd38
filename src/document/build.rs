//! Model → statement. Every section of RULES.md §5 is always present, in the same order, in
//! the same words (from the catalogue); what the model does not say is marked as missing
//! instead of being invented.

use std::collections::BTreeMap;

use super::catalogue::Catalogue;
use super::markdown::{safe_href, to_blocks, to_inline};
use super::model::{Block, BlockKind, Definition, Inline, NoticeKind, Section, Statement, Table};
use crate::diagnostics::SeverityLevel;
use crate::lint::Finding;
use crate::model::load::Loaded;
use crate::model::organisation::Address;
use crate::model::time::{Date, Duration};
use crate::model::vocab::{AddressForm, DataKind, LegalBasis, Right, SectionKey};
use crate::model::{Organisation, Purpose, Retention, derived_rights};

/// Builds the statement of one loaded organisation. `findings` decide the draft banner.
pub fn build(loaded: &Loaded, findings: &[Finding]) -> Statement {
    let slug = loaded
        .file
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("organisatie")
        .to_string();
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
        .unwrap_or_else(|| b.c.get("title.default", &[("organisation", &organisation)]));
    let mut sections = Vec::new();
    for key in STANDARD_SECTIONS {
        sections.push(b.section(key));
        for custom in org.custom_sections.iter().filter(|s| s.after == key) {
            sections.push(Section {
                anchor: anchor_of(&custom.title),
                title: custom.title.clone(),
                key: "custom".into(),
                blocks: to_blocks(&custom.body),
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
        draft_label: b.c.s("draft.label"),
        draft_notice: (errors > 0).then(|| b.c.get("draft.notice", &[("errors", &errors.to_string())])),
        summary: b.summary(),
        sections,
    }
}

const STANDARD_SECTIONS: [SectionKey; 18] = [
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

fn address_text(a: &Address) -> String {
    let mut parts = Vec::new();
    if let Some(street) = &a.street {
        parts.push(street.clone());
    }
    let city = match &a.postcode {
        Some(pc) => format!("{pc} {}", a.city),
        None => a.city.clone(),
    };
    parts.push(city);
    if let Some(country) = a.country.as_ref().filter(|c| !c.eq_ignore_ascii_case("NL")) {
        parts.push(country.clone());
    }
    parts.join(", ")
}

impl Builder<'_> {
    fn s(&self, key: &str) -> String {
        self.c.s(key)
    }

    fn missing(&self) -> Block {
        Block::new(BlockKind::Notice {
            kind: NoticeKind::Missing,
            content: text(self.s("missing")),
        })
    }

    fn date(&self, d: Date) -> String {
        let months = self.s("months");
        let month = months
            .split(' ')
            .nth(usize::from(d.month).saturating_sub(1))
            .unwrap_or("");
        format!("{} {month} {}", d.day, d.year)
    }

    fn duration(&self, d: &Duration) -> String {
        let mut parts = Vec::new();
        for (n, key) in [
            (d.years, "unit.year"),
            (d.months, "unit.month"),
            (d.weeks, "unit.week"),
            (d.days, "unit.day"),
            (d.hours, "unit.hour"),
            (d.minutes, "unit.minute"),
        ] {
            if n > 0 {
                parts.push(self.c.unit(key, n));
            }
        }
        match parts.as_slice() {
            [] => self.c.unit("unit.day", 0),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.s("unit.and")),
        }
    }

    fn join_and(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.s("list.and")),
        }
    }

    fn version_line(&self) -> Option<String> {
        let s = &self.org.statement;
        match (&s.version, s.effective_date) {
            (Some(v), Some(d)) => Some(self.c.get("version.both", &[("version", v), ("date", &self.date(d))])),
            (Some(v), None) => Some(self.c.get("version.only", &[("version", v)])),
            (None, Some(d)) => Some(self.c.get("version.date", &[("date", &self.date(d))])),
            (None, None) => s
                .version_label
                .as_ref()
                .map(|l| self.c.get("version.label", &[("label", l)])),
        }
    }

    fn section(&self, key: SectionKey) -> Section {
        let name = Catalogue::section_key(key);
        let (anchor, title) = self.c.section(name);
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
            key: name.to_string(),
            blocks,
            subsections,
        }
    }

    // "In het kort": a first layer of at most a few lines per question.
    fn summary(&self) -> Section {
        let (anchor, title) = self.c.section("summary");
        let org = self.org;
        let shorten = |items: Vec<String>, max: usize| -> String {
            if items.len() > max {
                let shown: Vec<String> = items.into_iter().take(max).collect();
                self.c.get("list.more", &[("items", &shown.join(", "))])
            } else {
                self.join_and(&items)
            }
        };
        let mut items = vec![def(
            self.s("summary.who"),
            text(
                org.organisation
                    .legal_name
                    .clone()
                    .unwrap_or_else(|| org.organisation.name.clone()),
            ),
        )];
        if !org.data_categories.is_empty() {
            let names = org.data_categories.iter().map(|c| c.name.clone()).collect();
            items.push(def(self.s("summary.what"), text(shorten(names, 6))));
        }
        if !org.purposes.is_empty() {
            let names = org
                .purposes
                .iter()
                .map(|p| lower_first(&first_words(p.description.trim_end_matches('.'), 10)))
                .collect();
            items.push(def(self.s("summary.why"), text(shorten(names, 4))));
        }
        items.push(def(self.s("summary.how_long"), text(self.s("summary.how_long.value"))));
        let rights: Vec<String> = derived_rights(org)
            .keys()
            .map(|r| lower_first(&self.s(&format!("right.{}.title", right_key(*r)))))
            .collect();
        items.push(def(self.s("summary.rights"), text(self.join_and(&rights))));
        if let Some(contact) = self.contact_line() {
            items.push(def(self.s("summary.contact"), contact));
        }
        Section {
            anchor,
            title,
            key: "summary".into(),
            blocks: vec![Block::new(BlockKind::Definitions { items })],
            subsections: Vec::new(),
        }
    }

    fn contact_line(&self) -> Option<Vec<Inline>> {
        let rights_email = self
            .org
            .rights
            .as_ref()
            .and_then(|r| r.channel.as_ref())
            .and_then(|c| c.email.clone());
        let contact = self.org.organisation.contact.clone().unwrap_or_default();
        if let Some(email) = rights_email.or(contact.email) {
            return Some(link_or_text(&email, format!("mailto:{email}")));
        }
        contact.phone.map(text)
    }

    fn identity(&self) -> Vec<Block> {
        let c = &self.org.organisation;
        let mut blocks = vec![Block::paragraph(
            self.c.get("identity.intro", &[("organisation", &c.name)]),
        )];
        if let Some(d) = &c.description {
            blocks.extend(to_blocks(d));
        }
        let mut items = vec![def(self.s("identity.name"), text(c.name.clone()))];
        if let Some(l) = &c.legal_name {
            items.push(def(self.s("identity.legal_name"), text(l.clone())));
        }
        if let Some(a) = &c.address {
            items.push(def(self.s("identity.address"), text(address_text(a))));
        }
        if let Some(a) = &c.postal_address {
            items.push(def(self.s("identity.postal_address"), text(address_text(a))));
        }
        let contact = c.contact.clone().unwrap_or_default();
        if let Some(e) = &contact.email {
            items.push(def(self.s("identity.email"), link_or_text(e, format!("mailto:{e}"))));
        }
        if let Some(p) = &contact.phone {
            items.push(def(self.s("identity.phone"), text(p.clone())));
        }
        if let Some(w) = &contact.website {
            items.push(def(self.s("identity.website"), link_or_text(w, web_href(w))));
        }
        if let Some(f) = &contact.web_form {
            items.push(def(self.s("identity.web_form"), link_or_text(f, web_href(f))));
        }
        if let Some(k) = &c.kvk {
            items.push(def(self.s("identity.kvk"), text(k.clone())));
        }
        if let Some(b) = &c.btw {
            items.push(def(self.s("identity.btw"), text(b.clone())));
        }
        if !c.locations.is_empty() {
            items.push(def(self.s("identity.locations"), text(self.join_and(&c.locations))));
        }
        if let Some(r) = &c.representative {
            let parts: Vec<String> = [
                r.name.clone(),
                r.email.clone(),
                r.phone.clone(),
                r.address.as_ref().map(address_text),
            ]
            .into_iter()
            .flatten()
            .collect();
            items.push(def(self.s("identity.representative"), text(parts.join(", "))));
        }
        blocks.push(Block::new(BlockKind::Definitions { items }));
        blocks
    }

    fn dpo(&self) -> Vec<Block> {
        let Some(dpo) = &self.org.dpo else {
            return vec![self.missing()];
        };
        if !dpo.appointed {
            return vec![Block::paragraph(match &dpo.not_required_reason {
                Some(reason) => self.c.get("dpo.not_appointed", &[("reason", reason)]),
                None => self.s("dpo.not_appointed_plain"),
            })];
        }
        let mut items = Vec::new();
        if let Some(n) = &dpo.name {
            items.push(def(self.s("identity.name"), text(n.clone())));
        }
        if let Some(e) = &dpo.email {
            items.push(def(self.s("identity.email"), link_or_text(e, format!("mailto:{e}"))));
        }
        if let Some(p) = &dpo.phone {
            items.push(def(self.s("identity.phone"), text(p.clone())));
        }
        if let Some(a) = &dpo.address {
            items.push(def(self.s("identity.address"), text(address_text(a))));
        }
        let mut blocks = vec![Block::paragraph(self.s("dpo.appointed"))];
        if items.is_empty() {
            blocks.push(self.missing());
        } else {
            blocks.push(Block::new(BlockKind::Definitions { items }));
        }
        blocks
    }

    fn scope(&self) -> Vec<Block> {
        let org = self.org;
        if org.data_subjects.is_empty() {
            return vec![self.missing()];
        }
        let items = org
            .data_subjects
            .iter()
            .map(|s| {
                let mut line = text(s.name.clone());
                if let Some(d) = &s.description {
                    line.push(Inline::text(": "));
                    line.extend(to_inline(d));
                }
                line
            })
            .collect();
        let mut blocks = vec![
            Block::paragraph(self.s("scope.intro")),
            Block::new(BlockKind::List { ordered: false, items }),
        ];
        let scope = org.scope.clone().unwrap_or_default();
        if !scope.websites.is_empty() {
            blocks.push(Block::paragraph(
                self.c
                    .get("scope.websites", &[("websites", &self.join_and(&scope.websites))]),
            ));
        } else if scope.website == Some(true) {
            blocks.push(Block::paragraph(self.s("scope.website")));
        }
        if let Some(s) = &scope.services {
            blocks.push(Block::paragraph(self.c.get("scope.services", &[("services", s)])));
        }
        if let Some(e) = &scope.excluded {
            blocks.push(Block::paragraph(self.c.get("scope.excluded", &[("excluded", e)])));
        }
        blocks
    }

    fn kind_label(&self, c: &crate::model::DataCategory) -> String {
        match c.kind {
            DataKind::Regular => self.s("data.kind.regular"),
            DataKind::Special => {
                let special = c
                    .special
                    .map(|s| self.s(&format!("data.special.{}", serde_key(&s))))
                    .unwrap_or_default();
                self.c.get("data.kind.special", &[("special", &special)])
            }
            DataKind::Criminal => self.s("data.kind.criminal"),
            DataKind::NationalId => self.s("data.kind.national_id"),
        }
    }

    fn data(&self) -> Vec<Block> {
        let org = self.org;
        if org.data_categories.is_empty() {
            return vec![self.missing()];
        }
        let rows = org
            .data_categories
            .iter()
            .map(|c| {
                vec![
                    text(c.name.clone()),
                    c.description.as_deref().map(to_inline).unwrap_or_default(),
                    text(self.kind_label(c)),
                ]
            })
            .collect();
        let mut blocks = vec![
            Block::paragraph(self.s("data.intro")),
            Block::new(BlockKind::Table(Table {
                caption: self.s("data.caption"),
                headers: vec![
                    self.s("data.col.name"),
                    self.s("data.col.description"),
                    self.s("data.col.kind"),
                ],
                rows,
            })),
        ];
        if org.data_categories.iter().any(|c| c.kind == DataKind::Special) {
            blocks.push(Block::paragraph(self.s("data.special_note")));
        }
        for c in org.data_categories.iter().filter(|c| c.kind == DataKind::NationalId) {
            if let Some(statute) = &c.statute {
                blocks.push(Block::paragraph(self.c.get("data.bsn_note", &[("statute", statute)])));
            }
        }
        for c in org.data_categories.iter().filter(|c| c.kind == DataKind::Criminal) {
            let bases: Vec<String> = org
                .purposes
                .iter()
                .filter(|p| p.data_categories.contains(&c.id))
                .filter_map(|p| p.criminal_data_basis.clone())
                .collect();
            if !bases.is_empty() {
                blocks.push(Block::paragraph(self.c.get(
                    "data.criminal_note",
                    &[("name", &c.name), ("basis", &self.join_and(&bases))],
                )));
            }
        }
        blocks
    }

    fn sources(&self) -> Vec<Block> {
        let org = self.org;
        let used: Vec<&String> = org.purposes.iter().flat_map(|p| p.sources.iter()).collect();
        let others: Vec<&crate::model::Source> = org
            .sources
            .iter()
            .filter(|s| used.contains(&&s.id) || used.is_empty())
            .collect();
        if others.is_empty() {
            return if used.is_empty() {
                vec![self.missing()]
            } else {
                vec![Block::paragraph(self.s("sources.self_only"))]
            };
        }
        let items = others
            .iter()
            .map(|s| {
                let mut line = text(s.name.clone());
                if s.public {
                    line.push(Inline::text(format!(" {}", self.s("sources.public"))));
                }
                if let Some(d) = &s.description {
                    line.push(Inline::text(": "));
                    line.extend(to_inline(d));
                }
                line
            })
            .collect();
        vec![
            Block::paragraph(self.s("sources.intro")),
            Block::new(BlockKind::List { ordered: false, items }),
        ]
    }

    fn names(&self, ids: &[String], lookup: impl Fn(&str) -> Option<String>) -> String {
        let names: Vec<String> = ids.iter().map(|id| lookup(id).unwrap_or_else(|| id.clone())).collect();
        self.join_and(&names)
    }

    fn retention_text(&self, r: &Retention) -> String {
        match (&r.period, &r.criteria) {
            (Some(p), _) if r.maximum => self.c.get("retention.maximum", &[("period", &self.duration(p))]),
            (Some(p), _) => self.duration(p),
            (None, Some(c)) => c.clone(),
            (None, None) => self.s("retention.unknown"),
        }
    }

    fn purposes(&self) -> (Vec<Block>, Vec<Section>) {
        let org = self.org;
        if org.purposes.is_empty() {
            return (
                vec![Block::paragraph(self.s("purposes.none")), self.missing()],
                Vec::new(),
            );
        }
        let subsections = org.purposes.iter().map(|p| self.purpose(p)).collect();
        (vec![Block::paragraph(self.s("purposes.intro"))], subsections)
    }

    fn purpose(&self, p: &Purpose) -> Section {
        let org = self.org;
        let mut blocks = Vec::new();
        if let Some(d) = &p.details {
            blocks.extend(to_blocks(d));
        }
        let mut items = Vec::new();
        match p.legal_basis {
            Some(basis) => items.push(def(
                self.s("purpose.basis"),
                text(self.s(&format!("basis.{}", serde_key(&basis)))),
            )),
            None => items.push(def(self.s("purpose.basis"), text(self.s("purpose.basis.missing")))),
        }
        if let Some(s) = &p.statute {
            items.push(def(self.s("purpose.statute"), text(s.clone())));
        }
        if p.legal_basis == Some(LegalBasis::LegitimateInterests)
            && let Some(li) = &p.legitimate_interest
        {
            items.push(def(self.s("purpose.legitimate_interest"), to_inline(li)));
        }
        if let Some(cond) = p.special_category_condition {
            let mut value = self.s(&format!("condition.{}", serde_key(&cond)));
            if let Some(law) = &p.special_category_law {
                value = format!("{value}; {law}");
            }
            items.push(def(self.s("purpose.special"), text(value)));
        }
        if let Some(basis) = &p.criminal_data_basis {
            items.push(def(self.s("purpose.criminal"), text(basis.clone())));
        }
        if !p.data_categories.is_empty() {
            let names = self.names(&p.data_categories, |id| {
                org.data_categories.iter().find(|c| c.id == id).map(|c| c.name.clone())
            });
            items.push(def(self.s("purpose.data"), text(names)));
        }
        if !p.data_subjects.is_empty() {
            let names = self.names(&p.data_subjects, |id| {
                org.data_subjects.iter().find(|s| s.id == id).map(|s| s.name.clone())
            });
            items.push(def(self.s("purpose.subjects"), text(names)));
        }
        if !p.sources.is_empty() {
            let names = self.names(&p.sources, |id| {
                if id == crate::model::processing::SOURCE_SELF {
                    Some(self.s("purpose.source.self"))
                } else {
                    org.sources.iter().find(|s| s.id == id).map(|s| s.name.clone())
                }
            });
            items.push(def(self.s("purpose.sources"), text(names)));
        }
        let retention = p
            .retention
            .as_ref()
            .map(|r| self.retention_text(r))
            .unwrap_or_else(|| self.s("purpose.retention.see"));
        items.push(def(self.s("purpose.retention"), text(retention)));
        if !p.recipients.is_empty() {
            let names = self.names(&p.recipients, |id| {
                org.recipients
                    .iter()
                    .flatten()
                    .find(|r| r.id == id)
                    .map(|r| r.name.clone())
            });
            items.push(def(self.s("purpose.recipients"), text(names)));
        }
        if let Some(g) = &p.guardian_consent {
            items.push(def(self.s("purpose.guardian"), to_inline(g)));
        }
        if p.direct_marketing {
            items.push(def(self.s("purpose.marketing"), text(self.s("purpose.marketing.text"))));
        }
        blocks.push(Block::new(BlockKind::Definitions { items }));
        Section {
            anchor: format!("doel-{}", p.id),
            title: p.description.clone(),
            key: "purpose".into(),
            blocks,
            subsections: Vec::new(),
        }
    }

    fn provision(&self) -> Vec<Block> {
        let org = self.org;
        if org.purposes.is_empty() {
            return vec![self.missing()];
        }
        let rows = org
            .purposes
            .iter()
            .map(|p| {
                let (required, consequence) = match &p.provision {
                    Some(v) => (
                        self.s(&format!("provision.{}", serde_key(&v.required))),
                        v.consequence
                            .as_deref()
                            .map(to_inline)
                            .unwrap_or_else(|| text(self.s("provision.unknown"))),
                    ),
                    None => (self.s("provision.unknown"), text(self.s("provision.unknown"))),
                };
                vec![text(p.description.clone()), text(required), consequence]
            })
            .collect();
        vec![
            Block::paragraph(self.s("provision.intro")),
            Block::new(BlockKind::Table(Table {
                caption: self.s("provision.caption"),
                headers: vec![
                    self.s("provision.col.purpose"),
                    self.s("provision.col.required"),
                    self.s("provision.col.consequence"),
                ],
                rows,
            })),
        ]
    }

    fn recipients(&self) -> Vec<Block> {
        let Some(recipients) = &self.org.recipients else {
            return vec![self.missing()];
        };
        if recipients.is_empty() {
            return vec![Block::paragraph(self.s("recipients.none"))];
        }
        use crate::model::vocab::RecipientRole;
        let rows = recipients
            .iter()
            .map(|r| {
                let role = r
                    .role
                    .map(|role| self.s(&format!("role.{}", serde_key(&role))))
                    .unwrap_or_else(|| self.s("role.unknown"));
                let mut why = r.description.as_deref().map(to_inline).unwrap_or_default();
                let mut extra = Vec::new();
                if let Some(s) = &r.statute {
                    extra.push(self.c.get("recipients.statute", &[("statute", s)]));
                }
                if r.consent_required {
                    extra.push(self.s("recipients.consent_only"));
                }
                if !extra.is_empty() {
                    if !why.is_empty() {
                        why.push(Inline::text(" "));
                    }
                    why.push(Inline::text(format!("({})", extra.join("; "))));
                }
                vec![
                    text(r.name.clone()),
                    text(role),
                    why,
                    text(r.country.clone().unwrap_or_default()),
                ]
            })
            .collect();
        let mut blocks = vec![
            Block::paragraph(self.s("recipients.intro")),
            Block::new(BlockKind::Table(Table {
                caption: self.s("recipients.caption"),
                headers: vec![
                    self.s("recipients.col.name"),
                    self.s("recipients.col.role"),
                    self.s("recipients.col.why"),
                    self.s("recipients.col.country"),
                ],
                rows,
            })),
        ];
        if recipients
            .iter()
            .any(|r| r.role == Some(RecipientRole::Processor) && r.agreement == Some(true))
        {
            blocks.push(Block::paragraph(self.s("recipients.processors")));
        }
        for r in recipients
            .iter()
            .filter(|r| r.role == Some(RecipientRole::JointController))
        {
            if let Some(a) = &r.arrangement {
                blocks.push(Block::paragraph(
                    self.c.get("recipients.joint", &[("name", &r.name), ("arrangement", a)]),
                ));
            }
        }
        blocks
    }

    fn transfers(&self) -> Vec<Block> {
        let Some(transfers) = &self.org.transfers else {
            return vec![self.missing()];
        };
        if transfers.is_empty() {
            return vec![Block::paragraph(self.s("transfers.none"))];
        }
        let rows = transfers
            .iter()
            .map(|t| {
                let mut countries = if t.countries.is_empty() {
                    self.s("transfers.countries.unknown")
                } else {
                    t.countries.join(", ")
                };
                if t.possible {
                    countries = format!("{countries} ({})", self.s("transfers.possible"));
                }
                let recipient = t
                    .recipient
                    .as_ref()
                    .and_then(|id| self.org.recipients.iter().flatten().find(|r| &r.id == id))
                    .map(|r| r.name.clone())
                    .unwrap_or_default();
                let mechanism = t
                    .mechanism
                    .map(|m| self.s(&format!("mechanism.{}", serde_key(&m))))
                    .unwrap_or_else(|| self.s("mechanism.unknown"));
                vec![
                    text(countries),
                    text(recipient),
                    text(mechanism),
                    t.copy_available_at.as_deref().map(to_inline).unwrap_or_default(),
                ]
            })
            .collect();
        vec![
            Block::paragraph(self.s("transfers.intro")),
            Block::new(BlockKind::Table(Table {
                caption: self.s("transfers.caption"),
                headers: vec![
                    self.s("transfers.col.countries"),
                    self.s("transfers.col.recipient"),
                    self.s("transfers.col.mechanism"),
                    self.s("transfers.col.copy"),
                ],
                rows,
            })),
        ]
    }

    fn retention(&self) -> Vec<Block> {
        let org = self.org;
        let mut rows = Vec::new();
        let mut row = |records: String, r: &Retention| {
            let period = self.retention_text(r);
            let period = match &r.deletion_within {
                Some(d) => format!(
                    "{period}. {}",
                    self.c.get("retention.deletion", &[("period", &self.duration(d))])
                ),
                None => period,
            };
            rows.push(vec![
                text(records),
                text(period),
                text(r.start.clone().unwrap_or_default()),
                text(r.statute.clone().unwrap_or_default()),
            ]);
        };
        for p in &org.purposes {
            if let Some(r) = &p.retention {
                row(p.description.clone(), r);
            }
        }
        for c in &org.data_categories {
            if let Some(r) = &c.retention {
                row(c.name.clone(), r);
            }
        }
        if let Some(general) = &org.retention {
            for e in &general.schedule {
                row(e.records.clone(), &e.retention);
            }
        }
        let mut blocks = vec![Block::paragraph(self.s("retention.intro"))];
        if let Some(general) = &org.retention {
            for t in [&general.criteria, &general.exceptions].into_iter().flatten() {
                blocks.extend(to_blocks(t));
            }
        }
        if rows.is_empty() {
            blocks.push(self.missing());
        } else {
            blocks.push(Block::new(BlockKind::Table(Table {
                caption: self.s("retention.caption"),
                headers: vec![
                    self.s("retention.col.records"),
                    self.s("retention.col.period"),
                    self.s("retention.col.start"),
                    self.s("retention.col.statute"),
                ],
                rows,
            })));
        }
        blocks
    }

    fn automated(&self) -> Vec<Block> {
        let with: Vec<&Purpose> = self
            .org
            .purposes
            .iter()
            .filter(|p| p.automated_decision.is_some() || p.profiling.is_some())
            .collect();
        if with.is_empty() {
            return vec![Block::paragraph(self.s("adm.none"))];
        }
        let mut blocks = Vec::new();
        for p in with {
            let mut items = Vec::new();
            if let Some(adm) = &p.automated_decision {
                for (key, value) in [
                    ("adm.logic", &adm.logic),
                    ("adm.significance", &adm.significance),
                    ("adm.consequences", &adm.consequences),
                    ("adm.safeguards", &adm.safeguards),
                ] {
                    if let Some(v) = value {
                        items.push(def(self.s(key), to_inline(v)));
                    }
                }
            }
            if let Some(profiling) = &p.profiling {
                items.push(def(self.s("adm.profiling"), to_inline(profiling)));
            }
            blocks.push(Block::new(BlockKind::Paragraph {
                content: vec![Inline::Strong {
                    content: text(p.description.clone()),
                }],
            }));
            blocks.push(Block::new(BlockKind::Definitions { items }));
            if p.automated_decision.is_some() {
                blocks.push(Block::paragraph(self.s("adm.rights")));
            }
        }
        blocks
    }

    fn cookies(&self) -> Vec<Block> {
        let scope = self.org.scope.clone().unwrap_or_default();
        let website = scope.website == Some(true) || !scope.websites.is_empty();
        let items = self.org.cookies.as_ref().map(|c| c.items.as_slice()).unwrap_or(&[]);
        if items.is_empty() {
            return if website || self.org.cookies.is_some() {
                vec![self.missing()]
            } else {
                vec![Block::paragraph(self.s("cookies.no_website"))]
            };
        }
        let rows = items
            .iter()
            .map(|c| {
                let consent = if c.kind.exempt_from_consent() {
                    self.s("cookies.consent.no")
                } else {
                    self.s("cookies.consent.yes")
                };
                vec![
                    text(c.name.clone()),
                    text(c.provider.clone().unwrap_or_default()),
                    c.purpose.as_deref().map(to_inline).unwrap_or_default(),
                    text(c.retention.as_ref().map(|d| self.duration(d)).unwrap_or_default()),
                    text(consent),
                ]
            })
            .collect();
        let rule = if items.iter().all(|c| c.kind.exempt_from_consent()) {
            "cookies.functional_only"
        } else {
            "cookies.consent_rule"
        };
        vec![
            Block::paragraph(self.s(rule)),
            Block::new(BlockKind::Table(Table {
                caption: self.s("cookies.caption"),
                headers: vec![
                    self.s("cookies.col.name"),
                    self.s("cookies.col.provider"),
                    self.s("cookies.col.purpose"),
                    self.s("cookies.col.retention"),
                    self.s("cookies.col.consent"),
                ],
                rows,
            })),
        ]
    }

    fn security(&self) -> Vec<Block> {
        let security = self.org.security.clone().unwrap_or_default();
        let mut blocks = Vec::new();
        if security.measures.is_empty() {
            blocks.push(self.missing());
        } else {
            blocks.push(Block::paragraph(self.s("security.intro")));
            blocks.push(Block::new(BlockKind::List {
                ordered: false,
                items: security.measures.iter().map(|m| to_inline(m)).collect(),
            }));
        }
        // The organisation's own breach text replaces the standard sentence, never doubles it.
        match &security.data_breach {
            Some(b) => blocks.extend(to_blocks(b)),
            None => blocks.push(Block::paragraph(self.s("security.breach"))),
        }
        blocks
    }

    fn rights(&self) -> Vec<Block> {
        let derived = derived_rights(self.org);
        let mut items = Vec::new();
        for (right, grounds) in &derived {
            let key = right_key(*right);
            let mut description = text(self.s(&format!("right.{key}.text")));
            let mut extra = Vec::new();
            if *right == Right::Erasure && grounds.limited {
                extra.push(self.s("right.erasure.limited"));
            }
            if grounds.wgbo {
                extra.push(self.s(&format!("right.{key}.wgbo")));
            }
            for e in extra {
                description.push(Inline::text(format!(" {e}")));
            }
            items.push(def(self.s(&format!("right.{key}.title")), description));
        }
        let mut blocks = vec![Block::paragraph(self.s("rights.intro")), Block::new(BlockKind::Definitions { items })];
        let grounded: Vec<Vec<Inline>> = self
            .org
            .rights
            .iter()
            .flat_map(|r| r.restrictions.iter())
            .filter_map(|x| {
                x.legal_ground.as_ref().map(|g| {
                    text(self.c.get(
                        "rights.restriction_item",
                        &[("description", &x.description), ("ground", g)],
                    ))
                })
            })
            .collect();
        if !grounded.is_empty() {
            blocks.push(Block::paragraph(self.s("rights.restrictions")));
            blocks.push(Block::new(BlockKind::List {
                ordered: false,
                items: grounded,
            }));
        }
        blocks
    }

    fn objection(&self) -> Vec<Block> {
        let org = self.org;
        let mut grounds: Vec<String> = Vec::new();
        for basis in [LegalBasis::PublicTask, LegalBasis::LegitimateInterests] {
            if org.purposes.iter().any(|p| p.legal_basis == Some(basis))
                || org.legal_bases.iter().any(|b| b.basis == basis)
            {
                grounds.push(self.s(&format!("objection.grounds.{}", serde_key(&basis))));
            }
        }
        let marketing: Vec<String> = org
            .purposes
            .iter()
            .filter(|p| p.direct_marketing)
            .map(|p| format!("'{}'", p.description.trim_end_matches('.')))
            .collect();
        let mut blocks = Vec::new();
        if !grounds.is_empty() {
            blocks.push(Block::new(BlockKind::Notice {
                kind: NoticeKind::Important,
                content: text(
                    self.c
                        .get("objection.general", &[("grounds", &self.join_and(&grounds))]),
                ),
            }));
        }
        if !marketing.is_empty() {
            blocks.push(Block::new(BlockKind::Notice {
                kind: NoticeKind::Important,
                content: text(
                    self.c
                        .get("objection.marketing", &[("purposes", &self.join_and(&marketing))]),
                ),
            }));
        }
        if blocks.is_empty() {
            blocks.push(Block::paragraph(self.s("objection.not_applicable")));
        }
        blocks
    }

    fn requests(&self) -> Vec<Block> {
        let rights = self.org.rights.clone().unwrap_or_default();
        let mut blocks = Vec::new();
        match &rights.channel {
            Some(ch) => {
                let mut items = Vec::new();
                if let Some(e) = &ch.email {
                    items.push(def(self.s("requests.email"), link_or_text(e, format!("mailto:{e}"))));
                }
                if let Some(f) = &ch.form {
                    items.push(def(self.s("requests.form"), link_or_text(f, web_href(f))));
                }
                if let Some(p) = &ch.phone {
                    items.push(def(self.s("requests.phone"), text(p.clone())));
                }
                if let Some(a) = &ch.address {
                    items.push(def(self.s("requests.address"), text(address_text(a))));
                }
                blocks.push(Block::paragraph(self.s("requests.intro")));
                blocks.push(Block::new(BlockKind::Definitions { items }));
            }
            None => blocks.push(self.missing()),
        }
        blocks.push(Block::paragraph(self.s("requests.term")));
        blocks.push(Block::paragraph(self.s("requests.free")));
        match &rights.identification {
            Some(i) => blocks.extend(to_blocks(i)),
            None => blocks.push(Block::paragraph(self.s("requests.identification"))),
        }
        blocks
    }

    fn complaints(&self) -> Vec<Block> {
        let complaints = self.org.complaints.clone().unwrap_or_default();
        let mut blocks = Vec::new();
        if let Some(internal) = &complaints.internal {
            let mut content = to_inline(internal);
            if let Some(url) = complaints.internal_url.as_ref().filter(|u| safe_href(&web_href(u))) {
                content.push(Inline::text(" "));
                content.push(Inline::link(web_href(url), url.clone()));
            }
            blocks.push(Block::new(BlockKind::Paragraph { content }));
        }
        let mut ap = text(format!("{} {} ", self.s("complaints.ap"), self.s("complaints.ap_see")));
        ap.push(Inline::link(
            "https://autoriteitpersoonsgegevens.nl",
            self.s("complaints.ap_link"),
        ));
        ap.push(Inline::text("."));
        blocks.push(Block::new(BlockKind::Paragraph { content: ap }));
        blocks
    }

    fn changes(&self) -> Vec<Block> {
        let s = &self.org.statement;
        let mut blocks = Vec::new();
        match self.version_line() {
            Some(v) => blocks.push(Block::paragraph(v)),
            None => blocks.push(self.missing()),
        }
        if let Some(p) = &s.change_policy {
            blocks.extend(to_blocks(p));
        }
        if !s.changes.is_empty() {
            blocks.push(Block::paragraph(self.s("changes.history")));
            let items = s
                .changes
                .iter()
                .map(|c| {
                    let date = self.date(c.date);
                    text(match &c.version {
                        Some(v) => self.c.get(
                            "changes.item_version",
                            &[("date", &date), ("version", v), ("summary", &c.summary)],
                        ),
                        None => self.c.get("changes.item", &[("date", &date), ("summary", &c.summary)]),
                    })
                })
                .collect();
            blocks.push(Block::new(BlockKind::List { ordered: false, items }));
        }
        blocks
    }
}

/// The YAML spelling of an enum value (`legal_obligation`), used to build catalogue keys.
fn serde_key<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn right_key(right: Right) -> String {
    serde_key(&right)
}

/// The first `n` words of a text, with "…" when it was longer.
fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        return words.join(" ");
    }
    format!("{} …", words[..n].join(" ").trim_end_matches([',', ';', ':']))
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
