//! `plankg serve`: the SPARQL 1.1 Protocol at `/query` (also `/sparql`) and
//! `/update`, the Graph Store Protocol at `/store`, a service description and a
//! query page at `/`. Read-only unless started writable; every query runs in a
//! worker process under a timeout that stops it for certain (see [`pool`]).

mod evaluate;
mod handlers;
mod negotiate;
mod page;
mod pool;
mod response;
pub(crate) mod worker;

pub(crate) use evaluate::Limits;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use oxhttp::Server;
use plankg_store::PlanStore;

use pool::{WorkerCommand, WorkerPool};

/// Limits and switches of a running server.
#[derive(Debug, Clone)]
pub(crate) struct ServerConfig {
    /// Where to listen.
    pub(crate) bind: SocketAddr,
    /// Longest time a query may run before it is stopped (503).
    pub(crate) timeout: Duration,
    /// Most result rows a SELECT answer carries.
    pub(crate) max_rows: usize,
    /// Largest request body accepted, in bytes.
    pub(crate) max_body: usize,
    /// Whether updates and Graph Store writes are allowed.
    pub(crate) writable: bool,
    /// Most queries evaluated at once (worker processes); the rest wait up to their
    /// own deadline.
    pub(crate) max_concurrent: usize,
    /// The store directory (the workers open it read-only).
    pub(crate) store_dir: PathBuf,
}

/// Serves `store` until the process is stopped.
pub(crate) fn serve(store: PlanStore, config: ServerConfig, quiet: bool) -> anyhow::Result<()> {
    let program = std::env::current_exe().context("cannot find the plankg binary")?;
    let pool = WorkerPool::start(
        WorkerCommand {
            program,
            store: config.store_dir.clone(),
            max_rows: config.max_rows,
            timeout: config.timeout,
            quiet,
        },
        config.max_concurrent,
    )
    .context("cannot start the query workers")?;
    let store = Arc::new(store);
    let pool = Arc::new(pool);
    let bind = config.bind;
    let config = Arc::new(config);
    let server = Server::new(move |request| handlers::handle(&store, &pool, &config, request))
        .bind(bind)
        .with_server_name(concat!("plankg/", env!("CARGO_PKG_VERSION")))?
        .with_global_timeout(Duration::from_secs(600))
        .with_max_concurrent_connections(256)
        .spawn()
        .map_err(|e| anyhow::anyhow!("cannot listen on {bind}: {e}"))?;
    if !quiet {
        eprintln!("plankg: serving SPARQL on http://{bind}/query (page: http://{bind}/)");
    }
    server.join()?;
    Ok(())
}
