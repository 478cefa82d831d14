//! The editor's attack surface panel (spec §11): a population's routes ranked across
//! journeys with the engine's numbers, the findings, a finding's route drawn on the canvas
//! of its journey, and a scenario that closes the route the finding is about.

use std::time::{Duration, Instant};

use journeylab_engine::routes::{routes, Hop, RouteLimits, RouteReport};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use crate::harness::{repo_root, App, Ctx, TestResult};
use crate::steps::{
    canvas_fitted, open_example, screenshot_at, screenshots_dir, type_into, wait_attr, Error,
};

const MODEL: &str = "consumer-identity";
const SEED: u64 = 24680;
/// The panel's iterations (expected mode).
const ITERATIONS: u64 = 1_000;
const POPULATION: &str = "sim_swappers";
const SCENARIO: &str = "recovery_document_check";
/// How long the engine's answer may take to show (1,000 expected-mode iterations of four
/// journeys, a debug shell under Xvfb on a shared machine; it takes well under a second).
const ANSWER: Duration = Duration::from_secs(30);

fn loaded() -> Result<journeylab_app::LoadedModel, Error> {
    Ok(journeylab_app::load_model(
        &repo_root().join("fixtures").join(format!("{MODEL}.json")),
    )?)
}

/// The engine's routes of the fixture with the panel's seed and iterations.
fn engine_report() -> Result<RouteReport, Error> {
    let model = loaded()?;
    let spec = model
        .validation
        .spec
        .as_ref()
        .ok_or("the fixture is valid")?;
    Ok(routes(spec, SEED, ITERATIONS, RouteLimits::default())?)
}

/// The canvas edge id of a hop: `<step>:<handle>`, as the editor names its edges (an
/// action's `next`, a branch's `to[i]` → `to.i`, every other exit `on.<exit>`).
fn edge_id(hop: &Hop) -> String {
    let handle = match hop.exit.as_str() {
        "next" => "next".to_string(),
        exit => match exit.strip_prefix("to[").and_then(|s| s.strip_suffix(']')) {
            Some(i) => format!("to.{i}"),
            None => format!("on.{exit}"),
        },
    };
    format!("{}:{handle}", hop.step)
}

/// Waits until the panel shows an answer for `scenario` with the test's seed (and no
/// newer request is in flight).
async fn answered(app: &App, scenario: &str) -> TestResult {
    let deadline = Instant::now() + ANSWER;
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(panel) = app.driver.find(By::Css("[data-testid=attack-panel]")).await {
            let attr = |name: &'static str| {
                let panel = panel.clone();
                async move { panel.attr(name).await.ok().flatten().unwrap_or_default() }
            };
            let (status, seed, scen) = (
                attr("data-status").await,
                attr("data-seed").await,
                attr("data-scenario").await,
            );
            if status == "error" {
                let message = app.by_testid("attack-error").await?.text().await?;
                return Err(format!("the panel shows an error: {message}").into());
            }
            if status == "ready" && seed == SEED.to_string() && scen == scenario {
                return Ok(());
            }
            last = format!("status {status}, seed {seed:?}, scenario {scen:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("no answer for {scenario} with seed {SEED} ({last})").into())
}

/// Chooses `value` in the `<select>` with `data-testid="<id>"`.
async fn choose(app: &App, id: &str, value: &str) -> TestResult {
    let select = app.by_testid(id).await?;
    SelectElement::new(&select)
        .await?
        .select_by_value(value)
        .await?;
    Ok(())
}

/// `data-route-edge` of canvas edge `id` once it is drawn (empty when absent).
async fn route_mark(app: &App, id: &str) -> Result<String, Error> {
    let edge = app.by_testid(&format!("rf__edge-{id}")).await?;
    Ok(edge.attr("data-route-edge").await?.unwrap_or_default())
}

/// Consumer identity in the editor: the attack surface of sim-swappers with seed 24680
/// lists their main route with the engine's P and the recovery-weaker finding; the
/// finding draws its recovery route on the recovery canvas (every hop's edge marked, no
/// other); the document-check scenario resolves the finding and closes the route.
pub async fn attack_surface_lists_routes_and_loses_the_finding(ctx: &mut Ctx) -> TestResult {
    let report = engine_report()?;
    let main = report
        .main_route(POPULATION)
        .ok_or("sim-swappers have a main route")?
        .clone();
    let finding = report
        .findings
        .iter()
        .find(|f| f.code == journeylab_engine::routes::FindingCode::RecoveryWeaker)
        .ok_or("the fixture has a recovery-weaker finding")?
        .clone();
    let finding_route = finding.route.clone().ok_or("the finding names a route")?;
    let route = report
        .journey(&finding.journey)
        .and_then(|j| j.route(&finding_route))
        .ok_or("the finding's route is listed")?
        .clone();
    ensure_eq!(finding.journey.as_str(), "recovery");

    let app = ctx.app().await?;
    open_example(app, MODEL).await?;
    app.click("open-editor").await?;
    canvas_fitted(app).await?;
    app.click("editor-attack").await?;
    app.by_testid("attack-panel").await?;
    // No run of this file yet: the default seed, then the one typed.
    let seed = app.by_testid("attack-seed").await?.prop("value").await?;
    ensure_eq!(seed.as_deref(), Some("1"), "the default seed");
    type_into(app, "attack-seed", &SEED.to_string()).await?;
    answered(app, "baseline").await?;
    let panel = app.by_testid("attack-panel").await?;
    ensure_eq!(
        panel.attr("data-iterations").await?.as_deref(),
        Some("1000")
    );
    let mode = app.by_testid("attack-mode").await?.text().await?;
    ensure_eq!(
        mode.starts_with("Expected mode, 1,000 iterations, seed 24680"),
        true,
        "mode line: {mode}"
    );
    choose(app, "attack-population", POPULATION).await?;

    // The main route: the engine's route and P (the attribute is the full number).
    let row = app
        .driver
        .query(By::Css(
            "[data-testid=attack-panel] [data-main=\"true\"][data-journey]",
        ))
        .first()
        .await?;
    ensure_eq!(
        row.attr("data-route").await?.unwrap_or_default(),
        main.route.clone()
    );
    ensure_eq!(
        row.attr("data-journey").await?.unwrap_or_default(),
        main.journey.clone()
    );
    let p: f64 = row.attr("data-p").await?.unwrap_or_default().parse()?;
    ensure_eq!(
        ((p - main.p) / main.p).abs() < 1e-9,
        true,
        "P shown {p}, engine {}",
        main.p
    );
    let testid = row.attr("data-testid").await?.unwrap_or_default();
    ensure_eq!(
        testid.starts_with(&format!("attack-route-{}-", main.journey)),
        true,
        "row id {testid}"
    );
    // It ranks first: it carries most of the population's successes.
    let rows = app
        .driver
        .find_all(By::Css("[data-testid=attack-routes] button[data-route]"))
        .await?;
    ensure_eq!(
        rows.first()
            .ok_or("routes are listed")?
            .attr("data-route")
            .await?
            .unwrap_or_default(),
        main.route.clone()
    );
    println!(
        "    {POPULATION}: {} routes; main “{}” of {} at P {p} (engine {})",
        rows.len(),
        main.label,
        main.journey,
        main.p
    );

    // The finding is listed, and it names the engine's route.
    let css = "[data-testid^=\"attack-finding-\"][data-code=\"recovery_weaker\"]";
    let listed = app.driver.query(By::Css(css)).first().await?;
    ensure_eq!(
        listed.attr("data-route").await?.unwrap_or_default(),
        finding_route.clone()
    );
    ensure_eq!(listed.attr("data-severity").await?.as_deref(), Some("high"));
    // The access table: recovery's weakest route is below what it restores.
    let access = app.by_testid("attack-access-recovery").await?;
    ensure_eq!(access.attr("data-weaker").await?.as_deref(), Some("true"));
    ensure_eq!(access.attr("data-weakest-aal").await?.as_deref(), Some("1"));
    let shots = screenshots_dir()?;
    app.screenshot(&shots.join("attack-surface.png")).await?;
    screenshot_at(
        app,
        "attack-routes",
        "start",
        &shots.join("attack-routes.png"),
    )
    .await?;

    // Clicking the finding selects its route: the recovery canvas draws every hop.
    listed.click().await?;
    wait_attr(app, "canvas", "data-journey", ANSWER, |v| v == "recovery").await?;
    wait_attr(app, "canvas", "data-route", ANSWER, |v| v == finding_route).await?;
    canvas_fitted(app).await?;
    let mut on_route = Vec::new();
    for hop in &route.hops {
        let id = edge_id(hop);
        ensure_eq!(
            route_mark(app, &id).await?,
            "true",
            "edge {id} of the route"
        );
        on_route.push(id);
    }
    ensure_eq!(on_route.last().map(String::as_str), Some("notify:next"));
    for off in ["choose_method:to.0", "sms_code:on.fail", "idv:on.pass"] {
        ensure_eq!(
            route_mark(app, off).await?,
            "",
            "edge {off} is not on the route"
        );
    }
    let restores = app.by_testid("attack-restores").await?.text().await?;
    ensure_eq!(
        restores.contains("grants the access of Sign-in"),
        true,
        "restores note: {restores}"
    );
    ensure_eq!(listed.attr("aria-pressed").await?.as_deref(), Some("true"));
    println!("    the finding's route: {} edges marked", on_route.len());
    app.screenshot(&shots.join("attack-route-highlight.png"))
        .await?;

    // The scenario: the finding is resolved and the route closed for sim-swappers.
    choose(app, "attack-scenario", SCENARIO).await?;
    answered(app, SCENARIO).await?;
    let codes = app.driver.find_all(By::Css(css)).await?;
    ensure_eq!(codes.len(), 0, "recovery_weaker is gone");
    let access = app.by_testid("attack-access-recovery").await?;
    ensure_eq!(access.attr("data-weaker").await?, None);
    let changes = app.by_testid("attack-changes").await?;
    let sentences = app.all_within(&changes, "attack-change-0").await?;
    let first = sentences.first().ok_or("a change is shown")?.text().await?;
    let engine = journeylab_app::model_routes(
        &loaded()?,
        &journeylab_app::RoutesRequest {
            scenario: Some(SCENARIO.to_string()),
            seed: SEED,
            iterations: ITERATIONS,
        },
    )?;
    let want = engine
        .changes
        .first()
        .ok_or("the scenario changes routes")?;
    ensure_eq!(
        first.contains(&want.sentence),
        true,
        "shown {first:?}, engine {:?}",
        want.sentence
    );
    ensure_eq!(
        first.contains("closes the route") && first.contains("SIM-swappers"),
        true,
        "first change: {first}"
    );
    let resolved = app
        .by_testid("attack-finding-changes")
        .await?
        .attr("data-resolved")
        .await?;
    ensure_eq!(resolved.as_deref(), Some("1"));
    println!("    {SCENARIO}: {first}");
    app.screenshot(&shots.join("attack-scenario.png")).await?;
    Ok(())
}
