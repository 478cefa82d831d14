//! Threshold sweep of a risk gate: a grid over `allow_below` (and optionally
//! `block_at_or_above`), every point run with the same seed — so with common random
//! numbers — and the points on the tradeoff between fraud and legitimate friction found.

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::metrics::{self, summarize};
use crate::run::{guardrails, run, RunError, ScenarioRun};
use crate::sim::{draw_quantities, simulate_expected_on, Mode, NoProgress, Settings, SimError};
use crate::spec::{PopulationKind, Spec, StepKind};
use crate::validate::validate;
use crate::vocab::{total_index, TOTAL_METRICS};
use crate::Issue;

/// One grid point.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SweepPoint {
    /// The gate's `allow_below`.
    pub allow_below: f64,
    /// The gate's `block_at_or_above`.
    pub block_at_or_above: f64,
    /// Share of legitimate users reaching the gate who are challenged (weighted by the
    /// populations' mean volumes).
    pub legit_challenge_rate: f64,
    /// Share of legitimate users reaching the gate who are blocked there.
    pub legit_gate_block_rate: f64,
    /// Share of attackers reaching the gate who are blocked there.
    pub attack_gate_block_rate: f64,
    /// Mean of every model total over the iterations (absent ones left out).
    pub totals: IndexMap<String, f64>,
    /// Legitimate friction: 1 − legitimate success rate (abandoned or blocked).
    pub legit_friction: f64,
    /// Mean fraud loss.
    pub fraud_loss: f64,
    /// Guardrail id → probability met.
    pub guardrails: Vec<(String, Option<f64>, bool)>,
    /// Whether every guardrail is met at this point.
    pub all_guardrails_met: bool,
    /// Whether no other point has both less friction and less fraud loss.
    pub pareto: bool,
}

/// A whole sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sweep {
    /// `journey/step` of the gate.
    pub gate: String,
    /// Settings shared by every point (same seed: common random numbers).
    pub iterations: u64,
    /// Seed.
    pub seed: u64,
    /// Mode.
    pub mode: &'static str,
    /// Points in grid order (allow outer, block inner).
    pub points: Vec<SweepPoint>,
}

/// Why a sweep could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    /// The gate is not `JOURNEY/STEP` of a risk gate.
    #[error("{0}")]
    Gate(String),
    /// A grid point gives an invalid model.
    #[error("at allow_below {allow}, block_at_or_above {block}: {issues}")]
    Invalid {
        /// allow_below.
        allow: f64,
        /// block_at_or_above.
        block: f64,
        /// The errors.
        issues: String,
    },
    /// The simulation failed.
    #[error(transparent)]
    Run(#[from] RunError),
}

/// Sweeps the risk gate `journey/step` of the model document over `allow` × `block`
/// (`block` empty: keep the model's value). Points with allow > block are skipped.
pub fn sweep(
    doc: &Value,
    gate: &str,
    allow: &[f64],
    block: &[f64],
    settings: &Settings,
) -> Result<Sweep, SweepError> {
    let (journey, step) = gate
        .split_once('/')
        .ok_or_else(|| SweepError::Gate(format!("`{gate}`: write the gate as JOURNEY/STEP")))?;
    let step_value = doc["journeys"]
        .as_array()
        .and_then(|js| js.iter().find(|j| j["id"] == journey))
        .and_then(|j| j["steps"].as_array())
        .and_then(|ss| ss.iter().find(|s| s["id"] == step))
        .ok_or_else(|| SweepError::Gate(format!("no step `{step}` in journey `{journey}`")))?;
    if step_value["kind"] != "risk_gate" {
        return Err(SweepError::Gate(format!("`{gate}` is not a risk gate")));
    }
    let current_block = step_value["block_at_or_above"].as_f64().unwrap_or(1.0);
    let blocks: Vec<f64> = if block.is_empty() {
        vec![current_block]
    } else {
        block.to_vec()
    };
    let mut points = Vec::new();
    let mut shared = SharedDraws::default();
    for &a in allow {
        for &b in &blocks {
            if a > b {
                continue;
            }
            points.push(point(doc, journey, step, a, b, settings, &mut shared)?);
        }
    }
    mark_pareto(&mut points);
    Ok(Sweep {
        gate: gate.to_string(),
        iterations: settings.iterations,
        seed: settings.seed,
        mode: settings.mode.as_str(),
        points,
    })
}

/// The quantity draws shared by every point of an expected-mode sweep: thresholds are
/// plain numbers, so each point's model has the same quantities (checked by their keys)
/// and the same draws — drawing them once instead of per point is about half the work
/// of a point, and changes no number.
#[derive(Default)]
struct SharedDraws {
    keys: Vec<String>,
    draws: Vec<f64>,
}

impl SharedDraws {
    /// The baseline of `spec` simulated in expected mode on the shared draws (drawn now
    /// if the quantities differ from the last point's).
    fn run(&mut self, spec: &Spec, settings: &Settings) -> Result<ScenarioRun, RunError> {
        let same = self.keys.len() == spec.quantities.len()
            && self
                .keys
                .iter()
                .zip(&spec.quantities)
                .all(|(k, q)| *k == q.key);
        if !same {
            let iterations = usize::try_from(settings.iterations)
                .map_err(|_| SimError::Settings("too many iterations".into()))?;
            self.keys = spec.quantities.iter().map(|q| q.key.clone()).collect();
            self.draws = draw_quantities(spec, settings.seed, iterations);
        }
        let samples = simulate_expected_on(spec, &self.draws)?;
        let totals = metrics::totals(spec, &samples);
        Ok(ScenarioRun {
            id: "baseline".into(),
            name: "Baseline".into(),
            spec: spec.clone(),
            samples,
            totals,
            streamed: None,
            // A sweep's shared draws are plain Monte Carlo whatever the run's sampling:
            // its points compare thresholds on common draws, not a mean to a precision.
            sampling: crate::sim::Sampling::Mc,
        })
    }
}

fn point(
    doc: &Value,
    journey: &str,
    step: &str,
    allow: f64,
    block: f64,
    settings: &Settings,
    shared: &mut SharedDraws,
) -> Result<SweepPoint, SweepError> {
    let mut d = doc.clone();
    if let Some(s) = d["journeys"]
        .as_array_mut()
        .and_then(|js| js.iter_mut().find(|j| j["id"] == journey))
        .and_then(|j| j["steps"].as_array_mut())
        .and_then(|ss| ss.iter_mut().find(|s| s["id"] == step))
    {
        s["allow_below"] = allow.into();
        s["block_at_or_above"] = block.into();
    }
    if let Some(o) = d.as_object_mut() {
        o.remove("scenarios"); // the sweep explores the baseline
    }
    let v = validate(&d);
    let Some(spec) = v.spec.as_ref() else {
        let issues = v
            .errors()
            .map(Issue::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        return Err(SweepError::Invalid {
            allow,
            block,
            issues,
        });
    };
    // Expected mode on shared draws (a model without quantities has nothing to share).
    let out;
    let shared_run;
    let base = if settings.mode == Mode::Expected && !spec.quantities.is_empty() {
        shared_run = shared.run(spec, settings)?;
        &shared_run
    } else {
        out = run(&v, settings, None, &NoProgress)?;
        &out.scenarios[0]
    };
    let mut totals = IndexMap::new();
    let mean_of = |m: usize| summarize(base.totals[m].iter().copied()).map(|s| s.mean);
    for (m, metric) in TOTAL_METRICS.iter().enumerate() {
        if let Some(x) = mean_of(m) {
            totals.insert(metric.id.to_string(), x);
        }
    }
    let idx = |name: &str| total_index(name).unwrap_or(0);
    let legit_friction = 1.0 - mean_of(idx("legit_success_rate")).unwrap_or(1.0);
    let fraud_loss = mean_of(idx("fraud_loss")).unwrap_or(0.0);
    // Gate shares per population, weighted by mean volume.
    let j = spec.journeys.iter().find(|x| x.id == journey);
    let gate = j.and_then(|j| j.steps.iter().find(|s| s.id == step));
    let (mut lc, mut lb, mut ab, mut lw, mut aw) = (0.0, 0.0, 0.0, 0.0, 0.0);
    if let (
        Some(j),
        Some(StepKind::RiskGate {
            p_allow, p_block, ..
        }),
    ) = (j, gate.map(|g| &g.kind))
    {
        for e in &j.entrants {
            let w = spec.quantities[e.volume].dist.mean();
            let p = e.population;
            match spec.populations[p].kind {
                PopulationKind::Legitimate => {
                    lc += w * (1.0 - p_allow[p] - p_block[p]).max(0.0);
                    lb += w * p_block[p];
                    lw += w;
                }
                PopulationKind::Attacker => {
                    ab += w * p_block[p];
                    aw += w;
                }
            }
        }
    }
    let share = |x: f64, w: f64| if w > 0.0 { x / w } else { f64::NAN };
    let g: Vec<(String, Option<f64>, bool)> = guardrails(base)
        .into_iter()
        .map(|g| (g.id, g.probability_met, g.met))
        .collect();
    Ok(SweepPoint {
        allow_below: allow,
        block_at_or_above: block,
        legit_challenge_rate: share(lc, lw),
        legit_gate_block_rate: share(lb, lw),
        attack_gate_block_rate: share(ab, aw),
        totals,
        legit_friction,
        fraud_loss,
        all_guardrails_met: g.iter().all(|(_, _, met)| *met),
        guardrails: g,
        pareto: false,
    })
}

/// Marks the points that no other point dominates (less or equal friction and fraud
/// loss, strictly less in one).
pub fn mark_pareto(points: &mut [SweepPoint]) {
    let coords: Vec<(f64, f64)> = points
        .iter()
        .map(|p| (p.legit_friction, p.fraud_loss))
        .collect();
    for (i, p) in points.iter_mut().enumerate() {
        p.pareto = !coords
            .iter()
            .enumerate()
            .any(|(k, q)| k != i && dominates(*q, coords[i]));
    }
}

/// `a` dominates `b` when it is no worse on both and better on one (minimising both).
pub fn dominates(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.0 && a.1 <= b.1 && (a.0 < b.0 || a.1 < b.1)
}

/// `FROM:TO:STEP` → the grid values (TO included when it falls on the grid).
pub fn parse_range(text: &str) -> Result<Vec<f64>, String> {
    let parts: Vec<&str> = text.split(':').collect();
    let [from, to, step] = parts.as_slice() else {
        return Err(format!("`{text}`: write FROM:TO:STEP, e.g. 0.1:0.6:0.05"));
    };
    let num = |s: &str| {
        s.trim()
            .parse::<f64>()
            .map_err(|_| format!("`{s}` is not a number"))
    };
    let (from, to, step) = (num(from)?, num(to)?, num(step)?);
    if step.is_nan()
        || step <= 0.0
        || from > to
        || !(0.0..=1.0).contains(&from)
        || !(0.0..=1.0).contains(&to)
    {
        return Err(format!("`{text}`: need 0 ≤ FROM ≤ TO ≤ 1 and STEP > 0"));
    }
    let n = ((to - from) / step + 1e-9).floor() as usize;
    if n > 1000 {
        return Err(format!("`{text}` gives more than 1,000 points"));
    }
    // Rounded to 12 decimals so 0.1 + 0.05·k prints and compares as people write it.
    Ok((0..=n)
        .map(|k| ((from + step * k as f64) * 1e12).round() / 1e12)
        .collect())
}
