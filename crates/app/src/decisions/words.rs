//! Appending to a decision record, after checking the word makes sense: a request names
//! a finished run that ran the scenario; a team's approve or reject comes from a
//! required team with a name and a rationale; the owner's accept or decline closes a
//! round; nothing is added to a stale record (re-run and request again).

use journeylab_store::{DecisionStatus, RiskAcceptance, Store, Word, WordDetail};
use serde::Deserialize;
use ts_rs::TS;

use super::record::{decision_record, newest_version, DecisionRecordView};
use crate::stored_run::run_model_version;
use crate::AppError;

fn refuse(message: impl Into<String>) -> AppError {
    AppError::Run {
        message: message.into(),
    }
}

/// Asks for a decision on `scenario` of stored run `run_id`: the record's new round,
/// with the teams that must sign off (deciding the touched areas, then veto holders) as
/// the run's model version says.
pub fn request_decision(
    store: &Store,
    run_id: i64,
    scenario: &str,
    name: &str,
    note: &str,
) -> Result<DecisionRecordView, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(refuse("say who requests the decision (a name or a role)"));
    }
    let run = store.get_run(run_id)?.run;
    if run.status != journeylab_store::RunStatus::Finished {
        return Err(refuse(format!(
            "run {run_id} is {}: a decision is made on a finished run",
            run.status.as_str()
        )));
    }
    if scenario == "baseline" || !run.scenarios.iter().any(|s| s == scenario) {
        return Err(refuse(format!(
            "run {run_id} did not run scenario `{scenario}` (it ran {})",
            run.scenarios.join(", ")
        )));
    }
    let model = run_model_version(store, run.model_version_id)?;
    let info = model
        .validation
        .scenarios
        .iter()
        .find(|s| s.info.id == scenario)
        .map(|s| &s.info)
        .ok_or_else(|| {
            refuse(format!(
                "the run's model has no valid scenario `{scenario}`"
            ))
        })?;
    if info.sign_off.is_empty() {
        return Err(refuse(format!(
            "no team decides or vetoes what `{scenario}` changes ({}): name the deciding teams in the model's owners first",
            if info.decision_areas.is_empty() {
                "no known decision area".to_string()
            } else {
                info.decision_areas.join(", ")
            }
        )));
    }
    store.append_word(
        &run.model_key,
        scenario,
        name,
        Word::Request,
        &WordDetail {
            run_id,
            model_version_id: run.model_version_id,
            team: None,
            rationale: note.trim().to_string(),
            required_teams: info.sign_off.clone(),
            risk_acceptance: None,
        },
    )?;
    decision_record(store, &run.model_key, scenario)
}

/// A word to add to a record.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct WordRequest {
    /// Model key.
    pub model_key: String,
    /// Scenario id.
    pub scenario: String,
    /// Approve, reject, comment (a team's), accept or decline (the owner's).
    pub word: Word,
    /// The team speaking (approve, reject; optional for a comment).
    #[serde(default)]
    pub team: Option<String>,
    /// Who.
    pub name: String,
    /// Why.
    #[serde(default)]
    pub rationale: String,
    /// With an accept: what is knowingly accepted.
    #[serde(default)]
    pub risk_acceptance: Option<RiskAcceptance>,
}

/// Adds `w` to its record after checking it; the record as it stands then.
pub fn record_word(store: &Store, w: &WordRequest) -> Result<DecisionRecordView, AppError> {
    let name = w.name.trim();
    if name.is_empty() {
        return Err(refuse("say who speaks (a name or a role)"));
    }
    let entries = store.decision_record(&w.model_key, &w.scenario)?;
    let Some(request) = entries.iter().rev().find(|e| e.word == Word::Request) else {
        return Err(refuse(format!(
            "nobody has requested a decision on `{}` yet: request one on a run first",
            w.scenario
        )));
    };
    let current = decision_record(store, &w.model_key, &w.scenario)?;
    if current.status == DecisionStatus::Stale {
        return Err(refuse(format!(
            "the record of `{}` is stale: the model has a newer version than run {}'s; run it again and request a new decision",
            w.scenario, request.detail.run_id
        )));
    }
    let required = &request.detail.required_teams;
    let team = w.team.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let rationale = w.rationale.trim();
    match w.word {
        Word::Request => {
            return Err(refuse(
                "request a decision with request_decision (it needs a run)",
            ))
        }
        Word::Approve | Word::Reject => {
            let Some(t) = team else {
                return Err(refuse(format!(
                    "say which team {}s (one of {})",
                    w.word.as_str(),
                    required.join(", ")
                )));
            };
            if !required.iter().any(|r| r == t) {
                return Err(refuse(format!(
                    "`{t}` is not a team that must sign `{}` off (they are {})",
                    w.scenario,
                    required.join(", ")
                )));
            }
            if rationale.is_empty() {
                return Err(refuse(format!(
                    "give the reason `{t}` {}s",
                    w.word.as_str()
                )));
            }
        }
        Word::Comment => {
            if rationale.is_empty() {
                return Err(refuse("a comment needs its text"));
            }
        }
        Word::Accept | Word::Decline => {
            if team.is_some() {
                return Err(refuse(
                    "only the accountable owner accepts or declines, not a team",
                ));
            }
            if let Some(r) = &w.risk_acceptance {
                if w.word == Word::Decline {
                    return Err(refuse(
                        "a risk acceptance goes with an accept, not a decline",
                    ));
                }
                if r.residual_risk.trim().is_empty() {
                    return Err(refuse("a risk acceptance names the residual risk in words"));
                }
                if let Some(e) = &r.expires {
                    if !super::is_date(e) {
                        return Err(refuse(format!(
                            "the expiry `{e}` is not a date: write YYYY-MM-DD"
                        )));
                    }
                }
            }
        }
    }
    // Guard against a record whose model disappeared from the workspace meanwhile.
    if newest_version(store, &w.model_key)?.is_none() {
        return Err(refuse(format!(
            "the workspace has no model `{}`",
            w.model_key
        )));
    }
    store.append_word(
        &w.model_key,
        &w.scenario,
        name,
        w.word,
        &WordDetail {
            run_id: request.detail.run_id,
            model_version_id: request.detail.model_version_id,
            team: team.map(str::to_string),
            rationale: rationale.to_string(),
            required_teams: Vec::new(),
            risk_acceptance: w.risk_acceptance.clone().map(|r| RiskAcceptance {
                residual_risk: r.residual_risk.trim().to_string(),
                voiding_conditions: r.voiding_conditions.trim().to_string(),
                ..r
            }),
        },
    )?;
    decision_record(store, &w.model_key, &w.scenario)
}
