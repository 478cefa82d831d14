//! What a screen, the CLI and the decision pack show of a scenario's decision record:
//! the run it is decided on, the changes (before → after), the areas they touch, the
//! required teams with their members and latest word, the run's headline deltas and
//! guardrails, every word with names and times, the risk acceptance and the derived
//! status.

use journeylab_engine::governance::{governance_of, Governance};
use journeylab_engine::scenario::value_at;
use journeylab_store::{
    derive_status, DecisionEntry, DecisionStatus, RiskAcceptance, RunRow, Store, StoreError, Word,
};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::runs::dashboard::{DeltaView, TeamGuardrails};
use crate::stored_run::run_model_version;
use crate::{run_dashboard, AppError, LoadedModel};

/// The run a decision was requested on.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RequestView {
    /// The stored run.
    pub run_id: i64,
    /// Its model version number.
    pub model_version: u32,
    /// `sha256:…` of that version (what reproduces it).
    pub content_hash: String,
    /// Seed of the run.
    #[serde(with = "crate::seed")]
    #[ts(type = "string")]
    pub seed: u64,
    /// Iterations per scenario.
    pub iterations: u64,
    /// `sampled` or `expected`.
    pub mode: String,
    /// Engine version that ran it.
    pub engine_version: String,
    /// Who asked.
    pub requested_by: String,
    /// When.
    pub at: String,
    /// Why, as they said it.
    pub note: String,
}

/// One change of the scenario: what it replaces and with what.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChangeView {
    /// Slash path (`journeys/login/steps/risk/allow_below`).
    pub path: String,
    /// The baseline's value there, as JSON text (`None`: the change adds it).
    pub before: Option<String>,
    /// The scenario's value, as JSON text.
    pub after: String,
}

/// A team that must sign the scenario off.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RequiredTeamView {
    /// Team id.
    pub id: String,
    /// Team name.
    pub name: String,
    /// `decides` (it decides a touched area) or `veto` (it holds a veto on one).
    pub role: String,
    /// Its members (people or roles who can sign for it).
    pub members: Vec<String>,
    /// Its latest approve or reject in the current round.
    pub latest: Option<Word>,
    /// Who said it.
    pub latest_by: Option<String>,
    /// When.
    pub latest_at: Option<String>,
}

/// A scenario's decision record, as shown.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DecisionRecordView {
    /// Model key in the workspace.
    pub model_key: String,
    /// Model name.
    pub model_name: String,
    /// ISO 4217 currency of money values.
    pub currency: String,
    /// Scenario id.
    pub scenario: String,
    /// Scenario name.
    pub scenario_name: String,
    /// Derived status.
    pub status: DecisionStatus,
    /// The accountable owner (one person or role).
    pub accountable: String,
    /// The current round's request (`None`: draft).
    pub request: Option<RequestView>,
    /// The model's newest version number (stale when it differs from the request's).
    pub newest_version: Option<u32>,
    /// The scenario's changes.
    pub changes: Vec<ChangeView>,
    /// Decision areas they touch.
    pub areas: Vec<String>,
    /// Teams that must sign off: deciding first, then veto holders.
    pub required: Vec<RequiredTeamView>,
    /// The run's paired deltas of the scenario against the baseline.
    pub deltas: Vec<DeltaView>,
    /// The run's plain-language line of the clear changes.
    pub summary_line: Option<String>,
    /// The run's guardrails of the scenario, by owning team.
    pub guardrails: Vec<TeamGuardrails>,
    /// Every word, oldest first (earlier rounds included).
    pub words: Vec<DecisionEntry>,
    /// The owner's risk acceptance in the current round.
    pub risk_acceptance: Option<RiskAcceptance>,
    /// The command that repeats the run.
    pub reproduce: Option<String>,
}

/// A scenario's status, for lists.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ScenarioStatus {
    /// Scenario id.
    pub scenario: String,
    /// Derived status.
    pub status: DecisionStatus,
    /// The run of the current round's request.
    pub run_id: Option<i64>,
}

/// One record in a list of decisions.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DecisionSummary {
    /// Model key.
    pub model_key: String,
    /// Scenario id.
    pub scenario: String,
    /// Derived status.
    pub status: DecisionStatus,
    /// The run of the current round's request.
    pub run_id: Option<i64>,
    /// When the record last changed.
    pub updated_at: String,
    /// Words in the record.
    pub words: usize,
}

/// The model's newest version (`None` for a key the workspace does not know).
pub(crate) fn newest_version(
    store: &Store,
    model_key: &str,
) -> Result<Option<(i64, u32)>, AppError> {
    match store.get_model(model_key) {
        Ok(m) => {
            let v = store.model_version(m.id, None)?;
            Ok(Some((v.row.id, v.row.version)))
        }
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The model version a record is about: its request's run's, else the newest.
fn model_of(
    store: &Store,
    model_key: &str,
    request: Option<&DecisionEntry>,
) -> Result<(LoadedModel, Option<RunRow>), AppError> {
    if let Some(r) = request {
        let run = store.get_run(r.detail.run_id)?.run;
        return Ok((run_model_version(store, run.model_version_id)?, Some(run)));
    }
    let m = store.get_model(model_key)?;
    let v = store.model_version(m.id, None)?;
    Ok((crate::load_model_text(v.json), None))
}

/// The scenario object of `doc` with id `scenario`.
fn scenario_object<'a>(doc: &'a Value, scenario: &str) -> Option<&'a Value> {
    doc.get("scenarios")?
        .as_array()?
        .iter()
        .find(|s| s.get("id").and_then(Value::as_str) == Some(scenario))
}

fn json_text(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// The record of `scenario` of model `model_key`, with its derived status.
pub fn decision_record(
    store: &Store,
    model_key: &str,
    scenario: &str,
) -> Result<DecisionRecordView, AppError> {
    let entries = store.decision_record(model_key, scenario)?;
    let request = entries.iter().rev().find(|e| e.word == Word::Request);
    let (model, run) = model_of(store, model_key, request)?;
    let doc = &model.document;
    let info = model
        .validation
        .scenarios
        .iter()
        .find(|s| s.info.id == scenario)
        .map(|s| &s.info)
        .ok_or_else(|| AppError::Run {
            message: format!(
                "model `{model_key}` has no valid scenario `{scenario}`{}",
                if request.is_some() {
                    " in the version the decision was requested on"
                } else {
                    ""
                }
            ),
        })?;
    let newest = newest_version(store, model_key)?;
    let status = derive_status(&entries, newest.map(|n| n.0), &super::today_utc());
    let changes = scenario_object(doc, scenario)
        .and_then(|s| s.get("changes"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| {
            let path = c.get("path")?.as_str()?.to_string();
            Some(ChangeView {
                before: value_at(doc, &path).map(|v| json_text(&v)),
                after: json_text(c.get("value")?),
                path,
            })
        })
        .collect();
    let round: &[DecisionEntry] = match entries.iter().rposition(|e| e.word == Word::Request) {
        Some(i) => &entries[i + 1..],
        None => &[],
    };
    let gov = governance_of(doc);
    let required_ids: Vec<String> = match request {
        Some(r) => r.detail.required_teams.clone(),
        None => info.sign_off.clone(),
    };
    let required = required_ids
        .iter()
        .map(|id| required_team(&gov, id, &info.required.veto, round))
        .collect();
    let risk_acceptance = round
        .iter()
        .rev()
        .find(|e| matches!(e.word, Word::Accept | Word::Decline))
        .and_then(|e| e.detail.risk_acceptance.clone());
    let (request_view, deltas, summary_line, guardrails, reproduce) = match (request, &run) {
        (Some(r), Some(run)) => {
            let version = store.model_version_by_id(run.model_version_id)?;
            let dash = run_dashboard(store, run.id)?;
            let view = dash.scenarios.into_iter().find(|s| s.id == scenario);
            let (deltas, line, guardrails) = match view {
                Some(v) => (v.deltas, v.summary_line, v.teams),
                None => (Vec::new(), None, Vec::new()),
            };
            (
                Some(RequestView {
                    run_id: run.id,
                    model_version: run.model_version,
                    content_hash: version.row.content_hash,
                    seed: run.seed,
                    iterations: run.iterations,
                    mode: run.mode.clone(),
                    engine_version: run.engine_version.clone(),
                    requested_by: r.name.clone(),
                    at: r.at.clone(),
                    note: r.detail.rationale.clone(),
                }),
                deltas,
                line,
                guardrails,
                Some(format!(
                    "journeylab models export {model_key} --version {v} --out {model_key}-v{v}.json && journeylab run {model_key}-v{v}.json --iterations {} --seed {} --mode {} --scenario {scenario}",
                    run.iterations,
                    run.seed,
                    run.mode,
                    v = run.model_version,
                )),
            )
        }
        _ => (None, Vec::new(), None, Vec::new(), None),
    };
    Ok(DecisionRecordView {
        model_key: model_key.to_string(),
        model_name: doc
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or(model_key)
            .to_string(),
        currency: doc
            .get("currency")
            .and_then(Value::as_str)
            .unwrap_or("USD")
            .to_string(),
        scenario: scenario.to_string(),
        scenario_name: info.name.clone(),
        status,
        accountable: gov.accountable.clone(),
        request: request_view,
        newest_version: newest.map(|n| n.1),
        changes,
        areas: info.decision_areas.clone(),
        required,
        deltas,
        summary_line,
        guardrails,
        words: entries,
        risk_acceptance,
        reproduce,
    })
}

fn required_team(
    gov: &Governance,
    id: &str,
    veto: &[String],
    round: &[DecisionEntry],
) -> RequiredTeamView {
    let team = gov.teams.iter().find(|t| t.id == id);
    let latest = round.iter().rev().find(|e| {
        e.detail.team.as_deref() == Some(id) && matches!(e.word, Word::Approve | Word::Reject)
    });
    RequiredTeamView {
        id: id.to_string(),
        name: team.map_or_else(|| id.to_string(), |t| t.name.clone()),
        role: if veto.iter().any(|v| v == id) {
            "veto"
        } else {
            "decides"
        }
        .to_string(),
        members: team.map(|t| t.members.clone()).unwrap_or_default(),
        latest: latest.map(|e| e.word),
        latest_by: latest.map(|e| e.name.clone()),
        latest_at: latest.map(|e| e.at.clone()),
    }
}

/// The status of every scenario of the model's newest version (draft for those nobody
/// asked about), then of any other scenario with a record.
pub fn scenario_statuses(store: &Store, model_key: &str) -> Result<Vec<ScenarioStatus>, AppError> {
    let Some((newest_id, _)) = newest_version(store, model_key)? else {
        return Ok(Vec::new());
    };
    let model = crate::load_model_text(store.model_version_by_id(newest_id)?.json);
    let mut ids: Vec<String> = model
        .validation
        .scenarios
        .iter()
        .map(|s| s.info.id.clone())
        .collect();
    for s in store.decided_scenarios(model_key)? {
        if !ids.contains(&s) {
            ids.push(s);
        }
    }
    let today = super::today_utc();
    ids.into_iter()
        .map(|scenario| {
            let entries = store.decision_record(model_key, &scenario)?;
            Ok(ScenarioStatus {
                status: derive_status(&entries, Some(newest_id), &today),
                run_id: entries
                    .iter()
                    .rev()
                    .find(|e| e.word == Word::Request)
                    .map(|e| e.detail.run_id),
                scenario,
            })
        })
        .collect()
}

/// Every record (of one model, or of all), most recently changed first.
pub fn list_decisions(
    store: &Store,
    model_key: Option<&str>,
) -> Result<Vec<DecisionSummary>, AppError> {
    let keys: Vec<String> = match model_key {
        Some(k) => vec![store.get_model(k)?.key],
        None => store.list_models()?.into_iter().map(|m| m.key).collect(),
    };
    let today = super::today_utc();
    let mut out = Vec::new();
    for key in keys {
        let newest = newest_version(store, &key)?.map(|n| n.0);
        for scenario in store.decided_scenarios(&key)? {
            let entries = store.decision_record(&key, &scenario)?;
            out.push(DecisionSummary {
                status: derive_status(&entries, newest, &today),
                run_id: entries
                    .iter()
                    .rev()
                    .find(|e| e.word == Word::Request)
                    .map(|e| e.detail.run_id),
                updated_at: entries.last().map(|e| e.at.clone()).unwrap_or_default(),
                words: entries.len(),
                model_key: key.clone(),
                scenario,
            });
        }
    }
    out.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
    Ok(out)
}
