//! The default, readable output of `journeylab run`.

use std::fmt::Write;
use std::path::Path;

use journeylab_engine::metrics::{summarize, TOTAL_METRICS};
use journeylab_engine::run::{guardrails, paired_delta};
use journeylab_engine::RunOutput;

use crate::format::{delta, thousands, unit_of, value};

/// Headline metrics shown in the table (all totals are in the JSON).
const HEADLINE: [(&str, &str); 13] = [
    ("legit_success_rate", "Legitimate success rate"),
    ("legit_abandon_rate", "Legitimate abandonment"),
    ("false_reject_rate", "False rejects (legit blocked)"),
    ("attack_stopped_rate", "Attacks stopped"),
    ("attack_success", "Successful attacks"),
    ("fraud_loss", "Fraud loss"),
    ("support_contacts", "Support contacts"),
    ("support_cost", "Support cost"),
    ("control_cost", "Control cost"),
    ("customer_hours", "Customer time (legit)"),
    ("value", "Value of completed journeys"),
    ("net_value", "Net value"),
    ("legit_entrants", "Legitimate entrants"),
];

/// Renders the run as text.
pub fn render(out: &RunOutput, model_path: &Path) -> String {
    let s = &out.settings;
    let cur = out.currency.as_str();
    let mut t = String::new();
    let _ = writeln!(t, "Journey Lab — {}", out.model);
    let _ = writeln!(
        t,
        "{} mode, {} iterations, seed {}; amounts in {cur} per {}",
        s.mode.as_str(),
        thousands(s.iterations as f64, 0),
        s.seed,
        out.period
    );
    let _ = writeln!(
        t,
        "repeat with: journeylab run {} --iterations {} --seed {} --mode {}",
        model_path.display(),
        s.iterations,
        s.seed,
        s.mode.as_str()
    );
    let baseline = &out.scenarios[0];
    for run in &out.scenarios {
        let _ = writeln!(t);
        let title = if run.id == "baseline" {
            "Baseline".to_string()
        } else {
            format!("Scenario `{}` — {}", run.id, run.name)
        };
        let _ = writeln!(t, "{title}");
        let is_base = run.id == baseline.id;
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
        for (metric, label) in HEADLINE {
            let Some(m) = TOTAL_METRICS.iter().position(|x| *x == metric) else {
                continue;
            };
            let unit = unit_of(metric);
            let Some(sum) = summarize(run.totals[m].iter().copied()) else {
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
            if !is_base {
                if let Some(d) = summarize(paired_delta(&run.totals[m], &baseline.totals[m])) {
                    let _ = write!(
                        line,
                        "   {} ({} – {})",
                        delta(d.mean, unit, cur),
                        delta(d.p5, unit, cur),
                        delta(d.p95, unit, cur)
                    );
                }
            }
            let _ = writeln!(t, "{line}");
        }
        let results = guardrails(run);
        if !results.is_empty() {
            let _ = writeln!(t, "  Guardrails:");
            for g in results {
                let unit = unit_of(&g.metric);
                let limit = match (g.min, g.max) {
                    (Some(lo), Some(hi)) => format!(
                        "{} ≤ {} ≤ {}",
                        value(lo, unit, cur),
                        g.metric,
                        value(hi, unit, cur)
                    ),
                    (Some(lo), None) => format!("{} ≥ {}", g.metric, value(lo, unit, cur)),
                    (None, Some(hi)) => format!("{} ≤ {}", g.metric, value(hi, unit, cur)),
                    (None, None) => g.metric.clone(),
                };
                let p = g
                    .probability_met
                    .map_or("n/a".into(), |p| format!("{:.1} %", p * 100.0));
                let _ = writeln!(
                    t,
                    "    [{}] {:<24} {:<14} {limit}: held in {p} of iterations (needs {:.0} %)",
                    if g.met { " met " } else { "NOT met" },
                    g.id,
                    format!("({})", g.owner),
                    g.confidence * 100.0
                );
            }
        }
    }
    let _ = writeln!(t);
    let _ = writeln!(t, "Ranges are across iterations (parameter uncertainty plus chance); Δ are paired per iteration.");
    t
}
