//! `plankg rank`: the nodes of a graph view ranked by a centrality measure.

use anyhow::Context as _;
use plankg_graph::{centrality, CentralityOptions, Measure, View};
use plankg_store::PlanStore;

use crate::cli::{GlobalArgs, RankArgs, RankFormat};
use crate::messages;
use crate::output;
use crate::Outcome;

pub(crate) fn run(global: &GlobalArgs, args: &RankArgs) -> anyhow::Result<Outcome> {
    let store = PlanStore::open_read_only(&args.store.store)?;
    let view = View::from(args.view);
    let graph = plankg_graph::load_view(&store, view, &(&args.filter).into())
        .with_context(|| format!("cannot project the {view} view"))?;
    if !global.quiet {
        messages::view_summary(view.name(), graph.node_count(), graph.edge_count());
    }
    let options = CentralityOptions {
        damping: args.damping,
        tolerance: args.tolerance,
        max_iterations: args.max_iterations,
        pivots: args.pivots,
        seed: args.seed,
    };
    let measure = Measure::from(args.measure);
    let scores = centrality::scores(&graph, measure, &options)?;
    let top = (args.top > 0).then_some(args.top);
    let rows = centrality::rank(&graph, &scores, args.node_type.kind(), top);
    match args.format {
        RankFormat::Json => output::write_json_array(&rows),
        RankFormat::Csv => output::write_csv(&rows),
        RankFormat::Table => {
            let header = ["rank", "score", "type", "label", "iri"].map(String::from);
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    vec![
                        row.rank.to_string(),
                        format!("{:.6}", row.score),
                        row.kind.to_string(),
                        row.label.clone(),
                        row.iri.clone(),
                    ]
                })
                .collect();
            output::write_table(&header, &table)
        }
    }?;
    Ok(Outcome::Success)
}
