//! The decision pack (spec §10): one self-contained HTML file per scenario — inline CSS
//! and SVG, no script, no network — that an auditor can read, or print to PDF, to tell
//! who decided what, on which numbers, and how to reproduce them.

use std::fmt::Write as _;
use std::path::Path;

use journeylab_charts::{ChartKind, Format};
use journeylab_engine::format::{delta, percent, share, thousands, value};
use journeylab_engine::routes::{FindingSeverity, RouteReport};
use journeylab_engine::vocab::{guardrail_metric, total_metric};
use journeylab_store::{Store, Word};

use super::record::{decision_record, DecisionRecordView};
use crate::atomic::write_file;
use crate::{render_run_chart, run_dashboard, run_routes, AppError, ChartRequest};

/// Text made safe inside HTML.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #111827; margin: 2rem auto; max-width: 60rem; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h3 { font-size: 1rem; margin-top: 1.2rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #1f2937; padding-bottom: .2rem; margin-top: 2rem; }
.meta { color: #4b5563; font-size: .92rem; }
.status { display: inline-block; padding: .1rem .6rem; border: 2px solid #1f2937; border-radius: .3rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
th, td { border: 1px solid #d1d5db; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
table { table-layout: fixed; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num small { display: block; color: #4b5563; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .88em; white-space: pre-wrap; overflow-wrap: anywhere; }
.chart svg { width: 100%; height: auto; }
.note { color: #4b5563; font-size: .9rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  section, table, .chart { break-inside: avoid; }
  .chart { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 16mm 14mm; }
"#;

/// An inline SVG chart: the namespace attribute (a name, not a resource, but it reads as
/// a URL to a checker looking for network references) is dropped — HTML does not need it.
fn inline_svg(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes)
        .replace(" xmlns=\"http://www.w3.org/2000/svg\"", "")
        .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "")
}

/// The decision pack of `scenario` of model `model_key`, as HTML text. A record without
/// a request (a draft) has no run to show: the pack says so and lists the changes.
pub fn decision_pack(store: &Store, model_key: &str, scenario: &str) -> Result<String, AppError> {
    let r = decision_record(store, model_key, scenario)?;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Decision pack — {} — {}</title><style>{STYLE}</style></head><body>\n",
        esc(&r.model_name),
        esc(&r.scenario_name)
    );
    header(&mut h, &r);
    changes(&mut h, &r);
    teams(&mut h, &r);
    if let Some(req) = &r.request {
        results(&mut h, store, &r, req.run_id)?;
        guardrails(&mut h, &r);
        charts(&mut h, store, &r, req.run_id)?;
    } else {
        h.push_str("<section><h2>Results</h2><p>No decision has been requested on a run of this scenario yet: there are no numbers to decide on.</p></section>\n");
    }
    match &r.request {
        Some(req) => attack_surface(&mut h, store, &r, req.run_id)?,
        None => h.push_str("<section><h2>Attack-surface findings</h2><p>No run to read the routes from yet.</p></section>\n"),
    }
    words(&mut h, &r);
    acceptance(&mut h, &r);
    reproduce(&mut h, &r);
    h.push_str("</body></html>\n");
    Ok(h)
}

/// Writes the pack of `scenario` of `model_key` to `path` (whole or not at all).
pub fn export_decision_pack(
    store: &Store,
    model_key: &str,
    scenario: &str,
    path: &Path,
) -> Result<(), AppError> {
    let html = decision_pack(store, model_key, scenario)?;
    write_file(path, html.as_bytes())
}

fn header(h: &mut String, r: &DecisionRecordView) {
    let _ = write!(
        h,
        "<header><p class=\"meta\">Journey Lab decision pack · model <code>{}</code></p><h1>{} — {}</h1>\
         <p>Status: <span class=\"status\" data-status=\"{}\">{}</span> · accountable owner: <b>{}</b></p>",
        esc(&r.model_key),
        esc(&r.model_name),
        esc(&r.scenario_name),
        r.status.as_str(),
        esc(&r.status.as_str().replace('_', " ")),
        esc(if r.accountable.is_empty() { "(none named)" } else { &r.accountable })
    );
    if let Some(q) = &r.request {
        let _ = write!(
            h,
            "<p class=\"meta\">Decided on run {} of model version {} ({}), requested by {} at {}{}.</p>",
            q.run_id,
            q.model_version,
            esc(&q.content_hash),
            esc(&q.requested_by),
            esc(&q.at),
            if q.note.is_empty() {
                String::new()
            } else {
                format!(": “{}”", esc(&q.note))
            }
        );
        if r.newest_version != Some(q.model_version) {
            let _ = write!(
                h,
                "<p><b>Stale:</b> the model's newest version is {}; this decision is about version {}. Re-run the model and request a new decision.</p>",
                r.newest_version.map_or("unknown".to_string(), |v| v.to_string()),
                q.model_version
            );
        }
    }
    h.push_str("</header>\n");
}

fn changes(h: &mut String, r: &DecisionRecordView) {
    h.push_str("<section><h2>What changes</h2><table><thead><tr><th>Path</th><th>Before</th><th>After</th></tr></thead><tbody>");
    for c in &r.changes {
        let _ = write!(
            h,
            "<tr><td><code>{}</code></td><td><code>{}</code></td><td><code>{}</code></td></tr>",
            esc(&c.path),
            esc(c.before.as_deref().unwrap_or("(not set)")),
            esc(&c.after)
        );
    }
    let _ = writeln!(
        h,
        "</tbody></table><p>Decision areas touched: {}.</p></section>",
        if r.areas.is_empty() {
            "none".to_string()
        } else {
            r.areas
                .iter()
                .map(|a| format!("<code>{}</code>", esc(a)))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
}

fn teams(h: &mut String, r: &DecisionRecordView) {
    h.push_str("<section><h2>Who must sign off</h2><table><thead><tr><th>Team</th><th>Role</th><th>Members</th><th>Latest word</th></tr></thead><tbody>");
    for t in &r.required {
        let latest = match (&t.latest, &t.latest_by, &t.latest_at) {
            (Some(w), Some(by), Some(at)) => {
                format!("{} by {} at {}", w.as_str(), esc(by), esc(at))
            }
            _ => "none yet".to_string(),
        };
        let _ = write!(
            h,
            "<tr data-team=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{latest}</td></tr>",
            esc(&t.id),
            esc(&t.name),
            if t.role == "veto" {
                "holds a veto"
            } else {
                "decides"
            },
            esc(&t.members.join(", "))
        );
    }
    h.push_str("</tbody></table></section>\n");
}

fn results(
    h: &mut String,
    store: &Store,
    r: &DecisionRecordView,
    run_id: i64,
) -> Result<(), AppError> {
    let dash = run_dashboard(store, run_id)?;
    let cur = dash.currency.as_str();
    let base = dash.scenarios.iter().find(|s| s.id == "baseline");
    let this = dash.scenarios.iter().find(|s| s.id == r.scenario);
    let _ = write!(
        h,
        "<section><h2>Results ({} per {}, {} iterations)</h2>",
        esc(cur),
        esc(&dash.period),
        dash.run.iterations
    );
    if let Some(line) = &r.summary_line {
        let _ = write!(h, "<p><b>In words:</b> {}.</p>", esc(line));
    }
    h.push_str("<table><thead><tr><th>Metric</th><th>Baseline: mean (P5 – P95)</th><th>Scenario: mean (P5 – P95)</th><th>Change, paired: mean (90 % interval)</th></tr></thead><tbody>");
    // One row per paired change of the record (the headline metrics and a few more);
    // means and ranges where the dashboard has a card for the metric.
    let card = |scenario: Option<&crate::ScenarioView>, metric: &str| {
        scenario.and_then(|s| s.cards.iter().find(|c| c.metric == metric).cloned())
    };
    for d in &r.deltas {
        let range = |c: Option<crate::HeadlineCard>| match c {
            Some(c) => format!(
                "{}<small>{} – {}</small>",
                value(c.mean, c.unit, cur),
                value(c.p5, c.unit, cur),
                value(c.p95, c.unit, cur)
            ),
            None => "—".to_string(),
        };
        let _ = write!(
            h,
            "<tr data-metric=\"{}\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}<small>{} – {}{}</small></td></tr>",
            esc(&d.metric),
            esc(total_metric(&d.metric).map_or(d.label.as_str(), |m| m.label)),
            range(card(base, &d.metric)),
            range(card(this, &d.metric)),
            delta(d.mean, d.unit, cur),
            delta(d.p5, d.unit, cur),
            delta(d.p95, d.unit, cur),
            if d.clear { " · clear" } else { "" }
        );
    }
    h.push_str("</tbody></table><p class=\"note\">Ranges are across iterations (parameter uncertainty and chance). Changes are paired per iteration (common random numbers); “clear” means the 90 % interval excludes 0.</p></section>\n");
    Ok(())
}

fn guardrails(h: &mut String, r: &DecisionRecordView) {
    h.push_str("<section><h2>Guardrails by team</h2><table><thead><tr><th>Team</th><th>Guardrail</th><th>Limit</th><th>P(met)</th><th>Needs</th><th>Met</th></tr></thead><tbody>");
    for t in &r.guardrails {
        for g in &t.guardrails {
            let scoped = g.journey.is_some() || g.population.is_some();
            let unit = guardrail_metric(&g.metric, scoped).unit;
            let v = |x: f64| value(x, unit, &r.currency);
            let scope = match (&g.journey, &g.population) {
                (None, None) => String::new(),
                (j, p) => format!(
                    " ({})",
                    [j.as_deref(), p.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let limit = match (g.min, g.max) {
                (Some(lo), Some(hi)) => format!("{} ≤ {}{scope} ≤ {}", v(lo), g.metric, v(hi)),
                (Some(lo), None) => format!("{}{scope} ≥ {}", g.metric, v(lo)),
                (None, Some(hi)) => format!("{}{scope} ≤ {}", g.metric, v(hi)),
                (None, None) => g.metric.clone(),
            };
            let _ = write!(
                h,
                "<tr data-guardrail=\"{}\"><td>{}</td><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                esc(&g.id),
                esc(&t.owner_name),
                esc(&g.id),
                esc(&limit),
                g.probability_met.map_or("n/a".to_string(), |p| percent(p, 1)),
                percent(g.confidence, 0),
                if g.met { "met" } else { "NOT met" }
            );
        }
    }
    h.push_str("</tbody></table></section>\n");
}

fn charts(
    h: &mut String,
    store: &Store,
    r: &DecisionRecordView,
    run_id: i64,
) -> Result<(), AppError> {
    let chart = |kind: ChartKind, metric: Option<&str>| -> Result<String, AppError> {
        render_run_chart(
            store,
            run_id,
            &ChartRequest {
                kind,
                metric: metric.map(str::to_string),
                x_metric: None,
                scenarios: vec!["baseline".into(), r.scenario.clone()],
                journey: None,
                log_scale: false,
                format: Format::Svg,
                width: 900,
                height: 500,
            },
        )
        .map(inline_svg)
    };
    let _ = writeln!(
        h,
        "<section class=\"chart\"><h2>Charts</h2><figure>{}</figure><figure>{}</figure></section>",
        chart(ChartKind::Compare, None)?,
        chart(ChartKind::Histogram, Some("fraud_loss"))?
    );
    Ok(())
}

/// The routes of the decided run's model version and seed (spec §11): the scenario's
/// findings, what it closes and opens against the baseline, each attacker's main route
/// and the access table.
fn attack_surface(
    h: &mut String,
    store: &Store,
    r: &DecisionRecordView,
    run_id: i64,
) -> Result<(), AppError> {
    let v = run_routes(store, run_id, Some(&r.scenario))?;
    let rep = &v.report;
    let _ = writeln!(
        h,
        "<section><h2>Attack-surface findings</h2><p class=\"meta\">Routes of the run's model version with this scenario, expected mode, {} iterations, seed {} (spec §11). A route is a simple path to success; each step's exits depend only on the population (Markov assumption).</p>",
        v.iterations, v.seed
    );
    if rep.findings.is_empty() {
        h.push_str("<p>No finding: every possible route meets its journey's required assurance, no recovery is weaker than what it restores, no sensitive route passes without a control.</p>\n");
    } else {
        h.push_str("<table><thead><tr><th style=\"width:7rem\">Severity</th><th style=\"width:9rem\">Journey</th><th>Finding</th></tr></thead><tbody>\n");
        for f in &rep.findings {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}<br><small>{}</small></td></tr>",
                severity_word(f.severity),
                esc(&journey_name(rep, &f.journey)),
                esc(&capitalised(&f.message)),
                esc(&capitalised(&f.why))
            );
        }
        h.push_str("</tbody></table>\n");
    }
    if r.scenario != "baseline" {
        let fc = &v.finding_changes;
        // Findings first: they are what the decision is about; then routes closed and
        // opened for attackers.
        let lines: Vec<String> = fc
            .resolved
            .iter()
            .map(|f| format!("resolves: {}", f.message))
            .chain(
                fc.introduced
                    .iter()
                    .map(|f| format!("introduces: {}", f.message)),
            )
            .chain(
                v.changes
                    .iter()
                    .filter(|c| c.population_kind == "attacker")
                    .map(|c| c.sentence.clone()),
            )
            .collect();
        h.push_str("<h3>Against the baseline, for attackers</h3>\n");
        if lines.is_empty() {
            h.push_str("<p>No attacker route closes, opens, halves or doubles; no finding is resolved or introduced.</p>\n");
        } else {
            h.push_str("<ul>\n");
            for l in &lines {
                let _ = writeln!(h, "<li>{}</li>", esc(l));
            }
            h.push_str("</ul>\n");
        }
    }
    let attackers: Vec<_> = rep
        .main_routes
        .iter()
        .filter(|m| m.kind == "attacker")
        .collect();
    if !attackers.is_empty() {
        h.push_str("<h3>Each attacker's main route</h3><table><thead><tr><th>Population</th><th>Journey</th><th>Route</th><th style=\"width:6rem\">P</th><th style=\"width:8rem\">Share of their successes</th></tr></thead><tbody>\n");
        for m in attackers {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&population_name(rep, &m.population)),
                esc(&journey_name(rep, &m.journey)),
                esc(&m.label),
                share(m.p),
                share(m.share)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    if !rep.access.is_empty() {
        h.push_str("<h3>Access to the account</h3><table><thead><tr><th>Journey</th><th style=\"width:7rem\">Restores</th><th style=\"width:6rem\">Required</th><th>Weakest route</th><th>Attackers' successes per period</th></tr></thead><tbody>\n");
        for a in &rep.access {
            let weakest = a
                .weakest
                .as_ref()
                .map_or("—".to_string(), |(_, label, aal)| {
                    format!("{label} (AAL{aal})")
                });
            let attackers = a
                .attackers
                .iter()
                .map(|(p, n, _)| format!("{} {}", population_name(rep, p), thousands(*n, 1)))
                .collect::<Vec<_>>()
                .join("; ");
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&a.name),
                esc(&a
                    .restores
                    .as_deref()
                    .map_or("—".to_string(), |j| journey_name(rep, j))),
                a.required_aal
                    .map_or("—".to_string(), |x| format!("AAL{x}")),
                esc(&weakest),
                esc(if attackers.is_empty() {
                    "—"
                } else {
                    &attackers
                })
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</section>\n");
    Ok(())
}

/// A sentence as a table cell starts it: with a capital.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn severity_word(s: FindingSeverity) -> &'static str {
    match s {
        FindingSeverity::High => "High",
        FindingSeverity::Medium => "Medium",
        FindingSeverity::Low => "Low",
    }
}

fn journey_name(rep: &RouteReport, id: &str) -> String {
    rep.journey(id)
        .map_or_else(|| id.to_string(), |j| j.name.clone())
}

fn population_name(rep: &RouteReport, id: &str) -> String {
    rep.journeys
        .iter()
        .flat_map(|j| j.populations.iter())
        .find(|p| p.population == id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

fn words(h: &mut String, r: &DecisionRecordView) {
    h.push_str("<section><h2>The record</h2><table><thead><tr><th>When (UTC)</th><th>Who</th><th>Word</th><th>Team</th><th>Run</th><th>Why</th></tr></thead><tbody>");
    for e in &r.words {
        let _ = write!(
            h,
            "<tr data-word=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            e.word.as_str(),
            esc(&e.at),
            esc(&e.name),
            e.word.as_str(),
            esc(e.detail.team.as_deref().unwrap_or(if matches!(e.word, Word::Accept | Word::Decline) {
                "accountable owner"
            } else {
                ""
            })),
            e.detail.run_id,
            esc(&e.detail.rationale)
        );
    }
    h.push_str("</tbody></table><p class=\"note\">The record is append-only: words are never changed or removed. A new request starts a new round.</p></section>\n");
}

fn acceptance(h: &mut String, r: &DecisionRecordView) {
    h.push_str("<section><h2>Risk acceptance</h2>");
    match &r.risk_acceptance {
        None => h.push_str("<p>None recorded.</p>"),
        Some(a) => {
            let _ = write!(
                h,
                "<table><tbody><tr><th>Residual risk</th><td>{}</td></tr><tr><th>Guardrails knowingly left unmet</th><td>{}</td></tr><tr><th>Void if</th><td>{}</td></tr><tr><th>Expires</th><td>{}</td></tr></tbody></table>",
                esc(&a.residual_risk),
                if a.unmet_guardrails.is_empty() {
                    "none".to_string()
                } else {
                    esc(&a.unmet_guardrails.join(", "))
                },
                if a.voiding_conditions.is_empty() {
                    "(no conditions given)".to_string()
                } else {
                    esc(&a.voiding_conditions)
                },
                esc(a.expires.as_deref().unwrap_or("no expiry"))
            );
        }
    }
    h.push_str("</section>\n");
}

fn reproduce(h: &mut String, r: &DecisionRecordView) {
    h.push_str("<section><h2>How to reproduce</h2>");
    match &r.request {
        None => h.push_str("<p>No run yet.</p>"),
        Some(q) => {
            let _ = write!(
                h,
                "<table><tbody><tr><th>Model version</th><td>{} · <code>{}</code></td></tr><tr><th>Run</th><td>{}</td></tr><tr><th>Seed</th><td><code>{}</code></td></tr><tr><th>Iterations</th><td>{}</td></tr><tr><th>Mode</th><td>{}</td></tr><tr><th>Engine version</th><td>{}</td></tr><tr><th>App version</th><td>{}</td></tr></tbody></table>",
                q.model_version,
                esc(&q.content_hash),
                q.run_id,
                q.seed,
                q.iterations,
                esc(&q.mode),
                esc(&q.engine_version),
                env!("CARGO_PKG_VERSION")
            );
            if let Some(cmd) = &r.reproduce {
                let _ = write!(
                    h,
                    "<p>The same model version, seed, iterations and mode give bit-identical results on any machine:</p><pre><code>{}</code></pre>",
                    esc(cmd)
                );
            }
        }
    }
    h.push_str("</section>\n");
}
