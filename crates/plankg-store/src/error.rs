//! The store's error type.

use std::io;
use std::path::PathBuf;

use oxigraph::io::RdfFormat;
use oxigraph::sparql::{QueryEvaluationError, SparqlSyntaxError, UpdateEvaluationError};
use oxigraph::store::StorageError;

/// An error of a [`PlanStore`](crate::PlanStore) operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another process has the store open for writing.
    #[error(
        "the store {} is open for writing by another process (a build?); \
         wait for it to finish, or use a read-only command",
        path.display()
    )]
    Locked {
        /// The store directory.
        path: PathBuf,
        /// RocksDB's report.
        #[source]
        source: StorageError,
    },
    /// A read-only open of a directory that holds no store.
    #[error("no store in {}; create one with `plankg build`", path.display())]
    Missing {
        /// The directory that was asked for.
        path: PathBuf,
    },
    /// The store directory or its build state could not be read or written.
    #[error("cannot access {}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The build state file is not what this version writes.
    #[error("invalid build state in {}", path.display())]
    BuildState {
        /// The state file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// The underlying storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A SPARQL query does not parse; the message carries the position.
    #[error("SPARQL syntax error")]
    Syntax(#[from] SparqlSyntaxError),
    /// A SPARQL query failed while running.
    #[error("SPARQL evaluation failed")]
    Evaluation(#[from] QueryEvaluationError),
    /// A SPARQL update failed.
    #[error("SPARQL update failed: {0}")]
    Update(#[from] UpdateEvaluationError),
    /// A write was asked of a store opened read-only.
    #[error("the store is open read-only")]
    ReadOnly,
    /// A graph could not be serialized.
    #[error("cannot write {format}")]
    Serialize {
        /// The format asked for.
        format: RdfFormat,
        /// The cause.
        #[source]
        source: io::Error,
    },
}

impl From<StoreError> for io::Error {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Io { source, .. } | StoreError::Serialize { source, .. } => source,
            StoreError::Storage(error) => error.into(),
            other => Self::other(other),
        }
    }
}
