//! The place-name gazetteer (data/gazetteer/places.tsv), read for what the
//! entities graph needs: the enclosing region of each place and its short name.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, LazyLock};

use crate::error::PlacesError;

/// data/gazetteer/places.tsv as built into the crate.
const EMBEDDED_TSV: &str = include_str!("../../../data/gazetteer/places.tsv");

static EMBEDDED: LazyLock<Arc<Places>> =
    LazyLock::new(|| Arc::new(Places::parse(EMBEDDED_TSV).unwrap_or_default()));

/// Places with their enclosing place and short name (嘉兴市: 浙江省, 嘉兴).
///
/// A name given twice with different parents (鼓楼区 lies in four cities) has
/// no parent here: the region IRI is per place name, so the parent is unknown.
///
/// ```
/// use plankg_rdf::Places;
///
/// let places = Places::parse("# name\tshort\tlevel\tparent\n嘉兴市\t嘉兴\tcity\t浙江省\n")?;
/// assert_eq!(places.parent("嘉兴市"), Some("浙江省"));
/// assert_eq!(places.short_name("嘉兴市"), Some("嘉兴"));
/// assert_eq!(places.full_name("嘉兴"), Some("嘉兴市"));
/// # Ok::<(), plankg_rdf::PlacesError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    parents: BTreeMap<String, String>,
    short_names: BTreeMap<String, String>,
    full_names: BTreeMap<String, String>,
}

impl Places {
    /// Reads the gazetteer format: tab-separated name, short name, level
    /// (province, city, district) and parent name (empty for provinces); `#`
    /// starts a comment line, blank lines are skipped.
    ///
    /// # Errors
    ///
    /// [`PlacesError`] naming the line of a row without a name.
    pub fn parse(text: &str) -> Result<Self, PlacesError> {
        let mut parents: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        let mut short_names = BTreeMap::new();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t').map(str::trim);
            let name = fields.next().unwrap_or_default();
            if name.is_empty() {
                return Err(PlacesError {
                    line: index + 1,
                    message: "row without a place name".to_owned(),
                });
            }
            let short = fields.next().unwrap_or_default();
            let parent = fields.nth(1).unwrap_or_default();
            let seen = parents.entry(name.to_owned()).or_default();
            if !parent.is_empty() && parent != name {
                seen.insert(parent);
            }
            if !short.is_empty() && short != name {
                short_names.insert(name.to_owned(), short.to_owned());
            }
        }
        // A short name resolves when it names one place and is no place's full name
        // (吉林 is short for both 吉林省 and 吉林市: it stays as written).
        let mut expansions: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (full, short) in &short_names {
            expansions
                .entry(short.as_str())
                .or_default()
                .insert(full.as_str());
        }
        let full_names = expansions
            .into_iter()
            .filter(|(short, _)| !parents.contains_key(*short))
            .filter_map(|(short, fulls)| match fulls.len() {
                1 => fulls
                    .first()
                    .map(|full| (short.to_owned(), (*full).to_owned())),
                _ => None,
            })
            .collect();
        let parents = parents
            .into_iter()
            .filter_map(|(name, set)| match set.len() {
                1 => set.first().map(|p| (name, (*p).to_owned())),
                _ => None,
            })
            .collect();
        Ok(Self {
            parents,
            short_names,
            full_names,
        })
    }

    /// data/gazetteer/places.tsv as built into the crate, parsed once.
    #[must_use]
    pub fn embedded() -> Arc<Self> {
        Arc::clone(&EMBEDDED)
    }

    /// The place enclosing `name`, when the gazetteer knows one unambiguously.
    #[must_use]
    pub fn parent(&self, name: &str) -> Option<&str> {
        self.parents.get(name).map(String::as_str)
    }

    /// The full name of the place whose short name is `short` (连云港市 for 连云港),
    /// when exactly one place has that short name.
    #[must_use]
    pub fn full_name(&self, short: &str) -> Option<&str> {
        self.full_names.get(short).map(String::as_str)
    }

    /// The short name of `name` (嘉兴 for 嘉兴市), when it differs.
    #[must_use]
    pub fn short_name(&self, name: &str) -> Option<&str> {
        self.short_names.get(name).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_gazetteer_parses_and_knows_the_sample_regions() {
        assert!(Places::parse(EMBEDDED_TSV).is_ok());
        let places = Places::embedded();
        assert_eq!(places.parent("嘉兴市"), Some("浙江省"));
        assert_eq!(places.parent("连云港市"), Some("江苏省"));
        assert_eq!(places.parent("浙江省"), None);
        assert_eq!(places.full_name("连云港"), Some("连云港市"));
        assert_eq!(places.full_name("吉林"), None);
        assert_eq!(places.full_name("连云港市"), None);
    }

    #[test]
    fn ambiguous_names_have_no_parent_and_bad_rows_report_their_line() {
        let places =
            Places::parse("鼓楼区\t鼓楼\tdistrict\t南京市\n鼓楼区\t鼓楼\tdistrict\t福州市\n")
                .unwrap();
        assert_eq!(places.parent("鼓楼区"), None);
        let err = Places::parse("# header\n\n\t嘉兴\tcity\t浙江省\n").unwrap_err();
        assert_eq!(err.line, 3);
    }
}
