//! What the fuzz targets share: one extractor, built once, and the rules every
//! extraction must keep (the same file the replay test uses).

use std::sync::LazyLock;

use plankg_extract::{Extractor, ExtractorBuilder};

#[path = "../../crates/plankg-extract/tests/common/invariants.rs"]
mod invariants;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| ExtractorBuilder::new().build().expect("the embedded gazetteer"));

/// Reads `bytes` as a file named `file_name`: decoding, normalising, the structure
/// reader and the recognisers; panics when a rule of the result breaks.
pub fn read(bytes: &[u8], file_name: &str) {
    invariants::read_checked(&EXTRACTOR, bytes, file_name);
}
