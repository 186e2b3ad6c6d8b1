//! `plankg build`: plan files -> one named graph per document in the store, then
//! the shared entities graph, rewritten whole.
//!
//! Files are extracted in parallel, a chunk at a time, and each chunk is handed to
//! the store (new graphs through the bulk loader, changed ones replaced, unchanged
//! ones skipped by content hash). Every file is extracted on every build: the
//! entities graph is a function of all documents, not of the changed ones only.

use std::collections::HashSet;
use std::fs;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use plankg_extract::{collect_inputs, Extractor, InputFile};
use plankg_graph::lineage::LineageTimings;
use plankg_model::Document;
use plankg_rdf::{document_quads, EntityGraph, IriMinter, DEFAULT_BASE};
use plankg_store::model::NamedNode;
use plankg_store::{BuildState, DocumentQuads, LoadOutcome, PlanStore};
use rayon::prelude::*;

use crate::cli::{BuildArgs, GlobalArgs};
use crate::commands::extract::build_extractor;
use crate::commands::stats::entity_counts;
use crate::messages;
use crate::progress::Progress;
use crate::Outcome;

/// Files extracted between two loads: enough to keep the cores and the bulk
/// loader busy, few enough to bound memory.
const FILES_PER_CHUNK: usize = 256;

/// What the build did, for the summary and the build state.
#[derive(Debug, Default)]
struct Tally {
    added: u64,
    updated: u64,
    unchanged: u64,
    failed: u64,
    removed: u64,
}

impl Tally {
    fn count(&mut self, outcome: LoadOutcome) {
        match outcome {
            LoadOutcome::Inserted => self.added += 1,
            LoadOutcome::Replaced => self.updated += 1,
            _ => self.unchanged += 1,
        }
    }

    fn documents(&self) -> u64 {
        self.added + self.updated + self.unchanged
    }
}

pub(crate) fn run(global: &GlobalArgs, args: &BuildArgs) -> anyhow::Result<Outcome> {
    // The store exists before extraction starts, so an interrupted build leaves a
    // store that opens and answers.
    let store = PlanStore::open(&args.store.store)?;
    let base = base_iri(&store, args.base.as_deref())?;
    let minter = IriMinter::new(&base).with_context(|| format!("invalid base IRI {base}"))?;
    if store.build_state()?.is_none() {
        // Record the base at once, so a build completing an interrupted one uses it.
        store.set_build_state(&BuildState {
            base: base.clone(),
            ..BuildState::default()
        })?;
    }
    let inputs = collect_inputs(&args.paths)
        .map_err(|(path, err)| anyhow::Error::new(err).context(path.display().to_string()))?;
    let extractor = build_extractor(global, None)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;

    let started = Instant::now();
    let progress = Progress::new(global.quiet, inputs.len() as u64, "building");
    let mut tally = Tally::default();
    let mut entities = EntityGraph::new(&minter);
    let mut keep: HashSet<NamedNode> = HashSet::new();
    let mut failed = Vec::new();
    let mut contradicted: Vec<String> = Vec::new();
    for chunk in inputs.chunks(FILES_PER_CHUNK) {
        let results: Vec<anyhow::Result<Vec<(Document, DocumentQuads)>>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| graphs_of_file(&extractor, &minter, input))
                .collect()
        });
        let mut batch = Vec::new();
        for (input, result) in chunk.iter().zip(results) {
            match result {
                Ok(documents) => {
                    for (document, graph) in documents {
                        if let Some(note) = year_contradiction(&document) {
                            contradicted.push(format!("{} ({note})", input.relative));
                        }
                        entities.add_document(&input.relative, &document);
                        batch.push(graph);
                    }
                }
                Err(err) => {
                    messages::file_error(&input.path, &err);
                    failed.push(input);
                }
            }
            progress.inc();
        }
        keep.extend(batch.iter().map(|d| d.graph().clone()));
        if let Some(limit) = args.abort_after {
            abort_after(&store, &batch, limit, tally.documents(), args.jobs)?;
        }
        for outcome in store.bulk_load(&batch, args.jobs)? {
            tally.count(outcome);
        }
    }
    progress.finish();
    tally.failed = failed.len() as u64;
    let documents_time = started.elapsed();

    store.replace_graph(&minter.graph_entities(), &entities.into_quads())?;
    if args.prune {
        keep.extend(graphs_of_failed(&store, &minter, &failed)?);
        tally.removed = store.prune(&keep)?.len() as u64;
    }
    // Lineage and the text index are functions of the whole document set, so they
    // are recomputed from the store after every document graph is in place.
    let entities_time = started.elapsed() - documents_time;
    let index_dir = plankg_graph::text_index::TextIndex::dir_of_store(&args.store.store);
    let lineage = plankg_graph::lineage::rebuild(&store, &minter, &index_dir)?;
    store.flush()?;
    let triples = store.len()?;
    store.set_build_state(&BuildState {
        base,
        added: tally.added,
        updated: tally.updated,
        unchanged: tally.unchanged,
        failed: tally.failed,
        removed: tally.removed,
        quads: triples as u64,
    })?;
    if !global.quiet {
        let mut lines = summary(&tally, triples, &entity_counts(&store)?);
        lines.push((
            "time".to_owned(),
            times(documents_time, entities_time, &lineage.timings),
        ));
        messages::build_summary(&lines);
        messages::year_contradictions(&contradicted);
    }
    if failed.is_empty() {
        Ok(Outcome::Success)
    } else {
        let paths: Vec<_> = failed.iter().map(|f| f.path.clone()).collect();
        messages::skipped_summary(&paths, inputs.len());
        Ok(Outcome::Partial)
    }
}

/// The base IRI of this build: `--base`, else the one the store was built with,
/// else the default. A store keeps one base: mixing two would duplicate every
/// document under two IRIs.
fn base_iri(store: &PlanStore, asked: Option<&str>) -> anyhow::Result<String> {
    let stored = store.build_state()?.map(|state| state.base);
    match (asked, stored) {
        (Some(asked), Some(stored)) if asked != stored => anyhow::bail!(
            "the store was built with --base {stored}; build into a new store to use {asked}"
        ),
        (Some(asked), _) => Ok(asked.to_owned()),
        (None, Some(stored)) => Ok(stored),
        (None, None) => Ok(DEFAULT_BASE.to_owned()),
    }
}

/// Extracts one file and turns each of its documents into its named graph.
fn graphs_of_file(
    extractor: &Extractor,
    minter: &IriMinter,
    input: &InputFile,
) -> anyhow::Result<Vec<(Document, DocumentQuads)>> {
    let bytes = fs::read(&input.path).context("cannot read the file")?;
    let name = input
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let documents = extractor.extract(&bytes, &name)?;
    Ok(documents
        .into_iter()
        .map(|document| {
            let graph = minter.document(&input.relative, document.index);
            // The store hashes the graph's own quads (the placeholder hash quad
            // is dropped): a document is unchanged exactly when its graph is,
            // whether the file, the extractor or the base changed.
            let quads = document_quads(&input.relative, &document, "", minter);
            (document, DocumentQuads::new(graph, quads))
        })
        .collect())
}

/// Test-only (`--abort-after N`): loads the documents up to the N-th and kills the
/// process the way a signal would, without unwinding or closing the store.
fn abort_after(
    store: &PlanStore,
    batch: &[DocumentQuads],
    limit: usize,
    done: u64,
    jobs: Option<usize>,
) -> anyhow::Result<()> {
    let done = usize::try_from(done).unwrap_or(usize::MAX);
    if done + batch.len() < limit {
        return Ok(());
    }
    let take = limit.saturating_sub(done).min(batch.len());
    store.bulk_load(&batch[..take], jobs)?;
    std::process::abort();
}

/// The document graphs of files that failed this time: kept by `--prune`, since
/// their sources are not gone. Document IRIs are `{base}doc/{path}/{index}`.
fn graphs_of_failed(
    store: &PlanStore,
    minter: &IriMinter,
    failed: &[&InputFile],
) -> anyhow::Result<Vec<NamedNode>> {
    let prefixes: Vec<String> = failed
        .iter()
        .map(|input| {
            let first = minter.document(&input.relative, 0);
            first.as_str().trim_end_matches('0').to_owned()
        })
        .collect();
    Ok(store
        .document_graphs()?
        .into_iter()
        .filter(|graph| {
            prefixes
                .iter()
                .any(|p| graph.as_str().starts_with(p.as_str()))
        })
        .collect())
}

/// "2017, text 2009–2012" when the party meetings a document cites date its text
/// to years that do not include its plan year.
fn year_contradiction(document: &Document) -> Option<String> {
    let (year, range) = (document.year?, document.evidence_years?);
    if range.contains(year) {
        return None;
    }
    let to = range.to.map_or_else(String::new, |to| to.to_string());
    Some(format!("year {year}, text {}–{to}", range.from))
}

/// Where a build's time went, as one line of the summary.
fn times(documents: Duration, entities: Duration, lineage: &LineageTimings) -> String {
    let s = |d: Duration| format!("{:.1} s", d.as_secs_f64());
    format!(
        "documents {}, entities and pruning {}, lineage: reading {}, linking {}, graph {}, text index {}",
        s(documents),
        s(entities),
        s(lineage.read),
        s(lineage.link),
        s(lineage.graph),
        s(lineage.index),
    )
}

/// The lines of the summary printed at the end of a build.
fn summary(tally: &Tally, triples: usize, counts: &[(String, u64)]) -> Vec<(String, String)> {
    let mut lines = vec![
        ("added".to_owned(), tally.added.to_string()),
        ("updated".to_owned(), tally.updated.to_string()),
        ("unchanged".to_owned(), tally.unchanged.to_string()),
        ("failed".to_owned(), tally.failed.to_string()),
    ];
    if tally.removed > 0 {
        lines.push(("removed".to_owned(), tally.removed.to_string()));
    }
    lines.push(("triples".to_owned(), triples.to_string()));
    let wanted = [
        "documents",
        "policies",
        "initiatives",
        "units",
        "schools",
        "targets",
    ];
    lines.extend(
        counts
            .iter()
            .filter(|(kind, _)| wanted.contains(&kind.as_str()))
            .map(|(kind, n)| (kind.clone(), n.to_string())),
    );
    lines
}
