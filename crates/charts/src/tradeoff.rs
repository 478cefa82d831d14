//! Tradeoff chart: one point per option (e.g. threshold), Pareto-optimal points marked.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::render::{self, de, footer, header, message, Ctx, Draw, Placer, INK};
use crate::stats::{drawable, pareto_front};
use crate::{format, palette, ChartError, ChartOptions, MetricInfo, TradeoffPoint};

/// Draws each option as a labelled point, x = `x_metric` (usually legitimate friction:
/// abandonment, false rejects or support contacts) and y = `y_metric` (usually fraud loss
/// or attack success), with optional interval bars (e.g. P5–P95). Lower is taken as
/// better on both axes: the Pareto-optimal points ([`pareto_front`]) are filled and
/// joined; dominated points are hollow.
pub fn tradeoff(
    points: &[TradeoffPoint],
    x_metric: &MetricInfo,
    y_metric: &MetricInfo,
    opts: &ChartOptions,
) -> Result<Vec<u8>, ChartError> {
    render::render(
        &Tradeoff {
            points,
            x_metric,
            y_metric,
        },
        opts,
    )
}

struct Tradeoff<'a> {
    points: &'a [TradeoffPoint],
    x_metric: &'a MetricInfo,
    y_metric: &'a MetricInfo,
}

fn fin(v: Option<f64>) -> Option<f64> {
    v.filter(|&x| drawable(x))
}

impl Draw for Tradeoff<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cx: &Ctx,
    ) -> Result<(), ChartError> {
        let phrase_y = cx.metric_phrase(self.y_metric);
        let phrase_x = cx.metric_phrase(self.x_metric);
        let title = cx.title(
            &format!("{phrase_y} vs {}", render::lower_first(&phrase_x)),
            0,
        );
        let area = header(root, cx, &title, &[])?;

        let good: Vec<&TradeoffPoint> = self
            .points
            .iter()
            .filter(|p| drawable(p.x) && drawable(p.y))
            .collect();
        let mut notes = Vec::new();
        let bad = self.points.len() - good.len();
        if bad > 0 {
            notes.push(format!(
                "{} without a finite value not shown",
                format::plural(bad as u64, "option")
            ));
        }
        if good.iter().any(|p| p.x_lo.is_some() || p.y_lo.is_some()) {
            notes.push("Bars show each option's P5–P95 range over iterations".to_string());
        }

        let legend_h = cx.px(Ctx::TICK * 1.6);
        let (legend, area) = area.split_vertically(legend_h);
        let front_color = palette::VERMILLION;
        let other_color = palette::BLUE;
        // Legend with the same markers as the plot: filled dot, hollow ring.
        let ts = cx.text(Ctx::TICK, INK);
        let r = cx.px(6.0);
        let mut x = cx.px(16.0);
        for (filled, label) in [
            (true, "Pareto-optimal: no other option is lower on both"),
            (false, "Dominated option"),
        ] {
            let (tw, th) = cx.measure(label, &ts);
            let centre = (x + r, th / 2);
            if filled {
                legend
                    .draw(&Circle::new(centre, r, front_color.filled()))
                    .map_err(de)?;
            } else {
                legend
                    .draw(&Circle::new(
                        centre,
                        r,
                        ShapeStyle::from(&other_color).stroke_width(cx.px(2.0).max(1) as u32),
                    ))
                    .map_err(de)?;
            }
            render::text(&legend, label, (x + 2 * r + cx.px(6.0), 0), &ts)?;
            x += 2 * r + cx.px(6.0) + tw + cx.px(24.0);
        }
        let area = footer(&area, cx, &notes)?;
        if good.is_empty() {
            return message(&area, cx, "No data: no option to place");
        }

        let coords: Vec<(f64, f64)> = good.iter().map(|p| (p.x, p.y)).collect();
        let front = pareto_front(&coords);
        let mut xlo = f64::INFINITY;
        let mut xhi = f64::NEG_INFINITY;
        let mut ylo = f64::INFINITY;
        let mut yhi = f64::NEG_INFINITY;
        for p in &good {
            for v in [Some(p.x), fin(p.x_lo), fin(p.x_hi)].into_iter().flatten() {
                xlo = xlo.min(v);
                xhi = xhi.max(v);
            }
            for v in [Some(p.y), fin(p.y_lo), fin(p.y_hi)].into_iter().flatten() {
                ylo = ylo.min(v);
                yhi = yhi.max(v);
            }
        }
        let (xa, xb) = render::nice_range(xlo, xhi, 0.08);
        let (ya, yb) = render::nice_range(ylo, yhi, 0.08);
        let xa = if xlo >= 0.0 && xa < 0.0 && xhi > xlo {
            0.0
        } else {
            xa
        };
        let ya = if ylo >= 0.0 && ya < 0.0 && yhi > ylo {
            0.0
        } else {
            ya
        };
        let xs = render::tick_step(xa, xb, cx.x_labels(area.dim_in_pixel().0, 8));
        let ys = render::tick_step(ya, yb, 8);
        let xf = |v: &f64| cx.tick(*v, self.x_metric.unit, xs);
        let yf = |v: &f64| cx.tick(*v, self.y_metric.unit, ys);
        let mut chart = ChartBuilder::on(&area)
            .margin_left(cx.px(8.0))
            .margin_right(cx.px(28.0))
            .margin_top(cx.px(8.0))
            .margin_bottom(cx.px(4.0))
            .x_label_area_size(cx.px(56.0))
            .y_label_area_size(cx.px(84.0))
            .build_cartesian_2d(xa..xb, ya..yb)
            .map_err(de)?;
        chart
            .configure_mesh()
            .max_light_lines(0)
            .bold_line_style(render::GRID)
            .axis_style(render::AXIS)
            .x_labels(cx.x_labels(area.dim_in_pixel().0, 8))
            .y_labels(8)
            .x_label_formatter(&xf)
            .y_label_formatter(&yf)
            .x_desc(format!(
                "{} — lower is better",
                cx.axis_label(self.x_metric)
            ))
            .y_desc(format!(
                "{} — lower is better",
                cx.axis_label(self.y_metric)
            ))
            .axis_desc_style(cx.text(Ctx::LABEL, INK))
            .label_style(cx.text(Ctx::TICK, INK))
            .draw()
            .map_err(de)?;

        // Interval bars, light, under everything.
        let bar = ShapeStyle::from(&render::AXIS.mix(0.45)).stroke_width(cx.px(1.5).max(1) as u32);
        for p in &good {
            if let (Some(a), Some(b)) = (fin(p.x_lo), fin(p.x_hi)) {
                chart
                    .draw_series(LineSeries::new([(a, p.y), (b, p.y)], bar))
                    .map_err(de)?;
            }
            if let (Some(a), Some(b)) = (fin(p.y_lo), fin(p.y_hi)) {
                chart
                    .draw_series(LineSeries::new([(p.x, a), (p.x, b)], bar))
                    .map_err(de)?;
            }
        }
        // The front, joined in order of x.
        let front_line: Vec<(f64, f64)> = front.iter().map(|&i| coords[i]).collect();
        chart
            .draw_series(LineSeries::new(
                front_line,
                ShapeStyle::from(&front_color.mix(0.8)).stroke_width(cx.px(2.0).max(1) as u32),
            ))
            .map_err(de)?;
        let r = cx.px(6.0);
        let mut placer = Placer::default();
        for (i, &(x, y)) in coords.iter().enumerate() {
            let on_front = front.contains(&i);
            if on_front {
                chart
                    .draw_series(std::iter::once(Circle::new(
                        (x, y),
                        r,
                        front_color.filled(),
                    )))
                    .map_err(de)?;
            } else {
                chart
                    .draw_series(std::iter::once(Circle::new((x, y), r, WHITE.filled())))
                    .map_err(de)?;
                chart
                    .draw_series(std::iter::once(Circle::new(
                        (x, y),
                        r,
                        ShapeStyle::from(&other_color).stroke_width(cx.px(2.0).max(1) as u32),
                    )))
                    .map_err(de)?;
            }
            let (bx, by) = chart.backend_coord(&(x, y));
            placer.add((bx - r, by - r, bx + r, by + r));
        }
        // The front line is an obstacle too: small boxes along each segment.
        for w in front.windows(2) {
            let (ax, ay) = chart.backend_coord(&coords[w[0]]);
            let (bx, by) = chart.backend_coord(&coords[w[1]]);
            let len = (((bx - ax) as f64).powi(2) + ((by - ay) as f64).powi(2)).sqrt();
            let steps = (len / cx.px(4.0).max(1) as f64).ceil().min(2000.0) as i32;
            for k in 0..=steps {
                let t = k as f64 / steps.max(1) as f64;
                let x = ax + ((bx - ax) as f64 * t) as i32;
                let y = ay + ((by - ay) as f64 * t) as i32;
                placer.add((x - 1, y - 1, x + 1, y + 1));
            }
        }
        // Labels: first free spot around each point, front points first.
        let (xr, yr) = chart.plotting_area().get_pixel_range();
        let ls = cx.text(Ctx::SMALL, INK);
        let mut order: Vec<usize> = front.clone();
        order.extend((0..coords.len()).filter(|i| !front.contains(i)));
        for i in order {
            let (bx, by) = chart.backend_coord(&coords[i]);
            let label = render::ellipsize(cx, &good[i].label, &ls, cx.px(220.0));
            let (tw, th) = cx.measure(&label, &ls);
            let g = r + cx.px(4.0);
            let candidates = [
                (bx + g, by - th / 2),
                (bx - g - tw, by - th / 2),
                (bx - tw / 2, by - g - th),
                (bx - tw / 2, by + g),
                (bx + g, by - g - th / 2),
                (bx + g, by + g - th / 2),
                (bx - g - tw, by - g - th / 2),
                (bx - g - tw, by + g - th / 2),
            ];
            let color = if front.contains(&i) {
                render::darken(front_color, 0.3)
            } else {
                render::darken(other_color, 0.1)
            };
            for (lx, ly) in candidates {
                let b = (lx - cx.px(2.0), ly, lx + tw + cx.px(2.0), ly + th);
                if b.0 >= xr.start
                    && b.2 <= xr.end
                    && b.1 >= yr.start
                    && b.3 <= yr.end
                    && placer.free(b, cx.px(1.0))
                {
                    placer.add(b);
                    // A light backing keeps the label readable over interval bars.
                    root.draw(&Rectangle::new(
                        [(b.0, b.1), (b.2, b.3)],
                        WHITE.mix(0.8).filled(),
                    ))
                    .map_err(de)?;
                    render::text(root, &label, (lx, ly), &render::recolor(&ls, color))?;
                    break;
                }
            }
        }
        Ok(())
    }
}
