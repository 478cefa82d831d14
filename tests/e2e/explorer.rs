//! Threshold explorer: from a risk gate in the editor, two sliders move the gate's
//! thresholds; the headline numbers follow each move within 100 ms (measured in the
//! page), they are the engine's numbers for the same seed, and "Save as scenario" puts
//! the thresholds into the model file.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::harness::{artifacts_dir, temp_dir, App, Ctx, TestResult};
use crate::steps::{
    close_to_start, open_in_editor, parsed_attr, save_model_as, screenshots_dir,
    select_node_offering, wait_for_quiet_page, Error,
};

const GATE: &str = "login/risk";

/// Consumer sign-in: open the explorer on the sign-in risk check, move the sliders, check
/// the direction and the engine's numbers, bound the latency, save a scenario to disk.
pub async fn threshold_explorer_follows_the_sliders(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    open_in_editor(app, "consumer-sign-in").await?;
    let settled = wait_for_quiet_page(Duration::from_secs(15)).await;
    select_node_offering(app, "risk", "explore-thresholds")
        .await
        .map_err(|e| format!("the risk gate is selected and offers the explorer: {e}"))?;
    let shots = screenshots_dir()?;
    app.screenshot(&shots.join("explorer-entry.png")).await?;
    app.click("explore-thresholds").await?;
    app.by_testid("threshold-explorer").await?;

    // First answer: the model's own thresholds.
    wait_answer(app, 0.3, 0.9).await?;
    let fraud_model = mean(app, "explorer-fraud_loss").await?;
    let success_model = mean(app, "explorer-legit_success_rate").await?;
    let rejects_model = mean(app, "explorer-false_reject_rate").await?;
    ensure_eq!(
        fraud_model > 0.0,
        true,
        "a fraud loss is shown: {fraud_model}"
    );
    app.by_testid("explorer-team-fraud_risk").await?;
    app.by_testid("explorer-guardrail-phisher_success").await?;
    let charts = app.all_by_testid("tradeoff-plot").await?;
    ensure_eq!(charts.len(), 1, "one tradeoff chart");

    // Raising allow_below lets more sign-ins through unchallenged: more fraud, more
    // customers through.
    set_slider(app, "slider-allow", 0.5).await?;
    wait_answer(app, 0.5, 0.9).await?;
    let fraud_up = mean(app, "explorer-fraud_loss").await?;
    let success_up = mean(app, "explorer-legit_success_rate").await?;
    ensure_eq!(
        fraud_up > fraud_model,
        true,
        "fraud loss {fraud_model} → {fraud_up}"
    );
    ensure_eq!(
        success_up >= success_model,
        true,
        "legit success {success_model} → {success_up}"
    );
    let delta = app
        .by_testid("explorer-fraud_loss-delta")
        .await?
        .text()
        .await?;
    ensure_eq!(
        delta.starts_with('+'),
        true,
        "the change against the model is shown: {delta}"
    );

    // They are the engine's numbers for this document, gate, thresholds and seed.
    let seed: u64 = parsed_attr(app, "explorer-status", "data-seed").await?;
    let doc = fixture()?;
    let engine = journeylab_app::explore_gate(&doc, GATE, 0.5, 0.9, 300, seed)?;
    ensure_eq!(
        close(fraud_up, engine.point.fraud_loss),
        true,
        "page {fraud_up} vs engine {}",
        engine.point.fraud_loss
    );

    // Raising block_at_or_above blocks fewer customers at the gate.
    set_slider(app, "slider-block", 0.97).await?;
    wait_answer(app, 0.5, 0.97).await?;
    let rejects_up = mean(app, "explorer-false_reject_rate").await?;
    ensure_eq!(
        rejects_up <= rejects_model,
        true,
        "false rejects {rejects_model} → {rejects_up}"
    );

    // Latency of single moves, each read once its numbers are in.
    let mut latencies = Vec::new();
    let mut computed = Vec::new();
    let (mut block_latencies, mut block_computed) = (Vec::new(), Vec::new());
    let mut block = 0.97;
    // Allow values off the curve's 0.05 grid, so each is a point of its own; every
    // block move sweeps a new curve (the slowest kind of move).
    for (allow, b) in [
        (0.33, 0.97),
        (0.41, 0.97),
        (0.47, 0.91),
        (0.22, 0.91),
        (0.26, 0.86),
        (0.61, 0.86),
        (0.12, 0.83),
        (0.31, 0.92),
        (0.57, 0.94),
        (0.14, 0.94),
    ] {
        if b != block {
            // As a person does: look at the numbers, then move the other slider.
            tokio::time::sleep(Duration::from_millis(400)).await;
            set_slider(app, "slider-block", b).await?;
            block = b;
            wait_answer(app, app_allow(app).await?, b).await?;
            block_latencies.push(latency(app).await?);
            block_computed.push(compute_ms(app).await?);
        }
        set_slider(app, "slider-allow", allow).await?;
        wait_answer(app, allow, b).await?;
        latencies.push(latency(app).await?);
        computed.push(compute_ms(app).await?);
    }
    // A drag: many input events in one go; the newest position wins.
    app.driver
        .execute(
            r#"const el = document.querySelector('[data-testid="slider-allow"]');
               const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
               for (const v of ["0.16","0.18","0.2","0.22","0.24","0.26","0.28","0.3","0.32","0.34"]) {
                 set.call(el, v);
                 el.dispatchEvent(new Event("input", { bubbles: true }));
               }"#,
            Vec::new(),
        )
        .await?;
    wait_answer(app, 0.34, 0.94).await?;
    let drag = latency(app).await?;
    let answered: usize = app
        .by_testid("explorer-latency")
        .await?
        .attr("data-count")
        .await?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);

    let stats = |v: &[f64]| {
        let mut sorted = v.to_vec();
        sorted.sort_by(f64::total_cmp);
        (sorted[sorted.len() / 2], sorted[sorted.len() - 1])
    };
    let (median, slowest) = stats(&latencies);
    let (block_median, block_slowest) = stats(&block_latencies);
    let curve_points = app
        .driver
        .find_all(By::Css("[data-testid^='curve-point-']"))
        .await?
        .len();
    let report = format!(
        "threshold explorer, consumer-sign-in {GATE}, 300 iterations expected mode; latency = \
         slider move → its numbers in the page (ms)\n\
         allow moves: {latencies:?}; median {median:.1}, max {slowest:.1}\n\
         \x20 computing in the app: {computed:?}\n\
         block moves (a new curve of {} points): {block_latencies:?}; median {block_median:.1}, \
         max {block_slowest:.1}\n\
         \x20 computing in the app: {block_computed:?}\n\
         after a 10-event drag of the allow slider: {drag:.1} ms ({answered} answers shown in all)\n\
         waited {settled:?} after opening the editor for the page to be quiet\n\
         load average while measuring (2 cores): {}\n",
        curve_points,
        std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim(),
    );
    print!("{report}");
    std::fs::create_dir_all(artifacts_dir())?;
    std::fs::write(artifacts_dir().join("explorer-latency.txt"), &report)?;
    // The promise is 100 ms: medians are held to it. Single moves may be slower on a
    // loaded machine (other test suites share its two cores), so the slowest allow move
    // and the drag get 400 ms — enough to catch a queue of stale requests, which would
    // take seconds; for block moves, whose computation is a whole sweep, the time
    // outside the computation (round trip, page) is held to that instead.
    ensure_eq!(
        median <= 100.0,
        true,
        "median allow-move latency {median} ms"
    );
    ensure_eq!(
        block_median <= 100.0,
        true,
        "median block-move latency {block_median} ms"
    );
    ensure_eq!(slowest <= 400.0, true, "slowest allow move {latencies:?}");
    let overhead: Vec<f64> = block_latencies
        .iter()
        .zip(&block_computed)
        .map(|(l, c)| l - c)
        .collect();
    ensure_eq!(
        overhead.iter().all(|x| *x <= 400.0),
        true,
        "block moves outside the computation {overhead:?}"
    );
    ensure_eq!(drag <= 400.0, true, "after a drag {drag} ms");

    // Screenshot at the thresholds to be saved.
    // (One move at a time, so the latency shown is of a single move.)
    set_slider(app, "slider-block", 0.85).await?;
    wait_answer(app, app_allow(app).await?, 0.85).await?;
    set_slider(app, "slider-allow", 0.25).await?;
    wait_answer(app, 0.25, 0.85).await?;
    app.screenshot(&shots.join("threshold-explorer.png"))
        .await?;

    // Save as scenario, then save the model and read the file.
    app.click("explorer-save-scenario").await?;
    let name = app.by_testid("explorer-scenario-name").await?;
    let default_name = name.prop("value").await?.unwrap_or_default();
    ensure_eq!(default_name, "Risk gate login/risk 0.25/0.85");
    app.click("explorer-scenario-add").await?;
    app.by_testid("explorer-saved-note").await?;
    app.click("explorer-close").await?;
    app.wait_gone("threshold-explorer").await?;
    let file = temp_dir("explorer")?.join("consumer-sign-in.json");
    save_model_as(app, &file).await?;
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
    let scenario = saved["scenarios"]
        .as_array()
        .and_then(|s| {
            s.iter()
                .find(|s| s["id"] == "risk_gate_login_risk_0_25_0_85")
        })
        .ok_or("the scenario is in the saved file")?;
    ensure_eq!(scenario["name"], "Risk gate login/risk 0.25/0.85");
    ensure_eq!(scenario["proposed_by"], "fraud_risk");
    ensure_eq!(
        scenario["changes"],
        serde_json::json!([
            { "path": "journeys/login/steps/risk/allow_below", "value": 0.25 },
            { "path": "journeys/login/steps/risk/block_at_or_above", "value": 0.85 }
        ])
    );
    // The saved model is valid, with the new scenario among its scenarios.
    let validation = journeylab_engine::validate(&saved);
    ensure_eq!(validation.is_valid(), true, "the saved model validates");
    Ok(())
}

fn fixture() -> Result<serde_json::Value, Error> {
    let path = crate::harness::repo_root().join("fixtures/consumer-sign-in.json");
    Ok(serde_json::from_str(&std::fs::read_to_string(path)?)?)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// Sets a range input the way a drag does (React sees an `input` event).
async fn set_slider(app: &App, testid: &str, value: f64) -> WebDriverResult<()> {
    app.driver
        .execute(
            r#"const [id, v] = arguments;
               const el = document.querySelector(`[data-testid="${id}"]`);
               const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
               set.call(el, String(v));
               el.dispatchEvent(new Event("input", { bubbles: true }));"#,
            vec![serde_json::json!(testid), serde_json::json!(value)],
        )
        .await
        .map(|_| ())
}

/// The allow slider's value.
async fn app_allow(app: &App) -> WebDriverResult<f64> {
    Ok(app
        .by_testid("slider-allow-value")
        .await?
        .text()
        .await?
        .parse()
        .unwrap_or(f64::NAN))
}

/// Waits (up to 10 s) until the headline numbers are for `allow` / `block`.
async fn wait_answer(app: &App, allow: f64, block: f64) -> Result<(), Error> {
    // Polled inside the page: polling over WebDriver (three commands every 20 ms) kept
    // the web process at ~160 % CPU on two cores and so slowed the very computation
    // whose latency is measured.
    const SCRIPT: &str = r#"
        const [allow, block, done] = arguments;
        const deadline = Date.now() + 10000;
        const check = () => {
          const el = document.querySelector('[data-testid="explorer-headlines"]');
          const seen = el ? [el.getAttribute("data-allow"), el.getAttribute("data-block")] : null;
          if (seen && Number(seen[0]) === allow && Number(seen[1]) === block) return done(null);
          if (Date.now() > deadline) return done(seen);
          setTimeout(check, 10);
        };
        check();"#;
    let seen = app
        .driver
        .execute_async(
            SCRIPT,
            vec![serde_json::json!(allow), serde_json::json!(block)],
        )
        .await?;
    match seen.json() {
        serde_json::Value::Null => Ok(()),
        other => Err(format!("no answer for {allow} / {block} (showing {other})").into()),
    }
}

/// The mean a headline shows.
async fn mean(app: &App, testid: &str) -> Result<f64, Error> {
    parsed_attr(app, testid, "data-mean").await
}

/// Milliseconds from the last slider move to its numbers in the page.
async fn latency(app: &App) -> Result<f64, Error> {
    parsed_attr(app, "explorer-latency", "data-ms").await
}

/// Milliseconds the app spent computing the last answer (the rest is the round trip).
async fn compute_ms(app: &App) -> Result<f64, Error> {
    parsed_attr(app, "explorer-latency", "data-compute-ms").await
}

/// Every risk gate of every fixture: a few moves of each slider in the real app, their
/// latencies recorded (target/e2e/explorer-latency-fixtures.txt) and held to the promise.
pub async fn threshold_explorer_latency_on_every_fixture(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    let mut report = String::from(
        "threshold explorer in the app, every fixture's risk gates, 300 iterations expected \
         mode; latency = slider move → its numbers in the page (ms)\n",
    );
    let (mut all_allow, mut all_block) = (Vec::new(), Vec::new());
    let mut opened: Option<String> = None;
    let mut settled = Vec::new();
    for (fixture, gate) in fixture_gates()? {
        let (journey, step) = gate.split_once('/').ok_or("gate JOURNEY/STEP")?;
        if opened.as_deref() != Some(fixture.as_str()) {
            if opened.is_some() {
                close_to_start(app).await?;
            }
            open_in_editor(app, &fixture).await?;
            settled.push(wait_for_quiet_page(Duration::from_secs(15)).await);
            opened = Some(fixture.clone());
        }
        let _ = app.click(&format!("tab-{journey}")).await;
        select_node_offering(app, step, "explore-thresholds")
            .await
            .map_err(|e| format!("{fixture} {gate}: the gate offers the explorer: {e}"))?;
        app.click("explore-thresholds").await?;
        let (a, b) = model_thresholds(&fixture, journey, step)?;
        wait_answer(app, a, b).await?;
        let (mut allow_ms, mut block_ms) = (Vec::new(), Vec::new());
        // Off the 0.05 grid, below the model's value — or above it when there is no room
        // below (an allow of 0) — each move a new value.
        for d in [0.07, 0.13, 0.04] {
            let allow = round2(if a - d >= 0.01 { a - d } else { (a + d).min(b) });
            set_slider(app, "slider-allow", allow).await?;
            wait_answer(app, allow, b).await?;
            allow_ms.push(latency(app).await?);
        }
        for d in [0.03, 0.06] {
            tokio::time::sleep(Duration::from_millis(400)).await;
            let block = round2((b - d).max(0.02));
            set_slider(app, "slider-block", block).await?;
            wait_answer(app, app_allow(app).await?, block).await?;
            block_ms.push(latency(app).await?);
        }
        report.push_str(&format!(
            "{fixture} {gate}: allow moves {allow_ms:?}, block moves {block_ms:?}\n"
        ));
        all_allow.extend(allow_ms);
        all_block.extend(block_ms);
        app.click("explorer-close").await?;
        app.wait_gone("threshold-explorer").await?;
    }
    let median = |v: &[f64]| {
        let mut s = v.to_vec();
        s.sort_by(f64::total_cmp);
        s[s.len() / 2]
    };
    let (allow_median, block_median) = (median(&all_allow), median(&all_block));
    report.push_str(&format!(
        "median of allow moves {allow_median:.1}, of block moves {block_median:.1}\n\
         waited {settled:?} after opening each editor for the page to be quiet\n\
         load average while measuring (2 cores): {}\n",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    ));
    print!("{report}");
    std::fs::create_dir_all(artifacts_dir())?;
    std::fs::write(
        artifacts_dir().join("explorer-latency-fixtures.txt"),
        &report,
    )?;
    ensure_eq!(allow_median <= 100.0, true, "allow moves {all_allow:?}");
    ensure_eq!(block_median <= 100.0, true, "block moves {all_block:?}");
    Ok(())
}

/// (fixture file stem, `journey/step`) of every risk gate of the fixtures, in order.
fn fixture_gates() -> Result<Vec<(String, String)>, Error> {
    let dir = crate::harness::repo_root().join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p)?)?;
        for g in journeylab_app::risk_gates(&doc) {
            out.push((stem.clone(), format!("{}/{}", g.journey, g.step)));
        }
    }
    Ok(out)
}

fn model_thresholds(fixture: &str, journey: &str, step: &str) -> Result<(f64, f64), Error> {
    let path = crate::harness::repo_root()
        .join("fixtures")
        .join(format!("{fixture}.json"));
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let g = journeylab_app::risk_gates(&doc)
        .into_iter()
        .find(|g| g.journey == journey && g.step == step)
        .ok_or("the gate")?;
    Ok((
        g.allow_below.unwrap_or(0.0),
        g.block_at_or_above.unwrap_or(1.0),
    ))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
