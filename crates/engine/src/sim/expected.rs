//! `expected` mode: exact expected counts given one iteration's draws.
//!
//! A journey is an absorbing Markov chain. Without cycles the expected visits follow in
//! one pass in topological order; with cycles they solve (I − Qᵀ)·v = b by LU
//! decomposition (nalgebra) — exact up to floating point, never iterated to a tolerance.

use nalgebra::{DMatrix, DVector};

use super::{control_exits, Draws, Flow};
use crate::spec::{ControlSpec, JourneySpec, StepKind, Target};

/// Index of the outcome `abandoned` (the implicit outcomes come first, in class order,
/// and a declared outcome with that id replaces it in place).
pub(crate) const ABANDONED: usize = 1;

/// The exits of one step for one population and their probabilities, and the expected
/// control attempts per visit.
pub(crate) fn exits(
    controls: &[ControlSpec],
    kind: &StepKind,
    pop: usize,
    draws: &Draws,
    out: &mut Vec<(Target, f64)>,
) -> f64 {
    out.clear();
    match kind {
        StepKind::Action { abandon, next, .. } => {
            let a = draws.per(abandon, pop);
            out.extend([(*next, 1.0 - a), (Target::Outcome(ABANDONED), a)]);
            0.0
        }
        StepKind::Control {
            control,
            max_attempts,
            pass,
            fail,
            abandon,
        } => {
            let c = &controls[*control];
            let x = control_exits(
                draws.per(&c.abandon, pop),
                draws.per(&c.pass, pop),
                *max_attempts,
            );
            out.extend([(*pass, x.pass), (*fail, x.fail), (*abandon, x.abandon)]);
            x.attempts
        }
        StepKind::RiskGate {
            p_allow,
            p_block,
            allow,
            challenge,
            block,
        } => {
            let (pa, pb) = (p_allow[pop], p_block[pop]);
            out.extend([
                (*allow, pa),
                (*challenge, (1.0 - pa - pb).max(0.0)),
                (*block, pb),
            ]);
            0.0
        }
        StepKind::Branch { shares, remainder } => {
            let mut rest = 1.0;
            for (t, p) in shares {
                let p = draws.per(p, pop);
                rest -= p;
                out.push((*t, p));
            }
            out.push((*remainder, rest.max(0.0)));
            0.0
        }
        StepKind::Support {
            resolve,
            resolved,
            unresolved,
            ..
        } => {
            let r = draws.per(resolve, pop);
            out.extend([(*resolved, r), (*unresolved, 1.0 - r)]);
            0.0
        }
    }
}

/// Fills `flow` with expected visits, attempts and outcome counts for `volume` entrants.
/// Returns `Err` if the chain cannot drain for these draws (singular system).
pub(crate) fn flow(
    controls: &[ControlSpec],
    journey: &JourneySpec,
    pop: usize,
    draws: &Draws,
    volume: f64,
    flow: &mut Flow,
) -> Result<(), ()> {
    let start = match journey.entry {
        Target::Outcome(o) => {
            flow.outcomes[o] = volume;
            return Ok(());
        }
        Target::Step(s) => s,
    };
    let n = journey.steps.len();
    let mut buf = Vec::with_capacity(4);
    let mut per_visit_attempts = vec![0.0; n];
    if journey.cyclic {
        // Expected visits v solve v = b + Qᵀ v.
        let mut a = DMatrix::<f64>::identity(n, n);
        let mut r: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        for (s, step) in journey.steps.iter().enumerate() {
            per_visit_attempts[s] = exits(controls, &step.kind, pop, draws, &mut buf);
            for &(t, p) in &buf {
                match t {
                    Target::Step(k) => a[(k, s)] -= p,
                    Target::Outcome(o) => r[s].push((o, p)),
                }
            }
        }
        let mut b = DVector::<f64>::zeros(n);
        b[start] = volume;
        let lu = a.clone().lu();
        let mut v = lu.solve(&b).ok_or(())?;
        // One step of iterative refinement (a fixed part of the direct solve, not an
        // iteration to a tolerance): recovers the digits that LU loses when a cycle keeps
        // most users, so that entrants are conserved to ~1e-12 relative.
        let residual = &b - &a * &v;
        if let Some(correction) = lu.solve(&residual) {
            v += correction;
        }
        if v.iter().any(|x| !x.is_finite()) {
            return Err(());
        }
        for s in 0..n {
            let visits = v[s].max(0.0);
            flow.visits[s] = visits;
            flow.attempts[s] = visits * per_visit_attempts[s];
            for &(o, p) in &r[s] {
                flow.outcomes[o] += visits * p;
            }
        }
    } else {
        flow.visits[start] = volume;
        for &s in &journey.order {
            let visits = flow.visits[s];
            if visits == 0.0 {
                continue;
            }
            flow.attempts[s] =
                visits * exits(controls, &journey.steps[s].kind, pop, draws, &mut buf);
            for &(t, p) in &buf {
                match t {
                    Target::Step(k) => flow.visits[k] += visits * p,
                    Target::Outcome(o) => flow.outcomes[o] += visits * p,
                }
            }
        }
    }
    Ok(())
}
