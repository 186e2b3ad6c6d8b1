//! Normalised text with a map back to the source.
//!
//! Recognisers and the structure parser read [`NormText::text`]; every span they
//! report goes back through [`NormText::source_span`] to character offsets (Unicode
//! scalar values) in the source as decoded, so a span shows the original wording.
//!
//! # What is changed, exactly
//!
//! Folded, one character to one:
//! - full-width forms U+FF01–U+FF5E to ASCII: digits `０-９`, letters `Ａ-Ｚ ａ-ｚ`, and
//!   punctuation `（）［］｛｝：；，．！？％＋－／＝＜＞＂＇＃＆＊＠＼＾＿｀｜～`, so `（一）`
//!   reads `(一)`, `１．` reads `1.`, `：` reads `:`, `，` reads `,`, `；` reads `;`;
//! - half-width CJK punctuation `｡｢｣､` to `。「」、`; small forms `﹐﹑﹒﹔﹕﹖﹗﹙﹚` to
//!   `,、.;:?!()`;
//! - in a document detected as traditional (see below) only: traditional characters
//!   to simplified by the one-to-one table `t2s_chars.tsv` (OpenCC's TSCharacters,
//!   first candidate).
//!
//! Kept as they are: the CJK punctuation that has no ASCII twin — `、 。 “ ” ‘ ’ 《 》
//! 〈 〉 【 】 〔 〕 「 」 『 』 — … · 〇` — circled and parenthesised numbers (`① ⑴ ⒈ ㈠`),
//! and everything else.
//!
//! Whitespace and line breaks:
//! - CR LF, lone CR, VT, FF, NEL, U+2028 and U+2029 become `\n`; blank lines are kept;
//! - space, tab, no-break space U+00A0, ideographic space U+3000 and the other Unicode
//!   spaces (U+1680, U+2000–U+200A, U+202F, U+205F): a run of them becomes one ASCII
//!   space, and is dropped at the start and at the end of a line — except a run that
//!   separates the cells of a table copied as text: a run holding a tab, and inside a
//!   line a run of two ideographic spaces or of three spaces or more, becomes one tab
//!   (kept at the start of a line too, where it stands for an empty first cell);
//! - dropped: zero-width and directional format characters (U+200B–U+200F,
//!   U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF), soft hyphens, variation
//!   selectors, U+FFFC and other control characters.
//!
//! Annotations left by automatic converters, after a Han character, are dropped:
//! - in any brackets `() （） [] ［］ 【】 {} ｛｝ 《》 〈〉 <> 〔〕 〖〗`: a label
//!   `繁体 繁體 繁 简体 簡體 简 簡 读 讀 读音 讀音 拼音 pinyin 注音 音`, a colon, then
//!   pinyin or one to four Han characters (`园[繁体:園]`, `中{拼音:zhōng}`,
//!   `二(读:èr)`); or pinyin with a tone mark alone (`學(xué)`, `儿【ér】`);
//! - pinyin with a tone mark written straight after the character, with the one space
//!   that follows it (`古浪làng 县` reads `古浪县`).
//!
//! HTML entities are decoded before, by the HTML reader.
//!
//! # Traditional documents
//!
//! A text is traditional when it has more than twice as many characters that only
//! traditional text uses (`T` rows of `t2s_chars.tsv`: 學 後 發 …) as characters
//! that only simplified text uses (`S` rows: 学 发 …), and at least one.
//! Applying the table to simplified text would corrupt it (著/着, 乾/干), so it is
//! applied to traditional documents only; it maps one character to one, so the text
//! keeps its length.

use std::collections::HashMap;
use std::ops::Range;

use plankg_model::Span;

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::offsets::{MappedText, OffsetMap};

/// The gazetteer file of the traditional → simplified table.
pub(crate) const T2S_FILE: &str = "t2s_chars.tsv";

/// The normalised text of a source, and the way back to source character offsets.
#[derive(Debug, Clone)]
pub(crate) struct NormText {
    /// The normalised text.
    pub(crate) text: String,
    /// Whether the source was detected as traditional (and converted to simplified).
    #[allow(dead_code)] // for the stages after normalisation; tests read it
    pub(crate) traditional: bool,
    /// Source character range of each character of `text`.
    map: OffsetMap,
}

impl NormText {
    /// Normalises `source` with the embedded character table (for unit tests; the
    /// extractor uses the [`Normaliser`] built from its gazetteer).
    #[cfg(test)]
    pub(crate) fn new(source: &str) -> Self {
        Normaliser::embedded().normalise(source)
    }

    /// The source span (character offsets into the source) of a byte range of the
    /// normalised text. Bounds inside a character widen to it, bounds past the end
    /// are clamped, and `start <= end` always holds.
    pub(crate) fn source_span(&self, range: Range<usize>) -> Span {
        self.map.source_span(range)
    }
}

/// What a character tells about the script of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Used only in traditional text.
    Traditional,
    /// Used only in simplified text.
    Simplified,
}

/// Normalises texts; holds the character tables. Build it once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Normaliser {
    /// Traditional → simplified, one to one.
    t2s: HashMap<char, char>,
    /// Characters that tell traditional from simplified text.
    evidence: HashMap<char, Script>,
}

impl Normaliser {
    /// Reads the table of the gazetteer (`t2s_chars.tsv`).
    ///
    /// # Errors
    /// [`GazetteerError`] when the file is missing or a row is malformed.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut normaliser = Self::default();
        for row in gazetteer.rows(T2S_FILE, 2)? {
            let bad = |message: &str| row.error(T2S_FILE, message);
            let single = |field: &str| {
                let mut chars = field.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(bad("expected a single character")),
                }
            };
            match row.field(0) {
                kind @ ("T" | "t") => {
                    let traditional = single(row.field(1))?;
                    let simplified = single(row.field(2))?;
                    normaliser.t2s.insert(traditional, simplified);
                    if kind == "T" {
                        normaliser.evidence.insert(traditional, Script::Traditional);
                    }
                }
                "S" => {
                    normaliser
                        .evidence
                        .insert(single(row.field(1))?, Script::Simplified);
                }
                _ => return Err(bad("kind must be T, t or S")),
            }
        }
        Ok(normaliser)
    }

    /// The normaliser of the embedded gazetteer, built on first use.
    #[cfg(test)]
    pub(crate) fn embedded() -> &'static Self {
        use std::sync::OnceLock;
        static EMBEDDED: OnceLock<Normaliser> = OnceLock::new();
        EMBEDDED.get_or_init(|| Self::new(&Gazetteer::embedded()).unwrap_or_default())
    }

    /// Whether `text` is written in traditional characters.
    pub(crate) fn is_traditional(&self, text: &str) -> bool {
        let (mut traditional, mut simplified) = (0_usize, 0_usize);
        for c in text.chars() {
            match self.evidence.get(&c) {
                Some(Script::Traditional) => traditional += 1,
                Some(Script::Simplified) => simplified += 1,
                None => {}
            }
        }
        traditional > 0 && traditional > 2 * simplified
    }

    /// The simplified form of a character (itself when the table has none).
    pub(crate) fn simplified(&self, c: char) -> char {
        self.t2s.get(&c).copied().unwrap_or(c)
    }

    /// Normalises `source` as the module documentation says.
    pub(crate) fn normalise(&self, source: &str) -> NormText {
        let traditional = self.is_traditional(source);
        let chars: Vec<char> = source.chars().collect();
        let mut out = MappedText::with_capacity(source.len());
        // A run of spaces not yet written, as a source range.
        let mut spaces: Option<Range<usize>> = None;
        // Whether the last character kept was a Han character.
        let mut after_han = false;
        let mut at = 0;
        while let Some(&c) = chars.get(at) {
            if after_han {
                if let Some(len) = annotation_len(&chars[at..]) {
                    at += len;
                    continue;
                }
            }
            let mut next = at + 1;
            match c {
                '\r' | '\n' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    if c == '\r' && chars.get(next) == Some(&'\n') {
                        next += 1;
                    }
                    spaces = None;
                    out.push('\n', at..next);
                    after_han = false;
                }
                c if is_space(c) => {
                    spaces = Some(spaces.map_or(at..next, |run| run.start..next));
                    after_han = false;
                }
                c if is_invisible(c) || c.is_control() => {}
                _ => {
                    if let Some(run) = spaces.take() {
                        let line_start = out.last().is_none_or(|last| last == '\n');
                        let tabs = cell_separators(&chars[run.clone()], line_start);
                        if tabs > 0 {
                            push_tabs(&mut out, &chars, run, tabs);
                        } else if !line_start {
                            out.push(' ', run);
                        }
                    }
                    let simplified = if traditional { self.simplified(c) } else { c };
                    out.push(fold(simplified), at..next);
                    after_han = is_han(c);
                }
            }
            at = next;
        }
        let (text, map) = out.into_parts();
        NormText {
            text,
            traditional,
            map,
        }
    }
}

/// How many tabs a run of spaces before a character becomes when it separates table
/// cells: one per tab when it holds tabs (two tabs in a row leave an empty cell
/// between them), and one for two ideographic spaces or three spaces of any kind
/// inside a line (an indent of ideographic spaces at a line's start is no separator).
/// Zero for an ordinary space.
fn cell_separators(run: &[char], line_start: bool) -> usize {
    let tabs = run.iter().filter(|&&c| c == '\t').count();
    if tabs > 0 {
        return tabs;
    }
    let wide = run.iter().filter(|&&c| c == '\u{3000}').count();
    usize::from(!line_start && (wide >= 2 || run.len() >= 3))
}

/// Writes `tabs` tabs for the space run `run` (source character indices of
/// `chars`): each tab of the source stands for itself, the spaces around them belong
/// to the nearest one; a run without tabs is one tab for the whole run.
fn push_tabs(out: &mut MappedText, chars: &[char], run: Range<usize>, tabs: usize) {
    let positions: Vec<usize> = run.clone().filter(|&i| chars[i] == '\t').collect();
    if positions.is_empty() {
        out.push('\t', run);
        return;
    }
    for (k, &at) in positions.iter().enumerate().take(tabs) {
        let start = if k == 0 { run.start } else { at };
        let end = if k + 1 == positions.len() {
            run.end
        } else {
            at + 1
        };
        out.push('\t', start..end);
    }
}

/// Spaces folded to one ASCII space (or a tab between table cells).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Characters dropped: zero-width, directional and other format characters.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{fe00}'..='\u{fe0f}' | '\u{fffc}')
}

/// The one-to-one folding of full-width, half-width and small forms.
fn fold(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
        '\u{ff61}' => '。',
        '\u{ff62}' => '「',
        '\u{ff63}' => '」',
        '\u{ff64}' | '\u{fe51}' => '、',
        '\u{fe50}' => ',',
        '\u{fe52}' => '.',
        '\u{fe54}' => ';',
        '\u{fe55}' => ':',
        '\u{fe56}' => '?',
        '\u{fe57}' => '!',
        '\u{fe59}' => '(',
        '\u{fe5a}' => ')',
        _ => c,
    }
}

/// Whether a character is a Han ideograph (or 〇).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{3ffff}' | '〇')
}

/// CJK punctuation that may follow an inline pinyin annotation.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff1f}')
}

/// Brackets that may enclose an annotation.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '（' | '[' | '［' | '【' | '{' | '｛' | '《' | '〈' | '<' | '〔' | '〖'
    )
}

/// Brackets that may close an annotation.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | '）' | ']' | '］' | '】' | '}' | '｝' | '》' | '〉' | '>' | '〕' | '〗'
    )
}

/// Pinyin vowels with a tone mark.
fn is_tone_vowel(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

/// Letters of pinyin.
fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || c == 'ü' || is_tone_vowel(c)
}

/// Whether `text` is pinyin: one to six syllables of at most seven letters,
/// separated by spaces, apostrophes or hyphens, with a tone mark when `tone` is set.
fn is_pinyin(text: &str, tone: bool) -> bool {
    let syllables: Vec<&str> = text
        .split([' ', '\'', '-', '’'])
        .filter(|s| !s.is_empty())
        .collect();
    (1..=6).contains(&syllables.len())
        && syllables
            .iter()
            .all(|s| s.chars().count() <= 7 && s.chars().all(is_pinyin_letter))
        && (!tone || text.chars().any(is_tone_vowel))
}

/// Labels of converter annotations (`[繁体:園]`).
const LABELS: &[&str] = &[
    "繁体", "繁體", "繁", "简体", "簡體", "简", "簡", "读", "讀", "读音", "讀音", "拼音", "pinyin",
    "注音", "音",
];

/// Whether the text inside brackets is a converter annotation.
fn is_annotation(inner: &str) -> bool {
    let inner = inner.trim();
    if let Some((label, rest)) = inner.split_once([':', '：']) {
        let label = label.trim().to_lowercase();
        let rest = rest.trim();
        let han = (1..=4).contains(&rest.chars().count()) && rest.chars().all(is_han);
        return LABELS.contains(&label.as_str()) && (han || is_pinyin(rest, false));
    }
    is_pinyin(inner, true)
}

/// The length in characters of a converter annotation at the start of `rest` (which
/// follows a Han character), if one is there.
fn annotation_len(rest: &[char]) -> Option<usize> {
    let first = *rest.first()?;
    if is_opening(first) {
        let close = rest
            .iter()
            .take(32)
            .skip(1)
            .position(|&c| is_closing(c) || is_opening(c) || c == '\n' || c == '\r')?
            + 1;
        if !is_closing(rest[close]) {
            return None;
        }
        let inner: String = rest[1..close].iter().collect();
        return is_annotation(&inner).then_some(close + 1);
    }
    if !is_pinyin_letter(first) {
        return None;
    }
    let len = rest.iter().take_while(|&&c| is_pinyin_letter(c)).count();
    let word = &rest[..len];
    if len > 7
        || !word.iter().any(|&c| is_tone_vowel(c))
        || word.iter().any(char::is_ascii_uppercase)
    {
        return None;
    }
    let cjk = |c: Option<&char>| c.is_none_or(|&c| is_han(c) || is_cjk_punctuation(c));
    match rest.get(len) {
        next if cjk(next) => Some(len),
        Some(' ') if cjk(rest.get(len + 1)) => Some(len + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(source: &str) -> NormText {
        NormText::new(source)
    }

    #[test]
    fn the_embedded_table_loads() {
        let normaliser = Normaliser::new(&Gazetteer::embedded()).unwrap();
        assert_eq!(normaliser.simplified('學'), '学');
        assert_eq!(normaliser.simplified('乾'), '干');
        assert!(normaliser.t2s.len() > 3000);
    }

    #[test]
    fn full_width_forms_fold_and_chinese_punctuation_stays() {
        let n = norm("（一）１．目标：达到９５％；“双减”、《纲要》。ＡＢｃ，！？");
        assert_eq!(n.text, "(一)1.目标:达到95%;“双减”、《纲要》。ABc,!?");
        assert!(!n.traditional);
    }

    #[test]
    fn whitespace_and_line_breaks() {
        let n = norm(
            "\u{3000}\u{3000}一、总体\u{a0}\u{a0}要求 \t \r\n\r\n二、\u{200b}任务\r三\u{2028}",
        );
        assert_eq!(n.text, "一、总体 要求\n\n二、任务\n三\n");
    }

    #[test]
    fn table_cell_separators_become_tabs() {
        let n = norm("1\t工作内容\t\t责任单位 \n\t2\u{3000}\u{3000}办公室   财务科 人事科\n\u{3000}\u{3000}一、总体要求\n");
        assert_eq!(
            n.text,
            "1\t工作内容\t\t责任单位\n\t2\t办公室\t财务科 人事科\n一、总体要求\n"
        );
    }

    #[test]
    fn spans_show_the_original_wording() {
        let source = "\u{3000}\u{3000}（二）深化改革，提高质量\r\n";
        let n = norm(source);
        assert_eq!(n.text, "(二)深化改革,提高质量\n");
        let start = n.text.find("深化").unwrap();
        let end = n.text.find('\n').unwrap();
        assert_eq!(
            n.source_span(start..end).slice(source),
            "深化改革，提高质量"
        );
        assert_eq!(
            n.source_span(0..n.text.len()).slice(source),
            "（二）深化改革，提高质量\r\n"
        );
        assert_eq!(n.source_span(0..1).slice(source), "（");
    }

    #[test]
    fn traditional_documents_are_simplified_and_keep_their_length() {
        let source = "教育部2014年工作要點\n一、深化教育領域綜合改革，加快推進教育治理體系現代化";
        let n = norm(source);
        assert!(n.traditional);
        assert_eq!(
            n.text,
            "教育部2014年工作要点\n一、深化教育领域综合改革,加快推进教育治理体系现代化"
        );
        assert_eq!(n.text.chars().count(), source.chars().count());
        let at = n.text.find("领域").unwrap();
        assert_eq!(n.source_span(at..at + 6).slice(source), "領域");
    }

    #[test]
    fn a_traditional_copy_of_a_sample_plan_normalises_to_the_same_text() {
        let simplified = include_str!("../../../data/plans/004_89347142f8fed752.txt");
        let normaliser = Normaliser::embedded();
        // The table backwards, preferring characters used only in traditional text.
        let mut reverse: HashMap<char, char> = HashMap::new();
        for (&t, &s) in &normaliser.t2s {
            let only = normaliser.evidence.get(&t) == Some(&Script::Traditional);
            let better = reverse.get(&s).is_none_or(|&old| {
                let old_only = normaliser.evidence.get(&old) == Some(&Script::Traditional);
                (only, std::cmp::Reverse(t)) > (old_only, std::cmp::Reverse(old))
            });
            if better {
                reverse.insert(s, t);
            }
        }
        let traditional: String = simplified
            .chars()
            .map(|c| reverse.get(&c).copied().unwrap_or(c))
            .collect();
        assert_ne!(traditional, simplified);
        let (expected, actual) = (norm(simplified), norm(&traditional));
        assert!(!expected.traditional && actual.traditional);
        assert_eq!(actual.text, expected.text);
    }

    #[test]
    fn simplified_documents_are_not_converted() {
        // 乾 and 著 are table keys, but this text is simplified.
        let source = "乾坤朗朗，著名学校发展";
        let n = norm(source);
        assert!(!n.traditional);
        assert_eq!(n.text, "乾坤朗朗,著名学校发展");
    }

    #[test]
    fn converter_annotations_are_dropped() {
        let source = "深入學(xué)習(xí)貫徹黨的十八大精神";
        let n = norm(source);
        assert_eq!(n.text, "深入学习贯彻党的十八大精神");
        let at = n.text.find("学习").unwrap();
        assert_eq!(n.source_span(at..at + 6).slice(source), "學(xué)習");
        let source = "入园[繁体:園]难、公办(繁体:辦)幼儿园、中小学(繁:學)\n\
            二(读:èr)、新建公办《繁体:辦》,其中{拼音:zhōng}:古浪làng 县,城chéng 关,幼儿【ér】园{pinyin:yuán}";
        assert_eq!(
            norm(source).text,
            "入园难、公办幼儿园、中小学\n二、新建公办,其中:古浪县,城关,幼儿园"
        );
    }

    #[test]
    fn ordinary_brackets_stay() {
        let source = "各省教育厅(教委)、学校(school)、《纲要》[1]、(试行)、café";
        assert_eq!(norm(source).text, source.replace('，', ","));
    }

    #[test]
    fn empty_and_odd_input() {
        assert_eq!(norm("").text, "");
        assert_eq!(norm("").source_span(0..5), Span::new(0, 0));
        let n = norm("\u{0}\u{1}a\u{7f}");
        assert_eq!(n.text, "a");
        assert_eq!(n.source_span(0..1), Span::new(2, 3));
    }

    proptest::proptest! {
        #[test]
        fn spans_stay_within_the_source(
            source in "([學习發展(（)）\\[\\]【】{}:：繁体xuéàng \u{3000}\u{a0}\t\r\n\u{200b}\u{0}１Ａ，。a-z]|\\PC){0,120}",
            ranges in proptest::collection::vec((0_usize..600, 0_usize..600), 0..16),
        ) {
            let n = norm(&source);
            let chars = source.chars().count();
            for (start, end) in ranges.into_iter().chain([(0, usize::MAX), (0, n.text.len())]) {
                let span = n.source_span(start..end);
                proptest::prop_assert!(span.start <= span.end && span.end <= chars, "{span:?} of {chars}");
            }
        }

        #[test]
        fn decoded_arbitrary_bytes_normalise(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            if let Ok(source) = crate::decode::decode_text(&bytes, None, false) {
                let n = norm(&source);
                let span = n.source_span(0..n.text.len());
                proptest::prop_assert!(span.end <= source.chars().count());
            }
        }
    }
}
