//! Recognisers of the six entity categories of ANNOTATION.md. Each module owns one
//! category; this module only declares them and runs them over one piece of text.

mod initiative;
mod organization;
mod policy;
mod school;
mod target;
mod text;
mod unit;

use text::{cover, lexicon, literal, names, segment};

pub(crate) use cover::Cover;
pub(crate) use literal::sentence_around;
pub(crate) use names::{numbered_school_full, NameBoundaries, BOUNDARIES_FILE, VERBS_FILE};
pub(crate) use policy::name_key;
pub(crate) use school::GENERIC_FILE as SCHOOL_GENERIC_FILE;
pub(crate) use unit::{unit_names, LONGEST_UNIT};

use std::ops::Range;
use std::sync::Arc;

use plankg_model::{InitiativeRef, OrganizationRef, PolicyRef, SchoolRef, TargetRef, UnitRef};

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::places::Places;
use lexicon::{Lexicon, LexiconBuilder, Occurrences};

/// What is known about the document a text belongs to.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context<'a> {
    /// The plan's issuer as written (not itself an organization or school).
    pub(crate) issuer: Option<&'a str>,
    /// The plan's region, when named.
    pub(crate) region: Option<&'a str>,
    /// The plan's year, when known.
    pub(crate) year: Option<i32>,
}

/// One entity found in a text, with the byte range of its mention in that text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit<T> {
    /// Byte range of the mention in the text given to the recogniser.
    pub(crate) range: Range<usize>,
    /// The entity (its `evidence` is filled in by the caller).
    pub(crate) entity: T,
}

/// Everything found in one text (a task, a heading, a preamble paragraph).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Found {
    pub(crate) policies: Vec<Hit<PolicyRef>>,
    pub(crate) units: Vec<Hit<UnitRef>>,
    pub(crate) organizations: Vec<Hit<OrganizationRef>>,
    pub(crate) schools: Vec<Hit<SchoolRef>>,
    pub(crate) targets: Vec<Hit<TargetRef>>,
    pub(crate) initiatives: Vec<Hit<InitiativeRef>>,
    /// Names of documents the text says will be drafted.
    pub(crate) produces: Vec<String>,
}

impl Found {
    /// Adds what was found in a piece of a text that starts `offset` bytes into it.
    fn append_shifted(&mut self, piece: Self, offset: usize) {
        fn shift<T>(into: &mut Vec<Hit<T>>, hits: Vec<Hit<T>>, offset: usize) {
            into.extend(hits.into_iter().map(|hit| Hit {
                range: hit.range.start + offset..hit.range.end + offset,
                entity: hit.entity,
            }));
        }
        shift(&mut self.policies, piece.policies, offset);
        shift(&mut self.units, piece.units, offset);
        shift(&mut self.organizations, piece.organizations, offset);
        shift(&mut self.schools, piece.schools, offset);
        shift(&mut self.targets, piece.targets, offset);
        shift(&mut self.initiatives, piece.initiatives, offset);
        self.produces.extend(piece.produces);
    }
}

/// The longest text the recognisers read at once. A task is a paragraph, a few
/// kilobytes at most; a file of one endless line (a page saved without breaks, a
/// dump) is read in pieces of this size cut at sentence ends, since several
/// recognisers compare each mention with those found before it in the same text.
const MAX_PIECE: usize = 16 * 1024;

/// `text` cut into pieces of at most [`MAX_PIECE`] bytes (a longer sentence is cut
/// at a character boundary), each with its offset; a short text is one piece.
fn pieces(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > MAX_PIECE {
        let mut limit = start + MAX_PIECE;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let cut = window
            .rfind(['。', '；', '！', '？', '\n'])
            .map(|at| start + at + window[at..].chars().next().map_or(1, char::len_utf8))
            .filter(|&cut| cut > start)
            .unwrap_or(limit);
        out.push((start, &text[start..cut]));
        start = cut;
    }
    out.push((start, &text[start..]));
    out
}

/// One category's recogniser.
pub(crate) trait Recognise {
    /// Adds what it finds in `text` (whose lexicon words are `words`, and whose
    /// document is `context`) to `found`, which holds what the recognisers before
    /// it found there.
    fn find(&self, text: &str, words: &Occurrences, context: &Context<'_>, found: &mut Found);
}

/// All recognisers, built once from the gazetteer.
#[derive(Debug)]
pub(crate) struct Recognisers {
    /// The literal words of all of them, looked for in one pass per text.
    lexicon: Lexicon,
    policy: policy::PolicyRecogniser,
    unit: unit::UnitRecogniser,
    organization: organization::OrganizationRecogniser,
    school: school::SchoolRecogniser,
    target: target::TargetRecogniser,
    initiative: initiative::InitiativeRecogniser,
}

impl Recognisers {
    /// Builds every recogniser from its gazetteer files.
    pub(crate) fn new(gazetteer: &Gazetteer, places: Arc<Places>) -> Result<Self, GazetteerError> {
        // Place names are compiled once for the two recognisers that read them.
        let levels = Arc::new(policy::Levels::new(gazetteer, Arc::clone(&places))?);
        let mut lexicon = LexiconBuilder::default();
        let policy = policy::PolicyRecogniser::new(gazetteer, Arc::clone(&levels), &mut lexicon)?;
        let organization =
            organization::OrganizationRecogniser::new(gazetteer, levels, &mut lexicon)?;
        let school = school::SchoolRecogniser::new(gazetteer, &places, &mut lexicon)?;
        let initiative = initiative::InitiativeRecogniser::new(gazetteer, &mut lexicon)?;
        let target = target::TargetRecogniser::new(gazetteer, &mut lexicon)?;
        let unit = unit::UnitRecogniser::new(gazetteer, &mut lexicon)?;
        Ok(Self {
            lexicon: lexicon
                .build()
                .map_err(|err| GazetteerError::WordLists(err.to_string()))?,
            policy,
            unit,
            organization,
            school,
            target,
            initiative,
        })
    }

    /// Runs every recogniser over each of `texts` (the tasks of one document,
    /// normalised: simplified, full-width folded); what is found in each text, in
    /// order. Each recogniser reads what the ones before it found in the same text.
    /// One recogniser goes over all the texts before the next begins, so its
    /// automata stay in the processor's cache while it does (a document's tasks
    /// are a few kilobytes; all the recognisers' automata together are not).
    pub(crate) fn recognise_all(&self, texts: &[&str], context: &Context<'_>) -> Vec<Found> {
        // Each text's pieces (one for all but endless texts), recognised apart and
        // put together again below.
        let cut: Vec<Vec<(usize, &str)>> = texts.iter().map(|text| pieces(text)).collect();
        let texts: Vec<&str> = cut.iter().flatten().map(|(_, piece)| *piece).collect();
        let words: Vec<Occurrences> = texts.iter().map(|text| self.lexicon.scan(text)).collect();
        let mut found: Vec<Found> = texts.iter().map(|_| Found::default()).collect();
        // In this order: what policies cover is no organization, school
        // abbreviation, target or initiative of its own; units are no
        // organizations; drafted titles (found with the policies) are initiatives
        // already.
        let recognisers: [&dyn Recognise; 6] = [
            &self.policy,
            &self.unit,
            &self.organization,
            &self.school,
            &self.target,
            &self.initiative,
        ];
        for recogniser in recognisers {
            for ((text, words), found) in texts.iter().zip(&words).zip(found.iter_mut()) {
                recogniser.find(text, words, context, found);
            }
        }
        let mut found = found.into_iter();
        cut.iter()
            .map(|pieces| {
                // A text of one piece (all but endless ones) keeps what it found as
                // it is; only pieces after the first are shifted.
                let mut whole = found.next().unwrap_or_default();
                for (offset, _) in pieces.iter().skip(1) {
                    whole.append_shifted(found.next().unwrap_or_default(), *offset);
                }
                whole
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_text_is_cut_at_sentence_ends_and_a_short_one_is_whole() {
        assert_eq!(pieces("加强党的建设。"), [(0, "加强党的建设。")]);
        let sentence = "深入学习贯彻党的十九大精神，落实立德树人根本任务。";
        let text = sentence.repeat(2000);
        let cut = pieces(&text);
        assert!(cut.len() > 1);
        let mut next = 0;
        for (offset, piece) in &cut {
            assert_eq!(*offset, next);
            assert!(piece.len() <= MAX_PIECE);
            assert!(piece.ends_with('。'));
            next = offset + piece.len();
        }
        assert_eq!(next, text.len());
        // No sentence end at all: cut at character boundaries.
        let run = "教".repeat(20_000);
        let joined: String = pieces(&run).iter().map(|(_, p)| *p).collect();
        assert_eq!(joined, run);
    }
}
