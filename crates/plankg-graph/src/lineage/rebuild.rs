//! The lineage step of a build: reads the whole document set from the store,
//! computes continuations and localizations, rewrites `<base>graph/lineage` and
//! rewrites the text index. A deterministic function of the store's contents, so a
//! rebuild that skipped unchanged documents gives the same graph as a fresh one.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

use oxigraph::model::{Literal, NamedNode, Quad};
use petgraph::unionfind::UnionFind;
use plankg_rdf::vocab::{pk, rdf, skos, xsd};
use plankg_rdf::IriMinter;
use plankg_store::PlanStore;
use serde::Serialize;

use super::cascade::{Localiser, Localization, PolicyName, Rank};
use super::continuity::{link_tasks, Continuation, ContinuityOptions, Relation, TaskText};
use super::error::LineageError;
use super::families::LineageGraph;
use super::initiatives::merges;
use super::source::{Corpus, DocumentRow};
use crate::text_index::{IndexedDocument, IndexedLabel, IndexedText, Origin, TextIndex};

/// Where the time of a lineage rebuild went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LineageTimings {
    /// Reading tasks, documents and labels from the store.
    pub read: Duration,
    /// Task continuity, localizations and initiative merges.
    pub link: Duration,
    /// Rewriting the lineage graph.
    pub graph: Duration,
    /// Rewriting the text index.
    pub index: Duration,
}

/// What a lineage rebuild wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LineageSummary {
    /// Tasks compared.
    pub tasks: usize,
    /// `pk:continues` links.
    pub continues: usize,
    /// `pk:echoes` links.
    pub echoes: usize,
    /// `pk:localizes` links.
    pub localizes: usize,
    /// `skos:closeMatch` links between initiatives.
    pub close_matches: usize,
    /// Texts in the text index.
    pub indexed_texts: usize,
    /// Time spent in each step.
    pub timings: LineageTimings,
}

/// Rewrites the lineage graph of `store` and the text index in `index_dir` from
/// the store's current contents.
///
/// # Errors
/// [`LineageError`] when the store cannot be read or written, or the index cannot
/// be written.
///
/// # Complexity
/// Linear in the number of tasks (see [`link_tasks`]) plus the index sort.
pub fn rebuild(
    store: &PlanStore,
    minter: &IriMinter,
    index_dir: &Path,
) -> Result<LineageSummary, LineageError> {
    let started = Instant::now();
    let corpus = Corpus::read(store)?;
    let read = started.elapsed();

    let groups = issuer_groups(&corpus.documents);
    let tasks: Vec<TaskText> = corpus
        .texts
        .iter()
        .filter(|t| t.is_task)
        .filter_map(|t| {
            let doc = corpus.documents.get(&t.document)?;
            // A copy of another plan continues nothing and is continued by nothing:
            // its original carries its links.
            if doc.duplicate_of.is_some() {
                return None;
            }
            Some(TaskText {
                task: t.iri.clone(),
                document: t.document.clone(),
                year: doc.year?,
                issuer: groups.get(t.document.as_str()).map(|g| (*g).to_owned()),
                text: t.text.clone(),
            })
        })
        .collect();
    let links = link_tasks(&tasks, &ContinuityOptions::default());

    let policies: Vec<PolicyName> = corpus
        .entities
        .iter()
        .filter(|(_, e)| e.is_policy)
        .filter_map(|(iri, e)| {
            Some(PolicyName {
                iri: iri.clone(),
                label: e.pref.clone()?,
                rank: e.level.as_deref().and_then(rank_of_level),
            })
        })
        .collect();
    let localizations = Localiser::embedded()?.localizations(&policies);
    let initiatives: Vec<(&str, &str)> = corpus
        .entities
        .iter()
        .filter(|(_, e)| !e.is_policy)
        .filter_map(|(iri, e)| Some((iri.as_str(), e.pref.as_deref()?)))
        .collect();
    let close = merges(&initiatives);
    let link = started.elapsed() - read;

    let graph = minter.graph_lineage();
    // Millions of quads on a large store: made one link at a time while the store
    // takes them, never held all at once.
    let nodes = link_nodes(&tasks, &links)?;
    let mut small = Vec::new();
    for Localization { local, higher } in &localizations {
        small.push(Quad::new(
            NamedNode::new(local)?,
            pk::LOCALIZES,
            NamedNode::new(higher)?,
            graph.clone(),
        ));
    }
    for (a, b) in &close {
        small.push(Quad::new(
            NamedNode::new(*a)?,
            skos::CLOSE_MATCH,
            NamedNode::new(*b)?,
            graph.clone(),
        ));
    }
    let continuations = links
        .iter()
        .filter_map(|link| continuation_quads(minter, &nodes, link, &graph))
        .flatten();
    store.rewrite_graph(&graph, continuations.chain(small))?;
    let graph = started.elapsed() - read - link;

    let indexed = write_index(&corpus, &tasks, &links, &close, index_dir)?;
    let timings = LineageTimings {
        read,
        link,
        graph,
        index: started.elapsed() - read - link - graph,
    };
    Ok(LineageSummary {
        tasks: tasks.len(),
        continues: links
            .iter()
            .filter(|l| l.relation == Relation::Continues)
            .count(),
        echoes: links
            .iter()
            .filter(|l| l.relation == Relation::Echoes)
            .count(),
        localizes: localizations.len(),
        close_matches: close.len(),
        indexed_texts: indexed,
        timings,
    })
}

/// The IRIs of the tasks that links name, checked once (`None` for the others).
fn link_nodes(
    tasks: &[TaskText],
    links: &[Continuation],
) -> Result<Vec<Option<NamedNode>>, LineageError> {
    let mut nodes: Vec<Option<NamedNode>> = vec![None; tasks.len()];
    for link in links {
        for i in [link.from, link.to] {
            if nodes[i].is_none() {
                nodes[i] = Some(NamedNode::new(&tasks[i].task)?);
            }
        }
    }
    Ok(nodes)
}

/// The qualified `pk:Continuation` node of a link and the direct shortcut triple.
/// The node's IRI is the later task's IRI with `/continues` or `/echoes` appended:
/// a task has at most one link of each kind, and the IRI stays stable across
/// builds as long as the link does.
fn continuation_quads(
    minter: &IriMinter,
    nodes: &[Option<NamedNode>],
    link: &Continuation,
    graph: &NamedNode,
) -> Option<[Quad; 6]> {
    let (Some(from), Some(to)) = (&nodes[link.from], &nodes[link.to]) else {
        return None;
    };
    let relation = match link.relation {
        Relation::Continues => pk::CONTINUES,
        Relation::Echoes => pk::ECHOES,
    };
    let node = minter.continuation(from, relation);
    let similarity = Literal::new_typed_literal(canonical_decimal(link.similarity), xsd::DECIMAL);
    Some([
        Quad::new(node.clone(), rdf::TYPE, pk::CONTINUATION, graph.clone()),
        Quad::new(node.clone(), pk::FROM, from.clone(), graph.clone()),
        Quad::new(node.clone(), pk::TO, to.clone(), graph.clone()),
        Quad::new(node.clone(), pk::SIMILARITY, similarity, graph.clone()),
        Quad::new(node, pk::RELATION, relation, graph.clone()),
        Quad::new(from.clone(), relation, to.clone(), graph.clone()),
    ])
}

/// A similarity as the store writes an `xsd:decimal` back (three places, no
/// trailing zeros: "0.48", "1"), so that the quad compares equal to its stored
/// copy and a rebuild that changes nothing rewrites nothing.
fn canonical_decimal(x: f64) -> String {
    let fixed = format!("{x:.3}");
    fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// `pk:central` … `pk:district` to a rank; unknown levels have none.
fn rank_of_level(level: &str) -> Option<Rank> {
    [
        (pk::CENTRAL, 0),
        (pk::PROVINCIAL, 1),
        (pk::MUNICIPAL, 2),
        (pk::DISTRICT, 3),
    ]
    .into_iter()
    .find(|(iri, _)| iri.as_str() == level)
    .map(|(_, rank)| rank)
}

/// The origin of every linked task, by task IRI.
fn origins<'a>(tasks: &'a [TaskText], links: &[Continuation]) -> HashMap<&'a str, Origin> {
    let graph = LineageGraph::new(tasks.len(), links);
    let families = graph.families();
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    for &family in &families {
        *sizes.entry(family).or_default() += 1;
    }
    let mut linked: Vec<usize> = links.iter().flat_map(|l| [l.from, l.to]).collect();
    linked.sort_unstable();
    linked.dedup();
    linked
        .into_iter()
        .map(|i| {
            let first = &tasks[graph.first_appearance(i)];
            let origin = Origin {
                task: first.task.clone(),
                year: first.year,
                family_size: sizes.get(&families[i]).copied().unwrap_or(1),
            };
            (tasks[i].task.as_str(), origin)
        })
        .collect()
}

/// The issuer of each document as continuity compares them: documents that share
/// an issuing body have one issuer, so does a chain of joint plans (a plan of 省委
/// 教育工委 and 省教育厅, another of 省教育厅 alone). Each group is keyed by the
/// smallest IRI among its bodies, so keys do not depend on the order of documents.
fn issuer_groups(documents: &BTreeMap<String, DocumentRow>) -> HashMap<&str, &str> {
    let mut bodies: Vec<&str> = documents
        .values()
        .flat_map(|d| d.issuers.iter().map(String::as_str))
        .collect();
    bodies.sort_unstable();
    bodies.dedup();
    let index = |iri: &str| bodies.binary_search(&iri).ok();
    let mut sets = UnionFind::<usize>::new(bodies.len());
    for doc in documents.values() {
        let mut members = doc.issuers.iter().filter_map(|i| index(i));
        if let Some(first) = members.next() {
            for other in members {
                sets.union(first, other);
            }
        }
    }
    // The smallest body of each set: bodies are sorted, so the first met.
    let mut smallest: HashMap<usize, &str> = HashMap::new();
    for (i, body) in bodies.iter().enumerate() {
        smallest.entry(sets.find(i)).or_insert(body);
    }
    documents
        .iter()
        .filter_map(|(iri, doc)| {
            let first = index(doc.issuers.first()?)?;
            Some((iri.as_str(), *smallest.get(&sets.find(first))?))
        })
        .collect()
}

/// Writes the text index; returns the number of texts indexed.
fn write_index(
    corpus: &Corpus,
    tasks: &[TaskText],
    links: &[Continuation],
    close: &[(&str, &str)],
    index_dir: &Path,
) -> Result<usize, LineageError> {
    let mut position: HashMap<&str, u32> = HashMap::new();
    let mut documents = Vec::with_capacity(corpus.documents.len());
    for (i, (iri, doc)) in corpus.documents.iter().enumerate() {
        position.insert(iri.as_str(), u32::try_from(i).unwrap_or(u32::MAX));
        documents.push(IndexedDocument {
            iri: iri.clone(),
            title: doc.title.clone(),
            year: doc.year,
            issuer: (!doc.issuer_labels.is_empty()).then(|| doc.issuer_labels.join(" ")),
            issuer_names: doc.issuer_names.clone(),
            region: doc.region_label.clone(),
            duplicate_of: doc.duplicate_of.clone(),
        });
    }
    let mut origins = origins(tasks, links);
    let mut continues: HashMap<&str, &str> = HashMap::new();
    let mut echoes: HashMap<&str, &str> = HashMap::new();
    for link in links {
        let map = match link.relation {
            Relation::Continues => &mut continues,
            Relation::Echoes => &mut echoes,
        };
        map.insert(tasks[link.from].task.as_str(), tasks[link.to].task.as_str());
    }
    let texts: Vec<IndexedText> = corpus
        .texts
        .iter()
        .filter_map(|t| {
            Some(IndexedText {
                task: t.iri.clone(),
                document: *position.get(t.document.as_str())?,
                section: t.heading.clone(),
                text: t.text.clone(),
                about_year: t.about_year,
                part_kind: t.part_kind,
                continues: continues.get(t.iri.as_str()).map(|s| (*s).to_owned()),
                echoes: echoes.get(t.iri.as_str()).map(|s| (*s).to_owned()),
                origin: origins.remove(t.iri.as_str()),
            })
        })
        .collect();
    // Close matches of each initiative, both directions: one map, not a scan of
    // every pair per entity.
    let mut close_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for &(a, b) in close {
        close_of.entry(a).or_default().push(b);
        close_of.entry(b).or_default().push(a);
    }
    let mut labels = Vec::new();
    for (iri, entity) in &corpus.entities {
        let mut matches = entity.matches.clone();
        if let Some(others) = close_of.get(iri.as_str()) {
            matches.extend(others.iter().map(|o| (*o).to_owned()));
        }
        matches.sort();
        matches.dedup();
        for label in entity.pref.iter().chain(&entity.alt) {
            labels.push(IndexedLabel {
                iri: iri.clone(),
                label: label.clone(),
                matches: matches.clone(),
            });
        }
    }
    TextIndex::write(index_dir, &documents, &texts, &labels)?;
    Ok(texts.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarities_are_written_in_canonical_form() {
        assert_eq!(canonical_decimal(0.48), "0.48");
        assert_eq!(canonical_decimal(0.5), "0.5");
        assert_eq!(canonical_decimal(1.0), "1");
        assert_eq!(canonical_decimal(0.4567), "0.457");
    }
}
