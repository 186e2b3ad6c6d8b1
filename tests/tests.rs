//! End-to-end tests of the `plankg` binary, one module per theme.

mod extract;
mod util;
mod build;
mod dump;
mod export;
mod query;
mod serve;
mod trace;
mod push;
mod report;
