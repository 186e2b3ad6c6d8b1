//! The fuzz corpus (fuzz/corpus/, grown by `scripts/fuzz.sh`) and every input a
//! fuzzer ever crashed or hung on (fuzz/regressions/) replayed through the readers:
//! each is read or refused, never a panic, and every span of the result holds.

mod common;

use std::path::{Path, PathBuf};

use plankg_extract::ExtractorBuilder;

use common::invariants::read_checked;

/// The fuzz targets and the file name each gives its input.
const TARGETS: [(&str, &str); 3] = [
    ("text", "input.txt"),
    ("html", "input.html"),
    ("docx", "input.docx"),
];

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

#[test]
fn every_corpus_input_and_regression_is_read_or_refused() {
    let extractor = ExtractorBuilder::new().build().unwrap();
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut read = 0;
    for (target, file_name) in TARGETS {
        for kind in ["corpus", "regressions"] {
            for path in files(&fuzz.join(kind).join(target)) {
                let bytes = std::fs::read(&path).unwrap();
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    read_checked(&extractor, &bytes, file_name)
                }));
                assert!(outcome.is_ok(), "{} broke the readers", path.display());
                read += 1;
            }
        }
    }
    assert!(
        read >= 100,
        "only {read} fuzz inputs found under {}",
        fuzz.display()
    );
}
