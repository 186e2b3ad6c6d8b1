//! `plankg export` and `plankg rank` on a store built from the sample plans: every
//! export read back by a real reader with the counts plankg reports, and PageRank
//! and betweenness against networkx on the GraphML export of the same view.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command as ProcessCommand;

use crate::build::built_store;
use crate::util::{plankg, python};

/// The views the sample plans fill.
const VIEWS: [&str; 4] = ["full", "policy", "responsibility", "initiative"];

/// Runs `plankg export` and returns the (nodes, edges) it reports on stderr.
fn export(store: &Path, view: &str, format: &str, out: &Path, extra: &[&str]) -> (usize, usize) {
    let output = plankg()
        .args(["export", "--view", view, "--format", format, "--store"])
        .arg(store)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "export {view} {format}: {stderr}");
    reported_counts(&stderr)
}

/// `plankg: view full: 648 nodes, 749 edges` → (648, 749).
fn reported_counts(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|line| line.contains(" nodes, "))
        .unwrap_or_else(|| panic!("no counts in {stderr}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (numbers[numbers.len() - 2], numbers[numbers.len() - 1])
}

const NETWORKX_COUNTS: &str = r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
x = nx.read_gexf(sys.argv[2])
print(json.dumps([g.number_of_nodes(), g.number_of_edges(), x.number_of_nodes(), x.number_of_edges()]))
"#;

const CSV_COUNTS: &str = r#"
import csv, json, sys
rows = []
for path in sys.argv[1:3]:
    with open(path, newline="", encoding="utf-8") as f:
        rows.append(list(csv.DictReader(f)))
nodes, edges = rows
ids = {n["iri:ID"] for n in nodes}
assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges)
assert all(n[":LABEL"] for n in nodes) and all(e[":TYPE"] for e in edges)
print(json.dumps([len(nodes), len(edges)]))
"#;

#[test]
fn every_export_is_read_back_with_the_reported_counts() {
    let (dir, store) = built_store();
    let (full_nodes, _) = export(
        &store,
        "full",
        "graphml",
        &dir.path().join("probe.graphml"),
        &[],
    );
    assert!(full_nodes > 0, "the sample plans give an empty full view");
    for view in VIEWS {
        let file = |ext: &str| -> PathBuf { dir.path().join(format!("{view}.{ext}")) };
        let counts = export(
            &store,
            view,
            "graphml",
            &file("graphml"),
            &["--with-scores"],
        );
        assert_eq!(export(&store, view, "gexf", &file("gexf"), &[]), counts);
        let read: Vec<usize> =
            serde_json::from_str(&python(NETWORKX_COUNTS, &[&file("graphml"), &file("gexf")]))
                .unwrap();
        assert_eq!(
            read,
            [counts.0, counts.1, counts.0, counts.1],
            "{view}: networkx"
        );

        export(&store, view, "dot", &file("dot"), &["--clusters", "type"]);
        let dot = ProcessCommand::new("dot")
            .arg("-Tsvg")
            .arg(file("dot"))
            .output()
            .unwrap();
        assert!(
            dot.status.success(),
            "{view}: dot: {}",
            String::from_utf8_lossy(&dot.stderr)
        );

        export(&store, view, "cytoscape", &file("cyjs"), &[]);
        let cyjs: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file("cyjs")).unwrap()).unwrap();
        check_cyjs(&cyjs, counts);

        let csv_dir = dir.path().join(format!("{view}-csv"));
        export(&store, view, "csv", &csv_dir, &[]);
        let read: Vec<usize> = serde_json::from_str(&python(
            CSV_COUNTS,
            &[&csv_dir.join("nodes.csv"), &csv_dir.join("edges.csv")],
        ))
        .unwrap();
        assert_eq!(read, [counts.0, counts.1], "{view}: csv");
    }
}

/// The .cyjs shape Cytoscape desktop imports.
fn check_cyjs(cyjs: &serde_json::Value, (nodes, edges): (usize, usize)) {
    assert!(cyjs["data"].is_object());
    let node_list = cyjs["elements"]["nodes"].as_array().unwrap();
    let edge_list = cyjs["elements"]["edges"].as_array().unwrap();
    assert_eq!((node_list.len(), edge_list.len()), (nodes, edges));
    let ids: BTreeSet<&str> = node_list
        .iter()
        .filter_map(|n| n["data"]["id"].as_str())
        .collect();
    assert_eq!(ids.len(), nodes);
    assert!(node_list
        .iter()
        .all(|n| n["data"]["name"].is_string() && n["data"]["value"].is_number()));
    assert!(edge_list.iter().all(|e| {
        let data = &e["data"];
        data["interaction"].is_string()
            && data["source"].as_str().is_some_and(|s| ids.contains(s))
            && data["target"].as_str().is_some_and(|t| ids.contains(t))
    }));
}

/// `plankg rank --format json` over every node: IRI → score.
fn rank(store: &Path, view: &str, measure: &str) -> HashMap<String, f64> {
    let output = plankg()
        .args(["rank", "--quiet", "--view", view, "--measure", measure])
        .args(["--type", "all", "--top", "0", "--format", "json", "--store"])
        .arg(store)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    rows.iter()
        .map(|row| {
            assert!(row["label"].is_string() && row["type"].is_string() && row["rank"].is_u64());
            (
                row["iri"].as_str().unwrap().to_owned(),
                row["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

const NETWORKX_CENTRALITY: &str = r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
    "pagerank": nx.pagerank(g, tol=1e-12, max_iter=10000),
    "betweenness": nx.betweenness_centrality(g),
}))
"#;

#[test]
fn pagerank_and_betweenness_agree_with_networkx_on_the_graphml_export() {
    let (dir, store) = built_store();
    for view in VIEWS {
        let graphml = dir.path().join(format!("{view}.graphml"));
        export(&store, view, "graphml", &graphml, &[]);
        let nx: HashMap<String, HashMap<String, f64>> =
            serde_json::from_str(&python(NETWORKX_CENTRALITY, &[&graphml])).unwrap();

        let pagerank = rank(&store, view, "pagerank");
        let expected = &nx["pagerank"];
        assert_eq!(pagerank.len(), expected.len(), "{view}: nodes");
        let worst = pagerank
            .iter()
            .map(|(iri, score)| (score - expected[iri]).abs())
            .fold(0.0, f64::max);
        assert!(worst < 1e-6, "{view}: max |Δ pagerank| = {worst:e}");

        let betweenness = rank(&store, view, "betweenness");
        let ours = top_ten(&betweenness);
        let theirs = &nx["betweenness"];
        let tenth = tenth_score(theirs);
        for iri in &ours {
            assert!(
                theirs[iri] >= tenth - 1e-9,
                "{view}: {iri} is in plankg's betweenness top 10, not networkx's"
            );
            assert!(
                (betweenness[iri] - theirs[iri]).abs() < 1e-9,
                "{view}: {iri}"
            );
        }
    }
}

/// The ten highest-scored IRIs (ties broken by IRI).
fn top_ten(scores: &HashMap<String, f64>) -> Vec<String> {
    let mut ranked: Vec<(&String, f64)> = scores.iter().map(|(iri, &s)| (iri, s)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(10)
        .map(|(iri, _)| iri.clone())
        .collect()
}

/// The tenth highest score (the lowest when there are fewer than ten).
fn tenth_score(scores: &HashMap<String, f64>) -> f64 {
    let mut values: Vec<f64> = scores.values().copied().collect();
    values.sort_by(|a, b| b.total_cmp(a));
    values.get(9).or(values.last()).copied().unwrap_or(0.0)
}

/// The data of the document nodes of a filtered `policy` view, from its Cytoscape
/// export written to `out`.
pub fn exported_documents(store: &Path, out: &Path, filter: &[&str]) -> Vec<serde_json::Value> {
    export(store, "policy", "cytoscape", out, filter);
    let cyjs: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    cyjs["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["data"].clone())
        .filter(|data| data["type"] == "document")
        .collect()
}

/// The document nodes of a filtered `policy` view, as (year, region).
fn filtered_documents(
    store: &Path,
    out: &Path,
    filter: &[&str],
) -> Vec<(Option<i64>, Option<String>)> {
    exported_documents(store, out, filter)
        .iter()
        .map(|data| {
            (
                data["year"].as_i64(),
                data["region"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn filters_keep_the_documents_of_the_years_and_regions_asked_for() {
    let (dir, store) = built_store();
    let out = dir.path().join("filtered.cyjs");
    let all = filtered_documents(&store, &out, &[]);
    let years: BTreeSet<i64> = all.iter().filter_map(|(year, _)| *year).collect();
    let median = *years
        .iter()
        .nth(years.len() / 2)
        .expect("documents with years");
    let late = filtered_documents(&store, &out, &["--from", &median.to_string()]);
    assert!(!late.is_empty() && late.len() < all.len());
    assert!(late
        .iter()
        .all(|(year, _)| year.is_some_and(|y| y >= median)));

    // A region's parent (pk:partOf) keeps the region's documents.
    let query = plankg()
        .args(["query", "--format", "csv", "--store"])
        .arg(&store)
        .arg(
            "PREFIX pk: <https://w3id.org/plankg/ont#> \
             PREFIX skos: <http://www.w3.org/2004/02/skos/core#> \
             SELECT ?region ?parent WHERE { ?doc a pk:PlanDocument ; pk:region ?r . \
             ?r skos:prefLabel ?region ; pk:partOf/skos:prefLabel ?parent } ORDER BY ?region LIMIT 1",
        )
        .output()
        .unwrap();
    let csv = String::from_utf8(query.stdout).unwrap();
    let Some((region, parent)) = csv
        .lines()
        .nth(1)
        .and_then(|line| line.trim().split_once(','))
    else {
        panic!("no document with a region inside another in the sample plans: {csv}");
    };
    let inside = filtered_documents(&store, &out, &["--region", parent]);
    assert!(!inside.is_empty());
    assert!(inside.iter().any(|(_, r)| r.as_deref() == Some(region)));
    assert!(inside.iter().all(|(_, r)| r.is_some()));
    assert!(filtered_documents(&store, &out, &["--region", "不存在的地区"]).is_empty());
}
