//! Escaping text for XML attributes and content (GraphML, GEXF).

use std::borrow::Cow;

/// Escapes markup characters and line breaks (so attribute values keep them), and
/// drops the control characters XML 1.0 forbids.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    let needs =
        |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'' | '\n' | '\r' | '\t') || forbidden(c);
    if !text.contains(needs) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\n' => escaped.push_str("&#10;"),
            '\r' => escaped.push_str("&#13;"),
            '\t' => escaped.push_str("&#9;"),
            c if forbidden(c) => {}
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

fn forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\n' | '\r' | '\t')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_line_breaks() {
        assert_eq!(escape("《规划》"), "《规划》");
        assert_eq!(
            escape("a<b> & \"c\"\n'd'\u{1}"),
            "a&lt;b&gt; &amp; &quot;c&quot;&#10;&apos;d&apos;"
        );
    }
}
