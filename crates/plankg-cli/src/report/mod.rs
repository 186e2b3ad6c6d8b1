//! `plankg report`: one self-contained HTML file of figures for a paper — policies
//! cited per year by level, an initiative × year heatmap, the units carrying most
//! tasks, the series of the commonest target indicators and the policy cascade —
//! drawn as inline SVG, with no script and no network access needed to open it.

mod data;
mod svg;

use plankg_store::PlanStore;

use data::ReportData;
use svg::escape;

/// The report of a store, as one HTML document.
pub(crate) fn render(store: &PlanStore, title: &str) -> anyhow::Result<String> {
    let data = ReportData::read(store)?;
    let figures = [
        (
            "policies",
            "各年引用的上级政策（按层级）Policies cited per year, by level",
            svg::stacked_bars("policies cited per year", &data.citations),
        ),
        (
            "initiatives",
            "反复出现的项目与工程 Most recurrent initiatives × year (documents)",
            svg::heatmap("initiatives by year", &data.initiatives),
        ),
        (
            "units",
            "承担任务最多的单位 Units by tasks led or carried",
            svg::horizontal_bars("units by tasks", &data.units),
        ),
        (
            "targets",
            "常见目标指标的数值 Series of the commonest target indicators (mean per year)",
            svg::line_series("target series", &data.targets),
        ),
        (
            "cascade",
            "政策的地方化 Policy cascade: local policies under the higher ones they adapt",
            svg::tree("policy cascade", &data.cascade),
        ),
    ];
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>body{{font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;margin:2em;max-width:70em}}\
         figure{{margin:2em 0}}figcaption{{font-weight:bold;margin-bottom:.5em}}</style></head><body><h1>{}</h1>\n",
        escape(title),
        escape(title)
    );
    for (id, caption, figure) in figures {
        html.push_str(&format!(
            "<figure id=\"{id}\"><figcaption>{}</figcaption>{figure}</figure>\n",
            escape(caption)
        ));
    }
    html.push_str("</body></html>\n");
    Ok(html)
}
