//! A route's achieved assurance (spec §11) from the controls passed on it.

use crate::spec::ControlSpec;

/// What passing these controls achieves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Assurance {
    /// The highest `aal` among the controls passed (0 when none passed, or none has one).
    pub aal: u8,
    /// Whether any control passed resists phishing.
    pub phishing_resistant: bool,
    /// Whether the assurance rests on the phone network alone: at least one control
    /// passed, and every control passed at the route's highest AAL runs over `pstn`.
    pub pstn_only: bool,
}

/// The assurance of a route that passed `passed` (indices into `controls`).
///
/// A route that passed no control is not PSTN-only: nothing was sent over the phone
/// network (spec §11 is silent; a vacuous "every control is PSTN" would flag routes
/// with no check at all, which the sensitive-journey finding already covers).
pub(crate) fn assess(controls: &[ControlSpec], passed: &[usize]) -> Assurance {
    let aal = passed.iter().map(|&c| controls[c].aal).max().unwrap_or(0);
    let phishing_resistant = passed.iter().any(|&c| controls[c].phishing_resistant);
    let pstn_only = !passed.is_empty()
        && passed
            .iter()
            .filter(|&&c| controls[c].aal == aal)
            .all(|&c| controls[c].channel.as_deref() == Some("pstn"));
    Assurance {
        aal,
        phishing_resistant,
        pstn_only,
    }
}
