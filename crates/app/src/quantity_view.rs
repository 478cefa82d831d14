//! The inspector's view of one Quantity being edited: whether the engine accepts it,
//! and if so its mean, P5–P95 and density, all from the engine's own distributions (the
//! UI has no second implementation of the maths to drift from the simulation's).

use journeylab_engine::quantity::Dist;
use journeylab_engine::validate::{read_quantity, Domain};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// Points of the density curve: smooth at the inspector's plot width (200 px).
pub const DENSITY_POINTS: usize = 81;

/// Where a Quantity is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuantityDomain {
    /// A probability: support in [0, 1].
    Probability,
    /// An amount (money, time, volume): support in [0, ∞).
    NonNegative,
}

/// What the inspector shows of a Quantity.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuantityView {
    /// The engine accepts it where it is used.
    pub valid: bool,
    /// Why not, one line each (empty when valid).
    pub problems: Vec<String>,
    /// Mean (valid quantities only).
    pub mean: Option<f64>,
    /// 5th percentile.
    pub p5: Option<f64>,
    /// 95th percentile.
    pub p95: Option<f64>,
    /// A fixed value: no density, drawn as a spike.
    pub fixed: bool,
    /// The density over the plotted range, `[x, density]` in increasing x (empty for a
    /// fixed value). The range is the support, or P0.5–P99.5 where the support is
    /// unbounded.
    pub density: Vec<(f64, f64)>,
}

/// Describes `quantity` (as written in a model) used as `domain`.
pub fn describe_quantity(quantity: &Value, domain: QuantityDomain) -> QuantityView {
    describe_with(quantity, domain, density_curve)
}

/// Central probability drawn by [`describe_quantity_central`]: P0.1–P99.9.
const CENTRAL_TAIL: f64 = 0.001;

/// As [`describe_quantity`], but the density is drawn over P0.1–P99.9 (within the
/// support) rather than the whole support: where the mass is. The evidence dialogs draw
/// fits from thousands of trials, whose Beta over [0, 1] would be one spike.
pub fn describe_quantity_central(quantity: &Value, domain: QuantityDomain) -> QuantityView {
    describe_with(quantity, domain, |dist| {
        if dist.is_fixed() {
            return Vec::new();
        }
        let (lo, hi) = dist.support();
        let from = dist.quantile(CENTRAL_TAIL).max(lo);
        let to = dist.quantile(1.0 - CENTRAL_TAIL).min(hi);
        if to > from {
            density_between(dist, from, to)
        } else {
            density_curve(dist)
        }
    })
}

fn describe_with(
    quantity: &Value,
    domain: QuantityDomain,
    curve: impl Fn(&Dist) -> Vec<(f64, f64)>,
) -> QuantityView {
    let domain = match domain {
        QuantityDomain::Probability => Domain::Probability,
        QuantityDomain::NonNegative => Domain::NonNegative,
    };
    match read_quantity(quantity, domain) {
        Err(issues) => QuantityView {
            valid: false,
            problems: issues
                .iter()
                .map(|i| match &i.hint {
                    Some(h) => format!("{}: {h}", i.message),
                    None => i.message.clone(),
                })
                .collect(),
            mean: None,
            p5: None,
            p95: None,
            fixed: false,
            density: Vec::new(),
        },
        Ok(dist) => QuantityView {
            valid: true,
            problems: Vec::new(),
            mean: Some(dist.mean()),
            p5: Some(dist.quantile(0.05)),
            p95: Some(dist.quantile(0.95)),
            fixed: dist.is_fixed(),
            density: curve(&dist),
        },
    }
}

/// The density at [`DENSITY_POINTS`] points over the plotted range; the ends are nudged
/// inside the support, where some densities (Beta with a < 1) are infinite.
fn density_curve(dist: &Dist) -> Vec<(f64, f64)> {
    if dist.is_fixed() {
        return Vec::new();
    }
    let (lo, hi) = dist.support();
    let from = if lo.is_finite() {
        lo
    } else {
        dist.quantile(0.005)
    };
    let to = if hi.is_finite() {
        hi
    } else {
        dist.quantile(0.995)
    };
    density_between(dist, from, to)
}

/// The density at [`DENSITY_POINTS`] points from `from` to `to`, the ends nudged inside.
fn density_between(dist: &Dist, from: f64, to: f64) -> Vec<(f64, f64)> {
    let n = DENSITY_POINTS - 1;
    let nudge = (to - from) * 1e-4;
    (0..=n)
        .filter_map(|i| {
            let x = from + (to - from) * i as f64 / n as f64;
            let at = if i == 0 {
                x + nudge
            } else if i == n {
                x - nudge
            } else {
                x
            };
            let d = dist.density(at)?;
            Some((x, if d.is_finite() { d } else { f64::MAX }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_central_view_draws_a_tight_beta_where_its_mass_is() {
        // 30 in 2,000: over [0, 1] the curve would have one point near its mode.
        let q = json!({ "beta": [30.5, 1970.5] });
        let whole = describe_quantity(&q, QuantityDomain::Probability);
        let central = describe_quantity_central(&q, QuantityDomain::Probability);
        assert_eq!(
            (whole.mean, whole.p5, whole.p95),
            (central.mean, central.p5, central.p95)
        );
        assert_eq!(central.density.len(), DENSITY_POINTS);
        let (first, last) = (central.density[0].0, central.density[DENSITY_POINTS - 1].0);
        assert!(first > 0.005 && last < 0.03, "{first}..{last}");
        let step = (last - first) / (DENSITY_POINTS - 1) as f64;
        let area: f64 = central.density.iter().map(|(_, d)| d * step).sum();
        assert!((area - 1.0).abs() < 0.01, "area {area}");
        // A fixed value stays a spike.
        assert!(
            describe_quantity_central(&json!(0.2), QuantityDomain::Probability)
                .density
                .is_empty()
        );
    }

    #[test]
    fn a_pert_reads_its_mean_percentiles_and_a_density_that_integrates_to_one() {
        let v = describe_quantity(&json!({ "pert": [2, 4, 9] }), QuantityDomain::NonNegative);
        assert!(v.valid && !v.fixed);
        // PERT mean (lo + 4 mode + hi) / 6 = (2 + 16 + 9) / 6.
        assert!((v.mean.unwrap_or(0.0) - 4.5).abs() < 1e-12, "{:?}", v.mean);
        assert!(v.p5 < v.mean && v.mean < v.p95);
        assert_eq!(v.density.len(), DENSITY_POINTS);
        // Trapezoid rule over the support: 1 within the grid's error.
        let area: f64 = v
            .density
            .windows(2)
            .map(|w| (w[1].0 - w[0].0) * (w[0].1 + w[1].1) / 2.0)
            .sum();
        assert!((area - 1.0).abs() < 0.01, "{area}");
    }

    #[test]
    fn what_the_engine_accepts_the_inspector_accepts() {
        // A uniform with equal bounds is a fixed value to the engine (the old inspector
        // called it broken).
        let v = describe_quantity(&json!({ "uniform": [5, 5] }), QuantityDomain::NonNegative);
        assert!(v.valid && v.fixed && v.density.is_empty());
        assert_eq!(v.mean, Some(5.0));
        let plain = describe_quantity(&json!(0.25), QuantityDomain::Probability);
        assert_eq!((plain.valid, plain.mean), (true, Some(0.25)));
        let cited = describe_quantity(
            &json!({ "beta": [2, 8], "source": "anything" }),
            QuantityDomain::Probability,
        );
        assert!(cited.valid);
    }

    #[test]
    fn problems_say_what_is_wrong() {
        let v = describe_quantity(
            &json!({ "triangular": [5, 1, 9] }),
            QuantityDomain::NonNegative,
        );
        assert!(!v.valid && v.mean.is_none());
        assert!(v.problems[0].contains("out of order"), "{:?}", v.problems);
        let p = describe_quantity(
            &json!({ "lognormal": [1, 10] }),
            QuantityDomain::Probability,
        );
        assert!(
            p.problems[0].contains("cannot be a probability"),
            "{:?}",
            p.problems
        );
        let two = describe_quantity(
            &json!({ "beta": [1, 2], "pert": [0, 1, 2] }),
            QuantityDomain::Probability,
        );
        assert!(two.problems[0].contains("exactly one distribution"));
    }
}
