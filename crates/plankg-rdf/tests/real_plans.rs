//! The sample plans of data/plans through the real extractor: every IRI valid,
//! every term declared, one graph per document, output deterministic.

mod declared;

use std::collections::BTreeSet;
use std::path::Path;

use oxrdf::{GraphName, NamedOrBlankNode, Quad, Term};
use plankg_extract::ExtractorBuilder;
use plankg_model::Document;
use plankg_rdf::vocab::{pk, rdf};
use plankg_rdf::{document_quads, EntityGraph, IriMinter};

/// Every document of data/plans with its source path, in file-name order.
fn extract_plans() -> Vec<(String, Document)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/plans");
    let extractor = ExtractorBuilder::new().build().expect("embedded gazetteer");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/plans")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    let mut documents = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 name")
            .to_owned();
        let bytes = std::fs::read(&path).expect("readable plan");
        for doc in extractor.extract(&bytes, &name).expect("extractable plan") {
            documents.push((name.clone(), doc));
        }
    }
    assert!(!documents.is_empty(), "no plans in {}", dir.display());
    documents
}

fn all_quads(minter: &IriMinter, documents: &[(String, Document)]) -> (Vec<Quad>, Vec<Quad>) {
    let mut quads = Vec::new();
    let mut entities = EntityGraph::new(minter);
    for (source, doc) in documents {
        quads.extend(document_quads(source, doc, "sha256:0", minter));
        entities.add_document(source, doc);
    }
    (quads, entities.into_quads())
}

#[test]
fn every_iri_is_valid_and_every_term_declared() {
    let declared = declared::declared();
    let minter = IriMinter::default();
    let (documents, entities) = all_quads(&minter, &extract_plans());
    for quad in documents.iter().chain(&entities) {
        let mut iris = vec![quad.predicate.as_str()];
        if let NamedOrBlankNode::NamedNode(s) = &quad.subject {
            iris.push(s.as_str());
        }
        if let Term::NamedNode(o) = &quad.object {
            iris.push(o.as_str());
            if quad.predicate == rdf::TYPE || o.as_str().starts_with(pk::NAMESPACE) {
                assert!(declared.contains(o.as_str()), "undeclared {o}");
            }
        }
        if let GraphName::NamedNode(g) = &quad.graph_name {
            iris.push(g.as_str());
        }
        for iri in iris {
            assert!(oxrdf::NamedNode::new(iri).is_ok(), "invalid <{iri}>");
        }
        if quad.predicate != rdf::TYPE {
            assert!(
                declared.contains(quad.predicate.as_str()),
                "undeclared {}",
                quad.predicate
            );
        }
    }
}

#[test]
fn each_document_has_its_own_graph_and_one_plan_document() {
    let minter = IriMinter::default();
    let plans = extract_plans();
    let mut graphs = BTreeSet::new();
    for (source, doc) in &plans {
        let iri = minter.document(source, doc.index);
        let quads = document_quads(source, doc, "h", &minter);
        assert!(quads.iter().all(|q| q.graph_name == iri.clone().into()));
        let plan_documents = quads
            .iter()
            .filter(|q| q.predicate == rdf::TYPE && q.object == pk::PLAN_DOCUMENT.into())
            .count();
        assert_eq!(plan_documents, 1, "{source} #{}", doc.index);
        assert!(graphs.insert(iri), "{source} #{} shares a graph", doc.index);
    }
}

#[test]
fn output_is_deterministic_and_entities_do_not_depend_on_document_order() {
    let minter = IriMinter::default();
    let mut plans = extract_plans();
    let (documents, entities) = all_quads(&minter, &plans);
    let (again, _) = all_quads(&minter, &plans);
    assert_eq!(documents, again);
    plans.reverse();
    let (_, reversed) = all_quads(&minter, &plans);
    assert_eq!(entities, reversed);
}
