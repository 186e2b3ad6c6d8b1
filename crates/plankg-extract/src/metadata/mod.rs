//! Document metadata: title, year (stated or inferred), issuer, region and issue date
//! of one plan, read from its title lines, the notice that may wrap it, its opening
//! and its body (ANNOTATION.md, "Document fields"). One module a field: [`title`],
//! [`year`], [`issuer`], [`region`].

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use plankg_model::{Issuer, Place, YearRange};
use regex::Regex;

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::lines::{clean_title, is_title_line, Line};
use crate::patterns::static_regex;
use crate::places::Places;

mod issuer;
mod region;
mod title;
mod year;

use issuer::IssuerReader;
pub(crate) use issuer::HEADS as ISSUER_HEADS_FILE;
use region::RegionReader;
use title::find_title;
use year::{YearEvidence, YearReader};

/// How much of the opening (characters, whitespace removed) states the plan's year.
const OPENING_CHARS: usize = 400;

/// How much of the body (characters) places an ambiguous place name.
const CONTEXT_CHARS: usize = 2000;

/// Words of a title that make the plan a school's own (学校工作计划, 园务计划): its
/// issuer is the school, never a bureau its text mentions.
const SCHOOL_PLAN_WORDS: [&str; 8] = [
    "学校工作",
    "校务",
    "园务",
    "学期",
    "班级",
    "教研组",
    "年级组",
    "幼儿园",
];

/// A publication-date field of a page header (发文日期: 2022-02-14).
static DATE_FIELD: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?:发文日期|成文日期)\s*[:：]\s*(\d{4}-\d{1,2}-\d{1,2})"));

/// What is known about a plan besides its structure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    /// The title without decorations, and where it is.
    pub(crate) title: Option<(String, Range<usize>)>,
    /// The plan year.
    pub(crate) year: Option<i32>,
    /// Whether the year was inferred.
    pub(crate) year_inferred: bool,
    /// The years the cited party meetings allow.
    pub(crate) evidence_years: Option<YearRange>,
    /// The issuing bodies as written, joined by a space.
    pub(crate) issuer: Option<String>,
    /// Each issuing body with its identity.
    pub(crate) issuers: Vec<Issuer>,
    /// The jurisdiction: its full name when the gazetteer places it, else as written.
    pub(crate) region: Option<String>,
    /// The region and the places enclosing it, the region first.
    pub(crate) jurisdiction: Vec<Place>,
    /// The issue date as written.
    pub(crate) issued: Option<String>,
}

/// Reads metadata; built once from the gazetteer.
#[derive(Debug)]
pub(crate) struct MetadataReader {
    regions: RegionReader,
    years: YearReader,
    issuers: IssuerReader,
}

impl MetadataReader {
    /// Builds the reader from the places and place_short_stopwords.txt,
    /// meeting_years.tsv, issuer_heads.tsv, name_boundaries.txt and name_verbs.txt.
    ///
    /// # Errors
    /// [`GazetteerError`] when a file is missing or a row malformed.
    pub(crate) fn new(gazetteer: &Gazetteer, places: Arc<Places>) -> Result<Self, GazetteerError> {
        Ok(Self {
            regions: RegionReader::new(gazetteer, places)?,
            years: YearReader::new(gazetteer)?,
            issuers: IssuerReader::new(gazetteer)?,
        })
    }

    /// The metadata of the plan in `lines` (all lines of its segment, chrome
    /// included); `first_copy` holds the lines of an earlier, shorter copy.
    pub(crate) fn read(&self, text: &str, lines: &[Line], first_copy: &[Line]) -> Metadata {
        let content: Vec<&Line> = lines.iter().filter(|l| !l.chrome).collect();
        let names_body = |line: &str| !self.issuers.title_bodies(line, &self.regions).is_empty();
        let title = find_title(text, first_copy, &names_body)
            .or_else(|| find_title(text, lines, &names_body))
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
        let found_year = self.years.year(&YearEvidence {
            opening: &opening,
            title: title_text,
            titles: &titles,
            body: &body,
        });
        let (signature, issued) = self.issuers.signature(text, lines, &self.regions);
        let school_plan = SCHOOL_PLAN_WORDS.iter().any(|w| title_text.contains(w));
        let bodies = self.bodies(
            text,
            lines,
            (title.as_ref(), school_plan),
            signature,
            (&opening, &body),
        );
        let issuer = (!bodies.is_empty()).then(|| bodies.join(" "));
        let issued = issued.or_else(|| {
            lines.iter().find_map(|l| {
                let line = &text[l.range.clone()];
                DATE_FIELD.captures(line).map(|c| c[1].to_owned())
            })
        });
        let written_region = self
            .regions
            .region(issuer.as_deref(), title_text, (&opening, &body));
        let context: String = [issuer.as_deref().unwrap_or(""), title_text]
            .into_iter()
            .chain(std::iter::once(body.as_str()))
            .flat_map(str::chars)
            .take(CONTEXT_CHARS)
            .collect();
        let jurisdiction = written_region
            .as_deref()
            .map(|r| self.regions.jurisdiction(r, &context))
            .unwrap_or_default();
        let region = jurisdiction
            .first()
            .map(|p| p.name.clone())
            .or(written_region);
        let mut issuers = self
            .issuers
            .identities(&bodies, &jurisdiction, &self.regions);
        if issuers.is_empty() && !school_plan {
            issuers.extend(issuer::implied_administration(&opening, &jurisdiction));
        }
        Metadata {
            title,
            year: found_year.map(|(year, _)| year),
            year_inferred: found_year.is_some_and(|(_, inferred)| inferred),
            evidence_years: self.years.evidence_years(&body),
            issuer,
            issuers,
            region,
            jurisdiction,
            issued,
        }
    }

    /// The issuing bodies as written: named in the title, else in the notice that
    /// wraps the plan, else in its signature, else (a school's plan) a school on a
    /// line next to its title or a school the page names as publisher, else (a
    /// bureau's plan) the body a reported plan's title names, the bureau its body
    /// names with its level, or the body the page names as its publisher (a site's
    /// name, less sure than the text's own words).
    fn bodies(
        &self,
        text: &str,
        lines: &[Line],
        (title, school_plan): (Option<&(String, Range<usize>)>, bool),
        signature: Vec<String>,
        (opening, body): (&str, &str),
    ) -> Vec<String> {
        let title_text = title.map_or("", |(t, _)| t.as_str());
        let from_title = self.issuers.title_bodies(title_text, &self.regions);
        if !from_title.is_empty() {
            return self.issuers.completed(from_title, body, &self.regions);
        }
        let notice = self.issuers.notice_bodies(text, lines, &self.regions);
        if !notice.is_empty() {
            return notice;
        }
        if !signature.is_empty() {
            return signature;
        }
        let publisher = self.issuers.publisher(text, lines, &self.regions);
        if school_plan {
            return title
                .and_then(|(_, range)| {
                    self.issuers
                        .school_line(text, lines, range.start, &self.regions)
                })
                .or(publisher.filter(|p| self.issuers.is_school(p)))
                .into_iter()
                .collect();
        }
        let reported = self.issuers.reported_title_bodies(opening, &self.regions);
        if !reported.is_empty() {
            return reported;
        }
        self.issuers
            .body_bureau(body, &self.regions)
            .or(publisher)
            .into_iter()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_static_pattern_compiles() {
        assert!(!DATE_FIELD.as_str().is_empty());
    }
}
