//! The one error type of the crate.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// Everything that can go wrong in the store. Every message says what happened and, where
/// a file is involved, which file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// No platform data directory could be found and `JOURNEYLAB_DB` is not set.
    #[error(
        "no data directory could be found for this user; set JOURNEYLAB_DB (or pass --db) \
         to choose where the Journey Lab database lives"
    )]
    NoDataDir,

    /// The folder that should hold the database could not be created.
    #[error("cannot create the folder {path} for the Journey Lab database: {source}")]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },

    /// The database file exists but could not be read.
    #[error("cannot read the database file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },

    /// The file is not an SQLite database at all (wrong header). It was left untouched.
    #[error(
        "{path} is not a Journey Lab database (it is not an SQLite file); the file was left \
         untouched — choose another path with --db or JOURNEYLAB_DB"
    )]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },

    /// The file is an SQLite database, but one that belongs to another application.
    #[error(
        "{path} is an SQLite database of another application, not a Journey Lab database; \
         the file was left untouched"
    )]
    ForeignDatabase {
        /// The file.
        path: PathBuf,
    },

    /// SQLite reported the file as damaged.
    #[error("the database file {path} is damaged: {detail}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },

    /// The file was written by a newer Journey Lab with a schema this build does not know.
    /// Nothing was changed: the file is never downgraded.
    #[error(
        "{path} has schema version {found}, newer than version {supported} that this build \
         of Journey Lab understands; update Journey Lab to open it (the file was not changed)"
    )]
    NewerSchema {
        /// The file.
        path: PathBuf,
        /// The schema version found in the file (`PRAGMA user_version`).
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },

    /// Any other SQLite error.
    #[error("database error on {path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The underlying error.
        source: rusqlite::Error,
    },

    /// A model, model version or run does not exist.
    #[error("{what} {id} not found")]
    NotFound {
        /// What was looked for: `"model"`, `"model version"`, `"run"`.
        what: &'static str,
        /// The id, key or version asked for.
        id: String,
    },

    /// A text that must be JSON is not.
    #[error("{what} is not valid JSON: {source}")]
    InvalidJson {
        /// Which text.
        what: &'static str,
        /// The parse error (with line and column).
        source: serde_json::Error,
    },

    /// The result document given to [`Store::finish_run`](crate::Store::finish_run) is not a
    /// `journeylab-result/1` document the store can split by scenario.
    #[error("invalid result document: {0}")]
    InvalidResult(String),

    /// The samples given to [`Store::finish_run`](crate::Store::finish_run) do not fit the run.
    #[error("invalid samples: {0}")]
    InvalidSamples(String),

    /// An argument is out of range or empty.
    #[error("invalid input: {0}")]
    InvalidInput(String),

    /// The run is not running any more, so it cannot be finished, failed or cancelled.
    #[error("run {id} is {status}, not running")]
    RunNotRunning {
        /// The run.
        id: i64,
        /// Its current status.
        status: String,
    },

    /// The run is still running, so it cannot be deleted.
    #[error("run {id} is still running; cancel it or wait for it to finish before deleting it")]
    RunInProgress {
        /// The run.
        id: i64,
    },

    /// SQLite could not write: a file or the folder is read-only. Says which.
    #[error("cannot write to the Journey Lab database: {detail}")]
    ReadOnly {
        /// The database file.
        path: PathBuf,
        /// Which file or folder is read-only, and what to do.
        detail: String,
    },

    /// The disk holding the database is full.
    #[error("the disk holding {path} is full: free some space (`journeylab runs delete` removes stored runs and gives their space back) and try again")]
    DiskFull {
        /// The database file.
        path: PathBuf,
    },

    /// Stored data could not be decoded (for example a sample BLOB whose length is not a
    /// multiple of 8). Points at a bug or at a file edited by hand.
    #[error("stored data in {path} is malformed: {detail}")]
    Malformed {
        /// The database file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
}

/// Shorthand for results of this crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Turns an SQLite error into a [`StoreError`] naming the file; damage is reported as
/// [`StoreError::Corrupt`].
pub(crate) fn sql_error(path: &Path, source: rusqlite::Error) -> StoreError {
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: source.to_string(),
        },
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen)
            if read_only_culprit(path).is_some() =>
        {
            StoreError::ReadOnly {
                path: path.to_path_buf(),
                detail: read_only_culprit(path).unwrap_or_default(),
            }
        }
        Some(ErrorCode::DiskFull) => StoreError::DiskFull {
            path: path.to_path_buf(),
        },
        _ => StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// Which of the files SQLite writes (the database, its `-wal` and `-shm` beside it) or
/// their folder is read-only, in words; `None` when none is (then SQLite's own message
/// stands).
pub fn read_only_culprit(path: &Path) -> Option<String> {
    let with = |suffix: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    let read_only = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.permissions().readonly())
            .unwrap_or(false)
    };
    for (file, what) in [
        (with("-shm"), "its shared-memory file"),
        (with("-wal"), "its write-ahead log"),
    ] {
        if read_only(&file) {
            return Some(format!(
                "{what} {} is read-only (left so by an earlier read-only session?); make it writable or remove it while no Journey Lab is running",
                file.display()
            ));
        }
    }
    if read_only(path) {
        return Some(format!("the database file {} is read-only", path.display()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder_writable(&dir) {
        return Some(format!(
            "the folder {} is read-only (SQLite keeps its -wal and -shm files beside the database); choose a writable place with --db or JOURNEYLAB_DB",
            dir.display()
        ));
    }
    None
}

/// Whether a file can be created in `dir` (permission bits say too little: ACLs, read-only
/// mounts, root).
fn folder_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".journeylab-write-probe-{}", std::process::id()));
    match std::fs::File::create(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}
