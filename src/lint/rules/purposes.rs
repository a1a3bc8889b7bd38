//! VK1xx — purposes and legal bases (AVG art. 6, art. 13 lid 1 sub c–d, lid 2 sub e).

use super::text::names_statute;
use crate::lint::{Ctx, Found, Rule};
use crate::model::vocab::LegalBasis;
use crate::source::Pointer;

rule!(
    VK101, "VK101", "purposes-missing", Error, "AVG art. 13 lid 1 sub c; art. 14 lid 1 sub c; art. 5 lid 1 sub b",
    what: "Of de verklaring doeleinden noemt.",
    why: "U mag persoonsgegevens alleen voor welbepaalde doelen verwerken (art. 5 lid 1 sub b) en moet die doelen noemen (art. 13 lid 1 sub c).",
    bad: "purposes: []\n",
    good: "purposes:\n  - id: behandeling\n    description: Uw behandeling uitvoeren en declareren\n",
    check: vk101,
);

fn vk101(ctx: &Ctx) -> Vec<Found> {
    if !ctx.org.purposes.is_empty() {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("purposes"),
        ctx.t(
            "De verklaring noemt geen doeleinden.",
            "The statement names no purposes.",
        ),
        Some(ctx.t(
            "Beschrijf in `purposes` waarvoor u de gegevens gebruikt.",
            "Describe in `purposes` what you use the data for.",
        )),
    )]
}

rule!(
    VK102, "VK102", "purpose-legal-basis-missing", Error, "AVG art. 13 lid 1 sub c; art. 14 lid 1 sub c; art. 6 lid 1",
    what: "Of elk doel een rechtsgrond uit AVG art. 6 lid 1 heeft.",
    why: "Een verwerking zonder rechtsgrond is onrechtmatig (art. 6 lid 1); de grond moet bij het doel vermeld worden (art. 13 lid 1 sub c).",
    bad: "purposes:\n  - id: nieuwsbrief\n    description: Nieuwsbrieven versturen\n",
    good: "purposes:\n  - id: nieuwsbrief\n    description: Nieuwsbrieven versturen\n    legal_basis: consent\n",
    check: vk102,
);

fn vk102(ctx: &Ctx) -> Vec<Found> {
    // A statement-wide list of bases is VK103's finding; repeating it per purpose adds noise.
    if !ctx.org.legal_bases.is_empty() {
        return vec![];
    }
    ctx.org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| p.legal_basis.is_none())
        .map(|(i, p)| {
            Found::new(
                ctx.purpose(i).key("legal_basis"),
                ctx.t(
                    format!("Bij het doel '{}' staat geen rechtsgrond.", p.description),
                    format!("The purpose '{}' has no legal basis.", p.description),
                ),
                Some(ctx.t(
                    "Kies in `legal_basis` een grond uit AVG art. 6 lid 1: consent, contract, legal_obligation, vital_interests, public_task of legitimate_interests.",
                    "Choose a basis from GDPR art. 6(1) in `legal_basis`: consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.",
                )),
            )
        })
        .collect()
}

rule!(
    VK103, "VK103", "legal-bases-not-mapped", Error, "AVG art. 13 lid 1 sub c; WP260 annex",
    what: "Of de rechtsgronden per doel worden genoemd, en niet alleen in een algemene lijst.",
    why: "WP260 (annex) vraagt de rechtsgrond te koppelen aan het doel: een lijst van mogelijke gronden zegt een lezer niet op welke grond zíjn gegevens worden verwerkt.",
    bad: "legal_bases:\n  - basis: consent\n  - basis: contract\npurposes:\n  - { id: behandeling, description: Behandeling }\n",
    good: "purposes:\n  - id: behandeling\n    description: Behandeling\n    legal_basis: contract\n",
    check: vk103,
);

fn vk103(ctx: &Ctx) -> Vec<Found> {
    if ctx.org.legal_bases.is_empty() {
        return vec![];
    }
    let unmapped = ctx.org.purposes.iter().filter(|p| p.legal_basis.is_none()).count();
    if unmapped == 0 && !ctx.org.purposes.is_empty() {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("legal_bases"),
        ctx.t(
            "U noemt rechtsgronden in een algemene lijst, niet per doel.",
            "You list legal bases in a general list, not per purpose.",
        ),
        Some(ctx.t(
            "Geef bij elk doel in `purposes` met `legal_basis` aan welke rechtsgrond geldt.",
            "State for each purpose in `purposes` which basis applies, with `legal_basis`.",
        )),
    )]
}

rule!(
    VK105, "VK105", "legitimate-interest-unspecified", Error, "AVG art. 13 lid 1 sub d; art. 14 lid 2 sub b; art. 6 lid 1 sub f",
    what: "Of bij de grond 'gerechtvaardigd belang' het belang wordt beschreven.",
    why: "Wie zich op gerechtvaardigd belang beroept, moet zeggen welk belang dat is (art. 13 lid 1 sub d).",
    bad: "  - id: camera\n    description: Cameratoezicht\n    legal_basis: legitimate_interests\n",
    good: "  - id: camera\n    description: Cameratoezicht\n    legal_basis: legitimate_interests\n    legitimate_interest: De veiligheid van cliënten en medewerkers in het gebouw.\n",
    check: vk105,
);

fn vk105(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| p.legal_basis == Some(LegalBasis::LegitimateInterests) && p.legitimate_interest.is_none())
        .map(|(i, p)| {
            Found::new(
                ctx.purpose(i).key("legal_basis"),
                ctx.t(
                    format!(
                        "U gebruikt 'gerechtvaardigd belang' voor '{}', maar noemt het belang niet.",
                        p.description
                    ),
                    format!(
                        "You rely on 'legitimate interests' for '{}' but do not name the interest.",
                        p.description
                    ),
                ),
                Some(ctx.t(
                    "Beschrijf in `legitimate_interest` welk belang u beschermt.",
                    "Describe the interest you protect in `legitimate_interest`.",
                )),
            )
        })
        .collect()
}

rule!(
    VK106, "VK106", "legitimate-interest-public-authority", Error, "AVG art. 6 lid 1, tweede alinea",
    what: "Of een overheidsorgaan 'gerechtvaardigd belang' als grond gebruikt.",
    why: "Overheidsorganen kunnen voor hun taken geen beroep doen op gerechtvaardigd belang (art. 6 lid 1, tweede alinea); de grond is dan een publieke taak (sub e) of een wettelijke plicht (sub c).",
    bad: "organisation: { name: Gemeente X, public_authority: true }\npurposes:\n  - { id: wmo, description: Wmo-aanvraag, legal_basis: legitimate_interests }\n",
    good: "purposes:\n  - { id: wmo, description: Wmo-aanvraag, legal_basis: public_task, statute: Wmo 2015 art. 2.3.2 }\n",
    check: vk106,
);

fn vk106(ctx: &Ctx) -> Vec<Found> {
    if !ctx.org.organisation.public_authority {
        return vec![];
    }
    ctx.org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| p.legal_basis == Some(LegalBasis::LegitimateInterests))
        .map(|(i, p)| {
            Found::new(
                ctx.purpose(i).key("legal_basis"),
                ctx.t(
                    format!(
                        "Een overheidsorgaan kan voor '{}' geen beroep doen op gerechtvaardigd belang.",
                        p.description
                    ),
                    format!(
                        "A public authority cannot rely on legitimate interests for '{}'.",
                        p.description
                    ),
                ),
                Some(ctx.t(
                    "Gebruik `public_task` (AVG art. 6 lid 1 sub e) of `legal_obligation` en noem de wet in `statute`.",
                    "Use `public_task` (GDPR art. 6(1)(e)) or `legal_obligation` and name the act in `statute`.",
                )),
            )
        })
        .collect()
}

rule!(
    VK107, "VK107", "statutory-basis-unnamed", Warning, "AVG art. 6 lid 3; WP260 annex",
    what: "Of bij een wettelijke plicht of publieke taak de wet wordt genoemd.",
    why: "Een wettelijke plicht of taak moet in het recht zijn vastgelegd (art. 6 lid 3); de lezer moet kunnen nagaan welke wet het is.",
    bad: "    legal_basis: legal_obligation\n",
    good: "    legal_basis: legal_obligation\n    statute: art. 7:454 BW (WGBO)\n",
    check: vk107,
);

fn vk107(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            matches!(
                p.legal_basis,
                Some(LegalBasis::LegalObligation | LegalBasis::PublicTask)
            )
        })
        .filter(|(_, p)| !p.statute.as_deref().is_some_and(names_statute))
        .map(|(i, p)| {
            Found::new(
                ctx.purpose(i)
                    .key(if p.statute.is_some() { "statute" } else { "legal_basis" }),
                ctx.t(
                    format!(
                        "Bij '{}' noemt u een wettelijke grond, maar niet welke wet.",
                        p.description
                    ),
                    format!("For '{}' you give a statutory basis but not the act.", p.description),
                ),
                Some(ctx.t(
                    "Noem de wet in `statute`, bijvoorbeeld 'artikel 7:454 BW (WGBO)'.",
                    "Name the act in `statute`, e.g. 'artikel 7:454 BW (WGBO)'.",
                )),
            )
        })
        .collect()
}

rule!(
    VK111, "VK111", "provision-requirement-missing", Error, "AVG art. 13 lid 2 sub e",
    what: "Of per doel staat of iemand de gegevens moet geven (wettelijk, voor de overeenkomst of vrijwillig) en wat er gebeurt als hij dat niet doet.",
    why: "AVG art. 13 lid 2 sub e vraagt dit uitdrukkelijk.",
    bad: "  - id: behandeling\n    description: Behandeling\n",
    good: "  - id: behandeling\n    description: Behandeling\n    provision: { required: contractual, consequence: Zonder deze gegevens kunnen wij u niet behandelen. }\n",
    check: vk111,
);

/// AVG art. 13 lid 2 sub e is about data collected from the person: a purpose that only uses
/// data from other sources (art. 14 has no such element), or only anonymised or aggregated
/// figures made from data collected for another purpose, collects nothing to provide.
fn collects_from_person(p: &crate::model::Purpose) -> bool {
    let only_others = !p.sources.is_empty() && p.sources.iter().all(|s| s != crate::model::processing::SOURCE_SELF);
    !only_others && !super::retention::anonymised(p)
}

fn vk111(ctx: &Ctx) -> Vec<Found> {
    let purposes: Vec<&crate::model::Purpose> = ctx.org.purposes.iter().filter(|p| collects_from_person(p)).collect();
    // A statement that never says whether data must be provided has one defect, not one per
    // purpose: report it once, at the list of purposes, and name how many purposes it concerns.
    if purposes.len() > 1 && purposes.iter().all(|p| p.provision.is_none()) {
        return vec![Found::new(
            Pointer::root().key("purposes"),
            ctx.t(
                format!(
                    "De verklaring zegt bij geen van de {} doelen of iemand de gegevens moet geven en wat er gebeurt als hij dat niet doet.",
                    purposes.len()
                ),
                format!(
                    "For none of the {} purposes does the statement say whether the data must be provided and what happens if not.",
                    purposes.len()
                ),
            ),
            Some(ctx.t(
                "Vul per doel `provision.required` (statutory, contractual, precondition of voluntary) en `provision.consequence` in, bijvoorbeeld: 'Zonder uw BSN kunnen wij de zorg niet declareren.'",
                "Fill in `provision.required` (statutory, contractual, precondition or voluntary) and `provision.consequence` for each purpose.",
            )),
        )];
    }
    let mut out = Vec::new();
    for (i, p) in ctx
        .org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| collects_from_person(p))
    {
        let (at, nl, en) = match &p.provision {
            None => (
                ctx.purpose(i).key("provision"),
                format!(
                    "Bij '{}' staat niet of iemand de gegevens moet geven en wat er gebeurt als hij dat niet doet.",
                    p.description
                ),
                format!(
                    "For '{}' the statement does not say whether the data must be provided and what happens if not.",
                    p.description
                ),
            ),
            Some(prov) if prov.consequence.is_none() => (
                ctx.purpose(i).key("provision"),
                format!(
                    "Bij '{}' staat niet wat er gebeurt als iemand de gegevens niet geeft.",
                    p.description
                ),
                format!(
                    "For '{}' the statement does not say what happens if the data are not provided.",
                    p.description
                ),
            ),
            Some(_) => continue,
        };
        out.push(Found::new(
            at,
            ctx.t(nl, en),
            Some(ctx.t(
                "Vul `provision.required` (statutory, contractual, precondition of voluntary) en `provision.consequence` in, bijvoorbeeld: 'Zonder uw BSN kunnen wij de zorg niet declareren.'",
                "Fill in `provision.required` (statutory, contractual, precondition or voluntary) and `provision.consequence`.",
            )),
        ));
    }
    out
}

rule!(
    VK104, "VK104", "legal-basis-invalid", Error, "AVG art. 6 lid 1",
    what: "Of wat de bestaande verklaring als rechtsgrond noemt wel een grond uit AVG art. 6 lid 1 is (en niet bijvoorbeeld 'het behandeldossier', 'een toestemmingsformulier' of 'de algemene voorwaarden').",
    why: "Alleen de zes gronden van art. 6 lid 1 maken een verwerking rechtmatig. In `legal_basis` laat het schema alleen die zes toe; `legal_basis_as_stated` legt vast wat een bestaande tekst noemt.",
    bad: "  - id: behandeling\n    description: Behandeling\n    legal_basis_as_stated: het behandeldossier\n",
    good: "  - id: behandeling\n    description: Behandeling\n    legal_basis: contract\n",
    check: vk104,
);

fn vk104(ctx: &Ctx) -> Vec<Found> {
    ctx.org
        .purposes
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.legal_basis_as_stated.as_ref().map(|s| (i, s)))
        .map(|(i, stated)| {
            Found::new(
                ctx.purpose(i).key("legal_basis_as_stated"),
                ctx.t(
                    format!("'{stated}' is geen rechtsgrond."),
                    format!("'{stated}' is not a legal basis."),
                ),
                Some(ctx.t(
                    "Gebruik een van de zes gronden uit AVG art. 6 lid 1 in `legal_basis`: consent, contract, legal_obligation, vital_interests, public_task of legitimate_interests.",
                    "Use one of the six bases of GDPR art. 6(1) in `legal_basis`: consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.",
                )),
            )
        })
        .collect()
}

rule!(
    VK108, "VK108", "consent-not-freely-given", Warning, "AVG art. 4 sub 11; art. 7 lid 2 en 4; overweging 42–43",
    what: "Of toestemming wordt gebruikt waar die niet vrij kan zijn: voor medewerkers, voor wat nodig is om een zorg- of arbeidsovereenkomst uit te voeren, of als de toestemming in een overeenkomst of in voorwaarden is opgenomen.",
    why: "Toestemming moet vrij gegeven zijn (art. 4 sub 11; art. 7 lid 4; overweging 42–43). Een werknemer of cliënt die afhankelijk is van u, kan niet vrij weigeren; toestemming in een contract is niet los gevraagd (art. 7 lid 2).",
    bad: "  - id: uitwisseling\n    description: Informatie uitwisselen met instanties\n    legal_basis: consent\n    details: Toestemmingsformulier opgenomen in de zorg- en arbeidsovereenkomst.\n",
    good: "  - id: uitwisseling\n    description: Informatie uitwisselen met uw huisarts over uw behandeling\n    legal_basis: contract\n",
    check: vk108,
);

fn vk108(ctx: &Ctx) -> Vec<Found> {
    use crate::model::vocab::ProvisionRequirement;
    use std::sync::OnceLock;
    static IN_CONTRACT: OnceLock<regex::Regex> = OnceLock::new();
    let in_contract = IN_CONTRACT.get_or_init(|| {
        regex::RegexBuilder::new(r"opgenomen\s+in\s+(de|het|onze)\s+[^.;:!?\n]{0,40}(overeenkomst|contract|voorwaarden)|\balgemene\s+voorwaarden\b")
            .case_insensitive(true)
            .build()
            .expect("literal regex")
    });
    let mut out = Vec::new();
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        if p.legal_basis != Some(LegalBasis::Consent) {
            continue;
        }
        let employees = ctx
            .org
            .data_subjects
            .iter()
            .filter(|s| s.employees && p.data_subjects.contains(&s.id))
            .map(|s| s.name.clone())
            .next();
        let needed_for_contract = p.provision.as_ref().is_some_and(|v| {
            matches!(
                v.required,
                ProvisionRequirement::Contractual | ProvisionRequirement::Precondition
            )
        });
        let text = format!("{} {}", p.description, p.details.clone().unwrap_or_default());
        let reason = if in_contract.is_match(&text) {
            ctx.t(
                "de toestemming is opgenomen in een overeenkomst of in voorwaarden",
                "consent is included in a contract or in terms",
            )
        } else if let Some(group) = employees {
            ctx.t(
                format!("het gaat om '{group}', die van u afhankelijk zijn"),
                format!("it concerns '{group}', who depend on you"),
            )
        } else if needed_for_contract {
            ctx.t(
                "de gegevens zijn nodig voor de overeenkomst",
                "the data are needed for the contract",
            )
        } else {
            continue;
        };
        out.push(Found::new(
            ctx.purpose(i).key("legal_basis"),
            ctx.t(
                format!("Bij '{}' is toestemming niet vrij gegeven: {reason}.", p.description),
                format!("For '{}' consent is not freely given: {reason}.", p.description),
            ),
            Some(ctx.t(
                "Gebruik de juiste grond (overeenkomst of wettelijke plicht), of vraag toestemming los van het contract en zonder nadeel bij weigeren.",
                "Use the right basis (contract or legal obligation), or ask consent separately from the contract and without detriment on refusal.",
            )),
        ));
    }
    out
}

rule!(
    VK112, "VK112", "purpose-label-missing", Warning, "AVG art. 12 lid 1; WP260 punt 35 (gelaagde informatie)",
    what: "Of een doel met een beschrijving van meer dan 8 woorden een korte naam heeft (`label`).",
    why: "De verklaring gebruikt de korte naam in de koppen en in 'In het kort', de eerste laag die de lezer ziet (WP260 punt 35: gelaagde informatie). Zonder `label` heet het doel in de koppen 'Doel 3' en ontbreekt het in 'In het kort'; een lange beschrijving past daar niet. Zo vindt de lezer niet snel wat er met zijn gegevens gebeurt (art. 12 lid 1).",
    bad: "  - id: behandeling\n    description: Het uitvoeren van uw behandeling en het declareren daarvan bij uw zorgverzekeraar\n",
    good: "  - id: behandeling\n    label: uw behandeling\n    description: Het uitvoeren van uw behandeling en het declareren daarvan bij uw zorgverzekeraar\n",
    check: vk112,
);

/// Descriptions up to this many words serve as their own label.
const LABEL_FREE_WORDS: usize = 8;

fn vk112(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        if p.label.as_deref().is_some_and(|l| !l.trim().is_empty()) {
            continue;
        }
        let count = crate::legal::b1::words(&p.description).count();
        if count <= LABEL_FREE_WORDS {
            continue;
        }
        let n = i + 1;
        let example = label_example(&p.description, &ctx.org.organisation.name);
        out.push(Found::new(
            ctx.purpose(i).key("description"),
            ctx.t(
                format!(
                    "Het doel '{}' heeft geen korte naam (`label`). In de koppen van de verklaring heet het daarom 'Doel {n}', en in 'In het kort' ontbreekt het.",
                    p.description
                ),
                format!(
                    "The purpose '{}' has no short name (`label`). The statement's headings therefore call it 'Doel {n}', and 'In het kort' leaves it out.",
                    p.description
                ),
            ),
            Some(ctx.t(
                format!("Schrijf een korte naam van hooguit zes woorden, bijvoorbeeld `label: {example}`."),
                format!("Write a short name of at most six words, for example `label: {example}`."),
            )),
        ));
    }
    out
}

/// A label suggestion from the first words of a description: "Het uitvoeren van uw
/// behandeling en …" gives "uitvoeren van uw behandeling". `name` is the organisation's name,
/// whose words keep their capitals.
fn label_example(description: &str, name: &str) -> String {
    const LEADING: &[&str] = &[
        "het", "de", "een", "om", "ten", "behoeve", "u", "je", "jij", "wij", "we",
    ];
    // A new clause starts here: stop before it.
    const CLAUSE: &[&str] = &[
        "zoals", "die", "dat", "om", "als", "wij", "we", "waar", "waarbij", "omdat", "zodat", "wanneer", "indien",
        "door",
    ];
    // A second item or a purpose of the first starts here, once a name has two words.
    const NEXT: &[&str] = &["en", "of", "voor"];
    const TRAILING: &[&str] = &[
        "van", "de", "het", "een", "en", "of", "voor", "met", "aan", "te", "om", "in", "op", "bij", "naar", "die",
        "dat", "uw", "je", "jouw", "zijn", "haar", "hun", "als", "door", "over", "tot", "wij", "we", "ons", "onze",
        "per", "hoe",
    ];
    let lower = |w: &str| w.to_lowercase();
    // The first clause only: a comma, colon or bracket starts something else.
    let clause = description
        .split([',', ';', ':', '(', '.'])
        .next()
        .unwrap_or(description);
    let words: Vec<&str> = crate::legal::b1::words(clause).collect();
    let skip = words
        .iter()
        .take_while(|w| LEADING.contains(&lower(w).as_str()))
        .count();
    let mut chosen: Vec<&str> = Vec::new();
    for w in words.iter().skip(skip) {
        let l = lower(w);
        if chosen.len() >= 5
            || (!chosen.is_empty() && CLAUSE.contains(&l.as_str()))
            || (chosen.len() >= 2 && NEXT.contains(&l.as_str()))
        {
            break;
        }
        chosen.push(w);
    }
    while chosen.last().is_some_and(|w| TRAILING.contains(&lower(w).as_str())) {
        chosen.pop();
    }
    if chosen.is_empty() {
        chosen = words.iter().take(4).copied().collect();
    }
    let label = chosen.join(" ");
    // Lower-case the first letter, unless the word is a name or an abbreviation ("BSN", "Wmo").
    match chosen.first() {
        Some(first)
            if !first.chars().skip(1).any(char::is_uppercase) && !name.split_whitespace().any(|n| n == *first) =>
        {
            format!("{}{}", lower(first), &label[first.len()..])
        }
        _ => label,
    }
}

rule!(
    VK113, "VK113", "sources-unstated", Error, "AVG art. 13 lid 1; art. 14 lid 2 sub f",
    what: "Of het bestand zegt waar de gegevens vandaan komen: van de betrokkene zelf (`sources: [self]` bij een doel) of uit een andere bron (`sources`).",
    why: "Komen gegevens niet van de persoon zelf, dan moet de verklaring de bron noemen (art. 14 lid 2 sub f). Zegt het bestand niets, dan weet de lezer niet welke regels gelden, en zegt de verklaring dat zij er nog niets over zegt.",
    bad: "purposes:\n  - { id: dienst, description: Onze dienst leveren, legal_basis: contract }\n",
    good: "purposes:\n  - { id: dienst, description: Onze dienst leveren, legal_basis: contract, sources: [self] }\n",
    check: vk113,
);

fn vk113(ctx: &Ctx) -> Vec<Found> {
    let org = ctx.org;
    if org.purposes.is_empty() || !org.sources.is_empty() || org.purposes.iter().any(|p| !p.sources.is_empty()) {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("purposes").index(0),
        ctx.t(
            "Het bestand zegt bij geen enkel doel waar de gegevens vandaan komen. De verklaring zegt daarom dat zij er nog niets over zegt.",
            "The file does not say for any purpose where the data come from. The statement therefore says it does not cover this yet.",
        ),
        Some(ctx.t(
            "Schrijf bij elk doel `sources: [self]` als de gegevens van de persoon zelf komen, en noem andere bronnen in `sources`.",
            "Write `sources: [self]` at each purpose when the data come from the person, and list other sources in `sources`.",
        )),
    )]
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[
    VK101, VK102, VK103, VK104, VK105, VK106, VK107, VK108, VK111, VK112, VK113,
];

#[cfg(test)]
mod tests {
    use super::label_example;

    #[test]
    fn label_examples_from_descriptions() {
        let cases = [
            (
                "Het uitvoeren van uw behandeling en het declareren daarvan",
                "uitvoeren van uw behandeling",
            ),
            (
                "U onze nieuwsbrief per e-mail sturen, als u zich aanmeldt.",
                "onze nieuwsbrief per e-mail sturen",
            ),
            (
                "Foto's of video's maken bij sommige activiteiten en die gebruiken.",
                "foto's of video's maken",
            ),
            (
                "Livio gebruikt verschillende tools om haar websites te verbeteren.",
                "Livio gebruikt verschillende tools",
            ),
            (
                "Uw sollicitatie langer bewaren voor een volgende vacature.",
                "uw sollicitatie langer bewaren",
            ),
        ];
        for (description, label) in cases {
            assert_eq!(label_example(description, "Livio"), label, "{description}");
        }
    }
}
