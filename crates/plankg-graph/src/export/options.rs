//! What an export writes besides the graph: score columns, DOT clusters, a name.

use crate::error::ExportError;
use crate::graph::ViewGraph;

/// A node attribute of scores (a centrality measure), one value per node.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Attribute name (`pagerank`, `betweenness`, …).
    pub name: String,
    /// Values indexed by `NodeIndex::index()`.
    pub values: Vec<f64>,
}

/// How DOT groups nodes into clusters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum DotClusters {
    /// No clusters.
    #[default]
    None,
    /// One cluster per node type.
    Type,
    /// One cluster per first year (nodes without a year stay outside).
    Year,
}

/// Options of every export.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportOptions {
    /// The graph's name (the view's name, say).
    pub name: String,
    /// Score attributes added to the nodes.
    pub scores: Vec<Score>,
    /// DOT clusters.
    pub clusters: DotClusters,
}

impl ExportOptions {
    /// Checks that every score has one value per node.
    pub(crate) fn check(&self, graph: &ViewGraph) -> Result<(), ExportError> {
        let nodes = graph.node_count();
        match self.scores.iter().find(|score| score.values.len() != nodes) {
            Some(score) => Err(ExportError::ScoreLength {
                name: score.name.clone(),
                values: score.values.len(),
                nodes,
            }),
            None => Ok(()),
        }
    }
}
