//! The model's vocabulary, defined once: the metric catalogue (id, label, unit, which
//! direction is better), step kinds and their exits, outcome classes, population kinds,
//! decision areas, distribution keys and control factors.
//!
//! This is a leaf module: it imports nothing from the rest of the engine, so validation,
//! scenarios, simulation, charts, the CLI, the app views and (through the generated
//! bindings in `ui/src/ipc/gen/vocabulary.ts`) the UI all read the same words.

use serde::Serialize;
use ts_rs::TS;

/// How a metric's values read, and so how they are formatted (see [`crate::format`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// A count of people, attempts or contacts: thousands separators.
    Count,
    /// A fraction in [0, 1], shown as a percentage; differences in percentage points.
    Rate,
    /// Money in the model currency.
    Money,
    /// Hours of customer time.
    Hours,
    /// Seconds (a step's or attempt's duration).
    Seconds,
    /// Minutes (a support contact's duration).
    Minutes,
    /// A plain number (distribution parameters, scores).
    Number,
}

impl Unit {
    /// The lower-case name used in documents and bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Rate => "rate",
            Unit::Money => "money",
            Unit::Hours => "hours",
            Unit::Seconds => "seconds",
            Unit::Minutes => "minutes",
            Unit::Number => "number",
        }
    }
}

/// One metric of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct MetricDef {
    /// Id as in result documents and guardrails (`fraud_loss`).
    pub id: &'static str,
    /// Display name, sentence case (`Fraud loss`). The one label every screen, chart and
    /// table uses.
    pub label: &'static str,
    /// Unit of its values.
    pub unit: Unit,
    /// Whether a higher value is better (`None`: neither, e.g. a volume).
    pub higher_is_better: Option<bool>,
    /// What it measures, in one line.
    pub description: &'static str,
}

const fn metric(
    id: &'static str,
    label: &'static str,
    unit: Unit,
    higher_is_better: Option<bool>,
    description: &'static str,
) -> MetricDef {
    MetricDef {
        id,
        label,
        unit,
        higher_is_better,
        description,
    }
}

const BETTER_HIGH: Option<bool> = Some(true);
const BETTER_LOW: Option<bool> = Some(false);
const NEUTRAL: Option<bool> = None;

/// Model totals per iteration (spec §7), in result order.
pub const TOTAL_METRICS: [MetricDef; 15] = [
    metric(
        "legit_entrants",
        "Legitimate entrants",
        Unit::Count,
        NEUTRAL,
        "legitimate users entering any journey",
    ),
    metric(
        "legit_success",
        "Legitimate successes",
        Unit::Count,
        BETTER_HIGH,
        "legitimate users reaching a success outcome",
    ),
    metric(
        "legit_success_rate",
        "Legitimate success rate",
        Unit::Rate,
        BETTER_HIGH,
        "legitimate successes / legitimate entrants",
    ),
    metric(
        "legit_abandon_rate",
        "Legitimate abandonment",
        Unit::Rate,
        BETTER_LOW,
        "legitimate users who gave up / legitimate entrants",
    ),
    metric(
        "false_reject_rate",
        "False rejects",
        Unit::Rate,
        BETTER_LOW,
        "legitimate users blocked / legitimate entrants",
    ),
    metric(
        "attack_entrants",
        "Attack attempts",
        Unit::Count,
        NEUTRAL,
        "attackers entering any journey",
    ),
    metric(
        "attack_success",
        "Successful attacks",
        Unit::Count,
        BETTER_LOW,
        "attackers reaching a success outcome",
    ),
    metric(
        "attack_stopped_rate",
        "Attacks stopped",
        Unit::Rate,
        BETTER_HIGH,
        "1 − successful attacks / attack attempts",
    ),
    metric(
        "fraud_loss",
        "Fraud loss",
        Unit::Money,
        BETTER_LOW,
        "successful attacks × loss per success",
    ),
    metric(
        "support_contacts",
        "Support contacts",
        Unit::Count,
        BETTER_LOW,
        "visits to support steps, every population",
    ),
    metric(
        "support_cost",
        "Support cost",
        Unit::Money,
        BETTER_LOW,
        "support contacts × cost per contact",
    ),
    metric(
        "control_cost",
        "Control cost",
        Unit::Money,
        BETTER_LOW,
        "control attempts × cost per attempt",
    ),
    metric(
        "customer_hours",
        "Customer time",
        Unit::Hours,
        BETTER_LOW,
        "hours legitimate users spend in the journeys",
    ),
    metric(
        "value",
        "Value of legitimate successes",
        Unit::Money,
        BETTER_HIGH,
        "legitimate successes × value per success",
    ),
    metric(
        "net_value",
        "Net value",
        Unit::Money,
        BETTER_HIGH,
        "value − fraud loss − support cost − control cost",
    ),
];

/// Metrics of a journey × population selection (guardrails, spec §7 and §9), besides
/// outcome ids.
pub const SCOPED_METRICS: [MetricDef; 14] = [
    metric(
        "entrants",
        "Entrants",
        Unit::Count,
        NEUTRAL,
        "users entering the selection",
    ),
    metric(
        "success",
        "Successes",
        Unit::Count,
        NEUTRAL,
        "users reaching a success outcome",
    ),
    metric(
        "abandoned",
        "Abandoned",
        Unit::Count,
        NEUTRAL,
        "users who gave up",
    ),
    metric(
        "blocked",
        "Blocked",
        Unit::Count,
        NEUTRAL,
        "users who were stopped",
    ),
    metric(
        "attempts",
        "Control attempts",
        Unit::Count,
        BETTER_LOW,
        "control attempts (rounds of §5)",
    ),
    metric(
        "support_contacts",
        "Support contacts",
        Unit::Count,
        BETTER_LOW,
        "visits to support steps",
    ),
    metric(
        "control_cost",
        "Control cost",
        Unit::Money,
        BETTER_LOW,
        "attempts × cost per attempt",
    ),
    metric(
        "support_cost",
        "Support cost",
        Unit::Money,
        BETTER_LOW,
        "contacts × cost per contact",
    ),
    metric(
        "customer_seconds",
        "Time spent",
        Unit::Seconds,
        BETTER_LOW,
        "seconds spent in the journey",
    ),
    metric(
        "value",
        "Value",
        Unit::Money,
        BETTER_HIGH,
        "successes × value per success (legitimate)",
    ),
    metric(
        "loss",
        "Loss",
        Unit::Money,
        BETTER_LOW,
        "successes × loss per success (attackers)",
    ),
    metric(
        "success_rate",
        "Success rate",
        Unit::Rate,
        NEUTRAL,
        "successes / entrants",
    ),
    metric(
        "abandon_rate",
        "Abandonment",
        Unit::Rate,
        NEUTRAL,
        "abandoned / entrants",
    ),
    metric(
        "blocked_rate",
        "Blocked rate",
        Unit::Rate,
        NEUTRAL,
        "blocked / entrants",
    ),
];

/// The catalogue entry of model total `id`.
pub fn total_metric(id: &str) -> Option<&'static MetricDef> {
    TOTAL_METRICS.iter().find(|m| m.id == id)
}

/// The catalogue entry of journey × population metric `id` (not outcome ids).
pub fn scoped_metric(id: &str) -> Option<&'static MetricDef> {
    SCOPED_METRICS.iter().find(|m| m.id == id)
}

/// Position of model total `id` in [`TOTAL_METRICS`] (and in every per-iteration totals
/// vector).
pub fn total_index(id: &str) -> Option<usize> {
    TOTAL_METRICS.iter().position(|m| m.id == id)
}

/// True for a model total id.
pub fn is_total_metric(id: &str) -> bool {
    total_index(id).is_some()
}

/// True for a journey × population metric id.
pub fn is_scoped_metric(id: &str) -> bool {
    scoped_metric(id).is_some()
}

/// The metric a guardrail measures: a model total without a scope, a journey ×
/// population metric with one. An outcome id (scoped, not in the catalogue) reads as a
/// count labelled by its id.
pub fn guardrail_metric(id: &str, scoped: bool) -> MetricDef {
    let found = if scoped {
        scoped_metric(id)
    } else {
        total_metric(id)
    };
    found.copied().unwrap_or(MetricDef {
        id: "",
        label: "",
        unit: Unit::Count,
        higher_is_better: None,
        description: "an outcome of the journey",
    })
}

/// The outcome classes of spec §5, in result order.
pub const OUTCOME_CLASSES: [&str; 3] = ["success", "abandoned", "blocked"];

/// The population kinds of spec §3.
pub const POPULATION_KINDS: [&str; 2] = ["legitimate", "attacker"];

/// The wildcard keys of a per-population value (spec §2), most general last.
pub const POPULATION_WILDCARDS: [&str; 3] = ["*legitimate", "*attacker", "*"];

/// One exit of a step kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ExitDef {
    /// The key under `on` (or `next` for an action's way on).
    pub key: &'static str,
    /// Where users go when the file names no target (`None`: the target is required).
    pub default_target: Option<&'static str>,
}

const fn exit(key: &'static str, default_target: Option<&'static str>) -> ExitDef {
    ExitDef {
        key,
        default_target,
    }
}

/// A step kind of spec §5 and its exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct StepKindDef {
    /// `action`, `control`, …
    pub kind: &'static str,
    /// Display name.
    pub label: &'static str,
    /// Its named exits in order (under `on`, except an action's `next`); a branch's exits
    /// are its `to` entries and an outcome has none.
    pub exits: &'static [ExitDef],
}

/// The step kinds of spec §5 with their exits, in palette order.
pub const STEP_KINDS: [StepKindDef; 6] = [
    StepKindDef {
        kind: "action",
        label: "Action",
        exits: &[exit("next", None), exit("abandon", Some("abandoned"))],
    },
    StepKindDef {
        kind: "control",
        label: "Control",
        exits: &[
            exit("pass", None),
            exit("fail", Some("blocked")),
            exit("abandon", Some("abandoned")),
        ],
    },
    StepKindDef {
        kind: "risk_gate",
        label: "Risk gate",
        exits: &[
            exit("allow", None),
            exit("challenge", None),
            exit("block", Some("blocked")),
        ],
    },
    StepKindDef {
        kind: "branch",
        label: "Branch",
        exits: &[],
    },
    StepKindDef {
        kind: "support",
        label: "Support desk",
        exits: &[
            exit("resolved", None),
            exit("unresolved", Some("abandoned")),
        ],
    },
    StepKindDef {
        kind: "outcome",
        label: "Outcome",
        exits: &[],
    },
];

/// The step kind named `kind`.
pub fn step_kind(kind: &str) -> Option<&'static StepKindDef> {
    STEP_KINDS.iter().find(|k| k.kind == kind)
}

/// The exit keys of a step kind in result order (a branch's are `to[i]`, not listed).
pub fn exit_keys(kind: &str) -> Vec<&'static str> {
    step_kind(kind)
        .map(|k| k.exits.iter().map(|e| e.key).collect())
        .unwrap_or_default()
}

/// Decision areas of spec §9, in the order the owners panel lists them.
pub const DECISION_AREAS: [&str; 8] = [
    "risk_thresholds",
    "assurance",
    "controls",
    "journey_structure",
    "retry_policy",
    "support_routing",
    "data_collection",
    "consent",
];

/// A distribution of spec §2 and the names of its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct DistributionDef {
    /// The key in a Quantity object (`pert`).
    pub key: &'static str,
    /// Parameter names in file order (`low`, `mode`, `high`).
    pub params: &'static [&'static str],
}

/// The distributions of spec §2.
pub const DISTRIBUTIONS: [DistributionDef; 6] = [
    DistributionDef {
        key: "fixed",
        params: &["value"],
    },
    DistributionDef {
        key: "uniform",
        params: &["low", "high"],
    },
    DistributionDef {
        key: "triangular",
        params: &["low", "mode", "high"],
    },
    DistributionDef {
        key: "pert",
        params: &["low", "mode", "high"],
    },
    DistributionDef {
        key: "beta",
        params: &["a", "b"],
    },
    DistributionDef {
        key: "lognormal",
        params: &["p5", "p95"],
    },
];

/// The distribution keys of spec §2: reserved, never population ids.
pub const DIST_KEYS: [&str; 6] = [
    DISTRIBUTIONS[0].key,
    DISTRIBUTIONS[1].key,
    DISTRIBUTIONS[2].key,
    DISTRIBUTIONS[3].key,
    DISTRIBUTIONS[4].key,
    DISTRIBUTIONS[5].key,
];

/// True for a key the engine ignores and keeps on a round trip (`x-…`, e.g. the
/// editor's `x-journeylab-layout`).
pub fn is_extension_key(key: &str) -> bool {
    key.starts_with("x-")
}

/// Journey kinds of spec §11.
pub const JOURNEY_KINDS: [&str; 6] = [
    "registration",
    "sign_in",
    "recovery",
    "step_up",
    "transaction",
    "other",
];

/// Channels of a control (spec §11); SMS and voice codes are `pstn`.
pub const CONTROL_CHANNELS: [&str; 9] = [
    "pstn",
    "email",
    "app",
    "platform",
    "hardware",
    "knowledge",
    "document",
    "in_person",
    "other",
];

/// Control factors of spec §4.
pub const CONTROL_FACTORS: [&str; 6] = [
    "knowledge",
    "possession",
    "inherence",
    "bot_defence",
    "verification",
    "other",
];

/// A way of drawing a run's quantities ([`crate::sim::Sampling`]), as the run panel
/// offers it and the dashboard names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct SamplingDef {
    /// As in files and flags (`mc`, `rqmc`).
    #[ts(as = "crate::sim::Sampling")]
    pub id: &'static str,
    /// Short name.
    pub label: &'static str,
    /// When it is the better choice, and its limit.
    pub description: &'static str,
    /// Independent replicates whose spread gives the standard error (`None`: every
    /// iteration is independent).
    #[ts(type = "number | null")]
    pub replicates: Option<u64>,
}

/// The samplings a run can use, the default first.
pub const SAMPLINGS: [SamplingDef; 2] = [
    SamplingDef {
        id: "mc",
        label: "Monte Carlo",
        description: "Independent draws: honest intervals for every metric.",
        replicates: None,
    },
    SamplingDef {
        id: "rqmc",
        label: "Quasi-random",
        description: "Scrambled Sobol points: the same precision in fewer iterations. \
            Intervals of money metrics driven by a heavy-tailed loss run narrow (about 89 % \
            coverage for a nominal 95 %).",
        replicates: Some(crate::sim::rqmc::REPLICATES),
    },
];

/// Everything above as one value: what the bindings write to `vocabulary.ts`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Vocabulary {
    /// [`TOTAL_METRICS`]
    pub total_metrics: Vec<MetricDef>,
    /// [`SCOPED_METRICS`]
    pub scoped_metrics: Vec<MetricDef>,
    /// [`STEP_KINDS`]
    pub step_kinds: Vec<StepKindDef>,
    /// [`OUTCOME_CLASSES`]
    pub outcome_classes: Vec<&'static str>,
    /// [`POPULATION_KINDS`]
    pub population_kinds: Vec<&'static str>,
    /// [`POPULATION_WILDCARDS`]
    pub population_wildcards: Vec<&'static str>,
    /// [`DECISION_AREAS`]
    pub decision_areas: Vec<&'static str>,
    /// [`DISTRIBUTIONS`]
    pub distributions: Vec<DistributionDef>,
    /// [`CONTROL_FACTORS`]
    pub control_factors: Vec<&'static str>,
    /// [`JOURNEY_KINDS`]
    pub journey_kinds: Vec<&'static str>,
    /// [`CONTROL_CHANNELS`]
    pub control_channels: Vec<&'static str>,
    /// [`SAMPLINGS`]
    pub samplings: Vec<SamplingDef>,
}

/// The whole vocabulary.
pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        total_metrics: TOTAL_METRICS.to_vec(),
        scoped_metrics: SCOPED_METRICS.to_vec(),
        step_kinds: STEP_KINDS.to_vec(),
        outcome_classes: OUTCOME_CLASSES.to_vec(),
        population_kinds: POPULATION_KINDS.to_vec(),
        population_wildcards: POPULATION_WILDCARDS.to_vec(),
        decision_areas: DECISION_AREAS.to_vec(),
        distributions: DISTRIBUTIONS.to_vec(),
        control_factors: CONTROL_FACTORS.to_vec(),
        journey_kinds: JOURNEY_KINDS.to_vec(),
        control_channels: CONTROL_CHANNELS.to_vec(),
        samplings: SAMPLINGS.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_within_each_list() {
        let unique = |ids: Vec<&str>| {
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            sorted.dedup();
            sorted.len() == ids.len()
        };
        assert!(unique(TOTAL_METRICS.iter().map(|m| m.id).collect()));
        assert!(unique(TOTAL_METRICS.iter().map(|m| m.label).collect()));
        assert!(unique(SCOPED_METRICS.iter().map(|m| m.id).collect()));
        assert!(unique(STEP_KINDS.iter().map(|k| k.kind).collect()));
        assert!(unique(DECISION_AREAS.to_vec()));
        assert!(unique(DIST_KEYS.to_vec()));
    }

    #[test]
    fn lookups_find_what_the_lists_hold() {
        assert_eq!(total_index("fraud_loss"), Some(8));
        assert_eq!(
            total_metric("fraud_loss").map(|m| m.unit),
            Some(Unit::Money)
        );
        assert_eq!(
            scoped_metric("success_rate").map(|m| m.unit),
            Some(Unit::Rate)
        );
        assert!(total_metric("success_rate").is_none());
        assert_eq!(exit_keys("control"), ["pass", "fail", "abandon"]);
        assert!(exit_keys("branch").is_empty());
        assert_eq!(guardrail_metric("signed_in", true).unit, Unit::Count);
    }

    #[test]
    fn samplings_name_the_engines_samplings_default_first() {
        use crate::sim::Sampling;
        let ids: Vec<&str> = SAMPLINGS.iter().map(|s| s.id).collect();
        assert_eq!(ids, [Sampling::Mc.as_str(), Sampling::Rqmc.as_str()]);
        assert_eq!(SAMPLINGS[0].id, Sampling::default().as_str());
    }
}
