//! `trace`: since when, where and how continuously a term appears.
//!
//! The term is searched in the text index (every task and heading of every
//! document); `years` are the years the passages containing it exactly are about.
//! A passage's year is its part's (`pk:aboutYear`): a passage of the 2021 summary
//! inside "2021年工作总结和2022年工作要点" is of 2021, so a term a plan of 2022
//! reports as done in 2021 first appears in 2021, not a year late (issue 14). A
//! passage whose part states no year (or read from an index written before parts
//! were) takes its document's plan year. `--from`/`--to` count the same years; each
//! occurrence also shows its document's plan year and the kind of part it is in.
//! Labels declared the same or close to a label equal to the term
//! (skos:exactMatch, skos:closeMatch, other labels of the same initiative) are
//! variants: their occurrences are listed apart and add no year.

use std::collections::{BTreeMap, BTreeSet};

use plankg_model::PartKind;
use serde::Serialize;

use crate::text_index::{Hit, Origin, TextIndex, TextIndexError};

/// What to trace and which documents count.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TraceQuery {
    /// The term, already normalised as document texts are (plankg-extract's
    /// `TermNormaliser`).
    pub term: String,
    /// Keep documents whose issuer label contains this.
    pub issuer: Option<String>,
    /// Keep documents whose region label contains this.
    pub region: Option<String>,
    /// Keep passages about this year or later.
    pub from: Option<i32>,
    /// Keep passages about this year or earlier.
    pub to: Option<i32>,
    /// Keep the passages of plans that duplicate another (`pk:duplicateOf`); by
    /// default a plan held at several paths counts once.
    pub keep_duplicates: bool,
}

/// One text containing the term (or a variant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    /// The year its passage is about: its part's year (2021 for the summary of
    /// 2021 in a 2022 plan), else its document's plan year.
    pub year: Option<i32>,
    /// The plan year of its document.
    pub document_year: Option<i32>,
    /// The kind of part it is in; none when the index predates parts.
    pub part_kind: Option<PartKind>,
    /// The document's IRI.
    pub document: String,
    /// The document's title.
    pub title: Option<String>,
    /// The issuer's label.
    pub issuer: Option<String>,
    /// The region's label.
    pub region: Option<String>,
    /// The heading of the section it is in.
    pub section: Option<String>,
    /// The task's IRI (a section's for a heading that is no task).
    pub task: String,
    /// The task's text.
    pub text: String,
    /// Character span `[start, end)` of the first match in `text`.
    #[serde(rename = "match")]
    pub span: (usize, usize),
    /// What matched: the term itself or the variant label.
    pub via: String,
    /// The earlier task this one continues (same issuer), if any.
    pub continues: Option<String>,
    /// The earlier task of another issuer this one echoes, if any.
    pub echoes: Option<String>,
    /// Where the chain of its links leads back to (following continues, else
    /// echoes), and the size of its family of linked tasks; none without links.
    pub origin: Option<Origin>,
}

/// A variant of the term and the years it appears in (not counted in `years`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// The label.
    pub label: String,
    /// Years of the passages containing it.
    pub years: Vec<i32>,
}

/// The answer of [`trace`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TraceReport {
    /// The term searched.
    pub term: String,
    /// Sorted years of the passages containing the term exactly (see
    /// [`Occurrence::year`]).
    pub years: Vec<i32>,
    /// The first of `years`.
    pub first_year: Option<i32>,
    /// The last of `years`.
    pub last_year: Option<i32>,
    /// Years between the first and the last with no document containing the term.
    pub gaps: Vec<i32>,
    /// Length of the longest run of consecutive years in `years`.
    pub longest_run: usize,
    /// Regions of the documents containing the term, sorted.
    pub regions: Vec<String>,
    /// Issuers of the documents containing the term, sorted.
    pub issuers: Vec<String>,
    /// Variants found, with their own years.
    pub variants: Vec<Variant>,
    /// Every matching text: the term's first, ordered by year, document and
    /// position, then the variants'.
    pub occurrences: Vec<Occurrence>,
    /// Closest known labels, when nothing matched.
    pub suggestions: Vec<String>,
}

/// Traces `query.term` through the text index.
///
/// # Errors
/// [`TextIndexError`] when the index cannot be read.
///
/// # Complexity
/// One index search per term and variant, plus the matching texts.
pub fn trace(index: &TextIndex, query: &TraceQuery) -> Result<TraceReport, TextIndexError> {
    let term = query.term.as_str();
    let mut occurrences = occurrences_of(index, query, term, &index.search(term)?);
    let years: BTreeSet<i32> = occurrences.iter().filter_map(|o| o.year).collect();
    let mut regions: BTreeSet<String> = BTreeSet::new();
    let mut issuers: BTreeSet<String> = BTreeSet::new();
    for o in &occurrences {
        regions.extend(o.region.clone());
        issuers.extend(o.issuer.clone());
    }
    let seen: BTreeSet<String> = occurrences.iter().map(|o| o.task.clone()).collect();
    let mut variants = Vec::new();
    for label in variant_labels(index, term) {
        let hits = index.search(&label)?;
        let rows: Vec<Occurrence> = occurrences_of(index, query, &label, &hits)
            .into_iter()
            .filter(|o| !seen.contains(&o.task))
            .collect();
        let years: BTreeSet<i32> = rows.iter().filter_map(|o| o.year).collect();
        variants.push(Variant {
            label,
            years: years.into_iter().collect(),
        });
        occurrences.extend(rows);
    }
    let years: Vec<i32> = years.into_iter().collect();
    let suggestions = if occurrences.is_empty() {
        index.suggest(term, 5)?
    } else {
        Vec::new()
    };
    Ok(TraceReport {
        term: term.to_owned(),
        first_year: years.first().copied(),
        last_year: years.last().copied(),
        gaps: gaps(&years),
        longest_run: longest_run(&years),
        years,
        regions: regions.into_iter().collect(),
        issuers: issuers.into_iter().collect(),
        variants,
        occurrences,
        suggestions,
    })
}

/// The rows of `hits` that pass the query's filters, ordered by the year of their
/// passage, document and task.
fn occurrences_of(
    index: &TextIndex,
    query: &TraceQuery,
    via: &str,
    hits: &[Hit],
) -> Vec<Occurrence> {
    let contains = |value: &Option<String>, wanted: &Option<String>| match wanted {
        None => true,
        Some(w) => value.as_deref().is_some_and(|v| v.contains(w.as_str())),
    };
    let mut rows: Vec<Occurrence> = hits
        .iter()
        .filter_map(|hit| {
            let doc = index.documents().get(hit.text.document as usize)?;
            if doc.duplicate_of.is_some() && !query.keep_duplicates {
                return None;
            }
            let year = hit.text.about_year.or(doc.year);
            let in_range = match year {
                Some(y) => query.from.is_none_or(|f| y >= f) && query.to.is_none_or(|t| y <= t),
                None => query.from.is_none() && query.to.is_none(),
            };
            // Any issuing body whose name (any of its labels) contains the filter.
            let issuer_ok = contains(&doc.issuer, &query.issuer)
                || query.issuer.as_deref().is_some_and(|wanted| {
                    doc.issuer_names.iter().any(|name| name.contains(wanted))
                });
            if !in_range || !issuer_ok || !contains(&doc.region, &query.region) {
                return None;
            }
            Some(Occurrence {
                year,
                document_year: doc.year,
                part_kind: hit.text.part_kind,
                document: doc.iri.clone(),
                title: doc.title.clone(),
                issuer: doc.issuer.clone(),
                region: doc.region.clone(),
                section: hit.text.section.clone(),
                task: hit.text.task.clone(),
                text: hit.text.text.clone(),
                span: hit.matches.first().copied().unwrap_or_default(),
                via: via.to_owned(),
                continues: hit.text.continues.clone(),
                echoes: hit.text.echoes.clone(),
                origin: hit.text.origin.clone(),
            })
        })
        .collect();
    rows.sort_by(|a, b| (a.year, &a.document, &a.task).cmp(&(b.year, &b.document, &b.task)));
    rows
}

/// Labels of the resources that have the term as a label, and of those declared
/// the same or close to them, that do not contain the term (those are found by the
/// text search already). Sorted.
fn variant_labels(index: &TextIndex, term: &str) -> Vec<String> {
    let mut entities: BTreeSet<&str> = BTreeSet::new();
    for label in index.labels().iter().filter(|l| l.label == term) {
        entities.insert(&label.iri);
        entities.extend(label.matches.iter().map(String::as_str));
    }
    let mut by_iri: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for label in index.labels() {
        by_iri.entry(&label.iri).or_default().push(&label.label);
    }
    let mut out: BTreeSet<String> = BTreeSet::new();
    for iri in entities {
        for label in by_iri.get(iri).into_iter().flatten() {
            if !label.contains(term) {
                out.insert((*label).to_owned());
            }
        }
    }
    out.into_iter().collect()
}

/// Years missing between the first and the last of sorted `years`.
fn gaps(years: &[i32]) -> Vec<i32> {
    years.windows(2).flat_map(|w| (w[0] + 1)..w[1]).collect()
}

/// Length of the longest run of consecutive years in sorted, distinct `years`.
fn longest_run(years: &[i32]) -> usize {
    let mut best = 0;
    let mut run = 0;
    for (i, &y) in years.iter().enumerate() {
        run = if i > 0 && years[i - 1] + 1 == y {
            run + 1
        } else {
            1
        };
        best = best.max(run);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_index::{IndexedDocument, IndexedLabel, IndexedText};

    fn index(dir: &std::path::Path) -> TextIndex {
        let doc = |iri: &str, year: i32, region: &str| IndexedDocument {
            iri: iri.into(),
            year: Some(year),
            region: Some(region.into()),
            ..IndexedDocument::default()
        };
        let text = |task: &str, document: u32, text: &str| IndexedText {
            task: task.into(),
            document,
            text: text.into(),
            ..IndexedText::default()
        };
        let label = |iri: &str, label: &str, matches: &[&str]| IndexedLabel {
            iri: iri.into(),
            label: label.into(),
            matches: matches.iter().map(|m| (*m).to_owned()).collect(),
        };
        let path = dir.join("text-index");
        TextIndex::write(
            &path,
            &[
                doc("d18", 2018, "嘉兴市"),
                doc("d20", 2020, "嘉兴市"),
                doc("d22", 2022, "连云港市"),
            ],
            &[
                text("t1", 0, "加强师德师风建设"),
                text("t2", 1, "师德师风考核"),
                text("t3", 2, "实施名师工程"),
                text("t4", 0, "推进名校长工程"),
            ],
            &[
                label("i1", "名师工程", &["i2"]),
                label("i2", "名校长工程", &["i1"]),
            ],
        )
        .unwrap();
        TextIndex::open(&path).unwrap()
    }

    #[test]
    fn years_gaps_and_runs() {
        let dir = tempfile::tempdir().unwrap();
        let index = index(dir.path());
        let report = trace(
            &index,
            &TraceQuery {
                term: "师德师风".into(),
                ..TraceQuery::default()
            },
        )
        .unwrap();
        assert_eq!(report.years, [2018, 2020]);
        assert_eq!(report.gaps, [2019]);
        assert_eq!(report.longest_run, 1);
        assert_eq!(report.occurrences.len(), 2);
        assert_eq!(report.occurrences[0].span, (2, 6));
        let filtered = trace(
            &index,
            &TraceQuery {
                term: "师德师风".into(),
                from: Some(2019),
                ..TraceQuery::default()
            },
        )
        .unwrap();
        assert_eq!(filtered.years, [2020]);
    }

    #[test]
    fn variants_add_no_years() {
        let dir = tempfile::tempdir().unwrap();
        let index = index(dir.path());
        let report = trace(
            &index,
            &TraceQuery {
                term: "名师工程".into(),
                ..TraceQuery::default()
            },
        )
        .unwrap();
        assert_eq!(report.years, [2022]);
        assert_eq!(report.variants.len(), 1);
        assert_eq!(report.variants[0].label, "名校长工程");
        assert_eq!(report.variants[0].years, [2018]);
        assert_eq!(report.occurrences.last().unwrap().via, "名校长工程");
    }

    #[test]
    fn unknown_term_suggests_labels() {
        let dir = tempfile::tempdir().unwrap();
        let index = index(dir.path());
        let report = trace(
            &index,
            &TraceQuery {
                term: "名师工作".into(),
                ..TraceQuery::default()
            },
        )
        .unwrap();
        assert!(report.occurrences.is_empty());
        assert_eq!(report.suggestions[0], "名师工程");
    }

    #[test]
    fn a_summary_passage_counts_in_the_year_it_is_about() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("text-index");
        let documents = [IndexedDocument {
            iri: "d22".into(),
            year: Some(2022),
            ..IndexedDocument::default()
        }];
        let text = |task: &str, about_year: Option<i32>, part_kind: Option<PartKind>| IndexedText {
            task: task.into(),
            text: "落实\"双减\"政策".into(),
            about_year,
            part_kind,
            ..IndexedText::default()
        };
        let texts = [
            text("summary", Some(2021), Some(PartKind::Summary)),
            text("plan", Some(2022), Some(PartKind::Plan)),
            // From an index written before parts were read: the document's year.
            text("old", None, None),
        ];
        TextIndex::write(&path, &documents, &texts, &[]).unwrap();
        let index = TextIndex::open(&path).unwrap();
        let query = |from: Option<i32>| TraceQuery {
            term: "双减".into(),
            from,
            ..TraceQuery::default()
        };
        let report = trace(&index, &query(None)).unwrap();
        assert_eq!(report.years, [2021, 2022]);
        assert_eq!(report.first_year, Some(2021));
        let first = &report.occurrences[0];
        assert_eq!((first.task.as_str(), first.year), ("summary", Some(2021)));
        assert_eq!(first.document_year, Some(2022));
        assert_eq!(first.part_kind, Some(PartKind::Summary));
        let old = report.occurrences.iter().find(|o| o.task == "old").unwrap();
        assert_eq!((old.year, old.part_kind), (Some(2022), None));
        let later = trace(&index, &query(Some(2022))).unwrap();
        assert_eq!(later.years, [2022]);
        assert!(later.occurrences.iter().all(|o| o.task != "summary"));
    }

    #[test]
    fn runs_count_consecutive_years() {
        assert_eq!(longest_run(&[2018, 2019, 2020, 2022]), 3);
        assert_eq!(gaps(&[2018, 2021]), [2019, 2020]);
    }
}
