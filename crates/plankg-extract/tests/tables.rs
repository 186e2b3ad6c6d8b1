//! Task tables and site chrome (issue 13), read from real plan text put into the
//! shapes real sources have: HTML tables with rowspan, Word tables with merged
//! cells, text copied from tables (tabs, wide spaces, pipes, one cell per line), and
//! saved pages with menus, breadcrumbs, related lists, site headers and footers.
//! Where each fixture's text comes from: tests/fixtures/tables/SOURCES.md; what each
//! must give: tests/fixtures/tables/EXPECTED.md.

mod common;

use std::sync::LazyLock;

use plankg_extract::{Extractor, ExtractorBuilder};
use plankg_model::{Document, Section, Task, UnitRole};

use common::{docx, CONTENT_TYPES, RELS};

/// Built once: the gazetteers take a while to compile.
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| ExtractorBuilder::new().build().unwrap());

/// The bytes of a fixture file.
fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/tables/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap()
}

/// The one document of a fixture file.
fn document(name: &str) -> Document {
    one(EXTRACTOR.extract(&fixture(name), name).unwrap())
}

/// The decoded text of a fixture file, which every span refers to.
fn source(name: &str) -> String {
    EXTRACTOR.plain_text(&fixture(name), name).unwrap()
}

fn one(mut docs: Vec<Document>) -> Document {
    assert_eq!(docs.len(), 1, "one document expected");
    docs.remove(0)
}

/// What a table row must give: the start of its task text, its units with their
/// roles, its deadline.
struct Expected {
    task: &'static str,
    units: &'static [(&'static str, UnitRole)],
    deadline: Option<&'static str>,
}

const fn row(
    task: &'static str,
    units: &'static [(&'static str, UnitRole)],
    deadline: Option<&'static str>,
) -> Expected {
    Expected {
        task,
        units,
        deadline,
    }
}

use UnitRole::{Cooperating as Coop, Lead, Responsible as Resp};

/// The tasks that are table rows: those with a deadline or units from a cell.
fn row_tasks(doc: &Document) -> Vec<&Task> {
    doc.tasks()
        .filter(|t| t.deadline.is_some() || !t.entities.units.is_empty())
        .collect()
}

fn units_of(task: &Task) -> Vec<(&str, UnitRole)> {
    task.entities
        .units
        .iter()
        .map(|u| (u.name.as_str(), u.role))
        .collect()
}

/// Each expected row is a task of `doc`, in the order of the text, with exactly
/// its units and deadline; no other task carries units or a deadline.
fn assert_rows(doc: &Document, expected: &[Expected]) {
    let mut rows = row_tasks(doc);
    rows.sort_by_key(|t| t.span.start);
    let texts: Vec<&str> = rows.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(rows.len(), expected.len(), "row tasks: {texts:#?}");
    for (task, want) in rows.iter().zip(expected) {
        assert!(
            task.text.starts_with(want.task),
            "{:?} should start with {:?}",
            task.text,
            want.task
        );
        assert_eq!(units_of(task), want.units, "units of {:?}", want.task);
        assert_eq!(
            task.deadline.as_ref().map(|d| d.text.as_str()),
            want.deadline,
            "deadline of {:?}",
            want.task
        );
    }
    // The header is not a task, and every deadline's span holds its text.
    for task in doc.tasks() {
        assert!(
            !task.text.starts_with("序号"),
            "header as a task: {}",
            task.text
        );
    }
}

/// Every deadline and unit evidence span points at its text in the source.
fn assert_spans(doc: &Document, source: &str) {
    for task in doc.tasks() {
        if let Some(deadline) = &task.deadline {
            assert_eq!(deadline.span.slice(source), deadline.text);
        }
        for unit in &task.entities.units {
            for evidence in &unit.evidence {
                assert_eq!(evidence.span.slice(source), unit.name);
            }
        }
    }
}

#[test]
fn html_table_with_rowspan_gives_rows_with_units_deadlines_and_sub_rows() {
    let doc = document("task_table_rowspan.html");
    assert_eq!(
        doc.title.as_deref(),
        Some("XX市教育局2023年重点工作任务清单")
    );
    assert!(doc
        .tasks()
        .any(|t| t.text.starts_with("坚持问题导向、目标导向、结果导向")));
    assert_rows(
        &doc,
        &[
            row(
                "全面完成年度任务目标",
                &[("区域教育中心建设专班", Lead)],
                Some("全年"),
            ),
            row(
                "健全教育发展保障体系",
                &[("财务处", Lead), ("干部人事处", Coop)],
                None,
            ),
            row(
                "加大财政教育经费投入",
                &[("财务处", Lead), ("干部人事处", Coop)],
                Some("全年"),
            ),
            row(
                "建立完善更加灵活开放的教师补充机制",
                &[("财务处", Lead), ("干部人事处", Coop)],
                Some("全年"),
            ),
            row(
                "深入推进\"找抓补促\"活动",
                &[("找抓补促工作专班", Lead)],
                Some("全年"),
            ),
            row(
                "提升教育系统作风效能",
                &[("机关党委", Lead), ("办公室", Coop), ("干部人事处", Coop)],
                Some("全年"),
            ),
        ],
    );
    // Row 2 heads a section of its sub-rows 2-1 and 2-2.
    let parent = find_section(&doc.sections, "2").expect("a section for row 2");
    assert_eq!(parent.heading.as_deref(), Some("健全教育发展保障体系"));
    let sub: Vec<&str> = parent
        .tasks
        .iter()
        .filter(|t| !t.is_heading)
        .map(|t| t.text.split('\t').next().unwrap_or(""))
        .collect();
    assert_eq!(
        sub,
        ["加大财政教育经费投入", "建立完善更加灵活开放的教师补充机制"]
    );
    // The page's units are the document's, with their column roles.
    let lead: Vec<&str> = doc
        .entities
        .units
        .iter()
        .filter(|u| u.role == Lead)
        .map(|u| u.name.as_str())
        .collect();
    for name in [
        "区域教育中心建设专班",
        "财务处",
        "找抓补促工作专班",
        "机关党委",
    ] {
        assert!(lead.contains(&name), "{name} leads: {lead:?}");
    }
    assert_spans(&doc, &source("task_table_rowspan.html"));
}

fn find_section<'a>(sections: &'a [Section], number: &str) -> Option<&'a Section> {
    sections.iter().find_map(|s| {
        (s.number.as_deref() == Some(number))
            .then_some(s)
            .or_else(|| find_section(&s.children, number))
    })
}

#[test]
fn tab_separated_rows_take_a_merged_unit_cell_from_the_row_above() {
    let doc = document("task_table_tabs.txt");
    assert_rows(
        &doc,
        &[
            row("实施校舍安全工程", &[("教育体育局", Resp)], Some("年内")),
            row(
                "完成东洲幼儿园改扩建项目",
                &[("教育体育局", Resp)],
                Some("年内"),
            ),
            row(
                "完成育才小学食堂改造项目",
                &[("教育体育局", Resp)],
                Some("年底前"),
            ),
            row(
                "开工建设新城小学。",
                &[("教育体育局", Resp)],
                Some("年底前"),
            ),
            row(
                "第一中学创建为四星级高中",
                &[("第一中学", Resp)],
                Some("年内"),
            ),
            row(
                "实施教育装备提升工程",
                &[("教育体育局", Resp)],
                Some("年内"),
            ),
        ],
    );
}

#[test]
fn wide_space_separated_rows_are_cells() {
    let doc = document("task_table_wide_spaces.txt");
    let both: &[(&str, UnitRole)] = &[("洛阳市教育局", Lead), ("各县区教育局", Resp)];
    assert_rows(
        &doc,
        &[
            row("新建、改扩建公办幼儿园", both, Some("年内")),
            row("新建、改扩建义务教育学校", both, Some("年内")),
            row("首批现代化高中建设", both, Some("6月底前")),
            row("首批现代化高中建设", both, Some("12月底前")),
            row(
                "校长职级制改革",
                &[("洛阳市教育局", Lead), ("市直学校", Resp)],
                Some("3月底前"),
            ),
        ],
    );
    assert_spans(&doc, &source("task_table_wide_spaces.txt"));
}

#[test]
fn pipe_separated_rows_keep_a_unit_with_its_parenthesis() {
    let doc = document("task_table_pipes.txt");
    const PERSONNEL: &str = "人事处(人才工作处)";
    assert_rows(
        &doc,
        &[
            row(
                "健全教育强省建设重点任务落实机制",
                &[
                    ("秘书组秘书处", Lead),
                    ("办公室", Coop),
                    ("组干处", Coop),
                    ("发展规划处", Coop),
                    (PERSONNEL, Coop),
                ],
                Some("6月底前"),
            ),
            row(
                "健全教育强省建设重点任务落实机制",
                &[("组干处", Lead), (PERSONNEL, Coop)],
                Some("全年"),
            ),
            row(
                "健全教育强省建设重点任务落实机制",
                &[("办公室", Lead), ("发展规划处", Coop)],
                Some("年内"),
            ),
            row(
                "加强教育改革发展战略谋划实施",
                &[("发展规划处", Lead), ("办公室", Coop)],
                Some("12月底前"),
            ),
            row(
                "加强教育改革发展战略谋划实施",
                &[
                    ("发展规划处", Lead),
                    ("秘书组秘书处", Coop),
                    ("办公室", Coop),
                ],
                Some("全年"),
            ),
        ],
    );
}

#[test]
fn one_cell_per_line_rows_follow_their_header() {
    let doc = document("task_table_cell_per_line.txt");
    assert_rows(
        &doc,
        &[
            row(
                "加强教育发展研究。",
                &[
                    ("发展规划处", Resp),
                    ("办公室", Coop),
                    ("基础教育处", Coop),
                    ("高等教育与职业教育处", Coop),
                    ("财务处", Coop),
                    ("干部人事处", Coop),
                    ("教师处", Coop),
                    ("教育发展研究中心", Coop),
                ],
                Some("全年"),
            ),
            row(
                "坚持教育质量核心意识。",
                &[
                    ("教育科学研究中心", Resp),
                    ("基础教育处", Coop),
                    ("高等教育与职业教育处", Coop),
                    ("职业教育与成人教育研究中心", Coop),
                    ("教育质量评估监测中心", Coop),
                ],
                Some("每季度"),
            ),
            row(
                "完善教育质量评价机制。",
                &[
                    ("教育质量评估监测中心", Resp),
                    ("基础教育处", Coop),
                    ("高等教育与职业教育处", Coop),
                    ("教育科学研究中心", Coop),
                    ("职业教育与成人教育研究中心", Coop),
                ],
                Some("全年"),
            ),
            row(
                "提升教育科研工作质量。",
                &[
                    ("教育科学研究中心", Resp),
                    ("基础教育处", Coop),
                    ("高等教育与职业教育处", Coop),
                    ("教育质量评估监测中心", Coop),
                    ("职业教育与成人教育研究中心", Coop),
                ],
                Some("全年"),
            ),
            row(
                "优质普惠发展学前教育。",
                &[("基础教育处", Resp), ("发展规划处", Coop)],
                Some("年底前"),
            ),
        ],
    );
    // 各县(市、区) inside a task cell is text, not a list of units.
    let third = row_tasks(&doc)[2];
    assert!(third.text.contains("各县(市、区)"));
}

#[test]
fn a_school_plan_table_names_offices_not_people() {
    let doc = document("school_plan_table.txt");
    assert!(doc.tasks().any(|t| t
        .text
        .starts_with("以习近平新时代中国特色社会主义思想为指导")
        && t.text.ends_with("向建校70周年献礼。")));
    assert_rows(
        &doc,
        &[
            row("全面加强党的建设", &[("党政办", Resp)], Some("第1周")),
            row("坚持目标引领", &[("教务处", Resp)], Some("第2周")),
            row("继续推进教学改革", &[("教研组", Resp)], Some("第3-4周")),
            row(
                "加强学生管理与心理健康教育",
                &[("德育处", Resp), ("团委", Resp)],
                Some("第5周"),
            ),
            row("优化拓展升学路径", &[("年级组", Resp)], Some("第6-8周")),
            row(
                "做好学校二期、三期工程续建工作。",
                &[("总务处", Resp)],
                Some("第9周"),
            ),
        ],
    );
    let names: Vec<&str> = doc.entities.units.iter().map(|u| u.name.as_str()).collect();
    assert!(
        !names.iter().any(|n| n.contains("XX")),
        "people as units: {names:?}"
    );
}

/// One Word table cell: its properties and paragraphs.
fn cell(properties: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

#[test]
fn docx_table_with_merged_cells_gives_rows_with_units_and_deadlines() {
    // The rows of task_table_rowspan.html as Word writes them: the header's 工作任务
    // spans two grid columns, 财务处/干部人事处 are merged down three rows (vMerge),
    // 全年 down the two sub-rows.
    let restart = "<w:vMerge w:val=\"restart\"/>";
    let merged = "<w:vMerge/>";
    let paragraph =
        |text: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>");
    let rows = [
        [
            cell("", "序号"),
            cell("<w:gridSpan w:val=\"2\"/>", "工作任务"),
            cell("", "牵头科室"),
            cell("", "配合科室"),
            cell("", "完成时间"),
        ]
        .concat(),
        [
            cell("", "1"),
            cell("", "全面完成年度任务目标"),
            cell("", "围绕加快实现区域教育中心建设\"321\"发展愿景,实施专班推进,确保完成年度任务目标。"),
            cell("", "区域教育中心建设专班"),
            cell("", ""),
            cell("", "全年"),
        ]
        .concat(),
        [
            cell("", "2"),
            cell("", "健全教育发展保障体系"),
            cell("", "落实教育优先发展战略。"),
            cell(restart, "财务处"),
            cell(restart, "干部人事处"),
            cell("", ""),
        ]
        .concat(),
        [
            cell("", "2-1"),
            cell("", "加大财政教育经费投入"),
            cell("", "严格落实各学段教育生均拨款制度和教育费附加、城市建设维护税、土地出让金等教育专项投入政策,全年教育投入达到260.69亿元。"),
            "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>".to_owned(),
            cell(merged, ""),
            cell(restart, "全年"),
        ]
        .concat(),
        [
            cell("", "2-2"),
            cell("", "建立完善更加灵活开放的教师补充机制"),
            cell("", "大力引进博硕人才和高层次专业技术人才,全年补充教师2800人。"),
            cell(merged, ""),
            cell(merged, ""),
            cell(merged, ""),
        ]
        .concat(),
    ];
    let table: String = rows.iter().map(|r| format!("<w:tr>{r}</w:tr>")).collect();
    let body = format!(
        "{}{}<w:tbl>{table}</w:tbl>{}",
        paragraph("XX市教育局2023年重点工作任务清单"),
        paragraph("坚持问题导向、目标导向、结果导向,全面完善教育发展规划,突出农村学校办学条件改善和质量提升,围绕热点难点,严细排查、立行立改、长效整改。"),
        paragraph("XX市教育局办公室")
    );
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
         <w:sectPr/></w:body></w:document>"
    );
    let bytes = docx(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", &document),
    ]);
    let doc = one(EXTRACTOR.extract(&bytes, "task_table.docx").unwrap());
    let mut rows = row_tasks(&doc);
    rows.sort_by_key(|t| t.span.start);
    let facts: Vec<_> = rows
        .iter()
        .map(|t| {
            (
                t.text.split('\t').next().unwrap_or(""),
                units_of(t),
                t.deadline.as_ref().map(|d| d.text.as_str()),
            )
        })
        .collect();
    let both = vec![("财务处", Lead), ("干部人事处", Coop)];
    assert_eq!(
        facts,
        [
            (
                "全面完成年度任务目标",
                vec![("区域教育中心建设专班", Lead)],
                Some("全年")
            ),
            ("健全教育发展保障体系", both.clone(), None),
            ("加大财政教育经费投入", both.clone(), Some("全年")),
            ("建立完善更加灵活开放的教师补充机制", both, Some("全年")),
        ]
    );
    let parent = find_section(&doc.sections, "2").expect("a section for row 2");
    assert_eq!(parent.tasks.len(), 3);
    let source = EXTRACTOR.plain_text(&bytes, "task_table.docx").unwrap();
    assert_spans(&doc, &source);
}

/// Every line of `plan` is, in order, the start of a task of `doc`; no task,
/// heading, title or entity name holds any of `chrome`.
fn assert_plan_without_chrome(doc: &Document, plan: &[&str], chrome: &[&str]) {
    let tasks: Vec<&str> = doc.tasks().map(|t| t.text.as_str()).collect();
    let mut at = 0;
    for line in plan {
        let found = tasks[at..].iter().position(|t| t.starts_with(line));
        let Some(found) = found else {
            panic!("plan line {line:?} missing after task {at}: {tasks:#?}");
        };
        at += found + 1;
    }
    let mut names: Vec<&str> = tasks.clone();
    names.extend(doc.title.as_deref());
    names.extend(doc.entities.units.iter().map(|u| u.name.as_str()));
    names.extend(doc.entities.organizations.iter().map(|o| o.name.as_str()));
    names.extend(doc.entities.schools.iter().map(|s| s.name.as_str()));
    names.extend(doc.entities.initiatives.iter().map(|i| i.name.as_str()));
    for piece in chrome {
        for name in &names {
            assert!(!name.contains(piece), "chrome {piece:?} in {name:?}");
        }
    }
}

#[test]
fn a_saved_page_keeps_its_plan_and_drops_its_chrome() {
    let doc = document("page_with_chrome.html");
    assert_eq!(
        doc.title.as_deref(),
        Some("2024年教育系统年度教育发展工作计划")
    );
    let tops: Vec<&str> = doc
        .sections
        .iter()
        .filter(|s| s.depth == 1)
        .filter_map(|s| s.heading.as_deref())
        .collect();
    assert_eq!(tops, ["综述", "教育目标", "工作重点"]);
    assert_plan_without_chrome(
        &doc,
        &[
            "2024年教育系统年度教育发展工作计划",
            "一、综述",
            "2024年是我国全面建设社会主义现代化国家的关键阶段",
            "二、教育目标",
            "1.提高教育质量。",
            "2.促进教育公平。",
            "3.提升教育软实力。",
            "三、工作重点",
            "1.推进教育体制改革。",
            "2.深化教育教学改革。",
            "3.优化教育资源配置。",
        ],
        &[
            "主办",
            "协办",
            "浙江大学",
            "设为首页",
            "机构概况",
            "下载中心",
            "请输入关键字",
            "当前位置",
            "发布时间",
            "来源",
            "分享到",
            "打印本页",
            "上一篇",
            "下一篇",
            "相关文章",
            "某职业技术学院",
            "兰州市教育局2017年工作要点",
            "南阳市教育局",
            "为民办实事",
            "网站地图",
            "版权所有",
            "ICP",
            "技术支持",
            "浙江省教育信息中心",
        ],
    );
    // The site's name is no line of the plan, so it issues nothing.
    assert!(doc.tasks().all(|t| t.text != "浙江省教育厅"));
    assert_ne!(doc.issuer.as_deref(), Some("浙江省教育厅"));
}

#[test]
fn a_page_with_html5_chrome_keeps_its_plan_and_drops_its_chrome() {
    let doc = document("page_with_semantic_chrome.html");
    let third = doc
        .sections
        .iter()
        .find(|s| s.number.as_deref() == Some("三、"))
        .expect("part 三");
    assert_eq!(third.children.len(), 1);
    assert_eq!(third.children[0].heading.as_deref(), Some("教学工作"));
    assert_plan_without_chrome(
        &doc,
        &[
            "2025-2026学年度上学期工作计划",
            "开原市城东镇中学学校工作计划",
            "一、指导思想",
            "以习近平新时代中国特色社会主义思想为指导",
            "二、工作目标",
            "1.教学质量提升",
            "2.学生全面发展",
            "3.教师专业成长",
            "三、重点工作及措施",
            "(一)教学工作",
            "1.严格教学常规管理",
            "2.优化课堂教学",
            "3.加强教学质量监测",
        ],
        &[
            "主办",
            "辽宁大学",
            "站内搜索",
            "机构概况",
            "图片新闻",
            "当前位置",
            "来源",
            "浏览次数",
            "打印本页",
            "相关文章",
            "临淄区梧台小学",
            "枣庄市第二中学",
            "沈阳市教育局",
            "网站地图",
            "隐私声明",
            "版权所有",
            "ICP",
            "技术支持",
        ],
    );
    assert!(doc.tasks().all(|t| t.text != "开原市教育局"));
}
