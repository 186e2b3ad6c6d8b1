//! Numbering markers of plan outlines: 一、 / (一) / 1. 1、 / (1) / 1) / ① / a) /
//! 2.1.1. A marker is only recognised here; whether it really opens an item depends
//! on the numbering seen before it (see `outline.rs`).

/// A numbering scheme. Two markers of the same scheme are siblings or cousins; a new
/// scheme opens a deeper level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Scheme {
    /// 第一部分 第二章
    CnPart,
    /// 一、 二、 (also 一. and 一．)
    CnComma,
    /// (一) （二）
    CnParen,
    /// 1. 2．
    ArDot,
    /// 1、 2、
    ArComma,
    /// (1) （2）
    ArParen,
    /// 1) 2）
    ArHalfParen,
    /// ① ②
    Circled,
    /// a) b)
    LatinParen,
    /// 1.1, 2.1.1: the number of components.
    Decimal(u8),
}

/// A numbering marker found at some position of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Its scheme.
    pub(crate) scheme: Scheme,
    /// Its value (the last component for decimal markers).
    pub(crate) number: u32,
    /// Its length in bytes, trailing spaces included.
    pub(crate) len: usize,
}

/// The value of a Chinese numeral up to 99 (一, 十二, 二十, 二十三).
fn chinese_value(numeral: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = numeral.chars().collect();
    let value = match chars.as_slice() {
        [c] if *c == '十' => 10,
        [c] => u32::try_from(digit(*c)?).ok()?,
        ['十', c] => 10 + u32::try_from(digit(*c)?).ok()?,
        [c, '十'] => 10 * u32::try_from(digit(*c)?).ok()?,
        [a, '十', b] => 10 * u32::try_from(digit(*a)?).ok()? + u32::try_from(digit(*b)?).ok()?,
        _ => return None,
    };
    (value > 0).then_some(value)
}

/// Splits off the longest run of characters matching `pred` (at most `max` of them).
fn take_while(s: &str, max: usize, pred: impl Fn(char) -> bool) -> (&str, &str) {
    let end = s
        .char_indices()
        .take(max)
        .take_while(|&(_, c)| pred(c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    s.split_at(end)
}

fn is_chinese_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// Length of the spaces at the start of `s`.
fn spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t', '\u{3000}']).len()
}

/// The marker at the very start of `s`, if one is there.
pub(crate) fn marker_at(s: &str) -> Option<Marker> {
    let first = s.chars().next()?;
    let found = match first {
        '(' | '（' => paren_marker(&s[first.len_utf8()..])
            .map(|(scheme, number, len)| (scheme, number, first.len_utf8() + len)),
        // Enclosed forms a normaliser keeps: ⑴ ⒈ ㈠.
        '⑴'..='⒇' => Some((
            Scheme::ArParen,
            u32::from(first) - u32::from('⑴') + 1,
            first.len_utf8(),
        )),
        '⒈'..='⒛' => Some((
            Scheme::ArDot,
            u32::from(first) - u32::from('⒈') + 1,
            first.len_utf8(),
        )),
        '㈠'..='㈩' => Some((
            Scheme::CnParen,
            u32::from(first) - u32::from('㈠') + 1,
            first.len_utf8(),
        )),
        '第' => part_marker(&s[first.len_utf8()..])
            .map(|(number, len)| (Scheme::CnPart, number, first.len_utf8() + len)),
        '①'..='⑳' => Some((
            Scheme::Circled,
            u32::from(first) - u32::from('①') + 1,
            first.len_utf8(),
        )),
        'a'..='z' => s[1..].starts_with([')', '）']).then(|| {
            (
                Scheme::LatinParen,
                u32::from(first) - u32::from('a') + 1,
                1 + closing_len(&s[1..]),
            )
        }),
        '0'..='9' => arabic_marker(s),
        c if is_chinese_digit(c) => chinese_marker(s),
        _ => None,
    }?;
    let (scheme, number, len) = found;
    let rest = &s[len..];
    // A marker is followed by the item's words, not by punctuation or more numbers
    // ("一、二、三年级", "1、2个").
    let next = rest.trim_start().chars().next();
    let chinese = matches!(scheme, Scheme::CnComma | Scheme::CnParen | Scheme::CnPart);
    match next {
        // "一、2017年目标完成情况": a part may start with a year.
        Some(c) if c.is_ascii_digit() && !chinese => return None,
        Some(c) if is_chinese_digit(c) || "、,，.。;；:：%)）".contains(c) => return None,
        None => return None,
        _ => {}
    }
    Some(Marker {
        scheme,
        number,
        len: len + spaces(rest),
    })
}

fn closing_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

/// (一) or (1) after the opening bracket: scheme, number, length without the bracket.
fn paren_marker(s: &str) -> Option<(Scheme, u32, usize)> {
    let (numeral, rest) = take_while(s, 3, is_chinese_digit);
    let (scheme, number, numeral_len) = if numeral.is_empty() {
        let (digits, _) = take_while(s, 2, |c| c.is_ascii_digit());
        (Scheme::ArParen, digits.parse().ok()?, digits.len())
    } else {
        let _ = rest;
        (Scheme::CnParen, chinese_value(numeral)?, numeral.len())
    };
    let after = &s[numeral_len..];
    if !after.starts_with([')', '）']) {
        return None;
    }
    let mut len = numeral_len + closing_len(after);
    // "(一)、" and "(1)." occur too.
    if s[len..].starts_with(['、', '.', '．']) {
        len += closing_len(&s[len..]);
    }
    Some((scheme, number, len))
}

/// 1. 1、 1) 1.1 2.1.1 at the start of `s`.
fn arabic_marker(s: &str) -> Option<(Scheme, u32, usize)> {
    let (digits, rest) = take_while(s, 3, |c| c.is_ascii_digit());
    if digits.len() > 2 {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    if number == 0 {
        return None;
    }
    let sep = rest.chars().next()?;
    match sep {
        '、' => Some((Scheme::ArComma, number, digits.len() + sep.len_utf8())),
        ')' | '）' => Some((Scheme::ArHalfParen, number, digits.len() + sep.len_utf8())),
        '.' | '．' => {
            let after = &rest[sep.len_utf8()..];
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                decimal_marker(s)
            } else {
                Some((Scheme::ArDot, number, digits.len() + sep.len_utf8()))
            }
        }
        _ => None,
    }
}

/// 1.1 or 2.1.1 followed by a space or a word (not a decimal number such as 3.03万).
fn decimal_marker(s: &str) -> Option<(Scheme, u32, usize)> {
    let (body, rest) = take_while(s, 12, |c| c.is_ascii_digit() || c == '.');
    let body = body.trim_end_matches('.');
    let parts: Vec<&str> = body.split('.').collect();
    if parts.len() < 2 || parts.len() > 4 || parts.iter().any(|p| p.is_empty() || p.len() > 2) {
        return None;
    }
    let next = s[body.len()..].chars().next()?;
    let _ = rest;
    // "3.03万平方米" is a quantity: a decimal marker is followed by a space or by the
    // heading's first character, never by a unit.
    if !(next == ' ' || next == '\u{3000}' || is_cjk(next)) || "万亿元个所名人米%".contains(next)
    {
        return None;
    }
    let last = parts.last()?.parse().ok()?;
    let depth = u8::try_from(parts.len()).ok()?;
    Some((Scheme::Decimal(depth), last, body.len()))
}

/// 一部分 二章 after 第: number and length, a following 、 or : included.
fn part_marker(s: &str) -> Option<(u32, usize)> {
    let (numeral, rest) = take_while(s, 3, is_chinese_digit);
    let number = chinese_value(numeral)?;
    let unit = ["部分", "章", "篇"]
        .into_iter()
        .find(|u| rest.starts_with(u))?;
    let mut len = numeral.len() + unit.len();
    if s[len..].starts_with(['、', ':', '：', '.']) {
        len += closing_len(&s[len..]);
    }
    Some((number, len))
}

/// 一、 二. at the start of `s`.
fn chinese_marker(s: &str) -> Option<(Scheme, u32, usize)> {
    let (numeral, rest) = take_while(s, 3, is_chinese_digit);
    let number = chinese_value(numeral)?;
    let sep = rest.chars().next()?;
    matches!(sep, '、' | '.' | '．')
        .then(|| (Scheme::CnComma, number, numeral.len() + sep.len_utf8()))
}

/// Whether `c` is a CJK ideograph.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheme_number(s: &str) -> Option<(Scheme, u32)> {
        marker_at(s).map(|m| (m.scheme, m.number))
    }

    #[test]
    fn numbering_schemes_are_recognised() {
        assert_eq!(scheme_number("一、指导思想"), Some((Scheme::CnComma, 1)));
        assert_eq!(scheme_number("十二、加强"), Some((Scheme::CnComma, 12)));
        assert_eq!(scheme_number("(一)全面提高"), Some((Scheme::CnParen, 1)));
        assert_eq!(scheme_number("（三）加快"), Some((Scheme::CnParen, 3)));
        assert_eq!(scheme_number("1.全面完成"), Some((Scheme::ArDot, 1)));
        assert_eq!(scheme_number("2. 改革教育"), Some((Scheme::ArDot, 2)));
        assert_eq!(scheme_number("3、深化"), Some((Scheme::ArComma, 3)));
        assert_eq!(scheme_number("(2)加强"), Some((Scheme::ArParen, 2)));
        assert_eq!(scheme_number("1)进一步"), Some((Scheme::ArHalfParen, 1)));
        assert_eq!(scheme_number("②建立"), Some((Scheme::Circled, 2)));
        assert_eq!(scheme_number("b) 推进"), Some((Scheme::LatinParen, 2)));
        assert_eq!(
            scheme_number("2.1.1 继续推进"),
            Some((Scheme::Decimal(3), 1))
        );
        assert_eq!(scheme_number("1.2 目标"), Some((Scheme::Decimal(2), 2)));
        assert_eq!(
            scheme_number("第二部分 主要任务"),
            Some((Scheme::CnPart, 2))
        );
        assert_eq!(scheme_number("⑶加强"), Some((Scheme::ArParen, 3)));
        assert_eq!(scheme_number("㈡推进"), Some((Scheme::CnParen, 2)));
    }

    #[test]
    fn numbers_in_sentences_are_not_markers() {
        assert_eq!(scheme_number("3.03万平方米"), None);
        assert_eq!(scheme_number("2017年"), None);
        assert_eq!(scheme_number("一、二、三年级"), None);
        assert_eq!(scheme_number("2、3个"), None);
        assert_eq!(scheme_number("一年以上"), None);
        assert_eq!(scheme_number("(1:1)"), None);
        assert_eq!(
            scheme_number("二、2024年工作计划"),
            Some((Scheme::CnComma, 2))
        );
    }
}
