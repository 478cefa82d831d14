//! Loading a model file and running it.

use std::path::Path;

use journeylab_engine::run::{run_to_precision, PrecisionTarget};
use journeylab_engine::{
    run, Issue, NoProgress, Progress, RunError, RunOutput, Settings, Validation,
};
use serde_json::Value;

use crate::AppError;

/// A model file read and validated.
#[derive(Debug, Clone)]
pub struct LoadedModel {
    /// The file's text, exactly as read (what the store keeps as a version).
    pub text: String,
    /// The parsed document.
    pub document: Value,
    /// Validation of the document and its scenarios.
    pub validation: Validation,
}

/// Reads and validates a model file. A file that cannot be read (or is not a regular
/// file) is an [`AppError::Io`]; a file too large or not UTF-8, JSON syntax errors and
/// validation errors are in `validation.issues` (so the caller can show every one), with
/// `validation.spec == None`.
pub fn load_model(path: &Path) -> Result<LoadedModel, AppError> {
    Ok(match crate::model_file::read_model_text(path)? {
        Ok(text) => load_model_text(text),
        Err(issue) => LoadedModel {
            text: String::new(),
            document: Value::Null,
            validation: Validation {
                issues: vec![issue],
                ..Validation::default()
            },
        },
    })
}

/// As [`load_model`], from text.
pub fn load_model_text(text: String) -> LoadedModel {
    match journeylab_engine::parse_json(&text) {
        Ok(document) => {
            let validation = journeylab_engine::validate(&document);
            LoadedModel {
                text,
                document,
                validation,
            }
        }
        Err(issue) => LoadedModel {
            text,
            document: Value::Null,
            validation: Validation {
                issues: vec![issue],
                ..Validation::default()
            },
        },
    }
}

/// One line per error, for messages.
pub fn describe_errors(issues: &[Issue]) -> String {
    issues
        .iter()
        .filter(|i| i.is_error())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs a validated model.
pub fn run_model(
    model: &LoadedModel,
    settings: &Settings,
    scenarios: Option<&[String]>,
    progress: Option<&dyn Progress>,
) -> Result<RunOutput, AppError> {
    run_model_with(model, settings, scenarios, &[], progress)
}

/// Runs a validated model; with precision targets, `settings.iterations` is the maximum
/// and the run stops as soon as every target is met.
pub fn run_model_with(
    model: &LoadedModel,
    settings: &Settings,
    scenarios: Option<&[String]>,
    precision: &[PrecisionTarget],
    progress: Option<&dyn Progress>,
) -> Result<RunOutput, AppError> {
    if !model.validation.is_valid() {
        return Err(AppError::InvalidModel {
            message: describe_errors(&model.validation.issues),
        });
    }
    crate::memory::check_memory(&model.validation, settings, scenarios)?;
    let progress = progress.unwrap_or(&NoProgress);
    let result = if precision.is_empty() {
        run(&model.validation, settings, scenarios, progress)
    } else {
        run_to_precision(&model.validation, settings, scenarios, precision, progress)
    };
    result.map_err(|e| match e {
        RunError::Sim(journeylab_engine::SimError::Cancelled) => AppError::Cancelled,
        other => AppError::Run {
            message: other.to_string(),
        },
    })
}
