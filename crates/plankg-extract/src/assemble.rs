//! Runs the recognisers over every task of a drafted document, attaches what they
//! find to the task (with evidence: the task id and the source span) and builds the
//! document's deduplicated entity lists. A figure of a summary part is a figure the
//! summary reports as achieved: it stays a target, marked `reported` (ANNOTATION.md,
//! "targets").

use std::collections::hash_map::{Entry, HashMap};
use std::hash::Hash;

use plankg_model::{Document, Evidence, PartKind, Section, Task, UnitRef};

use crate::normalise::NormText;
use crate::recognise::{name_key, Context, Hit, Recognisers};
use crate::structure::{Draft, Row};

/// Fills the entity lists of every task and of the document.
pub(crate) fn attach_entities(
    draft: Draft,
    norm: &NormText,
    recognisers: &Recognisers,
) -> Document {
    let Draft {
        mut document,
        task_ranges,
        task_rows,
    } = draft;
    let issuer = document.issuer.clone();
    let region = document.region.clone();
    let context = Context {
        issuer: issuer.as_deref(),
        region: region.as_deref(),
        year: document.year,
    };
    let mut sections = std::mem::take(&mut document.sections);
    // Each task's range and text (in the order for_each_task visits them), then
    // what the recognisers find in all the texts.
    let mut visited: Vec<Option<(std::ops::Range<usize>, &str)>> = Vec::new();
    for_each_task(&mut sections, &mut |task| {
        visited.push(task_ranges.get(&task.id).and_then(|range| {
            let text = norm.text.get(range.clone())?;
            Some((range.clone(), text))
        }));
    });
    let texts: Vec<&str> = visited.iter().flatten().map(|(_, text)| *text).collect();
    let mut found_in_texts = recognisers.recognise_all(&texts, &context).into_iter();
    let mut visited = visited.into_iter();
    for_each_task(&mut sections, &mut |task| {
        let Some((range, _)) = visited.next().flatten() else {
            return;
        };
        let Some(found) = found_in_texts.next() else {
            return;
        };
        let evidence = |hit_range: &std::ops::Range<usize>| Evidence {
            task: task.id.clone(),
            span: norm.source_span(range.start + hit_range.start..range.start + hit_range.end),
        };
        task.policies = merge_hits(
            found.policies,
            &evidence,
            |a, b| a.key == b.key,
            |p| &mut p.evidence,
        );
        task.units = merge_hits(
            found.units,
            &evidence,
            |a, b| a.key == b.key,
            |u| &mut u.evidence,
        );
        if let Some(row) = task_rows.get(&task.id) {
            add_row_units(&mut task.units, row, norm, &task.id);
        }
        task.organizations = merge_hits(
            found.organizations,
            &evidence,
            |a, b| a.key == b.key,
            |o| &mut o.evidence,
        );
        task.schools = merge_hits(
            found.schools,
            &evidence,
            |a, b| a.key == b.key,
            |s| &mut s.evidence,
        );
        task.targets = merge_hits(
            found.targets,
            &evidence,
            |a, b| target_key(a) == target_key(b),
            |t| &mut t.evidence,
        );
        task.initiatives = merge_hits(
            found.initiatives,
            &evidence,
            |a, b| a.key == b.key,
            |i| &mut i.evidence,
        );
        task.produces = found.produces;
    });
    mark_reported(&mut sections);
    document.sections = sections;
    collect_document_lists(&mut document);
    document
}

/// Adds the units of a task-table row's unit columns, each with its column's role
/// (a unit the task already names keeps the stronger role).
fn add_row_units(units: &mut Vec<UnitRef>, row: &Row, norm: &NormText, task: &str) {
    for (range, role) in &row.units {
        let Some(name) = norm.text.get(range.clone()) else {
            continue;
        };
        let evidence = Evidence {
            task: task.to_owned(),
            span: norm.source_span(range.clone()),
        };
        let key = name_key(name);
        match units.iter_mut().find(|u| u.key == key) {
            Some(existing) => {
                if role.strength() > existing.role.strength() {
                    existing.role = *role;
                }
                existing.evidence.push(evidence);
            }
            None => units.push(UnitRef {
                name: name.to_owned(),
                key,
                role: *role,
                evidence: vec![evidence],
            }),
        }
    }
}

/// Marks every target of a task in a summary part as reported, whatever its own
/// wording says: the part reports what was done (every section carries its part's
/// kind, so nested sections need no look up the tree).
fn mark_reported(sections: &mut [Section]) {
    for section in sections {
        if section.part_kind == PartKind::Summary {
            for target in section.tasks.iter_mut().flat_map(|t| &mut t.targets) {
                target.reported = true;
            }
        }
        mark_reported(&mut section.children);
    }
}

fn for_each_task(sections: &mut [Section], visit: &mut impl FnMut(&mut Task)) {
    for section in sections {
        for task in &mut section.tasks {
            visit(task);
        }
        for_each_task(&mut section.children, visit);
    }
}

/// What makes two targets one: indicator, value (bit for bit) and unit.
fn target_key(target: &plankg_model::TargetRef) -> (&str, u64, &str) {
    (
        target.indicator_key.as_str(),
        target.value.to_bits(),
        target.unit.as_str(),
    )
}

/// Turns hits into entities with evidence, one entity per key (`same` tells
/// whether two have one).
fn merge_hits<T>(
    hits: Vec<Hit<T>>,
    evidence: &impl Fn(&std::ops::Range<usize>) -> Evidence,
    same: impl Fn(&T, &T) -> bool,
    evidence_of: impl Fn(&mut T) -> &mut Vec<Evidence>,
) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for hit in hits {
        let Hit { range, mut entity } = hit;
        let item = evidence(&range);
        if let Some(existing) = out.iter_mut().find(|existing| same(existing, &entity)) {
            evidence_of(existing).push(item);
        } else {
            evidence_of(&mut entity).push(item);
            out.push(entity);
        }
    }
    out
}

/// The document's lists: the union over its tasks, one entry per key, evidence
/// concatenated; a unit keeps its strongest role.
fn collect_document_lists(document: &mut Document) {
    let tasks: Vec<&Task> = document.tasks().collect();
    let policies = union(
        tasks.iter().flat_map(|t| t.policies.iter()),
        |p| p.key.as_str(),
        |a, b| {
            a.evidence.extend(b.evidence.iter().cloned());
        },
    );
    let units = union(
        tasks.iter().flat_map(|t| t.units.iter()),
        |u| u.key.as_str(),
        |a, b| {
            if b.role.strength() > a.role.strength() {
                a.role = b.role;
            }
            a.evidence.extend(b.evidence.iter().cloned());
        },
    );
    let organizations = union(
        tasks.iter().flat_map(|t| t.organizations.iter()),
        |o| o.key.as_str(),
        |a, b| a.evidence.extend(b.evidence.iter().cloned()),
    );
    let schools = union(
        tasks.iter().flat_map(|t| t.schools.iter()),
        |s| s.key.as_str(),
        |a, b| {
            a.evidence.extend(b.evidence.iter().cloned());
        },
    );
    let targets = union(
        tasks.iter().flat_map(|t| t.targets.iter()),
        target_key,
        |a, b| {
            a.evidence.extend(b.evidence.iter().cloned());
        },
    );
    let initiatives = union(
        tasks.iter().flat_map(|t| t.initiatives.iter()),
        |i| i.key.as_str(),
        |a, b| {
            a.drafted |= b.drafted;
            a.evidence.extend(b.evidence.iter().cloned());
        },
    );
    document.policies = policies;
    document.units = units;
    document.organizations = organizations;
    document.schools = schools;
    document.targets = targets;
    document.initiatives = initiatives;
}

/// The items one per key, in the order of first appearance: an item whose key came
/// before is merged into that one, the others cloned once.
fn union<'a, T: Clone + 'a, K: Eq + Hash + 'a>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&'a T) -> K,
    merge: impl Fn(&mut T, &T),
) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    let mut index: HashMap<K, usize> = HashMap::new();
    for item in items {
        match index.entry(key(item)) {
            Entry::Occupied(at) => {
                if let Some(existing) = out.get_mut(*at.get()) {
                    merge(existing, item);
                }
            }
            Entry::Vacant(at) => {
                at.insert(out.len());
                out.push(item.clone());
            }
        }
    }
    out
}
