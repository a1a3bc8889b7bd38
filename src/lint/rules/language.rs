//! VK8xx — language and style, and the other rules driven by the obsolete-terms table
//! (VK109 implied consent, VK309 "buiten de EU"): they run on every free-text value.

use std::ops::Range;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use crate::diagnostics::SeverityLevel;
use crate::document::readability;
use crate::legal::b1;
use crate::lint::context::TermHit;
use crate::lint::{Ctx, Found, Rule};
use crate::model::vocab::AddressForm;
use crate::source::Pointer;

fn texts<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = (&'a Pointer, &'a str)> + 'a {
    ctx.texts()
}

/// The source span of `range` within the value at `pointer`.
fn span_of(ctx: &Ctx, pointer: &Pointer, text: &str, range: &Range<usize>) -> Range<usize> {
    ctx.occurrence_span(pointer, text, range.clone())
}

/// Findings of one code from the obsolete-terms table (docs/legal/rules-catalogue.md §3).
fn term_findings(ctx: &Ctx, code: &str) -> Vec<Found> {
    let mut out = Vec::new();
    // "Gemeentelijke Basisadministratie (GBA)" is one mention, not two.
    let mut last: Option<(&Pointer, &str, usize)> = None;
    for hit in ctx.term_hits().iter().filter(|h| h.term.spec.rule == code) {
        let TermHit { at, range, term } = hit;
        let same_mention = last.is_some_and(|(p, id, end)| p == at && id == term.spec.id && range.start <= end + 16);
        last = Some((at, &term.spec.id, range.end));
        if same_mention {
            continue;
        }
        let Some(text) = ctx.map.strings().iter().find(|(p, _)| p == at).map(|(_, s)| s.as_str()) else {
            continue;
        };
        let matched = &text[range.clone()];
        out.push(
            Found::new(
                at.clone(),
                match &term.spec.article {
                    // The provision differs per term (VK804): the finding names it.
                    Some(article) if code == "VK804" => ctx.t(
                        format!("'{matched}': {} ({article}).", term.spec.why.trim_end_matches('.')),
                        format!(
                            "'{matched}' is outdated; write '{}' instead ({article}).",
                            term.spec.replacement
                        ),
                    ),
                    _ => ctx.t(
                        format!("'{matched}': {}", term.spec.why),
                        format!(
                            "'{matched}' is outdated or incorrect; write '{}' instead.",
                            term.spec.replacement
                        ),
                    ),
                },
                Some(ctx.t(
                    format!("Schrijf: {}.", term.spec.replacement),
                    format!("Write: {}.", term.spec.replacement),
                )),
            )
            .with_span(span_of(ctx, at, text, range))
            // One outdated term is one defect however often the text uses it: one finding,
            // with every other use as a related place (one search-and-replace fixes them all).
            .group(format!("term:{}", term.spec.cause.as_deref().unwrap_or(&term.spec.id)))
            .label(ctx.t(format!("ook '{matched}'"), format!("also '{matched}'"))),
        );
    }
    out
}

rule!(
    VK109, "VK109", "consent-implied", Error, "AVG art. 4 sub 11; art. 7 lid 1; overweging 32; Tw art. 11.7a",
    what: "Of toestemming wordt afgeleid uit stilzwijgen, verder surfen of het gebruik van een dienst.",
    why: "Toestemming vraagt een actieve handeling (art. 4 sub 11; overweging 32). Verder surfen of 'door gebruik te maken van' is geen toestemming, ook niet voor cookies (Tw art. 11.7a).",
    bad: "  - id: nieuwsbrief\n    description: Nieuwsbrief\n    details: Door gebruik te maken van onze website gaat u akkoord met de nieuwsbrief.\n",
    good: "  - id: nieuwsbrief\n    description: Nieuwsbrief\n    details: U krijgt de nieuwsbrief alleen als u zich daarvoor aanmeldt.\n",
    check: vk109,
);

fn vk109(ctx: &Ctx) -> Vec<Found> {
    // Implied consent for cookies that need consent is VK605's finding, with the cookies named;
    // one defect, one finding.
    let vk605_covers = ctx
        .org
        .cookies
        .as_ref()
        .is_some_and(|c| c.items.is_empty() || c.items.iter().any(|i| !i.kind.exempt_from_consent()));
    let cookie_texts = [
        Pointer::root().key("cookies").key("consent"),
        Pointer::root().key("cookies").key("description"),
    ];
    term_findings(ctx, "VK109")
        .into_iter()
        .filter(|f| !(vk605_covers && cookie_texts.contains(&f.at)))
        .collect()
}

rule!(
    VK309, "VK309", "transfer-scope-eu-not-eea", Info, "AVG art. 44; EER-Overeenkomst (AVG sinds 20 juli 2018 in de EER)",
    what: "Of de tekst 'buiten de Europese Unie' schrijft waar 'buiten de Europese Economische Ruimte (EER)' bedoeld is.",
    why: "De AVG geldt in de hele EER; doorgifte naar Noorwegen, IJsland en Liechtenstein is geen doorgifte naar een derde land.",
    bad: "transfers:\n  - { possible: true, description: Soms verwerken wij gegevens buiten de Europese Unie. }\n",
    good: "transfers:\n  - { possible: true, description: Soms verwerken wij gegevens buiten de Europese Economische Ruimte (EER). }\n",
    check: vk309,
);

fn vk309(ctx: &Ctx) -> Vec<Found> {
    term_findings(ctx, "VK309")
}

rule!(
    VK801, "VK801", "repealed-law-cited", Error, "UAVG art. 51 (intrekking Wbp); AVG art. 94",
    what: "Of de tekst een ingetrokken of hernoemde wet noemt (Wbp, Richtlijn 95/46/EG, Wet GBA, Wbsn-z, AWBZ, 'Wet meldplicht datalekken'), of artikelnummers die alleen onder de Wbp kloppen.",
    why: "De Wbp is op 25 mei 2018 vervallen (UAVG art. 51); sindsdien gelden de AVG en de UAVG. Verwijzingen naar oude wetten misleiden de lezer over zijn rechten.",
    bad: "custom_sections:\n  - { title: Wetgeving, after: identity, body: Wij houden ons aan de Wet bescherming persoonsgegevens. }\n",
    good: "custom_sections:\n  - { title: Wetgeving, after: identity, body: Wij houden ons aan de AVG en de Uitvoeringswet AVG. }\n",
    check: vk801,
);

fn vk801(ctx: &Ctx) -> Vec<Found> {
    term_findings(ctx, "VK801")
}

rule!(
    VK802, "VK802", "former-authority-name", Error, "AVG art. 51; UAVG art. 6",
    what: "Of de tekst het College bescherming persoonsgegevens (CBP) of cbpweb.nl noemt.",
    why: "Het CBP heet sinds 1 januari 2016 Autoriteit Persoonsgegevens; wie de oude naam of website volgt, vindt de toezichthouder niet.",
    bad: "  authority_text: U kunt een klacht indienen bij het CBP (www.cbpweb.nl).\n",
    good: "  authority: autoriteit_persoonsgegevens\n",
    check: vk802,
);

fn vk802(ctx: &Ctx) -> Vec<Found> {
    term_findings(ctx, "VK802")
}

rule!(
    VK803, "VK803", "abolished-notification-duty", Error, "AVG overweging 89; voormalig Wbp art. 27–31",
    what: "Of de tekst zegt dat verwerkingen bij de AP (of het CBP) worden aangemeld, of een 'voorafgaand onderzoek' of CBP-meldingsnummer noemt. Meldingen van datalekken tellen niet mee.",
    why: "De meldplicht voor verwerkingen is met de AVG afgeschaft (overweging 89). U houdt nu zelf een verwerkingsregister bij (art. 30) en doet waar nodig een DPIA (art. 35).",
    bad: "  body: Deze verwerking is aangemeld bij de Autoriteit Persoonsgegevens.\n",
    good: "  body: Wij houden een register bij van al onze verwerkingen (AVG art. 30).\n",
    check: vk803,
);

fn vk803(ctx: &Ctx) -> Vec<Found> {
    term_findings(ctx, "VK803")
}

rule!(
    VK804, "VK804", "outdated-term", Warning, "AVG art. 12 lid 1; per term de bepaling in de melding",
    what: "Of de tekst verouderde begrippen gebruikt: GBA, 'erfelijke gegevens', de Artikel 29-werkgroep als bestaande instantie.",
    why: "De GBA heet sinds 2014 Basisregistratie Personen (BRP); de AVG spreekt van genetische gegevens; de Artikel 29-werkgroep is opgevolgd door het EDPB.",
    bad: "  body: Wij vragen gegevens op bij de Gemeentelijke Basisadministratie (GBA).\n",
    good: "  body: Wij vragen gegevens op bij de Basisregistratie Personen (BRP).\n",
    check: vk804,
);

fn vk804(ctx: &Ctx) -> Vec<Found> {
    term_findings(ctx, "VK804")
}

rule!(
    VK805, "VK805", "outdated-security-term", Info, "AVG art. 32",
    what: "Of de tekst 'SSL' of 'Secure Sockets Layer' noemt.",
    why: "SSL is verouderd en onveilig (RFC 7568, 2015); beveiligde verbindingen gebruiken TLS.",
    bad: "security:\n  measures: [Wij gebruiken een SSL-verbinding.]\n",
    good: "security:\n  measures: [Wij gebruiken een beveiligde verbinding (TLS, herkenbaar aan https).]\n",
    check: vk805,
);

fn vk805(ctx: &Ctx) -> Vec<Found> {
    term_findings(ctx, "VK805")
}

rule!(
    VK806, "VK806", "outdated-medical-retention-text", Error, "BW art. 7:454 lid 3",
    what: "Of een zin over het medisch dossier (WGBO, behandeldossier, patiëntendossier) '15 jaar' of 'vijftien jaar' noemt.",
    why: "Sinds 1 januari 2020 is de bewaartermijn voor medische dossiers 20 jaar (art. 7:454 lid 3 BW). '15 jaar' buiten een medische zin is niet per se fout.",
    bad: "  body: Het medisch dossier bewaren wij 15 jaar.\n",
    good: "  body: Het medisch dossier bewaren wij 20 jaar na de laatste wijziging.\n",
    check: vk806,
);

fn vk806(ctx: &Ctx) -> Vec<Found> {
    // The same outdated term in the retention schedule is VK403's finding, with these
    // sentences as its places: one defect, one finding.
    if super::retention::wgbo_term_outdated(ctx) {
        return Vec::new();
    }
    term_findings(ctx, "VK806")
}

rule!(
    VK807, "VK807", "pre-gdpr-terminology", Warning, "AVG art. 4",
    what: "Of de tekst Wbp-begrippen gebruikt: bewerker, bewerkersovereenkomst, (verantwoordelijke van de) persoonsregistratie.",
    why: "De AVG spreekt van verwerker, verwerkersovereenkomst, verwerking en verwerkingsverantwoordelijke (art. 4 sub 2, 7 en 8).",
    bad: "  description: Met onze bewerkers sluiten wij een bewerkersovereenkomst.\n",
    good: "  description: Met onze verwerkers sluiten wij een verwerkersovereenkomst.\n",
    check: vk807,
);

fn vk807(ctx: &Ctx) -> Vec<Found> {
    term_findings(ctx, "VK807")
}

rule!(
    VK808, "VK808", "style-term", Info, "AVG art. 12 lid 1",
    what: "Of de tekst 'persoonlijke gegevens', 'AVG-verordening', 'het Autoriteit Persoonsgegevens' of 'Wet maatschappelijke ondersteuning' zonder '2015' gebruikt, of 'privacyreglement' als titel van een openbare verklaring.",
    why: "Eén term, de term uit de wet, maakt de tekst duidelijker (art. 12 lid 1). Een reglement is een interne regeling; een verklaring informeert de lezer.",
    bad: "statement:\n  title: Privacyreglement\n",
    good: "statement:\n  title: Privacyverklaring\n",
    check: vk808,
);

fn vk808(ctx: &Ctx) -> Vec<Found> {
    let mut out = term_findings(ctx, "VK808");
    if let Some(title) = &ctx.org.statement.title
        && title.to_lowercase().contains("reglement")
    {
        out.push(Found::new(
            Pointer::root().key("statement").key("title"),
            ctx.t(
                format!("'{title}' is de titel van een interne regeling, niet van een openbare verklaring."),
                format!("'{title}' is the title of an internal regulation, not of a public statement."),
            ),
            Some(ctx.t(
                "Noem de tekst 'Privacyverklaring'.",
                "Call the text 'Privacyverklaring'.",
            )),
        ));
    }
    out
}

rule!(
    VK809, "VK809", "b1-long-sentence", Info, "AVG art. 12 lid 1; WP260 punt 12",
    what: "Of een zin langer is dan 25 woorden.",
    why: "De AVG vraagt duidelijke en eenvoudige taal (art. 12 lid 1). Zinnen van hooguit 15 à 20 woorden lezen makkelijker (taalniveau B1).",
    bad: "  description: Het registreren van persoonsgegevens vindt plaats in zoverre noodzakelijk is voor het realiseren van wettelijke doeleinden alsmede de doeleinden zoals die staan omschreven in de dienstomschrijving en het voeren van beleid.\n",
    good: "  description: Wij gebruiken uw gegevens om u te begeleiden.\n",
    check: vk809,
);

fn vk809(ctx: &Ctx) -> Vec<Found> {
    let limit = b1::b1().spec.long_sentence_words;
    let mut out = Vec::new();
    for (pointer, text) in texts(ctx) {
        for sentence in b1::sentences(text) {
            let count = longest_part(&text[sentence.clone()]);
            if count > limit {
                out.push(
                    Found::new(
                        pointer.clone(),
                        ctx.t(
                            format!("Deze zin heeft {count} woorden."),
                            format!("This sentence has {count} words."),
                        ),
                        Some(ctx.t(
                            "Knip hem op: zinnen van hooguit 15 à 20 woorden lezen makkelijker.",
                            "Split it: sentences of 15 to 20 words at most read more easily.",
                        )),
                    )
                    .with_span(span_of(ctx, pointer, text, &trimmed(text, sentence))),
                );
            }
        }
    }
    out
}

/// The words of a sentence, or of its longest part when it is a list written inline ("… voor:
/// a; b; c; d."): a reader takes such a list item by item, as the bulleted list it stands for.
fn longest_part(sentence: &str) -> usize {
    let inline_list = sentence
        .split_once(':')
        .filter(|(_, items)| items.matches(';').count() >= 2);
    match inline_list {
        Some((lead, items)) => std::iter::once(lead)
            .chain(items.split(';'))
            .map(|part| b1::words(part).count())
            .max()
            .unwrap_or(0),
        None => b1::words(sentence).count(),
    }
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

rule!(
    VK810, "VK810", "b1-jargon", Info, "AVG art. 12 lid 1; WP260 punt 12",
    what: "Of de tekst ambtelijke woorden gebruikt: zulks, onverminderd, ter zake, c.q., behoudens, alsmede, derhalve, teneinde, middels, ingevolge, voornoemd, 'welke' als betrekkelijk voornaamwoord, dan wel.",
    why: "Deze woorden maken een tekst moeilijker dan nodig (art. 12 lid 1: duidelijke en eenvoudige taal).",
    bad: "  description: Wij verwerken uw gegevens teneinde u te kunnen begeleiden.\n",
    good: "  description: Wij verwerken uw gegevens om u te begeleiden.\n",
    check: vk810,
);

fn vk810(ctx: &Ctx) -> Vec<Found> {
    let b = b1::b1();
    let mut out = Vec::new();
    for (pointer, text) in texts(ctx) {
        let mut hits: Vec<(Range<usize>, String)> = Vec::new();
        for (i, m) in b.jargon.find_all(text) {
            hits.push((m.range(), b.spec.jargon[i].replacement.clone()));
        }
        hits.extend(
            b.relative_welke
                .find_iter(text)
                .map(|m| m.range())
                // Point at "welke", not at the comma before it.
                .map(|r| r.end - "welke".len()..r.end)
                .filter(|r| !determiner_welke(&text[r.end..]))
                .map(|r| (r, "die / dat".to_string())),
        );
        hits.sort_by_key(|(r, _)| r.start);
        for (range, replacement) in hits {
            let word = &text[range.clone()];
            out.push(
                Found::new(
                    pointer.clone(),
                    ctx.t(
                        format!("'{word}' is geen eenvoudige taal."),
                        format!("'{word}' is not plain language."),
                    ),
                    Some(ctx.t(format!("Schrijf '{replacement}'."), format!("Write '{replacement}'."))),
                )
                .with_span(span_of(ctx, pointer, text, &range)),
            );
        }
    }
    out
}

/// "welke" as a determiner ("de duur van het bezoek, welke delen van de website worden
/// bekeken"), not as the relative pronoun "die/dat": a relative "welke" is followed by a
/// pronoun, article, preposition, adverb or verb, a determiner by its noun. "Die" would break
/// the sentence there.
fn determiner_welke(after: &str) -> bool {
    const RELATIVE_NEXT: &[&str] = &[
        "de",
        "het",
        "een",
        "u",
        "uw",
        "je",
        "jij",
        "jouw",
        "wij",
        "we",
        "zij",
        "ze",
        "hij",
        "men",
        "ik",
        "door",
        "in",
        "op",
        "aan",
        "met",
        "voor",
        "bij",
        "naar",
        "uit",
        "over",
        "onder",
        "tot",
        "van",
        "niet",
        "ook",
        "nog",
        "reeds",
        "al",
        "dan",
        "is",
        "zijn",
        "wordt",
        "worden",
        "werd",
        "werden",
        "kan",
        "kunnen",
        "moet",
        "moeten",
        "mag",
        "mogen",
        "zal",
        "zullen",
        "heeft",
        "hebben",
        "had",
        "hadden",
        "werkzaam",
        "geldt",
        "gelden",
        "betrekking",
        "daarvoor",
        "hiervoor",
        "onder",
        "vervolgens",
        "eerder",
        "later",
        "nodig",
        "noodzakelijk",
        "verplicht",
        "vallen",
        "valt",
        "staan",
        "staat",
    ];
    let next = after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    !next.is_empty() && !RELATIVE_NEXT.contains(&next.as_str())
}

/// Parts of the file where VK811 asks for precision: purposes, recipients, retention, transfers.
fn precision_scope(pointer: &Pointer) -> bool {
    let p = pointer.as_str();
    p.starts_with("/purposes/") && !p.contains("/provision/")
        || p.starts_with("/recipients/")
        || p.starts_with("/retention/")
        || p.starts_with("/transfers/")
        || (p.starts_with("/data_categories/") && p.contains("/retention/"))
}

rule!(
    VK811, "VK811", "vague-qualifier", Warning, "AVG art. 12 lid 1; WP260 punt 13",
    what: "Of doelen, ontvangers, bewaartermijnen of doorgiften vage woorden gebruiken: kunnen, mogelijk, in bepaalde gevallen, o.a., onder andere, bijvoorbeeld, en dergelijke, e.d., bij uitzondering, in beginsel.",
    why: "WP260 punt 13 vraagt te zeggen wat u wél doet en met wie, niet wat u zou kunnen doen.",
    bad: "  - { id: derden, name: 'o.a. zorgverzekeraars', role: controller }\n",
    good: "  - { id: zorgverzekeraar, name: uw zorgverzekeraar, role: controller }\n",
    check: vk811,
);

fn vk811(ctx: &Ctx) -> Vec<Found> {
    let b = b1::b1();
    let mut out = Vec::new();
    for (pointer, text) in texts(ctx).filter(|(p, _)| precision_scope(p)) {
        let covered = if is_purpose_text(pointer) {
            catch_alls(text)
        } else {
            Vec::new()
        };
        let mut hits: Vec<Range<usize>> = b
            .vague
            .find_all(text)
            .into_iter()
            .map(|(_, m)| m.range())
            .filter(|r| !covered.iter().any(|c| c.start < r.end && r.start < c.end))
            .filter(|r| !plain_ability(text, r))
            .filter(|r| !defined_example(text, r))
            .filter(|r| !(internal_access(ctx, pointer) && is_can(&text[r.clone()])))
            .filter(|r| !storage_inside_eu(text, r))
            .collect();
        hits.sort_by_key(|r| r.start);
        hits.dedup_by(|a, b| a.start < b.end && b.start < a.end);
        for range in hits {
            let word = &text[range.clone()];
            out.push(
                Found::new(
                    pointer.clone(),
                    ctx.t(
                        format!("'{word}' is vaag: zeg wat u wél doet en met wie."),
                        format!("'{word}' is vague: say what you actually do and with whom."),
                    ),
                    Some(ctx.t(
                        "Noem de doelen, ontvangers of termijnen volledig in plaats van voorbeelden of mogelijkheden.",
                        "List the purposes, recipients or periods in full instead of examples or possibilities.",
                    )),
                )
                .with_span(span_of(ctx, pointer, text, &range)),
            );
        }
    }
    out
}

/// "om … te kunnen begeleiden" and "een vorm die het mogelijk maakt" state an ability, not a
/// hedge: they do not leave open what is done or with whom.
fn plain_ability(text: &str, range: &Range<usize>) -> bool {
    let word = text[range.clone()].to_lowercase();
    let before = text[..range.start].trim_end().to_lowercase();
    let after = text[range.end..].trim_start().to_lowercase();
    match word.as_str() {
        "kunnen" => before.ends_with(" te") || before == "te" || before.ends_with("niemand"),
        // "niemand kan daaruit afleiden wie u bent": a statement of impossibility, not a hedge.
        "kan" => before.ends_with("niemand") || before.ends_with("niets"),
        "mogelijk" => ["maakt", "maken", "gemaakt"]
            .iter()
            .any(|w| after.starts_with(w) && !after[w.len()..].starts_with(|c: char| c.is_alphanumeric())),
        _ => false,
    }
}

/// "bijvoorbeeld" after the category it illustrates in the same sentence ("Transactionele
/// e-mail, bijvoorbeeld het resetten van uw wachtwoord"; "Het gaat dan bijvoorbeeld om …" in the
/// description of a named recipient category): the category is stated, the example adds to it.
/// At the start of a sentence it stands for the category itself ("Bijvoorbeeld indien de wet
/// dit vereist"), which leaves open what is done.
fn defined_example(text: &str, range: &Range<usize>) -> bool {
    let word = text[range.clone()].to_lowercase();
    if !matches!(word.as_str(), "bijvoorbeeld" | "zoals") {
        return false;
    }
    let before = &text[..range.start];
    let sentence = before
        .rfind(['.', '!', '?', ':', '\n'])
        .map_or(before, |i| &before[i + 1..]);
    sentence.chars().filter(|c| c.is_alphanumeric()).count() > 0 && !after_condition(sentence)
}

/// "Wij delen uw gegevens als wij wettelijk verplicht zijn, bijvoorbeeld …": the examples
/// follow a condition, not a category, so they leave open when data are shared and with whom.
fn after_condition(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Only examples set off by a comma hang on the clause before them; "e-mail zoals
    // nieuwsbrieven" illustrates the noun it follows.
    if !sentence.trim_end().ends_with(',') {
        return false;
    }
    let clause = sentence.trim_end().trim_end_matches(',');
    let clause = clause.rfind(',').map_or(clause, |i| &clause[i + 1..]);
    RE.get_or_init(|| {
        // Literal pattern, covered by the VK811 fixtures.
        Regex::new(r"(?i)\b(als|indien|wanneer|voor\s+zover|tenzij)\b").expect("literal regex")
    })
    .is_match(clause)
}

fn is_can(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "kan" | "kunnen")
}

/// A text about the organisation's own staff (`role: internal`): "kan/kunnen" there says who
/// may see what inside the organisation (AVG art. 32 access control), not whether data go to
/// someone; WP260's demand for named recipients does not apply.
fn internal_access(ctx: &Ctx, pointer: &Pointer) -> bool {
    let p = pointer.as_str();
    let Some(rest) = p.strip_prefix("/recipients/") else {
        return false;
    };
    let index = rest.split('/').next().and_then(|i| i.parse::<usize>().ok());
    index
        .and_then(|i| ctx.org.recipients.as_ref().and_then(|r| r.get(i)))
        .is_some_and(|r| r.role == Some(crate::model::vocab::RecipientRole::Internal))
}

/// "kunnen worden opgeslagen en verwerkt in Nederland of elk ander land binnen de Europese
/// Unie": storage inside the EU/EEA is no transfer, and the AVG protects the data there alike;
/// the hedge leaves nothing open that art. 13 lid 1 sub f asks.
fn storage_inside_eu(text: &str, range: &Range<usize>) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    if !is_can(&text[range.clone()]) {
        return false;
    }
    let start = text[..range.start].rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    let end = text[range.end..]
        .find(['.', '!', '?'])
        .map_or(text.len(), |i| range.end + i);
    let sentence = &text[start..end];
    let re = RE.get_or_init(|| {
        // A literal pattern, covered by the VK811 fixtures.
        Regex::new(r"(?i)\b(opgeslagen|bewaard|verwerkt|gehost|staan)\b[^.]*\b(binnen\s+de\s+(Europese\s+(Unie|Economische\s+Ruimte)|EU|EER)|in\s+Nederland)\b")
            .expect("literal regex")
    });
    re.is_match(sentence) && !sentence.to_lowercase().contains("buiten")
}

fn is_purpose_text(pointer: &Pointer) -> bool {
    let p = pointer.as_str();
    p.starts_with("/purposes/") && (p.ends_with("/description") || p.ends_with("/details"))
}

/// Catch-alls and references to other documents in a purpose text (VK110).
fn catch_alls(text: &str) -> Vec<Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        RegexBuilder::new(
            r"\bo\.a\.|\bonder\s+andere\b|\b(andere|overige)\s+doel(einden|en)\b|\bbeleid\s+en\s+beheer\b|\bwettelijke\s+doel(einden|en)\b|\bstaan\s+(vermeld|beschreven|omschreven)\s+in(\s+de\s+algemene\s+voorwaarden)?\b|\bzoals\s+(die\s+)?(staan\s+)?omschreven\s+in\b|\balgemene\s+voorwaarden\b",
        )
        .case_insensitive(true)
        .build()
        // Literal pattern, covered by the VK110 fixtures.
        .expect("literal regex")
    })
    .find_iter(text)
    .map(|m| m.range())
    .collect()
}

/// A VK110 match that hands the purposes to another document rather than naming a catch-all.
fn is_document_reference(phrase: &str) -> bool {
    let lower = phrase.to_lowercase();
    lower.contains("omschreven")
        || lower.contains("vermeld")
        || lower.contains("beschreven")
        || lower.contains("voorwaarden")
}

rule!(
    VK110, "VK110", "purpose-vague", Warning, "AVG art. 5 lid 1 sub b; WP260 punt 12–13",
    what: "Of een doel een verzamelterm gebruikt ('o.a.', 'andere doeleinden', 'beleid en beheer', 'wettelijke doeleinden') of voor de doelen naar een ander document verwijst ('staan vermeld in de Algemene Voorwaarden').",
    why: "Doelen moeten welbepaald en uitdrukkelijk omschreven zijn (art. 5 lid 1 sub b); een verwijzing naar een ander document of een verzamelterm zegt de lezer niet wat er met zijn gegevens gebeurt.",
    bad: "  - { id: beheer, description: Het voeren van beleid en beheer }\n",
    good: "  - { id: kwaliteit, description: De kwaliteit van onze zorg meten met geanonimiseerde cijfers }\n",
    check: vk110,
);

fn vk110(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    for (pointer, text) in texts(ctx).filter(|(p, _)| is_purpose_text(p)) {
        for range in catch_alls(text) {
            let phrase = &text[range.clone()];
            let found = if is_document_reference(phrase) {
                // Purposes left to another document are one defect however often the text
                // points there: one finding, every reference a place of it.
                Found::new(
                    pointer.clone(),
                    ctx.t(
                        format!("'{phrase}': het doel staat niet hier, maar in een ander document."),
                        format!("'{phrase}': the purpose is not stated here but in another document."),
                    ),
                    Some(ctx.t(
                        "Beschrijf elk doel in de verklaring zelf, in `purposes`; een verwijzing naar een ander document zegt de lezer niet wat er met zijn gegevens gebeurt.",
                        "Describe each purpose in the statement itself, in `purposes`; a reference to another document does not tell the reader what happens to their data.",
                    )),
                )
                .group("document-reference")
                .label(ctx.t(format!("ook '{phrase}'"), format!("also '{phrase}'")))
            } else {
                Found::new(
                    pointer.clone(),
                    ctx.t(
                        format!("'{phrase}' maakt het doel te vaag."),
                        format!("'{phrase}' makes the purpose too vague."),
                    ),
                    Some(ctx.t(
                        "Beschrijf concreet wat u met de gegevens doet; noem elk doel apart in `purposes`.",
                        "Describe concretely what you do with the data; list each purpose separately in `purposes`.",
                    )),
                )
            };
            out.push(found.with_span(span_of(ctx, pointer, text, &range)));
        }
    }
    out
}

rule!(
    VK812, "VK812", "b1-hard-to-read", Info, "AVG art. 12 lid 1; WP260 punt 12",
    what: "Of een langere tekst (vanaf 40 woorden) moeilijk leesbaar is volgens de Flesch-Douma-formule (score onder 40), gemeten zonder de zinnen die VK809 al als te lang meldt: één lange zin is één melding.",
    why: "De AVG vraagt duidelijke en eenvoudige taal (art. 12 lid 1). Een lage Flesch-Douma-score betekent lange zinnen en lange woorden.",
    bad: "  body: De verwerkingsverantwoordelijke draagt zorg voor de rechtmatigheid van de geautomatiseerde gegevensverwerking overeenkomstig de toepasselijke regelgeving … (40+ woorden)\n",
    good: "  body: Wij zorgen dat wij uw gegevens goed gebruiken. Wij houden ons aan de wet. …\n",
    check: vk812,
);

fn vk812(ctx: &Ctx) -> Vec<Found> {
    let b = b1::b1();
    let threshold = b.spec.flesch_douma_min;
    let limit = b.spec.long_sentence_words;
    texts(ctx)
        .filter(|(_, text)| !mostly_list(text))
        .filter_map(|(pointer, text)| {
            // Sentences over the length limit are VK809's findings; the reading ease is judged
            // on the rest, so that one long sentence is one finding, not two on the same span.
            let rest: Vec<&str> = b1::sentences(text)
                .into_iter()
                .map(|r| &text[r])
                .filter(|sentence| b1::words(sentence).count() <= limit)
                .collect();
            let rest = rest.join(" ");
            if b1::words(&rest).count() < b.spec.flesch_min_words {
                return None;
            }
            // The statement's own readability measure, so lint and statement agree.
            let score = readability::measure(&[rest]).flesch_douma();
            (score < threshold).then_some((pointer, score))
        })
        .map(|(pointer, score)| {
            // Rounded down, so that a score below the limit never prints as the limit itself.
            let shown = score.floor();
            let (nl, en) = if shown <= 0.0 {
                ("0 of lager".to_string(), "0 or lower".to_string())
            } else {
                (format!("{shown:.0}"), format!("{shown:.0}"))
            };
            Found::new(
                pointer.clone(),
                ctx.t(
                    format!(
                        "Deze tekst is moeilijk leesbaar: Flesch-Douma {nl}, onder de grens van {threshold:.0}."
                    ),
                    format!("This text is hard to read: Flesch-Douma {en}, below the limit of {threshold:.0}."),
                ),
                Some(ctx.t(
                    format!(
                        "Gebruik kortere zinnen en gewone, korte woorden, tot de tekst ten minste {threshold:.0} scoort."
                    ),
                    format!("Use shorter sentences and common, short words until the text scores at least {threshold:.0}."),
                )),
            )
            .with_severity(SeverityLevel::Info)
        })
        .collect()
}

/// A text that is mostly a list (definitions, links, steps) is not running prose: a reading-ease
/// score over it says little. VK809 still checks each long item.
fn mostly_list(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let items = lines
        .iter()
        .filter(|l| {
            l.starts_with("- ")
                || l.starts_with("* ")
                || l.split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
        .count();
    items >= 2 && items * 2 >= lines.len()
}

// ---------------------------------------------------------------------------------------------
// VK813–VK814: the form of address (`statement.address_form`)
// ---------------------------------------------------------------------------------------------

/// Free texts that end up in the statement as prose a reader reads, in the address form of the
/// statement: not the `lint:` block, not law titles or the wording of an old statement.
/// A list of definitions that defines the term itself ("**Betrokkene:** degene over wie …"):
/// there the legal term is what the text explains, not a failure to address the reader.
fn defines_data_subject(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Literal pattern, covered by the VK814 fixtures.
        Regex::new(r"(?im)^\s*(?:[-*]\s+)?(?:\*\*|__)?betrokkenen?\s*(?:\*\*|__)?\s*:").expect("literal regex")
    })
    .is_match(text)
}

fn addressed_text(pointer: &Pointer) -> bool {
    let p = pointer.as_str();
    let last = p.rsplit('/').next().unwrap_or("");
    !p.starts_with("/lint/")
        && !matches!(
            last,
            "statute" | "special_category_law" | "criminal_data_basis" | "legal_basis_as_stated"
        )
}

/// Ranges of `text` a rule on wording must leave alone: quotations (a law title, a quoted
/// sentence), e-mail addresses and web addresses.
fn verbatim_ranges(text: &str) -> Vec<Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        RegexBuilder::new(
            r#"(?x)
              (?:https?://|www\.)[^\s<>()\[\]]+          # web address
            | [^\s@<>()\[\]'"]+@[^\s@<>()\[\]'"]+         # e-mail address
            | “[^”]*”  | ‘[^’]*’  | „[^”“]*[”“]  | «[^»]*»  # typographic quotes
            | "[^"\n]*"                                  # straight double quotes
            | (?:^|[\s(\[])'[^'\n]+'(?:$|[\s).,;:!?\]])   # straight single quotes, not apostrophes
            "#,
        )
        .build()
        // Literal pattern, covered by the VK813 fixtures.
        .expect("literal regex")
    })
    .find_iter(text)
    .map(|m| m.range())
    .collect()
}

/// Whole words of `pattern` (case-insensitive alternatives) in `text`, outside quotations and
/// addresses: the first match and how many there are.
fn outside_verbatim(text: &str, re: &Regex) -> Option<(Range<usize>, usize)> {
    let skip = verbatim_ranges(text);
    let hits: Vec<Range<usize>> = re
        .find_iter(text)
        .map(|m| m.range())
        .filter(|r| !skip.iter().any(|s| s.start <= r.start && r.end <= s.end))
        .filter(|r| !time_unit(text, r) && !defined_term(text, r))
        .collect();
    hits.first().map(|r| (r.clone(), hits.len()))
}

/// The term a glossary entry defines ("**Betrokkene:** de persoon …"): it names the word,
/// it does not address anyone.
fn defined_term(text: &str, range: &Range<usize>) -> bool {
    text[range.end..].trim_start_matches('*').starts_with(':')
}

/// "u" right after a number is an hour ("9.00 u"), not the reader.
fn time_unit(text: &str, range: &Range<usize>) -> bool {
    text[range.clone()].eq_ignore_ascii_case("u")
        && text[..range.start]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
}

/// The words of the other form of address: `je`-words in a `u` statement and the reverse.
fn other_form(form: AddressForm) -> &'static Regex {
    static JE: OnceLock<Regex> = OnceLock::new();
    static U: OnceLock<Regex> = OnceLock::new();
    match form {
        // "je" is common in Dutch, but in a `u` statement every "je" addresses the reader in
        // the wrong form (or is a generic "you", which reads the same).
        AddressForm::U => JE.get_or_init(|| {
            RegexBuilder::new(r"\b(je|jij|jou|jouw|jezelf)\b")
                .case_insensitive(true)
                .build()
                // Literal pattern, covered by the VK813 fixtures.
                .expect("literal regex")
        }),
        AddressForm::Je => U.get_or_init(|| {
            RegexBuilder::new(r"\b(u|uw|uzelf)\b")
                .case_insensitive(true)
                .build()
                // Literal pattern, covered by the VK813 fixtures.
                .expect("literal regex")
        }),
    }
}

/// The word to write instead of `word` in the other form (nl, en).
fn replacement(word: &str) -> (&'static str, &'static str) {
    match word.to_lowercase().as_str() {
        "je" => (
            "'u' (of 'uw' als 'je' 'jouw' betekent, zoals in 'je gegevens')",
            "'u' (or 'uw' where 'je' means 'jouw', as in 'je gegevens')",
        ),
        "jij" | "jou" => ("'u'", "'u'"),
        "jouw" => ("'uw'", "'uw'"),
        "jezelf" => ("'uzelf'", "'uzelf'"),
        "u" => ("'je' (of 'jij' met nadruk)", "'je' (or 'jij' for emphasis)"),
        "uw" => ("'je' of 'jouw'", "'je' or 'jouw'"),
        _ => ("'jezelf'", "'jezelf'"),
    }
}

rule!(
    VK813, "VK813", "address-form-mixed", Warning, "AVG art. 12 lid 1",
    what: "Of een tekst de lezer aanspreekt in de andere vorm dan `statement.address_form`: 'je', 'jij', 'jou', 'jouw' of 'jezelf' in een verklaring met 'u', of 'u', 'uw' of 'uzelf' in een verklaring met 'je'. Citaten (tussen aanhalingstekens), e-mailadressen en webadressen tellen niet mee. Eén melding per tekst, bij het eerste woord.",
    why: "De standaardzinnen van verklaar volgen `address_form`; een eigen tekst in de andere vorm maakt de verklaring rommelig en laat de lezer twijfelen of hij bedoeld wordt. De AVG vraagt een beknopte, transparante en begrijpelijke tekst in duidelijke en eenvoudige taal (art. 12 lid 1); één aanspreekvorm hoort daarbij.",
    bad: "statement:\n  address_form: u\npurposes:\n  - id: nieuwsbrief\n    description: Je de nieuwsbrief sturen\n",
    good: "statement:\n  address_form: u\npurposes:\n  - id: nieuwsbrief\n    description: U de nieuwsbrief sturen\n",
    check: vk813,
);

fn vk813(ctx: &Ctx) -> Vec<Found> {
    let form = ctx.org.statement.address_form;
    let (ours, theirs, field) = match form {
        AddressForm::U => ("u", "je", "je"),
        AddressForm::Je => ("je", "u", "u"),
    };
    let mut out = Vec::new();
    for (pointer, text) in texts(ctx).filter(|(p, _)| addressed_text(p)) {
        let Some((range, count)) = outside_verbatim(text, other_form(form)) else {
            continue;
        };
        let word = &text[range.clone()];
        let (instead_nl, instead_en) = replacement(word);
        let more_nl = if count > 1 {
            format!(" (in deze tekst {count} woorden in de {theirs}-vorm)")
        } else {
            String::new()
        };
        let more_en = if count > 1 {
            format!(" ({count} words in the '{theirs}' form in this text)")
        } else {
            String::new()
        };
        out.push(
            Found::new(
                pointer.clone(),
                ctx.t(
                    format!("De verklaring spreekt de lezer aan met '{ours}', maar deze tekst gebruikt '{word}'{more_nl}."),
                    format!("The statement addresses the reader as '{ours}', but this text uses '{word}'{more_en}."),
                ),
                Some(ctx.t(
                    format!("Schrijf {instead_nl}, en zo overal in deze tekst. Wilt u de lezer met '{theirs}' aanspreken, kies dan `statement.address_form: {field}`."),
                    format!("Write {instead_en}, and likewise throughout this text. To address the reader as '{theirs}', choose `statement.address_form: {field}`."),
                )),
            )
            .with_span(ctx.word_span(pointer, text, range)),
        );
    }
    out
}

rule!(
    VK814, "VK814", "reader-in-third-person", Warning, "AVG art. 12 lid 1",
    what: "Of een tekst over 'de betrokkene' of 'betrokkenen' spreekt, terwijl de verklaring de lezer aanspreekt met 'u' of 'je'. Citaten, e-mailadressen en webadressen tellen niet mee. Eén melding per tekst, bij het eerste woord.",
    why: "De betrokkene is de lezer zelf. Een tekst die over 'de betrokkene' spreekt, leest als een wetsartikel en laat de lezer zoeken of het over hem gaat; de AVG vraagt een begrijpelijke tekst in duidelijke en eenvoudige taal (art. 12 lid 1). Spreek de lezer aan zoals de rest van de verklaring doet.",
    bad: "rights:\n  procedure: De betrokkene kan een verzoek indienen per e-mail.\n",
    good: "rights:\n  procedure: U kunt een verzoek indienen per e-mail.\n",
    check: vk814,
);

fn vk814(ctx: &Ctx) -> Vec<Found> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        RegexBuilder::new(r"\b(de\s+)?betrokkenen?\b")
            .case_insensitive(true)
            .build()
            // Literal pattern, covered by the VK814 fixtures.
            .expect("literal regex")
    });
    let (you, your) = match ctx.org.statement.address_form {
        AddressForm::U => ("u", "uw"),
        AddressForm::Je => ("je", "jouw"),
    };
    let mut out = Vec::new();
    for (pointer, text) in texts(ctx).filter(|(p, text)| addressed_text(p) && !defines_data_subject(text)) {
        let Some((range, count)) = outside_verbatim(text, re) else {
            continue;
        };
        let phrase = text[range.clone()].to_lowercase();
        let more_nl = if count > 1 {
            format!(" (in deze tekst {count} keer 'betrokkene' of 'betrokkenen')")
        } else {
            String::new()
        };
        let more_en = if count > 1 {
            format!(" ({count} times 'betrokkene' or 'betrokkenen' in this text)")
        } else {
            String::new()
        };
        // A phrase over a line break cannot be matched word by word; point at its last word.
        let span = if phrase.contains(char::is_whitespace) {
            let word_start = range.start + phrase.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let word = ctx.word_span(pointer, text, word_start..range.end);
            let article = ctx.word_span(pointer, text, range.start..range.start + 2);
            if article.end <= word.start && word.start - article.end <= phrase.len() {
                article.start..word.end
            } else {
                word
            }
        } else {
            ctx.word_span(pointer, text, range)
        };
        out.push(
            Found::new(
                pointer.clone(),
                ctx.t(
                    format!("Deze tekst spreekt over '{phrase}'{more_nl}, maar de verklaring spreekt de lezer aan met '{you}'. De betrokkene is de lezer zelf."),
                    format!("This text speaks of '{phrase}'{more_en}, but the statement addresses the reader as '{you}'. The data subject is the reader."),
                ),
                Some(ctx.t(
                    format!("Schrijf '{you}' in plaats van 'de betrokkene', en '{your} rechten' in plaats van 'de rechten van betrokkenen'. Gaat het om anderen dan de lezer, noem hen dan bij naam, zoals 'uw kinderen' of 'medewerkers'."),
                    format!("Write '{you}' instead of 'de betrokkene', and '{your} rechten' instead of 'de rechten van betrokkenen'. If others than the reader are meant, name them, such as 'uw kinderen' or 'medewerkers'."),
                )),
            )
            .with_span(span),
        );
    }
    out
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[
    VK109, VK110, VK309, VK801, VK802, VK803, VK804, VK805, VK806, VK807, VK808, VK809, VK810, VK811, VK812, VK813,
    VK814,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_form_outside_quotes_and_addresses() {
        let text = "Wij zijn open van 9.00 u tot 17.00 u. Mail naar u@praktijk.example of lees 'Wat u moet weten'. Stuur uw vraag, dan helpen wij u.";
        let (range, count) = outside_verbatim(text, other_form(AddressForm::Je)).expect("a hit");
        assert_eq!(&text[range], "uw");
        assert_eq!(count, 2);
        let je = "Onze jeugdarts helpt. Zie https://praktijk.example/je-rechten of mail je-vraag@praktijk.example.";
        assert!(outside_verbatim(je, other_form(AddressForm::U)).is_none());
        let glossary = "- **Betrokkene:** de persoon van wie wij gegevens verwerken.";
        assert!(outside_verbatim(glossary, &Regex::new(r"(?i)\bbetrokkenen?\b").expect("literal")).is_none());
    }
}
