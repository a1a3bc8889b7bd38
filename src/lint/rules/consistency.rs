//! VK7xx — consistency and cross-references: identifiers (IBAN, KvK, btw, e-mail, phone), web
//! addresses and links, references to sections, dates and other documents, and facts in the
//! model that contradict each other (AVG art. 5 lid 1 sub a; art. 12 lid 1).

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::automated::{kind_en, kind_nl};
use super::text::is_free_text;
use crate::lint::{Ctx, Found, Rule};
use crate::model::vocab::{CookieKind, LegalBasis, SpecialCategoryCondition};
use crate::source::Pointer;

/// Case-insensitive, prepared like the tables' patterns (see `legal::patterns::prepare`).
fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| crate::legal::patterns::compile(pattern))
}

/// Like [`re`], but case-sensitive (IBAN-shaped tokens are written in capitals).
fn re_cs(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    // The patterns are literals in this file, covered by the unit tests and rule fixtures.
    cell.get_or_init(|| Regex::new(&crate::legal::patterns::prepare(pattern)).expect("literal regex"))
}

/// Every string value outside the `lint:` block, with its pointer.
fn strings<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (&'a Pointer, &'a str)> {
    ctx.map
        .strings()
        .iter()
        .filter(|(p, _)| !p.as_str().starts_with("/lint"))
        .map(|(p, s)| (p, s.as_str()))
}

/// Free-text values (prose a person wrote), with their pointers.
fn texts<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (&'a Pointer, &'a str)> {
    ctx.texts().filter(|(p, _)| !p.as_str().starts_with("/lint"))
}

/// The source span of `needle` inside the string value at `at`. Unlike
/// [`Ctx::span_in_value`] it also finds a needle that a folded scalar (`>-`) spreads over
/// several lines, by letting any run of whitespace match any other.
pub(super) fn quote_span(ctx: &Ctx, at: &Pointer, needle: &str) -> Range<usize> {
    let whole = ctx.map.span_for(at);
    let source = ctx.file.text.get(whole.clone()).unwrap_or("");
    if let Some(i) = source.find(needle) {
        return whole.start + i..whole.start + i + needle.len();
    }
    // Search again whitespace-collapsed and lower-cased: a folded scalar may break the quote
    // over lines.
    let (normal, origin) = crate::lint::context::normalise(source);
    let wanted: String = needle.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    if let Some(pos) = normal.find(&wanted).filter(|_| !wanted.is_empty())
        && let (Some(first), Some(last)) = (origin.get(pos), origin.get(pos + wanted.len() - 1))
    {
        return whole.start + first.0..whole.start + last.1;
    }
    ctx.span_in_value(at, needle)
}

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IdKind {
    Iban,
    Kvk,
    Btw,
    Email,
    Phone,
}

impl IdKind {
    fn label(self, ctx: &Ctx) -> String {
        match self {
            IdKind::Iban => ctx.t("Het IBAN", "The IBAN"),
            IdKind::Kvk => ctx.t("Het KvK-nummer", "The KvK number"),
            IdKind::Btw => ctx.t("Het btw-identificatienummer", "The VAT number"),
            IdKind::Email => ctx.t("Het e-mailadres", "The e-mail address"),
            IdKind::Phone => ctx.t("Het telefoonnummer", "The phone number"),
        }
    }
}

/// One identifier as written somewhere in the file.
#[derive(Debug, Clone)]
struct IdOccurrence {
    kind: IdKind,
    at: Pointer,
    /// As written.
    raw: String,
    /// Without spaces, dots and hyphens, in one case (docs/legal/rules-catalogue.md §1 VK701).
    norm: String,
    /// Whether `raw` is the whole value (a field of its own) or a match inside a text.
    whole: bool,
}

/// Removes spaces, dots and hyphens and upper-cases (lower-cases for e-mail).
fn normalise(kind: IdKind, raw: &str) -> String {
    match kind {
        IdKind::Email => raw.trim().to_lowercase(),
        IdKind::Phone => {
            let mut s = raw.replace("(0)", "");
            s.retain(|c| c.is_ascii_digit() || c == '+');
            if let Some(rest) = s.strip_prefix("+31") {
                format!("0{rest}")
            } else if let Some(rest) = s.strip_prefix("0031") {
                format!("0{rest}")
            } else {
                s.replace('+', "")
            }
        }
        _ => raw
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-'))
            .collect::<String>()
            .to_uppercase(),
    }
}

/// The lengths of IBANs per country (ISO 13616 registry), for the countries a Dutch
/// statement is likely to mention.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
];

fn iban_length(country: &str) -> Option<usize> {
    IBAN_LENGTHS.iter().find(|(c, _)| *c == country).map(|(_, n)| *n)
}

/// ISO 13616 / ISO 7064 mod 97-10: the check digits are right.
fn iban_checksum_ok(iban: &str) -> bool {
    if iban.len() < 5 || !iban.is_ascii() {
        return false;
    }
    let rearranged = format!("{}{}", &iban[4..], &iban[..4]);
    let mut rest: u32 = 0;
    for c in rearranged.chars() {
        match c {
            '0'..='9' => rest = (rest * 10 + c.to_digit(10).unwrap_or(0)) % 97,
            'A'..='Z' => rest = (rest * 100 + (c as u32 - 'A' as u32 + 10)) % 97,
            _ => return false,
        }
    }
    rest == 1
}

/// What is wrong with an IBAN (normalised), as (nl, en) phrases; empty when valid.
fn iban_problems(iban: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let shape = iban.len() >= 5
        && iban.is_ascii()
        && iban[..2].bytes().all(|b| b.is_ascii_uppercase())
        && iban[2..4].bytes().all(|b| b.is_ascii_digit())
        && iban.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if !shape {
        out.push((
            "het begint niet met een landcode en twee cijfers, of bevat tekens die niet in een IBAN horen".to_string(),
            "it does not start with a country code and two digits, or contains characters that do not belong in an IBAN"
                .to_string(),
        ));
        return out;
    }
    let country = &iban[..2];
    if let Some(len) = iban_length(country)
        && iban.len() != len
    {
        out.push((
            format!("een IBAN uit {country} heeft {len} tekens, dit heeft er {}", iban.len()),
            format!(
                "an IBAN from {country} has {len} characters, this one has {}",
                iban.len()
            ),
        ));
    }
    if country == "NL" && iban.len() == 18 {
        if !iban[4..8].bytes().all(|b| b.is_ascii_uppercase()) {
            out.push((
                "de bankcode moet uit vier letters bestaan (bv. 'RABO')".to_string(),
                "the bank code must be four letters (e.g. 'RABO')".to_string(),
            ));
        }
        if !iban[8..].bytes().all(|b| b.is_ascii_digit()) {
            out.push((
                "na de bankcode horen tien cijfers".to_string(),
                "the bank code must be followed by ten digits".to_string(),
            ));
        }
    }
    if !iban_checksum_ok(iban) {
        out.push((
            "het controlegetal klopt niet".to_string(),
            "the check digits are wrong".to_string(),
        ));
    }
    out
}

/// A valid IBAN that differs from an invalid Dutch one only by letters and digits that look
/// alike (0/O, 1/I, 5/S, 8/B) in the bank code or the account number.
fn iban_suggestion(iban: &str) -> Option<String> {
    if !iban.starts_with("NL") || iban.len() != 18 || !iban.is_ascii() {
        return None;
    }
    let letter = |c: char| match c {
        '0' => 'O',
        '1' => 'I',
        '5' => 'S',
        '8' => 'B',
        c => c,
    };
    let digit = |c: char| match c {
        'O' => '0',
        'I' | 'L' => '1',
        'S' => '5',
        'B' => '8',
        c => c,
    };
    let fixed: String = iban[..4]
        .chars()
        .chain(iban[4..8].chars().map(letter))
        .chain(iban[8..].chars().map(digit))
        .collect();
    (fixed != iban && iban_problems(&fixed).is_empty()).then_some(fixed)
}

/// IBAN-shaped tokens in a text: a known country code, two digits and the right length
/// (one character more or less still counts, so a dropped digit is found).
fn iban_tokens(text: &str) -> Vec<(Range<usize>, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    static BTW: OnceLock<Regex> = OnceLock::new();
    let token = re_cs(&RE, r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b");
    let btw = re_cs(&BTW, r"^NL\d{9}B\d{2}$");
    token
        .find_iter(text)
        .filter_map(|m| {
            let norm = normalise(IdKind::Iban, m.as_str());
            let len = iban_length(&norm[..2])?;
            (norm.len().abs_diff(len) <= 1 && !btw.is_match(&norm)).then(|| (m.range(), m.as_str().to_string()))
        })
        .collect()
}

/// Every identifier in the file, in document order.
fn identifiers(ctx: &Ctx) -> Vec<IdOccurrence> {
    static EMAIL: OnceLock<Regex> = OnceLock::new();
    static KVK: OnceLock<Regex> = OnceLock::new();
    static BTW: OnceLock<Regex> = OnceLock::new();
    static PHONE: OnceLock<Regex> = OnceLock::new();
    let email = re(&EMAIL, r"\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b");
    let kvk = re(&KVK, r"\bkvk(?:[- ]?(?:nummer|nr\.?))?\s*:?\s*(\d[\d .]{5,10}\d)");
    let btw = re(
        &BTW,
        r"\b(?:btw|vat|omzetbelasting)[a-z-]{0,25}(?:\s+nummer)?\s*:?\s*(NL[\d .]{6,16}B[ .]?\d{1,3})\b",
    );
    let phone = re(&PHONE, r"(?:\+31\s?(?:\(0\)\s?)?|\b0)\d(?:(?:\s?-\s?|\s)?\d){7,8}\b");

    let org = Pointer::root().key("organisation");
    let kvk_at = org.key("kvk");
    let btw_at = org.key("btw");
    let iban_list = org.key("iban");

    let mut out = Vec::new();
    let mut push = |kind: IdKind, at: &Pointer, raw: &str, whole: bool| {
        let raw = raw.trim();
        if raw.is_empty() {
            return;
        }
        out.push(IdOccurrence {
            kind,
            at: at.clone(),
            raw: raw.to_string(),
            norm: normalise(kind, raw),
            whole,
        });
    };
    for (at, text) in strings(ctx) {
        if *at == kvk_at {
            push(IdKind::Kvk, at, text, true);
            continue;
        }
        if *at == btw_at {
            push(IdKind::Btw, at, text, true);
            continue;
        }
        if at.parent().as_ref() == Some(&iban_list) {
            push(IdKind::Iban, at, text, true);
            continue;
        }
        if at.last().as_deref() == Some("phone") {
            push(IdKind::Phone, at, text, true);
            continue;
        }
        if at.last().as_deref() == Some("email") {
            push(IdKind::Email, at, text, true);
            continue;
        }
        // Every identifier holds an '@' or at least six digits; most prose holds neither, so
        // skip it before running the token regexes.
        if !text.contains('@') && text.bytes().filter(u8::is_ascii_digit).count() < 6 {
            continue;
        }
        // Inside texts (and other fields): tokens, in the order they occur.
        let mut found: Vec<(usize, IdKind, String)> = Vec::new();
        let ibans = iban_tokens(text);
        for (range, raw) in &ibans {
            found.push((range.start, IdKind::Iban, raw.clone()));
        }
        for m in email.find_iter(text) {
            found.push((m.start(), IdKind::Email, m.as_str().to_string()));
        }
        if is_free_text(at) {
            for c in kvk.captures_iter(text) {
                if let Some(g) = c.get(1) {
                    found.push((
                        g.start(),
                        IdKind::Kvk,
                        g.as_str().trim_end_matches(['.', ' ']).to_string(),
                    ));
                }
            }
            for c in btw.captures_iter(text) {
                if let Some(g) = c.get(1) {
                    found.push((g.start(), IdKind::Btw, g.as_str().to_string()));
                }
            }
            // The account number inside a spaced IBAN ("NL25 RABO 0123 5480 20") is no phone number.
            for m in phone.find_iter(text) {
                if !ibans.iter().any(|(r, _)| r.start < m.end() && m.start() < r.end) {
                    found.push((m.start(), IdKind::Phone, m.as_str().to_string()));
                }
            }
        }
        found.sort_by_key(|(start, _, _)| *start);
        for (_, kind, raw) in found {
            push(kind, at, &raw, false);
        }
    }
    out
}

fn occurrence_span(ctx: &Ctx, occ: &IdOccurrence) -> Option<Range<usize>> {
    (!occ.whole).then(|| quote_span(ctx, &occ.at, &occ.raw))
}

fn with_span(found: Found, span: Option<Range<usize>>) -> Found {
    match span {
        Some(span) => found.with_span(span),
        None => found,
    }
}

/// Whether two different normalised forms are likely the same identifier written two ways.
fn same_identifier(kind: IdKind, a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let distance = strsim::levenshtein(a, b);
    match kind {
        // Two IBANs that both pass the check are two accounts; a form that fails it is a
        // typo, which VK702 reports with the number it should be. Reporting the two spellings
        // here as well would make one defect two findings.
        IdKind::Iban => false,
        IdKind::Kvk | IdKind::Btw => distance <= 2,
        // Addresses one typo apart (a changed, dropped or swapped character); short addresses
        // can be distinct people.
        IdKind::Email => strsim::osa_distance(a, b) == 1 && a.len().min(b.len()) >= 10,
        // A dropped or doubled digit, or two swapped digits. Numbers that differ in one digit
        // are often different lines of the same organisation.
        IdKind::Phone => {
            (a.len().abs_diff(b.len()) == 1 && distance == 1)
                || (a.len() == b.len() && strsim::osa_distance(a, b) == 1 && distance == 2)
        }
    }
}

rule!(
    VK701, "VK701", "identifier-inconsistent", Error, "AVG art. 12 lid 1; art. 5 lid 1 sub a",
    what: "Of hetzelfde KvK-nummer, btw-identificatienummer, e-mailadres of telefoonnummer op twee of meer manieren wordt geschreven (na het weglaten van spaties, punten en streepjes en los van hoofdletters). Namen worden niet vergeleken; een IBAN met een typefout meldt VK702.",
    why: "Wie twee verschillende schrijfwijzen ziet, weet niet welke klopt; betalingen, verzoeken of klachten komen dan verkeerd aan. De informatie moet juist en duidelijk zijn (AVG art. 12 lid 1; art. 5 lid 1 sub a).",
    bad: "organisation:\n  contact: { email: info@delinde.example }\nrights:\n  channel: { email: info@delnide.example }\n",
    good: "organisation:\n  contact: { email: info@delinde.example }\nrights:\n  channel: { email: info@delinde.example }\n",
    check: vk701,
);

fn vk701(ctx: &Ctx) -> Vec<Found> {
    let occurrences = ctx.memo("identifiers", || identifiers(ctx));
    let mut out = Vec::new();
    let mut seen: Vec<&IdOccurrence> = Vec::new();
    for occ in occurrences.iter() {
        if seen.iter().any(|s| s.kind == occ.kind && s.norm == occ.norm) {
            continue;
        }
        if let Some(first) = seen
            .iter()
            .find(|s| s.kind == occ.kind && same_identifier(occ.kind, &s.norm, &occ.norm))
        {
            let label = occ.kind.label(ctx);
            // Name the right form when exactly one of them passes the IBAN check.
            let valid = (occ.kind == IdKind::Iban)
                .then(|| {
                    let ok_first = iban_problems(&first.norm).is_empty();
                    let ok_this = iban_problems(&occ.norm).is_empty();
                    match (ok_first, ok_this) {
                        (true, false) => Some(first.raw.clone()),
                        (false, true) => Some(occ.raw.clone()),
                        _ => None,
                    }
                })
                .flatten();
            let help = match valid {
                Some(v) => ctx.t(
                    format!("'{v}' klopt met de IBAN-controle; schrijf het overal zo."),
                    format!("'{v}' passes the IBAN check; write it that way everywhere."),
                ),
                None => ctx.t(
                    "Zoek uit welke schrijfwijze juist is en gebruik die overal.",
                    "Find out which form is right and use it everywhere.",
                ),
            };
            out.push(with_span(
                Found::new(
                    occ.at.clone(),
                    ctx.t(
                        format!(
                            "{label} staat er op twee manieren: '{}' en '{}'. Gebruik overal dezelfde, juiste schrijfwijze.",
                            first.raw, occ.raw
                        ),
                        format!(
                            "{label} is written two ways: '{}' and '{}'. Use the same, correct form everywhere.",
                            first.raw, occ.raw
                        ),
                    ),
                    Some(help),
                ),
                occurrence_span(ctx, occ),
            ));
        }
        seen.push(occ);
    }
    out
}

rule!(
    VK702, "VK702", "iban-invalid", Error, "ISO 13616 (mod-97-controle); identiteit van de verwerkingsverantwoordelijke",
    what: "Of elk IBAN (in `organisation.iban` en in de teksten) de IBAN-controle doorstaat: het controlegetal (mod 97) en, voor Nederland, 'NL' + 2 cijfers + 4 letters + 10 cijfers.",
    why: "Een IBAN met een typefout is een rekening die niet bestaat of van een ander is. Wie op basis van de verklaring betaalt of de identiteit van de organisatie controleert, wordt op het verkeerde been gezet.",
    bad: "organisation:\n  iban: [NL25RAB00123548020]\n",
    good: "organisation:\n  iban: [NL25RABO0123548020]\n",
    check: vk702,
);

fn vk702(ctx: &Ctx) -> Vec<Found> {
    ctx.memo("identifiers", || identifiers(ctx))
        .iter()
        .filter(|&occ| occ.kind == IdKind::Iban)
        .cloned()
        .filter_map(|occ| {
            let problems = iban_problems(&occ.norm);
            if problems.is_empty() {
                return None;
            }
            let nl = ctx
                .lang
                .and_list(&problems.iter().map(|(nl, _)| nl.clone()).collect::<Vec<_>>());
            let en = ctx
                .lang
                .and_list(&problems.iter().map(|(_, en)| en.clone()).collect::<Vec<_>>());
            let elsewhere = |s: &str| {
                ctx.memo("identifiers", || identifiers(ctx))
                    .iter()
                    .any(|o| o.kind == IdKind::Iban && o.norm == s)
            };
            let help = match iban_suggestion(&occ.norm) {
                // The other spelling in the file is the valid one: one typo, one finding.
                Some(s) if elsewhere(&s) => ctx.t(
                    format!("Elders in de verklaring staat '{s}'; dat IBAN klopt wel. Schrijf het overal zo."),
                    format!("Elsewhere the statement has '{s}'; that IBAN is valid. Write it that way everywhere."),
                ),
                Some(s) => ctx.t(
                    format!("Bedoelt u '{s}'? Dat IBAN klopt wel. Neem het nummer over van uw bankafschrift."),
                    format!("Did you mean '{s}'? That IBAN is valid. Copy the number from your bank statement."),
                ),
                None => ctx.t(
                    "Neem het IBAN letterlijk over van uw bankafschrift.",
                    "Copy the IBAN exactly from your bank statement.",
                ),
            };
            let span = occurrence_span(ctx, &occ);
            Some(with_span(
                Found::new(
                    occ.at.clone(),
                    ctx.t(
                        format!("'{}' is geen geldig IBAN: {nl}.", occ.raw),
                        format!("'{}' is not a valid IBAN: {en}.", occ.raw),
                    ),
                    Some(help),
                ),
                span,
            ))
        })
        .collect()
}

rule!(
    VK703, "VK703", "registration-number-malformed", Warning, "Handelsregisterwet 2007; identiteit van de verwerkingsverantwoordelijke",
    what: "Of het KvK-nummer uit 8 cijfers bestaat en het btw-identificatienummer de vorm 'NL' + 9 cijfers + 'B' + 2 cijfers heeft (punten en spaties tellen niet mee).",
    why: "Met het KvK-nummer kan iedereen in het Handelsregister nagaan welke rechtspersoon verantwoordelijk is. Een nummer met te weinig of te veel cijfers kan niet kloppen.",
    bad: "organisation:\n  kvk: \"1234567\"\n  btw: NL12345678B01\n",
    good: "organisation:\n  kvk: \"12345678\"\n  btw: NL123456789B01\n",
    check: vk703,
);

fn vk703(ctx: &Ctx) -> Vec<Found> {
    static BTW: OnceLock<Regex> = OnceLock::new();
    let btw_ok = re_cs(&BTW, r"^NL\d{9}B\d{2}$");
    let mut out = Vec::new();
    for occ in ctx.memo("identifiers", || identifiers(ctx)).iter().cloned() {
        let (message, help) =
            match occ.kind {
                IdKind::Kvk => {
                    if occ.norm.len() == 8 && occ.norm.bytes().all(|b| b.is_ascii_digit()) {
                        continue;
                    }
                    let digits = occ.norm.bytes().filter(u8::is_ascii_digit).count();
                    (
                        ctx.t(
                            format!("Het KvK-nummer '{}' heeft geen 8 cijfers (maar {digits}).", occ.raw),
                            format!("The KvK number '{}' does not have 8 digits (it has {digits}).", occ.raw),
                        ),
                        ctx.t(
                            "Neem het KvK-nummer over uit het uittreksel van het Handelsregister: 8 cijfers.",
                            "Copy the KvK number from the Trade Register extract: 8 digits.",
                        ),
                    )
                }
                IdKind::Btw => {
                    if btw_ok.is_match(&occ.norm) {
                        continue;
                    }
                    (
                    ctx.t(
                        format!(
                            "Het btw-identificatienummer '{}' heeft niet de vorm NL + 9 cijfers + B + 2 cijfers.",
                            occ.raw
                        ),
                        format!("The VAT number '{}' is not of the form NL + 9 digits + B + 2 digits.", occ.raw),
                    ),
                    ctx.t(
                        "Neem het btw-identificatienummer over van de Belastingdienst, bijvoorbeeld 'NL123456789B01'.",
                        "Copy the VAT number as issued by the Belastingdienst, e.g. 'NL123456789B01'.",
                    ),
                )
                }
                _ => continue,
            };
        let span = occurrence_span(ctx, &occ);
        out.push(with_span(Found::new(occ.at.clone(), message, Some(help)), span));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Web addresses and links
// ---------------------------------------------------------------------------------------------

/// Keys whose whole value is a web address.
const URL_KEYS: &[&str] = &["website", "web_form", "url", "form", "internal_url"];

/// What is wrong with a web address, as (nl, en); `None` when it is a working address.
fn url_problem(url: &str) -> Option<(String, String)> {
    static HOST: OnceLock<Regex> = OnceLock::new();
    let host_re = re(
        &HOST,
        r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?$",
    );
    let url = url.trim();
    if url.chars().any(char::is_whitespace) {
        return Some(("bevat een spatie".into(), "contains a space".into()));
    }
    if let Some(bad) = url
        .chars()
        .find(|c| matches!(c, '"' | '<' | '>' | '\\' | '{' | '}' | '|' | '^' | '`' | ','))
    {
        return Some((
            format!("bevat het teken '{bad}'"),
            format!("contains the character '{bad}'"),
        ));
    }
    let lower = url.to_lowercase();
    // E-mail and phone links, anchors and paths within the same site are not web addresses.
    if lower.starts_with("mailto:") || lower.starts_with("tel:") || lower.starts_with('#') || lower.starts_with('/') {
        return None;
    }
    let rest = match lower.split_once("://") {
        Some(("http" | "https", rest)) => rest,
        Some((scheme, _)) => {
            return Some((
                format!("begint met '{scheme}://' in plaats van 'https://'"),
                format!("starts with '{scheme}://' instead of 'https://'"),
            ));
        }
        None => lower.as_str(),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if !host_re.is_match(host) {
        return Some((
            format!("'{host}' is geen geldige domeinnaam"),
            format!("'{host}' is not a valid domain name"),
        ));
    }
    None
}

/// Web addresses inside a text: markdown link targets, a `www.` name broken by a space, and
/// bare `http(s)://` or `www.` addresses.
fn urls_in_text(text: &str) -> Vec<(Range<usize>, String)> {
    static LINK: OnceLock<Regex> = OnceLock::new();
    static SPACED: OnceLock<Regex> = OnceLock::new();
    static BARE: OnceLock<Regex> = OnceLock::new();
    let link = re(&LINK, r"\]\(([^)\n]*)\)");
    let spaced = re(&SPACED, r"\bwww\.[a-z0-9-]+(?:\s+[a-z0-9-]+)+\.[a-z]{2,}\b");
    let bare = re(&BARE, r#"\b(?:https?://|www\.)[^\s)\]>"'<]+"#);
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    // Most prose holds no address at all: a plain substring test is far cheaper than the regexes.
    if !(text.contains("www") || text.contains("WWW") || text.contains("http") || text.contains("](")) {
        return out;
    }
    let overlaps = |out: &Vec<(Range<usize>, String)>, r: &Range<usize>| {
        out.iter().any(|(o, _)| o.start < r.end && r.start < o.end)
    };
    for c in link.captures_iter(text) {
        if let Some(g) = c.get(1) {
            out.push((g.range(), g.as_str().to_string()));
        }
    }
    for m in spaced.find_iter(text) {
        if !overlaps(&out, &m.range()) {
            out.push((m.range(), m.as_str().to_string()));
        }
    }
    for m in bare.find_iter(text) {
        let trimmed = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let range = m.start()..m.start() + trimmed.len();
        if !overlaps(&out, &range) {
            out.push((range, trimmed.to_string()));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

rule!(
    VK704, "VK704", "url-malformed", Error, "AVG art. 12 lid 1",
    what: "Of webadressen (website, formulier, link naar de verklaring of het klachtenreglement, en adressen in de teksten) werken: geen spaties of ongeldige tekens, en een http(s)-adres of domeinnaam.",
    why: "Een webadres met een spatie of een ongeldig teken werkt niet. Dan is de informatie niet 'gemakkelijk toegankelijk' (AVG art. 12 lid 1), en vindt de lezer het formulier, de website of het document niet.",
    bad: "organisation:\n  contact:\n    website: www.Leef Coachingzorgenwelzijn.nl\n",
    good: "organisation:\n  contact:\n    website: https://www.leefcoachingzorgenwelzijn.nl\n",
    check: vk704,
);

fn vk704(ctx: &Ctx) -> Vec<Found> {
    let help = |url: &str| {
        let compact: String = url.split_whitespace().collect::<String>().to_lowercase();
        ctx.t(
            format!(
                "Schrijf het adres zonder spaties en met alleen geldige tekens, bijvoorbeeld 'https://{}'.",
                compact.trim_start_matches("https://").trim_start_matches("http://")
            ),
            format!(
                "Write the address without spaces and with valid characters only, e.g. 'https://{}'.",
                compact.trim_start_matches("https://").trim_start_matches("http://")
            ),
        )
    };
    // One finding per malformed address: the same broken URL repeated in five places is one
    // defect. The first place is reported, with the number of places.
    let mut out: Vec<(String, Found)> = Vec::new();
    for (at, value) in strings(ctx) {
        let last = at.last().unwrap_or_default();
        let is_url_field =
            URL_KEYS.contains(&last.as_str()) || at.parent().is_some_and(|p| p.last().as_deref() == Some("websites"));
        if is_url_field {
            if let Some((nl, en)) = url_problem(value) {
                out.push((
                    value.to_string(),
                    Found::new(
                        at.clone(),
                        ctx.t(
                            format!("Het webadres '{value}' {nl} en werkt niet."),
                            format!("The web address '{value}' {en} and does not work."),
                        ),
                        Some(help(value)),
                    ),
                ));
            }
            continue;
        }
        if !is_free_text(at) {
            continue;
        }
        for (range, url) in urls_in_text(value) {
            let Some((nl, en)) = url_problem(&url) else { continue };
            out.push((
                url.clone(),
                Found::new(
                    at.clone(),
                    ctx.t(
                        format!("Het webadres '{url}' {nl} en werkt niet."),
                        format!("The web address '{url}' {en} and does not work."),
                    ),
                    Some(help(&url)),
                )
                .with_span(ctx.occurrence_span(at, value, range)),
            ));
        }
    }
    let mut kept: Vec<(String, Found, usize)> = Vec::new();
    for (url, found) in out {
        match kept.iter_mut().find(|(u, _, _)| *u == url) {
            Some(entry) => entry.2 += 1,
            None => kept.push((url, found, 1)),
        }
    }
    kept.into_iter()
        .map(|(_, mut found, n)| {
            if n > 1 {
                found.message.push_str(&ctx.t(
                    format!(" Dit adres staat {n} keer in de verklaring."),
                    format!(" This address occurs {n} times in the statement."),
                ));
            }
            found
        })
        .collect()
}

/// Sources a link can name or point to (docs/legal/rules-catalogue.md §1 VK705 known map).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkSource {
    Avg,
    Uavg,
    Wabvpz,
    Ap,
}

impl LinkSource {
    fn name(self, ctx: &Ctx) -> String {
        match self {
            LinkSource::Avg => ctx.t(
                "de AVG (Verordening (EU) 2016/679)",
                "the GDPR (Regulation (EU) 2016/679)",
            ),
            LinkSource::Uavg => ctx.t(
                "de Uitvoeringswet AVG (BWBR0040940)",
                "the Dutch GDPR Implementation Act (UAVG, BWBR0040940)",
            ),
            LinkSource::Wabvpz => ctx.t(
                "de Wabvpz, de wet over het BSN in de zorg (BWBR0023864)",
                "the Wabvpz, the act on the BSN in care (BWBR0023864)",
            ),
            LinkSource::Ap => ctx.t(
                "de website van de Autoriteit Persoonsgegevens",
                "the website of the Autoriteit Persoonsgegevens",
            ),
        }
    }

    fn address(self) -> &'static str {
        match self {
            LinkSource::Avg => "https://eur-lex.europa.eu/eli/reg/2016/679/oj?locale=nl",
            LinkSource::Uavg => "https://wetten.overheid.nl/BWBR0040940",
            LinkSource::Wabvpz => "https://wetten.overheid.nl/BWBR0023864",
            LinkSource::Ap => "https://www.autoriteitpersoonsgegevens.nl",
        }
    }
}

/// What a URL points to, by the known map.
fn url_source(url: &str) -> Option<LinkSource> {
    let u = url.to_lowercase();
    if u.contains("bwbr0040940") {
        Some(LinkSource::Uavg)
    } else if u.contains("bwbr0023864") {
        Some(LinkSource::Wabvpz)
    } else if u.contains("eli/reg/2016/679")
        || u.contains("32016r0679")
        || u.contains("2016_-_679")
        || u.contains("2016-679")
        || u.contains("2016/679")
    {
        Some(LinkSource::Avg)
    } else if u.contains("autoriteitpersoonsgegevens.nl") {
        Some(LinkSource::Ap)
    } else {
        None
    }
}

/// The sources a link label names.
fn label_sources(label: &str) -> Vec<LinkSource> {
    static UAVG: OnceLock<Regex> = OnceLock::new();
    static AVG: OnceLock<Regex> = OnceLock::new();
    static WABVPZ: OnceLock<Regex> = OnceLock::new();
    static AP: OnceLock<Regex> = OnceLock::new();
    let uavg = re(
        &UAVG,
        r"\bUAVG\b|\buitvoeringswet\s+(AVG|algemene\s+verordening\s+gegevensbescherming)\b",
    );
    let avg = re(
        &AVG,
        r"\bAVG\b|\balgemene\s+verordening\s+gegevensbescherming\b|\bGDPR\b|\b2016/679\b",
    );
    let wabvpz = re(
        &WABVPZ,
        r"\bwabvpz\b|\bwet\s+aanvullende\s+bepalingen\b|\bwbsn-?z\b|\bburgerservicenummer\s+in\s+de\s+zorg\b",
    );
    let ap = re(&AP, r"\bautoriteit\s+persoonsgegevens\b|\bAP\b");
    let mut out = Vec::new();
    let rest = uavg.replace_all(label, " ");
    if uavg.is_match(label) {
        out.push(LinkSource::Uavg);
    }
    if avg.is_match(&rest) {
        out.push(LinkSource::Avg);
    }
    if wabvpz.is_match(label) {
        out.push(LinkSource::Wabvpz);
    }
    if ap.is_match(label) {
        out.push(LinkSource::Ap);
    }
    out
}

rule!(
    VK705, "VK705", "link-label-mismatch", Warning, "AVG art. 12 lid 1",
    what: "Of de tekst van een link iets anders noemt dan waar de link naartoe gaat, volgens een vaste lijst: wetten.overheid.nl/BWBR0040940 is de Uitvoeringswet AVG (niet de AVG), eur-lex.europa.eu/eli/reg/2016/679 is de AVG, BWBR0023864 is de Wabvpz.",
    why: "Een lezer die op 'Tekst van de AVG' klikt en de Uitvoeringswet krijgt, vindt zijn rechten niet. De informatie moet juist en gemakkelijk toegankelijk zijn (AVG art. 12 lid 1).",
    bad: "  body: \"[Tekst van de AVG](https://wetten.overheid.nl/BWBR0040940)\"\n",
    good: "  body: \"[Tekst van de AVG](https://eur-lex.europa.eu/eli/reg/2016/679/oj?locale=nl)\"\n",
    check: vk705,
);

fn vk705(ctx: &Ctx) -> Vec<Found> {
    static LINK: OnceLock<Regex> = OnceLock::new();
    let link = re(&LINK, r"\[([^\]\n]+)\]\(([^)\s]+)\)");
    let mut out = Vec::new();
    for (at, text) in texts(ctx) {
        for c in link.captures_iter(text) {
            let (Some(whole), Some(label), Some(url)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let Some(target) = url_source(url.as_str()) else {
                continue;
            };
            let named = label_sources(label.as_str());
            let Some(&intended) = named.first() else { continue };
            if named.contains(&target) {
                continue;
            }
            out.push(
                Found::new(
                    at.clone(),
                    ctx.t(
                        format!(
                            "De link '{}' verwijst naar {}, niet naar {}.",
                            label.as_str(),
                            target.name(ctx),
                            intended.name(ctx)
                        ),
                        format!(
                            "The link '{}' points to {}, not to {}.",
                            label.as_str(),
                            target.name(ctx),
                            intended.name(ctx)
                        ),
                    ),
                    Some(ctx.t(
                        format!("Laat de link naar {} gaan: {}.", intended.name(ctx), intended.address()),
                        format!("Point the link to {}: {}.", intended.name(ctx), intended.address()),
                    )),
                )
                .with_span(ctx.occurrence_span(at, text, whole.range())),
            );
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// References to sections, dates and other documents
// ---------------------------------------------------------------------------------------------

rule!(
    VK706, "VK706", "cross-reference-broken", Error, "AVG art. 12 lid 1",
    what: "Of de tekst verwijst naar een genummerd artikel van het eigen reglement ('artikel 11 van dit privacyreglement', 'het vorige artikel'), of naar een datum of versie ('de datum hierboven') die de verklaring niet heeft. Een verwijzing binnen de eigen tekst ('het eerste lid van dit artikel') is geldig: die tekst blijft bij elkaar.",
    why: "De verklaring is ingedeeld in hoofdstukken met een titel, niet in genummerde artikelen. Een verwijzing naar een artikelnummer of een datum die de lezer niet kan vinden, maakt de informatie onbegrijpelijk (AVG art. 12 lid 1).",
    bad: "statement:\n  change_policy: Kijk altijd naar de datum hierboven.\n# geen effective_date of version\n",
    good: "statement:\n  effective_date: 2025-03-01\n  change_policy: Kijk altijd naar de datum hierboven.\n",
    check: vk706,
);

fn vk706(ctx: &Ctx) -> Vec<Found> {
    static DATE_REF: OnceLock<Regex> = OnceLock::new();
    static OWN_ARTICLE: OnceLock<Regex> = OnceLock::new();
    static THIS_ARTICLE: OnceLock<Regex> = OnceLock::new();
    let date_ref = re(
        &DATE_REF,
        r"\b(de|het)\s+(datum|versiedatum|wijzigingsdatum|versie|versienummer)\s+(hierboven|hieronder|bovenaan|onderaan)\b|\b(boven|onder)staande\s+(datum|versiedatum|versie|versienummer)\b",
    );
    let own_article = re(
        &OWN_ARTICLE,
        r"\b(artikel|art\.|hoofdstuk|paragraaf)\s*\d+[a-z]?(\s+(lid|sub)\s+\w+)*\s+(van|uit|in)\s+(dit|deze)\s+(privacy)?(reglement|verklaring|statement|document|regeling)\b",
    );
    let this_article = re(&THIS_ARTICLE, r"\b(het\s+)?(vorige|volgende|voorgaande)\s+artikel\b");
    let meta = &ctx.org.statement;
    let has_date = meta.effective_date.is_some() || meta.version_label.is_some();
    let has_version = meta.version.is_some() || meta.version_label.is_some();
    static MENTIONS: OnceLock<Regex> = OnceLock::new();
    // One fast pass to skip texts that mention no date, version or article at all.
    let mentions = re(&MENTIONS, r"datum|versie|artikel|art\.|hoofdstuk|paragraaf");
    let mut out = Vec::new();
    for (at, text) in texts(ctx).filter(|(_, t)| mentions.is_match(t)) {
        for c in date_ref.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            let about_version =
                m.as_str().to_lowercase().contains("versie") && !m.as_str().to_lowercase().contains("datum");
            if (about_version && has_version) || (!about_version && has_date) {
                continue;
            }
            let (nl, en) = if about_version {
                ("versienummer", "version number")
            } else {
                ("datum", "date")
            };
            out.push(
                Found::new(
                    at.clone(),
                    ctx.t(
                        format!("U verwijst naar '{}', maar de verklaring heeft geen {nl}.", m.as_str()),
                        format!("You refer to '{}', but the statement has no {en}.", m.as_str()),
                    ),
                    Some(ctx.t(
                        "Vul `statement.effective_date` (en `statement.version`) in, of schrap de verwijzing.",
                        "Fill in `statement.effective_date` (and `statement.version`), or remove the reference.",
                    )),
                )
                .with_span(ctx.occurrence_span(at, text, m.range())),
            );
        }
        let custom = at.as_str().starts_with("/custom_sections");
        let mut matches: Vec<Range<usize>> = own_article.find_iter(text).map(|m| m.range()).collect();
        // "Het vorige artikel" in a custom section may mean the chapter before it; elsewhere
        // the text stands in a chapter of its own. "Dit artikel" always means the text's own
        // article and stays valid wherever the text goes.
        if !custom {
            matches.extend(this_article.find_iter(text).map(|m| m.range()));
        }
        matches.sort_by_key(|r| r.start);
        for range in matches {
            let quoted = &text[range.clone()];
            out.push(
                Found::new(
                    at.clone(),
                    ctx.t(
                        format!(
                            "U verwijst naar '{quoted}', maar de verklaring heeft geen genummerde artikelen: de lezer kan niet vinden wat er bedoeld wordt."
                        ),
                        format!(
                            "You refer to '{quoted}', but the statement has no numbered articles: the reader cannot find what is meant."
                        ),
                    ),
                    Some(ctx.t(
                        "Schrijf hier zelf wat er bedoeld wordt, of noem het hoofdstuk bij zijn titel (bijvoorbeeld 'Hoe lang bewaren wij uw gegevens?').",
                        "Write out here what is meant, or name the chapter by its title (e.g. 'How long do we keep your data?').",
                    )),
                )
                .with_span(ctx.occurrence_span(at, text, range)),
            );
        }
    }
    out
}

rule!(
    VK707, "VK707", "external-document-unavailable", Warning, "AVG art. 12 lid 1; WP260 punt 35–38 (gelaagde aanpak)",
    what: "Of de tekst voor informatie verwijst naar een ander document (klachtenreglement, klachtenprocedure, Algemene Voorwaarden, privacybeleid, dienstomschrijving, cookiebeleid) zonder link of zonder te zeggen hoe iemand het krijgt.",
    why: "U mag informatie over meerdere lagen verdelen (WP260 punt 35–38), maar alleen als de lezer de andere laag direct kan vinden. Een document dat nergens te vinden is, maakt de informatie niet 'gemakkelijk toegankelijk' (AVG art. 12 lid 1).",
    bad: "complaints:\n  internal: Wij behandelen klachten volgens ons klachtenreglement.\n",
    good: "complaints:\n  internal: Wij behandelen klachten volgens ons klachtenreglement.\n  internal_url: https://www.voorbeeld.example/klachten\n",
    check: vk707,
);

fn vk707(ctx: &Ctx) -> Vec<Found> {
    static DOC: OnceLock<Regex> = OnceLock::new();
    static WAY: OnceLock<Regex> = OnceLock::new();
    static SELF: OnceLock<Regex> = OnceLock::new();
    let doc = re(
        &DOC,
        r"\b(klachtenreglement|klachtenregeling|klachtenprocedure|algemene\s+(leverings|betalings)?voorwaarden|privacybeleid|privacyreglement|cookiebeleid|cookieverklaring|cookiestatement|dienstomschrijving)\b",
    );
    let way = re(
        &WAY,
        r"https?://|\bwww\.|\]\(|\bop\s+(uw\s+|je\s+)?verzoek\b|\bopvragen\b|\bvraag\s+\w+\s+(op|aan)\b|\b(sturen|mailen)\s+wij\b|\btoegestuurd\b|\bte\s+vinden\s+(op|via|in|bij)\b|\bstaat\s+op\s+(onze|de)\s+website\b|\bdownloaden\b|\bals\s+bijlage\b|\bbijgevoegd\b|\bte\s+downloaden\b",
    );
    let this = re(&SELF, r"\b(dit|deze|dit\s+huidige)\s+$");
    let title = ctx.org.statement.title.as_deref().unwrap_or("").to_lowercase();
    let has_complaint_url = ctx.org.complaints.as_ref().is_some_and(|c| c.internal_url.is_some());
    let mut out = Vec::new();
    for (at, text) in texts(ctx) {
        // `scope.excluded` names the people this statement is not for ("voor medewerkers geldt
        // ons privacybeleid"): nothing art. 13 owes this statement's readers is delegated.
        if way.is_match(text) || at.as_str().starts_with("/scope/excluded") {
            continue;
        }
        let mut reported: Vec<String> = Vec::new();
        for m in doc.find_iter(text) {
            let word = m
                .as_str()
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // The statement naming itself ("dit privacyreglement").
            if this.is_match(&text[..m.start()]) || (!title.is_empty() && title.contains(&word)) {
                continue;
            }
            if word.starts_with("klachten") && has_complaint_url {
                continue;
            }
            if reported.contains(&word) {
                continue;
            }
            reported.push(word.clone());
            out.push(
                Found::new(
                    at.clone(),
                    ctx.t(
                        format!(
                            "U verwijst naar '{}', maar zegt niet waar dat te vinden is.",
                            m.as_str()
                        ),
                        format!("You refer to '{}' but do not say where to find it.", m.as_str()),
                    ),
                    Some(if word.starts_with("klachten") {
                        ctx.t(
                            "Zet de link in `complaints.internal_url`, of vertel hoe iemand het krijgt, bijvoorbeeld 'U kunt het opvragen via privacy@…'.",
                            "Put the link in `complaints.internal_url`, or say how to get it, e.g. 'You can request it via privacy@…'.",
                        )
                    } else {
                        ctx.t(
                            "Voeg een link toe of vertel hoe iemand het krijgt, bijvoorbeeld 'U kunt het opvragen via privacy@…'. Of schrijf de informatie hier zelf op.",
                            "Add a link or say how to get it, e.g. 'You can request it via privacy@…'. Or write the information out here.",
                        )
                    }),
                )
                .with_span(ctx.occurrence_span(at, text, m.range())),
            );
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Contradictions
// ---------------------------------------------------------------------------------------------

rule!(
    VK708, "VK708", "statement-contradiction", Warning, "AVG art. 5 lid 1 sub a; art. 12 lid 1",
    what: "Of het model twee feiten bevat die elkaar uitsluiten: 'geen toestemming nodig' bij een doel op grond van toestemming; een doorgifte terwijl een tekst zegt dat er geen is; 'geen tracking cookies' met een tracking cookie; 'geldt niet voor medewerkers' met gegevens van medewerkers.",
    why: "Tegenstrijdige informatie is niet transparant (AVG art. 5 lid 1 sub a; art. 12 lid 1): de lezer weet niet welke uitspraak klopt, en de organisatie kan zich op geen van beide beroepen.",
    bad: "cookies:\n  consent: Wij plaatsen geen tracking cookies.\n  items:\n    - { name: _ga, provider: Google, kind: tracking, purpose: Volgt bezoekers., retention: P2Y }\n",
    good: "cookies:\n  consent: Wij plaatsen geen tracking cookies.\n  items:\n    - { name: sessie, provider: Praktijk De Linde, kind: functional, purpose: Houdt het formulier werkend., retention: PT2H }\n",
    check: vk708,
);

fn vk708(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    no_consent_needed_but_consent(ctx, &mut out);
    transfer_denied_in_text(ctx, &mut out);
    cookies_denied_but_listed(ctx, &mut out);
    employees_excluded_but_processed(ctx, &mut out);
    out
}

/// "Geen toestemming nodig", "toestemming is niet vereist" and the like.
fn consent_not_needed() -> &'static Regex {
    static NOT_NEEDED: OnceLock<Regex> = OnceLock::new();
    re(
        &NOT_NEEDED,
        r"\bgeen\s+(\w+\s+){0,3}toestemming\s+(\w+\s+){0,3}(nodig|vereist|verplicht)\b|\btoestemming\s+(\w+\s+){0,4}(is\s+)?niet\s+(nodig|vereist|verplicht)\b|\bhoeft\s+(u|je|jij)\s+geen\s+toestemming\b|\bzonder\s+dat\s+(wij\s+)?(uw|jouw|je)\s+toestemming\s+(nodig\s+is|hoeven)",
    )
}

/// A purpose or recipient whose own text says no consent is needed, while the model says
/// consent is the basis (`legal_basis: consent`, `explicit_consent`, `consent_required`).
fn no_consent_needed_but_consent(ctx: &Ctx, out: &mut Vec<Found>) {
    let not_needed = consent_not_needed();
    for (i, r) in ctx.org.recipients.iter().flatten().enumerate() {
        if !r.consent_required {
            continue;
        }
        let Some(m) = r.description.as_deref().and_then(|d| not_needed.find(d)) else {
            continue;
        };
        let at = Pointer::root().key("recipients").index(i).key("description");
        out.push(
            Found::new(
                at.clone(),
                ctx.t(
                    format!(
                        "Bij '{}' schrijft u '{}', maar volgens `consent_required` deelt u alleen met toestemming. Kies wat klopt.",
                        r.name,
                        m.as_str()
                    ),
                    format!(
                        "For '{}' you write '{}', but `consent_required` says you share only with consent. Choose what is true.",
                        r.name,
                        m.as_str()
                    ),
                ),
                Some(ctx.t(
                    "Vraagt u echt toestemming, schrap dan de zin. Is die niet nodig, zet `consent_required` op false en noem de wet in `statute`.",
                    "If you really ask for consent, remove the sentence. If it is not needed, set `consent_required` to false and name the act in `statute`.",
                )),
            )
            .with_span(quote_span(ctx, &at, m.as_str())),
        );
    }
    for (i, p) in ctx.org.purposes.iter().enumerate() {
        let consent = p.legal_basis == Some(LegalBasis::Consent)
            || p.special_category_condition == Some(SpecialCategoryCondition::ExplicitConsent);
        if !consent {
            continue;
        }
        for (key, text) in [("description", Some(&p.description)), ("details", p.details.as_ref())] {
            let Some(text) = text else { continue };
            let Some(m) = not_needed.find(text) else { continue };
            let at = ctx.purpose(i).key(key);
            let basis_at = if p.legal_basis == Some(LegalBasis::Consent) {
                "legal_basis"
            } else {
                "special_category_condition"
            };
            out.push(
                Found::new(
                    at.clone(),
                    ctx.t(
                        format!(
                            "Bij '{}' schrijft u '{}', maar de grond is toestemming (`{basis_at}`). Kies wat klopt.",
                            p.description,
                            m.as_str()
                        ),
                        format!(
                            "For '{}' you write '{}', but the basis is consent (`{basis_at}`). Choose what is true.",
                            p.description,
                            m.as_str()
                        ),
                    ),
                    Some(ctx.t(
                        "Vraagt u echt toestemming, schrap dan de zin. Is toestemming niet nodig, kies dan de grond die wel geldt (bijvoorbeeld `legal_obligation` met de wet in `statute`).",
                        "If you really ask for consent, remove the sentence. If consent is not needed, choose the basis that applies (e.g. `legal_obligation` with the act in `statute`).",
                    )),
                )
                .with_span(quote_span(ctx, &at, m.as_str())),
            );
            break;
        }
    }
}

/// A transfer entry that is not merely possible, while a text says data never leave the EEA.
fn transfer_denied_in_text(ctx: &Ctx, out: &mut Vec<Found>) {
    static DENIED: OnceLock<Regex> = OnceLock::new();
    let Some(transfers) = &ctx.org.transfers else { return };
    let Some(actual) = transfers.iter().position(|t| !t.possible) else {
        return;
    };
    let denied = re(
        &DENIED,
        r"\b(geven|delen|sturen|verstrekken|brengen)\s+(\w+\s+){0,4}(nooit|niet)\s+(\w+\s+){0,4}(door\s+)?(aan|naar|met|in)\s+(\w+\s+){0,2}(landen\s+)?buiten\s+de\s+(EER|EU\b|Europese)|\bgeen\s+doorgifte\b|\bgeen\s+(persoons)?gegevens\s+(\w+\s+){0,3}buiten\s+de\s+(EER|EU\b|Europese)",
    );
    for (at, text) in texts(ctx) {
        if at.as_str().starts_with("/transfers") {
            continue;
        }
        if text.to_lowercase().contains("in beginsel") {
            continue;
        }
        let Some(m) = denied.find(text) else { continue };
        out.push(
            Found::new(
                at.clone(),
                ctx.t(
                    format!(
                        "U schrijft '{}', maar `transfers` noemt een doorgifte buiten de EER (transfers[{actual}]).",
                        m.as_str()
                    ),
                    format!(
                        "You write '{}', but `transfers` lists a transfer outside the EEA (transfers[{actual}]).",
                        m.as_str()
                    ),
                ),
                Some(ctx.t(
                    "Schrap de zin als er wel doorgifte is, of verwijder de doorgifte uit `transfers` als die er niet is.",
                    "Remove the sentence if there is a transfer, or remove the transfer from `transfers` if there is none.",
                )),
            )
            .with_span(quote_span(ctx, at, m.as_str())),
        );
    }
}

/// Which cookie kinds a sentence rules out.
type KindTest = fn(CookieKind) -> bool;

/// "Geen tracking cookies" or "alleen functionele cookies" while the list has such a cookie.
fn cookies_denied_but_listed(ctx: &Ctx, out: &mut Vec<Found>) {
    static NO_TRACKING: OnceLock<Regex> = OnceLock::new();
    static NO_ADS: OnceLock<Regex> = OnceLock::new();
    static ONLY_EXEMPT: OnceLock<Regex> = OnceLock::new();
    let Some(c) = &ctx.org.cookies else { return };
    let no_tracking = re(
        &NO_TRACKING,
        r"\bgeen\s+(\w+\s+){0,2}tracking[- ]?cookies\b|\bgeen\s+(\w+\s+){0,2}volgcookies\b",
    );
    let no_ads = re(
        &NO_ADS,
        r"\bgeen\s+(\w+\s+){0,2}(advertentie|marketing|reclame)[- ]?cookies\b",
    );
    let only_exempt = re(
        &ONLY_EXEMPT,
        r"\b(alleen|uitsluitend|enkel)\s+functionele(\s+en\s+(privacyvriendelijke\s+)?analytische)?\s+cookies\b",
    );
    for (key, text) in [("consent", &c.consent), ("description", &c.description)] {
        let Some(text) = text else { continue };
        let at = Pointer::root().key("cookies").key(key);
        let checks: [(Option<regex::Match>, KindTest); 3] = [
            (no_tracking.find(text), |k| k == CookieKind::Tracking),
            (no_ads.find(text), |k| k == CookieKind::Advertising),
            (only_exempt.find(text), |k| !k.exempt_from_consent()),
        ];
        for (m, contradicts) in checks {
            let Some(m) = m else { continue };
            let Some((i, item)) = c.items.iter().enumerate().find(|(_, it)| contradicts(it.kind)) else {
                continue;
            };
            out.push(
                Found::new(
                    at.clone(),
                    ctx.t(
                        format!(
                            "U schrijft '{}', maar de lijst noemt de cookie '{}' (cookies.items[{i}]) met soort '{}'.",
                            m.as_str(),
                            item.name,
                            kind_nl(item.kind)
                        ),
                        format!(
                            "You write '{}', but the list names the cookie '{}' (cookies.items[{i}]) of kind '{}'.",
                            m.as_str(),
                            item.name,
                            kind_en(item.kind)
                        ),
                    ),
                    Some(ctx.t(
                        "Pas de zin of de lijst (`kind`) aan, zodat ze hetzelfde zeggen.",
                        "Change the sentence or the list (`kind`) so they say the same.",
                    )),
                )
                .with_span(quote_span(ctx, &at, m.as_str())),
            );
        }
    }
}

/// "Deze verklaring geldt niet voor medewerkers" while the model holds employees' data.
fn employees_excluded_but_processed(ctx: &Ctx, out: &mut Vec<Found>) {
    static EXCLUDED: OnceLock<Regex> = OnceLock::new();
    static EMPLOYEES: OnceLock<Regex> = OnceLock::new();
    static OTHERS: OnceLock<Regex> = OnceLock::new();
    let Some(excluded) = ctx.org.scope.as_ref().and_then(|s| s.excluded.as_deref()) else {
        return;
    };
    let pattern = re(
        &EXCLUDED,
        r"\b(geldt|gelden|is|zijn)\s+niet\s+(van\s+toepassing\s+)?(voor|op)\s+(de\s+|onze\s+|haar\s+|zijn\s+)?(eigen\s+)?medewerkers\b|\bmet\s+uitzondering\s+van\s+(de\s+|onze\s+|haar\s+|zijn\s+)?(eigen\s+)?medewerkers\b",
    );
    let Some(m) = pattern.find(excluded) else { return };
    let employees = re(&EMPLOYEES, r"\bmedewerkers?\b|\bpersoneel|\bwerknemers?\b");
    let others = re(
        &OTHERS,
        r"(?i)\bzzp[\x{2019}']?ers?\b|\bopdrachtnemers?\b|\bfreelancers?\b|\bstagiair(e|es|s)?\b|\bvrijwilligers?\b|\bsollicitanten?\b|\buitzendkrachten?\b|\bzelfstandigen\b",
    );
    let mut hits: Vec<(Pointer, String)> = Vec::new();
    for (i, s) in ctx.org.data_subjects.iter().enumerate() {
        if s.employees {
            hits.push((Pointer::root().key("data_subjects").index(i), s.name.clone()));
        }
    }
    if let Some(retention) = &ctx.org.retention {
        for (i, e) in retention.schedule.iter().enumerate() {
            // "gegevens van medewerkers en zzp'ers": the term also covers people the statement
            // is for (contractors, applicants, volunteers), so it belongs in the statement.
            let others_in_scope = others
                .find_iter(&e.records)
                .any(|o| !excluded.to_lowercase().contains(&o.as_str().to_lowercase()));
            if employees.is_match(&e.records) && !others_in_scope {
                hits.push((
                    Pointer::root().key("retention").key("schedule").index(i).key("records"),
                    e.records.clone(),
                ));
            }
        }
    }
    for (at, name) in hits {
        out.push(Found::new(
            at,
            ctx.t(
                format!(
                    "Volgens `scope.excluded` geldt de verklaring niet voor medewerkers ('{}'), maar hier staat '{name}'.",
                    m.as_str()
                ),
                format!(
                    "According to `scope.excluded` the statement does not cover employees ('{}'), but here it lists '{name}'.",
                    m.as_str()
                ),
            ),
            Some(ctx.t(
                "Haal de gegevens van medewerkers uit deze verklaring (en zet ze in de verklaring voor medewerkers), of pas `scope.excluded` aan.",
                "Move the employees' data out of this statement (into the statement for employees), or change `scope.excluded`.",
            )),
        ));
    }
}

/// The rules of this family, in code order.
pub const RULES: &[Rule] = &[VK701, VK702, VK703, VK704, VK705, VK706, VK707, VK708];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iban_check() {
        assert!(iban_problems("NL25RABO0123548020").is_empty());
        assert!(iban_problems("NL13TEST0123456789").is_empty());
        assert!(iban_problems("NL91ABNA0417164300").is_empty());
        let problems = iban_problems("NL25RAB00123548020");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            iban_suggestion("NL25RAB00123548020").as_deref(),
            Some("NL25RABO0123548020")
        );
        assert!(!iban_problems("NL25RABO012354802").is_empty());
    }

    #[test]
    fn iban_tokens_in_text() {
        let found = iban_tokens("Ons IBAN is NL25 RABO 0123 5480 20 en ons btw-nummer NL800799938B01.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "NL25 RABO 0123 5480 20");
    }

    #[test]
    fn normalising() {
        assert_eq!(normalise(IdKind::Btw, "NL8007.99.938.B.01"), "NL800799938B01");
        assert_eq!(normalise(IdKind::Phone, "+31 (0)73 - 689 07 90"), "0736890790");
        assert_eq!(normalise(IdKind::Phone, "073 - 689 07 90"), "0736890790");
        // An IBAN typo is VK702's finding, not a second spelling of the same identifier.
        assert!(!same_identifier(
            IdKind::Iban,
            "NL25RAB00123548020",
            "NL25RABO0123548020"
        ));
        assert!(!same_identifier(IdKind::Phone, "0736890790", "0736890791"));
        assert!(same_identifier(IdKind::Phone, "0736890790", "073689070"));
    }

    #[test]
    fn urls() {
        assert!(url_problem("www.Leef Coachingzorgenwelzijn.nl").is_some());
        assert!(url_problem("https://www.voorbeeldpraktijk.example/contact").is_none());
        assert!(url_problem("www.levgroep.nl").is_none());
        assert!(url_problem("htps://www.levgroep.nl").is_some());
        let found = urls_in_text("Bezoek www.Leef Coachingzorgenwelzijn.nl of www.cbpweb.nl.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, "www.Leef Coachingzorgenwelzijn.nl");
        assert_eq!(found[1].1, "www.cbpweb.nl");
    }

    #[test]
    fn consent_not_needed_phrases() {
        let re = consent_not_needed();
        assert!(
            re.is_match("Voor deze verwerkingen is op grond van de wet geen afzonderlijke toestemming van jou nodig.")
        );
        assert!(re.is_match("Voor dit laatste is expliciete schriftelijke toestemming van de patiënt niet nodig."));
        assert!(!re.is_match("Dat doen wij nooit zonder jouw uitdrukkelijke toestemming."));
        assert!(!re.is_match("Voor het gebruik van foto's vragen we schriftelijke toestemming."));
    }

    #[test]
    fn link_sources() {
        assert_eq!(
            url_source("https://wetten.overheid.nl/BWBR0040940/2018-05-25"),
            Some(LinkSource::Uavg)
        );
        assert_eq!(
            label_sources("Tekst van de Algemene Verordening Gegevensbescherming"),
            vec![LinkSource::Avg]
        );
        assert_eq!(label_sources("Uitvoeringswet AVG"), vec![LinkSource::Uavg]);
        assert_eq!(
            label_sources("De website over de Wet gebruik Burgerservicenummer in de zorg"),
            vec![LinkSource::Wabvpz]
        );
    }
}
