//! The journey editor: build a journey, save and reopen it, live validation on the
//! nodes, undo, and review screenshots of every fixture on the canvas.

use std::ffi::OsString;
use std::time::Duration;

use serde_json::{json, Value};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use crate::harness::{repo_root, temp_dir, App, Ctx, TestResult};
use crate::steps::{
    canvas_fitted, close_to_start, open_example, open_in_editor, parsed_attr, save_model_as,
    screenshots_dir, select_node, type_into, wait_attr,
};

/// A new model: add a step from the palette, connect exits by dragging, make a parameter
/// PERT, save to a file; reopen that file in the editor, save it again unchanged, and
/// both files hold the same model (with the canvas positions under the layout key).
pub async fn builds_saves_and_reopens_a_journey(ctx: &mut Ctx) -> TestResult {
    let at = |step: &'static str| move |e: WebDriverError| format!("{step}: {e}");
    let dir = temp_dir("editor-build")?;
    let app = ctx
        .app_with_env(&[("JOURNEYLAB_EXAMPLES", OsString::from(&dir))])
        .await?;
    app.click("new-model")
        .await
        .map_err(at("click new-model"))?;
    app.by_testid("node-start").await?;
    canvas_fitted(app).await.map_err(at("first view"))?;
    app.click("palette-action")
        .await
        .map_err(at("click palette-action"))?;
    app.by_testid("node-action_1").await?;
    // The new step is selected: its inspector is open.
    let inspector = app.by_testid("inspector").await?;
    ensure_eq!(
        inspector.attr("data-step").await?.as_deref(),
        Some("action_1")
    );

    // start.next → action_1 by dragging the exit handle onto the step; action_1.next →
    // success with the inspector's exit picker.
    connect_by_drag(app, "start", "next", "action_1").await?;
    let exit = app.by_testid("exit-select-next").await?;
    SelectElement::new(&exit)
        .await?
        .select_by_value("success")
        .await?;
    wait_for_edge(app, "action_1", "next", "success").await?;

    // seconds: PERT(2, 4, 9), mean (2 + 16 + 9) / 6 = 4.5.
    select_node(app, "action_1")
        .await
        .map_err(|e| format!("click node-action_1: {e}"))?;
    let dist = app.by_testid("q-seconds-dist").await?;
    SelectElement::new(&dist)
        .await?
        .select_by_value("pert")
        .await?;
    for (i, value) in ["2", "4", "9"].iter().enumerate() {
        type_into(app, &format!("q-seconds-p{i}"), value).await?;
    }
    // The inspector shows the engine's mean of the edited quantity (asked over IPC on
    // every edit): the round trip must follow typing.
    wait_attr(
        app,
        "q-seconds-mean",
        "data-mean",
        Duration::from_secs(10),
        |m| m == "4.5",
    )
    .await?;
    ensure_eq!(app.by_testid("q-seconds-mean").await?.text().await?, "4.5");
    let ms: f64 = parsed_attr(app, "q-seconds-plot", "data-ms").await?;
    println!("    describe_quantity round trip after the last edit: {ms:.1} ms");
    ensure_eq!(ms < 100.0, true, "the inspector answered in {ms:.1} ms");
    app.by_testid("editor-dirty").await?;

    let first = dir.join("built.json");
    save_model_as(app, &first)
        .await
        .map_err(|e| format!("save first: {e}"))?;
    app.wait_gone("editor-dirty").await?;
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&first)?)?;
    let steps = &saved["journeys"][0]["steps"];
    ensure_eq!(
        steps,
        &json!([
            { "id": "start", "kind": "action", "name": "Start", "seconds": 5, "next": "action_1" },
            { "id": "action_1", "kind": "action", "name": "New action",
              "seconds": { "pert": [2, 4, 9] }, "next": "success" }
        ])
    );
    ensure_eq!(saved["journeys"][0]["entry"], json!("start"));
    let layout = &saved["x-journeylab-layout"]["journeys"]["journey"];
    ensure_eq!(layout["action_1"]["x"].is_number(), true, "{saved}");
    // Valid; its one warning is governance's: a model nobody owns yet.
    wait_attr(
        app,
        "problems",
        "data-errors",
        Duration::from_secs(5),
        |v| v == "0",
    )
    .await?;
    let warned: Vec<String> = {
        let mut paths = Vec::new();
        for item in app
            .driver
            .find_all(By::Css("[data-testid=\"problem-item\"]"))
            .await?
        {
            paths.push(item.attr("data-path").await?.unwrap_or_default());
        }
        paths
    };
    ensure_eq!(warned, vec!["owners".to_string()]);
    // The save is recorded as a model version in the workspace.
    app.click("editor-history")
        .await
        .map_err(at("click editor-history"))?;
    app.by_testid("history-version-1").await?;

    // Closing after a save shows the saved model; reopen it in the editor.
    app.click("editor-close")
        .await
        .map_err(at("click editor-close"))?;
    app.by_testid("model-name").await?;
    app.click("open-editor")
        .await
        .map_err(at("click open-editor"))?;
    app.by_testid("node-action_1").await?;
    select_node(app, "action_1")
        .await
        .map_err(|e| format!("click node-action_1: {e}"))?;
    wait_attr(
        app,
        "q-seconds-mean",
        "data-mean",
        Duration::from_secs(10),
        |m| m == "4.5",
    )
    .await?;
    ensure_eq!(app.by_testid("q-seconds-mean").await?.text().await?, "4.5");
    let second = dir.join("reopened.json");
    save_model_as(app, &second)
        .await
        .map_err(|e| format!("save second: {e}"))?;
    let reopened: Value = serde_json::from_str(&std::fs::read_to_string(&second)?)?;
    ensure_eq!(reopened, saved);
    Ok(())
}

/// A model with an exit to a step that does not exist: the engine's error shows on that
/// node and in the problems list; clicking the problem selects the node.
pub async fn a_dangling_exit_shows_an_error_on_its_node(ctx: &mut Ctx) -> TestResult {
    let dir = temp_dir("editor-dangling")?;
    let model = json!({
        "format": "journeylab/1",
        "name": "Dangling exit",
        "populations": [{ "id": "customers", "kind": "legitimate" }],
        "journeys": [{
            "id": "sign_in", "name": "Sign in",
            "entrants": [{ "population": "customers", "volume": 100 }],
            "entry": "form",
            "steps": [
                { "id": "form", "kind": "action", "next": "check" },
                { "id": "check", "kind": "branch", "to": [{ "target": "nowhere" }] }
            ]
        }]
    });
    std::fs::write(
        dir.join("dangling.json"),
        serde_json::to_string_pretty(&model)?,
    )?;
    let app = ctx
        .app_with_env(&[("JOURNEYLAB_EXAMPLES", OsString::from(&dir))])
        .await?;
    open_example(app, "dangling").await?;
    app.click("open-editor").await?;
    let badge = app.by_testid("node-errors-check").await?;
    ensure_eq!(badge.text().await?.is_empty(), false);
    let node = app.by_testid("node-form").await?;
    ensure_eq!(node.attr("data-errors").await?.as_deref(), Some("0"));
    let problems = app.all_by_testid("problem-item").await?;
    let paths = App::attrs(&problems, "data-path").await?;
    let index = paths
        .iter()
        .position(|p| p.starts_with("journeys[sign_in].steps[check].to"))
        .ok_or_else(|| format!("no problem on the dangling exit: {paths:?}"))?;
    problems[index].click().await?;
    let inspector = app.by_testid("inspector").await?;
    ensure_eq!(inspector.attr("data-step").await?.as_deref(), Some("check"));
    app.screenshot(&screenshots_dir()?.join("editor-dangling-exit.png"))
        .await?;
    Ok(())
}

/// Deleting a step (Delete key) removes it; Ctrl+Z brings it back with its exits.
pub async fn undo_brings_back_a_deleted_step(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    open_example(app, "consumer-sign-in").await?;
    app.click("open-editor").await?;
    let before = issues_count(app).await?;
    select_node(app, "otp").await?;
    app.driver
        .action_chain()
        .key_down(Key::Delete)
        .key_up(Key::Delete)
        .perform()
        .await?;
    app.wait_gone("node-otp").await?;
    app.by_testid("editor-dirty").await?;
    app.driver
        .action_chain()
        .key_down(Key::Control)
        .send_keys("z")
        .key_up(Key::Control)
        .perform()
        .await?;
    app.by_testid("node-otp").await?;
    app.wait_gone("editor-dirty").await?;
    // Its incoming exits are back too: `risk` challenges to `otp`.
    wait_for_edge(app, "risk", "on.challenge", "otp").await?;
    ensure_eq!(issues_count(app).await?, before);
    Ok(())
}

/// The risk signals panel: an invalid Beta parameter shows a validation problem, a valid
/// one clears it; the edit is saved with the score's source kept and the file is then
/// first in the start screen's recent files. Screenshots of the panels.
pub async fn edits_a_risk_signal_in_its_panel(ctx: &mut Ctx) -> TestResult {
    let dir = temp_dir("editor-signals")?;
    let app = ctx.app().await?;
    open_in_editor(app, "consumer-sign-in").await?;
    let before = issues_count(app).await?;
    app.click("editor-signals").await?;
    app.by_testid("risk-signals-panel").await?;
    app.by_testid("signal-login_risk-gates").await?;
    let a = "signal-login_risk-cs_bots-a";
    type_into(app, a, "0").await?;
    ensure_eq!(
        issues_count(app).await? > before,
        true,
        "Beta(0, 2) is reported"
    );
    type_into(app, a, "6").await?;
    ensure_eq!(issues_count(app).await?, before, "Beta(6, 2) validates");
    app.screenshot(&screenshots_dir()?.join("editor-risk-signals.png"))
        .await?;
    let path = dir.join("signals.json");
    save_model_as(app, &path).await?;
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    ensure_eq!(
        saved["risk_signals"][0]["score"]["cs_bots"],
        json!({ "beta": [6, 2], "source": "freeman_2016" })
    );
    app.click("editor-owners").await?;
    app.by_testid("owners-panel").await?;
    app.screenshot(&screenshots_dir()?.join("editor-owners.png"))
        .await?;
    // The saved file is first in the recent files on the start screen. The shell keeps
    // the list and shows it at once; the save's entry lands when the backend answers, so
    // the list shown on arrival may still be the one from before the save.
    close_to_start(app).await?;
    let saved_path = path.display().to_string();
    wait_attr(
        app,
        "recent-file-0",
        "title",
        Duration::from_secs(10),
        |title| title == saved_path,
    )
    .await
    .map_err(|e| format!("the saved file is first in the recent files: {e}"))?;
    app.screenshot(&screenshots_dir()?.join("start-recent-files.png"))
        .await?;
    Ok(())
}

/// Every fixture, each journey on the canvas: review screenshots in
/// `target/e2e/screenshots/editor-<fixture>-<journey>.png`.
pub async fn saves_editor_screenshots(ctx: &mut Ctx) -> TestResult {
    let dir = screenshots_dir()?;
    let app = ctx.app().await?;
    let mut fixtures: Vec<_> = std::fs::read_dir(repo_root().join("fixtures"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    fixtures.sort();
    for path in fixtures {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        open_in_editor(app, &stem).await?;
        let journeys = doc["journeys"].as_array().cloned().unwrap_or_default();
        for journey in journeys {
            let id = journey["id"].as_str().unwrap_or_default().to_string();
            app.click(&format!("tab-{id}")).await?;
            let entry = journey["entry"].as_str().unwrap_or_default();
            app.by_testid(&format!("node-{entry}")).await?;
            // Let the validation land and select the entry so the inspector shows.
            tokio::time::sleep(Duration::from_millis(700)).await;
            select_node(app, entry).await?;
            app.screenshot(&dir.join(format!("editor-{stem}-{id}.png")))
                .await?;
        }
        if stem == "consumer-sign-in" {
            app.click("editor-populations").await?;
            app.by_testid("populations-panel").await?;
            app.screenshot(&dir.join("editor-populations.png")).await?;
            app.click("editor-controls").await?;
            app.by_testid("controls-panel").await?;
            app.screenshot(&dir.join("editor-controls.png")).await?;
        }
        close_to_start(app).await?;
    }
    Ok(())
}

/// Drags from exit `handle` of node `from` onto node `to`, by viewport coordinates read
/// from the DOM (moving to an element would first scroll it into view, and scrolling the
/// canvas's clipped container shifts what the pointer hits).
async fn drag_exit(app: &App, from: &str, handle: &str, to: &str) -> TestResult {
    let (sx, sy) = centre(app, &format!("handle-{from}-{handle}")).await?;
    let (tx, ty) = centre(app, &format!("node-{to}")).await?;
    app.driver
        .action_chain()
        .move_to(sx, sy)
        .click_and_hold()
        .move_to(sx + 10, sy + 5)
        .move_to((sx + tx) / 2, (sy + ty) / 2)
        .move_to(tx, ty)
        .move_to(tx + 2, ty + 2)
        .release()
        .perform()
        .await?;
    Ok(())
}

/// The centre of the element with `data-testid="<id>"` in viewport pixels.
async fn centre(
    app: &App,
    id: &str,
) -> Result<(i64, i64), Box<dyn std::error::Error + Send + Sync>> {
    app.by_testid(id).await?;
    let script = "const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
                  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];";
    let ret = app
        .driver
        .execute(script, vec![json!(format!("[data-testid=\"{id}\"]"))])
        .await?;
    let xy = ret.json();
    match (xy[0].as_i64(), xy[1].as_i64()) {
        (Some(x), Some(y)) => Ok((x, y)),
        _ => Err(format!("no position for {id}: {xy}").into()),
    }
}

/// Drags exit `from:handle` onto step `to` until the canvas draws that edge: a drag that
/// starts while the canvas is still settling (the new step's first layout, the inspector
/// filling in) can land beside the target, as a person's would; it is tried again, at
/// most three times.
async fn connect_by_drag(app: &App, from: &str, handle: &str, to: &str) -> TestResult {
    let mut last = None;
    for _ in 0..3 {
        drag_exit(app, from, handle, to).await?;
        match wait_for_edge_within(app, from, handle, to, 15).await {
            Ok(()) => return Ok(()),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| "no drag".into()))
}

/// Waits (up to 10 s) until the canvas draws the edge `from:handle` → `to`.
async fn wait_for_edge(app: &App, from: &str, handle: &str, to: &str) -> TestResult {
    wait_for_edge_within(app, from, handle, to, 50).await
}

/// Waits up to `tries` × 200 ms until the canvas draws the edge `from:handle` → `to`.
async fn wait_for_edge_within(
    app: &App,
    from: &str,
    handle: &str,
    to: &str,
    tries: usize,
) -> TestResult {
    let selector = format!("[data-testid=\"rf__edge-{from}:{handle}\"]");
    let mut label = String::new();
    for _ in 0..tries {
        let edges = app.driver.find_all(By::Css(selector.as_str())).await?;
        if let Some(edge) = edges.first() {
            label = edge.attr("data-target").await?.unwrap_or_default();
            if label == to {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err(format!("no edge {from}:{handle} → {to} (last seen: {label:?})").into())
}

/// How many problems the problems list shows once validation has settled.
async fn issues_count(app: &App) -> WebDriverResult<usize> {
    tokio::time::sleep(Duration::from_millis(800)).await;
    let problems = app.by_testid("problems").await?;
    Ok(problems
        .attr("data-count")
        .await?
        .and_then(|c| c.parse().ok())
        .unwrap_or(usize::MAX))
}
