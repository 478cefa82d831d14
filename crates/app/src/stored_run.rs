//! Reading back what a stored run was: its result document and the model version it
//! simulated — shared by the dashboard, charts, flows and sensitivity.

use journeylab_engine::result::ResultDoc;
use journeylab_engine::Spec;
use journeylab_store::{RunRow, Store};
use serde_json::Value;

use crate::{describe_errors, load_model_text, AppError, LoadedModel};

/// Stored run `run_id` with its result document, typed (an unfinished run has none: an
/// error saying its status and, for a failed run, why).
pub fn result_doc(store: &Store, run_id: i64) -> Result<(RunRow, ResultDoc), AppError> {
    let rec = store.get_run(run_id)?;
    let Some(text) = rec.result_json.as_deref() else {
        return Err(AppError::Run {
            message: format!(
                "run {run_id} has no result (status {}{})",
                rec.run.status.as_str(),
                rec.run
                    .error
                    .as_deref()
                    .map(|e| format!(": {e}"))
                    .unwrap_or_default()
            ),
        });
    };
    let doc = parse_result(text).map_err(|e| AppError::Store {
        message: format!("run {run_id}: {e}"),
    })?;
    Ok((rec.run, doc))
}

/// A stored result document's text as the engine's typed document.
pub(crate) fn parse_result(text: &str) -> Result<ResultDoc, String> {
    ResultDoc::parse(text)
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

#[cfg(test)]
mod tests {
    /// Stored means read back exactly: serde_json's default float parser may land one ulp
    /// off (0.999173166882804 for 0.9991731668828039, seen on a dashboard); the workspace
    /// enables its `float_roundtrip` parser.
    #[test]
    fn a_stored_number_reads_back_bit_for_bit() {
        for x in [
            0.999_173_166_882_803_9_f64,
            437_224.778_880_288_36,
            1e-300,
            0.1 + 0.2,
        ] {
            let text = serde_json::to_string(&x).expect("serialise");
            let back: f64 = serde_json::from_str(&text).expect("parse");
            assert_eq!(back.to_bits(), x.to_bits(), "{text}");
        }
    }
}
