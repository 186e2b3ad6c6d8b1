//! Reading a name backwards from its suffix: shared by the school and initiative
//! recognisers. A name ("秀州中学", "中小学教学质量提升工程") starts after the last
//! punctuation mark, digit or boundary word (name_boundaries.txt: 推进, 实施, 和 …)
//! before its suffix.

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use rustc_hash::{FxHashMap, FxHashSet};

/// Gazetteer of the words that end right before a name (curated).
pub(crate) const BOUNDARIES_FILE: &str = "name_boundaries.txt";
/// Gazetteer of common verbs, adverbs, prepositions and conjunctions (generated).
pub(crate) const VERBS_FILE: &str = "name_verbs.txt";

/// The words a name starts after.
#[derive(Debug, Clone)]
pub(crate) struct NameBoundaries {
    words: FxHashSet<String>,
    /// The longest word, in characters.
    longest: usize,
    /// Last character of a word -> the lengths in characters of the words that end
    /// with it, as bits (bit n: n characters; bit 63: 63 or more).
    lengths_by_last: FxHashMap<char, u64>,
}

impl NameBoundaries {
    /// Loads the word lists `files` (one word a line).
    ///
    /// # Errors
    /// [`GazetteerError::MissingFile`] when a file is missing.
    pub(crate) fn new(gazetteer: &Gazetteer, files: &[&str]) -> Result<Self, GazetteerError> {
        let mut words = FxHashSet::default();
        for file in files {
            words.extend(gazetteer.list(file)?.into_iter().map(str::to_owned));
        }
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let mut lengths_by_last: FxHashMap<char, u64> = FxHashMap::default();
        for word in &words {
            if let Some(last) = word.chars().next_back() {
                *lengths_by_last.entry(last).or_default() |= length_bit(word.chars().count());
            }
        }
        Ok(Self {
            words,
            longest,
            lengths_by_last,
        })
    }

    /// Whether `word` is one of the words.
    pub(crate) fn is_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether `before` ends with one of the words.
    pub(crate) fn ends_with_word(&self, before: &str) -> bool {
        // Only the lengths of the words ending with the last character can match.
        let Some(lengths) = before
            .chars()
            .next_back()
            .and_then(|last| self.lengths_by_last.get(&last))
        else {
            return false;
        };
        let mut left = *lengths;
        for (i, _) in before.char_indices().rev().take(self.longest) {
            // `left` keeps the bits of the lengths not yet tried: the lowest is the
            // length of `before[i..]`, which grows by a character each step.
            left >>= 1;
            if left & 1 != 0 && self.words.contains(&before[i..]) {
                return true;
            }
            if left >> 1 == 0 {
                return false;
            }
        }
        false
    }

    /// The start of the name that ends at `end` (where its suffix starts), reading
    /// back at most `max_chars` characters of name material (Chinese characters,
    /// mask characters * and x, the middle dot), and stopping after a boundary word.
    pub(crate) fn name_start(&self, text: &str, end: usize, max_chars: usize) -> usize {
        let mut pos = end;
        let mut taken = 0;
        while taken < max_chars {
            let before = &text[..pos];
            if self.ends_with_word(before) {
                break;
            }
            let Some(ch) = before.chars().next_back() else {
                break;
            };
            if !is_name_char(ch) {
                break;
            }
            pos -= ch.len_utf8();
            taken += 1;
        }
        pos
    }
}

/// The bit that stands for words of `chars` characters.
fn length_bit(chars: usize) -> u64 {
    1 << chars.min(63)
}

/// Characters a name is made of.
pub(crate) fn is_name_char(ch: char) -> bool {
    is_han(ch) || matches!(ch, '*' | 'x' | 'X' | '×' | '·')
}

/// Whether `ch` is a Chinese character.
pub(crate) fn is_han(ch: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&ch)
}

/// The numerals of a numbered school's short form (二中, 十二中, 三小).
const SCHOOL_NUMERALS: &str = "一二三四五六七八九十";

/// The numbered part of a school's full name that the short form `short` stands
/// for: "二中" → "第二中学", "十二中" → "第十二中学", "三小" → "第三小学"; `None`
/// when `short` is no such form (one to three numerals, then 中 or 小).
pub(crate) fn numbered_school_full(short: &str) -> Option<String> {
    let kind = match short.chars().next_back()? {
        '中' => "中学",
        '小' => "小学",
        _ => return None,
    };
    let number = &short[..short.len() - '中'.len_utf8()];
    let count = number.chars().count();
    ((1..=3).contains(&count) && number.chars().all(|c| SCHOOL_NUMERALS.contains(c)))
        .then(|| format!("第{number}{kind}"))
}

/// `name` without the masks a site put in place of a name ("**第十三中学",
/// "xx县…"): leading runs of *, x, X, ×.
pub(crate) fn strip_masks(name: &str) -> &str {
    name.trim_start_matches(['*', 'x', 'X', '×'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_starts_after_a_verb_or_punctuation() {
        let boundaries =
            NameBoundaries::new(&Gazetteer::embedded(), &[BOUNDARIES_FILE, VERBS_FILE]).unwrap();
        let text = "市区重点推进秀州中学建设";
        let end = text.find("中学").unwrap();
        assert_eq!(&text[boundaries.name_start(text, end, 16)..end], "秀州");
        let text = "学校--**第十三中学";
        let end = text.find("中学").unwrap();
        assert_eq!(
            strip_masks(&text[boundaries.name_start(text, end, 16)..end]),
            "第十三"
        );
    }
}
