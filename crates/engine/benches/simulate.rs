//! Iterations per second for every fixture in both modes (release mode, criterion).
//!
//! Run: `cargo bench -p journeylab-engine`. Targets on a 2-core machine: 100,000 sampled
//! iterations of the largest fixture under 1 s; 2,000 expected iterations under 50 ms;
//! 10 and 10 million entrants cost the same.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use journeylab_engine::sweep::sweep;
use journeylab_engine::{simulate, validate, Mode, NoProgress, Settings, Spec};

fn fixtures() -> Vec<(String, Spec, serde_json::Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for p in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
    {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&p).expect("read")).expect("json");
        let spec = validate(&doc).spec.expect("valid fixture");
        out.push((
            p.file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            spec,
            doc,
        ));
    }
    out
}

fn bench_fixtures(c: &mut Criterion) {
    let mut g = c.benchmark_group("fixture");
    g.sample_size(10);
    for (name, spec, _) in fixtures() {
        for (mode, iterations) in [(Mode::Sampled, 100_000u64), (Mode::Expected, 2_000)] {
            let settings = Settings {
                iterations,
                seed: 1,
                mode,
                sampling: journeylab_engine::Sampling::Mc,
                threads: None,
            };
            g.throughput(Throughput::Elements(iterations));
            g.bench_with_input(
                BenchmarkId::new(format!("{name}/{}", mode.as_str()), iterations),
                &settings,
                |b, s| b.iter(|| simulate(&spec, s, &NoProgress).expect("simulate")),
            );
        }
    }
    g.finish();
}

fn bench_volume(c: &mut Criterion) {
    let mut g = c.benchmark_group("volume");
    g.sample_size(10);
    let (_, _, doc) = fixtures().into_iter().next().expect("a fixture");
    for volume in [10.0, 1.0e4, 1.0e7] {
        let mut d = doc.clone();
        for j in d["journeys"].as_array_mut().into_iter().flatten() {
            for e in j["entrants"].as_array_mut().into_iter().flatten() {
                e["volume"] = serde_json::json!(volume);
            }
        }
        let spec = validate(&d).spec.expect("valid");
        let settings = Settings {
            iterations: 20_000,
            seed: 1,
            mode: Mode::Sampled,
            sampling: journeylab_engine::Sampling::Mc,
            threads: None,
        };
        g.bench_function(BenchmarkId::new("sampled_20k", volume as u64), |b| {
            b.iter(|| simulate(&spec, &settings, &NoProgress).expect("simulate"))
        });
    }
    g.finish();
}

/// The threshold explorer's tradeoff curve: a sweep of each fixture risk gate's
/// `allow_below` over 0.00, 0.05, … up to its `block_at_or_above`, 300 iterations in
/// expected mode (one sweep in one thread of work; the app splits it over the cores).
fn bench_sweep(c: &mut Criterion) {
    let mut g = c.benchmark_group("sweep");
    g.sample_size(10);
    let settings = Settings {
        iterations: 300,
        seed: 1,
        mode: Mode::Expected,
        sampling: journeylab_engine::Sampling::Mc,
        threads: None,
    };
    for (name, _, doc) in fixtures() {
        for j in doc["journeys"].as_array().into_iter().flatten() {
            for s in j["steps"].as_array().into_iter().flatten() {
                if s["kind"] != "risk_gate" {
                    continue;
                }
                let gate = format!(
                    "{}/{}",
                    j["id"].as_str().unwrap_or_default(),
                    s["id"].as_str().unwrap_or_default()
                );
                let block = s["block_at_or_above"].as_f64().unwrap_or(1.0);
                let grid: Vec<f64> = (0..=20)
                    .map(|k| k as f64 * 0.05)
                    .filter(|a| *a <= block)
                    .collect();
                g.bench_function(
                    BenchmarkId::new(format!("{name}/{gate}"), grid.len()),
                    |b| b.iter(|| sweep(&doc, &gate, &grid, &[block], &settings).expect("sweep")),
                );
            }
        }
    }
    g.finish();
}

criterion_group!(benches, bench_fixtures, bench_volume, bench_sweep);
criterion_main!(benches);
