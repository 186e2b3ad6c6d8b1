//! One document's named graph: the plan, its sections, tasks and targets, and its
//! links to shared entities (whose descriptions live in the entities graph).

use oxrdf::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use plankg_model::{Document, Section, Task, UnitRole};

use crate::iri::{IriMinter, IssuerKey};
use crate::literal::{count, date, decimal, integer, zh};
use crate::part::part_kind_iri;
use crate::vocab::{dcterms, pk, rdf, schema};

/// All quads about one document, in the named graph whose IRI is the document's
/// IRI ([`IriMinter::document`]).
///
/// `source_rel` is the source path (the path below the store's root holding the
/// file, under that root's prefix: `plans/2021/a.txt`), `content_hash` the
/// hash the store compares to skip unchanged documents. The `pk:contentHash` quad
/// (the same as [`content_hash_quad`] gives) is always the **last** one, so a store
/// can write it after the rest (`quads.split_last()`): a document whose load was
/// cut off then carries no hash and is not taken for unchanged.
///
/// ```
/// use plankg_model::Document;
/// use plankg_rdf::{content_hash_quad, document_quads, IriMinter};
///
/// let minter = IriMinter::default();
/// let doc = Document { title: Some("2018年工作要点".into()), year: Some(2018), ..Document::default() };
/// let quads = document_quads("plans/a.txt", &doc, "sha256:00", &minter);
/// let iri = minter.document("plans/a.txt", 0);
/// assert!(quads.iter().all(|q| q.graph_name == iri.clone().into()));
/// assert_eq!(quads.last(), Some(&content_hash_quad(&iri, "sha256:00")));
/// ```
#[must_use]
pub fn document_quads(
    source_rel: &str,
    doc: &Document,
    content_hash: &str,
    minter: &IriMinter,
) -> Vec<Quad> {
    let iri = minter.document(source_rel, doc.index);
    let mut out = DocumentGraph {
        minter,
        doc,
        issuer_key: minter.issuer_key(source_rel, doc),
        graph: GraphName::NamedNode(iri.clone()),
        quads: Vec::new(),
        iri,
    };
    out.describe_document(source_rel);
    for (ordinal, section) in doc.sections.iter().enumerate() {
        out.describe_section(section, None, ordinal);
    }
    out.quads.push(content_hash_quad(&out.iri, content_hash));
    out.quads
}

/// The quad `<document> pk:contentHash "hash"` in the document's graph.
#[must_use]
pub fn content_hash_quad(document: &NamedNode, content_hash: &str) -> Quad {
    Quad::new(
        document.clone(),
        pk::CONTENT_HASH,
        Literal::new_simple_literal(content_hash),
        document.clone(),
    )
}

struct DocumentGraph<'a> {
    minter: &'a IriMinter,
    doc: &'a Document,
    issuer_key: IssuerKey,
    iri: NamedNode,
    graph: GraphName,
    quads: Vec<Quad>,
}

impl DocumentGraph<'_> {
    fn add(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        self.quads.push(Quad::new(
            subject.clone(),
            predicate,
            object,
            self.graph.clone(),
        ));
    }

    fn describe_document(&mut self, source_rel: &str) {
        let doc = self.doc;
        let iri = self.iri.clone();
        self.add(&iri, rdf::TYPE, pk::PLAN_DOCUMENT);
        if let Some(title) = &doc.title {
            self.add(&iri, dcterms::TITLE, zh(title));
        }
        if let Some(year) = doc.year {
            self.add(&iri, pk::YEAR, integer(year));
        }
        self.add(&iri, pk::YEAR_INFERRED, Literal::from(doc.year_inferred));
        if let Some(issued) = &doc.issued {
            self.add(&iri, dcterms::ISSUED, date(issued));
        }
        for issuer in self.minter.issuers(source_rel, doc) {
            self.add(&iri, pk::ISSUER, issuer);
        }
        if doc.issuers.iter().any(|i| i.inferred) {
            self.add(&iri, pk::ISSUER_INFERRED, Literal::from(true));
        }
        if let Some(range) = doc.evidence_years {
            self.add(&iri, pk::EVIDENCE_YEAR_FROM, integer(range.from));
            if let Some(to) = range.to {
                self.add(&iri, pk::EVIDENCE_YEAR_TO, integer(to));
            }
        }
        if let Some(region) = &doc.region {
            self.add(&iri, pk::REGION_PROP, self.minter.region(region));
        }
        self.add(
            &iri,
            dcterms::SOURCE,
            Literal::new_simple_literal(source_rel),
        );
        // A document cites a policy when any of its tasks does (DESIGN.md, pk:Policy).
        let mut cited: Vec<NamedNode> = doc
            .entities
            .policies
            .iter()
            .chain(doc.tasks().flat_map(|t| &t.entities.policies))
            .map(|p| self.minter.policy(&p.key))
            .collect();
        cited.sort_unstable();
        cited.dedup();
        for policy in cited {
            self.add(&iri, pk::CITES_POLICY, policy);
        }
    }

    fn describe_section(&mut self, section: &Section, parent: Option<&NamedNode>, position: usize) {
        let iri = self.minter.section(&self.iri, &section.id);
        let doc_iri = self.iri.clone();
        self.add(&iri, rdf::TYPE, pk::SECTION);
        self.add(&iri, pk::DOCUMENT, doc_iri);
        if let Some(parent) = parent {
            self.add(&iri, pk::PARENT, parent.clone());
        }
        self.add(&iri, pk::DEPTH, integer(section.depth));
        // The model's ordinal counts from 1 (0 for the preamble); fall back to the
        // position when a hand-built section leaves it unset.
        let ordinal = if section.ordinal == 0 && section.depth > 0 {
            position + 1
        } else {
            section.ordinal as usize
        };
        self.add(&iri, pk::ORDINAL, count(ordinal));
        if let Some(number) = &section.number {
            self.add(&iri, pk::NUMBER, Literal::new_simple_literal(number));
        }
        if let Some(heading) = &section.heading {
            self.add(&iri, pk::HEADING, zh(heading));
        }
        // On every section, nested ones repeating their top-level part's: one hop
        // from a task to the kind and year of its passage.
        self.add(&iri, pk::PART_KIND_PROP, part_kind_iri(section.part_kind));
        if let Some(year) = section.about_year {
            self.add(&iri, pk::ABOUT_YEAR, integer(year));
        }
        for task in &section.tasks {
            self.describe_task(task, &iri);
        }
        for (position, child) in section.children.iter().enumerate() {
            self.describe_section(child, Some(&iri), position);
        }
    }

    fn describe_task(&mut self, task: &Task, section: &NamedNode) {
        let iri = self.minter.task(&self.iri, &task.id);
        let doc_iri = self.iri.clone();
        self.add(&iri, rdf::TYPE, pk::TASK);
        self.add(&iri, pk::SECTION_PROP, section.clone());
        self.add(&iri, pk::DOCUMENT, doc_iri);
        self.add(&iri, pk::TEXT, zh(&task.text));
        self.add(&iri, pk::CHAR_START, count(task.span.start));
        self.add(&iri, pk::CHAR_END, count(task.span.end));
        if task.is_heading {
            self.add(&iri, pk::IS_HEADING, Literal::from(true));
        }
        if let Some(deadline) = &task.deadline {
            self.add(&iri, pk::DEADLINE, zh(&deadline.text));
        }
        let region = self.doc.region.as_deref();
        let mut links: Vec<(NamedNodeRef<'static>, NamedNode)> = Vec::new();
        links.extend(
            task.entities
                .policies
                .iter()
                .map(|p| (pk::CITES_POLICY, self.minter.policy(&p.key))),
        );
        links.extend(
            task.entities
                .initiatives
                .iter()
                .map(|i| (pk::MENTIONS_INITIATIVE, self.minter.initiative(&i.key))),
        );
        links.extend(
            task.entities
                .schools
                .iter()
                .map(|s| (pk::INVOLVES_SCHOOL, self.minter.school(region, &s.key))),
        );
        links.extend(task.entities.organizations.iter().map(|o| {
            (
                pk::MENTIONS_ORGANIZATION,
                self.minter.organization(region, &o.key),
            )
        }));
        links.extend(task.entities.units.iter().map(|u| {
            (
                role_property(u.role),
                self.minter.unit(&self.issuer_key, &u.key),
            )
        }));
        links.extend(task.produces.iter().map(|name| {
            (
                pk::PRODUCES,
                self.minter.initiative(produced_key(task, name)),
            )
        }));
        // Two keys may normalise to one IRI: state each link once.
        links.sort_unstable();
        links.dedup();
        for (predicate, object) in links {
            self.add(&iri, predicate, object);
        }
        for (n, target) in task.entities.targets.iter().enumerate() {
            let target_iri = self.minter.target(&self.iri, &task.id, n);
            self.add(&iri, pk::HAS_TARGET, target_iri.clone());
            self.describe_target(&target_iri, target);
        }
    }

    fn describe_target(&mut self, iri: &NamedNode, target: &plankg_model::TargetRef) {
        self.add(iri, rdf::TYPE, pk::TARGET);
        self.add(iri, pk::INDICATOR, zh(&target.indicator));
        self.add(
            iri,
            pk::INDICATOR_KEY,
            Literal::new_simple_literal(&target.indicator_key),
        );
        if let Some(value) = decimal(target.value) {
            self.add(iri, pk::VALUE, value);
        }
        if let Some(max) = target.value_max.and_then(decimal) {
            self.add(iri, schema::MAX_VALUE, max);
        }
        self.add(
            iri,
            pk::UNIT_PROP,
            Literal::new_simple_literal(&target.unit),
        );
        self.add(
            iri,
            pk::COMPARATOR,
            Literal::new_simple_literal(target.comparator.as_str()),
        );
        self.add(iri, pk::REPORTED, Literal::from(target.reported));
    }
}

/// The property linking a task to a unit in `role`.
fn role_property(role: UnitRole) -> NamedNodeRef<'static> {
    match role {
        UnitRole::Lead => pk::LEAD_UNIT,
        UnitRole::Cooperating => pk::COOPERATING_UNIT,
        _ => pk::RESPONSIBLE_UNIT,
    }
}

/// The initiative key of a document a task will draft: the key of the task's
/// initiative of that name when there is one (ANNOTATION.md lists drafted
/// documents as initiatives), else the name itself.
pub(crate) fn produced_key<'a>(task: &'a Task, name: &'a str) -> &'a str {
    task.entities
        .initiatives
        .iter()
        .find(|i| i.name == name)
        .map_or(name, |i| i.key.as_str())
}
