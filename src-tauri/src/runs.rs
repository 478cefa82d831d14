//! Simulation runs from the app: start a run on a blocking worker with progress streamed
//! through a [`Channel`], cancel it, and read, export or delete stored runs. The local
//! workspace (`journeylab_app::open_workspace`, honouring `$JOURNEYLAB_DB`) is opened
//! once at startup and kept in Tauri's managed state as a [`Workspace`].

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use journeylab_app::charts_crate::{ChartKind, Format};
use journeylab_app::store::Store;
use journeylab_app::{
    AppError, ChartRequest, ErrorPayload, ExportFormat, RunDashboard, RunListItem, RunPairView,
    RunProgress, RunRequest, WatchedProgress,
};
use tauri::ipc::Channel;
use tauri::State;

/// The opened workspace (or why it could not be opened) and the cancel flags of the
/// runs in progress.
#[derive(Debug)]
pub struct Workspace {
    store: Result<Arc<Store>, ErrorPayload>,
    running: Mutex<Vec<Arc<AtomicBool>>>,
}

impl Workspace {
    /// Opens the local workspace (`$JOURNEYLAB_DB` or the platform data directory) and
    /// seeds it with the examples. A failure is kept and returned by every run command.
    pub fn open() -> Workspace {
        Workspace {
            store: journeylab_app::open_workspace(None)
                .map(Arc::new)
                .map_err(|e| ErrorPayload::from(&e)),
            running: Mutex::new(Vec::new()),
        }
    }

    pub(crate) fn store(&self) -> Result<Arc<Store>, ErrorPayload> {
        self.store.clone()
    }
}

/// Runs the model file at `path` and stores the run; resolves with the run id when it
/// finishes. Progress (iterations done, total, elapsed, ETA) arrives on `on_progress`
/// about ten times a second. `seed` is a decimal string (u64 does not fit a JS number).
/// A cancelled run rejects with code `cancelled` and is stored as cancelled.
/// `precision`: `[metric, relative]` pairs to stop on precision (then `iterations` is
/// the maximum; progress counts against it).
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn start_run(
    workspace: State<'_, Workspace>,
    path: String,
    iterations: u64,
    seed: String,
    mode: String,
    scenarios: Option<Vec<String>>,
    precision: Option<Vec<(String, f64)>>,
    on_progress: Channel<RunProgress>,
) -> Result<i64, ErrorPayload> {
    let store = workspace.store()?;
    let seed: u64 = seed.trim().parse().map_err(|_| ErrorPayload {
        code: "run_failed".into(),
        message: format!("the seed must be a whole number from 0 to 2^64 − 1, not `{seed}`"),
    })?;
    let cancel = Arc::new(AtomicBool::new(false));
    if let Ok(mut running) = workspace.running.lock() {
        running.push(cancel.clone());
    }
    let flag = cancel.clone();
    let result = blocking(move || {
        let progress = WatchedProgress::new(flag, Duration::from_millis(100), move |p| {
            let _ = on_progress.send(p);
        });
        let req = RunRequest {
            iterations,
            seed,
            mode,
            scenarios,
            precision: precision.unwrap_or_default(),
        };
        journeylab_app::run_model_file(&store, &PathBuf::from(path), &req, &progress)
    })
    .await;
    if let Ok(mut running) = workspace.running.lock() {
        running.retain(|c| !Arc::ptr_eq(c, &cancel));
    }
    result
}

/// Asks every run in progress to stop (the engine checks every 256 iterations). Returns
/// how many runs were asked.
#[tauri::command]
pub fn cancel_run(workspace: State<'_, Workspace>) -> usize {
    match workspace.running.lock() {
        Ok(running) => {
            for c in running.iter() {
                c.store(true, Ordering::Relaxed);
            }
            running.len()
        }
        Err(_) => 0,
    }
}

/// The stored runs of the model file at `path` (keyed by its file stem), newest first.
#[tauri::command]
pub async fn list_runs(
    workspace: State<'_, Workspace>,
    path: String,
) -> Result<Vec<RunListItem>, ErrorPayload> {
    let store = workspace.store()?;
    blocking(move || {
        let key = journeylab_app::model_key(&PathBuf::from(path));
        journeylab_app::list_model_runs(&store, &key)
    })
    .await
}

/// The dashboard of a finished run.
#[tauri::command]
pub async fn run_dashboard(
    workspace: State<'_, Workspace>,
    run_id: i64,
) -> Result<RunDashboard, ErrorPayload> {
    let store = workspace.store()?;
    blocking(move || journeylab_app::run_dashboard(&store, run_id)).await
}

/// A chart of a stored run as SVG text. `kind`: histogram, exceedance, compare,
/// tradeoff, tornado or funnel.
#[tauri::command]
pub async fn run_chart(
    workspace: State<'_, Workspace>,
    run_id: i64,
    kind: String,
    metric: Option<String>,
    scenarios: Option<Vec<String>>,
    journey: Option<String>,
) -> Result<String, ErrorPayload> {
    let store = workspace.store()?;
    let kind: ChartKind = kind.parse().map_err(|message| ErrorPayload {
        code: "run_failed".into(),
        message,
    })?;
    blocking(move || {
        let req = ChartRequest {
            kind,
            metric,
            x_metric: None,
            scenarios: scenarios.unwrap_or_default(),
            journey,
            log_scale: false,
            format: Format::Svg,
            width: 760,
            height: 420,
        };
        let bytes = journeylab_app::render_run_chart(&store, run_id, &req)?;
        String::from_utf8(bytes).map_err(|e| AppError::Run {
            message: format!("the chart is not UTF-8: {e}"),
        })
    })
    .await
}

/// Two stored runs compared on the headline totals of `scenario` (default: baseline);
/// paired per iteration when they share model, seed and mode.
#[tauri::command]
pub async fn compare_runs(
    workspace: State<'_, Workspace>,
    a: i64,
    b: i64,
    scenario: Option<String>,
) -> Result<RunPairView, ErrorPayload> {
    let store = workspace.store()?;
    blocking(move || journeylab_app::compare_two_runs(&store, a, b, scenario.as_deref())).await
}

/// Deletes a stored run with its results and samples.
#[tauri::command]
pub async fn delete_run(workspace: State<'_, Workspace>, run_id: i64) -> Result<(), ErrorPayload> {
    let store = workspace.store()?;
    blocking(move || store.delete_run(run_id).map_err(AppError::from)).await
}

/// Writes a stored run to `path` as `format` (`json`, `csv`, `png` or `svg`; charts are
/// the scenario comparison).
#[tauri::command]
pub async fn export_run(
    workspace: State<'_, Workspace>,
    run_id: i64,
    format: String,
    path: String,
) -> Result<(), ErrorPayload> {
    let store = workspace.store()?;
    blocking(move || {
        let format = ExportFormat::parse(&format)?;
        journeylab_app::export_run(&store, run_id, format, &PathBuf::from(path))
    })
    .await
}

/// Runs `work` on Tauri's blocking pool and converts its error for IPC.
pub(crate) async fn blocking<T, F>(work: F) -> Result<T, ErrorPayload>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, AppError> + Send + 'static,
{
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result.map_err(|e| ErrorPayload::from(&e)),
        Err(join) => Err(ErrorPayload {
            code: "internal".into(),
            message: join.to_string(),
        }),
    }
}

/// Where a population goes in `journey` according to stored run `run_id` (its model
/// version and seed): the share of the population's entrants taking each exit of each
/// step, its mean entrants, and the share ending at each outcome. The editor draws it
/// over the canvas (edge thickness and labels).
#[tauri::command]
pub async fn run_flows(
    workspace: State<'_, Workspace>,
    run_id: i64,
    journey: String,
    population: String,
) -> Result<journeylab_app::PopulationFlows, ErrorPayload> {
    let store = workspace.store()?;
    blocking(move || journeylab_app::run_flows(&store, run_id, &journey, &population)).await
}
