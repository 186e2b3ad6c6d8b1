//! The administrative level of a policy's source, from its name and the plan's own
//! region (ANNOTATION.md: 中共中央/国务院/教育部/全国 → central; 省, autonomous
//! regions and the four municipalities → provincial; other 市 → municipal; 区, 县 and
//! county-level cities → district).

use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use plankg_model::PolicyLevel;

use super::super::Context;
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::places::{PlaceEntry, Places, PLACES};
use rustc_hash::FxHashMap;

/// Level words (prefix or anywhere in a name).
const MARKERS: &str = "policy_levels.tsv";

/// The longest place name looked for at the start of a name, in characters.
const LONGEST_PLACE: usize = 12;

/// Resolves the level of a policy from its name.
#[derive(Debug)]
pub(crate) struct Levels {
    places: Arc<Places>,
    /// Full and short names -> place index.
    by_name: FxHashMap<String, usize>,
    /// Full names, leftmost-longest.
    full_names: AhoCorasick,
    /// Full name of a place -> its districts and counties of three characters or more.
    districts: HashMap<String, Vec<usize>>,
    /// Prefix markers, longest first.
    prefixes: Vec<(String, PolicyLevel)>,
    /// Markers that count anywhere in a name.
    anywhere: Vec<(String, PolicyLevel)>,
}

impl Levels {
    /// Reads policy_levels.tsv; the places come from places.tsv, read once.
    ///
    /// # Errors
    /// [`GazetteerError`] when a file is missing or a row's level does not parse.
    pub(crate) fn new(gazetteer: &Gazetteer, places: Arc<Places>) -> Result<Self, GazetteerError> {
        let mut by_name = FxHashMap::default();
        for (index, place) in places.entries().iter().enumerate() {
            by_name.entry(place.name.clone()).or_insert(index);
            // A short name that starts with a level word ("市中" of 市中区) would read
            // every "市中…" as that district.
            if let Some(short) = place.short.as_deref().filter(|short| {
                short.chars().count() >= 2 && !short.starts_with(['省', '市', '区', '县', '州'])
            }) {
                by_name.entry(short.to_owned()).or_insert(index);
            }
        }
        let full_names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(places.entries().iter().map(|p| p.name.as_str()))
            .map_err(|err| GazetteerError::uncompiled(PLACES, err))?;
        let mut prefixes = Vec::new();
        let mut anywhere = Vec::new();
        for row in gazetteer.rows(MARKERS, 3)? {
            let level = PolicyLevel::from_name(row.field(1))
                .ok_or_else(|| row.error(MARKERS, format!("unknown level {:?}", row.field(1))))?;
            let entry = (row.field(0).to_owned(), level);
            match row.field(2) {
                "prefix" => prefixes.push(entry),
                "anywhere" => anywhere.push(entry),
                other => return Err(row.error(MARKERS, format!("unknown position {other:?}"))),
            }
        }
        prefixes.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
        let mut districts: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, place) in places.entries().iter().enumerate() {
            if let Some(parent) = place.parent.as_ref().filter(|_| is_named_district(place)) {
                districts.entry(parent.clone()).or_default().push(index);
            }
        }
        Ok(Self {
            places,
            by_name,
            full_names,
            districts,
            prefixes,
            anywhere,
        })
    }

    /// The level a name gives its source, or `None` when nothing in it tells.
    pub(crate) fn of_name(&self, name: &str, context: &Context<'_>) -> Option<PolicyLevel> {
        // A masked place ("XX市", "**区") still names its level.
        let name = name.trim_start_matches(['X', 'x', '*']);
        if let Some(place) = self.place_at_start(name) {
            return Some(place.level);
        }
        if let Some(level) = self.prefix_level(name, context) {
            return Some(level);
        }
        if let Some(place) = self.place_in(name) {
            return Some(place.level);
        }
        self.anywhere
            .iter()
            .find(|(word, _)| name.contains(word.as_str()))
            .map(|(_, level)| *level)
    }

    /// The level given by a level word at the start of `name` (市 resolved against
    /// the plan's region).
    pub(crate) fn prefix_level(&self, name: &str, context: &Context<'_>) -> Option<PolicyLevel> {
        let (_, level) = self
            .prefixes
            .iter()
            .find(|(word, _)| name.starts_with(word.as_str()))?;
        Some(
            if *level == PolicyLevel::Municipal && !name.starts_with('州') {
                self.city_level(context)
            } else {
                *level
            },
        )
    }

    /// The level of the plan's issuer, when its name or region tells.
    pub(crate) fn issuer_level(&self, context: &Context<'_>) -> Option<PolicyLevel> {
        let issuer = context.issuer.unwrap_or("");
        if let Some(level) = self
            .anywhere
            .iter()
            .find(|(word, _)| issuer.contains(word.as_str()))
            .map(|(_, level)| *level)
        {
            return Some(level);
        }
        if let Some(place) = self.home(context) {
            return Some(place.level);
        }
        issuer.chars().find_map(|c| match c {
            '省' | '厅' => Some(PolicyLevel::Provincial),
            '市' => Some(self.city_level(context)),
            '区' | '县' => Some(PolicyLevel::District),
            _ => None,
        })
    }

    /// What a bare 市 means in this plan: the four municipalities are provincial,
    /// a county-level city is district level, other cities are municipal.
    pub(crate) fn city_level(&self, context: &Context<'_>) -> PolicyLevel {
        let Some(place) = self.home(context) else {
            return PolicyLevel::Municipal;
        };
        match place.level {
            PolicyLevel::Provincial if place.name.ends_with('市') => PolicyLevel::Provincial,
            PolicyLevel::District => {
                let parent = place.parent.as_deref().and_then(|p| self.place(p));
                // A county-level city is district level, unless a province governs it
                // directly (石河子市 in the gold is municipal).
                if place.name.ends_with('市') {
                    return match parent {
                        Some(p) if p.level == PolicyLevel::Provincial => PolicyLevel::Municipal,
                        _ => PolicyLevel::District,
                    };
                }
                match parent {
                    Some(p) if p.level == PolicyLevel::Provincial && p.name.ends_with('市') => {
                        PolicyLevel::Provincial
                    }
                    _ => PolicyLevel::Municipal,
                }
            }
            _ => PolicyLevel::Municipal,
        }
    }

    /// Where a name that starts at `start` really starts once the level word and
    /// place name written before it are included ("嘉兴市" + "“十四五”规划", "XX市"
    /// with a masked place, "区" + "“十一五”规划纲要").
    pub(crate) fn prefix_start(&self, text: &str, start: usize) -> usize {
        let head = text.get(..start).unwrap_or("");
        if let Some(len) = self.place_ending(head) {
            return start - len;
        }
        match head.chars().last() {
            Some(c @ ('省' | '市' | '区' | '县' | '州')) => {
                let before = start - c.len_utf8();
                let masked: usize = head
                    .get(..before)
                    .unwrap_or("")
                    .chars()
                    .rev()
                    .take_while(|m| matches!(m, 'X' | 'x' | '*'))
                    .map(char::len_utf8)
                    .sum();
                before - masked
            }
            _ => start,
        }
    }

    /// The byte ranges of the districts and counties of the plan's own city named in
    /// `text` (秀洲区 in a 嘉兴市 plan), three characters or more.
    pub(crate) fn home_districts(
        &self,
        text: &str,
        context: &Context<'_>,
    ) -> Vec<std::ops::Range<usize>> {
        let Some(home) = context.region.and_then(|r| self.place(r)) else {
            return Vec::new();
        };
        // Scanning for every place is dear: first ask whether any of the home's
        // districts is written at all.
        let written = self.districts.get(&home.name).is_some_and(|districts| {
            districts
                .iter()
                .filter_map(|&i| self.places.entries().get(i))
                .any(|p| text.contains(p.name.as_str()))
        });
        if !written {
            return Vec::new();
        }
        self.full_names
            .find_iter(text)
            .filter(|m| {
                self.places
                    .entries()
                    .get(m.pattern().as_usize())
                    .is_some_and(|p| {
                        is_named_district(p) && p.parent.as_deref() == Some(home.name.as_str())
                    })
            })
            .map(|m| m.range())
            .collect()
    }

    /// The short name of the plan's own place ("嘉兴" of 嘉兴市), when known.
    pub(crate) fn home_short<'a>(&self, context: &Context<'a>) -> Option<&'a str> {
        let region = context.region?;
        let place = self.place(region)?;
        let short = place.name.trim_end_matches(['市', '省', '区', '县']);
        region
            .get(..short.len())
            .filter(|s| *s == short && s.chars().count() >= 2)
    }

    /// The byte length of the longest full place name of three characters or more
    /// `head` ends with (two-character names such as 和县 or 城区 are common words).
    pub(crate) fn place_ending(&self, head: &str) -> Option<usize> {
        let starts: Vec<usize> = head
            .char_indices()
            .rev()
            .take(LONGEST_PLACE)
            .map(|(i, _)| i)
            .collect();
        starts
            .iter()
            .rev()
            .filter_map(|&i| head.get(i..))
            .find(|tail| {
                tail.chars().count() >= 3 && self.place(tail).is_some_and(|p| p.name == *tail)
            })
            .map(str::len)
    }

    /// The plan's own place: its region, else the first place its issuer names.
    fn home(&self, context: &Context<'_>) -> Option<&PlaceEntry> {
        context
            .region
            .and_then(|r| self.place(r))
            .or_else(|| context.issuer.and_then(|i| self.place_in(i)))
    }

    fn place(&self, name: &str) -> Option<&PlaceEntry> {
        self.by_name
            .get(name)
            .and_then(|&i| self.places.entries().get(i))
    }

    /// The longest full or short place name `name` starts with.
    fn place_at_start(&self, name: &str) -> Option<&PlaceEntry> {
        let ends: Vec<usize> = name
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(LONGEST_PLACE)
            .collect();
        // Short names of counties are common words too ("合作" of 合作市): only
        // provinces and cities are known by their short name here.
        ends.iter()
            .rev()
            .filter_map(|&end| name.get(..end))
            .find_map(|prefix| {
                self.place(prefix).filter(|p| {
                    prefix.chars().count() >= 2
                        && (p.name == prefix || p.level != PolicyLevel::District)
                })
            })
    }

    /// The first full place name inside `name`.
    fn place_in(&self, name: &str) -> Option<&PlaceEntry> {
        let found = self.full_names.find(name)?;
        self.places.entries().get(found.pattern().as_usize())
    }
}

/// Whether a place is a district or county whose full name is not a common word
/// (three characters or more: 和县 and 城区 are words too).
fn is_named_district(place: &PlaceEntry) -> bool {
    place.level == PolicyLevel::District && place.name.chars().count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels() -> Levels {
        let gazetteer = Gazetteer::embedded();
        Levels::new(&gazetteer, Arc::new(Places::new(&gazetteer).unwrap())).unwrap()
    }

    #[test]
    fn names_give_their_level() {
        let levels = levels();
        let none = Context::default();
        assert_eq!(
            levels.of_name("浙江教育现代化2035行动纲要", &none),
            Some(PolicyLevel::Provincial)
        );
        assert_eq!(
            levels.of_name("省政府中考改革的指导意见", &none),
            Some(PolicyLevel::Provincial)
        );
        assert_eq!(
            levels.of_name("关于福建省2010-2012年教育改革和发展的重点实施意见", &none),
            Some(PolicyLevel::Provincial)
        );
        assert_eq!(
            levels.of_name("国家教育事业发展十一五规划纲要", &none),
            Some(PolicyLevel::Central)
        );
        assert_eq!(
            levels.of_name("区教育工作会议", &none),
            Some(PolicyLevel::District)
        );
        assert_eq!(levels.of_name("学校安全风险预警防控工作指引", &none), None);
    }

    #[test]
    fn a_bare_city_follows_the_plan_region() {
        let levels = levels();
        let tianjin = Context {
            region: Some("东丽"),
            ..Context::default()
        };
        assert_eq!(
            levels.of_name("市委九届七次全会", &tianjin),
            Some(PolicyLevel::Provincial)
        );
        let kunshan = Context {
            region: Some("昆山市"),
            ..Context::default()
        };
        assert_eq!(
            levels.of_name("市委十三届二次全会", &kunshan),
            Some(PolicyLevel::District)
        );
        let jiaxing = Context {
            region: Some("嘉兴市"),
            ..Context::default()
        };
        assert_eq!(
            levels.of_name("市委八届八次会议", &jiaxing),
            Some(PolicyLevel::Municipal)
        );
    }
}
