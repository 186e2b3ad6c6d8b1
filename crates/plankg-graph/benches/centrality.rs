//! Times PageRank, betweenness (sampled above 5,000 nodes) and the GraphML export on
//! a synthetic policy view: `cargo bench -p plankg-graph --bench centrality`
//! (PLANKG_BENCH_DOCUMENTS sets the number of plans, 50,000 by default).

#![allow(missing_docs, clippy::print_stdout)]

mod common;

use std::io;
use std::time::Instant;

use plankg_graph::{centrality, export, CentralityOptions, ExportFormat, ExportOptions, Measure};

fn main() {
    let documents = std::env::var("PLANKG_BENCH_DOCUMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    let start = Instant::now();
    let graph = common::factories::policy_view(documents, 2_000);
    println!(
        "policy view, {documents} documents: {} nodes, {} edges, built in {:.2?}",
        graph.node_count(),
        graph.edge_count(),
        start.elapsed()
    );
    let options = CentralityOptions::default();
    for measure in [
        Measure::PageRank,
        Measure::WeightedDegree,
        Measure::Betweenness,
    ] {
        let start = Instant::now();
        let scores = centrality::scores(&graph, measure, &options);
        println!(
            "{measure}: {:.2?} ({})",
            start.elapsed(),
            if scores.is_ok() { "ok" } else { "failed" }
        );
    }
    let start = Instant::now();
    let written = export::write(
        ExportFormat::GraphMl,
        &graph,
        &ExportOptions::default(),
        io::sink(),
    );
    println!(
        "graphml export: {:.2?} ({})",
        start.elapsed(),
        if written.is_ok() { "ok" } else { "failed" }
    );
}
