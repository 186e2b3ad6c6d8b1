//! Policies named by a pattern rather than a list (ANNOTATION.md): quoted and
//! governed strategies ("科教兴区"战略, 实施五大功能区域发展战略), the strong-nation
//! and strong-province aims (教育强国, 高教强省), five-year plans ("十三五"教育发展规划)
//! and the leadership's speeches and instructions (习近平总书记…重要讲话精神).

use std::sync::LazyLock;

use plankg_model::{PolicyKind, PolicyLevel, PolicyRef};
use regex::Regex;

use super::super::Context;
use super::super::{names, segment};
use super::gate::Gate;
use super::key::name_key;
use super::level::Levels;
use super::table::PolicyTable;
use super::words::{clause_before, Stance};
use super::{Candidate, Scan};

/// "“科教兴区”和“人才强区”战略": one or more quoted names, then 战略.
static QUOTED_STRATEGY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:[“"][^“”"\n]{2,12}[”"](?:和|、|与|及)?)+(?:发展)?战略"#)
        .unwrap_or_else(|err| unreachable!("{err}"))
});

/// One quoted name of a strategy list.
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[“"]([^“”"\n]{2,12})[”"]"#).unwrap_or_else(|err| unreachable!("{err}"))
});

/// A strategy governed by an implementing verb: "实施五大功能区域发展战略".
static GOVERNED_STRATEGY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:实施|落实|贯彻|服务|围绕|推进|对接|融入)+)(\p{Han}{2,14}?战略)(\p{Han})?")
        .unwrap_or_else(|err| unreachable!("{err}"))
});

/// "中央8号文件": a central document known by its number.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:中共中央|中央|国务院)\d{1,3}号文件").unwrap_or_else(|err| unreachable!("{err}"))
});

/// "和视察江西重要讲话精神" right after a first speech: a second speech of the same
/// speaker ("习近平总书记关于教育的重要论述和考察安徽重要讲话精神").
static SPEECH_AND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:和|及|以及)([^,。;、:!?\n“”和及]{2,20}?(?:重要讲话|重要指示批示|重要指示|重要论述|重要批示)(?:精神)?)",
    )
    .unwrap_or_else(|err| unreachable!("{err}"))
});

/// "、考察上海系列重要讲话精神": a further speech in a list after a first one.
static SPEECH_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"、([^,。;、:!?\n“”]{2,30}?(?:重要讲话|重要指示批示|重要指示|重要论述|重要批示)(?:精神)?)",
    )
    .unwrap_or_else(|err| unreachable!("{err}"))
});

/// 教育强国, 高教强省 … : aims set above the issuer.
static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[“"]?((?:教育|高教|科教|人才|人力资源|体育|职教|科技)强(?:国|省))[”"]?"#)
        .unwrap_or_else(|err| unreachable!("{err}"))
});

/// "“十四五”学前教育发展提升行动计划", "十二五规划".
static FIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"[“"]*十[一二三四五]五[”"]*(\p{Han}{0,14}?)(规划纲要|发展规划|规划|行动计划|发展纲要)"#,
    )
    .unwrap_or_else(|err| unreachable!("{err}"))
});

/// The longest owner written before a drafted five-year plan (全省教育事业), in
/// characters.
const MAX_OWNER: usize = 10;

/// A leader's speech or instruction: person (group 1), what it is about (group 2),
/// the kind of text.
static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:习近平|习|胡锦涛)\s?总\s?书\s?记|习近平同志|胡锦涛同志|江泽民同志)([^,。;、:!?\n“”]{0,30}?)(重要讲话和(?:重要)?(?:批示指示|指示批示)|重要讲话|重要指示批示|重要指示|重要论述|重要批示)(精神)?",
    )
    .unwrap_or_else(|err| unreachable!("{err}"))
});

/// Finds strategies, five-year plans and speeches.
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
    // Each pattern below needs a word of its own: scan only texts that hold it.
    if open.has(Gate::Strategy) {
        for m in QUOTED_STRATEGY.find_iter(text) {
            let suffix = if m.as_str().ends_with("发展战略") {
                "发展战略"
            } else {
                "战略"
            };
            let policies = QUOTED
                .captures_iter(m.as_str())
                .filter_map(|caps| caps.get(1))
                .map(|inner| {
                    let level = aim_level(inner.as_str(), context, levels);
                    named(
                        &format!("“{}”{suffix}", inner.as_str()),
                        PolicyKind::Strategy,
                        level,
                        table,
                    )
                })
                .collect();
            out.push(Candidate::policies(m.range(), policies, 1));
        }
        for caps in GOVERNED_STRATEGY.captures_iter(text) {
            let Some(name) = caps.get(1) else { continue };
            // "战略机遇期", "全面升级的战略": not the name of a strategy.
            let next = caps.get(2).map_or("", |m| m.as_str());
            if words.is_stopped(name.as_str())
                || name.as_str().contains('的')
                || !matches!(next, "" | "和" | "与" | "及")
            {
                continue;
            }
            let level = levels
                .of_name(name.as_str(), context)
                .or_else(|| levels.issuer_level(context))
                .unwrap_or(PolicyLevel::Unknown);
            // "科教兴国和人才强国战略": known strategies sharing one 战略 are one each.
            let parts: Vec<&str> = name
                .as_str()
                .trim_end_matches("战略")
                .split(['和', '与', '及', '、'])
                .collect();
            let known: Option<Vec<PolicyRef>> = (parts.len() > 1)
                .then(|| {
                    parts
                        .iter()
                        .map(|part| {
                            let entry = table
                                .lookup(&format!("{part}战略"))
                                .or_else(|| table.lookup(part))?;
                            Some(named(&entry.name, entry.kind, entry.level, table))
                        })
                        .collect()
                })
                .flatten();
            let policies = known
                .unwrap_or_else(|| vec![named(name.as_str(), PolicyKind::Strategy, level, table)]);
            out.push(Candidate::policies(name.range(), policies, 0));
        }
    }
    if open.has(Gate::Strong) {
        for caps in STRONG.captures_iter(text) {
            let (Some(all), Some(name)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let level = aim_level(name.as_str(), context, levels);
            out.push(Candidate::policies(
                all.range(),
                vec![named(name.as_str(), PolicyKind::Strategy, level, table)],
                0,
            ));
        }
    }
    if open.has(Gate::FiveYear) {
        for caps in FIVE_YEAR.captures_iter(text) {
            let (Some(all), Some(modifier)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let start = levels.prefix_start(text, all.start());
            let name = text.get(start..all.end()).unwrap_or("");
            if words.stance(text, start, all.end()) == Stance::Draft {
                // "编制全省教育事业“十二五”规划", "制定教育集团十四五发展规划": the
                // plan's own five-year plan is named from the draft word on.
                // The owner is words of a name only (全省 教育 事业), no verb or
                // function word (做好, 本地区的).
                let owner = words
                    .after_last_draft(clause_before(text, start))
                    .filter(|owner| {
                        owner.chars().count() <= MAX_OWNER
                            && owner.chars().all(names::is_han)
                            && !segment::words(owner).iter().any(|w| w.ends_a_name(owner))
                    })
                    .unwrap_or("");
                let start = start - owner.len();
                let name = text.get(start..all.end()).unwrap_or("");
                out.push(Candidate::drafted(start..all.end(), name));
                continue;
            }
            let level = if start < all.start() {
                levels.of_name(name, context)
            } else if modifier.as_str().is_empty() && !all.as_str().ends_with("发展规划") {
                Some(PolicyLevel::Central)
            } else {
                levels.issuer_level(context)
            };
            let policy = named(
                name,
                PolicyKind::FiveYearPlan,
                level.unwrap_or(PolicyLevel::Unknown),
                table,
            );
            out.push(Candidate::policies(start..all.end(), vec![policy], 1));
        }
    }
    if open.has(Gate::Speech) {
        // Each speech's end and speaker: a further speech after it (和…, 、…) is the
        // same speaker's and is named with him ("习近平总书记考察安徽重要讲话精神").
        let mut speakers: Vec<(usize, String)> = Vec::new();
        for caps in SPEECH.captures_iter(text) {
            let (Some(all), Some(speaker), Some(about)) = (caps.get(0), caps.get(1), caps.get(2))
            else {
                continue;
            };
            let speaker: String = speaker
                .as_str()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            speakers.push((all.end(), speaker.clone()));
            // "习近平新时代中国特色社会主义思想和…重要论述" is a thought, then a speech.
            if about.as_str().contains("思想") || about.as_str().contains("习近平") {
                continue;
            }
            let policy = named(
                all.as_str(),
                PolicyKind::Thought,
                PolicyLevel::Central,
                table,
            );
            out.push(Candidate::policies(all.range(), vec![policy], 1));
            let rest = text.get(all.end()..).unwrap_or("");
            if let Some(second) = SPEECH_AND.captures(rest).and_then(|c| c.get(1)) {
                let range = all.end() + second.start()..all.end() + second.end();
                if !["思想", "习近平", "总书记"]
                    .iter()
                    .any(|w| second.as_str().contains(w))
                {
                    let policy = named(
                        &format!("{speaker}{}", second.as_str()),
                        PolicyKind::Thought,
                        PolicyLevel::Central,
                        table,
                    );
                    out.push(Candidate::policies(range, vec![policy], 1));
                }
            }
        }
        for caps in SPEECH_ITEM.captures_iter(text) {
            let Some(item) = caps.get(1) else { continue };
            let speaker = speakers
                .iter()
                .rev()
                .find(|(end, _)| *end <= item.start())
                .map_or("", |(_, speaker)| speaker.as_str());
            // An item naming its speaker is found whole by SPEECH.
            if ["思想", "习近平", "总书记", "胡锦涛"]
                .iter()
                .any(|w| item.as_str().contains(w))
            {
                continue;
            }
            let policy = named(
                &format!("{speaker}{}", item.as_str()),
                PolicyKind::Thought,
                PolicyLevel::Central,
                table,
            );
            out.push(Candidate::policies(item.range(), vec![policy], 0));
        }
    }
    if open.has(Gate::Numbered) {
        for m in NUMBERED.find_iter(text) {
            let policy = named(
                m.as_str(),
                PolicyKind::Document,
                PolicyLevel::Central,
                table,
            );
            out.push(Candidate::policies(m.range(), vec![policy], 1));
        }
    }
}

/// The level an aim's last character names: 国 → central, 省 → provincial, 市 →
/// the plan's city, 区/县 → district; else from the name or the issuer.
fn aim_level(name: &str, context: &Context<'_>, levels: &Levels) -> PolicyLevel {
    match name.chars().last() {
        Some('国') => PolicyLevel::Central,
        Some('省') => PolicyLevel::Provincial,
        Some('市') => levels.city_level(context),
        Some('区' | '县') => PolicyLevel::District,
        _ => levels
            .of_name(name, context)
            .or_else(|| levels.issuer_level(context))
            .unwrap_or(PolicyLevel::Unknown),
    }
}

/// A policy of the gazetteer when the name is one of its forms, else a new one (its
/// date is set once the plan's year is known: [`super::PolicyRecogniser`]).
pub(crate) fn named(
    name: &str,
    kind: PolicyKind,
    level: PolicyLevel,
    table: &PolicyTable,
) -> PolicyRef {
    if let Some(entry) = table.lookup(name) {
        return PolicyRef {
            name: entry.name.clone(),
            key: name_key(&entry.name),
            kind: entry.kind,
            level: entry.level,
            date: None,
            written: Vec::new(),
            evidence: Vec::new(),
        };
    }
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
