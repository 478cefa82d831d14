//! A probability from observed counts (spec §12): k events among n trials, per period.
//!
//! One period: the Jeffreys posterior Beta(k + ½, n − k + ½). Several: a chi-square test
//! of homogeneity at 5 % decides whether the periods' rates differ by more than binomial
//! noise; if not, the pooled Jeffreys posterior; if so, a beta-binomial fitted by the
//! method of moments, so the drift between periods becomes the quantity's uncertainty.

use serde::{Deserialize, Serialize};
use statrs::distribution::{ChiSquared, ContinuousCDF};
use ts_rs::TS;

use crate::quantity::Dist;

/// One period (or segment): `k` events among `n` trials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Period {
    /// Trials.
    pub n: u64,
    /// Events (≤ n).
    pub k: u64,
    /// What the period is (a month, a channel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<String>,
}

/// How the fit was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ObservedMethod {
    /// One period: Beta(k + ½, n − k + ½).
    Jeffreys,
    /// Homogeneous periods pooled: Beta(Σk + ½, Σn − Σk + ½).
    PooledJeffreys,
    /// Heterogeneous periods: a beta-binomial by the method of moments.
    BetaBinomial,
}

/// The fitted Beta and how it was reached.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ObservedFit {
    /// Beta shape a.
    pub a: f64,
    /// Beta shape b.
    pub b: f64,
    /// How.
    pub method: ObservedMethod,
    /// Each period's rate k / n, in order.
    pub rates: Vec<f64>,
    /// Pooled rate Σk / Σn.
    pub pooled_rate: f64,
    /// Chi-square statistic of homogeneity (several periods).
    pub chi2: Option<f64>,
    /// Its degrees of freedom (periods − 1).
    pub df: Option<u64>,
    /// Its p-value: below 0.05 the periods differ more than binomial noise allows.
    pub p_value: Option<f64>,
    /// The verdict in words.
    pub verdict: String,
}

impl ObservedFit {
    /// The fit as a distribution.
    pub fn dist(&self) -> Dist {
        Dist::Beta(self.a, self.b)
    }
}

/// Why counts cannot be fitted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FitError {
    /// No periods.
    #[error("no counts: give at least one period of n trials and k events")]
    Empty,
    /// A period with k > n or n = 0.
    #[error("period {index}{label}: {message}")]
    BadPeriod {
        /// 1-based period number.
        index: usize,
        /// `` (`label`)`` when labelled.
        label: String,
        /// What is wrong.
        message: String,
    },
    /// Judgements that cannot be fitted (too few quantiles, out of range, not increasing).
    #[error("{0}")]
    BadJudgement(String),
}

/// The Jeffreys posterior of one binomial observation.
pub fn jeffreys(n: u64, k: u64) -> (f64, f64) {
    (k as f64 + 0.5, (n - k.min(n)) as f64 + 0.5)
}

/// Fits a Beta to the periods (see the module's rules).
pub fn fit_observed(periods: &[Period]) -> Result<ObservedFit, FitError> {
    if periods.is_empty() {
        return Err(FitError::Empty);
    }
    for (i, p) in periods.iter().enumerate() {
        let bad = |message: &str| FitError::BadPeriod {
            index: i + 1,
            label: p
                .label
                .as_ref()
                .map(|l| format!(" (`{l}`)"))
                .unwrap_or_default(),
            message: message.to_string(),
        };
        if p.n == 0 {
            return Err(bad("n is 0: a period needs at least one trial"));
        }
        if p.k > p.n {
            return Err(bad(&format!(
                "k = {} events exceeds n = {} trials",
                p.k, p.n
            )));
        }
    }
    let rates: Vec<f64> = periods.iter().map(|p| p.k as f64 / p.n as f64).collect();
    let (sum_n, sum_k) = periods
        .iter()
        .fold((0.0, 0.0), |(n, k), p| (n + p.n as f64, k + p.k as f64));
    let pooled_rate = sum_k / sum_n;
    if periods.len() == 1 {
        let (a, b) = jeffreys(periods[0].n, periods[0].k);
        return Ok(ObservedFit {
            a,
            b,
            method: ObservedMethod::Jeffreys,
            rates,
            pooled_rate,
            chi2: None,
            df: None,
            p_value: None,
            verdict: format!("one period: Jeffreys posterior Beta({a}, {b})"),
        });
    }
    let m = periods.len() as u64;
    let (chi2, p_value) = homogeneity(periods, pooled_rate);
    let pooled = |verdict: String| {
        let (a, b) = (sum_k + 0.5, sum_n - sum_k + 0.5);
        ObservedFit {
            a,
            b,
            method: ObservedMethod::PooledJeffreys,
            rates: rates.clone(),
            pooled_rate,
            chi2: Some(chi2),
            df: Some(m - 1),
            p_value: Some(p_value),
            verdict,
        }
    };
    if p_value >= 0.05 {
        return Ok(pooled(format!(
            "the {m} periods agree (χ² = {chi2:.2}, {} df, p = {p_value:.3}): pooled Jeffreys posterior",
            m - 1
        )));
    }
    match beta_binomial(periods, pooled_rate, sum_n) {
        Some((a, b)) => Ok(ObservedFit {
            a,
            b,
            method: ObservedMethod::BetaBinomial,
            rates,
            pooled_rate,
            chi2: Some(chi2),
            df: Some(m - 1),
            p_value: Some(p_value),
            verdict: format!(
                "the {m} periods differ more than chance allows (χ² = {chi2:.2}, {} df, p = {p_value:.3}): beta-binomial by moments, so the drift is uncertainty",
                m - 1
            ),
        }),
        // The moments leave no room for extra variation (all rates at 0 or 1): pooled.
        None => Ok(pooled(format!(
            "the {m} periods differ (p = {p_value:.3}) but their moments fit no beta-binomial: pooled Jeffreys posterior"
        ))),
    }
}

/// Pearson's chi-square test of homogeneity of the periods' rates, and its p-value.
/// A pooled rate of exactly 0 or 1 leaves nothing to test: χ² = 0, p = 1.
fn homogeneity(periods: &[Period], pooled: f64) -> (f64, f64) {
    let var = pooled * (1.0 - pooled);
    if var <= 0.0 {
        return (0.0, 1.0);
    }
    let chi2: f64 = periods
        .iter()
        .map(|p| {
            let expected = p.n as f64 * pooled;
            (p.k as f64 - expected).powi(2) / (p.n as f64 * var)
        })
        .sum();
    let df = (periods.len() - 1) as f64;
    let p = ChiSquared::new(df).map_or(1.0, |d| 1.0 - d.cdf(chi2));
    (chi2, p)
}

/// Beta-binomial (α, β) by the method of moments for periods of unequal size: with
/// S = Σ nᵢ(rᵢ − μ)², E[S] = μ(1−μ)·[(m − 1) + ρ(N − Σnᵢ²/N)], where ρ = 1/(α + β + 1)
/// is the intra-period correlation (Kleinman 1973). `None` when ρ comes out at or below 0.
fn beta_binomial(periods: &[Period], mu: f64, sum_n: f64) -> Option<(f64, f64)> {
    let m = periods.len() as f64;
    let s: f64 = periods
        .iter()
        .map(|p| p.n as f64 * (p.k as f64 / p.n as f64 - mu).powi(2))
        .sum();
    let sum_n2: f64 = periods.iter().map(|p| (p.n as f64).powi(2)).sum();
    let var = mu * (1.0 - mu);
    let denom = sum_n - sum_n2 / sum_n;
    if var <= 0.0 || denom <= 0.0 {
        return None;
    }
    let rho = (s / var - (m - 1.0)) / denom;
    if !(rho > 0.0 && rho < 1.0) {
        return None;
    }
    let total = 1.0 / rho - 1.0;
    Some((mu * total, (1.0 - mu) * total))
}
