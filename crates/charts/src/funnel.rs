//! Funnel / flow chart: per population, where a journey's entrants end.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::RGBAColor;

use crate::render::{
    self, de, ellipsize, footer, header, legend_flow, message, Ctx, Draw, INK, MUTED,
};
use crate::{format, palette, ChartError, ChartOptions, FunnelRow, OutcomeClass};

/// Draws, for each population of `journey`, a horizontal bar of 100% of its entrants split
/// by the outcome they end at, coloured by outcome class: greens for success, oranges for
/// abandoned, vermillion/purples for blocked (shades tell outcomes of one class apart; an
/// outcome id keeps its colour across populations). Each row is labelled with its number of
/// entrants; segments wide enough carry their share and count. Entrants not accounted for
/// by any outcome show as a grey segment and are noted.
pub fn funnel(
    journey: &str,
    flows: &[FunnelRow],
    opts: &ChartOptions,
) -> Result<Vec<u8>, ChartError> {
    render::render(&Funnel { journey, flows }, opts)
}

struct Funnel<'a> {
    journey: &'a str,
    flows: &'a [FunnelRow],
}

/// Colour families per class: shades for the 1st, 2nd, … outcome of the class.
fn class_color(class: OutcomeClass, k: usize) -> RGBColor {
    let shades = [0.0, 0.38, -0.3, 0.6, 0.18];
    let base = match class {
        OutcomeClass::Success => palette::GREEN,
        OutcomeClass::Abandoned => palette::ORANGE,
        OutcomeClass::Blocked => {
            if k % 2 == 0 {
                palette::VERMILLION
            } else {
                palette::PURPLE
            }
        }
    };
    let k = if class == OutcomeClass::Blocked {
        k / 2
    } else {
        k
    };
    let s = shades[k % shades.len()];
    if s >= 0.0 {
        render::lighten(base, s)
    } else {
        render::darken(base, -s)
    }
}

/// Relative luminance (0–1) for choosing black or white text on a segment.
fn luminance(c: RGBColor) -> f64 {
    let f = |v: u8| {
        let v = v as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

const UNACCOUNTED: RGBColor = RGBColor(0xBB, 0xBB, 0xBB);

impl Draw for Funnel<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cx: &Ctx,
    ) -> Result<(), ChartError> {
        let journey = if self.journey.trim().is_empty() {
            "Journey"
        } else {
            self.journey.trim()
        };
        let title = cx.title(
            &format!("{journey}: where each population's entrants end"),
            0,
        );
        let per = cx.per_period();
        let sub = format!(
            "Mean entrants{} over iterations; bars show the share ending at each outcome",
            if per.is_empty() {
                String::new()
            } else {
                format!(" {per}")
            }
        );
        let area = header(root, cx, &title, &[sub])?;

        // Every outcome, grouped by class in first-seen order, with its colour.
        let mut outcomes: Vec<(OutcomeClass, String)> = Vec::new();
        for class in [
            OutcomeClass::Success,
            OutcomeClass::Abandoned,
            OutcomeClass::Blocked,
        ] {
            for r in self.flows {
                for o in &r.outcomes {
                    if o.class == class
                        && !outcomes
                            .iter()
                            .any(|(c, id)| *c == class && *id == o.outcome_id)
                    {
                        outcomes.push((class, o.outcome_id.clone()));
                    }
                }
            }
        }
        let color_of = |class: OutcomeClass, id: &str| -> RGBColor {
            let k = outcomes
                .iter()
                .filter(|(c, _)| *c == class)
                .position(|(_, i)| i == id)
                .unwrap_or(0);
            class_color(class, k)
        };

        let mut notes = Vec::new();
        let mut any_unaccounted = false;
        struct Row<'r> {
            row: &'r FunnelRow,
            segs: Vec<(String, OutcomeClass, f64, RGBColor)>,
            total: f64,
        }
        let mut rows = Vec::new();
        for r in self.flows {
            let mut segs: Vec<(String, OutcomeClass, f64, RGBColor)> = Vec::new();
            let mut bad = 0usize;
            for (class, id) in &outcomes {
                let count: f64 = r
                    .outcomes
                    .iter()
                    .filter(|o| o.class == *class && o.outcome_id == *id)
                    .map(|o| o.count)
                    .filter(|c| {
                        let ok = crate::stats::drawable(*c) && *c >= 0.0;
                        if !ok {
                            bad += 1;
                        }
                        ok
                    })
                    .sum();
                if count > 0.0 {
                    segs.push((id.clone(), *class, count, color_of(*class, id)));
                }
            }
            if bad > 0 {
                notes.push(format!(
                    "{}: {} ignored (negative or not finite)",
                    r.population,
                    format::plural(bad as u64, "outcome count")
                ));
            }
            let sum: f64 = segs.iter().map(|s| s.2).sum();
            let entrants = if crate::stats::drawable(r.entrants) && r.entrants > 0.0 {
                r.entrants
            } else {
                0.0
            };
            let total = if sum > entrants * (1.0 + 1e-9) {
                if entrants > 0.0 {
                    notes.push(format!(
                        "{}: outcomes add up to {}, more than the {} entrants; shares are of the outcomes",
                        r.population,
                        format::thousands(sum, 0),
                        format::thousands(entrants, 0)
                    ));
                }
                sum
            } else {
                let gap = entrants - sum;
                if gap > entrants * 1e-6 && gap > 1e-9 {
                    any_unaccounted = true;
                    segs.push((
                        "unaccounted".to_string(),
                        OutcomeClass::Blocked,
                        gap,
                        UNACCOUNTED,
                    ));
                }
                entrants
            };
            rows.push(Row {
                row: r,
                segs,
                total,
            });
        }
        if any_unaccounted {
            notes.push("Grey: entrants that reached no outcome in the results (still in the journey or not reported)".to_string());
        }
        notes.truncate(4);

        // Legend, wrapped, at the bottom above the notes.
        let (w, _) = area.dim_in_pixel();
        let mut items: Vec<(Option<RGBAColor>, String)> = Vec::new();
        for class in [
            OutcomeClass::Success,
            OutcomeClass::Abandoned,
            OutcomeClass::Blocked,
        ] {
            let ids: Vec<&String> = outcomes
                .iter()
                .filter(|(c, _)| *c == class)
                .map(|(_, id)| id)
                .collect();
            if ids.is_empty() {
                continue;
            }
            items.push((None, format!("{}:", render::capitalise(class.as_str()))));
            for id in ids {
                items.push((Some(color_of(class, id).to_rgba()), id.clone()));
            }
        }
        if any_unaccounted {
            items.push((Some(UNACCOUNTED.to_rgba()), "unaccounted".to_string()));
        }
        let area = footer(&area, cx, &notes)?;
        let usable = rows.iter().any(|r| r.total > 0.0);
        if !usable {
            return message(
                &area,
                cx,
                "No data: no population has entrants in this journey",
            );
        }
        // Size the legend band by laying the entries out the same way it draws them.
        let line = cx.px(Ctx::TICK * 1.5);
        let legend_lines = estimate_lines(cx, &items, w as i32 - cx.px(32.0));
        let legend_h = line * legend_lines + cx.px(8.0);
        let (_, h) = area.dim_in_pixel();
        let (area, legend) = area.split_vertically((h as i32 - legend_h).max(0));
        legend_flow(
            &legend,
            cx,
            (cx.px(16.0), cx.px(4.0)),
            w as i32 - cx.px(32.0),
            &items,
        )?;

        let name_style = cx.text(Ctx::TICK, INK);
        let count_style = cx.text(Ctx::SMALL, MUTED);
        let names_w = rows
            .iter()
            .map(|r| {
                cx.measure(&r.row.population, &name_style)
                    .0
                    .max(cx.measure(&entrants_text(r.row.entrants), &count_style).0)
            })
            .max()
            .unwrap_or(0)
            .min(w as i32 / 3)
            + cx.px(28.0);
        let n = rows.len();
        let xf = |v: &f64| format::percent(*v, 0);
        let mut chart = ChartBuilder::on(&area)
            .margin_right(cx.px(28.0))
            .margin_top(cx.px(6.0))
            .x_label_area_size(cx.px(52.0))
            .y_label_area_size(names_w)
            .build_cartesian_2d(0f64..1f64, -0.5f64..(n as f64 - 0.5))
            .map_err(de)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .max_light_lines(0)
            .bold_line_style(render::GRID)
            .axis_style(render::AXIS)
            .x_labels(if cx.x_labels(area.dim_in_pixel().0, 11) >= 8 {
                11
            } else {
                6
            })
            .y_labels(0)
            .x_label_formatter(&xf)
            .x_desc("Share of entrants (%)")
            .axis_desc_style(cx.text(Ctx::LABEL, INK))
            .label_style(cx.text(Ctx::TICK, INK))
            .draw()
            .map_err(de)?;

        let half = if n == 1 { 0.26 } else { 0.31 };
        let seg_text = cx.text(Ctx::SMALL, INK);
        for (i, r) in rows.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            let (_, by) = chart.backend_coord(&(0.0, y));
            let left = area.get_base_pixel().0 + cx.px(16.0);
            let name = ellipsize(cx, &r.row.population, &name_style, names_w - cx.px(28.0));
            let (_, nh) = cx.measure(&name, &name_style);
            render::text(root, &name, (left, by - nh), &name_style)?;
            render::text(
                root,
                &entrants_text(r.row.entrants),
                (left, by + cx.px(2.0)),
                &count_style,
            )?;
            if r.total <= 0.0 {
                let (bx, _) = chart.backend_coord(&(0.0, y));
                let t = "no entrants";
                let (_, th) = cx.measure(t, &count_style);
                render::text(root, t, (bx + cx.px(8.0), by - th / 2), &count_style)?;
                continue;
            }
            // Class totals under the bar, so thin slivers still read as numbers.
            let mut by_class = Vec::new();
            for class in [
                OutcomeClass::Success,
                OutcomeClass::Abandoned,
                OutcomeClass::Blocked,
            ] {
                let c: f64 = r
                    .segs
                    .iter()
                    .filter(|s| s.1 == class && s.3 != UNACCOUNTED)
                    .map(|s| s.2)
                    .sum();
                by_class.push(format!(
                    "{} {}",
                    render::capitalise(class.as_str()),
                    format::share(c / r.total)
                ));
            }
            let (bx0, by_bottom) = chart.backend_coord(&(0.0, y - half));
            render::text(
                root,
                &by_class.join(" · "),
                (bx0 + cx.px(3.0), by_bottom + cx.px(3.0)),
                &count_style,
            )?;
            let mut x0 = 0.0;
            for (id, _class, count, color) in &r.segs {
                let share = count / r.total;
                let x1 = (x0 + share).min(1.0);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x0, y - half), (x1, y + half)],
                        color.filled(),
                    )))
                    .map_err(de)?;
                // Thin white separator between segments.
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x0, y - half), (x1, y + half)],
                        ShapeStyle::from(&WHITE).stroke_width(cx.px(1.0).max(1) as u32),
                    )))
                    .map_err(de)?;
                let (px0, _) = chart.backend_coord(&(x0, y));
                let (px1, _) = chart.backend_coord(&(x1, y));
                let room = px1 - px0 - cx.px(8.0);
                let pct = format::share(share);
                let full = format!("{id} {pct}");
                // Whichever of white and ink text contrasts more with the segment.
                let l = luminance(*color);
                let tc = if 1.05 / (l + 0.05) > (l + 0.05) / (luminance(INK) + 0.05) {
                    WHITE
                } else {
                    INK
                };
                let st = render::recolor(&seg_text, tc);
                let count_line = format::value(*count, crate::Unit::Count, "");
                let (tw, th) = cx.measure(&full, &st);
                let (cw, _) = cx.measure(&count_line, &st);
                let (pw, _) = cx.measure(&pct, &st);
                if tw <= room {
                    render::text(root, &full, (px0 + cx.px(4.0), by - th - cx.px(1.0)), &st)?;
                    if cw <= room {
                        render::text(root, &count_line, (px0 + cx.px(4.0), by + cx.px(2.0)), &st)?;
                    }
                } else if pw <= room {
                    render::text(root, &pct, (px0 + cx.px(4.0), by - th / 2), &st)?;
                }
                x0 = x1;
            }
        }
        Ok(())
    }
}

fn entrants_text(entrants: f64) -> String {
    if crate::stats::drawable(entrants) && entrants > 0.0 {
        format!("{} entrants", format::thousands(entrants, 0))
    } else {
        "no entrants".to_string()
    }
}

/// Lines a wrapped legend takes (mirrors `legend_flow`).
fn estimate_lines(cx: &Ctx, items: &[(Option<RGBAColor>, String)], max_w: i32) -> i32 {
    let ts = cx.text(Ctx::TICK, INK);
    let mut x = 0;
    let mut lines = 1;
    for (color, label) in items {
        let w = match color {
            Some(_) => cx.px(14.0) + cx.px(6.0) + cx.measure(label, &ts).0 + cx.px(22.0),
            None => cx.measure(label, &ts).0 + cx.px(8.0),
        };
        if x > 0 && x + w > max_w {
            x = 0;
            lines += 1;
        }
        x += w;
    }
    lines
}
