//! A 200-step journey in the editor: opening, zooming and an edit stay responsive.
//! Timings are measured in the page (frame intervals from `requestAnimationFrame` while
//! the canvas is zoomed in and out by wheel events every frame) and written to
//! `target/e2e/large-model-timings.json`. Panning by drag is not measured.
//!
//! Bounds: the first view within 10 s; while zooming, 95 % of frames within 120 ms
//! (about 8 frames a second, with software rendering in Xvfb on a loaded 2-core machine)
//! and no frame over 500 ms; an edit shows on its node within 1 s. Seen in ten runs here:
//! first view 0.69–0.86 s, frame p95 38–70 ms, max 41–87 ms, edit 0.12–0.32 s.

use std::ffi::OsString;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use thirtyfour::prelude::*;

use crate::harness::{artifacts_dir, temp_dir, Ctx, TestResult};

/// A model whose one journey is a chain of 200 steps (actions and controls).
fn big_model() -> Value {
    let n = 200;
    let steps: Vec<Value> = (0..n)
        .map(|i| {
            let next = if i + 1 < n { format!("s{}", i + 1) } else { "success".to_string() };
            if i % 4 == 3 {
                json!({ "id": format!("s{i}"), "kind": "control", "name": format!("Check {i}"), "control": "otp",
                        "on": { "pass": next, "fail": "blocked" } })
            } else {
                json!({ "id": format!("s{i}"), "kind": "action", "name": format!("Step {i}"),
                        "abandon": 0.001, "next": next })
            }
        })
        .collect();
    json!({
        "format": "journeylab/1",
        "name": "Two hundred steps",
        "populations": [ { "id": "customers", "kind": "legitimate" } ],
        "controls": [ { "id": "otp", "name": "OTP", "factor": "possession", "pass": 0.999 } ],
        "journeys": [ { "id": "long", "name": "Long journey", "entry": "s0",
                        "entrants": [ { "population": "customers", "volume": 1000 } ], "steps": steps } ]
    })
}

/// Zooms the canvas in and out with a wheel event every frame for about 1.5 s and
/// returns the frame intervals (ms) seen meanwhile.
const MEASURE_FRAMES: &str = r#"
const done = arguments[0];
const pane = document.querySelector('.react-flow__pane') || document.querySelector('[data-testid=canvas]');
const r = pane.getBoundingClientRect();
const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
const gaps = [];
let last = performance.now();
const start = last;
let k = 0;
function frame(now) {
  gaps.push(now - last);
  last = now;
  k += 1;
  const t = now - start;
  // Ten frames zooming in, ten zooming out, and so on.
  pane.dispatchEvent(new WheelEvent('wheel', { deltaY: (k % 20 < 10 ? -40 : 40), clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
  if (t < 1500) { requestAnimationFrame(frame); } else { done(gaps.slice(1)); }
}
requestAnimationFrame(frame);
"#;

pub async fn a_200_step_journey_stays_responsive(ctx: &mut Ctx) -> TestResult {
    let dir = temp_dir("large-model")?;
    std::fs::write(
        dir.join("two-hundred.json"),
        serde_json::to_string_pretty(&big_model())?,
    )?;
    let app = ctx
        .app_with_env(&[("JOURNEYLAB_EXAMPLES", OsString::from(&dir))])
        .await?;
    let at = |step: &'static str| move |e: WebDriverError| format!("{step}: {e}");
    app.click("open-example-two-hundred")
        .await
        .map_err(at("open the example"))?;
    let opened = Instant::now();
    app.click("open-editor")
        .await
        .map_err(at("open the editor"))?;
    app.driver
        .query(By::Css("[data-testid=canvas][data-fitted=true]"))
        .first()
        .await
        .map_err(at("first view fitted"))?;
    app.by_testid("node-s0")
        .await
        .map_err(at("node s0 shown"))?;
    let open_ms = opened.elapsed().as_secs_f64() * 1000.0;

    // An edit first, on the fitted first view (then zooming). Click until the inspector
    // shows s0: a click can land while the canvas is still settling.
    for _ in 0..25 {
        let _ = app.click("node-s0").await;
        app.settle().await;
        let selected = app
            .driver
            .execute(
                "return !!document.querySelector('[data-testid=\"inspector\"][data-step=\"s0\"]')",
                Vec::new(),
            )
            .await?
            .json()
            .as_bool()
            .unwrap_or(false);
        if selected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let name = app
        .by_testid("field-name")
        .await
        .map_err(at("s0 selected"))?;
    name.clear().await?;
    let edited = Instant::now();
    name.send_keys("Renamed").await?;
    let mut edit_ms = f64::INFINITY;
    for _ in 0..100 {
        // Read from the DOM: React replaces the node's element when it re-renders.
        let shown = app
            .driver
            .execute(
                "return document.querySelector('[data-testid=\"node-s0\"]')?.textContent ?? ''",
                Vec::new(),
            )
            .await?
            .json()
            .as_str()
            .unwrap_or_default()
            .contains("Renamed");
        if shown {
            edit_ms = edited.elapsed().as_secs_f64() * 1000.0;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let gaps: Vec<f64> = tokio::time::timeout(
        Duration::from_secs(20),
        app.driver.execute_async(MEASURE_FRAMES, Vec::new()),
    )
    .await
    .map_err(|_| "frame measurement timed out")??
    .json()
    .as_array()
    .map(|a| a.iter().filter_map(Value::as_f64).collect())
    .unwrap_or_default();
    ensure_eq!(gaps.len() > 5, true, "frames were drawn while zooming");
    let mut sorted = gaps.clone();
    sorted.sort_by(f64::total_cmp);
    let p95 = sorted[(sorted.len() * 95 / 100).min(sorted.len() - 1)];
    let max = sorted[sorted.len() - 1];

    let timings = json!({ "steps": 200, "open_ms": open_ms, "frames": gaps.len(), "frame_p95_ms": p95, "frame_max_ms": max, "edit_ms": edit_ms });
    println!("    200-step journey: {timings}");
    std::fs::create_dir_all(artifacts_dir())?;
    std::fs::write(
        artifacts_dir().join("large-model-timings.json"),
        serde_json::to_string_pretty(&timings)?,
    )?;
    ensure_eq!(open_ms < 10_000.0, true, "first view in {open_ms:.0} ms");
    ensure_eq!(
        p95 < 120.0,
        true,
        "95 % of frames within 120 ms while zooming (p95 {p95:.0} ms)"
    );
    ensure_eq!(max < 500.0, true, "no frame over 500 ms (max {max:.0} ms)");
    ensure_eq!(
        edit_ms < 1_000.0,
        true,
        "an edit shows within 1 s ({edit_ms:.0} ms)"
    );
    Ok(())
}
