//! The measures `plankg rank` offers, their options, and the one call that computes
//! any of them.

use std::fmt;

use petgraph::Direction;

use super::{betweenness, closeness, degree, eigenvector, page_rank, EXACT_BETWEENNESS_LIMIT};
use crate::error::CentralityError;
use crate::graph::ViewGraph;

/// A centrality measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Measure {
    /// Edges in and out.
    Degree,
    /// Edges in.
    InDegree,
    /// Edges out.
    OutDegree,
    /// Edge weight in and out (statements).
    WeightedDegree,
    /// Weighted PageRank.
    PageRank,
    /// Normalised betweenness (sampled on large views).
    Betweenness,
    /// Closeness over incoming paths.
    Closeness,
    /// Weighted eigenvector centrality.
    Eigenvector,
}

impl Measure {
    /// Every measure.
    pub const ALL: [Self; 8] = [
        Self::Degree,
        Self::InDegree,
        Self::OutDegree,
        Self::WeightedDegree,
        Self::PageRank,
        Self::Betweenness,
        Self::Closeness,
        Self::Eigenvector,
    ];

    /// The measure's name on the command line and in exported attributes.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Degree => "degree",
            Self::InDegree => "in-degree",
            Self::OutDegree => "out-degree",
            Self::WeightedDegree => "weighted-degree",
            Self::PageRank => "pagerank",
            Self::Betweenness => "betweenness",
            Self::Closeness => "closeness",
            Self::Eigenvector => "eigenvector",
        }
    }

    /// The measure with this name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|measure| measure.name() == name)
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Options of the iterative and sampled measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CentralityOptions {
    /// PageRank's damping factor (networkx's `alpha`).
    pub damping: f64,
    /// Tolerance of PageRank and eigenvector centrality (per node, as networkx).
    pub tolerance: f64,
    /// Iterations before PageRank or eigenvector centrality give up.
    pub max_iterations: usize,
    /// Pivots of sampled betweenness on views above [`EXACT_BETWEENNESS_LIMIT`] nodes.
    pub pivots: usize,
    /// Seed of the pivot draw.
    pub seed: u64,
}

impl Default for CentralityOptions {
    /// Damping 0.85, tolerance 1e-10, 1,000 iterations, 500 pivots, seed 0.
    fn default() -> Self {
        Self {
            damping: 0.85,
            tolerance: 1e-10,
            max_iterations: 1_000,
            pivots: 500,
            seed: 0,
        }
    }
}

/// The scores of one measure for every node, indexed by `NodeIndex::index()`.
///
/// # Errors
/// [`CentralityError`] from PageRank and eigenvector centrality (bad damping, no
/// convergence).
///
/// # Complexity
/// That of the measure: see [`degree`], [`page_rank`], [`betweenness`],
/// [`closeness`] and [`eigenvector`].
///
/// # Example
/// ```
/// use plankg_graph::{centrality, CentralityOptions, Measure, ViewGraph};
///
/// let graph = ViewGraph::new(true);
/// let scores = centrality::scores(&graph, Measure::PageRank, &CentralityOptions::default())?;
/// assert!(scores.is_empty());
/// # Ok::<_, plankg_graph::CentralityError>(())
/// ```
pub fn scores(
    graph: &ViewGraph,
    measure: Measure,
    options: &CentralityOptions,
) -> Result<Vec<f64>, CentralityError> {
    Ok(match measure {
        Measure::Degree => degree(graph, None, false),
        Measure::InDegree => degree(graph, Some(Direction::Incoming), false),
        Measure::OutDegree => degree(graph, Some(Direction::Outgoing), false),
        Measure::WeightedDegree => degree(graph, None, true),
        Measure::PageRank => page_rank(
            graph,
            options.damping,
            options.tolerance,
            options.max_iterations,
        )?,
        Measure::Betweenness => {
            let pivots = (graph.node_count() > EXACT_BETWEENNESS_LIMIT).then_some(options.pivots);
            betweenness(graph, pivots, options.seed)
        }
        Measure::Closeness => closeness(graph),
        Measure::Eigenvector => eigenvector(graph, options.tolerance, options.max_iterations)?,
    })
}
