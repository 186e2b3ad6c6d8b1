//! Whether a text is made entirely of the words of a list ("中小学公办" of 中小学 and
//! 公办): the test the school and initiative recognisers use to reject generic
//! names. The words are indexed by their first character, so each position of the
//! text tries only the words that can start there.

use super::literal::StartWords;

/// A word list indexed for covering tests.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cover {
    words: StartWords,
}

impl Cover {
    /// Indexes `words` (empty words are ignored: they cover nothing).
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            words: StartWords::new(words.into_iter().map(str::to_owned).collect()),
        }
    }

    /// Whether `text` splits into a sequence of the words (an empty text does).
    pub(crate) fn covers(&self, text: &str) -> bool {
        self.words(text).is_some()
    }

    /// One split of `text` into the words, in order; `None` when there is none.
    pub(crate) fn words<'t>(&self, text: &'t str) -> Option<Vec<&'t str>> {
        // came_from[i]: where the word ending at byte i starts, once the first i
        // bytes split into words.
        let mut came_from: Vec<Option<usize>> = vec![None; text.len() + 1];
        came_from[0] = Some(0);
        for (i, _) in text.char_indices() {
            if came_from[i].is_none() {
                continue;
            }
            for index in self.words.all(&text[i..]) {
                if let Some(word) = self.words.word(index) {
                    came_from[i + word.len()].get_or_insert(i);
                }
            }
        }
        let mut split = Vec::new();
        let mut end = text.len();
        while end > 0 {
            let start = came_from[end]?;
            split.push(&text[start..end]);
            end = start;
        }
        split.reverse();
        Some(split)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_of_list_words_is_covered() {
        let cover = Cover::new(["中小学", "公办", "学校", "中"]);
        assert!(cover.covers("中小学公办"));
        assert!(cover.covers("公办中学校"));
        assert!(cover.covers(""));
        assert!(!cover.covers("秀州中学"));
        assert!(!cover.covers("公办小"));
        assert_eq!(cover.words("中小学公办"), Some(vec!["中小学", "公办"]));
        assert_eq!(cover.words("秀州"), None);
    }
}
