//! The plan year (ANNOTATION.md, `year`): stated in the opening or the title, told
//! by a news report's first sentence, else inferred from the text; and the years
//! the party meetings a text cites allow it to be from.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use plankg_model::YearRange;
use regex::Regex;

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::patterns::static_regex;

/// The gazetteer file of party congress and plenum years.
const MEETING_YEARS: &str = "meeting_years.tsv";

/// The opening sentence stating the year's task: "2020年,全市教育工作的总体要求是".
static REQUIREMENTS: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"((?:19|20)\d{2})年度?[^。；;\d]{0,20}?(?:总体要求|基本要求|总体思路|指导思想|主要目标|工作思路)",
    )
});

/// The year's work conference ("召开2019年度全市教育工作会议", "2022年度全市教育工作
/// 视频会议", "召开2011春季开学工作会"): a report of it takes its year.
static CONFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"((?:19|20)\d{2})\s*年?度?[^。；;\d]{0,12}?工作(?:专题|视频|电视电话)?会")
});

/// A plan reported in a news item's first sentence ("发出《关于印发2017年工作要点的通
/// 知》", "青岛市教育局发布2026年工作要点").
static REPORTED_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?:印发|发布|出台|公布)[了《]{0,2}(?:[^《》。；;\d]{0,20}?)((?:19|20)\d{2})年度?[^《》。；;\d]{0,20}?(?:工作要点|工作计划|工作意见|工作安排)",
    )
});

/// An opening that outlines a review of one year and the work of the next ("一是2014
/// 年学校主要工作回顾;…三是2015年主要工作部署"): the plan is of the later year.
static REVIEW_AND_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?:19|20)\d{2}年[^。\d]{0,12}?(?:回顾|总结)[^。]{0,60}?((?:19|20)\d{2})年[^。；;\d]{0,12}?(?:部署|安排|要点|计划|思路|打算)",
    )
});

/// The year an opening names as the one ahead: "2010年是…的冲刺之年", "2019年,…
/// 将扎实推进" (a year whose sentence says what will be done, not what was).
static YEAR_AHEAD: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [
        static_regex(r"((?:19|20)\d{2})年(?:是|为)[^。；;]{0,40}?之年"),
        static_regex(r"((?:19|20)\d{2})年[,，][^。；;\d]{0,30}?(?:将|要|继续|着力)"),
    ]
});

/// This year named as the first or last of a five-year plan ("今年是“十三五”规划
/// 开局之年", "今年是“十二五”收官之年"): the plan's number gives the year.
static FIVE_YEAR_PLAN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?:今年|本年)[^。]{0,30}?是[^。]{0,80}?“?(十[一二三四五六七八九]?五|[九八七六五四三]五)”?(?:规划|时期)?的?(开局|起步|开篇|收官)之年",
    )
});

/// A plan that sets out to complete a five-year plan's targets ("全面完成丹阳教育事业
/// 十一五发展规划提出的目标任务"): the plan's last year.
static FIVE_YEAR_PLAN_COMPLETED: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"全面完成[^。]{0,20}?“?(十[一二三四五六七八九]?五|[九八七六五四三]五)”?[^。]{0,10}?规划[^。]{0,12}?(?:目标|任务)",
    )
});

/// The first year of the `number`th five-year plan (十三五 → 2016): the third began
/// in 1966 after three years of readjustment, every later one five years after.
fn five_year_plan_start(number: &str) -> Option<i32> {
    const DIGITS: &str = "一二三四五六七八九";
    let digit = |c: char| {
        DIGITS
            .chars()
            .position(|d| d == c)
            .and_then(|i| i32::try_from(i + 1).ok())
    };
    let chars: Vec<char> = number.strip_suffix('五')?.chars().collect();
    let n = match chars.as_slice() {
        ['十'] => 10,
        ['十', unit] => 10 + digit(*unit)?,
        [unit] => digit(*unit)?,
        _ => return None,
    };
    (n >= 3).then(|| 1966 + 5 * (n - 3))
}

/// A four-digit year.
pub(super) static YEAR: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?:19|20)\d{2}"));

/// A school year of two years: 2025-2026学年, 2019-2020年度校务计划 (first or second
/// term after it).
static SCHOOL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"((?:19|20)[\d*xX]{2})\s*[-—–~至/]\s*((?:19|20)\d{2})\s*(学年度?|年度?)?(.{0,6})")
});

/// A school year written with its first year only: "2019学年", "2005学年度第二学期".
static SINGLE_SCHOOL_YEAR: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"((?:19|20)\d{2})\s*学年度?(.{0,4})"));

/// A two-digit year with a leading zero ("做好06年招生"): 200x.
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?:^|[^\d.])0(\d)年"));

/// Party congresses and plenums as cited: 十八大, 十八届四中、五中全会.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(二十|十[一二三四五六七八九]?)(?:大|届((?:[一二三四五六七]中[、和及与,，]?)+)全会)",
    )
});

/// A year and whether it was inferred rather than stated.
pub(super) type FoundYear = (i32, bool);

/// What the year rules read of one plan.
#[derive(Debug, Clone, Copy)]
pub(super) struct YearEvidence<'a> {
    /// The opening of the body, whitespace removed.
    pub(super) opening: &'a str,
    /// The plan's title.
    pub(super) title: &'a str,
    /// Every title line of the page.
    pub(super) titles: &'a [String],
    /// The whole body.
    pub(super) body: &'a str,
}

/// Reads years; built once from meeting_years.tsv.
#[derive(Debug)]
pub(super) struct YearReader {
    /// Meeting name -> (year, whether it is a congress).
    meetings: HashMap<String, (i32, bool)>,
    /// Years of the congresses, ascending.
    congresses: Vec<i32>,
}

impl YearReader {
    /// Reads meeting_years.tsv.
    ///
    /// # Errors
    /// [`GazetteerError`] when the file is missing or a year is not a number.
    pub(super) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut meetings = HashMap::new();
        let mut congresses = Vec::new();
        for row in gazetteer.rows(MEETING_YEARS, 2)? {
            let year: i32 = row
                .field(1)
                .parse()
                .map_err(|_| row.error(MEETING_YEARS, "the year is not a number"))?;
            let congress = row.field(2) == "congress";
            if congress {
                congresses.push(year);
            }
            meetings.insert(row.field(0).to_owned(), (year, congress));
        }
        congresses.sort_unstable();
        Ok(Self {
            meetings,
            congresses,
        })
    }

    /// The plan year: stated in the opening's "YYYY年…总体要求", else in the title
    /// (or another title line of the page), else in the report of a work conference,
    /// of a plan, or of the year ahead in the opening; failing all, inferred from the
    /// text.
    pub(super) fn year(&self, evidence: &YearEvidence<'_>) -> Option<FoundYear> {
        let opening = evidence.opening;
        let first = |re: &Regex| -> Option<i32> { re.captures(opening)?[1].parse().ok() };
        if let Some(year) = first(&REQUIREMENTS) {
            return Some((year, false));
        }
        let titled = std::iter::once(evidence.title)
            .chain(evidence.titles.iter().map(String::as_str))
            .find_map(title_year);
        if titled.is_some() {
            return titled;
        }
        let [ahead, will] = &*YEAR_AHEAD;
        [
            &*REVIEW_AND_PLAN,
            &*CONFERENCE,
            &*REPORTED_PLAN,
            ahead,
            will,
        ]
        .into_iter()
        .find_map(first)
        .map(|year| (year, false))
        .or_else(|| five_year_plan_year(opening).map(|year| (year, true)))
        .or_else(|| self.inferred_year(evidence.body).map(|year| (year, true)))
    }

    /// The years the party meetings `body` cites allow it to be from: from the
    /// newest meeting cited, up to the next congress after the newest congress
    /// cited (every plan places itself under the congress of its time); `None` when
    /// it cites none.
    pub(super) fn evidence_years(&self, body: &str) -> Option<YearRange> {
        let cited = self.cited_meetings(body);
        let from = cited.iter().map(|(year, _)| *year).max()?;
        let to = cited
            .iter()
            .filter(|(_, congress)| *congress)
            .map(|(year, _)| *year)
            .max()
            .and_then(|newest| self.congresses.iter().find(|&&y| y > newest).copied())
            .map(|next| next.max(from));
        Some(YearRange { from, to })
    }

    /// The year after the latest party meeting the text cites, or a "06年" year.
    fn inferred_year(&self, body: &str) -> Option<i32> {
        let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        let short_years = SHORT_YEAR
            .captures_iter(&compact)
            .filter_map(|c| c[1].parse::<i32>().ok())
            .map(|y| 2000 + y)
            .max();
        short_years.or_else(|| {
            self.cited_meetings(&compact)
                .into_iter()
                .map(|(year, _)| year + 1)
                .max()
        })
    }

    /// The year of each party meeting `text` cites, and whether it is a congress.
    fn cited_meetings(&self, text: &str) -> Vec<(i32, bool)> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut found = Vec::new();
        for caps in MEETING.captures_iter(&compact) {
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
            found.extend(names.iter().filter_map(|name| self.meetings.get(name)));
        }
        found
    }
}

/// The year an opening names as the first or last of a five-year plan.
fn five_year_plan_year(opening: &str) -> Option<i32> {
    if let Some(caps) = FIVE_YEAR_PLAN_YEAR.captures(opening) {
        let start = five_year_plan_start(&caps[1])?;
        return Some(if &caps[2] == "收官" {
            start + 4
        } else {
            start
        });
    }
    let caps = FIVE_YEAR_PLAN_COMPLETED.captures(opening)?;
    Some(five_year_plan_start(&caps[1])? + 4)
}

/// The plan year a title states: the year its school year or term falls in, else
/// the last year it names (the plan's year in "2021年总结及2022年计划"). A second
/// term of a school year written with one year ("2005学年度第二学期") falls in the
/// next calendar year, which is inferred.
fn title_year(title: &str) -> Option<FoundYear> {
    let compact: String = with_arabic_years(title)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let second_term = |after: &str| after.contains("第二") || after.contains('下');
    if let Some(caps) = SCHOOL_YEAR.captures(&compact) {
        let first: Option<i32> = caps[1].parse().ok();
        let second: Option<i32> = caps[2].parse().ok();
        // Two consecutive years (or a masked first one) named as a school year or
        // before a school's plan (校务计划) are a school year; a longer range
        // ("2021-2025年") is a plan of several years, dated by its last year.
        let consecutive = match (first, second) {
            (Some(a), Some(b)) => b - a <= 1,
            _ => true,
        };
        let after = caps.get(4).map_or("", |m| m.as_str());
        let named = caps.get(3).is_some_and(|m| m.as_str().starts_with("学年"))
            || after.contains(['校', '园'])
            || after.contains("学期");
        if consecutive && named {
            let year = if second_term(after) {
                second
            } else {
                first.or(second)
            };
            return year.map(|y| (y, false));
        }
    }
    if let Some(caps) = SINGLE_SCHOOL_YEAR.captures(&compact) {
        let year: i32 = caps[1].parse().ok()?;
        return Some(if second_term(&caps[2]) {
            (year + 1, true)
        } else {
            (year, false)
        });
    }
    let year = YEAR.find_iter(&compact).last()?.as_str().parse().ok()?;
    Some((year, false))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn reader() -> YearReader {
        YearReader::new(&Gazetteer::embedded()).unwrap()
    }

    fn year_of(opening: &str, title: &str) -> Option<FoundYear> {
        let compact: String = opening.chars().filter(|c| !c.is_whitespace()).collect();
        reader().year(&YearEvidence {
            opening: &compact,
            title,
            titles: &[],
            body: opening,
        })
    }

    #[test]
    fn every_static_pattern_compiles() {
        for re in [
            &*REQUIREMENTS,
            &*CONFERENCE,
            &*REPORTED_PLAN,
            &*FIVE_YEAR_PLAN_YEAR,
            &*YEAR,
            &*SCHOOL_YEAR,
            &*SINGLE_SCHOOL_YEAR,
            &*SHORT_YEAR,
            &*MEETING,
        ] {
            assert!(!re.as_str().is_empty());
        }
        assert_eq!(YEAR_AHEAD.len(), 2);
        assert_eq!(with_arabic_years("一九五七年"), "1957年");
    }

    #[test]
    fn title_years() {
        let year = |t: &str| title_year(t).map(|(y, _)| y);
        assert_eq!(
            year("县教育局2017年目标完成情况及2018年工作计划"),
            Some(2018)
        );
        assert_eq!(year("2025-2026学年度上学期工作计划"), Some(2025));
        assert_eq!(year("中学201*—2019学年第二学期学校工作计划"), Some(2019));
        assert_eq!(year("2020度市教育局工作计划"), Some(2020));
        assert_eq!(year("一九五七年政府工作报告"), Some(1957));
        assert_eq!(year("二〇〇三年政府工作报告"), Some(2003));
        // A school year without the word 学年, and one of a single year.
        assert_eq!(year("圣公会奉基小学2019-2020年度周年校务计划"), Some(2019));
        assert_eq!(year("2019学年工作要点"), Some(2019));
        assert_eq!(
            year("教青局公布2024/2025学年教育及青年工作措施"),
            Some(2024)
        );
        // A plan of several years is dated by its last year.
        assert_eq!(year("教育事业发展2021-2025年规划"), Some(2025));
        // ANNOTATION.md: "2005学年度第二学期" -> 2006, inferred.
        assert_eq!(title_year("2005学年度第二学期工作计划"), Some((2006, true)));
        // A summary-only document takes the year it summarises.
        assert_eq!(year("2022年工作总结"), Some(2022));
    }

    #[test]
    fn openings_state_the_year() {
        assert_eq!(
            year_of(
                "教育局2021年工作要点范文2020年是决胜之年。2020年,全市教育工作的总体要求是",
                "教育局2021年工作要点"
            ),
            Some((2020, false))
        );
        assert_eq!(
            year_of("2019年教育工作的基本要求是:坚持以习近平新时代", ""),
            Some((2019, false))
        );
        // A news report of a plan: its year is in the first sentence.
        assert_eq!(
            year_of(
                "1月22日,中共云南省委高校工委、云南省教育厅向全省教育系统发出《关于印发2017年工作要点的通知》。全面贯彻落实党的十八大和十八届三中、四中、五中、六中全会精神",
                ""
            ),
            Some((2017, false))
        );
        // A report of the year's work conference.
        assert_eq!(
            year_of(
                "2月23日,洛阳市2022年度全市教育工作视频会议在洛阳市教育局召开。",
                ""
            ),
            Some((2022, false))
        );
        assert_eq!(
            year_of(
                "2月11日,青岛市教育局发布2026年工作要点,一起来看详细内容。",
                ""
            ),
            Some((2026, false))
        );
        assert_eq!(
            year_of(
                "2月16日,丹凤县召开2011春季开学工作会,全面安排部署新学年的各项工作。",
                ""
            ),
            Some((2011, false))
        );
        assert_eq!(
            year_of("2月27日,兴文县2026年春期开学准备工作专题会召开。", ""),
            Some((2026, false))
        );
        // The year ahead, not the year looked back on.
        assert_eq!(
            year_of(
                "2016年,南昌市教育工作呈现持续向好的发展局面。2017年,南昌教育人将认真贯彻落实",
                ""
            ),
            Some((2017, false))
        );
        assert_eq!(
            year_of("2010年是完成“十一五”教育规划的冲刺之年。", ""),
            Some((2010, false))
        );
    }

    #[test]
    fn five_year_plans_give_their_first_and_last_years() {
        assert_eq!(five_year_plan_start("十三五"), Some(2016));
        assert_eq!(five_year_plan_start("十一五"), Some(2006));
        assert_eq!(five_year_plan_start("九五"), Some(1996));
        assert_eq!(five_year_plan_start("三五"), Some(1966));
        // From a real opening (a university's cadre meeting of 2016).
        let opening =
            "她强调,今年是落实“四个全面”战略布局的关键之年;是“十三五”规划开局之年,学校深化综合改革";
        assert_eq!(five_year_plan_year(opening), Some(2016));
        assert_eq!(five_year_plan_year("今年是“十二五”收官之年"), Some(2015));
        // A five-year plan named without this year is no year.
        assert_eq!(five_year_plan_year("“十四五”开局之年取得的成绩"), None);
        // A plan completing a five-year plan is of its last year (a county's 2010 plan).
        assert_eq!(
            five_year_plan_year("全面完成丹阳教育事业十一五发展规划提出的目标任务。"),
            Some(2010)
        );
    }

    #[test]
    fn years_are_inferred_from_meetings() {
        let reader = reader();
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

    #[test]
    fn cited_meetings_bound_the_years_of_a_text() {
        let reader = reader();
        // 十七大 (2007) and 十七届四中全会 (2009): written from 2009, before the
        // plans of the next congress's time (十八大, 2012).
        let range = reader
            .evidence_years("深入贯彻党的十七大和十七届四中全会精神")
            .unwrap();
        assert_eq!(
            range,
            YearRange {
                from: 2009,
                to: Some(2012)
            }
        );
        assert!(!range.contains(2017));
        assert!(range.contains(2010));
        // The newest congress cited has no successor yet: open-ended.
        let range = reader.evidence_years("全面贯彻党的二十大精神").unwrap();
        assert_eq!(
            range,
            YearRange {
                from: 2022,
                to: None
            }
        );
        assert_eq!(reader.evidence_years("全面贯彻党的教育方针"), None);
    }
}
