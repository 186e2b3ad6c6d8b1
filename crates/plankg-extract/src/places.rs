//! The place-name gazetteer (data/gazetteer/places.tsv): every province, city and
//! county-level division with its short name, level and enclosing place. Read once
//! per extractor and shared by the readers that need places: the metadata reader
//! (a plan's region and the places of its issuers) and the policy-level recogniser.

use std::collections::HashMap;

use plankg_model::{Place, PolicyLevel};

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;

/// The gazetteer file of place names.
pub(crate) const PLACES: &str = "places.tsv";

/// The gazetteer file of the places its source leaves out (the special
/// administrative regions), in the same columns.
const SAR_PLACES: &str = "places_sar.tsv";

/// One row of places.tsv.
#[derive(Debug, Clone)]
pub struct PlaceEntry {
    /// Full name (嘉兴市, 东丽区).
    pub name: String,
    /// Short name (嘉兴), when it differs from the full name.
    pub short: Option<String>,
    /// Provincial, municipal (prefecture-level city) or district (county level).
    pub level: PolicyLevel,
    /// Full name of the enclosing place, when any.
    pub parent: Option<String>,
}

/// The places of the gazetteer with lookups by full and short name.
#[derive(Debug)]
pub struct Places {
    entries: Vec<PlaceEntry>,
    by_full: HashMap<String, Vec<usize>>,
    by_short: HashMap<String, Vec<usize>>,
}

impl Places {
    /// Reads places.tsv and places_sar.tsv.
    ///
    /// # Errors
    /// [`GazetteerError`] when a file is missing or a row's level is unknown.
    pub fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut entries = Vec::new();
        let mut by_full: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_short: HashMap<String, Vec<usize>> = HashMap::new();
        let rows = [PLACES, SAR_PLACES]
            .into_iter()
            .map(|file| {
                Ok(gazetteer
                    .rows(file, 3)?
                    .into_iter()
                    .map(move |row| (file, row)))
            })
            .collect::<Result<Vec<_>, GazetteerError>>()?;
        for (file, row) in rows.into_iter().flatten() {
            let level = match row.field(2) {
                "province" => PolicyLevel::Provincial,
                "city" => PolicyLevel::Municipal,
                "district" => PolicyLevel::District,
                other => return Err(row.error(file, format!("unknown place level {other:?}"))),
            };
            let index = entries.len();
            let name = row.field(0).to_owned();
            let short = Some(row.field(1))
                .filter(|s| !s.is_empty() && *s != name)
                .map(str::to_owned);
            by_full.entry(name.clone()).or_default().push(index);
            if let Some(short) = &short {
                by_short.entry(short.clone()).or_default().push(index);
            }
            let parent = Some(row.field(3))
                .filter(|p| !p.is_empty() && *p != name)
                .map(str::to_owned);
            entries.push(PlaceEntry {
                name,
                short,
                level,
                parent,
            });
        }
        Ok(Self {
            entries,
            by_full,
            by_short,
        })
    }

    /// Every place, in the gazetteer's order.
    pub fn entries(&self) -> &[PlaceEntry] {
        &self.entries
    }

    /// Whether `name` is the full name of a place.
    pub(crate) fn is_full_name(&self, name: &str) -> bool {
        self.by_full.contains_key(name)
    }

    /// The places `written` may name: those with that full name, else those with
    /// that short name when it is no place's full name.
    pub(crate) fn candidates(&self, written: &str) -> Vec<&PlaceEntry> {
        let written = written.trim();
        self.by_full
            .get(written)
            .or_else(|| self.by_short.get(written))
            .map(|found| found.iter().filter_map(|&i| self.entries.get(i)).collect())
            .unwrap_or_default()
    }

    /// The one place `written` names: a full name given once, or a short name of
    /// one place that is no place's full name (吉林 is short for 吉林省 and 吉林市;
    /// 普陀区 lies in two cities: neither resolves).
    pub(crate) fn resolve(&self, written: &str) -> Option<&PlaceEntry> {
        match self.candidates(written).as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// `entry` and the places enclosing it, `entry` first (鹿城区, 温州市, 浙江省).
    pub(crate) fn chain(&self, entry: &PlaceEntry) -> Vec<Place> {
        let mut out: Vec<Place> = Vec::new();
        let mut current = Some(entry);
        while let Some(entry) = current {
            // A gazetteer with a cycle by mistake: stop at a place seen before.
            if out.iter().any(|p| p.name == entry.name) {
                break;
            }
            out.push(Place {
                name: entry.name.clone(),
                short: entry.short.clone(),
                level: entry.level,
            });
            current = entry.parent.as_deref().and_then(|p| self.resolve(p));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_resolve_with_their_enclosing_places() {
        let places = Places::new(&Gazetteer::embedded()).unwrap();
        let names = |written: &str| -> Vec<String> {
            places
                .resolve(written)
                .map(|entry| places.chain(entry))
                .unwrap_or_default()
                .into_iter()
                .map(|p| p.name)
                .collect()
        };
        assert_eq!(names("鹿城区"), ["鹿城区", "温州市", "浙江省"]);
        assert_eq!(names("温州"), ["温州市", "浙江省"]);
        assert_eq!(names("浙江省"), ["浙江省"]);
        assert_eq!(names("观塘区"), ["观塘区", "香港特别行政区"]);
        assert_eq!(names("澳门"), ["澳门特别行政区"]);
        // Ambiguous: a short name of two places, a district of two cities.
        assert!(names("吉林").is_empty());
        assert!(names("普陀区").is_empty());
        assert!(names("某市").is_empty());
    }
}
