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

/// What the last build recorded: its base IRI and its counts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BuildState {
    /// The base IRI data IRIs were minted under; later builds must use the same.
    pub base: String,
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
}
