//! Lineage on the sample plans: `plankg trace`, `plankg cascade`, and the
//! continues / echoes links `build` writes into the lineage graph.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::build::build;
use crate::util::{plankg, root, succeed};

const PK: &str = "https://w3id.org/plankg/ont#";

/// A store built from data/plans.
fn sample_store(dir: &Path) -> std::path::PathBuf {
    let store = dir.join("store");
    build(&root().join("data/plans"), &store, &["-q"]);
    store
}

fn trace_json(store: &Path, term: &str) -> Value {
    trace_filtered(store, term, &[])
}

/// The JSON report of `plankg trace TERM` with the options `filter`.
pub fn trace_filtered(store: &Path, term: &str, filter: &[&str]) -> Value {
    let out = succeed(
        plankg()
            .args(["trace", term, "--format", "json", "--store"])
            .arg(store)
            .args(filter),
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The years of a trace report.
pub fn years(report: &Value) -> Vec<i64> {
    report["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y.as_i64().unwrap())
        .collect()
}

/// Rows of a SELECT over the store, as maps from variable to value.
fn select(store: &Path, sparql: &str) -> Vec<serde_json::Map<String, Value>> {
    let out = succeed(
        plankg()
            .args(["query", sparql, "--format", "json", "--store"])
            .arg(store),
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row.as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v["value"].clone()))
                .collect()
        })
        .collect()
}

/// Every lineage link: (relation local name, from text, to text, similarity,
/// from document, to document).
fn links(store: &Path) -> Vec<(String, String, String, f64, String, String)> {
    let sparql = format!(
        "PREFIX pk: <{PK}>
         SELECT ?rel ?ft ?tt ?sim ?fd ?td WHERE {{
           ?c a pk:Continuation ; pk:from ?f ; pk:to ?t ; pk:relation ?rel ; pk:similarity ?sim .
           ?f pk:text ?ft ; pk:document ?fd . ?t pk:text ?tt ; pk:document ?td .
           ?f ?rel ?t .
         }}"
    );
    select(store, &sparql)
        .into_iter()
        .map(|row| {
            let s = |k: &str| row[k].as_str().unwrap().to_owned();
            (
                s("rel").trim_start_matches(PK).to_owned(),
                s("ft"),
                s("tt"),
                s("sim").parse().unwrap(),
                s("fd"),
                s("td"),
            )
        })
        .collect()
}

#[test]
fn trace_lists_the_2018_jiaxing_and_2022_lianyungang_plans() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let report = trace_json(&store, "县管校聘");
    assert_eq!(years(&report), [2018, 2022]);
    assert_eq!(report["first_year"], 2018);
    assert_eq!(report["last_year"], 2022);
    assert_eq!(report["gaps"], serde_json::json!([2019, 2020, 2021]));
    let occurrences = report["occurrences"].as_array().unwrap();
    let regions: Vec<&str> = occurrences
        .iter()
        .filter_map(|o| o["region"].as_str())
        .collect();
    assert!(regions.iter().any(|r| r.contains("嘉兴")), "{regions:?}");
    assert!(regions.iter().any(|r| r.contains("连云港")), "{regions:?}");
    for o in occurrences {
        let text: Vec<char> = o["text"].as_str().unwrap().chars().collect();
        let (start, end) = (
            usize::try_from(o["match"][0].as_u64().unwrap()).unwrap(),
            usize::try_from(o["match"][1].as_u64().unwrap()).unwrap(),
        );
        assert_eq!(text[start..end].iter().collect::<String>(), "县管校聘");
    }

    let table = plankg()
        .args(["trace", "县管校聘", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("【县管校聘】"), "{table}");
    assert!(table.contains("2018") && table.contains("2022"));
}

#[test]
fn trace_finds_shide_shifeng_in_exactly_2018_2020_2022() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let report = trace_json(&store, "师德师风");
    assert_eq!(years(&report), [2018, 2020, 2022]);
    assert_eq!(report["longest_run"], 1);
    // Full-width input is folded like the documents' text, and a term typed in
    // traditional characters finds the simplified texts.
    assert_eq!(
        years(&trace_json(&store, " 师德师风　")),
        [2018, 2020, 2022]
    );
    let traditional = trace_json(&store, "師德師風");
    assert_eq!(traditional["term"], "师德师风");
    assert_eq!(years(&traditional), [2018, 2020, 2022]);
    // Filters narrow the documents that count.
    let out = plankg()
        .args([
            "trace",
            "师德师风",
            "--from",
            "2019",
            "--to",
            "2021",
            "--format",
            "csv",
            "--store",
        ])
        .arg(&store)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("year,document,title,issuer,region,section"));
    assert!(lines.clone().count() >= 1);
    assert!(lines.all(|l| l.starts_with("2020,")), "{csv}");
}

#[test]
fn unknown_term_exits_zero_with_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let out = plankg()
        .args(["trace", "县管校用", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("no occurrences"), "{text}");
    assert!(
        text.contains("did you mean") && text.contains("县管校聘"),
        "{text}"
    );
    let report = trace_json(&store, "县管校用");
    assert!(report["occurrences"].as_array().unwrap().is_empty());
    assert_eq!(report["suggestions"][0], "县管校聘");
}

#[test]
fn trace_draws_a_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let svg = dir.path().join("t.svg");
    let out = plankg()
        .args(["trace", "师德师风", "--store"])
        .arg(&store)
        .arg("--svg")
        .arg(&svg)
        .output()
        .unwrap();
    assert!(out.status.success());
    let svg = fs::read_to_string(svg).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains(">2020<"));
    assert!(svg.matches("<circle").count() >= 3);
}

#[test]
fn cascade_puts_zhejiang_2035_under_china_2035() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let out = succeed(
        plankg()
            .args([
                "cascade",
                "中国教育现代化2035",
                "--format",
                "json",
                "--store",
            ])
            .arg(&store),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["root"]["label"], "中国教育现代化2035");
    let children: Vec<&str> = report["root"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["label"].as_str())
        .collect();
    assert!(
        children.contains(&"浙江教育现代化2035行动纲要"),
        "{children:?}"
    );
    let table = plankg()
        .args(["cascade", "《中国教育现代化2035》", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert!(String::from_utf8(table.stdout)
        .unwrap()
        .contains("浙江教育现代化2035行动纲要"));
}

#[test]
fn similar_tasks_of_different_issuers_echo() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let links = links(&store);
    // The 2020 plan (市教育局, no region) takes up the 2018 嘉兴 plan's heading.
    assert!(
        links.iter().any(|(rel, from, to, _, _, _)| rel == "echoes"
            && from.contains("坚持以十八大精神为引领,全面加强教育系统党的建设")
            && to == "全面加强教育系统党的建设"),
        "{links:?}"
    );
    // No two plans of the samples share an issuer key across years.
    assert!(links.iter().all(|l| l.0 == "echoes"), "{links:?}");
    assert!(links.iter().all(|l| l.3 >= 0.4 && l.4 != l.5));
}

/// The 2022 连云港 plan and a 2023 version of it: year changed, one task edited,
/// one part dropped, one part added.
fn two_years_of_one_issuer(dir: &Path) -> std::path::PathBuf {
    let plans = dir.join("plans");
    fs::create_dir_all(&plans).unwrap();
    let original = fs::read_to_string(root().join("data/plans/004_89347142f8fed752.txt")).unwrap();
    fs::write(plans.join("lyg_2022.txt"), &original).unwrap();
    let mut next = original.replace("2022", "2023");
    let dropped = next
        .lines()
        .find(|l| l.starts_with("七、"))
        .unwrap()
        .to_owned();
    next = next
        .replace(&dropped, "")
        .replace("八、突出安全", "七、突出安全");
    next = next.replace(
        "加强师德师风建设。全面落实",
        "持续深化师德师风建设。全面推进落实",
    );
    next = next.replace("扎实抓好常态化疫情防控。", "扎实抓好常态化疫情防控工作。");
    let added = "九、推进智慧教育示范区建设。建成覆盖全市城乡的教育专网和教育大数据中心,开展人工智能课程进校园试点,培育数字化学习示范校二十所,推广线上线下融合教学新模式。\n";
    let footer = next.find("主办单位").unwrap();
    next.insert_str(footer, added);
    fs::write(plans.join("lyg_2023.txt"), next).unwrap();
    plans
}

#[test]
fn a_plan_continues_its_previous_year() {
    let dir = tempfile::tempdir().unwrap();
    let plans = two_years_of_one_issuer(dir.path());
    let store = dir.path().join("store");
    build(&plans, &store, &["-q"]);
    let links = links(&store);
    let continues: Vec<_> = links.iter().filter(|l| l.0 == "continues").collect();
    assert!(continues.len() >= 8, "{links:?}");
    assert!(
        links.iter().all(|l| l.0 == "continues"),
        "same issuer: {links:?}"
    );
    // Every link goes from the 2023 plan to the 2022 plan.
    assert!(continues
        .iter()
        .all(|l| l.4.contains("lyg_2023") && l.5.contains("lyg_2022")));
    // The edited task continues its original, with less than full similarity.
    let edited = continues
        .iter()
        .find(|l| l.1.contains("持续深化师德师风建设"))
        .expect("the edited task is linked");
    assert!(edited.2.contains("加强师德师风建设。全面落实"));
    assert!(edited.3 < 1.0 && edited.3 >= 0.5);
    // Unchanged tasks continue their identical originals.
    assert!(continues.iter().any(|l| l.3 == 1.0 && l.1 == l.2));
    // The added task is new, and the dropped one is continued by nothing.
    assert!(links.iter().all(|l| !l.1.contains("智慧教育示范区")));
    assert!(links.iter().all(|l| !l.2.contains("进一步规范办学行为")));
    // Unrelated tasks are not linked: undoing the edits turns every linked 2023
    // text into exactly the 2022 text it links to.
    for l in &continues {
        let undone =
            l.1.replace("2023", "2022")
                .replace("七、突出安全", "八、突出安全")
                .replace(
                    "持续深化师德师风建设。全面推进落实",
                    "加强师德师风建设。全面落实",
                )
                .replace("扎实抓好常态化疫情防控工作。", "扎实抓好常态化疫情防控。");
        assert_eq!(undone, l.2, "{l:?}");
    }
    // trace shows the link between the two occurrences, and the 2023 task's chain
    // leads back to its first appearance in the 2022 plan.
    let report = trace_json(&store, "师德师风");
    let occurrences = report["occurrences"].as_array().unwrap();
    let linked = occurrences
        .iter()
        .find(|o| o["continues"].is_string())
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(linked["year"], 2023);
    assert_eq!(linked["origin"]["task"], linked["continues"]);
    assert_eq!(linked["origin"]["year"], 2022);
    assert!(linked["origin"]["family_size"].as_u64().unwrap() >= 2);
    let first = occurrences
        .iter()
        .find(|o| o["task"] == linked["continues"])
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(first["origin"]["task"], first["task"]);
}

/// A long series of annual reports, one per file, the year in the first line
/// (tests/fixtures/series: sentences of the sample plans rearranged into reports of
/// 1954–2021; two have a site disclaimer pasted inside a paragraph). For terms
/// taken from every report, the years trace reports are exactly the years of the
/// files containing the term: none missed, none invented.
#[test]
fn trace_years_are_exactly_the_years_whose_reports_contain_the_term() {
    let dir = tempfile::tempdir().unwrap();
    let series = root().join("tests/fixtures/series");
    let store = dir.path().join("store");
    build(&series, &store, &["-q"]);
    let mut reports: Vec<(i64, String)> = fs::read_dir(&series)
        .unwrap()
        .map(|entry| {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            let year = text[..4].parse().unwrap();
            (year, text)
        })
        .collect();
    reports.sort();
    assert_eq!(reports.len(), 9);

    let mut terms: Vec<String> = Vec::new();
    for (_, text) in &reports {
        let chars: Vec<char> = text.chars().collect();
        // Four-character Han windows spread over each report.
        for start in (0..chars.len().saturating_sub(4)).step_by(211) {
            let window = &chars[start..start + 4];
            if window.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
                terms.push(window.iter().collect());
            }
        }
    }
    terms.push("申明敬告".to_owned());
    assert!(terms.len() > 40, "{} terms", terms.len());
    for term in &terms {
        let expected: Vec<i64> = reports
            .iter()
            .filter(|(_, text)| text.contains(term.as_str()))
            .map(|(year, _)| *year)
            .collect();
        assert_eq!(years(&trace_json(&store, term)), expected, "{term}");
    }
}
