//! Nodes ranked by a score: the rows of `plankg rank`.

use std::cmp::Ordering;

use petgraph::graph::NodeIndex;
use serde::Serialize;

use crate::graph::{NodeKind, ViewGraph};

/// One row of a ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedNode {
    /// The node's label.
    pub label: String,
    /// What it stands for.
    #[serde(rename = "type")]
    pub kind: NodeKind,
    /// Its score.
    pub score: f64,
    /// Its rank: 1 + the number of nodes of its kind filter with a higher score
    /// (ties share a rank).
    pub rank: usize,
    /// Its IRI, the node's id in every export.
    pub iri: String,
}

/// Ranks the nodes of `kind` (all when `None`) by `scores` (indexed by
/// `NodeIndex::index()`), highest first, ties by label then IRI; keeps the first
/// `top` rows when given.
///
/// # Complexity
/// O(n log n) time, O(n) space.
///
/// # Example
/// ```
/// use std::collections::BTreeSet;
/// use plankg_graph::{centrality, Node, NodeKind, ViewGraph};
///
/// let mut graph = ViewGraph::new(true);
/// for iri in ["a", "b", "c"] {
///     let kind = NodeKind::Policy;
///     graph.add_node(Node { iri: iri.into(), label: iri.into(), kind, years: BTreeSet::new(), region: None });
/// }
/// let rows = centrality::rank(&graph, &[0.2, 0.5, 0.5], None, Some(2));
/// assert_eq!(rows.iter().map(|r| (r.iri.as_str(), r.rank)).collect::<Vec<_>>(), [("b", 1), ("c", 1)]);
/// ```
#[must_use]
pub fn rank(
    graph: &ViewGraph,
    scores: &[f64],
    kind: Option<NodeKind>,
    top: Option<usize>,
) -> Vec<RankedNode> {
    let mut rows: Vec<RankedNode> = graph
        .graph()
        .node_indices()
        .filter_map(|index: NodeIndex| {
            let node = graph.node(index);
            let score = scores.get(index.index()).copied()?;
            kind.is_none_or(|kind| node.kind == kind)
                .then(|| RankedNode {
                    label: node.label.clone(),
                    kind: node.kind,
                    score,
                    rank: 0,
                    iri: node.iri.clone(),
                })
        })
        .collect();
    rows.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.iri.cmp(&b.iri))
    });
    let mut previous: Option<(f64, usize)> = None;
    for (position, row) in rows.iter_mut().enumerate() {
        row.rank = match previous {
            Some((score, rank)) if score.total_cmp(&row.score) == Ordering::Equal => rank,
            _ => position + 1,
        };
        previous = Some((row.score, row.rank));
    }
    if let Some(top) = top {
        rows.truncate(top);
    }
    rows
}
