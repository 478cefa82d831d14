//! Model-level views over the journeys' routes: each population's main route across
//! journeys, and the table of journeys that grant access to the account.

use super::{AccessRow, JourneyRoutes, MainRoute, POSSIBLE};
use crate::spec::{PopulationKind, Spec};

/// Each population's route carrying most of its successes across every journey it
/// enters (successes are counts, volume × P, so journeys of different sizes compare).
pub(super) fn main_routes(spec: &Spec, journeys: &[JourneyRoutes]) -> Vec<MainRoute> {
    let mut out = Vec::new();
    for p in &spec.populations {
        let total: f64 = journeys
            .iter()
            .flat_map(|j| j.populations.iter())
            .filter(|x| x.population == p.id)
            .map(|x| x.successes)
            .sum();
        let best = journeys
            .iter()
            .flat_map(|j| j.routes.iter())
            .filter_map(|r| r.odds_of(&p.id).map(|o| (r, o)))
            .filter(|(_, o)| o.p.mean > POSSIBLE)
            .max_by(|a, b| {
                a.1.successes
                    .total_cmp(&b.1.successes)
                    .then(a.1.p.mean.total_cmp(&b.1.p.mean))
            });
        if let Some((r, o)) = best {
            out.push(MainRoute {
                population: p.id.clone(),
                kind: match p.kind {
                    PopulationKind::Legitimate => "legitimate",
                    PopulationKind::Attacker => "attacker",
                }
                .to_string(),
                journey: r.journey.clone(),
                route: r.key.clone(),
                label: r.label.clone(),
                p: o.p.mean,
                successes: o.successes,
                share: if total > 0.0 {
                    o.successes / total
                } else {
                    0.0
                },
            });
        }
    }
    out
}

/// Journeys that grant access to the account: sign-ins, journeys another restores, and
/// the journeys that restore them — each with its weakest route and the attackers'
/// successes through it, restored journeys first, each followed by its restorers.
pub(super) fn access_rows(spec: &Spec, journeys: &[JourneyRoutes]) -> Vec<AccessRow> {
    let restored = |id: &str| journeys.iter().any(|j| j.restores.as_deref() == Some(id));
    let grants = |j: &JourneyRoutes| {
        j.kind.as_deref() == Some("sign_in") || restored(&j.journey) || j.restores.is_some()
    };
    let mut order: Vec<&JourneyRoutes> = Vec::new();
    for j in journeys
        .iter()
        .filter(|j| grants(j) && j.restores.is_none())
    {
        order.push(j);
        order.extend(
            journeys
                .iter()
                .filter(|r| r.restores.as_deref() == Some(j.journey.as_str())),
        );
    }
    // Restorers of a journey that is not itself listed (a dangling chain) still show.
    for j in journeys.iter().filter(|j| j.restores.is_some()) {
        if !order.iter().any(|o| o.journey == j.journey) {
            order.push(j);
        }
    }
    let attacker = |id: &str| {
        spec.populations
            .iter()
            .any(|p| p.id == id && p.kind == PopulationKind::Attacker)
    };
    order
        .into_iter()
        .map(|j| AccessRow {
            journey: j.journey.clone(),
            name: j.name.clone(),
            kind: j.kind.clone(),
            restores: j.restores.clone(),
            required_aal: j.required_aal,
            weakest: j.weakest().map(|r| (r.key.clone(), r.label.clone(), r.aal)),
            attackers: j
                .populations
                .iter()
                .filter(|p| attacker(&p.population))
                .map(|p| (p.population.clone(), p.successes, p.p_success.mean))
                .collect(),
        })
        .collect()
}
