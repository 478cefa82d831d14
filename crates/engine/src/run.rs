//! A whole run: the baseline and the chosen scenarios simulated with the same settings,
//! then summarised into the result document of spec §7.

use serde::{Deserialize, Serialize};

use crate::metrics::{self, Summary};
use crate::sim::{
    simulate_together, Dimensions, Layout, Progress, Samples, Sampling, Settings, SimError,
};
use crate::spec::Spec;
use crate::stream::{
    rows_kept, series_mean_se, series_summary, within, GuardrailMetric, MeanSe, Moments, Streamed,
    BLOCK, KEEP_ROWS,
};
use crate::validate::Validation;
use crate::vocab::{is_total_metric, total_index};

/// One simulated scenario (the baseline included) with its per-iteration values.
#[derive(Debug, Clone)]
pub struct ScenarioRun {
    /// `baseline` or the scenario id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The model simulated.
    pub spec: Spec,
    /// Per-iteration rows: every iteration, or the first ones kept when the run is longer
    /// than the rows it keeps (see [`crate::stream`]).
    pub samples: Samples,
    /// Per-iteration model totals of the same iterations, `totals[m][i]` for
    /// `TOTAL_METRICS[m]`.
    pub totals: Vec<Vec<f64>>,
    /// For a run longer than its kept rows: every series summarised over all iterations.
    pub streamed: Option<Streamed>,
    /// How the run drew its quantities (it defines the standard errors).
    pub sampling: Sampling,
}

impl ScenarioRun {
    /// The summary of model total `m` over every iteration of the run.
    pub fn total_summary(&self, m: usize) -> Option<Summary> {
        let (kept, streamed) = self.total_series(m)?;
        series_summary(streamed, kept.iter().copied(), self.sampling)
    }

    /// The mean and standard error of model total `m` (as [`Self::total_summary`] has
    /// them, without its percentiles).
    pub fn total_mean_se(&self, m: usize) -> Option<MeanSe> {
        let (kept, streamed) = self.total_series(m)?;
        series_mean_se(streamed, kept.iter().copied(), self.sampling)
    }

    /// Model total `m`'s kept values and, past the kept rows, its streamed moments.
    fn total_series(&self, m: usize) -> Option<(&[f64], Option<&Moments>)> {
        let kept = self.totals.get(m)?;
        let streamed = match &self.streamed {
            Some(st) => Some(st.totals.get(m)?),
            None => None,
        };
        Some((kept, streamed))
    }
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
    /// For a run that stopped on precision: each target and whether it was met (empty
    /// for a plain run).
    pub precision: Vec<TargetOutcome>,
    /// The quasi-random dimension of every quantity (the baseline's slots), shared by all
    /// scenarios so that they keep common random numbers under rqmc.
    pub dimensions: Dimensions,
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
    /// A model total overflowed (validation bounds inputs; this is the last line of
    /// defence: an overflow is never shown as a number, nor as "no entrants").
    #[error("scenario `{scenario}`: {metric} is not a finite number in iteration {iteration} (the inputs multiply beyond what can be counted; lower volumes or amounts)")]
    NotFinite {
        /// Scenario id.
        scenario: String,
        /// Model total.
        metric: String,
        /// First iteration where it overflowed.
        iteration: usize,
    },
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

/// What a precision target reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetOutcome {
    /// Model total.
    pub metric: String,
    /// Asked relative half-width of the 95 % interval (0.01 = ±1 %).
    pub relative: f64,
    /// Reached relative half-width, z × SE / |mean| (z = [`Sampling::z95`]), in the least
    /// precise scenario
    /// (`None` when the metric has no value or a zero mean in every scenario).
    pub achieved: Option<f64>,
    /// Met in every scenario. A metric never present (no entrants) or whose mean is 0
    /// with no spread counts as met.
    pub met: bool,
}

/// The outcome of `target` over each scenario's summary of its metric (`None` where the
/// metric is absent), with the 95 % interval of the run's `sampling`: the one rule the
/// stopping, the CLI and the app's history share.
pub fn target_outcome(
    target: &PrecisionTarget,
    per_scenario: impl IntoIterator<Item = Option<MeanSe>>,
    sampling: Sampling,
) -> TargetOutcome {
    let (mut met, mut achieved) = (is_total_metric(&target.metric), None::<f64>);
    for sum in per_scenario.into_iter().flatten() {
        let half = sampling.z95() * sum.se;
        met &= half <= target.relative * sum.mean.abs();
        if sum.mean != 0.0 {
            let r = half / sum.mean.abs();
            achieved = Some(achieved.map_or(r, |a| a.max(r)));
        }
    }
    TargetOutcome {
        metric: target.metric.clone(),
        relative: target.relative,
        achieved,
        met,
    }
}

/// Each target's outcome over the scenarios of `out`.
pub fn precision_outcomes(out: &RunOutput, targets: &[PrecisionTarget]) -> Vec<TargetOutcome> {
    targets
        .iter()
        .map(|t| {
            let m = total_index(&t.metric);
            target_outcome(
                t,
                out.scenarios
                    .iter()
                    .map(|s| m.and_then(|m| s.total_mean_se(m))),
                out.settings.sampling,
            )
        })
        .collect()
}

/// Whether every target is met by every scenario of `out`.
pub fn precision_met(out: &RunOutput, targets: &[PrecisionTarget]) -> bool {
    precision_outcomes(out, targets).iter().all(|o| o.met)
}

/// Iterations of a run to precision before its first estimate of the standard errors.
const FIRST_BATCH: u64 = 1_000;
/// Each step aims this far past the projected need: the standard errors are estimates
/// and wobble, and a step that falls just short costs another round.
const STEP_MARGIN: f64 = 1.05;
/// A step grows the run by at least this factor (no crawling in tiny steps)…
const MIN_GROWTH: f64 = 1.1;
/// …and at most this one: an early standard error from few iterations (a heavy tail not
/// yet seen) can be far off, so the run never leaps on it. Small steps also keep the
/// overshoot small where the error falls faster than 1/√n (rqmc): the projection assumes
/// 1/√n, which is safe there but pessimistic, and is re-made every step. A step costs one
/// summary of the target metrics (about a millisecond per 100,000 kept iterations).
const MAX_GROWTH: f64 = 1.5;

/// The iterations the unmet targets need, projected from `out`'s standard errors: the
/// half-width h of a mean's interval falls as 1/√n, so at n iterations it reaches the
/// target t at n·(h/t)². `None` when an unmet target has no finite projection (a zero
/// mean, or a zero tolerance).
fn projected_need(out: &RunOutput, targets: &[PrecisionTarget]) -> Option<f64> {
    let n = out.settings.iterations as f64;
    let mut need = n;
    for o in precision_outcomes(out, targets).iter().filter(|o| !o.met) {
        let ratio = o.achieved? / o.relative;
        if !ratio.is_finite() {
            return None;
        }
        need = need.max(n * ratio * ratio);
    }
    Some(need)
}

/// Runs until every precision target is met or `settings.iterations` (the maximum) is
/// reached: a first batch, then steps to where the standard errors project the targets
/// are met (with a small margin, growth between ×1.1 and ×1.5 per step). The result equals
/// a plain run of the iterations used, which `out.settings.iterations` reports.
pub fn run_to_precision(
    validation: &Validation,
    settings: &Settings,
    scenarios: Option<&[String]>,
    targets: &[PrecisionTarget],
    progress: &dyn Progress,
) -> Result<RunOutput, RunError> {
    for t in targets {
        if !is_total_metric(&t.metric) {
            return Err(RunError::UnknownMetric(t.metric.clone()));
        }
    }
    let max = settings.iterations;
    check_iterations(max)?;
    let keep = KEEP_ROWS;
    let mut out = start_run(validation, settings, scenarios)?;
    let planned = max.saturating_mul(out.scenarios.len() as u64);
    extend(&mut out, max.min(FIRST_BATCH), keep, planned, progress)?;
    while out.settings.iterations < max && !precision_met(&out, targets) {
        let done = out.settings.iterations;
        let n = done as f64;
        let aim = projected_need(&out, targets).map_or(n * MAX_GROWTH, |need| {
            (need * STEP_MARGIN).clamp(n * MIN_GROWTH, n * MAX_GROWTH)
        });
        // A float past u64's range saturates; the maximum bounds it anyway.
        let next = (aim.ceil() as u64).clamp(done + 1, max);
        extend(&mut out, next - done, keep, planned, progress)?;
    }
    out.precision = precision_outcomes(&out, targets);
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
/// A run longer than [`KEEP_ROWS`] iterations keeps the first rows and summarises the
/// rest as it goes (memory flat in the iteration count; see [`crate::stream`]).
pub fn run(
    validation: &Validation,
    settings: &Settings,
    scenarios: Option<&[String]>,
    progress: &dyn Progress,
) -> Result<RunOutput, RunError> {
    run_keeping(validation, settings, scenarios, progress, KEEP_ROWS)
}

/// [`run`], keeping at most `keep` iterations' rows per scenario (tests use a small
/// number to exercise long runs quickly).
pub fn run_keeping(
    validation: &Validation,
    settings: &Settings,
    scenarios: Option<&[String]>,
    progress: &dyn Progress,
    keep: usize,
) -> Result<RunOutput, RunError> {
    check_iterations(settings.iterations)?;
    let mut out = start_run(validation, settings, scenarios)?;
    let planned = settings
        .iterations
        .saturating_mul(out.scenarios.len() as u64);
    extend(&mut out, settings.iterations, keep, planned, progress)?;
    Ok(out)
}

/// The most iterations a run accepts: ten billion. Memory does not limit a run (past its
/// kept rows it is flat), time does: at a microsecond per iteration this is hours.
pub const MAX_ITERATIONS: u64 = 10_000_000_000;

fn check_iterations(n: u64) -> Result<(), RunError> {
    if n == 0 {
        return Err(SimError::Settings("iterations must be at least 1".into()).into());
    }
    if n > MAX_ITERATIONS {
        return Err(SimError::Settings(format!(
            "{n} iterations is more than the {MAX_ITERATIONS} a run accepts"
        ))
        .into());
    }
    Ok(())
}

/// The scenarios chosen, each with no iteration yet.
fn start_run(
    validation: &Validation,
    settings: &Settings,
    scenarios: Option<&[String]>,
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
    Ok(RunOutput {
        model: base.name.clone(),
        currency: base.currency.clone(),
        period: base.period.clone(),
        settings: Settings {
            iterations: 0,
            ..settings.clone()
        },
        scenarios: chosen
            .into_iter()
            .map(|(id, name, spec)| ScenarioRun {
                id,
                name,
                samples: Samples {
                    layout: Layout::of(spec),
                    iterations: 0,
                    data: Vec::new(),
                },
                totals: vec![Vec::new(); crate::vocab::TOTAL_METRICS.len()],
                spec: spec.clone(),
                streamed: None,
                sampling: settings.sampling,
            })
            .collect(),
        dimensions: Dimensions::of(base),
        precision: Vec::new(),
    })
}

/// Progress of one piece of a run reported as part of the whole.
fn part<'a>(inner: &'a dyn Progress, before: u64, total: u64) -> Offset<'a> {
    Offset {
        inner,
        before,
        total,
    }
}

/// Extends every scenario of `out` by `more` iterations (the next ones after those it
/// has): their rows are kept while the run stays within its kept rows, and summarised past
/// them. Every scenario is simulated together with the others ([`simulate_together`]:
/// each quantity drawn once per iteration for all of them), over the kept part and then
/// block by block past it, so the paired differences against the baseline stream too.
fn extend(
    out: &mut RunOutput,
    more: u64,
    keep: usize,
    planned: u64,
    progress: &dyn Progress,
) -> Result<(), RunError> {
    let n_scen = out.scenarios.len() as u64;
    let width = out
        .scenarios
        .iter()
        .map(|s| s.samples.layout.width)
        .max()
        .unwrap_or(0);
    let kept_max = rows_kept(keep, width, out.scenarios.len()) as u64;
    let (mut at, end) = (out.settings.iterations, out.settings.iterations + more);
    let together = |out: &RunOutput, first: u64, count: u64| {
        simulate_block(
            out,
            first,
            count,
            &part(progress, first.saturating_mul(n_scen), planned),
        )
    };
    // The kept part: appended rows, simulated in blocks so that what is held besides the
    // kept rows is one block of every scenario, not a second copy of them all.
    if at < kept_max {
        let stop = end.min(kept_max);
        for s in &mut out.scenarios {
            let rows = usize::try_from(stop - at).unwrap_or(0);
            s.samples.data.reserve(rows * s.samples.layout.width);
        }
        while at < stop {
            let count = (stop - at).min(BLOCK as u64);
            let added = together(out, at, count)?;
            for (s, add) in out.scenarios.iter_mut().zip(added) {
                let totals = metrics::totals(&s.spec, &add);
                check_finite(&s.id, &totals, at)?;
                s.samples.data.extend_from_slice(&add.data);
                s.samples.iterations += add.iterations;
                for (all, new) in s.totals.iter_mut().zip(totals) {
                    all.extend(new);
                }
            }
            at += count;
        }
    }
    if at >= end {
        out.settings.iterations = end;
        return Ok(());
    }
    // Past the kept rows: summaries start with the kept iterations, then blocks.
    if out.scenarios.iter().any(|s| s.streamed.is_none()) {
        let base_totals = out.scenarios.first().map(|b| b.totals.clone());
        for (k, s) in out.scenarios.iter_mut().enumerate() {
            let mut st = Streamed::new(&s.spec, &s.samples, k > 0);
            let base = (k > 0).then_some(base_totals.as_deref()).flatten();
            st.add(&s.spec, &s.samples, &s.totals, base);
            s.streamed = Some(st);
        }
    }
    while at < end {
        let count = (end - at).min(BLOCK as u64);
        let blocks = together(out, at, count)?;
        let mut base_block: Option<Vec<Vec<f64>>> = None;
        for (k, (s, block)) in out.scenarios.iter_mut().zip(blocks).enumerate() {
            let totals = metrics::totals(&s.spec, &block);
            check_finite(&s.id, &totals, at)?;
            if let Some(st) = s.streamed.as_mut() {
                st.add(&s.spec, &block, &totals, base_block.as_deref());
            }
            if k == 0 {
                base_block = Some(totals);
            }
        }
        at += count;
    }
    out.settings.iterations = end;
    Ok(())
}

/// Iterations `first .. first + count` of every scenario of `out`, simulated together
/// with the run's settings and quasi-random dimensions.
fn simulate_block(
    out: &RunOutput,
    first: u64,
    count: u64,
    progress: &dyn Progress,
) -> Result<Vec<Samples>, SimError> {
    let specs: Vec<&Spec> = out.scenarios.iter().map(|s| &s.spec).collect();
    let settings = Settings {
        iterations: count,
        ..out.settings.clone()
    };
    simulate_together(&specs, &settings, first, &out.dimensions, progress)
}

/// Fails on the first infinite value of a model total (NaN means "absent" and is fine).
fn check_finite(scenario: &str, totals: &[Vec<f64>], first: u64) -> Result<(), RunError> {
    for (m, values) in totals.iter().enumerate() {
        if let Some(i) = values.iter().position(|x| x.is_infinite()) {
            let iteration = first as usize + i;
            return Err(RunError::NotFinite {
                scenario: scenario.to_string(),
                metric: crate::vocab::TOTAL_METRICS
                    .get(m)
                    .map_or("a model total", |t| t.id)
                    .to_string(),
                iteration,
            });
        }
    }
    Ok(())
}

/// Per-iteration paired differences `scenario − baseline` of a total metric (NaN where
/// either is absent).
pub fn paired_delta(scenario: &[f64], baseline: &[f64]) -> Vec<f64> {
    scenario.iter().zip(baseline).map(|(s, b)| s - b).collect()
}

/// Guardrail outcomes of one scenario: (id, probability met, met), over every iteration.
pub fn guardrails(run: &ScenarioRun) -> Vec<GuardrailResult> {
    let spec = &run.spec;
    spec.guardrails
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let (present, held) = match &run.streamed {
                Some(st) => st.guardrails.get(gi).copied().unwrap_or((0, 0)),
                None => {
                    let mut counts = (0u64, 0u64);
                    let metric = GuardrailMetric::of(spec, &run.samples, g);
                    for i in 0..run.samples.iterations {
                        let x = metric.value(&run.samples, &run.totals, i);
                        if !x.is_nan() {
                            counts.0 += 1;
                            counts.1 += u64::from(within(g, x));
                        }
                    }
                    counts
                }
            };
            let probability_met = (present > 0).then(|| held as f64 / present as f64);
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuardrailResult {
    /// Guardrail id.
    pub id: String,
    /// Owning team.
    pub owner: String,
    /// Metric name.
    pub metric: String,
    /// Lower limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Upper limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Required probability.
    pub confidence: f64,
    /// Share of iterations within the limits (`None` when the metric was never present:
    /// nobody entered what it measures).
    pub probability_met: Option<f64>,
    /// Whether `probability_met ≥ confidence`.
    pub met: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_infinite_total_is_an_error_naming_the_metric_and_absent_is_not() {
        let mut totals = vec![vec![1.0, f64::NAN]; crate::vocab::TOTAL_METRICS.len()];
        assert!(
            check_finite("baseline", &totals, 0).is_ok(),
            "NaN is absent, not an overflow"
        );
        let fraud = crate::vocab::TOTAL_METRICS
            .iter()
            .position(|t| t.id == "fraud_loss")
            .expect("fraud_loss is a total");
        totals[fraud][1] = f64::INFINITY;
        let e = check_finite("baseline", &totals, 0).expect_err("overflow");
        assert!(
            e.to_string()
                .contains("fraud_loss is not a finite number in iteration 1"),
            "{e}"
        );
    }
}
