//! Graph factories shared by the benches.

pub mod factories;
