//! The normalised form of a name that identifies a policy, unit or organization
//! across documents: the same entity written with or without quotes, title marks,
//! spaces or a trailing "精神" gets the same key.

/// Characters that never belong to a name's identity (quotes, title marks, spaces).
const DROPPED: &[char] = &[
    ' ', '\u{3000}', '"', '\'', '“', '”', '‘', '’', '《', '》', '〈', '〉', '「', '」', '『', '』',
];

/// The key of `name`: quotes, title marks and spaces removed, dashes unified, full-
/// width parentheses folded, a trailing "精神" ("the spirit of") dropped, the optional
/// 的 before 重要 dropped (在…时的重要讲话 and 在…时重要讲话 are one speech).
pub(crate) fn name_key(name: &str) -> String {
    let mut key: String = name
        .chars()
        .filter(|c| !DROPPED.contains(c))
        .map(|c| match c {
            '—' | '–' | '－' | '~' | '～' => '-',
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect();
    if key.contains("的重要") {
        key = key.replace("的重要", "重要");
    }
    if let Some(stripped) = key.strip_suffix("精神") {
        if !stripped.is_empty() {
            key.truncate(stripped.len());
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_marks_and_spirit_do_not_change_the_key() {
        assert_eq!(name_key("“十四五”规划"), name_key("\"十四五\"规划"));
        assert_eq!(name_key("《中国教育现代化2035》"), "中国教育现代化2035");
        assert_eq!(name_key("区教育工作会议精神"), "区教育工作会议");
        assert_eq!(
            name_key("嘉兴教育全面接轨上海行动计划(2017—2020年)"),
            "嘉兴教育全面接轨上海行动计划(2017-2020年)"
        );
        assert_eq!(
            name_key("习近平总书记在参加江苏代表团审议时的重要讲话"),
            name_key("习近平总书记在参加江苏代表团审议时重要讲话")
        );
    }
}
