//! `plankg stats`: documents per year and region and per issuing body, triples and
//! entity counts.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::bail;
use plankg_store::model::Term;
use plankg_store::{PlanStore, QueryResults};
use serde::Serialize;

use crate::cli::{StatsArgs, StatsFormat};
use crate::output;
use crate::Outcome;

/// Counts per kind of entity (ontology/queries/entity_counts.rq).
const ENTITY_COUNTS: &str = include_str!("../../../../ontology/queries/entity_counts.rq");
/// Every document with its year, region and issuing bodies
/// (ontology/queries/documents_by_issuer.rq).
const DOCUMENTS_BY_ISSUER: &str =
    include_str!("../../../../ontology/queries/documents_by_issuer.rq");

/// What `stats` reports.
#[derive(Debug, Serialize)]
struct Stats {
    /// Quads in all graphs.
    triples: usize,
    /// Counts per kind.
    entities: BTreeMap<String, u64>,
    /// Documents per year and region.
    documents_by_year_region: Vec<YearRegion>,
    /// Documents per issuing body, most documents first.
    documents_by_issuer: Vec<IssuerRow>,
}

/// One issuing body with its documents.
#[derive(Debug, Serialize)]
struct IssuerRow {
    issuer: String,
    iri: String,
    documents: u64,
    first_year: Option<i64>,
    last_year: Option<i64>,
}

/// One document as the statistics count it.
#[derive(Debug, Default)]
struct DocumentFacts {
    year: Option<i64>,
    region: Option<String>,
    /// (IRI, label) of each issuing body.
    issuers: Vec<(String, String)>,
}

/// One row of documents per year and region.
#[derive(Debug, Serialize)]
struct YearRegion {
    year: Option<i64>,
    region: Option<String>,
    documents: u64,
}

pub(crate) fn run(args: &StatsArgs) -> anyhow::Result<Outcome> {
    let store = PlanStore::open_read_only(&args.store.store)?;
    let entities = entity_counts(&store)?;
    let mut documents: BTreeMap<String, DocumentFacts> = BTreeMap::new();
    for row in select(&store, DOCUMENTS_BY_ISSUER)? {
        let value = |i: usize| row.get(i).cloned().flatten().map(|t| text(&t));
        let Some(doc) = value(0) else { continue };
        let facts = documents.entry(doc).or_default();
        facts.year = row
            .get(1)
            .and_then(integer)
            .and_then(|y| i64::try_from(y).ok());
        facts.region = value(2);
        if let Some(iri) = value(3) {
            let label = value(4).unwrap_or_else(|| iri.clone());
            facts.issuers.push((iri, label));
        }
    }
    // --issuer: the documents any of whose bodies has a label containing it, or
    // that IRI.
    if let Some(wanted) = args.issuer.as_deref() {
        documents.retain(|_, facts| {
            facts
                .issuers
                .iter()
                .any(|(iri, label)| iri == wanted || label.contains(wanted))
        });
    }
    let stats = Stats {
        triples: store.len()?,
        documents_by_year_region: by_year_region(&documents),
        documents_by_issuer: by_issuer(&documents),
        entities: entities.iter().cloned().collect(),
    };
    match args.format {
        StatsFormat::Json => output::write_json_one_or_array(&[stats])?,
        StatsFormat::Table => {
            let rows: Vec<Vec<String>> = stats
                .documents_by_year_region
                .iter()
                .map(|r| {
                    vec![
                        r.year.map(|y| y.to_string()).unwrap_or_default(),
                        r.region.clone().unwrap_or_default(),
                        r.documents.to_string(),
                    ]
                })
                .collect();
            output::write_table(&["year".into(), "region".into(), "documents".into()], &rows)?;
            let issuers: Vec<Vec<String>> = stats
                .documents_by_issuer
                .iter()
                .map(|r| {
                    let year = |y: Option<i64>| y.map(|y| y.to_string()).unwrap_or_default();
                    vec![
                        r.issuer.clone(),
                        r.documents.to_string(),
                        year(r.first_year),
                        year(r.last_year),
                        r.iri.clone(),
                    ]
                })
                .collect();
            output::write_table(
                &[
                    "issuer".into(),
                    "documents".into(),
                    "first year".into(),
                    "last year".into(),
                    "iri".into(),
                ],
                &issuers,
            )?;
            let mut counts: Vec<Vec<String>> =
                vec![vec!["triples".into(), stats.triples.to_string()]];
            counts.extend(entities.into_iter().map(|(k, n)| vec![k, n.to_string()]));
            output::write_table(&["".into(), "count".into()], &counts)?;
        }
    }
    Ok(Outcome::Success)
}

/// Documents per year and region, both ascending, unknowns first.
fn by_year_region(documents: &BTreeMap<String, DocumentFacts>) -> Vec<YearRegion> {
    let mut counts: BTreeMap<(Option<i64>, Option<String>), u64> = BTreeMap::new();
    for facts in documents.values() {
        *counts
            .entry((facts.year, facts.region.clone()))
            .or_default() += 1;
    }
    counts
        .into_iter()
        .map(|((year, region), documents)| YearRegion {
            year,
            region,
            documents,
        })
        .collect()
}

/// Documents per issuing body, with the first and last year of its plans; most
/// documents first, then by label.
fn by_issuer(documents: &BTreeMap<String, DocumentFacts>) -> Vec<IssuerRow> {
    let mut bodies: BTreeMap<&str, (&str, u64, BTreeSet<i64>)> = BTreeMap::new();
    for facts in documents.values() {
        for (iri, label) in &facts.issuers {
            let entry = bodies.entry(iri).or_insert((label, 0, BTreeSet::new()));
            entry.1 += 1;
            entry.2.extend(facts.year);
        }
    }
    let mut rows: Vec<IssuerRow> = bodies
        .into_iter()
        .map(|(iri, (label, documents, years))| IssuerRow {
            issuer: label.to_owned(),
            iri: iri.to_owned(),
            documents,
            first_year: years.first().copied(),
            last_year: years.last().copied(),
        })
        .collect();
    rows.sort_by(|a, b| (b.documents, &a.issuer, &a.iri).cmp(&(a.documents, &b.issuer, &b.iri)));
    rows
}

/// Entity counts per kind (documents, sections, tasks, policies, …), in the order
/// of ontology/queries/entity_counts.rq.
pub(crate) fn entity_counts(store: &PlanStore) -> anyhow::Result<Vec<(String, u64)>> {
    Ok(select(store, ENTITY_COUNTS)?
        .into_iter()
        .filter_map(|row| {
            let kind = row.first().cloned().flatten().map(|t| text(&t))?;
            Some((kind, row.get(1).and_then(integer).unwrap_or(0)))
        })
        .collect())
}

/// Runs an embedded SELECT query and returns its rows.
fn select(store: &PlanStore, sparql: &str) -> anyhow::Result<Vec<Vec<Option<Term>>>> {
    let QueryResults::Solutions(solutions) = store.query(sparql)? else {
        bail!("an embedded statistics query is not a SELECT query");
    };
    let mut rows = Vec::new();
    for solution in solutions {
        rows.push(solution?.values().to_vec());
    }
    Ok(rows)
}

/// The lexical form of a term.
fn text(term: &Term) -> String {
    match term {
        Term::Literal(literal) => literal.value().to_owned(),
        Term::NamedNode(node) => node.as_str().to_owned(),
        other => other.to_string(),
    }
}

/// A term's value as a non-negative integer, if it is one.
fn integer(term: &Option<Term>) -> Option<u64> {
    match term {
        Some(Term::Literal(literal)) => literal.value().parse().ok(),
        _ => None,
    }
}
