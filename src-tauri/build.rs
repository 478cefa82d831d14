//! Build script of the desktop shell. The Tauri config lives at the repository root (the
//! folder of this package's Cargo.toml), so tauri-build finds it by default; only the
//! capabilities live apart, under `src-tauri/capabilities/`.

fn main() {
    // The bundled UI is embedded at compile time: rebuild when `npm run build` changes it.
    println!("cargo:rerun-if-changed=ui/dist");
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    if !std::path::Path::new("ui/dist/index.html").exists() {
        panic!(
            "ui/dist/index.html is missing: build the UI first \
             (`cd ui && npm ci && npm run build`, or run scripts/launch.sh / scripts/test.sh)"
        );
    }
    // Least privilege: every IPC command becomes a permission (`allow-<command>`), and only
    // what a capability grants can be called from a window.
    println!("cargo:rerun-if-changed=src-tauri/commands.txt");
    let listed = std::fs::read_to_string("src-tauri/commands.txt")
        .unwrap_or_else(|e| panic!("src-tauri/commands.txt: {e}"));
    let commands: Vec<&'static str> = listed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| &*Box::leak(l.to_string().into_boxed_str()))
        .collect();
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(
            tauri_build::AppManifest::new().commands(Box::leak(commands.into_boxed_slice())),
        );
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
