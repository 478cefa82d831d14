//! UI steps shared by the end-to-end tests: what a person does in the app (open an
//! example, open the editor, select a node, set up and start a run, type into a field,
//! save the model) and the waits that go with it. Each step retries only where the app
//! is known to move things under the pointer, and says why.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::harness::{artifacts_dir, App, TestResult};

/// A test step's error (a WebDriver error, a failed wait or a failed check).
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// How often a step that retries a click tries it (200 ms apart: about 5 s in all).
const CLICK_TRIES: usize = 25;
const CLICK_RETRY: Duration = Duration::from_millis(200);

/// Waits until the `attribute` of the element with `data-testid="<id>"` satisfies `ok`,
/// for up to `timeout`; returns the value. The element may come and go meanwhile.
pub async fn wait_attr(
    app: &App,
    id: &str,
    attribute: &str,
    timeout: Duration,
    ok: impl Fn(&str) -> bool,
) -> Result<String, Error> {
    let deadline = Instant::now() + timeout;
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(el) = app
            .driver
            .find(By::Css(format!("[data-testid=\"{id}\"]")))
            .await
        {
            if let Ok(Some(v)) = el.attr(attribute).await {
                if ok(&v) {
                    return Ok(v);
                }
                last = v;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(format!("{id}[{attribute}] never matched (last {last:?})").into())
}

/// The `attribute` of the element with `data-testid="<id>"`, parsed (a number, mostly);
/// an error when it is missing or does not parse.
pub async fn parsed_attr<T: std::str::FromStr>(
    app: &App,
    id: &str,
    attribute: &str,
) -> Result<T, Error> {
    app.by_testid(id)
        .await?
        .attr(attribute)
        .await?
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{id}[{attribute}] does not parse").into())
}

/// Replaces the text of the input with `data-testid="<id>"` by selecting it and typing
/// over it, as a person does: WebDriver's `clear` does not reach React's onChange, so a
/// prefilled field could keep its old value under the new keys.
pub async fn type_into(app: &App, id: &str, text: &str) -> TestResult {
    let el = app.by_testid(id).await?;
    if text.is_empty() {
        el.send_keys(Key::Control + "a").await?;
        el.send_keys(Key::Backspace).await?;
    } else {
        type_over(&el, text).await?;
    }
    Ok(())
}

/// Selects the text of `field` and types `text` over it, as a person does. Editor fields
/// need this: `clear` does not reach React's onChange, so the edit would be lost.
pub async fn type_over(field: &WebElement, text: &str) -> WebDriverResult<()> {
    field.send_keys(Key::Control + "a").await?;
    field.send_keys(text).await
}

/// `target/e2e/screenshots/`, created if missing (review screenshots go there).
pub fn screenshots_dir() -> std::io::Result<PathBuf> {
    let dir = artifacts_dir().join("screenshots");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Scrolls the element with `data-testid="<id>"` into view (`block`: `start`, `center`
/// …, as `scrollIntoView` takes it) and saves a screenshot of the window to `path`.
pub async fn screenshot_at(app: &App, id: &str, block: &str, path: &Path) -> TestResult {
    let element = app.by_testid(id).await?;
    app.driver
        .execute(
            "arguments[0].scrollIntoView({block: arguments[1]});",
            vec![element.to_json()?, serde_json::json!(block)],
        )
        .await?;
    app.screenshot(path).await?;
    Ok(())
}

/// Opens example `fixture` from the start screen and waits for its model screen. Back on
/// the start screen, the recent files may load after the cards and push them down, so a
/// click can land where a card was; it is repeated until the model screen shows (up to
/// three times).
pub async fn open_example(app: &App, fixture: &str) -> Result<(), Error> {
    let card = format!("open-example-{fixture}");
    for attempt in 0..3 {
        if attempt > 0 {
            // A model screen slower than the wait below has taken the card away.
            let cards = app
                .driver
                .find_all(By::Css(format!("[data-testid=\"{card}\"]")))
                .await?;
            if cards.is_empty() {
                app.by_testid("open-editor").await?;
                return Ok(());
            }
        }
        app.click(&card).await?;
        if model_screen_shown(app, Duration::from_secs(3)).await? {
            return Ok(());
        }
    }
    Err(format!("example {fixture} did not open").into())
}

/// Whether the model screen (its "open editor" button) shows within `wait`.
async fn model_screen_shown(app: &App, wait: Duration) -> WebDriverResult<bool> {
    app.driver
        .query(By::Css("[data-testid=\"open-editor\"]"))
        .wait(wait, Duration::from_millis(100))
        .exists()
        .await
}

/// Opens example `fixture` in the journey editor and waits for its canvas.
pub async fn open_in_editor(app: &App, fixture: &str) -> TestResult {
    open_example(app, fixture).await?;
    app.click("open-editor").await?;
    app.by_testid("canvas").await?;
    Ok(())
}

/// Closes the editor and goes back to the start screen.
pub async fn close_to_start(app: &App) -> WebDriverResult<()> {
    app.click("editor-close").await?;
    app.click("back-to-examples").await
}

/// Waits until the canvas has fitted its first view (nodes do not move after that).
pub async fn canvas_fitted(app: &App) -> WebDriverResult<()> {
    app.driver
        .query(By::Css("[data-testid=canvas][data-fitted=true]"))
        .first()
        .await
        .map(|_| ())
}

/// Selects node `id` on the canvas: clicks it until the inspector shows that step. Nodes
/// stay hidden until React Flow has measured them, and a just-opened canvas may still be
/// fitting its view, so a click can fail or land on the pane beside the node; it is tried
/// up to 25 times, 200 ms apart.
pub async fn select_node(app: &App, id: &str) -> TestResult {
    for attempt in 0..CLICK_TRIES {
        if attempt > 0 {
            tokio::time::sleep(CLICK_RETRY).await;
        }
        if clicked_and_selected(app, id).await? {
            return Ok(());
        }
    }
    Err(format!("node {id} could not be selected").into())
}

/// Selects node `id` (as [`select_node`]) until the inspector also offers the element
/// with `data-testid="<offered>"`.
pub async fn select_node_offering(app: &App, id: &str, offered: &str) -> TestResult {
    for attempt in 0..CLICK_TRIES {
        if attempt > 0 {
            tokio::time::sleep(CLICK_RETRY).await;
        }
        if clicked_and_selected(app, id).await? && app.by_testid(offered).await.is_ok() {
            return Ok(());
        }
    }
    Err(format!("node {id} selected does not offer {offered}").into())
}

/// Clicks node `id` once; whether the inspector then shows that step (within a second).
async fn clicked_and_selected(app: &App, id: &str) -> WebDriverResult<bool> {
    if app.click(&format!("node-{id}")).await.is_err() {
        return Ok(false);
    }
    app.driver
        .query(By::Css(format!(
            "[data-testid=\"inspector\"][data-step=\"{id}\"]"
        )))
        .wait(Duration::from_secs(1), Duration::from_millis(50))
        .exists()
        .await
}

/// Types `path` into the editor's file field and saves; waits for the confirmation.
pub async fn save_model_as(app: &App, path: &Path) -> TestResult {
    type_into(app, "editor-path", &path.display().to_string()).await?;
    app.click("editor-save").await?;
    app.by_testid("editor-saved").await?;
    Ok(())
}

/// Opens example `fixture` and waits for its run panel.
pub async fn open_run_panel(app: &App, fixture: &str) -> TestResult {
    open_example(app, fixture).await?;
    app.by_testid("run-panel").await?;
    Ok(())
}

/// Sets the run panel's iterations and seed.
pub async fn set_run(app: &App, iterations: &str, seed: &str) -> TestResult {
    type_into(app, "run-iterations", iterations).await?;
    type_into(app, "run-seed", seed).await
}

/// Chooses the run panel's mode (`sampled` or `expected`).
pub async fn set_run_mode(app: &App, mode: &str) -> WebDriverResult<()> {
    app.click(&format!("run-mode-{mode}")).await
}

/// Unticks every scenario in the run panel, so that only the baseline runs.
pub async fn run_baseline_only(app: &App) -> WebDriverResult<()> {
    app.driver
        .execute(
            "document.querySelectorAll('[data-testid^=\"run-scenario-\"]')\
               .forEach((e) => { if (e.checked) e.click(); });",
            Vec::new(),
        )
        .await
        .map(|_| ())
}

/// Starts the run set up in the run panel and waits (the usual query timeout) for its
/// dashboard, checking that the run status then says `finished`. Returns the dashboard.
pub async fn run_to_dashboard(app: &App) -> Result<WebElement, Error> {
    app.click("run-start").await?;
    let dashboard = app.by_testid("dashboard").await?;
    let status = app.by_testid("run-status").await?;
    ensure_eq!(
        status.attr("data-status").await?.as_deref(),
        Some("finished")
    );
    Ok(dashboard)
}

/// Waits up to `timeout` until the run status says `status` (`finished`, `cancelled` …).
pub async fn wait_run_status(app: &App, status: &str, timeout: Duration) -> TestResult {
    wait_attr(app, "run-status", "data-status", timeout, |v| v == status).await?;
    Ok(())
}

/// CPU time (in clock ticks) used so far by the app's web content processes.
fn web_process_ticks() -> u64 {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return 0;
    };
    dir.filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter(|stat| stat.contains("(WebKitWebProces"))
        .filter_map(|stat| {
            // Fields after the `(comm)`: state is field 3, utime 14, stime 15.
            let rest = stat.rsplit_once(") ")?.1;
            let fields: Vec<&str> = rest.split(' ').collect();
            Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
        })
        .sum()
}

/// Waits (at most `max`) until the page is quiet: its web process uses under a tenth of
/// a core over half a second. Opening the editor keeps WebKit busy for a few seconds
/// under Xvfb (software rendering on both cores) though the page no longer changes; a
/// latency measured during that burst would measure the burst. Returns how long it took.
pub async fn wait_for_quiet_page(max: Duration) -> Duration {
    const WINDOW: Duration = Duration::from_millis(500);
    // Linux counts CPU time in ticks of 1/100 s (USER_HZ); 5 ticks per 0.5 s = 10 %.
    const QUIET_TICKS: u64 = 5;
    let start = Instant::now();
    let mut before = web_process_ticks();
    while start.elapsed() < max {
        tokio::time::sleep(WINDOW).await;
        let now = web_process_ticks();
        if now.saturating_sub(before) < QUIET_TICKS {
            break;
        }
        before = now;
    }
    start.elapsed()
}

/// Opens run `run_id` from the history and waits for its dashboard; clicks again if a
/// layout change (rows or charts arriving) made the click land elsewhere.
pub async fn open_run(app: &App, run_id: &str) -> TestResult {
    let mut last = Err("not clicked".into());
    for _ in 0..3 {
        app.click(&format!("history-open-{run_id}")).await?;
        last = wait_attr(
            app,
            "dashboard",
            "data-run-id",
            Duration::from_secs(5),
            |v| v == run_id,
        )
        .await
        .map(|_| ());
        if last.is_ok() {
            break;
        }
    }
    last
}
