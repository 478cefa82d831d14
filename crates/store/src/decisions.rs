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
