//! The indicator of a target: what the number measures, cut from the clause around
//! it. The part before the number names it ("学前三年毛入园率达到94%"); when the
//! number comes first the part after it does ("评审认定5所中等职业教育特色学校",
//! "每季度至少研究一次教育教学工作"), so both parts are kept, minus the comparator
//! words and particles at their edges.

use super::ComparatorWord;

/// Particles dropped from the end of the part before the number (学区增加至八个,
/// 占比为57%).
const PRE_TAIL: &[char] = &[
    '的', '为', '是', '至', '到', '共', '计', '均', '了', '达', '由', '从', '约', '近', '每',
];
/// Modal and aspect words dropped from the end of the part before the number
/// (就业率确保在90%, 在学人数要达到6000人).
const PRE_TAIL_WORDS: &[&str] = &[
    "确保在",
    "确保",
    "保证",
    "力争",
    "要",
    "将",
    "应",
    "需",
    "在",
    "降",
];
/// Connectives and modal words dropped from the start of either part.
const HEAD: &[&str] = &[
    "其中", "同时", "并且", "力争", "确保", "和", "与", "并", "且", "共", "的", "有", "使", "要",
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
    let indicator = format!("{pre}{post}");
    // A list's leftover ("党总支、") is cut at its mark.
    let indicator = indicator.trim_end_matches(LIST_MARKS).to_owned();
    let meaningful = indicator.chars().filter(|c| is_han(*c)).count();
    (meaningful >= 2 && names_a_measure(&indicator)).then_some(indicator)
}

/// Whether an indicator can name what a number measures: not a page's chrome
/// (Latin letters: "admin 5年前 (2020-03-31)浏览"), not a clause holding a date
/// ("中小学校均已于9月1日开学" reports a day). A long clause is kept: the number is
/// still a target of the plan, and its indicator overlaps the noun phrase.
fn names_a_measure(indicator: &str) -> bool {
    let latin = indicator
        .chars()
        .any(|c| c.is_ascii_alphabetic() && !matches!(c, 'x' | 'X'));
    let dated = indicator.char_indices().any(|(i, c)| {
        c == '月' && indicator[..i].ends_with(|d: char| d.is_ascii_digit()) && {
            let after = &indicator[i + c.len_utf8()..];
            let digits = after.trim_start_matches(|d: char| d.is_ascii_digit());
            digits.len() < after.len() && digits.starts_with('日')
        }
    });
    !latin && !dated
}

/// The normalised indicator used to follow a series across documents: quotes,
/// spaces and a leading scope word (全市, 全区 …) removed.
pub(super) fn key(indicator: &str) -> String {
    let cleaned: String = indicator
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’'))
        .collect();
    for scope in ["全市", "全区", "全县", "全省", "全国"] {
        if let Some(rest) = cleaned.strip_prefix(scope) {
            if rest.chars().count() >= 2 {
                return rest.to_owned();
            }
        }
    }
    cleaned
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

/// `part` without a leading item number ("1.", "(2)") and connectives.
fn trim_head(part: &str) -> &str {
    let mut part = strip_item_number(part.trim());
    loop {
        let before = part.len();
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

/// `part` without the number of the item it starts ("1.全面完成…", "(2)…").
fn strip_item_number(part: &str) -> &str {
    let inner = part.strip_prefix('(').unwrap_or(part);
    let digits = inner.trim_start_matches(|c: char| c.is_ascii_digit());
    if digits.len() == inner.len() {
        return part;
    }
    digits
        .strip_prefix(['.', ')'])
        .map_or(part, str::trim_start)
}

/// Whether `c` is a Chinese character.
fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
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
        assert_eq!(key("全市\"名师\"工作室"), "名师工作室");
    }
}
