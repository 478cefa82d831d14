//! Analysis of stored runs: what drives an output (tornado and rank correlations from
//! the run's stored draws) and whether a run that stopped on precision was precise
//! enough. Thin commands over `journeylab_app` on a blocking worker.

use journeylab_app::{ErrorPayload, PrecisionStatus, SensitivityView};
use tauri::State;

use crate::runs::{blocking, Workspace};

/// The tornado (largest 15 swings, each input at P10 and P90 with the others at their
/// medians), the rank correlation of every uncertain input with `metric` over the run's
/// stored iterations, and the top drivers in words, for `scenario` (default: baseline)
/// of stored run `run_id`. An unknown metric, run or scenario is a `run_failed` or
/// `store` error saying which.
#[tauri::command]
pub async fn run_sensitivity(
    workspace: State<'_, Workspace>,
    run_id: i64,
    metric: String,
    scenario: Option<String>,
) -> Result<SensitivityView, ErrorPayload> {
    let store = workspace.store()?;
    blocking(move || journeylab_app::run_sensitivity(&store, run_id, &metric, scenario.as_deref()))
        .await
}

/// How a run that stopped on precision ended (iterations used of the maximum, each
/// target's reached half-width); `null` for a run without precision targets.
#[tauri::command]
pub async fn run_precision(
    workspace: State<'_, Workspace>,
    run_id: i64,
) -> Result<Option<PrecisionStatus>, ErrorPayload> {
    let store = workspace.store()?;
    blocking(move || journeylab_app::run_precision(&store, run_id)).await
}
