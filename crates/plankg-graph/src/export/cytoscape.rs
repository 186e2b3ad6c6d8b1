//! Cytoscape.js JSON as Cytoscape desktop imports it (`.cyjs`): top-level `data` and
//! `elements` with `nodes` and `edges`, each element a `data` object; nodes with
//! `id` (the IRI), `name` (the label) and `value` (weighted degree), edges with
//! `source`, `target` and `interaction`.

use std::io::{self, Write};

use petgraph::visit::EdgeRef as _;
use serde_json::{json, Map, Value};

use super::ExportOptions;
use crate::graph::ViewGraph;

pub(crate) fn write(
    graph: &ViewGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let petgraph = graph.graph();
    let nodes: Vec<Value> = petgraph
        .node_indices()
        .map(|index| {
            let node = &petgraph[index];
            let mut data = Map::new();
            data.insert("id".into(), json!(node.iri));
            data.insert("name".into(), json!(node.label));
            data.insert("shared_name".into(), json!(node.label));
            data.insert("value".into(), json!(graph.weighted_degree(index, None)));
            data.insert("type".into(), json!(node.kind.name()));
            data.insert("iri".into(), json!(node.iri));
            if let Some(year) = node.year() {
                data.insert("year".into(), json!(year));
            }
            data.insert("years".into(), json!(node.years));
            if let Some(region) = &node.region {
                data.insert("region".into(), json!(region));
            }
            for score in &options.scores {
                if let Some(value) = score.values.get(index.index()).filter(|v| v.is_finite()) {
                    data.insert(score.name.clone(), json!(value));
                }
            }
            json!({ "data": data })
        })
        .collect();
    let edges: Vec<Value> = petgraph
        .edge_references()
        .map(|edge| {
            let data = edge.weight();
            let (source, target) = (&petgraph[edge.source()].iri, &petgraph[edge.target()].iri);
            let interaction = data.interaction();
            json!({ "data": {
                "id": format!("e{}", edge.id().index()),
                "source": source,
                "target": target,
                "interaction": interaction,
                "name": format!("{source} ({interaction}) {target}"),
                "weight": data.weight,
                "years": data.years,
            }})
        })
        .collect();
    let document = json!({
        "format_version": "1.0",
        "generated_by": "plankg",
        "target_cytoscapejs_version": "~2.1",
        "data": { "name": options.name, "shared_name": options.name, "directed": graph.is_directed() },
        "elements": { "nodes": nodes, "edges": edges },
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
