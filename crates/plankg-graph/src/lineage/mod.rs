//! Lineage: how tasks recur across plans (continues, echoes), how initiatives
//! named differently are the same programme, and how local policies adapt higher
//! ones (localizes).

mod cascade;
mod cascade_tree;
mod continuity;
mod error;
mod families;
mod initiatives;
mod minhash;
mod rebuild;
mod source;
mod timeline;
mod trace;

pub use cascade::{Localiser, Localization, PolicyName, Rank};
pub use cascade_tree::{cascade, CascadeNode, CascadeReport, CitingDocument};
pub use continuity::{link_tasks, Continuation, ContinuityOptions, Relation, TaskText};
pub use error::LineageError;
pub use families::LineageGraph;
pub use rebuild::{rebuild, LineageSummary, LineageTimings};
pub use timeline::timeline_svg;
pub use trace::{trace, Occurrence, TraceQuery, TraceReport, Variant};
