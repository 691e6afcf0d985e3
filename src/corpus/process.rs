//! The negotiating processes undex knows by name (the OEWG, the GGE, the AHC): one table giving their spelling, their order in every list, and how texts name them.

use std::sync::LazyLock;

use regex::Regex;

use crate::static_regex::static_regex;

/// A process undex knows by name.
pub struct Process {
    /// Its own spelling, as stored and printed: `OEWG`.
    pub name: &'static str,
    /// How a text names it, in any case.
    named: LazyLock<Regex>,
}

/// The known processes, in the order every list gives them (other
/// processes follow, by name).
pub static PROCESSES: [Process; 3] = [
    Process {
        name: "OEWG",
        named: LazyLock::new(|| static_regex(r"(?i)\bOEWG\b|\bopen-ended working group\b")),
    },
    Process {
        name: "GGE",
        named: LazyLock::new(|| {
            static_regex(r"(?i)\b(?:UN)?GGEs?\b|\bgroup of governmental experts\b")
        }),
    },
    // The cybercrime track. "Ad hoc committee" alone names many UN bodies,
    // so a text names this one only with its task.
    Process {
        name: "AHC",
        named: LazyLock::new(|| {
            static_regex(
                r"(?i)\bAHC\b|\bad hoc (?:intergovernmental )?committee (?:of experts,? )?(?:representative of all regions, )?(?:to elaborate a comprehensive international convention|on cybercrime)",
            )
        }),
    },
];

/// The processes a text names ("OEWG", "UNGGE", "open-ended working
/// group", …), in the table's order.
pub fn processes_named(text: &str) -> Vec<String> {
    PROCESSES
        .iter()
        .filter(|p| p.named.is_match(text))
        .map(|p| p.name.to_owned())
        .collect()
}

/// A process's own spelling for a name typed in any case (`oewg` →
/// `OEWG`); another name, trimmed, as it is.
pub fn canonical(name: &str) -> String {
    let name = name.trim();
    PROCESSES
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
        .map_or_else(|| name.to_owned(), |p| p.name.to_owned())
}

/// Where `name` goes in a list of processes: the known ones first, in the
/// table's order, then the others by name.
pub fn order(name: &str) -> (usize, &str) {
    let known = PROCESSES.iter().position(|p| p.name == name);
    (known.unwrap_or(PROCESSES.len()), name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_name_the_processes_in_many_ways() {
        assert_eq!(processes_named("the OEWG and the UNGGE"), ["OEWG", "GGE"]);
        assert_eq!(
            processes_named("a Group of Governmental Experts, then an open-ended working group"),
            ["OEWG", "GGE"]
        );
        assert_eq!(processes_named("the GGEs"), ["GGE"]);
        assert!(processes_named("Member States; OEWGs; AGGER").is_empty());
        assert_eq!(
            processes_named(
                "the Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use of ICTs"
            ),
            ["AHC"]
        );
        assert_eq!(
            processes_named(
                "an open-ended ad hoc intergovernmental committee of experts, representative of all regions, to elaborate a comprehensive international convention"
            ),
            ["AHC"]
        );
        assert_eq!(processes_named("the AHC and the OEWG"), ["OEWG", "AHC"]);
        assert!(processes_named("the Ad Hoc Committee on the Indian Ocean").is_empty());
    }

    #[test]
    fn known_processes_are_spelled_and_listed_their_way() {
        assert_eq!(canonical(" oewg "), "OEWG");
        assert_eq!(canonical("Gge"), "GGE");
        assert_eq!(canonical("ahc"), "AHC");
        assert_eq!(canonical(" Ad hoc committee "), "Ad hoc committee");
        let mut names = ["Ad hoc", "GGE", "AHC", "OEWG"];
        names.sort_by_key(|n| order(n));
        assert_eq!(names, ["OEWG", "GGE", "AHC", "Ad hoc"]);
    }
}
