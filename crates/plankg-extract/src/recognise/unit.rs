//! Recogniser of the units named in responsibility tags (ANNOTATION.md, "units"):
//! "(责任单位:…)", "(牵头处室:财务处。责任处室:干部人事处)", 配合单位, 协办 … — the
//! tag words and their roles come from data/gazetteer/unit_tags.tsv. A list is split
//! on 、 and commas; each unit keeps the role of its tag.

use std::ops::Range;

use plankg_model::{UnitRef, UnitRole};
use regex::Regex;

use super::lexicon::{LexiconBuilder, List, Occurrences};
use super::literal::alternation;
use super::policy::name_key;
use super::{Context, Found, Hit, Recognise};
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;

/// The gazetteer file this module reads.
const FILE: &str = "unit_tags.tsv";

/// The longest unit name kept, in characters: longer items are sentences that a
/// missing terminator let into the list.
pub(crate) const LONGEST_UNIT: usize = 20;

/// The unit names of a list (a byte range of `text`) split on `separators`, each
/// trimmed and without a closing 等; empty items and items longer than
/// [`LONGEST_UNIT`] (sentences a missing terminator let in) are left out. Shared by
/// responsibility tags and the unit cells of task tables.
pub(crate) fn unit_names<'t>(
    text: &'t str,
    list: Range<usize>,
    separators: &'t [char],
) -> impl Iterator<Item = Range<usize>> + 't {
    let mut offset = list.start;
    text[list]
        .split_inclusive(separators)
        .filter_map(move |item| {
            let start = offset;
            offset += item.len();
            let name = item.trim_end_matches(separators);
            let trimmed = name.trim().trim_end_matches('等');
            let lead = name.len() - name.trim_start().len();
            let chars = trimmed.chars().count();
            (chars > 0 && chars <= LONGEST_UNIT).then(|| start + lead..start + lead + trimmed.len())
        })
}

/// Finds the units of responsibility tags in a text.
#[derive(Debug)]
pub(crate) struct UnitRecogniser {
    /// Role words, an optional unit kind (more after 、), an optional bracketed
    /// remark, a colon: group 1 holds the role words, group 2 the first unit kind.
    tag: Regex,
    /// Role word -> its role and whether it is a tag without a unit kind.
    roles: Vec<(String, TagRole)>,
}

/// The role a role word gives, and whether it is a tag on its own (牵头:).
#[derive(Debug, Clone, Copy)]
struct TagRole {
    /// The role of the units listed after the tag.
    role: UnitRole,
    /// The word is a tag without a unit kind after it.
    alone: bool,
}

/// The longest bracketed remark between a tag and its colon, in characters.
const LONGEST_REMARK: usize = 30;

impl UnitRecogniser {
    /// Builds the recogniser from unit_tags.tsv (role words and unit kinds) and adds
    /// the role words to `lexicon`: the tag pattern runs only where one is written.
    ///
    /// # Errors
    /// [`GazetteerError`] when the file is missing, a row's class is unknown or it
    /// has no role word or no unit kind.
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        lexicon: &mut LexiconBuilder,
    ) -> Result<Self, GazetteerError> {
        let mut roles = Vec::new();
        let mut kinds = Vec::new();
        for row in gazetteer.rows(FILE, 2)? {
            let word = row.field(0).to_owned();
            if row.field(1) == "unit" {
                kinds.push(word);
                continue;
            }
            let Some(role) = UnitRole::from_name(row.field(1)) else {
                return Err(row.error(FILE, format!("unknown class {:?}", row.field(1))));
            };
            let alone = row.field(2) == "alone";
            roles.push((word, TagRole { role, alone }));
        }
        if roles.is_empty() || kinds.is_empty() {
            return Err(GazetteerError::uncompiled(
                FILE,
                "a tag needs role words and unit kinds",
            ));
        }
        roles.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
        lexicon.add(List::UnitTag, roles.iter().map(|(word, _)| word));
        let role_words = alternation(roles.iter().map(|(w, _)| w));
        let kind_words = alternation(&kinds);
        let tag = Regex::new(&format!(
            r"((?:{role_words})+)({kind_words})?(?:、(?:{kind_words}))*\s*(?:[(（][^()（）\n]{{1,{LONGEST_REMARK}}}[)）])?\s*[:：]\s*"
        ))
        .map_err(|err| GazetteerError::uncompiled(FILE, err))?;
        Ok(Self { tag, roles })
    }

    /// The role of a tag whose role words are `words` (the first one counts), or
    /// `None` when the tag has no unit kind and its role word needs one.
    fn role(&self, words: &str, has_kind: bool) -> Option<UnitRole> {
        let (_, tag) = self
            .roles
            .iter()
            .find(|(w, _)| words.starts_with(w.as_str()))?;
        (has_kind || (tag.alone && self.roles.iter().any(|(w, _)| w == words))).then_some(tag.role)
    }
}

impl Recognise for UnitRecogniser {
    /// Adds the units of every tag in `text` (whose lexicon words are `words`) to
    /// `found.units`.
    fn find(&self, text: &str, words: &Occurrences, _context: &Context<'_>, found: &mut Found) {
        if !words.has(List::UnitTag) {
            return;
        }
        let tags: Vec<(usize, usize, UnitRole)> = self
            .tag
            .captures_iter(text)
            .filter_map(|caps| {
                let all = caps.get(0)?;
                let role = self.role(caps.get(1)?.as_str(), caps.get(2).is_some())?;
                Some((all.start(), all.end(), role))
            })
            .collect();
        for (index, &(_, list_start, role)) in tags.iter().enumerate() {
            let next_tag = tags.get(index + 1).map_or(text.len(), |t| t.0);
            let rest = text.get(list_start..next_tag).unwrap_or("");
            let list_end = rest
                .find(['。', ';', ')', '(', '）', '（', '\n', ':'])
                .map_or(rest.len(), |end| end);
            let list = list_start..list_start + list_end.min(rest.len());
            for range in unit_names(text, list, &['、', ',', '，', '/']) {
                let name = &text[range.clone()];
                found.units.push(Hit {
                    range,
                    entity: UnitRef {
                        name: name.to_owned(),
                        key: name_key(name),
                        role,
                        evidence: Vec::new(),
                    },
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Found {
        let mut lexicon = LexiconBuilder::default();
        let recogniser = UnitRecogniser::new(&Gazetteer::embedded(), &mut lexicon).unwrap();
        let words = lexicon.build().unwrap().scan(text);
        let mut found = Found::default();
        recogniser.find(text, &words, &Context::default(), &mut found);
        found
    }

    fn units(text: &str) -> Vec<(String, UnitRole)> {
        find(text)
            .units
            .into_iter()
            .map(|h| (h.entity.name, h.entity.role))
            .collect()
    }

    #[test]
    fn lead_and_responsible_lists_are_split() {
        let found = units("全年补充教师2800人。(牵头处室:机关党委。责任处室:办公室、干部人事处)");
        assert_eq!(
            found,
            [
                ("机关党委".to_owned(), UnitRole::Lead),
                ("办公室".to_owned(), UnitRole::Responsible),
                ("干部人事处".to_owned(), UnitRole::Responsible),
            ]
        );
    }

    #[test]
    fn full_width_tags_and_cooperating_units() {
        assert_eq!(
            units("（责任单位：区域教育中心建设专班）"),
            [("区域教育中心建设专班".to_owned(), UnitRole::Responsible)]
        );
        assert_eq!(
            units("牵头单位:基础教育科 配合单位:财务科,人事科"),
            [
                ("基础教育科".to_owned(), UnitRole::Lead),
                ("财务科".to_owned(), UnitRole::Cooperating),
                ("人事科".to_owned(), UnitRole::Cooperating),
            ]
        );
    }

    #[test]
    fn a_tag_of_several_kinds_with_a_remark() {
        // 019 of the pool: two unit kinds and a bracketed remark before the colon.
        assert_eq!(
            units("责任处室、单位(按处室、单位顺序排列,下同):秘书组秘书处、发展规划处、人事处(人才工作处)。"),
            [
                ("秘书组秘书处".to_owned(), UnitRole::Responsible),
                ("发展规划处".to_owned(), UnitRole::Responsible),
                ("人事处".to_owned(), UnitRole::Responsible),
            ]
        );
        assert_eq!(
            units("(责任部室:教研部)"),
            [("教研部".to_owned(), UnitRole::Responsible)]
        );
        assert_eq!(
            units("牵头责任单位:教育局;协同配合单位:财政局"),
            [
                ("教育局".to_owned(), UnitRole::Lead),
                ("财政局".to_owned(), UnitRole::Cooperating),
            ]
        );
    }

    #[test]
    fn a_role_word_without_a_kind_is_no_tag() {
        // 负责 needs a unit kind: 负责人 names a person, 责任: a duty.
        assert!(units("负责:张三、李四").is_empty());
        assert!(units("压实责任:各校校长").is_empty());
        assert_eq!(
            units("牵头:办公室"),
            [("办公室".to_owned(), UnitRole::Lead)]
        );
    }

    #[test]
    fn no_tag_no_unit() {
        assert!(units("各处室要牵头抓好落实,责任到人").is_empty());
    }

    #[test]
    fn the_range_covers_the_name() {
        let text = "(责任单位:找抓补促工作专班)";
        let found = find(text);
        assert_eq!(&text[found.units[0].range.clone()], "找抓补促工作专班");
    }
}
