//! The text of an HTML page, as a reader of the rendered page sees it.
//!
//! A small tokenizer rather than an XML parser: pages saved from bureau and
//! document-sharing sites are tag soup (unclosed `<p>` and `<li>`, unquoted
//! attributes, `<` and `&&` inside scripts, Word's `<![if !supportLists]>`), which an
//! XML reader such as quick-xml rejects or misreads.
//!
//! What it does:
//! - drops comments, `<!…>` and `<?…?>` declarations, and the content of `script`,
//!   `style`, `title`, `noscript`, `template`, `iframe`, `object`, `svg`, `math`,
//!   `canvas`, `audio` and `video`;
//! - block elements (`p`, `div`, `li`, `h1`–`h6`, `tr`, `table`, …) start and end a
//!   line, without making blank lines; `<br>` always breaks the line (two in a row
//!   leave one blank line, never more);
//! - a table row is one line and its cells are separated by tabs; inside a cell,
//!   blocks and `<br>` are a space, so a cell never breaks its row. `rowspan` and
//!   `colspan` keep the columns in line: a cell spanning rows is written again in
//!   each row it covers (as pandas' `read_html` fills them), so every row carries its
//!   own units and deadline and an empty cell is empty; the grid columns of a
//!   colspan beyond its first are empty cells (tabs); a table inside a cell is read
//!   as the cell's text;
//! - site chrome by the page's structure: the text of `nav`, `aside`, `footer`, of
//!   elements whose class or id names a menu, breadcrumb, footer, sidebar, share bar
//!   or related list, of a `header` (or an element whose class names a header,
//!   banner or logo) outside `article`/`main` that holds no `h1`–`h3`, and lines
//!   whose text is mostly link text (menus, lists of other articles) is reported as
//!   chrome ranges;
//! - collapses runs of ASCII whitespace to one space, as browsers do (outside `pre`),
//!   drops it at the start and end of a line, and drops a line break in the markup
//!   between two CJK characters (the page's source was wrapped, not the text);
//! - decodes character references: numeric (decimal and hex, with the Windows-1252
//!   reading of 128–159 that browsers use), and the 253 named entities of HTML 4 plus
//!   `&apos;` (with `;`, or without it for `amp lt gt quot nbsp copy reg`); unknown
//!   ones stay as written. `&nbsp;` becomes U+00A0, which the normaliser reads as a
//!   space.

use std::ops::Range;

/// Elements whose content is not shown.
const HIDDEN: &[&str] = &[
    "script", "style", "title", "noscript", "template", "iframe", "object", "svg", "math",
    "canvas", "audio", "video",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Entities that browsers also accept without the closing `;`.
const LEGACY: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Windows-1252 characters for numeric references 128–159, as browsers read them.
const CP1252: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// The named entities of HTML 4 and `apos`, sorted by name.
const ENTITIES: &[(&str, char)] = &[
    ("AElig", '\u{c6}'),
    ("Aacute", '\u{c1}'),
    ("Acirc", '\u{c2}'),
    ("Agrave", '\u{c0}'),
    ("Alpha", '\u{391}'),
    ("Aring", '\u{c5}'),
    ("Atilde", '\u{c3}'),
    ("Auml", '\u{c4}'),
    ("Beta", '\u{392}'),
    ("Ccedil", '\u{c7}'),
    ("Chi", '\u{3a7}'),
    ("Dagger", '\u{2021}'),
    ("Delta", '\u{394}'),
    ("ETH", '\u{d0}'),
    ("Eacute", '\u{c9}'),
    ("Ecirc", '\u{ca}'),
    ("Egrave", '\u{c8}'),
    ("Epsilon", '\u{395}'),
    ("Eta", '\u{397}'),
    ("Euml", '\u{cb}'),
    ("Gamma", '\u{393}'),
    ("Iacute", '\u{cd}'),
    ("Icirc", '\u{ce}'),
    ("Igrave", '\u{cc}'),
    ("Iota", '\u{399}'),
    ("Iuml", '\u{cf}'),
    ("Kappa", '\u{39a}'),
    ("Lambda", '\u{39b}'),
    ("Mu", '\u{39c}'),
    ("Ntilde", '\u{d1}'),
    ("Nu", '\u{39d}'),
    ("OElig", '\u{152}'),
    ("Oacute", '\u{d3}'),
    ("Ocirc", '\u{d4}'),
    ("Ograve", '\u{d2}'),
    ("Omega", '\u{3a9}'),
    ("Omicron", '\u{39f}'),
    ("Oslash", '\u{d8}'),
    ("Otilde", '\u{d5}'),
    ("Ouml", '\u{d6}'),
    ("Phi", '\u{3a6}'),
    ("Pi", '\u{3a0}'),
    ("Prime", '\u{2033}'),
    ("Psi", '\u{3a8}'),
    ("Rho", '\u{3a1}'),
    ("Scaron", '\u{160}'),
    ("Sigma", '\u{3a3}'),
    ("THORN", '\u{de}'),
    ("Tau", '\u{3a4}'),
    ("Theta", '\u{398}'),
    ("Uacute", '\u{da}'),
    ("Ucirc", '\u{db}'),
    ("Ugrave", '\u{d9}'),
    ("Upsilon", '\u{3a5}'),
    ("Uuml", '\u{dc}'),
    ("Xi", '\u{39e}'),
    ("Yacute", '\u{dd}'),
    ("Yuml", '\u{178}'),
    ("Zeta", '\u{396}'),
    ("aacute", '\u{e1}'),
    ("acirc", '\u{e2}'),
    ("acute", '\u{b4}'),
    ("aelig", '\u{e6}'),
    ("agrave", '\u{e0}'),
    ("alefsym", '\u{2135}'),
    ("alpha", '\u{3b1}'),
    ("amp", '\u{26}'),
    ("and", '\u{2227}'),
    ("ang", '\u{2220}'),
    ("apos", '\u{27}'),
    ("aring", '\u{e5}'),
    ("asymp", '\u{2248}'),
    ("atilde", '\u{e3}'),
    ("auml", '\u{e4}'),
    ("bdquo", '\u{201e}'),
    ("beta", '\u{3b2}'),
    ("brvbar", '\u{a6}'),
    ("bull", '\u{2022}'),
    ("cap", '\u{2229}'),
    ("ccedil", '\u{e7}'),
    ("cedil", '\u{b8}'),
    ("cent", '\u{a2}'),
    ("chi", '\u{3c7}'),
    ("circ", '\u{2c6}'),
    ("clubs", '\u{2663}'),
    ("cong", '\u{2245}'),
    ("copy", '\u{a9}'),
    ("crarr", '\u{21b5}'),
    ("cup", '\u{222a}'),
    ("curren", '\u{a4}'),
    ("dArr", '\u{21d3}'),
    ("dagger", '\u{2020}'),
    ("darr", '\u{2193}'),
    ("deg", '\u{b0}'),
    ("delta", '\u{3b4}'),
    ("diams", '\u{2666}'),
    ("divide", '\u{f7}'),
    ("eacute", '\u{e9}'),
    ("ecirc", '\u{ea}'),
    ("egrave", '\u{e8}'),
    ("empty", '\u{2205}'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("epsilon", '\u{3b5}'),
    ("equiv", '\u{2261}'),
    ("eta", '\u{3b7}'),
    ("eth", '\u{f0}'),
    ("euml", '\u{eb}'),
    ("euro", '\u{20ac}'),
    ("exist", '\u{2203}'),
    ("fnof", '\u{192}'),
    ("forall", '\u{2200}'),
    ("frac12", '\u{bd}'),
    ("frac14", '\u{bc}'),
    ("frac34", '\u{be}'),
    ("frasl", '\u{2044}'),
    ("gamma", '\u{3b3}'),
    ("ge", '\u{2265}'),
    ("gt", '\u{3e}'),
    ("hArr", '\u{21d4}'),
    ("harr", '\u{2194}'),
    ("hearts", '\u{2665}'),
    ("hellip", '\u{2026}'),
    ("iacute", '\u{ed}'),
    ("icirc", '\u{ee}'),
    ("iexcl", '\u{a1}'),
    ("igrave", '\u{ec}'),
    ("image", '\u{2111}'),
    ("infin", '\u{221e}'),
    ("int", '\u{222b}'),
    ("iota", '\u{3b9}'),
    ("iquest", '\u{bf}'),
    ("isin", '\u{2208}'),
    ("iuml", '\u{ef}'),
    ("kappa", '\u{3ba}'),
    ("lArr", '\u{21d0}'),
    ("lambda", '\u{3bb}'),
    ("lang", '\u{2329}'),
    ("laquo", '\u{ab}'),
    ("larr", '\u{2190}'),
    ("lceil", '\u{2308}'),
    ("ldquo", '\u{201c}'),
    ("le", '\u{2264}'),
    ("lfloor", '\u{230a}'),
    ("lowast", '\u{2217}'),
    ("loz", '\u{25ca}'),
    ("lrm", '\u{200e}'),
    ("lsaquo", '\u{2039}'),
    ("lsquo", '\u{2018}'),
    ("lt", '\u{3c}'),
    ("macr", '\u{af}'),
    ("mdash", '\u{2014}'),
    ("micro", '\u{b5}'),
    ("middot", '\u{b7}'),
    ("minus", '\u{2212}'),
    ("mu", '\u{3bc}'),
    ("nabla", '\u{2207}'),
    ("nbsp", '\u{a0}'),
    ("ndash", '\u{2013}'),
    ("ne", '\u{2260}'),
    ("ni", '\u{220b}'),
    ("not", '\u{ac}'),
    ("notin", '\u{2209}'),
    ("nsub", '\u{2284}'),
    ("ntilde", '\u{f1}'),
    ("nu", '\u{3bd}'),
    ("oacute", '\u{f3}'),
    ("ocirc", '\u{f4}'),
    ("oelig", '\u{153}'),
    ("ograve", '\u{f2}'),
    ("oline", '\u{203e}'),
    ("omega", '\u{3c9}'),
    ("omicron", '\u{3bf}'),
    ("oplus", '\u{2295}'),
    ("or", '\u{2228}'),
    ("ordf", '\u{aa}'),
    ("ordm", '\u{ba}'),
    ("oslash", '\u{f8}'),
    ("otilde", '\u{f5}'),
    ("otimes", '\u{2297}'),
    ("ouml", '\u{f6}'),
    ("para", '\u{b6}'),
    ("part", '\u{2202}'),
    ("permil", '\u{2030}'),
    ("perp", '\u{22a5}'),
    ("phi", '\u{3c6}'),
    ("pi", '\u{3c0}'),
    ("piv", '\u{3d6}'),
    ("plusmn", '\u{b1}'),
    ("pound", '\u{a3}'),
    ("prime", '\u{2032}'),
    ("prod", '\u{220f}'),
    ("prop", '\u{221d}'),
    ("psi", '\u{3c8}'),
    ("quot", '\u{22}'),
    ("rArr", '\u{21d2}'),
    ("radic", '\u{221a}'),
    ("rang", '\u{232a}'),
    ("raquo", '\u{bb}'),
    ("rarr", '\u{2192}'),
    ("rceil", '\u{2309}'),
    ("rdquo", '\u{201d}'),
    ("real", '\u{211c}'),
    ("reg", '\u{ae}'),
    ("rfloor", '\u{230b}'),
    ("rho", '\u{3c1}'),
    ("rlm", '\u{200f}'),
    ("rsaquo", '\u{203a}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("scaron", '\u{161}'),
    ("sdot", '\u{22c5}'),
    ("sect", '\u{a7}'),
    ("shy", '\u{ad}'),
    ("sigma", '\u{3c3}'),
    ("sigmaf", '\u{3c2}'),
    ("sim", '\u{223c}'),
    ("spades", '\u{2660}'),
    ("sub", '\u{2282}'),
    ("sube", '\u{2286}'),
    ("sum", '\u{2211}'),
    ("sup", '\u{2283}'),
    ("sup1", '\u{b9}'),
    ("sup2", '\u{b2}'),
    ("sup3", '\u{b3}'),
    ("supe", '\u{2287}'),
    ("szlig", '\u{df}'),
    ("tau", '\u{3c4}'),
    ("there4", '\u{2234}'),
    ("theta", '\u{3b8}'),
    ("thetasym", '\u{3d1}'),
    ("thinsp", '\u{2009}'),
    ("thorn", '\u{fe}'),
    ("tilde", '\u{2dc}'),
    ("times", '\u{d7}'),
    ("trade", '\u{2122}'),
    ("uArr", '\u{21d1}'),
    ("uacute", '\u{fa}'),
    ("uarr", '\u{2191}'),
    ("ucirc", '\u{fb}'),
    ("ugrave", '\u{f9}'),
    ("uml", '\u{a8}'),
    ("upsih", '\u{3d2}'),
    ("upsilon", '\u{3c5}'),
    ("uuml", '\u{fc}'),
    ("weierp", '\u{2118}'),
    ("xi", '\u{3be}'),
    ("yacute", '\u{fd}'),
    ("yen", '\u{a5}'),
    ("yuml", '\u{ff}'),
    ("zeta", '\u{3b6}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

/// How a source's text writes a table cell merged over several rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum MergedCells {
    /// Written again in every row it covers: the HTML and DOCX readers know the
    /// merge (`rowspan`, `w:vMerge`), so an empty cell is empty.
    Repeated,
    /// Text copied out of a table: the merged cell's text is in its first row, the
    /// rows below have an empty cell there.
    #[default]
    FirstRowOnly,
}

/// The text of a source file and the parts of it that are site chrome.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageText {
    /// The text as a reader of the rendered page sees it.
    pub(crate) text: String,
    /// Character ranges of `text` that the page's structure marks as site chrome.
    pub(crate) chrome: Vec<Range<usize>>,
    /// How its tables write merged cells.
    pub(crate) merged_cells: MergedCells,
}

/// The text of an HTML page (already decoded to a string).
pub(crate) fn html_to_text(html: &str) -> PageText {
    let mut out = Text::default();
    let bytes = html.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'<' {
            match markup_at(html, at) {
                Markup::Skip(end) => at = end,
                Markup::Tag(tag) => {
                    at = tag.end;
                    if tag.closing {
                        out.close(&tag.name);
                    } else if HIDDEN.contains(&tag.name.as_str()) && !tag.self_closing {
                        at = skip_hidden(html, at, &tag.name);
                    } else {
                        out.open(&tag.name, &html[tag.attributes.clone()]);
                    }
                }
                Markup::Text => {
                    out.push('<');
                    at += 1;
                }
            }
        } else if bytes[at] == b'&' {
            let (c, len) = entity_at(html, at);
            out.push(c);
            at += len;
        } else {
            let end = html[at..]
                .find(['<', '&'])
                .map_or(html.len(), |offset| at + offset);
            for c in html[at..end].chars() {
                out.push(c);
            }
            at = end;
        }
    }
    out.finish()
}

/// What a `<` starts.
enum Markup {
    /// A comment or declaration, skipped up to this byte offset.
    Skip(usize),
    /// A start or end tag.
    Tag(Tag),
    /// Not markup: a literal `<`.
    Text,
}

/// A start or end tag.
struct Tag {
    /// Lower-case name.
    name: String,
    /// `</name>`.
    closing: bool,
    /// `<name/>`.
    self_closing: bool,
    /// Byte range of the attributes in the page.
    attributes: Range<usize>,
    /// Byte offset just after the `>`.
    end: usize,
}

/// Reads the markup starting at the `<` at `at`.
fn markup_at(html: &str, at: usize) -> Markup {
    let rest = &html[at..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = comment.find("-->").map_or(html.len(), |i| at + 4 + i + 3);
        return Markup::Skip(end);
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(html.len(), |i| at + i + 1);
        return Markup::Skip(end);
    }
    let (closing, name_start) = if rest.starts_with("</") {
        (true, 2)
    } else {
        (false, 1)
    };
    let name_len = rest[name_start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_')))
        .unwrap_or(rest.len() - name_start);
    let name = &rest[name_start..name_start + name_len];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Markup::Text;
    }
    let Some(end) = tag_end(rest, name_start + name_len) else {
        return Markup::Text;
    };
    Markup::Tag(Tag {
        name: name.to_ascii_lowercase(),
        closing,
        self_closing: rest[..end].trim_end_matches('>').ends_with('/'),
        attributes: at + name_start + name_len..at + end - 1,
        end: at + end,
    })
}

/// Byte offset in `tag` just after the `>` that closes it, skipping `>` inside quoted
/// attribute values (an unclosed quote is ignored).
fn tag_end(tag: &str, from: usize) -> Option<usize> {
    let bytes = tag.as_bytes();
    let mut at = from;
    let mut after_equals = false;
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return Some(at + 1),
            b'=' => after_equals = true,
            quote @ (b'"' | b'\'') if after_equals => {
                if let Some(close) = tag[at + 1..].find(char::from(quote)) {
                    at += close + 1;
                }
                after_equals = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        at += 1;
    }
    None
}

/// Skips the content of a hidden element: the byte offset after its end tag, or the
/// end of the page when it has none.
fn skip_hidden(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut search = from;
    while let Some(found) = html[search..].find("</") {
        let start = search + found + 2;
        let after = start + name.len();
        let matches = bytes
            .get(start..after)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
            && bytes.get(after).is_none_or(|b| !b.is_ascii_alphanumeric());
        if matches {
            return html[after..]
                .find('>')
                .map_or(html.len(), |i| after + i + 1);
        }
        search = start;
    }
    html.len()
}

/// The character of the reference starting at the `&` at `at`, and its length in
/// bytes (`('&', 1)` when it is none).
fn entity_at(html: &str, at: usize) -> (char, usize) {
    let rest = &html[at + 1..];
    if let Some(number) = rest.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if len == 0 {
            return ('&', 1);
        }
        let value = u32::from_str_radix(&digits[..len], radix).unwrap_or(u32::MAX);
        let semicolon = usize::from(digits[len..].starts_with(';'));
        return (numeric_char(value), 1 + prefix + len + semicolon);
    }
    let len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = &rest[..len];
    if rest[len..].starts_with(';') {
        if let Ok(index) = ENTITIES.binary_search_by(|(n, _)| (*n).cmp(name)) {
            return (ENTITIES[index].1, len + 2);
        }
    }
    for legacy in LEGACY {
        if name.starts_with(legacy) {
            if let Ok(index) = ENTITIES.binary_search_by(|(n, _)| n.cmp(legacy)) {
                return (ENTITIES[index].1, legacy.len() + 1);
            }
        }
    }
    ('&', 1)
}

/// The character of a numeric reference, as browsers read it.
fn numeric_char(value: u32) -> char {
    match value {
        0x80..=0x9f => CP1252[usize::try_from(value - 0x80).unwrap_or(0)],
        0 => '\u{fffd}',
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    }
}

/// Whether a character is CJK (ideographs, CJK punctuation, full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3ffff}')
}

/// The value of attribute `name` in the attribute text of a tag (case-insensitive
/// name; quoted or unquoted value).
fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let lower = attributes.to_ascii_lowercase();
    let mut search = 0;
    while let Some(found) = lower[search..].find(name) {
        let start = search + found;
        search = start + name.len();
        let before_ok = lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_ascii_whitespace() || c == '"' || c == '\'');
        let rest = lower[search..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = attributes.len() - rest.len() + 1;
        let value = attributes[value_start..].trim_start();
        return Some(match value.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = &value[1..];
                &inner[..inner.find(quote).unwrap_or(inner.len())]
            }
            _ => {
                &value[..value
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(value.len())]
            }
        });
    }
    None
}

/// A span attribute (`rowspan`, `colspan`) as a count, 1 when absent or unreadable,
/// at most `max` (browsers cap them too).
fn span_attribute(attributes: &str, name: &str, max: usize) -> usize {
    attribute(attributes, name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, |n| n.clamp(1, max))
}

/// Words in a class or id that name site chrome (menus, breadcrumbs, footers, side
/// bars, share bars, lists of related articles). An element's header is not among
/// them: article headers hold the title.
const CHROME_CLASS_WORDS: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "foot",
    "copyright",
    "sidebar",
    "share",
    "related",
    "position",
    "location",
    "friendlink",
    "toolbar",
];

/// Words of a class or id that name a site's header (logo, site name, sponsor
/// line): chrome outside the article, unless the element holds a heading that
/// does not itself name the site (`<h2 class="site-name">`).
const HEADER_CLASS_WORDS: &[&str] = &[
    "header", "banner", "logo", "masthead", "topbar", "site", "sitename", "brand",
];

/// Headings: a header holding one (not named as the site's) heads the article.
const HEADINGS: &[&str] = &["h1", "h2", "h3"];

/// Whether the class or id of an element names one of `words` as a word of its
/// value ("main-nav", "site_footer", "breadcrumbs").
fn names_chrome(attributes: &str, words: &[&str]) -> bool {
    ["class", "id"].iter().any(|name| {
        attribute(attributes, name).is_some_and(|value| {
            value
                .to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|word| {
                    words.iter().any(|w| {
                        word == *w
                            || word.strip_suffix('s') == Some(w)
                            || word.starts_with(w) && word.len() <= w.len() + 3
                    })
                })
        })
    })
}

/// A share of link text at or above this (in tenths) makes a line chrome: a menu, a
/// list of other articles.
const LINK_LINE_TENTHS: usize = 7;

/// Lines longer than this (characters) stay text whatever their links.
const LINK_LINE_CHARS: usize = 80;

/// Sentences (ends of sentences) that make a region prose rather than chrome, whatever
/// its markup says: a class word can sit on a wrapper of the whole article
/// ("has-sidebar"), and menus, breadcrumbs and lists of titles have no sentences.
const PROSE_SENTENCES: usize = 3;

/// Whether a region holds [`PROSE_SENTENCES`] sentences or more.
fn holds_prose(text: &str) -> bool {
    text.matches('。').take(PROSE_SENTENCES).count() >= PROSE_SENTENCES
}

/// The most columns a cell can span.
const MAX_COLSPAN: usize = 100;

/// The most rows a cell can span.
const MAX_ROWSPAN: usize = 10_000;

/// A cell of a row above that spans into the rows below (`rowspan`).
#[derive(Debug, Default, Clone)]
struct RowSpan {
    /// How many more rows it covers.
    rows: usize,
    /// Its text, written again in each row it covers (in its first grid column
    /// only; the columns of its colspan beyond the first stay empty).
    text: String,
}

/// An open table.
#[derive(Debug, Default)]
struct Table {
    /// For each grid column, the cell above that still covers it.
    spans: Vec<RowSpan>,
    /// Grid columns taken so far on the current row.
    col: usize,
    /// Whether a cell is open.
    in_cell: bool,
    /// The open cell: its first grid column, the byte offset where its text
    /// starts, and whether it spans rows below.
    open: Option<(usize, usize, bool)>,
    /// Empty cells to write when the open cell closes (its colspan beyond one).
    after_cell: usize,
    /// Whether a row is open.
    in_row: bool,
}

/// An open element whose text is chrome.
#[derive(Debug)]
struct ChromeElement {
    /// Its name.
    name: String,
    /// Open elements of that name inside it and itself.
    open: usize,
    /// Byte offset in the text where it started.
    start: usize,
    /// Whether it is a header (`<header>`, a header class): one that holds a
    /// heading (`h1`–`h3`) heads the article, not the site, and is not chrome.
    header: bool,
    /// Whether a heading opened inside it.
    holds_heading: bool,
}

/// The text being written, with the pending whitespace of the markup.
#[derive(Default)]
struct Text {
    /// The text so far.
    out: String,
    /// Whitespace seen since the last character, and whether it held a line break.
    pending: Option<bool>,
    /// Depth of open `pre` elements.
    pre: usize,
    /// Open tables, innermost last.
    tables: Vec<Table>,
    /// Tables opened inside a cell: read as the cell's text.
    nested_tables: usize,
    /// Depth of open `article` and `main` elements.
    in_article: usize,
    /// Depth of open `a` elements.
    in_link: usize,
    /// Open chrome elements, innermost last.
    chrome_open: Vec<ChromeElement>,
    /// Byte ranges of chrome found so far.
    chrome: Vec<Range<usize>>,
    /// Byte offset where the current line starts.
    line_start: usize,
    /// Characters (not spaces) of the current line, and how many of them are link
    /// text.
    line_chars: usize,
    line_link_chars: usize,
}

impl Text {
    /// Whether the next character starts a line or a table cell.
    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with(['\n', '\t'])
    }

    /// Whether text goes into a table cell now (its blocks do not break the line).
    fn in_cell(&self) -> bool {
        self.tables.last().is_some_and(|t| t.in_cell)
    }

    /// Appends a character of text.
    fn push(&mut self, c: char) {
        if self.pre == 0 && matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            let newline = matches!(c, '\n' | '\r') && !self.in_cell();
            self.pending = Some(self.pending.unwrap_or(false) || newline);
            return;
        }
        if let Some(newline) = self.pending.take() {
            let joined = newline && self.out.chars().next_back().is_some_and(is_cjk) && is_cjk(c);
            if !self.at_line_start() && !joined {
                self.out.push(' ');
            }
        }
        if c == '\n' {
            self.end_line();
        } else if !c.is_whitespace() {
            self.line_chars += 1;
            if self.in_link > 0 {
                self.line_link_chars += 1;
            }
        }
        self.out.push(c);
    }

    /// A space between two pieces of a cell (in place of a line break).
    fn space(&mut self) {
        if self.pending.is_none() {
            self.pending = Some(false);
        }
    }

    /// Drops trailing spaces and tabs (not empty cells: only when `tabs`).
    fn trim_end(&mut self, tabs: bool) {
        while self.out.ends_with(' ') || (tabs && self.out.ends_with('\t')) {
            self.out.pop();
        }
    }

    /// Records the current line as chrome when most of its text is link text.
    fn end_line(&mut self) {
        let chars = self.out[self.line_start..].chars().count();
        if self.line_link_chars > 0
            && self.line_link_chars * 10 >= self.line_chars * LINK_LINE_TENTHS
            && chars <= LINK_LINE_CHARS
        {
            self.chrome.push(self.line_start..self.out.len());
        }
        self.line_chars = 0;
        self.line_link_chars = 0;
        self.line_start = self.out.len() + 1;
    }

    /// Ends the current line, if it holds anything.
    fn line_break(&mut self) {
        if self.in_cell() {
            self.space();
            return;
        }
        self.pending = None;
        self.trim_end(true);
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.end_line();
            self.out.push('\n');
        }
        self.line_start = self.out.len();
    }

    /// A `<br>`: ends the line, leaving at most one blank line.
    fn hard_break(&mut self) {
        if self.in_cell() {
            self.space();
            return;
        }
        self.pending = None;
        self.trim_end(true);
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            if !self.out.ends_with('\n') {
                self.end_line();
            }
            self.out.push('\n');
        }
        self.line_start = self.out.len();
    }

    /// A tab before a cell of the current row (none before its first).
    fn cell_separator(&mut self, col: usize) {
        if col > 0 {
            self.pending = None;
            self.trim_end(false);
            self.out.push('\t');
        }
    }

    /// Closes the open cell of the innermost table, writing the empty cells of its
    /// colspan.
    fn close_cell(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        if !table.in_cell {
            return;
        }
        table.in_cell = false;
        let extra = std::mem::take(&mut table.after_cell);
        let open = table.open.take();
        self.pending = None;
        self.trim_end(false);
        if let Some((col, start, true)) = open {
            let text = self.out.get(start..).unwrap_or("").to_owned();
            if let Some(span) = self.tables.last_mut().and_then(|t| t.spans.get_mut(col)) {
                span.text = text;
            }
        }
        for _ in 0..extra {
            self.out.push('\t');
        }
    }

    /// Writes the cells above that cover the current row from its grid column
    /// onwards, each with its text: up to the first column they do not cover, or
    /// (`to_row_end`, when the row closes) up to the last column they cover.
    fn covered_cells(&mut self, to_row_end: bool) {
        loop {
            let Some(table) = self.tables.last_mut() else {
                return;
            };
            let col = table.col;
            let covered = table.spans.get(col).is_some_and(|s| s.rows > 0);
            let later = table.spans.iter().skip(col).any(|s| s.rows > 0);
            if !(covered || to_row_end && later) {
                return;
            }
            let text = match table.spans.get_mut(col) {
                Some(span) if span.rows > 0 => {
                    span.rows -= 1;
                    span.text.clone()
                }
                _ => String::new(),
            };
            table.col += 1;
            self.cell_separator(col);
            self.line_chars += text.chars().filter(|c| !c.is_whitespace()).count();
            self.out.push_str(&text);
        }
    }

    /// Closes the open row: the cells above that still span into it are used up.
    fn close_row(&mut self) {
        self.close_cell();
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        if !table.in_row {
            return;
        }
        table.in_row = false;
        self.covered_cells(true);
        self.line_break();
    }

    /// Opens a row.
    fn open_row(&mut self) {
        self.close_row();
        self.line_break();
        if let Some(table) = self.tables.last_mut() {
            table.in_row = true;
            table.col = 0;
        }
    }

    /// Opens a cell with its span attributes.
    fn open_cell(&mut self, attributes: &str) {
        if self.tables.is_empty() {
            self.tables.push(Table::default());
        }
        if !self.tables.last().is_some_and(|t| t.in_row) {
            self.open_row();
        }
        self.close_cell();
        let rowspan = span_attribute(attributes, "rowspan", MAX_ROWSPAN);
        let colspan = span_attribute(attributes, "colspan", MAX_COLSPAN);
        // Grid positions still covered by cells above come first, with their text.
        self.covered_cells(false);
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let col = table.col;
        if table.spans.len() < col + colspan {
            table.spans.resize(col + colspan, RowSpan::default());
        }
        for span in &mut table.spans[col..col + colspan] {
            *span = RowSpan {
                rows: rowspan - 1,
                text: String::new(),
            };
        }
        table.col += colspan;
        table.in_cell = true;
        table.after_cell = colspan - 1;
        self.cell_separator(col);
        let start = self.out.len();
        if let Some(table) = self.tables.last_mut() {
            table.open = Some((col, start, rowspan > 1));
        }
    }

    /// A start tag with its attribute text.
    fn open(&mut self, name: &str, attributes: &str) {
        self.open_chrome(name, attributes);
        if self.nested_tables > 0 || (self.in_cell() && name == "table") {
            if name == "table" {
                self.nested_tables += 1;
            }
            if name != "a" {
                self.space();
                return;
            }
        }
        match name {
            "br" => self.hard_break(),
            "a" => self.in_link += 1,
            "table" => {
                self.line_break();
                self.tables.push(Table::default());
            }
            "tr" => self.open_row(),
            "td" | "th" => self.open_cell(attributes),
            _ => {
                if name == "pre" {
                    self.pre += 1;
                }
                if name == "article" || name == "main" {
                    self.in_article += 1;
                }
                if BLOCKS.contains(&name) {
                    self.line_break();
                }
            }
        }
    }

    /// Starts a chrome element when `name` and its attributes make one, or counts an
    /// element of the same name inside the innermost one.
    fn open_chrome(&mut self, name: &str, attributes: &str) {
        if let Some(open) = self.chrome_open.last_mut().filter(|e| e.name == name) {
            open.open += 1;
            return;
        }
        if HEADINGS.contains(&name) && !names_chrome(attributes, HEADER_CLASS_WORDS) {
            for open in &mut self.chrome_open {
                open.holds_heading = true;
            }
        }
        let outside_article = self.in_article == 0;
        let (chrome, header) = match name {
            "nav" | "aside" | "footer" => (true, false),
            "header" => (outside_article, true),
            "a" | "span" | "b" | "i" | "em" | "strong" | "font" | "img" | "br" => (false, false),
            _ if names_chrome(attributes, CHROME_CLASS_WORDS) => (true, false),
            _ => (
                outside_article && names_chrome(attributes, HEADER_CLASS_WORDS),
                true,
            ),
        };
        if chrome {
            self.chrome_open.push(ChromeElement {
                name: name.to_owned(),
                open: 1,
                start: self.out.len(),
                header,
                holds_heading: false,
            });
        }
    }

    /// An end tag.
    fn close(&mut self, name: &str) {
        self.close_chrome(name);
        if self.nested_tables > 0 {
            if name == "table" {
                self.nested_tables -= 1;
            }
            if name == "a" {
                self.in_link = self.in_link.saturating_sub(1);
            } else {
                self.space();
            }
            return;
        }
        match name {
            "a" => self.in_link = self.in_link.saturating_sub(1),
            "td" | "th" => self.close_cell(),
            "tr" => self.close_row(),
            "table" => {
                self.close_row();
                self.tables.pop();
                self.line_break();
            }
            "br" => self.hard_break(),
            _ => {
                if name == "pre" {
                    self.pre = self.pre.saturating_sub(1);
                }
                if name == "article" || name == "main" {
                    self.in_article = self.in_article.saturating_sub(1);
                }
                if BLOCKS.contains(&name) {
                    self.line_break();
                }
            }
        }
    }

    /// Ends the innermost chrome element when `name` closes it.
    fn close_chrome(&mut self, name: &str) {
        let Some(open) = self.chrome_open.last_mut().filter(|e| e.name == name) else {
            return;
        };
        open.open -= 1;
        if open.open == 0 {
            let (start, article_header) = (open.start, open.header && open.holds_heading);
            self.chrome_open.pop();
            if !article_header {
                self.chrome.push(start..self.out.len());
            }
        }
    }

    /// The text, without blank lines at its start and end, and its chrome as
    /// character ranges.
    fn finish(mut self) -> PageText {
        while !self.tables.is_empty() {
            self.close_row();
            self.tables.pop();
        }
        self.line_break();
        let end = self.out.len();
        for open in std::mem::take(&mut self.chrome_open) {
            self.chrome.push(open.start..end);
        }
        let trimmed = self.out.trim_end_matches(['\n', ' ', '\t']);
        let trimmed = trimmed.trim_start_matches(['\n', ' ']);
        let offset = self.out.len() - self.out.trim_start_matches(['\n', ' ']).len();
        let text = trimmed.to_owned();
        let char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let char_at = |byte: usize| -> usize {
            let byte = byte.saturating_sub(offset).min(text.len());
            char_starts.partition_point(|&start| start < byte)
        };
        let mut chrome: Vec<Range<usize>> = self
            .chrome
            .iter()
            .filter(|r| !holds_prose(self.out.get(r.start..r.end).unwrap_or("")))
            .map(|r| char_at(r.start)..char_at(r.end))
            .filter(|r| !r.is_empty())
            .collect();
        chrome.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(chrome.len());
        for range in chrome {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        PageText {
            text,
            chrome: merged,
            merged_cells: MergedCells::Repeated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_table_is_sorted() {
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn markup_becomes_lines() {
        let page = "<!DOCTYPE html><html><head><title>站名</title>\
            <script>if (a<b && c>d) { x(\"</p>\"); }</script><style>p{}</style></head>\
            <body><div class=nav><a href=/>首页</a> &gt; <a href='x'>文件</a></div>\
            <h1>某市教育局2019年\n工作要点</h1><!-- comment <p>hidden</p> -->\
            <p>一、总体要求<br>坚持&ldquo;立德树人&rdquo;&nbsp;方针&#65292;R&amp;D&#x3002;</p>\
            <table><tr><td>学校</td><td>学位</td></tr><tr><td>一小</td><td>1000</td></tr></table>\
            <p>a < b &unknown; &amp c</p></body></html>";
        assert_eq!(
            html_to_text(page).text,
            "首页 > 文件\n某市教育局2019年工作要点\n一、总体要求\n\
             坚持\u{201c}立德树人\u{201d}\u{a0}方针\u{ff0c}R&D\u{3002}\n\
             学校\t学位\n一小\t1000\na < b &unknown; & c"
        );
    }

    #[test]
    fn spanned_cells_keep_the_columns_in_line() {
        let page = "<TABLE><TR><TD>序号</TD><TD colSpan=2>工作任务</TD><TD>牵头科室</TD><TD>完成时间</TD></TR>\
            <TR><TD>1</TD><TD><P>加强</P><P>党建</P></TD><TD>措施一</TD><TD rowSpan=3>办公室</TD><TD rowspan=\"2\">6月</TD></TR>\
            <TR><TD>2</TD><TD>推进</TD><TD>措施二<br>续</TD></TR>\
            <TR><TD>3</TD><TD>完善</TD><TD>措施三</TD><TD>9月</TD></TR></TABLE>";
        assert_eq!(
            html_to_text(page).text,
            "序号\t工作任务\t\t牵头科室\t完成时间\n1\t加强 党建\t措施一\t办公室\t6月\n\
             2\t推进\t措施二 续\t办公室\t6月\n3\t完善\t措施三\t办公室\t9月"
        );
        // A spanned first column is written again; a colspan under a rowspan leaves
        // its further columns empty.
        assert_eq!(
            html_to_text(
                "<table><tr><td rowspan=2>德育</td><td>a</td></tr><tr><td>b</td></tr>\
                 <tr><td rowspan=2 colspan=2>c</td><td>d</td></tr><tr><td>e</td></tr></table>"
            )
            .text,
            "德育\ta\n德育\tb\nc\t\td\nc\t\te"
        );
    }

    #[test]
    fn structural_chrome_is_reported() {
        let page = "<body><header><p>某省教育厅</p><p>主办:某省教育厅 协办:某大学</p></header>\
            <ul class=\"main-nav\"><li><a href=/>首页</a></li><li><a href=/a>新闻中心</a></li></ul>\
            <div class=content><h1>2023年工作要点</h1><p>一、加强党的建设。</p>\
            <p><a href=/x>上一篇:某文</a></p></div>\
            <footer>版权所有 某省教育厅</footer></body>";
        assert_eq!(
            chrome_of(page),
            [
                "某省教育厅\n主办:某省教育厅 协办:某大学\n首页\n新闻中心",
                "上一篇:某文",
                "版权所有 某省教育厅"
            ]
        );
        assert!(html_to_text(page)
            .text
            .contains("2023年工作要点\n一、加强党的建设。"));
    }

    #[test]
    fn a_header_class_is_chrome_unless_it_heads_the_article() {
        let page = "<div class=\"header\"><div class=sitename>某市教育局</div></div>\
            <div class=\"article-header\"><h1>某市教育局2023年工作要点</h1></div><p>一、总体要求。</p>";
        assert_eq!(chrome_of(page), ["某市教育局"]);
        assert!(html_to_text(page)
            .text
            .starts_with("某市教育局\n某市教育局2023年工作要点\n一、总体要求。"));
    }

    /// The chrome ranges of a page, as trimmed text.
    fn chrome_of(page: &str) -> Vec<String> {
        let page = html_to_text(page);
        page.chrome
            .iter()
            .map(|r| {
                let text: String = page
                    .text
                    .chars()
                    .skip(r.start)
                    .take(r.end - r.start)
                    .collect();
                text.trim().to_owned()
            })
            .collect()
    }

    #[test]
    fn a_wrapper_named_like_chrome_that_holds_prose_is_text() {
        let page = "<div class=has-sidebar><p>一、加强党建。</p><p>二、推进改革。</p><p>三、完善机制。</p></div>";
        assert!(html_to_text(page).chrome.is_empty());
    }

    #[test]
    fn pre_keeps_its_whitespace_and_brs_cap_blank_lines() {
        assert_eq!(
            html_to_text("<pre>a\n  b</pre>c<br><br><br><br>d").text,
            "a\n  b\nc\n\nd"
        );
    }

    #[test]
    fn broken_markup_does_not_lose_text() {
        assert_eq!(
            html_to_text("<p>一<span class=\"x>二</span>三").text,
            "一二三"
        );
        assert_eq!(html_to_text("x <3 y").text, "x <3 y");
        assert_eq!(html_to_text("<p>a<b").text, "a<b");
        assert_eq!(html_to_text("<script>x").text, "");
        assert_eq!(
            html_to_text("&#0;&#xD800;&#150;&#99999999999;").text,
            "\u{fffd}\u{fffd}\u{2013}\u{fffd}"
        );
    }
}
