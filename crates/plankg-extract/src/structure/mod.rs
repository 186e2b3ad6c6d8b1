//! Normalised text to documents with their section and task tree: site chrome is set
//! aside, a compilation is cut into its plans, and each plan gets its metadata, its
//! outline and the kind and year of each of its parts.

mod outline;
mod sections;
mod table;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use plankg_model::Document;

use crate::chrome::mark_runs;
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::html::MergedCells;
use crate::lines::{lines_of, Line};
use crate::metadata::MetadataReader;
use crate::normalise::NormText;
use crate::parts::PartReader;
use crate::places::Places;
use crate::split::split;
pub(crate) use table::Row;
use table::{Table, TableReader};

/// A document with its tree but without entities, and where each task's text sits
/// in the normalised text.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// The document; entity lists empty.
    pub(crate) document: Document,
    /// Byte range in the normalised text of each task's `text`, by task id.
    pub(crate) task_ranges: HashMap<String, Range<usize>>,
    /// The table row each task of a task table was read from, by task id.
    pub(crate) task_rows: HashMap<String, Row>,
}

/// Splits normalised text into documents and reads their structure.
#[derive(Debug)]
pub(crate) struct Structurer {
    metadata: MetadataReader,
    tables: TableReader,
    parts: PartReader,
}

/// What a line of a file is to the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineUse {
    /// A line of text.
    Text,
    /// The header of a task table, or a line of a row that starts on an earlier
    /// line: no piece of its own.
    TableOnly,
    /// The first line of row `row` of table `table`.
    RowStart { table: usize, row: usize },
}

impl Structurer {
    /// Builds the structurer from its gazetteer files.
    ///
    /// # Errors
    /// [`GazetteerError`] when meeting_years.tsv, issuer_heads.tsv,
    /// table_columns.tsv or part_cues.tsv is missing or malformed.
    pub(crate) fn new(gazetteer: &Gazetteer, places: Arc<Places>) -> Result<Self, GazetteerError> {
        Ok(Self {
            metadata: MetadataReader::new(gazetteer, places)?,
            tables: TableReader::new(gazetteer)?,
            parts: PartReader::new(gazetteer)?,
        })
    }

    /// The lines of a file with their chrome flags, its task tables, and what each
    /// line is to the outline. `chrome` holds the source character ranges that the
    /// file's markup marks as chrome; `merged` says how its tables write merged cells.
    fn lines(
        &self,
        norm: &NormText,
        chrome: &[Range<usize>],
        merged: MergedCells,
    ) -> (Vec<Line>, Vec<Table>, Vec<LineUse>) {
        let text = norm.text.as_str();
        let mut lines = lines_of(text);
        let marked: Vec<bool> = lines
            .iter()
            .map(|line| in_ranges(&norm.source_span(line.range.clone()), chrome))
            .collect();
        let tables = self.tables.find(text, &lines, merged);
        let mut uses = vec![LineUse::Text; lines.len()];
        for (t, table) in tables.iter().enumerate() {
            for use_ in &mut uses[table.lines.clone()] {
                *use_ = LineUse::TableOnly;
            }
            for (r, row) in table.rows.iter().enumerate() {
                uses[row.lines.start] = LineUse::RowStart { table: t, row: r };
            }
        }
        let in_table: Vec<bool> = uses.iter().map(|u| *u != LineUse::Text).collect();
        for (line, &in_table) in lines.iter_mut().zip(&in_table) {
            if in_table {
                line.chrome = false;
            }
        }
        mark_runs(text, &mut lines, &in_table);
        for (line, marked) in lines.iter_mut().zip(marked) {
            line.chrome |= marked;
        }
        (lines, tables, uses)
    }

    /// The documents of a normalised text, in order of first appearance. `chrome`
    /// holds the source character ranges that the file's markup marks as chrome;
    /// `merged` says how its tables write merged cells.
    pub(crate) fn read(
        &self,
        norm: &NormText,
        chrome: &[Range<usize>],
        merged: MergedCells,
    ) -> Vec<Draft> {
        let text = norm.text.as_str();
        let (lines, tables, uses) = self.lines(norm, chrome, merged);
        let mut drafts = Vec::new();
        for segment in split(text, &lines) {
            let own: &[Line] = &lines[segment.lines.clone()];
            let first: &[Line] = segment.first_copy.clone().map_or(&[], |r| &lines[r]);
            let mut body: Vec<Range<usize>> = Vec::new();
            let mut rows: Vec<&Row> = Vec::new();
            for (index, line) in segment.lines.clone().zip(own) {
                if line.chrome {
                    continue;
                }
                match uses[index] {
                    LineUse::Text => body.push(line.range.clone()),
                    LineUse::TableOnly => {}
                    LineUse::RowStart { table, row } => {
                        let row = &tables[table].rows[row];
                        body.push(row.range.clone());
                        rows.push(row);
                    }
                }
            }
            let (Some(first_line), Some(last_line)) = (body.first(), body.last()) else {
                continue;
            };
            let span = norm.source_span(first_line.start..last_line.end);
            let meta = self.metadata.read(text, own, first);
            let row_ranges: Vec<Range<usize>> = rows.iter().map(|r| r.range.clone()).collect();
            let outline = outline::read(text, &body, &row_ranges);
            let mut tree = sections::build(norm, &outline, &rows);
            let title_text = meta.title.as_ref().map(|(title, _)| title.as_str());
            self.parts.mark(&mut tree.sections, title_text, meta.year);
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
                    issuers: meta.issuers,
                    region: meta.region,
                    jurisdiction: meta.jurisdiction,
                    evidence_years: meta.evidence_years,
                    issued: meta.issued,
                    top_sections: outline.top_sections,
                    span,
                    title_span,
                    sections: tree.sections,
                    ..Document::default()
                },
                task_ranges: tree.task_ranges,
                task_rows: tree.task_rows,
            });
        }
        drafts
    }
}

/// Whether most of a span lies inside the ranges (sorted, not overlapping).
fn in_ranges(span: &plankg_model::Span, ranges: &[Range<usize>]) -> bool {
    let (start, end) = (span.start, span.end);
    if start >= end || ranges.is_empty() {
        return false;
    }
    let first = ranges.partition_point(|r| r.end <= start);
    let covered: usize = ranges[first..]
        .iter()
        .take_while(|r| r.start < end)
        .map(|r| r.end.min(end) - r.start.max(start))
        .sum();
    covered * 2 > end - start
}
