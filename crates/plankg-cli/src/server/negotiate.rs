//! Content negotiation: the best of the formats a response can take for a request's
//! `Accept` header (q-values and wildcards), driven by oxigraph's format enums.

use oxigraph::io::JsonLdProfileSet;
use plankg_store::{QueryResultsFormat, RdfFormat};

/// Result formats a SELECT or ASK answer can take, the default first.
pub(crate) const RESULT_FORMATS: [QueryResultsFormat; 4] = [
    QueryResultsFormat::Json,
    QueryResultsFormat::Xml,
    QueryResultsFormat::Csv,
    QueryResultsFormat::Tsv,
];

/// RDF formats a CONSTRUCT or DESCRIBE answer (or a Graph Store read) can take,
/// the default first.
pub(crate) const GRAPH_FORMATS: [RdfFormat; 5] = [
    RdfFormat::Turtle,
    RdfFormat::NTriples,
    RdfFormat::RdfXml,
    RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    },
    RdfFormat::N3,
];

/// Picks the format of `candidates` (media type given by `media`) that `accept`
/// prefers; the first candidate when `accept` is absent or only wildcards match.
/// `None` when nothing acceptable is offered (the caller answers 406).
pub(crate) fn negotiate<F: Copy>(
    accept: Option<&str>,
    candidates: &[F],
    media: impl Fn(F) -> &'static str,
) -> Option<F> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return candidates.first().copied();
    };
    let mut best: Option<(f32, usize, F)> = None;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let wanted = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if quality <= 0.0 {
            continue;
        }
        for (position, candidate) in candidates.iter().enumerate() {
            let full = media(*candidate);
            let offered = full.split(';').next().unwrap_or(full).trim();
            let (kind, _) = offered.split_once('/').unwrap_or((offered, ""));
            let matches = wanted == offered
                || wanted == "*/*"
                || wanted.strip_suffix("/*").is_some_and(|k| k == kind);
            // Prefer higher quality, then exact matches over wildcards (by the order of
            // candidates for a wildcard), then earlier candidates.
            let rank = if wanted == offered {
                position
            } else {
                position + candidates.len()
            };
            if matches && best.is_none_or(|(q, r, _)| quality > q || (quality == q && rank < r)) {
                best = Some((quality, rank, *candidate));
            }
        }
    }
    best.map(|(_, _, format)| format)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(accept: Option<&str>) -> Option<QueryResultsFormat> {
        negotiate(accept, &RESULT_FORMATS, QueryResultsFormat::media_type)
    }

    #[test]
    fn no_accept_or_wildcard_gives_the_default() {
        assert_eq!(results(None), Some(QueryResultsFormat::Json));
        assert_eq!(results(Some("*/*")), Some(QueryResultsFormat::Json));
    }

    #[test]
    fn exact_types_and_quality_values_are_honoured() {
        assert_eq!(results(Some("text/csv")), Some(QueryResultsFormat::Csv));
        assert_eq!(
            results(Some(
                "application/sparql-results+json;q=0.5, application/sparql-results+xml"
            )),
            Some(QueryResultsFormat::Xml)
        );
        assert_eq!(
            results(Some("text/*;q=0.9, */*;q=0.1")),
            Some(QueryResultsFormat::Csv)
        );
    }

    #[test]
    fn nothing_acceptable_is_none() {
        assert_eq!(results(Some("image/png")), None);
        assert_eq!(
            negotiate(Some("text/turtle"), &GRAPH_FORMATS, RdfFormat::media_type),
            Some(RdfFormat::Turtle)
        );
        let json_ld = negotiate(
            Some("application/ld+json"),
            &GRAPH_FORMATS,
            RdfFormat::media_type,
        );
        assert_eq!(json_ld.map(RdfFormat::file_extension), Some("jsonld"));
    }
}
