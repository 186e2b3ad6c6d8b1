//! The exports of a hand-built view, read back by real readers: networkx (GraphML,
//! GEXF), Graphviz (DOT), Python's csv module (Neo4j CSV), serde_json (Cytoscape);
//! PageRank and betweenness against networkx on the GraphML export.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

use plankg_graph::{centrality, export, CentralityOptions, DotClusters, ExportFormat};
use plankg_graph::{ExportOptions, Measure, Node, NodeKind, Score, ViewGraph};

/// Labels that need escaping in every format.
const TRICKY: &str = "《关于\"双减\"的意见》 <试行> & 'A'\n第二行 \\ 结束";

fn node(
    graph: &mut ViewGraph,
    iri: &str,
    label: &str,
    kind: NodeKind,
    years: &[i32],
) -> petgraph::graph::NodeIndex {
    graph.add_node(Node {
        iri: iri.into(),
        label: label.into(),
        kind,
        years: years.iter().copied().collect::<BTreeSet<_>>(),
        region: Some("杭州市".into()),
    })
}

/// Documents citing policies, with a dangling policy, weights above 1 and a
/// localizes link: enough structure for PageRank and betweenness to differ.
fn policy_view() -> ViewGraph {
    let mut g = ViewGraph::new(true);
    let docs: Vec<_> = (0..6)
        .map(|i| {
            node(
                &mut g,
                &format!("urn:doc:{i}"),
                &format!("杭州市教育局{}年工作要点", 2018 + i),
                NodeKind::Document,
                &[2018 + i],
            )
        })
        .collect();
    let p2035 = node(
        &mut g,
        "urn:policy:2035",
        "《中国教育现代化2035》",
        NodeKind::Policy,
        &[],
    );
    let pzj = node(
        &mut g,
        "urn:policy:zj2035",
        "《浙江教育现代化2035行动纲要》",
        NodeKind::Policy,
        &[],
    );
    let tricky = node(
        &mut g,
        "urn:policy:tricky&<x>",
        TRICKY,
        NodeKind::Policy,
        &[],
    );
    let p19 = node(&mut g, "urn:policy:19", "党的十九大", NodeKind::Policy, &[]);
    for (i, &doc) in docs.iter().enumerate() {
        let year = Some(2018 + i32::try_from(i).unwrap());
        g.add_edge(doc, p2035, "citesPolicy", 1.0, year);
        if i % 2 == 0 {
            g.add_edge(doc, pzj, "citesPolicy", 2.0, year);
        }
        if i % 3 == 0 {
            g.add_edge(doc, tricky, "citesPolicy", 1.0, year);
        }
        if i > 0 {
            g.add_edge(doc, docs[i - 1], "continues", 1.0, year);
        }
    }
    g.add_edge(pzj, p2035, "localizes", 1.0, None);
    g.add_edge(p2035, p19, "citesPolicy", 3.0, None);
    g
}

fn initiative_view() -> ViewGraph {
    let mut g = ViewGraph::new(false);
    let names = ["县管校聘", "双减", "集团化办学", "名师工程", "课后服务"];
    let ids: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            node(
                &mut g,
                &format!("urn:initiative:{i}"),
                name,
                NodeKind::Initiative,
                &[2020, 2021],
            )
        })
        .collect();
    for (a, b, w) in [
        (0, 1, 3.0),
        (1, 2, 1.0),
        (1, 4, 2.0),
        (2, 3, 1.0),
        (3, 0, 1.0),
    ] {
        g.add_edge(ids[a], ids[b], "coOccurs", w, Some(2021));
    }
    g
}

fn python(script: &str, args: &[&Path]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 (with tests/requirements.txt installed)");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn write(format: ExportFormat, graph: &ViewGraph, options: &ExportOptions, path: &Path) {
    let file = std::fs::File::create(path).unwrap();
    export::write(format, graph, options, file).unwrap();
}

const READ_WITH_NETWORKX: &str = r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
x = nx.read_gexf(sys.argv[2])
print(json.dumps({
    "graphml": [g.number_of_nodes(), g.number_of_edges(), g.is_directed()],
    "gexf": [x.number_of_nodes(), x.number_of_edges(), x.is_directed()],
    "labels": sorted(d["label"] for _, d in g.nodes(data=True)),
    "gexf_labels": sorted(d["label"] for _, d in x.nodes(data=True)),
    "interactions": sorted({d["interaction"] for _, _, d in g.edges(data=True)}),
    "spells": [list(s) for s in x.nodes["urn:doc:1"].get("spells", [])] if "urn:doc:1" in x else None,
    "mode": x.graph.get("mode"),
}, ensure_ascii=False))
"#;

#[test]
fn networkx_reads_graphml_and_gexf_with_the_same_counts_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    for (graph, directed) in [(policy_view(), true), (initiative_view(), false)] {
        let options = ExportOptions {
            name: "plankg test".into(),
            ..ExportOptions::default()
        };
        let (graphml, gexf) = (dir.path().join("v.graphml"), dir.path().join("v.gexf"));
        write(ExportFormat::GraphMl, &graph, &options, &graphml);
        write(ExportFormat::Gexf, &graph, &options, &gexf);
        let read: serde_json::Value =
            serde_json::from_str(&python(READ_WITH_NETWORKX, &[&graphml, &gexf])).unwrap();
        let counts = serde_json::json!([graph.node_count(), graph.edge_count(), directed]);
        assert_eq!(read["graphml"], counts);
        assert_eq!(read["gexf"], counts);
        let mut labels: Vec<String> = graph
            .graph()
            .node_weights()
            .map(|n| n.label.clone())
            .collect();
        labels.sort();
        assert_eq!(read["labels"], serde_json::json!(labels));
        assert_eq!(read["gexf_labels"], serde_json::json!(labels));
        assert_eq!(read["mode"], "dynamic");
        if directed {
            assert_eq!(read["spells"], serde_json::json!([[2019, 2019]]));
            assert_eq!(
                read["interactions"],
                serde_json::json!(["citesPolicy", "continues", "localizes"])
            );
        }
    }
}

#[test]
fn graphml_declares_every_key_before_the_graph() {
    let mut out = Vec::new();
    let options = ExportOptions {
        scores: vec![Score {
            name: "pagerank".into(),
            values: vec![0.1; 10],
        }],
        ..ExportOptions::default()
    };
    export::write(ExportFormat::GraphMl, &policy_view(), &options, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let graph_at = text.find("<graph ").unwrap();
    for line in text.lines().filter(|l| l.trim_start().starts_with("<key ")) {
        assert!(
            line.contains(" for=\"") && line.contains(" attr.type=\""),
            "{line}"
        );
    }
    assert!(text.rfind("<key ").unwrap() < graph_at);
    assert!(text.contains(r#"attr.name="pagerank" attr.type="double""#));
    assert!(text.contains(r#"<data key="interaction">citesPolicy</data>"#));
}

#[test]
fn graphviz_renders_the_dot_export_with_chinese_labels() {
    let dir = tempfile::tempdir().unwrap();
    for clusters in [DotClusters::None, DotClusters::Type, DotClusters::Year] {
        for graph in [policy_view(), initiative_view()] {
            let dot = dir.path().join("v.dot");
            let options = ExportOptions {
                name: "plankg \"test\"".into(),
                clusters,
                ..ExportOptions::default()
            };
            write(ExportFormat::Dot, &graph, &options, &dot);
            let text = std::fs::read_to_string(&dot).unwrap();
            assert!(text.contains(r#"fontname="Noto Sans CJK SC""#));
            let out = Command::new("dot")
                .arg("-Tsvg")
                .arg(&dot)
                .output()
                .expect("graphviz installed");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && !stderr.contains("rror"),
                "dot: {stderr}"
            );
            let svg = String::from_utf8(out.stdout).unwrap();
            assert!(svg.contains("中国教育现代化2035") || svg.contains("县管校聘"));
        }
    }
}

#[test]
fn cytoscape_json_has_the_cyjs_shape() {
    let graph = policy_view();
    let mut out = Vec::new();
    export::write(
        ExportFormat::Cytoscape,
        &graph,
        &ExportOptions::default(),
        &mut out,
    )
    .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(json["data"].is_object());
    let nodes = json["elements"]["nodes"].as_array().unwrap();
    let edges = json["elements"]["edges"].as_array().unwrap();
    assert_eq!(
        (nodes.len(), edges.len()),
        (graph.node_count(), graph.edge_count())
    );
    let ids: BTreeSet<&str> = nodes
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), nodes.len());
    for n in nodes {
        assert!(
            n["data"]["name"].is_string() && n["data"]["value"].is_number(),
            "{n}"
        );
    }
    for e in edges {
        let data = &e["data"];
        assert!(ids.contains(data["source"].as_str().unwrap()));
        assert!(ids.contains(data["target"].as_str().unwrap()));
        assert!(data["interaction"].is_string() && data["id"].is_string());
    }
    assert!(nodes.iter().any(|n| n["data"]["name"] == TRICKY));
}

const READ_CSV: &str = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    nodes = list(csv.DictReader(f))
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    edges = list(csv.DictReader(f))
print(json.dumps({"nodes": len(nodes), "edges": len(edges),
    "node_header": list(nodes[0].keys()), "edge_header": list(edges[0].keys()),
    "labels": sorted(n["label"] for n in nodes),
    "dangling": [e for e in edges if e[":START_ID"] not in {n["iri:ID"] for n in nodes}]}, ensure_ascii=False))
"#;

#[test]
fn csv_loads_with_python_csv_and_counts_match() {
    let graph = policy_view();
    let dir = tempfile::tempdir().unwrap();
    let (nodes, edges) = (dir.path().join("nodes.csv"), dir.path().join("edges.csv"));
    let options = ExportOptions {
        scores: vec![Score {
            name: "pagerank".into(),
            values: vec![0.5; graph.node_count()],
        }],
        ..ExportOptions::default()
    };
    export::write_csv(
        &graph,
        &options,
        std::fs::File::create(&nodes).unwrap(),
        std::fs::File::create(&edges).unwrap(),
    )
    .unwrap();
    let read: serde_json::Value =
        serde_json::from_str(&python(READ_CSV, &[&nodes, &edges])).unwrap();
    assert_eq!(read["nodes"], graph.node_count());
    assert_eq!(read["edges"], graph.edge_count());
    let node_header = read["node_header"].to_string();
    assert!(
        node_header.contains("\"iri:ID\"")
            && node_header.contains("\":LABEL\"")
            && node_header.contains("pagerank:double")
    );
    assert_eq!(
        read["edge_header"].as_array().unwrap()[..3],
        [":START_ID", ":END_ID", ":TYPE"]
    );
    assert!(read["labels"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l == TRICKY));
    assert_eq!(read["dangling"], serde_json::json!([]));
}

const NX_CENTRALITY: &str = r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"pagerank": nx.pagerank(g, tol=1e-12, max_iter=10000), "betweenness": nx.betweenness_centrality(g)}))
"#;

#[test]
fn pagerank_and_betweenness_agree_with_networkx_on_the_graphml() {
    let dir = tempfile::tempdir().unwrap();
    for graph in [policy_view(), initiative_view()] {
        let graphml = dir.path().join("v.graphml");
        write(
            ExportFormat::GraphMl,
            &graph,
            &ExportOptions::default(),
            &graphml,
        );
        let nx: HashMap<String, HashMap<String, f64>> =
            serde_json::from_str(&python(NX_CENTRALITY, &[&graphml])).unwrap();
        let options = CentralityOptions::default();
        for (measure, key, tolerance) in [
            (Measure::PageRank, "pagerank", 1e-6),
            (Measure::Betweenness, "betweenness", 1e-9),
        ] {
            let scores = centrality::scores(&graph, measure, &options).unwrap();
            for index in graph.graph().node_indices() {
                let iri = &graph.node(index).iri;
                let delta = (scores[index.index()] - nx[key][iri]).abs();
                assert!(
                    delta < tolerance,
                    "{key} of {iri}: {} vs {}",
                    scores[index.index()],
                    nx[key][iri]
                );
            }
        }
    }
}
