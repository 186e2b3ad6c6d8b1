//! Degree: how many edges (or how much edge weight) a node has.

use petgraph::Direction;

use crate::graph::ViewGraph;

/// The degree of every node, indexed by `NodeIndex::index()`.
///
/// # Arguments
/// * `direction`: `Some(Incoming)` for in-degree, `Some(Outgoing)` for out-degree,
///   `None` for both (an undirected view always counts both).
/// * `weighted`: sum the edge weights (statements) instead of counting edges.
///
/// # Complexity
/// O(n + e) time, O(n) space.
///
/// # Example
/// ```
/// use std::collections::BTreeSet;
/// use petgraph::Direction;
/// use plankg_graph::{centrality, Node, NodeKind, ViewGraph};
///
/// let mut graph = ViewGraph::new(true);
/// let mut node = |iri: &str| {
///     let kind = NodeKind::Policy;
///     let node = Node { iri: iri.into(), label: iri.into(), kind, years: BTreeSet::new(), region: None };
///     graph.add_node(node)
/// };
/// let (a, b) = (node("a"), node("b"));
/// graph.add_edge(a, b, "citesPolicy", 2.0, None);
/// assert_eq!(centrality::degree(&graph, Some(Direction::Incoming), true), vec![0.0, 2.0]);
/// assert_eq!(centrality::degree(&graph, None, false), vec![1.0, 1.0]);
/// ```
#[must_use]
pub fn degree(graph: &ViewGraph, direction: Option<Direction>, weighted: bool) -> Vec<f64> {
    let petgraph = graph.graph();
    let count = |node, direction| {
        let edges = petgraph.edges_directed(node, direction);
        if weighted {
            edges.map(|edge| edge.weight().weight).sum()
        } else {
            edges.count() as f64
        }
    };
    petgraph
        .node_indices()
        .map(|node| match direction.filter(|_| graph.is_directed()) {
            Some(direction) => count(node, direction),
            None => count(node, Direction::Incoming) + count(node, Direction::Outgoing),
        })
        .collect()
}
