//! Attack routes (spec §11) against hand-computed values on small graphs, the
//! accounting identity Σ P(route) + other routes + loops = P(success) on every fixture,
//! the caps, and each finding triggered and not.
//!
//! Quantities are plain numbers here, so every iteration gives the same probabilities
//! and the tolerance is floating point (1e-12), not a standard error.

use journeylab_engine::routes::{
    finding_changes, route_changes, routes, ChangeKind, FindingCode, RouteLimits, RouteReport,
};
use serde_json::{json, Value};

use crate::common::{fixtures, valid};

const TOL: f64 = 1e-12;

/// A model with these populations, controls and journeys (and nothing else).
fn doc(pops: Value, controls: Value, journeys: Value) -> Value {
    json!({ "format": "journeylab/1", "name": "routes", "populations": pops,
            "controls": controls, "journeys": journeys })
}

fn attackers_and_customers() -> Value {
    json!([
        { "id": "customers", "kind": "legitimate" },
        { "id": "crooks", "kind": "attacker", "loss_per_success": 100 }
    ])
}

fn entrants(volume: f64) -> Value {
    json!([{ "population": "customers", "volume": volume }, { "population": "crooks", "volume": volume / 10.0 }])
}

fn report(d: &Value) -> RouteReport {
    let spec = valid(d).spec.unwrap();
    routes(&spec, 7, 20, RouteLimits::default()).unwrap()
}

fn p(report: &RouteReport, journey: &str, label: &str, pop: &str) -> f64 {
    let j = report.journey(journey).unwrap();
    let r = j
        .routes
        .iter()
        .find(|r| r.label == label)
        .unwrap_or_else(|| {
            panic!(
                "no route “{label}” in {:?}",
                j.routes.iter().map(|r| &r.label).collect::<Vec<_>>()
            )
        });
    r.odds_of(pop).unwrap().p.mean
}

#[test]
fn a_chain_has_one_route_with_the_product_of_its_exits() {
    let (a, s) = (0.1, 0.8);
    let d = doc(
        attackers_and_customers(),
        json!([{ "id": "otp", "name": "OTP", "factor": "possession", "aal": 2, "pass": s }]),
        json!([{ "id": "j", "entry": "start", "entrants": entrants(1000.0), "steps": [
            { "id": "start", "kind": "action", "abandon": a, "next": "check" },
            { "id": "check", "kind": "control", "name": "OTP", "control": "otp", "on": { "pass": "success" } }
        ]}]),
    );
    let r = report(&d);
    let j = r.journey("j").unwrap();
    assert_eq!(j.routes.len(), 1);
    let route = &j.routes[0];
    assert_eq!(route.key, "start.next/check.pass/success");
    assert_eq!(route.label, "OTP");
    assert_eq!(route.aal, 2);
    assert!(!route.pstn_only && !route.phishing_resistant && !route.desk);
    for pop in ["customers", "crooks"] {
        let o = route.odds_of(pop).unwrap();
        assert!((o.p.mean - (1.0 - a) * s).abs() < TOL);
        assert_eq!(o.p.p5, o.p.p95, "fixed inputs: no spread");
        assert!((o.share - 1.0).abs() < TOL);
        let pr = j.populations.iter().find(|x| x.population == pop).unwrap();
        assert!(pr.through_loops.unwrap().abs() < TOL);
        assert!((pr.p_success.mean - (1.0 - a) * s).abs() < TOL);
    }
    let crooks = j
        .populations
        .iter()
        .find(|x| x.population == "crooks")
        .unwrap();
    assert!((crooks.successes - 100.0 * (1.0 - a) * s).abs() < 1e-9);
}

#[test]
fn a_branch_gives_one_route_per_arm_with_its_assurance() {
    let d = doc(
        attackers_and_customers(),
        json!([
            { "id": "sms", "name": "SMS code", "factor": "possession", "aal": 1, "channel": "pstn",
              "pass": { "customers": 0.9, "crooks": 0.75 } },
            { "id": "key", "name": "Passkey", "factor": "possession", "aal": 2, "channel": "platform",
              "phishing_resistant": true, "pass": { "customers": 0.95, "crooks": 0.01 } }
        ]),
        json!([{ "id": "j", "entry": "pick", "entrants": entrants(1000.0), "steps": [
            { "id": "pick", "kind": "branch", "to": [
                { "target": "text", "p": { "customers": 0.3, "crooks": 0.8 } }, { "target": "tap" } ] },
            { "id": "text", "kind": "control", "name": "SMS code", "control": "sms", "on": { "pass": "success" } },
            { "id": "tap", "kind": "control", "name": "Passkey", "control": "key", "on": { "pass": "success" } }
        ]}]),
    );
    let r = report(&d);
    assert!((p(&r, "j", "SMS code", "customers") - 0.3 * 0.9).abs() < TOL);
    assert!((p(&r, "j", "SMS code", "crooks") - 0.8 * 0.75).abs() < TOL);
    assert!((p(&r, "j", "Passkey", "customers") - 0.7 * 0.95).abs() < TOL);
    assert!((p(&r, "j", "Passkey", "crooks") - 0.2 * 0.01).abs() < TOL);
    let j = r.journey("j").unwrap();
    let sms = j.routes.iter().find(|x| x.label == "SMS code").unwrap();
    let key = j.routes.iter().find(|x| x.label == "Passkey").unwrap();
    assert_eq!(
        (sms.aal, sms.pstn_only, sms.phishing_resistant),
        (1, true, false)
    );
    assert_eq!(
        (key.aal, key.pstn_only, key.phishing_resistant),
        (2, false, true)
    );
    // The weakest route is the lower AAL that attackers can take; the crooks' main route
    // carries most of their successes.
    assert_eq!(j.weakest_route.as_deref(), Some(sms.key.as_str()));
    let main = r.main_route("crooks").unwrap();
    assert_eq!(main.route, sms.key);
    let share = 0.8 * 0.75 / (0.8 * 0.75 + 0.2 * 0.01);
    assert!((main.share - share).abs() < 1e-12);
    assert_eq!(r.main_route("customers").unwrap().route, key.key);
}

#[test]
fn a_control_with_retries_passes_with_its_closed_form() {
    let (a, s, m) = (0.05_f64, 0.6_f64, 3);
    let d = doc(
        json!([{ "id": "customers", "kind": "legitimate" }]),
        json!([{ "id": "pw", "name": "Password", "factor": "knowledge", "aal": 1, "pass": s, "abandon": a }]),
        json!([{ "id": "j", "entry": "pw", "entrants": [{ "population": "customers", "volume": 10 }], "steps": [
            { "id": "pw", "kind": "control", "name": "Password", "control": "pw", "max_attempts": m, "on": { "pass": "success" } }
        ]}]),
    );
    let q = (1.0 - a) * (1.0 - s);
    let expected = (1.0 - a) * s * (1.0 + q + q * q);
    assert!((p(&report(&d), "j", "Password", "customers") - expected).abs() < TOL);
}

/// Sign-in with a desk that resets the password and sends the user back to sign in: the
/// only simple route passes the password once; every success after a desk visit comes
/// through the loop, Σ_{k≥1} ((1 − s)·r)^k · s.
#[test]
fn successes_through_the_desk_loop_are_the_rest_of_success() {
    let (s, r) = (0.7_f64, 0.6_f64);
    let d = doc(
        attackers_and_customers(),
        json!([{ "id": "pw", "name": "Password", "factor": "knowledge", "aal": 1, "pass": s }]),
        json!([{ "id": "j", "entry": "login", "entrants": entrants(1000.0), "steps": [
            { "id": "login", "kind": "control", "control": "pw", "on": { "pass": "success", "fail": "desk" } },
            { "id": "desk", "kind": "support", "resolve": r, "on": { "resolved": "reset" } },
            { "id": "reset", "kind": "action", "next": "login" }
        ]}]),
    );
    let rep = report(&d);
    let j = rep.journey("j").unwrap();
    assert_eq!(j.routes.len(), 1, "the desk loop is not a simple route");
    assert!(j.complete);
    let loop_hand: f64 = s * ((1.0 - s) * r) / (1.0 - (1.0 - s) * r);
    for pop in &j.populations {
        let simple = j.routes[0].odds_of(&pop.population).unwrap().p.mean;
        assert!((simple - s).abs() < TOL);
        let loops = pop.through_loops.unwrap();
        assert!((loops - loop_hand).abs() < TOL, "{loops} vs {loop_hand}");
        assert!((pop.p_success.mean - simple - loops).abs() < TOL);
        assert!((pop.p_success.mean - pop.listed - pop.unlisted - loops).abs() < TOL);
    }
}

#[test]
fn a_desk_route_is_marked_and_counted() {
    let d = doc(
        json!([{ "id": "customers", "kind": "legitimate" }]),
        json!([{ "id": "pw", "name": "Password", "factor": "knowledge", "aal": 1, "pass": 0.8 }]),
        json!([{ "id": "j", "entry": "login", "entrants": [{ "population": "customers", "volume": 10 }], "steps": [
            { "id": "login", "kind": "control", "name": "Password", "control": "pw", "on": { "pass": "success", "fail": "desk" } },
            { "id": "desk", "kind": "support", "name": "Support desk", "resolve": 0.5, "on": { "resolved": "success" } }
        ]}]),
    );
    let rep = report(&d);
    let j = rep.journey("j").unwrap();
    let desk = j.routes.iter().find(|r| r.desk).unwrap();
    assert_eq!(
        desk.label, "Password failed → Support desk",
        "fallbacks name the route"
    );
    assert_eq!(desk.aal, 0, "the desk passes no control");
    assert!((j.populations[0].through_desk - 0.2 * 0.5).abs() < TOL);
}

#[test]
fn routes_loops_and_the_rest_add_up_to_success_on_every_fixture() {
    for (name, d) in fixtures() {
        let v = valid(&d);
        let specs = std::iter::once(v.spec.clone().unwrap())
            .chain(v.scenarios.iter().map(|s| s.spec.clone()));
        for spec in specs {
            let rep = routes(&spec, 11, 30, RouteLimits::default()).unwrap();
            for j in &rep.journeys {
                assert!(
                    j.complete,
                    "{name}/{}: fixtures enumerate completely",
                    j.journey
                );
                for pop in &j.populations {
                    let loops = pop.through_loops.unwrap();
                    let sum = pop.listed + pop.unlisted + loops;
                    assert!(
                        (sum - pop.p_success.mean).abs() < 1e-9,
                        "{name}/{}/{}: {sum} vs {}",
                        j.journey,
                        pop.population,
                        pop.p_success.mean
                    );
                    assert!(loops >= 0.0 && pop.unlisted >= 0.0);
                }
                // Listed in decreasing priority, keys unique.
                let mut keys: Vec<&str> = j.routes.iter().map(|r| r.key.as_str()).collect();
                keys.sort_unstable();
                keys.dedup();
                assert_eq!(keys.len(), j.routes.len(), "{name}: route keys are unique");
            }
        }
    }
}

/// A ladder of `n` steps where each step goes to the next or skips one: Fibonacci-many
/// simple paths, far beyond any cap for n = 200.
fn ladder(n: usize) -> Value {
    let id = |i: usize| {
        if i >= n {
            "success".to_string()
        } else {
            format!("s{i}")
        }
    };
    let steps: Vec<Value> = (0..n)
        .map(|i| {
            json!({ "id": id(i), "kind": "branch", "to": [
            { "target": id(i + 1), "p": 0.5 }, { "target": id(i + 2) } ] })
        })
        .collect();
    doc(
        json!([{ "id": "customers", "kind": "legitimate" }]),
        json!([]),
        json!([{ "id": "j", "entry": "s0", "entrants": [{ "population": "customers", "volume": 1 }], "steps": steps }]),
    )
}

#[test]
fn a_cap_keeps_the_most_likely_routes_and_the_mass_of_the_rest() {
    let spec = valid(&ladder(200)).spec.unwrap();
    let limits = RouteLimits {
        max_routes: 50,
        max_listed: 20,
        max_expansions: 50_000,
    };
    let rep = routes(&spec, 1, 3, limits).unwrap();
    let j = rep.journey("j").unwrap();
    assert!(!j.complete);
    assert_eq!(j.routes.len(), 20);
    let pop = &j.populations[0];
    assert_eq!(
        pop.through_loops, None,
        "loops cannot be told apart when capped"
    );
    assert!(
        (pop.p_success.mean - 1.0).abs() < 1e-9,
        "every path ends in success"
    );
    assert!((pop.listed + pop.unlisted - pop.p_success.mean).abs() < 1e-9);
    let ps: Vec<f64> = j.routes.iter().map(|r| r.odds[0].p.mean).collect();
    assert!(
        ps.windows(2).all(|w| w[0] >= w[1]),
        "most likely first: {ps:?}"
    );
}

fn two_journeys(recovery_control_aal: u64, notifies: bool) -> Value {
    doc(
        attackers_and_customers(),
        json!([
            { "id": "pw_otp", "name": "Password and app code", "factor": "possession", "aal": 2, "channel": "app", "pass": 0.9 },
            { "id": "email", "name": "Email link", "factor": "possession", "aal": recovery_control_aal, "channel": "email", "pass": 0.8 }
        ]),
        json!([
            { "id": "sign_in", "name": "Sign-in", "kind": "sign_in", "entry": "mfa", "entrants": entrants(1000.0),
              "steps": [{ "id": "mfa", "kind": "control", "control": "pw_otp", "on": { "pass": "success" } }] },
            { "id": "recovery", "name": "Recovery", "kind": "recovery", "restores": "sign_in", "notifies": notifies,
              "entry": "link", "entrants": entrants(100.0),
              "steps": [{ "id": "link", "kind": "control", "control": "email", "on": { "pass": "success" } }] }
        ]),
    )
}

fn codes(rep: &RouteReport) -> Vec<FindingCode> {
    rep.findings.iter().map(|f| f.code).collect()
}

#[test]
fn recovery_weaker_than_sign_in_is_found_and_not_when_it_is_as_strong() {
    let weak = report(&two_journeys(1, true));
    let f = weak
        .findings
        .iter()
        .find(|f| f.code == FindingCode::RecoveryWeaker)
        .expect("recovery at AAL1 restores a sign-in at AAL2");
    assert_eq!(f.journey, "recovery");
    assert_eq!(f.population.as_deref(), Some("crooks"));
    assert_eq!(f.route.as_deref(), Some("link.pass/success"));
    assert!(f.message.contains("Sign-in"), "{}", f.message);
    // The access table lists sign-in, then the recovery that restores it.
    let rows: Vec<&str> = weak.access.iter().map(|a| a.journey.as_str()).collect();
    assert_eq!(rows, ["sign_in", "recovery"]);
    assert_eq!(weak.access[1].weakest.as_ref().map(|w| w.2), Some(1));
    let strong = report(&two_journeys(2, true));
    assert!(!codes(&strong).contains(&FindingCode::RecoveryWeaker));
}

#[test]
fn a_recovery_that_does_not_notify_is_found() {
    assert!(codes(&report(&two_journeys(2, false))).contains(&FindingCode::SilentRecovery));
    assert!(!codes(&report(&two_journeys(2, true))).contains(&FindingCode::SilentRecovery));
}

fn gated(aal: u64, channel: &str, attacker_branch: f64, sensitive: bool) -> Value {
    doc(
        attackers_and_customers(),
        json!([{ "id": "otp", "name": "Code", "factor": "possession", "aal": aal, "channel": channel, "pass": 0.9 }]),
        json!([{ "id": "pay", "name": "Payout change", "required_aal": 2, "sensitive": sensitive,
                 "entry": "b", "entrants": entrants(100.0), "steps": [
            { "id": "b", "kind": "branch", "to": [
                { "target": "success", "p": { "customers": 0, "crooks": attacker_branch } }, { "target": "otp" } ] },
            { "id": "otp", "kind": "control", "control": "otp", "on": { "pass": "success" } }
        ]}]),
    )
}

#[test]
fn an_assurance_gap_is_found_on_a_possible_route_only() {
    // The branch straight to success passes no control: AAL0 < 2 when crooks take it.
    let open = report(&gated(2, "app", 0.1, false));
    let gap: Vec<_> = open
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::AssuranceGap)
        .collect();
    assert_eq!(gap.len(), 1);
    assert_eq!(gap[0].route.as_deref(), Some("b.to[0]/success"));
    assert_eq!(gap[0].population.as_deref(), Some("crooks"));
    // Nobody takes it: no finding.
    assert!(!codes(&report(&gated(2, "app", 0.0, false))).contains(&FindingCode::AssuranceGap));
    // The control itself below the requirement.
    assert!(codes(&report(&gated(1, "app", 0.0, false))).contains(&FindingCode::AssuranceGap));
}

#[test]
fn a_pstn_only_route_at_aal2_is_found() {
    assert!(codes(&report(&gated(2, "pstn", 0.0, false))).contains(&FindingCode::PstnOnly));
    assert!(!codes(&report(&gated(2, "app", 0.0, false))).contains(&FindingCode::PstnOnly));
}

#[test]
fn a_sensitive_journey_with_an_unchecked_route_is_found() {
    assert!(codes(&report(&gated(2, "app", 0.1, true))).contains(&FindingCode::UnguardedSensitive));
    assert!(!codes(&report(&gated(2, "app", 0.0, true))).contains(&FindingCode::UnguardedSensitive));
    assert!(
        !codes(&report(&gated(2, "app", 0.1, false))).contains(&FindingCode::UnguardedSensitive)
    );
}

#[test]
fn a_scenario_that_closes_a_route_says_so() {
    let mut d = gated(2, "app", 0.1, false);
    d["scenarios"] = json!([{ "id": "close", "name": "Close the shortcut", "changes": [
        { "path": "journeys/pay/steps/b", "value": { "kind": "branch", "to": [
            { "target": "success", "p": 0 }, { "target": "otp" } ] } } ] }]);
    let v = valid(&d);
    let base = routes(v.spec.as_ref().unwrap(), 3, 10, RouteLimits::default()).unwrap();
    let scen = routes(&v.scenarios[0].spec, 3, 10, RouteLimits::default()).unwrap();
    let changes = route_changes(&base, &scen);
    let closed = changes
        .iter()
        .find(|c| c.kind == ChangeKind::Closed)
        .expect("the shortcut closes for crooks");
    assert_eq!(closed.population, "crooks");
    assert_eq!(closed.route, "b.to[0]/success");
    assert!((closed.before - 0.1).abs() < TOL && closed.after == 0.0);
    assert!(
        closed
            .sentence
            .starts_with("closes the route “no check” of Payout change for crooks"),
        "{}",
        closed.sentence
    );
    let fc = finding_changes(&base, &scen);
    assert!(fc
        .resolved
        .iter()
        .any(|f| f.code == FindingCode::AssuranceGap));
    assert!(fc.introduced.is_empty());
}
