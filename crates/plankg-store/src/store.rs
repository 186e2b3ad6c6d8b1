//! Opening a store: the directory layout, the writer lock, read-only and in-memory
//! stores.

use std::fs;
use std::path::{Path, PathBuf};

use oxigraph::store::{StorageError, Store};

use crate::error::StoreError;
use crate::state::StateFile;

/// The sub-directory of a store directory that holds RocksDB.
const RDF_DIR: &str = "rdf";

/// An oxigraph store with one named graph per plan document.
///
/// Cheap to share by reference between threads; writes are serialised by oxigraph.
pub struct PlanStore {
    pub(crate) store: Store,
    pub(crate) state: StateFile,
    read_only: bool,
}

impl PlanStore {
    /// Opens the store in `dir` for reading and writing, creating it when missing.
    ///
    /// # Errors
    /// [`StoreError::Locked`] when another process has it open for writing (the lock
    /// is RocksDB's operating-system lock, so a killed writer leaves none behind);
    /// [`StoreError::Io`] when the directory cannot be created;
    /// [`StoreError::Storage`] when RocksDB cannot open it.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        let dir = dir.as_ref();
        fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let store = Store::open(dir.join(RDF_DIR)).map_err(|e| open_error(dir, e))?;
        Ok(Self {
            store,
            state: StateFile::on_disk(dir),
            read_only: false,
        })
    }

    /// Opens the store in `dir` for reading only, beside a possible writer.
    ///
    /// The store is seen as it was when opened.
    ///
    /// # Errors
    /// [`StoreError::Missing`] when `dir` holds no store; [`StoreError::Storage`]
    /// when RocksDB cannot open it.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        let dir = dir.as_ref();
        let rdf = dir.join(RDF_DIR);
        if !rdf.join("CURRENT").is_file() {
            return Err(StoreError::Missing {
                path: dir.to_owned(),
            });
        }
        let store = Store::open_read_only(rdf).map_err(|e| open_error(dir, e))?;
        Ok(Self {
            store,
            state: StateFile::on_disk(dir),
            read_only: true,
        })
    }

    /// A store in memory, for tests and one-off conversions.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if oxigraph cannot set it up.
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(Self {
            store: Store::new()?,
            state: StateFile::in_memory(),
            read_only: false,
        })
    }

    /// Whether the store was opened read-only.
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The number of quads in all graphs.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    /// Whether the store holds no quad.
    ///
    /// # Errors
    /// [`StoreError::Storage`] if the store cannot be read.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// Writes pending changes to disk (a no-op in memory).
    ///
    /// # Errors
    /// [`StoreError::Storage`] if RocksDB cannot flush.
    pub fn flush(&self) -> Result<(), StoreError> {
        if self.read_only {
            return Ok(());
        }
        Ok(self.store.flush()?)
    }
}

/// Turns RocksDB's "lock file" report into [`StoreError::Locked`].
fn open_error(dir: &Path, error: StorageError) -> StoreError {
    // RocksDB reports a held LOCK as an I/O error whose message names the lock file
    // ("While lock file: …/LOCK: Resource temporarily unavailable" from another
    // process, "lock hold by current process" from this one).
    let is_lock = matches!(&error, StorageError::Io(io) if io.to_string().contains("lock"));
    if is_lock {
        StoreError::Locked {
            path: PathBuf::from(dir),
            source: error,
        }
    } else {
        StoreError::Storage(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_gets_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let _first = PlanStore::open(dir.path()).unwrap();
        let Err(err) = PlanStore::open(dir.path()) else {
            panic!("a second writer opened the store");
        };
        assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
        assert!(err.to_string().contains("open for writing"));
    }

    #[test]
    fn a_reader_opens_beside_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let _writer = PlanStore::open(dir.path()).unwrap();
        let reader = PlanStore::open_read_only(dir.path()).unwrap();
        assert!(reader.is_read_only());
        assert!(reader.is_empty().unwrap());
    }

    #[test]
    fn reading_a_missing_store_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let Err(err) = PlanStore::open_read_only(dir.path().join("none")) else {
            panic!("opened a missing store");
        };
        assert!(matches!(err, StoreError::Missing { .. }), "{err:?}");
    }
}
