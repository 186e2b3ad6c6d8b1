//! The bodies that issue a plan (ANNOTATION.md, `issuer`): read from its title, the
//! notice that wraps it, its signature or its body, each trimmed to its name and
//! given one identity whatever its spelling (issuer_heads.tsv): its canonical full
//! name in its place, restored from the plan's jurisdiction.

use std::sync::LazyLock;

use plankg_model::{Issuer, IssuerKind, Place, PolicyLevel};
use regex::Regex;

use super::region::RegionReader;
use super::year::YEAR;
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::lines::{is_title_line, Line};
use crate::patterns::static_regex;
use crate::recognise::{
    numbered_school_full, sentence_around, Cover, NameBoundaries, BOUNDARIES_FILE,
    SCHOOL_GENERIC_FILE, VERBS_FILE,
};

/// The gazetteer file of the heads of issuing bodies.
pub(crate) const HEADS: &str = "issuer_heads.tsv";

/// The kinds of school that issue their own plans.
const SCHOOL_HEADS: [&str; 6] = ["中学", "小学", "学校", "幼儿园", "学院", "大学"];

/// Characters a site puts in place of a name ("某县", "XX市", "**区").
const MASKS: [char; 5] = ['某', 'X', 'x', '*', '×'];

/// Level words written before a body's head (省教育厅, 自治区党委教育工委), longest
/// first.
const LEVEL_WORDS: [&str; 11] = [
    "自治区",
    "自治州",
    "兵团",
    "省",
    "市",
    "区",
    "县",
    "州",
    "旗",
    "盟",
    "镇",
];

/// Words after a bureau named in a plan's body that make it the plan's superior.
const SUPERIOR_AFTER: [&str; 2] = ["领导", "确定"];

/// Words before a bureau named in a plan's body that make it the plan's superior.
const SUPERIOR_BEFORE: [&str; 5] = ["根据", "按照", "依据", "遵照", "上级"];

/// How many characters a school issuer's name may have before its kind.
const SCHOOL_NAME_CHARS: usize = 16;

/// "X关于印发…的通知": X issues the plan the notice wraps.
static NOTICE: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^(.{2,40}?)(?:关于)?印发.{0,60}通知"));

/// A page header's field naming who publishes the page ("发布机构: 县教育局",
/// "发文单位: 咸宁市教育局", "来源: 沈阳市教育局"): the issuer when its value is a
/// body and nothing else (not "来源: 合肥招生信息网", "来源: 教育局办公室").
static PUBLISHER_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?:发布机构|发文机关|发文单位|发布单位|信息来源|文章来源|来源)\s*[:：]\s*\|?\s*([^\s|:：]{2,30})",
    )
});

/// A plan a news item's first sentence reports ("近日,学校印发《武汉科技大学2020年党
/// 政工作要点…》"): the body its title names issues it.
static REPORTED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^[^。]*?(?:印发|发布|出台|公布)了?《([^《》]{4,60})》"));

/// Kinds of plan a reported title names.
const REPORTED_KINDS: [&str; 5] = ["工作要点", "工作计划", "工作安排", "工作意见", "工作任务"];

/// A date line under a signature: 2021年3月24日, 二○一二年一月二十日.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$",
    )
});

/// A document number, with whatever precedes it on its line: "1、温教发〔2009〕1号".
pub(super) static DOCUMENT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^.*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*号"));

/// A department of a body named right after it in a title, before the kind of plan
/// or its year ("基础教育科工作…", "办公室2022年…"), or ending the body's name.
static DEPARTMENT: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^(\p{Han}{1,8}?(?:科|处|股|办公室|室))(?:工作|\d|年|$)"));

/// The pattern of a numbered short school's end, in the body pattern (with 学 or
/// 学校 after it, the numeral of a full name: 第二中学).
const NUMBERED_SCHOOL_HEAD: &str = "[一二三四五六七八九十]{1,3}[中小](?:学校|学)?";

/// Whose place a body takes when its name gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadLevel {
    /// The plan's province (教育厅).
    Province,
    /// The plan's own region (教育局).
    Region,
    /// None: a national body.
    National,
}

/// One row of issuer_heads.tsv.
#[derive(Debug, Clone)]
struct Head {
    written: String,
    canonical: String,
    kind: IssuerKind,
    level: HeadLevel,
    /// Whether the head belongs to the place's party committee (省委教育工委).
    committee: bool,
}

/// A body's name split at its head.
#[derive(Debug, Clone, Copy)]
struct Parts<'a> {
    /// What precedes the place: "中共" or nothing.
    party: bool,
    /// Place and level words before the head (and before a committee's 委):
    /// "浙江省", "省", "上海市普陀区".
    prefix: &'a str,
}

/// Reads issuers; built once from the gazetteer.
#[derive(Debug)]
pub(super) struct IssuerReader {
    /// Longest written head first.
    heads: Vec<Head>,
    /// A body: optional 中共, name material, a head.
    body: Regex,
    /// Kind words and determiners of schools (school_generic.tsv): a school named
    /// only by them (中职学校, 师范学院) is a kind of school.
    school_kinds: Cover,
    /// A government body named with its level word (市教育局): the only kind taken
    /// from the body of a plan whose title names no issuer.
    leveled: Regex,
    boundaries: NameBoundaries,
}

impl IssuerReader {
    /// Reads issuer_heads.tsv, school_generic.tsv, name_boundaries.txt and
    /// name_verbs.txt.
    ///
    /// # Errors
    /// [`GazetteerError`] when a file is missing or a row malformed.
    pub(super) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut heads = Vec::new();
        for row in gazetteer.rows(HEADS, 4)? {
            let bad = |message: String| row.error(HEADS, message);
            let (kind, level) = match (row.field(2), row.field(3)) {
                ("national", _) => (IssuerKind::Administration, HeadLevel::National),
                (kind, level) => (
                    IssuerKind::from_name(kind)
                        .ok_or_else(|| bad(format!("unknown kind {kind:?}")))?,
                    match level {
                        "province" => HeadLevel::Province,
                        "region" => HeadLevel::Region,
                        other => return Err(bad(format!("unknown level {other:?}"))),
                    },
                ),
            };
            heads.push(Head {
                written: row.field(0).to_owned(),
                canonical: row.field(1).to_owned(),
                kind,
                level,
                committee: row.field(4) == "committee",
            });
        }
        heads.sort_by_key(|h| std::cmp::Reverse(h.written.chars().count()));
        let alternatives: Vec<String> = heads
            .iter()
            .map(|h| regex::escape(&h.written))
            .chain(SCHOOL_HEADS.iter().map(|h| (*h).to_owned()))
            .chain(std::iter::once(NUMBERED_SCHOOL_HEAD.to_owned()))
            .collect();
        let compile = |pattern: String| {
            Regex::new(&pattern).map_err(|err| GazetteerError::uncompiled(HEADS, err))
        };
        let body = compile(format!(
            r"(?:中共)?[^\s\d年度,，、:：;；《》()（）“”]{{0,16}}?(?:{})",
            alternatives.join("|")
        ))?;
        let administrations: Vec<String> = heads
            .iter()
            .filter(|h| h.kind == IssuerKind::Administration && h.level != HeadLevel::National)
            .map(|h| regex::escape(&h.written))
            .collect();
        let leveled = compile(format!("[省市区县州旗](?:{})", administrations.join("|")))?;
        let kinds = gazetteer.rows(SCHOOL_GENERIC_FILE, 2)?;
        let school_kinds = Cover::new(
            kinds
                .iter()
                .filter(|row| row.field(1) != "organization")
                .map(|row| row.field(0)),
        );
        Ok(Self {
            heads,
            body,
            school_kinds,
            leveled,
            boundaries: NameBoundaries::new(gazetteer, &[BOUNDARIES_FILE, VERBS_FILE])?,
        })
    }

    /// The bodies named in `text`, each trimmed to its name; words that merely end
    /// like a body are no bodies (布局 ends in 局 but is no head).
    pub(super) fn bodies(&self, text: &str, regions: &RegionReader) -> Vec<String> {
        self.body
            .find_iter(text)
            .filter_map(|m| self.trimmed(m.as_str(), regions))
            .collect()
    }

    /// The bodies named in a title before its year, or between its year and the
    /// kind of plan ("2021年区教育局工作要点"), each with the department of it the
    /// title names right after it ("教育局基础教育科工作参考计划": the department's
    /// plan).
    pub(super) fn title_bodies(&self, title: &str, regions: &RegionReader) -> Vec<String> {
        let compact = title.trim();
        let mut parts = Vec::new();
        match YEAR.find(compact) {
            Some(year) => {
                parts.push(&compact[..year.start()]);
                let after = compact[year.end()..].trim_start_matches(['年', '度']);
                if is_title_line(after) || after.ends_with("实事") {
                    parts.push(after);
                }
            }
            None => parts.push(compact),
        }
        parts
            .iter()
            .flat_map(|part| {
                self.bodies(part, regions)
                    .into_iter()
                    .map(|body| with_department(part, body))
            })
            .collect()
    }

    /// The body that issues a wrapping notice ("福建省教育厅关于印发…的通知"): the
    /// name before 关于印发, never the document number or list number before it.
    pub(super) fn notice_bodies(
        &self,
        text: &str,
        lines: &[Line],
        regions: &RegionReader,
    ) -> Vec<String> {
        lines
            .iter()
            .take(30)
            .find_map(|l| {
                let caps = NOTICE.captures(&text[l.range.clone()])?;
                let who = caps[1].trim().trim_end_matches("关于");
                let who = DOCUMENT_NUMBER
                    .find(who)
                    .map_or(who, |number| &who[number.end()..]);
                let found = self.bodies(who, regions);
                (!found.is_empty()).then_some(found)
            })
            .unwrap_or_default()
    }

    /// The body a page header names as its publisher: a field whose whole value is
    /// one body, in the first lines of the page.
    pub(super) fn publisher(
        &self,
        text: &str,
        lines: &[Line],
        regions: &RegionReader,
    ) -> Option<String> {
        lines.iter().take(30).find_map(|l| {
            let caps = PUBLISHER_FIELD.captures(&text[l.range.clone()])?;
            let value = &caps[1];
            match self.bodies(value, regions).as_slice() {
                [one] if one == value => Some(one.clone()),
                _ => None,
            }
        })
    }

    /// The bodies the title of a plan reported in a news item's first sentence
    /// names (`opening` is the body's opening, whitespace removed).
    pub(super) fn reported_title_bodies(
        &self,
        opening: &str,
        regions: &RegionReader,
    ) -> Vec<String> {
        REPORTED_TITLE
            .captures(opening)
            .filter(|caps| {
                // A dated plan of work ("…2020年党政工作要点及工作任务分解方案").
                let title = &caps[1];
                YEAR.is_match(title) && REPORTED_KINDS.iter().any(|kind| title.contains(kind))
            })
            .map(|caps| self.title_bodies(&caps[1], regions))
            .unwrap_or_default()
    }

    /// A signature: a line naming bodies, followed by a date line; gives the bodies
    /// and the issue date.
    pub(super) fn signature(
        &self,
        text: &str,
        lines: &[Line],
        regions: &RegionReader,
    ) -> (Vec<String>, Option<String>) {
        for (index, line) in lines.iter().enumerate() {
            let date = text[line.range.clone()].trim();
            if !DATE_LINE.is_match(date) {
                continue;
            }
            let who = index
                .checked_sub(1)
                .map(|i| text[lines[i].range.clone()].trim())
                .filter(|w| w.chars().count() <= 40)
                .map(|w| self.bodies(w, regions))
                .unwrap_or_default();
            return (who, Some(date.to_owned()));
        }
        (Vec::new(), None)
    }

    /// A school named on a line of its own next to the title (a school's plan
    /// whose title names only the kind of plan: "枣庄市第二中学" over
    /// "2022—2023学年度学校工作计划").
    pub(super) fn school_line(
        &self,
        text: &str,
        lines: &[Line],
        title_at: usize,
        regions: &RegionReader,
    ) -> Option<String> {
        let at = lines.iter().position(|l| l.range.contains(&title_at))?;
        let near = [at.checked_sub(1), at.checked_add(1)];
        near.into_iter().flatten().find_map(|i| {
            let line = text[lines.get(i)?.range.clone()].trim();
            let found = self.bodies(line, regions);
            match found.as_slice() {
                [one] if one == line && self.school_head(one).is_some() => Some(one.clone()),
                _ => None,
            }
        })
    }

    /// A bureau named with its level in the body ("市教育局教育质量评估监测中心"), not
    /// as a superior ("在教育局的领导下"); with its place when the place is written
    /// before it (廊坊市教育局, 上海市普陀区教育局). The bureau named most often wins
    /// (a superior is named less often than the plan's owner); the first of equals.
    pub(super) fn body_bureau(&self, body: &str, regions: &RegionReader) -> Option<String> {
        let mentions: Vec<regex::Match<'_>> = self
            .leveled
            .find_iter(body)
            .filter(|m| {
                // A superior is followed by what it leads or decides ("在市教育局
                // 的领导下", "根据市教委确定的年度工作要点") and preceded by what
                // follows it.
                let after: String = body[m.end()..].chars().take(8).collect();
                let before: String = {
                    let mut chars: Vec<char> = body[..m.start()].chars().rev().take(4).collect();
                    chars.reverse();
                    chars.into_iter().collect()
                };
                // "全省教育局长会议": 局长 is a person, not the bureau.
                !SUPERIOR_AFTER.iter().any(|w| after.contains(w))
                    && !SUPERIOR_BEFORE.iter().any(|w| before.ends_with(w))
                    && !after.starts_with('长')
            })
            .collect();
        let count =
            |m: &regex::Match<'_>| mentions.iter().filter(|o| o.as_str() == m.as_str()).count();
        let found = *mentions.iter().rev().max_by_key(|m| count(m))?;
        let mut start = found.start();
        let level = &body[start..start + found.as_str().chars().next()?.len_utf8()];
        // A full place name of three characters or more (和县 and 城区 are words).
        let is_place =
            |name: &str| name.chars().count() >= 3 && regions.places().is_full_name(name);
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
        let own = back(start)
            .into_iter()
            .find(|&at| is_place(&format!("{}{level}", &body[at..start])));
        if let Some(at) = own {
            start = at;
            if let Some(outer) = back(start)
                .into_iter()
                .find(|&at| is_place(&body[at..start]))
            {
                start = outer;
            }
        }
        Some(body[start..found.end()].to_owned())
    }

    /// A body as matched, trimmed to its name: from its first place (with 中共
    /// before it), else from its level word (with a mask before it), else its head
    /// alone ("欢迎访问十堰市教育局" -> 十堰市教育局, "关于印发宁波市教育局" -> 宁波市教
    /// 育局, "管理创新与施政愿景之二—教育局" -> 教育局); a school only with a proper name.
    fn trimmed(&self, matched: &str, regions: &RegionReader) -> Option<String> {
        let matched = matched.trim();
        let school_at = self.school_head(matched);
        let head_at = match school_at {
            Some(at) => at,
            None => matched.len() - self.admin_head(matched)?.written.len(),
        };
        let before = &matched[..head_at];
        let place = regions
            .places_in(before, short_name_ends_here)
            .first()
            .map(|(_, _, start)| *start);
        // A school without place or level word starts where its name does.
        let bare = match school_at {
            Some(at) => self.boundaries.name_start(matched, at, SCHOOL_NAME_CHARS),
            None => head_at,
        };
        let start = match place {
            Some(start) => start,
            None => level_word_start(before).unwrap_or(bare),
        };
        // 中共 directly before the name belongs to it.
        let start = if matched[..start].ends_with("中共") {
            start - "中共".len()
        } else {
            start
        };
        let body = &matched[start..];
        if self.school_head(body).is_some() {
            // A school without place or level word whose name a verb cuts ("倾情为你
            // 奉上小学") names no school.
            let cut = place.is_none() && start == bare && bare > 0;
            return (!cut && self.is_named_school(body, place.is_some())).then(|| body.to_owned());
        }
        Some(body.to_owned())
    }

    /// A title's body written as its head alone ("教育局:…", "教育局2020年工作总结")
    /// completed from the body text, which names the same bureau with its level or
    /// place ("区教育局党组书记", "市教育局在市委市政府的坚强领导下"); other bodies
    /// stay as they are.
    pub(super) fn completed(
        &self,
        bodies: Vec<String>,
        body: &str,
        regions: &RegionReader,
    ) -> Vec<String> {
        let bare = |b: &str| self.admin_head(b).is_some_and(|h| h.written == b);
        if !bodies.iter().any(|b| bare(b)) {
            return bodies;
        }
        let Some(named) = self.body_bureau(body, regions) else {
            return bodies;
        };
        bodies
            .into_iter()
            .map(|b| {
                if bare(&b) && named.len() > b.len() && named.ends_with(b.as_str()) {
                    named.clone()
                } else {
                    b
                }
            })
            .collect()
    }

    /// Whether a body (as [`Self::bodies`] gives it) is a school.
    pub(super) fn is_school(&self, body: &str) -> bool {
        self.school_head(body).is_some()
    }

    /// Where the school kind ending `body` starts, if it ends with one (the
    /// numeral of a numbered short form: 二中).
    fn school_head(&self, body: &str) -> Option<usize> {
        if self.admin_head(body).is_some() {
            return None;
        }
        if let Some(at) = SCHOOL_HEADS
            .iter()
            .find(|h| body.ends_with(*h))
            .map(|h| body.len() - h.len())
        {
            return Some(at);
        }
        let numeral_start = body
            .strip_suffix(['中', '小'])?
            .char_indices()
            .rev()
            .take_while(|(_, c)| "一二三四五六七八九十".contains(*c))
            .last()
            .map(|(i, _)| i)?;
        Some(numeral_start)
    }

    /// The administrative or party head `body` ends with, longest first.
    fn admin_head(&self, body: &str) -> Option<&Head> {
        self.heads
            .iter()
            .find(|h| body.ends_with(h.written.as_str()))
    }

    /// A school with a name: its name (before its kind) is read back to the start
    /// without crossing a verb or function word ("九龙坡区坚持办好学校" is no school),
    /// and has a place or two characters or more after any level word ("县域学校" is
    /// a kind of school, "第二学期学校" a time).
    fn is_named_school(&self, body: &str, has_place: bool) -> bool {
        let Some(kind_at) = self.school_head(body) else {
            return false;
        };
        let name = &body[..kind_at];
        if name.contains("学期") || name.chars().count() > SCHOOL_NAME_CHARS {
            return false;
        }
        let numbered = !SCHOOL_HEADS.iter().any(|h| body.ends_with(*h));
        if numbered {
            return has_place;
        }
        let name_start = self.boundaries.name_start(body, kind_at, SCHOOL_NAME_CHARS);
        if name_start > 0 || name.is_empty() || self.school_kinds.covers(name) {
            return false;
        }
        let unmasked = name.trim_start_matches(MASKS);
        let after_level = LEVEL_WORDS
            .iter()
            .find(|w| unmasked.starts_with(*w))
            .map_or(unmasked, |w| &unmasked[w.len()..])
            .chars()
            .count();
        has_place || after_level >= 2
    }

    /// The identity of each body of a plan whose jurisdiction is `jurisdiction`
    /// (the region first, then the places enclosing it).
    pub(super) fn identities(
        &self,
        bodies: &[String],
        jurisdiction: &[Place],
        regions: &RegionReader,
    ) -> Vec<Issuer> {
        let mut out: Vec<Issuer> = Vec::new();
        for body in bodies {
            let issuer = self.identity(body, jurisdiction, regions);
            // One body written twice ("市教育局" in the title and the signature).
            if !out.iter().any(|o| o.canonical == issuer.canonical) {
                out.push(issuer);
            }
        }
        out
    }

    /// The identity of one body: its canonical name, place, level and kind.
    fn identity(&self, body: &str, jurisdiction: &[Place], regions: &RegionReader) -> Issuer {
        let unplaced = |canonical: String, kind: IssuerKind| Issuer {
            name: body.to_owned(),
            canonical,
            region: None,
            level: PolicyLevel::Unknown,
            kind,
            inferred: false,
        };
        if let Some(kind_at) = self.school_head(body) {
            return self.school_identity(body, kind_at, jurisdiction, regions);
        }
        // A department of a body ("教育局基础教育科"): the body's identity, then the
        // department.
        if self.admin_head(body).is_none() {
            let split = body.char_indices().rev().map(|(i, _)| i).find(|&at| {
                at > 0 && self.admin_head(&body[..at]).is_some() && DEPARTMENT.is_match(&body[at..])
            });
            if let Some(at) = split {
                let parent = self.identity(&body[..at], jurisdiction, regions);
                return Issuer {
                    name: body.to_owned(),
                    canonical: format!("{}{}", parent.canonical, &body[at..]),
                    ..parent
                };
            }
        }
        let Some(head) = self.admin_head(body) else {
            return unplaced(body.to_owned(), IssuerKind::Administration);
        };
        if head.level == HeadLevel::National {
            return Issuer {
                name: body.to_owned(),
                canonical: head.canonical.clone(),
                region: None,
                level: PolicyLevel::Central,
                kind: head.kind,
                inferred: false,
            };
        }
        let parts = split(body, head);
        let place = self.place_of(parts.prefix, head.level, jurisdiction, regions);
        let canonical = |place_name: &str| {
            let mut name = String::new();
            if place_name.is_empty() {
                if parts.party {
                    name.push_str("中共");
                }
            } else if head.committee {
                name.push_str("中共");
                name.push_str(place_name);
                name.push_str(if place_name.ends_with("自治区") {
                    "党委"
                } else {
                    "委"
                });
            } else {
                if parts.party {
                    name.push_str("中共");
                }
                name.push_str(place_name);
            }
            name.push_str(&head.canonical);
            name
        };
        match place {
            Some(place) => Issuer {
                name: body.to_owned(),
                canonical: canonical(&place.name),
                region: Some(place.name.clone()),
                level: place.level,
                kind: head.kind,
                inferred: false,
            },
            None => unplaced(canonical(parts.prefix), head.kind),
        }
    }

    /// The place a body's prefix names: a place written in it, else the place of
    /// the plan's jurisdiction its level word stands for (省 -> the province), else,
    /// with no prefix, the place of the head's level.
    fn place_of(
        &self,
        prefix: &str,
        level: HeadLevel,
        jurisdiction: &[Place],
        regions: &RegionReader,
    ) -> Option<Place> {
        let named = regions.places_in(prefix, short_name_ends_here);
        if let Some((surface, _, _)) = named.last() {
            // The most specific place written, placed with the ones before it.
            return regions.jurisdiction(surface, prefix).into_iter().next();
        }
        if prefix.starts_with(MASKS) {
            return None;
        }
        let ends = |word: &str| -> Option<Place> {
            jurisdiction
                .iter()
                .find(|p| {
                    p.name.ends_with(word) && (word != "区" || p.level == PolicyLevel::District)
                })
                .cloned()
        };
        match prefix {
            "" => match level {
                HeadLevel::Province => jurisdiction
                    .iter()
                    .find(|p| p.level == PolicyLevel::Provincial)
                    .cloned(),
                // No province has a 教育局: a bureau in a plan placed only in its
                // province is not placed (a municipality, 北京市, has 教委 and 局).
                HeadLevel::Region => jurisdiction
                    .first()
                    .filter(|p| p.level != PolicyLevel::Provincial || p.name.ends_with('市'))
                    .cloned(),
                HeadLevel::National => None,
            },
            "省" => jurisdiction
                .iter()
                .find(|p| p.level == PolicyLevel::Provincial && p.name.ends_with('省'))
                .cloned(),
            word if LEVEL_WORDS.contains(&word) => ends(word),
            _ => None,
        }
    }

    /// A school's identity: its place is the one its name gives, else the plan's
    /// region; a numbered short form ("温州二中") is written out (温州市第二中学).
    fn school_identity(
        &self,
        body: &str,
        kind_at: usize,
        jurisdiction: &[Place],
        regions: &RegionReader,
    ) -> Issuer {
        let named = regions.places_in(&body[..kind_at], short_name_ends_here);
        let written_place = named.first().and_then(|(surface, _, start)| {
            let place = regions.jurisdiction(surface, body).into_iter().next()?;
            Some((place, start + surface.len()))
        });
        let (place, rest) = match &written_place {
            Some((place, end)) => (Some(place.clone()), &body[*end..]),
            None => (jurisdiction.first().cloned(), body),
        };
        let rest = rest.strip_prefix('市').unwrap_or(rest);
        let expanded = numbered_school_full(rest);
        // A numbered school is written with its place's full name (温州二中, 温州第二
        // 中学 → 温州市第二中学); a proper name keeps its own words (武汉科技大学 is
        // no 武汉市科技大学).
        let canonical = match (&written_place, expanded) {
            (Some((place, _)), Some(full)) => format!("{}{full}", place.name),
            (Some((place, _)), None) if rest.starts_with('第') => format!("{}{rest}", place.name),
            _ => body.to_owned(),
        };
        Issuer {
            name: body.to_owned(),
            canonical,
            level: place.as_ref().map_or(PolicyLevel::Unknown, |p| p.level),
            region: place.map(|p| p.name),
            kind: IssuerKind::School,
            inferred: false,
        }
    }
}

/// The year's work of a whole province, city, district or county set in a plan's
/// opening ("2015年全省教育工作的总体要求是"): the plan of its education
/// administration.
static WHOLE_JURISDICTION: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?:19|20)\d{2}\s*年度?全(省|区|市|县)教育(?:系统)?工作的?(?:总体要求|基本要求|总体思路|主要目标)",
    )
});

/// The body a plan that names none is the plan of: the education administration
/// of the place whose whole work its opening sets (全省 → the province's 教育厅,
/// 全市 → the city's 教育局, or a municipality's 教育委员会, 全县/全区 → the county's
/// or district's 教育局, an autonomous region's 教育厅), when the plan's
/// jurisdiction has that place.
pub(super) fn implied_administration(opening: &str, jurisdiction: &[Place]) -> Option<Issuer> {
    let Some(word) = whole_jurisdiction(opening) else {
        return educated_place(opening, jurisdiction);
    };
    let find = |ok: &dyn Fn(&Place) -> bool| jurisdiction.iter().find(|p| ok(p)).cloned();
    let (place, head) = match word {
        "省" => (
            find(&|p| p.level == PolicyLevel::Provincial && p.name.ends_with('省'))?,
            "教育厅",
        ),
        "区" => match find(&|p| p.name.ends_with("自治区")) {
            Some(region) => (region, "教育厅"),
            None => (
                find(&|p| p.level == PolicyLevel::District && p.name.ends_with('区'))?,
                "教育局",
            ),
        },
        "市" => {
            let city = find(&|p| p.name.ends_with('市'))?;
            let head = if city.level == PolicyLevel::Provincial {
                "教育委员会"
            } else {
                "教育局"
            };
            (city, head)
        }
        _ => (
            find(&|p| p.level == PolicyLevel::District && p.name.ends_with('县'))?,
            "教育局",
        ),
    };
    Some(inferred_administration(place, head))
}

/// The level word of the whole jurisdiction whose year's work an opening sets
/// ("2020年全市教育工作总体要求" → 市).
pub(super) fn whole_jurisdiction(opening: &str) -> Option<&str> {
    Some(WHOLE_JURISDICTION.captures(opening)?.get(1)?.as_str())
}

/// The education administration of the plan's own region when its opening speaks of
/// that place's education as its subject ("2016年,南昌市教育工作呈现…", "准确把握佛山
/// 教育历史新方位", "遵义市2018年教育工作的总体要求"): a province's 教育厅 (a municipality's 教育委员会), a city's,
/// district's or county's 教育局.
fn educated_place(opening: &str, jurisdiction: &[Place]) -> Option<Issuer> {
    let place = jurisdiction.first()?;
    let names = std::iter::once(place.name.as_str()).chain(place.short.as_deref());
    // "滨海新区教育体育工作": a merged body whose head the text does not give.
    let merged = ["体育", "和体育", "科技", "和科技", "文化"];
    // The place, a year between it and 教育 allowed ("遵义市2018年教育工作的总体要求").
    let speaks = names.filter(|name| name.chars().count() >= 2).any(|name| {
        opening.match_indices(name).any(|(at, _)| {
            let rest = &opening[at + name.len()..];
            let rest = YEAR
                .find(rest)
                .filter(|year| year.start() == 0)
                .and_then(|year| rest[year.end()..].strip_prefix('年'))
                .map_or(rest, |after| after.strip_prefix('度').unwrap_or(after));
            // A school's own text speaks of the place's education too ("以迎接浦东新区
            // 教育督导为契机,提升学校整体办学水平"): not when the sentence's subject
            // is a school.
            rest.strip_prefix("教育")
                .is_some_and(|after| !merged.iter().any(|m| after.starts_with(m)))
                && !SCHOOL_SUBJECTS
                    .iter()
                    .any(|w| sentence_around(opening, at).contains(w))
        })
    });
    if !speaks {
        return None;
    }
    let head = match place.level {
        PolicyLevel::Provincial if place.name.ends_with('市') => "教育委员会",
        PolicyLevel::Provincial => "教育厅",
        _ => "教育局",
    };
    Some(inferred_administration(place.clone(), head))
}

/// Words of an opening whose subject is a school or college (学校, 我校, 本院).
const SCHOOL_SUBJECTS: [&str; 6] = ["学校", "我校", "本校", "学院", "我院", "全校"];

/// The administration with `head` of `place`, inferred.
fn inferred_administration(place: Place, head: &str) -> Issuer {
    let canonical = format!("{}{head}", place.name);
    Issuer {
        name: canonical.clone(),
        canonical,
        region: Some(place.name),
        level: place.level,
        kind: IssuerKind::Administration,
        inferred: true,
    }
}

/// Whether a short place name ending at `end` of a body's name is the place
/// (温州 in 温州二中), not the start of a word joined by 和 or 与.
fn short_name_ends_here(text: &str, end: usize) -> bool {
    !text[end..].starts_with(['和', '与'])
}

/// A body split at its head: 中共, the prefix before the head (and before the
/// committee's 委 or 党委), the head.
fn split<'a>(body: &'a str, head: &Head) -> Parts<'a> {
    let head_at = body.len() - head.written.len();
    let (party, rest) = match body[..head_at].strip_prefix("中共") {
        Some(rest) => (true, rest),
        None => (false, &body[..head_at]),
    };
    let prefix = if head.committee {
        rest.strip_suffix("党委")
            .or_else(|| rest.strip_suffix('委'))
            .unwrap_or(rest)
    } else {
        rest
    };
    Parts { party, prefix }
}

/// Where the last level word of `before` starts, with the masks before it ("某县",
/// "XX市"), when nothing but a party committee's 委 follows it.
fn level_word_start(before: &str) -> Option<usize> {
    let trimmed = before
        .strip_suffix("党委")
        .or_else(|| before.strip_suffix('委'))
        .unwrap_or(before);
    let word = LEVEL_WORDS.iter().find(|w| trimmed.ends_with(*w))?;
    let at = trimmed.len() - word.len();
    let masked: usize = trimmed[..at]
        .chars()
        .rev()
        .take_while(|c| MASKS.contains(c))
        .map(char::len_utf8)
        .sum();
    Some(at - masked)
}

/// `body` as found in the title part `part`, with the department written right
/// after it (教育局 + 基础教育科).
fn with_department(part: &str, body: String) -> String {
    let department = part
        .find(body.as_str())
        .and_then(|at| DEPARTMENT.captures(&part[at + body.len()..]))
        .and_then(|caps| caps.get(1))
        .map(|m| m.as_str().to_owned());
    match department {
        Some(department) => body + &department,
        None => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::Places;
    use std::sync::Arc;

    fn readers() -> (IssuerReader, RegionReader) {
        let gazetteer = Gazetteer::embedded();
        let places = Arc::new(Places::new(&gazetteer).unwrap());
        (
            IssuerReader::new(&gazetteer).unwrap(),
            RegionReader::new(&gazetteer, places).unwrap(),
        )
    }

    #[test]
    fn every_static_pattern_compiles() {
        assert!(!PUBLISHER_FIELD.as_str().is_empty());
        assert!(!REPORTED_TITLE.as_str().is_empty());
        for re in [
            &*NOTICE,
            &*DATE_LINE,
            &*DOCUMENT_NUMBER,
            &*WHOLE_JURISDICTION,
        ] {
            assert!(!re.as_str().is_empty());
        }
        let (issuers, _) = readers();
        assert!(!issuers.body.as_str().is_empty() && !issuers.leveled.as_str().is_empty());
    }

    #[test]
    fn bodies_are_trimmed_to_their_names() {
        let (issuers, regions) = readers();
        let bodies = |text: &str| issuers.bodies(text, &regions);
        assert_eq!(bodies("欢迎访问十堰市教育局官方网站"), ["十堰市教育局"]);
        assert_eq!(bodies("关于印发宁波市教育局"), ["宁波市教育局"]);
        assert_eq!(bodies("管理创新与施政愿景之二—教育局"), ["教育局"]);
        assert_eq!(bodies("优化教育布局"), Vec::<String>::new());
        assert_eq!(bodies("九龙坡区坚持办好学校"), Vec::<String>::new());
        assert_eq!(bodies("县域学校科研工作计划"), Vec::<String>::new());
        assert_eq!(bodies("某县教育科技局"), ["某县教育科技局"]);
        assert_eq!(
            bodies("浙江省教育厅(省委教育工委)"),
            ["浙江省教育厅", "省委教育工委"]
        );
        assert_eq!(
            bodies("中共浙江省委教育工委 浙江省教育厅"),
            ["中共浙江省委教育工委", "浙江省教育厅"]
        );
        assert_eq!(bodies("临淄区梧台小学"), ["临淄区梧台小学"]);
        assert_eq!(bodies("中职学校工作计划"), Vec::<String>::new());
        assert_eq!(bodies("倾情为你奉上小学学校"), Vec::<String>::new());
        assert_eq!(bodies("乐华天主教小学"), ["乐华天主教小学"]);
        assert_eq!(bodies("枣庄市第二中学"), ["枣庄市第二中学"]);
        assert_eq!(bodies("【统计规划】枣庄二中"), ["枣庄二中"]);
    }

    #[test]
    fn a_plan_of_a_whole_province_is_its_departments() {
        let (_, regions) = readers();
        let implied = |opening: &str, region: &str| {
            implied_administration(opening, &regions.jurisdiction(region, ""))
                .map(|i| (i.canonical, i.inferred))
        };
        // An opening whose subject is the region's education (南昌市教育工作).
        assert_eq!(
            implied("2016年,南昌市教育工作呈现持续向好的发展局面", "南昌市"),
            Some(("南昌市教育局".to_owned(), true))
        );
        assert_eq!(
            implied(
                "以迎接浦东新区教育督导为契机,提升学校整体办学水平",
                "浦东新区"
            ),
            None
        );
        let opening = "2015年全省教育工作的总体要求是:以邓小平理论";
        assert_eq!(
            implied(opening, "青海省"),
            Some(("青海省教育厅".to_owned(), true))
        );
        assert_eq!(
            implied("2017年全市教育工作的总体要求是", "重庆市"),
            Some(("重庆市教育委员会".to_owned(), true))
        );
        assert_eq!(
            implied("2019年全市教育工作的总体要求", "肥东县"),
            Some(("合肥市教育局".to_owned(), true))
        );
        assert_eq!(
            implied("2010年全区教育工作的总体要求", "内蒙古自治区"),
            Some(("内蒙古自治区教育厅".to_owned(), true))
        );
        // A school named later in the opening is not its subject (a journal article
        // on a city's plan of 2017).
        assert_eq!(
            implied(
                "2016年,南昌市教育工作呈现持续向好的发展局面。实施中小学校基建项目规划,新建学校10所",
                "南昌市"
            ),
            Some(("南昌市教育局".to_owned(), true))
        );
        // No place of that level, or no such opening: nothing is inferred.
        assert_eq!(implied(opening, "北京市"), None);
        assert_eq!(implied("全面贯彻党的教育方针", "青海省"), None);
    }

    #[test]
    fn a_superior_named_in_the_body_is_not_the_issuer() {
        let (issuers, regions) = readers();
        let bureau = |body: &str| issuers.body_bureau(body, &regions);
        assert_eq!(
            bureau("区政府中心工作部署和要求,根据市教委确定的年度工作要点,全面推进").as_deref(),
            None
        );
        assert_eq!(
            bureau("在市教育局的领导下,区教育局基础教育科抓好招生。区教育局教研室").as_deref(),
            Some("区教育局")
        );
        // The owner tells what it asks: 要求 does not make it a superior.
        assert_eq!(
            bureau("廊坊市教育局召开会议。区教育局要求各校").as_deref(),
            Some("廊坊市教育局")
        );
    }

    #[test]
    fn title_bodies_are_read_before_or_after_the_year() {
        let (issuers, regions) = readers();
        let title = |t: &str| issuers.title_bodies(t, &regions).join(" ");
        assert_eq!(title("2020度市教育局工作计划"), "市教育局");
        assert_eq!(
            title("嘉兴市委教育工委 市教育局 2018年工作要点"),
            "嘉兴市委教育工委 市教育局"
        );
        assert_eq!(title("某县教育科技局2019年工作要点"), "某县教育科技局");
        assert_eq!(
            title("中共某市委教育工作委员会2019年工作要点"),
            "中共某市委教育工作委员会"
        );
        assert_eq!(title("昆山市2017年教育工作意见"), "");
        assert_eq!(title("中学201*—2019学年第二学期学校工作计划"), "");
        assert_eq!(title("武威2021年新建哪些学校?"), "");
    }

    #[test]
    fn a_notice_issuer_is_the_body_not_its_document_number() {
        let (issuers, regions) = readers();
        let text = "1、温教发〔2009〕1号温州市教育局关于印发2009年工作要点的通知";
        let lines = crate::lines::lines_of(text);
        assert_eq!(
            issuers.notice_bodies(text, &lines, &regions),
            ["温州市教育局"]
        );
    }

    #[test]
    fn one_body_written_four_ways_is_one_identity() {
        let (issuers, regions) = readers();
        let zhejiang = regions.jurisdiction("浙江省", "");
        let canonical = |written: &str| -> Vec<String> {
            let bodies = issuers.bodies(written, &regions);
            issuers
                .identities(&bodies, &zhejiang, &regions)
                .into_iter()
                .map(|i| i.canonical)
                .collect()
        };
        let both = ["中共浙江省委教育工作委员会", "浙江省教育厅"];
        assert_eq!(canonical("浙江省委教育工委 浙江省教育厅"), both);
        assert_eq!(canonical("浙江省教育厅 省委教育工委"), [both[1], both[0]]);
        assert_eq!(canonical("省委教育工委 省教育厅"), both);
        assert_eq!(canonical("浙江省教育厅(省委教育工委)"), [both[1], both[0]]);
        // 市教育局 in a plan of 温州 is 温州市教育局; 教体局 is 教育体育局.
        let wenzhou = regions.jurisdiction("温州市", "");
        let one = |written: &str, jurisdiction: &[Place]| {
            issuers.identities(&[written.to_owned()], jurisdiction, &regions)[0].clone()
        };
        assert_eq!(one("市教育局", &wenzhou).canonical, "温州市教育局");
        assert_eq!(one("温州市教育局", &[]).canonical, "温州市教育局");
        assert_eq!(one("温州教育局", &[]).region.as_deref(), Some("温州市"));
        let anqing = regions.jurisdiction("安庆市", "");
        assert_eq!(one("安庆市教体局", &[]).canonical, "安庆市教育体育局");
        assert_eq!(one("市教育和体育局", &anqing).canonical, "安庆市教育体育局");
        // National bodies are one entity, placed nowhere.
        let moe = one("教育部", &wenzhou);
        assert_eq!(
            (moe.canonical.as_str(), moe.level),
            ("教育部", PolicyLevel::Central)
        );
        assert_eq!(moe.region, None);
        // A body whose place the plan does not tell stays unplaced.
        let bare = one("区教育局", &[]);
        assert_eq!((bare.canonical.as_str(), bare.region), ("区教育局", None));
        // A school's short form and full name are one entity.
        assert_eq!(one("温州二中", &[]).canonical, "温州市第二中学");
        assert_eq!(one("温州市第二中学", &[]).canonical, "温州市第二中学");
        assert_eq!(one("温州第二中学", &[]).canonical, "温州市第二中学");
        assert_eq!(one("武汉科技大学", &[]).canonical, "武汉科技大学");
        assert_eq!(one("温州二中", &[]).kind, IssuerKind::School);
    }
}
