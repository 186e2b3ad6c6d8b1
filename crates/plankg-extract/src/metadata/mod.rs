//! Document metadata: title, year (stated or inferred), issuer, region and issue date
//! of one plan, read from its title lines, the notice that may wrap it, its opening
//! and its body (ANNOTATION.md, "Document fields").

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::patterns::static_regex;

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::lines::{clean_title, is_title_line, Line};

mod title;

use title::find_title;

/// The gazetteer file of place names.
const PLACES: &str = "places.tsv";
/// The gazetteer file of short place names that are ordinary words.
const PLACE_STOPWORDS: &str = "place_short_stopwords.txt";
/// The gazetteer file of party congress and plenum years.
const MEETING_YEARS: &str = "meeting_years.tsv";

/// How much of the opening (characters, whitespace removed) states the plan's year.
const OPENING_CHARS: usize = 400;

/// What is known about a plan besides its structure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    /// The title without decorations, and where it is.
    pub(crate) title: Option<(String, Range<usize>)>,
    /// The plan year.
    pub(crate) year: Option<i32>,
    /// Whether the year was inferred.
    pub(crate) year_inferred: bool,
    /// The issuing body as written.
    pub(crate) issuer: Option<String>,
    /// The jurisdiction as written.
    pub(crate) region: Option<String>,
    /// The issue date as written.
    pub(crate) issued: Option<String>,
}

/// Administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Province,
    City,
    District,
}

/// A place name of the gazetteer: full or short form.
#[derive(Debug, Clone)]
struct Place {
    level: Level,
    /// Whether this is the short form (连云港 for 连云港市).
    short: bool,
}

/// Reads metadata; built once from the gazetteer.
#[derive(Debug)]
pub(crate) struct MetadataReader {
    places: AhoCorasick,
    place_info: Vec<Place>,
    full_names: HashSet<String>,
    meetings: HashMap<String, i32>,
}

/// Bodies that issue plans: bureaus, committees, schools.
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?:中共)?[^\s\d年度,，、:：《》()（）]{0,16}?(?:教育\p{Han}{0,4}?(?:局|厅)|教育工作委员会|教育委员会|教体局|教委|教育工委|教育部|教育系统|教育部门|中学|小学|学校|幼儿园|学院|大学)(?:委员会|委|党委)?",
    )
});

/// A bureau named with its level or place (市教育局, 廊坊市教育局): the only kind
/// taken from the body of a plan whose title names no issuer.
static BODY_ISSUER: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"[省市区县州旗](?:教育\p{Han}{0,4}?(?:局|厅)|教体局|教委)"));

/// "X关于印发…的通知": X issues the plan the notice wraps.
static NOTICE: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^(.{2,40}?)(?:关于)?印发.{0,60}通知"));

/// A date line under a signature: 2021年3月24日, 二○一二年一月二十日.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$",
    )
});

/// A publication-date field of a page header (发文日期: 2022-02-14).
static DATE_FIELD: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?:发文日期|成文日期)\s*[:：]\s*(\d{4}-\d{1,2}-\d{1,2})"));

/// The opening sentence stating the year's task: "2020年,全市教育工作的总体要求是";
/// failing that, the year's work conference ("召开2019年度全市教育工作会议").
static OPENING_YEAR: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [
        static_regex(
            r"((?:19|20)\d{2})年度?[^。；;\d]{0,20}?(?:总体要求|总体思路|指导思想|主要目标|工作思路)",
        ),
        static_regex(r"((?:19|20)\d{2})年度?[^。；;\d]{0,8}?工作会议"),
    ]
});

/// A four-digit year.
pub(super) static YEAR: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?:19|20)\d{2}"));

/// A school year: 2025-2026学年 (first or second term).
static SCHOOL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"((?:19|20)[\d*xX]{2})\s*[-—–~至]\s*((?:19|20)\d{2})\s*学年度?(.{0,4})")
});

/// A two-digit year with a leading zero ("做好06年招生"): 200x.
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?:^|[^\d.])0(\d)年"));

/// Party congresses and plenums as cited: 十八大, 十八届四中、五中全会.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(二十|十[一二三四五六七八九]?)(?:大|届((?:[一二三四五六七]中[、和及与,，]?)+)全会)",
    )
});

impl MetadataReader {
    /// Builds the reader from places.tsv, place_short_stopwords.txt and
    /// meeting_years.tsv.
    ///
    /// # Errors
    /// [`GazetteerError`] when a file is missing or a row malformed.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut names = Vec::new();
        let mut place_info = Vec::new();
        let mut full_names = HashSet::new();
        let stopwords: HashSet<&str> = gazetteer.list(PLACE_STOPWORDS)?.into_iter().collect();
        for row in gazetteer.rows(PLACES, 3)? {
            let level = match row.field(2) {
                "province" => Level::Province,
                "city" => Level::City,
                _ => Level::District,
            };
            let full = row.field(0);
            // Generic two-character names (城区, 郊区) would match ordinary words.
            if full.chars().count() < 3 {
                continue;
            }
            names.push(full.to_owned());
            full_names.insert(full.to_owned());
            place_info.push(Place {
                level,
                short: false,
            });
            let short = row.field(1);
            // A short form ending in a function word ("平和" of "公平和教育") is read
            // inside ordinary phrases.
            if short != full
                && short.chars().count() >= 2
                && !stopwords.contains(short)
                && !short.ends_with(['和', '与', '及', '的', '是', '在', '为', '对'])
            {
                names.push(short.to_owned());
                place_info.push(Place { level, short: true });
            }
        }
        let places = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .map_err(|err| GazetteerError::Row {
                file: PLACES.to_owned(),
                line: 0,
                message: err.to_string(),
            })?;
        let mut meetings = HashMap::new();
        for row in gazetteer.rows(MEETING_YEARS, 2)? {
            let year = row.field(1).parse().map_err(|_| GazetteerError::Row {
                file: MEETING_YEARS.to_owned(),
                line: row.line,
                message: "the year is not a number".to_owned(),
            })?;
            meetings.insert(row.field(0).to_owned(), year);
        }
        Ok(Self {
            places,
            place_info,
            full_names,
            meetings,
        })
    }

    /// The metadata of the plan in `lines` (all lines of its segment, chrome
    /// included); `first_copy` holds the lines of an earlier, shorter copy.
    pub(crate) fn read(&self, text: &str, lines: &[Line], first_copy: &[Line]) -> Metadata {
        let content: Vec<&Line> = lines.iter().filter(|l| !l.chrome).collect();
        let title = find_title(text, first_copy)
            .or_else(|| find_title(text, lines))
            .map(|(t, r)| (clean_title(&t), r));
        let title_text = title.as_ref().map(|(t, _)| t.as_str()).unwrap_or("");
        let titles: Vec<String> = lines
            .iter()
            .chain(first_copy)
            .filter(|l| is_title_line(&text[l.range.clone()]))
            .map(|l| clean_title(&text[l.range.clone()]))
            .collect();
        let body: String = content
            .iter()
            .map(|l| &text[l.range.clone()])
            .collect::<Vec<_>>()
            .join("\n");
        let opening: String = body
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(OPENING_CHARS)
            .collect();
        let (year, year_inferred) = match stated_year(&opening, title_text, &titles) {
            Some(year) => (Some(year), false),
            None => match self.inferred_year(&body) {
                Some(year) => (Some(year), true),
                None => (None, false),
            },
        };
        let (signature, issued) = signature(text, lines);
        let issuer = title_issuer(title_text)
            .filter(|i| !is_generic(i))
            .or_else(|| notice_issuer(text, lines))
            .or(signature)
            .or_else(|| self.body_issuer(&body))
            .or_else(|| title_issuer(title_text));
        let issued = issued.or_else(|| {
            lines.iter().find_map(|l| {
                let line = &text[l.range.clone()];
                DATE_FIELD.captures(line).map(|c| c[1].to_owned())
            })
        });
        let region = self.region(issuer.as_deref(), title_text, &body);
        Metadata {
            title,
            year,
            year_inferred,
            issuer,
            region,
            issued,
        }
    }

    /// A bureau named with its level in the body ("市教育局教育质量评估监测中心"), not
    /// as a superior ("在教育局的领导下"); with its place when the place is written
    /// before it (廊坊市教育局, 上海市普陀区教育局).
    fn body_issuer(&self, body: &str) -> Option<String> {
        let re = &*BODY_ISSUER;
        // The bureau named most often (a superior is named less often than the plan's
        // owner); the first of equals.
        let mentions: Vec<regex::Match<'_>> = re
            .find_iter(body)
            .filter(|m| {
                let after: String = body[m.end()..].chars().take(8).collect();
                !after.contains("领导")
            })
            .collect();
        let count =
            |m: &regex::Match<'_>| mentions.iter().filter(|o| o.as_str() == m.as_str()).count();
        let found = *mentions.iter().rev().max_by_key(|m| count(m))?;
        let mut start = found.start();
        let level = &body[start..start + found.as_str().chars().next()?.len_utf8()];
        // Positions up to eight characters back, farthest first.
        let back = |start: usize| -> Vec<usize> {
            let mut at: Vec<usize> = body[..start]
                .char_indices()
                .rev()
                .take(8)
                .map(|(i, _)| i)
                .collect();
            at.reverse();
            at
        };
        // The bureau's own place ("廊坊" + "市"), then an enclosing one ("上海市").
        let own = back(start).into_iter().find(|&at| {
            self.full_names
                .contains(&format!("{}{level}", &body[at..start]))
        });
        if let Some(at) = own {
            start = at;
            if let Some(outer) = back(start)
                .into_iter()
                .find(|&at| self.full_names.contains(&body[at..start]))
            {
                start = outer;
            }
        }
        Some(body[start..found.end()].to_owned())
    }

    /// The year after the latest party meeting the text cites, or a "06年" year.
    fn inferred_year(&self, body: &str) -> Option<i32> {
        let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        {
            let re = &*SHORT_YEAR;
            let years: Vec<i32> = re
                .captures_iter(&compact)
                .filter_map(|c| c[1].parse::<i32>().ok())
                .map(|y| 2000 + y)
                .collect();
            if let Some(year) = years.iter().max() {
                return Some(*year);
            }
        }
        let re = &*MEETING;
        let mut latest: Option<i32> = None;
        for caps in re.captures_iter(&compact) {
            let congress = &caps[1];
            let names: Vec<String> = match caps.get(2) {
                None => vec![format!("{congress}大")],
                Some(sessions) => sessions
                    .as_str()
                    .split(|c: char| !"一二三四五六七".contains(c) && c != '中')
                    .filter_map(|s| s.strip_suffix('中'))
                    .map(|n| format!("{congress}届{n}中全会"))
                    .collect(),
            };
            for name in names {
                if let Some(year) = self.meetings.get(&name) {
                    latest = Some(latest.map_or(*year, |l: i32| l.max(*year)));
                }
            }
        }
        latest.map(|y| y + 1)
    }

    /// Places named in `text`: (surface form, level, byte offset), short forms only
    /// where `accept_short` allows them.
    fn places_in<'a>(
        &self,
        text: &'a str,
        accept_short: impl Fn(&str, usize) -> bool,
    ) -> Vec<(&'a str, Level, usize)> {
        self.places
            .find_iter(text)
            .filter_map(|m| {
                let info = self.place_info.get(m.pattern().as_usize())?;
                let surface = &text[m.range()];
                (!info.short || accept_short(text, m.end())).then_some((
                    surface,
                    info.level,
                    m.start(),
                ))
            })
            .collect()
    }

    /// The jurisdiction: named in the issuer, else in the title, else a place whose
    /// education the body speaks of ("连云港教育"), else the body's place of the
    /// issuer's own level (a 市 for a 市教育局).
    fn region(&self, issuer: Option<&str>, title: &str, body: &str) -> Option<String> {
        if issuer.is_some_and(|i| i.contains("教育部")) {
            return None;
        }
        let most_specific = |found: Vec<(&str, Level, usize)>| {
            found
                .into_iter()
                .max_by_key(|(_, level, start)| (*level, usize::MAX - start))
                .map(|(s, _, _)| s.to_owned())
        };
        if let Some(issuer) = issuer {
            if let Some(place) = most_specific(self.places_in(issuer, |_, _| false)) {
                return Some(place);
            }
        }
        let title_head = title
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or("");
        if let Some(place) = most_specific(self.places_in(title_head, |_, _| true)) {
            return Some(place);
        }
        let education = |text: &str, end: usize| text[end..].starts_with("教育");
        // (mentions, first mention) per place: ties go to the longer name, then to
        // the place named first, so the answer never depends on hash order.
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        fn count<'t>(counts: &mut HashMap<&'t str, (usize, usize)>, surface: &'t str, at: usize) {
            let entry = counts.entry(surface).or_insert((0, at));
            entry.0 += 1;
            entry.1 = entry.1.min(at);
        }
        for (surface, _, start) in self.places_in(body, education) {
            if body[start + surface.len()..].starts_with("教育") {
                count(&mut counts, surface, start);
            }
        }
        if counts.is_empty() {
            let scope = issuer.and_then(scope_suffix)?;
            for (surface, _, start) in self.places_in(body, |_, _| false) {
                if surface.ends_with(scope) {
                    count(&mut counts, surface, start);
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|(name, (count, first))| (*count, name.len(), usize::MAX - first))
            .map(|(name, _)| name.to_owned())
    }
}

/// The level word an issuer carries (市 of 市教育局).
fn scope_suffix(issuer: &str) -> Option<&'static str> {
    ["省", "市", "区", "县"]
        .into_iter()
        .find(|s| issuer.starts_with(s))
}

/// Issuers that name no body ("教育系统"), or only a kind of school ("中学").
fn is_generic(issuer: &str) -> bool {
    matches!(issuer, "教育系统" | "教育部门")
}

/// The plan year stated in the opening's "YYYY年…总体要求", else in the title (the
/// last year of a "2021年总结及2022年计划" title; the term's year of a school year),
/// else in another title line of the page.
fn stated_year(opening: &str, title: &str, titles: &[String]) -> Option<i32> {
    let [requirements, conference] = &*OPENING_YEAR;
    if let Some(caps) = requirements.captures(opening) {
        return caps[1].parse().ok();
    }
    std::iter::once(title)
        .chain(titles.iter().map(String::as_str))
        .find_map(title_year)
        .or_else(|| conference.captures(opening)?[1].parse().ok())
}

/// The plan year a title states.
fn title_year(title: &str) -> Option<i32> {
    let compact: String = with_arabic_years(title)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if let Some(caps) = SCHOOL_YEAR.captures(&compact) {
        let second_term = caps[3].contains("第二") || caps[3].contains('下');
        let first: Option<i32> = caps[1].parse().ok();
        let second: Option<i32> = caps[2].parse().ok();
        return if second_term {
            second
        } else {
            first.or(second)
        };
    }
    YEAR.find_iter(&compact).last()?.as_str().parse().ok()
}

/// The text with years written in Chinese numerals ("一九五七年", "二〇〇三年") in
/// Arabic digits, so the year patterns read them.
pub(super) fn with_arabic_years(text: &str) -> Cow<'_, str> {
    static CHINESE_YEAR: LazyLock<Regex> =
        LazyLock::new(|| static_regex(r"[一二][〇零○OＯ0一二三四五六七八九]{3}年"));
    CHINESE_YEAR.replace_all(text, |caps: &regex::Captures<'_>| {
        caps[0]
            .chars()
            .map(|c| match c {
                '一' => '1',
                '二' => '2',
                '三' => '3',
                '四' => '4',
                '五' => '5',
                '六' => '6',
                '七' => '7',
                '八' => '8',
                '九' => '9',
                '年' => '年',
                _ => '0',
            })
            .collect::<String>()
    })
}

/// The bodies named in a title before its year, or between its year and the kind of
/// plan ("2021年区教育局工作要点"), joined by a space.
pub(super) fn title_issuer(title: &str) -> Option<String> {
    let re = &*ISSUER;
    let compact = title.trim();
    let year_at = YEAR.find(compact);
    let mut parts = Vec::new();
    match year_at {
        Some(year) => {
            parts.push(&compact[..year.start()]);
            let after = compact[year.end()..].trim_start_matches(['年', '度']);
            if is_title_line(after) || after.ends_with("实事") {
                parts.push(after);
            }
        }
        None => parts.push(compact),
    }
    let bodies: Vec<String> = parts
        .iter()
        .flat_map(|part| re.find_iter(part).map(|m| m.as_str().trim().to_owned()))
        .filter(|b| is_named_body(b))
        .collect();
    (!bodies.is_empty()).then(|| bodies.join(" "))
}

/// A body with a name, not a bare kind ("中学", "第二学期学校").
fn is_named_body(body: &str) -> bool {
    let school = ["中学", "小学", "学校", "幼儿园", "学院", "大学"];
    if let Some(kind) = school.iter().find(|k| body.ends_with(*k)) {
        let name = &body[..body.len() - kind.len()];
        return name.contains(['市', '县', '区', '镇', '乡', '村']) && !name.contains("学期");
    }
    !body.starts_with(['年', '度']) && body.chars().count() >= 2
}

/// The body that issues a wrapping notice ("福建省教育厅关于印发…的通知").
fn notice_issuer(text: &str, lines: &[Line]) -> Option<String> {
    let re = &*NOTICE;
    lines.iter().take(30).find_map(|l| {
        let line = &text[l.range.clone()];
        let caps = re.captures(line)?;
        let who = caps[1].trim().trim_end_matches("关于");
        // A document number before the body ("温教发〔2009〕1号温州市教育局…") is
        // no part of its name.
        let who = DOCUMENT_NUMBER
            .find(who)
            .map_or(who, |number| &who[number.end()..]);
        ISSUER
            .find(who)
            .filter(|m| m.end() == who.len())
            .map(|m| m.as_str().trim().to_owned())
    })
}

/// A document number, with whatever precedes it on its line: "1、温教发〔2009〕1号".
static DOCUMENT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^.*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*号"));

/// A signature: a line naming a body, followed by a date line; gives the issuer and
/// the issue date.
fn signature(text: &str, lines: &[Line]) -> (Option<String>, Option<String>) {
    let date_re = &*DATE_LINE;
    for (index, line) in lines.iter().enumerate() {
        let date = text[line.range.clone()].trim();
        if !date_re.is_match(date) {
            continue;
        }
        let who = index
            .checked_sub(1)
            .map(|i| text[lines[i].range.clone()].trim())
            .filter(|w| w.chars().count() <= 40)
            .and_then(|w| {
                let found: Vec<&str> = ISSUER.find_iter(w).map(|m| m.as_str()).collect();
                (!found.is_empty()).then(|| found.join(" "))
            });
        return (who, Some(date.to_owned()));
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_static_pattern_compiles() {
        for re in [
            &*ISSUER,
            &*BODY_ISSUER,
            &*NOTICE,
            &*DATE_LINE,
            &*DATE_FIELD,
            &*YEAR,
            &*SCHOOL_YEAR,
            &*SHORT_YEAR,
            &*MEETING,
            &*DOCUMENT_NUMBER,
        ] {
            assert!(!re.as_str().is_empty());
        }
        assert_eq!(OPENING_YEAR.len(), 2);
        assert_eq!(with_arabic_years("一九五七年"), "1957年");
    }

    #[test]
    fn a_tie_between_places_goes_to_the_first_named() {
        let reader = MetadataReader::new(&Gazetteer::embedded()).unwrap();
        // Two districts named as often, with names as long: the first named wins,
        // in every process (a hash map's order once decided it).
        let body = "普陀区教育局与文登区教育局结对。文登区教育局、普陀区教育局共建。";
        for _ in 0..8 {
            assert_eq!(
                reader.region(Some("区教育局"), "", body).as_deref(),
                Some("普陀区")
            );
        }
        let swapped = "文登区教育局与普陀区教育局结对。普陀区教育局、文登区教育局共建。";
        assert_eq!(
            reader.region(Some("区教育局"), "", swapped).as_deref(),
            Some("文登区")
        );
    }

    #[test]
    fn title_years() {
        assert_eq!(
            title_year("县教育局2017年目标完成情况及2018年工作计划"),
            Some(2018)
        );
        assert_eq!(title_year("2025-2026学年度上学期工作计划"), Some(2025));
        assert_eq!(
            title_year("中学201*—2019学年第二学期学校工作计划"),
            Some(2019)
        );
        assert_eq!(title_year("2020度市教育局工作计划"), Some(2020));
        assert_eq!(title_year("一九五七年政府工作报告"), Some(1957));
        assert_eq!(title_year("二〇〇三年政府工作报告"), Some(2003));
    }

    #[test]
    fn a_notice_issuer_is_the_body_not_its_document_number() {
        let text = "1、温教发〔2009〕1号温州市教育局关于印发2009年工作要点的通知";
        let lines = crate::lines::lines_of(text);
        assert_eq!(notice_issuer(text, &lines).as_deref(), Some("温州市教育局"));
        let text = "福建省教育厅关于印发2019年工作要点的通知";
        let lines = crate::lines::lines_of(text);
        assert_eq!(notice_issuer(text, &lines).as_deref(), Some("福建省教育厅"));
    }

    #[test]
    fn title_issuers() {
        assert_eq!(
            title_issuer("2020度市教育局工作计划").as_deref(),
            Some("市教育局")
        );
        assert_eq!(
            title_issuer("嘉兴市委教育工委 市教育局 2018年工作要点").as_deref(),
            Some("嘉兴市委教育工委 市教育局")
        );
        assert_eq!(
            title_issuer("2021年区教育局工作要点").as_deref(),
            Some("区教育局")
        );
        assert_eq!(
            title_issuer("某县教育科技局2019年工作要点").as_deref(),
            Some("某县教育科技局")
        );
        assert_eq!(
            title_issuer("中共某市委教育工作委员会2019年工作要点").as_deref(),
            Some("中共某市委教育工作委员会")
        );
        assert_eq!(title_issuer("昆山市2017年教育工作意见"), None);
        assert_eq!(title_issuer("中学201*—2019学年第二学期学校工作计划"), None);
        assert_eq!(title_issuer("武威2021年新建哪些学校?"), None);
    }

    #[test]
    fn opening_states_the_year() {
        assert_eq!(
            stated_year(
                "教育局2021年工作要点范文2020年是决胜之年。2020年,全市教育工作的总体要求是",
                "教育局2021年工作要点",
                &[]
            ),
            Some(2020)
        );
    }

    #[test]
    fn years_are_inferred_from_meetings() {
        let reader = MetadataReader::new(&Gazetteer::embedded()).unwrap();
        assert_eq!(
            reader.inferred_year("以党的十八届四中、五中全会精神为指针"),
            Some(2016)
        );
        assert_eq!(
            reader.inferred_year("坚持以党的十八大精神为指导"),
            Some(2013)
        );
        assert_eq!(
            reader.inferred_year("做好06年小学、初中的招生考试工作"),
            Some(2006)
        );
        assert_eq!(reader.inferred_year("全面贯彻党的教育方针"), None);
    }
}
