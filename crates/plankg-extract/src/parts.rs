//! Summary and plan parts (issue 14): the kind of each top-level part of a plan (and
//! of its preamble) and the year its text is about, read from the part's heading and
//! the document's title with the cue words of data/gazetteer/part_cues.tsv.
//!
//! Many pages join last year's summary and this year's plan ("2021年工作总结和2022年
//! 工作要点", "一、2021年工作回顾 / 二、2022年工作安排"); some are only a summary
//! ("2022年工作总结"). The rules, for the class of text rather than for one page:
//! - **Heading.** A top-level heading's cue is the last cue word of its first clause
//!   with at most [`CUE_TAIL_CHARS`] characters after it ("2017年目标完成情况" is a
//!   summary, "以优先发展为目标" a plan heading, "做好总结表彰工作" neither); a year
//!   in that clause is the part's year.
//! - **Title.** A title whose summary cue comes before a plan cue joins the two
//!   ("2017年目标完成情况及2018年工作计划"): its first year is the summary's, the
//!   plan's is the document's. A title whose cues are summaries only makes every part
//!   a summary of the document's year (ANNOTATION.md dates such a document by the year
//!   it summarises), except a plan heading that looks ahead (下一步工作打算, a later
//!   year) and the parts after it: a 目标 or 任务 ending a summary's heading
//!   (圆满完成年度目标任务) is no plan.
//! - **Parts without a cue.** In a joined document, a part before the first plan part
//!   is the summary's (the preamble too: "2016年,全市教育…取得…成效" before
//!   "一、2017年工作要点"), a part after it the plan's; in another document, a part
//!   between a summary part and a later plan part (二、存在的困难) is the summary's.
//!   Everything else is a plan part of the document's year: precision first, so a
//!   document with no cue at all is read as it always was.
//! - **Years.** A summary part without a year of its own takes the first year a
//!   summary heading states, else the title's first year when it comes before the
//!   plan's year, else the year before the plan's.
//!
//! Nested sections repeat their top-level section's kind and year (see
//! [`plankg_model::Section`]).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use plankg_model::{PartKind, Section};
use regex::Regex;

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::patterns::static_regex;

/// The gazetteer file of cue words.
const FILE: &str = "part_cues.tsv";

/// The longest first clause of a heading that can name its part (characters,
/// whitespace and a trailing year left out): "“十二五”成效及主要指标完成情况" is 17.
const CLAUSE_CHARS: usize = 20;

/// How many characters may follow a heading's cue word ("2022年亮点工作",
/// "成效及亮点" ends on its cue).
const CUE_TAIL_CHARS: usize = 2;

/// A four-digit year of the 20th or 21st century, not inside a longer number.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)"));

/// A year run on after a heading's words ("2013年工作总结2013年,全市…", where the
/// first paragraph is glued to the heading).
static TRAILING_YEAR: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?:19|20)\d{2}年度?$"));

/// The month of a date, right after its year ("年12月").
static DATE_AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^年\d{1,2}月"));

/// What ends a heading's first clause.
const CLAUSE_END: [char; 12] = [
    ',', '，', '。', ';', '；', ':', '：', '!', '！', '?', '？', '、',
];

/// What a cue word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// The part is of this kind.
    Kind(PartKind),
    /// A plan heading of a summary looks ahead (下一步); `true` when to the next
    /// year (明年).
    Ahead { next_year: bool },
}

/// What a heading says of its part.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Heading {
    /// The kind its cue names.
    kind: Option<PartKind>,
    /// The year it names.
    year: Option<i32>,
    /// Whether it looks ahead (Some), to the next year (Some(true)).
    ahead: Option<bool>,
}

/// What the title says of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleClass {
    /// A plan, or nothing said.
    Plan,
    /// Only a summary ("2022年工作总结").
    Summary,
    /// A summary joined to a plan ("2021年工作总结和2022年工作要点").
    Joined,
}

/// Reads the parts of a document; holds the cue words. Build it once.
#[derive(Debug)]
pub(crate) struct PartReader {
    cues: AhoCorasick,
    /// What each pattern of `cues` says.
    meanings: Vec<Cue>,
}

impl PartReader {
    /// Reads part_cues.tsv.
    ///
    /// # Errors
    /// [`GazetteerError`] when the file is missing or a kind is unknown.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut words = Vec::new();
        let mut meanings = Vec::new();
        for row in gazetteer.rows(FILE, 2)? {
            let cue = match row.field(1) {
                "next" => Cue::Ahead { next_year: false },
                "next_year" => Cue::Ahead { next_year: true },
                other => match PartKind::from_name(other) {
                    Some(kind) => Cue::Kind(kind),
                    None => return Err(row.error(FILE, format!("unknown part cue kind {other:?}"))),
                },
            };
            words.push(row.field(0).to_owned());
            meanings.push(cue);
        }
        let cues = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .map_err(|err| GazetteerError::uncompiled(FILE, err))?;
        Ok(Self { cues, meanings })
    }

    /// Sets the part kind and year of every section of a document whose top-level
    /// sections (the preamble first, when there is one) are `sections`, whose title
    /// is `title` and whose year is `year`.
    pub(crate) fn mark(&self, sections: &mut [Section], title: Option<&str>, year: Option<i32>) {
        let class = self.title_class(title.unwrap_or(""));
        let title_years = years(title.unwrap_or(""));
        let mut headings: Vec<Heading> = sections
            .iter()
            .map(|s| match (&s.heading, s.depth) {
                (Some(heading), 1) => self.heading(heading),
                _ => Heading::default(),
            })
            .collect();
        let first_year_of = |headings: &[Heading], kind: PartKind| {
            headings
                .iter()
                .filter(|h| h.kind == Some(kind))
                .find_map(|h| h.year)
        };
        let plan_year = year
            .or_else(|| first_year_of(&headings, PartKind::Plan))
            .or_else(|| title_years.last().copied());
        let summary_year = first_year_of(&headings, PartKind::Summary).or(match class {
            TitleClass::Summary => year.or_else(|| title_years.first().copied()),
            TitleClass::Joined => title_years
                .first()
                .copied()
                .filter(|&first| plan_year.is_some_and(|plan| first < plan))
                .or_else(|| plan_year.map(|plan| plan - 1)),
            TitleClass::Plan => plan_year.map(|plan| plan - 1),
        });
        if class == TitleClass::Summary {
            // A summary's own headings (圆满完成年度目标任务) are no plan unless
            // they look ahead.
            for heading in &mut headings {
                let later = heading
                    .year
                    .is_some_and(|y| summary_year.is_some_and(|s| y > s));
                if heading.kind == Some(PartKind::Plan) && heading.ahead.is_none() && !later {
                    heading.kind = Some(PartKind::Summary);
                }
            }
        }
        let kinds = kinds(&headings, class);
        for ((section, heading), kind) in sections.iter_mut().zip(&headings).zip(kinds) {
            let about = heading.year.or(match kind {
                PartKind::Summary => summary_year,
                _ if class == TitleClass::Summary => {
                    summary_year.map(|y| y + i32::from(heading.ahead == Some(true)))
                }
                _ => plan_year,
            });
            set_part(section, kind, about);
        }
    }

    /// What a top-level heading says of its part.
    fn heading(&self, heading: &str) -> Heading {
        let compact: String = heading.chars().filter(|c| !c.is_whitespace()).collect();
        let clause = compact.split(CLAUSE_END).next().unwrap_or("");
        let year = years(clause).first().copied();
        let words = TRAILING_YEAR
            .find(clause)
            .map_or(clause, |m| &clause[..m.start()]);
        if words.chars().count() > CLAUSE_CHARS {
            return Heading::default();
        }
        let mut out = Heading {
            year,
            ..Heading::default()
        };
        for found in self.cues.find_iter(words) {
            match self.meanings.get(found.pattern().as_usize()) {
                Some(Cue::Ahead { next_year }) => out.ahead = Some(*next_year),
                Some(Cue::Kind(kind)) => {
                    let tail = words[found.end()..].chars().count();
                    out.kind = (tail <= CUE_TAIL_CHARS).then_some(*kind).or(out.kind);
                }
                None => {}
            }
        }
        out
    }

    /// What the title's cue words say of the document: joined when a plan cue, or a
    /// later year, follows its first summary cue ("2016年工作总结和2017年工作要", a
    /// title cut short).
    fn title_class(&self, title: &str) -> TitleClass {
        let kinds: Vec<(PartKind, usize)> = self
            .cues
            .find_iter(title)
            .filter_map(|m| match self.meanings.get(m.pattern().as_usize()) {
                Some(Cue::Kind(kind)) => Some((*kind, m.end())),
                _ => None,
            })
            .collect();
        let Some(first_summary) = kinds.iter().position(|(k, _)| *k == PartKind::Summary) else {
            return TitleClass::Plan;
        };
        let summary_end = kinds[first_summary].1;
        let first_year = years(title).first().copied();
        let later_year = years(&title[summary_end..])
            .into_iter()
            .any(|y| first_year.is_some_and(|first| y > first));
        if later_year
            || kinds[first_summary..]
                .iter()
                .any(|(k, _)| *k == PartKind::Plan)
        {
            TitleClass::Joined
        } else {
            TitleClass::Summary
        }
    }
}

/// The kind of each part: its heading's, else what its place says (see the module
/// documentation).
fn kinds(headings: &[Heading], class: TitleClass) -> Vec<PartKind> {
    let cued: Vec<(usize, PartKind)> = headings
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.kind.map(|k| (i, k)))
        .collect();
    let first_plan = cued
        .iter()
        .find(|(_, k)| *k == PartKind::Plan)
        .map_or(headings.len(), |(i, _)| *i);
    (0..headings.len())
        .map(|i| {
            if let Some(kind) = headings[i].kind {
                return kind;
            }
            let before = cued.iter().rev().find(|(at, _)| *at < i).map(|(_, k)| *k);
            let after = cued.iter().find(|(at, _)| *at > i).map(|(_, k)| *k);
            let summary = match class {
                TitleClass::Summary => before != Some(PartKind::Plan),
                TitleClass::Joined => !cued.is_empty() && i < first_plan,
                TitleClass::Plan => {
                    before == Some(PartKind::Summary) && after == Some(PartKind::Plan)
                }
            };
            if summary {
                PartKind::Summary
            } else {
                PartKind::Plan
            }
        })
        .collect()
}

/// Sets the kind and year of a section and of every section inside it.
fn set_part(section: &mut Section, kind: PartKind, year: Option<i32>) {
    section.part_kind = kind;
    section.about_year = year;
    for child in &mut section.children {
        set_part(child, kind, year);
    }
}

/// The four-digit years of a text, in order; not those of a date (a heading
/// "2024年12月9日" is a date line, not a part of 2024).
fn years(text: &str) -> Vec<i32> {
    // Captures overlap by one character at most ("2020、2021"): search from each
    // year's end, not from the end of the separator after it.
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(caps) = text.get(at..).and_then(|rest| YEAR.captures(rest)) {
        let Some(year) = caps.get(1) else {
            break;
        };
        let end = at + year.end();
        if !DATE_AFTER_YEAR.is_match(&text[end..]) {
            if let Ok(value) = year.as_str().parse() {
                out.push(value);
            }
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader() -> PartReader {
        PartReader::new(&Gazetteer::embedded()).unwrap()
    }

    fn top(heading: &str) -> Section {
        Section {
            depth: 1,
            heading: Some(heading.to_owned()),
            children: vec![Section {
                depth: 2,
                heading: Some("(一)加强党的建设".to_owned()),
                ..Section::default()
            }],
            ..Section::default()
        }
    }

    fn preamble() -> Section {
        Section::default()
    }

    /// (kind, year) of each top-level section after marking.
    fn parts(
        sections: &mut [Section],
        title: &str,
        year: Option<i32>,
    ) -> Vec<(&'static str, Option<i32>)> {
        reader().mark(sections, Some(title), year);
        sections
            .iter()
            .map(|s| (s.part_kind.as_str(), s.about_year))
            .collect()
    }

    #[test]
    fn every_static_pattern_compiles() {
        for re in [&*YEAR, &*TRAILING_YEAR, &*DATE_AFTER_YEAR] {
            assert!(!re.as_str().is_empty());
        }
    }

    #[test]
    fn headings_name_their_part_and_its_year() {
        let r = reader();
        let heading = |h: &str| {
            let h = r.heading(h);
            (h.kind.map(PartKind::as_str), h.year)
        };
        assert_eq!(heading("2017年目标完成情况"), (Some("summary"), Some(2017)));
        assert_eq!(heading("2023年工作开展情况"), (Some("summary"), Some(2023)));
        assert_eq!(
            heading("2022年工作成效及亮点"),
            (Some("summary"), Some(2022))
        );
        assert_eq!(heading("2022年亮点工作"), (Some("summary"), Some(2022)));
        assert_eq!(heading("2024年工作计划"), (Some("plan"), Some(2024)));
        assert_eq!(heading("工作目标"), (Some("plan"), None));
        // A first paragraph glued to its heading.
        assert_eq!(
            heading("2013年工作总结2013年,全市教育系统深入学习贯彻党的十八大"),
            (Some("summary"), Some(2013))
        );
        assert_eq!(
            heading("2020 年工作总结 2019 年,市教育局在市委市政府的坚强领导下"),
            (Some("summary"), Some(2020))
        );
        // Cue words inside a sentence name no part.
        assert_eq!(heading("认真做好年度考核和总结表彰工作"), (None, None));
        assert_eq!(
            heading("工作绩效管理工作绩效管理是对计划执行的全过程进行评估和总结的过程"),
            (None, None)
        );
    }

    #[test]
    fn a_joined_title_gives_the_summary_its_first_year_and_the_plan_its_last() {
        let mut sections = [
            preamble(),
            top("2021年工作回顾"),
            top("存在的困难"),
            top("2022年工作安排"),
            top("保障措施"),
        ];
        assert_eq!(
            parts(&mut sections, "2021年工作总结和2022年工作要点", Some(2022)),
            [
                ("summary", Some(2021)),
                ("summary", Some(2021)),
                ("summary", Some(2021)),
                ("plan", Some(2022)),
                ("plan", Some(2022)),
            ]
        );
        // Nested sections repeat their part.
        assert_eq!(sections[1].children[0].part_kind, PartKind::Summary);
        assert_eq!(sections[1].children[0].about_year, Some(2021));
        assert_eq!(sections[3].children[0].part_kind, PartKind::Plan);
    }

    #[test]
    fn a_joined_title_without_heading_years_dates_the_summary_before_the_plan() {
        let mut sections = [top("主要成效"), top("2017年工作要点")];
        assert_eq!(
            parts(
                &mut sections,
                "省教育厅2016年工作总结和2017年工作要点",
                Some(2017)
            ),
            [("summary", Some(2016)), ("plan", Some(2017))]
        );
        // A title cut short after its plan's year is joined all the same.
        let mut sections = [top("主要成效")];
        assert_eq!(
            parts(
                &mut sections,
                "省教育厅2016年工作总结和2017年工作要",
                Some(2017)
            ),
            [("summary", Some(2016))]
        );
        // Both years of the title the same: the heading decides, else the year before.
        let mut sections = [preamble(), top("2022年工作成效及亮点")];
        assert_eq!(
            parts(
                &mut sections,
                "县教育局2023年工作总结和2023年工作计划",
                Some(2023)
            ),
            [("summary", Some(2022)), ("summary", Some(2022))]
        );
    }

    #[test]
    fn a_summary_title_makes_every_part_a_summary_unless_it_looks_ahead() {
        let mut sections = [
            preamble(),
            top("履职尽责促发展"),
            top("圆满完成年度目标任务"),
            top("下一步工作打算"),
            top("明年工作思路"),
        ];
        assert_eq!(
            parts(&mut sections, "教育局2020年度工作总结报告", Some(2020)),
            [
                ("summary", Some(2020)),
                ("summary", Some(2020)),
                ("summary", Some(2020)),
                ("plan", Some(2020)),
                ("plan", Some(2021)),
            ]
        );
    }

    #[test]
    fn a_plan_is_a_plan_of_its_year_unless_a_heading_says_otherwise() {
        let mut sections = [
            preamble(),
            top("以优先发展为目标,着力提升教育发展水平"),
            top("加强教师队伍建设"),
        ];
        assert_eq!(
            parts(&mut sections, "昆山市2017年教育工作意见", Some(2017)),
            [
                ("plan", Some(2017)),
                ("plan", Some(2017)),
                ("plan", Some(2017))
            ]
        );
        let mut sections = [
            preamble(),
            top("2012年全市教育工作回顾"),
            top("面临的形势"),
            top("2013年工作安排"),
        ];
        assert_eq!(
            parts(&mut sections, "", Some(2013)),
            [
                ("plan", Some(2013)),
                ("summary", Some(2012)),
                ("summary", Some(2012)),
                ("plan", Some(2013)),
            ]
        );
        // A review without a year, in a plan of 2016: the year before.
        let mut sections = [top("“十二五”成效及主要指标完成情况"), top("加快教育现代化")];
        assert_eq!(
            parts(&mut sections, "", Some(2016)),
            [("summary", Some(2015)), ("plan", Some(2016))]
        );
    }

    #[test]
    fn years_are_read_in_order_and_not_inside_longer_numbers() {
        assert_eq!(years("2020、2021年"), [2020, 2021]);
        assert_eq!(years("2015年工作总结和2016年工作思路"), [2015, 2016]);
        assert_eq!(years("编号120205"), Vec::<i32>::new());
        assert_eq!(years("2020教育局工作总结合集"), [2020]);
        assert_eq!(years("2024年12月9日"), Vec::<i32>::new());
    }
}
