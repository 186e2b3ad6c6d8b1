//! Pushing the store to another triple store over the SPARQL 1.1 Graph Store HTTP
//! Protocol: one PUT per named graph (so a second push replaces, never duplicates),
//! DELETE for graphs pushed before whose documents are gone, and a record of what
//! was pushed so `--since` sends only what changed.

mod http;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use oxhttp::model::Method;
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Triple};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use http::Credentials;

use crate::error::StoreError;
use crate::store::PlanStore;
use http::GraphStoreClient;

/// Why a push failed as a whole.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PushError {
    /// The remote store could not be reached.
    #[error("cannot reach {url}")]
    Http {
        /// The URL asked.
        url: String,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The remote store refused the credentials or asked for some.
    #[error("{url}: {message}")]
    Unauthorized {
        /// The URL asked.
        url: String,
        /// What went wrong.
        message: String,
    },
    /// The local store could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The record of the last push could not be read or written.
    #[error("cannot access the push record {}", path.display())]
    State {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
}

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The Graph Store Protocol URL (graphs are addressed with `?graph=IRI`).
    pub graph_store: String,
    /// Credentials, used when the server asks (basic or digest).
    pub credentials: Option<Credentials>,
    /// Send only graphs whose content changed since the last push to this URL.
    pub since: bool,
    /// Further attempts after a transient failure.
    pub retries: u32,
}

/// What was pushed to one remote store: graph IRI → hash of its content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushRecord {
    /// Hash (SHA-256 of the sorted N-Triples) of each graph as last pushed.
    pub graphs: BTreeMap<String, String>,
}

/// The push records of a store, one per remote Graph Store URL, kept in a JSON file
/// inside the store directory.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PushRecords {
    /// Records by Graph Store URL.
    pub remotes: BTreeMap<String, PushRecord>,
}

impl PushRecords {
    /// Reads the records (none when the file does not exist).
    ///
    /// # Errors
    /// [`PushError::State`] when the file exists but cannot be read or parsed.
    pub fn load(path: &Path) -> Result<Self, PushError> {
        match fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| PushError::State {
                path: path.to_owned(),
                source: io::Error::new(io::ErrorKind::InvalidData, e),
            }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(PushError::State {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Writes the records (replacing the file atomically).
    ///
    /// # Errors
    /// [`PushError::State`] when the file cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), PushError> {
        let state_error = |source| PushError::State {
            path: path.to_owned(),
            source,
        };
        let json = serde_json::to_vec_pretty(self).map_err(|e| state_error(io::Error::other(e)))?;
        let temporary = path.with_extension("json.tmp");
        fs::write(&temporary, json).map_err(state_error)?;
        fs::rename(&temporary, path).map_err(state_error)
    }
}

/// The outcome of one graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphOutcome {
    /// Sent with PUT: the number of triples.
    Sent(usize),
    /// Not sent: unchanged since the last push (`--since`).
    Unchanged,
    /// Deleted remotely: its document is gone locally.
    Deleted,
    /// The server refused it or could not be reached: the reason.
    Failed(String),
}

/// What a push did, graph by graph (sorted by IRI).
#[derive(Debug, Clone, Default)]
pub struct PushReport {
    /// Each graph and what happened to it.
    pub graphs: Vec<(String, GraphOutcome)>,
}

impl PushReport {
    /// Number of graphs with the outcome `matches` accepts.
    pub fn count(&self, matches: impl Fn(&GraphOutcome) -> bool) -> usize {
        self.graphs.iter().filter(|(_, o)| matches(o)).count()
    }

    /// Triples sent in all.
    #[must_use]
    pub fn triples_sent(&self) -> usize {
        self.graphs
            .iter()
            .map(|(_, o)| if let GraphOutcome::Sent(n) = o { *n } else { 0 })
            .sum()
    }
}

impl PlanStore {
    /// Number of named graphs in the store.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read.
    pub fn named_graph_count(&self) -> Result<usize, StoreError> {
        let mut count = 0;
        for name in self.store.named_graphs() {
            name?;
            count += 1;
        }
        Ok(count)
    }

    /// Pushes every named graph of the store to a Graph Store Protocol server and
    /// updates `record` (the last push to that server) to what is there now.
    /// `on_graph` is called once per graph handled (for a progress bar).
    ///
    /// # Errors
    /// [`PushError::Store`] when the local store cannot be read,
    /// [`PushError::Unauthorized`] when the server refuses the credentials.
    /// Graphs the server refuses are reported in the result, not as an error.
    pub fn push(
        &self,
        options: &PushOptions,
        record: &mut PushRecord,
        mut on_graph: impl FnMut(&str),
    ) -> Result<PushReport, PushError> {
        let mut client = GraphStoreClient::new(options.credentials.clone(), options.retries);
        let mut graphs: Vec<NamedNode> = Vec::new();
        for name in self.store.named_graphs() {
            if let NamedOrBlankNode::NamedNode(name) = name.map_err(StoreError::from)? {
                graphs.push(name);
            }
        }
        graphs.sort();
        let mut report = PushReport::default();
        let mut now = BTreeMap::new();
        for graph in &graphs {
            let (body, triples) = self.graph_as_ntriples(graph)?;
            let hash = format!("{:x}", Sha256::digest(&body));
            let iri = graph.as_str().to_owned();
            if options.since && record.graphs.get(&iri) == Some(&hash) {
                now.insert(iri.clone(), hash);
                report.graphs.push((iri.clone(), GraphOutcome::Unchanged));
                on_graph(&iri);
                continue;
            }
            let url = graph_url(&options.graph_store, &iri);
            // N-Triples is Turtle, the one format every Graph Store server reads.
            let answer = client.send(Method::PUT, &url, Some("text/turtle"), &body)?;
            if answer.status.is_success() {
                now.insert(iri.clone(), hash);
                report
                    .graphs
                    .push((iri.clone(), GraphOutcome::Sent(triples)));
            } else {
                report
                    .graphs
                    .push((iri.clone(), failure(answer.status, &answer.body)));
            }
            on_graph(&iri);
        }
        let local: std::collections::HashSet<&str> = graphs.iter().map(NamedNode::as_str).collect();
        for gone in record.graphs.keys().filter(|g| !local.contains(g.as_str())) {
            let url = graph_url(&options.graph_store, gone);
            let answer = client.send(Method::DELETE, &url, None, &[])?;
            let outcome = if answer.status.is_success() || answer.status.as_u16() == 404 {
                GraphOutcome::Deleted
            } else {
                failure(answer.status, &answer.body)
            };
            if !matches!(outcome, GraphOutcome::Deleted) {
                now.insert(gone.clone(), String::new());
            }
            report.graphs.push((gone.clone(), outcome));
            on_graph(gone);
        }
        report.graphs.sort_by(|a, b| a.0.cmp(&b.0));
        record.graphs = now;
        Ok(report)
    }

    /// The graph as N-Triples, lines sorted (so equal content hashes equal), and
    /// the number of triples.
    fn graph_as_ntriples(&self, graph: &NamedNode) -> Result<(Vec<u8>, usize), StoreError> {
        // A triple's Display is its N-Triples form.
        let mut lines: Vec<String> = Vec::new();
        for quad in self.store.quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        ) {
            lines.push(format!("{} .\n", Triple::from(quad?)));
        }
        lines.sort_unstable();
        lines.dedup();
        let count = lines.len();
        Ok((lines.concat().into_bytes(), count))
    }
}

fn failure(status: oxhttp::model::StatusCode, body: &str) -> GraphOutcome {
    let detail: String = body.trim().chars().take(200).collect();
    GraphOutcome::Failed(format!("HTTP {status}: {detail}"))
}

/// `base?graph=IRI` (or `&graph=` when the base already has a query).
fn graph_url(base: &str, graph: &str) -> String {
    let separator = if base.contains('?') { '&' } else { '?' };
    let encoded: String = form_urlencoded::byte_serialize(graph.as_bytes()).collect();
    format!("{base}{separator}graph={encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_urls_encode_the_iri() {
        assert_eq!(
            graph_url("http://h/sparql-graph-crud-auth", "https://w3id.org/plankg/id/doc/a b#x"),
            "http://h/sparql-graph-crud-auth?graph=https%3A%2F%2Fw3id.org%2Fplankg%2Fid%2Fdoc%2Fa+b%23x"
        );
        assert!(
            graph_url("http://h/store?x=1", "http://g").starts_with("http://h/store?x=1&graph=")
        );
    }

    #[test]
    fn records_round_trip_through_their_file() {
        let dir = std::env::temp_dir().join(format!("plankg-push-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("push.json");
        assert!(PushRecords::load(&path).unwrap().remotes.is_empty());
        let mut records = PushRecords::default();
        records
            .remotes
            .entry("http://h/store".into())
            .or_default()
            .graphs
            .insert("http://g".into(), "abc".into());
        records.save(&path).unwrap();
        assert_eq!(PushRecords::load(&path).unwrap().remotes, records.remotes);
        fs::remove_dir_all(&dir).unwrap();
    }
}
