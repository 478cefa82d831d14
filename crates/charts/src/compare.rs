//! Scenario comparison: headline metrics per scenario with P5–P95 whiskers, and the
//! paired deltas against the baseline.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::render::{
    self, de, ellipsize, footer, header, legend_item, message, Ctx, Draw, INK, MUTED,
};
use crate::stats::is_drawable;
use crate::{
    format, palette, ChartError, ChartOptions, MetricInfo, ScenarioSummary, Summary, Unit,
};

/// Draws one row per headline metric: on the left each scenario's mean with a P5–P95
/// whisker, on the right each non-baseline scenario's paired change against the baseline
/// (mean and P5–P95 of the per-iteration difference) around a zero line.
///
/// `scenarios` gives the values, baseline first by convention; `deltas` gives, for each
/// scenario but the baseline, summaries of the paired differences (matched to scenarios
/// by `id`, metrics by name). Metrics are shown in the order they first appear; a
/// scenario without a metric, or with a non-finite summary, leaves its row empty and is
/// noted.
pub fn compare(
    scenarios: &[ScenarioSummary],
    deltas: &[ScenarioSummary],
    opts: &ChartOptions,
) -> Result<Vec<u8>, ChartError> {
    render::render(&Compare { scenarios, deltas }, opts)
}

/// A chart height (logical pixels) that gives every metric row room for `scenarios`
/// whiskers and their value labels: use it for [`ChartOptions::height`] when comparing
/// many metrics or scenarios (in a shorter chart the value labels are left out).
pub fn compare_height(metrics: usize, scenarios: usize) -> u32 {
    let rows = metrics.max(1) as u32;
    let per_row = 52 + 30 * scenarios.max(1) as u32;
    (110 + rows * per_row).clamp(300, 8000)
}

struct Compare<'a> {
    scenarios: &'a [ScenarioSummary],
    deltas: &'a [ScenarioSummary],
}

fn find<'a>(s: &'a ScenarioSummary, m: &MetricInfo) -> Option<&'a Summary> {
    s.metrics
        .iter()
        .find(|(mi, _)| mi.name == m.name)
        .map(|(_, su)| su)
}

impl Draw for Compare<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cx: &Ctx,
    ) -> Result<(), ChartError> {
        let mut metrics: Vec<MetricInfo> = Vec::new();
        for s in self.scenarios.iter().chain(self.deltas) {
            for (m, _) in &s.metrics {
                if !metrics.iter().any(|x| x.name == m.name) {
                    metrics.push(m.clone());
                }
            }
        }
        let title = cx.title(
            "Scenario comparison: mean and P5–P95 per scenario, paired change vs baseline",
            0,
        );
        let area = header(root, cx, &title, &[])?;

        // Legend of scenarios.
        let legend_h = cx.px(Ctx::TICK * 1.6);
        let (legend, area) = area.split_vertically(legend_h);
        let mut x = cx.px(16.0);
        for (i, s) in self.scenarios.iter().enumerate() {
            let label = if i == 0 && !s.label.to_lowercase().contains("baseline") {
                format!("{} (baseline)", s.label)
            } else {
                s.label.clone()
            };
            x += legend_item(&legend, cx, (x, 0), palette::series(i).to_rgba(), &label)?;
        }

        let mut notes = Vec::new();
        for d in self.deltas {
            if !self.scenarios.iter().any(|s| s.id == d.id) {
                notes.push(format!("Change for unknown scenario {:?} not shown", d.id));
            }
        }
        for (i, s) in self.scenarios.iter().enumerate() {
            for m in &metrics {
                match find(s, m) {
                    Some(su) if is_drawable(su) => {}
                    Some(_) => notes.push(format!(
                        "{}: {} has no value",
                        s.label,
                        m.name.to_lowercase()
                    )),
                    None => notes.push(format!(
                        "{}: {} not reported",
                        s.label,
                        m.name.to_lowercase()
                    )),
                }
            }
            if i > 0 && !self.deltas.iter().any(|d| d.id == s.id) {
                notes.push(format!("{}: no paired change vs baseline given", s.label));
            }
        }
        notes.truncate(4);
        let area = footer(&area, cx, &notes)?;
        if self.scenarios.is_empty() || metrics.is_empty() {
            return message(&area, cx, "No data: no scenario or no metric to compare");
        }

        let (w, h) = area.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        let n_rows = metrics.len() as i32;
        let row_h = h / n_rows;
        // Column for scenario names on the left.
        let name_style = cx.text(Ctx::TICK, INK);
        let names_w = self
            .scenarios
            .iter()
            .map(|s| cx.measure(&s.label, &name_style).0)
            .max()
            .unwrap_or(0)
            .min(w / 4)
            + cx.px(20.0);
        let col_gap = cx.px(36.0);
        let left_w = ((w - names_w - col_gap) as f64 * 0.55) as i32;
        let caption = cx.text(Ctx::LABEL, INK);
        let sub = cx.text(Ctx::SMALL, MUTED);

        for (r, m) in metrics.iter().enumerate() {
            let row = area.clone().shrink((0, row_h * r as i32), (w, row_h));
            let cap_h = cx.px(Ctx::LABEL * 1.35);
            let label = ellipsize(cx, &cx.axis_label(m), &caption, left_w + names_w);
            render::text(&row, &label, (cx.px(16.0), cx.px(2.0)), &caption)?;
            let delta_head = "Change vs baseline (paired), P5–P95";
            render::text(
                &row,
                delta_head,
                (names_w + left_w + col_gap, cx.px(4.0)),
                &sub,
            )?;
            let body = row.clone().shrink((0, cap_h), (w, row_h - cap_h));
            let (lpane, rest) = body.split_horizontally(names_w + left_w);
            let (_, rpane) = rest.split_horizontally(col_gap);

            let values: Vec<Option<Summary>> = self
                .scenarios
                .iter()
                .map(|s| find(s, m).copied().filter(is_drawable))
                .collect();
            let changes: Vec<Option<Summary>> = self
                .scenarios
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if i == 0 {
                        return None;
                    }
                    self.deltas
                        .iter()
                        .find(|d| d.id == s.id)
                        .and_then(|d| find(d, m).copied())
                        .filter(is_drawable)
                })
                .collect();
            self.pane(root, cx, &lpane, m.unit, &values, Some(names_w), false)?;
            self.pane(root, cx, &rpane, m.unit, &changes, None, true)?;
        }
        Ok(())
    }
}

impl Compare<'_> {
    /// One small dot-and-whisker chart; `names_w` draws scenario names on its left.
    #[allow(clippy::too_many_arguments)]
    fn pane<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cx: &Ctx,
        area: &DrawingArea<DB, Shift>,
        unit: Unit,
        rows: &[Option<Summary>],
        names_w: Option<i32>,
        is_delta: bool,
    ) -> Result<(), ChartError> {
        let n = rows.len().max(1);
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for s in rows.iter().flatten() {
            lo = lo.min(s.p5).min(s.mean);
            hi = hi.max(s.p95).max(s.mean);
        }
        if is_delta {
            lo = lo.min(0.0);
            hi = hi.max(0.0);
        }
        if !lo.is_finite() || !hi.is_finite() {
            let text = if is_delta {
                "no paired changes"
            } else {
                "no values"
            };
            let s = cx.text(Ctx::SMALL, MUTED);
            let (aw, ah) = area.dim_in_pixel();
            let x = names_w.unwrap_or(0) + (aw as i32 - names_w.unwrap_or(0)) / 2
                - cx.measure(text, &s).0 / 2;
            return render::text(area, text, (x, ah as i32 / 2 - cx.px(8.0)), &s);
        }
        let (a, b) = render::nice_range(lo, hi, 0.06);
        let step = render::tick_step(a, b, cx.x_labels(area.dim_in_pixel().0, 5));
        let fmt = |v: &f64| {
            let v = &(if v.abs() < step * 1e-6 { 0.0 } else { *v });
            if is_delta {
                let s = cx.tick(*v, unit, step);
                if *v > 0.0 {
                    format!("+{s}")
                } else {
                    s
                }
            } else {
                cx.tick(*v, unit, step)
            }
        };
        let mut chart = ChartBuilder::on(area)
            .margin_right(cx.px(16.0))
            .margin_top(cx.px(2.0))
            .x_label_area_size(cx.px(24.0))
            .y_label_area_size(names_w.unwrap_or(cx.px(4.0)))
            .build_cartesian_2d(a..b, -0.5f64..(n as f64 - 0.5))
            .map_err(de)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .max_light_lines(0)
            .bold_line_style(render::GRID)
            .axis_style(render::AXIS)
            .x_labels(cx.x_labels(area.dim_in_pixel().0, 5))
            .y_labels(0)
            .x_label_formatter(&fmt)
            .label_style(cx.text(Ctx::SMALL, INK))
            .draw()
            .map_err(de)?;
        if is_delta {
            chart
                .draw_series(LineSeries::new(
                    [(0.0, -0.5), (0.0, n as f64 - 0.5)],
                    ShapeStyle::from(&INK).stroke_width(cx.px(1.2).max(1) as u32),
                ))
                .map_err(de)?;
        }
        let name_style = cx.text(Ctx::TICK, INK);
        let value_style = cx.text(Ctx::SMALL, INK);
        let (xr, _) = chart.plotting_area().get_pixel_range();
        // Rows too close for text (a short chart for many scenarios): whiskers only.
        let spacing = (chart.backend_coord(&(a, 0.0)).1 - chart.backend_coord(&(a, 1.0)).1).abs();
        let room_for_text =
            n == 1 || spacing as f64 >= cx.measure("Hg", &value_style).1 as f64 * 1.25;
        for (i, s) in rows.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            if let (Some(nw), Some(label)) =
                (names_w, self.scenarios.get(i).map(|s| s.label.as_str()))
            {
                let (_, by) = chart.backend_coord(&(a, y));
                let label = ellipsize(cx, label, &name_style, nw - cx.px(20.0));
                let (_, th) = cx.measure(&label, &name_style);
                render::text(
                    root,
                    &label,
                    (area.get_base_pixel().0 + cx.px(16.0), by - th / 2),
                    &name_style,
                )?;
            }
            let Some(s) = s else {
                if is_delta && i == 0 && room_for_text {
                    let (bx, by) = chart.backend_coord(&(0.0, y));
                    let t = "baseline";
                    let st = cx.text(Ctx::SMALL, MUTED);
                    let (tw, th) = cx.measure(t, &st);
                    // Beside the zero line, on the side with more room.
                    let side = if bx - xr.start > xr.end - bx {
                        bx - tw - cx.px(6.0)
                    } else {
                        bx + cx.px(6.0)
                    };
                    let x = render::fit(
                        side,
                        xr.start + cx.px(2.0),
                        (xr.end - tw - cx.px(2.0)).max(xr.start),
                    );
                    render::text(root, t, (x, by - th / 2), &st)?;
                }
                continue;
            };
            let color = palette::series(i);
            let stroke = ShapeStyle::from(&color).stroke_width(cx.px(2.5).max(1) as u32);
            chart
                .draw_series(LineSeries::new([(s.p5, y), (s.p95, y)], stroke))
                .map_err(de)?;
            for end in [s.p5, s.p95] {
                chart
                    .draw_series(LineSeries::new([(end, y - 0.18), (end, y + 0.18)], stroke))
                    .map_err(de)?;
            }
            chart
                .draw_series(std::iter::once(Circle::new(
                    (s.mean, y),
                    cx.px(6.0),
                    color.filled(),
                )))
                .map_err(de)?;
            if !room_for_text {
                continue;
            }
            // The mean, written next to the whisker where there is room.
            let text = if is_delta {
                format::delta(s.mean, unit, &cx.opts.currency)
            } else {
                cx.value(s.mean, unit)
            };
            let (tw, th) = cx.measure(&text, &value_style);
            let (x95, by) = chart.backend_coord(&(s.p95, y));
            let (x5, _) = chart.backend_coord(&(s.p5, y));
            let (xm, _) = chart.backend_coord(&(s.mean, y));
            let ty = by - th / 2;
            let right = (x95 + cx.px(8.0) + tw <= xr.end).then_some((x95 + cx.px(8.0), ty));
            let left = (x5 - cx.px(8.0) - tw >= xr.start).then_some((x5 - cx.px(8.0) - tw, ty));
            // A change is labelled on the side away from the zero line when it can be.
            let first = if is_delta && s.mean < 0.0 {
                left.or(right)
            } else {
                right.or(left)
            };
            let pos = first.unwrap_or((xm - tw / 2, by - th - cx.px(8.0)));
            render::text(
                root,
                &text,
                pos,
                &render::recolor(&value_style, render::darken(color, 0.3)),
            )?;
        }
        Ok(())
    }
}
