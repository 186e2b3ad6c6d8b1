//! Closeness: how near a node is to the nodes that reach it (rustworkx-core, with
//! Wasserman–Faust scaling for disconnected views, as networkx's default).

use rustworkx_core::centrality::closeness_centrality;

use crate::graph::{Topology, ViewGraph};

/// Below this many nodes rustworkx-core's closeness runs on one thread.
const PARALLEL_THRESHOLD: usize = 50;

/// Closeness of every node, indexed by `NodeIndex::index()`: in directed views, over
/// the distances *to* the node (incoming paths), as `networkx.closeness_centrality`.
///
/// # Complexity
/// O(n × (n + e)) time, O(n) space per thread.
///
/// # Example
/// ```
/// use std::collections::BTreeSet;
/// use plankg_graph::{centrality, Node, NodeKind, ViewGraph};
///
/// let mut graph = ViewGraph::new(true);
/// let mut node = |iri: &str| {
///     let kind = NodeKind::Task;
///     let node = Node { iri: iri.into(), label: iri.into(), kind, years: BTreeSet::new(), region: None };
///     graph.add_node(node)
/// };
/// let (a, b) = (node("a"), node("b"));
/// graph.add_edge(a, b, "continues", 1.0, None);
/// assert_eq!(centrality::closeness(&graph), vec![0.0, 1.0]);
/// ```
#[must_use]
pub fn closeness(graph: &ViewGraph) -> Vec<f64> {
    let scores = match graph.topology() {
        Topology::Directed(g) => closeness_centrality(&g, true, PARALLEL_THRESHOLD),
        Topology::Undirected(g) => closeness_centrality(&g, true, PARALLEL_THRESHOLD),
    };
    scores.into_iter().map(Option::unwrap_or_default).collect()
}
