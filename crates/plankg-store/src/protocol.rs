//! What a SPARQL 1.1 Protocol and Graph Store Protocol server needs from the store:
//! queries over the dataset a request names, stoppable mid-evaluation; updates; and
//! whole-graph reads and writes.

use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad, Triple};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};

use crate::error::StoreError;
use crate::store::PlanStore;

/// The graph a Graph Store Protocol request addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphTarget {
    /// `?default`: the default graph (for reads, the union of all graphs).
    Default,
    /// `?graph=IRI`.
    Named(NamedNode),
}

impl PlanStore {
    /// Runs a SPARQL query over the dataset of a protocol request: the union of all
    /// graphs as default graph unless the query (`FROM`) or the request
    /// (`default-graph-uri`, `named-graph-uri`) names one. Cancelling `token` stops
    /// the evaluation itself, wherever it is (also while results are iterated).
    ///
    /// # Errors
    /// [`StoreError::Syntax`] with the position when the query does not parse;
    /// [`StoreError::Evaluation`] when it fails or is cancelled.
    pub fn query_with_dataset(
        &self,
        sparql: &str,
        default_graphs: &[NamedNode],
        named_graphs: &[NamedNode],
        token: CancellationToken,
    ) -> Result<QueryResults<'static>, StoreError> {
        let mut prepared = SparqlEvaluator::new()
            .with_cancellation_token(token)
            .parse_query(sparql)?;
        if !default_graphs.is_empty() || !named_graphs.is_empty() {
            let dataset = prepared.dataset_mut();
            dataset.set_default_graph(default_graphs.iter().cloned().map(Into::into).collect());
            dataset
                .set_available_named_graphs(named_graphs.iter().cloned().map(Into::into).collect());
        } else if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        Ok(prepared.on_store(&self.store).execute()?)
    }

    /// Runs a SPARQL update.
    ///
    /// # Errors
    /// [`StoreError::ReadOnly`] on a store opened read-only; [`StoreError::Syntax`]
    /// when the update does not parse; [`StoreError::Update`] when it fails.
    pub fn update(&self, sparql: &str) -> Result<(), StoreError> {
        self.check_writable()?;
        SparqlEvaluator::new()
            .parse_update(sparql)?
            .on_store(&self.store)
            .execute()?;
        Ok(())
    }

    /// The triples of one graph (the default graph reads as the union of all
    /// graphs), or `None` when a named graph does not exist.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read.
    pub fn graph_triples(&self, target: &GraphTarget) -> Result<Option<Vec<Triple>>, StoreError> {
        let graph = match target {
            GraphTarget::Default => None,
            GraphTarget::Named(name) => {
                if !self.store.contains_named_graph(name)? {
                    return Ok(None);
                }
                Some(GraphNameRef::NamedNode(name.as_ref()))
            }
        };
        let mut triples = Vec::new();
        for quad in self.store.quads_for_pattern(None, None, None, graph) {
            triples.push(Triple::from(quad?));
        }
        triples.sort_by_cached_key(ToString::to_string);
        triples.dedup();
        Ok(Some(triples))
    }

    /// Writes `triples` into a graph: replacing its content (`replace`, HTTP PUT)
    /// or adding to it (HTTP POST). Returns whether the graph existed before.
    ///
    /// # Errors
    /// [`StoreError::ReadOnly`] on a read-only store; [`StoreError::Storage`].
    pub fn write_graph(
        &self,
        target: &GraphTarget,
        triples: Vec<Triple>,
        replace: bool,
    ) -> Result<bool, StoreError> {
        self.check_writable()?;
        let graph_name = match target {
            GraphTarget::Default => GraphName::DefaultGraph,
            GraphTarget::Named(name) => GraphName::NamedNode(name.clone()),
        };
        let existed = match target {
            GraphTarget::Default => true,
            GraphTarget::Named(name) => self.store.contains_named_graph(name)?,
        };
        let quads: Vec<Quad> = triples
            .into_iter()
            .map(|t| t.in_graph(graph_name.clone()))
            .collect();
        if replace {
            self.store.clear_graph(graph_name.as_ref())?;
        }
        if let GraphTarget::Named(name) = target {
            self.store.insert_named_graph(name)?;
        }
        self.store.extend(quads)?;
        Ok(existed)
    }

    /// Deletes a graph (the default graph is emptied). Returns whether it existed.
    ///
    /// # Errors
    /// [`StoreError::ReadOnly`] on a read-only store; [`StoreError::Storage`].
    pub fn delete_graph(&self, target: &GraphTarget) -> Result<bool, StoreError> {
        self.check_writable()?;
        match target {
            GraphTarget::Default => {
                self.store.clear_graph(GraphNameRef::DefaultGraph)?;
                Ok(true)
            }
            GraphTarget::Named(name) => {
                let existed = self.store.contains_named_graph(name)?;
                if existed {
                    self.store.remove_named_graph(name)?;
                }
                Ok(existed)
            }
        }
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        if self.is_read_only() {
            Err(StoreError::ReadOnly)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nn(iri: &str) -> NamedNode {
        NamedNode::new(iri).unwrap()
    }

    #[test]
    fn graph_store_writes_replace_add_and_delete() {
        let store = PlanStore::in_memory().unwrap();
        let g = GraphTarget::Named(nn("http://e.org/g"));
        let t = |o: &str| Triple::new(nn("http://e.org/s"), nn("http://e.org/p"), nn(o));
        assert!(!store
            .write_graph(&g, vec![t("http://e.org/a")], true)
            .unwrap());
        assert!(store
            .write_graph(&g, vec![t("http://e.org/b")], false)
            .unwrap());
        assert_eq!(store.graph_triples(&g).unwrap().unwrap().len(), 2);
        store
            .write_graph(&g, vec![t("http://e.org/c")], true)
            .unwrap();
        assert_eq!(
            store.graph_triples(&g).unwrap().unwrap(),
            vec![t("http://e.org/c")]
        );
        assert!(store.delete_graph(&g).unwrap());
        assert_eq!(store.graph_triples(&g).unwrap(), None);
    }

    #[test]
    fn a_cancelled_query_stops_with_an_error() {
        let store = PlanStore::in_memory().unwrap();
        let g = GraphTarget::Named(nn("http://e.org/g"));
        let triples = (0..200)
            .map(|i| {
                Triple::new(
                    nn(&format!("http://e.org/s{i}")),
                    nn("http://e.org/p"),
                    nn("http://e.org/o"),
                )
            })
            .collect();
        store.write_graph(&g, triples, true).unwrap();
        let token = CancellationToken::new();
        token.cancel();
        let outcome = store
            .query_with_dataset(
                "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                &[],
                &[],
                token,
            )
            .and_then(|results| match results {
                QueryResults::Solutions(solutions) => {
                    for solution in solutions {
                        solution?;
                    }
                    Ok(())
                }
                _ => Ok(()),
            });
        assert!(outcome.is_err(), "a cancelled query must not complete");
    }

    #[test]
    fn request_dataset_overrides_the_union() {
        let store = PlanStore::in_memory().unwrap();
        let g = GraphTarget::Named(nn("http://e.org/g"));
        store
            .write_graph(
                &g,
                vec![Triple::new(
                    nn("http://e.org/s"),
                    nn("http://e.org/p"),
                    nn("http://e.org/o"),
                )],
                true,
            )
            .unwrap();
        let ask = |defaults: &[NamedNode]| match store
            .query_with_dataset("ASK { ?s ?p ?o }", defaults, &[], CancellationToken::new())
            .unwrap()
        {
            QueryResults::Boolean(b) => b,
            _ => panic!("not a boolean"),
        };
        assert!(ask(&[]));
        assert!(ask(&[nn("http://e.org/g")]));
        assert!(!ask(&[nn("http://e.org/other")]));
    }
}
