//! The ontology and shapes, embedded so the binary needs nothing from the
//! working directory.

/// `ontology/plankg.ttl`: the OWL vocabulary (every `pk:` term, labels in Chinese
/// and English, domains, ranges and alignments to W3C vocabularies), as Turtle.
pub const ONTOLOGY_TTL: &str = include_str!("../../../ontology/plankg.ttl");

/// `ontology/shapes.ttl`: SHACL shapes for plan documents, tasks, policies and
/// targets, as Turtle.
pub const SHAPES_TTL: &str = include_str!("../../../ontology/shapes.ttl");
