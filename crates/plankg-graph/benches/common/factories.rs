//! Synthetic views shaped like plankg's: documents citing a long-tailed set of
//! policies, and initiatives co-occurring in sections.

use std::collections::BTreeSet;

use plankg_graph::{Node, NodeKind, ViewGraph};

/// A deterministic linear congruential sequence (benches need no real randomness).
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % bound as u64).unwrap_or(0)
    }
}

fn add(
    graph: &mut ViewGraph,
    iri: String,
    kind: NodeKind,
    year: i32,
) -> petgraph::graph::NodeIndex {
    graph.add_node(Node {
        label: iri.clone(),
        iri,
        kind,
        years: BTreeSet::from([year]),
        region: None,
    })
}

/// The `policy` view of `documents` plans citing about 12 of `policies` policies
/// each, popular ones far more often (squared draw).
pub fn policy_view(documents: usize, policies: usize) -> ViewGraph {
    let mut graph = ViewGraph::new(true);
    let mut sequence = Sequence(7);
    let policy_nodes: Vec<_> = (0..policies)
        .map(|i| {
            add(
                &mut graph,
                format!("urn:policy:{i}"),
                NodeKind::Policy,
                2010,
            )
        })
        .collect();
    for d in 0..documents {
        let year = 2010 + i32::try_from(d % 15).unwrap_or(0);
        let doc = add(&mut graph, format!("urn:doc:{d}"), NodeKind::Document, year);
        for _ in 0..12 {
            let p = sequence.next(policies) * sequence.next(policies) / policies;
            graph.add_edge(doc, policy_nodes[p], "citesPolicy", 1.0, Some(year));
        }
    }
    for i in 1..policies / 10 {
        graph.add_edge(
            policy_nodes[i * 10],
            policy_nodes[i],
            "localizes",
            1.0,
            None,
        );
    }
    graph
}
