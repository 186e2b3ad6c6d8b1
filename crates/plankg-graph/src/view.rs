//! The graph views a store can be projected into, each defined by one SPARQL query
//! (queries/*.rq), and the filters on the documents that assert their edges.

use std::fmt;

/// A graph view of the store. The README lists the node and edge types of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum View {
    /// Documents, tasks, policies, initiatives, units, organizations, schools and
    /// targets' indicators, linked as the store links them.
    Full,
    /// Documents and the policies they cite, with `pk:localizes` between policies.
    Policy,
    /// Units and the initiatives (or, for tasks naming none, the tasks) they lead
    /// or share.
    Responsibility,
    /// Initiatives linked when they appear in the same section (undirected).
    Initiative,
    /// Tasks linked by `pk:continues` / `pk:echoes` (later task to earlier task).
    Lineage,
}

impl View {
    /// Every view.
    pub const ALL: [Self; 5] = [
        Self::Full,
        Self::Policy,
        Self::Responsibility,
        Self::Initiative,
        Self::Lineage,
    ];

    /// The view's name on the command line.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Policy => "policy",
            Self::Responsibility => "responsibility",
            Self::Initiative => "initiative",
            Self::Lineage => "lineage",
        }
    }

    /// The view with this name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|view| view.name() == name)
    }

    /// Whether the view's edges have a direction (all but `initiative`).
    #[must_use]
    pub const fn is_directed(self) -> bool {
        !matches!(self, Self::Initiative)
    }

    /// The SELECT query that yields the view's edges, one row per statement, with
    /// the variables `s sType sLabel o oType oLabel oYear rel ctx year region
    /// regionLabel issuer issuerLabel structural` (see the README).
    #[must_use]
    pub const fn sparql(self) -> &'static str {
        match self {
            Self::Full => include_str!("../queries/full.rq"),
            Self::Policy => include_str!("../queries/policy.rq"),
            Self::Responsibility => include_str!("../queries/responsibility.rq"),
            Self::Initiative => include_str!("../queries/initiative.rq"),
            Self::Lineage => include_str!("../queries/lineage.rq"),
        }
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which documents' statements a view keeps. An edge asserted by a document is kept
/// when that document passes every filter that is set; structural edges
/// (`pk:localizes`) are kept when both their ends are in the filtered view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Documents from this year on.
    pub from: Option<i32>,
    /// Documents up to this year.
    pub to: Option<i32>,
    /// Documents of this region (its label or IRI), or, through [`crate::load_view`],
    /// of a region within it.
    pub region: Option<String>,
    /// Documents any of whose issuing bodies has a label containing this, or
    /// this IRI.
    pub issuer: Option<String>,
    /// Keep the statements of documents that duplicate another (`pk:duplicateOf`);
    /// by default a plan held at several paths counts once.
    pub keep_duplicates: bool,
}

impl Filter {
    /// Whether any filter is set.
    #[must_use]
    pub fn is_active(&self) -> bool {
        self.from.is_some() || self.to.is_some() || self.region.is_some() || self.issuer.is_some()
    }

    /// Whether a document with this year, region and issuer (label and IRI each)
    /// passes.
    #[must_use]
    pub fn accepts(
        &self,
        year: Option<i32>,
        region: [Option<&str>; 2],
        issuer: [Option<&str>; 2],
    ) -> bool {
        let in_range = |bound: Option<i32>, ok: fn(i32, i32) -> bool| {
            bound.is_none_or(|bound| year.is_some_and(|year| ok(year, bound)))
        };
        let matches = |wanted: &Option<String>, names: [Option<&str>; 2]| {
            wanted
                .as_deref()
                .is_none_or(|wanted| names.contains(&Some(wanted)))
        };
        // A part of an issuer's name is enough (杭州 finds 杭州市教育局); an IRI is
        // taken whole.
        let [issuer_label, issuer_iri] = issuer;
        let issuer_matches = self.issuer.as_deref().is_none_or(|wanted| {
            issuer_iri == Some(wanted) || issuer_label.is_some_and(|label| label.contains(wanted))
        });
        in_range(self.from, |year, from| year >= from)
            && in_range(self.to, |year, to| year <= to)
            && matches(&self.region, region)
            && issuer_matches
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for view in View::ALL {
            assert_eq!(View::from_name(view.name()), Some(view));
            assert!(view.sparql().contains("SELECT"));
        }
    }

    #[test]
    fn filter_checks_years_region_and_issuer() {
        let filter = Filter {
            from: Some(2019),
            to: Some(2021),
            region: Some("杭州市".into()),
            ..Filter::default()
        };
        assert!(filter.accepts(Some(2020), [Some("杭州市"), None], [None, None]));
        assert!(!filter.accepts(Some(2022), [Some("杭州市"), None], [None, None]));
        assert!(!filter.accepts(None, [Some("杭州市"), None], [None, None]));
        assert!(!filter.accepts(Some(2020), [Some("宁波市"), None], [None, None]));
        assert!(Filter::default().accepts(None, [None, None], [None, None]));
    }

    #[test]
    fn an_issuer_is_found_by_a_part_of_its_name_or_its_whole_iri() {
        let filter = |issuer: &str| Filter {
            issuer: Some(issuer.into()),
            ..Filter::default()
        };
        let bureau = [
            Some("杭州市教育局"),
            Some("https://w3id.org/plankg/id/org/杭州市/杭州市教育局"),
        ];
        assert!(filter("杭州").accepts(None, [None, None], bureau));
        assert!(filter("杭州市教育局").accepts(None, [None, None], bureau));
        assert!(
            filter("https://w3id.org/plankg/id/org/杭州市/杭州市教育局").accepts(
                None,
                [None, None],
                bureau
            )
        );
        assert!(!filter("宁波").accepts(None, [None, None], bureau));
        assert!(!filter("https://w3id.org/plankg/id/org/杭州市").accepts(
            None,
            [None, None],
            bureau
        ));
        assert!(!filter("杭州").accepts(None, [None, None], [None, None]));
    }
}
