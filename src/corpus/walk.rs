//! Finding a corpus's documents: `.txt` and `.md` files, in a stable order, never outside the corpus folder.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;
use xxhash_rust::xxh3::Xxh3;

use crate::error::{Error, Result};

/// The files of a corpus, and what was passed over and why.
#[derive(Debug, Default)]
pub struct Found {
    /// Document files, sorted by path.
    pub files: Vec<PathBuf>,
    /// Files passed over (a symlink leading outside, a fifo, …).
    pub skipped: Vec<Skipped>,
    /// The folders walked (the corpus folder first), or the corpus file itself.
    pub dirs: Vec<PathBuf>,
}

/// When a corpus folder (or file) last changed: its path relative to the
/// corpus and its modification time in nanoseconds.
pub type Stamp = (String, u64);

fn mtime_ns(path: &Path) -> Option<u64> {
    let m = std::fs::metadata(path).ok()?;
    let t = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    u64::try_from(t.as_nanos()).ok()
}

/// The stamps of a corpus's folders: a file added, removed or replaced
/// (editors save by replacing) changes its folder's time, so comparing a
/// handful of stamps tells a changed corpus without a stat of every file.
/// It misses a file rewritten in place with the same name (`>>`, some
/// tools), which `undex index` always catches by checking every file.
pub fn stamps(root: &Path, dirs: &[PathBuf]) -> Vec<Stamp> {
    dirs.iter()
        .map(|d| {
            let rel = d
                .strip_prefix(root)
                .unwrap_or(d)
                .to_string_lossy()
                .into_owned();
            (rel, mtime_ns(d).unwrap_or(0))
        })
        .collect()
}

/// Whether any stamp differs from the folder (or file) as it is now.
pub fn stamps_changed(root: &Path, recorded: &[Stamp]) -> bool {
    recorded.iter().any(|(rel, t)| {
        let path = if rel.is_empty() {
            root.to_path_buf()
        } else {
            root.join(rel)
        };
        mtime_ns(&path) != Some(*t)
    })
}

/// A file passed over, with the reason.
#[derive(Debug)]
pub struct Skipped {
    /// The path.
    pub path: PathBuf,
    /// Why.
    pub why: &'static str,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: skipped: {}", self.path.display(), self.why)
    }
}

impl Found {
    /// A cheap fingerprint of the documents found: the hash of every path
    /// (relative to `root`), size and modification time. It misses an edit
    /// that keeps a file's size and modification time (which editors do not do).
    pub fn fingerprint(&self, root: &Path) -> String {
        let mut h = Xxh3::new();
        for f in &self.files {
            let rel = f.strip_prefix(root).unwrap_or(f);
            h.update(rel.to_string_lossy().as_bytes());
            h.update(&[0]);
            if let Ok(m) = std::fs::metadata(f) {
                h.update(&m.len().to_le_bytes());
                let mtime = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                h.update(&mtime.to_le_bytes());
            }
        }
        format!("{:016x}", h.digest())
    }
}

/// The fingerprint of the corpus at `root` as it is now (see `Found::fingerprint`).
pub fn fingerprint(root: &Path) -> Result<String> {
    Ok(discover(root)?.fingerprint(root))
}

/// Is this the name of a corpus document? (`.txt`/`.md`, not a README, not hidden.)
pub fn is_document_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if name.starts_with('.') {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".txt") || lower.ends_with(".md")) && !lower.starts_with("readme.")
}

/// Lists the documents under `root` (or `root` itself when it is a file).
///
/// Hidden files and folders, README files and `processes.toml` are not
/// documents. Symlinks are followed only to files inside the corpus; devices,
/// fifos and sockets are never read.
pub fn discover(root: &Path) -> Result<Found> {
    let meta = match std::fs::metadata(root) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::input(
                root,
                0,
                "no such corpus folder (give the corpus with --corpus)",
            ));
        }
        Err(e) => return Err(Error::io(root, e)),
    };
    let mut found = Found::default();
    if meta.is_file() {
        found.files.push(root.to_path_buf());
        found.dirs.push(root.to_path_buf());
        return Ok(found);
    }
    let canonical_root = root.canonicalize().map_err(|e| Error::io(root, e))?;
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                let io = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("cannot walk the folder"));
                return Err(Error::io(path, io));
            }
        };
        let path = entry.path();
        let ft = entry.file_type();
        if ft.is_dir() {
            found.dirs.push(path.to_path_buf());
            continue;
        }
        if !is_document_name(path) {
            continue;
        }
        if ft.is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {
                    found.files.push(path.to_path_buf());
                }
                Ok(_) => found.skipped.push(Skipped {
                    path: path.to_path_buf(),
                    why: "a symlink that leads out of the corpus folder or to something that is not a file",
                }),
                Err(_) => found.skipped.push(Skipped {
                    path: path.to_path_buf(),
                    why: "a broken symlink",
                }),
            }
            continue;
        }
        if !ft.is_file() {
            found.skipped.push(Skipped {
                path: path.to_path_buf(),
                why: "not a regular file (a device, fifo or socket)",
            });
            continue;
        }
        found.files.push(path.to_path_buf());
    }
    found.files.sort();
    Ok(found)
}
