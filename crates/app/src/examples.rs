//! The example models shipped in `fixtures/`, and opening a model file for display.

use std::path::{Path, PathBuf};

use journeylab_engine::Issue;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::AppError;

/// Where the example models live: `$JOURNEYLAB_EXAMPLES` if set, else the repository's
/// `fixtures/` folder (resolved at compile time, so a build from a checkout finds it).
pub fn examples_dir() -> PathBuf {
    match std::env::var_os("JOURNEYLAB_EXAMPLES") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
            // Shown to people: `/repo/fixtures`, not `/repo/crates/app/../../fixtures`.
            dir.canonicalize().unwrap_or(dir)
        }
    }
}

/// One example model, as listed in the app's start screen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExampleSummary {
    /// Absolute or as-given path of the file.
    pub path: String,
    /// File name without folders, e.g. `consumer-sign-in.json`.
    pub file_name: String,
    /// The model's `name`.
    pub name: String,
    /// The model's `description`, if any.
    pub description: Option<String>,
    /// Number of journeys in the model.
    pub journey_count: usize,
    /// Whether the model passes validation.
    pub valid: bool,
}

/// A model as shown in the app: headline facts and its journeys.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ModelView {
    /// Path the model was read from.
    pub path: String,
    /// The model's `name`.
    pub name: String,
    /// The model's `description`.
    pub description: Option<String>,
    /// ISO 4217 currency of money quantities.
    pub currency: String,
    /// Period label for volumes.
    pub period: String,
    /// The journeys in file order.
    pub journeys: Vec<JourneyView>,
    /// Validation problems (errors and warnings); empty for a clean model.
    pub issues: Vec<Issue>,
    /// The raw model document, for editors.
    #[ts(type = "unknown")]
    pub document: Value,
}

/// One journey of a [`ModelView`].
#[derive(Debug, Clone, Serialize, TS)]
pub struct JourneyView {
    /// Journey id.
    pub id: String,
    /// Display name (falls back to the id).
    pub name: String,
    /// Owning team id, if any.
    pub owner: Option<String>,
    /// Whether the journey is a sensitive action.
    pub sensitive: bool,
    /// Number of steps.
    pub step_count: usize,
    /// Ids of the populations that enter it.
    pub populations: Vec<String>,
}

/// Lists every `*.json` model in `dir`, sorted by file name.
pub fn list_examples(dir: &Path) -> Result<Vec<ExampleSummary>, AppError> {
    let entries = std::fs::read_dir(dir).map_err(|source| AppError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let view = open_model(p)?;
            Ok(ExampleSummary {
                path: view.path,
                file_name: p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                name: view.name,
                description: view.description,
                journey_count: view.journeys.len(),
                valid: !view.issues.iter().any(Issue::is_error),
            })
        })
        .collect()
}

/// Reads a model file and describes it. An invalid model still opens (so the user can
/// see and fix it); its problems are in [`ModelView::issues`]. Only a file that cannot
/// be read, or is not JSON at all, is an error.
pub fn open_model(path: &Path) -> Result<ModelView, AppError> {
    let text =
        crate::model_file::read_model_text(path)?.map_err(|issue| AppError::InvalidModel {
            message: format!("{}: {issue}", path.display()),
        })?;
    let document =
        journeylab_engine::parse_json(&text).map_err(|issue| AppError::InvalidModel {
            message: format!("{}: {issue}", path.display()),
        })?;
    let issues = journeylab_engine::validate(&document).issues;
    let text_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let journeys = document
        .get("journeys")
        .and_then(Value::as_array)
        .map(|js| {
            js.iter()
                .map(|j| {
                    let id = text_of(j, "id").unwrap_or_default();
                    JourneyView {
                        name: text_of(j, "name").unwrap_or_else(|| id.clone()),
                        id,
                        owner: text_of(j, "owner"),
                        sensitive: j.get("sensitive").and_then(Value::as_bool).unwrap_or(false),
                        step_count: j.get("steps").and_then(Value::as_array).map_or(0, Vec::len),
                        populations: j
                            .get("entrants")
                            .and_then(Value::as_array)
                            .map(|es| es.iter().filter_map(|e| text_of(e, "population")).collect())
                            .unwrap_or_default(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(ModelView {
        path: path.display().to_string(),
        name: text_of(&document, "name").unwrap_or_else(|| "(unnamed model)".into()),
        description: text_of(&document, "description"),
        currency: text_of(&document, "currency").unwrap_or_else(|| "USD".into()),
        period: text_of(&document, "period").unwrap_or_else(|| "month".into()),
        journeys,
        issues,
        document,
    })
}
