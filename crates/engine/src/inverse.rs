//! Numerical inversion of the Beta distribution function, for quasi-random sampling.
//!
//! Randomised quasi-Monte Carlo ([`crate::sim::Sampling::Rqmc`]) turns a uniform point u
//! into a draw by the quantile function Q(u) = F⁻¹(u). The Beta (and so PERT) has no closed
//! form; statrs' `inv_beta_reg` solves it iteratively at about a microsecond per call, far
//! more than a draw may cost. So each Beta(a, b) is inverted once into a table of cells in
//! u, each interpolated by a quintic Hermite polynomial (Q, Q′ = 1/f and Q″ = −f′/f³ at
//! both ends, all from the density), and a draw is a table lookup and one polynomial.
//!
//! Accuracy is stated in u, as numerical inversion is (Derflinger, Hörmann & Leydold,
//! "Random variate generation by numerical inversion when only the density is known",
//! ACM TOMACS 2010): for every u tried at set-up, |F(Q̃(u)) − u| ≤ [`U_RESOLUTION`]. A draw
//! is then the exact quantile of a uniform moved by at most 1e-10, so every probability it
//! implies is off by at most that. Each cell is checked at three inner points and split
//! until they pass. The polynomial is clamped to the cell's end values, so F(Q̃(u)) stays
//! within the cell's own u-range: a cell narrower than the resolution passes by
//! construction, and building always ends.
//!
//! Why quintic, not cubic: a model draws from some sixty shapes at once, and their tables
//! together must stay in the core's cache. Cubic cells met the resolution with about 800
//! cells per shape (2.7 MB for a model, lookups missing the cache); quintic ones need a
//! fraction of that.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use statrs::function::beta::{checked_beta_reg, checked_ln_beta, inv_beta_reg};

/// The largest |F(Q̃(u)) − u| a table allows at the points it checks.
pub const U_RESOLUTION: f64 = 1e-10;

/// Cells of the first, even split; the adaptive splitting refines from there.
const START_CELLS: usize = 64;

/// A table with more cells than this is given up: the distribution function is not
/// accurate enough (statrs' incomplete beta far out in its parameters) for any cell to
/// pass. Fixtures' shapes take 200–300 cells; Beta(½, ½), the hardest tried, 13,000.
const MAX_CELLS: usize = 20_000;

/// Shapes with a + b above this are not tabulated: each evaluation of their distribution
/// function costs microseconds and their tables would not finish in time (a Beta fitted
/// to 1.2 million observations, Beta(576000.5, 624000.5), took 537 s before this limit).
/// Their spread is a fraction of a percent of the mean, so drawing them by the exact
/// sampler from their own random stream loses nothing of the quasi-random gain.
pub const MAX_SHAPE_SUM: f64 = 1e5;

/// The tabulated quantile function of one Beta(a, b) on [0, 1].
#[derive(Debug)]
pub struct BetaInverse {
    /// The cells, in increasing u, from 0 to 1.
    cells: Vec<Cell>,
    /// For u in [j, j + 1) / [`LOOKUP`], the cell holding j / LOOKUP: a draw reads one
    /// entry here, then (in the few buckets that hold a cell boundary) steps forward.
    lookup: Vec<u16>,
}

/// Buckets of the lookup by u: finer than the cells nearly everywhere (tables have 200–300
/// cells), so that a draw rarely steps, and the step's branch is rarely mispredicted —
/// with the 64 start cells as buckets a draw stepped ~2 cells on average and the lookup
/// was a quarter of an expected-mode run. 1 KB per table.
const LOOKUP: usize = 512;

/// One cell [u0, u1] and its polynomial in t = (u − u0)/(u1 − u0): x0 + Σ a_k t^k.
#[derive(Debug, Clone, Copy)]
struct Cell {
    u0: f64,
    u1: f64,
    inv_h: f64,
    x0: f64,
    x1: f64,
    a: [f64; 5],
}

/// Q and its first two derivatives in u at a node; `None` where the density is 0 or
/// infinite (the ends of the support).
type Node = (f64, Option<(f64, f64)>);

impl Cell {
    /// The quintic Hermite cell through `(u0, n0)` and `(u1, n1)`; linear when an end has
    /// no derivatives.
    fn new(u0: f64, u1: f64, n0: Node, n1: Node) -> Cell {
        let h = u1 - u0;
        let ((x0, d0), (x1, d1)) = (n0, n1);
        let dx = x1 - x0;
        let a = match (d0, d1) {
            (Some((q0, s0)), Some((q1, s1))) if h > 0.0 => {
                let (m0, m1) = (h * q0, h * q1);
                let (k0, k1) = (h * h * s0, h * h * s1);
                // The Hermite basis expanded into powers of t (with Δ = x1 − x0 in place
                // of x0 and x1, so nearby values do not cancel).
                [
                    m0,
                    0.5 * k0,
                    10.0 * dx - 6.0 * m0 - 4.0 * m1 - 1.5 * k0 + 0.5 * k1,
                    -15.0 * dx + 8.0 * m0 + 7.0 * m1 + 1.5 * k0 - k1,
                    6.0 * dx - 3.0 * m0 - 3.0 * m1 - 0.5 * k0 + 0.5 * k1,
                ]
            }
            _ => [dx, 0.0, 0.0, 0.0, 0.0],
        };
        Cell {
            u0,
            u1,
            inv_h: if h > 0.0 { 1.0 / h } else { 0.0 },
            x0,
            x1,
            a,
        }
    }

    /// The polynomial at `u`, clamped to the cell's values.
    fn at(&self, u: f64) -> f64 {
        let t = (u - self.u0) * self.inv_h;
        let a = &self.a;
        let x = self.x0 + t * (a[0] + t * (a[1] + t * (a[2] + t * (a[3] + t * a[4]))));
        x.clamp(self.x0, self.x1)
    }
}

impl BetaInverse {
    /// Q(u) for u in [0, 1].
    pub fn quantile(&self, u: f64) -> f64 {
        let u = u.clamp(0.0, 1.0);
        let j = ((u * LOOKUP as f64) as usize).min(LOOKUP - 1);
        let mut c = usize::from(self.lookup[j]);
        let last = self.cells.len() - 1;
        while c < last && self.cells[c].u1 <= u {
            c += 1;
        }
        self.cells[c].at(u)
    }

    /// Cells in the table.
    pub fn cells(&self) -> usize {
        self.cells.len()
    }

    /// Builds the table of Beta(a, b) (a, b > 0), or `None` for parameters statrs rejects
    /// and for shapes it cannot tabulate to the resolution ([`MAX_SHAPE_SUM`],
    /// [`MAX_CELLS`]).
    pub fn new(a: f64, b: f64) -> Option<BetaInverse> {
        if a + b > MAX_SHAPE_SUM || a.is_nan() || b.is_nan() {
            return None;
        }
        let ln_b = checked_ln_beta(a, b).ok()?;
        let cdf = |x: f64| checked_beta_reg(a, b, x.clamp(0.0, 1.0)).unwrap_or(f64::NAN);
        let pdf = |x: f64| {
            if x <= 0.0 || x >= 1.0 {
                return f64::NAN; // 0 or ∞ at the ends
            }
            ((a - 1.0) * x.ln() + (b - 1.0) * (-x).ln_1p() - ln_b).exp()
        };
        let node = |u: f64| -> Node {
            let x = if u <= 0.0 {
                0.0
            } else if u >= 1.0 {
                1.0
            } else {
                solve(inv_beta_reg(a, b, u), u, &cdf, &pdf)
            };
            let f = pdf(x);
            // Q′ = 1/f; Q″ = −f′/f³ with f′/f = (a − 1)/x − (b − 1)/(1 − x).
            let derivatives = (f.is_finite() && f > 0.0).then(|| {
                let q1 = 1.0 / f;
                let log_slope = (a - 1.0) / x - (b - 1.0) / (1.0 - x);
                (q1, -log_slope * q1 * q1)
            });
            let derivatives = derivatives.filter(|(q1, q2)| q1.is_finite() && q2.is_finite());
            (x, derivatives)
        };
        let mut cells = Vec::new();
        let mut left = (0.0, node(0.0));
        for k in 0..START_CELLS {
            let ub = (k + 1) as f64 / START_CELLS as f64;
            let right = (ub, node(ub));
            if !refine(left, right, &node, &cdf, &mut cells) {
                return None;
            }
            left = right;
        }
        if cells
            .iter()
            .any(|c: &Cell| !(c.x0.is_finite() && c.x1.is_finite()))
        {
            return None;
        }
        let last = cells.len().checked_sub(1)?;
        let mut c = 0;
        let mut lookup = Vec::with_capacity(LOOKUP);
        for j in 0..LOOKUP {
            let u = j as f64 / LOOKUP as f64;
            while c < last && cells[c].u1 <= u {
                c += 1;
            }
            lookup.push(u16::try_from(c).ok()?);
        }
        Some(BetaInverse { cells, lookup })
    }
}

/// Solves F(x) = u to full precision from statrs' estimate: Newton steps kept inside a
/// bracket that shrinks every step, bisection (geometric where the bracket spans decades)
/// when Newton would leave it. `inv_beta_reg` alone is far off in the extreme lower tail
/// of a small shape (Beta(0.3, 7) at u = 1e-9: 1e-16 for 1e-30), and the table's nodes
/// must be exact.
fn solve(guess: f64, u: f64, cdf: &impl Fn(f64) -> f64, pdf: &impl Fn(f64) -> f64) -> f64 {
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    let mut x = if guess > 0.0 && guess < 1.0 {
        guess
    } else {
        0.5
    };
    for _ in 0..400 {
        let diff = cdf(x) - u;
        if diff == 0.0 || !diff.is_finite() {
            return x;
        }
        if diff < 0.0 {
            lo = x;
        } else {
            hi = x;
        }
        if hi - lo <= 4.0 * f64::EPSILON * hi {
            break;
        }
        let newton = x - diff / pdf(x);
        x = if newton.is_finite() && newton > lo && newton < hi {
            newton
        } else if lo == 0.0 {
            hi * 1e-3
        } else if hi / lo > 16.0 {
            (lo * hi).sqrt()
        } else {
            0.5 * (lo + hi)
        };
    }
    x
}

/// Appends the cells of [a, b], splitting while a check fails; false when the table
/// grows past [`MAX_CELLS`].
fn refine(
    a: (f64, Node),
    b: (f64, Node),
    node: &impl Fn(f64) -> Node,
    cdf: &impl Fn(f64) -> f64,
    cells: &mut Vec<Cell>,
) -> bool {
    if cells.len() >= MAX_CELLS {
        return false;
    }
    let ((ua, na), (ub, nb)) = (a, b);
    let cell = Cell::new(ua, ub, na, nb);
    let passes = ub - ua <= U_RESOLUTION
        || [0.25, 0.5, 0.75].iter().all(|t| {
            let v = ua + t * (ub - ua);
            (cdf(cell.at(v)) - v).abs() <= U_RESOLUTION
        });
    if passes {
        cells.push(cell);
        return true;
    }
    let um = 0.5 * (ua + ub);
    let (xm, dm) = node(um);
    let mid = (um, (xm.clamp(na.0, nb.0), dm));
    refine(a, mid, node, cdf, cells) && refine(mid, b, node, cdf, cells)
}

/// Tables built so far, by (a, b): a run builds each shape once, however many quantities,
/// scenarios and blocks share it. Bounded: cleared when it grows past this many shapes.
const CACHE_LIMIT: usize = 4096;

/// The table of Beta(a, b), built on first use and shared after (a shape that cannot be
/// tabulated is remembered as such, so it is not tried again).
pub fn beta_inverse(a: f64, b: f64) -> Option<Arc<BetaInverse>> {
    type Cache = HashMap<(u64, u64), Option<Arc<BetaInverse>>>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let key = (a.to_bits(), b.to_bits());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(t) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return t;
    }
    // Built outside the lock: two threads may both build it; both tables are equal.
    let table = BetaInverse::new(a, b).map(Arc::new);
    if let Ok(mut c) = cache.lock() {
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(key, table.clone());
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shapes of the fixtures' PERTs (α + β = 6), the Jeffreys-like Beta(0.5, 0.5), a flat
    /// Beta(1, 1), a Beta fitted from counts (550.5, 37450.5) and skewed ones.
    const SHAPES: [(f64, f64); 9] = [
        (1.0, 1.0),
        (0.5, 0.5),
        (4.56, 1.44),
        (1.8, 4.2),
        (3.0, 3.0),
        (550.5, 37_450.5),
        (2.0, 120.0),
        (0.3, 7.0),
        (5.0, 1.0),
    ];

    #[test]
    fn the_table_meets_its_resolution_in_u_everywhere_not_only_where_it_checked() {
        for (a, b) in SHAPES {
            let t = BetaInverse::new(a, b).expect("valid shape");
            let mut worst = 0.0f64;
            // 200,003 points: coprime with the table's dyadic edges, so they land inside
            // cells at points the build never tried.
            let n = 200_003;
            for k in 1..n {
                let u = k as f64 / n as f64;
                let err = (checked_beta_reg(a, b, t.quantile(u)).expect("in range") - u).abs();
                worst = worst.max(err);
            }
            assert!(
                worst <= 2.0 * U_RESOLUTION,
                "Beta({a}, {b}): worst u-error {worst:e} over {} cells",
                t.cells()
            );
        }
    }

    #[test]
    fn the_table_is_increasing_and_spans_the_support() {
        for (a, b) in SHAPES {
            let t = BetaInverse::new(a, b).expect("valid shape");
            assert_eq!(t.quantile(0.0), 0.0);
            assert_eq!(t.quantile(1.0), 1.0);
            let mut last = 0.0;
            for k in 0..=10_000 {
                let x = t.quantile(k as f64 / 10_000.0);
                assert!(
                    x >= last,
                    "Beta({a}, {b}) decreases at u = {}",
                    k as f64 / 1e4
                );
                last = x;
            }
        }
    }

    #[test]
    fn a_shape_is_built_once_and_shared() {
        let first = beta_inverse(2.5, 3.5).expect("valid");
        let again = beta_inverse(2.5, 3.5).expect("valid");
        assert!(Arc::ptr_eq(&first, &again));
        assert!(beta_inverse(-1.0, 2.0).is_none());
    }

    #[test]
    fn a_shape_too_concentrated_to_tabulate_is_refused_at_once() {
        let t = std::time::Instant::now();
        assert!(BetaInverse::new(576_000.5, 624_000.5).is_none());
        // Refused before any evaluation, not after a long build (it once took 537 s).
        assert!(t.elapsed() < std::time::Duration::from_millis(50));
    }
}
