//! Titles, years, issuers and regions read from real plan openings (fixtures in
//! tests/fixtures/metadata/, copied whole from the project's pool of real plans and
//! development plans, chrome and traditional characters included): the year rules
//! of ANNOTATION.md, joint issuers, a school's own plan, a title year the text
//! contradicts.

use std::sync::LazyLock;

use plankg_extract::{Extractor, ExtractorBuilder};
use plankg_model::{Document, IssuerKind, PolicyLevel, YearRange};

/// Built once: the gazetteers take a while to compile.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| ExtractorBuilder::new().build().unwrap());

fn extract(name: &str) -> Document {
    let path = format!(
        "{}/tests/fixtures/metadata/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap();
    EXTRACTOR
        .extract(&bytes, name)
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
}

/// (canonical name, kind, region) of each issuing body.
fn issuers(doc: &Document) -> Vec<(&str, IssuerKind, Option<&str>)> {
    doc.issuers
        .iter()
        .map(|i| (i.canonical.as_str(), i.kind, i.region.as_deref()))
        .collect()
}

fn jurisdiction(doc: &Document) -> Vec<&str> {
    doc.jurisdiction.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn a_joint_issuer_is_one_entity_per_body() {
    let doc = extract("joint_jiangxi_2013.txt");
    assert_eq!(
        doc.issuer.as_deref(),
        Some("中共江西省委教育工委 江西省教育厅")
    );
    assert_eq!(
        issuers(&doc),
        [
            (
                "中共江西省委教育工作委员会",
                IssuerKind::Party,
                Some("江西省")
            ),
            ("江西省教育厅", IssuerKind::Administration, Some("江西省")),
        ]
    );
    // Units and continuations belong to the government body.
    assert_eq!(doc.primary_issuer().unwrap().canonical, "江西省教育厅");
    assert_eq!(doc.year, Some(2013));

    // Three bodies of a municipality, in traditional characters.
    let doc = extract("joint_beijing_2014_trad.txt");
    let names: Vec<&str> = issuers(&doc).iter().map(|(name, _, _)| *name).collect();
    assert_eq!(
        names,
        [
            "中共北京市委教育工作委员会",
            "北京市教育委员会",
            "北京市人民政府教育督导室"
        ]
    );
    assert!(doc
        .issuers
        .iter()
        .all(|i| i.level == PolicyLevel::Provincial));
    assert_eq!(jurisdiction(&doc), ["北京市"]);
}

#[test]
fn a_schools_plan_is_issued_by_the_school_not_a_bureau_its_text_names() {
    // "枣庄市第二中学" on the line over "2022—2023学年度学校工作计划".
    let doc = extract("school_zaozhuang_2022.txt");
    assert_eq!(
        issuers(&doc),
        [("枣庄市第二中学", IssuerKind::School, Some("枣庄市"))]
    );
    assert_eq!(doc.region.as_deref(), Some("枣庄市"));
    assert_eq!(jurisdiction(&doc), ["枣庄市", "山东省"]);
    // A school year takes the year it starts.
    assert_eq!(doc.year, Some(2022));

    // "在教育局及中心校的领导下": the bureau leads the school, it does not issue
    // the school's plan, which names no school.
    let doc = extract("school_semester_bureau_named.txt");
    assert_eq!(doc.issuer, None);
    assert!(doc.issuers.is_empty());
}

#[test]
fn a_title_year_the_text_contradicts_stays_and_the_evidence_says_so() {
    // A template retitled 2019 whose text is of the 十八大 year ("是党的十八大召开
    // 之年"): the title's year stays, the cited meetings date the text.
    let doc = extract("retitled_template_2019.txt");
    assert_eq!((doc.year, doc.year_inferred), (Some(2019), false));
    let evidence = doc.evidence_years.unwrap();
    assert_eq!(
        evidence,
        YearRange {
            from: 2012,
            to: Some(2017)
        }
    );
    assert!(!evidence.contains(2019));
    // No school of that name: "倾情为你奉上小学" is the site's slogan.
    assert!(doc.issuers.is_empty());

    // A plan whose year its meetings allow.
    let doc = extract("joint_jiangxi_2013.txt");
    assert!(doc.evidence_years.unwrap().contains(2013));
}

#[test]
fn years_follow_the_rules_of_the_annotation_guide() {
    // A news report of a plan: the year of the plan its first sentence names
    // (《關于印發2017年工作要點的通知》), not the year after its newest meeting.
    let doc = extract("news_report_yunnan_2017_trad.txt");
    assert_eq!((doc.year, doc.year_inferred), (Some(2017), false));
    assert_eq!(
        issuers(&doc),
        [
            (
                "中共云南省委高校工作委员会",
                IssuerKind::Party,
                Some("云南省")
            ),
            ("云南省教育厅", IssuerKind::Administration, Some("云南省")),
        ]
    );
    // A news report of a work meeting: the meeting's year.
    let doc = extract("meeting_news_luoyang_2022.txt");
    assert_eq!(doc.year, Some(2022));
    assert_eq!(doc.issuer.as_deref(), Some("洛阳市教育局"));
    // An opening that looks back on one year and ahead to the next: the year ahead.
    let doc = extract("year_ahead_nanchang_2017_trad.txt");
    assert_eq!(doc.year, Some(2017));
    assert_eq!(doc.region.as_deref(), Some("南昌市"));
    // A document that is only a summary takes the year it summarises.
    let doc = extract("summary_only_qujing_2020_trad.txt");
    assert_eq!(doc.year, Some(2020));
    // A school year takes the year it starts (2019-2020 → 2019).
    let doc = extract("school_year_hk_2019_trad.txt");
    assert_eq!(doc.year, Some(2019));
    assert_eq!(
        issuers(&doc),
        [("圣公会奉基小学", IssuerKind::School, None)]
    );
    // A page headed by a summary and a plan (《…2019年工作总结》《…2020年工作要点》)
    // takes the plan's year.
    let doc = extract("summary_and_plan_titles_pudong_2020.txt");
    assert_eq!(doc.year, Some(2020));
    // A spring term takes its calendar year.
    let doc = extract("spring_term_2013.txt");
    assert_eq!(doc.year, Some(2013));
}

#[test]
fn a_notice_gives_the_plans_title_year_and_issuer() {
    // "省教育厅关于印发2021年全省教育工作总结和2022年全省教育工作要点的通知" on a
    // school site: the plan's title, the plan's year, the department of the province.
    let doc = extract("notice_guizhou_2022.txt");
    assert_eq!(
        doc.title.as_deref(),
        Some("2021年全省教育工作总结和2022年全省教育工作要点")
    );
    assert_eq!(doc.year, Some(2022));
    assert_eq!(
        issuers(&doc),
        [("贵州省教育厅", IssuerKind::Administration, Some("贵州省"))]
    );
}

#[test]
fn a_page_header_names_the_publisher_when_the_text_names_no_body() {
    // "发布机构: | 县教育局" over a county's report that says only 我局: the
    // county bureau, placed by the county its text names (《武义县…规划》).
    let doc = extract("publisher_field_wuyi_2016.txt");
    assert_eq!(doc.issuer.as_deref(), Some("县教育局"));
    assert_eq!(doc.region.as_deref(), Some("武义县"));
    assert_eq!(
        issuers(&doc),
        [("武义县教育局", IssuerKind::Administration, Some("武义县"))]
    );
}

#[test]
fn a_ministry_department_is_its_own_body() {
    // Signed 教育部职业教育与成人教育司: a national body, not the ministry itself.
    let doc = extract("ministry_department_2018.txt");
    assert_eq!(
        issuers(&doc),
        [(
            "教育部职业教育与成人教育司",
            IssuerKind::Administration,
            None
        )]
    );
    assert_eq!(doc.issuers[0].level, PolicyLevel::Central);
    assert_eq!(doc.region, None);
}

#[test]
fn a_news_item_reporting_a_plan_takes_its_issuer_and_year() {
    // "学校印发《武汉科技大学2020年党政工作要点及工作任务分解方案》".
    let doc = extract("reported_university_plan_2020.txt");
    assert_eq!(doc.issuer.as_deref(), Some("武汉科技大学"));
    assert_eq!(doc.year, Some(2020));
    // "今年是…“十三五”规划开局之年" in a report of a cadre meeting: 2016, inferred.
    let doc = extract("five_year_plan_opening_2016.txt");
    assert_eq!((doc.year, doc.year_inferred), (Some(2016), true));
}

#[test]
fn a_bureau_the_title_writes_bare_takes_its_level_from_the_body() {
    // Title "教育局2020年工作总结和2021年工作思路", body "市教育局在市委市政府…".
    let doc = extract("bare_title_bureau_2021.txt");
    assert_eq!(doc.issuer.as_deref(), Some("市教育局"));
    // A forum repost: title "教育局:用“两会”精神…", body "区教育局党组书记", its
    // place in the news item's dateline ("郧阳网讯").
    let doc = extract("dateline_news_yunyang_2021.txt");
    assert_eq!(doc.issuer.as_deref(), Some("区教育局"));
    assert_eq!(doc.region.as_deref(), Some("郧阳区"));
}

#[test]
fn a_department_the_title_names_is_the_issuer() {
    // "教育局基础教育科工作参考计划": the department's own plan.
    let doc = extract("department_title_2010.txt");
    assert_eq!(doc.issuer.as_deref(), Some("教育局基础教育科"));
    // Its identity is the bureau's, place restored, and the department.
    assert_eq!(
        issuers(&doc),
        [(
            "丹阳市教育局基础教育科",
            IssuerKind::Administration,
            Some("丹阳市")
        )]
    );
}

#[test]
fn a_speech_outlining_a_review_and_the_next_years_work_is_of_the_next_year() {
    // "一是2014年學校主要工作回顧;…三是2015年主要工作部署".
    let doc = extract("review_and_plan_speech_2015_trad.txt");
    assert_eq!(doc.year, Some(2015));
}

#[test]
fn an_opening_setting_a_citys_years_education_work_implies_its_bureau() {
    // "遵义市2018年教育工作的总体要求是…": no body named, the city's bureau inferred.
    let doc = extract("city_year_opening_zunyi_2018.txt");
    assert_eq!(
        issuers(&doc),
        [("遵义市教育局", IssuerKind::Administration, Some("遵义市"))]
    );
    assert!(doc.issuers[0].inferred);
}

#[test]
fn a_heads_meeting_names_no_bureau() {
    // A template page titled "教育局工作计划" whose body speaks of "全省教育局长会议":
    // 局长 is a person, the title's bare 教育局 is not completed from it.
    let doc = extract("template_bureau_heads_meeting_2007.txt");
    assert_ne!(doc.issuer.as_deref(), Some("省教育局"));
}
