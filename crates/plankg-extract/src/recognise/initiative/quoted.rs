//! Quoted names ("县管校聘", “最多跑一次”): which quotations name a programme.
//! ANNOTATION.md lists quoted programme names as initiatives and leaves out slogans
//! that are not programmes; a quotation is dropped when it is a known slogan, a
//! five-year plan ("十三五"), a manner word (授权式, 游戏化, 双师型), or when the word
//! after it shows a principle or mechanism ("…"的原则, "…"机制).

use std::ops::Range;

use super::super::literal::StartWords;
use super::names::{self, NameBoundaries};

/// The longest quotation read as a name, in characters.
const MAX_QUOTE: usize = 30;
/// The most characters between a quotation and the suffix that makes it part of a
/// longer name ("新优质学校"培育和创建工程).
const MAX_TAIL: usize = 12;
/// Endings of manner words, which describe and do not name (授权式, 游戏化, 双师型).
const MANNER_ENDINGS: &[char] = &['式', '化', '型', '性'];

/// Decides which quotations are names of initiatives.
#[derive(Debug)]
pub(super) struct QuoteFilter {
    /// Quoted slogans that are no programme.
    stop: Vec<String>,
    /// Words after a quotation that show it is no programme.
    followers: StartWords,
    /// Suffixes of programme names: a quoted number takes the suffix after it
    /// ("5621"计划 → 5621计划). Longest first.
    suffixes: StartWords,
    /// Words that stop a name (开展, 和 …).
    boundaries: NameBoundaries,
}

impl QuoteFilter {
    /// A filter from the stoplist's quote and follower rows and the name suffixes.
    pub(super) fn new(
        stop: Vec<String>,
        followers: Vec<String>,
        mut suffixes: Vec<String>,
        boundaries: NameBoundaries,
    ) -> Self {
        suffixes.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        Self {
            stop,
            followers: StartWords::new(followers),
            suffixes: StartWords::new(suffixes),
            boundaries,
        }
    }

    /// The words between a quotation ending at `from` and a suffix that closes a
    /// longer name with it ("对标争先"计划, "薄弱学校"助力行动), with the suffix.
    fn tail<'a>(&self, text: &'a str, from: usize) -> Option<&'a str> {
        let mut pos = from;
        for _ in 0..=MAX_TAIL {
            // "千校结好"等工程: 等 closes a list, the suffix names its kind.
            if pos > from
                && (self.boundaries.ends_with_word(&text[from..pos])
                    || text[from..pos].ends_with('等'))
            {
                return None;
            }
            let rest = &text[pos..];
            if let Some(suffix) = self.suffixes.first_word(rest) {
                return Some(&text[from..pos + suffix.len()]);
            }
            let ch = rest.chars().next()?;
            if !names::is_han(ch) {
                return None;
            }
            pos += ch.len_utf8();
        }
        None
    }

    /// The names of the quotations of `text` that name programmes, with the byte
    /// range of each mention (quotes included).
    pub(super) fn names(&self, text: &str) -> Vec<(String, Range<usize>)> {
        let mut out = Vec::new();
        for quote in quotations(text) {
            let content = text[quote.content.clone()].trim();
            let after = &text[quote.outer.end..];
            if content.chars().count() > MAX_QUOTE
                || text[..quote.outer.start].ends_with('《')
                || self.stop.iter().any(|s| s == content)
                || is_five_year_plan(content)
                || content.ends_with(MANNER_ENDINGS)
            {
                continue;
            }
            let tail = self.tail(text, quote.outer.end);
            // A suffix after the quotation names a programme ("1+X"制度试点) even
            // where the word after it alone would not (制).
            if tail.is_none() && self.followers.first(after).is_some() {
                continue;
            }
            let han = content.chars().filter(|c| names::is_han(*c)).count();
            match tail {
                Some(tail) if han >= 2 || content.chars().any(|c| c.is_ascii_digit()) => {
                    out.push((
                        format!("{content}{tail}"),
                        quote.outer.start..quote.outer.end + tail.len(),
                    ));
                }
                // "5621"计划: a number names a programme only with its suffix.
                None if han >= 2 => out.push((content.to_owned(), quote.outer.clone())),
                _ => {}
            }
        }
        out
    }
}

/// One quotation: the range with its quote marks and the range of its content.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Quotation {
    /// The quotation with its quote marks.
    outer: Range<usize>,
    /// The words between the quote marks.
    content: Range<usize>,
}

/// The quotations of `text`: “…” pairs, and "…" pairs of straight quotes (which
/// open and close in turn).
fn quotations(text: &str) -> Vec<Quotation> {
    let mut out = Vec::new();
    if !text.contains('"') && !text.contains('“') {
        return out;
    }
    let mut curly: Option<usize> = None;
    let mut straight: Option<usize> = None;
    for (i, ch) in text.char_indices() {
        match ch {
            '“' => curly = Some(i),
            '”' => {
                if let Some(start) = curly.take() {
                    out.push(Quotation {
                        outer: start..i + ch.len_utf8(),
                        content: start + '“'.len_utf8()..i,
                    });
                }
            }
            '"' => match straight.take() {
                Some(start) => out.push(Quotation {
                    outer: start..i + 1,
                    content: start + 1..i,
                }),
                None => straight = Some(i),
            },
            _ => {}
        }
    }
    out.sort_by_key(|q| q.outer.start);
    out
}

/// Whether `content` is a five-year plan (十五, 十一五 … 十五五), a policy.
fn is_five_year_plan(content: &str) -> bool {
    let chars: Vec<char> = content.chars().collect();
    matches!(chars.as_slice(), ['十', _, '五'] | ['十', '五'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter() -> QuoteFilter {
        let boundaries = NameBoundaries::new(
            &crate::gazetteer::Gazetteer::embedded(),
            &["initiative_boundaries.txt"],
        )
        .unwrap();
        QuoteFilter::new(
            vec!["四个意识".into()],
            vec!["的".into()],
            vec!["计划".into()],
            boundaries,
        )
    }

    #[test]
    fn programmes_are_kept_and_slogans_dropped() {
        let names: Vec<String> = filter()
            .names("推进“县管校聘”,增强“四个意识”,坚持“整体规划”的原则,“十三五”,“授权式”管理,\"5621\"计划,\"321\"愿景")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["县管校聘", "5621计划"]);
    }
}
