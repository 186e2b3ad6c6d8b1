//! `plankg dump` read back by other RDF tools: rdflib parses the N-Quads to the same
//! number of quads, and pyshacl validates the union against ontology/shapes.ttl.

use std::path::Path;

use crate::build::{build, built_store, select};
use crate::util::{copy_table_fixtures, plankg, python, root};

/// Whether python3 can import `modules`; says why the test is skipped when not.
pub fn python_has(modules: &str) -> bool {
    let ok = std::process::Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!(
            "skipped: python3 cannot import {modules} (pip install -r tests/requirements.txt)"
        );
    }
    ok
}

fn dump(store: &Path, out: &Path, args: &[&str]) {
    plankg()
        .arg("dump")
        .args(args)
        .arg("--store")
        .arg(store)
        .arg("--out")
        .arg(out)
        .assert()
        .success();
}

#[test]
fn nquads_parse_with_rdflib_to_the_same_number_of_quads() {
    if !python_has("rdflib") {
        return;
    }
    let (dir, store) = built_store();
    let nq = dir.path().join("all.nq");
    dump(&store, &nq, &["--format", "nquads"]);
    let lines = std::fs::read_to_string(&nq)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .count();
    let stats = plankg()
        .args(["stats", "--format", "json", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["triples"].as_u64().unwrap(), lines as u64);
    let parsed = python(
        r#"
import sys, rdflib
ds = rdflib.Dataset()
ds.parse(sys.argv[1], format="nquads")
print(sum(1 for _ in ds.quads((None, None, None, None))))
"#,
        &[&nq],
    );
    assert_eq!(parsed.trim().parse::<usize>().unwrap(), lines);
}

#[test]
fn turtle_and_trig_dumps_parse_too() {
    if !python_has("rdflib") {
        return;
    }
    let (dir, store) = built_store();
    let trig = dir.path().join("all.trig");
    dump(&store, &trig, &["--format", "trig"]);
    let entities = dir.path().join("entities.ttl");
    dump(
        &store,
        &entities,
        &[
            "--format",
            "turtle",
            "--graph",
            "https://w3id.org/plankg/id/graph/entities",
        ],
    );
    let out = python(
        r#"
import sys, rdflib
ds = rdflib.Dataset()
ds.parse(sys.argv[1], format="trig")
g = rdflib.Graph()
g.parse(sys.argv[2], format="turtle")
print(len(ds), len(g))
"#,
        &[&trig, &entities],
    );
    let counts: Vec<usize> = out.split_whitespace().map(|n| n.parse().unwrap()).collect();
    assert!(counts[1] > 0, "empty entities graph");
}

#[test]
fn the_union_validates_against_the_shapes() {
    if !python_has("rdflib, pyshacl") {
        return;
    }
    let (dir, store) = built_store();
    assert_conforms(&dir, &store);
}

/// A store built from the task-table fixtures (crates/plankg-extract's tests):
/// their rows' deadlines and unit roles are in the graph, and it validates.
#[test]
fn task_table_rows_give_deadlines_and_unit_roles_that_validate() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("tables");
    copy_table_fixtures(&plans);
    let store = dir.path().join("store");
    build(&plans, &store, &["--quiet"]);
    let rows = select(
        &store,
        &[r#"PREFIX pk: <https://w3id.org/plankg/ont#>
SELECT ?deadline (COUNT(?task) AS ?n) WHERE { ?task a pk:Task ; pk:deadline ?deadline }
GROUP BY ?deadline ORDER BY ?deadline"#],
    );
    let counts: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r["deadline"].clone(), r["n"].clone()))
        .collect();
    // 全年: 5 in the rowspan page (row 2 has none), 2 in the pipes table, 3 in
    // the cell-per-line table; 年内: 4 (tabs) + 2 (wide spaces) + 1 (pipes).
    assert!(
        counts.contains(&("全年".to_owned(), "10".to_owned())),
        "{counts:?}"
    );
    assert!(
        counts.contains(&("年内".to_owned(), "7".to_owned())),
        "{counts:?}"
    );
    assert!(
        counts.contains(&("第3-4周".to_owned(), "1".to_owned())),
        "{counts:?}"
    );
    let query = root().join("ontology/queries/task_deadlines.rq");
    let leads = select(&store, &["--file", &query.to_string_lossy()]);
    // 5 (rowspan) + 6 (tabs) + 5 (wide spaces) + 5 (pipes) + 5 (cell per line) + 6 (school).
    assert_eq!(leads.len(), 32, "every row with a deadline");
    let leads: Vec<&str> = leads
        .iter()
        .filter_map(|r| r.get("leads"))
        .flat_map(|l| l.split('、'))
        .collect();
    for unit in ["区域教育中心建设专班", "秘书组秘书处", "洛阳市教育局"] {
        assert!(leads.contains(&unit), "{unit} leads: {leads:?}");
    }
    if python_has("rdflib, pyshacl") {
        assert_conforms(&dir, &store);
    }
}

/// pyshacl finds no violation of ontology/shapes.ttl in the store's union.
pub fn assert_conforms(dir: &tempfile::TempDir, store: &Path) {
    let union = dir.path().join("union.nt");
    dump(store, &union, &["--format", "ntriples"]);
    let report = python(
        r#"
import sys, rdflib, pyshacl
data = rdflib.Graph().parse(sys.argv[1], format="nt")
shapes = rdflib.Graph().parse(sys.argv[2], format="turtle")
ontology = rdflib.Graph().parse(sys.argv[3], format="turtle")
conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
violations = len(list(report.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult"))))
print(violations)
if not conforms:
    print(text[:4000], file=sys.stderr)
"#,
        &[
            &union,
            &root().join("ontology/shapes.ttl"),
            &root().join("ontology/plankg.ttl"),
        ],
    );
    assert_eq!(report.trim(), "0", "SHACL violations");
}
