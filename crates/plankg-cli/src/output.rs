//! Everything written to stdout goes through here.

use std::io::{self, Write};

use oxigraph::io::RdfSerializer;
use oxigraph::sparql::results::QueryResultsSerializer;
use plankg_store::model::Term;
use plankg_store::{QueryResults, QueryResultsFormat, RdfFormat};
use serde::Serialize;
use unicode_width::UnicodeWidthStr as _;

/// Prints one JSON value for one item, an array for several.
pub(crate) fn write_json_one_or_array<T: Serialize>(items: &[T]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    if let [one] = items {
        serde_json::to_writer_pretty(&mut out, one)?;
    } else {
        serde_json::to_writer_pretty(&mut out, items)?;
    }
    writeln!(out)?;
    Ok(())
}

/// Writes `value` into `buf` (emptied first) as `serde_json::to_string_pretty` would,
/// byte for byte: two-space indentation, `": "` after keys. serde_json's own pretty
/// formatter writes the indentation two bytes per nesting level, a call each; this one
/// writes a line break and its indentation in one call, which matters for the
/// deeply nested entity lists of `extract --out-dir`.
pub(crate) fn pretty_json_into<T: Serialize + ?Sized>(
    buf: &mut Vec<u8>,
    value: &T,
) -> serde_json::Result<()> {
    buf.clear();
    let mut serializer = serde_json::Serializer::with_formatter(buf, PrettyLines::default());
    value.serialize(&mut serializer)
}

/// serde_json's `PrettyFormatter` layout, each line break written with its
/// indentation in one call.
#[derive(Debug, Default)]
struct PrettyLines {
    depth: usize,
    has_value: bool,
}

/// A line break followed by the indentation of the deepest level written at once.
const BREAK_AND_SPACES: &[u8; 129] = b"\n                                                                                                                                ";

impl PrettyLines {
    /// Opens an array or object: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// Closes an array or object, on a line of its own when it holds anything.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line_break(writer)?;
        }
        writer.write_all(bracket)
    }

    /// Starts an element or a key: a comma after the first, then a new line.
    fn next_item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.line_break(writer)
    }

    /// Writes a line break and the indentation of the current depth.
    fn line_break<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        let mut width = self.depth * 2;
        let first = width.min(BREAK_AND_SPACES.len() - 1);
        writer.write_all(&BREAK_AND_SPACES[..=first])?;
        width -= first;
        while width > 0 {
            let more = width.min(BREAK_AND_SPACES.len() - 1);
            writer.write_all(&BREAK_AND_SPACES[1..=more])?;
            width -= more;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for PrettyLines {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Prints one JSON value per line.
pub(crate) fn write_jsonl<T: Serialize>(items: &[T]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    for item in items {
        serde_json::to_writer(&mut out, item)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Prints texts one after the other.
pub(crate) fn write_texts(texts: &[String]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    for text in texts {
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Prefixes that abbreviate IRIs in Turtle and TriG output.
pub(crate) const PREFIXES: &[(&str, &str)] = &[
    ("pk", plankg_rdf::vocab::pk::NAMESPACE),
    ("dcterms", plankg_rdf::vocab::dcterms::NAMESPACE),
    ("skos", plankg_rdf::vocab::skos::NAMESPACE),
    ("org", plankg_rdf::vocab::org::NAMESPACE),
    ("prov", plankg_rdf::vocab::prov::NAMESPACE),
    ("schema", plankg_rdf::vocab::schema::NAMESPACE),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// Hands a buffered stdout to `write`, for output that streams (RDF dumps).
pub(crate) fn write_stream(
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    write(&mut out)?;
    out.flush()?;
    Ok(())
}

/// How `query` prints its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResultsOutput {
    /// An aligned text table (solutions, booleans).
    Table,
    /// A W3C query results format (solutions, booleans).
    Results(QueryResultsFormat),
    /// An RDF syntax (graphs).
    Rdf(RdfFormat),
}

/// Writes query results to `out`; the caller has checked that `output` fits their
/// kind.
pub(crate) fn write_query_results(
    results: QueryResults<'_>,
    output: ResultsOutput,
    out: impl Write,
) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(out);
    match (results, output) {
        (QueryResults::Boolean(value), ResultsOutput::Table) => writeln!(out, "{value}")?,
        (QueryResults::Solutions(solutions), ResultsOutput::Table) => {
            let header: Vec<String> = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_owned())
                .collect();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution?;
                rows.push(
                    solution
                        .values()
                        .iter()
                        .map(|term| term.as_ref().map(term_text).unwrap_or_default())
                        .collect(),
                );
            }
            table(&mut out, &header, &rows)?;
        }
        (QueryResults::Boolean(value), ResultsOutput::Results(format)) => {
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut out, value)?;
        }
        (QueryResults::Solutions(solutions), ResultsOutput::Results(format)) => {
            let mut serializer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut out, solutions.variables().to_vec())?;
            for solution in solutions {
                serializer.serialize(&solution?)?;
            }
            serializer.finish()?;
        }
        (QueryResults::Graph(triples), ResultsOutput::Rdf(format)) => {
            let mut serializer = PREFIXES
                .iter()
                .fold(RdfSerializer::from_format(format), |s, (name, iri)| {
                    s.clone().with_prefix(*name, *iri).unwrap_or(s)
                })
                .for_writer(&mut out);
            for triple in triples {
                serializer.serialize_triple(&triple?)?;
            }
            serializer.finish()?;
        }
        _ => anyhow::bail!("this output format does not fit these results"),
    }
    out.flush()?;
    Ok(())
}

/// Prints rows under a header as an aligned table (wide characters count double).
pub(crate) fn write_table(header: &[String], rows: &[Vec<String>]) -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    table(&mut out, header, rows)?;
    out.flush()?;
    Ok(())
}

/// Writes an aligned table: columns separated by two spaces, a rule under the header.
fn table(out: &mut impl Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&" ".repeat(width - cell.width() + 2));
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(out, header)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(out, &rule)?;
    for row in rows {
        line(out, row)?;
    }
    Ok(())
}

/// A term as a table cell: IRIs bare, literals by their lexical form.
fn term_text(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => node.as_str().to_owned(),
        Term::Literal(literal) => literal.value().to_owned(),
        other => other.to_string(),
    }
}

/// Prints a JSON array of the items, even of one or none.
pub(crate) fn write_json_array<T: Serialize>(items: &[T]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, items)?;
    writeln!(out)?;
    Ok(())
}

/// Prints the items as CSV, one record each, with a header from their fields.
pub(crate) fn write_csv<T: Serialize>(items: &[T]) -> anyhow::Result<()> {
    let mut out = csv::Writer::from_writer(io::stdout().lock());
    for item in items {
        out.serialize(item)?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_lines_write_what_serde_json_pretty_writes() {
        let mut deep = serde_json::json!({"span": {"start": 1, "end": 2}});
        for depth in 0..70 {
            deep =
                serde_json::json!({"level": depth, "items": [deep, [], {}], "name": "教育\"局\""});
        }
        let values = [
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!({"documents": [{"title": "工作要点", "tasks": [], "year": 2021}]}),
            deep,
        ];
        let mut buf = Vec::new();
        for value in values {
            pretty_json_into(&mut buf, &value).unwrap();
            assert_eq!(
                String::from_utf8(buf.clone()).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }
}
