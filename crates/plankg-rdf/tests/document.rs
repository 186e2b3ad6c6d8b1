//! The quads of a hand-built document with every kind of entity: types,
//! datatypes, language tags, graphs, and the entities graph.

mod sample;

use oxrdf::vocab::xsd;
use oxrdf::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use plankg_rdf::vocab::{dcterms, org, pk, rdf, schema, skos};
use plankg_rdf::{content_hash_quad, document_quads, EntityGraph, IriMinter};

const SOURCE: &str = "2018/嘉兴.txt";

fn objects<'a>(
    quads: &'a [Quad],
    subject: &NamedNode,
    predicate: NamedNodeRef<'_>,
) -> Vec<&'a Term> {
    quads
        .iter()
        .filter(|q| q.subject == subject.clone().into() && q.predicate == predicate)
        .map(|q| &q.object)
        .collect()
}

fn one<'a>(quads: &'a [Quad], subject: &NamedNode, predicate: NamedNodeRef<'_>) -> &'a Term {
    match objects(quads, subject, predicate).as_slice() {
        [term] => term,
        other => panic!("{subject} {predicate}: {other:?}"),
    }
}

fn typed(value: &str, datatype: NamedNodeRef<'_>) -> Term {
    Literal::new_typed_literal(value, datatype).into()
}

fn zh(value: &str) -> Term {
    Literal::new_language_tagged_literal(value, "zh")
        .unwrap()
        .into()
}

#[test]
fn the_document_is_described_in_its_own_graph_with_the_hash_last() {
    let minter = IriMinter::default();
    let quads = document_quads(SOURCE, &sample::full_document(), "sha256:ab", &minter);
    let doc = minter.document(SOURCE, 0);
    assert!(quads
        .iter()
        .all(|q| q.graph_name == GraphName::NamedNode(doc.clone())));
    assert_eq!(quads.last(), Some(&content_hash_quad(&doc, "sha256:ab")));
    assert_eq!(objects(&quads, &doc, pk::CONTENT_HASH).len(), 1);

    assert_eq!(one(&quads, &doc, rdf::TYPE), &pk::PLAN_DOCUMENT.into());
    assert_eq!(
        one(&quads, &doc, dcterms::TITLE),
        &zh("嘉兴市教育局2018年工作要点")
    );
    assert_eq!(one(&quads, &doc, pk::YEAR), &typed("2018", xsd::INTEGER));
    assert_eq!(
        one(&quads, &doc, pk::YEAR_INFERRED),
        &typed("false", xsd::BOOLEAN)
    );
    assert_eq!(
        one(&quads, &doc, dcterms::ISSUED),
        &typed("2018-02-26", xsd::DATE)
    );
    assert_eq!(
        one(&quads, &doc, dcterms::SOURCE),
        &Literal::new_simple_literal(SOURCE).into()
    );
    // A joint plan: one pk:issuer per body, each the organization of its
    // canonical name in its place.
    assert_eq!(
        objects(&quads, &doc, pk::ISSUER),
        [
            &minter
                .organization(Some("嘉兴市"), "中共嘉兴市委教育工作委员会")
                .into(),
            &minter.organization(Some("嘉兴市"), "嘉兴市教育局").into()
        ]
    );
    assert_eq!(
        one(&quads, &doc, pk::EVIDENCE_YEAR_FROM),
        &Literal::from(2017_i64).into()
    );
    assert!(objects(&quads, &doc, pk::EVIDENCE_YEAR_TO).is_empty());
    assert_eq!(
        one(&quads, &doc, pk::REGION_PROP),
        &minter.region("嘉兴市").into()
    );
    let cited = objects(&quads, &doc, pk::CITES_POLICY);
    assert_eq!(cited.len(), 2, "both policies, each once");
    assert!(cited.contains(&&minter.policy("十九大").into()));
}

#[test]
fn sections_and_tasks_hang_under_their_document() {
    let minter = IriMinter::default();
    let quads = document_quads(SOURCE, &sample::full_document(), "h", &minter);
    let doc = minter.document(SOURCE, 0);
    let preamble = minter.section(&doc, "s0");
    let part = minter.section(&doc, "s1");
    let sub = minter.section(&doc, "s1.1");
    assert!(preamble.as_str().starts_with(doc.as_str()));
    for section in [&preamble, &part, &sub] {
        assert_eq!(one(&quads, section, rdf::TYPE), &pk::SECTION.into());
        assert_eq!(one(&quads, section, pk::DOCUMENT), &doc.clone().into());
    }
    assert_eq!(one(&quads, &preamble, pk::DEPTH), &typed("0", xsd::INTEGER));
    assert_eq!(one(&quads, &sub, pk::DEPTH), &typed("2", xsd::INTEGER));
    assert_eq!(one(&quads, &sub, pk::ORDINAL), &typed("1", xsd::INTEGER));
    assert_eq!(one(&quads, &sub, pk::PARENT), &part.clone().into());
    assert!(objects(&quads, &part, pk::PARENT).is_empty());
    assert_eq!(
        one(&quads, &part, pk::NUMBER),
        &Literal::new_simple_literal("一、").into()
    );
    assert_eq!(one(&quads, &part, pk::HEADING), &zh("推进教育现代化"));

    // Every section states its part's kind and year, a nested one its part's.
    assert_eq!(
        one(&quads, &preamble, pk::PART_KIND_PROP),
        &pk::SUMMARY_PART.into()
    );
    assert_eq!(
        one(&quads, &preamble, pk::ABOUT_YEAR),
        &typed("2017", xsd::INTEGER)
    );
    for section in [&part, &sub] {
        assert_eq!(
            one(&quads, section, pk::PART_KIND_PROP),
            &pk::PLAN_PART.into()
        );
        assert_eq!(
            one(&quads, section, pk::ABOUT_YEAR),
            &typed("2018", xsd::INTEGER)
        );
    }

    let task = minter.task(&doc, "t3");
    assert_eq!(one(&quads, &task, rdf::TYPE), &pk::TASK.into());
    assert_eq!(one(&quads, &task, pk::SECTION_PROP), &sub.into());
    assert_eq!(one(&quads, &task, pk::DOCUMENT), &doc.clone().into());
    assert_eq!(
        one(&quads, &task, pk::CHAR_START),
        &typed("40", xsd::INTEGER)
    );
    assert_eq!(one(&quads, &task, pk::CHAR_END), &typed("90", xsd::INTEGER));
    assert!(matches!(one(&quads, &task, pk::TEXT), Term::Literal(l) if l.language() == Some("zh")));
    assert!(objects(&quads, &task, pk::IS_HEADING).is_empty());
    let heading = minter.task(&doc, "t2");
    assert_eq!(
        one(&quads, &heading, pk::IS_HEADING),
        &typed("true", xsd::BOOLEAN)
    );
}

#[test]
fn tasks_link_every_kind_of_entity() {
    let minter = IriMinter::default();
    let doc_model = sample::full_document();
    let quads = document_quads(SOURCE, &doc_model, "h", &minter);
    let doc = minter.document(SOURCE, 0);
    let task = minter.task(&doc, "t3");
    let issuer = minter.issuer_key(SOURCE, &doc_model);
    let region = Some("嘉兴市");
    let expect = [
        (pk::CITES_POLICY, minter.policy("中国教育现代化2035")),
        (pk::MENTIONS_INITIATIVE, minter.initiative("县管校聘")),
        (pk::PRODUCES, minter.initiative("嘉兴教育现代化2035")),
        (pk::INVOLVES_SCHOOL, minter.school(region, "秀州中学")),
        (
            pk::MENTIONS_ORGANIZATION,
            minter.organization(region, "市委教育工委"),
        ),
        (pk::LEAD_UNIT, minter.unit(&issuer, "基础教育处")),
        (pk::RESPONSIBLE_UNIT, minter.unit(&issuer, "人事处")),
        (pk::COOPERATING_UNIT, minter.unit(&issuer, "财务处")),
        (pk::HAS_TARGET, minter.target(&doc, "t3", 0)),
    ];
    for (predicate, object) in expect {
        let found = objects(&quads, &task, predicate);
        assert!(
            found.contains(&&object.clone().into()),
            "{predicate} {object}: {found:?}"
        );
    }
    // Descriptions of shared entities stay out of the document's graph.
    let school = minter.school(region, "秀州中学");
    assert!(objects(&quads, &school, skos::PREF_LABEL).is_empty());
}

#[test]
fn targets_carry_decimals_and_booleans() {
    let minter = IriMinter::default();
    let quads = document_quads(SOURCE, &sample::full_document(), "h", &minter);
    let target = minter.target(&minter.document(SOURCE, 0), "t3", 0);
    assert_eq!(one(&quads, &target, rdf::TYPE), &pk::TARGET.into());
    assert_eq!(one(&quads, &target, pk::INDICATOR), &zh("学前三年毛入园率"));
    assert_eq!(
        one(&quads, &target, pk::INDICATOR_KEY),
        &Literal::new_simple_literal("学前三年毛入园率").into()
    );
    assert_eq!(one(&quads, &target, pk::VALUE), &typed("94", xsd::DECIMAL));
    assert_eq!(
        one(&quads, &target, schema::MAX_VALUE),
        &typed("96.5", xsd::DECIMAL)
    );
    assert_eq!(
        one(&quads, &target, pk::UNIT_PROP),
        &Literal::new_simple_literal("%").into()
    );
    assert_eq!(
        one(&quads, &target, pk::COMPARATOR),
        &Literal::new_simple_literal(">=").into()
    );
    assert_eq!(
        one(&quads, &target, pk::REPORTED),
        &typed("false", xsd::BOOLEAN)
    );
}

#[test]
fn the_entities_graph_describes_what_documents_link_to() {
    let minter = IriMinter::default();
    let doc = sample::full_document();
    let mut entities = EntityGraph::new(&minter);
    entities.add_document(SOURCE, &doc);
    let quads = entities.into_quads();
    assert!(quads
        .iter()
        .all(|q| q.graph_name == minter.graph_entities().into()));

    let congress = minter.policy("十九大");
    let types = objects(&quads, &congress, rdf::TYPE);
    assert!(types.contains(&&pk::POLICY.into()) && types.contains(&&pk::PARTY_CONGRESS.into()));
    assert_eq!(one(&quads, &congress, skos::PREF_LABEL), &zh("党的十九大"));
    assert_eq!(one(&quads, &congress, skos::ALT_LABEL), &zh("十九大精神"));
    assert_eq!(one(&quads, &congress, pk::LEVEL_PROP), &pk::CENTRAL.into());
    assert_eq!(
        one(&quads, &congress, dcterms::DATE),
        &typed("2017-10", xsd::G_YEAR_MONTH)
    );
    let document_policy = minter.policy("中国教育现代化2035");
    assert!(objects(&quads, &document_policy, rdf::TYPE).contains(&&pk::POLICY_DOCUMENT.into()));

    let issuer_key = minter.issuer_key(SOURCE, &doc);
    let issuer = minter.issuer(&issuer_key).unwrap();
    let unit = minter.unit(&issuer_key, "人事处");
    assert_eq!(one(&quads, &unit, rdf::TYPE), &pk::UNIT.into());
    assert_eq!(one(&quads, &unit, org::UNIT_OF), &issuer.clone().into());
    assert_eq!(one(&quads, &issuer, rdf::TYPE), &pk::ORGANIZATION.into());
    // The canonical name is the preferred label, the name as written an
    // alternative; the body's level is stated.
    assert_eq!(one(&quads, &issuer, skos::PREF_LABEL), &zh("嘉兴市教育局"));
    assert_eq!(one(&quads, &issuer, skos::ALT_LABEL), &zh("市教育局"));
    assert_eq!(one(&quads, &issuer, pk::LEVEL_PROP), &pk::MUNICIPAL.into());
    // The units belong to the government body, not to the party committee.
    assert_eq!(issuer, minter.organization(Some("嘉兴市"), "嘉兴市教育局"));

    let school = minter.school(Some("嘉兴市"), "秀州中学");
    assert_eq!(one(&quads, &school, rdf::TYPE), &pk::SCHOOL.into());
    assert_eq!(
        one(&quads, &school, pk::REGION_PROP),
        &minter.region("嘉兴市").into()
    );
    let drafted = minter.initiative("嘉兴教育现代化2035");
    assert_eq!(one(&quads, &drafted, rdf::TYPE), &pk::INITIATIVE.into());

    let city = minter.region("嘉兴市");
    assert_eq!(
        one(&quads, &city, pk::PART_OF),
        &minter.region("浙江省").into()
    );
    assert_eq!(
        one(&quads, &minter.region("浙江省"), rdf::TYPE),
        &pk::REGION.into()
    );
}

#[test]
fn the_entities_graph_does_not_depend_on_document_order() {
    let minter = IriMinter::default();
    let first = sample::full_document();
    let mut second = sample::full_document();
    second.index = 1;
    // Another spelling of the same initiative, twice: it becomes the preferred label.
    for task in second
        .sections
        .iter_mut()
        .flat_map(|s| s.children.iter_mut())
        .flat_map(|s| s.tasks.iter_mut())
    {
        task.entities.initiatives[0].name = "县管校聘改革".into();
    }
    let mut third = second.clone();
    third.index = 2;
    let build = |docs: &[&plankg_model::Document]| {
        let mut graph = EntityGraph::new(&minter);
        for doc in docs {
            graph.add_document(SOURCE, doc);
        }
        graph.into_quads()
    };
    let forward = build(&[&first, &second, &third]);
    let backward = build(&[&third, &second, &first]);
    assert_eq!(forward, backward);
    let initiative = minter.initiative("县管校聘");
    assert_eq!(
        one(&forward, &initiative, skos::PREF_LABEL),
        &zh("县管校聘改革")
    );
    assert_eq!(one(&forward, &initiative, skos::ALT_LABEL), &zh("县管校聘"));
}

#[test]
fn a_meeting_held_again_is_one_policy_with_a_date_per_session() {
    let minter = IriMinter::default();
    let session = |index: usize, date: &str| {
        let mut doc = sample::full_document();
        doc.index = index;
        let mut meeting = sample::policy(
            "全国教育大会",
            "全国教育大会",
            plankg_model::PolicyKind::Meeting,
            "t1",
        );
        meeting.date = Some(date.to_owned());
        doc.entities.policies.push(meeting);
        doc
    };
    let mut graph = EntityGraph::new(&minter);
    graph.add_document(SOURCE, &session(0, "2018-09"));
    graph.add_document(SOURCE, &session(1, "2024-09"));
    let quads = graph.into_quads();
    let meeting = minter.policy("全国教育大会");
    let dates = objects(&quads, &meeting, dcterms::DATE);
    assert_eq!(
        dates,
        [
            &typed("2018-09", xsd::G_YEAR_MONTH),
            &typed("2024-09", xsd::G_YEAR_MONTH)
        ]
    );
}
