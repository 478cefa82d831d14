//! Charts of stored runs: turns a run's result document, samples and model into the
//! plain data the charts crate draws.

use journeylab_charts::{
    ChartKind, ChartOptions, Format, FunnelRow, MetricInfo, NamedSample, OutcomeClass,
    OutcomeCount, ScenarioSummary, TornadoBar, TradeoffPoint,
};
use journeylab_engine::format as fmt;
use journeylab_engine::result::ScenarioResult;
use journeylab_store::Store;

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

fn label(s: &ScenarioResult) -> String {
    if s.name.is_empty() {
        s.id.clone()
    } else {
        s.name.clone()
    }
}

/// Draws a chart of stored run `run_id`.
pub fn render_run_chart(
    store: &Store,
    run_id: i64,
    req: &ChartRequest,
) -> Result<Vec<u8>, AppError> {
    let (run, doc) = result_doc(store, run_id)?;
    let chosen: Vec<&ScenarioResult> = if req.scenarios.is_empty() {
        doc.scenarios.iter().collect()
    } else {
        req.scenarios
            .iter()
            .map(|id| {
                doc.scenario(id).ok_or_else(|| AppError::Run {
                    message: format!("run {run_id} has no scenario `{id}`"),
                })
            })
            .collect::<Result<_, _>>()?
    };
    let opts = ChartOptions {
        format: req.format,
        width: req.width,
        height: req.height,
        title: None,
        currency: doc.currency.clone(),
        period: doc.period.clone(),
        iterations: doc.iterations,
    };
    let metric = req.metric.clone().unwrap_or_else(|| "fraud_loss".into());
    match req.kind {
        ChartKind::Histogram | ChartKind::Exceedance => {
            let info = metric_info(&metric)?;
            let picked: Vec<&ScenarioResult> = if req.scenarios.is_empty() {
                chosen.into_iter().take(2).collect()
            } else {
                chosen
            };
            let mut samples = Vec::new();
            for s in &picked {
                let values = store
                    .run_samples(run_id, &s.id, &metric)?
                    .unwrap_or_default();
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
            let summaries = |deltas: bool| -> Vec<ScenarioSummary> {
                chosen
                    .iter()
                    .filter(|s| !deltas || s.delta_vs_baseline.is_some())
                    .map(|s| ScenarioSummary {
                        id: s.id.clone(),
                        label: label(s),
                        metrics: COMPARE_METRICS
                            .iter()
                            .filter_map(|m| {
                                let x = if deltas { s.delta(m) } else { s.total(m) };
                                Some((MetricInfo::for_total(m)?, *x?))
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
            journeylab_charts::compare(&summaries(false), &summaries(true), &o).map_err(chart_err)
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
                    let (x, y) = (s.total(&x_name)?, s.total(&metric)?);
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
                .take(crate::TORNADO_BARS)
                .map(|s| {
                    let input = crate::sensitivity_view::input_label(&document, &s.input);
                    let setting = |x: f64| fmt::compact(x, input.unit, &doc.currency);
                    let mut b = TornadoBar::new(input.text, s.output_low, s.output_high);
                    b.low_setting = Some(format!("P10 {}", setting(s.input_low)));
                    b.high_setting = Some(format!("P90 {}", setting(s.input_high)));
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
            let j = match &req.journey {
                Some(id) => base.journeys.iter().find(|j| &j.id == id),
                None => base.journeys.first(),
            }
            .ok_or_else(|| AppError::Run {
                message: format!("run {run_id} has no journey {:?}", req.journey),
            })?;
            let jspec = spec.journeys.iter().find(|x| x.id == j.id);
            let class_of = |o: &str| {
                jspec
                    .and_then(|js| js.outcomes.iter().find(|x| x.id == o))
                    .map_or(OutcomeClass::Blocked, |x| x.class)
            };
            let rows: Vec<FunnelRow> = j
                .populations
                .iter()
                .map(|p| FunnelRow {
                    population: p.id.clone(),
                    entrants: p.entrants.map_or(0.0, |e| e.mean),
                    outcomes: p
                        .outcomes
                        .iter()
                        .map(|(o, s)| OutcomeCount {
                            outcome_id: o.clone(),
                            class: class_of(o),
                            count: s.mean,
                        })
                        .collect(),
                })
                .collect();
            let name = if j.name.is_empty() { &j.id } else { &j.name };
            journeylab_charts::funnel(name, &rows, &opts).map_err(chart_err)
        }
    }
}
