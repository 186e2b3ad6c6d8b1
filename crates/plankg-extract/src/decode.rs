//! Bytes to text: the container format by file extension, the text encoding by BOM,
//! validity and detection.
//!
//! The string returned by [`read_source`] is the *source* of every span the extractor
//! reports: for a text file the decoded file (a BOM is not part of it), for HTML the
//! text taken out of the markup ([`crate::html`]), for DOCX one line per paragraph
//! with list numbers restored ([`crate::docx`]).
//!
//! | extension | read as |
//! | --- | --- |
//! | `.txt`, `.text`, none | text |
//! | `.html`, `.htm`, `.shtml`, `.xhtml` | HTML page |
//! | `.docx` | Word document |
//! | `.pdf` | unsupported: no Rust PDF reader handles the CJK fonts of Chinese official documents (predefined CMaps such as GBK-EUC-H) |
//! | `.doc`, `.wps` | unsupported: legacy binary formats, save as .docx |
//! | anything else | unsupported |
//!
//! Encodings, in order: the encoding forced with
//! [`crate::ExtractorBuilder::with_encoding`]; a byte order mark (UTF-8, UTF-16 LE/BE);
//! valid UTF-8; for HTML a `charset` declared in the first 4 KiB; otherwise detection
//! by chardetng (GBK/GB18030, Big5, …), decoded by encoding_rs. Bytes that are not
//! text — a NUL (once a UTF-16 BOM is honoured), or more than one control byte in ten —
//! give [`ExtractError::Binary`] with the byte offset of the first offending byte.
//! Nothing here panics, whatever the bytes.

use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding as RsEncoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::ExtractError;
use crate::html::{MergedCells, PageText};
use crate::{docx, html};

/// A text encoding plankg reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, with or without BOM.
    Utf8,
    /// GBK (a subset of GB18030).
    Gbk,
    /// GB18030.
    Gb18030,
    /// UTF-16 little endian.
    Utf16Le,
    /// UTF-16 big endian.
    Utf16Be,
}

impl Encoding {
    /// The encoding_rs encoding that decodes it.
    fn codec(self) -> &'static RsEncoding {
        match self {
            Self::Utf8 => UTF_8,
            // encoding_rs decodes GBK with the GB18030 decoder (a superset).
            Self::Gbk => GBK,
            Self::Gb18030 => GB18030,
            Self::Utf16Le => UTF_16LE,
            Self::Utf16Be => UTF_16BE,
        }
    }
}

/// The container formats plankg reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Plain text in some encoding.
    Text,
    /// An HTML page.
    Html,
    /// A Word 2007+ document (zip of XML parts).
    Docx,
}

/// How many bytes detection and the `charset` search look at.
const SNIFF_LEN: usize = 256 * 1024;

/// The format of a file by its extension (case-insensitive), or why it is not read.
///
/// # Errors
/// [`ExtractError::Unsupported`] naming the format and what to do instead.
pub(crate) fn format_of(file_name: &str) -> Result<Format, ExtractError> {
    let extension = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    let unsupported = |format: &str, advice: &str| ExtractError::Unsupported {
        format: format.to_owned(),
        advice: advice.to_owned(),
    };
    match extension.as_deref() {
        None | Some("txt" | "text") => Ok(Format::Text),
        Some("html" | "htm" | "shtml" | "xhtml") => Ok(Format::Html),
        Some("docx") => Ok(Format::Docx),
        Some("pdf") => Err(unsupported(
            "PDF",
            "plankg does not read PDF files (no maintained Rust reader decodes the CJK fonts \
             of Chinese official documents reliably); take the text out with \
             `pdftotext -enc UTF-8 FILE.pdf` (poppler-utils) or save it as .docx, and give \
             plankg that file",
        )),
        Some("doc") => Err(unsupported(
            "legacy Word .doc",
            "open it in Word, WPS or LibreOffice and save it as .docx (Word 2007+), then give \
             plankg the .docx",
        )),
        Some("wps") => Err(unsupported(
            "WPS Writer .wps",
            "open it in WPS or LibreOffice and save it as .docx, then give plankg the .docx",
        )),
        Some(other) => Err(unsupported(
            &format!(".{other} file"),
            "plankg reads .txt/.text, .html/.htm and .docx files; convert it to one of these",
        )),
    }
}

/// The plain text of a file: decoded, taken out of its markup, without a BOM, with
/// the ranges its markup shows to be site chrome.
///
/// # Errors
/// [`ExtractError::Unsupported`] for a format plankg does not read,
/// [`ExtractError::Empty`] for a file without bytes (or only whitespace),
/// [`ExtractError::Binary`] for bytes that are not text, [`ExtractError::Corrupt`] for a
/// damaged DOCX, [`ExtractError::NoText`] for a page or document without any text.
pub(crate) fn read_source(
    bytes: &[u8],
    file_name: &str,
    encoding: Option<Encoding>,
) -> Result<PageText, ExtractError> {
    let format = format_of(file_name)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    let source = match format {
        Format::Text => {
            let text = decode_text(bytes, encoding, false)?;
            if text.trim().is_empty() {
                return Err(ExtractError::Empty);
            }
            PageText {
                text,
                ..PageText::default()
            }
        }
        Format::Html => html::html_to_text(&decode_text(bytes, encoding, true)?),
        Format::Docx => PageText {
            text: docx::docx_to_text(bytes)?,
            chrome: Vec::new(),
            merged_cells: MergedCells::Repeated,
        },
    };
    if source.text.trim().is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok(source)
}

/// Decodes the bytes of a text (or HTML, `html` true) file; a leading BOM is dropped.
///
/// # Errors
/// [`ExtractError::Binary`] when the bytes are not text.
pub(crate) fn decode_text(
    bytes: &[u8],
    forced: Option<Encoding>,
    html: bool,
) -> Result<String, ExtractError> {
    let (codec, bom) = match forced {
        Some(forced) => {
            let codec = forced.codec();
            let bom = match RsEncoding::for_bom(bytes) {
                Some((found, len)) if found == codec => len,
                _ => 0,
            };
            (codec, bom)
        }
        None => match RsEncoding::for_bom(bytes) {
            Some((codec, bom)) => (codec, bom),
            None => {
                if let Some(split) = utf8_prefix_end(bytes) {
                    return mixed(bytes, split, html);
                }
                (
                    bomless_utf16(bytes).map_or_else(|| sniff(bytes, html), Ok)?,
                    0,
                )
            }
        },
    };
    let body = bytes.get(bom..).unwrap_or_default();
    if codec == UTF_16LE || codec == UTF_16BE {
        check_utf16(body, bom, codec == UTF_16LE)?;
    } else {
        check_bytes(body, bom)?;
    }
    let (text, _) = codec.decode_without_bom_handling(body);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if forced.is_none() && bom == 0 && codec != UTF_8 {
        check_replacements(text, bytes)?;
    }
    Ok(text.to_owned())
}

/// The least number of multi-byte UTF-8 characters a valid prefix must hold before
/// the rest of a file is taken for another encoding: GBK text forms valid UTF-8
/// sequences by chance for a few characters, never for dozens.
const UTF8_PREFIX_CHARS: usize = 32;

/// Where the UTF-8 part of a file that switches encoding ends (a file joined from
/// two sources, one saved as UTF-8 and one as GBK): the start of the line holding the
/// first invalid byte, provided the part before holds enough UTF-8 characters to be
/// sure of it. `None` for valid UTF-8 and for a file whose first non-ASCII text is
/// not UTF-8.
fn utf8_prefix_end(bytes: &[u8]) -> Option<usize> {
    let valid = std::str::from_utf8(bytes).err()?.valid_up_to();
    let wide_before = |end: usize| {
        std::str::from_utf8(&bytes[..end]).map_or(0, |prefix| {
            prefix.chars().filter(|c| c.len_utf8() > 1).count()
        })
    };
    let line_start = bytes[..valid]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    (wide_before(line_start) >= UTF8_PREFIX_CHARS).then_some(line_start)
}

/// A file whose first `split` bytes are UTF-8 and whose rest is decoded on its own
/// (it may switch again). When the switch falls inside a line, that line's UTF-8
/// start stays UTF-8.
fn mixed(bytes: &[u8], split: usize, html: bool) -> Result<String, ExtractError> {
    let line_end = bytes[split..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |at| split + at);
    let split = std::str::from_utf8(&bytes[split..line_end])
        .err()
        .map_or(split, |e| split + e.valid_up_to());
    let (head, tail) = bytes.split_at(split);
    check_bytes(head, 0)?;
    let mut text = String::from_utf8_lossy(head).into_owned();
    let rest = decode_text(tail, None, html).map_err(|err| match err {
        ExtractError::Binary { reason, offset } => ExtractError::Binary {
            reason,
            offset: offset + split,
        },
        other => other,
    })?;
    text.push_str(&rest);
    Ok(text)
}

/// UTF-16 without a BOM (as some Windows tools save it): an even length, many code
/// units that are ASCII text (line breaks, digits, Latin punctuation, of which a plan
/// has many) read one way round and few read the other, and units that decode
/// without error. `None` otherwise, and for text with too few such units to tell.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static RsEncoding> {
    /// The least number of ASCII units, and how many times more of them one byte
    /// order must find than the other.
    const MIN_ASCII_UNITS: usize = 8;
    const MARGIN: usize = 4;
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let is_text = |b: u8| b.is_ascii_graphic() || matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    let (mut little, mut big) = (0_usize, 0_usize);
    for unit in sample.chunks_exact(2) {
        match (unit[0], unit[1]) {
            (low, 0) if is_text(low) => little += 1,
            (0, low) if is_text(low) => big += 1,
            _ => {}
        }
    }
    let codec = if little >= MIN_ASCII_UNITS && little >= big.saturating_mul(MARGIN) {
        UTF_16LE
    } else if big >= MIN_ASCII_UNITS && big >= little.saturating_mul(MARGIN) {
        UTF_16BE
    } else {
        return None;
    };
    codec
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
        .then_some(codec)
}

/// The encoding of bytes without a BOM: UTF-8 when valid, else a declared HTML
/// charset, else chardetng's guess.
fn sniff(bytes: &[u8], html: bool) -> Result<&'static RsEncoding, ExtractError> {
    check_bytes(bytes, 0)?;
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(UTF_8);
    }
    if html {
        if let Some(declared) = declared_charset(bytes) {
            if declared != UTF_8 && declared != UTF_16LE && declared != UTF_16BE {
                return Ok(declared);
            }
        }
    }
    let sample = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, Utf8Detection::Allow);
    // The GB18030 decoder reads GBK too, and also its four-byte sequences.
    Ok(if guess == GBK { GB18030 } else { guess })
}

/// The encoding named by `charset=` in the first bytes of an HTML page.
fn declared_charset(bytes: &[u8]) -> Option<&'static RsEncoding> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = lower.get(at..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    RsEncoding::for_label(rest.get(..len)?)
}

/// Whether a byte is a control byte that plain text does not hold (tab, line feed,
/// carriage return, form feed, escape and the DOS end-of-file mark are fine).
fn is_stray_control(byte: u8) -> bool {
    byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c | 0x1a | 0x1b)
}

/// Rejects bytes holding a NUL or mostly control bytes. `base` is added to the offset
/// reported (the length of a BOM already skipped).
fn check_bytes(bytes: &[u8], base: usize) -> Result<(), ExtractError> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(ExtractError::Binary {
            reason: "NUL byte".into(),
            offset: base + at,
        });
    }
    let controls = bytes.iter().filter(|&&b| is_stray_control(b)).count();
    if controls > 0 && controls * 10 > bytes.len() {
        let at = bytes.iter().position(|&b| is_stray_control(b)).unwrap_or(0);
        return Err(ExtractError::Binary {
            reason: format!("{controls} control bytes in {}", bytes.len()),
            offset: base + at,
        });
    }
    Ok(())
}

/// [`check_bytes`] for UTF-16 code units (`base`: the BOM's length).
fn check_utf16(bytes: &[u8], base: usize, little_endian: bool) -> Result<(), ExtractError> {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut controls = 0;
    let mut first_control = None;
    let mut count = 0;
    for (index, unit) in units.enumerate() {
        count += 1;
        if unit == 0 {
            return Err(ExtractError::Binary {
                reason: "NUL character".into(),
                offset: base + 2 * index,
            });
        }
        if u8::try_from(unit).is_ok_and(is_stray_control) {
            controls += 1;
            first_control.get_or_insert(index);
        }
    }
    if controls > 0 && controls * 10 > count {
        return Err(ExtractError::Binary {
            reason: format!("{controls} control characters in {count}"),
            offset: base + 2 * first_control.unwrap_or(0),
        });
    }
    Ok(())
}

/// Rejects a detected decoding that is mostly replacement characters: bytes that are
/// text in no encoding plankg knows.
fn check_replacements(text: &str, bytes: &[u8]) -> Result<(), ExtractError> {
    let total = text.chars().count();
    let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
    if bad > 0 && bad * 4 > total {
        let offset = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        return Err(ExtractError::Binary {
            reason: "bytes that are text in no supported encoding".into(),
            offset,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], name: &str) -> Result<String, ExtractError> {
        read_source(bytes, name, None).map(|source| source.text)
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of("a/b.TXT").unwrap(), Format::Text);
        assert_eq!(format_of("README").unwrap(), Format::Text);
        assert_eq!(format_of("x.htm").unwrap(), Format::Html);
        assert_eq!(format_of("x.Docx").unwrap(), Format::Docx);
        for (name, format) in [
            ("a.pdf", "PDF"),
            ("a.doc", "legacy Word .doc"),
            ("a.wps", "WPS"),
        ] {
            match format_of(name) {
                Err(ExtractError::Unsupported { format: f, advice }) => {
                    assert!(f.starts_with(format), "{f}");
                    assert!(!advice.is_empty());
                }
                other => panic!("{name}: {other:?}"),
            }
        }
        assert!(matches!(
            format_of("data.xlsx"),
            Err(ExtractError::Unsupported { .. })
        ));
    }

    #[test]
    fn boms_are_honoured_and_not_kept() {
        let text = "一、加强党建\n";
        let mut utf8 = vec![0xef, 0xbb, 0xbf];
        utf8.extend_from_slice(text.as_bytes());
        assert_eq!(read(&utf8, "a.txt").unwrap(), text);
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(read(&le, "a.txt").unwrap(), text);
        assert_eq!(read(&be, "a.txt").unwrap(), text);
    }

    #[test]
    fn gbk_is_detected() {
        let text = "嘉兴市教育局2018年工作要点\n一、加强党的建设，深入学习贯彻党的十九大精神。\n";
        let (bytes, _, _) = GBK.encode(text);
        assert_eq!(read(&bytes, "a.txt").unwrap(), text);
    }

    #[test]
    fn forced_encoding_wins() {
        let (bytes, _, _) = GBK.encode("教育");
        assert_eq!(
            read_source(&bytes, "a.txt", Some(Encoding::Gbk))
                .unwrap()
                .text,
            "教育"
        );
        assert_ne!(
            read_source(&bytes, "a.txt", Some(Encoding::Utf8))
                .unwrap()
                .text,
            "教育"
        );
    }

    #[test]
    fn binary_bytes_are_rejected_with_their_offset() {
        match read(b"abc\0def", "a.txt") {
            Err(ExtractError::Binary { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("{other:?}"),
        }
        match read(b"a\x01\x02\x03\x04\x05\x06", "a") {
            Err(ExtractError::Binary { offset, .. }) => assert_eq!(offset, 1),
            other => panic!("{other:?}"),
        }
        // UTF-16 with a BOM: NUL units are binary, the zero bytes of ASCII are not.
        let mut le = vec![0xff, 0xfe, b'a', 0, 0, 0];
        match read(&le, "a.txt") {
            Err(ExtractError::Binary { offset, .. }) => assert_eq!(offset, 4),
            other => panic!("{other:?}"),
        }
        le.truncate(4);
        assert_eq!(read(&le, "a.txt").unwrap(), "a");
    }

    #[test]
    fn empty_files_are_empty() {
        assert!(matches!(read(b"", "a.txt"), Err(ExtractError::Empty)));
        assert!(matches!(
            read(b" \r\n\t", "a.txt"),
            Err(ExtractError::Empty)
        ));
        assert!(matches!(
            read(b"\xef\xbb\xbf\n", "a.txt"),
            Err(ExtractError::Empty)
        ));
        assert!(matches!(read(b"", "a.docx"), Err(ExtractError::Empty)));
    }

    #[test]
    fn html_charset_declaration_is_used() {
        let page =
            "<html><head><meta charset=\"gb2312\"></head><body><p>工作要点</p></body></html>";
        let (bytes, _, _) = GBK.encode(page);
        assert_eq!(read(&bytes, "a.html").unwrap(), "工作要点");
        let page = "<meta http-equiv=Content-Type content='text/html; charset=GBK'>教育";
        let (bytes, _, _) = GBK.encode(page);
        assert_eq!(read(&bytes, "a.htm").unwrap(), "教育");
    }
}
