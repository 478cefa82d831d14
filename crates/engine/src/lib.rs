//! Journey Lab's engine: the model format (`journeylab/1`), its validation into an
//! index-based [`Spec`], and the two-level Monte Carlo simulation with its metrics.
//!
//! Architecture invariant: this crate does no IO. It knows nothing of files, SQLite,
//! Tauri or async runtimes; callers hand it text or JSON values and get values back.
#![deny(missing_docs)]

mod issue;
pub mod validate;

pub use issue::{parse_json, Issue, Severity};
pub use validate::{validate, Validation};
