//! The one way Journey Lab writes a file people keep (a model, an export, a chart, the
//! recent-files list): whole or not at all.

use std::io::Write;
use std::path::Path;

use crate::AppError;

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it
/// over `path`: a reader never sees half a file, and a crash or a full disk leaves the
/// old file intact (the temporary file is removed on failure). A file replaced keeps its
/// permissions (a 0600 file stays 0600); a new one gets the process's default.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let kept = std::fs::metadata(path).ok().map(|m| m.permissions());
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        if let Some(p) = kept {
            file.set_permissions(p)?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// [`write_atomically`] with the error as an [`AppError::Io`] naming the file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    write_atomically(path, bytes).map_err(|source| AppError::Io {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_leaves_no_temporary_file_behind() {
        let dir = std::env::temp_dir().join(format!("journeylab-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok();
        let path = dir.join("out.txt");
        write_file(&path, b"first").expect("write");
        write_file(&path, b"second").expect("overwrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let names: Vec<String> = std::fs::read_dir(&dir)
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        assert_eq!(names, ["out.txt"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let private = dir.join("private.json");
            write_file(&private, b"v1").expect("write");
            std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600))
                .expect("chmod");
            write_file(&private, b"v2").expect("overwrite");
            let mode = std::fs::metadata(&private)
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(
                mode & 0o777,
                0o600,
                "replacing a file keeps its permissions"
            );
            std::fs::remove_file(&private).ok();
        }
        let missing = dir.join("no-such-folder").join("x.txt");
        let err = write_file(&missing, b"x").expect_err("no folder");
        assert!(err.to_string().contains("no-such-folder"));
        std::fs::remove_dir_all(&dir).ok();
    }
}
