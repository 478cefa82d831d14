//! Randomised quasi-Monte Carlo (`Sampling::Rqmc`): the guarantees plain Monte Carlo has
//! — the same numbers whatever the thread count, runs that extend exactly, common random
//! numbers between scenarios — and honest intervals (coverage over independent seeds).

use journeylab_engine::run::{run_to_precision, PrecisionTarget};
use journeylab_engine::sim::{simulate_from, Sampling};
use journeylab_engine::vocab::total_index;
use journeylab_engine::{run, Mode, NoProgress, Settings, Validation};

use journeylab_engine::quantity::Dist;
use serde_json::json;

use crate::common::{fixtures, model, valid};

fn fixture(name: &str) -> Validation {
    let (_, doc) = fixtures().into_iter().find(|(n, _)| n == name).unwrap();
    valid(&doc)
}

fn rqmc(iterations: u64, seed: u64, mode: Mode, threads: Option<usize>) -> Settings {
    Settings {
        iterations,
        seed,
        mode,
        sampling: Sampling::Rqmc,
        threads,
    }
}

#[test]
fn rqmc_results_are_the_same_for_any_thread_count() {
    let v = fixture("consumer-sign-in.json");
    for mode in [Mode::Expected, Mode::Sampled] {
        let one = run(&v, &rqmc(700, 5, mode, Some(1)), None, &NoProgress).unwrap();
        let two = run(&v, &rqmc(700, 5, mode, Some(2)), None, &NoProgress).unwrap();
        for (a, b) in one.scenarios.iter().zip(&two.scenarios) {
            assert_eq!(a.samples.data, b.samples.data, "{mode:?} {}", a.id);
        }
    }
}

#[test]
fn an_extended_rqmc_run_is_one_run_and_differs_from_mc() {
    let v = fixture("account-recovery.json");
    let spec = v.spec.as_ref().unwrap();
    let s = rqmc(900, 3, Mode::Expected, None);
    let whole = simulate_from(spec, &s, 0, &NoProgress).unwrap();
    let first = simulate_from(
        spec,
        &Settings {
            iterations: 400,
            ..s.clone()
        },
        0,
        &NoProgress,
    );
    let rest = simulate_from(
        spec,
        &Settings {
            iterations: 500,
            ..s.clone()
        },
        400,
        &NoProgress,
    );
    let joined: Vec<f64> = [first.unwrap().data, rest.unwrap().data].concat();
    assert_eq!(whole.data, joined);
    let mc = Settings {
        sampling: Sampling::Mc,
        ..s
    };
    assert_ne!(
        whole.data,
        simulate_from(spec, &mc, 0, &NoProgress).unwrap().data
    );
}

#[test]
fn scenarios_keep_the_baselines_draws_under_rqmc() {
    // Expected mode's entrants are the volume draw itself. A scenario that leaves a
    // volume alone must see the same value in every iteration — also when it adds
    // quantities of its own (a new control), which under rqmc must not shift the
    // baseline's dimensions.
    for (name, doc) in fixtures() {
        let v = valid(&doc);
        let out = run(&v, &rqmc(300, 9, Mode::Expected, None), None, &NoProgress).unwrap();
        let base = &out.scenarios[0];
        for sc in &out.scenarios[1..] {
            for (bb, sb) in base
                .samples
                .layout
                .blocks
                .iter()
                .zip(&sc.samples.layout.blocks)
            {
                let same_volume =
                    base.spec.quantities[base.spec.journeys[bb.journey].entrants[0].volume].dist
                        == sc.spec.quantities[sc.spec.journeys[sb.journey].entrants[0].volume].dist;
                if bb.journey != sb.journey || bb.population != sb.population || !same_volume {
                    continue;
                }
                for i in 0..300 {
                    assert_eq!(
                        base.samples.row(i)[bb.entrants()],
                        sc.samples.row(i)[sb.entrants()],
                        "{name}: scenario {} iteration {i}",
                        sc.id
                    );
                }
            }
        }
    }
}

#[test]
fn rqmc_and_mc_agree_on_every_fixtures_means() {
    // Both are unbiased: means differ by less than 4 combined standard errors (each run's
    // own: sd/√n for mc, the replicates' spread for rqmc).
    for (name, doc) in fixtures() {
        let v = valid(&doc);
        let a = run(
            &v,
            &rqmc(4_000, 1, Mode::Expected, None),
            Some(&[]),
            &NoProgress,
        )
        .unwrap();
        let mc = Settings {
            sampling: Sampling::Mc,
            ..rqmc(4_000, 2, Mode::Expected, None)
        };
        let b = run(&v, &mc, Some(&[]), &NoProgress).unwrap();
        for m in ["fraud_loss", "legit_success_rate", "support_contacts"] {
            let k = total_index(m).unwrap();
            let (Some(x), Some(y)) = (
                a.scenarios[0].total_summary(k),
                b.scenarios[0].total_summary(k),
            ) else {
                continue;
            };
            let se = (x.se.powi(2) + y.se.powi(2)).sqrt();
            assert!(
                (x.mean - y.mean).abs() <= 4.0 * se + 1e-12 * y.mean.abs(),
                "{name} {m}: rqmc {} ± {}, mc {} ± {}",
                x.mean,
                x.se,
                y.mean,
                y.se
            );
        }
    }
}

/// The share of `seeds` runs of `iterations` whose 95 % interval of `metric` (mean ±
/// z·se, z of the run's sampling) holds `truth`.
fn coverage(v: &Validation, sampling: Sampling, metric: &str, iterations: u64, truth: f64) -> f64 {
    const SEEDS: u64 = 300;
    let metric = total_index(metric).unwrap();
    let mut covered = 0;
    for seed in 0..SEEDS {
        let s = Settings {
            iterations,
            seed: 1_000 + seed,
            mode: Mode::Expected,
            sampling,
            threads: None,
        };
        let out = run(v, &s, Some(&[]), &NoProgress).unwrap();
        let sum = out.scenarios[0].total_summary(metric).unwrap();
        if (sum.mean - truth).abs() <= sampling.z95() * sum.se {
            covered += 1;
        }
    }
    f64::from(covered) / SEEDS as f64
}

/// An attack whose successes are volume × pass rate and whose fraud loss is that times
/// the loss per success: independent quantities, so the exact means are products of the
/// quantities' means, with no long run needed. The loss is a heavy-tailed lognormal (5th
/// to 95th percentile 50 to 5,000), the hard case for an interval.
fn attack_with_exact_means() -> (Validation, f64, f64) {
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
    (valid(&doc), successes, loss)
}

// 300 independent seeds per case: a true 95 % coverage lands within ±3 points with
// probability 0.98 (binomial sd 1.26 points). Seeded, so each figure is fixed.

#[test]
fn the_95_percent_interval_covers_the_exact_mean_95_percent_of_the_time() {
    let (v, successes, loss) = attack_with_exact_means();
    let mc_loss = coverage(&v, Sampling::Mc, "fraud_loss", 4_000, loss);
    let mc_count = coverage(&v, Sampling::Mc, "attack_success", 4_000, successes);
    let qmc_count = coverage(&v, Sampling::Rqmc, "attack_success", 4_000, successes);
    eprintln!("coverage: mc fraud loss {mc_loss:.3}, mc successes {mc_count:.3}, rqmc successes {qmc_count:.3}");
    for (what, c) in [
        ("mc fraud loss", mc_loss),
        ("mc successes", mc_count),
        ("rqmc successes", qmc_count),
    ] {
        assert!((0.92..=0.98).contains(&c), "{what}: coverage {c}");
    }
}

#[test]
fn consumer_sign_ins_fraud_loss_interval_covers_its_long_run_mean() {
    // The check on the headline metric itself: 300 independent seeds of 4,000
    // iterations each, mc and rqmc, against the mean of one long rqmc run (2²¹
    // iterations; its own standard error is asserted to be under 2 % of a short run's,
    // so treating it as exact moves the coverage by well under a point). Measured:
    // mc 0.943, rqmc 0.940. Measured outside the suite against another long run: 0.957 /
    // 0.943 at 16,000 iterations, and rqmc 0.930 at the ±1 % stopping point (about 50,000
    // iterations; bench/README).
    let v = fixture("consumer-sign-in.json");
    let metric = total_index("fraud_loss").unwrap();
    let long = run(
        &v,
        &rqmc(1 << 21, 77, Mode::Expected, None),
        Some(&[]),
        &NoProgress,
    )
    .unwrap();
    let truth = long.scenarios[0].total_summary(metric).unwrap();
    let short_se = run(
        &v,
        &rqmc(4_000, 1, Mode::Expected, None),
        Some(&[]),
        &NoProgress,
    )
    .unwrap()
    .scenarios[0]
        .total_summary(metric)
        .unwrap()
        .se;
    assert!(
        truth.se < 0.02 * short_se,
        "long run se {} vs {short_se}",
        truth.se
    );
    let mc = coverage(&v, Sampling::Mc, "fraud_loss", 4_000, truth.mean);
    let qmc = coverage(&v, Sampling::Rqmc, "fraud_loss", 4_000, truth.mean);
    eprintln!("consumer sign-in fraud loss coverage: mc {mc:.3}, rqmc {qmc:.3}");
    assert!((0.92..=0.98).contains(&mc), "mc coverage {mc}");
    assert!((0.92..=0.98).contains(&qmc), "rqmc coverage {qmc}");
}

#[test]
fn rqmc_intervals_run_narrow_on_a_heavy_tailed_loss() {
    // The known limit of rqmc, kept visible: its whole gain on a lognormal-driven loss
    // comes from stratifying the lognormal's tail, which leaves each replicate's mean
    // dominated by its one point in the top stratum — a skewed spread, so replicates
    // that miss a large loss give a low mean *and* a small standard error. Measured
    // coverage 0.89 (at 4,000 and at 32,000 iterations; 0.91–0.93 with 64–256
    // replicates, which cost most of the gain). This is why mc stays the default; if
    // this fails because the coverage reached 0.92, rqmc may become the default.
    let (v, _, loss) = attack_with_exact_means();
    let qmc_loss = coverage(&v, Sampling::Rqmc, "fraud_loss", 4_000, loss);
    eprintln!("coverage: rqmc fraud loss {qmc_loss:.3}");
    assert!(
        (0.85..0.92).contains(&qmc_loss),
        "rqmc fraud loss coverage {qmc_loss}"
    );
}

#[test]
fn rqmc_reaches_a_precision_with_fewer_iterations_than_mc() {
    // Consumer sign-in's fraud loss to ±2 %: rqmc needs fewer iterations (the evidence
    // behind offering it; bench/README has the figures per fixture and target).
    let v = fixture("consumer-sign-in.json");
    let targets = [PrecisionTarget {
        metric: "fraud_loss".into(),
        relative: 0.02,
    }];
    let used = |sampling| {
        let s = Settings {
            sampling,
            ..rqmc(1_000_000, 4, Mode::Expected, None)
        };
        let out = run_to_precision(&v, &s, Some(&[]), &targets, &NoProgress).unwrap();
        assert!(out.precision[0].met);
        out.settings.iterations
    };
    let (mc, qmc) = (used(Sampling::Mc), used(Sampling::Rqmc));
    assert!(qmc * 2 < mc, "rqmc {qmc} iterations, mc {mc}");
}

#[test]
fn every_quantile_function_agrees_with_statrs() {
    // The closed forms and the Beta tables against `Dist::quantile` (statrs' inverse
    // distribution functions) on a grid of probabilities away from the ends.
    let dists = [
        Dist::Uniform(2.0, 5.0),
        Dist::Triangular(0.1, 0.2, 0.9),
        Dist::Pert(0.5, 2.0, 8.0),
        Dist::Pert(0.9955, 0.9995, 1.0),
        Dist::Beta(550.5, 37_450.5),
        Dist::lognormal_from_percentiles(50.0, 5000.0),
    ];
    for d in dists {
        let inverse = d.inverse().expect("tabulated");
        let (lo, hi) = (d.quantile(0.001), d.quantile(0.999));
        for k in 1..1000 {
            let u = k as f64 / 1000.0;
            let (ours, theirs) = (inverse.at(u), d.quantile(u));
            assert!(
                (ours - theirs).abs() <= 1e-7 * (hi - lo),
                "{d:?} at {u}: {ours} vs statrs {theirs}"
            );
        }
    }
}
