//! The indicator of a target: what the number measures, cut from the clause around
//! it. The part before the number names it ("学前三年毛入园率达到94%"); when the
//! number comes first the part after it does ("评审认定5所中等职业教育特色学校",
//! "每季度至少研究一次教育教学工作"), so both parts are kept, minus the comparator
//! words and particles at their edges.

use super::ComparatorWord;
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::recognise::names::is_han;

/// Particles dropped from the end of the part before the number (学区增加至八个,
/// 占比为57%).
const PRE_TAIL: &[char] = &[
    '的', '为', '是', '至', '到', '共', '计', '均', '了', '达', '由', '从', '约', '近', '每',
];
/// Modal, aspect and distributive words dropped from the end of the part before the
/// number (就业率确保在90%, 在学人数要达到6000人, 巩固率分别达100%, 高等院校共有10所).
const PRE_TAIL_WORDS: &[&str] = &[
    "确保在",
    "确保",
    "保证",
    "力争",
    "分别",
    "已经",
    "共有",
    "现有",
    "要",
    "将",
    "应",
    "需",
    "在",
    "降",
    "已",
    "都",
    "也",
];
/// Connectives and modal words dropped from the start of either part.
const HEAD: &[&str] = &[
    "其中", "同时", "并且", "力争", "确保", "和", "与", "并", "且", "共", "的", "有", "使", "要",
    "将",
];
/// Conjunctions that end the words of the previous number
/// ("5所中等职业教育特色学校和10个市级骨干特色专业").
const CONJUNCTIONS: &[char] = &['和', '及', '与'];
/// Marks of a list left at the end of an indicator.
const LIST_MARKS: &[char] = &['、', ',', '，', ';', '；'];
/// Words dropped from the end of the part after the number.
const POST_TAIL: &[char] = &['和', '及', '与', '等', '的'];

/// The indicator from the clause parts before and after the quantity, or `None`
/// when neither names anything.
pub(super) fn build(pre: &str, post: &str, comparators: &[ComparatorWord]) -> Option<String> {
    let pre = if !post.is_empty() && pre.trim_end().ends_with(CONJUNCTIONS) {
        ""
    } else {
        pre
    };
    let pre = trim_head(trim_pre_tail(pre, comparators));
    let post = trim_head(post.trim_end_matches(POST_TAIL));
    let indicator = without_inner_spaces(&format!("{pre}{post}"));
    // A list's leftover ("党总支、") is cut at its mark.
    let indicator = indicator.trim_end_matches(LIST_MARKS).to_owned();
    let meaningful = indicator.chars().filter(|c| is_han(*c)).count();
    (meaningful >= 2 && names_a_measure(&indicator)).then_some(indicator)
}

/// Whether an indicator can name what a number measures: not a page's chrome
/// (Latin letters: "admin 5年前 (2020-03-31)浏览"; a template site's 范文, 小编), not
/// a clause holding a date
/// ("中小学校均已于9月1日开学" reports a day). A long clause is kept: the number is
/// still a target of the plan, and its indicator overlaps the noun phrase.
fn names_a_measure(indicator: &str) -> bool {
    let latin = indicator
        .chars()
        .any(|c| c.is_ascii_alphabetic() && !matches!(c, 'x' | 'X'));
    // A template site's words ("品读360小编精心为您推荐的…范文"): chrome.
    let chrome = CHROME_WORDS.iter().any(|w| indicator.contains(w));
    let dated = indicator.char_indices().any(|(i, c)| {
        c == '月' && indicator[..i].ends_with(|d: char| d.is_ascii_digit()) && {
            let after = &indicator[i + c.len_utf8()..];
            let digits = after.trim_start_matches(|d: char| d.is_ascii_digit());
            digits.len() < after.len() && digits.starts_with('日')
        }
    });
    !latin && !dated && !chrome
}

/// Words of template and document-sharing sites that no indicator holds.
const CHROME_WORDS: [&str; 4] = ["范文", "小编", "仅供参考", "为您推荐"];

/// Gazetteer of indicator variants and their canonical names.
const ALIASES_FILE: &str = "indicator_aliases.tsv";

/// Words at the start of an indicator that say whose or when, not what: dropped
/// from its key (全市学前三年毛入园率, 今年我市…).
const KEY_SCOPES: [&str; 14] = [
    "今年", "本年", "全国", "全省", "全市", "全区", "全县", "我省", "我市", "我区", "我县", "本市",
    "本区", "本县",
];

/// The keys of indicators: one per indicator, whatever its variant
/// (indicator_aliases.tsv), so that a series can be followed across documents.
#[derive(Debug)]
pub(super) struct IndicatorKeys {
    /// Variant -> canonical name, longest variant first.
    aliases: Vec<(String, String)>,
}

impl IndicatorKeys {
    /// Reads indicator_aliases.tsv.
    ///
    /// # Errors
    /// [`GazetteerError`] when the file is missing or a row is short.
    pub(super) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut aliases: Vec<(String, String)> = gazetteer
            .rows(ALIASES_FILE, 2)?
            .iter()
            .map(|row| (row.field(0).to_owned(), row.field(1).to_owned()))
            .collect();
        aliases.sort_by_key(|(variant, _)| std::cmp::Reverse(variant.chars().count()));
        Ok(Self { aliases })
    }

    /// The key of `indicator`: quotes, spaces, list numbers (①) and leading scope
    /// and time words removed, and a known variant at its end written as its
    /// canonical name (学前教育毛入园率 → 学前三年毛入园率).
    pub(super) fn key(&self, indicator: &str) -> String {
        let cleaned: String = indicator
            .chars()
            .filter(|c| {
                !c.is_whitespace()
                    && !matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’')
                    && !('①'..='⑳').contains(c)
            })
            .collect();
        let mut rest = cleaned.as_str();
        'scopes: loop {
            for scope in KEY_SCOPES {
                if let Some(after) = rest.strip_prefix(scope) {
                    if after.chars().count() >= 2 {
                        rest = after;
                        continue 'scopes;
                    }
                }
            }
            break;
        }
        for (variant, canonical) in &self.aliases {
            if let Some(before) = rest.strip_suffix(variant.as_str()) {
                return format!("{before}{canonical}");
            }
        }
        rest.to_owned()
    }
}

/// `pre` without the comparator words and particles at its end.
fn trim_pre_tail<'a>(pre: &'a str, comparators: &[ComparatorWord]) -> &'a str {
    let mut pre = pre.trim();
    loop {
        let before = pre.len();
        for word in comparators {
            if let Some(rest) = pre.strip_suffix(word.word.as_str()) {
                pre = rest;
                break;
            }
        }
        for word in PRE_TAIL_WORDS {
            if let Some(rest) = pre.strip_suffix(word) {
                if !rest.is_empty() {
                    pre = rest;
                }
            }
        }
        pre = pre.trim_end_matches(PRE_TAIL).trim_end();
        if pre.len() == before {
            return pre;
        }
    }
}

/// `part` without a leading item number ("1.", "(2)"), year ("2024/2025学年",
/// "2021年度": when, not what) and connectives.
fn trim_head(part: &str) -> &str {
    let mut part = strip_item_number(part.trim());
    loop {
        let before = part.len();
        part = strip_year(part);
        for word in HEAD {
            if let Some(rest) = part.strip_prefix(word) {
                part = rest.trim_start();
            }
        }
        if part.len() == before {
            return part;
        }
    }
}

/// `part` without the year it starts with: digits (a masked year's x after them, a
/// school year's two joined by / or -), then 学年, 年度 or 年.
fn strip_year(part: &str) -> &str {
    let digits = part.trim_start_matches(|c: char| c.is_ascii_digit());
    if digits.len() == part.len() {
        return part;
    }
    // A masked year keeps its first digits ("20xx年").
    let mut rest = digits.trim_start_matches(['x', 'X']);
    if let Some(second) = rest.strip_prefix(['/', '-']) {
        let digits = second.trim_start_matches(|c: char| c.is_ascii_digit());
        if digits.len() < second.len() {
            rest = digits;
        }
    }
    ["学年", "年度", "年"]
        .iter()
        .find_map(|word| rest.strip_prefix(word))
        .map_or(part, str::trim_start)
}

/// `part` without the number of the item it starts ("1.全面完成…", "(2)…", "②学前三年
/// 适龄幼儿入园率", "四是…").
fn strip_item_number(part: &str) -> &str {
    let part = part.trim_start_matches(|c: char| ('①'..='⑳').contains(&c));
    let mut chars = part.chars();
    if let (Some(n), Some('是')) = (chars.next(), chars.next()) {
        if "一二三四五六七八九十".contains(n) {
            return chars.as_str();
        }
    }
    let inner = part.strip_prefix('(').unwrap_or(part);
    let digits = inner.trim_start_matches(|c: char| c.is_ascii_digit());
    if digits.len() == inner.len() {
        return part;
    }
    digits
        .strip_prefix(['.', ')'])
        .map_or(part, str::trim_start)
}

/// `text` without the spaces a converted page puts between Chinese characters
/// ("三级 幼儿园", "较去 年增加"); a space next to a Latin letter or digit stays.
fn without_inner_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            let space = matches!(c, ' ' | '\u{3000}');
            let between_han = i > 0
                && chars.get(i - 1).is_some_and(|p| is_han(*p))
                && chars.get(i + 1).is_some_and(|n| is_han(*n));
            !(space && between_han)
        })
        .map(|(_, c)| *c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use plankg_model::Comparator;

    fn words() -> Vec<ComparatorWord> {
        vec![ComparatorWord {
            word: "达到".into(),
            comparator: Comparator::AtLeast,
        }]
    }

    #[test]
    fn years_distributives_and_have_words_are_not_part_of_an_indicator() {
        // Pool plans: a school year before a count, 分别 before a shared rate.
        assert_eq!(
            build("2024/2025学年全澳高等院校共有", "", &words()).as_deref(),
            Some("全澳高等院校")
        );
        assert_eq!(
            build("巩固率分别达到", "", &words()).as_deref(),
            Some("巩固率")
        );
        assert_eq!(
            build("2021年度新增学位", "", &words()).as_deref(),
            Some("新增学位")
        );
        assert_eq!(
            build("新增三级 幼儿园", "", &words()).as_deref(),
            Some("新增三级幼儿园")
        );
        assert_eq!(
            build("②学前三年适龄幼儿入园率达到", "", &words()).as_deref(),
            Some("学前三年适龄幼儿入园率")
        );
        assert_eq!(
            build("四是新增学位", "", &words()).as_deref(),
            Some("新增学位")
        );
        assert_eq!(
            build(
                "是品读360小编精心为您推荐的教育局工作计划范文",
                "",
                &words()
            ),
            None
        );
    }

    #[test]
    fn the_part_before_names_a_rate() {
        assert_eq!(
            build("学前三年毛入园率达到", "", &words()).as_deref(),
            Some("学前三年毛入园率")
        );
    }

    #[test]
    fn the_part_after_completes_a_verb() {
        assert_eq!(
            build("中等职业教育特色学校和", "市级骨干特色专业", &words()).as_deref(),
            Some("市级骨干特色专业")
        );
        assert_eq!(
            build("毕业生就业率确保在", "", &words()).as_deref(),
            Some("毕业生就业率")
        );
        assert_eq!(
            build("和", "市级骨干特色专业", &words()).as_deref(),
            Some("市级骨干特色专业")
        );
        assert_eq!(
            build("评审认定", "中等职业教育特色学校和", &words()).as_deref(),
            Some("评审认定中等职业教育特色学校")
        );
    }

    #[test]
    fn item_numbers_are_no_part_of_an_indicator() {
        assert_eq!(
            build("1.学前三年毛入园率达到", "", &words()).as_deref(),
            Some("学前三年毛入园率")
        );
        assert_eq!(
            build("(2)新建幼儿园", "", &words()).as_deref(),
            Some("新建幼儿园")
        );
        assert_eq!(
            build("3-4月学校建设项目开复工", "", &words()).as_deref(),
            Some("3-4月学校建设项目开复工")
        );
    }

    #[test]
    fn chrome_and_dates_name_no_measure() {
        // From the pool of real plans.
        assert!(!names_a_measure("中小学校均已于9月1日开学"));
        assert!(!names_a_measure(
            "上海职业教育 admin 5年前 (2020-03-31)浏览"
        ));
        assert!(names_a_measure("适龄“三残”儿童少年义务教育阶段入学率"));
        assert!(names_a_measure("xx县学前三年毛入园率"));
        assert_eq!(build("党总支、", "", &words()), Some("党总支".to_owned()));
    }

    #[test]
    fn nothing_to_name_gives_none() {
        assert_eq!(build("达到", "", &words()), None);
        let keys = IndicatorKeys::new(&Gazetteer::embedded()).unwrap();
        assert_eq!(keys.key("全市\"名师\"工作室"), "名师工作室");
        // One key for the variants of one indicator (from real plans).
        for variant in [
            "学前三年毛入园率",
            "全区学前三年幼儿入园率",
            "今年我市学前教育毛入园率",
            "②学前三年适龄幼儿入园率",
        ] {
            assert_eq!(keys.key(variant), "学前三年毛入园率");
        }
        assert_eq!(keys.key("全县高中阶段教育毛入学率"), "高中阶段毛入学率");
        // Other indicators keep their own words.
        assert_eq!(keys.key("初中学龄人口入学率"), "初中学龄人口入学率");
    }
}
