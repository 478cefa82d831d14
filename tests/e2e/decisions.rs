//! Decisions in the real app (spec §10): on consumer sign-in, run, request a decision on
//! a scenario that needs three teams, approve as two, reject then approve as the third,
//! accept as the accountable owner with an expiry — the status changes at each step and
//! shows wherever the scenario does — then write the decision pack and check it against
//! the stored record, and save an edited model: the decision becomes stale.

use std::ffi::OsString;
use std::time::Duration;

use journeylab_engine::format;
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use crate::harness::{repo_root, temp_dir, App, Ctx, TestResult};
use crate::steps::{
    open_run, open_run_panel, run_to_dashboard, screenshot_at, screenshots_dir, set_run,
    set_run_mode, type_into, wait_attr,
};

const MODEL: &str = "consumer-sign-in";
const SCENARIO: &str = "passkeys_first";

/// Waits until the decision panel says `status`.
async fn status_is(app: &App, status: &str) -> TestResult {
    wait_attr(
        app,
        "decision",
        "data-status",
        Duration::from_secs(15),
        |s| s == status,
    )
    .await?;
    Ok(())
}

/// One team's word through the panel's form.
async fn team_word(app: &App, word: &str, team: &str, name: &str, why: &str) -> TestResult {
    SelectElement::new(&app.by_testid("decision-team").await?)
        .await?
        .select_by_value(team)
        .await?;
    type_into(app, "decision-name", name).await?;
    type_into(app, "decision-rationale", why).await?;
    app.click(&format!("decision-{word}")).await?;
    wait_attr(
        app,
        &format!("decision-team-{team}"),
        "data-latest",
        Duration::from_secs(15),
        |w| w == word,
    )
    .await?;
    Ok(())
}

pub async fn a_scenario_is_decided_packed_and_goes_stale(ctx: &mut Ctx) -> TestResult {
    // A copy of the fixture (the test saves an edit) and a database the test can read.
    let examples = temp_dir("decisions-examples")?;
    let model_file = examples.join(format!("{MODEL}.json"));
    std::fs::copy(
        repo_root().join("fixtures").join(format!("{MODEL}.json")),
        &model_file,
    )?;
    let db = temp_dir("decisions-db")?.join("journeylab.db");
    let app = ctx
        .app_with_env(&[
            ("JOURNEYLAB_EXAMPLES", OsString::from(&examples)),
            ("JOURNEYLAB_DB", db.clone().into_os_string()),
        ])
        .await?;
    open_run_panel(app, MODEL).await?;
    set_run(app, "400", "4242").await?;
    set_run_mode(app, "expected").await?;
    let dashboard = run_to_dashboard(app).await?;
    let run_id: i64 = dashboard
        .attr("data-run-id")
        .await?
        .unwrap_or_default()
        .parse()?;

    app.click(&format!("scenario-tab-{SCENARIO}")).await?;
    status_is(app, "draft").await?;
    app.click("decision-open").await?;
    type_into(app, "decision-request-name", "Priya Shah").await?;
    type_into(app, "decision-request-note", "Passkeys first for Q3").await?;
    app.click("decision-request").await?;
    status_is(app, "in_review").await?;
    // Three teams: Identity Platform decides journey structure; Fraud & Risk and
    // Customer Care hold a veto on it.
    let teams = app
        .driver
        .find_all(By::Css("[data-testid=\"decision-teams\"] tbody tr"))
        .await?;
    ensure_eq!(teams.len(), 3, "three required teams");

    team_word(
        app,
        "approve",
        "identity_platform",
        "Dana Ruiz",
        "fewer SMS codes",
    )
    .await?;
    status_is(app, "in_review").await?;
    team_word(
        app,
        "approve",
        "customer_care",
        "Elena Novak",
        "desk load falls",
    )
    .await?;
    status_is(app, "in_review").await?;
    team_word(
        app,
        "reject",
        "fraud_risk",
        "Marcus Lee",
        "check the phishers first",
    )
    .await?;
    status_is(app, "rejected").await?;
    team_word(
        app,
        "approve",
        "fraud_risk",
        "Marcus Lee",
        "phishers checked",
    )
    .await?;
    status_is(app, "in_review").await?;

    // The owner accepts with a risk acceptance that expires.
    type_into(app, "decision-owner-name", "VP Customer Identity").await?;
    type_into(app, "decision-owner-rationale", "ship it").await?;
    app.driver
        .find(By::Css(".decision-risk summary"))
        .await?
        .click()
        .await?;
    type_into(app, "decision-residual", "Email fallback remains phishable").await?;
    type_into(app, "decision-unmet", "false_rejects").await?;
    type_into(app, "decision-voids", "passkey enrolment under 20 %").await?;
    type_into(app, "decision-expires", "2099-12-31").await?;
    app.click("decision-accept").await?;
    status_is(app, "approved").await?;

    // The status shows wherever the scenario does: its tab, the comparison, the history.
    for id in [
        format!("scenario-tab-status-{SCENARIO}"),
        format!("compare-status-{SCENARIO}"),
    ] {
        wait_attr(app, &id, "data-status", Duration::from_secs(10), |s| {
            s == "approved"
        })
        .await?;
    }
    let history = app
        .by_testid(&format!("history-decision-{run_id}-{SCENARIO}"))
        .await?;
    ensure_eq!(history.text().await?.contains("approved"), true);

    let dir = screenshots_dir()?;
    screenshot_at(app, "decision", "start", &dir.join("decision-record.png")).await?;

    // The pack, written to a typed path, read back against the stored record.
    let pack = temp_dir("decisions-pack")?.join("pack.html");
    type_into(app, "decision-pack-path", &pack.display().to_string()).await?;
    app.click("decision-pack-export").await?;
    app.by_testid("decision-pack-written").await?;
    let html = std::fs::read_to_string(&pack)?;
    let store = journeylab_app::open_workspace(Some(&db))?;
    let record = journeylab_app::decisions::decision_record(&store, MODEL, SCENARIO)?;
    ensure_eq!(record.status.as_str(), "approved");
    let request = record.request.as_ref().ok_or("the record has a request")?;
    ensure_eq!(request.run_id, run_id);
    for needle in [
        "Priya Shah",
        "Dana Ruiz",
        "Elena Novak",
        "Marcus Lee",
        "VP Customer Identity",
        "2099-12-31",
        request.content_hash.as_str(),
    ] {
        ensure_eq!(html.contains(needle), true, "the pack names {needle}");
    }
    // The numbers are the run's: every paired change of the record, as formatted.
    for d in &record.deltas {
        let text = format::delta(d.mean, d.unit, &record.currency);
        ensure_eq!(html.contains(&text), true, "{}: {text}", d.metric);
    }
    // Self-contained: no URL, no script, every chart an inline SVG.
    ensure_eq!(html.contains("http"), false, "no network reference");
    ensure_eq!(html.contains("<script"), false);
    ensure_eq!(html.contains("<img"), false);
    ensure_eq!(html.matches("<svg").count(), 2, "two inline charts");
    std::fs::copy(&pack, dir.join("decision-pack.html"))?;

    // Edit and save the model: the decision is about an older version now.
    app.click("back-to-examples").await?;
    app.click(&format!("open-example-{MODEL}")).await?;
    app.click("open-editor").await?;
    app.by_testid("editor-path").await?;
    app.click("editor-owners").await?;
    type_into(app, "owners-accountable", "VP Customer Identity (acting)").await?;
    app.click("editor-save").await?;
    app.by_testid("editor-saved").await?;
    app.click("editor-close").await?;
    app.by_testid("model-name").await?;
    open_run(app, &run_id.to_string()).await?;
    app.click(&format!("scenario-tab-{SCENARIO}")).await?;
    wait_attr(
        app,
        &format!("scenario-tab-status-{SCENARIO}"),
        "data-status",
        Duration::from_secs(15),
        |s| s == "stale",
    )
    .await?;
    app.click("decision-open").await?;
    status_is(app, "stale").await?;
    app.by_testid("decision-stale").await?;
    // The stale record offers a new request on the run shown, not more words.
    app.by_testid("decision-request").await?;
    ensure_eq!(
        app.driver
            .find_all(By::Css("[data-testid=\"decision-approve\"]"))
            .await?
            .len(),
        0
    );
    let _ = app.by_testid("model-name").await?;
    Ok(())
}
