//! `plankg query`: one SPARQL query over the store, printed as a table, a W3C
//! result format or RDF.

use std::fs;

use anyhow::{bail, Context as _};
use plankg_store::{PlanStore, QueryResults, QueryResultsFormat, RdfFormat};

use crate::cli::{QueryArgs, QueryFormat};
use crate::output::{self, ResultsOutput};
use crate::Outcome;

pub(crate) fn run(args: &QueryArgs) -> anyhow::Result<Outcome> {
    let (sparql, origin) = match (&args.query, &args.file) {
        (_, Some(file)) => (
            fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?,
            file.display().to_string(),
        ),
        (Some(query), None) => (query.clone(), "query".to_owned()),
        (None, None) => bail!("give a query or --file"),
    };
    let store = PlanStore::open_read_only(&args.store.store)?;
    let results = store.query(&sparql).with_context(|| origin.clone())?;
    let out = results_output(&results, args.format)?;
    output::write_query_results(results, out)?;
    Ok(Outcome::Success)
}

/// The output for these results, refusing formats that do not fit their kind.
fn results_output(
    results: &QueryResults<'_>,
    format: Option<QueryFormat>,
) -> anyhow::Result<ResultsOutput> {
    let graph = matches!(results, QueryResults::Graph(_));
    Ok(match (format, graph) {
        (None | Some(QueryFormat::Table), false) => ResultsOutput::Table,
        (Some(QueryFormat::Csv), false) => ResultsOutput::Results(QueryResultsFormat::Csv),
        (Some(QueryFormat::Tsv), false) => ResultsOutput::Results(QueryResultsFormat::Tsv),
        (Some(QueryFormat::Json), false) => ResultsOutput::Results(QueryResultsFormat::Json),
        (Some(QueryFormat::Xml), false) => ResultsOutput::Results(QueryResultsFormat::Xml),
        (None | Some(QueryFormat::Turtle), true) => ResultsOutput::Rdf(RdfFormat::Turtle),
        (Some(QueryFormat::Ntriples), true) => ResultsOutput::Rdf(RdfFormat::NTriples),
        (Some(_), true) => {
            bail!("CONSTRUCT and DESCRIBE give triples: use --format turtle or ntriples")
        }
        (Some(_), false) => {
            bail!("SELECT and ASK give solutions: use --format table, csv, tsv, json or xml")
        }
    })
}
