//! Route enumeration (spec §11) stays bounded: the fixtures, the editor's 200-step chain,
//! and a 200-step ladder whose simple paths number in the 10^41 (each step goes on or
//! skips one), where the caps must hold (release mode, criterion).
//!
//! Run: `cargo bench -p journeylab-engine --bench routes`. Memory is bounded by
//! construction (one arena node per partial path, at most `max_expansions`); the bench
//! prints the nodes used so a change to the search that grows them is seen.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use journeylab_engine::routes::{routes, RouteLimits};
use journeylab_engine::{validate, Spec};
use serde_json::{json, Value};

fn spec_of(doc: &Value) -> Spec {
    validate(doc).spec.expect("valid model")
}

/// The editor's large-model test: one journey, a chain of 200 actions and controls.
fn chain(n: usize) -> Value {
    let steps: Vec<Value> = (0..n)
        .map(|i| {
            let next = if i + 1 < n {
                format!("s{}", i + 1)
            } else {
                "success".into()
            };
            if i % 4 == 3 {
                json!({ "id": format!("s{i}"), "kind": "control", "control": "otp",
                        "on": { "pass": next, "fail": "blocked" } })
            } else {
                json!({ "id": format!("s{i}"), "kind": "action", "abandon": 0.001, "next": next })
            }
        })
        .collect();
    json!({ "format": "journeylab/1", "name": "chain",
            "populations": [{ "id": "customers", "kind": "legitimate" }, { "id": "bots", "kind": "attacker" }],
            "controls": [{ "id": "otp", "name": "OTP", "factor": "possession", "aal": 2,
                           "pass": { "customers": 0.999, "bots": 0.2 } }],
            "journeys": [{ "id": "long", "entry": "s0", "steps": steps,
                           "entrants": [{ "population": "customers", "volume": 1000 }, { "population": "bots", "volume": 100 }] }] })
}

/// Each step goes on (p 0.5) or skips one: Fibonacci(200)-many simple paths.
fn ladder(n: usize) -> Value {
    let id = |i: usize| {
        if i >= n {
            "success".to_string()
        } else {
            format!("s{i}")
        }
    };
    let steps: Vec<Value> = (0..n)
        .map(|i| {
            json!({ "id": id(i), "kind": "branch", "to": [
            { "target": id(i + 1), "p": 0.5 }, { "target": id(i + 2) } ] })
        })
        .collect();
    json!({ "format": "journeylab/1", "name": "ladder",
            "populations": [{ "id": "customers", "kind": "legitimate" }],
            "journeys": [{ "id": "j", "entry": "s0", "steps": steps,
                           "entrants": [{ "population": "customers", "volume": 1 }] }] })
}

fn fixtures() -> Vec<(String, Spec)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let doc: Value =
                serde_json::from_str(&std::fs::read_to_string(&p).expect("read")).expect("json");
            let name = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, spec_of(&doc))
        })
        .collect()
}

fn bench_routes(c: &mut Criterion) {
    let mut g = c.benchmark_group("routes");
    g.sample_size(10);
    let limits = RouteLimits::default();
    let mut models: Vec<(String, Spec)> = fixtures();
    models.push(("chain-200".into(), spec_of(&chain(200))));
    models.push(("ladder-200".into(), spec_of(&ladder(200))));
    for (name, spec) in &models {
        let once = routes(spec, 1, 1_000, limits).expect("routes");
        for j in &once.journeys {
            println!(
                "{name}/{}: {} routes enumerated ({}), {} listed",
                j.journey,
                j.enumerated,
                if j.complete { "complete" } else { "capped" },
                j.routes.len()
            );
        }
        g.bench_function(BenchmarkId::new(name.as_str(), 1_000), |b| {
            b.iter(|| routes(spec, 1, 1_000, limits).expect("routes"))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_routes);
criterion_main!(benches);
