//! `cascade`: the tree of local policies under a higher one (`pk:localizes`,
//! followed backwards in a petgraph graph of policies), with the plans citing each.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction;
use plankg_store::PlanStore;
use serde::Serialize;

use super::error::LineageError;
use crate::text_index::dice;

const POLICIES: &str = include_str!("../../../../ontology/queries/cascade_policies.rq");

/// A plan citing a policy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CitingDocument {
    /// Its plan year.
    pub year: Option<i32>,
    /// Its region's label.
    pub region: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Its IRI.
    pub document: String,
    /// The labels of its issuing bodies, sorted and joined by a space.
    pub issuer: Option<String>,
}

/// A policy of the tree, with the local policies that adapt it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CascadeNode {
    /// The policy's IRI.
    pub policy: String,
    /// Its preferred label.
    pub label: String,
    /// Its level (`central`, `provincial`, … the local name of `pk:level`).
    pub level: Option<String>,
    /// Plans citing it, by year.
    pub documents: Vec<CitingDocument>,
    /// The policies localizing it, by label.
    pub children: Vec<CascadeNode>,
}

/// The answer of [`cascade`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CascadeReport {
    /// The name asked for.
    pub query: String,
    /// The tree, when a policy of that name is known.
    pub root: Option<CascadeNode>,
    /// Closest policy labels, when none is.
    pub suggestions: Vec<String>,
}

#[derive(Debug, Default)]
struct PolicyRow {
    label: String,
    alt: Vec<String>,
    level: Option<String>,
    documents: Vec<CitingDocument>,
}

/// The cascade under the policy named `name` (a label or alternative label, 《》
/// ignored; failing an exact match, the shortest label containing it), with the
/// plans citing each policy; with `issuer`, only the plans any of whose issuing
/// bodies has a label containing it.
///
/// # Errors
/// [`LineageError`] when the store cannot be queried.
///
/// # Complexity
/// One query over policies, their localizations and citations; the tree walk is
/// linear in the policies below the root (each visited once).
pub fn cascade(
    store: &PlanStore,
    name: &str,
    issuer: Option<&str>,
) -> Result<CascadeReport, LineageError> {
    let wanted = name.trim_matches(|c: char| "《》 ".contains(c));
    let mut policies: BTreeMap<String, PolicyRow> = BTreeMap::new();
    let mut edges: Vec<(String, String)> = Vec::new();
    let mut issuers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let QueryResults::Solutions(solutions) = store.query(POLICIES)? else {
        return Err(LineageError::NotSolutions);
    };
    for row in solutions {
        let row = row?;
        let Some(policy) = iri(&row, "policy") else {
            continue;
        };
        let entry = policies.entry(policy.clone()).or_default();
        if let Some(label) = literal(&row, "label") {
            entry.label = label;
        }
        if let Some(alt) = literal(&row, "alt") {
            if !entry.alt.contains(&alt) {
                entry.alt.push(alt);
            }
        }
        if let Some(level) = iri(&row, "level") {
            entry.level = level.rsplit(['#', '/']).next().map(str::to_owned);
        }
        if let Some(document) = iri(&row, "doc") {
            let bodies = issuers.entry(document.clone()).or_default();
            bodies.extend(literal(&row, "issuerLabel"));
            if !entry.documents.iter().any(|d| d.document == document) {
                entry.documents.push(CitingDocument {
                    year: literal(&row, "year").and_then(|y| y.parse().ok()),
                    region: literal(&row, "region"),
                    title: literal(&row, "title"),
                    document,
                    issuer: None,
                });
            }
        }
        if let Some(higher) = iri(&row, "higher") {
            edges.push((policy, higher));
        }
    }
    for policy in policies.values_mut() {
        policy.documents.retain_mut(|doc| {
            let bodies = issuers.get(&doc.document);
            doc.issuer = bodies
                .filter(|b| !b.is_empty())
                .map(|b| b.iter().cloned().collect::<Vec<_>>().join(" "));
            issuer.is_none_or(|wanted| bodies.is_some_and(|b| b.iter().any(|l| l.contains(wanted))))
        });
    }
    let root = policies
        .iter()
        .find(|(_, p)| p.label == wanted || p.alt.iter().any(|a| a == wanted))
        .or_else(|| {
            policies
                .iter()
                .filter(|(_, p)| p.label.contains(wanted))
                .min_by_key(|(iri, p)| (p.label.chars().count(), (*iri).clone()))
        })
        .map(|(iri, _)| iri.clone());
    let Some(root) = root else {
        let mut scored: Vec<(f64, &str)> = policies
            .values()
            .map(|p| (dice(wanted, &p.label), p.label.as_str()))
            .filter(|s| s.0 > 0.0)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored.dedup_by(|a, b| a.1 == b.1);
        return Ok(CascadeReport {
            query: name.to_owned(),
            root: None,
            suggestions: scored
                .into_iter()
                .take(5)
                .map(|(_, l)| l.to_owned())
                .collect(),
        });
    };

    // local -> higher edges; the tree is the set of nodes reaching the root.
    let mut graph: DiGraph<&str, ()> = DiGraph::new();
    let mut nodes: HashMap<&str, NodeIndex> = HashMap::new();
    for iri in policies.keys() {
        nodes.insert(iri, graph.add_node(iri));
    }
    edges.sort();
    edges.dedup();
    for (local, higher) in &edges {
        if let (Some(&a), Some(&b)) = (nodes.get(local.as_str()), nodes.get(higher.as_str())) {
            graph.add_edge(a, b, ());
        }
    }
    let mut visited = vec![false; graph.node_count()];
    let tree = nodes
        .get(root.as_str())
        .map(|&start| build(&graph, start, &policies, &mut visited));
    Ok(CascadeReport {
        query: name.to_owned(),
        root: tree,
        suggestions: Vec::new(),
    })
}

/// The subtree under `node`; `visited` guards against cycles in bad data.
fn build(
    graph: &DiGraph<&str, ()>,
    node: NodeIndex,
    policies: &BTreeMap<String, PolicyRow>,
    visited: &mut [bool],
) -> CascadeNode {
    visited[node.index()] = true;
    let iri = graph[node];
    let row = policies.get(iri);
    let below: Vec<NodeIndex> = graph
        .neighbors_directed(node, Direction::Incoming)
        .collect();
    let mut children = Vec::with_capacity(below.len());
    for child in below {
        if !visited[child.index()] {
            children.push(build(graph, child, policies, visited));
        }
    }
    children.sort_by(|a, b| (&a.label, &a.policy).cmp(&(&b.label, &b.policy)));
    let mut documents = row.map(|r| r.documents.clone()).unwrap_or_default();
    documents.sort();
    CascadeNode {
        policy: iri.to_owned(),
        label: row.map(|r| r.label.clone()).unwrap_or_default(),
        level: row.and_then(|r| r.level.clone()),
        documents,
        children,
    }
}

fn iri(row: &QuerySolution, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

fn literal(row: &QuerySolution, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::Literal(l) => Some(l.value().to_owned()),
        _ => None,
    }
}
