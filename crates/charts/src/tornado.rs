//! Tornado chart: the swing of one output per input, largest first.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::render::{
    self, de, ellipsize, footer, header, legend_item, message, Ctx, Draw, INK, MUTED,
};
use crate::stats::drawable;
use crate::{format, palette, ChartError, ChartOptions, MetricInfo, TornadoBar};

/// Draws one horizontal bar per input, from the base value of `metric` to its value with
/// the input at its low setting (blue) and at its high setting (orange), sorted with the
/// largest swing (|high − low|) on top. Bars with a non-finite value are left out and
/// noted; values and, when given, the settings are written at the bar ends.
pub fn tornado(
    bars: &[TornadoBar],
    base: f64,
    metric: &MetricInfo,
    opts: &ChartOptions,
) -> Result<Vec<u8>, ChartError> {
    render::render(&Tornado { bars, base, metric }, opts)
}

struct Tornado<'a> {
    bars: &'a [TornadoBar],
    base: f64,
    metric: &'a MetricInfo,
}

/// Bars with finite values, largest swing first (ties keep input order).
pub(crate) fn sorted_bars(bars: &[TornadoBar]) -> Vec<&TornadoBar> {
    let mut v: Vec<&TornadoBar> = bars
        .iter()
        .filter(|b| drawable(b.low_value) && drawable(b.high_value))
        .collect();
    v.sort_by(|a, b| {
        let sa = (a.high_value - a.low_value).abs();
        let sb = (b.high_value - b.low_value).abs();
        sb.total_cmp(&sa)
    });
    v
}

impl Draw for Tornado<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cx: &Ctx,
    ) -> Result<(), ChartError> {
        let unit = self.metric.unit;
        let phrase = cx.metric_phrase(self.metric);
        let title = cx.title(
            &format!(
                "What moves {} most: swing per input, largest first",
                render::lower_first(&phrase)
            ),
            0,
        );
        let area = header(root, cx, &title, &[])?;
        let low_c = palette::BLUE;
        let high_c = palette::ORANGE;
        let legend_h = cx.px(Ctx::TICK * 1.6);
        let (legend, area) = area.split_vertically(legend_h);
        let mut x = cx.px(16.0);
        x += legend_item(
            &legend,
            cx,
            (x, 0),
            low_c.to_rgba(),
            "Input at its low setting",
        )?;
        legend_item(
            &legend,
            cx,
            (x, 0),
            high_c.to_rgba(),
            "Input at its high setting",
        )?;

        let bars = sorted_bars(self.bars);
        let mut notes = Vec::new();
        let dropped = self.bars.len() - bars.len();
        if dropped > 0 {
            notes.push(format!(
                "{} with a non-finite value not shown",
                format::plural(dropped as u64, "input")
            ));
        }
        let base_ok = drawable(self.base);
        if !base_ok {
            notes.push(
                "The base value is not finite: bars start at the low setting's value".to_string(),
            );
        }
        if !bars.is_empty() && bars.iter().all(|b| b.low_value == b.high_value) {
            notes.push(format!(
                "No input moves {}: every swing is 0",
                render::lower_first(&self.metric.name)
            ));
        }
        let area = footer(&area, cx, &notes)?;
        if bars.is_empty() {
            return message(&area, cx, "No data: no input to show");
        }

        let mut lo = if base_ok { self.base } else { f64::INFINITY };
        let mut hi = if base_ok {
            self.base
        } else {
            f64::NEG_INFINITY
        };
        for b in &bars {
            lo = lo.min(b.low_value).min(b.high_value);
            hi = hi.max(b.low_value).max(b.high_value);
        }
        // Room on both sides for the value labels.
        let (xa, xb) = render::nice_range(lo, hi, 0.22);
        let xa = if lo >= 0.0 && xa < 0.0 && hi > lo {
            0f64.min(lo - (hi - lo) * 0.22).max(xa)
        } else {
            xa
        };

        let name_style = cx.text(Ctx::TICK, INK);
        let (w, _) = area.dim_in_pixel();
        let names_w = bars
            .iter()
            .map(|b| cx.measure(&b.input_label, &name_style).0)
            .max()
            .unwrap_or(0)
            .min(w as i32 * 2 / 5)
            + cx.px(28.0);
        let n = bars.len();
        let step = render::tick_step(xa, xb, cx.x_labels(area.dim_in_pixel().0, 8));
        let xf = |v: &f64| cx.tick(*v, unit, step);
        let mut chart = ChartBuilder::on(&area)
            .margin_right(cx.px(28.0))
            .margin_top(cx.px(22.0))
            .margin_bottom(cx.px(4.0))
            .x_label_area_size(cx.px(56.0))
            .y_label_area_size(names_w)
            .build_cartesian_2d(xa..xb, -0.5f64..(n as f64 - 0.5))
            .map_err(de)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .max_light_lines(0)
            .bold_line_style(render::GRID)
            .axis_style(render::AXIS)
            .x_labels(cx.x_labels(
                area.dim_in_pixel().0.saturating_sub(names_w.max(0) as u32),
                8,
            ))
            .y_labels(0)
            .x_label_formatter(&xf)
            .x_desc(cx.axis_label(self.metric))
            .axis_desc_style(cx.text(Ctx::LABEL, INK))
            .label_style(cx.text(Ctx::TICK, INK))
            .draw()
            .map_err(de)?;

        let (xr, yr) = chart.plotting_area().get_pixel_range();
        let vs = cx.text(Ctx::SMALL, INK);
        let half = 0.34;
        for (i, b) in bars.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            let start = if base_ok { self.base } else { b.low_value };
            // Draw the farther end first so the nearer one stays visible on top.
            let mut ends = [
                (b.low_value, low_c, &b.low_setting),
                (b.high_value, high_c, &b.high_setting),
            ];
            if (ends[0].0 - start).abs() < (ends[1].0 - start).abs() {
                ends.swap(0, 1);
            }
            for (v, c, _) in ends {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(start.min(v), y - half), (start.max(v), y + half)],
                        c.mix(0.9).filled(),
                    )))
                    .map_err(de)?;
            }
            // Input name on the left.
            let (_, by) = chart.backend_coord(&(xa, y));
            let label = ellipsize(cx, &b.input_label, &name_style, names_w - cx.px(28.0));
            let (_, th) = cx.measure(&label, &name_style);
            render::text(
                root,
                &label,
                (area.get_base_pixel().0 + cx.px(16.0), by - th / 2),
                &name_style,
            )?;
            // Values at the bar ends: the lower value on the left, the higher on the right.
            let (left, right) = if b.low_value <= b.high_value {
                (
                    (b.low_value, &b.low_setting, low_c),
                    (b.high_value, &b.high_setting, high_c),
                )
            } else {
                (
                    (b.high_value, &b.high_setting, high_c),
                    (b.low_value, &b.low_setting, low_c),
                )
            };
            for (k, (v, setting, c)) in [left, right].into_iter().enumerate() {
                let value = cx.compact(v, unit);
                let text = match setting {
                    Some(s) if !s.is_empty() => format!("{s} → {value}"),
                    _ => value,
                };
                let (tw, th) = cx.measure(&text, &vs);
                let edge = if k == 0 { v.min(start) } else { v.max(start) };
                let (ex, _) = chart.backend_coord(&(edge, y));
                let x = if k == 0 {
                    ex - cx.px(6.0) - tw
                } else {
                    ex + cx.px(6.0)
                };
                let x = render::fit(
                    x,
                    xr.start + cx.px(2.0),
                    (xr.end - tw - cx.px(2.0)).max(xr.start),
                );
                render::text(
                    root,
                    &text,
                    (x, by - th / 2),
                    &render::recolor(&vs, render::darken(c, 0.35)),
                )?;
            }
        }
        if base_ok {
            chart
                .draw_series(LineSeries::new(
                    [(self.base, -0.5), (self.base, n as f64 - 0.5)],
                    ShapeStyle::from(&INK).stroke_width(cx.px(1.5).max(1) as u32),
                ))
                .map_err(de)?;
            let (bx, _) = chart.backend_coord(&(self.base, 0.0));
            let text = format!("Base {}", cx.value(self.base, unit));
            let ms = cx.text(Ctx::SMALL, MUTED);
            let (tw, th) = cx.measure(&text, &ms);
            let x = render::fit(bx - tw / 2, xr.start, (xr.end - tw).max(xr.start));
            render::text(root, &text, (x, yr.start - th - cx.px(4.0)), &ms)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::sorted_bars;
    use crate::TornadoBar;

    #[test]
    fn largest_swing_first_and_non_finite_dropped() {
        let bars = vec![
            TornadoBar::new("a", 10.0, 12.0),
            TornadoBar::new("b", 20.0, 5.0),
            TornadoBar::new("c", f64::NAN, 5.0),
            TornadoBar::new("d", 8.0, 14.0),
        ];
        let labels: Vec<&str> = sorted_bars(&bars)
            .iter()
            .map(|b| b.input_label.as_str())
            .collect();
        assert_eq!(labels, ["b", "d", "a"]);
    }
}
