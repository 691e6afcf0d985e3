//! `corpus/processes.toml`: which negotiating process(es) each document symbol belongs to.

use std::collections::BTreeMap;
use std::path::Path;

use crate::{Diagnostic, Error, Result};

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

    #[test]
    fn the_corpus_table_is_valid() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/processes.toml");
        let table = load_processes_table(&path).ok();
        let oewg = table.as_ref().and_then(|t| t.get("A/RES/73/27")).cloned();
        assert_eq!(oewg, Some(vec!["OEWG".to_string()]));
    }
}
