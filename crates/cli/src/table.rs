//! Readable text of a result document (spec §7), fresh or stored: labels from the
//! engine's metric catalogue, numbers by the engine's formatting policy, so a value reads
//! here as it does on the app's dashboard and in the charts.

use std::fmt::Write;

use journeylab_engine::format::{delta, percent, thousands, value};
use journeylab_engine::result::ResultDoc;
use journeylab_engine::vocab::{guardrail_metric, total_metric, TOTAL_METRICS};

/// Renders a result document. `repeat` is the model path for the "repeat with" line.
pub fn render(doc: &ResultDoc, repeat: Option<&str>) -> String {
    let cur = doc.currency.as_str();
    let (mode, iterations, seed) = (&doc.mode, doc.iterations, doc.seed);
    let mut t = String::new();
    let _ = writeln!(t, "Journey Lab — {}", doc.model);
    if let Some(id) = doc.run_id {
        let _ = writeln!(t, "run {id} (stored in the local database)");
    }
    let _ = writeln!(
        t,
        "{mode} mode, {} iterations, seed {seed}; amounts in {cur} per {}",
        thousands(iterations as f64, 0),
        doc.period
    );
    if let Some(path) = repeat {
        let _ = writeln!(t, "repeat with: journeylab run {path} --iterations {iterations} --seed {seed} --mode {mode}");
    }
    // A run that stopped on precision says, per target, whether it got there.
    for p in &doc.precision {
        let label = total_metric(&p.metric).map_or(p.metric.as_str(), |m| m.label);
        let reached = p.achieved.map_or("no value to measure".to_string(), |a| {
            format!("reached ±{}", percent(a, 2))
        });
        let _ = writeln!(
            t,
            "precision: {label} ±{} of the mean (95 %) {} — {reached}",
            percent(p.relative, 2),
            if p.met {
                "MET"
            } else {
                "NOT MET at the maximum iterations"
            }
        );
    }
    for s in &doc.scenarios {
        let is_base = s.id == "baseline";
        let _ = writeln!(t);
        let _ = writeln!(
            t,
            "{}",
            if is_base {
                "Baseline".to_string()
            } else {
                format!("Scenario `{}` — {}", s.id, s.name)
            }
        );
        let _ = writeln!(
            t,
            "  {:<32} {:>18} {:>36}{}",
            "metric",
            "mean",
            "90% range (P5 – P95)",
            if is_base {
                ""
            } else {
                "   Δ vs baseline: mean (P5 – P95)"
            }
        );
        // Every model total, in the catalogue's order.
        for info in &TOTAL_METRICS {
            let (metric, label, unit) = (info.id, info.label, info.unit);
            let Some(sum) = s.total(metric) else {
                let _ = writeln!(t, "  {label:<32} {:>18}", "n/a (no entrants)");
                continue;
            };
            let range = format!(
                "{} – {}",
                value(sum.p5, unit, cur),
                value(sum.p95, unit, cur)
            );
            let mut line = format!(
                "  {label:<32} {:>18} {range:>36}",
                value(sum.mean, unit, cur)
            );
            if let Some(d) = s.delta(metric) {
                let _ = write!(
                    line,
                    "   {} ({} – {})",
                    delta(d.mean, unit, cur),
                    delta(d.p5, unit, cur),
                    delta(d.p95, unit, cur)
                );
            }
            let _ = writeln!(t, "{line}");
        }
        if !s.guardrails.is_empty() {
            let _ = writeln!(t, "  Guardrails:");
        }
        for g in &s.guardrails {
            // A guardrail of a model total has no scope; its metric is in the catalogue.
            let unit = guardrail_metric(&g.metric, total_metric(&g.metric).is_none()).unit;
            let metric = g.metric.as_str();
            let limit = match (g.min, g.max) {
                (Some(lo), Some(hi)) => format!(
                    "{} ≤ {metric} ≤ {}",
                    value(lo, unit, cur),
                    value(hi, unit, cur)
                ),
                (Some(lo), None) => format!("{metric} ≥ {}", value(lo, unit, cur)),
                (None, Some(hi)) => format!("{metric} ≤ {}", value(hi, unit, cur)),
                (None, None) => metric.to_string(),
            };
            let p = g.probability_met.map_or("n/a".into(), |p| percent(p, 1));
            let _ = writeln!(
                t,
                "    [{}] {:<24} {:<20} {limit}: held in {p} of iterations (needs {})",
                if g.met { " met " } else { "NOT met" },
                g.id,
                format!("({})", g.owner),
                percent(g.confidence, 0)
            );
        }
    }
    let _ = writeln!(t);
    let _ = writeln!(t, "Ranges are across iterations (parameter uncertainty plus chance); Δ are paired per iteration.");
    t
}
