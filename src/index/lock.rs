//! One build at a time per index: an exclusive file lock that names the process holding it.
//!
//! Taking the lock and writing the pid into it are two steps, so a second
//! builder that looked in between would find the lock taken but an empty
//! file (or the pid of an earlier build). Both steps therefore happen under
//! a short-lived gate, a lock on the index folder itself, and a second
//! builder reads the lock file only under the same gate: it sees the lock
//! free, or taken and naming its holder, never the step between.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// The lock file in the index folder; the kernel releases the lock when its
/// holder exits, even by SIGKILL, so a stale file is harmless.
pub const LOCK_FILE: &str = ".undex.lock";

/// How long a builder waits for the gate. Its holder only opens, locks and
/// writes a few bytes, so this bound is met unless that process is frozen;
/// past it the answer is less precise ("another undex process"), never wrong.
const GATE_PATIENCE: Duration = Duration::from_secs(10);

/// Held while an index is being built.
#[derive(Debug)]
pub struct BuildLock {
    _file: File,
}

/// The gate on `dir`, or `None` when it could not be taken within
/// `patience` (or the folder cannot be locked at all).
fn gate(dir: &Path, patience: Duration) -> Option<File> {
    let folder = File::open(dir).ok()?;
    let start = Instant::now();
    loop {
        match folder.try_lock() {
            Ok(()) => return Some(folder),
            Err(TryLockError::WouldBlock) if start.elapsed() < patience => {
                std::thread::sleep(Duration::from_millis(1));
            }
            Err(_) => return None,
        }
    }
}

/// Takes the build lock of `dir`, or says which process holds it.
pub fn acquire(dir: &Path) -> Result<BuildLock> {
    acquire_naming(dir, &mut || {})
}

/// [`acquire`], calling `between` once the lock is taken and before the
/// pid is written (the step a second builder must never observe).
fn acquire_naming(dir: &Path, between: &mut dyn FnMut()) -> Result<BuildLock> {
    let path = dir.join(LOCK_FILE);
    let _gate = gate(dir, GATE_PATIENCE);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    match file.try_lock() {
        Ok(()) => {
            between();
            // Best effort: the pid only serves the message of a second builder.
            let _ = file.set_len(0);
            let _ = file.seek(SeekFrom::Start(0));
            let _ = write!(file, "{}", std::process::id());
            let _ = file.flush();
            Ok(BuildLock { _file: file })
        }
        Err(TryLockError::WouldBlock) => Err(busy(dir, holder(&mut file))),
        Err(TryLockError::Error(e)) => Err(Error::io(&path, e)),
    }
}

/// Whether a build holds the lock of `dir` right now (without taking it).
pub fn held(dir: &Path) -> bool {
    let Ok(file) = OpenOptions::new().read(true).open(dir.join(LOCK_FILE)) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(_) => true,
    }
}

/// The pid written in the lock file, if it holds one.
fn holder(file: &mut File) -> Option<u32> {
    let mut pid = String::new();
    let _ = file.seek(SeekFrom::Start(0));
    let _ = file.read_to_string(&mut pid);
    pid.trim().parse::<u32>().ok()
}

/// The refusal of a second build, naming the process that holds the lock.
fn busy(dir: &Path, pid: Option<u32>) -> Error {
    Error::Busy {
        dir: dir.to_path_buf(),
        pid,
    }
}

/// Who holds the lock of `dir`: `Ok(None)` when nobody does, `Ok(Some(pid))`
/// when a build does (`pid` as it wrote it), `Err(())` when the gate could
/// not be taken within `patience`.
fn look(dir: &Path, patience: Duration) -> std::result::Result<Option<Option<u32>>, ()> {
    let Ok(mut file) = OpenOptions::new().read(true).open(dir.join(LOCK_FILE)) else {
        return Ok(None);
    };
    let gate = gate(dir, patience);
    let answer = match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            None
        }
        Err(TryLockError::WouldBlock) if gate.is_none() && File::open(dir).is_ok() => {
            return Err(());
        }
        Err(TryLockError::WouldBlock) => Some(holder(&mut file)),
        Err(TryLockError::Error(_)) => None,
    };
    Ok(answer)
}

/// Refuses, naming the builder, when another build holds the lock of
/// `dir`; takes nothing and writes nothing (a build that finds nothing to
/// do must still not answer while another one is changing the index).
pub fn refuse_if_busy(dir: &Path) -> Result<()> {
    match look(dir, GATE_PATIENCE) {
        Ok(None) => Ok(()),
        Ok(Some(pid)) => Err(busy(dir, pid)),
        Err(()) => Err(busy(dir, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_builder_never_sees_the_lock_taken_but_unnamed() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        // An earlier build's pid, as a finished or killed build leaves it.
        std::fs::write(dir.join(LOCK_FILE), "999999999").unwrap();
        let mut seen = Vec::new();
        let lock = acquire_naming(dir, &mut || {
            // Taken, not yet named: a second builder cannot answer yet (it
            // waits for the gate), rather than name nobody or the old pid.
            seen.push(look(dir, Duration::ZERO));
        })
        .unwrap();
        assert_eq!(seen, [Err(())]);
        // Named: the second builder is refused with this process's pid.
        assert_eq!(
            look(dir, Duration::ZERO),
            Ok(Some(Some(std::process::id())))
        );
        let me = Some(std::process::id());
        assert!(
            matches!(refuse_if_busy(dir), Err(Error::Busy { pid, .. }) if pid == me),
            "a look names the holder"
        );
        assert!(
            matches!(acquire(dir), Err(Error::Busy { pid, .. }) if pid == me),
            "a second lock names the holder"
        );
        drop(lock);
        assert_eq!(look(dir, Duration::ZERO), Ok(None));
        assert!(refuse_if_busy(dir).is_ok());
    }
}
