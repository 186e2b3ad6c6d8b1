//! `plankg report` opened in headless Chromium: a screenshot, no script errors, every
//! figure's SVG present and drawn.

use std::path::Path;
use std::process::Command;

use crate::build::built_store;
use crate::util::plankg;

/// Runs headless Chromium (Debian's package, installed by scripts/test.sh) on `page`.
fn chromium(page: &Path, profile: &Path, extra: &[&str]) -> (String, String) {
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium must be installed (scripts/test.sh installs it)");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_report_renders_in_chromium_with_every_figure() {
    let (dir, store) = built_store();
    let page = dir.path().join("report.html");
    plankg()
        .args(["report", "--quiet", "--store"])
        .arg(&store)
        .arg("--out")
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"),
        "the report must load nothing from the network"
    );

    let (dom, log) = chromium(&page, &dir.path().join("profile-dom"), &["--dump-dom"]);
    assert!(!log.contains("Uncaught"), "script errors: {log}");
    for figure in ["policies", "initiatives", "units", "targets", "cascade"] {
        let start = dom
            .find(&format!("<figure id=\"{figure}\""))
            .unwrap_or_else(|| panic!("no figure {figure}"));
        let section = &dom[start..];
        let svg_start = section
            .find("<svg")
            .unwrap_or_else(|| panic!("no svg in {figure}"));
        let svg_end = section.find("</svg>").unwrap();
        let svg = &section[svg_start..svg_end];
        assert!(
            ["<rect", "<text", "<polyline", "<path"]
                .iter()
                .any(|shape| svg.contains(shape)),
            "empty svg in {figure}"
        );
    }
    // The sample plans carry policies of several levels and a cascade.
    assert!(dom.contains("central"));
    assert!(dom.contains("中国教育现代化2035"), "cascade root missing");

    let shot = dir.path().join("report.png");
    chromium(
        &page,
        &dir.path().join("profile-shot"),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2600",
            "--hide-scrollbars",
        ],
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.len() > 10_000 && png.starts_with(b"\x89PNG"),
        "no screenshot"
    );
}
