//! Journey Lab charts: simulation results drawn to SVG (for the app) and PNG (for export)
//! with the same drawing code, using `plotters`.
//!
//! Every function here is pure: it takes plain data (samples, [`Summary`] values, labels)
//! and returns the encoded image as bytes — SVG as UTF-8 text, PNG rendered at twice the
//! logical size for crisp slides. Nothing reads a database or touches files.
//!
//! Text renders on any machine: a DejaVu Sans TTF is bundled and registered with
//! plotters' `ab_glyph` font backend the first time a chart is drawn (no fontconfig).
//! SVG output is deterministic: the same input gives the same bytes.
//!
//! Chart kinds:
//! - [`histogram`] of one metric across iterations (one or two scenarios overlaid),
//! - [`exceedance`] curve P(metric > x), from one sorted sample per series,
//! - [`compare`] scenarios: mean with P5–P95 whiskers, and paired deltas vs baseline,
//! - [`tradeoff`] scatter with the Pareto front (see [`pareto_front`]),
//! - [`tornado`] of output swing per input, largest first,
//! - [`funnel`]: per population, how entrants end at each outcome.
//!
//! ```
//! use journeylab_charts::{histogram, ChartOptions, Format, MetricInfo, NamedSample};
//!
//! let losses = [120_000.0, 95_000.0, 143_500.0, f64::NAN, 101_000.0];
//! let opts = ChartOptions { format: Format::Svg, iterations: 5, ..ChartOptions::default() };
//! let metric = MetricInfo::for_total("fraud_loss").expect("a model total");
//! let svg = histogram(&[NamedSample { label: "Baseline", values: &losses }], &metric, &opts)?;
//! let text = String::from_utf8(svg).expect("SVG is UTF-8");
//! assert!(text.contains("Fraud loss per month — 5 iterations"));
//! assert!(text.contains("1 of 5 iterations have no value"));
//! # Ok::<(), journeylab_charts::ChartError>(())
//! ```
#![deny(missing_docs)]

mod compare;
mod exceedance;
mod funnel;
mod histogram;
mod render;
pub mod stats;
mod tornado;
mod tradeoff;

pub use compare::{compare, compare_height};
pub use exceedance::exceedance;
pub use funnel::funnel;
pub use histogram::histogram;
pub use journeylab_engine::format;
pub use journeylab_engine::metrics::Summary;
pub use journeylab_engine::spec::OutcomeClass;
pub use journeylab_engine::vocab::Unit;
pub use render::palette;
pub use stats::pareto_front;
pub use tornado::tornado;
pub use tradeoff::tradeoff;

use std::fmt;
use std::str::FromStr;

/// Errors from drawing a chart.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The requested size is unusable (each side must be 200–8000 logical pixels).
    #[error("invalid chart size {width}×{height}: each side must be between 200 and 8000 pixels")]
    InvalidSize {
        /// Requested width.
        width: u32,
        /// Requested height.
        height: u32,
    },
    /// The bundled font could not be loaded.
    #[error("the bundled font could not be loaded")]
    Font,
    /// plotters reported a drawing error.
    #[error("drawing failed: {0}")]
    Draw(String),
    /// The PNG encoder failed.
    #[error("PNG encoding failed: {0}")]
    Encode(String),
}

/// Output format of a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// SVG text (UTF-8 bytes), at the logical size.
    Svg,
    /// PNG image, at twice the logical size.
    Png,
}

impl Format {
    /// The format a file name asks for, from its extension (`.svg` or `.png`, any case).
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }

    /// Pixel multiplier of the output relative to the logical size (1 for SVG, 2 for PNG).
    pub fn scale(self) -> u32 {
        match self {
            Format::Svg => 1,
            Format::Png => 2,
        }
    }
}

/// The kinds of chart this crate draws (for command-line parsing and menus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// [`histogram`]
    Histogram,
    /// [`exceedance`]
    Exceedance,
    /// [`compare`]
    Compare,
    /// [`tradeoff`]
    Tradeoff,
    /// [`tornado`]
    Tornado,
    /// [`funnel`]
    Funnel,
}

impl ChartKind {
    /// Every kind, in menu order.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Histogram,
        ChartKind::Exceedance,
        ChartKind::Compare,
        ChartKind::Tradeoff,
        ChartKind::Tornado,
        ChartKind::Funnel,
    ];

    /// The lower-case name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Histogram => "histogram",
            ChartKind::Exceedance => "exceedance",
            ChartKind::Compare => "compare",
            ChartKind::Tradeoff => "tradeoff",
            ChartKind::Tornado => "tornado",
            ChartKind::Funnel => "funnel",
        }
    }
}

impl fmt::Display for ChartKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ChartKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ChartKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!("unknown chart kind {s:?}: expected histogram, exceedance, compare, tradeoff, tornado or funnel")
            })
    }
}

/// Size, title and context shared by every chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// Output format.
    pub format: Format,
    /// Logical width in pixels (the PNG is twice this).
    pub width: u32,
    /// Logical height in pixels (the PNG is twice this).
    pub height: u32,
    /// Title; `None` builds one that says what is shown and over how many iterations.
    pub title: Option<String>,
    /// Model currency, an ISO 4217 code (`"USD"`): labels and money values use it.
    pub currency: String,
    /// Period of volumes and money (`"month"` → "Fraud loss (USD per month)"); empty for none.
    pub period: String,
    /// Iterations the results come from (shown in the default title); 0 if unknown.
    pub iterations: u64,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            format: Format::Svg,
            width: 1200,
            height: 675,
            title: None,
            currency: "USD".to_string(),
            period: "month".to_string(),
            iterations: 0,
        }
    }
}

impl ChartOptions {
    /// Default options for a format.
    pub fn new(format: Format) -> Self {
        ChartOptions {
            format,
            ..ChartOptions::default()
        }
    }
}

/// A metric's display name and unit, e.g. `("Fraud loss", Money)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MetricInfo {
    /// Display name, sentence case: "Fraud loss", "Legitimate abandonment".
    pub name: String,
    /// Unit of the values.
    pub unit: Unit,
}

impl MetricInfo {
    /// A metric with a name and a unit.
    pub fn new(name: impl Into<String>, unit: Unit) -> Self {
        MetricInfo {
            name: name.into(),
            unit,
        }
    }

    /// Display name and unit of a model total from the journey-model spec (§7), such as
    /// `fraud_loss` or `legit_abandon_rate`; `None` for an unknown id.
    pub fn for_total(id: &str) -> Option<MetricInfo> {
        journeylab_engine::vocab::total_metric(id).map(|m| MetricInfo::new(m.label, m.unit))
    }
}

/// One named sample of a metric across iterations (one value per iteration; NaN = absent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NamedSample<'a> {
    /// Series label, usually the scenario name.
    pub label: &'a str,
    /// One value per iteration; non-finite values are skipped and counted in a note.
    pub values: &'a [f64],
}

/// A scenario's summaries of the headline metrics (or, for deltas, of the paired
/// per-iteration differences against the baseline).
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioSummary {
    /// Scenario id; deltas are matched to scenarios by it.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Headline metrics in display order.
    pub metrics: Vec<(MetricInfo, Summary)>,
}

/// One option on a tradeoff chart, such as one threshold setting.
#[derive(Debug, Clone, PartialEq)]
pub struct TradeoffPoint {
    /// Label drawn next to the point.
    pub label: String,
    /// Value on the x metric (usually the legitimate-friction measure, lower is better).
    pub x: f64,
    /// Value on the y metric (usually fraud loss or attack success, lower is better).
    pub y: f64,
    /// Optional lower end of an interval on x (e.g. P5).
    pub x_lo: Option<f64>,
    /// Optional upper end of an interval on x (e.g. P95).
    pub x_hi: Option<f64>,
    /// Optional lower end of an interval on y.
    pub y_lo: Option<f64>,
    /// Optional upper end of an interval on y.
    pub y_hi: Option<f64>,
}

impl TradeoffPoint {
    /// A point with no intervals.
    pub fn new(label: impl Into<String>, x: f64, y: f64) -> Self {
        TradeoffPoint {
            label: label.into(),
            x,
            y,
            x_lo: None,
            x_hi: None,
            y_lo: None,
            y_hi: None,
        }
    }
}

/// One input's effect on the output for a tornado chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    /// The input, e.g. "SMS OTP pass rate (legitimate)".
    pub input_label: String,
    /// Output value with the input at its low setting.
    pub low_value: f64,
    /// Output value with the input at its high setting.
    pub high_value: f64,
    /// Optional text for the low setting, e.g. "90%".
    pub low_setting: Option<String>,
    /// Optional text for the high setting, e.g. "99%".
    pub high_setting: Option<String>,
}

impl TornadoBar {
    /// A bar with no setting texts.
    pub fn new(input_label: impl Into<String>, low_value: f64, high_value: f64) -> Self {
        TornadoBar {
            input_label: input_label.into(),
            low_value,
            high_value,
            low_setting: None,
            high_setting: None,
        }
    }
}

/// How many entrants (usually the mean over iterations) end at one outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeCount {
    /// Outcome id (shown in the legend and on the bar).
    pub outcome_id: String,
    /// Its class, which picks the colour family.
    pub class: OutcomeClass,
    /// Number of entrants ending there.
    pub count: f64,
}

/// One population's flow through a journey.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelRow {
    /// Population label, e.g. "Customers".
    pub population: String,
    /// Entrants (usually the mean over iterations).
    pub entrants: f64,
    /// Where the entrants end, in display order within each class.
    pub outcomes: Vec<OutcomeCount>,
}
