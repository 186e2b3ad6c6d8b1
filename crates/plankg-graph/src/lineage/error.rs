//! Errors of the lineage step.

use oxigraph::model::IriParseError;
use oxigraph::sparql::QueryEvaluationError;
use plankg_store::StoreError;

use crate::text_index::TextIndexError;

/// Computing or reading the lineage failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LineageError {
    /// The place gazetteer could not be read.
    #[error(transparent)]
    Places(#[from] plankg_extract::GazetteerError),
    /// An embedded gazetteer row is malformed.
    #[error("data/gazetteer/{file}:{line}: malformed row")]
    Gazetteer {
        /// The gazetteer file.
        file: &'static str,
        /// The 1-based line.
        line: usize,
    },
    /// The store could not be queried or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A query failed while its results were read.
    #[error("SPARQL evaluation failed: {0}")]
    Evaluation(#[from] QueryEvaluationError),
    /// A lineage query returned something else than solutions.
    #[error("a lineage query did not return solutions")]
    NotSolutions,
    /// An IRI minted for a continuation is invalid (a task IRI in the store is).
    #[error("invalid continuation IRI: {0}")]
    Iri(#[from] IriParseError),
    /// The text index could not be written or read.
    #[error(transparent)]
    TextIndex(#[from] TextIndexError),
}
