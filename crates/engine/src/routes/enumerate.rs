//! Simple paths from a journey's entry to its success outcomes, most likely first.
//!
//! A* search over partial paths. A route's priority is the largest, over populations, of
//! its reference probability divided by that population's chance of success: the share
//! of that population's successes it carries. A partial path's priority multiplies its
//! probability so far by the best completion from where it stands (the most likely way
//! on to success, loops allowed: an upper bound for simple paths), so it bounds every
//! route through it. A finished route goes back into the queue and comes out only when
//! no partial path could beat it: routes come out in exactly decreasing priority, so
//! stopping at a cap keeps the routes that matter most, and the first route is found
//! without a breadth-first sweep of the graph.
//!
//! Bounded: at most `max_routes` routes and `max_expansions` partial paths. Each partial
//! path is one arena node (a parent index and a hop) plus one probability per population,
//! so memory is O(max_expansions × populations) whatever the graph.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::spec::Target;

/// One found route: the (step, exit index) hops from the entry, and the outcome reached.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Hops in order: step index and the index of the exit taken.
    pub hops: Vec<(usize, usize)>,
    /// Outcome index (a success-class outcome).
    pub outcome: usize,
}

/// What the search found and whether it looked at everything.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Enumeration {
    /// Routes in decreasing priority.
    pub routes: Vec<Found>,
    /// True when every simple path to success was found (no cap was reached).
    pub complete: bool,
    /// Partial paths created (the memory used is proportional to it).
    pub expansions: usize,
}

/// The journey's graph as the search needs it.
pub(crate) struct Graph<'a> {
    /// Where entrants start.
    pub entry: Target,
    /// Per step, the target of each exit (in exit order).
    pub targets: &'a [Vec<Target>],
    /// Per population, per step, per exit: a reference probability (0 = never taken).
    pub weights: &'a [Vec<Vec<f64>>],
    /// Per population, the reference chance of success (normaliser; 0 = ignored).
    pub success_p: &'a [f64],
    /// Per outcome, whether it is of class success.
    pub is_success: &'a [bool],
}

/// Caps on the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Caps {
    /// Routes to find at most.
    pub max_routes: usize,
    /// Partial paths to create at most.
    pub max_expansions: usize,
}

const ROOT: u32 = u32::MAX;

/// A partial path: its last hop (from the parent's step) and where it stands now.
struct Node {
    parent: u32,
    /// Step the path stands on (for a finished route, the last step left).
    step: u32,
    /// Exit taken from the parent's step to get here (unused for the root).
    exit: u32,
    /// The success outcome reached, for a finished route.
    done: Option<u32>,
}

#[derive(PartialEq)]
struct Queued(f64, u32);

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    // Highest priority first; among equals, the older node (smaller index) first, so the
    // order is deterministic.
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .total_cmp(&other.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

/// Finds the routes of `g`, most likely first, within `caps`.
pub(crate) fn enumerate(g: &Graph, caps: Caps) -> Enumeration {
    let pops = g.weights.len();
    let mut routes = Vec::new();
    let start = match g.entry {
        Target::Outcome(o) => {
            // Entrants land on an outcome at once: one empty route if it is a success.
            if g.is_success.get(o).copied().unwrap_or(false) {
                routes.push(Found {
                    hops: Vec::new(),
                    outcome: o,
                });
            }
            return Enumeration {
                routes,
                complete: true,
                expansions: 0,
            };
        }
        Target::Step(s) => s,
    };
    let mut nodes: Vec<Node> = vec![Node {
        parent: ROOT,
        step: start as u32,
        exit: 0,
        done: None,
    }];
    let mut probs: Vec<f64> = vec![1.0; pops];
    let ahead = best_completion(g);
    // `at`: the step the path stands on, or `None` for a finished route.
    let priority = |p: &[f64], at: Option<usize>| {
        p.iter()
            .enumerate()
            .zip(g.success_p)
            .filter(|(_, s)| **s > 0.0)
            .map(|((k, p), s)| p * at.map_or(1.0, |a| ahead[k][a]) / s)
            .fold(0.0, f64::max)
    };
    let mut heap = BinaryHeap::new();
    heap.push(Queued(priority(&probs, Some(start)), 0));
    let mut next = vec![0.0; pops];
    while let Some(Queued(_, n)) = heap.pop() {
        let node = &nodes[n as usize];
        if let Some(o) = node.done {
            routes.push(Found {
                hops: hops_of(&nodes, n),
                outcome: o as usize,
            });
            if routes.len() >= caps.max_routes {
                break;
            }
            continue;
        }
        let s = node.step as usize;
        for (e, &target) in g.targets[s].iter().enumerate() {
            let base = n as usize * pops;
            let mut any = false;
            for (k, w) in g.weights.iter().enumerate() {
                next[k] = probs[base + k] * w[s][e];
                any |= next[k] > 0.0;
            }
            if !any {
                continue; // no population ever takes this exit
            }
            let child = match target {
                Target::Outcome(o) if g.is_success.get(o).copied().unwrap_or(false) => Node {
                    parent: n,
                    step: s as u32,
                    exit: e as u32,
                    done: Some(o as u32),
                },
                Target::Outcome(_) => continue,
                Target::Step(k) if on_path(&nodes, n, k) => continue, // a loop: not simple
                Target::Step(k) => Node {
                    parent: n,
                    step: k as u32,
                    exit: e as u32,
                    done: None,
                },
            };
            if nodes.len() >= caps.max_expansions {
                // Out of room: what is left unexplored is reported as not examined.
                return Enumeration {
                    routes,
                    complete: false,
                    expansions: nodes.len(),
                };
            }
            let at = child.done.is_none().then_some(child.step as usize);
            heap.push(Queued(priority(&next, at), nodes.len() as u32));
            nodes.push(child);
            probs.extend_from_slice(&next);
        }
    }
    Enumeration {
        routes,
        complete: heap.is_empty(),
        expansions: nodes.len(),
    }
}

/// Per population, per step: the probability of the most likely way from that step to a
/// success outcome (max-product paths by Dijkstra from the outcomes backwards; exit
/// probabilities are at most 1, so a path never gains by going round a loop).
fn best_completion(g: &Graph) -> Vec<Vec<f64>> {
    let steps = g.targets.len();
    let mut into: Vec<Vec<(usize, usize)>> = vec![Vec::new(); steps];
    for (s, ts) in g.targets.iter().enumerate() {
        for (e, t) in ts.iter().enumerate() {
            if let Target::Step(k) = *t {
                into[k].push((s, e));
            }
        }
    }
    g.weights
        .iter()
        .map(|w| {
            let mut best = vec![0.0_f64; steps];
            let mut heap = BinaryHeap::new();
            for (s, ts) in g.targets.iter().enumerate() {
                for (e, t) in ts.iter().enumerate() {
                    if let Target::Outcome(o) = *t {
                        if g.is_success.get(o).copied().unwrap_or(false) {
                            best[s] = best[s].max(w[s][e]);
                        }
                    }
                }
                if best[s] > 0.0 {
                    heap.push(Queued(best[s], s as u32));
                }
            }
            while let Some(Queued(b, k)) = heap.pop() {
                let k = k as usize;
                if b < best[k] {
                    continue; // a stale entry
                }
                for &(s, e) in &into[k] {
                    let cand = w[s][e] * b;
                    if cand > best[s] {
                        best[s] = cand;
                        heap.push(Queued(cand, s as u32));
                    }
                }
            }
            best
        })
        .collect()
}

/// Whether step `k` is already on the path ending at node `n`.
fn on_path(nodes: &[Node], mut n: u32, k: usize) -> bool {
    while n != ROOT {
        let node = &nodes[n as usize];
        if node.step as usize == k {
            return true;
        }
        n = node.parent;
    }
    false
}

/// The hops from the root to node `n`, in order.
fn hops_of(nodes: &[Node], n: u32) -> Vec<(usize, usize)> {
    let mut hops = Vec::new();
    let mut cur = n;
    while cur != ROOT {
        let node = &nodes[cur as usize];
        if node.parent == ROOT {
            break;
        }
        // The hop into `cur` leaves the parent's step by `cur.exit`.
        let from = nodes[node.parent as usize].step as usize;
        hops.push((from, node.exit as usize));
        cur = node.parent;
    }
    hops.reverse();
    hops
}
