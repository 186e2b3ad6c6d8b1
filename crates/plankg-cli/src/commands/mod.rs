//! One module per command; `dispatch` calls the one asked for.

mod build;
mod cascade;
mod dump;
mod export;
mod extract;
mod push;
mod query;
mod rank;
mod report;
mod serve;
mod stats;
mod trace;

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
        Command::Trace(args) => trace::run(&cli.global, &args),
        Command::Cascade(args) => cascade::run(&args),
        Command::Serve(args) => serve::run(&cli.global, &args),
        Command::Push(args) => push::run(&cli.global, &args),
        Command::Report(args) => report::run(&cli.global, &args),
        Command::QueryWorker(args) => serve::run_worker(&args),
    }
}
