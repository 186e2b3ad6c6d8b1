//! Character spans into a source file's decoded text.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of character offsets (Unicode scalar values,
/// a byte-order mark not counted) into the plain text of a source file as decoded:
/// for HTML and DOCX, the text taken out of the markup.
///
/// Invariant: `start <= end`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First character of the span.
    pub start: usize,
    /// One past the last character of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; the two are swapped if given in the wrong order.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Self { start, end }
        } else {
            Self {
                start: end,
                end: start,
            }
        }
    }

    /// Number of characters covered.
    #[must_use]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no character.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies inside this span.
    #[must_use]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The characters of `text` the span covers (clamped to the text's length).
    #[must_use]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        let mut indices = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        let start = indices.nth(self.start).unwrap_or(text.len());
        let end = if self.end > self.start {
            text[start..]
                .char_indices()
                .map(|(i, _)| start + i)
                .chain([text.len()])
                .nth(self.len())
                .unwrap_or(text.len())
        } else {
            start
        };
        &text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_counts_characters_not_bytes() {
        let text = "党的十九大精神";
        assert_eq!(Span::new(2, 5).slice(text), "十九大");
        assert_eq!(Span::new(5, 2).slice(text), "十九大");
        assert_eq!(Span::new(6, 99).slice(text), "神");
        assert_eq!(Span::new(99, 99).slice(text), "");
    }
}
