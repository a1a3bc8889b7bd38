//! The sandboxed typst [`World`] of one statement.
//!
//! Modelled on typst's own `tests/src/world.rs` (`TestWorld`): everything it serves is held in
//! memory. It serves exactly two files, the theme's `statement.typ` (the main source) and
//! `data.json` (the statement as JSON); every other path, every package and the file system
//! are refused. Fonts are typst's embedded fonts, loaded once per process and shared by every
//! world. The date is fixed per document, never the clock, so the same statement always
//! gives the same bytes.
//!
//! User text never becomes typst source: the template reads it with `json("data.json")`,
//! and strings from JSON are text to typst, never markup or code.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

/// The path of the theme template inside the world.
pub const MAIN_PATH: &str = "statement.typ";
/// The path of the statement data inside the world.
pub const DATA_PATH: &str = "data.json";

/// typst's standard library, built once per process. `a11y-extras` enables
/// `pdf.header-cell(scope: "row")` for the row headers of our tables.
pub fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        LazyHash::new(
            Library::builder()
                .with_features([Feature::A11yExtras].into_iter().collect())
                .build(),
        )
    })
}

/// typst's embedded fonts (Libertinus Serif, New Computer Modern, DejaVu Sans Mono), read
/// once per process and shared by every document. No system fonts: the output must not
/// depend on the machine.
pub fn fonts() -> &'static FontStore {
    static FONTS: OnceLock<FontStore> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut store = FontStore::new();
        store.extend(typst_kit::fonts::embedded());
        store
    })
}

/// A file id in the project root.
pub fn file_id(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| format!("'{path}': {e}"))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// The world of one statement: the theme, its data, the fonts and a fixed date.
pub struct StatementWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl StatementWorld {
    /// `main` is the parsed theme template (its id is [`MAIN_PATH`]), `data` the JSON,
    /// `today` the date typst's `datetime.today()` returns.
    pub fn new(main: Source, data_id: FileId, data: Vec<u8>, today: Option<Datetime>) -> StatementWorld {
        StatementWorld {
            main,
            data_id,
            data: Bytes::new(data),
            today,
        }
    }

    pub fn main_source(&self) -> &Source {
        &self.main
    }
}

impl World for StatementWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        fonts().book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.data_id {
            Err(FileError::NotSource)
        } else {
            Err(refused(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(refused(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        // `FontStore::font` returns `None` for an index out of range.
        fonts().font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Anything but our two files: packages and other paths alike.
fn refused(id: FileId) -> FileError {
    if matches!(id.root(), VirtualRoot::Package(_)) {
        FileError::Other(Some("packages are not available to verklaar themes".into()))
    } else {
        FileError::AccessDenied
    }
}
