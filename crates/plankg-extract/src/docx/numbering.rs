//! numbering.xml: list definitions, numbering instances and their overrides, the
//! counters kept per instance and level, and the number formats a list number is
//! written in.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::paragraphs::Paragraph;
use super::styles::Styles;
use super::xml::{attr, val};

/// Numbering levels Word has (`w:ilvl` 0–8).
const LEVELS: usize = 9;

/// A number's suffix (`w:suff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Suffix {
    /// A tab (Word's default).
    #[default]
    Tab,
    /// A space.
    Space,
    /// Nothing.
    Nothing,
}

/// One level of a list definition (`w:lvl`).
#[derive(Debug, Clone, Default)]
struct Level {
    /// `w:start` (0 when absent, as the standard says).
    start: u32,
    /// `w:numFmt`.
    format: String,
    /// `w:lvlText`.
    text: String,
    /// `w:suff`.
    suffix: Suffix,
    /// `w:isLgl`: every number in decimal.
    legal: bool,
    /// `w:lvlRestart`: restart after a paragraph of a level up to this one
    /// (1-based; 0 never).
    restart: Option<usize>,
    /// `w:pStyle`: the paragraph style linked to this level.
    style: Option<String>,
}

/// A list definition (`w:abstractNum`).
#[derive(Debug, Clone, Default)]
struct Abstract {
    /// The levels by `w:ilvl`.
    levels: HashMap<usize, Level>,
    /// `w:numStyleLink`: the levels are those of the list of this style.
    style_link: Option<String>,
}

/// A numbering instance (`w:num`).
#[derive(Debug, Clone, Default)]
struct Num {
    /// `w:abstractNumId`: the list definition.
    abstract_id: String,
    /// `w:lvlOverride/w:startOverride` by level.
    start_overrides: HashMap<usize, u32>,
    /// `w:lvlOverride/w:lvl` by level.
    level_overrides: HashMap<usize, Level>,
}

/// numbering.xml.
#[derive(Debug, Clone, Default)]
pub(super) struct Numbering {
    /// The list definitions by `w:abstractNumId`.
    abstracts: HashMap<String, Abstract>,
    /// The numbering instances by `w:numId`.
    nums: HashMap<String, Num>,
}

/// Where a level being read goes.
enum LevelOwner {
    /// The list definition of this `w:abstractNumId`.
    Abstract(String),
    /// The overrides of the instance of this `w:numId`.
    Override(String),
}

impl Numbering {
    /// Reads numbering.xml.
    pub(super) fn parse(xml: &str) -> Result<Self, quick_xml::Error> {
        let mut numbering = Self::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(LevelOwner, usize, Level)> = None;
        loop {
            let event = reader.read_event()?;
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        b"abstractNum" => abstract_id = None,
                        b"num" => num_id = None,
                        b"lvlOverride" => override_level = None,
                        b"lvl" => numbering.store(level.take()),
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                b"abstractNum" if !empty => {
                    let id = attr(e, "abstractNumId").unwrap_or_default();
                    numbering.abstracts.entry(id.clone()).or_default();
                    abstract_id = Some(id);
                }
                b"num" if !empty => {
                    let id = attr(e, "numId").unwrap_or_default();
                    numbering.nums.entry(id.clone()).or_default();
                    num_id = Some(id);
                }
                b"abstractNumId" => {
                    if let (Some(id), Some(value)) = (&num_id, val(e)) {
                        if let Some(num) = numbering.nums.get_mut(id) {
                            num.abstract_id = value;
                        }
                    }
                }
                b"lvlOverride" if !empty => {
                    override_level = attr(e, "ilvl").and_then(|v| v.parse().ok())
                }
                b"startOverride" => {
                    if let (Some(id), Some(ilvl), Some(start)) =
                        (&num_id, override_level, val(e).and_then(|v| v.parse().ok()))
                    {
                        if let Some(num) = numbering.nums.get_mut(id) {
                            num.start_overrides.insert(ilvl, start);
                        }
                    }
                }
                b"lvl" if !empty => {
                    let ilvl = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let owner = match (&num_id, &abstract_id) {
                        (Some(num), _) => LevelOwner::Override(num.clone()),
                        (None, Some(abs)) => LevelOwner::Abstract(abs.clone()),
                        (None, None) => continue,
                    };
                    level = Some((owner, ilvl, Level::default()));
                }
                b"numStyleLink" => {
                    if let (Some(id), Some(style)) = (&abstract_id, val(e)) {
                        if let Some(abs) = numbering.abstracts.get_mut(id) {
                            abs.style_link = Some(style);
                        }
                    }
                }
                name => {
                    if let Some((_, _, level)) = level.as_mut() {
                        let value = val(e);
                        match name {
                            b"start" => {
                                level.start = value.and_then(|v| v.parse().ok()).unwrap_or(0)
                            }
                            b"numFmt" => level.format = value.unwrap_or_default(),
                            b"lvlText" => level.text = value.unwrap_or_default(),
                            b"suff" => {
                                level.suffix = match value.as_deref() {
                                    Some("space") => Suffix::Space,
                                    Some("nothing") => Suffix::Nothing,
                                    _ => Suffix::Tab,
                                };
                            }
                            b"isLgl" => level.legal = value.is_none_or(|v| is_true(&v)),
                            b"lvlRestart" => level.restart = value.and_then(|v| v.parse().ok()),
                            b"pStyle" => level.style = value,
                            _ => {}
                        }
                    }
                }
            }
        }
        Ok(numbering)
    }

    /// Files a level read.
    fn store(&mut self, level: Option<(LevelOwner, usize, Level)>) {
        match level {
            Some((LevelOwner::Abstract(id), ilvl, level)) => {
                self.abstracts
                    .entry(id)
                    .or_default()
                    .levels
                    .insert(ilvl, level);
            }
            Some((LevelOwner::Override(id), ilvl, level)) => {
                self.nums
                    .entry(id)
                    .or_default()
                    .level_overrides
                    .insert(ilvl, level);
            }
            None => {}
        }
    }

    /// The list definition of an instance, following a style link once.
    fn abstract_of(&self, num_id: &str, styles: &Styles) -> Option<&Abstract> {
        let abs = self.abstracts.get(&self.nums.get(num_id)?.abstract_id)?;
        match &abs.style_link {
            Some(style) if abs.levels.is_empty() => {
                let (linked_num, _) = styles.numbering(style)?;
                let linked = self
                    .abstracts
                    .get(&self.nums.get(&linked_num)?.abstract_id)?;
                Some(linked)
            }
            _ => Some(abs),
        }
    }

    /// A level of an instance, with its overrides.
    fn level<'a>(&'a self, num_id: &str, ilvl: usize, styles: &'a Styles) -> Option<Level> {
        let num = self.nums.get(num_id)?;
        let mut level = match num.level_overrides.get(&ilvl) {
            Some(level) => level.clone(),
            None => self.abstract_of(num_id, styles)?.levels.get(&ilvl)?.clone(),
        };
        if let Some(start) = num.start_overrides.get(&ilvl) {
            level.start = *start;
        }
        Some(level)
    }
}

/// Whether an OOXML on/off value is on.
fn is_true(value: &str) -> bool {
    !matches!(value, "0" | "false" | "off")
}

/// List counters per numbering instance and level.
#[derive(Debug, Default)]
pub(super) struct Counters {
    /// By `w:numId`: each level's last number (`None`: not counted yet).
    by_num: HashMap<String, [Option<u32>; LEVELS]>,
}

impl Counters {
    /// The number of a paragraph as text, with its suffix ("" when not numbered).
    pub(super) fn label(
        &mut self,
        paragraph: &Paragraph,
        numbering: &Numbering,
        styles: &Styles,
    ) -> String {
        let from_style = paragraph.style.as_deref().and_then(|s| styles.numbering(s));
        let (num_id, style_ilvl) = match (&paragraph.num_id, &from_style) {
            (Some(id), _) => (id.clone(), from_style.as_ref().and_then(|s| s.1)),
            (None, Some((id, ilvl))) => (id.clone(), *ilvl),
            (None, None) => return String::new(),
        };
        if num_id == "0" {
            return String::new();
        }
        let ilvl = paragraph
            .ilvl
            .or(style_ilvl)
            .or_else(|| {
                let style = paragraph.style.as_deref()?;
                let abs = numbering.abstract_of(&num_id, styles)?;
                abs.levels
                    .iter()
                    .find(|(_, level)| level.style.as_deref() == Some(style))
                    .map(|(ilvl, _)| *ilvl)
            })
            .unwrap_or(0)
            .min(LEVELS - 1);
        let Some(level) = numbering.level(&num_id, ilvl, styles) else {
            return String::new();
        };
        let levels: Vec<Option<Level>> = (0..LEVELS)
            .map(|l| numbering.level(&num_id, l, styles))
            .collect();
        let counters = self.by_num.entry(num_id).or_insert([None; LEVELS]);
        counters[ilvl] = Some(counters[ilvl].map_or(level.start, |n| n.saturating_add(1)));
        for (deeper, slot) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = levels[deeper]
                .as_ref()
                .and_then(|l| l.restart)
                .is_none_or(|after| after != 0 && ilvl < after);
            if restarts {
                *slot = None;
            }
        }
        if level.format == "bullet" {
            return String::new();
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| (1..=9).contains(d));
            match (c, digit) {
                ('%', Some(n)) => {
                    chars.next();
                    let index = usize::try_from(n - 1).unwrap_or(0);
                    let (value, format) = match &levels[index] {
                        Some(l) => (counters[index].unwrap_or(l.start), l.format.as_str()),
                        None => (counters[index].unwrap_or(1), "decimal"),
                    };
                    if level.format != "none" {
                        let format = if level.legal { "decimal" } else { format };
                        label.push_str(&format_number(value, format));
                    }
                }
                _ => label.push(c),
            }
        }
        let ends_open = label
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        if level.suffix != Suffix::Nothing && ends_open {
            label.push(' ');
        }
        label
    }
}

/// A list number in one of Word's number formats.
fn format_number(n: u32, format: &str) -> String {
    let table = |symbols: &[char]| {
        let len = u32::try_from(symbols.len()).unwrap_or(1).max(1);
        let index = usize::try_from((n.max(1) - 1) % len).unwrap_or(0);
        symbols[index].to_string()
    };
    let offset = |first: u32, count: u32| {
        if (1..=count).contains(&n) {
            char::from_u32(first + n - 1).map(String::from)
        } else {
            None
        }
    };
    let formatted = match format {
        "decimalZero" => Some(format!("{n:02}")),
        "upperRoman" => Some(roman(n)),
        "lowerRoman" => Some(roman(n).to_lowercase()),
        "upperLetter" => Some(letters(n, 'A')),
        "lowerLetter" => Some(letters(n, 'a')),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => Some(chinese(n, &CHINESE_DIGITS, &CHINESE_UNITS)),
        "chineseLegalSimplified" => Some(chinese(n, &LEGAL_DIGITS, &LEGAL_UNITS)),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => Some(
            n.to_string()
                .chars()
                .map(|d| CHINESE_DIGITS[usize::try_from(d.to_digit(10).unwrap_or(0)).unwrap_or(0)])
                .collect(),
        ),
        "ideographTraditional" => Some(table(&[
            '甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸',
        ])),
        "ideographZodiac" => Some(table(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ])),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => offset(0x2460, 20)
            .or_else(|| {
                (21..=35)
                    .contains(&n)
                    .then(|| char::from_u32(0x3251 + n - 21).map(String::from))
                    .flatten()
            })
            .or_else(|| {
                (36..=50)
                    .contains(&n)
                    .then(|| char::from_u32(0x32b1 + n - 36).map(String::from))
                    .flatten()
            }),
        "decimalEnclosedParen" => offset(0x2474, 20).or_else(|| Some(format!("({n})"))),
        "decimalEnclosedFullstop" => offset(0x2488, 20).or_else(|| Some(format!("{n}."))),
        "ideographEnclosedCircle" => offset(0x3280, 10),
        "decimalFullWidth" | "decimalFullWidth2" => Some(
            n.to_string()
                .chars()
                .filter_map(|d| char::from_u32(u32::from(d) + 0xfee0))
                .collect(),
        ),
        _ => None,
    };
    formatted.unwrap_or_else(|| n.to_string())
}

/// Chinese digits 0–9.
const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/// Chinese units 十, 百, 千.
const CHINESE_UNITS: [char; 3] = ['十', '百', '千'];
/// Financial (大写) digits 0–9.
const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
/// Financial units 拾, 佰, 仟.
const LEGAL_UNITS: [char; 3] = ['拾', '佰', '仟'];

/// A number (0–9999; larger ones in decimal) in Chinese counting: 十一, 二十, 一百零五.
fn chinese(n: u32, digits: &[char; 10], units: &[char; 3]) -> String {
    if n >= 10_000 {
        return n.to_string();
    }
    if n == 0 {
        return digits[0].to_string();
    }
    let digit = |d: u32| digits[usize::try_from(d).unwrap_or(0)];
    let places = [(n / 1000) % 10, (n / 100) % 10, (n / 10) % 10, n % 10];
    let unit_of = [Some(units[2]), Some(units[1]), Some(units[0]), None];
    let mut out = String::new();
    let mut zero = false;
    for (place, (&d, unit)) in places.iter().zip(unit_of).enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        // 十一, not 一十一, when the number starts at the tens.
        let bare_ten = place == 2 && d == 1 && out.is_empty() && digits[0] == '〇';
        if !bare_ten {
            out.push(digit(d));
        }
        if let Some(unit) = unit {
            out.push(unit);
        }
    }
    if digits[0] == '〇' {
        out = out.replace('〇', "零");
    }
    out
}

/// A Roman numeral (1–3999; other numbers in decimal).
fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut rest = n;
    let mut out = String::new();
    for (value, symbol) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while rest >= value {
            out.push_str(symbol);
            rest -= value;
        }
    }
    out
}

/// Word's letter numbering: A…Z, then AA…ZZ, AAA….
fn letters(n: u32, first: char) -> String {
    if n == 0 {
        return "0".to_owned();
    }
    let repeat = usize::try_from((n - 1) / 26 + 1).unwrap_or(1).min(100);
    let letter = char::from_u32(u32::from(first) + (n - 1) % 26).unwrap_or(first);
    std::iter::repeat_n(letter, repeat).collect()
}

/// Tests of the number formats and the list counters.
#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::docx::paragraphs::paragraphs;

    /// Numbers in Chinese counting and Word's other formats.
    #[test]
    fn chinese_counting() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1001, "一千零一"),
        ];
        for (n, text) in cases {
            assert_eq!(format_number(n, "chineseCounting"), text, "{n}");
        }
        assert_eq!(format_number(12, "chineseLegalSimplified"), "壹拾贰");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(25, "decimalEnclosedCircle"), "㉕");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(7, "cardinalText"), "7");
    }

    /// A numbering.xml: Chinese, decimal and legal levels, a start override, bullets.
    pub(crate) const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/><w:isLgl/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    /// A numbered paragraph of instance `num` at level `ilvl`.
    fn para(num: &str, ilvl: usize, text: &str) -> String {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"a\"/><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr>\
             <w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    }

    /// List numbers are restored with counters per instance and level.
    #[test]
    fn list_numbers_are_restored_with_counters_per_instance_and_level() {
        let numbering = Numbering::parse(NUMBERING).unwrap();
        let body = [
            para("1", 0, "指导思想"),
            para("1", 0, "主要任务"),
            para("1", 1, "加强党建"),
            para("1", 2, "学习"),
            para("1", 2, "宣传"),
            para("1", 1, "深化改革"),
            para("1", 2, "改革"),
            para("1", 3, "细则"),
            para("2", 0, "另一计划"),
            para("3", 0, "要点"),
            para("0", 0, "不编号"),
        ]
        .concat();
        let xml = format!("<w:document xmlns:w=\"w\"><w:body>{body}<w:p/><w:p><w:r><w:t xml:space=\"preserve\">A &amp; B</w:t><w:tab/><w:t>C</w:t></w:r></w:p></w:body></w:document>");
        let text = paragraphs(&xml, &numbering, &Styles::default()).unwrap();
        assert_eq!(
            text,
            "一、指导思想\n二、主要任务\n（一）加强党建\n1.学习\n2.宣传\n（二）深化改革\n1.改革\n2.1 细则\n\
             五、另一计划\n要点\n不编号\n\nA & B\tC"
        );
    }
}
