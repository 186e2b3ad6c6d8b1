//! `plankg build` on the sample plans: document count, idempotent rebuilds, a
//! changed file, an interrupted build, concurrent writers.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{plankg, root, succeed};

/// Copies data/plans into `dir/plans` (writable) and returns that directory.
pub fn copy_plans(dir: &Path) -> PathBuf {
    let plans = dir.join("plans");
    fs::create_dir_all(&plans).unwrap();
    for entry in fs::read_dir(root().join("data/plans")).unwrap() {
        let entry = entry.unwrap();
        let to = plans.join(entry.file_name());
        fs::copy(entry.path(), &to).unwrap();
        let mut perms = fs::metadata(&to).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        fs::set_permissions(&to, perms).unwrap();
    }
    plans
}

/// Runs `plankg build PLANS --store STORE` and returns its stderr (the summary).
pub fn build(plans: &Path, store: &Path, extra: &[&str]) -> String {
    let out = plankg()
        .arg("build")
        .arg(plans)
        .arg("--store")
        .arg(store)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "build failed: {stderr}");
    stderr
}

/// A store built from data/plans in a fresh temporary directory.
pub fn built_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    build(&root().join("data/plans"), &store, &["--quiet"]);
    (dir, store)
}

/// One number of the build summary (`  unchanged: 12`).
pub fn summary_value(summary: &str, name: &str) -> u64 {
    summary
        .lines()
        .find_map(|line| {
            let (key, value) = line.split_once(':')?;
            (key.trim() == name)
                .then(|| value.trim().parse().ok())
                .flatten()
        })
        .unwrap_or_else(|| panic!("no {name} in the summary:\n{summary}"))
}

/// The store's N-Quads, grouped by graph, each graph's lines sorted.
pub fn quads_by_graph(store: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let out = succeed(
        plankg()
            .args(["dump", "--format", "nquads", "--store"])
            .arg(store),
    );
    let mut graphs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        // The graph is the last term before the final " .".
        let body = line.trim_end().trim_end_matches('.').trim_end();
        let graph = body
            .rsplit_once(' ')
            .map(|(_, g)| g.to_owned())
            .unwrap_or_default();
        graphs.entry(graph).or_default().insert(line.to_owned());
    }
    graphs
}

/// A SELECT query's rows as JSON objects (variable -> value).
pub fn select(store: &Path, query: &[&str]) -> Vec<BTreeMap<String, String>> {
    let out = succeed(
        plankg()
            .arg("query")
            .args(query)
            .args(["--format", "json", "--store"])
            .arg(store),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row.as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v["value"].as_str().unwrap().to_owned()))
                .collect()
        })
        .collect()
}

/// The number of documents in the gold annotations of the sample plans.
fn gold_documents() -> usize {
    let mut n = 0;
    for entry in fs::read_dir(root().join("tests/fixtures/gold")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let json: serde_json::Value =
                serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
            n += json["documents"].as_array().unwrap().len();
        }
    }
    n
}

fn count_documents(store: &Path) -> usize {
    let rows = select(
        store,
        &["SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/plankg/ont#PlanDocument> }"],
    );
    rows[0]["n"].parse().unwrap()
}

#[test]
fn every_gold_document_becomes_one_plan_document() {
    let (_dir, store) = built_store();
    assert_eq!(count_documents(&store), gold_documents());
}

#[test]
fn a_second_build_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let plans = root().join("data/plans");
    let first = build(&plans, &store, &[]);
    let documents = gold_documents() as u64;
    assert_eq!(summary_value(&first, "added"), documents, "{first}");
    let before = quads_by_graph(&store);
    let second = build(&plans, &store, &[]);
    assert_eq!(summary_value(&second, "unchanged"), documents, "{second}");
    assert_eq!(summary_value(&second, "added"), 0);
    assert_eq!(summary_value(&second, "updated"), 0);
    assert_eq!(
        summary_value(&second, "triples"),
        summary_value(&first, "triples")
    );
    assert_eq!(quads_by_graph(&store), before);
    // The build state is replaced, not appended to.
    let state: serde_json::Value =
        serde_json::from_slice(&fs::read(store.join("build.json")).unwrap()).unwrap();
    assert_eq!(state["unchanged"], documents);
}

#[test]
fn a_changed_file_replaces_only_its_graphs_and_the_shared_ones() {
    let dir = tempfile::tempdir().unwrap();
    let plans = copy_plans(dir.path());
    let store = dir.path().join("store");
    build(&plans, &store, &["--quiet"]);
    let before = quads_by_graph(&store);

    let changed = plans.join("004_89347142f8fed752.txt");
    let text = fs::read_to_string(&changed).unwrap();
    fs::write(
        &changed,
        text.replacen("2022", "2023", 1) + "\n十、推进教育数字化转型，实施智慧校园建设工程。\n",
    )
    .unwrap();
    let summary = build(&plans, &store, &[]);
    assert_eq!(summary_value(&summary, "updated"), 1, "{summary}");
    assert_eq!(summary_value(&summary, "added"), 0, "{summary}");

    let after = quads_by_graph(&store);
    let changed_graphs: BTreeSet<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|g| before.get(*g) != after.get(*g))
        .collect();
    let shared = |g: &str| g.ends_with("graph/entities>") || g.ends_with("graph/lineage>");
    let documents: Vec<&&String> = changed_graphs.iter().filter(|g| !shared(g)).collect();
    assert_eq!(documents.len(), 1, "changed graphs: {changed_graphs:?}");
    assert!(
        documents[0].contains("004_89347142f8fed752.txt"),
        "{documents:?}"
    );
}

#[test]
fn an_interrupted_build_is_completed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let plans = root().join("data/plans");
    let whole = dir.path().join("whole");
    build(&plans, &whole, &["--quiet"]);

    let cut = dir.path().join("cut");
    let out = plankg()
        .arg("build")
        .arg(&plans)
        .arg("--store")
        .arg(&cut)
        .args(["--quiet", "--abort-after", "3"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "the build was not aborted");
    // The cut-off store opens and answers.
    let loaded = count_documents(&cut);
    assert!(loaded <= 3, "{loaded} documents after an abort at 3");

    let summary = build(&plans, &cut, &[]);
    assert_eq!(
        summary_value(&summary, "unchanged"),
        loaded as u64,
        "{summary}"
    );
    assert_eq!(quads_by_graph(&cut), quads_by_graph(&whole));
}

#[test]
fn prune_removes_the_graphs_of_deleted_files() {
    let dir = tempfile::tempdir().unwrap();
    let plans = copy_plans(dir.path());
    let store = dir.path().join("store");
    build(&plans, &store, &["--quiet"]);
    let all = count_documents(&store);
    fs::remove_file(plans.join("000_13460f0f0a82ad82.txt")).unwrap();
    build(&plans, &store, &["--quiet"]);
    assert_eq!(
        count_documents(&store),
        all,
        "without --prune nothing is removed"
    );
    let summary = build(&plans, &store, &["--prune"]);
    assert_eq!(summary_value(&summary, "removed"), 1, "{summary}");
    assert_eq!(count_documents(&store), all - 1);
}

#[test]
fn a_failed_file_is_reported_after_storing_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let plans = copy_plans(dir.path());
    fs::write(plans.join("000_empty.txt"), "").unwrap();
    let store = dir.path().join("store");
    let out = plankg()
        .arg("build")
        .arg(&plans)
        .arg("--store")
        .arg(&store)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("000_empty.txt"), "{stderr}");
    assert_eq!(count_documents(&store), gold_documents());

    // --prune keeps nothing of a file that is gone, but keeps a failed file's graphs.
    fs::write(
        plans.join("000_empty.txt"),
        fs::read(root().join("data/plans/004_89347142f8fed752.txt")).unwrap(),
    )
    .unwrap();
    build(&plans, &store, &["--quiet"]);
    fs::write(plans.join("000_empty.txt"), "").unwrap();
    let out = plankg()
        .arg("build")
        .arg(&plans)
        .arg("--store")
        .arg(&store)
        .arg("--prune")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(count_documents(&store), gold_documents() + 1);
}

#[test]
fn the_store_directory_comes_from_plankg_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("from-env");
    plankg()
        .args(["build", "--quiet"])
        .arg(root().join("data/plans/004_89347142f8fed752.txt"))
        .env("PLANKG_STORE", &store)
        .assert()
        .success();
    assert!(store.join("build.json").is_file());
    plankg()
        .args(["stats", "--format", "json"])
        .env("PLANKG_STORE", &store)
        .assert()
        .success();
}

#[test]
fn read_only_commands_refuse_a_missing_store() {
    let dir = tempfile::tempdir().unwrap();
    let out = plankg()
        .args(["query", "ASK {}", "--store"])
        .arg(dir.path().join("none"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("plankg build"));
}

#[test]
fn the_graph_does_not_depend_on_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let plans = root().join("data/plans");
    let one = dir.path().join("one");
    let two = dir.path().join("two");
    build(&plans, &one, &["--quiet", "--jobs", "1"]);
    build(&plans, &two, &["--quiet", "--jobs", "2"]);
    assert_eq!(quads_by_graph(&one), quads_by_graph(&two));
}
