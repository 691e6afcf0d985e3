//! One import of many inputs into one folder, as `undex import` (or a server) runs it: where the processes table is found, each input read, decoded and imported, and the batch written — or checked, writing nothing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::{Batch, ImportOptions, Imported, import_bytes, layered_processes_table, write};
use crate::corpus::Document;
use crate::pool::lock;
use crate::{Diagnostic, Error, Result};

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

/// What [`Import::check`] found an input would import, read back as
/// `undex index` will read it; nothing was written.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The corpus file the import would write.
    pub path: PathBuf,
    /// For the first input checked into a folder that does not exist and
    /// was not named: the folder, made absolute, that the import would create.
    pub creates: Option<PathBuf>,
    /// Whether that file exists already with this very text (the import
    /// would leave it as it is).
    pub unchanged: bool,
    /// The document as the corpus parser reads the file back: its metadata,
    /// and its passages with their anchors, citations and footnotes.
    pub document: Document,
    /// The lines to check: the importer's, then the parser's, each naming
    /// its line.
    pub warnings: Vec<Diagnostic>,
}

/// One import: inputs imported one by one, their files written as a batch
/// that appears on disk at [`Import::commit`], or only checked.
#[derive(Debug)]
pub struct Import {
    options: ImportOptions,
    batch: Batch,
    /// The unnamed folder that does not exist yet, until a file is written.
    creates: Option<PathBuf>,
    out_dir: PathBuf,
    force: bool,
    /// File name → hash of the text, of every input checked so far: a check
    /// refuses two different texts of one symbol as the batch would.
    checked: HashMap<String, (u64, PathBuf)>,
}

impl Import {
    /// Starts an import into `target`, reading its processes table.
    pub fn new(target: &Target) -> Result<Import> {
        // Said before any input is read, not as the first write's failure.
        if target.out_dir.exists() && !target.out_dir.is_dir() {
            return Err(Error::input(
                &target.out_dir,
                0,
                "this is a file, not a folder: import writes its corpus files into a folder (--out DIR)",
            ));
        }
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
            out_dir: target.out_dir.clone(),
            force: target.force,
            checked: HashMap::new(),
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

    /// Imports every file of `paths` as [`Import::import_file`] does, on
    /// every core (PDFs wait on pdftotext), and returns the results in the
    /// order of `paths`. `progress(done, total)` is called on this thread
    /// meanwhile and once at the end. Nothing is written: the caller adds
    /// what it keeps with [`Import::write`], in order.
    pub fn import_files(
        &self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(u64, u64),
    ) -> Vec<Result<Imported>> {
        let slots: Vec<Mutex<Option<Result<Imported>>>> =
            paths.iter().map(|_| Mutex::new(None)).collect();
        let work = |i: usize, path: &PathBuf| {
            let imported = self.import_file(path);
            if let Some(slot) = slots.get(i) {
                *lock(slot) = Some(imported);
            }
        };
        // A worker that panicked leaves its input without a result, which
        // is refused below: the other inputs are still imported.
        let _ = crate::pool::each(paths, crate::pool::cores(), &work, progress);
        paths
            .iter()
            .zip(slots)
            .map(|(path, slot)| {
                slot.into_inner()
                    .unwrap_or_else(PoisonError::into_inner)
                    .unwrap_or_else(|| {
                        Err(Error::input(
                            path,
                            0,
                            "the import of this file stopped on an internal error (a bug in undex; please report it)",
                        ))
                    })
            })
            .collect()
    }

    /// Checks every file of `paths` as [`Import::check_file`] does, the
    /// imports on every core as [`Import::import_files`] runs them, the
    /// checks in the order of `paths`.
    pub fn check_files(
        &mut self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(u64, u64),
    ) -> Vec<Result<Checked>> {
        self.import_files(paths, progress)
            .into_iter()
            .map(|imported| imported.and_then(|i| self.check_imported(i)))
            .collect()
    }

    /// Adds an imported document to the batch (see [`Batch::add`]).
    pub fn write(&mut self, imported: &Imported) -> Result<Written> {
        let path = self.batch.add(imported)?;
        Ok(Written {
            path,
            creates: self.creates.take(),
        })
    }

    /// Imports one input as [`Import::import`] does and says what the import
    /// would write, writing nothing (no file, no folder).
    ///
    /// Fails, as the import itself would (an [`Error::Input`] naming file,
    /// line and problem), when the input cannot be imported, when a
    /// different file of its name exists (without `force`) or was checked
    /// already in this import, and when `undex index` would refuse the file:
    /// the parser's problems name the file that would be written and its
    /// line.
    pub fn check(&mut self, bytes: &[u8], name: &Path) -> Result<Checked> {
        let imported = self.import(bytes, name)?;
        self.check_imported(imported)
    }

    /// Reads the file `path` and checks it (see [`Import::check`]).
    pub fn check_file(&mut self, path: &Path) -> Result<Checked> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        self.check(&bytes, path)
    }

    fn check_imported(&mut self, imported: Imported) -> Result<Checked> {
        let path = self.out_dir.join(&imported.file_name);
        let hash = xxhash_rust::xxh3::xxh3_64(imported.text.as_bytes());
        match self.checked.get(&imported.file_name) {
            Some((seen, first)) if *seen != hash => return Err(write::twice(first, &imported)),
            Some(_) => {}
            None => {
                self.checked
                    .insert(imported.file_name.clone(), (hash, imported.input.clone()));
            }
        }
        let unchanged = write::holds_already(&path, &imported, self.force)?;
        let (document, read_back) = crate::corpus::parse_bytes(&path, imported.text.as_bytes())
            .map_err(|diags| {
                Error::Input(
                    diags
                        .into_iter()
                        .map(|d| Diagnostic {
                            message: format!(
                                "{} (in the file the import would write: `undex index` would refuse it)",
                                d.message
                            ),
                            ..d
                        })
                        .collect(),
                )
            })?;
        let mut warnings = imported.warnings;
        warnings.extend(read_back);
        Ok(Checked {
            path,
            creates: self.creates.take(),
            unchanged,
            document,
            warnings,
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

    #[test]
    fn many_files_are_imported_in_their_order_and_a_bad_one_fails_alone() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut paths = Vec::new();
        for n in 1..=6 {
            let path = dir.path().join(format!("in{n}.txt"));
            if n != 4 {
                std::fs::write(&path, RAW.replace("98/4", &format!("98/{n}")))
                    .unwrap_or_else(|e| panic!("{e}"));
            }
            paths.push(path);
        }
        let run = Import::new(&Target {
            out_dir: dir.path().join("out"),
            corpus: dir.path().to_path_buf(),
            out_named: true,
            process: vec!["GGE".into()],
            force: false,
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let mut last = (0, 0);
        let results = run.import_files(&paths, &mut |done, total| last = (done, total));
        assert_eq!(last, (6, 6), "progress ends at the total");
        let got: Vec<Option<String>> = results
            .iter()
            .map(|r| r.as_ref().ok().map(|i| i.symbol.clone()))
            .collect();
        let want: Vec<Option<String>> = (1..=6)
            .map(|n| (n != 4).then(|| format!("A/RES/98/{n}")))
            .collect();
        assert_eq!(got, want);
        assert!(matches!(&results[3], Err(Error::Io { path, .. }) if path.ends_with("in4.txt")));
        assert!(!dir.path().join("out").exists(), "nothing is written");
    }

    #[test]
    fn a_check_reads_the_file_back_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let out = dir.path().join("out");
        let target = Target {
            out_dir: out.clone(),
            corpus: dir.path().join("corpus"),
            out_named: false,
            process: vec!["GGE".into()],
            force: false,
        };
        let mut run = Import::new(&target).unwrap_or_else(|e| panic!("{e}"));
        let checked = run
            .check(RAW.as_bytes(), Path::new("in.txt"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(checked.path, out.join("A-RES-98-4.txt"));
        assert!(checked.creates.is_some_and(|p| p.ends_with("out")));
        assert!(!checked.unchanged);
        assert_eq!(checked.document.meta.symbol, "A/RES/98/4");
        assert_eq!(checked.document.meta.process, ["GGE"]);
        let cited: Vec<(&str, &str)> = checked
            .document
            .passages
            .iter()
            .map(|p| (p.anchor.as_str(), p.citation.as_str()))
            .collect();
        assert_eq!(cited, [("OP1", "A/RES/98/4, para. 1")]);
        assert!(!out.exists(), "no folder is made");

        // The same text again is the same file; another text of that symbol is refused.
        assert!(run.check(RAW.as_bytes(), Path::new("in.txt")).is_ok());
        let other = RAW.replace("Decides.", "Decides again.");
        let refused = run.check(other.as_bytes(), Path::new("in.txt"));
        assert!(
            matches!(&refused, Err(Error::Input(d)) if d[0].message.contains("earlier in this import")),
            "{refused:?}"
        );
        assert!(!out.exists());
    }

    #[test]
    fn a_check_refuses_what_the_import_would_and_knows_an_identical_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = Target {
            out_dir: dir.path().to_path_buf(),
            corpus: dir.path().to_path_buf(),
            out_named: true,
            process: Vec::new(),
            force: false,
        };
        let mut run = Import::new(&target).unwrap_or_else(|e| panic!("{e}"));
        let imported = run
            .import(RAW.as_bytes(), Path::new("in.txt"))
            .unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("A-RES-98-4.txt");
        std::fs::write(&path, &imported.text).unwrap_or_else(|e| panic!("{e}"));
        let checked = run
            .check(RAW.as_bytes(), Path::new("in.txt"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(checked.unchanged);
        assert!(
            checked
                .warnings
                .iter()
                .any(|w| w.message.contains("no process is known")),
            "{:?}",
            checked.warnings
        );

        std::fs::write(&path, "edited").unwrap_or_else(|e| panic!("{e}"));
        let mut run = Import::new(&target).unwrap_or_else(|e| panic!("{e}"));
        let refused = run.check(RAW.as_bytes(), Path::new("in.txt"));
        assert!(
            matches!(&refused, Err(Error::Input(d)) if d[0].message.contains("already exists")),
            "{refused:?}"
        );
        let forced = Import::new(&Target {
            force: true,
            ..target.clone()
        })
        .and_then(|mut run| run.check(RAW.as_bytes(), Path::new("in.txt")));
        assert!(forced.is_ok_and(|c| !c.unchanged));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            "edited",
            "a check never writes, even forced"
        );

        let no_symbol = run.check(b"Just some words.\n", Path::new("bad.txt"));
        assert!(matches!(no_symbol, Err(Error::Input(_))));
    }
}
