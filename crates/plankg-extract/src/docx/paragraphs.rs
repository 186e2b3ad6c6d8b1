//! document.xml: paragraphs read into lines, in document order, with their list
//! numbers; tables are handed to the table reader.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;
use quick_xml::Reader;

use super::numbering::{Counters, Numbering};
use super::styles::Styles;
use super::tables::{table_end, table_start, TableReader};
use super::xml::{attr, entity, val};

/// A paragraph being read.
#[derive(Debug, Default)]
pub(super) struct Paragraph {
    /// The text read so far.
    text: String,
    /// `w:numPr/w:numId`.
    pub(super) num_id: Option<String>,
    /// `w:numPr/w:ilvl`.
    pub(super) ilvl: Option<usize>,
    /// `w:pStyle`.
    pub(super) style: Option<String>,
}

/// Elements whose content is left out: the fallback copy of alternate content,
/// text moved away (it is also where it was moved to), deleted runs.
const SKIPPED: &[&[u8]] = &[b"Fallback", b"moveFrom", b"del"];

/// Reads document.xml into lines; a table row is one line of tab-separated cells.
pub(super) fn paragraphs(
    xml: &str,
    numbering: &Numbering,
    styles: &Styles,
) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut lines: Vec<String> = Vec::new();
    let mut open: Vec<Paragraph> = Vec::new();
    let mut counters = Counters::default();
    let mut skipped = 0_usize;
    let mut in_ppr = 0_usize;
    let mut in_ppr_change = 0_usize;
    let mut in_text = false;
    let mut tables: Vec<TableReader> = Vec::new();
    loop {
        let event = reader.read_event()?;
        match &event {
            Event::Start(e) if SKIPPED.contains(&e.local_name().as_ref()) => {
                skipped += 1;
                continue;
            }
            Event::End(e) if SKIPPED.contains(&e.local_name().as_ref()) => {
                skipped = skipped.saturating_sub(1);
                continue;
            }
            Event::Eof => break,
            _ if skipped > 0 => continue,
            _ => {}
        }
        match event {
            Event::Start(e) if is_word_name(e.name()) && table_start(&e, &mut tables) => {}
            Event::Empty(e) if e.local_name().as_ref() == b"gridSpan" => {
                if let Some(table) = tables.last_mut().filter(|t| t.nested == 0) {
                    table.grid_span = val(&e).and_then(|v| v.parse().ok()).unwrap_or(1).min(100);
                }
            }
            Event::Empty(e) if e.local_name().as_ref() == b"vMerge" => {
                if let Some(table) = tables.last_mut().filter(|t| t.nested == 0) {
                    table.continues = val(&e).is_none_or(|v| v == "continue");
                }
            }
            Event::End(e) if is_word_name(e.name()) && table_end(&e, &mut tables, &mut lines) => {}
            Event::Start(e) => match e.local_name().as_ref() {
                b"p" if is_word_name(e.name()) => open.push(Paragraph::default()),
                b"pPr" => in_ppr += 1,
                b"pPrChange" => in_ppr_change += 1,
                b"t" => in_text = true,
                _ => property(&e, &mut open, in_ppr > 0 && in_ppr_change == 0),
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"p" if is_word_name(e.name()) => {
                    if tables.last().is_none_or(|t| t.cell.is_none()) {
                        lines.push(String::new());
                    }
                }
                b"tab" if in_ppr == 0 => push(&mut open, "\t"),
                b"br" | b"cr" if in_ppr == 0 => push(&mut open, "\n"),
                b"noBreakHyphen" => push(&mut open, "-"),
                b"sym" => {
                    let c = attr(&e, "char")
                        .and_then(|hex| u32::from_str_radix(&hex, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|c| !('\u{e000}'..='\u{f8ff}').contains(c));
                    if let Some(c) = c {
                        push(&mut open, c.encode_utf8(&mut [0; 4]));
                    }
                }
                _ => property(&e, &mut open, in_ppr > 0 && in_ppr_change == 0),
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"p" if is_word_name(e.name()) => {
                    if let Some(paragraph) = open.pop() {
                        let label = counters.label(&paragraph, numbering, styles);
                        let text = label + &paragraph.text;
                        let in_cell = tables.last_mut().is_some_and(|t| t.add_paragraph(&text));
                        if !in_cell {
                            lines.push(text);
                        }
                    }
                }
                b"pPr" => in_ppr = in_ppr.saturating_sub(1),
                b"pPrChange" => in_ppr_change = in_ppr_change.saturating_sub(1),
                b"t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => push(&mut open, &t.decode()?),
            Event::CData(t) if in_text => push(&mut open, &String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) if in_text => {
                let name = r.decode()?;
                let c = entity(&name).unwrap_or('\u{fffd}');
                push(&mut open, c.encode_utf8(&mut [0; 4]));
            }
            _ => {}
        }
    }
    while let Some(paragraph) = open.pop() {
        lines.push(paragraph.text);
    }
    while let Some(mut table) = tables.pop() {
        let row = table.close_row();
        if !row.is_empty() {
            lines.push(row);
        }
    }
    Ok(lines.join("\n"))
}

/// Whether an element named `p` is a WordprocessingML paragraph (not DrawingML's
/// `a:p`).
fn is_word_name(name: QName<'_>) -> bool {
    !matches!(
        name.prefix().map(|p| p.into_inner()),
        Some(b"a" | b"pic" | b"c")
    )
}

/// Appends text to the innermost open paragraph.
fn push(open: &mut [Paragraph], text: &str) {
    if let Some(paragraph) = open.last_mut() {
        paragraph.text.push_str(text);
    }
}

/// Reads a paragraph property (numbering, style) when inside `w:pPr`.
fn property(element: &BytesStart<'_>, open: &mut [Paragraph], in_ppr: bool) {
    if !in_ppr {
        return;
    }
    let Some(paragraph) = open.last_mut() else {
        return;
    };
    match element.local_name().as_ref() {
        b"numId" => paragraph.num_id = val(element),
        b"ilvl" => paragraph.ilvl = val(element).and_then(|v| v.parse().ok()),
        b"pStyle" => paragraph.style = val(element),
        _ => {}
    }
}

/// Tests of the document reader.
#[cfg(test)]
mod tests {
    use super::*;

    /// Text boxes and alternate content are read once.
    #[test]
    fn text_boxes_and_alternate_content_are_read_once() {
        let xml = "<w:document xmlns:w=\"w\" xmlns:mc=\"mc\"><w:body><w:p><w:r><w:t>正文</w:t></w:r>\
            <mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>\
            <w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText><w:t>续</w:t></w:r></w:p></w:body></w:document>";
        assert_eq!(
            paragraphs(xml, &Numbering::default(), &Styles::default()).unwrap(),
            "框\n正文续"
        );
    }
}
