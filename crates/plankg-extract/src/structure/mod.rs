//! Normalised text to documents with their section and task tree: site chrome is set
//! aside, a compilation is cut into its plans, and each plan gets its metadata and
//! its outline.

pub(crate) mod markers;
mod outline;
mod sections;

use std::collections::HashMap;
use std::ops::Range;

use plankg_model::Document;

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::metadata::MetadataReader;
use crate::normalise::NormText;
use crate::split::{lines_of, split, Line};

/// A document with its tree but without entities, and where each task's text sits
/// in the normalised text.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// The document; entity lists empty.
    pub(crate) document: Document,
    /// Byte range in the normalised text of each task's `text`, by task id.
    pub(crate) task_ranges: HashMap<String, Range<usize>>,
}

/// Splits normalised text into documents and reads their structure.
#[derive(Debug)]
pub(crate) struct Structurer {
    metadata: MetadataReader,
}

impl Structurer {
    /// Builds the structurer from its gazetteer files.
    ///
    /// # Errors
    /// [`GazetteerError`] when places.tsv or meeting_years.tsv is missing or malformed.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        Ok(Self {
            metadata: MetadataReader::new(gazetteer)?,
        })
    }

    /// The documents of a normalised text, in order of first appearance.
    pub(crate) fn read(&self, norm: &NormText) -> Vec<Draft> {
        let text = norm.text.as_str();
        let lines = lines_of(text);
        let mut drafts = Vec::new();
        for segment in split(text, &lines) {
            let own: &[Line] = &lines[segment.lines.clone()];
            let first: &[Line] = segment.first_copy.clone().map_or(&[], |r| &lines[r]);
            let body: Vec<Range<usize>> = own
                .iter()
                .filter(|l| !l.chrome)
                .map(|l| l.range.clone())
                .collect();
            let (Some(first_line), Some(last_line)) = (body.first(), body.last()) else {
                continue;
            };
            let span = norm.source_span(first_line.start..last_line.end);
            let meta = self.metadata.read(text, own, first);
            let outline = outline::read(text, &body);
            let tree = sections::build(norm, &outline);
            let (title, title_span) = match meta.title {
                Some((title, range)) => (Some(title), Some(norm.source_span(range))),
                None => (None, None),
            };
            drafts.push(Draft {
                document: Document {
                    index: drafts.len(),
                    title,
                    year: meta.year,
                    year_inferred: meta.year_inferred,
                    issuer: meta.issuer,
                    region: meta.region,
                    issued: meta.issued,
                    top_sections: outline.top_sections,
                    span,
                    title_span,
                    sections: tree.sections,
                    ..Document::default()
                },
                task_ranges: tree.task_ranges,
            });
        }
        drafts
    }
}
