//! The one entry point of the exports: format in, bytes out.

use std::io::Write;

use super::{csv, cytoscape, dot, gexf, graphml, ExportFormat, ExportOptions};
use crate::error::ExportError;
use crate::graph::ViewGraph;

/// Writes the view in `format` to `out`. Node ids are the nodes' IRIs in every
/// format, so scores and rows can be joined across exports.
///
/// # Errors
/// [`ExportError::NotOneStream`] for CSV (use [`write_csv`]),
/// [`ExportError::ScoreLength`] for a score without one value per node, and write
/// errors.
///
/// # Example
/// ```
/// use std::collections::BTreeSet;
/// use plankg_graph::{export, ExportFormat, ExportOptions, Node, NodeKind, ViewGraph};
///
/// let mut graph = ViewGraph::new(true);
/// let kind = NodeKind::Policy;
/// graph.add_node(Node { iri: "urn:x".into(), label: "《中国教育现代化2035》".into(), kind, years: BTreeSet::new(), region: None });
/// let mut out = Vec::new();
/// export::write(ExportFormat::GraphMl, &graph, &ExportOptions::default(), &mut out)?;
/// assert!(String::from_utf8(out)?.contains("《中国教育现代化2035》"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
pub fn write(
    format: ExportFormat,
    graph: &ViewGraph,
    options: &ExportOptions,
    mut out: impl Write,
) -> Result<(), ExportError> {
    options.check(graph)?;
    match format {
        ExportFormat::GraphMl => graphml::write(graph, options, &mut out)?,
        ExportFormat::Gexf => gexf::write(graph, options, &mut out)?,
        ExportFormat::Dot => dot::write(graph, options, &mut out)?,
        ExportFormat::Cytoscape => cytoscape::write(graph, options, &mut out)?,
        ExportFormat::Csv => return Err(ExportError::NotOneStream(format.name())),
    }
    out.flush()?;
    Ok(())
}

/// Writes the view as `nodes.csv` and `edges.csv` (to the two writers) in the
/// header format of `neo4j-admin database import`.
///
/// # Errors
/// [`ExportError::ScoreLength`] for a score without one value per node, and write
/// errors.
pub fn write_csv(
    graph: &ViewGraph,
    options: &ExportOptions,
    nodes: impl Write,
    edges: impl Write,
) -> Result<(), ExportError> {
    options.check(graph)?;
    csv::write_nodes(graph, options, nodes)?;
    csv::write_edges(graph, edges)
}
