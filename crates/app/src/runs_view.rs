//! Stored runs as the desktop app shows them: the run history of a model with headline
//! numbers, a run's dashboard (headline cards, guardrails per team, a journey ×
//! population × outcome breakdown, paired deltas against the baseline with a
//! plain-language line per scenario), and exports of a run to a file.
//!
//! Every number comes from the stored `journeylab-result/1` document; front ends only
//! format and draw.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use journeylab_charts::{format as fmt, Format, MetricInfo, Unit};
use journeylab_engine::{Mode, Progress, Settings, Summary};
use journeylab_store::{RunFilter, RunRow, RunStatus, Store};
use serde::Serialize;
use serde_json::Value;

use crate::guardrail_view::GuardrailView;
use crate::stored_run::{result_doc, run_model_version};
use crate::{load_model, model_key, render_run_chart, run_and_store_with, AppError, ChartRequest};
use journeylab_engine::run::PrecisionTarget;

/// Progress of a running simulation, as a front end shows it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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

/// One total metric of two runs side by side.
#[derive(Debug, Clone, Serialize)]
pub struct RunPairRow {
    /// Total metric id.
    pub metric: String,
    /// Display name.
    pub label: String,
    /// See [`HeadlineCard::unit`].
    pub unit: &'static str,
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
#[derive(Debug, Clone, Serialize)]
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
            let info = MetricInfo::for_total(m)?;
            let c = cmp.metrics.iter().find(|c| c.metric == *m)?;
            let d = c.delta.filter(|d| d.mean.is_finite());
            Some(RunPairRow {
                metric: m.to_string(),
                label: info.name,
                unit: unit_name(info.unit),
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

/// What a front end asks to run.
#[derive(Debug, Clone)]
pub struct RunRequest {
    /// Iterations per scenario.
    pub iterations: u64,
    /// Seed.
    pub seed: u64,
    /// `sampled` or `expected`.
    pub mode: String,
    /// Scenario ids to run besides the baseline (`None`: all).
    pub scenarios: Option<Vec<String>>,
    /// Stop on precision: `(metric, relative)` targets, e.g. `("fraud_loss", 0.01)` for a
    /// 95 % interval within ±1 % of the mean. Empty: run every iteration. With targets,
    /// `iterations` is the maximum and the stored run records the iterations used.
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
    path: &Path,
    req: &RunRequest,
    progress: &dyn Progress,
) -> Result<i64, AppError> {
    let mode = match req.mode.as_str() {
        "sampled" => Mode::Sampled,
        "expected" => Mode::Expected,
        other => {
            return Err(AppError::Run {
                message: format!("unknown mode `{other}` (use sampled or expected)"),
            })
        }
    };
    if req.iterations == 0 {
        return Err(AppError::Run {
            message: "iterations must be at least 1".into(),
        });
    }
    let model = load_model(path)?;
    let settings = Settings {
        iterations: req.iterations,
        seed: req.seed,
        mode,
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

/// The headline metrics of the dashboard, in display order.
pub const HEADLINE_METRICS: [&str; 9] = [
    "legit_success_rate",
    "legit_abandon_rate",
    "false_reject_rate",
    "attack_stopped_rate",
    "fraud_loss",
    "support_contacts",
    "support_cost",
    "control_cost",
    "net_value",
];

/// A run as listed in the history, with its headline numbers (means of the baseline).
#[derive(Debug, Clone, Serialize)]
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

/// One headline metric of one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct HeadlineCard {
    /// Total metric id (spec §7).
    pub metric: String,
    /// Display name.
    pub label: String,
    /// `rate` (a fraction), `money`, `count` or `hours`.
    pub unit: &'static str,
    /// Whether a higher value is better.
    pub higher_is_better: bool,
    /// Mean over iterations.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Monte Carlo standard error of the mean.
    pub se: f64,
}

/// The guardrails of one owning team.
#[derive(Debug, Clone, Serialize)]
pub struct TeamGuardrails {
    /// Team id.
    pub owner: String,
    /// Team name.
    pub owner_name: String,
    /// Its guardrails.
    pub guardrails: Vec<GuardrailView>,
}

/// One row of the breakdown journey × population × outcome (means and P5–P95 of counts).
#[derive(Debug, Clone, Serialize)]
pub struct BreakdownRow {
    /// Journey id.
    pub journey: String,
    /// Journey name.
    pub journey_name: String,
    /// Population id.
    pub population: String,
    /// Outcome id.
    pub outcome: String,
    /// Mean count.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Share of the population's mean entrants (`None` without entrants).
    pub share: Option<f64>,
}

/// The paired difference scenario − baseline of one headline metric.
#[derive(Debug, Clone, Serialize)]
pub struct DeltaView {
    /// Total metric id.
    pub metric: String,
    /// Display name.
    pub label: String,
    /// See [`HeadlineCard::unit`].
    pub unit: &'static str,
    /// Mean paired difference.
    pub mean: f64,
    /// 5th percentile of the per-iteration difference.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
    /// The 90 % interval P5–P95 excludes 0: a clear change.
    pub clear: bool,
    /// For a clear change: whether it is an improvement.
    pub better: Option<bool>,
}

/// One scenario of a run's dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioView {
    /// `baseline` or the scenario id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Headline cards in [`HEADLINE_METRICS`] order (metrics without a value left out).
    pub cards: Vec<HeadlineCard>,
    /// Guardrails grouped by owning team, in model order.
    pub teams: Vec<TeamGuardrails>,
    /// Journey × population × outcome.
    pub breakdown: Vec<BreakdownRow>,
    /// Paired deltas against the baseline (empty for the baseline).
    pub deltas: Vec<DeltaView>,
    /// A plain-language line of the clear changes (not for the baseline).
    pub summary_line: Option<String>,
}

/// Everything the dashboard of one stored run shows.
#[derive(Debug, Clone, Serialize)]
pub struct RunDashboard {
    /// The stored run.
    pub run: RunRow,
    /// Model name.
    pub model_name: String,
    /// ISO 4217 currency.
    pub currency: String,
    /// Period of volumes.
    pub period: String,
    /// Baseline first, then the scenarios run.
    pub scenarios: Vec<ScenarioView>,
}

fn unit_name(u: Unit) -> &'static str {
    match u {
        Unit::Count => "count",
        Unit::Money => "money",
        Unit::Rate => "rate",
        Unit::Hours => "hours",
    }
}

/// Whether a higher value of total `metric` is better.
pub fn higher_is_better(metric: &str) -> bool {
    matches!(
        metric,
        "legit_entrants"
            | "legit_success"
            | "legit_success_rate"
            | "attack_stopped_rate"
            | "value"
            | "net_value"
    )
}

fn summary(v: &Value) -> Option<Summary> {
    serde_json::from_value(v.clone()).ok()
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
                let json = |text: Option<&str>| {
                    text.and_then(|t| serde_json::from_str::<Value>(t).ok())
                        .unwrap_or(Value::Null)
                };
                let doc = json(rec.result_json.as_deref());
                let mean = |m: &str| doc["scenarios"][0]["totals"][m]["mean"].as_f64();
                item.legit_success_rate = mean("legit_success_rate");
                item.fraud_loss = mean("fraud_loss");
                item.net_value = mean("net_value");
                item.currency = doc["currency"].as_str().map(str::to_string);
                let settings = json(rec.settings_json.as_deref());
                if settings["precision"]
                    .as_array()
                    .is_some_and(|t| !t.is_empty())
                {
                    item.max_iterations = settings["max_iterations"].as_u64();
                }
            }
        }
        items.push(item);
    }
    Ok(items)
}

/// The dashboard of finished run `run_id`.
pub fn run_dashboard(store: &Store, run_id: i64) -> Result<RunDashboard, AppError> {
    let (run, doc) = result_doc(store, run_id)?;
    // Team names and guardrail scopes only: without the model the dashboard still shows.
    let model_doc = run_model_version(store, run.model_version_id)
        .map(|m| m.document)
        .unwrap_or(Value::Null);
    let currency = doc["currency"].as_str().unwrap_or("USD").to_string();
    let period = doc["period"].as_str().unwrap_or("month").to_string();
    let empty = Vec::new();
    let all = doc["scenarios"].as_array().unwrap_or(&empty);
    let baseline = all.first();
    let scenarios = all
        .iter()
        .map(|s| {
            let is_base = s["id"] == "baseline";
            let cards = HEADLINE_METRICS
                .iter()
                .filter_map(|m| {
                    let info = MetricInfo::for_total(m)?;
                    let x = summary(&s["totals"][*m])?;
                    Some(HeadlineCard {
                        metric: m.to_string(),
                        label: info.name,
                        unit: unit_name(info.unit),
                        higher_is_better: higher_is_better(m),
                        mean: x.mean,
                        p5: x.p5,
                        p95: x.p95,
                        se: x.se,
                    })
                })
                .collect();
            let mut teams: Vec<TeamGuardrails> = Vec::new();
            for g in s["guardrails"].as_array().unwrap_or(&empty) {
                // The result document carries the guardrail as run (limits, owner); its
                // scope (journey, population) and team names come from the model.
                let mut definition = model_doc["guardrails"]
                    .as_array()
                    .and_then(|ds| ds.iter().find(|d| d["id"] == g["id"]))
                    .cloned()
                    .unwrap_or_else(|| Value::Object(Default::default()));
                if let (Some(d), Some(run)) = (definition.as_object_mut(), g.as_object()) {
                    d.extend(run.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                let view = GuardrailView::of(
                    &definition,
                    &model_doc,
                    g["probability_met"].as_f64(),
                    g["met"].as_bool().unwrap_or(false),
                );
                let owner = view.owner.clone();
                match teams.iter_mut().find(|t| t.owner == owner) {
                    Some(t) => t.guardrails.push(view),
                    None => teams.push(TeamGuardrails {
                        owner_name: view.owner_name.clone(),
                        owner,
                        guardrails: vec![view],
                    }),
                }
            }
            let mut breakdown = Vec::new();
            for j in s["journeys"].as_array().unwrap_or(&empty) {
                let jid = j["id"].as_str().unwrap_or("");
                for p in j["populations"].as_array().unwrap_or(&empty) {
                    let entrants = p["entrants"]["mean"].as_f64();
                    for (o, v) in p["outcomes"].as_object().into_iter().flatten() {
                        let Some(x) = summary(v) else { continue };
                        // Outcomes nobody ever reached (implicit classes unused) add nothing.
                        if x.min == 0.0 && x.max == 0.0 {
                            continue;
                        }
                        breakdown.push(BreakdownRow {
                            journey: jid.to_string(),
                            journey_name: j["name"].as_str().unwrap_or(jid).to_string(),
                            population: p["id"].as_str().unwrap_or("").to_string(),
                            outcome: o.clone(),
                            mean: x.mean,
                            p5: x.p5,
                            p95: x.p95,
                            share: entrants.filter(|e| *e > 0.0).map(|e| x.mean / e),
                        });
                    }
                }
            }
            let deltas: Vec<DeltaView> = if is_base {
                Vec::new()
            } else {
                HEADLINE_METRICS
                    .iter()
                    .chain(["attack_success", "customer_hours"].iter())
                    .filter_map(|m| {
                        let info = MetricInfo::for_total(m)?;
                        let d = summary(&s["delta_vs_baseline"][*m])?;
                        let clear = d.p5 > 0.0 || d.p95 < 0.0;
                        Some(DeltaView {
                            metric: m.to_string(),
                            label: info.name,
                            unit: unit_name(info.unit),
                            mean: d.mean,
                            p5: d.p5,
                            p95: d.p95,
                            clear,
                            better: clear.then(|| (d.mean > 0.0) == higher_is_better(m)),
                        })
                    })
                    .collect()
            };
            let summary_line = (!is_base).then(|| {
                plain_language(&deltas, baseline.map(|b| &b["totals"]), &currency, &period)
            });
            ScenarioView {
                id: s["id"].as_str().unwrap_or("").to_string(),
                name: s["name"]
                    .as_str()
                    .or(s["id"].as_str())
                    .unwrap_or("")
                    .to_string(),
                cards,
                teams,
                breakdown,
                deltas,
                summary_line,
            }
        })
        .collect();
    Ok(RunDashboard {
        model_name: doc["model"].as_str().unwrap_or(&run.model_name).to_string(),
        run,
        currency,
        period,
        scenarios,
    })
}

/// Rounds a magnitude for prose: two significant digits from 100 up (2,345 → 2,300),
/// whole numbers below.
fn round_for_prose(x: f64) -> f64 {
    let a = x.abs();
    if a >= 100.0 {
        let p = 10f64.powi(a.log10().floor() as i32 - 1);
        (a / p).round() * p
    } else {
        a.round()
    }
}

/// One sentence of the clear changes of a scenario against the baseline, e.g.
/// "41 % less fraud loss; 1.8 points more abandonment; 2,300 more support contacts a
/// month". Changes whose 90 % interval includes 0 are left out.
pub fn plain_language(
    deltas: &[DeltaView],
    baseline_totals: Option<&Value>,
    currency: &str,
    period: &str,
) -> String {
    let find = |m: &str| deltas.iter().find(|d| d.metric == m && d.clear);
    let more_less = |x: f64| if x > 0.0 { "more" } else { "less" };
    let mut parts = Vec::new();
    if let Some(d) = find("fraud_loss") {
        let base = baseline_totals.and_then(|t| t["fraud_loss"]["mean"].as_f64());
        match base.filter(|b| *b > 0.0) {
            Some(b) => {
                let pct = (d.mean / b * 100.0).abs();
                let pct = if pct < 10.0 {
                    format!("{pct:.1}")
                } else {
                    format!("{pct:.0}")
                };
                parts.push(format!("{pct} % {} fraud loss", more_less(d.mean)));
            }
            None => parts.push(format!(
                "{} {} fraud loss a {period}",
                fmt::money(round_for_prose(d.mean), currency),
                more_less(d.mean)
            )),
        }
    }
    for (m, noun) in [
        ("attack_stopped_rate", "attacks stopped"),
        ("legit_abandon_rate", "abandonment"),
        ("false_reject_rate", "false rejects"),
    ] {
        if let Some(d) = find(m) {
            let points = (d.mean * 100.0).abs();
            let word = if d.mean > 0.0 { "more" } else { "fewer" };
            let word = if m == "legit_abandon_rate" {
                more_less(d.mean)
            } else {
                word
            };
            let decimals = if points < 0.095 { 2 } else { 1 };
            parts.push(format!("{points:.decimals$} points {word} {noun}"));
        }
    }
    if let Some(d) = find("support_contacts") {
        parts.push(format!(
            "{} {} support contacts a {period}",
            fmt::thousands(round_for_prose(d.mean), 0),
            if d.mean > 0.0 { "more" } else { "fewer" }
        ));
    }
    if let Some(d) = find("net_value") {
        parts.push(format!(
            "{} {} net value a {period}",
            fmt::money(round_for_prose(d.mean), currency),
            more_less(d.mean)
        ));
    }
    if parts.is_empty() {
        "no clear change from the baseline (every 90 % interval includes 0)".to_string()
    } else {
        parts.join("; ")
    }
}

/// What to export a run as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The whole result document (spec §7).
    Json,
    /// One row per scenario × total metric (and paired delta), with every Summary field.
    Csv,
    /// The comparison chart as PNG.
    Png,
    /// The comparison chart as SVG.
    Svg,
}

impl ExportFormat {
    /// `json`, `csv`, `png` or `svg`.
    pub fn parse(text: &str) -> Result<ExportFormat, AppError> {
        match text.to_ascii_lowercase().as_str() {
            "json" => Ok(ExportFormat::Json),
            "csv" => Ok(ExportFormat::Csv),
            "png" => Ok(ExportFormat::Png),
            "svg" => Ok(ExportFormat::Svg),
            other => Err(AppError::Run {
                message: format!("unknown export format `{other}` (use json, csv, png or svg)"),
            }),
        }
    }
}

/// The CSV export of a result document: `scenario,kind,metric,mean,sd,se,p5,p50,p95,min,max`
/// where kind is `total` or `delta_vs_baseline`.
pub fn result_csv(doc: &Value) -> String {
    let mut out = String::from("scenario,kind,metric,mean,sd,se,p5,p50,p95,min,max\n");
    let num = |x: f64| {
        if x.is_finite() {
            x.to_string()
        } else {
            String::new()
        }
    };
    for s in doc["scenarios"].as_array().into_iter().flatten() {
        let id = s["id"].as_str().unwrap_or("");
        for (kind, key) in [
            ("total", "totals"),
            ("delta_vs_baseline", "delta_vs_baseline"),
        ] {
            for (m, v) in s[key].as_object().into_iter().flatten() {
                let Some(x) = summary(v) else { continue };
                out.push_str(&format!(
                    "{id},{kind},{m},{},{},{},{},{},{},{},{}\n",
                    num(x.mean),
                    num(x.sd),
                    num(x.se),
                    num(x.p5),
                    num(x.p50),
                    num(x.p95),
                    num(x.min),
                    num(x.max)
                ));
            }
        }
    }
    out
}

/// Writes run `run_id` to `path` as `format` (charts: the scenario comparison). The file
/// is written whole or not at all (temporary file, then rename).
pub fn export_run(
    store: &Store,
    run_id: i64,
    format: ExportFormat,
    path: &Path,
) -> Result<(), AppError> {
    let (_, doc) = result_doc(store, run_id)?;
    let bytes: Vec<u8> = match format {
        ExportFormat::Json => serde_json::to_string_pretty(&doc)
            .unwrap_or_default()
            .into_bytes(),
        ExportFormat::Csv => result_csv(&doc).into_bytes(),
        ExportFormat::Png | ExportFormat::Svg => render_run_chart(
            store,
            run_id,
            &ChartRequest {
                kind: journeylab_charts::ChartKind::Compare,
                metric: None,
                x_metric: None,
                scenarios: Vec::new(),
                journey: None,
                log_scale: false,
                format: if format == ExportFormat::Png {
                    Format::Png
                } else {
                    Format::Svg
                },
                width: 900,
                height: 500,
            },
        )?,
    };
    let io = |source| AppError::Io {
        path: path.display().to_string(),
        source,
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let tmp = path.with_file_name(format!(".{file_name}.tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load_model, run_and_store};
    use journeylab_engine::{Mode, Settings};

    use crate::test_support::{fixture_path as fixture, temp_workspace};

    #[test]
    fn dashboard_history_and_exports_of_a_stored_run() {
        let (dir, store) = temp_workspace("runs-view");
        let path = fixture("consumer-sign-in.json");
        let model = load_model(&path).expect("model");
        let settings = Settings {
            iterations: 300,
            seed: 7,
            mode: Mode::Sampled,
            threads: None,
        };
        let (run_id, out) =
            run_and_store(&store, "consumer-sign-in", &model, &settings, None, None).expect("run");
        let expected = journeylab_engine::result_json(&out);

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
            expected["scenarios"][0]["totals"]["legit_success_rate"]["mean"].as_f64()
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
        let outcome = expected["scenarios"][0]["guardrails"]
            .as_array()
            .and_then(|gs| gs.iter().find(|g| g["id"] == "phisher_success"))
            .expect("result guardrail");
        assert_eq!(
            phishers.probability_met,
            outcome["probability_met"].as_f64()
        );
        assert_eq!(phishers.max, Some(0.25));
        for s in &dash.scenarios[1..] {
            assert!(!s.deltas.is_empty());
            assert!(s.summary_line.as_deref().is_some_and(|l| !l.is_empty()));
        }

        let (run_b, _) = run_and_store(&store, "consumer-sign-in", &model, &settings, None, None)
            .expect("run b");
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
        assert!(csv.starts_with("scenario,kind,metric"));
        assert!(csv.contains("baseline,total,legit_success_rate,"));
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
            iterations: 1_000_000,
            seed: 1,
            mode: "sampled".into(),
            scenarios: Some(Vec::new()),
            precision: Vec::new(),
        };
        let err = run_model_file(&store, &path, &req, &progress).expect_err("cancelled");
        assert_eq!(err.code(), "cancelled");
        let runs = list_model_runs(&store, "consumer-sign-in").expect("runs");
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].run.status, RunStatus::Cancelled);
        assert!(seen.lock().map(|s| !s.is_empty()).unwrap_or(false));

        let small = RunRequest {
            iterations: 50,
            ..req
        };
        let id = run_model_file(&store, &path, &small, &journeylab_engine::NoProgress)
            .expect("finished");
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
            unit: "count",
            mean,
            p5,
            p95,
            clear: p5 > 0.0 || p95 < 0.0,
            better: None,
        };
        let base = serde_json::json!({ "fraud_loss": { "mean": 1000.0 } });
        let line = plain_language(
            &[
                d("fraud_loss", -410.0, -500.0, -300.0),
                d("legit_abandon_rate", 0.018, 0.01, 0.02),
                d("support_contacts", 2345.0, 2000.0, 2600.0),
                d("net_value", 50.0, -10.0, 100.0),
            ],
            Some(&base),
            "USD",
            "month",
        );
        assert_eq!(
            line,
            "41 % less fraud loss; 1.8 points more abandonment; 2,300 more support contacts a month"
        );
        assert!(plain_language(&[], None, "USD", "month").starts_with("no clear change"));
    }
}
