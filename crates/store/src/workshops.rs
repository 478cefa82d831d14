//! Workshops: a facilitator's agenda of a model with everything captured in the room,
//! stored whole as JSON (the app owns its shape) so that closing the app mid-workshop
//! and reopening it resumes at the same item with nothing lost. Each save is one
//! transaction; the row keeps its id across saves.

use rusqlite::{params, OptionalExtension};

use crate::{Fail, Result, Store, StoreError};

/// One stored workshop.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopRow {
    /// Its id.
    pub id: i64,
    /// The key of the model it is about.
    pub model_key: String,
    /// Its name.
    pub name: String,
    /// The workshop as the app wrote it.
    pub json: String,
    /// When it was created (UTC, ISO 8601).
    pub created_at: String,
    /// When it was last saved (UTC, ISO 8601).
    pub updated_at: String,
}

impl Store {
    /// Saves a workshop: a new row when `id` is `None`, else replaces that row's content.
    /// Returns its id.
    pub fn save_workshop(
        &self,
        id: Option<i64>,
        model_key: &str,
        name: &str,
        json: &str,
    ) -> Result<i64> {
        self.with_write(|tx| match id {
            None => {
                tx.execute(
                    "INSERT INTO workshops (model_key, name, json) VALUES (?1, ?2, ?3)",
                    params![model_key, name, json],
                )?;
                Ok(tx.last_insert_rowid())
            }
            Some(id) => {
                let changed = tx.execute(
                    "UPDATE workshops SET model_key = ?2, name = ?3, json = ?4,
                     updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
                    params![id, model_key, name, json],
                )?;
                if changed == 0 {
                    return Err(Fail::Store(StoreError::NotFound {
                        what: "workshop",
                        id: id.to_string(),
                    }));
                }
                Ok(id)
            }
        })
    }

    /// Workshop `id`.
    pub fn workshop(&self, id: i64) -> Result<WorkshopRow> {
        self.with_read(|c| {
            c.query_row(
                "SELECT id, model_key, name, json, created_at, updated_at FROM workshops
                 WHERE id = ?1",
                [id],
                row,
            )
            .optional()?
            .ok_or_else(|| {
                Fail::Store(StoreError::NotFound {
                    what: "workshop",
                    id: id.to_string(),
                })
            })
        })
    }

    /// The workshops of model `model_key` (of every model when `None`), newest first.
    pub fn workshops(&self, model_key: Option<&str>) -> Result<Vec<WorkshopRow>> {
        self.with_read(|c| {
            let mut stmt = c.prepare(
                "SELECT id, model_key, name, json, created_at, updated_at FROM workshops
                 WHERE ?1 IS NULL OR model_key = ?1 ORDER BY updated_at DESC, id DESC",
            )?;
            let rows = stmt.query_map([model_key], row)?;
            Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
        })
    }

    /// Deletes workshop `id` (the decisions it recorded stay in the decision log).
    pub fn delete_workshop(&self, id: i64) -> Result<()> {
        self.with_write(|tx| {
            if tx.execute("DELETE FROM workshops WHERE id = ?1", [id])? == 0 {
                return Err(Fail::Store(StoreError::NotFound {
                    what: "workshop",
                    id: id.to_string(),
                }));
            }
            Ok(())
        })
    }
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<WorkshopRow> {
    Ok(WorkshopRow {
        id: r.get(0)?,
        model_key: r.get(1)?,
        name: r.get(2)?,
        json: r.get(3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
    })
}
