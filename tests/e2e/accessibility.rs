//! Accessibility: axe-core on every screen of the real app (no critical or serious
//! violation; moderate ones are printed), and a journey built, connected, validated,
//! saved and run with the keyboard alone.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::time::Duration;

use serde_json::Value;
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use crate::harness::{repo_root, temp_dir, App, Ctx, TestResult};
use crate::steps::{
    canvas_fitted, close_to_start, open_run, run_to_dashboard, screenshots_dir, select_node,
    select_node_offering, set_run, type_into, wait_attr, Error,
};

const MODEL: &str = "consumer-sign-in";

/// axe-core's script (the npm dev dependency), read from disk once per test.
fn axe_source() -> Result<String, Error> {
    let path = repo_root().join("ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (run `npm ci` in ui/)", path.display()).into())
}

/// One axe rule broken on a screen.
struct Violation {
    id: String,
    impact: String,
    help: String,
    count: usize,
    targets: Vec<String>,
}

/// What axe found on each screen visited, in order of the visits.
#[derive(Default)]
pub struct Audit {
    source: String,
    screens: Vec<(String, Vec<Violation>)>,
}

impl Audit {
    /// An audit with axe-core's script read from disk (other tests' screens use it too:
    /// the workshop's presenter and audience windows).
    pub fn new() -> Result<Self, Error> {
        Ok(Audit {
            source: axe_source()?,
            ..Audit::default()
        })
    }

    /// Runs axe on the page as it is now and records its violations under `screen`. axe
    /// is injected into the page on first use (the app is one page; it stays loaded).
    pub async fn check(&mut self, app: &App, screen: &str) -> TestResult {
        app.settle().await;
        let script = format!(
            "const done = arguments[arguments.length - 1];\n\
             if (!window.axe) {{\n{}\n}}\n\
             window.axe.run(document, {{ resultTypes: ['violations'] }}).then(\n\
               (r) => done(r.violations.map((v) => ({{ id: v.id, impact: v.impact, help: v.help,\n\
                 count: v.nodes.length, targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }}))),\n\
               (e) => done({{ error: String(e) }}));",
            self.source
        );
        let ret = app.driver.execute_async(&script, Vec::new()).await?;
        let json = ret.json();
        if let Some(error) = json.get("error") {
            return Err(format!("axe on {screen}: {error}").into());
        }
        let violations = json
            .as_array()
            .ok_or_else(|| format!("axe on {screen} answered {json}"))?
            .iter()
            .map(|v| Violation {
                id: str_of(v, "id"),
                impact: str_of(v, "impact"),
                help: str_of(v, "help"),
                count: v["count"].as_u64().unwrap_or(0) as usize,
                targets: v["targets"]
                    .as_array()
                    .map(|t| {
                        t.iter()
                            .filter_map(|s| s.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
        self.screens.push((screen.to_string(), violations));
        Ok(())
    }

    /// Prints every screen's counts by impact and each violation; an error naming the
    /// critical and serious ones, if any.
    pub fn verdict(&self) -> TestResult {
        let mut blocking = Vec::new();
        for (screen, violations) in &self.screens {
            let mut by_impact: BTreeMap<&str, usize> = BTreeMap::new();
            for v in violations {
                *by_impact.entry(v.impact.as_str()).or_default() += v.count;
            }
            println!("    axe {screen}: {by_impact:?}");
            for v in violations {
                println!(
                    "      {} {} ×{}: {} — {}",
                    v.impact,
                    v.id,
                    v.count,
                    v.help,
                    v.targets.join(" | ")
                );
                if v.impact == "critical" || v.impact == "serious" {
                    blocking.push(format!(
                        "{screen}: {} {} ×{} ({})",
                        v.impact,
                        v.id,
                        v.count,
                        v.targets.join(" | ")
                    ));
                }
            }
        }
        if blocking.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "critical or serious axe violations:\n{}",
                blocking.join("\n")
            )
            .into())
        }
    }
}

fn str_of(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

/// Every screen of the app, each with what it can open opened, checked by axe-core.
pub async fn no_serious_axe_violation_on_any_screen(ctx: &mut Ctx) -> TestResult {
    let mut audit = Audit {
        source: axe_source()?,
        ..Audit::default()
    };
    let app = ctx.app().await?;
    let visited = visit_every_screen(app, &mut audit).await;
    // The screens checked so far are reported even when a later one could not be reached.
    let verdict = audit.verdict();
    visited?;
    verdict
}

/// Visits each screen in turn and has `audit` check it.
async fn visit_every_screen(app: &App, audit: &mut Audit) -> TestResult {
    app.driver
        .set_script_timeout(Duration::from_secs(120))
        .await?;
    app.by_testid(&format!("open-example-{MODEL}")).await?;
    audit.check(app, "start").await?;

    crate::steps::open_run_panel(app, MODEL).await?;
    audit.check(app, "model and run panel").await?;

    // Two runs (every scenario), so that the history can compare them.
    set_run(app, "200", "11").await?;
    run_to_dashboard(app).await?;
    let first = app
        .by_testid("dashboard")
        .await?
        .attr("data-run-id")
        .await?
        .unwrap_or_default();
    open_dashboard_sections(app).await?;
    audit.check(app, "dashboard (sections opened)").await?;
    // A scenario's tab: its decision panel and record.
    app.click("scenario-tab-passkeys_first").await?;
    app.click("decision-open").await?;
    app.by_testid("decision-record").await?;
    audit.check(app, "dashboard: decisions").await?;
    // Observed vs simulated, with a checked observation.
    // Line by line: a "\n" inside send_keys does not reach the textarea.
    let csv = app.by_testid("run-check-csv").await?;
    crate::steps::type_over(&csv, "journey,step,exit,population,n,k").await?;
    csv.send_keys(Key::Enter).await?;
    csv.send_keys("login,otp,pass,customers,5000,2810").await?;
    app.click("run-check-go").await?;
    wait_attr(
        app,
        "run-check",
        "data-status",
        Duration::from_secs(20),
        |s| s == "ready",
    )
    .await?;
    audit.check(app, "dashboard: observed vs simulated").await?;

    set_run(app, "100", "11").await?;
    app.click("run-start").await?;
    let second = (first.parse::<u64>()? + 1).to_string();
    wait_attr(
        app,
        "dashboard",
        "data-run-id",
        Duration::from_secs(60),
        |v| v == second,
    )
    .await?;
    for run in [&first, &second] {
        app.driver
            .execute(
                "const e = document.querySelector(arguments[0]); if (!e.checked) e.click();",
                vec![serde_json::json!(format!(
                    "[data-testid=\"history-compare-{run}\"]"
                ))],
            )
            .await?;
    }
    app.click("history-compare-go").await?;
    app.by_testid("run-pair").await?;
    audit.check(app, "history and comparison").await?;
    open_run(app, &first).await?;

    // The editor, its side panels, the inspector of each step kind and what it opens.
    app.click("open-editor").await?;
    app.by_testid("canvas").await?;
    canvas_fitted(app).await?;
    audit.check(app, "editor").await?;
    app.click("editor-shortcuts").await?;
    app.by_testid("shortcuts-help").await?;
    audit.check(app, "editor: keyboard shortcuts").await?;
    app.click("shortcuts-help-close").await?;
    for panel in [
        "populations",
        "controls",
        "signals",
        "owners",
        "history",
        "attack",
    ] {
        app.click(&format!("editor-{panel}")).await?;
        app.by_testid(&format!("{}-panel", panel_testid(panel)))
            .await?;
        if panel == "attack" {
            // The routes ranked; the first shown on the canvas.
            app.click("attack-route-login-0").await?;
            app.by_testid("attack-selected").await?;
        }
        audit.check(app, &format!("editor: {panel} panel")).await?;
        if panel == "controls" {
            app.click("funnel-open").await?;
            app.by_testid("funnel-dialog").await?;
            audit.check(app, "editor: import funnel counts").await?;
            press(app, Key::Escape).await?;
            app.wait_gone("funnel-dialog").await?;
        }
        app.click(&format!("editor-{panel}")).await?;
    }
    for (kind, step) in [
        ("action", "identify"),
        ("control", "otp"),
        ("risk_gate", "risk"),
        ("branch", "breach_check"),
        ("support", "support"),
        ("outcome", "signed_in"),
    ] {
        select_node(app, step).await?;
        audit.check(app, &format!("inspector: {kind}")).await?;
    }
    select_node_offering(app, "risk", "explore-thresholds").await?;
    app.click("explore-thresholds").await?;
    app.by_testid("tradeoff-plot").await?;
    audit.check(app, "threshold explorer").await?;
    app.click("explorer-close").await?;

    // The evidence dialogs of a probability (abandoning the first step).
    select_node_offering(app, "identify", "evidence-counts-open").await?;
    app.click("evidence-counts-open").await?;
    type_into(app, "evidence-period-0-n", "1000").await?;
    type_into(app, "evidence-period-0-k", "420").await?;
    app.click("evidence-fit").await?;
    app.by_testid("evidence-fit-result").await?;
    audit.check(app, "evidence: from observed counts").await?;
    app.click("evidence-cancel").await?;
    app.click("elicit-open").await?;
    app.by_testid("elicit-fit").await?;
    audit.check(app, "evidence: elicit").await?;
    app.click("elicit-cancel").await?;

    // The flow overlay of the run, for customers.
    let select = app.by_testid("flow-population").await?;
    SelectElement::new(&select)
        .await?
        .select_by_value("customers")
        .await?;
    app.by_testid("flow-summary").await?;
    audit.check(app, "flow overlay: customers").await?;
    SelectElement::new(&app.by_testid("flow-population").await?)
        .await?
        .select_by_value("phishers")
        .await?;
    app.by_testid("flow-outcome-success").await?;
    audit.check(app, "flow overlay: phishers").await?;

    close_to_start(app).await.ok();
    Ok(())
}

/// The side panel's test id for toolbar button `editor-<panel>`.
fn panel_testid(panel: &str) -> &str {
    match panel {
        "signals" => "risk-signals",
        "attack" => "attack",
        other => other,
    }
}

/// Opens what the dashboard keeps closed: the sensitivity, every attack finding, each
/// chart kind (the last stays).
async fn open_dashboard_sections(app: &App) -> TestResult {
    app.click("sensitivity-open").await?;
    app.by_testid("sensitivity-view").await?;
    if let Ok(all) = app.by_testid("run-attack-all").await {
        all.click().await?;
    }
    Ok(())
}

/// A new model built with the keyboard alone (no pointer action, no `.click()`): the
/// shortcuts overlay, two steps added from the palette, three exits connected in the
/// inspector, a step moved with the arrow keys, deleted and brought back, the model valid,
/// saved to a file (checked on disk), run, and the run's results opened from the history.
pub async fn builds_and_runs_a_journey_by_keyboard_only(ctx: &mut Ctx) -> TestResult {
    let dir = temp_dir("keyboard-journey")?;
    let app = ctx
        .app_with_env(&[("JOURNEYLAB_EXAMPLES", OsString::from(&dir))])
        .await?;
    app.by_testid("new-model").await?;
    tab_to(app, "new-model", 10).await?;
    press(app, Key::Enter).await?;
    app.by_testid("node-start").await?;
    canvas_fitted(app).await?;

    // `?` lists the shortcuts; Escape closes the list.
    press(app, "?").await?;
    let help = app.by_testid("shortcuts-help").await?;
    let rows = app.all_within(&help, "shortcut").await?;
    ensure_eq!(rows.len() >= 10, true, "{} shortcuts listed", rows.len());
    app.screenshot(&screenshots_dir()?.join("a11y-shortcuts-help.png"))
        .await?;
    press(app, Key::Escape).await?;
    app.wait_gone("shortcuts-help").await?;

    // P goes to the palette; Enter adds an action step there, twice.
    press(app, "p").await?;
    ensure_eq!(active(app).await?, "palette-action");
    press(app, Key::Enter).await?;
    app.by_testid("node-action_1").await?;
    press(app, Key::Enter).await?;
    app.by_testid("node-action_2").await?;
    inspector_shows(app, "action_2").await?;

    // E goes to the selected step's exit; typing a target's name chooses it. Escape goes
    // back to the step on the canvas, `[` to the step before it.
    connect_by_keys(app, "action_2", "success").await?;
    press(app, Key::Escape).await?;
    ensure_eq!(active(app).await?, "action_2");
    app.screenshot(&screenshots_dir()?.join("a11y-focus-ring.png"))
        .await?;
    press(app, "[").await?;
    ensure_eq!(active(app).await?, "action_1");
    inspector_shows(app, "action_1").await?;
    connect_by_keys(app, "action_1", "action_2").await?;
    press(app, Key::Escape).await?;
    press(app, "[").await?;
    ensure_eq!(active(app).await?, "start");
    connect_by_keys(app, "start", "action_1").await?;
    press(app, Key::Escape).await?;

    // Screen-reader names: the step says its kind, name and exit (once validation has
    // caught up: before, it also says its error); the edge its ends.
    wait_attr(
        app,
        "rf__node-action_1",
        "aria-label",
        Duration::from_secs(5),
        |v| v == "Action step “New action”. Exits: next to New action.",
    )
    .await?;
    wait_attr(
        app,
        "rf__edge-start:next",
        "aria-label",
        Duration::from_secs(5),
        |v| v == "Exit next of “Start” to “New action”",
    )
    .await?;

    // Delete the last step (`]` twice from the first), then undo.
    press(app, "]").await?;
    ensure_eq!(active(app).await?, "action_1");
    press(app, "]").await?;
    ensure_eq!(active(app).await?, "action_2");
    press(app, Key::Delete).await?;
    app.wait_gone("node-action_2").await?;
    chord(app, "z").await?;
    app.by_testid("node-action_2").await?;
    edge_to(app, "action_1", "next", "action_2").await?;

    // Move it: Shift+→ twice is 40 px to the right.
    for _ in 0..3 {
        press(app, "]").await?;
        if active(app).await? == "action_2" {
            break;
        }
    }
    ensure_eq!(active(app).await?, "action_2");
    let x_before = node_x(app, "action_2").await?;
    for _ in 0..2 {
        app.driver
            .action_chain()
            .key_down(Key::Shift)
            .send_keys(Key::Right)
            .key_up(Key::Shift)
            .perform()
            .await?;
    }
    let x_after = node_x(app, "action_2").await?;
    ensure_eq!(x_after - x_before, 40.0, "moved by the arrow keys");

    // Every Tab stop of the editor shows where focus is.
    let unringed = tab_stops_without_ring(app, 80).await?;
    ensure_eq!(
        unringed,
        Vec::<String>::new(),
        "Tab stops without a focus ring"
    );

    // Valid (the one warning is governance's), then Ctrl+S: no file yet, so the file field.
    wait_attr(
        app,
        "problems",
        "data-errors",
        Duration::from_secs(10),
        |v| v == "0",
    )
    .await?;
    chord(app, "s").await?;
    ensure_eq!(active(app).await?, "editor-path");
    let path = dir.join("keyboard.json");
    app.driver
        .action_chain()
        .send_keys(path.display().to_string())
        .send_keys(Key::Enter)
        .perform()
        .await?;
    app.by_testid("editor-saved").await?;
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let steps = &saved["journeys"][0]["steps"];
    let links: Vec<(String, String)> = steps
        .as_array()
        .ok_or("steps")?
        .iter()
        .map(|s| (str_of(s, "id"), str_of(s, "next")))
        .collect();
    ensure_eq!(
        links,
        vec![
            ("start".to_string(), "action_1".to_string()),
            ("action_1".to_string(), "action_2".to_string()),
            ("action_2".to_string(), "success".to_string()),
        ]
    );
    let layout_x = saved["x-journeylab-layout"]["journeys"]["journey"]["action_2"]["x"]
        .as_f64()
        .ok_or("action_2 has a position")?;
    ensure_eq!(layout_x, x_after, "the moved position is saved");

    // Close the editor (Shift+Tab back to its Close button): the saved model opens. Run it.
    tab_back_to(app, "editor-close", 20).await?;
    press(app, Key::Enter).await?;
    app.by_testid("model-name").await?;
    tab_to(app, "run-start", 60).await?;
    press(app, Key::Enter).await?;
    let dashboard = app.by_testid("dashboard").await?;
    wait_attr(
        app,
        "run-status",
        "data-status",
        Duration::from_secs(30),
        |s| s == "finished",
    )
    .await?;
    let run_id = dashboard.attr("data-run-id").await?.unwrap_or_default();
    // Open the run's results from the history.
    tab_to(app, &format!("history-open-{run_id}"), 120).await?;
    press(app, Key::Enter).await?;
    wait_attr(
        app,
        "dashboard",
        "data-run-id",
        Duration::from_secs(10),
        |v| v == run_id,
    )
    .await?;
    app.by_testid("card-legit_success_rate").await?;
    // The model screen and its dashboard show focus too.
    let unringed = tab_stops_without_ring(app, 40).await?;
    ensure_eq!(
        unringed,
        Vec::<String>::new(),
        "dashboard Tab stops without a focus ring"
    );
    Ok(())
}

/// Presses `key` (a character or a `Key`) on whatever has focus.
async fn press(app: &App, key: impl Into<TypingData>) -> TestResult {
    app.driver.action_chain().send_keys(key).perform().await?;
    Ok(())
}

/// Ctrl + `key` on whatever has focus.
async fn chord(app: &App, key: &str) -> TestResult {
    app.driver
        .action_chain()
        .key_down(Key::Control)
        .send_keys(key)
        .key_up(Key::Control)
        .perform()
        .await?;
    Ok(())
}

/// What has focus: its test id, or a canvas node's step id.
async fn active(app: &App) -> Result<String, Error> {
    let ret = app
        .driver
        .execute(
            "const e = document.activeElement; \
             return e ? (e.getAttribute('data-testid')?.startsWith('rf__node-') ? e.getAttribute('data-id') \
               : e.getAttribute('data-testid') ?? e.getAttribute('data-id') ?? e.tagName) : '';",
            Vec::new(),
        )
        .await?;
    Ok(ret.json().as_str().unwrap_or_default().to_string())
}

/// Presses Tab until the element with test id `id` has focus (at most `max` times).
async fn tab_to(app: &App, id: &str, max: usize) -> TestResult {
    for _ in 0..max {
        if active(app).await? == id {
            return Ok(());
        }
        press(app, Key::Tab).await?;
    }
    Err(format!("{max} Tabs did not reach {id} (at {})", active(app).await?).into())
}

/// Presses Shift+Tab until the element with test id `id` has focus (at most `max` times).
async fn tab_back_to(app: &App, id: &str, max: usize) -> TestResult {
    for _ in 0..max {
        if active(app).await? == id {
            return Ok(());
        }
        app.driver
            .action_chain()
            .key_down(Key::Shift)
            .send_keys(Key::Tab)
            .key_up(Key::Shift)
            .perform()
            .await?;
    }
    Err(format!(
        "{max} Shift+Tabs did not reach {id} (at {})",
        active(app).await?
    )
    .into())
}

/// Presses Tab `stops` times from where focus is; what had focus without a visible focus
/// ring (an outline, or for a canvas edge its drawn focus stroke), described.
async fn tab_stops_without_ring(app: &App, stops: usize) -> Result<Vec<String>, Error> {
    let script = "const e = document.activeElement; \
        if (!e || e === document.body) return null; \
        const path = e.classList.contains('react-flow__edge') ? e.querySelector('.react-flow__edge-path') : null; \
        const s = getComputedStyle(path ?? e); \
        const ring = path ? parseFloat(s.strokeWidth) >= 3 : s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; \
        return ring ? '' : (e.getAttribute('data-testid') ?? e.getAttribute('aria-label') ?? e.outerHTML.slice(0, 80));";
    let mut missing = Vec::new();
    for _ in 0..stops {
        press(app, Key::Tab).await?;
        let ret = app.driver.execute(script, Vec::new()).await?;
        if let Some(what) = ret.json().as_str() {
            if !what.is_empty() && !missing.iter().any(|m| m == what) {
                missing.push(what.to_string());
            }
        }
    }
    Ok(missing)
}

/// Waits until the inspector shows step `step`.
async fn inspector_shows(app: &App, step: &str) -> TestResult {
    wait_attr(app, "inspector", "data-step", Duration::from_secs(5), |v| {
        v == step
    })
    .await?;
    Ok(())
}

/// With step `from` selected: E to its `next` exit, the target's name typed, and the edge
/// drawn on the canvas.
async fn connect_by_keys(app: &App, from: &str, to: &str) -> TestResult {
    press(app, "e").await?;
    ensure_eq!(active(app).await?, "exit-select-next");
    press(app, to).await?;
    edge_to(app, from, "next", to).await
}

/// Waits (up to 5 s) until the canvas draws exit `from:handle` to step `to`.
async fn edge_to(app: &App, from: &str, handle: &str, to: &str) -> TestResult {
    let id = format!("rf__edge-{from}:{handle}");
    wait_attr(app, &id, "data-target", Duration::from_secs(5), |t| t == to)
        .await
        .map(|_| ())
}

/// Step `id`'s x on the canvas (flow coordinates, from React Flow's transform).
async fn node_x(app: &App, id: &str) -> Result<f64, Error> {
    let ret = app
        .driver
        .execute(
            "const m = /translate\\(([-0-9.]+)px/.exec(document.querySelector(arguments[0]).style.transform); \
             return m ? Number(m[1]) : null;",
            vec![serde_json::json!(format!("[data-testid=\"rf__node-{id}\"]"))],
        )
        .await?;
    ret.json()
        .as_f64()
        .ok_or_else(|| format!("no position for {id}").into())
}
