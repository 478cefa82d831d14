//! The end-to-end harness: runs each test against the real `journeylab-desktop` binary.
//!
//! For every test it starts `tauri-driver` (which fronts `WebKitWebDriver`) on free ports
//! in its own process group, opens a WebDriver session that launches the app, runs the
//! test, and tears everything down. If no X display was set up for the run, the binary
//! re-executes itself under `xvfb-run`, so plain `cargo test` works headless.
//!
//! On failure the test's screenshot and page source go to `target/e2e/<test name>/`.
//!
//! Adding a test: write `pub async fn my_test(ctx: &mut Ctx) -> TestResult` in a module
//! and list it in `main.rs` with `e2e_test!(module::my_test)`.

use std::ffi::OsString;
use std::future::Future;
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use thirtyfour::error::WebDriverErrorInner;
use thirtyfour::extensions::query::ElementPollerWithTimeout;
use thirtyfour::prelude::*;

/// What a test returns: `Err` (or a panic) fails it.
pub type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// A test's future, borrowing the context.
pub type TestFuture<'a> = Pin<Box<dyn Future<Output = TestResult> + 'a>>;

/// One registered test. Build it with [`e2e_test!`].
pub struct Test {
    /// `module::function`.
    pub name: &'static str,
    /// Runs the test.
    pub run: for<'a> fn(&'a mut Ctx) -> TestFuture<'a>,
}

/// Registers `module::function` (an `async fn(&mut Ctx) -> TestResult`) as a test.
macro_rules! e2e_test {
    ($($segment:ident)::+) => {{
        fn run(ctx: &mut $crate::harness::Ctx) -> $crate::harness::TestFuture<'_> {
            Box::pin($($segment)::+(ctx))
        }
        $crate::harness::Test { name: concat!($(stringify!($segment), "::"),+), run }
    }};
}

/// Fails the test with both values when they differ.
macro_rules! ensure_eq {
    ($left:expr, $right:expr $(, $($context:tt)+)?) => {
        match (&$left, &$right) {
            (left, right) => {
                if left != right {
                    let context: String = String::new() $(+ format!($($context)+).as_str())?;
                    return Err(format!(
                        "{} != {}{}\n  left: {left:?}\n right: {right:?}",
                        stringify!($left),
                        stringify!($right),
                        if context.is_empty() { String::new() } else { format!(" ({context})") },
                    )
                    .into());
                }
            }
        }
    };
}

/// How long element queries wait before giving up.
const QUERY_TIMEOUT: Duration = Duration::from_secs(15);
const QUERY_INTERVAL: Duration = Duration::from_millis(100);

/// The test's view of the world: starts the app on first use.
pub struct Ctx {
    name: String,
    app: Option<App>,
    driver_process: Option<Child>,
    /// The environment of the first launch (a relaunch reuses it: the same database).
    env: Vec<(String, OsString)>,
}

impl Ctx {
    /// The app, launched with the default environment.
    pub async fn app(&mut self) -> Result<&App, WebDriverError> {
        self.app_with_env(&[]).await
    }

    /// The app, launched with extra environment variables (for example
    /// `JOURNEYLAB_EXAMPLES`). Only the first launch of a test takes effect.
    pub async fn app_with_env(&mut self, env: &[(&str, OsString)]) -> Result<&App, WebDriverError> {
        if self.app.is_none() {
            // Every test gets its own empty workspace database, never ~/.local.
            let mut env = env.to_vec();
            if !env.iter().any(|(k, _)| *k == "JOURNEYLAB_DB") {
                let db = temp_dir(&format!("{}-db", self.name.replace("::", "-")))
                    .map_err(|e| WebDriverError::FatalError(format!("temporary folder: {e}")))?
                    .join("journeylab.db");
                env.push(("JOURNEYLAB_DB", db.into_os_string()));
            }
            if self.env.is_empty() {
                self.env = env
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect();
            }
            let (child, url) = start_tauri_driver(&env).map_err(|e| {
                WebDriverError::FatalError(format!(
                    "could not start tauri-driver ({}): {e}; scripts/test.sh installs it",
                    tauri_driver_path().display()
                ))
            })?;
            self.driver_process = Some(child);
            let mut caps = serde_json::Map::new();
            caps.insert(
                "tauri:options".into(),
                serde_json::json!({ "application": app_binary() }),
            );
            caps.insert("browserName".into(), "wry".into());
            let driver = WebDriver::builder(url, caps)
                .poller(Arc::new(ElementPollerWithTimeout::new(
                    QUERY_TIMEOUT,
                    QUERY_INTERVAL,
                )))
                .await?;
            self.app = Some(App { driver });
        }
        match &self.app {
            Some(app) => Ok(app),
            None => unreachable!("the app was just set"),
        }
    }

    /// Kills the app (SIGTERM to its process group: no chance to save anything) and
    /// launches it again on the same database and environment.
    pub async fn kill_and_relaunch(&mut self) -> Result<&App, WebDriverError> {
        // The session dies with the app; it is not quit politely.
        drop(self.app.take());
        if let Some(child) = self.driver_process.take() {
            stop_process_group(child);
        }
        let env = self.env.clone();
        let borrowed: Vec<(&str, OsString)> =
            env.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        self.app_with_env(&borrowed).await
    }

    async fn save_artifacts(&self) -> Option<PathBuf> {
        let app = self.app.as_ref()?;
        let dir = failure_dir(&self.name);
        std::fs::create_dir_all(&dir).ok()?;
        app.settle().await;
        if let Err(e) = app.driver.screenshot(&dir.join("screenshot.png")).await {
            eprintln!("    (no screenshot: {e})");
        }
        match app.driver.source().await {
            Ok(html) => std::fs::write(dir.join("page.html"), html).ok()?,
            Err(e) => eprintln!("    (no page source: {e})"),
        }
        Some(dir)
    }

    async fn teardown(&mut self) {
        if let Some(app) = self.app.take() {
            // Closing the session closes the app's window and process.
            let _ = tokio::time::timeout(Duration::from_secs(10), app.driver.quit()).await;
        }
        if let Some(child) = self.driver_process.take() {
            stop_process_group(child);
        }
    }
}

/// The running app, driven over WebDriver. Lookups go by `data-testid` and wait up to
/// [`QUERY_TIMEOUT`] for the element to appear.
pub struct App {
    /// The raw session, for anything the helpers do not cover.
    pub driver: WebDriver,
}

impl App {
    /// The first element with `data-testid="<id>"`, waiting for it to appear.
    pub async fn by_testid(&self, id: &str) -> WebDriverResult<WebElement> {
        self.driver
            .query(By::Css(testid_selector(id)))
            .first()
            .await
    }

    /// Every element with `data-testid="<id>"` (waits for at least one).
    #[allow(dead_code)] // for tests to come
    pub async fn all_by_testid(&self, id: &str) -> WebDriverResult<Vec<WebElement>> {
        self.driver
            .query(By::Css(testid_selector(id)))
            .all_from_selector_required()
            .await
    }

    /// Every element with `data-testid="<id>"` inside `parent` (waits for at least one).
    pub async fn all_within(
        &self,
        parent: &WebElement,
        id: &str,
    ) -> WebDriverResult<Vec<WebElement>> {
        parent
            .query(By::Css(testid_selector(id)))
            .all_from_selector_required()
            .await
    }

    /// Clicks the element with `data-testid="<id>"` once it is there.
    pub async fn click(&self, id: &str) -> WebDriverResult<()> {
        self.by_testid(id).await?.click().await
    }

    /// Waits until the element with `data-testid="<id>"` is gone; a timeout error if it is
    /// still there after [`QUERY_TIMEOUT`]. (`not_exists`, used before, returns `false`
    /// on a timeout rather than an error, so a wait that never ended passed.)
    ///
    /// WebKitWebDriver reports a matching node as stale when the page removes it while a
    /// query is resolving it (seen about once in eight runs on the evidence dialog's
    /// close): that is the element going, so the query is asked again, within the same
    /// overall deadline.
    pub async fn wait_gone(&self, id: &str) -> WebDriverResult<()> {
        let deadline = Instant::now() + QUERY_TIMEOUT;
        loop {
            let query = self.driver.query(By::Css(testid_selector(id)));
            match query.wait_until_gone().await {
                Err(e)
                    if matches!(e.as_inner(), WebDriverErrorInner::StaleElementReference(_))
                        && Instant::now() < deadline =>
                {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                outcome => return outcome,
            }
        }
    }

    /// The `attribute` of each element, in order (missing attributes are empty).
    pub async fn attrs(elements: &[WebElement], attribute: &str) -> WebDriverResult<Vec<String>> {
        let mut values = Vec::with_capacity(elements.len());
        for element in elements {
            values.push(element.attr(attribute).await?.unwrap_or_default());
        }
        Ok(values)
    }

    /// Waits for two animation frames so a screenshot shows the current DOM.
    pub async fn settle(&self) {
        let script = "const done = arguments[0]; \
                      requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        let _ = tokio::time::timeout(
            Duration::from_secs(5),
            self.driver.execute_async(script, Vec::new()),
        )
        .await;
    }

    /// Saves a screenshot of the window to `path` (after the DOM settled).
    pub async fn screenshot(&self, path: &Path) -> WebDriverResult<()> {
        self.settle().await;
        self.driver.screenshot(path).await
    }
}

fn testid_selector(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// The desktop binary cargo built for this test run.
pub fn app_binary() -> String {
    // The installed package's binary when the package smoke test runs (package.rs).
    match std::env::var_os("JOURNEYLAB_E2E_PACKAGE_ROOT") {
        Some(root) => std::path::PathBuf::from(root)
            .join("usr/bin/journeylab-desktop")
            .display()
            .to_string(),
        None => env!("CARGO_BIN_EXE_journeylab-desktop").to_string(),
    }
}

/// The repository root.
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `target/e2e/` (or `$CARGO_TARGET_DIR/e2e/`).
pub fn artifacts_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
        .join("e2e")
}

/// Where a failing test leaves its screenshot and page source.
fn failure_dir(test: &str) -> PathBuf {
    artifacts_dir().join(test.replace("::", "-"))
}

/// A fresh, empty temporary directory for one test.
pub fn temp_dir(test: &str) -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("journeylab-e2e-{}-{test}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Two distinct free local ports. Both are held while choosing: picked one after the
/// other, the kernel may hand out the same port twice, and then WebKitWebDriver cannot
/// listen on the port tauri-driver already took.
fn free_ports() -> std::io::Result<(u16, u16)> {
    let first = TcpListener::bind("127.0.0.1:0")?;
    let second = TcpListener::bind("127.0.0.1:0")?;
    Ok((first.local_addr()?.port(), second.local_addr()?.port()))
}

/// Waits until something accepts connections on `port`, or `child` exits, or 15 s pass.
fn wait_for_port(child: &mut Child, port: u16, what: &str) -> std::io::Result<()> {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + Duration::from_secs(15);
    while TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_err() {
        if let Some(status) = child.try_wait()? {
            return Err(std::io::Error::other(format!(
                "tauri-driver exited: {status}"
            )));
        }
        if Instant::now() > deadline {
            return Err(std::io::Error::other(format!(
                "{what} did not listen within 15 s"
            )));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

fn tauri_driver_path() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    match in_cargo_home {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// Starts tauri-driver (and through it WebKitWebDriver) on free ports, in a new process
/// group so that teardown stops both. Returns once both accept connections: tauri-driver
/// listens before WebKitWebDriver does, and a session request in between fails.
fn start_tauri_driver(env: &[(&str, OsString)]) -> std::io::Result<(Child, String)> {
    let (port, native_port) = free_ports()?;
    let mut command = Command::new(tauri_driver_path());
    command
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .process_group(0);
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn()?;
    let ready = wait_for_port(&mut child, port, "tauri-driver")
        .and_then(|()| wait_for_port(&mut child, native_port, "WebKitWebDriver"));
    match ready {
        Ok(()) => Ok((child, format!("http://127.0.0.1:{port}"))),
        Err(e) => {
            stop_process_group(child);
            Err(e)
        }
    }
}

/// SIGTERM to the whole group (tauri-driver, WebKitWebDriver, the app); SIGKILL if it
/// lingers. SIGKILL first would orphan WebKitWebDriver on its port.
fn stop_process_group(mut child: Child) {
    let group = format!("-{}", child.id());
    let _ = Command::new("kill")
        .args(["-TERM", "--", &group])
        .stderr(Stdio::null())
        .status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = Command::new("kill")
        .args(["-KILL", "--", &group])
        .stderr(Stdio::null())
        .status();
    let _ = child.wait();
}

/// Runs the tests whose names contain any of the command-line filters (all when none),
/// libtest style. Returns failure if any test failed.
pub fn run(tests: &[Test]) -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        for test in tests {
            println!("{}: test", test.name.trim_end_matches("::"));
        }
        return ExitCode::SUCCESS;
    }
    if let Some(code) = reexec_under_xvfb() {
        return code;
    }
    let exact = args.iter().any(|a| a == "--exact");
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let selected: Vec<&Test> = tests
        .iter()
        .filter(|t| {
            let name = t.name.trim_end_matches("::");
            filters.is_empty()
                || filters.iter().any(|f| {
                    if exact {
                        name == f.as_str()
                    } else {
                        name.contains(f.as_str())
                    }
                })
        })
        .collect();

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("e2e: cannot start tokio: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("\nrunning {} tests (app: {})", selected.len(), app_binary());
    let started = Instant::now();
    let mut failed = Vec::new();
    for test in &selected {
        let name = test.name.trim_end_matches("::");
        print!("test {name} ... ");
        let _ = std::io::stdout().flush();
        // Artifacts of an earlier failure would mislead once the test passes.
        let _ = std::fs::remove_dir_all(failure_dir(name));
        let mut ctx = Ctx {
            name: name.to_string(),
            app: None,
            driver_process: None,
            env: Vec::new(),
        };
        let test_started = Instant::now();
        let outcome =
            std::panic::catch_unwind(AssertUnwindSafe(|| runtime.block_on((test.run)(&mut ctx))));
        let error = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e.to_string()),
            Err(panic) => Some(
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panicked".into()),
            ),
        };
        let artifacts = match &error {
            Some(_) => runtime.block_on(ctx.save_artifacts()),
            None => None,
        };
        runtime.block_on(ctx.teardown());
        let took = test_started.elapsed().as_secs_f32();
        match error {
            None => println!("ok ({took:.1}s)"),
            Some(message) => {
                println!("FAILED ({took:.1}s)");
                let saved = artifacts
                    .map(|d| format!("\n    screenshot and page source: {}", d.display()))
                    .unwrap_or_default();
                failed.push(format!("---- {name} ----\n{message}{saved}"));
            }
        }
    }
    let passed = selected.len() - failed.len();
    if !failed.is_empty() {
        println!("\nfailures:\n");
        for failure in &failed {
            println!("{failure}\n");
        }
    }
    println!(
        "\ntest result: {}. {passed} passed; {} failed; 0 ignored; 0 measured; {} filtered out; finished in {:.2}s\n",
        if failed.is_empty() { "ok" } else { "FAILED" },
        failed.len(),
        tests.len() - selected.len(),
        started.elapsed().as_secs_f32(),
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs this binary again under `xvfb-run` unless that already happened or the caller
/// asked for a visible window (`JOURNEYLAB_E2E_VISIBLE=1` with a `DISPLAY`).
fn reexec_under_xvfb() -> Option<ExitCode> {
    const MARK: &str = "JOURNEYLAB_E2E_UNDER_XVFB";
    let visible = std::env::var_os("JOURNEYLAB_E2E_VISIBLE").is_some_and(|v| v == "1")
        && std::env::var_os("DISPLAY").is_some();
    if visible || std::env::var_os(MARK).is_some() {
        return None;
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("e2e: cannot find own executable: {e}");
            return Some(ExitCode::FAILURE);
        }
    };
    let status = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24 -nolisten tcp"])
        .arg(exe)
        .args(std::env::args_os().skip(1))
        .env(MARK, "1")
        .status();
    Some(match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("e2e: cannot run xvfb-run ({e}); install xvfb and xauth, or set JOURNEYLAB_E2E_VISIBLE=1 with a DISPLAY");
            ExitCode::FAILURE
        }
    })
}
