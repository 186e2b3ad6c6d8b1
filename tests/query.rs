//! `plankg query` and `plankg stats` on a store built from data/plans: every query of
//! ontology/queries/ runs, and gives facts the gold annotations confirm (not exact
//! row sets, which change whenever the recognisers improve).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::build::{built_store, select};
use crate::util::{plankg, root};

type Rows = Vec<BTreeMap<String, String>>;

/// Whether some row has every (variable, predicate) pair.
/// One check on a row: the column and what its value must satisfy.
type Check<'a> = (&'a str, &'a dyn Fn(&str) -> bool);

fn any_row(rows: &Rows, checks: &[Check<'_>]) -> bool {
    rows.iter().any(|row| {
        checks
            .iter()
            .all(|(var, check)| row.get(*var).is_some_and(|v| check(v)))
    })
}

fn is(expected: &'static str) -> impl Fn(&str) -> bool {
    move |v: &str| v == expected
}

fn has(part: &'static str) -> impl Fn(&str) -> bool {
    move |v: &str| v.contains(part)
}

fn at_least(n: u64) -> impl Fn(&str) -> bool {
    move |v: &str| v.parse::<u64>().is_ok_and(|x| x >= n)
}

/// The fact each query must show on data/plans, from tests/fixtures/gold.
fn check(name: &str, rows: &Rows) {
    let ok = match name {
        // 002 (嘉兴 2018) cites 党的十九大.
        "policies_per_year" => any_row(rows, &[("year", &is("2018")), ("label", &has("十九大"))]),
        // 002 cites both 党的十九大 and 中国教育现代化2035.
        "documents_citing_two_policies" => any_row(
            rows,
            &[("year", &is("2018")), ("doc", &has("002_e94f0fd08c83ca91"))],
        ),
        // 001 (2023) names 财务处, 机关党委 … as lead units.
        "units_by_tasks_led" => any_row(rows, &[("label", &has("处")), ("tasks", &at_least(1))]),
        // Checked by recurring_initiatives_show_what_the_gold_confirms.
        "initiatives_in_several_years" | "initiative_timeline" => true,
        // 001 (2023): 学前三年毛入园率 94%.
        "targets_for_indicator" => any_row(
            rows,
            &[
                ("indicator", &has("毛入园率")),
                ("value", &is("94")),
                ("year", &is("2023")),
            ],
        ),
        // 002 names schools of 嘉兴市, 004 of 连云港市.
        "schools_per_region" => {
            any_row(rows, &[("label", &is("嘉兴市")), ("schools", &at_least(1))])
                && any_row(
                    rows,
                    &[("label", &is("连云港市")), ("schools", &at_least(1))],
                )
        }
        // 002 names no responsible unit at all.
        "tasks_without_unit" => rows.iter().any(|row| {
            row["doc"].contains("002_e94f0fd08c83ca91") && row["withoutUnit"] == row["tasks"]
        }),
        // 002 cites 《中国教育现代化2035》, a central document.
        "most_cited_central_documents" => any_row(rows, &[("label", &has("中国教育现代化2035"))]),
        // The evidence of 党的十九大 in 002: the task text, its span and its source.
        "policy_citation_evidence" => any_row(
            rows,
            &[
                ("source", &is("plans/002_e94f0fd08c83ca91.txt")),
                ("text", &has("十九大")),
                ("start", &at_least(0)),
            ],
        ),
        "region_citations_by_year" => {
            any_row(rows, &[("year", &is("2018")), ("label", &has("十九大"))])
        }
        "documents_by_year_region" => any_row(
            rows,
            &[
                ("year", &is("2018")),
                ("region", &is("嘉兴市")),
                ("documents", &is("1")),
            ],
        ),
        "entity_counts" => any_row(rows, &[("kind", &is("documents")), ("count", &is("12"))]),
        // Needs the lineage graph; runs on any store.
        "policy_localizations" => true,
        // The sample plans have no summary part: checked on the part fixtures
        // (parts::sparql_finds_summary_figures_with_the_year_they_report).
        "reported_targets_in_summaries" => true,
        // The inputs of other commands (cascade, trace …): tested with them; here
        // they only have to run.
        _ => true,
    };
    assert!(ok, "{name}.rq does not show its gold fact; rows: {rows:#?}");
}

/// The `.rq` files of ontology/queries, sorted.
fn queries() -> Vec<std::path::PathBuf> {
    let mut queries: Vec<_> = fs::read_dir(root().join("ontology/queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    queries.sort();
    queries
}

#[test]
fn every_query_runs_and_shows_what_the_gold_confirms() {
    let (_dir, store) = built_store();
    let queries = queries();
    assert!(queries.len() >= 10, "{} queries", queries.len());
    for query in &queries {
        let name = query.file_stem().unwrap().to_string_lossy().into_owned();
        let rows = select(&store, &["--file", &query.to_string_lossy()]);
        check(&name, &rows);
    }
}

/// Gold: 名师工程 in 000 (2020) and 001 (2023).
#[test]
fn recurring_initiatives_show_what_the_gold_confirms() {
    let (_dir, store) = built_store();
    let file = |name: &str| {
        root()
            .join("ontology/queries")
            .join(name)
            .to_string_lossy()
            .into_owned()
    };
    let rows = select(
        &store,
        &["--file", &file("initiatives_in_several_years.rq")],
    );
    assert!(
        any_row(
            &rows,
            &[("label", &has("名师工程")), ("years", &at_least(2))]
        ),
        "{rows:#?}"
    );
    let rows = select(&store, &["--file", &file("initiative_timeline.rq")]);
    assert!(
        any_row(&rows, &[("label", &has("名师工程")), ("year", &is("2020"))])
            && any_row(&rows, &[("label", &has("名师工程")), ("year", &is("2023"))]),
        "{rows:#?}"
    );
}

fn query_output(store: &Path, args: &[&str]) -> (bool, String, String) {
    let out = plankg()
        .arg("query")
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn results_come_as_tables_w3c_formats_and_rdf() {
    let (_dir, store) = built_store();
    let select = "PREFIX pk: <https://w3id.org/plankg/ont#> SELECT ?d ?y WHERE { ?d pk:year ?y } ORDER BY ?d";
    let (ok, table, err) = query_output(&store, &[select]);
    assert!(ok, "{err}");
    assert!(table.lines().next().unwrap().starts_with("d "), "{table}");
    assert!(table.contains("2018"));
    let (ok, csv, _) = query_output(&store, &[select, "--format", "csv"]);
    assert!(ok && csv.starts_with("d,y\r\n"), "{csv}");
    let (ok, tsv, _) = query_output(&store, &[select, "--format", "tsv"]);
    assert!(ok && tsv.starts_with("?d\t?y"), "{tsv}");
    let (ok, xml, _) = query_output(&store, &[select, "--format", "xml"]);
    assert!(ok && xml.contains("<sparql"), "{xml}");
    let (ok, yes, _) = query_output(&store, &["ASK { ?s ?p ?o }"]);
    assert!(ok && yes.trim() == "true", "{yes}");

    let construct = "PREFIX pk: <https://w3id.org/plankg/ont#> CONSTRUCT { ?d pk:year ?y } WHERE { ?d pk:year ?y }";
    let (ok, turtle, err) = query_output(&store, &[construct]);
    assert!(ok && turtle.contains("pk:year"), "{turtle}{err}");
    let (ok, nt, _) = query_output(&store, &[construct, "--format", "ntriples"]);
    assert!(ok && nt.lines().all(|l| l.ends_with(" .")), "{nt}");
    let (ok, _, err) = query_output(&store, &[construct, "--format", "csv"]);
    assert!(!ok && err.contains("turtle"), "{err}");
}

#[test]
fn a_syntax_error_shows_file_and_position() {
    let (dir, store) = built_store();
    let bad = dir.path().join("bad.rq");
    fs::write(&bad, "SELECT ?s\nWHERE { ?s ?p ?o } LIMIT x\n").unwrap();
    let (ok, _, err) = query_output(&store, &["--file", &bad.to_string_lossy()]);
    assert!(!ok);
    assert!(err.contains("bad.rq") && err.contains("at 2:"), "{err}");
    assert_eq!(
        err.matches("expected").count(),
        1,
        "the cause is printed once: {err}"
    );
}

#[test]
fn stats_count_documents_by_year_and_region() {
    let (_dir, store) = built_store();
    let out = plankg()
        .args(["stats", "--format", "json", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["entities"]["documents"], 12);
    assert!(stats["triples"].as_u64().unwrap() > 1000);
    let rows = stats["documents_by_year_region"].as_array().unwrap();
    assert!(
        rows.iter()
            .any(|r| r["year"] == 2018 && r["region"] == "嘉兴市"),
        "{rows:?}"
    );
    let table = plankg()
        .args(["stats", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains("嘉兴市"));
}

#[test]
fn a_reader_works_beside_a_writer_and_a_second_writer_is_refused() {
    let (_dir, store) = built_store();
    // Hold RocksDB's lock file the way a running build does (a POSIX record lock,
    // released by the operating system when the holder dies).
    let mut holder = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import fcntl, sys, time\n\
             f = open(sys.argv[1], 'r+')\n\
             fcntl.lockf(f, fcntl.LOCK_EX)\n\
             print('locked', flush=True)\n\
             time.sleep(60)",
        )
        .arg(store.join("rdf/LOCK"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(line.trim(), "locked");

    let (ok, yes, err) = query_output(&store, &["ASK { ?s ?p ?o }"]);
    let second = plankg()
        .args(["build", "--quiet"])
        .arg(root().join("data/plans"))
        .arg("--store")
        .arg(&store)
        .output()
        .unwrap();
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert!(ok && yes.trim() == "true", "{err}");
    assert_eq!(second.status.code(), Some(2));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("open for writing by another process"), "{err}");

    // The lock dies with its holder: the next build runs.
    plankg()
        .args(["build", "--quiet"])
        .arg(root().join("data/plans"))
        .arg("--store")
        .arg(&store)
        .assert()
        .success();
}
