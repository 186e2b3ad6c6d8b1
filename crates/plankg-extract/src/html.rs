//! The text of an HTML page, as a reader of the rendered page sees it.
//!
//! The page is tokenized by html5gum, a WHATWG tokenizer (section 13.2.5 of the HTML
//! standard, tested against html5lib's tokenizer tests): pages saved from bureau and
//! document-sharing sites are tag soup (unclosed `<p>` and `<li>`, unquoted
//! attributes, `<` and `&&` inside scripts, Word's `<![if !supportLists]>`), which it
//! reads as browsers do. From it come:
//! - start tags (lower-case names, attribute values unquoted and decoded, the first of
//!   duplicate attributes), end tags and text; comments, doctypes and bogus comments
//!   (`<![if …]>`, `<?xml …?>`) are skipped; a `<` that starts no tag is text; a tag
//!   left open at the end of the page is dropped, as browsers drop it;
//! - the content of `script`, `style`, `title`, `textarea`, `iframe`, `noscript`,
//!   `xmp` and `plaintext` read as raw text, not markup, as browsers read it (the
//!   tokenizer's state switch on these start tags, which stands in for the tree
//!   builder's);
//! - character references decoded as browsers decode them: the 2,125 named references
//!   of HTML (the 106 legacy ones also without `;`), numeric ones with the Windows-1252
//!   reading of 128–159, U+FFFD for NUL, surrogates and values past U+10FFFF; unknown
//!   ones stay as written. `&nbsp;` becomes U+00A0, which the normaliser reads as a
//!   space.
//!
//! The tokenizer can also give the byte span of each token in the page (its
//! `Span<usize>`, 3–4 % slower); the reader has no use for them and asks for none.
//!
//! What the reader adds:
//! - drops the content of `script`, `style`, `title`, `noscript`, `template`,
//!   `iframe`, `object`, `svg`, `math`, `canvas`, `audio` and `video`;
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
//!   between two CJK characters (the page's source was wrapped, not the text).

use std::borrow::Cow;
use std::convert::Infallible;
use std::ops::Range;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, Tokenizer};

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
    let mut reader = Reader::default();
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| {
        reader.event(event);
        None::<Infallible>
    });
    // Script, style, title, textarea … content is raw text, as browsers read it.
    emitter.naively_switch_states(true);
    match Tokenizer::new_with_emitter(html, Quiet(emitter)).finish() {
        Ok(()) => {}
        Err(never) => match never {},
    }
    reader.out.finish()
}

/// The tokenizer's emitter without its parse errors: the reader reads tag soup as
/// browsers do and has no use for them, and not looking for them is faster.
struct Quiet<E>(E);

impl<E: Emitter<Token = Infallible>> ForwardingEmitter for Quiet<E> {
    type Token = Infallible;

    fn inner(&mut self) -> &mut impl Emitter<Token = Infallible> {
        &mut self.0
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

/// Bytes of the tokenizer's events as text. They are pieces of the page's string cut
/// at ASCII markup, or decoded references, so always UTF-8; checked all the same.
fn utf8(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// The attributes of a start tag that the reader reads.
#[derive(Debug, Default)]
struct Attributes {
    /// `class`.
    class: String,
    /// `id`.
    id: String,
    /// `rowspan`.
    rowspan: String,
    /// `colspan`.
    colspan: String,
    /// Which of them the tag has had so far (the first of a duplicate counts, as
    /// browsers read it), by [`Attributes::index`].
    seen: [bool; 4],
}

impl Attributes {
    /// The index of an attribute the reader reads, by its lower-case name.
    fn index(name: &[u8]) -> Option<usize> {
        match name {
            b"class" => Some(0),
            b"id" => Some(1),
            b"rowspan" => Some(2),
            b"colspan" => Some(3),
            _ => None,
        }
    }

    /// The value of the attribute at `index`.
    fn value_mut(&mut self, index: usize) -> Option<&mut String> {
        match index {
            0 => Some(&mut self.class),
            1 => Some(&mut self.id),
            2 => Some(&mut self.rowspan),
            3 => Some(&mut self.colspan),
            _ => None,
        }
    }

    /// Empties them for the next tag (keeping their buffers).
    fn clear(&mut self) {
        self.class.clear();
        self.id.clear();
        self.rowspan.clear();
        self.colspan.clear();
        self.seen = [false; 4];
    }
}

/// Turns the tokenizer's events into calls on the [`Text`] writer: a start tag when
/// it closes (one cut off by the end of the page is dropped), and nothing of a
/// hidden element.
#[derive(Default)]
struct Reader {
    /// The text being written.
    out: Text,
    /// The name of the start tag being read.
    name: String,
    /// Its attributes so far.
    attributes: Attributes,
    /// Whether a start tag is being read (attributes of end tags are dropped).
    in_start_tag: bool,
    /// The attribute whose value comes next, by [`Attributes::index`], when it is
    /// one the reader reads.
    attribute: Option<usize>,
    /// The open hidden element: its name and the open elements of that name (itself
    /// among them).
    hidden: Option<(String, usize)>,
}

impl Reader {
    /// Takes one event of the tokenizer.
    fn event(&mut self, event: CallbackEvent<'_>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.name.clear();
                self.name.push_str(&utf8(name));
                self.attributes.clear();
                self.in_start_tag = true;
                self.attribute = None;
            }
            CallbackEvent::AttributeName { name } => {
                self.attribute = Attributes::index(name)
                    .filter(|&index| self.in_start_tag && !self.attributes.seen[index]);
                if let Some(index) = self.attribute {
                    self.attributes.seen[index] = true;
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some(value_of) = self.attribute.and_then(|i| self.attributes.value_mut(i)) {
                    value_of.push_str(&utf8(value));
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                self.in_start_tag = false;
                self.attribute = None;
                self.start_tag(self_closing);
            }
            CallbackEvent::EndTag { name } => {
                self.in_start_tag = false;
                self.end_tag(&utf8(name));
            }
            CallbackEvent::String { value } => {
                if self.hidden.is_none() {
                    for c in utf8(value).chars() {
                        self.out.push(c);
                    }
                }
            }
            CallbackEvent::Comment { .. }
            | CallbackEvent::Doctype { .. }
            | CallbackEvent::Error(_) => {}
        }
    }

    /// The start tag just read.
    fn start_tag(&mut self, self_closing: bool) {
        let name = self.name.as_str();
        if let Some((hidden, open)) = &mut self.hidden {
            if hidden == name && !self_closing {
                *open += 1;
            }
            return;
        }
        // `/>` closes nothing in HTML, but the reader leaves an element it closes
        // (`<svg/>`, `<video/>`) empty rather than hide the rest of the page; the
        // content of a raw-text element is raw text whatever the `/`.
        let raw_text = html5gum::naive_next_state(name.as_bytes()).is_some();
        if HIDDEN.contains(&name) && (raw_text || !self_closing) {
            self.hidden = Some((name.to_owned(), 1));
        } else {
            self.out.open(name, &self.attributes);
        }
    }

    /// An end tag.
    fn end_tag(&mut self, name: &str) {
        let Some((hidden, open)) = &mut self.hidden else {
            self.out.close(name);
            return;
        };
        if hidden == name {
            *open -= 1;
            if *open == 0 {
                self.hidden = None;
            }
        }
    }
}

/// Whether a character is CJK (ideographs, CJK punctuation, full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3ffff}')
}

/// A span attribute's value (`rowspan`, `colspan`) as a count, 1 when absent or
/// unreadable, at most `max` (browsers cap them too).
fn span_attribute(value: &str, max: usize) -> usize {
    value.trim().parse::<usize>().map_or(1, |n| n.clamp(1, max))
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
fn names_chrome(attributes: &Attributes, words: &[&str]) -> bool {
    [&attributes.class, &attributes.id].iter().any(|value| {
        !value.is_empty()
            && value
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
    fn open_cell(&mut self, attributes: &Attributes) {
        if self.tables.is_empty() {
            self.tables.push(Table::default());
        }
        if !self.tables.last().is_some_and(|t| t.in_row) {
            self.open_row();
        }
        self.close_cell();
        let rowspan = span_attribute(&attributes.rowspan, MAX_ROWSPAN);
        let colspan = span_attribute(&attributes.colspan, MAX_COLSPAN);
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

    /// A start tag with its attributes.
    fn open(&mut self, name: &str, attributes: &Attributes) {
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
    fn open_chrome(&mut self, name: &str, attributes: &Attributes) {
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
        // A tag that the page ends in (an unclosed quote, a cut-off name) is dropped
        // with what follows it, as the WHATWG tokenizer and so browsers drop it: a
        // reader of the rendered page sees "一" and "a" (the hand-written tokenizer
        // gave "一二三" and "a<b", which no browser shows).
        assert_eq!(html_to_text("<p>一<span class=\"x>二</span>三").text, "一");
        assert_eq!(html_to_text("<p>a<b").text, "a");
        assert_eq!(
            html_to_text("<p title=\"a>b\">一</span></b>二<p>三").text,
            "一二\n三"
        );
        assert_eq!(html_to_text("x <3 y").text, "x <3 y");
        assert_eq!(html_to_text("<script>x").text, "");
        assert_eq!(
            html_to_text("&#0;&#xD800;&#150;&#99999999999;").text,
            "\u{fffd}\u{fffd}\u{2013}\u{fffd}"
        );
    }

    #[test]
    fn references_and_raw_text_are_read_as_browsers_read_them() {
        assert_eq!(
            html_to_text("&nbsp&copy2019 &notit; &#x80;&#146; &ZeroWidthSpace; &nosuch;").text,
            "\u{a0}\u{a9}2019 \u{ac}it; \u{20ac}\u{2019} \u{200b} &nosuch;"
        );
        // `/>` does not end a script; a textarea shows its markup as text.
        assert_eq!(
            html_to_text("<script src=a.js/>var x = \"<p>不显示</p>\";</script>正文").text,
            "正文"
        );
        assert_eq!(
            html_to_text("<textarea><p>a &amp; b</p></textarea>").text,
            "<p>a & b</p>"
        );
        // Hidden elements nest; one closed by `/>` is empty.
        assert_eq!(
            html_to_text("<svg><svg><text>图</text></svg>图</svg><svg/>正文").text,
            "正文"
        );
        // Attribute values are decoded; the first of a duplicate counts.
        assert_eq!(
            html_to_text(
                "<table><tr><td rowspan=\"&#50;\" rowspan=3>a</td><td>b</td></tr><tr><td>c</td></tr>\
                 <tr><td>d</td></tr></table>"
            )
            .text,
            "a\tb\na\tc\nd"
        );
    }
}
