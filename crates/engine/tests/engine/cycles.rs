//! Cycles through a hub. Sampled mode (`sim/sampled.rs`): the collapsed drain — returns
//! to the hub as one negative binomial, the laps' paths from the chain conditioned on
//! returning or leaving — has the same distribution as playing the cycle sweep by sweep.
//! Expected mode (`sim/expected.rs`): two passes give what the LU solve gives.

use journeylab_engine::sim::Samples;
use journeylab_engine::{simulate, Mode, NoProgress, Spec};
use serde_json::{json, Value};
use statrs::distribution::{ChiSquared, ContinuousCDF};

use crate::common::{fixtures, settings, valid};

/// A sign-in loop: entrants start at a reset page (inside the loop, not at its hub), the
/// hub is the sign-in control; failing it leads to a help page that sends half back and
/// half to a support desk, whose resolved users go back through the reset page.
pub fn loop_model(volume: f64) -> Value {
    json!({
        "format": "journeylab/1", "name": "loop",
        "populations": [{ "id": "p", "kind": "legitimate" }],
        "controls": [{ "id": "pw", "name": "Password", "factor": "knowledge", "pass": 0.55, "abandon": 0.05 }],
        "journeys": [{
            "id": "j", "entry": "reset",
            "entrants": [{ "population": "p", "volume": volume }],
            "steps": [
                { "id": "login", "kind": "control", "control": "pw", "max_attempts": 2,
                  "on": { "pass": "success", "fail": "help" } },
                { "id": "help", "kind": "branch",
                  "to": [{ "target": "login", "p": 0.5 }, { "target": "desk" }] },
                { "id": "desk", "kind": "support", "resolve": 0.7,
                  "on": { "resolved": "reset", "unresolved": "blocked" } },
                { "id": "reset", "kind": "action", "abandon": 0.1, "next": "login" }
            ]
        }]
    })
}

/// A loop with a self-loop at its hub (a failed check retried from the same step), three
/// ways out of a branch, abandonment that leads back in, and entry at the hub's only
/// predecessor outside the self-loop.
fn self_loop_model(volume: f64) -> Value {
    json!({
        "format": "journeylab/1", "name": "self loop",
        "populations": [{ "id": "p", "kind": "attacker", "loss_per_success": 1.0 }],
        "controls": [{ "id": "c", "name": "Code", "factor": "possession", "pass": 0.35, "abandon": 0.15 }],
        "journeys": [{
            "id": "j", "entry": "help",
            "entrants": [{ "population": "p", "volume": volume }],
            "steps": [
                { "id": "verify", "kind": "control", "control": "c", "max_attempts": 3,
                  "on": { "pass": "success", "fail": "verify", "abandon": "route" } },
                { "id": "route", "kind": "branch",
                  "to": [{ "target": "help", "p": 0.5 }, { "target": "verify", "p": 0.2 }, { "target": "blocked" }] },
                { "id": "help", "kind": "action", "abandon": 0.2, "next": "verify" }
            ]
        }]
    })
}

const STATS: [&str; 5] = [
    "success",
    "abandoned",
    "blocked",
    "attempts",
    "support_contacts",
];

/// Per iteration, each of [`STATS`] of the only block.
fn stats(samples: &Samples) -> Vec<Vec<f64>> {
    let b = &samples.layout.blocks[0];
    STATS
        .iter()
        .map(|name| {
            // The implicit outcomes come first: success, abandoned, blocked.
            let c = match *name {
                "success" => b.outcome(0),
                "abandoned" => b.outcome(1),
                "blocked" => b.outcome(2),
                field => b.named(field).expect("column"),
            };
            (0..samples.iterations).map(|i| samples.row(i)[c]).collect()
        })
        .collect()
}

/// Two-sample χ² statistic of equal-size samples of counts, and its degrees of freedom:
/// bins are values, merged from the top down until each holds at least 10 of the two.
fn chi_square(a: &[f64], b: &[f64]) -> (f64, usize) {
    let top = a.iter().chain(b).fold(0.0f64, |m, x| m.max(*x)) as usize;
    let mut ha = vec![0.0; top + 1];
    let mut hb = vec![0.0; top + 1];
    for &x in a {
        ha[x as usize] += 1.0;
    }
    for &x in b {
        hb[x as usize] += 1.0;
    }
    let (mut stat, mut bins, mut acc) = (0.0, 0, (0.0f64, 0.0f64));
    for v in (0..=top).rev() {
        acc = (acc.0 + ha[v], acc.1 + hb[v]);
        if acc.0 + acc.1 >= 10.0 || v == 0 {
            stat += (acc.0 - acc.1) * (acc.0 - acc.1) / (acc.0 + acc.1).max(1.0);
            bins += 1;
            acc = (0.0, 0.0);
        }
    }
    (stat, bins.max(2) - 1)
}

fn swept(spec: &Spec) -> Spec {
    let mut spec = spec.clone();
    for j in &mut spec.journeys {
        for c in &mut j.components {
            c.hub = None;
        }
    }
    spec
}

#[test]
fn the_loop_has_its_sign_in_as_hub() {
    let v = valid(&loop_model(4.0));
    let j = &v.spec.as_ref().unwrap().journeys[0];
    let login = j.steps.iter().position(|s| s.id == "login").unwrap();
    let hubs: Vec<usize> = j
        .components
        .iter()
        .filter_map(|c| c.hub.as_ref())
        .map(|h| h.step)
        .collect();
    assert_eq!(hubs, vec![login]);
}

#[test]
fn collapsed_cycles_have_the_distribution_of_sweeps() {
    // 100,000 iterations of each, different seeds (independent samples), 4 entrants on
    // average: every count's histogram agrees by a two-sample χ² test at the 0.1 % level
    // (seeded, so the figures are fixed; printed).
    for (model, doc) in [
        ("loop", loop_model(4.0)),
        ("self loop", self_loop_model(4.0)),
    ] {
        let v = valid(&doc);
        let spec = v.spec.as_ref().unwrap();
        assert!(
            spec.journeys[0].components.iter().any(|c| c.hub.is_some()),
            "{model}"
        );
        let n = 100_000;
        let collapsed = simulate(spec, &settings(n, 11, Mode::Sampled), &NoProgress).unwrap();
        let sweeps = simulate(&swept(spec), &settings(n, 12, Mode::Sampled), &NoProgress).unwrap();
        for ((name, a), b) in STATS.iter().zip(stats(&collapsed)).zip(stats(&sweeps)) {
            let (stat, df) = chi_square(&a, &b);
            let critical = ChiSquared::new(df as f64).unwrap().inverse_cdf(0.999);
            eprintln!("{model} {name}: χ² {stat:.1} on {df} df (critical {critical:.1})");
            assert!(
                stat < critical,
                "{model} {name}: χ² {stat} on {df} df ≥ {critical}"
            );
        }
    }
}

#[test]
fn collapsed_cycles_keep_expected_modes_means_at_any_volume() {
    // Expected mode's values are exact means; sampled means lie within 4 standard errors
    // (sd/√n of the iterations) from 4 to 10⁹ entrants.
    for (volume, doc) in [4.0, 1e3, 1e6, 1e9]
        .into_iter()
        .flat_map(|v| [(v, loop_model(v)), (v, self_loop_model(v))])
    {
        let v = valid(&doc);
        let spec = v.spec.as_ref().unwrap();
        let exact = simulate(spec, &settings(1, 1, Mode::Expected), &NoProgress).unwrap();
        let sampled = simulate(spec, &settings(20_000, 5, Mode::Sampled), &NoProgress).unwrap();
        for ((name, xs), truth) in STATS.iter().zip(stats(&sampled)).zip(stats(&exact)) {
            let n = xs.len() as f64;
            let mean = xs.iter().sum::<f64>() / n;
            let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
            let se = sd / n.sqrt();
            assert!(
                (mean - truth[0]).abs() <= 4.0 * se + 1e-9 * truth[0].abs(),
                "volume {volume} {name}: sampled {mean} ± {se}, exact {}",
                truth[0]
            );
        }
    }
}

#[test]
fn expected_modes_hub_passes_equal_the_lu_solve() {
    // A group with a hub is solved by two passes instead of an LU: the same numbers to
    // rounding (1e-12 relative), on every fixture and on the loop above.
    let mut docs: Vec<(String, Value)> = fixtures();
    docs.push(("loop".into(), loop_model(1000.0)));
    docs.push(("self loop".into(), self_loop_model(1000.0)));
    let mut hubs = 0;
    for (name, doc) in docs {
        let v = valid(&doc);
        let spec = v.spec.as_ref().unwrap();
        hubs += spec
            .journeys
            .iter()
            .flat_map(|j| &j.components)
            .filter(|c| c.hub.is_some())
            .count();
        let s = settings(200, 3, Mode::Expected);
        let passes = simulate(spec, &s, &NoProgress).unwrap();
        let solved = simulate(&swept(spec), &s, &NoProgress).unwrap();
        for (i, (a, b)) in passes.data.iter().zip(&solved.data).enumerate() {
            assert!(
                (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0),
                "{name}: value {i}: passes {a}, LU {b}"
            );
        }
    }
    assert!(
        hubs >= 3,
        "the fixtures' loops and the test loop have hubs ({hubs})"
    );
}
