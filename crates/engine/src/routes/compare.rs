//! What a scenario does to the routes: which it closes or opens for whom, and which
//! findings it resolves or introduces — the sentences a comparison shows ("closes the
//! route “SMS code” of Account recovery for SIM swappers").

use serde::Serialize;
use ts_rs::TS;

use super::{Finding, FindingCode, JourneyRoutes, RouteReport, POSSIBLE};
use crate::format::share;

/// How a route changed for a population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Possible before, impossible after.
    Closed,
    /// Impossible (or absent) before, possible after.
    Opened,
    /// At most half as likely after.
    Reduced,
    /// At least twice as likely after.
    Increased,
}

/// One route's change for one population.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RouteChange {
    /// What happened.
    pub kind: ChangeKind,
    /// Journey id.
    pub journey: String,
    /// Population id.
    pub population: String,
    /// `attacker` or `legitimate`.
    pub population_kind: String,
    /// Route key.
    pub route: String,
    /// Route label.
    pub label: String,
    /// Mean chance per entrant before (baseline).
    pub before: f64,
    /// Mean chance per entrant after (scenario).
    pub after: f64,
    /// The change in a sentence.
    pub sentence: String,
}

/// Findings a scenario resolves and introduces (matched by rule, journey and route).
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct FindingChanges {
    /// In the baseline, not in the scenario.
    pub resolved: Vec<Finding>,
    /// In the scenario, not in the baseline.
    pub introduced: Vec<Finding>,
}

/// Route changes from `before` to `after`: attackers first, then by kind (closed, opened,
/// reduced, increased), then by how likely the route was. A route absent from a list
/// counts as impossible only when that journey's enumeration was complete; otherwise
/// it was merely not listed, and no change is claimed.
pub fn route_changes(before: &RouteReport, after: &RouteReport) -> Vec<RouteChange> {
    let mut out = Vec::new();
    for b in &before.journeys {
        let Some(a) = after.journey(&b.journey) else {
            continue;
        };
        for pop in &b.populations {
            let pid = pop.population.as_str();
            let who = &pop.name;
            let p_in = |j: &JourneyRoutes, key: &str| -> Option<f64> {
                match j.route(key).and_then(|r| r.odds_of(pid)) {
                    Some(o) => Some(o.p.mean),
                    None if j.complete => Some(0.0),
                    None => None,
                }
            };
            let mut push = |kind, key: &str, label: &str, x: f64, y: f64| {
                let sentence = match kind {
                    ChangeKind::Closed => format!(
                        "closes the route “{label}” of {} for {who} (was {} of entrants)",
                        b.name,
                        share(x)
                    ),
                    ChangeKind::Opened => format!(
                        "opens the route “{label}” of {} for {who} ({} of entrants)",
                        b.name,
                        share(y)
                    ),
                    ChangeKind::Reduced => format!(
                        "cuts the route “{label}” of {} for {who} from {} to {}",
                        b.name,
                        share(x),
                        share(y)
                    ),
                    ChangeKind::Increased => format!(
                        "raises the route “{label}” of {} for {who} from {} to {}",
                        b.name,
                        share(x),
                        share(y)
                    ),
                };
                out.push(RouteChange {
                    kind,
                    journey: b.journey.clone(),
                    population: pid.to_string(),
                    population_kind: pop.kind.clone(),
                    route: key.to_string(),
                    label: label.to_string(),
                    before: x,
                    after: y,
                    sentence,
                });
            };
            for r in &b.routes {
                let x = r.odds_of(pid).map_or(0.0, |o| o.p.mean);
                let Some(y) = p_in(a, &r.key) else { continue };
                let label = a.route(&r.key).map_or(&r.label, |n| &n.label);
                if x > POSSIBLE && y <= POSSIBLE {
                    push(ChangeKind::Closed, &r.key, label, x, y);
                } else if x > POSSIBLE && y <= x / 2.0 {
                    push(ChangeKind::Reduced, &r.key, label, x, y);
                } else if x > POSSIBLE && y >= x * 2.0 {
                    push(ChangeKind::Increased, &r.key, label, x, y);
                } else if x <= POSSIBLE && y > POSSIBLE {
                    push(ChangeKind::Opened, &r.key, label, x, y);
                }
            }
            for r in a.routes.iter().filter(|r| b.route(&r.key).is_none()) {
                let y = r.odds_of(pid).map_or(0.0, |o| o.p.mean);
                if y > POSSIBLE && b.complete {
                    push(ChangeKind::Opened, &r.key, &r.label, 0.0, y);
                }
            }
        }
    }
    out.sort_by(|x, y| {
        (x.population_kind != "attacker")
            .cmp(&(y.population_kind != "attacker"))
            .then(x.kind.cmp(&y.kind))
            .then(y.before.max(y.after).total_cmp(&x.before.max(x.after)))
    });
    out
}

/// Findings resolved and introduced by going from `before` to `after`.
pub fn finding_changes(before: &RouteReport, after: &RouteReport) -> FindingChanges {
    // Journey-level rules match by journey: a recovery still weaker by another route is
    // the same finding, not one resolved and one introduced.
    let same = |x: &Finding, y: &Finding| {
        let by_route = !matches!(
            x.code,
            FindingCode::RecoveryWeaker | FindingCode::SilentRecovery
        );
        x.code == y.code && x.journey == y.journey && (!by_route || x.route == y.route)
    };
    FindingChanges {
        resolved: before
            .findings
            .iter()
            .filter(|f| !after.findings.iter().any(|g| same(f, g)))
            .cloned()
            .collect(),
        introduced: after
            .findings
            .iter()
            .filter(|f| !before.findings.iter().any(|g| same(f, g)))
            .cloned()
            .collect(),
    }
}
