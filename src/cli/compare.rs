//! `undex compare`: counts, rates, keyness and dispersion of terms by document, process or part; `--distinctive` for what sets each group apart.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use super::select::Select;
use super::{Common, notify};
use undex::compare::{CompareOptions, DistinctiveOptions, GroupBy, StopWords, plot};
use undex::index;
use undex::output;

/// Groups a table shows per term unless --top or --all says otherwise.
const DEFAULT_TOP: usize = 20;

/// How to group passages.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum By {
    /// One group per document.
    Doc,
    /// One group per process, over its resolutions, decisions and reports
    /// (commentary only with --kind; a passage of two processes counts in both).
    Process,
    /// One group per part: preambular, operative, report, commentary.
    Part,
}

impl From<By> for GroupBy {
    fn from(b: By) -> GroupBy {
        match b {
            By::Doc => GroupBy::Doc,
            By::Process => GroupBy::Process,
            By::Part => GroupBy::Part,
        }
    }
}

/// Compare terms across documents, processes or parts.
///
/// For each term and group: occurrences, words, rate per 10,000 words,
/// passages (with their ids) and Gries' DP; between groups: log-likelihood
/// G² (2-term, Rayson & Garside; the 4-term Dunning value is in --json and
/// --csv), Log Ratio and %DIFF. Counting uses the index's analyzer, so a
/// term's count agrees with what search finds.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Words or "quoted phrases" to count (one argument each).
    #[arg(value_name = "TERM", required_unless_present = "distinctive")]
    pub terms: Vec<String>,
    #[command(flatten)]
    pub common: Common,
    /// How to group passages.
    #[arg(long, value_enum, default_value = "doc")]
    pub by: By,
    #[command(flatten)]
    pub select: Select,
    /// Count surface forms (no stemming).
    #[arg(long)]
    pub exact: bool,
    /// Compare each group with the rest of the selection, not pair by pair
    /// (automatic above 10 groups).
    #[arg(long)]
    pub vs_rest: bool,
    /// List the terms that most distinguish each group from the rest, ranked by G².
    #[arg(long, conflicts_with = "terms")]
    pub distinctive: bool,
    /// Groups to show per term, those where it occurs most (default: all, or
    /// 20 in a table of more than 20 groups); with --distinctive, terms per
    /// group (default 10).
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub top: Option<usize>,
    /// Show every group, however many.
    #[arg(long)]
    pub all: bool,
    /// Show only each term's totals over the selection (count, rate,
    /// passages, groups it occurs in).
    #[arg(long, conflicts_with_all = ["top", "all", "distinctive"])]
    pub summary: bool,
    /// With --distinctive: leave out terms found fewer times than this in the group.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub min_count: u64,
    /// With --distinctive: stop words, one per line (replaces the built-in English list).
    #[arg(long, value_name = "FILE")]
    pub stopwords: Option<PathBuf>,
    /// With --distinctive: keep stop words.
    #[arg(long, conflicts_with = "stopwords")]
    pub no_stopwords: bool,
    /// Print CSV instead of a table.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
    /// Also draw a dispersion plot and a bar chart of rates into this SVG file.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
}

/// Runs `undex compare`.
pub fn run(args: &CompareArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let (index, notices) = index::open_or_build(&args.common.corpus, &args.common.index)?;
    notify(&notices);
    let options = CompareOptions {
        terms: args.terms.clone(),
        by: args.by.into(),
        filters: args.select.filters(),
        exact: args.exact,
        vs_rest: args.vs_rest,
    };
    if args.distinctive {
        return run_distinctive(args, &index, options, out);
    }
    let mut comparison = index.compare(&options)?;
    if comparison.groups.is_empty() {
        notify(&[format!(
            "no passage is selected. {} Check --doc, --process, --part and --kind.",
            comparison.counted
        )]);
        return Ok(ExitCode::from(1));
    }
    if let Some(path) = &args.plot {
        plot::write_svg(path, &plot::PlotData::of(&comparison, &args.terms))?;
        notify(&[format!("drew {}", path.display())]);
    }
    let table = !args.common.json && !args.csv;
    let top = match args.top {
        Some(n) => Some(n),
        None if table && !args.all && !args.summary => Some(DEFAULT_TOP),
        None => None,
    };
    if let Some(n) = top {
        comparison.keep_top(n);
    }
    if args.summary {
        let summary = comparison.summary();
        if args.common.json {
            output::compare::summary_json(out, &summary)?;
        } else if args.csv {
            output::compare::summary_csv(out, &summary)?;
        } else {
            output::compare::summary_human(out, &summary)?;
        }
    } else if args.common.json {
        output::compare::json(out, &comparison)?;
    } else if args.csv {
        output::compare::csv(out, &comparison)?;
    } else {
        output::compare::human(out, &comparison)?;
    }
    let found = comparison.counts.iter().any(|c| c.count > 0);
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn run_distinctive(
    args: &CompareArgs,
    index: &undex::index::Index,
    select: CompareOptions,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let stop_words = if args.no_stopwords {
        StopWords::None
    } else if let Some(path) = &args.stopwords {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the stop words", path.display()))?;
        StopWords::from_text(&text)
    } else {
        StopWords::BuiltIn
    };
    let list = index.distinctive(&DistinctiveOptions {
        select,
        top: args.top.unwrap_or(10),
        min_count: args.min_count,
        stop_words,
    })?;
    if args.common.json {
        output::compare::distinctive_json(out, &list)?;
    } else if args.csv {
        output::compare::distinctive_csv(out, &list)?;
    } else {
        output::compare::distinctive_human(out, &list)?;
    }
    Ok(if list.terms.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
