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

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::name::QName;
use quick_xml::Reader;
use zip::result::ZipError;
use zip::ZipArchive;

use crate::error::ExtractError;

/// The largest part read, uncompressed (a guard against zip bombs).
const MAX_PART: u64 = 256 * 1024 * 1024;

/// Numbering levels Word has (`w:ilvl` 0–8).
const LEVELS: usize = 9;

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

/// A [`ExtractError::Corrupt`] DOCX error.
fn corrupt(message: String) -> ExtractError {
    ExtractError::Corrupt {
        format: "DOCX",
        message,
    }
}

/// The name of a part as stored in the zip: exactly, else ignoring case (part names
/// are case-insensitive in a package).
fn stored_name(zip: &ZipArchive<Cursor<&[u8]>>, path: &str) -> Option<String> {
    if zip.index_for_name(path).is_some() {
        return Some(path.to_owned());
    }
    zip.file_names()
        .find(|name| name.eq_ignore_ascii_case(path))
        .map(str::to_owned)
}

/// Whether the package holds a part.
fn has_part(zip: &ZipArchive<Cursor<&[u8]>>, path: &str) -> bool {
    stored_name(zip, path).is_some()
}

/// The text of a part, or `None` when the package has no such part.
fn read_part(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    path: &str,
) -> Result<Option<String>, ExtractError> {
    let Some(name) = stored_name(zip, path) else {
        return Ok(None);
    };
    let file = match zip.by_name(&name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(corrupt(format!("{path}: {e}"))),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| corrupt(format!("{path}: {e}")))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(corrupt(format!("{path}: larger than {MAX_PART} bytes")));
    }
    let text = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, bom)) => encoding
            .decode_without_bom_handling(bytes.get(bom..).unwrap_or_default())
            .0
            .into_owned(),
        None => String::from_utf8_lossy(&bytes).into_owned(),
    };
    Ok(Some(text))
}

/// The relationships part of a part: `word/document.xml` -> `word/_rels/document.xml.rels`.
fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The target of the first relationship of `kind` (the last segment of its type) in
/// a relationships part, resolved against the directory of `source` (the part the
/// relationships belong to; "" for the package).
fn relationship_target(rels: &str, source: &str, kind: &str) -> Option<String> {
    let mut reader = Reader::from_str(rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let is_kind = attr(&e, "Type").is_some_and(|t| t.rsplit('/').next() == Some(kind));
                let external = attr(&e, "TargetMode").is_some_and(|m| m == "External");
                if is_kind && !external {
                    return attr(&e, "Target").map(|target| resolve(source, &target));
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// A relationship target resolved to a part name (no leading `/`, `..` applied).
fn resolve(source: &str, target: &str) -> String {
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        source
            .rsplit_once('/')
            .map(|(dir, _)| dir.split('/').collect())
            .unwrap_or_default()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("/")
}

/// The value of the attribute whose local name is `name`, with XML's predefined
/// entities and character references decoded.
fn attr(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find_map(|a| {
            (a.key.local_name().as_ref() == name.as_bytes())
                .then(|| unescape(&String::from_utf8_lossy(&a.value)))
        })
}

/// `w:val` of an element.
fn val(element: &BytesStart<'_>) -> Option<String> {
    attr(element, "val")
}

/// Decodes XML's predefined entities and character references.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let resolved = rest
            .find(';')
            .and_then(|end| entity(&rest[1..end]).map(|c| (c, end + 1)));
        match resolved {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of an XML entity or character reference (without `&` and `;`).
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value)
        }
    }
}

/// A number's suffix (`w:suff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Suffix {
    /// A tab (Word's default).
    #[default]
    Tab,
    /// A space.
    Space,
    /// Nothing.
    Nothing,
}

/// One level of a list definition (`w:lvl`).
#[derive(Debug, Clone, Default)]
struct Level {
    /// `w:start` (0 when absent, as the standard says).
    start: u32,
    /// `w:numFmt`.
    format: String,
    /// `w:lvlText`.
    text: String,
    /// `w:suff`.
    suffix: Suffix,
    /// `w:isLgl`: every number in decimal.
    legal: bool,
    /// `w:lvlRestart`: restart after a paragraph of a level up to this one
    /// (1-based; 0 never).
    restart: Option<usize>,
    /// `w:pStyle`: the paragraph style linked to this level.
    style: Option<String>,
}

/// A list definition (`w:abstractNum`).
#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: HashMap<usize, Level>,
    /// `w:numStyleLink`: the levels are those of the list of this style.
    style_link: Option<String>,
}

/// A numbering instance (`w:num`).
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// `w:lvlOverride/w:startOverride` by level.
    start_overrides: HashMap<usize, u32>,
    /// `w:lvlOverride/w:lvl` by level.
    level_overrides: HashMap<usize, Level>,
}

/// numbering.xml.
#[derive(Debug, Clone, Default)]
struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

/// Where a level being read goes.
enum LevelOwner {
    Abstract(String),
    Override(String),
}

impl Numbering {
    /// Reads numbering.xml.
    fn parse(xml: &str) -> Result<Self, quick_xml::Error> {
        let mut numbering = Self::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(LevelOwner, usize, Level)> = None;
        loop {
            let event = reader.read_event()?;
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        b"abstractNum" => abstract_id = None,
                        b"num" => num_id = None,
                        b"lvlOverride" => override_level = None,
                        b"lvl" => numbering.store(level.take()),
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                b"abstractNum" if !empty => {
                    let id = attr(e, "abstractNumId").unwrap_or_default();
                    numbering.abstracts.entry(id.clone()).or_default();
                    abstract_id = Some(id);
                }
                b"num" if !empty => {
                    let id = attr(e, "numId").unwrap_or_default();
                    numbering.nums.entry(id.clone()).or_default();
                    num_id = Some(id);
                }
                b"abstractNumId" => {
                    if let (Some(id), Some(value)) = (&num_id, val(e)) {
                        if let Some(num) = numbering.nums.get_mut(id) {
                            num.abstract_id = value;
                        }
                    }
                }
                b"lvlOverride" if !empty => {
                    override_level = attr(e, "ilvl").and_then(|v| v.parse().ok())
                }
                b"startOverride" => {
                    if let (Some(id), Some(ilvl), Some(start)) =
                        (&num_id, override_level, val(e).and_then(|v| v.parse().ok()))
                    {
                        if let Some(num) = numbering.nums.get_mut(id) {
                            num.start_overrides.insert(ilvl, start);
                        }
                    }
                }
                b"lvl" if !empty => {
                    let ilvl = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let owner = match (&num_id, &abstract_id) {
                        (Some(num), _) => LevelOwner::Override(num.clone()),
                        (None, Some(abs)) => LevelOwner::Abstract(abs.clone()),
                        (None, None) => continue,
                    };
                    level = Some((owner, ilvl, Level::default()));
                }
                b"numStyleLink" => {
                    if let (Some(id), Some(style)) = (&abstract_id, val(e)) {
                        if let Some(abs) = numbering.abstracts.get_mut(id) {
                            abs.style_link = Some(style);
                        }
                    }
                }
                name => {
                    if let Some((_, _, level)) = level.as_mut() {
                        let value = val(e);
                        match name {
                            b"start" => {
                                level.start = value.and_then(|v| v.parse().ok()).unwrap_or(0)
                            }
                            b"numFmt" => level.format = value.unwrap_or_default(),
                            b"lvlText" => level.text = value.unwrap_or_default(),
                            b"suff" => {
                                level.suffix = match value.as_deref() {
                                    Some("space") => Suffix::Space,
                                    Some("nothing") => Suffix::Nothing,
                                    _ => Suffix::Tab,
                                };
                            }
                            b"isLgl" => level.legal = value.is_none_or(|v| is_true(&v)),
                            b"lvlRestart" => level.restart = value.and_then(|v| v.parse().ok()),
                            b"pStyle" => level.style = value,
                            _ => {}
                        }
                    }
                }
            }
        }
        Ok(numbering)
    }

    /// Files a level read.
    fn store(&mut self, level: Option<(LevelOwner, usize, Level)>) {
        match level {
            Some((LevelOwner::Abstract(id), ilvl, level)) => {
                self.abstracts
                    .entry(id)
                    .or_default()
                    .levels
                    .insert(ilvl, level);
            }
            Some((LevelOwner::Override(id), ilvl, level)) => {
                self.nums
                    .entry(id)
                    .or_default()
                    .level_overrides
                    .insert(ilvl, level);
            }
            None => {}
        }
    }

    /// The list definition of an instance, following a style link once.
    fn abstract_of(&self, num_id: &str, styles: &Styles) -> Option<&Abstract> {
        let abs = self.abstracts.get(&self.nums.get(num_id)?.abstract_id)?;
        match &abs.style_link {
            Some(style) if abs.levels.is_empty() => {
                let (linked_num, _) = styles.numbering(style)?;
                let linked = self
                    .abstracts
                    .get(&self.nums.get(&linked_num)?.abstract_id)?;
                Some(linked)
            }
            _ => Some(abs),
        }
    }

    /// A level of an instance, with its overrides.
    fn level<'a>(&'a self, num_id: &str, ilvl: usize, styles: &'a Styles) -> Option<Level> {
        let num = self.nums.get(num_id)?;
        let mut level = match num.level_overrides.get(&ilvl) {
            Some(level) => level.clone(),
            None => self.abstract_of(num_id, styles)?.levels.get(&ilvl)?.clone(),
        };
        if let Some(start) = num.start_overrides.get(&ilvl) {
            level.start = *start;
        }
        Some(level)
    }
}

/// Whether an OOXML on/off value is on.
fn is_true(value: &str) -> bool {
    !matches!(value, "0" | "false" | "off")
}

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
struct Styles {
    /// By style id.
    styles: HashMap<String, Style>,
}

impl Styles {
    /// Reads styles.xml.
    fn parse(xml: &str) -> Result<Self, quick_xml::Error> {
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
    fn numbering(&self, style: &str) -> Option<(String, Option<usize>)> {
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

/// A paragraph being read.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    num_id: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
}

/// Elements whose content is left out: the fallback copy of alternate content,
/// text moved away (it is also where it was moved to), deleted runs.
const SKIPPED: &[&[u8]] = &[b"Fallback", b"moveFrom", b"del"];

/// A table being read: Word's `w:tbl`, its rows `w:tr` and cells `w:tc`.
#[derive(Debug, Default)]
struct TableReader {
    /// Cells of the open row.
    row: Vec<String>,
    /// The open cell's text, its paragraphs joined by spaces.
    cell: Option<String>,
    /// Grid columns the open cell spans (`w:gridSpan`).
    grid_span: usize,
    /// Whether the open cell continues the cell above (`w:vMerge` without
    /// `restart`).
    continues: bool,
    /// The cells of the row before, by grid column, for merged cells to repeat.
    above: Vec<String>,
    /// Tables opened inside a cell of this one: read as the cell's text.
    nested: usize,
}

impl TableReader {
    /// Adds a paragraph of the open cell (tabs and breaks inside it become spaces,
    /// so the cell never breaks its row).
    fn add_paragraph(&mut self, text: &str) -> bool {
        let Some(cell) = self.cell.as_mut() else {
            return false;
        };
        let text = text.replace(['\t', '\n'], " ");
        let text = text.trim();
        if !text.is_empty() {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(text);
        }
        true
    }

    /// Closes the open cell; the grid columns it spans beyond its own are empty
    /// cells. A vertically merged continuation (`w:vMerge` without `restart`) has no
    /// text of its own: it is written with the text of the cell above, so every row
    /// carries its own units and deadline (as the HTML reader does for `rowspan`).
    fn close_cell(&mut self) {
        if let Some(mut cell) = self.cell.take() {
            if std::mem::take(&mut self.continues) && cell.is_empty() {
                cell = self.above.get(self.row.len()).cloned().unwrap_or_default();
            }
            self.row.push(cell);
            for _ in 1..self.grid_span.max(1) {
                self.row.push(String::new());
            }
        }
    }

    /// The open row as one line of tab-separated cells.
    fn close_row(&mut self) -> String {
        self.close_cell();
        let line = self.row.join("\t");
        self.above = std::mem::take(&mut self.row);
        line.trim_end_matches('\t').to_owned()
    }
}

/// Reads document.xml into lines; a table row is one line of tab-separated cells.
fn paragraphs(
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

/// Handles the start of a table, row or cell; whether `element` was one.
fn table_start(element: &BytesStart<'_>, tables: &mut Vec<TableReader>) -> bool {
    match element.local_name().as_ref() {
        b"tbl" => {
            match tables
                .last_mut()
                .filter(|t| t.cell.is_some() || t.nested > 0)
            {
                Some(outer) => outer.nested += 1,
                None => tables.push(TableReader::default()),
            }
            true
        }
        b"tr" | b"tc" => {
            if let Some(table) = tables.last_mut().filter(|t| t.nested == 0) {
                if element.local_name().as_ref() == b"tr" {
                    table.row.clear();
                } else {
                    table.close_cell();
                    table.cell = Some(String::new());
                    table.grid_span = 1;
                    table.continues = false;
                }
            }
            true
        }
        _ => false,
    }
}

/// Handles the end of a table, row or cell; whether `element` was one. A finished
/// row becomes a line.
fn table_end(
    element: &BytesEnd<'_>,
    tables: &mut Vec<TableReader>,
    lines: &mut Vec<String>,
) -> bool {
    let Some(table) = tables.last_mut() else {
        return false;
    };
    match element.local_name().as_ref() {
        b"tbl" => {
            if table.nested > 0 {
                table.nested -= 1;
            } else {
                let row = table.close_row();
                if !row.is_empty() {
                    lines.push(row);
                }
                tables.pop();
            }
            true
        }
        b"tc" => {
            if table.nested == 0 {
                table.close_cell();
            }
            true
        }
        b"tr" => {
            if table.nested == 0 {
                let row = table.close_row();
                if !row.is_empty() {
                    lines.push(row);
                }
            }
            true
        }
        _ => false,
    }
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

/// List counters per numbering instance and level.
#[derive(Debug, Default)]
struct Counters {
    by_num: HashMap<String, [Option<u32>; LEVELS]>,
}

impl Counters {
    /// The number of a paragraph as text, with its suffix ("" when not numbered).
    fn label(&mut self, paragraph: &Paragraph, numbering: &Numbering, styles: &Styles) -> String {
        let from_style = paragraph.style.as_deref().and_then(|s| styles.numbering(s));
        let (num_id, style_ilvl) = match (&paragraph.num_id, &from_style) {
            (Some(id), _) => (id.clone(), from_style.as_ref().and_then(|s| s.1)),
            (None, Some((id, ilvl))) => (id.clone(), *ilvl),
            (None, None) => return String::new(),
        };
        if num_id == "0" {
            return String::new();
        }
        let ilvl = paragraph
            .ilvl
            .or(style_ilvl)
            .or_else(|| {
                let style = paragraph.style.as_deref()?;
                let abs = numbering.abstract_of(&num_id, styles)?;
                abs.levels
                    .iter()
                    .find(|(_, level)| level.style.as_deref() == Some(style))
                    .map(|(ilvl, _)| *ilvl)
            })
            .unwrap_or(0)
            .min(LEVELS - 1);
        let Some(level) = numbering.level(&num_id, ilvl, styles) else {
            return String::new();
        };
        let levels: Vec<Option<Level>> = (0..LEVELS)
            .map(|l| numbering.level(&num_id, l, styles))
            .collect();
        let counters = self.by_num.entry(num_id).or_insert([None; LEVELS]);
        counters[ilvl] = Some(counters[ilvl].map_or(level.start, |n| n.saturating_add(1)));
        for (deeper, slot) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = levels[deeper]
                .as_ref()
                .and_then(|l| l.restart)
                .is_none_or(|after| after != 0 && ilvl < after);
            if restarts {
                *slot = None;
            }
        }
        if level.format == "bullet" {
            return String::new();
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| (1..=9).contains(d));
            match (c, digit) {
                ('%', Some(n)) => {
                    chars.next();
                    let index = usize::try_from(n - 1).unwrap_or(0);
                    let (value, format) = match &levels[index] {
                        Some(l) => (counters[index].unwrap_or(l.start), l.format.as_str()),
                        None => (counters[index].unwrap_or(1), "decimal"),
                    };
                    if level.format != "none" {
                        let format = if level.legal { "decimal" } else { format };
                        label.push_str(&format_number(value, format));
                    }
                }
                _ => label.push(c),
            }
        }
        let ends_open = label
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        if level.suffix != Suffix::Nothing && ends_open {
            label.push(' ');
        }
        label
    }
}

/// A list number in one of Word's number formats.
fn format_number(n: u32, format: &str) -> String {
    let table = |symbols: &[char]| {
        let len = u32::try_from(symbols.len()).unwrap_or(1).max(1);
        let index = usize::try_from((n.max(1) - 1) % len).unwrap_or(0);
        symbols[index].to_string()
    };
    let offset = |first: u32, count: u32| {
        if (1..=count).contains(&n) {
            char::from_u32(first + n - 1).map(String::from)
        } else {
            None
        }
    };
    let formatted = match format {
        "decimalZero" => Some(format!("{n:02}")),
        "upperRoman" => Some(roman(n)),
        "lowerRoman" => Some(roman(n).to_lowercase()),
        "upperLetter" => Some(letters(n, 'A')),
        "lowerLetter" => Some(letters(n, 'a')),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => Some(chinese(n, &CHINESE_DIGITS, &CHINESE_UNITS)),
        "chineseLegalSimplified" => Some(chinese(n, &LEGAL_DIGITS, &LEGAL_UNITS)),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => Some(
            n.to_string()
                .chars()
                .map(|d| CHINESE_DIGITS[usize::try_from(d.to_digit(10).unwrap_or(0)).unwrap_or(0)])
                .collect(),
        ),
        "ideographTraditional" => Some(table(&[
            '甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸',
        ])),
        "ideographZodiac" => Some(table(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ])),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => offset(0x2460, 20)
            .or_else(|| {
                (21..=35)
                    .contains(&n)
                    .then(|| char::from_u32(0x3251 + n - 21).map(String::from))
                    .flatten()
            })
            .or_else(|| {
                (36..=50)
                    .contains(&n)
                    .then(|| char::from_u32(0x32b1 + n - 36).map(String::from))
                    .flatten()
            }),
        "decimalEnclosedParen" => offset(0x2474, 20).or_else(|| Some(format!("({n})"))),
        "decimalEnclosedFullstop" => offset(0x2488, 20).or_else(|| Some(format!("{n}."))),
        "ideographEnclosedCircle" => offset(0x3280, 10),
        "decimalFullWidth" | "decimalFullWidth2" => Some(
            n.to_string()
                .chars()
                .filter_map(|d| char::from_u32(u32::from(d) + 0xfee0))
                .collect(),
        ),
        _ => None,
    };
    formatted.unwrap_or_else(|| n.to_string())
}

/// Chinese digits 0–9.
const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/// Chinese units 十, 百, 千.
const CHINESE_UNITS: [char; 3] = ['十', '百', '千'];
/// Financial (大写) digits 0–9.
const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
/// Financial units 拾, 佰, 仟.
const LEGAL_UNITS: [char; 3] = ['拾', '佰', '仟'];

/// A number (0–9999; larger ones in decimal) in Chinese counting: 十一, 二十, 一百零五.
fn chinese(n: u32, digits: &[char; 10], units: &[char; 3]) -> String {
    if n >= 10_000 {
        return n.to_string();
    }
    if n == 0 {
        return digits[0].to_string();
    }
    let digit = |d: u32| digits[usize::try_from(d).unwrap_or(0)];
    let places = [(n / 1000) % 10, (n / 100) % 10, (n / 10) % 10, n % 10];
    let unit_of = [Some(units[2]), Some(units[1]), Some(units[0]), None];
    let mut out = String::new();
    let mut zero = false;
    for (place, (&d, unit)) in places.iter().zip(unit_of).enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        // 十一, not 一十一, when the number starts at the tens.
        let bare_ten = place == 2 && d == 1 && out.is_empty() && digits[0] == '〇';
        if !bare_ten {
            out.push(digit(d));
        }
        if let Some(unit) = unit {
            out.push(unit);
        }
    }
    if digits[0] == '〇' {
        out = out.replace('〇', "零");
    }
    out
}

/// A Roman numeral (1–3999; other numbers in decimal).
fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut rest = n;
    let mut out = String::new();
    for (value, symbol) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while rest >= value {
            out.push_str(symbol);
            rest -= value;
        }
    }
    out
}

/// Word's letter numbering: A…Z, then AA…ZZ, AAA….
fn letters(n: u32, first: char) -> String {
    if n == 0 {
        return "0".to_owned();
    }
    let repeat = usize::try_from((n - 1) / 26 + 1).unwrap_or(1).min(100);
    let letter = char::from_u32(u32::from(first) + (n - 1) % 26).unwrap_or(first);
    std::iter::repeat_n(letter, repeat).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1001, "一千零一"),
        ];
        for (n, text) in cases {
            assert_eq!(format_number(n, "chineseCounting"), text, "{n}");
        }
        assert_eq!(format_number(12, "chineseLegalSimplified"), "壹拾贰");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(25, "decimalEnclosedCircle"), "㉕");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(7, "cardinalText"), "7");
    }

    #[test]
    fn targets_resolve_against_their_source() {
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("", "/word/document2.xml"), "word/document2.xml");
        assert_eq!(
            resolve("word/document.xml", "numbering.xml"),
            "word/numbering.xml"
        );
        assert_eq!(
            resolve("word/document.xml", "../custom/n.xml"),
            "custom/n.xml"
        );
        assert_eq!(
            rels_path("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/><w:isLgl/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    fn para(num: &str, ilvl: usize, text: &str) -> String {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"a\"/><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr>\
             <w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    }

    #[test]
    fn table_rows_are_lines_of_cells_with_merged_cells_repeated() {
        let cell = |props: &str, paragraphs: &[&str]| {
            let body: String = paragraphs
                .iter()
                .map(|t| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"))
                .collect();
            format!("<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
        };
        let restart = "<w:vMerge w:val=\"restart\"/>";
        let cont = "<w:vMerge/>";
        let rows = [
            [
                cell("", &["序号"]),
                cell("<w:gridSpan w:val=\"2\"/>", &["工作任务"]),
                cell("", &["牵头科室"]),
            ]
            .concat(),
            [
                cell("", &["1"]),
                cell("", &["加强", "党建"]),
                cell("", &["措施"]),
                cell(restart, &["办公室"]),
            ]
            .concat(),
            [
                cell("", &["2"]),
                cell("", &["推进"]),
                cell("", &["<w:tab/>"]),
                cell(cont, &[]),
            ]
            .concat(),
        ];
        let table: String = rows.iter().map(|r| format!("<w:tr>{r}</w:tr>")).collect();
        let xml = format!(
            "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>清单</w:t></w:r></w:p><w:tbl>{table}</w:tbl><w:p><w:r><w:t>完</w:t></w:r></w:p></w:body></w:document>"
        );
        let text = paragraphs(&xml, &Numbering::default(), &Styles::default()).unwrap();
        assert_eq!(
            text,
            "清单\n序号\t工作任务\t\t牵头科室\n1\t加强 党建\t措施\t办公室\n2\t推进\t\t办公室\n完"
        );
    }

    #[test]
    fn list_numbers_are_restored_with_counters_per_instance_and_level() {
        let numbering = Numbering::parse(NUMBERING).unwrap();
        let body = [
            para("1", 0, "指导思想"),
            para("1", 0, "主要任务"),
            para("1", 1, "加强党建"),
            para("1", 2, "学习"),
            para("1", 2, "宣传"),
            para("1", 1, "深化改革"),
            para("1", 2, "改革"),
            para("1", 3, "细则"),
            para("2", 0, "另一计划"),
            para("3", 0, "要点"),
            para("0", 0, "不编号"),
        ]
        .concat();
        let xml = format!("<w:document xmlns:w=\"w\"><w:body>{body}<w:p/><w:p><w:r><w:t xml:space=\"preserve\">A &amp; B</w:t><w:tab/><w:t>C</w:t></w:r></w:p></w:body></w:document>");
        let text = paragraphs(&xml, &numbering, &Styles::default()).unwrap();
        assert_eq!(
            text,
            "一、指导思想\n二、主要任务\n（一）加强党建\n1.学习\n2.宣传\n（二）深化改革\n1.改革\n2.1 细则\n\
             五、另一计划\n要点\n不编号\n\nA & B\tC"
        );
    }

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
