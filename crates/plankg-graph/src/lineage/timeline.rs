//! The timeline picture of a trace: years across (the years the passages are about,
//! as the trace counts them), one lane per issuer, a mark per lane and year
//! containing the term (its number of matching tasks inside), solid lines for
//! `pk:continues` and dashed lines for `pk:echoes` between occurrences.
//!
//! Written as SVG text directly: the picture is a few dozen shapes, and text stays
//! text, so Chinese labels render with whatever CJK font the viewer has; the
//! `font-family` list names Noto Sans CJK SC first (fonts-noto-cjk on Debian).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::trace::TraceReport;

const FONT: &str = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";
const LEFT: i64 = 220;
const TOP: i64 = 60;
const YEAR_WIDTH: i64 = 56;
const LANE_HEIGHT: i64 = 40;

/// The SVG document of `report`'s timeline.
///
/// # Complexity
/// O(n log n) for n occurrences.
#[must_use]
pub fn timeline_svg(report: &TraceReport) -> String {
    let lane_of = |issuer: &Option<String>, region: &Option<String>| match (region, issuer) {
        (Some(r), Some(i)) if !i.contains(r.as_str()) => format!("{r} {i}"),
        (_, Some(i)) => i.clone(),
        (Some(r), None) => r.clone(),
        (None, None) => "?".to_owned(),
    };
    let dated: Vec<_> = report
        .occurrences
        .iter()
        .filter(|o| o.year.is_some())
        .collect();
    let lanes: BTreeSet<String> = dated
        .iter()
        .map(|o| lane_of(&o.issuer, &o.region))
        .collect();
    let lanes: Vec<String> = lanes.into_iter().collect();
    let years: Vec<i32> = dated.iter().filter_map(|o| o.year).collect();
    let (first, last) = match (years.iter().min(), years.iter().max()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => (0, -1),
    };
    let span = i64::from(last - first + 1).max(1);
    let width = LEFT + span * YEAR_WIDTH + 40;
    let height = TOP + lanes.len().max(1) as i64 * LANE_HEIGHT + 30;
    let x = |year: i32| LEFT + i64::from(year - first) * YEAR_WIDTH + YEAR_WIDTH / 2;
    let lane_index = |lane: &str| lanes.iter().position(|l| l == lane).unwrap_or(0) as i64;
    let y = |lane: i64| TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="13">"#
    );
    let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        svg,
        r#"<text x="10" y="24" font-size="16">{}</text>"#,
        escape(&report.term)
    );
    for year in first..=last {
        let _ = writeln!(
            svg,
            r##"<line x1="{0}" y1="{TOP}" x2="{0}" y2="{1}" stroke="#eee"/><text x="{0}" y="{2}" text-anchor="middle" font-size="11">{year}</text>"##,
            x(year),
            height - 30,
            TOP - 8
        );
    }
    for (i, lane) in lanes.iter().enumerate() {
        let _ = writeln!(
            svg,
            r#"<text x="10" y="{}" dominant-baseline="middle">{}</text>"#,
            y(i as i64),
            escape(lane)
        );
    }
    // Marks: one per (lane, year), the count of matching tasks inside.
    let mut marks: BTreeMap<(i64, i32), (usize, bool)> = BTreeMap::new();
    let mut position: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for o in &dated {
        let (Some(year), lane) = (o.year, lane_index(&lane_of(&o.issuer, &o.region))) else {
            continue;
        };
        let entry = marks.entry((lane, year)).or_insert((0, false));
        entry.0 += 1;
        entry.1 |= o.via == report.term;
        position.insert(&o.task, (x(year), y(lane)));
    }
    for o in &dated {
        let Some(&(x1, y1)) = position.get(o.task.as_str()) else {
            continue;
        };
        for (target, dash) in [
            (&o.continues, ""),
            (&o.echoes, r#" stroke-dasharray="4 3""#),
        ] {
            if let Some(&(x2, y2)) = target.as_deref().and_then(|t| position.get(t)) {
                let _ = writeln!(
                    svg,
                    r##"<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#4a7"{dash} stroke-width="2"/>"##
                );
            }
        }
    }
    for ((lane, year), (count, of_term)) in marks {
        let fill = if of_term { "#2b6cb0" } else { "white" };
        let text = if of_term { "white" } else { "#2b6cb0" };
        let _ = writeln!(
            svg,
            r##"<circle cx="{0}" cy="{1}" r="11" fill="{fill}" stroke="#2b6cb0" stroke-width="2"/><text x="{0}" y="{1}" text-anchor="middle" dominant-baseline="central" font-size="11" fill="{text}">{count}</text>"##,
            x(year),
            y(lane)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lineage::trace::Occurrence;

    #[test]
    fn one_mark_per_lane_and_year_and_a_line_per_link() {
        let occurrence =
            |task: &str, year: i32, issuer: &str, continues: Option<&str>| Occurrence {
                year: Some(year),
                document_year: Some(year),
                part_kind: None,
                document: format!("d{year}"),
                title: None,
                issuer: Some(issuer.into()),
                region: None,
                section: None,
                task: task.into(),
                text: String::new(),
                span: (0, 0),
                via: "县管校聘".into(),
                continues: continues.map(Into::into),
                echoes: None,
                origin: None,
            };
        let report = TraceReport {
            term: "县管校聘".into(),
            years: vec![2018, 2020],
            first_year: Some(2018),
            last_year: Some(2020),
            gaps: vec![2019],
            longest_run: 1,
            regions: Vec::new(),
            issuers: vec!["嘉兴市教育局".into()],
            variants: Vec::new(),
            occurrences: vec![
                occurrence("a", 2018, "嘉兴市教育局", None),
                occurrence("b", 2020, "嘉兴市教育局", Some("a")),
            ],
            suggestions: Vec::new(),
        };
        let svg = timeline_svg(&report);
        assert_eq!(svg.matches("<circle").count(), 2);
        assert_eq!(svg.matches("stroke=\"#4a7\"").count(), 1);
        assert!(svg.contains("嘉兴市教育局"));
        assert!(svg.contains(">2019<"));
    }
}
