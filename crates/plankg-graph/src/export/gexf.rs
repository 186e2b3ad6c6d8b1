//! GEXF 1.3, `mode="dynamic"`: each node and edge carries spells (runs of the years it
//! is present in, integer time, closed intervals), so Gephi's timeline plays the view
//! year by year. Nodes and edges without a year (structural links) have no spells
//! and are always present.

use std::collections::BTreeSet;
use std::io::{self, Write};

use petgraph::visit::EdgeRef as _;

use super::xml::escape;
use super::ExportOptions;
use crate::graph::ViewGraph;

pub(crate) fn write(
    graph: &ViewGraph,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(
        out,
        "  <meta>\n    <creator>plankg</creator>\n    <description>{}</description>\n  </meta>",
        escape(&options.name)
    )?;
    let edge_type = if graph.is_directed() {
        "directed"
    } else {
        "undirected"
    };
    writeln!(
        out,
        r#"  <graph mode="dynamic" defaultedgetype="{edge_type}" timeformat="integer" timerepresentation="interval">"#
    )?;
    writeln!(out, r#"    <attributes class="node" mode="static">"#)?;
    let node_attributes = [
        ("type", "string"),
        ("year", "integer"),
        ("region", "string"),
        ("iri", "string"),
    ];
    for (id, kind) in node_attributes {
        writeln!(
            out,
            r#"      <attribute id="{id}" title="{id}" type="{kind}"/>"#
        )?;
    }
    for (i, score) in options.scores.iter().enumerate() {
        writeln!(
            out,
            r#"      <attribute id="score{i}" title="{}" type="double"/>"#,
            escape(&score.name)
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, r#"    <attributes class="edge" mode="static">"#)?;
    writeln!(
        out,
        r#"      <attribute id="interaction" title="interaction" type="string"/>"#
    )?;
    writeln!(out, "    </attributes>")?;

    let petgraph = graph.graph();
    writeln!(out, "    <nodes>")?;
    for index in petgraph.node_indices() {
        let node = &petgraph[index];
        let iri = escape(&node.iri);
        writeln!(
            out,
            r#"      <node id="{iri}" label="{}">"#,
            escape(&node.label)
        )?;
        writeln!(out, "        <attvalues>")?;
        writeln!(
            out,
            r#"          <attvalue for="type" value="{}"/>"#,
            node.kind
        )?;
        if let Some(year) = node.year() {
            writeln!(out, r#"          <attvalue for="year" value="{year}"/>"#)?;
        }
        if let Some(region) = &node.region {
            writeln!(
                out,
                r#"          <attvalue for="region" value="{}"/>"#,
                escape(region)
            )?;
        }
        writeln!(out, r#"          <attvalue for="iri" value="{iri}"/>"#)?;
        for (i, score) in options.scores.iter().enumerate() {
            if let Some(value) = score.values.get(index.index()).filter(|v| v.is_finite()) {
                writeln!(
                    out,
                    r#"          <attvalue for="score{i}" value="{value:?}"/>"#
                )?;
            }
        }
        writeln!(out, "        </attvalues>")?;
        write_spells(out, &node.years, "        ")?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for edge in petgraph.edge_references() {
        let data = edge.weight();
        writeln!(
            out,
            r#"      <edge id="{}" source="{}" target="{}" weight="{:?}">"#,
            edge.id().index(),
            escape(&petgraph[edge.source()].iri),
            escape(&petgraph[edge.target()].iri),
            data.weight
        )?;
        writeln!(
            out,
            r#"        <attvalues>
          <attvalue for="interaction" value="{}"/>
        </attvalues>"#,
            escape(&data.interaction())
        )?;
        write_spells(out, &data.years, "        ")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}

/// Writes `<spells>` with one closed interval per run of consecutive years.
fn write_spells(out: &mut dyn Write, years: &BTreeSet<i32>, indent: &str) -> io::Result<()> {
    if years.is_empty() {
        return Ok(());
    }
    writeln!(out, "{indent}<spells>")?;
    for (start, end) in runs(years) {
        writeln!(out, r#"{indent}  <spell start="{start}" end="{end}"/>"#)?;
    }
    writeln!(out, "{indent}</spells>")
}

/// Runs of consecutive years: {2018, 2019, 2021} → [(2018, 2019), (2021, 2021)].
fn runs(years: &BTreeSet<i32>) -> Vec<(i32, i32)> {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &year in years {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == year => *end = year,
            _ => runs.push((year, year)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_years_make_one_spell() {
        let years = BTreeSet::from([2018, 2019, 2021, 2023, 2024]);
        assert_eq!(runs(&years), [(2018, 2019), (2021, 2021), (2023, 2024)]);
    }
}
