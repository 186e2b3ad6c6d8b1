//! Recogniser of quantitative targets (ANNOTATION.md, "targets"): a number with a
//! unit, the indicator it measures, and the comparator its wording implies.
//!
//! A quantity is found by one regex built from the units of target_units.tsv; the
//! words around it (target_blockers.tsv) reject ordinals, fractions, meeting numbers
//! and the old value of a change; comparator_words.tsv gives the comparator; the
//! indicator is cut from the clause around the number (see [`indicator`]).

mod clause;
mod indicator;
mod list;
mod numeral;
mod quantity;

use std::collections::HashMap;
use std::ops::Range;

use plankg_model::Comparator;
use regex::Regex;

use super::lexicon::{LexiconBuilder, List, Occurrences};
use super::literal::{sentence_around, StartWords};
use super::{Context, Found, Recognise};
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use indicator::IndicatorKeys;

use clause::Clause;
use quantity::{Quantity, QuantityScanner, UnitKind};

/// Gazetteer of comparator words.
const COMPARATORS_FILE: &str = "comparator_words.tsv";
/// Gazetteer of words that show a number is not a target.
const BLOCKERS_FILE: &str = "target_blockers.tsv";

/// Names with a number in them that count nothing (两个维护, 五项管理).
const NUMBERED_NAMES_FILE: &str = "numbered_names.txt";

/// The word that gives each item of a list its own number ("分别达到100%、99%").
const RESPECTIVELY: &str = "分别";
/// The words that give every item of a list the same number ("均达到100%").
const ALL_OF_THEM: &[char] = &['均', '都', '皆'];

/// How a list of indicators before a number shares it.
#[derive(Debug)]
enum Coordination {
    /// Not a list.
    None,
    /// One number each: the indicators of this and the following numbers.
    Respective(Vec<String>),
    /// The same number for all: this indicator, and the others.
    Shared(String, Vec<String>),
}

/// A comparator word and where it stands.
#[derive(Debug, Clone)]
pub(super) struct ComparatorWord {
    /// The word (达到, 以上).
    pub(super) word: String,
    /// The comparator it implies.
    pub(super) comparator: Comparator,
}

/// The comparator words of one side of a number (before it or after its unit),
/// longest first, indexed by first character.
#[derive(Debug)]
pub(super) struct ComparatorWords {
    words: Vec<ComparatorWord>,
    index: StartWords,
}

impl ComparatorWords {
    /// Indexes `words`, keeping their order.
    fn new(words: Vec<ComparatorWord>) -> Self {
        let index = StartWords::new(words.iter().map(|w| w.word.clone()).collect());
        Self { words, index }
    }

    /// The words, in list order.
    pub(super) fn as_slice(&self) -> &[ComparatorWord] {
        &self.words
    }

    /// The first word, in list order, that `text` starts with.
    pub(super) fn at_start(&self, text: &str) -> Option<&ComparatorWord> {
        self.index.first(text).and_then(|i| self.words.get(i))
    }

    /// The word of `pre` (the clause before a number) that ends last, a
    /// one-character word (达, 约) only when it touches the number; among words
    /// ending at one place, the first of the list.
    fn last_in(&self, pre: &str) -> Option<&ComparatorWord> {
        let mut best: Option<(usize, usize)> = None;
        for (at, _) in pre.char_indices() {
            for index in self.index.all(&pre[at..]) {
                let Some(word) = self.words.get(index) else {
                    continue;
                };
                let end = at + word.word.len();
                let counts = end == pre.len() || word.word.chars().nth(1).is_some();
                if counts && best.is_none_or(|(e, i)| end > e || (end == e && index < i)) {
                    best = Some((end, index));
                }
            }
        }
        best.and_then(|(_, index)| self.words.get(index))
    }
}

/// Finds target mentions in a text.
#[derive(Debug)]
pub(crate) struct TargetRecogniser {
    /// Finds the numbers with units.
    scanner: QuantityScanner,
    /// One key per indicator, whatever its variant.
    keys: IndicatorKeys,
    /// Comparator words before the number, longest first.
    before: ComparatorWords,
    /// Comparator words after the unit, longest first.
    after: ComparatorWords,
    /// Words right after a unit that make the number a name, fraction or old value.
    blocked_after: StartWords,
    /// Indicators that name no measure (每年).
    empty_indicators: Vec<String>,
    /// A year ("2017年"), to tell a summary's figures from a plan's.
    year_mention: Regex,
}

impl TargetRecogniser {
    /// Builds the recogniser from its gazetteer files and adds its units to
    /// `lexicon`.
    ///
    /// # Errors
    /// A missing file, a short row, or an unknown kind or comparator (file:line).
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        lexicon: &mut LexiconBuilder,
    ) -> Result<Self, GazetteerError> {
        let mut before = Vec::new();
        let mut after = Vec::new();
        for row in gazetteer.rows(COMPARATORS_FILE, 3)? {
            let comparator = match row.field(2) {
                ">=" => Comparator::AtLeast,
                "<=" => Comparator::AtMost,
                "~" => Comparator::About,
                "=" => Comparator::Equal,
                other => {
                    return Err(row.error(COMPARATORS_FILE, format!("unknown comparator {other:?}")))
                }
            };
            let word = ComparatorWord {
                word: row.field(0).to_owned(),
                comparator,
            };
            match row.field(1) {
                "before" => before.push(word),
                "after" => after.push(word),
                other => {
                    return Err(row.error(COMPARATORS_FILE, format!("unknown position {other:?}")))
                }
            }
        }
        before.sort_by_key(|w| std::cmp::Reverse(w.word.chars().count()));
        after.sort_by_key(|w| std::cmp::Reverse(w.word.chars().count()));
        let mut blocked_before = Vec::new();
        let mut blocked_after = Vec::new();
        let mut empty_indicators = Vec::new();
        let mut article_before = Vec::new();
        for row in gazetteer.rows(BLOCKERS_FILE, 2)? {
            match row.field(0) {
                "before" => blocked_before.push(row.field(1).to_owned()),
                "article" => article_before.push(row.field(1).to_owned()),
                "after" => blocked_after.push(row.field(1).to_owned()),
                "indicator" => empty_indicators.push(row.field(1).to_owned()),
                other => return Err(row.error(BLOCKERS_FILE, format!("unknown kind {other:?}"))),
            }
        }
        let scanner = QuantityScanner::new(gazetteer, blocked_before, article_before, lexicon)?;
        lexicon.add(List::NumberedName, gazetteer.list(NUMBERED_NAMES_FILE)?);
        Ok(Self {
            keys: IndicatorKeys::new(gazetteer)?,
            scanner,
            before: ComparatorWords::new(before),
            after: ComparatorWords::new(after),
            blocked_after: StartWords::new(blocked_after),
            empty_indicators,
            year_mention: Regex::new(r"((?:19|20)\d{2})年").map_err(|err| {
                GazetteerError::uncompiled(
                    BLOCKERS_FILE,
                    format!("cannot build the year pattern: {err}"),
                )
            })?,
        })
    }

    /// How a list of indicators before a number shares it: one number each
    /// ("分别达到100%、99%"), all the same number ("均达到100%"), or not a list.
    fn coordination(
        &self,
        text: &str,
        items: &[Range<usize>],
        quantities: &[Quantity],
    ) -> Coordination {
        let Some(last) = items.last() else {
            return Coordination::None;
        };
        let last_text = &text[last.clone()];
        let names: Vec<String> = items[..items.len() - 1]
            .iter()
            .map(|r| text[r.clone()].to_owned())
            .collect();
        if let Some(cut) = last_text.find(RESPECTIVELY) {
            let mut group = 1;
            while let (Some(previous), Some(next)) =
                (quantities.get(group - 1), quantities.get(group))
            {
                let gap = &text[previous.range.end..next.number_start];
                if !matches!(gap, "、" | "和" | "及") {
                    break;
                }
                group += 1;
            }
            if group != items.len() {
                return Coordination::None;
            }
            let mut indicators = names;
            indicators.push(last_text[..cut].to_owned());
            return Coordination::Respective(indicators);
        }
        let Some(last_name) = indicator::build(last_text, "", self.before.as_slice()) else {
            return Coordination::None;
        };
        let (last_name, marked) = match last_name.strip_suffix(|c: char| ALL_OF_THEM.contains(&c)) {
            Some(rest) => (
                indicator::build(rest, "", self.before.as_slice()).unwrap_or_default(),
                true,
            ),
            None => (last_name.clone(), false),
        };
        let same_ending = names
            .iter()
            .all(|n| n.chars().next_back() == last_name.chars().next_back());
        if last_name.is_empty() || !(marked || same_ending) {
            return Coordination::None;
        }
        Coordination::Shared(last_name, names)
    }

    /// Whether the text before a number dates it to a year before the plan's
    /// ("2017年,总投资7亿多元" in a plan for 2018): a summary reports it as achieved.
    fn reports_past(&self, before: &str, plan_year: Option<i32>) -> bool {
        let Some(plan_year) = plan_year else {
            return false;
        };
        self.year_mention
            .captures_iter(before)
            .last()
            .and_then(|caps| caps.get(1))
            .and_then(|year| year.as_str().parse::<i32>().ok())
            .is_some_and(|year| year < plan_year)
    }

    /// Whether the text after a unit starts with a change word (提高到 …): the number
    /// before it is an old value.
    fn is_change_word(&self, after_unit: &str) -> bool {
        self.before
            .as_slice()
            .iter()
            .any(|w| w.word.chars().count() > 1 && after_unit.starts_with(w.word.as_str()))
    }
}

impl Recognise for TargetRecogniser {
    /// Adds the targets found in `text` (whose lexicon words are `words`) to
    /// `found`.
    fn find(&self, text: &str, words: &Occurrences, context: &Context<'_>, found: &mut Found) {
        let candidates = self.scanner.candidates(text, words);
        if !candidates.any() {
            return;
        }
        let shielded = quantity::shielded_ranges(text, found, words);
        let quantities = self.scanner.scan(text, candidates, &shielded, &self.after);
        // The end of the previous quantity (accepted or not) bounds the indicator.
        let mut previous_end = 0;
        // The start of an old value ("由500元提高到700元"), which the next quantity's
        // indicator must not include.
        let mut old_value: Option<usize> = None;
        // Indicators (and comparators) handed to later numbers of a 分别 list.
        let mut assigned: HashMap<usize, (String, Comparator)> = HashMap::new();
        for (index, quantity) in quantities.iter().enumerate() {
            let after_unit = &text[quantity.unit_end..];
            if self.blocked_after.first(after_unit).is_some() {
                if self.is_change_word(after_unit) {
                    // The clause of the new value reaches back over the old one.
                    old_value = Some(quantity.number_start);
                } else {
                    previous_end = previous_end.max(quantity.range.end);
                }
                continue;
            }
            let floor = previous_end;
            previous_end = quantity.range.end;
            if quantity.kind == UnitKind::Skip {
                continue;
            }
            let after_comparator = self.after.at_start(after_unit).map(|w| w.comparator);
            if let Some((indicator, comparator)) = assigned.remove(&index) {
                found.targets.push(quantity.hit(
                    indicator,
                    after_comparator.unwrap_or(comparator),
                    false,
                    &self.keys,
                ));
                continue;
            }
            let next_start = quantities
                .get(index + 1)
                .map_or(text.len(), |q| q.number_start);
            let clause = Clause::around(
                text,
                quantity.number_start,
                quantity.range.end,
                floor,
                next_start,
            );
            let pre_end = match old_value.take() {
                Some(start) if start >= clause.start => {
                    trim_back_particles(text, clause.start, start)
                }
                _ => quantity.number_start,
            };
            let pre = &text[clause.start..pre_end];
            let before_comparator = self.before.last_in(pre).map(|w| w.comparator);
            if quantity.chinese && quantity.kind == UnitKind::Loose && before_comparator.is_none() {
                continue;
            }
            let comparator = if quantity.value_max.is_some() || quantity.approximate {
                Comparator::AtLeast
            } else {
                after_comparator
                    .or(before_comparator)
                    .unwrap_or(Comparator::Equal)
            };
            let reported = pre.contains('已')
                || self.reports_past(&text[..quantity.number_start], context.year);
            let items = list::items_before(text, floor, pre_end);
            let (indicator, shared) = match self.coordination(text, &items, &quantities[index..]) {
                Coordination::Respective(indicators) => {
                    let mut indicators = indicators.into_iter();
                    let first = indicators.next();
                    for (offset, indicator) in indicators.enumerate() {
                        assigned.insert(index + 1 + offset, (indicator, comparator));
                    }
                    (first, Vec::new())
                }
                Coordination::Shared(last, others) => (Some(last), others),
                Coordination::None => {
                    // "新建1所、改建1所公办幼儿园": what follows a 、 belongs to the next.
                    let post = &text[quantity.range.end..clause.end];
                    let post = if post.starts_with('、') { "" } else { post };
                    (
                        indicator::build(pre, post, self.before.as_slice()),
                        Vec::new(),
                    )
                }
            };
            let Some(indicator) = indicator.filter(|i| !self.empty_indicators.contains(i)) else {
                continue;
            };
            // "中职招生17.75万人,比上年增长18.57%": a change against an earlier year
            // measures the previous figure's indicator.
            // A figure in an aside ("(不含技工学校2.74万人)") is not the one compared.
            let compared = found
                .targets
                .iter()
                .rev()
                .find(|t| !ASIDES.iter().any(|w| t.entity.indicator.starts_with(w)));
            let indicator = match compared {
                Some(previous) if quantity.number_start >= previous.range.end => {
                    change_of(&indicator, &previous.entity.indicator).unwrap_or(indicator)
                }
                _ => indicator,
            };
            // "参加全省党务技能大赛,获二等奖1个": an award level names its contest.
            let indicator =
                award_of(&text[..quantity.number_start], &indicator).unwrap_or(indicator);
            for other in shared {
                found
                    .targets
                    .push(quantity.hit(other, comparator, reported, &self.keys));
            }
            found
                .targets
                .push(quantity.hit(indicator, comparator, reported, &self.keys));
        }
    }
}

/// Award levels that name no contest of their own.
const AWARD_LEVELS: [&str; 8] = [
    "特等奖",
    "一等奖",
    "二等奖",
    "三等奖",
    "金奖",
    "银奖",
    "铜奖",
    "优秀奖",
];

/// Words that end a contest's name.
const CONTESTS: [&str; 6] = ["大赛", "比赛", "竞赛", "评选", "评比", "运动会"];

/// Words a contest's name starts after (参加全省党务技能大赛).
const CONTEST_STARTS: [&str; 7] = ["参加", "参与", "组织", "举办", "在", "获得", "于"];

/// The longest contest name read back, in characters.
const LONGEST_CONTEST: usize = 14;

/// An award level (二等奖) as indicator named with the contest its sentence names
/// before it (`before` is the text before the number): "全省党务技能大赛二等奖".
fn award_of(before: &str, indicator: &str) -> Option<String> {
    let level = AWARD_LEVELS
        .iter()
        .find(|level| indicator.trim_start_matches('获') == **level)?;
    let sentence = sentence_around(before, before.len());
    let (end, word) = CONTESTS
        .iter()
        .filter_map(|word| sentence.rfind(word).map(|at| (at + word.len(), *word)))
        .max()?;
    let head = &sentence[..end - word.len()];
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| super::names::is_han(*c))
        .take(LONGEST_CONTEST)
        .last()
        .map_or(head.len(), |(i, _)| i);
    let mut name = &sentence[start..end];
    for cut in CONTEST_STARTS {
        if let Some(at) = name.rfind(cut) {
            name = &name[at + cut.len()..];
        }
    }
    (name.chars().count() > word.chars().count()).then(|| format!("{name}{level}"))
}

/// Words that open a comparison with an earlier figure (比上年, 较去年, 同比).
const COMPARISONS: [&str; 3] = ["同比", "比", "较"];

/// Words that open an aside figure: part of another, not the one a comparison follows.
const ASIDES: [&str; 4] = ["不含", "含", "其中", "包括"];

/// Verbs of change that end such a comparison.
const CHANGES: [&str; 6] = ["增长", "提高", "增加", "下降", "减少", "降低"];

/// The indicator of a change written as a comparison ("比20xx年增长"): what the
/// previous figure measures and the change (中职招生 + 增长); `None` when `indicator`
/// is no comparison.
fn change_of(indicator: &str, previous: &str) -> Option<String> {
    if !COMPARISONS.iter().any(|w| indicator.starts_with(w)) {
        return None;
    }
    let change = CHANGES.iter().find(|w| indicator.ends_with(**w))?;
    Some(format!("{previous}{change}"))
}

/// `end` moved back to the particle (由, 从) that introduces an old value, when
/// one stands in the few characters before it ("由每人每月300元提高到315元").
fn trim_back_particles(text: &str, start: usize, end: usize) -> usize {
    const REACH: usize = 6;
    let window_start = text[start..end]
        .char_indices()
        .rev()
        .nth(REACH - 1)
        .map_or(start, |(i, _)| start + i);
    text[window_start..end]
        .rfind(['由', '从'])
        .map_or(end, |at| window_start + at)
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lexicon;
    use super::*;
    use plankg_model::TargetRef;

    fn recogniser() -> (TargetRecogniser, Lexicon) {
        let mut lexicon = LexiconBuilder::default();
        let recogniser = TargetRecogniser::new(&Gazetteer::embedded(), &mut lexicon).unwrap();
        (recogniser, lexicon.build().unwrap())
    }

    fn targets(text: &str) -> Vec<TargetRef> {
        let mut found = Found::default();
        let (recogniser, lexicon) = recogniser();
        recogniser.find(text, &lexicon.scan(text), &Context::default(), &mut found);
        found.targets.into_iter().map(|h| h.entity).collect()
    }

    fn one(text: &str) -> TargetRef {
        let mut all = targets(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.remove(0)
    }

    #[test]
    fn a_rate_with_a_comparator() {
        let t = one("加快推进基础教育优质均衡发展,学前三年毛入园率达到94%以上,");
        assert_eq!(t.indicator, "学前三年毛入园率");
        assert_eq!(t.value, 94.0);
        assert_eq!(t.unit, "%");
        assert_eq!(t.comparator, Comparator::AtLeast);
    }

    #[test]
    fn a_plain_count() {
        let t = one("创建一级幼儿园25所。");
        assert_eq!(t.indicator, "创建一级幼儿园");
        assert_eq!(
            (t.value, t.unit.as_str(), t.comparator),
            (25.0, "所", Comparator::Equal)
        );
    }

    #[test]
    fn a_range_keeps_its_upper_bound() {
        let t = one("新增市级校企合作示范组合6-8个。");
        assert_eq!(
            (t.value, t.value_max, t.comparator),
            (6.0, Some(8.0), Comparator::AtLeast)
        );
        assert_eq!(t.unit, "个");
    }

    #[test]
    fn scaling_stays_in_the_unit() {
        let t = one("改造中小学校舍25.8万平方米。");
        assert_eq!((t.value, t.unit.as_str()), (25.8, "万平方米"));
        let t = one("全年教育投入达到260.69亿元。");
        assert_eq!(
            (t.value, t.unit.as_str(), t.indicator.as_str()),
            (260.69, "亿元", "全年教育投入")
        );
    }

    #[test]
    fn chinese_numerals_count() {
        let t = one("每个乡镇建成一所公办中心园。");
        assert_eq!((t.value, t.unit.as_str()), (1.0, "所"));
        assert!(t.indicator.contains("公办中心园"), "{}", t.indicator);
        let t = one("每季度至少研究一次教育教学工作");
        assert_eq!((t.value, t.comparator), (1.0, Comparator::AtLeast));
        assert!(t.indicator.contains("研究教育教学工作"), "{}", t.indicator);
    }

    #[test]
    fn comparators_from_the_words_around() {
        assert_eq!(one("成人文盲率控制在8%以下").comparator, Comparator::AtMost);
        assert_eq!(
            one("青壮年文盲率控制在2%左右").comparator,
            Comparator::About
        );
        assert_eq!(
            one("招聘新教师不少于1500名").comparator,
            Comparator::AtLeast
        );
    }

    #[test]
    fn thousands_separators() {
        let t = one("全年补充教师2,500人");
        assert_eq!((t.value, t.unit.as_str()), (2500.0, "人"));
    }

    #[test]
    fn percentages_in_words() {
        let t = one("义务教育巩固率达到百分之九十五以上");
        assert_eq!(
            (t.value, t.unit.as_str(), t.comparator),
            (95.0, "%", Comparator::AtLeast)
        );
        assert_eq!(t.indicator, "义务教育巩固率");
    }

    #[test]
    fn a_change_records_the_new_value() {
        let t = one("小学生均公用经费由500元提高到700元,");
        assert_eq!(
            one("幼教补助由每人每月300元提高到315元").indicator,
            "幼教补助"
        );
        assert_eq!((t.value, t.unit.as_str()), (700.0, "元"));
        assert_eq!(t.indicator, "小学生均公用经费");
    }

    #[test]
    fn figures_of_an_earlier_year_are_reported() {
        let (recogniser, lexicon) = recogniser();
        let mut found = Found::default();
        let context = Context {
            year: Some(2018),
            ..Context::default()
        };
        let text = "2017年,总投资7亿多元,实施28个教育建设项目。";
        recogniser.find(text, &lexicon.scan(text), &context, &mut found);
        let targets: Vec<&TargetRef> = found.targets.iter().map(|h| &h.entity).collect();
        assert_eq!(targets.len(), 2);
        assert!(targets.iter().all(|t| t.reported));
        assert_eq!((targets[0].value, targets[0].unit.as_str()), (7.0, "亿元"));
        assert_eq!(targets[0].comparator, Comparator::AtLeast);
    }

    #[test]
    fn names_ordinals_ratios_and_ages_are_not_targets() {
        assert!(targets("围绕加快实现区域教育中心建设\"321\"发展愿景,").is_empty());
        assert!(targets("实施青少年体育\"5621计划\"").is_empty());
        assert!(targets("评选第二批名师工作室,组织第四届比赛").is_empty());
        assert!(targets("师生比达到1:1").is_empty());
        assert!(targets("3-6岁儿童学习与发展指南").is_empty());
        assert!(targets("扎实开展第十五个党风廉政教育月活动").is_empty());
        assert!(targets("根据区政府下发三个文件,突出两项重点工作").is_empty());
        assert!(targets("使每一个学生都能成为有用之才").is_empty());
    }

    #[test]
    fn numbered_formulations_and_indefinite_articles_are_not_targets() {
        // Pool plans: a party formulation, an education policy's name, an article.
        assert!(
            targets("增强四个意识,坚定四个自信,坚决做到两个维护,坚持党对教育工作的全面领导")
                .is_empty()
        );
        assert!(targets("全面落实五项管理规定,减轻学生过重负担").is_empty());
        assert!(targets("党的十六大是在新形势下召开的一次十分重要的代表大会。").is_empty());
        assert!(targets("教育现代化是一项系统工程").is_empty());
        // A count written with 一 stays one.
        let t = one("每个乡镇建成一所公办中心幼儿园");
        assert_eq!((t.value, t.unit.as_str()), (1.0, "所"));
    }

    #[test]
    fn a_space_between_number_and_unit() {
        // Pool: a converted summary of 2020 ("一段上线 547 人,较去 年增加 27 人").
        let found = targets("高考方面,一段上线 547 人,较去年增加 27 人,一段上线率 28.49%,");
        let values: Vec<(f64, &str)> = found.iter().map(|t| (t.value, t.unit.as_str())).collect();
        assert_eq!(values, [(547.0, "人"), (27.0, "人"), (28.49, "%")]);
    }

    #[test]
    fn a_change_against_an_earlier_year_measures_the_previous_figure() {
        // Pool: a provincial summary of 2004 (years masked as 20xx).
        let found =
            targets("20xx年中职招生17.75万人(不含技工学校2.74万人),比20xx年增长18.57%,其中");
        let change = found.iter().find(|t| t.unit == "%").unwrap();
        assert_eq!(change.indicator, "中职招生增长");
    }

    #[test]
    fn an_award_level_is_named_with_its_contest() {
        // Pool: a city bureau's summary of 2020.
        let found = targets("参加全省党务技能大赛,获二等奖1个、三等奖2个。");
        let names: Vec<&str> = found.iter().map(|t| t.indicator.as_str()).collect();
        assert_eq!(names, ["全省党务技能大赛二等奖", "全省党务技能大赛三等奖"]);
    }
}
