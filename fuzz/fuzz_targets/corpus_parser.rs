//! Fuzz target: any bytes given to the corpus parser give a document or diagnostics, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((doc, _warnings)) = undex::corpus::parse_bytes(Path::new("fuzz.txt"), data) {
        // A parsed document must be indexable: ids and citations are what the index stores.
        for p in &doc.passages {
            assert!(!p.id.is_empty() && !p.citation.is_empty());
        }
    }
});
