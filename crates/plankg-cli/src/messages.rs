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

/// Prints the size of a projected graph view.
pub(crate) fn view_summary(view: &str, nodes: usize, edges: usize) {
    eprintln!("plankg: view {view}: {nodes} nodes, {edges} edges");
}
