//! One module per command; `dispatch` calls the one asked for.

mod build;
mod dump;
mod export;
mod extract;
mod query;
mod rank;
mod stats;

use crate::cli::{Cli, Command};
use crate::Outcome;

/// Runs the parsed command.
pub(crate) fn dispatch(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Extract(args) => extract::run(&cli.global, &args),
        Command::Build(args) => build::run(&cli.global, &args),
        Command::Query(args) => query::run(&args),
        Command::Dump(args) => dump::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::Rank(args) => rank::run(&cli.global, &args),
        Command::Export(args) => export::run(&cli.global, &args),
    }
}
