//! `undex man`: one page with a section for every subcommand and the query language, and no reference to a page nothing generates.

mod common;

use common::Dir;

/// The subcommands `undex --help` lists (but `help`).
fn subcommands(d: &Dir) -> Vec<String> {
    let help = d.undex(&["--help"]).stdout();
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_manual_has_every_subcommand_and_the_query_language() {
    let d = Dir::new();
    let subs = subcommands(&d);
    assert!(subs.len() >= 12, "{subs:?}");
    let r = d.undex(&["man"]);
    r.expect_code(0);
    let page = r.stdout();
    assert!(
        page.starts_with(".ie") || page.contains(".TH undex 1"),
        "{page}"
    );
    for sub in &subs {
        let upper = sub.to_uppercase();
        assert!(
            page.contains(&format!(".SH \"UNDEX {upper}\"\n")),
            "no section for {sub}"
        );
        assert!(
            page.contains(&format!(".TP\n\\fBundex {sub}\\fR\n")),
            "{sub} is not in the SUBCOMMANDS list"
        );
        // Each section has the subcommand's synopsis and every option of its --help.
        assert!(
            page.contains(&format!("\\fBundex {sub}\\fR ["))
                || page.contains(&format!("\\fBundex {sub}\\fR <")),
            "no synopsis for {sub}"
        );
        let help = d.undex(&[sub, "--help"]).stdout();
        for long in help
            .split_whitespace()
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(|w| w.trim_end_matches([',', '.', ')', '`', ':']))
            .filter(|w| {
                w.chars()
                    .skip(2)
                    .all(|c| c.is_ascii_lowercase() || c == '-')
            })
        {
            assert!(
                page.contains(&long.replace('-', "\\-")),
                "{sub}: {long} is not on the page"
            );
        }
    }
    // Pages that nothing generates are never referred to.
    assert!(
        !page.contains("undex-") && !page.contains("undex\\-"),
        "a reference to an undex-*(1) page"
    );
    assert!(!page.contains("(1)"), "a reference to another page");
    // The query language, with every field the parser accepts.
    assert!(page.contains(".SH \"QUERY LANGUAGE\"\n"));
    for syntax in ["\"working group\"", "~2", " OR ", "NOT veto", "\\-veto"] {
        assert!(page.contains(syntax), "{syntax} is not explained");
    }
    for field in undex::search::query::QUERY_FIELDS {
        assert!(
            page.contains(&format!("\\fB{field}:\\fR")),
            "the field {field}: is not listed"
        );
    }
}
