//! Eigenvector centrality (rustworkx-core's power iteration, weighted).

use std::convert::Infallible;

use rustworkx_core::centrality::eigenvector_centrality;

use crate::error::CentralityError;
use crate::graph::{Topology, ViewGraph};

/// Eigenvector centrality of every node, indexed by `NodeIndex::index()`, with edge
/// weights, as rustworkx-core computes it.
///
/// # Errors
/// [`CentralityError::NoConvergence`] when the power iteration does not reach
/// `tolerance` within `max_iterations`.
///
/// # Complexity
/// O(i × (n + e)) time for i iterations, O(n) space.
///
/// # Example
/// ```
/// use std::collections::BTreeSet;
/// use plankg_graph::{centrality, Node, NodeKind, ViewGraph};
///
/// let mut graph = ViewGraph::new(false);
/// let mut node = |iri: &str| {
///     let kind = NodeKind::Initiative;
///     let node = Node { iri: iri.into(), label: iri.into(), kind, years: BTreeSet::new(), region: None };
///     graph.add_node(node)
/// };
/// let (a, b, c) = (node("a"), node("b"), node("c"));
/// graph.add_edge(a, b, "coOccurs", 1.0, None);
/// graph.add_edge(b, c, "coOccurs", 1.0, None);
/// let scores = centrality::eigenvector(&graph, 1e-9, 1000)?;
/// assert!(scores[1] > scores[0] && (scores[0] - scores[2]).abs() < 1e-6);
/// # Ok::<_, plankg_graph::CentralityError>(())
/// ```
pub fn eigenvector(
    graph: &ViewGraph,
    tolerance: f64,
    max_iterations: usize,
) -> Result<Vec<f64>, CentralityError> {
    let weight = |edge_weight: f64| Ok::<_, Infallible>(edge_weight);
    let scores = match graph.topology() {
        Topology::Directed(g) => eigenvector_centrality(
            &g,
            |e| weight(*e.weight()),
            Some(max_iterations),
            Some(tolerance),
        ),
        Topology::Undirected(g) => eigenvector_centrality(
            &g,
            |e| weight(*e.weight()),
            Some(max_iterations),
            Some(tolerance),
        ),
    };
    match scores {
        Ok(Some(scores)) => Ok(scores),
        Ok(None) => Err(CentralityError::NoConvergence {
            measure: "eigenvector",
            iterations: max_iterations,
            tolerance,
        }),
        Err(never) => match never {},
    }
}
