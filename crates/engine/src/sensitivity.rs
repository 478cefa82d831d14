//! One-at-a-time sensitivity (a tornado): each uncertain quantity at its P10 and P90
//! while every other sits at its median, in expected mode, and the swing of one model
//! total. Pure and fast: two expected-mode evaluations per uncertain quantity.

use serde::Serialize;

use crate::metrics::totals;
use crate::sim::{draw_quantities_as, evaluate_expected, Dimensions, Sampling, SimError};
use crate::spec::Spec;
use crate::vocab::total_index;

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
    let Some(m) = total_index(metric) else {
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

/// Spearman rank correlation of every uncertain input with a model total over the
/// iterations of a run. The inputs are not stored: each iteration's draws are recomputed
/// exactly as the run drew them — from their keyed streams (mc), or at the run's
/// quasi-random points (rqmc, with the run's `dimensions`).
pub fn rank_correlations(
    spec: &Spec,
    output: &[f64],
    seed: u64,
    sampling: Sampling,
    dimensions: &Dimensions,
) -> Vec<(String, f64)> {
    let n = output.len();
    let keep: Vec<usize> = (0..n).filter(|&i| !output[i].is_nan()).collect();
    let out_ranks = ranks(&keep.iter().map(|&i| output[i]).collect::<Vec<_>>());
    let width = spec.quantities.len();
    let rows = draw_quantities_as(spec, sampling, dimensions, seed, n);
    let mut result: Vec<(String, f64)> = spec
        .quantities
        .iter()
        .enumerate()
        .filter(|(_, q)| !q.dist.is_fixed())
        .map(|(k, q)| {
            let xs: Vec<f64> = keep.iter().map(|&i| rows[i * width + k]).collect();
            (q.key.clone(), pearson(&ranks(&xs), &out_ranks))
        })
        .collect();
    result.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0)));
    result
}

/// Ranks 1..n, ties sharing their mean rank.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        let mean_rank = (i + j) as f64 / 2.0 + 1.0;
        for k in &idx[i..=j] {
            r[*k] = mean_rank;
        }
        i = j + 1;
    }
    r
}

fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    if a.len() < 2 {
        return f64::NAN;
    }
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut sab, mut saa, mut sbb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        sab += (x - ma) * (y - mb);
        saa += (x - ma).powi(2);
        sbb += (y - mb).powi(2);
    }
    if saa == 0.0 || sbb == 0.0 {
        f64::NAN
    } else {
        sab / (saa * sbb).sqrt()
    }
}
