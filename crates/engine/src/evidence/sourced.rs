//! Observations a model carries itself (spec §12): a step exit whose probability cites a
//! source with `observed` counts can be checked against a run without any CSV. The
//! counts are summed over their periods (the check compares one n and k with the run's
//! draws of the exit's probability).

use serde_json::Value;

use super::Observation;
use crate::scenario::is_quantity;

/// The exit a step kind's probability field stands for: `(field, exit)`.
fn exit_of(kind: &str) -> Option<(&'static str, &'static str)> {
    match kind {
        "action" => Some(("abandon", "abandon")),
        "support" => Some(("resolve", "resolved")),
        _ => None,
    }
}

/// Every exit whose probability, for one population alone, cites a source with observed
/// counts. An entry that several entering populations share (`*legitimate` over two
/// legitimate populations) is skipped: its counts mix them, and the check is per
/// population. A control's pass counts only where the step takes one attempt and the
/// control lets no one abandon (otherwise per-entry counts are not its per-attempt rate).
pub fn observations_in_sources(doc: &Value) -> Vec<Observation> {
    let kinds: Vec<(String, String)> = list(doc, "populations")
        .filter_map(|p| Some((id(p)?.to_string(), p.get("kind")?.as_str()?.to_string())))
        .collect();
    let mut out = Vec::new();
    for journey in list(doc, "journeys") {
        let Some(journey_id) = id(journey) else {
            continue;
        };
        let entering: Vec<&(String, String)> = list(journey, "entrants")
            .filter_map(|e| e.get("population").and_then(Value::as_str))
            .filter_map(|p| kinds.iter().find(|(id, _)| id == p))
            .collect();
        for step in list(journey, "steps") {
            let Some(step_id) = id(step) else { continue };
            let kind = step.get("kind").and_then(Value::as_str).unwrap_or("");
            let (value, exit) = if let Some((field, exit)) = exit_of(kind) {
                (step.get(field), exit)
            } else if kind == "control" {
                (single_attempt_pass(doc, step), "pass")
            } else {
                continue;
            };
            let Some(value) = value else { continue };
            for (population, pop_kind) in &entering {
                let Some(key) = entry_key(value, population, pop_kind) else {
                    continue;
                };
                let shared = entering
                    .iter()
                    .filter(|(p, k)| entry_key(value, p, k) == Some(key))
                    .count();
                if shared != 1 {
                    continue;
                }
                let quantity = if key.is_empty() { value } else { &value[key] };
                if let Some((n, k)) = observed_counts(doc, quantity) {
                    out.push(Observation {
                        journey: journey_id.into(),
                        step: step_id.into(),
                        exit: exit.into(),
                        population: population.clone(),
                        n,
                        k,
                    });
                }
            }
        }
    }
    out
}

/// The library control's `pass` of a control step taking one attempt, when the control
/// lets no one abandon.
fn single_attempt_pass<'a>(doc: &'a Value, step: &Value) -> Option<&'a Value> {
    let attempts = step
        .get("max_attempts")
        .and_then(Value::as_u64)
        .unwrap_or(1);
    let control_id = step.get("control")?.as_str()?;
    let control = list(doc, "controls").find(|c| id(c) == Some(control_id))?;
    let abandons = control.get("abandon").is_some_and(|a| a != &Value::from(0));
    (attempts == 1 && !abandons)
        .then(|| control.get("pass"))
        .flatten()
}

/// Which entry of a PerPopulation value a population uses (spec §2: its id, its kind's
/// wildcard, `*`); `""` when the value is one Quantity for everyone.
fn entry_key<'v>(value: &'v Value, population: &str, kind: &str) -> Option<&'v str> {
    if is_quantity(value) {
        return Some("");
    }
    let map = value.as_object()?;
    let wildcard = format!("*{kind}");
    for candidate in [population, wildcard.as_str(), "*"] {
        if let Some((key, _)) = map.get_key_value(candidate) {
            return Some(key.as_str());
        }
    }
    None
}

/// The summed (n, k) of the source a quantity cites, if that source keeps counts.
fn observed_counts(doc: &Value, quantity: &Value) -> Option<(u64, u64)> {
    let source_id = quantity.get("source")?.as_str()?;
    let source = list(doc, "sources").find(|s| id(s) == Some(source_id))?;
    let periods = source.get("observed")?.as_array()?;
    let mut total = (0u64, 0u64);
    for p in periods {
        total.0 = total.0.checked_add(p.get("n")?.as_u64()?)?;
        total.1 = total.1.checked_add(p.get("k")?.as_u64()?)?;
    }
    (total.0 > 0 && total.1 <= total.0).then_some(total)
}

fn list<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

fn id(v: &Value) -> Option<&str> {
    v.get("id").and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn model(abandon: Value, extra_population: bool) -> Value {
        let mut populations = vec![json!({ "id": "customers", "kind": "legitimate" })];
        let mut entrants = vec![json!({ "population": "customers", "volume": 100 })];
        if extra_population {
            populations.push(json!({ "id": "staff", "kind": "legitimate" }));
            entrants.push(json!({ "population": "staff", "volume": 10 }));
        }
        json!({
            "populations": populations,
            "sources": [
                { "id": "funnel", "observed": [ { "n": 1000, "k": 12 }, { "n": 500, "k": 8 } ] },
                { "id": "paper" }
            ],
            "journeys": [ {
                "id": "login", "entrants": entrants,
                "steps": [ { "id": "identify", "kind": "action", "abandon": abandon, "next": "ok" } ]
            } ]
        })
    }

    #[test]
    fn a_wildcard_entry_for_one_population_yields_its_summed_counts() {
        let doc = model(
            json!({ "*legitimate": { "beta": [20.5, 1480.5], "source": "funnel" } }),
            false,
        );
        let obs = observations_in_sources(&doc);
        assert_eq!(obs.len(), 1);
        let o = &obs[0];
        assert_eq!(
            (
                o.journey.as_str(),
                o.step.as_str(),
                o.exit.as_str(),
                o.population.as_str(),
                o.n,
                o.k
            ),
            ("login", "identify", "abandon", "customers", 1500, 20)
        );
    }

    #[test]
    fn an_entry_shared_by_two_populations_or_citing_no_counts_yields_nothing() {
        let shared = model(json!({ "beta": [20.5, 1480.5], "source": "funnel" }), true);
        assert!(observations_in_sources(&shared).is_empty());
        let own = model(
            json!({ "customers": { "beta": [20.5, 1480.5], "source": "funnel" }, "*": 0 }),
            true,
        );
        assert_eq!(observations_in_sources(&own).len(), 1);
        let uncounted = model(json!({ "beta": [1, 2], "source": "paper" }), false);
        assert!(observations_in_sources(&uncounted).is_empty());
    }
}
