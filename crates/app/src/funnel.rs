//! Funnel import (issue 14): a CSV of counts per step exit (`journey,step,exit,
//! population,n,k[,period]`) calibrates every matching per-population probability of the
//! model at once — each fitted from its periods (spec §12) and citing a source that keeps
//! the counts — and says what it changed and what it could not match, and why.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::exit_counts::read_exit_counts;
use crate::{apply_evidence, AppError, Evidence};
use journeylab_engine::evidence::{fit_observed, Period};

/// One probability calibrated.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FunnelChange {
    /// `journey/step.exit (population)` as the CSV named it.
    pub exit: String,
    /// The quantity written (a slash path of ids).
    pub path: String,
    /// The source citing the counts.
    pub source: String,
    /// Periods fitted.
    pub periods: usize,
    /// How it was fitted, in words.
    pub verdict: String,
    /// The quantity before, as written.
    #[ts(type = "unknown")]
    pub before: Value,
    /// The fitted quantity.
    #[ts(type = "unknown")]
    pub after: Value,
    /// Anything the user should know (a control shared by other steps).
    pub note: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FunnelImport {
    /// The calibrated document, as JSON text.
    pub json: String,
    /// What changed.
    pub changed: Vec<FunnelChange>,
    /// Exits not calibrated, each with why.
    pub unmatched: Vec<String>,
}

struct Group {
    journey: String,
    step: String,
    exit: String,
    population: String,
    periods: Vec<Period>,
}

/// Calibrates `document` from the CSV text; sources are named `<prefix>_<journey>_<step>_
/// <exit>_<population>`.
pub fn import_funnel(document: &Value, csv: &str, prefix: &str) -> Result<FunnelImport, AppError> {
    let groups = parse(csv)?;
    let mut doc = document.clone();
    let mut changed = Vec::new();
    let mut unmatched = Vec::new();
    for g in groups {
        let name = format!("{}/{}.{} ({})", g.journey, g.step, g.exit, g.population);
        match target(&doc, &g) {
            Err(why) => unmatched.push(format!("{name}: {why}")),
            Ok((path, complement, note)) => {
                let periods: Vec<Period> = g
                    .periods
                    .iter()
                    .map(|p| Period {
                        n: p.n,
                        k: if complement {
                            p.n.saturating_sub(p.k)
                        } else {
                            p.k
                        },
                        label: p.label.clone(),
                    })
                    .collect();
                let verdict = match fit_observed(&periods) {
                    Ok(f) => f.verdict,
                    Err(e) => {
                        unmatched.push(format!("{name}: {e}"));
                        continue;
                    }
                };
                let source = source_id(prefix, &g);
                let before = value_at(&doc, &path).unwrap_or(Value::Null);
                let title = format!("Funnel counts: {name}");
                doc = apply_evidence(
                    &doc,
                    &path,
                    &source,
                    &title,
                    &Evidence::Observed { periods },
                )?;
                let after = value_at(&doc, &path).unwrap_or(Value::Null);
                changed.push(FunnelChange {
                    exit: name,
                    path,
                    source,
                    periods: g.periods.len(),
                    verdict,
                    before,
                    after,
                    note,
                });
            }
        }
    }
    let json = serde_json::to_string_pretty(&doc).map_err(|e| AppError::Run {
        message: e.to_string(),
    })?;
    Ok(FunnelImport {
        json,
        changed,
        unmatched,
    })
}

/// Rows grouped by exit and population, in the order first seen.
fn parse(csv: &str) -> Result<Vec<Group>, AppError> {
    let mut groups: Vec<Group> = Vec::new();
    for row in read_exit_counts(csv, "the funnel CSV")? {
        let r = row.counts;
        let entry = Period {
            n: r.n,
            k: r.k,
            label: row.period,
        };
        let same = |g: &&mut Group| {
            (&g.journey, &g.step, &g.exit, &g.population)
                == (&r.journey, &r.step, &r.exit, &r.population)
        };
        match groups.iter_mut().find(same) {
            Some(g) => g.periods.push(entry),
            None => groups.push(Group {
                journey: r.journey,
                step: r.step,
                exit: r.exit,
                population: r.population,
                periods: vec![entry],
            }),
        }
    }
    Ok(groups)
}

/// The quantity an exit's counts calibrate: its slash path, whether the counts are of the
/// complementary exit, and a note; or why it cannot be calibrated.
fn target(doc: &Value, g: &Group) -> Result<(String, bool, Option<String>), String> {
    let by_id = |list: &Value, id: &str| {
        list.as_array().and_then(|a| {
            a.iter()
                .find(|x| x.get("id").and_then(Value::as_str) == Some(id))
                .cloned()
        })
    };
    let journey = by_id(&doc["journeys"], &g.journey).ok_or("no such journey")?;
    let step = by_id(&journey["steps"], &g.step).ok_or("no such step in the journey")?;
    if by_id(&doc["populations"], &g.population).is_none() {
        return Err("no such population".into());
    }
    let at = |field: &str| {
        format!(
            "journeys/{}/steps/{}/{field}/{}",
            g.journey, g.step, g.population
        )
    };
    match (step["kind"].as_str().unwrap_or(""), g.exit.as_str()) {
        ("action", "abandon") => Ok((at("abandon"), false, None)),
        ("action", "next") => Ok((at("abandon"), true, None)),
        ("support", "resolved") => Ok((at("resolve"), false, None)),
        ("support", "unresolved") => Ok((at("resolve"), true, None)),
        ("control", "pass") => {
            let attempts = step["max_attempts"].as_u64().unwrap_or(1);
            let control_id = step["control"].as_str().unwrap_or_default();
            let control = by_id(&doc["controls"], control_id).ok_or("the step's control is not in the library")?;
            let abandons = control.get("abandon").is_some_and(|a| a != &Value::from(0));
            if attempts != 1 || abandons {
                return Err(format!(
                    "control `{control_id}` {}: per-entry counts do not give its per-attempt pass rate — fit it from counts per attempt in the quantity editor",
                    if attempts != 1 { format!("takes up to {attempts} attempts") } else { "lets users abandon".into() }
                ));
            }
            let uses = doc["journeys"]
                .as_array()
                .map(|js| {
                    js.iter()
                        .flat_map(|j| j["steps"].as_array().cloned().unwrap_or_default())
                        .filter(|s| s["control"].as_str() == Some(control_id))
                        .count()
                })
                .unwrap_or(0);
            Ok((
                format!("controls/{control_id}/pass/{}", g.population),
                false,
                (uses > 1).then(|| format!("control `{control_id}` is used by {uses} steps: all of them change")),
            ))
        }
        ("branch", _) => Err("branch shares are not calibrated from a funnel yet; edit the step's shares".into()),
        ("risk_gate", _) => Err("a risk gate's exits follow its thresholds and the score's distribution, not a probability".into()),
        (kind, exit) => Err(format!("a `{kind}` step has no probability for exit `{exit}` to calibrate")),
    }
}

/// A source id from the prefix and the exit: letters, digits, `_` and `-` only.
fn source_id(prefix: &str, g: &Group) -> String {
    format!(
        "{prefix}_{}_{}_{}_{}",
        g.journey, g.step, g.exit, g.population
    )
    .chars()
    .map(|c| {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            c
        } else {
            '_'
        }
    })
    .collect()
}

/// The value at a slash path of ids (objects by key, lists by element id).
fn value_at(doc: &Value, path: &str) -> Option<Value> {
    let mut cur = doc;
    for seg in path.split('/') {
        cur = match cur {
            Value::Object(o) => o.get(seg)?,
            Value::Array(a) => a
                .iter()
                .find(|x| x.get("id").and_then(Value::as_str) == Some(seg))?,
            _ => return None,
        };
    }
    Some(cur.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Value {
        let text = std::fs::read_to_string(
            crate::bindings::repository_root()
                .join("fixtures")
                .join(name),
        )
        .expect("fixture");
        serde_json::from_str(&text).expect("json")
    }

    /// An action's abandonment and a support desk's resolution are calibrated (periods
    /// fitted, sources keeping the counts), a control that takes several attempts and a
    /// branch are reported unmatched with why, and the result still validates.
    #[test]
    fn a_funnel_calibrates_what_it_can_and_says_what_it_cannot() {
        let doc = fixture("consumer-sign-in.json");
        let csv = "journey,step,exit,population,n,k,period\n\
                   login,identify,abandon,customers,10000,150,2026-07\n\
                   login,identify,abandon,customers,12000,170,2026-08\n\
                   login,support,resolved,customers,800,690,2026-08\n\
                   login,otp,pass,customers,5000,4100,2026-08\n\
                   login,breach_check,to[0],customers,5000,80,2026-08\n\
                   login,nowhere,next,customers,10,1,2026-08\n";
        let out = import_funnel(&doc, csv, "funnel").expect("import");
        let paths: Vec<&str> = out.changed.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "journeys/login/steps/identify/abandon/customers",
                "journeys/login/steps/support/resolve/customers"
            ]
        );
        assert_eq!(out.changed[0].periods, 2);
        assert_eq!(out.unmatched.len(), 3, "{:#?}", out.unmatched);
        assert!(
            out.unmatched[0].contains("up to 3 attempts"),
            "{}",
            out.unmatched[0]
        );
        assert!(out.unmatched[1].contains("branch shares"));
        assert!(out.unmatched[2].contains("no such step"));
        let calibrated: Value = serde_json::from_str(&out.json).expect("json");
        let q = &calibrated["journeys"][0]["steps"][0]["abandon"]["customers"];
        assert_eq!(q["source"], "funnel_login_identify_abandon_customers");
        assert!(q["beta"].is_array(), "{q}");
        let src = calibrated["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .find(|s| s["id"] == "funnel_login_identify_abandon_customers")
            .expect("the source");
        assert_eq!(src["observed"][1]["k"], 170);
        let v = journeylab_engine::validate(&calibrated);
        assert!(v.is_valid(), "{:?}", v.errors().collect::<Vec<_>>());
    }
}
