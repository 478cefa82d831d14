//! A stored run's dashboard: headline cards, guardrails per owning team, a journey ×
//! population × outcome breakdown, and each scenario's paired deltas against the
//! baseline with one plain-language line. Every number comes from the stored result
//! document, read as the engine's typed [`ResultDoc`]; front ends only format and draw.

use journeylab_engine::format as fmt;
use journeylab_engine::result::{ResultDoc, ScenarioResult};
use journeylab_engine::vocab::{total_metric, Unit};
use journeylab_store::{RunRow, Store};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::guardrail_view::GuardrailView;
use crate::stored_run::{result_doc, run_model_version};
use crate::AppError;

/// The headline metrics of the dashboard (and the history's comparison), in display
/// order: what each team looks at first. Labels and units come from the catalogue.
pub const HEADLINE_METRICS: [&str; 9] = [
    "legit_success_rate",
    "legit_abandon_rate",
    "false_reject_rate",
    "attack_stopped_rate",
    "fraud_loss",
    "support_contacts",
    "support_cost",
    "control_cost",
    "net_value",
];

/// Further totals whose paired change a scenario's deltas list.
const MORE_DELTAS: [&str; 2] = ["attack_success", "customer_hours"];

/// One headline metric of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HeadlineCard {
    /// Total metric id (spec §7).
    pub metric: String,
    /// Display name (the catalogue's).
    pub label: String,
    /// Unit of its values.
    pub unit: Unit,
    /// Whether a higher value is better (`None`: neither).
    pub higher_is_better: Option<bool>,
    /// Mean over iterations.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Monte Carlo standard error of the mean.
    pub se: f64,
}

/// The guardrails of one owning team.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TeamGuardrails {
    /// Team id.
    pub owner: String,
    /// Team name.
    pub owner_name: String,
    /// Its guardrails.
    pub guardrails: Vec<GuardrailView>,
}

/// One row of the breakdown journey × population × outcome (means and P5–P95 of counts).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BreakdownRow {
    /// Journey id.
    pub journey: String,
    /// Journey name.
    pub journey_name: String,
    /// Population id.
    pub population: String,
    /// Outcome id.
    pub outcome: String,
    /// Mean count.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Share of the population's mean entrants (`None` without entrants).
    pub share: Option<f64>,
}

/// The paired difference scenario − baseline of one headline metric.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DeltaView {
    /// Total metric id.
    pub metric: String,
    /// Display name (the catalogue's).
    pub label: String,
    /// Unit of its values.
    pub unit: Unit,
    /// Mean paired difference.
    pub mean: f64,
    /// 5th percentile of the per-iteration difference.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
    /// The 90 % interval P5–P95 excludes 0: a clear change.
    pub clear: bool,
    /// For a clear change of a metric with a better direction: whether it is an
    /// improvement.
    pub better: Option<bool>,
}

/// One scenario of a run's dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ScenarioView {
    /// `baseline` or the scenario id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Headline cards in [`HEADLINE_METRICS`] order (metrics without a value left out).
    pub cards: Vec<HeadlineCard>,
    /// Guardrails grouped by owning team, in model order.
    pub teams: Vec<TeamGuardrails>,
    /// Journey × population × outcome.
    pub breakdown: Vec<BreakdownRow>,
    /// Paired deltas against the baseline (empty for the baseline).
    pub deltas: Vec<DeltaView>,
    /// A plain-language line of the clear changes (not for the baseline).
    pub summary_line: Option<String>,
}

/// Everything the dashboard of one stored run shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RunDashboard {
    /// The stored run.
    pub run: RunRow,
    /// Model name.
    pub model_name: String,
    /// ISO 4217 currency.
    pub currency: String,
    /// Period of volumes.
    pub period: String,
    /// Baseline first, then the scenarios run.
    pub scenarios: Vec<ScenarioView>,
    /// How the run drew its quantities (its standard errors follow from it).
    pub sampling: journeylab_engine::Sampling,
}

/// The dashboard of finished run `run_id`.
pub fn run_dashboard(store: &Store, run_id: i64) -> Result<RunDashboard, AppError> {
    let (run, doc) = result_doc(store, run_id)?;
    // Team names and guardrail scopes only: without the model the dashboard still shows.
    let model = run_model_version(store, run.model_version_id)
        .map(|m| m.document)
        .unwrap_or(Value::Null);
    let baseline = doc.baseline();
    let scenarios = doc
        .scenarios
        .iter()
        .map(|s| scenario_view(s, baseline, &doc, &model))
        .collect();
    Ok(RunDashboard {
        model_name: doc.model.clone(),
        run,
        currency: doc.currency,
        period: doc.period,
        scenarios,
        sampling: doc.sampling,
    })
}

fn scenario_view(
    s: &ScenarioResult,
    baseline: Option<&ScenarioResult>,
    doc: &ResultDoc,
    model: &Value,
) -> ScenarioView {
    let is_base = s.id == "baseline";
    let cards = HEADLINE_METRICS
        .iter()
        .filter_map(|m| {
            let info = total_metric(m)?;
            let x = s.total(m)?;
            Some(HeadlineCard {
                metric: m.to_string(),
                label: info.label.to_string(),
                unit: info.unit,
                higher_is_better: info.higher_is_better,
                mean: x.mean,
                p5: x.p5,
                p95: x.p95,
                se: x.se,
            })
        })
        .collect();
    let mut teams: Vec<TeamGuardrails> = Vec::new();
    for g in &s.guardrails {
        let view = GuardrailView::of_result(g, model);
        match teams.iter_mut().find(|t| t.owner == view.owner) {
            Some(t) => t.guardrails.push(view),
            None => teams.push(TeamGuardrails {
                owner: view.owner.clone(),
                owner_name: view.owner_name.clone(),
                guardrails: vec![view],
            }),
        }
    }
    let mut breakdown = Vec::new();
    for j in &s.journeys {
        for p in &j.populations {
            let entrants = p.entrants.map(|e| e.mean);
            for (o, x) in &p.outcomes {
                // Outcomes nobody ever reached (implicit classes unused) add nothing.
                if x.min == 0.0 && x.max == 0.0 {
                    continue;
                }
                breakdown.push(BreakdownRow {
                    journey: j.id.clone(),
                    journey_name: if j.name.is_empty() {
                        j.id.clone()
                    } else {
                        j.name.clone()
                    },
                    population: p.id.clone(),
                    outcome: o.clone(),
                    mean: x.mean,
                    p5: x.p5,
                    p95: x.p95,
                    share: entrants.filter(|e| *e > 0.0).map(|e| x.mean / e),
                });
            }
        }
    }
    let deltas: Vec<DeltaView> = if is_base {
        Vec::new()
    } else {
        HEADLINE_METRICS
            .iter()
            .chain(MORE_DELTAS.iter())
            .filter_map(|m| {
                let info = total_metric(m)?;
                let d = s.delta(m)?;
                let clear = d.p5 > 0.0 || d.p95 < 0.0;
                Some(DeltaView {
                    metric: m.to_string(),
                    label: info.label.to_string(),
                    unit: info.unit,
                    mean: d.mean,
                    p5: d.p5,
                    p95: d.p95,
                    clear,
                    better: info
                        .higher_is_better
                        .filter(|_| clear)
                        .map(|higher| (d.mean > 0.0) == higher),
                })
            })
            .collect()
    };
    let summary_line = (!is_base).then(|| {
        let base_fraud = baseline.and_then(|b| b.total("fraud_loss")).map(|x| x.mean);
        plain_language(&deltas, base_fraud, &doc.currency, &doc.period)
    });
    ScenarioView {
        id: s.id.clone(),
        name: if s.name.is_empty() {
            s.id.clone()
        } else {
            s.name.clone()
        },
        cards,
        teams,
        breakdown,
        deltas,
        summary_line,
    }
}

/// Rounds a magnitude for prose: two significant digits from 100 up (2,345 → 2,300),
/// whole numbers below.
fn round_for_prose(x: f64) -> f64 {
    let a = x.abs();
    if a >= 100.0 {
        let p = 10f64.powi(a.log10().floor() as i32 - 1);
        (a / p).round() * p
    } else {
        a.round()
    }
}

/// One sentence of the clear changes of a scenario against the baseline, e.g.
/// "41 % less fraud loss; 1.8 points more abandonment; 2,300 more support contacts a
/// month". Changes whose 90 % interval includes 0 are left out. `baseline_fraud_loss`
/// (the baseline's mean) turns the fraud-loss change into a percentage.
pub fn plain_language(
    deltas: &[DeltaView],
    baseline_fraud_loss: Option<f64>,
    currency: &str,
    period: &str,
) -> String {
    let find = |m: &str| deltas.iter().find(|d| d.metric == m && d.clear);
    let more_less = |x: f64| if x > 0.0 { "more" } else { "less" };
    let mut parts = Vec::new();
    if let Some(d) = find("fraud_loss") {
        match baseline_fraud_loss.filter(|b| *b > 0.0) {
            Some(b) => {
                let pct = (d.mean / b * 100.0).abs();
                let pct = fmt::thousands(pct, if pct < 10.0 { 1 } else { 0 });
                parts.push(format!("{pct} % {} fraud loss", more_less(d.mean)));
            }
            None => parts.push(format!(
                "{} {} fraud loss a {period}",
                fmt::money(round_for_prose(d.mean), currency),
                more_less(d.mean)
            )),
        }
    }
    for (m, noun) in [
        ("attack_stopped_rate", "attacks stopped"),
        ("legit_abandon_rate", "abandonment"),
        ("false_reject_rate", "false rejects"),
    ] {
        if let Some(d) = find(m) {
            let points = (d.mean * 100.0).abs();
            let word = if m == "legit_abandon_rate" {
                more_less(d.mean)
            } else if d.mean > 0.0 {
                "more"
            } else {
                "fewer"
            };
            let decimals = if points < 0.095 { 2 } else { 1 };
            parts.push(format!(
                "{} points {word} {noun}",
                fmt::thousands(points, decimals)
            ));
        }
    }
    if let Some(d) = find("support_contacts") {
        parts.push(format!(
            "{} {} support contacts a {period}",
            fmt::thousands(round_for_prose(d.mean), 0),
            if d.mean > 0.0 { "more" } else { "fewer" }
        ));
    }
    if let Some(d) = find("net_value") {
        parts.push(format!(
            "{} {} net value a {period}",
            fmt::money(round_for_prose(d.mean), currency),
            more_less(d.mean)
        ));
    }
    if parts.is_empty() {
        "no clear change from the baseline (every 90 % interval includes 0)".to_string()
    } else {
        parts.join("; ")
    }
}
