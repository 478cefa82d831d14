//! Decisions (spec §10): a scenario is decided on one stored run. Someone requests a
//! decision; each required team (deciding, then veto holders) approves, rejects or
//! comments with a name and a rationale; the accountable owner accepts — optionally with
//! a risk acceptance — or declines. Everything goes to the store's append-only log; the
//! status is derived from it ([`journeylab_store::derive_status`]), never stored.
//!
//! `record.rs` builds what a screen or the CLI shows of a record, `words.rs` appends
//! words after checking them, `pack.rs` writes the decision pack (one HTML file).

pub(crate) mod pack;
mod record;
mod words;

pub use pack::{decision_pack, export_decision_pack};
pub use record::{
    decision_record, list_decisions, scenario_statuses, ChangeView, DecisionRecordView,
    DecisionSummary, RequestView, RequiredTeamView, ScenarioStatus,
};
pub use words::{record_word, request_decision, WordRequest};

/// Today's date in UTC as `YYYY-MM-DD` (what a risk acceptance's expiry is compared
/// with).
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// The proleptic Gregorian date of `days` since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
pub(crate) fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whether `text` is a date `YYYY-MM-DD` that exists.
pub(crate) fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i64>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    if y.to_string().len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests;
