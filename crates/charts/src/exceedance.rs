//! Exceedance curve: the probability that a period's value exceeds x.

use plotters::coord::ranged1d::{Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::render::{self, de, footer, header, legend_item, message, Ctx, Draw, INK};
use crate::stats::{quantile_sorted, sorted_finite};
use crate::{format, palette, ChartError, ChartOptions, MetricInfo, NamedSample, Unit};

/// Draws the exceedance curve P(metric > x) of each series, read off one sorted sample per
/// series (nothing is re-simulated). With `log_scale` the x axis is logarithmic and only
/// positive values can be shown; the share at or below zero is given in a note.
///
/// The 5% and 1% exceedance levels (P95 and P99) are marked with the value at which the
/// curve crosses them ("1 period in 20 exceeds $2.9M").
pub fn exceedance(
    series: &[NamedSample],
    metric: &MetricInfo,
    log_scale: bool,
    opts: &ChartOptions,
) -> Result<Vec<u8>, ChartError> {
    render::render(
        &Exceed {
            series,
            metric,
            log_scale,
        },
        opts,
    )
}

struct Exceed<'a> {
    series: &'a [NamedSample<'a>],
    metric: &'a MetricInfo,
    log_scale: bool,
}

struct Curve {
    label: String,
    /// Ascending finite values shown (positive only on a log axis).
    sorted: Vec<f64>,
    /// Number of finite values (the denominator of every probability).
    n: usize,
}

/// Points of the step function P(X > x) for an ascending sample of `n` finite values of
/// which `sorted` are the ones shown (the largest ones); at most about 1,500 points.
fn curve_points(sorted: &[f64], n: usize) -> Vec<(f64, f64)> {
    let m = sorted.len();
    if m == 0 || n == 0 {
        return Vec::new();
    }
    let skipped = n - m;
    let nf = n as f64;
    // Exceedance just after each distinct value.
    let mut steps: Vec<(f64, f64)> = Vec::new();
    let mut i = 0;
    while i < m {
        let v = sorted[i];
        let mut j = i;
        while j < m && sorted[j] == v {
            j += 1;
        }
        steps.push((v, (m - j) as f64 / nf));
        i = j;
    }
    let start_p = (n - skipped) as f64 / nf;
    if steps.len() <= 1500 {
        // Exact step function.
        let mut pts = Vec::with_capacity(steps.len() * 2 + 1);
        let mut prev = start_p;
        for (v, p) in steps {
            pts.push((v, prev));
            pts.push((v, p));
            prev = p;
        }
        pts
    } else {
        // Many distinct values: a line through a thinned set, keeping the whole tail.
        let stride = steps.len().div_ceil(1200);
        let tail = steps.len().saturating_sub(200);
        let mut pts = vec![(steps[0].0, start_p)];
        for (k, &s) in steps.iter().enumerate() {
            if k % stride == 0 || k >= tail {
                pts.push(s);
            }
        }
        pts
    }
}

impl Draw for Exceed<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cx: &Ctx,
    ) -> Result<(), ChartError> {
        let unit = self.metric.unit;
        let multi = self.series.len() > 1;
        let mut notes = Vec::new();
        let mut curves = Vec::new();
        let max_total = self
            .series
            .iter()
            .map(|s| s.values.len())
            .max()
            .unwrap_or(0);
        for s in self.series {
            let all = sorted_finite(s.values);
            let who = if multi {
                format!("{}: ", s.label)
            } else {
                String::new()
            };
            if let Some(n) = render::absent_note(
                multi.then_some(s.label),
                s.values.len() - all.len(),
                s.values.len(),
            ) {
                notes.push(n);
            }
            if all.is_empty() {
                // A single empty series gets the centred "No data" message instead.
                if multi {
                    notes.push(format!("{who}no data"));
                }
            } else if all[0] == all[all.len() - 1] {
                let what = format!(
                    "all {} equal {}: P(> x) is 100% below it and 0% from it on",
                    format::plural(all.len() as u64, "iteration"),
                    cx.value(all[0], unit)
                );
                notes.push(if multi {
                    format!("{who}{what}")
                } else {
                    render::capitalise(&what)
                });
            }
            let n = all.len();
            let shown: Vec<f64> = if self.log_scale {
                let pos: Vec<f64> = all.iter().copied().filter(|&v| v > 0.0).collect();
                if pos.len() < n {
                    notes.push(format!(
                        "{who}{} at or below {} cannot be drawn on a log axis (P(> 0) = {})",
                        format::plural((n - pos.len()) as u64, "iteration"),
                        cx.value(0.0, unit),
                        format::percent(pos.len() as f64 / n.max(1) as f64, 1)
                    ));
                }
                pos
            } else {
                all
            };
            curves.push(Curve {
                label: s.label.to_string(),
                sorted: shown,
                n,
            });
        }

        let phrase = cx.metric_phrase(self.metric);
        let title = cx.title(
            &format!("Chance that {} exceeds x", render::lower_first(&phrase)),
            max_total,
        );
        let area = header(root, cx, &title, &[])?;
        let legend_h = cx.px(Ctx::TICK * 1.5) * curves.len().max(1) as i32;
        let (legend, area) = area.split_vertically(legend_h);
        let per = plural_period(cx);
        for (i, c) in curves.iter().enumerate() {
            let levels = tail_levels(c);
            let mut text = c.label.clone();
            for (k, (level, v)) in levels.iter().enumerate() {
                let words = if *level == 0.05 {
                    "1 in 20"
                } else {
                    "1 in 100"
                };
                text.push_str(if k == 0 { ": " } else { ", " });
                text.push_str(
                    &format!(
                        "{words} {} above {}",
                        if k == 0 { per.as_str() } else { "" },
                        cx.value(*v, unit)
                    )
                    .replace("  ", " "),
                );
            }
            let y = cx.px(Ctx::TICK * 1.5) * i as i32;
            legend_item(
                &legend,
                cx,
                (cx.px(16.0), y),
                palette::series(i).to_rgba(),
                &text,
            )?;
        }

        let lo = curves
            .iter()
            .filter_map(|c| c.sorted.first())
            .copied()
            .fold(f64::INFINITY, f64::min);
        let hi = curves
            .iter()
            .filter_map(|c| c.sorted.last())
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        if !(lo.is_finite() && hi.is_finite()) {
            let area = footer(&area, cx, &notes)?;
            let why = if self.log_scale && curves.iter().any(|c| c.n > 0) {
                "Nothing to draw on a log axis: no iteration has a value above 0"
            } else {
                "No data: no iteration has a value"
            };
            return message(&area, cx, why);
        }

        if self.log_scale {
            let (a, b) = if hi > lo {
                (lo, hi)
            } else {
                (lo / 2.0, hi * 2.0)
            };
            // At most 12 decades: plotters' log axis needs a finite, bounded span.
            let a = if b / a > 1e12 || !(b / a).is_finite() {
                let cut = b / 1e12;
                let below: usize = curves
                    .iter()
                    .map(|c| c.sorted.iter().filter(|&&v| v < cut).count())
                    .sum();
                notes.push(format!(
                    "The log axis spans 12 decades: {} below {} are off its left end",
                    format::plural(below as u64, "iteration"),
                    cx.value(cut, unit)
                ));
                cut
            } else {
                a
            };
            let pad = (b / a).powf(0.02);
            let (a, b) = (a / pad, b * pad);
            let (a, b) = if a.is_finite() && b.is_finite() && a > 0.0 && b > a {
                (a, b)
            } else {
                (1.0, 10.0)
            };
            let area = footer(&area, cx, &notes)?;
            let chart = ChartBuilder::on(&area)
                .margin_left(cx.px(8.0))
                .margin_right(cx.px(28.0))
                .margin_top(cx.px(6.0))
                .margin_bottom(cx.px(4.0))
                .x_label_area_size(cx.px(56.0))
                .y_label_area_size(cx.px(78.0))
                .build_cartesian_2d((a..b).log_scale(), 0f64..1.04)
                .map_err(de)?;
            self.finish(root, cx, chart, &curves, unit, &Ticks::Log)
        } else {
            // Keep a long tail from squeezing the curve: stop the axis at the largest P99.9.
            let core = curves
                .iter()
                .filter(|c| !c.sorted.is_empty())
                .map(|c| quantile_sorted(&c.sorted, 0.999))
                .fold(f64::NEG_INFINITY, f64::max);
            let hi_shown = if core > lo && hi - lo > 1.5 * (core - lo) {
                core
            } else {
                hi
            };
            if hi_shown < hi {
                notes.push(format!(
                    "The axis stops at {}; the curves go on to {} with less than 0.1% probability (use the log scale to see the tail)",
                    cx.value(hi_shown, unit),
                    cx.value(hi, unit)
                ));
            }
            let (a, b) = render::nice_range(lo, hi_shown, 0.02);
            let a = if lo >= 0.0 && a < 0.0 && hi_shown > lo {
                0f64.min(lo)
            } else {
                a
            };
            let area = footer(&area, cx, &notes)?;
            let chart = ChartBuilder::on(&area)
                .margin_left(cx.px(8.0))
                .margin_right(cx.px(28.0))
                .margin_top(cx.px(6.0))
                .margin_bottom(cx.px(4.0))
                .x_label_area_size(cx.px(56.0))
                .y_label_area_size(cx.px(78.0))
                .build_cartesian_2d(a..b, 0f64..1.04)
                .map_err(de)?;
            let step = render::tick_step(a, b, 8);
            self.finish(root, cx, chart, &curves, unit, &Ticks::Linear(step))
        }
    }
}

enum Ticks {
    Linear(f64),
    Log,
}

impl Exceed<'_> {
    fn finish<DB: DrawingBackend, X>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cx: &Ctx,
        mut chart: ChartContext<DB, Cartesian2d<X, RangedCoordf64>>,
        curves: &[Curve],
        unit: Unit,
        ticks: &Ticks,
    ) -> Result<(), ChartError>
    where
        X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    {
        let xr0 = chart.x_range();
        let plot_w = chart.plotting_area().dim_in_pixel().0;
        let decades = (xr0.end / xr0.start.max(f64::MIN_POSITIVE))
            .log10()
            .max(1.0);
        // 1-2-5 labels when about three per decade fit, else only powers of ten.
        let wide = (cx.x_labels(plot_w, 60) as f64) < 3.0 * decades;
        let x_fmt = |v: &f64| match ticks {
            Ticks::Linear(step) => cx.tick(*v, unit, *step),
            Ticks::Log => {
                // Label 1, 2 and 5 of each decade (only 1 over a wide span); grid on all.
                let m = v.abs() / 10f64.powf(v.abs().log10().floor());
                let close = |t: f64| (m - t).abs() < 0.05 * t;
                if close(1.0) || (!wide && (close(2.0) || close(5.0))) || close(10.0) {
                    cx.tick(*v, unit, v.abs() / 2.0)
                } else {
                    String::new()
                }
            }
        };
        let y_fmt = |v: &f64| format::percent(*v, 0);
        chart
            .configure_mesh()
            .max_light_lines(0)
            .bold_line_style(render::GRID)
            .axis_style(render::AXIS)
            .x_labels(if matches!(ticks, Ticks::Log) {
                30
            } else {
                cx.x_labels(plot_w, 10)
            })
            .y_labels(11)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .x_desc(format!(
                "{}{}",
                cx.axis_label(self.metric),
                if matches!(ticks, Ticks::Log) {
                    ", log scale"
                } else {
                    ""
                }
            ))
            .y_desc(format!("Share of {} above x", plural_period(cx)))
            .axis_desc_style(cx.text(Ctx::LABEL, INK))
            .label_style(cx.text(Ctx::TICK, INK))
            .draw()
            .map_err(de)?;

        let (x_range, _) = chart.plotting_area().get_pixel_range();
        let xr = chart.x_range();
        let (xa, xb) = (xr.start, xr.end);
        // Reference levels.
        let guide = ShapeStyle::from(&render::AXIS).stroke_width(cx.px(1.0).max(1) as u32);
        for level in [0.05, 0.01] {
            chart
                .draw_series(DashedLineSeries::new(
                    [(xa, level), (xb, level)],
                    cx.px(4.0),
                    cx.px(4.0),
                    guide,
                ))
                .map_err(de)?;
        }
        for (i, c) in curves.iter().enumerate() {
            let pts = curve_points(&c.sorted, c.n);
            let pts: Vec<(f64, f64)> = pts
                .into_iter()
                .map(|(x, p)| (x.max(xa).min(xb), p))
                .collect();
            let color = palette::series(i);
            chart
                .draw_series(LineSeries::new(
                    pts,
                    ShapeStyle::from(&color).stroke_width(cx.px(2.5).max(1) as u32),
                ))
                .map_err(de)?;
        }
        // Guide labels at the left end of the 5% and 1% lines, where exceedance curves are
        // still high; side by side when the lines are too close to stack them.
        let ls = cx.text(Ctx::SMALL, render::MUTED);
        let (_, y5) = chart.backend_coord(&(xa, 0.05));
        let (_, y1) = chart.backend_coord(&(xa, 0.01));
        let (w5, th) = cx.measure("5 % · 1 in 20", &ls);
        let stacked = y1 - y5 >= th + cx.px(2.0);
        let labels = if stacked {
            vec![
                (
                    "5 % · 1 in 20".to_string(),
                    x_range.start + cx.px(8.0),
                    y5 - th,
                ),
                (
                    "1 % · 1 in 100".to_string(),
                    x_range.start + cx.px(8.0),
                    y1 - th,
                ),
            ]
        } else {
            vec![
                (
                    "5 % · 1 in 20 (upper line)".to_string(),
                    x_range.start + cx.px(8.0),
                    y5 - th,
                ),
                (
                    "1 % · 1 in 100 (lower line)".to_string(),
                    x_range.start + cx.px(8.0) + w5 + cx.px(90.0),
                    y5 - th,
                ),
            ]
        };
        for (words, x, y) in labels {
            let (tw, th) = cx.measure(&words, &ls);
            root.draw(&Rectangle::new(
                [
                    (x - cx.px(3.0), y),
                    (x + tw + cx.px(3.0), y + th + cx.px(1.0)),
                ],
                WHITE.mix(0.85).filled(),
            ))
            .map_err(de)?;
            render::text(root, &words, (x, y), &ls)?;
        }
        // Dots where each curve crosses 5% and 1% (values are in the legend).
        for (i, c) in curves.iter().enumerate() {
            let color = render::darken(palette::series(i), 0.2);
            for (level, v) in tail_levels(c) {
                if (xa..=xb).contains(&v) {
                    chart
                        .draw_series(std::iter::once(Circle::new(
                            (v, level),
                            cx.px(5.0),
                            color.filled(),
                        )))
                        .map_err(de)?;
                }
            }
        }
        Ok(())
    }
}

/// The values exceeded with probability 5% and 1% (P95 and P99 of all finite values),
/// when the sample is large enough and the value is among those shown.
fn tail_levels(c: &Curve) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    if c.n < 20 || c.sorted.is_empty() {
        return out;
    }
    let offset = (c.n - c.sorted.len()) as f64;
    for level in [0.05, 0.01] {
        if level * (c.n as f64) < 1.0 {
            continue;
        }
        let idx = (1.0 - level) * (c.n as f64 - 1.0);
        if idx < offset {
            continue;
        }
        let q = (idx - offset) / ((c.sorted.len() as f64 - 1.0).max(1.0));
        out.push((level, quantile_sorted(&c.sorted, q.clamp(0.0, 1.0))));
    }
    out
}

fn plural_period(cx: &Ctx) -> String {
    let p = cx.opts.period.trim();
    if p.is_empty() {
        "iterations".to_string()
    } else {
        format!("{p}s")
    }
}

#[cfg(test)]
mod tests {
    use super::curve_points;

    #[test]
    fn step_function_of_a_small_sample() {
        let pts = curve_points(&[1.0, 2.0, 2.0, 3.0], 4);
        assert_eq!(
            pts,
            vec![
                (1.0, 1.0),
                (1.0, 0.75),
                (2.0, 0.75),
                (2.0, 0.25),
                (3.0, 0.25),
                (3.0, 0.0)
            ]
        );
        // On a log axis with one value at 0 skipped: the curve starts at 75%.
        let pts = curve_points(&[2.0, 3.0, 5.0], 4);
        assert_eq!(pts[0], (2.0, 0.75));
        assert_eq!(pts.last(), Some(&(5.0, 0.0)));
        assert!(curve_points(&[], 0).is_empty());
    }

    #[test]
    fn thinned_curve_keeps_the_tail() {
        let v: Vec<f64> = (0..10_000).map(|i| i as f64).collect();
        let pts = curve_points(&v, v.len());
        assert!(pts.len() < 1_600);
        assert_eq!(pts.last(), Some(&(9_999.0, 0.0)));
        assert!(pts.windows(2).all(|w| w[0].1 >= w[1].1));
    }
}
