//! Opening an index: what a folder holds decides between an index, a typed refusal, and (for a search) a first build.

use std::path::Path;

use super::{
    BuildOptions, DEFAULT_CORPUS, DEFAULT_INDEX, Fields, FolderState, Index, IndexInfo, Notice,
    SCHEMA_VERSION, build_from, corpus_key, folder, folder_error, lock, read_info, readonly,
};
use crate::error::{Error, Result};

/// Refuses an index of another schema version than this undex reads.
pub(super) fn check_version(dir: &Path, info: &IndexInfo) -> Result<()> {
    if info.schema_version == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(Error::SchemaVersion {
            dir: dir.to_path_buf(),
            found: info.schema_version,
            expected: SCHEMA_VERSION,
        })
    }
}

impl Index {
    /// Opens the index in `dir` for searching.
    pub fn open(dir: &Path) -> Result<Index> {
        match folder::inspect(dir)? {
            FolderState::Empty => {
                return Err(Error::NoIndex {
                    dir: dir.to_path_buf(),
                });
            }
            FolderState::Index => {}
        }
        let directory = readonly::SearchDirectory::open(dir).map_err(|e| folder_error(dir, e))?;
        let index = tantivy::Index::open(directory).map_err(|e| Error::ForeignIndex {
            dir: dir.to_path_buf(),
            unreadable: Some(e),
        })?;
        let info = match read_info(&index)? {
            Some(info) => info,
            // The first build has created the index but not committed yet.
            None if lock::held(dir) => {
                return Err(Error::FirstBuildRunning {
                    dir: dir.to_path_buf(),
                });
            }
            None if Fields::from_schema(&index.schema()).is_ok() => {
                return Err(Error::Interrupted {
                    dir: dir.to_path_buf(),
                });
            }
            None => {
                return Err(Error::ForeignIndex {
                    dir: dir.to_path_buf(),
                    unreadable: None,
                });
            }
        };
        check_version(dir, &info)?;
        Index::ready(index, info, Some(dir.to_path_buf()))
    }
}

/// Opens the index in `dir` for a search, building it from `corpus_root`
/// first when there is none yet. Returns what the user should be told:
/// that the index was built (with the build's warnings), or that the corpus
/// changed since it was, or cannot be read.
///
/// An index is built on first use only in a folder that exists (and is
/// empty), or at [`DEFAULT_INDEX`] when its parent exists: a mistyped
/// `dir` elsewhere is an error naming it, never a new folder. A corpus
/// other than [`DEFAULT_CORPUS`] that does not exist is an error too (the
/// user named it); the default one missing beside an index is a notice.
pub fn open_or_build(corpus_root: &Path, dir: &Path) -> Result<(Index, Vec<Notice>)> {
    let mut notices = Vec::new();
    if !corpus_root.exists() && corpus_root != Path::new(DEFAULT_CORPUS) {
        return Err(Error::NoCorpus {
            path: corpus_root.to_path_buf(),
        });
    }
    if !dir.exists() && !may_create(dir) {
        return Err(Error::NoIndexFolder {
            dir: dir.to_path_buf(),
        });
    }
    if folder::inspect(dir)? == FolderState::Empty {
        notices.push(Notice::Building {
            dir: dir.to_path_buf(),
            corpus: corpus_root.to_path_buf(),
        });
        let report = build_from(corpus_root, dir, &BuildOptions::default(), &mut |_, _| {})?;
        notices.extend(report.warnings.into_iter().map(Notice::Warning));
        return Ok((Index::open(dir)?, notices));
    }
    let index = Index::open(dir)?;
    // A search checks the folders' stamps only (a few stats), not every file;
    // `None` when the corpus cannot be read.
    let changed = if index.info.stamps.is_empty() {
        crate::corpus::fingerprint(corpus_root)
            .ok()
            .map(|fp| fp != index.info.fingerprint)
    } else if corpus_root.exists() {
        Some(crate::corpus::stamps_changed(
            corpus_root,
            &index.info.stamps,
        ))
    } else {
        None
    };
    let corpus = corpus_root.to_path_buf();
    match changed {
        Some(c) if c || index.info.corpus != corpus_key(corpus_root) => {
            notices.push(Notice::CorpusChanged { corpus });
        }
        Some(_) => {}
        None => notices.push(Notice::CorpusUnreadable { corpus }),
    }
    Ok((index, notices))
}

/// Whether a search may create the index folder `dir` to build the index in
/// it: only the default place, in a folder that exists.
fn may_create(dir: &Path) -> bool {
    dir == Path::new(DEFAULT_INDEX)
        && dir
            .parent()
            .is_some_and(|p| p.as_os_str().is_empty() || p.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(root: &Path) -> std::path::PathBuf {
        let corpus = root.join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        std::fs::write(
            corpus.join("a.txt"),
            "+++\nsymbol = \"A/RES/1/1\"\n+++\n\n1. Decides to meet on a consensus basis.\n",
        )
        .unwrap();
        corpus
    }

    fn built(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
        let corpus = corpus(root);
        let dir = root.join("index");
        build_from(&corpus, &dir, &BuildOptions::default(), &mut |_, _| {}).unwrap();
        (corpus, dir)
    }

    /// Rewrites the index's meta.json as if another program (or version) wrote it.
    fn edit_meta(dir: &Path, edit: impl Fn(&mut serde_json::Value)) {
        let path = dir.join("meta.json");
        let mut meta: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        edit(&mut meta);
        std::fs::write(&path, meta.to_string()).unwrap();
    }

    fn rename_symbol_field(meta: &mut serde_json::Value) {
        for field in meta["schema"].as_array_mut().unwrap() {
            if field["name"] == "symbol" {
                field["name"] = "xsymbol".into();
            }
        }
    }

    #[test]
    fn a_folder_that_cannot_be_searched_is_refused_with_what_it_holds() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("nothing");
        assert!(matches!(Index::open(&dir), Err(Error::NoIndex { dir: d }) if d == dir));

        let file = tmp.path().join("file");
        std::fs::write(&file, "hi").unwrap();
        assert!(matches!(Index::open(&file), Err(Error::NotAFolder { .. })));

        let thesis = tmp.path().join("thesis");
        std::fs::create_dir(&thesis).unwrap();
        std::fs::write(thesis.join("b.docx"), "").unwrap();
        std::fs::write(thesis.join("a.txt"), "").unwrap();
        match Index::open(&thesis) {
            Err(Error::ForeignFolder { files, .. }) => assert_eq!(files, ["a.txt", "b.docx"]),
            other => panic!("expected a foreign folder, got {other:?}"),
        }

        let garbage = tmp.path().join("garbage");
        std::fs::create_dir(&garbage).unwrap();
        std::fs::write(garbage.join("meta.json"), "{nope").unwrap();
        assert!(matches!(
            Index::open(&garbage),
            Err(Error::ForeignIndex {
                unreadable: Some(_),
                ..
            })
        ));
    }

    #[test]
    fn an_index_undex_cannot_read_is_refused_as_what_it_is() {
        let tmp = tempfile::tempdir().unwrap();
        let (_, dir) = built(tmp.path());
        let index = Index::open(&dir).unwrap();
        assert_eq!(index.info.documents, 1);
        drop(index);
        let text = std::fs::read_to_string(dir.join("meta.json")).unwrap();

        edit_meta(&dir, |m| {
            let mut info: IndexInfo = serde_json::from_str(m["payload"].as_str().unwrap()).unwrap();
            info.schema_version = 1;
            m["payload"] = serde_json::to_string(&info).unwrap().into();
        });
        assert!(matches!(
            Index::open(&dir),
            Err(Error::SchemaVersion {
                found: 1,
                expected: SCHEMA_VERSION,
                ..
            })
        ));

        std::fs::write(dir.join("meta.json"), &text).unwrap();
        edit_meta(&dir, rename_symbol_field);
        assert!(matches!(
            Index::open(&dir),
            Err(Error::MissingField { field }) if field == "symbol"
        ));

        // No commit yet: an undex schema is a first build, interrupted or
        // running (the lock says which); another schema is another program's.
        std::fs::write(dir.join("meta.json"), &text).unwrap();
        edit_meta(&dir, |m| m["payload"] = serde_json::Value::Null);
        assert!(matches!(Index::open(&dir), Err(Error::Interrupted { .. })));
        let lock = lock::acquire(&dir).unwrap();
        assert!(matches!(
            Index::open(&dir),
            Err(Error::FirstBuildRunning { .. })
        ));
        drop(lock);
        edit_meta(&dir, rename_symbol_field);
        assert!(matches!(
            Index::open(&dir),
            Err(Error::ForeignIndex {
                unreadable: None,
                ..
            })
        ));
    }

    #[test]
    fn a_first_use_builds_and_says_so_then_says_when_the_corpus_changed() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = corpus(tmp.path());
        std::fs::write(
            corpus.join("b.txt"),
            "+++\nsymbol = \"A/RES/1/2\"\n+++\n\n3. Decides on a quorum.\n",
        )
        .unwrap();
        let dir = tmp.path().join("index");
        std::fs::create_dir(&dir).unwrap();
        let (index, notices) = open_or_build(&corpus, &dir).unwrap();
        assert_eq!(index.info.documents, 2);
        assert_eq!(
            notices[0],
            Notice::Building {
                dir: dir.clone(),
                corpus: corpus.clone()
            }
        );
        assert!(
            matches!(&notices[1..], [Notice::Warning(w)] if w.contains("first numbered paragraph is 3")),
            "{notices:?}"
        );

        let (_, notices) = open_or_build(&corpus, &dir).unwrap();
        assert_eq!(notices, []);
        std::fs::remove_file(corpus.join("b.txt")).unwrap();
        let (index, notices) = open_or_build(&corpus, &dir).unwrap();
        assert_eq!(
            notices,
            [Notice::CorpusChanged {
                corpus: corpus.clone()
            }]
        );
        assert_eq!(index.info.documents, 2, "searched as it is");
    }

    #[test]
    fn a_named_corpus_or_index_folder_that_does_not_exist_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        let (corpus, dir) = built(tmp.path());
        let gone = tmp.path().join("gone");
        assert!(matches!(
            open_or_build(&gone, &dir),
            Err(Error::NoCorpus { path }) if path == gone
        ));
        let missing = tmp.path().join("missing/idx");
        assert!(matches!(
            open_or_build(&corpus, &missing),
            Err(Error::NoIndexFolder { dir: d }) if d == missing
        ));
        assert!(!missing.exists());
    }
}
