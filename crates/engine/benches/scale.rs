//! Scale (issue 17): validation time is linear in steps (2k, 8k, 32k steps of a chain
//! with loops back every 50 steps; it was quadratic: 16,000 steps took 27 s), and an
//! expected-mode iteration of one 550-step loop is a sparse solve (a dense LU took 36 ms).
//!
//! Run: `cargo bench -p journeylab-engine --bench scale`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use journeylab_engine::{simulate, validate, Mode, NoProgress, Settings};
use serde_json::{json, Value};

/// A chain of `n` steps: every 4th a control, every 50th a branch back 10 steps.
fn chain(n: usize) -> Value {
    let steps: Vec<Value> = (0..n)
        .map(|i| {
            let next = if i + 1 < n { format!("s{}", i + 1) } else { "success".into() };
            if i % 50 == 49 {
                json!({ "id": format!("s{i}"), "kind": "branch",
                        "to": [{ "target": format!("s{}", i - 10), "p": 0.1 }, { "target": next }] })
            } else if i % 4 == 3 {
                json!({ "id": format!("s{i}"), "kind": "control", "control": "otp",
                        "on": { "pass": next, "fail": "blocked" } })
            } else {
                json!({ "id": format!("s{i}"), "kind": "action", "abandon": 0.001, "next": next })
            }
        })
        .collect();
    json!({ "format": "journeylab/1", "name": "chain",
            "populations": [{ "id": "c", "kind": "legitimate" }],
            "controls": [{ "id": "otp", "name": "OTP", "factor": "possession", "pass": 0.999 }],
            "journeys": [{ "id": "j", "entry": "s0", "steps": steps,
                           "entrants": [{ "population": "c", "volume": 1000 }] }] })
}

/// One loop of `n` actions that goes back to the start with probability 0.4.
fn one_loop(n: usize) -> Value {
    let mut steps: Vec<Value> = (0..n)
        .map(|i| {
            let next = if i + 1 < n { format!("s{}", i + 1) } else { "back".into() };
            json!({ "id": format!("s{i}"), "kind": "action", "abandon": { "pert": [0.0005, 0.001, 0.002] }, "next": next })
        })
        .collect();
    steps.push(json!({ "id": "back", "kind": "branch", "to": [{ "target": "s0", "p": 0.4 }, { "target": "success" }] }));
    json!({ "format": "journeylab/1", "name": "loop",
            "populations": [{ "id": "c", "kind": "legitimate" }],
            "journeys": [{ "id": "j", "entry": "s0", "steps": steps,
                           "entrants": [{ "population": "c", "volume": 1000 }] }] })
}

fn bench_validate(c: &mut Criterion) {
    let mut g = c.benchmark_group("validate");
    g.sample_size(10);
    for n in [2_000usize, 8_000, 32_000] {
        let doc = chain(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &doc, |b, d| {
            b.iter(|| assert!(validate(d).is_valid()))
        });
    }
    g.finish();
}

fn bench_loop(c: &mut Criterion) {
    let mut g = c.benchmark_group("expected_loop");
    g.sample_size(10);
    let spec = validate(&one_loop(550)).spec.expect("valid");
    let settings = Settings {
        iterations: 100,
        seed: 1,
        mode: Mode::Expected,
        sampling: journeylab_engine::Sampling::Mc,
        threads: Some(1),
    };
    g.throughput(Throughput::Elements(100));
    g.bench_function("550_steps/100_iterations", |b| {
        b.iter(|| simulate(&spec, &settings, &NoProgress).expect("simulate"))
    });
    g.finish();
}

criterion_group!(benches, bench_validate, bench_loop);
criterion_main!(benches);
