//! Cheap word tests for the few bytes around a name: a word's last place, and which
//! words of a list a text starts with, the sentence around a place; and a word list
//! as a regex alternation.

use rustc_hash::FxHashMap;

/// `words` as a regex alternation, each escaped, longest first (so a longer word
/// wins where a shorter one is its prefix).
pub(crate) fn alternation<'a>(words: impl IntoIterator<Item = &'a String>) -> String {
    let mut sorted: Vec<&String> = words.into_iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// The sentence of `text` around byte `at` (between sentence marks or line breaks).
pub(crate) fn sentence_around(text: &str, at: usize) -> &str {
    let is_end = |c: char| matches!(c, '。' | '!' | '?' | ';' | '\n');
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| is_end(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(is_end).map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// The start of the last occurrence of `needle` in `haystack`: what `str::rfind`
/// answers, without building a searcher for the few bytes around a name.
pub(crate) fn rfind_short(haystack: &str, needle: &str) -> Option<usize> {
    let last = haystack.len().checked_sub(needle.len())?;
    let (hay, word) = (haystack.as_bytes(), needle.as_bytes());
    let (Some(&first_byte), Some(&last_byte)) = (word.first(), word.last()) else {
        return Some(haystack.len());
    };
    // Comparing the end bytes first spares a full comparison at most places.
    (0..=last).rev().find(|&at| {
        hay.get(at) == Some(&first_byte)
            && hay.get(at + word.len() - 1) == Some(&last_byte)
            && hay[at..].starts_with(word)
    })
}

/// Words indexed by their first character, to ask which of them a text starts with
/// without comparing it to every word.
#[derive(Debug, Clone, Default)]
pub(crate) struct StartWords {
    words: Vec<String>,
    /// First character -> indices of the words that start with it, in list order.
    by_first: FxHashMap<char, Vec<usize>>,
    /// The first empty word, which every text starts with.
    empty: Option<usize>,
}

impl StartWords {
    /// Indexes `words`, keeping their order.
    pub(crate) fn new(words: Vec<String>) -> Self {
        let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        let mut empty = None;
        for (index, word) in words.iter().enumerate() {
            match word.chars().next() {
                Some(first) => by_first.entry(first).or_default().push(index),
                None => {
                    empty.get_or_insert(index);
                }
            }
        }
        Self {
            words,
            by_first,
            empty,
        }
    }

    /// The first word, in list order, that `text` starts with.
    pub(crate) fn first_word(&self, text: &str) -> Option<&str> {
        self.first(text)
            .and_then(|index| self.words.get(index))
            .map(String::as_str)
    }

    /// The indices of every non-empty word `text` starts with, in list order.
    pub(crate) fn all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        text.chars()
            .next()
            .and_then(|first| self.by_first.get(&first))
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&index| {
                self.words
                    .get(index)
                    .is_some_and(|word| text.starts_with(word.as_str()))
            })
    }

    /// The word at `index`.
    pub(crate) fn word(&self, index: usize) -> Option<&str> {
        self.words.get(index).map(String::as_str)
    }

    /// The index of the first word, in list order, that `text` starts with.
    pub(crate) fn first(&self, text: &str) -> Option<usize> {
        let found = text
            .chars()
            .next()
            .and_then(|first| self.by_first.get(&first))
            .and_then(|indices| {
                indices.iter().copied().find(|&index| {
                    self.words
                        .get(index)
                        .is_some_and(|word| text.starts_with(word.as_str()))
                })
            });
        match (found, self.empty) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfind_short_answers_as_rfind() {
        for (haystack, needle) in [
            ("教育局教研室同乐实验", "教研室"),
            ("教育局教研室教研室", "教研室"),
            ("实验", "教育科学研究院"),
            ("达到达到", "达到"),
            ("", ""),
            ("提高", ""),
        ] {
            assert_eq!(rfind_short(haystack, needle), haystack.rfind(needle));
        }
    }

    #[test]
    fn start_words_answer_the_first_word_in_list_order() {
        let words = StartWords::new(vec!["以上".into(), "左右".into(), "以".into()]);
        assert_eq!(words.first("以上的学校"), Some(0));
        assert_eq!(words.first("以下"), Some(2));
        assert_eq!(words.first("左右,"), Some(1));
        assert_eq!(words.first("的"), None);
        assert_eq!(words.first(""), None);
        let with_empty = StartWords::new(vec!["以上".into(), String::new()]);
        assert_eq!(with_empty.first("以上"), Some(0));
        assert_eq!(with_empty.first("的"), Some(1));
        assert_eq!(words.all("以上的学校").collect::<Vec<_>>(), [0, 2]);
        assert_eq!(with_empty.all("的").count(), 0);
        assert_eq!(words.word(1), Some("左右"));
    }
}
