//! Writing imported documents into the corpus: never over a different file unless forced, each file atomically, and the whole batch synced to disk once.
//!
//! Durability: a batch writes every document to a hidden temporary file in
//! the output folder, flushes them all to disk with one `syncfs` (Linux;
//! elsewhere one `fsync` per file, as the platform gives no cheaper way),
//! and only then renames each onto its name, and syncs the folder once. So a
//! file under its name is always complete, on disk as well as on screen: a
//! reader never sees half a file, and a crash never leaves a truncated or
//! empty one under its name. The price of syncing once instead of once per
//! file (3,000 files took up to 12 s with one `fsync` each): nothing of the
//! batch appears until all of it is written, and an import killed or cut
//! off by a crash before the end leaves none of its files, only hidden
//! temporary ones (`.NAME.PID.tmp`, never read as documents) — run it
//! again. The renames of a batch are not one transaction either: a crash
//! between them can keep some of the batch and lose others.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Imported;
use crate::{Error, Result};

/// Imported documents being written into one folder; nothing is visible
/// under its name until [`Batch::commit`].
#[derive(Debug)]
pub struct Batch {
    dir: PathBuf,
    force: bool,
    /// Files written to their temporary name, waiting for the commit.
    pending: Vec<Pending>,
    /// File name → (hash of its text, index in `pending` or `None` when the
    /// file on disk already holds that text), to catch two inputs of one
    /// symbol in one batch.
    /// Each file name of the batch: its text's hash, its place in `pending`
    /// (none when an identical file was there), and the input it came from.
    names: HashMap<String, (u64, Option<usize>, PathBuf)>,
}

#[derive(Debug)]
struct Pending {
    tmp: PathBuf,
    path: PathBuf,
}

impl Batch {
    /// A batch writing into `out_dir` (created when needed); with `force`, a
    /// different existing file of the same name is replaced.
    pub fn new(out_dir: &Path, force: bool) -> Batch {
        Batch {
            dir: out_dir.to_path_buf(),
            force,
            pending: Vec::new(),
            names: HashMap::new(),
        }
    }

    /// Writes `imported` to a temporary file beside `out_dir/<file_name>` and
    /// returns the name it will have after [`Batch::commit`].
    ///
    /// An existing file with the same content is left as it is; a different
    /// one is replaced only with `force` (else an [`Error::Input`] names it).
    /// Two documents of one name in one batch are refused unless they are
    /// identical.
    pub fn add(&mut self, imported: &Imported) -> Result<PathBuf> {
        let name = Path::new(&imported.file_name);
        let simple = name.components().count() == 1
            && !imported.file_name.starts_with('.')
            && name.file_name().is_some();
        if !simple {
            return Err(Error::input(
                &self.dir,
                0,
                format!("`{}` is not a plain file name", imported.file_name),
            ));
        }
        let path = self.dir.join(name);
        let hash = xxhash_rust::xxh3::xxh3_64(imported.text.as_bytes());
        if let Some((seen, _, first)) = self.names.get(&imported.file_name) {
            if *seen == hash {
                return Ok(path);
            }
            return Err(twice(first, imported));
        }
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        if holds_already(&path, imported, self.force)? {
            self.names.insert(
                imported.file_name.clone(),
                (hash, None, imported.input.clone()),
            );
            return Ok(path);
        }
        let tmp = self.dir.join(format!(
            ".{}.{}.tmp",
            imported.file_name,
            std::process::id()
        ));
        let written = std::fs::File::create(&tmp).and_then(|mut f| {
            f.write_all(imported.text.as_bytes())?;
            // Syncing here is what made a large import slow; the batch syncs once.
            if !SYNCS_ONCE {
                f.sync_all()?;
            }
            Ok(())
        });
        if let Err(e) = written {
            // Leave no temporary file behind; the error that matters is the write's.
            let _ = std::fs::remove_file(&tmp);
            return Err(Error::io(&path, e));
        }
        self.names.insert(
            imported.file_name.clone(),
            (hash, Some(self.pending.len()), imported.input.clone()),
        );
        self.pending.push(Pending {
            tmp,
            path: path.clone(),
        });
        Ok(path)
    }

    /// Flushes every file of the batch to disk at once, then gives each its
    /// name. On failure no temporary file is left; the first error is
    /// returned after every other file has been tried.
    pub fn commit(mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        if pending.is_empty() {
            return Ok(());
        }
        if let Err(e) = sync_filesystem(&self.dir) {
            for p in &pending {
                let _ = std::fs::remove_file(&p.tmp);
            }
            return Err(Error::io(&self.dir, e));
        }
        let mut first_error = None;
        for p in pending {
            if let Err(e) = std::fs::rename(&p.tmp, &p.path) {
                let _ = std::fs::remove_file(&p.tmp);
                first_error.get_or_insert(Error::io(&p.path, e));
            }
        }
        // The new names are on disk once the folder is.
        if let Err(e) = std::fs::File::open(&self.dir).and_then(|d| d.sync_all()) {
            first_error.get_or_insert(Error::io(&self.dir, e));
        }
        first_error.map_or(Ok(()), Err)
    }
}

impl Drop for Batch {
    /// A batch dropped without its commit (an error elsewhere) leaves
    /// nothing behind.
    fn drop(&mut self) {
        for p in &self.pending {
            let _ = std::fs::remove_file(&p.tmp);
        }
    }
}

/// The refusal of a second input of one import, `imported`, that is the
/// same document as the input `first` with another text: both named, as
/// the user gave them.
pub(super) fn twice(first: &Path, imported: &Imported) -> Error {
    Error::input(
        &imported.input,
        0,
        format!(
            "{}, earlier in this import, is also {} with a different text: import one of them",
            first.display(),
            imported.symbol
        ),
    )
}

/// Whether `path` holds `imported`'s text already (and is left as it is);
/// false when there is no such file or `force` replaces a different one,
/// which is refused otherwise.
pub(super) fn holds_already(path: &Path, imported: &Imported, force: bool) -> Result<bool> {
    match std::fs::read(path) {
        Ok(existing) if existing == imported.text.as_bytes() => Ok(true),
        Ok(_) if !force => Err(Error::input(
            path,
            0,
            format!(
                "a different file for {} already exists; use --force to replace it",
                imported.symbol
            ),
        )),
        Ok(_) => Ok(false),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Whether the batch syncs with one call for the whole file system.
const SYNCS_ONCE: bool = cfg!(target_os = "linux");

/// Flushes the file system holding `dir` to disk: with one `syncfs` on
/// Linux; elsewhere every file was synced as it was written.
fn sync_filesystem(dir: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let folder = std::fs::File::open(dir)?;
        rustix::fs::syncfs(&folder)?;
    }
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
    Ok(())
}

/// Writes `imported` as `out_dir/<file_name>` and returns the path: a
/// [`Batch`] of one document.
///
/// `out_dir` is created if needed. An existing file with the same content
/// is left as it is; a different one is replaced only with `force` (else an
/// [`Error::Input`] names it). The text goes to a temporary file in the same
/// folder that is then renamed, so a reader never sees half a file.
pub fn write_imported(out_dir: &Path, imported: &Imported, force: bool) -> Result<PathBuf> {
    let mut batch = Batch::new(out_dir, force);
    let path = batch.add(imported)?;
    batch.commit()?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imported(text: &str) -> Imported {
        Imported {
            input: PathBuf::from("raw/a.txt"),
            symbol: "A/RES/99/1".into(),
            file_name: "A-RES-99-1.txt".into(),
            text: text.into(),
            warnings: Vec::new(),
            passages: 1,
            anchors: vec![crate::corpus::anchor::Anchor {
                annex: None,
                place: crate::corpus::anchor::Place::Operative(1, Vec::new()),
            }],
            layout: crate::corpus::Layout::Resolution,
            process: Vec::new(),
        }
    }

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn refuses_a_different_file_unless_forced() {
        let dir = tempfile::tempdir().ok();
        let Some(dir) = dir else { return };
        let out = dir.path().join("corpus");
        let first = write_imported(&out, &imported("one\n"), false).ok();
        assert_eq!(first, Some(out.join("A-RES-99-1.txt")));
        assert!(
            write_imported(&out, &imported("one\n"), false).is_ok(),
            "identical is fine"
        );
        let refused = write_imported(&out, &imported("two\n"), false);
        assert!(matches!(refused, Err(Error::Input(_))));
        assert_eq!(
            std::fs::read_to_string(out.join("A-RES-99-1.txt"))
                .ok()
                .as_deref(),
            Some("one\n")
        );
        assert!(write_imported(&out, &imported("two\n"), true).is_ok());
        assert_eq!(
            std::fs::read_to_string(out.join("A-RES-99-1.txt"))
                .ok()
                .as_deref(),
            Some("two\n")
        );
        let names = names(&out);
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    }

    #[test]
    fn two_inputs_of_one_symbol_are_both_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut batch = Batch::new(&dir.path().join("corpus"), false);
        let first = imported("one\n");
        batch.add(&first).unwrap();
        let mut second = imported("two\n");
        second.input = PathBuf::from("raw/b.txt");
        let Err(Error::Input(diags)) = batch.add(&second) else {
            panic!("a second text of A/RES/99/1 is refused");
        };
        let said = diags.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            said,
            [
                "raw/b.txt: raw/a.txt, earlier in this import, is also A/RES/99/1 with a different text: import one of them"
            ]
        );
    }

    #[test]
    fn a_batch_shows_nothing_before_its_commit_and_everything_after() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("corpus");
        let mut batch = Batch::new(&out, false);
        let mut second = imported("two\n");
        second.file_name = "A-RES-99-2.txt".into();
        second.symbol = "A/RES/99/2".into();
        batch.add(&imported("one\n")).unwrap();
        batch.add(&second).unwrap();
        assert!(batch.add(&imported("one\n")).is_ok(), "the same text twice");
        assert!(
            matches!(batch.add(&imported("other\n")), Err(Error::Input(_))),
            "two texts of one symbol in one batch"
        );
        assert!(!out.join("A-RES-99-1.txt").exists());
        batch.commit().unwrap();
        assert_eq!(names(&out), ["A-RES-99-1.txt", "A-RES-99-2.txt"]);
        assert_eq!(
            std::fs::read_to_string(out.join("A-RES-99-2.txt")).unwrap(),
            "two\n"
        );
    }

    #[test]
    fn a_batch_dropped_uncommitted_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut batch = Batch::new(dir.path(), false);
        batch.add(&imported("one\n")).unwrap();
        drop(batch);
        assert!(names(dir.path()).is_empty());
    }
}
