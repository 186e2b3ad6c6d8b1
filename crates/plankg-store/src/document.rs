//! One document's graph as it is handed to the store, with its content hash.

use std::fmt::Write as _;

use oxigraph::model::{GraphName, NamedNode, Quad};
use plankg_rdf::vocab::pk::CONTENT_HASH;
use sha2::{Digest, Sha256};

/// The quads of one document's named graph and the hash that identifies them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentQuads {
    graph: NamedNode,
    quads: Vec<Quad>,
    content_hash: String,
}

impl DocumentQuads {
    /// The graph `graph` with `quads`, hashed by their content: the SHA-256 of
    /// their sorted N-Quads, so a document is unchanged exactly when its graph is.
    ///
    /// Every quad should be in `graph`; quads naming another graph are moved into
    /// it, so replacing the graph replaces them too.
    #[must_use]
    pub fn new(graph: NamedNode, quads: Vec<Quad>) -> Self {
        let quads = into_graph(&graph, quads);
        let content_hash = content_hash(&quads);
        Self {
            graph,
            quads,
            content_hash,
        }
    }

    /// The graph `graph` with `quads` and a hash computed by the caller (from the
    /// source file, for example).
    #[must_use]
    pub fn with_content_hash(graph: NamedNode, quads: Vec<Quad>, content_hash: String) -> Self {
        Self {
            quads: into_graph(&graph, quads),
            graph,
            content_hash,
        }
    }

    /// The document's graph (the document IRI).
    #[must_use]
    pub fn graph(&self) -> &NamedNode {
        &self.graph
    }

    /// The quads, all in [`graph`](Self::graph).
    #[must_use]
    pub fn quads(&self) -> &[Quad] {
        &self.quads
    }

    /// The content hash.
    #[must_use]
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    /// The quad that records the hash: `<doc> pk:contentHash "…" <doc>`.
    pub(crate) fn hash_quad(&self) -> Quad {
        plankg_rdf::content_hash_quad(&self.graph, &self.content_hash)
    }
}

/// Puts every quad in `graph` and drops any `pk:contentHash` of the document
/// itself, which the store writes last.
fn into_graph(graph: &NamedNode, quads: Vec<Quad>) -> Vec<Quad> {
    let name = GraphName::NamedNode(graph.clone());
    quads
        .into_iter()
        .filter(|q| {
            !(q.predicate.as_ref() == CONTENT_HASH && q.subject.as_ref() == graph.as_ref().into())
        })
        .map(|mut q| {
            if q.graph_name != name {
                q.graph_name = name.clone();
            }
            q
        })
        .collect()
}

/// SHA-256 (hex) of the sorted, deduplicated N-Quads lines of `quads`.
fn content_hash(quads: &[Quad]) -> String {
    let mut lines: Vec<String> = quads.iter().map(ToString::to_string).collect();
    lines.sort_unstable();
    lines.dedup();
    let mut hasher = Sha256::new();
    for line in &lines {
        hasher.update(line.as_bytes());
        hasher.update(b"\n");
    }
    hasher
        .finalize()
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(iri: &str) -> NamedNode {
        NamedNode::new(iri).unwrap()
    }

    #[test]
    fn the_hash_ignores_quad_order_and_follows_content() {
        let g = node("http://e.org/doc");
        let a = Quad::new(
            node("http://e.org/a"),
            node("http://e.org/p"),
            node("http://e.org/b"),
            g.clone(),
        );
        let b = Quad::new(
            node("http://e.org/b"),
            node("http://e.org/p"),
            node("http://e.org/c"),
            g.clone(),
        );
        let one = DocumentQuads::new(g.clone(), vec![a.clone(), b.clone()]);
        let two = DocumentQuads::new(g.clone(), vec![b.clone(), a.clone()]);
        let three = DocumentQuads::new(g.clone(), vec![a]);
        assert_eq!(one.content_hash(), two.content_hash());
        assert_ne!(one.content_hash(), three.content_hash());
        assert_eq!(one.content_hash().len(), 64);
    }

    #[test]
    fn quads_are_moved_into_the_document_graph() {
        let g = node("http://e.org/doc");
        let q = Quad::new(
            node("http://e.org/a"),
            node("http://e.org/p"),
            node("http://e.org/b"),
            GraphName::DefaultGraph,
        );
        let doc = DocumentQuads::new(g.clone(), vec![q]);
        assert_eq!(doc.quads()[0].graph_name, GraphName::NamedNode(g));
    }
}
