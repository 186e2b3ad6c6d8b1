//! `plankg trace TERM`: since when, where and how continuously a term appears.

use std::collections::HashMap;
use std::io::{self, Write};

use anyhow::Context as _;
use plankg_extract::{Gazetteer, TermNormaliser};
use plankg_graph::lineage::{trace, Occurrence, TraceQuery, TraceReport};
use plankg_graph::text_index::TextIndex;
use plankg_model::PartKind;
use serde::Serialize;

use crate::cli::{GlobalArgs, TraceArgs, TraceFormat};
use crate::commands::extract::loaded_gazetteer;
use crate::output;
use crate::Outcome;

/// Characters of a task's text shown on each side of the match in the table.
const CONTEXT_CHARS: usize = 24;

pub(crate) fn run(global: &GlobalArgs, args: &TraceArgs) -> anyhow::Result<Outcome> {
    let dir = TextIndex::dir_of_store(&args.store.store);
    let index = TextIndex::open(&dir).with_context(|| {
        format!(
            "cannot open the text index of {}",
            args.store.store.display()
        )
    })?;
    let query = TraceQuery {
        term: term_normaliser(global)?.normalise(&args.term),
        issuer: args.issuer.clone(),
        region: args.region.clone(),
        from: args.from,
        to: args.to,
        keep_duplicates: args.keep_duplicates,
    };
    let report = trace(&index, &query)?;
    if let Some(svg) = &args.svg {
        let picture = plankg_graph::lineage::timeline_svg(&report);
        std::fs::write(svg, picture).with_context(|| format!("cannot write {}", svg.display()))?;
    }
    match args.format {
        TraceFormat::Json => output::write_json_one_or_array(&[&report])?,
        TraceFormat::Csv => {
            let rows: Vec<CsvRow<'_>> = report.occurrences.iter().map(CsvRow::from).collect();
            output::write_csv(&rows)?;
        }
        TraceFormat::Table => write_table(&report)?,
    }
    Ok(Outcome::Success)
}

/// Folds the term with the character tables of the gazetteer the options name.
fn term_normaliser(global: &GlobalArgs) -> anyhow::Result<TermNormaliser> {
    let gazetteer = loaded_gazetteer(global)?.unwrap_or_else(Gazetteer::embedded);
    TermNormaliser::new(&gazetteer).context("invalid gazetteer")
}

/// One CSV record: the occurrence's JSON fields, the match as `start-end`, the
/// origin as three columns.
#[derive(Serialize)]
struct CsvRow<'a> {
    year: Option<i32>,
    document: &'a str,
    title: Option<&'a str>,
    issuer: Option<&'a str>,
    region: Option<&'a str>,
    section: Option<&'a str>,
    part_kind: Option<&'static str>,
    document_year: Option<i32>,
    task: &'a str,
    text: &'a str,
    #[serde(rename = "match")]
    span: String,
    via: &'a str,
    continues: Option<&'a str>,
    echoes: Option<&'a str>,
    origin: Option<&'a str>,
    origin_year: Option<i32>,
    family_size: Option<usize>,
}

impl<'a> From<&'a Occurrence> for CsvRow<'a> {
    fn from(o: &'a Occurrence) -> Self {
        Self {
            year: o.year,
            document: &o.document,
            title: o.title.as_deref(),
            issuer: o.issuer.as_deref(),
            region: o.region.as_deref(),
            section: o.section.as_deref(),
            part_kind: o.part_kind.map(PartKind::as_str),
            document_year: o.document_year,
            task: &o.task,
            text: &o.text,
            span: format!("{}-{}", o.span.0, o.span.1),
            via: &o.via,
            continues: o.continues.as_deref(),
            echoes: o.echoes.as_deref(),
            origin: o.origin.as_ref().map(|x| x.task.as_str()),
            origin_year: o.origin.as_ref().map(|x| x.year),
            family_size: o.origin.as_ref().map(|x| x.family_size),
        }
    }
}

/// The summary, then one row per occurrence.
fn write_table(report: &TraceReport) -> anyhow::Result<()> {
    {
        let mut out = io::stdout().lock();
        if report.occurrences.is_empty() {
            writeln!(out, "{}: no occurrences", report.term)?;
            if !report.suggestions.is_empty() {
                writeln!(out, "did you mean: {}", report.suggestions.join(", "))?;
            }
            return Ok(());
        }
        let years = |ys: &[i32]| ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
        let opt = |y: Option<i32>| y.map_or_else(|| "-".to_owned(), |y| y.to_string());
        writeln!(out, "term:          {}", report.term)?;
        writeln!(out, "first year:    {}", opt(report.first_year))?;
        writeln!(out, "last year:     {}", opt(report.last_year))?;
        writeln!(out, "years present: {}", years(&report.years))?;
        writeln!(
            out,
            "gaps:          {}",
            if report.gaps.is_empty() {
                "none".into()
            } else {
                years(&report.gaps)
            }
        )?;
        writeln!(out, "longest run:   {} years", report.longest_run)?;
        writeln!(out, "regions:       {}", report.regions.join(", "))?;
        writeln!(out, "issuers:       {}", report.issuers.join(", "))?;
        for v in &report.variants {
            writeln!(
                out,
                "variant:       {} ({}; not counted in years)",
                v.label,
                years(&v.years)
            )?;
        }
        writeln!(out)?;
    }
    let header: Vec<String> = [
        "year", "region", "issuer", "document", "section", "part", "text", "via", "links",
    ]
    .iter()
    .map(|h| (*h).to_owned())
    .collect();
    // Links are shown by row number when they point at another row, else as IRIs.
    let rows_by_task: HashMap<&str, usize> = report
        .occurrences
        .iter()
        .enumerate()
        .rev()
        .map(|(i, o)| (o.task.as_str(), i + 1))
        .collect();
    let row_of = |iri: &str| rows_by_task.get(iri).copied();
    let link = |kind: &str, target: &Option<String>| {
        target.as_deref().map(|t| match row_of(t) {
            Some(row) => format!("{kind} #{row}"),
            None => format!("{kind} {t}"),
        })
    };
    let rows: Vec<Vec<String>> = report
        .occurrences
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let first_seen = o.origin.as_ref().map(|origin| {
                format!(
                    "first seen {} (family of {})",
                    origin.year, origin.family_size
                )
            });
            let links: Vec<String> = [
                link("continues", &o.continues),
                link("echoes", &o.echoes),
                first_seen,
            ]
            .into_iter()
            .flatten()
            .collect();
            vec![
                format!(
                    "#{} {}",
                    i + 1,
                    o.year.map_or_else(|| "-".to_owned(), |y| y.to_string())
                ),
                o.region.clone().unwrap_or_default(),
                o.issuer.clone().unwrap_or_default(),
                o.title.clone().unwrap_or_default(),
                o.section
                    .clone()
                    .map(|s| excerpt_start(&s, 16))
                    .unwrap_or_default(),
                part(o),
                marked(&o.text, o.span),
                if o.via == report.term {
                    "term".to_owned()
                } else {
                    format!("variant {}", o.via)
                },
                links.join("; "),
            ]
        })
        .collect();
    output::write_table(&header, &rows)
}

/// The kind of part an occurrence is in, with its document's plan year when its
/// passage is about another year ("summary (plan 2022)").
fn part(o: &Occurrence) -> String {
    let kind = o.part_kind.map_or("", PartKind::as_str);
    match o.document_year {
        Some(plan) if o.year != Some(plan) => format!("{kind} (plan {plan})"),
        _ => kind.to_owned(),
    }
}

/// The text around the match, the match in 【】.
fn marked(text: &str, (start, end): (usize, usize)) -> String {
    // Control characters (line breaks inside a task) become spaces, keeping offsets.
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    let slice = |a: usize, b: usize| {
        chars
            .get(a..b)
            .map(|s| s.iter().collect::<String>())
            .unwrap_or_default()
    };
    format!(
        "{}{}【{}】{}{}",
        if from > 0 { "…" } else { "" },
        slice(from, start),
        slice(start, end),
        slice(end, to),
        if to < chars.len() { "…" } else { "" }
    )
}

/// The first `n` characters of `text`, with an ellipsis when cut.
fn excerpt_start(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_about_another_year_names_its_plan_year() {
        let occurrence = |year: i32, part_kind| Occurrence {
            year: Some(year),
            document_year: Some(2022),
            part_kind: Some(part_kind),
            document: String::new(),
            title: None,
            issuer: None,
            region: None,
            section: None,
            task: String::new(),
            text: String::new(),
            span: (0, 0),
            via: String::new(),
            continues: None,
            echoes: None,
            origin: None,
        };
        assert_eq!(
            part(&occurrence(2021, PartKind::Summary)),
            "summary (plan 2022)"
        );
        assert_eq!(part(&occurrence(2022, PartKind::Plan)), "plan");
    }

    #[test]
    fn match_is_marked_with_context() {
        assert_eq!(marked("推进县管校聘改革", (2, 6)), "推进【县管校聘】改革");
        let long = "一".repeat(40) + "县管校聘";
        assert!(marked(&long, (40, 44)).starts_with('…'));
    }
}
