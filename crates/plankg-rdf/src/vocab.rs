//! The terms plankg writes: its own `pk:` vocabulary and the W3C and community
//! terms it reuses, one submodule per namespace, each term a documented constant.
//!
//! Every `pk:` term is declared in `ontology/plankg.ttl` (a test checks both ways).

/// Declares documented IRI constants under one namespace, and `ALL` listing them.
macro_rules! terms {
    ($ns:literal; $( $(#[$doc:meta])* $name:ident = $local:literal; )*) => {
        /// The namespace IRI.
        pub const NAMESPACE: &str = $ns;
        $(
            $(#[$doc])*
            pub const $name: oxrdf::NamedNodeRef<'static> =
                oxrdf::NamedNodeRef::new_unchecked(concat!($ns, $local));
        )*
        /// Every term of this module, in declaration order.
        pub const ALL: &[oxrdf::NamedNodeRef<'static>] = &[$($name),*];
    };
}

pub use oxrdf::vocab::{rdf, rdfs, xsd};

/// plankg's own vocabulary, `https://w3id.org/plankg/ont#`.
///
/// Where a class and a property share a local name (`pk:Unit`, `pk:unit`), the
/// class keeps the plain constant name and the property takes a `_PROP` suffix.
pub mod pk {
    terms! {
        "https://w3id.org/plankg/ont#";
        /// `pk:PlanDocument`: one plan (a 工作计划 or 工作要点).
        PLAN_DOCUMENT = "PlanDocument";
        /// `pk:Section`: one part of a plan's section tree (the preamble has depth 0).
        SECTION = "Section";
        /// `pk:Task`: one numbered item or paragraph of work.
        TASK = "Task";
        /// `pk:Target`: a quantitative target.
        TARGET = "Target";
        /// `pk:Policy`: a higher-level policy a plan places itself under.
        POLICY = "Policy";
        /// `pk:PartyCongress`: a party congress (党的十九大).
        PARTY_CONGRESS = "PartyCongress";
        /// `pk:Plenum`: a plenary session (十九届六中全会).
        PLENUM = "Plenum";
        /// `pk:Meeting`: a conference whose spirit is implemented (全国教育大会).
        MEETING = "Meeting";
        /// `pk:GuidingThought`: a guiding theory.
        GUIDING_THOUGHT = "GuidingThought";
        /// `pk:PolicyDocument`: a named document cited as authority.
        POLICY_DOCUMENT = "PolicyDocument";
        /// `pk:FiveYearPlan`: a five-year plan ("十四五"规划).
        FIVE_YEAR_PLAN = "FiveYearPlan";
        /// `pk:Strategy`: a named strategy (乡村振兴战略).
        STRATEGY = "Strategy";
        /// `pk:Initiative`: a named programme that can recur over the years.
        INITIATIVE = "Initiative";
        /// `pk:Unit`: an organisational unit named in a responsibility tag.
        UNIT = "Unit";
        /// `pk:School`: a named school, college, university or kindergarten.
        SCHOOL = "School";
        /// `pk:Organization`: a named government, party or education body.
        ORGANIZATION = "Organization";
        /// `pk:Region`: a place (province, city, district).
        REGION = "Region";
        /// `pk:Continuation`: the qualified lineage link between two tasks.
        CONTINUATION = "Continuation";
        /// `pk:Level`: the class of administrative levels (`pk:central` …).
        LEVEL = "Level";
        /// `pk:PartKind`: the class of the kinds of part of a plan (`pk:SummaryPart`,
        /// `pk:PlanPart`).
        PART_KIND = "PartKind";

        /// `pk:document`: the plan a section or task belongs to.
        DOCUMENT = "document";
        /// `pk:parent`: the enclosing section of a nested section.
        PARENT = "parent";
        /// `pk:depth`: nesting depth of a section (0 preamble, 1 top level).
        DEPTH = "depth";
        /// `pk:number`: a section's number as written ("一、").
        NUMBER = "number";
        /// `pk:heading`: a section's heading without its number.
        HEADING = "heading";
        /// `pk:ordinal`: position of a section among its siblings, from 1.
        ORDINAL = "ordinal";
        /// `pk:partKind`: the kind of part a section is in (`pk:SummaryPart` or
        /// `pk:PlanPart`).
        PART_KIND_PROP = "partKind";
        /// `pk:aboutYear`: the year a section's text is about (the summarised year
        /// in a summary part).
        ABOUT_YEAR = "aboutYear";
        /// `pk:section`: the section a task sits in.
        SECTION_PROP = "section";
        /// `pk:text`: the text of a task.
        TEXT = "text";
        /// `pk:charStart`: first character of a task in the decoded source.
        CHAR_START = "charStart";
        /// `pk:charEnd`: one past the last character of a task in the decoded source.
        CHAR_END = "charEnd";
        /// `pk:isHeading`: the task is a section heading rather than body text.
        IS_HEADING = "isHeading";
        /// `pk:deadline`: when a task is due, as its task table writes it.
        DEADLINE = "deadline";
        /// `pk:citesPolicy`: a task or document cites a policy as authority.
        CITES_POLICY = "citesPolicy";
        /// `pk:mentionsInitiative`: a task mentions an initiative.
        MENTIONS_INITIATIVE = "mentionsInitiative";
        /// `pk:involvesSchool`: a task involves a school.
        INVOLVES_SCHOOL = "involvesSchool";
        /// `pk:mentionsOrganization`: a task mentions an organization.
        MENTIONS_ORGANIZATION = "mentionsOrganization";
        /// `pk:leadUnit`: the unit leading a task (牵头).
        LEAD_UNIT = "leadUnit";
        /// `pk:responsibleUnit`: a unit responsible for a task (责任).
        RESPONSIBLE_UNIT = "responsibleUnit";
        /// `pk:cooperatingUnit`: a unit cooperating on a task (配合, 协办).
        COOPERATING_UNIT = "cooperatingUnit";
        /// `pk:hasTarget`: a target a task sets.
        HAS_TARGET = "hasTarget";
        /// `pk:produces`: a document (initiative) a task will draft.
        PRODUCES = "produces";
        /// `pk:year`: the year a plan is for.
        YEAR = "year";
        /// `pk:yearInferred`: whether the year was inferred rather than stated.
        YEAR_INFERRED = "yearInferred";
        /// `pk:issuer`: the body issuing a plan.
        ISSUER = "issuer";
        /// `pk:issuerInferred`: the plan names no issuer; its issuer is inferred.
        ISSUER_INFERRED = "issuerInferred";
        /// `pk:evidenceYearFrom`: the first year the party meetings a plan cites allow.
        EVIDENCE_YEAR_FROM = "evidenceYearFrom";
        /// `pk:evidenceYearTo`: the last year the party meetings a plan cites allow.
        EVIDENCE_YEAR_TO = "evidenceYearTo";
        /// `pk:region`: the jurisdiction of a plan, school or organization.
        REGION_PROP = "region";
        /// `pk:contentHash`: hash of the extracted document, written last.
        CONTENT_HASH = "contentHash";
        /// `pk:duplicateOf`: a plan whose text another plan of the store holds, to
        /// the first of them by IRI (in the entities graph).
        DUPLICATE_OF = "duplicateOf";
        /// `pk:level`: administrative level of a policy's source or of an issuing body.
        LEVEL_PROP = "level";
        /// `pk:indicator`: a target's indicator as written.
        INDICATOR = "indicator";
        /// `pk:indicatorKey`: a target's normalised indicator, for series.
        INDICATOR_KEY = "indicatorKey";
        /// `pk:value`: a target's value (lower bound of a range).
        VALUE = "value";
        /// `pk:unit`: the unit of measure of a target's value, as written.
        UNIT_PROP = "unit";
        /// `pk:comparator`: the comparator a target's wording implies (">=", "<=", "~", "=").
        COMPARATOR = "comparator";
        /// `pk:reported`: a figure a summary reports as achieved.
        REPORTED = "reported";
        /// `pk:from`: the later task of a continuation.
        FROM = "from";
        /// `pk:to`: the earlier task of a continuation.
        TO = "to";
        /// `pk:similarity`: how close the two tasks of a continuation are.
        SIMILARITY = "similarity";
        /// `pk:relation`: the kind of a continuation (`pk:continues` or `pk:echoes`).
        RELATION = "relation";
        /// `pk:continues`: a task takes up an earlier task of the same issuer.
        CONTINUES = "continues";
        /// `pk:echoes`: a task takes up an earlier task of another issuer.
        ECHOES = "echoes";
        /// `pk:localizes`: a local policy adapts a higher one.
        LOCALIZES = "localizes";
        /// `pk:partOf`: the region enclosing a region.
        PART_OF = "partOf";

        /// `pk:central`: the party centre, the State Council, ministries.
        CENTRAL = "central";
        /// `pk:provincial`: provinces, autonomous regions, the four municipalities.
        PROVINCIAL = "provincial";
        /// `pk:municipal`: prefecture-level cities.
        MUNICIPAL = "municipal";
        /// `pk:district`: districts, counties and county-level cities.
        DISTRICT = "district";
        /// `pk:unknownLevel`: level not known.
        UNKNOWN_LEVEL = "unknownLevel";

        /// `pk:SummaryPart`: a part summarising a year's work done.
        SUMMARY_PART = "SummaryPart";
        /// `pk:PlanPart`: a part planning work to come.
        PLAN_PART = "PlanPart";
    }
}

/// DCMI Metadata Terms, `http://purl.org/dc/terms/`.
pub mod dcterms {
    terms! {
        "http://purl.org/dc/terms/";
        /// `dcterms:title`: a plan's title.
        TITLE = "title";
        /// `dcterms:issued`: a plan's issue date.
        ISSUED = "issued";
        /// `dcterms:source`: a plan's source path: its path below the store's root holding
        /// it, under that root's prefix (`plans/2021/a.txt`).
        SOURCE = "source";
        /// `dcterms:isPartOf`: a resource is part of another.
        IS_PART_OF = "isPartOf";
        /// `dcterms:date`: the date of a policy.
        DATE = "date";
    }
}

/// SKOS, `http://www.w3.org/2004/02/skos/core#`.
pub mod skos {
    terms! {
        "http://www.w3.org/2004/02/skos/core#";
        /// `skos:prefLabel`: the preferred name of an entity.
        PREF_LABEL = "prefLabel";
        /// `skos:altLabel`: another name of an entity.
        ALT_LABEL = "altLabel";
        /// `skos:closeMatch`: a near-variant of an entity.
        CLOSE_MATCH = "closeMatch";
        /// `skos:exactMatch`: the same entity under another IRI.
        EXACT_MATCH = "exactMatch";
    }
}

/// The W3C Organization Ontology, `http://www.w3.org/ns/org#`.
pub mod org {
    terms! {
        "http://www.w3.org/ns/org#";
        /// `org:Organization`: an organization.
        ORGANIZATION = "Organization";
        /// `org:OrganizationalUnit`: a unit of an organization.
        ORGANIZATIONAL_UNIT = "OrganizationalUnit";
        /// `org:unitOf`: the organization a unit belongs to.
        UNIT_OF = "unitOf";
    }
}

/// PROV-O, `http://www.w3.org/ns/prov#`.
pub mod prov {
    terms! {
        "http://www.w3.org/ns/prov#";
        /// `prov:wasDerivedFrom`: a resource derives from another.
        WAS_DERIVED_FROM = "wasDerivedFrom";
        /// `prov:wasRevisionOf`: a resource revises another.
        WAS_REVISION_OF = "wasRevisionOf";
    }
}

/// schema.org, `https://schema.org/`.
pub mod schema {
    terms! {
        "https://schema.org/";
        /// `schema:EducationalOrganization`: a school or other educational body.
        EDUCATIONAL_ORGANIZATION = "EducationalOrganization";
        /// `schema:QuantitativeValue`: a value with a unit.
        QUANTITATIVE_VALUE = "QuantitativeValue";
        /// `schema:maxValue`: the upper bound of a range.
        MAX_VALUE = "maxValue";
    }
}

/// CiTO, the Citation Typing Ontology, `http://purl.org/spar/cito/`.
pub mod cito {
    terms! {
        "http://purl.org/spar/cito/";
        /// `cito:citesAsAuthority`: cites a work as an authority.
        CITES_AS_AUTHORITY = "citesAsAuthority";
    }
}

/// The European Legislation Identifier ontology, `http://data.europa.eu/eli/ontology#`.
pub mod eli {
    terms! {
        "http://data.europa.eu/eli/ontology#";
        /// `eli:LegalResource`: a legal or policy resource.
        LEGAL_RESOURCE = "LegalResource";
        /// `eli:jurisdiction`: the jurisdiction a resource applies to.
        JURISDICTION = "jurisdiction";
    }
}
