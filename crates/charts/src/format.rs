//! Number formatting for labels: thousands separators, short axis forms, money, percent.

use crate::Unit;

/// Rounds `x` to `decimals` places and writes it with comma thousands separators:
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
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    if negative {
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
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
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

/// Short form for axes and annotations, three significant digits at most:
/// 950 → `"950"`, 1234 → `"1.23k"`, 1234567 → `"1.23M"`, 2.5e9 → `"2.5B"`, 0.0421 → `"0.0421"`.
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
        // 1,000–9,999: write in full, it is short enough and reads better than "1.23k".
        thousands(v, 0)
    } else {
        sig3(v)
    };
    if body == "0" {
        return "0".to_string();
    }
    format!("{sign}{body}{suffix}")
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
        // 0.0421 → 4 decimals (3 significant digits), capped.
        let mag = (-v.log10()).floor() as usize;
        (mag + 3).min(8)
    };
    trim_zeros(format!("{:.*}", decimals, v))
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        let t = s.trim_end_matches('0').trim_end_matches('.');
        t.to_string()
    } else {
        s
    }
}

/// Symbol written before money amounts, for the common ISO 4217 codes; other codes are
/// written as the code and a space (`"CHF "`).
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

/// Money in full with thousands separators: `money(1234567.0, "USD")` → `"$1,234,567"`;
/// amounts under 100 keep cents.
pub fn money(x: f64, currency: &str) -> String {
    let decimals = if x.abs() < 100.0 && x.fract() != 0.0 {
        2
    } else {
        0
    };
    with_symbol(thousands(x, decimals), currency)
}

/// Money in short form: `money_short(1234567.0, "USD")` → `"$1.23M"`.
pub fn money_short(x: f64, currency: &str) -> String {
    with_symbol(short(x), currency)
}

fn with_symbol(body: String, currency: &str) -> String {
    let sym = currency_symbol(currency);
    match body.strip_prefix('-') {
        Some(rest) => format!("-{sym}{rest}"),
        None => format!("{sym}{body}"),
    }
}

/// A fraction as a percentage with `decimals` places: `percent(0.1234, 1)` → `"12.3%"`.
pub fn percent(fraction: f64, decimals: usize) -> String {
    if !fraction.is_finite() {
        return thousands(fraction, 0);
    }
    format!("{}%", thousands(fraction * 100.0, decimals))
}

/// Decimals needed to tell apart percentages that are `step_fraction` apart.
pub fn percent_decimals(step_fraction: f64) -> usize {
    let step = (step_fraction * 100.0).abs();
    if !step.is_finite() || step >= 1.0 || step == 0.0 {
        0
    } else {
        ((-step.log10()).ceil() as usize).min(6)
    }
}

/// A value of a metric for annotations, compact but exact enough to read:
/// money `"$1.23M"`, `"$45.7k"` (in full under 10,000: `"$4,567"`), counts `"12,345"` (`"1.23M"` from a million), rates `"12.3%"`,
/// hours `"1,234 h"`.
pub fn value(x: f64, unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Money => {
            if x.abs() >= 10_000.0 {
                money_short(x, currency)
            } else {
                money(x.round_if_large(), currency)
            }
        }
        Unit::Count => {
            if x.abs() >= 1e6 {
                short(x)
            } else if x.fract() == 0.0 || x.abs() >= 100.0 {
                thousands(x, 0)
            } else {
                sig3_signed(x)
            }
        }
        Unit::Rate => {
            let a = x.abs();
            let d = if a == 0.0 || a >= 0.1 {
                1
            } else if a >= 0.001 {
                2
            } else {
                3
            };
            percent(x, d)
        }
        Unit::Hours => {
            if x.abs() >= 1e6 {
                format!("{} h", short(x))
            } else if x.abs() >= 100.0 {
                format!("{} h", thousands(x, 0))
            } else {
                format!("{} h", sig3_signed(x))
            }
        }
    }
}

fn sig3_signed(x: f64) -> String {
    if !x.is_finite() {
        return thousands(x, 0);
    }
    let s = sig3(x.abs());
    if x < 0.0 && s != "0" {
        format!("-{s}")
    } else {
        s
    }
}

trait RoundIfLarge {
    fn round_if_large(self) -> f64;
}
impl RoundIfLarge for f64 {
    fn round_if_large(self) -> f64 {
        if self.abs() >= 100.0 {
            self.round()
        } else {
            self
        }
    }
}

/// Tick label on an axis of a metric, short form; `step` is the distance between ticks,
/// used to pick enough decimals for rates.
pub fn axis(x: f64, unit: Unit, currency: &str, step: f64) -> String {
    match unit {
        Unit::Money => money_short(x, currency),
        Unit::Count => short(x),
        Unit::Hours => short(x),
        Unit::Rate => percent(x, percent_decimals(step)),
    }
}

/// Text for a change: a leading `+` on positive values, e.g. `"+$1.2M"`, `"-3.4%"`.
pub fn signed(x: f64, unit: Unit, currency: &str) -> String {
    let s = value(x, unit, currency);
    if x > 0.0 && !s.starts_with('-') {
        format!("+{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(1234567.0, 0), "1,234,567");
        assert_eq!(thousands(123.0, 0), "123");
        assert_eq!(thousands(1000.0, 0), "1,000");
        assert_eq!(thousands(999.6, 0), "1,000");
        assert_eq!(thousands(-1234.5, 1), "-1,234.5");
        assert_eq!(thousands(0.0, 0), "0");
        assert_eq!(thousands(-0.0001, 2), "0.00");
        assert_eq!(thousands(12345678901.0, 0), "12,345,678,901");
        assert_eq!(thousands(f64::NAN, 0), "n/a");
        assert_eq!(thousands(f64::INFINITY, 0), "∞");
        assert_eq!(count(0), "0");
        assert_eq!(count(10_000), "10,000");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(plural(1, "iteration"), "1 iteration");
        assert_eq!(plural(10_000, "iteration"), "10,000 iterations");
    }

    #[test]
    fn short_forms() {
        assert_eq!(short(0.0), "0");
        assert_eq!(short(950.0), "950");
        assert_eq!(short(1234.0), "1,234");
        assert_eq!(short(12_345.0), "12.3k");
        assert_eq!(short(1_234_567.0), "1.23M");
        assert_eq!(short(1_200_000.0), "1.2M");
        assert_eq!(short(999_999.0), "1M");
        assert_eq!(short(2.5e9), "2.5B");
        assert_eq!(short(-1_500_000.0), "-1.5M");
        assert_eq!(short(0.0421), "0.0421");
        assert_eq!(short(0.5), "0.5");
        assert_eq!(short(f64::NAN), "n/a");
    }

    #[test]
    fn money_forms() {
        assert_eq!(money(1234567.0, "USD"), "$1,234,567");
        assert_eq!(money(12.5, "EUR"), "€12.50");
        assert_eq!(money(-1234.0, "GBP"), "-£1,234");
        assert_eq!(money_short(1_234_567.0, "USD"), "$1.23M");
        assert_eq!(money_short(-2_000.0, "USD"), "-$2,000");
        assert_eq!(money_short(1_500.0, "CHF"), "CHF 1,500");
        assert_eq!(value(3_400_000.0, Unit::Money, "USD"), "$3.4M");
        assert_eq!(value(45_678.4, Unit::Money, "USD"), "$45.7k");
        assert_eq!(value(4_567.4, Unit::Money, "USD"), "$4,567");
    }

    #[test]
    fn rate_count_hours_forms() {
        assert_eq!(percent(0.1234, 1), "12.3%");
        assert_eq!(value(0.1234, Unit::Rate, "USD"), "12.3%");
        assert_eq!(value(0.0123, Unit::Rate, "USD"), "1.23%");
        assert_eq!(value(0.0, Unit::Rate, "USD"), "0.0%");
        assert_eq!(value(12345.0, Unit::Count, "USD"), "12,345");
        assert_eq!(value(2.346, Unit::Count, "USD"), "2.35");
        assert_eq!(value(2_500_000.0, Unit::Count, "USD"), "2.5M");
        assert_eq!(value(1234.4, Unit::Hours, "USD"), "1,234 h");
        assert_eq!(axis(0.25, Unit::Rate, "USD", 0.05), "25%");
        assert_eq!(axis(0.025, Unit::Rate, "USD", 0.005), "2.5%");
        assert_eq!(percent_decimals(0.0002), 2);
        assert_eq!(signed(1_200_000.0, Unit::Money, "USD"), "+$1.2M");
        assert_eq!(signed(-0.034, Unit::Rate, "USD"), "-3.40%");
    }
}
