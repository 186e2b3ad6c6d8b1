//! Normalised text to documents with their section and task tree.
//! (Placeholder: one document, one section, one task per non-empty line.)

use std::collections::HashMap;
use std::ops::Range;

use plankg_model::{Document, Section, Task};

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::normalise::NormText;

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
pub(crate) struct Structurer {}

impl Structurer {
    /// Builds the structurer from its gazetteer files.
    pub(crate) fn new(_gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        Ok(Self {})
    }

    /// The documents of a normalised text.
    pub(crate) fn read(&self, norm: &NormText) -> Vec<Draft> {
        let mut tasks = Vec::new();
        let mut task_ranges = HashMap::new();
        let mut offset = 0;
        for line in norm.text.split_inclusive('\n') {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let start = offset + (line.len() - line.trim_start().len());
                let range = start..start + trimmed.len();
                let id = format!("t{}", tasks.len() + 1);
                task_ranges.insert(id.clone(), range.clone());
                tasks.push(Task {
                    id,
                    text: trimmed.to_owned(),
                    span: norm.source_span(range),
                    ..Task::default()
                });
            }
            offset += line.len();
        }
        if tasks.is_empty() {
            return Vec::new();
        }
        let span = norm.source_span(0..norm.text.len());
        let section = Section {
            id: "s0".into(),
            span,
            tasks,
            ..Section::default()
        };
        vec![Draft {
            document: Document {
                span,
                sections: vec![section],
                ..Document::default()
            },
            task_ranges,
        }]
    }
}
