//! The full-text index of a store: every task and heading text, keyed by single
//! characters and character bigrams, kept in `<store>/text-index/` so that `trace`
//! and did-you-mean never scan literals through SPARQL (DESIGN.md, "Scale").
//!
//! A home-made inverted index rather than tantivy: Chinese needs character n-grams
//! and exact substring confirmation, which is a few hundred lines with the standard
//! library, while tantivy would add a large dependency tree for features (scoring,
//! tokenisers) that `trace` does not use.

mod error;
mod files;
mod grams;

use plankg_model::PartKind;
use serde::{Deserialize, Serialize};

pub use error::TextIndexError;
pub use files::TextIndex;
pub(crate) use grams::dice;

/// A document as the index records it: what a trace row shows about it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IndexedDocument {
    /// The document's IRI.
    pub iri: String,
    /// Its title.
    pub title: Option<String>,
    /// Its plan year.
    pub year: Option<i32>,
    /// The labels of its issuing bodies, joined by a space.
    pub issuer: Option<String>,
    /// Every label (preferred and alternative) of every issuing body: what
    /// `--issuer` matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuer_names: Vec<String>,
    /// The region's label.
    pub region: Option<String>,
    /// The plan whose text this one holds too (`pk:duplicateOf`): a trace counts
    /// the original only unless asked to keep duplicates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// One searchable text: a task (headings included) of one document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IndexedText {
    /// The task's IRI.
    pub task: String,
    /// Position of its document in the index's document list.
    pub document: u32,
    /// The heading of the section it belongs to.
    pub section: Option<String>,
    /// The normalised text.
    pub text: String,
    /// The year its passage is about (its section's `pk:aboutYear`: 2021 for the
    /// summary of 2021 in a 2022 plan); `None` when its section states none, or in
    /// an index written before parts were read (then its document's year holds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about_year: Option<i32>,
    /// The kind of part it is in (its section's `pk:partKind`); `None` in an index
    /// written before parts were read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_kind: Option<PartKind>,
    /// The task it continues (`pk:continues`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<String>,
    /// The task it echoes (`pk:echoes`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub echoes: Option<String>,
    /// Where its chain of links leads back to, when it has links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// The first appearance of a linked task's chain, and the size of its family (the
/// tasks connected to it by links): see `lineage::LineageGraph`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Origin {
    /// The IRI of the task the chain leads back to.
    pub task: String,
    /// The plan year of its document.
    pub year: i32,
    /// Tasks connected to this one by continues or echoes links, itself included.
    pub family_size: usize,
}

/// A label the index knows (of an initiative or a policy), for variants and
/// did-you-mean.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IndexedLabel {
    /// The labelled resource.
    pub iri: String,
    /// The label.
    pub label: String,
    /// IRIs of resources the entities or lineage graph declares the same or close
    /// (skos:exactMatch, skos:closeMatch), both directions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matches: Vec<String>,
}

/// A text containing the searched term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Position of the text in the index.
    pub unit: u32,
    /// The text and where it belongs.
    pub text: IndexedText,
    /// Character spans `[start, end)` of every occurrence of the term in the text.
    pub matches: Vec<(usize, usize)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_written_before_parts_were_read_has_none() {
        let old = r#"{"task":"t1","document":0,"section":null,"text":"落实双减"}"#;
        let text: IndexedText = serde_json::from_str(old).unwrap();
        assert_eq!((text.about_year, text.part_kind), (None, None));
        let new = IndexedText {
            about_year: Some(2021),
            part_kind: Some(PartKind::Summary),
            ..text
        };
        let line = serde_json::to_string(&new).unwrap();
        assert!(
            line.contains(r#""about_year":2021,"part_kind":"summary""#),
            "{line}"
        );
        assert_eq!(serde_json::from_str::<IndexedText>(&line).unwrap(), new);
    }
}
