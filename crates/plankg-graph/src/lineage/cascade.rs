//! Policy cascades: which local policy adapts which higher one (`pk:localizes`),
//! by name after removing place prefixes and genre suffixes, and by level.
//!
//! 《浙江教育现代化2035行动纲要》 (浙江 is a province: provincial) reduces to
//! 教育现代化2035, as does 《中国教育现代化2035》 (中国 names the country:
//! central), so the first localizes the second. A city's 2035 plan reduces to the
//! same core and localizes its own province's plan when there is one (the province
//! found through the place gazetteer's parents), else the central one.

use std::collections::HashMap;

use serde::Serialize;

use plankg_extract::{Gazetteer, Places};
use plankg_model::PolicyLevel;

use super::error::LineageError;

const LOCALISATION: &str = include_str!("../../../../data/gazetteer/localisation.tsv");

/// Administrative rank: 0 central, 1 provincial, 2 municipal, 3 district.
pub type Rank = u8;

/// A policy as the cascade step sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyName {
    /// The policy's IRI.
    pub iri: String,
    /// Its preferred label.
    pub label: String,
    /// Its rank when the store knows its level (`pk:level` other than unknown).
    pub rank: Option<Rank>,
}

/// A `pk:localizes` link.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Localization {
    /// The local policy.
    pub local: String,
    /// The higher policy it adapts.
    pub higher: String,
}

#[derive(Debug)]
struct Place {
    rank: Rank,
    parents: Vec<String>,
}

/// Reduces policy names to their core and links local policies to higher ones.
#[derive(Debug)]
pub struct Localiser {
    /// Full and short place names, longest first.
    prefixes: Vec<(String, String)>,
    /// Full place name -> rank and parent names.
    places: HashMap<String, Place>,
    national: Vec<String>,
    genres: Vec<String>,
}

/// What a policy name reduces to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Core {
    core: String,
    /// The most specific place named, as a full name.
    place: Option<String>,
    /// Rank implied by the prefixes: 0 for a national prefix.
    rank: Option<Rank>,
}

impl Localiser {
    /// The localiser of the embedded gazetteers (the extractor's places and
    /// data/gazetteer/localisation.tsv).
    ///
    /// # Errors
    /// [`LineageError::Places`] or [`LineageError::Gazetteer`] for a malformed row.
    pub fn embedded() -> Result<Self, LineageError> {
        let mut prefixes = Vec::new();
        let mut places: HashMap<String, Place> = HashMap::new();
        // The extractor's place gazetteer (places.tsv and places_sar.tsv), read once.
        let gazetteer = Places::new(&Gazetteer::embedded())?;
        for entry in gazetteer.entries() {
            let rank = match entry.level {
                PolicyLevel::Provincial => 1,
                PolicyLevel::Municipal => 2,
                _ => 3,
            };
            let place = places.entry(entry.name.clone()).or_insert(Place {
                rank,
                parents: Vec::new(),
            });
            if let Some(parent) = &entry.parent {
                place.parents.push(parent.clone());
            }
            prefixes.push((entry.name.clone(), entry.name.clone()));
            // Short names of one character (a rare case) would strip too much.
            if let Some(short) = entry.short.as_ref().filter(|s| s.chars().count() >= 2) {
                prefixes.push((short.clone(), entry.name.clone()));
            }
        }
        prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        prefixes.dedup();
        let mut national = Vec::new();
        let mut genres = Vec::new();
        for (line, row) in rows(LOCALISATION) {
            match row.split_once('\t') {
                Some(("national", text)) => national.push(text.trim().to_owned()),
                Some(("genre", text)) => genres.push(text.trim().to_owned()),
                _ => return Err(bad_row("localisation.tsv", line)),
            }
        }
        national.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        genres.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        Ok(Self {
            prefixes,
            places,
            national,
            genres,
        })
    }

    /// Reduces a policy name: quotes, national and place prefixes, and genre
    /// suffixes removed.
    fn core(&self, label: &str) -> Core {
        let mut rest: &str = label.trim_matches(|c: char| "《》〈〉“”\"'「」 ".contains(c));
        let mut place: Option<String> = None;
        let mut rank: Option<Rank> = None;
        loop {
            if let Some(n) = self.national.iter().find(|n| rest.starts_with(n.as_str())) {
                rest = &rest[n.len()..];
                rank = Some(0);
                continue;
            }
            if let Some((prefix, name)) = self
                .prefixes
                .iter()
                .find(|(p, _)| rest.starts_with(p.as_str()))
            {
                rest = &rest[prefix.len()..];
                let this = self.places.get(name).map(|p| p.rank);
                if this > rank {
                    rank = this;
                    place = Some(name.clone());
                }
                continue;
            }
            break;
        }
        for genre in &self.genres {
            if let Some(stripped) = rest.strip_suffix(genre.as_str()) {
                rest = stripped;
                break;
            }
        }
        Core {
            core: rest.to_owned(),
            place,
            rank,
        }
    }

    /// Whether `ancestor` encloses `place` (through the gazetteer's parents).
    fn encloses(&self, ancestor: &str, place: &str) -> bool {
        let mut frontier = vec![place.to_owned()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for p in &frontier {
                if let Some(info) = self.places.get(p) {
                    if info.parents.iter().any(|q| q == ancestor) {
                        return true;
                    }
                    next.extend(info.parents.iter().cloned());
                }
            }
            frontier = next;
        }
        false
    }

    /// Links every local policy to the nearest higher policy with the same core
    /// name: the one of the highest rank below its own whose place encloses its
    /// place (a policy without a place, such as a central one, encloses all).
    /// Ties are broken by IRI; the result is sorted.
    ///
    /// # Complexity
    /// O(n · g) for n policies and g policies sharing a core name.
    #[must_use]
    pub fn localizations(&self, policies: &[PolicyName]) -> Vec<Localization> {
        let cores: Vec<Core> = policies.iter().map(|p| self.core(&p.label)).collect();
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, core) in cores.iter().enumerate() {
            if core.core.chars().count() >= 2 {
                groups.entry(core.core.as_str()).or_default().push(i);
            }
        }
        let rank_of = |i: usize| policies[i].rank.or(cores[i].rank);
        let mut out = Vec::new();
        for members in groups.values() {
            for &local in members {
                let Some(local_rank) = rank_of(local).filter(|&r| r > 0) else {
                    continue;
                };
                let best = members
                    .iter()
                    .copied()
                    .filter(|&h| h != local)
                    .filter_map(|h| rank_of(h).filter(|&r| r < local_rank).map(|r| (h, r)))
                    .filter(|&(h, _)| match (&cores[h].place, &cores[local].place) {
                        (None, _) => true,
                        (Some(hp), Some(lp)) => self.encloses(hp, lp),
                        (Some(_), None) => false,
                    })
                    .max_by(|a, b| {
                        a.1.cmp(&b.1)
                            .then_with(|| policies[b.0].iri.cmp(&policies[a.0].iri))
                    });
                if let Some((higher, _)) = best {
                    out.push(Localization {
                        local: policies[local].iri.clone(),
                        higher: policies[higher].iri.clone(),
                    });
                }
            }
        }
        out.sort();
        out
    }
}

/// Non-comment, non-empty rows with their 1-based line numbers.
fn rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn bad_row(file: &'static str, line: usize) -> LineageError {
    LineageError::Gazetteer { file, line }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(iri: &str, label: &str, rank: Option<Rank>) -> PolicyName {
        PolicyName {
            iri: iri.into(),
            label: label.into(),
            rank,
        }
    }

    #[test]
    fn names_reduce_to_their_core() {
        let l = Localiser::embedded().unwrap();
        let zj = l.core("《浙江教育现代化2035行动纲要》");
        assert_eq!(zj.core, "教育现代化2035");
        assert_eq!(zj.place.as_deref(), Some("浙江省"));
        assert_eq!(zj.rank, Some(1));
        let cn = l.core("中国教育现代化2035");
        assert_eq!((cn.core.as_str(), cn.rank), ("教育现代化2035", Some(0)));
    }

    #[test]
    fn province_localizes_centre_and_city_localizes_province() {
        let l = Localiser::embedded().unwrap();
        let policies = vec![
            policy("cn", "中国教育现代化2035", Some(0)),
            policy("zj", "浙江教育现代化2035行动纲要", Some(1)),
            policy("jx", "嘉兴教育现代化2035实施方案", None),
            policy("lyg", "连云港市教育现代化2035实施意见", None),
            policy("other", "浙江省学前教育三年行动计划", Some(1)),
        ];
        let links = l.localizations(&policies);
        let pairs: Vec<_> = links
            .iter()
            .map(|x| (x.local.as_str(), x.higher.as_str()))
            .collect();
        assert_eq!(pairs, [("jx", "zj"), ("lyg", "cn"), ("zj", "cn")]);
    }
}
