//! A hand-built document with every kind of entity, shared by the crate tests.

use plankg_model::{
    Comparator, Document, Entities, Evidence, InitiativeRef, Issuer, IssuerKind, OrganizationRef,
    PartKind, Place, PolicyKind, PolicyLevel, PolicyRef, SchoolRef, Section, Span, TargetRef, Task,
    UnitRef, UnitRole, YearRange,
};

fn evidence(task: &str) -> Vec<Evidence> {
    vec![Evidence {
        task: task.to_owned(),
        span: Span::new(0, 1),
    }]
}

/// A policy cited in task `task`.
pub fn policy(name: &str, key: &str, kind: PolicyKind, task: &str) -> PolicyRef {
    PolicyRef {
        name: name.to_owned(),
        key: key.to_owned(),
        kind,
        level: PolicyLevel::Central,
        date: Some("2017-10".to_owned()),
        written: vec![format!("{key}精神")],
        evidence: evidence(task),
    }
}

/// 嘉兴市教育局's 2018 plan: a preamble citing 党的十九大, and one part with a
/// sub-part whose task carries a unit of each role, a school, an organization, an
/// initiative, a document to draft and a ranged target.
pub fn full_document() -> Document {
    let preamble_task = Task {
        id: "t1".into(),
        text: "深入学习贯彻党的十九大精神".into(),
        span: Span::new(10, 24),
        entities: Entities {
            policies: vec![policy("党的十九大", "十九大", PolicyKind::Congress, "t1")],
            ..Entities::default()
        },
        ..Task::default()
    };
    let heading_task = Task {
        id: "t2".into(),
        text: "一、推进教育现代化".into(),
        span: Span::new(25, 34),
        is_heading: true,
        ..Task::default()
    };
    let work = Task {
        id: "t3".into(),
        text: "实施\"县管校聘\"改革，研究制定《嘉兴教育现代化2035》，学前三年毛入园率达到94-96%。"
            .into(),
        span: Span::new(40, 90),
        entities: Entities {
            policies: vec![policy(
                "《中国教育现代化2035》",
                "中国教育现代化2035",
                PolicyKind::Document,
                "t3",
            )],
            units: vec![
                UnitRef {
                    name: "基础教育处".into(),
                    key: "基础教育处".into(),
                    role: UnitRole::Lead,
                    evidence: evidence("t3"),
                },
                UnitRef {
                    name: "人事处".into(),
                    key: "人事处".into(),
                    role: UnitRole::Responsible,
                    evidence: evidence("t3"),
                },
                UnitRef {
                    name: "财务处".into(),
                    key: "财务处".into(),
                    role: UnitRole::Cooperating,
                    evidence: evidence("t3"),
                },
            ],
            organizations: vec![OrganizationRef {
                name: "市委教育工委".into(),
                key: "市委教育工委".into(),
                evidence: evidence("t3"),
            }],
            schools: vec![SchoolRef {
                name: "秀州中学".into(),
                key: "秀州中学".into(),
                evidence: evidence("t3"),
            }],
            targets: vec![TargetRef {
                indicator: "学前三年毛入园率".into(),
                indicator_key: "学前三年毛入园率".into(),
                value: 94.0,
                value_max: Some(96.5),
                unit: "%".into(),
                comparator: Comparator::AtLeast,
                reported: false,
                evidence: evidence("t3"),
            }],
            initiatives: vec![
                InitiativeRef {
                    name: "县管校聘".into(),
                    key: "县管校聘".into(),
                    drafted: false,
                    evidence: evidence("t3"),
                },
                InitiativeRef {
                    name: "嘉兴教育现代化2035".into(),
                    key: "嘉兴教育现代化2035".into(),
                    drafted: true,
                    evidence: evidence("t3"),
                },
            ],
        },
        produces: vec!["嘉兴教育现代化2035".into()],
        ..Task::default()
    };
    let mut doc = Document {
        index: 0,
        title: Some("嘉兴市教育局2018年工作要点".into()),
        year: Some(2018),
        year_inferred: false,
        issuer: Some("嘉兴市委教育工委 市教育局".into()),
        issuers: vec![
            Issuer {
                name: "嘉兴市委教育工委".into(),
                canonical: "中共嘉兴市委教育工作委员会".into(),
                region: Some("嘉兴市".into()),
                level: PolicyLevel::Municipal,
                kind: IssuerKind::Party,
                inferred: false,
            },
            Issuer {
                name: "市教育局".into(),
                canonical: "嘉兴市教育局".into(),
                region: Some("嘉兴市".into()),
                level: PolicyLevel::Municipal,
                kind: IssuerKind::Administration,
                inferred: false,
            },
        ],
        region: Some("嘉兴市".into()),
        // 嘉兴市 in 浙江省, as the place-name gazetteer gives them.
        jurisdiction: vec![
            Place {
                name: "嘉兴市".into(),
                short: Some("嘉兴".into()),
                level: PolicyLevel::Municipal,
            },
            Place {
                name: "浙江省".into(),
                short: Some("浙江".into()),
                level: PolicyLevel::Provincial,
            },
        ],
        evidence_years: Some(YearRange {
            from: 2017,
            to: None,
        }),
        issued: Some("2018-02-26".into()),
        top_sections: 1,
        span: Span::new(0, 100),
        sections: vec![
            Section {
                id: "s0".into(),
                depth: 0,
                ordinal: 0,
                // An opening that sums up the year before ("2017年,全市教育…").
                part_kind: PartKind::Summary,
                about_year: Some(2017),
                tasks: vec![preamble_task],
                ..Section::default()
            },
            Section {
                id: "s1".into(),
                depth: 1,
                ordinal: 1,
                number: Some("一、".into()),
                heading: Some("推进教育现代化".into()),
                about_year: Some(2018),
                tasks: vec![heading_task],
                children: vec![Section {
                    id: "s1.1".into(),
                    depth: 2,
                    ordinal: 1,
                    number: Some("（一）".into()),
                    heading: Some("深化人事制度改革".into()),
                    about_year: Some(2018),
                    tasks: vec![work],
                    ..Section::default()
                }],
                ..Section::default()
            },
        ],
        ..Document::default()
    };
    // The document lists are the union over the tasks, as the extractor builds them.
    doc.entities = Entities::union(doc.tasks().map(|t| &t.entities));
    doc
}
