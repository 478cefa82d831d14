//! The run history of a model (each run with its baseline's headline means) and two
//! stored runs side by side.

use journeylab_engine::vocab::{total_metric, Unit};
use journeylab_store::{RunFilter, RunRow, RunStatus, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::runs::dashboard::HEADLINE_METRICS;
use crate::settings::StoredSettings;
use crate::stored_run::parse_result;
use crate::AppError;

/// A run as listed in the history, with its headline numbers (means of the baseline).
#[derive(Debug, Clone, Serialize, TS)]
pub struct RunListItem {
    /// The stored run.
    #[serde(flatten)]
    pub run: RunRow,
    /// Mean legitimate success rate of the baseline (finished runs).
    pub legit_success_rate: Option<f64>,
    /// Mean fraud loss of the baseline.
    pub fraud_loss: Option<f64>,
    /// Mean net value of the baseline.
    pub net_value: Option<f64>,
    /// Currency of the money numbers.
    pub currency: Option<String>,
    /// For a run asked to stop on precision: the maximum it was allowed (its
    /// `iterations` are those used).
    pub max_iterations: Option<u64>,
}

/// The stored runs of model `key` (file stem, as [`crate::model_key`] gives), newest
/// first, with the baseline's headline means. An unknown model has no runs.
pub fn list_model_runs(store: &Store, key: &str) -> Result<Vec<RunListItem>, AppError> {
    let model = match store.get_model(&journeylab_store::slugify(key)) {
        Ok(m) => m,
        Err(journeylab_store::StoreError::NotFound { .. }) => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let runs = store.list_runs(&RunFilter::model(model.id))?;
    let mut items = Vec::with_capacity(runs.len());
    for run in runs {
        let mut item = RunListItem {
            run,
            legit_success_rate: None,
            fraud_loss: None,
            net_value: None,
            currency: None,
            max_iterations: None,
        };
        if item.run.status == RunStatus::Finished {
            if let Ok(rec) = store.get_run(item.run.id) {
                // A history row never fails the list: a result that does not read shows
                // the run without numbers.
                if let Some(doc) = rec
                    .result_json
                    .as_deref()
                    .and_then(|t| parse_result(t).ok())
                {
                    let mean = |m: &str| doc.baseline().and_then(|b| b.total(m)).map(|s| s.mean);
                    item.legit_success_rate = mean("legit_success_rate");
                    item.fraud_loss = mean("fraud_loss");
                    item.net_value = mean("net_value");
                    item.currency = Some(doc.currency.clone());
                }
                item.max_iterations = StoredSettings::of(&rec).precision_maximum();
            }
        }
        items.push(item);
    }
    Ok(items)
}

/// One total metric of two runs side by side.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RunPairRow {
    /// Total metric id.
    pub metric: String,
    /// Display name (the catalogue's).
    pub label: String,
    /// Unit of its values.
    pub unit: Unit,
    /// Mean in run A.
    pub a_mean: Option<f64>,
    /// Mean in run B.
    pub b_mean: Option<f64>,
    /// Mean of B − A.
    pub delta_mean: Option<f64>,
    /// 5th percentile of B − A (paired), or mean − 1.645 SE (unpaired).
    pub delta_p5: Option<f64>,
    /// 95th percentile of B − A, or mean + 1.645 SE.
    pub delta_p95: Option<f64>,
    /// The 90 % interval excludes 0.
    pub clear: bool,
}

/// Two stored runs compared on the headline totals of one scenario.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RunPairView {
    /// Run A.
    pub a: RunRow,
    /// Run B.
    pub b: RunRow,
    /// Scenario compared.
    pub scenario: String,
    /// Same model, seed and mode: deltas are paired per iteration.
    pub paired: bool,
    /// Iterations compared when paired.
    pub iterations: u64,
    /// Headline metrics in [`HEADLINE_METRICS`] order.
    pub rows: Vec<RunPairRow>,
}

/// Compares the `scenario` (default `baseline`) of stored runs `a` and `b` (see
/// [`crate::compare_runs`]) for display.
pub fn compare_two_runs(
    store: &Store,
    a: i64,
    b: i64,
    scenario: Option<&str>,
) -> Result<RunPairView, AppError> {
    let scenario = scenario.unwrap_or("baseline");
    let cmp = crate::compare_runs(store, a, b, scenario)?;
    let rows = HEADLINE_METRICS
        .iter()
        .filter_map(|m| {
            let info = total_metric(m)?;
            let c = cmp.metrics.iter().find(|c| c.metric == *m)?;
            let d = c.delta.filter(|d| d.mean.is_finite());
            Some(RunPairRow {
                metric: m.to_string(),
                label: info.label.to_string(),
                unit: info.unit,
                a_mean: c.a.map(|x| x.mean),
                b_mean: c.b.map(|x| x.mean),
                delta_mean: d.map(|d| d.mean),
                delta_p5: d.map(|d| d.p5).filter(|x| x.is_finite()),
                delta_p95: d.map(|d| d.p95).filter(|x| x.is_finite()),
                clear: d.is_some_and(|d| d.p5 > 0.0 || d.p95 < 0.0),
            })
        })
        .collect();
    Ok(RunPairView {
        a: store.get_run(a)?.run,
        b: store.get_run(b)?.run,
        scenario: scenario.to_string(),
        paired: cmp.paired,
        iterations: cmp.iterations,
        rows,
    })
}

/// Deletes stored run `run_id` with its results and samples.
pub fn delete_run(store: &Store, run_id: i64) -> Result<(), AppError> {
    store.delete_run(run_id).map_err(AppError::from)
}
