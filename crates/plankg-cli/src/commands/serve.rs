//! `plankg serve`: the store as a SPARQL 1.1 endpoint.

use std::time::Duration;

use anyhow::Context as _;
use plankg_store::PlanStore;

use crate::cli::{GlobalArgs, ServeArgs};
use crate::server::{serve, ServerConfig};
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
    };
    serve(store, config, global.quiet)?;
    Ok(Outcome::Success)
}
