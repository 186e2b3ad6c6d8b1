//! Schools, targets and initiatives found by `Extractor::extract` in short plans
//! written like the real ones (ANNOTATION.md, "schools", "targets", "initiatives").

use plankg_extract::ExtractorBuilder;
use plankg_model::{Comparator, Document};

const PLAN: &str = "市教育局2023年工作要点
一、推进基础教育优质均衡发展
1.学前三年毛入园率达到94%以上,创建一级幼儿园25所。新增市级校企合作示范组合6-8个。改造中小学校舍25.8万平方米,全年教育投入达到260.69亿元。围绕区域教育中心建设\"321\"发展愿景,评选第二批名师工作室。
2.大力实施名校长、名师工程,深化\"县管校聘\"管理改革试点,加快推进“最多跑一次”改革,实施中小学教学质量提升工程和学前教育三年行动计划。积极开展活动,制定培训计划。
3.市区重点推进秀州中学建设,支持连云港职业技术学院发展,缓解五中、**中及总场一中的办学压力。加强中小学管理,加大对薄弱学校、农村学校和民办学校的支持。
";

fn extract(text: &str) -> Vec<Document> {
    let extractor = ExtractorBuilder::new().build().unwrap();
    extractor.extract(text.as_bytes(), "plan.txt").unwrap()
}

fn target<'a>(
    documents: &'a [Document],
    value: f64,
    unit: &str,
) -> Option<&'a plankg_model::TargetRef> {
    documents
        .iter()
        .flat_map(|d| d.entities.targets.iter())
        .find(|t| (t.value - value).abs() < 1e-9 && t.unit == unit)
}

#[test]
fn targets_keep_value_unit_and_comparator() {
    let documents = extract(PLAN);
    let rate = target(&documents, 94.0, "%").unwrap();
    assert_eq!(rate.indicator, "学前三年毛入园率");
    assert_eq!(rate.comparator, Comparator::AtLeast);
    let count = target(&documents, 25.0, "所").unwrap();
    assert_eq!(count.comparator, Comparator::Equal);
    assert!(count.indicator.contains("一级幼儿园"));
    let range = target(&documents, 6.0, "个").unwrap();
    assert_eq!(
        (range.value_max, range.comparator),
        (Some(8.0), Comparator::AtLeast)
    );
    assert!(target(&documents, 25.8, "万平方米").is_some());
    assert!(target(&documents, 260.69, "亿元").is_some());
    assert!(!target(&documents, 260.69, "亿元")
        .unwrap()
        .evidence
        .is_empty());
}

#[test]
fn names_and_ordinals_are_not_targets() {
    let documents = extract(PLAN);
    let values: Vec<f64> = documents
        .iter()
        .flat_map(|d| d.entities.targets.iter().map(|t| t.value))
        .collect();
    assert!(!values.contains(&321.0), "{values:?}");
    assert!(!values.contains(&2.0), "{values:?}");
}

#[test]
fn named_schools_are_found_and_kinds_are_not() {
    let documents = extract(PLAN);
    let names: Vec<&str> = documents
        .iter()
        .flat_map(|d| d.entities.schools.iter().map(|s| s.name.as_str()))
        .collect();
    for school in ["秀州中学", "连云港职业技术学院", "五中", "总场一中"] {
        assert!(names.contains(&school), "{school} not in {names:?}");
    }
    for kind in ["中小学", "薄弱学校", "农村学校", "民办学校"] {
        assert!(
            !names.iter().any(|n| n.ends_with(kind)),
            "{kind} in {names:?}"
        );
    }
}

#[test]
fn initiatives_have_names_and_shared_keys() {
    let documents = extract(PLAN);
    let initiatives: Vec<&plankg_model::InitiativeRef> = documents
        .iter()
        .flat_map(|d| d.entities.initiatives.iter())
        .collect();
    let names: Vec<&str> = initiatives.iter().map(|i| i.name.as_str()).collect();
    for name in [
        "名师工程",
        "县管校聘管理改革试点",
        "最多跑一次",
        "中小学教学质量提升工程",
        "学前教育三年行动计划",
    ] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    for generic in ["开展活动", "培训计划", "321"] {
        assert!(
            !names.iter().any(|n| n.contains(generic)),
            "{generic} in {names:?}"
        );
    }
    let key = |name: &str| {
        initiatives
            .iter()
            .find(|i| i.name == name)
            .map(|i| i.key.clone())
    };
    assert_eq!(
        key("县管校聘管理改革试点").as_deref(),
        Some("县管校聘管理改革试点")
    );
}

#[test]
fn a_school_kind_inside_a_policy_name_is_no_school() {
    // Pool: a district's plan of 2020 cites a ministry guideline without title marks.
    let documents = extract("2020年区教育工作要点\n一、德育\n1.一体化建设。贯彻落实教育部中小学德育工作指南,进一步加强德育。\n");
    let doc = &documents[0];
    assert!(
        doc.entities.schools.is_empty(),
        "{:?}",
        doc.entities.schools
    );
    assert!(doc
        .entities
        .policies
        .iter()
        .any(|p| p.name == "教育部中小学德育工作指南"));
}
