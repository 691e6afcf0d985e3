//! The passage filters `search`, `compare` and `kwic` share: one flattened set of flags, turned into the library's [`Selection`].

use clap::Args;
use clap::builder::PossibleValuesParser;

use undex::corpus::{Kind, Part};
use undex::search::Selection;

/// Which passages to search, count or list.
#[derive(Debug, Clone, Default, Args)]
pub struct Select {
    /// Only passages of this process, any case (repeat for several: --process OEWG --process GGE).
    #[arg(long, value_name = "P")]
    pub process: Vec<String>,
    /// Only passages of this document (repeat for several).
    #[arg(long = "doc", value_name = "SYMBOL")]
    pub docs: Vec<String>,
    /// Only passages of this part (repeat for several).
    #[arg(
        long,
        value_name = "PART",
        ignore_case = true,
        value_parser = PossibleValuesParser::new(Part::ALL.map(Part::as_str))
    )]
    pub part: Vec<String>,
    /// Only passages of documents of this kind (repeat for several).
    #[arg(
        long,
        value_name = "KIND",
        ignore_case = true,
        value_parser = PossibleValuesParser::new(Kind::ALL.map(Kind::as_str))
    )]
    pub kind: Vec<String>,
}

impl Select {
    /// The library's selection (its values are checked by the library: the
    /// parts and kinds offered here are the library's own).
    pub fn filters(&self) -> Selection {
        Selection {
            processes: self.process.clone(),
            docs: self.docs.clone(),
            parts: self.part.clone(),
            kinds: self.kind.clone(),
        }
    }
}
