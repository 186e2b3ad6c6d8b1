//! `plankg dump`: the store, or one graph of it, as N-Quads, TriG, Turtle or
//! N-Triples, for loading into other stores.

use std::fs::File;
use std::io::{self, BufWriter};

use anyhow::Context as _;
use plankg_store::model::NamedNode;
use plankg_store::{PlanStore, RdfFormat};

use crate::cli::{DumpArgs, DumpFormat};
use crate::output;
use crate::Outcome;

pub(crate) fn run(args: &DumpArgs) -> anyhow::Result<Outcome> {
    let graph = args
        .graph
        .as_deref()
        .map(NamedNode::new)
        .transpose()
        .context("--graph is not a valid IRI")?;
    let format = match args.format {
        DumpFormat::Nquads => RdfFormat::NQuads,
        DumpFormat::Trig => RdfFormat::TriG,
        DumpFormat::Turtle => RdfFormat::Turtle,
        DumpFormat::Ntriples => RdfFormat::NTriples,
    };
    let store = PlanStore::open_read_only(&args.store.store)?;
    match &args.out {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
            let writer = store
                .dump(
                    BufWriter::new(file),
                    format,
                    graph.as_ref(),
                    output::PREFIXES,
                )
                .with_context(|| path.display().to_string())?;
            writer
                .into_inner()
                .map_err(io::IntoInnerError::into_error)
                .and_then(|file| file.sync_all())
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => output::write_stream(|out| {
            store.dump(out, format, graph.as_ref(), output::PREFIXES)?;
            Ok(())
        })?,
    }
    Ok(Outcome::Success)
}
