//! Use cases for the canvas after a run and for live what-if: per-exit flows of a
//! population, and a quick expected-mode evaluation of an unsaved document.

use journeylab_engine::flows::{population_flows, PopulationFlows};
use journeylab_engine::metrics::summarize;
use journeylab_engine::sim::Dimensions;
use journeylab_engine::vocab::TOTAL_METRICS;
use journeylab_engine::{run, Mode, NoProgress, Sampling, Settings, Summary};
use journeylab_store::Store;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::stored_run::run_baseline;
use crate::{describe_errors, AppError};

/// Iterations averaged for a flow overlay: enough for smooth shares, fast to draw.
const FLOW_ITERATIONS: u64 = 1_000;

fn invalid(issues: &[journeylab_engine::Issue]) -> AppError {
    AppError::InvalidModel {
        message: describe_errors(issues),
    }
}

/// Per-exit shares of `population` in `journey` for stored run `run_id`: the run's
/// model version and seed, averaged over up to 1,000 of its iterations (expected mode).
pub fn run_flows(
    store: &Store,
    run_id: i64,
    journey: &str,
    population: &str,
) -> Result<PopulationFlows, AppError> {
    let record = store.get_run(run_id)?;
    let sampling = crate::settings::StoredSettings::of(&record).sampling;
    let run = record.run;
    let (_, spec) = run_baseline(store, run.model_version_id)?;
    let iterations = run.iterations.clamp(1, FLOW_ITERATIONS);
    let dimensions = Dimensions::of(&spec);
    population_flows(
        &spec,
        journey,
        population,
        run.seed,
        iterations,
        sampling,
        &dimensions,
    )
    .map_err(|e| AppError::Run {
        message: e.to_string(),
    })?
    .ok_or_else(|| AppError::Run {
        message: format!("population `{population}` does not enter journey `{journey}`"),
    })
}

/// A quick look at an edited, unsaved model: the baseline's model totals in expected
/// mode over `iterations` (a few hundred answer in well under 100 ms).
#[derive(Debug, Clone, Serialize, TS)]
pub struct WhatIf {
    /// Seed used (pass the same one again to compare edits with the same draws).
    #[serde(with = "crate::seed")]
    #[ts(type = "string")]
    pub seed: u64,
    /// Iterations used.
    pub iterations: u64,
    /// Model total → summary (absent totals left out).
    pub totals: Vec<(String, Summary)>,
}

/// Evaluates an unsaved model document in expected mode (baseline only).
pub fn what_if(document: &Value, iterations: u64, seed: u64) -> Result<WhatIf, AppError> {
    let validation = journeylab_engine::validate(document);
    if !validation.is_valid() {
        return Err(invalid(&validation.issues));
    }
    let settings = Settings {
        iterations: iterations.max(1),
        seed,
        mode: Mode::Expected,
        sampling: Sampling::Mc,
        threads: None,
    };
    let out = run(&validation, &settings, Some(&[]), &NoProgress).map_err(|e| AppError::Run {
        message: e.to_string(),
    })?;
    let totals = TOTAL_METRICS
        .iter()
        .enumerate()
        .filter_map(|(m, name)| {
            summarize(out.scenarios[0].totals[m].iter().copied()).map(|s| (name.id.to_string(), s))
        })
        .collect();
    Ok(WhatIf {
        seed,
        iterations: settings.iterations,
        totals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::fixture_doc as fixture;

    #[test]
    fn what_if_answers_fast_and_sees_an_edit() {
        let mut doc = fixture("consumer-sign-in.json");
        let before = what_if(&doc, 300, 1).expect("runs");
        // Challenge nobody at the risk gate: fraud loss must go up with the same draws.
        for s in doc["journeys"][0]["steps"].as_array_mut().expect("steps") {
            if s["id"] == "risk" {
                s["allow_below"] = serde_json::json!(1.0);
                s["block_at_or_above"] = serde_json::json!(1.0);
            }
        }
        let after = what_if(&doc, 300, 1).expect("runs");
        let loss = |w: &WhatIf| {
            w.totals
                .iter()
                .find(|(n, _)| n == "fraud_loss")
                .map(|(_, s)| s.mean)
                .unwrap_or(0.0)
        };
        assert!(
            loss(&after) > loss(&before),
            "{} vs {}",
            loss(&after),
            loss(&before)
        );
        let mut broken = doc.clone();
        broken["format"] = serde_json::json!("nope");
        assert_eq!(
            what_if(&broken, 10, 1).err().map(|e| e.code()),
            Some("invalid_model")
        );
    }
}
