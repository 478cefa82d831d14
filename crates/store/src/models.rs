//! Models and their immutable versions.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Fail, Result, Store, StoreError};

/// A model with a summary of its history, as listed by [`Store::list_models`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelRow {
    /// Database id.
    pub id: i64,
    /// Stable, unique key: a slug of the model name or file stem (never all digits, so a
    /// key is never mistaken for an id).
    pub key: String,
    /// Display name (the name given with the newest version).
    pub name: String,
    /// The newest version number (versions are 1..=`latest_version`).
    pub latest_version: u32,
    /// How many versions exist.
    pub versions: u32,
    /// When the model was first stored (UTC, ISO 8601).
    pub created_at: String,
    /// When its newest version was stored (UTC, ISO 8601).
    pub updated_at: String,
}

/// One version of a model, without its JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ModelVersionRow {
    /// Database id of the version (what [`Store::begin_run`] takes).
    pub id: i64,
    /// The model.
    pub model_id: i64,
    /// The model's key.
    pub model_key: String,
    /// Version number, 1 for the first save of the model.
    pub version: u32,
    /// `sha256:<hex>` of the canonical form of the JSON (object keys sorted, no
    /// whitespace), so a re-save that differs only in formatting is the same content.
    pub content_hash: String,
    /// Optional note given when saved.
    pub note: Option<String>,
    /// When it was saved (UTC, ISO 8601).
    pub created_at: String,
}

/// A model version with its JSON text, exactly as it was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelVersion {
    /// The version.
    pub row: ModelVersionRow,
    /// The model's display name.
    pub model_name: String,
    /// The model JSON text.
    pub json: String,
}

/// What [`Store::import_model`] and [`Store::save_model_version`] stored (or found).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelVersionRef {
    /// The model.
    pub model_id: i64,
    /// The model's key.
    pub model_key: String,
    /// The version number.
    pub version: u32,
    /// Database id of the version.
    pub version_id: i64,
    /// `false` when the content equalled the newest version, which is returned instead of
    /// a duplicate.
    pub created: bool,
}

/// Makes a model key from a name or file stem: lower case, letters and digits kept, every
/// other run of characters becomes one `-`, at most 64 characters; a trailing `.json` is
/// dropped; an empty result becomes `model`, an all-digit one is prefixed with `model-`.
///
/// ```
/// assert_eq!(journeylab_store::slugify("Login & Recovery.json"), "login-recovery");
/// assert_eq!(journeylab_store::slugify("2024"), "model-2024");
/// ```
pub fn slugify(text: &str) -> String {
    let text = text.strip_suffix(".json").unwrap_or(text);
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
        if out.chars().count() >= 64 {
            break;
        }
    }
    if out.is_empty() {
        "model".to_string()
    } else if out.chars().all(|c| c.is_ascii_digit()) {
        format!("model-{out}")
    } else {
        out
    }
}

/// `sha256:<hex>` of the canonical JSON form (object keys sorted recursively, compact).
pub(crate) fn content_hash(value: &serde_json::Value) -> String {
    let mut text = String::new();
    canonical(value, &mut text);
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

fn canonical(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(k) {
                    canonical(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn parse_model(json_text: &str) -> Result<serde_json::Value, Fail> {
    serde_json::from_str(json_text).map_err(|source| {
        Fail::Store(StoreError::InvalidJson {
            what: "the model",
            source,
        })
    })
}

/// Creates the model `slugify(key_hint)` or adds a version to it (see
/// [`Store::import_model`]).
pub(crate) fn import_tx(
    tx: &Transaction<'_>,
    key_hint: &str,
    name: &str,
    json_text: &str,
    note: Option<&str>,
) -> Result<ModelVersionRef, Fail> {
    let value = parse_model(json_text)?;
    let key = slugify(key_hint);
    let existing: Option<i64> = tx
        .query_row("SELECT id FROM models WHERE key = ?1", [&key], |r| r.get(0))
        .optional()?;
    let model_id = match existing {
        Some(id) => id,
        None => {
            tx.execute(
                "INSERT INTO models (key, name) VALUES (?1, ?2)",
                params![key, name],
            )?;
            tx.last_insert_rowid()
        }
    };
    let saved = save_tx(tx, model_id, json_text, &value, note)?;
    if saved.created {
        tx.execute(
            "UPDATE models SET name = ?2 WHERE id = ?1 AND name <> ?2",
            params![model_id, name],
        )?;
    }
    Ok(saved)
}

fn save_tx(
    tx: &Transaction<'_>,
    model_id: i64,
    json_text: &str,
    value: &serde_json::Value,
    note: Option<&str>,
) -> Result<ModelVersionRef, Fail> {
    let model_key: String = tx
        .query_row("SELECT key FROM models WHERE id = ?1", [model_id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "model",
            id: model_id.to_string(),
        })?;
    let hash = content_hash(value);
    let newest: Option<(i64, u32, String)> = tx
        .query_row(
            "SELECT id, version, content_hash FROM model_versions
             WHERE model_id = ?1 ORDER BY version DESC LIMIT 1",
            [model_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((version_id, version, newest_hash)) = &newest {
        if *newest_hash == hash {
            return Ok(ModelVersionRef {
                model_id,
                model_key,
                version: *version,
                version_id: *version_id,
                created: false,
            });
        }
    }
    let version = newest.map_or(1, |(_, v, _)| v + 1);
    tx.execute(
        "INSERT INTO model_versions (model_id, version, json, content_hash, note)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![model_id, version, json_text, hash, note],
    )?;
    Ok(ModelVersionRef {
        model_id,
        model_key,
        version,
        version_id: tx.last_insert_rowid(),
        created: true,
    })
}

const MODEL_ROW_SQL: &str = "
    SELECT m.id, m.key, m.name, coalesce(max(v.version), 0), count(v.id), m.created_at,
           coalesce(max(v.created_at), m.created_at)
    FROM models m LEFT JOIN model_versions v ON v.model_id = m.id";

fn model_row(r: &Row<'_>) -> rusqlite::Result<ModelRow> {
    Ok(ModelRow {
        id: r.get(0)?,
        key: r.get(1)?,
        name: r.get(2)?,
        latest_version: r.get(3)?,
        versions: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

const VERSION_SQL: &str = "
    SELECT v.id, v.model_id, m.key, v.version, v.content_hash, v.note, v.created_at,
           m.name, v.json
    FROM model_versions v JOIN models m ON m.id = v.model_id";

fn version_row(r: &Row<'_>) -> rusqlite::Result<ModelVersionRow> {
    Ok(ModelVersionRow {
        id: r.get(0)?,
        model_id: r.get(1)?,
        model_key: r.get(2)?,
        version: r.get(3)?,
        content_hash: r.get(4)?,
        note: r.get(5)?,
        created_at: r.get(6)?,
    })
}

fn version_with_json(r: &Row<'_>) -> rusqlite::Result<ModelVersion> {
    Ok(ModelVersion {
        row: version_row(r)?,
        model_name: r.get(7)?,
        json: r.get(8)?,
    })
}

fn find_model(c: &Connection, id_or_key: &str) -> rusqlite::Result<Option<ModelRow>> {
    let by_id = id_or_key.parse::<i64>().ok();
    c.query_row(
        &format!("{MODEL_ROW_SQL} WHERE m.key = ?1 OR m.id = ?2 GROUP BY m.id ORDER BY m.key = ?1 DESC LIMIT 1"),
        params![id_or_key, by_id],
        model_row,
    )
    .optional()
}

impl Store {
    /// Imports a model: creates the model with key [`slugify`]`(key_hint)` (a name or a
    /// file stem) and display name `name`, or, if a model with that key exists, saves
    /// `json_text` as its next version (as [`Store::save_model_version`] does, and renames
    /// the model to `name` when a version is created).
    ///
    /// `json_text` must be JSON (it is not validated as a model here: that is the engine's
    /// job) and is stored exactly as given.
    pub fn import_model(
        &self,
        key_hint: &str,
        name: &str,
        json_text: &str,
        note: Option<&str>,
    ) -> Result<ModelVersionRef> {
        self.with_write(|tx| import_tx(tx, key_hint, name, json_text, note))
    }

    /// Saves `json_text` as the next version of model `model_id`. Versions are immutable; if
    /// the content (see [`ModelVersionRow::content_hash`]) equals the newest version, that
    /// version is returned with `created == false` and nothing is written. Content equal to
    /// an older version makes a new version (history is kept as it happened).
    pub fn save_model_version(
        &self,
        model_id: i64,
        json_text: &str,
        note: Option<&str>,
    ) -> Result<ModelVersionRef> {
        self.with_write(|tx| {
            let value = parse_model(json_text)?;
            save_tx(tx, model_id, json_text, &value, note)
        })
    }

    /// Every model with a summary of its versions, ordered by key.
    pub fn list_models(&self) -> Result<Vec<ModelRow>> {
        self.with_read(|c| {
            let mut stmt = c.prepare(&format!("{MODEL_ROW_SQL} GROUP BY m.id ORDER BY m.key"))?;
            let rows = stmt.query_map([], model_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// The model whose key is `id_or_key`, or else whose id it is (keys are never all
    /// digits, so `"3"` means id 3). [`StoreError::NotFound`] if none.
    pub fn get_model(&self, id_or_key: &str) -> Result<ModelRow> {
        self.with_read(|c| {
            find_model(c, id_or_key)?.ok_or_else(|| {
                Fail::Store(StoreError::NotFound {
                    what: "model",
                    id: id_or_key.to_string(),
                })
            })
        })
    }

    /// The versions of a model, oldest (version 1) first, without their JSON.
    /// [`StoreError::NotFound`] if the model does not exist.
    pub fn model_versions(&self, model_id: i64) -> Result<Vec<ModelVersionRow>> {
        self.with_read(|c| {
            let exists: bool = c.query_row(
                "SELECT EXISTS (SELECT 1 FROM models WHERE id = ?1)",
                [model_id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Fail::Store(StoreError::NotFound {
                    what: "model",
                    id: model_id.to_string(),
                }));
            }
            let mut stmt = c.prepare(&format!(
                "{VERSION_SQL} WHERE v.model_id = ?1 ORDER BY v.version"
            ))?;
            let rows = stmt.query_map([model_id], version_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Version `version` of a model with its JSON, or the newest if `version` is `None`.
    /// [`StoreError::NotFound`] if there is no such model or version.
    pub fn model_version(&self, model_id: i64, version: Option<u32>) -> Result<ModelVersion> {
        self.with_read(|c| {
            let found = match version {
                Some(v) => c
                    .query_row(
                        &format!("{VERSION_SQL} WHERE v.model_id = ?1 AND v.version = ?2"),
                        params![model_id, v],
                        version_with_json,
                    )
                    .optional()?,
                None => c
                    .query_row(
                        &format!(
                            "{VERSION_SQL} WHERE v.model_id = ?1 ORDER BY v.version DESC LIMIT 1"
                        ),
                        [model_id],
                        version_with_json,
                    )
                    .optional()?,
            };
            found.ok_or_else(|| {
                Fail::Store(StoreError::NotFound {
                    what: "model version",
                    id: match version {
                        Some(v) => format!("{v} of model {model_id}"),
                        None => format!("of model {model_id}"),
                    },
                })
            })
        })
    }

    /// A model version with its JSON by the version's database id (as in
    /// [`RunRow::model_version_id`](crate::RunRow::model_version_id)).
    pub fn model_version_by_id(&self, version_id: i64) -> Result<ModelVersion> {
        self.with_read(|c| {
            c.query_row(
                &format!("{VERSION_SQL} WHERE v.id = ?1"),
                [version_id],
                version_with_json,
            )
            .optional()?
            .ok_or_else(|| {
                Fail::Store(StoreError::NotFound {
                    what: "model version",
                    id: version_id.to_string(),
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Login & Recovery.json"), "login-recovery");
        assert_eq!(slugify("  --Bank login v2-- "), "bank-login-v2");
        assert_eq!(slugify("Connexion sécurisée"), "connexion-sécurisée");
        assert_eq!(slugify("2024"), "model-2024");
        assert_eq!(slugify("!!!"), "model");
        assert_eq!(slugify(&"a".repeat(100)).len(), 64);
    }

    #[test]
    fn hash_ignores_formatting_and_key_order() {
        let a: serde_json::Value =
            serde_json::from_str(r#"{"b": 1, "a": [1, {"y": 2, "x": "s"}]}"#).expect("a");
        let b: serde_json::Value =
            serde_json::from_str(r#"{"a":[1,{"x":"s","y":2}],"b":1}"#).expect("b");
        let c: serde_json::Value =
            serde_json::from_str(r#"{"a":[{"x":"s","y":2},1],"b":1}"#).expect("c");
        assert_eq!(content_hash(&a), content_hash(&b));
        assert_ne!(content_hash(&a), content_hash(&c));
        assert!(content_hash(&a).starts_with("sha256:"));
        assert_eq!(content_hash(&a).len(), 7 + 64);
    }
}
