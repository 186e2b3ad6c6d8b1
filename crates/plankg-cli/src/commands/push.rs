//! `plankg push`: every named graph to another triple store.

use anyhow::Context as _;
use plankg_store::{Credentials, GraphOutcome, PlanStore, PushOptions, PushRecords};

use crate::cli::{GlobalArgs, PushArgs};
use crate::progress::Progress;
use crate::Outcome;

/// The file inside the store directory that records what was pushed where.
const PUSH_RECORDS: &str = "push-records.json";

pub(crate) fn run(global: &GlobalArgs, args: &PushArgs) -> anyhow::Result<Outcome> {
    let dir = &args.store.store;
    let store = PlanStore::open_read_only(dir)
        .with_context(|| format!("cannot open the store {}", dir.display()))?;
    let graph_store = args
        .graph_store
        .clone()
        .unwrap_or_else(|| args.endpoint.clone());
    let options = PushOptions {
        graph_store: graph_store.clone(),
        credentials: args
            .user
            .clone()
            .zip(args.password.clone())
            .map(|(user, password)| Credentials { user, password }),
        since: args.since,
        retries: args.retries,
    };
    let records_path = dir.join(PUSH_RECORDS);
    let mut records = PushRecords::load(&records_path)?;
    let mut record = records
        .remotes
        .get(&graph_store)
        .cloned()
        .unwrap_or_default();
    let total = store.named_graph_count()?;
    let progress = Progress::new(global.quiet, total as u64, "pushing");
    let report = store
        .push(&options, &mut record, |_| progress.inc())
        .with_context(|| format!("push to {graph_store} failed"))?;
    progress.finish();
    records.remotes.insert(graph_store.clone(), record);
    records.save(&records_path)?;

    let failed: Vec<_> = report
        .graphs
        .iter()
        .filter_map(|(graph, outcome)| match outcome {
            GraphOutcome::Failed(reason) => Some((graph, reason)),
            _ => None,
        })
        .collect();
    for (graph, reason) in &failed {
        eprintln!("plankg: push of <{graph}> failed: {reason}");
    }
    if !global.quiet {
        eprintln!(
            "pushed to {graph_store}\n  sent: {}\n  unchanged: {}\n  deleted: {}\n  failed: {}\n  triples sent: {}",
            report.count(|o| matches!(o, GraphOutcome::Sent(_))),
            report.count(|o| matches!(o, GraphOutcome::Unchanged)),
            report.count(|o| matches!(o, GraphOutcome::Deleted)),
            failed.len(),
            report.triples_sent(),
        );
    }
    Ok(if failed.is_empty() {
        Outcome::Success
    } else {
        Outcome::Partial
    })
}
