//! Dutch `--help` and usage errors: the command definition gets the Dutch texts of
//! `help_nl.yaml` before parsing, and what clap renders itself (headings, "error:", tips) is
//! translated phrase by phrase. English (`--lang en`) is the definition as written.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::sync::OnceLock;

use clap::Command;
use serde::Deserialize;

use crate::i18n::Lang;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    commands: BTreeMap<String, CommandText>,
    options: BTreeMap<String, OptionText>,
    phrases: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CommandText {
    about: String,
    #[serde(default)]
    long_about: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionText {
    help: String,
    #[serde(default)]
    value: Option<String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The table is compiled in and checked by the tests below: a broken one cannot ship.
        serde_saphyr::from_str(include_str!("help_nl.yaml")).unwrap_or_else(|e| panic!("help_nl.yaml: {e}"))
    })
}

/// The language asked for on the command line, read before clap parses it, so that help and
/// usage errors come in that language. Anything that is not `en` is Dutch.
pub fn lang_of(argv: &[OsString]) -> Lang {
    let mut words = argv.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(value) = value {
            return if value == "en" { Lang::En } else { Lang::Nl };
        }
    }
    Lang::Nl
}

/// The command with the texts of `lang`.
pub fn localize(command: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => command,
        Lang::Nl => translate(command, "verklaar"),
    }
}

fn translate(mut command: Command, name: &str) -> Command {
    let table = table();
    if let Some(text) = table.commands.get(name) {
        command = command.about(text.about.as_str());
        command = command.long_about(text.long_about.as_deref());
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in ids {
        if let Some(text) = table.options.get(&format!("{name} {id}")) {
            command = command.mut_arg(id, |arg| {
                // clap's own "[default: …]" and "[possible values: …]" wrap with the text,
                // where no phrase can find them: the Dutch ones are part of the text.
                let mut help = text.help.clone();
                let values: Vec<String> = arg
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                let defaults: Vec<String> = arg
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                let takes_values = arg.get_action().takes_values();
                if !defaults.is_empty() && takes_values {
                    help.push_str(&format!(" [standaard: {}]", defaults.join(", ")));
                }
                if !values.is_empty() && takes_values {
                    help.push_str(&format!(" [mogelijke waarden: {}]", values.join(", ")));
                }
                let arg = arg
                    .help(help)
                    .long_help(None::<&str>)
                    .hide_default_value(takes_values)
                    .hide_possible_values(takes_values);
                match &text.value {
                    Some(value) => arg.value_name(value.as_str()),
                    None => arg,
                }
            });
        }
    }
    let subcommands: Vec<String> = command.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for sub in subcommands {
        command = command.mut_subcommand(sub.clone(), |s| translate(s, &sub));
    }
    command
}

/// What clap rendered (help or an error), its own words in `lang`.
pub fn translate_rendered(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    table()
        .phrases
        .iter()
        .fold(text.to_string(), |text, (en, nl)| text.replace(en, nl))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;

    use super::*;
    use crate::cli::Args;

    /// Every visible command and option, as the keys of the table.
    fn keys(command: &Command, name: &str, commands: &mut BTreeSet<String>, options: &mut BTreeSet<String>) {
        commands.insert(name.to_string());
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if !arg.is_hide_set() && id != "help" && id != "version" && (name == "verklaar" || !arg.is_global_set()) {
                options.insert(format!("{name} {id}"));
            }
        }
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            keys(sub, sub.get_name(), commands, options);
        }
    }

    #[test]
    fn every_command_and_option_has_its_dutch_text_and_no_more() {
        let (mut commands, mut options) = (BTreeSet::new(), BTreeSet::new());
        keys(&Args::command(), "verklaar", &mut commands, &mut options);
        let table = table();
        assert_eq!(table.commands.keys().cloned().collect::<BTreeSet<_>>(), commands);
        assert_eq!(table.options.keys().cloned().collect::<BTreeSet<_>>(), options);
    }

    #[test]
    fn the_dutch_definition_is_valid() {
        // clap checks the definition (value names, ids) when it builds the command.
        localize(Args::command(), Lang::Nl).debug_assert();
    }

    #[test]
    fn the_language_comes_from_the_command_line() {
        let argv = |words: &[&str]| words.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_of(&argv(&["verklaar", "lint", "--help"])), Lang::Nl);
        assert_eq!(lang_of(&argv(&["verklaar", "--lang", "en", "lint"])), Lang::En);
        assert_eq!(lang_of(&argv(&["verklaar", "lint", "--lang=en", "-h"])), Lang::En);
        assert_eq!(lang_of(&argv(&["verklaar", "lint", "--", "--lang=en"])), Lang::Nl);
    }
}
