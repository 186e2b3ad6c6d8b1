//! Writing graphs: one document at a time in a transaction, many through the bulk
//! loader, the shared graphs rewritten whole, and the graphs of vanished documents
//! pruned.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};

use plankg_rdf::vocab::pk::CONTENT_HASH;

use crate::document::DocumentQuads;
use crate::error::StoreError;
use crate::store::PlanStore;

/// Quads of a shared graph above which [`PlanStore::replace_graph`] writes it
/// through [`PlanStore::rewrite_graph`] instead of one transaction.
pub const BULK_INSERT_THRESHOLD: usize = 50_000;

/// Stale quads removed per transaction by [`PlanStore::rewrite_graph`].
pub const REMOVALS_PER_TRANSACTION: usize = 100_000;

/// A 128-bit hash of a quad: two independent 64-bit hashes, so that millions of
/// quads compare by hash without a collision in practice.
fn quad_hash(quad: &Quad) -> u128 {
    let half = |salt: u8| {
        let mut hasher = DefaultHasher::new();
        salt.hash(&mut hasher);
        quad.hash(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// What loading a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoadOutcome {
    /// The document's graph was new.
    Inserted,
    /// The document's graph existed with another content hash and was replaced.
    Replaced,
    /// The stored content hash was the same: nothing was written.
    Unchanged,
}

/// What the store holds for a document graph before a load.
enum Stored {
    /// Nothing: the graph is new.
    Absent,
    /// The same content hash: nothing to do.
    Same,
    /// Other content, or a graph without its hash.
    Different,
}

impl PlanStore {
    /// Inserts a document's graph, replaces it when its content hash changed, or
    /// leaves it when it did not.
    ///
    /// Replacing happens in one transaction: readers see the old graph or the new
    /// one, never a mix. The content hash is the last quad written.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read or written.
    pub fn load_document(&self, document: &DocumentQuads) -> Result<LoadOutcome, StoreError> {
        let outcome = match self.stored(document)? {
            Stored::Same => return Ok(LoadOutcome::Unchanged),
            Stored::Absent => LoadOutcome::Inserted,
            Stored::Different => LoadOutcome::Replaced,
        };
        let graph = document.graph().as_ref();
        let mut transaction = self.store.start_transaction()?;
        if outcome == LoadOutcome::Replaced {
            transaction.clear_graph(graph)?;
        }
        transaction.extend(document.quads());
        transaction.insert(&document.hash_quad());
        transaction.commit()?;
        Ok(outcome)
    }

    /// Loads many documents: new graphs go through oxigraph's bulk loader in one
    /// atomic commit (all quads first, then every content hash), changed ones are
    /// replaced one transaction each, unchanged ones are skipped.
    ///
    /// Returns one outcome per document, in order. `threads` bounds the bulk
    /// loader's threads (default: all cores).
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read or written; the
    /// documents loaded before the error stay loaded.
    pub fn bulk_load(
        &self,
        documents: &[DocumentQuads],
        threads: Option<usize>,
    ) -> Result<Vec<LoadOutcome>, StoreError> {
        let mut outcomes = Vec::with_capacity(documents.len());
        let mut fresh = Vec::new();
        for document in documents {
            outcomes.push(match self.stored(document)? {
                Stored::Same => LoadOutcome::Unchanged,
                Stored::Different => self.load_document(document)?,
                Stored::Absent => {
                    fresh.push(document);
                    LoadOutcome::Inserted
                }
            });
        }
        if fresh.is_empty() {
            return Ok(outcomes);
        }
        let mut loader = self.store.bulk_loader();
        if let Some(threads) = threads {
            loader = loader.with_num_threads(threads.max(1));
        }
        loader.load_quads(fresh.iter().flat_map(|d| d.quads().iter().cloned()))?;
        loader.load_quads(fresh.iter().map(|d| d.hash_quad()))?;
        loader.commit()?;
        Ok(outcomes)
    }

    /// Replaces the whole content of `graph` with `quads` (for the shared graphs
    /// that each build rewrites), writing only the difference.
    ///
    /// Up to [`BULK_INSERT_THRESHOLD`] quads, the difference is written in one
    /// transaction: readers see the old graph or the new one. A larger graph goes
    /// through [`PlanStore::rewrite_graph`] (bulk loader, comparison by hashes),
    /// since a transaction of millions of inserts is slow and holds them all in
    /// memory; see there what a reader may see meanwhile.
    ///
    /// Returns whether anything changed. Quads naming another graph are put into
    /// `graph`.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read or written.
    pub fn replace_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<bool, StoreError> {
        if quads.len() > BULK_INSERT_THRESHOLD {
            return self.rewrite_graph(graph, quads.iter().cloned());
        }
        let name = GraphNameRef::NamedNode(graph.as_ref());
        let wanted: HashSet<Quad> = quads
            .iter()
            .map(|q| {
                Quad::new(
                    q.subject.clone(),
                    q.predicate.clone(),
                    q.object.clone(),
                    name,
                )
            })
            .collect();
        let mut transaction = self.store.start_transaction()?;
        let stored: HashSet<Quad> = transaction
            .quads_for_pattern(None, None, None, Some(name))
            .collect::<Result<_, _>>()?;
        let stale: Vec<&Quad> = stored.difference(&wanted).collect();
        let new: Vec<&Quad> = wanted.difference(&stored).collect();
        if stale.is_empty() && new.is_empty() {
            return Ok(false);
        }
        for quad in stale {
            transaction.remove(quad);
        }
        transaction.extend(new);
        transaction.commit()?;
        Ok(true)
    }

    /// Rewrites `graph` to hold exactly the quads `quads` yields, for a derived graph
    /// too large to hold twice in memory (the lineage graph of a large store).
    ///
    /// Only 128-bit hashes of the stored and the wanted quads are kept, never the
    /// quads themselves: the new quads are streamed into the bulk loader (one
    /// atomic commit), then the stale ones are removed in transactions of
    /// [`REMOVALS_PER_TRANSACTION`]. A reader in between sees both; an interrupted
    /// build leaves the graph for the next build to rewrite. Quads naming another
    /// graph are put into `graph`. Literals must be given in the form the store
    /// reads back (an `xsd:decimal` as "0.48", not "0.480"): quads are compared as
    /// written.
    ///
    /// Returns whether anything changed.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read or written.
    pub fn rewrite_graph(
        &self,
        graph: &NamedNode,
        quads: impl IntoIterator<Item = Quad>,
    ) -> Result<bool, StoreError> {
        let name = GraphNameRef::NamedNode(graph.as_ref());
        let stored: HashSet<u128> = self
            .store
            .quads_for_pattern(None, None, None, Some(name))
            .map(|quad| quad.map(|q| quad_hash(&q)))
            .collect::<Result<_, _>>()?;
        let mut wanted: HashSet<u128> = HashSet::with_capacity(stored.len());
        let (mut added, mut kept) = (0usize, 0usize);
        let new = quads.into_iter().filter_map(|mut quad| {
            // Quads already naming `graph` (the usual case) keep their name as is.
            if quad.graph_name.as_ref() != name {
                quad.graph_name = name.into_owned();
            }
            let hash = quad_hash(&quad);
            if !wanted.insert(hash) {
                return None;
            }
            if stored.contains(&hash) {
                kept += 1;
                return None;
            }
            added += 1;
            Some(quad)
        });
        let mut loader = self.store.bulk_loader();
        loader.load_quads(new)?;
        loader.commit()?;
        if kept == stored.len() {
            // Every stored quad is still wanted: nothing to remove, and no second
            // pass over the graph (each quad read costs term lookups).
            return Ok(added > 0);
        }

        let mut removed = 0usize;
        let mut stale: Vec<Quad> = Vec::new();
        for quad in self.store.quads_for_pattern(None, None, None, Some(name)) {
            let quad = quad?;
            if !wanted.contains(&quad_hash(&quad)) {
                stale.push(quad);
            }
            if stale.len() == REMOVALS_PER_TRANSACTION {
                removed += self.remove_quads(&mut stale)?;
            }
        }
        removed += self.remove_quads(&mut stale)?;
        Ok(added > 0 || removed > 0)
    }

    /// Removes `quads` in one transaction and empties the vector; returns how many.
    fn remove_quads(&self, quads: &mut Vec<Quad>) -> Result<usize, StoreError> {
        if quads.is_empty() {
            return Ok(0);
        }
        let mut transaction = self.store.start_transaction()?;
        for quad in quads.iter() {
            transaction.remove(quad);
        }
        transaction.commit()?;
        let n = quads.len();
        quads.clear();
        Ok(n)
    }

    /// Removes the graphs of documents not in `keep`, and returns them sorted.
    ///
    /// Only document graphs (those holding their own `pk:contentHash`) are
    /// considered; the shared graphs are never pruned.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read or written.
    pub fn prune(&self, keep: &HashSet<NamedNode>) -> Result<Vec<NamedNode>, StoreError> {
        let mut removed = Vec::new();
        for graph in self.document_graphs()? {
            if !keep.contains(&graph) {
                self.store.remove_named_graph(graph.as_ref())?;
                removed.push(graph);
            }
        }
        Ok(removed)
    }

    /// The document graphs in the store (graphs holding their own content hash),
    /// sorted by IRI.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read.
    pub fn document_graphs(&self) -> Result<Vec<NamedNode>, StoreError> {
        let mut graphs = Vec::new();
        for quad in self
            .store
            .quads_for_pattern(None, Some(CONTENT_HASH), None, None)
        {
            let quad = quad?;
            if let (
                NamedOrBlankNode::NamedNode(subject),
                oxigraph::model::GraphName::NamedNode(graph),
            ) = (&quad.subject, &quad.graph_name)
            {
                if subject == graph {
                    graphs.push(graph.clone());
                }
            }
        }
        graphs.sort_unstable();
        graphs.dedup();
        Ok(graphs)
    }

    /// The content hash stored for the document graph `graph`, if any.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read.
    pub fn content_hash(&self, graph: &NamedNode) -> Result<Option<String>, StoreError> {
        let mut hashes = self.store.quads_for_pattern(
            Some(graph.as_ref().into()),
            Some(CONTENT_HASH),
            None,
            Some(graph.as_ref().into()),
        );
        Ok(match hashes.next().transpose()? {
            Some(Quad {
                object: Term::Literal(hash),
                ..
            }) => Some(hash.value().to_owned()),
            _ => None,
        })
    }

    /// Compares a document with what the store holds for its graph.
    fn stored(&self, document: &DocumentQuads) -> Result<Stored, StoreError> {
        let graph = document.graph();
        if let Some(hash) = self.content_hash(graph)? {
            return Ok(if hash == document.content_hash() {
                Stored::Same
            } else {
                Stored::Different
            });
        }
        let any = self
            .store
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
            .next()
            .transpose()?;
        Ok(if any.is_some() {
            Stored::Different
        } else {
            Stored::Absent
        })
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::model::Literal;

    use super::*;

    fn node(iri: &str) -> NamedNode {
        NamedNode::new(iri).unwrap()
    }

    fn document(name: &str, titles: &[&str]) -> DocumentQuads {
        let g = node(&format!("http://e.org/doc/{name}"));
        let quads = titles
            .iter()
            .map(|t| {
                Quad::new(
                    g.clone(),
                    node("http://purl.org/dc/terms/title"),
                    Literal::from(*t),
                    g.clone(),
                )
            })
            .collect();
        DocumentQuads::new(g, quads)
    }

    #[test]
    fn loading_inserts_then_skips_then_replaces() {
        let store = PlanStore::in_memory().unwrap();
        let first = document("a", &["一"]);
        assert_eq!(store.load_document(&first).unwrap(), LoadOutcome::Inserted);
        assert_eq!(store.len().unwrap(), 2);
        assert_eq!(store.load_document(&first).unwrap(), LoadOutcome::Unchanged);
        let edited = document("a", &["二", "三"]);
        assert_eq!(store.load_document(&edited).unwrap(), LoadOutcome::Replaced);
        assert_eq!(store.len().unwrap(), 3);
        assert_eq!(
            store.content_hash(edited.graph()).unwrap().as_deref(),
            Some(edited.content_hash())
        );
    }

    #[test]
    fn a_graph_without_its_hash_is_not_unchanged() {
        let store = PlanStore::in_memory().unwrap();
        let doc = document("a", &["一"]);
        // A load cut off before its hash: the quads are there, the hash is not.
        store.store.extend(doc.quads().iter().cloned()).unwrap();
        assert_eq!(store.load_document(&doc).unwrap(), LoadOutcome::Replaced);
    }

    #[test]
    fn bulk_load_sorts_new_changed_and_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::open(dir.path()).unwrap();
        let a = document("a", &["一"]);
        let b = document("b", &["二"]);
        assert_eq!(
            store.bulk_load(&[a.clone(), b.clone()], Some(1)).unwrap(),
            [LoadOutcome::Inserted, LoadOutcome::Inserted]
        );
        let b2 = document("b", &["三"]);
        let c = document("c", &["四"]);
        assert_eq!(
            store.bulk_load(&[a, b2, c], Some(1)).unwrap(),
            [
                LoadOutcome::Unchanged,
                LoadOutcome::Replaced,
                LoadOutcome::Inserted
            ]
        );
        assert_eq!(store.len().unwrap(), 6);
        assert_eq!(store.document_graphs().unwrap().len(), 3);
    }

    #[test]
    fn replace_graph_bulk_loads_a_large_difference() {
        let store = PlanStore::in_memory().unwrap();
        let shared = node("http://e.org/graph/lineage");
        let quads = |range: std::ops::Range<usize>| -> Vec<Quad> {
            range
                .map(|i| {
                    Quad::new(
                        node(&format!("http://e.org/t{i}")),
                        node("http://e.org/p"),
                        Literal::from(i.to_string()),
                        shared.clone(),
                    )
                })
                .collect()
        };
        let first = quads(0..BULK_INSERT_THRESHOLD + 10);
        assert!(store.replace_graph(&shared, &first).unwrap());
        assert_eq!(store.len().unwrap(), BULK_INSERT_THRESHOLD + 10);
        // Both writes are above the threshold and take the bulk path (the second
        // with half the quads stale): each leaves exactly the wanted set.
        let half = BULK_INSERT_THRESHOLD / 2;
        let second = quads(half..half + BULK_INSERT_THRESHOLD + 10);
        assert!(store.replace_graph(&shared, &second).unwrap());
        assert_eq!(store.len().unwrap(), BULK_INSERT_THRESHOLD + 10);
        let stored: HashSet<Quad> = store
            .store
            .quads_for_pattern(None, None, None, None)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(stored, second.into_iter().collect::<HashSet<_>>());
    }

    #[test]
    fn rewrite_graph_streams_the_new_quads_and_removes_the_stale() {
        let store = PlanStore::in_memory().unwrap();
        let lineage = node("http://e.org/graph/lineage");
        let other = node("http://e.org/graph/other");
        let q = |i: usize, graph: &NamedNode| {
            Quad::new(
                node(&format!("http://e.org/t{i}")),
                node("http://e.org/p"),
                Literal::from(i.to_string()),
                graph.clone(),
            )
        };
        store.replace_graph(&other, &[q(0, &other)]).unwrap();
        assert!(store
            .rewrite_graph(&lineage, (0..100).map(|i| q(i, &lineage)))
            .unwrap());
        assert!(!store
            .rewrite_graph(&lineage, (0..100).map(|i| q(i, &lineage)))
            .unwrap());
        // Quads naming another graph land in the rewritten one; 0..50 go stale.
        assert!(store
            .rewrite_graph(&lineage, (50..120).map(|i| q(i, &other)))
            .unwrap());
        let stored: HashSet<Quad> = store
            .store
            .quads_for_pattern(None, None, None, None)
            .collect::<Result<_, _>>()
            .unwrap();
        let expected: HashSet<Quad> = (50..120)
            .map(|i| q(i, &lineage))
            .chain([q(0, &other)])
            .collect();
        assert_eq!(stored, expected);
    }

    #[test]
    fn replace_graph_writes_the_difference_and_prune_keeps_shared_graphs() {
        let store = PlanStore::in_memory().unwrap();
        let shared = node("http://e.org/graph/entities");
        let q = |o: &str| {
            Quad::new(
                node("http://e.org/x"),
                node("http://e.org/p"),
                Literal::from(o),
                shared.clone(),
            )
        };
        assert!(store.replace_graph(&shared, &[q("1"), q("2")]).unwrap());
        assert!(!store.replace_graph(&shared, &[q("2"), q("1")]).unwrap());
        assert!(store.replace_graph(&shared, &[q("3")]).unwrap());
        assert_eq!(store.len().unwrap(), 1);

        let a = document("a", &["一"]);
        let b = document("b", &["二"]);
        store.load_document(&a).unwrap();
        store.load_document(&b).unwrap();
        let keep = HashSet::from([a.graph().clone()]);
        assert_eq!(store.prune(&keep).unwrap(), [b.graph().clone()]);
        assert_eq!(store.document_graphs().unwrap(), [a.graph().clone()]);
        assert_eq!(store.len().unwrap(), 3);
    }
}
