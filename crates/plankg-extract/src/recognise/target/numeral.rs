//! Numbers as plans write them: Arabic ("260.69") and Chinese ("一百二十", "两",
//! "十五"). The scaling characters 万 and 亿 are not parsed here: ANNOTATION.md keeps
//! them in the unit ("25.8万平方米" → 25.8 万平方米).

/// The characters a Chinese numeral is made of (without 万/亿, which stay in the unit).
pub(crate) const CHINESE_NUMERAL_CHARS: &str = "零〇一二两三四五六七八九十百千";

/// Parses an Arabic number ("94", "260.69", "2,500").
pub(crate) fn parse_arabic(text: &str) -> Option<f64> {
    if text.is_empty() || text.starts_with('.') || text.ends_with('.') {
        return None;
    }
    text.replace(',', "").parse::<f64>().ok()
}

/// Parses a Chinese numeral below ten thousand: "一百二十" → 120, "十五" → 15,
/// "两" → 2, "三百零五" → 305. Sequences of bare digits ("一二", "一两") are not
/// numbers (they are lists or idioms) and give `None`.
pub(crate) fn parse_chinese(text: &str) -> Option<f64> {
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    let mut last_multiplier = u32::MAX;
    let mut zero_seen = false;
    for ch in text.chars() {
        match ch {
            '零' | '〇' => {
                if digit.is_some() {
                    return None;
                }
                zero_seen = true;
            }
            '十' | '百' | '千' => {
                let multiplier = match ch {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                // Multipliers must fall: 千 … 百 … 十.
                if multiplier >= last_multiplier {
                    return None;
                }
                // A bare 十 at the start means 10; a bare 百/千 ("百个", "千校") is a
                // figure of speech, not a count.
                let d = match digit.take() {
                    Some(d) => d,
                    None if multiplier == 10 && total == 0 && !zero_seen => 1,
                    None => return None,
                };
                total += d * multiplier;
                last_multiplier = multiplier;
                zero_seen = false;
            }
            _ => {
                let d = chinese_digit(ch)?;
                if digit.is_some() {
                    return None;
                }
                digit = Some(d);
            }
        }
    }
    let value = total + digit.unwrap_or(0);
    if total == 0 && digit.is_none() {
        return None;
    }
    Some(f64::from(value))
}

/// The value of one Chinese digit character.
fn chinese_digit(ch: char) -> Option<u32> {
    Some(match ch {
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Parses either kind of number.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        parse_arabic(text)
    } else {
        parse_chinese(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_parse() {
        assert_eq!(parse_chinese("一百二十"), Some(120.0));
        assert_eq!(parse_chinese("十五"), Some(15.0));
        assert_eq!(parse_chinese("两"), Some(2.0));
        assert_eq!(parse_chinese("三百零五"), Some(305.0));
        assert_eq!(parse_chinese("二十"), Some(20.0));
        assert_eq!(parse_chinese("一千"), Some(1000.0));
    }

    #[test]
    fn lists_and_figures_of_speech_are_not_numbers() {
        assert_eq!(parse_chinese("一两"), None);
        assert_eq!(parse_chinese("十百千"), None);
        assert_eq!(parse_chinese("百"), None);
        assert_eq!(parse_chinese("十十"), None);
    }

    #[test]
    fn arabic_numbers_parse() {
        assert_eq!(parse_number("260.69"), Some(260.69));
        assert_eq!(parse_number("94"), Some(94.0));
        assert_eq!(parse_number("94."), None);
        assert_eq!(parse_number("2,500"), Some(2500.0));
    }
}
