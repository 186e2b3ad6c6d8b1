//! Summary and plan parts read from real plans (fixtures/parts/SOURCES.md): each
//! part's kind and year, and the figures of a summary kept as reported targets.

use std::sync::LazyLock;

use plankg_extract::{Extractor, ExtractorBuilder};
use plankg_model::{Document, PartKind, Section};

/// Built once: the gazetteers take a while to compile.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| ExtractorBuilder::new().build().unwrap());

fn extract(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/parts/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    let mut docs = EXTRACTOR.extract(&bytes, name).unwrap();
    assert_eq!(docs.len(), 1, "{name}");
    docs.remove(0)
}

/// (number, kind, year) of each top-level section, the preamble's number "".
fn parts(doc: &Document) -> Vec<(String, PartKind, Option<i32>)> {
    doc.sections
        .iter()
        .map(|s| {
            (
                s.number.clone().unwrap_or_default(),
                s.part_kind,
                s.about_year,
            )
        })
        .collect()
}

/// Every section below `section` has its kind and year.
fn nested_inherit(section: &Section) -> bool {
    section.children.iter().all(|child| {
        (child.part_kind, child.about_year) == (section.part_kind, section.about_year)
            && nested_inherit(child)
    })
}

#[test]
fn a_joined_summary_and_plan_dates_the_summary_a_year_before_the_plan() {
    let doc = extract("summary_difficulties_plan.txt");
    assert_eq!(doc.year, Some(2021));
    assert_eq!(
        parts(&doc),
        [
            (String::new(), PartKind::Summary, Some(2020)),
            ("一、".to_owned(), PartKind::Summary, Some(2020)),
            ("二、".to_owned(), PartKind::Summary, Some(2020)),
            ("三、".to_owned(), PartKind::Plan, Some(2021)),
            ("四、".to_owned(), PartKind::Plan, Some(2021)),
        ]
    );
    assert!(doc.sections.iter().all(nested_inherit));
}

#[test]
fn figures_of_a_summary_part_are_reported_targets() {
    let doc = extract("summary_then_plan_figures.txt");
    assert_eq!(doc.year, Some(2023));
    assert!(doc
        .sections
        .iter()
        .all(|s| s.part_kind == PartKind::Summary));
    assert!(doc.sections.iter().all(|s| s.about_year == Some(2022)));
    let figures: Vec<(f64, &str)> = doc
        .entities
        .targets
        .iter()
        .map(|t| (t.value, t.unit.as_str()))
        .collect();
    for figure in [(3000.0, "名"), (5000.0, "个"), (454.0, "名")] {
        assert!(figures.contains(&figure), "{figure:?} not in {figures:?}");
    }
    assert!(doc.entities.targets.iter().all(|t| t.reported));
    assert!(doc
        .tasks()
        .flat_map(|t| &t.entities.targets)
        .all(|t| t.reported));
}

#[test]
fn a_summary_only_document_is_a_summary_of_its_year_throughout() {
    let doc = extract("summary_only.txt");
    assert_eq!(doc.year, Some(2020));
    assert!(!doc.sections.is_empty());
    for section in &doc.sections {
        assert_eq!(
            (section.part_kind, section.about_year),
            (PartKind::Summary, Some(2020))
        );
    }
    // 教育一般公共预算财政支出12.58亿元: of the year summarised, so no earlier year
    // and no 已 marks it; the part does.
    let spending = doc
        .entities
        .targets
        .iter()
        .find(|t| t.value == 12.58)
        .unwrap();
    assert_eq!(spending.unit, "亿元");
    assert!(doc.entities.targets.iter().all(|t| t.reported));
}

/// The rule on a snippet in the shape of the joined plans (一、…工作回顾 /
/// 二、…工作安排): the plan part's figures stay targets set, not reported.
#[test]
fn figures_of_a_plan_part_are_not_reported() {
    let text = "区教育局2021年工作总结和2022年工作要点\n\
                一、2021年工作回顾\n\
                全年新建幼儿园3所,新增学位2000个。\n\
                二、2022年工作安排\n\
                新建幼儿园5所,新增学位3000个。\n";
    let docs = EXTRACTOR.extract(text.as_bytes(), "joined.txt").unwrap();
    let doc = &docs[0];
    let reported = |value: f64| {
        doc.tasks()
            .flat_map(|t| &t.entities.targets)
            .find(|t| t.value == value)
            .map(|t| t.reported)
    };
    assert_eq!(reported(3.0), Some(true));
    assert_eq!(reported(2000.0), Some(true));
    assert_eq!(reported(5.0), Some(false));
    assert_eq!(reported(3000.0), Some(false));
    let kinds: Vec<(PartKind, Option<i32>)> = doc
        .sections
        .iter()
        .map(|s| (s.part_kind, s.about_year))
        .collect();
    // The title line is the preamble: the joined page opens with its summary.
    assert_eq!(
        kinds,
        [
            (PartKind::Summary, Some(2021)),
            (PartKind::Summary, Some(2021)),
            (PartKind::Plan, Some(2022)),
        ]
    );
}
