//! Fuzz target: any bytes given to `undex import` give a corpus file that `undex index` accepts, or an error, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use undex::import::{ImportOptions, import_text};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.txt");
    // The binary decodes before importing; fuzz the same path.
    let Ok(text) = undex::corpus::text::decode(path, data) else {
        return;
    };
    if let Ok(imported) = import_text(&text, path, &ImportOptions::default()) {
        // What import writes, the corpus parser accepts.
        let read = undex::corpus::parse_bytes(Path::new(&imported.file_name), imported.text.as_bytes());
        assert!(read.is_ok(), "index refuses what import wrote: {read:?}");
    }
});
