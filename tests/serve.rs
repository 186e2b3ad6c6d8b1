//! `plankg serve` queried by real clients: curl and SPARQLWrapper.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::build::built_store;
use crate::util::python;

/// A running `plankg serve`, stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(store: &Path, extra: &[&str]) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let bind = format!("127.0.0.1:{port}");
        let child = Command::new(assert_cmd::cargo::cargo_bin("plankg"))
            .args(["serve", "--quiet", "--bind", &bind, "--store"])
            .arg(store)
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while TcpStream::connect(&bind).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the server did not start"
            );
            thread::sleep(Duration::from_millis(50));
        }
        Self {
            child,
            base: format!("http://{bind}"),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs curl and returns (HTTP status, body).
fn curl(args: &[&str]) -> (u16, String) {
    let out = Command::new("curl")
        .args(["-s", "-w", "\n%{http_code}"])
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, status) = text.rsplit_once('\n').unwrap();
    (status.trim().parse().unwrap(), body.to_owned())
}

/// Sends `body` with `method` and a content type; returns (HTTP status, body).
fn send(method: &str, content_type: &str, body: &str, url: &str) -> (u16, String) {
    curl(&[
        "-X",
        method,
        "-H",
        &format!("Content-Type: {content_type}"),
        "--data",
        body,
        url,
    ])
}

const DOCS: &str = "PREFIX pk: <https://w3id.org/plankg/ont#> SELECT (COUNT(?d) AS ?n) WHERE { ?d a pk:PlanDocument }";

#[test]
fn standard_clients_query_the_endpoint() {
    let (_dir, store) = built_store();
    let server = Server::start(&store, &[]);
    let query_url = format!("{}/query", server.base);

    // SPARQLWrapper: SELECT as JSON and CSV, ASK, CONSTRUCT as Turtle.
    let report = python(
        r#"
import sys
from SPARQLWrapper import SPARQLWrapper, JSON, CSV, TURTLE
endpoint = sys.argv[1]
docs = "PREFIX pk: <https://w3id.org/plankg/ont#> SELECT (COUNT(?d) AS ?n) WHERE { ?d a pk:PlanDocument }"
s = SPARQLWrapper(endpoint)
s.setQuery(docs); s.setReturnFormat(JSON)
n = int(s.query().convert()["results"]["bindings"][0]["n"]["value"])
s.setReturnFormat(CSV)
csv_text = s.query().convert().decode()
assert csv_text.splitlines()[0].strip() == "n", csv_text
assert int(csv_text.splitlines()[1]) == n
s.setQuery("PREFIX pk: <https://w3id.org/plankg/ont#> ASK { ?d a pk:PlanDocument ; pk:year 2018 }"); s.setReturnFormat(JSON)
assert s.query().convert()["boolean"] is True
s.setQuery("PREFIX pk: <https://w3id.org/plankg/ont#> CONSTRUCT { ?d pk:year ?y } WHERE { ?d pk:year ?y }"); s.setReturnFormat(TURTLE)
turtle = s.query().convert().decode()
import rdflib
g = rdflib.Graph(); g.parse(data=turtle, format="turtle")
assert len(g) > 0
print(n, len(g))
"#,
        &[Path::new(&query_url)],
    );
    let numbers: Vec<usize> = report
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    assert!(numbers[0] >= 12, "documents: {report}");

    // curl: GET with the query in the URL, JSON results by content negotiation.
    let (status, body) = curl(&[
        "-G",
        "-H",
        "Accept: application/sparql-results+json",
        "--data-urlencode",
        &format!("query={DOCS}"),
        &query_url,
    ]);
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        json["results"]["bindings"][0]["n"]["value"],
        numbers[0].to_string()
    );

    // /sparql answers too, and unknown parameters (format=json) are ignored.
    let (status, _) = curl(&[
        "-G",
        "--data-urlencode",
        &format!("query={DOCS}"),
        "--data-urlencode",
        "format=json",
        &format!("{}/sparql", server.base),
    ]);
    assert_eq!(status, 200);

    // Updates and Graph Store writes are refused by a read-only server.
    let (status, _) = send(
        "POST",
        "application/sparql-update",
        "INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }",
        &format!("{}/update", server.base),
    );
    assert_eq!(status, 403);
    let (status, _) = send(
        "PUT",
        "text/turtle",
        "<http://e.org/a> <http://e.org/b> <http://e.org/c> .",
        &format!("{}/store?graph=http://e.org/g", server.base),
    );
    assert_eq!(status, 403);

    // A malformed query: 400 with the parser's message.
    let (status, body) = send(
        "POST",
        "application/sparql-query",
        "SELECT ?x WHERE { ?x",
        &query_url,
    );
    assert_eq!(status, 400);
    assert!(body.contains("syntax"), "{body}");

    // Graph Store read of one document graph, and the service description.
    let (status, body) = curl(&[
        "-H",
        "Accept: text/turtle",
        &format!("{}/store?default", server.base),
    ]);
    assert_eq!(status, 200);
    assert!(body.contains("PlanDocument"));
    let (status, body) = curl(&["-H", "Accept: text/turtle", &query_url]);
    assert_eq!(status, 200);
    assert!(body.contains("sparql-service-description"), "{body}");

    // CORS headers for browser clients; the page at / lists example queries.
    let (status, body) = curl(&["-i", &format!("{}/", server.base)]);
    assert_eq!(status, 200);
    assert!(body
        .to_ascii_lowercase()
        .contains("access-control-allow-origin: *"));
    assert!(body.contains("policies_per_year"));

    // A bounded load: 8 clients in parallel, every request answered 200.
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let url = query_url.clone();
            thread::spawn(move || {
                (0..25)
                    .filter(|_| {
                        curl(&["-G", "--data-urlencode", &format!("query={DOCS}"), &url]).0 == 200
                    })
                    .count()
            })
        })
        .collect();
    let answered: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(answered, 200);
}

/// Queries the store's evaluator does not stop by its cancellation token alone: a
/// count over a cartesian product, and an OFFSET that skipped the cancellation
/// errors and came back as an empty, complete-looking 200.
const RUNAWAYS: [&str; 2] = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } LIMIT 10 OFFSET 100000000000",
];

fn get_query(server: &Server, query: &str) -> (u16, String) {
    curl(&[
        "-G",
        "--data-urlencode",
        &format!("query={query}"),
        &format!("{}/query", server.base),
    ])
}

#[test]
fn a_query_past_the_timeout_is_stopped_with_503() {
    let (_dir, store) = built_store();
    let server = Server::start(&store, &["--timeout", "1"]);
    for runaway in RUNAWAYS {
        let (status, body) = get_query(&server, runaway);
        assert_eq!(status, 503, "{runaway}: {body}");
        assert!(body.contains("stopped"), "{body}");
        // Its evaluation is gone: the next ordinary query is answered.
        let (status, body) = get_query(&server, DOCS);
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("12"), "the sample's 12 documents: {body}");
    }
}

#[test]
fn at_most_max_concurrent_queries_run_and_the_rest_wait_or_are_refused() {
    let (_dir, store) = built_store();
    let server = Server::start(&store, &["--timeout", "2", "--max-concurrent", "1"]);
    // Queued: four ordinary queries at once on one worker are all answered.
    let statuses: Vec<u16> = thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| get_query(&server, DOCS).0))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(statuses, [200; 4]);
    // Refused: while a runaway holds the one worker until its timeout and the
    // grace after it, a query sent just after waits its own timeout out and is
    // refused as busy.
    let (runaway, waiting) = thread::scope(|scope| {
        let runaway = scope.spawn(|| get_query(&server, RUNAWAYS[0]));
        thread::sleep(Duration::from_millis(100));
        let waiting = scope.spawn(|| get_query(&server, DOCS));
        (runaway.join().unwrap(), waiting.join().unwrap())
    });
    assert_eq!(runaway.0, 503, "{}", runaway.1);
    assert!(runaway.1.contains("stopped"), "{}", runaway.1);
    assert_eq!(waiting.0, 503, "{}", waiting.1);
    assert!(waiting.1.contains("busy"), "{}", waiting.1);
    // And then the worker that replaced the killed one answers.
    assert_eq!(get_query(&server, DOCS).0, 200);
}

#[test]
fn the_query_command_stops_at_its_timeout_and_prints_no_result() {
    let (_dir, store) = built_store();
    for runaway in RUNAWAYS {
        let out = crate::util::plankg()
            .args(["query", "--timeout", "1", "--format", "json", "--store"])
            .arg(&store)
            .arg(runaway)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(out.stdout.is_empty(), "a cut-off result was printed");
        assert!(stderr.contains("ran longer than 1 s"), "{stderr}");
    }
    let out = crate::util::plankg()
        .args(["query", "--timeout", "30", "--store"])
        .arg(&store)
        .arg(DOCS)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.is_empty());
}

#[test]
fn a_writable_server_accepts_updates_and_graph_writes() {
    let (_dir, store) = built_store();
    let server = Server::start(&store, &["--writable"]);
    let (status, _) = send("POST", "application/sparql-update", "INSERT DATA { GRAPH <http://e.org/g> { <http://e.org/a> <http://e.org/b> <http://e.org/c> } }", &format!("{}/update", server.base));
    assert_eq!(status, 204);
    // Queries (evaluated in worker processes) see the update at once.
    let (status, body) = get_query(
        &server,
        "ASK { <http://e.org/a> <http://e.org/b> <http://e.org/c> }",
    );
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("true"), "{body}");
    let (status, _) = send(
        "PUT",
        "text/turtle",
        "<http://e.org/x> <http://e.org/y> <http://e.org/z> .",
        &format!("{}/store?graph=http://e.org/g", server.base),
    );
    assert_eq!(status, 204);
    let (status, body) = curl(&[
        "-H",
        "Accept: application/n-triples",
        &format!("{}/store?graph=http://e.org/g", server.base),
    ]);
    assert_eq!(status, 200);
    assert_eq!(
        body.trim(),
        "<http://e.org/x> <http://e.org/y> <http://e.org/z> ."
    );
}
