use journeylab_engine::sim::Sampling;
use journeylab_engine::vocab::total_index;
use journeylab_engine::{run, Mode, NoProgress, Settings, Validation};
use journeylab_engine::quantity::Dist;
use serde_json::json;
use std::io::Write;
use crate::common::{fixtures, model, valid};

fn attack() -> (Validation, f64) {
    let controls = json!([{ "id": "c", "name": "Check", "factor": "knowledge",
        "pass": { "pert": [0.01, 0.03, 0.1] }, "abandon": 0.0 }]);
    let steps = json!([{ "id": "s", "kind": "control", "control": "c", "max_attempts": 1,
        "on": { "pass": "success", "fail": "blocked" } }]);
    let mut doc = model("attacker", controls, steps, json!({}));
    doc["journeys"][0]["entrants"][0]["volume"] = json!({ "pert": [800, 1000, 1500] });
    doc["populations"][0]["loss_per_success"] = json!({ "lognormal": [50, 5000] });
    let pert_mean = |lo: f64, m: f64, hi: f64| (lo + 4.0 * m + hi) / 6.0;
    let successes = pert_mean(800.0, 1000.0, 1500.0) * pert_mean(0.01, 0.03, 0.1);
    let loss = successes * Dist::lognormal_from_percentiles(50.0, 5000.0).mean();
    (valid(&doc), loss)
}

fn dump(v: &Validation, truth: f64, n: u64, seeds: u64, path: &str) {
    let k = total_index("fraud_loss").unwrap();
    let mut f = std::fs::File::create(path).unwrap();
    writeln!(f, "{truth}").unwrap();
    for seed in 0..seeds {
        let s = Settings { iterations: n, seed: 1_000 + seed, mode: Mode::Expected, sampling: Sampling::Rqmc, threads: None };
        let out = run(v, &s, Some(&[]), &NoProgress).unwrap();
        let t = &out.scenarios[0].totals[k];
        let mut sums = [0.0f64; 32];
        let mut cnt = [0u64; 32];
        for (i, x) in t.iter().enumerate() { sums[i % 32] += x; cnt[i % 32] += 1; }
        let means: Vec<String> = (0..32).map(|r| format!("{}", sums[r] / cnt[r] as f64)).collect();
        writeln!(f, "{}", means.join(",")).unwrap();
    }
}

#[test]
#[ignore]
fn dump_replicates() {
    let (v, loss) = attack();
    let n: u64 = std::env::var("DUMP_N").ok().and_then(|s| s.parse().ok()).unwrap_or(4000);
    dump(&v, loss, n, 300, &format!("/tmp/reps_attack_{n}.csv"));
}

#[test]
#[ignore]
fn dump_sign_in() {
    let (_, doc) = fixtures().into_iter().find(|(n, _)| n == "consumer-sign-in.json").unwrap();
    let v = valid(&doc);
    let n: u64 = std::env::var("DUMP_N").ok().and_then(|s| s.parse().ok()).unwrap_or(50_000);
    let truth: f64 = std::env::var("TRUTH").ok().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    dump(&v, truth, n, 300, &format!("/tmp/reps_signin_{n}.csv"));
}

#[test]
#[ignore]
fn cov_sign_in() {
    let (_, doc) = fixtures().into_iter().find(|(n, _)| n == "consumer-sign-in.json").unwrap();
    let v = valid(&doc);
    let n: u64 = std::env::var("DUMP_N").ok().and_then(|s| s.parse().ok()).unwrap_or(8000);
    let truth = 466631.26;
    let k = total_index("fraud_loss").unwrap();
    for sampling in [Sampling::Mc, Sampling::Rqmc] {
        let t0 = std::time::Instant::now();
        let mut c = 0;
        for seed in 0..300 {
            let s = Settings { iterations: n, seed: 1_000 + seed, mode: Mode::Expected, sampling, threads: None };
            let out = run(&v, &s, Some(&[]), &NoProgress).unwrap();
            let sum = out.scenarios[0].total_summary(k).unwrap();
            if (sum.mean - truth).abs() <= sampling.z95() * sum.se { c += 1; }
        }
        eprintln!("{sampling:?} n={n}: coverage {:.3} in {:?}", c as f64 / 300.0, t0.elapsed());
    }
}
