//! `undex schema`, `undex completions` and `undex man`: descriptions generated from the code itself, so they never drift.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, CommandFactory};

use super::Cli;

/// Print the index schema as JSON: every field (type, analyzer, stored, indexed, fast) and the analyzers.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Accepted for symmetry with the other commands; the schema is this undex's.
    #[arg(long, value_name = "DIR", hide = true)]
    pub index: Option<std::path::PathBuf>,
}

/// Print a shell completion script (bash, zsh, fish, elvish, powershell).
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Print the manual page (roff), e.g. `undex man > undex.1`.
///
/// One page holds everything: the synopsis, description and options of
/// undex and of every subcommand (each its own section, UNDEX IMPORT, UNDEX
/// SEARCH, …), and the query language. Read it with `man ./undex.1`.
#[derive(Debug, Args)]
pub struct ManArgs {}

/// Runs `undex schema`.
pub fn schema(_: &SchemaArgs, out: &mut dyn Write) -> Result<ExitCode> {
    // Serialized first, so that a closed pipe is an io::Error the caller
    // recognizes (serde_json's own error hides it from the cause chain).
    let text = serde_json::to_string_pretty(&undex::index::schema::describe())?;
    writeln!(out, "{text}")?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `undex completions`.
pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    // clap_complete panics when its writer fails (a closed pipe): give it memory.
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "undex", &mut buf);
    out.write_all(&buf)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `undex man`.
pub fn man(_: &ManArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let mut cmd = Cli::command();
    // Built, the subcommands know their full names (`undex import`).
    cmd.build();
    let subcommands: Vec<&clap::Command> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .collect();
    // Rendered in memory: a closed pipe then fails one write, not clap_mangen.
    let mut page = Vec::new();
    let top = clap_mangen::Man::new(cmd.clone());
    top.render_title(&mut page)?;
    top.render_name_section(&mut page)?;
    top.render_synopsis_section(&mut page)?;
    top.render_description_section(&mut page)?;
    top.render_options_section(&mut page)?;
    // Not clap_mangen's list of undex-import(1) … pages: the subcommands are
    // sections of this page, and that is where the list points.
    writeln!(page, ".SH SUBCOMMANDS")?;
    for sub in &subcommands {
        writeln!(page, ".TP\n\\fBundex {}\\fR", sub.get_name())?;
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        writeln!(
            page,
            "{} (see \\fBUNDEX {}\\fR below).",
            roff_text(about.trim_end_matches('.')),
            sub.get_name().to_uppercase()
        )?;
    }
    query_language(&mut page)?;
    for sub in &subcommands {
        writeln!(page, ".SH \"UNDEX {}\"", sub.get_name().to_uppercase())?;
        let man = clap_mangen::Man::new((*sub).clone());
        let mut section = Vec::new();
        man.render_synopsis_section(&mut section)?;
        man.render_description_section(&mut section)?;
        man.render_options_section(&mut section)?;
        // The subcommand's own headings become subsections of its section.
        for line in String::from_utf8_lossy(&section).lines() {
            match line.strip_prefix(".SH ") {
                Some(heading) => writeln!(page, ".SS {}", title_case(heading))?,
                None => writeln!(page, "{line}")?,
            }
        }
    }
    top.render_version_section(&mut page)?;
    out.write_all(&page)?;
    Ok(ExitCode::SUCCESS)
}

/// The QUERY LANGUAGE section: what `undex search` reads. The field names
/// come from the query parser's own list, so the page names every field it
/// accepts.
fn query_language(page: &mut Vec<u8>) -> std::io::Result<()> {
    let fields: Vec<String> = undex::search::query::QUERY_FIELDS
        .iter()
        .map(|f| format!("\\fB{f}:\\fR"))
        .collect();
    let items: [(&str, &str); 6] = [
        (
            "consensus basis",
            "Every word must match. Words are split by the Unicode word rules, lower-cased and stemmed for English (\"consultations\" finds \"consultation\"); with --exact, the words as written.",
        ),
        (
            "\"working group\"",
            "A phrase: the words in this order. \"a b\"~2 allows up to two other words between them.",
        ),
        (
            "-veto, NOT veto",
            "Leaves out the passages with the word (or the phrase).",
        ),
        (
            "\"lex specialis\" OR treaty",
            "Either side: OR joins the two items beside it (lex specialis OR treaty is lex and either specialis or treaty; quote a phrase to make it one item). Brackets do not group: they are read as text.",
        ),
        (
            "process:GGE doc:A/RES/73/27",
            "Field filters on whole values, in any case (they match or not, and add nothing to the score); section: searches the headings.",
        ),
        (
            "A/RES/73/27",
            "Anything else is text and is searched as it stands: a pasted symbol (which also finds the passages citing it), \"2334 (2016)\", \"para. 5:\". Only a query with no word at all (*, (() is an error.",
        ),
    ];
    writeln!(page, ".SH \"QUERY LANGUAGE\"")?;
    writeln!(
        page,
        "The query of \\fBundex search\\fR is one argument (quote it); one that starts with \\- needs \\fB\\-\\-\\fR before it: \\fBundex search \\-\\- \"\\-veto consensus\"\\fR."
    )?;
    for (example, meaning) in items {
        writeln!(
            page,
            ".TP\n\\fB{}\\fR\n{}",
            roff_text(example),
            roff_text(meaning)
        )?;
    }
    writeln!(page, ".PP\nThe fields: {}.", fields.join(", "))?;
    writeln!(
        page,
        ".PP\nRanking is BM25; an unstemmed copy of every passage ranks the very words typed higher. Ties are broken by document symbol, then by the passage's place in its document, so the same query on the same corpus always gives the same list."
    )
}

/// Text for a roff line: backslashes and hyphens as roff reads them, and no
/// line that starts with a control character.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// `OPTIONS` → `Options`, for a subsection heading.
fn title_case(heading: &str) -> String {
    let heading = heading.trim_matches('"');
    let mut chars = heading.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}
