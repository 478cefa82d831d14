//! Reading back what a stored run was: its result document and the model version it
//! simulated — shared by the dashboard, charts, flows and sensitivity.

use journeylab_engine::Spec;
use journeylab_store::{RunRow, Store};
use serde_json::Value;

use crate::{describe_errors, load_model_text, AppError, LoadedModel};

/// Stored run `run_id` with its result document (an unfinished run has none: an error
/// saying its status).
pub(crate) fn result_doc(store: &Store, run_id: i64) -> Result<(RunRow, Value), AppError> {
    let rec = store.get_run(run_id)?;
    let doc = rec
        .result_json
        .as_deref()
        .and_then(|t| serde_json::from_str(t).ok())
        .ok_or_else(|| AppError::Run {
            message: format!(
                "run {run_id} has no result (status {})",
                rec.run.status.as_str()
            ),
        })?;
    Ok((rec.run, doc))
}

/// The model version a run simulated, parsed and validated.
pub(crate) fn run_model_version(
    store: &Store,
    model_version_id: i64,
) -> Result<LoadedModel, AppError> {
    Ok(load_model_text(
        store.model_version_by_id(model_version_id)?.json,
    ))
}

/// The baseline of the model version a run simulated, with its document; an invalid
/// version (a database edited by hand) is an `invalid_model` error listing its problems.
pub(crate) fn run_baseline(
    store: &Store,
    model_version_id: i64,
) -> Result<(Value, Spec), AppError> {
    let LoadedModel {
        document,
        validation,
        ..
    } = run_model_version(store, model_version_id)?;
    match validation.spec {
        Some(spec) => Ok((document, spec)),
        None => Err(AppError::InvalidModel {
            message: describe_errors(&validation.issues),
        }),
    }
}
