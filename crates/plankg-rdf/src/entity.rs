//! The entities graph: descriptions of the entities documents share (policies,
//! initiatives, units, schools, organizations, regions), accumulated over all
//! documents and written in a deterministic order.

use std::collections::{BTreeMap, BTreeSet};

use oxrdf::{GraphName, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use plankg_model::{Document, PolicyKind, PolicyLevel};
use sha2::{Digest as _, Sha256};

use crate::document::produced_key;
use crate::iri::IriMinter;
use crate::literal::{date, zh};
use crate::vocab::{dcterms, org, pk, rdf, skos};

/// Accumulates the descriptions of shared entities over documents, then writes
/// them into `<base>graph/entities`.
///
/// The result depends only on the set of documents added, not on their order:
/// where documents disagree (two spellings of one initiative, two levels of one
/// policy) the most frequent value wins and ties go to the smallest; other
/// spellings become `skos:altLabel`. Quads come out sorted by subject IRI.
///
/// ```
/// use plankg_model::{Document, Entities, PolicyKind, PolicyLevel, PolicyRef, Section, Task};
/// use plankg_rdf::{EntityGraph, IriMinter};
///
/// let policy = PolicyRef {
///     name: "党的十九大".into(), key: "十九大".into(), kind: PolicyKind::Congress,
///     level: PolicyLevel::Central, date: Some("2017-10".into()), written: vec![], evidence: vec![],
/// };
/// let entities = Entities { policies: vec![policy], ..Entities::default() };
/// let task = Task { id: "t1".into(), entities, ..Task::default() };
/// let doc = Document { sections: vec![Section { id: "s0".into(), tasks: vec![task], ..Section::default() }], ..Document::default() };
///
/// let minter = IriMinter::default();
/// let mut entities = EntityGraph::new(&minter);
/// entities.add_document("a.txt", &doc);
/// let quads = entities.into_quads();
/// assert!(quads.iter().all(|q| q.graph_name == minter.graph_entities().into()));
/// assert!(quads.iter().any(|q| q.subject == minter.policy("十九大").into()));
/// ```
#[derive(Debug, Clone)]
pub struct EntityGraph {
    minter: IriMinter,
    policies: BTreeMap<NamedNode, PolicyFacts>,
    initiatives: BTreeMap<NamedNode, Names>,
    units: BTreeMap<NamedNode, (Names, Option<NamedNode>)>,
    schools: BTreeMap<NamedNode, (Names, Option<String>)>,
    organizations: BTreeMap<NamedNode, (Names, Option<String>)>,
    /// Levels of the issuing bodies, as their documents resolved them.
    issuer_levels: BTreeMap<NamedNode, BTreeMap<PolicyLevel, usize>>,
    regions: BTreeMap<String, RegionFacts>,
    /// The documents holding each text (SHA-256 of their tasks' texts).
    texts: BTreeMap<[u8; 32], BTreeSet<NamedNode>>,
}

/// What the documents tell of a region: its short name and enclosing regions.
#[derive(Debug, Clone, Default)]
struct RegionFacts {
    short: Option<String>,
    parents: BTreeSet<String>,
}

/// How often each spelling of a name was seen.
type Names = BTreeMap<String, usize>;

#[derive(Debug, Clone, Default)]
struct PolicyFacts {
    names: Names,
    written: BTreeSet<String>,
    kinds: BTreeMap<PolicyKind, usize>,
    levels: BTreeMap<PolicyLevel, usize>,
    dates: BTreeSet<String>,
}

impl EntityGraph {
    /// An empty accumulator minting IRIs with `minter`.
    #[must_use]
    pub fn new(minter: &IriMinter) -> Self {
        Self {
            minter: minter.clone(),
            policies: BTreeMap::new(),
            initiatives: BTreeMap::new(),
            units: BTreeMap::new(),
            schools: BTreeMap::new(),
            organizations: BTreeMap::new(),
            issuer_levels: BTreeMap::new(),
            regions: BTreeMap::new(),
            texts: BTreeMap::new(),
        }
    }

    /// How many documents added so far are duplicates: their text is another's
    /// (each group of documents with one text counts all but its first).
    #[must_use]
    pub fn duplicates(&self) -> usize {
        self.texts
            .values()
            .map(|documents| documents.len().saturating_sub(1))
            .sum()
    }

    /// Adds the entities `doc` (found in the file whose source path is `source_rel`)
    /// links to, and its text, by which copies of one plan are found.
    pub fn add_document(&mut self, source_rel: &str, doc: &Document) {
        let minter = &self.minter;
        if let Some(text) = text_digest(doc) {
            let documents = self.texts.entry(text).or_default();
            documents.insert(minter.document(source_rel, doc.index));
        }
        let region = doc.region.as_deref();
        let issuer_key = minter.issuer_key(source_rel, doc);
        let issuer = minter.issuer(&issuer_key);
        // The jurisdiction as extraction placed it: each place within the next.
        if let Some(region) = region {
            self.regions.entry(region.to_owned()).or_default();
        }
        for (index, place) in doc.jurisdiction.iter().enumerate() {
            let facts = self.regions.entry(place.name.clone()).or_default();
            facts.short.clone_from(&place.short);
            if let Some(parent) = doc.jurisdiction.get(index + 1) {
                facts.parents.insert(parent.name.clone());
            }
        }
        if doc.issuers.is_empty() {
            if let (Some(iri), Some(name)) = (&issuer, &doc.issuer) {
                note(&mut self.organizations, iri, name, region);
            }
        }
        // Each issuing body under its canonical name (counted twice, so it is the
        // preferred label), its spellings as alternatives, with its place and level.
        for (iri, body) in minter.issuers(source_rel, doc).iter().zip(&doc.issuers) {
            let place = body.region.as_deref();
            note(&mut self.organizations, iri, &body.canonical, place);
            note(&mut self.organizations, iri, &body.canonical, place);
            note(&mut self.organizations, iri, &body.name, place);
            if let Some(place) = place {
                self.regions.entry(place.to_owned()).or_default();
            }
            *self
                .issuer_levels
                .entry(iri.clone())
                .or_default()
                .entry(body.level)
                .or_default() += 1;
        }
        for policy in doc
            .entities
            .policies
            .iter()
            .chain(doc.tasks().flat_map(|t| &t.entities.policies))
        {
            let facts = self.policies.entry(minter.policy(&policy.key)).or_default();
            *facts.names.entry(policy.name.clone()).or_default() += 1;
            facts.written.extend(policy.written.iter().cloned());
            *facts.kinds.entry(policy.kind).or_default() += 1;
            *facts.levels.entry(policy.level).or_default() += 1;
            if let Some(d) = &policy.date {
                facts.dates.insert(d.clone());
            }
        }
        for task in doc.tasks() {
            for i in &task.entities.initiatives {
                count(
                    self.initiatives
                        .entry(minter.initiative(&i.key))
                        .or_default(),
                    &i.name,
                );
            }
            for name in &task.produces {
                let iri = minter.initiative(produced_key(task, name));
                count(self.initiatives.entry(iri).or_default(), name);
            }
            for u in &task.entities.units {
                let entry = self
                    .units
                    .entry(minter.unit(&issuer_key, &u.key))
                    .or_insert_with(|| (Names::new(), issuer.clone()));
                count(&mut entry.0, &u.name);
            }
            for s in &task.entities.schools {
                note(
                    &mut self.schools,
                    &minter.school(region, &s.key),
                    &s.name,
                    region,
                );
            }
            for o in &task.entities.organizations {
                let iri = minter.organization(region, &o.key);
                note(&mut self.organizations, &iri, &o.name, region);
            }
        }
    }

    /// The descriptions, in `<base>graph/entities`, sorted by subject IRI.
    #[must_use]
    pub fn into_quads(self) -> Vec<Quad> {
        let mut out = Writer {
            graph: self.minter.graph_entities().into(),
            quads: Vec::new(),
        };
        for (iri, facts) in &self.policies {
            out.add(iri, rdf::TYPE, pk::POLICY);
            if let Some(kind) = most_frequent(&facts.kinds) {
                out.add(iri, rdf::TYPE, policy_class(kind));
            }
            out.labels(iri, &facts.names, &facts.written);
            if let Some(level) = most_frequent(&facts.levels) {
                out.add(iri, pk::LEVEL_PROP, level_individual(level));
            }
            // A meeting held again under one name (全国教育大会) is one policy with
            // one date per session its citing plans refer to.
            for d in &facts.dates {
                out.add(iri, dcterms::DATE, date(d));
            }
        }
        for (iri, names) in &self.initiatives {
            out.add(iri, rdf::TYPE, pk::INITIATIVE);
            out.labels(iri, names, &BTreeSet::new());
        }
        for (iri, (names, issuer)) in &self.units {
            out.add(iri, rdf::TYPE, pk::UNIT);
            out.labels(iri, names, &BTreeSet::new());
            if let Some(issuer) = issuer {
                out.add(iri, org::UNIT_OF, issuer.clone());
            }
        }
        for (class, map) in [
            (pk::SCHOOL, &self.schools),
            (pk::ORGANIZATION, &self.organizations),
        ] {
            for (iri, (names, region)) in map {
                out.add(iri, rdf::TYPE, class);
                out.labels(iri, names, &BTreeSet::new());
                if let Some(region) = region {
                    out.add(iri, pk::REGION_PROP, self.minter.region(region));
                }
                if let Some(level) = self.issuer_levels.get(iri).and_then(most_frequent) {
                    out.add(iri, pk::LEVEL_PROP, level_individual(level));
                }
            }
        }
        out.regions(&self.minter, &self.regions);
        // The same plan at several paths (reposted, copied): every copy is kept,
        // and each but the first by IRI is a duplicate of that first one.
        for documents in self.texts.values() {
            let mut documents = documents.iter();
            if let Some(first) = documents.next() {
                for copy in documents {
                    out.add(copy, pk::DUPLICATE_OF, first.clone());
                }
            }
        }
        // A stable sort: each subject's quads keep the order they were written in.
        out.quads.sort_by(|a, b| subject_iri(a).cmp(subject_iri(b)));
        out.quads
    }
}

struct Writer {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Writer {
    fn add(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        self.quads.push(Quad::new(
            subject.clone(),
            predicate,
            object,
            self.graph.clone(),
        ));
    }

    /// One `skos:prefLabel` (the most frequent spelling), the rest as `skos:altLabel`.
    fn labels(&mut self, iri: &NamedNode, names: &Names, written: &BTreeSet<String>) {
        let Some(pref) = most_frequent(names) else {
            return;
        };
        self.add(iri, skos::PREF_LABEL, zh(&pref));
        let alternatives: BTreeSet<&String> = names
            .keys()
            .chain(written)
            .filter(|n| **n != pref)
            .collect();
        for alt in alternatives {
            self.add(iri, skos::ALT_LABEL, zh(alt));
        }
    }

    /// The regions named, each with its short name as an alternative label and
    /// `pk:partOf` its enclosing regions, as extraction resolved them.
    fn regions(&mut self, minter: &IriMinter, regions: &BTreeMap<String, RegionFacts>) {
        for (name, facts) in regions {
            let iri = minter.region(name);
            let mut names = Names::from([(name.clone(), 2)]);
            if let Some(short) = &facts.short {
                names.entry(short.clone()).or_insert(1);
            }
            self.add(&iri, rdf::TYPE, pk::REGION);
            self.labels(&iri, &names, &BTreeSet::new());
            for parent in &facts.parents {
                let parent = minter.region(parent);
                if parent != iri {
                    self.add(&iri, pk::PART_OF, parent);
                }
            }
        }
    }
}

/// The subject of a quad as a string (every subject here is an IRI).
fn subject_iri(quad: &Quad) -> &str {
    match &quad.subject {
        NamedOrBlankNode::NamedNode(node) => node.as_str(),
        NamedOrBlankNode::BlankNode(node) => node.as_str(),
    }
}

/// The digest of a document's text as its tasks hold it (site chrome, encoding and
/// markup left out, so a plan reposted on another site matches); `None` for a
/// document without tasks, which holds no text to compare.
fn text_digest(doc: &Document) -> Option<[u8; 32]> {
    let mut hasher = Sha256::new();
    let mut any = false;
    for task in doc.tasks() {
        hasher.update(task.text.as_bytes());
        hasher.update(b"\n");
        any = true;
    }
    any.then(|| hasher.finalize().into())
}

fn count(names: &mut Names, name: &str) {
    *names.entry(name.to_owned()).or_default() += 1;
}

/// Counts a spelling of a school or organization and remembers its region.
fn note(
    map: &mut BTreeMap<NamedNode, (Names, Option<String>)>,
    iri: &NamedNode,
    name: &str,
    region: Option<&str>,
) {
    let entry = map
        .entry(iri.clone())
        .or_insert_with(|| (Names::new(), region.map(str::to_owned)));
    count(&mut entry.0, name);
}

/// The most frequent value; ties go to the smallest, so the order documents were
/// added in does not matter.
fn most_frequent<T: Ord + Clone>(counts: &BTreeMap<T, usize>) -> Option<T> {
    // `max_by_key` keeps the last maximum; iterating in reverse makes it the smallest.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| **n)
        .map(|(value, _)| value.clone())
}

/// The `pk:Policy` subclass of a kind (DESIGN.md, pk:Policy).
fn policy_class(kind: PolicyKind) -> NamedNodeRef<'static> {
    match kind {
        PolicyKind::Congress => pk::PARTY_CONGRESS,
        PolicyKind::Plenum => pk::PLENUM,
        PolicyKind::Meeting => pk::MEETING,
        PolicyKind::Thought => pk::GUIDING_THOUGHT,
        PolicyKind::Document => pk::POLICY_DOCUMENT,
        PolicyKind::FiveYearPlan => pk::FIVE_YEAR_PLAN,
        PolicyKind::Strategy => pk::STRATEGY,
        // A kind added to the model later is still a policy.
        _ => pk::POLICY,
    }
}

/// The level individual (`pk:central` …) of a policy level.
fn level_individual(level: PolicyLevel) -> NamedNodeRef<'static> {
    match level {
        PolicyLevel::Central => pk::CENTRAL,
        PolicyLevel::Provincial => pk::PROVINCIAL,
        PolicyLevel::Municipal => pk::MUNICIPAL,
        PolicyLevel::District => pk::DISTRICT,
        _ => pk::UNKNOWN_LEVEL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_go_to_the_smallest_value() {
        let counts = BTreeMap::from([("b", 2), ("a", 2), ("c", 1)]);
        assert_eq!(most_frequent(&counts), Some("a"));
        let counts = BTreeMap::from([("b", 3), ("a", 2)]);
        assert_eq!(most_frequent(&counts), Some("b"));
    }
}
