//! One query evaluated into a whole reply (status, media type, body), the work a
//! query worker does. Nothing is sent before the reply is whole, so a query that
//! runs out of time is answered 503, never with a result that looks complete.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use oxhttp::model::{Body, HeaderValue, Response, StatusCode};
use oxigraph::io::RdfSerializer;
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::QueryEvaluationError;
use plankg_store::model::{NamedNode, Triple};
use plankg_store::{
    CancellationToken, PlanStore, QueryResults, QueryResultsFormat, RdfFormat, StoreError,
};
use serde::{Deserialize, Serialize};

use super::negotiate::{negotiate, GRAPH_FORMATS, RESULT_FORMATS};
use super::response::with_body;

/// A query as the endpoint received it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct QueryRequest {
    /// The SPARQL text.
    pub(crate) query: String,
    /// `default-graph-uri` parameters.
    pub(crate) default_graphs: Vec<String>,
    /// `named-graph-uri` parameters.
    pub(crate) named_graphs: Vec<String>,
    /// The request's Accept header.
    pub(crate) accept: Option<String>,
}

/// A whole answer: status, media type, body, and whether `max_rows` cut it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Reply {
    /// The HTTP status.
    pub(crate) status: u16,
    /// The content type.
    pub(crate) media: String,
    /// Whether the row cap cut the result (announced in `X-Plankg-Truncated`).
    pub(crate) truncated: bool,
    /// The body (sent apart from the header when a worker writes it).
    #[serde(skip)]
    pub(crate) body: Vec<u8>,
}

impl Reply {
    /// A plain-text error reply.
    pub(crate) fn error(status: StatusCode, message: impl Into<String>) -> Self {
        let mut body = message.into().into_bytes();
        body.push(b'\n');
        Self {
            status: status.as_u16(),
            media: "text/plain; charset=utf-8".to_owned(),
            truncated: false,
            body,
        }
    }

    /// The 503 of a query stopped at its timeout.
    pub(crate) fn timed_out(timeout: Duration) -> Self {
        Self::error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the query ran longer than {} s and was stopped",
                timeout.as_secs_f64()
            ),
        )
    }

    /// The HTTP response.
    pub(crate) fn into_response(self) -> Response<Body> {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = with_body(status, &self.media, self.body);
        if self.truncated {
            response
                .headers_mut()
                .insert("x-plankg-truncated", HeaderValue::from_static("true"));
        }
        response
    }
}

/// The limits one evaluation runs under.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Most rows of a SELECT answer.
    pub(crate) max_rows: usize,
    /// How long it may run.
    pub(crate) timeout: Duration,
}

/// Evaluates `request` on `store` into a whole reply. The evaluation is cancelled at
/// the timeout; a result whose evaluation was cancelled is a 503 even when it came
/// back looking whole (oxigraph's OFFSET skips the cancellation errors with the
/// rows). The query worker guards against evaluations the token cannot reach.
pub(crate) fn evaluate(store: &PlanStore, request: &QueryRequest, limits: Limits) -> Reply {
    let graphs = |names: &[String], kind: &str| -> Result<Vec<NamedNode>, Reply> {
        names
            .iter()
            .map(|name| {
                NamedNode::new(name.as_str()).map_err(|e| {
                    Reply::error(
                        StatusCode::BAD_REQUEST,
                        format!("invalid {kind} {name}: {e}"),
                    )
                })
            })
            .collect()
    };
    let (defaults, named) = match (
        graphs(&request.default_graphs, "default-graph-uri"),
        graphs(&request.named_graphs, "named-graph-uri"),
    ) {
        (Ok(defaults), Ok(named)) => (defaults, named),
        (Err(reply), _) | (_, Err(reply)) => return reply,
    };
    let token = CancellationToken::new();
    let watchdog = start_watchdog(token.clone(), limits.timeout);
    let reply = match store.query_with_dataset(&request.query, &defaults, &named, token.clone()) {
        Ok(results) => serialise(results, request.accept.as_deref(), limits),
        Err(StoreError::Syntax(e)) => {
            Reply::error(StatusCode::BAD_REQUEST, format!("SPARQL syntax error: {e}"))
        }
        Err(StoreError::Evaluation(e)) => evaluation_error(&e, limits),
        Err(e) => Reply::error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    drop(watchdog);
    if token.is_cancelled() {
        return Reply::timed_out(limits.timeout);
    }
    reply
}

/// Cancels `token` when `timeout` passes before the returned sender is dropped.
fn start_watchdog(token: CancellationToken, timeout: Duration) -> mpsc::Sender<()> {
    let (done, wait) = mpsc::channel::<()>();
    thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(timeout) {
            token.cancel();
        }
    });
    done
}

fn evaluation_error(e: &QueryEvaluationError, limits: Limits) -> Reply {
    if matches!(e, QueryEvaluationError::Cancelled) {
        Reply::timed_out(limits.timeout)
    } else {
        Reply::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("query evaluation failed: {e}"),
        )
    }
}

fn serialise(results: QueryResults<'static>, accept: Option<&str>, limits: Limits) -> Reply {
    let not_acceptable = |kind: &str, example: &str| {
        Reply::error(
            StatusCode::NOT_ACCEPTABLE,
            format!("no acceptable format for {kind} results; try Accept: {example}"),
        )
    };
    let io_failure =
        |e: std::io::Error| Reply::error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
    let ok = |media: &str, body: Vec<u8>, truncated: bool| Reply {
        status: StatusCode::OK.as_u16(),
        media: media.to_owned(),
        truncated,
        body,
    };
    match results {
        QueryResults::Boolean(value) => {
            let Some(format) = negotiate(accept, &RESULT_FORMATS, QueryResultsFormat::media_type)
            else {
                return not_acceptable("ASK", "application/sparql-results+json");
            };
            match QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(Vec::new(), value)
            {
                Ok(body) => ok(format.media_type(), body, false),
                Err(e) => io_failure(e),
            }
        }
        QueryResults::Solutions(solutions) => {
            let Some(format) = negotiate(accept, &RESULT_FORMATS, QueryResultsFormat::media_type)
            else {
                return not_acceptable("SELECT", "application/sparql-results+json");
            };
            let serializer = QueryResultsSerializer::from_format(format);
            let mut writer = match serializer
                .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
            {
                Ok(w) => w,
                Err(e) => return io_failure(e),
            };
            let mut truncated = false;
            for (count, solution) in solutions.enumerate() {
                if count >= limits.max_rows {
                    truncated = true;
                    break;
                }
                match solution {
                    Ok(solution) => {
                        if let Err(e) = writer.serialize(&solution) {
                            return io_failure(e);
                        }
                    }
                    Err(e) => return evaluation_error(&e, limits),
                }
            }
            match writer.finish() {
                Ok(body) => ok(format.media_type(), body, truncated),
                Err(e) => io_failure(e),
            }
        }
        QueryResults::Graph(triples) => {
            let Some(format) = negotiate(accept, &GRAPH_FORMATS, RdfFormat::media_type) else {
                return not_acceptable("CONSTRUCT", "text/turtle");
            };
            let mut collected = Vec::new();
            for triple in triples {
                match triple {
                    Ok(triple) => collected.push(triple),
                    Err(e) => return evaluation_error(&e, limits),
                }
            }
            match triples_body(format, &collected) {
                Ok(body) => ok(format.media_type(), body, false),
                Err(e) => io_failure(e),
            }
        }
    }
}

/// The triples serialised in `format`.
pub(crate) fn triples_body(format: RdfFormat, triples: &[Triple]) -> std::io::Result<Vec<u8>> {
    let mut writer = RdfSerializer::from_format(format).for_writer(Vec::new());
    for triple in triples {
        writer.serialize_triple(triple)?;
    }
    writer.finish()
}
