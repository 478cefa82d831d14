//! Where users go: the share of a population's entrants that takes each exit of each
//! step, averaged over iterations in expected mode — what the canvas draws as edge
//! thickness after a run, so one sees where customers drop out and attackers get through.

use serde::Serialize;
use ts_rs::TS;

use crate::sim::expected::{exits, flow};
use crate::sim::{draw_quantities_as, Dimensions, Draws, Flow, Sampling, SimError};
use crate::spec::{OutcomeClass, Spec, StepKind, Target};
use crate::vocab::exit_keys;

/// One exit of one step.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EdgeFlow {
    /// Journey id.
    pub journey: String,
    /// Step id.
    pub step: String,
    /// Exit name as in the file: `next`, `abandon`, `pass`, `fail`, `allow`, `challenge`,
    /// `block`, `resolved`, `unresolved`, or `to[i]` for branch entries.
    pub exit: String,
    /// Step or outcome id it leads to.
    pub target: String,
    /// Mean share of the population's entrants that take this exit (0..1; can exceed 1
    /// on a loop that users pass several times).
    pub share: f64,
}

/// What one population does in a journey, averaged over iterations.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PopulationFlows {
    /// Population id.
    pub population: String,
    /// Mean entrants per period.
    pub entrants: f64,
    /// Every exit of every step.
    pub edges: Vec<EdgeFlow>,
    /// Mean share of entrants ending at each outcome (id, class, share).
    pub outcomes: Vec<(String, &'static str, f64)>,
}

/// The exits of a step kind with their names, in the order [`exits`] lists them.
pub(crate) fn exit_names(kind: &StepKind) -> Vec<String> {
    let v = |kind: &str| exit_keys(kind).iter().map(|s| s.to_string()).collect();
    match kind {
        StepKind::Action { .. } => v("action"),
        StepKind::Control { .. } => v("control"),
        StepKind::RiskGate { .. } => v("risk_gate"),
        StepKind::Branch { shares, .. } => (0..=shares.len()).map(|i| format!("to[{i}]")).collect(),
        StepKind::Support { .. } => v("support"),
    }
}

/// Per-exit shares of population `population` in journey `journey`, averaged over
/// `iterations` expected-mode iterations drawn from `seed` as a run with that seed and
/// `sampling` drew them (`dimensions`: the run's). `None` if the population does not
/// enter the journey.
pub fn population_flows(
    spec: &Spec,
    journey: &str,
    population: &str,
    seed: u64,
    iterations: u64,
    sampling: Sampling,
    dimensions: &Dimensions,
) -> Result<Option<PopulationFlows>, SimError> {
    let Some(j) = spec.journeys.iter().find(|j| j.id == journey) else {
        return Ok(None);
    };
    let Some(pop) = spec.populations.iter().position(|p| p.id == population) else {
        return Ok(None);
    };
    let Some(entrant) = j.entrants.iter().find(|e| e.population == pop) else {
        return Ok(None);
    };
    let width = spec.quantities.len();
    let n_iterations = usize::try_from(iterations.max(1))
        .map_err(|_| SimError::Settings("too many iterations".into()))?;
    let rows = draw_quantities_as(spec, sampling, dimensions, seed, n_iterations);
    let name_of = |t: Target| match t {
        Target::Step(i) => j.steps[i].id.clone(),
        Target::Outcome(o) => j.outcomes[o].id.clone(),
    };
    let mut edges: Vec<EdgeFlow> = Vec::new();
    for step in &j.steps {
        let names = exit_names(&step.kind);
        // `targets()` lists exits in the order `exits()` gives their probabilities (an
        // action's abandon exit is the implicit `abandoned` outcome).
        for (name, t) in names.into_iter().zip(step.targets()) {
            edges.push(EdgeFlow {
                journey: j.id.clone(),
                step: step.id.clone(),
                exit: name,
                target: name_of(t),
                share: 0.0,
            });
        }
    }
    let mut outcome_share = vec![0.0; j.outcomes.len()];
    let (mut entrants_sum, mut counted) = (0.0, 0u64);
    let mut f = Flow::default();
    let mut buf = Vec::new();
    for (i, values) in rows.chunks(width.max(1)).take(n_iterations).enumerate() {
        let draws = Draws { values };
        let volume = values[entrant.volume];
        entrants_sum += volume;
        if volume <= 0.0 {
            continue;
        }
        f.reset(j.steps.len(), j.outcomes.len());
        flow(&spec.controls, j, pop, &draws, 1.0, &mut f).map_err(|()| SimError::NoDrain {
            journey: j.id.clone(),
            population: population.to_string(),
            iteration: i as u64,
        })?;
        counted += 1;
        let mut e = 0;
        for (s, step) in j.steps.iter().enumerate() {
            exits(&spec.controls, &step.kind, pop, &draws, &mut buf);
            for &(_, p) in &buf {
                if let Some(edge) = edges.get_mut(e) {
                    edge.share += f.visits[s] * p;
                }
                e += 1;
            }
        }
        for (o, x) in f.outcomes.iter().enumerate() {
            outcome_share[o] += x;
        }
    }
    let n = counted.max(1) as f64;
    for e in &mut edges {
        e.share /= n;
    }
    let class = |c: OutcomeClass| c.as_str();
    Ok(Some(PopulationFlows {
        population: population.to_string(),
        entrants: entrants_sum / iterations.max(1) as f64,
        edges,
        outcomes: j
            .outcomes
            .iter()
            .zip(outcome_share)
            .map(|(o, x)| (o.id.clone(), class(o.class), x / n))
            .collect(),
    }))
}
