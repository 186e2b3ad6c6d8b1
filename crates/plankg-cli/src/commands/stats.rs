//! `plankg stats`: documents per year and region, triples and entity counts.

use std::collections::BTreeMap;

use anyhow::bail;
use plankg_store::model::Term;
use plankg_store::{PlanStore, QueryResults};
use serde::Serialize;

use crate::cli::{StatsArgs, StatsFormat};
use crate::output;
use crate::Outcome;

/// Counts per kind of entity (ontology/queries/entity_counts.rq).
const ENTITY_COUNTS: &str = include_str!("../../../../ontology/queries/entity_counts.rq");
/// Documents per year and region (ontology/queries/documents_by_year_region.rq).
const DOCUMENTS_BY_YEAR_REGION: &str =
    include_str!("../../../../ontology/queries/documents_by_year_region.rq");

/// What `stats` reports.
#[derive(Debug, Serialize)]
struct Stats {
    /// Quads in all graphs.
    triples: usize,
    /// Counts per kind.
    entities: BTreeMap<String, u64>,
    /// Documents per year and region.
    documents_by_year_region: Vec<YearRegion>,
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
    let by_year_region = select(&store, DOCUMENTS_BY_YEAR_REGION)?
        .into_iter()
        .map(|row| YearRegion {
            year: row
                .first()
                .and_then(integer)
                .and_then(|y| i64::try_from(y).ok()),
            region: row.get(1).cloned().flatten().map(|t| text(&t)),
            documents: row.get(2).and_then(integer).unwrap_or(0),
        })
        .collect::<Vec<_>>();
    let stats = Stats {
        triples: store.len()?,
        documents_by_year_region: by_year_region,
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
            let mut counts: Vec<Vec<String>> =
                vec![vec!["triples".into(), stats.triples.to_string()]];
            counts.extend(entities.into_iter().map(|(k, n)| vec![k, n.to_string()]));
            output::write_table(&["".into(), "count".into()], &counts)?;
        }
    }
    Ok(Outcome::Success)
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
