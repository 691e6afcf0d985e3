//! What an index folder holds: nothing yet, an undex index, or something else that must never be touched.

use std::path::Path;

use crate::error::{Error, Result};

/// The state of an index folder.
#[derive(Debug, PartialEq, Eq)]
pub enum FolderState {
    /// No folder, an empty one, or one holding only its `README.md`.
    Empty,
    /// A tantivy index (its `meta.json` is there).
    Index,
}

/// Names tantivy and undex write into an index folder.
fn is_index_file(name: &str) -> bool {
    const FIXED: [&str; 6] = [
        "README.md",
        "meta.json",
        ".managed.json",
        ".tantivy-writer.lock",
        ".tantivy-meta.lock",
        crate::index::lock::LOCK_FILE,
    ];
    if FIXED.contains(&name) || name.starts_with(".tmp") {
        return true;
    }
    // Segment files: a 32-hex-digit segment id, then `.ext` (or `.N.del`).
    let (stem, _) = name.split_once('.').unwrap_or((name, ""));
    stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Looks at `dir` without changing anything, and refuses a folder that holds
/// files an undex index never has, so that `--index ~/thesis` cannot destroy a thesis.
pub fn inspect(dir: &Path) -> Result<FolderState> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FolderState::Empty),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            return Err(Error::NotAFolder {
                path: dir.to_path_buf(),
            });
        }
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut foreign = Vec::new();
    let mut has_meta = false;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "meta.json" {
            has_meta = true;
        }
        if !is_index_file(&name) || entry.file_type().is_ok_and(|t| t.is_dir()) {
            foreign.push(name);
        }
    }
    if !foreign.is_empty() {
        foreign.sort();
        return Err(Error::ForeignFolder {
            dir: dir.to_path_buf(),
            files: foreign,
        });
    }
    Ok(if has_meta {
        FolderState::Index
    } else {
        FolderState::Empty
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_an_index_may_hold() {
        assert!(is_index_file("meta.json"));
        assert!(is_index_file("0123456789abcdef0123456789abcdef.idx"));
        assert!(is_index_file("0123456789abcdef0123456789abcdef.12.del"));
        assert!(!is_index_file("thesis.docx"));
        assert!(!is_index_file("notes.txt"));
    }
}
