//! Searching an index whose folder cannot be written (a read-only mount, an archive, another user's folder).
//!
//! tantivy's readers take a lock file (`.tantivy-meta.lock`) so that a writer's
//! garbage collection cannot delete segments while they are being opened;
//! taking it means opening that file for writing, which a read-only folder
//! refuses. Where no file can be written, no writer can delete one either,
//! so the lock protects nothing there and a search goes on without it.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// The index folder as a search sees it.
#[derive(Clone, Debug)]
pub(crate) struct SearchDirectory(MmapDirectory);

impl SearchDirectory {
    pub(crate) fn open(dir: &Path) -> Result<Self, tantivy::directory::error::OpenDirectoryError> {
        MmapDirectory::open(dir).map(SearchDirectory)
    }
}

/// The lock a search holds where nothing can be written: nothing.
struct Unneeded;

impl Directory for SearchDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }
    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.0.delete(path)
    }
    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.0.exists(path)
    }
    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }
    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.0.atomic_write(path, data)
    }
    fn sync_directory(&self) -> std::io::Result<()> {
        self.0.sync_directory()
    }
    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(watch_callback)
    }
    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.0.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if matches!(
                    e.kind(),
                    ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied
                ) =>
            {
                Ok(DirectoryLock::from(Box::new(Unneeded)))
            }
            other => other,
        }
    }
}
