#!/usr/bin/env python3
"""Seeds for the fuzz targets, written into fuzz/corpus/{text,html,docx}/.

Usage: scripts/fuzz_seeds.py CORPUS_DIR SOURCE_DIR...

Each plan text found under the SOURCE_DIRs (the sample plans, the development set,
the pool) becomes a seed of each target: the text as it is and re-encoded
(GB18030, UTF-16 LE with a BOM) for `text`; wrapped in a page with site chrome and
a table for `html`; a package with one paragraph per line (and the first lines as
numbered list items) for `docx`. HTML files among the sources are seeds of `html`
as they are. Seeds are named by their content's hash, as libFuzzer names its own.
"""

import hashlib
import html
import io
import pathlib
import sys
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write(corpus, target, data):
    out = corpus / target
    out.mkdir(parents=True, exist_ok=True)
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)


def page(lines):
    rows = "".join(
        f"<tr><td>{n}</td><td>{html.escape(line)}</td><td>各科室</td></tr>"
        for n, line in enumerate(lines[1:6], 1)
    )
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(lines[0] if lines else '')}</title></head><body>"
        '<div class="nav">首页 &gt; 通知公告</div>'
        f"<div class=\"content\">{body}<table>{rows}</table></div>"
        "<div class=\"footer\">版权所有 ICP备12345678号</div></body></html>"
    ).encode()


def docx(lines):
    paragraphs = []
    for n, line in enumerate(lines):
        numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        props = numbered if 0 < n < 4 else ""
        paragraphs.append(f"<w:p>{props}<w:r><w:t>{html.escape(line)}</w:t></w:r></w:p>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
        + "".join(paragraphs)
        + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELS)
        package.writestr("word/document.xml", document)
    return buffer.getvalue()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus = pathlib.Path(sys.argv[1])
    for source in map(pathlib.Path, sys.argv[2:]):
        for path in sorted(source.rglob("*")):
            if path.suffix in (".html", ".htm"):
                write(corpus, "html", path.read_bytes())
            if path.suffix != ".txt":
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            lines = [line for line in text.splitlines() if line.strip()]
            write(corpus, "text", text.encode())
            write(corpus, "text", text.encode("gb18030", errors="replace"))
            write(corpus, "text", "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"))
            write(corpus, "html", page(lines))
            write(corpus, "docx", docx(lines))


if __name__ == "__main__":
    main()
