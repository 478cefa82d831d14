//! Small statistics the charts need: summaries, quantiles and the Pareto front.

pub use journeylab_engine::metrics::Summary;

/// Summary of the drawable (finite, see [`drawable`]) values of a sample; `None` when
/// no value is finite. Quantiles interpolate between order statistics, as the engine's.
pub fn summary_of(values: &[f64]) -> Option<Summary> {
    journeylab_engine::metrics::summarize(values.iter().copied().filter(|v| drawable(*v)))
}

/// True when mean, P5, P95 are all drawable (what the charts need to draw a summary).
pub fn is_drawable(s: &Summary) -> bool {
    drawable(s.mean) && drawable(s.p5) && drawable(s.p95)
}

/// Largest magnitude a chart draws; larger values are treated like non-finite ones
/// (no metric of this model gets near it, and plotters' axes overflow beyond).
pub const MAX_DRAWABLE: f64 = 1e100;

/// True for a value the charts can place on an axis: finite and within ±[`MAX_DRAWABLE`].
pub fn drawable(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_DRAWABLE
}

/// The drawable values of a sample (see [`drawable`]), sorted ascending.
pub fn sorted_finite(values: &[f64]) -> Vec<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|&x| drawable(x)).collect();
    v.sort_by(f64::total_cmp);
    v
}

/// Quantile `q` (0–1) of an ascending sample by linear interpolation between order
/// statistics (Hyndman–Fan type 7); NaN for an empty sample.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    let q = if q.is_nan() { 0.5 } else { q.clamp(0.0, 1.0) };
    let h = (n as f64 - 1.0) * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    let frac = h - lo as f64;
    sorted[lo] + (sorted[hi] - sorted[lo]) * frac
}

/// Indices of the Pareto-optimal points when both coordinates are to be minimised,
/// ordered by increasing x (then y, then index).
///
/// A point is dominated when another is no worse on both coordinates and better on one;
/// equal points do not dominate each other, so duplicates on the front are all kept.
/// Points with a non-finite coordinate are never on the front (and dominate nothing).
pub fn pareto_front(points: &[(f64, f64)]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..points.len())
        .filter(|&i| points[i].0.is_finite() && points[i].1.is_finite())
        .collect();
    idx.sort_by(|&a, &b| {
        points[a]
            .0
            .total_cmp(&points[b].0)
            .then(points[a].1.total_cmp(&points[b].1))
            .then(a.cmp(&b))
    });
    let mut front = Vec::new();
    let mut best_y = f64::INFINITY;
    let mut i = 0;
    while i < idx.len() {
        // One group of equal x, sorted by y: only its lowest y (and exact ties) can survive,
        // and only if that y beats every point with smaller x.
        let x = points[idx[i]].0;
        let mut j = i;
        while j < idx.len() && points[idx[j]].0 == x {
            j += 1;
        }
        let group_min_y = points[idx[i]].1;
        if group_min_y < best_y {
            for &k in &idx[i..j] {
                if points[k].1 == group_min_y {
                    front.push(k);
                }
            }
            best_y = group_min_y;
        }
        i = j;
    }
    front
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dominates(a: (f64, f64), b: (f64, f64)) -> bool {
        a.0 <= b.0 && a.1 <= b.1 && (a.0 < b.0 || a.1 < b.1)
    }

    fn check_front(points: &[(f64, f64)]) {
        let front = pareto_front(points);
        for &i in &front {
            for (j, &p) in points.iter().enumerate() {
                if p.0.is_finite() && p.1.is_finite() {
                    assert!(!dominates(p, points[i]), "{j} dominates front point {i}");
                }
            }
        }
        for (i, &p) in points.iter().enumerate() {
            if front.contains(&i) || !(p.0.is_finite() && p.1.is_finite()) {
                continue;
            }
            assert!(
                front.iter().any(|&f| dominates(points[f], p)),
                "dominated point {i} has no dominator on the front"
            );
        }
        for w in front.windows(2) {
            assert!(points[w[0]].0 <= points[w[1]].0);
        }
    }

    #[test]
    fn pareto_basic() {
        let pts = [(1.0, 5.0), (2.0, 3.0), (3.0, 4.0), (4.0, 1.0), (2.5, 3.0)];
        assert_eq!(pareto_front(&pts), vec![0, 1, 3]);
        check_front(&pts);
    }

    #[test]
    fn pareto_ties_and_edges() {
        assert!(pareto_front(&[]).is_empty());
        assert_eq!(pareto_front(&[(1.0, 1.0)]), vec![0]);
        // Duplicates are both kept; same x with a higher y is dominated.
        let pts = [(1.0, 2.0), (1.0, 2.0), (1.0, 3.0), (0.5, 2.0)];
        assert_eq!(pareto_front(&pts), vec![3]);
        check_front(&pts);
        let pts = [(1.0, 2.0), (1.0, 2.0), (2.0, 1.0)];
        assert_eq!(pareto_front(&pts), vec![0, 1, 2]);
        // Non-finite points are ignored.
        let pts = [(f64::NAN, 0.0), (1.0, f64::INFINITY), (2.0, 2.0)];
        assert_eq!(pareto_front(&pts), vec![2]);
        check_front(&pts);
    }

    #[test]
    fn pareto_pseudo_random() {
        // Deterministic LCG: many random clouds, checked against the definition.
        let mut s: u64 = 12345;
        let mut next = || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 33) % 20) as f64
        };
        for n in 0..60 {
            let pts: Vec<(f64, f64)> = (0..n).map(|_| (next(), next())).collect();
            check_front(&pts);
        }
    }

    #[test]
    fn quantiles_and_summary() {
        let v = [4.0, 1.0, f64::NAN, 3.0, 2.0, 5.0, f64::INFINITY];
        let s = summary_of(&v).expect("finite values");
        assert_eq!(s.mean, 3.0);
        assert_eq!(s.p50, 3.0);
        assert_eq!(s.min, 1.0);
        assert_eq!(s.max, 5.0);
        assert!((s.p5 - 1.2).abs() < 1e-12);
        assert!((s.p95 - 4.8).abs() < 1e-12);
        assert!(summary_of(&[f64::NAN]).is_none());
        assert!(quantile_sorted(&[], 0.5).is_nan());
        assert_eq!(quantile_sorted(&[7.0], 0.95), 7.0);
    }
}
