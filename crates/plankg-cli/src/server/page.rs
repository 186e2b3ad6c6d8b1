//! The query page at `/` and the service description at a bare `GET /query`.

include!(concat!(env!("OUT_DIR"), "/example_queries.rs"));

/// The HTML page: a query box, the example queries of ontology/queries/, and the
/// results of a SELECT as a table (fetched as SPARQL JSON results).
pub(crate) fn html() -> String {
    let mut options = String::new();
    let mut texts = String::from("[");
    for (index, (name, text)) in EXAMPLE_QUERIES.iter().enumerate() {
        options.push_str(&format!(
            "<option value=\"{index}\">{}</option>",
            escape_html(name)
        ));
        if index > 0 {
            texts.push(',');
        }
        texts.push_str(&json_string(text));
    }
    texts.push(']');
    PAGE.replace("{{OPTIONS}}", &options)
        .replace("{{QUERIES}}", &texts.replace("</", "<\\/"))
}

/// The SPARQL 1.1 Service Description of the endpoint, in Turtle.
pub(crate) fn service_description(base: &str, writable: bool) -> String {
    let update = if writable {
        "sd:supportedLanguage sd:SPARQL11Update ;\n  ".to_owned()
    } else {
        String::new()
    };
    format!(
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\
         @prefix formats: <http://www.w3.org/ns/formats/> .\n\
         <{base}/query> a sd:Service ;\n  sd:endpoint <{base}/query> ;\n  \
         sd:supportedLanguage sd:SPARQL11Query ;\n  {update}\
         sd:feature sd:UnionDefaultGraph , sd:BasicFederatedQuery ;\n  \
         sd:resultFormat formats:SPARQL_Results_JSON , formats:SPARQL_Results_XML , \
         formats:SPARQL_Results_CSV , formats:SPARQL_Results_TSV , formats:Turtle , formats:N-Triples , formats:RDF_XML , formats:JSON-LD .\n"
    )
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>plankg SPARQL</title>
<style>
body{font-family:"Noto Sans CJK SC",sans-serif;margin:1.5em;max-width:80em}
textarea{width:100%;height:16em;font-family:monospace}
table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #bbb;padding:.2em .5em;vertical-align:top}
#status{color:#a00}
</style></head><body>
<h1>plankg SPARQL endpoint</h1>
<p>POST or GET <code>/query</code> (SPARQL 1.1 Protocol); the default graph is the union of all graphs.</p>
<label>Example: <select id="examples"><option value="">—</option>{{OPTIONS}}</select></label>
<textarea id="query">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<button id="run">Run</button> <span id="status"></span>
<div id="results"></div>
<script>
const QUERIES = {{QUERIES}};
const box = document.getElementById('query');
document.getElementById('examples').addEventListener('change', e => {
  if (e.target.value !== '') box.value = QUERIES[Number(e.target.value)];
});
function cell(term) {
  if (!term) return '';
  return term.value;
}
document.getElementById('run').addEventListener('click', async () => {
  const status = document.getElementById('status');
  const out = document.getElementById('results');
  status.textContent = 'running…'; out.textContent = '';
  const response = await fetch('query', {method: 'POST',
    headers: {'Content-Type': 'application/sparql-query', 'Accept': 'application/sparql-results+json, text/turtle;q=0.5'},
    body: box.value});
  const type = response.headers.get('content-type') || '';
  if (!response.ok) { status.textContent = response.status + ': ' + await response.text(); return; }
  status.textContent = '';
  if (!type.includes('json')) { const pre = document.createElement('pre'); pre.textContent = await response.text(); out.appendChild(pre); return; }
  const json = await response.json();
  if ('boolean' in json) { out.textContent = String(json.boolean); return; }
  const table = document.createElement('table');
  const head = table.insertRow();
  for (const v of json.head.vars) { const th = document.createElement('th'); th.textContent = v; head.appendChild(th); }
  for (const b of json.results.bindings) {
    const row = table.insertRow();
    for (const v of json.head.vars) row.insertCell().textContent = cell(b[v]);
  }
  out.appendChild(table);
});
</script></body></html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_offers_every_example_query() {
        let page = html();
        assert!(!EXAMPLE_QUERIES.is_empty());
        for (name, _) in EXAMPLE_QUERIES {
            assert!(page.contains(name), "{name} missing");
        }
        assert!(!page.contains("{{"), "unfilled placeholder");
    }
}
