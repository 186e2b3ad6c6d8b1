//! IRIs are valid, stable and deterministic.

mod sample;

use oxrdf::NamedNode;
use plankg_model::{Document, PolicyKind, Section, Task};
use plankg_rdf::{document_quads, IriMinter};

const AWKWARD: &[&str] = &[
    "名校长、名师 工程",
    "\"县管校聘\"",
    "“最多跑一次”改革",
    "<script>{x}|^`\\",
    "a/b?c#d%e[f]g",
    "  ＳＴＥＭ　教育 ",
    "~",
    "..",
    "",
    "\u{0}\u{7f}\u{feff}\u{e000}",
    "𠀀字",
];

#[test]
fn awkward_names_give_valid_iris() {
    let minter = IriMinter::default();
    let doc_iri = minter.document("dir with space/《计划》 \"1\".txt", 3);
    for name in AWKWARD {
        let region = Some(*name);
        let doc = Document {
            issuer: Some((*name).to_owned()),
            region: region.map(str::to_owned),
            ..Document::default()
        };
        let issuer = minter.issuer_key(name, &doc);
        for iri in [
            minter.document(name, 0),
            minter.section(&doc_iri, name),
            minter.task(&doc_iri, name),
            minter.target(&doc_iri, name, 2),
            minter.policy(name),
            minter.initiative(name),
            minter.region(name),
            minter.school(region, name),
            minter.organization(region, name),
            minter.organization(None, name),
            minter.unit(&issuer, name),
        ]
        .into_iter()
        .chain(minter.issuer(&issuer))
        {
            let checked = NamedNode::new(iri.as_str());
            assert!(checked.is_ok(), "{name:?} gives invalid <{iri}>");
            assert!(!iri.as_str()[minter.base().len()..].contains("//"), "{iri}");
        }
    }
}

#[test]
fn every_iri_of_a_full_document_is_valid_and_under_the_base() {
    let minter = IriMinter::new("http://example.org/kg#").unwrap();
    let mut doc = sample::full_document();
    doc.region = Some("嘉兴 市<1>".into());
    for quad in document_quads("x/\"y\" {z}.txt", &doc, "h", &minter) {
        let mut iris = vec![quad.predicate.into_string()];
        if let oxrdf::NamedOrBlankNode::NamedNode(s) = quad.subject {
            iris.push(s.into_string());
        }
        if let oxrdf::Term::NamedNode(o) = quad.object {
            iris.push(o.into_string());
        }
        for iri in iris {
            assert!(NamedNode::new(iri.as_str()).is_ok(), "invalid <{iri}>");
        }
    }
}

#[test]
fn iris_are_deterministic_and_keep_chinese_readable() {
    let a = IriMinter::default();
    let b = IriMinter::new("https://w3id.org/plankg/id/").unwrap();
    for name in AWKWARD {
        assert_eq!(a.initiative(name), b.initiative(name));
    }
    assert_eq!(
        a.initiative("“最多跑一次”改革").as_str(),
        "https://w3id.org/plankg/id/initiative/“最多跑一次”改革"
    );
    assert_eq!(
        a.document("2018/嘉兴 计划.txt", 1).as_str(),
        "https://w3id.org/plankg/id/doc/2018%2F嘉兴%20计划.txt/1"
    );
    // A Windows separator names the same file.
    assert_eq!(a.document("2018\\a.txt", 0), a.document("2018/a.txt", 0));
    // Spelling variants that normalise alike share an IRI.
    assert_eq!(a.initiative("ＳＴＥＭ　教育"), a.initiative(" stem  教育"));
}

#[test]
fn distinct_resources_get_distinct_iris() {
    let minter = IriMinter::default();
    let doc = minter.document("a.txt", 0);
    let iris = [
        minter.document("a.txt", 1),
        minter.document("a.txt/0", 0),
        minter.section(&doc, "s1"),
        minter.task(&doc, "s1"),
        minter.target(&doc, "t1", 0),
        minter.target(&doc, "t1", 1),
        minter.continuation(&minter.task(&doc, "t1"), plankg_rdf::vocab::pk::CONTINUES),
        minter.continuation(&minter.task(&doc, "t1"), plankg_rdf::vocab::pk::ECHOES),
        minter.policy("十九大"),
        minter.initiative("十九大"),
        minter.school(Some("嘉兴市"), "秀州中学"),
        minter.school(Some("连云港市"), "秀州中学"),
        minter.school(None, "秀州中学"),
        minter.organization(Some("嘉兴市"), "秀州中学"),
        minter.organization(Some("~"), "秀州中学"),
    ];
    let mut all: Vec<&str> = iris
        .iter()
        .map(NamedNode::as_str)
        .chain([doc.as_str()])
        .collect();
    let n = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), n, "{all:#?}");
}

#[test]
fn the_same_policy_in_two_documents_gets_the_same_iri() {
    let minter = IriMinter::default();
    let cite = |id: &str| Document {
        sections: vec![Section {
            id: "s0".into(),
            tasks: vec![Task {
                id: id.into(),
                entities: plankg_model::Entities {
                    policies: vec![sample::policy(
                        "党的十九大",
                        "十九大",
                        PolicyKind::Congress,
                        id,
                    )],
                    ..plankg_model::Entities::default()
                },
                ..Task::default()
            }],
            ..Section::default()
        }],
        ..Document::default()
    };
    let objects = |source: &str, doc: &Document| -> Vec<String> {
        document_quads(source, doc, "h", &minter)
            .into_iter()
            .filter(|q| q.predicate == plankg_rdf::vocab::pk::CITES_POLICY)
            .map(|q| q.object.to_string())
            .collect()
    };
    let first = objects("2017/a.txt", &cite("t1"));
    let second = objects("2018/b.txt", &cite("t7"));
    assert_eq!(first.len(), 2, "document and task both cite");
    assert_eq!(first[0], second[0]);
    assert_eq!(first[0], minter.policy("十九大").to_string());
}

#[test]
fn units_are_per_issuer_and_region_or_per_document() {
    let minter = IriMinter::default();
    let doc = |region: Option<&str>, index| Document {
        index,
        issuer: Some("市教育局".into()),
        region: region.map(str::to_owned),
        ..Document::default()
    };
    let unit = |source: &str, d: &Document| minter.unit(&minter.issuer_key(source, d), "人事处");
    // Same issuer and region in two files: one unit.
    assert_eq!(
        unit("a.txt", &doc(Some("嘉兴市"), 0)),
        unit("b.txt", &doc(Some("嘉兴市"), 2))
    );
    assert_ne!(
        unit("a.txt", &doc(Some("嘉兴市"), 0)),
        unit("a.txt", &doc(Some("连云港市"), 0))
    );
    // Region unknown: the unit is the document's own.
    assert_ne!(unit("a.txt", &doc(None, 0)), unit("b.txt", &doc(None, 0)));
    assert_ne!(unit("a.txt", &doc(None, 0)), unit("a.txt", &doc(None, 1)));
    // The issuer is the organization of that name in that region.
    let key = minter.issuer_key("a.txt", &doc(Some("嘉兴市"), 0));
    assert_eq!(
        minter.issuer(&key),
        Some(minter.organization(Some("嘉兴市"), "市教育局"))
    );
}

#[test]
fn continuations_hang_under_the_later_task() {
    let minter = IriMinter::default();
    let task = minter.task(&minter.document("a.txt", 0), "t3");
    assert_eq!(
        minter
            .continuation(&task, plankg_rdf::vocab::pk::ECHOES)
            .as_str(),
        format!("{}/echoes", task.as_str())
    );
}

proptest::proptest! {
    #[test]
    fn any_name_gives_a_valid_iri_and_normalising_twice_changes_nothing(
        name in "\\PC*|[ -~\u{3000}-\u{303f}\u{ff00}-\u{ffef}\u{4e00}-\u{4e2f}]*",
    ) {
        let minter = IriMinter::default();
        let doc = minter.document(&name, 0);
        for iri in [
            doc.clone(),
            minter.task(&doc, &name),
            minter.policy(&name),
            minter.school(Some(&name), &name),
            minter.region(&name),
        ] {
            proptest::prop_assert!(NamedNode::new(iri.as_str()).is_ok(), "invalid <{}>", iri);
        }
        let once = plankg_rdf::normalise_name(&name);
        proptest::prop_assert_eq!(plankg_rdf::normalise_name(&once), once.clone());
        proptest::prop_assert_eq!(minter.policy(&name), minter.policy(&once));
    }
}
