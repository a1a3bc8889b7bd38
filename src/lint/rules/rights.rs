//! VK5xx — data-subject rights and the request procedure (AVG art. 12, 15–22, 77).
//! The rights themselves are derived from the legal bases; these rules check what the model
//! restricts and how requests are handled.

use std::sync::OnceLock;

use regex::Regex;

use super::text::conditional_complaint;
use crate::lint::{Ctx, Found, Rule};
use crate::model::time::Duration;
use crate::source::Pointer;

fn rights() -> Pointer {
    Pointer::root().key("rights")
}

/// One month under AVG art. 12 lid 3; 31 days covers the longest month.
fn longer_than_a_month(d: &Duration) -> bool {
    d.approx_days() > 31.0
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
                    t.period
                ),
                format!(
                    "You give a term of {} for a request; that is longer than one month.",
                    t.period
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
    VK514, "VK514", "request-channel-missing", Warning, "AVG art. 12 lid 2",
    what: "Of de verklaring zegt waar iemand een verzoek indient, en of dat niet alleen per brief kan.",
    why: "U moet het uitoefenen van rechten makkelijk maken (art. 12 lid 2); een verzoek mag op elke manier, ook per e-mail.",
    bad: "rights:\n  written_only: true\n",
    good: "rights:\n  channel: { email: privacy@voorbeeld.example, form: https://voorbeeld.example/privacy }\n",
    check: vk514,
);

fn vk514(ctx: &Ctx) -> Vec<Found> {
    let rights_block = ctx.org.rights.clone().unwrap_or_default();
    let mut out = Vec::new();
    if rights_block.channel.is_none() {
        out.push(Found::new(
            rights().key("channel"),
            ctx.t(
                "De verklaring zegt niet waar iemand een verzoek kan indienen.",
                "The statement does not say where to send a request.",
            ),
            Some(ctx.t(
                "Vul `rights.channel` in, bijvoorbeeld een e-mailadres en een webformulier.",
                "Fill in `rights.channel`, for example an e-mail address and a web form.",
            )),
        ));
    }
    if rights_block.written_only {
        out.push(Found::new(
            rights().key("written_only"),
            ctx.t(
                "U accepteert verzoeken alleen schriftelijk.",
                "You accept requests only in writing.",
            ),
            Some(ctx.t(
                "Een verzoek mag op elke manier, ook per e-mail of telefonisch.",
                "A request may be made in any way, including by e-mail or phone.",
            )),
        ));
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
        .filter(|(_, x)| x.legal_ground.is_none())
        .map(|(i, x)| {
            Found::new(
                rights().key("restrictions").index(i),
                ctx.t(
                    format!("U beperkt een recht zonder wettelijke grond: '{}'.", x.description),
                    format!("You restrict a right without a legal ground: '{}'.", x.description),
                ),
                Some(ctx.t(
                    "Noem in `legal_ground` de grond (AVG art. 15 lid 4, art. 17 lid 3, art. 23 of UAVG art. 41), of schrap de beperking.",
                    "Give the ground in `legal_ground` (GDPR art. 15(4), 17(3), 23 or UAVG art. 41), or drop the restriction.",
                )),
            )
        })
        .collect()
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[VK509, VK510, VK511, VK512, VK513, VK514, VK515];
