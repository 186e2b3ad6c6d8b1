//! Recogniser of named initiatives, programmes and campaigns (ANNOTATION.md,
//! "initiatives"): quoted names ("县管校聘", "最多跑一次") and unquoted names made of
//! a modifier and a suffix of initiative_suffixes.txt (名师工程, 学前教育三年行动计划).
//!
//! Quotations that are slogans, principles or mechanisms are left out
//! (initiative_stoplist.tsv); an unquoted name is read backwards from its suffix to
//! the verb that introduces it (initiative_boundaries.txt) and is dropped when its
//! modifier is only generic words (工作计划, 各项活动). Documents the plan will draft
//! come from the policy recogniser (drafted = true); names overlapping them or a
//! policy are not repeated. Every name gets a key that is the same in every document
//! (see [`key`]).

mod key;
mod quoted;

use plankg_model::InitiativeRef;

use super::cover::Cover;
use super::lexicon::{LexiconBuilder, List, Occurrences};
use super::names::{self, NameBoundaries};
use super::segment;
use super::{Context, Found, Hit, Recognise};
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;

use key::Keys;
use quoted::{Cues, QuoteFilter};

/// Gazetteer of the suffixes of unquoted names.
const SUFFIXES_FILE: &str = "initiative_suffixes.txt";
/// Gazetteer of the words that end right before an unquoted name.
const BOUNDARIES_FILE: &str = "initiative_boundaries.txt";
/// Gazetteer of what is not an initiative.
const STOPLIST_FILE: &str = "initiative_stoplist.tsv";
/// Gazetteer of the words around a quotation that show it names a programme.
const CUES_FILE: &str = "initiative_cues.tsv";
/// The longest modifier read before a suffix, in characters.
const MAX_MODIFIER: usize = 22;
/// The longest part after 与 that shares the name of the part before it.
const MAX_SHARED_PART: usize = 4;
/// The shortest modifier of an unquoted name ending in 活动, in characters.
const MIN_ACTIVITY_MODIFIER: usize = 4;
/// Characters after a suffix that show it is part of another word: 工程师, 项目化,
/// 试点校, 试点区, 试点县, 计划书, 行动上 (思想上政治上行动上保持一致).
const NOT_AFTER_SUFFIX: &[char] = &['师', '化', '校', '区', '县', '书', '园', '上'];

/// Finds initiative mentions in a text.
#[derive(Debug)]
pub(crate) struct InitiativeRecogniser {
    /// The suffixes, by index in the lexicon's list.
    suffix_words: Vec<String>,
    boundaries: NameBoundaries,
    /// Words that make no name before a suffix.
    generic: Cover,
    /// Endings of plans and meetings of the issuer (工作计划).
    endings: Vec<String>,
    /// Scope words dropped from the start of a name (全市, 自治区).
    scopes: Vec<String>,
    quotes: QuoteFilter,
    keys: Keys,
}

impl InitiativeRecogniser {
    /// Builds the recogniser from its gazetteer files and adds its suffixes to
    /// `lexicon`.
    ///
    /// # Errors
    /// A missing file or a malformed row (file:line).
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        lexicon: &mut LexiconBuilder,
    ) -> Result<Self, GazetteerError> {
        let suffix_words: Vec<String> = gazetteer
            .list(SUFFIXES_FILE)?
            .into_iter()
            .map(str::to_owned)
            .collect();
        lexicon.add(List::InitiativeSuffix, &suffix_words);
        let mut generic = Vec::new();
        let mut stop_quotes = Vec::new();
        let mut followers = Vec::new();
        let mut endings = Vec::new();
        let mut scopes = Vec::new();
        for row in gazetteer.rows(STOPLIST_FILE, 2)? {
            let text = row.field(1).to_owned();
            match row.field(0) {
                "generic" => generic.push(text),
                "quote" => stop_quotes.push(text),
                "follower" => followers.push(text),
                "ending" => endings.push(text),
                "scope" => scopes.push(text),
                other => return Err(row.error(STOPLIST_FILE, format!("unknown kind {other:?}"))),
            }
        }
        scopes.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        let boundaries = NameBoundaries::new(gazetteer, &[BOUNDARIES_FILE])?;
        let mut cues = Cues::default();
        for row in gazetteer.rows(CUES_FILE, 2)? {
            let text = row.field(1).to_owned();
            match row.field(0) {
                "before" => cues.before.push(text),
                "after" => cues.after.push(text),
                "general_after" => cues.general_after.push(text),
                "title" => cues.titles.push(text),
                other => return Err(row.error(CUES_FILE, format!("unknown kind {other:?}"))),
            }
        }
        Ok(Self {
            quotes: QuoteFilter::new(
                stop_quotes,
                followers,
                suffix_words.clone(),
                boundaries.clone(),
                cues,
            ),
            suffix_words,
            boundaries,
            generic: Cover::new(generic.iter().map(String::as_str)),
            endings,
            scopes,
            keys: Keys::new(gazetteer)?,
        })
    }

    /// Where a name starts when its modifier `text[start..end]` is generic or short
    /// and follows 和 or 与: "马克思主义理论研究和建设工程", "义务教育薄弱环节改善与
    /// 能力提升工程" name one programme when the part before the conjunction is
    /// specific (four characters or more) and no name of its own.
    fn across_and(&self, text: &str, start: usize, end: usize) -> Option<usize> {
        let part = &text[start..end];
        let length = part.chars().count();
        let before_and = &text[..start];
        let conjunction = before_and.chars().next_back()?;
        // 与 also ends verbs (参与, 给与); 和 joins two names as often as one.
        let joins = match conjunction {
            '和' => !self.is_specific(part),
            '与' => {
                !["参与", "给与", "赋与"]
                    .iter()
                    .any(|verb| before_and.ends_with(verb))
                    && length <= MAX_SHARED_PART
            }
            _ => false,
        };
        if length < 2 || !joins {
            return None;
        }
        let and_start = start - conjunction.len_utf8();
        let extended = self.boundaries.name_start(text, and_start, MAX_MODIFIER);
        let before = &text[extended..and_start];
        let named = before.chars().count() >= 4
            && self.is_specific(before)
            && !self
                .suffix_words
                .iter()
                .any(|s| before.ends_with(s.as_str()));
        named.then_some(extended)
    }

    /// The modifier `text[start..end]` without what is not part of the name: masks
    /// (xx中等职业学校), the 年 of a date (2018年全民学习活动周), an ordinal
    /// (第十五个党风廉政教育月活动, 第三轮学前教育三年行动计划) and a scope word
    /// (全市, 自治区).
    fn trim_modifier<'a>(&self, text: &'a str, start: usize, end: usize) -> &'a str {
        let mut modifier = names::strip_masks(&text[start..end]);
        if text[..start].ends_with(|c: char| c.is_ascii_digit()) {
            modifier = modifier.trim_start_matches(['年', '度', '所', '个', '项', '批']);
        }
        if let Some(rest) = after_ordinal(modifier) {
            modifier = rest;
        }
        'scopes: loop {
            for scope in &self.scopes {
                if let Some(rest) = modifier.strip_prefix(scope.as_str()) {
                    modifier = rest;
                    continue 'scopes;
                }
            }
            break;
        }
        // A name does not start with a preposition, pronoun or count the boundary
        // words missed ("透过灵性活动", "其中职教园区迁建年度计划",
        // "一项基础性工程"): jieba's dictionary tells them. Verbs stay: many names
        // start with one (学习实践科学发展观活动, 扶贫助学工程).
        let words = segment::words(modifier);
        let leading: usize = words
            .iter()
            .take_while(|word| word.starts_no_name(modifier))
            .map(|word| word.range.len())
            .sum();
        // A copula inside the modifier says what something is: the name follows it
        // ("续建项目为职教园区迁建工程"). Only where 为 or 是 is a word of its own: 为民
        // (为民办实事工程) is part of a name.
        let copula = words
            .iter()
            .filter(|word| matches!(&modifier[word.range.clone()], "为" | "是"))
            .map(|word| word.range.end)
            .max()
            .unwrap_or(0);
        modifier = &modifier[leading.max(copula)..];
        // A bare 市/区/县/省 before a name says whose it is ("市中小学品格提升项目"),
        // unless it starts a word (市级, 区域, 县委, 省属).
        let mut chars = modifier.chars();
        if let (Some('市' | '区' | '县' | '省'), Some(next)) = (chars.next(), chars.next()) {
            let rest = &modifier['市'.len_utf8()..];
            if !"级委属长直域内外情政".contains(next) && rest.chars().count() >= 4 {
                modifier = rest;
            }
        }
        modifier
    }

    /// Whether a modifier names something: two characters or more, not only
    /// generic words.
    fn is_specific(&self, modifier: &str) -> bool {
        if modifier.chars().filter(|c| names::is_han(*c)).count() < 2 {
            return false;
        }
        !self.generic.covers(modifier)
    }

    /// An initiative hit with its key.
    fn hit(&self, name: String, range: std::ops::Range<usize>) -> Hit<InitiativeRef> {
        Hit {
            range,
            entity: InitiativeRef {
                key: self.keys.key(&name),
                name,
                drafted: false,
                evidence: Vec::new(),
            },
        }
    }
}

impl Recognise for InitiativeRecogniser {
    /// Adds the initiatives named in `text` (whose lexicon words are `words`) to
    /// `found`.
    fn find(&self, text: &str, words: &Occurrences, _context: &Context<'_>, found: &mut Found) {
        // A name inside a policy is the policy ("三个代表"); a name that holds one
        // is an initiative (深入学习实践科学发展观活动). Drafted documents are
        // initiatives already.
        let overlaps_taken = |range: &std::ops::Range<usize>| {
            found
                .policies
                .iter()
                .any(|p| p.range.start <= range.start && range.end <= p.range.end)
                || found
                    .initiatives
                    .iter()
                    .any(|d| d.range.start < range.end && range.start < d.range.end)
        };
        let mut hits: Vec<Hit<InitiativeRef>> = Vec::new();
        for (name, range) in self.quotes.names(text) {
            // A quoted policy ("十九大"): the policy covers most of the quotation.
            let quotes_policy = found.policies.iter().any(|p| {
                let shared = p
                    .range
                    .end
                    .min(range.end)
                    .saturating_sub(p.range.start.max(range.start));
                shared * 2 >= range.len().saturating_sub(2 * '“'.len_utf8())
            });
            let plan_or_meeting = self.endings.iter().any(|e| name.ends_with(e.as_str()));
            if !overlaps_taken(&range) && !quotes_policy && !plan_or_meeting {
                hits.push(self.hit(name, range));
            }
        }
        let quoted: Vec<std::ops::Range<usize>> = hits.iter().map(|h| h.range.clone()).collect();
        let mut unquoted = Vec::new();
        for occurrence in words.leftmost_longest(List::InitiativeSuffix) {
            let (suffix_start, end) = (occurrence.range.start, occurrence.range.end);
            if text[end..].starts_with(NOT_AFTER_SUFFIX) {
                continue;
            }
            let mut start = self.boundaries.name_start(text, suffix_start, MAX_MODIFIER);
            // "新中国成立70周年庆祝活动": an anniversary's number is part of the name,
            // and so is what it is the anniversary of.
            if text[start..].starts_with("周年") {
                let digits = text[..start].trim_end_matches(|c: char| c.is_ascii_digit());
                if digits.len() < start {
                    let taken = text[start..suffix_start].chars().count();
                    let rest = MAX_MODIFIER.saturating_sub(taken + start - digits.len());
                    start = self.boundaries.name_start(text, digits.len(), rest);
                }
            }
            // A one-character boundary that ends a longer word of a name ("实施普及
            // 攻坚计划": 普及, not 及) is no boundary: the name reads on from that
            // word's start (not over an adverb: "项目正在按计划").
            let before: Vec<usize> = text[..start]
                .char_indices()
                .rev()
                .take(4)
                .map(|(i, _)| i)
                .collect();
            let single = before
                .first()
                .is_some_and(|&last| self.boundaries.is_word(&text[last..start]))
                && before.get(1..).is_some_and(|longer| {
                    longer
                        .iter()
                        .all(|&at| !self.boundaries.is_word(&text[at..start]))
                });
            if let Some(word_start) = before
                .first()
                .filter(|_| single)
                .and_then(|&last| segment::name_word_across(text, last))
            {
                let taken = text[start..suffix_start].chars().count();
                let rest = MAX_MODIFIER.saturating_sub(taken);
                start = self.boundaries.name_start(text, word_start, rest);
            }
            // "马克思主义理论研究和建设工程": a generic part after 和 shares the name
            // of the part before it.
            if let Some(extended) = self.across_and(text, start, suffix_start) {
                start = extended;
            }
            let modifier = self.trim_modifier(text, start, suffix_start);
            let suffix = self
                .suffix_words
                .get(occurrence.index)
                .map_or("", String::as_str);
            let name = format!("{modifier}{suffix}");
            // 活动 follows so many plain nouns (艺术活动, 读书活动) that a name needs a
            // longer modifier (阳光体育活动, 学雷锋主题实践活动).
            let short_activity =
                suffix == "活动" && modifier.chars().count() < MIN_ACTIVITY_MODIFIER;
            if short_activity
                || !self.is_specific(modifier)
                || self.endings.iter().any(|e| name.ends_with(e.as_str()))
                || lists_examples(modifier)
            {
                continue;
            }
            let range = suffix_start - modifier.len()..end;
            if overlaps_taken(&range)
                || quoted
                    .iter()
                    .any(|q| q.start < range.end && range.start < q.end)
            {
                continue;
            }
            unquoted.push(self.hit(name, range));
        }
        // "全纳教育…合作试点项目" also ends in 试点: keep the longest name.
        let all = unquoted.clone();
        unquoted.retain(|h| {
            !all.iter().any(|o| {
                o.range != h.range && o.range.start <= h.range.start && h.range.end <= o.range.end
            })
        });
        hits.extend(unquoted);
        hits.sort_by_key(|h| h.range.start);
        found.initiatives.extend(hits);
    }
}

/// Whether a modifier lists examples of a kind ("趣味田径等竞赛项目", "幼小衔接等
/// 活动"): 等 other than in 中等, 高等, 初等, 同等, 平等 closes a list, and the name
/// is the kind, which is generic.
fn lists_examples(modifier: &str) -> bool {
    modifier
        .match_indices('等')
        .any(|(at, _)| !modifier[..at].ends_with(['中', '高', '初', '同', '平', '均']))
}

/// The part of `modifier` after its last ordinal (中小学第三批学习实践…活动 →
/// 学习实践…), when two characters or more remain: the ordinal counts editions of
/// the same programme.
fn after_ordinal(modifier: &str) -> Option<&str> {
    let mut result = None;
    for (at, _) in modifier.match_indices('第') {
        let rest = &modifier[at + '第'.len_utf8()..];
        let after_number = rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        if after_number.len() == rest.len() {
            continue;
        }
        if let Some(after) = after_number.strip_prefix(['个', '届', '轮', '期', '批', '次']) {
            if after.chars().count() >= 2 {
                result = Some(after);
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn initiatives(text: &str) -> Vec<String> {
        let mut lexicon = LexiconBuilder::default();
        let recogniser = InitiativeRecogniser::new(&Gazetteer::embedded(), &mut lexicon).unwrap();
        let words = lexicon.build().unwrap().scan(text);
        let mut found = Found::default();
        recogniser.find(text, &words, &Context::default(), &mut found);
        found
            .initiatives
            .into_iter()
            .map(|h| h.entity.name)
            .collect()
    }

    #[test]
    fn quoted_programmes_are_found() {
        assert_eq!(
            initiatives("深化\"县管校聘\"管理改革试点"),
            ["县管校聘管理改革试点"]
        );
        assert_eq!(initiatives("以“家园行动”为主题,"), ["家园行动"]);
        // An honour title a campaign awards (a development plan's sentence).
        assert_eq!(
            initiatives("(五)育人为本:“最美南粤少年”人数居全市之首。"),
            ["最美南粤少年"]
        );
        assert_eq!(initiatives("建设“千校结好”等工程"), ["千校结好"]);
        assert_eq!(initiatives("加快推进“最多跑一次”改革,"), ["最多跑一次"]);
        assert_eq!(initiatives("实施青少年体育\"5621\"计划,"), ["5621计划"]);
    }

    #[test]
    fn names_start_after_pronouns_and_counts() {
        // Sentences of the pool: 其中 and 一项 start no name; a verb may (学习).
        assert_eq!(
            initiatives("续建项目3个,其中职教园区迁建工程年内完工"),
            ["职教园区迁建工程"]
        );
        assert_eq!(
            initiatives("深入开展学习实践科学发展观活动"),
            ["学习实践科学发展观活动"]
        );
    }

    #[test]
    fn unquoted_programmes_are_found() {
        assert_eq!(initiatives("大力实施名校长、名师工程,"), ["名师工程"]);
        assert_eq!(
            initiatives("深入实施中小学教学质量提升工程。"),
            ["中小学教学质量提升工程"]
        );
        assert_eq!(
            initiatives("启动第三轮学前教育三年行动计划"),
            ["学前教育三年行动计划"]
        );
        assert_eq!(
            initiatives("开展师德师风建设年主题教育活动"),
            ["师德师风建设年主题教育活动"]
        );
    }

    #[test]
    fn a_name_reads_over_a_word_holding_a_boundary() {
        // Pool: a provincial plan of 2019.
        assert_eq!(
            initiatives("高中阶段加快实施普及攻坚计划,扩大普通高中"),
            ["普及攻坚计划"]
        );
        assert!(initiatives("这是一项基础性工程").is_empty());
        // Pool: a county's plan of 2024 ("续建项目为…"), a city's of 2013 (为民办实事).
        assert_eq!(
            initiatives("续建项目为职教园区迁建工程和县学校"),
            ["职教园区迁建工程"]
        );
        assert_eq!(
            initiatives("落实为民办实事考核项目"),
            ["为民办实事考核项目"]
        );
        assert!(initiatives("教育局基础教育科工作参考计划").is_empty());
    }

    #[test]
    fn themes_courses_campaigns_and_anniversaries() {
        // Pool: a university's speech of 2015, a county's summary of 2016.
        assert!(initiatives("初步构建起以“大化工”为主线,以“高标准”为引领").is_empty());
        assert!(initiatives("开设二中的“创业素养”系列课程").is_empty());
        // An anniversary's celebration keeps its number (Beijing's plan of 2019).
        assert_eq!(
            initiatives("做好服务保障新中国成立70周年庆祝活动和世界园艺博览会"),
            ["新中国成立70周年庆祝活动"]
        );
        // Parallel phrases a cue follows are a campaign (a city's plan of 2020).
        assert_eq!(
            initiatives("巩固“不忘初心、牢记使命”主题教育成果"),
            ["不忘初心、牢记使命"]
        );
        // Construction works of a kind of school name no programme.
        assert!(initiatives("完成了4所中心幼儿园迁建新建工程").is_empty());
    }

    #[test]
    fn generic_phrases_and_slogans_are_not_initiatives() {
        assert!(initiatives("积极开展活动,制定培训计划和工作计划").is_empty());
        assert!(initiatives("增强“四个意识”,做到“两个维护”").is_empty());
        assert!(initiatives("围绕\"321\"发展愿景").is_empty());
        assert!(initiatives("坚持“整体规划、合理布局”的原则").is_empty());
        assert!(initiatives("“十三五”开局之年").is_empty());
        assert!(initiatives("举办趣味田径等竞赛项目").is_empty());
        assert!(initiatives("组织朗诵活动").is_empty());
        assert!(initiatives("研究制定教育系统年度工作计划").is_empty());
    }
}
