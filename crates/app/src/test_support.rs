//! What the use-case tests share: the repository's fixtures and a throw-away workspace.

use std::path::PathBuf;

use journeylab_store::Store;
use serde_json::Value;

use crate::open_workspace;

/// The repository's `fixtures/` folder.
pub(crate) fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// The path of fixture `name` (`consumer-sign-in.json`).
pub(crate) fn fixture_path(name: &str) -> PathBuf {
    fixtures_dir().join(name)
}

/// Fixture `name` as a JSON document.
pub(crate) fn fixture_doc(name: &str) -> Value {
    let text = std::fs::read_to_string(fixture_path(name)).expect("fixture");
    serde_json::from_str(&text).expect("json")
}

/// A new workspace database in a temporary folder named after `tag` (and the process,
/// so parallel test runs do not meet); the folder is returned for clean-up.
pub(crate) fn temp_workspace(tag: &str) -> (PathBuf, Store) {
    let dir = std::env::temp_dir().join(format!("journeylab-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let store = open_workspace(Some(&dir.join("ws.db"))).expect("workspace");
    (dir, store)
}

/// Runs fixture `<key>.json` in expected mode (`iterations`, `seed`), every scenario,
/// stored under model key `key`; the run's id.
pub(crate) fn stored_expected_run(store: &Store, key: &str, iterations: u64, seed: u64) -> i64 {
    let model = crate::load_model(&fixture_path(&format!("{key}.json"))).expect("model");
    let settings = journeylab_engine::Settings {
        iterations,
        seed,
        mode: journeylab_engine::Mode::Expected,
        sampling: journeylab_engine::Sampling::Mc,
        threads: None,
    };
    crate::run_and_store(store, key, &model, &settings, None, None)
        .expect("run")
        .0
}
