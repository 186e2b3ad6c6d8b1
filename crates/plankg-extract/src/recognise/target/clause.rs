//! The clause around a number: the stretch of text an indicator can be cut from,
//! bounded by punctuation and by the neighbouring quantities.

/// Characters that end a clause, table cell marks (|) among them. A bracketed aside
/// such as "县(市、区)" is skipped over instead (see [`Clause::around`]).
const BOUNDARIES: &[char] = &[
    ',', '。', ';', ':', '!', '?', '、', '\n', '\t', '(', ')', '[', ']', '【', '】', '《', '》',
    '—', '|', '｜',
];

/// The longest bracketed aside skipped over, in characters.
const MAX_ASIDE: usize = 12;

/// The longest clause part kept on either side of a number, in characters.
const MAX_SIDE: usize = 24;

/// A byte range of the text around one number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clause {
    /// Start of the clause.
    pub(super) start: usize,
    /// End of the clause.
    pub(super) end: usize,
}

impl Clause {
    /// The clause around the quantity `number_start..quantity_end`, not reaching
    /// before `floor` (the end of the previous quantity) nor after `ceiling` (the
    /// start of the next one).
    pub(super) fn around(
        text: &str,
        number_start: usize,
        quantity_end: usize,
        floor: usize,
        ceiling: usize,
    ) -> Self {
        Self {
            start: scan_back(text, number_start, floor),
            end: scan_forward(text, quantity_end, ceiling.max(quantity_end)),
        }
    }
}

/// Moves back from `from` to the start of the clause.
fn scan_back(text: &str, from: usize, floor: usize) -> usize {
    let mut pos = from;
    let mut taken = 0;
    while pos > floor && taken < MAX_SIDE {
        let Some(ch) = text[floor..pos].chars().next_back() else {
            break;
        };
        if ch == ')' {
            if let Some(open) = aside_start(text, floor, pos) {
                pos = open;
                continue;
            }
        }
        if BOUNDARIES.contains(&ch) {
            break;
        }
        pos -= ch.len_utf8();
        taken += 1;
    }
    pos
}

/// Moves forward from `from` to the end of the clause.
fn scan_forward(text: &str, from: usize, ceiling: usize) -> usize {
    let mut pos = from;
    let mut taken = 0;
    while pos < ceiling && taken < MAX_SIDE {
        let Some(ch) = text[pos..ceiling].chars().next() else {
            break;
        };
        if ch == '(' {
            if let Some(close) = aside_end(text, pos, ceiling) {
                pos = close;
                continue;
            }
        }
        // A list continues the words after a number ("一次教案、作业批改检查").
        if ch != '、' && BOUNDARIES.contains(&ch) {
            break;
        }
        pos += ch.len_utf8();
        taken += 1;
    }
    pos
}

/// For a ')' ending at `close_end`, the start of its '(' when the aside is short.
fn aside_start(text: &str, floor: usize, close_end: usize) -> Option<usize> {
    let inner_end = close_end - 1;
    let inner = &text[floor..inner_end];
    let open = inner.rfind('(')?;
    let content = &inner[open + 1..];
    (content.chars().count() <= MAX_ASIDE && !content.contains([')', '。', ';']))
        .then_some(floor + open)
}

/// For a '(' at `open`, the end of its ')' when the aside is short.
fn aside_end(text: &str, open: usize, ceiling: usize) -> Option<usize> {
    let rest = &text[open + 1..ceiling];
    let close = rest.find(')')?;
    let content = &rest[..close];
    (content.chars().count() <= MAX_ASIDE && !content.contains(['(', '。', ';', ':']))
        .then_some(open + 1 + close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_stops_at_punctuation_and_skips_asides() {
        let text = "完成任务,完成2个县(市、区)优质均衡办学市级认定。";
        let number = text.find('2').unwrap();
        let unit_end = number + "2个".len();
        let clause = Clause::around(text, number, unit_end, 0, text.len());
        assert_eq!(&text[clause.start..number], "完成");
        assert_eq!(
            &text[unit_end..clause.end],
            "县(市、区)优质均衡办学市级认定"
        );
    }
}
