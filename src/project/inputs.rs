//! Stage 1, discover: the organisation files under the paths given, and the paths that were
//! skipped or refused (each becomes a record, so nothing is passed over in silence).

use std::path::PathBuf;

use super::config::Project;
use super::report::Record;
use crate::diagnostics::load::code_and_name;
use crate::diagnostics::{LoadDiagnostic, LoadIssue};
use crate::i18n::Lang;
use crate::source::SourceFile;
use crate::source::discover::{Note, discover};

/// The files of one run, in a stable order, and what was left out.
#[derive(Debug)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    notes: Vec<(PathBuf, Note)>,
}

/// Why there is nothing to do: the tool could not do its job (exit 2).
#[derive(Debug)]
pub enum InputsError {
    /// A path on the command line does not exist or cannot be inspected.
    Unreadable(PathBuf, std::io::Error),
    /// No organisation file at all.
    Nothing,
}

impl InputsError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            InputsError::Unreadable(path, e) => lang.pick(
                format!("verklaar: '{}' kan niet worden gelezen: {e}", path.display()),
                format!("verklaar: cannot read '{}': {e}", path.display()),
            ),
            InputsError::Nothing => lang
                .pick(
                    "verklaar: geen organisatiebestanden (*.yaml, *.yml) gevonden.",
                    "verklaar: no organisation files (*.yaml, *.yml) found.",
                )
                .to_string(),
        }
    }
}

impl Inputs {
    pub fn discover(paths: &[PathBuf]) -> Result<Inputs, InputsError> {
        let found = discover(paths).map_err(|(path, e)| InputsError::Unreadable(path, e))?;
        if found.files.is_empty() && found.notes.is_empty() {
            return Err(InputsError::Nothing);
        }
        Ok(Inputs {
            files: found.files,
            notes: found.notes,
        })
    }

    /// The files of the paths given on the command line, or else the project file's
    /// `paths`, or else `organisations`; files found in folders that match the project's
    /// `exclude` are left out (a file named on the command line is always checked).
    pub fn of_project(given: &[PathBuf], project: Option<&Project>) -> Result<Inputs, InputsError> {
        let default = vec![PathBuf::from("organisations")];
        let paths = if !given.is_empty() {
            given
        } else {
            project.map_or(&default, |p| &p.paths)
        };
        let mut inputs = Inputs::discover(paths)?;
        if let Some(project) = project {
            let cwd = std::env::current_dir().unwrap_or_default();
            inputs
                .files
                .retain(|file| paths.contains(file) || !project.excludes(file, &cwd));
            if inputs.files.is_empty() && inputs.notes.is_empty() {
                return Err(InputsError::Nothing);
            }
        }
        Ok(inputs)
    }

    /// Files checked: the ones loaded and the ones refused (a skipped dotfile is not).
    pub fn counted(&self) -> usize {
        let refused = self
            .notes
            .iter()
            .filter(|(_, note)| !matches!(note, Note::Skipped(_)))
            .count();
        self.files.len() + refused
    }

    /// The skipped and refused paths as records (`L…` codes).
    pub fn note_records(&self, lang: Lang) -> Vec<Record> {
        self.notes
            .iter()
            .map(|(path, note)| {
                let file = SourceFile::new(path.clone(), "");
                let issue = match note {
                    Note::Skipped(reason) => LoadIssue::Skipped { reason: reason.clone() },
                    Note::LinkOutside { target, folder } => LoadIssue::SymlinkOutside {
                        target: target.display().to_string(),
                        folder: folder.display().to_string(),
                    },
                    Note::NotAFile(kind) => LoadIssue::NotAFile { kind: *kind },
                    Note::Unreadable(error) => LoadIssue::unreadable(error),
                };
                load_record(&LoadDiagnostic::new(issue, 0..0), &file, lang)
            })
            .collect()
    }
}

/// A load diagnostic as a record.
pub fn load_record(d: &LoadDiagnostic, file: &SourceFile, lang: Lang) -> Record {
    Record::new(d.render(file, lang), code_and_name(&d.issue).1, None)
}
