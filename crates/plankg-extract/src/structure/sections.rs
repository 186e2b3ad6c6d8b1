//! Turns an outline into the model's section tree: the preamble as section "s0",
//! numbered parts as sections, the innermost numbered items as tasks of their part,
//! headings as tasks too (is_heading), a responsibility-tag line kept inside the task
//! it belongs to.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use plankg_model::{Section, Task};
use regex::Regex;

use super::outline::{Node, Outline};
use crate::normalise::NormText;

/// A heading longer than this (characters) is cut after its first sentence, the
/// rest being the part's first paragraph ("一、全面加强党的领导。强化…").
const HEADING_CHARS: usize = 50;

/// A line that only names responsible units: "(责任单位:…)", "(牵头处室:…)".
static TAG_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^[(（]\s*(?:牵头|责任|配合|协办|主办|承办|参与)[^()（）]{0,200}[)）]$").ok()
});

/// The section tree of a document and where each task's text is.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    /// Preamble first (when there is one), then the top-level parts.
    pub(crate) sections: Vec<Section>,
    /// Byte range in the normalised text of each task, by task id.
    pub(crate) task_ranges: HashMap<String, Range<usize>>,
}

/// Builds the tree of an outline.
pub(crate) fn build(norm: &NormText, outline: &Outline) -> Tree {
    let mut builder = Builder {
        norm,
        tree: Tree::default(),
    };
    if !outline.preamble.is_empty() {
        let tasks = builder.paragraphs(&outline.preamble);
        let span = builder
            .span(outline.preamble[0].start..outline.preamble[outline.preamble.len() - 1].end);
        builder.tree.sections.push(Section {
            id: "s0".to_owned(),
            span,
            tasks,
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
    tree: Tree,
}

impl Builder<'_> {
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

    /// One task per piece, a responsibility-tag piece joined to the task before it.
    fn paragraphs(&mut self, pieces: &[Range<usize>]) -> Vec<Task> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for piece in pieces {
            let is_tag = TAG_LINE
                .as_ref()
                .is_some_and(|re| re.is_match(&self.norm.text[piece.clone()]));
            match ranges.last_mut() {
                Some(last) if is_tag => last.end = piece.end,
                _ => ranges.push(piece.clone()),
            }
        }
        ranges.into_iter().map(|r| self.task(r, false)).collect()
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
        tasks.extend(self.paragraphs(&pieces));
        for child in node.children.iter().filter(|c| c.children.is_empty()) {
            tasks.push(self.task(child.heading.start..child.end(), false));
        }
        let mut children = Vec::new();
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
