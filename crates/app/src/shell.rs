//! What a long-lived front end (the desktop shell) keeps between commands: the opened
//! workspace, the cancel flags of runs in progress and the threshold explorer's curves.
//! It knows nothing of Tauri: the shell puts one `Shell` in its managed state and every
//! IPC command runs against it (see [`crate::ipc`]).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use journeylab_store::Store;

use crate::explorer::CurveCache;
use crate::{examples_dir, open_workspace, AppError};

/// The state of one running app.
#[derive(Debug)]
pub struct Shell {
    store: Result<Store, String>,
    running: Mutex<Vec<Arc<AtomicBool>>>,
    pub(crate) curves: CurveCache,
    pub(crate) examples: PathBuf,
    pub(crate) recent_files: Option<PathBuf>,
}

impl Shell {
    /// Opens the local workspace (`$JOURNEYLAB_DB` or the platform data directory, seeded
    /// with the examples). A failure is kept: every command that needs the workspace
    /// returns it, the others still work.
    pub fn open() -> Shell {
        let store = open_workspace(None).map_err(|e| e.to_string());
        Shell {
            store,
            running: Mutex::new(Vec::new()),
            curves: CurveCache::default(),
            examples: examples_dir(),
            recent_files: crate::recent_files_path().ok(),
        }
    }

    /// A shell on an opened workspace, with the examples in `examples` and the
    /// recent-files list in `recent_files` (tests, other front ends).
    pub fn with_store(store: Store, examples: PathBuf, recent_files: Option<PathBuf>) -> Shell {
        Shell {
            store: Ok(store),
            running: Mutex::new(Vec::new()),
            curves: CurveCache::default(),
            examples,
            recent_files,
        }
    }

    /// The workspace, or why it could not be opened.
    pub fn store(&self) -> Result<&Store, AppError> {
        self.store.as_ref().map_err(|message| AppError::Store {
            message: format!("the local workspace could not be opened: {message}"),
        })
    }

    /// Registers a run in progress; its flag is set by [`Shell::cancel_runs`]. The
    /// returned guard unregisters it when dropped.
    pub(crate) fn start_run(&self) -> RunningGuard<'_> {
        let flag = Arc::new(AtomicBool::new(false));
        if let Ok(mut running) = self.running.lock() {
            running.push(flag.clone());
        }
        RunningGuard { shell: self, flag }
    }

    /// Asks every run in progress to stop (the engine checks every 256 iterations);
    /// returns how many were asked.
    pub fn cancel_runs(&self) -> usize {
        match self.running.lock() {
            Ok(running) => {
                for flag in running.iter() {
                    flag.store(true, Ordering::Relaxed);
                }
                running.len()
            }
            Err(_) => 0,
        }
    }
}

/// A run in progress, registered with its [`Shell`] until dropped.
#[derive(Debug)]
pub(crate) struct RunningGuard<'a> {
    shell: &'a Shell,
    pub(crate) flag: Arc<AtomicBool>,
}

impl Drop for RunningGuard<'_> {
    fn drop(&mut self) {
        if let Ok(mut running) = self.shell.running.lock() {
            running.retain(|f| !Arc::ptr_eq(f, &self.flag));
        }
    }
}
