//! Betweenness: how many shortest paths pass through a node (unweighted, normalised
//! as networkx normalises it).
//!
//! Exact on views of up to [`EXACT_BETWEENNESS_LIMIT`] nodes, with rustworkx-core's
//! Brandes algorithm. Above that, Brandes' accumulation runs from k pivots drawn
//! with a seeded generator, and is rescaled as `networkx.betweenness_centrality(G,
//! k=k)` rescales it; rustworkx-core has no sampled variant.

use petgraph::visit::{IntoNeighbors, NodeIndexable};
use rand::SeedableRng as _;
use rand_pcg::Pcg64;
use rustworkx_core::centrality::betweenness_centrality;

use crate::graph::{Topology, ViewGraph};

/// Views with more nodes than this get sampled betweenness (k pivots).
pub const EXACT_BETWEENNESS_LIMIT: usize = 5_000;

/// Below this many nodes rustworkx-core's betweenness runs on one thread.
const PARALLEL_THRESHOLD: usize = 50;

/// Normalised betweenness of every node, indexed by `NodeIndex::index()`; paths
/// follow edge directions in directed views. With `pivots: Some(k)` and `k` below
/// the node count, only shortest paths from `k` nodes drawn with `seed` count.
///
/// # Complexity
/// O(n × e) time exactly, O(k × e) sampled; O(n + e) space.
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
/// let (a, b, c) = (node("a"), node("b"), node("c"));
/// graph.add_edge(a, b, "continues", 1.0, None);
/// graph.add_edge(b, c, "continues", 1.0, None);
/// // networkx: {'a': 0.0, 'b': 0.5, 'c': 0.0}
/// assert_eq!(centrality::betweenness(&graph, None, 0), vec![0.0, 0.5, 0.0]);
/// ```
#[must_use]
pub fn betweenness(graph: &ViewGraph, pivots: Option<usize>, seed: u64) -> Vec<f64> {
    let n = graph.node_count();
    match (graph.topology(), pivots.filter(|&k| k < n)) {
        (Topology::Directed(g), None) => {
            exact(betweenness_centrality(&g, false, true, PARALLEL_THRESHOLD))
        }
        (Topology::Undirected(g), None) => {
            exact(betweenness_centrality(&g, false, true, PARALLEL_THRESHOLD))
        }
        (Topology::Directed(g), Some(k)) => sampled(&g, &draw(n, k, seed)),
        (Topology::Undirected(g), Some(k)) => sampled(&g, &draw(n, k, seed)),
    }
}

fn exact(scores: Vec<Option<f64>>) -> Vec<f64> {
    scores.into_iter().map(Option::unwrap_or_default).collect()
}

/// `k` distinct node indices out of `n`, the same for the same seed.
fn draw(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut rng = Pcg64::seed_from_u64(seed);
    rand::seq::index::sample(&mut rng, n, k).into_vec()
}

/// Brandes' accumulation from the pivots, rescaled like networkx with `k` samples
/// and endpoints excluded.
fn sampled<G>(graph: G, pivots: &[usize]) -> Vec<f64>
where
    G: IntoNeighbors + NodeIndexable,
{
    let n = graph.node_bound();
    let mut scores = vec![0.0; n];
    let mut order = Vec::with_capacity(n);
    let mut queue = std::collections::VecDeque::with_capacity(n);
    let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut paths = vec![0.0_f64; n];
    let mut distance = vec![usize::MAX; n];
    let mut dependency = vec![0.0_f64; n];
    for &source in pivots {
        order.clear();
        predecessors.iter_mut().for_each(Vec::clear);
        paths.fill(0.0);
        distance.fill(usize::MAX);
        dependency.fill(0.0);
        paths[source] = 1.0;
        distance[source] = 0;
        queue.push_back(source);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for neighbour in graph.neighbors(graph.from_index(v)) {
                let w = graph.to_index(neighbour);
                if distance[w] == usize::MAX {
                    distance[w] = distance[v] + 1;
                    queue.push_back(w);
                }
                if distance[w] == distance[v] + 1 {
                    paths[w] += paths[v];
                    predecessors[w].push(v);
                }
            }
        }
        for &w in order.iter().rev() {
            for &v in &predecessors[w] {
                dependency[v] += paths[v] / paths[w] * (1.0 + dependency[w]);
            }
            if w != source {
                scores[w] += dependency[w];
            }
        }
    }
    rescale_sampled(&mut scores, pivots);
    scores
}

/// networkx's `_rescale` for `normalized=True, endpoints=False` with sampled nodes:
/// pivots are scaled by `1/((k-1)(n-2))`, the others by `1/(k(n-2))`.
fn rescale_sampled(scores: &mut [f64], pivots: &[usize]) {
    let n = scores.len() as f64;
    let k = pivots.len() as f64;
    if n < 3.0 {
        return;
    }
    let source_scale = if k > 1.0 {
        1.0 / ((k - 1.0) * (n - 2.0))
    } else {
        f64::NAN
    };
    let other_scale = 1.0 / (k * (n - 2.0));
    let mut is_pivot = vec![false; scores.len()];
    for &pivot in pivots {
        is_pivot[pivot] = true;
    }
    for (score, pivot) in scores.iter_mut().zip(is_pivot) {
        *score *= if pivot { source_scale } else { other_scale };
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::graph::{Node, NodeKind};

    fn star(directed: bool, leaves: usize) -> ViewGraph {
        let mut graph = ViewGraph::new(directed);
        let mut add = |iri: String| {
            graph.add_node(Node {
                iri,
                label: String::new(),
                kind: NodeKind::Unit,
                years: BTreeSet::new(),
                region: None,
            })
        };
        let hub = add("hub".into());
        let leaves: Vec<_> = (0..leaves).map(|i| add(format!("leaf{i}"))).collect();
        for leaf in leaves {
            graph.add_edge(hub, leaf, "r", 1.0, None);
        }
        graph
    }

    #[test]
    fn sampling_all_nodes_equals_exact() {
        let graph = star(false, 6);
        let exact = betweenness(&graph, None, 0);
        let all: Vec<usize> = (0..graph.node_count()).collect();
        let Topology::Undirected(g) = graph.topology() else {
            unreachable!()
        };
        // With every node a pivot, sources scale by 1/((n-1)(n-2)) as exact does.
        let sampled = sampled(&g, &all);
        for (a, b) in exact.iter().zip(&sampled) {
            assert!((a - b).abs() < 1e-12, "{exact:?} {sampled:?}");
        }
        assert!((exact[0] - 1.0).abs() < 1e-12);
    }

    #[test]
    fn sampled_hub_stays_on_top() {
        let graph = star(false, 50);
        let scores = betweenness(&graph, Some(10), 7);
        let top = scores
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| i);
        assert_eq!(top, Some(0));
    }
}
