//! The summary an import of many inputs ends with: which were imported, which with lines to check, which were refused, each named.

use super::plural;

/// What became of each input of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Inputs imported with nothing to check.
    pub imported: Vec<String>,
    /// Inputs imported with lines to check, and how many.
    pub with_warnings: Vec<(String, usize)>,
    /// Inputs refused (their problems were said as they came).
    pub refused: Vec<String>,
}

impl ImportSummary {
    /// How many inputs it covers.
    pub fn total(&self) -> usize {
        self.imported.len() + self.with_warnings.len() + self.refused.len()
    }

    /// The summary as lines for standard error (without a prefix): one per
    /// outcome that some input had, each naming its inputs, then the counts.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.imported.is_empty() {
            out.push(format!("imported: {}", self.imported.join(", ")));
        }
        if !self.with_warnings.is_empty() {
            let named: Vec<String> = self
                .with_warnings
                .iter()
                .map(|(input, n)| format!("{input} ({})", plural(*n, "line")))
                .collect();
            out.push(format!(
                "imported with lines to check (above): {}",
                named.join(", ")
            ));
        }
        if !self.refused.is_empty() {
            out.push(format!("refused (above): {}", self.refused.join(", ")));
        }
        let checking = if self.with_warnings.is_empty() {
            String::new()
        } else {
            format!(" ({} with lines to check)", self.with_warnings.len())
        };
        out.push(format!(
            "{}: {} imported{checking}, {} refused",
            plural(self.total(), "input"),
            self.imported.len() + self.with_warnings.len(),
            self.refused.len()
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_is_named_under_its_outcome() {
        let summary = ImportSummary {
            imported: vec!["a.pdf".into(), "b.txt".into()],
            with_warnings: vec![("c.pdf".into(), 1)],
            refused: vec!["d.pdf".into()],
        };
        assert_eq!(
            summary.lines(),
            [
                "imported: a.pdf, b.txt",
                "imported with lines to check (above): c.pdf (1 line)",
                "refused (above): d.pdf",
                "4 inputs: 3 imported (1 with lines to check), 1 refused"
            ]
        );
        let clean = ImportSummary {
            imported: vec!["a.pdf".into(), "b.pdf".into()],
            ..ImportSummary::default()
        };
        assert_eq!(
            clean.lines(),
            ["imported: a.pdf, b.pdf", "2 inputs: 2 imported, 0 refused"]
        );
    }
}
