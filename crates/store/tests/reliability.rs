//! Reliability on real files with real processes: kill -9 part-way through writing, and
//! several processes writing one database at once.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use journeylab_store::{
    RunFilter, RunRecord, RunSettings, RunStatus, SampleSeries, Store, INTERRUPTED,
};

const HELPER: &str = env!("CARGO_BIN_EXE_journeylab-store-killtest");

/// The helper's kill mode writes 16 series of this many values per run.
const KILL_ITERATIONS: usize = 20_000;
const KILL_METRICS: usize = 16;

fn spawn(args: &[&str]) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(HELPER)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn helper");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

fn stderr_of(child: &mut Child) -> String {
    let mut text = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut text);
    }
    text
}

fn doc(ids: &[&str]) -> String {
    let scenarios: Vec<serde_json::Value> = ids
        .iter()
        .map(|id| serde_json::json!({"id": id, "totals": {}}))
        .collect();
    serde_json::json!({"format": "journeylab-result/1", "scenarios": scenarios}).to_string()
}

fn settings(iterations: u64, seed: u64) -> RunSettings {
    RunSettings {
        scenarios: vec!["baseline".into()],
        iterations,
        seed,
        mode: "expected".into(),
        engine_version: "test".into(),
        settings_json: None,
    }
}

/// Two finished runs written before any kill, to check they survive untouched.
fn earlier_runs(path: &Path) -> Vec<(RunRecord, Vec<f64>)> {
    let store = Store::open(path).expect("open");
    let mv = store
        .import_model("earlier", "Earlier", r#"{"name":"Earlier"}"#, None)
        .expect("import")
        .version_id;
    (0..2)
        .map(|k| {
            let values: Vec<f64> = (0..1000)
                .map(|i| {
                    if i % 10 == 0 {
                        f64::NAN
                    } else {
                        (k * 1000 + i) as f64
                    }
                })
                .collect();
            let run = store.begin_run(mv, &settings(1000, k)).expect("begin");
            store
                .finish_run(
                    run,
                    &doc(&["baseline"]),
                    &[SampleSeries {
                        scenario_id: "baseline".into(),
                        metric: "net_value".into(),
                        values: values.clone(),
                    }],
                )
                .expect("finish");
            (store.get_run(run).expect("get"), values)
        })
        .collect()
}

fn same_bits(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
}

/// Starts the helper, lets it finish a few runs, kills it with SIGKILL part-way through
/// the next one and returns the id of the run it had begun first.
fn kill_part_way(path: &Path, round: u64) -> i64 {
    let db = path.to_str().expect("utf-8 path");
    let (mut child, lines) = spawn(&["kill", db]);
    let deadline = Instant::now() + Duration::from_secs(180);
    let mut target = None;
    let mut finished = 0;
    while target.is_none() || finished < 2 {
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("helper too slow; stderr: {}", stderr_of(&mut child));
        };
        match lines.recv_timeout(left) {
            Ok(line) => {
                if let Some(id) = line.strip_prefix("begun ") {
                    target = id.parse::<i64>().ok();
                } else if line.starts_with("finished ") {
                    finished += 1;
                }
            }
            Err(_) => {
                let _ = child.kill();
                let status = child.wait();
                panic!(
                    "helper stopped early ({status:?}); stderr: {}",
                    stderr_of(&mut child)
                );
            }
        }
    }
    // Land at a different point of the next transaction each round.
    std::thread::sleep(Duration::from_millis(5 + round * 37));
    child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    child.wait().expect("reap");
    target.expect("target run")
}

#[test]
fn kill_9_part_way_leaves_a_sound_file_and_marks_the_run_interrupted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journeylab.db");
    let earlier = earlier_runs(&path);

    for round in 0..3 {
        let target = kill_part_way(&path, round);

        // The next open, as the CLI or the app would do it.
        let store = Store::open(&path).expect("open after kill");
        assert_eq!(
            store.integrity_check().expect("integrity"),
            vec!["ok"],
            "round {round}"
        );
        assert!(
            store.interrupted_at_open().contains(&target),
            "round {round}: run {target} not marked; marked {:?}",
            store.interrupted_at_open()
        );
        let killed = store.get_run(target).expect("killed run").run;
        assert_eq!(killed.status, RunStatus::Failed);
        assert_eq!(killed.error.as_deref(), Some(INTERRUPTED));

        // Earlier runs are intact, results and samples alike.
        for (record, values) in &earlier {
            assert_eq!(&store.get_run(record.run.id).expect("earlier"), record);
            let back = store
                .run_samples(record.run.id, "baseline", "net_value")
                .expect("samples")
                .expect("present");
            assert!(same_bits(&back, values), "earlier samples changed");
        }

        // Every run is finished with all its samples, or failed as interrupted: no run is
        // left running and no finish is half-stored.
        let runs = store.list_runs(&RunFilter::default()).expect("list");
        for run in &runs {
            match run.status {
                RunStatus::Finished => {
                    let keys = store.sample_keys(run.id).expect("keys");
                    if run.model_key == "kill-model" {
                        assert_eq!(keys.len(), KILL_METRICS, "run {}", run.id);
                        assert!(keys.iter().all(|k| k.len == KILL_ITERATIONS as u64));
                        let last = store
                            .run_samples(run.id, "baseline", "metric_15")
                            .expect("read")
                            .expect("present");
                        let expected = run.id as f64 * 1e6
                            + (15 * KILL_ITERATIONS + KILL_ITERATIONS - 1) as f64;
                        assert_eq!(last.last().copied(), Some(expected));
                    }
                }
                RunStatus::Failed => {
                    assert_eq!(run.error.as_deref(), Some(INTERRUPTED), "run {}", run.id);
                    assert!(store.sample_keys(run.id).expect("keys").is_empty());
                    assert!(store
                        .get_run(run.id)
                        .expect("get")
                        .scenario_results
                        .is_empty());
                }
                other => panic!("run {} is {other}", run.id),
            }
        }
        // A second interrupted run means the kill landed inside a finish_run transaction.
        let mid_finish = store
            .interrupted_at_open()
            .iter()
            .filter(|&&id| id != target)
            .count();
        eprintln!("round {round}: killed with {mid_finish} run(s) part-way through finishing");
        assert!(
            runs.iter()
                .filter(|r| r.status == RunStatus::Finished && r.model_key == "kill-model")
                .count() as u64
                >= 2 * (round + 1)
        );
    }
}

#[test]
fn several_processes_write_one_database_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shared.db");
    let db = path.to_str().expect("utf-8 path");
    let n = 30;
    let count = n.to_string();
    let mut children: Vec<_> = ["cli", "app"]
        .iter()
        .map(|tag| spawn(&["write", db, &count, tag]))
        .collect();

    // This process writes too, through its own handle, at the same time.
    let store = Store::open(&path).expect("open");
    let mv = store
        .import_model("shared", "Shared", r#"{"name":"Shared"}"#, None)
        .expect("import")
        .version_id;
    for i in 0..n {
        let run = store.begin_run(mv, &settings(200, i)).expect("begin");
        store
            .finish_run(
                run,
                &doc(&["baseline"]),
                &[SampleSeries {
                    scenario_id: "baseline".into(),
                    metric: "m".into(),
                    values: vec![1.0; 200],
                }],
            )
            .expect("finish");
        store
            .append_decision("test", "comment", "x", &serde_json::json!(i))
            .expect("decision");
    }

    for (child, lines) in &mut children {
        let status = child.wait().expect("wait");
        let err = stderr_of(child);
        assert!(status.success(), "helper failed: {status:?}: {err}");
        let out: Vec<String> = lines.iter().collect();
        assert_eq!(
            out.last().map(String::as_str),
            Some("done"),
            "{out:?} {err}"
        );
    }
    let runs = store.list_runs(&RunFilter::default()).expect("list");
    assert_eq!(runs.len() as u64, 3 * n);
    assert!(runs.iter().all(|r| r.status == RunStatus::Finished));
    assert_eq!(store.decisions(None).expect("log").len() as u64, 3 * n);
    assert_eq!(
        store.list_models().expect("models").len(),
        1,
        "one shared model"
    );
    assert_eq!(store.integrity_check().expect("check"), vec!["ok"]);
}
