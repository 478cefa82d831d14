//! `sampled` mode: Poisson entrants and binomial / multinomial flow.
//!
//! Counts (not individual users) move along the graph: each split is one binomial draw
//! ([`super::binomial`]: exact, and without per-draw set-up, since every split has its
//! own (n, p)). Controls are played round by round as spec §5 describes. Groups of steps
//! are drained one after another in topological order, so outside cycles the cost of an
//! iteration does not grow with the number of entrants; inside a cycle it grows with the
//! logarithm of the users circulating (one sweep per lap until the last has left: 10⁷
//! entrants cost about 4× what 10 do on consumer sign-in, bench/README.md).

use rand::Rng;
use rand_distr::{Distribution, Poisson};

use super::binomial::binomial;
use super::expected::ABANDONED;
use super::{Draws, Flow};
use crate::spec::{JourneySpec, Spec, StepKind, Target};

/// A cap on sweeps over a cyclic group of steps: each sweep moves every waiting user one step,
/// and a cycle that drains empties geometrically (validation demands an exit of at least
/// 1e-4 per pass), so reaching this means it does not drain in practice.
const MAX_SWEEPS: usize = 10_000_000;

/// Reusable buffers.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    pending: Vec<u64>,
    outcomes: Vec<u64>,
    visits: Vec<u64>,
    attempts: Vec<u64>,
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
