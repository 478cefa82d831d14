//! Histogram of one metric across iterations, one or two scenarios overlaid.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::render::{self, de, footer, header, legend_item, message, Ctx, Draw, Placer, INK};
use crate::stats::{sorted_finite, summary_of, Summary};
use crate::{format, palette, ChartError, ChartOptions, MetricInfo, NamedSample};

/// Draws a histogram of `metric` across iterations for each series (one or two
/// scenarios, overlaid semi-transparently), with the mean (solid) and P5 / P50 / P95
/// (dashed) marked by labelled vertical lines.
///
/// Bars show the share of each series' iterations in the bin, so scenarios with different
/// counts compare fairly. Non-finite values (absent rates) are skipped and counted in a
/// note; empty, single-valued or constant samples draw a chart with a note.
pub fn histogram(
    series: &[NamedSample],
    metric: &MetricInfo,
    opts: &ChartOptions,
) -> Result<Vec<u8>, ChartError> {
    render::render(&Hist { series, metric }, opts)
}

struct Hist<'a> {
    series: &'a [NamedSample<'a>],
    metric: &'a MetricInfo,
}

struct Prepared<'a> {
    label: &'a str,
    /// The values drawn, ascending (on a log axis: log10 of the positive ones).
    sorted: Vec<f64>,
    /// Finite values (bars are shares of these).
    finite: usize,
    total: usize,
    summary: Option<Summary>,
}

/// Decades that the positive values of a money metric must span (P1 to P99, every
/// series together) before its axis turns logarithmic: a fraud loss from $800 to $5M
/// would otherwise be one bar at zero and a long empty tail.
const LOG_DECADES: f64 = 2.0;

/// Whether the histogram of these (drawable, ascending) samples uses a log x axis: a
/// money metric, no negative value, most values positive, spanning [`LOG_DECADES`].
fn wants_log_axis(prepared: &[Prepared], unit: crate::Unit) -> bool {
    if unit != crate::Unit::Money {
        return false;
    }
    let mut positive: Vec<f64> = prepared
        .iter()
        .flat_map(|p| p.sorted.iter().copied())
        .filter(|&v| v > 0.0)
        .collect();
    let finite: usize = prepared.iter().map(|p| p.sorted.len()).sum();
    let negative = prepared
        .iter()
        .any(|p| p.sorted.first().is_some_and(|&v| v < 0.0));
    if negative || positive.len() * 2 < finite || positive.len() < 10 {
        return false;
    }
    positive.sort_by(f64::total_cmp);
    let lo = crate::stats::quantile_sorted(&positive, 0.01);
    let hi = crate::stats::quantile_sorted(&positive, 0.99);
    lo > 0.0 && (hi / lo).log10() >= LOG_DECADES
}

/// Number of bins: Freedman–Diaconis on the largest sample, clamped to 8–60.
fn bin_count(sorted: &[f64], lo: f64, hi: f64) -> usize {
    let n = sorted.len();
    if n < 2 || hi <= lo {
        return 1;
    }
    let iqr =
        crate::stats::quantile_sorted(sorted, 0.75) - crate::stats::quantile_sorted(sorted, 0.25);
    let by_sqrt = (n as f64).sqrt().ceil();
    let bins = if iqr > 0.0 {
        let w = 2.0 * iqr / (n as f64).cbrt();
        ((hi - lo) / w).ceil()
    } else {
        by_sqrt
    };
    let bins = if bins.is_finite() { bins } else { by_sqrt };
    (bins as usize).clamp(8, 60)
}

impl Draw for Hist<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cx: &Ctx,
    ) -> Result<(), ChartError> {
        let unit = self.metric.unit;
        let prepared: Vec<Prepared> = self
            .series
            .iter()
            .map(|s| {
                let sorted = sorted_finite(s.values);
                let summary = summary_of(&sorted);
                Prepared {
                    label: s.label,
                    finite: sorted.len(),
                    sorted,
                    total: s.values.len(),
                    summary,
                }
            })
            .collect();
        // A heavy-tailed amount goes on a log axis: its values become log10(v), and the
        // zeros, which have no place on it, are counted in a note.
        let log = wants_log_axis(&prepared, unit);
        let real = |x: f64| if log { 10f64.powf(x) } else { x };
        let mut zero_notes = Vec::new();
        let prepared: Vec<Prepared> = if log {
            let multi = prepared.len() > 1;
            prepared
                .into_iter()
                .map(|p| {
                    let zeros = p.sorted.iter().filter(|&&v| v <= 0.0).count();
                    if zeros > 0 {
                        let who = if multi {
                            format!("{}: ", p.label)
                        } else {
                            String::new()
                        };
                        zero_notes.push(format!(
                            "{who}{} at {} ({}) are not on the logarithmic axis",
                            format::plural(zeros as u64, "iteration"),
                            cx.value(0.0, unit),
                            format::percent(zeros as f64 / p.finite.max(1) as f64, 1)
                        ));
                    }
                    Prepared {
                        sorted: p
                            .sorted
                            .iter()
                            .filter(|&&v| v > 0.0)
                            .map(|v| v.log10())
                            .collect(),
                        ..p
                    }
                })
                .collect()
        } else {
            prepared
        };
        let max_total = prepared.iter().map(|p| p.total).max().unwrap_or(0);
        let title = cx.title(&cx.metric_phrase(self.metric), max_total);
        let area = header(root, cx, &title, &[])?;

        // Notes: absent values, empty and constant samples.
        let multi = prepared.len() > 1;
        let mut notes = Vec::new();
        for p in &prepared {
            let who = if multi { Some(p.label) } else { None };
            if let Some(n) = render::absent_note(who, p.total - p.finite, p.total) {
                notes.push(n);
            }
            if p.sorted.is_empty() {
                // A single empty series gets the centred "No data" message instead.
                if let Some(w) = who {
                    notes.push(format!("{w}: no data"));
                }
            } else if let Some(s) = p.summary {
                if s.min == s.max {
                    let what = if p.sorted.len() == 1 {
                        format!("only 1 iteration, equal to {}", cx.value(s.min, unit))
                    } else {
                        format!(
                            "all {} iterations equal {}",
                            format::count(p.sorted.len() as u64),
                            cx.value(s.min, unit)
                        )
                    };
                    notes.push(match who {
                        Some(w) => format!("{w}: {what}"),
                        None => render::capitalise(&what),
                    });
                }
            }
        }

        notes.extend(zero_notes);

        // Legend lines with the summary of each series.
        let legend_h = cx.px(Ctx::TICK * 1.5) * prepared.len().max(1) as i32;
        let (legend, area) = area.split_vertically(legend_h);
        for (i, p) in prepared.iter().enumerate() {
            let color = palette::series(i);
            let text = match p.summary {
                Some(s) => format!(
                    "{}: mean {}, P5 {}, P50 {}, P95 {}",
                    p.label,
                    cx.value(s.mean, unit),
                    cx.value(s.p5, unit),
                    cx.value(s.p50, unit),
                    cx.value(s.p95, unit)
                ),
                None => format!("{}: no data", p.label),
            };
            let y = cx.px(Ctx::TICK * 1.5) * i as i32;
            legend_item(&legend, cx, (cx.px(16.0), y), color.mix(0.6), &text)?;
        }

        if prepared.iter().all(|p| p.sorted.is_empty()) {
            let area = footer(&area, cx, &notes)?;
            return message(
                &area,
                cx,
                &format!(
                    "No data: no iteration has a value for {}",
                    self.metric.name.to_lowercase()
                ),
            );
        }

        // Shared bins over the range of every series; a long tail beyond the widest
        // P0.5–P99.5 band is folded into the outermost bars (and noted).
        let lo_all = prepared
            .iter()
            .filter_map(|p| p.sorted.first())
            .copied()
            .fold(f64::INFINITY, f64::min);
        let hi_all = prepared
            .iter()
            .filter_map(|p| p.sorted.last())
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        let q = |p: &Prepared, q: f64| crate::stats::quantile_sorted(&p.sorted, q);
        let nonempty = || prepared.iter().filter(|p| !p.sorted.is_empty());
        let lo_core = nonempty()
            .map(|p| q(p, 0.005))
            .fold(f64::INFINITY, f64::min);
        let hi_core = nonempty()
            .map(|p| q(p, 0.995))
            .fold(f64::NEG_INFINITY, f64::max);
        let (lo, hi) = if hi_core > lo_core && (hi_all - lo_all) > 1.5 * (hi_core - lo_core) {
            (
                if lo_all < lo_core - 0.25 * (hi_core - lo_core) {
                    lo_core
                } else {
                    lo_all
                },
                if hi_all > hi_core + 0.25 * (hi_core - lo_core) {
                    hi_core
                } else {
                    hi_all
                },
            )
        } else {
            (lo_all, hi_all)
        };
        for p in nonempty() {
            let below = p.sorted.iter().filter(|&&v| v < lo).count();
            let above = p.sorted.iter().filter(|&&v| v > hi).count();
            let who = if multi {
                format!("{}: ", p.label)
            } else {
                String::new()
            };
            if above > 0 {
                notes.push(format!(
                    "{who}{} above {} (up to {}) counted in the last bar",
                    format::plural(above as u64, "iteration"),
                    cx.value(real(hi), unit),
                    cx.value(real(*p.sorted.last().unwrap_or(&hi)), unit)
                ));
            }
            if below > 0 {
                notes.push(format!(
                    "{who}{} below {} (down to {}) counted in the first bar",
                    format::plural(below as u64, "iteration"),
                    cx.value(real(lo), unit),
                    cx.value(real(*p.sorted.first().unwrap_or(&lo)), unit)
                ));
            }
        }
        let area = footer(&area, cx, &notes)?;
        let largest = prepared
            .iter()
            .max_by_key(|p| p.sorted.len())
            .map(|p| p.sorted.as_slice())
            .unwrap_or(&[]);
        // Whole-number samples over a short range (counts of attacks, contacts): one bar
        // per value, centred on it.
        let integers = prepared
            .iter()
            .all(|p| p.sorted.iter().all(|v| v.fract() == 0.0));
        let per_value = !log && integers && hi > lo && hi - lo <= 60.0;
        let bins = if per_value {
            (hi - lo) as usize + 1
        } else {
            bin_count(largest, lo, hi)
        };
        let (edges_lo, width) = if per_value {
            (lo - 0.5, 1.0)
        } else if hi > lo {
            (lo, (hi - lo) / bins as f64)
        } else {
            let (a, b) = render::nice_range(lo, hi, 0.0);
            let w = (b - a) / 10.0;
            (lo - w / 2.0, w)
        };
        let shares: Vec<Vec<f64>> = prepared
            .iter()
            .map(|p| {
                let mut counts = vec![0usize; bins];
                for &v in &p.sorted {
                    let b = ((v - edges_lo) / width).floor();
                    let b = if b.is_finite() && b > 0.0 {
                        (b as usize).min(bins - 1)
                    } else {
                        0
                    };
                    counts[b] += 1;
                }
                let n = p.finite.max(1) as f64;
                counts.into_iter().map(|c| c as f64 / n).collect()
            })
            .collect();
        let max_share = shares
            .iter()
            .flatten()
            .copied()
            .fold(0.0, f64::max)
            .max(1e-9);
        let (xlo, xhi) = if per_value {
            (
                lo - 0.5 - (hi - lo + 1.0) * 0.02,
                hi + 0.5 + (hi - lo + 1.0) * 0.02,
            )
        } else if hi > lo {
            render::nice_range(lo, hi, 0.03)
        } else {
            render::nice_range(lo, hi, 0.0)
        };
        // Keep a non-negative metric's axis from starting below zero.
        let xlo = if !log && !per_value && lo >= 0.0 && xlo < 0.0 && hi > lo {
            0f64.min(lo) - (hi - lo) * 0.005
        } else {
            xlo
        };
        let ymax = max_share * 1.32;

        let x_step = render::tick_step(xlo, xhi, cx.x_labels(area.dim_in_pixel().0, 8));
        let y_step = render::tick_step(0.0, ymax, 6);
        let x_fmt = |v: &f64| {
            if log {
                // Decades only: a label at 10^3.5 would read as a round number it is not.
                if (v - v.round()).abs() < 1e-9 {
                    cx.compact(10f64.powf(v.round()), unit)
                } else {
                    String::new()
                }
            } else if per_value && v.fract() != 0.0 {
                String::new()
            } else {
                cx.tick(*v, unit, x_step)
            }
        };
        let x_desc = if log {
            format!("{} — logarithmic scale", cx.axis_label(self.metric))
        } else {
            cx.axis_label(self.metric)
        };
        let y_fmt = |v: &f64| format::percent(*v, format::percent_decimals(y_step));
        let mut chart = ChartBuilder::on(&area)
            .margin_left(cx.px(8.0))
            .margin_right(cx.px(28.0))
            .margin_top(cx.px(4.0))
            .margin_bottom(cx.px(4.0))
            .x_label_area_size(cx.px(56.0))
            .y_label_area_size(cx.px(78.0))
            .build_cartesian_2d(xlo..xhi, 0f64..ymax)
            .map_err(de)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .max_light_lines(0)
            .bold_line_style(render::GRID)
            .axis_style(render::AXIS)
            .x_labels(cx.x_labels(area.dim_in_pixel().0, 8))
            .y_labels(6)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .x_desc(x_desc)
            .y_desc("Share of iterations")
            .axis_desc_style(cx.text(Ctx::LABEL, INK))
            .label_style(cx.text(Ctx::TICK, INK))
            .draw()
            .map_err(de)?;

        let alpha = if multi { 0.45 } else { 0.65 };
        for (i, s) in shares.iter().enumerate() {
            let color = palette::series(i);
            chart
                .draw_series(
                    s.iter()
                        .enumerate()
                        .filter(|(_, &h)| h > 0.0)
                        .map(|(b, &h)| {
                            let x0 = edges_lo + width * b as f64;
                            Rectangle::new([(x0, 0.0), (x0 + width, h)], color.mix(alpha).filled())
                        }),
                )
                .map_err(de)?;
            chart
                .draw_series(
                    s.iter()
                        .enumerate()
                        .filter(|(_, &h)| h > 0.0)
                        .map(|(b, &h)| {
                            let x0 = edges_lo + width * b as f64;
                            Rectangle::new(
                                [(x0, 0.0), (x0 + width, h)],
                                ShapeStyle::from(&color.mix(0.9))
                                    .stroke_width(cx.px(1.0).max(1) as u32),
                            )
                        }),
                )
                .map_err(de)?;
        }

        // Marker lines first, then their labels, placed to avoid overlaps.
        let mut labels = Vec::new();
        for (i, p) in prepared.iter().enumerate() {
            let Some(s) = p.summary else { continue };
            let color = render::darken(palette::series(i), 0.25);
            let marks = [
                ("mean", s.mean, true),
                ("P50", s.p50, false),
                ("P5", s.p5, false),
                ("P95", s.p95, false),
            ];
            // A constant sample has one value: mark it once.
            let marks = if s.min == s.max {
                &marks[..1]
            } else {
                &marks[..]
            };
            for &(name, value, solid) in marks {
                let x = match log {
                    true if value > 0.0 => value.log10(),
                    true => continue,
                    false => value,
                };
                if !(xlo..=xhi).contains(&x) {
                    continue;
                }
                let style = ShapeStyle::from(&color)
                    .stroke_width(cx.px(if solid { 2.5 } else { 1.6 }).max(1) as u32);
                if solid {
                    chart
                        .draw_series(LineSeries::new([(x, 0.0), (x, ymax)], style))
                        .map_err(de)?;
                } else {
                    chart
                        .draw_series(DashedLineSeries::new(
                            [(x, 0.0), (x, ymax)],
                            cx.px(6.0),
                            cx.px(4.0),
                            style,
                        ))
                        .map_err(de)?;
                }
                labels.push((format!("{name} {}", cx.compact(value, unit)), x, color));
            }
        }
        let (px_x, px_y) = chart.plotting_area().get_pixel_range();
        let mut placer = Placer::default();
        let ls = cx.text(Ctx::SMALL, INK);
        let row_h = cx.px(Ctx::SMALL * 1.35);
        for (label, x, color) in labels {
            let (tw, th) = cx.measure(&label, &ls);
            let (bx, _) = chart.backend_coord(&(x, 0.0));
            let pad = cx.px(5.0);
            let mut placed = None;
            'rows: for row in 0..10 {
                let y = px_y.start + cx.px(4.0) + row * row_h;
                for left in [bx + pad, bx - pad - tw] {
                    let b = (
                        left - cx.px(3.0),
                        y,
                        left + tw + cx.px(3.0),
                        y + th + cx.px(2.0),
                    );
                    if b.0 >= px_x.start && b.2 <= px_x.end && placer.free(b, cx.px(1.0)) {
                        placed = Some(b);
                        break 'rows;
                    }
                }
            }
            if let Some(b) = placed {
                placer.add(b);
                root.draw(&Rectangle::new(
                    [(b.0, b.1), (b.2, b.3)],
                    WHITE.mix(0.9).filled(),
                ))
                .map_err(de)?;
                render::text(
                    root,
                    &label,
                    (b.0 + cx.px(3.0), b.1 + cx.px(1.0)),
                    &render::recolor(&ls, color),
                )?;
            }
        }
        Ok(())
    }
}
