//! Number formatting for people: thousands separators, percentages, money.

/// How a metric's values read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Count,
    Rate,
    Money,
    Hours,
}

/// The unit of a total metric.
pub fn unit_of(metric: &str) -> Unit {
    if metric.ends_with("_rate") {
        Unit::Rate
    } else if metric.ends_with("cost") || metric.ends_with("loss") || metric.ends_with("value") {
        Unit::Money
    } else if metric.ends_with("hours") {
        Unit::Hours
    } else {
        Unit::Count
    }
}

/// `1234567.8` → `"1,234,568"`; keeps `decimals` digits after the point.
pub fn thousands(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 && !s.trim_matches(['0', '.']).is_empty() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A value in its unit.
pub fn value(x: f64, unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Rate => format!("{:.2} %", x * 100.0),
        Unit::Money => format!("{} {currency}", thousands(x, 0)),
        Unit::Hours => format!("{} h", thousands(x, 0)),
        Unit::Count => thousands(x, 0),
    }
}

/// A difference in its unit: rates as percentage points, with an explicit sign.
pub fn delta(x: f64, unit: Unit, currency: &str) -> String {
    let sign = if x > 0.0 { "+" } else { "" };
    match unit {
        Unit::Rate => format!("{sign}{:.2} pt", x * 100.0),
        _ => format!("{sign}{}", value(x, unit, currency)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(1_234_567.8, 0), "1,234,568");
        assert_eq!(thousands(999.0, 0), "999");
        assert_eq!(thousands(-1000.0, 0), "-1,000");
        assert_eq!(thousands(1234.5678, 2), "1,234.57");
        assert_eq!(thousands(-0.2, 0), "0");
        assert_eq!(thousands(f64::NAN, 0), "—");
    }

    #[test]
    fn formats_units() {
        assert_eq!(value(0.91234, Unit::Rate, "USD"), "91.23 %");
        assert_eq!(value(12345.0, Unit::Money, "EUR"), "12,345 EUR");
        assert_eq!(delta(-0.018, Unit::Rate, "USD"), "-1.80 pt");
        assert_eq!(delta(2300.0, Unit::Count, "USD"), "+2,300");
        assert_eq!(unit_of("fraud_loss"), Unit::Money);
        assert_eq!(unit_of("legit_success_rate"), Unit::Rate);
        assert_eq!(unit_of("customer_hours"), Unit::Hours);
    }
}
