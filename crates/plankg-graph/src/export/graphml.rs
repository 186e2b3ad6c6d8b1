//! GraphML: every attribute declared by a `<key>` with `for` and `attr.type` before
//! the `<graph>` (Gephi ignores keys without `for`), and an `interaction` on every
//! edge (Cytoscape's edge label).

use std::io::{self, Write};

use petgraph::visit::EdgeRef as _;

use super::xml::escape;
use super::ExportOptions;
use crate::graph::ViewGraph;

pub(crate) fn write(
    graph: &ViewGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    let keys = [
        ("label", "node", "label", "string"),
        ("type", "node", "type", "string"),
        ("year", "node", "year", "int"),
        ("region", "node", "region", "string"),
        ("iri", "node", "iri", "string"),
        ("interaction", "edge", "interaction", "string"),
        ("weight", "edge", "weight", "double"),
        ("edge_year", "edge", "year", "int"),
    ];
    for (id, domain, name, kind) in keys {
        writeln!(
            out,
            r#"  <key id="{id}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>"#
        )?;
    }
    for (i, score) in options.scores.iter().enumerate() {
        writeln!(
            out,
            r#"  <key id="score{i}" for="node" attr.name="{}" attr.type="double"/>"#,
            escape(&score.name)
        )?;
    }
    let edgedefault = if graph.is_directed() {
        "directed"
    } else {
        "undirected"
    };
    writeln!(
        out,
        r#"  <graph id="{}" edgedefault="{edgedefault}">"#,
        escape(&options.name)
    )?;
    let petgraph = graph.graph();
    for index in petgraph.node_indices() {
        let node = &petgraph[index];
        let iri = escape(&node.iri);
        writeln!(out, r#"    <node id="{iri}">"#)?;
        writeln!(
            out,
            r#"      <data key="label">{}</data>"#,
            escape(&node.label)
        )?;
        writeln!(out, r#"      <data key="type">{}</data>"#, node.kind)?;
        if let Some(year) = node.year() {
            writeln!(out, r#"      <data key="year">{year}</data>"#)?;
        }
        if let Some(region) = &node.region {
            writeln!(out, r#"      <data key="region">{}</data>"#, escape(region))?;
        }
        writeln!(out, r#"      <data key="iri">{iri}</data>"#)?;
        for (i, score) in options.scores.iter().enumerate() {
            if let Some(value) = score.values.get(index.index()).filter(|v| v.is_finite()) {
                writeln!(out, r#"      <data key="score{i}">{value:?}</data>"#)?;
            }
        }
        writeln!(out, "    </node>")?;
    }
    for edge in petgraph.edge_references() {
        let data = edge.weight();
        writeln!(
            out,
            r#"    <edge id="e{}" source="{}" target="{}">"#,
            edge.id().index(),
            escape(&petgraph[edge.source()].iri),
            escape(&petgraph[edge.target()].iri)
        )?;
        writeln!(
            out,
            r#"      <data key="interaction">{}</data>"#,
            escape(&data.interaction())
        )?;
        writeln!(out, r#"      <data key="weight">{:?}</data>"#, data.weight)?;
        if let Some(year) = data.years.first() {
            writeln!(out, r#"      <data key="edge_year">{year}</data>"#)?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}
