//! The one formatting policy for numbers people read: the CLI's tables, the charts'
//! labels, the app's sentences and (mirrored in `ui/src/format/numbers.ts`, checked
//! against cases generated from this module) the UI. The same value reads the same
//! everywhere.
//!
//! The policy, by kind of value:
//! - [`thousands`]: comma thousands separators, fixed decimals, `n/a` / `∞` / `-∞`, never
//!   a negative zero (`-0.2` with no decimals is `0`).
//! - [`percent`]: a fraction as a percentage with a space before the sign (`12.34 %`).
//! - [`money`]: the currency's symbol for USD, EUR, GBP and JPY, else the ISO code and a
//!   space (`$1,234`, `CHF 1,234`); amounts under 100 keep cents.
//! - [`value`]: a metric value in full, by unit: rates `94.12 %`, money `$182,400`,
//!   counts `12,345` (one decimal under 10 when not whole), hours `1,234 h`.
//! - [`delta`]: a change with its sign (`+`, `−`, `±0`); rates in percentage points
//!   (`−1.80 pts`, and `+<0.01 pts` for a real change too small for two decimals).
//! - [`se`]: a standard error, more precise than its value (`0.123 pts`).
//! - [`compact`]: at most three significant digits with k / M / B / T, for chart axes
//!   and bar ends (`$1.23M`, `12.3k`, `4.2 %`).
//! - [`share`]: a share of users (`62.0 %`, `0.42 %`, `<0.01 %`, `0 %`).

use crate::vocab::Unit;

/// Rounds `x` to `decimals` places with comma thousands separators:
/// `thousands(1234567.0, 0)` → `"1,234,567"`, `thousands(-1234.5, 1)` → `"-1,234.5"`.
/// Non-finite values are written `"n/a"`, `"∞"` or `"-∞"`.
pub fn thousands(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        return "n/a".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    // No "-0": a value that rounds to zero has no sign.
    if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    let digits = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// An integer count with thousands separators: `count(10000)` → `"10,000"`.
pub fn count(n: u64) -> String {
    thousands(n as f64, 0)
}

/// A count and a noun, plural when needed: `plural(1, "iteration")` → `"1 iteration"`,
/// `plural(10000, "iteration")` → `"10,000 iterations"`.
pub fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", count(n))
    }
}

/// A fraction as a percentage with `decimals` places: `percent(0.1234, 1)` → `"12.3 %"`.
pub fn percent(fraction: f64, decimals: usize) -> String {
    if !fraction.is_finite() {
        return thousands(fraction, 0);
    }
    format!("{} %", thousands(fraction * 100.0, decimals))
}

/// What money amounts start with: the symbol of USD, EUR, GBP and JPY, else the ISO
/// 4217 code and a space (`"CHF "`).
pub fn currency_symbol(currency: &str) -> String {
    match currency.to_ascii_uppercase().as_str() {
        "USD" => "$".to_string(),
        "EUR" => "€".to_string(),
        "GBP" => "£".to_string(),
        "JPY" => "¥".to_string(),
        "" => String::new(),
        other => format!("{other} "),
    }
}

fn with_symbol(body: String, currency: &str) -> String {
    let sym = currency_symbol(currency);
    match body.strip_prefix('-') {
        Some(rest) => format!("-{sym}{rest}"),
        None => format!("{sym}{body}"),
    }
}

/// Money in full: `money(1234567.0, "USD")` → `"$1,234,567"`; amounts under 100 keep
/// cents (`"€12.50"`).
pub fn money(x: f64, currency: &str) -> String {
    let decimals = if x.abs() < 100.0 && x.fract() != 0.0 {
        2
    } else {
        0
    };
    with_symbol(thousands(x, decimals), currency)
}

/// Decimals of a count or an amount of time: one under 10 when not whole, else none.
fn small_decimals(x: f64, whole_only_above_ten: bool) -> usize {
    let small = x.abs() < 10.0;
    if small && (!whole_only_above_ten || x.fract() != 0.0) {
        1
    } else {
        0
    }
}

/// A metric value in full, by unit: `0.94123` rate → `"94.12 %"`, money `"$182,400"`,
/// count `"12,345"` (`"2.5"` under 10 when not whole), hours `"1,234 h"`, seconds
/// `"12 s"`, minutes `"8.5 min"`, plain numbers `"0.25"`.
pub fn value(x: f64, unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Rate => percent(x, 2),
        Unit::Money => money(x, currency),
        Unit::Count => thousands(x, small_decimals(x, true)),
        Unit::Hours => format!("{} h", thousands(x, small_decimals(x, false))),
        Unit::Seconds => format!("{} s", thousands(x, small_decimals(x, false))),
        Unit::Minutes => format!("{} min", thousands(x, small_decimals(x, false))),
        Unit::Number => thousands(x, if x.abs() < 10.0 { 2 } else { 0 }),
    }
}

/// A change with its sign: `+`, `−` (minus sign) or `±` for none; rates in percentage
/// points with two decimals (`"−1.80 pts"`), a real rate change too small for them
/// `"+<0.01 pts"`; other units as [`value`] writes them (`"+$1,234"`, `"+2,300"`).
pub fn delta(x: f64, unit: Unit, currency: &str) -> String {
    if !x.is_finite() {
        return thousands(x, 0);
    }
    let sign = if x > 0.0 {
        "+"
    } else if x < 0.0 {
        "−"
    } else {
        "±"
    };
    let a = x.abs();
    match unit {
        Unit::Rate if a > 0.0 && a < 0.00005 => format!("{sign}<0.01 pts"),
        Unit::Rate => format!("{sign}{} pts", thousands(a * 100.0, 2)),
        _ => format!("{sign}{}", value(a, unit, currency)),
    }
}

/// A Monte Carlo standard error, written more precisely than its value: rates in
/// points with three decimals (`"0.123 pts"`), money in full, others with one decimal.
pub fn se(x: f64, unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Rate => format!("{} pts", thousands(x * 100.0, 3)),
        Unit::Money => money(x, currency),
        _ => thousands(x, 1),
    }
}

/// Three significant digits, trailing zeros trimmed: 1.2345 → "1.23", 12.0 → "12".
fn sig3(v: f64) -> String {
    if v == 0.0 {
        return "0".to_string();
    }
    let decimals = if v >= 100.0 {
        0
    } else if v >= 10.0 {
        1
    } else if v >= 1.0 {
        2
    } else {
        let mag = (-v.log10()).floor() as usize;
        (mag + 3).min(8)
    };
    let s = format!("{:.*}", decimals, v);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A number in at most three significant digits with a k / M / B / T suffix:
/// 950 → `"950"`, 1234 → `"1,234"`, 12345 → `"12.3k"`, 1234567 → `"1.23M"`.
pub fn short(x: f64) -> String {
    if !x.is_finite() {
        return thousands(x, 0);
    }
    let a = x.abs();
    let sign = if x < 0.0 { "-" } else { "" };
    let (v, suffix) = if a >= 999.5e9 {
        (a / 1e12, "T")
    } else if a >= 999.5e6 {
        (a / 1e9, "B")
    } else if a >= 999.5e3 {
        (a / 1e6, "M")
    } else if a >= 9_999.5 {
        (a / 1e3, "k")
    } else {
        (a, "")
    };
    let body = if suffix.is_empty() && v >= 1000.0 {
        // 1,000–9,999 in full: short enough, and reads better than "1.23k".
        thousands(v, 0)
    } else {
        sig3(v)
    };
    if body == "0" {
        return "0".to_string();
    }
    format!("{sign}{body}{suffix}")
}

/// A metric value in short form, for chart axes and bar ends where space is tight:
/// money `"$1.23M"`, counts `"12.3k"`, rates `"4.2 %"` (two decimals under 10 %),
/// hours `"1.2k h"`.
pub fn compact(x: f64, unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Rate => percent(x, if x.abs() < 0.1 { 2 } else { 1 }),
        Unit::Money => with_symbol(short(x), currency),
        Unit::Hours => format!("{} h", short(x)),
        Unit::Seconds => format!("{} s", short(x)),
        Unit::Minutes => format!("{} min", short(x)),
        Unit::Count | Unit::Number => short(x),
    }
}

/// Decimals needed to tell apart percentages that are `step_fraction` apart.
pub fn percent_decimals(step_fraction: f64) -> usize {
    let step = (step_fraction * 100.0).abs();
    if !step.is_finite() || step >= 1.0 || step == 0.0 {
        0
    } else {
        ((-step.log10() - 1e-9).ceil() as usize).min(6)
    }
}

/// A tick label on a metric's axis, `step` apart from the next: rates with the decimals
/// the step needs (`"25 %"`, `"2.5 %"`), everything else as [`compact`].
pub fn axis(x: f64, unit: Unit, currency: &str, step: f64) -> String {
    match unit {
        Unit::Rate => percent(x, percent_decimals(step)),
        _ => compact(x, unit, currency),
    }
}

/// A share of users (of entrants, of a gate's arrivals) for labels and prose:
/// `"0 %"`, `"<0.01 %"`, two decimals under 1 % (`"0.42 %"`), else one (`"12.3 %"`).
pub fn share(x: f64) -> String {
    if x == 0.0 {
        return "0 %".to_string();
    }
    if x.abs() < 0.0001 {
        return "<0.01 %".to_string();
    }
    percent(x, if x.abs() < 0.01 { 2 } else { 1 })
}

/// One formatting case for the UI's mirror of this module: the function, its input
/// and what this module writes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct FormatCase {
    /// `thousands`, `percent`, `money`, `value`, `delta`, `se`, `compact`, `axis`, `share`.
    pub kind: String,
    /// The number formatted.
    pub x: f64,
    /// Its unit (for `value`, `delta`, `se`, `compact`, `axis`).
    pub unit: Option<Unit>,
    /// Decimals (for `thousands` and `percent`) or the tick step (`axis`).
    pub arg: Option<f64>,
    /// Currency code (money units).
    pub currency: String,
    /// What [`format_case`] writes.
    pub text: String,
}

/// Formats one case by its kind (`unit` and `arg` as [`FormatCase`] describes).
pub fn format_case(
    kind: &str,
    x: f64,
    unit: Option<Unit>,
    arg: Option<f64>,
    currency: &str,
) -> String {
    let u = unit.unwrap_or(Unit::Number);
    let decimals = arg.map_or(0, |d| d.max(0.0) as usize);
    match kind {
        "thousands" => thousands(x, decimals),
        "percent" => percent(x, decimals),
        "money" => money(x, currency),
        "value" => value(x, u, currency),
        "delta" => delta(x, u, currency),
        "se" => se(x, u, currency),
        "compact" => compact(x, u, currency),
        "axis" => axis(x, u, currency, arg.unwrap_or(1.0)),
        "share" => share(x),
        _ => String::new(),
    }
}

/// Cases covering every kind and unit, edges included (zero, negatives, rounding to
/// zero, tiny and huge values, non-finite): the UI's formatter must write the same.
pub fn format_cases() -> Vec<FormatCase> {
    const UNITS: [Unit; 7] = [
        Unit::Count,
        Unit::Rate,
        Unit::Money,
        Unit::Hours,
        Unit::Seconds,
        Unit::Minutes,
        Unit::Number,
    ];
    let xs = [
        0.0,
        -0.0001,
        0.00002,
        0.0042,
        0.0421,
        0.1234,
        0.5,
        0.94123,
        1.0,
        2.346,
        9.96,
        12.5,
        99.5,
        -1234.5,
        12_345.0,
        182_400.0,
        999_999.0,
        1_234_567.0,
        -2_500_000.0,
        2.5e9,
        1.5e13,
    ];
    let mut out = Vec::new();
    let mut push = |kind: &str, x: f64, unit: Option<Unit>, arg: Option<f64>, currency: &str| {
        out.push(FormatCase {
            kind: kind.to_string(),
            x,
            unit,
            arg,
            currency: currency.to_string(),
            text: format_case(kind, x, unit, arg, currency),
        });
    };
    for &x in &xs {
        for d in [0.0, 1.0, 2.0] {
            push("thousands", x, None, Some(d), "USD");
            push("percent", x, None, Some(d), "USD");
        }
        for cur in ["USD", "EUR", "CHF"] {
            push("money", x, None, None, cur);
        }
        for u in UNITS {
            for kind in ["value", "delta", "se", "compact"] {
                push(kind, x, Some(u), None, "USD");
            }
        }
        for step in [0.05, 0.005, 0.0002, 1000.0] {
            push("axis", x, Some(Unit::Rate), Some(step), "USD");
            push("axis", x, Some(Unit::Money), Some(step), "GBP");
        }
        push("share", x, None, None, "USD");
    }
    push("delta", -0.018, Some(Unit::Rate), None, "USD");
    push("delta", 0.00002, Some(Unit::Rate), None, "USD");
    push("delta", -74_784.0, Some(Unit::Money), None, "USD");
    push("value", 12.5, Some(Unit::Money), None, "JPY");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators_and_edges() {
        assert_eq!(thousands(1234567.0, 0), "1,234,567");
        assert_eq!(thousands(999.6, 0), "1,000");
        assert_eq!(thousands(-1234.5, 1), "-1,234.5");
        assert_eq!(thousands(-0.2, 0), "0");
        assert_eq!(thousands(-0.0001, 2), "0.00");
        assert_eq!(thousands(f64::NAN, 0), "n/a");
        assert_eq!(thousands(f64::NEG_INFINITY, 0), "-∞");
        assert_eq!(count(10_000), "10,000");
        assert_eq!(plural(1, "iteration"), "1 iteration");
        assert_eq!(plural(2, "run"), "2 runs");
    }

    #[test]
    fn values_by_unit() {
        assert_eq!(value(0.94123, Unit::Rate, "USD"), "94.12 %");
        assert_eq!(value(182_400.0, Unit::Money, "USD"), "$182,400");
        assert_eq!(value(12.5, Unit::Money, "EUR"), "€12.50");
        assert_eq!(value(-1234.0, Unit::Money, "GBP"), "-£1,234");
        assert_eq!(value(1500.0, Unit::Money, "CHF"), "CHF 1,500");
        assert_eq!(value(12_345.4, Unit::Count, "USD"), "12,345");
        assert_eq!(value(2.346, Unit::Count, "USD"), "2.3");
        assert_eq!(value(3.0, Unit::Count, "USD"), "3");
        assert_eq!(value(1234.4, Unit::Hours, "USD"), "1,234 h");
        assert_eq!(value(8.5, Unit::Minutes, "USD"), "8.5 min");
    }

    #[test]
    fn deltas_and_standard_errors() {
        assert_eq!(delta(-0.018, Unit::Rate, "USD"), "−1.80 pts");
        assert_eq!(delta(0.00002, Unit::Rate, "USD"), "+<0.01 pts");
        assert_eq!(delta(0.0, Unit::Rate, "USD"), "±0.00 pts");
        assert_eq!(delta(2300.0, Unit::Count, "USD"), "+2,300");
        assert_eq!(delta(-74_784.0, Unit::Money, "USD"), "−$74,784");
        assert_eq!(se(0.00123, Unit::Rate, "USD"), "0.123 pts");
        assert_eq!(se(12.34, Unit::Count, "USD"), "12.3");
    }

    #[test]
    fn compact_axis_and_share() {
        assert_eq!(compact(1_234_567.0, Unit::Money, "USD"), "$1.23M");
        assert_eq!(compact(-2_000.0, Unit::Money, "USD"), "-$2,000");
        assert_eq!(compact(12_345.0, Unit::Count, "USD"), "12.3k");
        assert_eq!(compact(0.042, Unit::Rate, "USD"), "4.20 %");
        assert_eq!(short(999_999.0), "1M");
        assert_eq!(short(0.0421), "0.0421");
        assert_eq!(axis(0.25, Unit::Rate, "USD", 0.05), "25 %");
        assert_eq!(axis(0.025, Unit::Rate, "USD", 0.005), "2.5 %");
        assert_eq!(percent_decimals(0.0002), 2);
        assert_eq!(share(0.0), "0 %");
        assert_eq!(share(0.00004), "<0.01 %");
        assert_eq!(share(0.0042), "0.42 %");
        assert_eq!(share(0.1234), "12.3 %");
    }

    #[test]
    fn every_case_has_text() {
        let cases = format_cases();
        assert!(cases.len() > 500);
        assert!(cases.iter().all(|c| !c.text.is_empty()));
    }
}
