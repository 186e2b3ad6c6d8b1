//! Writing the store, or one graph of it, in an RDF syntax.

use std::collections::HashSet;
use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, Triple};

use crate::error::StoreError;
use crate::store::PlanStore;

impl PlanStore {
    /// Writes the store to `writer` in `format` and returns the writer.
    ///
    /// - A dataset format (N-Quads, TriG) writes every graph with its name, or only
    ///   `graph` when given.
    /// - A triple format (Turtle, N-Triples…) writes `graph` when given, otherwise
    ///   the union of all graphs, each triple once.
    ///
    /// `prefixes` (name, namespace IRI) abbreviate IRIs in formats that can.
    ///
    /// # Errors
    /// [`StoreError::Serialize`] when writing fails, [`StoreError::Storage`] when
    /// the store cannot be read.
    pub fn dump<W: Write>(
        &self,
        writer: W,
        format: RdfFormat,
        graph: Option<&NamedNode>,
        prefixes: &[(&str, &str)],
    ) -> Result<W, StoreError> {
        let io_error = |source| StoreError::Serialize { format, source };
        let mut serializer = RdfSerializer::from_format(format);
        for (name, iri) in prefixes {
            // A bad prefix IRI is a programming error in the caller's constants;
            // the output stays valid without the abbreviation.
            serializer = serializer
                .clone()
                .with_prefix(*name, *iri)
                .unwrap_or(serializer);
        }
        let mut out = serializer.for_writer(writer);
        let graph_name = graph.map(|g| GraphNameRef::NamedNode(g.as_ref()));
        let quads = self.store.quads_for_pattern(None, None, None, graph_name);
        if format.supports_datasets() {
            for quad in quads {
                out.serialize_quad(&quad?).map_err(io_error)?;
            }
        } else if graph.is_some() {
            for quad in quads {
                out.serialize_triple(quad?.as_ref()).map_err(io_error)?;
            }
        } else {
            let mut seen: HashSet<Triple> = HashSet::new();
            for quad in quads {
                let triple = Triple::from(quad?);
                if !seen.contains(&triple) {
                    out.serialize_triple(&triple).map_err(io_error)?;
                    seen.insert(triple);
                }
            }
        }
        out.finish().map_err(io_error)
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::model::Quad;

    use super::*;
    use crate::DocumentQuads;

    #[test]
    fn dumps_quads_a_graph_or_the_union() {
        let store = PlanStore::in_memory().unwrap();
        let n = |s: &str| NamedNode::new(format!("http://e.org/{s}")).unwrap();
        for doc in ["a", "b"] {
            let quad = Quad::new(n("x"), n("p"), n("y"), n(doc));
            store
                .load_document(&DocumentQuads::new(n(doc), vec![quad]))
                .unwrap();
        }
        let lines = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap().lines().count();
        let all = store
            .dump(Vec::new(), RdfFormat::NQuads, None, &[])
            .unwrap();
        assert_eq!(lines(all), 4);
        let one = store
            .dump(Vec::new(), RdfFormat::NTriples, Some(&n("a")), &[])
            .unwrap();
        assert_eq!(lines(one), 2);
        // The shared triple <x> <p> <y> appears once in the union, the two hashes stay.
        let union = store
            .dump(Vec::new(), RdfFormat::NTriples, None, &[])
            .unwrap();
        assert_eq!(lines(union), 3);
        let turtle = store
            .dump(
                Vec::new(),
                RdfFormat::Turtle,
                None,
                &[("ex", "http://e.org/")],
            )
            .unwrap();
        assert!(String::from_utf8(turtle).unwrap().contains("ex:x"));
    }
}
