//! The errors of projection, centrality and export, one type per operation.

use std::io;

use oxigraph::sparql::QueryEvaluationError;

/// Projecting a view from query results failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectionError {
    /// The query returned a boolean or a graph instead of solutions.
    #[error("the view query did not return solutions")]
    NotSolutions,
    /// The store could not run the view query.
    #[error("cannot query the store")]
    Store(#[from] plankg_store::StoreError),
    /// Reading a solution failed.
    #[error("cannot evaluate the view query")]
    Evaluation(#[from] QueryEvaluationError),
    /// A row lacks a variable every row must bind.
    #[error("a row of the view query has no ?{0}")]
    MissingVariable(&'static str),
    /// A row names a node type the views do not know.
    #[error("unknown node type {0:?} in the view query")]
    UnknownNodeType(String),
}

/// Computing a centrality measure failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CentralityError {
    /// A power iteration did not reach the tolerance within its iterations.
    #[error("{measure} did not converge within {iterations} iterations (tolerance {tolerance:e})")]
    NoConvergence {
        /// The measure (`pagerank`, `eigenvector`).
        measure: &'static str,
        /// Iterations run.
        iterations: usize,
        /// The tolerance asked for.
        tolerance: f64,
    },
    /// The damping factor is outside [0, 1].
    #[error("the damping factor must lie in [0, 1], not {0}")]
    Damping(f64),
}

/// Writing an export failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing to the output failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Writing a CSV record failed.
    #[error("cannot write CSV")]
    Csv(#[from] csv::Error),
    /// Serialising JSON failed.
    #[error("cannot write JSON")]
    Json(#[from] serde_json::Error),
    /// The format writes two files (CSV); use [`crate::export::write_csv`].
    #[error("{0} writes a nodes file and an edges file, not one stream")]
    NotOneStream(&'static str),
    /// A score column does not have one value per node.
    #[error("score {name:?} has {values} values for {nodes} nodes")]
    ScoreLength {
        /// The score's name.
        name: String,
        /// Values given.
        values: usize,
        /// Nodes in the graph.
        nodes: usize,
    },
}

impl From<ExportError> for io::Error {
    fn from(err: ExportError) -> Self {
        match err {
            ExportError::Io(err) => err,
            other => Self::other(other),
        }
    }
}
