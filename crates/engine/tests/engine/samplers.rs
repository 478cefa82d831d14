//! Samplers against analytic mean and variance (not against golden values: a sampler
//! that loses the PERT mode would pass a golden test written from its own output).
//!
//! With n draws the sample mean has standard error √(Var/n), and the sample variance
//! has standard error √((μ₄ − σ⁴)/n), estimated from the draws. Checks use 5 standard
//! errors with a fixed seed.

use journeylab_engine::quantity::{Dist, Z95};
use journeylab_engine::rng::{key_hash, stream};

const N: usize = 200_000;

fn draws(d: &Dist) -> Vec<f64> {
    let mut rng = stream(2024, 0, key_hash("sampler-test"));
    (0..N).map(|_| d.sample(&mut rng)).collect()
}

fn check_moments(d: &Dist, textbook_mean: f64, textbook_var: f64) {
    assert!(
        (d.mean() - textbook_mean).abs() < 1e-12,
        "{d:?}: analytic mean {} vs textbook {textbook_mean}",
        d.mean()
    );
    assert!(
        (d.variance() - textbook_var).abs() < 1e-12 * textbook_var.max(1.0),
        "{d:?}: analytic variance {} vs {textbook_var}",
        d.variance()
    );
    let x = draws(d);
    let n = N as f64;
    let mean = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let m4 = x.iter().map(|v| (v - mean).powi(4)).sum::<f64>() / n;
    let se_mean = (textbook_var / n).sqrt();
    let se_var = ((m4 - var * var) / n).sqrt();
    assert!(
        (mean - textbook_mean).abs() <= 5.0 * se_mean,
        "{d:?}: sample mean {mean} vs {textbook_mean} (se {se_mean})"
    );
    assert!(
        (var - textbook_var).abs() <= 5.0 * se_var,
        "{d:?}: sample variance {var} vs {textbook_var} (se {se_var})"
    );
    let (lo, hi) = d.support();
    assert!(
        x.iter().all(|v| *v >= lo && *v <= hi),
        "{d:?}: draw outside support"
    );
}

#[test]
fn pert_is_the_textbook_pert() {
    // Textbook PERT (Vose): mean (a + 4m + b)/6; variance (μ − a)(b − μ)/7 for λ = 4.
    let (a, m, b) = (0.55, 0.75, 0.90);
    let mu = (a + 4.0 * m + b) / 6.0;
    check_moments(&Dist::Pert(a, m, b), mu, (mu - a) * (b - mu) / 7.0);
    let (a, m, b) = (10.0, 12.0, 60.0); // skewed
    let mu = (a + 4.0 * m + b) / 6.0;
    check_moments(&Dist::Pert(a, m, b), mu, (mu - a) * (b - mu) / 7.0);
}

#[test]
fn triangular_moments() {
    let (a, c, b) = (1.0, 2.0, 7.0);
    check_moments(
        &Dist::Triangular(a, c, b),
        (a + b + c) / 3.0,
        (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0,
    );
}

#[test]
fn beta_moments() {
    let (a, b) = (2.0, 5.0);
    check_moments(
        &Dist::Beta(a, b),
        a / (a + b),
        a * b / ((a + b).powi(2) * (a + b + 1.0)),
    );
}

#[test]
fn uniform_moments() {
    check_moments(&Dist::Uniform(3.0, 5.0), 4.0, 4.0 / 12.0);
}

#[test]
fn lognormal_from_percentiles_hits_its_percentiles() {
    let (p5, p95) = (50.0, 5000.0);
    let d = Dist::lognormal_from_percentiles(p5, p95);
    let Dist::LogNormal { mu, sigma } = d else {
        panic!("not a lognormal")
    };
    assert!((mu - (p5 * p95).ln() / 2.0).abs() < 1e-12);
    assert!((sigma - (p95 / p5).ln() / (2.0 * Z95)).abs() < 1e-12);
    let s2 = sigma * sigma;
    check_moments(
        &d,
        (mu + s2 / 2.0).exp(),
        (s2.exp() - 1.0) * (2.0 * mu + s2).exp(),
    );
    // Empirical 5th/95th percentiles: the share of draws below p5 is binomial(n, 0.05).
    let x = draws(&d);
    let below = x.iter().filter(|v| **v < p5).count() as f64 / N as f64;
    let above = x.iter().filter(|v| **v > p95).count() as f64 / N as f64;
    let se = (0.05 * 0.95 / N as f64).sqrt();
    assert!((below - 0.05).abs() <= 5.0 * se, "share below p5: {below}");
    assert!((above - 0.05).abs() <= 5.0 * se, "share above p95: {above}");
}

#[test]
fn percentiles_by_selection_equal_percentiles_of_the_sorted_sample() {
    use journeylab_engine::metrics::{percentile_sorted, summarize};
    let mut rng = stream(5, 0, key_hash("percentiles"));
    for n in [1usize, 2, 3, 10, 101, 1000] {
        let x: Vec<f64> = (0..n)
            .map(|_| {
                Dist::LogNormal {
                    mu: 0.0,
                    sigma: 1.0,
                }
                .sample(&mut rng)
            })
            .collect();
        let mut sorted = x.clone();
        sorted.sort_by(f64::total_cmp);
        let s = summarize(x.iter().copied()).unwrap();
        assert_eq!(s.p5, percentile_sorted(&sorted, 0.05), "n = {n}");
        assert_eq!(s.p50, percentile_sorted(&sorted, 0.50), "n = {n}");
        assert_eq!(s.p95, percentile_sorted(&sorted, 0.95), "n = {n}");
        assert_eq!((s.min, s.max), (sorted[0], sorted[n - 1]));
    }
}

// ---- Binomial draws against the exact pmf ---------------------------------------------

mod binomial {
    use journeylab_engine::rng::{key_hash, stream};
    use journeylab_engine::sim::binomial::{binomial, BERNOULLI_MAX_N, BTRS_MIN_MEAN};
    use statrs::distribution::{Binomial, ChiSquared, ContinuousCDF, Discrete, DiscreteCDF};

    /// (n, p) settings spanning every branch: Bernoulli sums (n ≤ 16), inversion
    /// (n·min(p, q) < 10), BTRS (≥ 10), the switch at n·min(p, q) = 10 from both sides,
    /// p > ½ (drawn as n − X(1 − p)), and counts up to ten million.
    const SETTINGS: &[(u64, f64)] = &[
        // Bernoulli sums.
        (1, 0.5),
        (3, 0.02),
        (7, 0.5),
        (16, 0.1),
        (16, 0.93),
        // Inversion.
        (17, 0.3),
        (17, 0.75),
        (30, 0.9),
        (50, 0.1),
        (100, 0.05),
        (200, 0.97),
        (1_000, 0.005),
        (10_000, 0.000_99),
        (1_000_000, 0.000_002),
        (10_000_000, 0.000_000_5),
        (40, 0.01),
        (60, 0.16),
        // The switch: just below and at n·min(p, q) = 10.
        (99, 0.1),
        (100, 0.1),
        (101, 0.099),
        (20, 0.5),
        (19, 0.52),
        (1_000, 0.0099),
        (1_000, 0.01),
        (1_000, 0.99),
        (1_000, 0.9901),
        (25, 0.4),
        (26, 0.6),
        // BTRS.
        (21, 0.5),
        (40, 0.45),
        (50, 0.3),
        (60, 0.75),
        (100, 0.5),
        (250, 0.12),
        (1_000, 0.2),
        (5_000, 0.998),
        (10_000, 0.01),
        (12_345, 0.6789),
        (100_000, 0.5),
        (100_000, 0.000_3),
        (1_000_000, 0.3),
        (1_000_000, 0.999_9),
        (10_000_000, 0.05),
        (10_000_000, 0.5),
    ];

    /// Draws per setting.
    const DRAWS: usize = 100_000;

    /// Family-wise rejection level over every χ² test (Bonferroni: each test at this over
    /// the number of settings). With fixed seeds the test is deterministic; this says how
    /// surprising a failure of a correct sampler would be.
    const FAMILY_ALPHA: f64 = 0.001;

    /// Smallest expected count of a χ² bin: adjacent values (and each tail) are pooled
    /// until their expected count reaches it.
    const MIN_EXPECTED: f64 = 5.0;

    fn draws(n: u64, p: f64, seed: u64) -> Vec<u64> {
        let mut rng = stream(seed, 0, key_hash("binomial-test"));
        (0..DRAWS).map(|_| binomial(&mut rng, n, p)).collect()
    }

    /// (χ² statistic, degrees of freedom) of `x` against Binomial(n, p), over a window
    /// of ±12 sd around the mean (the two tails outside it are bins of their own).
    fn chi_square(n: u64, p: f64, x: &[u64]) -> (f64, usize) {
        let d = Binomial::new(p, n).unwrap();
        let total = x.len() as f64;
        let (mean, sd) = (n as f64 * p, (n as f64 * p * (1.0 - p)).sqrt());
        let lo = (mean - 12.0 * sd - 1.0).floor().max(0.0) as u64;
        let hi = ((mean + 12.0 * sd + 1.0).ceil() as u64).min(n);
        // Cells: [below lo], lo..=hi, [above hi], each (expected, observed).
        let mut cells: Vec<(f64, f64)> = Vec::with_capacity((hi - lo + 3) as usize);
        cells.push((if lo > 0 { d.cdf(lo - 1) } else { 0.0 }, 0.0));
        cells.extend((lo..=hi).map(|k| (d.pmf(k), 0.0)));
        cells.push((d.sf(hi), 0.0));
        for &k in x {
            let c = if k < lo {
                0
            } else if k > hi {
                cells.len() - 1
            } else {
                (k - lo + 1) as usize
            };
            cells[c].1 += 1.0;
        }
        let mut bins: Vec<(f64, f64)> = Vec::new();
        let mut acc = (0.0, 0.0);
        for (e, o) in cells {
            acc = (acc.0 + e * total, acc.1 + o);
            if acc.0 >= MIN_EXPECTED {
                bins.push(acc);
                acc = (0.0, 0.0);
            }
        }
        // The remainder joins the last bin.
        match bins.last_mut() {
            Some(last) => *last = (last.0 + acc.0, last.1 + acc.1),
            None => bins.push(acc),
        }
        let stat = bins.iter().map(|(e, o)| (o - e).powi(2) / e).sum();
        (stat, bins.len() - 1)
    }

    #[test]
    fn the_settings_span_every_branch() {
        let mean = |&(n, p): &(u64, f64)| n as f64 * f64::min(p, 1.0 - p);
        let big = SETTINGS.iter().filter(|s| s.0 > BERNOULLI_MAX_N);
        assert!(SETTINGS.len() >= 40);
        assert!(SETTINGS.iter().filter(|s| s.0 <= BERNOULLI_MAX_N).count() >= 4);
        assert!(big.clone().filter(|s| mean(s) < BTRS_MIN_MEAN).count() >= 15);
        assert!(big.clone().filter(|s| mean(s) >= BTRS_MIN_MEAN).count() >= 15);
        assert!(big.clone().filter(|s| s.1 > 0.5).count() >= 8);
        assert!(
            big.filter(|s| (mean(s) - BTRS_MIN_MEAN).abs() < 0.2)
                .count()
                >= 4
        );
    }

    #[test]
    fn draws_fit_the_exact_pmf() {
        let per_test = FAMILY_ALPHA / SETTINGS.len() as f64;
        let mut failures = Vec::new();
        for (i, &(n, p)) in SETTINGS.iter().enumerate() {
            let x = draws(n, p, 100 + i as u64);
            assert!(x.iter().all(|&k| k <= n), "({n}, {p}): a draw above n");
            let (stat, df) = chi_square(n, p, &x);
            if df > 0 {
                let pval = ChiSquared::new(df as f64).unwrap().sf(stat);
                if pval < per_test {
                    failures.push(format!(
                        "({n}, {p}): χ² {stat:.1} on {df} df, p = {pval:.2e}"
                    ));
                }
            }
            // Moments: the sample mean has SE √(npq/N); the sample variance has variance
            // μ₄/N − σ⁴(N − 3)/(N(N − 1)) with the binomial's μ₄ = npq(1 + 3pq(n − 2))
            // (exact, so it stays positive for Bernoulli(½)). 5 SE each.
            let (nf, q, total) = (n as f64, 1.0 - p, DRAWS as f64);
            let var = nf * p * q;
            let m = x.iter().map(|&k| k as f64).sum::<f64>() / total;
            let v = x.iter().map(|&k| (k as f64 - m).powi(2)).sum::<f64>() / (total - 1.0);
            let mu4 = var * (1.0 + 3.0 * p * q * (nf - 2.0));
            let var_v = mu4 / total - var * var * (total - 3.0) / (total * (total - 1.0));
            let (se_m, se_v) = ((var / total).sqrt(), var_v.max(0.0).sqrt());
            if (m - nf * p).abs() > 5.0 * se_m || (v - var).abs() > 5.0 * se_v {
                failures.push(format!(
                    "({n}, {p}): mean {m} vs {} (se {se_m}), variance {v} vs {var} (se {se_v})",
                    nf * p
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn a_wrong_pmf_is_detected() {
        // The test has power: Binomial(1000, 0.2) draws tested against p = 0.203, a
        // shift of the mean by 3 (0.24 sd, 75 SE of the mean of 100,000 draws).
        let x = draws(1_000, 0.2, 7);
        let (stat, df) = chi_square(1_000, 0.203, &x);
        let pval = ChiSquared::new(df as f64).unwrap().sf(stat);
        assert!(pval < 1e-6, "p = {pval}");
    }
}

#[test]
fn a_kept_sampler_draws_what_a_fresh_one_draws() {
    // Runs set each quantity's sampler up once (issue 18); where a run draws by a
    // sampler (under mc: every distribution but a PERT or a Beta with shapes ≥ 1), its
    // draws must equal `Dist::sample`'s bit for bit from the same stream.
    let dists = [
        Dist::Fixed(3.0),
        Dist::Uniform(3.0, 5.0),
        Dist::Triangular(1.0, 2.0, 7.0),
        Dist::Pert(0.55, 0.75, 0.9),
        Dist::Pert(10.0, 12.0, 60.0),
        Dist::Beta(2.0, 5.0),
        Dist::Beta(0.5, 0.5),
        Dist::lognormal_from_percentiles(50.0, 5000.0),
    ];
    for d in dists {
        let kept = d.sampler();
        let (mut a, mut b) = (
            stream(9, 0, key_hash("kept")),
            stream(9, 0, key_hash("kept")),
        );
        for _ in 0..1000 {
            assert_eq!(
                d.sample(&mut a).to_bits(),
                kept.sample(&mut b).to_bits(),
                "{d:?}"
            );
        }
    }
}

#[test]
fn plain_monte_carlo_draws_a_pert_or_beta_by_its_table_with_the_exact_distribution() {
    // Under mc a PERT or a Beta (shapes ≥ 1) is its tabulated quantile function at a
    // uniform of its stream. 200,000 draws of each through the run's own draw plan
    // (`sim::draw_quantities`): mean and variance within 5 standard errors of the
    // textbook values (as above), and a Kolmogorov–Smirnov distance to the exact CDF
    // (statrs) under 1.95/√n, the 0.1 % critical value.
    use journeylab_engine::sim::draw_quantities;
    use serde_json::json;
    let controls = json!([{ "id": "c", "name": "Check", "factor": "knowledge",
        "pass": { "pert": [0.55, 0.75, 0.9] }, "abandon": { "beta": [2.0, 5.0] } }]);
    let steps = json!([{ "id": "s", "kind": "control", "control": "c",
        "on": { "pass": "success", "fail": "blocked" } }]);
    let doc = crate::common::model("legitimate", controls, steps, json!({}));
    let v = crate::common::valid(&doc);
    let spec = v.spec.as_ref().unwrap();
    let rows = draw_quantities(spec, 7, N);
    let width = spec.quantities.len();
    for (slot, q) in spec.quantities.iter().enumerate() {
        let d = &q.dist;
        if d.tabulated_inverse().is_none() {
            continue;
        }
        let mut x: Vec<f64> = (0..N).map(|i| rows[i * width + slot]).collect();
        let n = N as f64;
        let mean = x.iter().sum::<f64>() / n;
        let var = x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
        let m4 = x.iter().map(|v| (v - mean).powi(4)).sum::<f64>() / n;
        assert!(
            (mean - d.mean()).abs() <= 5.0 * (d.variance() / n).sqrt(),
            "{d:?}: mean {mean}"
        );
        assert!(
            (var - d.variance()).abs() <= 5.0 * ((m4 - var * var) / n).sqrt(),
            "{d:?}: var {var}"
        );
        x.sort_by(f64::total_cmp);
        let ks = x
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let f = d.cdf(*v);
                (f - i as f64 / n).abs().max((f - (i + 1) as f64 / n).abs())
            })
            .fold(0.0, f64::max);
        assert!(ks < 1.95 / n.sqrt(), "{d:?}: KS distance {ks}");
    }
    let tabulated = spec
        .quantities
        .iter()
        .filter(|q| q.dist.tabulated_inverse().is_some())
        .count();
    assert_eq!(tabulated, 2, "the PERT and the Beta");
}
