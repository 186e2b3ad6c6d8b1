//! The build state: what the last build recorded about itself, one small JSON file
//! in the store directory, replaced (never appended to) by each build.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::StoreError;
use crate::store::PlanStore;

/// The file name of the build state inside a store directory.
const STATE_FILE: &str = "build.json";

/// The way document IRIs are made from source paths in stores this version writes:
/// each path is taken relative to the recorded [`SourceRoot`] holding it, under
/// that root's prefix. Stores without it (layout 0) took paths relative to the
/// argument of the build that read them, so two roots could share an IRI.
pub const SOURCE_LAYOUT: u32 = 1;

/// A directory whose files' source paths are taken relative to it, and the prefix
/// those paths get: its directory name, made unique among the store's roots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRoot {
    /// The directory, as an absolute path with symbolic links resolved.
    pub dir: PathBuf,
    /// The first segment of the source paths of the files below it.
    pub prefix: String,
}

/// What the last build recorded: its base IRI, the roots and inputs documents came
/// from, and its counts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BuildState {
    /// The base IRI data IRIs were minted under; later builds must use the same.
    pub base: String,
    /// How source paths became document IRIs ([`SOURCE_LAYOUT`] for this version).
    #[serde(default)]
    pub layout: u32,
    /// The roots source paths are relative to, in the order they were first built.
    #[serde(default)]
    pub roots: Vec<SourceRoot>,
    /// The files and directories builds were given (absolute), read again by every
    /// later build so the shared graphs describe every document in the store.
    #[serde(default)]
    pub inputs: Vec<PathBuf>,
    /// Documents whose graph was new.
    pub added: u64,
    /// Documents whose graph was replaced.
    pub updated: u64,
    /// Documents left as they were.
    pub unchanged: u64,
    /// Files that failed.
    pub failed: u64,
    /// Document graphs pruned.
    pub removed: u64,
    /// Quads in the store after the build.
    pub quads: u64,
    /// Documents whose text another document of the store holds (`pk:duplicateOf`).
    #[serde(default)]
    pub duplicates: u64,
}

impl BuildState {
    /// Records `dir` (absolute, links resolved) as a root unless a recorded root
    /// already holds it; a new root's prefix is its directory name, with `-2`,
    /// `-3`… appended when another root has it.
    pub fn add_root(&mut self, dir: &Path) {
        if self.roots.iter().any(|root| dir.starts_with(&root.dir)) {
            return;
        }
        let name = dir
            .file_name()
            .map_or_else(|| "root".to_owned(), |n| n.to_string_lossy().into_owned());
        let taken = |prefix: &str| self.roots.iter().any(|root| root.prefix == prefix);
        let prefix = (1..)
            .map(|n| {
                if n == 1 {
                    name.clone()
                } else {
                    format!("{name}-{n}")
                }
            })
            .find(|prefix| !taken(prefix))
            .unwrap_or(name);
        self.roots.push(SourceRoot {
            dir: dir.to_path_buf(),
            prefix,
        });
    }

    /// The source path of the file at `path` (absolute, below a root): the
    /// innermost root's prefix and the path below it, `/`-separated. `None` when
    /// no recorded root holds it.
    #[must_use]
    pub fn source_path(&self, path: &Path) -> Option<String> {
        let root = self
            .roots
            .iter()
            .filter(|root| path.starts_with(&root.dir))
            .max_by_key(|root| root.dir.components().count())?;
        let below = path.strip_prefix(&root.dir).ok()?;
        let mut source = root.prefix.clone();
        for part in below.components() {
            source.push('/');
            source.push_str(&part.as_os_str().to_string_lossy());
        }
        Some(source)
    }

    /// Records an input given to a build (absolute), unless it is recorded already.
    pub fn add_input(&mut self, input: &Path) {
        if !self.inputs.iter().any(|known| known == input) {
            self.inputs.push(input.to_path_buf());
        }
    }
}

/// Where the build state lives.
pub(crate) enum StateFile {
    /// `<store>/build.json`.
    OnDisk(PathBuf),
    /// In memory, for in-memory stores.
    InMemory(Mutex<Option<BuildState>>),
}

impl StateFile {
    /// The state file of the store directory `dir`.
    pub(crate) fn on_disk(dir: &Path) -> Self {
        Self::OnDisk(dir.join(STATE_FILE))
    }

    /// A state kept in memory.
    pub(crate) fn in_memory() -> Self {
        Self::InMemory(Mutex::new(None))
    }
}

impl PlanStore {
    /// The state the last completed build recorded, if any.
    ///
    /// # Errors
    /// [`StoreError::Io`] or [`StoreError::BuildState`] when the state file exists
    /// but cannot be read.
    pub fn build_state(&self) -> Result<Option<BuildState>, StoreError> {
        match &self.state {
            StateFile::InMemory(state) => Ok(lock(state).clone()),
            StateFile::OnDisk(path) => match fs::read(path) {
                Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|source| {
                    StoreError::BuildState {
                        path: path.clone(),
                        source,
                    }
                }),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(source) => Err(StoreError::Io {
                    path: path.clone(),
                    source,
                }),
            },
        }
    }

    /// Replaces the build state (written to a temporary file, then renamed over
    /// the old one, so a killed build leaves either state whole).
    ///
    /// # Errors
    /// [`StoreError::Io`] when the file cannot be written.
    pub fn set_build_state(&self, state: &BuildState) -> Result<(), StoreError> {
        match &self.state {
            StateFile::InMemory(cell) => {
                *lock(cell) = Some(state.clone());
                Ok(())
            }
            StateFile::OnDisk(path) => {
                let io_error = |source| StoreError::Io {
                    path: path.clone(),
                    source,
                };
                let json = serde_json::to_vec_pretty(state)
                    .map_err(io::Error::from)
                    .map_err(io_error)?;
                let tmp = path.with_extension("json.tmp");
                fs::write(&tmp, json).map_err(io_error)?;
                fs::rename(&tmp, path).map_err(io_error)
            }
        }
    }
}

/// Locks the in-memory state; a poisoned lock still holds a whole value.
fn lock(state: &Mutex<Option<BuildState>>) -> std::sync::MutexGuard<'_, Option<BuildState>> {
    state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_is_replaced_not_appended() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::open(dir.path()).unwrap();
        assert_eq!(store.build_state().unwrap(), None);
        let first = BuildState {
            base: "https://w3id.org/plankg/id/".into(),
            added: 5,
            ..BuildState::default()
        };
        store.set_build_state(&first).unwrap();
        let second = BuildState {
            unchanged: 5,
            ..first.clone()
        };
        store.set_build_state(&second).unwrap();
        assert_eq!(store.build_state().unwrap(), Some(second));
    }

    #[test]
    fn each_root_has_its_own_prefix_and_a_path_its_innermost_root() {
        let mut state = BuildState::default();
        state.add_root(Path::new("/data/a/plans"));
        state.add_root(Path::new("/data/b/plans"));
        state.add_root(Path::new("/data/a/plans/2021"));
        state.add_root(Path::new("/data/c"));
        let prefixes: Vec<_> = state.roots.iter().map(|r| r.prefix.as_str()).collect();
        assert_eq!(prefixes, ["plans", "plans-2", "c"]);
        let source = |p: &str| state.source_path(Path::new(p));
        assert_eq!(
            source("/data/a/plans/x.txt").as_deref(),
            Some("plans/x.txt")
        );
        assert_eq!(
            source("/data/b/plans/x.txt").as_deref(),
            Some("plans-2/x.txt")
        );
        assert_eq!(
            source("/data/a/plans/2021/y.txt").as_deref(),
            Some("plans/2021/y.txt")
        );
        assert_eq!(source("/elsewhere/x.txt"), None);
        // A root recorded inside a later, wider one keeps its files' paths.
        let mut state = BuildState::default();
        state.add_root(Path::new("/data/a/plans"));
        state.add_root(Path::new("/data/a"));
        assert_eq!(
            state
                .source_path(Path::new("/data/a/plans/x.txt"))
                .as_deref(),
            Some("plans/x.txt")
        );
        assert_eq!(
            state.source_path(Path::new("/data/a/notes.txt")).as_deref(),
            Some("a/notes.txt")
        );
    }
}
