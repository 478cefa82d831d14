//! Governance (spec §9, §10): the teams a scenario needs, and every governance warning —
//! each with a model that triggers it and one that does not.

use journeylab_engine::governance::{governance_issues, governance_of, required_teams};
use journeylab_engine::scenario::value_at;
use journeylab_engine::validate;
use serde_json::{json, Value};

/// A model whose owners leave no gap: every area decided, one accountable person,
/// members everywhere, each journey owned by a team deciding in it, B2B and B2C apart.
fn governed() -> Value {
    json!({
        "format": "journeylab/1",
        "name": "governed",
        "populations": [
            { "id": "customers", "kind": "legitimate", "segment": "b2c" },
            { "id": "admins", "kind": "legitimate", "segment": "b2b" },
            { "id": "bots", "kind": "attacker" }
        ],
        "controls": [{ "id": "otp", "name": "OTP", "factor": "possession", "channel": "pstn", "pass": 0.9 }],
        "owners": {
            "accountable": "VP Customer Identity",
            "teams": [
                { "id": "product", "name": "Product", "members": ["Ana (PM)"],
                  "decides": ["journey_structure", "retry_policy", "controls", "data_collection", "consent"] },
                { "id": "security", "name": "Security", "members": ["Sam (CISO)"],
                  "decides": ["risk_thresholds", "assurance"], "veto": ["controls"] },
                { "id": "cx", "name": "Customer care", "members": ["Chris"],
                  "decides": ["support_routing"] },
                { "id": "b2b", "name": "Business identity", "members": ["Bo"],
                  "decides": ["journey_structure", "controls"] }
            ]
        },
        "journeys": [
            { "id": "login", "name": "Sign in", "kind": "sign_in", "owner": "product",
              "entrants": [{ "population": "customers", "volume": 100 }, { "population": "bots", "volume": 10 }],
              "entry": "otp", "steps": [{ "id": "otp", "kind": "control", "control": "otp", "on": { "pass": "success" } }] },
            { "id": "recover", "name": "Reset password", "kind": "recovery", "owner": "product", "restores": "login",
              "notifies": true,
              "entrants": [{ "population": "customers", "volume": 10 }],
              "entry": "otp", "steps": [{ "id": "otp", "kind": "control", "control": "otp", "on": { "pass": "success" } }] },
            { "id": "admin_login", "name": "Admin sign in", "owner": "b2b",
              "entrants": [{ "population": "admins", "volume": 10 }],
              "entry": "otp", "steps": [{ "id": "otp", "kind": "control", "control": "otp", "on": { "pass": "success" } }] }
        ],
        "guardrails": [{ "id": "loss", "owner": "security", "metric": "fraud_loss", "max": 1000 }],
        "scenarios": [
            { "id": "thresholds", "name": "Thresholds", "changes": [{ "path": "controls/otp/pass", "value": 0.95 }] }
        ]
    })
}

fn warnings(doc: &Value) -> Vec<String> {
    governance_issues(doc)
        .iter()
        .map(|i| format!("{}: {}", i.path, i.message))
        .collect()
}

/// `edit` applied to the governed model gives exactly one governance warning, at `path`,
/// containing `fragment`; the governed model itself gives none, and validation shows
/// the warning as a warning (the model stays valid).
fn check(edit: impl Fn(&mut Value), path: &str, fragment: &str) {
    assert_eq!(
        warnings(&governed()),
        Vec::<String>::new(),
        "the base has no gap"
    );
    let mut doc = governed();
    edit(&mut doc);
    let found = governance_issues(&doc);
    assert_eq!(found.len(), 1, "{fragment}: {:#?}", warnings(&doc));
    assert_eq!(found[0].path, path);
    assert!(found[0].message.contains(fragment), "{}", found[0].message);
    assert!(!found[0].is_error());
    let v = validate(&doc);
    assert!(v.is_valid(), "{:?}", v.errors().collect::<Vec<_>>());
    assert!(v
        .issues
        .iter()
        .any(|i| i.path == path && i.message == found[0].message));
}

#[test]
fn an_area_no_team_decides() {
    check(
        |d| d["owners"]["teams"][2]["decides"] = json!([]),
        "owners.teams",
        "no team decides `support_routing`",
    );
}

#[test]
fn a_journey_without_an_owner() {
    check(
        |d| {
            d["journeys"][0].as_object_mut().unwrap().remove("owner");
        },
        "journeys[login].owner",
        "has no owner",
    );
}

#[test]
fn a_recovery_journey_whose_owner_decides_nothing_in_it() {
    // The customer-care team decides support routing only; the recovery journey has no
    // support desk.
    check(
        |d| d["journeys"][1]["owner"] = json!("cx"),
        "journeys[recover].owner",
        "recovery journey `recover` is owned by `cx`, which decides nothing in it",
    );
}

#[test]
fn a_step_up_journey_found_by_name_without_an_owner() {
    check(
        |d| {
            let j = d["journeys"][0].as_object_mut().unwrap();
            j.remove("kind");
            j.remove("owner");
            j.insert("name".into(), json!("Step-up for payouts"));
        },
        "journeys[login].owner",
        "step-up journey `login` has no owning team",
    );
    // Without a kind and without such a name, it is an ordinary journey.
    let mut doc = governed();
    doc["journeys"][0].as_object_mut().unwrap().remove("kind");
    assert_eq!(warnings(&doc), Vec::<String>::new());
}

#[test]
fn b2b_and_b2c_journeys_owned_by_one_team() {
    check(
        |d| d["journeys"][2]["owner"] = json!("product"),
        "owners.teams[product]",
        "owns B2B (admin_login) and B2C (login, recover) journeys",
    );
}

#[test]
fn a_guardrail_whose_team_decides_nothing() {
    check(
        |d| {
            d["owners"]["teams"]
                .as_array_mut()
                .unwrap()
                .push(json!({ "id": "finance", "name": "Finance", "members": ["Fin"] }));
            d["guardrails"][0]["owner"] = json!("finance");
        },
        "guardrails[loss].owner",
        "decides and vetoes nothing",
    );
}

#[test]
fn a_team_without_members() {
    check(
        |d| {
            d["owners"]["teams"][3]
                .as_object_mut()
                .unwrap()
                .remove("members");
        },
        "owners.teams[b2b].members",
        "has no members",
    );
}

#[test]
fn no_accountable_owner_or_several() {
    // A missing key is a validation error (§9 requires it); a blank one is a gap.
    check(
        |d| d["owners"]["accountable"] = json!("  "),
        "owners.accountable",
        "no accountable owner",
    );
    check(
        |d| d["owners"]["accountable"] = json!("CISO and VP Product"),
        "owners.accountable",
        "names more than one person or role",
    );
}

#[test]
fn a_model_without_owners_gets_one_warning() {
    let mut doc = governed();
    doc.as_object_mut().unwrap().remove("owners");
    doc["journeys"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .for_each(|j| {
            j.as_object_mut().unwrap().remove("owner");
        });
    doc["guardrails"] = json!([]);
    doc["scenarios"] = json!([]);
    let w = governance_issues(&doc);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].path, "owners");
}

#[test]
fn required_teams_are_the_deciders_plus_the_veto_holders() {
    let gov = governance_of(&governed());
    let areas = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // Controls: product and b2b decide, security holds a veto.
    let r = required_teams(&gov, &areas(&["controls"]));
    assert_eq!(r.deciding, ["product", "b2b"]);
    assert_eq!(r.veto, ["security"]);
    assert_eq!(r.all(), ["product", "b2b", "security"]);
    // Risk thresholds: security decides, nobody vetoes.
    let r = required_teams(&gov, &areas(&["risk_thresholds"]));
    assert_eq!(
        (r.deciding.as_slice(), r.veto.len()),
        (&["security".to_string()][..], 0)
    );
    // A team that decides one touched area and vetoes another is listed once, deciding.
    let r = required_teams(&gov, &areas(&["controls", "assurance"]));
    assert_eq!(r.deciding, ["product", "security", "b2b"]);
    assert!(r.veto.is_empty());
    // Validation gives each scenario its required teams.
    let v = validate(&governed());
    let s = &v.scenarios[0].info;
    assert_eq!(s.decision_areas, ["controls"]);
    assert_eq!(s.sign_off, ["product", "b2b", "security"]);
}

#[test]
fn v1_1_fields_are_checked() {
    let mut doc = governed();
    doc["journeys"][1]["restores"] = json!("nowhere");
    doc["journeys"][0]["kind"] = json!("login");
    doc["controls"][0]["channel"] = json!("sms");
    doc["owners"]["teams"][0]["members"] = json!(["", 3]);
    let v = validate(&doc);
    let paths: Vec<&str> = v.errors().map(|i| i.path.as_str()).collect();
    for p in [
        "journeys[recover].restores",
        "journeys[login].kind",
        "controls[otp].channel",
        "owners.teams[product].members[0]",
        "owners.teams[product].members[1]",
    ] {
        assert!(paths.contains(&p), "{p} in {paths:?}");
    }
}

#[test]
fn a_change_reads_what_it_replaces() {
    let doc = governed();
    assert_eq!(value_at(&doc, "controls/otp/pass"), Some(json!(0.9)));
    // A population key under a plain Quantity: the Quantity applies to it.
    assert_eq!(
        value_at(&doc, "controls/otp/pass/*attacker"),
        Some(json!(0.9))
    );
    assert_eq!(
        value_at(&doc, "journeys/recover/steps/otp/on/pass"),
        Some(json!("success"))
    );
    assert_eq!(value_at(&doc, "journeys/nope/steps"), None);
}
