//! IPC commands of the journey editor: validate the document being edited, save it.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use journeylab_app::store::Store;
use journeylab_app::{ErrorPayload, Issue, SavedModel};
use tauri::Manager;

/// Validates the model document (JSON text) being edited; returns every issue with its
/// path (an unparsable text gives one issue with line and column).
#[tauri::command]
pub async fn validate_document(json: String) -> Result<Vec<Issue>, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(move || journeylab_app::validate_document(&json))
        .await
        .map_err(internal)
}

/// Saves the document to `path` (temporary file + rename) and records it as a model
/// version in the workspace database. The workspace is the `Store` in Tauri's managed
/// state when the shell put one there; otherwise it is opened here once, lazily
/// (`journeylab_app::open_workspace(None)`).
#[tauri::command]
pub async fn save_model_file(
    app: tauri::AppHandle,
    path: String,
    json: String,
) -> Result<SavedModel, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(move || {
        let path = PathBuf::from(path);
        let saved = if let Some(store) = app.try_state::<Store>() {
            journeylab_app::save_model_file(&path, &json, Some(&store))
        } else if let Some(store) = app.try_state::<Arc<Store>>() {
            journeylab_app::save_model_file(&path, &json, Some(&store))
        } else {
            journeylab_app::save_model_file(&path, &json, lazy_workspace())
        };
        saved.map_err(|e| ErrorPayload::from(&e))
    })
    .await
    .map_err(internal)?
}

/// The saved versions of the model the file at `path` is recorded under, newest first.
#[tauri::command]
pub async fn model_history(
    app: tauri::AppHandle,
    path: String,
) -> Result<Vec<journeylab_app::store::ModelVersionRow>, ErrorPayload> {
    with_store(app, move |store| {
        journeylab_app::model_history(store, &PathBuf::from(path))
    })
    .await
}

/// The JSON text of one saved version of the model the file at `path` is recorded under.
#[tauri::command]
pub async fn model_version_text(
    app: tauri::AppHandle,
    path: String,
    version: u32,
) -> Result<String, ErrorPayload> {
    with_store(app, move |store| {
        journeylab_app::model_version_text(store, &PathBuf::from(path), version)
    })
    .await
}

/// The recent model files, newest first (empty when there is no list yet).
#[tauri::command]
pub async fn recent_files() -> Result<Vec<String>, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(|| {
        journeylab_app::recent_files_path()
            .map(|file| journeylab_app::recent_files(&file))
            .map_err(|e| ErrorPayload::from(&e))
    })
    .await
    .map_err(internal)?
}

/// Puts `path` first in the recent-files list (after an open or a save); returns the list.
#[tauri::command]
pub async fn record_recent_file(path: String) -> Result<Vec<String>, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(move || {
        journeylab_app::recent_files_path()
            .and_then(|file| journeylab_app::record_recent_file(&file, &PathBuf::from(path)))
            .map_err(|e| ErrorPayload::from(&e))
    })
    .await
    .map_err(internal)?
}

/// Runs `work` on the blocking pool with the workspace (see [`save_model_file`]).
async fn with_store<T, F>(app: tauri::AppHandle, work: F) -> Result<T, ErrorPayload>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, journeylab_app::AppError> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(move || {
        let result = if let Some(store) = app.try_state::<Store>() {
            work(&store)
        } else if let Some(store) = app.try_state::<Arc<Store>>() {
            work(&store)
        } else if let Some(store) = lazy_workspace() {
            work(store)
        } else {
            return Err(ErrorPayload {
                code: "store".into(),
                message: "the local workspace database could not be opened".into(),
            });
        };
        result.map_err(|e| ErrorPayload::from(&e))
    })
    .await
    .map_err(internal)?
}

/// The workspace opened by this module when the shell has none in managed state.
fn lazy_workspace() -> Option<&'static Store> {
    static LAZY: OnceLock<Option<Store>> = OnceLock::new();
    LAZY.get_or_init(|| journeylab_app::open_workspace(None).ok())
        .as_ref()
}

fn internal(join: tauri::Error) -> ErrorPayload {
    ErrorPayload {
        code: "internal".into(),
        message: join.to_string(),
    }
}

/// Quick what-if: the edited (unsaved) document (JSON text) evaluated in expected mode
/// over `iterations` with `seed` (the same seed compares successive edits on the same
/// draws); an unparsable or invalid document is an `invalid_model` error.
#[tauri::command]
pub async fn what_if(
    json: String,
    iterations: u64,
    seed: u64,
) -> Result<journeylab_app::WhatIf, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(move || {
        let document = journeylab_app::load_model_text(json).document;
        journeylab_app::what_if(&document, iterations, seed).map_err(|e| ErrorPayload::from(&e))
    })
    .await
    .map_err(internal)?
}
