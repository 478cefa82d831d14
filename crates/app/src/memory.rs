//! Refusing a run that cannot fit in memory before it starts, instead of letting the
//! allocator abort the process part-way. With the engine's flat memory (stream.rs) only
//! the kept rows grow with iterations, up to a bound, so this bites on very wide models
//! or a machine already short of memory.

use journeylab_engine::sim::Layout;
use journeylab_engine::stream::memory_estimate;
use journeylab_engine::{Settings, Validation};

use crate::AppError;

/// Share of the available memory a run may plan to use (the rest: the app, the store's
/// writes, the page cache).
const USABLE: f64 = 0.8;

/// Fails with what the run needs, what is available and the largest iteration count that
/// fits, when the run's estimated peak exceeds the usable share of available memory.
/// Machines that do not say what is available (no `/proc/meminfo`) are not checked.
pub fn check_memory(
    validation: &Validation,
    settings: &Settings,
    scenarios: Option<&[String]>,
) -> Result<(), AppError> {
    let Some(spec) = validation.spec.as_ref() else {
        return Ok(());
    };
    let count = 1 + match scenarios {
        Some(ids) => ids.iter().filter(|s| s.as_str() != "baseline").count(),
        None => validation.scenarios.len(),
    };
    let width = std::iter::once(spec)
        .chain(validation.scenarios.iter().map(|s| &s.spec))
        .map(|s| Layout::of(s).width)
        .max()
        .unwrap_or(0);
    match available_bytes() {
        Some(available) => fits(settings.iterations, width, count, available),
        None => Ok(()),
    }
}

/// The check itself, for a given amount of available memory.
pub(crate) fn fits(
    iterations: u64,
    width: usize,
    scenarios: usize,
    available: u64,
) -> Result<(), AppError> {
    let needed = memory_estimate(iterations, width, scenarios);
    let usable = (available as f64 * USABLE) as u64;
    if needed <= usable {
        return Ok(());
    }
    let most = most_that_fit(iterations, width, scenarios, usable);
    Err(AppError::Run {
        message: format!(
            "this run needs about {} of memory and {} is available (80 % of it usable); at most {} iterations fit — lower the iterations, or run fewer scenarios at once",
            human(needed),
            human(available),
            journeylab_engine::format::count(most)
        ),
    })
}

/// The most iterations, up to `iterations`, whose estimate fits in `usable` bytes. Below
/// the kept rows memory grows with the count and the estimate never falls as it grows, so
/// a bisection finds it.
fn most_that_fit(iterations: u64, width: usize, scenarios: usize, usable: u64) -> u64 {
    let (mut most, mut over) = (0, iterations);
    while most < over {
        let mid = most + (over - most).div_ceil(2);
        if memory_estimate(mid, width, scenarios) <= usable {
            most = mid;
        } else {
            over = mid - 1;
        }
    }
    most
}

/// `MemAvailable` of `/proc/meminfo`, in bytes.
fn available_bytes() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn human(bytes: u64) -> String {
    let gb = bytes as f64 / (1u64 << 30) as f64;
    if gb >= 1.0 {
        format!("{gb:.1} GB")
    } else {
        format!("{:.0} MB", bytes as f64 / (1u64 << 20) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_that_cannot_fit_is_refused_with_the_count_that_does() {
        // 50 columns, 4 scenarios: past the kept rows memory is flat, so ten million
        // iterations need what a hundred thousand do.
        assert!(fits(10_000_000, 50, 4, 8 << 30).is_ok());
        let e = fits(10_000_000, 50, 4, 64 << 20).expect_err("64 MB is too little");
        let text = e.to_string();
        assert!(
            text.contains("is available") && text.contains("iterations fit"),
            "{text}"
        );
        assert!(fits(1_000, 50, 4, 64 << 20).is_ok(), "a small run fits");
    }

    #[test]
    fn the_count_named_is_the_largest_that_fits() {
        for usable in [1 << 20, 64 << 20] {
            let most = most_that_fit(10_000_000, 50, 4, usable);
            assert!(most > 0, "{usable}");
            assert!(
                memory_estimate(most, 50, 4) <= usable,
                "{most} fits in {usable}"
            );
            assert!(
                memory_estimate(most + 1, 50, 4) > usable,
                "{} does not fit in {usable}",
                most + 1
            );
        }
        // Past the kept rows memory is flat: with room for them, every count fits.
        assert_eq!(most_that_fit(10_000_000, 50, 4, 300 << 20), 10_000_000);
    }
}
