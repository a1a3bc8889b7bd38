//! VK4xx — retention (AVG art. 13 lid 2 sub a; art. 5 lid 1 sub e).

use super::text::generic_retention;
use crate::lint::{Ctx, Found, Rule};
use crate::model::Retention;
use crate::source::Pointer;

/// Every retention statement in the model with its pointer and a name for messages.
fn all_retention<'a>(ctx: &'a Ctx) -> Vec<(Pointer, &'a Retention, String)> {
    let mut out = Vec::new();
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        if let Some(r) = &p.retention {
            out.push((ctx.purpose(i).key("retention"), r, p.description.clone()));
        }
    }
    for (i, c) in ctx.org.data_categories.iter().enumerate() {
        if let Some(r) = &c.retention {
            out.push((
                Pointer::root().key("data_categories").index(i).key("retention"),
                r,
                c.name.clone(),
            ));
        }
    }
    if let Some(general) = &ctx.org.retention {
        for (i, e) in general.schedule.iter().enumerate() {
            out.push((
                Pointer::root()
                    .key("retention")
                    .key("schedule")
                    .index(i)
                    .key("retention"),
                &e.retention,
                e.records.clone(),
            ));
        }
    }
    out
}

rule!(
    VK401, "VK401", "retention-missing", Error, "AVG art. 13 lid 2 sub a; art. 14 lid 2 sub a",
    what: "Of voor elk doel een bewaartermijn staat: bij het doel, bij de soorten gegevens die het gebruikt, of in het bewaarschema.",
    why: "De bewaartermijn, of de criteria om die te bepalen, is een verplicht onderdeel (art. 13 lid 2 sub a).",
    bad: "  - id: fotos\n    description: Foto's en video's van activiteiten\n",
    good: "  - id: fotos\n    description: Foto's en video's van activiteiten\n    retention: { period: P2Y, start: na de activiteit }\n",
    check: vk401,
);

fn vk401(ctx: &Ctx) -> Vec<Found> {
    let schedule = ctx.org.retention.as_ref().map(|r| r.schedule.as_slice()).unwrap_or(&[]);
    ctx.org
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.retention.is_none()
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
                    "Noem in `retention` een termijn (`period`, bijvoorbeeld P2Y) met `start`, of de criteria waarmee u die bepaalt.",
                    "Give a period in `retention` (`period`, e.g. P2Y) with `start`, or the criteria you use to set it.",
                )),
            )
        })
        .collect()
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
        "Noem een periode, bijvoorbeeld `period: P2Y` met `start: na het einde van de begeleiding`.",
        "Give a period, for example `period: P2Y` with `start: na het einde van de begeleiding`.",
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
    if let Some(general) = &ctx.org.retention {
        let any_period = all_retention(ctx).iter().any(|(_, r, _)| r.period.is_some());
        let generic = general.criteria.as_deref().is_some_and(generic_retention)
            || general.exceptions.as_deref().is_some_and(generic_retention);
        if generic && !any_period {
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
    }
    out
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
    all_retention(ctx)
        .into_iter()
        .filter(|(_, r, _)| r.period.is_some() && r.start.is_none())
        .map(|(at, r, name)| {
            let period = r.period.map(|p| p.to_string()).unwrap_or_default();
            Found::new(
                at.key("period"),
                ctx.t(
                    format!("Vanaf wanneer telt de termijn {period} voor '{name}'?"),
                    format!("From when does the period {period} for '{name}' count?"),
                ),
                Some(ctx.t(
                    "Vul `start` in, bijvoorbeeld 'na de laatste wijziging in het dossier'.",
                    "Fill in `start`, e.g. 'na de laatste wijziging in het dossier'.",
                )),
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
        })
        .collect()
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[VK401, VK402, VK406, VK407];
