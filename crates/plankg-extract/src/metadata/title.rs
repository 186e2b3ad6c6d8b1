//! The title of a plan: a title line, a title glued to the body, a 《…》 title named
//! in the opening, or a page headline.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::patterns::static_regex;

use super::issuer::DOCUMENT_NUMBER;
use super::year::{with_arabic_years, YEAR};
use crate::lines::{is_compilation_title, is_title_line, Line};
use crate::markers::marker_at;

/// A line at least this long (characters) is body text: the title comes before it.
const BODY_LINE_CHARS: usize = 80;

/// The title of a plan: the last title line before its body, else a headline before
/// the body, else a title glued to the start of the first body line, else a
/// 《…计划/要点》 named in the opening.
///
/// `names_body` tells whether a line names an issuing body. A notice that wraps
/// the plan ("关于印发2022年工作要点的通知") gives the plan's own title.
pub(super) fn find_title(
    text: &str,
    lines: &[Line],
    names_body: &dyn Fn(&str) -> bool,
) -> Option<(String, Range<usize>)> {
    let (title, range) = any_title(text, lines, names_body)?;
    Some(match NOTICE_OF.captures(&title) {
        Some(caps) => {
            let inner = caps.get(1)?;
            let start = range.start + inner.start();
            (inner.as_str().to_owned(), start..start + inner.len())
        }
        None => (title, range),
    })
}

/// "…关于印发《2022年工作要点》的通知": the title of the plan a notice wraps.
static NOTICE_OF: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"印发《?((?:[^《》]*?)(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})[^《》]{2,60}?)》?的?通知$",
    )
});

/// The title line, headline, glued or quoted title of a plan, as found.
fn any_title(
    text: &str,
    lines: &[Line],
    names_body: &dyn Fn(&str) -> bool,
) -> Option<(String, Range<usize>)> {
    let content: Vec<&Line> = lines.iter().filter(|l| !l.chrome).collect();
    let body_at = content
        .iter()
        .position(|l| text[l.range.clone()].chars().count() >= BODY_LINE_CHARS)
        .unwrap_or(content.len());
    let mut best: Option<(String, Range<usize>)> = None;
    for (index, line) in content[..body_at].iter().enumerate() {
        let candidate = &text[line.range.clone()];
        if is_title_line(candidate) && !is_compilation_title(candidate) {
            let mut title = candidate.to_owned();
            let mut range = line.range.clone();
            // A year broken onto the line before ("2016" / "年教育局工作要点").
            if let Some(previous) = index.checked_sub(1).and_then(|i| content.get(i)) {
                let before = &text[previous.range.clone()];
                if title.starts_with('年')
                    && before.len() == 4
                    && before.bytes().all(|b| b.is_ascii_digit())
                {
                    title = format!("{before}{title}");
                    range = previous.range.start..range.end;
                }
            }
            best = Some((title, range));
        }
    }
    if best.is_some() {
        return best;
    }
    // A headline before the body ("1957年政府工作报告", "教育体育局2020年为民办实事")
    // names the document itself; a title glued to the body's first sentence may be
    // a quotation of another plan.
    if let Some(found) = headline(text, &content[..body_at], names_body) {
        return Some(found);
    }
    let first = content.get(body_at).or_else(|| content.first())?;
    glued_title(text, first.range.clone())
        .or_else(|| quoted_title(text, &content))
        .or_else(|| headline(text, &content, names_body))
}

/// The first short line before the body that states a year or names a body: the
/// headline of a page whose title is not of a usual kind ("教育体育局2020年为民办实事").
/// A document number (某教发〔2022〕9号) or a bare year ("2022年") is no headline.
fn headline(
    text: &str,
    content: &[&Line],
    names_body: &dyn Fn(&str) -> bool,
) -> Option<(String, Range<usize>)> {
    content.iter().take(3).find_map(|line| {
        let candidate = &text[line.range.clone()];
        let short =
            candidate.chars().count() <= 40 && !candidate.contains(['。', ',', '，', ';', '；']);
        let arabic = with_arabic_years(candidate);
        let telling = YEAR.is_match(&arabic) || names_body(candidate);
        let bare_year = YEAR
            .replace_all(&arabic, "")
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '年' | '度'))
            .is_empty();
        let number = DOCUMENT_NUMBER
            .find(candidate)
            .is_some_and(|m| candidate[m.end()..].trim().is_empty());
        (short
            && telling
            && !bare_year
            && !number
            && marker_at(candidate).is_none()
            && !is_compilation_title(candidate))
        .then(|| (candidate.to_owned(), line.range.clone()))
    })
}

/// "县教育局xx年工作计划方案 一、指导思想…": a title at the start of a body line.
fn glued_title(text: &str, range: Range<usize>) -> Option<(String, Range<usize>)> {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        static_regex(
            r"^[^。；;,，:：!！?？《》]{2,40}?(?:工作计划方案|工作计划|工作要点|计划方案|计划|要点)",
        )
    });
    let line = &text[range.clone()];
    let found = GLUED.find(line)?;
    Some((
        found.as_str().to_owned(),
        range.start..range.start + found.end(),
    ))
}

/// 《嘉兴市委教育工委 市教育局 2018年工作要点》 named in the lines before the body.
fn quoted_title(text: &str, content: &[&Line]) -> Option<(String, Range<usize>)> {
    static QUOTED: LazyLock<Regex> =
        LazyLock::new(|| static_regex(r"《([^《》]{4,40}?(?:工作计划|工作要点|工作意见))》"));
    let re = &*QUOTED;
    content.iter().take(12).find_map(|line| {
        let caps = re.captures(&text[line.range.clone()])?;
        let inner = caps.get(1)?;
        Some((
            inner.as_str().to_owned(),
            line.range.start + inner.start()..line.range.start + inner.end(),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::lines_of;

    #[test]
    fn every_static_pattern_compiles() {
        assert!(!NOTICE_OF.as_str().is_empty());
    }

    #[test]
    fn a_title_is_the_plans_never_a_number_or_a_bare_year() {
        let none = |_: &str| false;
        let title = |text: &str| find_title(text, &lines_of(text), &none).map(|(t, _)| t);
        assert_eq!(
            title("省教育厅关于印发2021年全省教育工作总结和2022年全省教育工作要点的通知\n正文")
                .as_deref(),
            Some("2021年全省教育工作总结和2022年全省教育工作要点")
        );
        assert_eq!(
            title("关于印发《2019年工作要点》的通知\n正文").as_deref(),
            Some("2019年工作要点")
        );
        assert_eq!(title("某教发〔2022〕9号\n各区县教育局:"), None);
        assert_eq!(title("2022年\n各区县教育局:"), None);
    }

    #[test]
    fn glued_and_quoted_titles_are_read_by_their_patterns() {
        let text = "县教育局2019年工作计划 一、指导思想";
        let (title, _) = glued_title(text, 0..text.len()).unwrap();
        assert_eq!(title, "县教育局2019年工作计划");
        let text = "现将《嘉兴市委教育工委 市教育局 2018年工作要点》印发给你们";
        let lines = lines_of(text);
        let content: Vec<&Line> = lines.iter().collect();
        let (title, _) = quoted_title(text, &content).unwrap();
        assert_eq!(title, "嘉兴市委教育工委 市教育局 2018年工作要点");
    }
}
