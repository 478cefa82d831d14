//! The UI's generated contract (`ui/src/ipc/gen/`) must equal what the Rust types
//! generate today: a Rust IPC type, command, vocabulary word or formatting rule that
//! changes without regenerating fails here. `JOURNEYLAB_BLESS=1` rewrites the folder
//! (and removes files no longer generated); look at the diff before committing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use journeylab_app::bindings::{generate, repository_root, GENERATED_DIR};

fn committed(dir: &Path) -> BTreeMap<PathBuf, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if let (Ok(text), Ok(rel)) =
                (std::fs::read_to_string(&path), path.strip_prefix(root))
            {
                out.insert(rel.to_path_buf(), text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn generated_bindings_are_up_to_date() {
    let fresh = generate().expect("bindings generate");
    let dir = repository_root().join(GENERATED_DIR);
    if std::env::var("JOURNEYLAB_BLESS").is_ok_and(|v| v == "1") {
        std::fs::remove_dir_all(&dir).ok();
        for (rel, text) in &fresh {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("folder");
            }
            std::fs::write(&path, text).expect("write binding");
        }
        return;
    }
    let old = committed(&dir);
    let stale: Vec<String> = fresh
        .iter()
        .filter(|(rel, text)| old.get(*rel) != Some(*text))
        .map(|(rel, _)| format!("changed or new: {}", rel.display()))
        .chain(
            old.keys()
                .filter(|rel| !fresh.contains_key(*rel))
                .map(|rel| format!("no longer generated: {}", rel.display())),
        )
        .collect();
    assert!(
        stale.is_empty(),
        "{GENERATED_DIR} is stale:\n  {}\nregenerate with JOURNEYLAB_BLESS=1 cargo test -p journeylab-app --test bindings",
        stale.join("\n  ")
    );
}

#[test]
fn every_command_is_in_the_generated_table() {
    let fresh = generate().expect("bindings generate");
    let table = &fresh[Path::new("commands.ts")];
    for name in journeylab_app::ipc::command_names() {
        assert!(table.contains(&format!("  {name}: {{ args:")), "{name}");
        assert!(table.contains(&format!("  \"{name}\",")), "{name}");
    }
}

/// Least privilege (issue 17): every IPC command is a Tauri permission (listed in
/// `src-tauri/commands.txt`, which build.rs turns into `allow-<command>`), and the main
/// window's capability grants exactly the commands the UI's Tauri binding calls — no
/// command exists without a permission entry, and none is granted that the UI never uses.
#[test]
fn every_command_is_a_permission_and_the_window_grants_exactly_what_the_ui_calls() {
    let root = repository_root();
    let listed: Vec<String> = std::fs::read_to_string(root.join("src-tauri/commands.txt"))
        .expect("src-tauri/commands.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let contract: Vec<String> = journeylab_app::ipc::command_names()
        .into_iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        listed, contract,
        "src-tauri/commands.txt lists every IPC command, in order"
    );

    let capability: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("src-tauri/capabilities/default.json"))
            .expect("capability"),
    )
    .expect("capability JSON");
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    granted.sort();

    let binding = std::fs::read_to_string(root.join("ui/src/ipc/tauri.ts")).expect("tauri.ts");
    let mut called: Vec<String> = binding
        .split("call(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect();
    called.sort();
    called.dedup();
    assert_eq!(
        granted, called,
        "the window is granted exactly the commands the UI calls"
    );
    let mut contract_sorted = contract.clone();
    contract_sorted.sort();
    for c in &called {
        assert!(
            contract_sorted.contains(c),
            "the UI calls `{c}`, which is no IPC command"
        );
    }
}
