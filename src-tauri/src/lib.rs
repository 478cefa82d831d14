//! The Journey Lab desktop shell: the only Rust code that knows Tauri.
//!
//! It builds the window from the root `tauri.conf.json` and exposes the use cases of
//! `journeylab-app` as IPC commands. Commands are thin: they turn IPC arguments into a
//! call to one use-case function and its error into an [`ErrorPayload`] (`{code, message}`),
//! so the UI can branch on the code. No domain logic lives here.
#![deny(missing_docs)]

pub mod analysis;
pub mod commands;
pub mod editor;
pub mod explorer;
pub mod runs;

pub use journeylab_app::ErrorPayload;

/// Starts the desktop app and blocks until its last window closes.
///
/// # Panics
///
/// If the Tauri runtime cannot start (for example, no display is available).
pub fn run() {
    builder()
        .run(tauri::generate_context!())
        .expect("Journey Lab could not start its window");
}

/// The Tauri builder with every command registered (also used by tests).
pub fn builder() -> tauri::Builder<tauri::Wry> {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            use tauri::Manager;
            app.manage(runs::Workspace::open());
            app.manage(explorer::Curves::default());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_examples,
            commands::open_model,
            editor::validate_document,
            editor::save_model_file,
            editor::model_history,
            editor::model_version_text,
            editor::recent_files,
            editor::record_recent_file,
            editor::what_if,
            explorer::explore_gate,
            analysis::run_sensitivity,
            analysis::run_precision,
            runs::start_run,
            runs::cancel_run,
            runs::list_runs,
            runs::run_dashboard,
            runs::run_chart,
            runs::compare_runs,
            runs::delete_run,
            runs::export_run,
            runs::run_flows,
        ])
}
