//! Lines of the normalised text: where each one is, whether it is site chrome, and
//! what a plan's title line looks like (with the decorations sites add to it).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::patterns::static_regex;

use crate::chrome::is_chrome;
use crate::markers::marker_at;

/// One line of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Byte range of the trimmed line in the normalised text.
    pub(crate) range: Range<usize>,
    /// Whether the line is site chrome.
    pub(crate) chrome: bool,
}

/// The non-empty lines of a text, trimmed, with their chrome flag.
pub(crate) fn lines_of(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let start = offset + (raw.len() - raw.trim_start().len());
            lines.push(Line {
                range: start..start + trimmed.len(),
                chrome: is_chrome(trimmed),
            });
        }
        offset += raw.len();
    }
    lines
}

/// Decorations sites add to a title: "-11篇(第18/27页)", "(2篇)", "[1]", "范文",
/// a date suffix, a file extension, an "附件:" label.
static DECORATION: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?x)
        ^附件\s*\d*\s*[:：]\s*
        | \s*[-—_]?\s*\d+\s*篇\s*(\(第\s*\d+\s*/\s*\d+\s*页\))?\s*$
        | \s*\(\s*\d+\s*篇\s*\)\s*$
        | \s*\[\d+\]\s*$
        | 范文\s*$
        | \s*[-—]\s*\d{4}-\d{1,2}-\d{1,2}\s*$
        | \.docx?.*$",
    )
});

/// A plan's title ends with the kind of document it is.
static PLAN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(工作计划|工作要点|计划方案|计划|要点|工作意见|实施意见|实施方案|工作安排|汇编)$",
    )
});

/// The title without site decorations.
pub(crate) fn clean_title(title: &str) -> String {
    let mut out = title.trim().to_owned();
    {
        let re = &*DECORATION;
        // Decorations can stack ("…范文[1]"): strip until nothing changes.
        loop {
            let next = re.replace_all(&out, "").trim().to_owned();
            if next == out {
                break;
            }
            out = next;
        }
    }
    out
}

/// Whether a line is a plan's title: short, no sentence punctuation, not numbered,
/// and ending (once decorations are gone) with a kind of plan (计划, 要点, 意见…).
pub(crate) fn is_title_line(line: &str) -> bool {
    let cleaned = clean_title(line);
    let chars = cleaned.chars().count();
    if !(6..=60).contains(&chars) || marker_at(&cleaned).is_some() {
        return false;
    }
    if cleaned.contains(['。', ';', '；', ',', '，', ':', '：', '!', '！']) {
        return false;
    }
    // A notice wrapping a plan ("关于印发2022年工作要点的通知") stands for the
    // plan's title.
    // A title written as a book title ("《…2020年工作要点》") is the title it quotes.
    let plan = match cleaned.strip_suffix("的通知") {
        Some(notice) if notice.contains("印发") => notice.trim_end_matches('》'),
        _ if cleaned.starts_with('《') => cleaned.trim_end_matches('》'),
        _ => cleaned.as_str(),
    };
    PLAN_TITLE.is_match(plan)
}

/// Whether a title line heads a compilation rather than one plan.
pub(crate) fn is_compilation_title(line: &str) -> bool {
    clean_title(line).ends_with("汇编")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_static_pattern_compiles() {
        assert!(!LazyLock::force(&DECORATION).as_str().is_empty());
        assert!(!LazyLock::force(&PLAN_TITLE).as_str().is_empty());
    }

    #[test]
    fn titles_lose_site_decorations() {
        assert_eq!(
            clean_title("2023年工作要点-11篇(第18/27页)"),
            "2023年工作要点"
        );
        assert_eq!(
            clean_title("2024年教育系统年度教育发展工作计划(2篇)"),
            "2024年教育系统年度教育发展工作计划"
        );
        assert_eq!(
            clean_title("2017年縣教育局工作計劃[1]"),
            "2017年縣教育局工作計劃"
        );
        assert_eq!(
            clean_title("2021年教育局工作要点-2021-1-16"),
            "2021年教育局工作要点"
        );
        assert_eq!(
            clean_title("教育局2021年工作要点范文"),
            "教育局2021年工作要点"
        );
        assert_eq!(
            clean_title("附件:教育部2012年工作要点"),
            "教育部2012年工作要点"
        );
    }

    #[test]
    fn title_lines_are_recognised() {
        assert!(is_title_line("市教育局2022年工作计划"));
        assert!(is_title_line("嘉兴市委教育工委 市教育局 2018年工作要点"));
        assert!(is_title_line("2023年工作要点-11篇(第18/27页)"));
        assert!(!is_title_line("上一篇:某职业技术学院2023年工作要点"));
        assert!(!is_title_line("二、2024年工作计划"));
        assert!(!is_title_line("工作计划"));
        assert!(is_title_line(
            "省教育厅关于印发2021年全省教育工作总结和2022年全省教育工作要点的通知"
        ));
        assert!(!is_title_line("关于召开2022年工作会议的通知"));
    }
}
