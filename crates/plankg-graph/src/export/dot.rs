//! Graphviz DOT: quoted and escaped ids and labels, a CJK-capable font (so Chinese
//! labels do not turn into boxes in PNG or PDF), clusters by type or year on request.

use std::collections::BTreeMap;
use std::io::{self, Write};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef as _;

use super::{DotClusters, ExportOptions};
use crate::graph::ViewGraph;

/// A font with Chinese glyphs (fonts-noto-cjk on Debian, bundled with macOS and
/// Windows installs of Noto; Graphviz falls back through fontconfig otherwise).
const FONT: &str = "Noto Sans CJK SC";

pub(crate) fn write(
    graph: &ViewGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (keyword, arrow) = if graph.is_directed() {
        ("digraph", "->")
    } else {
        ("graph", "--")
    };
    writeln!(out, "{keyword} {} {{", quote(&options.name))?;
    writeln!(out, r#"  graph [fontname="{FONT}", charset="UTF-8"];"#)?;
    writeln!(
        out,
        r#"  node [fontname="{FONT}", shape=box, style=rounded];"#
    )?;
    writeln!(out, r#"  edge [fontname="{FONT}", fontsize=9];"#)?;
    let petgraph = graph.graph();
    let mut clusters: BTreeMap<String, Vec<NodeIndex>> = BTreeMap::new();
    for index in petgraph.node_indices() {
        let node = &petgraph[index];
        let cluster = match options.clusters {
            DotClusters::None => None,
            DotClusters::Type => Some(node.kind.name().to_owned()),
            DotClusters::Year => node.year().map(|year| year.to_string()),
        };
        clusters
            .entry(cluster.unwrap_or_default())
            .or_default()
            .push(index);
    }
    for (cluster, nodes) in &clusters {
        let indent = if cluster.is_empty() { "  " } else { "    " };
        if !cluster.is_empty() {
            writeln!(
                out,
                "  subgraph {} {{",
                quote(&format!("cluster_{cluster}"))
            )?;
            writeln!(out, "    label={};", quote(cluster))?;
        }
        for &index in nodes {
            let node = &petgraph[index];
            writeln!(
                out,
                "{indent}{} [label={}, type={}];",
                quote(&node.iri),
                quote(&node.label),
                quote(node.kind.name())
            )?;
        }
        if !cluster.is_empty() {
            writeln!(out, "  }}")?;
        }
    }
    for edge in petgraph.edge_references() {
        let data = edge.weight();
        write!(
            out,
            "  {} {arrow} {} [interaction={}",
            quote(&petgraph[edge.source()].iri),
            quote(&petgraph[edge.target()].iri),
            quote(&data.interaction())
        )?;
        // dot takes integer weights only; ours count statements.
        if data.weight.fract() == 0.0 && data.weight >= 1.0 && data.weight < f64::from(u32::MAX) {
            write!(out, ", weight={}", data.weight)?;
        }
        writeln!(out, "];")?;
    }
    writeln!(out, "}}")
}

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks as `\n`.
fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => {}
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_escape_quotes_backslashes_and_newlines() {
        assert_eq!(quote("《\"双减\"》\\\n续"), "\"《\\\"双减\\\"》\\\\\\n续\"");
    }
}
