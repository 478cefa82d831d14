//! The Journey Lab desktop shell: the only Rust code that knows Tauri.
//!
//! It builds the window from the root `tauri.conf.json` and registers every command of
//! the app's IPC contract (`journeylab_app::ipc`) as a Tauri command, without knowing
//! what any of them does: each one takes its argument object, runs the command against
//! the app's [`Shell`] on a blocking worker, forwards its events to an optional
//! [`Channel`], and turns an error into an [`ErrorPayload`] (`{code, message}`) the UI
//! can branch on. No domain logic lives here.
#![deny(missing_docs)]

use std::sync::Arc;

use journeylab_app::ipc::{self, Command};
use journeylab_app::{AppError, Shell};
use tauri::ipc::Channel;
use tauri::State;

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

/// Runs `work` on Tauri's blocking pool and converts its error for IPC.
async fn blocking<T, F>(work: F) -> Result<T, ErrorPayload>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, AppError> + Send + 'static,
{
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result.map_err(|e| ErrorPayload::from(&e)),
        Err(join) => Err(ErrorPayload {
            code: "internal".into(),
            message: join.to_string(),
        }),
    }
}

/// Byte equality of two strings in a constant context (the check that each Tauri
/// command is named as its contract says).
const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// One Tauri command: its function's name is the command name the UI invokes, checked at
/// compile time against [`Command::NAME`]. A command `with events` takes a [`Channel`]
/// (`onEvent`) for them.
macro_rules! tauri_command {
    ($name:ident, $ty:ident) => {
        #[tauri::command]
        async fn $name(
            shell: State<'_, Arc<Shell>>,
            args: <ipc::$ty as Command>::Args,
        ) -> Result<<ipc::$ty as Command>::Output, ErrorPayload> {
            let shell = shell.inner().clone();
            blocking(move || <ipc::$ty as Command>::run(&shell, args, &|_| {})).await
        }
        tauri_command!(@name_check $name, $ty);
    };
    ($name:ident, $ty:ident, events) => {
        #[tauri::command]
        async fn $name(
            shell: State<'_, Arc<Shell>>,
            args: <ipc::$ty as Command>::Args,
            on_event: Channel<<ipc::$ty as Command>::Event>,
        ) -> Result<<ipc::$ty as Command>::Output, ErrorPayload> {
            let shell = shell.inner().clone();
            blocking(move || {
                let emit = |event| {
                    // A closed window just stops listening.
                    let _ = on_event.send(event);
                };
                <ipc::$ty as Command>::run(&shell, args, &emit)
            })
            .await
        }
        tauri_command!(@name_check $name, $ty);
    };
    (@name_check $name:ident, $ty:ident) => {
        const _: () = assert!(
            same_name(stringify!($name), <ipc::$ty as Command>::NAME),
            concat!("the Tauri command `", stringify!($name), "` is not named as its contract says")
        );
    };
}

/// Every command of the contract (the list is `journeylab_app::for_each_command`) as a
/// Tauri command, the invoke handler, and their names.
macro_rules! register_commands {
    ($($name:ident => $ty:ident $(with $ev:ident)?),* $(,)?) => {
        /// The Tauri commands, generated from the app's IPC contract.
        mod commands {
            use super::*;

            $( tauri_command!($name, $ty $(, $ev)?); )*

            /// The invoke handler with every command.
            pub(super) fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
                tauri::generate_handler![$($name),*]
            }
        }

        /// The names of the registered commands, in registration order.
        pub const REGISTERED_COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

journeylab_app::for_each_command!(register_commands);

/// The Tauri builder with the app's state and every command registered (also used by
/// tests).
pub fn builder() -> tauri::Builder<tauri::Wry> {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            use tauri::Manager;
            use_bundled_examples(app.path().resource_dir().ok());
            app.manage(Arc::new(Shell::open()));
            Ok(())
        })
        .invoke_handler(commands::handler())
}

/// An installed app carries its example models as a resource (`<resources>/fixtures`,
/// e.g. `/usr/lib/Journey Lab/fixtures`): use them unless `JOURNEYLAB_EXAMPLES` says
/// otherwise. A build run from the repository has none beside it and keeps reading the
/// repository's `fixtures/` (the app crate's default).
fn use_bundled_examples(resources: Option<std::path::PathBuf>) {
    if std::env::var_os("JOURNEYLAB_EXAMPLES").is_some() {
        return;
    }
    if let Some(bundled) = resources.map(|r| r.join("fixtures")).filter(|d| d.is_dir()) {
        // Before any other thread starts (setup runs first) and before the workspace is
        // seeded from the examples.
        std::env::set_var("JOURNEYLAB_EXAMPLES", bundled);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contract_command_is_registered_once() {
        assert_eq!(REGISTERED_COMMANDS, ipc::command_names().as_slice());
    }
}
