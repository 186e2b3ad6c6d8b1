//! The plan's jurisdiction (ANNOTATION.md, `region`): the place its issuer, its
//! title or its body names, resolved against the place-name gazetteer to its full
//! name and the places enclosing it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use plankg_model::{Place, PolicyLevel};

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::places::{Places, PLACES};

/// Words that end a news item's dateline after its place's name.
const DATELINES: [&str; 4] = ["网讯", "日报讯", "新闻网讯", "电视台讯"];

/// The gazetteer file of short place names that are ordinary words.
const PLACE_STOPWORDS: &str = "place_short_stopwords.txt";

/// A place name the reader looks for: the index of its place and whether it is the
/// short form (连云港 for 连云港市).
#[derive(Debug, Clone, Copy)]
struct Name {
    entry: usize,
    short: bool,
}

/// A place named in a text: its surface form, level and byte offset.
pub(super) type Named<'a> = (&'a str, PolicyLevel, usize);

/// Finds and resolves places; built once from the gazetteer.
#[derive(Debug)]
pub(super) struct RegionReader {
    places: Arc<Places>,
    automaton: AhoCorasick,
    names: Vec<Name>,
}

impl RegionReader {
    /// Builds the reader from the places and place_short_stopwords.txt.
    ///
    /// # Errors
    /// [`GazetteerError`] when a file is missing.
    pub(super) fn new(gazetteer: &Gazetteer, places: Arc<Places>) -> Result<Self, GazetteerError> {
        let stopwords: HashSet<&str> = gazetteer.list(PLACE_STOPWORDS)?.into_iter().collect();
        let mut patterns = Vec::new();
        let mut names = Vec::new();
        for (entry, place) in places.entries().iter().enumerate() {
            // Generic two-character names (城区, 郊区) would match ordinary words.
            if place.name.chars().count() < 3 {
                continue;
            }
            patterns.push(place.name.clone());
            names.push(Name {
                entry,
                short: false,
            });
            // A short form ending in a function word ("平和" of "公平和教育") is read
            // inside ordinary phrases.
            if let Some(short) = place.short.as_deref().filter(|short| {
                short.chars().count() >= 2
                    && !stopwords.contains(short)
                    && !short.ends_with(['和', '与', '及', '的', '是', '在', '为', '对'])
            }) {
                patterns.push(short.to_owned());
                names.push(Name { entry, short: true });
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|err| GazetteerError::uncompiled(PLACES, err))?;
        Ok(Self {
            places,
            automaton,
            names,
        })
    }

    /// The place-name gazetteer.
    pub(super) fn places(&self) -> &Places {
        &self.places
    }

    /// Places named in `text`, short forms only where `accept_short` allows them
    /// (given the text and the byte offset after the name).
    pub(super) fn places_in<'a>(
        &self,
        text: &'a str,
        accept_short: impl Fn(&str, usize) -> bool,
    ) -> Vec<Named<'a>> {
        self.automaton
            .find_iter(text)
            .filter_map(|m| {
                let name = self.names.get(m.pattern().as_usize())?;
                let entry = self.places.entries().get(name.entry)?;
                (!name.short || accept_short(text, m.end())).then_some((
                    &text[m.range()],
                    entry.level,
                    m.start(),
                ))
            })
            .collect()
    }

    /// The jurisdiction as written: named in the issuer, else in the title, else a
    /// place whose education the body speaks of ("连云港教育"), else the body's place
    /// of the issuer's own level (a 市 for a 市教育局). `None` for national bodies.
    pub(super) fn region(
        &self,
        issuer: Option<&str>,
        title: &str,
        (opening, body): (&str, &str),
    ) -> Option<String> {
        if issuer.is_some_and(|i| i.contains("教育部")) {
            return None;
        }
        // PolicyLevel orders provinces before cities before districts: the most
        // specific place is the greatest.
        let most_specific = |found: Vec<Named<'_>>| {
            found
                .into_iter()
                .max_by_key(|(_, level, start)| (*level, usize::MAX - start))
                .map(|(s, _, _)| s.to_owned())
        };
        if let Some(issuer) = issuer {
            if let Some(place) = most_specific(self.places_in(issuer, |_, _| false)) {
                return Some(place);
            }
        }
        let title_head = title
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or("");
        if let Some(place) = most_specific(self.places_in(title_head, |_, _| true)) {
            return Some(place);
        }
        let education = |text: &str, end: usize| text[end..].starts_with("教育");
        // (mentions, first mention) per place: ties go to the longer name, then to
        // the place named first, so the answer never depends on hash order.
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        fn count<'t>(counts: &mut HashMap<&'t str, (usize, usize)>, surface: &'t str, at: usize) {
            let entry = counts.entry(surface).or_insert((0, at));
            entry.0 += 1;
            entry.1 = entry.1.min(at);
        }
        for (surface, _, start) in self.places_in(body, education) {
            if body[start + surface.len()..].starts_with("教育") {
                count(&mut counts, surface, start);
            }
        }
        // A news item's dateline names its place ("郧阳网讯", "宁波日报讯").
        let dateline =
            |text: &str, end: usize| DATELINES.iter().any(|word| text[end..].starts_with(word));
        for (surface, _, start) in self.places_in(body, dateline) {
            if dateline(body, start + surface.len()) {
                count(&mut counts, surface, start);
            }
        }
        // The place whose visit or speech the plan implements ("考察云南重要讲话",
        // "对内蒙古重要讲话精神"): the leadership's words to the plan's own place.
        let speech = |text: &str, end: usize| {
            text[end..].starts_with("重要讲话") || text[end..].starts_with("重要指示")
        };
        for (surface, _, start) in self.places_in(body, speech) {
            let end = start + surface.len();
            if speech(body, end)
                && (body[..start].ends_with("考察") || body[..start].ends_with('对'))
            {
                count(&mut counts, surface, start);
            }
        }
        // An opening setting the year's work of a whole city (全市) that names one
        // city: that city ("2020年全市教育工作总体要求…服务大连“两先区”建设").
        if counts.is_empty() {
            if let Some(word) = super::issuer::whole_jurisdiction(opening) {
                let level = match word {
                    "省" => PolicyLevel::Provincial,
                    "市" => PolicyLevel::Municipal,
                    _ => PolicyLevel::District,
                };
                let named: Vec<&str> = self
                    .places_in(opening, |_, _| true)
                    .into_iter()
                    .filter(|(surface, place_level, _)| {
                        *place_level == level && surface.chars().count() >= 2
                    })
                    .map(|(surface, _, _)| surface)
                    .collect();
                if let [first, rest @ ..] = named.as_slice() {
                    if rest.iter().all(|other| other == first) {
                        return Some((*first).to_owned());
                    }
                }
            }
        }
        if counts.is_empty() {
            let scope = issuer.and_then(scope_suffix)?;
            for (surface, _, start) in self.places_in(body, |_, _| false) {
                if surface.ends_with(scope) {
                    count(&mut counts, surface, start);
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|(name, (count, first))| (*count, name.len(), usize::MAX - first))
            .map(|(name, _)| name.to_owned())
    }

    /// The place `written` names and the places enclosing it, the place first. A
    /// name of several places (普陀区 of 上海市 and of 舟山市) is the one whose
    /// enclosing place `context` names; empty when none or several are.
    pub(super) fn jurisdiction(&self, written: &str, context: &str) -> Vec<Place> {
        let candidates = self.places.candidates(written);
        let chosen = match candidates.as_slice() {
            [one] => Some(*one),
            [] => None,
            several => {
                // The one written in full nearby, else the one whose enclosing place
                // is named, else (a short name) the one city or province of them.
                let named: Vec<_> = several
                    .iter()
                    .filter(|entry| entry.name != written && context.contains(&entry.name))
                    .collect();
                let parent_named: Vec<_> = several
                    .iter()
                    .filter(|entry| {
                        entry.parent.as_deref().is_some_and(|parent| {
                            let short = self.places.resolve(parent).and_then(|p| p.short.clone());
                            context.contains(parent)
                                || short
                                    .is_some_and(|s| s.chars().count() >= 2 && context.contains(&s))
                        })
                    })
                    .collect();
                let above_county: Vec<_> = several
                    .iter()
                    .filter(|entry| entry.name != written && entry.level != PolicyLevel::District)
                    .collect();
                [named, parent_named, above_county]
                    .into_iter()
                    .find_map(|found| match found.as_slice() {
                        [one] => Some(**one),
                        _ => None,
                    })
            }
        };
        chosen
            .map(|entry| self.places.chain(entry))
            .unwrap_or_default()
    }
}

/// The level word an issuer carries (市 of 市教育局).
fn scope_suffix(issuer: &str) -> Option<&'static str> {
    ["省", "市", "区", "县"]
        .into_iter()
        .find(|s| issuer.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader() -> RegionReader {
        let gazetteer = Gazetteer::embedded();
        let places = Arc::new(Places::new(&gazetteer).unwrap());
        RegionReader::new(&gazetteer, places).unwrap()
    }

    #[test]
    fn a_tie_between_places_goes_to_the_first_named() {
        let reader = reader();
        // Two districts named as often, with names as long: the first named wins,
        // in every process (a hash map's order once decided it).
        let body = "普陀区教育局与文登区教育局结对。文登区教育局、普陀区教育局共建。";
        for _ in 0..8 {
            assert_eq!(
                reader.region(Some("区教育局"), "", ("", body)).as_deref(),
                Some("普陀区")
            );
        }
        let swapped = "文登区教育局与普陀区教育局结对。普陀区教育局、文登区教育局共建。";
        assert_eq!(
            reader
                .region(Some("区教育局"), "", ("", swapped))
                .as_deref(),
            Some("文登区")
        );
    }

    #[test]
    fn an_opening_setting_a_whole_citys_work_is_of_the_city_it_names() {
        let reader = reader();
        // A real opening (a city plan reposted on a school site, no title).
        let opening = "2020年全市教育工作总体要求:以习近平新时代中国特色社会主义思想为指导,聚焦服务大连“两先区”建设,聚焦落实全市教育大会精神";
        assert_eq!(
            reader.region(None, "", (opening, opening)).as_deref(),
            Some("大连")
        );
        // Two cities named: neither.
        let two = "2020年全市教育工作总体要求:学习大连、沈阳的经验";
        assert_eq!(reader.region(None, "", (two, two)), None);
    }

    #[test]
    fn the_place_of_a_speech_the_plan_implements_is_its_region() {
        let reader = reader();
        let body = "认真贯彻习近平总书记关于教育的重要论述和考察云南重要讲话精神,深入落实省委部署";
        assert_eq!(reader.region(None, "", ("", body)).as_deref(), Some("云南"));
        let body = "深入学习贯彻习近平总书记对内蒙古重要讲话重要指示批示精神";
        assert_eq!(
            reader.region(None, "", ("", body)).as_deref(),
            Some("内蒙古")
        );
        // A place named otherwise is no jurisdiction.
        assert_eq!(reader.region(None, "", ("", "赴云南考察学习")), None);
    }

    #[test]
    fn a_name_of_several_places_is_the_one_whose_city_is_named() {
        let reader = reader();
        let names = |written: &str, context: &str| -> Vec<String> {
            reader
                .jurisdiction(written, context)
                .into_iter()
                .map(|p| p.name)
                .collect()
        };
        assert_eq!(
            names("普陀区", "上海市普陀区教育局2019年工作要点"),
            ["普陀区", "上海市"]
        );
        assert_eq!(
            names("普陀区", "舟山普陀区教育局"),
            ["普陀区", "舟山市", "浙江省"]
        );
        assert!(names("普陀区", "普陀区教育局").is_empty());
        assert_eq!(names("温州", ""), ["温州市", "浙江省"]);
        // 南昌 is short for 南昌市 and 南昌县 (of 南昌市): the city.
        assert_eq!(
            names("南昌", "南昌市制定全市教育网点规划"),
            ["南昌市", "江西省"]
        );
        assert_eq!(names("南昌", ""), ["南昌市", "江西省"]);
    }
}
