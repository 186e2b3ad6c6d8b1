//! `plankg query`: one SPARQL query over the store, printed as a table, a W3C
//! result format or RDF.

use std::fs;
use std::io::{self, Write as _};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use anyhow::{bail, Context as _};
use oxigraph::sparql::QueryEvaluationError;
use plankg_store::{
    CancellationToken, PlanStore, QueryResults, QueryResultsFormat, RdfFormat, StoreError,
};

use crate::cli::{QueryArgs, QueryFormat};
use crate::messages;
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
    let Some(seconds) = args.timeout else {
        let results = store.query(&sparql).with_context(|| origin.clone())?;
        let out = results_output(&results, args.format)?;
        output::write_query_results(results, out, io::stdout().lock())?;
        return Ok(Outcome::Success);
    };
    let timeout = Duration::try_from_secs_f64(seconds)
        .ok()
        .filter(|t| !t.is_zero())
        .context("--timeout must be a positive number of seconds")?;
    // Under a timeout the whole output is made before any of it is printed, so a
    // query stopped at its timeout prints nothing but the error: never a result
    // that looks complete. The token stops most evaluations; one that does not
    // heed it ends with the process.
    let token = CancellationToken::new();
    let _watchdog = watchdog(token.clone(), timeout);
    let stopped =
        || anyhow::anyhow!("{origin}: the query ran longer than {seconds} s and was stopped");
    let results = match store.query_with_dataset(&sparql, &[], &[], token.clone()) {
        Err(StoreError::Evaluation(QueryEvaluationError::Cancelled)) => return Err(stopped()),
        other => other.with_context(|| origin.clone())?,
    };
    let out = results_output(&results, args.format)?;
    let mut buffer = Vec::new();
    let written = output::write_query_results(results, out, &mut buffer);
    if token.is_cancelled() {
        return Err(stopped());
    }
    written?;
    io::stdout().lock().write_all(&buffer)?;
    Ok(Outcome::Success)
}

/// Cancels `token` at `timeout`, and ends the process a second later when the
/// evaluation has not stopped by then (status 2, with the error on stderr), unless
/// the returned sender is dropped first.
fn watchdog(token: CancellationToken, timeout: Duration) -> mpsc::Sender<()> {
    const GRACE: Duration = Duration::from_secs(1);
    let (done, wait) = mpsc::channel::<()>();
    thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(timeout) {
            token.cancel();
            if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(GRACE) {
                messages::fatal(&anyhow::anyhow!(
                    "the query ran longer than {} s and did not stop; it was ended with the process",
                    timeout.as_secs_f64()
                ));
                std::process::exit(2);
            }
        }
    });
    done
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
