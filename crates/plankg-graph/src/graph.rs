//! The graph a view projects: petgraph nodes and edges with their attributes, and the
//! one index from IRI to `NodeIndex` that every analysis and export shares.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex, UnGraph};
use petgraph::Direction;
use serde::Serialize;

/// What a node stands for; the `type` attribute of every export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum NodeKind {
    /// A `pk:PlanDocument`.
    Document,
    /// A `pk:Task`.
    Task,
    /// A `pk:Policy` (any of its kinds).
    Policy,
    /// A `pk:Initiative`.
    Initiative,
    /// A `pk:Unit`.
    Unit,
    /// A `pk:School`.
    School,
    /// A `pk:Organization`.
    Organization,
    /// A target's indicator (`pk:indicatorKey`), shared by all targets with that key.
    Indicator,
}

impl NodeKind {
    /// Every kind, in the order of the enum.
    pub const ALL: [Self; 8] = [
        Self::Document,
        Self::Task,
        Self::Policy,
        Self::Initiative,
        Self::Unit,
        Self::School,
        Self::Organization,
        Self::Indicator,
    ];

    /// The lowercase name used in the `type` attribute and in the queries.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Task => "task",
            Self::Policy => "policy",
            Self::Initiative => "initiative",
            Self::Unit => "unit",
            Self::School => "school",
            Self::Organization => "organization",
            Self::Indicator => "indicator",
        }
    }

    /// The capitalised name, used as a Neo4j label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Document => "Document",
            Self::Task => "Task",
            Self::Policy => "Policy",
            Self::Initiative => "Initiative",
            Self::Unit => "Unit",
            Self::School => "School",
            Self::Organization => "Organization",
            Self::Indicator => "Indicator",
        }
    }

    /// The kind with this lowercase name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A node of a view.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The node's IRI: its id in every export.
    pub iri: String,
    /// Its label (title, preferred label, or the start of a task's text).
    pub label: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// The years of the documents it appears in.
    pub years: BTreeSet<i32>,
    /// The region of its document, for documents and tasks.
    pub region: Option<String>,
}

impl Node {
    /// The first year the node appears in, if any.
    #[must_use]
    pub fn year(&self) -> Option<i32> {
        self.years.first().copied()
    }
}

/// An edge of a view: parallel statements between the same two nodes are one edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// The relations it stands for (property local names such as `citesPolicy`).
    pub interactions: BTreeSet<String>,
    /// How many statements (tasks, sections, documents) assert it.
    pub weight: f64,
    /// The years of the documents that assert it.
    pub years: BTreeSet<i32>,
}

impl Edge {
    /// The relations joined with `,`: the `interaction` attribute of the exports.
    #[must_use]
    pub fn interaction(&self) -> String {
        self.interactions
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A projected view: a directed petgraph graph (an undirected view keeps each edge
/// once, in a canonical direction, and says so with [`ViewGraph::is_directed`]) and
/// the index from IRI to node.
#[derive(Debug, Clone, Default)]
pub struct ViewGraph {
    graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    edges: HashMap<(NodeIndex, NodeIndex), EdgeIndex>,
    directed: bool,
}

impl ViewGraph {
    /// An empty graph, directed or not.
    #[must_use]
    pub fn new(directed: bool) -> Self {
        Self {
            directed,
            ..Self::default()
        }
    }

    /// Whether edges have a direction (every view but `initiative`).
    #[must_use]
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// The petgraph graph.
    #[must_use]
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges (parallel statements merged).
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node with this IRI.
    #[must_use]
    pub fn node_index(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    /// The node at `index`.
    ///
    /// # Panics
    /// If `index` is not a node of this graph.
    #[must_use]
    #[track_caller]
    pub fn node(&self, index: NodeIndex) -> &Node {
        &self.graph[index]
    }

    /// Adds the node, or returns the existing one with the same IRI (keeping its
    /// first label and kind, adding the years and the region if it had none).
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&index) = self.index.get(&node.iri) {
            let existing = &mut self.graph[index];
            existing.years.extend(node.years);
            if existing.region.is_none() {
                existing.region = node.region;
            }
            if existing.label.is_empty() {
                existing.label = node.label;
            }
            return index;
        }
        let iri = node.iri.clone();
        let index = self.graph.add_node(node);
        self.index.insert(iri, index);
        index
    }

    /// Adds `weight` to the edge between the two nodes (creating it), with the
    /// relation and the year. Self-loops are ignored; in an undirected graph
    /// `a–b` and `b–a` are the same edge.
    pub fn add_edge(
        &mut self,
        source: NodeIndex,
        target: NodeIndex,
        interaction: &str,
        weight: f64,
        year: Option<i32>,
    ) -> Option<EdgeIndex> {
        if source == target {
            return None;
        }
        let key = if self.directed || source < target {
            (source, target)
        } else {
            (target, source)
        };
        let index = *self.edges.entry(key).or_insert_with(|| {
            self.graph.add_edge(
                key.0,
                key.1,
                Edge {
                    interactions: BTreeSet::new(),
                    weight: 0.0,
                    years: BTreeSet::new(),
                },
            )
        });
        let edge = &mut self.graph[index];
        edge.weight += weight;
        if !edge.interactions.contains(interaction) {
            edge.interactions.insert(interaction.to_owned());
        }
        edge.years.extend(year);
        Some(index)
    }

    /// Gives every node without a label the last segment of its IRI.
    pub(crate) fn fill_missing_labels(&mut self) {
        for node in self.graph.node_weights_mut() {
            if node.label.is_empty() {
                node.label = node
                    .iri
                    .rsplit(['/', '#', ':'])
                    .find(|segment| !segment.is_empty())
                    .unwrap_or(&node.iri)
                    .to_owned();
            }
        }
    }

    /// Weighted degree of a node: the sum of the weights of its edges in `direction`
    /// (both directions when `None`, or when the graph is undirected).
    #[must_use]
    pub fn weighted_degree(&self, node: NodeIndex, direction: Option<Direction>) -> f64 {
        match (self.directed, direction) {
            (true, Some(direction)) => self
                .graph
                .edges_directed(node, direction)
                .map(|e| e.weight().weight)
                .sum(),
            _ => {
                self.graph
                    .edges_directed(node, Direction::Outgoing)
                    .map(|e| e.weight().weight)
                    .sum::<f64>()
                    + self
                        .graph
                        .edges_directed(node, Direction::Incoming)
                        .map(|e| e.weight().weight)
                        .sum::<f64>()
            }
        }
    }

    /// The bare topology with edge weights, directed or undirected as the view is,
    /// for the algorithms of rustworkx-core and petgraph.
    pub(crate) fn topology(&self) -> Topology {
        let bare = self.graph.map(|_, _| (), |_, edge| edge.weight);
        if self.directed {
            Topology::Directed(bare)
        } else {
            Topology::Undirected(bare.into_edge_type())
        }
    }
}

/// A view's topology with the edge type the view has.
pub(crate) enum Topology {
    /// Directed views.
    Directed(DiGraph<(), f64>),
    /// The `initiative` view.
    Undirected(UnGraph<(), f64>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(iri: &str, kind: NodeKind, year: i32) -> Node {
        Node {
            iri: iri.into(),
            label: iri.into(),
            kind,
            years: BTreeSet::from([year]),
            region: None,
        }
    }

    #[test]
    fn parallel_statements_are_one_edge_with_summed_weight() {
        let mut g = ViewGraph::new(true);
        let a = g.add_node(node("a", NodeKind::Task, 2020));
        let b = g.add_node(node("b", NodeKind::Unit, 2021));
        let a2 = g.add_node(node("a", NodeKind::Task, 2021));
        assert_eq!(a, a2);
        assert_eq!(g.node(a).years.len(), 2);
        g.add_edge(a, b, "leadUnit", 1.0, Some(2020));
        g.add_edge(a, b, "cooperatingUnit", 1.0, Some(2021));
        assert_eq!(g.edge_count(), 1);
        let edge = &g.graph()[g.graph().edge_indices().next().unwrap()];
        assert_eq!(edge.weight, 2.0);
        assert_eq!(edge.interaction(), "cooperatingUnit,leadUnit");
        assert_eq!(g.weighted_degree(b, Some(Direction::Incoming)), 2.0);
    }

    #[test]
    fn undirected_edges_merge_both_ways() {
        let mut g = ViewGraph::new(false);
        let a = g.add_node(node("a", NodeKind::Initiative, 2020));
        let b = g.add_node(node("b", NodeKind::Initiative, 2020));
        g.add_edge(a, b, "coOccurs", 1.0, None);
        g.add_edge(b, a, "coOccurs", 1.0, None);
        assert!(g.add_edge(a, a, "coOccurs", 1.0, None).is_none());
        assert_eq!(g.edge_count(), 1);
    }
}
