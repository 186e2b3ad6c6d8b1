//! Numbers with units in a text (the candidates of targets), and the stretches
//! where numbers are names rather than quantities.

use std::collections::HashMap;
use std::ops::Range;

use plankg_model::{Comparator, TargetRef};
use regex::Regex;

use super::indicator::IndicatorKeys;
use super::{numeral, ComparatorWords};
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::recognise::lexicon::{LexiconBuilder, List, Occurrences};
use crate::recognise::{Found, Hit};

/// What starts a percentage written in words.
const PERCENT_WORD: &str = "百分之";

/// Gazetteer of units.
const UNITS_FILE: &str = "target_units.tsv";

/// What a unit measures, as far as recognition cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitKind {
    /// A unit of a real target.
    Measure,
    /// A measure word common in set phrases: after a Chinese numeral it needs a
    /// comparator word to make a target.
    Loose,
    /// A unit that closes a number which is never a target (ages, months).
    Skip,
}

/// One quantity found by the regex, before it is judged.
#[derive(Debug, Clone)]
pub(super) struct Quantity {
    /// Byte range of number and unit (and an after-comparator word) in the text.
    pub(super) range: Range<usize>,
    /// Where the number starts.
    pub(super) number_start: usize,
    /// Where the unit ends.
    pub(super) unit_end: usize,
    /// The number (the lower bound of a range).
    pub(super) value: f64,
    /// The upper bound of a range ("6-8个").
    pub(super) value_max: Option<f64>,
    /// Whether the form says "more than" (100多所, 7亿多元).
    pub(super) approximate: bool,
    /// Whether the number is written in Chinese numerals.
    pub(super) chinese: bool,
    /// The unit as recorded.
    pub(super) unit: String,
    /// What the unit measures.
    pub(super) kind: UnitKind,
}

impl Quantity {
    /// The target this quantity states for `indicator`.
    pub(super) fn hit(
        &self,
        indicator: String,
        comparator: Comparator,
        reported: bool,
        keys: &IndicatorKeys,
    ) -> Hit<TargetRef> {
        Hit {
            range: self.range.clone(),
            entity: TargetRef {
                indicator_key: keys.key(&indicator),
                indicator,
                value: self.value,
                value_max: self.value_max,
                unit: self.unit.clone(),
                comparator,
                reported,
                evidence: Vec::new(),
            },
        }
    }
}

/// Which of the scanner's patterns can match a text, as its lexicon words tell.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidates {
    /// A unit follows a digit, a Chinese numeral or 多/余.
    numbers_with_units: bool,
    /// 百分之 is written.
    percent_words: bool,
}

impl Candidates {
    /// Whether either pattern can match.
    pub(super) fn any(self) -> bool {
        self.numbers_with_units || self.percent_words
    }
}

/// Finds numbers with units.
#[derive(Debug)]
pub(super) struct QuantityScanner {
    /// number, optional range end, optional 多/余, unit.
    pattern: Regex,
    /// Units as matched (including "亿多元"), with the unit as recorded, its kind,
    /// and whether the form says "more than" (多, 余).
    units: HashMap<String, (String, UnitKind, bool)>,
    /// Words right before a number that make it an ordinal or determiner.
    blocked_before: Vec<String>,
    /// Words after which a lone 一 in Chinese is an indefinite article (的一次).
    article_before: Vec<String>,
    /// Percentages in words: 百分之九十, 百分之百.
    percent_words: Regex,
}

impl QuantityScanner {
    /// Loads the units of target_units.tsv; `blocked_before` are the words that
    /// make a number after them an ordinal or determiner, `article_before` those
    /// after which a lone 一 is an article. The units and 百分之 are added to
    /// `lexicon`: the patterns run only where one of them is written.
    ///
    /// # Errors
    /// A missing file, a short row or an unknown kind (file:line).
    pub(super) fn new(
        gazetteer: &Gazetteer,
        blocked_before: Vec<String>,
        article_before: Vec<String>,
        lexicon: &mut LexiconBuilder,
    ) -> Result<Self, GazetteerError> {
        let mut units = HashMap::new();
        for row in gazetteer.rows(UNITS_FILE, 2)? {
            let kind = match row.field(1) {
                "percent" | "money" | "area" | "count" | "time" | "score" => UnitKind::Measure,
                "loose" => UnitKind::Loose,
                "skip" => UnitKind::Skip,
                other => return Err(row.error(UNITS_FILE, format!("unknown kind {other:?}"))),
            };
            let unit = row.field(0);
            units.insert(unit.to_owned(), (unit.to_owned(), kind, false));
            // "7亿多元", "3万余人": the approximation sits inside a scaled unit.
            let mut chars = unit.chars();
            if let (Some(scale @ ('万' | '亿')), rest) = (chars.next(), chars.as_str()) {
                if !rest.is_empty() {
                    for more in ['多', '余'] {
                        units.insert(
                            format!("{scale}{more}{rest}"),
                            (unit.to_owned(), kind, true),
                        );
                    }
                }
            }
        }
        let mut unit_names: Vec<&String> = units.keys().collect();
        unit_names.sort_by_key(|u| (std::cmp::Reverse(u.chars().count()), (*u).clone()));
        lexicon.add(List::Unit, &unit_names);
        lexicon.add(List::PercentWord, [PERCENT_WORD]);
        let alternatives: Vec<String> = unit_names.iter().map(|u| regex::escape(u)).collect();
        // Thousands separators first ("2,500人"), so the match does not start at 500.
        let number = format!(
            r"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{}]+",
            numeral::CHINESE_NUMERAL_CHARS
        );
        let pattern = format!(
            r"(?P<num>{number})(?:(?P<sep>[-~—至到])(?P<max>{number}))?(?P<approx>多|余)?[ \u{{3000}}]?(?P<unit>{})",
            alternatives.join("|")
        );
        let pattern = Regex::new(&pattern).map_err(|err| {
            GazetteerError::uncompiled(UNITS_FILE, format!("cannot build the unit pattern: {err}"))
        })?;
        let percent_words = Regex::new(&format!(
            "{PERCENT_WORD}(百|[零〇一二两三四五六七八九十]+)"
        ))
        .map_err(|err| {
            GazetteerError::uncompiled(
                UNITS_FILE,
                format!("cannot build the percent pattern: {err}"),
            )
        })?;
        Ok(Self {
            pattern,
            units,
            blocked_before,
            article_before,
            percent_words,
        })
    }

    /// Which patterns can match `text`, whose lexicon words are `words`: a number
    /// with a unit ends with a unit right after a digit, a Chinese numeral or 多/余
    /// (a space between them allowed).
    pub(super) fn candidates(&self, text: &str, words: &Occurrences) -> Candidates {
        // A converted page may put a space between number and unit ("547 人").
        let numbers_with_units = words.of(List::Unit).any(|unit| {
            text[..unit.range.start]
                .trim_end_matches([' ', '\u{3000}'])
                .chars()
                .next_back()
                .is_some_and(|c| {
                    c.is_numeric()
                        || numeral::CHINESE_NUMERAL_CHARS.contains(c)
                        || matches!(c, '多' | '余')
                })
        });
        Candidates {
            numbers_with_units,
            percent_words: words.has(List::PercentWord),
        }
    }

    /// Every number-with-unit of `text` outside the shielded ranges, in order;
    /// `candidates` says which patterns can match.
    pub(super) fn scan(
        &self,
        text: &str,
        candidates: Candidates,
        shielded: &[Range<usize>],
        after: &ComparatorWords,
    ) -> Vec<Quantity> {
        let mut out = Vec::new();
        let numbers = candidates
            .numbers_with_units
            .then(|| self.pattern.captures_iter(text));
        for caps in numbers.into_iter().flatten() {
            let (Some(whole), Some(num), Some(unit)) =
                (caps.get(0), caps.name("num"), caps.name("unit"))
            else {
                continue;
            };
            if shielded
                .iter()
                .any(|r| r.start <= whole.start() && whole.end() <= r.end)
            {
                continue;
            }
            let preceding = &text[..whole.start()];
            if preceding.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.' || c == ':')
                || text[whole.end()..].starts_with(':')
                || self
                    .blocked_before
                    .iter()
                    .any(|w| preceding.ends_with(w.as_str()))
            {
                continue;
            }
            let chinese = !num.as_str().starts_with(|c: char| c.is_ascii_digit());
            // A lone 二 before a measure word is an ordinal (二期, 二中); counts say 两.
            if chinese && num.as_str() == "二" {
                continue;
            }
            // "召开的一次十分重要的代表大会", "是一项系统工程": 一 after these words is
            // an indefinite article.
            if chinese
                && num.as_str() == "一"
                && self
                    .article_before
                    .iter()
                    .any(|w| preceding.ends_with(w.as_str()))
            {
                continue;
            }
            let Some(value) = numeral::parse_number(num.as_str()) else {
                continue;
            };
            let value_max = match caps.name("max") {
                Some(max) => match numeral::parse_number(max.as_str()) {
                    Some(v) if v > value => Some(v),
                    _ => continue,
                },
                None => None,
            };
            let Some((unit_name, kind, more)) = self.units.get(unit.as_str()) else {
                continue;
            };
            let after_word = after
                .at_start(&text[whole.end()..])
                .map_or(0, |w| w.word.len());
            out.push(Quantity {
                range: whole.start()..whole.end() + after_word,
                number_start: whole.start(),
                unit_end: whole.end(),
                value,
                value_max,
                approximate: caps.name("approx").is_some() || *more,
                chinese,
                unit: unit_name.clone(),
                kind: *kind,
            });
        }
        if candidates.percent_words {
            self.scan_percent_words(text, shielded, after, &mut out);
        }
        out.sort_by_key(|q| q.number_start);
        out
    }

    /// Adds the percentages written in words ("百分之九十" → 90 %).
    fn scan_percent_words(
        &self,
        text: &str,
        shielded: &[Range<usize>],
        after: &ComparatorWords,
        out: &mut Vec<Quantity>,
    ) {
        for caps in self.percent_words.captures_iter(text) {
            let (Some(whole), Some(number)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            if shielded
                .iter()
                .any(|r| r.start <= whole.start() && whole.end() <= r.end)
            {
                continue;
            }
            let value = match number.as_str() {
                "百" => Some(100.0),
                digits => numeral::parse_chinese(digits),
            };
            let Some(value) = value else {
                continue;
            };
            let after_word = after
                .at_start(&text[whole.end()..])
                .map_or(0, |w| w.word.len());
            out.push(Quantity {
                range: whole.start()..whole.end() + after_word,
                number_start: whole.start(),
                unit_end: whole.end(),
                value,
                value_max: None,
                approximate: false,
                chinese: false,
                unit: "%".to_owned(),
                kind: UnitKind::Measure,
            });
        }
    }
}

/// The ranges where numbers are names, not targets: quotations ("321"发展愿景,
/// "5621"计划), titles in 《》, the policies found before and the numbered names of
/// numbered_names.txt among `words` (两个维护, 五项管理).
pub(super) fn shielded_ranges(text: &str, found: &Found, words: &Occurrences) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = found
        .policies
        .iter()
        .map(|h| h.range.clone())
        .chain(words.of(List::NumberedName).map(|o| o.range.clone()))
        .collect();
    // Looking for each mark on its own is quicker than reading every character.
    if !['“', '《', '"'].iter().any(|&mark| text.contains(mark)) {
        return out;
    }
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, ch) in text.char_indices() {
        match ch {
            '“' | '《' => open.push((ch, i)),
            '”' | '》' => {
                let opener = if ch == '”' { '“' } else { '《' };
                if let Some(pos) = open.iter().rposition(|(c, _)| *c == opener) {
                    let (_, start) = open.remove(pos);
                    out.push(start..i + ch.len_utf8());
                }
            }
            '"' => {
                if let Some(pos) = open.iter().rposition(|(c, _)| *c == '"') {
                    let (_, start) = open.remove(pos);
                    out.push(start..i + 1);
                } else {
                    open.push(('"', i));
                }
            }
            _ => {}
        }
    }
    out
}
