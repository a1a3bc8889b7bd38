//! VK4xx — retention (AVG art. 13 lid 2 sub a; art. 5 lid 1 sub e).

use std::sync::OnceLock;

use regex::Regex;

use super::text::generic_retention;
use crate::diagnostics::SeverityLevel;
use crate::legal::retention_norms::{Confidence, NormKind, RetentionNorm, norm_for};
use crate::lint::{Ctx, Found, Rule};
use crate::model::Retention;
use crate::model::time::Duration;
use crate::model::vocab::LegalBasis;
use crate::source::Pointer;

/// One retention statement with what it is about: the name used in messages, the texts a
/// norm is matched against, and the ids it is tied to (for VK408).
struct Item<'a> {
    at: Pointer,
    retention: &'a Retention,
    /// Display name: purpose description, category name or schedule `records`.
    name: String,
    /// Texts to match a norm against, most specific first.
    texts: Vec<String>,
    /// The data category this term is for, if any.
    category: Option<String>,
    /// The purpose this term is for, if any.
    purpose: Option<String>,
    /// The schedule `records` text, if this is a schedule entry.
    records: Option<String>,
    /// The term rests on consent (e.g. keeping an application for a later vacancy).
    consent: bool,
}

/// Every retention statement in the model (purposes, categories, schedule entries).
fn items<'a>(ctx: &'a Ctx) -> Vec<Item<'a>> {
    let org = ctx.org;
    let mut out = Vec::new();
    for (i, p) in org.purposes.iter().enumerate() {
        if let Some(r) = &p.retention {
            out.push(Item {
                at: ctx.purpose(i).key("retention"),
                retention: r,
                name: p.description.clone(),
                texts: vec![p.description.clone()],
                category: None,
                purpose: Some(p.id.clone()),
                records: None,
                consent: p.legal_basis == Some(LegalBasis::Consent),
            });
        }
    }
    for (i, c) in org.data_categories.iter().enumerate() {
        if let Some(r) = &c.retention {
            out.push(Item {
                at: Pointer::root().key("data_categories").index(i).key("retention"),
                retention: r,
                name: c.name.clone(),
                texts: vec![c.name.clone()],
                category: Some(c.id.clone()),
                purpose: None,
                records: None,
                consent: false,
            });
        }
    }
    if let Some(general) = &org.retention {
        for (i, e) in general.schedule.iter().enumerate() {
            let mut texts = vec![e.records.clone()];
            let category = e
                .data_category
                .as_ref()
                .and_then(|id| org.data_categories.iter().find(|c| &c.id == id));
            let purpose = e
                .purpose
                .as_ref()
                .and_then(|id| org.purposes.iter().find(|p| &p.id == id));
            texts.extend(category.map(|c| c.name.clone()));
            texts.extend(purpose.map(|p| p.description.clone()));
            out.push(Item {
                at: Pointer::root()
                    .key("retention")
                    .key("schedule")
                    .index(i)
                    .key("retention"),
                retention: &e.retention,
                name: e.records.clone(),
                texts,
                category: e.data_category.clone(),
                purpose: e.purpose.clone(),
                records: Some(e.records.clone()),
                consent: purpose.is_some_and(|p| p.legal_basis == Some(LegalBasis::Consent)),
            });
        }
    }
    for item in &mut out {
        item.texts.extend(item.retention.statute.clone());
        item.consent |= std::iter::once(&item.name)
            .chain(item.retention.criteria.as_ref())
            .any(|t| mentions_consent(t));
    }
    out
}

/// Every retention statement in the model with its pointer and a name for messages.
fn all_retention<'a>(ctx: &'a Ctx) -> Vec<(Pointer, &'a Retention, String)> {
    items(ctx).into_iter().map(|i| (i.at, i.retention, i.name)).collect()
}

fn cached(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    // The patterns are literals in this file, covered by the rule fixtures.
    cell.get_or_init(|| Regex::new(pattern).expect("literal regex"))
}

fn mentions_consent(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    cached(&RE, r"(?i)\btoestemming\b").is_match(text)
}

/// The text without what it excludes: "gegevens van medewerkers, anders dan
/// (financieel-)administratieve gegevens" is about employees, not about the financial records.
fn without_exclusions(text: &str) -> &str {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = cached(
        &RE,
        r"(?i)\b(anders\s+dan|behalve|met\s+uitzondering\s+van|uitgezonderd|exclusief|niet\s+zijnde)\b",
    );
    re.find(text).map_or(text, |m| &text[..m.start()])
}

/// The norm of docs/legal/rules-catalogue.md §2 this retention statement is about: the first of its texts that
/// matches one.
fn norm_of(item: &Item) -> Option<&'static RetentionNorm> {
    item.texts.iter().find_map(|t| norm_for(without_exclusions(t)))
}

/// A duration in words: "15 jaar", "4 weken", "1 jaar en 6 maanden".
fn words(ctx: &Ctx, d: &Duration) -> String {
    ctx.duration(d)
}

rule!(
    VK401, "VK401", "retention-missing", Error, "AVG art. 13 lid 2 sub a; art. 14 lid 2 sub a",
    what: "Of voor elk doel een bewaartermijn staat: bij het doel, bij de soorten gegevens die het gebruikt, of in het bewaarschema. Een doel dat volgens zijn eigen tekst alleen geanonimiseerde of geaggregeerde gegevens gebruikt, heeft geen termijn nodig.",
    why: "De bewaartermijn, of de criteria om die te bepalen, is een verplicht onderdeel (art. 13 lid 2 sub a).",
    bad: "  - id: fotos\n    description: Foto's en video's van activiteiten\n",
    good: "  - id: fotos\n    description: Foto's en video's van activiteiten\n    retention: { period: P2Y, start: na de activiteit }\n",
    check: vk401,
);

fn vk401(ctx: &Ctx) -> Vec<Found> {
    // Only "niet langer dan nodig" for the whole statement, and no period anywhere: that is one
    // defect, VK402's; repeating it per purpose adds noise.
    if only_generic_retention(ctx) {
        return vec![];
    }
    let schedule = ctx.org.retention.as_ref().map(|r| r.schedule.as_slice()).unwrap_or(&[]);
    ctx.org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.retention.is_none()
                && !anonymised(p)
                && !p.data_categories.iter().any(|id| {
                    ctx.org.data_categories.iter().any(|c| &c.id == id && c.retention.is_some())
                        || schedule.iter().any(|e| e.data_category.as_ref() == Some(id))
                })
                && !schedule.iter().any(|e| e.purpose.as_ref() == Some(&p.id))
        })
        .map(|(i, p)| {
            Found::new(
                ctx.purpose(i).key("retention"),
                ctx.t(
                    format!("Voor '{}' staat geen bewaartermijn.", p.description),
                    format!("No retention period is given for '{}'.", p.description),
                ),
                Some(ctx.t(
                    "Noem in `retention` een termijn (`period`, bijvoorbeeld `P2Y` voor 2 jaar) met `start`, of de criteria waarmee u die bepaalt.",
                    "Give a period in `retention` (`period`, e.g. `P2Y` for 2 years) with `start`, or the criteria you use to set it.",
                )),
            )
        })
        .collect()
}

/// The retention statement names the statute of its norm ("WGBO", "7:454", "AWR"), or a
/// `statute` is given for a statutory norm.
fn names_statute(item: &Item, norm: &RetentionNorm) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = cached(
        &RE,
        r"(?i)\bWGBO\b|\b7:454\b|\bAWR\b|\bAlgemene\s+wet\s+inzake\s+rijksbelastingen\b|\bJeugdwet\b|\b2:10\b",
    );
    norm.kind == NormKind::Min
        && (item.retention.statute.is_some()
            || item
                .texts
                .iter()
                .chain(item.retention.criteria.as_ref())
                .any(|t| re.is_match(t)))
}

/// The purpose processes only anonymised or aggregated data, by its own words: such data are
/// no personal data (AVG overweging 26), so no retention term is owed for them.
pub(crate) fn anonymised(p: &crate::model::Purpose) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = cached(
        &RE,
        r"(?i)\b(uitsluitend|alleen|enkel|volledig)\s+(geanonimiseerd|anoniem|geaggregeerd)e?\b|\b(geanonimiseerde|anonieme|geaggregeerde)\s+(gegevens|data|resultaten|cijfers|statistieken|aantallen)\b|\b(geaggregeerd|geanonimiseerd)\s+(en|of)\s+(geaggregeerd|geanonimiseerd)\b|\bniet[- ]herleidbare?\b|\bniet\s+(tot\s+(u|jou|je|personen|een\s+persoon)\s+)?te\s+herleiden\b",
    );
    std::iter::once(&p.description)
        .chain(p.details.as_ref())
        .any(|t| re.is_match(t))
}

/// The statement's general retention text is generic and no period is given anywhere (VK402).
fn only_generic_retention(ctx: &Ctx) -> bool {
    let Some(general) = &ctx.org.retention else {
        return false;
    };
    let any_period = all_retention(ctx).iter().any(|(_, r, _)| r.period.is_some());
    let generic = general.criteria.as_deref().is_some_and(generic_retention)
        || general.exceptions.as_deref().is_some_and(generic_retention);
    generic && !any_period
}

rule!(
    VK402, "VK402", "retention-only-generic", Error, "AVG art. 13 lid 2 sub a; art. 5 lid 1 sub e; WP260 annex",
    what: "Of de enige bewaartekst 'niet langer dan nodig', 'regelmatig', 'onbeperkt' of een open uitzondering voor archief en statistiek is.",
    why: "WP260 (annex): 'niet langer dan nodig' is geen bewaartermijn. De lezer moet kunnen bepalen hoe lang zijn gegevens blijven.",
    bad: "retention:\n  criteria: Persoonsgegevens worden niet langer bewaard dan noodzakelijk.\n",
    good: "    retention: { period: P2Y, start: na het einde van de begeleiding }\n",
    check: vk402,
);

fn vk402(ctx: &Ctx) -> Vec<Found> {
    let help = Some(ctx.t(
        "Noem een periode, bijvoorbeeld 2 jaar: `period: P2Y` met `start: na het einde van de begeleiding`.",
        "Give a period, for example 2 years: `period: P2Y` with `start: na het einde van de begeleiding`.",
    ));
    let mut out: Vec<Found> = all_retention(ctx)
        .into_iter()
        .filter(|(_, r, _)| r.period.is_none() && r.criteria.as_deref().is_none_or(generic_retention))
        .map(|(at, r, name)| {
            let text = r.criteria.clone().unwrap_or_default();
            Found::new(
                at,
                ctx.t(
                    format!("'{text}' is geen bewaartermijn voor '{name}'."),
                    format!("'{text}' is not a retention period for '{name}'."),
                ),
                help.clone(),
            )
        })
        .collect();
    if let Some(general) = &ctx.org.retention
        && only_generic_retention(ctx)
    {
        let at = Pointer::root().key("retention").key(if general.criteria.is_some() {
            "criteria"
        } else {
            "exceptions"
        });
        out.push(Found::new(
            at,
            ctx.t(
                "'Niet langer dan nodig' is geen bewaartermijn, en de verklaring noemt verder geen termijnen.",
                "'No longer than necessary' is not a retention period, and the statement names no other periods.",
            ),
            help,
        ));
    }
    out
}

rule!(
    VK403, "VK403", "retention-wgbo-outdated", Error, "BW art. 7:454 lid 3 (in werking sinds 1 januari 2020)",
    what: "Of een medisch dossier (WGBO) korter dan 20 jaar wordt bewaard, of de termijn telt 'vanaf het tijdstip waarop zij zijn vervaardigd'.",
    why: "Sinds 1 januari 2020 is de bewaartermijn voor medische dossiers 20 jaar, te rekenen vanaf de laatste wijziging in het dossier (art. 7:454 lid 3 BW). De oude regel (15 jaar vanaf het vervaardigen) staat nog in veel verklaringen.",
    bad: "  schedule:\n    - records: Medisch dossier (WGBO)\n      retention: { period: P15Y, start: vanaf het tijdstip waarop zij zijn vervaardigd }\n",
    good: "  schedule:\n    - records: Medisch dossier (WGBO)\n      retention: { period: P20Y, start: na de laatste wijziging in het dossier, statute: art. 7:454 lid 3 BW }\n",
    check: vk403,
);

/// A start event that counts from the creation of the record (the WGBO before 2020).
fn counts_from_creation(start: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    cached(&RE, r"(?i)vervaardig|\b(aanmaken|aanmaak|ontstaan|opstellen)\b").is_match(start)
}

fn vk403(ctx: &Ctx) -> Vec<Found> {
    let mut found = wgbo_outdated(ctx);
    // "15 jaar" in the statement's sentences about the same record is the same outdated term
    // (VK806 stays silent then): the places of this finding, not findings of their own.
    if let Some(first) = found.first_mut() {
        for hit in ctx.term_hits().iter().filter(|h| h.term.spec.rule == "VK806") {
            let Some(text) = ctx
                .map
                .strings()
                .iter()
                .find(|(p, _)| p == &hit.at)
                .map(|(_, s)| s.as_str())
            else {
                continue;
            };
            let span = ctx.occurrence_span(&hit.at, text, hit.range.clone());
            let said = &text[hit.range.clone()];
            first.related.push(crate::lint::Related {
                at: hit.at.clone(),
                span: Some(span),
                label: ctx.t(format!("ook '{said}'"), format!("also '{said}'")),
            });
        }
    }
    found
}

/// Whether VK403 reports a medical-record term: then VK806's text findings are its places.
pub(super) fn wgbo_term_outdated(ctx: &Ctx) -> bool {
    !wgbo_outdated(ctx).is_empty()
}

fn wgbo_outdated(ctx: &Ctx) -> Vec<Found> {
    items(ctx)
        .into_iter()
        .filter(|item| norm_of(item).is_some_and(|n| n.key == "wgbo-medical-record"))
        .filter_map(|item| {
            let r = item.retention;
            let norm_days = Duration { years: 20, ..Duration::default() }.approx_days();
            let short = r.period.filter(|p| p.approx_days() < norm_days - 1.0);
            let creation = r.start.as_deref().filter(|s| counts_from_creation(s));
            let at = match (short, creation) {
                (None, None) => return None,
                (Some(_), _) => item.at.key("period"),
                (None, Some(_)) => item.at.key("start"),
            };
            let said_nl = match (short, creation) {
                (Some(p), Some(s)) => format!("{} {s}", words(ctx, &p)),
                (Some(p), None) => words(ctx, &p),
                (None, Some(s)) => format!("een termijn {s}"),
                (None, None) => String::new(),
            };
            let said_en = match (short, creation) {
                (Some(p), Some(s)) => format!("{} '{s}'", words(ctx, &p)),
                (Some(p), None) => words(ctx, &p),
                (None, Some(s)) => format!("a period counted '{s}'"),
                (None, None) => String::new(),
            };
            Some(Found::new(
                at,
                ctx.t(
                    format!(
                        "Voor '{}' noemt u {said_nl}. Sinds 2020 is de bewaartermijn voor medische dossiers 20 jaar, te rekenen vanaf de laatste wijziging in het dossier (art. 7:454 lid 3 BW).",
                        item.name
                    ),
                    format!(
                        "For '{}' you give {said_en}. Since 2020 medical records must be kept for 20 years from the last change to the record (Dutch Civil Code art. 7:454(3)).",
                        item.name
                    ),
                ),
                Some(ctx.t(
                    "Schrijf 20 jaar, `period: P20Y`, met `start: na de laatste wijziging in het dossier` en `statute: art. 7:454 lid 3 BW`, of langer als dat voor goede zorg nodig is.",
                    "Write 20 years, `period: P20Y`, with `start: na de laatste wijziging in het dossier` and `statute: art. 7:454 lid 3 BW`, or longer if good care requires it.",
                )),
            ))
        })
        .collect()
}

rule!(
    VK404, "VK404", "retention-below-statutory-minimum", Error, "Wettelijke bewaartermijnen: AWR art. 52 lid 4; BW art. 2:10 lid 3; Jeugdwet art. 7.3.8; Wet op de loonbelasting 1964 art. 28; Ziektewet",
    what: "Of gegevens waarvoor een wet een minimale bewaartermijn voorschrijft (fiscale administratie, salarisadministratie, jeugdhulpdossier, kopie identiteitsbewijs van werknemers) korter worden bewaard.",
    why: "Een wettelijke bewaarplicht gaat voor: wie fiscale gegevens na 5 jaar vernietigt, overtreedt art. 52 lid 4 AWR (7 jaar), en de verklaring geeft de lezer een onjuiste termijn. Termijnen waarvan de bron nog niet door een jurist is bevestigd, meldt verklaar als waarschuwing.",
    bad: "  schedule:\n    - records: Fiscale gegevens\n      retention: { period: P5Y, start: na het einde van het boekjaar }\n",
    good: "  schedule:\n    - records: Fiscale gegevens\n      retention: { period: P7Y, start: na het einde van het boekjaar, statute: art. 52 lid 4 AWR }\n",
    check: vk404,
);

fn vk404(ctx: &Ctx) -> Vec<Found> {
    items(ctx)
        .into_iter()
        .filter_map(|item| {
            // Medical records have their own rule with the history of the term (VK403).
            let norm = norm_of(&item).filter(|n| n.kind == NormKind::Min && n.key != "wgbo-medical-record")?;
            let period = item.retention.period?;
            if period.approx_days() >= norm.term().approx_days() - 1.0 {
                return None;
            }
            let term = words(ctx, &norm.term());
            let found = Found::new(
                item.at.key("period"),
                ctx.t(
                    format!(
                        "Voor '{}' noemt u {}. Voor '{}' is de wettelijke bewaartermijn {term} {} ({}).",
                        item.name,
                        words(ctx, &period),
                        norm.records,
                        norm.start,
                        norm.source
                    ),
                    format!(
                        "For '{}' you give {}. The statutory retention period for '{}' is {term}, counted '{}' ({}).",
                        item.name,
                        words(ctx, &period),
                        norm.records,
                        norm.start,
                        norm.source
                    ),
                ),
                Some(ctx.t(
                    format!(
                        "Bewaar deze gegevens ten minste {term} en schrijf dat in `period` (`{}`), met `start: {}` en de wet in `statute`.",
                        norm.term(),
                        norm.start
                    ),
                    format!(
                        "Keep these records for at least {term} and write so in `period` (`{}`), with `start: {}` and the act in `statute`.",
                        norm.term(),
                        norm.start
                    ),
                )),
            );
            Some(match norm.confidence {
                Confidence::High => found,
                Confidence::Medium => found.with_severity(SeverityLevel::Warning),
            })
        })
        .collect()
}

rule!(
    VK405, "VK405", "retention-likely-excessive", Warning, "AVG art. 5 lid 1 sub e; richtsnoeren van de AP",
    what: "Of gegevens langer worden bewaard dan de AP aanraadt: sollicitatiegegevens (4 weken, 1 jaar met toestemming), camerabeelden (4 weken), verzuim- en re-integratiegegevens en personeelsdossiers (2 jaar na uitdiensttreding).",
    why: "Gegevens mogen niet langer worden bewaard dan nodig voor het doel (art. 5 lid 1 sub e). Voor deze soorten gegevens heeft de AP aangegeven wat zij redelijk vindt; een langere termijn moet u kunnen uitleggen.",
    bad: "  schedule:\n    - records: Gegevens van sollicitanten\n      retention: { period: P1Y, start: na afloop van de sollicitatieprocedure }\n",
    good: "  schedule:\n    - records: Gegevens van sollicitanten\n      retention: { period: P4W, start: na afloop van de sollicitatieprocedure }\n",
    check: vk405,
);

/// Applicants may agree to a longer term for a later vacancy (AP; NVP Sollicitatiecode).
const APPLICANTS_WITH_CONSENT: Duration = Duration {
    years: 1,
    months: 0,
    weeks: 0,
    days: 0,
    hours: 0,
    minutes: 0,
    seconds: 0,
};

fn vk405(ctx: &Ctx) -> Vec<Found> {
    items(ctx)
        .into_iter()
        .filter_map(|item| {
            let norm = norm_of(&item).filter(|n| n.kind == NormKind::Max)?;
            let period = item.retention.period?;
            let with_consent = norm.key == "job-applicants" && item.consent;
            let limit = if with_consent { APPLICANTS_WITH_CONSENT } else { norm.term() };
            // A month against "4 weken" is not worth a finding: allow a tenth.
            if period.approx_days() <= limit.approx_days() * 1.1 {
                return None;
            }
            let (limit_nl, limit_en) = if with_consent {
                (
                    format!("{} met toestemming", words(ctx, &limit)),
                    format!("{} with consent", words(ctx, &limit)),
                )
            } else {
                (words(ctx, &limit), words(ctx, &limit))
            };
            Some(Found::new(
                item.at.key("period"),
                ctx.t(
                    format!(
                        "Voor '{}' noemt u {}. Voor '{}' geldt volgens de AP een termijn van hooguit {limit_nl} {} ({}).",
                        item.name,
                        words(ctx, &period),
                        norm.records,
                        norm.start,
                        norm.source
                    ),
                    format!(
                        "For '{}' you give {}. For '{}' the Dutch DPA considers at most {limit_en}, counted '{}' ({}).",
                        item.name,
                        words(ctx, &period),
                        norm.records,
                        norm.start,
                        norm.source
                    ),
                ),
                Some(if norm.key == "job-applicants" && !with_consent {
                    ctx.t(
                        format!(
                            "Verkort de termijn tot {limit_nl} (`{limit}`). Wilt u een sollicitatie langer bewaren voor een volgende vacature, vraag dan toestemming en bewaar hooguit 1 jaar (een apart doel met `legal_basis: consent`)."
                        ),
                        format!(
                            "Shorten the period to {limit_en} (`{limit}`). To keep an application for a later vacancy, ask for consent and keep it at most 1 year (a separate purpose with `legal_basis: consent`)."
                        ),
                    )
                } else {
                    ctx.t(
                        format!(
                            "Verkort de termijn tot {limit_nl} (`{limit}`), of leg in `criteria` uit waarom u de gegevens langer nodig heeft."
                        ),
                        format!(
                            "Shorten the period to {limit_en} (`{limit}`), or explain in `criteria` why you need the data longer."
                        ),
                    )
                }),
            ))
        })
        .collect()
}

rule!(
    VK406, "VK406", "retention-start-missing", Info, "AVG art. 13 lid 2 sub a",
    what: "Of bij een bewaartermijn staat vanaf wanneer die telt.",
    why: "'Twintig jaar' zegt weinig zonder beginpunt: na de laatste behandeling, na de laatste wijziging, na het einde van het jaar?",
    bad: "    retention: { period: P20Y }\n",
    good: "    retention: { period: P20Y, start: na de laatste wijziging in het dossier }\n",
    check: vk406,
);

fn vk406(ctx: &Ctx) -> Vec<Found> {
    items(ctx)
        .into_iter()
        .filter(|item| item.retention.period.is_some() && item.retention.start.is_none())
        // A term that names its statute (BW art. 7:454 lid 3, AWR art. 52) starts where that
        // statute says: the reader can determine it.
        .filter(|item| !norm_of(item).is_some_and(|norm| names_statute(item, norm)))
        .map(|item| {
            let period = item.retention.period.map(|p| words(ctx, &p)).unwrap_or_default();
            let name = &item.name;
            // The start event the law or guidance uses for this kind of record (a tax record
            // counts from the end of the financial year, not from a change in a medical file);
            // for records no norm covers, an event that fits any file.
            let help = match norm_of(&item) {
                Some(norm) => ctx.t(
                    format!("Vul `start` in. Voor {} is dat gewoonlijk '{}' ({}).", norm.records, norm.start, norm.source),
                    format!("Fill in `start`. For {} that is usually '{}' ({}).", norm.records, norm.start, norm.source),
                ),
                None => ctx.t(
                    "Vul `start` in: de gebeurtenis waarna de termijn telt, bijvoorbeeld 'na het einde van de begeleiding' of 'na uw laatste contact met ons'.",
                    "Fill in `start`: the event after which the period counts, e.g. 'na het einde van de begeleiding' (after the end of the support) or 'na uw laatste contact met ons' (after your last contact with us).",
                ),
            };
            Found::new(
                item.at.key("period"),
                ctx.t(
                    format!("Vanaf wanneer telt de termijn {period} voor '{name}'?"),
                    format!("From when does the period {period} for '{name}' count?"),
                ),
                Some(help),
            )
        })
        .collect()
}

rule!(
    VK407, "VK407", "retention-grace-period", Warning, "AVG art. 5 lid 1 sub e",
    what: "Of gegevens pas lang na het einde van de bewaartermijn worden verwijderd.",
    why: "Na de bewaartermijn mag u gegevens niet langer bewaren dan nodig (art. 5 lid 1 sub e); een extra jaar is geen opruimtermijn maar een langere bewaartermijn.",
    bad: "    retention: { period: P15Y, deletion_within: P1Y }\n",
    good: "    retention: { period: P20Y, start: na de laatste wijziging, deletion_within: P1M }\n",
    check: vk407,
);

fn vk407(ctx: &Ctx) -> Vec<Found> {
    all_retention(ctx)
        .into_iter()
        .filter_map(|(at, r, name)| {
            r.deletion_within
                .filter(|d| d.approx_days() > 31.0)
                .map(|d| (at, d, name))
        })
        .map(|(at, d, name)| {
            let d = words(ctx, &d);
            Found::new(
                at.key("deletion_within"),
                ctx.t(
                    format!("Voor '{name}' worden gegevens pas binnen {d} na afloop van de bewaartermijn verwijderd."),
                    format!("For '{name}' data are deleted only within {d} after the retention period ends."),
                ),
                Some(ctx.t(
                    "Verwijder gegevens zo snel mogelijk na afloop van de termijn, binnen enkele weken.",
                    "Delete data as soon as possible after the period ends, within a few weeks.",
                )),
            )
            // One deletion sentence written for several rows is one defect.
            .group(d.clone())
            .label(name)
        })
        .collect()
}

rule!(
    VK408, "VK408", "retention-conflict", Error, "AVG art. 13 lid 2 sub a; art. 12 lid 1",
    what: "Of voor dezelfde soort gegevens, hetzelfde doel of dezelfde dossiers twee verschillende bewaartermijnen staan.",
    why: "De lezer moet weten hoe lang zijn gegevens blijven (art. 13 lid 2 sub a), in duidelijke taal (art. 12 lid 1). Twee termijnen voor hetzelfde laten hem raden welke geldt.",
    bad: "data_categories:\n  - id: gezondheid\n    name: gezondheidsgegevens\n    retention: { period: P15Y, start: na de laatste behandeling }\nretention:\n  schedule:\n    - records: Medisch dossier\n      data_category: gezondheid\n      retention: { period: P20Y, start: na de laatste wijziging in het dossier }\n",
    good: "retention:\n  schedule:\n    - records: Medisch dossier\n      data_category: gezondheid\n      retention: { period: P20Y, start: na de laatste wijziging in het dossier }\n",
    check: vk408,
);

/// What two retention statements must share to be about the same thing.
#[derive(PartialEq)]
enum Subject {
    Category(String),
    Purpose(String),
    Records(String),
}

fn subjects(item: &Item) -> Vec<Subject> {
    let normal = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    item.category
        .iter()
        .map(|c| Subject::Category(c.clone()))
        .chain(item.purpose.iter().map(|p| Subject::Purpose(p.clone())))
        .chain(item.records.iter().map(|r| Subject::Records(normal(r))))
        .collect()
}

fn vk408(ctx: &Ctx) -> Vec<Found> {
    let all: Vec<(Item, Duration)> = items(ctx)
        .into_iter()
        .filter_map(|i| i.retention.period.map(|p| (i, p)))
        .collect();
    let mut out = Vec::new();
    for (later, (item, period)) in all.iter().enumerate() {
        let mine = subjects(item);
        // Report each statement once, against the first earlier one it contradicts.
        let earlier = all[..later].iter().find(|(other, other_period)| {
            (other_period.approx_days() - period.approx_days()).abs() > 1.0
                && subjects(other).iter().any(|s| mine.contains(s))
        });
        let Some((other, other_period)) = earlier else { continue };
        let what = match subjects(other).into_iter().find(|s| mine.contains(s)) {
            Some(Subject::Category(id)) => ctx
                .org
                .data_categories
                .iter()
                .find(|c| c.id == id)
                .map_or(id, |c| c.name.clone()),
            Some(Subject::Purpose(id)) => ctx
                .org
                .purposes
                .iter()
                .find(|p| p.id == id)
                .map_or(id, |p| p.description.clone()),
            Some(Subject::Records(_)) | None => item.name.clone(),
        };
        let (a, b) = (words(ctx, other_period), words(ctx, period));
        let line = |at: &Pointer| ctx.file.line_col(ctx.map.span_for(&at.key("period")).start).0;
        let (a_at, b_at) = (line(&other.at), line(&item.at));
        out.push(Found::new(
            item.at.key("period"),
            ctx.t(
                format!("Voor '{what}' staan twee termijnen: {a} (regel {a_at}) en {b} (regel {b_at})."),
                format!("'{what}' has two retention periods: {a} (line {a_at}) and {b} (line {b_at})."),
            ),
            Some(ctx.t(
                "Kies één termijn en schrap de andere. Gelden er echt twee termijnen, bijvoorbeeld na een incident, beschrijf dan elk als aparte soort gegevens met een eigen naam.",
                "Choose one period and remove the other. If two periods really apply, for instance after an incident, describe each as a separate kind of data with its own name.",
            )),
        ));
    }
    out
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[VK401, VK402, VK403, VK404, VK405, VK406, VK407, VK408];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusions_are_not_the_subject() {
        let lignum = "gegevens van medewerkers en zzp'ers, anders dan (financieel-)administratieve gegevens";
        assert_eq!(
            norm_for(without_exclusions(lignum)).map(|n| n.key),
            Some("personnel-file")
        );
        assert_eq!(without_exclusions("Fiscale gegevens"), "Fiscale gegevens");
    }

    #[test]
    fn creation_as_start() {
        assert!(counts_from_creation("vanaf het tijdstip waarop zij zijn vervaardigd"));
        assert!(!counts_from_creation("na de laatste wijziging in het dossier"));
        assert!(!counts_from_creation("na het einde van de behandelovereenkomst"));
    }
}
