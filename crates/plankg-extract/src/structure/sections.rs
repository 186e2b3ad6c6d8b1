//! Turns an outline into the model's section tree: the preamble as section "s0",
//! numbered parts as sections, the innermost numbered items as tasks of their part,
//! headings as tasks too (is_heading), a responsibility-tag line kept inside the task
//! it belongs to, each row of a task table a task of its own (its text: the row's
//! work), a row with sub-rows (2, then 2-1 and 2-2) a section headed by the row.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use plankg_model::{Deadline, Section, Task};
use regex::Regex;

use crate::patterns::static_regex;

use super::outline::{Node, Outline};
use super::table::Row;
use crate::normalise::NormText;

/// A heading longer than this (characters) is cut after its first sentence, the
/// rest being the part's first paragraph ("一、全面加强党的领导。强化…").
const HEADING_CHARS: usize = 50;

/// A line that only names responsible units: "(责任单位:…)", "(牵头处室:…)".
static TAG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"^[(（]\s*(?:牵头|责任|配合|协办|主办|承办|参与)[^()（）]{0,200}[)）]$")
});

/// The section tree of a document and where each task's text is.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    /// Preamble first (when there is one), then the top-level parts.
    pub(crate) sections: Vec<Section>,
    /// Byte range in the normalised text of each task, by task id.
    pub(crate) task_ranges: HashMap<String, Range<usize>>,
    /// The table row of each task read from one, by task id.
    pub(crate) task_rows: HashMap<String, Row>,
}

/// Builds the tree of an outline whose pieces include the task-table rows `rows`.
pub(crate) fn build(norm: &NormText, outline: &Outline, rows: &[&Row]) -> Tree {
    let mut builder = Builder {
        norm,
        rows: rows.iter().map(|r| (r.range.start, *r)).collect(),
        tree: Tree::default(),
    };
    if !outline.preamble.is_empty() {
        let mut children = Vec::new();
        let tasks = builder.paragraphs(&outline.preamble, "s0", 0, &mut children);
        let span = builder
            .span(outline.preamble[0].start..outline.preamble[outline.preamble.len() - 1].end);
        builder.tree.sections.push(Section {
            id: "s0".to_owned(),
            span,
            tasks,
            children,
            ..Section::default()
        });
    }
    for (index, part) in outline.parts.iter().enumerate() {
        let ordinal = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let section = builder.section(part, format!("s{ordinal}"), 1, ordinal);
        builder.tree.sections.push(section);
    }
    builder.tree
}

struct Builder<'a> {
    norm: &'a NormText,
    /// Task-table rows by the start of their range.
    rows: HashMap<usize, &'a Row>,
    tree: Tree,
}

impl<'a> Builder<'a> {
    fn span(&self, range: Range<usize>) -> plankg_model::Span {
        self.norm.source_span(range)
    }

    fn task(&mut self, range: Range<usize>, is_heading: bool) -> Task {
        let id = format!("t{}", self.tree.task_ranges.len() + 1);
        self.tree.task_ranges.insert(id.clone(), range.clone());
        Task {
            id,
            text: self.norm.text[range.clone()].to_owned(),
            span: self.span(range),
            is_heading,
            ..Task::default()
        }
    }

    /// The task-table row whose range is `piece`.
    fn row(&self, piece: &Range<usize>) -> Option<&'a Row> {
        self.rows
            .get(&piece.start)
            .copied()
            .filter(|row| row.range.end == piece.end)
    }

    /// The task of a task-table row: its text is the row's work.
    fn row_task(&mut self, row: &Row) -> Task {
        let mut task = self.task(row.content.clone(), false);
        task.deadline = row.deadline.clone().map(|range| Deadline {
            text: self.norm.text[range.clone()].to_owned(),
            span: self.span(range),
        });
        self.tree.task_rows.insert(task.id.clone(), row.clone());
        task
    }

    /// The pieces of a section `id` at `depth` as tasks: one task per piece, a
    /// responsibility-tag piece joined to the task before it, a task-table row a task
    /// of its own. A row followed by its sub-rows (2, then 2-1 and 2-2) is a section
    /// of its own, pushed onto `children`: the row is its heading, the sub-rows its
    /// tasks.
    fn paragraphs(
        &mut self,
        pieces: &[Range<usize>],
        id: &str,
        depth: u32,
        children: &mut Vec<Section>,
    ) -> Vec<Task> {
        let mut ranges: Vec<(Range<usize>, Option<&Row>)> = Vec::new();
        let mut at = 0;
        while let Some(piece) = pieces.get(at) {
            at += 1;
            if let Some(row) = self.row(piece) {
                let subs = pieces[at..]
                    .iter()
                    .map_while(|p| self.row(p).filter(|sub| self.is_sub_row(row, sub)))
                    .count();
                if subs == 0 {
                    ranges.push((piece.clone(), Some(row)));
                } else {
                    let sub_rows: Vec<&Row> = pieces[at..at + subs]
                        .iter()
                        .filter_map(|p| self.row(p))
                        .collect();
                    at += subs;
                    let ordinal = u32::try_from(children.len() + 1).unwrap_or(u32::MAX);
                    let section = self.row_section(
                        row,
                        &sub_rows,
                        format!("{id}.{ordinal}"),
                        depth + 1,
                        ordinal,
                    );
                    children.push(section);
                }
                continue;
            }
            let is_tag = TAG_LINE.is_match(&self.norm.text[piece.clone()]);
            match ranges.last_mut() {
                Some((last, None)) if is_tag => last.end = piece.end,
                _ => ranges.push((piece.clone(), None)),
            }
        }
        ranges
            .into_iter()
            .map(|(range, row)| match row {
                Some(row) => self.row_task(row),
                None => self.task(range, false),
            })
            .collect()
    }

    /// Whether `sub` is a sub-row of `row`: numbered "2-1", "2—2", "2.1" under "2".
    fn is_sub_row(&self, row: &Row, sub: &Row) -> bool {
        let number = |row: &Row| {
            row.number
                .clone()
                .map(|n| self.norm.text[n].trim_matches(['(', ')', '（', '）', ' ']))
        };
        let (Some(parent), Some(sub)) = (number(row), number(sub)) else {
            return false;
        };
        sub.strip_prefix(parent)
            .and_then(|rest| rest.strip_prefix(['-', '—', '–', '－', '.', '．', '_']))
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
    }

    /// The section of a task-table row with sub-rows: the row is its heading task
    /// (with its units and deadline), the sub-rows its tasks.
    fn row_section(
        &mut self,
        row: &Row,
        sub_rows: &[&Row],
        id: String,
        depth: u32,
        ordinal: u32,
    ) -> Section {
        let mut heading = self.row_task(row);
        heading.is_heading = true;
        let text = &self.norm.text;
        let first_cell = text[row.content.clone()]
            .find(['\t', '|'])
            .map_or(row.content.clone(), |end| {
                row.content.start..row.content.start + end
            });
        let number = row.number.clone().map(|n| text[n].trim().to_owned());
        let heading_words = text[first_cell.clone()].trim().to_owned();
        let end = sub_rows.last().map_or(row.range.end, |r| r.range.end);
        let mut tasks = vec![heading];
        for sub in sub_rows {
            tasks.push(self.row_task(sub));
        }
        Section {
            id,
            depth,
            ordinal,
            number,
            heading: Some(heading_words),
            heading_span: Some(self.span(first_cell)),
            span: self.span(row.range.start..end),
            tasks,
            children: Vec::new(),
            // The part's kind and year are the parts module's.
            ..Section::default()
        }
    }

    /// The tasks of a numbered item without sub-items: one task for the whole item,
    /// unless task-table rows follow its text: then its text before the first row
    /// is one task and each row (and each paragraph after the rows) is its own; a
    /// row with sub-rows becomes a section of `children`.
    fn leaf_tasks(
        &mut self,
        node: &Node,
        id: &str,
        depth: u32,
        children: &mut Vec<Section>,
    ) -> Vec<Task> {
        let Some(first_row) = node.pieces.iter().position(|p| self.row(p).is_some()) else {
            return vec![self.task(node.heading.start..node.end(), false)];
        };
        let own_end = node.pieces[..first_row]
            .last()
            .map_or(node.heading.end, |p| p.end);
        let mut tasks = vec![self.task(node.heading.start..own_end, false)];
        tasks.extend(self.paragraphs(&node.pieces[first_row..], id, depth, children));
        tasks
    }

    /// A section for `node`, its leaf children below the top level becoming tasks.
    fn section(&mut self, node: &Node, id: String, depth: u32, ordinal: u32) -> Section {
        let text = &self.norm.text;
        let (heading, rest) = split_heading(text, node.heading.clone());
        let number = node.number.clone().map(|n| text[n].trim().to_owned());
        let heading_words = node
            .number
            .as_ref()
            .map_or(heading.clone(), |n| n.end.min(heading.end)..heading.end);
        let mut tasks = vec![self.task(heading.clone(), true)];
        for subtitle in &node.subtitles {
            tasks.push(self.task(subtitle.clone(), true));
        }
        let mut pieces: Vec<Range<usize>> = rest.into_iter().collect();
        pieces.extend(node.pieces.iter().cloned());
        let mut children = Vec::new();
        tasks.extend(self.paragraphs(&pieces, &id, depth, &mut children));
        for child in node.children.iter().filter(|c| c.children.is_empty()) {
            let leaf = self.leaf_tasks(child, &id, depth, &mut children);
            tasks.extend(leaf);
        }
        for child in node.children.iter().filter(|c| !c.children.is_empty()) {
            let child_ordinal = u32::try_from(children.len() + 1).unwrap_or(u32::MAX);
            children.push(self.section(
                child,
                format!("{id}.{child_ordinal}"),
                depth + 1,
                child_ordinal,
            ));
        }
        Section {
            id,
            depth,
            ordinal,
            number,
            heading: Some(text[heading_words].trim().to_owned()),
            heading_span: Some(self.span(heading.clone())),
            span: self.span(node.heading.start..node.end()),
            tasks,
            children,
            // The part's kind and year are the parts module's.
            ..Section::default()
        }
    }
}

/// The heading of a part and, when the part's first piece runs on after a first
/// sentence, the rest of that piece.
fn split_heading(text: &str, piece: Range<usize>) -> (Range<usize>, Option<Range<usize>>) {
    let content = &text[piece.clone()];
    if content.chars().count() <= HEADING_CHARS {
        return (piece, None);
    }
    let cut = content
        .char_indices()
        .take(HEADING_CHARS + 10)
        .find(|(_, c)| "。；;".contains(*c))
        .map(|(i, c)| i + c.len_utf8());
    match cut {
        Some(cut) if cut < content.len() => {
            let rest = &content[cut..];
            let rest_start = piece.start + cut + (rest.len() - rest.trim_start().len());
            (piece.start..piece.start + cut, Some(rest_start..piece.end))
        }
        _ => (piece, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_responsibility_tag_line_is_told_by_its_pattern() {
        assert!(TAG_LINE.is_match("(牵头处室:发展规划处;责任处室:办公室)"));
        assert!(!TAG_LINE.is_match("(一)加强党的建设"));
    }
}
