//! The passage filters `search`, `compare` and `kwic` share: one flattened set of flags, turned into the library's [`Filters`].

use clap::Args;
use clap::builder::PossibleValuesParser;

use undex::search::Filters;

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
        value_parser = PossibleValuesParser::new(["preambular", "operative", "report", "commentary"])
    )]
    pub part: Vec<String>,
    /// Only passages of documents of this kind (repeat for several).
    #[arg(
        long,
        value_name = "KIND",
        ignore_case = true,
        value_parser = PossibleValuesParser::new(["resolution", "decision", "report", "commentary"])
    )]
    pub kind: Vec<String>,
}

impl Select {
    /// The library's filters.
    pub fn filters(&self) -> Filters {
        Filters {
            processes: self.process.clone(),
            docs: self.docs.clone(),
            parts: self.part.clone(),
            kinds: self.kind.clone(),
        }
    }
}
