//! The words around a mention that say how the plan relates to it (cites it, will
//! draft it, will hold it), and the genre words that end a policy document's title
//! (data/gazetteer/policy_words.tsv).

use std::ops::Range;

use plankg_model::PolicyKind;

use super::super::literal::StartWords;
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;

/// The gazetteer file this module reads.
const FILE: &str = "policy_words.tsv";

/// How far back (in characters) a governing verb is looked for.
const LOOK_BACK: usize = 30;

/// How the plan relates to a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stance {
    /// Studied, implemented, followed (贯彻、落实、按照、根据 …).
    Cite,
    /// To be drafted or issued by the plan itself (研究制定、研制、出台、修订 …).
    Draft,
    /// A meeting the plan will hold (召开、举办).
    Hold,
    /// No governing word in the clause.
    Unmarked,
}

/// The word lists.
#[derive(Debug)]
pub(crate) struct Words {
    cite: Vec<String>,
    draft: Vec<String>,
    hold: Vec<String>,
    /// The cite, draft and hold words in that order, indexed by first character.
    governing: StartWords,
    /// The stance of each word of `governing`.
    governing_stance: Vec<Stance>,
    genres: Vec<String>,
    own: Vec<String>,
    stop: Vec<String>,
    stop_part: Vec<String>,
    counted: Vec<String>,
    law_stop: Vec<String>,
    bare_genres: Vec<String>,
    scope_stop: Vec<String>,
    own_body: Vec<String>,
    hold_after: Vec<String>,
}

impl Words {
    /// Reads policy_words.tsv.
    ///
    /// # Errors
    /// [`GazetteerError`] naming file and line of a row with an unknown role.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut words = Self {
            cite: Vec::new(),
            draft: Vec::new(),
            hold: Vec::new(),
            governing: StartWords::default(),
            governing_stance: Vec::new(),
            genres: Vec::new(),
            own: Vec::new(),
            stop: Vec::new(),
            stop_part: Vec::new(),
            counted: Vec::new(),
            law_stop: Vec::new(),
            bare_genres: Vec::new(),
            scope_stop: Vec::new(),
            own_body: Vec::new(),
            hold_after: Vec::new(),
        };
        for row in gazetteer.rows(FILE, 2)? {
            let list = match row.field(1) {
                "cite" => &mut words.cite,
                "draft" => &mut words.draft,
                "hold" => &mut words.hold,
                "genre" => &mut words.genres,
                "own" => &mut words.own,
                "stop" => &mut words.stop,
                "stop_part" => &mut words.stop_part,
                "counted" => &mut words.counted,
                "law_stop" => &mut words.law_stop,
                "bare_genre" => &mut words.bare_genres,
                "scope_stop" => &mut words.scope_stop,
                "own_body" => &mut words.own_body,
                "hold_after" => &mut words.hold_after,
                other => return Err(row.error(FILE, format!("unknown role {other:?}"))),
            };
            list.push(row.field(0).to_owned());
        }
        let mut governing = Vec::new();
        for (list, stance) in [
            (&words.cite, Stance::Cite),
            (&words.draft, Stance::Draft),
            (&words.hold, Stance::Hold),
        ] {
            governing.extend(list.iter().cloned());
            words
                .governing_stance
                .extend(std::iter::repeat_n(stance, list.len()));
        }
        words.governing = StartWords::new(governing);
        Ok(words)
    }

    /// The stance of the clause around `text[start..end]`: the governing word
    /// nearest before the mention within its clause wins; a draft word right after
    /// it ("《…》编制工作") makes it a draft, a hold word right after it ("党的十八大
    /// 召开之年") a meeting held, not cited; a draft word followed by 的 ("印发的《…》")
    /// names a document issued already: cited.
    pub(crate) fn stance(&self, text: &str, start: usize, end: usize) -> Stance {
        let after = text.get(end..).unwrap_or("");
        let after = after.strip_prefix('的').unwrap_or(after);
        if self.draft.iter().any(|w| after.starts_with(w.as_str())) {
            return Stance::Draft;
        }
        if self
            .hold_after
            .iter()
            .any(|w| after.starts_with(w.as_str()))
        {
            return Stance::Hold;
        }
        let before = clause_before(text, start);
        // The governing word that ends last; among words ending at one place, the
        // first of the lists (cite, draft, hold). Every occurrence counts: no word
        // overlaps itself (a test checks it), so all of them are what a search for
        // each word would find.
        let mut best: Option<(usize, usize)> = None;
        for (pos, _) in before.char_indices() {
            let rest = &before[pos..];
            for index in self.governing.all(rest) {
                let word_end = pos + self.governing.word(index).map_or(0, str::len);
                let better = best.is_none_or(|(end, best_index)| {
                    word_end > end || (word_end == end && index < best_index)
                });
                // A word inside an earlier title ("《终身学习法》") governs nothing.
                if better && outside_titles(before, pos) {
                    best = Some((word_end, index));
                }
            }
        }
        let stance = best
            .and_then(|(_, index)| self.governing_stance.get(index).copied())
            .unwrap_or(Stance::Unmarked);
        // "省教育厅印发的《…》", "新修订的《…》": a draft word made an adjective by 的
        // names a document already issued, which the plan cites.
        match best {
            Some((word_end, _))
                if stance == Stance::Draft && before[word_end..].starts_with('的') =>
            {
                Stance::Cite
            }
            _ => stance,
        }
    }

    /// Whether `title` ends with a genre word of policy documents (意见, 办法, 纲要 …),
    /// a trailing parenthesis such as "(2017-2020年)" aside.
    pub(crate) fn is_policy_title(&self, title: &str) -> bool {
        let core = strip_parenthesis(title);
        self.genres.iter().any(|g| core.ends_with(g.as_str()))
    }

    /// Whether `title` is a bare kind of document with at most two characters
    /// before it (实施意见, 指导意见, 工作方案, 发展规划): no title of its own.
    pub(crate) fn is_bare_kind(&self, title: &str) -> bool {
        self.bare_genres.iter().any(|genre| {
            title
                .strip_suffix(genre.as_str())
                .is_some_and(|before| before.chars().count() <= 2)
        })
    }

    /// Whether `title` is a law (…法): laws are made by the centre.
    pub(crate) fn is_law(&self, title: &str) -> bool {
        title.ends_with('法') && !title.ends_with("办法") && !title.ends_with("方法")
    }

    /// Whether `title` names a plan of the issuer's own kind (工作要点, 工作计划 …).
    pub(crate) fn is_own_genre(&self, title: &str) -> bool {
        let core = strip_parenthesis(title);
        self.own.iter().any(|g| core.ends_with(g.as_str()))
    }

    /// Whether the issuer names itself in the clause before byte `start` of `text`
    /// (落实本局《…》, 按照我校制定的《…》): what follows is its own document.
    pub(crate) fn follows_own_body(&self, text: &str, start: usize) -> bool {
        let clause = clause_before(text, start);
        self.own_body.iter().any(|w| clause.contains(w.as_str()))
    }

    /// Whether a pattern-found name is a generic phrase or the issuer's own aim
    /// ("国家战略", "学校主动发展战略"), not a policy.
    pub(crate) fn is_stopped(&self, name: &str) -> bool {
        self.stop.iter().any(|s| s == name)
            || self.stop_part.iter().any(|s| name.contains(s.as_str()))
    }

    /// Whether a gazetteer match at `range` is part of a longer word: a bare
    /// congress form followed by a counted noun ("十二大工程"), or a law's name
    /// followed by what makes it a common noun ("教育法制", "教育法治").
    pub(crate) fn is_count(&self, text: &str, range: &Range<usize>, kind: PolicyKind) -> bool {
        let mention = text.get(range.clone()).unwrap_or("");
        let after = text.get(range.end..).unwrap_or("");
        if kind == PolicyKind::Document && mention.ends_with('法') {
            return self.law_stop.iter().any(|w| after.starts_with(w.as_str()));
        }
        kind == PolicyKind::Congress
            && mention.ends_with('大')
            && !mention.starts_with("党的")
            && !mention.starts_with("中共")
            && self.counted.iter().any(|w| after.starts_with(w.as_str()))
    }

    /// Whether `c` before a one-character scope (市, 区 …) makes the scope part of
    /// another word (地区, 城市).
    pub(crate) fn is_scope_stop(&self, c: char) -> bool {
        self.scope_stop
            .iter()
            .any(|w| w.starts_with(c) && w.chars().count() == 1)
    }

    /// The cite words.
    pub(crate) fn cite_words(&self) -> &[String] {
        &self.cite
    }

    /// The genre words that end a document's name cited without title marks.
    pub(crate) fn bare_genres(&self) -> &[String] {
        &self.bare_genres
    }

    /// The part of `clause` after its last cite word.
    pub(crate) fn after_last_cite<'a>(&self, clause: &'a str) -> &'a str {
        after_last(&self.cite, clause)
    }

    /// The part of `clause` after its last draft word ("编制全省教育事业" → "全省教育
    /// 事业"), when it holds one.
    pub(crate) fn after_last_draft<'a>(&self, clause: &'a str) -> Option<&'a str> {
        let rest = after_last(&self.draft, clause);
        (rest.len() < clause.len()).then_some(rest)
    }
}

/// The part of `clause` after the last of `words` in it, or the whole clause.
fn after_last<'a>(words: &[String], clause: &'a str) -> &'a str {
    let cut = words
        .iter()
        .filter_map(|w| clause.rfind(w.as_str()).map(|p| p + w.len()))
        .max()
        .unwrap_or(0);
    clause.get(cut..).unwrap_or(clause)
}

/// Whether byte `pos` of `text` lies outside every 《…》.
fn outside_titles(text: &str, pos: usize) -> bool {
    let head = text.get(..pos).unwrap_or("");
    head.matches('《').count() <= head.matches('》').count()
}

/// `title` without a trailing "(…)".
pub(crate) fn strip_parenthesis(title: &str) -> &str {
    if title.ends_with(')') {
        if let Some(open) = title.rfind('(') {
            return title.get(..open).unwrap_or(title);
        }
    }
    title
}

/// The text of the clause before byte `start`: back to the last sentence or clause
/// mark, at most [`LOOK_BACK`] characters outside titles (a list of titles after
/// one verb, "审议通过《…》《…》《…》", keeps the verb in reach of the last).
pub(crate) fn clause_before(text: &str, start: usize) -> &str {
    let head = text.get(..start).unwrap_or("");
    let mut from = head.len();
    let mut counted = 0;
    let mut depth = 0usize;
    for (i, c) in head.char_indices().rev() {
        match c {
            '》' => depth += 1,
            '《' => depth = depth.saturating_sub(1),
            '。' | ';' | '!' | '?' | ',' | ':' if depth == 0 => return &head[i + c.len_utf8()..],
            _ if depth == 0 => {
                counted += 1;
                if counted > LOOK_BACK {
                    break;
                }
            }
            _ => {}
        }
        from = i;
    }
    head.get(from..).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        Words::new(&Gazetteer::embedded()).unwrap()
    }

    #[test]
    fn no_governing_word_overlaps_itself() {
        let words = words();
        for word in words.cite.iter().chain(&words.draft).chain(&words.hold) {
            for (at, _) in word.char_indices().skip(1) {
                assert!(!word.starts_with(&word[at..]), "{word} overlaps itself");
            }
        }
    }

    #[test]
    fn the_nearest_word_decides() {
        let words = words();
        let text = "按照《中国教育现代化2035》的要求,研究制定《嘉兴教育现代化2035》";
        let first = text.find('《').unwrap();
        assert_eq!(words.stance(text, first, first + 3), Stance::Cite);
        let second = text.rfind('《').unwrap();
        assert_eq!(words.stance(text, second, text.len()), Stance::Draft);
        let text = "加快起草、修订《学校法》、《终身学习法》";
        let last = text.rfind('《').unwrap();
        assert_eq!(words.stance(text, last, text.len()), Stance::Draft);
        let text = "加快起草、修订《学校法》、《终身学习法》、《职业教育法》";
        let last = text.rfind('《').unwrap();
        assert_eq!(words.stance(text, last, text.len()), Stance::Draft);
        let text = "组织召开全市教育工作会议";
        assert_eq!(
            words.stance(text, text.find('全').unwrap(), text.len()),
            Stance::Hold
        );
    }

    #[test]
    fn genres_tell_policy_titles() {
        let words = words();
        assert!(words.is_policy_title("嘉兴教育全面接轨上海行动计划(2017—2020年)"));
        assert!(words.is_policy_title("中小学德育工作指南"));
        assert!(!words.is_policy_title("友好合作交流备忘录"));
        assert!(words.is_own_genre("2021年区教育局工作要点"));
    }
}
