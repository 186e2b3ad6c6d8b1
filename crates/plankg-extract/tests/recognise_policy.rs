//! Policies, units and organizations through the public API (`Extractor::extract`),
//! on short plans written like the samples and on the sample plans of data/plans/.

use std::path::PathBuf;
use std::sync::LazyLock;

use plankg_extract::{Extractor, ExtractorBuilder};
use plankg_model::{Document, PolicyKind, PolicyLevel, UnitRole};

/// One extractor for all tests (building it compiles the gazetteers).
fn extractor() -> &'static Extractor {
    static EXTRACTOR: LazyLock<Extractor> =
        LazyLock::new(|| ExtractorBuilder::new().build().expect("embedded gazetteer"));
    &EXTRACTOR
}

fn extract(text: &str) -> Vec<Document> {
    extractor().extract(text.as_bytes(), "plan.txt").unwrap()
}

fn sample(name: &str) -> Vec<Document> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/plans")
        .join(name);
    let bytes = std::fs::read(path).unwrap();
    extractor().extract(&bytes, name).unwrap()
}

fn policy_names(documents: &[Document]) -> Vec<String> {
    documents
        .iter()
        .flat_map(|d| d.entities.policies.iter().map(|p| p.name.clone()))
        .collect()
}

const PLAN: &str = "嘉兴市教育局2018年工作要点
一、总体要求
以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大和十九届六中全会精神,认真落实全国、全省教育大会精神。
二、主要任务
1.按照《中国教育现代化2035》的要求,研究制定《嘉兴教育现代化2035》。(牵头处室:发展规划处。责任处室:办公室、财务处)
2.落实省政府中考改革的指导意见,在市委、市政府的领导下,配合区政府教育督导室做好督导。
";

#[test]
fn cited_policies_with_canonical_names_kinds_and_levels() {
    let documents = extract(PLAN);
    let policies: Vec<(String, PolicyKind, PolicyLevel)> = documents
        .iter()
        .flat_map(|d| {
            d.entities
                .policies
                .iter()
                .map(|p| (p.name.clone(), p.kind, p.level))
        })
        .collect();
    for expected in [
        (
            "习近平新时代中国特色社会主义思想",
            PolicyKind::Thought,
            PolicyLevel::Central,
        ),
        ("党的十九大", PolicyKind::Congress, PolicyLevel::Central),
        (
            "党的十九届六中全会",
            PolicyKind::Plenum,
            PolicyLevel::Central,
        ),
        ("全国教育大会", PolicyKind::Meeting, PolicyLevel::Central),
        ("全省教育大会", PolicyKind::Meeting, PolicyLevel::Provincial),
        (
            "中国教育现代化2035",
            PolicyKind::Document,
            PolicyLevel::Central,
        ),
        (
            "省政府中考改革的指导意见",
            PolicyKind::Document,
            PolicyLevel::Provincial,
        ),
    ] {
        assert!(
            policies
                .iter()
                .any(|(n, k, l)| n == expected.0 && *k == expected.1 && *l == expected.2),
            "{expected:?} not in {policies:?}"
        );
    }
}

#[test]
fn a_drafted_title_is_produced_not_cited() {
    let documents = extract(PLAN);
    assert!(!policy_names(&documents)
        .iter()
        .any(|n| n.contains("嘉兴教育现代化2035")));
    let initiatives: Vec<&str> = documents
        .iter()
        .flat_map(|d| {
            d.entities
                .initiatives
                .iter()
                .filter(|i| i.drafted)
                .map(|i| i.name.as_str())
        })
        .collect();
    assert!(
        initiatives.contains(&"嘉兴教育现代化2035"),
        "{initiatives:?}"
    );
}

#[test]
fn units_keep_their_role_and_organizations_their_name() {
    let documents = extract(PLAN);
    let units: Vec<(&str, UnitRole)> = documents
        .iter()
        .flat_map(|d| d.entities.units.iter().map(|u| (u.name.as_str(), u.role)))
        .collect();
    assert!(units.contains(&("发展规划处", UnitRole::Lead)), "{units:?}");
    assert!(
        units.contains(&("财务处", UnitRole::Responsible)),
        "{units:?}"
    );
    let organizations: Vec<&str> = documents
        .iter()
        .flat_map(|d| d.entities.organizations.iter().map(|o| o.name.as_str()))
        .collect();
    for name in ["市委", "市政府", "区政府教育督导室"] {
        assert!(
            organizations.contains(&name),
            "{name} not in {organizations:?}"
        );
    }
}

#[test]
fn every_unit_of_the_tagged_sample_is_found_once_with_its_strongest_role() {
    let documents = sample("001_62672130a47eba40.txt");
    let units: Vec<(&str, UnitRole)> = documents
        .iter()
        .flat_map(|d| d.entities.units.iter().map(|u| (u.name.as_str(), u.role)))
        .collect();
    assert_eq!(units.len(), 18, "{units:?}");
    assert!(units.contains(&("教育质量评估监测中心", UnitRole::Lead)));
    assert!(units.contains(&("机关后勤服务中心", UnitRole::Responsible)));
}

#[test]
fn plenum_lists_of_a_sample_expand() {
    let names = policy_names(&sample("003_fced18f72b6e04ae.txt"));
    for expected in [
        "省委八届九次全会",
        "省委八届十次全会",
        "党的十七届五中全会",
        "市委八届八次会议",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} not in {names:?}"
        );
    }
    assert!(!names.iter().any(|n| n.contains("历次")));
}
