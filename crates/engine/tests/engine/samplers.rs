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
