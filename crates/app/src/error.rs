use serde::Serialize;

/// An error of a use case. Every variant has a stable `code` that front ends can branch
/// on, and a message a person can read.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: String,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
    /// The model is not valid; `message` lists every problem.
    #[error("{message}")]
    InvalidModel {
        /// One line per problem, with its path.
        message: String,
    },
    /// A simulation could not run (bad settings, unknown scenario, a cycle that does
    /// not drain for some draw).
    #[error("{message}")]
    Run {
        /// What went wrong.
        message: String,
    },
    /// The local database refused or failed.
    #[error("{message}")]
    Store {
        /// What went wrong, with the file.
        message: String,
    },
    /// Input other than a model (a workshop, a form) is not acceptable.
    #[error("{message}")]
    InvalidInput {
        /// What is wrong, and where.
        message: String,
    },
    /// The run was cancelled by the user.
    #[error("the run was cancelled")]
    Cancelled,
    /// The run finished but its results could not be stored (a full disk, a database
    /// gone read-only): the results are here, so the caller can still write them out.
    #[error("run {run_id} finished but was not stored: {reason}")]
    NotStored {
        /// The run's row (marked failed with the reason when the database let us).
        run_id: i64,
        /// Why storing failed.
        reason: String,
        /// The results computed.
        output: Box<journeylab_engine::RunOutput>,
    },
}

impl AppError {
    /// A stable machine-readable code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Io { .. } => "io",
            AppError::InvalidModel { .. } => "invalid_model",
            AppError::InvalidInput { .. } => "invalid_input",
            AppError::Run { .. } => "run_failed",
            AppError::Cancelled => "cancelled",
            AppError::NotStored { .. } => "not_stored",
            AppError::Store { .. } => "store",
        }
    }
}

/// The shape in which errors cross process boundaries (Tauri IPC, JSON output).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ErrorPayload {
    /// See [`AppError::code`].
    pub code: String,
    /// Human-readable text.
    pub message: String,
}

impl From<&AppError> for ErrorPayload {
    fn from(e: &AppError) -> Self {
        ErrorPayload {
            code: e.code().to_string(),
            message: e.to_string(),
        }
    }
}
