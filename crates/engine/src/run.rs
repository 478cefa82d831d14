//! A whole run: the baseline and the chosen scenarios simulated with the same settings,
//! then summarised into the result document of spec §7.

use serde::{Deserialize, Serialize};

use crate::metrics::{self, summarize, Summary};
use crate::sim::{simulate, Progress, Samples, Settings, SimError};
use crate::spec::Spec;
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
    /// For a run that stopped on precision: each target and whether it was met (empty
    /// for a plain run).
    pub precision: Vec<TargetOutcome>,
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

/// z of a two-sided 95 % interval.
const Z975: f64 = 1.959964;

/// What a precision target reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetOutcome {
    /// Model total.
    pub metric: String,
    /// Asked relative half-width of the 95 % interval (0.01 = ±1 %).
    pub relative: f64,
    /// Reached relative half-width, 1.96 × SE / |mean|, in the least precise scenario
    /// (`None` when the metric has no value or a zero mean in every scenario).
    pub achieved: Option<f64>,
    /// Met in every scenario. A metric never present (no entrants) or whose mean is 0
    /// with no spread counts as met.
    pub met: bool,
}

/// The outcome of `target` over each scenario's summary of its metric (`None` where the
/// metric is absent): the one rule the stopping, the CLI and the app's history share.
pub fn target_outcome(
    target: &PrecisionTarget,
    per_scenario: impl IntoIterator<Item = Option<Summary>>,
) -> TargetOutcome {
    let (mut met, mut achieved) = (is_total_metric(&target.metric), None::<f64>);
    for sum in per_scenario.into_iter().flatten() {
        let half = Z975 * sum.se;
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
                    .map(|s| m.and_then(|m| summarize(s.totals[m].iter().copied()))),
            )
        })
        .collect()
}

/// Whether every target is met by every scenario of `out`.
pub fn precision_met(out: &RunOutput, targets: &[PrecisionTarget]) -> bool {
    precision_outcomes(out, targets).iter().all(|o| o.met)
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
        if !is_total_metric(&t.metric) {
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
            check_finite(&s.id, &s.totals)?;
        }
        out.settings.iterations += batch;
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
        check_finite(&id, &totals)?;
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
        precision: Vec::new(),
    })
}

/// Fails on the first infinite value of a model total (NaN means "absent" and is fine).
fn check_finite(scenario: &str, totals: &[Vec<f64>]) -> Result<(), RunError> {
    for (m, values) in totals.iter().enumerate() {
        if let Some(iteration) = values.iter().position(|x| x.is_infinite()) {
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

/// Guardrail outcomes of one scenario: (id, probability met, met).
pub fn guardrails(run: &ScenarioRun) -> Vec<GuardrailResult> {
    let spec = &run.spec;
    spec.guardrails
        .iter()
        .map(|g| {
            let values: Vec<f64> = match &g.populations {
                None => {
                    let m = total_index(&g.metric).unwrap_or(0);
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
            check_finite("baseline", &totals).is_ok(),
            "NaN is absent, not an overflow"
        );
        let fraud = crate::vocab::TOTAL_METRICS
            .iter()
            .position(|t| t.id == "fraud_loss")
            .expect("fraud_loss is a total");
        totals[fraud][1] = f64::INFINITY;
        let e = check_finite("baseline", &totals).expect_err("overflow");
        assert!(
            e.to_string()
                .contains("fraud_loss is not a finite number in iteration 1"),
            "{e}"
        );
    }
}
