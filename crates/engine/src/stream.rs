//! Runs longer than the rows a run keeps: memory flat in the iteration count.
//!
//! A run keeps its per-iteration rows only up to [`KEEP_ROWS`] iterations (fewer for a
//! very wide model: at most [`KEEP_BYTES`] of rows in all). That is enough for what needs
//! iterations one by one — histograms, the sensitivity's rank correlations, the samples
//! the store keeps — and for percentiles. Past it, the rest are simulated in blocks of
//! [`BLOCK`] iterations whose rows are summarised and dropped:
//!
//! - mean, standard deviation, standard error, minimum and maximum of every series (each
//!   column of a row, each outcome class, each model total, each paired difference
//!   against the baseline) are exact over all iterations, accumulated in iteration order
//!   (Welford's update), so they are identical for any number of threads;
//! - a guardrail's probability of being met is an exact count over all iterations;
//! - percentiles (P5, P50, P95) are the exact percentiles of the first kept iterations.
//!   Iterations are independent and identically distributed, so those are a uniform
//!   sample of the run: the p-quantile they give lies, among all iterations, at a rank
//!   within ±4·√(p(1−p)/k) of p with probability above 99.99 % for k kept iterations
//!   (±0.0028 for P5 and P95, ±0.0063 for P50 at k = 100,000) — below the Monte Carlo
//!   error of the percentile itself at that k. This costs nothing per further iteration;
//!   a streaming quantile sketch would add a sketch update per value per iteration.
//!
//! Past the kept rows a run therefore costs a fixed amount of memory per series, whatever
//! its length.

use crate::metrics::{class_counts, mean_sd, percentile_select, summarize, ScopedMetric, Summary};
use crate::sim::rqmc::Replicates;
use crate::sim::{Samples, Sampling};
use crate::spec::{GuardrailSpec, Spec};
use crate::vocab::{total_index, TOTAL_METRICS};

/// Iterations whose rows a run keeps at most.
pub const KEEP_ROWS: usize = 100_000;

/// Bytes of kept rows (all scenarios together) at most: a model with very wide rows keeps
/// fewer iterations.
pub const KEEP_BYTES: usize = 512 << 20;

/// Iterations simulated at once past the kept rows.
pub const BLOCK: usize = 16_384;

/// Exact running moments of a series; NaN (an absent value) is skipped. Values are
/// pushed in iteration order from iteration 0, so each also lands in its quasi-random
/// replicate's sum ([`Replicates`]: the standard error under rqmc).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    n: u64,
    mean: f64,
    m2: f64,
    min: f64,
    max: f64,
    /// Values pushed, absent ones included: the next value's iteration.
    pushed: u64,
    replicates: Replicates,
}

impl Default for Moments {
    fn default() -> Self {
        Moments {
            n: 0,
            mean: 0.0,
            m2: 0.0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            pushed: 0,
            replicates: Replicates::default(),
        }
    }
}

impl Moments {
    /// Adds one value (Welford's update: no cancellation however long the run).
    pub fn push(&mut self, x: f64) {
        self.replicates.push(self.pushed, x);
        self.pushed += 1;
        if x.is_nan() {
            return;
        }
        self.n += 1;
        let d = x - self.mean;
        self.mean += d / self.n as f64;
        self.m2 += d * (x - self.mean);
        self.min = self.min.min(x);
        self.max = self.max.max(x);
    }

    /// Values seen (absent ones not counted).
    pub fn count(&self) -> u64 {
        self.n
    }

    /// The summary: moments over every value pushed, percentiles of `kept` (the series'
    /// values in the kept iterations), the standard error as `sampling` defines it.
    /// `None` when no value was present.
    pub fn summary(
        &self,
        kept: impl IntoIterator<Item = f64>,
        sampling: Sampling,
    ) -> Option<Summary> {
        if self.n == 0 {
            return None;
        }
        let n = self.n as f64;
        let sd = if self.n > 1 {
            (self.m2 / (n - 1.0)).max(0.0).sqrt()
        } else {
            0.0
        };
        let mut v: Vec<f64> = kept.into_iter().filter(|x| !x.is_nan()).collect();
        let (p5, p50, p95) = if v.is_empty() {
            // Present only past the kept rows: the moments still hold.
            (f64::NAN, f64::NAN, f64::NAN)
        } else {
            let p5 = percentile_select(&mut v, 0.05);
            let p50 = percentile_select(&mut v, 0.50);
            let p95 = percentile_select(&mut v, 0.95);
            (p5, p50, p95)
        };
        Some(Summary {
            mean: self.mean,
            sd,
            se: self.se(sd, sampling),
            p5,
            p50,
            p95,
            min: self.min,
            max: self.max,
        })
    }
}

impl Moments {
    /// The standard error of the mean as `sampling` defines it, given the sd.
    fn se(&self, sd: f64, sampling: Sampling) -> f64 {
        let rqmc = match sampling {
            Sampling::Mc => None,
            Sampling::Rqmc => self.replicates.se(),
        };
        rqmc.unwrap_or(sd / (self.n as f64).sqrt())
    }

    /// The mean and its standard error, exactly as [`Moments::summary`] has them.
    fn mean_se(&self, sampling: Sampling) -> Option<MeanSe> {
        let s = self.summary(std::iter::empty(), sampling)?;
        Some(MeanSe {
            mean: s.mean,
            se: s.se,
        })
    }
}

/// A mean and its standard error: all a precision target reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeanSe {
    /// Mean.
    pub mean: f64,
    /// Standard error of the mean.
    pub se: f64,
}

impl From<Summary> for MeanSe {
    fn from(s: Summary) -> MeanSe {
        MeanSe {
            mean: s.mean,
            se: s.se,
        }
    }
}

/// [`series_summary`]'s mean and standard error, bit for bit, without its percentiles
/// (no copy of the series, no selection): the check a run to precision makes after every
/// step.
pub fn series_mean_se(
    streamed: Option<&Moments>,
    kept: impl Iterator<Item = f64> + Clone,
    sampling: Sampling,
) -> Option<MeanSe> {
    if let Some(m) = streamed {
        return m.mean_se(sampling);
    }
    let (n, mean, sd) = mean_sd(kept.clone().filter(|x| !x.is_nan()))?;
    let plain = sd / (n as f64).sqrt();
    let se = match sampling {
        Sampling::Mc => plain,
        Sampling::Rqmc => crate::sim::rqmc::replicate_se(kept, 0).unwrap_or(plain),
    };
    Some(MeanSe { mean, se })
}

/// The summary of a series over a run: from its streamed moments when the run is longer
/// than its kept rows, else from `kept` (every iteration, from iteration 0); the standard
/// error as `sampling` defines it (replicate means under rqmc).
pub fn series_summary(
    streamed: Option<&Moments>,
    kept: impl Iterator<Item = f64> + Clone,
    sampling: Sampling,
) -> Option<Summary> {
    match streamed {
        Some(m) => m.summary(kept, sampling),
        None => {
            let mut s = summarize(kept.clone())?;
            if sampling == Sampling::Rqmc {
                if let Some(se) = crate::sim::rqmc::replicate_se(kept, 0) {
                    s.se = se;
                }
            }
            Some(s)
        }
    }
}

/// Everything summarised of one scenario over all its iterations.
#[derive(Debug, Clone, PartialEq)]
pub struct Streamed {
    /// Iterations summarised.
    pub iterations: u64,
    /// One per column of a row ([`crate::sim::Layout`]).
    pub columns: Vec<Moments>,
    /// Per block (journey × population): success, abandoned, blocked counts.
    pub classes: Vec<[Moments; 3]>,
    /// Per model total ([`TOTAL_METRICS`] order).
    pub totals: Vec<Moments>,
    /// Per model total, the paired difference against the baseline (empty for it).
    pub deltas: Vec<Moments>,
    /// Per guardrail: iterations where its metric was present, and where it held.
    pub guardrails: Vec<(u64, u64)>,
}

impl Streamed {
    /// Nothing summarised yet, for `spec`'s layout.
    pub fn new(spec: &Spec, samples: &Samples, paired: bool) -> Streamed {
        Streamed {
            iterations: 0,
            columns: vec![Moments::default(); samples.layout.width],
            classes: vec![[Moments::default(); 3]; samples.layout.blocks.len()],
            totals: vec![Moments::default(); TOTAL_METRICS.len()],
            deltas: if paired {
                vec![Moments::default(); TOTAL_METRICS.len()]
            } else {
                Vec::new()
            },
            guardrails: vec![(0, 0); spec.guardrails.len()],
        }
    }

    /// Adds the iterations of `samples` (rows in iteration order) with their model totals
    /// and, for a scenario, the baseline's totals of the same iterations.
    pub fn add(
        &mut self,
        spec: &Spec,
        samples: &Samples,
        totals: &[Vec<f64>],
        baseline: Option<&[Vec<f64>]>,
    ) {
        let metrics: Vec<GuardrailMetric> = spec
            .guardrails
            .iter()
            .map(|g| GuardrailMetric::of(spec, samples, g))
            .collect();
        for i in 0..samples.iterations {
            let row = samples.row(i);
            for (m, x) in self.columns.iter_mut().zip(row) {
                m.push(*x);
            }
            for (b, m) in self.classes.iter_mut().enumerate() {
                let c = class_counts(samples, b, row);
                for k in 0..3 {
                    m[k].push(c[k]);
                }
            }
            for (m, t) in self.totals.iter_mut().zip(totals) {
                m.push(t[i]);
            }
            if let Some(base) = baseline {
                for ((m, t), b) in self.deltas.iter_mut().zip(totals).zip(base) {
                    m.push(t[i] - b[i]);
                }
            }
            for ((g, metric), counts) in spec
                .guardrails
                .iter()
                .zip(&metrics)
                .zip(self.guardrails.iter_mut())
            {
                let x = metric.value(samples, totals, i);
                if !x.is_nan() {
                    counts.0 += 1;
                    if within(g, x) {
                        counts.1 += 1;
                    }
                }
            }
        }
        self.iterations += samples.iterations as u64;
    }
}

/// A guardrail's metric resolved once against a model's layout (a model total's index,
/// or a [`ScopedMetric`]), so that its value in each iteration looks no name up.
pub(crate) enum GuardrailMetric {
    /// A model total, by its index in [`TOTAL_METRICS`] (`None`: not a total, always NaN).
    Total(Option<usize>),
    Scoped(ScopedMetric),
}

impl GuardrailMetric {
    /// Guardrail `g`'s metric for the rows of `samples` (a model's layout).
    pub(crate) fn of(spec: &Spec, samples: &Samples, g: &GuardrailSpec) -> GuardrailMetric {
        match &g.populations {
            None => GuardrailMetric::Total(total_index(&g.metric)),
            Some(pops) => GuardrailMetric::Scoped(ScopedMetric::new(
                spec, samples, g.journey, pops, &g.metric,
            )),
        }
    }

    /// The metric in iteration `i` of `samples` (NaN when absent).
    pub(crate) fn value(&self, samples: &Samples, totals: &[Vec<f64>], i: usize) -> f64 {
        match self {
            GuardrailMetric::Total(m) => m.map_or(f64::NAN, |m| totals[m][i]),
            GuardrailMetric::Scoped(scoped) => scoped.value(samples, samples.row(i)),
        }
    }
}

/// Whether `x` lies within the guardrail's limits.
pub(crate) fn within(g: &GuardrailSpec, x: f64) -> bool {
    g.min.is_none_or(|lo| x >= lo) && g.max.is_none_or(|hi| x <= hi)
}

/// Rows kept per scenario for `scenarios` scenarios of row width `width`: at most
/// `keep`, and at most [`KEEP_BYTES`] in all (at least one).
pub fn rows_kept(keep: usize, width: usize, scenarios: usize) -> usize {
    let per_row = (width + TOTAL_METRICS.len()).max(1) * 8 * scenarios.max(1);
    keep.min(KEEP_BYTES / per_row).max(1)
}

/// Bytes a run of `iterations` will hold at its peak (kept rows and their totals, and one
/// block being simulated — the kept rows are simulated in blocks too — for every scenario),
/// for refusing a run that cannot fit before it starts.
pub fn memory_estimate(iterations: u64, width: usize, scenarios: usize) -> u64 {
    let kept = (iterations as usize).min(rows_kept(KEEP_ROWS, width, scenarios));
    let block = (iterations as usize).min(BLOCK);
    let per_row = (width + TOTAL_METRICS.len()) as u64 * 8;
    (kept as u64 + block as u64) * per_row * scenarios.max(1) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::summarize;

    #[test]
    fn the_mean_and_se_alone_are_the_summarys_bit_for_bit() {
        // What the precision loop checks must be what the result reports.
        let values: Vec<f64> = (0..5_003)
            .map(|i| match i % 97 {
                0 => f64::NAN,
                _ => ((i * 7919) % 1000) as f64 * 0.37 + 1e6 / (1.0 + i as f64),
            })
            .collect();
        let mut m = Moments::default();
        for &x in &values {
            m.push(x);
        }
        for sampling in [Sampling::Mc, Sampling::Rqmc] {
            for streamed in [None, Some(&m)] {
                let full =
                    series_summary(streamed, values.iter().copied(), sampling).expect("values");
                let alone =
                    series_mean_se(streamed, values.iter().copied(), sampling).expect("values");
                assert_eq!(
                    MeanSe::from(full),
                    alone,
                    "{sampling:?} streamed {}",
                    streamed.is_some()
                );
            }
        }
        assert_eq!(
            series_mean_se(None, [f64::NAN].into_iter(), Sampling::Mc),
            None
        );
    }

    #[test]
    fn moments_equal_the_two_pass_summary_and_skip_absent_values() {
        let values: Vec<f64> = (0..10_000)
            .map(|i| ((i * 7919) % 1000) as f64 * 0.37 + 1e6)
            .collect();
        let mut m = Moments::default();
        for &x in &values {
            m.push(x);
        }
        m.push(f64::NAN);
        let streamed = m
            .summary(values.iter().copied(), Sampling::Mc)
            .expect("present");
        let exact = summarize(values.iter().copied()).expect("present");
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(close(streamed.mean, exact.mean));
        assert!(close(streamed.sd, exact.sd));
        assert!(close(streamed.se, exact.se));
        assert_eq!((streamed.min, streamed.max), (exact.min, exact.max));
        assert_eq!(
            (streamed.p5, streamed.p50, streamed.p95),
            (exact.p5, exact.p50, exact.p95)
        );
        assert_eq!(m.count(), 10_000);
        assert!(Moments::default().summary([], Sampling::Mc).is_none());
    }

    #[test]
    fn kept_rows_shrink_for_wide_models() {
        assert_eq!(rows_kept(KEEP_ROWS, 50, 4), KEEP_ROWS);
        let wide = rows_kept(KEEP_ROWS, 100_000, 4);
        assert!((1..200).contains(&wide), "{wide}");
        assert!(memory_estimate(10_000_000, 50, 4) == memory_estimate(1_000_000, 50, 4));
    }
}
