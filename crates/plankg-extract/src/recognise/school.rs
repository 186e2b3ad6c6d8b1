//! Recogniser of named schools, colleges, universities and kindergartens
//! (ANNOTATION.md, "schools").
//!
//! A school name ends with a suffix of school_suffixes.txt (中学, 幼儿园, 附中 …) and
//! is read backwards to the verb or punctuation before it (see [`super::names`]).
//! It is kept only when its modifier names one school: a modifier made only of the
//! kind words and determiners of school_generic.tsv (中小学, 薄弱学校, 全市公办幼儿园)
//! is generic. Abbreviations such as 五中 and 总场一中 are read by a second pattern.

use std::ops::Range;
use std::sync::LazyLock;

use plankg_model::SchoolRef;
use regex::Regex;

use super::cover::Cover;
use super::lexicon::{LexiconBuilder, List, Occurrences};
use super::literal::rfind_short;
use super::names::{self, NameBoundaries};
use super::segment::{self, Word};
use super::{Context, Found, Hit, Recognise};
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::patterns::static_regex;
use crate::places::Places;
use rustc_hash::FxHashSet;

/// Gazetteer of school suffixes.
const SUFFIXES_FILE: &str = "school_suffixes.tsv";
/// Gazetteer of kind words and determiners.
pub(crate) const GENERIC_FILE: &str = "school_generic.tsv";
/// The longest modifier read before a suffix, in characters.
const MAX_MODIFIER: usize = 18;
/// Characters after a suffix that show it is part of another word: 中学生, 大学习,
/// 小学段, 高中部, 学龄, 教师专业, 教师专科.
const NOT_AFTER_SUFFIX: &[char] = &['生', '习', '段', '部', '龄', '业', '科'];
/// Kinds of school that name a stage of schooling when a kind of education or
/// teaching follows them (普通高中教育, 小学教师, 中学教学), not a school.
const STAGES: [&str; 5] = ["小学", "中学", "高中", "初中", "幼儿园"];
/// What follows a stage of schooling in those words.
const AFTER_STAGE: [&str; 3] = ["教育", "教师", "教学"];

/// The Chinese numerals an abbreviation's numeral ends with.
const ABBREVIATION_NUMERALS: [char; 10] =
    ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Characters a place name ends with: an abbreviation ("总场一中") keeps a place
/// before it and nothing else.
const PLACE_ENDINGS: &[char] = &['场', '市', '县', '区', '镇', '乡', '州', '旗'];

/// Finds school mentions in a text.
#[derive(Debug)]
pub(crate) struct SchoolRecogniser {
    /// The shortest modifier of each suffix (by index in the lexicon's list), in
    /// characters.
    shortest: Vec<usize>,
    /// The suffixes.
    suffixes: FxHashSet<String>,
    /// Full and short names of places.
    place_names: FxHashSet<String>,
    boundaries: NameBoundaries,
    /// Kind words and determiners, longest first, with whether they are determiners.
    generic: Vec<(String, bool)>,
    /// The same words, indexed for [`Cover::covers`].
    kind_words: Cover,
    /// The kinds that make a name many schools or an honour even after a place
    /// (镇江市中小学, 镇江市优质幼儿园).
    collective: FxHashSet<String>,
    /// Bodies that may stand before a school's name (教育科学研究院同乐实验学校).
    organizations: Vec<String>,
    /// "五中", "总场一中": Chinese numerals and 中 (run only where the lexicon found
    /// a numeral and 中).
    abbreviation: Regex,
    /// Short forms of universities (universities.tsv) in the lexicon's order, each
    /// with the full name it stands for when only one university has it.
    short_names: Vec<(String, Option<String>)>,
}

impl SchoolRecogniser {
    /// Builds the recogniser from its gazetteer files and adds its suffixes to
    /// `lexicon`.
    ///
    /// # Errors
    /// A missing file or a malformed row (file:line).
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        places: &Places,
        lexicon: &mut LexiconBuilder,
    ) -> Result<Self, GazetteerError> {
        // Place names, full and short (大足, which the dictionary takes for an
        // adverb): a school's proper head.
        let place_names = places
            .entries()
            .iter()
            .flat_map(|p| std::iter::once(p.name.clone()).chain(p.short.clone()))
            .filter(|name| name.chars().count() >= 2)
            .collect();
        let mut words = Vec::new();
        let mut shortest = Vec::new();
        for row in gazetteer.rows(SUFFIXES_FILE, 2)? {
            let Ok(min) = row.field(1).parse::<usize>() else {
                return Err(row.error(SUFFIXES_FILE, "the shortest modifier must be a number"));
            };
            words.push(row.field(0).to_owned());
            shortest.push(min);
        }
        lexicon.add(List::SchoolSuffix, &words);
        let suffixes = words.iter().cloned().collect();
        let short_names = university_short_names(gazetteer)?;
        lexicon.add(
            List::SchoolShortName,
            short_names.iter().map(|(short, _)| short),
        );
        lexicon.add(
            List::SchoolAbbreviation,
            ABBREVIATION_NUMERALS
                .iter()
                .map(|numeral| format!("{numeral}中")),
        );
        let mut generic = Vec::new();
        let mut organizations = Vec::new();
        let mut collective = Vec::new();
        for row in gazetteer.rows(GENERIC_FILE, 2)? {
            let determiner = match row.field(1) {
                "determiner" => true,
                "kind" => false,
                "collective" => {
                    collective.push(row.field(0).to_owned());
                    false
                }
                "organization" => {
                    organizations.push(row.field(0).to_owned());
                    continue;
                }
                other => return Err(row.error(GENERIC_FILE, format!("unknown role {other:?}"))),
            };
            generic.push((row.field(0).to_owned(), determiner));
        }
        generic.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        let abbreviation = Regex::new(&format!(
            "第?[{}]+中",
            ABBREVIATION_NUMERALS.iter().collect::<String>()
        ))
        .map_err(|err| GazetteerError::uncompiled(SUFFIXES_FILE, err))?;
        Ok(Self {
            shortest,
            suffixes,
            place_names,
            boundaries: NameBoundaries::new(
                gazetteer,
                &[names::BOUNDARIES_FILE, names::VERBS_FILE],
            )?,
            kind_words: Cover::new(generic.iter().map(|(word, _)| word.as_str())),
            collective: collective.into_iter().collect(),
            generic,
            organizations,
            abbreviation,
            short_names,
        })
    }

    /// `start` moved back over an ordinal written in digits ("第13中学"), with the
    /// place before it ("石河子市第13中学").
    fn with_numbered_ordinal(&self, text: &str, start: usize) -> usize {
        let before = &text[..start];
        let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
        if digits.len() == before.len() || !digits.ends_with('第') {
            return start;
        }
        let ordinal_start = digits.len() - '第'.len_utf8();
        self.boundaries
            .name_start(text, ordinal_start, MAX_MODIFIER)
    }

    /// The modifier of a school name without its leading determiners, or `None`
    /// when it names no one school (only kind words, or shorter than `shortest`
    /// characters and no ordinal).
    fn specific<'a>(&self, modifier: &'a str, shortest: usize) -> Option<&'a str> {
        let original = modifier;
        let mut modifier = modifier;
        'strip: loop {
            for (word, determiner) in &self.generic {
                if *determiner {
                    if let Some(rest) = modifier.strip_prefix(word.as_str()) {
                        modifier = rest;
                        continue 'strip;
                    }
                }
            }
            break;
        }
        // "市实验小学", "镇中心小学": the experimental or central school of a
        // jurisdiction is one school (unless a determiner made it many: 各县实验学校).
        if modifier.len() == original.len() && is_jurisdiction_school(modifier) {
            return Some(modifier);
        }
        let ordinal = modifier.starts_with('第');
        if (modifier.chars().count() < shortest && !ordinal) || self.only_kind_words(modifier) {
            return None;
        }
        // "海南省中小学": a province and kinds of school is no school.
        if let Some(at) = modifier.rfind('省') {
            let rest = &modifier[at + '省'.len_utf8()..];
            if rest.is_empty() || self.only_kind_words(rest) {
                return None;
            }
        }
        Some(modifier)
    }

    /// The readable part of a modifier: after the last mask ("**第十三", "xx县高堡乡"
    /// → 高堡乡: a masked place leaves its bare 县/市/区 behind) and after a body
    /// named before the school (教育科学研究院同乐实验 → 同乐实验).
    fn readable<'a>(&self, modifier: &'a str) -> &'a str {
        let mut modifier = modifier;
        if let Some(last) = modifier.rfind(['*', 'x', 'X', '×']) {
            modifier = &modifier[last + 1..];
            // A bare 县 before a name, not the start of a word such as 县城.
            let starts_word = self
                .generic
                .iter()
                .any(|(w, _)| w.chars().count() > 1 && modifier.starts_with(w.as_str()));
            if let Some(rest) = modifier.strip_prefix(['县', '市', '区', '省', '镇', '乡']) {
                if !starts_word {
                    modifier = rest;
                }
            }
        }
        for organization in &self.organizations {
            if let Some(at) = rfind_short(modifier, organization) {
                let rest = &modifier[at + organization.len()..];
                if rest.chars().count() >= 2 {
                    modifier = rest;
                }
            }
        }
        modifier
    }

    /// Whether `modifier` is entirely made of kind words and determiners.
    fn only_kind_words(&self, modifier: &str) -> bool {
        self.kind_words.covers(modifier)
    }

    /// An abbreviated school (五中, 总场一中) at `start..end`, unless it is a
    /// plenum ("十八届五中全会", "三中、四中全会") or part of a longer word.
    fn abbreviated(&self, text: &str, start: usize, end: usize) -> Option<Hit<SchoolRef>> {
        let before = &text[..start];
        if before.ends_with('届') || before.ends_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let after = &text[end..];
        // Not a word with 中 (一中心, 七中全会).
        if !name_ends_here(text, start, end) {
            return None;
        }
        // "四中、五中全会": a list of plenums.
        let list_end = after.trim_start_matches(|c: char| {
            matches!(c, '、' | '和') || "第一二三四五六七八九十中".contains(c)
        });
        if list_end.starts_with("全会") || list_end.starts_with("全体会议") {
            return None;
        }
        let place_start = self.boundaries.name_start(text, start, 4);
        let place = names::strip_masks(&text[place_start..start]);
        // A place ("合肥九中", "总场一中"), or the level word of the plan's own place
        // alone ("区一中", "县二中").
        let own_level = matches!(place, "市" | "县" | "区" | "镇" | "旗");
        let known = self.place_names.contains(place);
        let (name_start, place) = if known
            || place.ends_with(PLACE_ENDINGS) && (place.chars().count() >= 2 || own_level)
        {
            (start - place.len(), place)
        } else {
            (start, "")
        };
        Some(school_hit(
            format!("{place}{}", &text[start..end]),
            name_start..end,
        ))
    }
}

impl Recognise for SchoolRecogniser {
    /// Adds the schools named in `text` (whose lexicon words are `words`) to `found`.
    fn find(&self, text: &str, words: &Occurrences, context: &Context<'_>, found: &mut Found) {
        let mut hits: Vec<Hit<SchoolRef>> = Vec::new();
        for suffix in words.leftmost_longest(List::SchoolSuffix) {
            let (suffix_start, end) = (suffix.range.start, suffix.range.end);
            // "石笋中学等学校": 等 closes a list, it starts no name.
            if text[end..].starts_with(NOT_AFTER_SUFFIX) || text[..suffix_start].ends_with('等') {
                continue;
            }
            // "小学学校": a kind before the suffix is a stage, not a name.
            if STAGES
                .iter()
                .any(|stage| text[..suffix_start].ends_with(stage))
            {
                continue;
            }
            let stage = STAGES.contains(&&text[suffix_start..end])
                && AFTER_STAGE.iter().any(|w| text[end..].starts_with(w));
            if stage {
                continue;
            }
            // "履坦镇、王宅镇、三港乡等4所中心幼儿园": one school of the kind per town.
            let towns = town_schools(
                text,
                suffix_start,
                &text[suffix_start..end],
                &self.boundaries,
            );
            if !towns.is_empty() {
                hits.extend(towns);
                continue;
            }
            let Some(segmented) = Segmented::around(text, suffix_start, end) else {
                continue;
            };
            let start = segmented.name_start(text, suffix_start, self);
            let start = start.max(self.boundaries.name_start(text, suffix_start, MAX_MODIFIER));
            let start = self.with_numbered_ordinal(text, start);
            let modifier = self.readable(&text[start..suffix_start]);
            let shortest = self.shortest.get(suffix.index).copied().unwrap_or(2);
            let Some(modifier) = self.specific(modifier, shortest) else {
                continue;
            };
            let name_start = suffix_start - modifier.len();
            if !self.has_proper_head(text, name_start..suffix_start, end, &segmented) {
                continue;
            }
            let name = format!("{modifier}{}", &text[suffix_start..end]);
            hits.push(school_hit(name, name_start..end));
            // "桃溪镇、新宅镇、武阳幼儿园": towns listed before a school share its kind.
            if text[..name_start].ends_with('、') {
                hits.extend(town_schools(
                    text,
                    name_start,
                    &text[suffix_start..end],
                    &self.boundaries,
                ));
            }
        }
        // Every abbreviation ends with a numeral and 中.
        let abbreviations = words
            .has(List::SchoolAbbreviation)
            .then(|| self.abbreviation.find_iter(text));
        for m in abbreviations.into_iter().flatten() {
            if let Some(hit) = self.abbreviated(text, m.start(), m.end()) {
                hits.push(hit);
            }
        }
        // "考入清华、北大": a university's short form, where it is a whole word.
        for occurrence in words.of(List::SchoolShortName) {
            let Some((short, full)) = self.short_names.get(occurrence.index) else {
                continue;
            };
            // "澳门同济慈善会": a short form inside another body's name.
            if !segment::is_whole_word(text, occurrence.range.clone())
                || !name_ends_here(text, occurrence.range.start, occurrence.range.end)
            {
                continue;
            }
            let mut hit = school_hit(short.clone(), occurrence.range.clone());
            if let Some(full) = full {
                hit.entity.key.clone_from(full);
            }
            hits.push(hit);
        }
        // "清华大学附中实验学校" also ends in 大学 and 附中: keep the longest name.
        let all = hits.clone();
        hits.retain(|h| {
            !all.iter().any(|o| {
                o.range != h.range && o.range.start <= h.range.start && h.range.end <= o.range.end
            })
        });
        hits.sort_by_key(|h| h.range.start);
        for hit in hits {
            // "贯彻落实教育部中小学德育工作指南": a school kind inside a policy's name.
            let in_policy = found
                .policies
                .iter()
                .any(|p| p.range.start < hit.range.end && hit.range.start < p.range.end);
            if in_policy || is_issuer(&hit.entity.name, context) {
                continue;
            }
            found.schools.push(hit);
        }
    }
}

/// Whether a name at `start..end` of `text` ends there: the next character is
/// punctuation or a particle, or a verb starts right after it ("把区一中建设成为…").
fn name_ends_here(text: &str, start: usize, end: usize) -> bool {
    let next = text[end..].chars().next();
    !next.is_some_and(|c| names::is_han(c) && !matches!(c, '的' | '和' | '及' | '与' | '等'))
        || segment::verb_starts_at(text, start, end)
}

/// The words around one school suffix, the suffix aligned with them.
struct Segmented<'a> {
    /// The words of the window, their ranges in the whole text.
    words: Vec<Word<'a>>,
    /// The index of the first word of the name's suffix (the word that holds the
    /// suffix, when a word holds more: 实验学校, 同济大学).
    suffix_word: usize,
}

impl<'a> Segmented<'a> {
    /// The words of the clause before a suffix at `start..end` of `text` (and a
    /// little after it), when the suffix starts and ends where words do or is the
    /// end of a longer word: "扩大学位" (扩大 + 学位) holds no 大学, "中学生" no 中学.
    fn around(text: &'a str, start: usize, end: usize) -> Option<Self> {
        let window_start = text[..start]
            .char_indices()
            .rev()
            .take(MAX_MODIFIER + 6)
            .last()
            .map_or(start, |(i, _)| i);
        let window_end = text[end..]
            .char_indices()
            .nth(4)
            .map_or(text.len(), |(i, _)| end + i);
        let mut words = segment::words(&text[window_start..window_end]);
        for word in &mut words {
            word.range = word.range.start + window_start..word.range.end + window_start;
        }
        let suffix_word = words.iter().position(|w| w.range.contains(&start))?;
        let holder = &words[suffix_word];
        let aligned_start = holder.range.start == start || holder.range.end == end;
        let crosses_end = words
            .iter()
            .any(|w| w.range.start < end && end < w.range.end);
        (aligned_start && !crosses_end).then_some(Self { words, suffix_word })
    }

    /// Where a name ending at `suffix_start` starts: after the last word before it
    /// that cannot be part of a name or that ends a name by the curated lists.
    /// A school's own kind before it ("清华大学附中实验学校": 附中) is part of it.
    fn name_start(&self, text: &str, suffix_start: usize, schools: &SchoolRecogniser) -> usize {
        let mut start = self.words[self.suffix_word].range.start.min(suffix_start);
        for (index, word) in self.words[..self.suffix_word].iter().enumerate().rev() {
            let written = &text[word.range.clone()];
            // 一 or 两 away from the kind is a count ("择定一南竿学校"); other
            // numerals may be part of a name (万祥学校, 五马路小学).
            let count = matches!(written, "一" | "两") && index + 1 < self.suffix_word;
            let material =
                schools.suffixes.contains(written) || schools.place_names.contains(written);
            let ends = (word.ends_a_name(text) || count) && !material;
            if ends || schools.boundaries.is_word(written) {
                break;
            }
            start = word.range.start;
        }
        start
    }
}

impl SchoolRecogniser {
    /// Whether the modifier at `range` (before the suffix) names one school by a
    /// proper head: a place or other proper name the dictionary knows (徐州, 汇文,
    /// 北师大), a common noun that is no kind of school (育才, 石笋), a number
    /// (第三, 四十三), or a name the dictionary does not know, cut into single
    /// characters (秀/州); "优秀家长学校", "做大做强做优学校" have none. A word that
    /// holds the suffix (同济大学, nt) is its own head. `name_end` is where the
    /// suffix ends.
    fn has_proper_head(
        &self,
        text: &str,
        range: Range<usize>,
        name_end: usize,
        segmented: &Segmented<'_>,
    ) -> bool {
        let modifier = &text[range.clone()];
        if is_jurisdiction_school(modifier) || is_town_school(modifier) {
            return true;
        }
        // A word holding the suffix names a school by its own head (同济 of 同济大学),
        // not by a kind (普通 of 普通高中, 国民 of 国民小学).
        let holder = &segmented.words[segmented.suffix_word];
        let holder_head = &text[holder.range.start..range.end.max(holder.range.start)];
        if holder.range.start < range.end
            && holder.is_proper()
            && holder.tag != "j"
            && !self.only_kind_words(holder_head)
        {
            return true;
        }
        let inside: Vec<&Word<'_>> = segmented
            .words
            .iter()
            .filter(|w| range.start <= w.range.start && w.range.end <= range.end)
            .collect();
        // A place followed by collective kinds only is many schools or an honour
        // (镇江市中小学, 镇江市现代化小学).
        let is_place = |w: &&&Word<'_>| {
            let written = &text[w.range.clone()];
            w.tag == "ns"
                || self.place_names.contains(written)
                || (w.chars == 1 && "省市区县州镇乡".contains(written))
        };
        if let Some(place_end) = inside
            .iter()
            .take_while(is_place)
            .last()
            .map(|w| w.range.end)
        {
            let rest = &text[place_end.min(range.end)..name_end];
            let words_of_rest = self.kind_words.words(rest);
            if !rest.is_empty()
                && words_of_rest
                    .as_ref()
                    .is_some_and(|ws| ws.iter().any(|w| self.collective.contains(*w)))
            {
                return false;
            }
        }
        // A run of single characters is a name the dictionary does not know (秀/州,
        // 培/杰), unless a character repeats in it as in a slogan (做大做强做优).
        let unknown_name = |run: &[&str]| {
            run.len() >= 2 && run.iter().enumerate().all(|(i, c)| !run[..i].contains(c))
        };
        let mut single_run: Vec<&str> = Vec::new();
        for word in &inside {
            let written = &text[word.range.clone()];
            if word.chars == 1 {
                single_run.push(written);
                continue;
            }
            if unknown_name(&single_run) {
                return true;
            }
            single_run.clear();
            let kind = self.only_kind_words(written) || is_count(written);
            let named = word.is_proper() || word.is_noun() || self.place_names.contains(written);
            if segment::is_ordinal(written) || (named && !kind) {
                return true;
            }
        }
        unknown_name(&single_run)
    }
}

/// Whether a modifier is a town's or village's name (泥城镇, 大靖镇, 华藏寺村: two
/// characters or more before 镇, 乡 or 村, which the dictionary may cut apart as
/// 泥/城镇).
fn is_town_school(modifier: &str) -> bool {
    let Some(name) = modifier.strip_suffix(['镇', '乡', '村']) else {
        return false;
    };
    name.chars().count() >= 2 && name.chars().all(names::is_han)
}

/// Whether a modifier is a bare jurisdiction and 实验 or 中心 (市实验, 镇中心).
fn is_jurisdiction_school(modifier: &str) -> bool {
    let mut chars = modifier.chars();
    matches!(chars.next(), Some('市' | '县' | '区' | '镇' | '乡'))
        && matches!(chars.as_str(), "实验" | "中心")
}

/// Whether `word` is a count, not a name: a numeral, then a measure word (百所 of
/// "百所学校、万名党员歌唱祖国", which the dictionary takes for a noun).
fn is_count(word: &str) -> bool {
    word.starts_with(|c| "一二两三四五六七八九十百千万".contains(c))
        && word.ends_with(|c| "所个名家批".contains(c))
}

/// The gazetteer file of universities and their short forms.
const UNIVERSITIES_FILE: &str = "universities.tsv";

/// The short forms of universities.tsv, each with its university's full name when
/// no other university has it (交大 is two).
fn university_short_names(
    gazetteer: &Gazetteer,
) -> Result<Vec<(String, Option<String>)>, GazetteerError> {
    let mut owners: Vec<(String, Vec<String>)> = Vec::new();
    for row in gazetteer.rows(UNIVERSITIES_FILE, 1)? {
        let full = row.field(0);
        for short in row
            .field(1)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match owners.iter_mut().find(|(s, _)| s == short) {
                Some((_, fulls)) => fulls.push(full.to_owned()),
                None => owners.push((short.to_owned(), vec![full.to_owned()])),
            }
        }
    }
    Ok(owners
        .into_iter()
        .map(|(short, mut fulls)| {
            let full = (fulls.len() == 1).then(|| fulls.remove(0));
            (short, full)
        })
        .collect())
}

/// A list of towns ending right before byte `end` of a text, each item a town's name
/// (one to three characters and 镇 or 乡, not a kind of place: 乡镇, 各镇), with the
/// count of the list after it ("等4所") and a kind's modifier (中心, 公办); the last
/// item needs no 、 when a count or the kind follows it directly.
static TOWN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"((?:\p{Han}{1,3}[镇乡]、)*)(\p{Han}{1,3}[镇乡](?:等[0-9一二三四五六七八九十两]+所)?|)(公办中心|中心|公办|公立)?$",
    )
});

/// Words ending in 镇 or 乡 that name a kind of place, not a town.
const NOT_TOWNS: [&str; 8] = [
    "乡镇", "城镇", "村镇", "集镇", "各镇", "各乡", "全镇", "全乡",
];

/// The schools of `kind` of the towns listed right before byte `end` of `text`:
/// "履坦镇、王宅镇、三港乡等4所" + 中心幼儿园, or "桃溪镇、新宅镇、" + 武阳幼儿园's
/// 幼儿园. Empty unless two towns at least are listed, or one with a count.
fn town_schools(
    text: &str,
    end: usize,
    kind: &str,
    boundaries: &NameBoundaries,
) -> Vec<Hit<SchoolRef>> {
    let window_start = text[..end]
        .char_indices()
        .rev()
        .take(40)
        .last()
        .map_or(end, |(i, _)| i);
    let window = &text[window_start..end];
    // Most suffixes follow no town: the pattern runs only where 镇 or 乡 is written.
    if !window.contains(['镇', '乡']) {
        return Vec::new();
    }
    let Some(caps) = TOWN_LIST.captures(window) else {
        return Vec::new();
    };
    let (Some(listed), Some(last)) = (caps.get(1), caps.get(2)) else {
        return Vec::new();
    };
    let mut items: Vec<(usize, &str)> = Vec::new();
    let mut at = listed.start();
    for item in listed.as_str().split_terminator('、') {
        items.push((at, item));
        at += item.len() + '、'.len_utf8();
    }
    let kind = format!("{}{kind}", caps.get(3).map_or("", |m| m.as_str()));
    let last_name = last.as_str().split('等').next().unwrap_or("");
    let counted = last.as_str().contains('等');
    if !last_name.is_empty() {
        items.push((last.start(), last_name));
    }
    // A name's first characters may belong to a word before it ("完成了履坦镇"):
    // each town starts where the name read back from its 镇 or 乡 does.
    let towns: Vec<(usize, &str)> = items
        .into_iter()
        .filter_map(|(at, item)| {
            let level = item.chars().next_back()?.len_utf8();
            let level_at = window_start + at + item.len() - level;
            let start = boundaries
                .name_start(text, level_at, 3)
                .max(window_start + at);
            let town = text.get(start..window_start + at + item.len())?;
            Some((start - window_start, town))
        })
        .filter(|(_, item)| item.chars().count() >= 2 && !NOT_TOWNS.contains(item))
        .collect();
    if towns.len() < 2 && !(counted && towns.len() == 1) {
        return Vec::new();
    }
    towns
        .into_iter()
        .map(|(at, town)| {
            let start = window_start + at;
            school_hit(format!("{town}{kind}"), start..start + town.len())
        })
        .collect()
}

/// A school hit; its key is the name without spaces and quotes.
fn school_hit(name: String, range: std::ops::Range<usize>) -> Hit<SchoolRef> {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && !"\"“”".contains(*c))
        .collect();
    Hit {
        range,
        entity: SchoolRef {
            name,
            key,
            evidence: Vec::new(),
        },
    }
}

/// Whether the school is the plan's issuer (a school's own plan does not list it).
fn is_issuer(name: &str, context: &Context<'_>) -> bool {
    context.issuer.is_some_and(|issuer| {
        !issuer.is_empty()
            && (issuer.contains(name) || name.contains(issuer) || abbreviates(name, issuer))
    })
}

/// Whether `name` is the abbreviation of the school `full` ("枣庄二中" of 枣庄市第二中学,
/// "温州一小" of 温州市第一小学): its place starts the full name, its number and kind
/// end it.
fn abbreviates(name: &str, full: &str) -> bool {
    let Some(number_start) = name
        .char_indices()
        .rev()
        .skip(1)
        .take_while(|(_, c)| ABBREVIATION_NUMERALS.contains(c))
        .last()
        .map(|(i, _)| i)
    else {
        return false;
    };
    let (place, short) = name.split_at(number_start);
    names::numbered_school_full(short).is_some_and(|numbered| {
        !place.is_empty() && full.starts_with(place) && full.ends_with(&numbered)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schools_in(text: &str, issuer: Option<&str>) -> Vec<String> {
        let mut lexicon = LexiconBuilder::default();
        let gazetteer = Gazetteer::embedded();
        let places = Places::new(&gazetteer).unwrap();
        let recogniser = SchoolRecogniser::new(&gazetteer, &places, &mut lexicon).unwrap();
        let words = lexicon.build().unwrap().scan(text);
        let mut found = Found::default();
        let context = Context {
            issuer,
            ..Context::default()
        };
        recogniser.find(text, &words, &context, &mut found);
        found.schools.into_iter().map(|h| h.entity.name).collect()
    }

    fn schools(text: &str) -> Vec<String> {
        schools_in(text, None)
    }

    #[test]
    fn named_schools_are_found() {
        assert_eq!(schools("市区重点推进秀州中学建设"), ["秀州中学"]);
        assert_eq!(
            schools("支持连云港职业技术学院发展"),
            ["连云港职业技术学院"]
        );
        assert_eq!(schools("加强与华师大合作"), ["华师大"]);
        assert_eq!(
            schools("努力引进清华大学附中实验学校"),
            ["清华大学附中实验学校"]
        );
        assert_eq!(
            schools("新建芦潮港镇秋萍学校和泥城镇幼儿园"),
            ["芦潮港镇秋萍学校", "泥城镇幼儿园"]
        );
    }

    #[test]
    fn masked_and_abbreviated_names() {
        assert_eq!(
            schools("学校--**第十三中学,以缓解五中、**中及总场一中的办学压力"),
            ["第十三中学", "五中", "总场一中"]
        );
        assert!(schools("新建xx中学").is_empty());
        assert_eq!(schools("支持第13中学建设"), ["第13中学"]);
        assert!(schools("新建3所学校,办好家长学校").is_empty());
        assert_eq!(
            schools("支持市实验小学发展,办好各县实验学校"),
            ["市实验小学"]
        );
    }

    #[test]
    fn an_abbreviation_with_its_level_word_before_a_verb() {
        // Pool: a district's report ("把区一中建设成为全区普通高中…").
        assert_eq!(
            schools("把区一中建设成为全区普通高中“第四大校”,把区二中打造成为特色学校"),
            ["区一中", "区二中"]
        );
        assert!(schools("建设第一中心小区").is_empty());
        assert!(schools("十八届三中、四中全会").is_empty());
    }

    #[test]
    fn towns_listed_before_a_kind_share_it() {
        // Pool: a county's summary of 2016.
        assert_eq!(
            schools("完成了履坦镇、王宅镇、茭道镇、三港乡等4所中心幼儿园迁建新建工程"),
            [
                "履坦镇中心幼儿园",
                "王宅镇中心幼儿园",
                "茭道镇中心幼儿园",
                "三港乡中心幼儿园"
            ]
        );
        let found = schools("对桃溪镇、新宅镇、桐琴镇、武阳幼儿园和明招幼儿园进行了改造");
        for name in ["桃溪镇幼儿园", "新宅镇幼儿园", "桐琴镇幼儿园", "武阳幼儿园"]
        {
            assert!(found.iter().any(|f| f == name), "{name}: {found:?}");
        }
        assert!(schools("各乡镇、城镇中心幼儿园").is_empty());
    }

    #[test]
    fn universities_by_their_short_forms() {
        // Pool: a city bureau's summary of 2020.
        assert_eq!(
            schools("学生考入清华、北大、复旦、交大等名校"),
            ["清华", "北大", "复旦", "交大"]
        );
        assert!(schools("弘扬北大荒精神").is_empty());
        assert!(schools("推进澳门同济慈善会起点工程").is_empty());
        // A place's short name before a numbered abbreviation (a city's news of 2020).
        assert_eq!(
            schools("合肥市教育局、新区社会事业局、合肥九中、合肥工业学校"),
            ["合肥九中", "合肥工业学校"]
        );
    }

    #[test]
    fn a_count_before_a_kind_is_no_school() {
        // A district's summary of 2019: a count inside a campaign's name.
        assert!(schools("组织开展“百所学校、万名党员歌唱祖国”活动").is_empty());
    }

    #[test]
    fn generic_kinds_are_not_schools() {
        assert!(schools("加强中小学管理").is_empty());
        assert!(schools("加大对薄弱学校、农村学校的支持").is_empty());
        assert!(schools("办好示范性高中和公办幼儿园,规范民办学校").is_empty());
        assert!(schools("全市所有中学和各类高职院校").is_empty());
        assert!(schools("贯彻十八届四中、五中全会精神").is_empty());
        assert!(schools("开展全市教育系统大学习大调研").is_empty());
    }

    /// Sentences of real plans of the pool (copied whole): what is a school and
    /// what only looks like one.
    #[test]
    fn schools_of_real_plans_need_a_proper_head() {
        // Verbs, adverbs, counts and pronouns are no part of a name.
        assert!(schools("二是多方扩大学位供给").is_empty());
        assert!(schools("2011年,时逢祖国华诞,影响学校发展的一些主要问题").is_empty());
        assert!(schools("做大做强做优学校文化建设,").is_empty());
        // Honours, programmes and collective kinds, with or without a place.
        assert!(schools("创建绿色学校、文明学校和平安校园").is_empty());
        assert!(schools("评选德育工作先进学校,创建优质特色品牌学校").is_empty());
        assert!(schools("镇江市中小学、镇江市优质幼儿园和镇江市现代化小学").is_empty());
        assert!(schools("加快大足区中小学幼儿园建设").is_empty());
        assert!(schools("内涵发展普通高中教育").is_empty());
        // Real schools: a place, a proper name, a number, a name the dictionary
        // does not know.
        assert_eq!(
            schools("加快建成龙东小学、经开区四方小学,完成中敖中学扩建工程,实施大足中学食堂改造"),
            ["龙东小学", "中敖中学", "大足中学"]
        );
        assert_eq!(
            schools("南开区今年将完成五马路小学、四十三中学、少年宫扩建工程"),
            ["五马路小学", "四十三中学"]
        );
        assert_eq!(
            schools("积极探索和推广嘉兴教育学院教育实验"),
            ["嘉兴教育学院"]
        );
        assert_eq!(schools("支持徐州特殊教育学校发展"), ["徐州特殊教育学校"]);
    }

    #[test]
    fn the_issuing_schools_abbreviation_is_not_listed() {
        // Pool: 枣庄市第二中学's own plan, its page titled "枣庄二中2022-2023学年…".
        assert!(schools_in(
            "【统计规划】枣庄二中2022-2023学年度学校工作计划",
            Some("枣庄市第二中学")
        )
        .is_empty());
        assert_eq!(
            schools_in("与枣庄三中开展联合教研", Some("枣庄市第二中学")),
            ["枣庄三中"]
        );
    }

    #[test]
    fn the_issuing_school_is_not_listed() {
        assert!(schools_in("开原市城东镇中学工作计划", Some("开原市城东镇中学")).is_empty());
    }
}
