//! How results are printed: JSON Lines records (the documented wire format, [`record`]), CSV, tables and the human listings with highlighted words.
//!
//! Human output is written with ANSI styles; the binary's stream strips
//! them unless standard output is a terminal and `NO_COLOR` is unset.

pub mod align;
pub mod compare;
pub mod import;
pub mod import_summary;
pub mod kwic;
mod plural;
pub mod record;
pub mod search;
pub mod show;
pub mod stats;
pub mod table;

use anstyle::{AnsiColor, Style};

use crate::search::PassageRecord;

pub use plural::{plural, plural_noun};
pub use record::Record;

const CITATION: Style = Style::new().bold();
const MATCH: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const DIM: Style = Style::new().dimmed();

fn processes(p: &PassageRecord) -> String {
    if p.process.is_empty() {
        String::new()
    } else {
        format!("  [{}]", p.process.join(", "))
    }
}
