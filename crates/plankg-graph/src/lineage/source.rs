//! What the lineage step reads from the store: every task, heading, document and
//! label, through the queries in ontology/queries/lineage_*.rq.

use std::collections::BTreeMap;

use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution};
use plankg_model::PartKind;
use plankg_rdf::part_kind_of_iri;
use plankg_store::PlanStore;

use super::error::LineageError;

const TASKS: &str = include_str!("../../../../ontology/queries/lineage_tasks.rq");
const HEADINGS: &str = include_str!("../../../../ontology/queries/lineage_headings.rq");
const DOCUMENTS: &str = include_str!("../../../../ontology/queries/lineage_documents.rq");
const LABELS: &str = include_str!("../../../../ontology/queries/lineage_labels.rq");

/// A text of a document: a task, or a heading no task repeats (then `is_task` is
/// false and `iri` is the section's); with the kind and year of the part its
/// section is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextRow {
    pub(crate) iri: String,
    pub(crate) document: String,
    pub(crate) text: String,
    pub(crate) heading: Option<String>,
    pub(crate) is_task: bool,
    pub(crate) about_year: Option<i32>,
    pub(crate) part_kind: Option<PartKind>,
}

/// A document's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct DocumentRow {
    pub(crate) title: Option<String>,
    pub(crate) year: Option<i32>,
    /// The IRIs of its issuing bodies, sorted.
    pub(crate) issuers: Vec<String>,
    /// Their preferred labels, in the order of `issuers`.
    pub(crate) issuer_labels: Vec<String>,
    /// Every label of every body (preferred and alternative), sorted: what an
    /// `--issuer` filter matches.
    pub(crate) issuer_names: Vec<String>,
    pub(crate) region_label: Option<String>,
    /// The plan whose text it holds too (`pk:duplicateOf`), if any.
    pub(crate) duplicate_of: Option<String>,
}

/// The labels of one initiative or policy.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct EntityRow {
    pub(crate) is_policy: bool,
    pub(crate) pref: Option<String>,
    pub(crate) alt: Vec<String>,
    pub(crate) matches: Vec<String>,
    pub(crate) level: Option<String>,
}

/// Everything the lineage step reads, keyed and sorted by IRI.
#[derive(Debug, Default)]
pub(crate) struct Corpus {
    pub(crate) texts: Vec<TextRow>,
    pub(crate) documents: BTreeMap<String, DocumentRow>,
    pub(crate) entities: BTreeMap<String, EntityRow>,
}

impl Corpus {
    /// Reads the corpus from the store.
    pub(crate) fn read(store: &PlanStore) -> Result<Self, LineageError> {
        let mut corpus = Self::default();
        for row in solutions(store, TASKS)? {
            let row = row?;
            if let (Some(iri), Some(document), Some(text)) =
                (iri(&row, "task"), iri(&row, "doc"), literal(&row, "text"))
            {
                corpus.texts.push(TextRow {
                    iri,
                    document,
                    text,
                    heading: literal(&row, "heading"),
                    is_task: true,
                    about_year: year(&row),
                    part_kind: part_kind(&row),
                });
            }
        }
        for row in solutions(store, HEADINGS)? {
            let row = row?;
            if let (Some(iri), Some(document), Some(text)) = (
                iri(&row, "section"),
                iri(&row, "doc"),
                literal(&row, "heading"),
            ) {
                corpus.texts.push(TextRow {
                    iri,
                    document,
                    heading: Some(text.clone()),
                    text,
                    is_task: false,
                    about_year: year(&row),
                    part_kind: part_kind(&row),
                });
            }
        }
        // A task in several sections (not expected) keeps its first heading.
        corpus
            .texts
            .sort_by(|a, b| (&a.iri, &a.heading).cmp(&(&b.iri, &b.heading)));
        corpus.texts.dedup_by(|a, b| a.iri == b.iri);
        for row in solutions(store, DOCUMENTS)? {
            let row = row?;
            let Some(doc) = iri(&row, "doc") else {
                continue;
            };
            let entry = corpus.documents.entry(doc).or_default();
            fill(&mut entry.title, literal(&row, "title"));
            fill(
                &mut entry.year,
                literal(&row, "year").and_then(|y| y.parse().ok()),
            );
            if let Some(issuer) = iri(&row, "issuer") {
                if !entry.issuers.contains(&issuer) {
                    entry.issuers.push(issuer);
                    entry
                        .issuer_labels
                        .push(literal(&row, "issuerLabel").unwrap_or_default());
                }
            }
            for name in [literal(&row, "issuerLabel"), literal(&row, "issuerAlt")]
                .into_iter()
                .flatten()
            {
                if !entry.issuer_names.contains(&name) {
                    entry.issuer_names.push(name);
                }
            }
            fill(&mut entry.region_label, literal(&row, "regionLabel"));
            fill(&mut entry.duplicate_of, iri(&row, "duplicateOf"));
        }
        for doc in corpus.documents.values_mut() {
            let mut bodies: Vec<(String, String)> = doc
                .issuers
                .drain(..)
                .zip(doc.issuer_labels.drain(..))
                .collect();
            bodies.sort();
            (doc.issuers, doc.issuer_labels) = bodies.into_iter().unzip();
            doc.issuer_names.sort();
        }
        for row in solutions(store, LABELS)? {
            let row = row?;
            let (Some(entity), Some(label)) = (iri(&row, "entity"), literal(&row, "label")) else {
                continue;
            };
            let entry = corpus.entities.entry(entity).or_default();
            entry.is_policy |= iri(&row, "kind").is_some_and(|k| k.ends_with("#Policy"));
            if literal(&row, "preferred").as_deref() == Some("true") {
                fill(&mut entry.pref, Some(label));
            } else if !entry.alt.contains(&label) {
                entry.alt.push(label);
            }
            if let Some(m) = iri(&row, "match") {
                if !entry.matches.contains(&m) {
                    entry.matches.push(m);
                }
            }
            fill(&mut entry.level, iri(&row, "level"));
        }
        for entity in corpus.entities.values_mut() {
            entity.alt.sort();
            entity.matches.sort();
        }
        Ok(corpus)
    }
}

/// Keeps the first value seen, so that a document with two titles (not expected)
/// shows the same one on every run: solutions come in a stable order.
fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn solutions(
    store: &PlanStore,
    query: &str,
) -> Result<impl Iterator<Item = Result<QuerySolution, LineageError>>, LineageError> {
    match store.query(query)? {
        QueryResults::Solutions(solutions) => Ok(solutions.map(|s| s.map_err(LineageError::from))),
        _ => Err(LineageError::NotSolutions),
    }
}

fn iri(row: &QuerySolution, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// The `?aboutYear` of a text row.
fn year(row: &QuerySolution) -> Option<i32> {
    literal(row, "aboutYear").and_then(|y| y.parse().ok())
}

/// The `?part` of a text row (`pk:SummaryPart`, `pk:PlanPart`).
fn part_kind(row: &QuerySolution) -> Option<PartKind> {
    iri(row, "part").and_then(|iri| part_kind_of_iri(&iri))
}

fn literal(row: &QuerySolution, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::Literal(l) => Some(l.value().to_owned()),
        _ => None,
    }
}
