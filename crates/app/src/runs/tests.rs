//! Tests of the run use cases: dashboard, history, exports, cancel and progress.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use journeylab_engine::vocab::Unit;
use journeylab_engine::{Mode, Progress, Settings};
use journeylab_store::RunStatus;

use super::dashboard::{plain_language, run_dashboard, DeltaView};
use super::export::{export_run, ExportFormat};
use super::history::{compare_two_runs, list_model_runs};
use super::job::{run_model_file, RunProgress, RunRequest, WatchedProgress};
use crate::test_support::{fixture_path as fixture, temp_workspace};
use crate::{load_model, run_and_store};
#[test]
fn dashboard_history_and_exports_of_a_stored_run() {
    let (dir, store) = temp_workspace("runs-view");
    let path = fixture("consumer-sign-in.json");
    let model = load_model(&path).expect("model");
    let settings = Settings {
        iterations: 300,
        seed: 7,
        mode: Mode::Sampled,
        sampling: journeylab_engine::Sampling::Mc,
        threads: None,
    };
    let (run_id, out) =
        run_and_store(&store, "consumer-sign-in", &model, &settings, None, None).expect("run");
    let expected = journeylab_engine::result_doc(&out);

    let dash = run_dashboard(&store, run_id).expect("dashboard");
    assert_eq!(dash.scenarios.len(), out.scenarios.len());
    let base = &dash.scenarios[0];
    let card = base
        .cards
        .iter()
        .find(|c| c.metric == "legit_success_rate")
        .expect("card");
    assert_eq!(
        Some(card.mean),
        expected.scenarios[0]
            .total("legit_success_rate")
            .map(|s| s.mean)
    );
    assert!(!base.breakdown.is_empty());
    assert!(base.summary_line.is_none());
    // Guardrails per team, named, with the scope from the model and the run's outcome.
    let fraud = base
        .teams
        .iter()
        .find(|t| t.owner == "fraud_risk")
        .expect("fraud team");
    assert_eq!(fraud.owner_name, "Fraud & Risk");
    let phishers = fraud
        .guardrails
        .iter()
        .find(|g| g.id == "phisher_success")
        .expect("phisher guardrail");
    assert_eq!(
        (phishers.journey.as_deref(), phishers.population.as_deref()),
        (Some("login"), Some("phishers"))
    );
    let outcome = expected.scenarios[0]
        .guardrails
        .iter()
        .find(|g| g.id == "phisher_success")
        .expect("result guardrail");
    assert_eq!(phishers.probability_met, outcome.probability_met);
    assert_eq!(phishers.max, Some(0.25));
    for s in &dash.scenarios[1..] {
        assert!(!s.deltas.is_empty());
        assert!(s.summary_line.as_deref().is_some_and(|l| !l.is_empty()));
    }

    let (run_b, _) =
        run_and_store(&store, "consumer-sign-in", &model, &settings, None, None).expect("run b");
    let pair = compare_two_runs(&store, run_id, run_b, None).expect("pair");
    assert!(pair.paired);
    assert!(pair
        .rows
        .iter()
        .all(|r| r.delta_mean == Some(0.0) && !r.clear));
    store.delete_run(run_b).expect("delete");

    let runs = list_model_runs(&store, "consumer-sign-in").expect("runs");
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].legit_success_rate, Some(card.mean));
    assert!(list_model_runs(&store, "no-such-model")
        .expect("none")
        .is_empty());

    for (fmt, name) in [
        (ExportFormat::Json, "r.json"),
        (ExportFormat::Csv, "r.csv"),
        (ExportFormat::Svg, "r.svg"),
        (ExportFormat::Png, "r.png"),
    ] {
        export_run(&store, run_id, fmt, &dir.join(name)).expect("export");
        assert!(std::fs::metadata(dir.join(name)).expect("file").len() > 100);
    }
    let csv = std::fs::read_to_string(dir.join("r.csv")).expect("csv");
    // The one CSV layout (the CLI's `runs show --format csv` writes the same).
    assert!(csv.starts_with("scenario,metric,mean,"));
    assert!(csv.contains("baseline,legit_success_rate,"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_cancelled_run_is_stored_as_cancelled_and_progress_is_reported() {
    let (dir, store) = temp_workspace("runs-cancel");
    let path = fixture("consumer-sign-in.json");
    let cancel = Arc::new(AtomicBool::new(false));
    let seen = Mutex::new(Vec::new());
    let flag = cancel.clone();
    let progress = WatchedProgress::new(cancel.clone(), Duration::ZERO, |p: RunProgress| {
        if let Ok(mut s) = seen.lock() {
            s.push(p);
        }
        if p.done > 0 {
            flag.store(true, Ordering::Relaxed);
        }
    });
    let req = RunRequest {
        path: path.display().to_string(),
        iterations: 1_000_000,
        seed: 1,
        mode: Mode::Sampled,
        sampling: journeylab_engine::Sampling::Mc,
        scenarios: Some(Vec::new()),
        precision: Vec::new(),
    };
    let err = run_model_file(&store, &req, &progress).expect_err("cancelled");
    assert_eq!(err.code(), "cancelled");
    let runs = list_model_runs(&store, "consumer-sign-in").expect("runs");
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].run.status, RunStatus::Cancelled);
    assert!(seen.lock().map(|s| !s.is_empty()).unwrap_or(false));

    let small = RunRequest {
        iterations: 50,
        ..req
    };
    let id = run_model_file(&store, &small, &journeylab_engine::NoProgress).expect("finished");
    assert_eq!(run_dashboard(&store, id).expect("dash").scenarios.len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn progress_is_throttled_but_the_last_report_always_passes() {
    let seen = Mutex::new(Vec::new());
    let progress = WatchedProgress::new(
        Arc::new(AtomicBool::new(false)),
        Duration::from_secs(3600),
        |p: RunProgress| {
            if let Ok(mut s) = seen.lock() {
                s.push((p.done, p.total, p.eta_ms.is_some()));
            }
        },
    );
    for done in [0, 256, 512, 768, 1024] {
        progress.report(done, 1024);
    }
    assert!(!progress.cancelled());
    let seen = seen.into_inner().unwrap_or_default();
    assert_eq!(seen, vec![(0, 1024, false), (1024, 1024, true)]);
}

#[test]
fn plain_language_names_only_clear_changes() {
    let d = |metric: &str, mean: f64, p5: f64, p95: f64| DeltaView {
        metric: metric.into(),
        label: metric.into(),
        unit: Unit::Count,
        mean,
        p5,
        p95,
        clear: p5 > 0.0 || p95 < 0.0,
        better: None,
    };
    let line = plain_language(
        &[
            d("fraud_loss", -410.0, -500.0, -300.0),
            d("legit_abandon_rate", 0.018, 0.01, 0.02),
            d("support_contacts", 2345.0, 2000.0, 2600.0),
            d("net_value", 50.0, -10.0, 100.0),
        ],
        Some(1000.0),
        "USD",
        "month",
    );
    assert_eq!(
        line,
        "41 % less fraud loss; 1.8 points more abandonment; 2,300 more support contacts a month"
    );
    assert!(plain_language(&[], None, "USD", "month").starts_with("no clear change"));
}
