//! Errors of plankg-rdf.

/// Why an [`IriMinter`](crate::IriMinter) could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RdfError {
    /// The base is not a valid absolute IRI.
    #[error("invalid base IRI <{base}>")]
    InvalidBase {
        /// The base as given.
        base: String,
        /// What the IRI parser objected to.
        #[source]
        source: oxrdf::IriParseError,
    },
    /// The base does not end with `/` or `#`, so minted IRIs would not sit under it.
    #[error("base IRI <{base}> must end with '/' or '#'")]
    BaseWithoutSeparator {
        /// The base as given.
        base: String,
    },
}
