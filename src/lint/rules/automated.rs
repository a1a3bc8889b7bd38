//! VK6xx — automated decisions, profiling, cookies and marketing e-mail (AVG art. 4 sub 4,
//! art. 13 lid 2 sub f, art. 21–22; Telecommunicatiewet art. 11.7 en 11.7a).

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::consistency::quote_span;
use crate::legal::terms;
use crate::lint::{Ctx, Found, Rule};
use crate::model::vocab::{AutomatedDecisionBasis, CookieKind, DataKind, LegalBasis, Right, SpecialCategoryCondition};
use crate::model::{DataCategory, Purpose};
use crate::source::Pointer;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    // Prepared like the tables' patterns (see `legal::patterns::prepare`).
    cell.get_or_init(|| crate::legal::patterns::compile(pattern))
}

/// A value that is present and not only whitespace.
fn filled(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|s| !s.trim().is_empty())
}

fn cookies() -> Pointer {
    Pointer::root().key("cookies")
}

// ---------------------------------------------------------------------------------------------
// VK601–VK603: automated individual decisions (AVG art. 22)
// ---------------------------------------------------------------------------------------------

rule!(
    VK601, "VK601", "automated-decision-undisclosed", Error, "AVG art. 13 lid 2 sub f; art. 14 lid 2 sub g; art. 22 lid 1 en 4",
    what: "Of bij elk geautomatiseerd besluit (`automated_decision`) de onderliggende logica, het belang en de verwachte gevolgen voor de betrokkene staan.",
    why: "Neemt u besluiten zonder menselijke tussenkomst, dan moet u 'nuttige informatie over de onderliggende logica, alsmede het belang en de verwachte gevolgen' geven (AVG art. 13 lid 2 sub f; art. 14 lid 2 sub g). Alleen melden dát u automatisch beslist is niet genoeg.",
    bad: "purposes:\n  - id: aanvragen\n    description: Aanvragen voor een abonnement beoordelen\n    legal_basis: contract\n    automated_decision:\n      basis: contract\n      safeguards: U kunt altijd vragen om een beoordeling door een medewerker, uw standpunt geven en het besluit aanvechten.\n",
    good: "purposes:\n  - id: aanvragen\n    description: Aanvragen voor een abonnement beoordelen\n    legal_basis: contract\n    automated_decision:\n      logic: Ons systeem kijkt of er openstaande rekeningen op uw naam staan.\n      significance: Het systeem beslist of u een abonnement kunt afsluiten.\n      consequences: Staat er een rekening open, dan kunt u pas een abonnement nemen als die betaald is.\n      basis: contract\n      safeguards: U kunt altijd vragen om een beoordeling door een medewerker, uw standpunt geven en het besluit aanvechten.\n",
    check: vk601,
);

fn vk601(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        let Some(ad) = &p.automated_decision else { continue };
        let mut missing = Vec::new();
        let mut first_missing = None;
        for (key, value, nl, en) in [
            (
                "logic",
                &ad.logic,
                "hoe het besluit tot stand komt (de onderliggende logica)",
                "how the decision is made (the logic involved)",
            ),
            (
                "significance",
                &ad.significance,
                "wat het besluit voor iemand betekent (het belang)",
                "what the decision means for the person (its significance)",
            ),
            (
                "consequences",
                &ad.consequences,
                "wat de verwachte gevolgen zijn",
                "what the envisaged consequences are",
            ),
        ] {
            if !filled(value) {
                first_missing.get_or_insert(key);
                missing.push(ctx.t(nl, en));
            }
        }
        let Some(first_missing) = first_missing else { continue };
        let list = ctx.lang.and_list(&missing);
        // A missing field points at the `automated_decision` key; an empty one at itself.
        out.push(Found::new(
            ctx.purpose(i).key("automated_decision").key(first_missing),
            ctx.t(
                format!("Bij '{}' neemt u automatisch besluiten, maar u legt niet uit {list}.", p.description),
                format!("For '{}' you take automated decisions but do not explain {list}.", p.description),
            ),
            Some(ctx.t(
                "Vul in `automated_decision` in gewone woorden `logic` (waar het systeem naar kijkt), `significance` (wat het besluit inhoudt) en `consequences` (wat er voor de persoon uit volgt) in.",
                "Fill in `logic` (what the system looks at), `significance` (what the decision means) and `consequences` (what follows for the person) in `automated_decision`, in plain words.",
            )),
        ));
    }
    out
}

rule!(
    VK602, "VK602", "automated-decision-safeguards-missing", Error, "AVG art. 22 lid 3",
    what: "Of bij een geautomatiseerd besluit op grond van een overeenkomst of uitdrukkelijke toestemming (art. 22 lid 2 sub a of c) de waarborgen staan: menselijke tussenkomst, een eigen standpunt geven en het besluit aanvechten.",
    why: "AVG art. 22 lid 3 verplicht u bij deze besluiten ten minste het recht op menselijke tussenkomst, het recht om uw standpunt kenbaar te maken en het recht om het besluit aan te vechten te bieden. Wie die rechten niet kent, kan ze niet gebruiken.",
    bad: "    automated_decision:\n      logic: Ons systeem kijkt of er openstaande rekeningen op uw naam staan.\n      significance: Het systeem beslist of u een abonnement kunt afsluiten.\n      consequences: Staat er een rekening open, dan krijgt u geen abonnement.\n      basis: contract\n",
    good: "    automated_decision:\n      logic: Ons systeem kijkt of er openstaande rekeningen op uw naam staan.\n      significance: Het systeem beslist of u een abonnement kunt afsluiten.\n      consequences: Staat er een rekening open, dan krijgt u geen abonnement.\n      basis: contract\n      safeguards: U kunt altijd vragen om een beoordeling door een medewerker, uw standpunt geven en het besluit aanvechten.\n",
    check: vk602,
);

/// The three safeguards of art. 22 lid 3 and a pattern that recognises each in a text.
fn safeguard_patterns() -> [(&'static str, &'static str, &'static Regex); 3] {
    static HUMAN: OnceLock<Regex> = OnceLock::new();
    static VIEW: OnceLock<Regex> = OnceLock::new();
    static CONTEST: OnceLock<Regex> = OnceLock::new();
    [
        (
            "menselijke tussenkomst",
            "human intervention",
            re(
                &HUMAN,
                r"\bmens(elijke?)?\b|\bmedewerker|\bhandmatig|\bpersoonlijke?\s+beoordel|\bbeoordeling\s+door\b|\bherbeoordel|\bopnieuw\s+(laten\s+)?(be)?oordel|\bhuman\b",
            ),
        ),
        (
            "uw standpunt geven",
            "expressing one's point of view",
            re(
                &VIEW,
                r"\bstandpunt|\bzienswijze|\bmening\b|\bwat\s+(u|je)\s+ervan\s+vindt|\buw\s+kant\b|\btoelichting\s+geven|\breageren\b|\bpoint\s+of\s+view",
            ),
        ),
        (
            "het besluit aanvechten",
            "contesting the decision",
            re(
                &CONTEST,
                r"\baanvecht|\baan\s+te\s+vechten|\bbetwist|\bbezwaar\b|\bberoep\b|\bherzien|\boneens\b|\bcontest",
            ),
        ),
    ]
}

fn vk602(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        let Some(ad) = &p.automated_decision else { continue };
        let (letter, basis_nl, basis_en) = match ad.basis {
            Some(AutomatedDecisionBasis::Contract) => ("a", "een overeenkomst", "a contract"),
            Some(AutomatedDecisionBasis::ExplicitConsent) => ("c", "uitdrukkelijke toestemming", "explicit consent"),
            _ => continue,
        };
        let text = ad.safeguards.as_deref().unwrap_or("").trim();
        let missing: Vec<(&str, &str)> = safeguard_patterns()
            .into_iter()
            .filter(|(_, _, re)| text.is_empty() || !re.is_match(text))
            .map(|(nl, en, _)| (nl, en))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let (at, message) = if text.is_empty() {
            (
                ctx.purpose(i).key("automated_decision").key("basis"),
                ctx.t(
                    format!(
                        "Bij '{}' neemt u automatisch besluiten op grond van {basis_nl} (AVG art. 22 lid 2 sub {letter}), maar u noemt de waarborgen niet.",
                        p.description
                    ),
                    format!(
                        "For '{}' you take automated decisions based on {basis_en} (GDPR art. 22(2)({letter})) but do not state the safeguards.",
                        p.description
                    ),
                ),
            )
        } else {
            let list_nl = ctx
                .lang
                .and_list(&missing.iter().map(|(nl, _)| nl.to_string()).collect::<Vec<_>>());
            let list_en = ctx
                .lang
                .and_list(&missing.iter().map(|(_, en)| en.to_string()).collect::<Vec<_>>());
            (
                ctx.purpose(i).key("automated_decision").key("safeguards"),
                ctx.t(
                    format!("Bij '{}' ontbreekt in de waarborgen: {list_nl}.", p.description),
                    format!("For '{}' the safeguards do not mention {list_en}.", p.description),
                ),
            )
        };
        out.push(Found::new(
            at,
            message,
            Some(ctx.t(
                "Schrijf in `automated_decision.safeguards` dat iemand om een beoordeling door een medewerker kan vragen, zijn standpunt kan geven en het besluit kan aanvechten.",
                "State in `automated_decision.safeguards` that a person can ask for a review by a member of staff, express their point of view and contest the decision.",
            )),
        ));
    }
    out
}

rule!(
    VK603, "VK603", "automated-decision-special-category", Error, "AVG art. 22 lid 4",
    what: "Of een geautomatiseerd besluit bijzondere persoonsgegevens gebruikt zonder uitdrukkelijke toestemming (art. 9 lid 2 sub a) of een zwaarwegend algemeen belang op grond van een wet (art. 9 lid 2 sub g).",
    why: "AVG art. 22 lid 4: besluiten zonder menselijke tussenkomst mogen niet op bijzondere persoonsgegevens (zoals gezondheid) berusten, tenzij met uitdrukkelijke toestemming of op grond van een wet voor een zwaarwegend algemeen belang, met passende waarborgen. De zorguitzondering (sub h) is daarvoor niet genoeg.",
    bad: "purposes:\n  - id: triage\n    description: Aanmeldingen automatisch indelen\n    data_categories: [gezondheid]\n    special_category_condition: health_care\n    automated_decision: { logic: …, significance: …, consequences: …, basis: contract, safeguards: … }\n",
    good: "purposes:\n  - id: triage\n    description: Aanmeldingen automatisch indelen\n    data_categories: [gezondheid]\n    special_category_condition: explicit_consent\n    automated_decision: { logic: …, significance: …, consequences: …, basis: explicit_consent, safeguards: … }\n",
    check: vk603,
);

fn special_categories<'a>(ctx: &'a Ctx, p: &Purpose) -> Vec<&'a DataCategory> {
    p.data_categories
        .iter()
        .filter_map(|id| ctx.org.data_categories.iter().find(|c| &c.id == id))
        .filter(|c| c.kind == DataKind::Special)
        .collect()
}

fn vk603(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        if p.automated_decision.is_none() {
            continue;
        }
        if matches!(
            p.special_category_condition,
            Some(SpecialCategoryCondition::ExplicitConsent | SpecialCategoryCondition::SubstantialPublicInterest)
        ) {
            continue;
        }
        let special = special_categories(ctx, p);
        if special.is_empty() {
            continue;
        }
        let names: Vec<String> = special.iter().map(|c| format!("'{}'", c.name)).collect();
        let list = ctx.lang.and_list(&names);
        let at = if p.special_category_condition.is_some() {
            ctx.purpose(i).key("special_category_condition")
        } else {
            ctx.purpose(i).key("automated_decision")
        };
        out.push(Found::new(
            at,
            ctx.t(
                format!("Bij '{}' berusten automatische besluiten op bijzondere persoonsgegevens ({list}). Dat mag alleen met uitdrukkelijke toestemming of op grond van een wet (AVG art. 22 lid 4).", p.description),
                format!("For '{}' automated decisions rely on special categories of data ({list}). That is only allowed with explicit consent or on the basis of a law (GDPR art. 22(4)).", p.description),
            ),
            Some(ctx.t(
                "Vraag uitdrukkelijke toestemming (`special_category_condition: explicit_consent`), noem de wet (`substantial_public_interest` met `special_category_law`), of laat een medewerker het besluit nemen.",
                "Ask for explicit consent (`special_category_condition: explicit_consent`), name the law (`substantial_public_interest` with `special_category_law`), or let a member of staff take the decision.",
            )),
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// VK604: profiling
// ---------------------------------------------------------------------------------------------

rule!(
    VK604, "VK604", "profiling-undisclosed", Warning, "AVG art. 4 sub 4; art. 13 lid 1 sub c; art. 21; WP260",
    what: "Of een doel met profilering (inhoud aanpassen op gedrag, locatie of eerdere keuzes) een rechtsgrond heeft, en bij gerechtvaardigd belang of een publieke taak het recht van bezwaar.",
    why: "Inhoud aanpassen op basis van iemands gedrag, locatie of eerdere keuzes is profilering (AVG art. 4 sub 4). De verklaring moet de grond noemen (art. 13 lid 1 sub c) en, bij gerechtvaardigd belang of een publieke taak, het recht van bezwaar tegen profilering (art. 21 lid 1). WP260 vraagt profilering duidelijk te melden.",
    bad: "purposes:\n  - id: personalisatie\n    description: U relevantere inhoud tonen\n    profiling: Wij passen de website aan op uw locatie en eerdere keuzes.\n",
    good: "purposes:\n  - id: personalisatie\n    description: U relevantere inhoud tonen\n    profiling: Wij passen de website aan op uw locatie en eerdere keuzes.\n    legal_basis: consent\n",
    check: vk604,
);

fn vk604(ctx: &Ctx) -> Vec<Found> {
    let stated = ctx.org.rights.as_ref().and_then(|r| r.stated.as_ref());
    let mut out = Vec::new();
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        if !filled(&p.profiling) {
            continue;
        }
        match p.legal_basis {
            None => out.push(Found::new(
                ctx.purpose(i).key("profiling"),
                ctx.t(
                    format!(
                        "Bij '{}' past u de inhoud aan op gedrag, locatie of eerdere keuzes. Dat is profilering, maar u noemt geen rechtsgrond.",
                        p.description
                    ),
                    format!(
                        "For '{}' you adapt content to behaviour, location or earlier choices. That is profiling, but you name no legal basis.",
                        p.description
                    ),
                ),
                Some(ctx.t(
                    "Kies een `legal_basis`. Gebruikt u daarvoor tracking cookies of surfgedrag, dan is toestemming (`consent`) nodig; bij gerechtvaardigd belang noemt verklaar ook het recht van bezwaar.",
                    "Choose a `legal_basis`. If you use tracking cookies or browsing behaviour for it, consent (`consent`) is required; with legitimate interests verklaar also states the right to object.",
                )),
            )),
            Some(basis) => {
                let objection_required =
                    matches!(basis, LegalBasis::LegitimateInterests | LegalBasis::PublicTask) || p.direct_marketing;
                if objection_required && stated.is_some_and(|rights| !rights.contains(&Right::Objection)) {
                    out.push(Found::new(
                        ctx.purpose(i).key("profiling"),
                        ctx.t(
                            format!(
                                "Bij '{}' profileert u op grond van {}, maar de verklaring noemt het recht van bezwaar niet.",
                                p.description,
                                basis_nl(basis)
                            ),
                            format!(
                                "For '{}' you profile on the basis of {}, but the statement does not mention the right to object.",
                                p.description,
                                basis_en(basis)
                            ),
                        ),
                        Some(ctx.t(
                            "Vermeld dat iemand bezwaar kan maken tegen profilering (AVG art. 21), in een eigen alinea.",
                            "State that a person can object to profiling (GDPR art. 21), in a separate paragraph.",
                        )),
                    ));
                }
            }
        }
    }
    out
}

fn basis_nl(basis: LegalBasis) -> &'static str {
    match basis {
        LegalBasis::Consent => "toestemming",
        LegalBasis::Contract => "een overeenkomst",
        LegalBasis::LegalObligation => "een wettelijke plicht",
        LegalBasis::VitalInterests => "vitale belangen",
        LegalBasis::PublicTask => "een taak van algemeen belang",
        LegalBasis::LegitimateInterests => "gerechtvaardigd belang",
    }
}

fn basis_en(basis: LegalBasis) -> &'static str {
    match basis {
        LegalBasis::Consent => "consent",
        LegalBasis::Contract => "a contract",
        LegalBasis::LegalObligation => "a legal obligation",
        LegalBasis::VitalInterests => "vital interests",
        LegalBasis::PublicTask => "a public task",
        LegalBasis::LegitimateInterests => "legitimate interests",
    }
}

// ---------------------------------------------------------------------------------------------
// VK605–VK606: cookies (Telecommunicatiewet art. 11.7a)
// ---------------------------------------------------------------------------------------------

rule!(
    VK605, "VK605", "cookies-without-valid-consent", Error, "Tw art. 11.7a lid 1; AVG art. 4 sub 11; art. 7",
    what: "Of cookies die toestemming nodig hebben (tracking, advertenties, analytische cookies die niet privacyvriendelijk zijn ingesteld) al vóór toestemming worden geplaatst, of op 'toestemming' door verder surfen of gebruik van de website.",
    why: "Telecommunicatiewet art. 11.7a lid 1 staat zulke cookies alleen toe na toestemming in de zin van de AVG: een vrije, specifieke, geïnformeerde en ondubbelzinnige wilsuiting door een actieve handeling (AVG art. 4 sub 11; overweging 32). Verder surfen of een website gebruiken is geen toestemming.",
    bad: "cookies:\n  consent: Surft u verder op onze website, dan worden deze cookies geplaatst.\n  items:\n    - { name: _ga, provider: Google, kind: tracking, purpose: Surfgedrag volgen, retention: P13M }\n",
    good: "cookies:\n  consent: Wij plaatsen tracking cookies pas nadat u in de cookiemelding op 'Akkoord' hebt geklikt.\n  items:\n    - { name: _ga, provider: Google, kind: tracking, purpose: Surfgedrag volgen, retention: P13M }\n",
    check: vk605,
);

/// Consent inferred from continued use ("Surft u verder", "door deze website te gebruiken").
fn implied_consent(text: &str) -> Option<Range<usize>> {
    static EXTRA: OnceLock<Regex> = OnceLock::new();
    let from_table = terms::find(text)
        .into_iter()
        .find(|(_, term)| term.spec.id == "implied-consent")
        .map(|(range, _)| range);
    from_table.or_else(|| {
        re(
            &EXTRA,
            r"\bdoor\s+(deze|onze)\s+(website|site|webpagina)\s+te\s+(gebruiken|bezoeken)\b|\b(bij|door)\s+(verder|voortgezet)\s+gebruik\b|\bverder\s+(te\s+)?klikken\b",
        )
        .find(text)
        .map(|m| m.range())
    })
}

pub(super) fn kind_nl(kind: CookieKind) -> &'static str {
    match kind {
        CookieKind::Functional => "functioneel",
        CookieKind::AnalyticsPrivacyFriendly => "privacyvriendelijk analytisch",
        CookieKind::Analytics => "analytisch",
        CookieKind::Preferences => "voorkeuren",
        CookieKind::Tracking => "tracking",
        CookieKind::Advertising => "advertenties",
    }
}

pub(super) fn kind_en(kind: CookieKind) -> &'static str {
    match kind {
        CookieKind::Functional => "functional",
        CookieKind::AnalyticsPrivacyFriendly => "privacy-friendly analytics",
        CookieKind::Analytics => "analytics",
        CookieKind::Preferences => "preferences",
        CookieKind::Tracking => "tracking",
        CookieKind::Advertising => "advertising",
    }
}

fn vk605(ctx: &Ctx) -> Vec<Found> {
    let Some(c) = &ctx.org.cookies else { return vec![] };
    let needing: Vec<_> = c.items.iter().filter(|i| !i.kind.exempt_from_consent()).collect();
    let named_nl: Vec<String> = needing
        .iter()
        .map(|i| format!("'{}' ({})", i.name, kind_nl(i.kind)))
        .collect();
    let named_en: Vec<String> = needing
        .iter()
        .map(|i| format!("'{}' ({})", i.name, kind_en(i.kind)))
        .collect();
    let (which_nl, which_en) = if needing.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(" Het gaat om {}.", ctx.lang.and_list(&named_nl)),
            format!(" This concerns {}.", ctx.lang.and_list(&named_en)),
        )
    };
    let help = ctx.t(
        "Plaats deze cookies pas nadat iemand actief toestemming gaf (bijvoorbeeld de knop 'Akkoord' in een cookiemelding), en beschrijf dat in `cookies.consent`. Weigeren moet even makkelijk zijn als toestemmen.",
        "Place these cookies only after an active act of consent (for example an 'Accept' button in a cookie banner), and describe that in `cookies.consent`. Refusing must be as easy as accepting.",
    );
    let mut out = Vec::new();
    if c.placed_before_consent {
        out.push(Found::new(
            cookies().key("placed_before_consent"),
            ctx.t(
                format!("U plaatst cookies waarvoor toestemming nodig is al voordat iemand toestemming gaf.{which_nl}"),
                format!("You place cookies that need consent before anyone has consented.{which_en}"),
            ),
            Some(help.clone()),
        ));
    }
    // Implied consent only matters when some cookie needs consent; an empty list leaves the
    // kinds open, and the text itself then speaks of cookies that need it.
    if c.items.is_empty() || !needing.is_empty() {
        for (key, text) in [("consent", &c.consent), ("description", &c.description)] {
            let Some(text) = text else { continue };
            let Some(range) = implied_consent(text) else { continue };
            let at = cookies().key(key);
            let matched = &text[range];
            out.push(
                Found::new(
                    at.clone(),
                    ctx.t(
                        format!("U plaatst cookies waarvoor toestemming nodig is op grond van '{matched}'. Verder surfen of de website gebruiken is geen toestemming.{which_nl}"),
                        format!("You place cookies that need consent on the basis of '{matched}'. Continuing to browse or using the website is not consent.{which_en}"),
                    ),
                    Some(help.clone()),
                )
                .with_span(quote_span(ctx, &at, matched)),
            );
            break;
        }
    }
    out
}

rule!(
    VK606, "VK606", "cookies-information-missing", Error, "Tw art. 11.7a lid 1 sub a; AVG art. 13",
    what: "Of een verklaring die ook over een website gaat (`scope.websites`, `scope.website`, of gegevens als IP-adressen en surfgedrag) zegt welke cookies er zijn, en of bij elke cookie het doel, de partij die hem plaatst en de bewaartermijn staan.",
    why: "Telecommunicatiewet art. 11.7a lid 1 sub a vraagt 'duidelijke en volledige informatie' over cookies. Functionele cookies, die strikt nodig zijn voor de dienst die de bezoeker vraagt, zijn daarvan uitgezonderd (lid 3 sub a en b); voor die cookies meldt deze regel niets. Zonder doel, partij en bewaartermijn kan een bezoeker niet beoordelen waarmee hij instemt.",
    bad: "scope:\n  websites: [https://www.voorbeeld.example]\n# geen `cookies`\n",
    good: "scope:\n  websites: [https://www.voorbeeld.example]\ncookies:\n  items:\n    - name: sessie\n      provider: Praktijk De Linde (eigen website)\n      kind: functional\n      purpose: Zorgt dat het contactformulier werkt.\n      retention: PT2H\n",
    check: vk606,
);

rule!(
    VK610, "VK610", "website-unstated", Error, "Tw art. 11.7a; AVG art. 13",
    what: "Of het bestand zegt of de verklaring over een website gaat (`scope.website` of `scope.websites`) als het geen cookies noemt.",
    why: "Zonder dat zegt de verklaring bij cookies dat zij er nog niets over zegt. Heeft u geen website, of gaat de verklaring er niet over, schrijf dan `scope: { website: false }`.",
    bad: "# geen `scope.website`, geen `cookies`\n",
    good: "scope:\n  website: false\n",
    check: vk610,
);

fn vk610(ctx: &Ctx) -> Vec<Found> {
    let scope = ctx.org.scope.clone().unwrap_or_default();
    // A website in scope without cookies is VK606's finding.
    if ctx.org.cookies.as_ref().is_some_and(|c| !c.says_nothing())
        || scope.website.is_some()
        || !scope.websites.is_empty()
        || website_in_scope(ctx).is_some()
    {
        return vec![];
    }
    vec![Found::new(
        Pointer::root().key("scope").key("website"),
        ctx.t(
            "Het bestand zegt niet of de verklaring over een website gaat, en noemt geen cookies. De verklaring zegt daarom bij cookies dat zij er nog niets over zegt.",
            "The file does not say whether the statement covers a website, and lists no cookies. The statement therefore says it does not cover cookies yet.",
        ),
        Some(ctx.t(
            "Gaat de verklaring niet over een website, schrijf dan `scope: { website: false }`. Anders: noem de website in `scope.websites` en de cookies in `cookies`.",
            "If the statement does not cover a website, write `scope: { website: false }`. Otherwise name the website in `scope.websites` and the cookies in `cookies`.",
        )),
    )]
}

/// Why the statement covers a website: the pointer to underline and the reason for the
/// message (nl, en). A named website and website data found in the categories are combined.
fn website_in_scope(ctx: &Ctx) -> Option<(Pointer, String, String)> {
    static WEB_DATA: OnceLock<Regex> = OnceLock::new();
    static WEB_SUBJECT: OnceLock<Regex> = OnceLock::new();
    let scope = ctx.org.scope.clone().unwrap_or_default();
    let data = re(
        &WEB_DATA,
        r"\bip-?adres|\bsurfgedrag|\bklikgedrag|\bwebsitebezoek|\bwebstatistiek|\bbezoek(en)?\s+aan\s+(de|onze|uw)\s+website|\bgegevens\s+(die\s+)?(\w+\s+){0,3}op\s+de\s+website",
    );
    let web_data = ctx
        .org
        .data_categories
        .iter()
        .enumerate()
        .find(|(_, c)| data.is_match(&format!("{} {}", c.name, c.description.as_deref().unwrap_or(""))));
    let site = if let Some(site) = scope.websites.first() {
        Some((
            Pointer::root().key("scope").key("websites").index(0),
            format!("U noemt een website ('{site}')"),
            format!("You name a website ('{site}')"),
        ))
    } else if scope.website == Some(true) {
        Some((
            Pointer::root().key("scope").key("website"),
            "De verklaring geldt ook voor uw website".to_string(),
            "The statement also covers your website".to_string(),
        ))
    } else {
        None
    };
    match (site, web_data) {
        (Some((at, nl, en)), Some((_, c))) => Some((
            at,
            format!("{nl} en verwerkt '{}' van bezoekers", c.name),
            format!("{en} and process '{}' of visitors", c.name),
        )),
        (Some(site), None) => Some(site),
        (None, Some((i, c))) => Some((
            Pointer::root().key("data_categories").index(i),
            format!("U verzamelt via uw website '{}'", c.name),
            format!("You collect '{}' through your website", c.name),
        )),
        (None, None) => {
            let subject = re(
                &WEB_SUBJECT,
                r"\bbezoekers?\s+(van|aan)\s+(de|onze|uw)?\s*(website|site)|\bwebsitebezoekers?\b",
            );
            ctx.org
                .data_subjects
                .iter()
                .enumerate()
                .find(|(_, s)| subject.is_match(&s.name))
                .map(|(i, s)| {
                    (
                        Pointer::root().key("data_subjects").index(i),
                        format!("De verklaring gaat ook over '{}'", s.name),
                        format!("The statement also covers '{}'", s.name),
                    )
                })
        }
    }
}

fn vk606(ctx: &Ctx) -> Vec<Found> {
    static NO_COOKIES: OnceLock<Regex> = OnceLock::new();
    let mut out = Vec::new();
    let items = ctx.org.cookies.as_ref().map(|c| c.items.as_slice()).unwrap_or(&[]);
    if items.is_empty()
        && let Some((guard_at, why_nl, why_en)) = website_in_scope(ctx)
    {
        let says_none = ctx.org.cookies.as_ref().is_some_and(|c| {
            let no = re(
                &NO_COOKIES,
                r"\b(geen|nooit)\s+cookies\b|\bgeen\s+gebruik\s+van\s+cookies\b",
            );
            [&c.consent, &c.description]
                .into_iter()
                .flatten()
                .any(|t| no.is_match(t))
        });
        if !says_none {
            let at = if ctx.org.cookies.is_some() {
                cookies().key("items")
            } else {
                guard_at
            };
            // With nothing at all about cookies the statement's section is a placeholder (an
            // error); with a description or consent text but no cookies listed, it is
            // incomplete (a warning).
            let placeholder = ctx.org.cookies.as_ref().is_none_or(|c| c.says_nothing());
            let severity = if placeholder {
                crate::diagnostics::SeverityLevel::Error
            } else {
                crate::diagnostics::SeverityLevel::Warning
            };
            out.push(Found::new(
                at,
                ctx.t(
                    format!("{why_nl}, maar u vermeldt niet welke cookies u gebruikt, waarvoor, wie ze plaatst en hoe lang ze blijven staan."),
                    format!("{why_en}, but you do not say which cookies you use, what for, who places them and how long they last."),
                ),
                Some(ctx.t(
                    "Noem elke cookie in `cookies.items` met `name`, `provider`, `kind`, `purpose` en `retention`. Gebruikt u geen cookies, schrijf dat dan in `cookies.description`.",
                    "List each cookie in `cookies.items` with `name`, `provider`, `kind`, `purpose` and `retention`. If you use no cookies, say so in `cookies.description`.",
                )),
            ).with_severity(severity));
        }
    }
    for (i, item) in items.iter().enumerate() {
        // Tw art. 11.7a lid 3 sub a and b: lid 1 (information and consent) does not apply to a
        // cookie needed to transmit the communication or strictly necessary for the service the
        // visitor asked for.
        if item.kind == CookieKind::Functional {
            continue;
        }
        let mut missing_nl = Vec::new();
        let mut missing_en = Vec::new();
        if !filled(&item.purpose) {
            missing_nl.push("het doel".to_string());
            missing_en.push("the purpose".to_string());
        }
        if !filled(&item.provider) {
            missing_nl.push("wie de cookie plaatst".to_string());
            missing_en.push("who places the cookie".to_string());
        }
        if item.retention.is_none() {
            missing_nl.push("hoe lang de cookie blijft staan".to_string());
            missing_en.push("how long the cookie lasts".to_string());
        }
        if missing_nl.is_empty() {
            continue;
        }
        let list = ctx.t(ctx.lang.and_list(&missing_nl), ctx.lang.and_list(&missing_en));
        out.push(Found::new(
            cookies().key("items").index(i).key("name"),
            ctx.t(
                format!("Bij de cookie '{}' ontbreekt {list}.", item.name),
                format!("For the cookie '{}' the statement lacks {list}.", item.name),
            ),
            Some(ctx.t(
                "Vul `purpose` (waarvoor), `provider` (wie hem plaatst, bijvoorbeeld 'Google Analytics') en `retention` (bijvoorbeeld `P13M` voor 13 maanden) in.",
                "Fill in `purpose` (what for), `provider` (who places it, e.g. 'Google Analytics') and `retention` (e.g. `P13M` for 13 months).",
            )),
        ).with_severity(crate::diagnostics::SeverityLevel::Warning));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// VK607: marketing e-mail (Telecommunicatiewet art. 11.7)
// ---------------------------------------------------------------------------------------------

rule!(
    VK607, "VK607", "marketing-email-without-consent", Warning, "Tw art. 11.7 lid 1 en 3; AVG art. 21 lid 2",
    what: "Of nieuwsbrieven of andere wervende e-mail op een andere grond dan toestemming worden verstuurd, buiten de uitzondering voor bestaande klanten met een afmeldlink in elk bericht.",
    why: "Telecommunicatiewet art. 11.7 lid 1 verbiedt ongevraagde wervende e-mail aan natuurlijke personen zonder voorafgaande toestemming. Alleen bestaande klanten mag u mailen over eigen, vergelijkbare producten, als u bij het verzamelen en in elk bericht een afmeldmogelijkheid biedt (lid 3). Bezwaar tegen direct marketing is altijd mogelijk (AVG art. 21 lid 2).",
    bad: "purposes:\n  - id: nieuwsbrief\n    description: U onze nieuwsbrief per e-mail sturen\n    legal_basis: legitimate_interests\n    direct_marketing: true\n",
    good: "purposes:\n  - id: nieuwsbrief\n    description: U onze nieuwsbrief per e-mail sturen, als u zich daarvoor aanmeldt\n    legal_basis: consent\n    direct_marketing: true\n",
    check: vk607,
);

fn vk607(ctx: &Ctx) -> Vec<Found> {
    static ELECTRONIC: OnceLock<Regex> = OnceLock::new();
    static CUSTOMERS: OnceLock<Regex> = OnceLock::new();
    static OPT_OUT: OnceLock<Regex> = OnceLock::new();
    let electronic = re(
        &ELECTRONIC,
        r"\be-?mail|\bnieuwsbrie[fv]|\bnewsletter|\bmailing|\bsms\b|\bwhatsapp|\belektronisch",
    );
    let customers = re(
        &CUSTOMERS,
        r"\b(bestaande|huidige|eigen)\s+klant|\bklanten\s+die\s+(al\s+)?(eerder\s+)?(iets\s+)?(bij\s+ons\s+)?(kochten|hebben\s+gekocht)",
    );
    let opt_out = re(&OPT_OUT, r"\bafmeld|\bafmelden|\buitschrijv|\bopzeg|\bunsubscribe");
    let mut out = Vec::new();
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        if !p.direct_marketing {
            continue;
        }
        let Some(basis) = p.legal_basis else { continue };
        if basis == LegalBasis::Consent {
            continue;
        }
        let text = format!("{} {}", p.description, p.details.as_deref().unwrap_or(""));
        if !electronic.is_match(&text) {
            continue;
        }
        // Tw art. 11.7 lid 3: existing customers, own similar products, opt-out in every message.
        if customers.is_match(&text) && opt_out.is_match(&text) {
            continue;
        }
        out.push(Found::new(
            ctx.purpose(i).key("legal_basis"),
            ctx.t(
                format!(
                    "Voor '{}' gebruikt u {} als grond. Voor nieuwsbrieven en andere wervende e-mail is vooraf toestemming nodig (Telecommunicatiewet art. 11.7).",
                    p.description,
                    basis_nl(basis)
                ),
                format!(
                    "For '{}' you rely on {}. Newsletters and other marketing e-mail need prior consent (Telecommunicatiewet art. 11.7).",
                    p.description,
                    basis_en(basis)
                ),
            ),
            Some(ctx.t(
                "Vraag toestemming (`legal_basis: consent`, bijvoorbeeld met een aanmeldvakje dat niet vooraf is aangevinkt). Alleen bestaande klanten mag u zonder toestemming mailen over eigen, vergelijkbare producten, met een afmeldlink in elk bericht; schrijf dat dan in `details`.",
                "Ask for consent (`legal_basis: consent`, e.g. with an unticked sign-up box). Only existing customers may be e-mailed without consent about your own similar products, with an unsubscribe link in every message; say so in `details`.",
            )),
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// VK608–VK609: silence about automated decisions and profiling
// ---------------------------------------------------------------------------------------------

/// The first free text that speaks of `re`, with the span of the match.
fn mentioned<'a>(ctx: &Ctx<'a>, re: &Regex) -> Option<(&'a Pointer, Range<usize>)> {
    ctx.texts()
        .filter(|(p, _)| !p.as_str().starts_with("/lint/"))
        .find_map(|(p, text)| re.find(text).map(|m| (p, ctx.occurrence_span(p, text, m.range()))))
}

/// One "silence" finding: the file neither says `false` nor describes the practice at a purpose.
/// When the organisation's own prose speaks of it, the reader may learn it there: point at that
/// text, at Info, and ask for the explicit field so that the standard sentence appears.
/// `whether` completes "De verklaring zegt niet of u …"; `about` names the practice.
fn silence(
    ctx: &Ctx,
    key: &str,
    per_purpose: &str,
    mention: &Regex,
    whether: (&str, &str),
    about: (&str, &str),
) -> Found {
    let (whether_nl, whether_en) = whether;
    let (what_nl, what_en) = about;
    let help = ctx.t(
        format!("Doet u het niet, schrijf dan `{key}: false`; de verklaring zegt dat dan uitdrukkelijk. Doet u het wel, beschrijf het dan bij het doel in `{per_purpose}`."),
        format!("If you do not, write `{key}: false`; the statement then says so explicitly. If you do, describe it at the purpose in `{per_purpose}`."),
    );
    match mentioned(ctx, mention) {
        Some((at, span)) => Found::new(
            at.clone(),
            ctx.t(
                format!("Deze tekst spreekt over {what_nl}, maar `{key}` ontbreekt en geen doel beschrijft het (`{per_purpose}`). De standaardzinnen van de verklaring zeggen er daardoor niets over."),
                format!("This text speaks of {what_en}, but `{key}` is missing and no purpose describes it (`{per_purpose}`). The statement's standard sentences therefore say nothing about it."),
            ),
            Some(help),
        )
        .with_span(span)
        .with_severity(crate::diagnostics::SeverityLevel::Info),
        None => Found::new(
            Pointer::root().key(key),
            ctx.t(
                format!("De verklaring zegt niet of u {whether_nl}: `{key}` ontbreekt en geen doel beschrijft het (`{per_purpose}`)."),
                format!("The statement does not say whether you {whether_en}: `{key}` is missing and no purpose describes it (`{per_purpose}`)."),
            ),
            Some(help),
        ),
    }
}

rule!(
    VK608, "VK608", "automated-decisions-unstated", Error, "AVG art. 13 lid 2 sub f; art. 14 lid 2 sub g; art. 22",
    what: "Of de verklaring zegt of u besluiten neemt zonder menselijke tussenkomst: `automated_decisions: false`, of een `automated_decision` bij een doel. Zwijgt het bestand, dan zegt de verklaring er niets over. Ook: `automated_decisions: false` terwijl een doel zo'n besluit beschrijft, of `true` zonder dat een doel het beschrijft.",
    why: "Neemt u zulke besluiten, dan moet de verklaring dat 'in elk geval' melden, met de logica, het belang en de gevolgen (art. 13 lid 2 sub f; art. 14 lid 2 sub g). Zwijgt de verklaring, dan weet de lezer niet of er geen besluiten zijn of dat ze onvermeld blijven. verklaar schrijft 'wij nemen geen besluiten zonder menselijke tussenkomst' alleen als het bestand dat zegt (`automated_decisions: false`).",
    bad: "# geen `automated_decisions`, en geen doel met `automated_decision`\npurposes:\n  - { id: behandeling, description: Uw behandeling }\n",
    good: "automated_decisions: false\npurposes:\n  - { id: behandeling, description: Uw behandeling }\n",
    check: vk608,
);

/// The top-level flag (`automated_decisions`, `profiling`) against the purposes that describe
/// the practice: `false` with a purpose that does it, or `true` with none that describes it.
fn flag_mismatch(
    ctx: &Ctx,
    key: &str,
    per_purpose: &str,
    flag: Option<bool>,
    at_purpose: Option<usize>,
) -> Option<Found> {
    match (flag, at_purpose) {
        (Some(false), Some(i)) => Some(Found::new(
            Pointer::root().key(key),
            ctx.t(
                format!(
                    "U schrijft `{key}: false`, maar bij '{}' beschrijft u het wel (`{per_purpose}`). De verklaring spreekt zichzelf dan tegen.",
                    ctx.purpose_name(i)
                ),
                format!(
                    "You write `{key}: false`, but for '{}' you describe it (`{per_purpose}`). The statement then contradicts itself.",
                    ctx.purpose_name(i)
                ),
            ),
            Some(ctx.t(
                format!("Schrap `{key}: false`, of schrap `{per_purpose}` bij het doel als u het niet (meer) doet."),
                format!("Remove `{key}: false`, or remove `{per_purpose}` from the purpose if you no longer do it."),
            )),
        )),
        (Some(true), None) => Some(Found::new(
            Pointer::root().key(key),
            ctx.t(
                format!("U schrijft `{key}: true`, maar bij geen enkel doel staat wat u doet (`{per_purpose}`)."),
                format!("You write `{key}: true`, but no purpose says what you do (`{per_purpose}`)."),
            ),
            Some(ctx.t(
                format!("Beschrijf het bij het doel waarvoor u het doet, in `{per_purpose}`."),
                format!("Describe it at the purpose it serves, in `{per_purpose}`."),
            )),
        )),
        _ => None,
    }
}

fn vk608(ctx: &Ctx) -> Vec<Found> {
    static MENTION: OnceLock<Regex> = OnceLock::new();
    let at_purpose = ctx.org.purposes.iter().position(|p| p.automated_decision.is_some());
    let flag = ctx.org.automated_decisions;
    if flag.is_some() || at_purpose.is_some() {
        // `true` with no purpose that describes the decision leaves the statement's section a
        // placeholder (an error, like silence); `false` beside a purpose that describes one
        // shows the purpose's words and is a contradiction to resolve (a warning).
        return flag_mismatch(ctx, "automated_decisions", "automated_decision", flag, at_purpose)
            .map(|f| match flag {
                Some(false) => f.with_severity(crate::diagnostics::SeverityLevel::Warning),
                _ => f,
            })
            .into_iter()
            .collect();
    }
    let mention = re(
        &MENTION,
        r"(?i)\b(geautomatiseerde?|automatische?)\s+(individuele\s+)?(besluit|besluiten|besluitvorming|beslissing|beslissingen)\b|\bautomatisch\s+(beslu?i|beslis)|\bzonder\s+menselijke\s+tussenkomst\b|\bautomated\s+decision",
    );
    let mut found = silence(
        ctx,
        "automated_decisions",
        "automated_decision",
        mention,
        (
            "besluiten neemt zonder menselijke tussenkomst (geautomatiseerde besluiten)",
            "take decisions without human involvement (automated decisions)",
        ),
        ("geautomatiseerde besluiten", "automated decisions"),
    );
    // Whatever the prose says, the statement's section on automated decisions is a
    // placeholder until the file answers: an error either way.
    found.severity = None;
    vec![found]
}

rule!(
    VK609, "VK609", "profiling-unstated", Info, "AVG art. 13 lid 2 sub f; art. 14 lid 2 sub g; art. 4 sub 4; WP251",
    what: "Of de verklaring zegt of u profileert: `profiling: false`, of `profiling` bij een doel. Zwijgt het bestand, dan zegt de verklaring er niets over. Ook, als waarschuwing: `profiling: false` terwijl een doel profilering beschrijft, of `true` zonder dat een doel het beschrijft.",
    why: "Profilering moet u melden als zij tot een besluit zonder menselijke tussenkomst leidt (art. 13 lid 2 sub f; art. 22); andere profilering hoort bij het doel waarvoor u haar gebruikt, en de richtsnoeren (WP251) vragen haar duidelijk te noemen. Een expliciet 'nee' neemt twijfel weg; daarom is dit een aanwijzing en geen waarschuwing.",
    bad: "# geen `profiling`, en geen doel met `profiling`\npurposes:\n  - { id: behandeling, description: Uw behandeling }\n",
    good: "profiling: false\npurposes:\n  - { id: behandeling, description: Uw behandeling }\n",
    check: vk609,
);

fn vk609(ctx: &Ctx) -> Vec<Found> {
    static MENTION: OnceLock<Regex> = OnceLock::new();
    let at_purpose = ctx.org.purposes.iter().position(|p| p.profiling.is_some());
    let flag = ctx.org.profiling;
    if flag.is_some() || at_purpose.is_some() {
        // A contradiction is worse than silence: a warning, like VK608's.
        return flag_mismatch(ctx, "profiling", "profiling", flag, at_purpose)
            .map(|f| f.with_severity(crate::diagnostics::SeverityLevel::Warning))
            .into_iter()
            .collect();
    }
    let mention = re(&MENTION, r"(?i)\bprofilering\b|\bprofileren\b|\bprofiling\b");
    vec![silence(
        ctx,
        "profiling",
        "profiling",
        mention,
        (
            "profielen van mensen maakt (profilering)",
            "build profiles of people (profiling)",
        ),
        ("profilering", "profiling"),
    )]
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[VK601, VK602, VK603, VK604, VK605, VK606, VK607, VK608, VK609, VK610];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_consent_phrases() {
        assert!(implied_consent("Surft u verder op onze websites dan worden deze cookies geplaatst.").is_some());
        assert!(implied_consent("Door deze website te gebruiken gaat u akkoord.").is_some());
        assert!(
            implied_consent("Wanneer u onze website voor het eerst bezoekt, tonen wij een melding met uitleg.")
                .is_none()
        );
        assert!(implied_consent("Wij plaatsen deze cookies pas nadat u op 'Akkoord' hebt geklikt.").is_none());
    }

    #[test]
    fn safeguards_recognised() {
        let text = "U kunt altijd vragen om een beoordeling door een medewerker, uw standpunt geven en het besluit aanvechten.";
        assert!(safeguard_patterns().iter().all(|(_, _, re)| re.is_match(text)));
        let partial = "U kunt bezwaar maken.";
        assert_eq!(
            safeguard_patterns()
                .iter()
                .filter(|(_, _, re)| re.is_match(partial))
                .count(),
            1
        );
    }
}
