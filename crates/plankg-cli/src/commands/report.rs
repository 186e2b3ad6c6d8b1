//! `plankg report`: figures of the store in one self-contained HTML file.

use std::fs;

use anyhow::Context as _;
use plankg_store::PlanStore;

use crate::cli::{GlobalArgs, ReportArgs};
use crate::report::render;
use crate::Outcome;

pub(crate) fn run(global: &GlobalArgs, args: &ReportArgs) -> anyhow::Result<Outcome> {
    let dir = &args.store.store;
    let store = PlanStore::open_read_only(dir)
        .with_context(|| format!("cannot open the store {}", dir.display()))?;
    let html = render(&store, &args.title)?;
    fs::write(&args.out, html).with_context(|| format!("cannot write {}", args.out.display()))?;
    if !global.quiet {
        eprintln!("plankg: report written to {}", args.out.display());
    }
    Ok(Outcome::Success)
}
