//! Helpers shared by the end-to-end tests.

use std::path::{Path, PathBuf};
use std::process::{Command as ProcessCommand, Output};

use assert_cmd::Command;

/// The `plankg` binary under test.
pub fn plankg() -> Command {
    Command::cargo_bin("plankg").unwrap()
}

/// Runs a configured `plankg` command, asserts that it succeeded (showing its
/// stderr when it did not) and returns its output.
pub fn succeed(command: &mut Command) -> Output {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The repository root (where data/ and ontology/ are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A sample plan by file name.
pub fn sample(name: &str) -> PathBuf {
    root().join("data/plans").join(name)
}

/// Copies the task-table fixtures of plankg-extract (its .txt and .html plans, not
/// their notes) into `dir`; how many were copied.
pub fn copy_table_fixtures(dir: &Path) -> usize {
    copy_extract_fixtures("tables", dir)
}

/// Copies the plans (.txt and .html, not their notes) of one folder of
/// plankg-extract's test fixtures into `dir`; how many were copied.
pub fn copy_extract_fixtures(folder: &str, dir: &Path) -> usize {
    let fixtures = root()
        .join("crates/plankg-extract/tests/fixtures")
        .join(folder);
    std::fs::create_dir_all(dir).unwrap();
    let mut copied = 0;
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt" || e == "html") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
            copied += 1;
        }
    }
    copied
}

/// Runs a Python snippet with arguments; panics with its stderr when it fails.
/// The packages it imports are installed by scripts/test.sh (tests/requirements.txt).
pub fn python(script: &str, args: &[&Path]) -> String {
    let out = ProcessCommand::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 must be installed (scripts/test.sh installs what the tests need)");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
