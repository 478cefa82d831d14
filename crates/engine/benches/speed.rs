//! Time to a precise answer (issue 18), measured in one run and printed as a table:
//!
//! 1. ns per binomial draw: rand_distr's `Binomial` built per draw (what sampled mode
//!    did, BTPE / BINV with their set-up every time) against `sim::binomial`;
//! 2. µs per iteration of every fixture, sampled and expected, on one thread (the cost
//!    per core, less noisy on a shared machine than the parallel wall time): the baseline
//!    alone, and per model in a whole run of the baseline and its scenarios;
//! 3. iterations a stop on precision ran against the iterations its final standard
//!    error says were needed;
//! 4. sampled mode's cost in volume: consumer sign-in with every population's entrants
//!    fixed at 10 … 10⁹ per period, µs per iteration on one thread and the ratio to 10.
//!
//! With `--features draw-count` a table of sampled mode against its floor (real binomial
//! draws per iteration × the fastest exact sampler's ns, and the parameter draws alone
//! as a share of it) follows the draws' (with
//! `SPEED_DRAWS_ONLY=1`, those two alone; the counter slows every figure a little).
//!
//! Run: `cargo bench -p journeylab-engine --bench speed` (release mode;
//! `SPEED_DRAWS_ONLY=1` for the first table alone, `SPEED_FIXTURES_ONLY=1` for the first
//! two, `SPEED_VOLUME_ONLY=1` for the first and the last). Each figure is
//! the best of a few repetitions: the machine is shared, and the minimum is the least
//! disturbed.

use std::hint::black_box;
use std::time::Instant;

use journeylab_engine::rng::{key_hash, stream};
use journeylab_engine::run::{run, run_to_precision, PrecisionTarget};
use journeylab_engine::sim::binomial::{binomial, BERNOULLI_MAX_N};
use journeylab_engine::{simulate, validate, Mode, NoProgress, Settings, Spec, Validation};
use rand::Rng;
use rand_distr::{Binomial, Distribution};

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

/// Best of `reps` timings of `f`, in seconds.
fn best(reps: usize, mut f: impl FnMut()) -> f64 {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Prints the draw table; returns the fastest exact sampler's ns per draw (BTRS or
/// inversion: the Bernoulli sum serves only n ≤ 16).
fn draws() -> f64 {
    const DRAWS: usize = 1_000_000;
    // Counts and probabilities of the kind a journey splits: a few users, a control's
    // pass, rare abandonment of many users, large volumes.
    let cases: [(u64, f64); 7] = [
        (12, 0.3),
        (200, 0.02),
        (5_000, 0.001),
        (40, 0.5),
        (1_000, 0.3),
        (50_000, 0.05),
        (1_000_000, 0.9),
    ];
    let mut fastest = f64::INFINITY;
    println!("\n## ns per binomial draw ({DRAWS} draws, best of 5)\n");
    println!("| n | p | n·min(p,q) | old (rand_distr per draw) | new (sim::binomial) | speed-up |");
    println!("|---|---|---|---|---|---|");
    for (n, p) in cases {
        let time = |f: fn(&mut journeylab_engine::rng::StreamRng, u64, f64) -> u64| {
            best(5, || {
                let mut rng = stream(1, 0, key_hash("bench"));
                let mut sum = 0u64;
                for _ in 0..DRAWS {
                    sum = sum.wrapping_add(f(&mut rng, black_box(n), black_box(p)));
                }
                black_box(sum);
            }) * 1e9
                / DRAWS as f64
        };
        let (old, new) = (time(old_binomial), time(binomial));
        if n > BERNOULLI_MAX_N {
            fastest = fastest.min(new);
        }
        println!(
            "| {n} | {p} | {:.1} | {old:.1} | {new:.1} | {:.2}× |",
            n as f64 * p.min(1.0 - p),
            old / new
        );
    }
    fastest
}

fn fixtures() -> Vec<(String, Validation)> {
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
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).expect("read")).expect("json");
            let name = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, validate(&doc))
        })
        .collect()
}

/// Plain Monte Carlo on one thread, seed 1.
fn one_thread(mode: Mode, iterations: u64) -> Settings {
    Settings {
        iterations,
        seed: 1,
        mode,
        sampling: journeylab_engine::Sampling::Mc,
        threads: Some(1),
    }
}

fn per_iteration(spec: &Spec, mode: Mode, iterations: u64) -> f64 {
    let settings = one_thread(mode, iterations);
    best(3, || {
        black_box(simulate(spec, &settings, &NoProgress).expect("simulate"));
    }) * 1e6
        / iterations as f64
}

/// µs per model-iteration of a whole run (the baseline and every scenario, simulated
/// together with their quantities drawn once per iteration, summaries included).
fn per_model_iteration(v: &Validation, mode: Mode, iterations: u64) -> f64 {
    let settings = one_thread(mode, iterations);
    let models = 1 + v.scenarios.len() as u64;
    best(3, || {
        black_box(run(v, &settings, None, &NoProgress).expect("run"));
    }) * 1e6
        / (iterations * models) as f64
}

fn iterations(fixtures: &[(String, Validation)]) {
    println!("\n## µs per iteration, one thread (best of 3)\n");
    println!("Baseline alone, and per model in a whole run (baseline and scenarios together, summaries included).\n");
    println!("| fixture | models | sampled, baseline (20,000 it.) | sampled, whole run | expected, baseline (2,000 it.) | expected, whole run |");
    println!("|---|---|---|---|---|---|");
    for (name, v) in fixtures {
        let spec = v.spec.as_ref().expect("valid fixture");
        println!(
            "| {name} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            1 + v.scenarios.len(),
            per_iteration(spec, Mode::Sampled, 20_000),
            per_model_iteration(v, Mode::Sampled, 20_000),
            per_iteration(spec, Mode::Expected, 2_000),
            per_model_iteration(v, Mode::Expected, 2_000),
        );
    }
}

fn precision(fixtures: &[(String, Validation)]) {
    println!("\n## Stop on precision: iterations run vs needed\n");
    println!("Needed = iterations run × (achieved / target)², the count at which the final");
    println!("standard error would just meet the target.\n");
    println!("| fixture | mode | target | run | needed | run / needed |");
    println!("|---|---|---|---|---|---|");
    for (fixture, mode, metric, relative) in [
        (
            "consumer-sign-in",
            Mode::Expected,
            "legit_success_rate",
            0.002,
        ),
        (
            "consumer-sign-in",
            Mode::Sampled,
            "legit_success_rate",
            0.002,
        ),
        ("account-recovery", Mode::Expected, "fraud_loss", 0.01),
    ] {
        let Some((_, v)) = fixtures.iter().find(|(n, _)| n == fixture) else {
            continue;
        };
        let targets = [PrecisionTarget {
            metric: metric.into(),
            relative,
        }];
        let settings = Settings {
            iterations: 2_000_000,
            seed: 4,
            mode,
            sampling: journeylab_engine::Sampling::Mc,
            threads: None,
        };
        let out =
            run_to_precision(v, &settings, None, &targets, &NoProgress).expect("run to precision");
        let run = out.settings.iterations as f64;
        let achieved = out.precision[0].achieved.unwrap_or(f64::NAN);
        let needed = run * (achieved / relative).powi(2);
        println!(
            "| {fixture} | {} | {metric} ±{}% | {run} | {needed:.0} | {:.2} |",
            mode.as_str(),
            relative * 100.0,
            run / needed
        );
    }
}

/// `doc` with every entrant volume of every journey fixed at `volume`.
fn with_volume(doc: &serde_json::Value, volume: f64) -> serde_json::Value {
    let mut doc = doc.clone();
    if let Some(journeys) = doc["journeys"].as_array_mut() {
        for j in journeys {
            if let Some(entrants) = j["entrants"].as_array_mut() {
                for e in entrants {
                    e["volume"] = serde_json::json!(volume);
                }
            }
        }
    }
    doc
}

fn volume() {
    println!("\n## Sampled mode in volume: consumer sign-in, every population's entrants fixed\n");
    println!("| entrants per population | µs per iteration | vs 10 entrants |");
    println!("|---|---|---|");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/consumer-sign-in.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    let mut at_ten = None;
    for exponent in [1, 3, 5, 7, 9] {
        let v = validate(&with_volume(&doc, 10f64.powi(exponent)));
        let spec = v.spec.as_ref().expect("valid with a fixed volume");
        let us = per_iteration(spec, Mode::Sampled, 10_000);
        let base = *at_ten.get_or_insert(us);
        println!("| 10^{exponent} | {us:.2} | {:.2}× |", us / base);
    }
}

/// Sampled mode against its floor: the real binomial draws per iteration (counted with the
/// `draw-count` feature) times the fastest exact sampler's cost, next to the µs per
/// iteration (of this build: the count adds about a nanosecond per call).
#[cfg(feature = "draw-count")]
fn floor(fixtures: &[(String, Validation)], fastest_ns: f64) {
    use journeylab_engine::sim::binomial::count;
    println!("\n## Sampled mode against its floor, baseline (20,000 it.)\n");
    println!("Fastest exact sampler: {fastest_ns:.1} ns per draw (this build, counter included: about 3 ns more than without it, the table above shows).\n");
    println!("The parameter draws (every quantity of the baseline, one thread, as a run draws them) are timed alone: they are part of the iteration that the floor leaves no room for, so their share of the floor bounds what any flow could reach.\n");
    println!("| fixture | calls per it. | real draws per it. | floor µs | parameter draws µs | ÷ floor | µs per it. | × floor |");
    println!("|---|---|---|---|---|---|---|---|");
    let counts = || -> (u64, u64) {
        rayon::broadcast(|_| count::read())
            .into_iter()
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
    };
    for (name, v) in fixtures {
        let spec = v.spec.as_ref().expect("valid fixture");
        let settings = Settings {
            threads: None, // the global pool, whose threads' counts `broadcast` reads
            ..one_thread(Mode::Sampled, 20_000)
        };
        let before = counts();
        simulate(spec, &settings, &NoProgress).expect("simulate");
        let after = counts();
        let per = |x: u64| x as f64 / 20_000.0;
        let (calls, real) = (per(after.0 - before.0), per(after.1 - before.1));
        let floor = real * fastest_ns / 1e3;
        let params = parameter_draws_per_iteration(spec, 20_000);
        let us = per_iteration(spec, Mode::Sampled, 20_000);
        println!(
            "| {name} | {calls:.1} | {real:.1} | {floor:.2} | {params:.2} | {:.2} | {us:.2} | {:.1}× |",
            params / floor,
            us / floor
        );
    }
}

/// µs per iteration of the baseline's parameter draws alone (plain Monte Carlo, one
/// thread): `draw_quantities` draws exactly what a run draws, into one row per iteration.
#[cfg(feature = "draw-count")]
fn parameter_draws_per_iteration(spec: &Spec, iterations: usize) -> f64 {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    pool.install(|| {
        best(3, || {
            black_box(journeylab_engine::sim::draw_quantities(spec, 1, iterations));
        })
    }) * 1e6
        / iterations as f64
}

fn main() {
    // `cargo bench` passes `--bench`; there is nothing to filter.
    let fastest_ns = draws();
    #[cfg(feature = "draw-count")]
    floor(&fixtures(), fastest_ns);
    #[cfg(not(feature = "draw-count"))]
    let _ = fastest_ns;
    timings();
}

/// Every table after the draws' (and the floor's), as the environment variables choose.
fn timings() {
    if std::env::var_os("SPEED_DRAWS_ONLY").is_some() {
        return;
    }
    if std::env::var_os("SPEED_VOLUME_ONLY").is_none() {
        let fixtures = fixtures();
        iterations(&fixtures);
        if std::env::var_os("SPEED_FIXTURES_ONLY").is_some() {
            return;
        }
        precision(&fixtures);
    }
    volume();
}
