//! Conferences whose spirit a plan implements (ANNOTATION.md, kind `meeting`):
//! 全国教育大会, 全省教育工作会议, 区学校德育工作会议, 市两会 (区“两会”), and the lists that share
//! one head ("全国、全省、全市教育大会", "全国农村教育、全国职业教育和全省教育工作会议").
//! A meeting the plan itself will hold (召开、举办) is not a policy.

use std::sync::LazyLock;

use plankg_model::{PolicyKind, PolicyLevel, PolicyRef};
use regex::Regex;

use super::super::Context;
use super::gate::Gate;
use super::level::Levels;
use super::named::named;
use super::table::PolicyTable;
use super::words::Stance;
use super::{Candidate, Scan};

/// Scope, modifier (no party-meeting words), head; preceded by list items, each a
/// scope with at most a field of education of its own ("全国农村教育、"): "省政府
/// 总体要求和全省教育大会" lists no meeting before the conference.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"((?:(?:全\s?[国省市区县]|省|市|区|县)(?:[\p{Han}--[委届次会、和及与]]{0,6}?教育)?\s*(?:、|和|及|与)\s*)*)(?:第\d+次)?(全\s?[国省市区县]|省|市|区|县)([\p{Han}--[委届次会、和及与]]{0,8}?)(工作会议|工作大会|教育大会|[“"]?两会[”"]?)"#,
    )
    .unwrap_or_else(|err| unreachable!("{err}"))
});

/// Words that say a conference was held, not what it is called.
const HELD: [&str; 4] = ["召开", "举行", "举办", "之先"];

/// Scopes that may follow another directly ("全国全省", "省市").
const SCOPES: [&str; 9] = [
    "全国", "全省", "全市", "全区", "全县", "省", "市", "区", "县",
];

/// Splits list items.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(全\s?[国省市区县]|省|市|区|县)([\p{Han}--[委届次会、和及与]]*?)\s*(?:、|和|及|与)",
    )
    .unwrap_or_else(|err| unreachable!("{err}"))
});

/// Finds meetings whose spirit is implemented.
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
    // Every conference ends with one of the gate's words.
    if !open.has(Gate::Meeting) {
        return;
    }
    for caps in MEETING.captures_iter(text) {
        let (Some(all), Some(items), Some(scope), Some(modifier), Some(head)) = (
            caps.get(0),
            caps.get(1),
            caps.get(2),
            caps.get(3),
            caps.get(4),
        ) else {
            continue;
        };
        // "全市之先召开教育大会", "区陆续举行年度教育工作会议": the words before the
        // conference say that it was held, they name none.
        if HELD.iter().any(|verb| modifier.as_str().contains(verb)) {
            continue;
        }
        // "全国全省全市教育大会", "省市教育工作会议", "全国和省市区教育工作会议":
        // scopes written together are one conference each (not "市区", "县区": a
        // word, unless a province's scope comes before it: 省市区 is three scopes).
        let mut more_scopes: Vec<&str> = Vec::new();
        let mut modifier_text = modifier.as_str();
        let after_province = matches!(scope.as_str(), "省" | "全省" | "全国");
        while let Some(word) = SCOPES.iter().find(|w| modifier_text.starts_with(**w)) {
            let rest = &modifier_text[word.len()..];
            if rest.starts_with(['级', '属', '直'])
                || (rest.starts_with(['区', '县']) && !after_province)
            {
                break;
            }
            more_scopes.push(word);
            modifier_text = rest;
        }
        let head = if head.as_str() == "教育大会" {
            format!("{modifier_text}教育大会")
        } else {
            format!("{modifier_text}{}", head.as_str())
        };
        // "地区教育工作会议", "城区…": a one-character scope inside another word.
        let before = text.get(..all.start()).and_then(|t| t.chars().last());
        if items.as_str().is_empty()
            && scope.as_str().chars().count() == 1
            && before.is_some_and(|c| words.is_scope_stop(c))
        {
            continue;
        }
        let stance = words.stance(text, all.start(), all.end());
        if matches!(stance, Stance::Hold | Stance::Draft) {
            out.push(Candidate::nothing(all.range()));
            continue;
        }
        let mut names: Vec<String> = ITEM
            .captures_iter(items.as_str())
            .filter_map(|item| {
                let scope = item.get(1)?.as_str();
                let own = item.get(2).map_or("", |m| m.as_str());
                Some(if own.is_empty() {
                    format!("{scope}{head}")
                } else {
                    let tail = head.strip_prefix(modifier.as_str()).unwrap_or(&head);
                    format!("{scope}{own}{}", shared_tail(own, tail))
                })
            })
            .collect();
        names.push(format!("{}{head}", scope.as_str()));
        names.extend(more_scopes.iter().map(|more| format!("{more}{head}")));
        for name in &mut names {
            name.retain(|c| !c.is_whitespace());
        }
        let policies = names
            .iter()
            .map(|name| meeting(name, context, table, levels))
            .collect();
        out.push(Candidate::policies(all.range(), policies, 1));
    }
}

/// The head a list item without it takes: "全国农村教育" + "工作会议".
fn shared_tail<'a>(own: &str, tail: &'a str) -> &'a str {
    if own.ends_with("教育") {
        tail.strip_prefix("教育").unwrap_or(tail)
    } else {
        tail
    }
}

fn meeting(name: &str, context: &Context<'_>, table: &PolicyTable, levels: &Levels) -> PolicyRef {
    let level = levels
        .of_name(name, context)
        .unwrap_or(PolicyLevel::Unknown);
    named(name, PolicyKind::Meeting, level, table)
}
