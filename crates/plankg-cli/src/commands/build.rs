//! `plankg build`: plan files -> one named graph per document in the store, then
//! the shared entities graph, rewritten whole.
//!
//! Files are extracted in parallel, a chunk at a time, and each chunk is handed to
//! the store (new graphs through the bulk loader, changed ones replaced, unchanged
//! ones skipped by content hash). Every file is extracted on every build: the
//! entities graph is a function of all documents, not of the changed ones only.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use plankg_extract::{Extractor, InputFile, InputWalk};
use plankg_graph::lineage::LineageTimings;
use plankg_model::Document;
use plankg_rdf::{document_quads, EntityGraph, IriMinter, DEFAULT_BASE};
use plankg_store::model::NamedNode;
use plankg_store::{BuildState, DocumentQuads, LoadOutcome, PlanStore, SOURCE_LAYOUT};
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
    duplicates: u64,
    /// Entries of the inputs the walk reported and left out.
    skipped: u64,
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
    let mut state = start_state(&store, &args.store.store, args.base.as_deref())?;
    let base = state.base.clone();
    let minter = IriMinter::new(&base).with_context(|| format!("invalid base IRI {base}"))?;
    let walked = InputWalk::new()
        .excluding(&args.store.store)
        .max_file_size(args.walk.max_file_size)
        .collect(&read_paths(
            &mut state,
            &args.paths,
            args.prune,
            global.quiet,
        ));
    walked.skipped.iter().for_each(messages::skipped_input);
    let inputs = sources(&mut state, walked.files);
    // The roots are recorded before any document is loaded, so a build completing
    // an interrupted one gives every file the IRI the first gave it.
    store.set_build_state(&state)?;
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
                            contradicted.push(format!("{} ({note})", input.source));
                        }
                        entities.add_document(&input.source, &document);
                        batch.push(graph);
                    }
                }
                Err(err) => {
                    messages::file_error(&input.file.path, &err);
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
    tally.skipped = walked.skipped.len() as u64;
    let documents_time = started.elapsed();
    tally.duplicates = entities.duplicates() as u64;

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
        added: tally.added,
        updated: tally.updated,
        unchanged: tally.unchanged,
        failed: tally.failed,
        removed: tally.removed,
        quads: triples as u64,
        duplicates: tally.duplicates,
        ..state
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
    if failed.is_empty() && walked.skipped.is_empty() {
        Ok(Outcome::Success)
    } else {
        let paths: Vec<_> = walked
            .skipped
            .iter()
            .map(|s| s.path.clone())
            .chain(failed.iter().map(|f| f.file.path.clone()))
            .collect();
        messages::skipped_summary(&paths, inputs.len() + walked.skipped.len());
        Ok(Outcome::Partial)
    }
}

/// The state this build starts from: the store's recorded roots and inputs, with
/// the base IRI of this build (`--base`, else the one the store was built with,
/// else the default). A store keeps one base and one source layout: mixing two
/// would hold some documents under two IRIs.
fn start_state(store: &PlanStore, dir: &Path, asked: Option<&str>) -> anyhow::Result<BuildState> {
    let Some(state) = store.build_state()? else {
        return Ok(BuildState {
            base: asked.unwrap_or(DEFAULT_BASE).to_owned(),
            layout: SOURCE_LAYOUT,
            ..BuildState::default()
        });
    };
    if let Some(asked) = asked.filter(|asked| *asked != state.base) {
        anyhow::bail!(
            "the store was built with --base {}; build into a new store to use {asked}",
            state.base
        );
    }
    if state.layout != SOURCE_LAYOUT && !store.is_empty()? {
        anyhow::bail!(
            "{}: the store was built by an earlier plankg, whose document IRIs were paths relative to the build's arguments; remove the directory and build again (its documents would otherwise be held twice, under old and new IRIs)",
            dir.display()
        );
    }
    Ok(BuildState {
        layout: SOURCE_LAYOUT,
        ..state
    })
}

/// The paths this build reads: the ones given, and every input an earlier build
/// was given that they do not cover, so the shared graphs describe every document
/// of the store. An earlier input that is gone is said and left out (`--prune`
/// forgets it, and its documents go with the rest of the pruned).
fn read_paths(state: &mut BuildState, given: &[PathBuf], prune: bool, quiet: bool) -> Vec<PathBuf> {
    let mut paths = given.to_vec();
    let given: Vec<PathBuf> = given
        .iter()
        .filter_map(|path| fs::canonicalize(path).ok())
        .collect();
    let mut kept = Vec::new();
    for earlier in std::mem::take(&mut state.inputs) {
        if given.iter().any(|path| earlier.starts_with(path)) {
            kept.push(earlier);
        } else if earlier.exists() {
            paths.push(earlier.clone());
            kept.push(earlier);
        } else if !prune {
            if !quiet {
                messages::earlier_input_gone(&earlier);
            }
            kept.push(earlier);
        }
    }
    state.inputs = kept;
    for path in &given {
        state.add_input(path);
        let dir = if path.is_dir() {
            Some(path.as_path())
        } else {
            path.parent()
        };
        if let Some(dir) = dir {
            state.add_root(dir);
        }
    }
    paths
}

/// One file of the build with its source path: its path below the recorded root
/// holding it, under that root's prefix. It names the document's IRI.
struct Source {
    file: InputFile,
    source: String,
}

/// The files with their source paths. Every file lies below a root, since every
/// path read is an input recorded with its root; a file that cannot be placed (its
/// directory vanished during the walk) keeps its path as found, which no other
/// file has.
fn sources(state: &mut BuildState, files: Vec<InputFile>) -> Vec<Source> {
    // Each argument's absolute path, and whether it is a file given directly.
    let mut anchors: HashMap<PathBuf, Option<(PathBuf, bool)>> = HashMap::new();
    files
        .into_iter()
        .map(|file| {
            let anchor = anchors
                .entry(file.root.clone())
                .or_insert_with(|| {
                    let root = fs::canonicalize(&file.root).ok()?;
                    let is_file = root.is_file();
                    Some((root, is_file))
                })
                .clone();
            // The file's absolute path, below its argument as walked (links inside
            // a root keep the path they were found at).
            let absolute = anchor.map(|(root, is_file)| {
                if is_file {
                    root
                } else {
                    root.join(&file.relative)
                }
            });
            let source = absolute
                .and_then(|path| state.source_path(&path))
                .unwrap_or_else(|| file.path.display().to_string());
            Source { file, source }
        })
        .collect()
}

/// Extracts one file and turns each of its documents into its named graph.
fn graphs_of_file(
    extractor: &Extractor,
    minter: &IriMinter,
    input: &Source,
) -> anyhow::Result<Vec<(Document, DocumentQuads)>> {
    let bytes = fs::read(&input.file.path).context("cannot read the file")?;
    let name = input
        .file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let documents = extractor.extract(&bytes, &name)?;
    Ok(documents
        .into_iter()
        .map(|document| {
            let graph = minter.document(&input.source, document.index);
            // The store hashes the graph's own quads (the placeholder hash quad
            // is dropped): a document is unchanged exactly when its graph is,
            // whether the file, the extractor or the base changed.
            let quads = document_quads(&input.source, &document, "", minter);
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
    failed: &[&Source],
) -> anyhow::Result<Vec<NamedNode>> {
    let prefixes: Vec<String> = failed
        .iter()
        .map(|input| {
            let first = minter.document(&input.source, 0);
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
    if tally.skipped > 0 {
        lines.push(("skipped".to_owned(), tally.skipped.to_string()));
    }
    if tally.duplicates > 0 {
        lines.push(("duplicates".to_owned(), tally.duplicates.to_string()));
    }
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
