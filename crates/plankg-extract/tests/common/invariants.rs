//! What must hold of any extraction, whatever the bytes: the readers return (a
//! document or an error, never a panic), and every span lies inside the text it
//! points into. Shared by the replay of the fuzz corpus and the fuzz targets
//! (fuzz/src/lib.rs includes this file).

use plankg_extract::Extractor;
use plankg_model::{Document, Entities, Evidence, Section, Span, Task};

/// Reads `bytes` as a file named `file_name` and panics, naming the broken rule, when
/// a span of the result points outside the plain text, a section outside its
/// document, a task outside its section, or a mention outside the section of the
/// task it names (a table row's units sit beside the row's task, not inside it).
pub fn read_checked(extractor: &Extractor, bytes: &[u8], file_name: &str) {
    let Ok(documents) = extractor.extract(bytes, file_name) else {
        return;
    };
    let text = extractor
        .plain_text(bytes, file_name)
        .expect("a file that extracts has a plain text");
    let chars = text.chars().count();
    let whole = Span::new(0, chars);
    for document in &documents {
        check(whole, document.span, "document");
        if let Some(title) = document.title_span {
            // A compilation's later plans may take their title from its head.
            check(whole, title, "title");
        }
        for section in &document.sections {
            check_section(document, section);
        }
        check_entities(document, document.span, &document.entities);
    }
}

fn check_section(document: &Document, section: &Section) {
    check(document.span, section.span, "section");
    if let Some(heading) = section.heading_span {
        check(section.span, heading, "section heading");
    }
    for task in &section.tasks {
        check(section.span, task.span, "task");
        check_entities(document, section.span, &task.entities);
    }
    for child in &section.children {
        check_section(document, child);
    }
}

fn check_entities(document: &Document, within: Span, entities: &Entities) {
    let Entities {
        policies,
        units,
        organizations,
        schools,
        targets,
        initiatives,
    } = entities;
    let evidence = policies
        .iter()
        .flat_map(|e| &e.evidence)
        .chain(units.iter().flat_map(|e| &e.evidence))
        .chain(organizations.iter().flat_map(|e| &e.evidence))
        .chain(schools.iter().flat_map(|e| &e.evidence))
        .chain(targets.iter().flat_map(|e| &e.evidence))
        .chain(initiatives.iter().flat_map(|e| &e.evidence));
    for Evidence { task, span } in evidence {
        assert!(
            document.tasks().any(|t: &Task| &t.id == task),
            "evidence names task {task}, which the document lacks"
        );
        check(within, *span, "evidence");
    }
}

fn check(outer: Span, inner: Span, what: &str) {
    assert!(
        outer.contains(inner),
        "{what} span {inner:?} lies outside {outer:?}"
    );
}
