//! `plankg extract` on the sample plans and on bad input.

use std::fs;

use crate::util::{copy_table_fixtures, plankg, python, root, sample};

#[test]
fn one_input_prints_one_object_with_documents() {
    let out = plankg()
        .args(["extract", "--format", "json"])
        .arg(sample("004_89347142f8fed752.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["source"], "004_89347142f8fed752.txt");
    assert!(!json["documents"].as_array().unwrap().is_empty());
}

#[test]
fn output_of_every_sample_validates_against_the_json_schema() {
    let inputs = fs::read_dir(root().join("data/plans")).unwrap().count();
    assert_eq!(validated_outputs(&root().join("data/plans")), inputs);
}

/// The task-table fixtures' output (deadlines, sub-row sections) is in the schema.
#[test]
fn output_of_task_tables_validates_against_the_json_schema() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = copy_table_fixtures(dir.path());
    assert_eq!(validated_outputs(dir.path()), inputs);
}

/// Extracts every file of `plans` and validates each output against
/// docs/extract.schema.json; the number of files validated.
fn validated_outputs(plans: &std::path::Path) -> usize {
    let dir = tempfile::tempdir().unwrap();
    plankg()
        .args(["extract", "--quiet", "--format", "json", "--out-dir"])
        .arg(dir.path())
        .arg(plans)
        .assert()
        .success();
    let report = python(
        r#"
import json, sys, pathlib, jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
files = sorted(pathlib.Path(sys.argv[2]).glob("*.json"))
for f in files:
    doc = json.load(open(f))
    errors = list(validator.iter_errors(doc))
    if errors:
        raise SystemExit(f"{f.name}: {errors[0].message} at {list(errors[0].path)}")
print(len(files))
"#,
        &[&root().join("docs/extract.schema.json"), dir.path()],
    );
    report.trim().parse().unwrap()
}

#[test]
fn spans_lie_inside_the_emitted_text() {
    let file = sample("002_e94f0fd08c83ca91.txt");
    let text = plankg()
        .args(["extract", "--emit-text"])
        .arg(&file)
        .output()
        .unwrap();
    let chars = String::from_utf8(text.stdout).unwrap().chars().count();
    let out = plankg().args(["extract"]).arg(&file).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut seen = 0;
    let mut stack: Vec<&serde_json::Value> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["sections"].as_array().unwrap())
        .collect();
    while let Some(section) = stack.pop() {
        for task in section["tasks"].as_array().unwrap() {
            let (start, end) = (
                task["span"]["start"].as_u64().unwrap(),
                task["span"]["end"].as_u64().unwrap(),
            );
            assert!(
                start <= end && usize::try_from(end).unwrap() <= chars,
                "task span {start}..{end} outside {chars} chars"
            );
            seen += 1;
        }
        stack.extend(section["children"].as_array().unwrap());
    }
    assert!(seen > 10, "only {seen} tasks");
}

#[test]
fn a_bad_file_is_reported_and_the_others_are_extracted() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(sample("004_89347142f8fed752.txt"), dir.path().join("a.txt")).unwrap();
    fs::write(dir.path().join("b.txt"), "").unwrap();
    fs::write(
        dir.path().join("c.doc"),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest",
    )
    .unwrap();
    fs::write(
        dir.path().join("d.txt"),
        b"\x00\x01\x02\x03binary\x00\x00\xff",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = plankg()
        .args(["extract", "--out-dir"])
        .arg(&out_dir)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some inputs failed: exit 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b.txt") && stderr.contains("empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("c.doc") && stderr.contains(".docx"),
        "{stderr}"
    );
    assert!(stderr.contains("d.txt"), "{stderr}");
    assert!(stderr.contains("3 of 4 files skipped"), "{stderr}");
    assert!(out_dir.join("a.json").exists());
}

#[test]
fn inputs_sharing_a_stem_are_written_under_their_paths() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    for sub in ["x", "y"] {
        fs::create_dir_all(input.join(sub)).unwrap();
        fs::copy(
            sample("001_62672130a47eba40.txt"),
            input.join(sub).join("plan.txt"),
        )
        .unwrap();
    }
    fs::copy(sample("004_89347142f8fed752.txt"), input.join("other.txt")).unwrap();
    let out_dir = dir.path().join("out");
    plankg()
        .args(["extract", "--out-dir"])
        .arg(&out_dir)
        .arg(&input)
        .assert()
        .success();
    let mut names: Vec<_> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["other.json", "x__plan.txt.json", "y__plan.txt.json"]
    );
}

#[test]
fn jsonl_prints_one_line_per_input() {
    let out = plankg()
        .args(["extract", "--format", "jsonl"])
        .arg(sample("001_62672130a47eba40.txt"))
        .arg(sample("004_89347142f8fed752.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["source"], "004_89347142f8fed752.txt");
}
