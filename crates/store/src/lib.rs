//! The Journey Lab local workspace: one SQLite file that remembers every model version and
//! every run, so results can be found, reopened, compared and redrawn months later.
//!
//! Both the CLI and the desktop app use this crate, possibly on the same file at the same
//! time. The schema is documented in `docs/schema.md` at the repository root.
//!
//! # Opening
//!
//! ```no_run
//! use journeylab_store::{default_db_path, Store};
//!
//! # fn main() -> Result<(), journeylab_store::StoreError> {
//! // `--db PATH` wins; otherwise $JOURNEYLAB_DB; otherwise the platform data directory
//! // (`~/.local/share/journeylab/journeylab.db` on Linux).
//! let path = default_db_path()?;
//! let store = Store::open(&path)?; // creates the folder and file, migrates the schema
//! for id in store.interrupted_at_open() {
//!     eprintln!("run {id} was interrupted (its process ended before it finished)");
//! }
//! // Seed the example models once per database (a no-op afterwards).
//! store.seed_examples([("login", "Login", r#"{"name": "Login"}"#)])?;
//! # Ok(()) }
//! ```
//!
//! [`Store::open`] refuses, without touching the file, a file that is not an SQLite
//! database ([`StoreError::NotADatabase`]), an SQLite file of another application
//! ([`StoreError::ForeignDatabase`]) and a database written by a newer Journey Lab
//! ([`StoreError::NewerSchema`]).
//!
//! # Models
//!
//! A *model* has a stable `key` (a slug of its name or file stem) and a history of
//! immutable *versions* 1, 2, … holding the model JSON text exactly as given.
//! [`Store::import_model`] creates the model or adds a version to it; saving the same
//! content as the newest version again returns that version (`created == false`).
//!
//! ```no_run
//! # fn main() -> Result<(), journeylab_store::StoreError> {
//! # let store = journeylab_store::Store::open("/tmp/x.db")?;
//! # let json_text = "{}";
//! let v = store.import_model("login.json", "Login", json_text, Some("imported"))?;
//! println!("model {} ({}) version {}", v.model_id, v.model_key, v.version);
//! let latest = store.model_version(v.model_id, None)?; // .json is the exact text
//! # let _ = latest; Ok(()) }
//! ```
//!
//! # Runs
//!
//! A run is recorded *before* it starts ([`Store::begin_run`], committed at once, status
//! `running`) and completed in one transaction by [`Store::finish_run`] with the
//! `journeylab-result/1` document (spec §7) and the per-iteration samples of the headline
//! metrics; or ended with [`Store::fail_run`] / [`Store::cancel_run`]. A process killed
//! part-way leaves its run `running`; the next [`Store::open`] (in any process) sees that
//! the owner is gone and marks it `failed` with the error [`INTERRUPTED`].
//!
//! ```no_run
//! # use journeylab_store::{RunSettings, SampleSeries};
//! # fn main() -> Result<(), journeylab_store::StoreError> {
//! # let store = journeylab_store::Store::open("/tmp/x.db")?;
//! # let (version_id, result_json) = (1, "{}");
//! let run_id = store.begin_run(version_id, &RunSettings {
//!     scenarios: vec!["baseline".into()],
//!     iterations: 2,
//!     seed: 42,
//!     mode: "sampled".into(),
//!     engine_version: "0.1.0".into(),
//!     settings_json: None,
//! })?;
//! // ... simulate ...
//! store.finish_run(run_id, result_json, &[SampleSeries {
//!     scenario_id: "baseline".into(),
//!     metric: "legit_success_rate".into(),
//!     values: vec![0.91, f64::NAN], // NaN = absent (zero denominator)
//! }])?;
//! let record = store.get_run(run_id)?;
//! let samples = store.run_samples(run_id, "baseline", "legit_success_rate")?;
//! # let _ = (record, samples); Ok(()) }
//! ```
//!
//! # Concurrency
//!
//! A [`Store`] is `Send + Sync` (share it with `Arc`, or as Tauri state). It holds one
//! write connection and one read connection, each behind a mutex. The file is in WAL mode,
//! so readers never block the writer nor each other; every write is a `BEGIN IMMEDIATE`
//! transaction and waits up to [`BUSY_TIMEOUT`] for another process's write to end, so the
//! app and the CLI can write one file at the same time.
#![deny(missing_docs)]

mod decisions;
mod error;
mod models;
mod process;
mod runs;
mod samples;
mod schema;
mod workshops;

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

pub use decisions::{
    decision_subject, derive_status, Decision, DecisionEntry, DecisionStatus, RiskAcceptance, Word,
    WordDetail,
};
pub use error::{read_only_culprit, Result, StoreError};
pub use models::{slugify, ModelRow, ModelVersion, ModelVersionRef, ModelVersionRow};
pub use process::STALE_AFTER_HOURS;
pub use runs::{
    RunFilter, RunRecord, RunRow, RunSettings, RunStatus, SampleKey, ScenarioResult, INTERRUPTED,
};
pub use samples::{decode_samples, encode_samples, SampleSeries};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use workshops::WorkshopRow;

/// How long a write waits for another connection's write transaction to end before giving
/// up with `SQLITE_BUSY`.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The environment variable that overrides the default database path.
pub const DB_ENV: &str = "JOURNEYLAB_DB";

/// The first 16 bytes of every SQLite 3 database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The default database path: `$JOURNEYLAB_DB` if set and not empty, else
/// `<data dir>/journeylab/journeylab.db` where the data directory is the platform's
/// (`$XDG_DATA_HOME` or `~/.local/share` on Linux, `~/Library/Application Support` on
/// macOS, `%APPDATA%` on Windows). The folder is created by [`Store::open`], not here.
pub fn default_db_path() -> Result<PathBuf> {
    db_path_from(std::env::var_os(DB_ENV), dirs::data_dir())
}

fn db_path_from(env: Option<OsString>, data_dir: Option<PathBuf>) -> Result<PathBuf> {
    match env {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => data_dir
            .map(|d| d.join("journeylab").join("journeylab.db"))
            .ok_or(StoreError::NoDataDir),
    }
}

/// A handle on one Journey Lab database file. See the [crate docs](crate).
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    write: Mutex<Connection>,
    read: Mutex<Connection>,
    token: String,
    interrupted: Vec<i64>,
}

/// An internal error: an SQLite error before the file path is attached, or a finished
/// [`StoreError`].
#[derive(Debug)]
pub(crate) enum Fail {
    Sql(rusqlite::Error),
    Store(StoreError),
    Malformed(String),
}

impl From<rusqlite::Error> for Fail {
    fn from(e: rusqlite::Error) -> Self {
        Fail::Sql(e)
    }
}

impl From<StoreError> for Fail {
    fn from(e: StoreError) -> Self {
        Fail::Store(e)
    }
}

impl Store {
    /// Opens the database at `path`, creating the file and its folder if needed.
    ///
    /// Sets WAL mode, foreign keys and a busy timeout of [`BUSY_TIMEOUT`]; applies pending
    /// schema migrations in one transaction; then marks as `failed` ([`INTERRUPTED`]) every
    /// run left `running` by a process that has ended (see
    /// [`Store::recover_interrupted_runs`]).
    ///
    /// Errors, none of which changes the file: [`StoreError::NotADatabase`] (not an SQLite
    /// file), [`StoreError::ForeignDatabase`], [`StoreError::NewerSchema`],
    /// [`StoreError::Corrupt`].
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        check_header(&path)?;
        let sql = |e| error::sql_error(&path, e);

        let mut write = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql)?;
        write.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        write
            .pragma_update(None, "foreign_keys", true)
            .map_err(sql)?;
        // Migrate first: it only writes once it has checked that the file is ours and not
        // newer, so a refused file is left exactly as it was.
        match schema::migrate(&mut write, schema::MIGRATIONS).map_err(sql)? {
            schema::Migrated::Current { .. } => {}
            schema::Migrated::Newer { found } => {
                return Err(StoreError::NewerSchema {
                    path,
                    found,
                    supported: SCHEMA_VERSION,
                })
            }
            schema::Migrated::Foreign => return Err(StoreError::ForeignDatabase { path }),
        }
        // WAL is a property of the file: set once, it stays for every later connection.
        enable_wal(&write).map_err(sql)?;
        // FULL: a committed run survives a power cut too; commits are few and large.
        write
            .pragma_update(None, "synchronous", "FULL")
            .map_err(sql)?;
        write
            .pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)
            .map_err(sql)?;

        let read = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql)?;
        read.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;

        let mut store = Store {
            path,
            write: Mutex::new(write),
            read: Mutex::new(read),
            token: process::current_token(),
            interrupted: Vec::new(),
        };
        store.interrupted = store.recover_interrupted_runs()?;
        Ok(store)
    }

    /// Opens the database at [`default_db_path`].
    pub fn open_default() -> Result<Store> {
        Store::open(default_db_path()?)
    }

    /// The path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The runs that [`Store::open`] found left `running` by an ended process and marked
    /// `failed` with [`INTERRUPTED`] (oldest first).
    pub fn interrupted_at_open(&self) -> &[i64] {
        &self.interrupted
    }

    /// The schema version of the file (`PRAGMA user_version`), [`SCHEMA_VERSION`] once open.
    pub fn schema_version(&self) -> Result<i64> {
        self.with_read(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?))
    }

    /// Runs `PRAGMA integrity_check` and returns its lines: `["ok"]` for a sound file.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        self.with_read(|c| {
            let mut stmt = c.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Whether [`Store::seed_examples`] has already seeded this database.
    pub fn is_seeded(&self) -> Result<bool> {
        self.with_read(|c| Ok(meta_get(c, META_SEEDED)?.is_some()))
    }

    /// Seeds the database with example models, once per database: the first call imports
    /// every `(key, name, json)` (as [`Store::import_model`] does, note "example") and
    /// records the seeding in the `meta` table, in one transaction; later calls, from any
    /// process, do nothing. Returns how many models were imported (0 if already seeded).
    ///
    /// The caller may call it on every open. Invalid JSON fails the whole seeding.
    pub fn seed_examples<I, K, N, J>(&self, examples: I) -> Result<usize>
    where
        I: IntoIterator<Item = (K, N, J)>,
        K: AsRef<str>,
        N: AsRef<str>,
        J: AsRef<str>,
    {
        self.with_write(|tx| {
            if meta_get(tx, META_SEEDED)?.is_some() {
                return Ok(0);
            }
            let mut n = 0;
            for (key, name, json) in examples {
                models::import_tx(
                    tx,
                    key.as_ref(),
                    name.as_ref(),
                    json.as_ref(),
                    Some("example"),
                )?;
                n += 1;
            }
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                [META_SEEDED],
            )?;
            Ok(n)
        })
    }

    /// Runs `f` on the read connection inside one read transaction (a consistent snapshot).
    pub(crate) fn with_read<T>(&self, f: impl FnOnce(&Connection) -> Result<T, Fail>) -> Result<T> {
        let mut conn = lock(&self.read);
        let out = (|| {
            let tx = conn.transaction()?;
            let v = f(&tx)?;
            tx.commit()?;
            Ok(v)
        })();
        out.map_err(|e| self.finish_error(e))
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction on the write connection, committed if
    /// `f` succeeds and rolled back otherwise.
    pub(crate) fn with_write<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, Fail>,
    ) -> Result<T> {
        let mut conn = lock(&self.write);
        let out = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let v = f(&tx)?;
            tx.commit()?;
            Ok(v)
        })();
        out.map_err(|e| self.finish_error(e))
    }

    /// Gives freed space back to the file system after a delete: the write-ahead log is
    /// checkpointed and truncated (deleted pages sit in it until then), and the file is
    /// vacuumed when at least a quarter of it (and 1 MiB) is free pages. Without this a
    /// deleted run frees nothing on disk — and a full disk cannot checkpoint.
    pub fn reclaim_space(&self) -> Result<()> {
        let conn = lock(&self.write);
        let out = (|| {
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            let free: i64 = conn.query_row("PRAGMA freelist_count", [], |r| r.get(0))?;
            let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
            let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
            if free * 4 >= pages && free * page_size >= 1 << 20 {
                conn.execute_batch("VACUUM")?;
                conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            }
            Ok(())
        })();
        out.map_err(|e: rusqlite::Error| self.finish_error(Fail::Sql(e)))
    }

    fn finish_error(&self, e: Fail) -> StoreError {
        match e {
            Fail::Sql(e) => error::sql_error(&self.path, e),
            Fail::Store(e) => e,
            Fail::Malformed(detail) => StoreError::Malformed {
                path: self.path.clone(),
                detail,
            },
        }
    }
}

const META_SEEDED: &str = "examples_seeded_at";

fn meta_get(c: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
}

fn lock(m: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding the lock cannot leave a transaction open (it rolls back on
    // drop), so the connection is still usable.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Refuses an existing, non-empty file that does not start with the SQLite header, before
/// SQLite touches it. (An empty file is a valid empty database.)
fn check_header(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let mut head = Vec::with_capacity(16);
    (&mut file)
        .take(16)
        .read_to_end(&mut head)
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if head.is_empty() || head.as_slice() == SQLITE_HEADER {
        Ok(())
    } else {
        Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        })
    }
}

/// Switches the file to WAL (a no-op once it is). The switch needs an exclusive lock, and
/// SQLite does not wait for it through the busy handler when this connection already holds
/// a shared one and another holds a reserved one (its rule against deadlock): so when
/// several processes open a new file at the same moment, one's switch can fail at once
/// with "database is locked" while another is still migrating. Retried until
/// [`BUSY_TIMEOUT`], as the busy handler would have waited.
fn enable_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_path_prefers_env_then_data_dir() {
        let data = Some(PathBuf::from("/home/u/.local/share"));
        assert_eq!(
            db_path_from(Some("/x/y.db".into()), data.clone()).expect("env"),
            PathBuf::from("/x/y.db")
        );
        assert_eq!(
            db_path_from(Some("".into()), data.clone()).expect("empty env"),
            PathBuf::from("/home/u/.local/share/journeylab/journeylab.db")
        );
        assert_eq!(
            db_path_from(None, data).expect("data dir"),
            PathBuf::from("/home/u/.local/share/journeylab/journeylab.db")
        );
        assert!(matches!(
            db_path_from(None, None),
            Err(StoreError::NoDataDir)
        ));
    }
}
