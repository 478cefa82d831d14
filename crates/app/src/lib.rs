//! Use cases shared by every front end (CLI and desktop shell): load a model file,
//! validate it, list the bundled examples, run simulations.
//!
//! Front ends stay thin: they parse their own input (flags, IPC arguments), call one
//! function here, and render the result.
#![deny(missing_docs)]

mod error;
mod examples;
mod model;

pub use error::{AppError, ErrorPayload};
pub use examples::{
    examples_dir, list_examples, open_model, ExampleSummary, JourneyView, ModelView,
};
pub use model::{describe_errors, load_model, load_model_text, run_model, LoadedModel};
