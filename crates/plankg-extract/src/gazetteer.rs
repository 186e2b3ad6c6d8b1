//! The gazetteer files of data/gazetteer/: embedded at build time, or loaded from a
//! directory given at run time. Each recogniser parses the files it needs once, when
//! the [`crate::Extractor`] is built.
//!
//! Format of every file: UTF-8 text, one entry per line, fields separated by tabs,
//! `#` starts a comment line, blank lines are ignored.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::error::GazetteerError;

include!(concat!(env!("OUT_DIR"), "/embedded_gazetteer.rs"));

/// The raw gazetteer files, by file name.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    files: BTreeMap<String, String>,
}

/// One data row of a gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    /// 1-based line number in the file.
    pub(crate) line: usize,
    /// The tab-separated fields, trimmed.
    pub(crate) fields: Vec<&'a str>,
}

impl Row<'_> {
    /// The error of this row of `file`: `message` at its line.
    pub(crate) fn error(&self, file: &str, message: impl Into<String>) -> GazetteerError {
        GazetteerError::Row {
            file: file.to_owned(),
            line: self.line,
            message: message.into(),
        }
    }

    /// Field `index`, or an empty string when the row is shorter.
    pub(crate) fn field(&self, index: usize) -> &str {
        self.fields.get(index).copied().unwrap_or("")
    }
}

impl Gazetteer {
    /// The gazetteer files embedded in the binary (data/gazetteer/ at build time).
    #[must_use]
    pub fn embedded() -> Self {
        let files = EMBEDDED
            .iter()
            .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
            .collect();
        Self { files }
    }

    /// The embedded files, with every file of `dir` replacing (or adding to) them.
    ///
    /// # Errors
    /// [`GazetteerError::Io`] when the directory or one of its files cannot be read.
    pub fn load(dir: &Path) -> Result<Self, GazetteerError> {
        let mut gazetteer = Self::embedded();
        let entries = fs::read_dir(dir).map_err(|source| GazetteerError::Io {
            file: dir.display().to_string(),
            source,
        })?;
        for entry in entries {
            let path = entry
                .map_err(|source| GazetteerError::Io {
                    file: dir.display().to_string(),
                    source,
                })?
                .path();
            if !path.is_file() {
                continue;
            }
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let text = fs::read_to_string(&path).map_err(|source| GazetteerError::Io {
                file: path.display().to_string(),
                source,
            })?;
            gazetteer.files.insert(name.to_owned(), text);
        }
        Ok(gazetteer)
    }

    /// The names of the files held.
    pub fn file_names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// The contents of one file.
    ///
    /// # Errors
    /// [`GazetteerError::MissingFile`] when no file of that name is held.
    pub(crate) fn text(&self, file: &str) -> Result<&str, GazetteerError> {
        self.files
            .get(file)
            .map(String::as_str)
            .ok_or_else(|| GazetteerError::MissingFile(file.to_owned()))
    }

    /// The data rows of one file, each with at least `min_fields` non-empty fields.
    ///
    /// # Errors
    /// [`GazetteerError::MissingFile`], or [`GazetteerError::Row`] naming file and
    /// line of the first row with too few fields.
    pub(crate) fn rows(
        &self,
        file: &str,
        min_fields: usize,
    ) -> Result<Vec<Row<'_>>, GazetteerError> {
        let text = self.text(file)?;
        let mut rows = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let trimmed = raw.trim_end_matches('\r');
            if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = trimmed.split('\t').map(str::trim).collect();
            let filled = fields
                .iter()
                .take(min_fields)
                .filter(|f| !f.is_empty())
                .count();
            if filled < min_fields {
                return Err(GazetteerError::Row {
                    file: file.to_owned(),
                    line: index + 1,
                    message: format!("expected at least {min_fields} tab-separated fields"),
                });
            }
            rows.push(Row {
                line: index + 1,
                fields,
            });
        }
        Ok(rows)
    }

    /// The non-comment lines of a one-entry-per-line list file, trimmed.
    ///
    /// # Errors
    /// [`GazetteerError::MissingFile`] when no file of that name is held.
    pub(crate) fn list(&self, file: &str) -> Result<Vec<&str>, GazetteerError> {
        Ok(self
            .text(file)?
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_report_file_and_line_of_a_short_row() {
        let mut gazetteer = Gazetteer::embedded();
        gazetteer
            .files
            .insert("t.tsv".into(), "# header\nA\tB\n\nC\n".into());
        let err = gazetteer.rows("t.tsv", 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:4: expected at least 2 tab-separated fields"
        );
        let rows = gazetteer.rows("t.tsv", 1).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].field(1), "B");
        assert_eq!(rows[1].field(1), "");
    }

    #[test]
    fn a_missing_file_is_named() {
        let err = Gazetteer::embedded().text("no-such.tsv").unwrap_err();
        assert!(err.to_string().contains("no-such.tsv"));
    }
}
