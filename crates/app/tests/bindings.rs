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
