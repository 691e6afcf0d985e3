//! One import of many inputs into one folder, as `undex import` (or a server) runs it: where the processes table is found, each input read, decoded and imported, and the batch written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Batch, ImportOptions, Imported, import_bytes, layered_processes_table};
use crate::{Error, Result};

/// The table of processes an import uses: the built-in one with the
/// `processes.toml` of each of `dirs` over it, the first winning (see
/// [`layered_processes_table`]).
pub fn find_processes_table(dirs: &[&Path]) -> Result<Option<BTreeMap<String, Vec<String>>>> {
    layered_processes_table(dirs).map(Some)
}

/// Where one import writes, and how.
#[derive(Debug, Clone)]
pub struct Target {
    /// The folder the corpus files go to.
    pub out_dir: PathBuf,
    /// The corpus folder, where `processes.toml` is looked for after `out_dir`.
    pub corpus: PathBuf,
    /// Whether the user named `out_dir` (a folder asked for is made without a word).
    pub out_named: bool,
    /// The process(es) given for every input; when empty, the table says.
    pub process: Vec<String>,
    /// Replace a different existing file of the same name.
    pub force: bool,
}

/// A file [`Import::write`] will have written once the batch is committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Its path.
    pub path: PathBuf,
    /// For the first file of an import into a folder that does not exist
    /// and was not named: the folder, made absolute, which the commit creates.
    pub creates: Option<PathBuf>,
}

/// One import: inputs imported one by one, their files written as a batch
/// that appears on disk at [`Import::commit`].
#[derive(Debug)]
pub struct Import {
    options: ImportOptions,
    batch: Batch,
    /// The unnamed folder that does not exist yet, until a file is written.
    creates: Option<PathBuf>,
}

impl Import {
    /// Starts an import into `target`, reading its processes table.
    pub fn new(target: &Target) -> Result<Import> {
        let table = find_processes_table(&[&target.out_dir, &target.corpus])?;
        // Run outside a project, import would otherwise make a corpus folder
        // wherever it is, unseen.
        let creates = (!target.out_named && !target.out_dir.exists()).then(|| {
            std::path::absolute(&target.out_dir).unwrap_or_else(|_| target.out_dir.clone())
        });
        Ok(Import {
            options: ImportOptions {
                process: target.process.clone(),
                processes_table: table,
                source: None,
            },
            batch: Batch::new(&target.out_dir, target.force),
            creates,
        })
    }

    /// Imports one document from the bytes of its input, which `name` names
    /// (see [`import_bytes`]).
    pub fn import(&self, bytes: &[u8], name: &Path) -> Result<Imported> {
        import_bytes(bytes, name, &self.options)
    }

    /// Reads the file `path` and imports it.
    pub fn import_file(&self, path: &Path) -> Result<Imported> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        self.import(&bytes, path)
    }

    /// Adds an imported document to the batch (see [`Batch::add`]).
    pub fn write(&mut self, imported: &Imported) -> Result<Written> {
        let path = self.batch.add(imported)?;
        Ok(Written {
            path,
            creates: self.creates.take(),
        })
    }

    /// Puts every file written on disk under its name, all synced at once
    /// (see [`Batch::commit`]).
    pub fn commit(self) -> Result<()> {
        self.batch.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RAW: &str =
        "United Nations\nA/RES/98/4\n\n98/4. Quiet rules\n\nThe General Assembly,\n\n1. Decides.\n";

    #[test]
    fn the_out_folder_table_wins_and_a_new_unnamed_folder_is_said_once() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(corpus.join("processes.toml"), "\"A/RES/98/4\" = \"GGE\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let out = dir.path().join("new");
        let target = Target {
            out_dir: out.clone(),
            corpus: corpus.clone(),
            out_named: false,
            process: Vec::new(),
            force: false,
        };
        let mut run = Import::new(&target).unwrap_or_else(|e| panic!("{e}"));
        let imported = run
            .import(RAW.as_bytes(), Path::new("in.txt"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(imported.process, ["GGE"]);
        let first = run.write(&imported).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first.path, out.join("A-RES-98-4.txt"));
        assert!(first.creates.is_some_and(|p| p.ends_with("new")));
        assert!(!first.path.exists(), "nothing appears before the commit");
        let again = run.write(&imported).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.creates, None);
        run.commit().unwrap_or_else(|e| panic!("{e}"));
        assert!(first.path.is_file());

        std::fs::write(out.join("processes.toml"), "\"A/RES/98/4\" = \"OEWG\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let run = Import::new(&Target {
            out_named: true,
            ..target
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let imported = run
            .import(RAW.as_bytes(), Path::new("in.txt"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            imported.process,
            ["OEWG"],
            "the out folder's table is read first"
        );
        assert!(run.import_file(&dir.path().join("missing.txt")).is_err());
    }
}
