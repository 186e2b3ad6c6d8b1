//! One issuing body across the years: three real openings of one provincial
//! department's plans (tests/fixtures/issuers/: 2015, 2017, 2019, as saved from its
//! site), each with its title line written in one of the ways that department's
//! plans write their joint issuer ("青海省委教育工委 青海省教育厅", "青海省教育厅 省委
//! 教育工委", "省委教育工委 省教育厅"). The store holds two issuer entities shared by
//! the three plans, and `trace`, `rank` and `export` find all three by a part of a
//! body's name.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::build::{build, select};
use crate::export::exported_documents;
use crate::trace::{trace_filtered, years};
use crate::util::{plankg, root, succeed};

const ORG: &str = "https://w3id.org/plankg/id/org/";

fn store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    build(&root().join("tests/fixtures/issuers"), &store, &["--quiet"]);
    store
}

/// The document IRIs of a `plankg rank --type all` of the policy view.
fn ranked_documents(store: &Path, filter: &[&str]) -> BTreeSet<String> {
    let out = succeed(
        plankg()
            .args(["rank", "--quiet", "--view", "policy", "--type", "all"])
            .args(["--top", "0", "--format", "json", "--store"])
            .arg(store)
            .args(filter),
    );
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter()
        .filter(|row| row["type"] == "document")
        .map(|row| row["iri"].as_str().unwrap().to_owned())
        .collect()
}

/// The document IRIs of a Cytoscape export of the policy view.
fn exported(store: &Path, out: &Path, filter: &[&str]) -> BTreeSet<String> {
    exported_documents(store, out, filter)
        .iter()
        .map(|data| data["iri"].as_str().unwrap().to_owned())
        .collect()
}

fn traced_years(store: &Path, term: &str, issuer: &str) -> Vec<i64> {
    years(&trace_filtered(store, term, &["--issuer", issuer]))
}

#[test]
fn one_department_written_three_ways_is_one_issuer_in_every_year() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());

    // Every plan names the same two bodies, whatever its title writes.
    let rows = select(
        &store,
        &["PREFIX pk: <https://w3id.org/plankg/ont#> \
           SELECT ?doc ?issuer WHERE { ?doc a pk:PlanDocument ; pk:issuer ?issuer }"],
    );
    let documents: BTreeSet<&str> = rows.iter().map(|r| r["doc"].as_str()).collect();
    let bodies: BTreeSet<&str> = rows.iter().map(|r| r["issuer"].as_str()).collect();
    assert_eq!(documents.len(), 3, "{rows:?}");
    let expected: BTreeSet<String> = [
        format!("{ORG}青海省/中共青海省委教育工作委员会"),
        format!("{ORG}青海省/青海省教育厅"),
    ]
    .into();
    assert_eq!(
        bodies,
        expected.iter().map(String::as_str).collect(),
        "{rows:?}"
    );
    assert_eq!(rows.len(), 6);
    // The department is labelled by its canonical name, its spellings kept.
    let labels = select(
        &store,
        &[&format!(
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> \
             SELECT ?pref ?alt WHERE {{ <{ORG}青海省/中共青海省委教育工作委员会> \
             skos:prefLabel ?pref ; skos:altLabel ?alt }} ORDER BY ?alt"
        )],
    );
    let alternatives: Vec<&str> = labels.iter().map(|r| r["alt"].as_str()).collect();
    assert_eq!(alternatives, ["省委教育工委", "青海省委教育工委"]);
    assert!(labels
        .iter()
        .all(|r| r["pref"] == "中共青海省委教育工作委员会"));

    // trace finds every year by a part of a body's name or of a spelling.
    for issuer in ["青海", "教育厅", "省委教育工委"] {
        assert_eq!(traced_years(&store, "总体要求", issuer), [2015, 2017, 2019]);
    }
    assert!(traced_years(&store, "总体要求", "宁波").is_empty());

    // rank and export find the same three documents by a part of a name.
    let all = exported(&store, &dir.path().join("all.cyjs"), &[]);
    assert_eq!(all.len(), 3);
    let out = dir.path().join("filtered.cyjs");
    assert_eq!(exported(&store, &out, &["--issuer", "青海"]), all);
    assert_eq!(ranked_documents(&store, &["--issuer", "青海"]), all);
    assert_eq!(ranked_documents(&store, &["--issuer", "教育厅"]), all);
    assert!(exported(&store, &out, &["--issuer", "宁波"]).is_empty());

    // stats counts the plans of each body, and by a part of a name.
    let stats = |filter: &[&str]| -> Value {
        let out = succeed(
            plankg()
                .args(["stats", "--format", "json", "--store"])
                .arg(&store)
                .args(filter),
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let all = stats(&[]);
    let bodies = all["documents_by_issuer"].as_array().unwrap();
    assert_eq!(bodies.len(), 2);
    for body in bodies {
        assert_eq!(body["documents"], 3);
        assert_eq!(
            (body["first_year"].as_i64(), body["last_year"].as_i64()),
            (Some(2015), Some(2019))
        );
        assert!(expected.contains(body["iri"].as_str().unwrap()));
    }
    assert_eq!(
        stats(&["--issuer", "青海"])["documents_by_year_region"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let department = format!("{ORG}青海省/青海省教育厅");
    assert_eq!(
        stats(&["--issuer", &department])["documents_by_issuer"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // cascade lists the plans citing a policy with their bodies, and filters them.
    let cascade = |filter: &[&str]| -> Vec<Value> {
        let out = succeed(
            plankg()
                .args(["cascade", "党的十八大", "--format", "json", "--store"])
                .arg(&store)
                .args(filter),
        );
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        report["root"]["documents"].as_array().unwrap().clone()
    };
    let citing = cascade(&["--issuer", "教育厅"]);
    assert_eq!(citing.len(), cascade(&[]).len());
    assert!(!citing.is_empty());
    assert!(citing
        .iter()
        .all(|d| d["issuer"] == "中共青海省委教育工作委员会 青海省教育厅"));
    assert!(cascade(&["--issuer", "宁波"]).is_empty());
    assert!(stats(&["--issuer", "宁波"])["documents_by_year_region"]
        .as_array()
        .unwrap()
        .is_empty());
}
