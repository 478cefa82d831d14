//! A workshop in the real app: an agenda of three items on consumer sign-in, started
//! with its audience window; the audience follows the presenter (delay measured in the
//! audience's page), shows no control, reads at ≥ 7:1 contrast; a threshold moved by the
//! presenter changes the audience's numbers; a decision is recorded; the app killed and
//! reopened resumes at the same item; the summary is exported and read back.

use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::WindowHandle;

use crate::accessibility::Audit;
use crate::harness::{artifacts_dir, temp_dir, App, Ctx, TestResult};
use crate::steps::{
    open_example, open_run_panel, run_to_dashboard, screenshots_dir, set_run, set_run_mode,
    type_into, wait_attr, Error,
};

/// The audience window's handle (the one that is not the presenter's), waiting for it.
async fn audience_handle(app: &App, presenter: &WindowHandle) -> Result<WindowHandle, Error> {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if let Some(h) = app
            .driver
            .windows()
            .await?
            .into_iter()
            .find(|h| h != presenter)
        {
            return Ok(h);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err("the audience window did not open".into())
}

/// Presses `key` in the presenter's page, outside any field (the keys are shortcuts
/// only there: in a slider an arrow moves the slider).
async fn press(app: &App, key: Key) -> WebDriverResult<()> {
    app.driver
        .execute("document.activeElement?.blur();", Vec::new())
        .await?;
    app.driver.action_chain().send_keys(key).perform().await
}

/// In the presenter's window: waits until it shows item `index`.
async fn presenter_at(app: &App, index: usize) -> TestResult {
    wait_attr(
        app,
        "presenter",
        "data-current",
        Duration::from_secs(10),
        |v| v == index.to_string(),
    )
    .await?;
    Ok(())
}

/// In the audience window: waits until it shows item `index`; returns the delay the
/// page measured from the presenter's send to its render, in ms.
async fn audience_at(app: &App, index: usize) -> Result<f64, Error> {
    wait_attr(
        app,
        "audience-slide",
        "data-index",
        Duration::from_secs(10),
        |v| v == index.to_string(),
    )
    .await?;
    let root = app.by_testid("audience").await?;
    Ok(root
        .attr("data-latency-ms")
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::INFINITY))
}

/// WCAG contrast ratios of every text element of the page (its colour against the first
/// opaque background up its ancestors), computed in the page: the lowest, and where.
const CONTRAST_JS: &str = r#"
const lum = (c) => {
  const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
  const [r, g, b, a] = m[1].split(',').map(Number);
  if (a !== undefined && a < 1) return null;
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
let worst = { ratio: 99, text: '', px: 99 };
for (const el of document.querySelectorAll('body *')) {
  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
  if (!own || el.getClientRects().length === 0) continue;
  const st = getComputedStyle(el);
  const fg = lum(st.color);
  let bg = null;
  for (let p = el; p && bg === null; p = p.parentElement) bg = lum(getComputedStyle(p).backgroundColor);
  if (bg === null) bg = 1;
  const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  const px = parseFloat(st.fontSize);
  if (ratio < worst.ratio) worst = { ratio, text: el.textContent.trim().slice(0, 40), px };
  if (px < worst.px) worst.px = px;
}
return worst;
"#;

pub async fn a_workshop_runs_with_an_audience_window_and_resumes(ctx: &mut Ctx) -> TestResult {
    // axe-core on the presenter's and the audience's views (issue 19), judged at the end.
    let mut audit = Audit::new()?;
    let app = ctx.app().await?;
    // A run with the scenarios, for the decision item.
    open_run_panel(app, "consumer-sign-in").await?;
    set_run(app, "300", "7").await?;
    set_run_mode(app, "expected").await?;
    run_to_dashboard(app).await?;

    // Prepare: a journey, a risk gate's thresholds, a decision.
    let new = app.by_testid("workshop-new").await?;
    new.scroll_into_view().await?;
    new.click().await?;
    type_into(app, "workshop-name", "Passkeys go/no-go").await?;
    for kind in ["journey", "thresholds", "decision"] {
        app.by_testid("workshop-add-kind")
            .await?
            .send_keys(kind)
            .await?;
        app.driver
            .execute(
                "const s = document.querySelector('[data-testid=workshop-add-kind]'); \
                 s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![serde_json::json!(kind)],
            )
            .await?;
        app.click("workshop-add").await?;
    }
    for (i, kind) in ["journey", "thresholds", "decision"].iter().enumerate() {
        let item = app.by_testid(&format!("workshop-item-{i}")).await?;
        ensure_eq!(item.attr("data-kind").await?.as_deref(), Some(*kind));
    }
    type_into(app, "workshop-item-0-minutes", "5").await?;
    audit.check(app, "workshop: agenda editor").await?;
    app.click("workshop-save-start").await?;
    let presenter_view = app.by_testid("presenter").await?;
    let workshop_id = presenter_view
        .attr("data-workshop-id")
        .await?
        .unwrap_or_default();

    // The audience window: the current item, no controls, large type, 7:1 contrast.
    let presenter = app.driver.window().await?;
    let audience = audience_handle(app, &presenter).await?;
    app.driver.switch_to_window(audience.clone()).await?;
    audience_at(app, 0).await?;
    let title = app.by_testid("audience-slide-title").await?.text().await?;
    ensure_eq!(title.contains("Sign in"), true, "audience title: {title}");
    let controls: i64 = app
        .driver
        .execute(
            "return document.querySelectorAll('input, button, select, textarea, [contenteditable=true]').length;",
            Vec::new(),
        )
        .await?
        .convert()?;
    ensure_eq!(controls, 0, "no editing control in the audience window");
    app.driver.set_window_rect(0, 0, 1920, 1080).await?;
    let worst: serde_json::Value = app
        .driver
        .execute(CONTRAST_JS, Vec::new())
        .await?
        .json()
        .clone();
    let ratio = worst["ratio"].as_f64().unwrap_or(0.0);
    let px = worst["px"].as_f64().unwrap_or(0.0);
    ensure_eq!(ratio >= 7.0, true, "lowest contrast {worst}");
    ensure_eq!(px >= 24.0, true, "smallest text {px} px: {worst}");
    app.screenshot(&screenshots_dir()?.join("workshop-audience.png"))
        .await?;
    audit.check(app, "workshop: audience (journey)").await?;

    // Follows next / previous: the delay is measured in the audience's page.
    let mut delays = Vec::new();
    for (key, index) in [
        (Key::Right, 1),
        (Key::Left, 0),
        (Key::Right, 1),
        (Key::Left, 0),
        (Key::Right, 1),
    ] {
        app.driver.switch_to_window(presenter.clone()).await?;
        press(app, key).await?;
        app.driver.switch_to_window(audience.clone()).await?;
        delays.push(audience_at(app, index).await?);
    }
    let mut sorted = delays.clone();
    sorted.sort_by(f64::total_cmp);
    let report = format!("audience delay per move (ms): {delays:?}\n");
    print!("{report}");
    std::fs::create_dir_all(artifacts_dir())?;
    std::fs::write(artifacts_dir().join("workshop-latency.txt"), &report)?;
    ensure_eq!(
        sorted[sorted.len() / 2] <= 100.0,
        true,
        "median audience delay: {delays:?}"
    );

    // Item 2, the risk gate: moving the allow threshold changes the audience's numbers.
    let loss_before = wait_attr(
        app,
        "audience-slide-number-0",
        "data-value",
        Duration::from_secs(15),
        |v| !v.is_empty(),
    )
    .await?;
    app.driver.switch_to_window(presenter.clone()).await?;
    let slider = app.by_testid("workshop-allow").await?;
    for _ in 0..30 {
        slider.send_keys(Key::Right).await?;
    }
    app.driver.switch_to_window(audience.clone()).await?;
    let loss_after = wait_attr(
        app,
        "audience-slide-number-0",
        "data-value",
        Duration::from_secs(15),
        |v| v != loss_before,
    )
    .await?;
    println!("audience fraud loss: {loss_before} → {loss_after}");
    app.screenshot(&screenshots_dir()?.join("workshop-audience-thresholds.png"))
        .await?;
    audit.check(app, "workshop: audience (thresholds)").await?;
    app.driver.switch_to_window(presenter.clone()).await?;
    audit.check(app, "workshop: presenter (thresholds)").await?;

    // Item 3, the decision: request it, a team approves; the audience sees the word.
    app.driver.switch_to_window(presenter.clone()).await?;
    press(app, Key::Right).await?;
    presenter_at(app, 2).await?;
    // The item opens the scenario's record itself.
    type_into(app, "decision-request-name", "Priya Shah").await?;
    type_into(app, "decision-request-note", "workshop").await?;
    app.click("decision-request").await?;
    type_into(app, "decision-name", "Dana Ruiz").await?;
    type_into(app, "decision-rationale", "fewer codes to type").await?;
    app.click("decision-approve").await?;
    wait_attr(
        app,
        "decision",
        "data-status",
        Duration::from_secs(10),
        |v| v == "in_review",
    )
    .await?;
    app.by_testid("decision-words").await?;
    type_into(
        app,
        "presenter-park-text",
        "Legal: passkey sync and consent",
    )
    .await?;
    app.click("presenter-park").await?;
    app.by_testid("presenter-parked").await?;
    app.driver.set_window_rect(0, 0, 1920, 1080).await?;
    app.driver
        .execute("window.scrollTo(0, 0);", Vec::new())
        .await?;
    app.screenshot(&screenshots_dir()?.join("workshop-presenter.png"))
        .await?;
    audit.check(app, "workshop: presenter (decision)").await?;
    app.driver.switch_to_window(audience.clone()).await?;
    audience_at(app, 2).await?;
    // The team's word reaches the audience with the record's next slide.
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut text = String::new();
    while Instant::now() < deadline && !text.contains("approve") {
        text = app.by_testid("audience").await?.text().await?;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    ensure_eq!(text.contains("✓ approve"), true, "audience: {text}");
    app.screenshot(&screenshots_dir()?.join("workshop-audience-decision.png"))
        .await?;

    // Killed and reopened: the workshop resumes at item 3.
    let app = ctx.kill_and_relaunch().await?;
    open_example(app, "consumer-sign-in").await?;
    let row = app.by_testid(&format!("workshop-{workshop_id}")).await?;
    row.scroll_into_view().await?;
    ensure_eq!(row.attr("data-current").await?.as_deref(), Some("3"));
    app.click(&format!("workshop-start-{workshop_id}")).await?;
    presenter_at(app, 2).await?;
    let parked = app.by_testid("presenter-parked").await?.text().await?;
    ensure_eq!(parked.contains("passkey sync"), true, "{parked}");

    // The summary: agenda, what was shown with seeds, the decision with names, the pack.
    let dir = temp_dir("workshop-summary")?;
    let out = dir.join("passkeys-workshop.html");
    type_into(app, "presenter-summary-path", &out.display().to_string()).await?;
    app.click("presenter-summary").await?;
    app.by_testid("presenter-summary-written").await?;
    let html = std::fs::read_to_string(&out)?;
    for part in [
        "Passkeys go/no-go",
        "Explore the thresholds of risk gate",
        "seed",
        "Dana Ruiz",
        "fewer codes to type",
        "Legal: passkey sync and consent",
        "passkeys-workshop-decision-",
    ] {
        ensure_eq!(html.contains(part), true, "{part} in the summary");
    }
    let packs = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("-decision-"))
        .count();
    ensure_eq!(packs, 1, "one decision pack beside the summary");
    audit
        .check(app, "workshop: presenter (resumed, summary written)")
        .await?;
    audit.verdict()
}
