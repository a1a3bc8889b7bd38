//! Errors found while loading an organisation file, with their stable codes and their
//! Dutch and English texts. Each kind says what is wrong and what to write instead.

use std::ops::Range;

use crate::i18n::Lang;
use crate::source::SourceFile;
use crate::source::tree::TypeName;

use super::render::{Rendered, SeverityLevel};

/// What went wrong. Codes (`L001`…) are stable: CI configurations may match on them.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadIssue {
    Syntax {
        detail: String,
    },
    WrongType {
        key: String,
        expected: Vec<TypeName>,
        found: TypeName,
    },
    UnknownKey {
        key: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },
    ValueNotAllowed {
        key: String,
        value: String,
        allowed: Vec<String>,
        suggestion: Option<String>,
        /// The suggestion is what the Dutch word `value` means, not a spelling close to it.
        dutch: bool,
    },
    MissingKey {
        key: String,
        parent: String,
    },
    DuplicateKey {
        key: String,
    },
    DuplicateId {
        id: String,
        list: String,
    },
    UnknownReference {
        id: String,
        list: String,
        suggestion: Option<String>,
        /// The first ids of the list, for the help text.
        available: Vec<String>,
        /// How many more ids the list holds than `available` names.
        more: usize,
    },
    UnsupportedSchemaVersion {
        found: String,
    },
    InvalidDuration {
        value: String,
    },
    InvalidDate {
        value: String,
    },
    NotUtf8 {
        line: usize,
        column: usize,
    },
    TooLarge {
        size: u64,
        limit: u64,
    },
    TooDeep {
        limit: usize,
    },
    AliasLimit,
    Unreadable {
        error: String,
        /// The kind, so the common cases read in the user's language rather than the OS's.
        kind: Option<std::io::ErrorKind>,
    },
    InvalidValue {
        key: String,
        value: String,
        rule: ValueRule,
    },
    NotAMapping,
    MultipleDocuments,
    TooManyNodes,
    ZeroDuration {
        value: String,
    },
    UnknownRule {
        code: String,
        suggestion: Option<String>,
    },
    ReasonRequired {
        code: String,
        level: String,
    },
    EmptyText {
        key: String,
    },
    UnknownTag {
        tag: String,
    },
    SymlinkOutside {
        target: String,
        folder: String,
    },
    NotAFile {
        kind: FileKind,
    },
    Skipped {
        reason: SkipReason,
    },
    NotConfigurable {
        code: String,
    },
    TextTooLong {
        key: String,
        chars: usize,
        limit: usize,
    },
    TooMuchText {
        chars: usize,
        char_limit: usize,
        links: usize,
        link_limit: usize,
    },
}

/// What a path is when it is not a regular file (for [`LoadIssue::NotAFile`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Fifo,
    Device,
    Socket,
    Other,
}

/// Why a file in a folder was not checked (for [`LoadIssue::Skipped`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A file whose name starts with a dot.
    Hidden,
    /// A folder whose name starts with a dot; nothing in it is read.
    HiddenFolder,
    /// A symbolic link to a file that is checked under its own name.
    DuplicateLink { target: String },
    /// A symbolic link to a folder inside the given folder, which is walked anyway.
    FolderLink { target: String },
}

/// The constraint a value broke, for [`LoadIssue::InvalidValue`].
#[derive(Debug, Clone, PartialEq)]
pub enum ValueRule {
    IdPattern,
    RuleCode,
    Other(String),
}

/// A load error with its place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadDiagnostic {
    pub issue: LoadIssue,
    pub at: Range<usize>,
    /// A second place, e.g. the first occurrence of a duplicate.
    pub related: Option<Range<usize>>,
}

impl LoadIssue {
    /// L016 for an I/O error.
    pub fn unreadable(e: &std::io::Error) -> LoadIssue {
        LoadIssue::Unreadable {
            error: e.to_string(),
            kind: Some(e.kind()),
        }
    }
}

impl LoadDiagnostic {
    pub fn new(issue: LoadIssue, at: Range<usize>) -> LoadDiagnostic {
        LoadDiagnostic {
            issue,
            at,
            related: None,
        }
    }

    pub fn with_related(mut self, related: Range<usize>) -> LoadDiagnostic {
        self.related = Some(related);
        self
    }

    pub fn code(&self) -> &'static str {
        code_and_name(&self.issue).0
    }

    /// Skipped files are reported for information; everything else stops the file.
    pub fn severity(&self) -> SeverityLevel {
        match self.issue {
            LoadIssue::Skipped { .. } => SeverityLevel::Info,
            _ => SeverityLevel::Error,
        }
    }

    pub fn render(&self, file: &SourceFile, lang: Lang) -> Rendered {
        let text = describe(&self.issue, lang);
        let mut labels = vec![(self.at.clone(), text.label)];
        if let (Some(related), Some(label)) = (&self.related, text.related_label) {
            labels.push((related.clone(), label));
        }
        Rendered {
            code: self.code().to_string(),
            severity: self.severity(),
            lang,
            message: text.message,
            help: text.help,
            labels,
            related: Vec::new(),
            file: file.clone(),
        }
    }
}

/// True for the code of a file verklaar could not read at all (L016): exit code 2, the tool
/// could not do its job, rather than 1, which is for mistakes in the files.
pub fn is_tool_error_code(code: &str) -> bool {
    code == "L016"
}

/// Stable code and kebab-case name per kind (the name comes from [`LOAD_CODES`]).
pub fn code_and_name(issue: &LoadIssue) -> (&'static str, &'static str) {
    let code = match issue {
        LoadIssue::Syntax { .. } => "L001",
        LoadIssue::WrongType { .. } => "L002",
        LoadIssue::UnknownKey { .. } => "L003",
        LoadIssue::ValueNotAllowed { .. } => "L004",
        LoadIssue::MissingKey { .. } => "L005",
        LoadIssue::DuplicateKey { .. } => "L006",
        LoadIssue::DuplicateId { .. } => "L007",
        LoadIssue::UnknownReference { .. } => "L008",
        LoadIssue::UnsupportedSchemaVersion { .. } => "L009",
        LoadIssue::InvalidDuration { .. } => "L010",
        LoadIssue::InvalidDate { .. } => "L011",
        LoadIssue::NotUtf8 { .. } => "L012",
        LoadIssue::TooLarge { .. } => "L013",
        LoadIssue::TooDeep { .. } => "L014",
        LoadIssue::AliasLimit => "L015",
        LoadIssue::Unreadable { .. } => "L016",
        LoadIssue::InvalidValue { .. } => "L017",
        LoadIssue::NotAMapping => "L018",
        LoadIssue::MultipleDocuments => "L019",
        LoadIssue::TooManyNodes => "L020",
        LoadIssue::ZeroDuration { .. } => "L010",
        LoadIssue::UnknownRule { .. } => "L021",
        LoadIssue::ReasonRequired { .. } => "L022",
        LoadIssue::EmptyText { .. } => "L023",
        LoadIssue::UnknownTag { .. } => "L024",
        LoadIssue::SymlinkOutside { .. } => "L025",
        LoadIssue::NotAFile { .. } => "L026",
        LoadIssue::Skipped { .. } => "L027",
        LoadIssue::NotConfigurable { .. } => "L028",
        LoadIssue::TextTooLong { .. } => "L029",
        LoadIssue::TooMuchText { .. } => "L030",
    };
    // Every code above is in LOAD_CODES (checked by `every_load_code_has_a_name`).
    let name = load_code(code).map_or("load-error", |(_, name, ..)| name);
    (code, name)
}

struct Text {
    message: String,
    label: String,
    help: Option<String>,
    related_label: Option<String>,
}

fn type_name(t: TypeName, lang: Lang) -> &'static str {
    match t {
        TypeName::Null => lang.pick("een lege waarde", "an empty value"),
        TypeName::Bool => lang.pick("ja/nee (true of false)", "a boolean (true or false)"),
        TypeName::Number => lang.pick("een getal", "a number"),
        TypeName::Integer => lang.pick("een geheel getal", "a whole number"),
        TypeName::Text => lang.pick("tekst", "text"),
        TypeName::List => lang.pick("een lijst", "a list"),
        TypeName::Mapping => lang.pick("een blok met sleutels", "a mapping of keys"),
    }
}

/// 10485760 → "10.485.760".
fn dutch_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn quoted(items: &[String]) -> Vec<String> {
    items.iter().map(|i| format!("`{i}`")).collect()
}

fn describe(issue: &LoadIssue, lang: Lang) -> Text {
    let l = lang;
    match issue {
        LoadIssue::Syntax { detail } => Text {
            message: l.pick(
                format!("Dit is geen geldige YAML: {detail}."),
                format!("This is not valid YAML: {detail}."),
            ),
            label: l.pick("hier loopt het lezen vast", "reading stops here").into(),
            help: Some(l.pick(
                "Controleer de inspringing (spaties, geen tabs), dubbele punten na sleutels en aanhalingstekens rond tekst met een dubbele punt of #.",
                "Check the indentation (spaces, no tabs), the colon after each key and quotes around text containing a colon or #.",
            ).into()),
            related_label: None,
        },
        LoadIssue::WrongType { key, expected, found } => {
            let expected_text: Vec<String> = expected.iter().map(|t| type_name(*t, l).to_string()).collect();
            let expected_text = l.or_list(&expected_text);
            let help = if expected.contains(&TypeName::Text) && matches!(found, TypeName::Number | TypeName::Bool) {
                l.pick(
                    format!("Zet de waarde tussen aanhalingstekens, dan leest verklaar haar als tekst: {key}: \"…\""),
                    format!("Put the value in quotes so it is read as text: {key}: \"…\""),
                )
            } else if expected.contains(&TypeName::List) {
                l.pick(
                    format!("Schrijf een lijst: elk item op een eigen regel na `- `, of tussen [ ]. Bijvoorbeeld: {key}: [a, b]"),
                    format!("Write a list: each item on its own line after `- `, or between [ ]. For example: {key}: [a, b]"),
                )
            } else if expected.contains(&TypeName::Mapping) {
                l.pick(
                    format!("Schrijf onder `{key}:` ingesprongen regels met `sleutel: waarde`."),
                    format!("Write indented `key: value` lines under `{key}:`."),
                )
            } else {
                l.pick(
                    format!("Schrijf bij `{key}` {expected_text}."),
                    format!("Write {expected_text} for `{key}`."),
                )
            };
            Text {
                message: l.pick(
                    format!("`{key}` moet {expected_text} zijn, maar hier staat {}.", type_name(*found, l)),
                    format!("`{key}` must be {expected_text}, but this is {}.", type_name(*found, l)),
                ),
                label: l.pick(format!("verwacht: {expected_text}"), format!("expected {expected_text}")),
                help: Some(help),
                related_label: None,
            }
        }
        LoadIssue::UnknownKey { key, suggestion, allowed } => Text {
            message: match suggestion {
                Some(s) => l.pick(
                    format!("Onbekende sleutel `{key}`. Bedoelde u `{s}`?"),
                    format!("Unknown key `{key}`. Did you mean `{s}`?"),
                ),
                None => l.pick(format!("Onbekende sleutel `{key}`."), format!("Unknown key `{key}`.")),
            },
            label: l.pick("deze sleutel kent verklaar hier niet", "verklaar does not know this key here").into(),
            help: Some(match suggestion {
                Some(s) => l.pick(
                    format!("Schrijf `{s}`. Hier zijn toegestaan: {}.", l.and_list(&quoted(allowed))),
                    format!("Write `{s}`. Allowed here: {}.", l.and_list(&quoted(allowed))),
                ),
                None => l.pick(
                    format!("Hier zijn toegestaan: {}.", l.and_list(&quoted(allowed))),
                    format!("Allowed here: {}.", l.and_list(&quoted(allowed))),
                ),
            }),
            related_label: None,
        },
        LoadIssue::ValueNotAllowed {
            key,
            value,
            allowed,
            suggestion,
            dutch,
        } => Text {
            message: match suggestion {
                Some(s) if *dutch => l.pick(
                    format!("`{value}` is geen toegestane waarde voor `{key}`. Bedoelde u `{s}` ({value})?"),
                    format!("`{value}` is not an allowed value for `{key}`. Did you mean `{s}` ({value})?"),
                ),
                Some(s) => l.pick(
                    format!("`{value}` is geen toegestane waarde voor `{key}`. Bedoelde u `{s}`?"),
                    format!("`{value}` is not an allowed value for `{key}`. Did you mean `{s}`?"),
                ),
                None => l.pick(
                    format!("`{value}` is geen toegestane waarde voor `{key}`."),
                    format!("`{value}` is not an allowed value for `{key}`."),
                ),
            },
            label: l.pick("niet toegestaan", "not allowed").into(),
            help: Some(l.pick(
                format!("Kies uit: {}.", l.or_list(&quoted(allowed))),
                format!("Choose from: {}.", l.or_list(&quoted(allowed))),
            )),
            related_label: None,
        },
        LoadIssue::MissingKey { key, parent } => Text {
            message: if parent.is_empty() {
                l.pick(
                    format!("De verplichte sleutel `{key}` ontbreekt."),
                    format!("The required key `{key}` is missing."),
                )
            } else {
                l.pick(
                    format!("De verplichte sleutel `{key}` ontbreekt in `{parent}`."),
                    format!("The required key `{key}` is missing in `{parent}`."),
                )
            },
            label: l.pick(format!("hier hoort `{key}` bij"), format!("`{key}` belongs here")),
            help: Some(l.pick(
                format!("Voeg een regel `{key}: …` toe."),
                format!("Add a line `{key}: …`."),
            )),
            related_label: None,
        },
        LoadIssue::DuplicateKey { key } => Text {
            message: l.pick(
                format!("De sleutel `{key}` staat twee keer in hetzelfde blok."),
                format!("The key `{key}` appears twice in the same mapping."),
            ),
            label: l.pick("tweede keer", "second time").into(),
            help: Some(l.pick(
                "Houd één van de twee over: verklaar kiest niet zelf welke waarde geldt.",
                "Keep one of the two: verklaar does not choose which value counts.",
            ).into()),
            related_label: Some(l.pick("eerste keer", "first time").into()),
        },
        LoadIssue::DuplicateId { id, list } => Text {
            message: l.pick(
                format!("Het id `{id}` komt twee keer voor in `{list}`."),
                format!("The id `{id}` appears twice in `{list}`."),
            ),
            label: l.pick("tweede keer", "second time").into(),
            help: Some(l.pick(
                "Geef elk item een eigen id, zodat verwijzingen ondubbelzinnig zijn.",
                "Give every item its own id, so references are unambiguous.",
            ).into()),
            related_label: Some(l.pick("eerste keer", "first time").into()),
        },
        LoadIssue::UnknownReference { id, list, suggestion, available, more } => {
            let available_text = if available.is_empty() {
                l.pick(format!("`{list}` is leeg."), format!("`{list}` is empty."))
            } else if *more > 0 {
                l.pick(
                    format!("Bestaande id's in `{list}` zijn onder meer {} ({more} andere niet genoemd).", quoted(available).join(", ")),
                    format!("Existing ids in `{list}` include {} ({more} others not shown).", quoted(available).join(", ")),
                )
            } else {
                l.pick(
                    format!("Bestaande id's in `{list}`: {}.", l.and_list(&quoted(available))),
                    format!("Existing ids in `{list}`: {}.", l.and_list(&quoted(available))),
                )
            };
            Text {
                message: match suggestion {
                    Some(s) => l.pick(
                        format!("`{id}` bestaat niet in `{list}`. Bedoelde u `{s}`?"),
                        format!("`{id}` does not exist in `{list}`. Did you mean `{s}`?"),
                    ),
                    None => l.pick(
                        format!("`{id}` bestaat niet in `{list}`."),
                        format!("`{id}` does not exist in `{list}`."),
                    ),
                },
                label: l.pick("onbekend id", "unknown id").into(),
                help: Some(l.pick(
                    format!("Gebruik een bestaand id of voeg een item met `id: {id}` toe aan `{list}`. {available_text}"),
                    format!("Use an existing id or add an item with `id: {id}` to `{list}`. {available_text}"),
                )),
                related_label: None,
            }
        }
        LoadIssue::UnsupportedSchemaVersion { found } => Text {
            message: l.pick(
                format!("schema_version {found} wordt niet ondersteund; deze versie van verklaar leest schema_version 1."),
                format!("schema_version {found} is not supported; this version of verklaar reads schema_version 1."),
            ),
            label: l.pick("niet ondersteund", "not supported").into(),
            help: Some(l.pick(
                "Schrijf `schema_version: 1`, of gebruik de versie van verklaar waarmee dit bestand is gemaakt.",
                "Write `schema_version: 1`, or use the version of verklaar this file was made for.",
            ).into()),
            related_label: None,
        },
        LoadIssue::InvalidDuration { value } => Text {
            message: l.pick(
                format!("`{value}` is geen termijn in ISO 8601-notatie."),
                format!("`{value}` is not an ISO 8601 duration."),
            ),
            label: l.pick("ongeldige termijn", "invalid duration").into(),
            help: Some(l.pick(
                "Schrijf P + aantal + eenheid: P20Y = 20 jaar, P7Y = 7 jaar, P6M = 6 maanden, P4W = 4 weken, P30D = 30 dagen, P1Y6M = anderhalf jaar.",
                "Write P + number + unit: P20Y = 20 years, P6M = 6 months, P4W = 4 weeks, P30D = 30 days, P1Y6M = 18 months.",
            ).into()),
            related_label: None,
        },
        LoadIssue::InvalidDate { value } => Text {
            message: l.pick(
                format!("`{value}` is geen geldige datum."),
                format!("`{value}` is not a valid date."),
            ),
            label: l.pick("ongeldige datum", "invalid date").into(),
            help: Some(l.pick(
                "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2025-03-01 voor 1 maart 2025, en controleer of de dag bestaat.",
                "Write the date as YYYY-MM-DD, e.g. 2025-03-01, and check that the day exists.",
            ).into()),
            related_label: None,
        },
        LoadIssue::NotUtf8 { line, column } => Text {
            message: l.pick(
                format!("Het bestand is geen UTF-8-tekst (regel {line}, kolom {column})."),
                format!("The file is not UTF-8 text (line {line}, column {column})."),
            ),
            label: l.pick("ongeldige tekens", "invalid bytes").into(),
            help: Some(l.pick(
                "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8).",
                "Save the file as UTF-8 (in most editors: 'Save as' → encoding UTF-8).",
            ).into()),
            related_label: None,
        },
        LoadIssue::TooLarge { size, limit } => Text {
            message: l.pick(
                format!("Het bestand is te groot: {} bytes, het maximum is {} bytes (10 MB).", dutch_thousands(*size), dutch_thousands(*limit)),
                format!("The file is too large: {size} bytes, the maximum is {limit} bytes (10 MB)."),
            ),
            label: l.pick("te groot", "too large").into(),
            help: Some(l.pick(
                "Een organisatiebestand is normaal enkele tientallen kilobytes. Controleer of dit het juiste bestand is.",
                "An organisation file is normally a few tens of kilobytes. Check that this is the right file.",
            ).into()),
            related_label: None,
        },
        LoadIssue::TooDeep { limit } => Text {
            message: l.pick(
                format!("De YAML is dieper genest dan {limit} niveaus."),
                format!("The YAML is nested deeper than {limit} levels."),
            ),
            label: l.pick("te diep genest", "nested too deeply").into(),
            help: Some(l.pick(
                "Het formaat van verklaar komt nooit boven een paar niveaus. Controleer de inspringing en de haakjes [ ] en { }.",
                "The verklaar format never goes beyond a few levels. Check the indentation and the brackets [ ] and { }.",
            ).into()),
            related_label: None,
        },
        LoadIssue::AliasLimit => Text {
            message: l.pick(
                "De YAML-verwijzingen (& en *) leveren te veel gegevens op.",
                "The YAML aliases (& and *) expand to too much data.",
            ).into(),
            label: l.pick("hier wordt de grens overschreden", "the limit is exceeded here").into(),
            help: Some(l.pick(
                "Schrijf de gegevens uit in plaats van ze via ankers (&) en verwijzingen (*) te herhalen.",
                "Write the data out instead of repeating it through anchors (&) and aliases (*).",
            ).into()),
            related_label: None,
        },
        LoadIssue::Unreadable { error, kind } => Text {
            message: match kind {
                Some(std::io::ErrorKind::NotFound) => l.pick(
                    "Het bestand kan niet worden gelezen: het bestaat niet (of een snelkoppeling wijst naar niets).".to_string(),
                    "The file cannot be read: it does not exist (or a symbolic link points to nothing).".to_string(),
                ),
                Some(std::io::ErrorKind::PermissionDenied) => l.pick(
                    "Het bestand kan niet worden gelezen: u heeft geen leesrechten.".to_string(),
                    "The file cannot be read: permission denied.".to_string(),
                ),
                _ => l.pick(
                    format!("Het bestand kan niet worden gelezen: {error}."),
                    format!("The file cannot be read: {error}."),
                ),
            },
            label: String::new(),
            help: Some(l.pick(
                "Controleer het pad en de leesrechten.",
                "Check the path and the read permissions.",
            ).into()),
            related_label: None,
        },
        LoadIssue::InvalidValue { key, value, rule } => {
            let (what, help) = match rule {
                ValueRule::IdPattern => (
                    l.pick(
                        format!("`{value}` is geen geldig id voor `{key}`."),
                        format!("`{value}` is not a valid id for `{key}`."),
                    ),
                    l.pick(
                        "Een id bestaat uit kleine letters, cijfers, - en _, en begint met een letter of cijfer, bijvoorbeeld `clienten` of `ict-leverancier`.",
                        "An id consists of lower-case letters, digits, - and _, starting with a letter or digit, e.g. `clients` or `it-supplier`.",
                    ).to_string(),
                ),
                ValueRule::RuleCode => (
                    l.pick(
                        format!("`{value}` is geen regelcode."),
                        format!("`{value}` is not a rule code."),
                    ),
                    l.pick(
                        "Een regelcode is VK gevolgd door drie cijfers, bijvoorbeeld VK401. `verklaar rules` toont ze allemaal.",
                        "A rule code is VK followed by three digits, e.g. VK401. `verklaar rules` lists them all.",
                    ).to_string(),
                ),
                ValueRule::Other(detail) => (
                    l.pick(
                        format!("`{value}` is geen geldige waarde voor `{key}` ({detail})."),
                        format!("`{value}` is not a valid value for `{key}` ({detail})."),
                    ),
                    l.pick("Zie de uitleg bij deze sleutel in het schema.", "See the description of this key in the schema.").to_string(),
                ),
            };
            Text {
                message: what,
                label: l.pick("ongeldige waarde", "invalid value").into(),
                help: Some(help),
                related_label: None,
            }
        }
        LoadIssue::NotAMapping => Text {
            message: l.pick(
                "Het bestand bevat geen organisatiebeschrijving: verwacht wordt een blok met sleutels, beginnend met `schema_version: 1`.",
                "The file holds no organisation description: expected a mapping of keys, starting with `schema_version: 1`.",
            ).into(),
            label: l.pick("hier", "here").into(),
            help: Some(l.pick(
                "Begin met `schema_version: 1`, `organisation:` en `statement:`; een volledig voorbeeld staat in organisations/voorbeeld-praktijk.yaml.",
                "Start with `schema_version: 1`, `organisation:` and `statement:`; a complete example is organisations/voorbeeld-praktijk.yaml.",
            ).into()),
            related_label: None,
        },
        LoadIssue::MultipleDocuments => Text {
            message: l.pick(
                "Het bestand bevat meer dan één YAML-document (gescheiden door ---).",
                "The file holds more than one YAML document (separated by ---).",
            ).into(),
            label: l.pick("tweede document", "second document").into(),
            help: Some(l.pick(
                "Zet elke organisatie in een eigen bestand.",
                "Put each organisation in a file of its own.",
            ).into()),
            related_label: None,
        },
        LoadIssue::TooManyNodes => Text {
            message: l.pick(
                "Het bestand bevat te veel YAML-elementen om veilig te lezen.",
                "The file holds too many YAML elements to read safely.",
            ).into(),
            label: l.pick("hier wordt de grens overschreden", "the limit is exceeded here").into(),
            help: Some(l.pick(
                "Een organisatiebestand heeft hooguit enkele duizenden elementen. Controleer of dit het juiste bestand is.",
                "An organisation file has at most a few thousand elements. Check that this is the right file.",
            ).into()),
            related_label: None,
        },
        LoadIssue::TextTooLong { key, chars, limit } => Text {
            message: l.pick(
                format!(
                    "`{key}` is {} tekens lang; een tekst in een privacyverklaring mag hooguit {} tekens zijn.",
                    dutch_thousands(*chars as u64),
                    dutch_thousands(*limit as u64)
                ),
                format!("`{key}` is {chars} characters long; a text in a privacy statement may be at most {limit} characters."),
            ),
            label: l.pick("te lange tekst", "text too long").into(),
            help: Some(l.pick(
                "Zo lang wordt geen verklaring: controleer of hier niet per ongeluk een heel document is geplakt. Verwijs naar een lang reglement met een link in plaats van het over te nemen.",
                "No statement is this long: check that a whole document was not pasted here by mistake. Link to a long regulation instead of copying it.",
            ).into()),
            related_label: None,
        },
        LoadIssue::TooMuchText { chars, char_limit, links, link_limit } => Text {
            message: if chars > char_limit {
                l.pick(
                    format!(
                        "Alle tekst in het bestand samen is {} tekens; een privacyverklaring mag hooguit {} tekens zijn.",
                        dutch_thousands(*chars as u64),
                        dutch_thousands(*char_limit as u64)
                    ),
                    format!("All text in the file together is {chars} characters; a privacy statement may be at most {char_limit} characters."),
                )
            } else {
                l.pick(
                    format!("De teksten in het bestand bevatten samen {links} links; een privacyverklaring mag er hooguit {link_limit} hebben."),
                    format!("The texts in the file hold {links} links together; a privacy statement may have at most {link_limit}."),
                )
            },
            label: l.pick("in dit bestand", "in this file").into(),
            help: Some(l.pick(
                "Zo groot wordt geen verklaring: controleer of dit het juiste bestand is, en of er niet per ongeluk documenten zijn geplakt. Verwijs naar lange stukken met een link.",
                "No statement is this large: check that this is the right file and that no documents were pasted by mistake. Link to long documents instead.",
            ).into()),
            related_label: None,
        },
        LoadIssue::ZeroDuration { value } => Text {
            message: l.pick(
                format!("`{value}` is een termijn van 0 dagen; een termijn van 0 dagen kan niet bedoeld zijn."),
                format!("`{value}` is a term of 0 days; a term of 0 days cannot be meant."),
            ),
            label: l.pick("termijn van 0", "zero term").into(),
            help: Some(l.pick(
                "Schrijf de werkelijke termijn, bijvoorbeeld P30D voor 30 dagen. Bewaart u de gegevens niet, laat de termijn dan weg en beschrijf dat in de tekst.",
                "Write the actual term, e.g. P30D for 30 days. If the data is not kept at all, leave the term out and say so in the text.",
            ).into()),
            related_label: None,
        },
        LoadIssue::UnknownRule { code, suggestion } => Text {
            message: match suggestion {
                Some(s) => l.pick(
                    format!("`{code}` in `lint.severity` is geen regel van verklaar. Bedoelde u {s}?"),
                    format!("`{code}` in `lint.severity` is not a verklaar rule. Did you mean {s}?"),
                ),
                None => l.pick(
                    format!("`{code}` in `lint.severity` is geen regel van verklaar."),
                    format!("`{code}` in `lint.severity` is not a verklaar rule."),
                ),
            },
            label: l.pick("onbekende regel", "unknown rule").into(),
            help: Some(match suggestion {
                Some(s) => l.pick(
                    format!("Schrijf `{s}`. Regelcodes zijn VK met drie cijfers, in hoofdletters; `verklaar rules` toont ze allemaal."),
                    format!("Write `{s}`. Rule codes are VK and three digits, in capitals; `verklaar rules` lists them all."),
                ),
                None => l.pick(
                    "Regelcodes zijn VK met drie cijfers, in hoofdletters; `verklaar rules` toont ze allemaal.".to_string(),
                    "Rule codes are VK and three digits, in capitals; `verklaar rules` lists them all.".to_string(),
                ),
            }),
            related_label: None,
        },
        LoadIssue::ReasonRequired { code, level } => Text {
            message: if level == "off" {
                l.pick(
                    format!("{code} is een verplichte controle (fout) en gaat alleen uit met een reden."),
                    format!("{code} is a mandatory check (error) and can only be turned off with a reason."),
                )
            } else {
                l.pick(
                    format!("{code} is een verplichte controle (fout) en gaat alleen naar `{level}` met een reden."),
                    format!("{code} is a mandatory check (error) and can only be set to `{level}` with a reason."),
                )
            },
            label: l.pick("reden ontbreekt", "reason missing").into(),
            help: Some(l.pick(
                format!("Schrijf `{code}: {{ level: {level}, reason: \"waarom dit hier terecht is\" }}`. De reden verschijnt bij elke controle in de uitvoer."),
                format!("Write `{code}: {{ level: {level}, reason: \"why this is right here\" }}`. The reason shows in the output of every check."),
            )),
            related_label: None,
        },
        LoadIssue::EmptyText { key } => Text {
            message: l.pick(
                format!("`{key}` is leeg; hier hoort tekst."),
                format!("`{key}` is empty; text belongs here."),
            ),
            label: l.pick("lege tekst", "empty text").into(),
            help: Some(l.pick(
                format!("Vul `{key}` in, of laat de regel weg waar dat mag. Een lege waarde komt als leeg kopje of lege zin in de verklaring."),
                format!("Fill in `{key}`, or leave the line out where that is allowed. An empty value ends up as an empty heading or sentence in the statement."),
            )),
            related_label: None,
        },
        LoadIssue::UnknownTag { tag } => Text {
            message: l.pick(
                format!("De YAML-tag `{tag}` kent verklaar niet; de waarde zou stil verdwijnen of veranderen."),
                format!("verklaar does not know the YAML tag `{tag}`; the value would silently disappear or change."),
            ),
            label: l.pick("onbekende tag", "unknown tag").into(),
            help: Some(l.pick(
                "Haal de tag weg en schrijf de waarde als gewone tekst, eventueel tussen aanhalingstekens.",
                "Remove the tag and write the value as plain text, in quotes if needed.",
            ).into()),
            related_label: None,
        },
        LoadIssue::SymlinkOutside { target, folder } => Text {
            message: l.pick(
                format!("Dit is een snelkoppeling naar `{target}`, buiten de map `{folder}`; verklaar volgt haar niet."),
                format!("This is a symbolic link to `{target}`, outside the folder `{folder}`; verklaar does not follow it."),
            ),
            label: String::new(),
            help: Some(l.pick(
                "Zet het bestand zelf in de map, of noem het los op de opdrachtregel als u het wilt controleren.",
                "Put the file itself in the folder, or name it on the command line to check it.",
            ).into()),
            related_label: None,
        },
        LoadIssue::NotAFile { kind } => {
            let (nl, en) = match kind {
                FileKind::Fifo => ("een named pipe (FIFO)", "a named pipe (FIFO)"),
                FileKind::Device => ("een apparaatbestand", "a device file"),
                FileKind::Socket => ("een socket", "a socket"),
                FileKind::Other => ("geen gewoon bestand", "not a regular file"),
            };
            Text {
                message: l.pick(
                    format!("Dit is {nl}, geen gewoon bestand; verklaar leest het niet."),
                    format!("This is {en}, not a regular file; verklaar does not read it."),
                ),
                label: String::new(),
                help: Some(l.pick(
                    "Een organisatiebestand is een gewoon .yaml-bestand. Verwijder dit pad of geef het echte bestand op.",
                    "An organisation file is a regular .yaml file. Remove this path or give the real file.",
                ).into()),
                related_label: None,
            }
        }
        LoadIssue::NotConfigurable { code } => Text {
            message: l.pick(
                format!("{code} gaat over het `lint:`-blok zelf en is niet in te stellen in `lint.severity`."),
                format!("{code} is about the `lint:` block itself and cannot be set in `lint.severity`."),
            ),
            label: l.pick("niet in te stellen", "not configurable").into(),
            help: Some(l.pick(
                "Verwijder deze regel. Een verlopen of ongebruikte uitzondering lost u op in `lint.allow`; een uitgezette regel blijft altijd zichtbaar.",
                "Remove this line. Fix an expired or unused suppression in `lint.allow`; a rule turned off always stays visible.",
            ).into()),
            related_label: None,
        },
        LoadIssue::Skipped { reason } => {
            let (message, help) = match reason {
                SkipReason::Hidden => (
                    l.pick("overgeslagen: verborgen bestand (de naam begint met een punt).", "skipped: hidden file (the name starts with a dot).").to_string(),
                    l.pick("Wilt u het controleren, noem het dan los op de opdrachtregel of geef het een naam zonder punt.", "To check it, name it on the command line or rename it without the dot."),
                ),
                SkipReason::HiddenFolder => (
                    l.pick("overgeslagen: verborgen map (de naam begint met een punt); wat erin staat wordt niet gelezen.", "skipped: hidden folder (the name starts with a dot); nothing in it is read.").to_string(),
                    l.pick("Zet organisatiebestanden in een map zonder punt aan het begin van de naam.", "Keep organisation files in a folder whose name does not start with a dot."),
                ),
                SkipReason::DuplicateLink { target } => (
                    l.pick(
                        format!("overgeslagen: snelkoppeling naar `{target}`, dat al onder die naam wordt gecontroleerd."),
                        format!("skipped: symbolic link to `{target}`, which is checked under that name."),
                    ),
                    l.pick("Verwijder de snelkoppeling als u haar niet nodig heeft.", "Remove the link if you do not need it."),
                ),
                SkipReason::FolderLink { target } => (
                    l.pick(
                        format!("overgeslagen: snelkoppeling naar de map `{target}`, die al wordt doorzocht."),
                        format!("skipped: symbolic link to the folder `{target}`, which is searched anyway."),
                    ),
                    l.pick("Verwijder de snelkoppeling als u haar niet nodig heeft.", "Remove the link if you do not need it."),
                ),
            };
            Text {
                message,
                label: String::new(),
                help: Some(help.to_string()),
                related_label: None,
            }
        }
    }
}

/// Load error codes with a one-line explanation each (nl, en), for `verklaar explain`.
pub const LOAD_CODES: &[(&str, &str, &str, &str)] = &[
    (
        "L001",
        "yaml-syntax",
        "De tekst is geen geldige YAML: meestal een inspringfout, een tab of een ontbrekende dubbele punt.",
        "The text is not valid YAML: usually an indentation error, a tab or a missing colon.",
    ),
    (
        "L002",
        "wrong-type",
        "Een waarde heeft het verkeerde soort: tekst waar een lijst hoort, een getal waar tekst hoort.",
        "A value has the wrong kind: text where a list belongs, a number where text belongs.",
    ),
    (
        "L003",
        "unknown-key",
        "Een sleutel bestaat niet op die plek; verklaar noemt de sleutel die u waarschijnlijk bedoelde.",
        "A key does not exist at that place; verklaar names the key you probably meant.",
    ),
    (
        "L004",
        "value-not-allowed",
        "Een waarde komt niet voor in de lijst van toegestane waarden (bijvoorbeeld een rechtsgrond).",
        "A value is not among the allowed values (for example a legal basis).",
    ),
    (
        "L005",
        "missing-key",
        "Een verplichte sleutel ontbreekt.",
        "A required key is missing.",
    ),
    (
        "L006",
        "duplicate-key",
        "Dezelfde sleutel staat twee keer in één blok.",
        "The same key appears twice in one mapping.",
    ),
    (
        "L007",
        "duplicate-id",
        "Twee items in dezelfde lijst hebben hetzelfde id.",
        "Two items in the same list share an id.",
    ),
    (
        "L008",
        "unknown-reference",
        "Een verwijzing noemt een id dat niet bestaat.",
        "A reference names an id that does not exist.",
    ),
    (
        "L009",
        "unsupported-schema-version",
        "schema_version is niet 1.",
        "schema_version is not 1.",
    ),
    (
        "L010",
        "invalid-duration",
        "Een termijn is niet in ISO 8601-notatie (P20Y, P1M, P4W).",
        "A duration is not in ISO 8601 notation (P20Y, P1M, P4W).",
    ),
    (
        "L011",
        "invalid-date",
        "Een datum is niet JJJJ-MM-DD of bestaat niet.",
        "A date is not YYYY-MM-DD or does not exist.",
    ),
    (
        "L012",
        "not-utf8",
        "Het bestand is niet in UTF-8 opgeslagen.",
        "The file is not saved as UTF-8.",
    ),
    (
        "L013",
        "file-too-large",
        "Het bestand is groter dan 10 MB.",
        "The file is larger than 10 MB.",
    ),
    (
        "L014",
        "nesting-too-deep",
        "De YAML is dieper genest dan 64 niveaus.",
        "The YAML is nested deeper than 64 levels.",
    ),
    (
        "L015",
        "alias-limit",
        "YAML-ankers en -verwijzingen leveren te veel gegevens op (bescherming tegen 'billion laughs').",
        "YAML anchors and aliases expand to too much data (protection against 'billion laughs').",
    ),
    (
        "L016",
        "unreadable-file",
        "Het bestand kan niet worden geopend of gelezen.",
        "The file cannot be opened or read.",
    ),
    (
        "L017",
        "invalid-value",
        "Een waarde voldoet niet aan de vorm die het schema vraagt (bijvoorbeeld een id met hoofdletters).",
        "A value does not have the form the schema asks for (for example an id with capitals).",
    ),
    (
        "L018",
        "not-a-mapping",
        "Het bestand is leeg of bevat geen blok met sleutels.",
        "The file is empty or holds no mapping of keys.",
    ),
    (
        "L019",
        "multiple-documents",
        "Het bestand bevat meer dan één YAML-document.",
        "The file holds more than one YAML document.",
    ),
    (
        "L020",
        "too-many-nodes",
        "Het bestand bevat te veel YAML-elementen.",
        "The file holds too many YAML elements.",
    ),
    (
        "L021",
        "unknown-rule",
        "Een sleutel in `lint.severity` is geen regelcode van verklaar (bijvoorbeeld een O in plaats van een 0, of kleine letters).",
        "A key in `lint.severity` is not a verklaar rule code (for example an O for a 0, or lower case).",
    ),
    (
        "L022",
        "reason-required",
        "Een regel die standaard een fout is, staat in `lint.severity` uit of lager zonder `reason`.",
        "A rule that is an error by default is turned off or down in `lint.severity` without a `reason`.",
    ),
    (
        "L023",
        "empty-text",
        "Een verplichte tekst is leeg of bevat alleen spaties.",
        "A required text is empty or only spaces.",
    ),
    (
        "L024",
        "unknown-tag",
        "Een waarde heeft een YAML-tag (`!!binary`, `!iets`) die verklaar niet kent.",
        "A value carries a YAML tag (`!!binary`, `!something`) verklaar does not know.",
    ),
    (
        "L025",
        "symlink-outside-folder",
        "Een snelkoppeling in de map met organisaties wijst naar een bestand buiten die map.",
        "A symbolic link in the organisations folder points outside that folder.",
    ),
    (
        "L026",
        "not-a-regular-file",
        "Een pad is geen gewoon bestand maar een named pipe, apparaat of socket.",
        "A path is not a regular file but a named pipe, device or socket.",
    ),
    (
        "L027",
        "file-skipped",
        "Een bestand of map is overgeslagen (verborgen, of een snelkoppeling naar iets dat al wordt gecontroleerd); ter informatie.",
        "A file or folder was skipped (hidden, or a link to something checked anyway); for information.",
    ),
    (
        "L028",
        "rule-not-configurable",
        "`lint.severity` noemt een code over het `lint:`-blok zelf (VK901–VK903); die zijn niet in te stellen.",
        "`lint.severity` names a code about the `lint:` block itself (VK901–VK903); those cannot be set.",
    ),
    (
        "L029",
        "text-too-long",
        "Eén tekst is langer dan een privacyverklaring ooit nodig heeft (meer dan 20.000 tekens); verklaar maakt er geen pagina van.",
        "One text is longer than a privacy statement ever needs (over 20,000 characters); verklaar makes no page of it.",
    ),
    (
        "L030",
        "too-much-text",
        "Alle tekst samen is meer dan een privacyverklaring ooit nodig heeft (meer dan 200.000 tekens of meer dan 500 links); verklaar maakt er geen pagina van.",
        "All text together is more than a privacy statement ever needs (over 200,000 characters or over 500 links); verklaar makes no page of it.",
    ),
];

/// Looks up a load code (case-insensitive) or its name.
pub fn load_code(code: &str) -> Option<(&'static str, &'static str, &'static str, &'static str)> {
    LOAD_CODES
        .iter()
        .find(|(c, n, ..)| c.eq_ignore_ascii_case(code) || *n == code)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_load_code_has_a_name() {
        for (code, name, ..) in LOAD_CODES {
            assert_eq!(load_code(code).map(|c| c.1), Some(*name));
        }
        let issue = LoadIssue::AliasLimit;
        assert_eq!(code_and_name(&issue), ("L015", "alias-limit"));
        assert_eq!(code_and_name(&LoadIssue::TooManyNodes), ("L020", "too-many-nodes"));
    }
}
