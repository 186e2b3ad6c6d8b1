//! The outline of one plan: which numbering markers really open items (markers
//! glued to the previous sentence included: "…会议精神1、根据…"), how deep each item
//! sits, and the text pieces that belong to each item. Plans without numbering get
//! their outline from short standalone heading lines.

use std::collections::HashMap;
use std::ops::Range;

use crate::markers::{is_cjk, marker_at, Marker, Scheme};

/// One item of the outline: a numbered part, or a heading line of an unnumbered plan.
#[derive(Debug, Clone, Default)]
pub(crate) struct Node {
    /// Byte range of the numbering marker, if any.
    pub(crate) number: Option<Range<usize>>,
    /// Byte range of the first piece of the item (marker included).
    pub(crate) heading: Range<usize>,
    /// Further heading lines (subtitles of an unnumbered part).
    pub(crate) subtitles: Vec<Range<usize>>,
    /// The item's other pieces of text, in order.
    pub(crate) pieces: Vec<Range<usize>>,
    /// Nested items.
    pub(crate) children: Vec<Node>,
}

impl Node {
    /// One past the last byte of the item and its descendants.
    pub(crate) fn end(&self) -> usize {
        let own = self.pieces.last().map_or(self.heading.end, |p| p.end);
        let own = own.max(self.subtitles.last().map_or(0, |s| s.end));
        self.children.last().map_or(own, |c| c.end().max(own))
    }
}

/// The outline of a plan's body.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outline {
    /// Pieces before the first top-level part.
    pub(crate) preamble: Vec<Range<usize>>,
    /// The top-level parts.
    pub(crate) parts: Vec<Node>,
    /// The number of top-level parts (the largest count when the numbering restarts,
    /// as after a table of contents).
    pub(crate) top_sections: u32,
}

/// A marker found in the text, before it is known whether it opens an item.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    pos: usize,
    marker: Marker,
    /// At the start of a line or after a space or a sentence end.
    strong: bool,
}

/// Deepest nesting kept; deeper markers are read as text.
const MAX_DEPTH: usize = 6;

/// Conventional rank of a scheme: the top level of a plan is the lowest-ranked
/// scheme it uses (第一部分 above 一、 above (一) above 1. above (1)).
fn rank(scheme: Scheme) -> u8 {
    match scheme {
        Scheme::CnPart => 0,
        Scheme::CnComma => 1,
        Scheme::CnParen => 2,
        Scheme::ArDot | Scheme::ArComma => 3,
        Scheme::Decimal(n) => 2 + n,
        Scheme::ArParen => 5,
        Scheme::ArHalfParen | Scheme::Circled => 6,
        Scheme::LatinParen => 7,
    }
}

/// Reads the outline of the lines `lines` (byte ranges of `text`, chrome removed).
/// Those of `rows` (the rows of task tables, in order) are pieces whole: no marker
/// inside a row opens an item, and a row is never a heading.
pub(crate) fn read(text: &str, lines: &[Range<usize>], rows: &[Range<usize>]) -> Outline {
    let is_row = |line: &Range<usize>| rows.binary_search_by_key(&line.start, |r| r.start).is_ok();
    let text_lines: Vec<Range<usize>> = lines.iter().filter(|l| !is_row(l)).cloned().collect();
    let candidates = candidates(text, &text_lines);
    let Some(top) = top_scheme(&candidates) else {
        return unnumbered(text, lines, &is_row);
    };
    let (items, top_sections) = accept(&candidates, top);
    if items.is_empty() {
        return unnumbered(text, lines, &is_row);
    }
    let mut outline = Outline {
        top_sections,
        ..Outline::default()
    };
    // Cut every line at the accepted markers; each piece belongs to the item opened
    // last before it.
    let mut flat: Vec<(usize, Node)> = Vec::new();
    let mut next_item = 0;
    for line in lines {
        let mut cursor = line.start;
        while cursor < line.end {
            let cut = items
                .get(next_item)
                .filter(|(c, _)| c.pos < line.end && c.pos >= cursor)
                .map(|(c, _)| c.pos);
            let piece_end = match cut {
                Some(pos) if pos > cursor => pos,
                Some(pos) => {
                    let (candidate, depth) = items[next_item];
                    next_item += 1;
                    let heading_end = items
                        .get(next_item)
                        .map_or(line.end, |(c, _)| c.pos)
                        .min(line.end);
                    flat.push((
                        depth,
                        Node {
                            number: Some(pos..pos + candidate.marker.len),
                            heading: trimmed(text, pos..heading_end),
                            ..Node::default()
                        },
                    ));
                    cursor = heading_end;
                    continue;
                }
                None => line.end,
            };
            let piece = trimmed(text, cursor..piece_end);
            if !piece.is_empty() {
                match flat.last_mut() {
                    Some((_, node)) => node.pieces.push(piece),
                    None => outline.preamble.push(piece),
                }
            }
            cursor = piece_end;
        }
    }
    outline.parts = nest(flat);
    outline
}

/// The range without surrounding whitespace.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// Every position where a numbering marker could start an item.
fn candidates(text: &str, lines: &[Range<usize>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for line in lines {
        let content = &text[line.clone()];
        let mut previous: Option<char> = None;
        for (offset, c) in content.char_indices() {
            let boundary = match previous {
                None => Some(true),
                Some(p) if p.is_whitespace() || "。;；!！?？:：".contains(p) => Some(true),
                Some(p) if is_cjk(p) || "”’」』》)）".contains(p) => Some(false),
                _ => None,
            };
            previous = Some(c);
            let Some(strong) = boundary else { continue };
            if !(c.is_ascii_alphanumeric()
                || "(（一二三四五六七八九十第".contains(c)
                || ('①'..='⒛').contains(&c)
                || ('㈠'..='㈩').contains(&c))
            {
                continue;
            }
            if let Some(marker) = marker_at(&content[offset..]) {
                out.push(Candidate {
                    pos: line.start + offset,
                    marker,
                    strong,
                });
            }
        }
    }
    out
}

/// The scheme of the top level: the lowest-ranked scheme that counts from 1 and
/// whose 1 or 2 stands free (a first part is glued to the title often enough,
/// "…工作计划1.工作目标", for a free 2 to do; 一、 counts even when glued).
fn top_scheme(candidates: &[Candidate]) -> Option<Scheme> {
    #[derive(Default)]
    struct Seen {
        one: bool,
        free: bool,
    }
    // In order of first appearance: of two schemes of the same rank (1. and 1.1),
    // the one the text uses first is the top, on every run.
    let mut seen: Vec<(Scheme, Seen)> = Vec::new();
    for c in candidates {
        let at = match seen.iter().position(|(s, _)| *s == c.marker.scheme) {
            Some(at) => at,
            None => {
                seen.push((c.marker.scheme, Seen::default()));
                seen.len() - 1
            }
        };
        let entry = &mut seen[at].1;
        let free = c.strong || c.marker.scheme == Scheme::CnComma;
        entry.one |= c.marker.number == 1;
        entry.free |= free && c.marker.number <= 2;
    }
    seen.iter()
        .filter(|(_, s)| s.one && s.free)
        .map(|(scheme, _)| *scheme)
        .min_by_key(|s| rank(*s))
}

/// The candidates that open items, with their depth (1 = top level), and the number
/// of top-level parts.
fn accept(candidates: &[Candidate], top: Scheme) -> (Vec<(Candidate, usize)>, u32) {
    let mut stack: Vec<(Scheme, u32)> = Vec::new();
    let mut last: HashMap<Scheme, u32> = HashMap::new();
    let mut items = Vec::new();
    let mut top_count: u32 = 0;
    let mut best_count: u32 = 0;
    for &c in candidates {
        let Marker { scheme, number, .. } = c.marker;
        let depth = if let Some(k) = stack.iter().position(|(s, _)| *s == scheme) {
            if number == stack[k].1 + 1 {
                stack.truncate(k + 1);
                stack[k].1 = number;
                k + 1
            } else if k == 0 && number == 1 && c.strong {
                // The numbering restarts (a table of contents, then the text).
                best_count = best_count.max(top_count);
                top_count = 0;
                stack.truncate(1);
                stack[0].1 = 1;
                1
            } else {
                continue;
            }
        } else if stack.is_empty() {
            if scheme != top || (number != 1 && !c.strong) {
                continue;
            }
            stack.push((scheme, number));
            1
        } else {
            let continues = last.get(&scheme).is_some_and(|n| n + 1 == number);
            if rank(scheme) <= rank(top) || stack.len() >= MAX_DEPTH || !(number == 1 || continues)
            {
                continue;
            }
            stack.push((scheme, number));
            stack.len()
        };
        if depth == 1 {
            top_count += 1;
        }
        last.insert(scheme, number);
        items.push((c, depth));
    }
    (items, best_count.max(top_count))
}

/// Turns a flat list of (depth, node) into a tree.
fn nest(flat: Vec<(usize, Node)>) -> Vec<Node> {
    let mut roots: Vec<Node> = Vec::new();
    let mut open: Vec<(usize, Node)> = Vec::new();
    for (depth, node) in flat {
        while open.last().is_some_and(|(d, _)| *d >= depth) {
            close(&mut open, &mut roots);
        }
        open.push((depth, node));
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}

fn close(open: &mut Vec<(usize, Node)>, roots: &mut Vec<Node>) {
    if let Some((_, node)) = open.pop() {
        match open.last_mut() {
            Some((_, parent)) => parent.children.push(node),
            None => roots.push(node),
        }
    }
}

/// Longest heading line of an unnumbered plan, in characters.
const HEADING_CHARS: usize = 40;

/// Whether a line of an unnumbered plan is a heading: short, no sentence inside.
fn is_heading_line(line: &str) -> bool {
    line.chars().count() <= HEADING_CHARS
        && !line.contains(['。', ';', '；', '!', '！', '?', '？'])
        && !line.ends_with([',', '，', ':', '：', '、'])
}

/// The outline of a plan without numbering: a run of two or more heading lines opens
/// a top-level part (its first line is the part's heading, the last one heads the
/// first sub-part); a single heading line opens a sub-part. Where no run exists, the
/// single heading lines are the top level.
fn unnumbered(
    text: &str,
    lines: &[Range<usize>],
    is_row: &dyn Fn(&Range<usize>) -> bool,
) -> Outline {
    let heading: Vec<bool> = lines
        .iter()
        .map(|l| !is_row(l) && is_heading_line(&text[l.clone()]))
        .collect();
    let run_len = |i: usize| heading[i..].iter().take_while(|h| **h).count();
    let has_runs =
        (0..lines.len()).any(|i| heading[i] && (i == 0 || !heading[i - 1]) && run_len(i) >= 2);
    let mut outline = Outline::default();
    let mut i = 0;
    while i < lines.len() {
        if !heading[i] {
            let piece = lines[i].clone();
            let target = outline.parts.last_mut().map(|p| {
                p.children
                    .last_mut()
                    .map_or(&mut p.pieces, |c| &mut c.pieces)
            });
            match target {
                Some(pieces) => pieces.push(piece),
                None => outline.preamble.push(piece),
            }
            i += 1;
            continue;
        }
        let len = run_len(i);
        let node = |range: Range<usize>| Node {
            heading: range,
            ..Node::default()
        };
        if len >= 2 || !has_runs {
            let mut part = node(lines[i].clone());
            if len >= 2 {
                part.subtitles = lines[i + 1..i + len - 1].to_vec();
                part.children.push(node(lines[i + len - 1].clone()));
            }
            outline.parts.push(part);
        } else if let Some(part) = outline.parts.last_mut() {
            part.children.push(node(lines[i].clone()));
        } else {
            outline.preamble.push(lines[i].clone());
        }
        i += len.max(1);
    }
    outline.top_sections = u32::try_from(outline.parts.len()).unwrap_or(u32::MAX);
    outline
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline_of(text: &str) -> Outline {
        let mut lines = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let range = trimmed(text, offset..offset + line.len());
            if !range.is_empty() {
                lines.push(range);
            }
            offset += line.len();
        }
        read(text, &lines, &[])
    }

    #[test]
    fn glued_items_are_split() {
        let text = "一、贯彻落实区教育工作会议精神1、根据区教育工作会议的精神,进一步明确任务和要求。\n二、深化教育体制改革2、推进教育人事改革工作。\n";
        let outline = outline_of(text);
        assert_eq!(outline.top_sections, 2);
        assert_eq!(
            &text[outline.parts[0].heading.clone()],
            "一、贯彻落实区教育工作会议精神"
        );
        assert_eq!(
            &text[outline.parts[1].children[0].heading.clone()],
            "2、推进教育人事改革工作。"
        );
    }

    #[test]
    fn a_table_of_contents_does_not_double_the_parts() {
        let text = "一、2023年工作开展情况\n(一)全面加强队伍建设\n二、2024年工作计划\n(一)全面加强党的领导\n县教育局2023年工作总结及2024年工作计划\n一、2023年工作开展情况\n过去的一年,在县委、县政府的领导下。\n";
        assert_eq!(outline_of(text).top_sections, 2);
    }

    #[test]
    fn unnumbered_parts_are_runs_of_headings() {
        let text = "以党的十九大精神为指导\n全面加强教育系统党的建设\n深入学习贯彻党的十九大精神\n组织开展主题教育活动,深入学习习近平新时代中国特色社会主义思想。\n以大力弘扬红船精神为主题\n着力打造红色德育品牌\n开发红色德育系列课程\n组织编写红船精神系列读本。\n建设红色德育教师队伍\n采取校内加校外的方式,建设一支德育教师队伍。\n";
        let outline = outline_of(text);
        assert_eq!(outline.top_sections, 2);
        assert_eq!(outline.parts[1].children.len(), 2);
    }
}
