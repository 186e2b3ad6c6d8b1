//! `plankg extract` on the sample plans.

use assert_cmd::Command;

fn plankg() -> Command {
    Command::cargo_bin("plankg").unwrap()
}

#[test]
fn extract_prints_one_object_per_input_with_documents() {
    let out = plankg()
        .args(["extract", "data/plans/004_89347142f8fed752.txt", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["source"], "004_89347142f8fed752.txt");
    assert!(!json["documents"].as_array().unwrap().is_empty());
}
