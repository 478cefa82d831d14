//! A whole run: the baseline and the chosen scenarios simulated with the same settings,
//! then summarised into the result document of spec §7.

use rayon::prelude::*;
use serde_json::{json, Map, Value};

use crate::metrics::{self, summarize, Summary, TOTAL_METRICS};
use crate::sim::{simulate, Mode, Progress, Samples, Settings, SimError, JP_FIELDS};
use crate::spec::{OutcomeClass, Spec};
use crate::validate::Validation;

/// The result format tag.
pub const RESULT_FORMAT: &str = "journeylab-result/1";

/// The engine's version, recorded with every run.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One simulated scenario (the baseline included) with its per-iteration values.
#[derive(Debug, Clone)]
pub struct ScenarioRun {
    /// `baseline` or the scenario id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The model simulated.
    pub spec: Spec,
    /// Per-iteration rows.
    pub samples: Samples,
    /// Per-iteration model totals, `totals[m][i]` for `TOTAL_METRICS[m]`.
    pub totals: Vec<Vec<f64>>,
}

/// Everything a run produced.
#[derive(Debug, Clone)]
pub struct RunOutput {
    /// Model name.
    pub model: String,
    /// Currency of money metrics.
    pub currency: String,
    /// Period label.
    pub period: String,
    /// Settings used (the seed included, so any run can be repeated).
    pub settings: Settings,
    /// Baseline first, then scenarios in file order.
    pub scenarios: Vec<ScenarioRun>,
}

/// Why a run could not be made.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RunError {
    /// The model has validation errors.
    #[error("the model is not valid; validate it to see the problems")]
    InvalidModel,
    /// A requested scenario does not exist.
    #[error("unknown scenario `{0}` (known: {1})")]
    UnknownScenario(String, String),
    /// A precision target names no model total.
    #[error("unknown metric `{0}` (use a model total such as fraud_loss or legit_success_rate)")]
    UnknownMetric(String),
    /// The simulation stopped.
    #[error(transparent)]
    Sim(#[from] SimError),
}

/// A precision target: run until the 95 % confidence interval of the mean of `metric`
/// (a model total) is narrower than ± `relative` × |mean| in every scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct PrecisionTarget {
    /// Model total.
    pub metric: String,
    /// Relative half-width, e.g. 0.01 for ±1 %.
    pub relative: f64,
}

/// z of a two-sided 95 % interval.
const Z975: f64 = 1.959964;

/// Whether every target is met by every scenario of `out`. A metric that is never
/// present (no entrants) or whose mean is 0 with no spread counts as met.
pub fn precision_met(out: &RunOutput, targets: &[PrecisionTarget]) -> bool {
    targets.iter().all(|t| {
        let Some(m) = TOTAL_METRICS.iter().position(|x| *x == t.metric) else {
            return false;
        };
        out.scenarios
            .iter()
            .all(|s| match summarize(s.totals[m].iter().copied()) {
                None => true,
                Some(sum) => Z975 * sum.se <= t.relative * sum.mean.abs(),
            })
    })
}

/// Runs in growing batches until every precision target is met or `settings.iterations`
/// (the maximum) is reached. The result equals a plain run of the iterations used,
/// which `out.settings.iterations` reports.
pub fn run_to_precision(
    validation: &Validation,
    settings: &Settings,
    scenarios: Option<&[String]>,
    targets: &[PrecisionTarget],
    progress: &dyn Progress,
) -> Result<RunOutput, RunError> {
    for t in targets {
        if !TOTAL_METRICS.contains(&t.metric.as_str()) {
            return Err(RunError::UnknownMetric(t.metric.clone()));
        }
    }
    let max = settings.iterations;
    let mut batch = max.min(1_000);
    let mut out = run(
        validation,
        &Settings {
            iterations: batch,
            ..settings.clone()
        },
        scenarios,
        progress,
    )?;
    while out.settings.iterations < max && !precision_met(&out, targets) {
        // Double the total each round, so the number of rounds stays logarithmic.
        batch = out.settings.iterations.min(max - out.settings.iterations);
        let first = out.settings.iterations;
        let more = Settings {
            iterations: batch,
            ..settings.clone()
        };
        for s in &mut out.scenarios {
            let add = crate::sim::simulate_from(&s.spec, &more, first, progress)?;
            s.samples.data.extend_from_slice(&add.data);
            s.samples.iterations += add.iterations;
            s.totals = metrics::totals(&s.spec, &s.samples);
        }
        out.settings.iterations += batch;
    }
    Ok(out)
}

/// Offsets progress so several scenarios report as one run.
struct Offset<'a> {
    inner: &'a dyn Progress,
    before: u64,
    total: u64,
}

impl Progress for Offset<'_> {
    fn report(&self, done: u64, _total: u64) {
        self.inner.report(self.before + done, self.total);
    }
    fn cancelled(&self) -> bool {
        self.inner.cancelled()
    }
}

/// Runs the baseline and the scenarios named in `scenarios` (all of them when `None`).
pub fn run(
    validation: &Validation,
    settings: &Settings,
    scenarios: Option<&[String]>,
    progress: &dyn Progress,
) -> Result<RunOutput, RunError> {
    let base = validation.spec.as_ref().ok_or(RunError::InvalidModel)?;
    let mut chosen: Vec<(String, String, &Spec)> =
        vec![("baseline".into(), "Baseline".into(), base)];
    match scenarios {
        None => chosen.extend(
            validation
                .scenarios
                .iter()
                .map(|s| (s.info.id.clone(), s.info.name.clone(), &s.spec)),
        ),
        Some(ids) => {
            for id in ids.iter().filter(|id| id.as_str() != "baseline") {
                let s = validation
                    .scenarios
                    .iter()
                    .find(|s| &s.info.id == id)
                    .ok_or_else(|| {
                        let known: Vec<&str> = validation
                            .scenarios
                            .iter()
                            .map(|s| s.info.id.as_str())
                            .collect();
                        RunError::UnknownScenario(
                            id.clone(),
                            if known.is_empty() {
                                "none".into()
                            } else {
                                known.join(", ")
                            },
                        )
                    })?;
                if !chosen.iter().any(|(c, _, _)| c == id) {
                    chosen.push((s.info.id.clone(), s.info.name.clone(), &s.spec));
                }
            }
        }
    }
    let total = settings.iterations * chosen.len() as u64;
    let mut out = Vec::new();
    for (k, (id, name, spec)) in chosen.into_iter().enumerate() {
        let p = Offset {
            inner: progress,
            before: settings.iterations * k as u64,
            total,
        };
        let samples = simulate(spec, settings, &p)?;
        let totals = metrics::totals(spec, &samples);
        out.push(ScenarioRun {
            id,
            name,
            spec: spec.clone(),
            samples,
            totals,
        });
    }
    Ok(RunOutput {
        model: base.name.clone(),
        currency: base.currency.clone(),
        period: base.period.clone(),
        settings: settings.clone(),
        scenarios: out,
    })
}

fn summary_value(s: Option<Summary>) -> Option<Value> {
    s.and_then(|s| serde_json::to_value(s).ok())
}

fn insert_summary(map: &mut Map<String, Value>, key: &str, values: impl IntoIterator<Item = f64>) {
    put(map, key, summarize(values));
}

/// Inserts a summary; an absent one (no value in any iteration) leaves the key out.
fn put(map: &mut Map<String, Value>, key: &str, summary: Option<Summary>) {
    if let Some(v) = summary_value(summary) {
        map.insert(key.to_string(), v);
    }
}

/// Per-iteration paired differences `scenario − baseline` of a total metric (NaN where
/// either is absent).
pub fn paired_delta(scenario: &[f64], baseline: &[f64]) -> Vec<f64> {
    scenario.iter().zip(baseline).map(|(s, b)| s - b).collect()
}

/// Guardrail outcomes of one scenario: (id, probability met, met).
pub fn guardrails(run: &ScenarioRun) -> Vec<GuardrailResult> {
    let spec = &run.spec;
    spec.guardrails
        .iter()
        .map(|g| {
            let values: Vec<f64> = match &g.populations {
                None => {
                    let m = TOTAL_METRICS
                        .iter()
                        .position(|m| *m == g.metric)
                        .unwrap_or(0);
                    run.totals[m].clone()
                }
                Some(pops) => (0..run.samples.iterations)
                    .map(|i| {
                        metrics::scoped_value(
                            spec,
                            &run.samples,
                            run.samples.row(i),
                            g.journey,
                            pops,
                            &g.metric,
                        )
                    })
                    .collect(),
            };
            let present: Vec<f64> = values.into_iter().filter(|x| !x.is_nan()).collect();
            let within = present
                .iter()
                .filter(|x| g.min.is_none_or(|lo| **x >= lo) && g.max.is_none_or(|hi| **x <= hi))
                .count();
            let probability_met = if present.is_empty() {
                None
            } else {
                Some(within as f64 / present.len() as f64)
            };
            GuardrailResult {
                id: g.id.clone(),
                owner: g.owner.clone(),
                metric: g.metric.clone(),
                min: g.min,
                max: g.max,
                confidence: g.confidence,
                probability_met,
                met: probability_met.is_some_and(|p| p >= g.confidence),
            }
        })
        .collect()
}

/// How one guardrail fared in one scenario.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GuardrailResult {
    /// Guardrail id.
    pub id: String,
    /// Owning team.
    pub owner: String,
    /// Metric name.
    pub metric: String,
    /// Lower limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Upper limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Required probability.
    pub confidence: f64,
    /// Share of iterations within the limits (`None` when the metric was never present:
    /// nobody entered what it measures).
    pub probability_met: Option<f64>,
    /// Whether `probability_met ≥ confidence`.
    pub met: bool,
}

/// The result document of spec §7.
pub fn result_json(out: &RunOutput) -> Value {
    let baseline = out.scenarios.first();
    let scenarios: Vec<Value> = out
        .scenarios
        .iter()
        .map(|s| scenario_json(s, baseline.filter(|b| b.id != s.id)))
        .collect();
    json!({
        "format": RESULT_FORMAT,
        "model": out.model,
        "currency": out.currency,
        "period": out.period,
        "seed": out.settings.seed,
        "iterations": out.settings.iterations,
        "mode": out.settings.mode.as_str(),
        "engine_version": ENGINE_VERSION,
        "scenarios": scenarios,
    })
}

fn scenario_json(run: &ScenarioRun, baseline: Option<&ScenarioRun>) -> Value {
    let spec = &run.spec;
    let samples = &run.samples;
    let n = samples.iterations;
    // Every column is summarised independently: in parallel (results do not depend on
    // the thread count; each summary reads one column in iteration order).
    let width = samples.layout.width;
    let column: Vec<Option<Summary>> = (0..width)
        .into_par_iter()
        .map(|c| summarize((0..n).map(|i| samples.row(i)[c])))
        .collect();
    let classes_of: Vec<[Option<Summary>; 3]> = (0..samples.layout.blocks.len())
        .into_par_iter()
        .map(|b| {
            let counts: Vec<[f64; 3]> = (0..n)
                .map(|i| metrics::class_counts(spec, samples, b, samples.row(i)))
                .collect();
            [0, 1, 2].map(|k| summarize(counts.iter().map(|c| c[k])))
        })
        .collect();
    let mut totals = Map::new();
    let total_summaries: Vec<Option<Summary>> = run
        .totals
        .par_iter()
        .map(|t| summarize(t.iter().copied()))
        .collect();
    for (name, sum) in TOTAL_METRICS.iter().zip(total_summaries) {
        put(&mut totals, name, sum);
    }
    let mut journeys = Vec::new();
    for (j, journey) in spec.journeys.iter().enumerate() {
        let mut pops = Vec::new();
        for (b, block) in samples
            .layout
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.journey == j)
        {
            let mut p = Map::new();
            p.insert("id".into(), json!(spec.populations[block.population].id));
            put(&mut p, "entrants", column[block.entrants()]);
            let mut outcomes = Map::new();
            for (o, outcome) in journey.outcomes.iter().enumerate() {
                put(&mut outcomes, &outcome.id, column[block.outcome(o)]);
            }
            p.insert("outcomes".into(), Value::Object(outcomes));
            let mut classes = Map::new();
            for (k, class) in OutcomeClass::ALL.iter().enumerate() {
                put(&mut classes, class.as_str(), classes_of[b][k]);
            }
            p.insert("classes".into(), Value::Object(classes));
            for (k, field) in JP_FIELDS.iter().enumerate() {
                put(&mut p, field, column[block.field(k)]);
            }
            pops.push(Value::Object(p));
        }
        journeys.push(json!({ "id": journey.id, "name": journey.name, "populations": pops }));
    }
    let mut s = Map::new();
    s.insert("id".into(), json!(run.id));
    s.insert("name".into(), json!(run.name));
    s.insert("totals".into(), Value::Object(totals));
    s.insert("journeys".into(), Value::Array(journeys));
    s.insert(
        "guardrails".into(),
        serde_json::to_value(guardrails(run)).unwrap_or(Value::Null),
    );
    if let Some(base) = baseline {
        let mut deltas = Map::new();
        for (m, name) in TOTAL_METRICS.iter().enumerate() {
            insert_summary(
                &mut deltas,
                name,
                paired_delta(&run.totals[m], &base.totals[m]),
            );
        }
        s.insert("delta_vs_baseline".into(), Value::Object(deltas));
    }
    Value::Object(s)
}

/// The mode as a string for display.
pub fn mode_name(mode: Mode) -> &'static str {
    mode.as_str()
}
