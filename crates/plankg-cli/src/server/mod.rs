//! `plankg serve`: the SPARQL 1.1 Protocol at `/query` (also `/sparql`) and
//! `/update`, the Graph Store Protocol at `/store`, a service description and a
//! query page at `/`. Read-only unless started writable; every query runs under a
//! timeout that stops the evaluation itself.

mod handlers;
mod negotiate;
mod page;
mod response;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use oxhttp::Server;
use plankg_store::PlanStore;

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
}

/// Serves `store` until the process is stopped.
pub(crate) fn serve(store: PlanStore, config: ServerConfig, quiet: bool) -> anyhow::Result<()> {
    let store = Arc::new(store);
    let bind = config.bind;
    let config = Arc::new(config);
    let server = Server::new(move |request| handlers::handle(&store, &config, request))
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
