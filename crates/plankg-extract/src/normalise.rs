//! Normalised text with a map back to the source.
//! (Placeholder: identity normalisation, to be replaced.)

use std::ops::Range;

use plankg_model::Span;

/// The normalised text of a source, and the way back to source character offsets.
#[derive(Debug, Clone)]
pub(crate) struct NormText {
    /// The normalised text.
    pub(crate) text: String,
    /// Character offset of each byte of `text` that starts a character.
    char_starts: Vec<usize>,
}

impl NormText {
    /// Normalises `source`.
    pub(crate) fn new(source: &str) -> Self {
        let text = source.to_owned();
        let mut char_starts = vec![0; text.len() + 1];
        let mut count = 0;
        for (byte, _) in text.char_indices() {
            char_starts[byte] = count;
            count += 1;
        }
        char_starts[text.len()] = count;
        Self { text, char_starts }
    }

    /// The source span of a byte range of the normalised text.
    pub(crate) fn source_span(&self, range: Range<usize>) -> Span {
        let at = |byte: usize| self.char_starts.get(byte).copied().unwrap_or_default();
        Span::new(at(range.start), at(range.end))
    }
}
