//! One test per class of validation error: each mutates a valid base model and checks
//! that the error names the right place and says what is wrong.

use journeylab_engine::{parse_json, validate};

use crate::common::model;
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "format": "journeylab/1",
        "name": "Base",
        "sources": [{ "id": "src", "title": "A source" }],
        "owners": { "accountable": "CISO", "teams": [{ "id": "sec", "name": "Security", "decides": ["risk_thresholds", "controls"] }] },
        "populations": [
            { "id": "customers", "kind": "legitimate", "value_per_success": 1 },
            { "id": "bots", "kind": "attacker", "loss_per_success": { "lognormal": [50, 5000] } }
        ],
        "controls": [{ "id": "otp", "name": "OTP", "factor": "possession",
                       "pass": { "*legitimate": { "pert": [0.7, 0.85, 0.95], "source": "src" }, "*attacker": 0.05 } }],
        "risk_signals": [{ "id": "risk", "name": "Risk", "score": { "*legitimate": { "beta": [1, 9] }, "*attacker": { "beta": [5, 2] } } }],
        "journeys": [{
            "id": "login",
            "entrants": [ { "population": "customers", "volume": 1000 }, { "population": "bots", "volume": 100 } ],
            "entry": "form",
            "steps": [
                { "id": "form", "kind": "action", "abandon": 0.02, "next": "gate" },
                { "id": "gate", "kind": "risk_gate", "signal": "risk", "allow_below": 0.3, "block_at_or_above": 0.9,
                  "on": { "allow": "success", "challenge": "otp" } },
                { "id": "otp", "kind": "control", "control": "otp", "max_attempts": 2, "on": { "pass": "success", "fail": "split" } },
                { "id": "split", "kind": "branch", "to": [ { "target": "desk", "p": 0.3 }, { "target": "blocked" } ] },
                { "id": "desk", "kind": "support", "resolve": { "*legitimate": 0.8, "*attacker": 0.1 }, "on": { "resolved": "otp" } }
            ]
        }],
        "guardrails": [{ "id": "loss", "owner": "sec", "metric": "fraud_loss", "max": 10000 }],
        "scenarios": [{ "id": "tight", "name": "Tighter", "changes": [ { "path": "journeys/login/steps/gate/allow_below", "value": 0.2 } ] }]
    })
}

/// Applies `edit` to the base model and returns the error lines.
fn errors(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut doc = base();
    edit(&mut doc);
    validate(&doc).errors().map(ToString::to_string).collect()
}

fn expect_error(edit: impl FnOnce(&mut Value), path: &str, fragment: &str) {
    let errs = errors(edit);
    assert!(
        errs.iter()
            .any(|e| e.contains(path) && e.contains(fragment)),
        "expected an error at `{path}` mentioning `{fragment}`, got: {errs:#?}"
    );
}

fn step<'a>(doc: &'a mut Value, id: &str) -> &'a mut Value {
    doc["journeys"][0]["steps"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["id"] == id)
        .unwrap()
}

#[test]
fn base_model_is_valid() {
    let v = validate(&base());
    assert!(v.is_valid(), "{:#?}", v.issues);
    assert_eq!(v.scenarios.len(), 1);
    assert_eq!(
        v.scenarios[0].info.sign_off,
        vec!["sec".to_string()],
        "risk thresholds are decided by sec"
    );
}

#[test]
fn json_syntax_error_has_line_and_column() {
    let issue = parse_json("{\n  \"format\": \"journeylab/1\",\n  \"name\": oops\n}").unwrap_err();
    assert_eq!(issue.line, Some(3));
    assert!(issue.column.is_some());
    assert!(issue.to_string().contains("line 3"));
}

#[test]
fn wrong_format_tag() {
    expect_error(
        |d| d["format"] = json!("journeylab/2"),
        "format",
        "journeylab/1",
    );
}

#[test]
fn duplicate_id() {
    expect_error(
        |d| step(d, "desk")["id"] = json!("split"),
        "journeys[login].steps",
        "duplicate step id `split`",
    );
}

#[test]
fn malformed_id() {
    expect_error(
        |d| d["populations"][0]["id"] = json!("Customers!"),
        "populations",
        "malformed population id",
    );
}

#[test]
fn reserved_ids() {
    expect_error(
        |d| d["populations"][0]["id"] = json!("pert"),
        "populations[pert].id",
        "reserved",
    );
    expect_error(
        |d| step(d, "form")["id"] = json!("success"),
        "steps[success].id",
        "reserved",
    );
}

#[test]
fn dangling_target() {
    expect_error(
        |d| step(d, "otp")["on"]["pass"] = json!("nowhere"),
        "journeys[login].steps[otp].on.pass",
        "`nowhere` names no step",
    );
}

#[test]
fn unknown_control_signal_population() {
    expect_error(
        |d| step(d, "otp")["control"] = json!("sms"),
        "steps[otp].control",
        "unknown control `sms`",
    );
    expect_error(
        |d| step(d, "gate")["signal"] = json!("nope"),
        "steps[gate].signal",
        "unknown risk signal",
    );
    expect_error(
        |d| d["journeys"][0]["entrants"][0]["population"] = json!("ghosts"),
        "entrants[ghosts].population",
        "unknown population",
    );
    expect_error(
        |d| d["controls"][0]["pass"]["ghosts"] = json!(0.5),
        "controls[otp].pass.ghosts",
        "unknown population",
    );
}

#[test]
fn probability_outside_its_domain() {
    expect_error(
        |d| step(d, "form")["abandon"] = json!(1.5),
        "steps[form].abandon",
        "outside a probability",
    );
    expect_error(
        |d| step(d, "form")["abandon"] = json!({ "lognormal": [0.01, 0.1] }),
        "steps[form].abandon",
        "lognormal",
    );
    expect_error(
        |d| d["journeys"][0]["entrants"][0]["volume"] = json!({ "uniform": [-5, 10] }),
        "volume",
        "non-negative",
    );
}

#[test]
fn unordered_bounds() {
    expect_error(
        |d| d["controls"][0]["pass"]["*legitimate"] = json!({ "pert": [0.9, 0.8, 0.95] }),
        "pass.*legitimate.pert",
        "out of order",
    );
    expect_error(
        |d| d["populations"][1]["loss_per_success"] = json!({ "lognormal": [500, 50] }),
        "loss_per_success.lognormal",
        "p5 < p95",
    );
    expect_error(
        |d| d["controls"][0]["pass"]["*attacker"] = json!({ "beta": [0, 2] }),
        "pass.*attacker.beta",
        "positive",
    );
}

#[test]
fn unknown_distribution_and_bad_arity() {
    expect_error(
        |d| d["controls"][0]["pass"]["*attacker"] = json!({ "normal": [0.1, 0.01] }),
        "pass.*attacker",
        "unknown distribution",
    );
    expect_error(
        |d| d["controls"][0]["pass"]["*attacker"] = json!({ "pert": [0.1, 0.2] }),
        "pass.*attacker.pert",
        "takes 3",
    );
}

#[test]
fn unknown_source() {
    expect_error(
        |d| d["controls"][0]["pass"]["*legitimate"]["source"] = json!("nope"),
        "source",
        "unknown source `nope`",
    );
}

#[test]
fn branch_shares_over_one() {
    expect_error(
        |d| step(d, "split")["to"] = json!([ { "target": "desk", "p": { "uniform": [0.3, 0.7] } }, { "target": "abandoned", "p": 0.4 }, { "target": "blocked" } ]),
        "steps[split].to",
        "(> 1)",
    );
}

#[test]
fn branch_without_exactly_one_remainder() {
    expect_error(
        |d| {
            step(d, "split")["to"] =
                json!([ { "target": "desk", "p": 0.3 }, { "target": "blocked", "p": 0.7 } ])
        },
        "steps[split].to",
        "exactly one entry without `p`",
    );
    expect_error(
        |d| step(d, "split")["to"] = json!([ { "target": "desk" }, { "target": "blocked" } ]),
        "steps[split].to",
        "found 2",
    );
}

#[test]
fn thresholds_out_of_order() {
    expect_error(
        |d| step(d, "gate")["block_at_or_above"] = json!(0.2),
        "steps[gate].block_at_or_above",
        "out of order",
    );
    expect_error(
        |d| step(d, "gate")["allow_below"] = json!(1.2),
        "steps[gate].allow_below",
        "outside [0, 1]",
    );
}

#[test]
fn population_reaching_a_step_without_a_parameter() {
    expect_error(
        |d| {
            d["controls"][0]["pass"]
                .as_object_mut()
                .unwrap()
                .remove("*attacker")
                .map(|_| ())
                .unwrap_or(())
        },
        "controls[otp].pass",
        "population `bots` reaches",
    );
    expect_error(
        |d| step(d, "desk")["resolve"] = json!({ "customers": 0.8 }),
        "steps[desk].resolve",
        "`bots` can reach this step",
    );
    expect_error(
        |d| d["risk_signals"][0]["score"] = json!({ "*legitimate": { "beta": [1, 9] } }),
        "steps[gate]",
        "no score for it",
    );
}

#[test]
fn unreachable_step() {
    expect_error(
        |d| {
            d["journeys"][0]["steps"]
                .as_array_mut()
                .unwrap()
                .push(json!({ "id": "orphan", "kind": "action", "next": "success" }))
        },
        "steps[orphan]",
        "cannot be reached",
    );
}

#[test]
fn step_that_cannot_reach_an_outcome() {
    expect_error(
        |d| {
            let steps = d["journeys"][0]["steps"].as_array_mut().unwrap();
            steps.push(
                json!({ "id": "loop_a", "kind": "branch", "to": [ { "target": "loop_b" } ] }),
            );
            steps.push(
                json!({ "id": "loop_b", "kind": "branch", "to": [ { "target": "loop_a" } ] }),
            );
            step(d, "split")["to"] =
                json!([ { "target": "desk", "p": 0.3 }, { "target": "loop_a" } ]);
        },
        "steps[loop_a]",
        "cannot reach any outcome",
    );
}

#[test]
fn cycle_that_cannot_drain() {
    // The desk always "resolves" attackers back to the OTP, and the OTP can fail for
    // everyone back to the desk with no other way out.
    expect_error(
        |d| {
            step(d, "split")["to"] = json!([ { "target": "desk" } ]);
            step(d, "desk")["resolve"] = json!(1.0);
            d["controls"][0]["pass"]["*attacker"] = json!(0.0);
        },
        "steps[",
        "cannot drain for population `bots`",
    );
}

#[test]
fn scenario_path_that_names_nothing() {
    expect_error(
        |d| {
            d["scenarios"][0]["changes"][0]["path"] = json!("journeys/login/steps/nope/allow_below")
        },
        "scenarios[tight].changes[0].path",
        "names nothing",
    );
    expect_error(
        |d| {
            d["scenarios"][0]["changes"][0]["path"] =
                json!("journeys/login/steps/gate/allow_bellow")
        },
        "scenarios[tight].changes[0].path",
        "names nothing",
    );
}

#[test]
fn scenario_that_breaks_the_model() {
    expect_error(
        |d| d["scenarios"][0]["changes"][0]["value"] = json!(0.95),
        "scenarios[tight]",
        "out of order",
    );
}

#[test]
fn guardrail_problems() {
    expect_error(
        |d| d["guardrails"][0]["metric"] = json!("fraud_losses"),
        "guardrails[loss].metric",
        "unknown metric",
    );
    expect_error(
        |d| d["guardrails"][0]["owner"] = json!("cx"),
        "guardrails[loss].owner",
        "unknown team",
    );
    expect_error(
        |d| d["guardrails"][0]["min"] = json!(20000),
        "guardrails[loss]",
        "above max",
    );
}

#[test]
fn missing_required_keys_and_wrong_types() {
    expect_error(
        |d| {
            d.as_object_mut()
                .unwrap()
                .remove("populations")
                .map(|_| ())
                .unwrap_or(())
        },
        "",
        "missing required key `populations`",
    );
    expect_error(
        |d| d["journeys"] = json!({}),
        "journeys",
        "expected an array",
    );
    expect_error(
        |d| step(d, "form")["kind"] = json!("teleport"),
        "steps[form].kind",
        "unknown step `kind`",
    );
}

#[test]
fn reports_every_problem_not_just_the_first() {
    let errs = errors(|d| {
        d["format"] = json!("x");
        step(d, "otp")["on"]["pass"] = json!("nowhere");
        d["guardrails"][0]["metric"] = json!("zzz");
    });
    assert!(errs.len() >= 3, "{errs:#?}");
}

#[test]
fn scenario_changes_apply_to_per_population_entries() {
    let mut doc = base();
    doc["scenarios"][0]["changes"] = json!([
        { "path": "controls/otp/pass/*legitimate", "value": 0.99 },
        { "path": "journeys/login/steps/desk/resolve/bots", "value": 0.0 }
    ]);
    let v = validate(&doc);
    assert!(v.is_valid(), "{:#?}", v.issues);
}

#[test]
fn cycle_that_cannot_drain_inside_a_larger_loop() {
    // Structurally the OTP can pass (and leave), but attackers never pass it: for them
    // the loop OTP → split → desk → OTP has no way out, although the structural cycle
    // contains exits. The per-population graph of possible exits catches it.
    expect_error(
        |d| {
            d["controls"][0]["pass"]["*attacker"] = json!(0.0);
            step(d, "split")["to"] = json!([ { "target": "desk", "p": { "*legitimate": 0.3, "*attacker": 1.0 } }, { "target": "blocked" } ]);
            step(d, "desk")["resolve"] = json!({ "*legitimate": 0.8, "*attacker": 1.0 });
        },
        "steps[",
        "cannot drain for population `bots`",
    );
}

#[test]
fn optional_per_population_value_without_an_entry() {
    // `abandon` is optional, but once given as a map it must cover every population
    // that reaches the step (spec §2).
    expect_error(
        |d| step(d, "form")["abandon"] = json!({ "*legitimate": 0.02 }),
        "steps[form].abandon",
        "`bots` can reach this step",
    );
    expect_error(
        |d| d["controls"][0]["abandon"] = json!({ "customers": 0.01 }),
        "controls[otp].abandon",
        "`bots` reaches",
    );
}

#[test]
fn baseline_errors_are_not_repeated_per_scenario() {
    let errs = errors(|d| step(d, "gate")["block_at_or_above"] = json!(0.2));
    assert_eq!(
        errs.iter().filter(|e| e.contains("out of order")).count(),
        1,
        "{errs:#?}"
    );
}

#[test]
fn nested_loops_that_barely_drain() {
    // Each loop lets someone out (a1 abandons 10 %), so the per-step rule passes, but to
    // reach a1 an attacker must pass two gates whose allow share is ~4e-6 each, looping
    // back otherwise: ~1e10 visits per entrant. The solve at the means catches it.
    let doc = json!({
        "format": "journeylab/1", "name": "slow",
        "populations": [ { "id": "bots", "kind": "attacker" } ],
        "risk_signals": [ { "id": "r", "name": "R", "score": { "*": { "beta": [4, 2] } } } ],
        "journeys": [ { "id": "j", "entry": "g1",
            "entrants": [ { "population": "bots", "volume": 100 } ],
            "steps": [
                { "id": "g1", "kind": "risk_gate", "signal": "r", "allow_below": 0.03, "block_at_or_above": 0.5, "on": { "allow": "g2", "challenge": "g1", "block": "g1" } },
                { "id": "g2", "kind": "risk_gate", "signal": "r", "allow_below": 0.03, "block_at_or_above": 0.5, "on": { "allow": "a1", "challenge": "g1", "block": "g1" } },
                { "id": "a1", "kind": "action", "abandon": 0.1, "next": "g1" }
            ] } ]
    });
    let errs: Vec<String> = validate(&doc).errors().map(ToString::to_string).collect();
    assert!(
        errs.iter()
            .any(|e| e.contains("barely drain") && e.contains("`bots`")),
        "{errs:#?}"
    );
}

#[test]
fn extension_keys_are_ignored_everywhere() {
    let mut doc = base();
    doc["x-journeylab-layout"] = json!({ "nodes": { "otp": { "x": 10, "y": 20 } } });
    doc["controls"][0]["pass"]["*legitimate"]["x-note"] = json!("from the 2024 pilot");
    step(&mut doc, "form")["x-note"] = json!("kept");
    let v = validate(&doc);
    assert!(v.is_valid(), "{:#?}", v.issues);
    expect_error(
        |d| d["populations"][0]["id"] = json!("x-ray"),
        "populations[x-ray].id",
        "reserved",
    );
}

#[test]
fn dangling_branch_remainder_is_one_error() {
    let errs = errors(|d| {
        step(d, "split")["to"] = json!([ { "target": "desk", "p": 0.3 }, { "target": "nowhere" } ])
    });
    assert!(
        errs.iter().any(|e| e.contains("`nowhere` names no step")),
        "{errs:#?}"
    );
    assert!(
        !errs
            .iter()
            .any(|e| e.contains("exactly one entry without `p`")),
        "no follow-on error: {errs:#?}"
    );
}

/// Issue 17: counts and amounts are bounded (1e12) where validation can see them,
/// including an unbounded lognormal's far tail; what still overflows at run time is an
/// error naming the metric, never a `null` shown as "no entrants".
#[test]
fn huge_volumes_and_amounts_are_refused_with_the_limit() {
    let steps = json!([{ "id": "a", "kind": "action", "next": "success" }]);
    for (path, value) in [
        ("volume", json!(1e13)),
        ("volume", json!({ "lognormal": [1e10, 1e12] })),
        ("value", json!(1e300)),
    ] {
        let mut doc = model("legitimate", json!([]), steps.clone(), json!({}));
        match path {
            "volume" => doc["journeys"][0]["entrants"][0]["volume"] = value,
            _ => doc["populations"][0]["value_per_success"] = value,
        }
        let v = validate(&doc);
        let e = v
            .errors()
            .find(|i| i.message.contains("limit of 1e12"))
            .unwrap_or_else(|| panic!("{path}: no limit error in {:?}", v.issues));
        assert!(e.hint.as_deref().unwrap_or("").contains("trillion"));
    }
    let mut ok = model("legitimate", json!([]), steps, json!({}));
    ok["journeys"][0]["entrants"][0]["volume"] = json!({ "lognormal": [1e6, 1e9] });
    assert!(
        validate(&ok).is_valid(),
        "a wide but bounded-enough lognormal is fine"
    );
}
