//! What drives an output of a stored run: a one-at-a-time tornado of the run's model
//! version and the rank correlation of every uncertain input with the output over the
//! run's stored per-iteration totals, with readable input names and the top drivers in
//! words.
//!
//! Nothing is re-simulated. The output comes from the stored samples; the input draws
//! are recomputed from their keyed streams (seed, iteration, path), which is exactly
//! what the simulation drew in both modes: every quantity is drawn from its own stream
//! before the mode matters (sampled mode moves users with a separate `flow/…` stream),
//! and a run that stopped on precision keeps iteration *i* in row *i*.

use journeylab_engine::format as fmt;
use journeylab_engine::sensitivity::{rank_correlations, tornado, Swing};
use journeylab_engine::sim::Dimensions;
use journeylab_engine::vocab::{total_metric, MetricDef, Unit, TOTAL_METRICS};
use journeylab_engine::Spec;
use journeylab_store::{RunStatus, Store};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::stored_run::run_model_version;
use crate::{describe_errors, AppError};

/// Bars of the tornado shown.
pub const TORNADO_BARS: usize = 15;

/// Iterations of a run used for the rank correlations: beyond this the correlations
/// change in the third decimal at most, and recomputing the draws stays quick.
pub const MAX_CORRELATION_ITERATIONS: usize = 50_000;

/// Drivers described in words.
const DRIVER_SENTENCES: usize = 3;

/// One input's swing, with a readable name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SwingView {
    /// The quantity's path in the model (`controls/sms_otp/pass/*legitimate`).
    pub input: String,
    /// Readable name (`SMS one-time code: pass rate (legitimate)`).
    pub label: String,
    /// How the input's values read.
    pub input_unit: Unit,
    /// The input at its P10.
    pub input_low: f64,
    /// The input at its P90.
    pub input_high: f64,
    /// The output with the input at its P10 (every other input at its median).
    pub output_low: f64,
    /// The output with the input at its P90.
    pub output_high: f64,
    /// |output_high − output_low|.
    pub swing: f64,
}

/// Spearman rank correlation of one input with the output over the run's iterations.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CorrelationView {
    /// The quantity's path.
    pub input: String,
    /// Readable name.
    pub label: String,
    /// ρ in [−1, 1]; `None` when undefined (the output never varied).
    pub rho: Option<f64>,
}

/// What drives one output of one scenario of a stored run.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SensitivityView {
    /// The run.
    pub run_id: i64,
    /// Scenario analysed (`baseline` or a scenario id).
    pub scenario: String,
    /// Output metric (a model total).
    pub metric: String,
    /// Its display name.
    pub label: String,
    /// Unit of its values.
    pub unit: Unit,
    /// Currency of money values.
    pub currency: String,
    /// The output with every input at its median (expected mode).
    pub base: f64,
    /// Uncertain inputs in the model.
    pub inputs: usize,
    /// The largest swings, largest first (at most [`TORNADO_BARS`]).
    pub swings: Vec<SwingView>,
    /// Iterations the correlations are computed over (the run's first
    /// [`MAX_CORRELATION_ITERATIONS`] at most, those with a value of the output).
    pub iterations: u64,
    /// Iterations of the run.
    pub run_iterations: u64,
    /// |ρ| below this (2/√n) cannot be told from noise.
    pub noise_level: f64,
    /// Every uncertain input, largest |ρ| first (undefined ones last).
    pub rank_correlations: Vec<CorrelationView>,
    /// The top drivers in plain sentences.
    pub drivers: Vec<String>,
}

fn run_err(message: String) -> AppError {
    AppError::Run { message }
}

/// The tornado and rank correlations of `metric` in `scenario` (default: baseline) of
/// finished run `run_id`.
pub fn run_sensitivity(
    store: &Store,
    run_id: i64,
    metric: &str,
    scenario: Option<&str>,
) -> Result<SensitivityView, AppError> {
    let scenario = scenario.unwrap_or("baseline");
    let info = total_metric(metric).ok_or_else(|| {
        run_err(format!(
            "unknown metric `{metric}` (use a model total: {})",
            TOTAL_METRICS.map(|m| m.id).join(", ")
        ))
    })?;
    let rec = store.get_run(run_id)?;
    if rec.run.status != RunStatus::Finished {
        return Err(run_err(format!(
            "run {run_id} has no result to analyse (status {})",
            rec.run.status.as_str()
        )));
    }
    if !rec.run.scenarios.iter().any(|s| s == scenario) {
        return Err(run_err(format!(
            "run {run_id} did not run scenario `{scenario}` (it ran {})",
            rec.run.scenarios.join(", ")
        )));
    }
    let loaded = run_model_version(store, rec.run.model_version_id)?;
    let spec: &Spec = if scenario == "baseline" {
        loaded.validation.spec.as_ref()
    } else {
        loaded
            .validation
            .scenarios
            .iter()
            .find(|s| s.info.id == scenario)
            .map(|s| &s.spec)
    }
    .ok_or_else(|| {
        if loaded.validation.is_valid() {
            run_err(format!("the model has no scenario `{scenario}`"))
        } else {
            AppError::InvalidModel {
                message: describe_errors(&loaded.validation.issues),
            }
        }
    })?;
    let output = store
        .run_samples(run_id, scenario, metric)?
        .ok_or_else(|| {
            run_err(format!(
                "run {run_id} has no stored samples of {metric} in `{scenario}`"
            ))
        })?;
    let output = &output[..output.len().min(MAX_CORRELATION_ITERATIONS)];
    let t = tornado(spec, metric)
        .map_err(|e| run_err(e.to_string()))?
        .ok_or_else(|| run_err(format!("unknown metric `{metric}`")))?;
    let doc = &loaded.document;
    let currency = spec.currency.clone();
    let names = Names::of(doc);
    let swings: Vec<SwingView> = t
        .swings
        .iter()
        .take(TORNADO_BARS)
        .map(|s| swing_view(&names, s))
        .collect();
    // The draws the run saw: its sampling, and under rqmc the baseline's dimensions.
    let settings = crate::settings::StoredSettings::of(&rec);
    if !settings.draws_reproducible() {
        return Err(run_err(format!(
            "run {run_id} was made by an earlier version of the engine, which drew its \
             inputs another way: they cannot be recomputed to rank them against its \
             outputs. Run the model again to see its drivers."
        )));
    }
    let sampling = settings.sampling;
    let dimensions = loaded
        .validation
        .spec
        .as_ref()
        .map(Dimensions::of)
        .unwrap_or_default();
    let mut rank: Vec<CorrelationView> =
        rank_correlations(spec, output, rec.run.seed, sampling, &dimensions)
            .into_iter()
            .map(|(input, rho)| CorrelationView {
                label: names.label(&input).text,
                input,
                rho: rho.is_finite().then_some(rho),
            })
            .collect();
    // The engine sorts NaN by |NaN|; undefined correlations go last here.
    rank.sort_by(|a, b| {
        let key = |c: &CorrelationView| c.rho.map_or(-1.0, f64::abs);
        key(b)
            .total_cmp(&key(a))
            .then_with(|| a.input.cmp(&b.input))
    });
    let n = output.iter().filter(|x| !x.is_nan()).count();
    let drivers = driver_sentences(&names, info, &currency, &t.swings, &rank);
    Ok(SensitivityView {
        run_id,
        scenario: scenario.to_string(),
        metric: metric.to_string(),
        label: info.label.to_string(),
        unit: info.unit,
        currency,
        base: t.base,
        inputs: t.swings.len(),
        swings,
        iterations: n as u64,
        run_iterations: rec.run.iterations,
        noise_level: if n > 0 { 2.0 / (n as f64).sqrt() } else { 1.0 },
        rank_correlations: rank,
        drivers,
    })
}

fn swing_view(names: &Names, s: &Swing) -> SwingView {
    let label = names.label(&s.input);
    SwingView {
        input: s.input.clone(),
        label: label.text,
        input_unit: label.unit,
        input_low: s.input_low,
        input_high: s.input_high,
        output_low: s.output_low,
        output_high: s.output_high,
        swing: s.size(),
    }
}

/// "Fraud loss is most sensitive to the loss per success of SIM swappers: from its P10
/// ($50) to its P90 ($400) it moves fraud loss from $1.2M to $3.4M (rank correlation
/// +0.61 over the run)." for the largest swings that move the output at all.
fn driver_sentences(
    names: &Names,
    info: &MetricDef,
    currency: &str,
    swings: &[Swing],
    rank: &[CorrelationView],
) -> Vec<String> {
    let out = |x: f64| fmt::value(x, info.unit, currency);
    let lower = info.label.to_lowercase();
    let moving: Vec<&Swing> = swings
        .iter()
        .filter(|s| s.size() > 1e-9 * (s.output_low.abs() + s.output_high.abs()).max(1e-12))
        .take(DRIVER_SENTENCES)
        .collect();
    if moving.is_empty() {
        return vec![format!(
            "No uncertain input moves {lower}: every input it depends on is fixed."
        )];
    }
    moving
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let label = names.label(&s.input);
            let value = |x: f64| fmt::value(x, label.unit, currency);
            let rho = rank
                .iter()
                .find(|c| c.input == s.input)
                .and_then(|c| c.rho)
                .map(|r| {
                    // The typographic minus, as the app writes ρ.
                    let sign = if r < 0.0 { '\u{2212}' } else { '+' };
                    format!(" (rank correlation {sign}{:.2} over the run)", r.abs())
                })
                .unwrap_or_default();
            let lead = match k {
                0 => format!("{} is most sensitive to {}", info.label, label.phrase),
                1 => format!("Next comes {}", label.phrase),
                _ => format!("Then {}", label.phrase),
            };
            format!(
                "{lead}: from its P10 ({}) to its P90 ({}) it moves {lower} from {} to {}{rho}.",
                value(s.input_low),
                value(s.input_high),
                out(s.output_low),
                out(s.output_high),
            )
        })
        .collect()
}

/// The readable name and unit of the input at `key` (a quantity path) in model `doc`,
/// as the sensitivity lists show it; also the tornado chart's bar labels.
pub(crate) fn input_label(doc: &Value, key: &str) -> Label {
    Names::of(doc).label(key)
}

/// A readable name of an input.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Label {
    /// For lists: `SMS one-time code: pass rate (legitimate)`.
    pub(crate) text: String,
    /// For sentences: `the pass rate of SMS one-time code (legitimate)`.
    pub(crate) phrase: String,
    /// See [`SwingView::input_unit`].
    pub(crate) unit: Unit,
}

/// Names of the model's parts, looked up in the run's model document (the baseline's:
/// a scenario that renames a step shows the baseline's name; the path always works).
struct Names<'a> {
    doc: &'a Value,
    several_journeys: bool,
}

impl<'a> Names<'a> {
    fn of(doc: &'a Value) -> Self {
        Names {
            doc,
            several_journeys: doc["journeys"].as_array().is_some_and(|j| j.len() > 1),
        }
    }

    fn name_in(list: &Value, id: &str) -> Option<String> {
        list.as_array()?
            .iter()
            .find(|x| x["id"] == id)?
            .get("name")?
            .as_str()
            .filter(|n| !n.trim().is_empty())
            .map(str::to_string)
    }

    fn population(&self, id: &str) -> String {
        Self::name_in(&self.doc["populations"], id).unwrap_or_else(|| id.to_string())
    }

    /// Whom a PerPopulation entry applies to.
    fn who(&self, key: Option<&str>) -> String {
        match key {
            None => String::new(),
            Some("*legitimate") => " (legitimate)".into(),
            Some("*attacker") => " (attackers)".into(),
            Some("*") => " (everyone)".into(),
            Some(pop) => format!(" ({})", self.population(pop)),
        }
    }

    fn journey(&self, id: &str) -> Option<&'a Value> {
        self.doc["journeys"]
            .as_array()?
            .iter()
            .find(|j| j["id"] == id)
    }

    fn step(&self, journey: &str, step: &str) -> String {
        let j = self.journey(journey);
        let name = j
            .and_then(|j| Self::name_in(&j["steps"], step))
            .unwrap_or_else(|| step.to_string());
        if self.several_journeys {
            let jname = j
                .and_then(|j| j["name"].as_str())
                .unwrap_or(journey)
                .to_string();
            format!("{jname} › {name}")
        } else {
            name
        }
    }

    /// Where branch share `to[index]` of a step leads.
    fn branch_target(&self, journey: &str, step: &str, index: &str) -> Option<String> {
        let j = self.journey(journey)?;
        let s = j["steps"].as_array()?.iter().find(|s| s["id"] == step)?;
        let target = s["to"].get(index.parse::<usize>().ok()?)?["target"].as_str()?;
        Some(Self::name_in(&j["steps"], target).unwrap_or_else(|| target.to_string()))
    }

    fn label(&self, key: &str) -> Label {
        let parts: Vec<&str> = key.split('/').collect();
        let make = |subject: String, what: &str, who: String, unit: Unit| Label {
            text: format!("{subject}: {what}{who}"),
            phrase: format!("the {what} of {subject}{who}"),
            unit,
        };
        match parts.as_slice() {
            ["controls", c, field, rest @ ..] => {
                let subject =
                    Self::name_in(&self.doc["controls"], c).unwrap_or_else(|| c.to_string());
                let (what, unit) = field_words(field);
                make(subject, what, self.who(rest.first().copied()), unit)
            }
            ["populations", p, field] => {
                let (what, unit) = field_words(field);
                make(self.population(p), what, String::new(), unit)
            }
            ["journeys", j, "entrants", p, "volume"] => {
                let journey = if self.several_journeys {
                    let name = self
                        .journey(j)
                        .and_then(|x| x["name"].as_str())
                        .unwrap_or(j);
                    format!(" into {name}")
                } else {
                    String::new()
                };
                let pop = self.population(p);
                Label {
                    text: format!("{pop}: volume{journey}"),
                    phrase: format!("the volume of {pop}{journey}"),
                    unit: Unit::Count,
                }
            }
            ["journeys", j, "steps", s, "to", i, "p", rest @ ..] => {
                let step = self.step(j, s);
                let target = self
                    .branch_target(j, s, i)
                    .unwrap_or_else(|| format!("branch {i}"));
                let who = self.who(rest.first().copied());
                Label {
                    text: format!("{step}: share to {target}{who}"),
                    phrase: format!("the share of {step} sent to {target}{who}"),
                    unit: Unit::Rate,
                }
            }
            ["journeys", j, "steps", s, field, rest @ ..] => {
                let (what, unit) = field_words(field);
                make(self.step(j, s), what, self.who(rest.first().copied()), unit)
            }
            _ => Label {
                text: key.to_string(),
                phrase: format!("`{key}`"),
                unit: Unit::Number,
            },
        }
    }
}

/// Words and unit of a quantity's field.
fn field_words(field: &str) -> (&'static str, Unit) {
    match field {
        "pass" => ("pass rate", Unit::Rate),
        "abandon" => ("abandonment", Unit::Rate),
        "resolve" => ("resolution rate", Unit::Rate),
        "p" => ("share", Unit::Rate),
        "cost_per_attempt" => ("cost per attempt", Unit::Money),
        "cost_per_contact" => ("cost per contact", Unit::Money),
        "loss_per_success" => ("loss per success", Unit::Money),
        "value_per_success" => ("value per success", Unit::Money),
        "seconds_per_attempt" => ("seconds per attempt", Unit::Seconds),
        "seconds" => ("time taken", Unit::Seconds),
        "minutes_per_contact" => ("minutes per contact", Unit::Minutes),
        "volume" => ("volume", Unit::Count),
        _ => ("value", Unit::Number),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fixture_path, temp_workspace};
    use crate::{load_model_text, run_and_store, run_and_store_with};
    use journeylab_engine::run::PrecisionTarget;
    use journeylab_engine::{Mode, Settings};
    use serde_json::json;

    /// Attackers × pass rate × loss: the volume varies ×10, the rest by a few per cent,
    /// so the volume dominates fraud loss. Attack attempts depend on the volume alone.
    fn dominated_model() -> String {
        json!({
            "format": "journeylab/1", "name": "Dominated", "currency": "USD", "period": "month",
            "populations": [
                { "id": "bots", "name": "Credential bots", "kind": "attacker",
                  "loss_per_success": { "uniform": [100, 105] } },
                { "id": "people", "name": "Customers", "kind": "legitimate", "value_per_success": 1 }
            ],
            "controls": [ { "id": "otp", "name": "SMS OTP", "factor": "possession",
                            "pass": { "*legitimate": { "uniform": [0.9, 0.95] }, "bots": { "uniform": [0.10, 0.11] } } } ],
            "journeys": [ { "id": "j", "name": "Sign in", "entry": "s",
                "entrants": [ { "population": "bots", "volume": { "uniform": [1000, 10000] } },
                              { "population": "people", "volume": 5000 } ],
                "steps": [ { "id": "s", "name": "Code check", "kind": "control", "control": "otp",
                             "on": { "pass": "success" } } ] } ]
        })
        .to_string()
    }

    fn workspace(tag: &str) -> (std::path::PathBuf, Store) {
        temp_workspace(&format!("sensitivity-{tag}"))
    }

    fn stored_run(store: &Store, mode: Mode, precision: &[PrecisionTarget]) -> i64 {
        let model = load_model_text(dominated_model());
        assert!(model.validation.is_valid(), "{:?}", model.validation.issues);
        let settings = Settings {
            iterations: if precision.is_empty() { 2_000 } else { 20_000 },
            seed: 11,
            mode,
            sampling: journeylab_engine::Sampling::Mc,
            threads: None,
        };
        run_and_store_with(store, "dominated", &model, &settings, None, precision, None)
            .expect("run")
            .0
    }

    #[test]
    fn an_mc_run_stored_before_the_table_draws_is_not_correlated_with_other_draws() {
        // Its settings as an older app stored them (no draw scheme): its PERTs were drawn
        // by a rejection sampler, so recomputing them now would rank noise.
        let (dir, store) = workspace("old-draws");
        let id = stored_run(&store, Mode::Expected, &[]);
        assert!(run_sensitivity(&store, id, "fraud_loss", None).is_ok());
        let db = rusqlite::Connection::open(dir.join("ws.db")).expect("open");
        db.execute(
            "UPDATE runs SET settings_json = '{\"threads\": null}' WHERE id = ?1",
            [id],
        )
        .expect("age the run");
        drop(db);
        let err = run_sensitivity(&store, id, "fraud_loss", None).expect_err("refused");
        assert!(
            err.to_string().contains("earlier version of the engine"),
            "{err}"
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn the_tornado_chart_names_its_bars_as_the_section_does() {
        let (dir, store) = workspace("chart-names");
        let id = stored_run(&store, Mode::Expected, &[]);
        let req = crate::ChartRequest {
            kind: crate::charts_crate::ChartKind::Tornado,
            metric: Some("fraud_loss".into()),
            x_metric: None,
            scenarios: Vec::new(),
            journey: None,
            log_scale: false,
            format: crate::charts_crate::Format::Svg,
            width: 760,
            height: 420,
        };
        let svg = String::from_utf8(crate::render_run_chart(&store, id, &req).expect("chart"))
            .expect("utf-8");
        assert!(svg.contains("Credential bots: volume"), "readable bar name");
        assert!(
            !svg.contains("journeys/j/entrants"),
            "no raw quantity paths"
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn the_dominant_input_is_first_in_both_modes_with_names_and_sentences() {
        let (dir, store) = workspace("dominant");
        for mode in [Mode::Expected, Mode::Sampled] {
            let id = stored_run(&store, mode, &[]);
            let v = run_sensitivity(&store, id, "fraud_loss", None).expect("sensitivity");
            let volume = "journeys/j/entrants/bots/volume";
            assert_eq!(v.swings[0].input, volume, "{mode:?}");
            assert_eq!(v.rank_correlations[0].input, volume, "{mode:?}");
            assert!(
                v.rank_correlations[0].rho.is_some_and(|r| r > 0.9),
                "{:?}",
                v.rank_correlations
            );
            assert_eq!(v.swings[0].label, "Credential bots: volume");
            assert_eq!(v.iterations, 2_000);
            assert!(v.swings.len() <= TORNADO_BARS && v.inputs == v.swings.len());
            let labels: Vec<&str> = v.swings.iter().map(|s| s.label.as_str()).collect();
            assert!(
                labels.contains(&"SMS OTP: pass rate (Credential bots)"),
                "{labels:?}"
            );
            assert!(
                labels.contains(&"Credential bots: loss per success"),
                "{labels:?}"
            );
            assert!(v.drivers[0].starts_with(
                "Fraud loss is most sensitive to the volume of Credential bots: from its P10 (1,900) to its P90 (9,100) it moves fraud loss from $"
            ), "{}", v.drivers[0]);
            assert!(v.drivers.len() >= 2 && v.drivers[1].starts_with("Next comes "));
            // The legitimate pass rate cannot move fraud loss: no swing, and ρ near 0.
            let legit = v
                .rank_correlations
                .iter()
                .find(|c| c.input == "controls/otp/pass/*legitimate")
                .expect("listed");
            assert!(legit.rho.is_some_and(|r| r.abs() < v.noise_level * 2.0));
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    /// Attack attempts are the volume draw itself (expected mode) or a Poisson count
    /// around it (sampled): ρ = 1 exactly, or nearly, proves the recomputed draws are
    /// the run's own, also past the first batch of a run that stopped on precision.
    #[test]
    fn recomputed_draws_are_the_runs_own_in_both_modes() {
        let (dir, store) = workspace("draws");
        let target = [PrecisionTarget {
            metric: "attack_entrants".into(),
            relative: 0.01,
        }];
        for (mode, floor) in [(Mode::Expected, 1.0 - 1e-12), (Mode::Sampled, 0.999)] {
            let id = stored_run(&store, mode, &target);
            let used = store.get_run(id).expect("run").run.iterations;
            assert!(used > 1_000 && used < 20_000, "{used}");
            let v = run_sensitivity(&store, id, "attack_entrants", None).expect("ok");
            assert_eq!(v.iterations, used);
            let top = &v.rank_correlations[0];
            assert_eq!(top.input, "journeys/j/entrants/bots/volume");
            assert!(top.rho.is_some_and(|r| r >= floor), "{mode:?}: {top:?}");
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn unknown_metric_run_or_scenario_is_a_clear_error() {
        let (dir, store) = workspace("errors");
        let id = stored_run(&store, Mode::Expected, &[]);
        let err = run_sensitivity(&store, id, "fraud_lost", None).expect_err("metric");
        assert_eq!(err.code(), "run_failed");
        assert!(err.to_string().contains("unknown metric `fraud_lost`"));
        let err = run_sensitivity(&store, id + 100, "fraud_loss", None).expect_err("run");
        assert!(err.to_string().contains("not found"), "{err}");
        let err = run_sensitivity(&store, id, "fraud_loss", Some("nope")).expect_err("sc");
        assert!(
            err.to_string().contains("did not run scenario `nope`"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_fixture_reads_in_names() {
        let (dir, store) = workspace("fixture");
        let model = crate::load_model(&fixture_path("consumer-sign-in.json")).expect("model");
        let settings = Settings {
            iterations: 500,
            sampling: journeylab_engine::Sampling::Mc,
            seed: 3,
            mode: Mode::Expected,
            threads: None,
        };
        let (id, _) =
            run_and_store(&store, "consumer-sign-in", &model, &settings, None, None).expect("run");
        let v = run_sensitivity(&store, id, "legit_abandon_rate", Some("passkeys_first"))
            .expect("scenario");
        assert_eq!(v.scenario, "passkeys_first");
        assert_eq!(v.swings.len(), TORNADO_BARS);
        assert!(v.swings.windows(2).all(|w| w[0].swing >= w[1].swing));
        assert!(
            v.swings.iter().all(|s| !s.label.contains('/')),
            "{:?}",
            v.swings
        );
        assert_eq!(v.drivers.len(), 3);
        let names = Names::of(&model.document);
        assert_eq!(
            names.label("controls/sms_otp/pass/*legitimate").text,
            "SMS one-time code: pass rate (legitimate)"
        );
        assert_eq!(
            names.label("journeys/login/steps/breach_check/to/0/p/cs_bots").text,
            "Known-breached credential check: share to Told to reset a breached password (Credential-stuffing bots (breached passwords))"
        );
        assert_eq!(
            names
                .label("journeys/login/steps/support/minutes_per_contact")
                .text,
            "Support desk: locked-out customer: minutes per contact"
        );
        assert_eq!(names.label("odd/path").text, "odd/path");
        std::fs::remove_dir_all(&dir).ok();
    }
}
