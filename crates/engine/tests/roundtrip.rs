#![allow(clippy::unwrap_used)]
//! Serde model types (`journeylab_engine::model`): every fixture and every unknown key
//! survives a load/save round trip, numbers stay exactly as written, absent keys stay
//! absent, and the validator ignores extension keys such as the editor's layout.

use journeylab_engine::model::{
    Distribution, Model, PerPopulation, PopulationKind, Quantity, Step,
};
use journeylab_engine::validate;
use serde_json::{json, Value};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

/// (file name, text) of every `fixtures/*.json`, sorted.
fn fixtures() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 5,
        "expected the five fixtures, found {}",
        out.len()
    );
    out
}

fn fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Value → Model → Value, asserting the value comes back equal (numbers exactly: an
/// integer stays an integer, a float a float). Returns the model.
fn round_trip(v: &Value) -> Model {
    let model = Model::from_value(v.clone()).unwrap_or_else(|e| panic!("load: {e}"));
    let back = model.to_value();
    if &back != v {
        panic!(
            "round trip changed the model:\n{}",
            first_difference(v, &back, "$")
        );
    }
    model
}

/// The first place where two values differ (for readable failures).
fn first_difference(a: &Value, b: &Value, path: &str) -> String {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                match y.get(k) {
                    None => return format!("{path}.{k}: missing after the round trip"),
                    Some(vb) if va != vb => {
                        return first_difference(va, vb, &format!("{path}.{k}"))
                    }
                    _ => {}
                }
            }
            match y.keys().find(|k| !x.contains_key(*k)) {
                Some(k) => format!("{path}.{k}: added by the round trip"),
                None => format!("{path}: equal"),
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find(|(_, (va, vb))| va != vb)
            .map(|(i, (va, vb))| first_difference(va, vb, &format!("{path}[{i}]")))
            .unwrap_or_else(|| format!("{path}: equal")),
        _ => format!("{path}: {a} became {b}"),
    }
}

/// Every number in a value with its path, for the exactness check.
fn numbers(v: &Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::Number(n) => out.push((path, n.to_string())),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| numbers(x, format!("{path}[{i}]"), out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| numbers(x, format!("{path}.{k}"), out)),
        _ => {}
    }
}

fn errors(doc: &Value) -> Vec<String> {
    validate(doc).errors().map(ToString::to_string).collect()
}

fn issues(doc: &Value) -> Vec<String> {
    validate(doc)
        .issues
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn every_fixture_round_trips_to_the_same_value() {
    for (name, text) in fixtures() {
        let original: Value = serde_json::from_str(&text).unwrap();
        let model = Model::from_json_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let back = model.to_value();
        assert!(
            back == original,
            "{name}: {}",
            first_difference(&original, &back, "$")
        );
        // Numbers exactly as written: `1000` stays `1000`, `5.0` stays `5.0`.
        let (mut want, mut got) = (Vec::new(), Vec::new());
        numbers(&original, String::new(), &mut want);
        numbers(&back, String::new(), &mut got);
        want.sort();
        got.sort();
        assert_eq!(want, got, "{name}: numbers changed");
        assert_eq!(round_trip(&original), model, "{name}");
    }
}

#[test]
fn saving_an_unchanged_fixture_reproduces_its_text() {
    for (name, text) in fixtures() {
        let written = Model::from_json_str(&text).unwrap().to_json_pretty();
        if written != text {
            let line = written
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .map_or(written.lines().count().min(text.lines().count()), |i| i);
            panic!(
                "{name}: saved text differs from line {}:\n  file: {:?}\n  saved: {:?}",
                line + 1,
                text.lines().nth(line),
                written.lines().nth(line)
            );
        }
    }
}

#[test]
fn model_to_json_to_model_is_the_same_model() {
    for (name, text) in fixtures() {
        let model = Model::from_json_str(&text).unwrap();
        let written = model.to_json_pretty();
        assert!(written.ends_with("}\n"), "{name}: trailing newline");
        assert!(written.starts_with("{\n  \"format\": \"journeylab/1\",\n  \"name\": "));
        let again = Model::from_json_str(&written).unwrap();
        assert_eq!(again, model, "{name}");
        assert_eq!(
            again.to_json_pretty(),
            written,
            "{name}: saving a saved file changes nothing"
        );
        // The saved text reads back as the original document.
        assert_eq!(
            serde_json::from_str::<Value>(&written).unwrap(),
            serde_json::from_str::<Value>(&text).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn fixtures_parse_into_the_expected_types() {
    let model = Model::from_value(fixture("account-recovery.json")).unwrap();
    assert_eq!(model.populations[1].kind, PopulationKind::Attacker);
    let steps = &model.journeys[0].steps;
    let kinds: Vec<&str> = steps.iter().map(Step::kind).collect();
    for kind in [
        "action",
        "control",
        "risk_gate",
        "branch",
        "support",
        "outcome",
    ] {
        assert!(kinds.contains(&kind), "fixture has a {kind} step");
    }
    let Step::Control(email) = &steps[2] else {
        panic!("email_link is a control step")
    };
    assert_eq!(
        (email.id.as_str(), email.max_attempts),
        ("email_link", Some(2))
    );
    assert_eq!(email.on.fail.as_deref(), Some("sim_check"));
    // `"lognormal": [1000, 100000]` keeps integers.
    let loss = model.populations[1].loss_per_success.as_ref().unwrap();
    assert_eq!(
        loss.distribution(),
        Some(&Distribution::Lognormal([1000.into(), 100000.into()]))
    );
    assert_eq!(loss.source(), Some("fbi_ic3_2022"));
    // A control's `abandon` map: a Quantity object under `*legitimate`, a plain 0 under `*`.
    let abandon = model.controls.as_ref().unwrap()[0]
        .abandon
        .as_ref()
        .unwrap();
    let PerPopulation::Each(entries) = abandon else {
        panic!("abandon is a per-population map")
    };
    assert_eq!(entries.len(), 2);
    assert_eq!(abandon.get("*"), Some(&Quantity::Number(0.into())));
    assert_eq!(
        abandon.resolve("sim_swappers", PopulationKind::Attacker),
        Some(&Quantity::Number(0.into()))
    );
    assert_eq!(
        abandon.resolve("customers", PopulationKind::Legitimate),
        abandon.get("*legitimate")
    );
    // Scenario change values stay raw JSON (a whole replacement step).
    let change = &model.scenarios.as_ref().unwrap()[0].changes[0];
    assert_eq!(change.value["kind"], "action");
}

/// Adds `"x-test": <marker>` to every object the format defines, except Quantity
/// objects (see `quantity_objects_keep_unknown_keys`).
fn add_unknown_keys(doc: &mut Value) {
    fn mark(v: &mut Value, at: &str) {
        v.as_object_mut()
            .unwrap()
            .insert("x-test".into(), json!({ "at": at, "n": [1, 2.5] }));
    }
    fn each(v: &mut Value, key: &str, at: &str) {
        if let Some(list) = v.get_mut(key).and_then(Value::as_array_mut) {
            for x in list {
                mark(x, at);
            }
        }
    }
    mark(doc, "top");
    each(doc, "populations", "population");
    each(doc, "controls", "control");
    each(doc, "risk_signals", "risk_signal");
    each(doc, "guardrails", "guardrail");
    each(doc, "sources", "source");
    each(doc, "scenarios", "scenario");
    for s in doc["scenarios"].as_array_mut().unwrap() {
        each(s, "changes", "change");
    }
    mark(&mut doc["owners"], "owners");
    each(&mut doc["owners"], "teams", "team");
    for j in doc["journeys"].as_array_mut().unwrap() {
        mark(j, "journey");
        each(j, "entrants", "entrant");
        for s in j["steps"].as_array_mut().unwrap() {
            mark(s, "step");
            if s.get("on").is_some() {
                mark(&mut s["on"], "exits");
            }
            each(s, "to", "branch_entry");
        }
    }
}

#[test]
fn unknown_keys_survive_at_every_level_and_the_validator_ignores_them() {
    for (name, text) in fixtures() {
        let original: Value = serde_json::from_str(&text).unwrap();
        let mut doc = original.clone();
        add_unknown_keys(&mut doc);
        let model = round_trip(&doc);

        // The keys land in the typed `extra` maps.
        let at = |extra: &serde_json::Map<String, Value>| extra["x-test"]["at"].clone();
        assert_eq!(at(&model.extra), "top");
        assert_eq!(at(&model.populations[0].extra), "population");
        assert_eq!(at(&model.controls.as_ref().unwrap()[0].extra), "control");
        assert_eq!(
            at(&model.risk_signals.as_ref().unwrap()[0].extra),
            "risk_signal"
        );
        assert_eq!(at(&model.owners.as_ref().unwrap().extra), "owners");
        assert_eq!(
            at(&model.owners.as_ref().unwrap().teams.as_ref().unwrap()[0].extra),
            "team"
        );
        assert_eq!(
            at(&model.guardrails.as_ref().unwrap()[0].extra),
            "guardrail"
        );
        let scenario = &model.scenarios.as_ref().unwrap()[0];
        assert_eq!(at(&scenario.extra), "scenario");
        assert_eq!(at(&scenario.changes[0].extra), "change");
        assert_eq!(at(&model.sources.as_ref().unwrap()[0].extra), "source");
        let journey = &model.journeys[0];
        assert_eq!(at(&journey.extra), "journey");
        assert_eq!(at(&journey.entrants[0].extra), "entrant");
        for step in &journey.steps {
            assert_eq!(at(step.extra()), "step", "{name}: step {}", step.id());
            match step {
                Step::Control(s) => assert_eq!(at(&s.on.extra), "exits"),
                Step::RiskGate(s) => assert_eq!(at(&s.on.extra), "exits"),
                Step::Support(s) => assert_eq!(at(&s.on.extra), "exits"),
                Step::Branch(s) => {
                    s.to.iter()
                        .for_each(|e| assert_eq!(at(&e.extra), "branch_entry"))
                }
                Step::Action(_) | Step::Outcome(_) => {}
            }
        }

        // Unknown keys change nothing the validator says: not an error, not a warning.
        assert_eq!(issues(&doc), issues(&original), "{name}");
        assert_eq!(issues(&model.to_value()), issues(&original), "{name}");
    }
}

#[test]
fn quantity_objects_keep_unknown_keys() {
    let mut doc = fixture("account-recovery.json");
    // A plain Quantity position, a Quantity inside a per-population map, and a
    // PerPopulation given as one Quantity object.
    doc["populations"][0]["value_per_success"]["x-note"] = json!("plain");
    doc["controls"][0]["pass"]["*legitimate"]["x-note"] = json!("in a map");
    doc["journeys"][0]["entrants"][0]["volume"]["x-note"] = json!({ "a": 1 });
    doc["journeys"][0]["steps"][6]["seconds"]["x-note"] = json!(false);
    doc["controls"][1]["abandon"] =
        json!({ "pert": [0.0, 0.1, 0.2], "source": "evidence_base", "x-note": 3 });
    let model = round_trip(&doc);
    let note = |q: &Quantity| match q {
        Quantity::Distributed(d) => d.extra["x-note"].clone(),
        Quantity::Number(_) => Value::Null,
    };
    assert_eq!(
        note(model.populations[0].value_per_success.as_ref().unwrap()),
        "plain"
    );
    let controls = model.controls.as_ref().unwrap();
    assert_eq!(
        note(controls[0].pass.get("*legitimate").unwrap()),
        "in a map"
    );
    let Some(PerPopulation::All(q)) = &controls[1].abandon else {
        panic!("an object with a distribution key is one Quantity, not a map")
    };
    assert_eq!(note(q), 3);
    assert_eq!(q.source(), Some("evidence_base"));
}

#[test]
fn editor_layout_survives_and_still_validates() {
    let original = fixture("consumer-sign-in.json");
    let mut doc = original.clone();
    let layout = json!({ "nodes": { "otp": { "x": 10, "y": 20 } } });
    doc["x-journeylab-layout"] = layout.clone();
    let model = round_trip(&doc);
    assert_eq!(model.extra["x-journeylab-layout"], layout);

    // Saved after the known keys, integers unchanged.
    let text = model.to_json_pretty();
    let sources_at = text.find("\n  \"sources\"").unwrap();
    let layout_at = text.find("\n  \"x-journeylab-layout\"").unwrap();
    assert!(
        sources_at < layout_at,
        "unknown keys come after the known ones"
    );
    assert!(text.contains("\"x\": 10,") && text.contains("\"y\": 20\n"));

    // The validator ignores the key: no error, and the same issues as without it.
    let saved: Value = serde_json::from_str(&text).unwrap();
    assert!(validate(&saved).is_valid(), "{:#?}", errors(&saved));
    assert_eq!(issues(&saved), issues(&original));
}

#[test]
fn per_population_keeps_its_shape() {
    let cases = [
        (json!(0.25), "all"),
        (json!({ "fixed": 0.25 }), "all"),
        (json!({ "pert": [0.1, 0.2, 0.3], "source": "s" }), "all"),
        (json!({ "*": 0.25 }), "each"),
        (json!({ "*": { "fixed": 0.25 } }), "each"),
        (
            json!({ "customers": { "beta": [2, 5] }, "*attacker": 1, "*": 0 }),
            "each",
        ),
        (json!({}), "each"),
    ];
    for (v, shape) in cases {
        let p: PerPopulation = serde_json::from_value(v.clone()).unwrap();
        let got = match &p {
            PerPopulation::All(_) => "all",
            PerPopulation::Each(_) => "each",
        };
        assert_eq!(got, shape, "{v}");
        assert_eq!(serde_json::to_value(&p).unwrap(), v, "{v}");
    }
    // Map order is kept (file order, not sorted).
    let v = json!({ "*": 0, "zeta": 1, "alpha": 2 });
    let p: PerPopulation = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(
        serde_json::to_string(&p).unwrap(),
        r#"{"*":0,"zeta":1,"alpha":2}"#
    );
    assert_eq!(
        p.resolve("alpha", PopulationKind::Attacker),
        Some(&Quantity::Number(2.into()))
    );
    assert_eq!(
        p.resolve("other", PopulationKind::Legitimate),
        Some(&Quantity::Number(0.into()))
    );

    // In a model: a control's `pass` as one Quantity and as a map.
    let mut doc = fixture("registration-bot-defence.json");
    doc["controls"][0]["pass"] = json!({ "pert": [0.9, 0.95, 0.99] });
    doc["controls"][1]["pass"] = json!({ "*": 0.5 });
    let model = round_trip(&doc);
    let controls = model.controls.unwrap();
    assert!(matches!(controls[0].pass, PerPopulation::All(_)));
    assert!(matches!(controls[1].pass, PerPopulation::Each(_)));
}

#[test]
fn numbers_stay_exactly_as_written() {
    let text = r#"{
  "format": "journeylab/1",
  "name": "numbers",
  "populations": [
    {
      "id": "people",
      "kind": "legitimate",
      "value_per_success": 1000
    }
  ],
  "journeys": [
    {
      "id": "j",
      "entrants": [
        {
          "population": "people",
          "volume": 2000000
        },
        {
          "population": "others",
          "volume": {
            "lognormal": [1000, 100000.0]
          }
        }
      ],
      "entry": "a",
      "steps": [
        {
          "id": "a",
          "kind": "action",
          "seconds": {
            "fixed": 5.0
          },
          "abandon": 0,
          "next": "success"
        }
      ]
    }
  ],
  "guardrails": [
    {
      "id": "g",
      "owner": "t",
      "metric": "value",
      "min": 0,
      "confidence": 0.95
    }
  ]
}
"#;
    let model = Model::from_json_str(text).unwrap();
    // Same text back: exact numbers, spec key order, absent keys stay absent.
    assert_eq!(model.to_json_pretty(), text);
}

#[test]
fn absent_stays_absent_and_empty_stays_present() {
    let minimal = json!({
        "format": "journeylab/1", "name": "m", "populations": [], "journeys": []
    });
    let model = round_trip(&minimal);
    assert_eq!(model.controls, None);
    assert_eq!(model.to_value().as_object().unwrap().len(), 4);

    let empty = json!({
        "format": "journeylab/1", "name": "m", "populations": [], "controls": [],
        "risk_signals": [], "journeys": [], "guardrails": [], "scenarios": [], "sources": [],
        "owners": { "accountable": "CISO", "teams": [] }
    });
    let model = round_trip(&empty);
    assert_eq!(model.controls, Some(Vec::new()));
}

#[test]
fn known_keys_are_written_in_spec_order() {
    // Keys in a scrambled order, an unknown one in the middle.
    let step = json!({
        "next": "success", "x-ui": { "collapsed": true }, "abandon": 0.1,
        "kind": "action", "owner": "team", "seconds": 3, "name": "Fill", "id": "fill"
    });
    let s: Step = serde_json::from_value(step.clone()).unwrap();
    let out = serde_json::to_value(&s).unwrap();
    assert_eq!(out, step);
    let keys: Vec<&str> = out
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["id", "kind", "name", "owner", "seconds", "abandon", "next", "x-ui"]
    );

    let gate = json!({
        "on": { "block": "blocked", "challenge": "otp", "allow": "success" },
        "signal": "ip", "block_at_or_above": 0.9, "allow_below": 0.2, "kind": "risk_gate", "id": "risk"
    });
    let s: Step = serde_json::from_value(gate.clone()).unwrap();
    let text = serde_json::to_string(&s).unwrap();
    assert_eq!(
        text,
        r#"{"id":"risk","kind":"risk_gate","signal":"ip","allow_below":0.2,"block_at_or_above":0.9,"on":{"allow":"success","challenge":"otp","block":"blocked"}}"#
    );
}

#[test]
fn shape_errors_are_reported_not_guessed() {
    let base = fixture("account-recovery.json");
    let bad = |edit: &dyn Fn(&mut Value)| {
        let mut doc = base.clone();
        edit(&mut doc);
        Model::from_value(doc).unwrap_err().to_string()
    };
    let e = bad(&|d| d["journeys"][0]["steps"][0]["kind"] = json!("teleport"));
    assert!(e.contains("teleport") && e.contains("risk_gate"), "{e}");
    let e = bad(&|d| {
        d["journeys"][0]["steps"][0]
            .as_object_mut()
            .unwrap()
            .remove("kind");
    });
    assert!(e.contains("kind"), "{e}");
    let e = bad(&|d| {
        d["populations"][0]["value_per_success"] = json!({ "pert": [1, 2, 3], "uniform": [1, 2] })
    });
    assert!(e.contains("exactly one distribution"), "{e}");
    let e = bad(&|d| d["populations"][0]["value_per_success"] = json!({ "pert": [1, 2] }));
    assert!(e.contains("length"), "{e}");
    let e = bad(&|d| d["controls"][0]["pass"] = json!({ "customers": "high" }));
    assert!(e.contains("customers"), "{e}");

    // Syntax and shape errors from text carry a line number.
    let e =
        Model::from_json_str("{\n  \"format\": \"journeylab/1\",\n  \"name\": 3\n}").unwrap_err();
    assert_eq!(e.line(), 3, "{e}");
}
