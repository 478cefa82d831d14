//! Observed against simulated (spec §12): n users entered a step and k left by one exit.
//! With pᵢ that exit's probability in iteration i, the posterior predictive tails are
//! L = meanᵢ P(Binomial(n, pᵢ) ≤ k) and U = meanᵢ P(Binomial(n, pᵢ) ≥ k); the two-sided
//! p-value is min(1, 2·min(L, U)). Below 0.05 the model disagrees with what was seen.

use serde::{Deserialize, Serialize};
use statrs::distribution::{Binomial, DiscreteCDF};
use ts_rs::TS;

use crate::flows::exit_names;
use crate::metrics::summarize;
use crate::routes::Band;
use crate::sim::expected::exits;
use crate::sim::{draw_quantities, Draws};
use crate::spec::Spec;

/// One observation of a step's exit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Observation {
    /// Journey id.
    pub journey: String,
    /// Step id.
    pub step: String,
    /// Exit as in the file (`pass`, `abandon`, `allow`, `to[1]`, …).
    pub exit: String,
    /// Population id.
    pub population: String,
    /// Users who entered the step.
    pub n: u64,
    /// Of them, those who left by the exit.
    pub k: u64,
}

/// The check of one observation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CheckResult {
    /// What was observed.
    pub observation: Observation,
    /// k / n.
    pub observed_rate: f64,
    /// The exit's probability over the iterations.
    pub simulated: Band,
    /// L = meanᵢ P(Bin(n, pᵢ) ≤ k).
    pub lower_tail: f64,
    /// U = meanᵢ P(Bin(n, pᵢ) ≥ k).
    pub upper_tail: f64,
    /// min(1, 2·min(L, U)).
    pub p_value: f64,
    /// p < 0.05: the model disagrees with the observation.
    pub flagged: bool,
}

/// Why an observation cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// The observation names nothing in the model, or is impossible.
    #[error("observation {index} ({what}): {message}")]
    Bad {
        /// 1-based.
        index: usize,
        /// `journey/step.exit, population`.
        what: String,
        /// What is wrong.
        message: String,
    },
}

/// (L, U, p-value) for k of n against the exit probabilities `ps`.
pub fn predictive_p(n: u64, k: u64, ps: &[f64]) -> (f64, f64, f64) {
    if ps.is_empty() {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let (mut lower, mut upper) = (0.0, 0.0);
    for &p in ps {
        let p = p.clamp(0.0, 1.0);
        match Binomial::new(p, n) {
            Ok(b) => {
                lower += b.cdf(k);
                upper += if k == 0 { 1.0 } else { 1.0 - b.cdf(k - 1) };
            }
            Err(_) => {
                lower += 1.0;
                upper += 1.0;
            }
        }
    }
    let m = ps.len() as f64;
    let (l, u) = (lower / m, upper / m);
    (l, u, (2.0 * l.min(u)).min(1.0))
}

/// Checks every observation against `spec` over `iterations` iterations' draws of `seed`
/// (expected mode: the same draws as a run with that seed).
pub fn check(
    spec: &Spec,
    seed: u64,
    iterations: u64,
    observations: &[Observation],
) -> Result<Vec<CheckResult>, CheckError> {
    let n_it = iterations.max(1) as usize;
    let rows = draw_quantities(spec, seed, n_it);
    let width = spec.quantities.len();
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for (index, o) in observations.iter().enumerate() {
        let bad = |message: String| CheckError::Bad {
            index: index + 1,
            what: format!("{}/{}.{}, {}", o.journey, o.step, o.exit, o.population),
            message,
        };
        let j = spec
            .journeys
            .iter()
            .find(|j| j.id == o.journey)
            .ok_or_else(|| bad("no such journey".into()))?;
        let step = j
            .steps
            .iter()
            .find(|s| s.id == o.step)
            .ok_or_else(|| bad("no such step in the journey".into()))?;
        let pop = spec
            .populations
            .iter()
            .position(|p| p.id == o.population)
            .ok_or_else(|| bad("no such population".into()))?;
        if !j.entrants.iter().any(|e| e.population == pop) {
            return Err(bad("this population does not enter the journey".into()));
        }
        let names = exit_names(&step.kind);
        let e = names.iter().position(|x| *x == o.exit).ok_or_else(|| {
            bad(format!(
                "the step has no exit `{}` (it has: {})",
                o.exit,
                names.join(", ")
            ))
        })?;
        if o.k > o.n {
            return Err(bad(format!("k = {} exceeds n = {}", o.k, o.n)));
        }
        let ps: Vec<f64> = (0..n_it)
            .map(|i| {
                let draws = Draws {
                    values: &rows[i * width..(i + 1) * width],
                };
                exits(&spec.controls, &step.kind, pop, &draws, &mut buf);
                buf.get(e).map_or(f64::NAN, |x| x.1)
            })
            .collect();
        let (lower_tail, upper_tail, p_value) = predictive_p(o.n, o.k, &ps);
        let s = summarize(ps.iter().copied());
        out.push(CheckResult {
            observation: o.clone(),
            observed_rate: if o.n > 0 {
                o.k as f64 / o.n as f64
            } else {
                f64::NAN
            },
            simulated: Band {
                mean: s.map_or(f64::NAN, |s| s.mean),
                p5: s.map_or(f64::NAN, |s| s.p5),
                p95: s.map_or(f64::NAN, |s| s.p95),
            },
            lower_tail,
            upper_tail,
            p_value,
            flagged: p_value < 0.05,
        });
    }
    Ok(out)
}
