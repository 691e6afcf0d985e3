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
            report(&e);
            ExitCode::from(2)
        }
    }
}

/// A reader that stopped reading (`undex search … | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn report(e: &anyhow::Error) {
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
    eprintln!("undex: {e:#}");
}
