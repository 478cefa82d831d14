//! Randomised quasi-Monte Carlo: the uniform point behind each quantity's draw.
//!
//! With [`Sampling::Rqmc`](super::Sampling::Rqmc) a quantity is drawn by its quantile
//! function at a point of an Owen-scrambled Sobol sequence (Burley's hash-based scramble,
//! the `sobol_burley` crate) instead of from a plain random stream. Sobol points fill the
//! unit cube evenly, so a smooth output's mean settles faster than with independent
//! points; the scramble keeps every point uniform, so the mean stays unbiased.
//!
//! **Replicates.** Iteration i belongs to replicate r = i mod [`REPLICATES`] and is point
//! k = i div R of that replicate's own, independently scrambled sequence. The replicates'
//! means are independent and identically distributed, so the standard error of the run's
//! mean is their spread: se = √(Σ (m_r − m̄)² / (R (R − 1))), and a 95 % interval is
//! ± t(R − 1) · se (Student's t with R − 1 degrees of freedom: 2.04 for R = 32). The
//! plain sd/√n would be wrong here — the points are not independent — usually far too
//! wide. Because each replicate takes every R-th iteration, a run of any length is a
//! prefix of every replicate, so a run extended for precision is the same as one run of
//! the final length, and results do not depend on the thread count.
//!
//! **Limits of the sequence, and how they are handled.** `sobol_burley` gives 2¹⁶ points
//! per sequence and 256 dimensions.
//! - Past 2¹⁶ points a replicate continues with a fresh, independently scrambled sequence
//!   (segment s = k div 2¹⁶ enters the scramble seed): each segment is a complete net.
//! - Dimension d ≥ 256 uses Sobol dimension d mod 256 with d div 256 in the scramble seed
//!   (padding, as Burley's paper does): every quantity keeps its own stratified
//!   one-dimensional projection; quantities in different blocks of 256 are only randomly
//!   associated.
//! - The baseline's uncertain quantities take dimensions in slot order. A quantity only a
//!   scenario has (a control it adds) takes a padded dimension named by its key's hash,
//!   so every quantity the scenario shares with the baseline keeps the baseline's point:
//!   common random numbers hold under rqmc as under mc.
//! - Sobol points have 32 bits; a coordinate is the centre of its cell of width 2⁻³², so
//!   it is never exactly 0 or 1 (a quantile function's infinite ends are never met).

use std::collections::HashMap;

use sobol_burley::parts::{
    hash, hash_int4, owen_scramble_int4_rev, owen_scramble_rev, sobol_int4_rev, sobol_rev, Int4,
};

use crate::rng::{key_hash, mix};
use crate::spec::Spec;

/// Independent scrambles per run: the standard error has R − 1 degrees of freedom.
pub const REPLICATES: u64 = 32;

/// Points per scrambled sequence (`sobol_burley`'s limit).
const SEGMENT: u64 = 1 << 16;

/// Sobol dimensions per sequence (`sobol_burley`'s limit).
const DIMENSIONS: u32 = sobol_burley::NUM_DIMENSIONS;

/// Student's t at 0.975 with [`REPLICATES`] − 1 = 31 degrees of freedom: the 95 %
/// interval's multiplier of a replicate standard error (checked against statrs in a test).
pub const T975_REPLICATES: f64 = 2.039_513_4;

/// A quantity's place in the point set: its Sobol dimension and padding block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dimension {
    sobol: u32,
    block: u32,
}

impl Dimension {
    /// Its Sobol dimension when it lies in block 0 (where every baseline quantity of a
    /// model with up to 256 uncertain ones lies): what [`IterationPoint::block0_bits`]
    /// computes four at a time.
    pub fn in_block0(self) -> Option<usize> {
        (self.block == 0).then_some(self.sobol as usize)
    }
}

/// The dimension of every quantity key of a run (by key hash).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dimensions {
    of: HashMap<u64, u32>,
}

impl Dimensions {
    /// The baseline's uncertain quantities, in slot order, take dimensions 0, 1, 2, …
    pub fn of(baseline: &Spec) -> Dimensions {
        let mut of = HashMap::new();
        for q in baseline.quantities.iter().filter(|q| !q.dist.is_fixed()) {
            let next = of.len() as u32;
            of.entry(key_hash(&q.key)).or_insert(next);
        }
        Dimensions { of }
    }

    /// Where the quantity of `key_hash` draws from: its slot's dimension, or, for a key
    /// the baseline lacks, a padded dimension named by the hash (block ≥ 2¹⁶, beyond any
    /// baseline's).
    pub fn dimension(&self, key_hash: u64) -> Dimension {
        match self.of.get(&key_hash) {
            Some(&d) => Dimension {
                sobol: d % DIMENSIONS,
                block: d / DIMENSIONS,
            },
            None => Dimension {
                sobol: (key_hash % u64::from(DIMENSIONS)) as u32,
                block: 0x1_0000 | ((key_hash >> 8) as u32 & 0x7fff_ffff),
            },
        }
    }
}

/// The replicate iteration `i` belongs to.
pub fn replicate(i: u64) -> usize {
    (i % REPLICATES) as usize
}

/// The point of one iteration, from which each quantity takes its coordinate. The
/// sequence's seed and shuffled index are shared by all dimensions of a block, so they
/// are computed once per iteration (block 0, every baseline quantity of a model with up
/// to 256 of them) rather than once per quantity.
#[derive(Debug, Clone, Copy)]
pub struct IterationPoint {
    seed: u64,
    replicate: u64,
    segment: u64,
    index: u32,
    block0: (u32, u32),
}

impl IterationPoint {
    /// Iteration `i` of a run seeded with `seed`.
    pub fn new(seed: u64, i: u64) -> IterationPoint {
        let (replicate, k) = (i % REPLICATES, i / REPLICATES);
        let (segment, index) = (k / SEGMENT, (k % SEGMENT) as u32);
        let mut p = IterationPoint {
            seed,
            replicate,
            segment,
            index,
            block0: (0, 0),
        };
        p.block0 = p.block(0);
        p
    }

    /// A block's scramble seed and shuffled (bit-reversed) index.
    fn block(&self, block: u32) -> (u32, u32) {
        let seed = scramble_seed(self.seed, self.replicate, self.segment, block);
        let shuffled_rev = owen_scramble_rev(self.index.reverse_bits(), hash(seed ^ 0x79c6_8e4a));
        (seed, shuffled_rev)
    }

    /// The coordinate in (0, 1) of a quantity at `dim`: the centre of the point's cell of
    /// width 2⁻³², so never 0 or 1.
    pub fn coordinate(&self, dim: Dimension) -> f64 {
        let (seed, shuffled_rev) = if dim.block == 0 {
            self.block0
        } else {
            self.block(dim.block)
        };
        unit(owen_sobol_u32(shuffled_rev, dim.sobol, seed))
    }

    /// The 32-bit points of Sobol dimensions `0..4·sets` of block 0 into `out`, four
    /// dimensions at a time (the crate's SIMD parts): the same bits [`Self::coordinate`]
    /// computes one by one, at a fraction of the cost for a row of quantities.
    pub fn block0_bits(&self, sets: u32, out: &mut [u32; DIMENSIONS as usize]) {
        let (seed, shuffled_rev) = self.block0;
        let seed: Int4 = [seed.wrapping_mul(0x9c8f_2d3b); 4].into();
        let salt: Int4 = [0x912f_69ba, 0x174f_18ab, 0x691e_72ca, 0xb40c_c1b8].into();
        for (set, chunk) in (0..sets.min(DIMENSIONS / 4)).zip(out.chunks_exact_mut(4)) {
            let sobol = sobol_int4_rev(shuffled_rev, set);
            let scramble = hash_int4(seed ^ [set; 4].into() ^ salt);
            let bits: [u32; 4] = owen_scramble_int4_rev(sobol, scramble)
                .reverse_bits()
                .into();
            chunk.copy_from_slice(&bits);
        }
    }
}

/// A 32-bit point as a coordinate in (0, 1): the centre of its cell of width 2⁻³².
pub fn unit(bits: u32) -> f64 {
    (f64::from(bits) + 0.5) / 4_294_967_296.0
}

/// The coordinate at `dim` of iteration `i` (one-off; a whole row uses
/// [`IterationPoint`]).
pub fn point(seed: u64, i: u64, dim: Dimension) -> f64 {
    IterationPoint::new(seed, i).coordinate(dim)
}

/// The 32-bit seed of one scrambled sequence.
fn scramble_seed(seed: u64, replicate: u64, segment: u64, block: u32) -> u32 {
    // Nested SplitMix finalisers: every field changes every bit (no string, no allocation:
    // this runs for every iteration).
    let h = mix(
        mix(mix(seed ^ 0x5851_f42d_4c95_7f2d) ^ replicate) ^ (segment << 32 | u64::from(block))
    );
    (h ^ (h >> 32)) as u32
}

/// `sobol_burley::sample` before its conversion to `f32` (which keeps 23 bits), from the
/// crate's own parts, given the index already shuffled for `seed`.
fn owen_sobol_u32(shuffled_rev_index: u32, dimension: u32, seed: u32) -> u32 {
    let sobol = sobol_rev(shuffled_rev_index, dimension);
    let scramble = {
        let seed = seed.wrapping_mul(0x9c8f_2d3b);
        let ds = dimension >> 2;
        ds ^ seed ^ [0x912f_69ba, 0x174f_18ab, 0x691e_72ca, 0xb40c_c1b8][dimension as usize & 0b11]
    };
    owen_scramble_rev(sobol, hash(scramble)).reverse_bits()
}

/// The standard error of the mean of a series in iteration order (`first` = the first
/// value's iteration) from its replicates' means; `None` with fewer than two replicates
/// holding a value.
pub fn replicate_se(values: impl IntoIterator<Item = f64>, first: u64) -> Option<f64> {
    let mut reps = Replicates::default();
    for (k, x) in values.into_iter().enumerate() {
        reps.push(first + k as u64, x);
    }
    reps.se()
}

/// Per-replicate counts and sums of a series (NaN = absent, skipped).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Replicates {
    n: [u64; REPLICATES as usize],
    sum: [f64; REPLICATES as usize],
}

impl Default for Replicates {
    fn default() -> Self {
        Replicates {
            n: [0; REPLICATES as usize],
            sum: [0.0; REPLICATES as usize],
        }
    }
}

impl Replicates {
    /// Adds iteration `i`'s value.
    pub fn push(&mut self, i: u64, x: f64) {
        if x.is_nan() {
            return;
        }
        let r = replicate(i);
        self.n[r] += 1;
        self.sum[r] += x;
    }

    /// The standard error of the overall mean from the replicates' means (those holding
    /// a value; their counts differ by at most one when every iteration has a value).
    pub fn se(&self) -> Option<f64> {
        let means: Vec<f64> = self
            .n
            .iter()
            .zip(&self.sum)
            .filter(|(n, _)| **n > 0)
            .map(|(n, s)| s / *n as f64)
            .collect();
        let r = means.len();
        if r < 2 {
            return None;
        }
        let m = means.iter().sum::<f64>() / r as f64;
        let ss: f64 = means.iter().map(|x| (x - m).powi(2)).sum();
        Some((ss / (r as f64 * (r as f64 - 1.0))).sqrt())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_integer_point_is_the_crates_point_before_rounding_to_f32() {
        for seed in [0u32, 7, 0xdead_beef] {
            for dim in [0u32, 1, 5, 100, 255] {
                for i in [0u32, 1, 2, 3, 1000, 65_535] {
                    let shuffled = owen_scramble_rev(i.reverse_bits(), hash(seed ^ 0x79c6_8e4a));
                    let ours =
                        f32::from_bits((owen_sobol_u32(shuffled, dim, seed) >> 9) | 0x3f80_0000)
                            - 1.0;
                    assert_eq!(ours, sobol_burley::sample(i, dim, seed), "i {i} dim {dim}");
                }
            }
        }
    }

    #[test]
    fn four_at_a_time_is_one_at_a_time() {
        let mut bits = [0u32; DIMENSIONS as usize];
        for seed in [0u64, 9, u64::MAX] {
            for i in [0u64, 1, 31, 32, 5_000, 32 * 65_536 + 3] {
                let p = IterationPoint::new(seed, i);
                p.block0_bits(DIMENSIONS / 4, &mut bits);
                for d in 0..DIMENSIONS {
                    let dim = Dimension { sobol: d, block: 0 };
                    assert_eq!(
                        unit(bits[d as usize]),
                        p.coordinate(dim),
                        "seed {seed} i {i} d {d}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_interval_multiplier_is_students_t_with_replicates_less_one_degrees() {
        use statrs::distribution::{ContinuousCDF, StudentsT};
        let t = StudentsT::new(0.0, 1.0, (REPLICATES - 1) as f64).expect("valid");
        assert!((t.inverse_cdf(0.975) - T975_REPLICATES).abs() < 1e-6);
    }

    #[test]
    fn each_replicate_is_stratified_in_every_dimension() {
        // The first 2^k points of one replicate put exactly one point in each of 2^k
        // equal intervals of every dimension (a (0, k, 1)-net in each coordinate).
        let k = 10u64;
        for d in [0u32, 3, 77, 255, 256, 300] {
            let dim = Dimensions::default().dimension(u64::from(d)); // padded dims too
            let mut seen = vec![false; 1 << k];
            for p in 0..(1u64 << k) {
                let u = point(42, p * REPLICATES + 5, dim);
                let cell = (u * (1u64 << k) as f64) as usize;
                assert!(!seen[cell], "dimension {d}: two points in cell {cell}");
                seen[cell] = true;
            }
        }
    }

    #[test]
    fn replicate_se_of_independent_values_matches_the_plain_standard_error() {
        // For iid values the replicate estimator estimates sd/√n: over 64 series of
        // 3,200 values their mean ratio is 1 within its own sampling error (the ratio of
        // a 31-df estimate has a relative sd ≈ 1/√62 ≈ 0.13 per series, 0.016 for 64).
        use rand::{Rng, SeedableRng};
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(3);
        let mut ratio = 0.0;
        for _ in 0..64 {
            let v: Vec<f64> = (0..3_200).map(|_| rng.random::<f64>()).collect();
            let plain = crate::metrics::summarize(v.iter().copied())
                .expect("values")
                .se;
            ratio += replicate_se(v.iter().copied(), 0).expect("replicates") / plain / 64.0;
        }
        assert!((ratio - 1.0).abs() < 0.05, "mean ratio {ratio}");
    }
}
