//! The result document of spec §7 as typed structs: built from a [`RunOutput`], written
//! as JSON by serde, and read back as the same structs (the store keeps the text, the
//! app and the CLI parse it with [`ResultDoc::parse`]). Nobody reads our own documents
//! by string keys.

use indexmap::IndexMap;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::metrics::{self, Summary};
use crate::run::{
    guardrails, paired_delta, GuardrailResult, RunOutput, ScenarioRun, TargetOutcome,
};
use crate::sim::{Sampling, JP_FIELDS};
use crate::stream::series_summary;
use crate::vocab::{total_index, TOTAL_METRICS};

/// The result format tag.
pub const RESULT_FORMAT: &str = "journeylab-result/1";

/// The engine's version, recorded with every run.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Summaries keyed by metric or outcome id, in result order. A metric without a value in
/// any iteration (a rate with no entrants) is absent, not NaN.
pub type Summaries = IndexMap<String, Summary>;

/// The whole result document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultDoc {
    /// [`RESULT_FORMAT`].
    pub format: String,
    /// Model name.
    pub model: String,
    /// ISO 4217 currency of money metrics.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Period label of volumes and money.
    #[serde(default = "default_period")]
    pub period: String,
    /// The seed of every random stream.
    pub seed: u64,
    /// Iterations per scenario (the iterations used, for a run that stopped on precision).
    pub iterations: u64,
    /// `sampled` or `expected`.
    pub mode: String,
    /// How quantities were drawn: `mc`, or `rqmc`, whose standard errors come from
    /// independent replicates (an extension of spec §7; absent in documents of runs made
    /// before it existed, which were all `mc`).
    #[serde(default)]
    pub sampling: Sampling,
    /// Engine version that produced it.
    #[serde(default)]
    pub engine_version: String,
    /// The stored run's id, when the document was stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_id: Option<i64>,
    /// Baseline first, then the scenarios run.
    pub scenarios: Vec<ScenarioResult>,
    /// For a run that stopped on precision: each target, what it reached and whether it
    /// was met (absent for a plain run). An extension of spec §7's document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub precision: Vec<TargetOutcome>,
}

fn default_currency() -> String {
    "USD".into()
}

fn default_period() -> String {
    "month".into()
}

/// One scenario (the baseline included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioResult {
    /// `baseline` or the scenario id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Model totals (spec §7).
    pub totals: Summaries,
    /// Per journey × population.
    pub journeys: Vec<JourneyResult>,
    /// Guardrail outcomes.
    #[serde(default)]
    pub guardrails: Vec<GuardrailResult>,
    /// Paired per-iteration differences against the baseline (every scenario but the
    /// baseline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta_vs_baseline: Option<Summaries>,
}

/// One journey of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JourneyResult {
    /// Journey id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// The populations entering it.
    pub populations: Vec<PopulationResult>,
}

/// One population in one journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PopulationResult {
    /// Population id.
    pub id: String,
    /// Entrants per period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrants: Option<Summary>,
    /// Count at every outcome id of the journey, declared and implicit.
    pub outcomes: Summaries,
    /// Count by class: `success`, `abandoned`, `blocked`.
    pub classes: Summaries,
    /// The per-journey × population fields of §7 (`attempts`, `support_contacts`,
    /// `control_cost`, `support_cost`, `customer_seconds`, `value`, `loss`).
    #[serde(flatten)]
    pub fields: Summaries,
}

impl ResultDoc {
    /// Reads a stored or exported document; says what is wrong when it is not one.
    pub fn parse(text: &str) -> Result<ResultDoc, String> {
        let doc: ResultDoc =
            serde_json::from_str(text).map_err(|e| format!("not a result document: {e}"))?;
        if doc.format != RESULT_FORMAT {
            return Err(format!(
                "the result format is `{}`, expected `{RESULT_FORMAT}`",
                doc.format
            ));
        }
        Ok(doc)
    }

    /// The scenario with id `id`.
    pub fn scenario(&self, id: &str) -> Option<&ScenarioResult> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The baseline (the first scenario).
    pub fn baseline(&self) -> Option<&ScenarioResult> {
        self.scenarios.first()
    }

    /// The document as pretty JSON text (what `--format json` prints and exports write).
    pub fn to_pretty_json(&self) -> String {
        // Serialising plain structs of strings and finite numbers cannot fail; an empty
        // text would be refused by every reader rather than mistaken for a result.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl ScenarioResult {
    /// The summary of model total `metric`.
    pub fn total(&self, metric: &str) -> Option<&Summary> {
        self.totals.get(metric)
    }

    /// The paired difference against the baseline of model total `metric`.
    pub fn delta(&self, metric: &str) -> Option<&Summary> {
        self.delta_vs_baseline.as_ref()?.get(metric)
    }
}

/// The result document of `out`.
pub fn result_doc(out: &RunOutput) -> ResultDoc {
    let baseline = out.scenarios.first();
    ResultDoc {
        format: RESULT_FORMAT.to_string(),
        model: out.model.clone(),
        currency: out.currency.clone(),
        period: out.period.clone(),
        seed: out.settings.seed,
        iterations: out.settings.iterations,
        mode: out.settings.mode.as_str().to_string(),
        sampling: out.settings.sampling,
        engine_version: ENGINE_VERSION.to_string(),
        run_id: None,
        precision: out.precision.clone(),
        scenarios: out
            .scenarios
            .iter()
            .map(|s| scenario_result(s, baseline.filter(|b| b.id != s.id)))
            .collect(),
    }
}

/// The result document of `out` as a JSON value.
pub fn result_json(out: &RunOutput) -> serde_json::Value {
    serde_json::to_value(result_doc(out)).unwrap_or(serde_json::Value::Null)
}

fn put(map: &mut Summaries, key: &str, summary: Option<Summary>) {
    if let Some(s) = summary {
        map.insert(key.to_string(), s);
    }
}

fn scenario_result(run: &ScenarioRun, baseline: Option<&ScenarioRun>) -> ScenarioResult {
    let spec = &run.spec;
    let samples = &run.samples;
    let n = samples.iterations;
    // Every column is summarised independently: in parallel (results do not depend on
    // the thread count; each summary reads one column in iteration order).
    let width = samples.layout.width;
    // A run longer than its kept rows has every series summarised over all iterations
    // (stream.rs); the kept rows give its percentiles.
    let streamed = run.streamed.as_ref();
    let column: Vec<Option<Summary>> = (0..width)
        .into_par_iter()
        .map(|c| {
            let kept = (0..n).map(|i| samples.row(i)[c]);
            series_summary(streamed.map(|st| &st.columns[c]), kept, run.sampling)
        })
        .collect();
    let classes_of: Vec<[Option<Summary>; 3]> = (0..samples.layout.blocks.len())
        .into_par_iter()
        .map(|b| {
            let counts: Vec<[f64; 3]> = (0..n)
                .map(|i| metrics::class_counts(samples, b, samples.row(i)))
                .collect();
            [0, 1, 2].map(|k| {
                let kept = counts.iter().map(|c| c[k]);
                series_summary(streamed.map(|st| &st.classes[b][k]), kept, run.sampling)
            })
        })
        .collect();
    let total_summaries: Vec<Option<Summary>> = (0..run.totals.len())
        .into_par_iter()
        .map(|m| run.total_summary(m))
        .collect();
    let mut totals = Summaries::new();
    for (m, sum) in TOTAL_METRICS.iter().zip(total_summaries) {
        put(&mut totals, m.id, sum);
    }
    let journeys = spec
        .journeys
        .iter()
        .enumerate()
        .map(|(j, journey)| JourneyResult {
            id: journey.id.clone(),
            name: journey.name.clone(),
            populations: samples
                .layout
                .blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| b.journey == j)
                .map(|(b, block)| {
                    let mut outcomes = Summaries::new();
                    for (o, outcome) in journey.outcomes.iter().enumerate() {
                        put(&mut outcomes, &outcome.id, column[block.outcome(o)]);
                    }
                    let mut classes = Summaries::new();
                    for (k, class) in crate::vocab::OUTCOME_CLASSES.iter().enumerate() {
                        put(&mut classes, class, classes_of[b][k]);
                    }
                    let mut fields = Summaries::new();
                    for (k, field) in JP_FIELDS.iter().enumerate() {
                        put(&mut fields, field, column[block.field(k)]);
                    }
                    PopulationResult {
                        id: spec.populations[block.population].id.clone(),
                        entrants: column[block.entrants()],
                        outcomes,
                        classes,
                        fields,
                    }
                })
                .collect(),
        })
        .collect();
    let delta_vs_baseline = baseline.map(|base| {
        let mut deltas = Summaries::new();
        for (m, metric) in TOTAL_METRICS.iter().enumerate() {
            let kept = paired_delta(&run.totals[m], &base.totals[m]);
            let moments = streamed.and_then(|st| st.deltas.get(m));
            let summary = series_summary(moments, kept.iter().copied(), run.sampling);
            put(&mut deltas, metric.id, summary);
        }
        deltas
    });
    ScenarioResult {
        id: run.id.clone(),
        name: run.name.clone(),
        totals,
        journeys,
        guardrails: guardrails(run),
        delta_vs_baseline,
    }
}

/// The per-iteration values of model total `metric` in `run` (`None` for an unknown id).
pub fn total_values<'a>(run: &'a ScenarioRun, metric: &str) -> Option<&'a [f64]> {
    total_index(metric).map(|m| run.totals[m].as_slice())
}
