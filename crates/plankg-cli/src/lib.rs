//! The plankg command line. `run()` parses the arguments, dispatches to one function
//! per command (commands/) and decides the exit code in one place.

mod cli;
mod commands;
mod messages;
mod output;
mod progress;
mod report;
mod server;

use std::process::ExitCode;

use clap::Parser;

pub use cli::Cli;

/// Exit status: every input handled.
const EXIT_OK: u8 = 0;
/// Exit status: some inputs failed, the others were handled.
const EXIT_PARTIAL: u8 = 1;
/// Exit status: usage or fatal error.
const EXIT_FATAL: u8 = 2;

/// What a command reports back to `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything went well.
    Success,
    /// Some inputs failed and were reported; the rest was done.
    Partial,
}

/// Runs the command line and returns the process exit code.
#[must_use]
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() {
                EXIT_FATAL
            } else {
                EXIT_OK
            };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match commands::dispatch(cli) {
        Ok(Outcome::Success) => ExitCode::from(EXIT_OK),
        Ok(Outcome::Partial) => ExitCode::from(EXIT_PARTIAL),
        Err(err) => {
            if messages::is_broken_pipe(&err) {
                return ExitCode::from(EXIT_OK);
            }
            messages::fatal(&err);
            ExitCode::from(EXIT_FATAL)
        }
    }
}
