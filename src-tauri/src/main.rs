//! The `journeylab-desktop` binary: starts the Tauri shell.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    journeylab_desktop::run();
}
