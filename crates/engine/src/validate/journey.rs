//! Journeys and their steps (spec §5).

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};
use statrs::function::beta::beta_reg;

use super::values::Domain;
use super::Ctx;
use crate::path::Path;
use crate::spec::{
    ControlSpec, EntrantSpec, JourneySpec, OutcomeClass, OutcomeSpec, PerPop, StepKind, StepSpec,
    Target,
};
use crate::vocab::{step_kind, JOURNEY_KINDS, STEP_KINDS};

/// Ids of a journey's nodes, for resolving targets.
struct Names {
    steps: HashMap<String, usize>,
    outcomes: HashMap<String, usize>,
}

impl Ctx {
    pub(super) fn journey(
        &mut self,
        j: &Value,
        root: &Path,
        i: usize,
        seen: &mut HashSet<String>,
        controls: &[ControlSpec],
    ) -> Option<JourneySpec> {
        let jo = self.object(j, &root.index(i))?;
        let id = self.id(jo, &root.index(i), seen, "journey")?;
        let path = root.id(&id);
        let name = self
            .string(jo, "name", &path, false)
            .unwrap_or_else(|| id.clone());
        if jo.contains_key("owner") {
            self.team_ref(jo, "owner", &path, false);
        }
        self.boolean(jo, "sensitive", &path);
        self.boolean(jo, "notifies", &path);
        self.one_of(jo, "kind", &path, &JOURNEY_KINDS);
        if let Some(aal) = jo.get("required_aal") {
            if !matches!(aal.as_u64(), Some(1..=3)) {
                self.err(
                    &path.key("required_aal"),
                    "`required_aal` must be 1, 2 or 3",
                    "write 1, 2 or 3",
                );
            }
        }
        let entrants = self.entrants(jo, &path);

        // First pass: ids of steps and declared outcomes, so targets can point forward.
        let steps_root = path.key("steps");
        let raw_steps = self.array(jo, "steps", &path, true);
        let mut outcomes: Vec<OutcomeSpec> = OutcomeClass::ALL
            .iter()
            .map(|c| OutcomeSpec {
                id: c.as_str().to_string(),
                class: *c,
            })
            .collect();
        let mut names = Names {
            steps: HashMap::new(),
            outcomes: HashMap::new(),
        };
        let mut step_ids = HashSet::new();
        let mut bodies: Vec<(String, &Map<String, Value>)> = Vec::new();
        for (k, s) in raw_steps.iter().enumerate() {
            let Some(so) = self.object(s, &steps_root.index(k)) else {
                continue;
            };
            let Some(sid) = self.id(so, &steps_root.index(k), &mut step_ids, "step") else {
                continue;
            };
            let spath = steps_root.id(&sid);
            match so.get("kind").and_then(Value::as_str) {
                Some("outcome") => {
                    let class = match so.get("class").and_then(Value::as_str) {
                        Some("success") => OutcomeClass::Success,
                        Some("abandoned") => OutcomeClass::Abandoned,
                        Some("blocked") => OutcomeClass::Blocked,
                        _ => {
                            self.err(
                                &spath.key("class"),
                                "an outcome needs `class`",
                                "write \"class\": \"success\", \"abandoned\" or \"blocked\"",
                            );
                            OutcomeClass::Blocked
                        }
                    };
                    match outcomes.iter().position(|o| o.id == sid) {
                        Some(p) => outcomes[p].class = class,
                        None => outcomes.push(OutcomeSpec {
                            id: sid.clone(),
                            class,
                        }),
                    }
                }
                Some(kind) if step_kind(kind).is_some() => {
                    if ["success", "abandoned", "blocked"].contains(&sid.as_str()) {
                        self.err(
                            &spath.key("id"),
                            format!("`{sid}` is reserved for the implicit outcome"),
                            "only an `outcome` step may use this id",
                        );
                        continue;
                    }
                    names.steps.insert(sid.clone(), bodies.len());
                    bodies.push((sid, so));
                }
                _ => {
                    self.err(
                        &spath.key("kind"),
                        "missing or unknown step `kind`",
                        format!("use one of: {}", STEP_KINDS.map(|k| k.kind).join(", ")),
                    );
                }
            }
        }
        for (n, o) in outcomes.iter().enumerate() {
            names.outcomes.insert(o.id.clone(), n);
        }

        let entry = match self.string(jo, "entry", &path, true) {
            Some(e) => self.resolve(&names, &e, &path.key("entry")),
            None => None,
        };
        let mut steps = Vec::new();
        for (sid, so) in &bodies {
            let spath = steps_root.id(sid);
            if so.contains_key("owner") {
                self.team_ref(so, "owner", &spath, false);
            }
            let step_name = self.string(so, "name", &spath, false);
            if let Some(kind) = self.step_kind(so, &spath, &names, controls) {
                steps.push(StepSpec {
                    id: sid.clone(),
                    name: step_name.unwrap_or_else(|| sid.clone()),
                    kind,
                });
            }
        }
        if steps.len() != bodies.len() {
            return None; // an invalid step was reported; graph checks would only add noise
        }
        let entry = entry?;
        let text = |key: &str| jo.get(key).and_then(Value::as_str).map(str::to_string);
        let flag = |key: &str| jo.get(key).and_then(Value::as_bool).unwrap_or(false);
        let mut journey = JourneySpec {
            kind: text("kind"),
            required_aal: jo
                .get("required_aal")
                .and_then(Value::as_u64)
                .map(|a| a.min(3) as u8),
            sensitive: flag("sensitive"),
            restores: text("restores"),
            notifies: flag("notifies"),
            id,
            name,
            steps,
            outcomes,
            entry,
            entrants,
            cyclic: false,
            components: Vec::new(),
        };
        self.check_graph(&mut journey, &path, controls);
        Some(journey)
    }

    fn entrants(&mut self, jo: &Map<String, Value>, path: &Path) -> Vec<EntrantSpec> {
        let root = path.key("entrants");
        let mut out: Vec<EntrantSpec> = Vec::new();
        let list = self.array(jo, "entrants", path, true);
        if list.is_empty() && jo.contains_key("entrants") {
            self.warn(&root, "nobody enters this journey");
        }
        for (i, e) in list.iter().enumerate() {
            let Some(eo) = self.object(e, &root.index(i)) else {
                continue;
            };
            let Some(pop) = self.string(eo, "population", &root.index(i), true) else {
                continue;
            };
            let epath = root.id(&pop);
            let Some(&p) = self.pop_index.get(&pop) else {
                let known = self.known_list(self.pop_index.keys());
                self.err(
                    &epath.key("population"),
                    format!("unknown population `{pop}`"),
                    format!("use one of: {known}"),
                );
                continue;
            };
            if out.iter().any(|x| x.population == p) {
                self.err(
                    &epath,
                    format!("population `{pop}` enters twice"),
                    "list each population once and add the volumes",
                );
                continue;
            }
            let volume = match eo.get("volume") {
                Some(v) => self.quantity(v, &epath.key("volume"), Domain::NonNegative),
                None => {
                    self.err(
                        &epath,
                        "missing required key `volume`",
                        "add \"volume\": entrants per period",
                    );
                    None
                }
            };
            if let Some(volume) = volume {
                out.push(EntrantSpec {
                    population: p,
                    volume,
                });
            }
        }
        out
    }

    fn resolve(&mut self, names: &Names, id: &str, path: &Path) -> Option<Target> {
        if let Some(&s) = names.steps.get(id) {
            return Some(Target::Step(s));
        }
        if let Some(&o) = names.outcomes.get(id) {
            return Some(Target::Outcome(o));
        }
        let mut known: Vec<&String> = names.steps.keys().chain(names.outcomes.keys()).collect();
        known.sort();
        let known: Vec<&str> = known.into_iter().map(String::as_str).collect();
        self.err(
            path,
            format!("`{id}` names no step or outcome of this journey"),
            format!("use one of: {}", known.join(", ")),
        );
        None
    }

    /// `on.<key>` (or `next`), with an optional default outcome.
    fn exit(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &Path,
        names: &Names,
        default: Option<&str>,
    ) -> Option<Target> {
        match self.string(obj, key, path, default.is_none()) {
            Some(t) => self.resolve(names, &t, &path.key(key)),
            None => default.and_then(|d| names.outcomes.get(d).map(|&o| Target::Outcome(o))),
        }
    }

    fn step_kind(
        &mut self,
        so: &Map<String, Value>,
        path: &Path,
        names: &Names,
        controls: &[ControlSpec],
    ) -> Option<StepKind> {
        let on = |ctx: &mut Ctx| -> Option<&Map<String, Value>> {
            match so.get("on") {
                Some(v) => ctx.object(v, &path.key("on")),
                None => {
                    ctx.err(
                        path,
                        "missing required key `on`",
                        "add \"on\": { ... } with the exits",
                    );
                    None
                }
            }
        };
        match so.get("kind").and_then(Value::as_str)? {
            "action" => {
                let seconds = self.opt_quantity(so, "seconds", path, Domain::NonNegative);
                let abandon = self
                    .opt_per_pop(so, "abandon", path, Domain::Probability)
                    .unwrap_or_else(|| self.zero_for_all(&path.key("abandon")));
                let next = self.exit(so, "next", path, names, None)?;
                Some(StepKind::Action {
                    seconds,
                    abandon,
                    next,
                })
            }
            "control" => {
                let cid = self.string(so, "control", path, true)?;
                let Some(control) = controls.iter().position(|c| c.id == cid) else {
                    let known = self.known_list(controls.iter().map(|c| &c.id));
                    self.err(
                        &path.key("control"),
                        format!("unknown control `{cid}`"),
                        format!("use a control from the library: {known}"),
                    );
                    return None;
                };
                let max_attempts = match so.get("max_attempts") {
                    None => 1,
                    Some(v) => match v.as_u64() {
                        Some(m @ 1..=1000) => m as u32,
                        _ => {
                            self.err(
                                &path.key("max_attempts"),
                                "`max_attempts` must be a whole number from 1 to 1000",
                                "write e.g. 3",
                            );
                            return None;
                        }
                    },
                };
                let on = on(self)?;
                let opath = path.key("on");
                let pass = self.exit(on, "pass", &opath, names, None);
                let fail = self.exit(on, "fail", &opath, names, Some("blocked"));
                let abandon = self.exit(on, "abandon", &opath, names, Some("abandoned"));
                Some(StepKind::Control {
                    control,
                    max_attempts,
                    pass: pass?,
                    fail: fail?,
                    abandon: abandon?,
                })
            }
            "risk_gate" => {
                let sid = self.string(so, "signal", path, true)?;
                let Some(betas) = self.signals.get(&sid).cloned() else {
                    let known = self.known_list(self.signals.keys());
                    self.err(
                        &path.key("signal"),
                        format!("unknown risk signal `{sid}`"),
                        format!("use one of: {known}"),
                    );
                    return None;
                };
                let allow_below = self.threshold(so, "allow_below", path);
                let block_at = self.threshold(so, "block_at_or_above", path);
                let on = on(self)?;
                let opath = path.key("on");
                let allow = self.exit(on, "allow", &opath, names, None);
                let challenge = self.exit(on, "challenge", &opath, names, None);
                let block = self.exit(on, "block", &opath, names, Some("blocked"));
                let (allow_below, block_at) = (allow_below?, block_at?);
                if allow_below > block_at {
                    self.err(
                        &path.key("block_at_or_above"),
                        format!("thresholds out of order: allow_below {allow_below} > block_at_or_above {block_at}"),
                        "block_at_or_above must be ≥ allow_below",
                    );
                    return None;
                }
                // P(allow) = F(allow_below), P(block) = 1 − F(block_at_or_above); a population
                // without a score distribution is reported by the graph check if it can get here.
                let cdf = |ab: Option<(f64, f64)>, x: f64| {
                    ab.map_or(f64::NAN, |(a, b)| beta_reg(a, b, x.clamp(0.0, 1.0)))
                };
                let p_allow = betas.iter().map(|ab| cdf(*ab, allow_below)).collect();
                let p_block = betas.iter().map(|ab| 1.0 - cdf(*ab, block_at)).collect();
                Some(StepKind::RiskGate {
                    p_allow,
                    p_block,
                    allow: allow?,
                    challenge: challenge?,
                    block: block?,
                })
            }
            "branch" => {
                let tpath = path.key("to");
                let list = self.array(so, "to", path, true);
                let mut shares = Vec::new();
                let mut remainders = Vec::new();
                let mut without_p = 0;
                let mut ok = true;
                for (k, e) in list.iter().enumerate() {
                    let Some(eo) = self.object(e, &tpath.index(k)) else {
                        ok = false;
                        continue;
                    };
                    let target = self.exit(eo, "target", &tpath.index(k), names, None);
                    let p: Option<PerPop> =
                        self.opt_per_pop(eo, "p", &tpath.index(k), Domain::Probability);
                    if p.is_none() {
                        without_p += 1;
                    }
                    match (target, p) {
                        (Some(t), Some(p)) => shares.push((t, p)),
                        (Some(t), None) => remainders.push(t),
                        (None, _) => ok = false,
                    }
                }
                // Counted apart from the targets, so a dangling target is not also
                // reported as a missing remainder.
                if without_p != 1 {
                    self.err(
                        &tpath,
                        format!("a branch needs exactly one entry without `p` (the remainder), found {without_p}"),
                        "leave `p` out of exactly one entry",
                    );
                    return None;
                }
                let remainder = remainders.first().copied().filter(|_| ok)?;
                Some(StepKind::Branch { shares, remainder })
            }
            "support" => {
                let cost_per_contact =
                    self.opt_quantity(so, "cost_per_contact", path, Domain::NonNegative);
                let minutes_per_contact =
                    self.opt_quantity(so, "minutes_per_contact", path, Domain::NonNegative);
                let resolve = match so.get("resolve") {
                    Some(v) => self.per_pop(v, &path.key("resolve"), Domain::Probability),
                    None => {
                        self.err(
                            path,
                            "missing required key `resolve`",
                            "add \"resolve\": probability the desk resolves the contact",
                        );
                        return None;
                    }
                };
                let on = on(self)?;
                let opath = path.key("on");
                let resolved = self.exit(on, "resolved", &opath, names, None);
                let unresolved = self.exit(on, "unresolved", &opath, names, Some("abandoned"));
                Some(StepKind::Support {
                    cost_per_contact,
                    minutes_per_contact,
                    resolve,
                    resolved: resolved?,
                    unresolved: unresolved?,
                })
            }
            _ => None,
        }
    }

    fn threshold(&mut self, so: &Map<String, Value>, key: &str, path: &Path) -> Option<f64> {
        let x = self.number(so, key, path, true)?;
        if !(0.0..=1.0).contains(&x) {
            self.err(
                &path.key(key),
                format!("threshold {x} is outside [0, 1]"),
                "risk scores lie in [0, 1]",
            );
            return None;
        }
        Some(x)
    }
}
