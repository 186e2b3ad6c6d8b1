//! One module per command; `dispatch` calls the one asked for.

mod extract;

use crate::cli::{Cli, Command};
use crate::Outcome;

/// Runs the parsed command.
pub(crate) fn dispatch(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Extract(args) => extract::run(&cli.global, &args),
    }
}
