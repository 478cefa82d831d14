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
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/*.json");
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
