//! The validated, index-based form of a model: what the simulator runs.
//!
//! Built only by [`crate::validate`]. Every id is resolved to an index, every quantity to
//! a slot in [`Spec::quantities`], every per-population value to one slot per population,
//! so simulation never looks anything up by name and never meets a dangling reference.

use crate::quantity::Dist;

/// Index into [`Spec::quantities`].
pub type QId = usize;

/// One uncertain (or fixed) quantity of the model.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantitySpec {
    /// Where it sits in the model, by ids (`controls/sms_otp/pass/*legitimate`). Also the
    /// key of its random stream, so scenarios that leave it unchanged share its draws.
    pub key: String,
    /// Its distribution.
    pub dist: Dist,
    /// Cited source id, if any.
    pub source: Option<String>,
}

/// Legitimate customer or attacker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PopulationKind {
    /// A customer whose success earns value.
    Legitimate,
    /// An attacker whose success is a loss.
    Attacker,
}

/// A population (spec §3).
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationSpec {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Legitimate or attacker.
    pub kind: PopulationKind,
    /// Free grouping label.
    pub segment: Option<String>,
    /// Money earned per completed journey (legitimate).
    pub value_per_success: Option<QId>,
    /// Money lost per successful attack (attacker).
    pub loss_per_success: Option<QId>,
}

/// A per-population value resolved for each population (index = population index).
/// `None` means the population has no entry (validation reports it if the population
/// can reach the step, so the simulator only sees `None` where a default applies).
pub type PerPop = Vec<Option<QId>>;

/// A control of the library (spec §4).
#[derive(Debug, Clone, PartialEq)]
pub struct ControlSpec {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Assurance level a pass achieves (§11; 0 when the file gives none).
    pub aal: u8,
    /// Whether the control resists phishing (channel- or verifier-bound).
    pub phishing_resistant: bool,
    /// What the control runs over (`pstn`, `email`, `app`, …), when given.
    pub channel: Option<String>,
    /// Cost of one attempt.
    pub cost_per_attempt: Option<QId>,
    /// Customer seconds per attempt.
    pub seconds_per_attempt: Option<QId>,
    /// Per-attempt pass probability per population.
    pub pass: PerPop,
    /// Per-attempt abandon probability per population (missing = 0).
    pub abandon: PerPop,
}

/// Outcome class (spec §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeClass {
    /// The journey was completed (for an attacker: a successful attack).
    Success,
    /// The user gave up.
    Abandoned,
    /// The user was stopped.
    Blocked,
}

impl OutcomeClass {
    /// The class name used in files and results.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeClass::Success => "success",
            OutcomeClass::Abandoned => "abandoned",
            OutcomeClass::Blocked => "blocked",
        }
    }

    /// All classes in result order.
    pub const ALL: [OutcomeClass; 3] = [
        OutcomeClass::Success,
        OutcomeClass::Abandoned,
        OutcomeClass::Blocked,
    ];
}

/// A terminal node of a journey.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeSpec {
    /// Id (`success`, `abandoned`, `blocked` always exist).
    pub id: String,
    /// Class.
    pub class: OutcomeClass,
}

/// Where an exit leads: a step or an outcome of the same journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Index into [`JourneySpec::steps`].
    Step(usize),
    /// Index into [`JourneySpec::outcomes`].
    Outcome(usize),
}

/// A non-terminal step, by kind (spec §5).
#[derive(Debug, Clone, PartialEq)]
pub enum StepKind {
    /// A neutral step.
    Action {
        /// Customer seconds per visit.
        seconds: Option<QId>,
        /// Abandon probability per population (missing = 0).
        abandon: PerPop,
        /// Where the rest go.
        next: Target,
    },
    /// A control applied in rounds of attempts.
    Control {
        /// Index into [`Spec::controls`].
        control: usize,
        /// Attempts allowed (≥ 1).
        max_attempts: u32,
        /// Exit on pass.
        pass: Target,
        /// Exit after the last failed attempt.
        fail: Target,
        /// Exit on abandonment.
        abandon: Target,
    },
    /// Routing by a risk score.
    RiskGate {
        /// P(allow) per population = F(allow_below).
        p_allow: Vec<f64>,
        /// P(block) per population = 1 − F(block_at_or_above).
        p_block: Vec<f64>,
        /// Exit for low scores.
        allow: Target,
        /// Exit for the middle band.
        challenge: Target,
        /// Exit for high scores.
        block: Target,
    },
    /// A probabilistic split; exactly one entry (`remainder`) takes what is left.
    Branch {
        /// Entries with an explicit probability.
        shares: Vec<(Target, PerPop)>,
        /// The entry without `p`.
        remainder: Target,
    },
    /// A support-desk contact.
    Support {
        /// Cost of one contact.
        cost_per_contact: Option<QId>,
        /// Minutes of the customer's time per contact.
        minutes_per_contact: Option<QId>,
        /// Resolve probability per population.
        resolve: PerPop,
        /// Exit when resolved.
        resolved: Target,
        /// Exit when not resolved.
        unresolved: Target,
    },
}

/// A non-terminal step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepSpec {
    /// Id.
    pub id: String,
    /// Display name (the id when the file gives none).
    pub name: String,
    /// Kind and exits.
    pub kind: StepKind,
}

impl StepSpec {
    /// Every target this step can send users to, in a fixed order.
    pub fn targets(&self) -> Vec<Target> {
        match &self.kind {
            // Abandoning users go to the outcome `abandoned`, always index 1.
            StepKind::Action { next, .. } => vec![*next, Target::Outcome(1)],
            StepKind::Control {
                pass,
                fail,
                abandon,
                ..
            } => vec![*pass, *fail, *abandon],
            StepKind::RiskGate {
                allow,
                challenge,
                block,
                ..
            } => vec![*allow, *challenge, *block],
            StepKind::Branch { shares, remainder } => shares
                .iter()
                .map(|(t, _)| *t)
                .chain(std::iter::once(*remainder))
                .collect(),
            StepKind::Support {
                resolved,
                unresolved,
                ..
            } => vec![*resolved, *unresolved],
        }
    }
}

/// One entrant group of a journey.
#[derive(Debug, Clone, PartialEq)]
pub struct EntrantSpec {
    /// Population index.
    pub population: usize,
    /// Entrants per period.
    pub volume: QId,
}

/// A journey graph.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneySpec {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the journey is for (§11: `sign_in`, `recovery`, …), when given.
    pub kind: Option<String>,
    /// Assurance level every way to success must reach, when given.
    pub required_aal: Option<u8>,
    /// Whether it guards a sensitive action (a route passing no control is a finding).
    pub sensitive: bool,
    /// Id of the journey whose access this one grants (a recovery journey).
    pub restores: Option<String>,
    /// Whether the account holder is told when it completes.
    pub notifies: bool,
    /// Non-terminal steps.
    pub steps: Vec<StepSpec>,
    /// Outcomes: the three implicit ones first (unless replaced), then declared ones.
    pub outcomes: Vec<OutcomeSpec>,
    /// Where entrants start.
    pub entry: Target,
    /// Who enters, with what volume.
    pub entrants: Vec<EntrantSpec>,
    /// Whether the graph has a cycle.
    pub cyclic: bool,
    /// Strongly connected groups of steps in topological order of the condensed graph:
    /// every exit of a group leads to itself or to a later group. Expected mode solves
    /// each cyclic group's small linear system in this order.
    pub components: Vec<Component>,
}

/// A strongly connected group of steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    /// Step indices.
    pub steps: Vec<usize>,
    /// True when users can come back to a step of the group (size > 1 or a self-loop).
    pub cyclic: bool,
    /// For a cyclic group: a step every cycle of the group passes through, if it has one.
    pub hub: Option<Hub>,
}

/// A step through which every cycle of a group passes. Without it the rest of the group
/// is acyclic, so sampled mode drains the group in a fixed number of passes whatever the
/// volume: the returns to the hub are one negative binomial draw, and the laps' paths are
/// split in one pass each ([`crate::sim`]'s sampled mode).
#[derive(Debug, Clone, PartialEq)]
pub struct Hub {
    /// The hub step.
    pub step: usize,
    /// The group's other steps, each before every step it leads to (exits to the hub
    /// excepted).
    pub order: Vec<usize>,
}

/// Which populations a guardrail selects.
#[derive(Debug, Clone, PartialEq)]
pub struct GuardrailSpec {
    /// Id.
    pub id: String,
    /// Owning team id.
    pub owner: String,
    /// Metric name.
    pub metric: String,
    /// Journey index, when restricted to one journey.
    pub journey: Option<usize>,
    /// Population indices selected, when restricted (`None` = model total).
    pub populations: Option<Vec<usize>>,
    /// Upper limit.
    pub max: Option<f64>,
    /// Lower limit.
    pub min: Option<f64>,
    /// Required probability of being within the limits.
    pub confidence: f64,
}

/// A validated model.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Model title.
    pub name: String,
    /// ISO 4217 currency.
    pub currency: String,
    /// Period label.
    pub period: String,
    /// Every quantity of the model.
    pub quantities: Vec<QuantitySpec>,
    /// Populations.
    pub populations: Vec<PopulationSpec>,
    /// Control library.
    pub controls: Vec<ControlSpec>,
    /// Journeys.
    pub journeys: Vec<JourneySpec>,
    /// Guardrails.
    pub guardrails: Vec<GuardrailSpec>,
}
