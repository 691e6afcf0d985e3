//! The one helper of the integration tests: a fresh temp folder and the real `undex` binary run inside it.
#![allow(dead_code)]

pub mod generate;
pub mod golden;
pub mod pdf;
pub mod rng;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The bytes of the import fixture `tests/fixtures/import/<name>`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = golden::import_fixture(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A temp folder with files in it, removed when dropped.
pub struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// Writes `content` to `rel`, creating folders.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, content).expect("write");
        p
    }

    /// Runs undex with `args` in this folder (NO_COLOR unset, stdout piped).
    pub fn undex(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_undex"))
            .args(args)
            .current_dir(self.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .output()
            .expect("run undex");
        Run {
            out,
            args: args.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// The outcome of one run.
pub struct Run {
    pub out: Output,
    args: Vec<String>,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.out.status.code().unwrap_or(-1)
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
    /// Asserts the exit code, showing everything when it differs.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code(),
            code,
            "undex {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.args,
            self.stdout(),
            self.stderr()
        );
        assert!(!self.stderr().contains("panicked"), "{}", self.stderr());
        self
    }
    /// The `data` of every JSON Lines record of type `kind`.
    pub fn records(&self, kind: &str) -> Vec<serde_json::Value> {
        self.stdout()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
            .filter(|r| r["type"] == kind)
            .map(|r| r["data"].clone())
            .collect()
    }
    /// The ids of the hits.
    pub fn hit_ids(&self) -> Vec<String> {
        self.records("hit")
            .iter()
            .map(|h| h["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    }
}

/// A small resolution in the corpus format.
pub fn resolution(symbol: &str, process: &str, body: &str) -> String {
    format!(
        "+++\nsymbol = \"{symbol}\"\ntitle = \"A test resolution\"\nkind = \"resolution\"\nprocess = \"{process}\"\n+++\n\nThe General Assembly,\n\n{body}\n"
    )
}

/// The project's built-in corpus.
pub fn builtin_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}
