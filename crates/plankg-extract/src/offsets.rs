//! Offset maps: for a text derived from a source character by character (the
//! normalised text), where each of its characters came from in the source.
//!
//! Every derived character records the range of source characters it stands for:
//! one character for a plain copy or a folded character, several for a collapsed run
//! of spaces or a CR LF pair. Source characters that were dropped (annotations,
//! zero-width characters, spaces at a line's ends) belong to no derived character;
//! a span of derived text still covers them when they lie inside it. The map is
//! monotone: derived characters come from the source in order.

use std::ops::Range;

use plankg_model::Span;

/// Derived text with the source character range of each of its characters.
#[derive(Debug, Clone, Default)]
pub(crate) struct MappedText {
    /// The derived text.
    text: String,
    /// Byte offset in `text` of each character.
    byte_starts: Vec<usize>,
    /// Source character range (start, end) of each character.
    sources: Vec<(usize, usize)>,
}

impl MappedText {
    /// An empty text, with room for `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            text: String::with_capacity(capacity),
            byte_starts: Vec::with_capacity(capacity / 2),
            sources: Vec::with_capacity(capacity / 2),
        }
    }

    /// Appends `c`, which stands for source characters `source`.
    pub(crate) fn push(&mut self, c: char, source: Range<usize>) {
        self.byte_starts.push(self.text.len());
        self.sources
            .push((source.start, source.end.max(source.start)));
        self.text.push(c);
    }

    /// The last character, if any.
    pub(crate) fn last(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// The derived text and its map, separately.
    pub(crate) fn into_parts(self) -> (String, OffsetMap) {
        let text_len = self.text.len();
        (
            self.text,
            OffsetMap {
                byte_starts: self.byte_starts,
                sources: self.sources,
                text_len,
            },
        )
    }
}

/// The way back from byte offsets of a derived text to source character offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    /// Byte offset in the derived text of each character.
    byte_starts: Vec<usize>,
    /// Source character range (start, end) of each character.
    sources: Vec<(usize, usize)>,
    /// Byte length of the derived text.
    text_len: usize,
}

impl OffsetMap {
    /// The source span of a byte range of the derived text.
    ///
    /// A bound inside a multi-byte character widens the range to the whole character;
    /// bounds past the end are clamped; an empty range gives an empty span where its
    /// start falls. The result always has `start <= end`.
    pub(crate) fn source_span(&self, range: Range<usize>) -> Span {
        let Some(&(_, source_end)) = self.sources.last() else {
            return Span::new(0, 0);
        };
        let start = range.start.min(self.text_len);
        let end = range.end.min(self.text_len);
        // The character holding byte `start`.
        let first = self
            .byte_starts
            .partition_point(|&b| b <= start)
            .saturating_sub(1);
        if start >= end {
            let at = if start >= self.text_len {
                source_end
            } else {
                self.sources[first].0
            };
            return Span::new(at, at);
        }
        // Characters starting before `end`: at least `first + 1`.
        let past = self
            .byte_starts
            .partition_point(|&b| b < end)
            .max(first + 1);
        let from = self.sources[first].0;
        let to = self.sources[past - 1].1.max(from);
        Span::new(from, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped() -> OffsetMap {
        // Source "學(xué)習  a" -> "学习 a".
        let mut text = MappedText::default();
        text.push('学', 0..1);
        text.push('习', 6..7);
        text.push(' ', 7..9);
        text.push('a', 9..10);
        text.into_parts().1
    }

    #[test]
    fn ranges_map_to_source_characters() {
        let map = mapped();
        assert_eq!(map.source_span(0..6), Span::new(0, 7));
        assert_eq!(map.source_span(3..6), Span::new(6, 7));
        assert_eq!(map.source_span(6..8), Span::new(7, 10));
        // Inside a character: widened to it.
        assert_eq!(map.source_span(1..2), Span::new(0, 1));
        // Empty and past the end.
        assert_eq!(map.source_span(3..3), Span::new(6, 6));
        assert_eq!(map.source_span(8..8), Span::new(10, 10));
        assert_eq!(map.source_span(50..99), Span::new(10, 10));
        let (start, end) = (5, 2);
        assert_eq!(map.source_span(start..end), Span::new(6, 6));
        assert_eq!(OffsetMap::default().source_span(0..4), Span::new(0, 0));
    }
}
