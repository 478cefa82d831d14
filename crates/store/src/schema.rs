//! Schema migrations, kept with `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes the schema from version `i` to version `i + 1`. A migration is
//! never edited once released: a change is a new entry at the end. All pending steps run in
//! one `BEGIN IMMEDIATE` transaction together with the `user_version` bump, so a crash
//! part-way leaves the previous version, and two processes opening a fresh file at once
//! cannot both migrate it.

use rusqlite::{Connection, TransactionBehavior};

/// `PRAGMA application_id` of a Journey Lab database ("JLab" in ASCII).
pub const APPLICATION_ID: i32 = 0x4A4C_6162;

/// One migration step.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    /// The SQL, run with `execute_batch`.
    pub sql: &'static str,
}

/// All migrations, in order. The schema version of a database is the number of steps
/// applied to it.
pub(crate) const MIGRATIONS: &[Migration] = &[
    // 0 → 1: models, model versions, runs, results, samples, decision log, meta.
    Migration { sql: V1 },
    // 1 → 2: workshops (a facilitator's agenda of a model, resumable).
    Migration { sql: V2 },
];

/// The newest schema version this build understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE models (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE model_versions (
    id           INTEGER PRIMARY KEY,
    model_id     INTEGER NOT NULL REFERENCES models(id),
    version      INTEGER NOT NULL CHECK (version >= 1),
    json         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    note         TEXT,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (model_id, version)
);

CREATE TRIGGER model_versions_immutable
BEFORE UPDATE ON model_versions
BEGIN
    SELECT RAISE(ABORT, 'model versions are immutable: save a new version instead');
END;

CREATE TABLE runs (
    id               INTEGER PRIMARY KEY,
    model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
    scenarios        TEXT NOT NULL,
    iterations       INTEGER NOT NULL CHECK (iterations >= 0),
    seed             TEXT NOT NULL CHECK (typeof(seed) = 'text'),
    mode             TEXT NOT NULL,
    engine_version   TEXT NOT NULL,
    settings_json    TEXT,
    status           TEXT NOT NULL DEFAULT 'running'
                     CHECK (status IN ('running', 'finished', 'failed', 'cancelled')),
    error            TEXT,
    started_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at      TEXT,
    pid              INTEGER,
    process_token    TEXT,
    result_json      TEXT
);

CREATE INDEX runs_by_model_version ON runs(model_version_id);
CREATE INDEX runs_running ON runs(status) WHERE status = 'running';

CREATE TABLE run_results (
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    scenario_id TEXT NOT NULL,
    result_json TEXT NOT NULL,
    PRIMARY KEY (run_id, scenario_id)
);

CREATE TABLE run_samples (
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    scenario_id TEXT NOT NULL,
    metric      TEXT NOT NULL,
    data        BLOB NOT NULL CHECK (length(data) % 8 = 0),
    PRIMARY KEY (run_id, scenario_id, metric)
);

CREATE TABLE decision_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    detail_json TEXT NOT NULL
);

CREATE TRIGGER decision_log_no_update
BEFORE UPDATE ON decision_log
BEGIN
    SELECT RAISE(ABORT, 'decision_log is append-only');
END;

CREATE TRIGGER decision_log_no_delete
BEFORE DELETE ON decision_log
BEGIN
    SELECT RAISE(ABORT, 'decision_log is append-only');
END;
"#;

const V2: &str = r#"
CREATE TABLE workshops (
    id         INTEGER PRIMARY KEY,
    model_key  TEXT NOT NULL,
    name       TEXT NOT NULL,
    json       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX workshops_by_model ON workshops(model_key);
"#;

/// Outcome of [`migrate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Migrated {
    /// The schema is at `version` (after applying whatever was pending).
    Current {
        /// The version before.
        from: i64,
    },
    /// The file has a newer schema than `migrations` knows; nothing was changed.
    Newer {
        /// The version found.
        found: i64,
    },
    /// The file holds tables of another application; nothing was changed.
    Foreign,
}

/// Brings the schema of `conn` up to `migrations.len()` in one immediate transaction.
pub(crate) fn migrate(
    conn: &mut Connection,
    migrations: &[Migration],
) -> rusqlite::Result<Migrated> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app_id: i32 = tx.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let target = migrations.len() as i64;
    if app_id != 0 && app_id != APPLICATION_ID {
        return Ok(Migrated::Foreign);
    }
    if found == 0 {
        // A database with tables but no version is someone else's file.
        let tables: i64 = tx.query_row(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Ok(Migrated::Foreign);
        }
    }
    if found > target {
        return Ok(Migrated::Newer { found });
    }
    if found < 0 {
        return Ok(Migrated::Foreign);
    }
    for step in &migrations[found as usize..] {
        tx.execute_batch(step.sql)?;
    }
    if found < target {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", target)?;
    }
    tx.commit()?;
    Ok(Migrated::Current { from: found })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_conn() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = Connection::open(dir.path().join("t.db")).expect("open");
        (dir, conn)
    }

    fn version(conn: &Connection) -> i64 {
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("user_version")
    }

    fn tables(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .expect("prepare");
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .expect("query");
        rows.collect::<Result<_, _>>().expect("rows")
    }

    /// Step 0 → 1: an empty file gets every table, the version and the application id.
    #[test]
    fn step_0_to_1_creates_all_tables() {
        let (_dir, mut conn) = temp_conn();
        let out = migrate(&mut conn, &MIGRATIONS[..1]).expect("migrate");
        assert_eq!(out, Migrated::Current { from: 0 });
        assert_eq!(version(&conn), 1);
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .expect("app id");
        assert_eq!(app, APPLICATION_ID);
        for t in [
            "decision_log",
            "meta",
            "model_versions",
            "models",
            "run_results",
            "run_samples",
            "runs",
        ] {
            assert!(tables(&conn).iter().any(|n| n == t), "missing table {t}");
        }
    }

    /// Migrating a current database again is a no-op.
    #[test]
    fn migrating_twice_is_a_no_op() {
        let (_dir, mut conn) = temp_conn();
        migrate(&mut conn, MIGRATIONS).expect("first");
        let out = migrate(&mut conn, MIGRATIONS).expect("second");
        assert_eq!(
            out,
            Migrated::Current {
                from: SCHEMA_VERSION
            }
        );
        assert_eq!(version(&conn), SCHEMA_VERSION);
    }

    /// A failing step rolls back every step of the batch and leaves the version unchanged.
    #[test]
    fn failing_step_rolls_back_whole_batch() {
        let (_dir, mut conn) = temp_conn();
        let steps = [
            MIGRATIONS[0],
            Migration {
                sql: "CREATE TABLE extra (x); THIS IS NOT SQL;",
            },
        ];
        assert!(migrate(&mut conn, &steps).is_err());
        assert_eq!(version(&conn), 0);
        assert!(tables(&conn).is_empty(), "tables left: {:?}", tables(&conn));
    }

    /// A later step applies on top of an earlier one (the mechanism for future steps).
    #[test]
    fn later_step_applies_on_top() {
        let (_dir, mut conn) = temp_conn();
        migrate(&mut conn, &MIGRATIONS[..1]).expect("v1");
        let steps = [
            MIGRATIONS[0],
            Migration {
                sql: "ALTER TABLE models ADD COLUMN extra TEXT;",
            },
        ];
        assert_eq!(
            migrate(&mut conn, &steps).expect("v2"),
            Migrated::Current { from: 1 }
        );
        assert_eq!(version(&conn), 2);
        conn.execute(
            "INSERT INTO models (key, name, extra) VALUES ('a', 'A', 'x')",
            [],
        )
        .expect("new column usable");
        // and a build that knows only version 1 now sees the file as newer
        assert_eq!(
            migrate(&mut conn, &MIGRATIONS[..1]).expect("check"),
            Migrated::Newer { found: 2 }
        );
    }

    /// A database of the first release (version 1, with data) gains the workshops table
    /// and keeps its rows.
    #[test]
    fn a_version_1_database_gains_workshops() {
        let (_dir, mut conn) = temp_conn();
        migrate(&mut conn, &MIGRATIONS[..1]).expect("v1");
        conn.execute("INSERT INTO models (key, name) VALUES ('a', 'A')", [])
            .expect("a model");
        assert_eq!(
            migrate(&mut conn, MIGRATIONS).expect("v2"),
            Migrated::Current { from: 1 }
        );
        assert_eq!(version(&conn), SCHEMA_VERSION);
        assert!(tables(&conn).contains(&"workshops".to_string()));
        let models: i64 = conn
            .query_row("SELECT count(*) FROM models", [], |r| r.get(0))
            .expect("count");
        assert_eq!(models, 1);
    }

    /// A file with tables of its own and no version is another application's database.
    #[test]
    fn foreign_tables_are_not_touched() {
        let (_dir, mut conn) = temp_conn();
        conn.execute_batch("CREATE TABLE theirs (x);")
            .expect("create");
        assert_eq!(
            migrate(&mut conn, MIGRATIONS).expect("migrate"),
            Migrated::Foreign
        );
        assert_eq!(version(&conn), 0);
        assert_eq!(tables(&conn), vec!["theirs".to_string()]);
    }
}
