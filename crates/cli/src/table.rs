//! Readable text of a result document (spec §7), fresh or stored.

use std::fmt::Write;

use serde_json::Value;

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

fn num(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

/// Renders a result document. `repeat` is the model path for the "repeat with" line.
pub fn render(doc: &Value, repeat: Option<&str>) -> String {
    let cur = doc["currency"].as_str().unwrap_or("USD");
    let mode = doc["mode"].as_str().unwrap_or("?");
    let iterations = doc["iterations"].as_u64().unwrap_or(0);
    let seed = &doc["seed"];
    let mut t = String::new();
    let _ = writeln!(t, "Journey Lab — {}", doc["model"].as_str().unwrap_or("?"));
    if let Some(id) = doc.get("run_id").and_then(Value::as_i64) {
        let _ = writeln!(t, "run {id} (stored in the local database)");
    }
    let _ = writeln!(
        t,
        "{mode} mode, {} iterations, seed {seed}; amounts in {cur} per {}",
        thousands(iterations as f64, 0),
        doc["period"].as_str().unwrap_or("period")
    );
    if let Some(path) = repeat {
        let _ = writeln!(t, "repeat with: journeylab run {path} --iterations {iterations} --seed {seed} --mode {mode}");
    }
    for s in doc["scenarios"].as_array().into_iter().flatten() {
        let id = s["id"].as_str().unwrap_or("?");
        let is_base = id == "baseline";
        let _ = writeln!(t);
        let _ = writeln!(
            t,
            "{}",
            if is_base {
                "Baseline".to_string()
            } else {
                format!("Scenario `{id}` — {}", s["name"].as_str().unwrap_or(id))
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
        for (metric, label) in HEADLINE {
            let unit = unit_of(metric);
            let sum = &s["totals"][metric];
            let (Some(mean), Some(p5), Some(p95)) =
                (num(sum, "mean"), num(sum, "p5"), num(sum, "p95"))
            else {
                let _ = writeln!(t, "  {label:<32} {:>18}", "n/a (no entrants)");
                continue;
            };
            let range = format!("{} – {}", value(p5, unit, cur), value(p95, unit, cur));
            let mut line = format!("  {label:<32} {:>18} {range:>36}", value(mean, unit, cur));
            let d = &s["delta_vs_baseline"][metric];
            if let (Some(m), Some(lo), Some(hi)) = (num(d, "mean"), num(d, "p5"), num(d, "p95")) {
                let _ = write!(
                    line,
                    "   {} ({} – {})",
                    delta(m, unit, cur),
                    delta(lo, unit, cur),
                    delta(hi, unit, cur)
                );
            }
            let _ = writeln!(t, "{line}");
        }
        let guardrails = s["guardrails"].as_array().cloned().unwrap_or_default();
        if !guardrails.is_empty() {
            let _ = writeln!(t, "  Guardrails:");
        }
        for g in guardrails {
            let metric = g["metric"].as_str().unwrap_or("?");
            let unit = unit_of(metric);
            let limit = match (num(&g, "min"), num(&g, "max")) {
                (Some(lo), Some(hi)) => format!(
                    "{} ≤ {metric} ≤ {}",
                    value(lo, unit, cur),
                    value(hi, unit, cur)
                ),
                (Some(lo), None) => format!("{metric} ≥ {}", value(lo, unit, cur)),
                (None, Some(hi)) => format!("{metric} ≤ {}", value(hi, unit, cur)),
                (None, None) => metric.to_string(),
            };
            let p =
                num(&g, "probability_met").map_or("n/a".into(), |p| format!("{:.1} %", p * 100.0));
            let _ = writeln!(
                t,
                "    [{}] {:<24} {:<20} {limit}: held in {p} of iterations (needs {:.0} %)",
                if g["met"].as_bool() == Some(true) {
                    " met "
                } else {
                    "NOT met"
                },
                g["id"].as_str().unwrap_or("?"),
                format!("({})", g["owner"].as_str().unwrap_or("?")),
                num(&g, "confidence").unwrap_or(0.9) * 100.0
            );
        }
    }
    let _ = writeln!(t);
    let _ = writeln!(t, "Ranges are across iterations (parameter uncertainty plus chance); Δ are paired per iteration.");
    t
}

/// CSV of every total of every scenario: one row per scenario × metric.
pub fn csv(doc: &Value) -> String {
    let mut t = String::from(
        "scenario,metric,mean,sd,se,p5,p50,p95,min,max,delta_mean,delta_p5,delta_p95\n",
    );
    for s in doc["scenarios"].as_array().into_iter().flatten() {
        for (metric, sum) in s["totals"].as_object().into_iter().flatten() {
            let f = |v: &Value, k: &str| num(v, k).map_or(String::new(), |x| x.to_string());
            let d = &s["delta_vs_baseline"][metric];
            let _ = writeln!(
                t,
                "{},{metric},{},{},{},{},{},{},{},{},{},{},{}",
                s["id"].as_str().unwrap_or(""),
                f(sum, "mean"),
                f(sum, "sd"),
                f(sum, "se"),
                f(sum, "p5"),
                f(sum, "p50"),
                f(sum, "p95"),
                f(sum, "min"),
                f(sum, "max"),
                f(d, "mean"),
                f(d, "p5"),
                f(d, "p95")
            );
        }
    }
    t
}
