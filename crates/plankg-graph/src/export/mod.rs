//! Exports of a view for Gephi, Cytoscape, Graphviz, yEd, networkx and Neo4j: one
//! [`ExportFormat`] enum, one private module per format, one [`write()`] that
//! dispatches (and [`write_csv()`] for the two CSV files).

mod csv;
mod cytoscape;
mod dot;
mod format;
mod gexf;
mod graphml;
mod options;
mod write;
mod xml;

pub use format::ExportFormat;
pub use options::{DotClusters, ExportOptions, Score};
pub use write::{write, write_csv};
