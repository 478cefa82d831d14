//! The local workspace (SQLite, `journeylab-store`) as the CLI and the app use it:
//! opening and seeding it, running a model and recording the run, comparing runs.

use std::path::{Path, PathBuf};

use journeylab_engine::metrics::{summarize, Summary};
use journeylab_engine::result::ENGINE_VERSION;
use journeylab_engine::vocab::TOTAL_METRICS;
use journeylab_engine::{result_doc, Progress, RunOutput, Settings};
use journeylab_store::{RunSettings, SampleSeries, Store};
use serde::Serialize;

use crate::model::{run_model, run_model_with, LoadedModel};
use crate::settings::StoredSettings;
use crate::{examples_dir, AppError};
use journeylab_engine::run::PrecisionTarget;

impl From<journeylab_store::StoreError> for AppError {
    fn from(e: journeylab_store::StoreError) -> Self {
        AppError::Store {
            message: e.to_string(),
        }
    }
}

/// Opens the workspace at `db` (or `$JOURNEYLAB_DB`, or the platform data directory) and
/// seeds a new database with the example models. Returns the store and the ids of runs
/// found interrupted (their process died part-way).
pub fn open_workspace(db: Option<&Path>) -> Result<Store, AppError> {
    let path: PathBuf = match db {
        Some(p) => p.to_path_buf(),
        None => journeylab_store::default_db_path()?,
    };
    let store = Store::open(&path)?;
    if !store.is_seeded()? {
        let mut examples = Vec::new();
        if let Ok(entries) = std::fs::read_dir(examples_dir()) {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            paths.sort();
            for p in paths {
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                let key = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let name = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string))
                    .unwrap_or_else(|| key.clone());
                examples.push((key, name, text));
            }
        }
        store.seed_examples(examples)?;
    }
    Ok(store)
}

/// The model key for a file: its stem (`fixtures/consumer-sign-in.json` → `consumer-sign-in`).
pub fn model_key(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "model".into())
}

/// Runs a model and records it: the model text as a version (deduplicated), the run as
/// `running` before it starts, then its result and per-iteration totals in one
/// transaction, or its failure. Returns the run id and the output.
pub fn run_and_store(
    store: &Store,
    key: &str,
    model: &LoadedModel,
    settings: &Settings,
    scenarios: Option<&[String]>,
    progress: Option<&dyn Progress>,
) -> Result<(i64, RunOutput), AppError> {
    run_and_store_with(store, key, model, settings, scenarios, &[], progress)
}

/// As [`run_and_store`], stopping on precision when `precision` is not empty (then
/// `settings.iterations` is the maximum and the stored run records the iterations used).
pub fn run_and_store_with(
    store: &Store,
    key: &str,
    model: &LoadedModel,
    settings: &Settings,
    scenarios: Option<&[String]>,
    precision: &[PrecisionTarget],
    progress: Option<&dyn Progress>,
) -> Result<(i64, RunOutput), AppError> {
    if !model.validation.is_valid() {
        return run_model(model, settings, scenarios, progress).map(|o| (0, o));
    }
    let name = model
        .document
        .get("name")
        .and_then(|n| n.as_str())
        .unwrap_or(key);
    let version = store.import_model(key, name, &model.text, None)?;
    let chosen: Vec<String> = std::iter::once("baseline".to_string())
        .chain(match scenarios {
            Some(ids) => ids
                .iter()
                .filter(|i| i.as_str() != "baseline")
                .cloned()
                .collect::<Vec<_>>(),
            None => model
                .validation
                .scenarios
                .iter()
                .map(|s| s.info.id.clone())
                .collect(),
        })
        .collect();
    let run_id = store.begin_run(
        version.version_id,
        &RunSettings {
            scenarios: chosen,
            iterations: settings.iterations,
            seed: settings.seed,
            mode: settings.mode.as_str().to_string(),
            engine_version: ENGINE_VERSION.to_string(),
            // The precision targets are kept so the app can say whether they were met
            // (the stored iterations become the iterations used).
            settings_json: Some(
                StoredSettings::new(
                    settings.threads,
                    precision,
                    settings.iterations,
                    settings.sampling,
                )
                .to_json(),
            ),
        },
    )?;
    match run_model_with(model, settings, scenarios, precision, progress) {
        Ok(out) => {
            if out.settings.iterations != settings.iterations {
                store.set_run_iterations(run_id, out.settings.iterations)?;
            }
            let mut doc = result_doc(&out);
            doc.run_id = Some(run_id);
            let samples: Vec<SampleSeries> = out
                .scenarios
                .iter()
                .flat_map(|s| {
                    TOTAL_METRICS
                        .iter()
                        .enumerate()
                        .map(move |(m, metric)| SampleSeries {
                            scenario_id: s.id.clone(),
                            metric: metric.id.to_string(),
                            values: s.totals[m].clone(),
                        })
                })
                .collect();
            let text = serde_json::to_string(&doc).map_err(|e| AppError::Run {
                message: format!("writing the result document: {e}"),
            })?;
            if let Err(e) = store.finish_run(run_id, &text, &samples) {
                let reason = e.to_string();
                // Best effort: a database that cannot take the results may still take
                // one line, and then the history shows the real reason, not
                // "interrupted".
                let _ = store.fail_run(
                    run_id,
                    &format!("the results could not be stored: {reason}"),
                );
                return Err(AppError::NotStored {
                    run_id,
                    reason,
                    output: Box::new(out),
                });
            }
            Ok((run_id, out))
        }
        Err(AppError::Cancelled) => {
            store.cancel_run(run_id)?;
            Err(AppError::Cancelled)
        }
        Err(e) => {
            store.fail_run(run_id, &e.to_string())?;
            Err(e)
        }
    }
}

/// One metric compared between two runs.
#[derive(Debug, Clone, Serialize)]
pub struct MetricComparison {
    /// Total metric name.
    pub metric: String,
    /// Summary in run A.
    pub a: Option<Summary>,
    /// Summary in run B.
    pub b: Option<Summary>,
    /// B − A: per iteration when paired, else the difference of the means with its
    /// standard error (other fields equal to the mean).
    pub delta: Option<Summary>,
}

/// Two runs compared on the baseline's headline totals.
#[derive(Debug, Clone, Serialize)]
pub struct RunComparison {
    /// Run A.
    pub a: i64,
    /// Run B.
    pub b: i64,
    /// Scenario compared (`baseline` unless both ran the given one).
    pub scenario: String,
    /// True when both runs used the same model and seed: iteration i of A and B then
    /// share their random streams, and the deltas are paired per iteration.
    pub paired: bool,
    /// Iterations compared when paired (the smaller run's count).
    pub iterations: u64,
    /// Per metric.
    pub metrics: Vec<MetricComparison>,
}

/// Compares the `scenario` of two stored runs.
pub fn compare_runs(
    store: &Store,
    a: i64,
    b: i64,
    scenario: &str,
) -> Result<RunComparison, AppError> {
    let (ra, rb) = (store.get_run(a)?, store.get_run(b)?);
    let paired = ra.run.model_id == rb.run.model_id
        && ra.run.seed == rb.run.seed
        && ra.run.mode == rb.run.mode;
    let n = ra.run.iterations.min(rb.run.iterations) as usize;
    let mut metrics = Vec::new();
    for metric in TOTAL_METRICS.map(|m| m.id) {
        let sa = store.run_samples(a, scenario, metric)?;
        let sb = store.run_samples(b, scenario, metric)?;
        let (Some(sa), Some(sb)) = (sa, sb) else {
            return Err(AppError::Run {
                message: format!(
                    "runs {a} and {b} do not both have samples of scenario `{scenario}`"
                ),
            });
        };
        let (suma, sumb) = (summarize(sa.iter().copied()), summarize(sb.iter().copied()));
        let delta = if paired {
            summarize(sa[..n].iter().zip(&sb[..n]).map(|(x, y)| y - x))
        } else {
            match (suma, sumb) {
                (Some(x), Some(y)) => {
                    let d = y.mean - x.mean;
                    let se = (x.se * x.se + y.se * y.se).sqrt();
                    Some(Summary {
                        mean: d,
                        sd: f64::NAN,
                        se,
                        p5: d - 1.6448536 * se,
                        p50: d,
                        p95: d + 1.6448536 * se,
                        min: f64::NAN,
                        max: f64::NAN,
                    })
                }
                _ => None,
            }
        };
        metrics.push(MetricComparison {
            metric: metric.to_string(),
            a: suma,
            b: sumb,
            delta,
        });
    }
    Ok(RunComparison {
        a,
        b,
        scenario: scenario.to_string(),
        paired,
        iterations: n as u64,
        metrics,
    })
}
