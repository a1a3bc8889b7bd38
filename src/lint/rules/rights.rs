//! VK5xx — data-subject rights and the request procedure (AVG art. 12, 15–22, 77).
//! The rights themselves are derived from the legal bases; these rules check what the model
//! restricts and how requests are handled.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::text::conditional_complaint;
use crate::lint::{Ctx, Found, Rule};
use crate::model::RightGrounds;
use crate::model::derived_rights;
use crate::model::time::Duration;
use crate::model::vocab::{AddressForm, LegalBasis, Right};
use crate::source::Pointer;

fn rights() -> Pointer {
    Pointer::root().key("rights")
}

/// One month under AVG art. 12 lid 3; 31 days covers the longest month.
fn longer_than_a_month(d: &Duration) -> bool {
    d.approx_days() > 31.0
}

/// The rights the statement must state, with why: [`derived_rights`] (the purposes and the
/// statement-level bases, docs/legal/rules-catalogue.md §4) without the AP complaint, which is always stated.
fn required(ctx: &Ctx) -> BTreeMap<Right, RightGrounds> {
    let mut out = derived_rights(ctx.org);
    out.retain(|_, why| !why.purposes.is_empty() || !why.statement_bases.is_empty());
    out
}

fn basis_words(ctx: &Ctx, basis: LegalBasis) -> String {
    match basis {
        LegalBasis::Consent => ctx.t("toestemming", "consent"),
        LegalBasis::Contract => ctx.t("overeenkomst", "contract"),
        LegalBasis::LegalObligation => ctx.t("wettelijke plicht", "legal obligation"),
        LegalBasis::VitalInterests => ctx.t("vitaal belang", "vital interests"),
        LegalBasis::PublicTask => ctx.t("taak van algemeen belang", "public task"),
        LegalBasis::LegitimateInterests => ctx.t("gerechtvaardigd belang", "legitimate interests"),
    }
}

/// The right as the subject of a sentence, and its value in `rights.stated`.
fn right_words(ctx: &Ctx, right: Right) -> (String, &'static str) {
    match right {
        Right::Access => (
            ctx.t(
                "Het recht op inzage (AVG art. 15)",
                "The right of access (GDPR art. 15)",
            ),
            "access",
        ),
        Right::Rectification => (
            ctx.t(
                "Het recht op correctie van onjuiste gegevens (AVG art. 16)",
                "The right to rectification (GDPR art. 16)",
            ),
            "rectification",
        ),
        Right::Erasure => (
            ctx.t(
                "Het recht op verwijdering (AVG art. 17)",
                "The right to erasure (GDPR art. 17)",
            ),
            "erasure",
        ),
        Right::Restriction => (
            ctx.t(
                "Het recht op beperking van de verwerking (AVG art. 18)",
                "The right to restriction of processing (GDPR art. 18)",
            ),
            "restriction",
        ),
        Right::Portability => (
            ctx.t(
                "Het recht op overdraagbaarheid van gegevens (AVG art. 20)",
                "The right to data portability (GDPR art. 20)",
            ),
            "portability",
        ),
        Right::Objection => (
            ctx.t(
                "Het recht van bezwaar (AVG art. 21)",
                "The right to object (GDPR art. 21)",
            ),
            "objection",
        ),
        Right::WithdrawConsent => (
            ctx.t(
                "Het recht om toestemming in te trekken (AVG art. 7 lid 3)",
                "The right to withdraw consent (GDPR art. 7(3))",
            ),
            "withdraw_consent",
        ),
        Right::AutomatedDecision => (
            ctx.t(
                "Het recht om niet te worden onderworpen aan een geautomatiseerd besluit (AVG art. 22)",
                "The right not to be subject to an automated decision (GDPR art. 22)",
            ),
            "automated_decision",
        ),
        Right::Complaint => (
            ctx.t(
                "Het recht om te klagen bij de Autoriteit Persoonsgegevens (AVG art. 77)",
                "The right to complain to the Dutch DPA (GDPR art. 77)",
            ),
            "complaint",
        ),
    }
}

/// A sentence the statement could use for the right (what to write instead), in the
/// statement's own form of address (Dutch) or in English.
fn example(ctx: &Ctx, right: Right) -> String {
    let je = ctx.org.statement.address_form == AddressForm::Je;
    let nl = |u: &str, j: &str| if je { j.to_string() } else { u.to_string() };
    let (nl_text, en) = match right {
        Right::Access => (
            nl(
                "U mag de gegevens inzien die wij over u hebben. Op verzoek krijgt u een kopie.",
                "Je mag de gegevens inzien die wij over jou hebben. Op verzoek krijg je een kopie.",
            ),
            "You may see the data we hold about you. On request you get a copy.",
        ),
        Right::Rectification => (
            nl(
                "Kloppen uw gegevens niet of zijn ze onvolledig? Dan passen wij ze op uw verzoek aan.",
                "Kloppen je gegevens niet of zijn ze onvolledig? Dan passen wij ze op jouw verzoek aan.",
            ),
            "Are your data wrong or incomplete? Then we correct them at your request.",
        ),
        Right::Erasure => (
            nl(
                "U kunt ons vragen uw gegevens te verwijderen. Moeten wij ze volgens de wet bewaren, dan leggen wij uit waarom dat niet kan.",
                "Je kunt ons vragen je gegevens te verwijderen. Moeten wij ze volgens de wet bewaren, dan leggen wij uit waarom dat niet kan.",
            ),
            "You can ask us to delete your data. If the law requires us to keep them, we explain why we cannot.",
        ),
        Right::Restriction => (
            nl(
                "U kunt ons vragen het gebruik van uw gegevens tijdelijk te beperken, bijvoorbeeld zolang wij uitzoeken of ze kloppen.",
                "Je kunt ons vragen het gebruik van je gegevens tijdelijk te beperken, bijvoorbeeld zolang wij uitzoeken of ze kloppen.",
            ),
            "You can ask us to restrict the use of your data for a while, for example while we check whether they are correct.",
        ),
        Right::Portability => (
            nl(
                "U kunt de gegevens die u ons heeft gegeven in een gangbaar digitaal bestand krijgen, of ze laten doorsturen naar een andere organisatie.",
                "Je kunt de gegevens die je ons hebt gegeven in een gangbaar digitaal bestand krijgen, of ze laten doorsturen naar een andere organisatie.",
            ),
            "You can get the data you gave us in a common digital format, or have them sent to another organisation.",
        ),
        Right::Objection => (
            nl(
                "U kunt bezwaar maken tegen het gebruik van uw gegevens. Tegen direct marketing kunt u altijd bezwaar maken; dan stoppen wij daarmee.",
                "Je kunt bezwaar maken tegen het gebruik van je gegevens. Tegen direct marketing kun je altijd bezwaar maken; dan stoppen wij daarmee.",
            ),
            "You can object to the use of your data. You can always object to direct marketing; we then stop it.",
        ),
        Right::WithdrawConsent => (
            nl(
                "U kunt uw toestemming altijd intrekken. Wat wij vóór het intrekken met uw gegevens deden, blijft wel geldig.",
                "Je kunt je toestemming altijd intrekken. Wat wij vóór het intrekken met je gegevens deden, blijft wel geldig.",
            ),
            "You can withdraw your consent at any time. This does not affect what we did with your data before you withdrew it.",
        ),
        Right::AutomatedDecision | Right::Complaint => (String::new(), ""),
    };
    ctx.t(nl_text, en)
}

/// The legal grounds that may limit the right, for the help text.
fn limits(right: Right) -> &'static str {
    match right {
        Right::Access => "AVG art. 15 lid 4, art. 23 of UAVG art. 41",
        Right::Erasure => "AVG art. 17 lid 3, art. 23 of UAVG art. 41",
        Right::Portability => "AVG art. 20 lid 3 en 4",
        Right::Objection => "AVG art. 21 lid 1 (dwingende gerechtvaardigde gronden), art. 23 of UAVG art. 41",
        _ => "AVG art. 23 of UAVG art. 41",
    }
}

/// Why the right applies, in one sentence.
fn reason(ctx: &Ctx, right: Right, why: &RightGrounds) -> String {
    let purposes = &ctx.org.purposes;
    if right == Right::Objection
        && why.absolute
        && let Some(p) = why
            .purposes
            .iter()
            .filter_map(|&i| purposes.get(i))
            .find(|p| p.direct_marketing)
    {
        return ctx.t(
            format!(
                "U gebruikt gegevens voor direct marketing ('{}'); daartegen kan iedereen altijd bezwaar maken (AVG art. 21 lid 2).",
                p.description
            ),
            format!(
                "You use data for direct marketing ('{}'); anyone can always object to that (GDPR art. 21(2)).",
                p.description
            ),
        );
    }
    let automated_nl = if right == Right::Portability {
        ", digitaal verwerkt"
    } else {
        ""
    };
    let automated_en = if right == Right::Portability {
        ", processed electronically"
    } else {
        ""
    };
    if let Some(p) = why.purposes.first().and_then(|&i| purposes.get(i)) {
        let basis = match p.legal_basis {
            // Withdrawal may come from explicit consent under art. 9 lid 2 sub a alone.
            Some(b) if right != Right::WithdrawConsent || b == LegalBasis::Consent => basis_words(ctx, b),
            _ if right == Right::WithdrawConsent => ctx.t(
                "uitdrukkelijke toestemming, AVG art. 9 lid 2 sub a",
                "explicit consent, GDPR art. 9(2)(a)",
            ),
            Some(b) => basis_words(ctx, b),
            None => String::new(),
        };
        let more = why.purposes.len() - 1;
        let (more_nl, more_en) = match more {
            0 => (String::new(), String::new()),
            1 => (
                " en voor nog 1 ander doel".to_string(),
                " and for 1 other purpose".to_string(),
            ),
            n => (
                format!(" en voor nog {n} andere doelen"),
                format!(" and for {n} other purposes"),
            ),
        };
        return ctx.t(
            format!(
                "Dat recht geldt voor het doel '{}' ({basis}{automated_nl}){more_nl}.",
                p.description
            ),
            format!(
                "That right applies to the purpose '{}' ({basis}{automated_en}){more_en}.",
                p.description
            ),
        );
    }
    let bases: Vec<String> = why
        .statement_bases
        .iter()
        .filter_map(|&i| ctx.org.legal_bases.get(i))
        .map(|b| basis_words(ctx, b.basis))
        .collect();
    let list = ctx.lang.and_list(&bases);
    ctx.t(
        format!("Dat recht geldt omdat de verklaring {list} als rechtsgrond noemt."),
        format!("That right applies because the statement names {list} as a legal basis."),
    )
}

/// A restriction that takes the right away altogether, without any condition: "Verwijdering
/// is niet mogelijk", "U kunt uw toestemming niet intrekken". Partial or conditional limits
/// ("als …", "persoonlijke werkaantekeningen …") are VK515's business.
fn excludes_entirely(description: &str) -> bool {
    static EXCLUDES: OnceLock<Regex> = OnceLock::new();
    static CONDITION: OnceLock<Regex> = OnceLock::new();
    let excludes = EXCLUDES.get_or_init(|| {
        Regex::new(r"(?i)\bgeen\s+recht\b|\bniet\s+mogelijk\b|\buitgesloten\b|\bniet\s+van\s+toepassing\b|\bnooit\b|\bin\s+geen\s+geval\b|\bgeen\s+(inzage|correctie|rectificatie|verbetering|verwijdering|vernietiging|beperking|bezwaar|overdracht|(data)?portabiliteit|intrekking)\b|\bniet\s+(worden\s+)?(ingetrokken|intrekken|in\s+te\s+trekken)\b").expect("literal regex")
    });
    let condition = CONDITION.get_or_init(|| {
        Regex::new(r"(?i)\b(als|indien|wanneer|tenzij|voor\s+zover|zolang|mits|behalve|bepaalde|sommige|situaties?|gevallen|anderen|derden|werkaantekeningen|uitzondering|uitzonderingen)\b").expect("literal regex")
    });
    excludes.is_match(description) && !condition.is_match(description)
}

/// The whole `[…]` of `rights.stated` when it is written as a flow list on one line.
fn stated_list_span(ctx: &Ctx) -> Option<Range<usize>> {
    let start = ctx.map.span_for(&rights().key("stated")).start;
    let rest = ctx.file.text.get(start..)?;
    let line = rest.split('\n').next()?;
    if !line.starts_with('[') {
        return None;
    }
    line.find(']').map(|end| start..start + end + 1)
}

/// VK501–VK505 and VK508: a required right that the existing statement does not name
/// (`rights.stated`), or that the model takes away entirely without a legal ground.
fn right_missing(ctx: &Ctx, right: Right) -> Vec<Found> {
    let required = required(ctx);
    let Some(why) = required.get(&right) else { return vec![] };
    let Some(block) = &ctx.org.rights else { return vec![] };
    let (title, value) = right_words(ctx, right);
    let because = reason(ctx, right, why);
    if block.stated.as_ref().is_some_and(|stated| !stated.contains(&right)) {
        let found = Found::new(
            rights().key("stated"),
            ctx.t(
                format!("{title} ontbreekt in de verklaring. {because}"),
                format!("{title} is missing from the statement. {because}"),
            ),
            Some(ctx.t(
                format!(
                    "Neem het recht op in de verklaring, bijvoorbeeld: '{}' Een verklaring die verklaar maakt, noemt het vanzelf. Noemt de bestaande tekst het toch, zet dan `{value}` in `rights.stated`.",
                    example(ctx, right)
                ),
                format!(
                    "Add the right to the statement, for example: '{}' A statement made by verklaar names it by itself. If the existing text does name it, add `{value}` to `rights.stated`.",
                    example(ctx, right)
                ),
            )),
        );
        return vec![match stated_list_span(ctx) {
            Some(span) => found.with_span(span),
            None => found,
        }];
    }
    block
        .restrictions
        .iter()
        .enumerate()
        .filter(|(_, x)| x.right == right && x.legal_ground.is_none() && excludes_entirely(&x.description))
        .map(|(i, x)| {
            Found::new(
                rights().key("restrictions").index(i),
                ctx.t(
                    format!(
                        "{title} wordt helemaal uitgesloten, zonder wettelijke grond: '{}'. {because}",
                        x.description.trim().trim_end_matches('.')
                    ),
                    format!(
                        "{title} is excluded altogether, without a legal ground: '{}'. {because}",
                        x.description.trim().trim_end_matches('.')
                    ),
                ),
                Some(ctx.t(
                    format!(
                        "Schrap de uitsluiting en schrijf bijvoorbeeld: '{}' Beperk het recht alleen voor zover de wet dat toestaat ({}), en noem die grond in `legal_ground`.",
                        example(ctx, right),
                        limits(right)
                    ),
                    format!(
                        "Drop the exclusion and write, for example: '{}' Limit the right only as far as the law allows ({}), and give that ground in `legal_ground`.",
                        example(ctx, right),
                        limits(right)
                    ),
                )),
            )
        })
        .collect()
}

rule!(
    VK501, "VK501", "right-access-missing", Error, "AVG art. 13 lid 2 sub b; art. 15",
    what: "Of de verklaring het recht op inzage noemt. verklaar zet dat recht zelf in elke verklaring; de regel meldt het als de bestaande tekst het niet noemt (`rights.stated`) of als het model het zonder wettelijke grond helemaal uitsluit.",
    why: "Het recht op inzage geldt bij elke rechtsgrond en moet in de verklaring staan (art. 13 lid 2 sub b, art. 15). Wie niet weet dat hij zijn gegevens mag inzien, kan ook zijn andere rechten niet gebruiken.",
    bad: "rights:\n  stated: [rectification, erasure, restriction]\n",
    good: "rights:\n  stated: [access, rectification, erasure, restriction]\n",
    check: vk501,
);

fn vk501(ctx: &Ctx) -> Vec<Found> {
    right_missing(ctx, Right::Access)
}

rule!(
    VK502, "VK502", "right-rectification-missing", Error, "AVG art. 13 lid 2 sub b; art. 16",
    what: "Of de verklaring het recht op correctie (rectificatie) van onjuiste of onvolledige gegevens noemt, in de bestaande tekst (`rights.stated`) of zonder uitsluiting in het model.",
    why: "Het recht op correctie geldt bij elke rechtsgrond en moet in de verklaring staan (art. 13 lid 2 sub b, art. 16).",
    bad: "rights:\n  stated: [access, erasure, restriction]\n",
    good: "rights:\n  stated: [access, rectification, erasure, restriction]\n",
    check: vk502,
);

fn vk502(ctx: &Ctx) -> Vec<Found> {
    right_missing(ctx, Right::Rectification)
}

rule!(
    VK503, "VK503", "right-erasure-missing", Error, "AVG art. 13 lid 2 sub b; art. 17",
    what: "Of de verklaring het recht op verwijdering noemt, in de bestaande tekst (`rights.stated`), en of het model dat recht niet zonder wettelijke grond helemaal uitsluit ('wij verwijderen nooit gegevens').",
    why: "Het recht op verwijdering moet in de verklaring staan (art. 13 lid 2 sub b, art. 17). Bij een wettelijke plicht of een taak van algemeen belang geldt het beperkt (art. 17 lid 3 sub b); noem het dan met die beperking, maar laat het niet weg.",
    bad: "rights:\n  restrictions:\n    - { right: erasure, description: Wij verwijderen nooit gegevens. }\n",
    good: "rights:\n  restrictions:\n    - right: erasure\n      description: Gegevens die wij volgens de wet moeten bewaren, verwijderen wij pas na die termijn.\n      legal_ground: AVG art. 17 lid 3 sub b\n",
    check: vk503,
);

fn vk503(ctx: &Ctx) -> Vec<Found> {
    right_missing(ctx, Right::Erasure)
}

rule!(
    VK504, "VK504", "right-restriction-missing", Error, "AVG art. 13 lid 2 sub b; art. 18",
    what: "Of de verklaring het recht op beperking van de verwerking noemt ('afschermen' telt mee als de tekst uitlegt wat het is), in de bestaande tekst (`rights.stated`) of zonder uitsluiting in het model.",
    why: "Het recht op beperking geldt bij elke rechtsgrond en moet in de verklaring staan (art. 13 lid 2 sub b, art. 18), bijvoorbeeld voor de tijd dat u onderzoekt of gegevens kloppen.",
    bad: "rights:\n  stated: [access, rectification, erasure]\n",
    good: "rights:\n  stated: [access, rectification, erasure, restriction]\n",
    check: vk504,
);

fn vk504(ctx: &Ctx) -> Vec<Found> {
    right_missing(ctx, Right::Restriction)
}

rule!(
    VK505, "VK505", "right-portability-missing", Error, "AVG art. 13 lid 2 sub b; art. 20 lid 1",
    what: "Of de verklaring het recht op overdraagbaarheid van gegevens noemt als een doel rust op toestemming of een overeenkomst en de gegevens digitaal worden verwerkt.",
    why: "Bij toestemming of een overeenkomst en geautomatiseerde verwerking mag iemand de gegevens die hij zelf gaf in een gangbaar bestand krijgen of laten doorsturen (art. 20 lid 1). Dat recht moet dan in de verklaring staan (art. 13 lid 2 sub b).",
    bad: "purposes:\n  - { id: behandeling, description: Uw behandeling, legal_basis: contract }\nrights:\n  stated: [access, rectification, erasure, restriction]\n",
    good: "purposes:\n  - { id: behandeling, description: Uw behandeling, legal_basis: contract }\nrights:\n  stated: [access, rectification, erasure, restriction, portability]\n",
    check: vk505,
);

fn vk505(ctx: &Ctx) -> Vec<Found> {
    right_missing(ctx, Right::Portability)
}

rule!(
    VK506, "VK506", "right-object-missing", Error, "AVG art. 13 lid 2 sub b; art. 21 lid 1 en 2",
    what: "Of de verklaring het recht van bezwaar noemt als een doel rust op gerechtvaardigd belang of een taak van algemeen belang, of als gegevens voor direct marketing worden gebruikt.",
    why: "Bij gerechtvaardigd belang en algemeen belang kan iemand bezwaar maken (art. 21 lid 1); tegen direct marketing altijd, zonder reden (art. 21 lid 2). Dat recht moet dan in de verklaring staan (art. 13 lid 2 sub b).",
    bad: "purposes:\n  - { id: nieuwsbrief, description: Nieuwsbrieven sturen, direct_marketing: true }\nrights:\n  stated: [access, rectification, erasure, restriction]\n",
    good: "purposes:\n  - { id: nieuwsbrief, description: Nieuwsbrieven sturen, direct_marketing: true }\nrights:\n  stated: [access, rectification, erasure, restriction, objection]\n  objection_stated_separately: true\n",
    check: vk506,
);

fn vk506(ctx: &Ctx) -> Vec<Found> {
    right_missing(ctx, Right::Objection)
}

rule!(
    VK507, "VK507", "right-object-not-separate", Warning, "AVG art. 21 lid 4",
    what: "Of de bestaande verklaring het recht van bezwaar apart en opvallend noemt, en niet alleen in een opsomming met de andere rechten, als dat recht geldt.",
    why: "Het recht van bezwaar moet uitdrukkelijk onder de aandacht worden gebracht, duidelijk en gescheiden van andere informatie (art. 21 lid 4). Een regel in een lijstje rechten is dat niet.",
    bad: "rights:\n  stated: [access, rectification, erasure, restriction, objection]\n",
    good: "rights:\n  stated: [access, rectification, erasure, restriction, objection]\n  objection_stated_separately: true\n",
    check: vk507,
);

fn vk507(ctx: &Ctx) -> Vec<Found> {
    let Some(block) = &ctx.org.rights else { return vec![] };
    let Some(stated) = &block.stated else { return vec![] };
    if block.objection_stated_separately {
        return vec![];
    }
    let Some(index) = stated.iter().position(|r| *r == Right::Objection) else {
        return vec![];
    };
    let required = required(ctx);
    let Some(why) = required.get(&Right::Objection) else {
        return vec![];
    };
    let because = reason(ctx, Right::Objection, why);
    vec![Found::new(
        rights().key("stated").index(index),
        ctx.t(
            format!("Het recht van bezwaar staat niet apart en opvallend in de verklaring, maar tussen de andere rechten. {because}"),
            format!("The right to object is not shown separately and prominently, but among the other rights. {because}"),
        ),
        Some(ctx.t(
            "Geef het recht van bezwaar een eigen alinea met een eigen kopje, bijvoorbeeld 'Bezwaar maken', en zeg waartegen iemand bezwaar kan maken. Zet daarna `objection_stated_separately: true`.",
            "Give the right to object its own paragraph with its own heading, for example 'Bezwaar maken', and say what one can object to. Then set `objection_stated_separately: true`.",
        )),
    )]
}

rule!(
    VK508, "VK508", "consent-withdrawal-missing", Error, "AVG art. 13 lid 2 sub c; art. 7 lid 3",
    what: "Of de verklaring zegt dat iemand zijn toestemming altijd kan intrekken, als een doel (of een uitzondering voor bijzondere gegevens) op toestemming rust.",
    why: "Wie toestemming geeft, moet die even makkelijk kunnen intrekken, en moet dat vooraf weten (art. 7 lid 3; art. 13 lid 2 sub c). Het intrekken geldt niet voor de verwerking daarvóór.",
    bad: "purposes:\n  - { id: fotos, description: Foto's van activiteiten, legal_basis: consent }\nrights:\n  stated: [access, rectification, erasure, restriction, portability]\n",
    good: "purposes:\n  - { id: fotos, description: Foto's van activiteiten, legal_basis: consent }\nrights:\n  stated: [access, rectification, erasure, restriction, portability, withdraw_consent]\n",
    check: vk508,
);

fn vk508(ctx: &Ctx) -> Vec<Found> {
    right_missing(ctx, Right::WithdrawConsent)
}

rule!(
    VK509, "VK509", "complaint-ap-missing", Error, "AVG art. 13 lid 2 sub d; art. 14 lid 2 sub e; art. 77",
    what: "Of de verklaring zegt dat iedereen een klacht kan indienen bij de Autoriteit Persoonsgegevens.",
    why: "Het recht om te klagen bij de toezichthouder (art. 77) moet altijd vermeld worden; een interne klachtenregeling vervangt het niet.",
    bad: "complaints:\n  internal: Wij behandelen klachten volgens ons klachtenreglement.\n",
    good: "complaints:\n  internal: Wij behandelen klachten volgens ons klachtenreglement.\n  authority: autoriteit_persoonsgegevens\n",
    check: vk509,
);

fn vk509(ctx: &Ctx) -> Vec<Found> {
    if ctx.org.complaints.as_ref().is_some_and(|c| c.authority.is_some()) {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("complaints").key("authority"),
        ctx.t(
            "De verklaring noemt niet dat iedereen een klacht kan indienen bij de Autoriteit Persoonsgegevens.",
            "The statement does not say that anyone can complain to the Dutch DPA (Autoriteit Persoonsgegevens).",
        ),
        Some(ctx.t(
            "Vul `complaints.authority: autoriteit_persoonsgegevens` in; verklaar zet dan de standaardzin met autoriteitpersoonsgegevens.nl in de verklaring.",
            "Fill in `complaints.authority: autoriteit_persoonsgegevens`; verklaar then adds the standard sentence with autoriteitpersoonsgegevens.nl.",
        )),
    )]
}

rule!(
    VK510, "VK510", "complaint-ap-misdescribed", Warning, "AVG art. 77 lid 1 (\"onverminderd\")",
    what: "Of de klacht bij de AP afhankelijk wordt gemaakt van de interne route ('mocht dat niet lukken'), als bemiddeling wordt voorgesteld, of aan een verkeerde instantie wordt gericht.",
    why: "Iedereen mag altijd direct bij de AP klagen (art. 77 lid 1: 'onverminderd' andere voorzieningen). 'Bemiddelen en adviseren' was de rol van het CBP onder de Wbp.",
    bad: "complaints:\n  authority: autoriteit_persoonsgegevens\n  authority_text: Mocht dat niet lukken, dan kunt u zich wenden tot de AP.\n",
    good: "complaints:\n  authority: autoriteit_persoonsgegevens\n",
    check: vk510,
);

fn vk510(ctx: &Ctx) -> Vec<Found> {
    let Some(text) = ctx.org.complaints.as_ref().and_then(|c| c.authority_text.as_deref()) else {
        return vec![];
    };
    if !conditional_complaint(text) {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("complaints").key("authority_text"),
        ctx.t(
            "De klacht bij de AP wordt afhankelijk gemaakt van de interne route of als bemiddeling voorgesteld.",
            "The complaint to the DPA is made conditional on the internal route or framed as mediation.",
        ),
        Some(ctx.t(
            "U mag altijd direct een klacht indienen bij de AP; eerst bij ons klagen is geen voorwaarde. Laat `authority_text` weg voor de standaardzin, of schrijf: 'U kunt ook altijd een klacht indienen bij de AP.'",
            "Anyone may always complain directly to the DPA. Drop `authority_text` for the standard sentence, or write: 'You can always complain to the AP as well.'",
        )),
    )]
}

rule!(
    VK511, "VK511", "response-term-too-long", Error, "AVG art. 12 lid 3",
    what: "Of een termijn voor het afhandelen van een verzoek langer is dan één maand (ook een overgenomen WGBO-vernietigingstermijn van drie maanden).",
    why: "U moet binnen één maand reageren (art. 12 lid 3); alleen bij complexe verzoeken mag u met twee maanden verlengen, en dat meldt u binnen de eerste maand.",
    bad: "rights:\n  response_time: P3M\n",
    good: "rights:\n  response_time: P1M\n  extension_notice: true\n",
    check: vk511,
);

fn vk511(ctx: &Ctx) -> Vec<Found> {
    let Some(r) = &ctx.org.rights else { return vec![] };
    let help = Some(ctx.t(
        "De AVG geeft u één maand (`P1M`); alleen bij complexe verzoeken mag u die met twee maanden verlengen, en dat moet u binnen de eerste maand melden (`extension_notice: true`).",
        "The GDPR gives you one month (`P1M`); only for complex requests may you extend by two months, telling the person within the first month (`extension_notice: true`).",
    ));
    let mut out = Vec::new();
    if let Some(d) = r.response_time.filter(longer_than_a_month) {
        let d = ctx.duration(&d);
        out.push(Found::new(
            rights().key("response_time"),
            ctx.t(
                format!("U noemt een termijn van {d} om op een verzoek te reageren."),
                format!("You give a term of {d} to respond to a request."),
            ),
            help.clone(),
        ));
    }
    for (i, t) in r
        .other_terms
        .iter()
        .enumerate()
        .filter(|(_, t)| longer_than_a_month(&t.period))
    {
        out.push(Found::new(
            rights().key("other_terms").index(i).key("period"),
            ctx.t(
                format!(
                    "U noemt een termijn van {} voor een verzoek; dat is langer dan één maand.",
                    ctx.duration(&t.period)
                ),
                format!(
                    "You give a term of {} for a request; that is longer than one month.",
                    ctx.duration(&t.period)
                ),
            ),
            help.clone(),
        ));
    }
    out
}

rule!(
    VK512, "VK512", "request-fee", Error, "AVG art. 12 lid 5; art. 15 lid 3",
    what: "Of u een vergoeding vraagt voor een verzoek.",
    why: "Een verzoek is kosteloos (art. 12 lid 5). Alleen voor extra kopieën of bij kennelijk ongegronde of buitensporige verzoeken mag u kosten rekenen.",
    bad: "rights:\n  fee: € 5 per verzoek\n",
    good: "rights:\n  channel: { email: privacy@voorbeeld.example }\n",
    check: vk512,
);

fn vk512(ctx: &Ctx) -> Vec<Found> {
    if ctx.org.rights.as_ref().is_none_or(|r| r.fee.is_none()) {
        return vec![];
    }
    vec![Found::new(
        rights().key("fee"),
        ctx.t("U vraagt een vergoeding voor een verzoek.", "You charge a fee for a request."),
        Some(ctx.t(
            "Een verzoek is kosteloos (AVG art. 12 lid 5). U mag alleen kosten vragen voor extra kopieën of bij kennelijk ongegronde of buitensporige verzoeken.",
            "Requests are free (GDPR art. 12(5)). You may only charge for extra copies or manifestly unfounded or excessive requests.",
        )),
    )]
}

rule!(
    VK513, "VK513", "identification-disproportionate", Warning, "AVG art. 12 lid 2 en 6; art. 5 lid 1 sub c; AP-richtsnoer kopie identiteitsbewijs",
    what: "Of u een kopie van een identiteitsbewijs vraagt zonder te zeggen dat de pasfoto en het BSN afgeschermd mogen worden.",
    why: "U mag niet meer gegevens vragen dan nodig om iemand te identificeren (art. 12 lid 6; art. 5 lid 1 sub c). De AP raadt aan foto en BSN te laten afschermen, of iemand aan de balie te laten legitimeren.",
    bad: "rights:\n  identification: Stuur een kopie van uw paspoort mee.\n",
    good: "rights:\n  identification: Stuur een kopie van uw identiteitsbewijs mee en maak de pasfoto en het BSN onleesbaar, of laat uw identiteitsbewijs zien aan de balie.\n",
    check: vk513,
);

fn vk513(ctx: &Ctx) -> Vec<Found> {
    static COPY: OnceLock<Regex> = OnceLock::new();
    static MASK: OnceLock<Regex> = OnceLock::new();
    let copy = COPY.get_or_init(|| {
        Regex::new(r"(?i)\bkopie\b.*\b(identiteitsbewijs|id-bewijs|legitimatie(bewijs)?|paspoort|rijbewijs|id-kaart|identiteitskaart)").expect("literal regex")
    });
    let mask = MASK.get_or_init(|| {
        Regex::new(r"(?i)afscherm|onleesbaar|zwart\s*(maken|gemaakt)|weglaten|doorstrepen").expect("literal regex")
    });
    let Some(text) = ctx.org.rights.as_ref().and_then(|r| r.identification.as_deref()) else {
        return vec![];
    };
    if !copy.is_match(text) || mask.is_match(text) {
        return vec![];
    }
    vec![Found::new(
        rights().key("identification"),
        ctx.t(
            "U vraagt een kopie van een identiteitsbewijs zonder te zeggen dat pasfoto en BSN afgeschermd mogen worden.",
            "You ask for a copy of an ID document without saying the photo and BSN may be masked.",
        ),
        Some(ctx.t(
            "Vraag om de pasfoto en het BSN af te schermen, of laat iemand zich aan de balie legitimeren.",
            "Ask people to mask the photo and the BSN, or let them identify themselves at the desk.",
        )),
    )]
}

rule!(
    VK514, "VK514", "request-channel-missing", Error, "AVG art. 12 lid 2",
    what: "Of de verklaring zegt waar iemand een verzoek indient, en of dat niet alleen per brief kan.",
    why: "U moet het uitoefenen van rechten makkelijk maken (art. 12 lid 2); een verzoek mag op elke manier, ook per e-mail.",
    bad: "rights:\n  written_only: true\n",
    good: "rights:\n  channel: { email: privacy@voorbeeld.example, form: https://voorbeeld.example/privacy }\n",
    check: vk514,
);

fn vk514(ctx: &Ctx) -> Vec<Found> {
    let rights_block = ctx.org.rights.clone().unwrap_or_default();
    // An empty `channel:` shows nothing, like a missing one.
    let no_channel = rights_block.channel.as_ref().is_none_or(|c| c.is_empty());
    let mut out = Vec::new();
    // "Stuur een schriftelijk verzoek naar ons" without an address is one defect: one finding.
    if no_channel && rights_block.written_only {
        out.push(Found::new(
            rights().key("written_only"),
            ctx.t(
                "U accepteert verzoeken alleen schriftelijk, en de verklaring zegt niet waar iemand een verzoek kan indienen.",
                "You accept requests only in writing, and the statement does not say where to send a request.",
            ),
            Some(ctx.t(
                "Vul `rights.channel` in, bijvoorbeeld een e-mailadres en een webformulier; een verzoek mag op elke manier, ook per e-mail of telefonisch.",
                "Fill in `rights.channel`, for example an e-mail address and a web form; a request may be made in any way, including by e-mail or phone.",
            )),
        ));
        return out;
    }
    if no_channel {
        // The organisation's own address may well be where requests go, but the reader cannot
        // know that unless the text says so: name it, so the fix is one line.
        let known = ctx
            .org
            .organisation
            .contact
            .as_ref()
            .and_then(|c| c.email.clone().or_else(|| c.phone.clone()));
        let (nl, en) = match &known {
            Some(contact) => (
                format!(
                    "De verklaring zegt niet waar iemand een verzoek kan indienen. Uw contactgegevens ({contact}) staan er wel, maar de tekst zegt niet dat verzoeken daarheen kunnen."
                ),
                format!(
                    "The statement does not say where to send a request. Your contact details ({contact}) are there, but the text does not say requests can go there."
                ),
            ),
            None => (
                "De verklaring zegt niet waar iemand een verzoek kan indienen.".to_string(),
                "The statement does not say where to send a request.".to_string(),
            ),
        };
        out.push(Found::new(
            rights().key("channel"),
            ctx.t(nl, en),
            Some(ctx.t(
                "Vul `rights.channel` in, bijvoorbeeld een e-mailadres en een webformulier.",
                "Fill in `rights.channel`, for example an e-mail address and a web form.",
            )),
        ));
    }
    if rights_block.written_only {
        out.push(
            Found::new(
                rights().key("written_only"),
                ctx.t(
                    "U accepteert verzoeken alleen schriftelijk.",
                    "You accept requests only in writing.",
                ),
                Some(ctx.t(
                    "Een verzoek mag op elke manier, ook per e-mail of telefonisch.",
                    "A request may be made in any way, including by e-mail or phone.",
                )),
            )
            // The statement does say where to send a request: the limit is a defect, not a gap.
            .with_severity(crate::diagnostics::SeverityLevel::Warning),
        );
    }
    out
}

rule!(
    VK515, "VK515", "rights-restricted-beyond-law", Warning, "AVG art. 15 lid 4; art. 17 lid 3; art. 23; UAVG art. 41",
    what: "Of een recht wordt beperkt zonder wettelijke grond (bijvoorbeeld 'persoonlijke werkaantekeningen kunt u niet inzien').",
    why: "Rechten mogen alleen worden beperkt zoals AVG art. 15 lid 4, art. 17 lid 3, art. 23 en UAVG art. 41 toestaan.",
    bad: "rights:\n  restrictions:\n    - { right: access, description: Persoonlijke werkaantekeningen kun je niet inzien. }\n",
    good: "rights:\n  restrictions:\n    - right: access\n      description: Gegevens over anderen in uw dossier laten wij weg.\n      legal_ground: AVG art. 15 lid 4\n",
    check: vk515,
);

fn vk515(ctx: &Ctx) -> Vec<Found> {
    let Some(r) = &ctx.org.rights else { return vec![] };
    r.restrictions
        .iter()
        .enumerate()
        .filter(|(_, x)| x.legal_ground.is_none() && !lawful_limit(x.right, &x.description))
        .map(|(i, x)| {
            let at = rights().key("restrictions").index(i);
            // "Verwijderen als ze niet meer nodig zijn" states one ground of art. 17 lid 1 (sub
            // a) as if it were the only one: the other grounds are what the text withholds.
            if x.right == Right::Erasure && only_when_unneeded(&x.description) {
                return Found::new(
                    at,
                    ctx.t(
                        format!("U noemt voor het recht op verwijdering alleen het geval dat gegevens niet meer nodig zijn: '{}'.", x.description.trim_end().trim_end_matches('.')),
                        format!("For the right to erasure you name only the case that the data are no longer needed: '{}'.", x.description.trim_end().trim_end_matches('.')),
                    ),
                    Some(ctx.t(
                        "Art. 17 lid 1 AVG geeft meer gronden, zoals het intrekken van toestemming of een gegrond bezwaar. Schrijf het recht zonder deze beperking, of noem de uitzondering van art. 17 lid 3 AVG die u bedoelt.",
                        "GDPR art. 17(1) gives more grounds, such as withdrawn consent or an upheld objection. State the right without this limit, or name the exception of art. 17(3) you mean.",
                    )),
                );
            }
            Found::new(
                at,
                ctx.t(
                    format!("U beperkt een recht zonder wettelijke grond: '{}'.", x.description.trim_end().trim_end_matches('.')),
                    format!("You restrict a right without a legal ground: '{}'.", x.description.trim_end().trim_end_matches('.')),
                ),
                Some(ctx.t(
                    "Noem in `legal_ground` de grond (AVG art. 15 lid 4, art. 17 lid 3, art. 23 of UAVG art. 41), of schrap de beperking.",
                    "Give the ground in `legal_ground` (GDPR art. 15(4), 17(3), 23 or UAVG art. 41), or drop the restriction.",
                )),
            )
        })
        .collect()
}

/// "… als ze niet meer nodig zijn": erasure tied to AVG art. 17 lid 1 sub a alone.
fn only_when_unneeded(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Literal pattern, covered by the VK515 fixtures.
        Regex::new(r"(?i)\b(als|wanneer|indien|zodra)\b[^.]{0,40}\bniet\s+(meer|langer)\s+nodig\b")
            .expect("literal regex")
    })
    .is_match(text)
}

/// A limit that the law itself sets, even when the statement does not cite the article: a
/// citation of AVG art. 17 lid 3, art. 23 or UAVG art. 41; the grounds of art. 17 lid 3 for
/// erasure; a deferral to the law ("voor zover wettelijk toegestaan", AVG art. 17 lid 3 sub b), the rights of
/// others or the prevention of criminal offences for access (AVG art. 15 lid 4; UAVG art. 41 lid 1
/// sub c en i; BW art. 7:457), and objection against "bepaalde verwerkingen" (art. 21 lid 1 only
/// covers processing on basis e or f).
fn lawful_limit(right: Right, text: &str) -> bool {
    static LAW: OnceLock<Regex> = OnceLock::new();
    static OTHERS: OnceLock<Regex> = OnceLock::new();
    static OBJECTION: OnceLock<Regex> = OnceLock::new();
    static CITED: OnceLock<Regex> = OnceLock::new();
    static ERASURE: OnceLock<Regex> = OnceLock::new();
    let re = |cell: &'static OnceLock<Regex>, pattern: &str| -> &'static Regex {
        cell.get_or_init(|| Regex::new(pattern).expect("literal regex"))
    };
    let law = re(
        &LAW,
        r"(?i)\bvoor\s+zover\s+(dat\s+|dit\s+)?(wettelijk|de\s+wet|wet-\s+en\s+regelgeving)\b[^.]{0,30}\b(toegestaan|toestaat|mogelijk)\b",
    );
    if law.is_match(text) {
        return true;
    }
    // The statement cites the lawful limit itself: AVG art. 17 lid 3, art. 23 or UAVG art. 41.
    let cited = re(
        &CITED,
        r"(?i)\bart(ikel|\.)?\s*17\s*(,\s*)?(lid\s*)?(3|\(3\))|\bart(ikel|\.)?\s*23\b[^.]{0,20}\b(AVG|GDPR)\b|\b(AVG|GDPR)\s+art(ikel|\.)?\s*23\b|\bart(ikel|\.)?\s*41\b[^.]{0,30}\b(UAVG|Uitvoeringswet\s+AVG)\b|\bUAVG\s+art(ikel|\.)?\s*41\b",
    );
    if cited.is_match(text) {
        return true;
    }
    match right {
        // AVG art. 17 lid 3: erasure does not apply where processing is needed for a legal
        // obligation to keep the data (sub b), public health (sub c), archiving or research
        // under art. 89 (sub d), or to establish, exercise or defend legal claims (sub e), such
        // as a complaint or an incident (calamiteit) still under investigation; BW art. 7:455
        // lid 2 (a medical record of considerable importance to someone else).
        Right::Erasure => re(
            &ERASURE,
            r"(?i)\b(wettelijke\s+)?bewaarplicht|\bwettelijk\s+(verplicht|voorgeschreven)\b[^.]{0,40}\bbewaren\b|\bbewaren\b[^.]{0,40}\bwettelijk\s+verplicht\b|\brechtsvordering|\b(juridische|gerechtelijke)\s+procedure|\bverweer\b|\bgeschil\b|\bklacht\b[^.]{0,60}\b(niet\s+(is\s+)?afgerond|loopt|lopende)\b|\bcalamiteit|\baanmerkelijk\s+belang\s+(is\s+)?voor\s+een\s+ander|\bvolksgezondheid\b|\b(archivering|wetenschappelijk(\s+of\s+historisch)?\s+onderzoek)\b",
        )
        .is_match(text),
        Right::Access => re(
            &OTHERS,
            r"(?i)\bgegevens\s+van\s+(anderen|derden)\b|\b(belang|persoonlijke\s+levenssfeer|privacy|rechten(\s+en\s+vrijheden)?)\s+van\s+(een\s+)?(ander|anderen|derde|derden)\b|\bstrafbare\s+feiten\b|\banderen\s+(te\s+)?beschermen\b|\b(een\s+)?ander(en)?\s+in\s+gevaar\b|\bgevaar\s+voor\s+(een\s+)?ander(en)?\b",
        )
        .is_match(text),
        Right::Objection => re(&OBJECTION, r"(?i)\bbepaalde\s+verwerkingen\b").is_match(text),
        _ => false,
    }
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[
    VK501, VK502, VK503, VK504, VK505, VK506, VK507, VK508, VK509, VK510, VK511, VK512, VK513, VK514, VK515,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entire_exclusions() {
        assert!(excludes_entirely("Wij verwijderen nooit gegevens uit uw dossier."));
        assert!(excludes_entirely("Verwijdering is niet mogelijk."));
        assert!(excludes_entirely("Uw toestemming kan niet worden ingetrokken."));
        // Partial or conditional limits are VK515's.
        assert!(!excludes_entirely(
            "Persoonlijke werkaantekeningen van medewerkers horen niet bij het dossier en kun je niet inzien."
        ));
        assert!(!excludes_entirely(
            "Je hebt het recht om gegevens te laten verwijderen als ze niet meer nodig zijn."
        ));
        assert!(!excludes_entirely("verwijdering (voor zover wettelijk toegestaan)"));
        assert!(!excludes_entirely("bezwaar tegen bepaalde verwerkingen"));
        assert!(!excludes_entirely(
            "Inzage kan worden geweigerd in deze situatie: gegevens van anderen staan in jouw dossier."
        ));
    }

    #[test]
    fn lawful_limits() {
        assert!(lawful_limit(
            Right::Erasure,
            "verwijdering (voor zover wettelijk toegestaan)"
        ));
        assert!(lawful_limit(Right::Objection, "bezwaar tegen bepaalde verwerkingen"));
        assert!(lawful_limit(
            Right::Access,
            "Inzage kan worden geweigerd in deze situatie: gegevens van anderen staan in jouw dossier."
        ));
        assert!(lawful_limit(
            Right::Access,
            "Verstrekking kan worden geweigerd in het belang van de persoonlijke levenssfeer van een derde."
        ));
        // Not limits the law sets.
        assert!(!lawful_limit(
            Right::Access,
            "Persoonlijke werkaantekeningen kunt u niet inzien."
        ));
        assert!(!lawful_limit(
            Right::Erasure,
            "Je hebt het recht om gegevens te laten verwijderen als ze niet meer nodig zijn."
        ));
        assert!(!lawful_limit(Right::Erasure, "bezwaar tegen bepaalde verwerkingen"));
    }
}
