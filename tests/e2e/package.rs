//! The installable package (issue 17): the `.deb` that `scripts/package.sh` builds,
//! unpacked into a scratch root by `scripts/package-smoke.sh`, starts under Xvfb and shows
//! the start screen with the examples it carries — read from the package's own
//! `usr/lib/Journey Lab/fixtures`, not from the repository.
//!
//! Registered only when `JOURNEYLAB_E2E_PACKAGE_ROOT` names that scratch root (the smoke
//! script sets it); the app under test is then `<root>/usr/bin/journeylab-desktop`.

use std::path::PathBuf;

use crate::harness::{App, Ctx, TestResult};

/// The scratch root the package was unpacked into, when this run tests it.
pub fn package_root() -> Option<PathBuf> {
    std::env::var_os("JOURNEYLAB_E2E_PACKAGE_ROOT").map(PathBuf::from)
}

/// The installed binary starts and lists every example the package carries, from there.
pub async fn installed_app_shows_the_bundled_examples(ctx: &mut Ctx) -> TestResult {
    let root = package_root().ok_or("JOURNEYLAB_E2E_PACKAGE_ROOT is not set")?;
    let bundled = root.join("usr/lib/Journey Lab/fixtures");
    let mut files: Vec<String> = std::fs::read_dir(&bundled)
        .map_err(|e| format!("{}: {e}", bundled.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    ensure_eq!(files.is_empty(), false, "the package carries the examples");

    let app = ctx.app().await?;
    let root_el = app.by_testid("app").await?;
    ensure_eq!(
        root_el.attr("data-backend").await?.as_deref(),
        Some("tauri")
    );
    app.by_testid("start-screen").await?;
    let list = app.by_testid("example-list").await?;
    let items = app.all_within(&list, "example-item").await?;
    ensure_eq!(App::attrs(&items, "data-file").await?, files);
    let canonical = bundled.canonicalize()?;
    for path in App::attrs(&items, "data-path").await? {
        ensure_eq!(
            PathBuf::from(&path).starts_with(&canonical),
            true,
            "{path} is read from the package, not the repository"
        );
    }
    app.screenshot(&crate::steps::screenshots_dir()?.join("installed-start-screen.png"))
        .await?;
    Ok(())
}
