//! IPC commands. Each one calls a single `journeylab-app` use case and maps its error
//! to [`ErrorPayload`]. File reads run on a blocking worker, never on the UI thread.

use std::path::PathBuf;

use journeylab_app::{AppError, ErrorPayload, ExampleSummary, ModelView};

/// Lists the example models (`$JOURNEYLAB_EXAMPLES`, else the repository's `fixtures/`).
#[tauri::command]
pub async fn list_examples() -> Result<Vec<ExampleSummary>, ErrorPayload> {
    blocking(|| journeylab_app::list_examples(&journeylab_app::examples_dir())).await
}

/// Opens the model file at `path` for display. An invalid model still opens, with its
/// problems in `issues`; only an unreadable or non-JSON file is an error.
#[tauri::command]
pub async fn open_model(path: String) -> Result<ModelView, ErrorPayload> {
    let path = PathBuf::from(path);
    blocking(move || journeylab_app::open_model(&path)).await
}

/// Runs `work` on Tauri's blocking pool and converts its error for IPC.
async fn blocking<T, F>(work: F) -> Result<T, ErrorPayload>
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

#[cfg(test)]
mod tests {
    use super::*;

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tauri::async_runtime::block_on(f)
    }

    #[test]
    fn a_missing_file_is_an_io_error_payload() {
        let missing = std::env::temp_dir().join("journeylab-no-such-model.json");
        let error = block_on(open_model(missing.display().to_string())).err();
        let error = error.map(|e| (e.code, e.message.contains("journeylab-no-such-model")));
        assert_eq!(error, Some(("io".to_string(), true)));
    }

    #[test]
    fn a_file_that_is_not_json_is_an_invalid_model_payload() {
        let dir = std::env::temp_dir().join(format!("journeylab-cmd-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let file = dir.join("broken.json");
        std::fs::write(&file, "{ not json").ok();
        let error = block_on(open_model(file.display().to_string()))
            .err()
            .map(|e| e.code);
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(error.as_deref(), Some("invalid_model"));
    }
}
