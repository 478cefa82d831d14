//! Serde types for the whole `journeylab/1` model format (spec §1–9), for editors and
//! load/save round trips.
//!
//! These types describe the *shape* of a file, not its validity: validation stays on the
//! JSON value ([`crate::validate()`]). They are typed where the format is (step kinds,
//! population kinds, control factors, outcome classes, distributions) and permissive
//! where it is (ids are plain strings, numbers are [`serde_json::Number`] so that `1000`
//! stays `1000` and `5.0` stays `5.0`).
//!
//! Round trip: every object keeps the keys it does not know in an `extra` map, written
//! back after the known keys, so extension data (say the editor's
//! `"x-journeylab-layout"`) survives a load and save. Optional keys are `Option`s that are
//! left out when `None`, so an absent key stays absent and a present one stays present.
//! Known keys are written in the spec's order (one exception: a scenario's
//! `proposed_by` comes before its `description`, as in every fixture), so saving an
//! unchanged fixture with [`Model::to_json_pretty`] reproduces it byte for byte.
//!
//! ```
//! use journeylab_engine::model::Model;
//!
//! let text = r#"{"format": "journeylab/1", "name": "m", "populations": [],
//!                "journeys": [], "x-journeylab-layout": {"nodes": {}}}"#;
//! let model = Model::from_json_str(text).unwrap();
//! assert!(model.extra.contains_key("x-journeylab-layout"));
//! assert_eq!(Model::from_json_str(&model.to_json_pretty()).unwrap(), model);
//! ```

use serde::de::{self, DeserializeOwned, Deserializer};
use serde::ser::{self, SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use crate::validate::DIST_KEYS;

/// Unknown keys of an object, kept for the round trip (written after the known keys).
pub type Extra = Map<String, Value>;

/// A whole model file (spec §1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Format tag; `"journeylab/1"` for a valid file.
    pub format: String,
    /// Model title.
    pub name: String,
    /// Free description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// ISO 4217 code of every money quantity (engine default `"USD"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Label for volumes (engine default `"month"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Who moves through the journeys.
    pub populations: Vec<Population>,
    /// Reusable control library.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controls: Option<Vec<Control>>,
    /// Risk scores used by risk gates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_signals: Option<Vec<RiskSignal>>,
    /// The journey graphs.
    pub journeys: Vec<Journey>,
    /// Accountable owner and teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owners: Option<Owners>,
    /// Limits the teams set on results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardrails: Option<Vec<Guardrail>>,
    /// Named changes against the baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenarios: Option<Vec<Scenario>>,
    /// Citations that quantities point to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<Source>>,
    /// Unknown keys (e.g. `"x-journeylab-layout"`), kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Model {
    /// Parses model text. Syntax errors and shape errors (a missing required key, a
    /// wrong type, an unknown step kind) carry line and column.
    pub fn from_json_str(text: &str) -> Result<Model, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Reads a model from a JSON value.
    pub fn from_value(value: Value) -> Result<Model, serde_json::Error> {
        serde_json::from_value(value)
    }

    /// The model as a JSON value (known keys in spec order, then unknown keys).
    pub fn to_value(&self) -> Value {
        // Every type here serialises to a JSON object with string keys and finite numbers.
        serde_json::to_value(self)
            .unwrap_or_else(|e| unreachable!("model types always serialise to JSON: {e}"))
    }

    /// The model as pretty JSON text in the fixtures' style: 2-space indent, one key or
    /// element per line except arrays of plain numbers, which stay on one line
    /// (`"pert": [5.0, 20.0, 60.0]`), and a trailing newline.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        write_pretty(&self.to_value(), 0, &mut out);
        out.push('\n');
        out
    }
}

/// Pretty JSON like `serde_json::to_string_pretty`, but with arrays of numbers inline.
fn write_pretty(v: &Value, depth: usize, out: &mut String) {
    let indent = |out: &mut String, depth: usize| out.extend(std::iter::repeat_n("  ", depth));
    match v {
        Value::Array(a) if !a.is_empty() && a.iter().all(Value::is_number) => {
            let items: Vec<String> = a.iter().map(Value::to_string).collect();
            out.push('[');
            out.push_str(&items.join(", "));
            out.push(']');
        }
        Value::Array(a) if !a.is_empty() => {
            out.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                indent(out, depth + 1);
                write_pretty(x, depth + 1, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(o) if !o.is_empty() => {
            out.push_str("{\n");
            for (i, (k, x)) in o.iter().enumerate() {
                indent(out, depth + 1);
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write_pretty(x, depth + 1, out);
                out.push_str(if i + 1 < o.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        // Scalars, `[]` and `{}`: compact JSON.
        other => out.push_str(&other.to_string()),
    }
}

// ---------------------------------------------------------------------------------------
// §2 Quantities

/// A distribution of a Quantity object (spec §2), with its parameters as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Distribution {
    /// `"fixed": x` — always x.
    Fixed(Number),
    /// `"uniform": [lo, hi]`.
    Uniform([Number; 2]),
    /// `"triangular": [lo, mode, hi]`.
    Triangular([Number; 3]),
    /// `"pert": [lo, mode, hi]`.
    Pert([Number; 3]),
    /// `"beta": [a, b]` — Beta(a, b) on [0, 1].
    Beta([Number; 2]),
    /// `"lognormal": [p5, p95]` — by its 5th and 95th percentiles.
    Lognormal([Number; 2]),
}

impl Distribution {
    /// The distribution's key in the file (`"pert"`, …).
    pub fn key(&self) -> &'static str {
        match self {
            Distribution::Fixed(_) => "fixed",
            Distribution::Uniform(_) => "uniform",
            Distribution::Triangular(_) => "triangular",
            Distribution::Pert(_) => "pert",
            Distribution::Beta(_) => "beta",
            Distribution::Lognormal(_) => "lognormal",
        }
    }

    /// The parameters as written (`x` for `fixed`, an array otherwise).
    pub fn params(&self) -> Value {
        let arr = |a: &[Number]| Value::Array(a.iter().cloned().map(Value::Number).collect());
        match self {
            Distribution::Fixed(x) => Value::Number(x.clone()),
            Distribution::Uniform(a) | Distribution::Beta(a) | Distribution::Lognormal(a) => arr(a),
            Distribution::Triangular(a) | Distribution::Pert(a) => arr(a),
        }
    }

    fn from_key<E: de::Error>(key: &str, params: Value) -> Result<Self, E> {
        Ok(match key {
            "fixed" => Distribution::Fixed(from_value(params)?),
            "uniform" => Distribution::Uniform(from_value(params)?),
            "triangular" => Distribution::Triangular(from_value(params)?),
            "pert" => Distribution::Pert(from_value(params)?),
            "beta" => Distribution::Beta(from_value(params)?),
            "lognormal" => Distribution::Lognormal(from_value(params)?),
            other => {
                return Err(E::custom(format!(
                    "unknown distribution `{other}`, expected one of: {}",
                    DIST_KEYS.join(", ")
                )))
            }
        })
    }
}

/// A Quantity object: one distribution, an optional source, and unknown keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Distributed {
    /// The distribution and its parameters.
    pub dist: Distribution,
    /// Id of the source the numbers come from.
    pub source: Option<String>,
    /// Unknown keys, kept for the round trip.
    pub extra: Extra,
}

/// A Quantity (spec §2): a plain number, or an object with exactly one distribution key
/// plus an optional `source`.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    /// A plain JSON number (fixed), kept exactly as written.
    Number(Number),
    /// A distribution object.
    Distributed(Distributed),
}

impl Quantity {
    /// A plain number; `None` for NaN or an infinity (JSON has no such numbers).
    pub fn from_f64(x: f64) -> Option<Quantity> {
        Number::from_f64(x).map(Quantity::Number)
    }

    /// The distribution, if this is a Quantity object.
    pub fn distribution(&self) -> Option<&Distribution> {
        match self {
            Quantity::Number(_) => None,
            Quantity::Distributed(d) => Some(&d.dist),
        }
    }

    /// The cited source id, if any.
    pub fn source(&self) -> Option<&str> {
        match self {
            Quantity::Number(_) => None,
            Quantity::Distributed(d) => d.source.as_deref(),
        }
    }

    fn from_json<E: de::Error>(v: Value) -> Result<Self, E> {
        match v {
            Value::Number(n) => Ok(Quantity::Number(n)),
            Value::Object(obj) => {
                let n_dist = obj.keys().filter(|k| is_dist_key(k)).count();
                if n_dist != 1 {
                    return Err(E::custom(format!(
                        "a Quantity object needs exactly one distribution key ({}), found {n_dist}",
                        DIST_KEYS.join(", ")
                    )));
                }
                let mut dist = None;
                let mut source = None;
                let mut extra = Map::new();
                for (k, v) in obj {
                    if is_dist_key(&k) {
                        dist = Some(Distribution::from_key(&k, v)?);
                    } else if k == "source" {
                        match v {
                            Value::String(s) => source = Some(s),
                            _ => return Err(E::custom("a Quantity's `source` must be a string")),
                        }
                    } else {
                        extra.insert(k, v);
                    }
                }
                let dist =
                    dist.ok_or_else(|| E::custom("a Quantity object needs a distribution"))?;
                Ok(Quantity::Distributed(Distributed {
                    dist,
                    source,
                    extra,
                }))
            }
            other => Err(E::custom(format!(
                "a Quantity is a number or a distribution object, found {}",
                type_name(&other)
            ))),
        }
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Quantity::Number(n) => n.serialize(s),
            Quantity::Distributed(d) => {
                let len = 1 + usize::from(d.source.is_some()) + d.extra.len();
                let mut m = s.serialize_map(Some(len))?;
                m.serialize_entry(d.dist.key(), &d.dist.params())?;
                if let Some(src) = &d.source {
                    m.serialize_entry("source", src)?;
                }
                for (k, v) in &d.extra {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Quantity::from_json(Value::deserialize(d)?)
    }
}

/// A PerPopulation value (spec §2): one Quantity for everyone, or a map from population
/// ids and the wildcards `*legitimate`, `*attacker`, `*` to Quantities.
///
/// Reading an object: if all its keys are distribution keys or `source` it is a
/// Quantity (spec §2); if it has a distribution key among other keys it is a Quantity
/// object with unknown keys (distribution keys are reserved, so it cannot be a map);
/// otherwise it is a map (`{}` is an empty map).
#[derive(Debug, Clone, PartialEq)]
pub enum PerPopulation {
    /// The same Quantity for every population.
    All(Quantity),
    /// One Quantity per population id or wildcard, in file order.
    Each(Vec<(String, Quantity)>),
}

impl PerPopulation {
    /// The entry under exactly this key (a population id or wildcard); for
    /// [`PerPopulation::All`], the one Quantity.
    pub fn get(&self, key: &str) -> Option<&Quantity> {
        match self {
            PerPopulation::All(q) => Some(q),
            PerPopulation::Each(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, q)| q),
        }
    }

    /// The Quantity the engine uses for a population (spec §2): its own id, then the
    /// wildcard of its kind, then `*`.
    pub fn resolve(&self, population: &str, kind: PopulationKind) -> Option<&Quantity> {
        let wildcard = match kind {
            PopulationKind::Legitimate => "*legitimate",
            PopulationKind::Attacker => "*attacker",
        };
        self.get(population)
            .or_else(|| self.get(wildcard))
            .or_else(|| self.get("*"))
    }
}

impl Serialize for PerPopulation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PerPopulation::All(q) => q.serialize(s),
            PerPopulation::Each(entries) => {
                let mut m = s.serialize_map(Some(entries.len()))?;
                for (k, q) in entries {
                    m.serialize_entry(k, q)?;
                }
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for PerPopulation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Object(obj)
                if !obj.is_empty()
                    && (obj.keys().all(|k| k == "source" || is_dist_key(k))
                        || obj.keys().any(|k| is_dist_key(k))) =>
            {
                Quantity::from_json(Value::Object(obj)).map(PerPopulation::All)
            }
            Value::Object(obj) => obj
                .into_iter()
                .map(|(k, v)| {
                    Quantity::from_json(v)
                        .map(|q| (k.clone(), q))
                        .map_err(|e: D::Error| de::Error::custom(format!("`{k}`: {e}")))
                })
                .collect::<Result<_, _>>()
                .map(PerPopulation::Each),
            other => Quantity::from_json(other).map(PerPopulation::All),
        }
    }
}

// ---------------------------------------------------------------------------------------
// §3 Populations

/// Whether a population is legitimate or an attacker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PopulationKind {
    /// Customers, applicants, … (value per success).
    Legitimate,
    /// Attackers (loss per successful attack).
    Attacker,
}

/// A population (spec §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Population {
    /// Population id.
    pub id: String,
    /// Display name (engine default: the id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Legitimate or attacker.
    pub kind: PopulationKind,
    /// Free label used to group results and owners (`"b2c"`, `"b2b"`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// Money earned per completed journey (legitimate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_per_success: Option<Quantity>,
    /// Money lost per successful attack (attacker).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loss_per_success: Option<Quantity>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

// ---------------------------------------------------------------------------------------
// §4 Controls and risk signals

/// The authentication factor or kind of a control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    /// Something the user knows.
    Knowledge,
    /// Something the user has.
    Possession,
    /// Something the user is.
    Inherence,
    /// Bot defence (CAPTCHA, bot score).
    BotDefence,
    /// Identity verification.
    Verification,
    /// Anything else.
    Other,
}

/// A control in the library (spec §4), used by `control` steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Control {
    /// Control id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Factor or kind.
    pub factor: Factor,
    /// Authenticator assurance level (1, 2 or 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aal: Option<u8>,
    /// Whether it resists phishing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phishing_resistant: Option<bool>,
    /// Personal data it collects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collects: Option<Vec<String>>,
    /// Owning team id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Money per attempt (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_attempt: Option<Quantity>,
    /// Customer seconds per attempt (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds_per_attempt: Option<Quantity>,
    /// Chance that one attempt succeeds, per population.
    pub pass: PerPopulation,
    /// Chance of giving up at an attempt, per population (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abandon: Option<PerPopulation>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A risk signal (spec §4): a risk score in [0, 1] per population.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskSignal {
    /// Signal id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Owning team id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Score distribution per population (each a `beta` for a valid file).
    pub score: PerPopulation,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

// ---------------------------------------------------------------------------------------
// §5 Journeys and steps

/// A journey graph (spec §5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    /// Journey id.
    pub id: String,
    /// Display name (the spec lists it; the engine falls back to the id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Owning team id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Whether the journey is a sensitive action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<bool>,
    /// Assurance level the journey requires (1, 2 or 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_aal: Option<u8>,
    /// Who enters and how many.
    pub entrants: Vec<Entrant>,
    /// Id of the first step.
    pub entry: String,
    /// The steps, declared outcomes included.
    pub steps: Vec<Step>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Entrants of one population into a journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entrant {
    /// Population id.
    pub population: String,
    /// Entrants per period.
    pub volume: Quantity,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A step of a journey, tagged by its `kind` (spec §5). Written as `id`, `kind`, then
/// the step's other keys.
// Steps live in small `Vec`s edited by hand, not in hot loops: plain variants are
// simpler to build and match than boxed ones.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `"kind": "action"`.
    Action(ActionStep),
    /// `"kind": "control"`.
    Control(ControlStep),
    /// `"kind": "risk_gate"`.
    RiskGate(RiskGateStep),
    /// `"kind": "branch"`.
    Branch(BranchStep),
    /// `"kind": "support"`.
    Support(SupportStep),
    /// `"kind": "outcome"`.
    Outcome(OutcomeStep),
}

/// The step kinds, as written in `kind`.
pub const STEP_KINDS: [&str; 6] = [
    "action",
    "control",
    "risk_gate",
    "branch",
    "support",
    "outcome",
];

impl Step {
    /// The step's `kind` as written in the file.
    pub fn kind(&self) -> &'static str {
        match self {
            Step::Action(_) => "action",
            Step::Control(_) => "control",
            Step::RiskGate(_) => "risk_gate",
            Step::Branch(_) => "branch",
            Step::Support(_) => "support",
            Step::Outcome(_) => "outcome",
        }
    }

    /// The step id.
    pub fn id(&self) -> &str {
        match self {
            Step::Action(s) => &s.id,
            Step::Control(s) => &s.id,
            Step::RiskGate(s) => &s.id,
            Step::Branch(s) => &s.id,
            Step::Support(s) => &s.id,
            Step::Outcome(s) => &s.id,
        }
    }

    /// The step's display name, if any.
    pub fn name(&self) -> Option<&str> {
        match self {
            Step::Action(s) => s.name.as_deref(),
            Step::Control(s) => s.name.as_deref(),
            Step::RiskGate(s) => s.name.as_deref(),
            Step::Branch(s) => s.name.as_deref(),
            Step::Support(s) => s.name.as_deref(),
            Step::Outcome(s) => s.name.as_deref(),
        }
    }

    /// The step's unknown keys.
    pub fn extra(&self) -> &Extra {
        match self {
            Step::Action(s) => &s.extra,
            Step::Control(s) => &s.extra,
            Step::RiskGate(s) => &s.extra,
            Step::Branch(s) => &s.extra,
            Step::Support(s) => &s.extra,
            Step::Outcome(s) => &s.extra,
        }
    }

    /// The step's unknown keys, for editing.
    pub fn extra_mut(&mut self) -> &mut Extra {
        match self {
            Step::Action(s) => &mut s.extra,
            Step::Control(s) => &mut s.extra,
            Step::RiskGate(s) => &mut s.extra,
            Step::Branch(s) => &mut s.extra,
            Step::Support(s) => &mut s.extra,
            Step::Outcome(s) => &mut s.extra,
        }
    }
}

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let body = match self {
            Step::Action(b) => serde_json::to_value(b),
            Step::Control(b) => serde_json::to_value(b),
            Step::RiskGate(b) => serde_json::to_value(b),
            Step::Branch(b) => serde_json::to_value(b),
            Step::Support(b) => serde_json::to_value(b),
            Step::Outcome(b) => serde_json::to_value(b),
        }
        .map_err(ser::Error::custom)?;
        let Value::Object(body) = body else {
            return Err(ser::Error::custom("a step serialises to an object"));
        };
        // `id` is each body's first field: write it, then `kind`, then the rest.
        let mut m = s.serialize_map(Some(body.len() + 1))?;
        let mut kind_written = false;
        for (k, v) in &body {
            if k == "kind" {
                continue;
            }
            if k != "id" && !kind_written {
                m.serialize_entry("kind", self.kind())?;
                kind_written = true;
            }
            m.serialize_entry(k, v)?;
        }
        if !kind_written {
            m.serialize_entry("kind", self.kind())?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Value::Object(mut obj) = Value::deserialize(d)? else {
            return Err(de::Error::custom("a step is an object"));
        };
        // `shift_remove` keeps the order of the other keys.
        let kind = match obj.shift_remove("kind") {
            Some(Value::String(k)) => k,
            Some(_) => return Err(de::Error::custom("a step's `kind` must be a string")),
            None => return Err(de::Error::missing_field("kind")),
        };
        let body = Value::Object(obj);
        Ok(match kind.as_str() {
            "action" => Step::Action(from_value(body)?),
            "control" => Step::Control(from_value(body)?),
            "risk_gate" => Step::RiskGate(from_value(body)?),
            "branch" => Step::Branch(from_value(body)?),
            "support" => Step::Support(from_value(body)?),
            "outcome" => Step::Outcome(from_value(body)?),
            other => return Err(de::Error::unknown_variant(other, &STEP_KINDS)),
        })
    }
}

/// An `action` step: a neutral step (fill a form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionStep {
    /// Step id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Owning team id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Customer seconds per visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<Quantity>,
    /// Chance of abandoning here, per population (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abandon: Option<PerPopulation>,
    /// Target for everyone who does not abandon.
    pub next: String,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A `control` step: applies a library control, with retries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlStep {
    /// Step id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Owning team id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Id of the control in the library.
    pub control: String,
    /// Attempts allowed (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u32>,
    /// Exits.
    pub on: ControlExits,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Exits of a `control` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlExits {
    /// Target on a pass.
    pub pass: String,
    /// Target when every attempt fails (default `blocked`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail: Option<String>,
    /// Target on abandoning (default `abandoned`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abandon: Option<String>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A `risk_gate` step: routes by a risk signal's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskGateStep {
    /// Step id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Owning team id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Risk signal id.
    pub signal: String,
    /// Scores below this are allowed.
    pub allow_below: Number,
    /// Scores at or above this are blocked.
    pub block_at_or_above: Number,
    /// Exits.
    pub on: RiskGateExits,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Exits of a `risk_gate` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskGateExits {
    /// Target below `allow_below`.
    pub allow: String,
    /// Target between the thresholds.
    pub challenge: String,
    /// Target at or above `block_at_or_above` (default `blocked`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A `branch` step: a probabilistic split.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BranchStep {
    /// Step id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Owning team id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The entries; exactly one omits `p` in a valid file.
    pub to: Vec<BranchEntry>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One entry of a `branch` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BranchEntry {
    /// Target step or outcome.
    pub target: String,
    /// Share going there, per population; `None` takes the remainder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<PerPopulation>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A `support` step: a contact with the support desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupportStep {
    /// Step id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Owning team id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Money per contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_contact: Option<Quantity>,
    /// Agent minutes per contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_per_contact: Option<Quantity>,
    /// Chance the desk resolves the contact, per population.
    pub resolve: PerPopulation,
    /// Exits.
    pub on: SupportExits,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Exits of a `support` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupportExits {
    /// Target when resolved.
    pub resolved: String,
    /// Target when not resolved (default `abandoned`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The class of an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeClass {
    /// Completed (for an attacker: a successful attack).
    Success,
    /// Gave up.
    Abandoned,
    /// Stopped.
    Blocked,
}

/// An `outcome` step: terminal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeStep {
    /// Outcome id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Owning team id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Success, abandoned or blocked.
    pub class: OutcomeClass,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

// ---------------------------------------------------------------------------------------
// §9 Governance

/// The accountable owner and the teams (spec §9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Owners {
    /// One accountable person or role.
    pub accountable: String,
    /// The teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teams: Option<Vec<Team>>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A team and the decision areas it decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    /// Team id.
    pub id: String,
    /// Display name (the spec lists it; the engine does not require it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Decision areas (`risk_thresholds`, `controls`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decides: Option<Vec<String>>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A limit a team sets on a result metric (spec §9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guardrail {
    /// Guardrail id.
    pub id: String,
    /// Owning team id.
    pub owner: String,
    /// Metric name (a model total, or a per-journey × population metric).
    pub metric: String,
    /// Journey id selecting a per-journey metric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journey: Option<String>,
    /// Population id or wildcard selecting a per-population metric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<String>,
    /// Upper limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Number>,
    /// Lower limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Number>,
    /// Required probability of staying within the limits (default 0.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Number>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A named set of changes against the baseline (spec §9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Scenario id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Proposing team id. (Written before `description`, as every fixture has it; the
    /// spec lists `description` first.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_by: Option<String>,
    /// Free description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The changes.
    pub changes: Vec<Change>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One change of a scenario: a value at a slash-separated id path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Path such as `journeys/login/steps/risk/allow_below`.
    pub path: String,
    /// The new value (any JSON; a whole step when the path names a step).
    pub value: Value,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A citation that quantities point to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Source id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Year of publication, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<Number>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Unknown keys, kept for the round trip.
    #[serde(flatten)]
    pub extra: Extra,
}

// ---------------------------------------------------------------------------------------
// helpers

fn is_dist_key(k: &str) -> bool {
    DIST_KEYS.contains(&k)
}

fn from_value<T: DeserializeOwned, E: de::Error>(v: Value) -> Result<T, E> {
    serde_json::from_value(v).map_err(E::custom)
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
