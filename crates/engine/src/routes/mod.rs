//! Attack routes (spec §11): how each population reaches success, through which
//! controls, at what assurance — and what that leaves open (the findings).
//!
//! A route is a simple path from a journey's entry to a success-class outcome. For each
//! journey the routes are enumerated once (most likely first, within caps: see
//! [`enumerate`]), then every iteration's draws give each route's probability per
//! population: the product of its exits' probabilities (a control's pass includes its
//! retries, §5), in expected mode. Successes through a revisited step are the rest of the
//! population's chance of success: "through loops".
//!
//! Markov caveat (spec §5): a step's exits depend only on the population, never on the
//! path taken to reach it, so a route's probability is a plain product.

mod assurance;
mod compare;
mod enumerate;
mod findings;
mod view;

use serde::Serialize;
use ts_rs::TS;

use crate::flows::exit_names;
use crate::metrics::summarize;
use crate::sim::expected::{exits, flow};
use crate::sim::{draw_quantities, Draws, Flow, SimError};
use crate::spec::{JourneySpec, OutcomeClass, PopulationKind, Spec, StepKind, Target};
use assurance::assess;
use enumerate::{enumerate, Caps, Enumeration, Graph};

pub use compare::{finding_changes, route_changes, ChangeKind, FindingChanges, RouteChange};
pub use findings::{Finding, FindingCode, FindingSeverity};

/// A probability at or below this counts as zero ("P > 0" in §11): products of floating
/// point remainders (1 − 0.7 − 0.3) leave dust of order 1e-17, never a real route.
pub const POSSIBLE: f64 = 1e-12;

/// Caps that keep enumeration bounded on any graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteLimits {
    /// Routes enumerated per journey at most (their probabilities are all computed).
    pub max_routes: usize,
    /// Routes listed per journey at most (the rest are summed as "other routes").
    pub max_listed: usize,
    /// Partial paths explored per journey at most (bounds memory).
    pub max_expansions: usize,
}

impl Default for RouteLimits {
    fn default() -> Self {
        RouteLimits {
            max_routes: 2_000,
            max_listed: 40,
            max_expansions: 200_000,
        }
    }
}

/// A probability summarised over iterations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Band {
    /// Mean over iterations.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl Band {
    fn of(values: Vec<f64>) -> Band {
        summarize(values).map_or(
            Band {
                mean: 0.0,
                p5: 0.0,
                p95: 0.0,
            },
            |s| Band {
                mean: s.mean,
                p5: s.p5,
                p95: s.p95,
            },
        )
    }
}

/// One exit taken on a route.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Hop {
    /// Step id.
    pub step: String,
    /// Exit name as in the file (`pass`, `allow`, `resolved`, `to[1]`, …).
    pub exit: String,
    /// Step or outcome it leads to.
    pub target: String,
}

/// What one population does on one route.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RouteOdds {
    /// Population id.
    pub population: String,
    /// Chance that an entrant follows exactly this route.
    pub p: Band,
    /// Mean entrants per period who succeed by this route (volume × P).
    pub successes: f64,
    /// Share of the population's successes in this journey that take this route.
    pub share: f64,
}

/// A simple path from the entry to success.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Route {
    /// Stable key: the hops as `step.exit` joined by `/`, then the outcome (equal keys in
    /// two scenarios are the same route).
    pub key: String,
    /// Journey id.
    pub journey: String,
    /// Short description: the controls passed, the desk, the risk gates that allowed.
    pub label: String,
    /// Exits taken, in order.
    pub hops: Vec<Hop>,
    /// The success outcome reached.
    pub outcome: String,
    /// Ids of the controls passed, in order.
    pub controls: Vec<String>,
    /// Achieved assurance: the highest AAL among the controls passed (0 = none).
    pub aal: u8,
    /// Whether a control passed resists phishing.
    pub phishing_resistant: bool,
    /// Whether every control passed at the highest AAL runs over the phone network.
    pub pstn_only: bool,
    /// Whether the route goes through a support desk that resolves the contact.
    pub desk: bool,
    /// Per population entering the journey.
    pub odds: Vec<RouteOdds>,
}

impl Route {
    /// This population's odds, if it enters the journey.
    pub fn odds_of(&self, population: &str) -> Option<&RouteOdds> {
        self.odds.iter().find(|o| o.population == population)
    }

    /// The highest mean probability among the given populations.
    fn max_p<'a>(&self, pops: impl IntoIterator<Item = &'a str>) -> f64 {
        pops.into_iter()
            .filter_map(|p| self.odds_of(p))
            .map(|o| o.p.mean)
            .fold(0.0, f64::max)
    }
}

/// Where one population's chance of success in a journey goes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PopulationRoutes {
    /// Population id.
    pub population: String,
    /// Display name.
    pub name: String,
    /// `legitimate` or `attacker`.
    pub kind: String,
    /// Mean entrants per period.
    pub entrants: f64,
    /// Chance of success per entrant.
    pub p_success: Band,
    /// Mean successes per period.
    pub successes: f64,
    /// Mean probability carried by the routes listed.
    pub listed: f64,
    /// Mean probability of success not in the listed routes: the other simple routes
    /// found and, when enumeration stopped at a cap, everything not examined.
    pub unlisted: f64,
    /// Mean probability of success through a revisited step (P(success) − every simple
    /// route); `None` when enumeration stopped at a cap and cannot separate it.
    pub through_loops: Option<f64>,
    /// Mean probability carried by listed routes that pass a support desk.
    pub through_desk: f64,
    /// Key of the listed route with the most of this population's successes.
    pub main_route: Option<String>,
}

/// One journey's routes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct JourneyRoutes {
    /// Journey id.
    pub journey: String,
    /// Display name.
    pub name: String,
    /// Journey kind, when given.
    pub kind: Option<String>,
    /// Assurance every route must reach, when given.
    pub required_aal: Option<u8>,
    /// Journey whose access this one grants, when it is a recovery.
    pub restores: Option<String>,
    /// Whether the account holder is told.
    pub notifies: bool,
    /// Whether it guards a sensitive action.
    pub sensitive: bool,
    /// Listed routes, most likely first (by the largest share of some population's
    /// successes they carry).
    pub routes: Vec<Route>,
    /// Routes enumerated (listed or not).
    pub enumerated: usize,
    /// True when every simple route was enumerated (no cap reached).
    pub complete: bool,
    /// Per population entering.
    pub populations: Vec<PopulationRoutes>,
    /// Key of the weakest route: lowest achieved assurance among routes an attacker can
    /// take (ties: the one attackers take most); every population counts when no
    /// attacker enters the journey.
    pub weakest_route: Option<String>,
}

impl JourneyRoutes {
    /// The listed route with this key.
    pub fn route(&self, key: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.key == key)
    }

    /// The weakest route, if any route is possible.
    pub fn weakest(&self) -> Option<&Route> {
        self.weakest_route.as_deref().and_then(|k| self.route(k))
    }
}

/// A population's main route across the whole model.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MainRoute {
    /// Population id.
    pub population: String,
    /// `legitimate` or `attacker`.
    pub kind: String,
    /// Journey of the route.
    pub journey: String,
    /// Route key.
    pub route: String,
    /// Route label.
    pub label: String,
    /// Mean chance per entrant of that journey.
    pub p: f64,
    /// Mean successes per period by this route.
    pub successes: f64,
    /// Share of the population's successes across every journey it enters.
    pub share: f64,
}

/// A journey that grants access to the account: a sign-in, a journey others restore,
/// or one that restores another.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AccessRow {
    /// Journey id.
    pub journey: String,
    /// Display name.
    pub name: String,
    /// Kind, when given.
    pub kind: Option<String>,
    /// The journey whose access it grants, when a recovery.
    pub restores: Option<String>,
    /// Required assurance, when given.
    pub required_aal: Option<u8>,
    /// The weakest route's key, label and achieved AAL.
    pub weakest: Option<(String, String, u8)>,
    /// Per attacker population entering: mean successes per period and mean P(success).
    pub attackers: Vec<(String, f64, f64)>,
}

/// Everything §11 says about a model (or one scenario of it).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RouteReport {
    /// Iterations used (expected mode).
    pub iterations: u64,
    /// Per journey.
    pub journeys: Vec<JourneyRoutes>,
    /// Per population: its main route across the model.
    pub main_routes: Vec<MainRoute>,
    /// The cross-journey view of account access.
    pub access: Vec<AccessRow>,
    /// §11 findings, most severe first.
    pub findings: Vec<Finding>,
}

impl RouteReport {
    /// The routes of a journey.
    pub fn journey(&self, id: &str) -> Option<&JourneyRoutes> {
        self.journeys.iter().find(|j| j.journey == id)
    }

    /// A population's main route across the model.
    pub fn main_route(&self, population: &str) -> Option<&MainRoute> {
        self.main_routes.iter().find(|m| m.population == population)
    }
}

/// Routes, main routes, the access table and the findings of `spec`, over `iterations`
/// expected-mode iterations drawn from `seed` (the same draws as a run with that seed).
pub fn routes(
    spec: &Spec,
    seed: u64,
    iterations: u64,
    limits: RouteLimits,
) -> Result<RouteReport, SimError> {
    let n = iterations.max(1) as usize;
    let rows = draw_quantities(spec, seed, n);
    let width = spec.quantities.len();
    let row = |i: usize| &rows[i * width..(i + 1) * width];
    let mut journeys = Vec::new();
    for j in &spec.journeys {
        journeys.push(journey_routes(spec, j, n, &row, limits)?);
    }
    let main_routes = view::main_routes(spec, &journeys);
    let access = view::access_rows(spec, &journeys);
    let findings = findings::findings(spec, &journeys);
    Ok(RouteReport {
        iterations: n as u64,
        journeys,
        main_routes,
        access,
        findings,
    })
}

/// Per-iteration figures of one population in one journey.
struct PerIteration {
    volume: Vec<f64>,
    p_success: Vec<f64>,
}

fn journey_routes<'a>(
    spec: &Spec,
    j: &JourneySpec,
    n: usize,
    row: &dyn Fn(usize) -> &'a [f64],
    limits: RouteLimits,
) -> Result<JourneyRoutes, SimError> {
    let pops: Vec<usize> = j.entrants.iter().map(|e| e.population).collect();
    let targets: Vec<Vec<Target>> = j.steps.iter().map(|s| s.targets()).collect();
    let is_success: Vec<bool> = j
        .outcomes
        .iter()
        .map(|o| o.class == OutcomeClass::Success)
        .collect();

    // Pass 1: mean exit probabilities (the search's reference weights), and each
    // iteration's volume and chance of success.
    let mut weights: Vec<Vec<Vec<f64>>> = pops
        .iter()
        .map(|_| targets.iter().map(|t| vec![0.0; t.len()]).collect())
        .collect();
    let mut per: Vec<PerIteration> = pops
        .iter()
        .map(|_| PerIteration {
            volume: Vec::with_capacity(n),
            p_success: Vec::with_capacity(n),
        })
        .collect();
    let mut buf = Vec::new();
    let mut f = Flow::default();
    for i in 0..n {
        let values = row(i);
        let draws = Draws { values };
        for (k, e) in j.entrants.iter().enumerate() {
            let pop = e.population;
            for (s, step) in j.steps.iter().enumerate() {
                exits(&spec.controls, &step.kind, pop, &draws, &mut buf);
                for (x, &(_, p)) in buf.iter().enumerate() {
                    weights[k][s][x] += p / n as f64;
                }
            }
            f.reset(j.steps.len(), j.outcomes.len());
            flow(&spec.controls, j, pop, &draws, 1.0, &mut f).map_err(|()| SimError::NoDrain {
                journey: j.id.clone(),
                population: spec.populations[pop].id.clone(),
                iteration: i as u64,
            })?;
            let p: f64 = f
                .outcomes
                .iter()
                .zip(&is_success)
                .filter(|(_, s)| **s)
                .map(|(x, _)| *x)
                .sum();
            per[k].volume.push(values[e.volume]);
            per[k].p_success.push(p);
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let success_p: Vec<f64> = per.iter().map(|p| mean(&p.p_success)).collect();
    let found = enumerate(
        &Graph {
            entry: j.entry,
            targets: &targets,
            weights: &weights,
            success_p: &success_p,
            is_success: &is_success,
        },
        Caps {
            max_routes: limits.max_routes.max(1),
            max_expansions: limits.max_expansions.max(1),
        },
    );

    // Pass 2: every route's probability in every iteration.
    let listed = found.routes.len().min(limits.max_listed);
    // [pop][route][iteration] for listed routes; [pop][iteration] sums for the rest.
    let mut p_listed = vec![vec![Vec::with_capacity(n); listed]; pops.len()];
    let mut succ_listed = vec![vec![0.0; listed]; pops.len()];
    let mut sum_all: Vec<Vec<f64>> = vec![Vec::with_capacity(n); pops.len()];
    let mut table: Vec<Vec<f64>> = targets.iter().map(|t| vec![0.0; t.len()]).collect();
    for i in 0..n {
        let draws = Draws { values: row(i) };
        for (k, &pop) in pops.iter().enumerate() {
            for (s, step) in j.steps.iter().enumerate() {
                exits(&spec.controls, &step.kind, pop, &draws, &mut buf);
                for (x, &(_, p)) in buf.iter().enumerate() {
                    table[s][x] = p;
                }
            }
            let mut total = 0.0;
            for (r, route) in found.routes.iter().enumerate() {
                let p: f64 = route.hops.iter().map(|&(s, x)| table[s][x]).product();
                total += p;
                if r < listed {
                    p_listed[k][r].push(p);
                    succ_listed[k][r] += per[k].volume[i] * p / n as f64;
                }
            }
            sum_all[k].push(total);
        }
    }
    let routes = describe_routes(spec, j, &found, listed, &pops, p_listed, succ_listed, &per);
    let populations = pops
        .iter()
        .enumerate()
        .map(|(k, &pop)| {
            population_routes(spec, pop, k, &per[k], &sum_all[k], &routes, found.complete)
        })
        .collect();
    let weakest_route = weakest(spec, &pops, &routes);
    Ok(JourneyRoutes {
        journey: j.id.clone(),
        name: j.name.clone(),
        kind: j.kind.clone(),
        required_aal: j.required_aal,
        restores: j.restores.clone(),
        notifies: j.notifies,
        sensitive: j.sensitive,
        routes,
        enumerated: found.routes.len(),
        complete: found.complete,
        populations,
        weakest_route,
    })
}

/// The listed routes with their names, assurance and odds.
#[allow(clippy::too_many_arguments)]
fn describe_routes(
    spec: &Spec,
    j: &JourneySpec,
    found: &Enumeration,
    listed: usize,
    pops: &[usize],
    p_listed: Vec<Vec<Vec<f64>>>,
    succ_listed: Vec<Vec<f64>>,
    per: &[PerIteration],
) -> Vec<Route> {
    let mut p_listed = p_listed;
    let name_of = |t: Target| match t {
        Target::Step(i) => j.steps[i].id.clone(),
        Target::Outcome(o) => j.outcomes[o].id.clone(),
    };
    let successes_of = |k: usize| {
        per[k]
            .volume
            .iter()
            .zip(&per[k].p_success)
            .map(|(v, p)| v * p)
            .sum::<f64>()
            / per[k].volume.len().max(1) as f64
    };
    let mut labels_seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (r, found_route) in found.routes.iter().take(listed).enumerate() {
        let mut hops = Vec::new();
        let mut passed = Vec::new();
        let mut parts: Vec<String> = Vec::new();
        let mut desk = false;
        for &(s, x) in &found_route.hops {
            let step = &j.steps[s];
            let exit = exit_names(&step.kind)
                .get(x)
                .cloned()
                .unwrap_or_else(|| format!("exit {x}"));
            // The label names the checks by their steps' names: what passed, what failed
            // on the way (a fallback is a different route), the desk, a gate that let
            // the user through unchallenged.
            match (&step.kind, exit.as_str()) {
                (StepKind::Control { control, .. }, "pass") => {
                    passed.push(*control);
                    parts.push(step.name.clone());
                }
                (StepKind::Control { .. }, "fail") => parts.push(format!("{} failed", step.name)),
                (StepKind::Support { .. }, "resolved") => {
                    desk = true;
                    parts.push(step.name.clone());
                }
                (StepKind::RiskGate { .. }, "allow") => {
                    parts.push(format!("{}: allowed", step.name))
                }
                _ => {}
            }
            hops.push(Hop {
                step: step.id.clone(),
                exit,
                target: name_of(step.targets()[x]),
            });
        }
        let outcome = j.outcomes[found_route.outcome].id.clone();
        let mut label = if parts.is_empty() {
            "no check".to_string()
        } else {
            parts.join(" → ")
        };
        let same = labels_seen.iter().filter(|l| **l == label).count();
        labels_seen.push(label.clone());
        if same > 0 {
            label = format!("{label} #{}", same + 1);
        }
        let a = assess(&spec.controls, &passed);
        let key = hops
            .iter()
            .map(|h| format!("{}.{}", h.step, h.exit))
            .chain(std::iter::once(outcome.clone()))
            .collect::<Vec<_>>()
            .join("/");
        let odds = pops
            .iter()
            .enumerate()
            .map(|(k, &pop)| {
                let total = successes_of(k);
                let successes = succ_listed[k][r];
                RouteOdds {
                    population: spec.populations[pop].id.clone(),
                    p: Band::of(std::mem::take(&mut p_listed[k][r])),
                    successes,
                    share: if total > 0.0 { successes / total } else { 0.0 },
                }
            })
            .collect();
        out.push(Route {
            key,
            journey: j.id.clone(),
            label,
            hops,
            outcome,
            controls: passed
                .iter()
                .map(|&c| spec.controls[c].id.clone())
                .collect(),
            aal: a.aal,
            phishing_resistant: a.phishing_resistant,
            pstn_only: a.pstn_only,
            desk,
            odds,
        });
    }
    out
}

fn kind_name(kind: PopulationKind) -> &'static str {
    match kind {
        PopulationKind::Legitimate => "legitimate",
        PopulationKind::Attacker => "attacker",
    }
}

fn population_routes(
    spec: &Spec,
    pop: usize,
    k: usize,
    per: &PerIteration,
    sum_all: &[f64],
    routes: &[Route],
    complete: bool,
) -> PopulationRoutes {
    let p = &spec.populations[pop];
    let n = per.p_success.len().max(1) as f64;
    let mean = |v: &mut dyn Iterator<Item = f64>| v.sum::<f64>() / n;
    let listed: f64 = routes.iter().map(|r| r.odds[k].p.mean).sum::<f64>();
    let all = mean(&mut sum_all.iter().copied());
    let p_success = mean(&mut per.p_success.iter().copied());
    let through_loops = complete.then(|| {
        mean(
            &mut per
                .p_success
                .iter()
                .zip(sum_all)
                .map(|(s, a)| (s - a).max(0.0)),
        )
    });
    let unlisted = if complete {
        (all - listed).max(0.0)
    } else {
        (p_success - listed).max(0.0)
    };
    let main_route = routes
        .iter()
        .filter(|r| r.odds[k].p.mean > POSSIBLE)
        .max_by(|a, b| {
            a.odds[k]
                .successes
                .total_cmp(&b.odds[k].successes)
                .then(a.odds[k].p.mean.total_cmp(&b.odds[k].p.mean))
        })
        .map(|r| r.key.clone());
    PopulationRoutes {
        population: p.id.clone(),
        name: p.name.clone(),
        kind: kind_name(p.kind).to_string(),
        entrants: mean(&mut per.volume.iter().copied()),
        p_success: Band::of(per.p_success.clone()),
        successes: mean(&mut per.volume.iter().zip(&per.p_success).map(|(v, p)| v * p)),
        listed,
        unlisted,
        through_loops,
        through_desk: routes
            .iter()
            .filter(|r| r.desk)
            .map(|r| r.odds[k].p.mean)
            .sum(),
        main_route,
    }
}

/// The weakest route (spec §11): lowest AAL among routes attackers can take, ties to the
/// one attackers take most. Without attackers in the journey, every population counts.
fn weakest(spec: &Spec, pops: &[usize], routes: &[Route]) -> Option<String> {
    let ids = |attackers: bool| -> Vec<&str> {
        pops.iter()
            .map(|&p| &spec.populations[p])
            .filter(|p| !attackers || p.kind == PopulationKind::Attacker)
            .map(|p| p.id.as_str())
            .collect()
    };
    let attackers = ids(true);
    let who = if attackers.is_empty() {
        ids(false)
    } else {
        attackers
    };
    routes
        .iter()
        .filter(|r| r.max_p(who.iter().copied()) > POSSIBLE)
        .min_by(|a, b| {
            a.aal.cmp(&b.aal).then(
                b.max_p(who.iter().copied())
                    .total_cmp(&a.max_p(who.iter().copied())),
            )
        })
        .map(|r| r.key.clone())
}
