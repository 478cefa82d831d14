//! The attack surface (spec §11) as the app, the CLI and the decision pack show it: a
//! model's (or a scenario's) routes, main routes, access table and findings, with what
//! the scenario changes against the baseline on the same draws.

use journeylab_engine::routes::{
    finding_changes, route_changes, routes, FindingChanges, RouteChange, RouteLimits, RouteReport,
};
use journeylab_engine::{Spec, Validation};
use journeylab_store::Store;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::stored_run::run_model_version;
use crate::{describe_errors, AppError, LoadedModel};

/// Iterations for a route view when none is asked (expected mode: each is exact given its
/// draws, so a thousand give means and bands that hold still at the digits shown).
pub const ROUTE_ITERATIONS: u64 = 1_000;

/// Routes of one scenario (or the baseline), and what it changes against the baseline.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RoutesView {
    /// Seed of the draws (the same draws as a run with this seed).
    #[serde(with = "crate::seed")]
    #[ts(type = "string")]
    pub seed: u64,
    /// Iterations used.
    pub iterations: u64,
    /// Scenario shown (`baseline` for the model itself).
    pub scenario: String,
    /// Its display name.
    pub scenario_name: String,
    /// Every scenario of the model: (id, name), baseline first.
    pub scenarios: Vec<(String, String)>,
    /// The routes, main routes, access table and findings.
    pub report: RouteReport,
    /// Routes closed, opened, cut or raised against the baseline (empty for it).
    pub changes: Vec<RouteChange>,
    /// Findings resolved and introduced against the baseline.
    pub finding_changes: FindingChanges,
}

/// What to compute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutesRequest {
    /// Scenario id (`None` or `baseline` for the model itself).
    pub scenario: Option<String>,
    /// Seed of the draws.
    pub seed: u64,
    /// Iterations (expected mode).
    pub iterations: u64,
}

/// Routes of a loaded, valid model.
pub fn model_routes(model: &LoadedModel, request: &RoutesRequest) -> Result<RoutesView, AppError> {
    validation_routes(&model.validation, request)
}

/// Routes of a model document as the editor holds it (saved or not).
pub fn document_routes(document: &Value, request: &RoutesRequest) -> Result<RoutesView, AppError> {
    validation_routes(&journeylab_engine::validate(document), request)
}

/// Routes of the model version a stored run simulated, with the run's seed and up to
/// [`ROUTE_ITERATIONS`] of its iterations: what the run's dashboard and decision pack show.
pub fn run_routes(
    store: &Store,
    run_id: i64,
    scenario: Option<&str>,
) -> Result<RoutesView, AppError> {
    let run = store.get_run(run_id)?.run;
    let model = run_model_version(store, run.model_version_id)?;
    model_routes(
        &model,
        &RoutesRequest {
            scenario: scenario.map(str::to_string),
            seed: run.seed,
            iterations: run.iterations.clamp(1, ROUTE_ITERATIONS),
        },
    )
}

fn validation_routes(v: &Validation, request: &RoutesRequest) -> Result<RoutesView, AppError> {
    let Some(base) = v.spec.as_ref() else {
        return Err(AppError::InvalidModel {
            message: describe_errors(&v.issues),
        });
    };
    let wanted = request.scenario.as_deref().filter(|s| *s != "baseline");
    let (id, name, spec): (String, String, &Spec) = match wanted {
        None => ("baseline".into(), "Baseline".into(), base),
        Some(id) => {
            let s = v
                .scenarios
                .iter()
                .find(|s| s.info.id == id)
                .ok_or_else(|| {
                    let known: Vec<&str> = v.scenarios.iter().map(|s| s.info.id.as_str()).collect();
                    AppError::Run {
                        message: format!(
                            "no scenario `{id}` (the model has: {})",
                            if known.is_empty() {
                                "none".to_string()
                            } else {
                                known.join(", ")
                            }
                        ),
                    }
                })?;
            (s.info.id.clone(), s.info.name.clone(), &s.spec)
        }
    };
    let compute = |spec: &Spec| {
        routes(
            spec,
            request.seed,
            request.iterations,
            RouteLimits::default(),
        )
        .map_err(|e| AppError::Run {
            message: e.to_string(),
        })
    };
    let report = compute(spec)?;
    let (changes, finding_changes) = if wanted.is_some() {
        let baseline = compute(base)?;
        (
            route_changes(&baseline, &report),
            finding_changes(&baseline, &report),
        )
    } else {
        (Vec::new(), FindingChanges::default())
    };
    Ok(RoutesView {
        seed: request.seed,
        iterations: report.iterations,
        scenario: id,
        scenario_name: name,
        scenarios: std::iter::once(("baseline".to_string(), "Baseline".to_string()))
            .chain(
                v.scenarios
                    .iter()
                    .map(|s| (s.info.id.clone(), s.info.name.clone())),
            )
            .collect(),
        report,
        changes,
        finding_changes,
    })
}
