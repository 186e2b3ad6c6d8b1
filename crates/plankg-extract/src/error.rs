//! Errors of extraction and of gazetteer loading.

use std::io;

/// Why one input could not be turned into documents.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] io::Error),
    /// The file holds no bytes (or only whitespace).
    #[error("empty file")]
    Empty,
    /// The bytes are not text in any supported encoding.
    #[error("not a text file: {reason} (at byte {offset})")]
    Binary {
        /// What gave it away.
        reason: String,
        /// Byte offset of the first offending byte.
        offset: usize,
    },
    /// A format plankg does not read.
    #[error("unsupported: {format}: {advice}")]
    Unsupported {
        /// The format ("PDF", "legacy Word .doc").
        format: String,
        /// What the user can do instead.
        advice: String,
    },
    /// A container (DOCX zip, XML) that is damaged.
    #[error("corrupt {format} file: {message}")]
    Corrupt {
        /// The container format.
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The file decoded, but held no plan text at all.
    #[error("no text found")]
    NoText,
}

/// Why the gazetteer could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// A file or directory could not be read.
    #[error("{file}: {source}")]
    Io {
        /// The path.
        file: String,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// A file the extractor needs is not present.
    #[error("gazetteer file {0} is missing")]
    MissingFile(String),
    /// A malformed row.
    #[error("{file}:{line}: {message}")]
    Row {
        /// The file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The word lists of all recognisers, compiled together, are too large.
    #[error("the recognisers' word lists do not compile together: {0}")]
    WordLists(String),
}

impl GazetteerError {
    /// The words or patterns read from `file` do not compile (an automaton or a
    /// regex built from them): reported as a row error of the whole file (line 0).
    pub(crate) fn uncompiled(file: &str, err: impl std::fmt::Display) -> Self {
        Self::Row {
            file: file.to_owned(),
            line: 0,
            message: err.to_string(),
        }
    }
}
