//! The one place where the library may stop on a broken regular expression: patterns written in its own source, never input.
//!
//! Every static pattern of the parsers is compiled through [`static_regex`].
//! A pattern is a literal in the source, so whether it compiles does not
//! depend on any input; the test below reads every call in `src/` and
//! compiles its literal, so a typo fails `cargo test` instead of a user's run.

use regex::Regex;

/// Compiles a pattern written in the source.
#[allow(clippy::expect_used)] // proven by `every_static_pattern_compiles`, independent of input
pub(crate) fn static_regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a static pattern, checked by a unit test")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The raw-string literals passed to `static_regex(` in `text`.
    fn literals(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(at) = rest.find("static_regex(") {
            rest = &rest[at + "static_regex(".len()..];
            let arg = rest.trim_start();
            let Some(raw) = arg.strip_prefix('r') else {
                continue;
            };
            let hashes = raw.len() - raw.trim_start_matches('#').len();
            let Some(body) = raw[hashes..].strip_prefix('"') else {
                continue;
            };
            let close = format!("\"{}", "#".repeat(hashes));
            if let Some(end) = body.find(&close) {
                out.push(body[..end].to_owned());
            }
        }
        out
    }

    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }

    #[test]
    fn every_static_pattern_compiles() {
        let mut files = Vec::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut n = 0;
        for (path, text) in &files {
            if path.ends_with("static_regex.rs") {
                continue;
            }
            // Every call must pass a literal, or this test could not vouch for it.
            let calls = text.matches("static_regex(").count();
            let found = literals(text);
            assert_eq!(
                found.len(),
                calls,
                "{path}: a static_regex( call without a raw literal"
            );
            for p in found {
                assert!(regex::Regex::new(&p).is_ok(), "{path}: {p}");
                n += 1;
            }
        }
        assert!(
            n >= 20,
            "only {n} static patterns found: is the scan broken?"
        );
    }

    #[test]
    fn the_scan_reads_raw_literals_and_catches_a_bad_one() {
        let src =
            "a(static_regex(r\"^x\")); b(static_regex(\n  r#\"(\"y)\"#,\n)); static_regex(r\"(\")";
        let found = literals(src);
        assert_eq!(found, vec!["^x", "(\"y)", "("]);
        assert!(regex::Regex::new(&found[2]).is_err());
    }
}
