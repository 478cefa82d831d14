//! The findings of spec §11: where the routes leave the account weaker than the model
//! says it should be. Findings are warnings: the model runs; a person decides.

use serde::Serialize;
use ts_rs::TS;

use super::{JourneyRoutes, Route, POSSIBLE};
use crate::format::share;
use crate::spec::{PopulationKind, Spec};

/// Which rule a finding breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingCode {
    /// A possible route below the journey's `required_aal`.
    AssuranceGap,
    /// A journey that restores another is weaker than it (its weakest route, or its
    /// required AAL).
    RecoveryWeaker,
    /// A route of a journey requiring AAL2 or more whose assurance rests on the phone
    /// network alone (SMS or voice: restricted in NIST SP 800-63B).
    PstnOnly,
    /// A sensitive journey with a route that passes no control.
    UnguardedSensitive,
    /// A recovery journey that does not tell the account holder.
    SilentRecovery,
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingSeverity {
    /// Attackers can take the route, or the account's access is at stake.
    High,
    /// A weakness only legitimate customers are seen to take, or a restricted channel.
    Medium,
    /// A gap in what the account holder learns.
    Low,
}

/// One finding with where it is and whom it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Finding {
    /// The rule.
    pub code: FindingCode,
    /// How much it matters.
    pub severity: FindingSeverity,
    /// Journey id.
    pub journey: String,
    /// Route key, when the finding is about a route.
    pub route: Option<String>,
    /// Route label, when about a route.
    pub route_label: Option<String>,
    /// The population most concerned: the attacker taking the route most, else the
    /// population taking it most.
    pub population: Option<String>,
    /// That population's mean chance per entrant of taking the route (0 for findings
    /// about a whole journey).
    pub p: f64,
    /// What was found, in a sentence.
    pub message: String,
    /// Why it matters.
    pub why: String,
}

/// Every §11 finding of the journeys' listed routes, most severe first, then the routes
/// taken most.
pub(super) fn findings(spec: &Spec, journeys: &[JourneyRoutes]) -> Vec<Finding> {
    let mut out = Vec::new();
    for j in journeys {
        for r in &j.routes {
            route_findings(spec, j, r, &mut out);
        }
        if let Some(f) = recovery_weaker(spec, j, journeys) {
            out.push(f);
        }
        let recovery = j.kind.as_deref() == Some("recovery") || j.restores.is_some();
        if recovery && !j.notifies {
            out.push(Finding {
                code: FindingCode::SilentRecovery,
                severity: FindingSeverity::Low,
                journey: j.journey.clone(),
                route: None,
                route_label: None,
                population: None,
                p: 0.0,
                message: format!("{} does not notify the account holder", j.name),
                why: "a takeover by recovery goes unseen until the customer is locked out; \
                      a notice lets them report it (set \"notifies\": true once it does)"
                    .into(),
            });
        }
    }
    // Most severe first; within a severity, the routes taken most first.
    out.sort_by(|a, b| a.severity.cmp(&b.severity).then(b.p.total_cmp(&a.p)));
    out
}

/// The population a route concerns most: the attacker with the highest chance on it,
/// else whoever takes it most. `None` when nobody can take it.
fn concerned(spec: &Spec, r: &Route) -> Option<(String, f64, bool)> {
    let attacker = |id: &str| {
        spec.populations
            .iter()
            .any(|p| p.id == id && p.kind == PopulationKind::Attacker)
    };
    let best = |attackers: bool| {
        r.odds
            .iter()
            .filter(|o| o.p.mean > POSSIBLE && attacker(&o.population) == attackers)
            .max_by(|a, b| a.p.mean.total_cmp(&b.p.mean))
            .map(|o| (o.population.clone(), o.p.mean, attackers))
    };
    best(true).or_else(|| best(false))
}

fn name_of(spec: &Spec, population: &str) -> String {
    spec.populations
        .iter()
        .find(|p| p.id == population)
        .map_or_else(|| population.to_string(), |p| p.name.clone())
}

fn route_findings(spec: &Spec, j: &JourneyRoutes, r: &Route, out: &mut Vec<Finding>) {
    let Some((pop, p, by_attacker)) = concerned(spec, r) else {
        return; // nobody takes it: nothing is open
    };
    let who = format!("{}: {} of entrants", name_of(spec, &pop), share(p));
    let finding = |code, severity, message: String, why: &str| Finding {
        code,
        severity,
        journey: j.journey.clone(),
        route: Some(r.key.clone()),
        route_label: Some(r.label.clone()),
        population: Some(pop.clone()),
        p,
        message,
        why: why.to_string(),
    };
    let attacked = if by_attacker {
        FindingSeverity::High
    } else {
        FindingSeverity::Medium
    };
    if let Some(required) = j.required_aal {
        if r.aal < required {
            out.push(finding(
                FindingCode::AssuranceGap,
                attacked,
                format!(
                    "route “{}” of {} reaches AAL{}, below the required AAL{required} ({who})",
                    r.label, j.name, r.aal
                ),
                "the journey promises an assurance level this way in does not give",
            ));
        }
        if required >= 2 && r.pstn_only {
            out.push(finding(
                FindingCode::PstnOnly,
                FindingSeverity::Medium,
                format!(
                    "route “{}” of {} rests on SMS or voice alone at AAL{} ({who})",
                    r.label, j.name, r.aal
                ),
                "the phone network is a restricted authenticator (NIST SP 800-63B): SIM swaps \
                 and number porting take it over",
            ));
        }
    }
    if j.sensitive && r.controls.is_empty() {
        out.push(finding(
            FindingCode::UnguardedSensitive,
            attacked,
            format!(
                "route “{}” of {} completes a sensitive action without passing a control ({who})",
                r.label, j.name
            ),
            "a sensitive action needs a fresh check; this route has none",
        ));
    }
}

/// A journey that restores another is weaker than it: its weakest route's AAL is below
/// the restored journey's weakest route or required AAL, whichever is higher.
fn recovery_weaker(spec: &Spec, j: &JourneyRoutes, all: &[JourneyRoutes]) -> Option<Finding> {
    let restored = all
        .iter()
        .find(|t| Some(&t.journey) == j.restores.as_ref())?;
    let weakest = j.weakest()?;
    let (bar, because) = match (restored.weakest(), restored.required_aal) {
        (Some(w), Some(req)) if req > w.aal => (req, format!("its required AAL{req}")),
        (Some(w), _) => (
            w.aal,
            format!("its weakest route “{}” at AAL{}", w.label, w.aal),
        ),
        (None, Some(req)) => (req, format!("its required AAL{req}")),
        (None, None) => return None,
    };
    if weakest.aal >= bar {
        return None;
    }
    let (pop, p, _) = concerned(spec, weakest)?;
    Some(Finding {
        code: FindingCode::RecoveryWeaker,
        severity: FindingSeverity::High,
        journey: j.journey.clone(),
        route: Some(weakest.key.clone()),
        route_label: Some(weakest.label.clone()),
        population: Some(pop.clone()),
        p,
        message: format!(
            "{} grants the access of {} at AAL{} by route “{}”, weaker than {} ({}: {} of entrants)",
            j.name,
            restored.name,
            weakest.aal,
            weakest.label,
            because,
            name_of(spec, &pop),
            share(p)
        ),
        why: "attackers take the weakest way into the account: a recovery weaker than sign-in \
              undoes what sign-in's controls buy"
            .into(),
    })
}
