#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]
#![doc(test(attr(deny(warnings))))]

mod document;
mod entity;
mod error;
mod iri;
mod literal;
mod ontology;
mod part;
pub mod vocab;

pub use document::{content_hash_quad, document_quads};
pub use entity::EntityGraph;
pub use error::RdfError;
pub use iri::{normalise_name, IriMinter, IssuerKey, DEFAULT_BASE};
pub use ontology::{ONTOLOGY_TTL, SHAPES_TTL};
pub use part::{part_kind_iri, part_kind_of_iri};
