//! Small SVG charts drawn as text: stacked bars, horizontal bars, a heatmap, small
//! multiples of line series and an indented tree. Labels use a CJK-capable font
//! family so Chinese renders wherever Noto CJK (or the system's CJK font) is present.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The font family of every label.
const FONT: &str =
    "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei',sans-serif";

/// Colours of series, in order.
const PALETTE: [&str; 8] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f",
];

/// Escapes text for XML content and attributes.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn open(width: f64, height: f64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{FONT}\" font-size=\"12\" role=\"img\">\
         <title>{}</title>",
        escape(title)
    )
}

fn empty(title: &str) -> String {
    let mut svg = open(400.0, 40.0, title);
    svg.push_str("<text x=\"10\" y=\"25\" fill=\"#666\">（无数据 no data）</text></svg>");
    svg
}

/// Stacked vertical bars: one bar per category (year), stacked by series (level).
pub(crate) fn stacked_bars(title: &str, data: &BTreeMap<i64, BTreeMap<String, f64>>) -> String {
    if data.is_empty() {
        return empty(title);
    }
    let series: BTreeSet<&String> = data.values().flat_map(BTreeMap::keys).collect();
    let max = data
        .values()
        .map(|s| s.values().sum::<f64>())
        .fold(0.0, f64::max)
        .max(1.0);
    let (left, top, plot_h, bar_w, gap) = (50.0, 20.0, 220.0, 28.0, 12.0);
    let width = left + (bar_w + gap) * data.len() as f64 + 160.0;
    let mut svg = open(width, top + plot_h + 50.0, title);
    axis_y(&mut svg, left, top, plot_h, max);
    for (index, (year, values)) in data.iter().enumerate() {
        let x = left + gap + index as f64 * (bar_w + gap);
        let mut y = top + plot_h;
        for (s_index, name) in series.iter().enumerate() {
            let value = values.get(*name).copied().unwrap_or(0.0);
            let h = value / max * plot_h;
            y -= h;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar_w}\" height=\"{h:.1}\" fill=\"{}\"><title>{year} {}: {value}</title></rect>",
                PALETTE[s_index % PALETTE.len()],
                escape(name)
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{year}</text>",
            x + bar_w / 2.0,
            top + plot_h + 16.0
        );
    }
    legend(
        &mut svg,
        width - 150.0,
        top,
        series.iter().map(|s| s.as_str()),
    );
    svg.push_str("</svg>");
    svg
}

/// Horizontal bars, one per label, longest first as given.
pub(crate) fn horizontal_bars(title: &str, data: &[(String, f64)]) -> String {
    if data.is_empty() {
        return empty(title);
    }
    let max = data.iter().map(|(_, v)| *v).fold(0.0, f64::max).max(1.0);
    let (left, row_h, plot_w) = (220.0, 22.0, 360.0);
    let mut svg = open(
        left + plot_w + 60.0,
        row_h * data.len() as f64 + 20.0,
        title,
    );
    for (index, (label, value)) in data.iter().enumerate() {
        let y = 10.0 + index as f64 * row_h;
        let w = value / max * plot_w;
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{left}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{value}</text>",
            left - 6.0,
            y + 14.0,
            escape(label),
            row_h - 6.0,
            PALETTE[0],
            left + w + 4.0,
            y + 14.0
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A heatmap: rows (labels) × columns (years), shade by value.
pub(crate) fn heatmap(title: &str, rows: &[(String, BTreeMap<i64, f64>)]) -> String {
    let years: BTreeSet<i64> = rows.iter().flat_map(|(_, y)| y.keys().copied()).collect();
    if rows.is_empty() || years.is_empty() {
        return empty(title);
    }
    let max = rows
        .iter()
        .flat_map(|(_, y)| y.values().copied())
        .fold(0.0, f64::max)
        .max(1.0);
    let (left, top, cell) = (260.0, 30.0, 26.0);
    let mut svg = open(
        left + cell * years.len() as f64 + 20.0,
        top + cell * rows.len() as f64 + 10.0,
        title,
    );
    for (column, year) in years.iter().enumerate() {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\">{year}</text>",
            left + (column as f64 + 0.5) * cell,
            top - 8.0
        );
    }
    for (row, (label, values)) in rows.iter().enumerate() {
        let y = top + row as f64 * cell;
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 6.0,
            y + cell * 0.65,
            escape(label)
        );
        for (column, year) in years.iter().enumerate() {
            let value = values.get(year).copied().unwrap_or(0.0);
            let shade = if value > 0.0 {
                0.2 + 0.8 * value / max
            } else {
                0.0
            };
            let _ = write!(
                svg,
                "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" fill-opacity=\"{shade:.2}\" stroke=\"#ddd\"><title>{} {year}: {value}</title></rect>",
                left + column as f64 * cell,
                cell - 1.0,
                cell - 1.0,
                PALETTE[0],
                escape(label)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Small multiples: one line chart per series (each with its own scale).
pub(crate) fn line_series(title: &str, series: &[(String, BTreeMap<i64, f64>)]) -> String {
    if series.is_empty() {
        return empty(title);
    }
    let years: BTreeSet<i64> = series.iter().flat_map(|(_, s)| s.keys().copied()).collect();
    let (first, last) = (
        years.first().copied().unwrap_or(0),
        years.last().copied().unwrap_or(0),
    );
    let span = ((last - first) as f64).max(1.0);
    let (panel_w, panel_h, pad) = (300.0, 150.0, 40.0);
    let mut svg = open(
        (panel_w + pad) * series.len().min(3) as f64 + pad,
        (panel_h + pad + 20.0) * series.len().div_ceil(3) as f64,
        title,
    );
    for (index, (name, values)) in series.iter().enumerate() {
        let ox = pad + (index % 3) as f64 * (panel_w + pad);
        let oy = 30.0 + (index / 3) as f64 * (panel_h + pad + 20.0);
        let max = values
            .values()
            .copied()
            .fold(0.0, f64::max)
            .max(f64::MIN_POSITIVE);
        let _ = write!(
            svg,
            "<text x=\"{ox:.1}\" y=\"{:.1}\" font-weight=\"bold\">{}</text>",
            oy - 10.0,
            escape(name)
        );
        let _ = write!(svg, "<rect x=\"{ox:.1}\" y=\"{oy:.1}\" width=\"{panel_w}\" height=\"{panel_h}\" fill=\"none\" stroke=\"#ccc\"/>");
        let points: Vec<(f64, f64, i64, f64)> = values
            .iter()
            .map(|(year, value)| {
                let x = ox + ((year - first) as f64 / span) * panel_w;
                let y = oy + panel_h - value / max * (panel_h - 10.0);
                (x, y, *year, *value)
            })
            .collect();
        let path: Vec<String> = points
            .iter()
            .map(|(x, y, _, _)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = write!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>",
            path.join(" "),
            PALETTE[index % PALETTE.len()]
        );
        for (x, y, year, value) in points {
            let _ = write!(svg, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\" fill=\"{}\"><title>{year}: {value}</title></circle><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\">{year}</text>", PALETTE[index % PALETTE.len()], oy + panel_h + 14.0);
        }
    }
    svg.push_str("</svg>");
    svg
}

/// An indented tree: each root with its children below it.
pub(crate) fn tree(title: &str, roots: &BTreeMap<String, BTreeSet<String>>) -> String {
    if roots.is_empty() {
        return empty(title);
    }
    let lines: usize = roots.values().map(|c| c.len() + 1).sum();
    let row_h = 22.0;
    let mut svg = open(640.0, row_h * lines as f64 + 20.0, title);
    let mut y = 20.0;
    for (root, children) in roots {
        let _ = write!(
            svg,
            "<text x=\"10\" y=\"{y:.1}\" font-weight=\"bold\">{}</text>",
            escape(root)
        );
        let top = y + 4.0;
        for child in children {
            y += row_h;
            let _ = write!(
                svg,
                "<path d=\"M20 {top:.1} V{:.1} H40\" fill=\"none\" stroke=\"#999\"/><text x=\"46\" y=\"{y:.1}\">{}</text>",
                y - 4.0,
                escape(child)
            );
        }
        y += row_h;
    }
    svg.push_str("</svg>");
    svg
}

fn axis_y(svg: &mut String, left: f64, top: f64, height: f64, max: f64) {
    let _ = write!(
        svg,
        "<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{:.1}\" stroke=\"#333\"/>",
        top + height
    );
    for step in 0..=4 {
        let value = max * f64::from(step) / 4.0;
        let y = top + height - height * f64::from(step) / 4.0;
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"10\">{value:.0}</text>",
            left - 4.0,
            y + 4.0
        );
    }
}

fn legend<'a>(svg: &mut String, x: f64, y: f64, names: impl Iterator<Item = &'a str>) {
    for (index, name) in names.enumerate() {
        let row = y + index as f64 * 18.0;
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{row:.1}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            PALETTE[index % PALETTE.len()],
            x + 18.0,
            row + 11.0,
            escape(name)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_escape_labels_and_close_their_svg() {
        let mut data = BTreeMap::new();
        data.insert(
            2018,
            BTreeMap::from([("central".to_owned(), 3.0), ("<a&b>".to_owned(), 1.0)]),
        );
        let svg = stacked_bars("t", &data);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("&lt;a&amp;b&gt;"));
        assert_eq!(svg.matches("<rect").count(), 2 + 2);
        let rows = vec![(
            "名师工程".to_owned(),
            BTreeMap::from([(2018, 1.0), (2022, 2.0)]),
        )];
        assert!(heatmap("h", &rows).contains("名师工程"));
        assert!(line_series("l", &rows).contains("<polyline"));
        assert!(empty("e").contains("no data"));
    }
}
