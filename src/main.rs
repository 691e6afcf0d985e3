//! The `undex` binary: parses arguments, calls the library, prints, and returns the exit code.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = anstream::AutoStream::auto(stdout.lock());
    let result = match &cli.command {
        Command::Import(a) => cli::import::run(a, &mut out),
        Command::Index(a) => cli::index::run(a, &mut out),
        Command::Search(a) => cli::search::run(a, &mut out),
        Command::Show(a) => cli::show::run(a, &mut out),
        Command::Compare(a) => cli::compare::run(a, &mut out),
        Command::Kwic(a) => cli::kwic::run(a, &mut out),
        Command::Align(a) => cli::align::run(a, &mut out),
        Command::Export(a) => cli::export::run(a, &mut out),
        Command::Stats(a) => cli::stats::run(a, &mut out),
        Command::Schema(a) => cli::generate::schema(a, &mut out),
        Command::Completions(a) => cli::generate::completions(a, &mut out),
        Command::Man(a) => cli::generate::man(a, &mut out),
    }
    .and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            report(&e, matches!(cli.command, Command::Index(_)));
            ExitCode::from(2)
        }
    }
}

/// A reader that stopped reading (`undex search … | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let cause: &(dyn std::error::Error + 'static) = c;
        closed_pipe(cause)
    })
}

/// Whether `e` is a closed pipe, seen through the writers that wrap the
/// io::Error without naming it as their source (csv's error, carried in an
/// io::Error of kind Other, and serde_json's).
fn closed_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        return io.kind() == BrokenPipe || io.get_ref().is_some_and(|inner| closed_pipe(inner));
    }
    if let Some(csv) = e.downcast_ref::<csv::Error>() {
        return matches!(csv.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe);
    }
    e.downcast_ref::<serde_json::Error>()
        .is_some_and(|json| json.io_error_kind() == Some(BrokenPipe))
}

/// Prints `e` on standard error: what happened, then what to type about
/// it (the library says the first, never the second). `building` says
/// whether the command was `undex index`, which refuses to write into a
/// folder that a search only declines to read.
fn report(e: &anyhow::Error, building: bool) {
    // Input errors are one `path:line: problem` line each.
    if let Some(undex::Error::Input(diags)) = e.downcast_ref::<undex::Error>() {
        for d in diags {
            eprintln!("undex: {d}");
        }
        eprintln!(
            "undex: {} in the input; nothing was changed",
            undex::output::plural(diags.len(), "problem")
        );
        return;
    }
    // An index condition's message already says its cause (tantivy's words
    // on an unreadable meta.json): the chain would say it twice. One the
    // binary wrapped in context is printed with its chain, as any error.
    if let Some(e) = e
        .chain()
        .next()
        .and_then(|c| c.downcast_ref::<undex::Error>())
        && let Some(advice) = advice(e, building)
    {
        eprintln!("undex: {e}{advice}");
        return;
    }
    eprintln!("undex: {}", message(e));
}

/// What to type about an index condition, as the end of its sentence;
/// `None` for an error that is not one (its chain is printed as it is).
fn advice(e: &undex::Error, building: bool) -> Option<String> {
    use undex::Error as E;
    const REFUSED: &str = "; refusing to touch it — choose an empty or new folder with --index";
    let advice = match e {
        E::NoIndex { .. } | E::Interrupted { .. } => "; build it with `undex index`".to_owned(),
        E::NoIndexFolder { dir } => format!(
            " (build one there with `undex index --index {}`)",
            dir.display()
        ),
        E::ForeignFolder { .. } => REFUSED.to_owned(),
        E::ForeignIndex { .. } if building => REFUSED.to_owned(),
        E::ForeignIndex { .. } => "; choose another folder with --index".to_owned(),
        E::FirstBuildRunning { .. } => "; try again when the build has finished".to_owned(),
        E::Busy { .. } => "; wait for it to finish, then run this again".to_owned(),
        E::SchemaVersion { .. } | E::MissingField { .. } => {
            "; rebuild it with `undex index --rebuild`".to_owned()
        }
        E::NoCorpus { .. } | E::NotAFolder { .. } | E::Folder { .. } | E::Payload(_) => {
            String::new()
        }
        _ => return None,
    };
    Some(advice)
}

/// The error and its causes joined by ": ", as `{:#}` does, but each said
/// once: a library error that names its cause in its message also keeps it
/// as its source.
fn message(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let part = cause.to_string();
        if part.is_empty() || text.ends_with(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}
