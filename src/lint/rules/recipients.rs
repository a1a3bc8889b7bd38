//! VK3xx — recipients, processors and transfers (AVG art. 13 lid 1 sub e–f; art. 26, 28, 44–49).

use super::text::vague_recipient;
use crate::lint::{Ctx, Found, Rule};
use crate::model::vocab::{RecipientRole, TransferMechanism};
use crate::source::Pointer;

fn recipient(i: usize) -> Pointer {
    Pointer::root().key("recipients").index(i)
}

fn transfer(i: usize) -> Pointer {
    Pointer::root().key("transfers").index(i)
}

rule!(
    VK301, "VK301", "recipients-missing", Error, "AVG art. 13 lid 1 sub e; art. 14 lid 1 sub e",
    what: "Of de verklaring zegt aan wie u gegevens verstrekt, of uitdrukkelijk dat u ze met niemand deelt.",
    why: "De ontvangers of categorieën van ontvangers zijn een verplicht onderdeel (art. 13 lid 1 sub e).",
    bad: "# geen `recipients`\n",
    good: "recipients:\n  - { id: zorgverzekeraar, name: uw zorgverzekeraar, role: controller }\n# of, als u met niemand deelt:\nrecipients: []\n",
    check: vk301,
);

fn vk301(ctx: &Ctx) -> Vec<Found> {
    if ctx.org.recipients.is_some() {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("recipients"),
        ctx.t(
            "De verklaring zegt niet aan wie u gegevens verstrekt.",
            "The statement does not say to whom you disclose data.",
        ),
        Some(ctx.t(
            "Vermeld de ontvangers in `recipients`, of schrijf `recipients: []` als u met niemand deelt.",
            "List the recipients in `recipients`, or write `recipients: []` if you share with no one.",
        )),
    )]
}

rule!(
    VK302, "VK302", "recipients-vague", Warning, "AVG art. 13 lid 1 sub e; WP260 annex",
    what: "Of een ontvanger een verzamelnaam is ('derden', 'instanties', 'partners') of met 'bijvoorbeeld' of 'o.a.' wordt ingeleid.",
    why: "WP260 vraagt de ontvangers te noemen, of ten minste concrete categorieën; 'derden' zegt een lezer niets.",
    bad: "  - { id: derden, name: derden, role: controller }\n",
    good: "  - { id: zorgverzekeraar, name: uw zorgverzekeraar, role: controller }\n",
    check: vk302,
);

fn vk302(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .recipients
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, r)| vague_recipient(&r.name))
        .map(|(i, r)| {
            Found::new(
                recipient(i).key("name"),
                ctx.t(
                    format!("'{}' is te vaag als ontvanger.", r.name),
                    format!("'{}' is too vague as a recipient.", r.name),
                ),
                Some(ctx.t(
                    "Noem de ontvangers of een concrete categorie, zoals 'uw zorgverzekeraar' of 'het UWV'.",
                    "Name the recipients or a concrete category, such as 'your health insurer' or 'the UWV'.",
                )),
            )
        })
        .collect()
}

rule!(
    VK303, "VK303", "processor-agreement-missing", Warning, "AVG art. 28 lid 3",
    what: "Of met elke verwerker een verwerkersovereenkomst is vastgelegd.",
    why: "Een verwerker mag alleen werken op basis van een overeenkomst die aan art. 28 lid 3 voldoet.",
    bad: "  - { id: curasoft, name: Curasoft, role: processor }\n",
    good: "  - { id: curasoft, name: Curasoft, role: processor, agreement: true }\n",
    check: vk303,
);

fn vk303(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .recipients
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, r)| r.role == Some(RecipientRole::Processor) && r.agreement != Some(true))
        .map(|(i, r)| {
            Found::new(
                recipient(i).key("role"),
                ctx.t(
                    format!("Met '{}' als verwerker hoort een verwerkersovereenkomst.", r.name),
                    format!("'{}' is a processor and needs a processing agreement.", r.name),
                ),
                Some(ctx.t(
                    "Leg vast dat die er is: `agreement: true`.",
                    "Record that there is one: `agreement: true`.",
                )),
            )
        })
        .collect()
}

rule!(
    VK305, "VK305", "transfer-safeguard-missing", Error, "AVG art. 13 lid 1 sub f; art. 14 lid 1 sub f; art. 44–46",
    what: "Of bij elke doorgifte buiten de EER (ook 'mogelijke' doorgifte) de grond wordt genoemd.",
    why: "Doorgifte naar een derde land mag alleen met een adequaatheidsbesluit, passende waarborgen of een afwijking (art. 44–49), en de verklaring moet zeggen welke (art. 13 lid 1 sub f).",
    bad: "transfers:\n  - { possible: true, description: Bij uitzondering buiten de EU. }\n",
    good: "transfers:\n  - { recipient: mail, countries: [US], mechanism: adequacy_dpf }\n",
    check: vk305,
);

fn vk305(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .transfers
        .iter()
        .flatten()
        .enumerate()
        // Any one valid mechanism satisfies art. 13 lid 1 sub f; a list names alternatives.
        .filter(|(_, t)| t.mechanism.is_empty())
        .map(|(i, _)| {
            Found::new(
                transfer(i),
                ctx.t(
                    "U geeft (mogelijk) gegevens door buiten de EER, maar noemt niet op welke grond.",
                    "You (may) transfer data outside the EEA but do not say on which ground.",
                ),
                Some(ctx.t(
                    "Vul `mechanism` in: adequacy, adequacy_dpf, standard_contractual_clauses, binding_corporate_rules, appropriate_safeguards of derogation; noemt de verklaring alternatieven, geef dan een lijst.",
                    "Fill in `mechanism`: adequacy, adequacy_dpf, standard_contractual_clauses, binding_corporate_rules, appropriate_safeguards or derogation; if the statement names alternatives, give a list.",
                )),
            )
        })
        .collect()
}

rule!(
    VK311, "VK311", "transfer-not-declared", Error, "AVG art. 13 lid 1 sub f; art. 14 lid 1 sub f; art. 44",
    what: "Of elke ontvanger met een land buiten de EER (`recipients[].country`) onder een doorgifte in `transfers` valt, met die ontvanger of dat land. Ook als `transfers` ontbreekt of leeg is (`transfers: []`).",
    why: "Gaan gegevens naar een ontvanger buiten de EER, dan is dat een doorgifte (art. 44). De verklaring moet die melden, met de grond (art. 13 lid 1 sub f). Zonder melding zegt de verklaring niets, of met `transfers: []` zelfs iets onjuists: dat er geen doorgifte is.",
    bad: "recipients:\n  - { id: mail, name: Mailchimp, role: processor, agreement: true, country: US }\ntransfers: []\n",
    good: "recipients:\n  - { id: mail, name: Mailchimp, role: processor, agreement: true, country: US }\ntransfers:\n  - { recipient: mail, countries: [US], mechanism: adequacy_dpf }\n",
    check: vk311,
);

fn vk311(ctx: &Ctx) -> Vec<Found> {
    let transfers = ctx.org.transfers.as_deref().unwrap_or(&[]);
    let stated_none = ctx.org.transfers.as_ref().is_some_and(Vec::is_empty);
    let mut out = Vec::new();
    for (i, r) in ctx.org.recipients.iter().flatten().enumerate() {
        let Some(country) = r.country.as_deref().map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        if crate::legal::in_eea(country) {
            continue;
        }
        let covered = transfers.iter().any(|t| {
            t.recipient.as_deref() == Some(r.id.as_str())
                || (t.recipient.is_none() && t.countries.iter().any(|c| c.trim().eq_ignore_ascii_case(country)))
        });
        if covered {
            continue;
        }
        let land = crate::document::catalogue::Catalogue::new(crate::model::vocab::AddressForm::U).country(country);
        let (nl, en) = if stated_none {
            (
                format!(
                    "U schrijft dat er geen doorgifte buiten de EER is (`transfers: []`), maar '{}' verwerkt gegevens in {land}, buiten de EER.",
                    r.name
                ),
                format!(
                    "You state there are no transfers outside the EEA (`transfers: []`), but '{}' processes data in {country}, outside the EEA.",
                    r.name
                ),
            )
        } else {
            (
                format!(
                    "'{}' verwerkt gegevens in {land}, buiten de EER, maar `transfers` noemt die doorgifte niet.",
                    r.name
                ),
                format!(
                    "'{}' processes data in {country}, outside the EEA, but `transfers` does not list that transfer.",
                    r.name
                ),
            )
        };
        out.push(Found::new(
            Pointer::root().key("recipients").index(i).key("country"),
            ctx.t(nl, en),
            Some(ctx.t(
                format!("Neem de doorgifte op in `transfers` met land en grond, bijvoorbeeld `{{ recipient: {}, countries: [{country}], mechanism: standard_contractual_clauses }}`. Of corrigeer het land.", r.id),
                format!("Add the transfer to `transfers` with country and ground, e.g. `{{ recipient: {}, countries: [{country}], mechanism: standard_contractual_clauses }}`. Or correct the country.", r.id),
            )),
        ));
    }
    out
}

rule!(
    VK312, "VK312", "transfers-unstated", Error, "AVG art. 13 lid 1 sub f; art. 14 lid 1 sub f",
    what: "Of het bestand zegt of er doorgifte buiten de EER is (`transfers`), ook als geen ontvanger buiten de EER zit.",
    why: "Zonder `transfers` zegt de verklaring dat zij er nog niets over zegt. Is er geen doorgifte, schrijf dan `transfers: []`; dan zegt de verklaring het uitdrukkelijk.",
    bad: "recipients:\n  - { id: epd, name: EPD-leverancier, role: processor, agreement: true, country: NL }\n# geen `transfers`\n",
    good: "recipients:\n  - { id: epd, name: EPD-leverancier, role: processor, agreement: true, country: NL }\ntransfers: []\n",
    check: vk312,
);

fn vk312(ctx: &Ctx) -> Vec<Found> {
    if ctx.org.transfers.is_some() {
        return vec![];
    }
    // A recipient outside the EEA is VK311's finding: one defect, one finding.
    let foreign = ctx.org.recipients.iter().flatten().any(|r| {
        r.country
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty() && !crate::legal::in_eea(c))
    });
    if foreign {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("transfers"),
        ctx.t(
            "Het bestand zegt niet of er doorgifte buiten de EER is. De verklaring zegt daarom dat zij er nog niets over zegt.",
            "The file does not say whether data go outside the EEA. The statement therefore says it does not cover this yet.",
        ),
        Some(ctx.t(
            "Is er geen doorgifte, schrijf dan `transfers: []`. Is er wel doorgifte, noem die dan met land en grond.",
            "If there is no transfer, write `transfers: []`. If there is, list it with country and ground.",
        )),
    )]
}

rule!(
    VK306, "VK306", "transfer-copy-means-missing", Error, "AVG art. 13 lid 1 sub f (slot); art. 14 lid 1 sub f",
    what: "Of bij standaardcontractbepalingen of bindende bedrijfsvoorschriften staat hoe iemand een kopie krijgt.",
    why: "Art. 13 lid 1 sub f vraagt bij passende waarborgen (art. 46–47) te vermelden hoe een kopie te verkrijgen is of waar die staat.",
    bad: "  - { countries: [US], mechanism: standard_contractual_clauses }\n",
    good: "  - { countries: [US], mechanism: standard_contractual_clauses, copy_available_at: Vraag een kopie via privacy@voorbeeld.example. }\n",
    check: vk306,
);

fn vk306(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .transfers
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, t)| {
            // Only when every alternative is a safeguard of art. 46–47: with an adequacy decision
            // among them there may be no safeguard to copy.
            !t.mechanism.is_empty()
                && t.mechanism.iter().all(|m| {
                    matches!(
                        m,
                        TransferMechanism::StandardContractualClauses
                            | TransferMechanism::BindingCorporateRules
                            | TransferMechanism::AppropriateSafeguards
                    )
                })
                && t.copy_available_at.is_none()
        })
        .map(|(i, _)| {
            Found::new(
                transfer(i).key("mechanism"),
                ctx.t(
                    "U noemt passende waarborgen, maar niet hoe iemand een kopie kan krijgen.",
                    "You name appropriate safeguards but not how to obtain a copy.",
                ),
                Some(ctx.t(
                    "Vul `copy_available_at` in: waar de bepalingen te vinden zijn of hoe iemand een kopie opvraagt.",
                    "Fill in `copy_available_at`: where the clauses are or how to request a copy.",
                )),
            )
        })
        .collect()
}

rule!(
    VK307, "VK307", "transfer-invalid-framework", Error, "AVG art. 45; HvJ EU C-362/14 (Schrems I); C-311/18 (Schrems II)",
    what: "Of een doorgifte rust op Safe Harbor of het EU-VS Privacy Shield.",
    why: "Het Hof van Justitie verklaarde Safe Harbor (2015) en het Privacy Shield (16 juli 2020) ongeldig.",
    bad: "  - { countries: [US], mechanism: privacy_shield }\n",
    good: "  - { countries: [US], mechanism: adequacy_dpf }\n",
    check: vk307,
);

fn vk307(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .transfers
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, t)| {
            t.mechanism
                .iter()
                .any(|m| matches!(m, TransferMechanism::PrivacyShield | TransferMechanism::SafeHarbor))
        })
        .map(|(i, _)| {
            Found::new(
                transfer(i).key("mechanism"),
                ctx.t(
                    "Deze grond voor doorgifte is ongeldig verklaard door het Hof van Justitie van de EU.",
                    "This transfer ground was invalidated by the Court of Justice of the EU.",
                ),
                Some(ctx.t(
                    "Gebruik het EU-VS Data Privacy Framework (`adequacy_dpf`, als de ontvanger gecertificeerd is) of standaardcontractbepalingen.",
                    "Use the EU-US Data Privacy Framework (`adequacy_dpf`, if the recipient is certified) or standard contractual clauses.",
                )),
            )
        })
        .collect()
}

rule!(
    VK308, "VK308", "transfer-countries-unspecified", Warning, "AVG art. 13 lid 1 sub f; WP260 annex",
    what: "Of bij een doorgifte de landen buiten de EER worden genoemd. Een doorgifte die alleen kan voorkomen (`possible: true`) en al aan een grond gebonden is, heeft nog geen land; daarvoor meldt de regel niets.",
    why: "WP260 vraagt de derde landen te noemen; 'elk ander land' of 'buiten de EU' zegt een lezer niet waar zijn gegevens heen gaan.",
    bad: "  - { possible: true, description: Buiten de EU. }\n",
    good: "  - { countries: [US], mechanism: adequacy_dpf }\n",
    check: vk308,
);

fn vk308(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .transfers
        .iter()
        .flatten()
        .enumerate()
        // A transfer that may happen ("indien dit toch noodzakelijk mocht zijn") has no country
        // yet; bound by its mechanism, it is stated as far as it can be.
        .filter(|(_, t)| t.countries.is_empty() && (!t.possible || t.mechanism.is_empty()))
        .map(|(i, _)| {
            Found::new(
                transfer(i),
                ctx.t(
                    "Bij deze doorgifte staan geen landen.",
                    "This transfer names no countries.",
                ),
                Some(ctx.t(
                    "Noem de landen buiten de EER in `countries` (bijvoorbeeld [US]).",
                    "Name the countries outside the EEA in `countries` (e.g. [US]).",
                )),
            )
        })
        .collect()
}

rule!(
    VK310, "VK310", "joint-controller-arrangement-missing", Error, "AVG art. 26 lid 2",
    what: "Of bij gezamenlijke verwerkingsverantwoordelijken de hoofdlijnen van de afspraken worden genoemd.",
    why: "De wezenlijke inhoud van de regeling tussen gezamenlijke verantwoordelijken moet beschikbaar zijn voor betrokkenen (art. 26 lid 2).",
    bad: "  - { id: ketenpartner, name: Zorggroep X, role: joint_controller }\n",
    good: "  - id: ketenpartner\n    name: Zorggroep X\n    role: joint_controller\n    arrangement: Wij beheren samen het ketendossier; voor vragen kunt u bij ons terecht.\n",
    check: vk310,
);

fn vk310(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .recipients
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, r)| r.role == Some(RecipientRole::JointController) && r.arrangement.is_none())
        .map(|(i, r)| {
            Found::new(
                recipient(i).key("role"),
                ctx.t(
                    format!(
                        "U bent samen met '{}' verantwoordelijk, maar noemt de afspraken niet.",
                        r.name
                    ),
                    format!(
                        "You are jointly responsible with '{}' but do not describe the arrangement.",
                        r.name
                    ),
                ),
                Some(ctx.t(
                    "Vat in `arrangement` de hoofdlijnen samen en zeg bij wie iemand terecht kan.",
                    "Summarise the arrangement in `arrangement` and say whom to contact.",
                )),
            )
        })
        .collect()
}

rule!(
    VK304, "VK304", "processor-role-confused", Warning, "AVG art. 4 sub 8; art. 26; art. 28; art. 29",
    what: "Of eigen medewerkers als verwerker worden aangeduid, of een zelfstandige verantwoordelijke (verzekeraar, UWV, gemeente, Belastingdienst, huisarts) de rol verwerker krijgt.",
    why: "Een verwerker is een externe partij die in uw opdracht verwerkt (art. 4 sub 8; art. 28). Medewerkers werken onder uw gezag (art. 29); een verzekeraar of overheid bepaalt zelf doel en middelen en is zelf verantwoordelijk.",
    bad: "  - { id: uwv, name: UWV, role: processor }\n",
    good: "  - { id: uwv, name: UWV, role: public_authority, statute: Wet SUWI }\n",
    check: vk304,
);

fn vk304(ctx: &Ctx) -> Vec<Found> {
    use std::sync::OnceLock;
    static STAFF: OnceLock<regex::Regex> = OnceLock::new();
    static CONTROLLERS: OnceLock<regex::Regex> = OnceLock::new();
    let staff = STAFF.get_or_init(|| {
        regex::RegexBuilder::new(r"^\s*(eigen\s+)?(medewerkers|werknemers|personeel|collega'?s)\b")
            .case_insensitive(true)
            .build()
            .expect("literal regex")
    });
    let controllers = CONTROLLERS.get_or_init(|| {
        regex::RegexBuilder::new(r"verzekeraar|\buwv\b|gemeente|belastingdienst|huisarts|\bciz\b|zorgkantoor|\bsvb\b|nederlandse\s+zorgautoriteit|\bnza\b")
            .case_insensitive(true)
            .build()
            .expect("literal regex")
    });
    ctx.org
        .recipients
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, r)| r.role == Some(RecipientRole::Processor))
        .filter_map(|(i, r)| {
            let (nl, en) = if staff.is_match(&r.name) {
                (
                    format!("'{}' zijn geen verwerkers: eigen medewerkers werken onder uw gezag.", r.name),
                    format!("'{}' are not processors: your own staff work under your authority.", r.name),
                )
            } else if controllers.is_match(&r.name) {
                (
                    format!("'{}' bepaalt zelf doel en middelen en is daarom geen verwerker.", r.name),
                    format!("'{}' decides purposes and means itself and is therefore not a processor.", r.name),
                )
            } else {
                return None;
            };
            Some(Found::new(
                recipient(i).key("role"),
                ctx.t(nl, en),
                Some(ctx.t(
                    "Gebruik `role: internal` voor eigen medewerkers, `controller` of `public_authority` voor zelfstandige verantwoordelijken.",
                    "Use `role: internal` for your own staff, `controller` or `public_authority` for independent controllers.",
                )),
            ))
        })
        .collect()
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[
    VK301, VK302, VK303, VK304, VK305, VK306, VK307, VK308, VK310, VK311, VK312,
];
