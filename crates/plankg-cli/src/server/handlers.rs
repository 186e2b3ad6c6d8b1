//! Routing and the protocol operations, matched on (path, method).

use std::io::Read;

use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::RdfParser;
use plankg_store::model::{NamedNode, Triple};
use plankg_store::{GraphTarget, PlanStore, RdfFormat, StoreError};

use super::evaluate::{triples_body, QueryRequest};
use super::negotiate::{negotiate, GRAPH_FORMATS};
use super::page;
use super::pool::WorkerPool;
use super::response::{empty, error, with_body};
use super::ServerConfig;

/// Answers one request.
pub(crate) fn handle(
    store: &PlanStore,
    pool: &WorkerPool,
    config: &ServerConfig,
    request: &mut Request<Body>,
) -> Response<Body> {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    match (path.as_str(), method) {
        (_, Method::OPTIONS) => empty(StatusCode::NO_CONTENT),
        ("/", Method::GET) => with_body(
            StatusCode::OK,
            "text/html; charset=utf-8",
            page::html().into_bytes(),
        ),
        ("/query" | "/sparql", Method::GET | Method::HEAD) => {
            let params = query_params(request);
            match param(&params, "query") {
                Some(query) => run_query(pool, request, &query, &params),
                None if path == "/sparql" && param(&params, "update").is_some() => {
                    error(StatusCode::BAD_REQUEST, "updates must be sent with POST")
                }
                None => service_description(request, config),
            }
        }
        ("/query" | "/sparql", Method::POST) => {
            post_query(store, pool, config, request, path == "/sparql")
        }
        ("/update", Method::POST) => post_update(store, pool, config, request),
        ("/store", Method::GET | Method::HEAD) => store_read(store, request),
        ("/store", Method::PUT | Method::POST | Method::DELETE) => {
            store_write(store, pool, config, request)
        }
        ("/query" | "/sparql" | "/update" | "/store" | "/", _) => error(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{} is not allowed on {path}", request.method()),
        ),
        _ => error(
            StatusCode::NOT_FOUND,
            format!("no such resource: {path}; try /query, /update, /store or /"),
        ),
    }
}

type Params = Vec<(String, String)>;

fn query_params(request: &Request<Body>) -> Params {
    request
        .uri()
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}

fn param(params: &Params, name: &str) -> Option<String> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

fn header<'a>(request: &'a Request<Body>, name: &str) -> Option<&'a str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

fn content_type(request: &Request<Body>) -> String {
    header(request, "content-type")
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Reads the request body, refusing more than the configured size.
fn read_body(
    request: &mut Request<Body>,
    config: &ServerConfig,
) -> Result<Vec<u8>, Box<Response<Body>>> {
    let mut body = Vec::new();
    let limit = u64::try_from(config.max_body)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    request
        .body_mut()
        .take(limit)
        .read_to_end(&mut body)
        .map_err(|e| {
            Box::new(error(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {e}"),
            ))
        })?;
    if body.len() > config.max_body {
        return Err(Box::new(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body larger than {} bytes", config.max_body),
        )));
    }
    Ok(body)
}

fn post_query(
    store: &PlanStore,
    pool: &WorkerPool,
    config: &ServerConfig,
    request: &mut Request<Body>,
    also_update: bool,
) -> Response<Body> {
    let body = match read_body(request, config) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let mut params = query_params(request);
    match content_type(request).as_str() {
        "application/sparql-query" => match String::from_utf8(body) {
            Ok(query) => run_query(pool, request, &query, &params),
            Err(_) => error(StatusCode::BAD_REQUEST, "the query is not UTF-8"),
        },
        "application/sparql-update" if also_update => update_text(store, pool, config, body),
        "application/x-www-form-urlencoded" => {
            params.extend(form_urlencoded::parse(&body).into_owned());
            if let Some(query) = param(&params, "query") {
                run_query(pool, request, &query, &params)
            } else if let (true, Some(update)) = (also_update, param(&params, "update")) {
                run_update(store, pool, config, &update)
            } else {
                error(StatusCode::BAD_REQUEST, "no query parameter in the form")
            }
        }
        other => error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("unsupported content type {other:?}: use application/sparql-query or application/x-www-form-urlencoded"),
        ),
    }
}

fn post_update(
    store: &PlanStore,
    pool: &WorkerPool,
    config: &ServerConfig,
    request: &mut Request<Body>,
) -> Response<Body> {
    if !config.writable {
        return error(
            StatusCode::FORBIDDEN,
            "this endpoint is read-only; start `plankg serve --writable` to allow updates",
        );
    }
    let body = match read_body(request, config) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    match content_type(request).as_str() {
        "application/sparql-update" => update_text(store, pool, config, body),
        "application/x-www-form-urlencoded" => {
            let params: Params = form_urlencoded::parse(&body).into_owned().collect();
            match param(&params, "update") {
                Some(update) => run_update(store, pool, config, &update),
                None => error(StatusCode::BAD_REQUEST, "no update parameter in the form"),
            }
        }
        other => error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("unsupported content type {other:?}"),
        ),
    }
}

fn update_text(
    store: &PlanStore,
    pool: &WorkerPool,
    config: &ServerConfig,
    body: Vec<u8>,
) -> Response<Body> {
    match String::from_utf8(body) {
        Ok(update) => run_update(store, pool, config, &update),
        Err(_) => error(StatusCode::BAD_REQUEST, "the update is not UTF-8"),
    }
}

/// Runs an update; the query workers then start afresh, so later queries see it.
fn run_update(
    store: &PlanStore,
    pool: &WorkerPool,
    config: &ServerConfig,
    update: &str,
) -> Response<Body> {
    if !config.writable {
        return error(
            StatusCode::FORBIDDEN,
            "this endpoint is read-only; start `plankg serve --writable` to allow updates",
        );
    }
    match store.update(update) {
        Ok(()) => {
            pool.refresh();
            empty(StatusCode::NO_CONTENT)
        }
        Err(StoreError::Syntax(e)) => {
            error(StatusCode::BAD_REQUEST, format!("SPARQL syntax error: {e}"))
        }
        Err(StoreError::ReadOnly) => error(StatusCode::FORBIDDEN, "the store is open read-only"),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

fn run_query(
    pool: &WorkerPool,
    request: &Request<Body>,
    query: &str,
    params: &Params,
) -> Response<Body> {
    let graphs = |name: &str| -> Vec<String> {
        params
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let request = QueryRequest {
        query: query.to_owned(),
        default_graphs: graphs("default-graph-uri"),
        named_graphs: graphs("named-graph-uri"),
        accept: header(request, "accept").map(str::to_owned),
    };
    pool.answer(&request).into_response()
}

fn service_description(request: &Request<Body>, config: &ServerConfig) -> Response<Body> {
    let Some(format) = negotiate(
        header(request, "accept"),
        &GRAPH_FORMATS,
        RdfFormat::media_type,
    ) else {
        return error(StatusCode::NOT_ACCEPTABLE, "try Accept: text/turtle");
    };
    let base = format!("http://{}", config.bind);
    let description = page::service_description(&base, config.writable);
    let parsed: Result<Vec<Triple>, _> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(description.as_bytes())
        .map(|quad| quad.map(Triple::from))
        .collect();
    match parsed
        .map_err(|e| e.to_string())
        .and_then(|triples| triples_body(format, &triples).map_err(|e| e.to_string()))
    {
        Ok(body) => with_body(StatusCode::OK, format.media_type(), body),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e),
    }
}

fn graph_target(request: &Request<Body>) -> Result<GraphTarget, Box<Response<Body>>> {
    let params = query_params(request);
    match (
        param(&params, "graph"),
        params.iter().any(|(k, _)| k == "default"),
    ) {
        (Some(iri), false) => NamedNode::new(iri.as_str())
            .map(GraphTarget::Named)
            .map_err(|e| {
                Box::new(error(
                    StatusCode::BAD_REQUEST,
                    format!("invalid graph IRI {iri}: {e}"),
                ))
            }),
        (None, true) => Ok(GraphTarget::Default),
        _ => Err(Box::new(error(
            StatusCode::BAD_REQUEST,
            "give exactly one of ?graph=IRI or ?default",
        ))),
    }
}

fn store_read(store: &PlanStore, request: &Request<Body>) -> Response<Body> {
    let target = match graph_target(request) {
        Ok(t) => t,
        Err(response) => return *response,
    };
    let Some(format) = negotiate(
        header(request, "accept"),
        &GRAPH_FORMATS,
        RdfFormat::media_type,
    ) else {
        return error(StatusCode::NOT_ACCEPTABLE, "try Accept: text/turtle");
    };
    match store.graph_triples(&target) {
        Ok(Some(triples)) => match triples_body(format, &triples) {
            Ok(body) => with_body(StatusCode::OK, format.media_type(), body),
            Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        },
        Ok(None) => error(StatusCode::NOT_FOUND, "no such graph"),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// A Graph Store write; the query workers then start afresh, so later queries see it.
fn store_write(
    store: &PlanStore,
    pool: &WorkerPool,
    config: &ServerConfig,
    request: &mut Request<Body>,
) -> Response<Body> {
    if !config.writable {
        return error(
            StatusCode::FORBIDDEN,
            "this endpoint is read-only; start `plankg serve --writable` to allow writes",
        );
    }
    let target = match graph_target(request) {
        Ok(t) => t,
        Err(response) => return *response,
    };
    if request.method() == Method::DELETE {
        return match store.delete_graph(&target) {
            Ok(true) => {
                pool.refresh();
                empty(StatusCode::NO_CONTENT)
            }
            Ok(false) => error(StatusCode::NOT_FOUND, "no such graph"),
            Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        };
    }
    let media = content_type(request);
    let Some(format) = RdfFormat::from_media_type(&media) else {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("unsupported RDF media type {media:?}"),
        );
    };
    let body = match read_body(request, config) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    let mut triples = Vec::new();
    for quad in RdfParser::from_format(format).for_slice(&body) {
        match quad {
            Ok(quad) => triples.push(Triple::from(quad)),
            Err(e) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    format!("cannot parse the body: {e}"),
                )
            }
        }
    }
    let replace = request.method() == Method::PUT;
    let written = store.write_graph(&target, triples, replace);
    if written.is_ok() {
        pool.refresh();
    }
    match written {
        Ok(true) => empty(StatusCode::NO_CONTENT),
        Ok(false) => empty(StatusCode::CREATED),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}
