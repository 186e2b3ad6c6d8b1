//! The extraction pipeline: bytes -> plain text -> normalised text -> documents with
//! their section tree -> entities attached to tasks.

use std::sync::Arc;

use crate::assemble::attach_entities;
use crate::decode::{read_source, Encoding};
use crate::error::{ExtractError, GazetteerError};
use crate::gazetteer::Gazetteer;
use crate::normalise::Normaliser;
use crate::places::Places;
use crate::recognise::Recognisers;
use crate::structure::Structurer;
use plankg_model::Document;

/// Builds an [`Extractor`]: the gazetteer and options are set once.
#[derive(Debug, Default)]
#[must_use]
pub struct ExtractorBuilder {
    gazetteer: Option<Gazetteer>,
    encoding: Option<Encoding>,
    structure_only: bool,
}

impl ExtractorBuilder {
    /// A builder with the embedded gazetteer and encoding detection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses `gazetteer` instead of the embedded one.
    pub fn with_gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Decodes every text input with `encoding` instead of detecting it.
    pub fn with_encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = Some(encoding);
        self
    }

    /// Reads metadata and structure only, leaving the entity lists empty (for
    /// measuring what the recognisers cost, or when only the tree is wanted).
    pub fn with_structure_only(mut self, structure_only: bool) -> Self {
        self.structure_only = structure_only;
        self
    }

    /// Parses the gazetteer files and compiles the recognisers (not when only the
    /// structure is wanted: then they are not built at all).
    ///
    /// # Errors
    /// [`GazetteerError`] naming the file and line of a malformed entry.
    pub fn build(self) -> Result<Extractor, GazetteerError> {
        let gazetteer = self.gazetteer.unwrap_or_else(Gazetteer::embedded);
        let places = Arc::new(Places::new(&gazetteer)?);
        let recognisers = if self.structure_only {
            None
        } else {
            Some(Recognisers::new(&gazetteer, Arc::clone(&places))?)
        };
        Ok(Extractor {
            normaliser: Normaliser::new(&gazetteer)?,
            structurer: Structurer::new(&gazetteer, places)?,
            recognisers,
            encoding: self.encoding,
        })
    }
}

/// Turns the bytes of one file into documents. Build it once and share it: it holds
/// the compiled gazetteers and is `Sync`.
#[derive(Debug)]
pub struct Extractor {
    normaliser: Normaliser,
    structurer: Structurer,
    /// None when only the structure is read.
    recognisers: Option<Recognisers>,
    encoding: Option<Encoding>,
}

impl Extractor {
    /// The plain text of a file as decoded (for HTML and DOCX, the text taken out of
    /// the markup): the text every span refers to.
    ///
    /// # Errors
    /// [`ExtractError`] when the file is empty, binary, corrupt or of an unsupported
    /// format.
    pub fn plain_text(&self, bytes: &[u8], file_name: &str) -> Result<String, ExtractError> {
        Ok(read_source(bytes, file_name, self.encoding)?.text)
    }

    /// The plans in one file, in order of first appearance. `file_name` decides the
    /// container format by its extension.
    ///
    /// # Errors
    /// [`ExtractError`] when the file is empty, binary, corrupt or of an unsupported
    /// format, or holds no text.
    pub fn extract(&self, bytes: &[u8], file_name: &str) -> Result<Vec<Document>, ExtractError> {
        let source = read_source(bytes, file_name, self.encoding)?;
        let norm = self.normaliser.normalise(&source.text);
        let drafts = self
            .structurer
            .read(&norm, &source.chrome, source.merged_cells);
        if drafts.is_empty() {
            return Err(ExtractError::NoText);
        }
        let Some(recognisers) = &self.recognisers else {
            return Ok(drafts.into_iter().map(|draft| draft.document).collect());
        };
        Ok(drafts
            .into_iter()
            .map(|draft| attach_entities(draft, &norm, recognisers))
            .collect())
    }
}
