//! A risk gate's threshold sweep from a model file (the CLI's `sweep`): the grid's points
//! with their gate shares, totals, guardrails and Pareto front, and the tradeoff chart
//! of fraud loss against legitimate friction. The explorer (`explorer/`) is the app's
//! interactive form of the same engine sweep.

use journeylab_charts::{ChartOptions, Format, MetricInfo, TradeoffPoint, Unit};
use journeylab_engine::sweep::{sweep, Sweep};
use journeylab_engine::Settings;

use crate::{describe_errors, AppError, LoadedModel};

pub use journeylab_engine::sweep::parse_range;

/// Sweeps the risk gate `gate` (`journey/step`) of `model` over `allow` × `block`
/// (`block` empty: the model's value), every point with the same settings and seed.
pub fn sweep_gate(
    model: &LoadedModel,
    gate: &str,
    allow: &[f64],
    block: &[f64],
    settings: &Settings,
) -> Result<Sweep, AppError> {
    if !model.validation.is_valid() {
        return Err(AppError::InvalidModel {
            message: describe_errors(&model.validation.issues),
        });
    }
    sweep(&model.document, gate, allow, block, settings).map_err(|e| AppError::Run {
        message: e.to_string(),
    })
}

/// The tradeoff chart of a sweep: fraud loss against legitimate friction, one point per
/// threshold pair (labelled allow/block), the Pareto front marked.
pub fn sweep_chart(
    s: &Sweep,
    currency: &str,
    period: &str,
    format: Format,
) -> Result<Vec<u8>, AppError> {
    let points: Vec<TradeoffPoint> = s
        .points
        .iter()
        .map(|p| {
            TradeoffPoint::new(
                format!("{:.2}/{:.2}", p.allow_below, p.block_at_or_above),
                p.legit_friction,
                p.fraud_loss,
            )
        })
        .collect();
    let opts = ChartOptions {
        format,
        title: Some(format!(
            "Thresholds of {}: fraud loss against legitimate friction (allow/block)",
            s.gate
        )),
        currency: currency.to_string(),
        period: period.to_string(),
        iterations: s.iterations,
        ..ChartOptions::default()
    };
    let fraud = MetricInfo::for_total("fraud_loss").ok_or_else(|| AppError::Run {
        message: "fraud_loss is missing from the metric catalogue".into(),
    })?;
    journeylab_charts::tradeoff(
        &points,
        &MetricInfo::new("Legitimate friction (not completing)", Unit::Rate),
        &fraud,
        &opts,
    )
    .map_err(|e| AppError::Run {
        message: format!("drawing the chart: {e}"),
    })
}
