//! The workshop summary: one self-contained HTML file (inline CSS, no script, no network)
//! that a facilitator sends after the room: the agenda with the time each item took,
//! what was shown (the numbers, with their seeds and runs), the judgements collected,
//! the decisions taken with names and times, and the parking lot. Each decision item's
//! pack is written beside it and linked.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use journeylab_engine::evidence::elicit;
use journeylab_store::Store;

use super::{load_workshop, ItemKind, Workshop, WorkshopItem};
use crate::atomic::write_file;
use crate::decisions::pack::esc;
use crate::decisions::{decision_record, export_decision_pack};
use crate::AppError;

const STYLE: &str = r#"
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #111827; margin: 2rem auto; max-width: 60rem; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #1f2937; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.meta { color: #4b5563; font-size: .92rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
th, td { border: 1px solid #d1d5db; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .88em; overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; font-size: 10.5pt; } section { break-inside: avoid; } a { color: inherit; } }
@page { size: A4; margin: 16mm 14mm; }
"#;

/// What an item is, in words: `Compare the scenarios of run 12`.
pub fn item_kind_words(kind: &ItemKind) -> String {
    match kind {
        ItemKind::Journey {
            journey,
            population,
        } => match population {
            Some(p) => format!("Show journey {journey} with the flow of {p}"),
            None => format!("Show journey {journey}"),
        },
        ItemKind::Compare { run_id: Some(r) } => format!("Compare the scenarios of run {r}"),
        ItemKind::Compare { run_id: None } => "Compare the scenarios of the newest run".into(),
        ItemKind::Thresholds { journey, step } => {
            format!("Explore the thresholds of risk gate {journey}/{step}")
        }
        ItemKind::Elicit { path, .. } => format!("Elicit {path} from the room"),
        ItemKind::Decision { scenario } => format!("Decide on scenario {scenario}"),
        ItemKind::Notes { .. } => "Notes".into(),
    }
}

fn minutes(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The summary of `w` as HTML; `packs` are the decision packs written for its decision
/// items (scenario, file name relative to the summary).
pub fn workshop_summary(
    store: &Store,
    w: &Workshop,
    packs: &[(String, String)],
) -> Result<String, AppError> {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Workshop summary — {name}</title><style>{STYLE}</style></head><body>\n<h1>{name}</h1>\n<p class=\"meta\">Model <code>{model}</code> ({path}) · started {started} · ended {ended}</p>\n",
        name = esc(&w.name),
        model = esc(&w.model_key),
        path = esc(&w.model_path),
        started = esc(w.started_at.as_deref().unwrap_or("not started")),
        ended = esc(w.ended_at.as_deref().unwrap_or("not ended")),
    );
    h.push_str("<h2>Agenda</h2>\n<table><thead><tr><th>#</th><th>Item</th><th>What</th><th>Time box</th><th>Time taken</th></tr></thead><tbody>\n");
    for (i, item) in w.items.iter().enumerate() {
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td><a href=\"#item-{}\">{}</a></td><td>{}</td><td class=\"num\">{} min</td><td class=\"num\">{}</td></tr>",
            i + 1,
            i + 1,
            esc(&item.title),
            esc(&item_kind_words(&item.what)),
            item.minutes,
            minutes(item.elapsed_seconds)
        );
    }
    h.push_str("</tbody></table>\n");
    for (i, item) in w.items.iter().enumerate() {
        item_section(&mut h, store, w, i, item, packs)?;
    }
    h.push_str("<h2>Parking lot</h2>\n");
    let parked: Vec<_> = w
        .items
        .iter()
        .flat_map(|item| item.parking.iter().map(move |p| (item, p)))
        .collect();
    if parked.is_empty() {
        h.push_str("<p class=\"meta\">Nothing was parked.</p>\n");
    } else {
        h.push_str("<ul>\n");
        for (item, p) in parked {
            let _ = writeln!(
                h,
                "<li>{} <span class=\"meta\">({}, {})</span></li>",
                esc(&p.text),
                esc(&item.title),
                esc(&p.at)
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body></html>\n");
    Ok(h)
}

fn item_section(
    h: &mut String,
    store: &Store,
    w: &Workshop,
    i: usize,
    item: &WorkshopItem,
    packs: &[(String, String)],
) -> Result<(), AppError> {
    let _ = writeln!(
        h,
        "<section id=\"item-{n}\"><h2>{n}. {title}</h2>\n<p class=\"meta\">{what} · time box {box_} min · taken {taken}</p>",
        n = i + 1,
        title = esc(&item.title),
        what = esc(&item_kind_words(&item.what)),
        box_ = item.minutes,
        taken = minutes(item.elapsed_seconds),
    );
    if let ItemKind::Notes { text } = &item.what {
        let _ = writeln!(h, "<p>{}</p>", esc(text));
    }
    if !item.shown.is_empty() {
        h.push_str("<h3>What the room saw</h3>\n<ul>\n");
        for s in &item.shown {
            let _ = writeln!(
                h,
                "<li>{} <span class=\"meta\">({})</span></li>",
                esc(&s.text),
                esc(&s.at)
            );
        }
        h.push_str("</ul>\n");
    }
    if let ItemKind::Elicit { path, family } = &item.what {
        judgements(h, item, path, *family);
    }
    if let ItemKind::Decision { scenario } = &item.what {
        decision(h, store, w, scenario, packs)?;
    }
    if !item.notes.trim().is_empty() {
        let _ = writeln!(
            h,
            "<h3>Facilitator's notes</h3>\n<p>{}</p>",
            esc(&item.notes)
        );
    }
    h.push_str("</section>\n");
    Ok(())
}

fn judgements(
    h: &mut String,
    item: &WorkshopItem,
    path: &str,
    family: journeylab_engine::evidence::Family,
) {
    let _ = writeln!(
        h,
        "<h3>Judgements collected for <code>{}</code></h3>",
        esc(path)
    );
    if item.judgements.is_empty() {
        h.push_str("<p class=\"meta\">None.</p>\n");
        return;
    }
    let mut ps: Vec<&String> = item
        .judgements
        .iter()
        .flat_map(|j| j.quantiles.keys())
        .collect();
    ps.sort_by(|a, b| {
        a.parse::<f64>()
            .unwrap_or(0.0)
            .total_cmp(&b.parse::<f64>().unwrap_or(0.0))
    });
    ps.dedup();
    h.push_str("<table><thead><tr><th>Expert</th>");
    for p in &ps {
        let _ = write!(h, "<th>P{}</th>", esc(&percent_label(p)));
    }
    h.push_str("<th>Rationale</th></tr></thead><tbody>\n");
    for j in &item.judgements {
        let _ = write!(h, "<tr><td>{}</td>", esc(&j.expert));
        for p in &ps {
            let v = j
                .quantiles
                .get(*p)
                .map(|v| v.to_string())
                .unwrap_or_default();
            let _ = write!(h, "<td class=\"num\">{}</td>", esc(&v));
        }
        let _ = writeln!(
            h,
            "<td>{}</td></tr>",
            esc(j.rationale.as_deref().unwrap_or(""))
        );
    }
    h.push_str("</tbody></table>\n");
    let _ = writeln!(
        h,
        "<p>{}</p>",
        if item.revealed {
            "The answers were revealed to the room."
        } else {
            "The answers were not revealed to the room."
        }
    );
    match elicit(&item.judgements, family) {
        Ok(e) => {
            let _ = writeln!(
                h,
                "<p>Equal-weight pool fitted as <code>{}</code> (worst quantile error {:.2} %).</p>",
                esc(&e.pool.quantity.to_string()),
                e.pool.fit_error * 100.0
            );
        }
        Err(err) => {
            let _ = writeln!(
                h,
                "<p class=\"meta\">No pooled fit: {}</p>",
                esc(&err.to_string())
            );
        }
    }
}

/// `0.05` → `5`.
fn percent_label(p: &str) -> String {
    p.parse::<f64>()
        .map(|x| format!("{}", (x * 1000.0).round() / 10.0))
        .unwrap_or_else(|_| p.to_string())
}

fn decision(
    h: &mut String,
    store: &Store,
    w: &Workshop,
    scenario: &str,
    packs: &[(String, String)],
) -> Result<(), AppError> {
    let r = decision_record(store, &w.model_key, scenario)?;
    let _ = writeln!(
        h,
        "<h3>Decision on {} — {}</h3>",
        esc(&r.scenario_name),
        esc(r.status.as_str())
    );
    if let Some((_, file)) = packs.iter().find(|(s, _)| s == scenario) {
        let _ = writeln!(
            h,
            "<p>Decision pack: <a href=\"{f}\">{f}</a></p>",
            f = esc(file)
        );
    }
    if r.words.is_empty() {
        h.push_str("<p class=\"meta\">Nothing recorded.</p>\n");
        return Ok(());
    }
    h.push_str("<table><thead><tr><th>When</th><th>Who</th><th>Team</th><th>Said</th><th>Rationale</th></tr></thead><tbody>\n");
    for e in &r.words {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.at),
            esc(&e.name),
            esc(e.detail.team.as_deref().unwrap_or("—")),
            esc(e.word.as_str()),
            esc(&e.detail.rationale)
        );
    }
    h.push_str("</tbody></table>\n");
    Ok(())
}

/// Writes the summary of workshop `id` to `path` (and each decision item's pack beside
/// it, `<stem>-decision-<scenario>.html`); returns every file written, the summary first.
pub fn export_workshop_summary(
    store: &Store,
    id: i64,
    path: &Path,
) -> Result<Vec<PathBuf>, AppError> {
    let w = load_workshop(store, id)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workshop".into());
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut written = vec![path.to_path_buf()];
    let mut packs = Vec::new();
    for item in &w.items {
        if let ItemKind::Decision { scenario } = &item.what {
            if packs.iter().any(|(s, _)| s == scenario) {
                continue;
            }
            let file = format!(
                "{stem}-decision-{}.html",
                journeylab_store::slugify(scenario)
            );
            export_decision_pack(store, &w.model_key, scenario, &dir.join(&file))?;
            written.push(dir.join(&file));
            packs.push((scenario.clone(), file));
        }
    }
    let html = workshop_summary(store, &w, &packs)?;
    write_file(path, html.as_bytes())?;
    Ok(written)
}
