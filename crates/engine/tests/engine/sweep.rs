//! Threshold sweeps: monotone gate block rates, a sound Pareto front, common random
//! numbers across points.

use journeylab_engine::sweep::{dominates, parse_range, sweep};
use journeylab_engine::Mode;

use crate::common::{fixtures, settings};

fn consumer() -> serde_json::Value {
    fixtures()
        .into_iter()
        .find(|(n, _)| n == "consumer-sign-in.json")
        .unwrap()
        .1
}

#[test]
fn raising_block_threshold_never_raises_the_block_rate() {
    let doc = consumer();
    let blocks = parse_range("0.5:1.0:0.1").unwrap();
    let s = sweep(
        &doc,
        "login/risk",
        &[0.2, 0.4],
        &blocks,
        &settings(200, 3, Mode::Expected),
    )
    .unwrap();
    for allow in [0.2, 0.4] {
        let pts: Vec<_> = s.points.iter().filter(|p| p.allow_below == allow).collect();
        assert_eq!(pts.len(), blocks.len());
        for w in pts.windows(2) {
            assert!(
                w[1].attack_gate_block_rate <= w[0].attack_gate_block_rate + 1e-15,
                "attackers at allow {allow}"
            );
            assert!(
                w[1].legit_gate_block_rate <= w[0].legit_gate_block_rate + 1e-15,
                "customers at allow {allow}"
            );
        }
    }
}

#[test]
fn pareto_points_are_not_dominated_and_every_other_point_has_a_dominator() {
    let doc = consumer();
    let s = sweep(
        &doc,
        "login/risk",
        &parse_range("0.05:0.6:0.05").unwrap(),
        &parse_range("0.6:1.0:0.2").unwrap(),
        &settings(200, 5, Mode::Expected),
    )
    .unwrap();
    let xy = |p: &journeylab_engine::sweep::SweepPoint| (p.legit_friction, p.fraud_loss);
    assert!(s.points.iter().any(|p| p.pareto));
    for p in &s.points {
        let dominated = s.points.iter().any(|q| dominates(xy(q), xy(p)));
        assert_eq!(p.pareto, !dominated);
        if !p.pareto {
            assert!(
                s.points.iter().any(|q| q.pareto && dominates(xy(q), xy(p))),
                "a dominated point has a dominator on the front"
            );
        }
    }
    // Common random numbers: the entrant draws are the same at every point.
    let entrants: Vec<f64> = s
        .points
        .iter()
        .map(|p| p.totals["legit_entrants"])
        .collect();
    assert!(entrants.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn ranges_and_gates_are_checked() {
    assert_eq!(parse_range("0.1:0.3:0.1").unwrap(), vec![0.1, 0.2, 0.3]);
    assert!(parse_range("0.3:0.1:0.1").is_err());
    assert!(parse_range("0.1:0.3").is_err());
    let doc = consumer();
    assert!(
        sweep(
            &doc,
            "login/password",
            &[0.1],
            &[],
            &settings(10, 1, Mode::Expected)
        )
        .is_err(),
        "not a risk gate"
    );
    assert!(sweep(&doc, "nope", &[0.1], &[], &settings(10, 1, Mode::Expected)).is_err());
}

/// An expected-mode sweep draws the quantities once and evaluates every point on those
/// draws: each point must still be exactly the plain run of the model with the gate set
/// to that point's thresholds (same seed), on every fixture's risk gates, and a sampled
/// sweep (which runs each point) likewise.
#[test]
fn every_point_equals_a_plain_run_of_the_model_at_its_thresholds() {
    use journeylab_engine::metrics::summarize;
    use journeylab_engine::run::run;
    use journeylab_engine::vocab::TOTAL_METRICS;
    use journeylab_engine::NoProgress;
    let mut gates = 0;
    for (name, doc) in fixtures() {
        for j in doc["journeys"].as_array().unwrap() {
            for st in j["steps"].as_array().unwrap() {
                if st["kind"] != "risk_gate" {
                    continue;
                }
                gates += 1;
                let gate = format!(
                    "{}/{}",
                    j["id"].as_str().unwrap(),
                    st["id"].as_str().unwrap()
                );
                for mode in [Mode::Expected, Mode::Sampled] {
                    let set = settings(if mode == Mode::Expected { 120 } else { 20 }, 9, mode);
                    let s = sweep(&doc, &gate, &[0.0, 0.2, 0.6], &[0.6, 1.0], &set).unwrap();
                    assert_eq!(s.points.len(), 6, "{name} {gate}");
                    for p in &s.points {
                        let mut d = doc.clone();
                        d.as_object_mut().unwrap().remove("scenarios");
                        for jj in d["journeys"].as_array_mut().unwrap() {
                            if jj["id"] != j["id"] {
                                continue;
                            }
                            for ss in jj["steps"].as_array_mut().unwrap() {
                                if ss["id"] == st["id"] {
                                    ss["allow_below"] = p.allow_below.into();
                                    ss["block_at_or_above"] = p.block_at_or_above.into();
                                }
                            }
                        }
                        let v = journeylab_engine::validate(&d);
                        let out = run(&v, &set, None, &NoProgress).unwrap();
                        for (m, metric) in TOTAL_METRICS.iter().map(|d| d.id).enumerate() {
                            let plain = summarize(out.scenarios[0].totals[m].iter().copied())
                                .map(|x| x.mean);
                            let swept = p.totals.get(metric).copied();
                            assert_eq!(
                                swept, plain,
                                "{name} {gate} {mode:?} at {}/{}: {metric}",
                                p.allow_below, p.block_at_or_above
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(
        gates >= 5,
        "every fixture's risk gates were swept ({gates})"
    );
}
