//! Evidence in the app and the CLI (spec §12): a fit from counts or from experts, shown
//! with its density; applying it to a quantity of the document (the fitted distribution,
//! pointing at a source that keeps the counts or every judgement); a funnel of counts
//! calibrating a journey's per-population probabilities; and a stored run checked against
//! observed exits.

use journeylab_engine::evidence::{
    check, elicit, fit_observed, observations_in_sources, CheckResult, Elicitation, Family,
    Judgement, Observation, ObservedFit, Period,
};
use journeylab_engine::scenario::set_value;
use journeylab_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use ts_rs::TS;

use crate::exit_counts::read_exit_counts;
use crate::quantity_view::{describe_quantity_central, QuantityDomain, QuantityView};
use crate::stored_run::run_model_version;
use crate::{describe_errors, AppError};

/// Iterations of the predictive check (expected mode, the run's seed): as the flows.
pub const CHECK_ITERATIONS: u64 = 1_000;

/// A fit from counts with what to draw.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ObservedFitView {
    /// The fit (shapes, method, rates, the homogeneity test and its verdict).
    pub fit: ObservedFit,
    /// The fitted Beta as the model writes it.
    #[ts(type = "unknown")]
    pub quantity: Value,
    /// Its mean, P5–P95 and density (over P0.1–P99.9).
    pub view: QuantityView,
}

/// A fit from experts with what to draw.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ElicitationView {
    /// Each expert's fit, the pool and its fit.
    pub elicitation: Elicitation,
    /// Each expert's fitted distribution, drawn (same order).
    pub experts: Vec<QuantityView>,
    /// The pooled fit, drawn.
    pub pool: QuantityView,
}

/// The evidence a quantity is fitted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    /// Counts per period.
    Observed {
        /// The periods.
        periods: Vec<Period>,
    },
    /// Experts' judgements, fitted in `family`.
    Elicited {
        /// The judgements.
        judgements: Vec<Judgement>,
        /// The family.
        family: Family,
    },
}

fn fit_error(e: impl std::fmt::Display) -> AppError {
    AppError::Run {
        message: e.to_string(),
    }
}

/// Fits a Beta to counts.
pub fn observed_fit(periods: &[Period]) -> Result<ObservedFitView, AppError> {
    let fit = fit_observed(periods).map_err(fit_error)?;
    let quantity = fit.dist().to_json();
    let view = describe_quantity_central(&quantity, QuantityDomain::Probability);
    Ok(ObservedFitView {
        fit,
        quantity,
        view,
    })
}

/// Fits experts' judgements in `family` and pools them.
pub fn elicitation(judgements: &[Judgement], family: Family) -> Result<ElicitationView, AppError> {
    let e = elicit(judgements, family).map_err(fit_error)?;
    let domain = match family {
        Family::Beta => QuantityDomain::Probability,
        Family::Pert | Family::Lognormal => QuantityDomain::NonNegative,
    };
    let experts = e
        .experts
        .iter()
        .map(|x| describe_quantity_central(&x.fit.quantity, domain))
        .collect();
    let pool = describe_quantity_central(&e.pool.quantity, domain);
    Ok(ElicitationView {
        elicitation: e,
        experts,
        pool,
    })
}

/// The document with the quantity at `path` (a slash path of ids, as scenario changes
/// write them: `controls/sms_otp/abandon/*legitimate`) replaced by the fit of `evidence`,
/// citing source `source_id` — created, or updated with the evidence, in `sources`.
pub fn apply_evidence(
    document: &Value,
    path: &str,
    source_id: &str,
    title: &str,
    evidence: &Evidence,
) -> Result<Value, AppError> {
    if !journeylab_engine::validate::is_valid_id(source_id) {
        return Err(AppError::InvalidModel {
            message: format!("`{source_id}` is not a valid source id (letters, digits, _ and -)"),
        });
    }
    let (mut quantity, extra) = match evidence {
        Evidence::Observed { periods } => {
            let fit = fit_observed(periods).map_err(fit_error)?;
            (fit.dist().to_json(), json!({ "observed": periods }))
        }
        Evidence::Elicited { judgements, family } => {
            let e = elicit(judgements, *family).map_err(fit_error)?;
            (
                e.pool.quantity.clone(),
                json!({ "elicited": judgements, "fit_error": e.pool.fit_error }),
            )
        }
    };
    if let Some(q) = quantity.as_object_mut() {
        q.insert("source".into(), json!(source_id));
    }
    let mut doc = set_value(document, path, quantity)
        .map_err(|message| AppError::InvalidModel { message })?;
    let sources = doc
        .as_object_mut()
        .map(|o| o.entry("sources").or_insert_with(|| json!([])));
    let Some(Value::Array(list)) = sources else {
        return Err(AppError::InvalidModel {
            message: "`sources` must be a list".into(),
        });
    };
    let entry = match list
        .iter_mut()
        .find(|s| s.get("id") == Some(&json!(source_id)))
    {
        Some(e) => e,
        None => {
            list.push(json!({ "id": source_id, "title": title }));
            list.last_mut().ok_or_else(|| fit_error("sources"))?
        }
    };
    if let (Some(e), Some(x)) = (entry.as_object_mut(), extra.as_object()) {
        e.remove("observed");
        e.remove("elicited");
        e.remove("fit_error");
        for (k, v) in x {
            e.insert(k.clone(), v.clone());
        }
        if !title.trim().is_empty() {
            e.insert("title".into(), json!(title));
        }
    }
    Ok(doc)
}

/// Reads observations from CSV text: a header naming at least `journey, step, exit,
/// population, n, k` (any order), one observation per row. Every bad row is reported.
pub fn parse_observations(csv: &str) -> Result<Vec<Observation>, AppError> {
    Ok(read_exit_counts(csv, "the CSV")?
        .into_iter()
        .map(|r| r.counts)
        .collect())
}

/// The observations that the model version of stored run `run_id` keeps in its sources
/// (spec §12), as CSV text in the form [`parse_observations`] reads: what the check can
/// use without a file. Empty (the header only) when no source of an exit keeps counts.
pub fn run_observations(store: &Store, run_id: i64) -> Result<String, AppError> {
    let run = store.get_run(run_id)?.run;
    let model = run_model_version(store, run.model_version_id)?;
    Ok(observations_csv(&observations_in_sources(&model.document)))
}

/// Observations as CSV text with the header `journey,step,exit,population,n,k`.
pub fn observations_csv(observations: &[Observation]) -> String {
    let mut csv = String::from("journey,step,exit,population,n,k\n");
    for o in observations {
        csv.push_str(&format!(
            "{},{},{},{},{},{}\n",
            o.journey, o.step, o.exit, o.population, o.n, o.k
        ));
    }
    csv
}

/// Checks observations against the model version and seed of stored run `run_id` (up to
/// [`CHECK_ITERATIONS`] iterations, expected mode).
pub fn run_check(
    store: &Store,
    run_id: i64,
    observations: &[Observation],
) -> Result<Vec<CheckResult>, AppError> {
    let run = store.get_run(run_id)?.run;
    let model = run_model_version(store, run.model_version_id)?;
    let spec = model
        .validation
        .spec
        .as_ref()
        .ok_or_else(|| AppError::InvalidModel {
            message: describe_errors(&model.validation.issues),
        })?;
    check(
        spec,
        run.seed,
        run.iterations.clamp(1, CHECK_ITERATIONS),
        observations,
    )
    .map_err(fit_error)
}
