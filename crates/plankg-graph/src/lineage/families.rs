//! The lineage graph in petgraph: tasks as nodes, their `continues` and `echoes`
//! links as edges from the later task to the earlier one. Two questions are asked
//! of it: where a task's chain of links leads back to (its first appearance), and
//! which tasks are connected by links at all (its family).

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;

use super::continuity::{Continuation, Relation};

/// Tasks `0..n` linked by continuations.
#[derive(Debug, Clone)]
pub struct LineageGraph {
    graph: DiGraph<(), Relation, u32>,
}

impl LineageGraph {
    /// The graph of `tasks` tasks (numbered as the links number them) and `links`.
    #[must_use]
    pub fn new(tasks: usize, links: &[Continuation]) -> Self {
        let mut graph = DiGraph::with_capacity(tasks, links.len());
        for _ in 0..tasks {
            graph.add_node(());
        }
        for link in links {
            if link.from < tasks && link.to < tasks {
                graph.add_edge(node(link.from), node(link.to), link.relation);
            }
        }
        Self { graph }
    }

    /// The task a task's chain leads back to: its `continues` link is followed
    /// (the same issuer's earlier plan), else its `echoes` link (another issuer's),
    /// until a task with neither. A task without links is its own first appearance.
    ///
    /// Links point to strictly earlier years, so the walk ends; its length is at
    /// most the number of years in the corpus.
    #[must_use]
    pub fn first_appearance(&self, task: usize) -> usize {
        let mut at = node(task);
        while let Some(next) = self.earlier(at) {
            at = next;
        }
        at.index()
    }

    /// The chain of a task back to its first appearance, the task itself first.
    #[must_use]
    pub fn chain(&self, task: usize) -> Vec<usize> {
        let mut at = node(task);
        let mut out = vec![task];
        while let Some(next) = self.earlier(at) {
            out.push(next.index());
            at = next;
        }
        out
    }

    /// The family of every task: tasks connected by links in either direction
    /// share a family, numbered by its smallest task. Linear in the links (a
    /// union-find over the edges).
    #[must_use]
    pub fn families(&self) -> Vec<usize> {
        let n = self.graph.node_count();
        let mut sets: UnionFind<usize> = UnionFind::new(n);
        for edge in self.graph.edge_references() {
            sets.union(edge.source().index(), edge.target().index());
        }
        let labels = sets.into_labeling();
        // Number each family by its smallest member, whatever the union order.
        let mut smallest = vec![usize::MAX; n];
        for (task, &root) in labels.iter().enumerate() {
            smallest[root] = smallest[root].min(task);
        }
        labels.iter().map(|&root| smallest[root]).collect()
    }

    /// The earlier task a task's chain goes to next, if any.
    fn earlier(&self, at: NodeIndex<u32>) -> Option<NodeIndex<u32>> {
        let mut echo = None;
        for edge in self.graph.edges(at) {
            match edge.weight() {
                Relation::Continues => return Some(edge.target()),
                Relation::Echoes => echo = Some(edge.target()),
            }
        }
        echo
    }
}

fn node(task: usize) -> NodeIndex<u32> {
    NodeIndex::new(task)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(from: usize, to: usize, relation: Relation) -> Continuation {
        Continuation {
            from,
            to,
            similarity: 0.8,
            relation,
        }
    }

    #[test]
    fn chains_prefer_continues_and_end_at_the_first_appearance() {
        // 3 continues 2 continues 1 echoes 0; 3 also echoes 4; 5 stands alone.
        let links = [
            link(3, 2, Relation::Continues),
            link(3, 4, Relation::Echoes),
            link(2, 1, Relation::Continues),
            link(1, 0, Relation::Echoes),
        ];
        let graph = LineageGraph::new(6, &links);
        assert_eq!(graph.chain(3), [3, 2, 1, 0]);
        assert_eq!(graph.first_appearance(3), 0);
        assert_eq!(graph.first_appearance(4), 4);
        assert_eq!(graph.first_appearance(5), 5);
        assert_eq!(graph.families(), [0, 0, 0, 0, 0, 5]);
    }
}
