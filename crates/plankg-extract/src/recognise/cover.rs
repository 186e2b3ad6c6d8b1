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
        // covered[i]: the first i bytes split into words.
        let mut covered = vec![false; text.len() + 1];
        covered[0] = true;
        for (i, _) in text.char_indices() {
            if !covered[i] {
                continue;
            }
            for index in self.words.all(&text[i..]) {
                if let Some(word) = self.words.word(index) {
                    covered[i + word.len()] = true;
                }
            }
        }
        covered[text.len()]
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
    }
}
