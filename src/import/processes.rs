//! The table of processes: which negotiating process(es) each document symbol belongs to, built in (`processes-builtin.toml`) and extended or overridden by a corpus's `processes.toml`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::{Diagnostic, Error, Result};

/// The built-in table's text, embedded so that an import run anywhere knows
/// the field's documents; each entry names its source.
const BUILTIN: &str = include_str!("processes-builtin.toml");

/// The table of processes built into undex: every resolution, decision and
/// report of the OEWG, GGE and AHC lines that a source names.
pub fn builtin_processes_table() -> Result<BTreeMap<String, Vec<String>>> {
    parse_processes_table(BUILTIN, Path::new("src/import/processes-builtin.toml"))
}

/// The built-in table with the `processes.toml` of each of `dirs` laid over
/// it, the first of `dirs` last so that it wins: a symbol a folder's table
/// lists takes that table's processes, whatever the tables below it say.
pub fn layered_processes_table(dirs: &[&Path]) -> Result<BTreeMap<String, Vec<String>>> {
    let mut table = builtin_processes_table()?;
    for d in dirs.iter().rev() {
        let p = d.join("processes.toml");
        if p.is_file() {
            table.extend(load_processes_table(&p)?);
        }
    }
    Ok(table)
}

/// Reads a processes table: TOML, one `"symbol" = "PROCESS"` or
/// `"symbol" = ["OEWG", "GGE"]` per line.
///
/// Every malformed entry is reported with its line; a symbol that is not a
/// UN document symbol is an error (it is usually a typo).
pub fn load_processes_table(path: &Path) -> Result<BTreeMap<String, Vec<String>>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_processes_table(&text, path)
}

/// Parses the text of a processes table (see [`load_processes_table`]);
/// `path` only names it in diagnostics.
pub fn parse_processes_table(text: &str, path: &Path) -> Result<BTreeMap<String, Vec<String>>> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| {
            text.get(..s.start)
                .map_or(0, |t| t.matches('\n').count() + 1)
        });
        Error::input(
            path,
            line,
            format!("not a valid processes table: {}", e.message()),
        )
    })?;
    let line_of = |key: &str| {
        text.lines()
            .position(|l| l.trim_start().trim_start_matches('"').starts_with(key))
            .map_or(0, |i| i + 1)
    };
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for (symbol, value) in table {
        let line = line_of(&symbol);
        if super::furniture::as_symbol(&symbol).as_deref() != Some(symbol.as_str()) {
            problems.push(Diagnostic::new(
                path,
                line,
                format!("`{symbol}` is not a document symbol"),
            ));
            continue;
        }
        let processes: Option<Vec<String>> = match &value {
            toml::Value::String(s) => Some(vec![s.clone()]),
            toml::Value::Array(items) => items
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => None,
        };
        match processes {
            Some(p) if !p.is_empty() && p.iter().all(|s| !s.trim().is_empty()) => {
                out.insert(symbol, p);
            }
            _ => problems.push(Diagnostic::new(
                path,
                line,
                format!("the process of `{symbol}` must be a name or a list of names"),
            )),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::Input(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_lists() {
        let text = "# comment\n\"A/RES/1/1\" = \"OEWG\"\n\"A/RES/1/2\" = [\"OEWG\", \"GGE\"]\n";
        let table = parse_processes_table(text, Path::new("p.toml")).ok();
        let want: BTreeMap<String, Vec<String>> = [
            ("A/RES/1/1".to_string(), vec!["OEWG".to_string()]),
            (
                "A/RES/1/2".to_string(),
                vec!["OEWG".to_string(), "GGE".to_string()],
            ),
        ]
        .into();
        assert_eq!(table, Some(want));
    }

    #[test]
    fn bad_entries_name_their_line() {
        let text = "\"A/RES/1/1\" = \"OEWG\"\n\"A/RES/1/2\" = 3\n\"not a symbol\" = \"GGE\"\n";
        let Err(Error::Input(diags)) = parse_processes_table(text, Path::new("p.toml")) else {
            panic!("expected an error");
        };
        let lines: Vec<usize> = diags.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 3]);
        let Err(Error::Input(diags)) =
            parse_processes_table("\"A/RES/1/1\" = \n", Path::new("p.toml"))
        else {
            panic!("expected an error");
        };
        assert_eq!(diags.first().map(|d| d.line), Some(1));
    }

    /// The keys of a table's text as its lines write them, in order.
    fn keys_of(text: &str) -> Vec<String> {
        text.lines()
            .filter_map(|l| l.trim_start().strip_prefix('"'))
            .filter_map(|l| l.split_once('"').map(|(k, _)| k.to_string()))
            .collect()
    }

    #[test]
    fn every_builtin_entry_is_a_symbol_listed_once() {
        let table = builtin_processes_table().unwrap_or_else(|e| panic!("{e}"));
        let keys = keys_of(BUILTIN);
        assert_eq!(
            keys.len(),
            table.len(),
            "every line's entry is in the table"
        );
        let mut seen = std::collections::BTreeSet::new();
        for key in &keys {
            assert!(seen.insert(key), "{key} is listed twice");
            assert_eq!(
                crate::corpus::frontmatter::check_symbol(key),
                Ok(()),
                "{key} is not a symbol the corpus accepts"
            );
        }
        for (symbol, processes) in &table {
            for p in processes {
                assert_eq!(
                    &crate::corpus::process::canonical(p),
                    p,
                    "{symbol}: {p} is spelled as the table of processes spells it"
                );
            }
        }
    }

    #[test]
    fn every_builtin_entry_names_its_source() {
        let unsourced: Vec<&str> = BUILTIN
            .lines()
            .filter(|l| l.starts_with('"'))
            .filter(|l| l.split_once('#').is_none_or(|(_, c)| c.trim().is_empty()))
            .collect();
        assert!(unsourced.is_empty(), "{unsourced:?}");
    }

    /// The lines of the built-in table's "Sources" block that define a
    /// short name: `#   NAME  description`, the name three spaces in (the
    /// lines that continue a description stand further in).
    fn source_definitions() -> Vec<&'static str> {
        BUILTIN
            .lines()
            .skip_while(|l| !l.starts_with("# Sources"))
            .skip(1)
            .take_while(|l| l.starts_with('#'))
            .filter_map(|l| l.strip_prefix("#   "))
            .filter(|l| !l.starts_with(' '))
            .collect()
    }

    /// The short names the header defines: each definition's name ends at
    /// the first two spaces.
    fn defined_sources() -> Vec<&'static str> {
        source_definitions()
            .into_iter()
            .filter_map(|l| l.split_once("  ").map(|(name, _)| name.trim()))
            .collect()
    }

    /// Whether `name` stands in `text` as a whole word (not inside a longer
    /// one: `RES` is not found in `RESOLUTION`).
    fn names(text: &str, name: &str) -> bool {
        text.match_indices(name).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    /// The comment of each entry line of the built-in table.
    fn entry_comments() -> Vec<(&'static str, &'static str)> {
        BUILTIN
            .lines()
            .filter(|l| l.starts_with('"'))
            .map(|l| {
                l.split_once('#')
                    .map_or((l, ""), |(e, c)| (e.trim(), c.trim()))
            })
            .collect()
    }

    #[test]
    fn every_builtin_comment_names_a_source_the_header_defines() {
        let malformed: Vec<&str> = source_definitions()
            .into_iter()
            .filter(|l| !l.contains("  "))
            .collect();
        assert!(
            malformed.is_empty(),
            "a name two spaces from its description: {malformed:?}"
        );
        let sources = defined_sources();
        for name in ["RES", "UNODA sheet", "OEWG APR", "GA/DIS", "dig.watch FR"] {
            assert!(sources.contains(&name), "{name} is defined: {sources:?}");
        }
        let unsourced: Vec<&str> = entry_comments()
            .into_iter()
            .filter(|(_, c)| !sources.iter().any(|s| names(c, s)))
            .map(|(e, _)| e)
            .collect();
        assert!(
            unsourced.is_empty(),
            "no defined source named: {unsourced:?}"
        );
        let unused: Vec<&&str> = sources
            .iter()
            .filter(|s| !entry_comments().iter().any(|(_, c)| names(c, s)))
            .collect();
        assert!(unused.is_empty(), "defined but never cited: {unused:?}");
    }

    #[test]
    fn every_resolution_cited_as_a_source_is_in_the_table() {
        let table = builtin_processes_table().unwrap_or_else(|e| panic!("{e}"));
        for (entry, comment) in entry_comments() {
            for (at, _) in comment.match_indices("RES ") {
                let cited: String = comment[at + 4..]
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '/')
                    .collect();
                let symbol = format!("A/RES/{cited}");
                assert!(
                    table.contains_key(&symbol),
                    "{entry} cites {symbol}, which the table does not list"
                );
            }
        }
    }

    #[test]
    fn the_builtin_table_names_only_the_three_processes() {
        let table = builtin_processes_table().unwrap_or_else(|e| panic!("{e}"));
        for (symbol, processes) in &table {
            assert!(
                processes
                    .iter()
                    .all(|p| ["OEWG", "GGE", "AHC"].contains(&p.as_str())),
                "{symbol}: {processes:?}"
            );
            let mut unique = processes.clone();
            unique.dedup();
            assert_eq!(&unique, processes, "{symbol} names a process twice");
        }
    }

    #[test]
    fn the_builtin_table_knows_the_anchors_of_the_field() {
        let table = builtin_processes_table().unwrap_or_else(|e| panic!("{e}"));
        let of = |s: &str| table.get(s).map(|p| p.join(","));
        assert_eq!(of("A/RES/73/27").as_deref(), Some("OEWG"));
        assert_eq!(of("A/RES/75/240").as_deref(), Some("OEWG"));
        assert_eq!(of("A/75/816").as_deref(), Some("OEWG"));
        assert_eq!(of("A/RES/73/266").as_deref(), Some("GGE"));
        for report in ["A/65/201", "A/68/98", "A/70/174", "A/76/135"] {
            assert_eq!(of(report).as_deref(), Some("GGE"), "{report}");
        }
        for res in [
            "A/RES/73/187",
            "A/RES/74/247",
            "A/RES/75/282",
            "A/RES/79/243",
        ] {
            assert_eq!(of(res).as_deref(), Some("AHC"), "{res}");
        }
        // Each session's texts of the OEWG line, 74 to 80, and its reports.
        for oewg in [
            "A/RES/74/29",
            "A/RES/77/36",
            "A/RES/78/237",
            "A/RES/79/237",
            "A/RES/80/16",
            "A/77/275",
            "A/78/265",
            "A/79/214",
            "A/80/257",
            "A/DEC/75/564",
            "A/C.1/73/L.27/Rev.1",
            "A/C.1/78/L.11",
            "A/C.1/80/L.20",
        ] {
            assert_eq!(of(oewg).as_deref(), Some("OEWG"), "{oewg}");
        }
        // The GGE line's "Advancing" resolutions, the programme of action
        // that continues it, and their drafts.
        for gge in [
            "A/RES/74/28",
            "A/RES/75/32",
            "A/RES/77/37",
            "A/RES/78/16",
            "A/C.1/73/L.37",
            "A/C.1/74/L.49/Rev.1",
            "A/C.1/77/L.73",
            "A/C.1/78/L.60/Rev.1",
        ] {
            assert_eq!(of(gge).as_deref(), Some("GGE"), "{gge}");
        }
        // The common history, the joint resolution, the reports on both.
        for both in ["A/RES/53/70", "A/DEC/72/512", "A/RES/76/19", "A/77/380"] {
            assert_eq!(of(both).as_deref(), Some("OEWG,GGE"), "{both}");
        }
        // Symbols no source gives stay out, however likely.
        for absent in ["A/RES/36/103", "A/80/534", "A/RES/79/238"] {
            assert_eq!(of(absent), None, "{absent}");
        }
    }

    #[test]
    fn a_folder_table_adds_to_and_overrides_the_builtin_one() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (corpus, out) = (dir.path().join("corpus"), dir.path().join("out"));
        for d in [&corpus, &out] {
            std::fs::create_dir(d).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(
            corpus.join("processes.toml"),
            "\"A/RES/73/27\" = \"GGE\"\n\"A/RES/98/1\" = \"OEWG\"\n\"A/RES/98/2\" = \"OEWG\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(out.join("processes.toml"), "\"A/RES/98/2\" = \"AHC\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let table = layered_processes_table(&[&out, &corpus]).unwrap_or_else(|e| panic!("{e}"));
        let of = |s: &str| table.get(s).map(|p| p.join(","));
        assert_eq!(
            of("A/RES/73/27").as_deref(),
            Some("GGE"),
            "the corpus overrides"
        );
        assert_eq!(of("A/RES/98/1").as_deref(), Some("OEWG"), "the corpus adds");
        assert_eq!(
            of("A/RES/98/2").as_deref(),
            Some("AHC"),
            "the out folder wins"
        );
        assert_eq!(of("A/RES/73/266").as_deref(), Some("GGE"), "the rest stays");
        let none = layered_processes_table(&[&dir.path().join("missing")])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Some(none), builtin_processes_table().ok());
    }

    #[test]
    fn the_corpus_table_is_valid() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/processes.toml");
        assert!(load_processes_table(&path).is_ok());
    }
}
