//! Exports of a stored run: the result document (JSON), its summaries (CSV — the one
//! CSV layout, shared with `journeylab runs show --format csv`) or the scenario
//! comparison chart (PNG, SVG). Files are written whole or not at all.

use std::path::Path;

use journeylab_charts::{ChartKind, Format};
use journeylab_engine::result::ResultDoc;
use journeylab_store::Store;
use serde::Deserialize;
use ts_rs::TS;

use crate::atomic::write_file;
use crate::stored_run::result_doc;
use crate::{render_run_chart, AppError, ChartRequest};

/// What to export a run as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// The whole result document (spec §7).
    Json,
    /// One row per scenario × model total with its summary and paired change.
    Csv,
    /// The comparison chart as PNG.
    Png,
    /// The comparison chart as SVG.
    Svg,
}

impl ExportFormat {
    /// `json`, `csv`, `png` or `svg`.
    pub fn parse(text: &str) -> Result<ExportFormat, AppError> {
        match text.to_ascii_lowercase().as_str() {
            "json" => Ok(ExportFormat::Json),
            "csv" => Ok(ExportFormat::Csv),
            "png" => Ok(ExportFormat::Png),
            "svg" => Ok(ExportFormat::Svg),
            other => Err(AppError::Run {
                message: format!("unknown export format `{other}` (use json, csv, png or svg)"),
            }),
        }
    }
}

/// The CSV of a result document: one row per scenario × model total,
/// `scenario,metric,mean,sd,se,p5,p50,p95,min,max,delta_mean,delta_p5,delta_p95`
/// (the paired change against the baseline empty for the baseline). Numbers are written
/// in full precision, as a spreadsheet should read them; absent values are empty.
pub fn result_csv(doc: &ResultDoc) -> String {
    let mut out = String::from(
        "scenario,metric,mean,sd,se,p5,p50,p95,min,max,delta_mean,delta_p5,delta_p95\n",
    );
    let num = |x: Option<f64>| match x {
        Some(x) if x.is_finite() => x.to_string(),
        _ => String::new(),
    };
    for s in &doc.scenarios {
        for (metric, x) in &s.totals {
            let d = s.delta(metric);
            let cells = [
                Some(x.mean),
                Some(x.sd),
                Some(x.se),
                Some(x.p5),
                Some(x.p50),
                Some(x.p95),
                Some(x.min),
                Some(x.max),
                d.map(|d| d.mean),
                d.map(|d| d.p5),
                d.map(|d| d.p95),
            ]
            .map(num);
            out.push_str(&format!("{},{metric},{}\n", s.id, cells.join(",")));
        }
    }
    out
}

/// Writes run `run_id` to `path` as `format` (charts: the scenario comparison).
pub fn export_run(
    store: &Store,
    run_id: i64,
    format: ExportFormat,
    path: &Path,
) -> Result<(), AppError> {
    let (_, doc) = result_doc(store, run_id)?;
    let bytes: Vec<u8> = match format {
        ExportFormat::Json => doc.to_pretty_json().into_bytes(),
        ExportFormat::Csv => result_csv(&doc).into_bytes(),
        ExportFormat::Png | ExportFormat::Svg => render_run_chart(
            store,
            run_id,
            &ChartRequest {
                kind: ChartKind::Compare,
                metric: None,
                x_metric: None,
                scenarios: Vec::new(),
                journey: None,
                log_scale: false,
                format: if format == ExportFormat::Png {
                    Format::Png
                } else {
                    Format::Svg
                },
                width: 900,
                height: 500,
            },
        )?,
    };
    write_file(path, &bytes)
}
