//! Backend plumbing shared by every chart: the bundled font, SVG/PNG rendering with one
//! drawing routine, the palette, text measurement, titles, notes and label placement.

use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor};

use crate::{format, ChartError, ChartOptions, Format, MetricInfo, Unit};

/// The bundled font (DejaVu Sans, see `assets/README.md`).
static FONT: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");

/// Font family name the charts draw with. SVG viewers use their own sans-serif face;
/// the PNG rasteriser and all text measurement use the bundled DejaVu Sans.
pub(crate) const FAMILY: &str = "sans-serif";

fn ensure_font() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED
        .get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    if ok {
        Ok(())
    } else {
        Err(ChartError::Font)
    }
}

/// The Okabe–Ito colour-blind-safe palette, in the order series use it.
pub mod palette {
    use plotters::style::RGBColor;

    /// Blue.
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    /// Orange.
    pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    /// Bluish green.
    pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    /// Vermillion.
    pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    /// Reddish purple.
    pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
    /// Sky blue.
    pub const SKY: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
    /// Yellow.
    pub const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
    /// Black.
    pub const BLACK: RGBColor = RGBColor(0x00, 0x00, 0x00);

    /// Series colours in order of use.
    pub const SERIES: [RGBColor; 8] = [BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, BLACK];

    /// Colour of series `i` (cycling).
    pub fn series(i: usize) -> RGBColor {
        SERIES[i % SERIES.len()]
    }
}

/// Text colour.
pub(crate) const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Secondary text (notes, subtitles).
pub(crate) const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(0xE4, 0xE4, 0xE4);
/// Axis lines.
pub(crate) const AXIS: RGBColor = RGBColor(0x88, 0x88, 0x88);

/// Converts any plotters error into a [`ChartError`].
pub(crate) fn de<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// What every drawing routine knows: the pixel scale and the chart options.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    /// Pixels per logical pixel (1 for SVG, 2 for PNG).
    pub k: f64,
    pub opts: &'a ChartOptions,
}

impl Ctx<'_> {
    /// Logical pixels to device pixels.
    pub fn px(&self, v: f64) -> i32 {
        (v * self.k).round() as i32
    }

    /// Text style of a logical size and colour, anchored top-left.
    pub fn text(&self, size: f64, color: RGBColor) -> TextStyle<'static> {
        TextStyle {
            font: FontDesc::new(FontFamily::Name(FAMILY), size * self.k, FontStyle::Normal),
            color: color.to_backend_color(),
            pos: Pos::new(HPos::Left, VPos::Top),
        }
    }

    /// Width and height in device pixels of `text` in `style`.
    pub fn measure(&self, text: &str, style: &TextStyle) -> (i32, i32) {
        match style.font.box_size(text) {
            Ok((w, h)) => (w as i32, h as i32),
            // Rough fallback: never fails layout.
            Err(_) => (
                (text.chars().count() as f64 * style.font.get_size() * 0.6) as i32,
                style.font.get_size() as i32,
            ),
        }
    }

    /// Title size etc. in logical pixels.
    pub const TITLE: f64 = 24.0;
    pub const LABEL: f64 = 17.0;
    pub const TICK: f64 = 15.0;
    pub const SMALL: f64 = 14.0;

    /// The options' title, or `default` with the iteration count appended.
    pub fn title(&self, default: &str, fallback_iterations: usize) -> String {
        if let Some(t) = &self.opts.title {
            return t.clone();
        }
        let n = if self.opts.iterations > 0 {
            self.opts.iterations
        } else {
            fallback_iterations as u64
        };
        if n > 0 {
            format!(
                "{default} — {} iteration{}",
                format::count(n),
                if n == 1 { "" } else { "s" }
            )
        } else {
            default.to_string()
        }
    }

    /// "per month" or "" when the options have no period.
    pub fn per_period(&self) -> String {
        if self.opts.period.trim().is_empty() {
            String::new()
        } else {
            format!("per {}", self.opts.period.trim())
        }
    }

    /// Axis label with unit and currency: "Fraud loss (USD per month)",
    /// "Support contacts (per month)", "Legitimate abandonment (%)".
    pub fn axis_label(&self, m: &MetricInfo) -> String {
        let per = self.per_period();
        let unit = match m.unit {
            Unit::Money => {
                let cur = self.opts.currency.trim().to_ascii_uppercase();
                [cur, per]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            Unit::Count => per,
            Unit::Hours => ["hours".to_string(), per]
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
            Unit::Rate => "%".to_string(),
            Unit::Seconds => "seconds".to_string(),
            Unit::Minutes => "minutes".to_string(),
            Unit::Number => String::new(),
        };
        if unit.is_empty() {
            m.name.clone()
        } else {
            format!("{} ({unit})", m.name)
        }
    }

    /// Metric phrase for titles: "Fraud loss per month", "Legitimate abandonment".
    pub fn metric_phrase(&self, m: &MetricInfo) -> String {
        let per = self.per_period();
        if m.unit == Unit::Rate || per.is_empty() {
            m.name.clone()
        } else {
            format!("{} {per}", m.name)
        }
    }

    /// A value of a metric in full, as every table and screen writes it (titles,
    /// subtitles, the compare chart's means and changes).
    pub fn value(&self, x: f64, unit: Unit) -> String {
        format::value(x, unit, &self.opts.currency)
    }

    /// A value of a metric in short form, for markers and bar ends inside the plot area
    /// where space is tight (`$1.47M`).
    pub fn compact(&self, x: f64, unit: Unit) -> String {
        format::compact(x, unit, &self.opts.currency)
    }

    /// How many x tick labels fit `width_px` device pixels (about one per 110 logical
    /// pixels), between 2 and `max`.
    pub fn x_labels(&self, width_px: u32, max: usize) -> usize {
        ((width_px as f64 / self.k / 110.0) as usize).clamp(2, max.max(2))
    }

    /// A tick label.
    pub fn tick(&self, x: f64, unit: Unit, step: f64) -> String {
        format::axis(x, unit, &self.opts.currency, step)
    }
}

/// A chart that can draw itself on any plotters backend.
pub(crate) trait Draw {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        cx: &Ctx,
    ) -> Result<(), ChartError>;
}

/// Renders `chart` to SVG or PNG as the options ask.
pub(crate) fn render<C: Draw>(chart: &C, opts: &ChartOptions) -> Result<Vec<u8>, ChartError> {
    let (w, h) = (opts.width, opts.height);
    if !(200..=8000).contains(&w) || !(200..=8000).contains(&h) {
        return Err(ChartError::InvalidSize {
            width: w,
            height: h,
        });
    }
    ensure_font()?;
    match opts.format {
        Format::Svg => {
            let mut s = String::new();
            {
                let root = SVGBackend::with_string(&mut s, (w, h)).into_drawing_area();
                root.fill(&WHITE).map_err(de)?;
                chart.draw(&root, &Ctx { k: 1.0, opts })?;
                root.present().map_err(de)?;
            }
            Ok(s.into_bytes())
        }
        Format::Png => {
            let (pw, ph) = (w * 2, h * 2);
            let mut buf = vec![255u8; pw as usize * ph as usize * 3];
            {
                let root = BitMapBackend::with_buffer(&mut buf, (pw, ph)).into_drawing_area();
                root.fill(&WHITE).map_err(de)?;
                chart.draw(&root, &Ctx { k: 2.0, opts })?;
                root.present().map_err(de)?;
            }
            encode_png(&buf, pw, ph)
        }
    }
}

fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        // Flat colours and anti-aliased text compress far better with per-row filters.
        enc.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
        enc.set_compression(png::Compression::Default);
        let mut writer = enc
            .write_header()
            .map_err(|e| ChartError::Encode(e.to_string()))?;
        writer
            .write_image_data(rgb)
            .map_err(|e| ChartError::Encode(e.to_string()))?;
        writer
            .finish()
            .map_err(|e| ChartError::Encode(e.to_string()))?;
    }
    Ok(out)
}

/// The same style in another colour.
pub(crate) fn recolor<'a>(style: &TextStyle<'a>, color: RGBColor) -> TextStyle<'a> {
    TextStyle {
        font: style.font.clone(),
        color: color.to_backend_color(),
        pos: style.pos,
    }
}

/// Draws text with its top-left corner at `pos` (device pixels, relative to `area`).
pub(crate) fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    pos: (i32, i32),
    style: &TextStyle,
) -> Result<(), ChartError> {
    area.draw(&Text::new(s.to_string(), pos, style.clone()))
        .map_err(de)
}

/// Draws the title (and optional subtitle lines) at the top of `root`; returns the area
/// below them.
pub(crate) fn header<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    cx: &Ctx,
    title: &str,
    subtitles: &[String],
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    let (w, _) = root.dim_in_pixel();
    let ts = cx.text(Ctx::TITLE, INK);
    let max_w = w as i32 - cx.px(32.0);
    // A title too wide for one line breaks at its " — " (the iteration count goes below).
    let lines: Vec<String> = match title.rsplit_once(" — ") {
        Some((head, tail)) if cx.measure(title, &ts).0 > max_w => {
            vec![head.to_string(), format!("— {tail}")]
        }
        _ => vec![title.to_string()],
    };
    let mut y = cx.px(14.0);
    for line in &lines {
        let line = ellipsize(cx, line, &ts, max_w);
        text(root, &line, (cx.px(16.0), y), &ts)?;
        y += cx.px(Ctx::TITLE * 1.25);
    }
    let ss = cx.text(Ctx::SMALL, MUTED);
    for s in subtitles {
        let s = ellipsize(cx, s, &ss, w as i32 - cx.px(32.0));
        text(root, &s, (cx.px(16.0), y), &ss)?;
        y += cx.px(Ctx::SMALL * 1.35);
    }
    y += cx.px(6.0);
    Ok(root.split_vertically(y).1)
}

/// Draws notes (muted, one per line) at the bottom of `area`; returns the area above.
pub(crate) fn footer<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cx: &Ctx,
    notes: &[String],
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    if notes.is_empty() {
        return Ok(area.clone());
    }
    let (w, h) = area.dim_in_pixel();
    let line = cx.px(Ctx::SMALL * 1.35);
    let total = line * notes.len() as i32 + cx.px(10.0);
    let (top, bottom) = area.split_vertically((h as i32 - total).max(0));
    let ss = cx.text(Ctx::SMALL, MUTED);
    for (i, n) in notes.iter().enumerate() {
        let n = ellipsize(cx, n, &ss, w as i32 - cx.px(32.0));
        text(
            &bottom,
            &n,
            (cx.px(16.0), cx.px(2.0) + line * i as i32),
            &ss,
        )?;
    }
    Ok(top)
}

/// Draws a centred message in a light frame filling `area` (used for "no data").
pub(crate) fn message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cx: &Ctx,
    msg: &str,
) -> Result<(), ChartError> {
    let (w, h) = area.dim_in_pixel();
    let m = cx.px(16.0);
    area.draw(&Rectangle::new(
        [(m, m / 2), (w as i32 - m, h as i32 - m)],
        ShapeStyle::from(&GRID).stroke_width(cx.px(1.0).max(1) as u32),
    ))
    .map_err(de)?;
    let style = cx
        .text(Ctx::LABEL, MUTED)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        msg.to_string(),
        (w as i32 / 2, h as i32 / 2),
        style,
    ))
    .map_err(de)
}

/// Shortens `s` with an ellipsis so it fits `max_w` device pixels.
pub(crate) fn ellipsize(cx: &Ctx, s: &str, style: &TextStyle, max_w: i32) -> String {
    if cx.measure(s, style).0 <= max_w {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let cand: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if cx.measure(&cand, style).0 <= max_w {
            return cand;
        }
    }
    "…".to_string()
}

/// A legend entry: a colour swatch and a label, at `pos`; returns the width used.
pub(crate) fn legend_item<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cx: &Ctx,
    pos: (i32, i32),
    color: RGBAColor,
    label: &str,
) -> Result<i32, ChartError> {
    let ts = cx.text(Ctx::TICK, INK);
    let (tw, th) = cx.measure(label, &ts);
    let sw = cx.px(14.0);
    let y_mid = pos.1 + th / 2;
    area.draw(&Rectangle::new(
        [(pos.0, y_mid - sw / 2), (pos.0 + sw, y_mid + sw / 2)],
        color.filled(),
    ))
    .map_err(de)?;
    text(area, label, (pos.0 + sw + cx.px(6.0), pos.1), &ts)?;
    Ok(sw + cx.px(6.0) + tw + cx.px(22.0))
}

/// Lays out legend entries left to right from `origin`, wrapping at `max_w`; a `None`
/// colour writes a muted heading instead of a swatch entry. Returns the height used.
pub(crate) fn legend_flow<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cx: &Ctx,
    origin: (i32, i32),
    max_w: i32,
    items: &[(Option<RGBAColor>, String)],
) -> Result<i32, ChartError> {
    let ts = cx.text(Ctx::TICK, INK);
    let hs = cx.text(Ctx::TICK, MUTED);
    let line = cx.px(Ctx::TICK * 1.5);
    let (mut x, mut y) = origin;
    for (color, label) in items {
        let w = match color {
            Some(_) => cx.px(14.0) + cx.px(6.0) + cx.measure(label, &ts).0 + cx.px(22.0),
            None => cx.measure(label, &hs).0 + cx.px(8.0),
        };
        if x > origin.0 && x + w > origin.0 + max_w {
            x = origin.0;
            y += line;
        }
        match color {
            Some(c) => {
                legend_item(area, cx, (x, y), *c, label)?;
            }
            None => text(area, label, (x, y), &hs)?,
        }
        x += w;
    }
    Ok(y - origin.1 + line)
}

/// Axis-aligned boxes already used by labels, to avoid overlaps.
#[derive(Debug, Default)]
pub(crate) struct Placer {
    boxes: Vec<(i32, i32, i32, i32)>,
}

impl Placer {
    /// True when the box (x0, y0, x1, y1) overlaps no placed box (with `pad`).
    pub fn free(&self, b: (i32, i32, i32, i32), pad: i32) -> bool {
        self.boxes
            .iter()
            .all(|o| b.2 + pad <= o.0 || o.2 + pad <= b.0 || b.3 + pad <= o.1 || o.3 + pad <= b.1)
    }

    /// Records a used box.
    pub fn add(&mut self, b: (i32, i32, i32, i32)) {
        self.boxes.push(b);
    }
}

/// A finite, non-empty range around the given bounds, padded by `pad` of its span.
/// A degenerate range (all values equal) becomes a range that shows the value clearly.
pub(crate) fn nice_range(lo: f64, hi: f64, pad: f64) -> (f64, f64) {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    let span = hi - lo;
    if span <= f64::EPSILON * lo.abs().max(hi.abs()).max(1e-300) || span == 0.0 {
        let c = lo;
        let half = if c == 0.0 { 1.0 } else { c.abs() * 0.1 };
        return (c - half, c + half);
    }
    (lo - span * pad, hi + span * pad)
}

/// Tick spacing plotters is likely to use for `n` labels over a span, used to pick
/// decimals for percentages.
pub(crate) fn tick_step(lo: f64, hi: f64, n: usize) -> f64 {
    let raw = (hi - lo).abs() / n.max(1) as f64;
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Mixes a colour with white: `amount` 0 = colour, 1 = white.
pub(crate) fn lighten(c: RGBColor, amount: f64) -> RGBColor {
    let a = amount.clamp(0.0, 1.0);
    let f = |v: u8| (v as f64 + (255.0 - v as f64) * a).round() as u8;
    RGBColor(f(c.0), f(c.1), f(c.2))
}

/// Mixes a colour with black: `amount` 0 = colour, 1 = black.
pub(crate) fn darken(c: RGBColor, amount: f64) -> RGBColor {
    let a = 1.0 - amount.clamp(0.0, 1.0);
    let f = |v: u8| (v as f64 * a).round() as u8;
    RGBColor(f(c.0), f(c.1), f(c.2))
}

/// Counts non-finite values and describes them for a note, e.g.
/// "312 of 10,000 iterations have no value (absent) and are not shown".
pub(crate) fn absent_note(label: Option<&str>, absent: usize, total: usize) -> Option<String> {
    if absent == 0 {
        return None;
    }
    let who = label.map(|l| format!("{l}: ")).unwrap_or_default();
    Some(format!(
        "{who}{} of {} iterations have no value (absent or not finite) and are not shown",
        format::count(absent as u64),
        format::count(total as u64)
    ))
}

/// First letter in lower case, unless the word is an acronym ("SMS OTP" stays).
pub(crate) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), s.chars().nth(1)) {
        (Some(f), Some(second)) if !second.is_uppercase() => {
            f.to_lowercase().collect::<String>() + c.as_str()
        }
        (Some(f), None) => f.to_lowercase().collect::<String>(),
        _ => s.to_string(),
    }
}

/// First letter in upper case.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// `v` kept within `lo..=hi`, preferring `lo` when the bounds cross (never panics, unlike
/// `Ord::clamp`).
pub(crate) fn fit(v: i32, lo: i32, hi: i32) -> i32 {
    v.min(hi).max(lo)
}
