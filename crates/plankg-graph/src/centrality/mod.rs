//! Centrality measures over a view, one algorithm per file, and the ranking of
//! nodes by a measure.

mod betweenness;
mod closeness;
mod degree;
mod eigenvector;
mod measure;
mod pagerank;
mod ranking;

pub use betweenness::{betweenness, EXACT_BETWEENNESS_LIMIT};
pub use closeness::closeness;
pub use degree::degree;
pub use eigenvector::eigenvector;
pub use measure::{scores, CentralityOptions, Measure};
pub use pagerank::page_rank;
pub use ranking::{rank, RankedNode};
