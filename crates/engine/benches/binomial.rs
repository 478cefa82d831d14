//! ns per binomial draw: rand_distr's `Binomial` built per draw (sampled mode before
//! issue 18: BTPE / BINV pay their set-up on every draw, since every split has its own
//! (n, p)) against `sim::binomial` (BTRS / inversion, no set-up).
//!
//! Run: `cargo bench -p journeylab-engine --bench binomial`. The `speed` bench prints
//! the same comparison as a table alongside the per-fixture figures.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use journeylab_engine::rng::{key_hash, stream};
use journeylab_engine::sim::binomial::{binomial, BERNOULLI_MAX_N};
use rand::Rng;
use rand_distr::{Binomial, Distribution};
use std::hint::black_box;

/// The sampler sampled mode used before issue 18.
fn old_binomial<R: Rng + ?Sized>(rng: &mut R, n: u64, p: f64) -> u64 {
    if n == 0 || p <= 0.0 || p.is_nan() {
        0
    } else if p >= 1.0 {
        n
    } else if n <= BERNOULLI_MAX_N {
        (0..n).filter(|_| rng.random::<f64>() < p).count() as u64
    } else {
        Binomial::new(n, p).map_or(0, |d| d.sample(rng))
    }
}

fn bench_draws(c: &mut Criterion) {
    const DRAWS: u64 = 10_000;
    let mut g = c.benchmark_group("binomial");
    g.throughput(Throughput::Elements(DRAWS));
    for (n, p) in [
        (200u64, 0.02),
        (5_000, 0.001),
        (1_000, 0.3),
        (1_000_000, 0.9),
    ] {
        let id = format!("{n}/{p}");
        g.bench_function(BenchmarkId::new("old", &id), |b| {
            let mut rng = stream(1, 0, key_hash("bench"));
            b.iter(|| (0..DRAWS).fold(0u64, |s, _| s ^ old_binomial(&mut rng, black_box(n), p)))
        });
        g.bench_function(BenchmarkId::new("new", &id), |b| {
            let mut rng = stream(1, 0, key_hash("bench"));
            b.iter(|| (0..DRAWS).fold(0u64, |s, _| s ^ binomial(&mut rng, black_box(n), p)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_draws);
criterion_main!(benches);
