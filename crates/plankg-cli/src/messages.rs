//! The one formatter of errors and warnings (stderr).

use std::path::{Path, PathBuf};

/// Whether the error is a closed stdout (`plankg … | head`), which counts as success.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Prints a fatal error with its cause chain.
pub(crate) fn fatal(err: &anyhow::Error) {
    eprintln!("plankg: {err:#}");
}

/// Prints a per-file error: `plankg: <file>: <message>`.
pub(crate) fn file_error(path: &Path, err: &anyhow::Error) {
    eprintln!("plankg: {}: {err:#}", path.display());
}

/// Prints an input entry the walk skipped: `plankg: <path>: skipped: <reason>`.
pub(crate) fn skipped_input(skipped: &plankg_extract::Skipped) {
    eprintln!(
        "plankg: {}: skipped: {}",
        skipped.path.display(),
        skipped.reason
    );
}

/// Warns that an input of an earlier build is gone.
pub(crate) fn earlier_input_gone(path: &Path) {
    eprintln!(
        "plankg: warning: {}: an earlier build read it, but it is gone; its documents stay in the store (build with --prune to remove them)",
        path.display()
    );
}

/// Prints the summary of skipped files at the end of a batch.
pub(crate) fn skipped_summary(failed: &[PathBuf], total: usize) {
    eprintln!(
        "plankg: {} of {total} files skipped: {}",
        failed.len(),
        failed
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
}

/// Prints the summary of a build: one `name: value` line each, aligned.
pub(crate) fn build_summary(lines: &[(String, String)]) {
    let width = lines.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    for (name, value) in lines {
        eprintln!("{name:>width$}: {value}");
    }
}

/// Warns of the documents whose year the party meetings they cite contradict
/// (each "path (year Y, text A–B)"), at most ten by name.
pub(crate) fn year_contradictions(documents: &[String]) {
    const NAMED: usize = 10;
    if documents.is_empty() {
        return;
    }
    let more = documents.len().saturating_sub(NAMED);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    eprintln!(
        "plankg: warning: {} documents have a year the party meetings they cite contradict (a retitled copy?): {}{tail}; query ontology/queries/year_contradicted_by_text.rq lists them all",
        documents.len(),
        documents[..documents.len().min(NAMED)].join(", ")
    );
}

/// Prints the size of a projected graph view.
pub(crate) fn view_summary(view: &str, nodes: usize, edges: usize) {
    eprintln!("plankg: view {view}: {nodes} nodes, {edges} edges");
}
