//! Journey Lab's engine: the model format (`journeylab/1`), its validation into an
//! index-based [`Spec`], and the two-level Monte Carlo simulation with its metrics.
//!
//! Data flow: JSON text → [`parse_json`] → [`validate`] (a [`Spec`] per scenario, or
//! every problem) → [`run`] (per-iteration samples) → [`result_doc`] (spec §7, typed).
//!
//! The vocabulary (metric catalogue, step kinds and exits, decision areas, distribution
//! keys) is defined once in [`vocab`]; the formatting policy for numbers in [`format`].
//!
//! Architecture invariant: this crate does no IO. It knows nothing of files, SQLite,
//! Tauri or async runtimes; callers hand it text or JSON values and get values back.
#![deny(missing_docs)]

pub mod evidence;
pub mod flows;
pub mod format;
pub mod governance;
pub mod inverse;
mod issue;
mod json;
pub mod metrics;
mod path;
pub mod quantity;
pub mod result;
pub mod rng;
pub mod routes;
pub mod run;
pub mod scenario;
pub mod sensitivity;
pub mod sim;
pub mod spec;
pub mod stream;
pub mod sweep;
pub mod validate;
pub mod vocab;

pub use issue::{Issue, Severity};
pub use json::parse_json;
pub use metrics::Summary;
pub use result::{result_doc, result_json, ResultDoc, ScenarioResult};
pub use run::{run, RunError, RunOutput, ScenarioRun};
pub use sim::{simulate, Mode, NoProgress, Progress, Sampling, Settings, SimError};
pub use spec::Spec;
pub use validate::{validate, Validation};
