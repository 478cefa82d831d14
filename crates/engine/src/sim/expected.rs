//! `expected` mode: exact expected counts given one iteration's draws.
//!
//! A journey is an absorbing Markov chain. Expected visits follow in one pass over the
//! strongly connected groups of steps in topological order. A cyclic group with a hub
//! (a step every cycle of it passes through; most journeys' loops) needs no solve: two
//! passes over its acyclic rest ([`hub_group`]). Any other cyclic group solves its own
//! system (I − Q_Cᵀ)·v = inflow by LU decomposition — exact up to floating point, never
//! iterated to a tolerance. Small groups (the fixtures' loops) use a dense
//! LU with partial pivoting on reused buffers ([`Work`]: an iteration allocates nothing);
//! a group of more than [`SPARSE_FROM`] steps a sparse LU with partial
//! pivoting (rsparse, CSparse's algorithms), whose cost follows the group's exits rather
//! than the cube of its size — a 550-step loop went from 36 ms to well under one.

use super::{control_exits, Draws, Flow};
use crate::spec::{ControlSpec, Hub, JourneySpec, StepKind, Target};

/// Index of the outcome `abandoned` (the implicit outcomes come first, in class order,
/// and a declared outcome with that id replaces it in place).
pub(crate) const ABANDONED: usize = 1;

/// [`append_exits`] into an emptied `out`.
pub(crate) fn exits(
    controls: &[ControlSpec],
    kind: &StepKind,
    pop: usize,
    draws: &Draws,
    out: &mut Vec<(Target, f64)>,
) -> f64 {
    out.clear();
    append_exits(controls, kind, pop, draws, out)
}

/// The exits of one step for one population and their probabilities, appended to `out`,
/// and the expected control attempts per visit. Appended: a group's steps write theirs
/// one after another straight into one list (a copy through a buffer went to `memmove`
/// for a handful of pairs, 5 % of an expected-mode run).
pub(crate) fn append_exits(
    controls: &[ControlSpec],
    kind: &StepKind,
    pop: usize,
    draws: &Draws,
    out: &mut Vec<(Target, f64)>,
) -> f64 {
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

/// Cyclic groups larger than this are solved by sparse LU (below it the dense solve is
/// as fast).
pub(crate) const SPARSE_FROM: usize = 48;

/// Reusable buffers of expected mode: one set per worker, kept across iterations, so an
/// iteration allocates nothing (allocation was a sixth of expected-mode time).
#[derive(Debug, Default)]
pub(crate) struct Work {
    /// One step's exits.
    buf: Vec<(Target, f64)>,
    /// The exits of a cyclic group's steps, one after another.
    exits: Vec<(Target, f64)>,
    /// Per step of the group: its index, its range in `exits`, attempts per visit.
    steps: Vec<(usize, usize, usize, f64)>,
    /// The group's matrix entries (row, col, value); duplicates summed.
    entries: Vec<(usize, usize, f64)>,
    /// Right-hand side, then solution.
    b: Vec<f64>,
    /// Dense matrix of a small group, column-major.
    dense: Vec<f64>,
    /// Per step of the journey, for a group with a hub: its range in `exits` and attempts
    /// per visit, the probability of reaching the hub before leaving the group, and of
    /// leaving first.
    ranges: Vec<(usize, usize, f64)>,
    back: Vec<f64>,
    leave: Vec<f64>,
}

/// One journey × population's chain: where its probabilities are read from.
#[derive(Clone, Copy)]
struct Chain<'a> {
    controls: &'a [ControlSpec],
    journey: &'a JourneySpec,
    pop: usize,
    draws: &'a Draws<'a>,
}

impl Chain<'_> {
    /// Step `s`'s exits into `buf`; its expected attempts per visit.
    fn exits(&self, s: usize, buf: &mut Vec<(Target, f64)>) -> f64 {
        buf.clear();
        self.append_exits(s, buf)
    }

    /// Step `s`'s exits appended to `list`; its expected attempts per visit.
    fn append_exits(&self, s: usize, list: &mut Vec<(Target, f64)>) -> f64 {
        append_exits(
            self.controls,
            &self.journey.steps[s].kind,
            self.pop,
            self.draws,
            list,
        )
    }
}

/// A cyclic group with a hub (every cycle passes through it), without a linear solve.
/// One backward pass over the acyclic rest gives, per step, the probability of reaching
/// the hub before leaving (`back`) and of leaving first (`leave`, computed directly, not as
/// 1 − back). Arrivals reach the hub A = a_hub + Σ aₛ·backₛ times; each hub visit comes
/// back independently, so the hub is visited V = A / leave(hub) times. Then one forward
/// pass pushes V from the hub and every arrival through the acyclic rest, dropping what
/// comes back to the hub (already counted in V). Exact like the LU, in O(exits).
fn hub_group(
    chain: Chain,
    hub: &Hub,
    inflow: &mut [f64],
    flow: &mut Flow,
    work: &mut Work,
) -> Result<(), ()> {
    let n = chain.journey.steps.len();
    let Work {
        exits: all,
        ranges,
        back,
        leave,
        ..
    } = work;
    all.clear();
    ranges.resize(n, (0, 0, 0.0));
    for &s in std::iter::once(&hub.step).chain(&hub.order) {
        let from = all.len();
        let per_visit = chain.append_exits(s, all);
        ranges[s] = (from, all.len(), per_visit);
    }
    back.clear();
    back.resize(n, 0.0);
    leave.clear();
    leave.resize(n, 1.0);
    back[hub.step] = 1.0;
    leave[hub.step] = 0.0;
    let weigh = |s: usize,
                 w: &[f64],
                 outcome: f64,
                 all: &[(Target, f64)],
                 ranges: &[(usize, usize, f64)]| {
        let (from, to, _) = ranges[s];
        all[from..to]
            .iter()
            .map(|&(t, p)| {
                p * match t {
                    Target::Step(k) => w[k],
                    Target::Outcome(_) => outcome,
                }
            })
            .sum::<f64>()
    };
    for &s in hub.order.iter().rev() {
        back[s] = weigh(s, back, 0.0, all, ranges);
        leave[s] = weigh(s, leave, 1.0, all, ranges);
    }
    let out = weigh(hub.step, leave, 1.0, all, ranges);
    if out.is_nan() || out <= 0.0 {
        return Err(());
    }
    let arrivals = inflow[hub.step] + hub.order.iter().map(|&s| inflow[s] * back[s]).sum::<f64>();
    inflow[hub.step] = arrivals / out;
    for &s in std::iter::once(&hub.step).chain(&hub.order) {
        let v = inflow[s];
        if v == 0.0 {
            continue;
        }
        let (from, to, per_visit) = ranges[s];
        flow.attempts[s] = v * per_visit;
        for &(t, p) in &all[from..to] {
            match t {
                Target::Step(k) if k == hub.step => {}
                Target::Step(k) => inflow[k] += v * p,
                Target::Outcome(o) => flow.outcomes[o] += v * p,
            }
        }
    }
    if inflow[hub.step].is_finite() {
        Ok(())
    } else {
        Err(())
    }
}

/// Solves `a·v = b` for the group's local matrix given as `(row, col, value)` entries
/// (duplicates summed), dense or sparse by size. `None` if singular or not finite.
#[cfg(test)]
pub(crate) fn solve_group(
    k: usize,
    entries: &[(usize, usize, f64)],
    b: &[f64],
    sparse: bool,
) -> Option<Vec<f64>> {
    let mut x = b.to_vec();
    let mut dense = Vec::new();
    solve_group_in(k, entries, &mut x, sparse, &mut dense).then_some(x)
}

/// [`solve_group`] in place: `x` holds b and receives v; `dense` is scratch space.
fn solve_group_in(
    k: usize,
    entries: &[(usize, usize, f64)],
    x: &mut [f64],
    sparse: bool,
    dense: &mut Vec<f64>,
) -> bool {
    if sparse {
        let mut sorted = entries.to_vec();
        sorted.sort_by_key(|e| (e.1, e.0));
        let mut t = rsparse::data::Trpl::new();
        let mut last: Option<(usize, usize, f64)> = None;
        for (r, c, v) in sorted {
            match last {
                Some((lr, lc, lx)) if (lr, lc) == (r, c) => last = Some((r, c, lx + v)),
                Some((lr, lc, lx)) => {
                    t.append(lr, lc, lx);
                    last = Some((r, c, v));
                }
                None => last = Some((r, c, v)),
            }
        }
        if let Some((r, c, v)) = last {
            t.append(r, c, v);
        }
        let a = t.to_sprs();
        let mut solved = x.to_vec();
        // Order 1: an approximate minimum degree ordering for LU; tolerance 1: partial
        // pivoting, as the dense LU.
        if rsparse::lusol(&a, &mut solved, 1, 1.0).is_err() {
            return false;
        }
        x.copy_from_slice(&solved);
    } else {
        dense.clear();
        dense.resize(k * k, 0.0);
        for &(r, c, v) in entries {
            dense[r + c * k] += v;
        }
        if !lu_solve_small(k, dense, x) {
            return false;
        }
    }
    x.iter().all(|v| v.is_finite())
}

/// Gaussian elimination with partial pivoting on a small dense k×k matrix (column-major,
/// overwritten), solving in place. The groups expected mode meets are a handful of steps;
/// a general library LU allocates its matrix, permutation and result on every call, which
/// cost more than the arithmetic. Larger groups take the sparse path.
fn lu_solve_small(k: usize, a: &mut [f64], x: &mut [f64]) -> bool {
    for col in 0..k {
        // Pivot: the largest magnitude in this column at or below the diagonal.
        let (mut p, mut best) = (col, a[col + col * k].abs());
        for r in col + 1..k {
            let v = a[r + col * k].abs();
            if v > best {
                (p, best) = (r, v);
            }
        }
        if best == 0.0 || !best.is_finite() {
            return false;
        }
        if p != col {
            for c in 0..k {
                a.swap(col + c * k, p + c * k);
            }
            x.swap(col, p);
        }
        let inv_pivot = 1.0 / a[col + col * k];
        for r in col + 1..k {
            let f = a[r + col * k] * inv_pivot;
            if f != 0.0 {
                for c in col + 1..k {
                    a[r + c * k] -= f * a[col + c * k];
                }
                x[r] -= f * x[col];
            }
        }
    }
    for col in (0..k).rev() {
        let mut v = x[col];
        for c in col + 1..k {
            v -= a[col + c * k] * x[c];
        }
        x[col] = v / a[col + col * k];
    }
    true
}

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
    let mut work = std::mem::take(&mut flow.work);
    let chain = Chain {
        controls,
        journey,
        pop,
        draws,
    };
    let result = propagate(chain, &mut inflow, flow, &mut work);
    flow.work = work;
    // For steps outside cycles the inflow is the visit count; cyclic groups stored theirs.
    flow.visits = inflow;
    result
}

/// The pass over the groups of steps of [`flow`], with its buffers.
fn propagate(chain: Chain, inflow: &mut [f64], flow: &mut Flow, work: &mut Work) -> Result<(), ()> {
    let journey = chain.journey;
    for comp in &journey.components {
        let Work {
            buf,
            exits: group_exits,
            steps,
            entries,
            b,
            dense,
            ..
        } = &mut *work;
        if !comp.cyclic {
            let s = comp.steps[0];
            let v = inflow[s];
            if v == 0.0 {
                continue;
            }
            flow.attempts[s] = v * chain.exits(s, buf);
            for &(t, p) in buf.iter() {
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
        if let Some(hub) = &comp.hub {
            hub_group(chain, hub, inflow, flow, work)?;
            continue;
        }
        let k = comp.steps.len();
        let local = |t: Target| match t {
            Target::Step(i) => comp.steps.iter().position(|&c| c == i),
            Target::Outcome(_) => None,
        };
        let sparse = k > SPARSE_FROM;
        // Local index of every step of the group (a lookup table for large groups; a
        // scan of the few steps for small ones).
        let index: Option<std::collections::HashMap<usize, usize>> = sparse.then(|| {
            comp.steps
                .iter()
                .enumerate()
                .map(|(li, &s)| (s, li))
                .collect()
        });
        let local_of = |t: Target| match (&index, t) {
            (Some(map), Target::Step(i)) => map.get(&i).copied(),
            (None, t) => local(t),
            (_, Target::Outcome(_)) => None,
        };
        entries.clear();
        entries.extend((0..k).map(|i| (i, i, 1.0)));
        group_exits.clear();
        steps.clear();
        for (li, &s) in comp.steps.iter().enumerate() {
            let from = group_exits.len();
            let per_visit = chain.append_exits(s, group_exits);
            for &(t, p) in &group_exits[from..] {
                if let Some(lt) = local_of(t) {
                    entries.push((lt, li, -p));
                }
            }
            steps.push((s, from, group_exits.len(), per_visit));
        }
        b.clear();
        b.extend(comp.steps.iter().map(|&s| inflow[s]));
        if !solve_group_in(k, entries, b, sparse, dense) {
            return Err(());
        }
        for (li, &(s, from, to, per_visit)) in steps.iter().enumerate() {
            let visits = b[li].max(0.0);
            inflow[s] = visits;
            flow.attempts[s] = visits * per_visit;
            for &(t, p) in &group_exits[from..to] {
                match t {
                    Target::Step(i) if local_of(t).is_none() => inflow[i] += visits * p,
                    Target::Step(_) => {}
                    Target::Outcome(o) => flow.outcomes[o] += visits * p,
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sparse LU solves what the dense one does, to 1e-12 relative, on a group shaped
    /// like a journey's loops (a chain with jumps back and an exit out of every step).
    #[test]
    fn sparse_and_dense_solves_agree() {
        let k = 300;
        let mut entries: Vec<(usize, usize, f64)> = (0..k).map(|i| (i, i, 1.0)).collect();
        for i in 0..k {
            // Step i → i + 1 (or back to 0 from the last) and, every 7th, back 5 steps.
            let next = if i + 1 < k { i + 1 } else { 0 };
            entries.push((next, i, -0.9));
            if i % 7 == 6 {
                entries.push((i - 5, i, -0.05));
            }
        }
        let b: Vec<f64> = (0..k).map(|i| if i == 0 { 1000.0 } else { 0.0 }).collect();
        let dense = solve_group(k, &entries, &b, false).expect("dense");
        let sparse = solve_group(k, &entries, &b, true).expect("sparse");
        for (d, s) in dense.iter().zip(&sparse) {
            assert!((d - s).abs() <= 1e-12 * d.abs().max(1e-300), "{d} vs {s}");
        }
    }

    #[test]
    fn a_singular_group_is_refused_either_way() {
        // A closed loop with no way out: I − Q is singular.
        let entries = vec![(0, 0, 1.0), (1, 1, 1.0), (1, 0, -1.0), (0, 1, -1.0)];
        assert!(solve_group(2, &entries, &[1.0, 0.0], false).is_none());
        assert!(solve_group(2, &entries, &[1.0, 0.0], true).is_none());
    }
}
