//! Helper program for the store's reliability tests; not part of the product.
//!
//! ```text
//! journeylab-store-killtest kill  DB          # begin a run, then finish other runs with
//!                                             # large samples forever (until killed)
//! journeylab-store-killtest write DB N TAG    # write N finished runs and N decisions, exit
//! ```
//!
//! It prints one line per step on stdout (`begun ID`, `finished ID`, `done`), flushed at
//! once, so a test can tell how far it got.

use std::io::Write;
use std::process::ExitCode;

use journeylab_store::{RunSettings, SampleSeries, Store, StoreError};

/// A minimal `journeylab-result/1` document with one scenario.
const RESULT: &str = r#"{"format":"journeylab-result/1","model":"kill test","seed":7,"iterations":0,"mode":"sampled","scenarios":[{"id":"baseline","totals":{}}]}"#;

fn settings(iterations: u64, seed: u64) -> RunSettings {
    RunSettings {
        scenarios: vec!["baseline".into()],
        iterations,
        seed,
        mode: "sampled".into(),
        engine_version: "killtest".into(),
        settings_json: None,
    }
}

fn series(run: i64, iterations: usize, metrics: usize) -> Vec<SampleSeries> {
    (0..metrics)
        .map(|m| SampleSeries {
            scenario_id: "baseline".into(),
            metric: format!("metric_{m}"),
            values: (0..iterations)
                .map(|i| (run as f64) * 1e6 + (m * iterations + i) as f64)
                .collect(),
        })
        .collect()
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe only means the test stopped listening.
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn kill_mode(db: &str) -> Result<(), StoreError> {
    let store = Store::open(db)?;
    let model = store.import_model("kill-model", "Kill model", r#"{"name":"Kill model"}"#, None)?;
    let target = store.begin_run(model.version_id, &settings(1000, 1))?;
    say(&format!("begun {target}"));
    let iterations = 20_000;
    let mut seed = 2;
    loop {
        let run = store.begin_run(model.version_id, &settings(iterations as u64, seed))?;
        store.finish_run(run, RESULT, &series(run, iterations, 16))?;
        say(&format!("finished {run}"));
        seed += 1;
    }
}

fn write_mode(db: &str, n: u32, tag: &str) -> Result<(), StoreError> {
    let store = Store::open(db)?;
    let model = store.import_model("shared", "Shared", r#"{"name":"Shared"}"#, None)?;
    for i in 0..n {
        let run = store.begin_run(model.version_id, &settings(200, u64::from(i)))?;
        store.finish_run(run, RESULT, &series(run, 200, 4))?;
        store.append_decision(
            tag,
            "comment",
            &format!("run:{run}"),
            &serde_json::json!({"i": i}),
        )?;
        say(&format!("finished {run}"));
    }
    say("done");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [_, "kill", db] => kill_mode(db),
        [_, "write", db, n, tag] => match n.parse() {
            Ok(n) => write_mode(db, n, tag),
            Err(_) => Err(StoreError::InvalidInput(format!("bad count {n:?}"))),
        },
        _ => {
            eprintln!("usage: journeylab-store-killtest kill DB | write DB N TAG");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
