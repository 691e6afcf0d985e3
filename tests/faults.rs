//! Faults and abuse with the real binary: killed builds, readers during builds, two builders, a full disk, a read-only folder, foreign folders, hostile corpus folders.
//!
//! The long tests (`#[ignore]`: 20 kills of a 1,000-document rebuild, searches
//! during rebuilds, two real builders) are run by `tests/faults.sh`, which
//! `.ci/run` calls; the rest run in `cargo test`.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::generate::{self, Rng};
use common::{Dir, resolution};

const QUERIES: [&str; 5] = [
    "security",
    "\"international law\"",
    "consensus cooperation",
    "sovereignty dialogue",
    "zebracorn",
];

/// The binary under test; tests/faults.sh gives the release build (`UNDEX_BIN`), which builds ten times faster.
fn undex() -> Command {
    let bin = std::env::var_os("UNDEX_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_undex").into());
    let mut c = Command::new(bin);
    c.env_remove("NO_COLOR");
    c
}

/// The hit ids of `query` on `index`, searched with an empty corpus so that
/// no search can quietly rebuild a damaged index; `Err` for anything but an answer.
fn search(index: &Path, empty: &Path, query: &str) -> Result<Vec<String>, String> {
    let out = undex()
        .args(["search", "--json", "--limit", "10", "--index"])
        .arg(index)
        .arg("--corpus")
        .arg(empty)
        .args(["--", query])
        .output()
        .map_err(|e| e.to_string())?;
    let code = out.status.code().unwrap_or(-1);
    if code != 0 && code != 1 {
        return Err(format!(
            "exit {code}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|r| r["type"] == "hit")
        .map(|r| r["data"]["id"].as_str().unwrap_or_default().to_owned())
        .collect())
}

fn answers(index: &Path, empty: &Path) -> BTreeMap<&'static str, Result<Vec<String>, String>> {
    QUERIES
        .iter()
        .map(|q| (*q, search(index, empty, q)))
        .collect()
}

fn index_run(corpus: &Path, index: &Path, rebuild: bool) -> Command {
    let mut c = undex();
    c.arg("index")
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index);
    if rebuild {
        c.arg("--rebuild");
    }
    c
}

fn run_ok(mut c: Command) -> String {
    let out = c.output().expect("run undex");
    assert!(
        out.status.success(),
        "{c:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file of a folder with its content, to prove that nothing was touched.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walk(dir) {
        let rel = e.strip_prefix(dir).unwrap().display().to_string();
        out.insert(rel, std::fs::read(&e).unwrap_or_else(|_| b"<dir>".to_vec()));
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        out.push(p.clone());
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&p));
        }
    }
    out.sort();
    out
}

/// Files of an index folder that its committed `meta.json` does not use:
/// segment files of other segments and interrupted atomic writes.
fn leftovers(index: &Path) -> Vec<String> {
    let meta = std::fs::read_to_string(index.join("meta.json"))
        .unwrap_or_default()
        .replace('-', "");
    std::fs::read_dir(index)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            let stem = n.split('.').next().unwrap_or_default();
            n.starts_with(".tmp") || (stem.len() == 32 && !meta.contains(stem))
        })
        .collect()
}

/// Waits for `child` at most `limit`; kills it and fails if it is still running.
fn wait_at_most(child: &mut Child, limit: Duration, what: &str) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A generated corpus, its index, its answers, the same corpus changed, and its answers.
struct Scene {
    _d: Dir,
    /// The corpus as first indexed (`before` answers from it).
    original: PathBuf,
    /// The same corpus with one paragraph more (`after` answers from it).
    corpus: PathBuf,
    index: PathBuf,
    empty: PathBuf,
    build_time: Duration,
    before: BTreeMap<&'static str, Result<Vec<String>, String>>,
    after: BTreeMap<&'static str, Result<Vec<String>, String>>,
}

fn scene(documents: usize) -> Scene {
    let d = Dir::new();
    let (corpus, index, empty) = (d.join("corpus"), d.join("index"), d.join("empty"));
    generate::corpus(&corpus, documents, 11);
    std::fs::create_dir_all(&empty).unwrap();
    let t = Instant::now();
    run_ok(index_run(&corpus, &index, true));
    let build_time = t.elapsed();
    let before = answers(&index, &empty);
    assert!(
        before
            .values()
            .take(4)
            .all(|a| a.as_ref().is_ok_and(|v| !v.is_empty())),
        "{before:?}"
    );
    let original = d.join("original");
    std::fs::create_dir_all(&original).unwrap();
    for e in std::fs::read_dir(&corpus).unwrap().flatten() {
        std::fs::copy(e.path(), original.join(e.file_name())).unwrap();
    }
    let first = corpus.join("A-RES-50-1.txt");
    let mut text = std::fs::read_to_string(&first).unwrap();
    text.push_str("\n99. Decides zebracorn.\n");
    std::fs::write(&first, text).unwrap();
    let reference = d.join("reference");
    run_ok(index_run(&corpus, &reference, false));
    let after = answers(&reference, &empty);
    assert!(
        after["zebracorn"].as_ref().is_ok_and(|v| v.len() == 1),
        "{after:?}"
    );
    assert_ne!(before, after);
    Scene {
        _d: d,
        original,
        corpus,
        index,
        empty,
        build_time,
        before,
        after,
    }
}

/// Where a build can be held (`src/index/hold.rs`), in the order it reaches them.
const LOCKED: &str = "locked";
const BEFORE_COMMIT: &str = "before-commit";
const COMMITTED: &str = "committed";

/// A rebuild of `index` from `corpus` that stops at each of `points` until
/// [`release`]d, its marker files in `hold` (a folder of its own).
fn held_rebuild(corpus: &Path, index: &Path, hold: &Path, points: &[&str]) -> Child {
    std::fs::create_dir_all(hold).unwrap();
    index_run(corpus, index, true)
        .env("UNDEX_HOLD_AT", points.join(","))
        .env("UNDEX_HOLD_DIR", hold)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Waits until `child` is held at `point` and returns the pid it wrote;
/// fails if it ends first, or is not there within five minutes (a hung
/// build, not a slow one: a 1,000-document build takes seconds).
fn wait_held(child: &mut Child, hold: &Path, point: &str) -> u32 {
    let marker = hold.join(format!("{point}.held"));
    let start = Instant::now();
    loop {
        if let Ok(pid) = std::fs::read_to_string(&marker) {
            return pid.trim().parse().unwrap();
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the build ended ({status}) before it reached {point}");
        }
        if start.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            panic!("the build did not reach {point} in 5 minutes");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Lets a build held at `point` go on.
fn release(hold: &Path, point: &str) {
    std::fs::write(hold.join(format!("{point}.go")), "").unwrap();
}

#[test]
#[ignore = "long: run by tests/faults.sh"]
fn a_rebuild_killed_at_any_moment_leaves_the_previous_index_whole_and_the_next_build_cleans_up() {
    let s = scene(1000);
    let kills: usize = std::env::var("UNDEX_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(20);
    let mut rng = Rng::new(5);
    let (mut kept, mut replaced, mut left) = (0, 0, 0);
    let mut now_after = false;
    for i in 0..kills {
        // Each build goes to the other corpus, so that the old and the new answers always differ.
        let target = if now_after { &s.original } else { &s.corpus };
        let hold = s._d.join(&format!("hold-{i}"));
        // Three kills in four at a known point of the build (held there, so
        // that where the kill lands does not depend on the machine's speed),
        // the fourth at a random moment, wherever the build then is.
        let point = [None, Some(LOCKED), Some(BEFORE_COMMIT), Some(COMMITTED)][i % 4];
        let mut child = held_rebuild(target, &s.index, &hold, point.as_slice());
        let at = match point {
            Some(p) => {
                wait_held(&mut child, &hold, p);
                format!("held at {p}")
            }
            None => {
                let at = s.build_time.mul_f64(0.02 + rng.below(900) as f64 / 1000.0);
                std::thread::sleep(at);
                format!("after {at:?}")
            }
        };
        child.kill().unwrap();
        child.wait().unwrap();
        let now = answers(&s.index, &s.empty);
        let (old, new) = if now_after {
            (&s.after, &s.before)
        } else {
            (&s.before, &s.after)
        };
        let files = leftovers(&s.index).len();
        left = left.max(files);
        match point {
            Some(LOCKED) | Some(BEFORE_COMMIT) => {
                assert_eq!(now, *old, "kill #{} {at}: the old index must answer", i + 1)
            }
            Some(_) => assert_eq!(now, *new, "kill #{} {at}: committed", i + 1),
            None => {}
        }
        if point == Some(BEFORE_COMMIT) {
            assert!(
                files > 0,
                "kill #{} {at}: the segments written are left behind",
                i + 1
            );
        }
        if now == *old {
            kept += 1;
        } else if now == *new {
            replaced += 1;
            now_after = !now_after;
        } else {
            panic!(
                "kill #{} {at}: neither the old nor the new index: {now:?}",
                i + 1
            );
        }
    }
    eprintln!(
        "{kills} kills: {kept} left the old index, {replaced} the new one; at most {left} files left behind"
    );
    // The next plain `undex index` cleans up, whether it has something to commit or not.
    let current = if now_after { &s.corpus } else { &s.original };
    run_ok(index_run(current, &s.index, false));
    assert_eq!(
        leftovers(&s.index),
        Vec::<String>::new(),
        "the next build cleans up"
    );
    let expected = if now_after { &s.after } else { &s.before };
    assert_eq!(answers(&s.index, &s.empty), *expected);
}

#[test]
#[ignore = "long: run by tests/faults.sh"]
fn searches_during_rebuilds_always_answer_from_the_old_or_the_new_index() {
    let s = scene(1000);
    let mut searches = 0;
    // There and back: to the changed corpus, then to the original.
    for (round, (target, old, new)) in [
        (&s.corpus, &s.before, &s.after),
        (&s.original, &s.after, &s.before),
    ]
    .into_iter()
    .enumerate()
    {
        let hold = s._d.join(&format!("hold-{round}"));
        let points = [LOCKED, BEFORE_COMMIT, COMMITTED];
        let mut child = held_rebuild(target, &s.index, &hold, &points);
        for point in points {
            wait_held(&mut child, &hold, point);
            // Held there, the build stays at that point for every search.
            for _ in 0..2 {
                let got = answers(&s.index, &s.empty);
                let want = if point == COMMITTED { new } else { old };
                assert_eq!(got, *want, "round {round}, build held at {point}");
                searches += QUERIES.len();
            }
            release(&hold, point);
        }
        let status = wait_at_most(&mut child, Duration::from_secs(300), "rebuild");
        assert!(status.success());
        assert_eq!(answers(&s.index, &s.empty), *new, "round {round}: after");
    }
    // And searches while a build runs free, wherever it is: each answers
    // from one index or the other (how many overlap which stage is the
    // machine's business, so it is not counted).
    let mut child = index_run(&s.corpus, &s.index, true)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(300) {
        for q in ["security", "zebracorn"] {
            let got = search(&s.index, &s.empty, q);
            assert!(
                got == s.before[q] || got == s.after[q],
                "search {searches} of {q:?} during the free rebuild: {got:?}"
            );
            searches += 1;
        }
    }
    let status = wait_at_most(&mut child, Duration::from_secs(300), "rebuild");
    assert!(status.success());
    assert_eq!(answers(&s.index, &s.empty), s.after);
    eprintln!("{searches} searches during 3 rebuilds");
}

#[test]
#[ignore = "long: run by tests/faults.sh"]
fn two_builds_at_once_the_second_is_refused_naming_the_first_and_the_index_is_whole() {
    let s = scene(1000);
    // The first build held while it holds the lock; the second plain, then
    // --rebuild, then plain again while the first is about to commit.
    for (round, (point, rebuild)) in [(LOCKED, false), (LOCKED, true), (BEFORE_COMMIT, false)]
        .into_iter()
        .enumerate()
    {
        let hold = s._d.join(&format!("hold-{round}"));
        let mut first = held_rebuild(&s.corpus, &s.index, &hold, &[point]);
        assert_eq!(wait_held(&mut first, &hold, point), first.id());
        let before = answers(&s.index, &s.empty);
        let second = index_run(&s.corpus, &s.index, rebuild).output().unwrap();
        let err = String::from_utf8_lossy(&second.stderr);
        assert_eq!(second.status.code(), Some(2), "round {round}: {err}");
        assert!(
            err.contains(&format!("process {} is building the index", first.id())),
            "round {round}: {err}"
        );
        assert_eq!(answers(&s.index, &s.empty), before, "round {round}");
        release(&hold, point);
        let status = wait_at_most(&mut first, Duration::from_secs(300), "first build");
        assert!(status.success());
        assert_eq!(answers(&s.index, &s.empty), s.after);
    }
}

#[test]
fn a_second_build_is_refused_naming_the_process_that_holds_the_lock() {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution("A/RES/99/1", "OEWG", "1. Decides on quorum."),
    );
    d.undex(&["index"]).expect_code(0);
    let before = std::fs::read(d.join("index/meta.json")).unwrap();
    let lock = undex::index::lock::acquire(&d.join("index")).unwrap();
    d.write(
        "corpus/b.txt",
        resolution("A/RES/99/2", "GGE", "1. Decides on quorum again."),
    );
    let r = d.undex(&["index"]);
    r.expect_code(2);
    assert!(
        r.stderr().contains(&format!(
            "process {} is building the index",
            std::process::id()
        )),
        "{}",
        r.stderr()
    );
    assert_eq!(std::fs::read(d.join("index/meta.json")).unwrap(), before);
    // Searching is never refused while a build runs.
    assert_eq!(d.undex(&["search", "--json", "quorum"]).hit_ids().len(), 1);
    drop(lock);
    d.undex(&["index"]).expect_code(0);
    assert_eq!(d.undex(&["search", "--json", "quorum"]).hit_ids().len(), 2);
}

/// A tantivy index of another program, in `dir`.
fn foreign_tantivy_index(dir: &Path) {
    use tantivy::schema::{STORED, Schema, TEXT};
    let mut schema = Schema::builder();
    let body = schema.add_text_field("body", TEXT | STORED);
    let index = tantivy::Index::create_in_dir(dir, schema.build()).unwrap();
    let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    writer
        .add_document(tantivy::doc!(body => "someone else's data"))
        .unwrap();
    writer.commit().unwrap();
}

#[test]
fn a_folder_that_is_not_an_undex_index_is_refused_and_left_untouched() {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution("A/RES/99/1", "OEWG", "1. Decides on quorum."),
    );
    d.write("thesis/thesis.docx", "three years of work");
    d.write("hidden/.git/config", "[core]");
    d.write("nested/chapters/one.md", "# One");
    d.write("app/meta.json", "{\"name\": \"my web app\"}");
    d.write("app-and-readme/meta.json", "{\"version\": 3}");
    d.write("app-and-readme/README.md", "my app");
    std::fs::create_dir_all(d.join("other-engine")).unwrap();
    foreign_tantivy_index(&d.join("other-engine"));
    let file = d.write("a-file", "not a folder");
    for folder in [
        "thesis",
        "hidden",
        "nested",
        "app",
        "app-and-readme",
        "other-engine",
        "a-file",
    ] {
        let path = d.join(folder);
        let before = if path.is_dir() {
            snapshot(&path)
        } else {
            BTreeMap::new()
        };
        for args in [
            vec!["index", "--index", folder],
            vec!["index", "--rebuild", "--index", folder],
            vec!["search", "--index", folder, "quorum"],
        ] {
            let r = d.undex(&args);
            r.expect_code(2);
            let err = r.stderr();
            assert!(
                err.contains("not an undex index")
                    || err.contains("is a file, not an index folder"),
                "{args:?}: {err}"
            );
        }
        if path.is_dir() {
            assert_eq!(snapshot(&path), before, "{folder} was touched");
        }
    }
    assert_eq!(std::fs::read(&file).unwrap(), b"not a folder");
}

#[test]
fn the_corpus_walk_follows_no_symlink_out_and_reads_no_fifo_socket_or_device() {
    use std::os::unix::fs::symlink;
    let d = Dir::new();
    d.write(
        "corpus/good.txt",
        resolution("A/RES/99/1", "OEWG", "1. Decides on quorum."),
    );
    d.write(
        "outside/secret.txt",
        resolution("A/RES/99/2", "GGE", "1. Decides on zebracorn."),
    );
    d.write(
        "outside/dir/more.txt",
        resolution("A/RES/99/3", "GGE", "1. Decides on zebracorn."),
    );
    symlink(d.join("outside/secret.txt"), d.join("corpus/link.txt")).unwrap();
    symlink(d.join("outside/dir"), d.join("corpus/linked-dir")).unwrap();
    symlink("../../outside/secret.txt", d.join("corpus/relative.md")).unwrap_or(());
    symlink("/dev/zero", d.join("corpus/zero.txt")).unwrap();
    symlink("/dev/urandom", d.join("corpus/random.md")).unwrap();
    symlink(d.join("corpus/missing.txt"), d.join("corpus/broken.txt")).unwrap();
    let fifo = d.join("corpus/pipe.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    symlink(&fifo, d.join("corpus/pipe-link.txt")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(d.join("corpus/socket.txt")).unwrap();
    // A device node needs CAP_MKNOD, which containers often lack.
    let device = Command::new("mknod")
        .arg(d.join("corpus/device.txt"))
        .args(["c", "1", "5"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let mut child = undex()
        .arg("index")
        .current_dir(d.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_at_most(&mut child, Duration::from_secs(60), "undex index");
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(status.success(), "{err}");
    let mut skipped = vec![
        "link.txt",
        "zero.txt",
        "random.md",
        "broken.txt",
        "pipe.txt",
        "pipe-link.txt",
        "socket.txt",
    ];
    if device {
        skipped.push("device.txt");
    }
    for name in skipped {
        assert!(
            err.lines()
                .any(|l| l.contains(&format!("corpus/{name}: skipped"))),
            "{name} not reported as skipped: {err}"
        );
    }
    assert_eq!(
        d.undex(&["search", "--json", "quorum"]).hit_ids(),
        ["A/RES/99/1#OP1"]
    );
    d.undex(&["search", "zebracorn"]).expect_code(1);
}

/// Whether this process may build mount namespaces (root with `unshare`).
fn can_unshare() -> bool {
    Command::new("unshare")
        .args(["-m", "true"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_full_disk_during_a_build_is_a_clear_error_and_the_previous_index_stays_whole() {
    if !can_unshare() {
        eprintln!("SKIPPED: needs root and `unshare -m` to mount a small tmpfs");
        return;
    }
    let d = Dir::new();
    generate::corpus(&d.join("small"), 20, 1);
    generate::corpus(&d.join("large"), 600, 2);
    std::fs::create_dir_all(d.join("mnt")).unwrap();
    std::fs::create_dir_all(d.join("empty")).unwrap();
    std::fs::create_dir_all(d.join("out")).unwrap();
    // Everything on the tmpfs happens inside one mount namespace; results go to out/.
    let script = r#"
set -u
mount -t tmpfs -o size=8m tmpfs mnt || exit 90
q() { "$UNDEX" search --json --limit 10 --index mnt/index --corpus empty -- "$1" 2>>out/search.err; }
"$UNDEX" index --corpus small --index mnt/index 2>out/first.err || exit 91
q security > out/before.json
# Fill the disk: only a few kilobytes stay free.
dd if=/dev/zero of=mnt/filler bs=4k 2>/dev/null
"$UNDEX" index --rebuild --corpus large --index mnt/index 2>out/full.err
echo $? > out/full.code
q security > out/during.json; echo $? > out/during.code
rm mnt/filler
"$UNDEX" index --corpus large --index mnt/index 2>out/freed.err; echo $? > out/freed.code
q security > out/freed.json
ls -a mnt/index > out/files
"#;
    // Everything the script prints is captured: a test prints nothing of its own.
    let run = Command::new("unshare")
        .args(["-m", "sh", "-c", script])
        .current_dir(d.path())
        .env("UNDEX", env!("CARGO_BIN_EXE_undex"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{:?}: {}{}",
        run.status,
        String::from_utf8_lossy(&run.stderr),
        std::fs::read_to_string(d.join("out/first.err")).unwrap_or_default()
    );
    let read = |n: &str| std::fs::read_to_string(d.join("out").join(n)).unwrap();
    let err = read("full.err");
    assert_eq!(read("full.code").trim(), "2", "{err}");
    assert!(
        err.starts_with("undex: cannot build the index in mnt/index: ")
            && err.to_lowercase().contains("space left on"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(read("during.code").trim(), "0");
    assert_eq!(
        read("during.json"),
        read("before.json"),
        "the previous index answers as before"
    );
    assert_eq!(read("freed.code").trim(), "0", "{}", read("freed.err"));
    assert_ne!(read("freed.json"), read("before.json"));
    assert!(!read("files").contains(".tmp"), "{}", read("files"));
}

#[test]
fn a_read_only_index_folder_refuses_a_build_clearly_and_still_answers() {
    if !can_unshare() {
        eprintln!("SKIPPED: needs root and `unshare -m` to remount the index read-only");
        return;
    }
    let d = Dir::new();
    generate::corpus(&d.join("small"), 20, 1);
    generate::corpus(&d.join("other"), 30, 2);
    std::fs::create_dir_all(d.join("empty")).unwrap();
    std::fs::create_dir_all(d.join("out")).unwrap();
    run_ok(index_run(&d.join("small"), &d.join("index"), false));
    let before = snapshot(&d.join("index"));
    let expected = search(&d.join("index"), &d.join("empty"), "security").unwrap();
    let script = r#"
set -u
mount --bind index index && mount -o remount,ro,bind index index || exit 90
"$UNDEX" index --rebuild --corpus other --index index 2>out/ro.err; echo $? > out/ro.code
"$UNDEX" search --json --limit 10 --index index --corpus empty -- security >out/ro.json 2>out/search.err
echo $? > out/search.code
"#;
    let run = Command::new("unshare")
        .args(["-m", "sh", "-c", script])
        .current_dir(d.path())
        .env("UNDEX", env!("CARGO_BIN_EXE_undex"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{:?}: {}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    let read = |n: &str| std::fs::read_to_string(d.join("out").join(n)).unwrap();
    let err = read("ro.err");
    assert_eq!(read("ro.code").trim(), "2", "{err}");
    assert_eq!(
        err.trim_end(),
        "undex: index/.undex.lock: Read-only file system (os error 30)",
        "said once"
    );
    assert_eq!(
        read("search.code").trim(),
        "0",
        "a read-only index still answers: {}",
        read("search.err")
    );
    assert_eq!(snapshot(&d.join("index")), before);
    assert_eq!(
        search(&d.join("index"), &d.join("empty"), "security").unwrap(),
        expected
    );
}

#[test]
fn an_index_with_nothing_to_do_still_collects_what_a_killed_build_left() {
    let d = Dir::new();
    d.write(
        "corpus/a.txt",
        resolution("A/RES/99/1", "OEWG", "1. Decides to keep quorum rules;\n"),
    );
    d.undex(&["index"]).expect_code(0);
    let index = d.join("index");
    // An uncommitted segment, as a build killed before its commit leaves it.
    {
        let tantivy = tantivy::Index::open_in_dir(&index).unwrap();
        undex::analysis::register(tantivy.tokenizers());
        let mut writer: tantivy::IndexWriter<tantivy::TantivyDocument> =
            tantivy.writer_with_num_threads(1, 15_000_000).unwrap();
        writer
            .add_document(tantivy::TantivyDocument::default())
            .unwrap();
        // Segment files written, never committed; the writer lets go of
        // the folder as a killed process does.
        let prepared = writer.prepare_commit().unwrap();
        drop(prepared);
        drop(writer);
    }
    assert!(
        !leftovers(&index).is_empty(),
        "the test must start with files left behind"
    );
    let r = d.undex(&["index"]);
    r.expect_code(0);
    assert!(r.stdout().contains("up to date"), "{}", r.stdout());
    assert_eq!(leftovers(&index), Vec::<String>::new());
    assert_eq!(d.undex(&["search", "--json", "quorum"]).hit_ids().len(), 1);
}
