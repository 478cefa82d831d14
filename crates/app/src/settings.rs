//! What a run was asked for beyond iterations, seed and mode, as the store keeps it
//! (`runs.settings_json`): typed, written and read by serde in one place.

use journeylab_engine::run::PrecisionTarget;
use journeylab_engine::sim::{Sampling, MC_DRAW_SCHEME};
use journeylab_store::RunRecord;
use serde::{Deserialize, Serialize};

/// One stop-on-precision target as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredTarget {
    /// Model total.
    pub metric: String,
    /// Relative half-width of the 95 % interval asked for (0.01 = ±1 %).
    pub relative: f64,
}

/// The settings kept with a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredSettings {
    /// Worker threads asked for (results do not depend on it).
    #[serde(default)]
    pub threads: Option<usize>,
    /// Stop-on-precision targets (empty: the run used every iteration).
    #[serde(default)]
    pub precision: Vec<StoredTarget>,
    /// The iterations allowed; for a precision run, the maximum (the run's own
    /// `iterations` are those used).
    #[serde(default)]
    pub max_iterations: Option<u64>,
    /// How quantities were drawn (runs stored before rqmc existed were mc).
    #[serde(default)]
    pub sampling: Sampling,
    /// How mc turned streams into draws ([`MC_DRAW_SCHEME`]; 0 for runs stored before it
    /// was recorded).
    #[serde(default)]
    pub draw_scheme: u32,
}

impl StoredSettings {
    /// The settings of a run about to start.
    pub fn new(
        threads: Option<usize>,
        precision: &[PrecisionTarget],
        iterations: u64,
        sampling: Sampling,
    ) -> Self {
        StoredSettings {
            threads,
            sampling,
            draw_scheme: MC_DRAW_SCHEME,
            precision: precision
                .iter()
                .map(|t| StoredTarget {
                    metric: t.metric.clone(),
                    relative: t.relative,
                })
                .collect(),
            max_iterations: Some(iterations),
        }
    }

    /// As JSON text for the store.
    pub fn to_json(&self) -> String {
        // A struct of numbers and strings always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The settings of a stored run (defaults when it has none or they do not parse:
    /// a run stored before settings were kept).
    pub fn of(record: &RunRecord) -> Self {
        record
            .settings_json
            .as_deref()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    }

    /// Whether the engine can recompute the run's draws of its quantities as the run made
    /// them (a run stored by an engine that drew them another way cannot be correlated
    /// with them).
    pub fn draws_reproducible(&self) -> bool {
        self.sampling == Sampling::Rqmc || self.draw_scheme == MC_DRAW_SCHEME
    }

    /// For a run asked to stop on precision: the maximum it was allowed.
    pub fn precision_maximum(&self) -> Option<u64> {
        if self.precision.is_empty() {
            None
        } else {
            self.max_iterations
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_old_runs_read_as_defaults() {
        let s = StoredSettings::new(
            Some(2),
            &[PrecisionTarget {
                metric: "fraud_loss".into(),
                relative: 0.02,
            }],
            200_000,
            Sampling::Rqmc,
        );
        let back: StoredSettings = serde_json::from_str(&s.to_json()).expect("parse");
        assert_eq!(back, s);
        assert_eq!(back.precision_maximum(), Some(200_000));
        let old: StoredSettings = serde_json::from_str("{}").expect("empty");
        assert_eq!(old.precision_maximum(), None);
        assert_eq!(
            old.sampling,
            Sampling::Mc,
            "runs stored before rqmc were mc"
        );
        assert!(s.draws_reproducible());
        assert!(
            !old.draws_reproducible(),
            "an mc run stored before the draw scheme was recorded drew its PERTs otherwise"
        );
    }
}
