//! Cheap tests for the words a pattern cannot match without, so that a recogniser
//! runs its patterns only over the texts that could hold a match.

/// Whether `text` holds any of `words`.
pub(crate) fn holds_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|word| text.contains(word))
}
