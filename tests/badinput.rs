//! Bad corpus files: each refused with `path:line: problem`, exit 2, and the previous index left whole and searchable.

mod common;

use common::{Dir, resolution};

const GOOD: &str = "Recalling its earlier work on quorum matters,\n\n1. Decides to keep quorum rules;\n\n2. Requests a quorum report.";

fn check_refused(name: &str, content: &[u8], line: usize, words: &str) {
    let d = Dir::new();
    d.write("corpus/good.txt", resolution("A/RES/99/1", "OEWG", GOOD));
    d.undex(&["index"]).expect_code(0);
    let before = d.undex(&["search", "--json", "quorum"]).hit_ids();
    assert_eq!(before.len(), 3);
    d.write(&format!("corpus/{name}"), content);
    d.write(
        "corpus/extra.txt",
        resolution("A/RES/99/9", "GGE", "1. Decides zebracorn rules."),
    );
    let r = d.undex(&["index"]);
    r.expect_code(2);
    let expected = if line == 0 {
        format!("{name}: ")
    } else {
        format!("{name}:{line}: ")
    };
    let err = r.stderr();
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.contains(&expected),
        "{name}: wanted {expected:?} in {err}"
    );
    assert!(first.contains(words), "{name}: wanted {words:?} in {err}");
    assert_eq!(
        d.undex(&["search", "--json", "quorum"]).hit_ids(),
        before,
        "{name}: the old index answers as before"
    );
    d.undex(&["search", "zebracorn"]).expect_code(1);
}

fn fm(rest: &str) -> String {
    format!("+++\nsymbol = \"A/RES/99/5\"\ntitle = \"x\"\nkind = \"resolution\"\n{rest}")
}

#[test]
fn front_matter_problems() {
    check_refused(
        "nofence.txt",
        b"1. Decides nothing.\n",
        1,
        "must start with front matter",
    );
    check_refused(
        "open.txt",
        fm("\n1. Decides nothing.\n").as_bytes(),
        1,
        "never closed",
    );
    check_refused(
        "toml.txt",
        b"+++\nsymbol = \"A/RES/99/3\ntitle = x y z\n+++\n\n1. Decides.\n",
        2,
        "bad front matter",
    );
    check_refused(
        "unknown.txt",
        fm("colour = \"blue\"\n+++\n\n1. Decides.\n").as_bytes(),
        5,
        "colour",
    );
    check_refused(
        "nosymbol.txt",
        b"+++\ntitle = \"x\"\n+++\n\n1. Decides.\n",
        1,
        "no `symbol`",
    );
    check_refused(
        "spaces.txt",
        b"+++\nsymbol = \"A RES/99\"\n+++\n\n1. Decides.\n",
        2,
        "a space",
    );
    check_refused(
        "date.txt",
        fm("adopted = \"5 December\"\n+++\n\n1. Decides.\n").as_bytes(),
        5,
        "bad front matter",
    );
}

#[test]
fn body_problems() {
    check_refused(
        "repeat.txt",
        fm("+++\n\n1. One;\n\n2. Two;\n\n2. Again.\n").as_bytes(),
        11,
        "repeats",
    );
    check_refused(
        "backwards.txt",
        fm("+++\n\n1. One;\n\n3. Three;\n\n2. Two.\n").as_bytes(),
        11,
        "backwards",
    );
    check_refused(
        "letters.txt",
        fm("+++\n\n1. One:\n\n(b) bee;\n\n(a) ay.\n").as_bytes(),
        11,
        "backwards",
    );
    check_refused("nobody.txt", fm("+++\n\n").as_bytes(), 6, "no paragraphs");
    check_refused(
        "note.txt",
        fm("+++\n\n1. One[^3].\n").as_bytes(),
        7,
        "no definition",
    );
    check_refused(
        "dupanchor.txt",
        fm("+++\n\n1. One:\n\n1.1 a;\n\n1.1 b.\n").as_bytes(),
        11,
        "backwards or repeat",
    );
    check_refused(
        "huge.txt",
        fm(&format!("+++\n\n1. {}\n", "quorum ".repeat(200_000))).as_bytes(),
        7,
        "1 MB limit",
    );
}

#[test]
fn files_that_are_not_text() {
    check_refused("empty.txt", b"", 0, "empty");
    check_refused(
        "latin1.txt",
        b"+++\nsymbol = \"A/RES/99/7\"\ntitle = \"caf\xe9\"\n+++\n",
        3,
        "not valid UTF-8",
    );
    let binary: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    check_refused("binary.txt", &binary, 1, "binary");
}

#[test]
fn a_duplicate_symbol_names_both_files() {
    let d = Dir::new();
    d.write("corpus/good.txt", resolution("A/RES/99/1", "OEWG", GOOD));
    d.write("corpus/copy.txt", resolution("A/RES/99/1", "OEWG", GOOD));
    let r = d.undex(&["index"]);
    r.expect_code(2);
    let err = r.stderr();
    assert!(err.contains("duplicate symbol A/RES/99/1"), "{err}");
    assert!(
        err.contains("copy.txt") && err.contains("good.txt"),
        "{err}"
    );
}

#[test]
fn every_bad_file_is_reported_at_once() {
    let d = Dir::new();
    d.write("corpus/good.txt", resolution("A/RES/99/1", "OEWG", GOOD));
    d.write("corpus/a.txt", "no front matter");
    d.write("corpus/b.txt", "");
    let r = d.undex(&["index"]);
    r.expect_code(2);
    assert!(
        r.stderr().contains("a.txt:1:") && r.stderr().contains("b.txt: the file is empty"),
        "{}",
        r.stderr()
    );
    assert!(!d.join("index/meta.json").exists(), "nothing was written");
}

#[test]
fn what_editors_write_is_read_as_meant() {
    let d = Dir::new();
    let text = resolution("A/RES/99/1", "OEWG", GOOD);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    d.write("corpus/crlf.txt", &bytes);
    d.write(
        "corpus/cr.txt",
        resolution("A/RES/99/2", "GGE", "1. Decides on quorum.").replace('\n', "\r"),
    );
    d.undex(&["index"]).expect_code(0);
    let r = d.undex(&["search", "--json", "quorum"]);
    let ids = r.hit_ids();
    assert_eq!(ids.len(), 4, "{ids:?}");
    let r = d.undex(&["show", "--json", "A/RES/99/1#OP2"]);
    assert_eq!(r.records("passage")[0]["text"], "Requests a quorum report.");
}
