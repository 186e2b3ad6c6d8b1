//! Everything written to stdout goes through here.

use std::io::{self, Write};

use serde::Serialize;

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
