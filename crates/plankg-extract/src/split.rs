//! Compilations: one file holding several plans one after another (a 汇编, a page
//! listing several plans), possibly with the same plan twice. The file's lines are cut
//! into segments at title lines that follow a plan's body, and at the start of a run
//! of lines repeating an earlier plan; a repeated plan is reported once, at the place
//! of its first copy, with the content of its fullest copy (issue 3).

use std::collections::HashMap;
use std::ops::Range;

use crate::lines::{is_title_line, Line};
use crate::markers::marker_at;

/// One plan of a file, as line indices into the file's lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    /// The lines of the copy whose content is reported.
    pub(crate) lines: Range<usize>,
    /// The lines of the first copy, when the plan is repeated and a later copy is
    /// fuller (its title is preferred).
    pub(crate) first_copy: Option<Range<usize>>,
}

/// Lines shorter than this (without spaces) are too common to prove a repeat.
const REPEAT_KEY_CHARS: usize = 20;

/// A repeated line this long (without spaces) proves a repeat on its own.
const LONG_REPEAT_CHARS: usize = 80;

/// Body text a segment needs before a title line may start a new plan: a notice
/// that wraps a plan ("现将《…》印发给你们") or a table of contents is not a plan.
const MIN_BODY_CHARS: usize = 150;
/// Body text that makes a plan even without numbered parts.
const LONG_BODY_CHARS: usize = 600;

/// The text of a line without any whitespace: what repeats are compared on.
fn key(text: &str, line: &Line) -> String {
    text[line.range.clone()]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Cuts the lines of a file into plans.
pub(crate) fn split(text: &str, lines: &[Line]) -> Vec<Segment> {
    if lines.is_empty() {
        return Vec::new();
    }
    let title_starts = title_starts(text, lines);
    let mut starts = title_starts.clone();
    let repeats = repeat_starts(text, lines, &title_starts);
    starts.extend(repeats.keys().copied());
    starts.sort_unstable();
    starts.dedup();
    let bounds: Vec<Range<usize>> = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| start..starts.get(i + 1).copied().unwrap_or(lines.len()))
        .collect();
    merge_repeats(text, lines, &bounds, &repeats, &title_starts)
}

/// Line indices where a plan starts because a title follows another plan's body.
fn title_starts(text: &str, lines: &[Line]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut body_chars = 0;
    let mut numbered = false;
    for (index, line) in lines.iter().enumerate() {
        if line.chrome {
            continue;
        }
        let content = &text[line.range.clone()];
        if is_title_line(content) {
            if body_chars >= MIN_BODY_CHARS && (numbered || body_chars >= LONG_BODY_CHARS) {
                starts.push(index);
                body_chars = 0;
                numbered = false;
            }
            continue;
        }
        numbered |= marker_at(content).is_some() || content.contains("一、");
        // Headings alone (a table of contents) are no body.
        if content.contains(['。', ',', '，', ';', '；']) {
            body_chars += content.chars().count();
        }
    }
    starts
}

/// Line indices where a repeat of an earlier plan starts, with the index of the
/// title-delimited part holding the first copy.
fn repeat_starts(text: &str, lines: &[Line], title_starts: &[usize]) -> HashMap<usize, usize> {
    let part_of = |index: usize| {
        title_starts
            .partition_point(|&s| s <= index)
            .saturating_sub(1)
    };
    let keys: Vec<String> = lines.iter().map(|l| key(text, l)).collect();
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    let mut starts = HashMap::new();
    // A run of repeated lines keeps the distance between copy and original.
    let mut run_offset: Option<usize> = None;
    for (j, line) in lines.iter().enumerate() {
        let k = keys[j].as_str();
        if line.chrome || k.chars().count() < REPEAT_KEY_CHARS {
            continue;
        }
        let Some(&i) = first_seen.get(k) else {
            first_seen.insert(k, j);
            continue;
        };
        if run_offset == Some(j - i) {
            continue;
        }
        run_offset = Some(j - i);
        // Two consecutive matching lines are needed inside one part; another part's
        // line is enough on its own.
        let same_part = part_of(i) == part_of(j);
        let next_matches = keys.get(j + 1).is_some_and(|n| keys.get(i + 1) == Some(n));
        // Another part's line proves a repeat when it is long or followed by another
        // match (two plans may share one boilerplate sentence).
        let long = k.chars().count() >= LONG_REPEAT_CHARS;
        if (same_part && !(next_matches && i + 1 < j)) || !(next_matches || long) {
            continue;
        }
        // The copy may start one line earlier, glued to a heading of the page
        // ("…汇编教育系统年度工作计划年是…").
        let glued = j > 0
            && i > 0
            && !lines[j - 1].chrome
            && keys[i - 1].chars().count() >= 4
            && keys[j - 1].ends_with(keys[i - 1].as_str());
        let start = if glued { j - 1 } else { j };
        starts.insert(start, part_of(i));
    }
    starts
}

/// Non-chrome characters of a run of lines: how full a copy is.
fn fullness(text: &str, lines: &[Line], range: &Range<usize>) -> usize {
    lines[range.clone()]
        .iter()
        .filter(|l| !l.chrome)
        .map(|l| text[l.range.clone()].chars().count())
        .sum()
}

/// Folds each repeated copy into the segment of its first copy.
fn merge_repeats(
    text: &str,
    lines: &[Line],
    bounds: &[Range<usize>],
    repeats: &HashMap<usize, usize>,
    title_starts: &[usize],
) -> Vec<Segment> {
    // Title parts are numbered by their first line; map a part to the segment
    // that holds that line.
    let mut segments: Vec<Segment> = Vec::new();
    let mut owner_of_start: HashMap<usize, usize> = HashMap::new();
    for bound in bounds {
        let copy_of = repeats
            .get(&bound.start)
            .and_then(|part| title_starts.get(*part))
            .and_then(|start| owner_of_start.get(start).copied());
        match copy_of {
            Some(owner) if fullness(text, lines, bound) > 0 => {
                let segment = &mut segments[owner];
                if fullness(text, lines, bound) > fullness(text, lines, &segment.lines) {
                    let first = segment
                        .first_copy
                        .clone()
                        .unwrap_or_else(|| segment.lines.clone());
                    segment.first_copy = Some(first);
                    segment.lines = bound.clone();
                }
            }
            _ => {
                if fullness(text, lines, bound) == 0 {
                    continue;
                }
                owner_of_start.insert(bound.start, segments.len());
                segments.push(Segment {
                    lines: bound.clone(),
                    first_copy: None,
                });
            }
        }
    }
    segments
}
