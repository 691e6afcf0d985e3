//! Seeing a new commit from an index that stays open (a server): the reader and what the index records about itself move to the last commit together.

use std::path::Path;

use super::open::check_version;
use super::{Index, read_info};
use crate::error::{Error, Result};

/// How many times a reload looks again when a commit lands while it reads.
const ATTEMPTS: usize = 3;

impl Index {
    /// Moves this index to its last commit, so that a process that keeps it
    /// open sees what a build committed since it was opened (or last
    /// reloaded); searches already running keep the view they started with.
    /// Returns whether the index changed.
    ///
    /// The index is read as last committed whether a build is running or
    /// not. A commit this undex cannot read (a first build under way after
    /// the folder was started afresh, another schema version) is an error,
    /// and the index stays as it was.
    pub fn reload(&mut self) -> Result<bool> {
        let dir = self.dir.clone().unwrap_or_default();
        let mut attempt = 0;
        loop {
            attempt += 1;
            // What the commit records, before and after the reader moves to
            // it: the same opstamp both times means the reader holds that
            // commit, and the info matches the passages searched.
            let before = self.index.load_metas()?;
            let info = committed_info(&self.index, &dir)?;
            self.reader.reload()?;
            let after = self.index.load_metas()?;
            if before.opstamp == after.opstamp || attempt == ATTEMPTS {
                let changed = info != self.info;
                self.info = info;
                return Ok(changed);
            }
        }
    }
}

/// What the last commit in `index` records, if this undex can read it.
fn committed_info(index: &tantivy::Index, dir: &Path) -> Result<super::IndexInfo> {
    let Some(info) = read_info(index)? else {
        // Only a first build commits without the payload.
        return Err(Error::FirstBuildRunning {
            dir: dir.to_path_buf(),
        });
    };
    check_version(dir, &info)?;
    Ok(info)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{BuildOptions, build_from};
    use crate::search::SearchOptions;

    fn matched(index: &Index, query: &str) -> usize {
        let options = SearchOptions {
            query: query.to_owned(),
            ..SearchOptions::default()
        };
        index
            .search(&options)
            .map(|r| r.summary.matched)
            .unwrap_or(usize::MAX)
    }

    /// A corpus of one resolution, built, in `tmp`: its corpus and index folders.
    fn built(tmp: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
        let corpus = tmp.join("corpus");
        let dir = tmp.join("index");
        std::fs::create_dir(&corpus).unwrap();
        doc(&corpus, 1, "Decides to meet on a consensus basis.");
        build_from(&corpus, &dir, &BuildOptions::default(), &mut |_, _| {}).unwrap();
        (corpus, dir)
    }

    fn doc(corpus: &Path, n: u32, text: &str) {
        std::fs::write(
            corpus.join(format!("A-RES-1-{n}.txt")),
            format!("+++\nsymbol = \"A/RES/1/{n}\"\n+++\n\n1. {text}\n"),
        )
        .unwrap();
    }

    #[test]
    fn a_reloaded_index_sees_the_new_commit() {
        let tmp = tempfile::tempdir().unwrap();
        let (corpus, dir) = built(tmp.path());
        let build = || build_from(&corpus, &dir, &BuildOptions::default(), &mut |_, _| {});
        let mut index = Index::open(&dir).unwrap();
        assert_eq!(matched(&index, "consensus"), 1);
        assert_eq!(matched(&index, "quorum"), 0);
        assert!(!index.reload().unwrap(), "nothing was committed yet");

        doc(
            &corpus,
            2,
            "Decides that the quorum is a majority, on a consensus basis.",
        );
        let report = build().unwrap();
        assert!(report.written);
        // Until it reloads, the open index answers as it did.
        assert_eq!(matched(&index, "quorum"), 0);
        assert_eq!(index.info.documents, 1);

        assert!(index.reload().unwrap());
        assert_eq!(matched(&index, "quorum"), 1);
        assert_eq!(matched(&index, "consensus"), 2);
        assert_eq!(index.info.documents, 2);
        assert_eq!(index.info.passages, 2);
    }

    #[test]
    fn a_commit_of_another_schema_version_is_refused_and_the_view_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let (_, dir) = built(tmp.path());
        let mut index = Index::open(&dir).unwrap();
        // As if an undex of another schema version had committed there.
        let meta = dir.join("meta.json");
        let text = std::fs::read_to_string(&meta).unwrap();
        let other = text.replace(
            &format!("\\\"schema_version\\\":{}", crate::index::SCHEMA_VERSION),
            "\\\"schema_version\\\":99",
        );
        assert_ne!(text, other);
        std::fs::write(&meta, other).unwrap();
        match index.reload() {
            Err(Error::SchemaVersion { found: 99, .. }) => {}
            other => panic!("expected a schema refusal, got {other:?}"),
        }
        assert_eq!(matched(&index, "consensus"), 1);
        assert_eq!(index.info.schema_version, crate::index::SCHEMA_VERSION);
    }
}
