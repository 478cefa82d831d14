//! The append-only decision log (filled by the governance work).

use rusqlite::params;
use serde::Serialize;

use crate::{Fail, Result, Store};

/// One entry of the decision log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// Id, increasing in the order entries were appended.
    pub id: i64,
    /// When it was appended (UTC, ISO 8601).
    pub at: String,
    /// Who decided: a person, role or team id.
    pub actor: String,
    /// What kind of decision (`sign_off`, `reject`, `comment`, …; free text).
    pub kind: String,
    /// What it is about (`scenario:otp-v2`, `run:12`, `model:login@3`, …; free text).
    pub subject: String,
    /// Further detail.
    pub detail: serde_json::Value,
}

impl Store {
    /// Appends an entry to the decision log and returns its id. Entries can never be changed
    /// or deleted: the database refuses it (triggers).
    pub fn append_decision(
        &self,
        actor: &str,
        kind: &str,
        subject: &str,
        detail: &serde_json::Value,
    ) -> Result<i64> {
        let detail = detail.to_string();
        self.with_write(|tx| {
            tx.execute(
                "INSERT INTO decision_log (actor, kind, subject, detail_json)
                 VALUES (?1, ?2, ?3, ?4)",
                params![actor, kind, subject, detail],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// The decision log, oldest first; only the entries about `subject` if given.
    pub fn decisions(&self, subject: Option<&str>) -> Result<Vec<Decision>> {
        self.with_read(|c| {
            let mut stmt = c.prepare(
                "SELECT id, at, actor, kind, subject, detail_json FROM decision_log
                 WHERE ?1 IS NULL OR subject = ?1 ORDER BY id",
            )?;
            let rows = stmt
                .query_map([subject], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|(id, at, actor, kind, subject, detail)| {
                    let detail = serde_json::from_str(&detail).map_err(|e| {
                        Fail::Malformed(format!("decision {id}: detail is not JSON: {e}"))
                    })?;
                    Ok(Decision {
                        id,
                        at,
                        actor,
                        kind,
                        subject,
                        detail,
                    })
                })
                .collect()
        })
    }
}

/// One word of a scenario's decision record (spec §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Word {
    /// Someone asks for a decision on a stored run of the scenario.
    Request,
    /// A required team approves.
    Approve,
    /// A required team rejects.
    Reject,
    /// A remark, by anyone; it decides nothing.
    Comment,
    /// The accountable owner accepts (optionally with a risk acceptance).
    Accept,
    /// The accountable owner declines.
    Decline,
}

impl Word {
    /// The name stored in the log's `kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            Word::Request => "request",
            Word::Approve => "approve",
            Word::Reject => "reject",
            Word::Comment => "comment",
            Word::Accept => "accept",
            Word::Decline => "decline",
        }
    }

    /// The word named `text`.
    pub fn parse(text: &str) -> Option<Word> {
        [
            Word::Request,
            Word::Approve,
            Word::Reject,
            Word::Comment,
            Word::Accept,
            Word::Decline,
        ]
        .into_iter()
        .find(|w| w.as_str() == text)
    }
}

/// What the accountable owner knowingly accepts with a scenario (spec §10).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct RiskAcceptance {
    /// The residual risk, in words.
    pub residual_risk: String,
    /// Guardrails knowingly left unmet (ids).
    #[serde(default)]
    pub unmet_guardrails: Vec<String>,
    /// Conditions that void the acceptance.
    #[serde(default)]
    pub voiding_conditions: String,
    /// Last day it holds (`YYYY-MM-DD`), if it expires.
    #[serde(default)]
    pub expires: Option<String>,
}

/// The detail a word carries (the log's `detail_json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct WordDetail {
    /// The stored run decided on (a request's; later words repeat it).
    pub run_id: i64,
    /// That run's model version (database id): a newer version makes the record stale.
    pub model_version_id: i64,
    /// The team speaking (approve, reject, comment; none for the owner's words).
    #[serde(default)]
    pub team: Option<String>,
    /// Why, in the speaker's words.
    #[serde(default)]
    pub rationale: String,
    /// For a request: the teams that must sign off (deciding, then veto holders).
    #[serde(default)]
    pub required_teams: Vec<String>,
    /// For an accept: what is knowingly accepted.
    #[serde(default)]
    pub risk_acceptance: Option<RiskAcceptance>,
}

/// One entry of a scenario's decision record, typed.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct DecisionEntry {
    /// Log id (increasing).
    pub id: i64,
    /// When (UTC, ISO 8601).
    pub at: String,
    /// Who: the person's name (or role).
    pub name: String,
    /// What they said.
    pub word: Word,
    /// The rest.
    pub detail: WordDetail,
}

/// Where a scenario's decision stands (spec §10): derived from its record, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    /// Nobody asked for a decision.
    Draft,
    /// Asked; not every required team has approved, or the owner has not accepted.
    InReview,
    /// Every required team's latest word is approve and the owner accepted.
    Approved,
    /// A required team's latest word is reject, or the owner declined.
    Rejected,
    /// Accepted, but past the risk acceptance's expiry date.
    Expired,
    /// The model has a newer version than the one the decided run simulated.
    Stale,
}

impl DecisionStatus {
    /// The name shown and stored in exports: `draft`, `in_review`, …
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionStatus::Draft => "draft",
            DecisionStatus::InReview => "in_review",
            DecisionStatus::Approved => "approved",
            DecisionStatus::Rejected => "rejected",
            DecisionStatus::Expired => "expired",
            DecisionStatus::Stale => "stale",
        }
    }
}

/// The subject under which the log keeps a scenario's record.
pub fn decision_subject(model_key: &str, scenario: &str) -> String {
    format!("scenario:{model_key}/{scenario}")
}

/// The status of a record (entries oldest first). Only the words after the latest
/// request count (a new request, e.g. on a newer run, starts a new round). In order:
/// no request → draft; the model's newest version (`newest_version_id`) is not the one
/// the request's run simulated → stale; a required team whose latest approve/reject is
/// reject, or an owner whose latest accept/decline is decline → rejected; every
/// required team's latest word approve and the owner's accept → approved, or expired
/// when `today` (`YYYY-MM-DD`) is after the acceptance's expiry; else in review.
/// Comments never change the status.
pub fn derive_status(
    entries: &[DecisionEntry],
    newest_version_id: Option<i64>,
    today: &str,
) -> DecisionStatus {
    let Some(start) = entries.iter().rposition(|e| e.word == Word::Request) else {
        return DecisionStatus::Draft;
    };
    let request = &entries[start];
    if newest_version_id.is_some_and(|v| v != request.detail.model_version_id) {
        return DecisionStatus::Stale;
    }
    let round = &entries[start + 1..];
    let latest_of_team = |team: &str| {
        round
            .iter()
            .rev()
            .find(|e| {
                e.detail.team.as_deref() == Some(team)
                    && matches!(e.word, Word::Approve | Word::Reject)
            })
            .map(|e| e.word)
    };
    let owner = round
        .iter()
        .rev()
        .find(|e| matches!(e.word, Word::Accept | Word::Decline));
    let required = &request.detail.required_teams;
    if owner.is_some_and(|e| e.word == Word::Decline)
        || required
            .iter()
            .any(|t| latest_of_team(t) == Some(Word::Reject))
    {
        return DecisionStatus::Rejected;
    }
    let all_approve = required
        .iter()
        .all(|t| latest_of_team(t) == Some(Word::Approve));
    match owner {
        Some(accept) if all_approve => {
            let expired = accept
                .detail
                .risk_acceptance
                .as_ref()
                .and_then(|r| r.expires.as_deref())
                .is_some_and(|expires| today > expires);
            if expired {
                DecisionStatus::Expired
            } else {
                DecisionStatus::Approved
            }
        }
        _ => DecisionStatus::InReview,
    }
}

impl Store {
    /// Appends a word to the record of `scenario` of model `model_key`; returns its id.
    pub fn append_word(
        &self,
        model_key: &str,
        scenario: &str,
        name: &str,
        word: Word,
        detail: &WordDetail,
    ) -> Result<i64> {
        let detail = serde_json::to_value(detail)
            .map_err(|e| crate::StoreError::InvalidInput(format!("a decision's detail: {e}")))?;
        self.append_decision(
            name,
            word.as_str(),
            &decision_subject(model_key, scenario),
            &detail,
        )
    }

    /// The record of `scenario` of model `model_key`, oldest first. Log entries that are
    /// not words of a record (other kinds, or details that do not read) are skipped.
    pub fn decision_record(&self, model_key: &str, scenario: &str) -> Result<Vec<DecisionEntry>> {
        Ok(self
            .decisions(Some(&decision_subject(model_key, scenario)))?
            .into_iter()
            .filter_map(|d| {
                Some(DecisionEntry {
                    word: Word::parse(&d.kind)?,
                    detail: serde_json::from_value(d.detail).ok()?,
                    id: d.id,
                    at: d.at,
                    name: d.actor,
                })
            })
            .collect())
    }

    /// The scenarios of model `model_key` that have a record (in order of their first
    /// entry).
    pub fn decided_scenarios(&self, model_key: &str) -> Result<Vec<String>> {
        let prefix = decision_subject(model_key, "");
        let mut out: Vec<String> = Vec::new();
        for d in self.decisions(None)? {
            if let Some(s) = d.subject.strip_prefix(&prefix) {
                if !out.iter().any(|x| x == s) {
                    out.push(s.to_string());
                }
            }
        }
        Ok(out)
    }
}
