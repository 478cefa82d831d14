//! Use cases of the journey editor: validate the document being edited, and save it to a
//! file (written whole or not at all) while recording it as a model version.

use std::path::{Path, PathBuf};

pub use journeylab_engine::Issue;
use journeylab_store::{ModelVersionRow, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::atomic::write_file;
use crate::{model_key, AppError};

/// Validates a model document given as JSON text: a syntax error is one issue with its
/// line and column; otherwise every problem the engine finds, with its path.
pub fn validate_document(json_text: &str) -> Vec<Issue> {
    match journeylab_engine::parse_json(json_text) {
        Ok(doc) => journeylab_engine::validate(&doc).issues,
        Err(issue) => vec![issue],
    }
}

/// What a save did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedModel {
    /// The file written.
    pub path: String,
    /// The model version recorded in the workspace, if a store was given and accepted it.
    pub version: Option<u32>,
    /// The model key of that version.
    pub model_key: Option<String>,
    /// Why no version was recorded, when a store was given but refused.
    pub version_error: Option<String>,
}

/// Writes `json_text` to `path` (a temporary file in the same folder, then a rename, so a
/// crash never leaves half a file) and, with a `store`, records it as the next version of
/// the model keyed by the file's stem. The text must be JSON; it need not be a valid model
/// (drafts can be saved). A store failure does not undo the file: it is reported in
/// [`SavedModel::version_error`].
pub fn save_model_file(
    path: &Path,
    json_text: &str,
    store: Option<&Store>,
) -> Result<SavedModel, AppError> {
    let doc: serde_json::Value =
        serde_json::from_str(json_text).map_err(|e| AppError::InvalidModel {
            message: format!("the document is not valid JSON: {e}"),
        })?;
    write_file(path, json_text.as_bytes())?;
    let mut saved = SavedModel {
        path: path.display().to_string(),
        version: None,
        model_key: None,
        version_error: None,
    };
    if let Some(store) = store {
        let key = model_key(path);
        let name = doc
            .get("name")
            .and_then(|n| n.as_str())
            .unwrap_or(&key)
            .to_string();
        match store.import_model(&key, &name, json_text, Some("saved in the editor")) {
            Ok(version) => {
                saved.version = Some(version.version);
                saved.model_key = Some(version.model_key);
            }
            Err(e) => saved.version_error = Some(e.to_string()),
        }
    }
    Ok(saved)
}

/// The saved versions of the model a file is recorded under (its stem as the model key),
/// newest first; empty when the file was never saved into this workspace.
pub fn model_history(store: &Store, path: &Path) -> Result<Vec<ModelVersionRow>, AppError> {
    let key = journeylab_store::slugify(&model_key(path));
    match store.get_model(&key) {
        Ok(model) => {
            let mut versions = store.model_versions(model.id)?;
            versions.sort_by_key(|v| std::cmp::Reverse(v.version));
            Ok(versions)
        }
        Err(journeylab_store::StoreError::NotFound { .. }) => Ok(Vec::new()),
        Err(e) => Err(e.into()),
    }
}

/// The JSON text of version `version` of the model a file is recorded under.
pub fn model_version_text(store: &Store, path: &Path, version: u32) -> Result<String, AppError> {
    let key = journeylab_store::slugify(&model_key(path));
    let model = store.get_model(&key)?;
    Ok(store.model_version(model.id, Some(version))?.json)
}

/// How many files the recent-files list keeps.
pub const MAX_RECENT_FILES: usize = 10;

/// Where the recent-files list lives: `recent-files.json` next to the workspace database
/// (the platform data dir, or beside `JOURNEYLAB_DB` when that is set).
pub fn recent_files_path() -> Result<PathBuf, AppError> {
    let db = journeylab_store::default_db_path().map_err(|e| AppError::Store {
        message: e.to_string(),
    })?;
    Ok(db
        .parent()
        .map(|d| d.join("recent-files.json"))
        .unwrap_or_else(|| PathBuf::from("recent-files.json")))
}

/// The recent model files in `list_file`, newest first; empty when the list is missing or
/// unreadable (it is a convenience, never an error).
pub fn recent_files(list_file: &Path) -> Vec<String> {
    std::fs::read_to_string(list_file)
        .ok()
        .and_then(|t| serde_json::from_str::<Vec<String>>(&t).ok())
        .unwrap_or_default()
}

/// Puts `path` first in the recent-files list in `list_file` (once, at most
/// [`MAX_RECENT_FILES`] kept) and returns the new list.
pub fn record_recent_file(list_file: &Path, path: &Path) -> Result<Vec<String>, AppError> {
    let entry = path.display().to_string();
    let mut list = recent_files(list_file);
    list.retain(|p| *p != entry);
    list.insert(0, entry);
    list.truncate(MAX_RECENT_FILES);
    if let Some(dir) = list_file.parent() {
        std::fs::create_dir_all(dir).map_err(|source| AppError::Io {
            path: dir.display().to_string(),
            source,
        })?;
    }
    let text = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
    write_file(list_file, text.as_bytes())?;
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("journeylab-editing-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        dir
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let issues = validate_document("{\n  \"format\": ");
        assert_eq!(issues.len(), 1);
        assert!(issues[0].line.is_some());
    }

    #[test]
    fn a_dangling_exit_is_reported_with_its_path() {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/consumer-sign-in.json"),
        )
        .unwrap_or_default();
        if text.is_empty() {
            return;
        }
        assert!(validate_document(&text).iter().all(|i| !i.is_error()));
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let journey = &mut doc["journeys"][0];
        let step = journey["steps"]
            .as_array_mut()
            .and_then(|s| s.iter_mut().find(|s| s["kind"] == "control"));
        if let Some(step) = step {
            step["on"]["pass"] = "nowhere".into();
            let issues = validate_document(&doc.to_string());
            assert!(issues
                .iter()
                .any(|i| i.is_error() && i.path.contains(".on.pass")));
        }
    }

    #[test]
    fn saving_writes_the_file_and_records_a_version() {
        let dir = temp("save");
        let file = dir.join("drafted.json");
        let store = Store::open(dir.join("ws.db")).ok();
        let text = "{\"format\": \"journeylab/1\", \"name\": \"Draft\"}";
        let saved = save_model_file(&file, text, store.as_ref()).ok();
        assert_eq!(std::fs::read_to_string(&file).ok().as_deref(), Some(text));
        let saved = saved.map(|s| (s.version, s.model_key));
        assert_eq!(saved, Some((Some(1), Some("drafted".to_string()))));
        let again = save_model_file(&file, "{\"name\": \"Draft 2\"}", store.as_ref())
            .ok()
            .and_then(|s| s.version);
        assert_eq!(again, Some(2));
        let history = store
            .as_ref()
            .and_then(|s| model_history(s, &file).ok())
            .map(|h| h.iter().map(|v| v.version).collect::<Vec<_>>());
        assert_eq!(history, Some(vec![2, 1]));
        let first = store
            .as_ref()
            .and_then(|s| model_version_text(s, &file, 1).ok());
        assert_eq!(first.as_deref(), Some(text));
        let none = store
            .as_ref()
            .and_then(|s| model_history(s, &dir.join("never-saved.json")).ok());
        assert_eq!(none.map(|h| h.len()), Some(0));
        assert!(save_model_file(&file, "{ nope", None).is_err());
        assert_eq!(
            std::fs::read_to_string(&file).ok().as_deref(),
            Some("{\"name\": \"Draft 2\"}")
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn recent_files_keep_the_newest_first_once_and_at_most_ten() -> Result<(), AppError> {
        let file = temp("recent").join("nested").join("recent-files.json");
        let _ = std::fs::remove_file(&file);
        assert!(recent_files(&file).is_empty());
        record_recent_file(&file, Path::new("/m/a.json"))?;
        record_recent_file(&file, Path::new("/m/b.json"))?;
        let list = record_recent_file(&file, Path::new("/m/a.json"))?;
        assert_eq!(list, vec!["/m/a.json".to_string(), "/m/b.json".to_string()]);
        assert_eq!(recent_files(&file), list);
        for i in 0..12 {
            record_recent_file(&file, Path::new(&format!("/m/{i}.json")))?;
        }
        let list = recent_files(&file);
        assert_eq!(list.len(), MAX_RECENT_FILES);
        assert_eq!(list[0], "/m/11.json");
        std::fs::write(&file, "not json").map_err(|source| AppError::Io {
            path: file.display().to_string(),
            source,
        })?;
        assert!(recent_files(&file).is_empty());
        Ok(())
    }
}
