//! The decision workflow on a real workspace: request on a stored run, words by the
//! required teams, the owner's acceptance, the pack, and a newer model version making
//! the record stale.

use journeylab_engine::{Mode, Settings};
use journeylab_store::{DecisionStatus, RiskAcceptance, Word};

use super::*;
use crate::test_support::{fixture_path, stored_expected_run, temp_workspace};
use crate::{load_model, run_and_store};

fn word(scenario: &str, w: Word, team: Option<&str>, name: &str, why: &str) -> WordRequest {
    WordRequest {
        model_key: "consumer-sign-in".into(),
        scenario: scenario.into(),
        word: w,
        team: team.map(str::to_string),
        name: name.into(),
        rationale: why.into(),
        risk_acceptance: None,
    }
}

#[test]
fn a_scenario_is_requested_signed_off_accepted_packed_and_goes_stale() {
    let (dir, store) = temp_workspace("decisions");
    let run_id = stored_expected_run(&store, "consumer-sign-in", 200, 11);
    let model = load_model(&fixture_path("consumer-sign-in.json")).expect("model");
    let key = "consumer-sign-in";
    let s = "passkeys_first";
    assert_eq!(
        decision_record(&store, key, s).expect("draft").status,
        DecisionStatus::Draft
    );
    // A word before any request is refused, saying what to do.
    let early = record_word(
        &store,
        &word(s, Word::Approve, Some("identity_platform"), "Dana", "ok"),
    );
    assert!(early.is_err_and(|e| e.to_string().contains("request one on a run first")));

    let r = request_decision(&store, run_id, s, "Priya Shah", "ship for Q3").expect("request");
    assert_eq!(r.status, DecisionStatus::InReview);
    // Journey structure: Identity Platform decides; Fraud & Risk and Customer Care veto.
    let roles: Vec<(&str, &str)> = r
        .required
        .iter()
        .map(|t| (t.id.as_str(), t.role.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            ("identity_platform", "decides"),
            ("fraud_risk", "veto"),
            ("customer_care", "veto")
        ]
    );
    assert!(r.required[0]
        .members
        .iter()
        .any(|m| m.contains("Dana Ruiz")));
    assert_eq!(r.changes[0].path, "journeys/login/steps/password");
    assert!(r.changes[0]
        .before
        .as_deref()
        .is_some_and(|b| b.contains("\"control\":\"password\"")));
    assert!(!r.deltas.is_empty() && !r.guardrails.is_empty());
    assert_eq!(r.request.as_ref().map(|q| q.run_id), Some(run_id));

    // A team that does not sign this scenario off cannot approve it.
    let privacy = record_word(
        &store,
        &word(s, Word::Approve, Some("privacy"), "DPO", "fine"),
    );
    assert!(privacy.is_err_and(|e| e.to_string().contains("is not a team that must sign")));
    // Two teams approve, the third rejects: rejected; then approves: back in review.
    let steps = [
        (
            Word::Approve,
            "identity_platform",
            "Dana Ruiz",
            DecisionStatus::InReview,
        ),
        (
            Word::Approve,
            "customer_care",
            "Elena Novak",
            DecisionStatus::InReview,
        ),
        (
            Word::Reject,
            "fraud_risk",
            "Marcus Lee",
            DecisionStatus::Rejected,
        ),
        (
            Word::Approve,
            "fraud_risk",
            "Marcus Lee",
            DecisionStatus::InReview,
        ),
    ];
    for (w, team, name, want) in steps {
        let r = record_word(&store, &word(s, w, Some(team), name, "as discussed")).expect("word");
        assert_eq!(r.status, want, "{} by {team}", w.as_str());
    }
    // A comment changes nothing.
    let r = record_word(
        &store,
        &word(s, Word::Comment, None, "Observer", "watch the desk load"),
    )
    .expect("comment");
    assert_eq!(r.status, DecisionStatus::InReview);
    // A bad expiry is refused; the owner accepts with a risk acceptance.
    let mut accept = word(s, Word::Accept, None, "VP Customer Identity", "go");
    accept.risk_acceptance = Some(RiskAcceptance {
        residual_risk: "Phishers can still relay codes on the email fallback".into(),
        unmet_guardrails: vec!["false_rejects".into()],
        voiding_conditions: "passkey enrolment below 20 %".into(),
        expires: Some("2026-13-01".into()),
    });
    assert!(record_word(&store, &accept).is_err_and(|e| e.to_string().contains("is not a date")));
    if let Some(ra) = accept.risk_acceptance.as_mut() {
        ra.expires = Some("2099-12-31".into());
    }
    let r = record_word(&store, &accept).expect("accept");
    assert_eq!(r.status, DecisionStatus::Approved);
    assert_eq!(
        r.risk_acceptance
            .as_ref()
            .and_then(|a| a.expires.as_deref()),
        Some("2099-12-31")
    );
    assert_eq!(r.words.len(), 7);

    // The pack: self-contained, names, the run's numbers, the model hash.
    let html = decision_pack(&store, key, s).expect("pack");
    assert!(!html.contains("http"), "no network reference");
    assert!(!html.contains("<script"));
    for needle in [
        "Dana Ruiz",
        "Marcus Lee",
        "Elena Novak",
        "VP Customer Identity",
        "2099-12-31",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    let hash = &r.request.as_ref().expect("request").content_hash;
    assert!(html.contains(hash.as_str()));
    let fraud = r
        .deltas
        .iter()
        .find(|d| d.metric == "fraud_loss")
        .expect("delta");
    let text = journeylab_engine::format::delta(fraud.mean, fraud.unit, "USD");
    assert!(
        html.contains(&text),
        "the pack shows the run's delta {text}"
    );
    assert_eq!(html.matches("<svg").count(), 2, "two inline charts");
    let path = dir.join("pack.html");
    export_decision_pack(&store, key, s, &path).expect("export");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), html);

    // Listed, with its status everywhere the scenario appears.
    let statuses = scenario_statuses(&store, key).expect("statuses");
    let of = |id: &str| statuses.iter().find(|x| x.scenario == id).map(|x| x.status);
    assert_eq!(of(s), Some(DecisionStatus::Approved));
    assert_eq!(of("stricter_risk"), Some(DecisionStatus::Draft));
    assert_eq!(list_decisions(&store, Some(key)).expect("list").len(), 1);

    // A newer version of the model makes the decision stale, and the record refuses words.
    let mut doc = model.document.clone();
    doc["description"] = serde_json::json!("edited after the decision");
    store
        .import_model(key, "Consumer sign-in", &doc.to_string(), Some("edited"))
        .expect("new version");
    let r = decision_record(&store, key, s).expect("stale");
    assert_eq!(r.status, DecisionStatus::Stale);
    let late = record_word(&store, &word(s, Word::Comment, None, "Dana", "late"));
    assert!(late.is_err_and(|e| e.to_string().contains("stale")));
    assert!(decision_pack(&store, key, s)
        .expect("pack")
        .contains("Stale:"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn requests_name_a_finished_run_of_the_scenario() {
    let (dir, store) = temp_workspace("decisions-requests");
    let model = load_model(&fixture_path("consumer-sign-in.json")).expect("model");
    let settings = Settings {
        iterations: 50,
        seed: 1,
        mode: Mode::Expected,
        sampling: journeylab_engine::Sampling::Mc,
        threads: None,
    };
    let only = ["stricter_risk".to_string()];
    let (run_id, _) = run_and_store(
        &store,
        "consumer-sign-in",
        &model,
        &settings,
        Some(&only),
        None,
    )
    .expect("run");
    let missing = request_decision(&store, run_id, "passkeys_first", "Priya", "");
    assert!(missing.is_err_and(|e| e.to_string().contains("did not run scenario")));
    let nameless = request_decision(&store, run_id, "stricter_risk", "  ", "");
    assert!(nameless.is_err_and(|e| e.to_string().contains("who requests")));
    let r = request_decision(&store, run_id, "stricter_risk", "Marcus", "").expect("request");
    // Risk thresholds: Fraud & Risk decides, nobody holds a veto.
    assert_eq!(
        r.required.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["fraud_risk"]
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The pack reads the routes of the decided run (spec §11): on the consumer identity model
/// the recovery fix resolves the recovery-weaker finding and closes the SMS recovery route
/// for SIM-swappers, and the pack says both; the baseline's pack lists that finding.
#[test]
fn the_pack_lists_the_attack_surface_of_the_decided_run() {
    let (dir, store) = temp_workspace("decisions-routes");
    let key = "consumer-identity";
    let model = load_model(&fixture_path("consumer-identity.json")).expect("model");
    let settings = Settings {
        iterations: 60,
        sampling: journeylab_engine::Sampling::Mc,
        seed: 3,
        mode: Mode::Expected,
        threads: None,
    };
    let (run_id, _) = run_and_store(&store, key, &model, &settings, None, None).expect("run");
    let fix = "recovery_document_check";
    request_decision(
        &store,
        run_id,
        fix,
        "Marcus Lee",
        "close the SMS recovery route",
    )
    .expect("request");
    let html = decision_pack(&store, key, fix).expect("pack");
    let section = html
        .split("<h2>Attack-surface findings</h2>")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("an attack-surface section");
    assert!(section.contains("seed 3"), "the run's seed: {section}");
    assert!(
        section.contains("resolves: Account recovery grants the access of Sign-in at AAL1"),
        "{section}"
    );
    assert!(
        section
            .contains("closes the route “Reset code by SMS” of Account recovery for SIM-swappers"),
        "{section}"
    );
    assert!(
        !section.contains("recovery_weaker"),
        "codes stay out of prose"
    );
    assert!(section.contains("Access to the account"));
    // The scenario leaves the payout findings standing: they are listed.
    assert!(section.contains("completes a sensitive action without passing a control"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn dates_are_checked_and_computed() {
    assert!(is_date("2026-02-28") && is_date("2024-02-29"));
    assert!(!is_date("2026-02-29") && !is_date("2026-13-01") && !is_date("26-01-01"));
    assert_eq!(civil_date(0), "1970-01-01");
    assert_eq!(civil_date(20_454), "2026-01-01");
    assert!(is_date(&today_utc()));
}
