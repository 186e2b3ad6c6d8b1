//! The text of a Word 2007+ document (.docx): one line per paragraph, with the list
//! numbers Word keeps in numbering.xml written back in front of the paragraph.
//!
//! The main document part is found through the package relationships
//! (`_rels/.rels`, relationship type `…/officeDocument`), falling back to
//! `word/document.xml`; the numbering and styles parts through the main part's
//! relationships, falling back to `word/numbering.xml` and `word/styles.xml`.
//!
//! Paragraphs (`w:p`, in the body, in tables and in text boxes) become lines, in
//! document order; a paragraph inside a text box is written before the paragraph that
//! anchors it. Text is that of `w:t` (and math `m:t`); `w:tab` is a tab, `w:br` and
//! `w:cr` a line break, `w:noBreakHyphen` a hyphen. Deleted text, field codes, moved-
//! away text and the fallback copy of `mc:AlternateContent` are left out.
//!
//! List numbers: a paragraph's `w:numPr` (or its style's, following `w:basedOn`)
//! names a numbering instance (`w:num`) and a level. Counters are kept per instance
//! and level: a level's counter starts at `w:start` (or the instance's
//! `w:startOverride`), counts up at each paragraph of that level, and restarts after
//! a paragraph of a higher level (as `w:lvlRestart` allows). `w:lvlText` is rendered
//! with each `%N` replaced by level N's counter in its `w:numFmt`: `decimal` (1),
//! `chineseCounting` and `chineseCountingThousand` (一, 十一, 二十), `ideographTraditional`
//! (甲), `ideographZodiac` (子), `chineseLegalSimplified` (壹), `ideographDigital` (一〇),
//! `decimalEnclosedCircle` (①), `decimalEnclosedParen` (⑴), `decimalEnclosedFullstop`
//! (⒈), `ideographEnclosedCircle` (㊀), `decimalFullWidth` (１), `decimalZero` (01),
//! Roman numerals and letters; other formats as decimal; `w:isLgl` levels in decimal.
//! Bullets give no text. So `一、`, `（一）`, `1.`, `1、`, `（1）`, `①` come back as
//! written in the paragraph. The number is followed by nothing when it ends with
//! punctuation (`一、加强…`) and by a space when it ends with a digit, letter or
//! ideograph (`第一章 总则`).
//!
//! The reader is split one module a job:
//! - `package`: the zip and its parts, relationships resolved to part names;
//! - `xml`: the attribute and entity helpers the readers share;
//! - `numbering`: numbering.xml, the list counters and the number formats;
//! - `styles`: styles.xml, the numbering paragraph styles give (`w:basedOn` followed);
//! - `paragraphs`: document.xml read into lines, list numbers written back;
//! - `tables`: table rows as lines of tab-separated cells, merged cells repeated.

mod numbering;
mod package;
mod paragraphs;
mod styles;
mod tables;
mod xml;

use std::io::Cursor;

use zip::ZipArchive;

use crate::error::ExtractError;
use numbering::Numbering;
use package::{corrupt, has_part, read_part, relationship_target, rels_path};
use paragraphs::paragraphs;
use styles::Styles;

/// The text of a .docx file.
///
/// # Errors
/// [`ExtractError::Corrupt`] when the zip or one of its XML parts is damaged or the
/// main document is missing.
pub(crate) fn docx_to_text(bytes: &[u8]) -> Result<String, ExtractError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("not a zip archive: {e}")))?;
    let package_rels = read_part(&mut zip, "_rels/.rels")?;
    let main = package_rels
        .as_deref()
        .and_then(|xml| relationship_target(xml, "", "officeDocument"))
        .filter(|path| has_part(&zip, path))
        .unwrap_or_else(|| "word/document.xml".to_owned());
    let document = read_part(&mut zip, &main)?
        .ok_or_else(|| corrupt(format!("no main document part ({main})")))?;
    let main_rels = read_part(&mut zip, &rels_path(&main))?;
    let related = |kind: &str, fallback: &str| {
        main_rels
            .as_deref()
            .and_then(|xml| relationship_target(xml, &main, kind))
            .unwrap_or_else(|| fallback.to_owned())
    };
    let numbering_path = related("numbering", "word/numbering.xml");
    let styles_path = related("styles", "word/styles.xml");
    let styles = match read_part(&mut zip, &styles_path)? {
        Some(xml) => Styles::parse(&xml).map_err(|e| corrupt(format!("{styles_path}: {e}")))?,
        None => Styles::default(),
    };
    let numbering = match read_part(&mut zip, &numbering_path)? {
        Some(xml) => {
            Numbering::parse(&xml).map_err(|e| corrupt(format!("{numbering_path}: {e}")))?
        }
        None => Numbering::default(),
    };
    paragraphs(&document, &numbering, &styles).map_err(|e| corrupt(format!("{main}: {e}")))
}
