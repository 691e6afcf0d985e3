//! The index schema must not change without its version changing: one golden file per version, never rewritten.

use std::path::Path;

use undex::index::SCHEMA_VERSION;
use undex::index::schema::describe;

#[test]
fn the_schema_of_this_version_is_the_one_recorded() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/golden/schema-v{SCHEMA_VERSION}.json"));
    let actual = serde_json::to_string_pretty(&describe()).expect("json") + "\n";
    match std::fs::read_to_string(&path) {
        Ok(expected) => assert!(
            expected == actual,
            "the schema changed but SCHEMA_VERSION is still {SCHEMA_VERSION}: raise the version (and record the new schema in a new file), never edit {}",
            path.display()
        ),
        // A new version is recorded once, on purpose; an existing file is never rewritten.
        Err(_) if std::env::var_os("UNDEX_BLESS").is_some() => {
            std::fs::write(&path, actual).expect("record the new schema version");
        }
        Err(_) => panic!(
            "{} is missing: a new schema version is recorded with UNDEX_BLESS=1",
            path.display()
        ),
    }
}

#[test]
fn an_index_of_another_version_is_refused_with_what_to_do() {
    let tmp = tempfile::tempdir().expect("tmp");
    let corpus = tmp.path().join("c");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::write(
        corpus.join("a.txt"),
        "+++\nsymbol = \"A/1\"\n+++\n\n1. Text.\n",
    )
    .expect("write");
    let dir = tmp.path().join("idx");
    let loaded = undex::corpus::Corpus::load(&corpus).expect("load");
    undex::index::build(&loaded, &dir, &Default::default()).expect("build");
    // Pretend an older undex built it.
    let meta_path = dir.join("meta.json");
    let meta = std::fs::read_to_string(&meta_path).expect("meta");
    let older = meta.replace(
        &format!("\\\"schema_version\\\":{SCHEMA_VERSION}"),
        "\\\"schema_version\\\":1",
    );
    assert_ne!(meta, older, "the payload records the version");
    std::fs::write(&meta_path, older).expect("write meta");
    match undex::index::Index::open(&dir) {
        Err(undex::Error::SchemaVersion {
            found: 1, expected, ..
        }) => assert_eq!(expected, SCHEMA_VERSION),
        other => panic!("expected a schema version refusal, got {other:?}"),
    }
    // `undex index` builds it again, and says why.
    let report = undex::index::build_from(&corpus, &dir, &Default::default(), &mut |_, _| {})
        .expect("rebuild");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("schema version 1") && w.contains("built again in full")),
        "{:?}",
        report.warnings
    );
    undex::index::Index::open(&dir).expect("opens");
    // And a rebuild of a current index says nothing of versions.
    let report = undex::index::build(&loaded, &dir, &Default::default()).expect("rebuild");
    assert!(
        report
            .warnings
            .iter()
            .all(|w| !w.contains("schema version"))
    );
}
