//! Errors of the lineage step.

/// Computing the lineage failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LineageError {
    /// An embedded gazetteer row is malformed.
    #[error("data/gazetteer/{file}:{line}: malformed row")]
    Gazetteer {
        /// The gazetteer file.
        file: &'static str,
        /// The 1-based line.
        line: usize,
    },
}
