//! SPARQL over the store, with the union of all graphs as the default graph.

use oxigraph::sparql::{QueryResults, SparqlEvaluator};

use crate::error::StoreError;
use crate::store::PlanStore;

impl PlanStore {
    /// Runs a SPARQL query. Unless the query names its own dataset (`FROM`,
    /// `FROM NAMED`), the default graph is the union of all graphs, so queries need
    /// no `GRAPH` clause to see documents and shared entities together. This is the
    /// one place where that choice is made.
    ///
    /// # Errors
    /// [`StoreError::Syntax`] (its message carries line and column) when the query
    /// does not parse; [`StoreError::Evaluation`] when it fails while running.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        let mut prepared = SparqlEvaluator::new().parse_query(sparql)?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        Ok(prepared.on_store(&self.store).execute()?)
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::model::{NamedNode, Quad};

    use super::*;
    use crate::DocumentQuads;

    fn store_with_one_document() -> PlanStore {
        let store = PlanStore::in_memory().unwrap();
        let g = NamedNode::new("http://e.org/doc").unwrap();
        let p = NamedNode::new("http://e.org/p").unwrap();
        let quad = Quad::new(g.clone(), p.clone(), p, g.clone());
        store
            .load_document(&DocumentQuads::new(g, vec![quad]))
            .unwrap();
        store
    }

    #[test]
    fn the_default_graph_is_the_union() {
        let store = store_with_one_document();
        let QueryResults::Boolean(found) = store.query("ASK { ?s <http://e.org/p> ?o }").unwrap()
        else {
            panic!("not a boolean");
        };
        assert!(found);
    }

    #[test]
    fn an_explicit_dataset_is_respected() {
        let store = store_with_one_document();
        let QueryResults::Boolean(found) = store
            .query("ASK FROM <http://e.org/other> { ?s <http://e.org/p> ?o }")
            .unwrap()
        else {
            panic!("not a boolean");
        };
        assert!(!found);
    }

    #[test]
    fn a_syntax_error_names_the_position() {
        let store = store_with_one_document();
        let Err(err) = store.query("SELECT ?s WHERE {\n ?s ?p }") else {
            panic!("parsed a bad query");
        };
        assert!(matches!(err, StoreError::Syntax(_)));
        let cause = std::error::Error::source(&err).map(ToString::to_string);
        assert!(cause.is_some_and(|c| c.contains("2:")), "{err:?}");
    }
}
