#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod document;
mod dump;
mod error;
mod load;
mod protocol;
mod push;
mod query;
mod state;
mod store;

pub use document::DocumentQuads;
pub use error::StoreError;
pub use load::{LoadOutcome, BULK_INSERT_THRESHOLD, REMOVALS_PER_TRANSACTION};
pub use oxigraph::io::RdfFormat;
pub use oxigraph::model;
pub use oxigraph::sparql::results::QueryResultsFormat;
pub use oxigraph::sparql::{CancellationToken, QueryResults};
pub use protocol::GraphTarget;
pub use push::{
    Credentials, GraphOutcome, PushError, PushOptions, PushRecord, PushRecords, PushReport,
};
pub use state::{BuildState, SourceRoot, SOURCE_LAYOUT};
pub use store::PlanStore;
