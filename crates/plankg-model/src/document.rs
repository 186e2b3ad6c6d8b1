//! Documents, their section tree and their tasks.

use serde::{Deserialize, Serialize};

use crate::entities::Entities;
use crate::issuer::{Issuer, Place};
use crate::span::Span;

/// Everything extracted from one source file: the JSON object that
/// `plankg extract --format json` prints per input (see ANNOTATION.md).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ExtractedFile {
    /// The source path as given (relative to the input argument it was found under).
    pub source: String,
    /// The plans found in the file, in the order of their first appearance.
    pub documents: Vec<Document>,
}

/// One plan: its metadata, its section tree and the entities found in it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// Index of the plan inside its source file (0 for the first).
    pub index: usize,
    /// The plan's own title as written, without site decorations.
    pub title: Option<String>,
    /// The year the plan is for.
    pub year: Option<i32>,
    /// Whether `year` was inferred from indirect evidence rather than stated.
    pub year_inferred: bool,
    /// The issuing body as written, most specific form; joint issuers joined by a
    /// space ("嘉兴市委教育工委 市教育局").
    pub issuer: Option<String>,
    /// Each body of the issuer with its identity: its canonical name, place and
    /// kind. Empty when no issuer is named.
    #[serde(default)]
    pub issuers: Vec<Issuer>,
    /// The jurisdiction named in the text (city, district, province): the full
    /// name when the gazetteer knows the place, else as written.
    pub region: Option<String>,
    /// The region and the regions enclosing it, the region first (鹿城区, 温州市,
    /// 浙江省); empty when the gazetteer cannot place it.
    #[serde(default)]
    pub jurisdiction: Vec<Place>,
    /// The years the cited party meetings allow the text to be from (the newest
    /// meeting cited, up to the next congress after the newest congress cited),
    /// when it cites any; a `year` outside it says the title may not be the text's.
    #[serde(default)]
    pub evidence_years: Option<YearRange>,
    /// The issue date as written in the text (e.g. "2018-02-26"), when given.
    pub issued: Option<String>,
    /// Number of top-level parts.
    pub top_sections: u32,
    /// The characters of the source file this plan occupies.
    pub span: Span,
    /// Where the title was found, when it was.
    pub title_span: Option<Span>,
    /// The section tree: the preamble (depth 0) first, then the top-level parts.
    pub sections: Vec<Section>,
    /// The entities of the plan: the union over its tasks, one entry per entity
    /// with the evidence of every mention.
    #[serde(flatten)]
    pub entities: Entities,
}

/// A range of years, both ends included; `to` is `None` when open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearRange {
    /// The first year.
    pub from: i32,
    /// The last year, when bounded.
    pub to: Option<i32>,
}

impl YearRange {
    /// Whether `year` lies inside the range.
    #[must_use]
    pub fn contains(&self, year: i32) -> bool {
        year >= self.from && self.to.is_none_or(|to| year <= to)
    }
}

/// What a part of a plan is (issue 14): a summary of work done, or a plan of work
/// to come. A page often joins last year's summary and this year's plan
/// ("2021年工作总结和2022年工作要点"); ANNOTATION.md counts the figures a summary
/// reports as targets too, marked `reported`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PartKind {
    /// A summary of the work of a year (工作总结, 工作回顾, 完成情况).
    Summary,
    /// A plan of work to come (工作计划, 工作要点, 工作安排); what a part is unless
    /// something says otherwise.
    #[default]
    Plan,
}

impl PartKind {
    /// The name used in JSON and gazetteers.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Summary => "summary",
            Self::Plan => "plan",
        }
    }

    /// Parses the name used in JSON and gazetteers.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "summary" => Self::Summary,
            "plan" => Self::Plan,
            _ => return None,
        })
    }
}

/// One part of a plan's section tree.
///
/// Every section carries the kind and the year of the part it is in: a top-level
/// section (and the preamble) has its own, a nested section repeats its top-level
/// section's, so that a reader of any section or task needs no walk up the tree.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Section {
    /// Identifier unique inside the document, e.g. "s3" or "s3.2"; "s0" is the preamble.
    pub id: String,
    /// Nesting depth: 0 for the preamble, 1 for top-level parts.
    pub depth: u32,
    /// Position among its siblings, from 1 (0 for the preamble).
    pub ordinal: u32,
    /// The number as written ("一、", "（二）", "3."), if any.
    pub number: Option<String>,
    /// The heading text without its number, if any.
    pub heading: Option<String>,
    /// Where the heading (number included) is in the source.
    pub heading_span: Option<Span>,
    /// The whole section in the source.
    pub span: Span,
    /// The kind of part the section is in: summary or plan.
    #[serde(default)]
    pub part_kind: PartKind,
    /// The year the section's text is about: the summarised year in a summary part
    /// (2021 in the summary of a 2021年工作总结和2022年工作要点), the plan year in a
    /// plan part; `None` when nothing says.
    #[serde(default)]
    pub about_year: Option<i32>,
    /// Tasks directly under this section (the heading itself is the first task when it
    /// carries text of its own).
    pub tasks: Vec<Task>,
    /// Sub-sections.
    pub children: Vec<Section>,
}

/// One numbered item or paragraph of work, with the entities it mentions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Task {
    /// Identifier unique inside the document, e.g. "t12".
    pub id: String,
    /// The task's text (normalised: simplified, full-width folded).
    pub text: String,
    /// Where the task is in the source.
    pub span: Span,
    /// Whether this task is a section heading rather than body text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_heading: bool,
    /// The entities mentioned here, with their evidence.
    #[serde(flatten)]
    pub entities: Entities,
    /// Names of documents this task will draft.
    pub produces: Vec<String>,
    /// When the task is due, as written in its task table's deadline column
    /// (完成时间, 时限, 周次), with where it is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
}

/// A task's deadline as written, with its place in the source.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Deadline {
    /// The cell's text ("6月底前", "全年", "第3周").
    pub text: String,
    /// Where it is in the source.
    pub span: Span,
}

impl Document {
    /// The body that owns the plan among its issuers: the first government body,
    /// else the first school, else the first body (a party committee). Units and
    /// continuations are keyed by it.
    #[must_use]
    pub fn primary_issuer(&self) -> Option<&Issuer> {
        use crate::issuer::IssuerKind;
        self.issuers
            .iter()
            .find(|i| i.kind == IssuerKind::Administration)
            .or_else(|| self.issuers.iter().find(|i| i.kind == IssuerKind::School))
            .or_else(|| self.issuers.first())
    }

    /// All tasks of the document, depth first, in reading order.
    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        fn walk<'a>(section: &'a Section, out: &mut Vec<&'a Task>) {
            out.extend(section.tasks.iter());
            for child in &section.children {
                walk(child, out);
            }
        }
        let mut out = Vec::new();
        for section in &self.sections {
            walk(section, &mut out);
        }
        out.into_iter()
    }

    /// All sections of the document, depth first, in reading order.
    pub fn all_sections(&self) -> impl Iterator<Item = &Section> {
        fn walk<'a>(section: &'a Section, out: &mut Vec<&'a Section>) {
            out.push(section);
            for child in &section.children {
                walk(child, out);
            }
        }
        let mut out = Vec::new();
        for section in &self.sections {
            walk(section, &mut out);
        }
        out.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_are_listed_depth_first() {
        let task = |id: &str| Task {
            id: id.to_owned(),
            ..Task::default()
        };
        let doc = Document {
            sections: vec![
                Section {
                    id: "s0".into(),
                    tasks: vec![task("t1")],
                    ..Section::default()
                },
                Section {
                    id: "s1".into(),
                    tasks: vec![task("t2")],
                    children: vec![Section {
                        id: "s1.1".into(),
                        tasks: vec![task("t3")],
                        ..Section::default()
                    }],
                    ..Section::default()
                },
            ],
            ..Document::default()
        };
        let ids: Vec<_> = doc.tasks().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["t1", "t2", "t3"]);
        let sections: Vec<_> = doc.all_sections().map(|s| s.id.as_str()).collect();
        assert_eq!(sections, ["s0", "s1", "s1.1"]);
    }

    #[test]
    fn part_kinds_are_lowercase_in_json_and_plan_by_default() {
        let section = Section {
            part_kind: PartKind::Summary,
            about_year: Some(2021),
            ..Section::default()
        };
        let json = serde_json::to_value(&section).unwrap();
        assert_eq!(json["part_kind"], "summary");
        assert_eq!(json["about_year"], 2021);
        // JSON written before the fields existed reads as a plan part of no year.
        let mut old = json;
        old.as_object_mut().unwrap().remove("part_kind");
        old.as_object_mut().unwrap().remove("about_year");
        let read: Section = serde_json::from_value(old).unwrap();
        assert_eq!((read.part_kind, read.about_year), (PartKind::Plan, None));
        for kind in [PartKind::Summary, PartKind::Plan] {
            assert_eq!(PartKind::from_name(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn json_has_integer_year_and_sections() {
        let doc = Document {
            year: Some(2018),
            top_sections: 9,
            ..Document::default()
        };
        let json = serde_json::to_value(&doc).unwrap();
        assert_eq!(json["year"], 2018);
        assert_eq!(json["top_sections"], 9);
        assert!(json["policies"].as_array().unwrap().is_empty());
    }
}
