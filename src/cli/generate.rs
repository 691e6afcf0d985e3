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
    let cmd = Cli::command();
    clap_mangen::Man::new(cmd.clone()).render(out)?;
    // One section per subcommand, so that the page documents every option.
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        writeln!(out, ".SH \"UNDEX {}\"", sub.get_name().to_uppercase())?;
        if let Some(about) = sub.get_about() {
            writeln!(out, "{}", about.to_string().replace('\\', "\\\\"))?;
        }
        clap_mangen::Man::new(sub.clone()).render_options_section(out)?;
    }
    Ok(ExitCode::SUCCESS)
}
