//! Documents, metadata and section trees read from excerpts of real plans
//! (fixtures copied from the sample and development plans).

use std::sync::LazyLock;

use plankg_extract::{Extractor, ExtractorBuilder};
use plankg_model::{Document, Section};

/// Built once: the gazetteers take a while to compile.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| ExtractorBuilder::new().build().unwrap());

fn extract(name: &str) -> Vec<Document> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    EXTRACTOR.extract(&bytes, name).unwrap()
}

fn top_numbers(doc: &Document) -> Vec<String> {
    doc.sections
        .iter()
        .filter(|s| s.depth == 1)
        .map(|s| s.number.clone().unwrap_or_default())
        .collect()
}

fn all_text(doc: &Document) -> String {
    doc.tasks()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn two_plans_in_one_file_are_two_documents() {
    let docs = extract("compilation_two_plans.txt");
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].title.as_deref(),
        Some("2024年教育系统年度教育发展工作计划")
    );
    assert_eq!(docs[0].year, Some(2024));
    assert_eq!(docs[0].top_sections, 4);
    assert_eq!(docs[1].title.as_deref(), Some("教育系统年度工作计划"));
    assert_eq!(docs[1].year, None);
    assert_eq!(docs[1].top_sections, 2);
    assert_eq!((docs[0].index, docs[1].index), (0, 1));
    assert!(docs[0].span.end <= docs[1].span.start);
}

#[test]
fn a_repeated_plan_is_reported_once_with_its_fullest_copy() {
    let docs = extract("repeated_plan.txt");
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc.title.as_deref(), Some("教育系统年度教育发展工作计划"));
    // No year is written: 党的十七届五中全会 (2010) is the latest meeting cited.
    assert_eq!((doc.year, doc.year_inferred), (Some(2011), true));
    assert_eq!(doc.issuer.as_deref(), Some("区教育局"));
    assert_eq!(doc.region, None);
    assert_eq!(doc.top_sections, 1);
    // The first copy is the fuller one: its items are there, the disclaimer is not.
    let text = all_text(doc);
    assert!(text.contains("2.推动实施重点项目和改革试点。"));
    assert!(!text.contains("下载文档前"));
}

#[test]
fn items_glued_to_the_previous_line_are_split() {
    let docs = extract("glued_items.txt");
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(top_numbers(doc), ["一、", "二、", "三、"]);
    let first = &doc.sections[1];
    assert_eq!(first.heading.as_deref(), Some("贯彻落实区教育工作会议精神"));
    assert!(first.tasks[1]
        .text
        .starts_with("1、根据区教育工作会议的精神"));
    // "06年" in the text is not in this excerpt; 党的十六届五中全会 (2005) is.
    assert_eq!((doc.year, doc.year_inferred), (Some(2006), true));
}

#[test]
fn decimal_numbering_nests_under_chinese_parts() {
    let doc = &extract("decimal_numbering.txt")[0];
    assert_eq!(doc.top_sections, 2);
    let second = &doc
        .sections
        .iter()
        .find(|s| s.number.as_deref() == Some("二、"))
        .unwrap();
    let numbers: Vec<_> = second
        .children
        .iter()
        .map(|s| s.number.clone().unwrap())
        .collect();
    assert_eq!(numbers, ["2.1", "2.2", "2.3", "2.4", "2.5"]);
    assert!(second.children[0]
        .tasks
        .iter()
        .any(|t| t.text.starts_with("2.1.1")));
}

#[test]
fn lettered_items_are_tasks_of_their_part() {
    let doc = &extract("lettered_numbering.txt")[0];
    assert_eq!(doc.top_sections, 4);
    let third = &doc
        .sections
        .iter()
        .find(|s| s.number.as_deref() == Some("三、"))
        .unwrap();
    let first_item = &third.children[0];
    assert_eq!(first_item.number.as_deref(), Some("1."));
    let letters: Vec<_> = first_item
        .tasks
        .iter()
        .filter(|t| !t.is_heading)
        .map(|t| &t.text[..2])
        .collect();
    assert_eq!(letters, ["a)", "b)", "c)", "d)"]);
}

#[test]
fn site_chrome_around_a_plan_is_dropped() {
    let docs = extract("chrome_around_plan.txt");
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc.title.as_deref(), Some("市教育局2022年工作计划"));
    assert_eq!(doc.year, Some(2022));
    assert_eq!(doc.issuer.as_deref(), Some("市教育局"));
    assert!(doc
        .region
        .as_deref()
        .is_some_and(|r| r.starts_with("连云港")));
    assert_eq!(doc.issued.as_deref(), Some("2022-02-14"));
    assert_eq!(top_numbers(doc), ["一、", "二、", "三、"]);
    let text = all_text(doc);
    for chrome in ["索引号", "点击数", "ICP备", "电话", "版权"] {
        assert!(!text.contains(chrome), "{chrome} left in the plan");
    }
}

#[test]
fn unnumbered_parts_are_found_from_heading_runs() {
    let doc = &extract("unnumbered_headings.txt")[0];
    assert_eq!(
        doc.title.as_deref(),
        Some("嘉兴市委教育工委 市教育局 2018年工作要点")
    );
    assert_eq!(doc.issuer.as_deref(), Some("嘉兴市委教育工委 市教育局"));
    assert_eq!(doc.region.as_deref(), Some("嘉兴市"));
    let tops: Vec<&Section> = doc.sections.iter().filter(|s| s.depth == 1).collect();
    assert_eq!(
        tops[0].heading.as_deref(),
        Some("以党的十九大和习总书记南湖重要讲话精神为指导")
    );
    assert!(tops.len() >= 2);
    assert_eq!(doc.top_sections as usize, tops.len());
}

#[test]
fn signature_gives_issuer_and_issue_date() {
    let doc = &extract("opening_notice_signature.txt")[0];
    assert_eq!(doc.title.as_deref(), Some("2021年区教育局工作要点"));
    assert_eq!(doc.year, Some(2021));
    assert_eq!(doc.issuer.as_deref(), Some("区教育局"));
    assert_eq!(doc.region.as_deref(), Some("普陀区"));
    assert_eq!(doc.issued.as_deref(), Some("2021年3月24日"));
}

#[test]
fn a_notice_names_the_issuer_of_the_plan_it_wraps() {
    let doc = &extract("opening_notice_issuer.txt")[0];
    assert_eq!(doc.title.as_deref(), Some("2010年全省教育工作要点"));
    assert_eq!(doc.year, Some(2010));
    assert_eq!(doc.issuer.as_deref(), Some("福建省教育厅"));
    assert_eq!(doc.region.as_deref(), Some("福建省"));
}

#[test]
fn the_year_of_the_opening_beats_the_page_title() {
    let doc = &extract("opening_body_year.txt")[0];
    assert_eq!(doc.title.as_deref(), Some("教育局2021年工作要点"));
    assert_eq!((doc.year, doc.year_inferred), (Some(2020), false));
    assert_eq!(doc.issuer.as_deref(), Some("教育局"));
    assert_eq!(doc.region, None);
}

#[test]
fn a_masked_year_is_inferred() {
    let doc = &extract("opening_masked_year.txt")[0];
    assert_eq!(doc.title.as_deref(), Some("县教育局xx年工作计划方案"));
    assert_eq!((doc.year, doc.year_inferred), (Some(2016), true));
    assert_eq!(doc.issuer.as_deref(), Some("县教育局"));
    // The region as the gazetteer knows it, within its city and province; the
    // bureau of the county is named in full.
    assert_eq!(doc.region.as_deref(), Some("平江县"));
    let within: Vec<&str> = doc.jurisdiction.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(within, ["平江县", "岳阳市", "湖南省"]);
    assert_eq!(doc.issuers[0].canonical, "平江县教育局");
}

#[test]
fn a_headline_without_a_plan_word_is_the_title() {
    let doc = &extract("opening_headline.txt")[0];
    assert_eq!(doc.title.as_deref(), Some("教育体育局2020年为民办实事"));
    assert_eq!(doc.year, Some(2020));
    assert_eq!(doc.issuer.as_deref(), Some("教育体育局"));
    assert_eq!(doc.region, None);
    assert_eq!(doc.top_sections, 7);
}

#[test]
fn task_spans_point_at_the_source() {
    let name = "glued_items.txt";
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    let doc = &extract(name)[0];
    for task in doc.tasks() {
        assert_eq!(task.span.slice(&source), task.text, "{}", task.id);
    }
    let ids: Vec<_> = doc.tasks().map(|t| t.id.clone()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any text made of numbering markers, titles and punctuation goes through the
    /// structure parser without a panic, and every task's text is where its span says.
    #[test]
    fn the_structure_parser_never_panics(
        text in "[一二三四五六七八九十、()（）.．0-9a-z①②⑴㈠第部分章 \n。,;:xX*教育局市区县年度工作计划要点汇编上一篇申明]{0,300}"
    ) {
        let extractor = &*EXTRACTOR;
        if let Ok(docs) = extractor.extract(text.as_bytes(), "arbitrary.txt") {
            let source = extractor.plain_text(text.as_bytes(), "arbitrary.txt").unwrap();
            for doc in &docs {
                for task in doc.tasks() {
                    proptest::prop_assert!(task.span.start <= task.span.end);
                    proptest::prop_assert!(task.span.end <= source.chars().count());
                }
            }
        }
    }

    /// Arbitrary Unicode text does not panic either.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = EXTRACTOR.extract(text.as_bytes(), "arbitrary.txt");
    }
}
