//! No drift between the code and ontology/plankg.ttl: every term the code can
//! emit is declared there, every `pk:` term declared there is in `vocab::pk`, and
//! the shapes use declared terms only.

mod declared;
mod sample;

use std::collections::{BTreeMap, BTreeSet};

use declared::{declared, parse};
use oxrdf::{NamedNode, NamedOrBlankNode, Term};
use plankg_rdf::vocab::{pk, rdf, rdfs};
use plankg_rdf::{document_quads, EntityGraph, IriMinter, ONTOLOGY_TTL, SHAPES_TTL};

#[test]
fn every_pk_constant_is_declared_and_every_declared_pk_term_has_a_constant() {
    let declared = declared();
    let constants: BTreeSet<String> = pk::ALL.iter().map(|t| t.as_str().to_owned()).collect();
    let missing: Vec<_> = constants.difference(&declared).collect();
    assert!(
        missing.is_empty(),
        "not declared in plankg.ttl: {missing:?}"
    );
    let unknown: Vec<_> = declared
        .iter()
        .filter(|iri| iri.starts_with(pk::NAMESPACE))
        .filter(|iri| !constants.contains(*iri))
        .collect();
    assert!(unknown.is_empty(), "no constant in vocab::pk: {unknown:?}");
    assert_eq!(
        constants.len(),
        pk::ALL.len(),
        "a pk constant is listed twice"
    );
}

#[test]
fn every_pk_term_has_chinese_and_english_labels_and_a_comment() {
    let triples = parse(ONTOLOGY_TTL);
    let mut labels: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut commented = BTreeSet::new();
    for t in &triples {
        let NamedOrBlankNode::NamedNode(s) = &t.subject else {
            continue;
        };
        if let Term::Literal(l) = &t.object {
            if t.predicate == rdfs::LABEL {
                labels
                    .entry(s.as_str().to_owned())
                    .or_default()
                    .insert(l.language().unwrap_or_default().to_owned());
            } else if t.predicate == rdfs::COMMENT {
                commented.insert(s.as_str().to_owned());
            }
        }
    }
    for term in pk::ALL {
        let langs = labels.get(term.as_str()).cloned().unwrap_or_default();
        assert!(
            langs.contains("zh") && langs.contains("en"),
            "{term}: labels {langs:?}"
        );
        assert!(commented.contains(term.as_str()), "{term}: no rdfs:comment");
    }
}

#[test]
fn everything_a_full_document_emits_is_declared() {
    let declared = declared();
    let minter = IriMinter::default();
    let doc = sample::full_document();
    let mut quads = document_quads("2018/嘉兴.txt", &doc, "sha256:0", &minter);
    let mut entities = EntityGraph::new(&minter);
    entities.add_document("2018/嘉兴.txt", &doc);
    quads.extend(entities.into_quads());

    let mut predicates = BTreeSet::new();
    let mut classes = BTreeSet::new();
    for q in &quads {
        if q.predicate == rdf::TYPE {
            if let Term::NamedNode(class) = &q.object {
                classes.insert(class.as_str().to_owned());
            }
        } else {
            predicates.insert(q.predicate.as_str().to_owned());
        }
        // Objects in the pk: namespace (levels) are declared terms too.
        if let Term::NamedNode(o) = &q.object {
            if o.as_str().starts_with(pk::NAMESPACE) {
                assert!(declared.contains(o.as_str()), "undeclared object {o}");
            }
        }
    }
    let undeclared: Vec<_> = predicates
        .union(&classes)
        .filter(|t| !declared.contains(*t))
        .collect();
    assert!(
        undeclared.is_empty(),
        "emitted but not declared: {undeclared:?}"
    );
    // The sample exercises every link of a task.
    for link in [
        pk::CITES_POLICY,
        pk::MENTIONS_INITIATIVE,
        pk::INVOLVES_SCHOOL,
        pk::MENTIONS_ORGANIZATION,
        pk::LEAD_UNIT,
        pk::RESPONSIBLE_UNIT,
        pk::COOPERATING_UNIT,
        pk::HAS_TARGET,
        pk::PRODUCES,
        pk::PART_OF,
    ] {
        assert!(predicates.contains(link.as_str()), "sample lacks {link}");
    }
}

#[test]
fn shapes_are_turtle_and_use_declared_terms_only() {
    let declared = declared();
    for t in parse(SHAPES_TTL) {
        let mut terms: Vec<NamedNode> = vec![t.predicate];
        if let Term::NamedNode(n) = t.object {
            terms.push(n);
        }
        for term in terms {
            if term.as_str().starts_with(pk::NAMESPACE) {
                assert!(
                    declared.contains(term.as_str()),
                    "shapes use undeclared {term}"
                );
            }
        }
    }
}
