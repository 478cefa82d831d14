//! `sampled` mode: Poisson entrants and binomial / multinomial flow.
//!
//! Counts (not individual users) move along the graph: each split is one binomial draw
//! ([`super::binomial`]: exact, and without per-draw set-up, since every split has its
//! own (n, p)). Controls are played round by round as spec §5 describes. Groups of steps
//! are drained one after another in topological order, so outside cycles the cost of an
//! iteration does not grow with the number of entrants.
//!
//! **Cycles through a hub.** Most journeys' loops (retry, recover, try again) pass through
//! one step, the group's [`Hub`]. Users are independent, so each user at the hub makes a
//! geometric number of laps that come back before the one that leaves: the returns of M
//! users are one negative binomial draw (a Gamma–Poisson mixture, exact). Given that a lap
//! returns, its path is the chain conditioned on returning (Doob's h-transform: each
//! exit's probability reweighted by the chance of coming back from where it leads);
//! given that it leaves, the chain conditioned on leaving. Laps are independent, so the
//! returning laps' paths are split together in one pass over the group and the leaving
//! laps' in another. The draws per iteration no longer depend on how many users circulate.
//! A group without a hub drains by sweeps (one per lap until the last user has left; the
//! cost then grows with the logarithm of the users).

use rand::Rng;
use rand_distr::{Distribution, Gamma, Poisson};

use super::binomial::binomial;
use super::expected::{append_exits, ABANDONED};
use super::{Draws, Flow};
use crate::spec::{Hub, JourneySpec, Spec, StepKind, Target};

/// A cap on sweeps over a cyclic group of steps: each sweep moves every waiting user one step,
/// and a cycle that drains empties geometrically (validation demands an exit of at least
/// 1e-4 per pass), so reaching this means it does not drain in practice.
const MAX_SWEEPS: usize = 10_000_000;

/// The most expected returns to a hub a draw accepts: past it a group does not drain in
/// practice (as [`MAX_SWEEPS`] for sweeps).
const MAX_EXPECTED_RETURNS: f64 = 1e15;

/// Reusable buffers.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    pending: Vec<u64>,
    outcomes: Vec<u64>,
    visits: Vec<u64>,
    attempts: Vec<u64>,
    /// Per step, the probability that a lap at it returns to the hub / leaves the group.
    returns: Vec<f64>,
    leaves: Vec<f64>,
    /// What a hub group's conditioned passes split by, kept from [`lap_probabilities`]
    /// (each step's exits were read three or four times an iteration): the exits of its
    /// steps other than controls one after another, with each step's range…
    group_exits: Vec<(Target, f64)>,
    exit_ranges: Vec<(usize, usize)>,
    /// …and its controls' per-round values for each lap, with each step's ranges
    /// (returning, leaving).
    group_rounds: Vec<f64>,
    round_ranges: Vec<[(usize, usize); 2]>,
}

/// One Poisson(λ) draw as a count.
pub(crate) fn poisson<R: Rng + ?Sized>(rng: &mut R, lambda: f64) -> u64 {
    if lambda <= 0.0 || lambda.is_nan() {
        return 0;
    }
    Poisson::new(lambda).map_or(0, |d: Poisson<f64>| d.sample(rng) as u64)
}

struct Mover<'a> {
    b: &'a mut Buffers,
}

impl Mover<'_> {
    fn send(&mut self, t: Target, k: u64) {
        match t {
            Target::Step(s) => self.b.pending[s] += k,
            Target::Outcome(o) => self.b.outcomes[o] += k,
        }
    }
}

/// Moves Poisson(`volume`) entrants through the journey; returns the entrant count, or
/// `Err` if users are still moving after [`MAX_SWEEPS`] sweeps.
#[allow(clippy::too_many_arguments)]
pub(crate) fn flow<R: Rng + ?Sized>(
    spec: &Spec,
    journey: &JourneySpec,
    pop: usize,
    draws: &Draws,
    volume: f64,
    rng: &mut R,
    flow: &mut Flow,
    buffers: &mut Buffers,
) -> Result<f64, ()> {
    let n_steps = journey.steps.len();
    let b = buffers;
    for v in [&mut b.pending, &mut b.visits, &mut b.attempts] {
        v.clear();
        v.resize(n_steps, 0);
    }
    b.outcomes.clear();
    b.outcomes.resize(journey.outcomes.len(), 0);
    let entrants = poisson(rng, volume);
    let mut m = Mover { b };
    m.send(journey.entry, entrants);
    // Group by group in topological order, each drained before the next: users leave a
    // group only to later groups, so a step after a cycle is split once, on everything
    // that left the cycle, instead of once per sweep on what trickled out of it.
    for comp in &journey.components {
        if !comp.cyclic {
            let s = comp.steps[0];
            visit(spec, journey, s, pop, draws, rng, &mut m);
            continue;
        }
        if let Some(hub) = &comp.hub {
            drain_through_hub(spec, journey, hub, pop, draws, rng, &mut m)?;
            continue;
        }
        let mut sweeps = 0;
        loop {
            let mut moved = false;
            for &s in &comp.steps {
                moved |= visit(spec, journey, s, pop, draws, rng, &mut m);
            }
            if !moved {
                break;
            }
            sweeps += 1;
            if sweeps > MAX_SWEEPS {
                return Err(());
            }
        }
    }
    for (dst, src) in flow.outcomes.iter_mut().zip(&m.b.outcomes) {
        *dst = *src as f64;
    }
    for s in 0..n_steps {
        flow.visits[s] = m.b.visits[s] as f64;
        flow.attempts[s] = m.b.attempts[s] as f64;
    }
    Ok(entrants as f64)
}

/// Which laps of a hub group a pass splits.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lap {
    /// Laps that come back to the hub.
    Returning,
    /// Laps that leave the group.
    Leaving,
}

/// Drains a cyclic group through its hub (see the module's note): arrivals elsewhere in
/// the group first go forward to the hub or out, then the hub's users' returns are one
/// negative binomial draw, then one conditioned pass splits the returning laps and one
/// the leaving laps.
#[allow(clippy::too_many_arguments)]
fn drain_through_hub<R: Rng + ?Sized>(
    spec: &Spec,
    journey: &JourneySpec,
    hub: &Hub,
    pop: usize,
    draws: &Draws,
    rng: &mut R,
    m: &mut Mover,
) -> Result<(), ()> {
    // Without the hub the group is acyclic: one pass in order takes every arrival at
    // another of its steps to the hub or out of the group.
    for &s in &hub.order {
        visit(spec, journey, s, pop, draws, rng, m);
    }
    let arrived = m.b.pending[hub.step];
    if arrived == 0 {
        return Ok(());
    }
    let (back, out) = lap_probabilities(spec, journey, hub, pop, draws, m.b);
    if out.is_nan() || out <= 0.0 {
        return Err(());
    }
    // Σ of `arrived` geometric counts of returns = NegBin(arrived, out): Poisson(λ) with
    // λ ~ Gamma(arrived, back / out).
    let returns = if back > 0.0 {
        let scale = back / out;
        if arrived as f64 * scale > MAX_EXPECTED_RETURNS {
            return Err(());
        }
        let lambda = Gamma::new(arrived as f64, scale)
            .map_err(|_| ())?
            .sample(rng);
        poisson(rng, lambda)
    } else {
        0
    };
    for (lap, users) in [(Lap::Returning, returns), (Lap::Leaving, arrived)] {
        m.b.pending[hub.step] = users;
        for s in std::iter::once(hub.step).chain(hub.order.iter().copied()) {
            let n = m.b.pending[s];
            if n == 0 {
                continue;
            }
            m.b.pending[s] = 0;
            m.b.visits[s] += n;
            conditioned_step(spec, journey, s, pop, draws, n, lap, rng, m);
        }
        // Every returning lap is back at the hub, where it was already counted; no
        // leaving lap is.
        debug_assert_eq!(
            m.b.pending[hub.step],
            if lap == Lap::Returning { users } else { 0 }
        );
        m.b.pending[hub.step] = 0;
    }
    Ok(())
}

/// Fills `b.returns` / `b.leaves` for the group's steps: the probability that a lap at a
/// step comes back to the hub / leaves the group first, by one backward pass over the
/// acyclic rest of the group. Steps outside the group: 0 / 1; the hub (as a target): 1 / 0.
/// Returns the hub's own pair (a lap from the hub returns / leaves), and keeps each step's
/// exits or rounds for the conditioned passes.
#[allow(clippy::too_many_arguments)]
fn lap_probabilities(
    spec: &Spec,
    journey: &JourneySpec,
    hub: &Hub,
    pop: usize,
    draws: &Draws,
    b: &mut Buffers,
) -> (f64, f64) {
    let n = journey.steps.len();
    b.returns.clear();
    b.returns.resize(n, 0.0);
    b.leaves.clear();
    b.leaves.resize(n, 1.0);
    b.returns[hub.step] = 1.0;
    b.leaves[hub.step] = 0.0;
    b.group_exits.clear();
    b.group_rounds.clear();
    b.exit_ranges.resize(n, (0, 0));
    b.round_ranges.resize(n, [(0, 0); 2]);
    for &s in hub.order.iter().rev() {
        // Both computed directly (not one as 1 − the other): no cancellation when a lap
        // almost surely comes back.
        (b.returns[s], b.leaves[s]) = step_values(spec, journey, s, pop, draws, b);
    }
    // The hub last: its exits' weights are the values above (and its own, fixed at 1 / 0).
    step_values(spec, journey, hub.step, pop, draws, b)
}

/// The probabilities that a lap starting at step `s` returns / leaves, from its exits'
/// weights (a control's through its rounds, [`control_rounds`]); its exits or rounds are
/// kept in `b` for [`conditioned_step`].
fn step_values(
    spec: &Spec,
    journey: &JourneySpec,
    s: usize,
    pop: usize,
    draws: &Draws,
    b: &mut Buffers,
) -> (f64, f64) {
    let kind = &journey.steps[s].kind;
    if let Some(c) = control_step(spec, kind, pop, draws) {
        let mut values = [0.0; 2];
        for (i, lap) in [Lap::Returning, Lap::Leaving].into_iter().enumerate() {
            let from = b.group_rounds.len();
            let weights = [c.abandon, c.pass, c.fail].map(|t| weight(b, lap, t));
            values[i] = control_rounds(&c, weights, &mut b.group_rounds);
            b.round_ranges[s][i] = (from, b.group_rounds.len());
        }
        return (values[0], values[1]);
    }
    let from = b.group_exits.len();
    append_exits(&spec.controls, kind, pop, draws, &mut b.group_exits);
    b.exit_ranges[s] = (from, b.group_exits.len());
    let list = &b.group_exits[from..];
    let value = |lap| list.iter().map(|&(t, p)| p * weight(b, lap, t)).sum();
    (value(Lap::Returning), value(Lap::Leaving))
}

/// A control step's probabilities for one population and where its users go.
struct ControlStep {
    a: f64,
    p: f64,
    max_attempts: usize,
    pass: Target,
    fail: Target,
    abandon: Target,
}

fn control_step(spec: &Spec, kind: &StepKind, pop: usize, draws: &Draws) -> Option<ControlStep> {
    let StepKind::Control {
        control,
        max_attempts,
        pass,
        fail,
        abandon,
    } = kind
    else {
        return None;
    };
    let c = &spec.controls[*control];
    Some(ControlStep {
        a: draws.per(&c.abandon, pop),
        p: draws.per(&c.pass, pop),
        max_attempts: *max_attempts as usize,
        pass: *pass,
        fail: *fail,
        abandon: *abandon,
    })
}

/// The weight of arriving at `t` for `lap`: the probability of completing such a lap
/// from there.
fn weight(b: &Buffers, lap: Lap, t: Target) -> f64 {
    match (t, lap) {
        (Target::Step(k), Lap::Returning) => b.returns[k],
        (Target::Step(k), Lap::Leaving) => b.leaves[k],
        (Target::Outcome(_), Lap::Returning) => 0.0,
        (Target::Outcome(_), Lap::Leaving) => 1.0,
    }
}

/// A control's per-round probabilities of a lap, given the weights of its abandon, pass and
/// fail targets for that lap, appended to `out` (round k at k − 1, after the last the fail
/// target's weight), folded from the last round back; the first round's, i.e. the step's.
fn control_rounds(c: &ControlStep, [wa, wp, wf]: [f64; 3], out: &mut Vec<f64>) -> f64 {
    let from = out.len();
    out.resize(from + c.max_attempts + 1, 0.0);
    let rounds = &mut out[from..];
    let mut v = wf;
    rounds[c.max_attempts] = v;
    for k in (0..c.max_attempts).rev() {
        v = c.a * wa + (1.0 - c.a) * (c.p * wp + (1.0 - c.p) * v);
        rounds[k] = v;
    }
    v
}

/// Splits `n` users at step `s` along the chain conditioned on a `lap` lap: each exit's
/// probability times the weight of where it leads, renormalised (a multinomial as a
/// chain of conditional binomials); a control round by round, counting its attempts.
#[allow(clippy::too_many_arguments)]
fn conditioned_step<R: Rng + ?Sized>(
    spec: &Spec,
    journey: &JourneySpec,
    s: usize,
    pop: usize,
    draws: &Draws,
    n: u64,
    lap: Lap,
    rng: &mut R,
    m: &mut Mover,
) {
    let kind = &journey.steps[s].kind;
    if let Some(c) = control_step(spec, kind, pop, draws) {
        let (rounds, _) = m.b.round_ranges[s][usize::from(lap == Lap::Leaving)];
        let (a, p) = (c.a, c.p);
        let (wa, wp) = (weight(m.b, lap, c.abandon), weight(m.b, lap, c.pass));
        let mut trying = n;
        for k in 1..=c.max_attempts {
            if trying == 0 {
                break;
            }
            m.b.attempts[s] += trying;
            let later = m.b.group_rounds[rounds + k];
            let (qa, qp, qr) = (a * wa, (1.0 - a) * p * wp, (1.0 - a) * (1.0 - p) * later);
            let gone = binomial(rng, trying, ratio(qa, qa + qp + qr));
            let passed = binomial(rng, trying - gone, ratio(qp, qp + qr));
            m.send(c.abandon, gone);
            m.send(c.pass, passed);
            trying -= gone + passed;
            if k == c.max_attempts {
                m.send(c.fail, trying);
            }
        }
        return;
    }
    let (from, to) = m.b.exit_ranges[s];
    // Remaining mass as a suffix sum (no cancellation from subtracting).
    let suffix = |b: &Buffers, i: usize| -> f64 {
        b.group_exits[i..to]
            .iter()
            .map(|&(t, p)| p * weight(b, lap, t))
            .sum()
    };
    let mut mass = suffix(m.b, from);
    let mut left = n;
    for i in from..to {
        let (t, p) = m.b.group_exits[i];
        let q = p * weight(m.b, lap, t);
        let k = if i + 1 == to {
            left
        } else {
            binomial(rng, left, ratio(q, mass))
        };
        m.send(t, k);
        left -= k;
        mass = suffix(m.b, i + 1);
    }
}

/// q / total as a probability (0 when nothing is left to share).
fn ratio(q: f64, total: f64) -> f64 {
    if total > 0.0 {
        (q / total).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Splits the users waiting at step `s`, if any; whether there were any.
fn visit<R: Rng + ?Sized>(
    spec: &Spec,
    journey: &JourneySpec,
    s: usize,
    pop: usize,
    draws: &Draws,
    rng: &mut R,
    m: &mut Mover,
) -> bool {
    let n = m.b.pending[s];
    if n == 0 {
        return false;
    }
    m.b.pending[s] = 0;
    m.b.visits[s] += n;
    step(spec, &journey.steps[s].kind, s, pop, draws, n, rng, m);
    true
}

#[allow(clippy::too_many_arguments)]
fn step<R: Rng + ?Sized>(
    spec: &Spec,
    kind: &StepKind,
    s: usize,
    pop: usize,
    draws: &Draws,
    n: u64,
    rng: &mut R,
    m: &mut Mover,
) {
    match kind {
        StepKind::Action { abandon, next, .. } => {
            let gone = binomial(rng, n, draws.per(abandon, pop));
            m.send(Target::Outcome(ABANDONED), gone);
            m.send(*next, n - gone);
        }
        StepKind::Control {
            control,
            max_attempts,
            pass,
            fail,
            abandon,
        } => {
            let c = &spec.controls[*control];
            let (a, p) = (draws.per(&c.abandon, pop), draws.per(&c.pass, pop));
            let mut trying = n;
            for k in 1..=*max_attempts {
                if trying == 0 {
                    break;
                }
                m.b.attempts[s] += trying;
                let gone = binomial(rng, trying, a);
                let passed = binomial(rng, trying - gone, p);
                m.send(*abandon, gone);
                m.send(*pass, passed);
                trying -= gone + passed;
                if k == *max_attempts {
                    m.send(*fail, trying);
                }
            }
        }
        StepKind::RiskGate {
            p_allow,
            p_block,
            allow,
            challenge,
            block,
        } => {
            let (pa, pb) = (p_allow[pop], p_block[pop]);
            let allowed = binomial(rng, n, pa);
            let rest = n - allowed;
            let blocked = if pa < 1.0 {
                binomial(rng, rest, pb / (1.0 - pa))
            } else {
                0
            };
            m.send(*allow, allowed);
            m.send(*block, blocked);
            m.send(*challenge, rest - blocked);
        }
        StepKind::Branch { shares, remainder } => {
            // Multinomial as a chain of conditional binomials.
            let (mut left, mut mass) = (n, 1.0);
            for (t, p) in shares {
                let p = draws.per(p, pop);
                let k = if mass > 0.0 {
                    binomial(rng, left, p / mass)
                } else {
                    0
                };
                m.send(*t, k);
                left -= k;
                mass -= p;
            }
            m.send(*remainder, left);
        }
        StepKind::Support {
            resolve,
            resolved,
            unresolved,
            ..
        } => {
            let ok = binomial(rng, n, draws.per(resolve, pop));
            m.send(*resolved, ok);
            m.send(*unresolved, n - ok);
        }
    }
}
