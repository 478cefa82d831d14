//! Graph rules of spec §5: reachability, a way to an outcome from every step, cycles
//! that drain, and per-population parameter coverage.

use super::Ctx;
use crate::path::Path;
use crate::spec::{Component, ControlSpec, Hub, JourneySpec, PerPop, QId, StepKind, Target};

/// Tolerance for sums of probabilities checked on bounds.
const EPS: f64 = 1e-12;

/// The least share of users a cycle must let out per pass, for every draw. A cycle that
/// keeps more than 99.99 % each time is not a customer journey, and would make the
/// linear system of expected mode ill-conditioned and sampled mode loop for millions of
/// rounds.
pub const MIN_CYCLE_EXIT: f64 = 1e-4;

/// The most visits to one step that an entrant may make on average (at the parameters'
/// means). Loops nested inside loops can each let 1 in 10,000 out and still keep users
/// for billions of rounds together; this catches what the per-step rule cannot.
pub const MAX_MEAN_VISITS: f64 = 1e4;

impl Ctx {
    fn bounds(&self, q: Option<QId>) -> (f64, f64) {
        q.map_or((0.0, 0.0), |q| self.quantities[q].dist.support())
    }

    fn entry_of(per: &PerPop, pop: usize) -> Option<QId> {
        per.get(pop).copied().flatten()
    }

    pub(super) fn check_graph(
        &mut self,
        j: &mut JourneySpec,
        path: &Path,
        controls: &[ControlSpec],
    ) {
        let n = j.steps.len();
        let steps_path = path.key("steps");
        let succ: Vec<Vec<usize>> = j
            .steps
            .iter()
            .map(|s| {
                s.targets()
                    .into_iter()
                    .filter_map(|t| {
                        if let Target::Step(i) = t {
                            Some(i)
                        } else {
                            None
                        }
                    })
                    .collect()
            })
            .collect();

        // Structural reachability from the entry.
        let reached = reach(&succ, j.entry, |_, _| true);
        for (i, s) in j.steps.iter().enumerate() {
            if !reached[i] && self.unreachable_is_warning {
                self.warn(
                    &steps_path.id(&s.id),
                    format!("step `{}` is no longer reached", s.id),
                );
            } else if !reached[i] {
                self.err(
                    &steps_path.id(&s.id),
                    format!("step `{}` cannot be reached from the entry", s.id),
                    "connect an exit to it, or remove it",
                );
            }
        }
        let used_outcomes: Vec<bool> = (0..j.outcomes.len())
            .map(|o| {
                j.entry == Target::Outcome(o)
                    || j.steps
                        .iter()
                        .enumerate()
                        .any(|(i, s)| reached[i] && s.targets().contains(&Target::Outcome(o)))
            })
            .collect();
        for (o, out) in j.outcomes.iter().enumerate().skip(3) {
            if !used_outcomes[o] {
                self.warn(
                    &steps_path.id(&out.id),
                    format!("outcome `{}` is never reached", out.id),
                );
            }
        }

        // Every step must be able to reach an outcome: a search backwards from the steps
        // with an exit to an outcome (linear; a forward fixpoint would be quadratic).
        let mut to_outcome: Vec<bool> = j
            .steps
            .iter()
            .map(|s| s.targets().iter().any(|t| matches!(t, Target::Outcome(_))))
            .collect();
        let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, ks) in succ.iter().enumerate() {
            for &k in ks {
                pred[k].push(i);
            }
        }
        let mut stack: Vec<usize> = (0..n).filter(|&i| to_outcome[i]).collect();
        while let Some(k) = stack.pop() {
            for &i in &pred[k] {
                if !to_outcome[i] {
                    to_outcome[i] = true;
                    stack.push(i);
                }
            }
        }
        for (i, s) in j.steps.iter().enumerate() {
            if !to_outcome[i] {
                self.err(
                    &steps_path.id(&s.id),
                    format!("step `{}` cannot reach any outcome", s.id),
                    "route one of its exits towards an outcome",
                );
            }
        }
        if to_outcome.iter().any(|x| !x) {
            return;
        }

        let (order, cyclic) = topo_order(&succ, j.entry);
        j.components = components_in_order(&succ, &order);
        j.cyclic = cyclic;

        for e in j.entrants.clone() {
            let pop = e.population;
            // The graph as this population can move through it: only exits whose
            // probability can be positive for some draw.
            let possible: Vec<Vec<usize>> = j
                .steps
                .iter()
                .map(|st| {
                    self.possible_targets(&st.kind, pop, controls)
                        .into_iter()
                        .filter_map(|t| {
                            if let Target::Step(i) = t {
                                Some(i)
                            } else {
                                None
                            }
                        })
                        .collect()
                })
                .collect();
            let pop_reach = reach(&possible, j.entry, |_, _| true);
            for (_, step) in j.steps.iter().enumerate().filter(|(i, _)| pop_reach[*i]) {
                self.check_step_for(&step.kind, pop, &steps_path.id(&step.id), controls);
            }
            if j.cyclic {
                self.check_mean_visits(j, pop, controls, &steps_path);
            }
            for scc in cycles(&possible) {
                if !scc.iter().any(|&i| pop_reach[i]) {
                    continue;
                }
                let drains = scc.iter().any(|&i| {
                    self.max_stay(&j.steps[i].kind, &scc, pop, controls) <= 1.0 - MIN_CYCLE_EXIT
                });
                if !drains {
                    let ids: Vec<&str> = scc.iter().map(|&i| j.steps[i].id.as_str()).collect();
                    self.err(
                        &steps_path.id(&j.steps[scc[0]].id),
                        format!(
                            "the cycle through {} cannot drain for population `{}`: for some parameter draws fewer than 1 in 10,000 users leave it per pass",
                            ids.join(" → "),
                            self.populations[pop].id
                        ),
                        "give one of its steps an exit out of the cycle whose probability stays at least 0.0001 for every draw",
                    );
                }
            }
        }
    }

    /// Solves the journey at the parameters' means for one entrant of `pop` and reports
    /// a step visited more than [`MAX_MEAN_VISITS`] times on average.
    fn check_mean_visits(
        &mut self,
        j: &JourneySpec,
        pop: usize,
        controls: &[ControlSpec],
        steps_path: &Path,
    ) {
        let means: Vec<f64> = self.quantities.iter().map(|q| q.dist.mean()).collect();
        let draws = crate::sim::Draws { values: &means };
        let mut flow = crate::sim::Flow::default();
        flow.reset(j.steps.len(), j.outcomes.len());
        let ok = crate::sim::expected::flow(controls, j, pop, &draws, 1.0, &mut flow).is_ok();
        let worst = flow
            .visits
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, v)| (i, *v));
        let too_many = |v: f64| !v.is_finite() || v > MAX_MEAN_VISITS;
        if let Some((i, visits)) = worst.filter(|(_, v)| !ok || too_many(*v)) {
            let pid = self.populations[pop].id.clone();
            self.err(
                &steps_path.id(&j.steps[i].id),
                format!("at the parameters' means, population `{pid}` would pass through this step {visits:.3e} times per entrant: its cycles barely drain"),
                format!("let more users out of the loops through this step (at most {MAX_MEAN_VISITS} visits per entrant)"),
            );
        }
    }

    /// The exits of a step that population `pop` can take with positive probability for
    /// some parameter draw (judged on the bounds). A missing parameter counts as 0; it is
    /// reported separately when the step is reachable.
    fn possible_targets(
        &self,
        kind: &StepKind,
        pop: usize,
        controls: &[ControlSpec],
    ) -> Vec<Target> {
        let b = |per: &PerPop| self.bounds(Self::entry_of(per, pop));
        let mut out = Vec::new();
        let mut add = |t: Target, possible: bool| {
            if possible {
                out.push(t);
            }
        };
        match kind {
            StepKind::Action { abandon, next, .. } => {
                let (a_lo, _) = b(abandon);
                add(*next, a_lo < 1.0);
            }
            StepKind::Control {
                control,
                pass,
                fail,
                abandon,
                ..
            } => {
                let c = &controls[*control];
                let ((a_lo, a_hi), (s_lo, s_hi)) = (b(&c.abandon), b(&c.pass));
                add(*pass, a_lo < 1.0 && s_hi > 0.0);
                add(*fail, a_lo < 1.0 && s_lo < 1.0);
                add(*abandon, a_hi > 0.0);
            }
            StepKind::RiskGate {
                p_allow,
                p_block,
                allow,
                challenge,
                block,
            } => {
                let (pa, pb) = (p_allow[pop], p_block[pop]);
                // NaN (no score for this population) keeps every exit open.
                add(*allow, pa > 0.0 || pa.is_nan());
                add(*challenge, 1.0 - pa - pb > EPS || pa.is_nan());
                add(*block, pb > 0.0 || pb.is_nan());
            }
            StepKind::Branch { shares, remainder } => {
                let mut lower = 0.0;
                for (t, p) in shares {
                    let (lo, hi) = b(p);
                    lower += lo;
                    add(*t, hi > 0.0);
                }
                add(*remainder, lower < 1.0 - EPS);
            }
            StepKind::Support {
                resolve,
                resolved,
                unresolved,
                ..
            } => {
                let (lo, hi) = b(resolve);
                add(*resolved, hi > 0.0);
                add(*unresolved, lo < 1.0);
            }
        }
        out
    }

    fn check_step_for(
        &mut self,
        kind: &StepKind,
        pop: usize,
        path: &Path,
        controls: &[ControlSpec],
    ) {
        match kind {
            StepKind::Control { control, .. } => {
                let c = &controls[*control];
                for (field, per) in [("pass", &c.pass), ("abandon", &c.abandon)] {
                    if Self::entry_of(per, pop).is_none() {
                        let id = self.populations[pop].id.clone();
                        let cpath = Path::root().key("controls").id(&c.id).key(field);
                        self.err(
                            &cpath,
                            format!("population `{id}` reaches step {path} but control `{}` has no `{field}` for it", c.id),
                            format!("add a `{id}`, `*legitimate`/`*attacker` or `*` entry"),
                        );
                    }
                }
            }
            StepKind::RiskGate { p_allow, .. } => {
                if p_allow[pop].is_nan() {
                    let id = self.populations[pop].id.clone();
                    self.err(path, format!("population `{id}` reaches this risk gate but its signal has no score for it"), format!("add a `{id}` or wildcard entry to the signal's score"));
                }
            }
            StepKind::Branch { shares, .. } => {
                let mut upper = 0.0;
                for (k, (_, p)) in shares.iter().enumerate() {
                    self.require_entry(p, pop, &path.key("to").index(k).key("p"), "p");
                    upper += self.bounds(Self::entry_of(p, pop)).1;
                }
                if upper > 1.0 + EPS {
                    let id = self.populations[pop].id.clone();
                    self.err(
                        &path.key("to"),
                        format!("branch shares for population `{id}` can add up to {upper:.4} (> 1) on their upper bounds"),
                        "lower the shares so their upper bounds sum to at most 1",
                    );
                }
            }
            StepKind::Support { resolve, .. } => {
                let resolve = resolve.clone();
                self.require_entry(&resolve, pop, &path.key("resolve"), "resolve");
            }
            StepKind::Action { abandon, .. } => {
                let abandon = abandon.clone();
                self.require_entry(&abandon, pop, &path.key("abandon"), "abandon");
            }
        }
    }

    /// The largest probability, over parameter draws (judged on the bounds), that a
    /// member of `pop` at a step of this kind stays inside `scc`.
    fn max_stay(
        &self,
        kind: &StepKind,
        scc: &[usize],
        pop: usize,
        controls: &[ControlSpec],
    ) -> f64 {
        let inside = |t: &Target| matches!(t, Target::Step(i) if scc.contains(i));
        match kind {
            StepKind::Action { abandon, next, .. } => {
                if inside(next) {
                    1.0 - self.bounds(Self::entry_of(abandon, pop)).0
                } else {
                    0.0
                }
            }
            StepKind::Control {
                control,
                max_attempts,
                pass,
                fail,
                abandon,
            } => {
                let c = &controls[*control];
                let (a_lo, a_hi) = self.bounds(Self::entry_of(&c.abandon, pop));
                let (s_lo, s_hi) = self.bounds(Self::entry_of(&c.pass, pop));
                // The exit probabilities are smooth in (a, s); evaluate on a grid over the
                // bounds (corners included) and keep the worst case.
                const GRID: usize = 8;
                let mut worst: f64 = 0.0;
                for ia in 0..=GRID {
                    for is in 0..=GRID {
                        let a = a_lo + (a_hi - a_lo) * ia as f64 / GRID as f64;
                        let s = s_lo + (s_hi - s_lo) * is as f64 / GRID as f64;
                        let p = crate::sim::control_exits(a, s, *max_attempts);
                        let stay = [(pass, p.pass), (fail, p.fail), (abandon, p.abandon)]
                            .iter()
                            .filter(|(t, _)| inside(t))
                            .map(|(_, x)| *x)
                            .sum::<f64>();
                        worst = worst.max(stay);
                    }
                }
                worst
            }
            StepKind::RiskGate {
                p_allow,
                p_block,
                allow,
                challenge,
                block,
            } => {
                let (pa, pb) = (p_allow[pop], p_block[pop]);
                [(allow, pa), (challenge, 1.0 - pa - pb), (block, pb)]
                    .iter()
                    .filter(|(t, _)| inside(t))
                    .map(|(_, x)| *x)
                    .sum()
            }
            StepKind::Branch { shares, remainder } => {
                let stay_upper: f64 = shares
                    .iter()
                    .filter(|(t, _)| inside(t))
                    .map(|(_, p)| self.bounds(Self::entry_of(p, pop)).1)
                    .sum();
                if inside(remainder) {
                    let out_lower: f64 = shares
                        .iter()
                        .filter(|(t, _)| !inside(t))
                        .map(|(_, p)| self.bounds(Self::entry_of(p, pop)).0)
                        .sum();
                    1.0 - out_lower
                } else {
                    stay_upper
                }
            }
            StepKind::Support {
                resolve,
                resolved,
                unresolved,
                ..
            } => {
                let (r_lo, r_hi) = self.bounds(Self::entry_of(resolve, pop));
                match (inside(resolved), inside(unresolved)) {
                    (true, true) => 1.0,
                    (true, false) => r_hi,
                    (false, true) => 1.0 - r_lo,
                    (false, false) => 0.0,
                }
            }
        }
    }
}

/// Steps reachable from `entry` through edges that `open(from, to)` allows.
fn reach(succ: &[Vec<usize>], entry: Target, open: impl Fn(usize, usize) -> bool) -> Vec<bool> {
    let mut seen = vec![false; succ.len()];
    let Target::Step(start) = entry else {
        return seen;
    };
    let mut stack = vec![start];
    seen[start] = true;
    while let Some(i) = stack.pop() {
        for &k in &succ[i] {
            if !seen[k] && open(i, k) {
                seen[k] = true;
                stack.push(k);
            }
        }
    }
    seen
}

/// Reverse post-order of a depth-first search from the entry (then any unreached step),
/// and whether a back edge (a cycle) was met.
fn topo_order(succ: &[Vec<usize>], entry: Target) -> (Vec<usize>, bool) {
    let n = succ.len();
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut post = Vec::with_capacity(n);
    let mut cyclic = false;
    let starts: Vec<usize> = match entry {
        Target::Step(s) => std::iter::once(s).chain(0..n).collect(),
        Target::Outcome(_) => (0..n).collect(),
    };
    for s in starts {
        if state[s] != 0 {
            continue;
        }
        let mut stack = vec![(s, 0usize)];
        state[s] = 1;
        while let Some((node, next)) = stack.last_mut() {
            if let Some(&k) = succ[*node].get(*next) {
                *next += 1;
                match state[k] {
                    0 => {
                        state[k] = 1;
                        stack.push((k, 0));
                    }
                    1 => cyclic = true,
                    _ => {}
                }
            } else {
                state[*node] = 2;
                post.push(*node);
                stack.pop();
            }
        }
    }
    post.reverse();
    (post, cyclic)
}

/// Strongly connected components by Tarjan's algorithm (petgraph), in topological order
/// of the condensed graph: every exit of a component leads to itself or to a later one.
/// Each component lists its steps in ascending index. Linear in steps and exits.
fn sccs(succ: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut g = petgraph::graph::DiGraph::<(), ()>::with_capacity(succ.len(), succ.len() * 2);
    let nodes: Vec<_> = (0..succ.len()).map(|_| g.add_node(())).collect();
    for (i, ks) in succ.iter().enumerate() {
        for &k in ks {
            g.add_edge(nodes[i], nodes[k], ());
        }
    }
    // Tarjan emits components in reverse topological order.
    let mut out: Vec<Vec<usize>> = petgraph::algo::tarjan_scc(&g)
        .into_iter()
        .rev()
        .map(|c| {
            let mut steps: Vec<usize> = c.into_iter().map(|n| n.index()).collect();
            steps.sort_unstable();
            steps
        })
        .collect();
    out.shrink_to_fit();
    out
}

/// Whether a component holds a cycle: more than one step, or a step that exits to itself.
fn is_cycle(succ: &[Vec<usize>], steps: &[usize]) -> bool {
    steps.len() > 1 || steps.first().is_some_and(|&i| succ[i].contains(&i))
}

/// Every strongly connected component, in topological order of the condensed graph.
/// `order` is a reverse post-order of a depth-first search, so ordering components by
/// their first step in it orders them topologically; steps within a component follow it
/// too. (Tarjan finds the components; this order keeps expected mode's sums in the same
/// sequence as before, so results are bit for bit what they were.)
fn components_in_order(succ: &[Vec<usize>], order: &[usize]) -> Vec<Component> {
    let mut rank = vec![usize::MAX; succ.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut comps: Vec<Vec<usize>> = sccs(succ)
        .into_iter()
        .map(|mut steps| {
            steps.sort_by_key(|&i| rank[i]);
            steps
        })
        .collect();
    comps.sort_by_key(|c| c.first().map_or(usize::MAX, |&i| rank[i]));
    comps
        .into_iter()
        .map(|steps| {
            let cyclic = is_cycle(succ, &steps);
            Component {
                hub: if cyclic { find_hub(succ, &steps) } else { None },
                cyclic,
                steps,
            }
        })
        .collect()
}

/// Groups larger than this are not searched for a hub (the search is quadratic in the
/// group's size); they drain by sweeps.
const MAX_HUB_SEARCH: usize = 256;

/// The first step of the group (in its order) whose removal leaves the rest acyclic, with
/// the rest in topological order (Kahn's algorithm, ties in group order).
fn find_hub(succ: &[Vec<usize>], group: &[usize]) -> Option<Hub> {
    if group.len() > MAX_HUB_SEARCH {
        return None;
    }
    let local = |s: usize| group.iter().position(|&g| g == s);
    group.iter().find_map(|&hub| {
        let inside = |s: usize| s != hub && local(s).is_some();
        let mut indegree = vec![0usize; group.len()];
        for &s in group.iter().filter(|&&s| s != hub) {
            for &t in succ[s].iter().filter(|&&t| inside(t)) {
                indegree[local(t)?] += 1;
            }
        }
        let mut ready: std::collections::VecDeque<usize> = group
            .iter()
            .copied()
            .filter(|&s| s != hub && indegree[local(s).unwrap_or(0)] == 0)
            .collect();
        let mut order = Vec::with_capacity(group.len() - 1);
        while let Some(s) = ready.pop_front() {
            order.push(s);
            for &t in succ[s].iter().filter(|&&t| inside(t)) {
                let d = &mut indegree[local(t)?];
                *d -= 1;
                if *d == 0 {
                    ready.push_back(t);
                }
            }
        }
        (order.len() + 1 == group.len()).then_some(Hub { step: hub, order })
    })
}

/// Strongly connected components that contain a cycle (size > 1, or a self-loop).
fn cycles(succ: &[Vec<usize>]) -> Vec<Vec<usize>> {
    sccs(succ)
        .into_iter()
        .filter(|c| is_cycle(succ, c))
        .collect()
}
