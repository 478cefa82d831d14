//! `journeylab workshops …`: the workshops a facilitator prepared in the app, listed and
//! exported (the summary HTML and its decision packs) from a terminal, on the same
//! workspace.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use journeylab_app::{export_workshop_summary, list_workshops, model_key, open_workspace};

use crate::{app_failure, outln, Failure};

#[derive(Subcommand, Debug)]
pub enum WorkshopsCommand {
    /// Every workshop (of one model): id, name, items, where it resumes.
    List {
        /// Model key (or a model file: its stem).
        #[arg(long)]
        model: Option<String>,
    },
    /// Write a workshop's summary (one self-contained HTML file) and, beside it, the
    /// decision pack of each decision item.
    Export {
        /// The workshop's id (see `list`).
        id: i64,
        /// The HTML file.
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn workshops(cmd: WorkshopsCommand, db: Option<&Path>) -> Result<(), Failure> {
    let store = open_workspace(db).map_err(app_failure)?;
    match cmd {
        WorkshopsCommand::List { model } => {
            let key = model.map(|m| {
                if m.ends_with(".json") {
                    journeylab_app::store::slugify(&model_key(Path::new(&m)))
                } else {
                    m
                }
            });
            let list = list_workshops(&store, key.as_deref()).map_err(app_failure)?;
            if list.is_empty() {
                outln!("No workshop.");
            }
            for w in list {
                let state = if w.ended {
                    "ended".to_string()
                } else if w.started {
                    format!(
                        "resumes at item {}: {}",
                        w.current,
                        w.current_title.unwrap_or_default()
                    )
                } else {
                    "not started".to_string()
                };
                outln!(
                    "{:>4}  {}  ({}, {} items, {state}; saved {})",
                    w.id,
                    w.name,
                    w.model_key,
                    w.items,
                    w.updated_at
                );
            }
        }
        WorkshopsCommand::Export { id, out } => {
            let files = export_workshop_summary(&store, id, &out).map_err(app_failure)?;
            for f in files {
                outln!("wrote {}", f.display());
            }
        }
    }
    Ok(())
}
