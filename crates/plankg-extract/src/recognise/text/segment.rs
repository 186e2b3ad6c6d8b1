//! The words of a text with their parts of speech, from jieba's dictionary (the
//! jieba-rs crate embeds it with its ICTCLAS tags). A name read backwards from its
//! suffix must start and end where words do ("扩大学位" holds no 大学) and stops at
//! a word that cannot be part of a name (a verb, adverb, pronoun, quantity…).

use std::ops::Range;
use std::sync::LazyLock;

use jieba_rs::Jieba;

/// The segmenter with jieba's embedded dictionary, loaded once per process (it
/// depends on no input).
static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// Single characters that are function words wherever they stand (a name holds
/// none of them): copula, prepositions, conjunctions, particles, pronouns and
/// determiners. A single character of another kind may be part of a name the
/// dictionary does not know (秀州 is cut 秀/州).
const FUNCTION_CHARACTERS: &str =
    "是的了和与及或等在对把将为以由从向给让被即其各每该本此这那所个有无已要并且又也都还就到至于使之不你我他她它含";

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// Byte range in the text.
    pub(crate) range: Range<usize>,
    /// Its part of speech (ICTCLAS tag: n, ns, v, m…).
    pub(crate) tag: &'a str,
    /// Its length in characters.
    pub(crate) chars: usize,
}

impl Word<'_> {
    /// Whether the word cannot be part of a name: a verb (not a verbal noun), adverb, pronoun,
    /// preposition, conjunction, particle, numeral, measure word, time or place word
    /// of two characters or more, a single function character, or anything but a
    /// Chinese character.
    pub(crate) fn ends_a_name(&self, text: &str) -> bool {
        let word = &text[self.range.clone()];
        if !word.chars().all(super::names::is_name_char) {
            return true;
        }
        // A site's mask in place of a name ("xx县", "**第十三中学") is read as one.
        if super::names::strip_masks(word).is_empty() {
            return false;
        }
        if self.chars == 1 {
            return word.chars().all(|c| FUNCTION_CHARACTERS.contains(c));
        }
        // A verbal noun (实验, 管理) may be part of a name; a verb may not.
        let base = self.tag.chars().next().unwrap_or('x');
        (matches!(
            base,
            'v' | 'd' | 'r' | 'p' | 'c' | 'u' | 'q' | 't' | 'f' | 'y' | 'e' | 'o' | 'x'
        ) && self.tag != "vn")
            || (base == 'm' && !is_ordinal(word))
    }

    /// Whether the word cannot start a name though a verb could: a preposition,
    /// pronoun, conjunction, particle or count, or a single function character.
    /// (Adverbs and time words are not: the dictionary tags 大足 an adverb and 现代
    /// a time word.)
    pub(crate) fn starts_no_name(&self, text: &str) -> bool {
        let word = &text[self.range.clone()];
        if self.chars == 1 {
            return word.chars().all(|c| FUNCTION_CHARACTERS.contains(c));
        }
        let base = self.tag.chars().next().unwrap_or('x');
        matches!(base, 'r' | 'p' | 'c' | 'u' | 'q') || (base == 'm' && !is_ordinal(word))
    }

    /// Whether the word is a proper name the dictionary knows: a place, person,
    /// organization, other proper noun or abbreviation (ns, nr, nt, nz, j).
    pub(crate) fn is_proper(&self) -> bool {
        self.chars >= 2 && matches!(self.tag, "ns" | "nr" | "nrt" | "nrfg" | "nt" | "nz" | "j")
    }

    /// Whether the word is a verb or verbal noun of two characters or more (建设, 实施).
    pub(crate) fn is_verb(&self) -> bool {
        self.chars >= 2 && self.tag.starts_with('v')
    }

    /// Whether the word is a common noun of two characters or more.
    pub(crate) fn is_noun(&self) -> bool {
        self.chars >= 2 && matches!(self.tag, "n" | "ng" | "nl" | "l" | "s" | "an")
    }
}

/// Whether `word` is an ordinal or a bare number written in Chinese numerals
/// (第三, 四十三): the number of a numbered school.
pub(crate) fn is_ordinal(word: &str) -> bool {
    let digits = word.strip_prefix('第').unwrap_or(word);
    !digits.is_empty()
        && digits
            .chars()
            .all(|c| "一二三四五六七八九十百零〇两".contains(c) || c.is_ascii_digit())
        && !digits.starts_with('两')
}

/// The characters read on either side of a place whose words are asked for.
const CONTEXT_CHARS: usize = 4;

/// The byte range of `text` from [`CONTEXT_CHARS`] characters before `range` to as
/// many after it: enough for jieba to segment the words at its ends.
pub(crate) fn window(text: &str, range: Range<usize>) -> Range<usize> {
    let from = text[..range.start]
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .last()
        .map_or(range.start, |(i, _)| i);
    let to = text[range.end..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| range.end + i);
    from..to
}

/// Whether `range` of `text` starts and ends where words do (北大 in 考入北大, not in
/// 北大荒), by the words of a few characters around it.
pub(crate) fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let around = window(text, range.clone());
    let (start, end) = (range.start - around.start, range.end - around.start);
    !words(&text[around]).iter().any(|w| {
        (w.range.start < start && start < w.range.end) || (w.range.start < end && end < w.range.end)
    })
}

/// The start of the word of `text` that holds byte `at` inside it (starts before it,
/// ends after it) when that word can be part of a name (not a verb, adverb or
/// function word: [`Word::ends_a_name`]), by the words of a few characters around:
/// 普及 holds the place before 及 in "实施普及攻坚计划", 正在 (an adverb) none.
pub(crate) fn name_word_across(text: &str, at: usize) -> Option<usize> {
    let around = window(text, at..at);
    let text_around = &text[around.clone()];
    let local = at - around.start;
    words(text_around)
        .iter()
        .find(|w| w.range.start < local && local < w.range.end)
        .filter(|w| !w.ends_a_name(text_around))
        .map(|w| around.start + w.range.start)
}

/// Whether a word ends at byte `end` of `text` and a verb starts there (一中 + 建设),
/// reading the words from `start`.
pub(crate) fn verb_starts_at(text: &str, start: usize, end: usize) -> bool {
    let around = start..window(text, end..end).end;
    let local_end = end - start;
    let words = words(&text[around]);
    words.iter().any(|w| w.range.end == local_end)
        && words
            .iter()
            .find(|w| w.range.start == local_end)
            .is_some_and(Word::is_verb)
}

/// The words of `text`, in order, covering it.
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut at = 0;
    JIEBA
        .tag(text, false)
        .into_iter()
        .map(|tag| {
            let start = at;
            at += tag.word.len();
            Word {
                range: start..at,
                tag: tag.tag,
                chars: tag.word.chars().count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|w| &text[w.range]).collect()
    }

    #[test]
    fn words_cover_the_text_and_keep_real_words_whole() {
        assert_eq!(
            cut("二是多方扩大学位供给"),
            ["二", "是", "多方", "扩大", "学位", "供给"]
        );
        let text = "加强学校管理,办好学校";
        let all: String = cut(text).concat();
        assert_eq!(all, text);
    }

    #[test]
    fn function_words_end_names_and_unknown_characters_do_not() {
        let text = "推进秀州中学建设";
        let found = words(text);
        let ends: Vec<bool> = found.iter().map(|w| w.ends_a_name(text)).collect();
        // 推进 (a verb) ends a name; 秀 and 州 (a name the dictionary lacks) do not.
        assert!(ends[0]);
        assert!(!ends[1] && !ends[2]);
        assert!(is_ordinal("第十三") && is_ordinal("四十三") && !is_ordinal("两"));
    }
}
