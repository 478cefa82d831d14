//! One-at-a-time sensitivity (a tornado): each uncertain quantity at its P10 and P90
//! while every other sits at its median, in expected mode, and the swing of one model
//! total. Pure and fast: two expected-mode evaluations per uncertain quantity.

use serde::Serialize;

use crate::metrics::{totals, TOTAL_METRICS};
use crate::sim::{evaluate_expected, SimError};
use crate::spec::Spec;

/// Low and high settings of each input.
pub const LOW_Q: f64 = 0.10;
/// See [`LOW_Q`].
pub const HIGH_Q: f64 = 0.90;

/// One input's effect on the output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Swing {
    /// The quantity's path in the model (`controls/sms_otp/pass/*legitimate`).
    pub input: String,
    /// The input at P10 and P90.
    pub input_low: f64,
    /// See `input_low`.
    pub input_high: f64,
    /// The output with the input at P10.
    pub output_low: f64,
    /// The output with the input at P90.
    pub output_high: f64,
}

impl Swing {
    /// |output_high − output_low|.
    pub fn size(&self) -> f64 {
        (self.output_high - self.output_low).abs()
    }
}

/// A tornado: the output with every input at its median, and the swings, largest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tornado {
    /// Output metric (a model total).
    pub metric: String,
    /// Output with every input at its median.
    pub base: f64,
    /// Every uncertain input, largest swing first.
    pub swings: Vec<Swing>,
}

/// Computes the tornado of a model total. `None` if `metric` is not a model total.
pub fn tornado(spec: &Spec, metric: &str) -> Result<Option<Tornado>, SimError> {
    let Some(m) = TOTAL_METRICS.iter().position(|x| *x == metric) else {
        return Ok(None);
    };
    let medians: Vec<f64> = spec
        .quantities
        .iter()
        .map(|q| q.dist.quantile(0.5))
        .collect();
    let value = |values: &[f64]| -> Result<f64, SimError> {
        let s = evaluate_expected(spec, values)?;
        Ok(totals(spec, &s)[m][0])
    };
    let base = value(&medians)?;
    let mut swings = Vec::new();
    for (i, q) in spec.quantities.iter().enumerate() {
        if q.dist.is_fixed() {
            continue;
        }
        let (lo, hi) = (q.dist.quantile(LOW_Q), q.dist.quantile(HIGH_Q));
        let mut v = medians.clone();
        v[i] = lo;
        let output_low = value(&v)?;
        v[i] = hi;
        let output_high = value(&v)?;
        swings.push(Swing {
            input: q.key.clone(),
            input_low: lo,
            input_high: hi,
            output_low,
            output_high,
        });
    }
    swings.sort_by(|a, b| {
        b.size()
            .total_cmp(&a.size())
            .then_with(|| a.input.cmp(&b.input))
    });
    Ok(Some(Tornado {
        metric: metric.to_string(),
        base,
        swings,
    }))
}
