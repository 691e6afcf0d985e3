//! The binary's report of every index condition: the library says what happened, `undex` adds what to type, and the printed line stays as it was.

mod common;

use common::Dir;

const RESOLUTION: &str =
    "+++\nsymbol = \"A/RES/1/1\"\n+++\n\n1. Decides to meet on a consensus basis.\n";

fn with_corpus() -> Dir {
    let d = Dir::new();
    d.write("corpus/a.txt", RESOLUTION);
    d
}

/// Runs undex, expects exit 2, and returns its one line of standard error.
fn refused(d: &Dir, args: &[&str]) -> String {
    let r = d.undex(args);
    r.expect_code(2);
    r.stderr().trim_end().to_owned()
}

/// Builds an index in `name` and rewrites its meta.json with `edit`.
fn built_then_edited(d: &Dir, name: &str, edit: impl Fn(&mut serde_json::Value)) {
    d.undex(&["index", "--index", name]).expect_code(0);
    let path = d.join(&format!("{name}/meta.json"));
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut meta);
    std::fs::write(&path, meta.to_string()).unwrap();
}

fn rename_symbol_field(meta: &mut serde_json::Value) {
    for field in meta["schema"].as_array_mut().unwrap() {
        if field["name"] == "symbol" {
            field["name"] = "xsymbol".into();
        }
    }
}

#[test]
fn folders_that_are_not_an_index_are_refused_with_what_to_do() {
    let d = with_corpus();
    assert_eq!(
        refused(&d, &["show", "--index", "missing/idx", "A/RES/1/1"]),
        "undex: there is no index in missing/idx: the folder does not exist (build one there with `undex index --index missing/idx`)"
    );
    d.write("afile", "hi");
    for args in [
        &["search", "--index", "afile", "consensus"][..],
        &["index", "--index", "afile"],
    ] {
        assert_eq!(
            refused(&d, args),
            "undex: afile is a file, not an index folder"
        );
    }
    for name in ["a.docx", "b.txt", "c", "d"] {
        d.write(&format!("thesis/{name}"), "");
    }
    for args in [
        &["search", "--index", "thesis", "consensus"][..],
        &["index", "--index", "thesis"],
    ] {
        assert_eq!(
            refused(&d, args),
            "undex: thesis is not an undex index folder (it holds a.docx, b.txt, c, …); refusing to touch it — choose an empty or new folder with --index"
        );
    }
    d.write("garbage/meta.json", "{nope");
    let search = refused(&d, &["search", "--index", "garbage", "consensus"]);
    assert!(
        search.starts_with(
            "undex: garbage holds a meta.json that is not a readable index (Data corrupted"
        ) && search.ends_with("), not an undex index; choose another folder with --index"),
        "{search}"
    );
    let build = refused(&d, &["index", "--index", "garbage"]);
    assert!(
        build.ends_with("), not an undex index; refusing to touch it — choose an empty or new folder with --index"),
        "{build}"
    );
}

#[test]
fn indexes_undex_cannot_read_are_refused_with_what_to_do() {
    let d = with_corpus();
    built_then_edited(&d, "old", |m| {
        let mut info: serde_json::Value =
            serde_json::from_str(m["payload"].as_str().unwrap()).unwrap();
        info["schema_version"] = 1.into();
        m["payload"] = info.to_string().into();
    });
    assert_eq!(
        refused(&d, &["stats", "--index", "old"]),
        format!(
            "undex: the index in old has schema version 1 but this undex reads version {}; rebuild it with `undex index --rebuild`",
            undex::index::SCHEMA_VERSION
        )
    );
    built_then_edited(&d, "renamed", rename_symbol_field);
    assert_eq!(
        refused(&d, &["search", "--index", "renamed", "consensus"]),
        "undex: the index has no field `symbol`: it was not built by this version of undex; rebuild it with `undex index --rebuild`"
    );
    built_then_edited(&d, "interrupted", |m| {
        m["payload"] = serde_json::Value::Null
    });
    assert_eq!(
        refused(&d, &["search", "--index", "interrupted", "consensus"]),
        "undex: the first build of the index in interrupted was interrupted; build it with `undex index`"
    );
    built_then_edited(&d, "other", |m| {
        m["payload"] = serde_json::Value::Null;
        rename_symbol_field(m);
    });
    assert_eq!(
        refused(&d, &["export", "--index", "other"]),
        "undex: other holds the search index of another program, not an undex index; choose another folder with --index"
    );
    assert_eq!(
        refused(&d, &["index", "--index", "other"]),
        "undex: other holds the search index of another program, not an undex index; refusing to touch it — choose an empty or new folder with --index"
    );
}

#[test]
fn a_build_in_progress_is_named_with_when_to_come_back() {
    let d = with_corpus();
    d.undex(&["index"]).expect_code(0);
    let lock = undex::index::lock::acquire(&d.join("index")).unwrap();
    assert_eq!(
        refused(&d, &["index", "--rebuild"]),
        format!(
            "undex: process {} is building the index in index right now; wait for it to finish, then run this again",
            std::process::id()
        )
    );
    drop(lock);
    built_then_edited(&d, "first", |m| m["payload"] = serde_json::Value::Null);
    let lock = undex::index::lock::acquire(&d.join("first")).unwrap();
    assert_eq!(
        refused(&d, &["search", "--index", "first", "consensus"]),
        "undex: the index in first is being built for the first time; try again when the build has finished"
    );
    drop(lock);
}

#[test]
fn notices_of_opening_say_what_happened_and_what_to_do() {
    let d = with_corpus();
    let r = d.undex(&["search", "consensus"]);
    r.expect_code(0);
    assert_eq!(
        r.stderr(),
        "undex: there is no index yet in index: building it from corpus first\n"
    );
    d.write(
        "corpus/b.txt",
        "+++\nsymbol = \"A/RES/1/2\"\n+++\n\n1. Decides on a quorum.\n",
    );
    let r = d.undex(&["search", "consensus"]);
    r.expect_code(0);
    assert_eq!(
        r.stderr(),
        "undex: the corpus in corpus has changed since this index was built; searching the index as it is (run `undex index` to update it)\n"
    );
    std::fs::rename(d.join("corpus"), d.join("moved")).unwrap();
    let r = d.undex(&["stats"]);
    r.expect_code(0);
    assert_eq!(
        r.stderr(),
        "undex: the corpus corpus cannot be read; searching the index as it is\n"
    );
}
