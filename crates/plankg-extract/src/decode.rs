//! Bytes to text: containers by extension, encodings by BOM and detection.
//! (Placeholder: UTF-8 text only, to be replaced by the full decoder.)

use crate::error::ExtractError;

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

/// The plain text of a file.
pub(crate) fn read_source(
    bytes: &[u8],
    _file_name: &str,
    _encoding: Option<Encoding>,
) -> Result<String, ExtractError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    let text = String::from_utf8_lossy(bytes);
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned())
}
