//! Finding input files: files given directly, and directories walked recursively in
//! sorted order so every run sees the same files in the same order.
//!
//! The walk never stops at a bad entry and never opens what is not a regular file:
//! FIFOs, sockets and devices, unreadable files and directories, symbolic link
//! loops and files over the size limit are each reported as [`Skipped`] while the
//! rest is collected. Hidden entries (`.git`, `.DS_Store`) and plankg stores (the
//! build's own and any other below an input) are left out without a word: they are
//! never plans.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

/// The size over which a file is skipped unless asked otherwise: 64 MiB, far over
/// any plan, so a disk image or a database dump among the plans is never read whole.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// One file to extract, with the path it is known by in outputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where the file is.
    pub path: PathBuf,
    /// Its path relative to the argument it was found under, with `/` separators
    /// (a file given directly: its file name).
    pub relative: String,
    /// The argument it was found under.
    pub root: PathBuf,
}

/// An entry of the inputs that was not collected, and why.
#[derive(Debug)]
pub struct Skipped {
    /// The entry.
    pub path: PathBuf,
    /// Why it was skipped.
    pub reason: SkipReason,
}

/// Why an input entry was skipped.
#[derive(Debug, thiserror::Error)]
pub enum SkipReason {
    /// It could not be listed or its metadata read (permissions, a dangling link).
    #[error("cannot be read: {0}")]
    Unreadable(io::Error),
    /// A FIFO, socket or device: reading one may block forever, so it is not opened.
    #[error("is a {0}, not a regular file (not opened)")]
    NotRegular(&'static str),
    /// A symbolic link back to a directory above it.
    #[error("is a symbolic link loop (back to {})", .0.display())]
    LinkLoop(PathBuf),
    /// Larger than the walk's size limit.
    #[error("is {size} bytes, over the limit of {limit} (--max-file-size)")]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

/// What a walk found: the files to extract, in order, and the entries skipped.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The regular files, each argument's in sorted order, arguments as given.
    pub files: Vec<InputFile>,
    /// The entries reported and left out.
    pub skipped: Vec<Skipped>,
}

/// How inputs are walked: the directories left out and the size limit.
#[derive(Debug, Clone)]
pub struct InputWalk {
    excluded: Vec<PathBuf>,
    max_file_size: u64,
}

impl Default for InputWalk {
    fn default() -> Self {
        Self {
            excluded: Vec::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

impl InputWalk {
    /// A walk with the default size limit and no directory left out but hidden
    /// ones and plankg stores.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Leaves out the directory `dir` (a store being built, say) wherever it is met,
    /// compared by its canonical path. A directory that does not exist is ignored.
    #[must_use]
    pub fn excluding(mut self, dir: &Path) -> Self {
        if let Ok(canonical) = fs::canonicalize(dir) {
            self.excluded.push(canonical);
        }
        self
    }

    /// Skips files larger than `bytes`.
    #[must_use]
    pub fn max_file_size(mut self, bytes: u64) -> Self {
        self.max_file_size = bytes;
        self
    }

    /// The files named by `paths`: files as given, directories walked recursively
    /// (symbolic links followed), each directory's entries sorted by name.
    #[must_use]
    pub fn collect(&self, paths: &[PathBuf]) -> Inputs {
        let mut inputs = Inputs::default();
        for root in paths {
            let walk = WalkDir::new(root)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|entry| entry.depth() == 0 || !self.left_out(entry));
            for entry in walk {
                match entry {
                    Ok(entry) => self.take(root, &entry, &mut inputs),
                    Err(err) => inputs.skipped.push(skipped_by(root, err)),
                }
            }
        }
        inputs
    }

    /// Whether a directory entry is left out without a report: hidden, excluded,
    /// or a plankg store.
    fn left_out(&self, entry: &DirEntry) -> bool {
        if entry.file_name().to_string_lossy().starts_with('.') {
            return true;
        }
        entry.file_type().is_dir() && (is_store(entry.path()) || self.is_excluded(entry.path()))
    }

    fn is_excluded(&self, dir: &Path) -> bool {
        !self.excluded.is_empty()
            && fs::canonicalize(dir).is_ok_and(|canonical| self.excluded.contains(&canonical))
    }

    /// Collects a regular file, reports a special one or one over the limit.
    fn take(&self, root: &Path, entry: &DirEntry, inputs: &mut Inputs) {
        let file_type = entry.file_type();
        if file_type.is_dir() {
            return;
        }
        if let Some(kind) = special_kind(file_type) {
            inputs.skipped.push(Skipped {
                path: entry.path().to_path_buf(),
                reason: SkipReason::NotRegular(kind),
            });
            return;
        }
        match entry.metadata() {
            Ok(meta) if meta.len() > self.max_file_size => inputs.skipped.push(Skipped {
                path: entry.path().to_path_buf(),
                reason: SkipReason::TooLarge {
                    size: meta.len(),
                    limit: self.max_file_size,
                },
            }),
            Ok(_) => inputs.files.push(InputFile {
                path: entry.path().to_path_buf(),
                relative: relative_path(root, entry.path()),
                root: root.to_path_buf(),
            }),
            Err(err) => inputs.skipped.push(skipped_by(root, err)),
        }
    }
}

/// The files named by `paths` with the default walk ([`InputWalk::collect`]).
#[must_use]
pub fn collect_inputs(paths: &[PathBuf]) -> Inputs {
    InputWalk::new().collect(paths)
}

/// Whether `dir` is a plankg store: RocksDB's files in its `rdf` folder (the
/// layout of plankg-store), with or without a build state yet.
fn is_store(dir: &Path) -> bool {
    dir.join("rdf").join("CURRENT").is_file()
}

/// The kind of a file that is neither a regular file nor a directory.
fn special_kind(file_type: fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return Some("FIFO");
        }
        if file_type.is_socket() {
            return Some("socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some("device");
        }
    }
    (!file_type.is_file()).then_some("special file")
}

/// The entry a walk error is about, with its reason.
fn skipped_by(root: &Path, err: walkdir::Error) -> Skipped {
    let path = err.path().unwrap_or(root).to_path_buf();
    let reason = match err.loop_ancestor() {
        Some(ancestor) => SkipReason::LinkLoop(ancestor.to_path_buf()),
        None => SkipReason::Unreadable(
            err.into_io_error()
                .unwrap_or_else(|| io::Error::other("cannot be walked")),
        ),
    };
    Skipped { path, reason }
}

/// `path` relative to the argument `root` with `/` separators; a file given
/// directly is known by its file name.
fn relative_path(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
        _ => path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("plankg-input-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn directories_are_walked_sorted_with_relative_paths() {
        let dir = scratch("sorted");
        fs::create_dir_all(dir.join("b")).unwrap();
        fs::create_dir_all(dir.join(".git")).unwrap();
        fs::write(dir.join("b/z.txt"), "x").unwrap();
        fs::write(dir.join("a.txt"), "x").unwrap();
        fs::write(dir.join(".hidden"), "x").unwrap();
        fs::write(dir.join(".git/HEAD"), "x").unwrap();
        let found = collect_inputs(std::slice::from_ref(&dir));
        let names: Vec<_> = found.files.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["a.txt", "b/z.txt"]);
        assert!(found.skipped.is_empty());
        let single = collect_inputs(&[dir.join("b/z.txt")]);
        assert_eq!(single.files[0].relative, "z.txt");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn stores_and_excluded_directories_are_left_out() {
        let dir = scratch("stores");
        for sub in ["plans", "store", "other-store"] {
            fs::create_dir_all(dir.join(sub)).unwrap();
        }
        fs::write(dir.join("plans/a.txt"), "x").unwrap();
        fs::write(dir.join("store/LOG"), "x").unwrap();
        fs::create_dir_all(dir.join("other-store/rdf")).unwrap();
        fs::write(dir.join("other-store/build.json"), "{}").unwrap();
        fs::write(dir.join("other-store/rdf/CURRENT"), "x").unwrap();
        let found = InputWalk::new()
            .excluding(&dir.join("store"))
            .collect(std::slice::from_ref(&dir));
        let names: Vec<_> = found.files.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["plans/a.txt"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn links_loops_missing_paths_and_large_files_are_reported_not_followed() {
        let dir = scratch("loops");
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("sub/plan.txt"), "x".repeat(10)).unwrap();
        fs::write(dir.join("big.txt"), "x".repeat(100)).unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("sub/up")).unwrap();
        std::os::unix::fs::symlink(dir.join("gone"), dir.join("dangling.txt")).unwrap();
        let found = InputWalk::new()
            .max_file_size(50)
            .collect(&[dir.clone(), dir.join("missing")]);
        let names: Vec<_> = found.files.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["sub/plan.txt"]);
        let reasons: Vec<String> = found
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.path.display(), s.reason))
            .collect();
        assert_eq!(reasons.len(), 4, "{reasons:?}");
        assert!(reasons
            .iter()
            .any(|r| r.contains("big.txt") && r.contains("over the limit")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("sub/up") && r.contains("loop")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("dangling.txt") && r.contains("cannot be read")));
        assert!(reasons
            .iter()
            .any(|r| r.contains("missing") && r.contains("cannot be read")));
        fs::remove_dir_all(&dir).unwrap();
    }
}
