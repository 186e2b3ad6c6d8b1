//! Recogniser of named government, party and education-administration bodies
//! (ANNOTATION.md, "organizations"): a level prefix and a body (省教育厅, 市委教育工委,
//! 区政府教育督导室), standalone names (教育部, 国家语委, 团中央) — all from
//! data/gazetteer/organizations.tsv. Not the issuer, not generic references
//! (各市、县教育局), not a unit already found in a responsibility tag, not a body
//! inside a policy's name.

use std::ops::Range;
use std::sync::Arc;

use plankg_model::{OrganizationRef, PolicyKind};
use regex::Regex;

use super::lexicon::{LexiconBuilder, List, Occurrences};
use super::literal::alternation;
use super::policy::{name_key, Levels};
use super::{Context, Found, Hit, Recognise};
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::metadata::ISSUER_HEADS_FILE;

/// A policy name this short (bytes: "中央8号文件") is the issuer's name and a number,
/// not a document whose issuer is an actor of its own.
const SHORT_POLICY: usize = 24;

/// The gazetteer file this module reads.
const FILE: &str = "organizations.tsv";

/// Finds organization mentions in a text.
#[derive(Debug)]
pub(crate) struct OrganizationRecogniser {
    /// `(prefix)(body)(chain)*` or `(standalone)(chain)*`, optional 中共 before:
    /// run only where the lexicon found a body or a standalone name.
    pattern: Regex,
    /// Generic references.
    stop: Vec<String>,
    /// Characters before a prefix that make it part of another word.
    not_after: Vec<char>,
    /// Characters of a list of level words after 各 ("各省、自治区、直辖市教育厅").
    generic_list: Vec<char>,
    /// Bare bodies (教育局) that name a superior only in a school's plan.
    superior: Vec<String>,
    /// Words after a district's name that make it the place of a school (凉州区第一幼儿园).
    place_stop: Vec<String>,
    /// Development zones named after the plan's city (嘉兴经济技术开发区).
    zones: Vec<String>,
    /// Characters after a match that make it part of another word (教育部门).
    not_before: Vec<char>,
    /// The heads of issuing bodies as written and their canonical heads
    /// (issuer_heads.tsv), longest written head first: the issuer and a body named
    /// in its text are compared by canonical head.
    heads: Vec<(String, String)>,
    /// Place names, to include the place a body belongs to and find named districts.
    levels: Arc<Levels>,
}

impl OrganizationRecogniser {
    /// Builds the recogniser from organizations.tsv, with the place names of
    /// `levels`, and adds the bodies and standalone names to `lexicon`.
    ///
    /// # Errors
    /// [`GazetteerError`] when a file is missing or a row's role is unknown.
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        levels: Arc<Levels>,
        lexicon: &mut LexiconBuilder,
    ) -> Result<Self, GazetteerError> {
        let mut lists: [Vec<String>; 4] = Default::default();
        let mut stop = Vec::new();
        let mut not_after = Vec::new();
        let mut generic_list = Vec::new();
        let mut superior = Vec::new();
        let mut place_stop = Vec::new();
        let mut zones = Vec::new();
        let mut not_before = Vec::new();
        for row in gazetteer.rows(FILE, 2)? {
            let text = row.field(0).to_owned();
            match row.field(1) {
                "prefix" => lists[0].push(text),
                "body" => lists[1].push(text),
                "chain" => lists[2].push(text),
                "standalone" => lists[3].push(text),
                "stop" => stop.push(text),
                "not_after" => not_after.extend(text.chars()),
                "generic_list" => generic_list.extend(text.chars()),
                "place_stop" => place_stop.push(text),
                "zone" => zones.push(text),
                "not_before" => not_before.extend(text.chars()),
                "superior" => {
                    lists[3].push(text.clone());
                    superior.push(text);
                }
                other => return Err(row.error(FILE, format!("unknown role {other:?}"))),
            }
        }
        let mut heads: Vec<(String, String)> = gazetteer
            .rows(ISSUER_HEADS_FILE, 2)?
            .iter()
            .map(|row| (row.field(0).to_owned(), row.field(1).to_owned()))
            .collect();
        heads.sort_by_key(|(written, _)| std::cmp::Reverse(written.chars().count()));
        lexicon.add(List::OrganizationWord, lists[1].iter().chain(&lists[3]));
        let [prefix, body, chain, standalone] = lists.map(|list| alternation(&list));
        let pattern = Regex::new(&format!(
            "(?:中共)?(?:(?:{prefix})(?:{body})|(?:{standalone}))(?:{chain})*"
        ))
        .map_err(|err| GazetteerError::uncompiled(FILE, err))?;
        Ok(Self {
            pattern,
            stop,
            not_after,
            generic_list,
            superior,
            place_stop,
            zones,
            not_before,
            heads,
            levels,
        })
    }
}

impl Recognise for OrganizationRecogniser {
    /// Adds the organizations named in `text` (whose lexicon words are `words`) to
    /// `found.organizations`.
    fn find(&self, text: &str, words: &Occurrences, context: &Context<'_>, found: &mut Found) {
        // Units of a tag, and bodies inside the name of a party meeting or conference
        // (市委 of 市委八届八次会议), are not organizations of their own; the body
        // that issued a cited document is (省政府 of 省政府中考改革的指导意见).
        let taken: Vec<Range<usize>> = found
            .units
            .iter()
            .map(|h| h.range.clone())
            .chain(
                found
                    .policies
                    .iter()
                    .filter(|h| {
                        matches!(
                            h.entity.kind,
                            PolicyKind::Plenum | PolicyKind::Congress | PolicyKind::Meeting
                        ) || h.range.len() <= SHORT_POLICY
                    })
                    .map(|h| h.range.clone()),
            )
            .collect();
        let mut hits: Vec<Range<usize>> = Vec::new();
        let names = words
            .has(List::OrganizationWord)
            .then(|| self.pattern.find_iter(text));
        for m in names.into_iter().flatten() {
            let before = text.get(..m.start()).and_then(|t| t.chars().last());
            let after = text.get(m.end()..).and_then(|t| t.chars().next());
            if after.is_some_and(|c| self.not_before.contains(&c)) {
                continue;
            }
            if before.is_some_and(|c| self.not_after.contains(&c))
                && !m.as_str().starts_with("中共")
                || self.is_generic_list(text.get(..m.start()).unwrap_or(""))
                || self.superior.iter().any(|s| s == m.as_str()) && is_administration(context)
            {
                continue;
            }
            let start = self
                .levels
                .place_ending(text.get(..m.start() + first_len(m.as_str())).unwrap_or(""))
                .filter(|&len| len > first_len(m.as_str()))
                .map_or(m.start(), |len| m.start() + first_len(m.as_str()) - len);
            hits.push(start..m.end());
        }
        for range in self.levels.home_districts(text, context) {
            let clause = text.get(range.end..).unwrap_or("");
            let clause = clause
                .split(['。', ',', ';', '、', ':', '\n'])
                .next()
                .unwrap_or("");
            if !hits.iter().any(|h| overlaps(h, &range))
                && !self.place_stop.iter().any(|w| clause.contains(w.as_str()))
            {
                hits.push(range);
            }
        }
        // Every zone's name starts with the short name: look for them only where it is.
        if let Some(short) = self
            .levels
            .home_short(context)
            .filter(|short| text.contains(short))
        {
            for zone in &self.zones {
                let name = format!("{short}{zone}");
                for (start, _) in text.match_indices(name.as_str()) {
                    let range = start..start + name.len();
                    if !hits.iter().any(|h| overlaps(h, &range)) {
                        hits.push(range);
                    }
                }
            }
        }
        for range in hits {
            let name = text.get(range.clone()).unwrap_or("");
            if name.is_empty()
                || self.stop.iter().any(|s| s == name)
                || is_issuer(name, context, &self.heads)
                || taken.iter().any(|t| overlaps(t, &range))
            {
                continue;
            }
            found.organizations.push(Hit {
                range,
                entity: OrganizationRef {
                    name: name.to_owned(),
                    key: name_key(name),
                    evidence: Vec::new(),
                },
            });
        }
    }
}

impl OrganizationRecogniser {
    /// Whether `head` ends with 各 and a list of level words ("各市、省直管"), so
    /// what follows is every such body, not a named one.
    fn is_generic_list(&self, head: &str) -> bool {
        head.chars()
            .rev()
            .take(12)
            .find(|c| !self.generic_list.contains(c))
            .is_some_and(|c| c == '各')
    }
}

/// Whether the plan's issuer is itself an administration (局, 厅, 委, 部 …): then a
/// bare 教育局 is the issuer or any bureau, not a named superior.
fn is_administration(context: &Context<'_>) -> bool {
    context.issuer.is_some_and(|issuer| {
        issuer.ends_with(['局', '厅', '委', '部', '办']) || issuer.contains("教育局")
    })
}

/// Byte length of the first character of `s`.
fn first_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether `name` is (one of) the issuer's bodies, with or without its place, its
/// head compared as canonical (`heads`: written → canonical, issuer_heads.tsv).
fn is_issuer(name: &str, context: &Context<'_>, heads: &[(String, String)]) -> bool {
    let Some(issuer) = context.issuer else {
        return false;
    };
    // The place is dropped, the level word kept: "嘉兴市委教育工委" ~ "市委教育工委";
    // the head is canonical (教育工委 ~ 教育工作委员会), and a bureau that merged
    // education with other fields is the education bureau a text may also call it
    // (县教育体育局 ~ 德钦县教育局).
    let bare = |s: &str| -> String {
        let s = s.trim_start_matches("中共");
        let s = context
            .region
            .and_then(|r| s.strip_prefix(r.trim_end_matches(['市', '省', '区', '县'])))
            .filter(|rest| !rest.is_empty())
            .map_or(s, |rest| rest);
        let Some((written, canonical)) = heads.iter().find(|(w, _)| s.ends_with(w.as_str())) else {
            return s.to_owned();
        };
        let merged = canonical.starts_with("教育") && canonical.ends_with('局');
        let head = if merged {
            "教育局"
        } else {
            canonical.as_str()
        };
        format!("{}{head}", &s[..s.len() - written.len()])
    };
    let name_bare = bare(name);
    issuer
        .split([' ', '、', ','])
        .filter(|b| !b.is_empty())
        .any(|body| {
            let body_bare = bare(body);
            body_bare == name_bare
                || (body_bare.ends_with(&name_bare) || body_bare.starts_with(&name_bare))
                    && name_bare.chars().count() >= 3
                    && body_bare.len() - name_bare.len() <= 9
                || same_body_by_level(body, name, context.region)
        })
}

/// Whether `name` is the issuing body `body` written with another level word or
/// none ("市教育局" in a plan issued by "教育局"; "自治区教育厅" in one issued by
/// "内蒙古自治区教育厅"): the same head, and the same level where both give one (a
/// county plan's 市教育局 is its superior).
fn same_body_by_level(body: &str, name: &str, region: Option<&str>) -> bool {
    const LEVELS: [&str; 5] = ["自治区", "省", "市", "区", "县"];
    let split = |s: &str| -> (Option<&'static str>, String) {
        let mut rest = s.trim_start_matches("中共");
        if let Some(region) = region {
            rest = rest.strip_prefix(region).unwrap_or(rest);
        }
        match LEVELS.iter().find(|level| rest.starts_with(**level)) {
            Some(level) => (Some(*level), rest[level.len()..].to_owned()),
            None => (None, rest.to_owned()),
        }
    };
    let (body_level, body_head) = split(body);
    let (name_level, name_head) = split(name);
    // A body written with its place takes its region's level (内蒙古自治区 → 自治区).
    let body_level = body_level.or_else(|| {
        let region = region?;
        LEVELS
            .iter()
            .find(|level| region.ends_with(**level))
            .copied()
    });
    let levels_agree = match (body_level, name_level) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    name_head.chars().count() >= 2 && body_head == name_head && levels_agree
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str, context: &Context<'_>) -> Vec<String> {
        let gazetteer = Gazetteer::embedded();
        let levels = Arc::new(
            Levels::new(
                &gazetteer,
                Arc::new(crate::places::Places::new(&gazetteer).unwrap()),
            )
            .unwrap(),
        );
        let mut lexicon = LexiconBuilder::default();
        let recogniser = OrganizationRecogniser::new(&gazetteer, levels, &mut lexicon).unwrap();
        let lexicon = lexicon.build().unwrap();
        let mut found = Found::default();
        recogniser.find(text, &lexicon.scan(text), context, &mut found);
        found
            .organizations
            .into_iter()
            .map(|h| h.entity.name)
            .collect()
    }

    #[test]
    fn bodies_with_a_level_prefix_and_standalone_names() {
        let none = Context::default();
        assert_eq!(
            orgs("贯彻落实教育部、国家语委《关于…的通知》", &none),
            ["教育部", "国家语委"]
        );
        assert_eq!(
            orgs("在市委、市政府的正确领导下", &none),
            ["市委", "市政府"]
        );
        assert_eq!(
            orgs("配合区政府教育督导室做好督导", &none),
            ["区政府教育督导室"]
        );
        assert_eq!(orgs("依托教科院普教所", &none), ["教科院普教所"]);
        assert_eq!(orgs("发挥市教师发展学院作用", &none), ["市教师发展学院"]);
    }

    #[test]
    fn bodies_are_read_whole_not_cut_at_a_shorter_body() {
        // Pool: a bureau under a development zone, a party work committee in full.
        let context = Context::default();
        assert_eq!(
            orgs("驻马店市开发区教育体育文化局、高新区社会事业局", &context),
            ["驻马店市开发区教育体育文化局", "高新区社会事业局"]
        );
        assert_eq!(
            orgs("在中共成都市委教育工作委员会的领导下", &context),
            ["成都市委教育工作委员会"]
        );
        // A city bureau's plan of 2023 names its leading group and committee bare.
        assert_eq!(
            orgs("充分发挥教育工作领导小组和党委教育工委的职能作用", &context),
            ["教育工作领导小组", "党委教育工委"]
        );
    }

    #[test]
    fn generic_references_and_the_issuer_are_not_organizations() {
        let context = Context {
            issuer: Some("市教育局"),
            region: Some("连云港市"),
            ..Context::default()
        };
        assert!(orgs("各县区教育局、有关部门和学校", &context).is_empty());
        assert!(orgs("市教育局将加强领导", &context).is_empty());
        let committee = Context {
            issuer: Some("中共福建省委教育工委"),
            region: Some("福建省"),
            ..Context::default()
        };
        assert!(orgs("中共福建省委教育工作委员会2007年工作要点", &committee).is_empty());
        let merged = Context {
            issuer: Some("县教育体育局"),
            region: Some("德钦县"),
            ..Context::default()
        };
        assert!(orgs("德钦县教育局召开全县教育工作会议", &merged).is_empty());
        assert!(orgs("各市、省直管县教育局,各高等学校", &context).is_empty());
        assert_eq!(orgs("和县委、县政府", &context), ["县委", "县政府"]);
        assert!(orgs("完善教育部门和学校", &context).is_empty());
        assert_eq!(
            orgs("指导县区做好申报,赣榆区通过评估", &context),
            ["赣榆区"]
        );
        let wuwei = Context {
            region: Some("武威"),
            ..Context::default()
        };
        assert!(orgs("凉州区祁连路小学", &wuwei).is_empty());
        // The issuer written without its level word, and with its place.
        let bare_issuer = Context {
            issuer: Some("教育局"),
            ..Context::default()
        };
        assert!(orgs("市教育局要加强领导", &bare_issuer).is_empty());
        let region_issuer = Context {
            issuer: Some("内蒙古自治区教育厅"),
            region: Some("内蒙古自治区"),
            ..Context::default()
        };
        assert!(orgs("自治区教育厅负责", &region_issuer).is_empty());
        // A county plan's 市教育局 is its superior.
        let county = Context {
            issuer: Some("县教育局"),
            region: Some("德钦县"),
            ..Context::default()
        };
        assert_eq!(orgs("按照市教育局的部署", &county), ["市教育局"]);
        let jiaxing = Context {
            region: Some("嘉兴市"),
            ..Context::default()
        };
        assert_eq!(
            orgs("积极支持嘉兴经济技术开发区做好", &jiaxing),
            ["嘉兴经济技术开发区"]
        );
    }
}
