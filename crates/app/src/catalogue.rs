//! The built-in control catalogue (`catalogue/controls.json`, data compiled into the
//! app): standard controls with cited priors, ready to copy into a model with the sources
//! they cite, each number shown with where it comes from.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::AppError;

/// The catalogue file, as shipped.
const CATALOGUE: &str = include_str!("../../../catalogue/controls.json");

/// One number of a control and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CitedNumber {
    /// What it is (`pass, legitimate`, `seconds per attempt`, …).
    pub what: String,
    /// The quantity as written (`{"pert": [0.55, 0.75, 0.9], …}` or a number).
    #[ts(type = "unknown")]
    pub quantity: Value,
    /// The cited source's title (or "not cited").
    pub source: String,
}

/// One control of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CatalogueControl {
    /// Id (what the model's control will be called unless it is taken).
    pub id: String,
    /// Name.
    pub name: String,
    /// Factor.
    pub factor: String,
    /// AAL, when it has one.
    pub aal: Option<u8>,
    /// Phishing-resistant.
    pub phishing_resistant: bool,
    /// Channel.
    pub channel: Option<String>,
    /// Every number with its source, in the order shown.
    pub numbers: Vec<CitedNumber>,
    /// The control as a model writes it.
    #[ts(type = "unknown")]
    pub control: Value,
    /// The sources it cites, as a model writes them.
    #[ts(type = "unknown[]")]
    pub sources: Vec<Value>,
}

/// The catalogue: its description and controls.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Catalogue {
    /// What the numbers mean (per use, the attacker column, how to convert).
    pub description: String,
    /// The controls.
    pub controls: Vec<CatalogueControl>,
}

/// The shipped catalogue.
pub fn catalogue() -> Result<Catalogue, AppError> {
    let doc: Value = serde_json::from_str(CATALOGUE).map_err(|e| AppError::Run {
        message: format!("the built-in catalogue is damaged: {e}"),
    })?;
    let sources: Vec<Value> = doc["sources"].as_array().cloned().unwrap_or_default();
    let title_of = |id: &str| {
        sources
            .iter()
            .find(|s| s["id"] == id)
            .and_then(|s| s["title"].as_str())
            .map_or_else(|| format!("`{id}` (unknown source)"), str::to_string)
    };
    let mut out = Vec::new();
    for c in doc["controls"].as_array().cloned().unwrap_or_default() {
        let mut numbers = Vec::new();
        let mut cited: Vec<String> = Vec::new();
        let mut note = |what: String, q: &Value| {
            let id = q.get("source").and_then(Value::as_str);
            if let Some(id) = id {
                if !cited.iter().any(|c| c == id) {
                    cited.push(id.to_string());
                }
            }
            numbers.push(CitedNumber {
                what,
                quantity: q.clone(),
                source: id.map_or_else(|| "a plain number, not cited".to_string(), title_of),
            });
        };
        for (field, label) in [
            ("cost_per_attempt", "cost per use"),
            ("seconds_per_attempt", "seconds per use"),
        ] {
            if let Some(q) = c.get(field) {
                note(label.to_string(), q);
            }
        }
        for (field, label) in [("pass", "pass"), ("abandon", "abandon")] {
            if let Some(per) = c.get(field).and_then(Value::as_object) {
                for (who, q) in per {
                    note(format!("{label}, {who}"), q);
                }
            }
        }
        if let Some(per) = c.get("x-journeylab-attackers").and_then(Value::as_object) {
            for (kind, q) in per {
                note(format!("pass, attacker type {kind}"), q);
            }
        }
        let text = |k: &str| c.get(k).and_then(Value::as_str).map(str::to_string);
        out.push(CatalogueControl {
            id: text("id").unwrap_or_default(),
            name: text("name").unwrap_or_default(),
            factor: text("factor").unwrap_or_default(),
            aal: c.get("aal").and_then(Value::as_u64).map(|a| a.min(3) as u8),
            phishing_resistant: c
                .get("phishing_resistant")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            channel: text("channel"),
            numbers,
            sources: cited
                .iter()
                .filter_map(|id| sources.iter().find(|s| s["id"] == id.as_str()).cloned())
                .collect(),
            control: c,
        });
    }
    Ok(Catalogue {
        description: doc["description"].as_str().unwrap_or_default().to_string(),
        controls: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every catalogue control is a valid control of a model with customers and an
    /// attacker (each attacker type's column too), and cites only sources it carries.
    #[test]
    fn every_catalogue_control_validates_in_a_model_and_cites_what_it_carries() {
        let cat = catalogue().expect("catalogue");
        assert!(cat.controls.len() >= 14, "{} controls", cat.controls.len());
        for c in &cat.controls {
            let mut columns = vec![None];
            if let Some(per) = c
                .control
                .get("x-journeylab-attackers")
                .and_then(Value::as_object)
            {
                columns.extend(per.keys().map(|k| Some(k.clone())));
            }
            for column in columns {
                let mut control = c.control.clone();
                if let Some(kind) = &column {
                    control["pass"]["*attacker"] = control["x-journeylab-attackers"][kind].clone();
                }
                let doc = json!({
                    "format": "journeylab/1", "name": "catalogue check",
                    "populations": [
                        { "id": "customers", "kind": "legitimate" },
                        { "id": "attackers", "kind": "attacker", "loss_per_success": 10 }
                    ],
                    "controls": [control],
                    "journeys": [{ "id": "j", "entry": "c", "steps": [
                        { "id": "c", "kind": "control", "control": c.id, "on": { "pass": "success" } }
                    ], "entrants": [
                        { "population": "customers", "volume": 100 },
                        { "population": "attackers", "volume": 10 }
                    ]}],
                    "sources": c.sources,
                });
                let v = journeylab_engine::validate(&doc);
                let errors: Vec<String> = v.errors().map(ToString::to_string).collect();
                assert!(errors.is_empty(), "{} ({column:?}): {errors:#?}", c.id);
            }
            for n in &c.numbers {
                assert!(!n.source.contains("unknown source"), "{}: {}", c.id, n.what);
            }
        }
    }
}
