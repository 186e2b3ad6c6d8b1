//! `plankg export`: a graph view as GraphML, GEXF, DOT, Cytoscape JSON or Neo4j CSV.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context as _;
use plankg_graph::{
    centrality, export, CentralityOptions, ExportFormat, ExportOptions, Measure, Score, View,
    ViewGraph,
};
use plankg_store::PlanStore;

use crate::cli::{ExportArgs, GlobalArgs};
use crate::messages;
use crate::Outcome;

/// The measures `--with-scores` adds to the nodes.
const SCORES: [Measure; 5] = [
    Measure::Degree,
    Measure::InDegree,
    Measure::OutDegree,
    Measure::PageRank,
    Measure::Betweenness,
];

pub(crate) fn run(global: &GlobalArgs, args: &ExportArgs) -> anyhow::Result<Outcome> {
    let store = PlanStore::open_read_only(&args.store.store)?;
    let view = View::from(args.view);
    let graph = plankg_graph::load_view(&store, view, &(&args.filter).into())
        .with_context(|| format!("cannot project the {view} view"))?;
    if !global.quiet {
        messages::view_summary(view.name(), graph.node_count(), graph.edge_count());
    }
    let options = ExportOptions {
        name: format!("plankg {view}"),
        scores: if args.with_scores {
            scores(&graph)?
        } else {
            Vec::new()
        },
        clusters: args.clusters.into(),
    };
    let format = ExportFormat::from(args.format);
    if format.is_one_stream() {
        match &args.out {
            Some(path) => {
                let file = create(path)?;
                export::write(format, &graph, &options, file)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            None => export::write(
                format,
                &graph,
                &options,
                BufWriter::new(io::stdout().lock()),
            )?,
        }
    } else {
        let dir = args.out.as_deref().unwrap_or(Path::new("."));
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let (nodes, edges) = (dir.join("nodes.csv"), dir.join("edges.csv"));
        export::write_csv(&graph, &options, create(&nodes)?, create(&edges)?)
            .with_context(|| format!("cannot write {} and {}", nodes.display(), edges.display()))?;
    }
    Ok(Outcome::Success)
}

fn scores(graph: &ViewGraph) -> anyhow::Result<Vec<Score>> {
    let options = CentralityOptions::default();
    SCORES
        .iter()
        .map(|&measure| {
            Ok(Score {
                name: measure.name().to_owned(),
                values: centrality::scores(graph, measure, &options)?,
            })
        })
        .collect()
}

fn create(path: &Path) -> anyhow::Result<impl Write> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(BufWriter::new(file))
}
