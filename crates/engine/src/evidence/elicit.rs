//! A distribution from experts' judgements (spec §12): each expert gives three or more
//! quantiles; each judgement is fitted by least squares on the CDF at those quantiles
//! (Nelder–Mead, argmin) within the family allowed where the quantity is used (beta for
//! probabilities, PERT or lognormal for non-negative amounts); the experts are pooled
//! linearly with equal weights, and the pool is fitted back to one distribution of the
//! family. The fit's worst quantile error — the largest |F(x) − p| over the points it was
//! fitted to — is reported, so a room can see when one family cannot hold the judgements.

use std::collections::BTreeMap;

use argmin::core::{CostFunction, Executor, State};
use argmin::solver::neldermead::NelderMead;
use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, Normal};
use ts_rs::TS;

use super::observed::FitError;
use crate::quantity::Dist;

/// One expert's judgement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Judgement {
    /// Who.
    pub expert: String,
    /// Probability (as written, e.g. `"0.05"`) → the value the expert gives for it.
    pub quantiles: BTreeMap<String, f64>,
    /// Why, in the expert's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rationale: Option<String>,
}

/// The family a judgement is fitted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Beta on [0, 1]: probabilities.
    Beta,
    /// PERT (lo, mode, hi): non-negative amounts.
    Pert,
    /// Lognormal: positive amounts with a long right tail.
    Lognormal,
}

/// One fitted distribution.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Fitted {
    /// The distribution as the model file writes it (`{"beta": [a, b]}`, …).
    #[ts(type = "unknown")]
    pub quantity: serde_json::Value,
    /// The largest |F(x) − p| over the points fitted.
    pub fit_error: f64,
    /// The points fitted: (p, x).
    pub points: Vec<(f64, f64)>,
}

/// One expert's fit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExpertFit {
    /// Who.
    pub expert: String,
    /// Their fit.
    pub fit: Fitted,
}

/// Every expert's fit, the equal-weight pool and its fit in the family.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Elicitation {
    /// The family.
    pub family: Family,
    /// Each expert, in the order given.
    pub experts: Vec<ExpertFit>,
    /// The pool fitted back to the family (its points: the pool's quantiles).
    pub pool: Fitted,
}

/// The probabilities at which the pool is read before it is fitted back.
const POOL_PS: [f64; 9] = [0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.98];

/// A judgement's points, checked: at least three, p in (0, 1), values increasing with p,
/// and inside the family's support.
pub fn points_of(j: &Judgement, family: Family) -> Result<Vec<(f64, f64)>, FitError> {
    let bad = |m: String| FitError::BadJudgement(format!("{}: {m}", j.expert));
    let mut pts = Vec::new();
    for (p, x) in &j.quantiles {
        let p: f64 = p
            .trim()
            .parse()
            .map_err(|_| bad(format!("`{p}` is not a probability")))?;
        if !(p > 0.0 && p < 1.0) {
            return Err(bad(format!("the probability {p} is not between 0 and 1")));
        }
        if !x.is_finite() {
            return Err(bad(format!("the value for {p} is not a number")));
        }
        pts.push((p, *x));
    }
    pts.sort_by(|a, b| a.0.total_cmp(&b.0));
    if pts.len() < 3 {
        return Err(bad(format!(
            "{} quantiles; give at least three (e.g. 5 %, 50 %, 95 %)",
            pts.len()
        )));
    }
    if pts.windows(2).any(|w| w[1].1 <= w[0].1) {
        return Err(bad("values must increase with the probability".into()));
    }
    let (lo, hi) = (pts[0].1, pts[pts.len() - 1].1);
    match family {
        Family::Beta if lo <= 0.0 || hi >= 1.0 => Err(bad(
            "a probability's quantiles lie strictly between 0 and 1".into(),
        )),
        Family::Lognormal if lo <= 0.0 => Err(bad("a lognormal's quantiles are positive".into())),
        Family::Pert if lo < 0.0 => Err(bad("an amount's quantiles are not negative".into())),
        _ => Ok(pts),
    }
}

/// Fits each expert, pools them with equal weights, fits the pool back to the family.
pub fn elicit(judgements: &[Judgement], family: Family) -> Result<Elicitation, FitError> {
    if judgements.is_empty() {
        return Err(FitError::BadJudgement(
            "no judgements: add at least one expert".into(),
        ));
    }
    let mut experts = Vec::new();
    let mut dists = Vec::new();
    for j in judgements {
        let pts = points_of(j, family)?;
        let (dist, fit) = fit_points(&pts, family);
        dists.push(dist);
        experts.push(ExpertFit {
            expert: j.expert.clone(),
            fit,
        });
    }
    let pool_points: Vec<(f64, f64)> = POOL_PS
        .iter()
        .map(|&p| (p, pool_quantile(&dists, p)))
        .collect();
    let (_, pool) = fit_points(&pool_points, family);
    Ok(Elicitation {
        family,
        experts,
        pool,
    })
}

/// The equal-weight pool's p-quantile: its CDF is the mean of the experts' CDFs,
/// inverted by bisection (the CDF is monotone) to machine precision.
fn pool_quantile(dists: &[Dist], p: f64) -> f64 {
    let cdf = |x: f64| dists.iter().map(|d| d.cdf(x)).sum::<f64>() / dists.len() as f64;
    let mut lo = dists
        .iter()
        .map(|d| d.quantile(1e-9))
        .fold(f64::INFINITY, f64::min);
    let mut hi = dists
        .iter()
        .map(|d| d.quantile(1.0 - 1e-9))
        .fold(f64::NEG_INFINITY, f64::max);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if cdf(mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Least squares on the CDF at the points, in the family.
pub fn fit_points(points: &[(f64, f64)], family: Family) -> (Dist, Fitted) {
    let problem = Cdf {
        points: points.to_vec(),
        family,
    };
    let start = problem.start();
    // Two rounds: a fresh simplex around the first round's best escapes a collapsed one.
    let mut best = start;
    for round in 0..2 {
        let step = if round == 0 { 0.3 } else { 0.02 };
        let mut simplex = vec![best.clone()];
        for i in 0..best.len() {
            let mut v = best.clone();
            v[i] += step;
            simplex.push(v);
        }
        let solved = NelderMead::new(simplex)
            .with_sd_tolerance(1e-15)
            .map(|solver| {
                Executor::new(problem.clone(), solver)
                    .configure(|state| state.max_iters(4_000))
                    .run()
            });
        if let Ok(Ok(result)) = solved {
            if let Some(p) = result.state().get_best_param() {
                best = p.clone();
            }
        }
    }
    let dist = problem.dist(&best);
    let fit_error = points
        .iter()
        .map(|&(p, x)| (dist.cdf(x) - p).abs())
        .fold(0.0, f64::max);
    let fitted = Fitted {
        quantity: dist.to_json(),
        fit_error,
        points: points.to_vec(),
    };
    (dist, fitted)
}

/// The least-squares problem: Σ (F_θ(xⱼ) − pⱼ)² over an unconstrained parameterisation.
#[derive(Debug, Clone)]
struct Cdf {
    points: Vec<(f64, f64)>,
    family: Family,
}

impl Cdf {
    /// The distribution of parameters θ (unconstrained; mapped into the family).
    fn dist(&self, t: &[f64]) -> Dist {
        match self.family {
            Family::Beta => Dist::Beta(t[0].exp(), t[1].exp()),
            Family::Lognormal => Dist::LogNormal {
                mu: t[0],
                sigma: t[1].exp(),
            },
            Family::Pert => {
                let lo = t[0].max(0.0);
                let hi = lo + t[1].exp();
                let frac = 1.0 / (1.0 + (-t[2]).exp());
                Dist::Pert(lo, lo + frac * (hi - lo), hi)
            }
        }
    }

    /// A starting point from the points themselves.
    fn start(&self) -> Vec<f64> {
        let z = |p: f64| Normal::new(0.0, 1.0).map_or(0.0, |n| n.inverse_cdf(p));
        let (first, last) = (self.points[0], self.points[self.points.len() - 1]);
        let median = self
            .points
            .iter()
            .min_by(|a, b| (a.0 - 0.5).abs().total_cmp(&(b.0 - 0.5).abs()))
            .map_or(0.5 * (first.1 + last.1), |p| p.1);
        match self.family {
            Family::Lognormal => {
                // ln x against z is a line for a lognormal: its least-squares line.
                let n = self.points.len() as f64;
                let (zs, ls): (Vec<f64>, Vec<f64>) =
                    self.points.iter().map(|&(p, x)| (z(p), x.ln())).unzip();
                let (mz, ml) = (zs.iter().sum::<f64>() / n, ls.iter().sum::<f64>() / n);
                let sxx: f64 = zs.iter().map(|a| (a - mz).powi(2)).sum();
                let sxy: f64 = zs.iter().zip(&ls).map(|(a, b)| (a - mz) * (b - ml)).sum();
                let sigma = (sxy / sxx).max(1e-3);
                vec![ml - sigma * mz, sigma.ln()]
            }
            Family::Beta => {
                let spread = (last.1 - first.1) / (z(last.0) - z(first.0)).max(1e-9);
                let mean = median.clamp(1e-6, 1.0 - 1e-6);
                let var = (spread * spread).min(mean * (1.0 - mean) * 0.9).max(1e-12);
                let total = (mean * (1.0 - mean) / var - 1.0).max(0.1);
                vec![(mean * total).ln(), ((1.0 - mean) * total).ln()]
            }
            Family::Pert => {
                let width = last.1 - first.1;
                let lo = (first.1 - 0.5 * width).max(0.0);
                let hi = last.1 + 0.5 * width;
                let frac = ((median - lo) / (hi - lo)).clamp(0.01, 0.99);
                vec![lo, (hi - lo).ln(), (frac / (1.0 - frac)).ln()]
            }
        }
    }
}

impl CostFunction for Cdf {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, t: &Self::Param) -> Result<f64, argmin::core::Error> {
        let d = self.dist(t);
        let sse: f64 = self
            .points
            .iter()
            .map(|&(p, x)| (d.cdf(x) - p).powi(2))
            .sum();
        // A parameter set whose CDF is not a number (an overflow) is the worst fit.
        Ok(if sse.is_finite() { sse } else { f64::MAX })
    }
}
