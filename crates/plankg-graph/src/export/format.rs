//! The export formats: names, file extensions and media types in one place.

use std::fmt;

/// A graph export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExportFormat {
    /// GraphML (Gephi, Cytoscape, yEd, networkx).
    GraphMl,
    /// GEXF 1.3, dynamic, with spells per year (Gephi's timeline).
    Gexf,
    /// Graphviz DOT.
    Dot,
    /// Cytoscape.js JSON as Cytoscape desktop imports it (`.cyjs`).
    Cytoscape,
    /// Two CSV files, `nodes.csv` and `edges.csv`, for `neo4j-admin import`.
    Csv,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: [Self; 5] = [
        Self::GraphMl,
        Self::Gexf,
        Self::Dot,
        Self::Cytoscape,
        Self::Csv,
    ];

    /// The format's name on the command line.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::GraphMl => "graphml",
            Self::Gexf => "gexf",
            Self::Dot => "dot",
            Self::Cytoscape => "cytoscape",
            Self::Csv => "csv",
        }
    }

    /// The usual file extension, without the dot.
    #[must_use]
    pub const fn file_extension(self) -> &'static str {
        match self {
            Self::GraphMl => "graphml",
            Self::Gexf => "gexf",
            Self::Dot => "dot",
            Self::Cytoscape => "cyjs",
            Self::Csv => "csv",
        }
    }

    /// The media type.
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::GraphMl => "application/graphml+xml",
            Self::Gexf => "application/gexf+xml",
            Self::Dot => "text/vnd.graphviz",
            Self::Cytoscape => "application/json",
            Self::Csv => "text/csv",
        }
    }

    /// Whether the format is one stream (all but CSV, which writes two files).
    #[must_use]
    pub const fn is_one_stream(self) -> bool {
        !matches!(self, Self::Csv)
    }

    /// The format with this name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.name() == name)
    }

    /// The format with this file extension (`gv` is DOT too).
    #[must_use]
    pub fn from_extension(extension: &str) -> Option<Self> {
        let extension = extension.to_ascii_lowercase();
        if extension == "gv" {
            return Some(Self::Dot);
        }
        Self::ALL
            .into_iter()
            .find(|format| format.file_extension() == extension)
    }

    /// The format with this media type (parameters such as `; charset=utf-8` ignored).
    #[must_use]
    pub fn from_media_type(media_type: &str) -> Option<Self> {
        let essence = media_type.split(';').next().unwrap_or_default().trim();
        Self::ALL
            .into_iter()
            .find(|format| format.media_type().eq_ignore_ascii_case(essence))
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_round_trip() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_name(format.name()), Some(format));
            assert_eq!(
                ExportFormat::from_extension(format.file_extension()),
                Some(format)
            );
            assert_eq!(
                ExportFormat::from_media_type(format.media_type()),
                Some(format)
            );
        }
        assert_eq!(ExportFormat::from_extension("GV"), Some(ExportFormat::Dot));
        assert_eq!(
            ExportFormat::from_media_type("text/csv; charset=utf-8"),
            Some(ExportFormat::Csv)
        );
    }
}
