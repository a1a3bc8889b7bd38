//! VK2xx — data categories, special categories, criminal data and the BSN (AVG art. 9, 10, 14;
//! UAVG art. 46).

use super::text::names_statute;
use crate::lint::{Ctx, Found, Rule};
use crate::model::processing::SOURCE_SELF;
use crate::model::vocab::DataKind;
use crate::source::Pointer;

fn category(i: usize) -> Pointer {
    Pointer::root().key("data_categories").index(i)
}

rule!(
    VK201, "VK201", "data-categories-missing", Error, "AVG art. 14 lid 1 sub d",
    what: "Of bij een doel waarvoor u gegevens van anderen krijgt, staat welke soorten gegevens dat zijn.",
    why: "Wie gegevens niet van de betrokkene zelf krijgt, moet de categorieën noemen (art. 14 lid 1 sub d).",
    bad: "  - id: verwijzing\n    description: Verwijzing verwerken\n    sources: [huisarts]\n",
    good: "  - id: verwijzing\n    description: Verwijzing verwerken\n    sources: [huisarts]\n    data_categories: [contact, gezondheid]\n",
    check: vk201,
);

fn vk201(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| p.sources.iter().any(|s| s != SOURCE_SELF) && p.data_categories.is_empty())
        .map(|(i, p)| {
            Found::new(
                ctx.purpose(i).key("sources"),
                ctx.t(
                    format!(
                        "U krijgt voor '{}' gegevens van anderen, maar vermeldt niet welke soorten gegevens dat zijn.",
                        p.description
                    ),
                    format!(
                        "For '{}' you receive data from others but do not say which kinds of data.",
                        p.description
                    ),
                ),
                Some(ctx.t(
                    "Noem de soorten gegevens in `data_categories`.",
                    "List the kinds of data in `data_categories`.",
                )),
            )
            // One source sentence copied onto several purposes is one defect.
            .group(p.sources.join(","))
            .label(p.description.clone())
        })
        .collect()
}

rule!(
    VK203, "VK203", "special-category-without-exception", Error, "AVG art. 9 lid 1 en 2; UAVG art. 22–30",
    what: "Of voor bijzondere persoonsgegevens (gezondheid, geloof, etniciteit …) een uitzondering uit AVG art. 9 lid 2 wordt genoemd.",
    why: "Bijzondere persoonsgegevens verwerken is verboden (art. 9 lid 1), tenzij een uitzondering uit art. 9 lid 2 geldt, met de Nederlandse uitwerking in UAVG art. 22–30.",
    bad: "data_categories:\n  - { id: gezondheid, name: gezondheidsgegevens, kind: special, special: health }\npurposes:\n  - { id: zorg, description: Zorg verlenen, data_categories: [gezondheid] }\n",
    good: "purposes:\n  - id: zorg\n    description: Zorg verlenen\n    data_categories: [gezondheid]\n    special_category_condition: health_care\n    special_category_law: UAVG art. 30 lid 3\n",
    check: vk203,
);

fn vk203(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    let special: Vec<&str> = ctx
        .org
        .data_categories
        .iter()
        .filter(|c| c.kind == DataKind::Special)
        .map(|c| c.id.as_str())
        .collect();
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        if p.special_category_condition.is_some() {
            continue;
        }
        if let Some((j, id)) = p
            .data_categories
            .iter()
            .enumerate()
            .find(|(_, id)| special.contains(&id.as_str()))
        {
            out.push(Found::new(
                ctx.purpose(i).key("data_categories").index(j),
                ctx.t(
                    format!("Bij '{}' verwerkt u bijzondere persoonsgegevens ('{id}') zonder een uitzondering op het verwerkingsverbod te noemen.", p.description),
                    format!("For '{}' you process special-category data ('{id}') without naming an exception to the ban.", p.description),
                ),
                Some(ctx.t(
                    "Vul `special_category_condition` in; voor zorgverlening is dat `health_care` (AVG art. 9 lid 2 sub h) met `special_category_law: UAVG art. 30 lid 3`.",
                    "Fill in `special_category_condition`; for care that is `health_care` (GDPR art. 9(2)(h)) with `special_category_law: UAVG art. 30 lid 3`.",
                )),
            )
            // The same category without an exception is one gap, however many purposes use it.
            .group(id.to_string())
            .label(p.description.clone()));
        }
    }
    // Special categories no purpose uses: the statement names them without any condition.
    for (i, c) in ctx.org.data_categories.iter().enumerate() {
        let used = ctx.org.purposes.iter().any(|p| p.data_categories.contains(&c.id));
        if c.kind == DataKind::Special && !used {
            out.push(Found::new(
                category(i).key("kind"),
                ctx.t(
                    format!("U noemt bijzondere persoonsgegevens ('{}') zonder doel en zonder uitzondering op het verwerkingsverbod.", c.name),
                    format!("You name special-category data ('{}') without a purpose or an exception to the ban.", c.name),
                ),
                Some(ctx.t(
                    "Koppel de gegevens aan een doel met `data_categories` en vul daar `special_category_condition` in.",
                    "Link the data to a purpose through `data_categories` and fill in `special_category_condition` there.",
                )),
            ));
        }
    }
    out
}

rule!(
    VK205, "VK205", "criminal-data-without-basis", Error, "AVG art. 10; UAVG art. 31–33",
    what: "Of voor strafrechtelijke gegevens een grond uit UAVG art. 32 of 33 of een specifieke wet wordt genoemd; en of ze niet als 'bijzondere persoonsgegevens' worden aangeduid.",
    why: "Strafrechtelijke gegevens mogen alleen onder overheidstoezicht of met een wettelijke grond worden verwerkt (art. 10; UAVG art. 31–33). Onder de AVG zijn ze een aparte categorie, geen bijzondere persoonsgegevens.",
    bad: "data_categories:\n  - { id: justitie, name: justitiële gegevens, kind: criminal }\n",
    good: "purposes:\n  - id: vog\n    description: Verklaring omtrent het gedrag controleren\n    data_categories: [justitie]\n    criminal_data_basis: UAVG art. 33 lid 2 sub a\n",
    check: vk205,
);

fn vk205(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, c) in ctx
        .org
        .data_categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == DataKind::Criminal)
    {
        let users: Vec<_> = ctx
            .org
            .purposes
            .iter()
            .filter(|p| p.data_categories.contains(&c.id))
            .collect();
        if users.is_empty() || users.iter().any(|p| p.criminal_data_basis.is_none()) {
            out.push(Found::new(
                category(i).key("kind"),
                ctx.t(
                    format!("U verwerkt strafrechtelijke gegevens ('{}') zonder grondslag.", c.name),
                    format!("You process criminal-offence data ('{}') without a legal ground.", c.name),
                ),
                Some(ctx.t(
                    "Noem bij elk doel dat deze gegevens gebruikt in `criminal_data_basis` de grond uit UAVG art. 32 of 33, of de wet die het toestaat.",
                    "For each purpose using these data, give the ground from UAVG art. 32 or 33, or the act that allows it, in `criminal_data_basis`.",
                )),
            ));
        }
        if c.listed_as_special {
            out.push(Found::new(
                category(i).key("listed_as_special"),
                ctx.t(
                    format!("'{}' staat onder de bijzondere persoonsgegevens, maar strafrechtelijke gegevens zijn onder de AVG een aparte categorie (art. 10).", c.name),
                    format!("'{}' is listed among special categories, but criminal-offence data are a separate category under the GDPR (art. 10).", c.name),
                ),
                Some(ctx.t("Noem strafrechtelijke gegevens apart, met hun eigen grondslag.", "List criminal-offence data separately, with their own ground.")),
            ));
        }
    }
    out
}

rule!(
    VK206, "VK206", "bsn-without-statute", Error, "UAVG art. 46 lid 1; AVG art. 87",
    what: "Of bij het burgerservicenummer (BSN) de wet wordt genoemd die het gebruik voorschrijft.",
    why: "Het BSN mag alleen worden gebruikt als een wet dat voorschrijft (UAVG art. 46 lid 1).",
    bad: "  - { id: bsn, name: burgerservicenummer, kind: national_id }\n",
    good: "  - { id: bsn, name: burgerservicenummer, kind: national_id, statute: Wet aanvullende bepalingen verwerking persoonsgegevens in de zorg (Wabvpz) art. 12 }\n",
    check: vk206,
);

fn vk206(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .data_categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == DataKind::NationalId && c.statute.is_none())
        .map(|(i, _)| {
            Found::new(
                category(i).key("kind"),
                ctx.t(
                    "U verwerkt het burgerservicenummer (BSN), maar noemt niet welke wet dat voorschrijft.",
                    "You process the citizen service number (BSN) but do not name the act that requires it.",
                ),
                Some(ctx.t(
                    "Noem de wet in `statute`, bijvoorbeeld 'Wet aanvullende bepalingen verwerking persoonsgegevens in de zorg (Wabvpz)'.",
                    "Name the act in `statute`, e.g. 'Wet aanvullende bepalingen verwerking persoonsgegevens in de zorg (Wabvpz)'.",
                )),
            )
        })
        .collect()
}

rule!(
    VK207, "VK207", "bsn-statute-generic", Warning, "UAVG art. 46 lid 1; WP260 annex",
    what: "Of de wet voor het BSN echt genoemd wordt, en niet alleen 'als dat wettelijk verplicht is'.",
    why: "Zonder de naam van de wet kan de lezer niet nagaan of het BSN-gebruik is toegestaan (UAVG art. 46).",
    bad: "    statute: alleen als dat wettelijk verplicht is\n",
    good: "    statute: Jeugdwet art. 7.4.4\n",
    check: vk207,
);

fn vk207(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .data_categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == DataKind::NationalId)
        .filter_map(|(i, c)| c.statute.as_deref().filter(|s| !names_statute(s)).map(|s| (i, s)))
        .map(|(i, s)| {
            Found::new(
                category(i).key("statute"),
                ctx.t(
                    format!("U schrijft dat u het BSN verwerkt '{s}', maar niet welke wet dat is."),
                    format!("You say you process the BSN '{s}', but not which act requires it."),
                ),
                Some(ctx.t(
                    "Noem de wet, bijvoorbeeld 'Wabvpz art. 12' (zorg) of 'Jeugdwet art. 7.4.4' (jeugdhulp).",
                    "Name the act, e.g. 'Wabvpz art. 12' (care) or 'Jeugdwet art. 7.4.4' (youth care).",
                )),
            )
        })
        .collect()
}

/// Sectors whose core processing is care under professional secrecy.
fn care_provider(ctx: &Ctx) -> bool {
    use crate::model::vocab::Sector;
    matches!(
        ctx.org.organisation.sector,
        Some(Sector::Zorg | Sector::Ggz | Sector::Jeugdzorg)
    )
}

fn uses_health_data(ctx: &Ctx, p: &crate::model::Purpose) -> bool {
    use crate::model::vocab::SpecialCategory;
    p.data_categories.iter().any(|id| {
        ctx.org
            .data_categories
            .iter()
            .any(|c| &c.id == id && c.kind == DataKind::Special && c.special == Some(SpecialCategory::Health))
    })
}

rule!(
    VK204, "VK204", "health-exception-misfit", Warning, "AVG art. 9 lid 2 sub a en h, lid 3; UAVG art. 30 lid 3; BW art. 7:457",
    what: "Of een zorgverlener voor gezondheidsgegevens uitdrukkelijke toestemming als uitzondering gebruikt, of de zorguitzondering (art. 9 lid 2 sub h) noemt zonder het beroepsgeheim of UAVG art. 30 lid 3.",
    why: "Voor zorgverlening is de uitzondering art. 9 lid 2 sub h jo. UAVG art. 30 lid 3, gedragen door het beroepsgeheim (art. 9 lid 3; art. 7:457 BW). Toestemming past slecht: de patiënt kan niet vrij weigeren als hij zorg wil.",
    bad: "    special_category_condition: explicit_consent\n",
    good: "    special_category_condition: health_care\n    special_category_law: UAVG art. 30 lid 3\n",
    check: vk204,
);

fn vk204(ctx: &Ctx) -> Vec<Found> {
    use crate::model::vocab::SpecialCategoryCondition as C;
    if !care_provider(ctx) {
        return vec![];
    }
    let mut out = Vec::new();
    for (i, p) in ctx
        .org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| uses_health_data(ctx, p))
    {
        let care = p.provision.as_ref().is_some_and(|v| {
            matches!(
                v.required,
                crate::model::vocab::ProvisionRequirement::Contractual
                    | crate::model::vocab::ProvisionRequirement::Precondition
            )
        }) || p.legal_basis == Some(crate::model::vocab::LegalBasis::Contract);
        match p.special_category_condition {
            Some(C::ExplicitConsent) if care => out.push(Found::new(
                ctx.purpose(i).key("special_category_condition"),
                ctx.t(
                    format!("Voor zorgverlening ('{}') hoeft u geen toestemming te vragen.", p.description),
                    format!("For care ('{}') you need not ask consent.", p.description),
                ),
                Some(ctx.t(
                    "De uitzondering is `health_care` (AVG art. 9 lid 2 sub h) met `special_category_law: UAVG art. 30 lid 3` (beroepsgeheim).",
                    "The exception is `health_care` (GDPR art. 9(2)(h)) with `special_category_law: UAVG art. 30 lid 3` (professional secrecy).",
                )),
            )),
            Some(C::HealthCare) if !p.special_category_law.as_deref().is_some_and(|l| l.contains("30") || l.to_lowercase().contains("beroepsgeheim") || l.contains("7:457")) => {
                out.push(Found::new(
                    ctx.purpose(i).key("special_category_condition"),
                    ctx.t(
                        format!("Bij '{}' noemt u de zorguitzondering zonder de Nederlandse grond of het beroepsgeheim.", p.description),
                        format!("For '{}' you name the care exception without the Dutch ground or professional secrecy.", p.description),
                    ),
                    Some(ctx.t("Vul `special_category_law: UAVG art. 30 lid 3` in.", "Fill in `special_category_law: UAVG art. 30 lid 3`.")),
                ));
            }
            _ => {}
        }
    }
    out
}

rule!(
    VK208, "VK208", "minor-consent-without-guardian", Error, "UAVG art. 5 lid 1 en 5; AVG art. 8 lid 1",
    what: "Of bij toestemming van kinderen onder de 16 jaar staat hoe u toestemming van ouders of voogd vraagt.",
    why: "Voor kinderen onder de 16 is toestemming van de wettelijk vertegenwoordiger nodig (UAVG art. 5 lid 1), voor alle toestemming, niet alleen online. Dat geldt niet voor hulp en advies die rechtstreeks en kosteloos aan de minderjarige worden gegeven (lid 5).",
    bad: "data_subjects:\n  - { id: jongeren, name: jongeren, includes_minors: true }\npurposes:\n  - { id: fotos, description: Foto's van activiteiten, data_subjects: [jongeren], legal_basis: consent }\n",
    good: "  - id: fotos\n    description: Foto's van activiteiten\n    data_subjects: [jongeren]\n    legal_basis: consent\n    guardian_consent: Voor kinderen onder 16 jaar vragen wij toestemming aan een ouder of voogd.\n",
    check: vk208,
);

fn vk208(ctx: &Ctx) -> Vec<Found> {
    use crate::model::vocab::{LegalBasis, SpecialCategoryCondition};
    ctx.org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            (p.legal_basis == Some(LegalBasis::Consent) || p.special_category_condition == Some(SpecialCategoryCondition::ExplicitConsent))
                && p.guardian_consent.is_none()
                && ctx.org.data_subjects.iter().any(|s| s.includes_minors && p.data_subjects.contains(&s.id))
        })
        .map(|(i, p)| {
            Found::new(
                ctx.purpose(i).key("legal_basis"),
                ctx.t(
                    format!("Bij '{}' vraagt u toestemming, ook van kinderen onder de 16, maar niet hoe u die van een ouder of voogd krijgt.", p.description),
                    format!("For '{}' you rely on consent, also of children under 16, but not how a parent or guardian gives it.", p.description),
                ),
                Some(ctx.t(
                    "Beschrijf in `guardian_consent` hoe u toestemming van een ouder of voogd vraagt (UAVG art. 5).",
                    "Describe in `guardian_consent` how you obtain consent from a parent or guardian (UAVG art. 5).",
                )),
            )
        })
        .collect()
}

rule!(
    VK209, "VK209", "health-data-disclosure-unsupported", Error, "AVG art. 9 lid 1; UAVG art. 30; BW art. 7:457",
    what: "Of gezondheidsgegevens naar een werkgever, verzekeraar, casemanager of andere partij buiten de zorg gaan zonder toestemming of genoemde wet.",
    why: "Het verbod op het verwerken van gezondheidsgegevens (art. 9 lid 1) en het beroepsgeheim (art. 7:457 BW) gelden ook voor verstrekken. Zonder uitdrukkelijke toestemming of een wet mag het niet.",
    bad: "recipients:\n  - { id: werkgever, name: uw werkgever, role: controller }\n",
    good: "recipients:\n  - { id: werkgever, name: uw werkgever, role: controller, consent_required: true }\n",
    check: vk209,
);

fn vk209(ctx: &Ctx) -> Vec<Found> {
    use std::sync::OnceLock;
    static NON_CARE: OnceLock<regex::Regex> = OnceLock::new();
    let non_care = NON_CARE.get_or_init(|| {
        regex::RegexBuilder::new(r"werkgever|opdrachtgever|verzekeraar|casemanager|re-?[iï]ntegratiebedrijf")
            .case_insensitive(true)
            .build()
            .expect("literal regex")
    });
    let Some(recipients) = &ctx.org.recipients else {
        return vec![];
    };
    let mut out = Vec::new();
    for (i, p) in ctx
        .org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| uses_health_data(ctx, p))
    {
        // One purpose whose health data go to several such recipients is one defect (the
        // sentence that names them): one finding, every recipient a place of it.
        let hits: Vec<(usize, &str)> = p
            .recipients
            .iter()
            .enumerate()
            .filter_map(|(j, id)| recipients.iter().find(|r| &r.id == id).map(|r| (j, r)))
            .filter(|(_, r)| {
                let claims = r.name.to_lowercase().contains("zorgverzekeraar");
                non_care.is_match(&r.name) && r.statute.is_none() && !r.consent_required && !claims
            })
            .map(|(j, r)| (j, r.name.as_str()))
            .collect();
        let Some(&(first, _)) = hits.first() else {
            continue;
        };
        let names: Vec<String> = hits.iter().map(|(_, n)| format!("'{n}'")).collect();
        let list = ctx.lang.and_list(&names);
        let mut found = Found::new(
            ctx.purpose(i).key("recipients").index(first),
            ctx.t(
                format!("Gezondheidsgegevens van '{}' gaan naar {list} zonder genoemde wet of toestemming.", p.description),
                format!("Health data of '{}' go to {list} without a named statute or consent.", p.description),
            ),
            Some(ctx.t(
                "Noem bij de ontvanger de wet (`statute`) of leg vast dat het alleen met uitdrukkelijke toestemming gebeurt (`consent_required: true`); uw beroepsgeheim (art. 7:457 BW) geldt ook hier.",
                "Name the statute at the recipient (`statute`) or record that it only happens with explicit consent (`consent_required: true`); professional secrecy (art. 7:457 BW) applies.",
            )),
        );
        for &(j, name) in &hits[1..] {
            found = found.also(
                ctx.purpose(i).key("recipients").index(j),
                None,
                ctx.t(format!("ook '{name}'"), format!("also '{name}'")),
            );
        }
        out.push(found);
    }
    out
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[VK201, VK203, VK204, VK205, VK206, VK207, VK208, VK209];
