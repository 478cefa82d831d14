//! Running a model file from a front end: the request, progress with elapsed time, ETA
//! and cancel, counting a stop-on-precision run against its maximum, and the run stored
//! in the workspace.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use journeylab_engine::run::PrecisionTarget;
use journeylab_engine::{Mode, Progress, Sampling, Settings};
use journeylab_store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{load_model, model_key, run_and_store_with, AppError};

/// Progress of a running simulation, as a front end shows it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct RunProgress {
    /// Iterations done, over all scenarios of the run.
    pub done: u64,
    /// Iterations in all.
    pub total: u64,
    /// Milliseconds since the run started.
    pub elapsed_ms: u64,
    /// Estimated milliseconds left (`None` until something is done).
    pub eta_ms: Option<u64>,
}

/// A [`Progress`] that passes reports to `sink` at most every `every` (and always the
/// last one), with elapsed time and an ETA, and stops the run when `cancel` is set.
pub struct WatchedProgress<F: Fn(RunProgress) + Sync> {
    started: Instant,
    every: Duration,
    last: Mutex<Option<Instant>>,
    cancel: Arc<AtomicBool>,
    sink: F,
}

impl<F: Fn(RunProgress) + Sync> std::fmt::Debug for WatchedProgress<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WatchedProgress")
            .field("cancelled", &self.cancel.load(Ordering::Relaxed))
            .finish()
    }
}

impl<F: Fn(RunProgress) + Sync> WatchedProgress<F> {
    /// Reports to `sink` at most every `every`; `cancel` stops the run.
    pub fn new(cancel: Arc<AtomicBool>, every: Duration, sink: F) -> Self {
        WatchedProgress {
            started: Instant::now(),
            every,
            last: Mutex::new(None),
            cancel,
            sink,
        }
    }
}

impl<F: Fn(RunProgress) + Sync> Progress for WatchedProgress<F> {
    fn report(&self, done: u64, total: u64) {
        let now = Instant::now();
        {
            let Ok(mut last) = self.last.lock() else {
                return;
            };
            if done < total && last.is_some_and(|t| now.duration_since(t) < self.every) {
                return;
            }
            *last = Some(now);
        }
        let elapsed = now.duration_since(self.started);
        let eta_ms = (done > 0).then(|| {
            let per = elapsed.as_secs_f64() / done as f64;
            (per * total.saturating_sub(done) as f64 * 1000.0) as u64
        });
        (self.sink)(RunProgress {
            done,
            total,
            elapsed_ms: elapsed.as_millis() as u64,
            eta_ms,
        });
    }
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// What a front end asks to run (the arguments of the app's `start_run` command).
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct RunRequest {
    /// The model file.
    pub path: String,
    /// Iterations per scenario (the maximum when `precision` has targets).
    pub iterations: u64,
    /// Seed, as decimal text (any u64).
    #[serde(with = "crate::seed")]
    #[ts(type = "string")]
    pub seed: u64,
    /// Sampled or expected.
    pub mode: Mode,
    /// How quantities are drawn (plain Monte Carlo when not given).
    #[serde(default)]
    pub sampling: Sampling,
    /// Scenario ids to run besides the baseline (`None`: all).
    #[serde(default)]
    pub scenarios: Option<Vec<String>>,
    /// Stop on precision: `(metric, relative)` targets, e.g. `("fraud_loss", 0.01)` for a
    /// 95 % interval within ±1 % of the mean. Empty: run every iteration. With targets,
    /// `iterations` is the maximum and the stored run records the iterations used.
    #[serde(default)]
    pub precision: Vec<(String, f64)>,
}

/// Progress of a run that stops on precision, counted against its maximum. The engine
/// reports its first batch (every scenario) and then each scenario's extension as a
/// separate count; this adds them up. Each simulation reports `done == total` exactly
/// once (its last chunk); chunks finishing out of order can report an older count
/// after it, which is ignored rather than counted twice.
struct UpToMaximum<'a> {
    inner: &'a dyn Progress,
    total: u64,
    /// (iterations of finished simulations, last count passed on, total of the last
    /// finished simulation)
    state: Mutex<(u64, u64, u64)>,
}

impl Progress for UpToMaximum<'_> {
    fn report(&self, done: u64, total: u64) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        let (finished, shown, last_total) = *state;
        if done < total && total == last_total && done > total / 2 {
            return; // a late report of the simulation that just finished
        }
        let now = (finished + done.min(total)).min(self.total);
        if done >= total {
            *state = (finished + total, shown, total);
        }
        if now > shown {
            state.1 = now;
            // Reported under the lock: workers report in parallel, and the counts must
            // reach the front end in order.
            self.inner.report(now, self.total);
        }
    }
    fn cancelled(&self) -> bool {
        self.inner.cancelled()
    }
}

/// Runs the model file at `path` and stores the run under the model's key (its file
/// stem). Returns the run id. A cancelled run is stored as cancelled and returns
/// [`AppError::Cancelled`].
pub fn run_model_file(
    store: &Store,
    req: &RunRequest,
    progress: &dyn Progress,
) -> Result<i64, AppError> {
    let path = PathBuf::from(&req.path);
    let path = path.as_path();
    if req.iterations == 0 {
        return Err(AppError::Run {
            message: "iterations must be at least 1".into(),
        });
    }
    let model = load_model(path)?;
    let settings = Settings {
        iterations: req.iterations,
        seed: req.seed,
        mode: req.mode,
        sampling: req.sampling,
        threads: None,
    };
    let precision: Vec<PrecisionTarget> = req
        .precision
        .iter()
        .map(|(metric, relative)| PrecisionTarget {
            metric: metric.clone(),
            relative: *relative,
        })
        .collect();
    if let Some(t) = precision
        .iter()
        .find(|t| !(t.relative.is_finite() && t.relative > 0.0))
    {
        return Err(AppError::Run {
            message: format!(
                "the precision of {} must be a positive fraction, not {}",
                t.metric, t.relative
            ),
        });
    }
    let scenarios = match &req.scenarios {
        Some(ids) => 1 + ids.iter().filter(|i| i.as_str() != "baseline").count() as u64,
        None => 1 + model.validation.scenarios.len() as u64,
    };
    let counted = UpToMaximum {
        inner: progress,
        total: req.iterations.saturating_mul(scenarios),
        state: Mutex::new((0, 0, 0)),
    };
    let progress: &dyn Progress = if precision.is_empty() {
        progress
    } else {
        &counted
    };
    let (run_id, _) = run_and_store_with(
        store,
        &model_key(path),
        &model,
        &settings,
        req.scenarios.as_deref(),
        &precision,
        Some(progress),
    )?;
    Ok(run_id)
}
