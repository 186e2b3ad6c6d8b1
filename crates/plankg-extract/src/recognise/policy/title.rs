//! Titles in 《》 (ANNOTATION.md, kind `document`): a cited title is a policy, a
//! title the plan will draft is an output (an initiative), the issuer's own
//! documents are neither. The level comes from the body named before the title
//! (市政府《…》, 教育部、国家语委《…》) or from the title itself.

use std::sync::LazyLock;

use plankg_model::{PolicyKind, PolicyLevel};
use regex::Regex;

use super::super::Context;
use super::gate::Gate;
use super::named::named;
use super::words::{clause_before, strip_parenthesis, Stance, Words};
use super::{Candidate, Scan};

/// A title in 《》 on one line.
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"《([^《》]{1,80})》").unwrap_or_else(|err| unreachable!("{err}"))
});

/// "十四五" and the like: a title naming one is a five-year plan.
static FIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"十[一二三四五]五|五年规划").unwrap_or_else(|err| unreachable!("{err}"))
});

/// The issuing body right before a title: a run of Han characters and 、 ending in a
/// body word (…政府, …厅, …部, …委, …中央, 国务院 …), after the last verb.
static ISSUING_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:\p{Han}{1,12}?(?:政府|厅|部|委|局|中央|国务院|办公厅|语委)、?)+)(?:下发的|印发的|颁布的|出台的|新修订的|的)?$")
        .unwrap_or_else(|err| unreachable!("{err}"))
});

/// A document made for the title before it ("《实施意见》分工方案", "《…》实施细则").
static DERIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:分工方案|实施方案|实施细则|工作方案|任务清单|责任清单|任务分工)")
        .unwrap_or_else(|err| unreachable!("{err}"))
});

/// The verbs by which a body issues a title ("会后,省政府印发了《…》").
const ISSUING_VERBS: [&str; 4] = ["印发", "颁布", "出台", "下发"];

/// Whether the title at `start` is issued by a body other than the plan's issuer (a
/// school's or a department's summary: "省政府印发了《…》"): a document to cite,
/// not one the plan issues. The issuer naming itself (我厅, 本局, its own name)
/// issues its own.
fn issued_by_another(text: &str, start: usize, context: &Context<'_>) -> bool {
    let clause = clause_before(text, start);
    let clause = clause.strip_suffix('了').unwrap_or(clause);
    let Some(before_verb) = ISSUING_VERBS.iter().find_map(|v| clause.strip_suffix(v)) else {
        return false;
    };
    let before_verb = before_verb.strip_suffix("联合").unwrap_or(before_verb);
    let Some(body) = ISSUING_BODY
        .captures(before_verb)
        .and_then(|caps| caps.get(1))
        .map(|m| m.as_str())
    else {
        return false;
    };
    let own = body.starts_with(['我', '本'])
        || context
            .issuer
            .is_some_and(|issuer| issuer.contains(body) || body.contains(issuer));
    !own
}

/// Finds titles and decides what each one is.
pub(crate) fn find(scan: &Scan<'_>, out: &mut Vec<Candidate>) {
    let Scan {
        text,
        context,
        table,
        levels,
        words,
        open,
        ..
    } = *scan;
    if !open.has(Gate::Title) {
        return;
    }
    for caps in TITLE.captures_iter(text) {
        let (Some(all), Some(inner)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        // Scraped pages wrap lines inside titles ("《职业教育\n法》").
        let written: String = inner
            .as_str()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let title = written.as_str();
        if is_own(title, context, words) || words.follows_own_body(text, all.start()) {
            out.push(Candidate::nothing(all.range()));
            continue;
        }
        // "(以下简称《要点》)": the short name of the title before, nothing of its own.
        if text[..all.start()].ends_with("简称") || text[..all.start()].ends_with("简称为") {
            out.push(Candidate::nothing(all.range()));
            continue;
        }
        if words.stance(text, all.start(), all.end()) == Stance::Draft
            && !issued_by_another(text, all.start(), context)
        {
            // "制定《实施意见》分工方案": a document made for the title is the output.
            let tail = DERIVED.find(&text[all.end()..]).map_or("", |m| m.as_str());
            let drafted = format!("{title}{tail}");
            out.push(Candidate::drafted(
                all.start()..all.end() + tail.len(),
                &drafted,
            ));
            continue;
        }
        if let Some(entry) = table
            .lookup(title)
            .or_else(|| table.lookup(strip_parenthesis(title)))
        {
            let policy = named(&entry.name, entry.kind, entry.level, table);
            out.push(Candidate::policies(all.range(), vec![policy], 3));
            continue;
        }
        // "《守则》和《规范》": abbreviations of titles cited in full nearby; "《实施
        // 意见》": a kind of document and at most two words more names none.
        if title.chars().count() < 4 || !words.is_policy_title(title) || words.is_bare_kind(title) {
            out.push(Candidate::nothing(all.range()));
            continue;
        }
        let kind = if FIVE_YEAR.is_match(title) {
            PolicyKind::FiveYearPlan
        } else {
            PolicyKind::Document
        };
        let body = issuing_body(text, all.start(), words);
        let level = body
            .and_then(|b| levels.of_name(b, context))
            .or_else(|| levels.of_name(title, context))
            .or_else(|| words.is_law(title).then_some(PolicyLevel::Central))
            .unwrap_or(PolicyLevel::Unknown);
        let policy = named(title, kind, level, table);
        out.push(Candidate::policies(all.range(), vec![policy], 3));
    }
}

/// Whether the title is one of the issuer's own documents: it names the issuer
/// ("关于进一步加强师市教育局…的通知" in a 市教育局 plan) or is a plan of the same
/// genre (《2021年区教育局工作要点》), or the notice that wraps one.
fn is_own(title: &str, context: &Context<'_>, words: &Words) -> bool {
    // The notice that wraps the plan ("关于印发2017年工作要点的通知") is the plan.
    let wrapped = title
        .strip_prefix("关于印发")
        .and_then(|t| t.strip_suffix("的通知"))
        .unwrap_or(title);
    if words.is_own_genre(title) || words.is_own_genre(wrapped) {
        return true;
    }
    context.issuer.is_some_and(|issuer| {
        issuer
            .split([' ', '、'])
            .filter(|body| body.chars().count() >= 3)
            .any(|body| title.contains(body))
    })
}

/// The issuing body written right before the title, if any.
fn issuing_body<'a>(text: &'a str, start: usize, words: &Words) -> Option<&'a str> {
    let clause = clause_before(text, start);
    let tail = words.after_last_cite(clause);
    ISSUING_BODY
        .captures(tail)
        .and_then(|caps| caps.get(1))
        .map(|m| m.as_str())
}
