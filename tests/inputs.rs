//! What a build reads and what it names: documents of several input roots keep
//! apart, the store's own files are never plans, a walk skips what it cannot read
//! and goes on, and a plan held twice is kept twice, linked and counted once.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as ProcessCommand, Output};

use crate::build::{build, select, summary_value};
use crate::util::{plankg, sample};

/// Two sample plans of different years, both naming 十九大 and a title.
const PLAN_A: &str = "002_e94f0fd08c83ca91.txt";
const PLAN_B: &str = "004_89347142f8fed752.txt";

/// The titles of the store's documents, sorted.
fn titles(store: &Path) -> Vec<String> {
    let mut titles: Vec<String> = select(
        store,
        &["PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?t WHERE { ?d a <https://w3id.org/plankg/ont#PlanDocument> ; dcterms:title ?t }"],
    )
    .into_iter()
    .map(|row| row["t"].clone())
    .collect();
    titles.sort();
    titles
}

/// The sources (`dcterms:source`) of the store's documents, sorted.
fn sources(store: &Path) -> Vec<String> {
    let mut sources: Vec<String> = select(
        store,
        &["PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?s WHERE { ?d a <https://w3id.org/plankg/ont#PlanDocument> ; dcterms:source ?s }"],
    )
    .into_iter()
    .map(|row| row["s"].clone())
    .collect();
    sources.sort();
    sources
}

/// The title of a sample plan as a build of it alone stores it.
fn title_of(plan: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    build(&sample(plan), &store, &["--quiet"]);
    titles(&store).remove(0)
}

/// `a/plan.txt` and `b/plan.txt`, two different sample plans under one name.
fn two_roots(dir: &Path) -> (PathBuf, PathBuf) {
    let (a, b) = (dir.join("a"), dir.join("b"));
    for (root, plan) in [(&a, PLAN_A), (&b, PLAN_B)] {
        fs::create_dir_all(root).unwrap();
        fs::copy(sample(plan), root.join("plan.txt")).unwrap();
    }
    (a, b)
}

fn run(command: &mut assert_cmd::Command) -> (Option<i32>, String) {
    let out = command.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn two_roots_with_one_file_name_are_two_documents_in_one_build_or_two() {
    let expected = {
        let mut titles = vec![title_of(PLAN_A), title_of(PLAN_B)];
        titles.sort();
        titles
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_roots(dir.path());

    let together = dir.path().join("together");
    let summary = plankg()
        .arg("build")
        .args([&a, &b])
        .arg("--store")
        .arg(&together)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&summary.stderr);
    assert_eq!(summary_value(&summary, "added"), 2, "{summary}");
    assert_eq!(titles(&together), expected);
    assert_eq!(sources(&together), ["a/plan.txt", "b/plan.txt"]);

    // b, then a, into one store: a's plan is added beside b's, and b is read again
    // (its document unchanged), so the shared graphs still describe it.
    let one_by_one = dir.path().join("one-by-one");
    build(&b, &one_by_one, &["--quiet"]);
    let summary = build(&a, &one_by_one, &[]);
    assert_eq!(summary_value(&summary, "added"), 1, "{summary}");
    assert_eq!(summary_value(&summary, "unchanged"), 1, "{summary}");
    assert_eq!(titles(&one_by_one), expected);
    let policies_of_b = select(
        &one_by_one,
        &["PREFIX pk: <https://w3id.org/plankg/ont#> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?label WHERE { ?d dcterms:source \"b/plan.txt\" ; pk:citesPolicy ?p . ?p skos:prefLabel ?label }"],
    );
    assert!(!policies_of_b.is_empty(), "b's policies lost their labels");

    // Two roots of one directory name get two prefixes.
    let other = dir.path().join("elsewhere/a");
    fs::create_dir_all(&other).unwrap();
    fs::copy(sample(PLAN_B), other.join("plan.txt")).unwrap();
    build(&other, &one_by_one, &["--quiet"]);
    assert_eq!(
        sources(&one_by_one),
        ["a-2/plan.txt", "a/plan.txt", "b/plan.txt"]
    );
}

#[test]
fn building_a_corpus_that_holds_its_default_store_reads_the_plans_only() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(sample(PLAN_A), dir.path().join(PLAN_A)).unwrap();
    fs::copy(sample(PLAN_B), dir.path().join(PLAN_B)).unwrap();
    for round in 0..2 {
        let (code, stderr) = run(plankg()
            .args(["build", "."])
            .current_dir(dir.path())
            .env_remove("PLANKG_STORE"));
        assert_eq!(code, Some(0), "round {round}: {stderr}");
        assert!(!stderr.contains("plankg-store/"), "{stderr}");
    }
    let store = dir.path().join("plankg-store");
    assert_eq!(titles(&store).len(), 2);
    // A hidden folder is no input either.
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::copy(sample(PLAN_A), dir.path().join(".git/copy.txt")).unwrap();
    build(dir.path(), &store, &["--quiet"]);
    assert_eq!(titles(&store).len(), 2);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_skipped_without_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir_all(&plans).unwrap();
    fs::copy(sample(PLAN_A), plans.join("a.txt")).unwrap();
    let fifo = plans.join("b.txt");
    let made = ProcessCommand::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let store = dir.path().join("store");
    // Opening the FIFO would block forever: the build must end on its own.
    let (code, stderr) = run(plankg()
        .arg("build")
        .arg(&plans)
        .arg("--store")
        .arg(&store)
        .timeout(std::time::Duration::from_secs(120)));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("b.txt: skipped: is a FIFO"), "{stderr}");
    assert_eq!(titles(&store).len(), 1);
}

#[test]
fn a_file_over_the_size_limit_is_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir_all(&plans).unwrap();
    fs::copy(sample(PLAN_A), plans.join("a.txt")).unwrap();
    fs::write(plans.join("dump.txt"), "教育".repeat(200_000)).unwrap();
    let store = dir.path().join("store");
    let (code, stderr) = run(plankg()
        .arg("build")
        .arg(&plans)
        .arg("--store")
        .arg(&store)
        .args(["--max-file-size", "1M"]));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("dump.txt: skipped: is 1200000 bytes"),
        "{stderr}"
    );
    assert_eq!(titles(&store).len(), 1);
}

#[cfg(unix)]
/// Runs the plankg binary as the unprivileged user `nobody` (from a copy it can
/// reach), or as this user when it is not root.
fn run_unprivileged(dir: &Path, args: &[&Path]) -> Output {
    let binary = assert_cmd::cargo::cargo_bin("plankg");
    let copy = dir.join("plankg");
    fs::copy(&binary, &copy).unwrap();
    set_mode(&copy, 0o755);
    let is_root = ProcessCommand::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.starts_with(b"0\n"));
    let mut command = if is_root {
        let mut command = ProcessCommand::new("setpriv");
        command.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]);
        command.arg(&copy);
        command
    } else {
        ProcessCommand::new(&copy)
    };
    command.args(args).env("HOME", dir).output().unwrap()
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_is_reported_and_the_rest_is_built() {
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o777);
    let plans = dir.path().join("plans");
    let locked = plans.join("locked");
    fs::create_dir_all(&locked).unwrap();
    fs::copy(sample(PLAN_A), plans.join("a.txt")).unwrap();
    fs::copy(sample(PLAN_B), locked.join("b.txt")).unwrap();
    set_mode(&plans, 0o755);
    set_mode(&plans.join("a.txt"), 0o644);
    set_mode(&locked, 0o000);
    let store = dir.path().join("store");
    let out = run_unprivileged(
        dir.path(),
        &[Path::new("build"), &plans, Path::new("--store"), &store],
    );
    set_mode(&locked, 0o755);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("locked: skipped: cannot be read"),
        "{stderr}"
    );
    assert_eq!(titles(&store), [title_of(PLAN_A)]);
}

#[test]
fn a_reposted_plan_is_two_documents_linked_and_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    for site in ["site-one", "site-two"] {
        fs::create_dir_all(plans.join(site)).unwrap();
        fs::copy(sample(PLAN_A), plans.join(site).join("plan.txt")).unwrap();
    }
    // The repost is in GB18030: the same text, other bytes.
    let text = fs::read_to_string(sample(PLAN_B)).unwrap();
    fs::write(plans.join("site-one/other.txt"), &text).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    fs::write(plans.join("site-two/other-gbk.txt"), &gbk).unwrap();
    let store = dir.path().join("store");
    let summary = build(&plans, &store, &[]);
    assert_eq!(summary_value(&summary, "added"), 4, "{summary}");
    assert_eq!(summary_value(&summary, "duplicates"), 2, "{summary}");

    let links = select(
        &store,
        &["PREFIX pk: <https://w3id.org/plankg/ont#> PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?copy ?original WHERE { ?c pk:duplicateOf ?o . ?c dcterms:source ?copy . ?o dcterms:source ?original } ORDER BY ?copy"],
    );
    let links: Vec<(&str, &str)> = links
        .iter()
        .map(|row| (row["copy"].as_str(), row["original"].as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("plans/site-two/other-gbk.txt", "plans/site-one/other.txt"),
            ("plans/site-two/plan.txt", "plans/site-one/plan.txt"),
        ]
    );
    let stats = crate::util::succeed(
        plankg()
            .args(["stats", "--format", "json", "--store"])
            .arg(&store),
    );
    assert!(
        String::from_utf8_lossy(&stats.stdout).contains("\"duplicates\""),
        "stats shows no duplicates"
    );

    // 十九大 is cited by one plan, held twice: rank counts one citing document,
    // two with --keep-duplicates.
    let citing = |extra: &[&str]| -> f64 {
        let out = crate::util::succeed(
            plankg()
                .args([
                    "rank",
                    "--view",
                    "policy",
                    "--measure",
                    "in-degree",
                    "--type",
                    "policy",
                    "--format",
                    "json",
                    "--top",
                    "1000",
                    "--store",
                ])
                .arg(&store)
                .args(extra),
        );
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        rows.as_array()
            .unwrap()
            .iter()
            .find(|row| row["label"].as_str().is_some_and(|l| l.contains("十九大")))
            .and_then(|row| row["score"].as_f64())
            .unwrap()
    };
    assert_eq!(citing(&[]), 1.0);
    assert_eq!(citing(&["--keep-duplicates"]), 2.0);
}

#[test]
fn a_store_of_the_earlier_layout_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    build(&sample(PLAN_A), &store, &["--quiet"]);
    let state_file = store.join("build.json");
    let mut state: serde_json::Value =
        serde_json::from_slice(&fs::read(&state_file).unwrap()).unwrap();
    let object = state.as_object_mut().unwrap();
    for field in ["layout", "roots", "inputs"] {
        object.remove(field);
    }
    fs::write(&state_file, serde_json::to_vec(&state).unwrap()).unwrap();
    let (code, stderr) = run(plankg()
        .arg("build")
        .arg(sample(PLAN_B))
        .arg("--store")
        .arg(&store));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("earlier plankg") && stderr.contains("remove the directory"),
        "{stderr}"
    );
    assert_eq!(titles(&store), [title_of(PLAN_A)], "nothing was mixed in");
}
