//! What an index records about itself (in tantivy's commit payload): schema version, corpus fingerprint, counts.

use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::corpus::discover;
use crate::error::Result;

/// Stored with every commit, so that it changes atomically with the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInfo {
    /// The schema version the index was built with.
    pub schema_version: u32,
    /// The undex version that built it.
    pub undex_version: String,
    /// The corpus it was built from, as given.
    pub corpus: String,
    /// The corpus fingerprint at build time (see [`fingerprint`]).
    pub fingerprint: String,
    /// Number of documents.
    pub documents: u64,
    /// Number of passages.
    pub passages: u64,
    /// Build time, seconds since the Unix epoch.
    pub built_at: u64,
}

/// A cheap fingerprint of a corpus: the hash of every document's path,
/// size and modification time. It misses an edit that keeps a file's size
/// and modification time (which editors do not do).
pub fn fingerprint(root: &Path) -> Result<String> {
    let found = discover(root)?;
    let mut h = Xxh3::new();
    for f in &found.files {
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
    Ok(format!("{:016x}", h.digest()))
}
