//! Tables with undex's look (Markdown, numbers right-aligned), which comparisons, distinctive terms and stats print, and how a number missing from them reads.

use comfy_table::{CellAlignment, Table, presets};

/// `x` with `digits` decimals, or `–` when there is none.
pub(crate) fn num(x: Option<f64>, digits: usize) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.digits$}"))
}

/// A table with undex's look: Markdown, numbers right-aligned.
pub fn table(header: &[&str], rows: Vec<Vec<String>>, right_from: usize) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::ASCII_MARKDOWN);
    t.set_header(header.to_vec());
    for r in rows {
        t.add_row(r);
    }
    for i in right_from..header.len() {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}
