//! The figures' data, read from the store with SPARQL.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use plankg_store::model::Term;
use plankg_store::{PlanStore, QueryResults};

const POLICIES_BY_LEVEL: &str = r##"
PREFIX pk: <https://w3id.org/plankg/ont#>
SELECT ?year ?level (COUNT(*) AS ?n) WHERE {
  ?doc a pk:PlanDocument ; pk:year ?year ; pk:citesPolicy ?policy .
  OPTIONAL { ?policy pk:level ?lvl }
  BIND(COALESCE(STRAFTER(STR(?lvl), "#"), "unknownLevel") AS ?level)
} GROUP BY ?year ?level"##;

const INITIATIVE_YEARS: &str = r#"
PREFIX pk: <https://w3id.org/plankg/ont#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?label ?year (COUNT(DISTINCT ?doc) AS ?n) WHERE {
  ?task pk:mentionsInitiative ?initiative ; pk:document ?doc .
  ?doc pk:year ?year .
  ?initiative skos:prefLabel ?label .
} GROUP BY ?label ?year"#;

const UNITS_LEADING: &str = r#"
PREFIX pk: <https://w3id.org/plankg/ont#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?label (COUNT(DISTINCT ?task) AS ?n) WHERE {
  ?task pk:leadUnit|pk:responsibleUnit ?unit .
  ?unit skos:prefLabel ?label .
} GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 15"#;

const TARGET_VALUES: &str = r#"
PREFIX pk: <https://w3id.org/plankg/ont#>
SELECT ?key ?year ?value ?unit WHERE {
  ?task pk:hasTarget ?target ; pk:document ?doc .
  ?doc pk:year ?year .
  ?target pk:indicatorKey ?key ; pk:value ?value ; pk:unit ?unit .
}"#;

const LOCALIZATIONS: &str = r#"
PREFIX pk: <https://w3id.org/plankg/ont#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?local ?higher WHERE {
  ?l pk:localizes ?h .
  ?l skos:prefLabel ?local .
  ?h skos:prefLabel ?higher .
}"#;

/// Everything the report draws.
#[derive(Debug, Default)]
pub(crate) struct ReportData {
    /// Policy citations per year and level.
    pub(crate) citations: BTreeMap<i64, BTreeMap<String, f64>>,
    /// The most recurrent initiatives: label → year → documents.
    pub(crate) initiatives: Vec<(String, BTreeMap<i64, f64>)>,
    /// Units by tasks led or carried.
    pub(crate) units: Vec<(String, f64)>,
    /// The most common target indicators: (indicator, unit) → year → mean value.
    pub(crate) targets: Vec<(String, BTreeMap<i64, f64>)>,
    /// The cascade: higher policy → local policies that adapt it.
    pub(crate) cascade: BTreeMap<String, BTreeSet<String>>,
}

/// How many initiatives, indicators the figures show.
const TOP_INITIATIVES: usize = 20;
const TOP_INDICATORS: usize = 5;

impl ReportData {
    /// Reads the figures' data from the store.
    pub(crate) fn read(store: &PlanStore) -> anyhow::Result<Self> {
        let mut data = Self::default();
        for row in rows(store, POLICIES_BY_LEVEL)? {
            if let (Some(year), Some(n)) = (integer(&row, "year"), number(&row, "n")) {
                let level = text(&row, "level").unwrap_or_default();
                *data
                    .citations
                    .entry(year)
                    .or_default()
                    .entry(level)
                    .or_default() += n;
            }
        }
        let mut initiatives: HashMap<String, BTreeMap<i64, f64>> = HashMap::new();
        for row in rows(store, INITIATIVE_YEARS)? {
            if let (Some(label), Some(year), Some(n)) = (
                text(&row, "label"),
                integer(&row, "year"),
                number(&row, "n"),
            ) {
                initiatives.entry(label).or_default().insert(year, n);
            }
        }
        let mut initiatives: Vec<_> = initiatives.into_iter().collect();
        initiatives.sort_by(|a, b| {
            b.1.len()
                .cmp(&a.1.len())
                .then_with(|| total(&b.1).total_cmp(&total(&a.1)))
                .then_with(|| a.0.cmp(&b.0))
        });
        initiatives.truncate(TOP_INITIATIVES);
        data.initiatives = initiatives;
        data.units = rows(store, UNITS_LEADING)?
            .iter()
            .filter_map(|row| Some((text(row, "label")?, number(row, "n")?)))
            .collect();
        let mut series: HashMap<String, BTreeMap<i64, Vec<f64>>> = HashMap::new();
        for row in rows(store, TARGET_VALUES)? {
            if let (Some(key), Some(year), Some(value), Some(unit)) = (
                text(&row, "key"),
                integer(&row, "year"),
                number(&row, "value"),
                text(&row, "unit"),
            ) {
                series
                    .entry(format!("{key} ({unit})"))
                    .or_default()
                    .entry(year)
                    .or_default()
                    .push(value);
            }
        }
        let mut series: Vec<(String, BTreeMap<i64, f64>)> = series
            .into_iter()
            .map(|(name, years)| {
                let means = years
                    .into_iter()
                    .map(|(year, values)| (year, values.iter().sum::<f64>() / values.len() as f64))
                    .collect();
                (name, means)
            })
            .collect();
        series.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        series.truncate(TOP_INDICATORS);
        data.targets = series;
        for row in rows(store, LOCALIZATIONS)? {
            if let (Some(local), Some(higher)) = (text(&row, "local"), text(&row, "higher")) {
                data.cascade.entry(higher).or_default().insert(local);
            }
        }
        Ok(data)
    }
}

fn total(years: &BTreeMap<i64, f64>) -> f64 {
    years.values().sum()
}

type Row = HashMap<String, Term>;

fn rows(store: &PlanStore, sparql: &str) -> anyhow::Result<Vec<Row>> {
    let QueryResults::Solutions(solutions) = store.query(sparql)? else {
        anyhow::bail!("a report query did not return rows");
    };
    let mut out = Vec::new();
    for solution in solutions {
        let solution = solution?;
        out.push(
            solution
                .iter()
                .map(|(variable, term)| (variable.as_str().to_owned(), term.clone()))
                .collect(),
        );
    }
    Ok(out)
}

fn text(row: &Row, name: &str) -> Option<String> {
    match row.get(name)? {
        Term::Literal(literal) => Some(literal.value().to_owned()),
        Term::NamedNode(node) => Some(node.as_str().to_owned()),
        _ => None,
    }
}

fn integer(row: &Row, name: &str) -> Option<i64> {
    text(row, name)?.parse().ok()
}

fn number(row: &Row, name: &str) -> Option<f64> {
    text(row, name)?.parse().ok()
}
