//! A guardrail as the screens show it: its definition, the name of the team that owns
//! it, and how likely it is to be met — shared by the results dashboard and the
//! threshold explorer.

use journeylab_engine::run::GuardrailResult;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

/// A guardrail's outcome, with who owns it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GuardrailView {
    /// Guardrail id.
    pub id: String,
    /// Owning team id.
    pub owner: String,
    /// Owning team's name (the id when the model does not name it).
    pub owner_name: String,
    /// Metric measured.
    pub metric: String,
    /// Journey it is scoped to, if any.
    pub journey: Option<String>,
    /// Population (or `*legitimate` / `*attacker`) it is scoped to, if any.
    pub population: Option<String>,
    /// Lower limit.
    pub min: Option<f64>,
    /// Upper limit.
    pub max: Option<f64>,
    /// Required probability.
    pub confidence: f64,
    /// Share of iterations within the limits (`None`: the metric never had a value).
    pub probability_met: Option<f64>,
    /// Whether it is met.
    pub met: bool,
}

impl GuardrailView {
    /// The view of guardrail `definition` (its object in a model or result document)
    /// met with `probability_met`; team names come from `model`'s `owners`.
    pub(crate) fn of(
        definition: &Value,
        model: &Value,
        probability_met: Option<f64>,
        met: bool,
    ) -> Self {
        let owner = definition["owner"].as_str().unwrap_or_default().to_string();
        GuardrailView {
            id: definition["id"].as_str().unwrap_or_default().to_string(),
            owner_name: team_name(model, &owner),
            owner,
            metric: definition["metric"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            journey: definition["journey"].as_str().map(str::to_string),
            population: definition["population"].as_str().map(str::to_string),
            min: definition["min"].as_f64(),
            max: definition["max"].as_f64(),
            // The spec's default confidence (§9).
            confidence: definition["confidence"].as_f64().unwrap_or(0.9),
            probability_met,
            met,
        }
    }

    /// The view of a guardrail as a run reported it: limits, owner and outcome from
    /// the result, its scope from the definition of the same id in `model` (the model
    /// version the run simulated), team names from `model`'s `owners`.
    pub(crate) fn of_result(result: &GuardrailResult, model: &Value) -> Self {
        let scope = model["guardrails"]
            .as_array()
            .and_then(|ds| ds.iter().find(|d| d["id"] == result.id.as_str()));
        let text = |key: &str| scope.and_then(|d| d[key].as_str()).map(str::to_string);
        GuardrailView {
            id: result.id.clone(),
            owner_name: team_name(model, &result.owner),
            owner: result.owner.clone(),
            metric: result.metric.clone(),
            journey: text("journey"),
            population: text("population"),
            min: result.min,
            max: result.max,
            confidence: result.confidence,
            probability_met: result.probability_met,
            met: result.met,
        }
    }
}

/// The name of team `id` in `model`'s `owners` (the id when it has none).
pub(crate) fn team_name(model: &Value, id: &str) -> String {
    model["owners"]["teams"]
        .as_array()
        .and_then(|ts| ts.iter().find(|t| t["id"] == id))
        .and_then(|t| t["name"].as_str())
        .unwrap_or(id)
        .to_string()
}
