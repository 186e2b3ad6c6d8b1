//! Recogniser of the higher-level policies a plan places itself under (ANNOTATION.md,
//! "policies"). Several sources propose candidates — the gazetteer (table.rs),
//! party meetings (party.rs), conferences (meeting.rs), strategies, five-year plans
//! and speeches (named.rs), titles in 《》 (title.rs) — and the leftmost-longest
//! candidates win where they overlap. A title the plan will draft becomes an
//! initiative and a `produces` entry instead.

mod cited;
mod gate;
mod key;
mod level;
mod meeting;
mod named;
mod party;
mod table;
mod title;
mod words;

use std::ops::Range;
use std::sync::Arc;

pub(crate) use key::name_key;
pub(crate) use level::Levels;
use plankg_model::{InitiativeRef, PolicyKind, PolicyLevel, PolicyRef};
use words::Stance;

use super::lexicon::{LexiconBuilder, List, Occurrences};
use super::{Context, Found, Hit, Recognise};
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;

/// "国家和辽宁省" right before a central document's name: the same document of a
/// province or city (group 1) is cited too.
static NATIONAL_AND_LOCAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::patterns::static_regex(r"(?:国家|全国)(?:和|与|及|、)(\p{Han}{2,6}?(?:省|自治区|市))$")
});

/// What a candidate mention stands for.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// One or more policies (a list such as "十八届三中、四中全会" names several).
    Policies(Vec<PolicyRef>),
    /// A document the plan will draft.
    Drafted(String),
    /// Not a policy, but nothing inside it is one either (the issuer's own plan).
    Nothing,
}

/// A mention proposed by one of the sources.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    range: Range<usize>,
    outcome: Outcome,
    /// Breaks ties between candidates of the same range (higher wins).
    priority: u8,
}

impl Candidate {
    /// A mention of policies.
    fn policies(range: Range<usize>, policies: Vec<PolicyRef>, priority: u8) -> Self {
        Self {
            range,
            outcome: Outcome::Policies(policies),
            priority,
        }
    }

    /// A document to be drafted.
    fn drafted(range: Range<usize>, name: &str) -> Self {
        Self {
            range,
            outcome: Outcome::Drafted(name.to_owned()),
            priority: 3,
        }
    }

    /// A span that holds no policy.
    fn nothing(range: Range<usize>) -> Self {
        Self {
            range,
            outcome: Outcome::Nothing,
            priority: 3,
        }
    }
}

/// What every source of candidates reads: the text with its lexicon words and its
/// document, the recogniser's tables, and the gates the text opens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scan<'a> {
    text: &'a str,
    found: &'a Occurrences,
    context: &'a Context<'a>,
    table: &'a table::PolicyTable,
    levels: &'a Levels,
    words: &'a words::Words,
    open: gate::Open,
}

/// Finds policy mentions in a text.
#[derive(Debug)]
pub(crate) struct PolicyRecogniser {
    table: table::PolicyTable,
    levels: Arc<level::Levels>,
    words: words::Words,
    cited: cited::Cited,
    gates: gate::Gates,
}

impl PolicyRecogniser {
    /// Builds the recogniser from policies.tsv and policy_words.tsv, with the place
    /// names of `levels` (policy_levels.tsv and places.tsv), and adds the words it
    /// looks for to `lexicon`.
    ///
    /// # Errors
    /// [`GazetteerError`] when a file is missing or a row is malformed.
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        levels: Arc<Levels>,
        lexicon: &mut LexiconBuilder,
    ) -> Result<Self, GazetteerError> {
        let words = words::Words::new(gazetteer)?;
        let cited = cited::Cited::new(&words, lexicon)
            .map_err(|err| GazetteerError::uncompiled("policy_words.tsv", err))?;
        let table = table::PolicyTable::new(gazetteer)?;
        lexicon.add(List::PolicyForm, table.forms());
        Ok(Self {
            table,
            levels,
            words,
            cited,
            gates: gate::Gates::new(lexicon),
        })
    }
}

impl Recognise for PolicyRecogniser {
    /// Adds the policies cited in `text` (whose lexicon words are `words`) to
    /// `found.policies`, and the titles it will draft to `found.initiatives` and
    /// `found.produces`.
    fn find(&self, text: &str, words: &Occurrences, context: &Context<'_>, found: &mut Found) {
        let mut candidates = Vec::new();
        for hit in self.table.hits(words) {
            if self.words.is_count(text, &hit.range, hit.entry.kind) {
                continue;
            }
            // A congress, plenum or meeting the plan will hold or awaits (召开, 迎接
            // 党的二十大胜利召开) is not cited: it blocks the other sources too.
            if matches!(
                hit.entry.kind,
                PolicyKind::Congress | PolicyKind::Plenum | PolicyKind::Meeting
            ) && self.words.stance(text, hit.range.start, hit.range.end) == Stance::Hold
            {
                candidates.push(Candidate::nothing(hit.range));
                continue;
            }
            let policy = named::named(
                &hit.entry.name,
                hit.entry.kind,
                hit.entry.level,
                &self.table,
            );
            // "根据国家和辽宁省中长期教育改革和发展规划纲要": a central document and a
            // province's of the same name, the province's named with its place.
            let mut policies = vec![policy];
            let mut range = hit.range.clone();
            if hit.entry.kind == PolicyKind::Document && hit.entry.level == PolicyLevel::Central {
                if let Some(caps) = NATIONAL_AND_LOCAL.captures(&text[..hit.range.start]) {
                    if let (Some(all), Some(place)) = (caps.get(0), caps.get(1)) {
                        let form = &text[hit.range.clone()];
                        let form = form.strip_prefix("国家").unwrap_or(form);
                        let name = format!("{}{form}", place.as_str());
                        let level = self
                            .levels
                            .of_name(&name, context)
                            .unwrap_or(PolicyLevel::Unknown);
                        policies.push(named::named(
                            &name,
                            PolicyKind::Document,
                            level,
                            &self.table,
                        ));
                        range.start = all.start();
                    }
                }
            }
            candidates.push(Candidate::policies(range, policies, 2));
        }
        let scan = Scan {
            text,
            found: words,
            context,
            table: &self.table,
            levels: &self.levels,
            words: &self.words,
            open: self.gates.open(words),
        };
        party::find(&scan, &mut candidates);
        meeting::find(&scan, &mut candidates);
        named::find(&scan, &mut candidates);
        title::find(&scan, &mut candidates);
        self.cited.find(&scan, &mut candidates);
        // A ministry's plan cites nothing below the centre: a document whose level
        // its name does not tell is central there (教育部 plans in the gold). Asked
        // only when such a document is found.
        let mut central_issuer = None;
        for candidate in resolve(candidates) {
            match candidate.outcome {
                Outcome::Policies(mut policies) => {
                    for policy in &mut policies {
                        policy.date = self
                            .table
                            .lookup(&policy.name)
                            .and_then(|entry| entry.date_in(context.year));
                        if policy.level == PolicyLevel::Unknown
                            && *central_issuer.get_or_insert_with(|| {
                                self.levels.issuer_level(context) == Some(PolicyLevel::Central)
                            })
                        {
                            policy.level = PolicyLevel::Central;
                        }
                    }
                    found
                        .policies
                        .extend(policies.into_iter().map(|entity| Hit {
                            range: candidate.range.clone(),
                            entity,
                        }))
                }
                Outcome::Drafted(name) => {
                    found.initiatives.push(Hit {
                        range: candidate.range,
                        entity: InitiativeRef {
                            key: name_key(&name),
                            name: name.clone(),
                            drafted: true,
                            evidence: Vec::new(),
                        },
                    });
                    found.produces.push(name);
                }
                Outcome::Nothing => {}
            }
        }
    }
}

/// The leftmost-longest candidates that do not overlap, in text order.
fn resolve(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
            .then(b.priority.cmp(&a.priority))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    let mut end = 0;
    for candidate in candidates {
        if candidate.range.start >= end {
            end = candidate.range.end;
            kept.push(candidate);
        }
    }
    kept
}

#[cfg(test)]
mod tests;
