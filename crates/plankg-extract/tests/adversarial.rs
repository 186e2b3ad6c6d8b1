//! Inputs made to break a reader: each is read or refused with a clear error, never
//! a panic, a hang or unbounded memory.

mod common;

use std::path::PathBuf;
use std::sync::LazyLock;

use plankg_extract::{ExtractError, Extractor, ExtractorBuilder};

use common::docx_with;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: LazyLock<Extractor> =
        LazyLock::new(|| ExtractorBuilder::new().build().expect("embedded gazetteer"));
    &EXTRACTOR
}

/// A sample plan of many lines, ASCII digits and punctuation among its Chinese.
fn sample() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/plans/002_e94f0fd08c83ca91.txt");
    std::fs::read_to_string(path).expect("sample plan")
}

#[test]
fn a_docx_part_inflating_past_the_limit_is_refused() {
    // 300 MiB of spaces inside one text run: a megabyte or so compressed.
    let bomb = docx_with(|out| {
        out.write_all(b"<w:p><w:r><w:t>").unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..300 {
            out.write_all(&chunk).unwrap();
        }
        out.write_all(b"</w:t></w:r></w:p>").unwrap();
    });
    assert!(bomb.len() < 4 << 20, "{} bytes", bomb.len());
    match extractor().extract(&bomb, "bomb.docx") {
        Err(ExtractError::Corrupt { message, .. }) => {
            assert!(message.contains("larger than"), "{message}");
        }
        other => panic!("a 300 MiB part was not refused: {other:?}"),
    }
}

#[test]
fn a_docx_with_a_million_paragraphs_is_read() {
    let docx = docx_with(|out| {
        out.write_all("<w:p><w:r><w:t>某县教育局2019年工作要点</w:t></w:r></w:p>".as_bytes())
            .unwrap();
        for n in 0..1_000_000 {
            write!(
                out,
                "<w:p><w:r><w:t>{n}.加强教师队伍建设。</w:t></w:r></w:p>"
            )
            .unwrap();
        }
    });
    let documents = extractor().extract(&docx, "million.docx").unwrap();
    let tasks: usize = documents.iter().map(|d| d.tasks().count()).sum();
    assert!(tasks >= 1_000_000, "{tasks} tasks");
}

#[test]
fn a_200_mb_file_of_one_line_is_read() {
    // A sample plan with its line breaks taken out, repeated to 200 MB: one line
    // the structure reader and the recognisers must get through in pieces.
    let line = sample().replace(['\n', '\r'], " ");
    let copies = (200 << 20) / line.len() + 1;
    let text = line.repeat(copies);
    assert!(!text.contains('\n') && text.len() >= 200 << 20);
    let documents = extractor()
        .extract(text.as_bytes(), "one_line.txt")
        .unwrap();
    let policies: usize = documents
        .iter()
        .flat_map(|d| d.tasks())
        .map(|t| t.entities.policies.len())
        .sum();
    assert!(policies > 0, "no policy found in 200 MB of a sample plan");
}

#[test]
fn html_nested_100000_deep_is_read() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}某县教育局2019年工作要点\n一、加强党的建设{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let text = extractor()
        .plain_text(html.as_bytes(), "deep.html")
        .unwrap();
    assert!(text.contains("加强党的建设"), "{text}");
    extractor().extract(html.as_bytes(), "deep.html").unwrap();
}

#[test]
fn a_file_switching_from_utf8_to_gbk_is_read_in_both() {
    let text = sample();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (first, second) = lines.split_at(lines.len() / 2);
    let mut bytes = first.concat().into_bytes();
    let second = second.concat();
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&second);
    assert!(!unmappable);
    bytes.extend_from_slice(&gbk);
    assert_eq!(extractor().plain_text(&bytes, "joined.txt").unwrap(), text);

    // Switching inside a line of the second half: the line's UTF-8 start stays
    // UTF-8.
    let line = lines.len() / 2
        + lines[lines.len() / 2..]
            .iter()
            .position(|l| l.chars().count() > 40)
            .unwrap();
    let (before, after) = lines[line].split_at(lines[line].char_indices().nth(20).unwrap().0);
    let mut bytes = lines[..line].concat().into_bytes();
    bytes.extend_from_slice(before.as_bytes());
    let rest = format!("{after}{}", lines[line + 1..].concat());
    let (gbk, _, _) = encoding_rs::GB18030.encode(&rest);
    bytes.extend_from_slice(&gbk);
    assert_eq!(extractor().plain_text(&bytes, "joined.txt").unwrap(), text);
}

#[test]
fn utf16_without_a_bom_is_decoded_not_refused() {
    let text = sample();
    let utf8 = extractor().extract(text.as_bytes(), "plan.txt").unwrap();
    for little_endian in [true, false] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|unit| {
                if little_endian {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                }
            })
            .collect();
        assert_eq!(extractor().plain_text(&bytes, "plan.txt").unwrap(), text);
        assert_eq!(extractor().extract(&bytes, "plan.txt").unwrap(), utf8);
    }
    // Binary with zero bytes stays binary.
    let binary: Vec<u8> = (0..4096_u32).flat_map(|n| n.to_le_bytes()).collect();
    assert!(matches!(
        extractor().extract(&binary, "data.txt"),
        Err(ExtractError::Binary { .. })
    ));
}
