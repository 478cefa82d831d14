//! Per-exit flows for the canvas: consistent with the outcomes and the closed forms.

use journeylab_engine::flows::population_flows;
use journeylab_engine::sim::{Dimensions, Sampling};
use serde_json::json;

use crate::common::{fixtures, model, valid};

#[test]
fn exit_shares_match_the_closed_forms() {
    let (a, s) = (0.05_f64, 0.7_f64);
    let controls =
        json!([{ "id": "otp", "name": "OTP", "factor": "possession", "pass": s, "abandon": a }]);
    let steps = json!([{ "id": "c", "kind": "control", "control": "otp", "max_attempts": 2, "on": { "pass": "success" } }]);
    let spec = valid(&model("legitimate", controls, steps, json!({})))
        .spec
        .unwrap();
    let f = population_flows(&spec, "j", "p", 1, 10, Sampling::Mc, &Dimensions::default())
        .unwrap()
        .unwrap();
    let q = (1.0 - a) * (1.0 - s);
    let share = |exit: &str| f.edges.iter().find(|e| e.exit == exit).unwrap().share;
    assert!((share("pass") - (1.0 - a) * s * (1.0 + q)).abs() < 1e-12);
    assert!((share("fail") - q * q).abs() < 1e-12);
    assert!((share("abandon") - a * (1.0 + q)).abs() < 1e-12);
    assert_eq!(f.entrants, 1000.0);
}

#[test]
fn edges_into_outcomes_add_up_to_the_outcome_shares_on_every_fixture() {
    for (name, doc) in fixtures() {
        let spec = valid(&doc).spec.unwrap();
        for j in &spec.journeys {
            for e in &j.entrants {
                let pop = &spec.populations[e.population].id;
                let f = population_flows(
                    &spec,
                    &j.id,
                    pop,
                    3,
                    50,
                    Sampling::Mc,
                    &Dimensions::default(),
                )
                .unwrap()
                .unwrap();
                let total: f64 = f.outcomes.iter().map(|o| o.2).sum();
                assert!(
                    (total - 1.0).abs() < 1e-9,
                    "{name}/{pop}: outcome shares sum to {total}"
                );
                for (id, _, share) in &f.outcomes {
                    let into: f64 = f
                        .edges
                        .iter()
                        .filter(|e| &e.target == id)
                        .map(|e| e.share)
                        .sum();
                    assert!(
                        (into - share).abs() < 1e-9,
                        "{name}/{pop}/{id}: edges {into} vs outcome {share}"
                    );
                }
            }
        }
    }
}
