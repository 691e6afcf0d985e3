//! Golden files: output compared with a file under tests/golden, or an import with its `.expected.txt` under tests/fixtures/import, rewritten with `UNDEX_BLESS=1 cargo test` (review the diff before committing).

use std::path::{Path, PathBuf};

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

/// `tests/fixtures/import/<name>`.
pub fn import_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Asserts that `text`, what import wrote for the fixture `name`, is its
/// `<stem>.expected.txt`, or writes it there when `UNDEX_BLESS` is set.
pub fn expected_import(name: &str, text: &str) {
    let expected = import_fixture(&name.replace(".txt", ".expected.txt"));
    if std::env::var_os("UNDEX_BLESS").is_some() {
        std::fs::write(&expected, text).unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
        return;
    }
    let want = std::fs::read_to_string(&expected)
        .unwrap_or_else(|e| panic!("{}: {e} (UNDEX_BLESS=1 writes it)", expected.display()));
    assert_eq!(
        text,
        want,
        "{name} differs from {} (UNDEX_BLESS=1 rewrites it)",
        expected.display()
    );
}
