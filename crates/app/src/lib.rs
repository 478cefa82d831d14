//! Use cases shared by every front end (CLI and desktop shell): load a model file,
//! validate it, list the bundled examples, run simulations.
//!
//! Front ends stay thin: they parse their own input (flags, IPC arguments), call one
//! function here, and render the result.
#![deny(missing_docs)]

mod atomic;
pub mod bindings;
mod catalogue;
mod charts;
pub mod decisions;
mod editing;
mod error;
mod evidence_view;
mod examples;
mod exit_counts;
mod explorer;
mod flows_view;
mod funnel;
mod guardrail_view;
pub mod ipc;
mod memory;
mod model;
mod model_file;
mod precision_view;
mod quantity_view;
mod routes_view;
pub mod runs;
pub mod seed;
mod sensitivity_view;
mod settings;
mod shell;
mod stored_run;
mod sweep_view;
#[cfg(test)]
mod test_support;
mod workshop;
mod workspace;

pub use atomic::{write_atomically, write_file};
pub use catalogue::{catalogue, Catalogue, CatalogueControl, CitedNumber};
pub use charts::{render_run_chart, ChartRequest};
pub use editing::{
    model_history, model_version_text, recent_files, recent_files_path, record_recent_file,
    save_model_file, validate_document, Issue, SavedModel, MAX_RECENT_FILES,
};
pub use error::{AppError, ErrorPayload};
pub use evidence_view::{
    apply_evidence, elicitation, observations_csv, observed_fit, parse_observations, run_check,
    run_observations, ElicitationView, Evidence, ObservedFitView, CHECK_ITERATIONS,
};
pub use examples::{
    examples_dir, list_examples, open_model, ExampleSummary, JourneyView, ModelView,
};
pub use explorer::{
    explore_gate, explore_gate_cached, risk_gates, CurveCache, GateExploration, RiskGate,
    CURVES_KEPT, CURVE_STEP,
};
pub use flows_view::{run_flows, what_if, WhatIf};
pub use funnel::{import_funnel, FunnelChange, FunnelImport};
pub use guardrail_view::GuardrailView;
pub use journeylab_charts as charts_crate;
/// Per-exit flows of a population (what [`run_flows`] returns).
pub use journeylab_engine::flows::{EdgeFlow, PopulationFlows};
pub use journeylab_store as store;
pub use model::{
    describe_errors, load_model, load_model_text, run_model, run_model_with, LoadedModel,
};
pub use model_file::{read_model_text, MAX_MODEL_BYTES};
pub use precision_view::{run_precision, PrecisionStatus, PrecisionTargetView};
pub use quantity_view::{describe_quantity, QuantityDomain, QuantityView};
pub use routes_view::{
    document_routes, model_routes, run_routes, RoutesRequest, RoutesView, ROUTE_ITERATIONS,
};
pub use runs::dashboard::{
    plain_language, run_dashboard, BreakdownRow, DeltaView, HeadlineCard, RunDashboard,
    ScenarioView, TeamGuardrails, HEADLINE_METRICS,
};
pub use runs::export::{export_run, result_csv, ExportFormat};
pub use runs::history::{
    compare_two_runs, delete_run, list_model_runs, RunListItem, RunPairRow, RunPairView,
};
pub use runs::job::{run_model_file, RunProgress, RunRequest, WatchedProgress};
pub use sensitivity_view::{
    run_sensitivity, CorrelationView, SensitivityView, SwingView, MAX_CORRELATION_ITERATIONS,
    TORNADO_BARS,
};
pub use settings::{StoredSettings, StoredTarget};
pub use shell::Shell;
pub use stored_run::result_doc;
pub use sweep_view::{parse_range, sweep_chart, sweep_gate};
pub use workshop::{
    check_workshop, export_workshop_summary, list_workshops, load_workshop, save_workshop,
    workshop_summary, Captured, ItemKind, Workshop, WorkshopItem, WorkshopSummary,
};
pub use workspace::{
    compare_runs, model_key, open_workspace, run_and_store, run_and_store_with, MetricComparison,
    RunComparison,
};
