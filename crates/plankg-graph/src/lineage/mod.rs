//! Lineage: how tasks recur across plans (continues, echoes) and how local
//! policies adapt higher ones (localizes).

mod cascade;
mod continuity;
mod error;
mod minhash;

pub use cascade::{Localiser, Localization, PolicyName, Rank};
pub use continuity::{link_tasks, Continuation, ContinuityOptions, Relation, TaskText};
pub use error::LineageError;
