//! One test per loader error kind (L001–L020): the code, the primary line and column, the key
//! parts of the message and a snapshot of the human report (Dutch, and English for L003, L004,
//! L008 and L010). Plus: all errors of a file at once and in source order, BOM and CRLF input,
//! and several files with their own errors.
//!
//! Inputs are loaded with `load_bytes` under a fixed display path (`fixtures/…`), so the
//! snapshots never contain a temporary or absolute path.

use std::ops::Range;

mod common;

use verklaar::diagnostics::{Rendered, render_human};
use verklaar::i18n::Lang;
use verklaar::model::load::{LoadFailure, Loaded, MAX_FILE_BYTES, load_bytes, load_file};
use verklaar::model::vocab::Severity;

/// The smallest file that loads: every later input is this with one thing wrong.
const MINIMAL: &str = "schema_version: 1\norganisation:\n  name: Praktijk X\nstatement: {}\n";

/// Loads `src` as `fixtures/<name>.yaml` and expects it to fail.
fn fail(name: &str, src: &[u8]) -> LoadFailure {
    match load_bytes(format!("fixtures/{name}.yaml"), src) {
        Ok(_) => panic!("fixtures/{name}.yaml loaded, but it should not"),
        Err(failure) => {
            assert!(!failure.diagnostics.is_empty(), "a failure without diagnostics");
            failure
        }
    }
}

/// Loads `src` as `fixtures/<name>.yaml` and expects it to succeed.
fn load_ok(name: &str, src: &[u8]) -> Loaded {
    match load_bytes(format!("fixtures/{name}.yaml"), src) {
        Ok(loaded) => loaded,
        Err(failure) => panic!(
            "fixtures/{name}.yaml does not load:\n{}",
            render_human(&rendered(&failure, Lang::En), false, 100)
        ),
    }
}

fn rendered(failure: &LoadFailure, lang: Lang) -> Vec<Rendered> {
    failure
        .diagnostics
        .iter()
        .map(|d| d.render(&failure.file, lang))
        .collect()
}

/// The human report as the CLI prints it (no colour, 100 columns).
fn report(failure: &LoadFailure, lang: Lang) -> String {
    render_human(&rendered(failure, lang), false, 100)
}

fn codes(failure: &LoadFailure) -> Vec<&'static str> {
    failure.diagnostics.iter().map(|d| d.code()).collect()
}

/// The only diagnostic of the failure, which must have `code`.
fn single(failure: &LoadFailure, code: &str, lang: Lang) -> Rendered {
    assert_eq!(codes(failure), [code], "{}", report(failure, lang));
    failure.diagnostics[0].render(&failure.file, lang)
}

/// The first diagnostic with `code`.
fn first(failure: &LoadFailure, code: &str, lang: Lang) -> Rendered {
    let d = failure
        .diagnostics
        .iter()
        .find(|d| d.code() == code)
        .unwrap_or_else(|| panic!("no {code} among {:?}:\n{}", codes(failure), report(failure, lang)));
    d.render(&failure.file, lang)
}

/// Line and column of the start of a label's range.
fn label_at(r: &Rendered, index: usize) -> (usize, usize) {
    let (range, _): &(Range<usize>, String) = &r.labels[index];
    r.file.line_col(range.start)
}

/// 1-based line and column.
type Pos = (usize, usize);

fn assert_contains(haystack: &str, needle: &str) {
    assert!(haystack.contains(needle), "expected {needle:?} in:\n{haystack}");
}

fn help(r: &Rendered) -> &str {
    r.help.as_deref().unwrap_or_else(|| panic!("{} has no help", r.code))
}

#[test]
fn minimal_file_loads() {
    let loaded = load_ok("minimal", MINIMAL.as_bytes());
    assert_eq!(loaded.org.organisation.name, "Praktijk X");
    assert_eq!(loaded.org.schema_version, 1);
}

#[test]
fn l001_yaml_syntax() {
    // `kvk` indented one space more than `name`: the classic indentation mistake.
    let src = "schema_version: 1\norganisation:\n  name: Praktijk X\n   kvk: \"12345678\"\nstatement: {}\n";
    let failure = fail("l001", src.as_bytes());
    let r = single(&failure, "L001", Lang::Nl);
    assert_eq!(r.line_col(), (4, 7));
    assert_contains(&r.message, "Dit is geen geldige YAML: ");
    assert_eq!(r.labels[0].1, "hier loopt het lezen vast");
    assert_contains(help(&r), "inspringing");
    insta::assert_snapshot!("l001_syntax_nl", report(&failure, Lang::Nl));
}

#[test]
fn l001_tab_indentation() {
    let src = "schema_version: 1\norganisation:\n\tname: Praktijk X\nstatement: {}\n";
    let failure = fail("l001_tab", src.as_bytes());
    let r = single(&failure, "L001", Lang::Nl);
    assert_eq!(r.line_col().0, 3);
    assert_contains(help(&r), "geen tabs");
}

#[test]
fn l002_wrong_type_number_for_text() {
    let src = "schema_version: 1\norganisation:\n  name: Praktijk X\n  kvk: 12345678\nstatement: {}\n";
    let failure = fail("l002", src.as_bytes());
    let r = single(&failure, "L002", Lang::Nl);
    assert_eq!(r.line_col(), (4, 8));
    assert_eq!(r.end_line_col(), (4, 16));
    assert_eq!(r.message, "`kvk` moet tekst zijn, maar hier staat een getal.");
    assert_contains(help(&r), "Zet de waarde tussen aanhalingstekens");
    assert_contains(help(&r), "kvk: \"…\"");
    insta::assert_snapshot!("l002_wrong_type_nl", report(&failure, Lang::Nl));
}

#[test]
fn l002_wrong_type_text_for_list() {
    let src = format!("{MINIMAL}data_subjects: clienten\n");
    let failure = fail("l002_list", src.as_bytes());
    let r = single(&failure, "L002", Lang::Nl);
    assert_eq!(r.line_col(), (5, 16));
    assert_contains(
        &r.message,
        "`data_subjects` moet een lijst zijn, maar hier staat tekst.",
    );
    assert_contains(help(&r), "Schrijf een lijst");
}

#[test]
fn l003_unknown_key_with_suggestion() {
    let src = "schema_version: 1\norganisation:\n  nmae: Praktijk X\nstatement: {}\n";
    let failure = fail("l003", src.as_bytes());
    // The misspelt key also leaves `name` missing: both are reported, in source order.
    assert_eq!(codes(&failure), ["L005", "L003"]);
    let r = first(&failure, "L003", Lang::Nl);
    assert_eq!(r.line_col(), (3, 3));
    assert_eq!(r.end_line_col(), (3, 7));
    assert_eq!(r.message, "Onbekende sleutel `nmae`. Bedoelde u `name`?");
    assert_contains(help(&r), "Schrijf `name`. Hier zijn toegestaan: ");
    assert_contains(help(&r), "`legal_name`");
    let en = first(&failure, "L003", Lang::En);
    assert_eq!(en.message, "Unknown key `nmae`. Did you mean `name`?");
    assert_eq!(en.line_col(), (3, 3));
    insta::assert_snapshot!("l003_unknown_key_nl", report(&failure, Lang::Nl));
    insta::assert_snapshot!("l003_unknown_key_en", report(&failure, Lang::En));
}

#[test]
fn l003_unknown_key_without_suggestion() {
    let src = format!("{MINIMAL}hobby: schaken\n");
    let failure = fail("l003_far", src.as_bytes());
    let r = single(&failure, "L003", Lang::Nl);
    assert_eq!(r.line_col(), (5, 1));
    assert_eq!(r.message, "Onbekende sleutel `hobby`.");
    assert!(!r.message.contains("Bedoelde u"));
}

#[test]
fn l004_value_not_allowed_with_suggestion() {
    let src =
        format!("{MINIMAL}purposes:\n  - id: behandeling\n    description: Behandelen\n    legal_basis: contrct\n");
    let failure = fail("l004", src.as_bytes());
    let r = single(&failure, "L004", Lang::Nl);
    assert_eq!(r.line_col(), (8, 18));
    assert_eq!(r.end_line_col(), (8, 25));
    assert_eq!(
        r.message,
        "`contrct` is geen toegestane waarde voor `legal_basis`. Bedoelde u `contract`?"
    );
    for allowed in [
        "consent",
        "contract",
        "legal_obligation",
        "vital_interests",
        "public_task",
        "legitimate_interests",
    ] {
        assert_contains(help(&r), &format!("`{allowed}`"));
    }
    assert_contains(help(&r), "Kies uit: ");
    let en = single(&failure, "L004", Lang::En);
    assert_eq!(
        en.message,
        "`contrct` is not an allowed value for `legal_basis`. Did you mean `contract`?"
    );
    assert_contains(help(&en), "Choose from: ");
    insta::assert_snapshot!("l004_value_not_allowed_nl", report(&failure, Lang::Nl));
    insta::assert_snapshot!("l004_value_not_allowed_en", report(&failure, Lang::En));
}

#[test]
fn l004_value_not_allowed_without_suggestion() {
    let src = "schema_version: 1\norganisation:\n  name: Praktijk X\nstatement:\n  address_form: jullie\n";
    let failure = fail("l004_far", src.as_bytes());
    let r = single(&failure, "L004", Lang::Nl);
    assert_eq!(r.line_col(), (5, 17));
    assert_eq!(r.message, "`jullie` is geen toegestane waarde voor `address_form`.");
}

#[test]
fn l004_a_dutch_word_is_answered_with_the_value_it_means() {
    let cases = [
        ("legal_basis: toestemming", "`consent` (toestemming)"),
        (
            "legal_basis: gerechtvaardigd belang",
            "`legitimate_interests` (gerechtvaardigd belang)",
        ),
        (
            "legal_basis: wettelijke-verplichting",
            "`legal_obligation` (wettelijke-verplichting)",
        ),
    ];
    for (line, meant) in cases {
        let src = format!("{MINIMAL}purposes:\n  - id: behandeling\n    description: Behandelen\n    {line}\n");
        let failure = fail("l004_dutch", src.as_bytes());
        let r = single(&failure, "L004", Lang::Nl);
        assert!(r.message.ends_with(&format!("Bedoelde u {meant}?")), "{}", r.message);
        let en = single(&failure, "L004", Lang::En);
        assert!(
            en.message.ends_with(&format!("Did you mean {meant}?")),
            "{}",
            en.message
        );
    }
    // The same word in another list means that list's value.
    let src = format!(
        "{MINIMAL}purposes:\n  - id: behandeling\n    description: Behandelen\n    legal_basis: contract\n    special_category_condition: toestemming\n"
    );
    let r = single(&fail("l004_dutch_condition", src.as_bytes()), "L004", Lang::Nl);
    assert!(
        r.message.ends_with("Bedoelde u `explicit_consent` (toestemming)?"),
        "{}",
        r.message
    );
    let src = "schema_version: 1\norganisation:\n  name: Praktijk X\nstatement:\n  address_form: jij\n";
    let r = single(&fail("l004_jij", src.as_bytes()), "L004", Lang::Nl);
    assert_eq!(
        r.message,
        "`jij` is geen toegestane waarde voor `address_form`. Bedoelde u `je` (jij)?"
    );
}

#[test]
fn l005_missing_key() {
    let src = "schema_version: 1\norganisation:\n  legal_name: Stichting X\nstatement: {}\n";
    let failure = fail("l005", src.as_bytes());
    let r = single(&failure, "L005", Lang::Nl);
    // Underlined: the key of the block the missing key belongs in.
    assert_eq!(r.line_col(), (2, 1));
    assert_eq!(r.end_line_col(), (2, 13));
    assert_eq!(r.message, "De verplichte sleutel `name` ontbreekt in `organisation`.");
    assert_eq!(r.labels[0].1, "hier hoort `name` bij");
    assert_contains(help(&r), "Voeg een regel `name: …` toe.");
    insta::assert_snapshot!("l005_missing_key_nl", report(&failure, Lang::Nl));
}

#[test]
fn l005_missing_top_level_key() {
    let src = "schema_version: 1\norganisation:\n  name: Praktijk X\n";
    let failure = fail("l005_top", src.as_bytes());
    let r = single(&failure, "L005", Lang::Nl);
    assert_eq!(r.line_col(), (1, 1));
    assert_eq!(r.message, "De verplichte sleutel `statement` ontbreekt.");
}

#[test]
fn l006_duplicate_key_labels_both_places() {
    let src = "schema_version: 1\norganisation:\n  name: Praktijk A\n  name: Praktijk B\nstatement: {}\n";
    let failure = fail("l006", src.as_bytes());
    let r = single(&failure, "L006", Lang::Nl);
    assert_eq!(r.line_col(), (4, 3));
    assert_eq!(r.message, "De sleutel `name` staat twee keer in hetzelfde blok.");
    assert_eq!(r.labels.len(), 2, "both occurrences are labelled");
    assert_eq!(r.labels[0].1, "tweede keer");
    assert_eq!(label_at(&r, 1), (3, 3));
    assert_eq!(r.labels[1].1, "eerste keer");
    insta::assert_snapshot!("l006_duplicate_key_nl", report(&failure, Lang::Nl));
}

#[test]
fn l006_every_duplicate_is_reported() {
    let src = "schema_version: 1\norganisation:\n  name: A\n  name: B\n  kvk: \"1\"\n  kvk: \"2\"\nstatement: {}\nstatement: {}\n";
    let failure = fail("l006_many", src.as_bytes());
    assert_eq!(codes(&failure), ["L006", "L006", "L006"]);
    let lines: Vec<usize> = rendered(&failure, Lang::Nl).iter().map(|r| r.line_col().0).collect();
    assert_eq!(lines, [4, 6, 8]);
}

#[test]
fn l007_duplicate_id() {
    let src =
        format!("{MINIMAL}data_subjects:\n  - id: clienten\n    name: Cliënten\n  - id: clienten\n    name: Naasten\n");
    let failure = fail("l007", src.as_bytes());
    let r = single(&failure, "L007", Lang::Nl);
    assert_eq!(r.line_col(), (8, 9));
    assert_eq!(r.message, "Het id `clienten` komt twee keer voor in `data_subjects`.");
    assert_eq!(r.labels.len(), 2);
    assert_eq!(label_at(&r, 1), (6, 9));
    assert_eq!(r.labels[1].1, "eerste keer");
    insta::assert_snapshot!("l007_duplicate_id_nl", report(&failure, Lang::Nl));
}

#[test]
fn l008_unknown_reference_with_suggestion() {
    let src = format!(
        "{MINIMAL}data_subjects:\n  - id: clienten\n    name: Cliënten\n  - id: naasten\n    name: Naasten\npurposes:\n  - id: behandeling\n    description: Behandelen\n    data_subjects: [clientn, naasten]\n"
    );
    let failure = fail("l008", src.as_bytes());
    let r = single(&failure, "L008", Lang::Nl);
    assert_eq!(r.line_col(), (13, 21));
    assert_eq!(r.end_line_col(), (13, 28));
    assert_eq!(
        r.message,
        "`clientn` bestaat niet in `data_subjects`. Bedoelde u `clienten`?"
    );
    assert_contains(help(&r), "Bestaande id's in `data_subjects`: `clienten` en `naasten`.");
    let en = single(&failure, "L008", Lang::En);
    assert_eq!(
        en.message,
        "`clientn` does not exist in `data_subjects`. Did you mean `clienten`?"
    );
    assert_contains(help(&en), "Existing ids in `data_subjects`: `clienten` and `naasten`.");
    insta::assert_snapshot!("l008_unknown_reference_nl", report(&failure, Lang::Nl));
    insta::assert_snapshot!("l008_unknown_reference_en", report(&failure, Lang::En));
}

#[test]
fn l008_reference_into_empty_list_and_self_source() {
    // `self` always exists as a source; a recipient id with no `recipients` list does not.
    let src = format!(
        "{MINIMAL}purposes:\n  - id: behandeling\n    description: Behandelen\n    sources: [self]\n    recipients: [zorgverzekeraar]\n"
    );
    let failure = fail("l008_empty", src.as_bytes());
    let r = single(&failure, "L008", Lang::Nl);
    assert_eq!(r.line_col(), (9, 18));
    assert_eq!(r.message, "`zorgverzekeraar` bestaat niet in `recipients`.");
    assert_contains(help(&r), "`recipients` is leeg.");
}

#[test]
fn l009_unsupported_schema_version() {
    // Other problems are not reported: the file is not read against the version-1 schema.
    let src = "schema_version: 2\norganisation:\n  nmae: Praktijk X\nstatement: {}\n";
    let failure = fail("l009", src.as_bytes());
    let r = single(&failure, "L009", Lang::Nl);
    assert_eq!(r.line_col(), (1, 17));
    assert_eq!(
        r.message,
        "schema_version 2 wordt niet ondersteund; deze versie van verklaar leest schema_version 1."
    );
    assert_contains(help(&r), "Schrijf `schema_version: 1`");
    insta::assert_snapshot!("l009_schema_version_nl", report(&failure, Lang::Nl));
}

#[test]
fn l010_invalid_duration() {
    let src = format!(
        "{MINIMAL}purposes:\n  - id: behandeling\n    description: Behandelen\n    retention:\n      period: 20 jaar\n"
    );
    let failure = fail("l010", src.as_bytes());
    let r = single(&failure, "L010", Lang::Nl);
    assert_eq!(r.line_col(), (9, 15));
    assert_eq!(r.end_line_col(), (9, 22));
    assert_eq!(r.message, "`20 jaar` is geen termijn in ISO 8601-notatie.");
    assert_contains(help(&r), "P20Y = 20 jaar");
    let en = single(&failure, "L010", Lang::En);
    assert_eq!(en.message, "`20 jaar` is not an ISO 8601 duration.");
    assert_contains(help(&en), "P20Y = 20 years");
    insta::assert_snapshot!("l010_invalid_duration_nl", report(&failure, Lang::Nl));
    insta::assert_snapshot!("l010_invalid_duration_en", report(&failure, Lang::En));
}

#[test]
fn l011_invalid_date() {
    let src = "schema_version: 1\norganisation:\n  name: Praktijk X\nstatement:\n  effective_date: 2024-02-30\n";
    let failure = fail("l011", src.as_bytes());
    let r = single(&failure, "L011", Lang::Nl);
    assert_eq!(r.line_col(), (5, 19));
    assert_eq!(r.end_line_col(), (5, 29));
    assert_eq!(r.message, "`2024-02-30` is geen geldige datum.");
    assert_contains(help(&r), "JJJJ-MM-DD");
    insta::assert_snapshot!("l011_invalid_date_nl", report(&failure, Lang::Nl));
}

#[test]
fn l011_leap_day_is_a_date() {
    let src = "schema_version: 1\norganisation:\n  name: Praktijk X\nstatement:\n  effective_date: 2024-02-29\n";
    load_ok("l011_leap", src.as_bytes());
    let src = src.replace("2024", "2023");
    let failure = fail("l011_no_leap", src.as_bytes());
    assert_eq!(codes(&failure), ["L011"]);
}

#[test]
fn l012_not_utf8() {
    // "Café" saved as Latin-1: é is the single byte 0xE9.
    let src = b"schema_version: 1\norganisation:\n  name: Caf\xe9 De Linde\nstatement: {}\n";
    let failure = fail("l012", src);
    let r = single(&failure, "L012", Lang::Nl);
    assert_eq!(r.line_col(), (3, 12));
    assert_eq!(r.message, "Het bestand is geen UTF-8-tekst (regel 3, kolom 12).");
    assert_contains(help(&r), "UTF-8");
    insta::assert_snapshot!("l012_not_utf8_nl", report(&failure, Lang::Nl));
}

#[test]
fn l012_utf16_file() {
    // UTF-16 LE with BOM, as some Windows editors save.
    let text = "schema_version: 1\n";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let failure = fail("l012_utf16", &bytes);
    let r = single(&failure, "L012", Lang::Nl);
    assert_eq!(r.line_col(), (1, 1));
}

#[test]
fn l013_file_too_large() {
    let mut src = String::from("schema_version: 1\n");
    while src.len() < 12_000_000 {
        src.push_str("# opvulling opvulling opvulling opvulling opvulling opvulling opvulling\n");
    }
    let failure = fail("l013", src.as_bytes());
    let r = single(&failure, "L013", Lang::Nl);
    assert_eq!(r.line_col(), (1, 1));
    assert!(
        r.message.starts_with("Het bestand is te groot: 12.000."),
        "{}",
        r.message
    );
    assert!(
        r.message.ends_with("het maximum is 10.485.760 bytes (10 MB)."),
        "{}",
        r.message
    );
    // Only the first line is kept for display: a report never carries megabytes of text.
    assert_eq!(&*failure.file.text, "schema_version: 1");
    insta::assert_snapshot!("l013_too_large_nl", report(&failure, Lang::Nl));
}

#[test]
fn l013_limit_is_exact() {
    let limit = usize::try_from(MAX_FILE_BYTES).expect("limit fits in usize");
    let mut src = MINIMAL.as_bytes().to_vec();
    src.resize(limit, b'\n');
    load_ok("at_limit", &src);
    src.push(b'\n');
    let failure = fail("over_limit", &src);
    assert_eq!(codes(&failure), ["L013"]);
}

#[test]
fn l014_nesting_too_deep() {
    let src = format!("{}{}\n", "[".repeat(65), "]".repeat(65));
    let failure = fail("l014", src.as_bytes());
    let r = single(&failure, "L014", Lang::Nl);
    // The 65th bracket is one level too many.
    assert_eq!(r.line_col(), (1, 65));
    assert_eq!(r.message, "De YAML is dieper genest dan 64 niveaus.");
    assert_contains(help(&r), "haakjes");
    insta::assert_snapshot!("l014_too_deep_nl", report(&failure, Lang::Nl));
}

#[test]
fn l014_limit_is_exact() {
    let ok = format!("{}{}\n", "[".repeat(64), "]".repeat(64));
    let failure = fail("depth_64", ok.as_bytes());
    assert_eq!(
        codes(&failure),
        ["L018"],
        "64 levels are allowed (the root is just not a mapping)"
    );
}

#[test]
fn l014_block_style_nesting() {
    let mut src = String::new();
    for depth in 0..70 {
        src.push_str(&"  ".repeat(depth));
        src.push_str(&format!("n{depth}:\n"));
    }
    let failure = fail("l014_block", src.as_bytes());
    let r = single(&failure, "L014", Lang::Nl);
    assert_eq!(r.line_col().0, 65);
}

#[test]
fn l015_alias_bomb() {
    let mut src = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut previous = 'a';
    for name in 'b'..='k' {
        let items = vec![format!("*{previous}"); 9].join(", ");
        src.push_str(&format!("{name}: &{name} [{items}]\n"));
        previous = name;
    }
    let failure = fail("l015", src.as_bytes());
    let r = single(&failure, "L015", Lang::Nl);
    assert_eq!(r.line_col().0, 5, "the limit is reached while expanding `e`");
    assert_eq!(r.message, "De YAML-verwijzingen (& en *) leveren te veel gegevens op.");
    assert_contains(help(&r), "ankers (&)");
    insta::assert_snapshot!("l015_alias_bomb_nl", report(&failure, Lang::Nl));
}

#[test]
fn anchors_within_limits_load() {
    let src = "schema_version: 1\norganisation:\n  name: &naam Praktijk X\n  legal_name: *naam\nstatement: {}\n";
    let loaded = load_ok("anchors", src.as_bytes());
    assert_eq!(loaded.org.organisation.legal_name.as_deref(), Some("Praktijk X"));
}

#[test]
fn l016_unreadable_file() {
    let failure = load_file(std::path::Path::new("tests/hostile/bestaat-niet.yaml")).expect_err("no such file");
    let r = single(&failure, "L016", Lang::Nl);
    assert_eq!(r.line_col(), (1, 1));
    assert_contains(&r.message, "Het bestand kan niet worden gelezen: ");
    assert_contains(help(&r), "Controleer het pad");
}

#[test]
fn l017_invalid_id() {
    let src = format!("{MINIMAL}data_subjects:\n  - id: Cliënten\n    name: Cliënten\n");
    let failure = fail("l017", src.as_bytes());
    let r = single(&failure, "L017", Lang::Nl);
    assert_eq!(r.line_col(), (6, 9));
    assert_eq!(r.message, "`Cliënten` is geen geldig id voor `id`.");
    assert_contains(help(&r), "kleine letters");
    insta::assert_snapshot!("l017_invalid_id_nl", report(&failure, Lang::Nl));
}

#[test]
fn l018_empty_file() {
    let failure = fail("l018", b"");
    let r = single(&failure, "L018", Lang::Nl);
    assert_eq!(r.line_col(), (1, 1));
    assert_contains(&r.message, "Het bestand bevat geen organisatiebeschrijving");
    assert_contains(&r.message, "`schema_version: 1`");
    insta::assert_snapshot!("l018_empty_nl", report(&failure, Lang::Nl));
}

#[test]
fn l018_scalar_root() {
    let failure = fail("l018_scalar", b"Praktijk X\n");
    let r = single(&failure, "L018", Lang::Nl);
    assert_eq!(r.line_col(), (1, 1));
    assert_eq!(r.end_line_col(), (1, 11));
    insta::assert_snapshot!("l018_scalar_nl", report(&failure, Lang::Nl));
}

#[test]
fn l018_other_roots() {
    for (name, src) in [
        ("only_comment", "# alleen commentaar\n"),
        ("list", "- schema_version: 1\n"),
        ("null", "~\n"),
        ("bom_only", "\u{feff}"),
    ] {
        let failure = fail(name, src.as_bytes());
        assert_eq!(codes(&failure), ["L018"], "{name}");
    }
}

#[test]
fn l019_multiple_documents() {
    let src = format!("{MINIMAL}---\n{MINIMAL}");
    let failure = fail("l019", src.as_bytes());
    let r = single(&failure, "L019", Lang::Nl);
    assert_eq!(r.line_col(), (5, 1));
    assert_eq!(
        r.message,
        "Het bestand bevat meer dan één YAML-document (gescheiden door ---)."
    );
    assert_eq!(r.labels[0].1, "tweede document");
    insta::assert_snapshot!("l019_multiple_documents_nl", report(&failure, Lang::Nl));
}

#[test]
fn l020_too_many_nodes() {
    let mut src = String::from("schema_version: 1\nx:\n");
    for i in 0..300_000 {
        src.push_str(&format!("- {i}\n"));
    }
    let failure = fail("l020", src.as_bytes());
    let r = single(&failure, "L020", Lang::Nl);
    assert!(r.line_col().0 > 1000, "reported where the budget runs out");
    assert_eq!(
        r.message,
        "Het bestand bevat te veel YAML-elementen om veilig te lezen."
    );
}

/// YAML 1.2: only `true`/`false` are booleans. `NO` (Norway), `Y` and a severity `off` are text.
#[test]
fn yaml_1_1_booleans_stay_text() {
    let src = "\
schema_version: 1
organisation:
  name: NO
  legal_name: Y
  address: {city: Oslo, country: NO}
  public_authority: true
statement: {}
lint:
  severity:
    VK708: off
    VK810: info
";
    let loaded = load_ok("booleans", src.as_bytes());
    let org = &loaded.org.organisation;
    assert_eq!(org.name, "NO");
    assert_eq!(org.legal_name.as_deref(), Some("Y"));
    assert_eq!(org.address.as_ref().and_then(|a| a.country.as_deref()), Some("NO"));
    assert!(org.public_authority);
    let lint = loaded.org.lint.as_ref().expect("lint block");
    assert_eq!(lint.severity.get("VK708").map(|s| s.level()), Some(Severity::Off));
    assert_eq!(lint.severity.get("VK810").map(|s| s.level()), Some(Severity::Info));
    // A real boolean where text belongs is still a type error, with the hint to quote.
    let failure = fail("bool_name", MINIMAL.replace("Praktijk X", "false").as_bytes());
    let r = single(&failure, "L002", Lang::Nl);
    assert_eq!(r.line_col(), (3, 9));
    assert_contains(help(&r), "aanhalingstekens");
}

#[test]
fn document_start_marker_alone_is_fine() {
    load_ok("doc_start", format!("---\n{MINIMAL}").as_bytes());
}

/// Eleven different mistakes in one file: every one is reported, in source order.
#[test]
fn all_errors_are_reported_in_source_order() {
    let src = "\
schema_version: 1
organisation:
  nmae: Praktijk X
  kvk: 12345678
  legal_name: Stichting X
  legal_name: Stichting Y
statement:
  effective_date: 2024-13-01
  address_form: jij
data_subjects:
  - id: clienten
    name: Cliënten
  - id: clienten
    name: Naasten
purposes:
  - id: behandeling
    description: Behandelen
    legal_basis: contrct
    retention: {period: 20 jaar}
    data_subjects: [clientn]
  - id: Administratie
    description: Administratie
";
    let failure = fail("many", src.as_bytes());
    let all = rendered(&failure, Lang::Nl);
    let found: Vec<(&str, (usize, usize))> = all.iter().map(|r| (r.code.as_str(), r.line_col())).collect();
    assert_eq!(
        found,
        [
            ("L005", (2, 1)),
            ("L003", (3, 3)),
            ("L002", (4, 8)),
            ("L006", (6, 3)),
            ("L011", (8, 19)),
            ("L004", (9, 17)),
            ("L007", (13, 9)),
            ("L004", (18, 18)),
            ("L010", (19, 25)),
            ("L008", (20, 21)),
            ("L017", (21, 9)),
        ],
        "{}",
        report(&failure, Lang::Nl)
    );
    let positions: Vec<(usize, usize)> = found.iter().map(|(_, p)| *p).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted, "diagnostics are in source order");
    insta::assert_snapshot!("many_errors_nl", report(&failure, Lang::Nl));
}

#[test]
fn bom_and_crlf_load() {
    let crlf = MINIMAL.replace('\n', "\r\n");
    for (name, src) in [
        ("bom", format!("\u{feff}{MINIMAL}")),
        ("crlf", crlf.clone()),
        ("bom_crlf", format!("\u{feff}{crlf}")),
    ] {
        let loaded = load_ok(name, src.as_bytes());
        assert_eq!(loaded.org.organisation.name, "Praktijk X", "{name}");
        assert!(!loaded.file.text.starts_with('\u{feff}'), "{name}: the BOM is stripped");
    }
    // The shortest valid file, with flow mappings, BOM and CRLF together.
    let short = "\u{feff}schema_version: 1\r\norganisation: {name: X}\r\nstatement: {}\r\n";
    assert_eq!(load_ok("short", short.as_bytes()).org.organisation.name, "X");
}

#[test]
fn crlf_positions_are_right() {
    let src = "\u{feff}schema_version: 1\r\norganisation:\r\n  nmae: Praktijk X\r\nstatement:\r\n  effective_date: 2024-02-30\r\n";
    let failure = fail("crlf_errors", src.as_bytes());
    let all = rendered(&failure, Lang::Nl);
    let found: Vec<(&str, Pos, Pos)> = all
        .iter()
        .map(|r| (r.code.as_str(), r.line_col(), r.end_line_col()))
        .collect();
    assert_eq!(
        found,
        [
            ("L005", (2, 1), (2, 13)),
            ("L003", (3, 3), (3, 7)),
            ("L011", (5, 19), (5, 29)),
        ]
    );
    insta::assert_snapshot!("crlf_errors_nl", report(&failure, Lang::Nl));
    // A syntax error on the first line: the BOM does not count as a column.
    let src = "\u{feff}schema_version: 2\r\norganisation:\r\n  name: X\r\nstatement: {}\r\n";
    let failure = fail("crlf_bom_line1", src.as_bytes());
    assert_eq!(single(&failure, "L009", Lang::Nl).line_col(), (1, 17));
    let src = "schema_version: 1\r\norganisation:\r\n  name: X\r\n   kvk: \"1\"\r\nstatement: {}\r\n";
    let failure = fail("crlf_syntax", src.as_bytes());
    assert_eq!(single(&failure, "L001", Lang::Nl).line_col(), (4, 7));
    insta::assert_snapshot!("crlf_syntax_nl", report(&failure, Lang::Nl));
}

#[test]
fn several_files_report_errors_per_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = [
        ("a-goed.yaml", MINIMAL.to_string()),
        ("b-sleutel.yaml", MINIMAL.replace("  name:", "  nmae:")),
        (
            "c-datum.yaml",
            MINIMAL.replace("statement: {}", "statement:\n  effective_date: 2024-02-30"),
        ),
        ("d-leeg.yaml", String::new()),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).expect("write fixture");
    }
    let mut outcome = Vec::new();
    for (name, _) in &files {
        let path = dir.path().join(name);
        match load_file(&path) {
            Ok(loaded) => {
                assert_eq!(loaded.file.path, path);
                outcome.push((*name, Vec::new()));
            }
            Err(failure) => {
                assert_eq!(failure.file.path, path, "each failure names its own file");
                let report = report(&failure, Lang::Nl);
                assert_contains(&report, &format!("{}:", path.display()));
                let found: Vec<(&str, (usize, usize))> = failure
                    .diagnostics
                    .iter()
                    .map(|d| (d.code(), d.render(&failure.file, Lang::Nl).line_col()))
                    .collect();
                outcome.push((*name, found));
            }
        }
    }
    assert_eq!(
        outcome,
        [
            ("a-goed.yaml", vec![]),
            ("b-sleutel.yaml", vec![("L005", (2, 1)), ("L003", (3, 3))]),
            ("c-datum.yaml", vec![("L011", (5, 19))]),
            ("d-leeg.yaml", vec![("L018", (1, 1))]),
        ]
    );
}

#[test]
fn every_code_has_an_explanation() {
    use verklaar::diagnostics::load::{LOAD_CODES, load_code};
    for n in 1..=30 {
        let code = format!("L{n:03}");
        let (found, name, nl, en) = load_code(&code).unwrap_or_else(|| panic!("{code} has no explanation"));
        assert_eq!(found, code);
        assert!(!name.is_empty() && !nl.is_empty() && !en.is_empty(), "{code}");
    }
    assert_eq!(LOAD_CODES.len(), 30);
}

// --- nothing ignored silently (issue 11) ---------------------------------------------------------

#[test]
fn l010_zero_durations_are_refused() {
    for (term, end) in [("P0D", 18), ("PT0S", 19), ("P0Y0M", 20)] {
        let src = format!(
            "{MINIMAL}purposes:\n  - id: behandeling\n    description: Behandelen\n    retention:\n      period: {term}\n"
        );
        let failure = fail("l010-zero", src.as_bytes());
        let r = single(&failure, "L010", Lang::Nl);
        assert_eq!((r.line_col(), r.end_line_col()), ((9, 15), (9, end)), "{term}");
        assert_eq!(
            r.message,
            format!("`{term}` is een termijn van 0 dagen; een termijn van 0 dagen kan niet bedoeld zijn.")
        );
        assert_contains(help(&r), "P30D");
    }
}

#[test]
fn l011_impossible_dates_are_refused() {
    for date in ["0000-01-01", "2025-02-30", "2025-04-31"] {
        let src =
            format!("schema_version: 1\norganisation:\n  name: Praktijk X\nstatement:\n  effective_date: {date}\n");
        let failure = fail("l011-impossible", src.as_bytes());
        let r = single(&failure, "L011", Lang::Nl);
        assert_eq!(r.line_col(), (5, 19), "{date}");
        assert_eq!(r.message, format!("`{date}` is geen geldige datum."));
    }
    let src = "schema_version: 1\norganisation:\n  name: Praktijk X\nstatement:\n  effective_date: 0001-01-01\n";
    load_ok("l011-year-one", src.as_bytes());
}

const LINT_BLOCK: &str = "lint:\n  severity:\n";

#[test]
fn l021_unknown_severity_keys_with_suggestions() {
    let src = format!("{MINIMAL}{LINT_BLOCK}    VK7O8: off\n    vk708: warning\n    VK999: info\n");
    let failure = fail("l021", src.as_bytes());
    assert_eq!(
        codes(&failure),
        ["L021", "L021", "L021"],
        "{}",
        report(&failure, Lang::Nl)
    );
    let all = rendered(&failure, Lang::Nl);
    let found: Vec<(Pos, &str)> = all.iter().map(|r| (r.line_col(), r.message.as_str())).collect();
    assert_eq!(
        found,
        [
            (
                (7, 5),
                "`VK7O8` in `lint.severity` is geen regel van verklaar. Bedoelde u VK708?"
            ),
            (
                (8, 5),
                "`vk708` in `lint.severity` is geen regel van verklaar. Bedoelde u VK708?"
            ),
            ((9, 5), "`VK999` in `lint.severity` is geen regel van verklaar."),
        ]
    );
    assert_contains(help(&all[1]), "Schrijf `VK708`.");
    let en = first(&failure, "L021", Lang::En);
    assert_eq!(
        en.message,
        "`VK7O8` in `lint.severity` is not a verklaar rule. Did you mean VK708?"
    );
    insta::assert_snapshot!("l021_unknown_rule_nl", report(&failure, Lang::Nl));
}

#[test]
fn l022_error_rule_turned_down_needs_a_reason() {
    // VK509 is an error by default, VK708 a warning: only the first needs a reason.
    let src = format!("{MINIMAL}{LINT_BLOCK}    VK509: off\n    VK708: off\n    VK311: warning\n");
    let failure = fail("l022", src.as_bytes());
    let all = rendered(&failure, Lang::Nl);
    let found: Vec<(&str, Pos, &str)> = all
        .iter()
        .map(|r| (r.code.as_str(), r.line_col(), r.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "L022",
                (7, 5),
                "VK509 is een verplichte controle (fout) en gaat alleen uit met een reden."
            ),
            (
                "L022",
                (9, 5),
                "VK311 is een verplichte controle (fout) en gaat alleen naar `warning` met een reden."
            ),
        ]
    );
    assert_contains(
        help(&all[0]),
        "VK509: { level: off, reason: \"waarom dit hier terecht is\" }",
    );
    insta::assert_snapshot!("l022_reason_required_nl", report(&failure, Lang::Nl));

    // An empty reason is no reason.
    let src = format!("{MINIMAL}{LINT_BLOCK}    VK509: {{ level: off, reason: \" \" }}\n");
    let failure = fail("l022-blank", src.as_bytes());
    assert_eq!(codes(&failure), ["L023"], "{}", report(&failure, Lang::Nl));

    // The long form with a reason loads, and so do the short form for a warning rule and
    // raising a rule to error.
    let src = format!(
        "{MINIMAL}{LINT_BLOCK}    VK509: {{ level: off, reason: Geen geautomatiseerde besluiten }}\n    VK708: info\n    VK810: error\n"
    );
    let loaded = load_ok("l022-ok", src.as_bytes());
    let severity = &loaded.org.lint.as_ref().expect("lint block").severity;
    assert_eq!(severity["VK509"].level(), Severity::Off);
    assert_eq!(severity["VK509"].reason(), Some("Geen geautomatiseerde besluiten"));
    assert_eq!(severity["VK708"].level(), Severity::Info);
}

#[test]
fn l022_long_form_mistakes_are_named() {
    let src = format!("{MINIMAL}{LINT_BLOCK}    VK509: {{ level: of, reason: x }}\n    VK311: {{ level: off }}\n");
    let failure = fail("l022-long", src.as_bytes());
    let all = rendered(&failure, Lang::Nl);
    let found: Vec<(&str, Pos)> = all.iter().map(|r| (r.code.as_str(), r.line_col())).collect();
    assert_eq!(
        found,
        [("L004", (7, 21)), ("L005", (8, 5))],
        "{}",
        report(&failure, Lang::Nl)
    );
    assert_eq!(
        all[0].message,
        "`of` is geen toegestane waarde voor `level`. Bedoelde u `off`?"
    );
    assert_eq!(
        all[1].message,
        "De verplichte sleutel `reason` ontbreekt in `lint.severity.VK311`."
    );
}

#[test]
fn l023_empty_required_text() {
    // An empty `organisation.name` is left to VK001, which accepts a `legal_name` instead.
    let src = "schema_version: 1\norganisation:\n  name: \"\"\n  legal_name: ''\nstatement:\n  title: \"  \"\n";
    let failure = fail("l023", src.as_bytes());
    let all = rendered(&failure, Lang::Nl);
    let found: Vec<(&str, Pos, &str)> = all
        .iter()
        .map(|r| (r.code.as_str(), r.line_col(), r.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("L023", (4, 15), "`legal_name` is leeg; hier hoort tekst."),
            ("L023", (6, 10), "`title` is leeg; hier hoort tekst."),
        ]
    );
    insta::assert_snapshot!("l023_empty_text_nl", report(&failure, Lang::Nl));
    let src = format!("{MINIMAL}purposes:\n  - id: behandeling\n    description: ''\n");
    let failure = fail("l023-purpose", src.as_bytes());
    let r = single(&failure, "L023", Lang::Nl);
    assert_eq!(r.line_col(), (7, 18));
    assert_eq!(r.message, "`description` is leeg; hier hoort tekst.");
}

#[test]
fn l024_unknown_tags_are_errors() {
    for (value, tag) in [
        ("!!binary aGFsbG8=", "!!binary"),
        ("!foo Praktijk X", "!foo"),
        ("!!timestamp 2025-01-01", "!!timestamp"),
    ] {
        let src = format!("schema_version: 1\norganisation:\n  name: {value}\nstatement: {{}}\n");
        let failure = fail("l024", src.as_bytes());
        let r = single(&failure, "L024", Lang::Nl);
        assert_eq!(r.line_col(), (3, 9), "{tag}");
        assert_eq!(r.end_line_col(), (3, 9 + tag.len()), "{tag}");
        assert_eq!(
            r.message,
            format!("De YAML-tag `{tag}` kent verklaar niet; de waarde zou stil verdwijnen of veranderen.")
        );
    }
    let failure = fail(
        "l024-map",
        b"schema_version: 1\norganisation: !org\n  name: X\nstatement: {}\n",
    );
    assert_eq!(single(&failure, "L024", Lang::Nl).line_col(), (2, 15));
    insta::assert_snapshot!("l024_unknown_tag_nl", report(&failure, Lang::Nl));
    // Core tags keep working, and `!` inside text is no tag.
    load_ok(
        "l024-core",
        b"schema_version: !!int 1\norganisation:\n  name: !!str Praktijk! X\nstatement: {}\n",
    );
}

#[test]
fn cr_only_line_endings_give_real_lines() {
    let src = "schema_version: 1\rorganisation:\r  nmae: Praktijk X\rstatement:\r  effective_date: 2024-02-30\r";
    let failure = fail("cr-only", src.as_bytes());
    let all = rendered(&failure, Lang::Nl);
    let found: Vec<(&str, Pos)> = all.iter().map(|r| (r.code.as_str(), r.line_col())).collect();
    assert_eq!(found, [("L005", (2, 1)), ("L003", (3, 3)), ("L011", (5, 19))]);
    assert_contains(&report(&failure, Lang::Nl), "[fixtures/cr-only.yaml:3:3]");
    // Mixed: CRLF lines stay CRLF, a lone CR still breaks the line.
    let src = "schema_version: 1\r\norganisation:\r  nmae: X\r\nstatement: {}\r\n";
    let failure = fail("cr-mixed", src.as_bytes());
    assert_eq!(first(&failure, "L003", Lang::Nl).line_col(), (3, 3));
}

#[test]
fn nul_bytes_are_pointed_at_exactly() {
    // A NUL after multi-byte characters: the column counts characters, not bytes.
    for (line, col) in [
        ("  name: \"één\0b\"", 13),
        ("  name: a\0b", 10),
        ("  name: \"\0\"", 10),
        ("# \0", 3),
    ] {
        let src = format!("schema_version: 1\norganisation:\n{line}\nstatement: {{}}\n");
        let failure = fail("nul", src.as_bytes());
        let r = single(&failure, "L001", Lang::Nl);
        assert_eq!(r.line_col(), (3, col), "{line:?}");
    }
}

#[test]
fn l028_lint_block_codes_cannot_be_set() {
    let src = format!("{MINIMAL}{LINT_BLOCK}    VK903: off\n    VK901: info\n");
    let failure = fail("l028", src.as_bytes());
    let all = rendered(&failure, Lang::Nl);
    let found: Vec<(&str, Pos)> = all.iter().map(|r| (r.code.as_str(), r.line_col())).collect();
    assert_eq!(found, [("L028", (7, 5)), ("L028", (8, 5))]);
    assert_eq!(
        all[0].message,
        "VK903 gaat over het `lint:`-blok zelf en is niet in te stellen in `lint.severity`."
    );
}

/// One text far beyond any statement is refused at load, pointed at, with its length in Dutch
/// digits: rendering it would take minutes and gigabytes.
#[test]
fn l029_text_too_long() {
    let body = "x".repeat(verklaar::model::limits::MAX_TEXT_CHARS + 1);
    let src = format!(
        "{}custom_sections:\n  - title: Bijlage\n    after: changes\n    body: {body}\n",
        common::readme_example()
    );
    let failure = fail("l029", src.as_bytes());
    let r = single(&failure, "L029", Lang::Nl);
    assert_eq!(
        r.message,
        "`custom_sections[0].body` is 20.001 tekens lang; een tekst in een privacyverklaring mag hooguit 20.000 tekens zijn."
    );
    assert_eq!(r.line_col().1, 11, "at the text itself");
}

/// Many texts each under the limit, or many links: one finding for the file, at its first key.
#[test]
fn l030_too_much_text_or_too_many_links() {
    let section = |i: usize, body: &str| format!("  - title: Bijlage {i}\n    after: changes\n    body: {body}\n");
    let long: String = (0..12).map(|i| section(i, &"woord ".repeat(3_000))).collect();
    let src = format!("{}custom_sections:\n{long}", common::readme_example());
    let r = single(&fail("l030", src.as_bytes()), "L030", Lang::Nl);
    assert!(
        r.message.starts_with("Alle tekst in het bestand samen is 2"),
        "{}",
        r.message
    );
    assert_eq!(r.line_col().0, 2, "at schema_version");
    let links = (0..501)
        .map(|i| format!("https://a.example/{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let src = format!("{}custom_sections:\n{}", common::readme_example(), section(0, &links));
    let r = single(&fail("l030b", src.as_bytes()), "L030", Lang::En);
    assert_eq!(
        r.message,
        "The texts in the file hold 501 links together; a privacy statement may have at most 500."
    );
}
