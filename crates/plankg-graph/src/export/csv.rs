//! CSV for `neo4j-admin database import` (also fine for pandas): `nodes.csv` with
//! `:ID`, typed property columns and `:LABEL`; `edges.csv` with `:START_ID`,
//! `:END_ID`, `:TYPE` and properties. Arrays (years) are `;`-separated, Neo4j's
//! default array delimiter.

use std::collections::BTreeSet;
use std::io::Write;

use petgraph::visit::EdgeRef as _;

use super::ExportOptions;
use crate::error::ExportError;
use crate::graph::ViewGraph;

pub(crate) fn write_nodes(
    graph: &ViewGraph,
    options: &ExportOptions,
    out: impl Write,
) -> Result<(), ExportError> {
    let mut csv = csv::Writer::from_writer(out);
    let mut header = vec![
        "iri:ID".to_owned(),
        "label".into(),
        "type".into(),
        "year:int".into(),
        "region".into(),
        "years:int[]".into(),
    ];
    header.extend(
        options
            .scores
            .iter()
            .map(|score| format!("{}:double", score.name)),
    );
    header.push(":LABEL".into());
    csv.write_record(&header)?;
    let petgraph = graph.graph();
    for index in petgraph.node_indices() {
        let node = &petgraph[index];
        let mut record = vec![
            node.iri.clone(),
            node.label.clone(),
            node.kind.name().to_owned(),
            node.year().map(|year| year.to_string()).unwrap_or_default(),
            node.region.clone().unwrap_or_default(),
            join_years(&node.years),
        ];
        record.extend(options.scores.iter().map(|score| {
            score
                .values
                .get(index.index())
                .filter(|v| v.is_finite())
                .map(|v| format!("{v:?}"))
                .unwrap_or_default()
        }));
        record.push(node.kind.label().to_owned());
        csv.write_record(&record)?;
    }
    csv.flush()?;
    Ok(())
}

pub(crate) fn write_edges(graph: &ViewGraph, out: impl Write) -> Result<(), ExportError> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "interaction",
        "weight:double",
        "years:int[]",
    ])?;
    let petgraph = graph.graph();
    for edge in petgraph.edge_references() {
        let data = edge.weight();
        let relationship = data
            .interactions
            .iter()
            .map(|interaction| relationship_type(interaction))
            .collect::<Vec<_>>()
            .join("__");
        csv.write_record([
            petgraph[edge.source()].iri.as_str(),
            petgraph[edge.target()].iri.as_str(),
            &relationship,
            &data.interaction(),
            &format!("{:?}", data.weight),
            &join_years(&data.years),
        ])?;
    }
    csv.flush()?;
    Ok(())
}

/// Neo4j's relationship type convention: `citesPolicy` → `CITES_POLICY`.
fn relationship_type(interaction: &str) -> String {
    let mut name = String::with_capacity(interaction.len() + 4);
    for (i, c) in interaction.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            name.push('_');
        }
        name.extend(c.to_uppercase());
    }
    name
}

fn join_years(years: &BTreeSet<i32>) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(";")
}

#[cfg(test)]
mod tests {
    use super::relationship_type;

    #[test]
    fn relationship_types_are_upper_snake_case() {
        assert_eq!(relationship_type("citesPolicy"), "CITES_POLICY");
        assert_eq!(relationship_type("partOf"), "PART_OF");
    }
}
