//! Governance (spec §9 and §10): who decides what, who can veto it, who must sign a
//! scenario off, and the checks that tell a team where its ownership has gaps — the
//! "informal sign-off" that lets recovery and step-up edge cases fall between owners.
//!
//! Reads the model document leniently (validation reports malformed fields); every check
//! is a warning with the place it concerns and one line on why it matters.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::path::Path;
use crate::vocab::DECISION_AREAS;
use crate::Issue;

/// A team as the governance checks see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Team {
    /// Team id.
    pub id: String,
    /// Display name (the id when the model gives none).
    pub name: String,
    /// Decision areas it decides.
    pub decides: Vec<String>,
    /// Decision areas it does not decide but can block.
    pub veto: Vec<String>,
    /// People or roles who sign for it.
    pub members: Vec<String>,
}

/// The model's `owners`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Governance {
    /// Whether the model has an `owners` object at all.
    pub declared: bool,
    /// The accountable person or role, as written (empty when missing).
    pub accountable: String,
    /// Teams in file order.
    pub teams: Vec<Team>,
}

/// Who must sign a scenario off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct RequiredTeams {
    /// Teams deciding an area the changes touch.
    pub deciding: Vec<String>,
    /// Teams holding a veto on one of those areas (and not already deciding one).
    pub veto: Vec<String>,
}

impl RequiredTeams {
    /// Every required team: deciding ones first, then veto holders.
    pub fn all(&self) -> Vec<String> {
        self.deciding.iter().chain(&self.veto).cloned().collect()
    }
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

/// The `owners` of a model document.
pub fn governance_of(doc: &Value) -> Governance {
    let Some(owners) = doc.get("owners").filter(|o| o.is_object()) else {
        return Governance::default();
    };
    let teams = owners
        .get("teams")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| {
            let id = t.get("id")?.as_str()?.to_string();
            Some(Team {
                name: t
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or(&id)
                    .to_string(),
                decides: strings(t, "decides"),
                veto: strings(t, "veto"),
                members: strings(t, "members"),
                id,
            })
        })
        .collect();
    Governance {
        declared: true,
        accountable: owners
            .get("accountable")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_string(),
        teams,
    }
}

/// The teams that must sign off changes touching `areas` (spec §10): those deciding one
/// of them, plus those holding a veto on one of them.
pub fn required_teams(gov: &Governance, areas: &[String]) -> RequiredTeams {
    let touches = |list: &[String]| list.iter().any(|a| areas.contains(a));
    let deciding: Vec<String> = gov
        .teams
        .iter()
        .filter(|t| touches(&t.decides))
        .map(|t| t.id.clone())
        .collect();
    let veto = gov
        .teams
        .iter()
        .filter(|t| touches(&t.veto) && !deciding.contains(&t.id))
        .map(|t| t.id.clone())
        .collect();
    RequiredTeams { deciding, veto }
}

/// The kinds of journey whose edge cases the checks watch (spec §11 `kind`).
const EDGE_KINDS: [&str; 2] = ["recovery", "step_up"];

/// Whether a journey is a recovery or step-up journey: by its `kind`, or, without one,
/// by its id or name (`reset`, `recover…`, `step-up`, `step_up`, `stepup`).
pub fn is_edge_journey(journey: &Value) -> bool {
    if let Some(kind) = journey.get("kind").and_then(Value::as_str) {
        return EDGE_KINDS.contains(&kind);
    }
    let text = format!(
        "{} {}",
        journey.get("id").and_then(Value::as_str).unwrap_or(""),
        journey.get("name").and_then(Value::as_str).unwrap_or("")
    )
    .to_lowercase();
    [
        "recover", "reset", "step-up", "step_up", "stepup", "step up",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// The decision areas a change inside `journey` can touch: its structure and retries
/// always, its controls and their assurance when it has control steps, its thresholds
/// when it has a risk gate, its support routing when it has a support desk.
fn areas_in(journey: &Value) -> Vec<&'static str> {
    let kinds: Vec<&str> = journey
        .get("steps")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("kind").and_then(Value::as_str))
        .collect();
    let mut areas = vec!["journey_structure", "retry_policy"];
    if kinds.contains(&"control") {
        areas.extend(["controls", "assurance"]);
    }
    if kinds.contains(&"risk_gate") {
        areas.push("risk_thresholds");
    }
    if kinds.contains(&"support") {
        areas.push("support_routing");
    }
    if journey.get("required_aal").is_some() && !areas.contains(&"assurance") {
        areas.push("assurance");
    }
    areas
}

/// The segments of the populations entering `journey`, lower-cased.
fn segments_of(doc: &Value, journey: &Value) -> Vec<String> {
    let populations = doc.get("populations").and_then(Value::as_array);
    journey
        .get("entrants")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("population").and_then(Value::as_str))
        .filter_map(|id| {
            populations?
                .iter()
                .find(|p| p.get("id").and_then(Value::as_str) == Some(id))?
                .get("segment")?
                .as_str()
                .map(str::to_lowercase)
        })
        .collect()
}

/// Whether `accountable` names more than one person or role.
fn names_several(accountable: &str) -> bool {
    let lower = accountable.to_lowercase();
    [",", ";", " and ", " / ", "+"]
        .iter()
        .any(|sep| lower.contains(sep))
}

/// Every governance warning of a model document (spec §9, §10). Empty for a model whose
/// owners leave no gap.
pub fn governance_issues(doc: &Value) -> Vec<Issue> {
    let gov = governance_of(doc);
    let owners = Path::root().key("owners");
    let mut out = Vec::new();
    let mut warn =
        |path: &Path, message: String| out.push(Issue::warning(path.to_string(), message));
    if !gov.declared {
        warn(
            &owners,
            "the model names no owners: nobody is accountable and no team decides anything, so no change can be signed off".into(),
        );
        return out;
    }
    if gov.accountable.is_empty() {
        warn(
            &owners.key("accountable"),
            "no accountable owner: one person or role must accept a scenario and its residual risk"
                .into(),
        );
    } else if names_several(&gov.accountable) {
        warn(
            &owners.key("accountable"),
            format!(
                "`{}` names more than one person or role: exactly one must be accountable, or acceptance is nobody's",
                gov.accountable
            ),
        );
    }
    let teams = owners.key("teams");
    for area in DECISION_AREAS {
        if !gov
            .teams
            .iter()
            .any(|t| t.decides.iter().any(|a| a == area))
        {
            warn(
                &teams,
                format!("no team decides `{area}`: a change touching it has nobody to sign it off"),
            );
        }
    }
    for t in &gov.teams {
        let path = teams.id(&t.id);
        if t.members.is_empty() {
            warn(
                &path.key("members"),
                format!("team `{}` has no members: nobody can sign off for it", t.id),
            );
        }
        for area in t.veto.iter().filter(|a| t.decides.contains(a)) {
            warn(
                &path.key("veto"),
                format!(
                    "team `{}` both decides and vetoes `{area}`: a veto is for a team that does not decide the area",
                    t.id
                ),
            );
        }
    }
    let team = |id: &str| gov.teams.iter().find(|t| t.id == id);
    let journeys: Vec<&Value> = doc
        .get("journeys")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .collect();
    // Per owning team: (journey id, is B2B, is B2C).
    let mut owned: Vec<(String, String, bool, bool)> = Vec::new();
    for j in &journeys {
        let Some(id) = j.get("id").and_then(Value::as_str) else {
            continue;
        };
        let path = Path::root().key("journeys").id(id);
        let owner = j.get("owner").and_then(Value::as_str);
        if let Some(o) = owner {
            let segments = segments_of(doc, j);
            owned.push((
                o.to_string(),
                id.to_string(),
                segments.iter().any(|s| s.contains("b2b")),
                segments.iter().any(|s| s.contains("b2c")),
            ));
        }
        if !is_edge_journey(j) {
            if owner.is_none() {
                warn(
                    &path.key("owner"),
                    format!("journey `{id}` has no owner: nobody answers for its results or signs its changes"),
                );
            }
            continue;
        }
        let what = match j.get("kind").and_then(Value::as_str) {
            Some("step_up") => "step-up",
            Some(_) => "recovery",
            None => {
                let text = format!(
                    "{id} {}",
                    j.get("name").and_then(Value::as_str).unwrap_or("")
                )
                .to_lowercase();
                if text.contains("step") {
                    "step-up"
                } else {
                    "recovery"
                }
            }
        };
        match owner.and_then(team) {
            None => warn(
                &path.key("owner"),
                format!("{what} journey `{id}` has no owning team: its edge cases are where attackers get in, and they fall between owners"),
            ),
            Some(t) => {
                let areas = areas_in(j);
                if !t.decides.iter().any(|a| areas.contains(&a.as_str())) {
                    warn(
                        &path.key("owner"),
                        format!(
                            "{what} journey `{id}` is owned by `{}`, which decides nothing in it ({}): its edge cases fall between owners",
                            t.id,
                            areas.join(", ")
                        ),
                    );
                }
            }
        }
    }
    for t in &gov.teams {
        let mine: Vec<&(String, String, bool, bool)> =
            owned.iter().filter(|(o, ..)| *o == t.id).collect();
        let b2b: Vec<&str> = mine.iter().filter(|x| x.2).map(|x| x.1.as_str()).collect();
        let b2c: Vec<&str> = mine.iter().filter(|x| x.3).map(|x| x.1.as_str()).collect();
        if !b2b.is_empty() && !b2c.is_empty() {
            warn(
                &teams.id(&t.id),
                format!(
                    "team `{}` owns B2B ({}) and B2C ({}) journeys: their risks and customers differ, and one team's trade-off silently becomes the other's",
                    t.id,
                    b2b.join(", "),
                    b2c.join(", ")
                ),
            );
        }
    }
    for g in doc
        .get("guardrails")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (Some(id), Some(owner)) = (
            g.get("id").and_then(Value::as_str),
            g.get("owner").and_then(Value::as_str),
        ) else {
            continue;
        };
        if let Some(t) = team(owner) {
            if t.decides.is_empty() && t.veto.is_empty() {
                warn(
                    &Path::root().key("guardrails").id(id).key("owner"),
                    format!(
                        "guardrail `{id}` belongs to `{owner}`, which decides and vetoes nothing: it can watch the number but never change or stop what moves it"
                    ),
                );
            }
        }
    }
    out
}
