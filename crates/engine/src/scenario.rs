//! Scenarios (spec §9): named changes addressed by slash paths of ids.
//!
//! A change either replaces what its path names, or — when the path ends in a
//! population id or wildcard under a per-population value — adds or replaces that
//! population's entry (a plain Quantity becomes `{"*": old, "<key>": new}`). Any other
//! path that names nothing is an error.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::path::Path;
use crate::vocab::{is_extension_key, DIST_KEYS};
use crate::Issue;

/// What a scenario is, besides its changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioInfo {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Optional description.
    pub description: Option<String>,
    /// Team that proposed it.
    pub proposed_by: Option<String>,
    /// Decision areas its changes touch.
    pub decision_areas: Vec<String>,
    /// Every team that must sign it off: deciding teams, then veto holders (§10).
    pub sign_off: Vec<String>,
    /// The same, by role.
    pub required: crate::governance::RequiredTeams,
}

/// Applies `changes` (the scenario's `changes` array) to a copy of `doc`.
pub fn apply_changes(
    doc: &Value,
    changes: &[Value],
    scenario_path: &Path,
) -> Result<Value, Vec<Issue>> {
    let mut out = doc.clone();
    // Scenarios of the copy are irrelevant to it and would be validated again.
    if let Some(o) = out.as_object_mut() {
        o.remove("scenarios");
    }
    let pop_keys = population_keys(doc);
    let mut issues = Vec::new();
    for (i, c) in changes.iter().enumerate() {
        let cpath = scenario_path.key("changes").index(i);
        let (Some(path), Some(value)) = (c.get("path").and_then(Value::as_str), c.get("value"))
        else {
            issues.push(
                Issue::error(
                    cpath.to_string(),
                    "a change needs a string `path` and a `value`",
                )
                .hint(
                    "write {\"path\": \"journeys/login/steps/risk/allow_below\", \"value\": 0.3}",
                ),
            );
            continue;
        };
        if let Err(msg) = set_path(&mut out, path, value.clone(), &pop_keys) {
            issues.push(
                Issue::error(cpath.key("path").to_string(), format!("`{path}` {msg}"))
                    .hint("address the baseline by ids, e.g. controls/sms_otp/pass/*legitimate"),
            );
        }
    }
    if issues.is_empty() {
        Ok(out)
    } else {
        Err(issues)
    }
}

/// A copy of `doc` with the value at slash path `path` replaced — or, for a population
/// entry of a per-population value, added — by the rules of scenario changes. What the
/// app writes a fitted quantity with.
pub fn set_value(doc: &Value, path: &str, value: Value) -> Result<Value, String> {
    let mut out = doc.clone();
    let keys = population_keys(doc);
    set_path(&mut out, path, value, &keys).map_err(|m| format!("`{path}` {m}"))?;
    Ok(out)
}

fn population_keys(doc: &Value) -> Vec<String> {
    let mut keys: Vec<String> = ["*", "*legitimate", "*attacker"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(ps) = doc.get("populations").and_then(Value::as_array) {
        keys.extend(
            ps.iter()
                .filter_map(|p| p.get("id").and_then(Value::as_str).map(str::to_string)),
        );
    }
    keys
}

pub(crate) fn is_quantity(v: &Value) -> bool {
    match v {
        Value::Number(_) => true,
        Value::Object(o) => {
            !o.is_empty()
                && o.keys().all(|k| {
                    k == "source" || is_extension_key(k) || DIST_KEYS.contains(&k.as_str())
                })
        }
        _ => false,
    }
}

fn set_path(doc: &mut Value, path: &str, value: Value, pop_keys: &[String]) -> Result<(), String> {
    let segs: Vec<&str> = path.split('/').collect();
    if segs.iter().any(|s| s.is_empty()) {
        return Err("has an empty segment".into());
    }
    let mut cur = doc;
    for (n, seg) in segs.iter().enumerate() {
        let last = n + 1 == segs.len();
        let is_pop_key = pop_keys.iter().any(|k| k == seg);
        if last && is_pop_key && is_quantity(cur) {
            let old = cur.take();
            let mut m = Map::new();
            m.insert("*".into(), old);
            m.insert((*seg).to_string(), value);
            *cur = Value::Object(m);
            return Ok(());
        }
        cur = match cur {
            Value::Object(o) => {
                if last {
                    if o.contains_key(*seg) || (is_pop_key && o.values().all(is_quantity)) {
                        o.insert((*seg).to_string(), value);
                        return Ok(());
                    }
                    return Err(format!("names nothing: there is no `{seg}` here"));
                }
                o.get_mut(*seg).ok_or_else(|| {
                    format!(
                        "names nothing: there is no `{seg}` at {}",
                        segs[..n].join("/")
                    )
                })?
            }
            Value::Array(a) => {
                let pos = a
                    .iter()
                    .position(|e| e.get("id").and_then(Value::as_str) == Some(seg))
                    .ok_or_else(|| {
                        format!(
                            "names nothing: no element with id `{seg}` in {}",
                            segs[..n].join("/")
                        )
                    })?;
                if last {
                    let mut value = value;
                    if let Some(o) = value.as_object_mut() {
                        o.entry("id")
                            .or_insert_with(|| Value::String((*seg).to_string()));
                    }
                    a[pos] = value;
                    return Ok(());
                }
                &mut a[pos]
            }
            _ => {
                return Err(format!(
                    "names nothing: {} is not an object or a list",
                    segs[..n].join("/")
                ))
            }
        };
    }
    Err("names nothing".into())
}

/// What `path` (a scenario change's slash path) names in the baseline document: the
/// value the change replaces, for "before → after" in a decision record. A population
/// key under a plain Quantity names that Quantity (it applies to every population); a
/// population key with no entry of its own names `None` (the change adds one).
pub fn value_at(doc: &Value, path: &str) -> Option<Value> {
    let pop_keys = population_keys(doc);
    let segs: Vec<&str> = path.split('/').collect();
    let mut cur = doc;
    for (n, seg) in segs.iter().enumerate() {
        let last = n + 1 == segs.len();
        if last && pop_keys.iter().any(|k| k == seg) && is_quantity(cur) {
            return Some(cur.clone());
        }
        cur = match cur {
            Value::Object(o) => o.get(*seg)?,
            Value::Array(a) => a
                .iter()
                .find(|e| e.get("id").and_then(Value::as_str) == Some(seg))?,
            _ => return None,
        };
    }
    Some(cur.clone())
}

/// The decision areas (spec §9) that a scenario's changes touch.
pub fn decision_areas(changes: &[Value]) -> Vec<String> {
    let mut areas: Vec<String> = Vec::new();
    for c in changes {
        let Some(path) = c.get("path").and_then(Value::as_str) else {
            continue;
        };
        let segs: Vec<&str> = path.split('/').collect();
        let has = |k: &str| segs.contains(&k);
        let area = if has("allow_below") || has("block_at_or_above") || segs[0] == "risk_signals" {
            "risk_thresholds"
        } else if has("max_attempts") {
            "retry_policy"
        } else if has("required_aal") || has("aal") || has("phishing_resistant") {
            "assurance"
        } else if has("collects") {
            "data_collection"
        } else if path.contains("consent") {
            "consent"
        } else if segs[0] == "controls" || has("control") {
            "controls"
        } else if has("resolve") || has("cost_per_contact") || has("minutes_per_contact") {
            "support_routing"
        } else if segs[0] == "journeys"
            && (segs.len() == 4 && segs[2] == "steps"
                || has("on")
                || has("next")
                || has("to")
                || has("entry"))
        {
            "journey_structure"
        } else {
            continue;
        };
        if !areas.iter().any(|a| a == area) {
            areas.push(area.to_string());
        }
    }
    areas
}
