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
/// How many characters after a quotation may hold the word that makes it a
/// programme ("海之声"中小学生合唱比赛).
const CUE_WINDOW: usize = 8;
/// Endings of manner words, which describe and do not name (授权式, 游戏化, 双师型).
const MANNER_ENDINGS: &[char] = &['式', '化', '型', '性'];

/// Words around a quotation that show it names a programme (initiative_cues.tsv).
#[derive(Debug, Default)]
pub(super) struct Cues {
    /// Verbs right before the opening quote (实施, 开展).
    pub(super) before: Vec<String>,
    /// Words right after the closing quote (建设, 改革).
    pub(super) after: Vec<String>,
    /// Words after the closing quote that make one quotation a programme but are too
    /// general to make a row of phrases one ("安全、规范、落实、育人"工作准则).
    pub(super) general_after: Vec<String>,
    /// Ends of honour titles a campaign awards (少年 of 最美南粤少年).
    pub(super) titles: Vec<String>,
}

/// Decides which quotations are names of initiatives.
#[derive(Debug)]
pub(super) struct QuoteFilter {
    /// Words around a quotation that show it names a programme.
    cues: Cues,
    /// The suffixes as a list, longest first.
    suffix_list: Vec<String>,
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
        cues: Cues,
    ) -> Self {
        suffixes.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        Self {
            cues,
            suffix_list: suffixes.clone(),
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
        let quotes = quotations(text);
        let series = series_of(text, &quotes);
        for (index, quote) in quotes.iter().enumerate() {
            let quote = quote.clone();
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
                // "5621"计划: a number names a programme only with its suffix; a
                // quotation without one, only where a cue shows it is a programme.
                // A row of short phrases is a slogan ("转作风、提效能、促发展", "建一
                // 所、优一所"), unless a suffix or cue right after it ("…"活动, "不忘初
                // 心、牢记使命"主题教育) or a verb before it
                // (开展“大学习、深调研、真落实”) makes it a campaign.
                None if is_parallel_slogan(content)
                    && !self.started(text, &quote)
                    && !self
                        .cues
                        .after
                        .iter()
                        .any(|w| after.starts_with(w.as_str())) => {}
                None if han >= 2 && self.series_names_programmes(text, &quotes, &series[index]) => {
                    out.push((content.to_owned(), quote.outer.clone()));
                }
                _ => {}
            }
        }
        out
    }
}

impl QuoteFilter {
    /// Whether the quotations of a series (one quotation, or several written one
    /// after the other: 以“百个初心地”“百份初心情”为载体) name programmes: one of them
    /// does by its own words, a verb starts the series, a word after it makes them
    /// programmes, or 以 … 为 introduces them as a programme's vehicles.
    fn series_names_programmes(
        &self,
        text: &str,
        quotes: &[Quotation],
        series: &Range<usize>,
    ) -> bool {
        let (Some(first), Some(last)) = (quotes.get(series.start), quotes.get(series.end - 1))
        else {
            return false;
        };
        let vehicles =
            text[..first.outer.start].ends_with('以') && text[last.outer.end..].starts_with('为');
        let own = |q: &Quotation| self.names_programme(text, q, text[q.content.clone()].trim());
        vehicles || quotes[series.clone()].iter().any(own)
    }

    /// Whether a verb that starts a programme comes right before the quotation.
    fn started(&self, text: &str, quote: &Quotation) -> bool {
        let before = &text[..quote.outer.start];
        self.cues
            .before
            .iter()
            .any(|verb| before.ends_with(verb.as_str()))
    }

    /// Whether a quotation with no suffix after it names a programme: it ends with
    /// a programme's suffix itself ("国培计划") or is an honour title ("最美南粤少年"), a verb that starts a programme
    /// comes right before it (实施“县管校聘”, also after a degree word: 深入开展“…”),
    /// or a word that makes it one in the few words after it ("三通两平台"建设,
    /// "四有好教师"团队建设, "千校结好"等工程).
    fn names_programme(&self, text: &str, quote: &Quotation, content: &str) -> bool {
        let ends_with = |words: &[String]| words.iter().any(|w| content.ends_with(w.as_str()));
        if ends_with(&self.suffix_list) || ends_with(&self.cues.titles) {
            return true;
        }
        let after = &text[quote.outer.end..];
        // "千校结好"等工程: one of a list of programmes of that kind.
        let listed = after.strip_prefix('等').is_some_and(|rest| {
            let head: String = rest.chars().take(6).collect();
            self.suffix_list
                .iter()
                .any(|suffix| head.contains(suffix.as_str()))
        });
        // The words after it up to the clause's end, a few at most: "四有好教师"团
        // 队建设, "海之声"中小学生合唱比赛.
        let clause: String = after
            .chars()
            .take_while(|c| names::is_han(*c))
            .take(CUE_WINDOW)
            .collect();
        listed
            || self.started(text, quote)
            || self
                .cues
                .after
                .iter()
                .chain(&self.cues.general_after)
                .any(|word| clause.contains(word.as_str()))
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

/// For each quotation, the range (in `quotes`) of the series it belongs to:
/// quotations written one after the other or joined by 、, 和, 与 or 及.
fn series_of(text: &str, quotes: &[Quotation]) -> Vec<Range<usize>> {
    let mut starts = Vec::with_capacity(quotes.len());
    for (index, quote) in quotes.iter().enumerate() {
        let joined = index > 0 && {
            let previous = &quotes[index - 1];
            previous.outer.end <= quote.outer.start
                && matches!(
                    &text[previous.outer.end..quote.outer.start],
                    "" | "、" | "和" | "与" | "及"
                )
        };
        starts.push(if joined { starts[index - 1] } else { index });
    }
    let mut out = Vec::with_capacity(quotes.len());
    for (index, start) in starts.iter().enumerate() {
        let end = (index..quotes.len())
            .take_while(|&i| starts[i] == *start)
            .last()
            .map_or(index + 1, |i| i + 1);
        out.push(*start..end);
    }
    out
}

/// Whether `content` is two short phrases or more in a row, separated by 、 or
/// commas ("快乐德育、人文智育、阳光体育", "建一所、优一所", "推进幸福教育,奠基美好
/// 人生").
fn is_parallel_slogan(content: &str) -> bool {
    let parts: Vec<&str> = content.split(['、', ',', '，']).collect();
    parts.len() >= 2 && parts.iter().all(|p| (2..=6).contains(&p.chars().count()))
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
            Cues {
                before: vec!["推进".into(), "开展".into()],
                after: vec!["建设".into()],
                general_after: Vec::new(),
                titles: vec!["少年".into()],
            },
        )
    }

    /// The names the filter keeps in `text`.
    fn quoted(text: &str) -> Vec<String> {
        filter().names(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn programmes_are_kept_and_slogans_dropped() {
        assert_eq!(
            quoted("推进“县管校聘”,增强“四个意识”,坚持“整体规划”的原则,“十三五”,“授权式”管理,\"5621\"计划,\"321\"愿景"), ["县管校聘", "5621计划"]);
        // Real sentences of the pool: slogans have no cue, programmes one.
        assert_eq!(
            quoted("实现“三个新突破”,打通“最后一公里”,深入开展“大学习、深调研、真落实”,推进“三通两平台”建设"), ["大学习、深调研、真落实", "三通两平台"]);
        // Parallel phrases are a slogan unless a suffix names them a programme.
        assert_eq!(
            quoted("坚持“快乐德育、人文智育、阳光体育”,开展“转作风、提效能、促发展”计划"),
            ["转作风、提效能、促发展计划"]
        );
        // Pool: two phrases are a slogan too.
        assert!(quoted("按照“建一所、优一所”打造区域品牌学校").is_empty());
        // A series of quotations shares its cue.
        assert_eq!(
            quoted("以“百个初心地”“百份初心情”为载体,推进“初中互动发展联合体”和“小学伙伴”建设"),
            ["百个初心地", "百份初心情", "初中互动发展联合体", "小学伙伴"]
        );
    }
}
