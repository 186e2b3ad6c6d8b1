//! Store to petgraph: the rows of a view's query (one per statement) folded into a
//! [`ViewGraph`], filtered by the documents that assert them.

use std::collections::{BTreeSet, HashSet};

use oxigraph::model::{Literal, Term};
use oxigraph::sparql::{QueryResults, QuerySolution};
use plankg_store::PlanStore;

use crate::error::ProjectionError;
use crate::graph::{Node, NodeKind, ViewGraph};
use crate::view::{Filter, View};

/// The regions within a region (queries/regions_within.rq).
const REGIONS_WITHIN: &str = include_str!("../queries/regions_within.rq");

/// How many characters of a task's text make its label.
const TASK_LABEL_CHARS: usize = 60;

/// Projects a view of the store: runs `view.sparql()` over the union of its graphs
/// and folds the rows as [`project`] does. A region filter also keeps the documents
/// of the regions within it (`pk:partOf`, transitively): 浙江省 keeps 嘉兴市's plans.
///
/// # Errors
/// [`ProjectionError::Store`] when a query fails, and those of [`project`].
pub fn load_view(
    store: &PlanStore,
    view: View,
    filter: &Filter,
) -> Result<ViewGraph, ProjectionError> {
    let within = match &filter.region {
        Some(region) => regions_within(store, region)?,
        None => HashSet::new(),
    };
    fold(store.query(view.sparql())?, view, filter, &within)
}

/// The IRIs of the regions within `region` (a label or an IRI), itself included.
fn regions_within(store: &PlanStore, region: &str) -> Result<HashSet<String>, ProjectionError> {
    let wanted = Literal::new_simple_literal(region);
    let sparql = format!("{REGIONS_WITHIN}\nVALUES ?wanted {{ {wanted} }}\n");
    let QueryResults::Solutions(solutions) = store.query(&sparql)? else {
        return Err(ProjectionError::NotSolutions);
    };
    let mut regions = HashSet::new();
    for solution in solutions {
        if let Some(region) = solution?.get("region") {
            regions.insert(term_text(region));
        }
    }
    Ok(regions)
}

/// Projects the results of `view.sparql()` (run with the union of all graphs as the
/// default graph) into the view's graph, keeping the statements of the documents
/// that pass `filter`.
///
/// Each distinct statement (subject, object, relation, context) adds 1 to the weight
/// of the edge between its two nodes, so parallel statements become one weighted
/// edge. Structural statements (`pk:localizes`) are kept when no filter is set, and
/// otherwise only between nodes the filtered statements brought in.
///
/// # Errors
/// [`ProjectionError`] when the results are not solutions, a solution cannot be
/// read, or a row lacks a subject, object, relation or a known node type.
///
/// # Complexity
/// O(r) time for r rows, O(n + e + r) space for the set of statements seen.
pub fn project(
    results: QueryResults<'_>,
    view: View,
    filter: &Filter,
) -> Result<ViewGraph, ProjectionError> {
    fold(results, view, filter, &HashSet::new())
}

/// [`project`], where documents of the regions in `within` (IRIs) also pass a region
/// filter.
fn fold(
    results: QueryResults<'_>,
    view: View,
    filter: &Filter,
    within: &HashSet<String>,
) -> Result<ViewGraph, ProjectionError> {
    let QueryResults::Solutions(solutions) = results else {
        return Err(ProjectionError::NotSolutions);
    };
    let mut graph = ViewGraph::new(view.is_directed());
    let mut seen = HashSet::new();
    let mut structural = Vec::new();
    for solution in solutions {
        let row = Row::read(&solution?)?;
        if row.structural {
            structural.push(row);
            continue;
        }
        if row.duplicate && !filter.keep_duplicates {
            continue;
        }
        let in_region = row.region.as_ref().is_some_and(|r| within.contains(r));
        let region = if in_region {
            [filter.region.as_deref(), None]
        } else {
            [row.region_label.as_deref(), row.region.as_deref()]
        };
        let accepted = filter.accepts(
            row.year,
            region,
            [row.issuer_label.as_deref(), row.issuer.as_deref()],
        );
        if accepted && seen.insert(row.statement_key()) {
            add_row(&mut graph, row);
        }
    }
    for row in structural {
        let keep = !filter.is_active()
            || (graph.node_index(&row.subject).is_some()
                && graph.node_index(&row.object).is_some());
        if keep && seen.insert(row.statement_key()) {
            add_row(&mut graph, row);
        }
    }
    graph.fill_missing_labels();
    Ok(graph)
}

/// One statement of a view, as its query returns it.
struct Row {
    subject: String,
    subject_kind: NodeKind,
    subject_label: Option<String>,
    object: String,
    object_kind: NodeKind,
    object_label: Option<String>,
    object_year: Option<i32>,
    relation: String,
    context: Option<String>,
    year: Option<i32>,
    region: Option<String>,
    region_label: Option<String>,
    issuer: Option<String>,
    issuer_label: Option<String>,
    structural: bool,
    /// The row's document duplicates another's text.
    duplicate: bool,
}

impl Row {
    fn read(solution: &QuerySolution) -> Result<Self, ProjectionError> {
        let text = |name: &str| solution.get(name).map(term_text);
        let required =
            |name: &'static str| text(name).ok_or(ProjectionError::MissingVariable(name));
        let kind = |name: &'static str| {
            let value = required(name)?;
            NodeKind::from_name(&value).ok_or(ProjectionError::UnknownNodeType(value))
        };
        let year = |name: &str| text(name).and_then(|value| parse_year(&value));
        Ok(Self {
            subject: required("s")?,
            subject_kind: kind("sType")?,
            subject_label: text("sLabel"),
            object: required("o")?,
            object_kind: kind("oType")?,
            object_label: text("oLabel"),
            object_year: year("oYear"),
            relation: required("rel")?,
            context: text("ctx"),
            year: year("year"),
            region: text("region"),
            region_label: text("regionLabel"),
            issuer: text("issuer"),
            issuer_label: text("issuerLabel"),
            structural: solution.get("structural").is_some(),
            duplicate: solution.get("duplicateOf").is_some(),
        })
    }

    /// What makes a statement distinct: rows that differ only in labels are one.
    fn statement_key(&self) -> (String, String, String, String) {
        (
            self.subject.clone(),
            self.object.clone(),
            self.relation.clone(),
            self.context.clone().unwrap_or_default(),
        )
    }
}

fn add_row(graph: &mut ViewGraph, row: Row) {
    let region = row.region_label.or(row.region);
    let located = |kind: NodeKind| matches!(kind, NodeKind::Document | NodeKind::Task);
    let source = graph.add_node(Node {
        iri: row.subject,
        label: label(row.subject_kind, row.subject_label),
        kind: row.subject_kind,
        years: row.year.into_iter().collect(),
        region: region.clone().filter(|_| located(row.subject_kind)),
    });
    // The object of a lineage edge is an earlier task with a document of its own.
    let own_document = row.object_year.is_some();
    let target = graph.add_node(Node {
        iri: row.object,
        label: label(row.object_kind, row.object_label),
        kind: row.object_kind,
        years: row
            .object_year
            .or(row.year)
            .into_iter()
            .collect::<BTreeSet<_>>(),
        region: region.filter(|_| !own_document && row.object_kind == NodeKind::Document),
    });
    graph.add_edge(source, target, &row.relation, 1.0, row.year);
}

/// A node's label: a task's shortened text, others' label as it is.
fn label(kind: NodeKind, label: Option<String>) -> String {
    let label = label.unwrap_or_default();
    if kind == NodeKind::Task && label.chars().count() > TASK_LABEL_CHARS {
        let mut short: String = label.chars().take(TASK_LABEL_CHARS).collect();
        short.push('…');
        short
    } else {
        label
    }
}

/// The text of a term: an IRI as is, a literal's value, a blank node as `_:id`.
fn term_text(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => node.as_str().to_owned(),
        Term::BlankNode(node) => node.to_string(),
        Term::Literal(literal) => literal.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// The year of an `xsd:integer` or `xsd:gYear` value ("2021", "2021Z", "-0044").
fn parse_year(value: &str) -> Option<i32> {
    let end = value
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && c == '-')))
        .map_or(value.len(), |(i, _)| i);
    value[..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_parse_from_integer_and_gyear() {
        assert_eq!(parse_year("2021"), Some(2021));
        assert_eq!(parse_year("2021Z"), Some(2021));
        assert_eq!(parse_year("-0044"), Some(-44));
        assert_eq!(parse_year("abc"), None);
    }

    #[test]
    fn task_labels_are_shortened() {
        let text = "加".repeat(100);
        let short = label(NodeKind::Task, Some(text));
        assert_eq!(short.chars().count(), TASK_LABEL_CHARS + 1);
        assert_eq!(label(NodeKind::Policy, Some("十九大".into())), "十九大");
    }
}
