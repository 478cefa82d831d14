//! Metrics of spec §7: model totals per iteration, per-journey × population values for
//! guardrails, and the [`Summary`] of a sample.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::sim::{Samples, JP_FIELDS};
use crate::spec::{PopulationKind, Spec};
use crate::vocab::TOTAL_METRICS;

/// A sample summarised over iterations.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct Summary {
    /// Mean.
    pub mean: f64,
    /// Sample standard deviation (n − 1).
    pub sd: f64,
    /// Monte Carlo standard error of the mean, sd / √n.
    pub se: f64,
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
}

/// Percentile `q` (0..1) of sorted values, interpolating linearly between order
/// statistics (the "type 7" definition of R and NumPy's default).
pub fn percentile_sorted(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * q;
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// Count, mean and sample standard deviation (n − 1) of `present` (no NaN), two-pass;
/// `None` when it is empty. The one arithmetic behind [`summarize`] and the precision
/// check's [`crate::stream::series_mean_se`], so that the two agree bit for bit.
pub fn mean_sd(present: impl Iterator<Item = f64> + Clone) -> Option<(usize, f64, f64)> {
    let count = present.clone().count();
    if count == 0 {
        return None;
    }
    let n = count as f64;
    let mean = present.clone().sum::<f64>() / n;
    let var = if count > 1 {
        present.map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)
    } else {
        0.0
    };
    Some((count, mean, var.sqrt()))
}

/// Summarises the values that are present (NaN marks an absent value, e.g. a rate with
/// a zero denominator). `None` when no value is present.
pub fn summarize(values: impl IntoIterator<Item = f64>) -> Option<Summary> {
    let mut v: Vec<f64> = values.into_iter().filter(|x| !x.is_nan()).collect();
    let (count, mean, sd) = mean_sd(v.iter().copied())?;
    let n = count as f64;
    let (min, max) = v
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(*x), hi.max(*x))
        });
    // Selection instead of a full sort: three O(n) passes for the percentiles. Each
    // selection leaves smaller values to its left, so later ones search the right part.
    let p5 = percentile_select(&mut v, 0.05);
    let p50 = percentile_select(&mut v, 0.50);
    let p95 = percentile_select(&mut v, 0.95);
    Some(Summary {
        mean,
        sd,
        se: sd / n.sqrt(),
        p5,
        p50,
        p95,
        min,
        max,
    })
}

/// Percentile `q` with the same definition as [`percentile_sorted`], by selection: the
/// values are reordered, not sorted.
pub fn percentile_select(v: &mut [f64], q: f64) -> f64 {
    let n = v.len();
    match n {
        0 => f64::NAN,
        1 => v[0],
        _ => {
            let h = (n - 1) as f64 * q;
            let lo = h.floor() as usize;
            let (_, x_lo, right) = v.select_nth_unstable_by(lo, f64::total_cmp);
            let x_lo = *x_lo;
            let x_hi = right.iter().copied().fold(f64::INFINITY, f64::min);
            if right.is_empty() {
                x_lo
            } else {
                x_lo + (h - lo as f64) * (x_hi - x_lo)
            }
        }
    }
}

fn ratio(num: f64, den: f64) -> f64 {
    if den > 0.0 {
        num / den
    } else {
        f64::NAN
    }
}

/// Class counts (success, abandoned, blocked) of block `b` in `row`.
pub fn class_counts(samples: &Samples, b: usize, row: &[f64]) -> [f64; 3] {
    let block = &samples.layout.blocks[b];
    let mut out = [0.0; 3];
    for (o, &k) in block.classes.iter().enumerate() {
        out[k] += row[block.outcome(o)];
    }
    out
}

/// The model totals of every iteration: `result[m][i]` is metric `TOTAL_METRICS[m]` in
/// iteration `i` (NaN when absent).
pub fn totals(spec: &Spec, samples: &Samples) -> Vec<Vec<f64>> {
    let mut out = vec![Vec::with_capacity(samples.iterations); TOTAL_METRICS.len()];
    let f = |name: &str| JP_FIELDS.iter().position(|x| *x == name).unwrap_or(0);
    let (sc, cc, scost, secs, val, loss) = (
        f("support_contacts"),
        f("control_cost"),
        f("support_cost"),
        f("customer_seconds"),
        f("value"),
        f("loss"),
    );
    for i in 0..samples.iterations {
        let row = samples.row(i);
        let mut t = [0.0; TOTAL_METRICS.len()];
        let (mut l_ent, mut l_succ, mut l_ab, mut l_bl, mut a_ent, mut a_succ) =
            (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        let (mut fraud, mut contacts, mut s_cost, mut c_cost, mut l_secs, mut value) =
            (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        for (b, block) in samples.layout.blocks.iter().enumerate() {
            let [succ, ab, bl] = class_counts(samples, b, row);
            let entrants = row[block.entrants()];
            match spec.populations[block.population].kind {
                PopulationKind::Legitimate => {
                    l_ent += entrants;
                    l_succ += succ;
                    l_ab += ab;
                    l_bl += bl;
                    l_secs += row[block.field(secs)];
                }
                PopulationKind::Attacker => {
                    a_ent += entrants;
                    a_succ += succ;
                }
            }
            fraud += row[block.field(loss)];
            contacts += row[block.field(sc)];
            s_cost += row[block.field(scost)];
            c_cost += row[block.field(cc)];
            value += row[block.field(val)];
        }
        t[0] = l_ent;
        t[1] = l_succ;
        t[2] = ratio(l_succ, l_ent);
        t[3] = ratio(l_ab, l_ent);
        t[4] = ratio(l_bl, l_ent);
        t[5] = a_ent;
        t[6] = a_succ;
        t[7] = 1.0 - ratio(a_succ, a_ent);
        t[8] = fraud;
        t[9] = contacts;
        t[10] = s_cost;
        t[11] = c_cost;
        t[12] = l_secs / 3600.0;
        t[13] = value;
        t[14] = value - fraud - s_cost - c_cost;
        for (m, x) in t.iter().enumerate() {
            out[m].push(*x);
        }
    }
    out
}

/// A journey × population metric (spec §9) over some blocks, resolved against a model's
/// layout once: its value in an iteration then reads columns, where looking the metric's
/// name up in every row was a few percent of a run.
#[derive(Debug, Clone)]
pub struct ScopedMetric {
    /// The selected blocks, in layout order, each with the column the metric sums there
    /// (a named field or an outcome), if it has one.
    blocks: Vec<(usize, Option<usize>)>,
    kind: ScopedKind,
}

/// What a [`ScopedMetric`] returns of its sums.
#[derive(Debug, Clone, Copy)]
enum ScopedKind {
    Entrants,
    /// A class count ([`crate::spec::OutcomeClass::ALL`] index).
    Class(usize),
    /// A class count over the entrants.
    Rate(usize),
    /// The sum of the metric's own column.
    Sum,
}

impl ScopedMetric {
    /// `metric` over the blocks of `journey` (every journey if `None`) and `pops`: counts
    /// and money summed, rates computed from the sums.
    pub fn new(
        spec: &Spec,
        samples: &Samples,
        journey: Option<usize>,
        pops: &[usize],
        metric: &str,
    ) -> ScopedMetric {
        let blocks = samples
            .layout
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| {
                journey.is_none_or(|j| j == block.journey) && pops.contains(&block.population)
            })
            .map(|(b, block)| {
                let column = block.named(metric).or_else(|| {
                    spec.journeys[block.journey]
                        .outcomes
                        .iter()
                        .position(|o| o.id == metric)
                        .map(|o| block.outcome(o))
                });
                (b, column)
            })
            .collect();
        let kind = match metric {
            "entrants" => ScopedKind::Entrants,
            "success" => ScopedKind::Class(0),
            "abandoned" => ScopedKind::Class(1),
            "blocked" => ScopedKind::Class(2),
            "success_rate" => ScopedKind::Rate(0),
            "abandon_rate" => ScopedKind::Rate(1),
            "blocked_rate" => ScopedKind::Rate(2),
            _ => ScopedKind::Sum,
        };
        ScopedMetric { blocks, kind }
    }

    /// The metric in one iteration's `row` of `samples` (NaN for a rate without entrants).
    pub fn value(&self, samples: &Samples, row: &[f64]) -> f64 {
        let blocks = &samples.layout.blocks;
        let entrants = || -> f64 {
            self.blocks
                .iter()
                .fold(0.0, |sum, &(b, _)| sum + row[blocks[b].entrants()])
        };
        let class = |k: usize| -> f64 {
            self.blocks
                .iter()
                .fold(0.0, |sum, &(b, _)| sum + class_counts(samples, b, row)[k])
        };
        match self.kind {
            ScopedKind::Entrants => entrants(),
            ScopedKind::Class(k) => class(k),
            ScopedKind::Rate(k) => ratio(class(k), entrants()),
            ScopedKind::Sum => self
                .blocks
                .iter()
                .filter_map(|&(_, column)| column)
                .fold(0.0, |sum, c| sum + row[c]),
        }
    }
}
