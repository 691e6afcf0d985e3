//! Golden files: output compared with a file under tests/golden, rewritten with `UNDEX_BLESS=1 cargo test` (review the diff before committing).

use std::path::Path;

/// Asserts that `actual` is the content of `tests/golden/<name>`, or writes
/// it there when `UNDEX_BLESS` is set.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UNDEX_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UNDEX_BLESS=1", path.display()));
    assert!(
        expected == actual,
        "{name} drifted (UNDEX_BLESS=1 rewrites it):\n~~~ expected\n{expected}~~~ actual\n{actual}~~~"
    );
}
