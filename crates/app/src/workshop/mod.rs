//! Workshops (issue 15): a facilitator's agenda of a model — journeys shown, scenarios
//! compared, a gate's thresholds explored, an elicitation round, a decision, notes —
//! with what the room said and saw captured per item, stored whole in the workspace so
//! that a workshop resumes at its item after the app is closed. The summary (one HTML
//! file) is in `summary.rs`.

mod summary;

use journeylab_engine::evidence::{Family, Judgement};
use journeylab_store::{Store, WorkshopRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::AppError;
pub use summary::{export_workshop_summary, workshop_summary};

/// The longest time box an item may have, in minutes (a working day).
pub const MAX_MINUTES: u32 = 480;

/// A workshop of one model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Workshop {
    /// Its id in the workspace (`None` until first saved).
    pub id: Option<i64>,
    /// The model's key in the workspace.
    pub model_key: String,
    /// The model file it was prepared on.
    pub model_path: String,
    /// Its name.
    pub name: String,
    /// The agenda, in order.
    pub items: Vec<WorkshopItem>,
    /// The item shown (an index into `items`).
    pub current: usize,
    /// When it was started (UTC, ISO 8601).
    pub started_at: Option<String>,
    /// When it was ended (UTC, ISO 8601).
    pub ended_at: Option<String>,
}

/// One agenda item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkshopItem {
    /// As the room sees it.
    pub title: String,
    /// Its time box.
    pub minutes: u32,
    /// What it shows.
    pub what: ItemKind,
    /// The presenter's notes (never shown to the audience).
    #[serde(default)]
    pub notes: String,
    /// Open questions parked during the item.
    #[serde(default)]
    pub parking: Vec<Captured>,
    /// What the room saw: the numbers of each view, with their seed or run.
    #[serde(default)]
    pub shown: Vec<Captured>,
    /// An elicitation round's judgements, in the order given.
    #[serde(default)]
    pub judgements: Vec<Judgement>,
    /// Whether the judgements were revealed to the room.
    #[serde(default)]
    pub revealed: bool,
    /// Seconds spent on the item so far (the presenter's timer).
    #[serde(default)]
    pub elapsed_seconds: u32,
}

impl WorkshopItem {
    /// A new item: nothing noted, shown or timed yet.
    pub fn new(title: &str, minutes: u32, what: ItemKind) -> Self {
        WorkshopItem {
            title: title.into(),
            minutes,
            what,
            notes: String::new(),
            parking: Vec::new(),
            shown: Vec::new(),
            judgements: Vec::new(),
            revealed: false,
            elapsed_seconds: 0,
        }
    }
}

/// Something captured during an item, with when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Captured {
    /// UTC, ISO 8601.
    pub at: String,
    /// What it says.
    pub text: String,
}

/// What an item shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemKind {
    /// A journey, with a population's flow when one is named.
    Journey {
        /// Journey id.
        journey: String,
        /// Population id whose flow is drawn.
        population: Option<String>,
    },
    /// The scenarios of a stored run against its baseline.
    Compare {
        /// The run (the newest run of the model when `None`).
        run_id: Option<i64>,
    },
    /// A risk gate's thresholds, explored live.
    Thresholds {
        /// Journey id.
        journey: String,
        /// The risk gate's step id.
        step: String,
    },
    /// An elicitation round.
    Elicit {
        /// The quantity's slash path.
        path: String,
        /// The family the judgements are fitted in.
        family: Family,
    },
    /// The decision on a scenario (the decision log's record).
    Decision {
        /// Scenario id.
        scenario: String,
    },
    /// Free notes for the room.
    Notes {
        /// What the room reads.
        text: String,
    },
}

/// A stored workshop in a list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WorkshopSummary {
    /// Its id.
    pub id: i64,
    /// The model's key.
    pub model_key: String,
    /// Its name.
    pub name: String,
    /// How many items.
    pub items: usize,
    /// The item it resumes at (1-based).
    pub current: usize,
    /// That item's title.
    pub current_title: Option<String>,
    /// Started.
    pub started: bool,
    /// Ended.
    pub ended: bool,
    /// Last saved (UTC, ISO 8601).
    pub updated_at: String,
}

/// Every problem of a workshop, one per line with where it is; `Ok` when it can be saved.
pub fn check_workshop(w: &Workshop) -> Result<(), AppError> {
    let mut problems = Vec::new();
    if w.name.trim().is_empty() {
        problems.push("the workshop needs a name".to_string());
    }
    if w.model_key.trim().is_empty() {
        problems.push("the workshop names no model".to_string());
    }
    if !w.items.is_empty() && w.current >= w.items.len() {
        problems.push(format!(
            "current item {} is past the last item ({})",
            w.current + 1,
            w.items.len()
        ));
    }
    for (i, item) in w.items.iter().enumerate() {
        let at = format!("item {} ({})", i + 1, item.title);
        if item.title.trim().is_empty() {
            problems.push(format!("item {}: needs a title", i + 1));
        }
        if item.minutes == 0 || item.minutes > MAX_MINUTES {
            problems.push(format!(
                "{at}: a time box of {} minutes (1 to {MAX_MINUTES})",
                item.minutes
            ));
        }
        let empty = |field: &str, v: &str| {
            v.trim()
                .is_empty()
                .then(|| format!("{at}: {field} is empty"))
        };
        problems.extend(match &item.what {
            ItemKind::Journey { journey, .. } => empty("journey", journey),
            ItemKind::Thresholds { journey, step } => {
                empty("journey", journey).or_else(|| empty("risk gate", step))
            }
            ItemKind::Elicit { path, .. } => empty("quantity path", path),
            ItemKind::Decision { scenario } => empty("scenario", scenario),
            ItemKind::Compare { .. } | ItemKind::Notes { .. } => None,
        });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AppError::InvalidInput {
            message: problems.join("\n"),
        })
    }
}

/// Saves `w` (checked first) and returns it with its id.
pub fn save_workshop(store: &Store, mut w: Workshop) -> Result<Workshop, AppError> {
    check_workshop(&w)?;
    let json = serde_json::to_string(&w).map_err(|e| AppError::InvalidInput {
        message: e.to_string(),
    })?;
    let id = store.save_workshop(w.id, &w.model_key, &w.name, &json)?;
    w.id = Some(id);
    Ok(w)
}

/// Workshop `id` as stored.
pub fn load_workshop(store: &Store, id: i64) -> Result<Workshop, AppError> {
    parse_row(&store.workshop(id)?)
}

fn parse_row(row: &WorkshopRow) -> Result<Workshop, AppError> {
    let mut w: Workshop = serde_json::from_str(&row.json).map_err(|e| AppError::Store {
        message: format!("workshop {} is unreadable: {e}", row.id),
    })?;
    w.id = Some(row.id);
    Ok(w)
}

/// The workshops of model `model_key` (all when `None`), newest first; an unreadable one
/// is listed with its name and no items rather than hiding the others.
pub fn list_workshops(
    store: &Store,
    model_key: Option<&str>,
) -> Result<Vec<WorkshopSummary>, AppError> {
    Ok(store
        .workshops(model_key)?
        .iter()
        .map(|row| {
            let w = parse_row(row).ok();
            WorkshopSummary {
                id: row.id,
                model_key: row.model_key.clone(),
                name: row.name.clone(),
                items: w.as_ref().map_or(0, |w| w.items.len()),
                current: w.as_ref().map_or(0, |w| w.current + 1),
                current_title: w
                    .as_ref()
                    .and_then(|w| w.items.get(w.current))
                    .map(|i| i.title.clone()),
                started: w.as_ref().is_some_and(|w| w.started_at.is_some()),
                ended: w.as_ref().is_some_and(|w| w.ended_at.is_some()),
                updated_at: row.updated_at.clone(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests;
