//! The literal words of every recogniser, found in one pass over a text. Each
//! recogniser registers its word lists while it is built (policy names, the gate
//! words of policy patterns, cite verbs and genre words, school and initiative
//! suffixes); one automaton then reports every occurrence of every word, overlapping
//! ones included, and each recogniser reads the occurrences of its own lists with
//! the semantics it needs: whether a word is there, where the first one starts, or
//! the leftmost-longest non-overlapping matches of one list. Tasks are short (a few
//! hundred bytes), so one pass instead of one per list is most of what reading them
//! costs.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, BuildError, MatchKind};

/// The word lists of the recognisers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    /// Names and aliases of the policy gazetteer.
    PolicyForm,
    /// Words without which a policy pattern cannot match.
    PolicyGate,
    /// Verbs that cite a document (贯彻, 落实 …).
    CiteVerb,
    /// Genre words that end a document's name (意见, 方案 …).
    Genre,
    /// Suffixes of school names (中学, 幼儿园 …).
    SchoolSuffix,
    /// The endings of abbreviated school names (一中 … 十中).
    SchoolAbbreviation,
    /// Bodies and standalone names of organizations: every name holds one.
    OrganizationWord,
    /// The words of responsibility tags (责任单位, 牵头处室 …).
    UnitTag,
    /// Units of quantities, as written after a number (个, 万元, 万余人 …).
    Unit,
    /// 百分之, which starts a percentage written in words.
    PercentWord,
    /// Suffixes of initiative names (工程, 行动计划 …).
    InitiativeSuffix,
    /// Names with a number that counts nothing (两个维护, 五项管理).
    NumberedName,
    /// Short forms of universities (清华, 北大).
    SchoolShortName,
}

impl List {
    /// Every list.
    #[cfg(test)]
    const ALL: [List; 13] = [
        List::PolicyForm,
        List::PolicyGate,
        List::CiteVerb,
        List::Genre,
        List::SchoolSuffix,
        List::SchoolAbbreviation,
        List::OrganizationWord,
        List::UnitTag,
        List::Unit,
        List::PercentWord,
        List::InitiativeSuffix,
        List::NumberedName,
        List::SchoolShortName,
    ];

    /// The list's bit in [`Occurrences::lists`] (a test checks that they fit).
    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Collects the word lists before the automaton is compiled.
#[derive(Debug, Default)]
pub(crate) struct LexiconBuilder {
    words: Vec<String>,
    /// Per word: its list and its index in that list.
    owners: Vec<(List, usize)>,
}

impl LexiconBuilder {
    /// Adds `words` as `list`; a word's index in the list is its place in `words`.
    /// Adding a list twice appends to it.
    pub(crate) fn add<S: AsRef<str>>(&mut self, list: List, words: impl IntoIterator<Item = S>) {
        let first = self.owners.iter().filter(|(l, _)| *l == list).count();
        for (index, word) in (first..).zip(words) {
            self.words.push(word.as_ref().to_owned());
            self.owners.push((list, index));
        }
    }

    /// Compiles the automaton.
    ///
    /// # Errors
    /// [`BuildError`] when the automaton would be too large.
    pub(crate) fn build(self) -> Result<Lexicon, BuildError> {
        // A contiguous NFA, not a DFA: a DFA of these lists takes 4.5 MB, which a
        // pass over a short task reads mostly from memory, not cache; the NFA's
        // 0.2 MB takes more steps a byte, yet a corpus extracts as fast with it,
        // and it compiles in a millisecond instead of twenty.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&self.words)?;
        Ok(Lexicon {
            matcher,
            owners: self.owners,
        })
    }
}

/// The compiled word lists.
#[derive(Debug)]
pub(crate) struct Lexicon {
    matcher: AhoCorasick,
    owners: Vec<(List, usize)>,
}

impl Lexicon {
    /// Every occurrence of every word in `text`.
    pub(crate) fn scan(&self, text: &str) -> Occurrences {
        let mut all = Vec::new();
        let mut lists = 0;
        for m in self.matcher.find_overlapping_iter(text) {
            if let Some(&(list, index)) = self.owners.get(m.pattern().as_usize()) {
                lists |= list.bit();
                all.push(Occurrence {
                    range: m.range(),
                    list,
                    index,
                });
            }
        }
        // Leftmost first; at one start the longest first; then list order.
        all.sort_unstable_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
                .then(a.index.cmp(&b.index))
        });
        Occurrences { all, lists }
    }
}

/// One occurrence of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Occurrence {
    /// Byte range in the text.
    pub(crate) range: Range<usize>,
    /// The list of the word.
    pub(crate) list: List,
    /// The index of the word in its list.
    pub(crate) index: usize,
}

/// The occurrences of the words in one text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Occurrences {
    /// Sorted by start, then longest first, then list index.
    all: Vec<Occurrence>,
    /// Bits of the lists that occur.
    lists: u32,
}

impl Occurrences {
    /// Whether a word of `list` occurs.
    pub(crate) fn has(&self, list: List) -> bool {
        self.lists & list.bit() != 0
    }

    /// Every occurrence of a word of `list`, leftmost first.
    pub(crate) fn of(&self, list: List) -> impl Iterator<Item = &Occurrence> + '_ {
        let wanted = self.has(list);
        self.all.iter().filter(move |o| wanted && o.list == list)
    }

    /// The matches of `list` that a leftmost-longest search for its words reports:
    /// the leftmost occurrence, the longest of those that start there (the first
    /// in list order among equals), then the same after its end.
    pub(crate) fn leftmost_longest(&self, list: List) -> impl Iterator<Item = &Occurrence> + '_ {
        let mut end = 0;
        self.of(list).filter(move |o| {
            if o.range.start < end {
                return false;
            }
            end = o.range.end;
            true
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(lists: &[(List, &[&str])]) -> Lexicon {
        let mut builder = LexiconBuilder::default();
        for (list, words) in lists {
            builder.add(*list, words.iter());
        }
        builder.build().unwrap()
    }

    /// What aho-corasick's own leftmost-longest search reports for `words`.
    fn reference(words: &[&str], text: &str) -> Vec<(Range<usize>, usize)> {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .unwrap()
            .find_iter(text)
            .map(|m| (m.range(), m.pattern().as_usize()))
            .collect()
    }

    #[test]
    fn leftmost_longest_agrees_with_the_automaton_of_one_list() {
        // A word written twice reports its first place, as the automaton does.
        let schools: &[&str] = &[
            "学校",
            "中学",
            "小学",
            "实验学校",
            "附中",
            "中小学",
            "大学",
            "中学",
        ];
        let other: &[&str] = &["实验", "中小", "学校建设", "校"];
        let lexicon = lexicon(&[(List::SchoolSuffix, schools), (List::Genre, other)]);
        for text in [
            "秀州中学和实验学校、市实验中小学及清华大学附中实验学校建设",
            "中小学校",
            "大学学校中学",
            "",
            "无关的文字",
        ] {
            let got: Vec<(Range<usize>, usize)> = lexicon
                .scan(text)
                .leftmost_longest(List::SchoolSuffix)
                .map(|o| (o.range.clone(), o.index))
                .collect();
            assert_eq!(got, reference(schools, text), "{text}");
        }
    }

    #[test]
    fn a_word_of_two_lists_is_reported_for_both() {
        let lexicon = lexicon(&[
            (List::InitiativeSuffix, &["计划", "行动计划"]),
            (List::Genre, &["计划", "方案"]),
        ]);
        let found = lexicon.scan("实施行动计划");
        assert!(found.has(List::Genre));
        assert!(!found.has(List::CiteVerb));
        let initiative: Vec<usize> = found
            .leftmost_longest(List::InitiativeSuffix)
            .map(|o| o.index)
            .collect();
        assert_eq!(initiative, [1]);
        let genre: Vec<(usize, usize)> = found
            .of(List::Genre)
            .map(|o| (o.range.start, o.range.end))
            .collect();
        assert_eq!(genre, [(12, 18)]);
    }

    #[test]
    fn every_list_has_a_bit_of_its_own() {
        assert!(List::ALL.len() <= u32::BITS as usize);
        for (i, a) in List::ALL.iter().enumerate() {
            for b in &List::ALL[i + 1..] {
                assert_ne!(a.bit(), b.bit());
            }
        }
    }

    #[test]
    fn lists_added_twice_continue_their_indices() {
        let mut builder = LexiconBuilder::default();
        builder.add(List::CiteVerb, ["贯彻"]);
        builder.add(List::Genre, ["意见"]);
        builder.add(List::CiteVerb, ["落实"]);
        let lexicon = builder.build().unwrap();
        let found = lexicon.scan("落实意见");
        let verbs: Vec<usize> = found.of(List::CiteVerb).map(|o| o.index).collect();
        assert_eq!(verbs, [1]);
    }
}
