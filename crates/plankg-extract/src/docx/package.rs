//! The package layer: parts read out of the zip (names matched ignoring case, sizes
//! capped) and relationship targets resolved to part names.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use zip::result::ZipError;
use zip::ZipArchive;

use super::xml::attr;
use crate::error::ExtractError;

/// The largest part read, uncompressed (a guard against zip bombs).
const MAX_PART: u64 = 256 * 1024 * 1024;

/// A [`ExtractError::Corrupt`] DOCX error.
pub(super) fn corrupt(message: String) -> ExtractError {
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
pub(super) fn has_part(zip: &ZipArchive<Cursor<&[u8]>>, path: &str) -> bool {
    stored_name(zip, path).is_some()
}

/// The text of a part, or `None` when the package has no such part.
pub(super) fn read_part(
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
pub(super) fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The target of the first relationship of `kind` (the last segment of its type) in
/// a relationships part, resolved against the directory of `source` (the part the
/// relationships belong to; "" for the package).
pub(super) fn relationship_target(rels: &str, source: &str, kind: &str) -> Option<String> {
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

/// Tests of the package layer.
#[cfg(test)]
mod tests {
    use super::*;

    /// Targets resolve against their source part's directory.
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
}
