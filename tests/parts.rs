//! Summary and plan parts end to end (issue 14): a store built from the part
//! fixtures of plankg-extract (plans of the pool that join last year's summary and
//! this year's plan, and a summary-only page) dates each passage by the year it is
//! about in `trace`, and states pk:partKind / pk:aboutYear for SPARQL.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::build::{build, select};
use crate::dump::{assert_conforms, python_has};
use crate::util::{copy_extract_fixtures, plankg, root, succeed};

/// The fixture of a 2023 plan whose 2022 summary says "“双减”背景下".
const JOINED: &str = "summary_then_plan_figures";

/// A store built from the part fixtures in `dir`.
fn parts_store(dir: &Path) -> PathBuf {
    let plans = dir.join("parts");
    assert_eq!(copy_extract_fixtures("parts", &plans), 3);
    let store = dir.join("store");
    build(&plans, &store, &["--quiet"]);
    store
}

#[test]
fn trace_dates_a_summary_passage_by_the_year_it_summarises() {
    let dir = tempfile::tempdir().unwrap();
    let store = parts_store(dir.path());
    let out = succeed(
        plankg()
            .args(["trace", "双减", "--format", "json", "--store"])
            .arg(&store),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The plan is of 2023; its summary, which names 双减, is of 2022.
    assert_eq!(report["years"], serde_json::json!([2022]), "{report:#}");
    assert_eq!(report["first_year"], 2022);
    let occurrences = report["occurrences"].as_array().unwrap();
    assert!(!occurrences.is_empty());
    for o in occurrences {
        assert!(o["document"].as_str().unwrap().contains(JOINED), "{o:#}");
        assert_eq!(o["year"], 2022, "{o:#}");
        assert_eq!(o["document_year"], 2023, "{o:#}");
        assert_eq!(o["part_kind"], "summary", "{o:#}");
    }
    // The table says the part and the plan's year; the CSV has them as columns;
    // --from counts the passage's year.
    let table = succeed(plankg().args(["trace", "双减", "--store"]).arg(&store));
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("first year:    2022"), "{table}");
    assert!(table.contains("summary (plan 2023)"), "{table}");
    let csv = succeed(
        plankg()
            .args(["trace", "双减", "--format", "csv", "--store"])
            .arg(&store),
    );
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(row[column("year")], "2022", "{csv}");
    assert_eq!(row[column("part_kind")], "summary", "{csv}");
    assert_eq!(row[column("document_year")], "2023", "{csv}");
    let later = succeed(
        plankg()
            .args([
                "trace", "双减", "--from", "2023", "--format", "json", "--store",
            ])
            .arg(&store),
    );
    let later: Value = serde_json::from_slice(&later.stdout).unwrap();
    assert!(later["occurrences"].as_array().unwrap().is_empty());
}

#[test]
fn sparql_finds_summary_figures_with_the_year_they_report() {
    let dir = tempfile::tempdir().unwrap();
    let store = parts_store(dir.path());
    let query = root().join("ontology/queries/reported_targets_in_summaries.rq");
    let rows = select(&store, &["--file", &query.to_string_lossy()]);
    // 招聘新教师454名, in the 2022 summary of the 2023 plan.
    assert!(
        rows.iter().any(|r| r["doc"].contains(JOINED)
            && r["aboutYear"] == "2022"
            && r["year"] == "2023"
            && r["value"] == "454"
            && r["reported"] == "true"),
        "{rows:#?}"
    );
    assert!(rows.iter().all(|r| r["reported"] == "true"), "{rows:#?}");
    // The summary-only page: all of 2020.
    assert!(
        rows.iter()
            .any(|r| r["doc"].contains("summary_only") && r["aboutYear"] == "2020"),
        "{rows:#?}"
    );
    // The parts of the plan with 存在的困难 between its summary and its plan.
    let parts = select(
        &store,
        &[r#"PREFIX pk: <https://w3id.org/plankg/ont#>
SELECT ?number ?kind ?year WHERE {
  ?section pk:document ?doc ; pk:depth 1 ; pk:ordinal ?ordinal ; pk:number ?number ;
           pk:partKind ?kind ; pk:aboutYear ?year .
  FILTER (CONTAINS(STR(?doc), "summary_difficulties_plan"))
} ORDER BY ?ordinal"#],
    );
    let got: Vec<(String, String, String)> = parts
        .iter()
        .map(|r| {
            (
                r["number"].clone(),
                r["kind"]
                    .trim_start_matches("https://w3id.org/plankg/ont#")
                    .to_owned(),
                r["year"].clone(),
            )
        })
        .collect();
    let want = |n: &str, k: &str, y: &str| (n.to_owned(), k.to_owned(), y.to_owned());
    assert_eq!(
        got,
        [
            want("一、", "SummaryPart", "2020"),
            want("二、", "SummaryPart", "2020"),
            want("三、", "PlanPart", "2021"),
            want("四、", "PlanPart", "2021"),
        ]
    );
    if python_has("rdflib, pyshacl") {
        let dir = tempfile::TempDir::new_in(dir.path()).unwrap();
        assert_conforms(&dir, &store);
    }
}
