//! Finding input files: files given directly, and directories walked recursively in
//! sorted order so every run sees the same files in the same order.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

/// The files named by `paths`: files as given, directories walked recursively
/// (hidden entries skipped), each directory's entries sorted by name.
///
/// # Errors
/// The first path that does not exist or cannot be listed, with its I/O error.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<InputFile>, (PathBuf, io::Error)> {
    let mut out = Vec::new();
    for root in paths {
        let meta = fs::metadata(root).map_err(|e| (root.clone(), e))?;
        if meta.is_dir() {
            walk(root, root, &mut out)?;
        } else {
            let relative = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| root.display().to_string());
            out.push(InputFile {
                path: root.clone(),
                relative,
                root: root.clone(),
            });
        }
    }
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<InputFile>) -> Result<(), (PathBuf, io::Error)> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| (dir.to_path_buf(), e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(root, &path, out)?;
        } else {
            let relative = path
                .strip_prefix(root)
                .map(|r| {
                    r.components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .unwrap_or_else(|_| path.display().to_string());
            out.push(InputFile {
                path,
                relative,
                root: root.to_path_buf(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_sorted_with_relative_paths() {
        let dir = std::env::temp_dir().join(format!("plankg-input-{}", std::process::id()));
        fs::create_dir_all(dir.join("b")).unwrap();
        fs::write(dir.join("b/z.txt"), "x").unwrap();
        fs::write(dir.join("a.txt"), "x").unwrap();
        fs::write(dir.join(".hidden"), "x").unwrap();
        let found = collect_inputs(std::slice::from_ref(&dir)).unwrap();
        let names: Vec<_> = found.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["a.txt", "b/z.txt"]);
        fs::remove_dir_all(&dir).unwrap();
    }
}
