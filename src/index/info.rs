//! What an index records about itself (in tantivy's commit payload): schema version, corpus fingerprint, counts.

use serde::{Deserialize, Serialize};

/// Stored with every commit, so that it changes atomically with the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInfo {
    /// The schema version the index was built with.
    pub schema_version: u32,
    /// The undex version that built it.
    pub undex_version: String,
    /// The corpus it was built from, as given.
    pub corpus: String,
    /// The corpus fingerprint at build time (see [`crate::corpus::fingerprint`]).
    pub fingerprint: String,
    /// Number of documents.
    pub documents: u64,
    /// Number of passages.
    pub passages: u64,
    /// Build time, seconds since the Unix epoch.
    pub built_at: u64,
    /// The corpus folders' stamps at build time, for the cheap staleness check.
    #[serde(default)]
    pub stamps: Vec<crate::corpus::Stamp>,
    /// The files a build skipping bad files left out (relative to the
    /// corpus): until they pass, the index does not hold the whole corpus.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<String>,
}

impl IndexInfo {
    /// What a build of this undex records: `corpus` (its key), the
    /// `fingerprint` and `stamps` taken before its files were read, the
    /// counts, and now as the build time.
    pub fn new(
        corpus: String,
        fingerprint: String,
        stamps: Vec<crate::corpus::Stamp>,
        documents: u64,
        passages: u64,
    ) -> IndexInfo {
        IndexInfo {
            schema_version: super::SCHEMA_VERSION,
            undex_version: env!("CARGO_PKG_VERSION").to_owned(),
            corpus,
            fingerprint,
            documents,
            passages,
            built_at: super::now(),
            stamps,
            left_out: Vec::new(),
        }
    }
}
