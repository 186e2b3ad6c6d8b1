//! `plankg cascade POLICY`: the tree of local policies under a higher one.

use std::io::{self, Write};

use plankg_graph::lineage::{cascade, CascadeNode, CascadeReport};
use plankg_store::PlanStore;

use crate::cli::{CascadeArgs, CascadeFormat};
use crate::output;
use crate::Outcome;

pub(crate) fn run(args: &CascadeArgs) -> anyhow::Result<Outcome> {
    let store = PlanStore::open_read_only(&args.store.store)?;
    let report = cascade(&store, &args.policy, args.issuer.as_deref())?;
    match args.format {
        CascadeFormat::Json => output::write_json_one_or_array(&[&report])?,
        CascadeFormat::Table => write_tree(&report)?,
    }
    Ok(Outcome::Success)
}

/// The tree, indented, each policy followed by the plans citing it.
fn write_tree(report: &CascadeReport) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match &report.root {
        None => {
            writeln!(out, "{}: no such policy", report.query)?;
            if !report.suggestions.is_empty() {
                writeln!(out, "did you mean: {}", report.suggestions.join(", "))?;
            }
        }
        Some(root) => node(&mut out, root, 0)?,
    }
    out.flush()
}

fn node(out: &mut impl Write, n: &CascadeNode, depth: usize) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    let arrow = if depth == 0 { "" } else { "└ " };
    let level = n
        .level
        .as_deref()
        .map(|l| format!(" [{l}]"))
        .unwrap_or_default();
    writeln!(out, "{indent}{arrow}《{}》{level}", n.label)?;
    for d in &n.documents {
        let year = d.year.map_or_else(|| "----".to_owned(), |y| y.to_string());
        writeln!(
            out,
            "{indent}    · {year} {} {} ({})",
            d.region.as_deref().unwrap_or("-"),
            d.title.as_deref().unwrap_or(&d.document),
            d.issuer.as_deref().unwrap_or("-")
        )?;
    }
    for child in &n.children {
        node(out, child, depth + 1)?;
    }
    Ok(())
}
