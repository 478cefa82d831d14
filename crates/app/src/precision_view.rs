//! Whether a run that stopped on precision was precise enough: the targets it was given
//! (kept in the run's settings), the iterations it used out of its maximum, and the 95 %
//! half-width each target's metric reached, from the stored per-iteration totals.

use journeylab_engine::run::{target_outcome, PrecisionTarget, TargetOutcome};
use journeylab_engine::stream::series_mean_se;
use journeylab_engine::vocab::total_metric;
use journeylab_store::{RunStatus, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::settings::StoredSettings;
use crate::AppError;

/// One precision target of a run and what it reached.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PrecisionTargetView {
    /// Model total.
    pub metric: String,
    /// Its display name.
    pub label: String,
    /// Asked relative half-width of the 95 % interval (0.01 = ±1 %).
    pub relative: f64,
    /// Reached relative half-width, 1.96 × SE / |mean|, in the least precise scenario
    /// (`None` when the metric has no value or a zero mean).
    pub achieved: Option<f64>,
    /// Met in every scenario (a metric without values, or always 0, counts as met).
    pub met: bool,
}

/// How a run that stopped on precision ended.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PrecisionStatus {
    /// Iterations used per scenario.
    pub iterations: u64,
    /// The maximum it was allowed.
    pub max_iterations: u64,
    /// It stopped before the maximum.
    pub stopped_early: bool,
    /// Every target met.
    pub met: bool,
    /// Each target.
    pub targets: Vec<PrecisionTargetView>,
}

/// The precision outcome of stored run `run_id`; `None` for a run that had no targets
/// (or is not finished).
pub fn run_precision(store: &Store, run_id: i64) -> Result<Option<PrecisionStatus>, AppError> {
    let rec = store.get_run(run_id)?;
    if rec.run.status != RunStatus::Finished {
        return Ok(None);
    }
    let settings = StoredSettings::of(&rec);
    if settings.precision.is_empty() {
        return Ok(None);
    }
    // The document's outcomes cover every iteration (a run longer than its stored
    // samples included); runs stored before it carried them are judged on the samples.
    let recorded = rec
        .result_json
        .as_deref()
        .and_then(|t| crate::stored_run::parse_result(t).ok())
        .map(|d| d.precision)
        .unwrap_or_default();
    let mut targets = Vec::new();
    for target in &settings.precision {
        if let Some(o) = recorded.iter().find(|o| o.metric == target.metric) {
            targets.push(PrecisionTargetView {
                label: total_metric(&o.metric)
                    .map_or_else(|| o.metric.clone(), |m| m.label.to_string()),
                metric: o.metric.clone(),
                relative: o.relative,
                achieved: o.achieved,
                met: o.met,
            });
            continue;
        }
        let mut per_scenario = Vec::new();
        for scenario in &rec.run.scenarios {
            let values = store
                .run_samples(run_id, scenario, &target.metric)?
                .unwrap_or_default();
            per_scenario.push(series_mean_se(
                None,
                values.iter().copied(),
                settings.sampling,
            ));
        }
        let TargetOutcome {
            metric,
            relative,
            achieved,
            met,
        } = target_outcome(
            &PrecisionTarget {
                metric: target.metric.clone(),
                relative: target.relative,
            },
            per_scenario,
            settings.sampling,
        );
        targets.push(PrecisionTargetView {
            label: total_metric(&metric).map_or_else(|| metric.clone(), |m| m.label.to_string()),
            metric,
            relative,
            achieved,
            met,
        });
    }
    let max_iterations = settings.max_iterations.unwrap_or(rec.run.iterations);
    Ok(Some(PrecisionStatus {
        iterations: rec.run.iterations,
        max_iterations,
        stopped_early: rec.run.iterations < max_iterations,
        met: targets.iter().all(|t| t.met),
        targets,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fixture_path, temp_workspace};
    use crate::{run_model_file, RunRequest};

    #[test]
    fn a_run_stopped_on_precision_reports_its_targets_and_a_plain_run_none() {
        let (dir, store) = temp_workspace("precision");
        let path = fixture_path("consumer-sign-in.json");
        let mut req = RunRequest {
            path: path.display().to_string(),
            iterations: 200_000,
            seed: 5,
            mode: journeylab_engine::Mode::Expected,
            sampling: journeylab_engine::Sampling::Mc,
            scenarios: Some(Vec::new()),
            precision: vec![("fraud_loss".into(), 0.02)],
        };
        let seen = std::sync::Mutex::new(Vec::new());
        let progress = crate::WatchedProgress::new(
            std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
            std::time::Duration::ZERO,
            |p: crate::RunProgress| {
                if let Ok(mut s) = seen.lock() {
                    s.push((p.done, p.total));
                }
            },
        );
        let id = run_model_file(&store, &req, &progress).expect("run");
        let p = run_precision(&store, id).expect("read").expect("targets");
        assert!(p.stopped_early && p.met, "{p:?}");
        assert!(p.iterations < 200_000 && p.max_iterations == 200_000);
        let t = &p.targets[0];
        assert_eq!(
            (t.metric.as_str(), t.label.as_str()),
            ("fraud_loss", "Fraud loss")
        );
        assert!(t.achieved.is_some_and(|a| a <= 0.02), "{t:?}");
        // Progress counts every batch against the maximum, never going back.
        let seen = seen.into_inner().unwrap_or_default();
        assert!(seen.iter().all(|&(_, total)| total == 200_000), "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
        assert_eq!(seen.last().map(|s| s.0), Some(p.iterations));

        // Sampled, every scenario (4): the batches of all of them add up, in order, to
        // the iterations used × 4, counted against 4 × the maximum.
        let seen = std::sync::Mutex::new(Vec::new());
        let progress = crate::WatchedProgress::new(
            std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
            std::time::Duration::ZERO,
            |p: crate::RunProgress| {
                if let Ok(mut s) = seen.lock() {
                    s.push((p.done, p.total));
                }
            },
        );
        let all = RunRequest {
            path: path.display().to_string(),
            iterations: 100_000,
            seed: 3,
            mode: journeylab_engine::Mode::Sampled,
            sampling: journeylab_engine::Sampling::Mc,
            scenarios: None,
            precision: vec![("fraud_loss".into(), 0.05)],
        };
        let id = run_model_file(&store, &all, &progress).expect("run");
        let p = run_precision(&store, id).expect("read").expect("targets");
        assert!(p.stopped_early && p.met && p.iterations > 1_000, "{p:?}");
        let seen = seen.into_inner().unwrap_or_default();
        assert!(seen.iter().all(|&(_, total)| total == 400_000), "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
        assert_eq!(seen.last().map(|s| s.0), Some(4 * p.iterations));

        req.precision.clear();
        req.iterations = 100;
        let plain = run_model_file(&store, &req, &journeylab_engine::NoProgress).expect("run");
        assert_eq!(run_precision(&store, plain).expect("read"), None);

        // The history says which runs stopped on precision, and their maximum.
        let key = crate::model_key(&path);
        let listed = crate::list_model_runs(&store, &key).expect("history");
        let max_of = |run: i64| {
            listed
                .iter()
                .find(|r| r.run.id == run)
                .map(|r| r.max_iterations)
        };
        assert_eq!(max_of(id), Some(Some(100_000)));
        assert_eq!(max_of(plain), Some(None));
        std::fs::remove_dir_all(&dir).ok();
    }
}
