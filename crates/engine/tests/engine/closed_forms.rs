//! Expected mode equals the closed forms of spec §5 to 1e-12 (relative to the volume).

use journeylab_engine::Mode;
use serde_json::json;

use crate::common::{cell, model, run_doc, settings};

const TOL: f64 = 1e-12 * 1000.0; // volumes are 1000 entrants

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= TOL,
        "{what}: engine {a} vs closed form {b}"
    );
}

#[test]
fn action_step() {
    let doc = model(
        "legitimate",
        json!([]),
        json!([{ "id": "form", "kind": "action", "seconds": 30, "abandon": 0.1, "next": "success" }]),
        json!({}),
    );
    let out = run_doc(&doc, &settings(1, 1, Mode::Expected));
    close(cell(&out, 0, "abandoned"), 100.0, "abandoned");
    close(cell(&out, 0, "success"), 900.0, "success");
    close(
        cell(&out, 0, "customer_seconds"),
        30_000.0,
        "customer seconds",
    );
    close(cell(&out, 0, "value"), 1800.0, "value = success × 2");
}

#[test]
fn control_step_rounds() {
    let (a, s, m) = (0.05_f64, 0.7_f64, 3);
    let controls = json!([{ "id": "otp", "name": "OTP", "factor": "possession", "pass": s, "abandon": a, "cost_per_attempt": 0.02, "seconds_per_attempt": 20 }]);
    let steps = json!([{ "id": "c", "kind": "control", "control": "otp", "max_attempts": m, "on": { "pass": "success" } }]);
    let out = run_doc(
        &model("legitimate", controls, steps, json!({})),
        &settings(1, 1, Mode::Expected),
    );
    let q = (1.0 - a) * (1.0 - s);
    let geo: f64 = (0..m).map(|k| q.powi(k)).sum();
    close(
        cell(&out, 0, "success"),
        1000.0 * (1.0 - a) * s * geo,
        "P(pass)",
    );
    close(cell(&out, 0, "abandoned"), 1000.0 * a * geo, "P(abandon)");
    close(cell(&out, 0, "blocked"), 1000.0 * q.powi(m), "P(fail)");
    close(cell(&out, 0, "attempts"), 1000.0 * geo, "E[attempts]");
    close(
        cell(&out, 0, "control_cost"),
        1000.0 * geo * 0.02,
        "control cost",
    );
    close(
        cell(&out, 0, "customer_seconds"),
        1000.0 * geo * 20.0,
        "seconds",
    );
}

#[test]
fn risk_gate_uses_the_score_cdf() {
    // Beta(2, 1) has F(x) = x², an independent closed form.
    let extra = json!({ "risk_signals": [{ "id": "r", "name": "Risk", "score": { "*": { "beta": [2, 1] } } }] });
    let steps = json!([
        { "id": "g", "kind": "risk_gate", "signal": "r", "allow_below": 0.3, "block_at_or_above": 0.8,
          "on": { "allow": "success", "challenge": "abandoned" } }
    ]);
    let out = run_doc(
        &model("attacker", json!([]), steps, extra),
        &settings(1, 1, Mode::Expected),
    );
    close(cell(&out, 0, "success"), 1000.0 * 0.09, "allow = F(0.3)");
    close(
        cell(&out, 0, "blocked"),
        1000.0 * (1.0 - 0.64),
        "block = 1 − F(0.8)",
    );
    close(
        cell(&out, 0, "abandoned"),
        1000.0 * (0.64 - 0.09),
        "challenge",
    );
    close(cell(&out, 0, "loss"), 3.0 * 90.0, "loss = success × 3");
}

#[test]
fn branch_shares_and_remainder() {
    let steps = json!([
        { "id": "b", "kind": "branch", "to": [ { "target": "success", "p": 0.3 }, { "target": "blocked", "p": 0.2 }, { "target": "abandoned" } ] }
    ]);
    let out = run_doc(
        &model("legitimate", json!([]), steps, json!({})),
        &settings(1, 1, Mode::Expected),
    );
    close(cell(&out, 0, "success"), 300.0, "p");
    close(cell(&out, 0, "blocked"), 200.0, "p");
    close(cell(&out, 0, "abandoned"), 500.0, "remainder");
}

#[test]
fn support_step() {
    let steps = json!([
        { "id": "desk", "kind": "support", "resolve": 0.6, "cost_per_contact": 8, "minutes_per_contact": 10, "on": { "resolved": "success" } }
    ]);
    let out = run_doc(
        &model("legitimate", json!([]), steps, json!({})),
        &settings(1, 1, Mode::Expected),
    );
    close(cell(&out, 0, "success"), 600.0, "resolved");
    close(
        cell(&out, 0, "abandoned"),
        400.0,
        "unresolved defaults to abandoned",
    );
    close(cell(&out, 0, "support_contacts"), 1000.0, "contacts");
    close(cell(&out, 0, "support_cost"), 8000.0, "cost");
    close(
        cell(&out, 0, "customer_seconds"),
        1000.0 * 600.0,
        "minutes × 60",
    );
}

#[test]
fn cycle_through_support_solves_the_chain() {
    // control (pass 0.5) → fail → desk (resolve 0.4) → back to control.
    // Visits to the control x = 1 + 0.5·0.4·x ⇒ x = 1.25.
    let controls = json!([{ "id": "pw", "name": "Password", "factor": "knowledge", "pass": 0.5 }]);
    let steps = json!([
        { "id": "c", "kind": "control", "control": "pw", "on": { "pass": "success", "fail": "desk" } },
        { "id": "desk", "kind": "support", "resolve": 0.4, "on": { "resolved": "c" } }
    ]);
    let out = run_doc(
        &model("legitimate", controls, steps, json!({})),
        &settings(1, 1, Mode::Expected),
    );
    close(cell(&out, 0, "attempts"), 1250.0, "attempts");
    close(cell(&out, 0, "success"), 625.0, "success");
    close(cell(&out, 0, "abandoned"), 375.0, "abandoned");
    close(cell(&out, 0, "support_contacts"), 625.0, "contacts");
}

#[test]
fn declared_outcome_replaces_the_implicit_one() {
    let steps = json!([
        { "id": "b", "kind": "branch", "to": [ { "target": "locked", "p": 0.25 }, { "target": "success" } ] },
        { "id": "locked", "kind": "outcome", "class": "blocked" },
        { "id": "success", "kind": "outcome", "class": "success", "name": "Signed in" }
    ]);
    let out = run_doc(
        &model("legitimate", json!([]), steps, json!({})),
        &settings(1, 1, Mode::Expected),
    );
    close(cell(&out, 0, "locked"), 250.0, "declared outcome");
    close(cell(&out, 0, "success"), 750.0, "replaced implicit success");
    assert_eq!(
        out.scenarios[0].spec.journeys[0].outcomes.len(),
        4,
        "success, abandoned, blocked, locked"
    );
}

/// A 550-step loop (solved by the sparse LU): n actions with abandonment a, then back to
/// the start with probability r. Success = (1−a)ⁿ(1−r) / (1 − (1−a)ⁿ·r) per entrant.
#[test]
fn a_long_loop_solves_to_its_closed_form() {
    let (n, a, r) = (550usize, 0.001, 0.4);
    let mut steps: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let next = if i + 1 < n {
                format!("s{}", i + 1)
            } else {
                "back".into()
            };
            json!({ "id": format!("s{i}"), "kind": "action", "abandon": a, "next": next })
        })
        .collect();
    steps.push(json!({ "id": "back", "kind": "branch", "to": [ { "target": "s0", "p": r }, { "target": "success" } ] }));
    let doc = model("legitimate", json!([]), json!(steps), json!({}));
    let out = run_doc(&doc, &settings(2, 1, Mode::Expected));
    let pass = (1.0_f64 - a).powi(n as i32);
    let expected = 1000.0 * pass * (1.0 - r) / (1.0 - pass * r);
    close(
        cell(&out, 0, "success"),
        expected,
        "success through a 550-step loop",
    );
}
