//! `expected` mode: exact expected counts given one iteration's draws.
//!
//! A journey is an absorbing Markov chain. Expected visits follow in one pass over the
//! strongly connected groups of steps in topological order; each cyclic group solves
//! its own small system (I − Q_Cᵀ)·v = inflow by LU decomposition (nalgebra) — exact up
//! to floating point, never iterated to a tolerance.

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

/// A step of a cyclic group: its index, its exits with their probabilities, and the
/// expected control attempts per visit.
type StepExits = (usize, Vec<(Target, f64)>, f64);

/// Fills `flow` with expected visits, attempts and outcome counts for `volume` entrants.
/// Returns `Err` if the chain cannot drain for these draws (a singular system).
///
/// Groups of steps are taken in topological order ([`JourneySpec::components`]): a step
/// outside any cycle passes its inflow on directly; a cyclic group solves its own small
/// system (I − Q_Cᵀ)·v = inflow by LU, then passes on what leaves it.
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
    let mut inflow = std::mem::take(&mut flow.visits);
    inflow[start] = volume;
    let mut buf = Vec::with_capacity(4);
    let mut exits_of: Vec<StepExits> = Vec::new();
    for comp in &journey.components {
        if !comp.cyclic {
            let s = comp.steps[0];
            let v = inflow[s];
            if v == 0.0 {
                continue;
            }
            flow.attempts[s] = v * exits(controls, &journey.steps[s].kind, pop, draws, &mut buf);
            for &(t, p) in &buf {
                match t {
                    Target::Step(k) => inflow[k] += v * p,
                    Target::Outcome(o) => flow.outcomes[o] += v * p,
                }
            }
            continue;
        }
        if comp.steps.iter().all(|&s| inflow[s] == 0.0) {
            continue;
        }
        let k = comp.steps.len();
        let local = |t: Target| match t {
            Target::Step(i) => comp.steps.iter().position(|&c| c == i),
            Target::Outcome(_) => None,
        };
        let mut a = DMatrix::<f64>::identity(k, k);
        exits_of.clear();
        for (li, &s) in comp.steps.iter().enumerate() {
            let per_visit = exits(controls, &journey.steps[s].kind, pop, draws, &mut buf);
            for &(t, p) in &buf {
                if let Some(lt) = local(t) {
                    a[(lt, li)] -= p;
                }
            }
            exits_of.push((s, buf.clone(), per_visit));
        }
        let b = DVector::<f64>::from_iterator(k, comp.steps.iter().map(|&s| inflow[s]));
        let v = a.lu().solve(&b).ok_or(())?;
        if v.iter().any(|x| !x.is_finite()) {
            return Err(());
        }
        for (li, (s, out, per_visit)) in exits_of.iter().enumerate() {
            let visits = v[li].max(0.0);
            inflow[*s] = visits;
            flow.attempts[*s] = visits * per_visit;
            for &(t, p) in out {
                match t {
                    Target::Step(i) if local(t).is_none() => inflow[i] += visits * p,
                    Target::Step(_) => {}
                    Target::Outcome(o) => flow.outcomes[o] += visits * p,
                }
            }
        }
    }
    // For steps outside cycles the inflow is the visit count; cyclic groups stored theirs.
    flow.visits = inflow;
    Ok(())
}
