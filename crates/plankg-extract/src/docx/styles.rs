//! styles.xml: the numbering paragraph styles give their paragraphs.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::xml::{attr, val};

/// What a paragraph style says about numbering.
#[derive(Debug, Clone, Default)]
struct Style {
    /// `w:basedOn`.
    based_on: Option<String>,
    /// `w:numPr/w:numId`.
    num_id: Option<String>,
    /// `w:numPr/w:ilvl`.
    ilvl: Option<usize>,
}

/// The numbering of paragraph styles (styles.xml), `w:basedOn` followed.
#[derive(Debug, Clone, Default)]
pub(super) struct Styles {
    /// By style id.
    styles: HashMap<String, Style>,
}

impl Styles {
    /// Reads styles.xml.
    pub(super) fn parse(xml: &str) -> Result<Self, quick_xml::Error> {
        let mut styles = HashMap::new();
        let mut reader = Reader::from_str(xml);
        let mut current: Option<(String, Style)> = None;
        loop {
            match reader.read_event()? {
                Event::Start(e) if e.local_name().as_ref() == b"style" => {
                    current = attr(&e, "styleId").map(|id| (id, Style::default()));
                }
                Event::End(e) if e.local_name().as_ref() == b"style" => {
                    if let Some((id, style)) = current.take() {
                        styles.insert(id, style);
                    }
                }
                Event::Start(e) | Event::Empty(e) => {
                    if let Some((_, style)) = current.as_mut() {
                        match e.local_name().as_ref() {
                            b"basedOn" => style.based_on = val(&e),
                            b"numId" => style.num_id = val(&e),
                            b"ilvl" => style.ilvl = val(&e).and_then(|v| v.parse().ok()),
                            _ => {}
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Self { styles })
    }

    /// The numbering instance and level a style gives its paragraphs (numId "0":
    /// none).
    pub(super) fn numbering(&self, style: &str) -> Option<(String, Option<usize>)> {
        let mut id = style;
        let mut ilvl = None;
        for _ in 0..16 {
            let style = self.styles.get(id)?;
            ilvl = ilvl.or(style.ilvl);
            if let Some(num_id) = &style.num_id {
                return (num_id != "0").then(|| (num_id.clone(), ilvl));
            }
            id = style.based_on.as_deref()?;
        }
        None
    }
}

/// Tests of the styles' numbering.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::numbering::tests::NUMBERING;
    use crate::docx::numbering::Numbering;
    use crate::docx::paragraphs::paragraphs;

    /// A style's numbering is found through `w:basedOn`.
    #[test]
    fn styles_give_numbering_through_based_on() {
        let styles = Styles::parse(
            r#"<w:styles xmlns:w="w">
              <w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>
            </w:styles>"#,
        )
        .unwrap();
        let numbering = Numbering::parse(NUMBERING).unwrap();
        let xml = "<w:document xmlns:w=\"w\"><w:body>\
            <w:p><w:pPr><w:pStyle w:val=\"H1b\"/></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>\
            <w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>重点任务</w:t></w:r></w:p>\
            </w:body></w:document>";
        assert_eq!(
            paragraphs(xml, &numbering, &styles).unwrap(),
            "一、总体要求\n二、重点任务"
        );
    }
}
