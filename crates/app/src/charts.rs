//! Charts of stored runs: turns a run's result document, samples and model into the
//! plain data the charts crate draws.

use journeylab_charts::{
    ChartKind, ChartOptions, Format, FunnelRow, MetricInfo, NamedSample, OutcomeClass,
    OutcomeCount, ScenarioSummary, Summary as ChartSummary, TornadoBar, TradeoffPoint,
};
use journeylab_engine::Summary;
use journeylab_store::Store;
use serde_json::Value;

use crate::stored_run::{result_doc, run_baseline};
use crate::AppError;

/// What to draw.
#[derive(Debug, Clone)]
pub struct ChartRequest {
    /// Chart kind.
    pub kind: ChartKind,
    /// The output metric (default per kind: fraud loss).
    pub metric: Option<String>,
    /// The x metric of a tradeoff chart (default: legitimate abandonment).
    pub x_metric: Option<String>,
    /// Scenarios to show (default: all that ran; histograms: the baseline and the first
    /// scenario).
    pub scenarios: Vec<String>,
    /// Journey of a funnel chart (default: the first).
    pub journey: Option<String>,
    /// Logarithmic x axis (exceedance).
    pub log_scale: bool,
    /// SVG or PNG.
    pub format: Format,
    /// Logical size in pixels (PNG is drawn at twice this).
    pub width: u32,
    /// See `width`.
    pub height: u32,
}

/// Headline metrics of the comparison chart.
const COMPARE_METRICS: [&str; 6] = [
    "legit_success_rate",
    "legit_abandon_rate",
    "attack_success",
    "fraud_loss",
    "support_contacts",
    "net_value",
];

fn chart_summary(v: &Value) -> Option<ChartSummary> {
    let s: Summary = serde_json::from_value(v.clone()).ok()?;
    Some(ChartSummary {
        mean: s.mean,
        sd: s.sd,
        se: s.se,
        p5: s.p5,
        p50: s.p50,
        p95: s.p95,
        min: s.min,
        max: s.max,
    })
}

fn metric_info(name: &str) -> Result<MetricInfo, AppError> {
    MetricInfo::for_total(name).ok_or_else(|| AppError::Run {
        message: format!("unknown metric `{name}`: use a model total such as fraud_loss, legit_abandon_rate, support_contacts"),
    })
}

fn chart_err(e: journeylab_charts::ChartError) -> AppError {
    AppError::Run {
        message: format!("drawing the chart: {e}"),
    }
}

/// Draws a chart of stored run `run_id`.
pub fn render_run_chart(
    store: &Store,
    run_id: i64,
    req: &ChartRequest,
) -> Result<Vec<u8>, AppError> {
    let (run, doc) = result_doc(store, run_id)?;
    let all: Vec<&Value> = doc["scenarios"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let chosen: Vec<&Value> = if req.scenarios.is_empty() {
        all.clone()
    } else {
        let mut v = Vec::new();
        for id in &req.scenarios {
            let s = all
                .iter()
                .find(|s| s["id"] == id.as_str())
                .ok_or_else(|| AppError::Run {
                    message: format!("run {run_id} has no scenario `{id}`"),
                })?;
            v.push(*s);
        }
        v
    };
    let label = |s: &Value| {
        s["name"]
            .as_str()
            .or(s["id"].as_str())
            .unwrap_or("?")
            .to_string()
    };
    let opts = ChartOptions {
        format: req.format,
        width: req.width,
        height: req.height,
        title: None,
        currency: doc["currency"].as_str().unwrap_or("USD").to_string(),
        period: doc["period"].as_str().unwrap_or("month").to_string(),
        iterations: doc["iterations"].as_u64().unwrap_or(0),
    };
    let metric = req.metric.clone().unwrap_or_else(|| "fraud_loss".into());
    match req.kind {
        ChartKind::Histogram | ChartKind::Exceedance => {
            let info = metric_info(&metric)?;
            let picked: Vec<&Value> = if req.scenarios.is_empty() {
                chosen.into_iter().take(2).collect()
            } else {
                chosen
            };
            let mut samples = Vec::new();
            for s in &picked {
                let id = s["id"].as_str().unwrap_or("baseline");
                let values = store.run_samples(run_id, id, &metric)?.unwrap_or_default();
                samples.push((label(s), values));
            }
            let named: Vec<NamedSample> = samples
                .iter()
                .map(|(l, v)| NamedSample {
                    label: l,
                    values: v,
                })
                .collect();
            if req.kind == ChartKind::Histogram {
                journeylab_charts::histogram(&named, &info, &opts).map_err(chart_err)
            } else {
                journeylab_charts::exceedance(&named, &info, req.log_scale, &opts)
                    .map_err(chart_err)
            }
        }
        ChartKind::Compare => {
            let to_summaries = |key: &str| -> Vec<ScenarioSummary> {
                chosen
                    .iter()
                    .filter(|s| key == "totals" || s.get(key).is_some())
                    .map(|s| ScenarioSummary {
                        id: s["id"].as_str().unwrap_or("").to_string(),
                        label: label(s),
                        metrics: COMPARE_METRICS
                            .iter()
                            .filter_map(|m| {
                                Some((MetricInfo::for_total(m)?, chart_summary(&s[key][*m])?))
                            })
                            .collect(),
                    })
                    .collect()
            };
            let mut o = opts;
            o.height = o.height.max(journeylab_charts::compare_height(
                COMPARE_METRICS.len(),
                chosen.len(),
            ));
            journeylab_charts::compare(
                &to_summaries("totals"),
                &to_summaries("delta_vs_baseline"),
                &o,
            )
            .map_err(chart_err)
        }
        ChartKind::Tradeoff => {
            let x_name = req
                .x_metric
                .clone()
                .unwrap_or_else(|| "legit_abandon_rate".into());
            let (xi, yi) = (metric_info(&x_name)?, metric_info(&metric)?);
            let points: Vec<TradeoffPoint> = chosen
                .iter()
                .filter_map(|s| {
                    let (x, y) = (
                        chart_summary(&s["totals"][&x_name])?,
                        chart_summary(&s["totals"][&metric])?,
                    );
                    let mut p = TradeoffPoint::new(label(s), x.mean, y.mean);
                    (p.x_lo, p.x_hi, p.y_lo, p.y_hi) =
                        (Some(x.p5), Some(x.p95), Some(y.p5), Some(y.p95));
                    Some(p)
                })
                .collect();
            journeylab_charts::tradeoff(&points, &xi, &yi, &opts).map_err(chart_err)
        }
        ChartKind::Tornado => {
            let info = metric_info(&metric)?;
            let (document, spec) = run_baseline(store, run.model_version_id)?;
            let t = journeylab_engine::sensitivity::tornado(&spec, &metric)
                .map_err(|e| AppError::Run {
                    message: e.to_string(),
                })?
                .ok_or_else(|| AppError::Run {
                    message: format!("unknown metric `{metric}`"),
                })?;
            let bars: Vec<TornadoBar> = t
                .swings
                .iter()
                .take(15)
                .map(|s| {
                    let name = crate::sensitivity_view::input_name(&document, &s.input);
                    let mut b = TornadoBar::new(name, s.output_low, s.output_high);
                    b.low_setting = Some(format!("P10 {}", short_number(s.input_low)));
                    b.high_setting = Some(format!("P90 {}", short_number(s.input_high)));
                    b
                })
                .collect();
            let mut o = opts;
            o.title = Some(format!(
                "What drives {}: each input at P10 and P90, others at their medians",
                info.name.to_lowercase()
            ));
            journeylab_charts::tornado(&bars, t.base, &info, &o).map_err(chart_err)
        }
        ChartKind::Funnel => {
            let (_, spec) = run_baseline(store, run.model_version_id)?;
            let base = chosen.first().copied().ok_or_else(|| AppError::Run {
                message: "no scenario".into(),
            })?;
            let journeys = base["journeys"].as_array().cloned().unwrap_or_default();
            let j = match &req.journey {
                Some(id) => journeys.iter().find(|j| j["id"] == id.as_str()),
                None => journeys.first(),
            }
            .ok_or_else(|| AppError::Run {
                message: format!("run {run_id} has no journey {:?}", req.journey),
            })?;
            let jid = j["id"].as_str().unwrap_or("");
            let jspec = spec.journeys.iter().find(|x| x.id == jid);
            let class_of = |o: &str| match jspec
                .and_then(|js| js.outcomes.iter().find(|x| x.id == o))
                .map(|x| x.class)
            {
                Some(journeylab_engine::spec::OutcomeClass::Success) => OutcomeClass::Success,
                Some(journeylab_engine::spec::OutcomeClass::Abandoned) => OutcomeClass::Abandoned,
                _ => OutcomeClass::Blocked,
            };
            let rows: Vec<FunnelRow> = j["populations"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| FunnelRow {
                    population: p["id"].as_str().unwrap_or("?").to_string(),
                    entrants: p["entrants"]["mean"].as_f64().unwrap_or(0.0),
                    outcomes: p["outcomes"]
                        .as_object()
                        .into_iter()
                        .flatten()
                        .map(|(o, s)| OutcomeCount {
                            outcome_id: o.clone(),
                            class: class_of(o),
                            count: s["mean"].as_f64().unwrap_or(0.0),
                        })
                        .collect(),
                })
                .collect();
            let name = j["name"].as_str().unwrap_or(jid).to_string();
            journeylab_charts::funnel(&name, &rows, &opts).map_err(chart_err)
        }
    }
}

/// The validated baseline of the model version a run used.
fn short_number(x: f64) -> String {
    if x.abs() >= 1000.0 {
        journeylab_charts::format::short(x)
    } else if x.abs() >= 1.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.3}")
    }
}
