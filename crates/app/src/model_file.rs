//! Reading a model file safely: only a regular file (a FIFO would block, `/dev/zero`
//! would never end), at most [`MAX_MODEL_BYTES`], and UTF-8 — a file that is too large
//! or not UTF-8 is a problem *of the model* (an [`Issue`] with where), not an IO failure.

use std::io::Read;
use std::path::Path;

use journeylab_engine::Issue;

use crate::AppError;

/// The largest model file read: 64 MiB. The largest example is about 60 KB and a
/// 16,000-step journey about 4 MB; anything near this limit is not a hand-built model.
pub const MAX_MODEL_BYTES: u64 = 64 * 1024 * 1024;

/// The text of the model file at `path`; `Ok(Err(issue))` when the file was read but is
/// too large or not UTF-8.
pub fn read_model_text(path: &Path) -> Result<Result<String, Issue>, AppError> {
    let io = |source: std::io::Error| AppError::Io {
        path: path.display().to_string(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a folder, a device or a pipe cannot hold a model)",
        )));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_MODEL_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_MODEL_BYTES {
        return Ok(Err(Issue::error(
            "",
            format!(
                "the file is larger than {} MiB, the most a model file may be",
                MAX_MODEL_BYTES / (1024 * 1024)
            ),
        )
        .hint(
            "a model is a few kilobytes to a few megabytes of JSON; is this the right file?",
        )));
    }
    Ok(text_of(bytes))
}

/// The bytes as UTF-8 text, or where they stop being UTF-8.
pub(crate) fn text_of(bytes: Vec<u8>) -> Result<String, Issue> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = at - before.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1) + 1;
        Issue {
            line: Some(line),
            column: Some(column),
            ..Issue::error(
                "",
                format!("the file is not UTF-8 text: byte {at} (0x{:02x}) cannot start or continue a character", e.as_bytes()[at]),
            )
            .hint("save the model as UTF-8 JSON")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_utf8_names_the_byte_and_its_line() {
        let e = text_of(b"{\n  \"name\": \"caf\xe9\"\n}".to_vec()).expect_err("not UTF-8");
        assert_eq!((e.line, e.column), (Some(2), Some(15)));
        assert!(e.message.contains("byte 16 (0xe9)"), "{}", e.message);
    }

    #[test]
    fn devices_folders_and_oversized_files_are_refused_without_reading_them_whole() {
        let dir =
            std::env::temp_dir().join(format!("journeylab-model-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temporary folder");
        assert!(matches!(read_model_text(&dir), Err(AppError::Io { .. })));
        if Path::new("/dev/zero").exists() {
            let e = read_model_text(Path::new("/dev/zero")).expect_err("a device");
            assert!(e.to_string().contains("not a regular file"), "{e}");
        }
        let big = dir.join("big.json");
        let f = std::fs::File::create(&big).expect("create");
        f.set_len(MAX_MODEL_BYTES + 1).expect("sparse file"); // no disk used
        let issue = read_model_text(&big).expect("read").expect_err("too large");
        assert!(
            issue.message.contains("larger than 64 MiB"),
            "{}",
            issue.message
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
