//! The kinds of part of a plan as RDF: `pk:SummaryPart` and `pk:PlanPart`, the
//! values of `pk:partKind` on sections.

use oxrdf::NamedNodeRef;
use plankg_model::PartKind;

use crate::vocab::pk;

/// The individual (`pk:SummaryPart`, `pk:PlanPart`) of a kind of part.
///
/// ```
/// use plankg_model::PartKind;
/// use plankg_rdf::{part_kind_iri, part_kind_of_iri};
///
/// let iri = part_kind_iri(PartKind::Summary);
/// assert_eq!(iri.as_str(), "https://w3id.org/plankg/ont#SummaryPart");
/// assert_eq!(part_kind_of_iri(iri.as_str()), Some(PartKind::Summary));
/// ```
#[must_use]
pub fn part_kind_iri(kind: PartKind) -> NamedNodeRef<'static> {
    match kind {
        PartKind::Summary => pk::SUMMARY_PART,
        // A kind added to the model later is still a part of the plan.
        _ => pk::PLAN_PART,
    }
}

/// The kind of part an IRI names, when it is `pk:SummaryPart` or `pk:PlanPart`.
#[must_use]
pub fn part_kind_of_iri(iri: &str) -> Option<PartKind> {
    [PartKind::Summary, PartKind::Plan]
        .into_iter()
        .find(|kind| part_kind_iri(*kind).as_str() == iri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_own_individual() {
        assert_eq!(part_kind_iri(PartKind::Plan), pk::PLAN_PART);
        assert_eq!(
            part_kind_of_iri(pk::PLAN_PART.as_str()),
            Some(PartKind::Plan)
        );
        assert_eq!(part_kind_of_iri(pk::CENTRAL.as_str()), None);
    }
}
