//! Runs the recognisers over every task of a drafted document, attaches what they
//! find to the task (with evidence: the task id and the source span) and builds the
//! document's deduplicated entity lists. A figure of a summary part is a figure the
//! summary reports as achieved: it stays a target, marked `reported` (ANNOTATION.md,
//! "targets").

use plankg_model::{
    add_mention, Document, Entities, Evidence, Mention, PartKind, Section, Task, UnitRef,
};

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
        task.entities = Entities {
            policies: with_evidence(found.policies, &evidence),
            units: with_evidence(found.units, &evidence),
            organizations: with_evidence(found.organizations, &evidence),
            schools: with_evidence(found.schools, &evidence),
            targets: with_evidence(found.targets, &evidence),
            initiatives: with_evidence(found.initiatives, &evidence),
        };
        if let Some(row) = task_rows.get(&task.id) {
            add_row_units(&mut task.entities.units, row, norm, &task.id);
        }
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
        add_mention(
            units,
            UnitRef {
                name: name.to_owned(),
                key: name_key(name),
                role: *role,
                evidence: vec![evidence],
            },
        );
    }
}

/// Marks every target of a task in a summary part as reported, whatever its own
/// wording says: the part reports what was done (every section carries its part's
/// kind, so nested sections need no look up the tree).
fn mark_reported(sections: &mut [Section]) {
    for section in sections {
        if section.part_kind == PartKind::Summary {
            for target in section
                .tasks
                .iter_mut()
                .flat_map(|t| &mut t.entities.targets)
            {
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

/// Turns hits into entities with evidence, one entity per identity.
fn with_evidence<T: Mention>(
    hits: Vec<Hit<T>>,
    evidence: &impl Fn(&std::ops::Range<usize>) -> Evidence,
) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for Hit { range, mut entity } in hits {
        entity.evidence_mut().push(evidence(&range));
        add_mention(&mut out, entity);
    }
    out
}

/// The document's lists: the union over its tasks, one entry per entity, evidence
/// concatenated; a unit keeps its strongest role.
fn collect_document_lists(document: &mut Document) {
    document.entities = Entities::union(document.tasks().map(|t| &t.entities));
}
