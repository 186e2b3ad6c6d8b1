//! PageRank, weighted, with dangling nodes handled as networkx does.
//!
//! Our own sparse power iteration: petgraph's `page_rank` is unweighted and runs a
//! fixed number of iterations, and rustworkx-core has none. It follows
//! `networkx.pagerank` step by step (uniform start and teleport vectors, the rank
//! of dangling nodes spread uniformly, convergence when the L1 change is below
//! `n × tolerance`), so the two agree to the tolerance.

use petgraph::visit::{EdgeRef, IntoEdges, IntoNodeIdentifiers, NodeCount, NodeIndexable};

use crate::error::CentralityError;
use crate::graph::{Topology, ViewGraph};

/// PageRank of every node, indexed by `NodeIndex::index()`, on the view's edges
/// with their weights (an undirected edge counts in both directions).
///
/// # Arguments
/// * `damping`: the probability of following an edge (networkx's `alpha`), 0.85
///   usually.
/// * `tolerance`: stop when the L1 change of an iteration is below `n × tolerance`.
/// * `max_iterations`: give up after this many iterations.
///
/// # Errors
/// [`CentralityError::Damping`] for a damping factor outside [0, 1],
/// [`CentralityError::NoConvergence`] when `max_iterations` is reached first.
///
/// # Complexity
/// O(i × (n + e)) time for i iterations, O(n + e) space.
///
/// # Example
/// ```
/// use std::collections::BTreeSet;
/// use plankg_graph::{centrality, Node, NodeKind, ViewGraph};
///
/// let mut graph = ViewGraph::new(true);
/// let mut node = |iri: &str| {
///     let kind = NodeKind::Policy;
///     let node = Node { iri: iri.into(), label: iri.into(), kind, years: BTreeSet::new(), region: None };
///     graph.add_node(node)
/// };
/// let (a, b) = (node("a"), node("b"));
/// graph.add_edge(a, b, "citesPolicy", 1.0, None);
/// let rank = centrality::page_rank(&graph, 0.85, 1e-12, 1000)?;
/// // networkx: {'a': 0.350877..., 'b': 0.649122...}
/// assert!((rank[0] - 0.350877192982).abs() < 1e-9);
/// assert!((rank.iter().sum::<f64>() - 1.0).abs() < 1e-9);
/// # Ok::<_, plankg_graph::CentralityError>(())
/// ```
pub fn page_rank(
    graph: &ViewGraph,
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
) -> Result<Vec<f64>, CentralityError> {
    if !(0.0..=1.0).contains(&damping) {
        return Err(CentralityError::Damping(damping));
    }
    let transitions = match graph.topology() {
        Topology::Directed(g) => Transitions::new(&g),
        Topology::Undirected(g) => Transitions::new(&g),
    };
    transitions.iterate(damping, tolerance, max_iterations)
}

/// The row-stochastic transition matrix in compressed sparse rows.
struct Transitions {
    /// `offsets[u]..offsets[u + 1]` are the entries of row `u`.
    offsets: Vec<usize>,
    /// Column (target node) of each entry.
    targets: Vec<usize>,
    /// Probability of each entry (edge weight over the row's total weight).
    probabilities: Vec<f64>,
    /// Nodes whose rows are empty (no outgoing weight).
    dangling: Vec<usize>,
}

impl Transitions {
    fn new<G>(graph: G) -> Self
    where
        G: IntoEdges<EdgeWeight = f64> + IntoNodeIdentifiers + NodeIndexable + NodeCount,
    {
        let n = graph.node_bound();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::new();
        let mut probabilities = Vec::new();
        let mut dangling = Vec::new();
        offsets.push(0);
        for u in 0..n {
            let start = targets.len();
            let mut total = 0.0;
            for edge in graph.edges(graph.from_index(u)) {
                targets.push(graph.to_index(edge.target()));
                probabilities.push(*edge.weight());
                total += *edge.weight();
            }
            if total > 0.0 {
                for probability in &mut probabilities[start..] {
                    *probability /= total;
                }
            } else {
                dangling.push(u);
            }
            offsets.push(targets.len());
        }
        Self {
            offsets,
            targets,
            probabilities,
            dangling,
        }
    }

    fn iterate(
        &self,
        damping: f64,
        tolerance: f64,
        max_iterations: usize,
    ) -> Result<Vec<f64>, CentralityError> {
        let n = self.offsets.len() - 1;
        if n == 0 {
            return Ok(Vec::new());
        }
        let uniform = 1.0 / n as f64;
        let mut x = vec![uniform; n];
        let mut next = vec![0.0; n];
        for _ in 0..max_iterations {
            let dangling_sum: f64 = self.dangling.iter().map(|&u| x[u]).sum();
            let base = damping * dangling_sum * uniform + (1.0 - damping) * uniform;
            next.fill(base);
            for (u, &rank) in x.iter().enumerate() {
                let row = self.offsets[u]..self.offsets[u + 1];
                for (&v, &p) in self.targets[row.clone()]
                    .iter()
                    .zip(&self.probabilities[row])
                {
                    next[v] += damping * rank * p;
                }
            }
            let change: f64 = x.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
            std::mem::swap(&mut x, &mut next);
            if change < n as f64 * tolerance {
                return Ok(x);
            }
        }
        Err(CentralityError::NoConvergence {
            measure: "pagerank",
            iterations: max_iterations,
            tolerance,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::graph::{Node, NodeKind};

    fn graph(directed: bool, edges: &[(&str, &str, f64)]) -> ViewGraph {
        let mut graph = ViewGraph::new(directed);
        for &(a, b, w) in edges {
            let mut add = |iri: &str| {
                graph.add_node(Node {
                    iri: iri.into(),
                    label: iri.into(),
                    kind: NodeKind::Initiative,
                    years: BTreeSet::new(),
                    region: None,
                })
            };
            let (a, b) = (add(a), add(b));
            graph.add_edge(a, b, "r", w, None);
        }
        graph
    }

    #[test]
    fn weighted_with_dangling_node_matches_networkx() {
        // nx.pagerank(G, tol=1e-12) on DiGraph a->b (w=1), a->c (w=3), c->a (w=1); b dangling.
        let g = graph(true, &[("a", "b", 1.0), ("a", "c", 3.0), ("c", "a", 1.0)]);
        let rank = page_rank(&g, 0.85, 1e-12, 1000).unwrap();
        let expected = [
            0.426_390_089_310_968,
            0.196_197_061_365_699,
            0.377_412_849_323_332,
        ];
        for (got, want) in rank.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{rank:?}");
        }
    }

    #[test]
    fn undirected_edges_count_both_ways() {
        let g = graph(false, &[("a", "b", 1.0), ("b", "c", 1.0)]);
        let rank = page_rank(&g, 0.85, 1e-12, 1000).unwrap();
        assert!(rank[1] > rank[0] && (rank[0] - rank[2]).abs() < 1e-12);
    }

    #[test]
    fn bad_damping_and_no_convergence_are_errors() {
        let g = graph(true, &[("a", "b", 1.0)]);
        assert!(matches!(
            page_rank(&g, 1.5, 1e-6, 10),
            Err(CentralityError::Damping(_))
        ));
        assert!(matches!(
            page_rank(&g, 0.85, 1e-15, 1),
            Err(CentralityError::NoConvergence { .. })
        ));
    }
}
