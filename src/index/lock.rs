//! One build at a time per index: an exclusive file lock that names the process holding it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// The lock file in the index folder; the kernel releases the lock when its
/// holder exits, even by SIGKILL, so a stale file is harmless.
pub const LOCK_FILE: &str = ".undex.lock";

/// Held while an index is being built.
#[derive(Debug)]
pub struct BuildLock {
    _file: File,
}

/// Takes the build lock of `dir`, or says which process holds it.
pub fn acquire(dir: &Path) -> Result<BuildLock> {
    let path = dir.join(LOCK_FILE);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    match file.try_lock() {
        Ok(()) => {
            // Best effort: the pid only serves the message of a second builder.
            let _ = file.set_len(0);
            let _ = file.seek(SeekFrom::Start(0));
            let _ = write!(file, "{}", std::process::id());
            let _ = file.flush();
            Ok(BuildLock { _file: file })
        }
        Err(TryLockError::WouldBlock) => Err(busy(dir, &mut file)),
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

/// The refusal of a second build, naming the process that holds the lock.
fn busy(dir: &Path, file: &mut File) -> Error {
    let mut pid = String::new();
    let _ = file.read_to_string(&mut pid);
    let who = match pid.trim().parse::<u32>() {
        Ok(p) => format!("process {p}"),
        Err(_) => "another undex process".to_owned(),
    };
    Error::Index(format!(
        "{who} is building the index in {} right now; wait for it to finish, then run this again",
        dir.display()
    ))
}

/// Refuses, naming the builder, when another build holds the lock of
/// `dir`; takes nothing and writes nothing (a build that finds nothing to
/// do must still not answer while another one is changing the index).
pub fn refuse_if_busy(dir: &Path) -> Result<()> {
    let Ok(mut file) = OpenOptions::new().read(true).open(dir.join(LOCK_FILE)) else {
        return Ok(());
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            Ok(())
        }
        Err(TryLockError::WouldBlock) => Err(busy(dir, &mut file)),
        Err(TryLockError::Error(_)) => Ok(()),
    }
}
