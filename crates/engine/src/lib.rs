//! Journey Lab's engine: the model format (`journeylab/1`), its validation into an
//! index-based [`Spec`], and the two-level Monte Carlo simulation with its metrics.
//!
//! Data flow: JSON text → [`parse_json`] → [`validate`] (a [`Spec`] per scenario, or
//! every problem) → [`run`] (per-iteration samples) → [`result_json`] (spec §7).
//!
//! Architecture invariant: this crate does no IO. It knows nothing of files, SQLite,
//! Tauri or async runtimes; callers hand it text or JSON values and get values back.
#![deny(missing_docs)]

pub mod flows;
mod issue;
pub mod metrics;
pub mod model;
mod path;
pub mod quantity;
pub mod rng;
pub mod run;
pub mod scenario;
pub mod sensitivity;
pub mod sim;
pub mod spec;
pub mod sweep;
pub mod validate;

pub use issue::{parse_json, Issue, Severity};
pub use metrics::Summary;
pub use model::Model;
pub use run::{result_json, run, RunError, RunOutput, ScenarioRun};
pub use sim::{simulate, Mode, NoProgress, Progress, Settings, SimError};
pub use spec::Spec;
pub use validate::{validate, Validation};
