//! Running simulations from the app: progress, the results dashboard (its numbers equal
//! the engine's for the same model, settings and seed), scenario comparison, cancelling
//! a long run, reopening a run from the history. Each test has its own empty workspace
//! database (the harness sets `JOURNEYLAB_DB`).

use std::time::{Duration, Instant};

use journeylab_engine::format;
use journeylab_engine::result::ResultDoc;
use journeylab_engine::vocab::Unit;
use journeylab_engine::{Mode, NoProgress, Sampling, Settings};
use serde_json::Value;
use thirtyfour::prelude::*;

use crate::harness::{repo_root, App, Ctx, TestResult};
use crate::steps::{
    open_example, open_run, open_run_panel, run_baseline_only, run_to_dashboard, screenshot_at,
    screenshots_dir, set_run, set_run_mode, wait_attr, wait_run_status, Error,
};

const MODEL: &str = "consumer-sign-in";

/// Opens the model and fills the run panel; the seed shown before is a random one.
async fn open_and_set(app: &App, iterations: &str, seed: &str) -> TestResult {
    open_run_panel(app, MODEL).await?;
    // The seed is always shown: a random one before the user types.
    let shown = app
        .by_testid("run-seed")
        .await?
        .value()
        .await?
        .unwrap_or_default();
    ensure_eq!(
        !shown.is_empty() && shown.chars().all(|c| c.is_ascii_digit()),
        true,
        "random seed shown: {shown:?}"
    );
    set_run(app, iterations, seed).await
}

/// Ticks a checkbox, clicking again if a layout shift (a chart arriving) made the click
/// land elsewhere.
async fn tick(app: &App, id: &str) -> TestResult {
    for _ in 0..5 {
        let el = app.by_testid(id).await?;
        el.scroll_into_view().await?;
        if el.is_selected().await? {
            return Ok(());
        }
        el.click().await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        if app.by_testid(id).await?.is_selected().await? {
            return Ok(());
        }
    }
    Err(format!("{id} could not be ticked").into())
}

/// The engine's result document for the fixture with these settings.
fn engine_result(iterations: u64, seed: u64) -> Result<ResultDoc, Error> {
    let settings = Settings {
        iterations,
        seed,
        mode: Mode::Sampled,
        sampling: Sampling::Mc,
        threads: None,
    };
    engine_result_with(&settings, None)
}

/// The engine's result document for the fixture (`scenarios`: `None` for all).
fn engine_result_with(
    settings: &Settings,
    scenarios: Option<&[String]>,
) -> Result<ResultDoc, Error> {
    let path = repo_root().join("fixtures").join(format!("{MODEL}.json"));
    let loaded = journeylab_app::load_model(&path)?;
    let out = journeylab_engine::run(&loaded.validation, settings, scenarios, &NoProgress)?;
    Ok(journeylab_engine::result_doc(&out))
}

/// A quasi-random run from the run panel: the dashboard says so and its cards hold the
/// engine's rqmc means for the same seed (bit for bit), not the mc ones.
pub async fn a_quasi_random_run_shows_the_engines_numbers(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    open_and_set(app, "3200", "4242").await?;
    set_run_mode(app, "expected").await?;
    app.click("run-sampling-rqmc").await?;
    run_baseline_only(app).await?;
    screenshot_at(
        app,
        "run-start",
        "center",
        &screenshots_dir()?.join("run-panel-sampling.png"),
    )
    .await?;
    run_to_dashboard(app).await?;
    ensure_eq!(
        app.by_testid("dashboard-sampling")
            .await?
            .text()
            .await?
            .contains("quasi-random"),
        true
    );
    let settings = Settings {
        iterations: 3200,
        seed: 4242,
        mode: Mode::Expected,
        sampling: Sampling::Rqmc,
        threads: None,
    };
    let rqmc = engine_result_with(&settings, Some(&[]))?;
    let mc = engine_result_with(
        &Settings {
            sampling: Sampling::Mc,
            ..settings
        },
        Some(&[]),
    )?;
    for metric in journeylab_app::HEADLINE_METRICS {
        let shown = app
            .by_testid(&format!("card-{metric}"))
            .await?
            .attr("data-mean")
            .await?
            .map(|m| as_f64(&m));
        let want = rqmc.scenarios[0].total(metric).map(|s| s.mean);
        ensure_eq!(shown, want, "card {metric}");
        if let (Some(a), Some(b)) = (want, mc.scenarios[0].total(metric).map(|s| s.mean)) {
            ensure_eq!(
                a != b || a == 0.0,
                true,
                "{metric}: rqmc {a} differs from mc {b}"
            );
        }
    }
    screenshot_at(
        app,
        "dashboard",
        "start",
        &screenshots_dir()?.join("results-rqmc.png"),
    )
    .await
}

fn as_f64(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// Runs the fixture with a fixed seed: progress reaches the total, the dashboard shows
/// every headline card with the engine's means (bit for bit), guardrails, the breakdown,
/// and a comparison of each scenario with the baseline.
pub async fn a_run_shows_progress_then_the_engines_numbers(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    open_and_set(app, "2000", "12345").await?;
    let dashboard = run_to_dashboard(app).await?;
    let status = app.by_testid("run-status").await?;
    ensure_eq!(
        status.attr("data-done").await?.as_deref(),
        Some("8000"),
        "progress of 4 scenarios × 2,000"
    );
    ensure_eq!(status.attr("data-total").await?.as_deref(), Some("8000"));
    ensure_eq!(
        app.by_testid("dashboard-seed").await?.text().await?,
        "12345"
    );

    let expected = engine_result(2000, 12345)?;
    let scenarios = &expected.scenarios;
    ensure_eq!(scenarios.len(), 4);
    for metric in journeylab_app::HEADLINE_METRICS {
        let want = scenarios[0].total(metric).map(|s| s.mean);
        let card = dashboard
            .find(By::Css(format!("[data-testid=\"card-{metric}\"]")))
            .await?;
        let shown = card.attr("data-mean").await?.map(|m| as_f64(&m));
        ensure_eq!(shown, want, "card {metric}");
    }
    // The visible text is the same number, formatted as the engine's formatter writes it.
    let rate = scenarios[0]
        .total("legit_success_rate")
        .map_or(f64::NAN, |s| s.mean);
    let text = dashboard
        .find(By::Css(
            "[data-testid=\"card-legit_success_rate\"] [data-testid=\"card-mean\"]",
        ))
        .await?
        .text()
        .await?;
    ensure_eq!(text, format::value(rate, Unit::Rate, &expected.currency));

    // Guardrails, with met / not met as the engine decided.
    for g in &scenarios[0].guardrails {
        let id = &g.id;
        let el = app.by_testid(&format!("guardrail-{id}")).await?;
        ensure_eq!(
            el.attr("data-met").await?,
            Some(g.met.to_string()),
            "guardrail {id}"
        );
    }
    let rows = app.all_by_testid("breakdown-row").await?;
    ensure_eq!(rows.is_empty(), false, "breakdown rows");

    // Comparison: a plain-language line per scenario and the paired deltas, the clear
    // ones marked as the engine's 90 % interval says.
    app.by_testid("comparison").await?;
    for s in &scenarios[1..] {
        let id = &s.id;
        let line = app
            .by_testid(&format!("scenario-line-{id}"))
            .await?
            .text()
            .await?;
        ensure_eq!(line.is_empty(), false, "line of {id}");
        let clear = s
            .delta("fraud_loss")
            .is_some_and(|d| d.p5 > 0.0 || d.p95 < 0.0);
        let row = app.by_testid(&format!("delta-{id}-fraud_loss")).await?;
        ensure_eq!(
            row.attr("data-clear").await?,
            Some(clear.to_string()),
            "{id}"
        );
    }
    app.by_testid("chart-compare").await?;
    app.by_testid("chart-histogram").await?;

    // Another scenario's cards are the engine's too.
    app.click("scenario-tab-passkeys_first").await?;
    let card = app.by_testid("card-fraud_loss").await?;
    let want = expected
        .scenario("passkeys_first")
        .and_then(|s| s.total("fraud_loss"))
        .map(|s| s.mean);
    ensure_eq!(card.attr("data-mean").await?.map(|m| as_f64(&m)), want);

    let history = app.all_by_testid("history-row").await?;
    ensure_eq!(
        App::attrs(&history, "data-status").await?,
        vec!["finished".to_string()]
    );

    let dir = screenshots_dir()?;
    app.click("scenario-tab-baseline").await?;
    screenshot_at(
        app,
        "dashboard",
        "start",
        &dir.join("results-dashboard.png"),
    )
    .await?;
    // Further down: the comparison of scenarios with the baseline.
    screenshot_at(
        app,
        "comparison",
        "start",
        &dir.join("results-comparison.png"),
    )
    .await?;
    screenshot_at(app, "charts", "start", &dir.join("results-charts.png")).await?;
    Ok(())
}

/// A long run shows live progress, the window keeps answering, and Cancel stops it
/// within a second; the history lists it as cancelled.
pub async fn cancelling_a_long_run_marks_it_cancelled(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    open_and_set(app, "5000000", "7").await?;
    app.click("run-start").await?;
    let done = wait_attr(
        app,
        "run-progress",
        "data-done",
        Duration::from_secs(20),
        |v| v.parse::<u64>().is_ok_and(|d| d > 0),
    )
    .await?;
    let total = app
        .by_testid("run-progress")
        .await?
        .attr("data-total")
        .await?;
    ensure_eq!(
        total.as_deref(),
        Some("20000000"),
        "4 scenarios × 5,000,000 (done {done})"
    );
    // The window still answers while the engine works.
    let text = app.by_testid("run-progress-text").await?.text().await?;
    ensure_eq!(text.contains("iterations"), true, "{text}");
    let asked = Instant::now();
    app.click("run-cancel").await?;
    wait_run_status(app, "cancelled", Duration::from_secs(10)).await?;
    let took = asked.elapsed();
    ensure_eq!(
        took < Duration::from_secs(3),
        true,
        "cancelled after {took:?}"
    );
    let rows = app.all_by_testid("history-row").await?;
    ensure_eq!(
        App::attrs(&rows, "data-status").await?,
        vec!["cancelled".to_string()]
    );
    Ok(())
}

/// A stored run can be reopened from the history after leaving the model, and deleted.
pub async fn a_run_reopens_from_the_history(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    open_and_set(app, "300", "99").await?;
    let dashboard = run_to_dashboard(app).await?;
    let run_id = dashboard.attr("data-run-id").await?.unwrap_or_default();
    let mean = app
        .by_testid("card-net_value")
        .await?
        .attr("data-mean")
        .await?;
    app.click("back-to-examples").await?;
    open_example(app, MODEL).await?;
    let rows = app.all_by_testid("history-row").await?;
    ensure_eq!(
        App::attrs(&rows, "data-run-id").await?,
        vec![run_id.clone()]
    );
    ensure_eq!(
        app.driver
            .find_all(By::Css("[data-testid=\"dashboard\"]"))
            .await?
            .len(),
        0
    );
    open_run(app, &run_id).await?;
    let dashboard = app.by_testid("dashboard").await?;
    ensure_eq!(dashboard.attr("data-run-id").await?, Some(run_id.clone()));
    ensure_eq!(
        app.by_testid("card-net_value")
            .await?
            .attr("data-mean")
            .await?,
        mean
    );
    ensure_eq!(app.by_testid("dashboard-seed").await?.text().await?, "99");
    // A second run of the same seed with fewer iterations: compared with the first, it is
    // paired per iteration and every headline delta is exactly 0 (same random streams).
    set_run(app, "200", "99").await?;
    app.click("run-start").await?;
    let first: i64 = run_id.parse()?;
    let second = (first + 1).to_string();
    wait_attr(
        app,
        "dashboard",
        "data-run-id",
        Duration::from_secs(30),
        |v| v == second,
    )
    .await?;
    tick(app, &format!("history-compare-{run_id}")).await?;
    tick(app, &format!("history-compare-{second}")).await?;
    app.click("history-compare-go").await?;
    let pair = app.by_testid("run-pair").await?;
    ensure_eq!(pair.attr("data-paired").await?.as_deref(), Some("true"));
    let delta = app.by_testid("pair-legit_success_rate").await?;
    ensure_eq!(delta.attr("data-delta").await?.as_deref(), Some("0"));
    app.click(&format!("history-delete-{second}")).await?;
    app.wait_gone("run-pair").await?;
    // The deleted row leaves the table (the rows below move up) before clicking again.
    app.wait_gone(&format!("history-delete-{second}")).await?;
    open_run(app, &run_id).await?;

    // Export the result document to a file.
    let out = crate::harness::temp_dir("reopen-export")?.join("run.json");
    let path = app.by_testid("export-path").await?;
    path.send_keys(out.display().to_string()).await?;
    app.click("export-save").await?;
    app.by_testid("export-done").await?;
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out)?)?;
    ensure_eq!(doc["seed"].as_u64(), Some(99));
    // Delete it: the history is empty and the dashboard closes.
    app.click(&format!("history-delete-{run_id}")).await?;
    app.by_testid("history-empty").await?;
    app.wait_gone("dashboard").await?;
    Ok(())
}
