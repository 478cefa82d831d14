//! The start screen: the window, the example models from `fixtures/`, opening one.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde_json::Value;

use thirtyfour::prelude::*;

use crate::harness::{temp_dir, App, Ctx, TestResult};

/// The window opens with the bundled UI, talking to the real shell (not the mock).
pub async fn window_opens(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    ensure_eq!(app.driver.title().await?, "Journey Lab");
    // The native window's title, asked through Tauri's own IPC (core:window default).
    let script = "const done = arguments[0]; \
                  window.__TAURI_INTERNALS__.invoke('plugin:window|title', { label: 'main' }) \
                    .then(done, (e) => done('error: ' + e));";
    let window_title = app.driver.execute_async(script, Vec::new()).await?;
    ensure_eq!(window_title.json(), &Value::from("Journey Lab"));
    let root = app.by_testid("app").await?;
    ensure_eq!(root.attr("data-backend").await?.as_deref(), Some("tauri"));
    app.by_testid("start-screen").await?;
    Ok(())
}

/// Every `*.json` file in the examples folder is listed, in file-name order, with the
/// model's name and journey count.
pub async fn example_list_shows_every_fixture(ctx: &mut Ctx) -> TestResult {
    let fixtures = fixtures()?;
    ensure_eq!(
        fixtures.is_empty(),
        false,
        "the repository's fixtures/ holds models"
    );
    let app = ctx.app().await?;
    let list = app.by_testid("example-list").await?;
    let items = app.all_within(&list, "example-item").await?;
    let files: Vec<String> = fixtures.iter().map(|f| f.file_name.clone()).collect();
    ensure_eq!(App::attrs(&items, "data-file").await?, files);
    for (item, fixture) in items.iter().zip(&fixtures) {
        let name = item
            .find(By::Css("[data-testid=example-name]"))
            .await?
            .text()
            .await?;
        ensure_eq!(name, fixture.name, "{}", fixture.file_name);
        let count = item
            .find(By::Css("[data-testid=example-journey-count]"))
            .await?;
        ensure_eq!(
            count.attr("data-count").await?,
            Some(fixture.journey_ids.len().to_string()),
            "{}",
            fixture.file_name
        );
    }
    Ok(())
}

/// Opening each example shows exactly its journeys; "back" returns to the list.
pub async fn opening_an_example_shows_its_journeys(ctx: &mut Ctx) -> TestResult {
    let fixtures = fixtures()?;
    ensure_eq!(
        fixtures.is_empty(),
        false,
        "the repository's fixtures/ holds models"
    );
    let app = ctx.app().await?;
    for fixture in &fixtures {
        app.click(&format!("open-example-{}", fixture.stem)).await?;
        ensure_eq!(
            app.by_testid("model-name").await?.text().await?,
            fixture.name
        );
        let list = app.by_testid("journey-list").await?;
        let items = app.all_within(&list, "journey-item").await?;
        ensure_eq!(
            App::attrs(&items, "data-journey-id").await?,
            fixture.journey_ids,
            "{}",
            fixture.file_name
        );
        app.click("back-to-examples").await?;
        app.by_testid("example-list").await?;
    }
    Ok(())
}

/// An examples folder with no model says so (the state is shown by the app, not only
/// described in its code).
pub async fn an_empty_examples_folder_says_so(ctx: &mut Ctx) -> TestResult {
    let empty = temp_dir("no-examples")?;
    let app = ctx
        .app_with_env(&[("JOURNEYLAB_EXAMPLES", OsString::from(&empty))])
        .await?;
    app.by_testid("example-empty").await?;
    let items = app
        .driver
        .find_all(By::Css("[data-testid=\"example-item\"]"))
        .await?;
    ensure_eq!(items.len(), 0);
    Ok(())
}

/// A model with no journeys (a draft) opens and says it has none.
pub async fn a_model_without_journeys_says_so(ctx: &mut Ctx) -> TestResult {
    let dir = temp_dir("journeyless")?;
    std::fs::write(dir.join("no-journeys.json"), NO_JOURNEYS_MODEL)?;
    let app = ctx
        .app_with_env(&[("JOURNEYLAB_EXAMPLES", OsString::from(&dir))])
        .await?;
    app.click("open-example-no-journeys").await?;
    ensure_eq!(
        app.by_testid("model-name").await?.text().await?,
        "No journeys yet"
    );
    app.by_testid("journey-empty").await?;
    Ok(())
}

/// A command error reaches the UI with its code and message.
pub async fn a_listing_error_shows_its_code_and_message(ctx: &mut Ctx) -> TestResult {
    let missing = std::env::temp_dir().join("journeylab-e2e-no-such-folder");
    let app = ctx
        .app_with_env(&[("JOURNEYLAB_EXAMPLES", OsString::from(&missing))])
        .await?;
    let error = app.by_testid("error").await?;
    ensure_eq!(error.attr("data-code").await?.as_deref(), Some("io"));
    let code = app.by_testid("error-code").await?.text().await?;
    ensure_eq!(code, "io");
    let message = app.by_testid("error-message").await?.text().await?;
    let names_folder = message.contains("journeylab-e2e-no-such-folder");
    ensure_eq!(names_folder, true, "message: {message}");
    Ok(())
}

/// The content security policy is in force: no `eval`, no remote connections; inline
/// style attributes (which the canvas library needs) still apply.
pub async fn content_security_policy_is_enforced(ctx: &mut Ctx) -> TestResult {
    let app = ctx.app().await?;
    app.by_testid("start-screen").await?;
    let script = r#"
        let evalBlocked = false;
        try { window["eval"]("1 + 1"); } catch (e) { evalBlocked = true; }
        const probe = document.createElement("div");
        probe.setAttribute("style", "width: 123px");
        document.body.appendChild(probe);
        const inlineStyleWidth = getComputedStyle(probe).width;
        probe.remove();
        return { evalBlocked, inlineStyleWidth };
    "#;
    let result = app.driver.execute(script, Vec::new()).await?;
    let value = result.json();
    ensure_eq!(
        value["evalBlocked"],
        Value::Bool(true),
        "eval must be blocked"
    );
    ensure_eq!(
        value["inlineStyleWidth"],
        Value::from("123px"),
        "inline styles must apply"
    );
    Ok(())
}

/// Saves screenshots of the start screen and of the first example opened to
/// `target/e2e/screenshots/`, for people reviewing a change to look at.
pub async fn saves_review_screenshots(ctx: &mut Ctx) -> TestResult {
    let dir = crate::harness::artifacts_dir().join("screenshots");
    std::fs::create_dir_all(&dir)?;
    let fixtures = fixtures()?;
    let first = fixtures
        .first()
        .ok_or("the repository's fixtures/ holds models")?;
    let app = ctx.app().await?;
    app.by_testid("start-screen").await?;
    app.by_testid("example-list").await?;
    app.screenshot(&dir.join("start-screen.png")).await?;
    app.click(&format!("open-example-{}", first.stem)).await?;
    app.by_testid("model-name").await?;
    app.screenshot(&dir.join("model-screen.png")).await?;
    Ok(())
}

/// A model with no journeys (a draft): it opens, with its problems, and says it has none.
const NO_JOURNEYS_MODEL: &str = r#"{
  "format": "journeylab/1",
  "name": "No journeys yet",
  "populations": [{ "id": "customers", "kind": "legitimate" }],
  "journeys": []
}"#;

/// What the UI should show for one example file, read straight from the JSON.
struct Fixture {
    file_name: String,
    stem: String,
    name: String,
    journey_ids: Vec<String>,
}

/// The examples the app lists: `$JOURNEYLAB_EXAMPLES`, else `fixtures/`.
fn fixtures() -> std::io::Result<Vec<Fixture>> {
    let dir = std::env::var_os("JOURNEYLAB_EXAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::harness::repo_root().join("fixtures"));
    read_fixtures(&dir)
}

fn read_fixtures(dir: &Path) -> std::io::Result<Vec<Fixture>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)?;
            let json: Value = serde_json::from_str(&text)
                .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(Fixture {
                stem: file_name.trim_end_matches(".json").to_string(),
                name: json["name"]
                    .as_str()
                    .unwrap_or("(unnamed model)")
                    .to_string(),
                journey_ids: json["journeys"]
                    .as_array()
                    .map(|js| {
                        js.iter()
                            .map(|j| j["id"].as_str().unwrap_or_default().to_string())
                            .collect()
                    })
                    .unwrap_or_default(),
                file_name,
            })
        })
        .collect()
}
