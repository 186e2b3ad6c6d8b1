//! Errors of the text index.

use std::path::PathBuf;

/// Reading or writing `<store>/text-index/` failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TextIndexError {
    /// A file of the index could not be read or written.
    #[error("text index file {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file of the index is not in the expected format (written by another
    /// version, or truncated).
    #[error("text index file {path} is damaged; rebuild the store's index with `plankg build`")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// The cause, when a JSON parser reported it.
        #[source]
        source: Option<serde_json::Error>,
    },
    /// The store has no text index yet.
    #[error("no text index in {0}; run `plankg build` first")]
    Missing(PathBuf),
}
