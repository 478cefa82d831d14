//! Exact Binomial(n, p) draws with no per-draw set-up.
//!
//! Sampled mode draws a binomial at every split of every step (a hundred to a few
//! hundred per iteration), each with a different (n, p), so a sampler that precomputes
//! tables or constants per (n, p) — rand_distr's BTPE and BINV — pays its set-up on every
//! draw. These algorithms need only a square root (BTRS) or one `exp`/`ln_1p` pair
//! (inversion) before the first uniform:
//!
//! - n·min(p, q) < 10 (and n > [`BERNOULLI_MAX_N`]): inversion, a sequential search up
//!   the pmf from 0 with the recurrence f(x) = f(x − 1)·((n + 1)s/x − s), s = p/q
//!   (Kachitvichyanukul & Schmeiser 1988, BINV; numpy's `random_binomial_inversion`).
//!   About n·p + 1 cheap steps.
//! - n·min(p, q) ≥ 10: BTRS, Hörmann's transformed rejection with squeeze (W. Hörmann,
//!   "The generation of binomial random variates", J. Statist. Comput. Simul. 46, 1993).
//!   About 1.2 pairs of uniforms per draw; most are accepted by the squeeze without a
//!   logarithm, the rest by the pmf ratio to the mode: a product near the mode, else
//!   BTPE's bounds on its logarithm and, between them, the exact log-ratio (Stirling with
//!   its tail series, accurate to about 1e-13).
//! - n ≤ [`BERNOULLI_MAX_N`]: a sum of Bernoulli trials, cheapest for a handful of users.
//!
//! p > 1/2 is drawn as n − Binomial(n, 1 − p), so both algorithms see p ≤ 1/2.

use rand::Rng;

/// Below this count a binomial is a sum of Bernoulli trials: n uniforms cost less than
/// the `exp` and `ln_1p` of inversion (measured by the `binomial` bench).
pub const BERNOULLI_MAX_N: u64 = 16;

/// n·min(p, q) from which BTRS is used (Hörmann's validity bound for its constants).
pub const BTRS_MIN_MEAN: f64 = 10.0;

/// Binomial calls and real draws (n > 0, 0 < p < 1: the others return at once), counted
/// per thread with the `draw-count` feature only: the speed bench's floor of sampled mode
/// is the real draws times the sampler's cost.
#[cfg(feature = "draw-count")]
pub mod count {
    use std::cell::Cell;

    thread_local! {
        static COUNTS: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
    }

    pub(super) fn note(real: bool) {
        COUNTS.with(|c| {
            let (calls, draws) = c.get();
            c.set((calls + 1, draws + u64::from(real)));
        });
    }

    /// This thread's (calls, real draws) so far.
    pub fn read() -> (u64, u64) {
        COUNTS.with(Cell::get)
    }
}

/// One Binomial(n, p) draw. p ≤ 0 or NaN gives 0 and p ≥ 1 gives n (exact at the edges).
pub fn binomial<R: Rng + ?Sized>(rng: &mut R, n: u64, p: f64) -> u64 {
    #[cfg(feature = "draw-count")]
    count::note(n > 0 && p > 0.0 && p < 1.0);
    if n == 0 || p <= 0.0 || p.is_nan() {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    if n <= BERNOULLI_MAX_N {
        return (0..n).filter(|_| rng.random::<f64>() < p).count() as u64;
    }
    // 1 − p is exact for p in [1/2, 1] (Sterbenz), so the flip loses nothing.
    let (small, flipped) = if p > 0.5 { (1.0 - p, true) } else { (p, false) };
    let k = if n as f64 * small >= BTRS_MIN_MEAN {
        btrs(rng, n, small)
    } else {
        inversion(rng, n, small)
    }
    // Past 2^53 users `n as f64` rounds, and so might k; never return more than n.
    .min(n);
    if flipped {
        n - k
    } else {
        k
    }
}

/// Sequential search from 0 for p ≤ 1/2, n·p < 10.
fn inversion<R: Rng + ?Sized>(rng: &mut R, n: u64, p: f64) -> u64 {
    let nf = n as f64;
    let q = 1.0 - p;
    let s = p / q;
    let a = (nf + 1.0) * s;
    // f(0) = qⁿ ≥ e^(−2 ln 2 · n·p) > 1e-6 here, so it cannot underflow. `powi` (repeated
    // squaring, relative error ~1e-15 × log₂ n) is about twice as fast as exp ∘ ln_1p.
    let f0 = match i32::try_from(n) {
        Ok(n) => q.powi(n),
        Err(_) => (nf * (-p).ln_1p()).exp(),
    };
    // Rounding in the running difference can leave u above the last pmf term; a search
    // past mean + 10 sd (probability < 1e-20 for n·p < 10) restarts with a fresh uniform
    // rather than walking to n. numpy bounds its search the same way.
    let np = nf * p;
    let bound = nf.min(np + 10.0 * (np * q + 1.0).sqrt());
    loop {
        let mut u: f64 = rng.random();
        let (mut x, mut f) = (0.0_f64, f0);
        loop {
            if u <= f {
                return x as u64;
            }
            u -= f;
            x += 1.0;
            if x > bound {
                break;
            }
            f *= a / x - s;
        }
    }
}

/// ln k! − [ln √(2π) + (k + ½) ln(k + 1) − (k + 1)]: the error of Stirling's formula for
/// Γ(k + 1), exact below 10 (computed to 20 digits) and its asymptotic series above
/// (error under 4e-13 from k = 10 on).
fn stirling_tail(k: f64) -> f64 {
    // Written to 20 digits (mpmath) and left to the compiler to round to nearest.
    #[allow(clippy::excessive_precision)]
    const TABLE: [f64; 10] = [
        0.081_061_466_795_327_258,
        0.041_340_695_955_409_294,
        0.027_677_925_684_998_339,
        0.020_790_672_103_765_093,
        0.016_644_691_189_821_192,
        0.013_876_128_823_070_748,
        0.011_896_709_945_891_770,
        0.010_411_265_261_972_096,
        0.009_255_462_182_712_733,
        0.008_330_563_433_362_871,
    ];
    if k < 10.0 {
        return TABLE[k as usize];
    }
    let x = k + 1.0;
    let x2 = x * x;
    (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * x2)) / x2) / x2) / x
}

/// Hörmann's BTRS for p ≤ 1/2, n·p ≥ 10.
fn btrs<R: Rng + ?Sized>(rng: &mut R, n: u64, p: f64) -> u64 {
    let nf = n as f64;
    let q = 1.0 - p;
    let spq = (nf * p * q).sqrt();
    // The constants of the paper's step 0.
    let b = 1.15 + 2.53 * spq;
    let hat = Btrs {
        nf,
        p,
        q,
        spq,
        a: -0.0873 + 0.0248 * b + 0.01 * p,
        b,
    };
    let c = nf * p + 0.5;
    let v_r = 0.92 - 4.2 / b;
    loop {
        let u = rng.random::<f64>() - 0.5;
        let v: f64 = rng.random();
        let us = 0.5 - u.abs();
        let x = (2.0 * hat.a / us + b) * u + c;
        // k = ⌊x⌋ outside the support [0, n] (also u = −½, where us = 0 and x = −∞):
        // reject. Inside it the truncating cast is the floor, without a libm call.
        if !(0.0..nf + 1.0).contains(&x) {
            continue;
        }
        let k = (x as u64) as f64;
        // The squeeze: this box lies under the pmf (the paper's step 1).
        if us >= 0.07 && v <= v_r {
            return k as u64;
        }
        if hat.exact_test(us, v, k) {
            return k as u64;
        }
    }
}

/// One BTRS set-up: n as a float, p ≤ ½, q = 1 − p, spq = √(npq), and the hat's a and b.
#[derive(Clone, Copy)]
struct Btrs {
    nf: f64,
    p: f64,
    q: f64,
    spq: f64,
    a: f64,
    b: f64,
}

impl Btrs {
    /// The exact test of candidate `k` with uniforms `us`, `v` (the paper's steps 2–3):
    /// v scaled to the hat against f(k)/f(m), m the mode.
    ///
    /// Out of line on purpose: the squeeze accepts most candidates before it, and inlined,
    /// the compiler hoisted this test's loop-invariant part (the Stirling tails of m and
    /// n − m, a chain of divisions) in front of the loop, where every draw paid for it.
    #[inline(never)]
    fn exact_test(&self, us: f64, v: f64, k: f64) -> bool {
        let Btrs {
            nf,
            p,
            q,
            spq,
            a,
            b,
        } = *self;
        let alpha = (2.83 + 5.1 / b) * spq;
        // ⌊(n + 1)p⌋ by a truncating cast (exact for this non-negative value below 2⁶⁴):
        // `floor` is a libm call on the baseline x86-64 target.
        let m = (((nf + 1.0) * p) as u64) as f64;
        let r = p / q;
        let v = v * alpha / (a / (us * us) + b);
        // Near the mode f(k)/f(m) is a short product of the recurrence's ratios
        // f(i)/f(i − 1) = (n + 1)r/i − r: no logarithm (Hörmann's BTRD does the same).
        if (k - m).abs() <= 15.0 {
            let nr = (nf + 1.0) * r;
            let mut ratio = 1.0;
            let (mut i, hi) = if k > m { (m + 1.0, k) } else { (k + 1.0, m) };
            while i <= hi {
                ratio *= nr / i - r;
                i += 1.0;
            }
            // k > m: accept if v ≤ f(k)/f(m) = ratio; k < m: if v ≤ 1/ratio.
            return (k > m && v <= ratio) || (k <= m && v * ratio <= 1.0);
        }
        let lv = v.ln();
        match squeeze(k - m, spq * spq, lv) {
            Some(decided) => decided,
            None => lv <= log_pmf_ratio(nf, r, m, k),
        }
    }
}

/// BTPE's squeeze (Kachitvichyanukul & Schmeiser 1988, step 5.2, as numpy has it): for
/// d = |k − m| < npq/2 − 1, ln f(k)/f(m) lies within ρ of −d²/(2npq), so a candidate whose
/// `lv` falls outside that band is accepted or rejected without the three logarithms of
/// [`log_pmf_ratio`] (a sampled run spent 8 % of its time in `ln`). `None`: inside the
/// band, or `d` out of the bounds' range.
fn squeeze(k_minus_m: f64, npq: f64, lv: f64) -> Option<bool> {
    let d = k_minus_m.abs();
    if d >= npq / 2.0 - 1.0 {
        return None;
    }
    let rho = (d / npq) * ((d * (d / 3.0 + 0.625) + 1.0 / 6.0) / npq + 0.5);
    let t = -d * d / (2.0 * npq);
    if lv < t - rho {
        Some(true)
    } else if lv > t + rho {
        Some(false)
    } else {
        None
    }
}

/// ln f(k) − ln f(m) for Binomial(n, p), r = p/q, m the mode: ln m! + ln (n−m)! − ln k! −
/// ln (n−k)! + (k − m) ln r, with each ln x! written as Stirling + tail and grouped so the
/// large terms cancel inside the logarithms of ratios rather than after them.
fn log_pmf_ratio(nf: f64, r: f64, m: f64, k: f64) -> f64 {
    (m + 0.5) * ((m + 1.0) / (r * (nf - m + 1.0))).ln()
        + (nf + 1.0) * ((nf - m + 1.0) / (nf - k + 1.0)).ln()
        + (k + 0.5) * (r * (nf - k + 1.0) / (k + 1.0)).ln()
        + stirling_tail(m)
        + stirling_tail(nf - m)
        - stirling_tail(k)
        - stirling_tail(nf - k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use statrs::function::gamma::ln_gamma;

    #[test]
    fn the_stirling_tail_is_ln_factorial_minus_stirling() {
        // ln Γ is accurate to about 1e-15 relative; the difference is ~1e-2 … 1e-7, so
        // compare in absolute terms, where the cancellation costs ~1e-15 × ln k!.
        for k in 0..2000u32 {
            let k = f64::from(k);
            let exact = ln_gamma(k + 1.0)
                - (0.5 * (2.0 * std::f64::consts::PI).ln() + (k + 0.5) * (k + 1.0).ln()
                    - (k + 1.0));
            let tol = 1e-12 + 4e-16 * ln_gamma(k + 1.0).abs();
            assert!(
                (stirling_tail(k) - exact).abs() <= tol,
                "k = {k}: {} vs {exact}",
                stirling_tail(k)
            );
        }
    }

    #[test]
    fn btpes_squeeze_bounds_enclose_the_exact_log_pmf_ratio() {
        // The squeeze decides a draw only where the exact test would decide it the same
        // way, if ln f(k)/f(m) lies in its band [t − ρ, t + ρ]. Check that over every k
        // the squeeze covers for shapes from its threshold (npq just over 32) to 10⁹ users,
        // against the exact ratio (ln Γ, relative error ~1e-15, far inside the bands).
        let (mut checked, mut decided) = (0, 0);
        for &(n, p) in &[
            (200u64, 0.25),
            (1_000, 0.05),
            (10_000, 0.3),
            (123_457, 0.011),
            (1_000_000, 0.5),
            (1_000_000_000, 0.02),
        ] {
            let nf = n as f64;
            let q = 1.0 - p;
            let npq = nf * p * q;
            let m = ((nf + 1.0) * p).floor();
            let exact = |k: f64| {
                ln_gamma(m + 1.0) + ln_gamma(nf - m + 1.0)
                    - ln_gamma(k + 1.0)
                    - ln_gamma(nf - k + 1.0)
                    + (k - m) * (p / q).ln()
            };
            // ln Γ's own error is ~4e-16 of each term; the difference of terms of 2e10
            // (n = 10⁹) keeps it in absolute terms.
            let err = 4.0 * 4e-16 * (ln_gamma(m + 1.0) + ln_gamma(nf - m + 1.0)).abs();
            let reach = (npq / 2.0 - 1.0).floor();
            let step = (reach / 400.0).max(1.0).floor();
            let mut d = 0.0;
            while d < reach {
                for k in [m + d, m - d] {
                    if k < 0.0 || k > nf {
                        continue;
                    }
                    let x = exact(k);
                    let tol = 1e-12 * (1.0 + x.abs()) + err;
                    // Just above the exact ratio the exact test rejects, just below it
                    // accepts: the squeeze must never decide the other way.
                    assert_ne!(
                        squeeze(k - m, npq, x + tol),
                        Some(true),
                        "n {n} p {p} k {k}: accepted above the exact ratio"
                    );
                    assert_ne!(
                        squeeze(k - m, npq, x - tol),
                        Some(false),
                        "n {n} p {p} k {k}: rejected below the exact ratio"
                    );
                    // And it does decide away from the ratio (the band is narrow).
                    decided += usize::from(squeeze(k - m, npq, x - 0.5) == Some(true));
                    decided += usize::from(squeeze(k - m, npq, x + 0.5) == Some(false));
                    // Our own exact test agrees with ln Γ.
                    let ours = log_pmf_ratio(nf, p / q, m, k);
                    assert!(
                        (ours - x).abs() <= tol + 1e-12 * (1.0 + x.abs()),
                        "n {n} k {k}: {ours} vs {x}"
                    );
                    checked += 1;
                }
                d += step;
            }
        }
        assert!(checked > 2_000, "{checked}");
        // Not a tolerance: a guard that the band is not vacuous (a squeeze that never
        // decides would pass the checks above). Measured: 1,103 decisions in 2 × 4,072
        // tries, the band being wider than ±0.5 far from the mode.
        assert!(
            decided > checked / 5,
            "the squeeze decided {decided} of {checked} × 2 times"
        );
    }

    #[test]
    fn edges_are_exact() {
        let mut rng = crate::rng::stream(1, 0, 0);
        assert_eq!(binomial(&mut rng, 0, 0.5), 0);
        assert_eq!(binomial(&mut rng, 100, 0.0), 0);
        assert_eq!(binomial(&mut rng, 100, -1.0), 0);
        assert_eq!(binomial(&mut rng, 100, f64::NAN), 0);
        assert_eq!(binomial(&mut rng, 100, 1.0), 100);
        assert_eq!(binomial(&mut rng, u64::MAX, 1.0), u64::MAX);
        for _ in 0..1000 {
            assert!(binomial(&mut rng, 40, 0.999_999) <= 40);
            assert!(binomial(&mut rng, 1 << 40, 0.3) <= 1 << 40);
        }
    }
}
