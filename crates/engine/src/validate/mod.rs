//! Validation: a model document (JSON value) → a [`Spec`] plus every problem found.
//!
//! One pass reads the whole document, collecting [`Issue`]s with their paths instead of
//! stopping at the first; a [`Spec`] is returned only when there is no error. Scenarios
//! are validated by applying them to the document and validating the result.

mod graph;
mod journey;
mod values;

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::governance::{governance_of, required_teams};
use crate::path::Path;
use crate::scenario::{apply_changes, decision_areas, ScenarioInfo};
use crate::spec::{GuardrailSpec, PerPop, PopulationKind, PopulationSpec, QuantitySpec, Spec};
use crate::vocab::{
    is_extension_key, is_scoped_metric, is_total_metric, CONTROL_CHANNELS, CONTROL_FACTORS,
    DECISION_AREAS, DIST_KEYS, SCOPED_METRICS, TOTAL_METRICS,
};
use crate::Issue;
pub use values::{is_valid_id, Domain};

/// The format tag this engine reads.
pub const FORMAT: &str = "journeylab/1";

/// A scenario ready to run: its description and its validated model.
#[derive(Debug, Clone)]
pub struct ScenarioSpec {
    /// What the file says about it.
    pub info: ScenarioInfo,
    /// The baseline with the scenario's changes applied.
    pub spec: Spec,
}

/// What validation found.
#[derive(Debug, Clone, Default)]
pub struct Validation {
    /// Every error and warning, in document order.
    pub issues: Vec<Issue>,
    /// The validated baseline; `None` if there is any error.
    pub spec: Option<Spec>,
    /// The validated scenarios (empty if there is any error).
    pub scenarios: Vec<ScenarioSpec>,
}

impl Validation {
    /// True when the model has no error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.issues.iter().any(Issue::is_error)
    }

    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }
}

/// Reads one Quantity on its own, as the editor's inspector edits it: its distribution,
/// or every problem (unordered bounds, a support outside `domain`, …) with its path
/// relative to the quantity. A `source` is not checked against the model's sources.
pub fn read_quantity(v: &Value, domain: Domain) -> Result<crate::quantity::Dist, Vec<Issue>> {
    let mut ctx = Ctx::default();
    if let Some(source) = v.get("source").and_then(Value::as_str) {
        ctx.sources.insert(source.to_string());
    }
    match ctx.quantity(v, &Path::root(), domain) {
        Some(q) if ctx.issues.is_empty() => Ok(ctx.quantities[q].dist.clone()),
        _ => Err(ctx.issues),
    }
}

/// Validates a model document, its scenarios included.
pub fn validate(doc: &Value) -> Validation {
    let mut ctx = Ctx::default();
    let spec = ctx.model(doc);
    let mut issues = std::mem::take(&mut ctx.issues);
    if doc.is_object() {
        issues.extend(crate::governance::governance_issues(doc));
    }
    let base_errors: Vec<Issue> = issues.iter().filter(|i| i.is_error()).cloned().collect();
    let mut scenarios = Vec::new();
    if let Some(obj) = doc.as_object() {
        for (info, result) in scenario_documents(doc, obj, &mut issues, &ctx.teams) {
            let path = Path::root().key("scenarios").id(&info.id);
            match result {
                Err(errs) => issues.extend(errs),
                Ok(changed) => {
                    // A scenario that closes a path leaves steps unreachable on purpose.
                    let mut sctx = Ctx {
                        unreachable_is_warning: true,
                        ..Ctx::default()
                    };
                    let sspec = sctx.model(&changed);
                    // Errors the baseline already has are reported once, at their place.
                    let in_baseline = |i: &Issue| {
                        base_errors
                            .iter()
                            .any(|b: &Issue| b.path == i.path && b.message == i.message)
                    };
                    for mut i in sctx
                        .issues
                        .into_iter()
                        .filter(|i| i.is_error() && !in_baseline(i))
                    {
                        i.message =
                            format!("after this scenario's changes, {}: {}", i.path, i.message);
                        i.path = path.to_string();
                        issues.push(i);
                    }
                    if let Some(spec) = sspec {
                        scenarios.push(ScenarioSpec { info, spec });
                    }
                }
            }
        }
    }
    let valid = !issues.iter().any(Issue::is_error);
    Validation {
        issues,
        spec: if valid { spec } else { None },
        scenarios: if valid { scenarios } else { Vec::new() },
    }
}

/// Reads the `scenarios` list and applies each one's changes to the document.
#[allow(clippy::type_complexity)]
fn scenario_documents(
    doc: &Value,
    obj: &Map<String, Value>,
    issues: &mut Vec<Issue>,
    teams: &HashSet<String>,
) -> Vec<(ScenarioInfo, Result<Value, Vec<Issue>>)> {
    let mut ctx = Ctx {
        teams: teams.clone(),
        ..Ctx::default()
    };
    let governance = governance_of(doc);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let root = Path::root().key("scenarios");
    for (i, s) in ctx
        .array(obj, "scenarios", &Path::root(), false)
        .iter()
        .enumerate()
    {
        let Some(so) = ctx.object(s, &root.index(i)) else {
            continue;
        };
        let Some(id) = ctx.id(so, &root.index(i), &mut seen, "scenario") else {
            continue;
        };
        let path = root.id(&id);
        if id == "baseline" {
            ctx.err(
                &path.key("id"),
                "`baseline` is reserved for the unchanged model",
                "choose another scenario id",
            );
        }
        let name = ctx
            .string(so, "name", &path, true)
            .unwrap_or_else(|| id.clone());
        let description = ctx.string(so, "description", &path, false);
        let proposed_by = ctx.team_ref(so, "proposed_by", &path, false);
        let changes = ctx.array(so, "changes", &path, true);
        if changes.is_empty() && so.contains_key("changes") {
            ctx.warn(&path.key("changes"), "the scenario changes nothing");
        }
        let result = apply_changes(doc, changes, &path);
        let areas = decision_areas(changes);
        let required = required_teams(&governance, &areas);
        out.push((
            ScenarioInfo {
                id,
                name,
                description,
                proposed_by,
                decision_areas: areas,
                sign_off: required.all(),
                required,
            },
            result,
        ));
    }
    issues.extend(ctx.issues);
    out
}

/// State of one validation pass.
#[derive(Debug, Default)]
pub(crate) struct Ctx {
    pub(crate) issues: Vec<Issue>,
    pub(crate) quantities: Vec<QuantitySpec>,
    pub(crate) populations: Vec<PopulationSpec>,
    pub(crate) pop_index: HashMap<String, usize>,
    pub(crate) sources: HashSet<String>,
    pub(crate) teams: HashSet<String>,
    pub(crate) controls: HashMap<String, usize>,
    pub(crate) signals: HashMap<String, PerPopBeta>,
    /// Set for scenario models: an unreachable step is then a consequence of the change.
    pub(crate) unreachable_is_warning: bool,
}

/// A risk signal's score distribution per population: Beta(a, b), or none.
pub(crate) type PerPopBeta = Vec<Option<(f64, f64)>>;

impl Ctx {
    fn model(&mut self, doc: &Value) -> Option<Spec> {
        let root = Path::root();
        let obj = self.object(doc, &root)?;
        match obj.get("format").and_then(Value::as_str) {
            Some(FORMAT) => {}
            Some(other) => self.err(
                &root.key("format"),
                format!("unsupported format `{other}`"),
                format!("this version reads \"{FORMAT}\""),
            ),
            None => self.err(
                &root,
                "missing or non-string `format`",
                format!("add \"format\": \"{FORMAT}\""),
            ),
        }
        let name = self.string(obj, "name", &root, true).unwrap_or_default();
        let currency = self
            .string(obj, "currency", &root, false)
            .unwrap_or_else(|| "USD".into());
        if !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())) {
            self.err(
                &root.key("currency"),
                format!("`{currency}` is not an ISO 4217 code"),
                "write three capital letters, e.g. \"USD\"",
            );
        }
        let period = self
            .string(obj, "period", &root, false)
            .unwrap_or_else(|| "month".into());
        self.sources(obj);
        self.owners(obj);
        self.populations(obj);
        let controls = self.controls(obj);
        self.risk_signals(obj);
        let mut journeys = Vec::new();
        let mut seen = HashSet::new();
        let jroot = root.key("journeys");
        let jlist = self.array(obj, "journeys", &root, true);
        if jlist.is_empty() && obj.contains_key("journeys") {
            self.err(
                &jroot,
                "the model has no journeys",
                "add at least one journey",
            );
        }
        for (i, j) in jlist.iter().enumerate() {
            if let Some(js) = self.journey(j, &jroot, i, &mut seen, &controls) {
                journeys.push(js);
            }
        }
        let raw_journey_ids: Vec<String> = jlist
            .iter()
            .filter_map(|j| j.get("id").and_then(Value::as_str).map(str::to_string))
            .collect();
        self.restores(jlist, &raw_journey_ids);
        let guardrails = self.guardrails(obj, &journeys, &raw_journey_ids);
        if self.issues.iter().any(Issue::is_error) {
            return None;
        }
        Some(Spec {
            name,
            currency,
            period,
            quantities: std::mem::take(&mut self.quantities),
            populations: std::mem::take(&mut self.populations),
            controls,
            journeys,
            guardrails,
        })
    }

    fn sources(&mut self, obj: &Map<String, Value>) {
        let root = Path::root().key("sources");
        let mut seen = HashSet::new();
        for (i, s) in self
            .array(obj, "sources", &Path::root(), false)
            .iter()
            .enumerate()
        {
            let Some(so) = self.object(s, &root.index(i)) else {
                continue;
            };
            if let Some(id) = self.id(so, &root.index(i), &mut seen, "source") {
                self.string(so, "title", &root.id(&id), true);
                self.sources.insert(id);
            }
        }
    }

    fn owners(&mut self, obj: &Map<String, Value>) {
        let root = Path::root().key("owners");
        let Some(v) = obj.get("owners") else { return };
        let Some(o) = self.object(v, &root) else {
            return;
        };
        self.string(o, "accountable", &root, true);
        let mut seen = HashSet::new();
        let troot = root.key("teams");
        for (i, t) in self.array(o, "teams", &root, false).iter().enumerate() {
            let Some(to) = self.object(t, &troot.index(i)) else {
                continue;
            };
            let Some(id) = self.id(to, &troot.index(i), &mut seen, "team") else {
                continue;
            };
            let path = troot.id(&id);
            for (k, m) in self.array(to, "members", &path, false).iter().enumerate() {
                if m.as_str().is_none_or(|m| m.trim().is_empty()) {
                    self.err(
                        &path.key("members").index(k),
                        "a member must be a non-empty string",
                        "write a person's or a role's name",
                    );
                }
            }
            for (k, d) in self.array(to, "veto", &path, false).iter().enumerate() {
                match d.as_str() {
                    Some(area) if DECISION_AREAS.contains(&area) => {}
                    Some(area) => self.warn(
                        &path.key("veto").index(k),
                        format!(
                            "`{area}` is not a standard decision area ({})",
                            DECISION_AREAS.join(", ")
                        ),
                    ),
                    None => self.err(
                        &path.key("veto").index(k),
                        "expected a string",
                        "write a decision area name",
                    ),
                }
            }
            for (k, d) in self.array(to, "decides", &path, false).iter().enumerate() {
                match d.as_str() {
                    Some(area) if DECISION_AREAS.contains(&area) => {}
                    Some(area) => self.warn(
                        &path.key("decides").index(k),
                        format!(
                            "`{area}` is not a standard decision area ({})",
                            DECISION_AREAS.join(", ")
                        ),
                    ),
                    None => self.err(
                        &path.key("decides").index(k),
                        "expected a string",
                        "write a decision area name",
                    ),
                }
            }
            self.teams.insert(id);
        }
    }

    /// Each journey's `restores` (spec §11) names another journey of the model.
    fn restores(&mut self, journeys: &[Value], ids: &[String]) {
        for j in journeys {
            let (Some(id), Some(r)) = (j.get("id").and_then(Value::as_str), j.get("restores"))
            else {
                continue;
            };
            let path = Path::root().key("journeys").id(id).key("restores");
            match r.as_str() {
                Some(t) if t == id => self.err(
                    &path,
                    "a journey cannot restore itself",
                    "name the journey whose access this one grants (e.g. sign-in)",
                ),
                Some(t) if ids.iter().any(|x| x == t) => {}
                Some(t) => {
                    let known = self.known_list(ids.iter());
                    self.err(
                        &path,
                        format!("`{t}` names no journey"),
                        format!("use one of: {known}"),
                    )
                }
                None => self.err(&path, "expected a journey id", "write a journey id"),
            }
        }
    }

    fn populations(&mut self, obj: &Map<String, Value>) {
        let root = Path::root().key("populations");
        let list = self.array(obj, "populations", &Path::root(), true);
        if list.is_empty() && obj.contains_key("populations") {
            self.err(
                &root,
                "the model has no populations",
                "add at least one population",
            );
        }
        let mut seen = HashSet::new();
        for (i, p) in list.iter().enumerate() {
            let Some(po) = self.object(p, &root.index(i)) else {
                continue;
            };
            let Some(id) = self.id(po, &root.index(i), &mut seen, "population") else {
                continue;
            };
            let path = root.id(&id);
            if DIST_KEYS.contains(&id.as_str()) || id == "source" || is_extension_key(&id) {
                self.err(
                    &path.key("id"),
                    format!("`{id}` is reserved (a distribution key, `source`, or an `x-` extension key)"),
                    "choose another population id",
                );
            }
            let kind = match po.get("kind").and_then(Value::as_str) {
                Some("legitimate") => PopulationKind::Legitimate,
                Some("attacker") => PopulationKind::Attacker,
                _ => {
                    self.err(
                        &path.key("kind"),
                        "`kind` must be \"legitimate\" or \"attacker\"",
                        "write \"kind\": \"legitimate\" or \"attacker\"",
                    );
                    PopulationKind::Legitimate
                }
            };
            let name = self
                .string(po, "name", &path, false)
                .unwrap_or_else(|| id.clone());
            let segment = self.string(po, "segment", &path, false);
            let value_per_success =
                self.opt_quantity(po, "value_per_success", &path, Domain::NonNegative);
            let loss_per_success =
                self.opt_quantity(po, "loss_per_success", &path, Domain::NonNegative);
            if kind == PopulationKind::Attacker
                && loss_per_success.is_none()
                && !po.contains_key("loss_per_success")
            {
                self.warn(
                    &path,
                    "attacker without `loss_per_success`: its successes count, but cost nothing",
                );
            }
            self.pop_index.insert(id.clone(), self.populations.len());
            self.populations.push(PopulationSpec {
                id,
                name,
                kind,
                segment,
                value_per_success,
                loss_per_success,
            });
        }
    }

    fn controls(&mut self, obj: &Map<String, Value>) -> Vec<crate::spec::ControlSpec> {
        let root = Path::root().key("controls");
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, c) in self
            .array(obj, "controls", &Path::root(), false)
            .iter()
            .enumerate()
        {
            let Some(co) = self.object(c, &root.index(i)) else {
                continue;
            };
            let Some(id) = self.id(co, &root.index(i), &mut seen, "control") else {
                continue;
            };
            let path = root.id(&id);
            self.string(co, "name", &path, true);
            match co.get("factor").and_then(Value::as_str) {
                Some(f) if CONTROL_FACTORS.contains(&f) => {}
                _ => self.err(
                    &path.key("factor"),
                    "missing or unknown `factor`",
                    format!("use one of: {}", CONTROL_FACTORS.join(", ")),
                ),
            }
            self.one_of(co, "channel", &path, &CONTROL_CHANNELS);
            if let Some(aal) = co.get("aal") {
                if !matches!(aal.as_u64(), Some(1..=3)) {
                    self.err(
                        &path.key("aal"),
                        "`aal` must be 1, 2 or 3",
                        "write \"aal\": 1, 2 or 3",
                    );
                }
            }
            self.boolean(co, "phishing_resistant", &path);
            for (k, d) in self.array(co, "collects", &path, false).iter().enumerate() {
                if !d.is_string() {
                    self.err(
                        &path.key("collects").index(k),
                        "expected a string",
                        "name the personal data collected",
                    );
                }
            }
            if co.contains_key("owner") {
                self.team_ref(co, "owner", &path, false);
            }
            let cost_per_attempt =
                self.opt_quantity(co, "cost_per_attempt", &path, Domain::NonNegative);
            let seconds_per_attempt =
                self.opt_quantity(co, "seconds_per_attempt", &path, Domain::NonNegative);
            let pass = match co.get("pass") {
                Some(v) => self.per_pop(v, &path.key("pass"), Domain::Probability),
                None => {
                    self.err(
                        &path,
                        "missing required key `pass`",
                        "add \"pass\": per-attempt pass probability",
                    );
                    vec![None; self.populations.len()]
                }
            };
            let abandon = self
                .opt_per_pop(co, "abandon", &path, Domain::Probability)
                .unwrap_or_else(|| self.zero_for_all(&path.key("abandon")));
            self.controls.insert(id.clone(), out.len());
            out.push(crate::spec::ControlSpec {
                name: co
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or(&id)
                    .to_string(),
                aal: co
                    .get("aal")
                    .and_then(Value::as_u64)
                    .map_or(0, |a| a.min(3) as u8),
                phishing_resistant: co
                    .get("phishing_resistant")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                channel: co
                    .get("channel")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                id,
                cost_per_attempt,
                seconds_per_attempt,
                pass,
                abandon,
            });
        }
        out
    }

    fn risk_signals(&mut self, obj: &Map<String, Value>) {
        let root = Path::root().key("risk_signals");
        let mut seen = HashSet::new();
        for (i, s) in self
            .array(obj, "risk_signals", &Path::root(), false)
            .iter()
            .enumerate()
        {
            let Some(so) = self.object(s, &root.index(i)) else {
                continue;
            };
            let Some(id) = self.id(so, &root.index(i), &mut seen, "risk signal") else {
                continue;
            };
            let path = root.id(&id);
            self.string(so, "name", &path, true);
            if so.contains_key("owner") {
                self.team_ref(so, "owner", &path, false);
            }
            let betas = match so.get("score") {
                Some(v) => {
                    // Scores are Beta distributions; read them as probability Quantities and
                    // keep the shape, which must be a `beta`.
                    let start = self.quantities.len();
                    let per = self.per_pop(v, &path.key("score"), Domain::Probability);
                    let shapes = per
                        .iter()
                        .map(|q| match q.map(|q| &self.quantities[q].dist) {
                            Some(crate::quantity::Dist::Beta(a, b)) => Some((*a, *b)),
                            _ => None,
                        })
                        .collect::<Vec<_>>();
                    let bad: Vec<String> = self.quantities[start..]
                        .iter()
                        .filter(|q| !matches!(q.dist, crate::quantity::Dist::Beta(..)))
                        .map(|q| q.key.clone())
                        .collect();
                    for key in bad {
                        self.issues.push(
                            Issue::error(key, "a risk score must be a beta distribution")
                                .hint("write {\"beta\": [a, b]}"),
                        );
                    }
                    // Scores are fixed distributions, not uncertain parameters: no draw slots.
                    self.quantities.truncate(start);
                    shapes
                }
                None => {
                    self.err(
                        &path,
                        "missing required key `score`",
                        "add \"score\": {\"*\": {\"beta\": [a, b]}}",
                    );
                    vec![None; self.populations.len()]
                }
            };
            self.signals.insert(id, betas);
        }
    }

    fn guardrails(
        &mut self,
        obj: &Map<String, Value>,
        journeys: &[crate::spec::JourneySpec],
        raw_journey_ids: &[String],
    ) -> Vec<GuardrailSpec> {
        let root = Path::root().key("guardrails");
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, g) in self
            .array(obj, "guardrails", &Path::root(), false)
            .iter()
            .enumerate()
        {
            let Some(go) = self.object(g, &root.index(i)) else {
                continue;
            };
            let Some(id) = self.id(go, &root.index(i), &mut seen, "guardrail") else {
                continue;
            };
            let path = root.id(&id);
            let owner = self.team_ref(go, "owner", &path, true).unwrap_or_default();
            let metric = self.string(go, "metric", &path, true).unwrap_or_default();
            let journey = match self.string(go, "journey", &path, false) {
                Some(jid) => match journeys.iter().position(|j| j.id == jid) {
                    Some(j) => Some(j),
                    // The journey exists but has its own errors, reported there.
                    None if raw_journey_ids.contains(&jid) => None,
                    None => {
                        let known = self.known_list(raw_journey_ids.iter());
                        self.err(
                            &path.key("journey"),
                            format!("unknown journey `{jid}`"),
                            format!("use one of: {known}"),
                        );
                        None
                    }
                },
                None => None,
            };
            let populations = match self.string(go, "population", &path, false) {
                Some(p) => Some(self.select_populations(&p, &path.key("population"))),
                None if go.contains_key("journey") => Some((0..self.populations.len()).collect()),
                None => None,
            };
            let scoped = populations.is_some();
            let known_metric = if scoped {
                is_scoped_metric(&metric)
            } else {
                is_total_metric(&metric)
            };
            let outcome_metric = scoped
                && journeys
                    .iter()
                    .any(|j| j.outcomes.iter().any(|o| o.id == metric));
            if !metric.is_empty() && !known_metric && !outcome_metric {
                let names = if scoped {
                    SCOPED_METRICS.map(|m| m.id).join(", ")
                } else {
                    TOTAL_METRICS.map(|m| m.id).join(", ")
                };
                self.err(
                    &path.key("metric"),
                    format!("unknown metric `{metric}`"),
                    format!("use one of: {names}"),
                );
            }
            let max = self.number(go, "max", &path, false);
            let min = self.number(go, "min", &path, false);
            match (min, max) {
                (None, None) => self.err(
                    &path,
                    "a guardrail needs `min`, `max` or both",
                    "add \"max\": <limit> or \"min\": <limit>",
                ),
                (Some(lo), Some(hi)) if lo > hi => self.err(
                    &path,
                    format!("min {lo} is above max {hi}"),
                    "write min ≤ max",
                ),
                _ => {}
            }
            let confidence = self.number(go, "confidence", &path, false).unwrap_or(0.9);
            if !(confidence > 0.0 && confidence <= 1.0) {
                self.err(
                    &path.key("confidence"),
                    format!("confidence {confidence} is outside (0, 1]"),
                    "write e.g. 0.9",
                );
            }
            out.push(GuardrailSpec {
                id,
                owner,
                metric,
                journey,
                populations,
                max,
                min,
                confidence,
            });
        }
        out
    }

    fn select_populations(&mut self, key: &str, path: &Path) -> Vec<usize> {
        let kind = match key {
            "*legitimate" => Some(PopulationKind::Legitimate),
            "*attacker" => Some(PopulationKind::Attacker),
            _ => None,
        };
        if let Some(kind) = kind {
            return (0..self.populations.len())
                .filter(|&i| self.populations[i].kind == kind)
                .collect();
        }
        match self.pop_index.get(key) {
            Some(&i) => vec![i],
            None => {
                let known = self.known_list(self.pop_index.keys());
                self.err(
                    path,
                    format!("unknown population `{key}`"),
                    format!("use a population id ({known}), *legitimate or *attacker"),
                );
                Vec::new()
            }
        }
    }

    /// The resolved entry of `per` for population `pop`, or an error naming both.
    pub(crate) fn require_entry(&mut self, per: &PerPop, pop: usize, path: &Path, what: &str) {
        if per.get(pop).copied().flatten().is_none() {
            let id = self.populations[pop].id.clone();
            self.err(
                path,
                format!("population `{id}` can reach this step but `{what}` has no value for it"),
                format!(
                    "add a `{id}`, `*{}` or `*` entry",
                    match self.populations[pop].kind {
                        PopulationKind::Legitimate => "legitimate",
                        PopulationKind::Attacker => "attacker",
                    }
                ),
            );
        }
    }
}
