//! Documents cited without title marks: a cite verb, then a name ending in a genre
//! word ("落实省政府中考改革的指导意见", "对照学校安全风险预警防控工作指引"), or a
//! quoted one ("落实“安徽省推进义务教育基本均衡发展规划”"). The gold cites these as
//! documents as often as titles in 《》.

use plankg_model::{PolicyKind, PolicyLevel};
use regex::Regex;

use super::super::lexicon::{LexiconBuilder, List};
use super::super::literal::alternation;
use super::super::Context;
use super::level::Levels;
use super::named::named;
use super::table::PolicyTable;
use super::words::{Stance, Words};
use super::{Candidate, Scan};

/// Words that mark a run as something other than a document's name (a meeting's or
/// a thought's spirit, a list of several things).
const NOT_A_TITLE: &[&str] = &["精神", "会议", "大会", "全会", "思想", "重要"];

/// The patterns, built once from the cite and genre words.
#[derive(Debug)]
pub(crate) struct Cited {
    bare: Regex,
    quoted: Regex,
}

impl Cited {
    /// Builds the patterns from the word lists, and adds the cite words (which
    /// `bare` needs) and the genre words (which both need) to the lexicon.
    pub(crate) fn new(words: &Words, lexicon: &mut LexiconBuilder) -> Result<Self, regex::Error> {
        let verbs = alternation(words.cite_words());
        let genres = alternation(words.bare_genres());
        let bare = Regex::new(&format!(
            r"(?:{verbs})+([\p{{Han}}\d()\-—]{{4,40}}?(?:{genres}))(?:精神)?(\p{{Han}})?"
        ))?;
        let quoted = Regex::new(&format!(r#"[“"]([^“”"\n]{{8,40}}?(?:{genres}))[”"]"#))?;
        lexicon.add(List::CiteVerb, words.cite_words());
        lexicon.add(List::Genre, words.bare_genres());
        Ok(Self { bare, quoted })
    }

    /// Finds cited documents without title marks.
    pub(crate) fn find(&self, scan: &Scan<'_>, out: &mut Vec<Candidate>) {
        let Scan {
            text,
            found,
            context,
            table,
            levels,
            words,
            ..
        } = *scan;
        if !found.has(List::Genre) {
            return;
        }
        // A bare name needs a genre word after the first cite verb, a quoted one a
        // quote.
        let bare = found
            .of(List::CiteVerb)
            .next()
            .filter(|verb| {
                found
                    .of(List::Genre)
                    .any(|genre| genre.range.start >= verb.range.start)
            })
            .map(|_| self.bare.captures_iter(text));
        for caps in bare.into_iter().flatten() {
            let Some(name) = caps.get(1) else { continue };
            // The name must end there: "…意见," or "…意见精神,", not "…方案设计".
            if caps.get(2).is_some() || NOT_A_TITLE.iter().any(|w| name.as_str().contains(w)) {
                continue;
            }
            out.push(Candidate::policies(
                name.range(),
                vec![document(name.as_str(), context, table, levels, words)],
                0,
            ));
        }
        let quoted = text
            .contains(['“', '"'])
            .then(|| self.quoted.captures_iter(text));
        for caps in quoted.into_iter().flatten() {
            let (Some(all), Some(name)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            if NOT_A_TITLE.iter().any(|w| name.as_str().contains(w))
                || words.stance(text, all.start(), all.end()) == Stance::Draft
            {
                continue;
            }
            out.push(Candidate::policies(
                all.range(),
                vec![document(name.as_str(), context, table, levels, words)],
                0,
            ));
        }
    }
}

fn document(
    name: &str,
    context: &Context<'_>,
    table: &PolicyTable,
    levels: &Levels,
    words: &Words,
) -> plankg_model::PolicyRef {
    let level = levels
        .of_name(name, context)
        .or_else(|| words.is_law(name).then_some(PolicyLevel::Central))
        .unwrap_or(PolicyLevel::Unknown);
    named(name, PolicyKind::Document, level, table)
}
