//! IPC command of the threshold explorer: one risk gate of the edited (unsaved)
//! document at the sliders' thresholds.

use std::sync::Arc;

use journeylab_app::{CurveCache, ErrorPayload, GateExploration};
use tauri::State;

/// The explorer's tradeoff curves, kept in managed state for the app's lifetime: a drag
/// of the allow slider then costs one point per answer, not a sweep (a curve does not
/// depend on `allow_below`), and the block slider's recent values cost nothing.
#[derive(Debug, Default, Clone)]
pub struct Curves(Arc<CurveCache>);

/// Explores the risk gate `gate` (`journey/step`) of the document (JSON text) at
/// `allow_below` / `block_at_or_above`: headline numbers there and at the model's own
/// thresholds, the tradeoff curve over `allow_below`, and every guardrail — expected
/// mode, `iterations` with one `seed` (common random numbers). An invalid document is an
/// `invalid_model` error; a gate that is not a risk gate or thresholds out of order are
/// `run_failed` with a message saying which.
#[tauri::command]
pub async fn explore_gate(
    curves: State<'_, Curves>,
    json: String,
    gate: String,
    allow_below: f64,
    block_at_or_above: f64,
    iterations: u64,
    seed: u64,
) -> Result<GateExploration, ErrorPayload> {
    let curves = curves.inner().clone();
    let work = move || {
        let loaded = journeylab_app::load_model_text(json);
        if loaded.document.is_null() {
            // Not JSON at all: say where, rather than "no such gate".
            return Err(ErrorPayload {
                code: "invalid_model".into(),
                message: journeylab_app::describe_errors(&loaded.validation.issues),
            });
        }
        journeylab_app::explore_gate_cached(
            &curves.0,
            &loaded.document,
            &gate,
            allow_below,
            block_at_or_above,
            iterations,
            seed,
        )
        .map_err(|e| ErrorPayload::from(&e))
    };
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result,
        Err(join) => Err(ErrorPayload {
            code: "internal".into(),
            message: join.to_string(),
        }),
    }
}
