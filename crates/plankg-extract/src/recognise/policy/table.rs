//! The policy gazetteer (data/gazetteer/policies.tsv): canonical names, aliases,
//! kinds, levels and dates. Its forms are matched leftmost-longest, as a list of
//! the recognisers' lexicon.

use std::ops::Range;

use plankg_model::{PolicyKind, PolicyLevel};

use super::super::lexicon::{List, Occurrences};
use super::key::name_key;
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use rustc_hash::FxHashMap;

/// The gazetteer file this module reads.
pub(crate) const FILE: &str = "policies.tsv";

/// One policy of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Canonical name ("党的十九届六中全会").
    pub(crate) name: String,
    /// The other forms it is written in.
    pub(crate) aliases: Vec<String>,
    /// Its kind.
    pub(crate) kind: PolicyKind,
    /// Its level.
    pub(crate) level: PolicyLevel,
    /// Its dates ("2021-11"), oldest first: one for a document or a congress, one per
    /// session for a meeting held again under the same name (全国教育大会 2018-09 and
    /// 2024-09 are one policy, its sessions dated occurrences). Empty when unknown.
    pub(crate) dates: Vec<String>,
}

impl Entry {
    /// The date of the session a plan of `year` refers to: the newest one held by
    /// the end of that year, else the first (a plan of unknown year or older than
    /// every session).
    pub(crate) fn date_in(&self, year: Option<i32>) -> Option<String> {
        let held = |date: &&String| {
            year.is_some_and(|y| date.get(..4).and_then(|d| d.parse::<i32>().ok()) <= Some(y))
        };
        self.dates
            .iter()
            .rev()
            .find(held)
            .or_else(|| self.dates.first())
            .cloned()
    }
}

/// A gazetteer match in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableHit<'a> {
    /// Byte range of the matched form.
    pub(crate) range: Range<usize>,
    /// The policy matched.
    pub(crate) entry: &'a Entry,
}

/// The parsed gazetteer.
#[derive(Debug)]
pub(crate) struct PolicyTable {
    entries: Vec<Entry>,
    /// Every name and alias, in the order of the lexicon's list.
    forms: Vec<String>,
    /// Form index -> entry index.
    form_entry: Vec<usize>,
    /// Key of every form -> entry index.
    by_key: FxHashMap<String, usize>,
}

impl PolicyTable {
    /// Parses policies.tsv.
    ///
    /// # Errors
    /// [`GazetteerError`] naming file and line of a row whose kind, level or date
    /// does not parse.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let rows = gazetteer.rows(FILE, 1)?;
        let mut entries = Vec::with_capacity(rows.len());
        for row in &rows {
            entries.push(
                parse_row(
                    row.field(0),
                    row.field(1),
                    row.field(2),
                    row.field(3),
                    row.field(4),
                )
                .map_err(|message| row.error(FILE, message))?,
            );
        }
        let mut forms = Vec::new();
        let mut form_entry = Vec::new();
        let mut by_key = FxHashMap::default();
        for (index, entry) in entries.iter().enumerate() {
            for form in std::iter::once(&entry.name).chain(&entry.aliases) {
                forms.push(form.clone());
                form_entry.push(index);
                by_key.entry(name_key(form)).or_insert(index);
            }
        }
        Ok(Self {
            entries,
            forms,
            form_entry,
            by_key,
        })
    }

    /// Every name and alias, for the lexicon's [`List::PolicyForm`].
    pub(crate) fn forms(&self) -> &[String] {
        &self.forms
    }

    /// All policies of the gazetteer.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The policy one of whose forms has the same key as `name`.
    pub(crate) fn lookup(&self, name: &str) -> Option<&Entry> {
        self.by_key
            .get(&name_key(name))
            .and_then(|&i| self.entries.get(i))
    }

    /// The leftmost-longest matches of gazetteer forms among the words of a text.
    pub(crate) fn hits<'a>(
        &'a self,
        words: &'a Occurrences,
    ) -> impl Iterator<Item = TableHit<'a>> + 'a {
        words
            .leftmost_longest(List::PolicyForm)
            .filter_map(move |o| {
                let entry = self
                    .form_entry
                    .get(o.index)
                    .and_then(|&i| self.entries.get(i))?;
                Some(TableHit {
                    range: o.range.clone(),
                    entry,
                })
            })
    }
}

fn parse_row(
    name: &str,
    aliases: &str,
    kind: &str,
    level: &str,
    dates: &str,
) -> Result<Entry, String> {
    let kind =
        PolicyKind::from_name(kind).ok_or_else(|| format!("unknown policy kind {kind:?}"))?;
    let level =
        PolicyLevel::from_name(level).ok_or_else(|| format!("unknown policy level {level:?}"))?;
    let mut parsed = Vec::new();
    for date in dates.split('|').map(str::trim).filter(|d| !d.is_empty()) {
        if !is_year_month(date) {
            return Err(format!("date {date:?} is not YYYY-MM"));
        }
        if parsed
            .last()
            .is_some_and(|last: &String| last.as_str() >= date)
        {
            return Err(format!("dates {dates:?} are not in order"));
        }
        parsed.push(date.to_owned());
    }
    Ok(Entry {
        name: name.to_owned(),
        aliases: aliases
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect(),
        kind,
        level,
        dates: parsed,
    })
}

fn is_year_month(date: &str) -> bool {
    let bytes = date.as_bytes();
    bytes.len() == 7
        && bytes[4] == b'-'
        && bytes[..4].iter().chain(&bytes[5..]).all(u8::is_ascii_digit)
        && matches!(
            &date[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

#[cfg(test)]
mod tests {
    use super::super::super::lexicon::LexiconBuilder;
    use super::*;

    fn table() -> PolicyTable {
        PolicyTable::new(&Gazetteer::embedded()).unwrap()
    }

    #[test]
    fn every_row_parses_and_party_meetings_have_date_and_level() {
        let table = table();
        let party: Vec<&Entry> = table
            .entries()
            .iter()
            .filter(|e| matches!(e.kind, PolicyKind::Congress | PolicyKind::Plenum))
            .collect();
        // 十二大 … 二十大, and 7+9+7*6+4 central plenums.
        assert_eq!(
            party
                .iter()
                .filter(|e| e.kind == PolicyKind::Congress)
                .count(),
            9
        );
        assert_eq!(
            party
                .iter()
                .filter(|e| e.kind == PolicyKind::Plenum)
                .count(),
            62
        );
        for entry in party {
            assert!(!entry.dates.is_empty(), "{} has no date", entry.name);
            assert_eq!(entry.level, PolicyLevel::Central, "{}", entry.name);
            assert!(entry.name.starts_with("党的"), "{}", entry.name);
        }
    }

    #[test]
    fn a_malformed_row_is_reported_with_its_line() {
        let err = parse_row("x", "", "decree", "central", "").unwrap_err();
        assert!(err.contains("decree"));
        assert!(parse_row("x", "", "document", "central", "2021-13").is_err());
        assert!(parse_row("x", "", "document", "central", "2021-07").is_ok());
    }

    #[test]
    fn aliases_resolve_to_the_canonical_plenum() {
        let table = table();
        let mut lexicon = LexiconBuilder::default();
        lexicon.add(List::PolicyForm, table.forms());
        let words = lexicon
            .build()
            .unwrap()
            .scan("贯彻落实十九届六中全会精神和中共十八大");
        let names: Vec<&str> = table.hits(&words).map(|h| h.entry.name.as_str()).collect();
        assert_eq!(names, ["党的十九届六中全会", "党的十八大"]);
        assert_eq!(
            table.lookup("《中国教育现代化2035》").map(|e| e.kind),
            Some(PolicyKind::Document)
        );
    }
}
