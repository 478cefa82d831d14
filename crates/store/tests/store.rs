//! Behaviour of the store on real database files in temporary folders.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use journeylab_store::{
    RunFilter, RunSettings, RunStatus, SampleSeries, Store, StoreError, INTERRUPTED, SCHEMA_VERSION,
};
use rusqlite::Connection;

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("nested").join("journeylab.db");
    (dir, path)
}

fn raw(path: &Path) -> Connection {
    Connection::open(path).expect("raw open")
}

fn doc(ids: &[&str]) -> String {
    let scenarios: Vec<serde_json::Value> = ids
        .iter()
        .map(|id| serde_json::json!({"id": id, "totals": {"net_value": {"mean": 1.5}}}))
        .collect();
    serde_json::json!({
        "format": "journeylab-result/1", "model": "Login", "seed": 42, "iterations": 3,
        "mode": "sampled", "scenarios": scenarios
    })
    .to_string()
}

fn settings(iterations: u64, seed: u64) -> RunSettings {
    RunSettings {
        scenarios: vec!["baseline".into(), "otp".into()],
        iterations,
        seed,
        mode: "sampled".into(),
        engine_version: "0.1.0".into(),
        settings_json: Some(r#"{"threads": 2}"#.into()),
    }
}

fn series(scenario: &str, metric: &str, values: &[f64]) -> SampleSeries {
    SampleSeries {
        scenario_id: scenario.into(),
        metric: metric.into(),
        values: values.to_vec(),
    }
}

const MODEL: &str = "{\n  \"name\": \"Login\",\n  \"journeys\": []\n}\n";

fn model_version_id(store: &Store) -> i64 {
    store
        .import_model("login.json", "Login", MODEL, None)
        .expect("import")
        .version_id
}

#[test]
fn fresh_database_is_migrated_in_wal_mode() {
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    assert!(path.exists(), "file and parent folder created");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    assert_eq!(store.integrity_check().expect("check"), vec!["ok"]);
    let conn = raw(&path);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    drop(store);
    // Reopening a current database changes nothing.
    let store = Store::open(&path).expect("reopen");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
}

#[test]
fn empty_file_is_an_empty_database() {
    let (dir, _) = temp();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").expect("write");
    let store = Store::open(&path).expect("open");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
}

#[test]
fn newer_schema_is_refused_and_file_left_unchanged() {
    let (_dir, path) = temp();
    drop(Store::open(&path).expect("create"));
    {
        let conn = raw(&path);
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump");
    }
    let before = std::fs::read(&path).expect("read");
    match Store::open(&path) {
        Err(StoreError::NewerSchema {
            found, supported, ..
        }) => {
            assert_eq!(found, SCHEMA_VERSION + 1);
            assert_eq!(supported, SCHEMA_VERSION);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    let err = Store::open(&path).expect_err("still refused").to_string();
    assert!(
        err.contains("newer") && err.contains("journeylab.db"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let version: i64 = raw(&path)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION + 1, "never downgraded");
}

#[test]
fn garbage_file_is_reported_and_left_untouched() {
    let (dir, _) = temp();
    let path = dir.path().join("notes.db");
    let garbage: Vec<u8> = (0..5000u32).map(|i| (i * 7 + 3) as u8).collect();
    std::fs::write(&path, &garbage).expect("write");
    let err = Store::open(&path).expect_err("must refuse");
    assert!(
        matches!(err, StoreError::NotADatabase { ref path } if path.ends_with("notes.db")),
        "{err:?}"
    );
    assert!(err.to_string().contains("notes.db"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), garbage);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec!["notes.db"], "no -wal/-shm/-journal created");
}

#[test]
fn damaged_database_is_reported_and_left_untouched() {
    let (dir, _) = temp();
    let path = dir.path().join("damaged.db");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend((0..8000u32).map(|i| (i * 13 + 5) as u8));
    std::fs::write(&path, &bytes).expect("write");
    let err = Store::open(&path).expect_err("must refuse");
    assert!(
        matches!(err, StoreError::Corrupt { .. }),
        "expected Corrupt, got {err:?}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[test]
fn other_applications_database_is_refused() {
    let (dir, _) = temp();
    let path = dir.path().join("other.db");
    raw(&path)
        .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
        .expect("create");
    let before = std::fs::read(&path).expect("read");
    let err = Store::open(&path).expect_err("must refuse");
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn model_versions_are_deduplicated_and_kept_as_history() {
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    let v1 = store
        .import_model("Login.json", "Login", MODEL, Some("first"))
        .expect("v1");
    assert!(v1.created);
    assert_eq!((v1.model_key.as_str(), v1.version), ("login", 1));

    // Same text, and the same content formatted differently: no new version.
    let again = store
        .import_model("login", "Login", MODEL, None)
        .expect("again");
    assert_eq!(
        (again.created, again.version, again.version_id),
        (false, 1, v1.version_id)
    );
    let reformatted = r#"{"journeys":[],"name":"Login"}"#;
    let same = store
        .save_model_version(v1.model_id, reformatted, None)
        .expect("same");
    assert!(!same.created);

    // New content: version 2; back to the old content: version 3 (history as it happened).
    let changed = r#"{"name":"Login v2","journeys":[1]}"#;
    let v2 = store
        .import_model("login", "Login v2", changed, Some("more journeys"))
        .expect("v2");
    assert_eq!((v2.created, v2.version), (true, 2));
    let v3 = store
        .save_model_version(v1.model_id, MODEL, Some("revert"))
        .expect("v3");
    assert_eq!((v3.created, v3.version), (true, 3));

    let models = store.list_models().expect("list");
    assert_eq!(models.len(), 1);
    let m = &models[0];
    assert_eq!((m.key.as_str(), m.name.as_str()), ("login", "Login v2"));
    assert_eq!((m.latest_version, m.versions), (3, 3));

    let history = store.model_versions(v1.model_id).expect("history");
    assert_eq!(
        history.iter().map(|v| v.version).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    assert_eq!(history[0].note.as_deref(), Some("first"));
    assert_eq!(history[0].content_hash, history[2].content_hash);
    assert_ne!(history[0].content_hash, history[1].content_hash);

    let first = store.model_version(v1.model_id, Some(1)).expect("v1 json");
    assert_eq!(first.json, MODEL, "stored exactly as given");
    let latest = store.model_version(v1.model_id, None).expect("latest");
    assert_eq!(latest.row.version, 3);
    let by_id = store.model_version_by_id(v2.version_id).expect("by id");
    assert_eq!(by_id.json, changed);

    assert_eq!(store.get_model("login").expect("by key").id, v1.model_id);
    assert_eq!(
        store
            .get_model(&v1.model_id.to_string())
            .expect("by id")
            .key,
        "login"
    );
    assert!(matches!(
        store.get_model("nope"),
        Err(StoreError::NotFound { what: "model", .. })
    ));
    assert!(matches!(
        store.model_version(v1.model_id, Some(9)),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.save_model_version(999, MODEL, None),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.import_model("x", "X", "{not json", None),
        Err(StoreError::InvalidJson { .. })
    ));

    // Versions are immutable in the database itself.
    let err = raw(&path)
        .execute(
            "UPDATE model_versions SET json = '{}' WHERE id = ?1",
            [v1.version_id],
        )
        .expect_err("immutable");
    assert!(err.to_string().contains("immutable"), "{err}");
}

#[test]
fn run_lifecycle() {
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    let mv = model_version_id(&store);

    let run = store.begin_run(mv, &settings(3, u64::MAX)).expect("begin");
    // Committed at once: another connection sees it running.
    let other = Store::open(&path).expect("second handle");
    let row = &other.list_runs(&RunFilter::default()).expect("list")[0];
    assert_eq!((row.id, row.status), (run, RunStatus::Running));
    assert_eq!(row.seed, u64::MAX, "u64 seed survives");
    assert_eq!(row.scenarios, vec!["baseline", "otp"]);
    assert_eq!((row.model_key.as_str(), row.model_version), ("login", 1));
    assert_eq!(row.pid, Some(std::process::id()));
    let json = serde_json::to_value(row).expect("serialize");
    assert_eq!(json["seed"], serde_json::json!(u64::MAX.to_string()));
    assert_eq!(json["status"], "running");

    // Bad documents and samples are refused and store nothing.
    assert!(matches!(
        store.finish_run(run, r#"{"format":"other/1","scenarios":[]}"#, &[]),
        Err(StoreError::InvalidResult(_))
    ));
    assert!(matches!(
        store.finish_run(run, "not json", &[]),
        Err(StoreError::InvalidJson { .. })
    ));
    // More values than iterations, or series of unequal length, are refused (a long run
    // may keep fewer than its iterations, all series alike).
    let long = series("baseline", "net_value", &[1.0, 2.0, 3.0, 4.0]);
    assert!(matches!(
        store.finish_run(run, &doc(&["baseline", "otp"]), &[long]),
        Err(StoreError::InvalidSamples(_))
    ));
    let uneven = [
        series("baseline", "net_value", &[1.0, 2.0]),
        series("otp", "net_value", &[1.0, 2.0, 3.0]),
    ];
    assert!(matches!(
        store.finish_run(run, &doc(&["baseline", "otp"]), &uneven),
        Err(StoreError::InvalidSamples(_))
    ));
    let unknown = series("nope", "net_value", &[1.0, 2.0, 3.0]);
    assert!(matches!(
        store.finish_run(run, &doc(&["baseline", "otp"]), &[unknown]),
        Err(StoreError::InvalidSamples(_))
    ));
    let rec = store.get_run(run).expect("get");
    assert_eq!(rec.run.status, RunStatus::Running);
    assert!(rec.scenario_results.is_empty() && rec.result_json.is_none());

    let result = doc(&["baseline", "otp"]);
    store
        .finish_run(
            run,
            &result,
            &[
                series("baseline", "net_value", &[1.0, 2.0, 3.0]),
                series("otp", "net_value", &[1.5, 2.5, 3.5]),
            ],
        )
        .expect("finish");
    let rec = store.get_run(run).expect("get");
    assert_eq!(rec.run.status, RunStatus::Finished);
    assert!(rec.run.finished_at.is_some() && rec.run.error.is_none());
    assert_eq!(rec.result_json.as_deref(), Some(result.as_str()));
    assert_eq!(rec.settings_json.as_deref(), Some(r#"{"threads": 2}"#));
    let ids: Vec<_> = rec
        .scenario_results
        .iter()
        .map(|s| s.scenario_id.as_str())
        .collect();
    assert_eq!(ids, vec!["baseline", "otp"]);
    let otp: serde_json::Value =
        serde_json::from_str(&rec.scenario_results[1].result_json).expect("scenario json");
    assert_eq!(otp["id"], "otp");
    assert_eq!(otp["totals"]["net_value"]["mean"], 1.5);

    // Ended runs cannot be ended again.
    assert!(matches!(
        store.fail_run(run, "late"),
        Err(StoreError::RunNotRunning { .. })
    ));
    assert!(matches!(
        store.finish_run(run, &result, &[]),
        Err(StoreError::RunNotRunning { .. })
    ));

    let failed = store.begin_run(mv, &settings(3, 1)).expect("begin 2");
    store.fail_run(failed, "engine error: boom").expect("fail");
    let cancelled = store.begin_run(mv, &settings(3, 2)).expect("begin 3");
    store.cancel_run(cancelled).expect("cancel");

    let all = store.list_runs(&RunFilter::default()).expect("list");
    assert_eq!(
        all.iter().map(|r| (r.id, r.status)).collect::<Vec<_>>(),
        vec![
            (cancelled, RunStatus::Cancelled),
            (failed, RunStatus::Failed),
            (run, RunStatus::Finished)
        ]
    );
    assert_eq!(all[1].error.as_deref(), Some("engine error: boom"));
    let finished = store
        .list_runs(&RunFilter {
            status: Some(RunStatus::Finished),
            ..RunFilter::default()
        })
        .expect("filter");
    assert_eq!(finished.len(), 1);
    let model_id = all[0].model_id;
    assert_eq!(
        store
            .list_runs(&RunFilter::model(model_id))
            .expect("model")
            .len(),
        3
    );
    assert!(store
        .list_runs(&RunFilter::model(model_id + 100))
        .expect("none")
        .is_empty());
    let limited = store
        .list_runs(&RunFilter {
            limit: Some(1),
            ..RunFilter::default()
        })
        .expect("limit");
    assert_eq!(limited.len(), 1);
    assert!(matches!(
        store.begin_run(9999, &settings(1, 1)),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.get_run(9999),
        Err(StoreError::NotFound { what: "run", .. })
    ));
}

#[test]
fn samples_round_trip_with_nan_for_absent_values() {
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    let mv = model_version_id(&store);
    let values = [0.25, f64::NAN, -1e300, 0.0, f64::NAN, 1.0 / 3.0];
    let run = store.begin_run(mv, &settings(6, 9)).expect("begin");
    store
        .finish_run(
            run,
            &doc(&["baseline"]),
            &[
                series("baseline", "legit_success_rate", &values),
                series("baseline", "net_value", &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
            ],
        )
        .expect("finish");
    drop(store);
    let store = Store::open(&path).expect("reopen");
    let back = store
        .run_samples(run, "baseline", "legit_success_rate")
        .expect("read")
        .expect("present");
    assert_eq!(back.len(), values.len());
    for (a, b) in values.iter().zip(&back) {
        assert_eq!(a.to_bits(), b.to_bits());
    }
    assert!(back[1].is_nan());
    assert_eq!(
        store.run_samples(run, "baseline", "missing").expect("read"),
        None
    );
    let keys = store.sample_keys(run).expect("keys");
    assert_eq!(
        keys.iter()
            .map(|k| (k.metric.as_str(), k.len))
            .collect::<Vec<_>>(),
        vec![("legit_success_rate", 6), ("net_value", 6)]
    );
    // The BLOB is plain little-endian f64, readable from SQL.
    let blob: Vec<u8> = raw(&path)
        .query_row(
            "SELECT data FROM run_samples WHERE run_id = ?1 AND metric = 'net_value'",
            [run],
            |r| r.get(0),
        )
        .expect("blob");
    assert_eq!(&blob[8..16], &2.0f64.to_le_bytes());
}

#[test]
fn deleting_a_run_cascades_to_results_and_samples() {
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    let mv = model_version_id(&store);
    let keep = store.begin_run(mv, &settings(2, 1)).expect("keep");
    store
        .finish_run(
            keep,
            &doc(&["baseline"]),
            &[series("baseline", "m", &[1.0, 2.0])],
        )
        .expect("finish keep");
    let gone = store.begin_run(mv, &settings(2, 2)).expect("gone");
    store
        .finish_run(
            gone,
            &doc(&["baseline", "otp"]),
            &[series("otp", "m", &[3.0, 4.0])],
        )
        .expect("finish gone");
    store
        .append_decision(
            "risk",
            "comment",
            &format!("run:{gone}"),
            &serde_json::json!({}),
        )
        .expect("decision");

    let running = store.begin_run(mv, &settings(2, 3)).expect("running");
    assert!(matches!(
        store.delete_run(running),
        Err(StoreError::RunInProgress { .. })
    ));

    store.delete_run(gone).expect("delete");
    assert!(matches!(
        store.get_run(gone),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(store.run_samples(gone, "otp", "m").expect("samples"), None);
    let conn = raw(&path);
    for table in ["run_results", "run_samples"] {
        let n: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE run_id = ?1"),
                [gone],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(n, 0, "{table} rows left");
    }
    assert_eq!(
        store.run_samples(keep, "baseline", "m").expect("kept"),
        Some(vec![1.0, 2.0])
    );
    assert_eq!(
        store.decisions(None).expect("log").len(),
        1,
        "log untouched"
    );
    assert!(matches!(
        store.delete_run(gone),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn decision_log_is_append_only() {
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    let a = store
        .append_decision(
            "fraud-team",
            "sign_off",
            "scenario:otp",
            &serde_json::json!({"areas": ["controls"]}),
        )
        .expect("a");
    let b = store
        .append_decision(
            "cx-team",
            "reject",
            "scenario:kba",
            &serde_json::json!(null),
        )
        .expect("b");
    assert!(b > a);
    let log = store.decisions(None).expect("log");
    assert_eq!(log.iter().map(|d| d.id).collect::<Vec<_>>(), vec![a, b]);
    assert_eq!(log[0].detail["areas"][0], "controls");
    assert_eq!(
        store.decisions(Some("scenario:kba")).expect("filtered")[0].actor,
        "cx-team"
    );

    let conn = raw(&path);
    let err = conn
        .execute("UPDATE decision_log SET actor = 'someone else'", [])
        .expect_err("update refused");
    assert!(err.to_string().contains("append-only"), "{err}");
    let err = conn
        .execute("DELETE FROM decision_log WHERE id = ?1", [a])
        .expect_err("delete refused");
    assert!(err.to_string().contains("append-only"), "{err}");
    assert_eq!(store.decisions(None).expect("log"), log);
}

#[test]
fn runs_of_ended_processes_are_marked_interrupted_at_open() {
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    let mv = model_version_id(&store);
    let dead = store.begin_run(mv, &settings(2, 1)).expect("dead");
    let mine = store.begin_run(mv, &settings(2, 2)).expect("mine");
    let old_unknown = store.begin_run(mv, &settings(2, 3)).expect("old");
    let new_unknown = store.begin_run(mv, &settings(2, 4)).expect("new");
    let conn = raw(&path);
    // A Linux owner from another boot is certainly gone.
    conn.execute(
        "UPDATE runs SET process_token = 'linux:another-boot:12345:678' WHERE id = ?1",
        [dead],
    )
    .expect("token");
    // An owner that cannot be checked: only taken as gone once the run is old.
    conn.execute(
        "UPDATE runs SET process_token = 'pid:12345',
             started_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days') WHERE id = ?1",
        [old_unknown],
    )
    .expect("old");
    conn.execute(
        "UPDATE runs SET process_token = 'pid:12345' WHERE id = ?1",
        [new_unknown],
    )
    .expect("new");

    let reopened = Store::open(&path).expect("reopen");
    let mut interrupted = reopened.interrupted_at_open().to_vec();
    interrupted.sort_unstable();
    assert_eq!(interrupted, vec![dead, old_unknown]);
    let status = |id| reopened.get_run(id).expect("run").run;
    assert_eq!(status(dead).status, RunStatus::Failed);
    assert_eq!(status(dead).error.as_deref(), Some(INTERRUPTED));
    assert!(status(dead).finished_at.is_some());
    assert_eq!(status(mine).status, RunStatus::Running, "owner alive (us)");
    assert_eq!(status(new_unknown).status, RunStatus::Running);
    // The owner can still finish its own run.
    store.cancel_run(mine).expect("cancel");
    assert!(reopened
        .recover_interrupted_runs()
        .expect("again")
        .is_empty());
}

#[test]
fn examples_are_seeded_once() {
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    assert!(!store.is_seeded().expect("seeded?"));
    let examples = [
        ("login", "Login", r#"{"name":"Login"}"#),
        (
            "recovery",
            "Account recovery",
            r#"{"name":"Account recovery"}"#,
        ),
    ];
    assert_eq!(store.seed_examples(examples).expect("seed"), 2);
    assert!(store.is_seeded().expect("seeded?"));
    let again = Store::open(&path).expect("reopen");
    assert_eq!(again.seed_examples(examples).expect("seed again"), 0);
    let models = again.list_models().expect("models");
    assert_eq!(
        models.iter().map(|m| m.key.as_str()).collect::<Vec<_>>(),
        vec!["login", "recovery"]
    );
    assert_eq!(
        again.model_versions(models[0].id).expect("versions")[0]
            .note
            .as_deref(),
        Some("example")
    );
    // Bad JSON fails the whole seeding and records nothing.
    let (_dir2, path2) = temp();
    let fresh = Store::open(&path2).expect("open 2");
    assert!(fresh
        .seed_examples([("a", "A", "{}"), ("b", "B", "{oops")])
        .is_err());
    assert!(!fresh.is_seeded().expect("seeded?"));
    assert!(fresh.list_models().expect("models").is_empty());
}

#[test]
fn two_handles_write_one_file_concurrently() {
    let (_dir, path) = temp();
    let setup = Store::open(&path).expect("open");
    let mv = model_version_id(&setup);
    let per_thread = 25;
    let handles: Vec<_> = (0..3)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                // Each thread has its own Store: its own connections, as another process
                // would have.
                let store = Arc::new(Store::open(&path).expect("open in thread"));
                for i in 0..per_thread {
                    let run = store
                        .begin_run(mv, &settings(500, (t * 1000 + i) as u64))
                        .expect("begin");
                    let values: Vec<f64> = (0..500).map(|k| k as f64).collect();
                    store
                        .finish_run(
                            run,
                            &doc(&["baseline", "otp"]),
                            &[
                                series("baseline", "net_value", &values),
                                series("otp", "net_value", &values),
                            ],
                        )
                        .expect("finish");
                    store
                        .append_decision(&format!("t{t}"), "comment", "x", &serde_json::json!(i))
                        .expect("decision");
                    store.list_runs(&RunFilter::default()).expect("read");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread ok");
    }
    let runs = setup.list_runs(&RunFilter::default()).expect("list");
    assert_eq!(runs.len(), 3 * per_thread);
    assert!(runs.iter().all(|r| r.status == RunStatus::Finished));
    assert_eq!(setup.decisions(None).expect("log").len(), 3 * per_thread);
    assert_eq!(setup.integrity_check().expect("check"), vec!["ok"]);
}

#[test]
fn a_store_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Store>();
}

/// Seeding with the repository's example models, as the CLI and app will: key from the
/// file stem, name from the model.
#[test]
fn repository_fixtures_seed_cleanly() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut examples = Vec::new();
    for entry in std::fs::read_dir(&fixtures).expect("fixtures folder") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("stem")
            .to_string();
        let json = std::fs::read_to_string(&path).expect("read fixture");
        let value: serde_json::Value = serde_json::from_str(&json).expect("fixture is JSON");
        let name = value["name"].as_str().unwrap_or(&stem).to_string();
        examples.push((stem, name, json));
    }
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    let n = store.seed_examples(examples.clone()).expect("seed");
    assert_eq!(n, examples.len());
    let mut keys: Vec<String> = store
        .list_models()
        .expect("models")
        .into_iter()
        .map(|m| m.key)
        .collect();
    let mut stems: Vec<String> = examples.into_iter().map(|(s, _, _)| s).collect();
    keys.sort();
    stems.sort();
    assert_eq!(keys, stems, "file stems are already valid keys");
}

/// The status of a decision record is derived from its words (spec §10), never stored:
/// sequences of words through a real workspace, read back, give the status they must.
#[test]
fn decision_status_is_derived_from_the_words() {
    use journeylab_store::{derive_status, DecisionStatus as S, RiskAcceptance, Word, WordDetail};

    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    let required = vec!["product".to_string(), "security".to_string()];
    let detail = |team: Option<&str>| WordDetail {
        run_id: 7,
        model_version_id: 3,
        team: team.map(str::to_string),
        rationale: "because".into(),
        required_teams: Vec::new(),
        risk_acceptance: None,
    };
    let say = |scenario: &str, word: Word, team: Option<&str>| {
        let mut d = detail(team);
        if word == Word::Request {
            d.required_teams = required.clone();
        }
        store
            .append_word("m", scenario, "someone", word, &d)
            .expect("append");
    };
    let status = |scenario: &str, newest: i64, today: &str| {
        derive_status(
            &store.decision_record("m", scenario).expect("record"),
            Some(newest),
            today,
        )
    };
    let today = "2026-12-06";
    // Nobody asked yet.
    assert_eq!(status("a", 3, today), S::Draft);
    // Approve, then reject, then approve again: the latest word of each team counts.
    say("a", Word::Request, None);
    assert_eq!(status("a", 3, today), S::InReview);
    say("a", Word::Approve, Some("product"));
    say("a", Word::Reject, Some("security"));
    assert_eq!(status("a", 3, today), S::Rejected);
    say("a", Word::Approve, Some("security"));
    assert_eq!(
        status("a", 3, today),
        S::InReview,
        "every team approves, no owner yet"
    );
    say("a", Word::Comment, Some("security"));
    assert_eq!(
        status("a", 3, today),
        S::InReview,
        "a comment decides nothing"
    );
    // An approval by a team that is not required does not stand in for a required one.
    say("b", Word::Request, None);
    say("b", Word::Approve, Some("product"));
    say("b", Word::Approve, Some("privacy"));
    say("b", Word::Accept, None);
    assert_eq!(status("b", 3, today), S::InReview);
    // The owner accepts: approved; declines: rejected whatever the teams said.
    say("a", Word::Accept, None);
    assert_eq!(status("a", 3, today), S::Approved);
    say("a", Word::Decline, None);
    assert_eq!(status("a", 3, today), S::Rejected);
    // A newer model version than the run's: stale, whatever was said.
    assert_eq!(status("a", 4, today), S::Stale);
    // A new request starts a new round: earlier words no longer count.
    say("a", Word::Request, None);
    assert_eq!(status("a", 3, today), S::InReview);
    // An acceptance with an expiry: approved until that day, expired after it.
    say("c", Word::Request, None);
    say("c", Word::Approve, Some("product"));
    say("c", Word::Approve, Some("security"));
    let mut accept = detail(None);
    accept.risk_acceptance = Some(RiskAcceptance {
        residual_risk: "phishing of the fallback".into(),
        unmet_guardrails: vec!["false_rejects".into()],
        voiding_conditions: String::new(),
        expires: Some("2026-12-31".into()),
    });
    store
        .append_word("m", "c", "owner", Word::Accept, &accept)
        .expect("accept");
    assert_eq!(status("c", 3, "2026-12-31"), S::Approved);
    assert_eq!(status("c", 3, "2027-01-01"), S::Expired);
    // The record reads back typed, in order, and other subjects are not mixed in.
    let record = store.decision_record("m", "c").expect("record");
    assert_eq!(
        record.iter().map(|e| e.word).collect::<Vec<_>>(),
        [Word::Request, Word::Approve, Word::Approve, Word::Accept]
    );
    assert_eq!(
        record[3]
            .detail
            .risk_acceptance
            .as_ref()
            .and_then(|r| r.expires.clone()),
        Some("2026-12-31".to_string())
    );
    assert_eq!(
        store.decided_scenarios("m").expect("scenarios"),
        ["a", "b", "c"]
    );
    // Append-only: the words cannot be changed or removed.
    let conn = raw(&path);
    assert!(conn.execute("DELETE FROM decision_log", []).is_err());
    assert!(conn
        .execute("UPDATE decision_log SET kind = 'approve'", [])
        .is_err());
    assert_eq!(store.decision_record("m", "a").expect("a").len(), 8);
}

/// Bytes the database occupies on disk: the file and its write-ahead log.
fn on_disk(path: &Path) -> u64 {
    let size = |p: PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    size(path.to_path_buf()) + size(PathBuf::from(wal))
}

/// Issue 17: deleting a run gives its space back (the WAL is checkpointed and truncated,
/// the file vacuumed when worth it); before, deleted pages sat in the WAL.
#[test]
fn deleting_runs_reclaims_their_space() {
    let (_dir, path) = temp();
    let store = Store::open(&path).expect("open");
    let version = model_version_id(&store);
    let values: Vec<f64> = (0..200_000).map(|i| i as f64 * 0.5).collect();
    let mut runs = Vec::new();
    for seed in 0..3 {
        let run = store
            .begin_run(version, &settings(values.len() as u64, seed))
            .expect("begin");
        store
            .finish_run(
                run,
                &doc(&["baseline", "otp"]),
                &[
                    series("baseline", "net_value", &values),
                    series("otp", "net_value", &values),
                ],
            )
            .expect("finish");
        runs.push(run);
    }
    let full = on_disk(&path);
    assert!(
        full > 9_000_000,
        "three runs of 2 × 200,000 samples: {full} bytes"
    );
    for run in runs {
        store.delete_run(run).expect("delete");
    }
    let after = on_disk(&path);
    assert!(
        after < full / 4,
        "{full} bytes before, {after} after deleting every run"
    );
    assert_eq!(
        store.integrity_check().expect("check"),
        vec!["ok".to_string()]
    );
}

/// A read-only `-shm` left by an earlier session is named (it used to read "attempt to
/// write a readonly database" with no file).
#[test]
fn a_read_only_side_file_is_named() {
    let (_dir, path) = temp();
    drop(Store::open(&path).expect("create"));
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    let shm = PathBuf::from(shm);
    std::fs::write(&shm, []).expect("shm");
    let mut perms = std::fs::metadata(&shm).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&shm, perms).expect("chmod");
    let err = StoreError::ReadOnly {
        path: path.clone(),
        detail: journeylab_store::read_only_culprit(&path).expect("a culprit"),
    };
    let text = err.to_string();
    assert!(
        text.contains(&format!("{}-shm is read-only", path.display())),
        "{text}"
    );
    // As a normal user SQLite itself refuses to write; root is allowed to, so the
    // message is checked through the classifier rather than a failing write.
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !is_root {
        let e =
            Store::open(&path).and_then(|s| s.import_model("x.json", "X", MODEL, None).map(|_| ()));
        if let Err(e) = e {
            assert!(e.to_string().contains("-shm"), "{e}");
        }
    }
}

/// A workshop survives the store being closed and reopened (the app killed mid-workshop):
/// saving keeps its id and replaces its content; listing is per model.
#[test]
fn a_workshop_is_saved_replaced_listed_and_deleted() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("w.db");
    let id = {
        let store = Store::open(&path).expect("open");
        let id = store
            .save_workshop(
                None,
                "consumer-sign-in",
                "Payout review",
                r#"{"current":0}"#,
            )
            .expect("save");
        assert_eq!(
            store
                .save_workshop(
                    Some(id),
                    "consumer-sign-in",
                    "Payout review",
                    r#"{"current":2}"#
                )
                .expect("resave"),
            id
        );
        store
            .save_workshop(None, "registration", "Bots", "{}")
            .expect("other");
        id
    };
    let store = Store::open(&path).expect("reopen");
    let row = store.workshop(id).expect("read");
    assert_eq!(row.json, r#"{"current":2}"#);
    assert_eq!(row.name, "Payout review");
    let mine = store.workshops(Some("consumer-sign-in")).expect("list");
    assert_eq!(mine.iter().map(|w| w.id).collect::<Vec<_>>(), vec![id]);
    assert_eq!(store.workshops(None).expect("all").len(), 2);
    store.delete_workshop(id).expect("delete");
    assert!(matches!(
        store.workshop(id),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.save_workshop(Some(id), "x", "y", "{}"),
        Err(StoreError::NotFound { .. })
    ));
}
