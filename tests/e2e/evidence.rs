//! Evidence in the app (spec §12): a probability fitted from observed counts and saved
//! with them, an elicitation round of three experts kept hidden until revealed, and a
//! stored run checked against observed counts that disagree with it.

use std::time::Duration;

use serde_json::Value;
use thirtyfour::prelude::*;

use crate::harness::{temp_dir, App, Ctx, TestResult};
use crate::steps::{
    open_in_editor, open_run_panel, run_baseline_only, run_to_dashboard, save_model_as,
    screenshot_at, screenshots_dir, select_node, set_run, type_into, wait_attr, Error,
};

/// The legitimate customers' abandonment at consumer sign-in's first step.
const IDENTIFY_ABANDON: &str = "journeys/login/steps/identify/abandon/*legitimate";

/// Clicks the evidence button `testid` of the quantity at slash path `path` in the
/// inspector (each quantity has its own pair of buttons).
async fn open_evidence(app: &App, testid: &str, path: &str) -> TestResult {
    let css = format!("[data-testid=\"{testid}\"][data-path=\"{path}\"]");
    let button = app.driver.query(By::Css(css)).first().await?;
    button.scroll_into_view().await?;
    button.click().await?;
    Ok(())
}

/// Saves the editor's model to a temporary file and reads it back as JSON.
async fn saved_model(app: &App, test: &str) -> Result<Value, Error> {
    let path = temp_dir(test)?.join("model.json");
    save_model_as(app, &path).await?;
    Ok(serde_json::from_str(&std::fs::read_to_string(&path)?)?)
}

/// Clicks `apply` of dialog `dialog`, waits for it to close, saves the model and reads
/// back the Beta(a, b) written at [`IDENTIFY_ABANDON`] and the source it cites.
async fn apply_and_read_fit(
    app: &App,
    apply: &str,
    dialog: &str,
) -> Result<((f64, f64), Value), Error> {
    app.click(apply).await?;
    app.wait_gone(dialog).await?;
    let doc = saved_model(app, dialog).await?;
    let q = at(&doc, IDENTIFY_ABANDON).ok_or("the quantity is in the saved model")?;
    let beta = q["beta"].as_array().ok_or(format!("a beta: {q}"))?;
    let (Some(a), Some(b)) = (beta[0].as_f64(), beta[1].as_f64()) else {
        return Err(format!("a beta of two numbers: {q}").into());
    };
    let source_id = q["source"].as_str().ok_or("the quantity cites a source")?;
    let source = doc["sources"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["id"] == source_id))
        .ok_or(format!("source {source_id} is in the model"))?;
    Ok(((a, b), source.clone()))
}

/// The value at slash path `path` of a model (`*legitimate` is a key like any other).
fn at<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = doc;
    for part in path.split('/') {
        v = match v {
            // `journeys/<id>`: arrays are addressed by their items' ids.
            Value::Array(items) => items.iter().find(|i| i["id"] == part)?,
            Value::Object(map) => map.get(part)?,
            _ => return None,
        };
    }
    Some(v)
}

/// Two months of counts for the first step's abandonment: the Beta fitted from them has
/// the pooled rate as its mean, and the saved model carries the fit and its counts.
pub async fn fits_an_abandonment_rate_from_counts_and_saves_it(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    open_in_editor(app, "consumer-sign-in").await?;
    select_node(app, "identify").await?;
    open_evidence(app, "evidence-counts-open", IDENTIFY_ABANDON).await?;
    app.by_testid("evidence-counts").await?;
    type_into(app, "evidence-period-0-label", "2026-10").await?;
    type_into(app, "evidence-period-0-n", "20000").await?;
    type_into(app, "evidence-period-0-k", "300").await?;
    if app.by_testid("evidence-period-1-n").await.is_err() {
        app.click("evidence-period-add").await?;
    }
    type_into(app, "evidence-period-1-label", "2026-11").await?;
    type_into(app, "evidence-period-1-n", "18000").await?;
    type_into(app, "evidence-period-1-k", "250").await?;
    app.click("evidence-fit").await?;
    let result = app.by_testid("evidence-fit-result").await?;
    let a: f64 = result.attr("data-a").await?.unwrap_or_default().parse()?;
    let b: f64 = result.attr("data-b").await?.unwrap_or_default().parse()?;
    let method = result.attr("data-method").await?.unwrap_or_default();
    // 550 abandonments in 38,000: whatever the method (pooled or, if the months differ
    // beyond chance, beta-binomial), the fit's mean is the pooled rate to within a
    // tenth of its standard error (√(p(1−p)/n) ≈ 0.0006).
    let mean = a / (a + b);
    let pooled = 550.0 / 38_000.0;
    ensure_eq!(
        (mean - pooled).abs() < 6e-5,
        true,
        "fit beta({a}, {b}) by {method}: mean {mean} vs {pooled}"
    );
    ensure_eq!(method.is_empty(), false, "the method is named");
    screenshot_at(
        app,
        "evidence-fit-result",
        "center",
        &screenshots_dir()?.join("evidence-counts.png"),
    )
    .await?;
    let (saved, source) = apply_and_read_fit(app, "evidence-apply", "evidence-counts").await?;
    ensure_eq!(saved, (a, b), "the saved quantity is the fit shown");
    let observed = source["observed"]
        .as_array()
        .ok_or("the source keeps its counts")?;
    let counts: Vec<(u64, u64)> = observed
        .iter()
        .filter_map(|p| Some((p["n"].as_u64()?, p["k"].as_u64()?)))
        .collect();
    ensure_eq!(counts, vec![(20_000, 300), (18_000, 250)]);
    Ok(())
}

/// Three experts answer with the answers hidden: while one types, the others' answers
/// are masked; revealed, the engine fits each and the pool; applied, the saved model
/// keeps every judgement.
pub async fn an_elicitation_round_with_three_experts_hidden_then_revealed(
    ctx: &mut Ctx,
) -> TestResult {
    let app = ctx.app().await?;
    open_in_editor(app, "consumer-sign-in").await?;
    select_node(app, "identify").await?;
    open_evidence(app, "elicit-open", IDENTIFY_ABANDON).await?;
    app.by_testid("evidence-elicit").await?;
    app.click("elicit-hidden").await?;
    let experts = [
        ("Ana (product)", ["0.005", "0.012", "0.03"]),
        ("Ben (security)", ["0.008", "0.02", "0.05"]),
        ("Chloé (CX)", ["0.004", "0.01", "0.025"]),
    ];
    for (i, (name, values)) in experts.iter().enumerate() {
        type_into(app, &format!("elicit-expert-{i}-name"), name).await?;
        for (c, v) in values.iter().enumerate() {
            type_into(app, &format!("elicit-expert-{i}-q{c}"), v).await?;
        }
        type_into(
            app,
            &format!("elicit-expert-{i}-rationale"),
            "from last year's funnel",
        )
        .await?;
    }
    // Expert 2 is typing: experts 0 and 1 are masked, their values not in the page.
    for i in 0..2 {
        let row = app.by_testid(&format!("elicit-expert-{i}")).await?;
        ensure_eq!(row.attr("data-masked").await?.as_deref(), Some("true"));
        let field = app.by_testid(&format!("elicit-expert-{i}-q1")).await?;
        ensure_eq!(field.prop("value").await?.unwrap_or_default(), "");
    }
    app.click("elicit-reveal").await?;
    app.by_testid("elicit-revealed").await?;
    let shown = app.by_testid("elicit-expert-1-q1").await?;
    ensure_eq!(shown.prop("value").await?.as_deref(), Some("0.02"));

    app.click("elicit-fit").await?;
    let pool = app.by_testid("elicit-pool").await?;
    let pool_error: f64 = pool
        .attr("data-fit-error")
        .await?
        .unwrap_or_default()
        .parse()?;
    ensure_eq!(
        pool_error.is_finite() && pool_error >= 0.0,
        true,
        "the pool's fit error: {pool_error}"
    );
    for i in 0..3 {
        app.by_testid(&format!("elicit-expert-{i}-fit")).await?;
    }
    let plot = app.by_testid("elicit-plot").await?;
    // One curve per expert and the pool.
    ensure_eq!(plot.attr("data-curves").await?.as_deref(), Some("4"));
    screenshot_at(
        app,
        "elicit-plot",
        "center",
        &screenshots_dir()?.join("evidence-elicit.png"),
    )
    .await?;
    let ((a, b), source) = apply_and_read_fit(app, "elicit-apply", "evidence-elicit").await?;
    // The pool's mean lies between the experts' lowest and highest medians.
    let mean = a / (a + b);
    ensure_eq!((0.01..0.03).contains(&mean), true, "pooled beta({a}, {b})");
    let judgements = source["elicited"]
        .as_array()
        .ok_or("the source keeps the judgements")?;
    let names: Vec<&str> = judgements
        .iter()
        .filter_map(|j| j["expert"].as_str())
        .collect();
    ensure_eq!(names, vec!["Ana (product)", "Ben (security)", "Chloé (CX)"]);
    ensure_eq!(
        source["fit_error"].as_f64().is_some(),
        true,
        "the pool's fit error is kept: {source}"
    );
    Ok(())
}

/// A stored run of consumer sign-in checked against counts: the first step's
/// abandonment as the model expects it passes; an abandonment ten times the model's is
/// flagged, with its p-value under 0.05.
pub async fn observed_counts_that_disagree_are_flagged(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    open_run_panel(app, "consumer-sign-in").await?;
    set_run(app, "2000", "11").await?;
    run_baseline_only(app).await?;
    run_to_dashboard(app).await?;
    // The model's legitimate abandonment at `identify` is PERT(0.5 %, 1 %, 3 %), mean
    // ≈ 1.25 %: 120 in 10,000 agrees; 1,500 in 10,000 (15 %) does not.
    let csv = [
        "journey,step,exit,population,n,k",
        "login,identify,abandon,customers,10000,120",
        "login,identify,abandon,customers,10000,1500",
    ];
    let field = app.by_testid("run-check-csv").await?;
    field.scroll_into_view().await?;
    // Line by line: WebKitWebDriver drops a "\n" inside typed text; Enter is a newline.
    for line in csv {
        field.send_keys(line).await?;
        field.send_keys(Key::Enter).await?;
    }
    app.click("run-check-go").await?;
    wait_attr(
        app,
        "run-check",
        "data-status",
        Duration::from_secs(20),
        |v| v != "idle",
    )
    .await?;
    let status = app
        .by_testid("run-check")
        .await?
        .attr("data-status")
        .await?;
    if status.as_deref() != Some("ready") {
        let error = app.by_testid("run-check-error").await?.text().await?;
        return Err(format!("the check failed: {error}").into());
    }
    let row = |i: usize| async move {
        let el = app.by_testid(&format!("run-check-row-{i}")).await?;
        let flagged = el.attr("data-flagged").await?.unwrap_or_default();
        let p: f64 = el.attr("data-p").await?.unwrap_or_default().parse()?;
        Ok::<_, Error>((flagged, p))
    };
    let (agrees, p_agrees) = row(0).await?;
    let (disagrees, p_disagrees) = row(1).await?;
    ensure_eq!(agrees, "false", "p = {p_agrees}");
    ensure_eq!(p_agrees >= 0.05, true, "p = {p_agrees}");
    ensure_eq!(disagrees, "true", "p = {p_disagrees}");
    ensure_eq!(p_disagrees < 0.05, true, "p = {p_disagrees}");
    screenshot_at(
        app,
        "run-check",
        "center",
        &screenshots_dir()?.join("evidence-check.png"),
    )
    .await?;
    Ok(())
}
