#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod centrality;
mod error;
pub mod export;
mod graph;
pub mod lineage;
mod projection;
pub mod text_index;
mod view;

pub use centrality::{CentralityOptions, Measure, RankedNode};
pub use error::{CentralityError, ExportError, ProjectionError};
pub use export::{DotClusters, ExportFormat, ExportOptions, Score};
pub use graph::{Edge, Node, NodeKind, ViewGraph};
pub use projection::{load_view, project};
pub use view::{Filter, View};
