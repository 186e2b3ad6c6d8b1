//! End-to-end tests of the `plankg` binary, one module per theme.

mod build;
mod dump;
mod export;
mod extract;
mod inputs;
mod issuers;
mod parts;
mod push;
mod query;
mod report;
mod serve;
mod trace;
mod util;
