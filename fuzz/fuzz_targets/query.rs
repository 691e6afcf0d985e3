//! Fuzz target: any string typed as a query gives results or a query error, never a panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use undex::corpus::{Corpus, parse_bytes};
use undex::index::Index;
use undex::search::SearchOptions;

const DOCS: [&str; 2] = [
    "+++\nsymbol = \"A/RES/99/1\"\ntitle = \"Fuzz\"\nkind = \"resolution\"\nprocess = \"OEWG\"\nadopted = 2018-12-05\n+++\n\nThe General Assembly,\n\nRecalling its resolution 53/70 on consensus,\n\n1. Decides to convene an open-ended working group;\n\n2. Requests the Secretary-General to study norms:\n\n(a) International law[^1];\n\n(i) State sovereignty;\n\n[^1]: A/70/174.\n",
    "+++\nsymbol = \"Chung2019\"\nkind = \"commentary\"\nauthor = \"Myung-Hyun Chung\"\ndate = \"2019-05\"\n+++\n\n## OEWG v. GGE\n\nThe group of governmental experts met; see A/RES/99/1, para. 2(a).\n\n- Consensus matters.\n",
];

fn index() -> Option<&'static Index> {
    static INDEX: OnceLock<Option<Index>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let documents = DOCS
                .iter()
                .filter_map(|d| parse_bytes(Path::new("fuzz.txt"), d.as_bytes()).ok())
                .map(|(doc, _)| doc)
                .collect();
            let corpus = Corpus {
                documents,
                ..Corpus::default()
            };
            Index::build_in_ram(&corpus).ok()
        })
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Some(index) = index() else { return };
    let query = String::from_utf8_lossy(data).into_owned();
    let _ = index.search(&SearchOptions {
        query,
        ..SearchOptions::default()
    });
});
