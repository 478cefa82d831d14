//! Flow on the canvas after a run: the editor's "Flow" control draws, for a chosen
//! population, the share of its entrants taking each exit — the same numbers as the
//! engine's `population_flows` for the run's model, seed and iterations.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use journeylab_engine::flows::{population_flows, PopulationFlows};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use crate::harness::{repo_root, App, Ctx, TestResult};
use crate::steps::{
    canvas_fitted, open_example, run_to_dashboard, screenshots_dir, select_node, set_run,
    type_over, Error,
};

const MODEL: &str = "consumer-sign-in";
const JOURNEY: &str = "login";
/// At most 1,000 iterations, so the overlay (which averages up to 1,000 of the run's
/// iterations) uses exactly the run's.
const ITERATIONS: u64 = 400;
const SEED: u64 = 24680;

/// The engine's flows of `population` for the fixture with the run's seed and iterations.
fn engine_flows(population: &str) -> Result<PopulationFlows, Error> {
    let loaded =
        journeylab_app::load_model(&repo_root().join("fixtures").join(format!("{MODEL}.json")))?;
    let spec = loaded
        .validation
        .spec
        .as_ref()
        .ok_or("the fixture is valid")?;
    population_flows(
        spec,
        JOURNEY,
        population,
        SEED,
        ITERATIONS,
        journeylab_engine::Sampling::Mc,
        &journeylab_engine::sim::Dimensions::default(),
    )?
    .ok_or_else(|| format!("{population} enters {JOURNEY}").into())
}

/// The canvas edge id of an engine exit (`None`: an action's abandon, drawn as a badge).
fn edge_id(flows: &PopulationFlows, step: &str, exit: &str) -> Option<String> {
    let action = flows
        .edges
        .iter()
        .any(|e| e.step == step && e.exit == "next");
    let handle = match exit {
        "next" => "next".to_string(),
        "abandon" if action => return None,
        _ => match exit.strip_prefix("to[").and_then(|s| s.strip_suffix(']')) {
            Some(i) => format!("to.{i}"),
            None => format!("on.{exit}"),
        },
    };
    Some(format!("{step}:{handle}"))
}

/// The label the overlay writes for a share: the engine's formatting policy, which the
/// UI mirrors (checked by the UI's own tests against generated cases).
fn label(share: f64) -> String {
    journeylab_engine::format::share(share)
}

/// Internal consistency of the engine's numbers: what leaves a step is what enters it
/// (the entrants enter the entry step), every share is non-negative, outcomes sum to 1.
fn check_conservation(flows: &PopulationFlows, entry: &str) -> TestResult {
    let mut into: HashMap<&str, f64> = HashMap::new();
    let mut out: HashMap<&str, f64> = HashMap::new();
    into.insert(entry, 1.0);
    for e in &flows.edges {
        ensure_eq!(
            e.share >= 0.0 && e.share.is_finite(),
            true,
            "{}:{} = {}",
            e.step,
            e.exit,
            e.share
        );
        *into.entry(e.target.as_str()).or_default() += e.share;
        *out.entry(e.step.as_str()).or_default() += e.share;
    }
    for (step, o) in &out {
        let i = into.get(step).copied().unwrap_or(0.0);
        ensure_eq!((o - i).abs() < 1e-6, true, "{step}: in {i}, out {o}");
    }
    let ended: f64 = flows.outcomes.iter().map(|(_, _, s)| s).sum();
    ensure_eq!((ended - 1.0).abs() < 1e-6, true, "outcomes sum to {ended}");
    Ok(())
}

/// Waits until edge `id` carries a share (`data-share`) other than `not`; its value.
async fn edge_share(app: &App, id: &str, not: Option<f64>) -> Result<f64, Error> {
    let css = format!("[data-testid=\"rf__edge-{id}\"]");
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = None;
    while Instant::now() < deadline {
        if let Ok(el) = app.driver.find(By::Css(css.clone())).await {
            if let Ok(Some(v)) = el.attr("data-share").await {
                if let Ok(v) = v.parse::<f64>() {
                    if not != Some(v) {
                        return Ok(v);
                    }
                    last = Some(v);
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("edge {id} never showed a share (last {last:?})").into())
}

/// Chooses `population` in the Flow control.
async fn choose(app: &App, population: &str) -> TestResult {
    let select = app.by_testid("flow-population").await?;
    SelectElement::new(&select)
        .await?
        .select_by_value(population)
        .await?;
    Ok(())
}

/// Every exit the canvas draws shows the engine's share, as its label and exactly in
/// `data-share`; the action's abandon exits are badges; the outcome summary agrees.
async fn check_against_engine(app: &App, flows: &PopulationFlows) -> TestResult {
    let mut checked = 0;
    for e in &flows.edges {
        let Some(id) = edge_id(flows, &e.step, &e.exit) else {
            let badge = app
                .driver
                .find_all(By::Css(format!("[data-testid=\"flow-drop-{}\"]", e.step)))
                .await?;
            if e.share > 0.0 {
                let shown = badge.first().ok_or(format!("drop badge of {}", e.step))?;
                let v: f64 = shown
                    .attr("data-share")
                    .await?
                    .unwrap_or_default()
                    .parse()?;
                ensure_eq!(
                    (v - e.share).abs() < 1e-9,
                    true,
                    "drop at {}: {v} vs {}",
                    e.step,
                    e.share
                );
                ensure_eq!(
                    shown.text().await?,
                    format!("↘ {} drop", label(e.share)),
                    "badge {}",
                    e.step
                );
            } else {
                ensure_eq!(badge.len(), 0, "no badge at {}", e.step);
            }
            continue;
        };
        let edge = app
            .driver
            .find(By::Css(format!("[data-testid=\"rf__edge-{id}\"]")))
            .await?;
        let v: f64 = edge.attr("data-share").await?.unwrap_or_default().parse()?;
        ensure_eq!(
            (v - e.share).abs() < 1e-9,
            true,
            "{id}: shown {v}, engine {}",
            e.share
        );
        let text = edge
            .find(By::Css(".react-flow__edge-text"))
            .await?
            .text()
            .await?;
        ensure_eq!(text, label(e.share), "label of {id}");
        checked += 1;
    }
    ensure_eq!(checked > 20, true, "{checked} edges checked");
    let mut summary = Vec::new();
    for class in ["success", "abandoned", "blocked"] {
        let want: f64 = flows
            .outcomes
            .iter()
            .filter(|(_, c, _)| *c == class)
            .map(|(_, _, s)| s)
            .sum();
        let el = app.by_testid(&format!("flow-outcome-{class}")).await?;
        let v: f64 = el.attr("data-share").await?.unwrap_or_default().parse()?;
        ensure_eq!((v - want).abs() < 1e-9, true, "{class}: {v} vs {want}");
        summary.push(format!("{class} {}", label(want)));
    }
    println!(
        "    {}: {checked} edges and the drop badges equal the engine's; {}",
        flows.population,
        summary.join(", ")
    );
    Ok(())
}

/// Runs consumer sign-in, opens the editor and shows the flows of customers, then of
/// credential-stuffing bots: the numbers on the canvas are the engine's, the attackers'
/// differ from the customers', their way through to `signed_in` stands out, and an edit
/// warns that the flows are for the stored version.
pub async fn edges_show_a_populations_flow_after_a_run(ctx: &mut Ctx) -> TestResult {
    let customers = engine_flows("customers")?;
    let bots = engine_flows("cs_bots")?;
    check_conservation(&customers, "identify")?;
    check_conservation(&bots, "identify")?;

    let app = ctx.app().await?;
    open_example(app, MODEL).await?;
    set_run(app, &ITERATIONS.to_string(), &SEED.to_string()).await?;
    run_to_dashboard(app).await?;

    app.click("open-editor").await?;
    canvas_fitted(app).await?;
    // The newest finished run is found; its details show once a population is chosen.
    app.driver
        .query(By::Css("[data-testid=flow-bar][data-status=ready]"))
        .first()
        .await?;
    choose(app, "customers").await?;
    let run = app.by_testid("flow-run").await?;
    ensure_eq!(
        run.text().await?.contains(&format!("seed {SEED}")),
        true,
        "the run is named"
    );
    edge_share(app, "password:on.pass", None).await?;
    check_against_engine(app, &customers).await?;
    // The document is the run's version: no warning.
    ensure_eq!(
        app.driver
            .find_all(By::Css("[data-testid=flow-stale]"))
            .await?
            .len(),
        0
    );
    let shots = screenshots_dir()?;
    centre_on(app, "risk").await?;
    app.screenshot(&shots.join("flow-overlay.png")).await?;

    // Attackers: other numbers, and their way into a success outcome stands out.
    let before = edge_share(app, "risk:on.allow", None).await?;
    choose(app, "cs_bots").await?;
    let after = edge_share(app, "risk:on.allow", Some(before)).await?;
    ensure_eq!(
        after != before,
        true,
        "the attackers' view differs: {before} vs {after}"
    );
    ensure_eq!(
        app.by_testid("flow-bar")
            .await?
            .attr("data-kind")
            .await?
            .as_deref(),
        Some("attacker")
    );
    check_against_engine(app, &bots).await?;
    let leak = app
        .driver
        .find(By::Css("[data-testid=\"rf__edge-risk:on.allow\"]"))
        .await?;
    let class = leak.attr("class").await?.unwrap_or_default();
    ensure_eq!(
        class.contains("edge-flow-leak"),
        true,
        "leak edge class: {class}"
    );
    app.screenshot(&shots.join("flow-overlay-attacker.png"))
        .await?;

    // An edit: the flows are now for the stored version, and the bar says so.
    select_node(app, "risk").await?;
    let field = app.by_testid("field-allow_below").await?;
    type_over(&field, "0.5").await?;
    let stale = app.by_testid("flow-stale").await?.text().await?;
    ensure_eq!(stale.contains("Unsaved edits"), true, "warning: {stale}");
    Ok(())
}

/// Pans the canvas (dragging empty spots of the pane) so node `id` sits a little left of
/// the canvas centre: a readable zoom shows only part of a large journey.
async fn centre_on(app: &App, id: &str) -> TestResult {
    // An empty spot of the pane and how far it may move without leaving the canvas.
    let script = r#"
        const canvas = document.querySelector('[data-testid=canvas]').getBoundingClientRect();
        const node = document.querySelector(arguments[0]).getBoundingClientRect();
        let dx = Math.round(canvas.left + canvas.width * 0.42 - (node.left + node.width / 2));
        let dy = Math.round(canvas.top + canvas.height * 0.45 - (node.top + node.height / 2));
        const clamp = (d, p, lo, hi) => Math.max(lo + 5 - p, Math.min(hi - 5 - p, d));
        let best = null;
        for (let y = canvas.top + 60; y < canvas.bottom - 160; y += 15) {
          for (let x = canvas.left + 20; x < canvas.right - 20; x += 15) {
            const hit = document.elementFromPoint(x, y);
            if (!hit || !hit.classList.contains('react-flow__pane')) continue;
            const mx = clamp(dx, x, canvas.left, canvas.right);
            const my = clamp(dy, y, canvas.top, canvas.bottom);
            const reach = Math.abs(mx) + Math.abs(my);
            if (!best || reach > best[4]) best = [Math.round(x), Math.round(y), Math.round(mx), Math.round(my), reach];
          }
        }
        return best;
    "#;
    for _ in 0..4 {
        let ret = app
            .driver
            .execute(
                script,
                vec![serde_json::json!(format!("[data-testid=\"node-{id}\"]"))],
            )
            .await?;
        let v = ret.json();
        let (Some(x), Some(y), Some(dx), Some(dy)) =
            (v[0].as_i64(), v[1].as_i64(), v[2].as_i64(), v[3].as_i64())
        else {
            return Err(format!("no empty spot on the pane: {v}").into());
        };
        if dx.abs() < 10 && dy.abs() < 10 {
            break;
        }
        app.driver
            .action_chain()
            .move_to(x, y)
            .click_and_hold()
            .move_to(x + dx / 4, y + dy / 4)
            .move_to(x + dx / 2, y + dy / 2)
            .move_to(x + dx, y + dy)
            .release()
            .perform()
            .await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    Ok(())
}
