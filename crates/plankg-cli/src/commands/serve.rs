//! `plankg serve`: the store as a SPARQL 1.1 endpoint.

use std::time::Duration;

use anyhow::Context as _;
use plankg_store::PlanStore;

use crate::cli::{GlobalArgs, QueryWorkerArgs, ServeArgs};
use crate::server::{serve, worker, Limits, ServerConfig};
use crate::Outcome;

pub(crate) fn run(global: &GlobalArgs, args: &ServeArgs) -> anyhow::Result<Outcome> {
    let dir = &args.store.store;
    let store = if args.writable {
        PlanStore::open(dir)
    } else {
        PlanStore::open_read_only(dir)
    }
    .with_context(|| format!("cannot open the store {}", dir.display()))?;
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    let config = ServerConfig {
        bind: args.bind,
        timeout: Duration::from_secs_f64(args.timeout),
        max_rows: args.max_rows,
        max_body: args.max_body,
        writable: args.writable,
        max_concurrent: args
            .max_concurrent
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from))
            .max(1),
        store_dir: dir.clone(),
    };
    serve(store, config, global.quiet)?;
    Ok(Outcome::Success)
}

/// The internal `plankg query-worker` of a server.
pub(crate) fn run_worker(args: &QueryWorkerArgs) -> anyhow::Result<Outcome> {
    let limits = Limits {
        max_rows: args.max_rows,
        timeout: Duration::try_from_secs_f64(args.timeout)
            .context("--timeout must be a positive number of seconds")?,
    };
    worker::run(&args.store.store, limits)?;
    Ok(Outcome::Success)
}
