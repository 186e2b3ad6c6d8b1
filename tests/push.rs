//! `plankg push` into a real Virtuoso (Debian's virtuoso-opensource), started by the
//! test on free ports with a temporary database and stopped by its pid.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::build::built_store;
use crate::util::{plankg, succeed};

/// The sample configuration the Debian package installs.
const SAMPLE_INI: &str = "/etc/virtuoso-opensource-7/virtuoso.ini";

struct Virtuoso {
    child: Child,
    http: u16,
}

impl Virtuoso {
    fn start(dir: &Path) -> Self {
        let free = || {
            TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port()
        };
        let (sql, http) = (free(), free());
        let sample = fs::read_to_string(SAMPLE_INI)
            .expect("virtuoso-opensource must be installed (scripts/test.sh installs it)");
        let db = dir.display().to_string();
        let mut section = String::new();
        let ini: Vec<String> = sample
            .lines()
            .map(|line| {
                let trimmed = line.trim();
                if trimmed.starts_with('[') {
                    section = trimmed.to_owned();
                }
                let key = trimmed.split('=').next().unwrap_or("").trim();
                match (section.as_str(), key) {
                    ("[Parameters]", "ServerPort") => format!("ServerPort = 127.0.0.1:{sql}"),
                    ("[HTTPServer]", "ServerPort") => format!("ServerPort = 127.0.0.1:{http}"),
                    ("[Parameters]", "DirsAllowed") => {
                        format!("DirsAllowed = ., {db}, /usr/share/virtuoso-opensource-7/vad")
                    }
                    _ => line.replace("/var/lib/virtuoso-opensource-7/db", &db),
                }
            })
            .collect();
        let config = dir.join("virtuoso.ini");
        fs::write(&config, ini.join("\n")).unwrap();
        let child = Command::new("virtuoso-t")
            .args(["+foreground", "+configfile"])
            .arg(&config)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("virtuoso-t must be installed (scripts/test.sh installs it)");
        let server = Self { child, http };
        let started = Instant::now();
        loop {
            if TcpStream::connect(("127.0.0.1", http)).is_ok()
                && server.select_count("ASK { }").is_some()
            {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "Virtuoso did not start"
            );
            thread::sleep(Duration::from_millis(250));
        }
        server
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.http)
    }

    /// Runs a query on Virtuoso's /sparql and returns the CSV answer's body lines.
    fn select_count(&self, query: &str) -> Option<String> {
        let out = Command::new("curl")
            .args([
                "-s",
                "-f",
                "-G",
                "-H",
                "Accept: text/csv",
                "--data-urlencode",
            ])
            .arg(format!("query={query}"))
            .arg(format!("{}/sparql", self.base()))
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The single number of a one-cell CSV answer.
fn number(csv: &str) -> u64 {
    csv.lines()
        .nth(1)
        .unwrap()
        .trim()
        .trim_matches('"')
        .parse()
        .unwrap()
}

fn local_number(store: &Path, query: &str) -> u64 {
    let out = succeed(
        plankg()
            .args(["query", "--format", "csv", "--store"])
            .arg(store)
            .arg(query),
    );
    number(&String::from_utf8_lossy(&out.stdout))
}

fn push(store: &Path, server: &Virtuoso, extra: &[&str]) -> String {
    let out = plankg()
        .args(["push", "--store"])
        .arg(store)
        .args(["--endpoint", &format!("{}/sparql", server.base())])
        .args([
            "--graph-store",
            &format!("{}/sparql-graph-crud-auth", server.base()),
        ])
        .args(["--user", "dba", "--password", "dba"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "push failed: {stderr}");
    stderr
}

const PLANKG_QUADS: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/plankg/\")) }";
const DOCUMENTS_2018: &str = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a <https://w3id.org/plankg/ont#PlanDocument> ; <https://w3id.org/plankg/ont#year> 2018 } }";

#[test]
fn push_to_virtuoso_sends_every_graph_once() {
    let (dir, store) = built_store();
    let db = dir.path().join("virtuoso");
    fs::create_dir_all(&db).unwrap();
    let virtuoso = Virtuoso::start(&db);

    let summary = push(&store, &virtuoso, &[]);
    assert!(summary.contains("failed: 0"), "{summary}");
    let local = local_number(&store, PLANKG_QUADS);
    assert!(local > 1000, "local quads: {local}");
    assert_eq!(number(&virtuoso.select_count(PLANKG_QUADS).unwrap()), local);
    assert_eq!(
        number(&virtuoso.select_count(DOCUMENTS_2018).unwrap()),
        local_number(&store, DOCUMENTS_2018)
    );

    // Pushing again replaces each graph: no duplicates; --since sends nothing new.
    push(&store, &virtuoso, &[]);
    assert_eq!(number(&virtuoso.select_count(PLANKG_QUADS).unwrap()), local);
    let again = push(&store, &virtuoso, &["--since"]);
    assert!(again.contains("sent: 0"), "{again}");
}
