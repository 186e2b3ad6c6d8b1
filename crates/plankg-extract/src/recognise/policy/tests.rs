//! Cases from ANNOTATION.md and the gold plans.

use plankg_model::{PolicyKind, PolicyLevel};

use super::*;

fn find_in(text: &str, context: &Context<'_>) -> Found {
    let gazetteer = Gazetteer::embedded();
    let levels = std::sync::Arc::new(
        Levels::new(
            &gazetteer,
            std::sync::Arc::new(crate::places::Places::new(&gazetteer).unwrap()),
        )
        .unwrap(),
    );
    let mut lexicon = LexiconBuilder::default();
    let recogniser = PolicyRecogniser::new(&gazetteer, levels, &mut lexicon).unwrap();
    let words = lexicon.build().unwrap().scan(text);
    let mut found = Found::default();
    recogniser.find(text, &words, context, &mut found);
    found
}

fn policies(text: &str) -> Vec<(String, PolicyKind, PolicyLevel)> {
    find_in(text, &Context::default())
        .policies
        .into_iter()
        .map(|h| (h.entity.name, h.entity.kind, h.entity.level))
        .collect()
}

fn names(text: &str) -> Vec<String> {
    policies(text)
        .into_iter()
        .map(|(name, _, _)| name)
        .collect()
}

#[test]
fn a_plenum_alias_maps_to_the_canonical_plenum() {
    let found = policies("贯彻落实党的十九届六中全会精神");
    assert_eq!(
        found,
        [(
            "党的十九届六中全会".to_owned(),
            PolicyKind::Plenum,
            PolicyLevel::Central
        )]
    );
    assert_eq!(names("以十九届六中全会精神为指导"), ["党的十九届六中全会"]);
}

#[test]
fn congresses_and_the_plenums_that_follow_them() {
    assert_eq!(
        names("深入学习贯彻党的十九大和历次全会精神"),
        ["党的十九大"]
    );
    assert_eq!(
        names("认真贯彻党的十七大和十七届三中、四中全会精神"),
        ["党的十七大", "党的十七届三中全会", "党的十七届四中全会"]
    );
    assert_eq!(
        names("十七届三中至六中全会"),
        [
            "党的十七届三中全会",
            "党的十七届四中全会",
            "党的十七届五中全会",
            "党的十七届六中全会"
        ]
    );
    assert!(names("实施十二大工程").is_empty());
}

#[test]
fn local_plenums_and_congresses() {
    let found = policies("和省委八届九次、十次全会精神");
    assert_eq!(
        found,
        [
            (
                "省委八届九次全会".to_owned(),
                PolicyKind::Plenum,
                PolicyLevel::Provincial
            ),
            (
                "省委八届十次全会".to_owned(),
                PolicyKind::Plenum,
                PolicyLevel::Provincial
            ),
        ]
    );
    assert_eq!(
        names("市委八届八次会议、区委一届七次会议精神"),
        ["市委八届八次会议", "区委一届七次会议"]
    );
    assert_eq!(names("和省、市党代会精神"), ["省党代会", "市党代会"]);
    // Two scopes written together are two conferences; a held one is named by none
    // of the words before it (sentences of the pool).
    assert_eq!(
        names("深入贯彻全国全省教育大会精神"),
        ["全国教育大会", "全省教育大会"]
    );
    assert_eq!(
        names("贯彻全国全省全市教育大会精神"),
        ["全国教育大会", "全省教育大会", "全市教育大会"]
    );
    assert_eq!(
        names("认真贯彻省市教育工作会议精神"),
        ["省教育工作会议", "市教育工作会议"]
    );
    assert!(names("在全市之先召开教育大会").is_empty());
    // The notice wrapping the plan, and a bare kind of document, are no policies.
    assert!(names("发出《关于印发2017年工作要点的通知》").is_empty());
    assert!(names("认真贯彻落实《实施意见》").is_empty());
}

#[test]
fn meetings_share_their_head_in_lists() {
    assert_eq!(
        names("要论述和全国、全省教育大会精神"),
        ["全国教育大会", "全省教育大会"]
    );
    assert_eq!(
        names("认真贯彻全国农村教育、全国职业教育和全省教育工作会议精神"),
        [
            "全国农村教育工作会议",
            "全国职业教育工作会议",
            "全省教育工作会议"
        ]
    );
    assert!(names("贯彻落实各地区教育工作会议精神").is_empty());
    // A meeting the plan holds is not a policy.
    assert!(names("组织召开全市教育工作会议").is_empty());
}

#[test]
fn a_drafted_title_is_an_initiative_not_a_policy() {
    let found = find_in(
        "按照《中国教育现代化2035》和《浙江教育现代化2035行动纲要》的要求,研究制定《嘉兴教育现代化2035》",
        &Context::default(),
    );
    let names: Vec<&str> = found
        .policies
        .iter()
        .map(|h| h.entity.name.as_str())
        .collect();
    assert_eq!(names, ["中国教育现代化2035", "浙江教育现代化2035行动纲要"]);
    assert_eq!(found.policies[1].entity.level, PolicyLevel::Provincial);
    assert_eq!(found.produces, ["嘉兴教育现代化2035"]);
    assert!(found.initiatives[0].entity.drafted);
}

#[test]
fn the_body_before_a_title_gives_its_level() {
    let found = policies("全面落实市政府《关于强化镇级教育服务功能提升镇村教育品质的意见》");
    assert_eq!(found[0].2, PolicyLevel::Municipal);
    let found = policies(
        "贯彻落实教育部、国家语委《关于进一步加强学校普及普通话和用字规范化工作的通知》精神",
    );
    assert_eq!(found[0].2, PolicyLevel::Central);
}

#[test]
fn a_ministry_plan_cites_central_documents() {
    let context = Context {
        issuer: Some("教育部"),
        ..Context::default()
    };
    let found = find_in(
        "深入贯彻落实加强高等学校反腐倡廉的意见,大力推进阳光治校",
        &context,
    );
    assert_eq!(found.policies[0].entity.name, "加强高等学校反腐倡廉的意见");
    assert_eq!(found.policies[0].entity.level, PolicyLevel::Central);
}

#[test]
fn the_issuers_own_documents_are_not_policies() {
    let context = Context {
        issuer: Some("区教育局"),
        ..Context::default()
    };
    assert!(
        find_in("现将《2021年区教育局工作要点》印发给你们", &context)
            .policies
            .is_empty()
    );
    assert!(find_in(
        "依据《中共市区教育局委员会、市区教育局关于加强德育的实施意见》",
        &context
    )
    .policies
    .is_empty());
}

#[test]
fn strategies_thoughts_and_five_year_plans() {
    assert_eq!(
        policies("实施“科教兴区”和“人才强区”战略"),
        [
            (
                "“科教兴区”战略".to_owned(),
                PolicyKind::Strategy,
                PolicyLevel::District
            ),
            (
                "“人才强区”战略".to_owned(),
                PolicyKind::Strategy,
                PolicyLevel::District
            ),
        ]
    );
    assert_eq!(names("积极配合实施乡村振兴战略"), ["乡村振兴战略"]);
    assert!(names("实施学校主动发展战略").is_empty());
    assert_eq!(
        names("深入学习贯彻习近平新时代中国特色社会主义思想和习近平总书记关于教育的重要论述"),
        [
            "习近平新时代中国特色社会主义思想",
            "习近平总书记关于教育的重要论述"
        ]
    );
    assert_eq!(names("以“三个代表”重要思想为指导"), ["“三个代表”重要思想"]);
    let found = policies("科学编制“十四五”教育发展规划");
    assert!(found.is_empty());
    assert_eq!(policies("落实“十三五”规划")[0].1, PolicyKind::FiveYearPlan);
    assert!(names("全面贯彻党的教育方针").is_empty());
}

#[test]
fn a_congress_the_plan_awaits_is_not_cited() {
    // Pool plans of 2022: the congress is still to come.
    assert!(names("努力办好人民满意的教育,以优异成绩迎接党的二十大胜利召开。").is_empty());
    assert_eq!(
        names("深入学习贯彻党的十九届六中全会精神,以优异成绩迎接党的二十大胜利召开。"),
        ["党的十九届六中全会"]
    );
}

#[test]
fn a_document_the_issuer_names_as_its_own_is_not_a_policy() {
    assert!(names("严格落实本局《关于加强中小学作业管理的通知》要求").is_empty());
    assert!(names("按照我校《教师专业发展三年规划》要求").is_empty());
    assert_eq!(
        names("严格落实省教育厅《关于加强中小学作业管理的通知》要求"),
        ["关于加强中小学作业管理的通知"]
    );
}

#[test]
fn a_speech_written_with_or_without_its_de_is_one_policy() {
    let found = find_in(
        "贯彻习近平总书记在参加江苏代表团审议时的重要讲话精神,落实习近平总书记在参加江苏代表团审议时重要讲话要求",
        &Context::default(),
    );
    let keys: std::collections::BTreeSet<&str> = found
        .policies
        .iter()
        .map(|h| h.entity.key.as_str())
        .collect();
    assert_eq!(keys.len(), 1, "{keys:?}");
}

#[test]
fn a_meeting_held_again_is_dated_to_the_session_of_the_plan_year() {
    let text = "深入贯彻党的二十大和全国教育大会精神";
    let dated = |year| {
        find_in(
            text,
            &Context {
                year,
                ..Context::default()
            },
        )
        .policies
        .into_iter()
        .find(|h| h.entity.name == "全国教育大会")
        .and_then(|h| h.entity.date)
    };
    assert_eq!(dated(Some(2019)).as_deref(), Some("2018-09"));
    assert_eq!(dated(Some(2025)).as_deref(), Some("2024-09"));
    assert_eq!(dated(None).as_deref(), Some("2018-09"));
}

#[test]
fn central_education_documents_have_their_level_and_date() {
    let found = find_in(
        "全面落实《教育强国建设规划纲要(2024—2035年)》,贯彻《关于构建优质均衡的基本公共教育服务体系的意见》",
        &Context::default(),
    );
    let got: Vec<(&str, PolicyLevel, Option<&str>)> = found
        .policies
        .iter()
        .map(|h| {
            (
                h.entity.name.as_str(),
                h.entity.level,
                h.entity.date.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "教育强国建设规划纲要(2024-2035年)",
                PolicyLevel::Central,
                Some("2025-01")
            ),
            (
                "关于构建优质均衡的基本公共教育服务体系的意见",
                PolicyLevel::Central,
                Some("2023-06")
            ),
        ]
    );
}

#[test]
fn a_citys_five_year_plan_is_municipal() {
    assert_eq!(
        policies("认真落实《杭州市教育发展“十四五”规划》"),
        [(
            "杭州市教育发展“十四五”规划".to_owned(),
            PolicyKind::FiveYearPlan,
            PolicyLevel::Municipal
        )]
    );
}

#[test]
fn scopes_written_together_after_a_province_are_one_meeting_each() {
    // Pool: a school plan of 2022.
    let mut found = names("认真贯彻落实全国和省市区教育工作会议精神");
    found.sort();
    assert_eq!(
        found,
        [
            "全国教育工作会议",
            "区教育工作会议",
            "市教育工作会议",
            "省教育工作会议"
        ]
    );
}

#[test]
fn a_second_speech_after_and_is_its_own_policy() {
    // Pool: provincial and city plans of 2021 and 2025.
    assert_eq!(
        names("全面落实习近平总书记关于教育的重要论述和考察安徽重要讲话精神,按照党中央决策部署"),
        [
            "习近平总书记关于教育的重要论述",
            "习近平总书记考察安徽重要讲话精神"
        ]
    );
    assert_eq!(
        names("传达学习习近平总书记关于教育的重要讲话和批示指示以及国家关于教育的重大决策"),
        ["习近平总书记关于教育的重要讲话和批示指示"]
    );
}

#[test]
fn a_congress_named_for_the_year_it_is_held_is_not_cited() {
    assert!(names("今年是党的十八大召开之年,全校教职工要").is_empty());
}

#[test]
fn a_body_before_a_conference_is_no_meeting_of_the_list() {
    // Pool: a provincial plan of 2019.
    assert_eq!(
        names("按照省委省政府总体要求和全省教育大会精神,强化问题和目标导向"),
        ["全省教育大会"]
    );
}

#[test]
fn issued_is_cited_to_issue_is_drafted() {
    // Pool: the ministry's plan of 2003 issues the document itself.
    let found = find_in(
        "做好督促检查工作。印发《关于加强和改进高校基层党支部建设的意见》,切实推进",
        &Context::default(),
    );
    assert!(found.policies.is_empty());
    assert_eq!(found.produces, ["关于加强和改进高校基层党支部建设的意见"]);
    assert_eq!(
        names("认真落实省教育厅印发的《关于加强中小学作业管理的意见》"),
        ["关于加强中小学作业管理的意见"]
    );
    // A plan the bureau distributes itself is its output (a city's plan of 2019).
    let found = find_in(
        "统筹谋划面向2035年的长春教育设施总体布局,下发《长春市规划区中小学校布局专项规划(2017-2035)》",
        &Context::default(),
    );
    assert!(found.policies.is_empty());
    // A conference the plan prepares is not cited.
    assert!(names("筹备全省推进教育强省工作会议").is_empty());
}

#[test]
fn a_further_speech_in_a_list_is_named_with_its_speaker() {
    assert_eq!(
        names("深入贯彻习近平总书记系列重要讲话、对内蒙古重要讲话精神"),
        [
            "习近平总书记系列重要讲话精神",
            "习近平总书记对内蒙古重要讲话精神"
        ]
    );
}

#[test]
fn a_title_another_body_issued_is_cited() {
    // Pool: a school's summary of 2004 ("会后,省政府印发了《…》").
    assert_eq!(
        names(
            "会后,省政府印发了《安徽省人民政府实施国务院关于大力推进职业教育改革与发展决定的意见》"
        ),
        ["安徽省人民政府实施国务院关于大力推进职业教育改革与发展决定的意见"]
    );
    // The issuer naming itself issues its own.
    assert!(names("我厅印发了《关于进一步加大职业教育投入的通知》").is_empty());
}

#[test]
fn strategies_sharing_one_word_and_plenums_written_as_full_committee_meetings() {
    // Pool: the ministry's plan of 2004, a provincial plan of 2015.
    assert_eq!(
        names("实施科教兴国和人才强国战略,研究制定"),
        ["科教兴国战略", "人才强国战略"]
    );
    assert_eq!(
        names("贯彻落实省委十二届七次、八次全委会精神"),
        ["省委十二届七次全委会", "省委十二届八次全委会"]
    );
}

#[test]
fn a_national_and_a_provincial_document_of_one_name() {
    // Pool: a city's plan of 2010.
    let mut found = names("根据国家和辽宁省中长期教育改革和发展规划纲要,按照“优先发展”的要求");
    found.sort();
    assert_eq!(
        found,
        [
            "国家中长期教育改革和发展规划纲要",
            "辽宁省中长期教育改革和发展规划纲要"
        ]
    );
}

#[test]
fn a_districts_two_sessions_in_quotes() {
    // Pool: a district's news of 2021.
    assert_eq!(
        policies("在主持学习传达区“两会”精神时说道"),
        [(
            "区“两会”".to_owned(),
            PolicyKind::Meeting,
            PolicyLevel::District
        )]
    );
}

#[test]
fn a_five_year_plan_to_draft_is_named_from_its_owner() {
    // Development set: a provincial plan of 2010, a district's of 2022.
    let found = find_in("启动编制全省教育事业“十二五”规划", &Context::default());
    assert!(found.policies.is_empty());
    assert_eq!(found.produces, ["全省教育事业“十二五”规划"]);
    let found = find_in("制定教育集团十四五发展规划,推进", &Context::default());
    assert_eq!(found.produces, ["教育集团十四五发展规划"]);
}

#[test]
fn a_list_of_titles_after_one_verb_shares_its_stance() {
    // Pool: a city's summary of 2020, three documents its party committee adopted.
    let found = find_in(
        "研究讨论全市教育工作,审议通过《南昌市加快推进教育现代化实施方案(2018-2022年)》《中共南昌市委南昌市人民政府关于全面深化新时代教师队伍建设改革的实施意见》《关于进一步规范南昌市属中小学校领导干部管理的意见》等重要文件",
        &Context::default(),
    );
    assert!(found.policies.is_empty(), "{:?}", found.policies);
    assert_eq!(found.produces.len(), 3);
}

#[test]
fn a_document_made_for_a_title_is_the_output() {
    // Pool: a provincial plan of 2025.
    let found = find_in(
        "系统开展大会精神宣传解读。制定《实施意见》分工方案,清单化、闭环式抓好工作落地落实。",
        &Context::default(),
    );
    assert_eq!(found.produces, ["实施意见分工方案"]);
    // A short name defined for a title is nothing of its own (a university's news).
    let found = find_in(
        "近日,学校印发《武汉科技大学2020年党政工作要点及工作任务分解方案》(以下简称《要点》),安排部署",
        &Context::default(),
    );
    assert!(
        !found.produces.iter().any(|p| p == "要点"),
        "{:?}",
        found.produces
    );
}
