//! Reading real files: encodings, containers, bad input, traditional characters.
//! Through the public API only: `Extractor::plain_text` (the decoded source every span
//! refers to) and `Extractor::extract`.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use plankg_extract::{ExtractError, Extractor, ExtractorBuilder};
use plankg_model::{Document, Section, Span};
use proptest::prelude::*;

use common::{docx, CONTENT_TYPES};

/// One extractor for all tests (building it compiles the gazetteers).
fn extractor() -> &'static Extractor {
    static EXTRACTOR: LazyLock<Extractor> =
        LazyLock::new(|| ExtractorBuilder::new().build().expect("embedded gazetteer"));
    &EXTRACTOR
}

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// The sample plan used for the encoding tests.
fn sample() -> String {
    std::fs::read_to_string(repo_file("data/plans/004_89347142f8fed752.txt")).expect("sample plan")
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn an_empty_file_is_reported_as_empty() {
    let extractor = extractor();
    for (bytes, name) in [
        (&b""[..], "a.txt"),
        (b"  \r\n", "b.txt"),
        (b"", "c.docx"),
        (b"", "d.html"),
    ] {
        let err = extractor.extract(bytes, name).unwrap_err();
        assert!(matches!(err, ExtractError::Empty), "{name}: {err}");
        assert_eq!(err.to_string(), "empty file");
    }
}

#[test]
fn nul_and_control_bytes_are_binary_with_their_offset() {
    let extractor = extractor();
    let mut bytes = "一、加强党建\n".as_bytes().to_vec();
    let at = bytes.len();
    bytes.extend_from_slice(&[0, 1, 2, 0xff, 0xd8]);
    match extractor.extract(&bytes, "plan.txt") {
        Err(ExtractError::Binary { offset, reason }) => {
            assert_eq!(offset, at);
            assert!(reason.contains("NUL"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // A PNG header named .txt.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert!(matches!(
        extractor.plain_text(png, "x.txt"),
        Err(ExtractError::Binary { offset: 8, .. })
    ));
    // Mostly control bytes, no NUL.
    let controls: Vec<u8> = (1..=8).cycle().take(64).collect();
    let err = extractor.plain_text(&controls, "x").unwrap_err();
    assert!(err.to_string().starts_with("not a text file"), "{err}");
    // UTF-16 is not binary for its zero bytes, but a NUL character is.
    let mut nul = utf16("教育", true);
    nul.extend_from_slice(&[0, 0]);
    assert!(matches!(
        extractor.plain_text(&nul, "x.txt"),
        Err(ExtractError::Binary { offset: 6, .. })
    ));
}

#[test]
fn gbk_copy_gives_the_same_documents_as_utf8() {
    let extractor = extractor();
    let text = sample();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert_eq!(extractor.plain_text(&gbk, "plan.txt").unwrap(), text);
    let utf8 = extractor.extract(text.as_bytes(), "plan.txt").unwrap();
    assert!(!utf8.is_empty());
    assert_eq!(extractor.extract(&gbk, "plan.txt").unwrap(), utf8);
    let (gb18030, _, _) = encoding_rs::GB18030.encode(&text);
    assert_eq!(extractor.extract(&gb18030, "plan.txt").unwrap(), utf8);
}

#[test]
fn utf16_with_bom_gives_the_same_documents_as_utf8() {
    let extractor = extractor();
    let text = sample();
    let utf8 = extractor.extract(text.as_bytes(), "plan.txt").unwrap();
    for little_endian in [true, false] {
        let bytes = utf16(&text, little_endian);
        assert_eq!(extractor.plain_text(&bytes, "plan.txt").unwrap(), text);
        assert_eq!(extractor.extract(&bytes, "plan.txt").unwrap(), utf8);
    }
    // A UTF-8 BOM is not part of the text, so spans do not move.
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(extractor.extract(&bom, "plan.txt").unwrap(), utf8);
}

#[test]
fn a_forced_encoding_is_used() {
    let text = "教育局2019年工作要点\n一、加强党的建设\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let forced = ExtractorBuilder::new()
        .with_encoding(plankg_extract::Encoding::Gbk)
        .build()
        .unwrap();
    assert_eq!(forced.plain_text(&gbk, "a.txt").unwrap(), text);
}

/// Simplified -> traditional, the table of data/gazetteer/t2s_chars.tsv read backwards
/// (characters used only in traditional text first).
fn to_traditional(text: &str) -> String {
    let table = std::fs::read_to_string(repo_file("data/gazetteer/t2s_chars.tsv")).unwrap();
    let mut reverse: HashMap<char, char> = HashMap::new();
    for kind in ["T", "t"] {
        for line in table.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() == 3 && fields[0] == kind {
                let (Some(t), Some(s)) = (fields[1].chars().next(), fields[2].chars().next())
                else {
                    continue;
                };
                reverse.entry(s).or_insert(t);
            }
        }
    }
    text.chars()
        .map(|c| *reverse.get(&c).unwrap_or(&c))
        .collect()
}

/// What must not change between a simplified plan and its traditional copy: the
/// document tree with every span, the metadata that is not text.
fn shape(documents: &[Document]) -> Vec<String> {
    fn walk(section: &Section, out: &mut Vec<String>) {
        out.push(format!(
            "section {} {:?} {:?}",
            section.id, section.span, section.heading_span
        ));
        for task in &section.tasks {
            out.push(format!("task {} {:?}", task.id, task.span));
        }
        for child in &section.children {
            walk(child, out);
        }
    }
    let mut out = Vec::new();
    for document in documents {
        out.push(format!(
            "document {:?} {:?} {} {:?}",
            document.year, document.span, document.top_sections, document.title_span
        ));
        for section in &document.sections {
            walk(section, &mut out);
        }
    }
    out
}

#[test]
fn a_traditional_copy_gives_the_same_structure_and_spans() {
    let extractor = extractor();
    let simplified = sample();
    let traditional = to_traditional(&simplified);
    assert_ne!(traditional, simplified);
    assert_eq!(traditional.chars().count(), simplified.chars().count());
    let expected = extractor
        .extract(simplified.as_bytes(), "plan.txt")
        .unwrap();
    let actual = extractor
        .extract(traditional.as_bytes(), "plan.txt")
        .unwrap();
    assert_eq!(shape(&actual), shape(&expected));
    // Spans point into the traditional source and show its wording.
    let task = actual[0].tasks().next().expect("a task");
    assert_eq!(
        task.span.slice(&traditional),
        to_traditional(task.span.slice(&simplified))
    );
}

#[test]
fn html_markup_and_entities_are_taken_out() {
    let extractor = extractor();
    let page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>工作要点_某市教育局</title>\
        <style>.a{color:red}</style><script>var s = '<p>不是正文</p>'; if (a < b && c) {}</script></head>\n\
        <body><div class=\"nav\"><a href=\"/\">首页</a>&nbsp;&gt;&nbsp;<a href=\"/jy\">通知公告</a></div>\n\
        <h1>某市教育局2019年工作要点</h1>\n<!-- 注释 -->\
        <p>&emsp;&emsp;2019年全市教育工作的总体要求是&#65306;以习近平新时代中国特色社会主义思想为指导&#x3002;</p>\n\
        <p><b>一、</b>加强党的建设<br/>1&#65294;深入学习贯彻党的十九大精神&hellip;&hellip;</p>\n\
        <p>2．落实“立德树人”根本任务&amp;提高质量。</p>\n</body></html>";
    let text = extractor.plain_text(page.as_bytes(), "page.html").unwrap();
    assert_eq!(
        text,
        "首页\u{a0}>\u{a0}通知公告\n某市教育局2019年工作要点\n\
         \u{2003}\u{2003}2019年全市教育工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。\n\
         一、加强党的建设\n1．深入学习贯彻党的十九大精神……\n2．落实“立德树人”根本任务&提高质量。"
    );
    let documents = extractor.extract(page.as_bytes(), "page.htm").unwrap();
    let chars = text.chars().count();
    for document in &documents {
        assert!(document.span.end <= chars);
        for task in document.tasks() {
            assert!(task.span.end <= chars && !task.span.slice(&text).is_empty());
        }
    }
}

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;

fn paragraph(level: Option<u8>, text: &str) -> String {
    let numbering = level.map_or(String::new(), |ilvl| {
        format!(
            "<w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr>"
        )
    });
    // Text split over runs, as Word does.
    let (head, tail) = text.split_at(text.char_indices().nth(2).map_or(text.len(), |(i, _)| i));
    format!("<w:p>{numbering}<w:r><w:t>{head}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{tail}</w:t></w:r></w:p>")
}

fn plan_docx(main: &str) -> Vec<u8> {
    let body = [
        paragraph(None, "某县教育局2019年工作要点"),
        paragraph(Some(0), "指导思想"),
        paragraph(
            None,
            "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。",
        ),
        paragraph(Some(0), "主要任务"),
        paragraph(Some(1), "加强党的建设"),
        paragraph(Some(2), "深入学习贯彻党的十九大精神。"),
        paragraph(Some(2), "落实全面从严治党主体责任。"),
        paragraph(Some(1), "推进教育公平"),
        paragraph(Some(2), "新建幼儿园3所，新增学位1000个。"),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
         <w:sectPr/></w:body></w:document>"
    );
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{main}\"/></Relationships>"
    );
    let main_name = main.trim_start_matches('/');
    let (dir, file) = main_name.rsplit_once('/').unwrap();
    let doc_rels_name = format!("{dir}/_rels/{file}.rels");
    let doc_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"lists.xml\"/></Relationships>";
    let numbering_name = format!("{dir}/lists.xml");
    docx(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", &rels),
        (main_name, &document),
        (&doc_rels_name, doc_rels),
        (&numbering_name, NUMBERING),
    ])
}

const PLAN_TEXT: &str = "某县教育局2019年工作要点\n一、指导思想\n\
    以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。\n二、主要任务\n（一）加强党的建设\n\
    1.深入学习贯彻党的十九大精神。\n2.落实全面从严治党主体责任。\n（二）推进教育公平\n1.新建幼儿园3所，新增学位1000个。";

#[test]
fn docx_paragraphs_are_lines_with_their_list_numbers() {
    let extractor = extractor();
    let bytes = plan_docx("word/document.xml");
    assert_eq!(
        extractor.plain_text(&bytes, "plan.docx").unwrap(),
        PLAN_TEXT
    );
    // The main part is found through the package relationships, wherever it is.
    let moved = plan_docx("/content/main.xml");
    assert_eq!(
        extractor.plain_text(&moved, "plan.DOCX").unwrap(),
        PLAN_TEXT
    );
    let documents = extractor.extract(&bytes, "plan.docx").unwrap();
    assert_eq!(documents.len(), 1);
    assert!(documents[0].tasks().count() >= 3);
    let last = documents[0].tasks().last().unwrap();
    assert!(
        last.span.slice(PLAN_TEXT).contains("新建幼儿园3所"),
        "{:?}",
        last.span.slice(PLAN_TEXT)
    );
}

#[test]
fn a_corrupt_docx_is_reported_as_corrupt() {
    let extractor = extractor();
    let good = plan_docx("word/document.xml");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not a zip", "这不是压缩包".as_bytes().to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        (
            "no document",
            docx(&[("[Content_Types].xml", CONTENT_TYPES)]),
        ),
        (
            "bad XML",
            docx(&[(
                "word/document.xml",
                "<w:document><w:body><w:p><w:t>文</w:p></w:body>",
            )]),
        ),
    ];
    for (what, bytes) in cases {
        match extractor.extract(&bytes, "plan.docx") {
            Err(err @ ExtractError::Corrupt { .. }) => {
                assert!(
                    err.to_string().starts_with("corrupt DOCX file: "),
                    "{what}: {err}"
                );
            }
            other => panic!("{what}: {other:?}"),
        }
    }
}

#[test]
fn legacy_word_pdf_and_other_formats_are_unsupported_with_advice() {
    let extractor = extractor();
    let bytes = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 legacy";
    let doc = extractor.extract(bytes, "plan.doc").unwrap_err();
    assert!(matches!(doc, ExtractError::Unsupported { .. }));
    assert!(doc.to_string().contains(".docx"), "{doc}");
    let wps = extractor.extract(bytes, "plan.WPS").unwrap_err();
    assert!(wps.to_string().contains(".docx"), "{wps}");
    let pdf = extractor.extract(b"%PDF-1.7\n", "plan.pdf").unwrap_err();
    assert!(pdf.to_string().starts_with("unsupported: PDF: "), "{pdf}");
    assert!(pdf.to_string().contains("pdftotext"), "{pdf}");
    let xlsx = extractor.extract(b"PK\x03\x04", "table.xlsx").unwrap_err();
    assert!(
        xlsx.to_string().starts_with("unsupported: .xlsx file"),
        "{xlsx}"
    );
}

/// Every span of the documents lies inside the source and starts before it ends.
fn spans_within(documents: &[Document], chars: usize) -> Result<(), String> {
    let check = |span: Span, what: &str| {
        if span.start <= span.end && span.end <= chars {
            Ok(())
        } else {
            Err(format!("{what} span {span:?} outside 0..{chars}"))
        }
    };
    for document in documents {
        check(document.span, "document")?;
        for section in document.all_sections() {
            check(section.span, "section")?;
        }
        for task in document.tasks() {
            check(task.span, "task")?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..512),
        name in prop::sample::select(vec!["a.txt", "a", "a.html", "a.docx", "a.pdf"]),
    ) {
        let extractor = extractor();
        if let Ok(text) = extractor.plain_text(&bytes, name) {
            if let Ok(documents) = extractor.extract(&bytes, name) {
                spans_within(&documents, text.chars().count()).map_err(TestCaseError::fail)?;
            }
        }
    }

    #[test]
    fn plan_like_text_gives_spans_within_the_source(
        text in "([一二三四（）()、。，：；1-9.．\u{3000} \t\r\n學习发展教育局年工作要点\u{a0}&<>=/!\"'a-zé#;-]|\\(xué\\)|\\[繁体:學\\]|<p>|</p>|<br>|<script>|</script>|<!--|-->|&nbsp;|&#\\d{1,8};|<td>){0,200}",
    ) {
        let extractor = extractor();
        for name in ["a.txt", "a.html"] {
            if let Ok(source) = extractor.plain_text(text.as_bytes(), name) {
                if let Ok(documents) = extractor.extract(text.as_bytes(), name) {
                    spans_within(&documents, source.chars().count()).map_err(TestCaseError::fail)?;
                }
            }
        }
    }

    #[test]
    fn a_damaged_docx_never_panics(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = plan_docx("word/document.xml");
        for (index, byte) in flips {
            let at = index.index(bytes.len());
            bytes[at] = byte;
        }
        let _ = extractor().extract(&bytes, "plan.docx");
    }
}
