//! The terms ontology/plankg.ttl declares, for the drift tests.

use std::collections::BTreeSet;

use oxrdf::{NamedOrBlankNode, Triple};
use oxttl::TurtleParser;
use plankg_rdf::vocab::rdf;
use plankg_rdf::ONTOLOGY_TTL;

/// The triples of a Turtle text.
pub fn parse(ttl: &str) -> Vec<Triple> {
    TurtleParser::new()
        .for_slice(ttl.as_bytes())
        .collect::<Result<_, _>>()
        .expect("valid Turtle")
}

/// Subjects of the ontology with an `rdf:type`, as IRI strings.
pub fn declared() -> BTreeSet<String> {
    parse(ONTOLOGY_TTL)
        .into_iter()
        .filter(|t| t.predicate == rdf::TYPE)
        .filter_map(|t| match t.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.into_string()),
            NamedOrBlankNode::BlankNode(_) => None,
        })
        .collect()
}
