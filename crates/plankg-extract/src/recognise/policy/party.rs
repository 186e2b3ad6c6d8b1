//! Party meetings no list can hold: enumerations of central plenums ("十七届三中至
//! 六中全会", "十八届三中、四中全会"), local plenums ("省委八届九次、十次全会",
//! "市委十三届二次全体(扩大)会议") and local party congresses ("省、市党代会",
//! "市第十三次党代会"). ANNOTATION.md counts local ones as plenums, level set by
//! the body that holds them.

use std::sync::LazyLock;

use plankg_model::{PolicyKind, PolicyLevel, PolicyRef};
use regex::Regex;

use super::super::Context;
use super::gate::Gate;
use super::key::name_key;
use super::level::Levels;
use super::named::named;
use super::table::PolicyTable;
use super::{Candidate, Scan};

/// "十八届三中、四中、五中全会", "十七届三中至六中全会": congress and plenum list.
static CENTRAL_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:党的|中共)?(二?十[一二三四五六七八九]?)届((?:[一二三四五六七八九]中(?:全会)?(?:、|,|和|及|与|以及|至|到|-)?)*[一二三四五六七八九]中全会)",
    )
    .unwrap_or_else(|err| unreachable!("{err}"))
});

/// "省委八届九次、十次全会", "市委十三届二次全体(扩大)会议".
static LOCAL_PLENUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:中共)?(省委|市委|区委|县委|州委|旗委|自治区党委)(第?[一二三四五六七八九十]+届)((?:第?[一二三四五六七八九十]+次(?:全体(?:\(扩大\))?会议|全会)?(?:、|,|和|及|与)?)*第?[一二三四五六七八九十]+次)(全体\(扩大\)会议|全体会议|扩大会议|全委会|全会|会议)",
    )
    .unwrap_or_else(|err| unreachable!("{err}"))
});

/// "省、市党代会", "市第十三次党代会", "自治区第十次党代表大会".
static LOCAL_CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:自治区|省|市|区|县|州)(?:、(?:自治区|省|市|区|县|州))*)(第[一二三四五六七八九十]+次)?(党代会|党代表大会)")
        .unwrap_or_else(|err| unreachable!("{err}"))
});

/// Finds central plenum enumerations, local plenums and local congresses.
pub(crate) fn find(scan: &Scan<'_>, out: &mut Vec<Candidate>) {
    let Scan {
        text,
        context,
        table,
        levels,
        open,
        ..
    } = *scan;
    if open.has(Gate::CentralPlenum) {
        central_lists(text, table, out);
    }
    if open.has(Gate::LocalPlenum) {
        local_plenums(text, context, levels, out);
    }
    if open.has(Gate::LocalCongress) {
        local_congresses(text, context, levels, out);
    }
}

fn central_lists(text: &str, table: &PolicyTable, out: &mut Vec<Candidate>) {
    for caps in CENTRAL_LIST.captures_iter(text) {
        let (Some(all), Some(congress), Some(list)) = (caps.get(0), caps.get(1), caps.get(2))
        else {
            continue;
        };
        let policies: Vec<PolicyRef> = expand_ordinals(list.as_str(), '中')
            .into_iter()
            .filter_map(|n| table.lookup(&format!("党的{}届{}中全会", congress.as_str(), n)))
            .map(|entry| named(&entry.name, entry.kind, entry.level, table))
            .collect();
        if !policies.is_empty() {
            out.push(Candidate::policies(all.range(), policies, 2));
        }
    }
}

fn local_plenums(text: &str, context: &Context<'_>, levels: &Levels, out: &mut Vec<Candidate>) {
    for caps in LOCAL_PLENUM.captures_iter(text) {
        let (Some(all), Some(body), Some(term), Some(list), Some(suffix)) = (
            caps.get(0),
            caps.get(1),
            caps.get(2),
            caps.get(3),
            caps.get(4),
        ) else {
            continue;
        };
        let start = extend_with_place(text, all.start(), body.start(), levels);
        let head = text.get(start..term.end()).unwrap_or("");
        let level = levels
            .of_name(head, context)
            .unwrap_or(PolicyLevel::Unknown);
        let ordinals: Vec<&str> = split_list(list.as_str());
        let policies = if ordinals.len() == 1 {
            let name = text.get(start..all.end()).unwrap_or("");
            vec![local(name, PolicyKind::Plenum, level)]
        } else {
            ordinals
                .iter()
                .map(|ordinal| {
                    let ordinal = ordinal.trim_end_matches(|c| c != '次');
                    local(
                        &format!("{head}{ordinal}{}", suffix.as_str()),
                        PolicyKind::Plenum,
                        level,
                    )
                })
                .collect()
        };
        out.push(Candidate::policies(start..all.end(), policies, 2));
    }
}

fn local_congresses(text: &str, context: &Context<'_>, levels: &Levels, out: &mut Vec<Candidate>) {
    for caps in LOCAL_CONGRESS.captures_iter(text) {
        let (Some(all), Some(bodies), Some(word)) = (caps.get(0), caps.get(1), caps.get(3)) else {
            continue;
        };
        let ordinal = caps.get(2).map_or("", |m| m.as_str());
        let start = extend_with_place(text, all.start(), bodies.start(), levels);
        let place = text.get(start..bodies.start()).unwrap_or("");
        let policies = bodies
            .as_str()
            .split('、')
            .map(|body| {
                let name = format!("{place}{body}{ordinal}{}", word.as_str());
                let level = levels
                    .of_name(&name, context)
                    .unwrap_or(PolicyLevel::Unknown);
                local(&name, PolicyKind::Plenum, level)
            })
            .collect();
        out.push(Candidate::policies(start..all.end(), policies, 2));
    }
}

fn local(name: &str, kind: PolicyKind, level: PolicyLevel) -> PolicyRef {
    PolicyRef {
        name: name.to_owned(),
        key: name_key(name),
        kind,
        level,
        date: None,
        written: Vec::new(),
        evidence: Vec::new(),
    }
}

/// Moves the start of a match back over the place name its body belongs to
/// ("嘉兴" + "市委"): the text up to the body's level character must end with a
/// known place name.
fn extend_with_place(text: &str, start: usize, body: usize, levels: &Levels) -> usize {
    if start != body {
        return start;
    }
    let Some(level_char) = text.get(body..).and_then(|t| t.chars().next()) else {
        return start;
    };
    let head = text.get(..body + level_char.len_utf8()).unwrap_or("");
    levels
        .place_ending(head)
        .map_or(start, |len| body + level_char.len_utf8() - len)
}

/// The ordinals of a list such as "三中、四中" or "三中至六中", ranges expanded.
pub(crate) fn expand_ordinals(list: &str, marker: char) -> Vec<String> {
    const DIGITS: &str = "一二三四五六七八九";
    let mut out: Vec<usize> = Vec::new();
    let mut range_open = false;
    let chars: Vec<char> = list.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if let Some(value) = DIGITS.chars().position(|d| d == *c) {
            if chars.get(i + 1) != Some(&marker) {
                continue;
            }
            let value = value + 1;
            if range_open {
                if let Some(&from) = out.last() {
                    out.extend(from + 1..value);
                }
                range_open = false;
            }
            out.push(value);
        } else if matches!(c, '至' | '到' | '-') {
            range_open = true;
        }
    }
    out.into_iter()
        .filter_map(|v| DIGITS.chars().nth(v - 1).map(String::from))
        .collect()
}

/// Splits "九次全会、十次" into its items.
fn split_list(list: &str) -> Vec<&str> {
    list.split(['、', ',', '和', '及', '与'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_lists_expand() {
        assert_eq!(
            expand_ordinals("三中至六中全会", '中'),
            ["三", "四", "五", "六"]
        );
        assert_eq!(
            expand_ordinals("三中四中五中六中全会", '中'),
            ["三", "四", "五", "六"]
        );
        assert_eq!(expand_ordinals("五中、六中全会", '中'), ["五", "六"]);
    }
}
