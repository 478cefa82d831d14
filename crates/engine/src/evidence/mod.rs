//! Evidence (spec §12): distributions fitted from observed counts and from experts'
//! judgements, and the predictive check of a model against observations. Pure: callers
//! bring the counts and judgements, and write the fits into the model.

mod check;
mod elicit;
mod observed;
mod sourced;

pub use check::{check, predictive_p, CheckError, CheckResult, Observation};
pub use elicit::{
    elicit, fit_points, points_of, Elicitation, ExpertFit, Family, Fitted, Judgement,
};
pub use observed::{fit_observed, jeffreys, FitError, ObservedFit, ObservedMethod, Period};
pub use sourced::observations_in_sources;
